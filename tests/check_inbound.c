/*
 * Inbound IPsec policy end to end, on seed 001's pair (R1 Serial1/2 —
 * R2 Serial1/1 on a udp: wire, frozen clock, as check_ike runs them):
 *
 *   - cleartext that R1's crypto map says must come protected (2.2.2.2
 *     to 1.1.1.1, R2 having lost its crypto map) is dropped on Serial1/2,
 *     counted, and reported with %CRYPTO-4-RECVD_PKT_NOT_IPSEC once a
 *     minute per flow; what the ACL does not cover still passes in
 *     clear, and what came through ESP is never held to the check;
 *   - ESP that decrypts but whose inner packet lies outside its SA's
 *     selectors (wrong port when the ACL names one, wrong protocol,
 *     wrong address) is dropped and counted as #recv errors.  The ESP
 *     is made with R2's own outbound SA (its keys, its sequence);
 *   - IKE and ESP are never held to the check, even when the ACL covers
 *     the peers' own addresses.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ah.h"
#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "shell/router.h"
#include "tests/pair.h"

/* Let time pass up to the instant MS, traffic drained. */
static void
run_until(uint64_t ms)
{
	while (clock_mono_ms() < ms) {
		pair_drain();
		clock_advance(100);
	}
	pair_drain();
}

static void
setup(void)
{
	pair_open(NULL);
}

static struct crypto *
crypto_of(int r)
{
	return pair[r].fx_rt.r_sys.sy_crypto;
}

/* How many times TEXT occurs in R's output since it was last reset. */
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

/* Seed 001's tunnel between the hosts 1.1.1.1 and 2.2.2.2 (3des), up
 * from R1's first ping (the first echo lost to IKE). */
static void
tunnel_up(void)
{
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_run_for(1);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.!!!!\n") != NULL, "%s", out);
}

static const char	not_ipsec[] = "%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd "
    "packet not an IPSEC packet. (ip) vrf/dest_addr= /1.1.1.1, src_addr= "
    "2.2.2.2, prot= 1\n";

/* R's output is the message alone, on its line, stamped with the uptime
 * as IOS stamps console messages ("00:00:03: %CRYPTO-4-..."). */
static void
only_message(int r)
{
	const char	*out = pair[r].fx_out.sb_buf;
	unsigned	 h, m, sec;
	int		 end = 0;

	ck_assert_msg(sscanf(out, "%2u:%2u:%2u: %n", &h, &m, &sec, &end) ==
	    3 && end == 10 && strcmp(out + end, not_ipsec) == 0, "%s", out);
}

START_TEST(test_cleartext_dropped)
{
	const char	*out;
	uint64_t	 t0;

	tunnel_up();
	/* Through the tunnel, R2 to R1: decrypted packets are not held to
	 * the check (they came through ESP), nothing is reported. */
	strbuf_reset(&pair[0].fx_out);
	out = pair_run_wait(1, "ping 1.1.1.1 source loopback0");
	ck_assert_msg(strstr(out, "\n!!!!!\n") != NULL, "%s", out);
	ck_assert_int_eq(count(0, "RECVD_PKT_NOT_IPSEC"), 0);
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 0);

	/* R2 loses its crypto map: its echoes reach R1 in clear, and R1
	 * drops all five, saying so once, when the first arrives. */
	pair_config(1, "interface Serial1/1\n no crypto map TST\n");
	strbuf_reset(&pair[0].fx_out);
	t0 = clock_mono_ms();
	out = pair_run_wait(1, "ping 1.1.1.1 source loopback0");
	ck_assert_msg(strstr(out, "\n.....\nSuccess rate is 0 percent (0/5)")
	    != NULL, "%s", out);
	ck_assert_int_eq(count(0, not_ipsec), 1);
	only_message(0);
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 5);
	/* Not an SA's error: R1's counters are the tunnel's. */
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts decaps: 9, #pkts decrypt: 9, "
	    "#pkts verify: 9\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 1, #recv errors 0\n") !=
	    NULL, "%s", out);

	/* Within the minute the same flow is counted, not reported: up to
	 * 59.9 s after the report ... */
	strbuf_reset(&pair[0].fx_out);
	pair_run_wait(1, "ping 1.1.1.1 source loopback0 repeat 3");
	run_until(t0 + 59900);
	pair_run_wait(1, "ping 1.1.1.1 source loopback0 repeat 1 timeout 0");
	ck_assert_int_eq(count(0, "RECVD_PKT_NOT_IPSEC"), 0);
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 9);
	/* ... and at 60 s, once more. */
	run_until(t0 + 60000);
	pair_run_wait(1, "ping 1.1.1.1 source loopback0 repeat 2 timeout 0");
	only_message(0);
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 11);

	/* What the ACL does not cover passes in clear, both ways. */
	strbuf_reset(&pair[0].fx_out);
	out = pair_run_wait(1, "ping 1.1.1.1");
	ck_assert_msg(strstr(out, "\n!!!!!\nSuccess rate is 100 percent "
	    "(5/5)") != NULL, "%s", out);
	ck_assert_int_eq(count(0, "RECVD_PKT_NOT_IPSEC"), 0);
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 11);
}
END_TEST

/* Send the IPv4 packet PKT (LEN bytes) from R2, as it stands. */
static void
send_from_r2(const uint8_t *pkt, size_t len)
{
	ck_assert_int_eq(dp_ip_output(pair[1].fx_rt.r_sys.sy_dp, pkt, len),
	    DP_SEND_OK);
	pair_drain();
}

/* INNER in ESP on R2's newest outbound SA from 12.1.1.2 to R1, into PKT
 * (512 bytes); its length. */
static size_t
esp_make(const uint8_t *inner, size_t ilen, uint8_t *pkt)
{
	struct crypto		*c = crypto_of(1);
	struct ipsec_flow	*fl = TAILQ_FIRST(&c->c_sadb.db_flows);
	struct ipsec_sa		*ps;
	size_t			 elen;

	ck_assert(fl != NULL);
	ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
	ck_assert(ps != NULL && ps->ps_esp != NULL);
	ck_assert_int_eq(esp_encap(ps->ps_esp, inner, ilen, pkt + 20,
	    512 - 20, &elen), ESP_OK);
	ip4_hdr(pkt, 20 + elen, 50, 0x0c010102, 0x0c010101);
	return 20 + elen;
}

/* INNER in ESP on R2's newest outbound SA, sent from 12.1.1.2 to R1. */
static void
esp_from_r2(const uint8_t *inner, size_t ilen)
{
	struct crypto		*c = crypto_of(1);
	struct ipsec_flow	*fl = TAILQ_FIRST(&c->c_sadb.db_flows);
	struct ipsec_sa		*ps;
	uint8_t			 pkt[512];
	size_t			 elen;

	ck_assert(fl != NULL);
	ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
	ck_assert(ps != NULL && ps->ps_esp != NULL);
	ck_assert_int_eq(esp_encap(ps->ps_esp, inner, ilen, pkt + 20,
	    sizeof(pkt) - 20, &elen), ESP_OK);
	ip4_hdr(pkt, 20 + elen, 50, 0x0c010102, 0x0c010101);
	ck_assert_int_eq(dp_ip_output(pair[1].fx_rt.r_sys.sy_dp, pkt, 20 + elen),
	    DP_SEND_OK);
	pair_drain();
}

/* A UDP datagram SPORT -> DPORT, or (PROTO 1) an ICMP echo request. */
static size_t
inner(uint8_t *p, uint8_t proto, uint32_t src, uint16_t sport,
    uint16_t dport)
{
	memset(p, 0, 36);
	ip4_hdr(p, 36, proto, src, 0x01010101);
	if (proto == 17) {
		p[20] = (uint8_t)(sport >> 8);
		p[21] = (uint8_t)sport;
		p[22] = (uint8_t)(dport >> 8);
		p[23] = (uint8_t)dport;
		p[25] = 16;		/* UDP length; checksum 0: none */
	} else
		p[20] = 8;		/* echo request */
	return 36;
}

START_TEST(test_esp_outside_selectors)
{
	struct dataplane	*dp0 = pair[0].fx_rt.r_sys.sy_dp;
	const uint8_t		 data[4] = "echo";
	uint8_t			 p[64];
	const char		*out;
	struct ipsec_flow	*fl;

	pair_crypto_cfg(0, "3des", "cisco", "permit udp host 1.1.1.1 host 2.2.2.2 eq 7");
	pair_crypto_cfg(1, "3des", "cisco", "permit udp host 2.2.2.2 eq 7 host 1.1.1.1");
	pair_run_for(1);
	/* The first datagram to 2.2.2.2 port 7 starts IKE, the second
	 * goes through the SA. */
	ck_assert_int_eq(dp_udp_send(dp0, 0x01010101, 1024, 0x02020202, 7,
	    data, sizeof(data)), DP_SEND_DROPPED);
	pair_run_for(5);
	ck_assert_int_eq(dp_udp_send(dp0, 0x01010101, 1024, 0x02020202, 7,
	    data, sizeof(data)), DP_SEND_OK);
	pair_run_for(1);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "   remote ident (addr/mask/prot/port): "
	    "(2.2.2.2/255.255.255.255/17/7)\n") != NULL, "%s", out);

	/* In its selectors: from port 7 of 2.2.2.2, UDP. */
	esp_from_r2(p, inner(p, 17, 0x02020202, 7, 9));
	/* Another source port, another protocol, another source. */
	esp_from_r2(p, inner(p, 17, 0x02020202, 8, 9));
	esp_from_r2(p, inner(p, 1, 0x02020202, 0, 0));
	esp_from_r2(p, inner(p, 17, 0x02020203, 7, 9));
	/* In its selectors, but its header claims more than ESP carried
	 * (a peer that cut it): decrypted, then a receive error. */
	inner(p, 17, 0x02020202, 7, 9);
	put16(p + 2, 100);
	put16(p + 10, 0);
	put16(p + 10, in_cksum(p, 20, 0));
	esp_from_r2(p, 36);
	pair_run_for(1);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts encaps: 1, #pkts encrypt: 1, "
	    "#pkts digest: 1\n    #pkts decaps: 2, #pkts decrypt: 2, "
	    "#pkts verify: 2\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 1, #recv errors 4\n") !=
	    NULL, "%s", out);
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_policy, 3);
	/* ESP is IPsec's own: never a cleartext drop. */
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 0);
}
END_TEST

/*
 * show crypto ipsec sa detail's counters after one packet accepted, 3
 * replays and 2 tampered packets (and IDENT outside the selectors): one
 * decrypted if DECRYPT (ESP), RECV receive errors in all.
 */
static const char *
detail_counters(int decrypt, int ident, int recv)
{
	static char	buf[1024];

	snprintf(buf, sizeof(buf),
	    "    #pkts decaps: 1, #pkts decrypt: %d, #pkts verify: 1\n"
	    "    #pkts compressed: 0, #pkts decompressed: 0\n"
	    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
	    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n"
	    "    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0\n"
	    "    #pkts encaps failed (send) 1, #pkts decaps failed (rcv) 0\n"
	    "    #pkts invalid prot (recv) 0, #pkts verify failed: 2\n"
	    "    #pkts invalid identity (recv) %d, #pkts invalid len (rcv) 0\n"
	    "    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0\n"
	    "    ##pkts replay failed (rcv): 3\n"
	    "    #pkts internal err (send): 0, #pkts internal err (recv) 0\n"
	    "    #send errors 1, #recv errors %d\n", decrypt, ident, recv);
	return buf;
}

/*
 * Issue 19: a replayed ESP packet is counted as "##pkts replay failed",
 * a tampered one as "#pkts verify failed" (show crypto ipsec sa detail),
 * and the replay is logged as IOS logs it, once a minute; ESP with an
 * unknown SPI is logged once a minute too, the rest counted.
 */
START_TEST(test_esp_replay_tamper)
{
	struct dataplane	*dp0 = pair[0].fx_rt.r_sys.sy_dp;
	const uint8_t		 data[4] = "echo";
	uint8_t			 p[64], esp[512], bad[512];
	const char		*out;
	char			 msg[160];
	struct ipsec_flow	*fl;
	size_t			 n, i;
	uint64_t		 t0;

	pair_crypto_cfg(0, "3des", "cisco", "permit udp host 1.1.1.1 host 2.2.2.2 eq 7");
	pair_crypto_cfg(1, "3des", "cisco", "permit udp host 2.2.2.2 eq 7 host 1.1.1.1");
	pair_run_for(1);
	ck_assert_int_eq(dp_udp_send(dp0, 0x01010101, 1024, 0x02020202, 7,
	    data, sizeof(data)), DP_SEND_DROPPED);
	pair_run_for(5);
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	ck_assert(fl != NULL && !TAILQ_EMPTY(&fl->fl_in));
	snprintf(msg, sizeof(msg), "%%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay "
	    "check failed connection id=%u, sequence number=1\n",
	    TAILQ_LAST(&fl->fl_in, ipsec_sa_list)->ps_connid);

	/* Captured once, received, then replayed three times. */
	n = esp_make(p, inner(p, 17, 0x02020202, 7, 9), esp);
	strbuf_reset(&pair[0].fx_out);
	t0 = clock_mono_ms();
	for (i = 0; i < 4; i++)
		send_from_r2(esp, n);
	ck_assert_int_eq(count(0, "%CRYPTO-4-PKT_REPLAY_ERR"), 1);
	ck_assert_int_eq(count(0, msg), 1);
	/* The next one tampered (a byte of its ciphertext), twice. */
	n = esp_make(p, inner(p, 17, 0x02020202, 7, 9), bad);
	bad[20 + 8 + 8] ^= 0x01;
	send_from_r2(bad, n);
	send_from_r2(bad, n);
	ck_assert_uint_eq(fl->fl_stats.fs_replay_fail, 3);
	ck_assert_uint_eq(fl->fl_stats.fs_verify_fail, 2);
	out = fx_run(&pair[0], "show crypto ipsec sa detail");
	ck_assert_msg(strstr(out, detail_counters(1, 0, 5)) != NULL, "%s",
	    out);
	/* Without detail, IOS's plain layout. */
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "replay failed") == NULL &&
	    strstr(out, "#pkts not decompressed: 0, #pkts decompress failed: "
	    "0\n    #send errors 1, #recv errors 5\n") != NULL, "%s", out);

	/* Within the minute, counted, not logged; at 60 s, logged again. */
	run_until(t0 + 59900);
	strbuf_reset(&pair[0].fx_out);
	send_from_r2(esp, n);
	ck_assert_int_eq(count(0, "PKT_REPLAY_ERR"), 0);
	ck_assert_uint_eq(crypto_of(0)->c_rl_replay.rl_suppressed, 3);
	run_until(t0 + 60000);
	send_from_r2(esp, n);
	ck_assert_int_eq(count(0, msg), 1);
	ck_assert_uint_eq(fl->fl_stats.fs_replay_fail, 5);

	/* 1,000 packets with an unknown SPI: one line, 999 suppressed. */
	strbuf_reset(&pair[0].fx_out);
	put32(esp + 20, 0xdeadbeef);
	for (i = 0; i < 1000; i++)
		send_from_r2(esp, n);
	ck_assert_int_eq(count(0, "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: "
	    "rec'd IPSEC packet has invalid spi for destaddr=12.1.1.1, "
	    "prot=50, spi=0xDEADBEEF(3735928559), srcaddr=12.1.1.2\n"), 1);
	ck_assert_int_eq(count(0, "RECVD_PKT_INV_SPI"), 1);
	ck_assert_uint_eq(crypto_of(0)->c_rl_inv_spi.rl_suppressed, 999);
	ck_assert_uint_eq(crypto_of(0)->c_rl_inv_spi.rl_logged, 1);
}
END_TEST

/* INNER in AH on R2's newest outbound SA (tunnel mode, AH alone), from
 * 12.1.1.2 to R1, into PKT (512 bytes); its length. */
static size_t
ah_make(const uint8_t *inner, size_t ilen, uint8_t *pkt)
{
	struct crypto		*c = crypto_of(1);
	struct ipsec_flow	*fl = TAILQ_FIRST(&c->c_sadb.db_flows);
	struct ipsec_sa		*ps;
	size_t			 alen, len;

	ck_assert(fl != NULL);
	ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
	ck_assert(ps != NULL && ps->ps_ah != NULL && ps->ps_esp == NULL);
	alen = ah_sa_len(ps->ps_ah);
	len = 20 + alen + ilen;
	memcpy(pkt + 20 + alen, inner, ilen);
	ip4_hdr(pkt, len, 51, 0x0c010102, 0x0c010101);
	ck_assert_int_eq(ah_out(ps->ps_ah, pkt, len, 4), ESP_OK);
	return len;
}

/*
 * AH's receive errors as ESP's (issue 17): with `ah-sha-hmac` alone, a
 * replayed AH packet is "##pkts replay failed" and logged once, a
 * tampered one (a byte of the inner packet) "#pkts verify failed", one
 * whose inner packet is outside the SA's selectors "#pkts invalid
 * identity"; decrypt stays 0 (nothing is encrypted), and an unknown AH
 * SPI is logged with prot=51.
 */
START_TEST(test_ah_replay_tamper)
{
	struct dataplane	*dp0 = pair[0].fx_rt.r_sys.sy_dp;
	const uint8_t		 data[4] = "echo";
	uint8_t			 p[64], ah[512], bad[512];
	const char		*out;
	struct ipsec_flow	*fl;
	size_t			 n, i;

	pair_crypto_cfg(0, "3des", "cisco", "permit udp host 1.1.1.1 host 2.2.2.2 eq 7");
	pair_crypto_cfg(1, "3des", "cisco", "permit udp host 2.2.2.2 eq 7 host 1.1.1.1");
	pair_config(0, "crypto ipsec transform-set TSET ah-sha-hmac\n");
	pair_config(1, "crypto ipsec transform-set TSET ah-sha-hmac\n");
	pair_run_for(1);
	ck_assert_int_eq(dp_udp_send(dp0, 0x01010101, 1024, 0x02020202, 7,
	    data, sizeof(data)), DP_SEND_DROPPED);
	pair_run_for(5);
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	ck_assert(fl != NULL && !TAILQ_EMPTY(&fl->fl_in));
	n = ah_make(p, inner(p, 17, 0x02020202, 7, 9), ah);
	strbuf_reset(&pair[0].fx_out);
	for (i = 0; i < 4; i++)
		send_from_r2(ah, n);
	ck_assert_int_eq(count(0, "%CRYPTO-4-PKT_REPLAY_ERR"), 1);
	n = ah_make(p, inner(p, 17, 0x02020202, 7, 9), bad);
	bad[n - 1] ^= 0x01;
	send_from_r2(bad, n);
	send_from_r2(bad, n);
	/* Verified, but not what the SA is for: another source port. */
	n = ah_make(p, inner(p, 17, 0x02020202, 8, 9), bad);
	send_from_r2(bad, n);
	ck_assert_uint_eq(fl->fl_stats.fs_replay_fail, 3);
	ck_assert_uint_eq(fl->fl_stats.fs_verify_fail, 2);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_policy, 1);
	out = fx_run(&pair[0], "show crypto ipsec sa detail");
	ck_assert_msg(strstr(out, detail_counters(0, 1, 6)) != NULL, "%s",
	    out);
	ck_assert_msg(strstr(out, "     inbound ah sas:\n      spi: 0x") !=
	    NULL, "%s", out);
	/* An unknown AH SPI: logged with AH's protocol number. */
	put32(ah + 24, 0xdeadbeef);
	send_from_r2(ah, n);
	ck_assert_int_eq(count(0, "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: "
	    "rec'd IPSEC packet has invalid spi for destaddr=12.1.1.1, "
	    "prot=51, spi=0xDEADBEEF(3735928559), srcaddr=12.1.1.2\n"), 1);
}
END_TEST

/*
 * The ACL protects the peers' own addresses (all IP between 12.1.1.1 and
 * 12.1.1.2): IKE and ESP between them match it in clear, yet are IPsec's
 * own and pass; the echoes go through ESP.
 */
START_TEST(test_ike_esp_exempt)
{
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 12.1.1.1 host 12.1.1.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 12.1.1.2 host 12.1.1.1");
	pair_run_for(1);
	out = pair_run_wait(0, "ping 12.1.1.2");
	ck_assert_msg(strstr(out, "\n.!!!!\nSuccess rate is 80 percent (4/5)")
	    != NULL, "%s", out);
	out = fx_run(&pair[1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts decaps: 4, #pkts decrypt: 4, "
	    "#pkts verify: 4\n") != NULL, "%s", out);
	ck_assert_uint_eq(crypto_of(0)->c_clear_drops, 0);
	ck_assert_uint_eq(crypto_of(1)->c_clear_drops, 0);
}
END_TEST

/*
 * What R1 decapsulated is handed back to its dataplane in one call
 * (dp_ip_input: the header checks and the local lane or the walk,
 * ip4.c).  Each inner datagram below must fare as a datagram received
 * on Serial1/2 fares, counted where IOS counts it: a bad header is an
 * input error of the interface (the ESP was still decapsulated), a
 * total length past what ESP carried a receive error of the SA, bytes
 * past the total length dropped, options and fragments taken, a
 * datagram not for R1 forwarded (no route: unreachable), the interface's
 * access group applied to what ESP carried.  An echo R1 answers shows as
 * one more packet encapsulated (the reply goes back through the SA).
 */

/* An echo request 2.2.2.2 -> DST with TTL, OPT bytes of IP options
 * (NOPs, then an end), DATA bytes of data and PAD bytes past its total
 * length, its checksums right; its length with PAD. */
static size_t
echo_in(uint8_t *p, uint32_t dst, uint8_t ttl, size_t opt, size_t data,
    size_t pad)
{
	size_t		hl = 20 + opt, len = hl + 8 + data, i;
	uint16_t	sum;

	memset(p, 0, len + pad);
	ip4_hdr(p, len, 1, 0x02020202, dst);
	p[0] = (uint8_t)(0x40 | hl / 4);
	p[8] = ttl;
	for (i = 20; i + 1 < hl; i++)
		p[i] = 1;		/* NOP; the last byte: end of list */
	put16(p + 10, 0);
	put16(p + 10, in_cksum(p, hl, 0));
	p[hl] = 8;
	put16(p + hl + 4, 0x1234);
	for (i = 0; i < data; i++)
		p[hl + 8 + i] = (uint8_t)(0x40 + i);
	sum = in_cksum(p + hl, 8 + data, 0);
	put16(p + hl + 2, sum);
	for (i = 0; i < pad; i++)
		p[len + i] = 0xee;
	return len + pad;
}

/* A TCP segment's first 20 bytes 2.2.2.2 -> DST with TTL (R1 has no TCP:
 * for it, dropped without a word; forwarded, an ICMP error if anything). */
static size_t
tcp_in(uint8_t *p, uint32_t dst, uint8_t ttl)
{
	memset(p, 0, 40);
	ip4_hdr(p, 40, 6, 0x02020202, dst);
	p[8] = ttl;
	put16(p + 10, 0);
	put16(p + 10, in_cksum(p, 20, 0));
	put16(p + 20, 1024);
	put16(p + 22, 23);
	p[32] = 0x50;
	p[33] = 0x02;		/* SYN */
	return 40;
}

/* The header's checksum again after a change to it. */
static void
recheck(uint8_t *p)
{
	put16(p + 10, 0);
	put16(p + 10, in_cksum(p, (size_t)(p[0] & 15) * 4, 0));
}

/* R1's Serial1/2: its input errors, as show interfaces gives them. */
static unsigned long long
r1_in_errors(void)
{
	const char		*out = fx_run(&pair[0], "show interfaces Serial1/2");
	const char		*at = strstr(out, " input errors");
	unsigned long long	 n;

	ck_assert_msg(at != NULL, "%s", out);
	while (at > out && at[-1] != ' ')
		at--;
	ck_assert(sscanf(at, "%llu", &n) == 1);
	return n;
}

/* One inner datagram into R1 through ESP (RAW: P is the ESP packet,
 * sent as it stands), and what came of it: R1's flow counters moved by
 * DEC decapsulated, ENC encapsulated (an answer), RECV receive errors,
 * and Serial1/2's input errors by IERR. */
static void
decap_case_as(bool raw, const uint8_t *p, size_t len, unsigned dec,
    unsigned enc, unsigned recv, unsigned ierr, const char *what)
{
	struct ipsec_flow	*fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	struct flow_stats	 st = fl->fl_stats;
	unsigned long long	 ie = r1_in_errors();

	if (raw)
		send_from_r2(p, len);
	else
		esp_from_r2(p, len);
	pair_run_for(1);
	ck_assert_msg(fl->fl_stats.fs_decaps == st.fs_decaps + dec &&
	    fl->fl_stats.fs_encaps == st.fs_encaps + enc &&
	    fl->fl_stats.fs_recv_errors == st.fs_recv_errors + recv &&
	    r1_in_errors() == ie + ierr, "%s: decaps +%llu, encaps +%llu, "
	    "recv errors +%llu, input errors +%llu", what,
	    (unsigned long long)(fl->fl_stats.fs_decaps - st.fs_decaps),
	    (unsigned long long)(fl->fl_stats.fs_encaps - st.fs_encaps),
	    (unsigned long long)(fl->fl_stats.fs_recv_errors -
	    st.fs_recv_errors), r1_in_errors() - ie);
}

static void
decap_case(const uint8_t *p, size_t len, unsigned dec, unsigned enc,
    unsigned recv, unsigned ierr, const char *what)
{
	decap_case_as(false, p, len, dec, enc, recv, ierr, what);
}

/* As decap_case, P being the ESP packet itself (a fragment of one). */
static void
decap_case_raw(const uint8_t *p, size_t len, unsigned dec, unsigned enc,
    unsigned recv, unsigned ierr, const char *what)
{
	decap_case_as(true, p, len, dec, enc, recv, ierr, what);
}

START_TEST(test_decap_handed_back)
{
	uint8_t		 p[256];
	size_t		 n;
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco",
	    "permit ip any 2.2.2.0 0.0.0.255");
	pair_crypto_cfg(1, "3des", "cisco",
	    "permit ip 2.2.2.0 0.0.0.255 any");
	pair_run_for(1);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 3 "
	    "timeout 1");
	ck_assert_msg(strstr(out, "!!") != NULL, "%s", out);
	pair_run_for(1);

	decap_case(p, echo_in(p, 0x01010101, 64, 0, 16, 0), 1, 1, 0, 0,
	    "an echo for R1");
	n = echo_in(p, 0x01010101, 64, 0, 16, 0);
	p[10] ^= 0x40;
	decap_case(p, n, 1, 0, 0, 1, "a bad header checksum");
	n = echo_in(p, 0x01010101, 64, 0, 16, 0);
	put16(p + 2, 16);
	recheck(p);
	decap_case(p, n, 1, 0, 0, 1, "a total length under the header");
	n = echo_in(p, 0x01010101, 64, 0, 16, 0);
	put16(p + 2, (uint16_t)(n + 1));
	recheck(p);
	decap_case(p, n, 1, 0, 1, 0, "a total length past what ESP carried");
	n = echo_in(p, 0x01010101, 64, 0, 16, 0);
	p[0] = 0x55;
	recheck(p);
	decap_case(p, n, 1, 0, 1, 0, "version 5");
	decap_case(p, echo_in(p, 0x01010101, 64, 0, 16, 12), 1, 1, 0, 0,
	    "bytes past the total length");
	decap_case(p, echo_in(p, 0x01010101, 64, 8, 16, 0), 1, 1, 0, 0,
	    "options");
	n = echo_in(p, 0x01010101, 64, 8, 16, 0);
	p[21] ^= 0x40;
	decap_case(p, n, 1, 0, 0, 1, "options, a bad header checksum");
	decap_case(p, echo_in(p, 0x01010104, 64, 0, 16, 0), 1, 1, 0, 0,
	    "not for R1, no route: unreachable");
	/* TCP tells local delivery (silence) from forwarding (an error). */
	decap_case(p, tcp_in(p, 0x01010101, 64), 1, 0, 0, 0,
	    "TCP for R1: dropped");
	decap_case(p, tcp_in(p, 0x01010104, 64), 1, 1, 0, 0,
	    "TCP not for R1: unreachable");
	decap_case(p, tcp_in(p, 0x01010104, 1), 1, 1, 0, 0,
	    "TCP not for R1, TTL 1: time exceeded");

	/* The echo in two fragments: answered when whole. */
	n = echo_in(p, 0x01010101, 64, 0, 16, 0);
	put16(p + 2, 36);
	put16(p + 6, 0x2000);
	recheck(p);
	decap_case(p, 36, 1, 0, 0, 0, "the first fragment");
	memmove(p + 20, p + 36, 8);
	put16(p + 2, 28);
	put16(p + 6, 2);
	recheck(p);
	decap_case(p, 28, 1, 1, 0, 0, "the second fragment");

	/* The access group of Serial1/2 lets ESP in and denies the echo
	 * it carried: its rule counted, R1's "administratively prohibited"
	 * the answer; gone, the echo is answered. */
	pair_config(0, "access-list 120 permit esp any any\n"
	    "access-list 120 deny icmp any host 1.1.1.1\n"
	    "access-list 120 permit ip any any\n"
	    "interface Serial1/2\n ip access-group 120 in\n");
	decap_case(p, echo_in(p, 0x01010101, 64, 0, 16, 0), 1, 1, 0, 0,
	    "denied by the access group (answered: prohibited)");
	out = fx_run(&pair[0], "show access-lists 120");
	ck_assert_msg(strstr(out, "deny icmp any host 1.1.1.1 (1 match)") !=
	    NULL, "%s", out);
	pair_config(0, "interface Serial1/2\n no ip access-group 120 in\n");
	decap_case(p, echo_in(p, 0x01010101, 64, 0, 16, 0), 1, 1, 0, 0,
	    "the access group gone");
}
END_TEST

/*
 * The inbound SA of the last ESP packet's SPI is kept (ipsec_in.c,
 * c_spi_memo) while no SA is made or freed: a packet with another SPI
 * straight after a good one is an unknown SPI, not the kept SA's (whose
 * ICV it would fail); after `clear crypto sa` freed the kept SA, a
 * packet with its SPI is an unknown SPI too (the kept pointer, used,
 * would be freed memory: ASan reports it), and so after new SAs.
 */
START_TEST(test_spi_memo)
{
	uint8_t			 p[64], esp[512], old[512];
	const char		*out;
	struct ipsec_flow	*fl;
	uint64_t		 bad0;
	size_t			 n, nold;

	tunnel_up();
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	ck_assert(fl != NULL);
	bad0 = crypto_of(0)->c_esp_bad;

	/* Accepted (the SA kept), then another SPI at once. */
	n = esp_make(p, inner(p, 1, 0x02020202, 0, 0), esp);
	send_from_r2(esp, n);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, 5);
	n = esp_make(p, inner(p, 1, 0x02020202, 0, 0), esp);
	nold = esp_make(p, inner(p, 1, 0x02020202, 0, 0), old);
	put32(esp + 20, get32(esp + 20) ^ 1);
	send_from_r2(esp, n);
	ck_assert_uint_eq(crypto_of(0)->c_esp_bad, bad0 + 1);
	ck_assert_uint_eq(fl->fl_stats.fs_verify_fail, 0);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_errors, 0);
	/* The right SPI again: the SA, found afresh. */
	put32(esp + 20, get32(esp + 20) ^ 1);
	send_from_r2(esp, n);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, 6);

	/* R1's SAs and flow freed: the kept SA's SPI is unknown. */
	fx_run(&pair[0], "clear crypto sa");
	pair_drain();
	send_from_r2(old, nold);
	ck_assert_uint_eq(crypto_of(0)->c_esp_bad, bad0 + 2);
	/* New SAs (other SPIs): the old one is still unknown. */
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "!!!!\n") != NULL, "%s", out);
	send_from_r2(old, nold);
	ck_assert_uint_eq(crypto_of(0)->c_esp_bad, bad0 + 3);
}
END_TEST

/*
 * An AH+ESP SA takes ESP only as its AH brought it: ESP alone on such
 * an SA, with its SPI, a good ICV and a fresh sequence number, is
 * refused (#recv errors, invalid identity) and never decapsulated —
 * also straight after bundles were accepted, when the SPI memo
 * (ipsec_in.c, c_spi_memo) holds the SA and says how to decrypt it:
 * the memo's "decrypt at once" must not cover an SA with AH.
 */
START_TEST(test_bundle_esp_alone)
{
	uint8_t			 p[64], esp[512];
	const char		*out;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	uint64_t		 decaps, policy;
	size_t			 n;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_config(0, "crypto ipsec transform-set TSET ah-sha-hmac esp-3des "
	    "esp-sha-hmac\n");
	pair_config(1, "crypto ipsec transform-set TSET ah-sha-hmac esp-3des "
	    "esp-sha-hmac\n");
	pair_run_for(1);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "!!!!\n") != NULL, "%s", out);
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	ck_assert(fl != NULL);
	ps = TAILQ_LAST(&fl->fl_in, ipsec_sa_list);
	ck_assert(ps != NULL && ps->ps_ah != NULL && ps->ps_esp != NULL);
	ck_assert_ptr_eq(crypto_of(0)->c_spi_memo.sm_ps, ps);
	decaps = fl->fl_stats.fs_decaps;
	policy = fl->fl_stats.fs_recv_policy;
	ck_assert_uint_ge(decaps, 4);

	/* ESP of the bundle's SA, without its AH, twice. */
	n = esp_make(p, inner(p, 1, 0x02020202, 0, 0), esp);
	send_from_r2(esp, n);
	n = esp_make(p, inner(p, 1, 0x02020202, 0, 0), esp);
	send_from_r2(esp, n);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, decaps);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_policy, policy + 2);

	/* The bundle itself still passes. */
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "!!!!!\n") != NULL, "%s", out);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, decaps + 5);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_policy, policy + 2);
}
END_TEST

/* The inbound SAs of R's flows. */
static int
in_sas(int r)
{
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	int			 n = 0;

	TAILQ_FOREACH(fl, &crypto_of(r)->c_sadb.db_flows, fl_entry)
		TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
			n++;
	return n;
}

/*
 * The soft volume lifetime reached by what an initiator receives alone
 * (ipsec_in.c asks ipsec_rekey_volume only from it on): R1 brought the
 * SAs up, then takes 440-byte UDP datagrams in ESP from R2 (R1 answers
 * the first with one port unreachable, rate-limited after): at 90% of
 * 2,560 KB (5,363 datagrams) R1 renegotiates, not one datagram before.
 */
START_TEST(test_rekey_inbound_volume)
{
	uint8_t		p[440];
	const char	*out;
	int		i;

	for (i = 0; i < PAIR_NR; i++)
		pair_config(i, "crypto ipsec security-association lifetime "
		    "kilobytes 2560\n");
	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_run_for(1);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 1");
	ck_assert_int_eq(in_sas(0), 1);
	memset(p, 0, sizeof(p));
	ip4_hdr(p, sizeof(p), 17, 0x02020202, 0x01010101);
	put16(p + 20, 1024);
	put16(p + 22, 9);
	put16(p + 24, sizeof(p) - 20);
	/* 440 bytes counted a datagram (ps_bytes): 5,363 reach 2,304 KB. */
	for (i = 0; i < 5362; i++)
		esp_from_r2(p, sizeof(p));
	pair_run_for(1);
	ck_assert_int_eq(in_sas(0), 1);
	esp_from_r2(p, sizeof(p));
	pair_run_for(1);
	ck_assert_int_eq(in_sas(0), 2);
	(void)out;
}
END_TEST

/*
 * A responder's new pair waits in standby (its outbound SA unused) until
 * QM3 or the peer's first packet on it (ipsec_rekey_confirmed): an ESP
 * packet accepted on the standby pair's inbound SA ends the wait, and
 * the SAs' generation moves; one refused (outside the selectors) does
 * not.
 */
START_TEST(test_standby_confirmed)
{
	struct crypto		*c;
	struct ipsec_flow	*fl;
	struct ipsec_pair	*pr;
	uint8_t			 p[64];
	uint64_t		 gen;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	pair_run_for(1);
	pair_run_wait(0, "ping 2.2.2.2 source loopback0 repeat 2");
	c = crypto_of(0);
	fl = TAILQ_FIRST(&c->c_sadb.db_flows);
	ck_assert(fl != NULL && !TAILQ_EMPTY(&fl->fl_in));
	pr = TAILQ_LAST(&fl->fl_in, ipsec_sa_list)->ps_expiry;
	ck_assert(pr != NULL && !pr->pr_standby);
	/* As ipsec_rekey_installed leaves a responder's new pair. */
	pr->pr_standby = true;
	c->c_sadb.db_sa_gen++;
	gen = c->c_sadb.db_sa_gen;
	esp_from_r2(p, inner(p, 1, 0x02020203, 0, 0));
	ck_assert(pr->pr_standby);
	ck_assert_uint_eq(c->c_sadb.db_sa_gen, gen);
	esp_from_r2(p, inner(p, 1, 0x02020202, 0, 0));
	ck_assert(!pr->pr_standby);
	ck_assert_uint_eq(c->c_sadb.db_sa_gen, gen + 1);
}
END_TEST

/*
 * Issue 22 (t28b): the lane (co_esp_lane) tests an inner datagram's
 * addresses against the flow's one masked test itself.  With host
 * proxies and no protocol or port, a datagram from another source or
 * to another destination is refused (#recv errors, invalid identity),
 * never decapsulated or answered; one inside them is; ESP inside ESP
 * (an unknown SPI) reaches crypto's hook again.
 */
START_TEST(test_lane_selectors)
{
	uint8_t			 p[64];
	struct ipsec_flow	*fl;
	struct flow_stats	 st;
	uint64_t		 bad0;
	size_t			 n;

	tunnel_up();
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	ck_assert(fl != NULL);
	st = fl->fl_stats;

	esp_from_r2(p, inner(p, 1, 0x02020203, 0, 0));
	n = inner(p, 1, 0x02020202, 0, 0);
	put32(p + 16, 0x01010102);
	recheck(p);
	esp_from_r2(p, n);
	n = inner(p, 1, 0x82020202, 0, 0);
	esp_from_r2(p, n);
	pair_run_for(1);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, st.fs_decaps);
	ck_assert_uint_eq(fl->fl_stats.fs_encaps, st.fs_encaps);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_errors, st.fs_recv_errors + 3);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_policy, st.fs_recv_policy + 3);

	/* Inside: the echo answered (through ESP). */
	n = inner(p, 1, 0x02020202, 0, 0);
	put16(p + 22, in_cksum(p + 20, n - 20, 0));
	esp_from_r2(p, n);
	pair_run_for(1);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, st.fs_decaps + 1);
	ck_assert_uint_eq(fl->fl_stats.fs_encaps, st.fs_encaps + 1);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_errors, st.fs_recv_errors + 3);

	/* ESP in ESP for R1, an SPI it does not know: decapsulated, then
	 * the inner ESP an invalid SPI. */
	bad0 = crypto_of(0)->c_esp_bad;
	n = inner(p, 50, 0x02020202, 0, 0);
	put32(p + 20, 0x1234);
	put32(p + 24, 1);
	esp_from_r2(p, n);
	pair_run_for(1);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, st.fs_decaps + 2);
	ck_assert_uint_eq(crypto_of(0)->c_esp_bad, bad0 + 1);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_errors, st.fs_recv_errors + 3);
}
END_TEST

/*
 * Issue 22 (t28b): a wire's ESP takes the lane (co_esp_lane, its inner
 * datagram received in ip4_receive) only when nothing stands between:
 * ESP in two fragments is reassembled first (then decapsulated and its
 * echo answered), and on an `ip nat outside` interface what ESP carried
 * is translated before routing — TCP to R1's address, made the inside
 * global of 10.9.9.9, is a datagram with no route (unreachable, through
 * ESP), not TCP for R1 (dropped, silent).
 */
START_TEST(test_lane_not_taken)
{
	uint8_t		 p[256], esp[512], fr[512];
	size_t		 n, half;

	pair_crypto_cfg(0, "3des", "cisco",
	    "permit ip any 2.2.2.0 0.0.0.255");
	pair_crypto_cfg(1, "3des", "cisco",
	    "permit ip 2.2.2.0 0.0.0.255 any");
	pair_run_for(1);
	ck_assert(strstr(pair_run_wait(0, "ping 2.2.2.2 source loopback0 "
	    "repeat 3 timeout 1"), "!!") != NULL);
	pair_run_for(1);

	/* The ESP packet of an echo, in two fragments. */
	n = esp_make(p, echo_in(p, 0x01010101, 64, 0, 16, 0), esp);
	half = 20 + ((n - 20) / 2 & ~(size_t)7);
	memcpy(fr, esp, half);
	put16(fr + 2, (uint16_t)half);
	put16(fr + 6, 0x2000);
	recheck(fr);
	decap_case_raw(fr, half, 0, 0, 0, 0, "the first ESP fragment");
	memcpy(fr, esp, 20);
	memcpy(fr + 20, esp + half, n - half);
	put16(fr + 2, (uint16_t)(20 + n - half));
	put16(fr + 6, (uint16_t)((half - 20) / 8));
	recheck(fr);
	decap_case_raw(fr, 20 + n - half, 1, 1, 0, 0,
	    "the second ESP fragment: whole, decapsulated, answered");

	decap_case(p, tcp_in(p, 0x01010101, 64), 1, 0, 0, 0,
	    "TCP for R1: dropped");
	pair_config(0, "ip nat inside source static 10.9.9.9 1.1.1.1\n"
	    "interface Loopback0\n ip nat inside\n"
	    "interface Serial1/2\n ip nat outside\n");
	decap_case(p, tcp_in(p, 0x01010101, 64), 1, 1, 0, 0,
	    "TCP to the inside global 1.1.1.1: to 10.9.9.9, no route");
}
END_TEST

/*
 * Issue 22 (t28b): co_esp_lane decrypts straight into the forwarding
 * slot only from a packet that lies apart from it.  ESP that overlaps
 * the slot (as a GRE tunnel's packet carried by ESP lies there) goes
 * ipsec_esp_input's way, moved first: decapsulated whole, its echo
 * answered, nothing returned to the dataplane.
 */
START_TEST(test_lane_overlap)
{
	struct dataplane	*dp0 = pair[0].fx_rt.r_sys.sy_dp;
	struct dp_iface		*s12 = dp_iface_find(dp0, "Serial1/2");
	struct ipsec_flow	*fl;
	struct flow_stats	 st;
	uint8_t			 p[64], esp[512], *at;
	const uint8_t		*r;
	size_t			 n, ilen;

	tunnel_up();
	ck_assert_ptr_nonnull(s12);
	fl = TAILQ_FIRST(&crypto_of(0)->c_sadb.db_flows);
	/* The memo holds the SA (a packet through the lane). */
	n = inner(p, 1, 0x02020202, 0, 0);
	put16(p + 22, in_cksum(p + 20, n - 20, 0));
	esp_from_r2(p, n);
	pair_run_for(1);
	st = fl->fl_stats;
	n = esp_make(p, n, esp);
	/* Its ESP header 8 bytes into the slot. */
	at = dp_fwd_slot(dp0) - 20 + 8;
	memmove(at, esp, n);
	r = ipsec_esp_lane(crypto_of(0), s12, at, n, &ilen);
	ck_assert_ptr_null(r);
	pair_run_for(1);
	ck_assert_uint_eq(fl->fl_stats.fs_decaps, st.fs_decaps + 1);
	ck_assert_uint_eq(fl->fl_stats.fs_recv_errors, st.fs_recv_errors);
	ck_assert_uint_eq(fl->fl_stats.fs_encaps, st.fs_encaps + 1);
}
END_TEST

static Suite *
inbound_suite(void)
{
	Suite	*s = suite_create("inbound");
	TCase	*tc = tcase_create("inbound");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_cleartext_dropped);
	tcase_add_test(tc, test_esp_outside_selectors);
	tcase_add_test(tc, test_esp_replay_tamper);
	tcase_add_test(tc, test_ah_replay_tamper);
	tcase_add_test(tc, test_ike_esp_exempt);
	tcase_add_test(tc, test_decap_handed_back);
	tcase_add_test(tc, test_spi_memo);
	tcase_add_test(tc, test_bundle_esp_alone);
	tcase_add_test(tc, test_rekey_inbound_volume);
	tcase_add_test(tc, test_standby_confirmed);
	tcase_add_test(tc, test_lane_selectors);
	tcase_add_test(tc, test_lane_not_taken);
	tcase_add_test(tc, test_lane_overlap);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(inbound_suite());
	int	 nf;

	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
