/*
 * route_show: `show ip route` — the routing table as IOS prints it, built
 * from the connected networks and the static routes that resolve (a RIB
 * made for the display; forwarding uses route.c's tables directly).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

struct rib_entry {
	uint32_t	 re_net;
	unsigned	 re_len;
	char		 re_code[3];
	char		 re_text[96];	/* after the prefix */
	/* What `show ip route ADDR` tells of it. */
	unsigned	 re_distance;
	uint32_t	 re_nexthop;	/* 0: directly connected */
	char		 re_ifname[48];	/* "" for a static via a next hop */
};

struct rib {
	struct rib_entry	*r_v;
	size_t			 r_n, r_cap;
	const struct dataplane	*r_dp;
	bool			 r_default;
	uint32_t		 r_gateway;
};

static struct rib_entry *
rib_add(struct rib *r, uint32_t net, unsigned len, const char *code,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static struct rib_entry *
rib_add(struct rib *r, uint32_t net, unsigned len, const char *code,
    const char *fmt, ...)
{
	struct rib_entry	*e;
	va_list			 ap;

	if (r->r_n == r->r_cap) {
		r->r_cap = r->r_cap ? r->r_cap * 2 : 16;
		r->r_v = xreallocarray(r->r_v, r->r_cap, sizeof(*r->r_v));
	}
	e = &r->r_v[r->r_n++];
	memset(e, 0, sizeof(*e));
	e->re_net = net;
	e->re_len = len;
	snprintf(e->re_code, sizeof(e->re_code), "%s", code);
	va_start(ap, fmt);
	vsnprintf(e->re_text, sizeof(e->re_text), fmt, ap);
	va_end(ap);
	return e;
}

static void
rib_connected(struct rib *r, const struct dp_iface *ifp,
    const struct if_v4 *a, bool v15)
{
	unsigned		 len = ip4_masklen(a->a_mask);
	struct rib_entry	*e;

	e = rib_add(r, a->a_addr & a->a_mask, len, "C",
	    "is directly connected, %s", ifp->if_name);
	snprintf(e->re_ifname, sizeof(e->re_ifname), "%s", ifp->if_name);
	if (v15 && len < 32) {
		e = rib_add(r, a->a_addr, 32, "L",
		    "is directly connected, %s", ifp->if_name);
		snprintf(e->re_ifname, sizeof(e->re_ifname), "%s",
		    ifp->if_name);
	}
}

static void
rib_static(const struct rt_node *n, void *arg)
{
	struct rib		*r = arg;
	const struct rt_path	*p;
	const struct dp_iface	*ifp;
	struct rib_entry	*e;
	uint32_t		 nh;
	char			 h[16];
	const char		*code;
	unsigned		 best = ~0U;
	size_t			 i;

	code = n->rn_len == 0 ? "S*" : "S";
	for (i = 0; i < n->rn_npaths; i++) {
		p = &rt_paths(n)[i];
		if (p->rp_distance < best && (rt_path_discard(p) ||
		    path_resolve(r->r_dp, n, p, n->rn_net, &nh, 0) != NULL))
			best = p->rp_distance;
	}
	for (i = 0; i < n->rn_npaths; i++) {
		p = &rt_paths(n)[i];
		if (p->rp_distance > best)
			continue;
		ip4_text(p->rp_nexthop, h);
		if (p->rp_hasif) {
			ifp = dp_iface_find(r->r_dp, path_ifname(p));
			if (!rt_path_discard(p) &&
			    (ifp == NULL || !iface_proto_up(ifp)))
				continue;
			if (p->rp_nexthop == 0)
				e = rib_add(r, n->rn_net, n->rn_len, code,
				    "is directly connected, %s", path_ifname(p));
			else
				e = rib_add(r, n->rn_net, n->rn_len, code,
				    "[%u/0] via %s, %s", (unsigned)p->rp_distance, h,
				    path_ifname(p));
			snprintf(e->re_ifname, sizeof(e->re_ifname), "%s",
			    path_ifname(p));
		} else {
			/* Shown only if the next hop resolves, as IOS. */
			if (path_resolve(r->r_dp, n, p, n->rn_net, &nh, 0) ==
			    NULL)
				continue;
			e = rib_add(r, n->rn_net, n->rn_len, code,
			    "[%u/0] via %s", (unsigned)p->rp_distance, h);
		}
		e->re_distance = p->rp_distance;
		e->re_nexthop = p->rp_nexthop;
		if (n->rn_len == 0 && !r->r_default) {
			r->r_default = true;
			r->r_gateway = p->rp_nexthop;
		}
	}
}

static int
rib_cmp(const void *a, const void *b)
{
	const struct rib_entry	*x = a, *y = b;

	if (x->re_net != y->re_net)
		return x->re_net < y->re_net ? -1 : 1;
	if (x->re_len != y->re_len)
		return x->re_len < y->re_len ? -1 : 1;
	return strcmp(x->re_code, y->re_code);
}

static unsigned
classful_len(uint32_t a)
{
	if (a < 0x80000000U)
		return 8;
	if (a < 0xc0000000U)
		return 16;
	return 24;
}

static const char codes15[] =
    "Codes: L - local, C - connected, S - static, R - RIP, M - mobile, "
    "B - BGP\n"
    "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area \n"
    "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external "
    "type 2\n"
    "       E1 - OSPF external type 1, E2 - OSPF external type 2\n"
    "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, "
    "L2 - IS-IS level-2\n"
    "       ia - IS-IS inter area, * - candidate default, "
    "U - per-user static route\n"
    "       o - ODR, P - periodic downloaded static route, H - NHRP, "
    "l - LISP\n"
    "       + - replicated route, % - next hop override\n";
static const char codes12[] =
    "Codes: C - connected, S - static, R - RIP, M - mobile, B - BGP\n"
    "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area \n"
    "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external "
    "type 2\n"
    "       E1 - OSPF external type 1, E2 - OSPF external type 2\n"
    "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, "
    "L2 - IS-IS level-2\n"
    "       ia - IS-IS inter area, * - candidate default, "
    "U - per-user static route\n"
    "       o - ODR, P - periodic downloaded static route\n";

/* One major network's subnets under their "is subnetted" line. */
static size_t
rib_group(const struct rib *r, size_t i, bool v15, struct strbuf *sb)
{
	uint32_t	major = r->r_v[i].re_net &
			    ip4_lenmask(classful_len(r->r_v[i].re_net));
	unsigned	clen = classful_len(major), masks = 0, seen[33] = { 0 };
	size_t		j, n;
	bool		variable;
	char		a[16];

	for (j = i; j < r->r_n && r->r_v[j].re_len > clen &&
	    (r->r_v[j].re_net & ip4_lenmask(clen)) == major; j++)
		if (seen[r->r_v[j].re_len]++ == 0)
			masks++;
	n = j - i;
	variable = masks > 1;
	ip4_text(major, a);
	if (variable)
		strbuf_printf(sb, "%s%s/%u is variably subnetted, %zu subnets, "
		    "%u masks\n", v15 ? "      " : "     ", a, clen, n, masks);
	else
		strbuf_printf(sb, "%s%s/%u is subnetted, %zu subnets\n",
		    v15 ? "      " : "     ", a, r->r_v[i].re_len, n);
	for (j = i; j < i + n; j++) {
		ip4_text(r->r_v[j].re_net, a);
		strbuf_printf(sb, "%-*s%s", v15 ? 9 : 8, r->r_v[j].re_code, a);
		if (variable)
			strbuf_printf(sb, "/%u", r->r_v[j].re_len);
		strbuf_printf(sb, " %s\n", r->r_v[j].re_text);
	}
	return n;
}

/* The table, connected and resolved static routes in IOS's order. */
static void
rib_build(const struct dataplane *dp, struct rib *r, bool v15)
{
	const struct dp_iface	*ifp;
	size_t			 i, k;

	memset(r, 0, sizeof(*r));
	r->r_dp = dp;
	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		if (!iface_has_v4(ifp) || !iface_proto_up(ifp))
			continue;
		rib_connected(r, ifp, &ifp->if_addr, v15);
		for (k = 0; k < ifp->if_nsec; k++)
			rib_connected(r, ifp, &ifp->if_sec[k], v15);
	}
	rt_walk(&dp->d_rt, rib_static, r);
	if (r->r_n > 0)
		qsort(r->r_v, r->r_n, sizeof(*r->r_v), rib_cmp);
}

/* Keep only the entries whose code starts with one of CODES ("S": static;
 * "CL": connected and local), as `show ip route static|connected`. */
static void
rib_only(struct rib *r, const char *codes)
{
	size_t	i, n = 0;

	for (i = 0; i < r->r_n; i++)
		if (strchr(codes, r->r_v[i].re_code[0]) != NULL)
			r->r_v[n++] = r->r_v[i];
	r->r_n = n;
}

void
route_show(const struct dataplane *dp, const char *codes, struct strbuf *sb)
{
	struct rib	 r;
	bool		 v15 = sys_version_15(dp->d_sys);
	char		 a[16];
	size_t		 i;

	rib_build(dp, &r, v15);
	if (codes != NULL)
		rib_only(&r, codes);
	strbuf_puts(sb, v15 ? codes15 : codes12);
	strbuf_putc(sb, '\n');
	if (r.r_default) {
		ip4_text(r.r_gateway, a);
		strbuf_printf(sb, "Gateway of last resort is %s to network "
		    "0.0.0.0\n\n", a);
	} else
		strbuf_puts(sb, "Gateway of last resort is not set\n\n");
	for (i = 0; i < r.r_n; ) {
		if (r.r_v[i].re_len > classful_len(r.r_v[i].re_net)) {
			i += rib_group(&r, i, v15, sb);
			continue;
		}
		ip4_text(r.r_v[i].re_net, a);
		strbuf_printf(sb, "%-*s%s/%u %s\n", v15 ? 6 : 5,
		    r.r_v[i].re_code, a, r.r_v[i].re_len, r.r_v[i].re_text);
		i++;
	}
	free(r.r_v);
}

/*
 * `show ip route ADDR [MASK]`: the entry an address uses (the longest
 * prefix that holds it), or with a mask the entry for exactly that
 * prefix, in IOS's "Routing entry for" form, one descriptor block per
 * path (the first one starred, as IOS marks the path in use).
 */
static void
route_show_entry(const struct dataplane *dp, uint32_t addr, int len,
    struct strbuf *sb)
{
	struct rib		 r;
	const struct rib_entry	*e = NULL;
	bool			 conn;
	char			 a[16];
	size_t			 i, first = 0;

	rib_build(dp, &r, sys_version_15(dp->d_sys));
	for (i = 0; i < r.r_n; i++) {
		if (len >= 0 ? (r.r_v[i].re_net != addr ||
		    r.r_v[i].re_len != (unsigned)len) :
		    (addr & ip4_lenmask(r.r_v[i].re_len)) != r.r_v[i].re_net)
			continue;
		if (e == NULL || r.r_v[i].re_len > e->re_len) {
			e = &r.r_v[i];
			first = i;
		}
	}
	if (e == NULL) {
		strbuf_puts(sb, len >= 0 ? "% Subnet not in table\n" :
		    "% Network not in table\n");
		free(r.r_v);
		return;
	}
	conn = e->re_code[0] != 'S';
	ip4_text(e->re_net, a);
	strbuf_printf(sb, "Routing entry for %s/%u%s\n", a, e->re_len,
	    e->re_len < classful_len(e->re_net) ? ", supernet" : "");
	strbuf_printf(sb, "  Known via \"%s\", distance %u, metric 0%s\n",
	    conn ? "connected" : "static", e->re_distance,
	    e->re_code[0] == 'C' ? " (connected, via interface)" :
	    e->re_code[0] == 'L' || e->re_nexthop == 0 ? " (connected)" :
	    e->re_len == 0 ? ", candidate default path" : "");
	strbuf_puts(sb, "  Routing Descriptor Blocks:\n");
	for (i = first; i < r.r_n && r.r_v[i].re_net == e->re_net &&
	    r.r_v[i].re_len == e->re_len &&
	    strcmp(r.r_v[i].re_code, e->re_code) == 0; i++) {
		strbuf_puts(sb, i == first ? "  * " : "    ");
		if (r.r_v[i].re_nexthop == 0)
			strbuf_printf(sb, "directly connected, via %s\n",
			    r.r_v[i].re_ifname);
		else {
			ip4_text(r.r_v[i].re_nexthop, a);
			strbuf_printf(sb, "%s%s%s\n", a,
			    r.r_v[i].re_ifname[0] != '\0' ? ", via " : "",
			    r.r_v[i].re_ifname);
		}
		strbuf_puts(sb, "      Route metric is 0, traffic share count "
		    "is 1\n");
	}
	free(r.r_v);
}

int
dp_show_ip_route_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct dataplane	*dp = vty->v_sys->sy_dp;
	uint32_t		 addr, mask;

	if (cmd_has(m, "addr")) {
		(void)ip4_parse(cmd_arg(m, "addr"), &addr);
		if (cmd_has(m, "mask")) {
			(void)ip4_parse(cmd_arg(m, "mask"), &mask);
			route_show_entry(dp, addr & mask,
			    (int)ip4_masklen(mask), &vty->v_out);
		} else
			route_show_entry(dp, addr, -1, &vty->v_out);
		return CMD_SUCCESS;
	}
	route_show(dp, cmd_has(m, "static") ? "S" :
	    cmd_has(m, "connected") ? "CL" : NULL, &vty->v_out);
	return CMD_SUCCESS;
}
