/*
 * ipsec_lifetime: the global IPsec SA lifetimes, `crypto ipsec
 * security-association lifetime seconds|kilobytes`, which every crypto
 * map entry and IPsec profile without `set security-association
 * lifetime` of its own proposes and accepts.  IOS's defaults (3600 s,
 * 4608000 KB) are not rendered; `no` restores them.  A change applies to
 * SAs negotiated from then on, as on IOS.
 */
#include <stdint.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

int
crypto_ipsec_lifetime_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;
	bool		 no = cmd_negated(m);

	if (cmd_has(m, "seconds"))
		c->c_ipsec_life_s = no ? 0 : cmd_arg_num(m, "secs", 0);
	else
		c->c_ipsec_life_kb = no ? 0 : cmd_arg_num(m, "kb", 0);
	return CMD_SUCCESS;
}

void
ipsec_lifetime_nvgen(const struct crypto *c, struct strbuf *sb)
{
	if (c->c_ipsec_life_s != 0)
		nv_line(sb, 0, "crypto ipsec security-association lifetime "
		    "seconds %u", c->c_ipsec_life_s);
	if (c->c_ipsec_life_kb != 0)
		nv_line(sb, 0, "crypto ipsec security-association lifetime "
		    "kilobytes %lu", c->c_ipsec_life_kb);
	/* The other global security-association parameter. */
	ipsec_replay_nvgen(c, sb);
}

void
ipsec_params_lifetimes(const struct crypto *c, const struct ipsec_params *pp,
    uint32_t *sec, uint64_t *kb)
{
	*sec = pp->pp_seconds ? pp->pp_seconds : c->c_ipsec_life_s ?
	    c->c_ipsec_life_s : IPSEC_DEFAULT_SECONDS;
	*kb = pp->pp_kilobytes ? pp->pp_kilobytes : c->c_ipsec_life_kb ?
	    c->c_ipsec_life_kb : IPSEC_DEFAULT_KB;
}
