/*
 * Unit tests for crypto/ike_p1sel: IOS's phase-1 policy walk, with its
 * debug lines compared to the seeds: 000's responder walking a Linksys's
 * four transforms against four policies (12.x), 001's initiator
 * accepting the one transform chosen (15.x, lifetime lines).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_p1sel.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"
#include "lib/clock.h"
#include "tests/fixture.h"

static struct fixture	 fx;
static uint8_t		 msg[1024];
static struct isakmp_msg im;
static struct isakmp_prop prop;

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx, NULL);
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "no service timestamps debug");
}

static void
teardown(void)
{
	fx_close(&fx);
	clock_use_real();
}

struct offer {
	uint16_t	enc, hash, auth, group;
	bool		auth_before_group;	/* attribute order on the wire */
};

/* An SA payload with one proposal of the transforms OF[0..N), each with
 * a life of 86400 seconds as a 4-byte VPI, in a Main Mode message. */
static void
build(const struct offer *of, size_t n)
{
	struct isakmp_hdr	 h;
	struct isakmp_build	 ib;
	struct isakmp_sa_pl	 sa;
	struct isakmp_iter	 it;
	size_t			 i, len;

	memset(&h, 0, sizeof(h));
	memset(h.ih_icookie, 0x11, sizeof(h.ih_icookie));
	h.ih_version = ISAKMP_VERSION;
	h.ih_exchange = ISAKMP_XCHG_IDPROT;
	isakmp_build_init(&ib, msg, sizeof(msg), &h);
	isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(&ib, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	for (i = 0; i < n; i++) {
		isakmp_build_xf_begin(&ib, (uint8_t)(i + 1), ISAKMP_XF_KEY_IKE);
		isakmp_build_attr_tv(&ib, IKE_ATTR_ENC, of[i].enc);
		isakmp_build_attr_tv(&ib, IKE_ATTR_HASH, of[i].hash);
		if (of[i].auth_before_group)
			isakmp_build_attr_tv(&ib, IKE_ATTR_AUTH, of[i].auth);
		isakmp_build_attr_tv(&ib, IKE_ATTR_GROUP_DESC, of[i].group);
		if (!of[i].auth_before_group)
			isakmp_build_attr_tv(&ib, IKE_ATTR_AUTH, of[i].auth);
		isakmp_build_attr_tv(&ib, IKE_ATTR_LIFE_TYPE,
		    IKE_ATTR_LIFE_SECONDS);
		isakmp_build_attr_var(&ib, IKE_ATTR_LIFE_DURATION, 86400);
		isakmp_build_end(&ib);
	}
	isakmp_build_end(&ib);
	isakmp_build_end(&ib);
	ck_assert_int_eq(isakmp_build_finish(&ib, &len), ISAKMP_OK);
	ck_assert_int_eq(isakmp_decode(&im, msg, len), ISAKMP_OK);
	ck_assert_uint_eq(im.im_pld[0].pl_type, ISAKMP_PL_SA);
	ck_assert_int_eq(isakmp_sa_parse(&im.im_pld[0], &sa), ISAKMP_OK);
	isakmp_sa_props(&sa, &it);
	ck_assert(isakmp_prop_next(&it, &prop));
}

/* The attribute lines of one of seed 000's offers. */
static void
attrs000(struct strbuf *sb, const char *enc, const char *hash,
    unsigned group)
{
	strbuf_printf(sb,
	    "ISAKMP:      encryption %s\n"
	    "ISAKMP:      hash %s\n"
	    "ISAKMP:      auth pre-share\n"
	    "ISAKMP:      default group %u\n"
	    "ISAKMP:      life type in seconds\n"
	    "ISAKMP:      life duration (VPI) of  0x0 0x1 0x51 0x80\n",
	    enc, hash, group);
}

START_TEST(test_seed000_walk)
{
	/* The Linksys offers (seed 000), auth before group on the wire. */
	static const struct offer linksys[] = {
		{ IKE_ATTR_ENC_3DES, IKE_ATTR_HASH_SHA, IKE_ATTR_AUTH_PSK, 2,
		  true },
		{ IKE_ATTR_ENC_DES, IKE_ATTR_HASH_MD5, IKE_ATTR_AUTH_PSK, 1,
		  true },
		{ IKE_ATTR_ENC_3DES, IKE_ATTR_HASH_SHA, IKE_ATTR_AUTH_PSK, 2,
		  true },
		{ IKE_ATTR_ENC_3DES, IKE_ATTR_HASH_MD5, IKE_ATTR_AUTH_PSK, 2,
		  true },
	};
	static const char *const enc[] = { "3DES-CBC", "DES-CBC", "3DES-CBC",
	    "3DES-CBC" };
	static const char *const hash[] = { "SHA", "MD5", "SHA", "MD5" };
	static const unsigned group[] = { 2, 1, 2, 2 };
	/* Why each transform fails each of the first three policies. */
	static const char *const why[3][4] = {
		{ "Diffie-Hellman group", "Encryption algorithm",
		  "Diffie-Hellman group", "Hash algorithm" },
		{ "Hash algorithm", "Encryption algorithm", "Hash algorithm",
		  "Diffie-Hellman group" },
		{ "Encryption algorithm", "Hash algorithm",
		  "Encryption algorithm", "Encryption algorithm" },
	};
	struct ike_p1_sel	 sel;
	struct strbuf		 want;
	unsigned		 p, t;

	/* The router of seed 000: four policies, 12.x. */
	fx_run_quiet(&fx,
	    "version 12.3\n"
	    "crypto isakmp policy 1\nencr 3des\nauthentication pre-share\n"
	    "group 5\n"
	    "crypto isakmp policy 2\nencr 3des\nhash md5\n"
	    "authentication pre-share\ngroup 5\n"
	    "crypto isakmp policy 3\nauthentication pre-share\ngroup 5\n"
	    "crypto isakmp policy 4\nencr 3des\nauthentication pre-share\n"
	    "group 2\nend\n");
	fx_run(&fx, "debug crypto isakmp");
	build(linksys, 4);
	strbuf_reset(&fx.fx_out);
	ck_assert(ike_p1_select(fx.fx_rt.r_sys.sy_crypto, 709, &prop, &sel));
	strbuf_init(&want);
	for (p = 1; p <= 3; p++)
		for (t = 1; t <= 4; t++) {
			strbuf_printf(&want, "ISAKMP (0:709): Checking ISAKMP "
			    "transform %u against priority %u policy\n", t, p);
			attrs000(&want, enc[t - 1], hash[t - 1], group[t - 1]);
			strbuf_printf(&want, "ISAKMP (0:709): %s offered does "
			    "not match policy!\n"
			    "ISAKMP (0:709): atts are not acceptable. Next "
			    "payload is %u\n", why[p - 1][t - 1], t < 4 ? 3 : 0);
		}
	strbuf_puts(&want, "ISAKMP (0:709): Checking ISAKMP transform 1 "
	    "against priority 4 policy\n");
	attrs000(&want, "3DES-CBC", "SHA", 2);
	strbuf_puts(&want, "ISAKMP (0:709): atts are acceptable. Next payload "
	    "is 3\n");
	ck_assert_str_eq(fx.fx_out.sb_buf, want.sb_buf);
	strbuf_free(&want);
	ck_assert_uint_eq(sel.ps_policy->ip_priority, 4);
	ck_assert_uint_eq(sel.ps_xf.xf_no, 1);
	ck_assert_uint_eq(sel.ps_life, 86400);
}
END_TEST

/* Seed 001, R1 (15.x) checking the transform R2 chose. */
START_TEST(test_seed001_accept)
{
	static const struct offer chosen[] = {
		{ IKE_ATTR_ENC_3DES, IKE_ATTR_HASH_MD5, IKE_ATTR_AUTH_PSK, 2,
		  false },
	};
	struct ike_p1_sel	sel;

	fx_run_quiet(&fx,
	    "crypto isakmp policy 10\nhash md5\nauthentication pre-share\n"
	    "group 2\nencryption 3des\nend\n");
	fx_run(&fx, "debug crypto isakmp");
	build(chosen, 1);
	strbuf_reset(&fx.fx_out);
	ck_assert(ike_p1_select(fx.fx_rt.r_sys.sy_crypto, 0, &prop, &sel));
	ck_assert_str_eq(fx.fx_out.sb_buf,
	    "ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 "
	    "policy\n"
	    "ISAKMP:      encryption 3DES-CBC\n"
	    "ISAKMP:      hash MD5\n"
	    "ISAKMP:      default group 2\n"
	    "ISAKMP:      auth pre-share\n"
	    "ISAKMP:      life type in seconds\n"
	    "ISAKMP:      life duration (VPI) of  0x0 0x1 0x51 0x80\n"
	    "ISAKMP:(0):atts are acceptable. Next payload is 0\n"
	    "ISAKMP:(0):Acceptable atts:actual life: 0\n"
	    "ISAKMP:(0):Acceptable atts:life: 0\n"
	    "ISAKMP:(0):Fill atts in sa vpi_length:4\n"
	    "ISAKMP:(0):Fill atts in sa life_in_seconds:86400\n"
	    "ISAKMP:(0):Returning Actual lifetime: 86400\n"
	    "ISAKMP:(0)::Started lifetime timer: 86400.\n");
	ck_assert_uint_eq(sel.ps_life, 86400);
}
END_TEST

/* A shorter local lifetime wins; AES key lengths must agree; nothing
 * matching leaves the walk false; no debug, no lines. */
START_TEST(test_lifetime_keylen_none)
{
	static const struct offer aes[] = {
		{ IKE_ATTR_ENC_AES, IKE_ATTR_HASH_SHA, IKE_ATTR_AUTH_PSK, 14,
		  false },
	};
	struct ike_p1_sel	sel;

	fx_run_quiet(&fx,
	    "crypto isakmp policy 10\nencryption aes 256\n"
	    "authentication pre-share\ngroup 14\nlifetime 3600\nend\n");
	build(aes, 1);
	strbuf_reset(&fx.fx_out);
	/* No key length offered: 128 is not the policy's 256. */
	ck_assert(!ike_p1_select(fx.fx_rt.r_sys.sy_crypto, 0, &prop, &sel));
	ck_assert_str_eq(fx.fx_out.sb_buf, "");
	fx_run(&fx, "configure terminal");
	fx_run_quiet(&fx, "crypto isakmp policy 10\nencryption aes\nend\n");
	fx_run(&fx, "debug crypto isakmp");
	strbuf_reset(&fx.fx_out);
	ck_assert(!ike_p1_select(fx.fx_rt.r_sys.sy_crypto, 0, &prop, &sel));
	ck_assert_ptr_nonnull(strstr(fx.fx_out.sb_buf,
	    "ISAKMP:(0):Proposed key length does not match policy\n"));
}
END_TEST

static Suite *
p1sel_suite(void)
{
	Suite	*s = suite_create("p1sel");
	TCase	*tc = tcase_create("p1sel");

	/* Each case builds routers (about a CPU second under ASan): Check's
	 * 4 s default failed them in a loaded `make -j distcheck`. */
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_seed000_walk);
	tcase_add_test(tc, test_seed001_accept);
	tcase_add_test(tc, test_lifetime_keylen_none);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(p1sel_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
