/*
 * check_xauth_map: XAUTH configured on the crypto map, the way IOS did
 * it before isakmp profiles (`crypto map NAME client authentication list
 * LIST`), between the pair in Main Mode (seed 001's routers).  R2 is the
 * hub: it prompts every peer of the map for XAUTH, so R1, a LAN-to-LAN
 * router with no client configuration, never answers and its tunnel
 * does not come up (seed 002: "Xauth for the VPN Client connections do
 * break the LAN-to-LAN connection"); with `no-xauth` on R2's key for R1
 * the tunnel comes up and R2 asks nothing.  Also the map lines' config.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "tests/pair.h"

static void
setup(void)
{
	pair_open(NULL);
}

/* The hub's XAUTH, local users (the key line is the test's). */
static const char hub_cfg[] =
    "aaa new-model\n"
    "aaa authentication login L local\n"
    "username u1 password p1\n"
    "crypto map TST client authentication list L\n";

/* How many SAs (inbound and outbound) R's show crypto ipsec sa lists. */
static int
sa_count(int r)
{
	const char	*out = fx_run(&pair[r], "show crypto ipsec sa"), *p;
	int		 n = 0;

	for (p = out; (p = strstr(p, "\n      spi: 0x")) != NULL; p++)
		n++;
	return n;
}

static int
count_of(int r, const char *text)
{
	const char	*p = pair[r].fx_out.sb_buf;
	int		 n = 0;

	while ((p = strstr(p, text)) != NULL) {
		n++;
		p += strlen(text);
	}
	return n;
}

static void
both(void)
{
	pair_crypto_cfg(R1, "3des", "cisco",
	    "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(R2, "3des", "cisco",
	    "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_config(R2, hub_cfg);
}

/* R2's debug: XAUTH asked for after Main Mode, as seed 002's hub asks a
 * VPN Client after Aggressive Mode, and the end of the SA. */
static const char *const xauth_lines[] = {
	"ISAKMP:(1001):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE",
	"ISAKMP:(1001):Need XAUTH",
	"ISAKMP:(1001):Input = IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE",
	"ISAKMP:(1001):Old State = IKE_P1_COMPLETE  New State = "
	    "IKE_XAUTH_AAA_START_LOGIN_AWAIT",
	"ISAKMP/xauth: request attribute XAUTH_USER_NAME_V2",
	"ISAKMP/xauth: request attribute XAUTH_USER_PASSWORD_V2",
	"ISAKMP:(1001):Input = IKE_MESG_FROM_AAA, IKE_AAA_START_LOGIN",
	"ISAKMP:(1001):Old State = IKE_XAUTH_AAA_START_LOGIN_AWAIT  New State = "
	    "IKE_XAUTH_REQ_SENT",
	"ISAKMP (1001): incrementing error counter on sa, attempt 5 of 5: "
	    "retransmit phase 1",
	"ISAKMP:(1001):deleting SA reason \"Death by retransmission P1\" "
	    "state (R) CONF_XAUTH (peer 12.1.1.1)",
	NULL
};

START_TEST(test_xauth_breaks_l2l)
{
	const char	*out;

	both();
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.....\nSuccess rate is 0 percent (0/5)")
	    != NULL, "%s", out);
	/* R1 (no client configuration) leaves the REQUEST unanswered; R2
	 * retransmits it as phase 1, five times, then the SA goes. */
	pair_run_for(70);
	ck_assert_ptr_null(pair_lines_in_order(R2, xauth_lines));
	ck_assert_int_eq(count_of(R2, ": retransmit phase 1\n"), 5);
	ck_assert_int_eq(count_of(R2, " retransmitting phase 1 CONF_XAUTH...\n"),
	    6);
	ck_assert_int_eq(count_of(R2, "IKE_XAUTH_AAA_CONT_LOGIN_AWAIT"), 0);
	ck_assert_msg(strstr(fx_run(&pair[R2], "show crypto isakmp sa"),
	    "\n12.1.1.") == NULL, "%s", fx_run(&pair[R2],
	    "show crypto isakmp sa"));
	ck_assert_int_eq(sa_count(R1), 0);
	ck_assert_int_eq(sa_count(R2), 0);
}
END_TEST

START_TEST(test_no_xauth_l2l)
{
	const char	*out;
	int		 n, a, b, c, end = 0;

	both();
	pair_config(R2, "crypto isakmp key cisco address 12.1.1.1 no-xauth\n");
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(sscanf(out, "Type escape sequence to abort.\n"
	    "Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 "
	    "seconds:\nPacket sent with a source address of 1.1.1.1\n"
	    ".!!!!\nSuccess rate is %d percent (4/5), round-trip min/avg/max = "
	    "%d/%d/%d ms\n%n", &n, &a, &b, &c, &end) == 4 && n == 80 &&
	    out[end] == '\0', "%s", out);
	ck_assert_int_eq(count_of(R2, "XAUTH"), 0);
	ck_assert_int_eq(count_of(R2, "CONF_"), 0);
	/* One inbound and one outbound SA on each side. */
	ck_assert_int_eq(sa_count(R1), 2);
	ck_assert_int_eq(sa_count(R2), 2);
}
END_TEST

/* Aggressive Mode (R1's profile initiates it, R2 matches no profile):
 * R1 offers plain pre-share, R2's map prompts it all the same. */
static const char am_profile[] =
    "crypto isakmp profile AM\n"
    " match identity address 12.1.1.2 255.255.255.255\n"
    " initiate mode aggressive\n"
    "crypto map TST 10 ipsec-isakmp\n set isakmp-profile AM\n";

static const char *const am_xauth_lines[] = {
	"ISAKMP:(1001):Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE",
	"ISAKMP:(1001):Need XAUTH",
	"ISAKMP:(1001):Old State = IKE_P1_COMPLETE  New State = "
	    "IKE_XAUTH_AAA_START_LOGIN_AWAIT",
	"ISAKMP:(1001):Old State = IKE_XAUTH_AAA_START_LOGIN_AWAIT  New State = "
	    "IKE_XAUTH_REQ_SENT",
	NULL
};

START_TEST(test_am_xauth_breaks_l2l)
{
	const char	*out;

	both();
	pair_config(R1, am_profile);
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.....\nSuccess rate is 0 percent (0/5)")
	    != NULL, "%s", out);
	ck_assert_ptr_null(pair_lines_in_order(R2, am_xauth_lines));
	ck_assert_int_eq(sa_count(R1), 0);
	ck_assert_int_eq(sa_count(R2), 0);
}
END_TEST

START_TEST(test_am_no_xauth_l2l)
{
	const char	*out;

	both();
	pair_config(R1, am_profile);
	pair_config(R2, "crypto isakmp key cisco address 12.1.1.1 no-xauth\n");
	fx_run(&pair[R2], "debug crypto isakmp");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert(pair_has(R2, "New State = IKE_R_AM2"));
	ck_assert_int_eq(count_of(R2, "XAUTH"), 0);
	ck_assert_int_eq(sa_count(R2), 2);
}
END_TEST

/* The map's lines are kept by the map's name and rendered just before
 * its entries (those of a map with no entry yet, first), as IOS renders
 * them; `no` takes each away. */
START_TEST(test_map_client_config)
{
	pair_config(R2, "crypto map clientmap client authentication list "
	    "userauthen\n"
	    "crypto map clientmap isakmp authorization list groupauthor\n"
	    "crypto map clientmap client configuration address respond\n"
	    "crypto map clientmap 10 ipsec-isakmp\n set peer 12.1.1.1\n"
	    "crypto map other client configuration address initiate\n");
	ck_assert_str_eq(fx_run(&pair[R2],
	    "show running-config | include ^crypto map|^ set peer"),
	    "crypto map other client configuration address initiate\n"
	    "crypto map clientmap client authentication list userauthen\n"
	    "crypto map clientmap isakmp authorization list groupauthor\n"
	    "crypto map clientmap client configuration address respond\n"
	    "crypto map clientmap 10 ipsec-isakmp\n"
	    " set peer 12.1.1.1\n");
	pair_config(R2, "no crypto map clientmap isakmp authorization list\n"
	    "crypto map clientmap client configuration address initiate\n"
	    "no crypto map other client configuration address\n"
	    "no crypto map clientmap 10\n");
	ck_assert_str_eq(fx_run(&pair[R2],
	    "show running-config | include ^crypto map"),
	    "crypto map clientmap client authentication list userauthen\n"
	    "crypto map clientmap client configuration address initiate\n");
	pair_config(R2, "no crypto map clientmap client authentication list\n"
	    "no crypto map clientmap client configuration address\n");
	ck_assert_str_eq(fx_run(&pair[R2],
	    "show running-config | include ^crypto map"), "");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("xauth_map");
	TCase	*tc = tcase_create("pair");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_xauth_breaks_l2l);
	tcase_add_test(tc, test_no_xauth_l2l);
	tcase_add_test(tc, test_am_xauth_breaks_l2l);
	tcase_add_test(tc, test_am_no_xauth_l2l);
	tcase_add_test(tc, test_map_client_config);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(suite());
	int	 nf;

	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? 0 : 1;
}
