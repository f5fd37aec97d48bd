/*
 * check_traceroute: IOS's traceroute across three routers in one process
 * (R1 —Serial— R2 —Serial— R3, udp: wires, frozen clock).  R2 answers the
 * TTL-1 probes with "time exceeded" (not rate-limited: three answers); R3
 * answers with "port unreachable", which IOS limits to one per 500 ms, so
 * the second probe of the last hop gets none and shows a star — as every
 * capture of a real router's traceroute shows it.  An unreachable stops
 * the trace with its letter; the escape sequence stops it early; the 12.x
 * form has no VRF line.
 */
#include <check.h>
#include <string.h>

#include "lib/clock.h"
#include "tests/fixture.h"

#define NR	3

static struct fixture	rt[NR];

static const char *const cfg[NR] = {
	"hostname R1\n"
	"interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n"
	"interface Serial1/0\n ip address 12.1.1.1 255.255.255.0\n"
	" no shutdown\n"
	"ip route 0.0.0.0 0.0.0.0 12.1.1.2\n",
	"hostname R2\n"
	"interface Serial1/0\n ip address 12.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"interface Serial1/1\n ip address 23.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"ip route 1.1.1.1 255.255.255.255 12.1.1.1\n"
	"ip route 3.3.3.3 255.255.255.255 23.1.1.3\n",
	"hostname R3\n"
	"interface Loopback0\n ip address 3.3.3.3 255.255.255.255\n"
	"interface Serial1/1\n ip address 23.1.1.3 255.255.255.0\n"
	" no shutdown\n"
	"ip route 0.0.0.0 0.0.0.0 23.1.1.2\n",
};

static void
setup(void)
{
	int	i;

	clock_use_frozen(FX_EPOCH_MS);
	for (i = 0; i < NR; i++) {
		fx_open(&rt[i], NULL);
		fx_run(&rt[i], "enable");
	}
	fx_wire(&rt[0], "Serial1/0", &rt[1], "Serial1/0");
	fx_wire(&rt[1], "Serial1/1", &rt[2], "Serial1/1");
	for (i = 0; i < NR; i++)
		fx_config(&rt[i], cfg[i]);
	fx_pump(rt, NR);
}

static void
teardown(void)
{
	int	i;

	for (i = 0; i < NR; i++)
		fx_close(&rt[i]);
	clock_use_real();
}

/* Run CMD on R1 to its end, frozen time moving 100 ms at a time. */
static const char *
run_wait(const char *cmd)
{
	int	i;

	strbuf_reset(&rt[0].fx_out);
	fx_run(&rt[0], cmd);
	for (i = 0; i < 20000 && session_busy(rt[0].fx_sess); i++) {
		fx_pump(rt, NR);
		clock_advance(100);
	}
	ck_assert_msg(!session_busy(rt[0].fx_sess), "%s did not end", cmd);
	return rt[0].fx_out.sb_buf;
}

START_TEST(test_two_hops)
{
	ck_assert_str_eq(run_wait("traceroute 3.3.3.3"),
	    "Type escape sequence to abort.\n"
	    "Tracing the route to 3.3.3.3\n"
	    "VRF info: (vrf in name/id, vrf out name/id)\n"
	    "  1 12.1.1.2 0 msec 0 msec 0 msec\n"
	    "  2 23.1.1.3 0 msec *  0 msec\n");
	/* From a source interface, with `ip`; a 12.x router has no VRF
	 * line.  A second later, R3's unreachable rate limit has passed. */
	fx_config(&rt[0], "version 12.4\n");
	clock_advance(1000);
	ck_assert_str_eq(run_wait("traceroute ip 3.3.3.3 source Loopback0"),
	    "Type escape sequence to abort.\n"
	    "Tracing the route to 3.3.3.3\n"
	    "  1 12.1.1.2 0 msec 0 msec 0 msec\n"
	    "  2 23.1.1.3 0 msec *  0 msec\n");
}
END_TEST

START_TEST(test_unreachable_and_timeouts)
{
	int	i;

	/* R2 has no route to 9.9.9.9: the TTL-1 probes expire at R2
	 * first; then "host unreachable" from R2 (rate limited as well),
	 * and the trace ends at that hop. */
	ck_assert_str_eq(run_wait("traceroute 9.9.9.9"),
	    "Type escape sequence to abort.\n"
	    "Tracing the route to 9.9.9.9\n"
	    "VRF info: (vrf in name/id, vrf out name/id)\n"
	    "  1 12.1.1.2 0 msec 0 msec 0 msec\n"
	    "  2 12.1.1.2 !H  *  !H \n");
	/* No route on R1 itself: every probe times out, until the escape
	 * sequence ends the trace in the middle of its second hop. */
	fx_config(&rt[0], "no ip route 0.0.0.0 0.0.0.0 12.1.1.2\n");
	strbuf_reset(&rt[0].fx_out);
	fx_run(&rt[0], "traceroute 8.8.8.8");
	/* 13 s: three 3 s timeouts of hop 1, one of hop 2. */
	for (i = 0; i < 130; i++) {
		fx_pump(rt, NR);
		clock_advance(100);
	}
	fx_pump(rt, NR);
	ck_assert(session_busy(rt[0].fx_sess));
	session_cancel(rt[0].fx_sess);
	ck_assert(!session_busy(rt[0].fx_sess));
	ck_assert_str_eq(rt[0].fx_out.sb_buf,
	    "Type escape sequence to abort.\n"
	    "Tracing the route to 8.8.8.8\n"
	    "VRF info: (vrf in name/id, vrf out name/id)\n"
	    "  1  *  *  * \n"
	    "  2  * \n");
}
END_TEST

START_TEST(test_bad_input)
{
	ck_assert_str_eq(fx_run(&rt[0], "traceroute 3.3.3.3 source 9.9.9.9"),
	    "% Invalid source address- IP address not on any of our up "
	    "interfaces\n");
	ck_assert_str_eq(fx_run(&rt[0], "traceroute 3.3.3.3 source Tunnel77"),
	    fx_invalid_at(strlen("R1#traceroute 3.3.3.3 source ")));
}
END_TEST

static Suite *
traceroute_suite(void)
{
	Suite	*s = suite_create("traceroute");
	TCase	*tc = tcase_create("three routers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_two_hops);
	tcase_add_test(tc, test_unreachable_and_timeouts);
	tcase_add_test(tc, test_bad_input);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(traceroute_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
