/*
 * Issue 17: every transform of IOS's `crypto ipsec transform-set NAME ?`
 * list works end to end between two iosh routers (tests/pair.c), tunnel
 * and transport mode, or is refused with its message (docs/TRANSFORMS.md):
 * test_walk_list, test_walk.  And the capture tests/capture_tshark.sh
 * judges with tshark: AH alone and AH+ESP on the serial link
 * (test_ah_capture).
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "lib/strbuf.h"
#include "shell/router.h"
#include "shell/session.h"
#include "tests/pair.h"

static void
setup(void)
{
	pair_open(NULL);
}

/*
 * Every transform of IOS's `crypto ipsec transform-set NAME ?` list either
 * works end to end, tunnel and transport mode, or is refused with its
 * message (docs/TRANSFORMS.md says why).  test_walk_list reads the list
 * from `?` itself and requires exactly these rows, so a transform added
 * to the grammar without a row here fails; test_walk runs each row: the
 * set it names on both routers, a ping of 3 (the first echo starts IKE)
 * in each mode, and both routers count 2 packets each way in that mode,
 * with no receive error.  A cipher is run alone where IOS takes it alone
 * (esp-seal needs an HMAC), an HMAC alone likewise (ESP_NULL with it on
 * the wire, RFC 2410).
 */
static const struct {
	const char	*kw;		/* as `?` lists it */
	const char	*set;		/* the set that runs it */
	const char	*refused;	/* its message, or NULL: it works */
} walk[] = {
	{ "ah-md5-hmac", "ah-md5-hmac", NULL },
	{ "ah-sha-hmac", "ah-sha-hmac", NULL },
	{ "ah-sha256-hmac", "ah-sha256-hmac", NULL },
	{ "ah-sha384-hmac", "ah-sha384-hmac", NULL },
	{ "ah-sha512-hmac", "ah-sha512-hmac", NULL },
	{ "comp-lzs", "esp-aes comp-lzs", "% Transform set TSET: comp-lzs "
	    "is not supported by the crypto engine\n" },
	{ "esp-3des", "esp-3des", NULL },
	{ "esp-aes", "esp-aes", NULL },
	{ "esp-des", "esp-des", NULL },
	{ "esp-gcm", "esp-gcm", NULL },
	{ "esp-gmac", "esp-gmac", NULL },
	{ "esp-md5-hmac", "esp-md5-hmac", NULL },
	{ "esp-null", "esp-null", NULL },
	{ "esp-seal", "esp-seal esp-sha-hmac", NULL },
	{ "esp-sha-hmac", "esp-sha-hmac", NULL },
	{ "esp-sha256-hmac", "esp-sha256-hmac", NULL },
	{ "esp-sha384-hmac", "esp-sha384-hmac", NULL },
	{ "esp-sha512-hmac", "esp-sha512-hmac", NULL },
};

START_TEST(test_walk_list)
{
	struct strbuf	 sb;
	const char	*p;
	char		 kw[32];
	size_t		 i = 0;

	fx_run(&pair[R1], "configure terminal");
	strbuf_init(&sb);
	session_help(pair[R1].fx_sess, "crypto ipsec transform-set TSET ",
	    &sb);
	/* One line per transform, "  keyword  help", then a blank line. */
	for (p = sb.sb_buf; sscanf(p, "  %31s", kw) == 1;
	    p = strchr(p, '\n') + 1) {
		ck_assert_msg(i < sizeof(walk) / sizeof(walk[0]), "%s",
		    sb.sb_buf);
		ck_assert_str_eq(kw, walk[i].kw);
		i++;
	}
	ck_assert_msg(i == sizeof(walk) / sizeof(walk[0]), "%s", sb.sb_buf);
	strbuf_free(&sb);
}
END_TEST

START_TEST(test_walk)
{
	const char	*out, *mode;
	char		 line[128], want[160];
	int		 tr, r;

	fx_run(&pair[R1], "configure terminal");
	snprintf(line, sizeof(line), "crypto ipsec transform-set TSET %s",
	    walk[_i].set);
	if (walk[_i].refused != NULL) {
		ck_assert_str_eq(fx_run(&pair[R1], line), walk[_i].refused);
		ck_assert_ptr_null(crypto_transform_find(
		    pair[R1].fx_rt.r_sys.sy_crypto, "TSET"));
		return;
	}
	ck_assert_str_eq(fx_run(&pair[R1], line), "");
	fx_run(&pair[R1], "end");
	for (tr = 0; tr <= 1; tr++) {
		if (tr) {
			pair_close();
			pair_open(NULL);
		}
		mode = tr ? "Transport" : "Tunnel";
		out = pair_set_ping(walk[_i].set, tr, 3);
		ck_assert_msg(strstr(out, "\n.!!\nSuccess rate is 66 percent "
		    "(2/3)") != NULL, "%s %s: %s", walk[_i].set, mode, out);
		for (r = R1; r <= R2; r++) {
			out = fx_run(&pair[r], "show crypto ipsec sa");
			snprintf(want, sizeof(want), "in use settings ={%s, }",
			    mode);
			ck_assert_msg(strstr(out, want) != NULL &&
			    strstr(out, "    #pkts encaps: 2, ") != NULL &&
			    strstr(out, "    #pkts decaps: 2, ") != NULL &&
			    strstr(out, ", #recv errors 0\n") != NULL,
			    "%s %s: %s", walk[_i].set, mode, out);
		}
	}
}
END_TEST

/*
 * With CAPTURE_DIR set (tests/capture_tshark.sh runs this case): R1's
 * serial link captured while AH alone and the AH+ESP bundle carry pings,
 * tunnel and transport mode, exported as DIR/NAME.pcap, with the ESP keys
 * of R1's SAs (`test crypto wireshark-keys DIR/NAME`) beside it, for
 * tshark to dissect and decrypt.  Registered only with CAPTURE_DIR.
 */
static const struct {
	const char	*name, *xf;
	bool		 transport;
} capxf[] = {
	{ "ah_tunnel", "ah-sha256-hmac", false },
	{ "ah_transport", "ah-md5-hmac", true },
	{ "bundle_tunnel", "ah-sha-hmac esp-aes 256 esp-sha-hmac", false },
	{ "bundle_transport", "ah-sha512-hmac esp-3des esp-sha-hmac", true },
};

START_TEST(test_ah_capture)
{
	char		 cmd[256], want[256];
	const char	*dir = getenv("CAPTURE_DIR"), *out;

	pair_config(R1, "service internal\n");
	ck_assert_str_eq(fx_run(&pair[R1],
	    "monitor capture CAP interface Serial1/2 both"), "");
	ck_assert_str_eq(fx_run(&pair[R1], "monitor capture CAP start"),
	    "Started capture point : CAP\n");
	out = pair_set_ping(capxf[_i].xf, capxf[_i].transport, 5);
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	ck_assert_str_eq(fx_run(&pair[R1], "monitor capture CAP stop"),
	    "Stopped capture point : CAP\n");
	snprintf(cmd, sizeof(cmd), "monitor capture CAP export %s/%s.pcap",
	    dir, capxf[_i].name);
	ck_assert_str_eq(fx_run(&pair[R1], cmd), "Exported Successfully\n");
	snprintf(cmd, sizeof(cmd), "test crypto wireshark-keys %s/%s", dir,
	    capxf[_i].name);
	/* AH alone has no ESP keys to write. */
	snprintf(want, sizeof(want), "Wrote 1 ISAKMP and %d ESP keys to "
	    "%s/%s\n", strstr(capxf[_i].xf, "esp-") != NULL ? 2 : 0, dir,
	    capxf[_i].name);
	ck_assert_str_eq(fx_run(&pair[R1], cmd), want);
}
END_TEST

static Suite *
walk_suite(void)
{
	Suite	*s = suite_create("walk");
	TCase	*tc = tcase_create("walk");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_walk_list);
	tcase_add_loop_test(tc, test_walk, 0, sizeof(walk) / sizeof(walk[0]));
	suite_add_tcase(s, tc);
	/* Only for tests/capture_tshark.sh, which judges what it writes
	 * (the walk above already runs each of these sets). */
	if (getenv("CAPTURE_DIR") != NULL) {
		tc = tcase_create("ah capture");
		tcase_add_checked_fixture(tc, setup, pair_close);
		tcase_set_timeout(tc, 60);
		tcase_add_loop_test(tc, test_ah_capture, 0,
		    sizeof(capxf) / sizeof(capxf[0]));
		suite_add_tcase(s, tc);
	}
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(walk_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
