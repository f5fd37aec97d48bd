/*
 * Call Admission Control for IKE (crypto/ike_cac.c), on seed 001's pair
 * (R1 Serial1/2 -- R2 Serial1/1, udp: wire, frozen clock):
 *
 *   - 100,000 spoofed Main Mode first messages (distinct sources in
 *     10/8, distinct cookies) at R1 over 60 s of frozen time: R1's
 *     in-negotiation count never exceeds `crypto call admission limit
 *     ike in-negotiation-sa`, nor the default bound without it; the sadb
 *     stays as small, and so does the live heap (HEAP_BOUND); R2
 *     brings its tunnel up with R1 during the flood and after it;
 *   - `crypto call admission limit ike sa 10`: the eleventh request is
 *     denied, counted in `show crypto call admission statistics`, and
 *     logged as %CRYPTO-4-IKE_DENIED once a minute;
 *   - both commands in the running-config.
 */
#include <check.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike_int.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "shell/router.h"
#include "tests/pair.h"

#if defined(__SANITIZE_ADDRESS__)
/* ASan's runtime (sanitizer/allocator_interface.h, which gcc does not
 * install). */
size_t	__sanitizer_get_current_allocated_bytes(void);
#endif

static struct crypto *
crypto_of(int r)
{
	return pair[r].fx_rt.r_sys.sy_crypto;
}

static void
setup(void)
{
	pair_open(NULL);
	pair_crypto_cfg(0, "3des", "cisco", "permit udp host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit udp host 2.2.2.2 host 1.1.1.1");
	/* Any source has a key: spoofed first messages get as far as a
	 * real peer's (MM_SA_SETUP, a second message sent). */
	pair_config(0, "crypto isakmp key cisco address 0.0.0.0 0.0.0.0\n");
	pair_run_for(1);
}

/* A Main Mode first message (R2's own offer) from SRC, cookie from N,
 * as an IPv4/UDP datagram received on R1's Serial1/2 (dp_ip_output
 * refuses a source that is not the router's own). */
static void
spoofed_mm1(uint32_t src, uint32_t n)
{
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	uint8_t			 pkt[1500];
	size_t			 len;

	memset(&h, 0, sizeof(h));
	put32(h.ih_icookie, 0x5a5a0000u);
	put32(h.ih_icookie + 4, n);
	h.ih_version = ISAKMP_VERSION;
	h.ih_exchange = ISAKMP_XCHG_IDPROT;
	isakmp_build_init(&b, pkt + 28, sizeof(pkt) - 28, &h);
	ike_p1_build_offer(crypto_of(1), &b, 0);
	ck_assert_int_eq(isakmp_build_finish(&b, &len), ISAKMP_OK);
	memset(pkt, 0, 28);
	pkt[0] = 0x45;
	put16(pkt + 2, (uint16_t)(28 + len));
	pkt[8] = 64;
	pkt[9] = 17;
	put32(pkt + 12, src);
	put32(pkt + 16, 0x0c010101);
	put16(pkt + 10, in_cksum(pkt, 20, 0));
	put16(pkt + 20, 500);
	put16(pkt + 22, 500);
	put16(pkt + 24, (uint16_t)(8 + len));
	ck_assert_int_eq(dp_ip_input(fx_dp(&pair[0]), dp_iface_find(
	    fx_dp(&pair[0]), "Serial1/2"), pkt, 28 + len), 0);
}

/* R1 has a phase-1 SA with R2 in QM_IDLE and an inbound IPsec SA. */
static bool
tunnel_up(void)
{
	const struct crypto	*c = crypto_of(0);
	const struct isakmp_sa	*is;
	const struct ipsec_flow	*fl;
	bool			 p1 = false;

	TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry)
		if (is->is_state == ISK_QM_IDLE && is->is_engine != NULL &&
		    sa_addr_get4(&((struct ike_p1 *)is->is_engine)->p_peer) ==
		    0x0c010102)
			p1 = true;
	fl = TAILQ_FIRST(&c->c_sadb.db_flows);
	return p1 && fl != NULL && !TAILQ_EMPTY(&fl->fl_in);
}

/* Traffic from R2 that its crypto map protects: starts IKE. */
static void
r2_traffic(void)
{
	const uint8_t	data[4] = "ping";

	(void)dp_udp_send(pair[1].fx_rt.r_sys.sy_dp, 0x02020202, 1024,
	    0x01010101, 7, data, sizeof(data));
}

/* The bytes the process's heap holds live: ASan's own count under the
 * sanitizers (its quarantine of freed blocks is not live memory), else
 * glibc's. */
static size_t
heap_live(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return __sanitizer_get_current_allocated_bytes();
#else
	return mallinfo2().uordblks;
#endif
}

static size_t	 heap_growth;	/* largest live heap above the start */

/* The stated bound on memory under a flood: 6 KB per half-open SA the
 * limit admits (one costs ~3.7 KB live: its state, keys and the reply
 * kept for retransmission) and 1 MB for the rest.  Measured under
 * ASan+UBSan: 0.63 MB at the limit of 100, 3.8 MB at the default 1,000;
 * without the limit 100,000 half-open SAs held ~370 MB. */
#define HEAP_BOUND(limit)	((size_t)(limit) * 6144 + 1048576)

/* The flood: N spoofed first messages over 60 s; R2 starts IKE at the
 * third of it; the largest in-negotiation count and sadb size seen, and
 * in heap_growth the largest live heap above the flood's start. */
static void
flood(unsigned n, unsigned *max_nego, size_t *max_sa, bool *up_during)
{
	struct crypto	*c = crypto_of(0);
	size_t		 base = heap_live();
	unsigned	 i;

	*max_nego = 0;
	*max_sa = 0;
	*up_during = false;
	heap_growth = 0;
	for (i = 0; i < n; i++) {
		spoofed_mm1(0x0a000000u | (i + 1), i);
		if (i == n / 3)
			r2_traffic();
		if (i % 50 == 49) {
			pair_drain();
			if (ike_cac_negotiating(c) > *max_nego)
				*max_nego = ike_cac_negotiating(c);
			if (c->c_sadb.db_nisakmp > *max_sa)
				*max_sa = c->c_sadb.db_nisakmp;
			if (i > n / 3 && tunnel_up())
				*up_during = true;
			if (heap_live() > base && heap_live() - base >
			    heap_growth)
				heap_growth = heap_live() - base;
		}
		if (i % 1000 == 999)
			clock_advance(60000 / (n / 1000));
	}
	pair_drain();
}

START_TEST(test_flood_configured_limit)
{
	struct crypto	*c = crypto_of(0);
	unsigned	 max_nego;
	size_t		 max_sa;
	bool		 up;
	const char	*out;

	pair_config(0, "crypto call admission limit ike in-negotiation-sa 100\n");
	flood(100000, &max_nego, &max_sa, &up);
	/* Never above the limit; the sadb no larger than it and the one
	 * established SA (memory bounded by the count of SAs). */
	ck_assert_uint_eq(max_nego, 100);
	ck_assert_uint_le(max_sa, 101);
	ck_assert_uint_le(heap_growth, HEAP_BOUND(100));
	ck_assert_msg(up, "R2's tunnel did not come up during the flood");
	ck_assert(tunnel_up());
	/* 100,001 requests, all admitted; every admission past the first
	 * 100 reclaimed a spoofed half-open SA, but one: R2's SA left the
	 * in-negotiation count by coming up, not by being reclaimed. */
	ck_assert_uint_eq(c->c_cac_in_requests, 100001);
	ck_assert_uint_eq(c->c_cac_in_accepted, 100001);
	ck_assert_uint_eq(c->c_cac_reaped, 100001 - 100 - 1);
	ck_assert_uint_eq(c->c_cac_in_rejected, 0);
	/* After the flood, the half-open SAs expire; R2 rekeys through. */
	pair_run_for(120);
	ck_assert_uint_eq(ike_cac_negotiating(c), 0);
	ck_assert(tunnel_up());
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, "\ncrypto call admission limit ike "
	    "in-negotiation-sa 100\n") != NULL, "%s", out);
}
END_TEST

START_TEST(test_flood_default_bound)
{
	unsigned	max_nego;
	size_t		max_sa;
	bool		up;

	flood(20000, &max_nego, &max_sa, &up);
	ck_assert_uint_eq(max_nego, ike_cac_nego_limit(crypto_of(0)));
	ck_assert_uint_eq(max_nego, 1000);
	ck_assert_uint_le(max_sa, 1001);
	ck_assert_uint_le(heap_growth, HEAP_BOUND(1000));
	ck_assert(up);
	ck_assert(tunnel_up());
}
END_TEST

static int
count(int r, const char *text)
{
	const char	*p = pair[r].fx_out.sb_buf;
	int		 n = 0;

	while ((p = strstr(p, text)) != NULL) {
		n++;
		p += strlen(text);
	}
	return n;
}

START_TEST(test_sa_limit_denied)
{
	struct crypto	*c = crypto_of(0);
	const char	*out;
	unsigned	 i;

	pair_config(0, "crypto call admission limit ike sa 10\n");
	strbuf_reset(&pair[0].fx_out);
	for (i = 0; i < 25; i++)
		spoofed_mm1(0x0a000001u + i, i);
	pair_drain();
	ck_assert_uint_eq(c->c_sadb.db_nisakmp, 10);
	ck_assert_uint_eq(c->c_cac_rej_sa, 15);
	ck_assert_int_eq(count(0, "%CRYPTO-4-IKE_DENIED: IKE denied from "
	    "10.0.0.11 to 12.1.1.1. Reason: Call admission control: IKE SA "
	    "limit reached\n"), 1);
	ck_assert_int_eq(count(0, "IKE_DENIED"), 1);
	ck_assert_uint_eq(c->c_rl_cac.rl_suppressed, 14);
	out = fx_run(&pair[0], "show crypto call admission statistics");
	ck_assert_msg(strstr(out,
	    "System Resource Limit:        0 Max IKE SAs:      10 Max in nego: "
	    "    0\n"
	    "Total IKE SA Count:          10 active:            0 negotiating: "
	    "   10\n"
	    "Incoming IKE Requests:       25 accepted:         10 rejected:    "
	    "   15\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "Rejected IKE Requests:       15 rsrc low:"
	    "          0 SA limit:       15\n") != NULL, "%s", out);
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, "\ncrypto call admission limit ike sa 10\n")
	    != NULL, "%s", out);
	fx_run(&pair[0], "clear crypto call admission statistics");
	ck_assert_uint_eq(c->c_cac_in_requests, 0);
	pair_config(0, "no crypto call admission limit ike sa 10\n");
	ck_assert_uint_eq(c->c_cac_sa_limit, 0);
}
END_TEST

static Suite *
cac_suite(void)
{
	Suite	*s = suite_create("cac");
	TCase	*tc = tcase_create("cac");

	tcase_set_timeout(tc, 600);
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_add_test(tc, test_sa_limit_denied);
	tcase_add_test(tc, test_flood_default_bound);
	tcase_add_test(tc, test_flood_configured_limit);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(cac_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
