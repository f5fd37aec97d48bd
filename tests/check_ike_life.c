/*
 * Configuration changed under a negotiation (issue 14): the pre-shared
 * key, the transform set and the crypto map entry are changed or removed
 * while Main Mode or Quick Mode is in flight, on the initiator (R1) and
 * on the responder (R2) of seed 001's tunnel.  A negotiation finishes
 * with what it started with, as IOS does (the key it found at MM1, the
 * transform sets its entry had when the packet came), and the next one
 * uses the new configuration; nothing the engine holds points into the
 * configuration, which AddressSanitizer (./configure
 * --enable-sanitizers) checks on every line of these tests.
 *
 * The two routers run in one process on a udp: wire with a frozen
 * clock.  Messages are moved one at a time: a router's event loop runs
 * only when the test says so, so a datagram one router sent waits in the
 * other's socket until then (step()), and the configuration changes in
 * between, at a known state of each exchange.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "tests/pair.h"

/* Run R's loop alone, no time passing: what the peer sent it is
 * received and answered; the answer waits in the peer's socket. */
static void
step(int r)
{
	int	i;

	for (i = 0; i < 20; i++)
		evloop_once(pair[r].fx_rt.r_loop, 0);
}

/* Both loops until nothing moves, then SECONDS of frozen time. */
static void
run_for(unsigned seconds)
{
	unsigned	i;
	int		k;

	for (i = 0; i <= seconds * 10; i++) {
		for (k = 0; k < 20; k++) {
			step(R1);
			step(R2);
		}
		clock_advance(100);
	}
}

/* Run R's command to its end (a ping), time passing as needed. */
static const char *
run_wait(int r, const char *cmd)
{
	int	i;

	strbuf_reset(&pair[r].fx_out);
	fx_run(&pair[r], cmd);
	for (i = 0; i < 10000 && session_busy(pair[r].fx_sess); i++) {
		step(R1);
		step(R2);
		clock_advance(100);
	}
	ck_assert_msg(!session_busy(pair[r].fx_sess), "%s did not end", cmd);
	return pair[r].fx_out.sb_buf;
}

/*
 * One echo from R1's loopback, dropped by the crypto map: it starts IKE
 * (MM1 goes out) or, with phase 1 up, Quick Mode (QM1).  `timeout 0`
 * ends the ping at once, so the console is free for configuration while
 * the message waits, unread, in R2's socket.
 */
static void
kick(void)
{
	int	i;

	fx_run(&pair[R1], "ping 2.2.2.2 source loopback0 repeat 1 timeout 0");
	for (i = 0; i < 100 && session_busy(pair[R1].fx_sess); i++)
		step(R1);
	ck_assert(!session_busy(pair[R1].fx_sess));
}

/* Seed 001 whole: addresses, routes and crypto. */
static const char *const life_cfg[PAIR_NR] = {
	"hostname R1\n"
	"interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n"
	"interface Serial1/2\n ip address 12.1.1.1 255.255.255.0\n"
	" no shutdown\n"
	"ip route 2.2.2.2 255.255.255.255 12.1.1.2\n"
	"crypto isakmp policy 10\n hash md5\n authentication pre-share\n"
	" group 2\n encryption 3des\n"
	"crypto isakmp key cisco address 12.1.1.2\n"
	"crypto ipsec transform-set TSET esp-3des esp-md5-hmac\n"
	"access-list 100 permit ip host 1.1.1.1 host 2.2.2.2\n"
	"crypto map TST 10 ipsec-isakmp\n set peer 12.1.1.2\n"
	" match address 100\n set transform-set TSET\n"
	"interface Serial1/2\n crypto map TST\n",
	"hostname R2\n"
	"interface Loopback0\n ip address 2.2.2.2 255.255.255.255\n"
	"interface Serial1/1\n ip address 12.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"ip route 1.1.1.1 255.255.255.255 12.1.1.1\n"
	"crypto isakmp policy 10\n hash md5\n authentication pre-share\n"
	" group 2\n encryption 3des\n"
	"crypto isakmp key cisco address 12.1.1.1\n"
	"crypto ipsec transform-set TSET esp-3des esp-md5-hmac\n"
	"access-list 100 permit ip host 2.2.2.2 host 1.1.1.1\n"
	"crypto map TST 10 ipsec-isakmp\n set peer 12.1.1.1\n"
	" match address 100\n set transform-set TSET\n"
	"interface Serial1/1\n crypto map TST\n",
};

static void
setup(void)
{
	pair_open(life_cfg);
}

/* The ISAKMP SA rows of show crypto isakmp sa, in one string ("" for
 * none), for an exact comparison. */
static const char *
isakmp_rows(int r)
{
	static char	 rows[PAIR_NR][512];
	const char	*out = fx_run(&pair[r], "show crypto isakmp sa"), *p, *e;
	size_t		 n = 0;

	rows[r][0] = '\0';
	for (p = out; (p = strstr(p, "\n12.1.1.")) != NULL; p = e) {
		p++;
		e = strchr(p, '\n');
		ck_assert(e != NULL && n + (size_t)(e - p) + 2 <
		    sizeof(rows[r]));
		memcpy(rows[r] + n, p, (size_t)(e - p) + 1);
		n += (size_t)(e - p) + 1;
		rows[r][n] = '\0';
	}
	return rows[r];
}

/* How many times TEXT is in show crypto ipsec sa of R. */
static int
ipsec_count(int r, const char *text)
{
	const char	*out = fx_run(&pair[r], "show crypto ipsec sa"), *p;
	int		 n = 0;

	for (p = out; (p = strstr(p, text)) != NULL; p += strlen(text))
		n++;
	return n;
}

/* A row of show crypto isakmp sa: R1 initiates, so on both routers
 * dst is R2 and src R1. */
#define ROW(state, rest) "12.1.1.2        12.1.1.1        " state rest
#define QM_IDLE		"QM_IDLE           1001 ACTIVE\n"

/* Phase 1 and one pair of IPsec SAs with TRANSFORM on both routers,
 * and traffic through them. */
static void
assert_up(const char *transform)
{
	char		want[128];
	const char	*out;
	int		r;

	ck_assert_str_eq(isakmp_rows(R1), ROW("", QM_IDLE));
	ck_assert_str_eq(isakmp_rows(R2), ROW("", QM_IDLE));
	snprintf(want, sizeof(want), "        transform: %s ,\n", transform);
	for (r = 0; r < PAIR_NR; r++) {
		ck_assert_int_eq(ipsec_count(r, "\n      spi: 0x"), 2);
		ck_assert_int_eq(ipsec_count(r, want), 2);
	}
	out = run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n!!!!!\nSuccess rate is 100 percent "
	    "(5/5)") != NULL, "%s", out);
}

/* Everything goes on both sides; the next ping negotiates afresh. */
static void
clear_all(void)
{
	fx_run(&pair[R1], "clear crypto sa");
	fx_run(&pair[R1], "clear crypto isakmp");
	run_for(1);
	fx_run(&pair[R2], "clear crypto sa");
	fx_run(&pair[R2], "clear crypto isakmp");
	run_for(1);
	ck_assert_str_eq(isakmp_rows(R1), "");
	ck_assert_str_eq(isakmp_rows(R2), "");
}

/* R1 has sent MM1; R2 has answered with MM2, both hold a key (R2 read
 * it with MM1), neither has used it yet (MM3/MM4 do). */
static void
to_mm2(void)
{
	kick();
	ck_assert_str_eq(isakmp_rows(R1), ROW("MM_NO_STATE",
	    "       1001 ACTIVE\n"));
	step(R2);
	ck_assert_str_eq(isakmp_rows(R2), ROW("MM_SA_SETUP",
	    "       1001 ACTIVE\n"));
}

/*
 * The initiator's key is re-entered while Main Mode is in flight: MM3
 * onward use the key MM1 started with and the tunnel comes up; the next
 * negotiation uses the new key, which R2 does not share, and fails at
 * MM5 as a wrong key does.
 */
START_TEST(test_psk_change_initiator)
{
	const char	*out;

	to_mm2();
	pair_config(R1, "crypto isakmp key other address 12.1.1.2\n");
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
	clear_all();
	fx_run(&pair[R2], "debug crypto isakmp");
	out = run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert(strstr(out, "Success rate is 0 percent (0/5)") != NULL);
	ck_assert(strstr(pair[R2].fx_out.sb_buf, "%CRYPTO-4-IKMP_BAD_MESSAGE: "
	    "IKE message from 12.1.1.1 failed its sanity check or is "
	    "malformed\n") != NULL);
}
END_TEST

/* The initiator's key is removed while Main Mode is in flight: the
 * exchange finishes with it; the next one has none to start with. */
START_TEST(test_psk_remove_initiator)
{
	to_mm2();
	pair_config(R1, "no crypto isakmp key cisco address 12.1.1.2\n");
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
	clear_all();
	fx_run(&pair[R1], "debug crypto isakmp");
	run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert(strstr(pair[R1].fx_out.sb_buf, "ISAKMP:(0):No pre-shared key "
	    "with 12.1.1.2!\n") != NULL);
	ck_assert_str_eq(isakmp_rows(R1), "");
	ck_assert_str_eq(isakmp_rows(R2), "");
}
END_TEST

/* The responder's key is re-entered after it answered MM1: MM3 is read
 * with the old key, the tunnel comes up; the next MM5 it cannot read. */
START_TEST(test_psk_change_responder)
{
	const char	*out;

	to_mm2();
	pair_config(R2, "crypto isakmp key other address 12.1.1.1\n");
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
	clear_all();
	strbuf_reset(&pair[R2].fx_out);
	out = run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert(strstr(out, "Success rate is 0 percent (0/5)") != NULL);
	ck_assert(strstr(pair[R2].fx_out.sb_buf, "%CRYPTO-4-IKMP_BAD_MESSAGE: "
	    "IKE message from 12.1.1.1 failed its sanity check or is "
	    "malformed\n") != NULL);
}
END_TEST

/* The responder's key is removed after it answered MM1: the exchange
 * finishes; the next MM1 finds no key and no offer is accepted. */
START_TEST(test_psk_remove_responder)
{
	to_mm2();
	pair_config(R2, "no crypto isakmp key cisco address 12.1.1.1\n");
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
	clear_all();
	fx_run(&pair[R2], "debug crypto isakmp");
	run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert(strstr(pair[R2].fx_out.sb_buf, "%CRYPTO-6-IKMP_MODE_FAILURE: "
	    "Processing of Main mode failed with peer at 12.1.1.1\n") != NULL);
	ck_assert_str_eq(isakmp_rows(R2), "");
}
END_TEST

/* Phase 1 up, no IPsec SA: the next kick() sends QM1 at once. */
static void
phase1_only(void)
{
	run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	fx_run(&pair[R1], "clear crypto sa");
	run_for(1);
	ck_assert_str_eq(isakmp_rows(R1), ROW("", QM_IDLE));
	ck_assert_int_eq(ipsec_count(R1, "\n      spi: 0x"), 0);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 0);
}

/*
 * The initiator's transform set is redefined between QM1 and QM2: R2
 * answers the proposal R1 sent (esp-3des esp-md5-hmac), R1 accepts and
 * installs it; the next Quick Mode offers the new set, which R2 refuses.
 */
START_TEST(test_tset_change_initiator)
{
	phase1_only();
	kick();
	pair_config(R1, "crypto ipsec transform-set TSET esp-aes esp-sha-hmac\n");
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
	fx_run(&pair[R1], "clear crypto sa");
	run_for(1);
	fx_run(&pair[R2], "debug crypto isakmp");
	run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert(strstr(pair[R2].fx_out.sb_buf, "ISAKMP:(1001): phase 2 SA "
	    "policy not acceptable! (local 12.1.1.2 remote 12.1.1.1)\n") !=
	    NULL);
	ck_assert_int_eq(ipsec_count(R1, "\n      spi: 0x"), 0);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 0);
}
END_TEST

/*
 * The initiator's transform set is removed between QM1 and QM2.  Named
 * by the entry it cannot go (IOS refuses too); once the entry names
 * another set it can, and Quick Mode still finishes with its copy.
 */
START_TEST(test_tset_remove_initiator)
{
	const char	*out;

	phase1_only();
	kick();
	fx_run(&pair[R1], "configure terminal");
	out = fx_run(&pair[R1], "no crypto ipsec transform-set TSET");
	ck_assert_str_eq(out, "% Transform set TSET is in use.\n");
	fx_run(&pair[R1], "end");
	pair_config(R1, "crypto ipsec transform-set OTHER esp-aes esp-sha-hmac\n"
	    "crypto map TST 10 ipsec-isakmp\n set transform-set OTHER\n"
	    "no crypto ipsec transform-set TSET\n");
	ck_assert(strstr(fx_run(&pair[R1], "show running-config"),
	    "transform-set TSET") == NULL);
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
}
END_TEST

/*
 * The responder's transform set is redefined between QM2 and QM3: its
 * SAs were installed with QM2, QM3 completes the exchange and the tunnel
 * carries traffic with the set as it was.
 */
START_TEST(test_tset_change_responder)
{
	phase1_only();
	kick();
	step(R2);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 2);
	ck_assert_int_eq(ipsec_count(R1, "\n      spi: 0x"), 0);
	pair_config(R2, "crypto ipsec transform-set TSET esp-aes esp-sha-hmac\n");
	run_for(1);
	assert_up("esp-3des esp-md5-hmac");
}
END_TEST

/*
 * The responder's transform set is removed (after its entry moved to
 * another set) while Main Mode is in flight: QM1 is matched against the
 * configuration of the moment, which no longer has esp-3des, and
 * refused; phase 1 stays, no IPsec SA on either side.
 */
START_TEST(test_tset_remove_responder)
{
	to_mm2();
	pair_config(R2, "crypto ipsec transform-set OTHER esp-aes esp-sha-hmac\n"
	    "crypto map TST 10 ipsec-isakmp\n set transform-set OTHER\n"
	    "no crypto ipsec transform-set TSET\n");
	fx_run(&pair[R2], "debug crypto isakmp");
	run_for(1);
	ck_assert(strstr(pair[R2].fx_out.sb_buf, "ISAKMP:(1001): phase 2 SA "
	    "policy not acceptable! (local 12.1.1.2 remote 12.1.1.1)\n") !=
	    NULL);
	ck_assert_str_eq(isakmp_rows(R1), ROW("", QM_IDLE));
	ck_assert_str_eq(isakmp_rows(R2), ROW("", QM_IDLE));
	ck_assert_int_eq(ipsec_count(R1, "\n      spi: 0x"), 0);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 0);
}
END_TEST

/*
 * The initiator's crypto map entry is removed while Main Mode is in
 * flight: the request carries what the entry offered, so phase 1 and
 * Quick Mode finish and the SAs are installed.  With no entry left,
 * R1's traffic leaves in the clear and starts no negotiation; R2's map
 * still says that traffic must come protected, so R2 drops it
 * (%CRYPTO-4-RECVD_PKT_NOT_IPSEC) and nothing is answered.
 */
START_TEST(test_cmap_remove_initiator)
{
	const char	*out;

	to_mm2();
	pair_config(R1, "no crypto map TST 10\n");
	run_for(1);
	ck_assert_str_eq(isakmp_rows(R1), ROW("", QM_IDLE));
	ck_assert_str_eq(isakmp_rows(R2), ROW("", QM_IDLE));
	ck_assert_int_eq(ipsec_count(R1, "\n      spi: 0x"), 2);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 2);
	ck_assert_int_eq(ipsec_count(R1,
	    "        transform: esp-3des esp-md5-hmac ,\n"), 2);
	out = run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.....\nSuccess rate is 0 percent "
	    "(0/5)") != NULL, "%s", out);
	/* Nothing went out through the SA, nothing came back. */
	ck_assert_int_eq(ipsec_count(R1, "    #pkts encaps: 0, #pkts encrypt: "
	    "0, #pkts digest: 0\n    #pkts decaps: 0, #pkts decrypt: 0, "
	    "#pkts verify: 0\n"), 1);
	ck_assert_msg(strstr(pair[R2].fx_out.sb_buf,
	    "%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC "
	    "packet. (ip) vrf/dest_addr= /2.2.2.2, src_addr= 1.1.1.1, "
	    "prot= 1\n") != NULL, "%s", pair[R2].fx_out.sb_buf);
}
END_TEST

/*
 * The responder's crypto map entry is removed between QM2 and QM3: its
 * SAs are in place already and the exchange completes on both sides.
 */
START_TEST(test_cmap_remove_responder)
{
	phase1_only();
	kick();
	step(R2);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 2);
	pair_config(R2, "no crypto map TST 10\n");
	run_for(1);
	ck_assert_str_eq(isakmp_rows(R1), ROW("", QM_IDLE));
	ck_assert_str_eq(isakmp_rows(R2), ROW("", QM_IDLE));
	ck_assert_int_eq(ipsec_count(R1, "\n      spi: 0x"), 2);
	ck_assert_int_eq(ipsec_count(R2, "\n      spi: 0x"), 2);
	ck_assert_int_eq(ipsec_count(R2,
	    "        transform: esp-3des esp-md5-hmac ,\n"), 2);
}
END_TEST

static Suite *
life_suite(void)
{
	Suite	*s = suite_create("ike_life");
	TCase	*tc = tcase_create("in-flight");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_psk_change_initiator);
	tcase_add_test(tc, test_psk_remove_initiator);
	tcase_add_test(tc, test_psk_change_responder);
	tcase_add_test(tc, test_psk_remove_responder);
	tcase_add_test(tc, test_tset_change_initiator);
	tcase_add_test(tc, test_tset_remove_initiator);
	tcase_add_test(tc, test_tset_change_responder);
	tcase_add_test(tc, test_tset_remove_responder);
	tcase_add_test(tc, test_cmap_remove_initiator);
	tcase_add_test(tc, test_cmap_remove_responder);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(life_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
