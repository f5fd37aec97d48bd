/*
 * NAT-T through an iosh PAT (issue 18): three routers in one process
 * (pair_open3) — the spoke R1 (Loopback0 1.1.1.1, Serial1/2 10.1.1.2
 * behind the NAT), R3 the PAT router (Serial1/1 10.1.1.1 `ip nat
 * inside`, Serial1/0 12.1.1.1 `ip nat outside`, overload on Serial1/0;
 * its own IKE holds 500 and 4500 on 12.1.1.1, so the spoke's ports are
 * remapped, as behind a NAT that is itself a VPN router like seed 000's
 * 3725), and the hub R2 (Serial1/1 12.1.1.2, Loopback0 2.2.2.2), which
 * knows the spoke only as 12.1.1.1.  NAT-D finds the NAT, both ends move
 * to 4500, ESP in UDP passes the PAT, the spoke's NAT keepalives keep
 * the mapping past the UDP timeout, and when the mapping is cleared the
 * next packet gets a new port, which the hub follows; without the
 * keepalives the idle mapping times out and the same happens.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fixture.h"
#include "tests/pair.h"

static const char *const natt_cfg[PAIR_MAX] = {
	"hostname R1\n"
	"interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n"
	"interface Serial1/2\n ip address 10.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"ip route 0.0.0.0 0.0.0.0 10.1.1.1\n"
	"crypto isakmp nat keepalive 20\n"
	"version 12.3\n",
	"hostname R2\n"
	"interface Loopback0\n ip address 2.2.2.2 255.255.255.255\n"
	"interface Serial1/1\n ip address 12.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"ip route 1.1.1.1 255.255.255.255 12.1.1.1\n"
	"version 12.3\n",
	"hostname R3\n"
	"interface Serial1/1\n ip address 10.1.1.1 255.255.255.0\n"
	" ip nat inside\n no shutdown\n"
	"interface Serial1/0\n ip address 12.1.1.1 255.255.255.0\n"
	" ip nat outside\n no shutdown\n"
	"access-list 1 permit 10.1.1.0 0.0.0.255\n"
	"ip nat inside source list 1 interface Serial1/0 overload\n",
};

static const char *const natt_ifs[4] = {
	"Serial1/2", "Serial1/1", "Serial1/0", "Serial1/1"
};

static const char *
run(int r, const char *cmd)
{
	return fx_run(&pair[r], cmd);
}

/* CMD's output on R holds TEXT. */
static void
ck_has(int r, const char *cmd, const char *text)
{
	const char	*out = run(r, cmd);

	ck_assert_msg(strstr(out, text) != NULL, "R%d %s: no\n%s\nin\n%s",
	    r + 1, cmd, text, out);
}

static void
ck_hasnt(int r, const char *cmd, const char *text)
{
	const char	*out = run(r, cmd);

	ck_assert_msg(strstr(out, text) == NULL, "R%d %s: has\n%s\nin\n%s",
	    r + 1, cmd, text, out);
}

#define NAT_HEAD							\
    "Pro Inside global      Inside local       Outside local      "	\
    "Outside global\n"

/* The spoke's first mappings: R3's own IKE holds 500 and 4500 on
 * 12.1.1.1, so its 500 gets the first free low port, its 4500 the first
 * high one. */
#define NAT_FIRST	NAT_HEAD					\
    "udp 12.1.1.1:1         10.1.1.2:500       12.1.1.2:500       "	\
    "12.1.1.2:500\n"							\
    "udp 12.1.1.1:1024      10.1.1.2:4500      12.1.1.2:4500      "	\
    "12.1.1.2:4500\n"

/* Each of LINES in R's output, in order. */
static void
ck_lines(int r, const char *const *lines)
{
	const char	*miss = pair_lines_in_order(r, lines);

	ck_assert_msg(miss == NULL, "R%d: no \"%s\"", r + 1, miss);
}

/* The same in R's output of CMD. */
static void
ck_show(int r, const char *cmd, const char *const *lines)
{
	strbuf_reset(&pair[r].fx_out);
	run(r, cmd);
	ck_lines(r, lines);
}

static void
ck_ping(const char *rate)
{
	const char	*out = pair_run_wait(R1, "ping 2.2.2.2 source Loopback0");

	ck_assert_msg(strstr(out, rate) != NULL, "%s", out);
}

START_TEST(test_natt_through_pat)
{
	static const char *const hub_sa[] = {
		"   current_peer: 12.1.1.1:1024",
		"    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4",
		"    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4",
		"     local crypto endpt.: 12.1.1.2, remote crypto endpt.: "
		    "12.1.1.1",
		"        in use settings ={Tunnel UDP-Encaps, }",
		"        in use settings ={Tunnel UDP-Encaps, }", NULL
	};
	static const char *const spoke_sa[] = {
		"   current_peer: 12.1.1.2:4500",
		"        in use settings ={Tunnel UDP-Encaps, }", NULL
	};
	static const char *const spoke_natd[] = {
		"ISAKMP (0:1): His hash no match - this node inside NAT",
		"ISAKMP (0:1): NAT found, this node inside NAT",
		"ISAKMP (0:1): received packet from 12.1.1.2 dport 4500 sport "
		    "4500 Global (I) MM_KEY_EXCH", NULL
	};
	static const char *const hub_natd[] = {
		"ISAKMP (0:0): received packet from 12.1.1.1 dport 500 sport 1 "
		    "Global (N) NEW SA",
		"ISAKMP: local port 500, remote port 1",
		"ISAKMP (0:1): sending packet to 12.1.1.1 my_port 500 "
		    "peer_port 1 (R) MM_SA_SETUP",
		"ISAKMP (0:1): His hash no match - this node outside NAT",
		"ISAKMP (0:1): NAT found, the peer inside NAT",
		"ISAKMP (0:1): received packet from 12.1.1.1 dport 4500 sport "
		    "1024 Global (R) MM_KEY_EXCH",
		"ISAKMP (0:1): sending packet to 12.1.1.1 my_port 4500 "
		    "peer_port 1024 (R) MM_KEY_EXCH", NULL
	};
	static const char *const moved[] = {
		"   current_peer: 12.1.1.1:1025",
		"    #pkts encaps: 14, #pkts encrypt: 14, #pkts digest 14",
		"    #pkts decaps: 14, #pkts decrypt: 14, #pkts verify 14",
		NULL
	};
	int	r;

	pair_open3(natt_cfg, natt_ifs);
	pair_crypto_cfg(R1, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(R2, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	for (r = 0; r < PAIR_MAX; r++)
		run(r, "terminal length 0");
	run(R1, "debug crypto isakmp");
	run(R2, "debug crypto isakmp");

	/* The first echo starts IKE and is lost, as on IOS. */
	ck_ping("Success rate is 80 percent (4/5)");
	/* NAT-D: each end finds the NAT, the spoke inside it; the hub
	 * answers IKE at the port the PAT gave 500 and follows the float. */
	ck_lines(R1, spoke_natd);
	ck_lines(R2, hub_natd);
	run(R1, "undebug all");
	run(R2, "undebug all");
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_FIRST);
	ck_show(R2, "show crypto ipsec sa", hub_sa);
	ck_show(R1, "show crypto ipsec sa", spoke_sa);

	/* Past the UDP timeout (300 s) with no traffic but the spoke's NAT
	 * keepalives (20 s): IKE's 500 mapping is gone, 4500's stays. */
	pair_run_for(400);
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_HEAD
	    "udp 12.1.1.1:1024      10.1.1.2:4500      12.1.1.2:4500      "
	    "12.1.1.2:4500\n");
	ck_ping("Success rate is 100 percent (5/5)");
	ck_has(R2, "show crypto ipsec sa", "   current_peer: 12.1.1.1:1024\n");

	/* The mapping cleared: the spoke's next packet gets the next high
	 * port, and the hub answers there. */
	run(R3, "clear ip nat translation *");
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_HEAD);
	ck_ping("Success rate is 100 percent (5/5)");
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_HEAD
	    "udp 12.1.1.1:1025      10.1.1.2:4500      12.1.1.2:4500      "
	    "12.1.1.2:4500\n");
	ck_show(R2, "show crypto ipsec sa", moved);
	ck_hasnt(R2, "show crypto ipsec sa", "12.1.1.1:1024");

	/* Without keepalives the idle mapping times out (it was the
	 * keepalives that kept it): the next packet maps anew, to 1026,
	 * and is followed the same way. */
	pair_config(R1, "no crypto isakmp nat keepalive\n");
	pair_run_for(400);
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_HEAD);
	ck_ping("Success rate is 100 percent (5/5)");
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_HEAD
	    "udp 12.1.1.1:1026      10.1.1.2:4500      12.1.1.2:4500      "
	    "12.1.1.2:4500\n");
	ck_has(R2, "show crypto ipsec sa", "   current_peer: 12.1.1.1:1026\n");
	pair_close();
}
END_TEST

/*
 * GRE over IPsec in transport mode through the PAT (issue 16, RFC 3948
 * transport mode): the spoke's GRE runs from its private 10.1.1.2 to
 * the hub, the hub's to the PAT's 12.1.1.1.  NAT-D finds the NAT, Quick
 * Mode offers UDP-encapsulated transport, the hub takes the spoke's
 * host proxies (10.1.1.2, changed by the NAT) as the ends it sees; ESP
 * follows each GRE packet's own header inside UDP 4500, and each end
 * gives the packet back with the header the NAT left (GRE from 12.1.1.1
 * at the hub, to 10.1.1.2 at the spoke), which is its tunnel's.
 */
/* R's policy, key (for its peer as it sees it) and `mode transport`
 * set; then REST, its use of them. */
static void
natt_transport_cfg(int r, const char *rest)
{
	char	text[512];

	snprintf(text, sizeof(text),
	    "crypto isakmp policy 10\n hash md5\n authentication pre-share\n"
	    " group 2\n encryption 3des\n"
	    "crypto isakmp key cisco address %s\n"
	    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac\n"
	    " mode transport\n", r == R1 ? "12.1.1.2" : "12.1.1.1");
	pair_config(r, text);
	pair_config(r, rest);
}

static void
natt_gre(int r)
{
	char	text[512];

	snprintf(text, sizeof(text),
	    "crypto ipsec profile PRO\n set transform-set TSET\n"
	    "interface Tunnel0\n ip address 172.16.0.%d 255.255.255.0\n"
	    " tunnel source %s\n tunnel destination %s\n"
	    " tunnel protection ipsec profile PRO\n",
	    r == R1 ? 1 : 2, r == R1 ? "Serial1/2" : "Serial1/1",
	    r == R1 ? "12.1.1.2" : "12.1.1.1");
	natt_transport_cfg(r, text);
}

START_TEST(test_natt_transport_gre)
{
	static const char *const hub_sa[] = {
		"interface: Tunnel0",
		"    Crypto map tag: Tunnel0-head-0, local addr. 12.1.1.2",
		"   local  ident (addr/mask/prot/port): "
		    "(12.1.1.2/255.255.255.255/47/0)",
		"   remote ident (addr/mask/prot/port): "
		    "(12.1.1.1/255.255.255.255/47/0)",
		"   current_peer: 12.1.1.1:1024",
		"    #pkts encaps: 7, #pkts encrypt: 7, #pkts digest 7",
		"    #pkts decaps: 7, #pkts decrypt: 7, #pkts verify 7",
		"    #send errors 0, #recv errors 0",
		"        in use settings ={Transport UDP-Encaps, }",
		"        in use settings ={Transport UDP-Encaps, }", NULL
	};
	static const char *const spoke_sa[] = {
		"   local  ident (addr/mask/prot/port): "
		    "(10.1.1.2/255.255.255.255/47/0)",
		"   remote ident (addr/mask/prot/port): "
		    "(12.1.1.2/255.255.255.255/47/0)",
		"   current_peer: 12.1.1.2:4500",
		"    #pkts encaps: 7, #pkts encrypt: 7, #pkts digest 7",
		"    #pkts decaps: 7, #pkts decrypt: 7, #pkts verify 7",
		/* The first echo, dropped while IKE ran. */
		"    #send errors 1, #recv errors 0",
		"        in use settings ={Transport UDP-Encaps, }",
		"        in use settings ={Transport UDP-Encaps, }", NULL
	};
	const char	*out;
	int		 r;

	pair_open3(natt_cfg, natt_ifs);
	natt_gre(R1);
	natt_gre(R2);
	for (r = 0; r < PAIR_MAX; r++)
		run(r, "terminal length 0");
	out = pair_run_wait(R1, "ping 172.16.0.2");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	out = pair_run_wait(R2, "ping 172.16.0.1 repeat 3");
	ck_assert_msg(strstr(out, "Success rate is 100 percent (3/3)") !=
	    NULL, "%s", out);
	/* Only ESP in UDP crossed the PAT: 500 and 4500 mapped, no GRE. */
	ck_assert_str_eq(run(R3, "show ip nat translations"), NAT_FIRST);
	ck_show(R2, "show crypto ipsec sa", hub_sa);
	ck_show(R1, "show crypto ipsec sa", spoke_sa);
	pair_close();
}
END_TEST

/* A crypto map in transport mode between the spoke's own address and
 * the hub's (R the router, its peer and ACL as the ends see each other). */
static void
natt_transport_map(int r)
{
	char	text[512];

	snprintf(text, sizeof(text),
	    "access-list 100 permit ip host %s host %s\n"
	    "crypto map TST 10 ipsec-isakmp\n set peer %s\n"
	    " match address 100\n set transform-set TSET\n"
	    "interface %s\n crypto map TST\n",
	    r == R1 ? "10.1.1.2" : "12.1.1.2",
	    r == R1 ? "12.1.1.2" : "12.1.1.1",
	    r == R1 ? "12.1.1.2" : "12.1.1.1",
	    r == R1 ? "Serial1/2" : "Serial1/1");
	natt_transport_cfg(r, text);
}

/*
 * TCP/UDP inside transport mode after the NAT (RFC 3948 §3.1.2): the
 * spoke's syslog message (UDP 514 from 10.1.1.2) carries the checksum
 * its own header made; the hub receives it under the header the PAT
 * left (from 12.1.1.1), which must be fixed or its UDP drops the
 * datagram unanswered (encaps 4, not 5, without natt_l4_fix).  Fixed,
 * the hub answers port unreachable, through the SA too.  The crypto map
 * covers the PAT's address, so the hub's IKE to the peer's PAT ports
 * (1, 1024) must stay out of it (ipsec_own_traffic by source port).
 */
START_TEST(test_natt_transport_udp)
{
	static const char *const hub_sa[] = {
		"   local  ident (addr/mask/prot/port): "
		    "(12.1.1.2/255.255.255.255/0/0)",
		"   remote ident (addr/mask/prot/port): "
		    "(12.1.1.1/255.255.255.255/0/0)",
		"   current_peer: 12.1.1.1:1024",
		/* 4 echo replies and 1 port unreachable (the second
		 * within IOS's 500 ms unreachable rate: not sent). */
		"    #pkts encaps: 5, #pkts encrypt: 5, #pkts digest 5",
		/* 4 echoes and the 2 syslog datagrams. */
		"    #pkts decaps: 6, #pkts decrypt: 6, #pkts verify 6",
		"    #send errors 0, #recv errors 0",
		"        in use settings ={Transport UDP-Encaps, }", NULL
	};
	static const char *const spoke_sa[] = {
		"   local  ident (addr/mask/prot/port): "
		    "(10.1.1.2/255.255.255.255/0/0)",
		"   remote ident (addr/mask/prot/port): "
		    "(12.1.1.2/255.255.255.255/0/0)",
		"    #pkts encaps: 6, #pkts encrypt: 6, #pkts digest 6",
		"    #pkts decaps: 5, #pkts decrypt: 5, #pkts verify 5",
		"    #send errors 1, #recv errors 0",
		"        in use settings ={Transport UDP-Encaps, }", NULL
	};
	const char	*out;

	pair_open3(natt_cfg, natt_ifs);
	natt_transport_map(R1);
	natt_transport_map(R2);
	run(R1, "terminal length 0");
	run(R2, "terminal length 0");
	out = pair_run_wait(R1, "ping 12.1.1.2");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	pair_config(R1, "logging host 12.1.1.2\n");
	run(R1, "configure terminal");
	run(R1, "end");
	pair_run_for(2);
	ck_show(R2, "show crypto ipsec sa", hub_sa);
	ck_show(R1, "show crypto ipsec sa", spoke_sa);
	pair_close();
}
END_TEST

static Suite *
natt_suite(void)
{
	Suite	*s = suite_create("natt");
	TCase	*tc = tcase_create("through pat");

	tcase_add_test(tc, test_natt_through_pat);
	tcase_add_test(tc, test_natt_transport_gre);
	tcase_add_test(tc, test_natt_transport_udp);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(natt_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
