/*
 * Unit tests for dataplane/route.c: static routes and their paths (one
 * in the node, several in an array of the node's own, an interface and
 * a name in one block), Null0 for IPv4 and IPv6, the lookup's order,
 * and the exact text of show ip route.
 */
#include <arpa/inet.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "tests/fixture.h"

static struct fixture	 fx;

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx, NULL);
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
}

static void
teardown(void)
{
	fx_close(&fx);
	clock_use_real();
}

/* ip route ... Null0: what it covers is dropped (no route for the
 * forwarder), never sent by the shorter default route; shown as IOS
 * shows it, rendered back; Null1 is no interface. */
START_TEST(test_null0_route)
{
	uint32_t	dst, nh = 0;

	fx_run_quiet(&fx, "interface Loopback0\n"
	    " ip address 1.1.1.1 255.255.255.0\n"
	    "ip route 0.0.0.0 0.0.0.0 1.1.1.2\n"
	    "ip route 10.0.0.0 255.0.0.0 nu0\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx,
	    "ip route 11.0.0.0 255.0.0.0 Null1"), "% Invalid input"));
	fx_run(&fx, "end");
	ip4_parse("10.9.9.9", &dst);
	ck_assert_ptr_null(route_lookup(fx_dp(&fx), dst, &nh));
	ip4_parse("11.9.9.9", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip route"),
	    "S     10.0.0.0/8 is directly connected, Null0\n"));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "\nip route 0.0.0.0 0.0.0.0 1.1.1.2\n"
	    "ip route 10.0.0.0 255.0.0.0 Null0\n"));
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "no ip route 10.0.0.0 255.0.0.0 Null0\n");
	ip4_parse("10.9.9.9", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
}
END_TEST

/* Routes of a length are kept in address order whatever order they are
 * given in: ascending (a saved configuration's order, which goes at the
 * end without a search), then one below the first, one between, one the
 * same as the last (a second path), one past the end; each found by a
 * lookup, rendered in order, removed. */
START_TEST(test_route_order)
{
	uint32_t	dst, nh = 0;
	char		buf[IP4_TEXT_LEN];

	fx_run_quiet(&fx, "interface Loopback0\n"
	    " ip address 1.1.1.1 255.255.255.0\n"
	    "ip route 10.0.2.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.4.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.6.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.1.0 255.255.255.0 1.1.1.3\n"
	    "ip route 10.0.5.0 255.255.255.0 1.1.1.4\n"
	    "ip route 10.0.6.0 255.255.255.0 1.1.1.5\n"
	    "ip route 10.0.7.0 255.255.255.0 1.1.1.6\n");
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "\nip route 10.0.1.0 255.255.255.0 1.1.1.3\n"
	    "ip route 10.0.2.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.4.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.5.0 255.255.255.0 1.1.1.4\n"
	    "ip route 10.0.6.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.6.0 255.255.255.0 1.1.1.5\n"
	    "ip route 10.0.7.0 255.255.255.0 1.1.1.6\n"));
	ip4_parse("10.0.5.9", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.4");
	ip4_parse("10.0.3.9", &dst);
	ck_assert_ptr_null(route_lookup(fx_dp(&fx), dst, &nh));
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "no ip route 10.0.7.0 255.255.255.0 1.1.1.6\n"
	    "ip route 10.0.8.0 255.255.255.0 1.1.1.7\n");
	ip4_parse("10.0.7.9", &dst);
	ck_assert_ptr_null(route_lookup(fx_dp(&fx), dst, &nh));
	ip4_parse("10.0.8.9", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.7");
	/* A path given again takes the new line's name, or none. */
	fx_run_quiet(&fx, "ip route 10.0.8.0 255.255.255.0 1.1.1.7 name n8\n");
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "\nip route 10.0.8.0 255.255.255.0 1.1.1.7 name n8\n"));
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "ip route 10.0.8.0 255.255.255.0 1.1.1.7\n");
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "\nip route 10.0.8.0 255.255.255.0 1.1.1.7\n"));
}
END_TEST

/*
 * A node's one path is in the node (route.c): a second path moves both
 * into an array of the node's own, and removing one brings the other
 * back into the node, its fields whole.  ASan reports the array read
 * after it was freed.
 */
static struct rt_node *
node_of(struct rt_table *t, const char *net, unsigned len)
{
	uint32_t	a = ntohl(inet_addr(net));
	size_t		i;

	for (i = 0; i < t->rt_n[len]; i++)
		if (t->rt_nodes[len][i].rn_net == a)
			return &t->rt_nodes[len][i];
	return NULL;
}

START_TEST(test_route_path_inline)
{
	struct rt_table	*t = &fx_dp(&fx)->d_rt;
	struct rt_node	*n;
	const char	*out;

	fx_run_quiet(&fx, "ip route 10.0.8.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.9.0 255.255.255.0 1.1.1.2 7 name one\n");
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.9.0", 24));
	ck_assert_uint_eq(n->rn_len, 24);
	ck_assert_uint_eq(n->rn_npaths, 1);
	ck_assert_ptr_eq(rt_paths(n), &n->rn_one);
	ck_assert_uint_eq(n->rn_one.rp_nexthop, ntohl(inet_addr("1.1.1.2")));
	ck_assert_uint_eq(n->rn_one.rp_distance, 7);
	ck_assert_str_eq(path_name(&n->rn_one), "one");
	ck_assert_ptr_null(path_ifname(&n->rn_one));

	/* Two paths: an array, the first path's fields carried over. */
	fx_run_quiet(&fx, "ip route 10.0.9.0 255.255.255.0 1.1.1.3 permanent\n");
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.9.0", 24));
	ck_assert_uint_eq(n->rn_npaths, 2);
	ck_assert_ptr_eq(rt_paths(n), n->rn_many);
	ck_assert_uint_eq(rt_paths(n)[0].rp_distance, 7);
	ck_assert_str_eq(path_name(&rt_paths(n)[0]), "one");
	ck_assert(rt_paths(n)[1].rp_permanent);
	ck_assert(t->rt_owned);

	/* The first goes: the second back in the node, whole. */
	fx_run_quiet(&fx, "no ip route 10.0.9.0 255.255.255.0 1.1.1.2\n");
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.9.0", 24));
	ck_assert_uint_eq(n->rn_npaths, 1);
	ck_assert_ptr_eq(rt_paths(n), &n->rn_one);
	ck_assert_uint_eq(n->rn_one.rp_nexthop, ntohl(inet_addr("1.1.1.3")));
	ck_assert_uint_eq(n->rn_one.rp_distance, 1);
	ck_assert(n->rn_one.rp_permanent);
	ck_assert_ptr_null(path_name(&n->rn_one));
	ck_assert_ptr_null(n->rn_one.rp_text);

	/* A node before it goes: the node moves, its path with it. */
	fx_run_quiet(&fx, "no ip route 10.0.8.0 255.255.255.0 1.1.1.2\n");
	ck_assert_ptr_null(node_of(t, "10.0.8.0", 24));
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.9.0", 24));
	ck_assert_uint_eq(n->rn_one.rp_nexthop, ntohl(inet_addr("1.1.1.3")));
	fx_run(&fx, "end");
	out = fx_run(&fx, "show running-config");
	ck_assert_ptr_nonnull(strstr(out,
	    "ip route 10.0.9.0 255.255.255.0 1.1.1.3 permanent\n"));
	ck_assert_ptr_null(strstr(out, "10.0.8.0"));
	ck_assert_ptr_null(strstr(out, "1.1.1.2"));
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "no ip route 10.0.9.0 255.255.255.0 1.1.1.3\n");
	ck_assert_ptr_null(node_of(t, "10.0.9.0", 24));
}
END_TEST

/*
 * A path's interface and name share one block (rp_text): each set, read
 * and replaced alone or together, the other kept or dropped as the line
 * says, and rendered as typed.
 */
START_TEST(test_route_path_text)
{
	struct rt_table	*t = &fx_dp(&fx)->d_rt;
	struct rt_node	*n;
	const char	*out;

	fx_run_quiet(&fx, "interface Loopback3\n ip address 1.1.3.1 "
	    "255.255.255.0\n exit\n"
	    "ip route 10.0.7.0 255.255.255.0 Loopback3 name lo-route\n");
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.7.0", 24));
	ck_assert_str_eq(path_ifname(&n->rn_one), "Loopback3");
	ck_assert_str_eq(path_name(&n->rn_one), "lo-route");
	/* The same path again, a name only: the interface kept. */
	fx_run_quiet(&fx, "ip route 10.0.7.0 255.255.255.0 Loopback3 "
	    "name other\n");
	ck_assert_uint_eq(n->rn_npaths, 1);
	ck_assert_str_eq(path_ifname(&n->rn_one), "Loopback3");
	ck_assert_str_eq(path_name(&n->rn_one), "other");
	/* The same path without a name: the name goes. */
	fx_run_quiet(&fx, "ip route 10.0.7.0 255.255.255.0 Loopback3 250\n");
	ck_assert_str_eq(path_ifname(&n->rn_one), "Loopback3");
	ck_assert_ptr_null(path_name(&n->rn_one));
	ck_assert_uint_eq(n->rn_one.rp_distance, 250);
	/* A name without an interface, and Null0's discard. */
	fx_run_quiet(&fx, "ip route 10.0.6.0 255.255.255.0 1.1.3.2 "
	    "name bare\nip route 10.0.5.0 255.255.255.0 Null0 255\n");
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.6.0", 24));
	ck_assert_ptr_null(path_ifname(&n->rn_one));
	ck_assert_str_eq(path_name(&n->rn_one), "bare");
	ck_assert_ptr_nonnull(n = node_of(t, "10.0.5.0", 24));
	ck_assert(rt_path_discard(&n->rn_one));
	ck_assert_uint_eq(n->rn_one.rp_distance, 255);
	fx_run(&fx, "end");
	out = fx_run(&fx, "show running-config");
	ck_assert_ptr_nonnull(strstr(out,
	    "ip route 10.0.5.0 255.255.255.0 Null0 255\n"
	    "ip route 10.0.6.0 255.255.255.0 1.1.3.2 name bare\n"
	    "ip route 10.0.7.0 255.255.255.0 Loopback3 250\n"));
	out = fx_run(&fx, "show ip route static");
	ck_assert_ptr_nonnull(strstr(out, "S        10.0.7.0 is directly "
	    "connected, Loopback3\n"));
}
END_TEST

/*
 * A path's counts and flags share one word (struct rt_path, 16 bytes):
 * each keeps its own value beside the others set to their largest, and
 * an injected route's count stops at RT_MAXINJECT — the addition past it
 * is refused (its caller has nothing to remove), the route stays, and as
 * many removals as counted additions take it away.
 */
START_TEST(test_route_path_packed)
{
	struct dataplane	*dp = fx_dp(&fx);
	struct rt_node		*n;
	struct rt_path		*p;
	uint32_t		 net = ntohl(inet_addr("10.0.3.0"));
	uint32_t		 nh = ntohl(inet_addr("1.1.1.9"));

	ck_assert_uint_eq(sizeof(struct rt_node), 24);
	fx_run_quiet(&fx, "interface Loopback3\n ip address 1.1.3.1 "
	    "255.255.255.0\n exit\n"
	    "ip route 10.0.3.0 255.255.255.0 Loopback3 255 name n3 "
	    "permanent\n");
	ck_assert_ptr_nonnull(n = node_of(&dp->d_rt, "10.0.3.0", 24));
	p = &n->rn_one;
	ck_assert_uint_eq(p->rp_distance, 255);
	ck_assert(p->rp_permanent && p->rp_hasif && p->rp_hasname);
	ck_assert(!p->rp_dhcp);
	ck_assert_uint_eq(p->rp_injected, 0);
	/* An injected path beside it: counted, flags untouched. */
	ck_assert(dp_route_inject(dp, net, 24, nh, true));
	ck_assert_ptr_nonnull(n = node_of(&dp->d_rt, "10.0.3.0", 24));
	ck_assert_uint_eq(n->rn_npaths, 2);
	p = &rt_paths(n)[1];
	ck_assert_uint_eq(p->rp_injected, 1);
	ck_assert_uint_eq(p->rp_distance, 1);
	ck_assert(!p->rp_permanent && !p->rp_hasif && !p->rp_hasname);
	p->rp_injected = RT_MAXINJECT - 1;
	ck_assert(dp_route_inject(dp, net, 24, nh, true));
	ck_assert_uint_eq(p->rp_injected, RT_MAXINJECT);
	ck_assert_uint_eq(p->rp_distance, 1);
	ck_assert(!p->rp_permanent && !p->rp_hasif && !p->rp_dhcp);
	ck_assert(!dp_route_inject(dp, net, 24, nh, true));
	ck_assert_uint_eq(p->rp_injected, RT_MAXINJECT);
	ck_assert(dp_route_inject(dp, net, 24, nh, false));
	ck_assert_uint_eq(p->rp_injected, RT_MAXINJECT - 1);
	p->rp_injected = 1;
	ck_assert(dp_route_inject(dp, net, 24, nh, false));
	ck_assert(!dp_route_inject(dp, net, 24, nh, false));
	ck_assert_ptr_nonnull(n = node_of(&dp->d_rt, "10.0.3.0", 24));
	ck_assert_uint_eq(n->rn_npaths, 1);
	ck_assert_uint_eq(n->rn_one.rp_distance, 255);
	ck_assert(n->rn_one.rp_permanent);
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "ip route 10.0.3.0 255.255.255.0 Loopback3 255 name n3 "
	    "permanent\n"));
}
END_TEST

/* A network's paths as they come and go: one, three, two, back to one
 * (route.c keeps a lone path in its pool, several in an array), two
 * again; each path keeps its own name, the one left is the one routed.
 * Then 300 networks (more than a block of the pool), every other one
 * removed and given again: what is freed is taken again, and nothing
 * leaks at the end (AddressSanitizer). */
START_TEST(test_route_paths)
{
	struct strbuf	sb;
	uint32_t	dst, nh = 0;
	char		buf[IP4_TEXT_LEN];
	const char	*rc;
	int		i, k;

	fx_run_quiet(&fx, "interface Loopback0\n"
	    " ip address 1.1.1.1 255.255.255.0\n"
	    "ip route 10.0.9.0 255.255.255.0 1.1.1.2 name a\n"
	    "ip route 10.0.9.0 255.255.255.0 1.1.1.3 name b\n"
	    "ip route 10.0.9.0 255.255.255.0 1.1.1.4 name c\n"
	    "no ip route 10.0.9.0 255.255.255.0 1.1.1.2\n"
	    "no ip route 10.0.9.0 255.255.255.0 1.1.1.4\n");
	fx_run(&fx, "end");
	rc = fx_run(&fx, "show running-config");
	ck_assert_ptr_nonnull(strstr(rc,
	    "\nip route 10.0.9.0 255.255.255.0 1.1.1.3 name b\n"));
	ck_assert_ptr_null(strstr(rc, "1.1.1.2 name a"));
	ck_assert_ptr_null(strstr(rc, "1.1.1.4 name c"));
	ip4_parse("10.0.9.9", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.3");
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "ip route 10.0.9.0 255.255.255.0 1.1.1.5 name e\n");
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "\nip route 10.0.9.0 255.255.255.0 1.1.1.3 name b\n"
	    "ip route 10.0.9.0 255.255.255.0 1.1.1.5 name e\n"));
	fx_run(&fx, "configure terminal");
	for (k = 0; k < 3; k++) {
		strbuf_init(&sb);
		for (i = 0; i < 300; i++)
			if (k == 0 || i % 2 == 0)
				strbuf_printf(&sb, "%sip route 20.%d.%d.0 "
				    "255.255.255.0 1.1.1.%d name r%d\n",
				    k == 1 ? "no " : "", i / 250, i % 250,
				    2 + i % 200, i);
		fx_run_quiet(&fx, sb.sb_buf);
		strbuf_free(&sb);
	}
	fx_run(&fx, "end");
	rc = fx_run(&fx, "show running-config");
	ck_assert_ptr_nonnull(strstr(rc,
	    "\nip route 20.0.0.0 255.255.255.0 1.1.1.2 name r0\n"
	    "ip route 20.0.1.0 255.255.255.0 1.1.1.3 name r1\n"));
	ck_assert_ptr_nonnull(strstr(rc,
	    "\nip route 20.1.48.0 255.255.255.0 1.1.1.100 name r298\n"
	    "ip route 20.1.49.0 255.255.255.0 1.1.1.101 name r299\n"));
	ip4_parse("20.0.200.1", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.2");
	/* The prefix lengths at the ends: a host route inside the /24, a
	 * /1 and the default, each taken for what it alone covers. */
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "ip route 10.0.9.7 255.255.255.255 1.1.1.6\n"
	    "ip route 128.0.0.0 128.0.0.0 1.1.1.7\n"
	    "ip route 0.0.0.0 0.0.0.0 1.1.1.8\n");
	ip4_parse("10.0.9.7", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.6");
	ip4_parse("10.0.9.8", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.3");
	ip4_parse("200.1.1.1", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.7");
	ip4_parse("100.1.1.1", &dst);
	ck_assert_ptr_nonnull(route_lookup(fx_dp(&fx), dst, &nh));
	ck_assert_str_eq(ip4_text(nh, buf), "1.1.1.8");
}
END_TEST

/* ipv6 route ... Null0 (issue 20): the prefix is discarded, never
 * routed by the shorter default; a longer route inside it still wins;
 * removing it lets the default route take it again. */
START_TEST(test_null0_route6)
{
	uint8_t		dst[16], nh[16];

	fx_run_quiet(&fx, "ipv6 unicast-routing\n"
	    "interface Loopback0\n"
	    " ipv6 address 2001:DB8:FF::1/64\n"
	    "ipv6 route ::/0 2001:DB8:FF::2\n"
	    "ipv6 route 2001:DB8::/32 null0\n"
	    "ipv6 route 2001:DB8:1::/48 2001:DB8:FF::3\n");
	fx_run(&fx, "end");
	inet_pton(AF_INET6, "2001:db8:2::1", dst);
	ck_assert_ptr_null(route6_lookup(fx_dp(&fx), dst, nh));
	inet_pton(AF_INET6, "2001:db8:1::1", dst);
	ck_assert_ptr_nonnull(route6_lookup(fx_dp(&fx), dst, nh));
	inet_pton(AF_INET6, "2001:db9::1", dst);
	ck_assert_ptr_nonnull(route6_lookup(fx_dp(&fx), dst, nh));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "\nipv6 route 2001:DB8::/32 Null0\n"));
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "no ipv6 route 2001:DB8::/32 Null0\n");
	inet_pton(AF_INET6, "2001:db8:2::1", dst);
	ck_assert_ptr_nonnull(route6_lookup(fx_dp(&fx), dst, nh));
}
END_TEST

START_TEST(test_show_ip_route)
{
	static const char codes12[] =
	    "Codes: C - connected, S - static, R - RIP, M - mobile, B - BGP\n"
	    "       D - EIGRP, EX - EIGRP external, O - OSPF, "
	    "IA - OSPF inter area \n"
	    "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external "
	    "type 2\n"
	    "       E1 - OSPF external type 1, E2 - OSPF external type 2\n"
	    "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, "
	    "L2 - IS-IS level-2\n"
	    "       ia - IS-IS inter area, * - candidate default, "
	    "U - per-user static route\n"
	    "       o - ODR, P - periodic downloaded static route\n\n";
	char	want[2048];

	fx_run_quiet(&fx, "interface Loopback0\n"
	    " ip address 1.1.1.1 255.255.255.0\n"
	    "interface Loopback1\n"
	    " ip address 1.1.2.1 255.255.255.255\n"
	    "ip route 0.0.0.0 0.0.0.0 1.1.1.2\n"
	    "ip route 9.9.9.0 255.255.255.0 12.1.1.2\n"
	    "ip route 172.16.0.0 255.255.0.0 Loopback1\n");
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip route"),
	    "Gateway of last resort is 1.1.1.2 to network 0.0.0.0\n\n"
	    "S*    0.0.0.0/0 [1/0] via 1.1.1.2\n"
	    "      1.0.0.0/8 is variably subnetted, 3 subnets, 2 masks\n"
	    "C        1.1.1.0/24 is directly connected, Loopback0\n"
	    "L        1.1.1.1/32 is directly connected, Loopback0\n"
	    "C        1.1.2.1/32 is directly connected, Loopback1\n"
	    "      9.0.0.0/24 is subnetted, 1 subnets\n"
	    "S        9.9.9.0 [1/0] via 12.1.1.2\n"
	    "S     172.16.0.0/16 is directly connected, Loopback1\n"));
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "version 12.3");
	fx_run(&fx, "end");
	snprintf(want, sizeof(want), "%s%s", codes12,
	    "Gateway of last resort is 1.1.1.2 to network 0.0.0.0\n\n"
	    "S*   0.0.0.0/0 [1/0] via 1.1.1.2\n"
	    "     1.0.0.0/8 is variably subnetted, 2 subnets, 2 masks\n"
	    "C       1.1.1.0/24 is directly connected, Loopback0\n"
	    "C       1.1.2.1/32 is directly connected, Loopback1\n"
	    "     9.0.0.0/24 is subnetted, 1 subnets\n"
	    "S       9.9.9.0 [1/0] via 12.1.1.2\n"
	    "S    172.16.0.0/16 is directly connected, Loopback1\n");
	ck_assert_str_eq(fx_run(&fx, "show ip route"), want);
}
END_TEST

static Suite *
route_suite(void)
{
	Suite	*s = suite_create("route");
	TCase	*tc = tcase_create("routes");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_show_ip_route);
	tcase_add_test(tc, test_null0_route);
	tcase_add_test(tc, test_route_order);
	tcase_add_test(tc, test_route_paths);
	tcase_add_test(tc, test_route_path_inline);
	tcase_add_test(tc, test_route_path_text);
	tcase_add_test(tc, test_route_path_packed);
	tcase_add_test(tc, test_null0_route6);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(route_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
