/*
 * ipsec_mtu: path MTU on the outbound ESP path, as IOS does it.
 *
 * A flow's path MTU is the IP MTU of the interface its ESP leaves by
 * (show crypto ipsec sa's "ip mtu", "ip mtu idb"), or less when an ICMP
 * "fragmentation needed" about one of our ESP packets taught us a
 * narrower outer path (RFC 1191; aged out after PMTU_AGE_MS as hosts do).
 * The SA's overhead — outer IPv4 20, UDP 8 under NAT-T, SPI and sequence
 * 8, the IV, padding to the cipher block, pad length and next header 2,
 * the ICV — leaves the inner MTU: the largest inner packet whose ESP
 * packet fits the path MTU.
 *
 * A packet larger than that:
 *  - with DF set (and `crypto ipsec df-bit` not `clear`): dropped and
 *    answered "fragmentation needed" with the inner MTU, so the sender's
 *    PMTU discovery (TCP) learns the tunnel's MTU;
 *  - otherwise, `crypto ipsec fragmentation before-encryption` (IOS's
 *    default): fragmented first, into equal pieces as IOS's
 *    pre-fragmentation makes them, each fragment encrypted alone, so the
 *    far host reassembles and the peer decrypts whole packets;
 *  - `after-encryption` (unless df-bit set forces DF on the outer
 *    header): encrypted whole, and the dataplane fragments the ESP
 *    packet (the peer reassembles before decrypting).
 * `crypto ipsec df-bit copy|set|clear` decides the outer header's DF;
 * both settings are global with a per-interface override.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "lib/system.h"

#define IP_HDR		20
#define UDP_HDR		8
#define IP_DF		0x40	/* in the flags byte (ip[6]) */
#define IP_MF		0x2000
#define IP_OFFMASK	0x1fff
#define MTU_MIN		68	/* RFC 791: every link carries it */
#define PMTU_AGE_MS	(10ULL * 60 * 1000)	/* RFC 1191's 10 minutes */

/* FL's MTUs and modes from IFP, the interface its ESP leaves by. */
static void
refresh(const struct crypto *c, struct ipsec_flow *fl,
    const struct dp_iface *ifp, uint64_t now)
{
	enum dp_crypto_df	df = dp_iface_crypto_df(ifp);
	enum dp_crypto_frag	fr = dp_iface_crypto_frag(ifp);

	fl->fl_ip_mtu = dp_iface_ip_mtu(ifp);
	if (fl->fl_pmtu != 0 && now - fl->fl_pmtu_ms >= PMTU_AGE_MS)
		fl->fl_pmtu = 0;
	fl->fl_mtu = fl->fl_pmtu != 0 && fl->fl_pmtu < fl->fl_ip_mtu ?
	    fl->fl_pmtu : fl->fl_ip_mtu;
	if (df == DP_DF_UNSET)
		df = c->c_df_bit != DP_DF_UNSET ? c->c_df_bit : DP_DF_COPY;
	fl->fl_df_mode = (uint8_t)df;
	fl->fl_frag_after = fr == DP_FRAG_UNSET ? c->c_frag_after :
	    fr == DP_FRAG_AFTER;
}

/*
 * refresh() for a packet: its answers are kept while nothing they are
 * read from changed — the interface's settings and routes
 * (dp_iface_mtu_gen), the global df-bit and fragmentation (c_mtu_gen),
 * and a learned path MTU's age (fl_mtu_until) — instead of three calls
 * into the dataplane per packet.
 */
static void
refresh_kept(const struct crypto *c, struct ipsec_flow *fl,
    const struct dp_iface *ifp)
{
	uint64_t	now = clock_mono_ms();
	uint64_t	gen = dp_iface_mtu_gen(ifp);

	if (gen != 0 && fl->fl_mtu_ifp == ifp &&
	    fl->fl_mtu_gen == gen + c->c_mtu_gen && now < fl->fl_mtu_until)
		return;
	refresh(c, fl, ifp, now);
	fl->fl_mtu_ifp = gen != 0 ? ifp : NULL;
	fl->fl_mtu_gen = gen + c->c_mtu_gen;
	fl->fl_mtu_until = fl->fl_pmtu != 0 ? fl->fl_pmtu_ms + PMTU_AGE_MS :
	    UINT64_MAX;
}

void
ipsec_mtu_forget(struct ipsec_flow *fl)
{
	fl->fl_mtu_ifp = NULL;
}

void
ipsec_mtu_refresh_all(struct crypto *c)
{
	struct ipsec_flow	*fl;
	const struct dp_iface	*ifp;
	uint64_t		 now = clock_mono_ms();

	if (c->c_sys->sy_dp == NULL)
		return;
	TAILQ_FOREACH(fl, &c->c_sadb.db_flows, fl_entry)
		if ((ifp = dp_iface_find(c->c_sys->sy_dp, fl->fl_idb)) != NULL) {
			refresh(c, fl, ifp, now);
			ipsec_mtu_forget(fl);
		}
}

size_t
ipsec_mtu_inner(const struct ipsec_flow *fl, const struct ipsec_sa *ps)
{
	size_t	hdr = (fl->fl_peer.sa_family == 6 ? 40 : IP_HDR) +
		    (ps->ps_udp ? UDP_HDR : 0);
	size_t	least = hdr + ipsec_sa_pre(ps) + (ps->ps_esp != NULL ? 2 +
		    esp_sa_icv_len(ps->ps_esp) : 0);
	size_t	l;

	if (fl->fl_mtu < least + MTU_MIN)
		return MTU_MIN;
	/* The padding makes the size a step function: walk down at most a
	 * block from the length that needs no padding. */
	for (l = fl->fl_mtu - least; l > MTU_MIN &&
	    hdr + ipsec_sa_encap_len(ps, l) > fl->fl_mtu; l--)
		;
	return l;
}

/* IP in pieces of at most MTU bytes, equal but for the 8-byte rounding,
 * each built in c_fragbuf (nothing allocated) and passed through ENCAP. */
static enum dp_crypto_verdict
fragment(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    const uint8_t *ip, size_t len, size_t mtu, ipsec_encap_fn encap)
{
	size_t		 hl = (size_t)(ip[0] & 15) * 4, data = len - hl;
	size_t		 chunk = (mtu - hl) & ~(size_t)7, n, each, pos, k;
	uint16_t	 fl0 = get16(ip + 6);
	uint16_t	 off0 = fl0 & IP_OFFMASK;
	bool		 more;
	uint8_t		*f = ipsec_fragbuf(c);
	enum dp_crypto_verdict v = DP_CRYPTO_DROP;

	if (chunk == 0)
		return DP_CRYPTO_DROP;
	n = (data + chunk - 1) / chunk;
	each = ((data + n - 1) / n + 7) & ~(size_t)7;
	for (pos = 0; pos < data; pos += k) {
		k = data - pos < each ? data - pos : each;
		more = pos + k < data || (fl0 & IP_MF);
		memcpy(f, ip, hl);
		memcpy(f + hl, ip + hl + pos, k);
		put16(f + 2, (uint16_t)(hl + k));
		/* df-bit clear let a DF packet be cut: its pieces say so. */
		put16(f + 6, (uint16_t)((fl0 & 0x4000 &&
		    fl->fl_df_mode != DP_DF_CLEAR ? 0x4000 : 0) |
		    (more ? IP_MF : 0) | (off0 + pos / 8)));
		put16(f + 10, 0);
		put16(f + 10, in_cksum(f, hl, 0));
		if (encap(c, fl, ps, f, hl + k, false) == DP_CRYPTO_CONSUMED)
			v = DP_CRYPTO_CONSUMED;
	}
	return v;
}

size_t
ipsec_mtu_inner_out(struct crypto *c, const struct dp_iface *ifp,
    struct ipsec_flow *fl, struct ipsec_sa *ps)
{
	refresh_kept(c, fl, ifp);
	/* The inner MTU is a walk over the padding (ipsec_mtu_inner): done
	 * when the path MTU changes, not per packet. */
	if (ps->ps_inner_for != fl->fl_mtu) {
		ps->ps_inner_mtu = (uint32_t)ipsec_mtu_inner(fl, ps);
		ps->ps_inner_for = fl->fl_mtu;
	}
	return ps->ps_inner_mtu;
}

enum dp_crypto_verdict
ipsec_mtu_out(struct crypto *c, const struct dp_iface *ifp,
    struct ipsec_flow *fl, struct ipsec_sa *ps, uint8_t *ip, size_t len,
    bool inplace, ipsec_encap_fn encap)
{
	size_t	inner = ipsec_mtu_inner_out(c, ifp, fl, ps);

	/* An IPv6 datagram (a VTI's) is not cut by a router and has no DF
	 * bit to read: it goes whole, as the tunnel's MTU let it in. */
	if (len <= inner || (ip[0] >> 4) == 6)
		return encap(c, fl, ps, ip, len, inplace);
	if ((ip[6] & IP_DF) && fl->fl_df_mode != DP_DF_CLEAR) {
		/* Answered, not lost: the sender hears the tunnel's MTU. */
		dp_icmp_frag_needed(c->c_sys->sy_dp, ip, len,
		    (uint16_t)inner);
		return DP_CRYPTO_CONSUMED;
	}
	if (fl->fl_frag_after && fl->fl_df_mode != DP_DF_SET)
		return encap(c, fl, ps, ip, len, inplace);
	return fragment(c, fl, ps, ip, len, inner, encap);
}

/*
 * "Fragmentation needed" about our ESP packet QUOTE: the flow to its
 * destination whose outbound SA has the quoted SPI (any, under NAT-T,
 * where the quote ends before the SPI) learns the path MTU.  A control
 * event, rare: the flows are walked.
 */
void
ipsec_mtu_learn(void *arg, const uint8_t *quote, size_t qlen, uint16_t mtu)
{
	struct crypto		*c = arg;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	struct sadb_peer	*pe;
	struct sa_addr		 peer;
	size_t			 qhl = (size_t)(quote[0] & 15) * 4;
	size_t			 at = qhl + (quote[9] == 17 ? UDP_HDR : 0);
	uint32_t		 spi = 0;
	bool			 has_spi = qlen >= at + 4;

	if (mtu < MTU_MIN)
		return;		/* RFC 1191: an old router says 0 */
	if (has_spi)
		spi = get32(quote + at);
	sa_addr_v4(&peer, get32(quote + 16));
	/* Only the flows with that peer: its list in the SA database. */
	if ((pe = sadb_peer_find(&c->c_sadb, &peer)) == NULL)
		return;
	TAILQ_FOREACH(fl, &pe->pe_flows, fl_pentry) {
		TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
			if (!has_spi || ps->ps_spi == spi)
				break;
		if (ps != NULL && mtu < fl->fl_mtu) {
			fl->fl_pmtu = mtu;
			fl->fl_pmtu_ms = clock_mono_ms();
			fl->fl_mtu = mtu;
			ipsec_mtu_forget(fl);
		}
	}
}
