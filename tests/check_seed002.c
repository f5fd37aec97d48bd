/*
 * Seed 002's LAN-to-LAN half, as the seed runs it, for its hub debug
 * transcript (tests/ike_seed002.sh): the spoke and the hub with the
 * seed's configurations on one udp: wire between their FastEthernet0/0,
 * the hub's `debug crypto isakmp`, `debug crypto ipsec` and `debug
 * crypto engine` on, and the spoke's first packet to the hub's inside
 * network bringing the tunnel up through the L2L profile, the wildcard
 * keyring and dynmap 10.  The seed's configurations are used as they
 * are but for what this wire cannot give: the spoke's outside address is
 * set (10.100.2.102, what the seed's DHCP gave it) instead of learnt by
 * DHCP, and both default routes point out of FastEthernet0/0 (the seed's
 * next hops, its ISP, are not on the wire).  The hub's transcript goes to
 * $IKE_TRANSCRIPT when set.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/pair.h"

#define SPOKE	R1
#define HUB	R2

/* Seed 002's "Spoke Configuration" (see above for the two changes). */
static const char SPOKE_CFG[] =
    "version 12.2\n"
    "service timestamps debug datetime msec\n"
    "service timestamps log datetime msec\n"
    "no service password-encryption\n"
    "hostname Spoke\n"
    "no logging on\n"
    "ip subnet-zero\n"
    "no ip domain lookup\n"
    "ip cef\n"
    "crypto isakmp policy 10\n encr 3des\n authentication pre-share\n"
    " group 2\n"
    "crypto isakmp key cisco123 address 10.48.67.181\n"
    "crypto ipsec transform-set myset esp-3des esp-sha-hmac\n"
    "crypto map mymap 10 ipsec-isakmp\n set peer 10.48.67.181\n"
    " set transform-set myset\n match address 100\n"
    "interface FastEthernet0/0\n description Outside interface\n"
    " ip address 10.100.2.102 255.255.255.0\n duplex auto\n speed auto\n"
    " crypto map mymap\n no shutdown\n"
    "interface FastEthernet0/1\n description Inside interface\n"
    " ip address 10.2.2.2 255.255.255.0\n duplex auto\n speed auto\n"
    " no keepalive\n no shutdown\n"
    "ip classless\n"
    "ip route 0.0.0.0 0.0.0.0 FastEthernet0/0\n"
    "access-list 100 permit ip 10.2.0.0 0.0.255.255 10.1.0.0 0.0.255.255\n";

/* Seed 002's "Hub Configuration" (the default route changed, above). */
static const char HUB_CFG[] =
    "version 12.3\n"
    "service timestamps debug datetime msec\n"
    "service timestamps log datetime msec\n"
    "service password-encryption\n"
    "hostname Hub\n"
    "no logging on\n"
    "username gfullage password 7 0201024E070A0E2649\n"
    "aaa new-model\n"
    "aaa authentication login clientauth local\n"
    "aaa authorization network groupauthor local\n"
    "aaa session-id common\n"
    "ip subnet-zero\n"
    "no ip domain lookup\n"
    "crypto keyring spokes\n"
    "  pre-shared-key address 0.0.0.0 0.0.0.0 key cisco123\n"
    "crypto isakmp policy 10\n encr 3des\n authentication pre-share\n"
    " group 2\n"
    "crypto isakmp client configuration group testgroup\n"
    " key cisco321\n dns 1.1.1.1 2.2.2.2\n wins 3.3.3.3 4.4.4.4\n"
    " domain cisco.com\n pool ippool\n"
    "crypto isakmp profile L2L\n"
    "   description LAN-to-LAN for spoke router(s) connection\n"
    "   keyring spokes\n   match identity address 0.0.0.0\n"
    "crypto isakmp profile VPNclient\n"
    "   description VPN clients profile\n"
    "   match identity group testgroup\n"
    "   client authentication list clientauth\n"
    "   isakmp authorization list groupauthor\n"
    "   client configuration address respond\n"
    "crypto ipsec transform-set myset esp-3des esp-sha-hmac\n"
    "crypto dynamic-map dynmap 5\n set transform-set myset\n"
    " set isakmp-profile VPNclient\n"
    "crypto dynamic-map dynmap 10\n set transform-set myset\n"
    " set isakmp-profile L2L\n"
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap\n"
    "interface FastEthernet0/0\n description Outside interface\n"
    " ip address 10.48.67.181 255.255.255.224\n no ip mroute-cache\n"
    " duplex auto\n speed auto\n crypto map mymap\n no shutdown\n"
    "interface FastEthernet0/1\n description Inside interface\n"
    " ip address 10.1.1.1 255.255.254.0\n duplex auto\n speed auto\n"
    " no keepalive\n no shutdown\n"
    "ip local pool ippool 10.5.5.1 10.5.5.254\n"
    "no ip http server\n"
    "no ip http secure-server\n"
    "ip classless\n"
    "ip route 0.0.0.0 0.0.0.0 FastEthernet0/0\n";

static void
setup(void)
{
	static const char *const cfg[PAIR_NR] = { SPOKE_CFG, HUB_CFG };
	int			 r;

	pair_open_on(cfg, "FastEthernet0/0", "FastEthernet0/0");
	/* The inside interfaces up on wires of their own, to nobody. */
	for (r = 0; r < PAIR_NR; r++)
		fx_attach_udp(&pair[r], "FastEthernet0/1", fx_udp_port(),
		    fx_udp_port());
	/* ARP first (not crypto traffic), so IKE's first message is not
	 * lost. */
	pair_run_wait(SPOKE, "ping 10.48.67.181 repeat 2");
	for (r = 0; r < PAIR_NR; r++)
		strbuf_reset(&pair[r].fx_out);
}

/*
 * The spoke's ping from its inside network to the hub's: the first echo
 * goes while IKE runs, the other four through the tunnel.
 */
START_TEST(test_seed002_l2l_debug)
{
	const char	*path = getenv("IKE_TRANSCRIPT"), *out;
	char		*ping;
	FILE		*fp;

	ck_assert_str_eq(fx_run(&pair[HUB], "debug crypto isakmp"),
	    "Crypto ISAKMP debugging is on\n");
	ck_assert_str_eq(fx_run(&pair[HUB], "debug crypto ipsec"),
	    "Crypto IPSEC debugging is on\n");
	ck_assert_str_eq(fx_run(&pair[HUB], "debug crypto engine"),
	    "Crypto Engine debugging is on\n");
	strbuf_reset(&pair[HUB].fx_out);
	/* Kept: the hub's output is next read from the same buffer. */
	ping = strdup(pair_run_wait(SPOKE,
	    "ping 10.1.1.1 source FastEthernet0/1"));
	out = pair[HUB].fx_out.sb_buf;
	/* Written first: a failing run's transcript helps. */
	if (path != NULL) {
		ck_assert((fp = fopen(path, "w")) != NULL);
		fputs(out, fp);
		ck_assert_int_eq(fclose(fp), 0);
	}
	ck_assert_msg(strstr(ping, "\n.!!!!\nSuccess rate is 80 percent (4/5)")
	    != NULL, "%s", ping);
	free(ping);
	ck_assert(strstr(out, "ISAKMP (0:1): peer matches L2L profile\n")
	    != NULL);
	ck_assert(strstr(out, "ISAKMP (0:1): Old State = IKE_QM_R_QM2  New "
	    "State = IKE_QM_PHASE2_COMPLETE\n") != NULL);
}
END_TEST

static Suite *
seed002_suite(void)
{
	Suite	*s = suite_create("seed002");
	TCase	*tc;

	tc = tcase_create("seed002");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed002_l2l_debug);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(seed002_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
