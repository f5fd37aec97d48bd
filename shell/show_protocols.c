/*
 * show_protocols: `show ip protocols`, rendered from the stored `router`
 * blocks (shell/routing.c).  iosh runs no routing protocol, so a block
 * shows what its configuration says — the process, its `network` lines,
 * IOS's default distance — and no information sources and no timers:
 * nothing is learned and nothing is sent.  IOS 15 heads the output with
 * its NSF line; 12.x does not.
 *
 * The layout is an IOS 15 router's (filters, "Maximum path: 4", the
 * sources table header, "Distance: (default is 110)"); a real OSPF
 * process adds Router ID and area counts, RIP its timers, which iosh
 * could only invent.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/system.h"
#include "lib/vty.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"

/* IOS's administrative distance line for the process in HEAD. */
static const char *
distance_line(const char *head)
{
	if (strncmp(head, "router eigrp", 12) == 0)
		return "  Distance: internal 90 external 170\n";
	if (strncmp(head, "router bgp", 10) == 0)
		return "  Distance: external 20 internal 200 local 200\n";
	if (strncmp(head, "router rip", 10) == 0)
		return "  Distance: (default is 120)\n";
	return "  Distance: (default is 110)\n";
}

int
cmd_show_ip_protocols(struct vty *vty, const struct cmd_args *m)
{
	const struct router	*r = vty->v_router;
	struct rt_block		**v;
	const struct rt_line	*l;
	size_t			  i, j, n;

	(void)m;
	if (sys_version_15(&r->r_sys))
		vty_out(vty, "*** IP Routing is NSF aware ***\n\n");
	/* The routing protocols: every order below the route-maps. */
	n = routing_sorted(&r->r_routing, 0, RB_ROUTE_MAP - 1, &v);
	for (i = 0; i < n; i++) {
		vty_out(vty, "Routing Protocol is \"%s\"\n"
		    "  Outgoing update filter list for all interfaces is not "
		    "set\n"
		    "  Incoming update filter list for all interfaces is not "
		    "set\n"
		    "  Maximum path: 4\n"
		    "  Routing for Networks:\n", v[i]->rb_head + 7);
		for (j = 0; j < v[i]->rb_n; j++) {
			l = &v[i]->rb_lines[j];
			if (l->rl_indent == 1 &&
			    strncmp(l->rl_text, "network ", 8) == 0)
				vty_out(vty, "    %s\n", l->rl_text + 8);
		}
		vty_out(vty, "  Routing Information Sources:\n"
		    "    Gateway         Distance      Last Update\n%s\n",
		    distance_line(v[i]->rb_head));
	}
	free(v);
	return CMD_SUCCESS;
}
