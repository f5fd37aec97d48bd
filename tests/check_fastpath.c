/*
 * The ESP fast path end to end: seed 001's tunnel between two routers
 * on mem: wires (tests/memlab.c), cleartext forwarded into it from R1's
 * FastEthernet0/0 and the ESP that comes out fed to R2.
 *
 * Allocations are counted by wrapping malloc, calloc and realloc at
 * link time (every object of iosh linked here goes through the
 * wrappers) and OpenSSL's own through CRYPTO_set_mem_functions: in the
 * steady state, packets each way must allocate nothing.  Run with
 * esp-3des esp-md5-hmac (seed 001's), esp-gcm 256, esp-gmac, esp-aes
 * esp-sha256-hmac and esp-null esp-sha512-hmac.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "crypto/crypto_int.h"
#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
#include "dataplane/capture.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "dataplane/wire_impl.h"
#include "lib/clock.h"
#include "tests/fixture.h"
#include "tests/fastpath_fixture.h"
#include "tests/memlab.h"

/* ---- Counting allocations. ---- */

void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
void	*__wrap_malloc(size_t);
void	*__wrap_calloc(size_t, size_t);
void	*__wrap_realloc(void *, size_t);

static bool		counting;
static unsigned long	allocs;		/* by iosh's code */
static unsigned long	ossl_allocs;	/* inside OpenSSL */

void *
__wrap_malloc(size_t n)
{
	if (counting)
		allocs++;
	return __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t m)
{
	if (counting)
		allocs++;
	return __real_calloc(n, m);
}

void *
__wrap_realloc(void *p, size_t n)
{
	if (counting)
		allocs++;
	return __real_realloc(p, n);
}

static void *
ossl_malloc(size_t n, const char *file, int line)
{
	(void)file;
	(void)line;
	if (counting)
		ossl_allocs++;
	return __real_malloc(n);
}

static void *
ossl_realloc(void *p, size_t n, const char *file, int line)
{
	(void)file;
	(void)line;
	if (counting)
		ossl_allocs++;
	return __real_realloc(p, n);
}

static void
ossl_free(void *p, const char *file, int line)
{
	(void)file;
	(void)line;
	free(p);
}

/* ---- The lab. ---- */

/*
 * OpenSSL 3.0's HMAC (the provider behind EVP_MAC) duplicates its digest
 * context in every init and final (EVP_MD_CTX_copy_ex -> dupctx), and a
 * digest context cannot be re-initialised through EVP without a new
 * provider context either: allocations iosh cannot avoid through EVP.
 * They are counted apart, so a change in them shows.
 */
#define OSSL_PER_PACKET	2

static const size_t	sizes[3] = { 64, 512, 1400 };

/*
 * The transforms the fast path is run with, and OpenSSL's allocations
 * per packet for each (HMAC's, above; AES-GCM re-armed with a new nonce
 * allocates nothing).
 */
static const struct {
	const char	*xf;
	unsigned	 ossl;
} fp_xf[] = {
	{ "esp-3des esp-md5-hmac", OSSL_PER_PACKET },
	{ "esp-gcm 256", 0 },
	{ "esp-gmac", 0 },
	{ "esp-aes esp-sha256-hmac", OSSL_PER_PACKET },
	{ "esp-null esp-sha512-hmac", OSSL_PER_PACKET },
};

START_TEST(test_zero_alloc_each_way)
{
	uint64_t	enc0, dec0;
	size_t		i, s, first;
	char		err[256];
	unsigned	ossl = fp_xf[_i].ossl;

	if (_i != 0) {
		memlab_close(&ml);
		ck_assert_msg(memlab_open(&ml, fp_xf[_i].xf, err,
		    sizeof(err)) == 0, "%s", err);
		(void)wire_mem_sink(ml.ml_ser[0], &cap_sink);
	}

	/* Warm up: the first packets may compile the SPD. */
	for (s = 0; s < 3; s++)
		send_lan(sizes[s]);
	first = nesp;
	ck_assert_uint_eq(first, 3);
	enc0 = flow(0)->fl_stats.fs_encaps;
	counting = true;
	allocs = ossl_allocs = 0;
	for (i = 0; i < NPKT; i++)
		for (s = 0; s < 3; s++)
			send_lan(sizes[s]);
	counting = false;
	ck_assert_uint_eq(allocs, 0);
	ck_assert_uint_eq(ossl_allocs, ossl * 3 * NPKT);
	ck_assert_uint_eq(nesp, first + 3 * NPKT);
	ck_assert_uint_eq(nclear, 0);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_encaps, enc0 + 3 * NPKT);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_send_errors, 1);	/* the ping */
	/* The outer header: R1's Serial1/2 to its peer, ESP. */
	ck_assert_uint_eq(esp[first][4 + 12], 12);
	ck_assert_uint_eq(esp[first][4 + 15], 1);
	ck_assert_uint_eq(esp[first][4 + 19], 2);

	/* R2 takes them all (each decrypts and checks), allocating
	 * nothing after the warm-up ones. */
	for (i = 0; i < first; i++)
		ck_assert_int_eq(wire_mem_inject(ml.ml_ser[1], esp[i],
		    esp_len[i]), 0);
	dec0 = flow(1)->fl_stats.fs_decaps;
	counting = true;
	allocs = ossl_allocs = 0;
	for (; i < nesp; i++)
		(void)wire_mem_inject(ml.ml_ser[1], esp[i], esp_len[i]);
	counting = false;
	ck_assert_uint_eq(allocs, 0);
	ck_assert_uint_eq(ossl_allocs, ossl * 3 * NPKT);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_decaps, dec0 + 3 * NPKT);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_recv_errors, 0);
	ck_assert_uint_eq(inject_fail, 0);
}
END_TEST

/* The router's own packets (the copy path, c_txbuf) allocate in ICMP's
 * echo builder, not in crypto: only the forwarded path is claimed. */

START_TEST(test_spd_follows_config)
{
	uint64_t	compiles;
	size_t		i;

	send_lan(100);
	ck_assert_uint_eq(nesp, 1);
	compiles = R(0)->c_spd->spd_compiles;
	for (i = 0; i < 50; i++)
		send_lan(100);
	ck_assert_uint_eq(R(0)->c_spd->spd_compiles, compiles);
	ck_assert_uint_eq(nesp, 51);
	/* The interface loses its crypto map: clear. */
	memlab_run(&ml, 0, "configure terminal\ninterface Serial1/2\n"
	    "no crypto map TST\nend");
	send_lan(100);
	ck_assert_uint_eq(nclear, 1);
	memlab_run(&ml, 0, "configure terminal\ninterface Serial1/2\n"
	    "crypto map TST\nend");
	send_lan(100);
	ck_assert_uint_eq(nesp, 52);
	/* Two changes, one rebuild, on the first packet after them. */
	ck_assert_uint_eq(R(0)->c_spd->spd_compiles, compiles + 1);
	/* The ACL no longer permits it: the entry does not apply. */
	memlab_run(&ml, 0, "configure terminal\nno access-list 100\n"
	    "access-list 100 permit ip host 1.1.1.1 host 2.2.2.3\nend");
	send_lan(100);
	ck_assert_uint_eq(nclear, 2);
	/* The entry's ACL name changes back to a permitting one. */
	memlab_run(&ml, 0, "configure terminal\n"
	    "access-list 101 permit ip host 1.1.1.1 host 2.2.2.2\n"
	    "crypto map TST 10 ipsec-isakmp\nmatch address 101\nend");
	send_lan(100);
	ck_assert_uint_eq(nesp, 53);
	/* The entry goes: clear again, and no dangling entry behind. */
	memlab_run(&ml, 0, "configure terminal\nno crypto map TST 10\nend");
	send_lan(100);
	ck_assert_uint_eq(nclear, 3);
}
END_TEST

/* The SPI of the last ESP frame R1 sent (HDLC 4, IPv4 20). */
static uint32_t
last_spi(void)
{
	const uint8_t	*p = esp[nesp - 1] + 4 + 20;

	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/*
 * The flow cache (dataplane/flowcache.c): a flow's second packet takes
 * the first one's decision, counts what the ordinary path counts, and a
 * change between two packets — a route, the SAs cleared, the crypto
 * ACL — takes effect on the second.
 */
START_TEST(test_flow_cache)
{
	struct dataplane	*dp = ml.ml_rt[0].r_sys.sy_dp;
	struct fwd		*f = dp->d_fwd;
	struct dp_acl		*acl = dp_acl_find(dp, "100");
	uint64_t		 hits0, acl0, errs0, enc0;
	unsigned long		 clear0;
	uint32_t		 spi0;

	acl0 = acl->acl_ace[0].ace_hits;
	enc0 = flow(0)->fl_stats.fs_encaps;
	hits0 = f->f_fc_hits;
	send_lan(100);		/* the ordinary path, recorded */
	send_lan(100);		/* the cached decision */
	send_lan(100);
	ck_assert_uint_eq(nesp, 3);
	ck_assert_uint_eq(f->f_fc_hits, hits0 + 2);
	/* The crypto ACL's rule counted three packets, as without it. */
	ck_assert_uint_eq(acl->acl_ace[0].ace_hits, acl0 + 3);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_encaps, enc0 + 3);
	spi0 = last_spi();

	/* The route goes between two packets: the second has none. */
	memlab_run(&ml, 0, "configure terminal\n"
	    "no ip route 2.2.2.2 255.255.255.255 12.1.1.2\nend");
	send_lan(100);
	ck_assert_uint_eq(nesp, 3);
	ck_assert_uint_eq(nclear, 0);
	memlab_run(&ml, 0, "configure terminal\n"
	    "ip route 2.2.2.2 255.255.255.255 12.1.1.2\nend");
	send_lan(100);
	send_lan(100);
	ck_assert_uint_eq(nesp, 5);
	ck_assert_uint_eq(last_spi(), spi0);
	ck_assert_uint_eq(acl->acl_ace[0].ace_hits, acl0 + 5);

	/* The SAs cleared between two packets: the second, through the
	 * cache still (the SA is looked up per packet), has none — a send
	 * error, Quick Mode begun, no ESP — and once IKE is done the next
	 * ones go under the new SA.  R2 hears R1 meanwhile. */
	memlab_run(&ml, 0, "clear crypto sa");
	(void)wire_mem_sink(ml.ml_ser[0], &ml.ml_sink[0]);
	hits0 = f->f_fc_hits;
	ml.ml_q[0].mq_n = 0;
	send_lan(100);
	ck_assert_uint_eq(f->f_fc_hits, hits0 + 1);
	ck_assert_uint_eq(ml.ml_q[0].mq_n, 1);
	ck_assert_uint_eq(ml.ml_q[0].mq_buf[0][4 + 9], 17);	/* IKE */
	errs0 = flow(0)->fl_stats.fs_send_errors;
	ck_assert_uint_ge(errs0, 1);
	memlab_pump(&ml);
	(void)wire_mem_sink(ml.ml_ser[0], &cap_sink);
	send_lan(100);
	send_lan(100);
	ck_assert_uint_eq(nesp, 7);
	ck_assert_uint_ne(last_spi(), spi0);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_send_errors, errs0);
	ck_assert_uint_eq(f->f_fc_hits, hits0 + 3);

	/* The crypto ACL no longer covers the flow: in clear at once. */
	memlab_run(&ml, 0, "configure terminal\nno access-list 100\n"
	    "access-list 100 permit ip host 1.1.1.1 host 2.2.2.3\nend");
	clear0 = nclear;
	send_lan(100);
	ck_assert_uint_eq(nesp, 7);
	ck_assert_uint_eq(nclear, clear0 + 1);
	ck_assert_uint_eq(inject_fail, 0);
}
END_TEST

/* send_lan's 64-byte datagram with byte OFF of its IPv4 header and
 * what follows set to VAL (none for OFF < 0), its checksum made anew. */
static void
send_lan_with(int off, uint8_t val)
{
	static uint8_t	frame[14 + 1500];
	uint8_t		*ip = frame + 14;
	size_t		 n;
	uint16_t	 c;

	n = memlab_frame(&ml, frame, 0x01010101, 0x02020202, 6, 64);
	if (off >= 0) {
		ip[off] = val;
		ip[10] = ip[11] = 0;
		c = in_cksum(ip, 20, 0);
		ip[10] = (uint8_t)(c >> 8);
		ip[11] = (uint8_t)c;
	}
	if (wire_mem_inject(ml.ml_lan, frame, n) != 0)
		inject_fail++;
}

/*
 * The flow cache's key (flowcache.c, fc_key): a datagram like a cached
 * flow's but for one field the key holds — TOS, the protocol, a byte of
 * the source or destination port, TCP's ACK bit — is another flow: its
 * first packet walks the ordinary path (no hit) and is recorded, its
 * second takes its own entry.  Each one is encapsulated either way.
 */
START_TEST(test_flow_key_fields)
{
	static const struct {
		int	off;
		uint8_t	val;
	} other[] = {
		{ 1, 0x10 },		/* TOS */
		{ 9, 17 },		/* UDP: the same first 4 bytes after */
		{ 20 + 0, 0x99 },	/* the source port's first byte */
		{ 20 + 3, 0x99 },	/* the destination port's last byte */
		{ 20 + 13, 0x31 },	/* TCP's flags: ACK added to 0x21 */
	};
	struct fwd	*f = ml.ml_rt[0].r_sys.sy_dp->d_fwd;
	uint64_t	 hits;
	size_t		 i, esp0;

	for (i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		/* The flow's entry in its slot (another flow whose key
		 * hashes alike may have taken it): recorded if need be,
		 * then taken. */
		send_lan_with(-1, 0);
		hits = f->f_fc_hits;
		send_lan_with(-1, 0);
		ck_assert_uint_eq(f->f_fc_hits, hits + 1);
		esp0 = nesp;
		send_lan_with(other[i].off, other[i].val);
		ck_assert_msg(f->f_fc_hits == hits + 1, "byte %d: took "
		    "another flow's entry", other[i].off);
		send_lan_with(other[i].off, other[i].val);
		ck_assert_uint_eq(f->f_fc_hits, hits + 2);
		ck_assert_uint_eq(nesp, esp0 + 2);
	}
	ck_assert_uint_eq(nclear, 0);
	ck_assert_uint_eq(inject_fail, 0);
}
END_TEST

/*
 * The ESP packet's remembered egress (dataplane/egress.c): a route
 * between two packets moves it on the second — the peer's address
 * routed to Null0 leaves nothing on the serial wire — and back again.
 */
START_TEST(test_egress_follows_route)
{
	struct dp_iface	*s12 = dp_iface_find(ml.ml_rt[0].r_sys.sy_dp,
			    "Serial1/2");
	uint64_t	 opk0, enc0, err0;

	/* The tunnel's traffic by an interface route: only the ESP
	 * packet's own route, to the peer 12.1.1.2, changes below. */
	memlab_run(&ml, 0, "configure terminal\n"
	    "no ip route 2.2.2.2 255.255.255.255 12.1.1.2\n"
	    "ip route 2.2.2.2 255.255.255.255 Serial1/2\nend");
	send_lan(100);		/* the egress remembered */
	send_lan(100);		/* and taken */
	ck_assert_uint_eq(nesp, 2);
	opk0 = s12->if_attach.at_opkts;
	enc0 = flow(0)->fl_stats.fs_encaps;
	err0 = flow(0)->fl_stats.fs_send_errors;
	memlab_run(&ml, 0, "configure terminal\n"
	    "ip route 12.1.1.2 255.255.255.255 Null0\nend");
	send_lan(100);
	/* Built, then discarded by the route: a send error, no frame. */
	ck_assert_uint_eq(nesp, 2);
	ck_assert_uint_eq(s12->if_attach.at_opkts, opk0);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_encaps, enc0 + 1);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_send_errors, err0 + 1);
	memlab_run(&ml, 0, "configure terminal\n"
	    "no ip route 12.1.1.2 255.255.255.255 Null0\nend");
	send_lan(100);
	ck_assert_uint_eq(nesp, 3);
	ck_assert_uint_eq(s12->if_attach.at_opkts, opk0 + 1);
	ck_assert_uint_eq(flow(0)->fl_stats.fs_send_errors, err0 + 1);
	/* The egress keeps the interface's IP MTU: `ip mtu` between two
	 * packets cuts the second's ESP packet (crypto's inner MTU follows
	 * `mtu`, so it is built whole). */
	send_lan(700);
	ck_assert_uint_eq(nesp, 4);
	memlab_run(&ml, 0, "configure terminal\ninterface Serial1/2\n"
	    "ip mtu 600\nend");
	send_lan(700);
	ck_assert_uint_eq(nesp, 6);
	ck_assert_uint_le(esp_len[4], 4 + 600);
	ck_assert_uint_le(esp_len[5], 4 + 600);
	ck_assert_uint_eq(nclear, 0);
	ck_assert_uint_eq(inject_fail, 0);
}
END_TEST

/* R1's ESP frame K into R2's Serial1/1. */
static void
to_r2(size_t k)
{
	if (wire_mem_inject(ml.ml_ser[1], esp[k], esp_len[k]) != 0)
		inject_fail++;
}

/*
 * ESP for R2 goes straight to crypto (ip4_local_lane) only while nothing
 * stands between, decided per packet: an inbound access group applied
 * between two packets filters the second (its deny counted), and gone,
 * the third is decapsulated; one that lets ESP in filters the inner
 * packet it carried (IP4_DECAP's lane asks the same); `clear crypto sa`
 * leaves the next one an invalid SPI; after a new Quick Mode the new
 * SA's packets are taken.
 */
START_TEST(test_esp_lane_follows_changes)
{
	struct dataplane	*dp1 = ml.ml_rt[1].r_sys.sy_dp;
	struct dp_acl		*acl;
	uint64_t		 dec0, bad0;
	uint32_t		 spi0;

	send_lan(100);
	send_lan(100);
	send_lan(100);
	send_lan(100);
	send_lan(100);
	ck_assert_uint_eq(nesp, 5);
	spi0 = last_spi();
	dec0 = flow(1)->fl_stats.fs_decaps;
	to_r2(0);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_decaps, dec0 + 1);

	memlab_run(&ml, 1, "configure terminal\n"
	    "access-list 101 deny esp any any\n"
	    "access-list 101 permit ip any any\n"
	    "interface Serial1/1\nip access-group 101 in\nend");
	acl = dp_acl_find(dp1, "101");
	ck_assert_ptr_nonnull(acl);
	to_r2(1);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_decaps, dec0 + 1);
	ck_assert_uint_eq(acl->acl_ace[0].ace_hits, 1);
	memlab_run(&ml, 1, "configure terminal\ninterface Serial1/1\n"
	    "no ip access-group 101 in\nend");
	to_r2(2);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_decaps, dec0 + 2);
	ck_assert_uint_eq(acl->acl_ace[0].ace_hits, 1);

	/* An access group that lets ESP in filters what it carried too:
	 * decapsulated, then the inner TCP denied. */
	memlab_run(&ml, 1, "configure terminal\n"
	    "access-list 102 permit esp any any\n"
	    "access-list 102 deny tcp any any\n"
	    "access-list 102 permit ip any any\n"
	    "interface Serial1/1\nip access-group 102 in\nend");
	acl = dp_acl_find(dp1, "102");
	ck_assert_ptr_nonnull(acl);
	to_r2(3);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_decaps, dec0 + 3);
	ck_assert_uint_eq(acl->acl_ace[0].ace_hits, 1);
	ck_assert_uint_eq(acl->acl_ace[1].ace_hits, 1);
	memlab_run(&ml, 1, "configure terminal\ninterface Serial1/1\n"
	    "no ip access-group 102 in\nend");

	/* The SAs gone between two packets: an invalid SPI. */
	bad0 = R(1)->c_esp_bad;
	memlab_run(&ml, 1, "clear crypto sa");
	to_r2(4);
	ck_assert_uint_eq(R(1)->c_esp_bad, bad0 + 1);

	/* R1 hears the deletes and negotiates anew; the new SA's ESP is
	 * decapsulated. */
	(void)wire_mem_sink(ml.ml_ser[0], &ml.ml_sink[0]);
	memlab_pump(&ml);
	send_lan(100);
	memlab_pump(&ml);
	(void)wire_mem_sink(ml.ml_ser[0], &cap_sink);
	nesp = 0;
	send_lan(100);
	ck_assert_uint_eq(nesp, 1);
	ck_assert_uint_ne(last_spi(), spi0);
	dec0 = flow(1)->fl_stats.fs_decaps;
	to_r2(0);
	ck_assert_uint_eq(flow(1)->fl_stats.fs_decaps, dec0 + 1);
	ck_assert_uint_eq(R(1)->c_esp_bad, bad0 + 1);
	ck_assert_uint_eq(inject_fail, 0);
}
END_TEST

/* A cleartext IPv4 packet SRC:SPORT -> DST:DPORT, protocol PROTO. */
static size_t
clear_pkt(uint8_t *ip, uint32_t src, uint32_t dst, uint8_t proto,
    uint16_t sport, uint16_t dport)
{
	int	i;

	memset(ip, 0, 40);
	ip[0] = 0x45;
	ip[3] = 40;
	ip[8] = 64;
	ip[9] = proto;
	for (i = 0; i < 4; i++) {
		ip[12 + i] = (uint8_t)(src >> (24 - 8 * i));
		ip[16 + i] = (uint8_t)(dst >> (24 - 8 * i));
	}
	ip[20] = (uint8_t)(sport >> 8);
	ip[21] = (uint8_t)sport;
	ip[22] = (uint8_t)(dport >> 8);
	ip[23] = (uint8_t)dport;
	return 40;
}

START_TEST(test_match_in)
{
	struct dp_iface		*s12 = dp_iface_find(ml.ml_rt[0].r_sys.sy_dp,
				    "Serial1/2");
	struct dp_iface		*fa = dp_iface_find(ml.ml_rt[0].r_sys.sy_dp,
				    "FastEthernet0/0");
	const struct spd_entry	*se;
	const struct spd_sel	*ss;
	uint8_t			 ip[40];
	size_t			 n;

	/* The mirror of "permit ip host 1.1.1.1 host 2.2.2.2". */
	n = clear_pkt(ip, 0x02020202, 0x01010101, 1, 0, 0);
	ss = ipsec_spd_match_in(R(0), s12, ip, n, &se);
	ck_assert_ptr_nonnull(ss);
	ck_assert_uint_eq(se->se_ce->ce_seq, 10);
	ck_assert_uint_eq(sa_addr_get4(&ss->ss_rq.rq_peer), 0x0c010102);
	ck_assert_ptr_null(ipsec_spd_match_in(R(0), fa, ip, n, NULL));
	n = clear_pkt(ip, 0x01010101, 0x02020202, 1, 0, 0);
	ck_assert_ptr_null(ipsec_spd_match_in(R(0), s12, ip, n, NULL));
	/* Ports and protocol, mirrored: the ACL protects 1.1.1.1 to
	 * 2.2.2.2's port 80, so 2.2.2.2:80 -> 1.1.1.1 is protected. */
	memlab_run(&ml, 0, "configure terminal\nno access-list 100\n"
	    "access-list 100 deny tcp host 1.1.1.1 host 2.2.2.2 eq 81\n"
	    "access-list 100 permit tcp host 1.1.1.1 host 2.2.2.2 range 80 "
	    "81\nend");
	n = clear_pkt(ip, 0x02020202, 0x01010101, 6, 80, 1024);
	ck_assert_ptr_nonnull(ipsec_spd_match_in(R(0), s12, ip, n, NULL));
	n = clear_pkt(ip, 0x02020202, 0x01010101, 6, 81, 1024);
	ck_assert_ptr_null(ipsec_spd_match_in(R(0), s12, ip, n, NULL));
	n = clear_pkt(ip, 0x02020202, 0x01010101, 6, 1024, 80);
	ck_assert_ptr_null(ipsec_spd_match_in(R(0), s12, ip, n, NULL));
	n = clear_pkt(ip, 0x02020202, 0x01010101, 17, 80, 1024);
	ck_assert_ptr_null(ipsec_spd_match_in(R(0), s12, ip, n, NULL));
}
END_TEST

/* A remote peer's flow through R2's dynamic entry TST 20: local proxy
 * 2.2.2.2, remote REMOTE/PLEN, peer PEER. */
static struct ipsec_flow *
dyn_flow(uint32_t remote, unsigned plen, uint32_t peer)
{
	struct ipsec_flow	*fl = sadb_flow_new(&R(1)->c_sadb);
	struct ike_request	 rq;

	memset(&rq, 0, sizeof(rq));
	snprintf(rq.rq_ifname, sizeof(rq.rq_ifname), "Serial1/1");
	snprintf(rq.rq_map, sizeof(rq.rq_map), "TST");
	rq.rq_seq = 20;
	rq.rq_dynamic = true;
	sa_addr_v4(&rq.rq_local, 0x0c010102);
	sa_addr_v4(&rq.rq_peer, peer);
	ipsec_ident_set(&rq.rq_lid, 0x02020202, 0, 0, 0);
	ipsec_ident_set(&rq.rq_rid, remote, plen == 32 ? 0 : ~0u >> plen, 0,
	    0);
	ipsec_spd_dyn_add(R(1), fl, &rq);
	return fl;
}

/* The dynamic flow R2 sends 2.2.2.2 -> DST under, NULL: none. */
static struct ipsec_flow *
dyn_out(uint32_t dst)
{
	struct dp_iface		*s11 = dp_iface_find(ml.ml_rt[1].r_sys.sy_dp,
				    "Serial1/1");
	const struct spd_dyn	*sd;
	uint8_t			 ip[40];
	size_t			 n = clear_pkt(ip, 0x02020202, dst, 1, 0, 0);

	sd = ipsec_spd_dyn_match(ipsec_spd_iface(R(1), s11), ip, n);
	return sd != NULL ? sd->sd_flow : NULL;
}

/*
 * A dynamic entry's flows are found through their index by remote
 * proxy as a walk of them in order would: a /24 made before a /32
 * inside it takes the /32's packets, which go to the /32 once the /24
 * is gone; an address of no flow finds none; the same after the SPD is
 * compiled again (the flows hung anew); the cleartext check (mirror)
 * finds the flow too.
 */
START_TEST(test_dyn_index)
{
	struct dp_iface		*s11 = dp_iface_find(ml.ml_rt[1].r_sys.sy_dp,
				    "Serial1/1");
	struct ipsec_flow	*net, *host5, *host7;
	uint8_t			 ip[40];
	size_t			 n;
	uint64_t		 compiles;

	memlab_run(&ml, 1, "configure terminal\ncrypto dynamic-map DM 10\n"
	    "set transform-set TSET\nexit\n"
	    "crypto map TST 20 ipsec-isakmp dynamic DM\nend");
	ck_assert_ptr_nonnull(ipsec_spd_iface(R(1), s11));
	net = dyn_flow(0x0b000000, 24, 0x0c030001);
	host5 = dyn_flow(0x0b000005, 32, 0x0c030002);
	host7 = dyn_flow(0x0b000107, 32, 0x0c030003);
	ck_assert_ptr_eq(dyn_out(0x0b000005), net);
	ck_assert_ptr_eq(dyn_out(0x0b0000fe), net);
	ck_assert_ptr_eq(dyn_out(0x0b000107), host7);
	ck_assert_ptr_null(dyn_out(0x0b000106));
	ck_assert_ptr_null(dyn_out(0x0b000201));
	n = clear_pkt(ip, 0x0b000107, 0x02020202, 1, 0, 0);
	ck_assert_ptr_eq(ipsec_spd_match_in(R(1), s11, ip, n, NULL),
	    &host7->fl_dyn->sd_sel);
	n = clear_pkt(ip, 0x0b000109, 0x02020202, 1, 0, 0);
	ck_assert_ptr_null(ipsec_spd_match_in(R(1), s11, ip, n, NULL));
	ipsec_spd_dyn_del(R(1), net);
	sadb_flow_free(&R(1)->c_sadb, net);
	ck_assert_ptr_eq(dyn_out(0x0b000005), host5);
	ck_assert_ptr_null(dyn_out(0x0b0000fe));
	/* Compiled again: the same answers. */
	compiles = R(1)->c_spd->spd_compiles;
	memlab_run(&ml, 1, "configure terminal\n"
	    "access-list 150 permit ip any any\nend");
	ck_assert_ptr_eq(dyn_out(0x0b000005), host5);
	ck_assert_uint_eq(R(1)->c_spd->spd_compiles, compiles + 1);
	ck_assert_ptr_eq(dyn_out(0x0b000107), host7);
	ck_assert_ptr_null(dyn_out(0x0b0000fe));
	ipsec_spd_dyn_del(R(1), host5);
	sadb_flow_free(&R(1)->c_sadb, host5);
	ipsec_spd_dyn_del(R(1), host7);
	sadb_flow_free(&R(1)->c_sadb, host7);
	ck_assert_ptr_null(dyn_out(0x0b000107));
}
END_TEST


static Suite *
fastpath_suite(void)
{
	Suite	*s = suite_create("fastpath");
	TCase	*tc = tcase_create("memlab");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_zero_alloc_each_way, 0,
	    sizeof(fp_xf) / sizeof(fp_xf[0]));
	tcase_add_test(tc, test_spd_follows_config);
	tcase_add_test(tc, test_match_in);
	tcase_add_test(tc, test_dyn_index);
	tcase_add_test(tc, test_flow_cache);
	tcase_add_test(tc, test_flow_key_fields);
	tcase_add_test(tc, test_egress_follows_route);
	tcase_add_test(tc, test_esp_lane_follows_changes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 nf;

	/* Before OpenSSL allocates anything. */
	if (!CRYPTO_set_mem_functions(ossl_malloc, ossl_realloc, ossl_free))
		return 1;
	sr = srunner_create(fastpath_suite());
	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
