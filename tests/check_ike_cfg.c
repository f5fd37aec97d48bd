/*
 * The ISAKMP transaction exchange (XAUTH and mode-config) as
 * crypto/ike_cfg.c decodes it: seed 002's requests, vpnc's replies, and
 * each kind of malformed attribute payload refused.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike_cfg.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_wire.h"

static const struct isakmp_hdr cfg_hdr = {
	.ih_icookie = { 0x50, 0x37, 0x57, 0xfa, 0x21, 0xa0, 0x9f, 0x8b },
	.ih_version = ISAKMP_VERSION,
};

/* A transaction exchange message (XAUTH, mode-config) of ONE ATTRIBUTE
 * payload, built by FILL, decoded into M: what ike_cfg_decode says. */
static enum ike_cfg_err
cfg_msg(uint8_t type, void (*fill)(struct isakmp_build *),
    struct isakmp_msg *m, struct ike_cfgmsg *cm, uint8_t *buf, size_t cap)
{
	struct isakmp_build	ib;
	struct isakmp_hdr	h = cfg_hdr;
	size_t			len;

	h.ih_exchange = ISAKMP_XCHG_TRANSACTION;
	h.ih_msgid = 955647754;
	isakmp_build_init(&ib, buf, cap, &h);
	isakmp_build_cfg_begin(&ib, type, 0x1234);
	fill(&ib);
	isakmp_build_end(&ib);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_OK);
	ck_assert(isakmp_decode(m, buf, len) == ISAKMP_OK);
	ck_assert_uint_eq(m->im_npld, 1);
	return (ike_cfg_decode(&m->im_pld[0], cm));
}

/* The hub's XAUTH request of seed 002: type generic, name and password
 * asked for (empty values). */
static void
fill_xauth_request(struct isakmp_build *b)
{
	isakmp_build_attr_tv(b, XAUTH_TYPE, 0);
	isakmp_build_attr_tlv(b, XAUTH_USER_NAME, NULL, 0);
	isakmp_build_attr_tlv(b, XAUTH_USER_PASSWORD, NULL, 0);
}

/* vpnc's reply (it sends its strings without a NUL). */
static void
fill_xauth_reply(struct isakmp_build *b)
{
	isakmp_build_attr_tv(b, XAUTH_TYPE, 0);
	isakmp_build_attr_tlv(b, XAUTH_USER_NAME,
	    (const uint8_t *)"vpnuser", 7);
	isakmp_build_attr_tlv(b, XAUTH_USER_PASSWORD,
	    (const uint8_t *)"cisco123\0", 9);
}

/* The client's mode-config REQUEST in seed 002's order. */
static void
fill_modecfg_request(struct isakmp_build *b)
{
	static const uint16_t ask[] = { CFG_INTERNAL_IP4_ADDRESS,
	    CFG_INTERNAL_IP4_NETMASK, CFG_INTERNAL_IP4_DNS,
	    CFG_INTERNAL_IP4_NBNS, CFG_INTERNAL_ADDRESS_EXPIRY, 0x7000,
	    0x7001, UNITY_DEF_DOMAIN, UNITY_SPLIT_INCLUDE, 0x7003, 0x7007,
	    0x7009, CFG_APPLICATION_VERSION, 0x7008, 0x700a, 0x7005 };
	unsigned	i;

	for (i = 0; i < sizeof(ask) / sizeof(ask[0]); i++)
		isakmp_build_attr_tlv(b, ask[i], NULL, 0);
}

static void
fill_reply_addr(struct isakmp_build *b)
{
	static const uint8_t a[4] = { 10, 5, 5, 1 }, d1[4] = { 1, 1, 1, 1 },
	    d2[4] = { 2, 2, 2, 2 };

	isakmp_build_attr_tlv(b, CFG_INTERNAL_IP4_ADDRESS, a, 4);
	isakmp_build_attr_tlv(b, CFG_INTERNAL_IP4_DNS, d1, 4);
	isakmp_build_attr_tlv(b, CFG_INTERNAL_IP4_DNS, d2, 4);
	isakmp_build_attr_tv(b, XAUTH_STATUS, 1);
}

static void
fill_short_addr(struct isakmp_build *b)
{
	static const uint8_t a[3] = { 10, 5, 5 };

	isakmp_build_attr_tlv(b, CFG_INTERNAL_IP4_ADDRESS, a, 3);
}

static void
fill_two_addrs(struct isakmp_build *b)
{
	static const uint8_t a[4] = { 10, 5, 5, 1 };

	isakmp_build_attr_tlv(b, CFG_INTERNAL_IP4_ADDRESS, a, 4);
	isakmp_build_attr_tlv(b, CFG_INTERNAL_IP4_ADDRESS, a, 4);
}

static void
fill_long_name(struct isakmp_build *b)
{
	uint8_t	name[IKE_CFG_STR_MAX + 1];

	memset(name, 'a', sizeof(name));
	isakmp_build_attr_tlv(b, XAUTH_USER_NAME, name, sizeof(name));
}

static void
fill_nul_name(struct isakmp_build *b)
{
	isakmp_build_attr_tlv(b, XAUTH_USER_NAME,
	    (const uint8_t *)"ab\0cd", 5);
	isakmp_build_attr_tlv(b, XAUTH_STATUS, (const uint8_t *)"x", 1);
}

static void
fill_status_string(struct isakmp_build *b)
{
	isakmp_build_attr_tlv(b, XAUTH_STATUS,
	    (const uint8_t *)"123456789", 9);
}

START_TEST(test_cfg)
{
	static struct isakmp_msg m;
	struct ike_cfgmsg	 cm;
	const struct isakmp_attr *a;
	uint8_t			 buf[1024];
	char			 s[IKE_CFG_STR_MAX + 1];
	unsigned		 i;

	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REQUEST, fill_xauth_request, &m,
	    &cm, buf, sizeof(buf)), IKE_CFG_OK);
	ck_assert_uint_eq(cm.cm_type, ISAKMP_CFG_REQUEST);
	ck_assert_uint_eq(cm.cm_ident, 0x1234);
	ck_assert_uint_eq(cm.cm_nattrs, 3);
	ck_assert_str_eq(ike_cfg_type_name(cm.cm_type), "REQUEST");
	ck_assert_str_eq(ike_cfg_attr_name(cm.cm_attrs[1].at_type),
	    "XAUTH_USER_NAME_V2");
	ck_assert_str_eq(ike_cfg_attr_name(cm.cm_attrs[2].at_type),
	    "XAUTH_USER_PASSWORD_V2");
	ck_assert(cm.cm_attrs[0].at_tv && cm.cm_attrs[0].at_num == 0);
	ck_assert_uint_eq(cm.cm_attrs[1].at_len, 0);

	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_xauth_reply, &m,
	    &cm, buf, sizeof(buf)), IKE_CFG_OK);
	ck_assert_str_eq(ike_cfg_type_name(cm.cm_type), "REPLY");
	ck_assert_ptr_nonnull(a = ike_cfg_find(&cm, XAUTH_USER_NAME));
	ck_assert_int_eq(ike_cfg_string(a, s, sizeof(s)), 0);
	ck_assert_str_eq(s, "vpnuser");
	/* A trailing NUL is the client's terminator, not the password's. */
	ck_assert_ptr_nonnull(a = ike_cfg_find(&cm, XAUTH_USER_PASSWORD));
	ck_assert_int_eq(ike_cfg_string(a, s, sizeof(s)), 0);
	ck_assert_str_eq(s, "cisco123");
	ck_assert_int_eq(ike_cfg_string(a, s, 8), -1);
	ck_assert_ptr_null(ike_cfg_find(&cm, XAUTH_STATUS));

	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REQUEST, fill_modecfg_request,
	    &m, &cm, buf, sizeof(buf)), IKE_CFG_OK);
	ck_assert_uint_eq(cm.cm_nattrs, 16);
	{
		static const char *const want[] = { "IP4_ADDRESS",
		    "IP4_NETMASK", "IP4_DNS", "IP4_NBNS", "ADDRESS_EXPIRY",
		    NULL, NULL, "DEFAULT_DOMAIN", "SPLIT_INCLUDE", NULL,
		    NULL, NULL, "APPLICATION_VERSION", NULL, NULL, NULL };

		for (i = 0; i < 16; i++) {
			const char *n = ike_cfg_attr_name(
			    cm.cm_attrs[i].at_type);

			if (want[i] == NULL)
				ck_assert_ptr_null(n);
			else
				ck_assert_str_eq(n, want[i]);
		}
	}
	ck_assert_uint_eq(cm.cm_attrs[15].at_type, 0x7005);

	/* DNS servers are a list; an address is one. */
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_SET, fill_reply_addr, &m, &cm,
	    buf, sizeof(buf)), IKE_CFG_OK);
	ck_assert_uint_eq(cm.cm_nattrs, 4);
	ck_assert_uint_eq(ike_cfg_find(&cm, XAUTH_STATUS)->at_num, 1);
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_two_addrs, &m, &cm,
	    buf, sizeof(buf)), IKE_CFG_E_DUP);
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_short_addr, &m, &cm,
	    buf, sizeof(buf)), IKE_CFG_E_VALUE);
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_long_name, &m, &cm,
	    buf, sizeof(buf)), IKE_CFG_E_VALUE);
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_status_string, &m,
	    &cm, buf, sizeof(buf)), IKE_CFG_E_VALUE);
	/* A one-byte TLV is a number: STATUS 'x' passes the size check,
	 * but a name holding a NUL is no string. */
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_nul_name, &m, &cm,
	    buf, sizeof(buf)), IKE_CFG_OK);
	ck_assert_int_eq(ike_cfg_string(&cm.cm_attrs[0], s, sizeof(s)), -1);
	ck_assert_int_eq(ike_cfg_string(&cm.cm_attrs[1], s, sizeof(s)), 0);
	ck_assert_int_eq(cfg_msg(5, fill_xauth_request, &m, &cm, buf,
	    sizeof(buf)), IKE_CFG_E_TYPE);
	ck_assert_str_eq(ike_cfg_err_str(IKE_CFG_E_TYPE),
	    "unknown config message type");

	/* An attribute whose length runs past its payload, and a payload
	 * too short for its type and identifier. */
	ck_assert_int_eq(cfg_msg(ISAKMP_CFG_REPLY, fill_xauth_reply, &m,
	    &cm, buf, sizeof(buf)), IKE_CFG_OK);
	{
		struct isakmp_pld pl = m.im_pld[0];
		uint8_t body[64];

		ck_assert_uint_le(pl.pl_bodylen, sizeof(body));
		memcpy(body, pl.pl_body, pl.pl_bodylen);
		/* USER_NAME's length (at body 4 + 4 + 2) made 0xff. */
		body[4 + 4 + 3] = 0xff;
		pl.pl_body = body;
		ck_assert_int_eq(ike_cfg_decode(&pl, &cm), IKE_CFG_E_PAYLOAD);
		pl.pl_bodylen = 3;
		ck_assert_int_eq(ike_cfg_decode(&pl, &cm), IKE_CFG_E_PAYLOAD);
		pl.pl_type = ISAKMP_PL_VID;
		ck_assert_int_eq(ike_cfg_decode(&pl, &cm), IKE_CFG_E_PAYLOAD);
	}
}
END_TEST

static Suite *
cfg_suite(void)
{
	Suite	*s = suite_create("ike_cfg");
	TCase	*tc = tcase_create("decode");

	tcase_add_test(tc, test_cfg);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(cfg_suite());
	int	 nf;

	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
