/*
 * keyring: `crypto keyring NAME` and its pre-shared keys, which ISAKMP
 * profiles select with `keyring NAME`.  IOS renders a keyring's lines with
 * a two-space indent.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/type6.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static const char *
keyring_key(const void *o)
{
	return ((const struct keyring *)o)->kr_name;
}

void
keyring_init(struct crypto *c)
{
	c->c_keyring_idx.nt_key = keyring_key;
	TAILQ_INIT(&c->c_keyrings);
}

static void
keyring_free(struct keyring *kr)
{
	psk_store_free(&kr->kr_keys);
	local_addr_free(&kr->kr_local);
	free(kr->kr_name);
	free(kr->kr_desc);
	free(kr);
}

void
keyring_free_all(struct crypto *c)
{
	struct keyring	*kr;

	while ((kr = TAILQ_FIRST(&c->c_keyrings)) != NULL) {
		TAILQ_REMOVE(&c->c_keyrings, kr, kr_entry);
		keyring_free(kr);
	}
	ntab_free(&c->c_keyring_idx);
}

const struct keyring *
crypto_keyring_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_keyring_idx, name, NULL);
}

int
crypto_keyring_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;
	const char	*name = cmd_arg(m, "name");
	struct keyring	*kr;
	size_t		 pos;

	kr = ntab_find(&c->c_keyring_idx, name, &pos);
	if (cmd_negated(m)) {
		if (kr != NULL) {
			ntab_remove(&c->c_keyring_idx, pos);
			TAILQ_REMOVE(&c->c_keyrings, kr, kr_entry);
			keyring_free(kr);
		}
		return CMD_SUCCESS;
	}
	if (kr == NULL) {
		kr = xcalloc(1, sizeof(*kr));
		kr->kr_name = xstrdup(name);
		psk_store_init(&kr->kr_keys);
		ntab_insert(&c->c_keyring_idx, pos, kr);
		TAILQ_INSERT_TAIL(&c->c_keyrings, kr, kr_entry);
	}
	vty_enter(vty, MODE_CONFIG_KEYRING, kr);
	return CMD_SUCCESS;
}

int
keyring_psk_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct keyring	*kr = vty->v_ctx;
	struct psk	 tmpl;

	psk_from_args(m, &tmpl);
	if (cmd_negated(m))
		psk_store_del(&kr->kr_keys, &tmpl);
	else if (!psk_type6_in(vty, vty->v_sys->sy_crypto, &tmpl))
		return CMD_WARNING;	/* crypto/type6.c */
	else {
		psk_store_set(&kr->kr_keys, &tmpl);
		psk_type6_done(&tmpl);
	}
	return CMD_SUCCESS;
}

int
keyring_description_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct keyring	*kr = vty->v_ctx;

	xstrset(&kr->kr_desc, cmd_negated(m) ?
	    NULL : cmd_arg(m, "text"));
	return CMD_SUCCESS;
}

void
keyring_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct keyring	*kr;
	const struct psk	*k;

	TAILQ_FOREACH(kr, &c->c_keyrings, kr_entry) {
		if (kr != TAILQ_FIRST(&c->c_keyrings))
			nv_line(sb, 0, "!");
		nv_line(sb, 0, "crypto keyring %s", kr->kr_name);
		if (kr->kr_desc != NULL)
			nv_line(sb, 2, "description %s", kr->kr_desc);
		local_addr_nvgen(&kr->kr_local, sb, 2);
		TAILQ_FOREACH(k, &kr->kr_keys.ps_list, pk_entry) {
			strbuf_puts(sb, k->pk_kind == PSK_HOST ?
			    "  pre-shared-key hostname " :
			    k->pk_kind == PSK_IPV6 ?
			    "  pre-shared-key address ipv6 " :
			    "  pre-shared-key address ");
			psk_peer_text(k, sb);
			strbuf_printf(sb, " key %s%s\n",
			    k->pk_encrypted ? "6 " : "", psk_shown(k));
		}
	}
}
