/*
 * show_profile: `show crypto isakmp profile [tag NAME]`, each ISAKMP
 * profile's identities and keyring.  The layout is IOS 12.4T/15's as
 * Cisco's command reference shows it:
 *
 *	ISAKMP PROFILE vpnprofile
 *	   Identities matched are:
 *	    group vpngroup
 *	   Certificate maps matched are:
 *	   keyring(s): <none>
 *	   trustpoint(s): <all>
 *
 * (recalled, not confirmed against a capture; nor is the spelling of the
 * host/user identities, which follows the configuration's).
 */
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"

/* The mask an address identity matches with: a bare 0.0.0.0 matches
 * every peer (ike_profile.c), any other bare address that host. */
static uint32_t
profile_id_addr_mask(const struct id_addr *ia)
{
	if (ia->ia_has_mask)
		return ia->ia_mask;
	return ia->ia_addr == 0 ? 0 : 0xffffffffu;
}

int
show_isakmp_profile_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto		*c = vty->v_sys->sy_crypto;
	const char			*name = cmd_arg(m, "name");
	const struct isakmp_profile	*pr;
	char				 a[16], k[16];
	size_t				 i;

	TAILQ_FOREACH(pr, &c->c_profiles, pr_entry) {
		if (name != NULL && strcmp(name, pr->pr_name) != 0)
			continue;
		vty_out(vty, "ISAKMP PROFILE %s\n   Identities matched are:\n",
		    pr->pr_name);
		for (i = 0; i < pr->pr_nids; i++)
			vty_out(vty, "    ip-address %s %s\n",
			    ip4_text(pr->pr_ids[i].ia_addr, a),
			    ip4_text(profile_id_addr_mask(&pr->pr_ids[i]),
			    k));
		for (i = 0; i < pr->pr_ngroups; i++)
			vty_out(vty, "    group %s\n", pr->pr_groups[i]);
		profile_id_show_match(pr, &vty->v_out);
		vty_out(vty, "   Certificate maps matched are:\n"
		    "   keyring(s): %s\n   trustpoint(s): <all>\n\n",
		    pr->pr_keyring != NULL ? pr->pr_keyring : "<none>");
	}
	return CMD_SUCCESS;
}
