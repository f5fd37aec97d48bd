/*
 * iface_lines: the interface lines iosh stores and renders but does not
 * act on, for the families whose lines come several to an interface
 * (DMVPN's `ip nhrp`, a dialer's `dialer`/`ppp` lines, PPPoE, bridging,
 * `ip unnumbered`, the tunnel options iosh has no use for).  Each grammar
 * definition names its kind (struct if_line_def): the group that says
 * where IOS prints it among the interface's lines, its order in the
 * group, whether it is one per interface (a new one replaces it) and
 * whether its "no" form is what the configuration keeps (`no ip
 * unreachables`).  Lines are kept canonical (keywords in full) in
 * rendering order, so the running-config is a walk.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/vty.h"

struct if_line_def {
	unsigned char	ld_group;	/* IFL_* */
	unsigned char	ld_order;	/* within the group */
	bool		ld_single;	/* one per interface */
	bool		ld_no_form;	/* the "no" form is stored */
};

#define DEF(name, g, o, single, noform) \
	const struct if_line_def name = { g, o, single, noform }

/* The address: instead of `no ip address` (one of the two). */
DEF(ifl_unnumbered,	IFL_ADDR, 0, true, false);
DEF(ifl_negotiated,	IFL_ADDR, 0, true, false);
/* After `no ip redirects`, as IOS prints them. */
DEF(ifl_unreachables,	IFL_IP_EARLY, 0, true, true);
DEF(ifl_proxy_arp,	IFL_IP_EARLY, 1, true, true);
/* DMVPN (NHRP), after ip mtu / ip nat, before ip tcp adjust-mss; the
 * order of IOS 15's captures (unconfirmed where they disagree). */
DEF(ifl_nhrp_auth,	IFL_IP, 0, true, false);
/* map and map multicast: one list in the order typed, as a 15.4
 * capture interleaves them. */
DEF(ifl_nhrp_map,	IFL_IP, 1, false, false);
DEF(ifl_nhrp_mcast,	IFL_IP, 1, false, false);
DEF(ifl_nhrp_netid,	IFL_IP, 3, true, false);
DEF(ifl_nhrp_hold,	IFL_IP, 4, true, false);
DEF(ifl_nhrp_nhs,	IFL_IP, 5, false, false);
DEF(ifl_nhrp_redirect,	IFL_IP, 6, true, false);
DEF(ifl_nhrp_shortcut,	IFL_IP, 7, true, false);
DEF(ifl_split_horizon,	IFL_IP, 8, false, true);
DEF(ifl_next_hop_self,	IFL_IP, 9, false, true);
/* Multicast (iosh routes no multicast). */
DEF(ifl_igmp_join,	IFL_IP, 10, false, false);
DEF(ifl_igmp_version,	IFL_IP, 11, true, false);
/* After `encapsulation ppp`: the dialer and PPP lines. */
DEF(ifl_dialer_pool,	IFL_PPP, 0, true, false);
DEF(ifl_dialer_group,	IFL_PPP, 1, true, false);
DEF(ifl_ppp_auth,	IFL_PPP, 2, true, false);
DEF(ifl_chap_host,	IFL_PPP, 3, true, false);
DEF(ifl_chap_pass,	IFL_PPP, 4, true, false);
DEF(ifl_pap_sent,	IFL_PPP, 5, true, false);
DEF(ifl_ipcp_dns,	IFL_PPP, 6, true, false);
DEF(ifl_ipcp_route,	IFL_PPP, 7, true, false);
DEF(ifl_multilink,	IFL_PPP, 8, true, false);
DEF(ifl_ml_group,	IFL_PPP, 9, true, false);
/* After the link lines (duplex, speed): PPPoE and bridging. */
DEF(ifl_pppoe_enable,	IFL_LINK, 0, true, false);
DEF(ifl_pppoe_client,	IFL_LINK, 1, true, false);
DEF(ifl_bridge_group,	IFL_LINK, 2, true, false);
/* Among the tunnel lines, before tunnel protection. */
DEF(ifl_tun_pmtud,	IFL_TUNNEL, 0, true, false);
DEF(ifl_tun_vrf,	IFL_TUNNEL, 1, true, false);
DEF(ifl_tun_ttl,	IFL_TUNNEL, 2, true, false);
DEF(ifl_tun_tos,	IFL_TUNNEL, 3, true, false);

static int
line_cmp(const struct if_line_def *a, const struct if_line_def *b)
{
	if (a->ld_group != b->ld_group)
		return a->ld_group < b->ld_group ? -1 : 1;
	return a->ld_order < b->ld_order ? -1 : a->ld_order > b->ld_order;
}

static void
line_remove(struct dp_iface *ifp, size_t i)
{
	free(ifp->if_lines[i].il_text);
	memmove(&ifp->if_lines[i], &ifp->if_lines[i + 1],
	    (ifp->if_nlines - i - 1) * sizeof(*ifp->if_lines));
	ifp->if_nlines--;
}

void
if_lines_drop_group(struct dp_iface *ifp, unsigned group)
{
	size_t	i;

	for (i = ifp->if_nlines; i-- > 0;)
		if (ifp->if_lines[i].il_def->ld_group == group)
			line_remove(ifp, i);
}

/* Store TEXT of kind D, after the lines that render before it. */
static void
line_add(struct dp_iface *ifp, const struct if_line_def *d, const char *text)
{
	size_t	i;

	for (i = 0; i < ifp->if_nlines; i++)
		if (ifp->if_lines[i].il_def == d &&
		    strcmp(ifp->if_lines[i].il_text, text) == 0)
			return;
	for (i = 0; i < ifp->if_nlines &&
	    line_cmp(ifp->if_lines[i].il_def, d) <= 0; i++)
		;
	ifp->if_lines = xreallocarray(ifp->if_lines, ifp->if_nlines + 1,
	    sizeof(*ifp->if_lines));
	memmove(&ifp->if_lines[i + 1], &ifp->if_lines[i],
	    (ifp->if_nlines - i) * sizeof(*ifp->if_lines));
	ifp->if_lines[i].il_def = d;
	ifp->if_lines[i].il_text = xstrdup(text);
	ifp->if_nlines++;
}

int
if_line_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface			*ifp = vty->v_ctx;
	const struct if_line_def	*d = cmd_data(m);
	struct strbuf			 line;
	const char			*text;
	bool				 store;
	size_t				 i;

	strbuf_init(&line);
	if (d == &ifl_unnumbered && !cmd_negated(m)) {
		/* The interface as IOS prints it ("lo0", "Loopback 0":
		 * Loopback0). */
		char		name[IF_NAMELEN];
		struct if_id	id;

		if (cmd_arg(m, "type") != NULL ? !ifname_parse(cmd_arg(m,
		    "type"), cmd_arg(m, "num"), &id) : !ifname_parse(cmd_arg(m,
		    "name"), NULL, &id)) {
			strbuf_free(&line);
			vty_invalid(vty, cmd_arg_off(m, cmd_arg(m, "type") !=
			    NULL ? "num" : "name"));
			return CMD_WARNING;
		}
		ifname_format(&id, name, sizeof(name));
		strbuf_printf(&line, "ip unnumbered %s", name);
	} else
		cmd_args_canon(m, &line);
	text = line.sb_buf + (cmd_is_no(m) ? 3 : cmd_is_default(m) ? 8 : 0);
	/* Stored: the line, or its "no" form for the lines IOS keeps so. */
	store = d->ld_no_form ? cmd_is_no(m) : !cmd_negated(m);
	for (i = ifp->if_nlines; i-- > 0;) {
		const struct if_line_def *o = ifp->if_lines[i].il_def;

		/* One address form at a time; one line of a single kind; a
		 * "no" of a listed kind removes the line it names. */
		if (store && d->ld_group == IFL_ADDR && o->ld_group == IFL_ADDR)
			line_remove(ifp, i);
		else if (o == d && (d->ld_single || (!store &&
		    strcmp(ifp->if_lines[i].il_text, text) == 0)))
			line_remove(ifp, i);
	}
	if (store) {
		if (d->ld_group == IFL_ADDR)
			iface_clear_v4(ifp);
		line_add(ifp, d, d->ld_no_form ? line.sb_buf : text);
	}
	strbuf_free(&line);
	return CMD_SUCCESS;
}

bool
if_lines_has(const struct dp_iface *ifp, unsigned group)
{
	size_t	i;

	for (i = 0; i < ifp->if_nlines; i++)
		if (ifp->if_lines[i].il_def->ld_group == group)
			return true;
	return false;
}

void
if_lines_render(const struct dp_iface *ifp, unsigned group,
    struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < ifp->if_nlines; i++)
		if (ifp->if_lines[i].il_def->ld_group == group)
			nv_line(sb, 1, "%s", ifp->if_lines[i].il_text);
}

void
if_lines_free(struct dp_iface *ifp)
{
	while (ifp->if_nlines > 0)
		line_remove(ifp, ifp->if_nlines - 1);
	free(ifp->if_lines);
	ifp->if_lines = NULL;
}
