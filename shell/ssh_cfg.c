/*
 * ssh_cfg: `ip domain name`, `crypto key generate rsa`, `ip ssh version`,
 * `show ip ssh` and `show ssh`.  The RSA key is made and kept with
 * OpenSSL (a PKCS#8 PEM, its file created 0600) and handed to libssh as
 * PEM by console_ssh.c, the one file that links libssh: the tests and
 * the rest of iosh do not load it (its constructor initializes OpenSSL,
 * which would keep tests/check_fastpath from counting OpenSSL's
 * allocations).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "lib/cmdarg.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "shell/cmds.h"
#include "shell/log.h"
#include "shell/nvram.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/ssh_cfg.h"
#include "shell/vty_conn.h"

#define HOSTKEY_FILE	"ssh_host_rsa_key"

static void
hostkey_path(const struct router *r, struct strbuf *sb)
{
	strbuf_printf(sb, "%s/%s", r->r_nvram_dir, HOSTKEY_FILE);
}

/* The keys' name: the router's fully qualified name. */
static void
hostkey_label(const struct router *r, struct strbuf *sb)
{
	strbuf_printf(sb, "%s.%s", r->r_hostname,
	    r->r_domain_name != NULL ? r->r_domain_name : "");
}

const char *
ssh_hostkey_pem(struct router *r)
{
	struct strbuf	path, pem, label;

	if (r->r_hostkey == NULL && !r->r_hostkey_loaded &&
	    r->r_nvram_dir != NULL) {
		r->r_hostkey_loaded = true;
		strbuf_init(&path);
		strbuf_init(&pem);
		hostkey_path(r, &path);
		if (nvram_read(r->r_nvram_dir, HOSTKEY_FILE, &pem) > 0 &&
		    strstr(pem.sb_buf, "PRIVATE KEY-----") != NULL) {
			r->r_hostkey = strbuf_steal(&pem);
			strbuf_init(&label);
			hostkey_label(r, &label);
			xstrset(&r->r_hostkey_name, label.sb_buf);
			strbuf_free(&label);
		}
		strbuf_free(&pem);
		strbuf_free(&path);
	}
	return r->r_hostkey;
}

/* Forget the key, its bytes first. */
void
ssh_hostkey_free(struct router *r)
{
	if (r->r_hostkey != NULL) {
		explicit_bzero(r->r_hostkey, strlen(r->r_hostkey));
		free(r->r_hostkey);
	}
	r->r_hostkey = NULL;
	free(r->r_hostkey_name);
	r->r_hostkey_name = NULL;
}

/* An RSA key of BITS as its private PEM (malloc'd), or NULL. */
static char *
hostkey_make(unsigned bits)
{
	EVP_PKEY	*pk;
	BIO		*bio;
	char		*data, *pem = NULL;
	long		 n;

	if ((pk = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)bits)) == NULL)
		return NULL;
	if ((bio = BIO_new(BIO_s_secmem())) != NULL &&
	    PEM_write_bio_PrivateKey(bio, pk, NULL, NULL, 0, NULL, NULL) == 1 &&
	    (n = BIO_get_mem_data(bio, &data)) > 0) {
		pem = xmalloc((size_t)n + 1);
		memcpy(pem, data, (size_t)n);
		pem[n] = '\0';
	}
	BIO_free(bio);
	EVP_PKEY_free(pk);
	return pem;
}

/* An SSH mpint: length, then the magnitude big-endian, a zero byte first
 * when its top bit is set (RFC 4251 section 5). */
static void
put_mpint(struct strbuf *sb, const BIGNUM *bn)
{
	uint8_t	buf[1024 + 1];
	int	n = BN_num_bytes(bn);
	size_t	len;

	buf[0] = 0;
	if (n <= 0 || n > 1024)
		n = 0;
	BN_bn2bin(bn, buf + 1);
	len = (size_t)n + (n > 0 && (buf[1] & 0x80) ? 1 : 0);
	strbuf_putc(sb, (char)(len >> 24));
	strbuf_putc(sb, (char)(len >> 16));
	strbuf_putc(sb, (char)(len >> 8));
	strbuf_putc(sb, (char)len);
	strbuf_add(sb, (const char *)(buf + 1 + n - len), len);
}

/* The public key in SECSH form (RFC 4253 section 6.6, "ssh-rsa"), base64,
 * appended to OUT; false when PEM is not an RSA key. */
static bool
hostkey_secsh(const char *pem, struct strbuf *out)
{
	BIO		*bio;
	EVP_PKEY	*pk = NULL;
	BIGNUM		*e = NULL, *n = NULL;
	struct strbuf	 blob;
	unsigned char	*b64;
	bool		 ok = false;

	if ((bio = BIO_new_mem_buf(pem, -1)) != NULL)
		pk = PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL);
	BIO_free(bio);
	if (pk == NULL || EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_E, &e)
	    != 1 || EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_N, &n) != 1)
		goto out;
	strbuf_init(&blob);
	strbuf_add(&blob, "\0\0\0\7ssh-rsa", 11);
	put_mpint(&blob, e);
	put_mpint(&blob, n);
	b64 = xmalloc(4 * ((blob.sb_len + 2) / 3) + 1);
	EVP_EncodeBlock(b64, (const unsigned char *)blob.sb_buf,
	    (int)blob.sb_len);
	strbuf_puts(out, (const char *)b64);
	free(b64);
	strbuf_free(&blob);
	ok = true;
out:
	BN_free(e);
	BN_free(n);
	EVP_PKEY_free(pk);
	return ok;
}

/* The private key into the nvram directory, readable by its owner only
 * (nvram_write creates the directory, and the file with mkstemp: 0600). */
static int
hostkey_save(const struct router *r, const char *pem)
{
	if (r->r_nvram_dir == NULL)
		return 0;
	return nvram_write(r->r_nvram_dir, HOSTKEY_FILE, pem, strlen(pem));
}

static void
log_enabled(void *arg)
{
	struct router	*r = arg;

	log_msg(r, "SSH", 5, "ENABLED", "SSH %s has been enabled",
	    r->r_ssh_version == 2 ? "2.0" : "1.99");
}

/* Generate and install a key of BITS; IOS's messages around it. */
static void
hostkey_generate(struct vty *vty, unsigned bits)
{
	struct router	*r = vty->v_router;
	struct strbuf	 label;
	char		*key;
	uint64_t	 t0 = clock_mono_ms();
	bool		 had = ssh_hostkey_pem(r) != NULL;

	vty_out(vty, "%% Generating %u bit RSA keys, keys will be "
	    "non-exportable...\n", bits);
	if ((key = hostkey_make(bits)) == NULL) {
		vty_out(vty, "%% Key generation failed\n");
		return;
	}
	ssh_hostkey_free(r);
	r->r_hostkey = key;
	strbuf_init(&label);
	hostkey_label(r, &label);
	r->r_hostkey_name = strbuf_steal(&label);
	if (hostkey_save(r, key) < 0)
		vty_out(vty, "%% Could not save the RSA keys to nvram: %s\n",
		    strerror(errno));
	vty_out(vty, "[OK] (elapsed time was %u seconds)\n\n",
	    (unsigned)((clock_mono_ms() - t0) / 1000));
	/* The message follows the command's output, as IOS's does. */
	if (!had)
		evloop_timer_add(r->r_loop, 0, log_enabled, r);
}

static const char modulus_q[] = "How many bits in the modulus [512]: ";

/* The answer to "How many bits in the modulus [512]: ". */
static void
modulus_answer(struct vty *vty, void *arg, const char *answer)
{
	char		*end;
	unsigned long	 bits = 512;

	(void)arg;
	if (*answer != '\0') {
		bits = strtoul(answer, &end, 10);
		if (*end != '\0' || bits < 360 || bits > 4096) {
			vty_out(vty, "%% You must specify a number in the "
			    "range of 360 to 4096\n");
			return;
		}
	}
	hostkey_generate(vty, (unsigned)bits);
}

static void
generate_start(struct vty *vty, unsigned bits)
{
	struct strbuf	label;

	strbuf_init(&label);
	hostkey_label(vty->v_router, &label);
	vty_out(vty, "The name for the keys will be: %s\n", label.sb_buf);
	strbuf_free(&label);
	if (bits != 0) {
		vty_out(vty, "\n%% The key modulus size is %u bits\n", bits);
		hostkey_generate(vty, bits);
		return;
	}
	vty_out(vty, "Choose the size of the key modulus in the range of "
	    "360 to 4096 for your\n  General Purpose Keys. Choosing a key "
	    "modulus greater than 512 may take\n  a few minutes.\n\n");
	vty_ask(vty, modulus_q, modulus_answer, NULL, NULL);
}

static const char replace_q[] = "% Do you really want to replace them? "
    "[yes/no]: ";

static void
replace_answer(struct vty *vty, void *arg, const char *answer)
{
	if (strcmp(answer, "yes") != 0 && strcmp(answer, "y") != 0)
		return;
	generate_start(vty, (unsigned)(uintptr_t)arg);
}

/* crypto key generate rsa [general-keys] [modulus N] */
int
cmd_crypto_key_generate_rsa(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	unsigned	 bits = (unsigned)cmd_arg_num(m, "bits", 0);

	if (strcmp(r->r_hostname, "Router") == 0) {
		vty_out(vty, "%% Please define a hostname other than "
		    "Router.\n");
		return CMD_WARNING;
	}
	if (r->r_domain_name == NULL) {
		vty_out(vty, "%% Please define a domain-name first.\n");
		return CMD_WARNING;
	}
	if (ssh_hostkey_pem(r) != NULL) {
		vty_out(vty, "%% You already have RSA keys defined named "
		    "%s.\n", r->r_hostkey_name);
		vty_ask(vty, replace_q, replace_answer,
		    (void *)(uintptr_t)bits, NULL);
		return CMD_SUCCESS;
	}
	generate_start(vty, bits);
	return CMD_SUCCESS;
}

static void
log_disabled(void *arg)
{
	struct router	*r = arg;

	log_msg(r, "SSH", 5, "DISABLED", "SSH %s has been disabled",
	    r->r_ssh_version == 2 ? "2.0" : "1.99");
}

static const char zeroize_q[] = "Do you really want to remove these keys? "
    "[yes/no]: ";

static void
zeroize_answer(struct vty *vty, void *arg, const char *answer)
{
	struct router	*r = vty->v_router;

	(void)arg;
	if (strcmp(answer, "yes") != 0 && strcmp(answer, "y") != 0)
		return;
	ssh_hostkey_free(r);
	if (r->r_nvram_dir != NULL &&
	    nvram_remove(r->r_nvram_dir, HOSTKEY_FILE) < 0)
		vty_out(vty, "%% Could not remove the RSA keys from nvram: "
		    "%s\n", strerror(errno));
	evloop_timer_add(r->r_loop, 0, log_disabled, r);
}

/* crypto key zeroize rsa: new SSH connections are refused again. */
int
cmd_crypto_key_zeroize_rsa(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	if (ssh_hostkey_pem(vty->v_router) == NULL) {
		vty_out(vty, "%% No Signature RSA Keys found in "
		    "configuration.\n");
		return CMD_WARNING;
	}
	vty_out(vty, "%% All keys will be removed.\n%% All router certs "
	    "issued using these keys will also be removed.\n");
	vty_ask(vty, zeroize_q, zeroize_answer, NULL, NULL);
	return CMD_SUCCESS;
}

/* ip domain name NAME, ip domain-name NAME */
int
cmd_ip_domain_name(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;

	if (cmd_negated(m)) {
		free(r->r_domain_name);
		r->r_domain_name = NULL;
	} else {
		xstrset(&r->r_domain_name, cmd_arg(m, "dname"));
		/* Rendered as typed: 12.x's form round-trips. */
		r->r_domain_dash = cmd_has(m, "domain-name");
	}
	return CMD_SUCCESS;
}

/* ip ssh version {1|2} */
int
cmd_ip_ssh_version(struct vty *vty, const struct cmd_args *m)
{
	unsigned	v = (unsigned)cmd_arg_num(m, "ver", 2);

	if (!cmd_negated(m) && v == 1) {
		/* libssh speaks version 2 only. */
		vty_out(vty, "%% SSH version 1 is not supported\n");
		return CMD_WARNING;
	}
	vty->v_router->r_ssh_version = cmd_negated(m) ? 0 : v;
	return CMD_SUCCESS;
}

int
cmd_show_ip_ssh(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	const char	*key = ssh_hostkey_pem(r);
	struct strbuf	 b64;

	(void)m;
	vty_out(vty, "SSH %s - version %s\n", key != NULL ? "Enabled" :
	    "Disabled", r->r_ssh_version == 2 ? "2.0" : "1.99");
	if (key == NULL)
		vty_out(vty, "%%Please create RSA keys to enable SSH (and of "
		    "atleast 768 bits for SSH v2).\n");
	vty_out(vty, "Authentication methods:password\n");
	vty_out(vty, "Authentication timeout: 120 secs; Authentication "
	    "retries: 3\n");
	vty_out(vty, "Minimum expected Diffie Hellman key size : 2048 bits\n");
	strbuf_init(&b64);
	if (key != NULL && hostkey_secsh(key, &b64))
		vty_out(vty, "IOS Keys in SECSH format(ssh-rsa, base64 "
		    "encoded): %s\nssh-rsa %s\n", r->r_hostkey_name,
		    b64.sb_buf);
	strbuf_free(&b64);
	return CMD_SUCCESS;
}

int
cmd_show_ssh(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	struct vty_conn	*vc;
	const char	*cipher, *hmac, *user;
	bool		 any = false;
	int		 dir;

	(void)m;
	if (r->r_vty_hub != NULL) {
		TAILQ_FOREACH(vc, vty_hub_conns(r->r_vty_hub), vc_entry) {
			if (vc->vc_tp->vt_info == NULL ||
			    !vc->vc_tp->vt_info(vc->vc_tparg, &cipher, &hmac,
			    &user))
				continue;
			if (!any)
				vty_out(vty, "Connection Version Mode "
				    "Encryption  Hmac         State        "
				    "         Username\n");
			any = true;
			for (dir = 0; dir < 2; dir++)
				vty_out(vty, "%-10u %-7s %-4s %-11s %-12s "
				    "%-21s %s\n", vc->vc_vty, "2.0",
				    dir == 0 ? "IN" : "OUT", cipher, hmac,
				    "Session started",
				    user != NULL ? user : "");
		}
	}
	if (!any)
		vty_out(vty, "%%No SSHv2 server connections running.\n");
	vty_out(vty, "%%No SSHv1 server connections running.\n");
	return CMD_SUCCESS;
}
