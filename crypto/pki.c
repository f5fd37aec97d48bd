/*
 * pki: `crypto pki trustpoint NAME` and `crypto pki certificate chain
 * NAME` with its certificates, stored and rendered but not acted on: iosh's
 * IKE authenticates with pre-shared keys only (an isakmp policy's
 * `authentication rsa-sig` fails at run time, ike_p1.c).  A trustpoint's
 * lines are one per kind, rendered in IOS's order whatever the order
 * typed.  A certificate is read as IOS reads it, hex words line by line
 * after `certificate [ca|self-signed|...] SERIAL` until `quit`; what ends
 * must be a DER X.509 certificate (OpenSSL parses it), and it is rendered
 * back from its bytes in IOS's layout: 32 bytes a line as eight groups of
 * eight hex digits, two spaces in, and the closing "  <TAB>quit".
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/x509.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

/* A trustpoint's lines, in the order IOS renders them. */
enum { TP_ENROLL, TP_SERIAL, TP_FQDN, TP_IPADDR, TP_SUBJECT, TP_ALTNAME,
	TP_REVOCATION, TP_RSAKEYPAIR, TP_AUTOENROLL, TP_NSLOT };
/* A certificate server's (`crypto pki server`), likewise (the order of
 * Cisco's configuration guide examples; unconfirmed against a capture). */
enum { CS_DB_LEVEL, CS_DB_URL, CS_DB_ARCHIVE, CS_ISSUER, CS_GRANT, CS_HASH,
	CS_LIFE_CRL, CS_LIFE_CERT, CS_LIFE_CA, CS_CDP_URL, CS_SHUTDOWN,
	CS_NSLOT };
#define PKI_NSLOT	((int)CS_NSLOT > (int)TP_NSLOT ? (int)CS_NSLOT : (int)TP_NSLOT)

/* A trustpoint, or a certificate server: a name and its lines. */
struct pki_tp {
	char	*tp_name;
	char	*tp_line[PKI_NSLOT];	/* canonical, NULL: not configured */
};

struct pki_cert {
	char	*ce_kind;		/* "", "ca ", "self-signed " ... */
	char	*ce_serial;
	uint8_t	*ce_der;
	size_t	 ce_len;
};

struct pki_chain {
	char		*ch_name;
	struct pki_cert	*ch_certs;
	size_t		 ch_n;
};

struct pki {
	struct pki_tp		**pk_tps;	/* in the order created */
	size_t			  pk_ntps;
	struct pki_tp		**pk_servers;	/* crypto pki server */
	size_t			  pk_nservers;
	struct pki_chain	**pk_chains;
	size_t			  pk_nchains;
};

static struct pki *
pki_of(struct crypto *c)
{
	if (c->c_pki == NULL)
		c->c_pki = xcalloc(1, sizeof(*c->c_pki));
	return c->c_pki;
}

static void
chain_free(struct pki_chain *ch)
{
	size_t	i;

	for (i = 0; i < ch->ch_n; i++) {
		free(ch->ch_certs[i].ce_kind);
		free(ch->ch_certs[i].ce_serial);
		free(ch->ch_certs[i].ce_der);
	}
	free(ch->ch_certs);
	free(ch->ch_name);
	free(ch);
}

static void
tp_free(struct pki_tp *tp)
{
	size_t	i;

	for (i = 0; i < PKI_NSLOT; i++)
		free(tp->tp_line[i]);
	free(tp->tp_name);
	free(tp);
}

void
pki_free(struct crypto *c)
{
	struct pki	*pk = c->c_pki;
	size_t		 i;

	if (pk == NULL)
		return;
	for (i = 0; i < pk->pk_ntps; i++)
		tp_free(pk->pk_tps[i]);
	for (i = 0; i < pk->pk_nchains; i++)
		chain_free(pk->pk_chains[i]);
	for (i = 0; i < pk->pk_nservers; i++)
		tp_free(pk->pk_servers[i]);
	free(pk->pk_servers);
	free(pk->pk_tps);
	free(pk->pk_chains);
	free(pk);
	c->c_pki = NULL;
}

bool
pki_has_certificate(const struct crypto *c)
{
	size_t	i;

	if (c->c_pki == NULL)
		return false;
	for (i = 0; i < c->c_pki->pk_nchains; i++)
		if (c->c_pki->pk_chains[i]->ch_n != 0)
			return true;
	return false;
}

/* The index of NAME in a list of named objects (by their first member). */
#define FIND(v, n, field, name, at) do {				\
	for (*(at) = 0; *(at) < (n); (*(at))++)				\
		if (strcmp((v)[*(at)]->field, (name)) == 0)		\
			break;						\
} while (0)

/* Open (or with "no" remove) the named block NAME of the list *V (N
 * long), then enter MODE to edit it. */
static int
named_block(struct vty *vty, const struct cmd_args *m, struct pki_tp ***v,
    size_t *n, int mode)
{
	const char	*name = cmd_arg(m, "name");
	struct pki_tp	*tp;
	size_t		 at;

	FIND(*v, *n, tp_name, name, &at);
	if (cmd_negated(m)) {
		if (at == *n)
			return CMD_SUCCESS;
		tp_free((*v)[at]);
		memmove(&(*v)[at], &(*v)[at + 1], (*n - at - 1) * sizeof(tp));
		(*n)--;
		return CMD_SUCCESS;
	}
	if (at == *n) {
		tp = xcalloc(1, sizeof(*tp));
		tp->tp_name = xstrdup(name);
		*v = xreallocarray(*v, *n + 1, sizeof(tp));
		(*v)[(*n)++] = tp;
	}
	vty_enter(vty, mode, (*v)[at]);
	return CMD_SUCCESS;
}

int
crypto_pki_trustpoint_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct pki	*pk = pki_of(vty->v_sys->sy_crypto);

	return named_block(vty, m, &pk->pk_tps, &pk->pk_ntps,
	    MODE_CA_TRUSTPOINT);
}

/* `crypto pki server NAME`: an IOS certificate server, stored. */
int
crypto_pki_server_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct pki	*pk = pki_of(vty->v_sys->sy_crypto);

	return named_block(vty, m, &pk->pk_servers, &pk->pk_nservers,
	    MODE_CS_SERVER);
}

/* A trustpoint line; the definition's argument is its slot (TP_*). */
int
crypto_pki_tp_line_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct pki_tp	*tp = vty->v_ctx;

	cmd_args_store(m, &tp->tp_line[*(const unsigned *)cmd_data(m)]);
	return CMD_SUCCESS;
}

const unsigned pki_slot_enroll = TP_ENROLL, pki_slot_serial = TP_SERIAL,
    pki_slot_fqdn = TP_FQDN, pki_slot_ipaddr = TP_IPADDR,
    pki_slot_subject = TP_SUBJECT, pki_slot_altname = TP_ALTNAME,
    pki_slot_revocation = TP_REVOCATION, pki_slot_rsakeypair = TP_RSAKEYPAIR,
    pki_slot_autoenroll = TP_AUTOENROLL;
/* `no database archive|level|url`: IOS archives the server's key by
 * default, so "no database archive" is itself a line it keeps. */
int
crypto_pki_cs_neg_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct pki_tp	*cs = vty->v_ctx;
	char		**slot = &cs->tp_line[cmd_has(m, "archive") ?
			    CS_DB_ARCHIVE : cmd_has(m, "level") ? CS_DB_LEVEL :
			    CS_DB_URL];

	xstrset(slot, cmd_has(m, "archive") && cmd_is_no(m) ?
	    "no database archive" : NULL);
	return CMD_SUCCESS;
}

const unsigned cs_slot_db_level = CS_DB_LEVEL, cs_slot_db_url = CS_DB_URL,
    cs_slot_db_archive = CS_DB_ARCHIVE, cs_slot_issuer = CS_ISSUER,
    cs_slot_grant = CS_GRANT, cs_slot_hash = CS_HASH,
    cs_slot_life_crl = CS_LIFE_CRL, cs_slot_life_cert = CS_LIFE_CERT,
    cs_slot_life_ca = CS_LIFE_CA, cs_slot_cdp_url = CS_CDP_URL,
    cs_slot_shutdown = CS_SHUTDOWN;

int
crypto_pki_chain_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct pki		*pk = pki_of(vty->v_sys->sy_crypto);
	const char		*name = cmd_arg(m, "name");
	struct pki_chain	*ch;
	size_t			 at;

	FIND(pk->pk_chains, pk->pk_nchains, ch_name, name, &at);
	if (cmd_negated(m)) {
		if (at == pk->pk_nchains)
			return CMD_SUCCESS;
		chain_free(pk->pk_chains[at]);
		memmove(&pk->pk_chains[at], &pk->pk_chains[at + 1],
		    (pk->pk_nchains - at - 1) * sizeof(ch));
		pk->pk_nchains--;
		return CMD_SUCCESS;
	}
	if (at == pk->pk_nchains) {
		ch = xcalloc(1, sizeof(*ch));
		ch->ch_name = xstrdup(name);
		pk->pk_chains = xreallocarray(pk->pk_chains,
		    pk->pk_nchains + 1, sizeof(ch));
		pk->pk_chains[pk->pk_nchains++] = ch;
	}
	vty_enter(vty, MODE_CONFIG_CERT_CHAIN, pk->pk_chains[at]);
	return CMD_SUCCESS;
}

/* The certificate being read in hex, line by line, until `quit`. */
struct cert_read {
	struct pki_chain	*cr_chain;
	char			*cr_kind, *cr_serial;
	uint8_t			*cr_buf;
	size_t			 cr_len, cr_cap;
	char			 cr_prompt[80];
};

static void
read_free(void *arg)
{
	struct cert_read	*cr = arg;

	free(cr->cr_kind);
	free(cr->cr_serial);
	free(cr->cr_buf);
	free(cr);
}

static int
hexval(int ch)
{
	return isdigit(ch) ? ch - '0' : toupper(ch) - 'A' + 10;
}

/* Append LINE's hex words; false (nothing taken, *BAD the offending
 * word) when one is not hex or has an odd number of digits. */
static bool
read_hex(struct cert_read *cr, const char *line, const char **bad)
{
	const char	*p;
	size_t		 n = 0, len;

	for (p = line; *p != '\0'; p += len) {
		p += strspn(p, " \t");
		len = strcspn(p, " \t");
		*bad = p;
		if (len % 2 != 0)
			return false;
		for (size_t i = 0; i < len; i++)
			if (!isxdigit((unsigned char)p[i]))
				return false;
		n += len / 2;
	}
	if (cr->cr_len + n > cr->cr_cap) {
		cr->cr_cap = (cr->cr_len + n) * 2;
		cr->cr_buf = xreallocarray(cr->cr_buf, cr->cr_cap, 1);
	}
	for (p = line; *p != '\0'; p++)
		if (isxdigit((unsigned char)p[0])) {
			cr->cr_buf[cr->cr_len++] = (uint8_t)(hexval(p[0]) << 4 |
			    hexval(p[1]));
			p++;
		}
	return true;
}

/* Whether DER..LEN is exactly one X.509 certificate. */
static bool
der_is_cert(const uint8_t *der, size_t len)
{
	const unsigned char	*p = der;
	X509			*x;
	bool			 ok;

	if (len == 0 || len > 65536)
		return false;
	x = d2i_X509(NULL, &p, (long)len);
	ok = x != NULL && p == der + len;
	X509_free(x);
	return ok;
}

static void
cert_store(struct pki_chain *ch, struct cert_read *cr)
{
	struct pki_cert	*ce = NULL;
	size_t		 i;

	/* A serial names one certificate of the chain: replaced. */
	for (i = 0; i < ch->ch_n; i++)
		if (strcmp(ch->ch_certs[i].ce_serial, cr->cr_serial) == 0) {
			ce = &ch->ch_certs[i];
			free(ce->ce_kind);
			free(ce->ce_serial);
			free(ce->ce_der);
		}
	if (ce == NULL) {
		ch->ch_certs = xreallocarray(ch->ch_certs, ch->ch_n + 1,
		    sizeof(*ch->ch_certs));
		ce = &ch->ch_certs[ch->ch_n++];
	}
	ce->ce_kind = cr->cr_kind;
	ce->ce_serial = cr->cr_serial;
	ce->ce_der = cr->cr_buf;
	ce->ce_len = cr->cr_len;
	cr->cr_kind = cr->cr_serial = NULL;
	cr->cr_buf = NULL;
}

static void
read_line(struct vty *vty, void *arg, const char *line)
{
	struct cert_read	*cr = arg;
	const char		*p = line + strspn(line, " \t"), *bad;

	if (strncmp(p, "quit", 4) == 0 && p[4 + strspn(p + 4, " \t")] ==
	    '\0') {
		if (der_is_cert(cr->cr_buf, cr->cr_len))
			cert_store(cr->cr_chain, cr);
		else
			vty_out(vty, "%% Error in saving certificate: "
			    "status = FAIL\n");
		read_free(cr);
		return;
	}
	/* A line that is not hex words is refused as the parser refuses a
	 * word, the caret under its start (no line is being parsed here:
	 * the marker is written out). */
	if (!read_hex(cr, p, &bad))
		vty_out(vty, "%*s^\n%% Invalid input detected at '^' "
		    "marker.\n\n", (int)(strlen(cr->cr_prompt) +
		    (size_t)(bad - line)), "");
	vty_ask(vty, cr->cr_prompt, read_line, cr, read_free);
}

int
crypto_pki_certificate_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct pki_chain	*ch = vty->v_ctx;
	const char		*serial = cmd_arg(m, "serial");
	static const char *const kinds[] = {
		"ca", "rollover", "self-signed", "ra-sign", "ra-encrypt",
	};
	struct cert_read	*cr;
	struct strbuf		 kind;
	size_t			 i;

	for (i = 0; serial[i] != '\0'; i++)
		if (!isxdigit((unsigned char)serial[i])) {
			vty_invalid(vty, cmd_arg_off(m, "serial"));
			return CMD_WARNING;
		}
	strbuf_init(&kind);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (cmd_has(m, kinds[i]))
			strbuf_printf(&kind, "%s ", kinds[i]);
	if (cmd_negated(m)) {
		for (i = 0; i < ch->ch_n; i++)
			if (strcmp(ch->ch_certs[i].ce_serial, serial) == 0) {
				free(ch->ch_certs[i].ce_kind);
				free(ch->ch_certs[i].ce_serial);
				free(ch->ch_certs[i].ce_der);
				memmove(&ch->ch_certs[i], &ch->ch_certs[i + 1],
				    (ch->ch_n - i - 1) *
				    sizeof(*ch->ch_certs));
				ch->ch_n--;
				break;
			}
		strbuf_free(&kind);
		return CMD_SUCCESS;
	}
	cr = xcalloc(1, sizeof(*cr));
	cr->cr_chain = ch;
	cr->cr_kind = kind.sb_buf != NULL ? strbuf_steal(&kind) : xstrdup("");
	strbuf_free(&kind);
	cr->cr_serial = xstrdup(serial);
	snprintf(cr->cr_prompt, sizeof(cr->cr_prompt), "%s(config-pubkey)#",
	    vty->v_sys->sy_hostname != NULL ? vty->v_sys->sy_hostname :
	    "Router");
	vty_ask(vty, cr->cr_prompt, read_line, cr, read_free);
	return CMD_SUCCESS;
}

static void
cert_nvgen(const struct pki_cert *ce, struct strbuf *sb)
{
	size_t	i;

	nv_line(sb, 1, "certificate %s%s", ce->ce_kind, ce->ce_serial);
	for (i = 0; i < ce->ce_len; i++) {
		if (i % 32 == 0)
			strbuf_puts(sb, "  ");
		else if (i % 4 == 0)
			strbuf_putc(sb, ' ');
		strbuf_printf(sb, "%02X", ce->ce_der[i]);
		if (i % 32 == 31 || i + 1 == ce->ce_len)
			strbuf_putc(sb, '\n');
	}
	strbuf_puts(sb, "  \tquit\n");
}

/* Trustpoints, each closed by "!", then the certificate chains. */
void
crypto_pki_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct pki	*pk = c->c_pki;
	size_t			 i, j;

	if (pk == NULL || pk->pk_ntps + pk->pk_nchains + pk->pk_nservers == 0)
		return;
	nv_line(sb, 0, "!");
	for (i = 0; i < pk->pk_nservers; i++) {
		nv_line(sb, 0, "crypto pki server %s",
		    pk->pk_servers[i]->tp_name);
		for (j = 0; j < CS_NSLOT; j++)
			if (pk->pk_servers[i]->tp_line[j] != NULL)
				nv_line(sb, 1, "%s",
				    pk->pk_servers[i]->tp_line[j]);
		nv_line(sb, 0, "!");
	}
	for (i = 0; i < pk->pk_ntps; i++) {
		nv_line(sb, 0, "crypto pki trustpoint %s",
		    pk->pk_tps[i]->tp_name);
		for (j = 0; j < TP_NSLOT; j++)
			if (pk->pk_tps[i]->tp_line[j] != NULL)
				nv_line(sb, 1, "%s", pk->pk_tps[i]->tp_line[j]);
		nv_line(sb, 0, "!");
	}
	for (i = 0; i < pk->pk_nchains; i++) {
		nv_line(sb, 0, "crypto pki certificate chain %s",
		    pk->pk_chains[i]->ch_name);
		for (j = 0; j < pk->pk_chains[i]->ch_n; j++)
			cert_nvgen(&pk->pk_chains[i]->ch_certs[j], sb);
	}
	if (pk->pk_nchains != 0)
		nv_line(sb, 0, "!");
}
