/*
 * ipsec_out: crypto maps on the packet path, outbound.  A packet leaving
 * an interface with `crypto map` is matched against the map's entries in
 * sequence order (each entry's ACL: the first rule that matches decides,
 * permit protects, deny moves on to the next entry); a flow with an
 * outbound SA gets ESP (RFC 4303 tunnel mode), a flow without one starts
 * IKE and the packet is dropped and counted as a send error, as IOS does
 * (the first ping's `.`).  The entries come compiled (ipsec_spd.c),
 * the flow is hashed (sadb.c), and ESP is built without allocating.
 */
#include <stdint.h>
#include <openssl/crypto.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ah.h"
#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"

#define IP_HDR		20
#define IP6_HDR		40
#define IPPROTO_ESP_NUM	50
#define IPPROTO_UDP_NUM	17
#define UDP_HDR		8
#define PKT_MAX		IPSEC_PKT_MAX

/* ---- Outbound. ---- */

/* A negotiation for RQ under way: phase 1 carrying it, or Quick Mode. */
static bool
negotiating(struct crypto *c, const struct ike_request *rq,
    struct ike_p1 **done)
{
	struct isakmp_sa	*is;
	struct ike_p1		*p;
	struct ike_qm		*q;
	struct sadb_peer	*pe;
	struct sa_addr		 peer;

	*done = NULL;
	peer = rq->rq_peer;
	if ((pe = sadb_peer_find(&c->c_sadb, &peer)) == NULL)
		return false;
	TAILQ_FOREACH(is, &pe->pe_isakmp, is_pentry) {
		if ((p = is->is_engine) == NULL)
			continue;
		if (p->p_state == FSM_P1_COMPLETE)
			*done = p;
		else if (is->is_initiator)
			return true;	/* phase 1 to that peer: wait */
		for (q = p->p_qms; q != NULL; q = q->q_next)
			if (strcmp(q->q_req.rq_map, rq->rq_map) == 0 &&
			    q->q_req.rq_seq == rq->rq_seq &&
			    ipsec_ident_eq(&q->q_req.rq_lid, &rq->rq_lid) &&
			    ipsec_ident_eq(&q->q_req.rq_rid, &rq->rq_rid))
				return true;
	}
	return false;
}

static void	dbg_sa_request1(struct crypto *, const struct ike_request *,
		    const struct cmap_entry *, const struct transform_set *,
		    const char *);

static void
dbg_sa_request(struct crypto *c, const struct ike_request *rq,
    const struct cmap_entry *ce)
{
	const struct transform_set	*ts = NULL;
	struct transform_set		 part;

	if (!crypto_debug_on(c, CRYPTO_DEBUG_IPSEC))
		return;
	if (ce->ce_params.pp_ntsets > 0)
		ts = crypto_transform_find(c, ce->ce_params.pp_tsets[0]);
	/* One request per protocol of the set: AH's, then ESP's. */
	if (ts != NULL && ts->ts_ah != TS_AH_NONE) {
		part = *ts;
		part.ts_enc = TS_ENC_NONE;
		part.ts_auth = TS_AUTH_NONE;
		dbg_sa_request1(c, rq, ce, &part, "AH");
	}
	if (ts == NULL || ts->ts_enc != TS_ENC_NONE ||
	    ts->ts_auth != TS_AUTH_NONE) {
		if (ts != NULL) {
			part = *ts;
			part.ts_ah = TS_AH_NONE;
		}
		dbg_sa_request1(c, rq, ce, ts != NULL ? &part : NULL, "ESP");
	}
}

/* IOS's sa_request block for one protocol PROTO of the set TS. */
static void
dbg_sa_request1(struct crypto *c, const struct ike_request *rq,
    const struct cmap_entry *ce, const struct transform_set *ts,
    const char *proto)
{
	struct strbuf			 words;
	char				 l[SA_TEXT_LEN], r[SA_TEXT_LEN], lp[64], rp[64];
	uint32_t			 sec;
	uint64_t			 kb;

	strbuf_init(&words);
	if (ts != NULL)
		transform_config_text(ts, &words);
	ipsec_entry_lifetimes(c, ce, &sec, &kb);
	sa_text(&rq->rq_local, l);
	sa_text(&rq->rq_peer, r);
	ipsec_ident_fmt(&rq->rq_lid, lp, sizeof(lp));
	ipsec_ident_fmt(&rq->rq_rid, rp, sizeof(rp));
	ike_ipsec_debug(c, "IPSEC(sa_request): ,");
	ike_ipsec_debug(c, "  (key eng. msg.) OUTBOUND local= %s:500, "
	    "remote= %s:500,", l, r);
	ike_ipsec_debug(c, "    local_proxy= %s%s,", lp,
	    ipsec_ident_type_text(&rq->rq_lid));
	ike_ipsec_debug(c, "    remote_proxy= %s%s,", rp,
	    ipsec_ident_type_text(&rq->rq_rid));
	ike_ipsec_debug(c, "    protocol= %s, transform= %s  (%s),", proto,
	    words.sb_buf, ipsec_transport_ok(rq, ts) ? "Transport" :
	    "Tunnel");
	ike_ipsec_debug(c, "    lifedur= %us and %llukb,", sec,
	    (unsigned long long)kb);
	/* The set's key length: 128 for seed 003's esp-aes, 0 for seed
	 * 001's esp-3des. */
	ike_ipsec_debug(c, "    spi= 0x0(0), conn_id= 0, keysize= %u, flags= "
	    "0x0", ts != NULL ? ts->ts_keylen : 0);
	strbuf_free(&words);
}

/*
 * ESP around IP and a new outer header, out through the dataplane.
 * INPLACE: IP lies in the dataplane's forwarding buffer with DP_HEADROOM
 * and DP_TAILROOM around it, so ESP is built around it where it lies;
 * otherwise into c_txbuf (esp_encap's copy the only one).  Either way the
 * link layer's room stays before the outer header, so nothing is copied
 * again nor allocated on the way to the wire.
 */
/*
 * Transport mode (RFC 4303 §3.1.1) when the SA was negotiated so and the
 * packet is between the crypto endpoints themselves (IOS's rule: GRE
 * from the tunnel source to the destination): ESP follows the packet's
 * own header, whose protocol becomes 50 and is ESP's next header (after
 * NAT-T, RFC 3948 §2.1: UDP 4500 first, the protocol 17).  A header
 * with options goes in tunnel mode, as anything else does.
 */
static bool
transport_pkt(const struct ipsec_flow *fl, const struct ipsec_sa *ps,
    const uint8_t *ip, size_t len)
{
	return ps->ps_transport && len >= IP_HDR &&
	    ip[0] == 0x45 &&
	    memcmp(ip + 12, fl->fl_local_addr.sa_addr, 4) == 0 &&
	    memcmp(ip + 16, fl->fl_peer.sa_addr, 4) == 0;
}

/* #pkts digest counts PS's packets only where it has an ICV (esp-null
 * alone has none); AH alone encrypts nothing, it and ESP's ICV are
 * digests. */
static bool
sa_digests(const struct ipsec_sa *ps)
{
	return ps->ps_ah != NULL || esp_sa_icv_len(ps->ps_esp) != 0;
}

/*
 * The ESP packet OUT (TOTAL bytes, LEN of them the payload protected)
 * leaves, counted as IOS counts it; DIGEST: sa_digests(PS), which a
 * run (fast_out) knows already.
 */
static enum dp_crypto_verdict
esp_sent_as(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    uint8_t *out, size_t total, size_t len, bool digest)
{
	fl->fl_last_out_ms = clock_mono_ms();
	fl->fl_stats.fs_encaps++;
	if (ps->ps_esp != NULL)
		fl->fl_stats.fs_encrypt++;
	if (digest)
		fl->fl_stats.fs_digest++;
	ps->ps_bytes += len;
	if (dp_ip_output_buf(c->c_sys->sy_dp, out, total) != DP_SEND_OK)
		fl->fl_stats.fs_send_errors++;
	return DP_CRYPTO_CONSUMED;
}

static enum dp_crypto_verdict
esp_sent(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    uint8_t *out, size_t total, size_t len)
{
	return esp_sent_as(c, fl, ps, out, total, len, sa_digests(ps));
}

/*
 * Where an ESP packet of CAP bytes is built: in place, PRE bytes in front
 * of the DLEN bytes at DATA, when INPLACE and the buffer's room allows it
 * (HEADROOM bytes before DATA, DP_TAILROOM after the datagram; the link
 * header still fits before), else in the transmit buffer.  NULL, counted
 * as a send error, when the packet would be too long.
 */
static uint8_t *
encap_dest(struct crypto *c, struct ipsec_flow *fl, uint8_t *data,
    size_t dlen, size_t headroom, size_t pre, size_t cap, bool inplace)
{
	if (cap > PKT_MAX) {
		fl->fl_stats.fs_send_errors++;
		return NULL;
	}
	if (inplace && pre + DP_LINK_ROOM <= headroom &&
	    cap - pre - dlen <= DP_TAILROOM)
		return data - pre;
	return ipsec_txbuf(c) + DP_LINK_ROOM;
}

/*
 * What PS protects, at OUT (CAP bytes) after the IP header and AH's
 * room: ESP around the payload IN (LEN bytes, next header NEXT), or for
 * AH alone the payload itself.  *OLEN gets the length written.
 */
static enum esp_result
body_out(struct ipsec_sa *ps, const uint8_t *in, size_t len, uint8_t next,
    uint8_t *out, size_t cap, size_t *olen)
{
	if (ps->ps_esp != NULL)
		return esp_encap_nh(ps->ps_esp, in, len, next, out, cap, olen);
	if (len > cap)
		return ESP_ERR_LEN;
	if (out != in)
		memmove(out, in, len);
	*olen = len;
	return ESP_OK;
}

/* RFC 3948: the UDP header (port 4500 to the peer's, checksum zero)
 * between OUT's IPv4 header and its ESP of ELEN bytes with the UDP. */
static void
natt_udp(uint8_t *out, const struct ipsec_flow *fl, size_t elen)
{
	out[9] = IPPROTO_UDP_NUM;
	put16(out + IP_HDR, ISAKMP_NATT_PORT);
	put16(out + IP_HDR + 2, fl->fl_peer_port);
	put16(out + IP_HDR + 4, (uint16_t)elen);
	put16(out + IP_HDR + 6, 0);
}

/*
 * The outer IPv4 header at OUT (in UDP 4500 when the SA is), ELEN bytes
 * after it: every byte written (no memset: a call per packet for 20
 * bytes); the checksum is the dataplane's.  ELEN comes back with the
 * UDP header in it.
 */
static size_t
outer4(struct ipsec_flow *fl, const struct ipsec_sa *ps, uint8_t *out,
    size_t elen, uint8_t tos, uint8_t df)
{
	static uint16_t	 ident;

	out[0] = 0x45;
	out[1] = tos;				/* TOS copied */
	if (ps->ps_udp)
		elen += UDP_HDR;
	put16(out + 2, (uint16_t)(IP_HDR + elen));
	put16(out + 4, ++ident);
	out[6] = df;				/* crypto ipsec df-bit */
	out[7] = 0;
	out[8] = 255;
	out[9] = IPPROTO_ESP_NUM;
	put16(out + 10, 0);
	if (ps->ps_udp)
		natt_udp(out, fl, elen);
	memcpy(out + 12, fl->fl_local_addr.sa_addr, 4);
	memcpy(out + 16, fl->fl_peer.sa_addr, 4);
	return elen;
}

/*
 * The datagram OUT (TOTAL bytes, its IPv4 header final but for the
 * protocol) gets its AH if PS has one (RFC 4302: protocol 51, AH's next
 * header ESP or NEXT); 0, or -1 counted as a send error.
 */
static int
ah_finish(struct ipsec_flow *fl, struct ipsec_sa *ps, uint8_t *out,
    size_t total, uint8_t next)
{
	if (ps->ps_ah == NULL)
		return 0;
	out[9] = IPPROTO_AH_NUM;
	put16(out + 10, 0);
	if (ah_out(ps->ps_ah, out, total, ps->ps_esp != NULL ?
	    IPPROTO_ESP_NUM : next) != ESP_OK) {
		fl->fl_stats.fs_send_errors++;
		return -1;
	}
	return 0;
}

static enum dp_crypto_verdict
encap_transport(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    uint8_t *ip, size_t len, bool inplace)
{
	uint8_t		 h[IP_HDR], *out;
	size_t		 hdr = IP_HDR + (ps->ps_udp ? UDP_HDR : 0);
	size_t		 plen = len - IP_HDR, elen;
	size_t		 ahl = ps->ps_ah != NULL ? ah_sa_len(ps->ps_ah) : 0;
	size_t		 pre = hdr + ipsec_sa_pre(ps);
	size_t		 cap = ipsec_sa_encap_len(ps, plen) + hdr;

	/* AH cannot pass a NAT (RFC 3948 is ESP's): not in UDP. */
	if (ahl != 0 && ps->ps_udp) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	if ((out = encap_dest(c, fl, ip + IP_HDR, plen, DP_HEADROOM + IP_HDR,
	    pre, cap, inplace)) == NULL)
		return DP_CRYPTO_DROP;
	/* The new header overlaps the old one when built in place. */
	memcpy(h, ip, IP_HDR);
	if (body_out(ps, ip + IP_HDR, plen, h[9], out + hdr + ahl,
	    cap - hdr - ahl, &elen) != ESP_OK) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	elen += ahl + hdr - IP_HDR;
	memcpy(out, h, IP_HDR);
	put16(out + 2, (uint16_t)(IP_HDR + elen));
	out[6] = ipsec_mtu_outer_df(fl, h);
	out[7] = 0;
	out[9] = IPPROTO_ESP_NUM;
	put16(out + 10, 0);
	/* RFC 3948 §2.1: the inner TCP/UDP checksum is left as the
	 * packet's own addresses made it (the receiver fixes it after the
	 * NAT, ipsec_in.c). */
	if (ps->ps_udp)
		natt_udp(out, fl, elen);
	/* RFC 4302 §3.1.1: in transport mode AH follows the packet's own
	 * header, its next header the packet's protocol. */
	if (ah_finish(fl, ps, out, IP_HDR + elen, h[9]) < 0)
		return DP_CRYPTO_DROP;
	return esp_sent(c, fl, ps, out, IP_HDR + elen, len);
}

/*
 * ESP over IPv6 (a `tunnel mode ipsec ipv6` VTI, issue 16): tunnel mode,
 * the inner datagram IPv4 or IPv6 (next header 4 or 41), under an outer
 * IPv6 header from the tunnel source to its destination (next header
 * 50, hop limit 255); after NAT-T, in UDP 4500 (RFC 3948) with the
 * checksum IPv6 requires (RFC 8200 8.1: a zero one is dropped by the
 * peer's UDP socket, where strongSwan's libipsec reads it).
 */
static enum dp_crypto_verdict
encap6(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    uint8_t *ip, size_t len, bool inplace)
{
	uint8_t		*out, *u;
	size_t		 hdr = IP6_HDR + (ps->ps_udp ? UDP_HDR : 0);
	size_t		 pre = hdr + ipsec_sa_pre(ps);
	size_t		 cap = ipsec_sa_encap_len(ps, len) + hdr, elen;
	uint8_t		 next = (ip[0] >> 4) == 6 ? ESP_NEXT_IPV6 :
			    ESP_NEXT_IPV4;
	uint16_t	 sum;

	/* AH over IPv6 (its extension-header rules) is not done: an SA
	 * with AH on an IPv6 peer carries nothing. */
	if (ps->ps_esp == NULL || ps->ps_ah != NULL) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	if ((out = encap_dest(c, fl, ip, len, DP_HEADROOM, pre, cap,
	    inplace)) == NULL)
		return DP_CRYPTO_DROP;
	if (esp_encap_nh(ps->ps_esp, ip, len, next, out + hdr,
	    cap - hdr, &elen) != ESP_OK) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	elen += hdr - IP6_HDR;
	memset(out, 0, hdr);
	out[0] = 0x60;
	put16(out + 4, (uint16_t)elen);
	out[6] = IPPROTO_ESP_NUM;
	out[7] = 255;
	memcpy(out + 8, fl->fl_local_addr.sa_addr, 16);
	memcpy(out + 24, fl->fl_peer.sa_addr, 16);
	if (ps->ps_udp) {
		out[6] = IPPROTO_UDP_NUM;
		u = out + IP6_HDR;
		put16(u, ISAKMP_NATT_PORT);
		put16(u + 2, fl->fl_peer_port);
		put16(u + 4, (uint16_t)elen);
		sum = in_cksum(u, elen, ip6_pseudo(out, elen,
		    IPPROTO_UDP_NUM));
		put16(u + 6, sum == 0 ? 0xffff : sum);
	}
	return esp_sent(c, fl, ps, out, IP6_HDR + elen, len);
}

static enum dp_crypto_verdict
encap(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    uint8_t *ip, size_t len, bool inplace)
{
	uint8_t		*out;
	size_t		 hdr = IP_HDR + (ps->ps_udp ? UDP_HDR : 0), elen;
	size_t		 ahl = ps->ps_ah != NULL ? ah_sa_len(ps->ps_ah) : 0;
	size_t		 pre = hdr + ipsec_sa_pre(ps);
	size_t		 cap = ipsec_sa_encap_len(ps, len) + hdr;
	uint8_t		 tos = ip[1], df = ipsec_mtu_outer_df(fl, ip);

	if (fl->fl_peer.sa_family == 6)
		return encap6(c, fl, ps, ip, len, inplace);
	if (transport_pkt(fl, ps, ip, len))
		return encap_transport(c, fl, ps, ip, len, inplace);
	if ((out = encap_dest(c, fl, ip, len, DP_HEADROOM, pre, cap,
	    inplace)) == NULL)
		return DP_CRYPTO_DROP;
	/* AH cannot pass a NAT (RFC 3948 is ESP's): not in UDP. */
	if (ahl != 0 && ps->ps_udp) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	if (body_out(ps, ip, len, ESP_NEXT_IPV4, out + hdr + ahl,
	    cap - hdr - ahl, &elen) != ESP_OK) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	elen = outer4(fl, ps, out, elen + ahl, tos, df);
	if (ah_finish(fl, ps, out, IP_HDR + elen, ESP_NEXT_IPV4) < 0)
		return DP_CRYPTO_DROP;
	return esp_sent(c, fl, ps, out, IP_HDR + elen, len);
}

/*
 * encap for what fast_out took: ESP alone in tunnel mode to an IPv4
 * peer, in place.  encap's tests of the other cases and its lengths
 * through ipsec_sa_pre and ipsec_sa_encap_len (AH's part, then ESP's)
 * are left out: fast_out's run record R holds what comes before ESP's
 * payload (outer header, ESP's header, IV) and whether the SA digests,
 * and fast_out checked once, for any packet up to the inner MTU, that
 * the packet built in place fits the buffer's room and PKT_MAX
 * (run_fits): ESP is given the room there is and says how long the
 * packet came out, without a length asked of it first (a division).
 */
static enum dp_crypto_verdict
encap_esp4(struct crypto *c, const struct ipsec_run *r, uint8_t *ip,
    size_t len)
{
	struct ipsec_flow	*fl = r->r_fl;
	struct ipsec_sa		*ps = r->r_ps;
	uint8_t			*out = ip - r->r_pre;
	size_t			 elen;
	uint8_t			 tos = ip[1], df = ipsec_mtu_outer_df(fl, ip);

	if (esp_encap_nh(ps->ps_esp, ip, len, ESP_NEXT_IPV4, out + r->r_hdr,
	    r->r_pre - r->r_hdr + len + DP_TAILROOM, &elen) != ESP_OK) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	elen = outer4(fl, ps, out, elen, tos, df);
	return esp_sent_as(c, fl, ps, out, IP_HDR + elen, len, r->r_digest);
}

/*
 * Whether every packet of up to R's inner MTU gets its ESP in place, as
 * encap_dest would decide it for each: the outer header, ESP's header
 * and IV before the packet leave the link layer its room in the
 * headroom, ESP's trailer (padding to the cipher's block, pad length,
 * next header, ICV: at most a block + 1 + the ICV, which is what a
 * packet of 0 bytes has beyond its header and IV, + 1) fits the
 * tailroom, and the longest packet stays within PKT_MAX (the length
 * only grows with the packet's).
 */
static bool
run_fits(const struct ipsec_run *r)
{
	const struct esp_sa	*sa = r->r_ps->ps_esp;
	size_t			 trailer = esp_encap_len(sa, 0) - ESP_HDR_LEN -
				    esp_sa_iv_len(sa) + 1;

	return r->r_pre + DP_LINK_ROOM <= DP_HEADROOM &&
	    trailer <= DP_TAILROOM &&
	    r->r_hdr + esp_encap_len(sa, r->r_inner) <= PKT_MAX;
}

/*
 * FL's packet out of IFP through its outbound SA, the SA first checked
 * against its lifetime in kilobytes (expired: its successor, if any);
 * false, counted as a send error, when the flow has no SA ready (the
 * caller begins IKE and drops the packet).
 */
static bool
flow_send(struct crypto *c, struct dp_iface *ifp, struct ipsec_flow *fl,
    uint8_t *ip, size_t len, bool inplace, enum dp_crypto_verdict *v)
{
	struct ipsec_sa	*ps;

	if ((ps = ipsec_flow_out_sa(fl)) != NULL &&
	    ipsec_sa_ready(ps) && ps->ps_bytes / 1024 >= ps->ps_life_kb &&
	    ps->ps_expiry != NULL) {
		ipsec_sa_expire_volume(c, ps);
		ps = ipsec_flow_out_sa(fl);
	}
	if (ps != NULL && ipsec_sa_ready(ps)) {
		*v = ipsec_mtu_out(c, ifp, fl, ps, ip, len, inplace, encap);
		/* The soft volume lifetime: a successor now. */
		ipsec_rekey_volume(ps);
		return true;
	}
	fl->fl_stats.fs_send_errors++;
	return false;
}

/*
 * A packet the static entry SE's selector SS protects, out of IFP: its
 * flow (found by its precomputed hash, made if none), the flow's
 * outbound SA checked against its lifetime in kilobytes, then the path
 * MTU and ESP; no SA: IKE begins and the packet is dropped.  What
 * protect() does after classifying, and what the dataplane's flow cache
 * asks for a flow's next packets (fast_out): the SA is looked up per
 * packet, so a rekey, an expiry or `clear crypto sa` between two
 * packets takes effect on the second one either way.
 */
static enum dp_crypto_verdict
protect_sel(struct crypto *c, struct dp_iface *ifp,
    const struct spd_entry *se, const struct spd_sel *ss, uint8_t *ip,
    size_t len, bool inplace)
{
	struct ipsec_flow	*fl;
	struct ike_request	 rq;
	struct ike_p1		*done;
	enum dp_crypto_verdict	 v;

	if ((fl = ipsec_spd_flow(c, ss)) == NULL)
		fl = ipsec_flow_create(c, &ss->ss_rq,
		    se->se_ce->ce_params.pp_pfs);
	if (flow_send(c, ifp, fl, ip, len, inplace, &v))
		return v;
	if (!negotiating(c, &ss->ss_rq, &done)) {
		/* The negotiation offers the entry as it is now. */
		rq = ss->ss_rq;
		ipsec_proposal_of(c, se->se_ce, &rq.rq_prop);
		dbg_sa_request(c, &rq, se->se_ce);
		if (done != NULL)
			ike_qm_initiate(done, &rq);
		else
			ike_initiate(c, &rq);
	}
	return DP_CRYPTO_DROP;
}

/*
 * The compiled policy of the interface: the first entry whose ACL
 * permits the packet (the dataplane classifies, counting the rule's
 * hit) names the flow through the rule's precompiled request; the flow
 * is found by its precomputed hash.  Nothing is looked up by name.
 */
static enum dp_crypto_verdict
protect(struct crypto *c, struct dp_iface *ifp, uint8_t *ip, size_t len,
    bool inplace)
{
	const struct spd_iface	*si;
	const struct spd_entry	*se;
	const struct spd_sel	*ss;
	const struct spd_dyn	*sd;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	size_t			 i;
	bool			 permit, dyn = false;
	int			 r;
	enum dp_crypto_verdict	 v;

	/* IKE is never encrypted by the map it negotiates for, even when
	 * the ACL covers the peers' own addresses. */
	if (ipsec_own_traffic(ip, len) || (si = ipsec_spd_iface(c, ifp)) == NULL)
		return DP_CRYPTO_PASS;
	for (i = 0; i < si->si_n; i++) {
		se = &si->si_entries[i];
		if (se->se_source == SPD_DYNAMIC_MAP) {
			/* Remote peers' flows through this entry: they come
			 * and go with SAs, so what follows it is not a
			 * decision the flow cache may keep. */
			dyn = true;
			if ((sd = ipsec_spd_dyn_match(si, ip, len)) == NULL ||
			    sd->sd_seq != se->se_ce->ce_seq)
				continue;
			fl = sd->sd_flow;
			if ((ps = ipsec_flow_out_sa(fl)) != NULL &&
			    ipsec_sa_ready(ps)) {
				v = ipsec_mtu_out(c, ifp, fl, ps, ip, len,
				    inplace, encap);
				ipsec_rekey_volume(ps);
				return v;
			}
			/* Only the peer can start it again. */
			fl->fl_stats.fs_send_errors++;
			return DP_CRYPTO_DROP;
		}
		if ((r = dp_acl_classify(se->se_acl, ip, len, &permit)) < 0 ||
		    !permit || (size_t)r >= se->se_nsels)
			continue;
		if (!si->si_has_local)
			return DP_CRYPTO_DROP;
		ss = &se->se_sels[r];
		/* A forwarded packet's decision, for the flow cache: the
		 * selector depends only on the packet's addresses, protocol
		 * and ports and on the configuration (the SPD's
		 * generations), as long as no dynamic entry came before. */
		if (inplace && !dyn)
			dp_fast_note(c->c_sys->sy_dp, ifp, ss);
		return protect_sel(c, ifp, se, ss, ip, len, inplace);
	}
	return DP_CRYPTO_PASS;
}

/* A negotiation for RQ (CE's) begins unless one is under way. */
void
ipsec_out_start(struct crypto *c, const struct ike_request *base,
    const struct cmap_entry *ce)
{
	struct ike_request	 rq;
	struct ike_p1		*done;

	if (negotiating(c, base, &done))
		return;
	/* The negotiation offers the entry as it is now. */
	rq = *base;
	ipsec_proposal_of(c, ce, &rq.rq_prop);
	dbg_sa_request(c, &rq, ce);
	if (done != NULL)
		ike_qm_initiate(done, &rq);
	else
		ike_initiate(c, &rq);
}

/*
 * A packet under the policy of a tunnel (ipsec_tunnel.c): RQ's flow,
 * found by its hash H, sends it if it has an outbound SA (out of IFP,
 * the tunnel source's interface, as far as the path MTU goes); else IKE
 * begins and the packet is dropped, as protect() does.
 */
enum dp_crypto_verdict
ipsec_out_flow(struct crypto *c, struct dp_iface *ifp,
    const struct ike_request *rq, const struct sa_addr *peer, uint32_t h,
    const struct cmap_entry *ce, uint8_t *ip, size_t len)
{
	struct ipsec_flow	*fl;
	enum dp_crypto_verdict	 v;

	if ((fl = ipsec_flow_find_h(c, rq, peer, h)) == NULL)
		fl = ipsec_flow_create(c, rq, ce->ce_params.pp_pfs);
	if (flow_send(c, ifp, fl, ip, len, false, &v))
		return v;
	ipsec_out_start(c, rq, ce);
	return DP_CRYPTO_DROP;
}

/* The router's own packets and anything not in the dataplane's
 * forwarding buffer: read only, ESP built in c_txbuf. */
static enum dp_crypto_verdict
outbound(void *arg, struct dp_iface *ifp, const uint8_t *ip, size_t len)
{
	return protect(arg, ifp, (uint8_t *)(uintptr_t)ip, len, false);
}

/* Forwarded packets: ESP built around the packet where it lies. */
static enum dp_crypto_verdict
outbound_inplace(void *arg, struct dp_iface *ifp, uint8_t *ip, size_t len)
{
	return protect(arg, ifp, ip, len, true);
}

/*
 * What a run (fast_out's RUN) re-uses is valid while this is unchanged:
 * the flows (db_flow_gen: the selector's flow), the SAs (db_sa_gen: the
 * flow's outbound SA and its transforms), the configuration the
 * selector and the modes come from (c_cfg_gen) and the global df-bit
 * and fragmentation settings (c_mtu_gen).  Each only grows.  The
 * interface's MTU and routes move the flow cache's generation, which
 * the dataplane compares per packet, run or not.
 */
static inline uint64_t
ipsec_run_gen(const struct crypto *c)
{
	return c->c_sadb.db_flow_gen + c->c_sadb.db_sa_gen + c->c_cfg_gen +
	    c->c_mtu_gen;
}

/*
 * A forwarded packet of a flow whose selector protect() noted
 * (dp_fast_note): the dataplane checked that nothing it was compiled
 * from changed since (c_cfg_gen, dp_generation: dp_crypto_gen).  The
 * common case is taken here in one step — the flow's SA (looked up per
 * packet, as protect_sel does) carries ESP alone in tunnel mode to an
 * IPv4 peer, its kilobyte lifetime not reached, and the packet fits the
 * inner MTU whole — instead of through protect_sel, flow_send and
 * ipsec_mtu_out, which decide the same; anything else (no SA yet, the
 * lifetime reached, AH, transport mode, IPv6, a packet to fragment or
 * refuse) goes their way.
 *
 * In a burst's run (RUN: the packet before was the previous frame
 * received, with this selector, nothing between them) the flow, its SA
 * and the inner MTU the last packet found in the common case are taken
 * again while ipsec_run_gen() is unchanged: between two packets of a
 * run nothing but the first packet's own sending ran, and the clock
 * stood still (the read's held instant: a learned path MTU's age is
 * what it was).  What that sending changes is asked per packet still:
 * the SA's bytes against its lifetime, the packet's length against the
 * inner MTU, the soft volume rekey.
 */
static enum dp_crypto_verdict
fast_out(void *arg, struct dp_iface *ifp, const void *cookie, uint8_t *ip,
    size_t len, bool run)
{
	struct crypto		*c = arg;
	const struct spd_sel	*ss = cookie;
	struct ipsec_run	*r = &c->c_run;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	enum dp_crypto_verdict	 v;

	if (run && r->r_sel == ss && r->r_gen == ipsec_run_gen(c)) {
		ps = r->r_ps;
		if (ps->ps_bytes / 1024 < ps->ps_life_kb && len <= r->r_inner)
			goto common;
	}
	r->r_sel = NULL;
	if ((fl = ipsec_spd_flow(c, ss)) == NULL ||
	    (ps = ipsec_flow_out_sa(fl)) == NULL || ps->ps_esp == NULL ||
	    ps->ps_ah != NULL || ps->ps_transport ||
	    fl->fl_peer.sa_family == 6 ||
	    ps->ps_bytes / 1024 >= ps->ps_life_kb ||
	    len > (r->r_inner = ipsec_mtu_inner_out(c, ifp, fl, ps)))
		return protect_sel(c, ifp, ss->ss_se, ss, ip, len, true);
	r->r_fl = fl;
	r->r_ps = ps;
	r->r_hdr = IP_HDR + (ps->ps_udp ? UDP_HDR : 0);
	r->r_pre = r->r_hdr + ESP_HDR_LEN + esp_sa_iv_len(ps->ps_esp);
	/* Not in place (no SA met yet that would not be): encap's way. */
	if (!run_fits(r))
		return protect_sel(c, ifp, ss->ss_se, ss, ip, len, true);
	r->r_sel = ss;
	r->r_digest = sa_digests(ps);
	r->r_soft = ipsec_rekey_volume_from(ps);
	r->r_gen = ipsec_run_gen(c);
common:
	v = encap_esp4(c, r, ip, len);
	/* The soft volume lifetime: a successor now (as flow_send), asked
	 * only from the bytes where it can begin. */
	if (ps->ps_bytes >= r->r_soft)
		ipsec_rekey_volume(ps);
	return v;
}

static const struct dp_crypto_ops ipsec_ops = {
	.co_outbound = outbound,
	.co_esp_input = ipsec_esp_input,
	.co_esp_lane = ipsec_esp_lane,
	.co_inbound = ipsec_inbound,
	.co_frag_needed = ipsec_mtu_learn,
	.co_outbound_inplace = outbound_inplace,
	.co_tunnel_output = ipsec_tunnel_output,
	.co_tunnel_sa = ipsec_tunnel_sa,
	.co_fast_out = fast_out,
};

void
ipsec_attach(struct crypto *c)
{
	/* The packet buffers come on first use (ipsec_txbuf() & co.). */
	/* A new dataplane (reload): the tunnels' policies point into the
	 * old one's interfaces. */
	ipsec_tunnel_free(c);
	if (c->c_sys->sy_dp != NULL) {
		dp_crypto_register(c->c_sys->sy_dp, &ipsec_ops, c);
		/* The flow cache's decisions are selectors of the SPD,
		 * compiled from what c_cfg_gen counts. */
		dp_crypto_gen(c->c_sys->sy_dp, &c->c_cfg_gen);
	}
}

void
ipsec_detach(struct crypto *c)
{
	struct ipsec_flow	*fl;

	if (c->c_sys->sy_dp != NULL)
		dp_crypto_register(c->c_sys->sy_dp, NULL, NULL);
	while ((fl = TAILQ_FIRST(&c->c_sadb.db_flows)) != NULL)
		ipsec_flow_drop(c, fl);
	ipsec_spd_free(c);
	ipsec_tunnel_free(c);
	/* Decrypted and clear packets leave no copy in freed memory;
	 * a buffer never made held none. */
	if (c->c_txbuf != NULL)
		OPENSSL_cleanse(c->c_txbuf, IPSEC_TXBUF_LEN);
	if (c->c_rxbuf != NULL)
		OPENSSL_cleanse(c->c_rxbuf, IPSEC_RXBUF_LEN);
	if (c->c_fragbuf != NULL)
		OPENSSL_cleanse(c->c_fragbuf, IPSEC_FRAGBUF_LEN);
	free(c->c_txbuf);
	free(c->c_rxbuf);
	free(c->c_fragbuf);
	c->c_txbuf = c->c_rxbuf = c->c_fragbuf = NULL;
}
