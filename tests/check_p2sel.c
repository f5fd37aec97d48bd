/*
 * Unit tests for crypto/ike_p2sel: a Quick Mode offer read with IOS's
 * debug lines (seeds 001 and 003) and matched against transform sets.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_p2sel.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"
#include "lib/clock.h"
#include "tests/fixture.h"

static struct fixture		 fx;
static uint8_t			 msg[1024];
static struct isakmp_msg	 im;
static struct isakmp_sa_pl	 sa;

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx, NULL);
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "no service timestamps debug\n"
	    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac\nexit\n"
	    "crypto ipsec transform-set AES esp-aes esp-sha-hmac\nexit\n"
	    "crypto ipsec transform-set DES esp-des esp-sha-hmac\nexit\n"
	    "crypto ipsec transform-set TR esp-3des esp-md5-hmac\n"
	    "mode transport\nend\n");
	fx_run(&fx, "debug crypto isakmp");
}

static void
teardown(void)
{
	fx_close(&fx);
	clock_use_real();
}

struct part {
	uint8_t		no, proto, id;
	uint16_t	auth, encaps, keylen, group;
};

/* A Quick Mode SA payload of PARTS, each with IOS's lifetimes (3600 s
 * basic, 4608000 KB as a VPI). */
static void
build(const struct part *p, size_t n)
{
	static const uint8_t	 spi[4] = { 0x2e, 0x55, 0x93, 0xae };
	struct isakmp_hdr	 h;
	struct isakmp_build	 ib;
	size_t			 i, len;

	memset(&h, 0, sizeof(h));
	h.ih_version = ISAKMP_VERSION;
	h.ih_exchange = ISAKMP_XCHG_QUICK;
	isakmp_build_init(&ib, msg, sizeof(msg), &h);
	isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	for (i = 0; i < n; i++) {
		isakmp_build_prop_begin(&ib, p[i].no, p[i].proto, spi, 4);
		isakmp_build_xf_begin(&ib, 1, p[i].id);
		isakmp_build_attr_tv(&ib, IPSEC_ATTR_ENCAP_MODE, p[i].encaps);
		isakmp_build_attr_tv(&ib, IPSEC_ATTR_LIFE_TYPE,
		    IPSEC_LIFE_SECONDS);
		isakmp_build_attr_tv(&ib, IPSEC_ATTR_LIFE_DURATION, 3600);
		isakmp_build_attr_tv(&ib, IPSEC_ATTR_LIFE_TYPE,
		    IPSEC_LIFE_KILOBYTES);
		isakmp_build_attr_var(&ib, IPSEC_ATTR_LIFE_DURATION, 4608000);
		if (p[i].auth != 0)
			isakmp_build_attr_tv(&ib, IPSEC_ATTR_AUTH_ALG,
			    p[i].auth);
		if (p[i].keylen != 0)
			isakmp_build_attr_tv(&ib, IPSEC_ATTR_KEY_LENGTH,
			    p[i].keylen);
		if (p[i].group != 0)
			isakmp_build_attr_tv(&ib, IPSEC_ATTR_GROUP_DESC,
			    p[i].group);
		isakmp_build_end(&ib);
		isakmp_build_end(&ib);
	}
	isakmp_build_end(&ib);
	ck_assert_int_eq(isakmp_build_finish(&ib, &len), ISAKMP_OK);
	ck_assert_int_eq(isakmp_decode(&im, msg, len), ISAKMP_OK);
	ck_assert_int_eq(isakmp_sa_parse(&im.im_pld[0], &sa), ISAKMP_OK);
}

static const struct transform_set *
ts(const char *name)
{
	return crypto_transform_find(fx.fx_rt.r_sys.sy_crypto, name);
}

/* Seed 001: R2's answer, read by R1 (conn-id 1002). */
START_TEST(test_seed001)
{
	static const struct part esp3des[] = {
		{ 1, ISAKMP_PROTO_ESP, IPSEC_ESP_3DES, IPSEC_AUTH_HMAC_MD5,
		  IPSEC_ENCAP_TUNNEL, 0, 0 },
	};
	const struct transform_set	*sets[2];
	struct isakmp_iter		 it;
	struct p2_offer			 of;
	struct strbuf			 sb;

	build(esp3des, 1);
	strbuf_reset(&fx.fx_out);
	isakmp_sa_props(&sa, &it);
	ck_assert(ike_p2_read(fx.fx_rt.r_sys.sy_crypto, 1002, &it, &of));
	ck_assert_str_eq(fx.fx_out.sb_buf,
	    "ISAKMP:(1002):Checking IPSec proposal 1\n"
	    "ISAKMP: transform 1, ESP_3DES\n"
	    "ISAKMP:   attributes in transform:\n"
	    "ISAKMP:      encaps is 1 (Tunnel)\n"
	    "ISAKMP:      SA life type in seconds\n"
	    "ISAKMP:      SA life duration (basic) of 3600\n"
	    "ISAKMP:      SA life type in kilobytes\n"
	    "ISAKMP:      SA life duration (VPI) of  0x0 0x46 0x50 0x0\n"
	    "ISAKMP:      authenticator is HMAC-MD5\n"
	    "ISAKMP:(1002):atts are acceptable.\n");
	ck_assert(!ike_p2_read(fx.fx_rt.r_sys.sy_crypto, 1002, &it, &of));
	ck_assert_uint_eq(of.po_life_s, 3600);
	ck_assert_uint_eq(of.po_life_kb, 4608000);
	ck_assert_uint_eq(of.po_esp_spi[0], 0x2e);
	sets[0] = ts("DES");
	sets[1] = ts("TSET");
	ck_assert_ptr_eq(ike_p2_match(&of, sets, 2, 0), ts("TSET"));
	ck_assert_ptr_null(ike_p2_match(&of, sets, 1, 0));
	/* PFS required and not offered. */
	ck_assert_ptr_null(ike_p2_match(&of, sets, 2, 2));
	/* A transport-mode set takes a tunnel offer (IOS falls back). */
	sets[0] = ts("TR");
	ck_assert_ptr_eq(ike_p2_match(&of, sets, 1, 0), ts("TR"));
	strbuf_init(&sb);
	ike_p2_offer_text(&of, &sb);
	ck_assert_str_eq(sb.sb_buf, "esp-3des esp-md5-hmac");
	strbuf_free(&sb);
}
END_TEST

/* Seed 003's ESP_AES with its key length; a transport offer is refused
 * by a tunnel set; a second proposal is read after the first. */
START_TEST(test_aes_and_two_proposals)
{
	static const struct part offers[] = {
		{ 1, ISAKMP_PROTO_ESP, IPSEC_ESP_DES, IPSEC_AUTH_HMAC_SHA,
		  IPSEC_ENCAP_TRANSPORT, 0, 0 },
		{ 2, ISAKMP_PROTO_ESP, IPSEC_ESP_AES, IPSEC_AUTH_HMAC_SHA,
		  IPSEC_ENCAP_TUNNEL, 128, 2 },
	};
	const struct transform_set	*sets[2];
	struct isakmp_iter		 it;
	struct p2_offer			 of;
	struct strbuf			 sb;

	build(offers, 2);
	isakmp_sa_props(&sa, &it);
	sets[0] = ts("DES");
	sets[1] = ts("AES");
	ck_assert(ike_p2_read(fx.fx_rt.r_sys.sy_crypto, 1011, &it, &of));
	ck_assert_ptr_null(ike_p2_match(&of, sets, 2, 0));
	strbuf_init(&sb);
	ike_p2_offer_text(&of, &sb);
	ck_assert_str_eq(sb.sb_buf, "esp-des esp-sha-hmac");
	strbuf_free(&sb);
	strbuf_reset(&fx.fx_out);
	ck_assert(ike_p2_read(fx.fx_rt.r_sys.sy_crypto, 1011, &it, &of));
	ck_assert_str_eq(fx.fx_out.sb_buf,
	    "ISAKMP:(1011):Checking IPSec proposal 2\n"
	    "ISAKMP: transform 1, ESP_AES\n"
	    "ISAKMP:   attributes in transform:\n"
	    "ISAKMP:      encaps is 1 (Tunnel)\n"
	    "ISAKMP:      SA life type in seconds\n"
	    "ISAKMP:      SA life duration (basic) of 3600\n"
	    "ISAKMP:      SA life type in kilobytes\n"
	    "ISAKMP:      SA life duration (VPI) of  0x0 0x46 0x50 0x0\n"
	    "ISAKMP:      authenticator is HMAC-SHA\n"
	    "ISAKMP:      key length is 128\n"
	    "ISAKMP:      group is 2\n"
	    "ISAKMP:(1011):atts are acceptable.\n");
	ck_assert_ptr_eq(ike_p2_match(&of, sets, 2, 2), ts("AES"));
	ck_assert_ptr_null(ike_p2_match(&of, sets, 2, 5));
}
END_TEST

/* An unknown transform or attribute makes the proposal unacceptable. */
START_TEST(test_unsupported)
{
	static const struct part bad[] = {
		{ 1, ISAKMP_PROTO_ESP, 99, IPSEC_AUTH_HMAC_SHA,
		  IPSEC_ENCAP_TUNNEL, 0, 0 },
	};
	const struct transform_set	*sets[1];
	struct isakmp_iter		 it;
	struct p2_offer			 of;

	build(bad, 1);
	strbuf_reset(&fx.fx_out);
	isakmp_sa_props(&sa, &it);
	ck_assert(ike_p2_read(fx.fx_rt.r_sys.sy_crypto, 5, &it, &of));
	ck_assert(!of.po_ok);
	ck_assert_ptr_nonnull(strstr(fx.fx_out.sb_buf,
	    "ISAKMP: transform 1, 99\n"));
	ck_assert_ptr_nonnull(strstr(fx.fx_out.sb_buf,
	    "ISAKMP:(5):atts are not acceptable.\n"));
	sets[0] = ts("AES");
	ck_assert_ptr_null(ike_p2_match(&of, sets, 1, 0));
}
END_TEST

static Suite *
p2sel_suite(void)
{
	Suite	*s = suite_create("p2sel");
	TCase	*tc = tcase_create("p2sel");

	/* Each case builds routers (about a CPU second under ASan): Check's
	 * 4 s default failed them in a loaded `make -j distcheck`. */
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_seed001);
	tcase_add_test(tc, test_aes_and_two_proposals);
	tcase_add_test(tc, test_unsupported);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(p2sel_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
