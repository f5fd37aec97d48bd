/*
 * ipsec_replay: `crypto ipsec security-association replay window-size
 * [N]` and `... replay disable` (IOS 12.3(14)T, "IPsec Anti-Replay
 * Window: Expanding and Disabling"): the anti-replay window of every
 * inbound SA negotiated from then on, 64 (IOS's default, not rendered),
 * 128, 256, 512 or 1024 packets, or no replay checking at all.  The
 * feature guide says to configure one or the other, "not used at the
 * same time": the last one said wins.  crypto/esp.c keeps the window.
 * A crypto map entry, dynamic map entry or IPsec profile overrides it
 * with `set security-association replay ...` (cmap.c), which its SAs
 * take through the Quick Mode proposal (ike_proposal.c).
 */
#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/esp.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

int
crypto_ipsec_replay_cmd(struct vty *vty, const struct cmd_args *m)
{
	static const int	 sizes[] = { 128, 256, 512, 1024 };
	static const char *const words[] = { "128", "256", "512", "1024" };
	struct crypto		*c = vty->v_sys->sy_crypto;
	size_t			 i;

	/* One setting, the last said (what the running configuration can
	 * render): `no` of either is IOS's default, a 64-packet window. */
	c->c_replay_window = 0;
	c->c_replay_off = false;
	if (cmd_negated(m))
		return CMD_SUCCESS;
	if (cmd_has(m, "disable")) {
		c->c_replay_off = true;
		return CMD_SUCCESS;
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		if (cmd_has(m, words[i]))
			c->c_replay_window = sizes[i];
	return CMD_SUCCESS;
}

int
ipsec_replay_param(const struct crypto *c)
{
	return c->c_replay_off ? ESP_REPLAY_OFF : c->c_replay_window;
}

int
ipsec_params_replay(const struct crypto *c, const struct ipsec_params *pp)
{
	return pp->pp_replay != 0 ? pp->pp_replay : ipsec_replay_param(c);
}

void
ipsec_replay_nvgen(const struct crypto *c, struct strbuf *sb)
{
	if (c->c_replay_off)
		nv_line(sb, 0, "crypto ipsec security-association replay "
		    "disable");
	else if (c->c_replay_window != 0)
		nv_line(sb, 0, "crypto ipsec security-association replay "
		    "window-size %d", c->c_replay_window);
}
