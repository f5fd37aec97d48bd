/*
 * route: static IPv4 and IPv6 routes, NAT rules, and `show ip route`.
 *
 * IPv4 routes are kept per prefix length, each length's nodes sorted by
 * network: a longest-prefix match is one binary search per length from
 * /32 down, and the running configuration walks them in address order.
 * `show ip route` builds the table IOS would install: connected (and, in
 * 15.x, local) routes of interfaces whose protocol is up, and the static
 * routes whose next hop or interface resolves.
 */

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "dataplane/nat.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

#define NEGATED(m)	(cmd_negated(m))

static size_t
rt_pos(const struct rt_table *t, unsigned len, uint32_t net, bool *found)
{
	size_t	lo = 0, hi = t->rt_n[len], mid;

	*found = false;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t->rt_nodes[len][mid].rn_net == net) {
			*found = true;
			return mid;
		}
		if (t->rt_nodes[len][mid].rn_net < net)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct rt_node *
rt_node(struct rt_table *t, uint32_t net, unsigned len, bool make)
{
	struct rt_node	*v;
	size_t		 pos;
	bool		 found;

	/* A configuration lists its routes in address order (the running
	 * configuration renders them so): a network past the last of its
	 * length goes at the end without a search, which was a third of
	 * the handler. */
	if (t->rt_n[len] > 0 && t->rt_nodes[len][t->rt_n[len] - 1].rn_net <
	    net) {
		pos = t->rt_n[len];
		found = false;
	} else
		pos = rt_pos(t, len, net, &found);
	if (found)
		return &t->rt_nodes[len][pos];
	if (!make)
		return NULL;
	if (t->rt_n[len] == t->rt_cap[len]) {
		t->rt_cap[len] = t->rt_cap[len] ? t->rt_cap[len] * 2 : 8;
		v = realloc(t->rt_nodes[len], t->rt_cap[len] * sizeof(*v));
		if (v == NULL)
			abort();
		t->rt_nodes[len] = v;
	}
	v = t->rt_nodes[len];
	memmove(&v[pos + 1], &v[pos], (t->rt_n[len] - pos) * sizeof(*v));
	memset(&v[pos], 0, sizeof(*v));
	v[pos].rn_net = net;
	v[pos].rn_len = len;
	t->rt_n[len]++;
	return &v[pos];
}

static void
path_free(struct rt_path *p)
{
	free(p->rp_text);
}

/* P's interface name and name, either NULL (either may be P's own). */
static void
path_text_set(struct rt_path *p, const char *ifname, const char *name)
{
	size_t	a = ifname != NULL ? strlen(ifname) + 1 : 0;
	size_t	b = name != NULL ? strlen(name) + 1 : 0;
	char	*t = NULL;

	if (a + b > 0) {
		t = xmalloc(a + b);
		memcpy(t, ifname != NULL ? ifname : "", a);
		memcpy(t + a, name != NULL ? name : "", b);
	}
	free(p->rp_text);
	p->rp_text = t;
	p->rp_hasif = ifname != NULL;
	p->rp_hasname = name != NULL;
}

/* N's paths' storage, its paths already freed. */
static void
paths_release(struct rt_node *n)
{
	if (n->rn_npaths > 1)
		free(n->rn_many);
}

static void
rt_node_remove(struct rt_table *t, struct rt_node *n)
{
	unsigned	len = n->rn_len;
	size_t		pos = (size_t)(n - t->rt_nodes[len]);

	paths_release(n);
	memmove(&t->rt_nodes[len][pos], &t->rt_nodes[len][pos + 1],
	    (t->rt_n[len] - pos - 1) * sizeof(*n));
	t->rt_n[len]--;
}

void
route_free_all(struct dataplane *dp)
{
	struct rt_table	*t = &dp->d_rt;
	struct rt_node	*n;
	size_t		 i, j;
	unsigned	 len;

	dp->d_rt_gen++;		/* remembered lookups are stale */
	for (len = 0; len <= 32; len++) {
		/* Nothing a node points to: the nodes are not read (40,000
		 * routes' nodes, a cache miss every other one). */
		for (i = 0; t->rt_owned && i < t->rt_n[len]; i++) {
			n = &t->rt_nodes[len][i];
			for (j = 0; j < n->rn_npaths; j++)
				path_free(&rt_paths(n)[j]);
			paths_release(n);
		}
		free(t->rt_nodes[len]);
	}
	for (i = 0; i < dp->d_nrt6; i++)
		free(dp->d_rt6[i].r6_ifname);
	free(dp->d_rt6);
}

static bool
path_same(const struct rt_path *a, uint32_t nh, const char *ifname)
{
	if (a->rp_nexthop != nh)
		return false;
	if (!a->rp_hasif || ifname == NULL)
		return a->rp_hasif == (ifname != NULL);
	return strcmp(a->rp_text, ifname) == 0;
}

/* Path I of N goes; N goes with its last path. */
static void
path_remove(struct rt_table *t, struct rt_node *n, size_t i)
{
	struct rt_path	*v;

	if (n->rn_npaths == 1) {
		path_free(&n->rn_one);
		rt_node_remove(t, n);
		return;
	}
	v = n->rn_many;
	path_free(&v[i]);
	memmove(&v[i], &v[i + 1], (n->rn_npaths - i - 1) * sizeof(*v));
	if (--n->rn_npaths == 1) {
		/* Back to one: in the node, as one-path nodes are. */
		n->rn_one = v[0];
		free(v);
	}
}

/* A new, zeroed path at the end of N's. */
static struct rt_path *
path_add(struct rt_table *t, struct rt_node *n)
{
	struct rt_path	*v;

	if (n->rn_npaths == RT_MAXPATHS)
		abort();	/* 67 million next hops for one prefix */
	if (n->rn_npaths == 0) {
		n->rn_npaths = 1;
		memset(&n->rn_one, 0, sizeof(n->rn_one));
		return &n->rn_one;
	}
	if (n->rn_npaths == 1) {
		t->rt_owned = true;	/* an array of its own */
		v = xreallocarray(NULL, 2, sizeof(*v));
		v[0] = n->rn_one;
	} else
		v = xreallocarray(n->rn_many, n->rn_npaths + 1, sizeof(*v));
	n->rn_many = v;
	v += n->rn_npaths++;
	memset(v, 0, sizeof(*v));
	return v;
}

/* Null0, the discard interface every IOS router has ("Null0", "nu0",
 * "null0" as IOS abbreviates it); its only number is 0. */
static bool
null_name(const char *s)
{
	size_t	len = strcspn(s, "0123456789");

	return len >= 2 && len <= 4 && strncasecmp(s, "Null", len) == 0 &&
	    strcmp(s + len, "0") == 0;
}

bool
rt_path_discard(const struct rt_path *p)
{
	return p->rp_hasif && strcmp(p->rp_text, "Null0") == 0;
}

int
dp_ip_route_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct rt_node		*n;
	struct rt_path		*p, *ps;
	uint32_t		 net, mask, nh = 0;
	char			 ifname[IF_NAMELEN], *ifp = NULL;
	const char		*v;
	size_t			 i;

	cmd_arg_ip4(m, "prefix", &net);
	cmd_arg_ip4(m, "mask", &mask);
	if (!ip4_mask_ok(mask)) {
		vty_out(vty, "%%Inconsistent address and mask\n");
		return CMD_WARNING;
	}
	if ((net & ~mask) != 0) {
		vty_out(vty, "%%Inconsistent address and mask\n");
		return CMD_WARNING;
	}
	if ((v = cmd_arg(m, "ifname")) != NULL) {
		if (null_name(v))
			snprintf(ifname, sizeof(ifname), "Null0");
		else if (!ifname_arg(vty, m, "ifname", ifname, sizeof(ifname)))
			return CMD_WARNING;
		ifp = ifname;
		cmd_arg_ip4(m, "ifnh", &nh);
	} else
		cmd_arg_ip4(m, "nh", &nh);
	/* The mask is contiguous (above): its length is where its lowest
	 * one bit is, not ip4_masklen's walk of its ones, a bit a turn. */
	n = rt_node(&dp->d_rt, net, mask == 0 ? 0 :
	    32 - (unsigned)__builtin_ctz(mask), !NEGATED(m));
	if (n == NULL)
		return CMD_SUCCESS;
	dp->d_rt_gen++;		/* remembered lookups are stale */
	ps = rt_paths(n);
	for (i = 0; i < n->rn_npaths; i++)
		if (path_same(&ps[i], nh, ifp) && ps[i].rp_injected == 0 &&
		    !ps[i].rp_dhcp)
			break;
	if (NEGATED(m)) {
		if (i < n->rn_npaths)
			path_remove(&dp->d_rt, n, i);
		else if (n->rn_npaths == 0)
			rt_node_remove(&dp->d_rt, n);
		return CMD_SUCCESS;
	}
	p = i < n->rn_npaths ? &ps[i] : path_add(&dp->d_rt, n);
	p->rp_nexthop = nh;
	p->rp_distance = (uint8_t)cmd_arg_num(m, "distance", 1);
	/* Most routes name neither: no call to set nothing to nothing. */
	v = cmd_arg(m, "rtname");
	if (p->rp_text != NULL || ifp != NULL || v != NULL) {
		dp->d_rt.rt_owned = true;	/* names to free */
		path_text_set(p, ifp, v);
	}
	p->rp_permanent = cmd_has(m, "permanent");
	return CMD_SUCCESS;
}

bool
dp_route_inject(struct dataplane *dp, uint32_t net, unsigned len,
    uint32_t nh, bool add)
{
	struct rt_node	*n;
	struct rt_path	*p;
	size_t		 i;

	if (len > 32)
		return false;
	net &= ip4_lenmask(len);
	if ((n = rt_node(&dp->d_rt, net, len, add)) == NULL)
		return false;
	dp->d_rt_gen++;		/* remembered lookups are stale */
	p = rt_paths(n);
	for (i = 0; i < n->rn_npaths; i++)
		if (path_same(&p[i], nh, NULL) && p[i].rp_injected != 0)
			break;
	if (!add) {
		if (i == n->rn_npaths)
			return false;
		if (--p[i].rp_injected == 0)
			path_remove(&dp->d_rt, n, i);
		return true;
	}
	if (i == n->rn_npaths) {
		p = path_add(&dp->d_rt, n);
		p->rp_nexthop = nh;
		p->rp_distance = 1;
	} else if (p[i].rp_injected == RT_MAXINJECT)
		return false;	/* the route is there; not counted */
	else
		p += i;
	p->rp_injected++;
	return true;
}

int
dp_ipv6_unicast_routing_cmd(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_dp->d_ipv6_unicast_routing = !NEGATED(m);
	return CMD_SUCCESS;
}

static int
rt6_cmp(const struct rt6_route *a, const struct rt6_route *b)
{
	int	c = memcmp(a->r6_net, b->r6_net, 16);

	if (c != 0)
		return c;
	return a->r6_len < b->r6_len ? -1 : a->r6_len > b->r6_len;
}

int
dp_ipv6_route_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct rt6_route	 r;
	const char		*pfx = cmd_arg(m, "prefix"), *slash;
	char			 buf[64], ifname[IF_NAMELEN];
	size_t			 i;
	unsigned		 b;

	memset(&r, 0, sizeof(r));
	slash = strchr(pfx, '/');
	if (slash == NULL || (size_t)(slash - pfx) >= sizeof(buf))
		return CMD_WARNING;
	memcpy(buf, pfx, (size_t)(slash - pfx));
	buf[slash - pfx] = '\0';
	r.r6_len = (unsigned)strtoul(slash + 1, NULL, 10);
	if (inet_pton(AF_INET6, buf, r.r6_net) != 1)
		return CMD_WARNING;
	/* The prefix's host bits are dropped, as IOS does. */
	for (b = r.r6_len; b < 128; b++)
		r.r6_net[b / 8] &= (uint8_t)~(0x80 >> (b % 8));
	if (cmd_arg(m, "nh") != NULL) {
		r.r6_has_nh = true;
		inet_pton(AF_INET6, cmd_arg(m, "nh"), r.r6_nh);
	} else {
		if (!ifname_arg(vty, m, "ifname", ifname, sizeof(ifname)))
			return CMD_WARNING;
		r.r6_ifname = ifname;
	}
	for (i = 0; i < dp->d_nrt6 && rt6_cmp(&dp->d_rt6[i], &r) < 0; i++)
		;
	for (; i < dp->d_nrt6 && rt6_cmp(&dp->d_rt6[i], &r) == 0; i++)
		if (dp->d_rt6[i].r6_has_nh == r.r6_has_nh &&
		    (r.r6_has_nh ? memcmp(dp->d_rt6[i].r6_nh, r.r6_nh, 16) == 0 :
		    strcmp(dp->d_rt6[i].r6_ifname, r.r6_ifname) == 0))
			break;
	if (NEGATED(m)) {
		if (i < dp->d_nrt6 && rt6_cmp(&dp->d_rt6[i], &r) == 0) {
			free(dp->d_rt6[i].r6_ifname);
			memmove(&dp->d_rt6[i], &dp->d_rt6[i + 1],
			    (dp->d_nrt6 - i - 1) * sizeof(r));
			dp->d_nrt6--;
		}
		return CMD_SUCCESS;
	}
	if (i < dp->d_nrt6 && rt6_cmp(&dp->d_rt6[i], &r) == 0)
		return CMD_SUCCESS;
	dp->d_rt6 = realloc(dp->d_rt6, (dp->d_nrt6 + 1) * sizeof(r));
	if (dp->d_rt6 == NULL)
		abort();
	memmove(&dp->d_rt6[i + 1], &dp->d_rt6[i], (dp->d_nrt6 - i) *
	    sizeof(r));
	if (r.r6_ifname != NULL)
		r.r6_ifname = xstrdup(r.r6_ifname);
	dp->d_rt6[i] = r;
	dp->d_nrt6++;
	return CMD_SUCCESS;
}

/* Every static route in address order (then by prefix length). */
void
rt_walk(const struct rt_table *t,
    void (*fn)(const struct rt_node *, void *), void *arg)
{
	size_t		 pos[33] = { 0 };
	unsigned	 len, best;
	const struct rt_node *n;

	for (;;) {
		best = 33;
		for (len = 0; len <= 32; len++) {
			if (pos[len] >= t->rt_n[len])
				continue;
			n = &t->rt_nodes[len][pos[len]];
			if (best == 33 || n->rn_net <
			    t->rt_nodes[best][pos[best]].rn_net)
				best = len;
		}
		if (best == 33)
			return;
		fn(&t->rt_nodes[best][pos[best]++], arg);
	}
}

static void
route_line(const struct rt_node *n, void *arg)
{
	struct strbuf		*sb = arg;
	const struct rt_path	*p;
	char			 a[16], k[16], h[16];
	size_t			 i;

	ip4_text(n->rn_net, a);
	ip4_text(ip4_lenmask(n->rn_len), k);
	for (i = 0; i < n->rn_npaths; i++) {
		p = &rt_paths(n)[i];
		if (p->rp_injected != 0 || p->rp_dhcp)
			continue;
		strbuf_printf(sb, "ip route %s %s", a, k);
		if (p->rp_hasif)
			strbuf_printf(sb, " %s", path_ifname(p));
		if (p->rp_nexthop != 0 || !p->rp_hasif) {
			ip4_text(p->rp_nexthop, h);
			strbuf_printf(sb, " %s", h);
		}
		if (p->rp_distance != 1)
			strbuf_printf(sb, " %u", (unsigned)p->rp_distance);
		if (p->rp_hasname)
			strbuf_printf(sb, " name %s", path_name(p));
		if (p->rp_permanent)
			strbuf_puts(sb, " permanent");
		strbuf_putc(sb, '\n');
	}
}

void
route_nvgen(const struct dataplane *dp, enum nv_section sec,
    struct strbuf *sb)
{
	const struct rt6_route	*r;
	char			 a[46];
	size_t			 i;

	(void)sec;
	nat_nvgen(dp, sb);
	rt_walk(&dp->d_rt, route_line, sb);
	for (i = 0; i < dp->d_nrt6; i++) {
		r = &dp->d_rt6[i];
		ip6_fmt(r->r6_net, a);
		strbuf_printf(sb, "ipv6 route %s/%u ", a, r->r6_len);
		if (r->r6_has_nh) {
			ip6_fmt(r->r6_nh, a);
			strbuf_printf(sb, "%s\n", a);
		} else
			strbuf_printf(sb, "%s\n", r->r6_ifname);
	}
}

struct dp_iface *
route_connected(const struct dataplane *dp, uint32_t addr, unsigned *len)
{
	const struct if_subnet	*sn;
	size_t			 lo = 0, hi = dp->d_nsubnets, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (dp->d_subnets[mid].sn_lo <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	sn = &dp->d_subnets[lo - 1];
	if (addr > sn->sn_hi || !iface_proto_up(sn->sn_if))
		return NULL;
	if (len != NULL)
		*len = 32 - (unsigned)__builtin_popcount(sn->sn_hi - sn->sn_lo);
	return sn->sn_if;
}

/*
 * The forwarding decision, as IOS's table would make it: the longest
 * prefix among the connected subnets of up interfaces (distance 0) and
 * the static routes that resolve; a static of the same length as the
 * connected subnet loses to it.  Among a prefix's paths the lowest
 * distance that resolves wins (the first of equals: no load sharing).
 * A next hop resolves recursively through the table, never through the
 * route itself, at most RT_DEPTH levels deep.
 */
#define RT_DEPTH	8

static struct dp_iface *
lookup_depth(const struct dataplane *, uint32_t, uint32_t *, unsigned,
    const struct rt_node *);

struct dp_iface *
path_resolve(const struct dataplane *dp, const struct rt_node *n,
    const struct rt_path *p, uint32_t dst, uint32_t *nh, unsigned depth)
{
	struct dp_iface	*ifp;

	if (p->rp_hasif) {
		ifp = dp_iface_find(dp, path_ifname(p));
		if (ifp == NULL || !iface_proto_up(ifp))
			return NULL;
		*nh = p->rp_nexthop != 0 ? p->rp_nexthop : dst;
		return ifp;
	}
	if (depth >= RT_DEPTH)
		return NULL;
	return lookup_depth(dp, p->rp_nexthop, nh, depth + 1, n);
}

/* The node's best path's interface; *DISCARD when that path is Null0's
 * (the destination is dropped, never looked up in a shorter prefix). */
static struct dp_iface *
node_resolve(const struct dataplane *dp, const struct rt_node *n,
    uint32_t dst, uint32_t *nh, unsigned depth, bool *discard)
{
	const struct rt_path	*p = rt_paths(n), *end = p + n->rn_npaths;
	struct dp_iface		*ifp, *best = NULL;
	unsigned		 dist = ~0U;
	uint32_t		 h;

	*discard = false;
	for (; p < end; p++) {
		if (p->rp_distance >= dist)
			continue;
		if (rt_path_discard(p)) {
			best = NULL;
			*discard = true;
			dist = p->rp_distance;
			continue;
		}
		ifp = path_resolve(dp, n, p, dst, &h, depth);
		if (ifp == NULL)
			continue;
		best = ifp;
		*discard = false;
		*nh = h;
		dist = p->rp_distance;
	}
	return best;
}

static struct dp_iface *
lookup_depth(const struct dataplane *dp, uint32_t dst, uint32_t *nh,
    unsigned depth, const struct rt_node *exclude)
{
	const struct rt_table	*t = &dp->d_rt;
	const struct rt_node	*n;
	struct dp_iface		*ifp, *conn;
	unsigned		 clen = 0;
	int			 len;
	size_t			 pos;
	bool			 found, discard;

	conn = route_connected(dp, dst, &clen);
	for (len = 32; len >= 0 && (conn == NULL || len > (int)clen); len--) {
		if (t->rt_n[len] == 0)
			continue;
		pos = rt_pos(t, (unsigned)len, dst & ip4_lenmask((unsigned)len),
		    &found);
		if (!found)
			continue;
		n = &t->rt_nodes[len][pos];
		if (n == exclude)
			continue;
		if ((ifp = node_resolve(dp, n, dst, nh, depth, &discard)) !=
		    NULL)
			return ifp;
		if (discard)
			return NULL;
	}
	if (conn != NULL)
		*nh = dst;
	return conn;
}

struct dp_iface *
route_lookup_fresh(const struct dataplane *dp, uint32_t dst, uint32_t *nh)
{
	return lookup_depth(dp, dst, nh, 0, NULL);
}

struct dp_iface *
route_lookup(const struct dataplane *dp, uint32_t dst, uint32_t *nh)
{
	struct rt_cached	*rc;
	struct dp_iface		*ifp;
	uint64_t		 gen = route_gen(dp);

	if (dp->d_fwd == NULL)
		return lookup_depth(dp, dst, nh, 0, NULL);
	rc = &dp->d_fwd->f_rtc[(dst * 2654435761U) >> 24];
	if (rc->rc_gen == gen && rc->rc_dst == dst) {
		if (rc->rc_ifp != NULL)
			*nh = rc->rc_nh;
		return rc->rc_ifp;
	}
	ifp = lookup_depth(dp, dst, nh, 0, NULL);
	rc->rc_gen = gen;
	rc->rc_dst = dst;
	rc->rc_ifp = ifp;
	rc->rc_nh = ifp != NULL ? *nh : 0;
	return ifp;
}

void
route_dhcp_default(struct dataplane *dp, uint32_t nh)
{
	struct rt_node	*n;
	struct rt_path	*p;
	size_t		 i;

	n = rt_node(&dp->d_rt, 0, 0, nh != 0);
	if (n == NULL)
		return;
	for (i = 0; i < n->rn_npaths; i++)
		if (rt_paths(n)[i].rp_dhcp)
			break;
	if (nh == 0) {
		if (i < n->rn_npaths)
			path_remove(&dp->d_rt, n, i);
		else if (n->rn_npaths == 0)
			rt_node_remove(&dp->d_rt, n);
		dp->d_gen++;
		return;
	}
	p = i == n->rn_npaths ? path_add(&dp->d_rt, n) : &rt_paths(n)[i];
	p->rp_nexthop = nh;
	p->rp_distance = 254;
	p->rp_dhcp = true;
	dp->d_gen++;
}
