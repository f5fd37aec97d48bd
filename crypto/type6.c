/*
 * type6: encrypted pre-shared keys and their two commands (type6.h).
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "crypto/cmds.h"
#include "crypto/ike_int.h"
#include "crypto/ike_prf.h"
#include "crypto/type6.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

#define T6_SALT		8
#define T6_TAG		8
#define T6_MAX		256	/* longest key (a WORD on one line) */

static const char	b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_^";

/* SALT's AES key and the tag over SALT and CT, from MASTER. */
static bool
t6_keys(const char *master, const uint8_t *salt, uint8_t key[32])
{
	struct ike_piece	pc[2] = {
		{ salt, T6_SALT }, { master, strlen(master) },
	};

	return ike_hash(IKE_HASH_SHA256, pc, 2, key) == 0;
}

static bool
t6_tag(const uint8_t key[32], const uint8_t *salt, const uint8_t *ct,
    size_t len, uint8_t tag[T6_TAG])
{
	uint8_t			mac[IKE_PRF_MAX];
	struct ike_piece	pc[2] = { { salt, T6_SALT }, { ct, len } };

	if (ike_prf(IKE_HASH_SHA256, key, 32, pc, 2, mac) != 0)
		return false;
	memcpy(tag, mac, T6_TAG);
	return true;
}

/* AES-256-CTR (its own inverse), the salt as the counter block's top. */
static bool
t6_ctr(const uint8_t key[32], const uint8_t *salt, const uint8_t *in,
    size_t len, uint8_t *out)
{
	EVP_CIPHER_CTX	*ctx;
	uint8_t		 iv[16] = { 0 };
	int		 n, ok;

	memcpy(iv, salt, T6_SALT);
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		return false;
	ok = EVP_EncryptInit_ex(ctx, EVP_aes_256_ctr(), NULL, key, iv) == 1 &&
	    EVP_EncryptUpdate(ctx, out, &n, in, (int)len) == 1 &&
	    (size_t)n == len;
	EVP_CIPHER_CTX_free(ctx);
	return ok;
}

void
type6_encrypt(const char *master, const char *plain, struct strbuf *out)
{
	uint8_t		buf[T6_SALT + T6_TAG + T6_MAX], key[32];
	size_t		len = strlen(plain), i, n;
	unsigned	v = 0, bits = 0;

	if (len > T6_MAX)
		len = T6_MAX;
	ike_random(buf, T6_SALT);
	if (!t6_keys(master, buf, key) || !t6_ctr(key, buf,
	    (const uint8_t *)plain, len, buf + T6_SALT + T6_TAG) ||
	    !t6_tag(key, buf, buf + T6_SALT + T6_TAG, len, buf + T6_SALT))
		abort();	/* OpenSSL without SHA-256 or AES */
	n = T6_SALT + T6_TAG + len;
	for (i = 0; i < n; i++) {
		v = v << 8 | buf[i];
		for (bits += 8; bits >= 6; bits -= 6)
			strbuf_putc(out, b64[(v >> (bits - 6)) & 63]);
	}
	if (bits > 0)
		strbuf_putc(out, b64[(v << (6 - bits)) & 63]);
	explicit_bzero(buf, sizeof(buf));
	explicit_bzero(key, sizeof(key));
}

char *
type6_decrypt(const char *master, const char *cipher)
{
	uint8_t		 buf[T6_SALT + T6_TAG + T6_MAX + 2], key[32], tag[T6_TAG];
	char		*plain = NULL;
	const char	*d;
	size_t		 n = 0, len;
	unsigned	 v = 0, bits = 0;

	if (master == NULL)
		return NULL;
	for (; *cipher != '\0'; cipher++) {
		if ((d = strchr(b64, *cipher)) == NULL || n == sizeof(buf))
			return NULL;
		v = v << 6 | (unsigned)(d - b64);
		if ((bits += 6) >= 8) {
			bits -= 8;
			buf[n++] = (uint8_t)(v >> bits);
		}
	}
	if (n <= T6_SALT + T6_TAG)
		return NULL;
	len = n - T6_SALT - T6_TAG;
	plain = calloc(1, len + 1);
	if (plain == NULL)
		abort();
	if (!t6_keys(master, buf, key) || !t6_tag(key, buf,
	    buf + T6_SALT + T6_TAG, len, tag) ||
	    CRYPTO_memcmp(tag, buf + T6_SALT, T6_TAG) != 0 ||
	    !t6_ctr(key, buf, buf + T6_SALT + T6_TAG, len,
	    (uint8_t *)plain) || memchr(plain, '\0', len) != NULL) {
		xsecret_free(plain);
		plain = NULL;
	}
	explicit_bzero(buf, sizeof(buf));
	explicit_bzero(key, sizeof(key));
	return plain;
}

/* Encrypt K's clear key under the master key (its cipher text kept). */
static void
psk_encrypt(const struct crypto *c, struct psk *k)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	type6_encrypt(c->c_master_key, k->pk_key, &sb);
	free(k->pk_cipher);
	k->pk_cipher = strbuf_steal(&sb);
	k->pk_encrypted = true;
}

bool
psk_type6_in(struct vty *vty, const struct crypto *c, struct psk *k)
{
	char	*plain;

	k->pk_cipher = NULL;
	if (k->pk_encrypted) {
		if ((plain = type6_decrypt(c->c_master_key, k->pk_key)) ==
		    NULL) {
			vty_out(vty, c->c_master_key == NULL ?
			    "%% Master key not configured: type 6 key not "
			    "used\n" :
			    "%% Invalid type 6 key: it does not decrypt with "
			    "the master key\n");
			return false;
		}
		k->pk_cipher = xstrdup(k->pk_key);
		k->pk_key = plain;
		return true;
	}
	k->pk_key = xstrdup(k->pk_key);
	if (c->c_pw_aes && c->c_master_key != NULL)
		psk_encrypt(c, k);
	return true;
}

void
psk_type6_done(struct psk *k)
{
	xsecret_free(k->pk_key);
	free(k->pk_cipher);
	k->pk_key = k->pk_cipher = NULL;
}

/* Every key of STORE: the clear ones encrypted when ALL, the type 6
 * ones again (a new master key). */
static void
store_encrypt(const struct crypto *c, struct psk_store *ps, bool all)
{
	struct psk	*k;

	TAILQ_FOREACH(k, &ps->ps_list, pk_entry)
		if (k->pk_cipher != NULL || all)
			psk_encrypt(c, k);
}

static void
encrypt_all(struct crypto *c, bool all)
{
	struct keyring	*kr;

	if (c->c_master_key == NULL)
		return;
	store_encrypt(c, &c->c_keys, all);
	TAILQ_FOREACH(kr, &c->c_keyrings, kr_entry)
		store_encrypt(c, &kr->kr_keys, all);
}

/*
 * `key config-key password-encrypt KEY`: the master key, never rendered.
 * A new one re-encrypts the type 6 keys (IOS: "All current encrypted keys
 * in the router configuration are re-encrypted using the new key"); `no`
 * removes it, and type 6 keys entered after can no longer be decrypted.
 * They are never decrypted back into the configuration.
 */
int
key_config_key_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;

	/* (IOS asks for the key when it is not on the line.) */
	if (!cmd_negated(m) && cmd_arg(m, "master") == NULL) {
		vty_out(vty, "%% Incomplete command.\n\n");
		return CMD_WARNING;
	}
	xsecret_set(&c->c_master_key, cmd_negated(m) ? NULL :
	    cmd_arg(m, "master"));
	encrypt_all(c, c->c_pw_aes);
	return CMD_SUCCESS;
}

/* `password encryption aes`: the clear keys encrypted now and later;
 * `no` decrypts nothing. */
int
password_encryption_aes_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;

	c->c_pw_aes = !cmd_negated(m);
	if (c->c_pw_aes)
		encrypt_all(c, true);
	return CMD_SUCCESS;
}

void
type6_nvgen(const struct crypto *c, struct strbuf *sb)
{
	if (c->c_pw_aes)
		nv_line(sb, 0, "password encryption aes");
}

void
type6_free(struct crypto *c)
{
	xsecret_free(c->c_master_key);
	c->c_master_key = NULL;
}
