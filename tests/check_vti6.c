/*
 * Seed 003 between two iosh routers (issue 16): a `tunnel mode ipsec ipv6`
 * VTI over IPv6, IKE on UDP 500 over IPv6 with `crypto isakmp key cisco
 * address ipv6 ::/0`, a `mode transport` set that the VTI runs in tunnel
 * mode, `tunnel protection ipsec profile PRO`.  The seed's two configs,
 * adapted only to the lab's wiring: R2 (2001:DB8::2) and R3 (2001:DB8::3)
 * on Ethernet0/0, a udp: wire (tests/pair.c), frozen clock; a global
 * address (2001:DB8:23::/64) is added on both tunnels beside the seed's
 * link-local one, to ping across.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/pair.h"

#define SEED003_CRYPTO \
	"crypto isakmp policy 10\n authentication pre-share\n" \
	"crypto isakmp key cisco address ipv6 ::/0\n" \
	"crypto ipsec transform-set TRA esp-aes esp-sha-hmac\n" \
	" mode transport\n" \
	"crypto ipsec profile PRO\n set transform-set TRA\n"

static const char *const seed003_base[PAIR_NR] = {
	"hostname R2\n"
	"interface Ethernet0/0\n ipv6 address 2001:DB8::2/64\n no shutdown\n"
	SEED003_CRYPTO,
	"hostname R3\n"
	"interface Ethernet0/0\n ipv6 address 2001:DB8::3/64\n no shutdown\n"
	SEED003_CRYPTO,
};

/* The seed's Tunnel23, and the global address added to ping across. */
static const char *const seed003_tunnel[PAIR_NR] = {
	"interface Tunnel23\n ip address 192.168.23.2 255.255.255.0\n"
	" ipv6 address FE80::23:2 link-local\n"
	" ipv6 address 2001:DB8:23::2/64\n"
	" tunnel source Ethernet0/0\n tunnel mode ipsec ipv6\n"
	" tunnel destination 2001:DB8::3\n"
	" tunnel protection ipsec profile PRO\n",
	"interface Tunnel23\n ip address 192.168.23.3 255.255.255.0\n"
	" ipv6 address FE80::23:3 link-local\n"
	" ipv6 address 2001:DB8:23::3/64\n"
	" tunnel source Ethernet0/0\n tunnel mode ipsec ipv6\n"
	" tunnel destination 2001:DB8::2\n"
	" tunnel protection ipsec profile PRO\n",
};

/* pair.h's routers are the seed's R2 (2001:DB8::2, which begins IKE as
 * the seed's initiator does) and R3. */
#define SR2	R1
#define SR3	R2

#define UP_MSG	"%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel23, " \
		"changed state to up"
#define DOWN_MSG "%LINEPROTO-5-UPDOWN: Line protocol on Interface " \
		"Tunnel23, changed state to down"
#define PING_OK(n) "\n" n "\nSuccess rate is "

#define ID_BLOCK(addr) \
	"        next-payload : 8", "        type         : 5", \
	"        address      : " addr, "        protocol     : 17", \
	"        port         : 500", "        length       : 24"

/* The initiator's (the seed's R2) lines that name the peer, the
 * identities and the proxies. */
static const char *const initiator_lines[] = {
	"  (key eng. msg.) OUTBOUND local= 2001:DB8::2:500, remote= "
	    "2001:DB8::3:500,",
	"    local_proxy= ::/0/256/0,",
	"    remote_proxy= ::/0/256/0,",
	"ISAKMP: Created a peer struct for 2001:DB8::3, peer port 500",
	"ISAKMP:(0):found peer pre-shared key matching 2001:DB8::3",
	"ISAKMP:(0): sending packet to 2001:DB8::3 my_port 500 peer_port 500 "
	    "(I) MM_NO_STATE",
	"ISAKMP:(0):Sending an IKE IPv6 Packet.",
	"ISAKMP (0): received packet from 2001:DB8::3 dport 500 sport 500 "
	    "Global (I) MM_NO_STATE",
	"ISAKMP:(1001):SA is doing pre-shared key authentication using id "
	    "type ID_IPV6_ADDR",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::2"),
	"ISAKMP:(1001):Total payload length: 24",
	"ISAKMP:(1001):Sending an IKE IPv6 Packet.",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::3"),
	"ISAKMP:(1001):SA has been authenticated with 2001:DB8::3",
	"  (key eng. msg.) INBOUND local= 2001:DB8::2:0, remote= "
	    "2001:DB8::3:0,",
	"    local_proxy= ::/0/256/0,",
	"    remote_proxy= ::/0/256/0,",
	"IPSEC(crypto_ipsec_sa_find_ident_head): reconnecting with the same "
	    "proxies and peer 2001:DB8::3",
	"  (sa) sa_dest= 2001:DB8::2, sa_proto= 50,",
	"  (sa) sa_dest= 2001:DB8::3, sa_proto= 50,",
	UP_MSG,
	NULL
};

static const char *const responder_lines[] = {
	"ISAKMP (0): received packet from 2001:DB8::2 dport 500 sport 500 "
	    "Global (N) NEW SA",
	"ISAKMP: Created a peer struct for 2001:DB8::2, peer port 500",
	"ISAKMP:(0):found peer pre-shared key matching 2001:DB8::2",
	"ISAKMP:(0): sending packet to 2001:DB8::2 my_port 500 peer_port 500 "
	    "(R) MM_SA_SETUP",
	"ISAKMP:(0):Sending an IKE IPv6 Packet.",
	"ISAKMP (1001): received packet from 2001:DB8::2 dport 500 sport 500 "
	    "Global (R) MM_KEY_EXCH",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::2"),
	"ISAKMP:(1001):SA has been authenticated with 2001:DB8::2",
	"bring down existing phase 1 and 2 SA's with local 2001:DB8::3 remote "
	    "2001:DB8::2 remote port 500",
	"ISAKMP:(1001):SA is doing pre-shared key authentication using id "
	    "type ID_IPV6_ADDR",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::3"),
	"  (key eng. msg.) INBOUND local= 2001:DB8::3:0, remote= "
	    "2001:DB8::2:0,",
	"    local_proxy= ::/0/256/0,",
	"    remote_proxy= ::/0/256/0,",
	"ISAKMP:(1001):QM Responder gets spi",
	"ISAKMP:(1001):Sending an IKE IPv6 Packet.",
	"IPSEC(crypto_ipsec_sa_find_ident_head): reconnecting with the same "
	    "proxies and peer 2001:DB8::2",
	"  (sa) sa_dest= 2001:DB8::3, sa_proto= 50,",
	"  (sa) sa_dest= 2001:DB8::2, sa_proto= 50,",
	UP_MSG,
	NULL
};

static void
setup(void)
{
	pair_open_on(seed003_base, "Ethernet0/0", "Ethernet0/0");
}

/* Neighbour discovery first: as on IOS, a datagram that asks for a
 * neighbour is lost (R2 asks for R3, then R3 for R2 on the way back),
 * and MM1 would wait for its retransmission. */
static void
nd_first(void)
{
	const char	*out = pair_run_wait(SR2, "ping 2001:DB8::3");

	ck_assert_msg(strstr(out, PING_OK("..!!!")) != NULL, "%s", out);
}

/* Seed 003's Tunnel23 on both, up with its SAs within 3 s. */
static void
tunnels_up(void)
{
	int	r;

	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, seed003_tunnel[r]);
	pair_run_for(3);
	ck_assert_msg(pair_has(SR2, UP_MSG), "%s", pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR3, UP_MSG), "%s", pair[SR3].fx_out.sb_buf);
}

START_TEST(test_seed003_vti6)
{
	const char	*out;
	int		 r;

	nd_first();
	for (r = 0; r < PAIR_NR; r++) {
		fx_run(&pair[r], "debug crypto isakmp");
		fx_run(&pair[r], "debug crypto ipsec");
		strbuf_reset(&pair[r].fx_out);
	}
	tunnels_up();
	/* Seed 003's IPv6 lines, in its order (its "2001: DB8" is the
	 * web page's smiley for "2001:DB8"; timestamps aside). */
	ck_assert_msg(pair_lines_in_order(SR2, initiator_lines) == NULL,
	    "no \"%s\" in order in:\n%s",
	    pair_lines_in_order(SR2, initiator_lines), pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_lines_in_order(SR3, responder_lines) == NULL,
	    "no \"%s\" in order in:\n%s",
	    pair_lines_in_order(SR3, responder_lines), pair[SR3].fx_out.sb_buf);
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
	out = pair_run_wait(SR3, "ping 2001:DB8:23::2 repeat 3");
	ck_assert_msg(strstr(out, PING_OK("!!!")) != NULL, "%s", out);
	/* The seed's link-local addresses, out of the tunnel. */
	out = pair_run_wait(SR2, "ping FE80::23:3 source Tunnel23");
	ck_assert_msg(strstr(out, "Sending 5, 100-byte ICMP Echos to "
	    "FE80::23:3, timeout is 2 seconds:\n"
	    "Packet sent with a source address of FE80::23:2%Tunnel23\n"
	    "!!!!!\nSuccess rate is 100 percent (5/5)") != NULL, "%s", out);

	/* The seed's IPv4 addresses on the tunnel: IPv4 is outside the
	 * VTI's ::/0 proxies and is not carried (no v4-overlay). */
	out = pair_run_wait(SR2, "ping 192.168.23.3 repeat 2");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/2)") != NULL,
	    "%s", out);
	/* Phase 1 over IPv6: IOS's IPv6 section, the IPv4 one empty. */
	out = fx_run(&pair[SR2], "show crypto isakmp sa");
	ck_assert_str_eq(out, "\nIPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "\nIPv6 Crypto ISAKMP SA\n\n"
	    " dst: 2001:DB8::3\n"
	    " src: 2001:DB8::2\n"
	    " state: QM_IDLE         conn-id:   1001 status: ACTIVE\n\n");
	/* The VTI form (seed 003's `sh crypto ipsec sa`): 5 + 3 + 5
	 * echoes and their replies each way. */
	out = fx_run(&pair[SR2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\ninterface: Tunnel23\n"
	    "    Crypto map tag: Tunnel23-head-0, local addr 2001:DB8::2\n"
	    "\n   protected vrf: (none)\n"
	    "   local  ident (addr/mask/prot/port): (::/0/0/0)\n"
	    "   remote ident (addr/mask/prot/port): (::/0/0/0)\n"
	    "   current_peer 2001:DB8::3 port 500\n"
	    "     PERMIT, flags={origin_is_acl,}\n"
	    "    #pkts encaps: 13, #pkts encrypt: 13, #pkts digest: 13\n"
	    "    #pkts decaps: 13, #pkts decrypt: 13, #pkts verify: 13\n") ==
	    out, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 0, #recv errors 0\n\n"
	    "     local crypto endpt.: 2001:DB8::2,\n"
	    "     remote crypto endpt.: 2001:DB8::3\n"
	    "     path mtu 1500, ipv6 mtu 1500, ipv6 mtu idb Ethernet0/0\n")
	    != NULL, "%s", out);
	/* A `mode transport` set, run in tunnel mode: the VTI's proxies
	 * are not its endpoints (seed 003: "in use settings ={Tunnel, }"). */
	ck_assert_msg(strstr(out, "        transform: esp-aes esp-sha-hmac ,\n"
	    "        in use settings ={Tunnel, }\n") != NULL &&
	    strstr(out, "Transport") == NULL, "%s", out);
	out = fx_run(&pair[SR3], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts encaps: 13, #pkts encrypt: 13, "
	    "#pkts digest: 13\n    #pkts decaps: 13, #pkts decrypt: 13, "
	    "#pkts verify: 13\n") != NULL, "%s", out);
	/* What came out of the SAs was received on the tunnel. */
	out = fx_run(&pair[SR3], "show interfaces Tunnel23");
	ck_assert_msg(strstr(out, "Tunnel23 is up, line protocol is up \n") ==
	    out, "%s", out);
	ck_assert_msg(strstr(out, "  Tunnel source 2001:DB8::3 (Ethernet0/0), "
	    "destination 2001:DB8::2\n"
	    "  Tunnel protocol/transport IPSEC/IPV6\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "     13 packets input, 1300 bytes, 0 no "
	    "buffer\n") != NULL, "%s", out);
}
END_TEST

/*
 * The keys by longest IPv6 prefix: a wrong key for ::/0 beside the right
 * one for the peer's /128, globally on R2 and in a keyring on R3 (its
 * /128 beating the global ::/0).  The tunnel comes up only if both
 * lookups pick the longer prefix.
 */
START_TEST(test_seed003_key_prefix)
{
	const char	*out;
	int		 r;

	nd_first();
	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, "no crypto isakmp key cisco address ipv6 ::/0\n"
		    "crypto isakmp key wrong address ipv6 ::/0\n");
	pair_config(SR2, "crypto isakmp key cisco address ipv6 "
	    "2001:DB8::3/128\n");
	pair_config(SR3, "crypto keyring KR\n"
	    " pre-shared-key address ipv6 2001:DB8::2/128 key cisco\n");
	tunnels_up();
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
}
END_TEST

/*
 * `tunnel destination` moved on R2 (to 2001:DB8::4, where nobody
 * answers): the SAs with R3 go at the tunnel's next poll, R3 told (its
 * SAs go too, its line protocol down), instead of lingering under
 * Tunnel23 beside the new destination's.
 */
START_TEST(test_seed003_destination_moved)
{
	const char	*out;
	int		 r;

	nd_first();
	tunnels_up();
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3 repeat 2");
	ck_assert_msg(strstr(out, PING_OK("!!")) != NULL, "%s", out);
	for (r = 0; r < PAIR_NR; r++)
		strbuf_reset(&pair[r].fx_out);
	pair_config(SR2, "interface Tunnel23\n"
	    " tunnel destination 2001:DB8::4\n");
	pair_run_for(2);
	ck_assert_msg(pair_has(SR2, DOWN_MSG), "%s", pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR3, DOWN_MSG), "%s", pair[SR3].fx_out.sb_buf);
	out = fx_run(&pair[SR2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "2001:DB8::3") == NULL, "%s", out);
	out = fx_run(&pair[SR3], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "current_peer") == NULL, "%s", out);
}
END_TEST

/*
 * Seed 003's tunnel as tshark is to see it (tests/capture_tshark.sh:
 * CAPTURE_DIR set, this case alone): R2's Ethernet0/0 from IKE's first
 * message over IPv6 to ESP over IPv6 both ways, and R2's keys.
 */
START_TEST(test_seed003_capture)
{
	const char	*out;

	nd_first();
	pair_capture_start(SR2, "Ethernet0/0");
	tunnels_up();
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
	pair_capture_save(SR2, "vti6", 1, 2);
}
END_TEST

static Suite *
vti6_suite(void)
{
	Suite	*s = suite_create("vti6");
	TCase	*tc = tcase_create("seed003");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed003_vti6);
	tcase_add_test(tc, test_seed003_key_prefix);
	tcase_add_test(tc, test_seed003_destination_moved);
	suite_add_tcase(s, tc);
	tc = tcase_create("capture");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed003_capture);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(vti6_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
