/*
 * ip4: the IPv4 packet path.
 *
 *	received: header checks (version, IHL, total length, checksum: a
 *	bad one is an input error) -> inbound access group -> crypto's
 *	inbound policy check on an interface with `crypto map` (cleartext
 *	that the map says must come protected is dropped; not for what
 *	crypto decapsulated itself) -> for one of the router's addresses
 *	(or a broadcast): local delivery (ICMP, UDP, ESP to crypto) ->
 *	otherwise forwarding: TTL, route lookup, TTL decrement and new
 *	checksum -> transmit.  IOS's order is the same: the input access
 *	list sees the packet as it arrives, then decryption or the check
 *	that it should have been encrypted, then routing (Cisco's "NAT
 *	Order of Operation": "If IPSec then check input access list",
 *	"decryption", ..., "routing").
 *	the router's own (echo, ICMP errors, UDP, crypto's ESP): source
 *	chosen, route lookup, or the local queue when it is for the router
 *	itself -> transmit.
 *	NAT (nat.c): outside to inside after the input ACL and the
 *	crypto check or decryption, before routing; inside to outside
 *	after routing, before the outbound access group and the crypto
 *	map.  The router's own packets are never translated.
 *	transmit: outbound access group (forwarded packets only, as IOS)
 *	-> crypto map classification -> MTU (fragments, or "fragmentation
 *	needed" when DF is set) -> link layer.
 *
 * Fragments for the router itself are reassembled (reasm.c); TCP for
 * the router is dropped silently (no TCP stack yet); ICMP redirects are
 * not sent.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "dataplane/nat.h"

#define IP_DF		0x4000
#define IP_MF		0x2000
#define IP_OFFMASK	0x1fff

static void
ip4_checksum(uint8_t *ip)
{
	size_t	hl = (size_t)(ip[0] & 15) * 4;

	put16(ip + 10, 0);
	put16(ip + 10, in_cksum(ip, hl, 0));
}


void
ip4_header(struct dataplane *dp, uint8_t *ip, size_t len, uint8_t proto,
    uint32_t src, uint32_t dst, uint8_t ttl, uint8_t tos, bool df)
{
	ip[0] = 0x45;
	ip[1] = tos;
	put16(ip + 2, (uint16_t)len);
	put16(ip + 4, dp->d_fwd->f_ip_id++);
	put16(ip + 6, df ? IP_DF : 0);
	ip[8] = ttl;
	ip[9] = proto;
	put16(ip + 10, 0);
	put32(ip + 12, src);
	put32(ip + 16, dst);
}

bool
ip4_iface_addr(const struct dp_iface *ifp, uint32_t addr)
{
	size_t	i;

	if (!iface_has_v4(ifp))
		return false;
	if (ifp->if_addr.a_addr == addr)
		return true;
	for (i = 0; i < ifp->if_nsec; i++)
		if (ifp->if_sec[i].a_addr == addr)
			return true;
	return false;
}

/* ADDR is all ones, or the broadcast address of one of IFP's subnets. */
bool
ip4_iface_bcast(const struct dp_iface *ifp, uint32_t addr)
{
	size_t	i;

	if (addr == 0xffffffffU)
		return true;
	if (ifp == NULL || !iface_has_v4(ifp))
		return false;
	if (ifp->if_addr.a_mask < 0xfffffffeU &&
	    addr == (ifp->if_addr.a_addr | ~ifp->if_addr.a_mask))
		return true;
	for (i = 0; i < ifp->if_nsec; i++)
		if (ifp->if_sec[i].a_mask < 0xfffffffeU &&
		    addr == (ifp->if_sec[i].a_addr | ~ifp->if_sec[i].a_mask))
			return true;
	return false;
}

/* The subnet index (d_subnets, sorted and disjoint) finds the only
 * interface that can hold ADDR. */
static bool
own_lookup(const struct dataplane *dp, uint32_t addr)
{
	size_t	lo = 0, hi = dp->d_nsubnets, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (dp->d_subnets[mid].sn_lo <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && addr <= dp->d_subnets[lo - 1].sn_hi &&
	    ip4_iface_addr(dp->d_subnets[lo - 1].sn_if, addr);
}

/* Remembered (f_ownc): addresses and subnets change only with d_gen.
 * Inline where every ESP packet asks it twice (the local lane, on the
 * ESP and on what it carried); ip4_own for the rest. */
static inline __attribute__((always_inline)) bool
own_cached(const struct dataplane *dp, uint32_t addr)
{
	struct own_cached	*oc;

	if (dp->d_fwd == NULL)
		return own_lookup(dp, addr);
	oc = &dp->d_fwd->f_ownc[(addr * 2654435761U) >> 26];
	if (oc->oc_gen != dp->d_gen + 1 || oc->oc_addr != addr) {
		oc->oc_gen = dp->d_gen + 1;
		oc->oc_addr = addr;
		oc->oc_own = own_lookup(dp, addr);
	}
	return oc->oc_own;
}

bool
ip4_own(const struct dataplane *dp, uint32_t addr)
{
	return own_cached(dp, addr);
}

uint32_t
ip4_source(const struct dataplane *dp, uint32_t dst)
{
	const struct dp_iface	*out;
	uint32_t		 nh;

	if (ip4_own(dp, dst))
		return dst;
	if ((out = route_lookup(dp, dst, &nh)) == NULL ||
	    !iface_has_v4(out))
		return 0;
	return out->if_addr.a_addr;
}

/* Fragments are built one at a time in the dataplane's buffer, with
 * room for the link header: no allocation. */
static int
ip4_fragment(struct dp_iface *out, uint32_t nh, const uint8_t *ip,
    size_t len, size_t mtu)
{
	size_t		 hl = (size_t)(ip[0] & 15) * 4, chunk, pos, n;
	uint16_t	 off0 = get16(ip + 6) & IP_OFFMASK;
	bool		 mf0 = (get16(ip + 6) & IP_MF) != 0, more;
	uint8_t		*f = fwd_fragbuf(out->if_dp->d_fwd) + DP_LINK_ROOM;
	int		 rc = 0;

	chunk = (mtu - hl) & ~(size_t)7;
	if (chunk == 0)
		return -1;
	for (pos = 0; pos < len - hl; pos += n) {
		n = len - hl - pos < chunk ? len - hl - pos : chunk;
		more = pos + n < len - hl || mf0;
		memcpy(f, ip, hl);
		memcpy(f + hl, ip + hl + pos, n);
		put16(f + 2, (uint16_t)(hl + n));
		put16(f + 6, (uint16_t)((more ? IP_MF : 0) |
		    (off0 + pos / 8)));
		ip4_checksum(f);
		if (link_output_ip4_room(out, nh, f, hl + n) < 0)
			rc = -1;
	}
	return rc;
}

/* The last steps of every datagram that leaves: 0 sent (or taken by
 * crypto, or held for ARP), -1 dropped. */
static int
ip4_transmit(struct dataplane *dp, struct dp_iface *in, struct dp_iface *out,
    uint32_t nh, uint8_t *ip, size_t len, unsigned flags)
{
	const struct fwd	*f = dp->d_fwd;
	enum dp_crypto_verdict	 v;

	if (!(flags & IP4_OWN) && out->if_acl_out != NULL &&
	    !filter_pass(dp, out->if_acl_out, ip, len)) {
		icmp_error(dp, in, ip, len, ICMP_UNREACH, ICMP_UNREACH_ADMIN,
		    0);
		return -1;
	}
	if (!(flags & IP4_NOCRYPTO) && out->if_crypto_map != NULL &&
	    f->f_crypto != NULL && f->f_crypto->co_outbound != NULL) {
		if ((flags & IP4_FWDBUF) &&
		    f->f_crypto->co_outbound_inplace != NULL) {
			/* The flow cache records what crypto decides for a
			 * forwarded packet (flowcache.c). */
			fc_rec_classify(dp, true);
			v = f->f_crypto->co_outbound_inplace(f->f_crypto_arg,
			    out, ip, len);
			fc_rec_classify(dp, false);
		} else
			v = f->f_crypto->co_outbound(f->f_crypto_arg, out, ip,
			    len);
		switch (v) {
		case DP_CRYPTO_CONSUMED:
			return 0;
		case DP_CRYPTO_DROP:
			return -1;
		case DP_CRYPTO_PASS:
			break;
		}
	}
	return ip4_link_out(dp, in, out, nh, ip, len, flags);
}

int
ip4_link_out(struct dataplane *dp, struct dp_iface *in, struct dp_iface *out,
    uint32_t nh, uint8_t *ip, size_t len, unsigned flags)
{
	size_t	mtu = iface_ip_mtu(out);

	if (len <= mtu)
		return (flags & IP4_ROOM) ? link_output_ip4_room(out, nh, ip,
		    len) : link_output_ip4(out, nh, ip, len);
	if (get16(ip + 6) & IP_DF) {
		/* The router's own packets hear it too: ping shows 'M'. */
		icmp_error(dp, in, ip, len, ICMP_UNREACH,
		    ICMP_UNREACH_NEEDFRAG, (uint16_t)mtu);
		return (flags & IP4_OWN) ? 0 : -1;
	}
	return ip4_fragment(out, nh, ip, len, mtu);
}

int
ip4_send(struct dataplane *dp, uint8_t *ip, size_t len, unsigned flags)
{
	struct dp_iface	*out;
	uint32_t	 src = get32(ip + 12), dst = get32(ip + 16), nh;

	if (dp->d_tun_gen != route_gen(dp))
		tunnel_sync(dp);	/* tunnels' line protocols, first */
	if (src != 0 && !ip4_own(dp, src))
		return DP_SEND_NO_SOURCE;
	if (ip4_own(dp, dst)) {
		if (src == 0)
			put32(ip + 12, dst);
		ip4_checksum(ip);
		fwd_local(dp, ip, len);
		return DP_SEND_OK;
	}
	if ((out = route_lookup(dp, dst, &nh)) == NULL)
		return DP_SEND_NO_ROUTE;
	if (src == 0) {
		if (!iface_has_v4(out))
			return DP_SEND_NO_SOURCE;
		put32(ip + 12, out->if_addr.a_addr);
	}
	ip4_checksum(ip);
	return ip4_transmit(dp, NULL, out, nh, ip, len, flags | IP4_OWN) == 0 ?
	    DP_SEND_OK : DP_SEND_DROPPED;
}

int
ip4_send_iface(struct dp_iface *out, uint32_t nh, uint8_t *ip, size_t len)
{
	if (!iface_up(out))
		return DP_SEND_DROPPED;
	ip4_checksum(ip);
	return link_output_ip4(out, nh, ip, len) == 0 ? DP_SEND_OK :
	    DP_SEND_DROPPED;
}

/* Local delivery of a datagram that is not a fragment, by protocol.
 * Inline in ip4_local and in the local lane, which has tested that it
 * is not one: a call and the test fewer for every datagram crypto
 * decapsulates for the router itself. */
static inline __attribute__((always_inline)) void
ip4_local_whole(struct dataplane *dp, struct dp_iface *ifp,
    const uint8_t *ip, size_t len)
{
	const struct fwd	*f = dp->d_fwd;

	switch (ip[9]) {
	case IPP_ICMP:
		icmp_input(dp, ifp, ip, len);
		return;
	case IPP_UDP:
		udp_input(dp, ifp, ip, len);
		return;
	case IPP_TCP:
		return;
	case IPP_GRE:
		tunnel_input(dp, ifp, ip, len);
		return;
	case IPP_ESP:
	case IPP_AH:	/* crypto's too: the same hook tells them apart */
		if (f->f_crypto != NULL && f->f_crypto->co_esp_input != NULL) {
			f->f_crypto->co_esp_input(f->f_crypto_arg, ifp, ip,
			    len);
			return;
		}
		break;
	}
	icmp_error(dp, ifp, ip, len, ICMP_UNREACH, ICMP_UNREACH_PROTO, 0);
}

static void
ip4_local(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	uint8_t			*whole;
	size_t			 wlen;

	if (get16(ip + 6) & (IP_MF | IP_OFFMASK)) {
		if ((whole = reasm_input(dp, ip, len, &wlen)) != NULL) {
			ip4_local(dp, ifp, whole, wlen);
			free(whole);
		}
		return;
	}
	ip4_local_whole(dp, ifp, ip, len);
}

static void
ip4_forward(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	struct dp_iface	*out;
	uint32_t	 dst = get32(ip + 16), nh;
	uint8_t		*copy = fwd_fwdbuf(dp->d_fwd) + DP_HEADROOM;

	if (dst >= 0xe0000000U || dst == 0)
		return;		/* multicast, class E: not routed */
	if (ip[8] <= 1) {
		icmp_error(dp, in, ip, len, ICMP_TIMXCEED, 0, 0);
		return;
	}
	if ((out = route_lookup(dp, dst, &nh)) == NULL) {
		icmp_error(dp, in, ip, len, ICMP_UNREACH, ICMP_UNREACH_HOST, 0);
		return;
	}
	fc_rec_route(dp, out, nh);
	/* The one copy of a forwarded packet: crypto and the link layer
	 * build around it in place.  None if it lies there already (a
	 * tunnel's packet, decrypted into dp_fwd_slot); it may overlap. */
	if (ip != copy)
		memmove(copy, ip, len);
	ip4_dec_ttl(copy);
	/* Inside to outside: NAT after routing, before the output ACL
	 * and the crypto map (IOS's order of operation). */
	if (!nat_out(dp, in, out, copy, len))
		return;
	(void)ip4_transmit(dp, in, out, nh, copy, len, IP4_ROOM | IP4_FWDBUF);
}

void
ip4_input(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	ip4_receive(dp, ifp, ip, len, 0);
}

/* A checked datagram received: the path after the header checks. */
static void
ip4_walk(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len, unsigned flags)
{
	const struct fwd	*f = dp->d_fwd;
	uint32_t		 dst;

	if (ifp != NULL && ifp->if_acl_in != NULL &&
	    !filter_pass(dp, ifp->if_acl_in, ip, len)) {
		icmp_error(dp, ifp, ip, len, ICMP_UNREACH, ICMP_UNREACH_ADMIN,
		    0);
		return;
	}
	if (!(flags & IP4_DECAP) && ifp != NULL &&
	    ifp->if_crypto_map != NULL && f->f_crypto != NULL &&
	    f->f_crypto->co_inbound != NULL &&
	    f->f_crypto->co_inbound(f->f_crypto_arg, ifp, ip, len) ==
	    DP_CRYPTO_DROP)
		return;
	/* Outside to inside: NAT after the input ACL and decryption,
	 * before routing (IOS's order of operation). */
	ip = nat_in(dp, ifp, ip, len);
	dst = get32(ip + 16);
	if (ip4_own(dp, dst) || ip4_iface_bcast(ifp, dst)) {
		ip4_local(dp, ifp, ip, len);
		return;
	}
	/* RFC 1812 5.3.4: a router MUST NOT forward what it received as a
	 * link-layer broadcast (iosh forwards no multicast) and SHOULD
	 * discard it silently; a host's broadcast frame is for the LAN. */
	if (flags & IP4_L2BCAST)
		return;
	if (ifp != NULL)
		ip4_forward(dp, ifp, ip, len);
}

/*
 * A datagram for one of the router's addresses whose walk (ip4_walk)
 * has known answers, straight to local delivery: the interface has no
 * inbound access group and is not `ip nat outside` (NAT would leave it
 * as it is), and crypto's inbound policy check does not apply — to ESP
 * and AH, which it exempts always (ipsec_own_traffic), or to what crypto
 * decapsulated (IP4_DECAP), which it never asks about.  That is the ESP
 * a gateway receives and, for the router itself, what it carried.  False:
 * the ordinary walk (an access group, NAT, a fragment, not ours).  ESP
 * goes to crypto's hook at once, as ip4_local would send it (not a
 * fragment: tested here).  Inline in both callers, ip4_receive and
 * dp_ip_input: the calls cost as much as the lane's tests.
 */
static inline __attribute__((always_inline)) bool
ip4_local_lane(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	const struct fwd	*f = dp->d_fwd;

	if (ifp->if_acl_in != NULL || ifp->if_nat == NAT_OUTSIDE ||
	    (get16(ip + 6) & (IP_MF | IP_OFFMASK)) != 0 ||
	    !own_cached(dp, get32(ip + 16)))
		return false;
	if (ip[9] == IPP_ESP && f->f_crypto != NULL &&
	    f->f_crypto->co_esp_input != NULL)
		f->f_crypto->co_esp_input(f->f_crypto_arg, ifp, ip, len);
	else
		ip4_local_whole(dp, ifp, ip, len);
	return true;
}

/*
 * What crypto's co_esp_lane returned: the datagram ESP carried, to be
 * received on IFP as dp_ip_input would, in the frame of the ip4_receive
 * that took the ESP (one call and one set of checks fewer for every
 * ESP packet a gateway receives).  Known here, so not asked again:
 * crypto saw a header of 20 bytes, version 4, a total length LEN of 20
 * up to what was carried (dp_ip_input's -1 cases and its IHL and
 * length checks); IFP is the interface the ESP came on, without an
 * inbound access group or `ip nat outside` (the lane's own tests of
 * it); the tunnels' line protocols and the flow cache's recording as
 * ip4_receive left them (crypto did nothing in between that moves
 * them).  The rest is dp_ip_input's: the header checksum (an input
 * error), then the lane — not a fragment, for one of our addresses —
 * or the walk, without crypto's inbound check (IP4_DECAP).
 */
static inline __attribute__((always_inline)) void
ip4_decap_lane(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	const struct fwd	*f = dp->d_fwd;

	if (!in_cksum_ok20(ip)) {
		ifp->if_attach.at_ierrors++;
		return;
	}
	if ((get16(ip + 6) & (IP_MF | IP_OFFMASK)) != 0 ||
	    !own_cached(dp, get32(ip + 16)))
		ip4_walk(dp, ifp, ip, len, IP4_DECAP);
	else if (ip[9] == IPP_ESP && f->f_crypto != NULL &&
	    f->f_crypto->co_esp_input != NULL)
		f->f_crypto->co_esp_input(f->f_crypto_arg, ifp, ip, len);
	else
		ip4_local_whole(dp, ifp, ip, len);
}

/*
 * ESP from a wire (or a tunnel's received packet) for one of our
 * addresses, the lane's tests passed: crypto's co_esp_lane, which may
 * return the datagram it carried for ip4_decap_lane; co_esp_input
 * otherwise, as ip4_local_lane calls it.
 */
static inline __attribute__((always_inline)) void
ip4_esp_lane(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	const struct fwd	*f = dp->d_fwd;
	const uint8_t		*inner;
	size_t			 ilen;

	if (f->f_crypto == NULL)
		ip4_local_whole(dp, ifp, ip, len);
	else if (f->f_crypto->co_esp_lane != NULL) {
		if ((inner = f->f_crypto->co_esp_lane(f->f_crypto_arg, ifp,
		    ip, len, &ilen)) != NULL)
			ip4_decap_lane(dp, ifp, inner, ilen);
	} else if (f->f_crypto->co_esp_input != NULL)
		f->f_crypto->co_esp_input(f->f_crypto_arg, ifp, ip, len);
	else
		ip4_local_whole(dp, ifp, ip, len);
}

void
ip4_receive(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len, unsigned flags)
{
	size_t	hl, tot;

	if (len < 20 || (ip[0] >> 4) != 4)
		goto bad;
	hl = (size_t)(ip[0] & 15) * 4;
	tot = get16(ip + 2);
	if (hl < 20 || hl > len || tot < hl || tot > len ||
	    (hl == 20 ? !in_cksum_ok20(ip) : in_cksum(ip, hl, 0) != 0))
		goto bad;
	len = tot;		/* Ethernet pads short frames */
	if (dp->d_tun_gen != route_gen(dp))
		tunnel_sync(dp);	/* tunnels' line protocols, first */
	/* From a wire: the flow's cached decision, or the ordinary walk
	 * recorded to make one (flowcache.c).  ESP and AH never are one
	 * (crypto passes them in clear unclassified): the ESP a router
	 * receives for itself does not pay for a lookup that must miss. */
	if (flags == 0 && ifp != NULL && ip[9] != IPP_ESP &&
	    ip[9] != IPP_AH && !dp->d_fwd->f_fcrec.fr_on) {
		if (fc_forward(dp, ifp, ip, len))
			return;
		fc_rec_begin(dp, ifp, ip, len);
		ip4_walk(dp, ifp, ip, len, flags);
		fc_rec_end(dp);
		return;
	}
	/* Not from a wire, ESP or AH, or received inside another packet's
	 * walk (what crypto decrypted or a tunnel decapsulated, handed
	 * back): a walk being recorded is then not one decision. */
	fc_rec_abort(dp);
	/* ESP, AH or a decapsulated datagram for us: local delivery at
	 * once when the walk's answers are known (ip4_local_lane); a
	 * wire's ESP through co_esp_lane (ip4_esp_lane), what it carried
	 * received here. */
	if (ifp != NULL && flags == 0 && ip[9] == IPP_ESP &&
	    ifp->if_acl_in == NULL && ifp->if_nat != NAT_OUTSIDE &&
	    (get16(ip + 6) & (IP_MF | IP_OFFMASK)) == 0 &&
	    own_cached(dp, get32(ip + 16))) {
		ip4_esp_lane(dp, ifp, ip, len);
		return;
	}
	if (ifp != NULL && (flags == IP4_DECAP || (flags == 0 &&
	    ip[9] == IPP_AH)) && ip4_local_lane(dp, ifp, ip, len))
		return;
	ip4_walk(dp, ifp, ip, len, flags);
	return;
bad:
	if (ifp != NULL)
		ifp->if_attach.at_ierrors++;
}

/*
 * What crypto decapsulated (dp.h): dp_ip_input's length checks and
 * ip4_receive's IP4_DECAP path in one call, here beside ip4_receive so
 * that the lane and the walk are called straight: the checks in
 * ip4_receive's order with its answers — -1 (crypto counts a receive
 * error) where the header cannot be IPv4's (shorter than 20 bytes, a
 * header or total length past what was carried), an input error on IN
 * where ip4_receive finds one (IHL under 5, a total length under the
 * header, the checksum), then the trim to the total length, the
 * tunnels' line protocols, no flow cache (a decapsulated datagram is
 * never a wire's flow: fc_rec_abort, as ip4_receive with flags), the
 * local lane (no inbound access group, no `ip nat outside`, not a
 * fragment, for one of our addresses) and otherwise the whole walk:
 * the access group, NAT, local delivery or forwarding (TTL, options and
 * the route there).  No crypto inbound check (IP4_DECAP): it came
 * through ESP.
 */
int
dp_ip_input(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	size_t	hl, tot;

	/* IPv4 tested first: what nearly every SA carries. */
	if (len < 20 || (ip[0] >> 4) != 4) {
		/* GRE over IPv6 out of its SA (tunnel protection on
		 * `tunnel mode gre ipv6`): the IPv6 datagram as if it came
		 * on IN. */
		if (len >= 40 && (ip[0] >> 4) == 6) {
			dp->d_decap6 = true;
			ip6_input(dp, in, ip, len);
			dp->d_decap6 = false;
			return 0;
		}
		return -1;
	}
	hl = (size_t)(ip[0] & 15) * 4;
	tot = get16(ip + 2);
	if (hl > len || tot > len)
		return -1;
	if (hl < 20 || tot < hl ||
	    (hl == 20 ? !in_cksum_ok20(ip) : in_cksum(ip, hl, 0) != 0)) {
		if (in != NULL)
			in->if_attach.at_ierrors++;
		return 0;
	}
	len = tot;		/* what follows the total length is dropped */
	if (dp->d_tun_gen != route_gen(dp))
		tunnel_sync(dp);	/* tunnels' line protocols, first */
	fc_rec_abort(dp);
	if (in == NULL || !ip4_local_lane(dp, in, ip, len))
		ip4_walk(dp, in, ip, len, IP4_DECAP);
	return 0;
}
