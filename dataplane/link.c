/*
 * link: the layer between a wire and IP.
 *
 * Ethernet-type interfaces carry Ethernet II frames (no FCS): a frame is
 * taken, and counted as input, if it is for the interface's MAC or a
 * broadcast — what a NIC's filter passes (a pcap: wire is promiscuous) —
 * then goes to ARP, IPv4 or IPv6 (with IPv6 multicast, 33:33:...).
 * Serial interfaces carry Cisco HDLC: address 0x0f (unicast) or 0x8f
 * (broadcast), control 0, a 16-bit protocol: IPv4, IPv6, or SLARP.  iosh sends
 * SLARP keepalives every `keepalive` seconds so an IOS or dynamips peer
 * keeps its line protocol up; the keepalives it receives only feed the
 * sequence numbers it echoes back (its own line protocol follows the
 * wire, not the peer's keepalives), and SLARP address requests are
 * ignored (no serial address autoconfiguration).  Loopbacks have no link
 * layer: what is routed out of one and is not for the router is dropped.
 */
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/evloop.h"
#include "lib/system.h"

#define HDLC_UNICAST	0x0f
#define HDLC_BROADCAST	0x8f
#define SLARP_KEEPALIVE	2
#define SLARP_LEN	14	/* code, my sequence, your sequence, reliability */

static const uint8_t	ether_bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void
ether_input(struct dp_iface *ifp, const uint8_t *f, size_t len)
{
	struct fwd	*fwd;
	bool		 bcast, was;

	if (len < ETHER_HDRLEN) {
		attach_count_in(ifp, len);
		goto bad;
	}
	/* CDP's address is a group one other than the broadcast: a
	 * unicast or broadcast frame is not asked. */
	bcast = memcmp(f, ether_bcast, 6) == 0;
	if ((f[0] & 1) != 0 && !bcast && cdp_ether_input(ifp, f, len))
		return;
	/* IPv6 multicast (33:33:...) when IPv6 is on: ip6.c picks the
	 * groups it is in. */
	if (!bcast && memcmp(f, ifp->if_attach.at_mac, 6) != 0 &&
	    !(f[0] == 0x33 && f[1] == 0x33 && ip6_enabled(ifp)))
		return;
	attach_count_in(ifp, len);
	if (bcast)
		attach_count_bcast(ifp);
	/* Untagged on an interface no subinterface follows: nothing for
	 * 802.1Q to take (dot1q_sub would find no native VLAN's). */
	if ((get16(f + 12) == ETHERTYPE_VLAN || dot1q_may_have(ifp)) &&
	    dot1q_input(ifp, f, len))
		return;
	switch (get16(f + 12)) {
	case ETHERTYPE_IP:
		/* RFC 1812 5.3.4: what came as a link-layer broadcast is
		 * never forwarded (ip4_walk), nor answered with an ICMP
		 * error (icmp_error). */
		fwd = ifp->if_dp->d_fwd;
		was = fwd->f_rx_l2bcast;	/* nested: a wire looped back */
		fwd->f_rx_l2bcast = bcast;
		ip4_receive(ifp->if_dp, ifp, f + ETHER_HDRLEN,
		    len - ETHER_HDRLEN, bcast ? IP4_L2BCAST : 0);
		fwd->f_rx_l2bcast = was;
		return;
	case ETHERTYPE_ARP:
		arp_input(ifp, f + ETHER_HDRLEN, len - ETHER_HDRLEN);
		return;
	case ETHERTYPE_IPV6:
		ip6_input(ifp->if_dp, ifp, f + ETHER_HDRLEN,
		    len - ETHER_HDRLEN);
		return;
	default:
		/* IOS counts these as unknown protocol drops. */
		ifp->if_attach.at_idrops++;
		return;
	}
bad:
	ifp->if_attach.at_ierrors++;
}

static void
slarp_input(struct dp_iface *ifp, const uint8_t *p, size_t len)
{
	if (len < SLARP_LEN || get32(p) != SLARP_KEEPALIVE)
		return;
	ifp->if_attach.at_yourseq = get32(p + 4);
}

static void
hdlc_input(struct dp_iface *ifp, const uint8_t *f, size_t len)
{
	attach_count_in(ifp, len);
	if (len < HDLC_HDRLEN || (f[0] != HDLC_UNICAST &&
	    f[0] != HDLC_BROADCAST) || f[1] != 0) {
		ifp->if_attach.at_ierrors++;
		return;
	}
	if (f[0] == HDLC_BROADCAST)
		attach_count_bcast(ifp);
	switch (get16(f + 2)) {
	case ETHERTYPE_IP:
		ip4_input(ifp->if_dp, ifp, f + HDLC_HDRLEN,
		    len - HDLC_HDRLEN);
		return;
	case ETHERTYPE_IPV6:
		ip6_input(ifp->if_dp, ifp, f + HDLC_HDRLEN,
		    len - HDLC_HDRLEN);
		return;
	case ETHERTYPE_SLARP:
		slarp_input(ifp, f + HDLC_HDRLEN, len - HDLC_HDRLEN);
		return;
	case ETHERTYPE_CDP:
		cdp_hdlc_input(ifp, f + HDLC_HDRLEN, len - HDLC_HDRLEN);
		return;
	default:
		ifp->if_attach.at_idrops++;
		return;
	}
}

void
link_input(struct dp_iface *ifp, const uint8_t *frame, size_t len)
{
	if (link_ethernet(ifp))
		ether_input(ifp, frame, len);
	else if (ifp->if_id.id_type == IFT_SERIAL)
		hdlc_input(ifp, frame, len);
}

static void
slarp_keepalive(void *arg)
{
	struct dp_iface		*ifp = arg;
	struct if_attach	*at = &ifp->if_attach;
	uint8_t			*f = fwd_frame(ifp->if_dp->d_fwd);

	at->at_keepalive = evloop_timer_add(ifp->if_dp->d_sys->sy_loop,
	    (uint64_t)ifp->if_keepalive * 1000, slarp_keepalive, ifp);
	if (ifp->if_no_keepalive || !iface_up(ifp))
		return;
	f[0] = HDLC_BROADCAST;
	f[1] = 0;
	put16(f + 2, ETHERTYPE_SLARP);
	put32(f + 4, SLARP_KEEPALIVE);
	put32(f + 8, ++at->at_myseq);
	put32(f + 12, at->at_yourseq);
	put16(f + 16, 0xffff);
	(void)attach_send(ifp, f, HDLC_HDRLEN + SLARP_LEN);
}

void
link_attached(struct dp_iface *ifp)
{
	if (ifp->if_id.id_type != IFT_SERIAL)
		return;
	ifp->if_attach.at_keepalive = evloop_timer_add(
	    ifp->if_dp->d_sys->sy_loop, (uint64_t)ifp->if_keepalive * 1000,
	    slarp_keepalive, ifp);
}

void
link_detached(struct dp_iface *ifp)
{
	if (ifp->if_attach.at_keepalive != NULL)
		evloop_timer_cancel(ifp->if_dp->d_sys->sy_loop,
		    ifp->if_attach.at_keepalive);
	ifp->if_attach.at_keepalive = NULL;
	arp_flush(ifp->if_dp, ifp);
	nd_flush(ifp->if_dp, ifp);
}

/*
 * The link header of an IPv4 datagram to NH out of IFP, written to end
 * at END (the datagram's first byte): its length; 0 while ARP resolves
 * (the datagram is dropped, as IOS); -1 when IFP has no link layer.
 */
int
link_hdr4(struct dp_iface *ifp, uint32_t nh, uint8_t *end)
{
	uint8_t	*f, mac[6];

	if (link_ethernet(ifp)) {
		if (ip4_iface_bcast(ifp, nh))
			memcpy(mac, ether_bcast, 6);
		else if (!arp_resolve(ifp, nh, mac))
			return 0;
		f = end - ETHER_HDRLEN;
		memcpy(f, mac, 6);
		memcpy(f + 6, ifp->if_attach.at_mac, 6);
		put16(f + 12, ETHERTYPE_IP);
		return ETHER_HDRLEN;
	}
	if (ifp->if_id.id_type == IFT_SERIAL) {
		f = end - HDLC_HDRLEN;
		f[0] = ip4_iface_bcast(ifp, nh) ? HDLC_BROADCAST : HDLC_UNICAST;
		f[1] = 0;
		put16(f + 2, ETHERTYPE_IP);
		return HDLC_HDRLEN;
	}
	return -1;
}

/* A loopback swallows what is routed into it. */
static int
loopback_out(struct dp_iface *ifp, size_t len)
{
	if (ifp->if_id.id_type != IFT_LOOPBACK)
		return -1;
	ifp->if_attach.at_opkts++;
	ifp->if_attach.at_obytes += len;
	return 0;
}

int
link_output_ip4(struct dp_iface *ifp, uint32_t nh, const uint8_t *ip,
    size_t len)
{
	uint8_t	*f = fwd_frame(ifp->if_dp->d_fwd);
	int	 hl;

	if (len > IP4_MAXLEN)
		return -1;
	if (ifp->if_id.id_type == IFT_TUNNEL)
		return tunnel_output(ifp, ETHERTYPE_IP, ip, len);
	/* The header goes at the frame's start: ETHER_HDRLEN is the room
	 * the longest one needs. */
	if ((hl = link_hdr4(ifp, nh, f + ETHER_HDRLEN)) < 0)
		return loopback_out(ifp, len);
	if (hl == 0)
		return 0;
	memcpy(f + ETHER_HDRLEN, ip, len);
	return attach_send(ifp, f + ETHER_HDRLEN - hl, (size_t)hl + len);
}

int
link_output_ip4_room(struct dp_iface *ifp, uint32_t nh, uint8_t *ip,
    size_t len)
{
	int	hl;

	if (len > IP4_MAXLEN)
		return -1;
	if (ifp->if_id.id_type == IFT_TUNNEL)
		return tunnel_output(ifp, ETHERTYPE_IP, ip, len);
	if ((hl = link_hdr4(ifp, nh, ip)) < 0)
		return loopback_out(ifp, len);
	if (hl == 0)
		return 0;
	return attach_send(ifp, ip - hl, (size_t)hl + len);
}

int
link_send6(struct dp_iface *ifp, const uint8_t *dmac, const uint8_t *ip,
    size_t len)
{
	uint8_t	*f = fwd_frame(ifp->if_dp->d_fwd);

	if (len > IP4_MAXLEN)
		return -1;
	if (ifp->if_id.id_type == IFT_TUNNEL)
		return tunnel_output(ifp, ETHERTYPE_IPV6, ip, len);
	if (link_ethernet(ifp)) {
		memcpy(f, dmac, 6);
		memcpy(f + 6, ifp->if_attach.at_mac, 6);
		put16(f + 12, ETHERTYPE_IPV6);
		memcpy(f + ETHER_HDRLEN, ip, len);
		return attach_send(ifp, f, ETHER_HDRLEN + len);
	}
	if (ifp->if_id.id_type == IFT_SERIAL) {
		f[0] = ip[24] == 0xff ? HDLC_BROADCAST : HDLC_UNICAST;
		f[1] = 0;
		put16(f + 2, ETHERTYPE_IPV6);
		memcpy(f + HDLC_HDRLEN, ip, len);
		return attach_send(ifp, f, HDLC_HDRLEN + len);
	}
	return ifp->if_id.id_type == IFT_LOOPBACK ? 0 : -1;
}

int
link_output_ip6(struct dp_iface *ifp, const uint8_t *nh, const uint8_t *ip,
    size_t len)
{
	uint8_t	mac[6] = { 0x33, 0x33 };

	if (link_ethernet(ifp)) {
		if (nh[0] == 0xff)
			memcpy(mac + 2, nh + 12, 4);
		else if (!nd_resolve(ifp, nh, mac))
			return 0;
	}
	return link_send6(ifp, mac, ip, len);
}
