/*
 * check_logging: syslog to a server over the routers' own wire.  R1 logs
 * to R2 (`logging host 12.1.1.2`), R2 listens on UDP 514 through its
 * dataplane as a syslog server would: each datagram is IOS's
 * "<PRI>N: <timestamp>: %FAC-SEV-MNEMONIC: text" from R1's address (or
 * the source interface's), the trap level filters, `no logging host`
 * stops, and show logging / the running-config say so in IOS's form;
 * `service sequence-numbers` numbers the messages.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "tests/pair.h"

#define GOT_MAX	8

static struct {
	char		text[512];
	uint32_t	src;
	uint16_t	sport;
} got[GOT_MAX];
static size_t	ngot;

static void
server(void *arg, const struct dp_udp_meta *um, const uint8_t *data,
    size_t len)
{
	(void)arg;
	if (ngot == GOT_MAX)
		return;
	snprintf(got[ngot].text, sizeof(got[ngot].text), "%.*s", (int)len,
	    (const char *)data);
	got[ngot].src = um->um_src;
	got[ngot].sport = um->um_sport;
	ngot++;
}

static void
setup(void)
{
	pair_open(NULL);
	ngot = 0;
	ck_assert_int_eq(dp_udp_bind(fx_dp(&pair[R2]), 514, server, NULL), 0);
}

static void
teardown(void)
{
	pair_close();
}

START_TEST(test_syslog_datagrams)
{
	char	a[16];

	pair_config(R1, "logging host 12.1.1.2\n");
	pair_drain();
	/* The `end` of that configuration logged %SYS-5-CONFIG_I: the
	 * router's second message line (pair_open's configuration logged
	 * the first, with no server yet). */
	ck_assert_uint_eq(ngot, 1);
	ck_assert_str_eq(got[0].text, "<189>2: 00:00:01: %SYS-5-CONFIG_I: "
	    "Configured from console by console");
	ck_assert_str_eq(ip4_text(got[0].src, a), "12.1.1.1");
	ck_assert_uint_eq(got[0].sport, 514);

	/* From the source interface; a debug line is not at the default
	 * trap level (informational), a notification is. */
	pair_config(R1, "logging source-interface Loopback0\n"
	    "logging host 12.1.1.2 transport udp port 514\n");
	ck_assert_str_eq(fx_run(&pair[R1], "show running-config | include "
	    "^logging host"), "logging host 12.1.1.2\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 2);
	ck_assert_str_eq(ip4_text(got[1].src, a), "1.1.1.1");
	ck_assert_str_eq(got[1].text, "<189>3: 00:00:01: %SYS-5-CONFIG_I: "
	    "Configured from console by console");

	/* Above the trap level: not sent, not counted. */
	pair_config(R1, "logging trap warnings\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 2);
	pair_config(R1, "logging trap debugging\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 3);
	ck_assert_str_eq(got[2].text, "<189>4: 00:00:01: %SYS-5-CONFIG_I: "
	    "Configured from console by console");

	ck_assert_str_eq(fx_run(&pair[R1], "show running-config | include "
	    "^logging"), "logging trap debugging\n"
	    "logging source-interface Loopback0\n"
	    "logging host 12.1.1.2\n");
	ck_assert_str_eq(fx_run(&pair[R1], "show logging | begin Trap"),
	    "    Trap logging: level debugging, 4 message lines logged\n"
	    "        Logging to 12.1.1.2  (udp port 514, audit disabled,\n"
	    "              link up),\n"
	    "              3 message lines logged,\n"
	    "              0 message lines rate-limited,\n"
	    "              0 message lines dropped-by-MD,\n"
	    "              xml disabled, sequence number disabled\n"
	    "              filtering disabled\n"
	    "        Logging Source-Interface:       VRF Name:\n"
	    "        Loopback0\n"
	    "\n");

	/* Removed: nothing more reaches the server. */
	pair_config(R1, "no logging host 12.1.1.2\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 3);
	ck_assert_str_eq(fx_run(&pair[R1], "show running-config | include "
	    "^logging"), "logging trap debugging\n"
	    "logging source-interface Loopback0\n");
}
END_TEST

/* A message logged while the dataplane handles a packet (an ACL's log
 * line for a denied echo) reaches the server too: queued, sent from the
 * event loop, not from inside the packet's handling. */
START_TEST(test_logged_inside_the_dataplane)
{
	pair_config(R1, "access-list 101 deny icmp any any log\n"
	    "access-list 101 permit ip any any\n"
	    "interface Serial1/2\n ip access-group 101 in\n"
	    "logging host 12.1.1.2\n");
	pair_drain();
	ngot = 0;
	pair_run_wait(R2, "ping 1.1.1.1 repeat 1");
	pair_drain();
	ck_assert_uint_eq(ngot, 1);
	ck_assert_msg(strstr(got[0].text, ": %SEC-6-IPACCESSLOGDP: list 101 "
	    "denied icmp 12.1.1.2 -> 1.1.1.1 (8/0), 1 packet") != NULL, "%s",
	    got[0].text);
	ck_assert_msg(strncmp(got[0].text, "<190>", 5) == 0, "%s",
	    got[0].text);
}
END_TEST

/* `service sequence-numbers`: each message starts with its six-digit
 * number, before the timestamp, on the wire as on the console; numbered
 * from 1 once the service is on; `no` stops it. */
START_TEST(test_sequence_numbers)
{
	pair_config(R1, "service sequence-numbers\n"
	    "service timestamps log datetime msec\n"
	    "logging host 12.1.1.2\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 1);
	ck_assert_str_eq(got[0].text, "<189>2: 000001: *Nov 14 22:13:21.123: "
	    "%SYS-5-CONFIG_I: Configured from console by console");
	ck_assert_str_eq(fx_run(&pair[R1], "show running-config | include "
	    "service"), "service timestamps debug uptime\n"
	    "service timestamps log datetime msec\n"
	    "no service password-encryption\n"
	    "service sequence-numbers\n");
	pair_config(R1, "interface Loopback0\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 2);
	ck_assert_str_eq(got[1].text, "<189>3: 000002: *Nov 14 22:13:21.123: "
	    "%SYS-5-CONFIG_I: Configured from console by console");
	pair_config(R1, "no service sequence-numbers\n");
	pair_drain();
	ck_assert_uint_eq(ngot, 3);
	ck_assert_str_eq(got[2].text, "<189>4: *Nov 14 22:13:21.123: "
	    "%SYS-5-CONFIG_I: Configured from console by console");
	ck_assert_str_eq(fx_run(&pair[R1], "show running-config | include "
	    "sequence"), "");
}
END_TEST

START_TEST(test_bad_input)
{
	/* 12.x's bare form stays as typed; a port other than 514 shows. */
	fx_config(&pair[R1], "logging 12.1.1.2\n"
	    "logging host 10.9.9.9 transport udp port 5140\n");
	ck_assert_str_eq(fx_run(&pair[R1], "show running-config | include "
	    "^logging"), "logging 12.1.1.2\n"
	    "logging host 10.9.9.9 transport udp port 5140\n");
	fx_run(&pair[R1], "configure terminal");
	/* An interface the router does not have. */
	ck_assert_str_eq(fx_run(&pair[R1], "logging source-interface "
	    "Loopback9"), fx_invalid_at(strlen("R1(config)#logging "
	    "source-interface ")));
	fx_run(&pair[R1], "end");
}
END_TEST

static Suite *
logging_suite(void)
{
	Suite	*s = suite_create("logging");
	TCase	*tc = tcase_create("syslog");

	/* Each case builds routers (about a CPU second under ASan): Check's
	 * 4 s default failed them in a loaded `make -j distcheck`. */
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_syslog_datagrams);
	tcase_add_test(tc, test_logged_inside_the_dataplane);
	tcase_add_test(tc, test_sequence_numbers);
	tcase_add_test(tc, test_bad_input);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(logging_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
