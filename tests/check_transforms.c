/*
 * The ESP transforms beyond esp-des/3des/aes with MD5/SHA-1 (issue 17)
 * between two iosh routers: CCIE lab 13-1's pair (tests/pair.c) with seed
 * 001's crypto configuration and its transform set redefined, tunnel
 * mode.  For each of esp-gcm and esp-gmac 128/192/256, the SHA-2 HMACs
 * esp-null with and without an HMAC and esp-seal with MD5, SHA-1 and
 * SHA-256 HMACs: Quick Mode agrees, pings pass
 * (the first echo starts IKE), both routers' #pkts counters say 4 each
 * way, and show crypto ipsec sa names the transform and its IV size.
 * Then what does not agree (GCM key sizes) and what the parser refuses
 * (an authentication transform after esp-gcm), and the debug lines of
 * the offer.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "shell/router.h"
#include "tests/pair.h"

static void
setup(void)
{
	pair_open(NULL);
}

static const struct {
	const char	*xf;		/* as configured and shown */
	unsigned	 iv;		/* IV size: N bytes */
} xf[] = {
	{ "esp-gcm", 8 },
	{ "esp-gcm 192", 8 },
	{ "esp-gcm 256", 8 },
	{ "esp-gmac", 8 },
	{ "esp-gmac 192", 8 },
	{ "esp-gmac 256", 8 },
	{ "esp-aes esp-sha256-hmac", 16 },
	{ "esp-aes 192 esp-sha384-hmac", 16 },
	{ "esp-aes 256 esp-sha512-hmac", 16 },
	{ "esp-3des esp-sha256-hmac", 8 },
	{ "esp-null esp-sha512-hmac", 0 },
	{ "esp-null esp-md5-hmac", 0 },
	{ "esp-null", 0 },
	{ "esp-seal esp-sha-hmac", 0 },		/* seed 004 */
	{ "esp-seal esp-md5-hmac", 0 },
	{ "esp-seal esp-sha256-hmac", 0 },
};

/* Both routers with seed 001's crypto and transform set TSET = XF. */
static void
both(const char *xf1, const char *xf2)
{
	char	line[128];

	pair_crypto_cfg(R1, "3des", "cisco",
	    "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(R2, "3des", "cisco",
	    "permit ip host 2.2.2.2 host 1.1.1.1");
	snprintf(line, sizeof(line), "crypto ipsec transform-set TSET %s\n",
	    xf1);
	pair_config(R1, line);
	snprintf(line, sizeof(line), "crypto ipsec transform-set TSET %s\n",
	    xf2);
	pair_config(R2, line);
}

START_TEST(test_tunnel)
{
	const char	*out;
	char		 want[160];
	int		 r;
	bool		 nul = strcmp(xf[_i].xf, "esp-null") == 0;

	both(xf[_i].xf, xf[_i].xf);
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.!!!!\nSuccess rate is 80 percent "
	    "(4/5)") != NULL, "%s: %s", xf[_i].xf, out);
	for (r = R1; r <= R2; r++) {
		out = fx_run(&pair[r], "show crypto ipsec sa");
		/* The flow's counters count packets (ipsec_out/in.c);
		 * esp-null alone has no ICV: nothing digested or
		 * verified, and no replay detection. */
		ck_assert_msg(strstr(out, nul ? "    #pkts encaps: 4, #pkts "
		    "encrypt: 4, #pkts digest: 0\n    #pkts decaps: 4, #pkts "
		    "decrypt: 4, #pkts verify: 0\n" : "    #pkts encaps: 4, "
		    "#pkts encrypt: 4, #pkts digest: 4\n    #pkts decaps: 4, "
		    "#pkts decrypt: 4, #pkts verify: 4\n") != NULL, "%s", out);
		ck_assert_msg(strstr(out, nul ? "replay detection support: "
		    "N\n" : "replay detection support: Y\n") != NULL, "%s",
		    out);
		ck_assert_msg(strstr(out, "    #send errors 0, #recv errors "
		    "0\n") != NULL || (r == R1 && strstr(out,
		    "    #send errors 1, #recv errors 0\n") != NULL),
		    "%s", out);
		/* Two SAs, inbound and outbound, each naming it. */
		snprintf(want, sizeof(want), "        transform: %s ,\n"
		    "        in use settings ={Tunnel, }\n", xf[_i].xf);
		ck_assert_msg(strstr(out, want) != NULL &&
		    strstr(strstr(out, want) + 1, want) != NULL, "%s", out);
		snprintf(want, sizeof(want), "        IV size: %u bytes\n",
		    xf[_i].iv);
		ck_assert_msg(strstr(out, want) != NULL, "%s", out);
	}
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0 repeat 20 "
	    "size 1400");
	ck_assert_msg(strstr(out, "\n!!!!!!!!!!!!!!!!!!!!\nSuccess rate is "
	    "100 percent (20/20)") != NULL, "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, nul ? "#pkts decaps: 24, #pkts decrypt: "
	    "24, #pkts verify: 0\n" : "#pkts decaps: 24, #pkts decrypt: 24, "
	    "#pkts verify: 24\n") != NULL, "%s", out);
}
END_TEST

/*
 * AH (RFC 4302) alone and in front of ESP, tunnel and transport mode.
 * Tunnel: loopback to loopback as above.  Transport: the ACL names the
 * serial addresses themselves (the crypto endpoints) and both sets say
 * `mode transport`, so pings between them get AH after their own
 * header.  Both routers count 4 packets each way, digested and
 * verified, encrypted only where there is ESP; the ah sas blocks carry
 * the AH SPIs and the AH transform, the esp sas blocks ESP's; no
 * receive error.  (Each AH HMAC alone runs in both modes in check_walk.)
 */
static const struct {
	const char	*xf;
	bool		 transport;
} ahxf[] = {
	{ "ah-sha256-hmac", false },
	{ "ah-sha-hmac esp-aes 256 esp-sha-hmac", false },
	{ "ah-sha256-hmac esp-gcm", false },
	{ "ah-md5-hmac", true },
	{ "ah-sha-hmac esp-aes 256 esp-sha-hmac", true },
};

/* The first block of list HEAD ("inbound ah sas:") in OUT, up to the next
 * list: a copy in a static buffer. */
static const char *
sa_list_text(const char *out, const char *head)
{
	static char	 buf[2048];
	const char	*p = strstr(out, head), *e;

	ck_assert_msg(p != NULL, "%s", out);
	p += strlen(head);
	e = strstr(p, " sas:\n");
	e = e != NULL ? e : p + strlen(p);
	ck_assert(e - p < (long)sizeof(buf));
	memcpy(buf, p, (size_t)(e - p));
	buf[e - p] = '\0';
	return buf;
}

START_TEST(test_ah)
{
	const char	*out, *l, *ahw;
	char		 want[200], ahname[32], espw[64];
	bool		 esp = strstr(ahxf[_i].xf, "esp-") != NULL;
	bool		 tr = ahxf[_i].transport;
	int		 r;

	out = pair_set_ping(ahxf[_i].xf, tr, 5);
	ck_assert_msg(strstr(out, "\n.!!!!\nSuccess rate is 80 percent "
	    "(4/5)") != NULL, "%s: %s", ahxf[_i].xf, out);
	sscanf(ahxf[_i].xf, "%31s", ahname);
	ahw = strchr(ahxf[_i].xf, ' ');
	snprintf(espw, sizeof(espw), "%s", ahw != NULL ? ahw + 1 : "");
	for (r = R1; r <= R2; r++) {
		out = fx_run(&pair[r], "show crypto ipsec sa");
		snprintf(want, sizeof(want), "    #pkts encaps: 4, #pkts "
		    "encrypt: %d, #pkts digest: 4\n    #pkts decaps: 4, "
		    "#pkts decrypt: %d, #pkts verify: 4\n", esp ? 4 : 0,
		    esp ? 4 : 0);
		ck_assert_msg(strstr(out, want) != NULL, "%s: %s",
		    ahxf[_i].xf, out);
		ck_assert_msg(strstr(out, "    #send errors 0, #recv errors "
		    "0\n") != NULL || (r == R1 && strstr(out,
		    "    #send errors 1, #recv errors 0\n") != NULL),
		    "%s", out);
		snprintf(want, sizeof(want), "        transform: %s ,\n"
		    "        in use settings ={%s, }\n", ahname,
		    tr ? "Transport" : "Tunnel");
		/* One AH SA each way, no IV line in it. */
		l = sa_list_text(out, "inbound ah sas:\n");
		ck_assert_msg(strstr(l, want) != NULL &&
		    strstr(l, "IV size") == NULL &&
		    strstr(l, "replay detection support: Y\n") != NULL,
		    "%s", out);
		l = sa_list_text(out, "outbound ah sas:\n");
		ck_assert_msg(strstr(l, want) != NULL, "%s", out);
		l = sa_list_text(out, "inbound esp sas:\n");
		if (esp) {
			snprintf(want, sizeof(want), "        transform: %s "
			    ",\n", espw);
			ck_assert_msg(strstr(l, want) != NULL, "%s", out);
		} else
			ck_assert_msg(strcmp(l, "\n     inbound") == 0 ||
			    strstr(l, "spi:") == NULL, "%s", out);
	}
	/* A full-size datagram both ways, 20 more. */
	out = pair_run_wait(R1, tr ? "ping 12.1.1.2 repeat 20 size 1400" :
	    "ping 2.2.2.2 source loopback0 repeat 20 size 1400");
	ck_assert_msg(strstr(out, "\n!!!!!!!!!!!!!!!!!!!!\nSuccess rate is "
	    "100 percent (20/20)") != NULL, "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	snprintf(want, sizeof(want), "#pkts decaps: 24, #pkts decrypt: %d, "
	    "#pkts verify: 24\n", esp ? 24 : 0);
	ck_assert_msg(strstr(out, want) != NULL, "%s", out);
}
END_TEST

/*
 * The debug lines of an AH+ESP bundle: R1's sa_request is one block per
 * protocol, AH's first; R2 reads AH's part, then ESP's, under proposal 1,
 * and finds them acceptable together.
 */
START_TEST(test_ah_debug)
{
	static const char *const r1[] = {
		"IPSEC(sa_request): ,",
		"    protocol= AH, transform= ah-sha-hmac  (Tunnel),",
		"IPSEC(sa_request): ,",
		"    protocol= ESP, transform= esp-aes 256 esp-sha-hmac  "
		    "(Tunnel),",
		NULL
	};
	static const char *const r2[] = {
		"ISAKMP:(1001):Checking IPSec proposal 1",
		"ISAKMP: transform 1, AH_SHA",
		"ISAKMP:      authenticator is HMAC-SHA",
		"ISAKMP: transform 1, ESP_AES",
		"ISAKMP:      key length is 256",
		"ISAKMP:(1001):atts are acceptable.",
		NULL
	};
	const char	*miss;

	fx_run(&pair[R1], "debug crypto ipsec");
	fx_run(&pair[R2], "debug crypto isakmp");
	strbuf_reset(&pair[R2].fx_out);
	pair_set_ping("ah-sha-hmac esp-aes 256 esp-sha-hmac", false, 5);
	miss = pair_lines_in_order(R1, r1);
	ck_assert_msg(miss == NULL, "%s: %s", miss, pair[R1].fx_out.sb_buf);
	miss = pair_lines_in_order(R2, r2);
	ck_assert_msg(miss == NULL, "%s: %s", miss, pair[R2].fx_out.sb_buf);
}
END_TEST

/* esp-gcm 256 offered, esp-gcm 128 configured: the key length decides,
 * no SA; and GCM against GMAC of the same size neither. */
START_TEST(test_mismatch)
{
	const char	*out;

	both("esp-gcm 256", "esp-gcm");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/5)") != NULL,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\n      spi: 0x") == NULL, "%s", out);
	pair_close();
	pair_open(NULL);
	both("esp-gmac 256", "esp-gcm 256");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/5)") != NULL,
	    "%s", out);
}
END_TEST

/* R2's `debug crypto isakmp` on an esp-gcm 256 offer, and the set as
 * show crypto ipsec transform-set and the running configuration give it. */
START_TEST(test_debug_and_show)
{
	const char	*out;

	both("esp-gcm 256", "esp-gcm 256");
	fx_run(&pair[R2], "debug crypto isakmp");
	pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(pair_has(R2, "ISAKMP: transform 1, ESP_GCM"), "%s",
	    pair[R2].fx_out.sb_buf);
	ck_assert(pair_has(R2, "ISAKMP:      key length is 256"));
	ck_assert(!pair_has(R2, "authenticator is"));
	ck_assert(pair_has(R2, "atts are acceptable."));
	out = fx_run(&pair[R1], "show crypto ipsec transform-set");
	ck_assert_msg(strstr(out, "Transform set TSET: { esp-gcm 256 }\n"
	    "   will negotiate = { Tunnel,  },\n") != NULL, "%s", out);
	out = fx_run(&pair[R1], "show running-config");
	ck_assert_msg(strstr(out, "crypto ipsec transform-set TSET "
	    "esp-gcm 256\n") != NULL, "%s", out);
}
END_TEST

/*
 * `crypto ipsec security-association replay disable` on R2: its SAs from
 * then on check no sequence numbers (show: "replay detection support:
 * N"), R1's still do; traffic passes both ways.  Then `window-size
 * 1024` instead, after a clear: checked again; then the crypto map
 * entry's `set security-association replay disable` over it.
 */
START_TEST(test_replay_disable)
{
	const char	*out;

	both("esp-aes esp-sha-hmac", "esp-aes esp-sha-hmac");
	pair_config(R2, "crypto ipsec security-association replay disable\n");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "replay detection support: Y") == NULL &&
	    strstr(out, "replay detection support: N\n") != NULL &&
	    strstr(out, "#pkts decaps: 4, #pkts decrypt: 4, #pkts verify: "
	    "4\n") != NULL, "%s", out);
	out = fx_run(&pair[R1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "replay detection support: N") == NULL,
	    "%s", out);
	pair_config(R2, "crypto ipsec security-association replay "
	    "window-size 1024\n");
	fx_run(&pair[R1], "clear crypto sa");
	fx_run(&pair[R2], "clear crypto sa");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "replay detection support: N") == NULL &&
	    strstr(out, "replay detection support: Y\n") != NULL, "%s", out);
	/* The map entry's own setting wins over the global one. */
	pair_config(R2, "crypto map TST 10 ipsec-isakmp\n"
	    " set security-association replay disable\n");
	fx_run(&pair[R1], "clear crypto sa");
	fx_run(&pair[R2], "clear crypto sa");
	out = pair_run_wait(R1, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent (4/5)") != NULL,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "replay detection support: Y") == NULL &&
	    strstr(out, "replay detection support: N\n") != NULL, "%s", out);
}
END_TEST

/* IOS's answer to LINE typed at R1(config)#: the caret under BAD. */
static void
assert_caret(const char *line, const char *bad)
{
	static char	want[256];
	size_t		col = strlen("R1(config)#") +
			    (size_t)(strstr(line, bad) - line);

	memset(want, ' ', col);
	snprintf(want + col, sizeof(want) - col,
	    "^\n%% Invalid input detected at '^' marker.\n\n");
	ck_assert_str_eq(fx_run(&pair[R1], line), want);
}

/* esp-gcm and esp-gmac authenticate by themselves: the parser offers no
 * ESP authentication transform after or before them (the caret), a
 * second cipher neither; AH still goes with them (compression is
 * refused whatever it goes with: check_walk). */
START_TEST(test_gcm_takes_no_hmac)
{
	fx_run(&pair[R1], "configure terminal");
	assert_caret("crypto ipsec transform-set X esp-gcm 256 esp-sha-hmac",
	    "esp-sha-hmac");
	/* After an HMAC, "esp-" still begins esp-3des...: the caret goes
	 * under the first letter nothing offered has. */
	assert_caret("crypto ipsec transform-set X esp-sha256-hmac esp-gmac",
	    "gmac");
	assert_caret("crypto ipsec transform-set X esp-gcm esp-aes",
	    "esp-aes");
	ck_assert_ptr_null(crypto_transform_find(pair[R1].fx_rt.r_sys.sy_crypto,
	    "X"));
	ck_assert_str_eq(fx_run(&pair[R1],
	    "crypto ipsec transform-set X esp-gmac 192 ah-sha384-hmac"), "");
	fx_run(&pair[R1], "exit");
	ck_assert_str_eq(fx_run(&pair[R1],
	    "crypto ipsec transform-set Y esp-aes 256 esp-sha512-hmac"), "");
	fx_run(&pair[R1], "end");
	ck_assert_str_eq(fx_run(&pair[R1],
	    "show crypto ipsec transform-set tag X"),
	    "Transform set X: { ah-sha384-hmac  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "   { esp-gmac 192 }\n"
	    "   will negotiate = { Tunnel,  },\n\n");
}
END_TEST

static Suite *
transforms_suite(void)
{
	Suite	*s = suite_create("transforms");
	TCase	*tc = tcase_create("transforms");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_tunnel, 0, sizeof(xf) / sizeof(xf[0]));
	tcase_add_loop_test(tc, test_ah, 0, sizeof(ahxf) / sizeof(ahxf[0]));
	tcase_add_test(tc, test_ah_debug);
	tcase_add_test(tc, test_mismatch);
	tcase_add_test(tc, test_debug_and_show);
	tcase_add_test(tc, test_gcm_takes_no_hmac);
	tcase_add_test(tc, test_replay_disable);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(transforms_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
