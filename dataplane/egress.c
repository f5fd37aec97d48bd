/*
 * egress: where the router's own datagrams to one destination leave,
 * remembered — crypto's ESP packets above all, whose outer header goes to
 * the same peer packet after packet.
 *
 * ip4_send decides for each of them what it decided for the last one:
 * the source is ours, the destination is not, the route's interface and
 * next hop, the link header (HDLC's address byte, Ethernet's source MAC
 * and type), then the MTU, the link layer's dispatch and the header
 * checksum summed whole (~500 instructions a packet, issue 22).  Here
 * the first datagram to (source, destination) goes the ordinary way and
 * its decision is kept: the interface, the next hop, the link header's
 * bytes and the sum of the two addresses; the next ones get their
 * checksum from that sum and the five words that vary (RFC 1071's sum
 * is one of 16-bit words in any order), the header copied in front and
 * the frame handed to attach_send (counters, capture, fault injection,
 * the wire) as link_output_ip4_room would hand it.
 *
 * Nothing kept can go stale unseen.  An entry is valid while d_gen +
 * d_rt_gen is what it was when filled (route.c's route_gen: the same
 * sum validates the route cache this decision came from):
 *  - d_gen: addresses (is the source still ours, the destination not;
 *    is the next hop a broadcast), interfaces created or deleted (the
 *    pointer kept);
 *  - d_rt_gen: routes, interfaces shut or opened, wires attached or
 *    closed, 802.1Q encapsulations (the route and the link kept);
 *  - `mtu` and `ip mtu` move d_gen too: the interface's IP MTU is kept
 *    (larger datagrams go the ordinary way, which fragments or answers;
 *    tunnels, whose MTU follows their transport, are not kept).
 * What is asked again per packet needs no generation: ARP (an Ethernet
 * next hop's MAC is resolved per packet, so its aging and replies act
 * at once), and whether the interface is up with a wire
 * (attach_send_for).  Not kept: tunnels and
 * subinterfaces (their own output paths), loopbacks, IP options,
 * datagrams for the router itself or without a source.
 */
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"

/* eg_send writes eg_hdr whole before the datagram. */
_Static_assert(ETHER_HDRLEN <= DP_LINK_ROOM,
    "the link header's room holds an Ethernet header");

static struct eg_entry *
eg_slot(struct fwd *f, uint32_t dst)
{
	return &f->f_eg[(dst * 2654435761U) >> (32 - EG_BITS)];
}

/* The ordinary walk's decision for IP (source SRC, destination DST) into
 * E; false if it is not one to keep.  The link header is link_hdr4's
 * (an Ethernet neighbour's MAC, which eg_send asks of ARP per packet,
 * as it was when filled). */
static bool
eg_fill(struct dataplane *dp, struct eg_entry *e, const uint8_t *ip,
    uint32_t src, uint32_t dst)
{
	struct dp_iface	*out;
	uint32_t	 nh, a, b;
	int		 hl;

	if (ip[0] != 0x45 || src == 0 || !ip4_own(dp, src) ||
	    ip4_own(dp, dst) || (out = route_lookup(dp, dst, &nh)) == NULL ||
	    out->if_id.id_sub != 0 ||
	    (hl = link_hdr4(out, nh, e->eg_hdr + sizeof(e->eg_hdr))) <= 0)
		return false;	/* tunnels, loopbacks; ARP not answered */
	e->eg_hl = (uint8_t)hl;
	e->eg_mtu = iface_ip_mtu(out);
	e->eg_arp = link_ethernet(out) && !ip4_iface_bcast(out, nh);
	e->eg_gen = route_gen(dp);
	e->eg_src = src;
	e->eg_dst = dst;
	e->eg_out = out;
	e->eg_nh = nh;
	memcpy(&a, ip + 12, 4);
	memcpy(&b, ip + 16, 4);
	e->eg_msum = (uint64_t)a + b;
	return true;
}

/* eg_send's body, inline in it and in dp_ip_output_buf (crypto's every
 * ESP packet): the call cost as much as the common case's tests. */
static inline __attribute__((always_inline)) int
eg_send_in(struct dataplane *dp, uint8_t *ip, size_t len)
{
	struct eg_entry	*e;
	uint32_t	 src = get32(ip + 12), dst = get32(ip + 16), a, b;
	uint16_t	 h;
	uint8_t		*f;

	/* No packet state (a dataplane being freed): the ordinary way,
	 * which does without it. */
	if (dp->d_fwd == NULL)
		goto ordinary;
	if (dp->d_tun_gen != route_gen(dp))
		tunnel_sync(dp);	/* tunnels' line protocols, first */
	e = eg_slot(dp->d_fwd, dst);
	if ((e->eg_gen != route_gen(dp) || e->eg_src != src ||
	    e->eg_dst != dst || ip[0] != 0x45) &&
	    !eg_fill(dp, e, ip, src, dst))
		goto ordinary;
	/* Too long for the link: fragments or "fragmentation needed",
	 * the ordinary way. */
	if (len > e->eg_mtu || len > IP4_MAXLEN)
		goto ordinary;
	/* The header's checksum: the addresses' sum kept, the rest now,
	 * all in the machine's order (two words and a half loaded as they
	 * lie, folded), so the result is stored as it is. */
	memcpy(&a, ip, 4);
	memcpy(&b, ip + 4, 4);
	memcpy(&h, ip + 8, 2);
	h = (uint16_t)~in_cksum_fold(e->eg_msum + a + b + h);
	memcpy(ip + 10, &h, 2);
	/* The link header: eg_hdr whole, a fixed copy; for HDLC's four
	 * bytes, the ten before them land in the DP_LINK_ROOM bytes
	 * before the datagram that the caller leaves writable. */
	f = ip - e->eg_hl;
	memcpy(ip - sizeof(e->eg_hdr), e->eg_hdr, sizeof(e->eg_hdr));
	/* An unresolved neighbour: dropped while ARP asks, as the
	 * ordinary path does (ip4_send says sent). */
	if (e->eg_arp && !arp_resolve(e->eg_out, e->eg_nh, f))
		return DP_SEND_OK;
	/* attach_send's, without its subinterface test: eg_fill keeps
	 * none; the counters deferred inside a read. */
	return attach_send_eg(e->eg_out, f, e->eg_hl + len) == 0 ?
	    DP_SEND_OK : DP_SEND_DROPPED;
ordinary:
	return ip4_send(dp, ip, len, IP4_OWN | IP4_NOCRYPTO | IP4_ROOM);
}

int
eg_send(struct dataplane *dp, uint8_t *ip, size_t len)
{
	return eg_send_in(dp, ip, len);
}

int
dp_ip_output_buf(struct dataplane *dp, uint8_t *ip, size_t len)
{
	/* ESP over IPv6 (a `tunnel mode ipsec ipv6` VTI's). */
	if (len >= 40 && (ip[0] >> 4) == 6)
		return ip6_send(dp, ip, len);
	if (len < 20 || len > IP4_MAXLEN || (ip[0] >> 4) != 4)
		return DP_SEND_DROPPED;
	/* The same peer packet after packet: its egress remembered. */
	return eg_send_in(dp, ip, len);
}
