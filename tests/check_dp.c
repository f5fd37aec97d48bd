/*
 * Unit tests for dataplane/: interface names and abbreviations, the
 * running-config rendering and its round trip, the exact text of the
 * show commands, IOS's validation (a rejected line changes nothing, the
 * bad wildcard included), the ACL matcher and its hit counters, and the
 * accessors crypto uses.  Static routes: check_route.c.
 */
#include <arpa/inet.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/acl_names.h"
#include "dataplane/cmds.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "shell/router.h"
#include "shell/runcfg.h"
#include "shell/session.h"
#include "shell/startup.h"
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

/* The dataplane's sections of the running configuration. */
static char *
rendered(void)
{
	struct strbuf	sb;
	enum nv_section	sec;

	strbuf_init(&sb);
	for (sec = 0; sec < NV_COUNT; sec++)
		dp_nvgen(fx.fx_rt.r_sys.sy_dp, sec, &sb);
	return strbuf_steal(&sb);
}

static const char cfg[] =
    "interface Serial1/2\n"
    " ip address 12.1.1.1 255.255.255.0\n"
    " ip access-group Firewall in\n"
    " no ip redirects\n"
    " ip nat outside\n"
    " encapsulation ppp\n"
    " clock rate 64000\n"
    "interface Loopback0\n"
    " description mgmt\n"
    " ip address 1.1.1.1 255.255.255.255\n"
    "interface Tunnel23\n"
    " ip address 192.168.23.2 255.255.255.0\n"
    " ipv6 address FE80::23:2 link-local\n"
    " tunnel source Ethernet0/0\n"
    " tunnel mode ipsec ipv6\n"
    " tunnel destination 2001:DB8::3\n"
    "interface ATM1/0\n"
    " no ip address\n"
    " shutdown\n"
    "interface FastEthernet0/0\n"
    " ip address dhcp\n"
    " duplex auto\n"
    " speed auto\n"
    " no keepalive\n"
    " no cdp enable\n"
    "ipv6 unicast-routing\n"
    "ip nat inside source list inside_net interface Serial1/2 overload\n"
    "ip route 0.0.0.0 0.0.0.0 12.1.1.2\n"
    "ip route 10.0.0.0 255.0.0.0 Loopback0 250 name lo permanent\n"
    "ipv6 route 2001:DB8::/32 Tunnel23\n"
    "ip access-list extended Firewall\n"
    " remark\n"
    " permit tcp any any established\n"
    " permit udp host 200.100.1.1 host 200.56.4.1 eq isakmp\n"
    " permit icmp any any echo-reply\n"
    " deny   ip any any log\n"
    "access-list 100 remark crypto\n"
    "access-list 100 permit ip host 1.1.1.1 host 2.2.2.2\n"
    "access-list 1 permit 10.1.1.0 0.0.0.255\n";

static const char cfg_rendered[] =
    "ipv6 unicast-routing\n"
    "interface Loopback0\n"
    " description mgmt\n"
    " ip address 1.1.1.1 255.255.255.255\n"
    "!\n"
    "interface Tunnel23\n"
    " ip address 192.168.23.2 255.255.255.0\n"
    " ipv6 address FE80::23:2 link-local\n"
    " tunnel source Ethernet0/0\n"
    " tunnel mode ipsec ipv6\n"
    " tunnel destination 2001:DB8::3\n"
    "!\n"
    "interface FastEthernet0/0\n"
    " ip address dhcp\n"
    " duplex auto\n"
    " speed auto\n"
    " no keepalive\n"
    " no cdp enable\n"
    "!\n"
    "interface Serial1/2\n"
    " ip address 12.1.1.1 255.255.255.0\n"
    " ip access-group Firewall in\n"
    " no ip redirects\n"
    " ip nat outside\n"
    " encapsulation ppp\n"
    " clock rate 64000\n"
    "!\n"
    "interface ATM1/0\n"
    " no ip address\n"
    " shutdown\n"
    " no atm ilmi-keepalive\n"
    "ip nat inside source list inside_net interface Serial1/2 overload\n"
    "ip route 0.0.0.0 0.0.0.0 12.1.1.2\n"
    "ip route 10.0.0.0 255.0.0.0 Loopback0 250 name lo permanent\n"
    "ipv6 route 2001:DB8::/32 Tunnel23\n"
    "ip access-list extended Firewall\n"
    " remark\n"
    " permit tcp any any established\n"
    " permit udp host 200.100.1.1 host 200.56.4.1 eq isakmp\n"
    " permit icmp any any echo-reply\n"
    " deny   ip any any log\n"
    "access-list 1 permit 10.1.1.0 0.0.0.255\n"
    "access-list 100 remark crypto\n"
    "access-list 100 permit ip host 1.1.1.1 host 2.2.2.2\n";

START_TEST(test_render_and_round_trip)
{
	char	*first, *second;

	fx_run_quiet(&fx, cfg);
	first = rendered();
	ck_assert_str_eq(first, cfg_rendered);
	/* The rendered text loads into a fresh router unchanged. */
	teardown();
	setup();
	fx_run_quiet(&fx, first);
	second = rendered();
	ck_assert_str_eq(second, first);
	free(first);
	free(second);
}
END_TEST

START_TEST(test_interface_names)
{
	static const struct {
		const char	*typed, *canon;
	} names[] = {
		{ "interface Serial1/2", "Serial1/2" },
		{ "interface Serial 1/2", "Serial1/2" },
		{ "int s1/2", "Serial1/2" },
		{ "int fa0/0", "FastEthernet0/0" },
		{ "int f0/1", "FastEthernet0/1" },
		{ "int lo0", "Loopback0" },
		{ "interface Tunnel23", "Tunnel23" },
		{ "int e0/0", "Ethernet0/0" },
		{ "int gi0/1", "GigabitEthernet0/1" },
		{ "int atm1/0", "ATM1/0" },
		{ "int LOOPBACK 7", "Loopback7" },
	};
	struct dataplane	*dp = fx.fx_rt.r_sys.sy_dp;
	const struct dp_iface	*ifp;
	size_t			 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		ck_assert_str_eq(fx_run(&fx, names[i].typed), "");
		ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG_IF);
		ifp = fx.fx_sess->s_vty.v_ctx;
		ck_assert_str_eq(dp_iface_name(ifp), names[i].canon);
		ck_assert_ptr_eq(dp_iface_find(dp, names[i].canon), ifp);
		fx_run(&fx, "exit");
	}
	ck_assert_ptr_eq(dp_iface_find(dp, "s1/2"),
	    dp_iface_find(dp, "Serial1/2"));
	ck_assert_ptr_null(dp_iface_find(dp, "Serial9/9"));
	/* IOS order: virtual interfaces, then by type and numbers. */
	ifp = dp_iface_first(dp);
	ck_assert_str_eq(dp_iface_name(ifp), "Loopback0");
	ifp = dp_iface_next(ifp);
	ck_assert_str_eq(dp_iface_name(ifp), "Loopback7");
	ifp = dp_iface_next(ifp);
	ck_assert_str_eq(dp_iface_name(ifp), "Tunnel23");
	ifp = dp_iface_next(ifp);
	ck_assert_str_eq(dp_iface_name(ifp), "Ethernet0/0");
	/* Bad names, and a physical interface cannot be removed. */
	ck_assert_str_eq(fx_run(&fx, "interface Serial1/a"),
	    fx_invalid_at(15 + 10));
	ck_assert_str_eq(fx_run(&fx, "interface Loopback1/0"),
	    fx_invalid_at(15 + 10));
	ck_assert_str_eq(fx_run(&fx, "no interface Serial1/2"),
	    "% Removal of physical interfaces is not permitted\n");
	ck_assert_str_eq(fx_run(&fx, "no interface lo7"), "");
	ck_assert_ptr_null(dp_iface_find(dp, "Loopback7"));
}
END_TEST

static const char brief[] =
    "Interface                  IP-Address      OK? Method Status"
    "                Protocol\n"
    "Loopback0                  1.1.1.1         YES manual up"
    "                    up\n"
    "Tunnel23                   192.168.23.2    YES manual up"
    "                    down\n"
    "FastEthernet0/0            unassigned      YES DHCP   up"
    "                    down\n"
    "Serial1/2                  12.1.1.1        YES manual up"
    "                    down\n"
    "ATM1/0                     unassigned      YES unset  "
    "administratively down down\n";

/* ifname_format builds the name as the snprintf calls it replaced did:
 * numbers at their widest, a subinterface, and a buffer too short cut
 * the same way (NUL-terminated, its first LEN - 1 bytes). */
START_TEST(test_ifname_format)
{
	struct if_id	id = { .id_type = IFT_TENGIGABITETHERNET, .id_nnum = 3,
	    .id_num = { 0, 4294967295U, 10 }, .id_sub = 4294967295U };
	char		buf[IF_NAMELEN], ref[IF_NAMELEN];
	size_t		len;

	ifname_format(&id, buf, sizeof(buf));
	ck_assert_str_eq(buf, "TenGigabitEthernet0/4294967295/10.4294967295");
	for (len = 1; len <= sizeof(buf); len++) {
		memset(buf, 'x', sizeof(buf));
		ifname_format(&id, buf, len);
		snprintf(ref, len, "%s", "TenGigabitEthernet0/4294967295/10.4294967295");
		ck_assert_str_eq(buf, ref);
	}
	id = (struct if_id){ .id_type = IFT_LOOPBACK, .id_nnum = 1,
	    .id_num = { 2000 } };
	ifname_format(&id, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Loopback2000");
	id = (struct if_id){ .id_type = IFT_SERIAL, .id_nnum = 2,
	    .id_num = { 1, 0 }, .id_sub = 7 };
	ifname_format(&id, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Serial1/0.7");
	id.id_nnum = 0;
	id.id_sub = 0;
	ifname_format(&id, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Serial");
}
END_TEST

/* An interface's inert lines' slots are made with its first such line
 * (if_inert_line_cmd): none before, the line rendered after, its `no`
 * form leaving the slots empty, another interface without any. */
START_TEST(test_inert_slots_lazy)
{
	struct dataplane	*dp = fx.fx_rt.r_sys.sy_dp;
	struct dp_iface		*a, *b;
	const char		*out;

	fx_run_quiet(&fx, "interface Loopback1\n"
	    "interface Loopback2\n ip tcp adjust-mss 1360\n exit\n");
	ck_assert_ptr_nonnull(a = dp_iface_find(dp, "Loopback1"));
	ck_assert_ptr_nonnull(b = dp_iface_find(dp, "Loopback2"));
	ck_assert_ptr_null(a->if_inert);
	ck_assert_ptr_nonnull(b->if_inert);
	ck_assert_str_eq(b->if_inert[IFI_TCP_MSS], "ip tcp adjust-mss 1360");
	ck_assert_ptr_null(b->if_inert[IFI_VRF]);
	out = fx_run(&fx, "do show running-config");
	ck_assert_ptr_nonnull(strstr(out, "interface Loopback1\n"
	    " no ip address\n!\n"));
	ck_assert_ptr_nonnull(strstr(out, "interface Loopback2\n"
	    " no ip address\n ip tcp adjust-mss 1360\n!\n"));
	/* A `no` form first: the slots made, empty. */
	fx_run_quiet(&fx, "interface Loopback1\n no ip tcp adjust-mss\n"
	    " exit\ninterface Loopback2\n no ip tcp adjust-mss 1360\n"
	    " exit\n");
	ck_assert_ptr_nonnull(a->if_inert);
	ck_assert_ptr_null(a->if_inert[IFI_TCP_MSS]);
	ck_assert_ptr_null(b->if_inert[IFI_TCP_MSS]);
	out = fx_run(&fx, "do show running-config");
	ck_assert_ptr_null(strstr(out, "adjust-mss"));
}
END_TEST

START_TEST(test_show_interfaces)
{
	fx_run_quiet(&fx, cfg);
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show ip interface brief"), brief);
	ck_assert_str_eq(fx_run(&fx, "show ip interface s1/2"),
	    "Serial1/2 is up, line protocol is down\n"
	    "  Internet address is 12.1.1.1/24\n"
	    "  Broadcast address is 255.255.255.255\n"
	    "  Address determined by setup command\n"
	    "  MTU is 1500 bytes\n"
	    "  Helper address is not set\n"
	    "  Directed broadcast forwarding is disabled\n"
	    "  Outgoing access list is not set\n"
	    "  Inbound  access list is Firewall\n"
	    "  Proxy ARP is enabled\n"
	    "  Local Proxy ARP is disabled\n"
	    "  Security level is default\n"
	    "  Split horizon is enabled\n"
	    "  ICMP redirects are never sent\n"
	    "  ICMP unreachables are always sent\n"
	    "  ICMP mask replies are never sent\n"
	    "  IP fast switching is enabled\n"
	    "  IP multicast fast switching is enabled\n"
	    "  Network address translation is enabled, interface in "
	    "domain outside\n");
	ck_assert_str_eq(fx_run(&fx, "show ip interface ATM 1/0"),
	    "ATM1/0 is administratively down, line protocol is down\n"
	    "  Internet protocol processing disabled\n");
	ck_assert_str_eq(fx_run(&fx, "show ip interface Serial3/3"),
	    fx_invalid_at(7 + 18));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show interfaces Loopback0"),
	    "Loopback0 is up, line protocol is up \n"
	    "  Hardware is Loopback\n"
	    "  Description: mgmt\n"
	    "  Internet address is 1.1.1.1/32\n"
	    "  MTU 1514 bytes, BW 8000000 Kbit/sec, DLY 5000 usec, \n"));
}
END_TEST

/*
 * At exit a route table whose paths never owned anything (a name, an
 * interface's name, a node's array of several paths) is freed by its
 * arrays and blocks without reading its nodes, and an ACL without
 * remarks without reading its rules (route_free_all, acl_release).
 * Each way a path comes to own memory marks the table; what is owned is
 * still freed (LeakSanitizer at the fixture's teardown: the remark, the
 * names, the array).
 */
START_TEST(test_free_owned)
{
	struct rt_table	*t = &fx_dp(&fx)->d_rt;

	fx_run_quiet(&fx, "interface Loopback0\n"
	    " ip address 1.1.1.1 255.255.255.0\n"
	    "ip route 10.0.2.0 255.255.255.0 1.1.1.2\n"
	    "ip route 10.0.3.0 255.255.255.0 1.1.1.2 1\n"
	    "ip access-list extended PLAIN\n"
	    " permit ip any any\n");
	ck_assert(!t->rt_owned);
	fx_run_quiet(&fx, "ip route 10.0.4.0 255.255.255.0 1.1.1.2 name n4\n");
	ck_assert(t->rt_owned);
	/* Cleared by hand to see the next way set it (it stays set once
	 * set: nothing but the teardown reads it). */
	t->rt_owned = false;
	fx_run_quiet(&fx, "ip route 10.0.5.0 255.255.255.0 Loopback0\n");
	ck_assert(t->rt_owned);
	t->rt_owned = false;
	fx_run_quiet(&fx, "ip route 10.0.2.0 255.255.255.0 1.1.1.3\n");
	ck_assert(t->rt_owned);
	fx_run_quiet(&fx, "ip access-list extended NOTED\n"
	    " remark kept until exit\n"
	    " permit ip any any\n"
	    "ip access-list extended PLAIN\n"
	    " remark added later\n");
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    "ip access-list extended NOTED\n"
	    " remark kept until exit\n"
	    " permit ip any any\n"));
}
END_TEST

/*
 * A new ACL's first array has the room of the entries the ACL before it
 * filled (ace_insert), between 8 and 64: the bench's 2,000 ACLs of 20
 * rules are each made once at their size.  The entries are the same
 * whatever the room.
 */
static void
acl_lines(struct strbuf *sb, const char *name, unsigned n)
{
	unsigned	i;

	strbuf_printf(sb, "ip access-list extended %s\n", name);
	for (i = 1; i <= n; i++)
		strbuf_printf(sb, " permit ip host 10.0.%u.%u any\n", i / 250,
		    i % 250);
}

START_TEST(test_acl_first_room)
{
	static const struct {
		const char	*name;
		unsigned	 n;	/* entries */
		size_t		 cap;	/* room after its first entry */
	} acls[] = {
		{ "FIRST", 20, 8 },	/* nothing seen: the least */
		{ "SAME", 20, 20 },	/* the last one's size */
		{ "BIG", 100, 20 },
		{ "AFTERBIG", 3, 64 },	/* the most */
		{ "SMALL", 2, 8 },	/* the last one had 3: the least */
		{ "LAST", 1, 8 },
	};
	struct dataplane	*dp = fx_dp(&fx);
	struct dp_acl		*acl;
	struct strbuf		 sb;
	size_t			 i;

	for (i = 0; i < sizeof(acls) / sizeof(acls[0]); i++) {
		strbuf_init(&sb);
		acl_lines(&sb, acls[i].name, 1);
		fx_run_quiet(&fx, sb.sb_buf);
		ck_assert_ptr_nonnull(acl = dp_acl_find(dp, acls[i].name));
		ck_assert_uint_eq(acl->acl_cap, acls[i].cap);
		strbuf_reset(&sb);
		acl_lines(&sb, acls[i].name, acls[i].n);
		fx_run_quiet(&fx, sb.sb_buf);
		ck_assert_uint_eq(acl->acl_n, acls[i].n);
		ck_assert_uint_eq(acl->acl_nrules, acls[i].n);
		ck_assert_uint_ge(acl->acl_cap, acls[i].n);
		strbuf_free(&sb);
	}
	/* The last rules of BIG, as given, where the array grew. */
	fx_run(&fx, "end");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show running-config"),
	    " permit ip host 10.0.0.99 any\n"
	    " permit ip host 10.0.0.100 any\n"
	    "ip access-list extended AFTERBIG\n"));
}
END_TEST

START_TEST(test_show_access_lists)
{
	struct dataplane	*dp = fx.fx_rt.r_sys.sy_dp;
	struct dp_acl		*acl;
	struct acl_pkt		 pk;
	struct strbuf		 sb;

	fx_run_quiet(&fx, cfg);
	fx_run_quiet(&fx, "access-list 101 permit tcp any host 1.1.1.1 eq 80\n"
	    "access-list 101 permit tcp any range 20 21 host 1.1.1.1\n"
	    "access-list 101 permit icmp any any 8\n"
	    "access-list 101 deny 50 any any log-input\n"
	    "access-list 101 permit ip 10.1.1.7 0.0.0.255 any\n");
	acl = dp_acl_find(dp, "Firewall");
	ck_assert_ptr_nonnull(acl);
	memset(&pk, 0, sizeof(pk));
	pk.pk_src = 0xc8640101;		/* 200.100.1.1 */
	pk.pk_dst = 0xc8380401;		/* 200.56.4.1 */
	pk.pk_proto = 17;
	pk.pk_sport = pk.pk_dport = 500;
	ck_assert(acl_permits(acl, &pk));
	ck_assert(acl_permits(acl, &pk));
	pk.pk_proto = 6;
	ck_assert(!acl_permits(acl, &pk));	/* not established */
	pk.pk_established = true;
	ck_assert(acl_permits(acl, &pk));
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show access-lists"),
	    "Standard IP access list 1\n"
	    "    10 permit 10.1.1.0, wildcard bits 0.0.0.255\n"
	    "Extended IP access list 100\n"
	    "    10 permit ip host 1.1.1.1 host 2.2.2.2\n"
	    "Extended IP access list 101\n"
	    "    10 permit tcp any host 1.1.1.1 eq www\n"
	    "    20 permit tcp any range ftp-data ftp host 1.1.1.1\n"
	    "    30 permit icmp any any echo\n"
	    "    40 deny esp any any log-input\n"
	    "    50 permit ip 10.1.1.0 0.0.0.255 any\n"
	    "Extended IP access list Firewall\n"
	    "    10 permit tcp any any established (1 match)\n"
	    "    20 permit udp host 200.100.1.1 host 200.56.4.1 eq isakmp "
	    "(2 matches)\n"
	    "    30 permit icmp any any echo-reply\n"
	    "    40 deny ip any any log (1 match)\n");
	ck_assert_str_eq(fx_run(&fx, "show ip access-lists 100"),
	    "Extended IP access list 100\n"
	    "    10 permit ip host 1.1.1.1 host 2.2.2.2\n");
	/* What crypto reads: rules only, remarks left out. */
	acl = dp_acl_find(dp, "100");
	ck_assert(dp_acl_extended(acl));
	ck_assert_uint_eq(dp_acl_count(acl), 1);
	strbuf_init(&sb);
	dp_acl_entry_text(acl, 0, &sb);
	ck_assert_str_eq(sb.sb_buf, "permit ip host 1.1.1.1 host 2.2.2.2");
	strbuf_free(&sb);
	ck_assert(!dp_acl_extended(dp_acl_find(dp, "1")));
}
END_TEST

START_TEST(test_named_sequences)
{
	fx_run_quiet(&fx, "ip access-list extended FOO\n"
	    " permit ip any any\n"
	    " 5 deny tcp any any eq telnet\n"
	    " remark last\n");
	ck_assert_str_eq(fx_run(&fx, "5 permit ip any any"),
	    "% Duplicate sequence number\n");
	fx_run_quiet(&fx, "no 10\n"
	    "no deny tcp any any eq telnet\n"
	    " 7 permit udp any any eq 4500\n");
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show access-lists FOO"),
	    "Extended IP access list FOO\n"
	    "    7 permit udp any any eq non500-isakmp\n");
	fx_run(&fx, "configure terminal");
	ck_assert_str_eq(fx_run(&fx, "ip access-list standard FOO"),
	    "% A named extended IP access list with this name already "
	    "exists\n");
	fx_run_quiet(&fx, "no ip access-list extended FOO");
	ck_assert_ptr_null(dp_acl_find(fx.fx_rt.r_sys.sy_dp, "FOO"));
}
END_TEST

/* A rule typed again without a sequence number is kept once (IOS); one
 * that differs from an earlier one only in its action, its protocol or
 * a wildcard is a rule of its own. */
START_TEST(test_acl_rule_twice)
{
	fx_run_quiet(&fx, "ip access-list extended TW\n"
	    " permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    " permit ip 10.0.0.0 0.0.0.255 10.2.0.0 0.0.0.255\n"
	    " permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    " deny ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    " permit udp 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    " permit ip 10.0.0.0 0.0.0.127 10.1.0.0 0.0.0.255\n"
	    " permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.127\n"
	    " deny ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n");
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show access-lists TW"),
	    "Extended IP access list TW\n"
	    "    10 permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    "    20 permit ip 10.0.0.0 0.0.0.255 10.2.0.0 0.0.0.255\n"
	    "    30 deny ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    "    40 permit udp 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
	    "    50 permit ip 10.0.0.0 0.0.0.127 10.1.0.0 0.0.0.255\n"
	    "    60 permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.127\n");
}
END_TEST

/* Every rejected line leaves the configuration as it was. */
START_TEST(test_errors_change_nothing)
{
	char	*before, *after;

	fx_run_quiet(&fx, cfg);
	before = rendered();
	/* A bad wildcard or address: IOS's caret, nothing stored. */
	ck_assert_ptr_nonnull(strstr(fx_run(&fx,
	    "access-list 1 permit 10.0.0.0 "
	    "0.0.0.256"), "% Invalid input detected at '^' marker.\n"));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx,
	    "access-list 2 permit 10.0.0.0 "
	    "0.0.0"), "% Invalid input detected at '^' marker.\n"));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx,
	    "access-list 100 permit tcp any "
	    "any eq 65536"), "% Invalid input detected at '^' marker.\n"));
	ck_assert_str_eq(fx_run(&fx, "ip route 10.1.1.1 255.255.255.0 1.1.1.2"),
	    "%Inconsistent address and mask\n");
	ck_assert_str_eq(fx_run(&fx, "ip route 10.0.0.0 255.0.255.0 1.1.1.2"),
	    "%Inconsistent address and mask\n");
	ck_assert_str_eq(fx_run(&fx, "ip route 10.0.0.0 255.0.0.0 Bogus0"),
	    fx_invalid_at(15 + 28));
	ck_assert_str_eq(fx_run(&fx,
	    "access-list 100 permit tcp any range 30 20 any"),
	    "% Invalid port range\n");
	fx_run(&fx, "interface Loopback5");
	ck_assert_str_eq(fx_run(&fx, "ip address 12.1.1.5 255.255.255.0"),
	    "% 12.1.1.0 overlaps with Serial1/2\n");
	ck_assert_str_eq(fx_run(&fx, "ip address 10.0.0.0 255.255.255.0"),
	    "Bad mask /24 for address 10.0.0.0\n");
	ck_assert_str_eq(fx_run(&fx, "ip address 10.0.0.1 255.0.255.0"),
	    "Bad mask 0xFF00FF00 for address 10.0.0.1\n");
	ck_assert_str_eq(fx_run(&fx, "ip address 10.0.0.1 255.0.0.0 secondary"),
	    "% Primary address must be configured before secondary\n");
	fx_run(&fx, "exit");
	fx_run(&fx, "no interface Loopback5");
	after = rendered();
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
}
END_TEST

START_TEST(test_no_forms)
{
	char	*text;

	fx_run_quiet(&fx, cfg);
	fx_run_quiet(&fx, "no access-list 100\n"
	    "no ip route 10.0.0.0 255.0.0.0 Loopback0\n"
	    "no ip nat inside source list inside_net interface Serial1/2 "
	    "overload\n"
	    "no ipv6 unicast-routing\n"
	    "no interface Tunnel23\n"
	    "interface s1/2\n"
	    " no ip access-group in\n"
	    " ip redirects\n"
	    " no ip nat outside\n"
	    " no encapsulation\n"
	    " no clock rate\n"
	    " no ip address\n"
	    " shutdown\n"
	    "no ipv6 route 2001:DB8::/32 Tunnel23\n");
	ck_assert_ptr_null(dp_acl_find(fx.fx_rt.r_sys.sy_dp, "100"));
	ck_assert_ptr_null(dp_iface_find(fx.fx_rt.r_sys.sy_dp, "Tunnel23"));
	text = rendered();
	ck_assert_ptr_nonnull(strstr(text,
	    "interface Serial1/2\n"
	    " no ip address\n"
	    " shutdown\n"
	    "!\n"));
	free(text);
}
END_TEST

START_TEST(test_crypto_setters)
{
	struct dp_iface	*ifp;
	uint32_t	 a, m;
	char		*text;

	fx_run_quiet(&fx, cfg);
	ifp = dp_iface_find(fx.fx_rt.r_sys.sy_dp, "Tunnel23");
	dp_iface_set_tunnel_protection(ifp, "PRO");
	ck_assert_str_eq(dp_iface_tunnel_protection(ifp), "PRO");
	ifp = dp_iface_find(fx.fx_rt.r_sys.sy_dp, "Serial1/2");
	dp_iface_set_crypto_map(ifp, "TST");
	ck_assert_str_eq(dp_iface_crypto_map(ifp), "TST");
	ck_assert(dp_iface_ipv4(ifp, &a, &m));
	ck_assert_uint_eq(a, 0x0c010101);
	ck_assert_uint_eq(m, 0xffffff00);
	text = rendered();
	ck_assert_ptr_nonnull(strstr(text,
	    " tunnel protection ipsec profile PRO\n!\n"));
	ck_assert_ptr_nonnull(strstr(text,
	    " clock rate 64000\n crypto map TST\n!\n"));
	free(text);
	ck_assert(!dp_iface_ipv4(dp_iface_find(fx.fx_rt.r_sys.sy_dp, "ATM1/0"),
	    &a, &m));
}
END_TEST

/* Thousands of interfaces, ACLs and routes load without a quadratic
 * path (the test would time out). */
START_TEST(test_scale)
{
	char	line[128];
	int	i, j;

	for (i = 0; i < 2000; i++) {
		snprintf(line, sizeof(line), "interface Loopback%d", i);
		fx_run(&fx, line);
		snprintf(line, sizeof(line), " ip address 10.%d.%d.1 "
		    "255.255.255.255", i / 256, i % 256);
		ck_assert_str_eq(fx_run(&fx, line), "");
		snprintf(line, sizeof(line), "ip route 20.%d.%d.0 "
		    "255.255.255.0 10.%d.%d.1", i / 256, i % 256, i / 256,
		    i % 256);
		ck_assert_str_eq(fx_run(&fx, line), "");
		for (j = 0; j < 20; j++) {
			snprintf(line, sizeof(line), "access-list %d permit "
			    "ip host 1.1.%d.%d any", 100 + i % 100, i % 256, j);
			fx_run(&fx, line);
		}
	}
	ck_assert_str_eq(dp_iface_name(dp_iface_find(fx.fx_rt.r_sys.sy_dp,
	    "lo1999")), "Loopback1999");
}
END_TEST

/* An IPv4 header (and 4 bytes of ports) for the crypto ACL tests. */
static void
ip4(uint8_t *p, uint32_t src, uint32_t dst, uint8_t proto, uint16_t sport,
    uint16_t dport)
{
	memset(p, 0, 24);
	p[0] = 0x45;
	p[3] = 24;
	p[8] = 255;
	p[9] = proto;
	p[12] = src >> 24; p[13] = src >> 16; p[14] = src >> 8; p[15] = src;
	p[16] = dst >> 24; p[17] = dst >> 16; p[18] = dst >> 8; p[19] = dst;
	p[20] = sport >> 8; p[21] = sport & 0xff;
	p[22] = dport >> 8; p[23] = dport & 0xff;
}

/*
 * Every protocol and port name IOS takes is stored as its number: the
 * rule renders by that name and matches packets of that number only.
 * The names are looked up by their first two bytes and then in line
 * (acl.c nn_num); "ip" / "ipinip", "esp" / "eigrp", "bootpc" /
 * "bootps" share their first bytes.
 */
struct acl_name_case {
	const char	*an_name;
	int		 an_num;
};

#define ACL_CASE(n, v, h)	{ n, v },
static const struct acl_name_case acl_protos[] = {
	ACL_PROTOCOLS(ACL_CASE) { "icmp", 1 }, { "tcp", 6 }, { "udp", 17 },
};
static const struct acl_name_case acl_tcp[] = { ACL_TCP_PORTS(ACL_CASE) };
static const struct acl_name_case acl_udp[] = { ACL_UDP_PORTS(ACL_CASE) };
#undef ACL_CASE

/* Rule I of ACL NAME hit by PKT (-1: none). */
static int
acl_hit(const char *name, const uint8_t *pkt)
{
	struct dp_acl	*acl = dp_acl_find(fx.fx_rt.r_sys.sy_dp, name);
	bool		 permit;

	ck_assert_ptr_nonnull(acl);
	return dp_acl_classify(acl, pkt, 24, &permit);
}

/* A port name of PROTO: "permit PROTO any eq NAME any" renders so and
 * hits a packet from that port, not the next one. */
static void
port_case(const char *proto, unsigned pnum, const struct acl_name_case *c)
{
	char		 line[128], want[128];
	uint8_t		 pkt[24];

	snprintf(line, sizeof(line), "ip access-list extended PN\n"
	    "permit %s any eq %s any\nexit\n", proto, c->an_name);
	fx_run_quiet(&fx, line);
	snprintf(want, sizeof(want), "ip access-list extended PN\n"
	    " permit %s any eq %s any\n", proto, c->an_name);
	ck_assert_msg(strstr(fx_run(&fx, "do show running-config | section "
	    "PN"), want) != NULL, "%s %s", proto, c->an_name);
	ip4(pkt, 0x01010101, 0x02020202, (uint8_t)pnum, (uint16_t)c->an_num,
	    9);
	ck_assert_int_eq(acl_hit("PN", pkt), 0);
	ip4(pkt, 0x01010101, 0x02020202, (uint8_t)pnum,
	    (uint16_t)(c->an_num + 1), 9);
	ck_assert_int_eq(acl_hit("PN", pkt), -1);
	fx_run_quiet(&fx, "no ip access-list extended PN\n");
}

START_TEST(test_acl_names_stored)
{
	char		 line[96], want[96];
	uint8_t		 pkt[24];
	size_t		 i;
	int		 p;

	for (i = 0; i < sizeof(acl_protos) / sizeof(acl_protos[0]); i++) {
		snprintf(line, sizeof(line), "ip access-list extended PR\n"
		    "permit %s any any\nexit\n", acl_protos[i].an_name);
		fx_run_quiet(&fx, line);
		snprintf(want, sizeof(want), "ip access-list extended PR\n"
		    " permit %s any any\n", acl_protos[i].an_name);
		ck_assert_msg(strstr(fx_run(&fx, "do show running-config | "
		    "section PR"), want) != NULL, "%s", acl_protos[i].an_name);
		/* Its number's packets only ("ip": every protocol). */
		for (p = 0; p < 256; p++) {
			ip4(pkt, 0x01010101, 0x02020202, (uint8_t)p, 7, 9);
			ck_assert_int_eq(acl_hit("PR", pkt),
			    acl_protos[i].an_num == 256 ||
			    acl_protos[i].an_num == p ? 0 : -1);
		}
		fx_run_quiet(&fx, "no ip access-list extended PR\n");
	}
	for (i = 0; i < sizeof(acl_tcp) / sizeof(acl_tcp[0]); i++)
		port_case("tcp", 6, &acl_tcp[i]);
	for (i = 0; i < sizeof(acl_udp) / sizeof(acl_udp[0]); i++)
		port_case("udp", 17, &acl_udp[i]);
}
END_TEST

/*
 * A tcp or udp rule's ports and an icmp rule's message share their room
 * (struct ace, 48 bytes): each rule renders, matches, compares and hands
 * crypto its own — an icmp rule any port (crypto's proxy), a tcp rule no
 * ICMP message, the same icmp rule typed twice one rule, another message
 * another rule.
 */
START_TEST(test_acl_ports_icmp_share)
{
	struct dp_acl	*acl;
	struct dp_rule	 ru;
	uint8_t		 pkt[24];
	bool		 permit;
	const char	*out;

	ck_assert_uint_eq(sizeof(struct ace), 48);
	fx_run_quiet(&fx,
	    "ip access-list extended PI\n"
	    "permit icmp any any 3 13\n"
	    "permit tcp any range 3 8 any eq 13\n"
	    "permit icmp any any echo\n"
	    "permit icmp any any echo\n"
	    "permit icmp any any 8 1\n"
	    "permit udp any eq 65535 any gt 1\n"
	    "deny icmp any host 1.2.3.4 log\n"
	    "exit\n");
	out = fx_run(&fx, "do show running-config | section PI");
	ck_assert_str_eq(out,
	    "ip access-list extended PI\n"
	    " permit icmp any any administratively-prohibited\n"
	    " permit tcp any range 3 8 any eq daytime\n"
	    " permit icmp any any echo\n"
	    " permit icmp any any 8 1\n"
	    " permit udp any eq 65535 any gt 1\n"
	    " deny   icmp any host 1.2.3.4 log\n");
	acl = dp_acl_find(fx.fx_rt.r_sys.sy_dp, "PI");
	ck_assert_ptr_nonnull(acl);
	ck_assert_uint_eq(acl->acl_n, 6);
	/* icmp: any port to crypto; tcp and udp: their ports. */
	ck_assert(dp_acl_rule(acl, 0, &ru));
	ck_assert_uint_eq(ru.ru_proto, 1);
	ck_assert_uint_eq(ru.ru_sport, 0);
	ck_assert_uint_eq(ru.ru_sport_lo, 0);
	ck_assert_uint_eq(ru.ru_sport_hi, 65535);
	ck_assert_uint_eq(ru.ru_dport_lo, 0);
	ck_assert_uint_eq(ru.ru_dport_hi, 65535);
	ck_assert(!ru.ru_sport_neq && !ru.ru_dport_neq);
	ck_assert(dp_acl_rule(acl, 1, &ru));
	ck_assert_uint_eq(ru.ru_sport_lo, 3);
	ck_assert_uint_eq(ru.ru_sport_hi, 8);
	ck_assert_uint_eq(ru.ru_dport, 13);
	ck_assert(dp_acl_rule(acl, 4, &ru));
	ck_assert_uint_eq(ru.ru_sport, 65535);
	ck_assert_uint_eq(ru.ru_dport_lo, 2);
	ck_assert_uint_eq(ru.ru_dport_hi, 65535);
	/* Packets: an ICMP message by its type and code; a tcp packet to
	 * port 13 is not an ICMP echo. */
	ip4(pkt, 0x01010101, 0x02020202, 1, 0x0800, 0);	/* echo 8/0 */
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 2);
	ip4(pkt, 0x01010101, 0x02020202, 1, 0x0801, 0);	/* 8/1 */
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 2);
	ip4(pkt, 0x01010101, 0x02020202, 1, 0x030d, 0);	/* 3/13 */
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 0);
	ip4(pkt, 0x01010101, 0x01020304, 1, 0x0302, 0);	/* 3/2 */
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 5);
	ck_assert(!permit);
	ip4(pkt, 0x01010101, 0x02020202, 6, 5, 13);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 1);
	ip4(pkt, 0x01010101, 0x02020202, 6, 9, 13);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), -1);
	/* Removed by its own fields only. */
	fx_run_quiet(&fx, "ip access-list extended PI\n"
	    "no permit icmp any any 8 2\nno permit icmp any any echo\nexit\n");
	ck_assert_uint_eq(acl->acl_n, 5);
	ck_assert_ptr_null(strstr(fx_run(&fx, "do show running-config | "
	    "section PI"), " echo\n"));
}
END_TEST

/* What crypto asks of an ACL: which rule a packet hits (remarks not
 * counted), permit or deny, and the rule's fields for proxy IDs. */
/*
 * A rule's counter and a remark's text share their room (struct ace):
 * counting a rule leaves the remarks beside it whole, removing a remark
 * leaves the rules' counts, and a port range or bound renders as typed
 * (its second port is the range's top; gt and lt keep the one typed).
 */
START_TEST(test_acl_remark_counter)
{
	struct dp_acl	*acl;
	uint8_t		 pkt[24];
	bool		 permit;
	const char	*out;

	fx_run_quiet(&fx,
	    "ip access-list extended RC\n"
	    "remark first\n"
	    "permit tcp any gt 65534 any lt 1\n"
	    "remark second\n"
	    "permit udp any range 10 20 any gt 65535\n"
	    "permit tcp any lt 0 any neq 7\n"
	    "remark\n"
	    "permit ip any any\n"
	    "exit\n");
	acl = dp_acl_find(fx.fx_rt.r_sys.sy_dp, "RC");
	ck_assert_ptr_nonnull(acl);
	ip4(pkt, 0x01010101, 0x02020202, 17, 15, 9);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 3);
	ip4(pkt, 0x01010101, 0x02020202, 6, 65535, 0);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 0);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 0);
	ip4(pkt, 0x01010101, 0x02020202, 6, 65534, 0);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 3);
	out = fx_run(&fx, "do show running-config | section RC");
	ck_assert_ptr_nonnull(strstr(out,
	    "ip access-list extended RC\n"
	    " remark first\n"
	    " permit tcp any gt 65534 any lt 1\n"
	    " remark second\n"
	    " permit udp any range 10 20 any gt 65535\n"
	    " permit tcp any lt 0 any neq echo\n"
	    " remark\n"
	    " permit ip any any\n"));
	fx_run_quiet(&fx, "ip access-list extended RC\nno remark second\n"
	    "no remark\nexit\n");
	out = fx_run(&fx, "do show access-lists RC");
	ck_assert_str_eq(out,
	    "Extended IP access list RC\n"
	    "    10 permit tcp any gt 65534 any lt 1 (2 matches)\n"
	    "    20 permit udp any range 10 20 any gt 65535\n"
	    "    30 permit tcp any lt 0 any neq echo\n"
	    "    40 permit ip any any (2 matches)\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx,
	    "do show running-config | section RC"),
	    " remark first\n permit tcp any gt 65534 any lt 1\n"
	    " permit udp any range 10 20 any gt 65535\n"));
}
END_TEST

START_TEST(test_crypto_acl)
{
	struct dp_acl	*acl;
	struct dp_rule	 ru;
	uint8_t		 pkt[24];
	bool		 permit;

	fx_run_quiet(&fx,
	    "ip access-list extended VPN\n"
	    "remark the lab's proxies\n"
	    "deny udp host 1.1.1.1 host 2.2.2.2 eq 53\n"
	    "permit ip host 1.1.1.1 host 2.2.2.2\n"
	    "permit tcp 10.0.0.0 0.0.0.255 any eq 23\n"
	    "exit\n");
	acl = dp_acl_find(fx.fx_rt.r_sys.sy_dp, "VPN");
	ck_assert_ptr_nonnull(acl);
	ip4(pkt, 0x01010101, 0x02020202, 1, 0, 0);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 1);
	ck_assert(permit);
	ip4(pkt, 0x01010101, 0x02020202, 17, 1024, 53);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 0);
	ck_assert(!permit);
	ip4(pkt, 0x0a000005, 0x08080808, 6, 1024, 23);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), 2);
	ck_assert(permit);
	ip4(pkt, 0x02020202, 0x01010101, 1, 0, 0);
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), -1);
	ck_assert(!permit);
	pkt[0] = 0x60;
	ck_assert_int_eq(dp_acl_classify(acl, pkt, sizeof(pkt), &permit), -1);
	/* The hits show as IOS shows a crypto ACL's. */
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "do show access-lists VPN"),
	    "    20 permit ip host 1.1.1.1 host 2.2.2.2 (1 match)\n"));
	ck_assert(dp_acl_rule(acl, 1, &ru));
	ck_assert(ru.ru_permit);
	ck_assert_uint_eq(ru.ru_proto, 0);
	ck_assert_uint_eq(ru.ru_src, 0x01010101);
	ck_assert_uint_eq(ru.ru_src_wild, 0);
	ck_assert_uint_eq(ru.ru_dst, 0x02020202);
	ck_assert(dp_acl_rule(acl, 2, &ru));
	ck_assert_uint_eq(ru.ru_proto, 6);
	ck_assert_uint_eq(ru.ru_src, 0x0a000000);
	ck_assert_uint_eq(ru.ru_src_wild, 0xff);
	ck_assert_uint_eq(ru.ru_dst_wild, 0xffffffff);
	ck_assert_uint_eq(ru.ru_dport, 23);
	ck_assert(!dp_acl_rule(acl, 3, &ru));
}
END_TEST

/*
 * ping runs on after its handler: the session is busy, marks arrive as
 * timers fire, the escape sequence sums up what was sent, and a session
 * that ends mid-ping takes the ping with it (ASan: nothing leaks).
 */
START_TEST(test_ping_async)
{
	struct evloop	*el = fx.fx_rt.r_loop;
	struct strbuf	 report;

	fx_run_quiet(&fx, "interface Loopback0\n"
	    "ip address 1.1.1.1 255.255.255.255\nend");
	ck_assert_str_eq(fx_run(&fx, "ping 9.9.9.9 repeat 3"),
	    "Type escape sequence to abort.\n"
	    "Sending 3, 100-byte ICMP Echos to 9.9.9.9, timeout is 2 "
	    "seconds:\n");
	ck_assert(session_busy(fx.fx_sess));
	strbuf_reset(&fx.fx_out);
	evloop_once(el, 0);		/* the first echo leaves */
	clock_advance(1999);
	evloop_once(el, 0);
	ck_assert_str_eq(fx.fx_out.sb_buf, "");
	clock_advance(1);
	evloop_once(el, 0);		/* its timeout: `.`, the second */
	ck_assert_str_eq(fx.fx_out.sb_buf, ".");
	session_cancel(fx.fx_sess);
	ck_assert_str_eq(fx.fx_out.sb_buf,
	    ".\nSuccess rate is 0 percent (0/2)\n");
	ck_assert(!session_busy(fx.fx_sess));

	/* Replies from the router itself: one loop turn each. */
	fx_run(&fx, "ping 1.1.1.1 repeat 2 source Loopback0");
	while (session_busy(fx.fx_sess))
		evloop_once(el, 0);
	ck_assert_str_eq(fx.fx_out.sb_buf,
	    "Type escape sequence to abort.\n"
	    "Sending 2, 100-byte ICMP Echos to 1.1.1.1, timeout is 2 "
	    "seconds:\n"
	    "Packet sent with a source address of 1.1.1.1\n"
	    "!!\n"
	    "Success rate is 100 percent (2/2), round-trip min/avg/max = "
	    "0/0/0 ms\n");

	/* A reload ends a running ping before its dataplane goes. */
	fx_run(&fx, "ping 9.9.9.9 repeat 100");
	evloop_once(el, 0);
	strbuf_init(&report);
	startup_reload(&fx.fx_rt, &report);
	strbuf_free(&report);
	ck_assert(!session_busy(fx.fx_sess));
	ck_assert_str_eq(fx.fx_out.sb_buf,
	    "Type escape sequence to abort.\n"
	    "Sending 100, 100-byte ICMP Echos to 9.9.9.9, timeout is 2 "
	    "seconds:\n"
	    "Success rate is 0 percent (0/1)\n");

	fx_run(&fx, "ping 9.9.9.9 repeat 100");
	evloop_once(el, 0);
	ck_assert(session_busy(fx.fx_sess));
	session_free(fx.fx_sess);
	fx.fx_sess = NULL;
}
END_TEST

static Suite *
dp_suite(void)
{
	Suite	*s = suite_create("dataplane");
	TCase	*tc = tcase_create("config");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_render_and_round_trip);
	tcase_add_test(tc, test_interface_names);
	tcase_add_test(tc, test_ifname_format);
	tcase_add_test(tc, test_inert_slots_lazy);
	tcase_add_test(tc, test_show_interfaces);
	tcase_add_test(tc, test_free_owned);
	tcase_add_test(tc, test_acl_first_room);
	tcase_add_test(tc, test_show_access_lists);
	tcase_add_test(tc, test_named_sequences);
	tcase_add_test(tc, test_acl_rule_twice);
	tcase_add_test(tc, test_errors_change_nothing);
	tcase_add_test(tc, test_no_forms);
	tcase_add_test(tc, test_crypto_setters);
	tcase_add_test(tc, test_scale);
	tcase_add_test(tc, test_crypto_acl);
	tcase_add_test(tc, test_acl_remark_counter);
	tcase_add_test(tc, test_acl_names_stored);
	tcase_add_test(tc, test_acl_ports_icmp_share);
	tcase_add_test(tc, test_ping_async);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(dp_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
