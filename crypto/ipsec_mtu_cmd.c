/*
 * ipsec_mtu_cmd: `crypto ipsec df-bit clear|copy|set` and `crypto ipsec
 * fragmentation before-encryption|after-encryption`, global and per
 * interface (the interface's wins; crypto/ipsec_mtu.c applies them).
 * IOS's defaults, copy and before-encryption, are not rendered; an
 * interface renders what was said on it, even a default, since it
 * overrides the global setting.
 */
#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "grammar/modes.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "parser/cmd.h"

static bool
negated(const struct cmd_match *m)
{
	return (m->cm_prefixes & (PFX_NO | PFX_DEFAULT)) != 0;
}

int
crypto_ipsec_df_bit_cmd(struct vty *vty, const struct cmd_match *m)
{
	enum dp_crypto_df	df = DP_DF_COPY;

	if (cmd_has(m, "set"))
		df = DP_DF_SET;
	else if (cmd_has(m, "clear"))
		df = DP_DF_CLEAR;
	if (vty->v_mode == MODE_CONFIG_IF)
		dp_iface_set_crypto_df(vty->v_ctx, negated(m) ? DP_DF_UNSET :
		    df);
	else
		vty->v_sys->sy_crypto->c_df_bit = negated(m) ? DP_DF_UNSET :
		    (uint8_t)df;
	return CMD_SUCCESS;
}

int
crypto_ipsec_fragmentation_cmd(struct vty *vty, const struct cmd_match *m)
{
	bool	after = cmd_has(m, "after-encryption");

	if (vty->v_mode == MODE_CONFIG_IF)
		dp_iface_set_crypto_frag(vty->v_ctx, negated(m) ?
		    DP_FRAG_UNSET : after ? DP_FRAG_AFTER : DP_FRAG_BEFORE);
	else
		vty->v_sys->sy_crypto->c_frag_after = !negated(m) && after;
	return CMD_SUCCESS;
}

void
ipsec_mtu_nvgen(const struct crypto *c, struct strbuf *sb)
{
	if (c->c_df_bit == DP_DF_SET || c->c_df_bit == DP_DF_CLEAR)
		nv_line(sb, 0, "crypto ipsec df-bit %s",
		    c->c_df_bit == DP_DF_SET ? "set" : "clear");
	if (c->c_frag_after)
		nv_line(sb, 0, "crypto ipsec fragmentation after-encryption");
}
