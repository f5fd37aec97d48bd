/*
 * Dynamic crypto maps and isakmp profiles for LAN-to-LAN peers (issue 15,
 * seed 002's hub): R1 is a spoke with a static crypto map to 12.1.1.2,
 * R2 a hub that knows no peer — a keyring with a wildcard key, profile
 * L2L matching any address, a dynamic map entry with `set isakmp-profile
 * L2L`, and `crypto map mymap 10 ipsec-isakmp dynamic dynmap`.  Covered:
 * the spoke's ping brings the tunnel up through the hub's dynamic entry
 * (with the profile lines of seed 002's debug), the hub's return traffic
 * goes encrypted under the negotiated flow, reverse-route's route comes
 * and goes with the SAs, `clear crypto sa` removes the dynamic flow and
 * the next ping brings it up again; a spoke no profile matches is
 * refused; a static entry for the spoke wins over the dynamic one.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "tests/pair.h"

#define SPOKE_CRYPTO \
	"crypto isakmp policy 10\n encr 3des\n authentication pre-share\n" \
	" group 2\n" \
	"crypto isakmp key cisco123 address 12.1.1.2\n" \
	"crypto ipsec transform-set myset esp-3des esp-sha-hmac\n" \
	"access-list 100 permit ip host 1.1.1.1 host 2.2.2.2\n" \
	"crypto map mymap 10 ipsec-isakmp\n set peer 12.1.1.2\n" \
	" set transform-set myset\n match address 100\n" \
	"interface Serial1/2\n crypto map mymap\n"

/* Seed 002's hub, on lab 13-1's addresses; ID is the profile's match. */
static char *
hub_crypto(const char *id, const char *extra)
{
	static char	text[2048];

	snprintf(text, sizeof(text),
	    "crypto keyring spokes\n"
	    " pre-shared-key address 0.0.0.0 0.0.0.0 key cisco123\n"
	    "crypto isakmp policy 10\n encr 3des\n authentication pre-share\n"
	    " group 2\n"
	    "crypto isakmp profile L2L\n"
	    " description LAN-to-LAN for spoke router(s) connection\n"
	    " keyring spokes\n match identity address %s\n"
	    "crypto ipsec transform-set myset esp-3des esp-sha-hmac\n"
	    "crypto dynamic-map dynmap 10\n set transform-set myset\n"
	    " set isakmp-profile L2L\n"
	    "%s"
	    "crypto map mymap 10 ipsec-isakmp dynamic dynmap\n"
	    "interface Serial1/1\n crypto map mymap\n", id, extra);
	return text;
}

static void
setup(void)
{
	pair_open(NULL);
	pair_config(R1, SPOKE_CRYPTO);
}

static void
teardown(void)
{
	pair_close();
}

static void
ping_result(int r, const char *cmd, const char *marks, const char *rate)
{
	const char	*out = pair_run_wait(r, cmd);
	char		 want[128];

	snprintf(want, sizeof(want), "\n%s\nSuccess rate is %s", marks, rate);
	ck_assert_msg(strstr(out, want) != NULL, "%s: %.300s", cmd, out);
}

static void
has(const char *out, const char *text)
{
	/* The output on stderr: Check's message has a size limit. */
	if (strstr(out, text) == NULL)
		fprintf(stderr, "no \"%s\" in:\n%s\n", text, out);
	ck_assert_msg(strstr(out, text) != NULL, "no \"%.200s\"", text);
}

static void
hasnt(const char *out, const char *text)
{
	if (strstr(out, text) != NULL)
		fprintf(stderr, "\"%s\" in:\n%s\n", text, out);
	ck_assert_msg(strstr(out, text) == NULL, "\"%.200s\" found", text);
}

START_TEST(test_dynamic_l2l)
{
	const char	*out;

	pair_config(R2, "version 12.3\nno service timestamps debug\n");
	pair_config(R2, hub_crypto("0.0.0.0", ""));
	fx_run(&pair[R2], "debug crypto isakmp");
	strbuf_reset(&pair[R2].fx_out);
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	/* Seed 002's lines: the profile chosen by the peer's identity,
	 * and its keyring searched for the key. */
	out = pair[R2].fx_out.sb_buf;
	has(out, "ISAKMP (0:1): peer matches L2L profile\n"
	    "ISAKMP: Looking for a matching key for 12.1.1.1 in default\n"
	    "ISAKMP: Looking for a matching key for 12.1.1.1 in spokes : "
	    "success\n"
	    "ISAKMP (0:1): Found ADDRESS key in keyring spokes\n"
	    "ISAKMP (0:1): processing HASH payload. message ID = 0\n");
	fx_run(&pair[R2], "undebug all");
	/* The flow the spoke proposed, under the hub's map; four echoes
	 * decrypted and four replies encrypted. */
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	/* 12.x's layout, as seed 002's hub prints it. */
	has(out, "interface: Serial1/1\n    Crypto map tag: mymap, local addr. "
	    "12.1.1.2\n");
	has(out, "   local  ident (addr/mask/prot/port): "
	    "(2.2.2.2/255.255.255.255/0/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(1.1.1.1/255.255.255.255/0/0)\n"
	    "   current_peer: 12.1.1.1:500\n"
	    "     PERMIT, flags={}\n"
	    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4\n"
	    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4\n");
	has(out, "    #send errors 0, #recv errors 0\n");
	/* The hub's own traffic to the spoke's side goes under it. */
	ping_result(R2, "ping 1.1.1.1 source loopback0", "!!!!!",
	    "100 percent (5/5)");
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	has(out, "    #pkts encaps: 9, #pkts encrypt: 9, #pkts digest 9\n"
	    "    #pkts decaps: 9, #pkts decrypt: 9, #pkts verify 9\n");
	out = fx_run(&pair[R1], "show crypto ipsec sa");
	has(out, "    #pkts encaps: 9, #pkts encrypt: 9, #pkts digest: 9\n"
	    "    #pkts decaps: 9, #pkts decrypt: 9, #pkts verify: 9\n");
	/* clear crypto sa: the dynamic flow goes, the hub's traffic to the
	 * spoke's side is no longer protected by anything... */
	fx_run(&pair[R2], "clear crypto sa");
	pair_run_for(1);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	hasnt(out, "remote ident");
	out = fx_run(&pair[R1], "show crypto ipsec sa");
	hasnt(out, "\n      spi: 0x");
	/* ...and the spoke's next ping brings it up again. */
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	has(out, "     PERMIT, flags={}\n"
	    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4\n"
	    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4\n");
}
END_TEST

/*
 * reverse-route: the hub has no route back to the spoke's side; the
 * route to the remote proxy via the peer comes with the SAs (the echo
 * replies use it) and goes with them.
 */
START_TEST(test_reverse_route)
{
	const char	*out;

	pair_config(R2, "no ip route 1.1.1.1 255.255.255.255 12.1.1.1\n");
	pair_config(R2, hub_crypto("0.0.0.0",
	    "crypto dynamic-map dynmap 10\n reverse-route\n"));
	out = fx_run(&pair[R2], "show ip route");
	hasnt(out, "1.1.1.1");
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	out = fx_run(&pair[R2], "show ip route");
	has(out, "\n      1.0.0.0/32 is subnetted, 1 subnets\n"
	    "S        1.1.1.1 [1/0] via 12.1.1.1\n");
	/* Not configuration. */
	out = fx_run(&pair[R2], "show running-config");
	hasnt(out, "ip route 1.1.1.1");
	fx_run(&pair[R2], "clear crypto sa");
	pair_run_for(1);
	out = fx_run(&pair[R2], "show ip route");
	hasnt(out, "1.1.1.1");
	/* Gone for forwarding too, not only from the table shown: a
	 * route remembered from before would answer (the echo from
	 * 12.1.1.2 is outside R1's crypto ACL). */
	out = pair_run_wait(R2, "ping 1.1.1.1 repeat 2 timeout 1");
	has(out, "\n..\nSuccess rate is 0 percent (0/2)");
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	out = fx_run(&pair[R2], "show ip route");
	has(out, "S        1.1.1.1 [1/0] via 12.1.1.1\n");
}
END_TEST

/*
 * A spoke whose identity no profile matches: Main Mode completes (the
 * wildcard key), but the dynamic entry admits only L2L's peers, so its
 * Quick Mode is refused with IOS's lines and no SA is left.
 */
START_TEST(test_no_profile)
{
	const char	*out;

	pair_config(R2, hub_crypto("12.1.1.9 255.255.255.255", ""));
	fx_run(&pair[R2], "debug crypto isakmp");
	fx_run(&pair[R2], "debug crypto ipsec");
	strbuf_reset(&pair[R2].fx_out);
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".....",
	    "0 percent (0/5)");
	out = pair[R2].fx_out.sb_buf;
	has(out, "ISAKMP:(0):: peer matches *none* of the profiles\n");
	hasnt(out, "peer matches L2L profile");
	has(out, "map_db_find_best did not find matching map\n");
	has(out, "IPSEC(ipsec_process_proposal): proxy identities not "
	    "supported\n");
	has(out, "ISAKMP:(1001): phase 2 SA policy not acceptable! (local "
	    "12.1.1.2 remote 12.1.1.1)\n");
	fx_run(&pair[R2], "undebug all");
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	hasnt(out, "remote ident");
}
END_TEST

/*
 * A static entry before the dynamic one that names the spoke as its
 * peer is the one used: its ACL's flow (flags={origin_is_acl,}), not a
 * dynamic flow (flags={}).
 */
START_TEST(test_static_preferred)
{
	const char	*out;

	pair_config(R2, hub_crypto("0.0.0.0",
	    "access-list 101 permit ip host 2.2.2.2 host 1.1.1.1\n"
	    "crypto map mymap 5 ipsec-isakmp\n set peer 12.1.1.1\n"
	    " set transform-set myset\n match address 101\n"
	    "crypto isakmp key cisco123 address 12.1.1.1\n"));
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	has(out, "     PERMIT, flags={origin_is_acl,}\n"
	    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest: 4\n"
	    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify: 4\n");
	hasnt(out, "flags={}");
}
END_TEST

/*
 * The hub's view of a spoke admitted by the dynamic entry: `show crypto
 * session` names the profile and says the flow's origin is the dynamic
 * map, `show crypto isakmp peers` lists the spoke; `clear crypto
 * session remote 12.1.1.1` takes its IPsec and ISAKMP SAs (the spoke
 * told: its SAs go too) and the dynamic policy with them.
 */
START_TEST(test_session_and_clear)
{
	const char	*out;

	pair_config(R2, hub_crypto("0.0.0.0", ""));
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	out = fx_run(&pair[R2], "show crypto session");
	ck_assert_str_eq(out,
	    "Crypto session current status\n"
	    "\n"
	    "Interface: Serial1/1\n"
	    "Profile: L2L\n"
	    "Session status: UP-ACTIVE     \n"
	    "Peer: 12.1.1.1 port 500 \n"
	    "  IKEv1 SA: local 12.1.1.2/500 remote 12.1.1.1/500 Active \n"
	    "  IPSEC FLOW: permit ip host 2.2.2.2 host 1.1.1.1 \n"
	    "        Active SAs: 2, origin: dynamic crypto map\n"
	    "\n");
	out = fx_run(&pair[R2], "show crypto isakmp peers");
	ck_assert_str_eq(out, "Peer: 12.1.1.1 Port: 500 Local: 12.1.1.2\n"
	    " Phase1 id: 12.1.1.1\n");
	/* Another peer's name clears nothing. */
	fx_run(&pair[R2], "clear crypto session remote 12.1.1.9");
	out = fx_run(&pair[R2], "show crypto session");
	has(out, "Session status: UP-ACTIVE     \n");
	fx_run(&pair[R2], "clear crypto session remote 12.1.1.1");
	pair_run_for(1);
	out = fx_run(&pair[R2], "show crypto session");
	ck_assert_str_eq(out, "Crypto session current status\n\n");
	out = fx_run(&pair[R2], "show crypto isakmp peers");
	ck_assert_str_eq(out, "");
	/* The spoke was told: no SA of the old pair is left there. */
	out = fx_run(&pair[R1], "show crypto ipsec sa");
	hasnt(out, "\n      spi: 0x");
	out = fx_run(&pair[R1], "show crypto isakmp sa");
	hasnt(out, "QM_IDLE");
	/* The policy went with the flow: the hub's own ping to the spoke's
	 * side is no longer encrypted (R1 drops it in clear). */
	out = pair_run_wait(R2, "ping 1.1.1.1 source loopback0 repeat 2 "
	    "timeout 1");
	has(out, "\n..\nSuccess rate is 0 percent (0/2)");
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	hasnt(out, "remote ident");
}
END_TEST

/*
 * Cleartext from the spoke's protected address, once its flow through
 * the dynamic entry exists, is dropped and reported as a static entry's
 * flow would be (%CRYPTO-4-RECVD_PKT_NOT_IPSEC), counted in
 * c_clear_drops; before the flow exists the same packets pass (the
 * dynamic entry protects nothing by itself).
 */
START_TEST(test_cleartext_dynamic)
{
	struct crypto	*c = pair[R2].fx_rt.r_sys.sy_crypto;
	const char	*out;

	pair_config(R2, hub_crypto("0.0.0.0", ""));
	/* No flow yet: the spoke's cleartext is answered. */
	pair_config(R1, "interface Serial1/2\n no crypto map mymap\n");
	ping_result(R1, "ping 2.2.2.2 source loopback0 repeat 2", "!!",
	    "100 percent (2/2)");
	ck_assert_uint_eq(c->c_clear_drops, 0);
	pair_config(R1, "interface Serial1/2\n crypto map mymap\n");
	ping_result(R1, "ping 2.2.2.2 source loopback0", ".!!!!",
	    "80 percent (4/5)");
	/* The spoke sends in clear again: dropped, said once. */
	pair_config(R1, "interface Serial1/2\n no crypto map mymap\n");
	strbuf_reset(&pair[R2].fx_out);
	ping_result(R1, "ping 2.2.2.2 source loopback0 repeat 3 timeout 1",
	    "...", "0 percent (0/3)");
	ck_assert_uint_eq(c->c_clear_drops, 3);
	out = pair[R2].fx_out.sb_buf;
	has(out, "%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC "
	    "packet. (ip) vrf/dest_addr= /2.2.2.2, src_addr= 1.1.1.1, "
	    "prot= 1\n");
	ck_assert_ptr_null(strstr(strstr(out, "RECVD_PKT_NOT_IPSEC") + 1,
	    "RECVD_PKT_NOT_IPSEC"));
	/* Traffic of neither side of the flow is not the flow's. */
	ping_result(R1, "ping 2.2.2.2 repeat 2", "!!", "100 percent (2/2)");
	ck_assert_uint_eq(c->c_clear_drops, 3);
}
END_TEST

static Suite *
dynmap_suite(void)
{
	Suite	*s = suite_create("dynmap");
	TCase	*tc = tcase_create("dynmap");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_dynamic_l2l);
	tcase_add_test(tc, test_reverse_route);
	tcase_add_test(tc, test_no_profile);
	tcase_add_test(tc, test_static_preferred);
	tcase_add_test(tc, test_session_and_clear);
	tcase_add_test(tc, test_cleartext_dynamic);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(dynmap_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
