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
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

static enum dp_crypto_df
df_of(const struct cmd_args *m)
{
	if (cmd_negated(m))
		return DP_DF_UNSET;
	return cmd_has(m, "set") ? DP_DF_SET : cmd_has(m, "clear") ?
	    DP_DF_CLEAR : DP_DF_COPY;
}

static enum dp_crypto_frag
frag_of(const struct cmd_args *m)
{
	if (cmd_negated(m))
		return DP_FRAG_UNSET;
	return cmd_has(m, "after-encryption") ? DP_FRAG_AFTER :
	    DP_FRAG_BEFORE;
}

int
crypto_ipsec_df_bit_cmd(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_crypto->c_df_bit = (uint8_t)df_of(m);
	vty->v_sys->sy_crypto->c_mtu_gen++;	/* flows' kept modes */
	return CMD_SUCCESS;
}

int
crypto_ipsec_fragmentation_cmd(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_crypto->c_frag_after = frag_of(m) == DP_FRAG_AFTER;
	vty->v_sys->sy_crypto->c_mtu_gen++;	/* flows' kept modes */
	return CMD_SUCCESS;
}

/* The same in config-if: the interface (v_ctx) keeps its own. */
int
if_crypto_ipsec_df_bit_cmd(struct vty *vty, const struct cmd_args *m)
{
	dp_iface_set_crypto_df(vty->v_ctx, df_of(m));
	return CMD_SUCCESS;
}

int
if_crypto_ipsec_fragmentation_cmd(struct vty *vty, const struct cmd_args *m)
{
	dp_iface_set_crypto_frag(vty->v_ctx, frag_of(m));
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
