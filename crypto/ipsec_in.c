/*
 * ipsec_in: ESP for one of our addresses (protocol 50, or UDP 4500
 * without the non-ESP marker): the SA by SPI, decapsulated, checked
 * against the flow's proxies (addresses, protocol, ports) and handed
 * back (in transport mode under the outer header, its protocol restored) to the dataplane as if received on the interface.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ah.h"
#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"

#define IP_HDR		20
#define IP6_HDR		40
#define IPPROTO_TCP_NUM	6
#define IPPROTO_ESP_NUM	50
#define IPPROTO_UDP_NUM	17
#define UDP_HDR		8
#define PKT_MAX		IPSEC_PKT_MAX

/* ipsec_ident_has (ipsec_ident.c) inline: every ESP packet asks it
 * twice, and the call was half of the test.  Its mask without a branch:
 * the low 32 bits of 64 ones shifted left by 32 - PLEN (PLEN 0 to 32),
 * PLEN ones from the top, none for a prefix length of 0. */
static inline bool
ident_has4(const struct sa_ident *id, uint32_t a)
{
	uint32_t	mask = (uint32_t)(~(uint64_t)0 << (32 - id->id_plen));

	return (a & mask) == get32(id->id_addr.sa_addr);
}

/*
 * The inner packet against the SA's selectors (RFC 4301 §5.2, step 4):
 * source in the remote proxy, destination in the local one, and, when
 * the proxies name them (an ACL with a protocol, `eq` ports), the
 * protocol and the TCP/UDP ports — the remote proxy's port is the
 * source port.  A fragment after the first carries no ports: it is held
 * to the protocol only (RFC 4301 §7's non-initial fragments).  Inline
 * in its callers: asked for every packet, its call and register saves
 * were a fifth of its cost.
 */
static inline __attribute__((always_inline)) bool
inner_selected(const struct ipsec_flow *fl, const uint8_t *in, size_t len)
{
	const struct sa_ident	*l = &fl->fl_lident, *r = &fl->fl_rident;
	size_t			 hl;
	uint64_t		 sd;
	uint8_t			 proto;

	if (len < IP_HDR || (hl = (size_t)(in[0] & 15) * 4) < IP_HDR ||
	    hl > len)
		return false;
	/* Both addresses in one test when the flow made it (published). */
	if (fl->fl_sel_v4) {
		memcpy(&sd, in + 12, 8);
		if ((sd & fl->fl_sel_mask) != fl->fl_sel_addr)
			return false;
		if (!fl->fl_sel_l4)
			return true;
	} else if (!ident_has4(r, get32(in + 12)) ||
	    !ident_has4(l, get32(in + 16)))
		return false;
	proto = in[9];
	if ((r->id_proto != 0 && r->id_proto != proto) ||
	    (l->id_proto != 0 && l->id_proto != proto))
		return false;
	if ((r->id_port == 0 && l->id_port == 0) ||
	    (proto != IPPROTO_TCP_NUM && proto != IPPROTO_UDP_NUM) ||
	    (get16(in + 6) & 0x1fff) != 0)
		return true;
	if (len < hl + 4)
		return false;
	return (r->id_port == 0 || r->id_port == get16(in + hl)) &&
	    (l->id_port == 0 || l->id_port == get16(in + hl + 2));
}

/* Whether what came out of PS whole counts as verified (fs_verify):
 * AH's ICV, or ESP's (esp-null alone has none). */
static bool
sa_verifies(const struct ipsec_sa *ps)
{
	return ps->ps_ah != NULL || esp_sa_icv_len(ps->ps_esp) != 0;
}

/* The inbound SA of SPI (sadb_sa_find_in), or NULL: the last ESP
 * packet's answer again while the SAs are as they were (c_spi_memo) —
 * a stream's packets carry one SPI.  Found, the memo holds it with what
 * ipsec_esp_input asks of it for every packet: its ESP state, whether
 * it is ESP alone in tunnel mode (decrypted straight into the
 * forwarding slot), whether it verifies, and the slot.  Each is fixed
 * from the SA's making (sa_add) to its release, and both move
 * db_sa_gen, which the memo is checked against. */
static inline struct ipsec_sa *
spi_find(struct crypto *c, uint32_t spi)
{
	struct ipsec_sa	*ps;

	if (c->c_spi_memo.sm_ps != NULL && c->c_spi_memo.sm_spi == spi &&
	    c->c_spi_memo.sm_gen == c->c_sadb.db_sa_gen)
		return c->c_spi_memo.sm_ps;
	if ((ps = sadb_sa_find_in(&c->c_sadb, spi)) != NULL) {
		c->c_spi_memo.sm_ps = ps;
		c->c_spi_memo.sm_esp = ps->ps_esp;
		c->c_spi_memo.sm_direct = ps->ps_esp != NULL &&
		    !ps->ps_transport && ps->ps_ah == NULL;
		/* A flow's interface is part of its key (fixed). */
		c->c_spi_memo.sm_lane = c->c_spi_memo.sm_direct &&
		    !ipsec_tunnel_flow(ps->ps_flow);
		c->c_spi_memo.sm_verify = ps->ps_esp != NULL &&
		    sa_verifies(ps);
		c->c_spi_memo.sm_slot = dp_fwd_slot(c->c_sys->sy_dp);
		c->c_spi_memo.sm_spi = spi;
		c->c_spi_memo.sm_gen = c->c_sadb.db_sa_gen;
	}
	return ps;
}

/* Whether the N bytes at A and at B do not overlap. */
static bool
apart(const uint8_t *a, const uint8_t *b, size_t n)
{
	return (uintptr_t)a + n <= (uintptr_t)b ||
	    (uintptr_t)b + n <= (uintptr_t)a;
}

/*
 * An ESP packet its SA refused, split as `show crypto ipsec sa detail`
 * counts it; a replay is logged as IOS logs it, once a minute.
 */
static void
recv_error(struct crypto *c, const struct ipsec_sa *ps, enum esp_result r,
    uint32_t seq)
{
	struct flow_stats	*st = &ps->ps_flow->fl_stats;

	switch (r) {
	case ESP_ERR_REPLAY:
		st->fs_replay_fail++;
		if (ratelog_ok(&c->c_rl_replay, clock_mono_ms()))
			sys_log(c->c_sys, "CRYPTO", 4, "PKT_REPLAY_ERR",
			    "decrypt: replay check failed connection id=%u, "
			    "sequence number=%u", ps->ps_connid, seq);
		break;
	case ESP_ERR_AUTH:
		st->fs_verify_fail++;
		break;
	case ESP_ERR_LEN:
		st->fs_invalid_len++;
		break;
	case ESP_ERR_PAD:
	case ESP_ERR_PROTO:
		st->fs_invalid_prot++;
		break;
	default:
		break;
	}
}

/* The inner datagram (tunnel mode) against the flow's proxies, either
 * family: an IPv6 one's addresses (a VTI's ::/0 both ways) and, when the
 * proxies name one, its next header (GRE over IPv6's 47). */
static bool
inner_selected6(const struct ipsec_flow *fl, const uint8_t *in, size_t len)
{
	if (len >= IP6_HDR && (in[0] >> 4) == 6)
		return ipsec_ident_has6(&fl->fl_rident, in + 8) &&
		    ipsec_ident_has6(&fl->fl_lident, in + 24) &&
		    (fl->fl_lident.id_proto == 0 ||
		    in[6] == fl->fl_lident.id_proto);
	/* IPv4 under IPv6 proxies is outside them (no v4-overlay). */
	return fl->fl_rident.id_addr.sa_family != 6 &&
	    inner_selected(fl, in, len);
}

/*
 * A datagram that came out of SA PS whole and as selected (either outer
 * family): counted, the SA's life and rekey told, handed on.  DECRYPT:
 * PS has ESP (AH alone decrypts nothing); VERIFY: sa_verifies(PS), which
 * ipsec_esp_input has in its memo.  Inline in its callers
 * (ipsec_esp_input's is the one every ESP packet takes): one call and
 * its register saves fewer a packet.
 */
static inline __attribute__((always_inline)) void
esp_accepted(struct crypto *c, struct ipsec_sa *ps, struct dp_iface *in,
    const uint8_t *inner, size_t ilen, bool decrypt, bool verify)
{
	struct ipsec_flow	*fl = ps->ps_flow;
	struct ipsec_pair	*pr;

	fl->fl_last_in_ms = clock_mono_ms();
	fl->fl_stats.fs_decaps++;
	if (decrypt)
		fl->fl_stats.fs_decrypt++;
	if (verify)
		fl->fl_stats.fs_verify++;
	ps->ps_bytes += ilen;
	/* The peer sends on this SA: it has the pair (rekey).  Each call
	 * only where it can do something — a standby pair; an initiator's
	 * pair with a soft volume reached (ipsec_rekey_volume asks the rest
	 * again) — not twice for every packet. */
	if ((pr = ps->ps_expiry) != NULL) {
		if (pr->pr_standby)
			ipsec_rekey_confirmed(ps);
		if (pr->pr_initiator && pr->pr_soft_kb != 0 &&
		    ps->ps_bytes / 1024 >= pr->pr_soft_kb)
			ipsec_rekey_volume(ps);
	}
	/* An inner header the dataplane refuses (a length longer than
	 * what was carried) is a receive error too.  A tunnel interface's
	 * flow goes to ipsec_tunnel.c (its VTI); a crypto map's straight
	 * back as if received on IN, as ipsec_tunnel_received would hand
	 * it: one call fewer on every packet. */
	if (ipsec_tunnel_flow(fl))
		ipsec_tunnel_received(c, fl, in, inner, ilen);
	else if (dp_ip_input(c->c_sys->sy_dp, in, inner, ilen) < 0)
		fl->fl_stats.fs_recv_errors++;
}

/*
 * ESP over IPv6 (next header 50 straight after the fixed header, or in
 * UDP 4500 after it: the dataplane checked the port and the marker): a
 * `tunnel mode ipsec ipv6` VTI's SAs, tunnel mode, the inner datagram
 * IPv4 or IPv6.  The counters and errors are IPv4's.
 */
static void
esp_input6(struct crypto *c, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	struct ipsec_sa		*ps;
	struct ipsec_flow	*fl;
	const uint8_t		*inner;
	uint8_t			 next;
	size_t			 ilen, hl = IP6_HDR;
	enum esp_result		 r;

	if (len >= IP6_HDR + UDP_HDR && ip[6] == IPPROTO_UDP_NUM)
		hl += UDP_HDR;
	else if (len < IP6_HDR || ip[6] != IPPROTO_ESP_NUM) {
		c->c_esp_bad++;
		return;
	}
	if (len < hl + ESP_HDR_LEN) {
		c->c_esp_bad++;
		return;
	}
	/* No AH over IPv6: a bundle's ESP never comes alone. */
	if ((ps = sadb_sa_find_in(&c->c_sadb, get32(ip + hl))) == NULL ||
	    ps->ps_esp == NULL || ps->ps_ah != NULL ||
	    ps->ps_flow->fl_peer.sa_family != 6) {
		c->c_esp_bad++;
		return;
	}
	fl = ps->ps_flow;
	memmove(ipsec_rxbuf(c), ip + hl, len - hl);
	if ((r = esp_decap_nh(ps->ps_esp, c->c_rxbuf, len - hl, -1,
	    &inner, &ilen, &next)) != ESP_OK) {
		fl->fl_stats.fs_recv_errors++;
		recv_error(c, ps, r, get32(ip + hl + 4));
		return;
	}
	if ((next != ESP_NEXT_IPV4 && next != ESP_NEXT_IPV6) ||
	    !inner_selected6(fl, inner, ilen)) {
		fl->fl_stats.fs_recv_errors++;
		fl->fl_stats.fs_recv_policy++;
		return;
	}
	esp_accepted(c, ps, in, inner, ilen, true, sa_verifies(ps));
}

/* IOS's log line for an SPI we have no SA for, once a minute. */
static void
invalid_spi(struct crypto *c, const uint8_t *ip, unsigned prot, uint32_t spi)
{
	char	s[16], d[16];

	c->c_esp_bad++;
	if (!ratelog_ok(&c->c_rl_inv_spi, clock_mono_ms()))
		return;
	ip4_text(get32(ip + 16), d);
	ip4_text(get32(ip + 12), s);
	sys_log(c->c_sys, "CRYPTO", 4, "RECVD_PKT_INV_SPI", "decaps: rec'd "
	    "IPSEC packet has invalid spi for destaddr=%s, prot=%u, "
	    "spi=0x%X(%u), srcaddr=%s", d, prot, spi, spi, s);
}

static void
recv_policy(struct ipsec_flow *fl)
{
	fl->fl_stats.fs_recv_errors++;
	fl->fl_stats.fs_recv_policy++;
}

/*
 * AH (RFC 4302) for one of our addresses over IPv4: the SA by SPI (in
 * an AH+ESP bundle ESP's as well: we chose one SPI for both), the ICV
 * over the datagram with its mutable fields zeroed, then what AH
 * carried under the datagram's own header, AH taken out: ESP of the
 * same SA (the bundle, decapsulated next, from c_fragbuf, which is idle
 * on input), or for AH alone the inner datagram (tunnel mode) or the
 * payload (transport mode), in c_rxbuf.
 */
static void
ah_input(struct crypto *c, struct dp_iface *in, const uint8_t *ip, size_t len)
{
	struct ipsec_sa		*ps;
	struct ipsec_flow	*fl;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, off, plen;
	uint8_t			 h[60], next, *buf;
	enum esp_result		 r;

	if (hl < IP_HDR || len < hl + AH_HDR_LEN) {
		c->c_esp_bad++;
		return;
	}
	if ((ps = sadb_sa_find_in(&c->c_sadb, get32(ip + hl + 4))) == NULL ||
	    ps->ps_ah == NULL || ps->ps_flow->fl_peer.sa_family == 6) {
		invalid_spi(c, ip, IPPROTO_AH_NUM, get32(ip + hl + 4));
		return;
	}
	fl = ps->ps_flow;
	if ((r = ah_in(ps->ps_ah, ip, len, &next, &off)) != ESP_OK) {
		fl->fl_stats.fs_recv_errors++;
		recv_error(c, ps, r, get32(ip + hl + 8));
		return;
	}
	/* A bundle's AH carries its ESP, AH alone anything but ESP. */
	if ((next == IPPROTO_ESP_NUM) != (ps->ps_esp != NULL) ||
	    (ps->ps_esp == NULL && !ps->ps_transport &&
	    next != ESP_NEXT_IPV4)) {
		recv_policy(fl);
		return;
	}
	plen = len - off;
	buf = next == IPPROTO_ESP_NUM ? ipsec_fragbuf(c) : ipsec_rxbuf(c);
	/* IP may lie in c_rxbuf (AH inside ESP): moved, never copied. */
	memcpy(h, ip, hl);
	memmove(buf + hl, ip + off, plen);
	memcpy(buf, h, hl);
	put16(buf + 2, (uint16_t)(hl + plen));
	buf[9] = next;
	put16(buf + 10, 0);
	put16(buf + 10, in_cksum(buf, hl, 0));
	if (next == IPPROTO_ESP_NUM) {
		c->c_ah_done = ps;
		ipsec_esp_input(c, in, buf, hl + plen);
		c->c_ah_done = NULL;
		return;
	}
	if (next == ESP_NEXT_IPV4) {
		memmove(buf, buf + hl, plen);
		hl = 0;
	}
	if (!inner_selected(fl, buf, hl + plen)) {
		recv_policy(fl);
		return;
	}
	esp_accepted(c, ps, in, buf, hl + plen, false, true);
}

/*
 * Transport mode after NAT-T (RFC 3948 §3.1.2): a TCP or UDP checksum
 * inside was taken over the addresses the sender's header had, and the
 * NAT changed that header (it cannot reach the checksum under ESP).  The
 * receiver must fix it; ESP's ICV has already vouched for the payload,
 * so it is taken again over the header IP (LEN bytes, no options) now
 * carries, as the RFC allows in place of NAT-OA's incremental update.
 * A UDP checksum of zero (none) stays zero; a fragment is left alone.
 */
static void
natt_l4_fix(uint8_t *ip, size_t len)
{
	size_t		 l4 = len - IP_HDR, at;
	uint16_t	 sum;

	if ((get16(ip + 6) & 0x3fff) != 0)
		return;
	if (ip[9] == IPPROTO_TCP_NUM && l4 >= 20)
		at = IP_HDR + 16;
	else if (ip[9] == IPPROTO_UDP_NUM && l4 >= UDP_HDR &&
	    get16(ip + IP_HDR + 6) != 0)
		at = IP_HDR + 6;
	else
		return;
	put16(ip + at, 0);
	sum = in_cksum(ip + IP_HDR, l4, ip4_pseudo(ip, l4, ip[9]));
	put16(ip + at, sum == 0 && ip[9] == IPPROTO_UDP_NUM ? 0xffff : sum);
}

void
ipsec_esp_input(void *arg, struct dp_iface *in, const uint8_t *ip, size_t len)
{
	struct crypto		*c = arg;
	struct ipsec_sa		*ps;
	struct ipsec_flow	*fl;
	const uint8_t		*inner;
	uint8_t			*buf;
	void			*esp;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, ilen;
	uint32_t		 spi;
	uint8_t			 next;
	enum esp_result		 r;
	bool			 udp = false, verify;

	/* ESP straight over IPv4, what a gateway receives, tested first:
	 * then IPv6, AH, and ESP in UDP (the dataplane checked it is 4500
	 * and no IKE). */
	if ((ip[0] >> 4) != 4 || ip[9] != IPPROTO_ESP_NUM) {
		if (len > 0 && (ip[0] >> 4) == 6) {
			esp_input6(c, in, ip, len);
			return;
		}
		if (ip[9] == IPPROTO_AH_NUM) {
			ah_input(c, in, ip, len);
			return;
		}
		if ((udp = ip[9] == IPPROTO_UDP_NUM && len >= hl + UDP_HDR))
			hl += UDP_HDR;
		else if (ip[9] != IPPROTO_ESP_NUM) {
			c->c_esp_bad++;
			return;
		}
	}
	if (len < hl + ESP_HDR_LEN) {
		c->c_esp_bad++;
		return;
	}
	spi = get32(ip + hl);
	if ((ps = spi_find(c, spi)) == NULL ||
	    (esp = c->c_spi_memo.sm_esp) == NULL) {
		invalid_spi(c, ip, IPPROTO_ESP_NUM, spi);
		return;
	}
	fl = ps->ps_flow;
	verify = c->c_spi_memo.sm_verify;
	/* A tunnel's inner datagram is decrypted straight from the packet
	 * where the dataplane forwards it from (dp_fwd_slot): no copy,
	 * the packet left as it is (esp_decap_to).  ESP in ESP, whose
	 * packet may lie there, and transport mode or AH's bundle (AH
	 * brings ESP in c_fragbuf and keeps c_rxbuf) are moved into a
	 * preallocated buffer and decrypted in place: no malloc.  (The
	 * memo's sm_direct: not transport mode, no AH.) */
	buf = c->c_spi_memo.sm_slot;
	if (c->c_spi_memo.sm_direct && apart(ip + hl, buf, len - hl))
		r = esp_decap_to(esp, (uint8_t *)(uintptr_t)(ip + hl),
		    len - hl, ESP_NEXT_IPV4, buf, &inner, &ilen, &next);
	else {
		/* An AH+ESP SA takes ESP only as its AH brought it. */
		if (ps->ps_ah != NULL && c->c_ah_done != ps) {
			recv_policy(fl);
			return;
		}
		buf = ps->ps_transport || ps->ps_ah != NULL ?
		    ipsec_rxbuf(c) : buf - ESP_HDR_LEN - esp_sa_iv_len(esp);
		memmove(buf, ip + hl, len - hl);
		r = esp_decap_nh(esp, buf, len - hl,
		    ps->ps_transport ? -1 : ESP_NEXT_IPV4, &inner, &ilen,
		    &next);
	}
	if (r != ESP_OK) {
		fl->fl_stats.fs_recv_errors++;
		recv_error(c, ps, r, get32(ip + hl + 4));
		return;
	}
	/* Transport mode (RFC 4303 §3.1.1): the outer header is the
	 * packet's own, its protocol ESP's next header (RFC 3948 §3.1.2:
	 * in UDP too, the UDP header dropped).  The payload moves up
	 * behind it (the ESP header and IV may be shorter than it). */
	if (next != ESP_NEXT_IPV4) {
		if (hl - (udp ? UDP_HDR : 0) != IP_HDR ||
		    ilen + IP_HDR > PKT_MAX) {
			fl->fl_stats.fs_recv_errors++;
			return;
		}
		memmove(buf + IP_HDR, inner, ilen);
		memcpy(buf, ip, IP_HDR);
		put16(buf + 2, (uint16_t)(IP_HDR + ilen));
		buf[9] = next;
		put16(buf + 10, 0);
		put16(buf + 10, in_cksum(buf, IP_HDR, 0));
		inner = buf;
		ilen += IP_HDR;
		if (udp)
			natt_l4_fix(buf, ilen);
	}
	/* The inner packet must be what the SA was made for.  IOS 15's
	 * `show crypto ipsec sa` has no line of its own for it: it is a
	 * receive error (#recv errors); counted apart as well. */
	if (!inner_selected(fl, inner, ilen)) {
		fl->fl_stats.fs_recv_errors++;
		fl->fl_stats.fs_recv_policy++;
		return;
	}
	/* Authenticated ESP in UDP from a new port: the NAT before the
	 * peer mapped it anew; replies go there. */
	if (ip[9] == IPPROTO_UDP_NUM && ps->ps_udp &&
	    get16(ip + hl - UDP_HDR) != fl->fl_peer_port)
		ipsec_natt_follow(sadb_isakmp_find(&c->c_sadb, ps->ps_icookie,
		    ps->ps_rcookie), fl, get16(ip + hl - UDP_HDR));
	esp_accepted(c, ps, in, inner, ilen, true, verify);
}

/* esp_accepted out of line, for ipsec_esp_lane's rare cases: its copy
 * inline there would only take room in the hot function. */
static __attribute__((noinline)) void
lane_accepted(struct crypto *c, struct ipsec_sa *ps, struct dp_iface *in,
    const uint8_t *inner, size_t ilen)
{
	esp_accepted(c, ps, in, inner, ilen, true, c->c_spi_memo.sm_verify);
}

/*
 * The dataplane's co_esp_lane (dp.h): ESP straight over IPv4 from the
 * local lane.  What a gateway receives — a header without options, the
 * SPI the memo holds, an SA of ESP alone in tunnel mode for a crypto
 * map (sm_lane) — is decrypted into the forwarding slot, checked
 * against the SA's selectors and counted as ipsec_esp_input and
 * esp_accepted do, and the inner datagram is returned instead of handed
 * to dp_ip_input, when dp_ip_input would take its header as it is
 * (version 4 and 20 bytes, a total length of 20 up to what was
 * carried: none of its -1 cases) and no rekey call is due (they may
 * send and receive, and so move what the dataplane asked before ESP).
 * Everything else goes ipsec_esp_input's and esp_accepted's way, with
 * the same counters in the same order (a memo miss fills the memo
 * there), and NULL is returned.
 */
const uint8_t *
ipsec_esp_lane(void *arg, struct dp_iface *in, const uint8_t *ip, size_t len,
    size_t *ilenp)
{
	struct crypto		*c = arg;
	struct ipsec_sa		*ps = c->c_spi_memo.sm_ps;
	struct ipsec_flow	*fl;
	struct ipsec_pair	*pr;
	const uint8_t		*inner;
	size_t			 ilen, tot;
	uint64_t		 sd;
	uint8_t			 next;
	enum esp_result		 r;

	/* sm_lane is set only with sm_ps (never NULL then). */
	if (ip[0] != 0x45 || len < IP_HDR + ESP_HDR_LEN ||
	    c->c_spi_memo.sm_spi != get32(ip + IP_HDR) ||
	    c->c_spi_memo.sm_gen != c->c_sadb.db_sa_gen ||
	    !c->c_spi_memo.sm_lane ||
	    !apart(ip + IP_HDR, c->c_spi_memo.sm_slot, len - IP_HDR)) {
		ipsec_esp_input(arg, in, ip, len);
		return NULL;
	}
	if ((r = esp_decap_to(c->c_spi_memo.sm_esp,
	    (uint8_t *)(uintptr_t)(ip + IP_HDR), len - IP_HDR, ESP_NEXT_IPV4,
	    c->c_spi_memo.sm_slot, &inner, &ilen, &next)) != ESP_OK) {
		ps->ps_flow->fl_stats.fs_recv_errors++;
		recv_error(c, ps, r, get32(ip + IP_HDR + 4));
		return NULL;
	}
	fl = ps->ps_flow;
	pr = ps->ps_expiry;
	/* The header dp_ip_input takes as it is, both addresses in the
	 * flow's one test and no protocol or port to ask (inner_selected's
	 * answer for such a header), no rekey call due: returned.  Any
	 * other: inner_selected and esp_accepted, as ipsec_esp_input. */
	if (inner[0] != 0x45 || (tot = get16(inner + 2)) < IP_HDR ||
	    tot > ilen || !fl->fl_sel_v4 || fl->fl_sel_l4 ||
	    (pr != NULL && (pr->pr_standby || (pr->pr_initiator &&
	    pr->pr_soft_kb != 0 &&
	    (ps->ps_bytes + ilen) / 1024 >= pr->pr_soft_kb)))) {
		if (!inner_selected(fl, inner, ilen))
			recv_policy(fl);
		else
			lane_accepted(c, ps, in, inner, ilen);
		return NULL;
	}
	memcpy(&sd, inner + 12, 8);
	if ((sd & fl->fl_sel_mask) != fl->fl_sel_addr) {
		recv_policy(fl);
		return NULL;
	}
	/* esp_accepted's counting, its rekey calls known not due. */
	fl->fl_last_in_ms = clock_mono_ms();
	fl->fl_stats.fs_decaps++;
	fl->fl_stats.fs_decrypt++;
	if (c->c_spi_memo.sm_verify)
		fl->fl_stats.fs_verify++;
	ps->ps_bytes += ilen;
	*ilenp = tot;
	return inner;
}
