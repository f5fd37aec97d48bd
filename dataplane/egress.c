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
 *    closed, 802.1Q encapsulations (the route and the link kept).
 * What is asked again per packet needs no generation: the IP MTU (`ip
 * mtu`/`mtu` move none: larger datagrams go the ordinary way, which
 * fragments or answers), ARP (an Ethernet next hop's MAC is resolved
 * per packet, so its aging and replies act at once), and whether the
 * interface is up with a wire (attach_send_for).  Not kept: tunnels and
 * subinterfaces (their own output paths), loopbacks, IP options,
 * datagrams for the router itself or without a source.
 */
#include <string.h>

#include "dataplane/dp_int.h"

static uint64_t
eg_gen(const struct dataplane *dp)
{
	return dp->d_gen + dp->d_rt_gen + 1;
}

static struct eg_entry *
eg_slot(struct fwd *f, uint32_t dst)
{
	return &f->f_eg[(dst * 2654435761U) >> (32 - EG_BITS)];
}

/* The ordinary walk's decision for IP (source SRC, destination DST) into
 * E; false if it is not one to keep. */
static bool
eg_fill(struct dataplane *dp, struct eg_entry *e, const uint8_t *ip,
    uint32_t src, uint32_t dst)
{
	struct dp_iface	*out;
	uint32_t	 nh;

	if (ip[0] != 0x45 || src == 0 || !ip4_own(dp, src) ||
	    ip4_own(dp, dst) || (out = route_lookup(dp, dst, &nh)) == NULL ||
	    out->if_id.id_sub != 0)
		return false;
	memset(e, 0, sizeof(*e));
	if (link_ethernet(out)) {
		e->eg_arp = !ip4_iface_bcast(out, nh);
		memset(e->eg_hdr, 0xff, 6);	/* or the neighbour's MAC */
		memcpy(e->eg_hdr + 6, out->if_attach.at_mac, 6);
		put16(e->eg_hdr + 12, ETHERTYPE_IP);
		e->eg_hl = ETHER_HDRLEN;
	} else if (out->if_id.id_type == IFT_SERIAL) {
		e->eg_hdr[0] = ip4_iface_bcast(out, nh) ? 0x8f : 0x0f;
		e->eg_hdr[1] = 0;
		put16(e->eg_hdr + 2, ETHERTYPE_IP);
		e->eg_hl = HDLC_HDRLEN;
	} else
		return false;	/* tunnels, loopbacks */
	e->eg_gen = eg_gen(dp);
	e->eg_src = src;
	e->eg_dst = dst;
	e->eg_out = out;
	e->eg_nh = nh;
	e->eg_sum = (src >> 16) + (src & 0xffff) + (dst >> 16) +
	    (dst & 0xffff);
	return true;
}

int
eg_send(struct dataplane *dp, uint8_t *ip, size_t len)
{
	struct eg_entry	*e;
	uint32_t	 src = get32(ip + 12), dst = get32(ip + 16), sum;
	uint8_t		*f;

	/* No packet state (a dataplane being freed): the ordinary way,
	 * which does without it. */
	if (dp->d_fwd == NULL)
		return ip4_send(dp, ip, len, IP4_OWN | IP4_NOCRYPTO | IP4_ROOM);
	if (dp->d_tun_gen != dp->d_gen + dp->d_rt_gen + 1)
		tunnel_sync(dp);	/* tunnels' line protocols, first */
	e = eg_slot(dp->d_fwd, dst);
	if ((e->eg_gen != eg_gen(dp) || e->eg_src != src ||
	    e->eg_dst != dst || ip[0] != 0x45) &&
	    !eg_fill(dp, e, ip, src, dst))
		return ip4_send(dp, ip, len, IP4_OWN | IP4_NOCRYPTO | IP4_ROOM);
	/* Too long for the link: fragments or "fragmentation needed",
	 * the ordinary way. */
	if (len > iface_ip_mtu(e->eg_out) || len > IP4_MAXLEN)
		return ip4_send(dp, ip, len, IP4_OWN | IP4_NOCRYPTO | IP4_ROOM);
	/* The header's checksum: the addresses' sum kept, the rest now. */
	sum = e->eg_sum + get16(ip) + get16(ip + 2) + get16(ip + 4) +
	    get16(ip + 6) + get16(ip + 8);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	put16(ip + 10, (uint16_t)~sum);
	f = ip - e->eg_hl;
	memcpy(f, e->eg_hdr, e->eg_hl);
	/* An unresolved neighbour: dropped while ARP asks, as the
	 * ordinary path does (ip4_send says sent). */
	if (e->eg_arp && !arp_resolve(e->eg_out, e->eg_nh, f))
		return DP_SEND_OK;
	return attach_send(e->eg_out, f, e->eg_hl + len) == 0 ? DP_SEND_OK :
	    DP_SEND_DROPPED;
}
