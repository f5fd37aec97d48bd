/*
 * iface: the crypto commands of interface configuration.  The dataplane
 * owns the interface and renders these lines; crypto owns the commands.
 * IOS announces ISAKMP starting when the first interface gets a crypto
 * map, and stopping when the last one loses it.
 */
#include <stdbool.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"

static bool
any_crypto_map(const struct dataplane *dp)
{
	const struct dp_iface	*ifp;

	for (ifp = dp_iface_first(dp); ifp != NULL; ifp = dp_iface_next(ifp))
		if (dp_iface_crypto_map(ifp) != NULL ||
		    dp_iface_tunnel_protection(ifp) != NULL)
			return true;
	return false;
}

int
if_crypto_map_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface		*ifp = vty->v_ctx;
	const struct dataplane	*dp = vty->v_sys->sy_dp;
	bool			 before = any_crypto_map(dp), after;

	if (cmd_negated(m))
		dp_iface_set_crypto_map(ifp, NULL);
	else
		dp_iface_set_crypto_map(ifp, cmd_arg(m, "name"));
	after = any_crypto_map(dp);
	if (before != after)
		sys_log(vty->v_sys, "CRYPTO", 6, "ISAKMP_ON_OFF", "ISAKMP is %s",
		    after ? "ON" : "OFF");
	return CMD_SUCCESS;
}

static void
isakmp_on_off(struct vty *vty, bool before)
{
	bool	after = any_crypto_map(vty->v_sys->sy_dp);

	if (before != after)
		sys_log(vty->v_sys, "CRYPTO", 6, "ISAKMP_ON_OFF", "ISAKMP is %s",
		    after ? "ON" : "OFF");
}

/*
 * A profile that does not exist is refused, the line not kept.  IOS
 * 15.2's own words were not found; these are IOS XE's, as its
 * configuration interface returns them for this command (17.x, quoted in
 * netascode/terraform-iosxe-nac-iosxe#230) — unconfirmed for 15.x.
 */
#define NO_PROFILE_MSG	"It seems IPSec profile doesn't exist or attempting " \
	"to remove when referred by tunnel config\n"

/* The profile becomes the tunnel's policy (ipsec_tunnel.c); IOS says
 * ISAKMP is on as for a crypto map. */
int
if_tunnel_protection_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	bool		 before = any_crypto_map(vty->v_sys->sy_dp);

	if (!cmd_negated(m) && crypto_ipsec_profile_find(vty->v_sys->sy_crypto,
	    cmd_arg(m, "name")) == NULL) {
		vty_out(vty, NO_PROFILE_MSG);
		return CMD_WARNING;
	}
	if (cmd_negated(m))
		dp_iface_set_tunnel_protection(ifp, NULL);
	else {
		dp_iface_set_tunnel_protection(ifp, cmd_arg(m, "name"));
		dp_iface_set_tunnel_shared(ifp, cmd_has(m, "shared"));
	}
	vty->v_sys->sy_crypto->c_cfg_gen++;
	dp_tunnel_kick(vty->v_sys->sy_dp);
	isakmp_on_off(vty, before);
	return CMD_SUCCESS;
}
