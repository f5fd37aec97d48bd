/*
 * transform: `crypto ipsec transform-set NAME t1 [t2 [t3]]` and its
 * sub-mode (`mode tunnel|transport`).
 *
 * A set holds at most one transform of each kind: AH, ESP encryption, ESP
 * authentication, compression.  The grammar (grammar/crypto_transform.c)
 * only offers the kinds not yet used, as IOS's parser does, so a second
 * encryption transform gets IOS's caret; the one rule the grammar cannot
 * express, esp-seal's need of an authentication transform, is checked
 * here (document 50880; its message is not in the seeds).  Its other
 * two rules do not arise: iosh has only the software crypto engine, so
 * the warning IOS gives when an accelerator would ignore esp-seal never
 * applies, and it has no manually keyed crypto maps to refuse.  Transforms are kept by kind and rendered in IOS's order.
 *
 * comp-lzs (IPComp, RFC 3173, with LZS, RFC 2395) is listed by `?` as
 * IOS lists it, and refused: iosh's crypto engine has no compression, as
 * IOS's engines without it.  Why not build it: no implementation other
 * than iosh's could check it here (strongSwan's libipsec refuses any
 * compression, "IPsec SA: compression not supported"; Linux's kernel has
 * no LZS compressor; tshark does not decompress IPComp), and a set that
 * was taken but negotiated without IPComp (what iosh did before) would
 * silently differ from IOS's offer.  The message is iosh's: no IOS text
 * for it was found.  See docs/TRANSFORMS.md.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static const char *
tset_key(const void *o)
{
	return ((const struct transform_set *)o)->ts_name;
}

void
transform_init(struct crypto *c)
{
	c->c_tset_idx.nt_key = tset_key;
	TAILQ_INIT(&c->c_tsets);
}

static void
tset_free(struct transform_set *ts)
{
	free(ts->ts_name);
	free(ts);
}

void
transform_free_all(struct crypto *c)
{
	struct transform_set	*ts;

	while ((ts = TAILQ_FIRST(&c->c_tsets)) != NULL) {
		TAILQ_REMOVE(&c->c_tsets, ts, ts_entry);
		tset_free(ts);
	}
	ntab_free(&c->c_tset_idx);
}

const struct transform_set *
crypto_transform_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_tset_idx, name, NULL);
}

static const char *const ah_kw[] = {
	[TS_AH_MD5] = "ah-md5-hmac", [TS_AH_SHA] = "ah-sha-hmac",
	[TS_AH_SHA256] = "ah-sha256-hmac", [TS_AH_SHA384] = "ah-sha384-hmac",
	[TS_AH_SHA512] = "ah-sha512-hmac",
};
static const char *const enc_kw[] = {
	[TS_ENC_DES] = "esp-des", [TS_ENC_3DES] = "esp-3des",
	[TS_ENC_AES] = "esp-aes", [TS_ENC_SEAL] = "esp-seal",
	[TS_ENC_NULL] = "esp-null", [TS_ENC_GCM] = "esp-gcm",
	[TS_ENC_GMAC] = "esp-gmac",
};
static const char *const auth_kw[] = {
	[TS_AUTH_MD5] = "esp-md5-hmac", [TS_AUTH_SHA] = "esp-sha-hmac",
	[TS_AUTH_SHA256] = "esp-sha256-hmac",
	[TS_AUTH_SHA384] = "esp-sha384-hmac",
	[TS_AUTH_SHA512] = "esp-sha512-hmac",
};

/* The ciphers that take a key size: esp-aes, esp-gcm, esp-gmac. */
static bool
enc_sized(enum ts_enc e)
{
	return e == TS_ENC_AES || e == TS_ENC_GCM || e == TS_ENC_GMAC;
}

/* Read the transforms of a match (every keyword after the set's name). */
static void
tset_from_args(const struct cmd_args *m, struct transform_set *ts)
{
	const struct cmd_arg	*a;
	size_t			 i, k;

	for (i = 0; i < m->as_n; i++) {
		a = &m->as_v[i];
		if (!a->ca_keyword)
			continue;
		for (k = TS_AH_MD5; k <= TS_AH_SHA512; k++)
			if (strcmp(a->ca_value, ah_kw[k]) == 0)
				ts->ts_ah = k;
		for (k = TS_ENC_DES; k <= TS_ENC_GMAC; k++)
			if (strcmp(a->ca_value, enc_kw[k]) == 0)
				ts->ts_enc = k;
		for (k = TS_AUTH_MD5; k <= TS_AUTH_SHA512; k++)
			if (strcmp(a->ca_value, auth_kw[k]) == 0)
				ts->ts_auth = k;
		if (strcmp(a->ca_value, "comp-lzs") == 0)
			ts->ts_comp = true;
		if (enc_sized(ts->ts_enc) && (strcmp(a->ca_value, "192") ==
		    0 || strcmp(a->ca_value, "256") == 0))
			ts->ts_keylen = (unsigned)strtoul(a->ca_value, NULL, 10);
	}
	if (enc_sized(ts->ts_enc) && ts->ts_keylen == 0)
		ts->ts_keylen = 128;
}

int
crypto_transform_set_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*name = cmd_arg(m, "name");
	struct transform_set	*ts, tmp;
	size_t			 pos;

	ts = ntab_find(&c->c_tset_idx, name, &pos);
	if (cmd_negated(m)) {
		if (ts == NULL)
			return CMD_SUCCESS;
		if (ipsec_tset_in_use(c, name)) {
			vty_out(vty, "%% Transform set %s is in use.\n", name);
			return CMD_WARNING;
		}
		ntab_remove(&c->c_tset_idx, pos);
		TAILQ_REMOVE(&c->c_tsets, ts, ts_entry);
		tset_free(ts);
		return CMD_SUCCESS;
	}
	memset(&tmp, 0, sizeof(tmp));
	tset_from_args(m, &tmp);
	if (tmp.ts_comp) {
		vty_out(vty, "%% Transform set %s: comp-lzs is not supported "
		    "by the crypto engine\n", name);
		return CMD_WARNING;
	}
	if (tmp.ts_enc == TS_ENC_SEAL && tmp.ts_auth == TS_AUTH_NONE &&
	    tmp.ts_ah == TS_AH_NONE) {
		vty_out(vty, "%% Transform set %s: esp-seal requires an "
		    "authentication transform\n", name);
		return CMD_WARNING;
	}
	if (ts == NULL) {
		ts = xcalloc(1, sizeof(*ts));
		ts->ts_name = xstrdup(name);
		ntab_insert(&c->c_tset_idx, pos, ts);
		TAILQ_INSERT_TAIL(&c->c_tsets, ts, ts_entry);
	}
	ts->ts_ah = tmp.ts_ah;
	ts->ts_enc = tmp.ts_enc;
	ts->ts_keylen = tmp.ts_keylen;
	ts->ts_auth = tmp.ts_auth;
	ts->ts_comp = tmp.ts_comp;
	vty_enter(vty, MODE_CFG_CRYPTO_TRANS, ts);
	return CMD_SUCCESS;
}

int
transform_mode_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct transform_set	*ts = vty->v_ctx;

	ts->ts_transport = !cmd_negated(m) &&
	    cmd_has(m, "transport");
	return CMD_SUCCESS;
}

/* ipsec_sa.c's sa_texts keeps the last set's texts keyed by the fields
 * read here: a field this starts to read goes into its key too. */
void
transform_config_text(const struct transform_set *ts, struct strbuf *sb)
{
	const char	*sep = "";

	if (ts->ts_ah != TS_AH_NONE) {
		strbuf_puts(sb, ah_kw[ts->ts_ah]);
		sep = " ";
	}
	if (ts->ts_enc != TS_ENC_NONE) {
		strbuf_printf(sb, "%s%s", sep, enc_kw[ts->ts_enc]);
		if (enc_sized(ts->ts_enc) && ts->ts_keylen != 128)
			strbuf_printf(sb, " %u", ts->ts_keylen);
		sep = " ";
	}
	if (ts->ts_auth != TS_AUTH_NONE) {
		strbuf_printf(sb, "%s%s", sep, auth_kw[ts->ts_auth]);
		sep = " ";
	}
	if (ts->ts_comp)
		strbuf_printf(sb, "%scomp-lzs", sep);
}

/*
 * The `show` spelling, one brace group per protocol as IOS prints them:
 * "{ ah-sha-hmac  }", "{ esp-256-aes esp-sha-hmac  }", "{ comp-lzs  }".
 * Returns the number of groups written, each through FN.
 */
size_t
transform_show_groups(const struct transform_set *ts,
    void (*fn)(void *, const char *), void *arg)
{
	struct strbuf	sb;
	size_t		n = 0;

	strbuf_init(&sb);
	if (ts->ts_ah != TS_AH_NONE) {
		strbuf_printf(&sb, "{ %s  }", ah_kw[ts->ts_ah]);
		fn(arg, sb.sb_buf);
		n++;
	}
	if (ts->ts_enc != TS_ENC_NONE || ts->ts_auth != TS_AUTH_NONE) {
		strbuf_reset(&sb);
		strbuf_puts(&sb, "{ ");
		if (ts->ts_enc == TS_ENC_AES && ts->ts_keylen != 128)
			strbuf_printf(&sb, "esp-%u-aes ", ts->ts_keylen);
		else if (ts->ts_enc == TS_ENC_GCM || ts->ts_enc == TS_ENC_GMAC) {
			/* IOS 15: "{ esp-gcm 256 }", one space before the
			 * brace: there is no authentication transform. */
			strbuf_printf(&sb, "%s", enc_kw[ts->ts_enc]);
			if (ts->ts_keylen != 128)
				strbuf_printf(&sb, " %u", ts->ts_keylen);
		} else if (ts->ts_enc != TS_ENC_NONE)
			strbuf_printf(&sb, "%s ", enc_kw[ts->ts_enc]);
		if (ts->ts_auth != TS_AUTH_NONE)
			strbuf_printf(&sb, "%s ", auth_kw[ts->ts_auth]);
		strbuf_puts(&sb, " }");
		fn(arg, sb.sb_buf);
		n++;
	}
	if (ts->ts_comp) {
		strbuf_reset(&sb);
		strbuf_puts(&sb, "{ comp-lzs  }");
		fn(arg, sb.sb_buf);
		n++;
	}
	strbuf_free(&sb);
	return n;
}

/* IOS prints a transform set's mode only when it is not the default. */
void
transform_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct transform_set	*ts;

	TAILQ_FOREACH(ts, &c->c_tsets, ts_entry) {
		strbuf_printf(sb, "crypto ipsec transform-set %s ",
		    ts->ts_name);
		transform_config_text(ts, sb);
		strbuf_putc(sb, '\n');
		if (ts->ts_transport)
			nv_line(sb, 1, "mode transport");
	}
}
