/*
 * show_hosts: `show hosts`, the resolver's settings and host table as IOS
 * 15 prints them.  iosh stores `ip domain name` and `ip domain lookup`;
 * it keeps no `ip host` entries and no `ip name-server` (nothing resolves
 * names), so the servers are IOS's default, the broadcast address, and
 * the table is empty.
 */
#include "lib/vty.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"

int
cmd_show_hosts(struct vty *vty, const struct cmd_args *m)
{
	const struct router	*r = vty->v_router;

	(void)m;
	if (r->r_domain_name != NULL)
		vty_out(vty, "Default domain is %s\n", r->r_domain_name);
	else
		vty_out(vty, "Default domain is not set\n");
	if (r->r_domain_lookup)
		vty_out(vty, "Name/address lookup uses domain service\n"
		    "Name servers are 255.255.255.255\n");
	else
		vty_out(vty, "Name/address lookup uses static mappings\n");
	vty_out(vty, "\nCodes: UN - unknown, EX - expired, OK - OK, ?? - "
	    "revalidate\n"
	    "       temp - temporary, perm - permanent\n"
	    "       NA - Not Applicable None - Not defined\n\n"
	    "Host                      Port  Flags      Age Type   "
	    "Address(es)\n");
	return CMD_SUCCESS;
}
