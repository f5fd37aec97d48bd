/*
 * ip6: the IPv6 packet path and ICMPv6, beside ip4.c and in its image:
 * header checks -> for one of the router's addresses (or a multicast
 * group it is in: all-nodes, its solicited-node groups): ICMPv6 (echo,
 * neighbour discovery, errors to the ping listeners) -> otherwise, with
 * `ipv6 unicast-routing`, forwarding: hop limit, route lookup, "packet
 * too big" (routers do not fragment IPv6) -> link layer.
 *
 * An interface takes part when it has an IPv6 address or `ipv6 enable`;
 * its link-local address is the configured one or the EUI-64 of its MAC.
 * Routes: the connected prefixes of up interfaces and the static routes
 * of route.c, longest prefix first, a connected prefix winning a tie.
 * Lookups scan the interfaces and routes (IPv6 tables here are small);
 * extension headers are not parsed (such datagrams are not for the
 * router's own stack); errors are rate-limited as IPv4's unreachables.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/xalloc.h"

#define IP6_HDRLEN	40
#define ICMP6_UNREACH	1
#define ICMP6_TOOBIG	2
#define ICMP6_TIMXCEED	3
#define ICMP6_ECHO	128
#define ICMP6_ECHOREPLY	129
#define IP6_MINMTU	1280

bool
ip6_enabled(const struct dp_iface *ifp)
{
	return ifp->if_ipv6_enable || ifp->if_nv6 > 0;
}

void
ip6_iface_ll(const struct dp_iface *ifp, uint8_t *a)
{
	const uint8_t	*mac = ifp->if_attach.at_mac;
	size_t		 i;

	for (i = 0; i < ifp->if_nv6; i++)
		if (ifp->if_v6[i].a6_link_local) {
			memcpy(a, ifp->if_v6[i].a6_addr, 16);
			return;
		}
	memset(a, 0, 16);
	a[0] = 0xfe;
	a[1] = 0x80;
	a[8] = mac[0] ^ 0x02;
	a[9] = mac[1];
	a[10] = mac[2];
	a[11] = 0xff;
	a[12] = 0xfe;
	a[13] = mac[3];
	a[14] = mac[4];
	a[15] = mac[5];
}

static bool
ll_scope(const uint8_t *a)
{
	return (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||
	    (a[0] == 0xff && (a[1] & 0x0f) == 0x02);
}

bool
ip6_iface_addr(const struct dp_iface *ifp, const uint8_t *a)
{
	uint8_t	ll[16];
	size_t	i;

	if (!ip6_enabled(ifp))
		return false;
	for (i = 0; i < ifp->if_nv6; i++)
		if (memcmp(ifp->if_v6[i].a6_addr, a, 16) == 0)
			return true;
	ip6_iface_ll(ifp, ll);
	return memcmp(ll, a, 16) == 0;
}

void
ip6_iface_source(const struct dp_iface *ifp, const uint8_t *dst, uint8_t *src)
{
	size_t	i;

	if (!ll_scope(dst))
		for (i = 0; i < ifp->if_nv6; i++)
			if (!ifp->if_v6[i].a6_link_local) {
				memcpy(src, ifp->if_v6[i].a6_addr, 16);
				return;
			}
	ip6_iface_ll(ifp, src);
}

/* A global address of any interface, or a link-local one of IN. */
static bool
ip6_own(const struct dataplane *dp, const struct dp_iface *in,
    const uint8_t *a)
{
	size_t	i, k;

	if (ll_scope(a))
		return in != NULL && ip6_iface_addr(in, a);
	for (i = 0; i < dp->d_nifs; i++)
		for (k = 0; k < dp->d_ifs[i]->if_nv6; k++)
			if (memcmp(dp->d_ifs[i]->if_v6[k].a6_addr, a, 16) == 0)
				return true;
	return false;
}

/* All-nodes, or the solicited-node group of one of IN's addresses. */
static bool
ip6_joined(const struct dp_iface *in, const uint8_t *a)
{
	static const uint8_t	all[16] = { 0xff, 0x02, [15] = 1 };
	uint8_t			sn[16] = { 0xff, 0x02, [11] = 1, [12] = 0xff };
	uint8_t			ll[16];
	size_t			i;

	if (in == NULL || !ip6_enabled(in))
		return false;
	if (memcmp(a, all, 16) == 0)
		return true;
	if (memcmp(a, sn, 13) != 0)
		return false;
	ip6_iface_ll(in, ll);
	if (memcmp(ll + 13, a + 13, 3) == 0)
		return true;
	for (i = 0; i < in->if_nv6; i++)
		if (memcmp(in->if_v6[i].a6_addr + 13, a + 13, 3) == 0)
			return true;
	(void)sn;
	return false;
}

static bool
prefix_match(const uint8_t *a, const uint8_t *net, unsigned len)
{
	unsigned	n = len / 8, r = len % 8;

	if (memcmp(a, net, n) != 0)
		return false;
	return r == 0 || ((a[n] ^ net[n]) & (0xff << (8 - r))) == 0;
}

static struct dp_iface *
route6_depth(const struct dataplane *dp, const uint8_t *dst, uint8_t *nh,
    unsigned depth)
{
	struct dp_iface		*best = NULL, *ifp;
	const struct rt6_route	*r;
	int			 blen = -1;
	uint8_t			 h[16];
	size_t			 i, k;

	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		if (!iface_proto_up(ifp))
			continue;
		for (k = 0; k < ifp->if_nv6; k++)
			if (!ifp->if_v6[k].a6_link_local &&
			    (int)ifp->if_v6[k].a6_len > blen &&
			    prefix_match(dst, ifp->if_v6[k].a6_addr,
			    ifp->if_v6[k].a6_len)) {
				best = ifp;
				blen = (int)ifp->if_v6[k].a6_len;
				memcpy(nh, dst, 16);
			}
	}
	for (i = 0; i < dp->d_nrt6; i++) {
		r = &dp->d_rt6[i];
		if ((int)r->r6_len <= blen || !prefix_match(dst, r->r6_net,
		    r->r6_len))
			continue;
		ifp = NULL;
		/* Null0: the prefix is discarded, never routed by a shorter
		 * one (as route.c's IPv4 Null0 routes). */
		if (r->r6_ifname != NULL && strcmp(r->r6_ifname, "Null0") == 0) {
			best = NULL;
			blen = (int)r->r6_len;
			continue;
		}
		if (r->r6_ifname != NULL) {
			ifp = dp_iface_find(dp, r->r6_ifname);
			if (ifp != NULL && !iface_proto_up(ifp))
				ifp = NULL;
			memcpy(h, r->r6_has_nh ? r->r6_nh : dst, 16);
		} else if (r->r6_has_nh && depth < 8 && !ll_scope(r->r6_nh))
			ifp = route6_depth(dp, r->r6_nh, h, depth + 1);
		if (ifp == NULL)
			continue;
		best = ifp;
		blen = (int)r->r6_len;
		memcpy(nh, h, 16);
	}
	return best;
}

struct dp_iface *
route6_lookup(const struct dataplane *dp, const uint8_t *dst, uint8_t *nh)
{
	return route6_depth(dp, dst, nh, 0);
}

void
ip6_header(uint8_t *p, size_t plen, uint8_t nxt, uint8_t hlim,
    const uint8_t *src, const uint8_t *dst)
{
	memset(p, 0, IP6_HDRLEN);
	p[0] = 0x60;
	put16(p + 4, (uint16_t)plen);
	p[6] = nxt;
	p[7] = hlim;
	if (src != NULL)
		memcpy(p + 8, src, 16);
	memcpy(p + 24, dst, 16);
}

void
icmp6_checksum(uint8_t *p)
{
	size_t	plen = get16(p + 4);

	put16(p + 42, 0);
	put16(p + 42, in_cksum(p + IP6_HDRLEN, plen, ip6_pseudo(p, plen,
	    IPP_ICMPV6)));
}

int
ip6_send(struct dataplane *dp, uint8_t *p, size_t len)
{
	return ip6_send_on(dp, NULL, p, len);
}

/* A link-local destination has no route: it is on the interface the
 * caller names (an answer's, ping's source interface). */
int
ip6_send_on(struct dataplane *dp, struct dp_iface *ifp, uint8_t *p,
    size_t len)
{
	static const uint8_t	 zero[16];
	struct dp_iface		*out;
	uint8_t			 nh[16];

	if (ip6_own(dp, NULL, p + 24)) {
		if (memcmp(p + 8, zero, 16) == 0)
			memcpy(p + 8, p + 24, 16);
		if (p[6] == IPP_ICMPV6)
			icmp6_checksum(p);
		fwd_local(dp, p, len);
		return DP_SEND_OK;
	}
	if (ifp != NULL && ll_scope(p + 24) && p[24] != 0xff) {
		out = ifp;
		memcpy(nh, p + 24, 16);
	} else if ((out = route6_lookup(dp, p + 24, nh)) == NULL)
		return DP_SEND_NO_ROUTE;
	if (memcmp(p + 8, zero, 16) == 0)
		ip6_iface_source(out, p + 24, p + 8);
	else if (!ip6_own(dp, out, p + 8))
		return DP_SEND_NO_SOURCE;
	if (p[6] == IPP_ICMPV6)
		icmp6_checksum(p);
	if (len > iface_mtu(out))
		return DP_SEND_DROPPED;
	return link_output_ip6(out, nh, p, len) == 0 ? DP_SEND_OK :
	    DP_SEND_DROPPED;
}

void
icmp6_error(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len, uint8_t type, uint8_t code, uint32_t param)
{
	uint8_t			 e[IP6_MINMTU];
	size_t			 q = len, n;
	struct if_attach	*at = in != NULL ? &in->if_attach : NULL;
	uint64_t		 now = clock_mono_ms();

	/* Never about an error, a multicast, or an unspecified source. */
	if (ip[24] == 0xff || ip[8] == 0xff || (ip[6] == IPP_ICMPV6 &&
	    len > IP6_HDRLEN && ip[IP6_HDRLEN] < 128))
		return;
	if (at != NULL) {
		if (at->at_unreach_sent && now - at->at_unreach_ms <
		    ICMP_RATE_MS)
			return;
		at->at_unreach_sent = true;
		at->at_unreach_ms = now;
	}
	if (q > sizeof(e) - IP6_HDRLEN - 8)
		q = sizeof(e) - IP6_HDRLEN - 8;
	n = IP6_HDRLEN + 8 + q;
	ip6_header(e, 8 + q, IPP_ICMPV6, 64, NULL, ip + 8);
	e[40] = type;
	e[41] = code;
	put16(e + 42, 0);
	put32(e + 44, param);
	memcpy(e + 48, ip, q);
	(void)ip6_send(dp, e, n);
}

int
dp_echo6_send(struct dataplane *dp, const struct dp_echo6_req *er)
{
	size_t	 len = er->er6_size, i;
	uint8_t	*p;
	int	 rc;

	if (len < IP6_HDRLEN + 8)
		len = IP6_HDRLEN + 8;
	if (len > IP6_HDRLEN + 65535)
		len = IP6_HDRLEN + 65535;
	p = xmalloc(len);
	ip6_header(p, len - IP6_HDRLEN, IPP_ICMPV6,
	    er->er6_hlim != 0 ? er->er6_hlim : 64, er->er6_src, er->er6_dst);
	p[40] = ICMP6_ECHO;
	p[41] = 0;
	put16(p + 44, er->er6_id);
	put16(p + 46, er->er6_seq);
	for (i = 48; i < len; i++)
		p[i] = (uint8_t)(((i - 48) & 1) ? er->er6_pattern :
		    er->er6_pattern >> 8);
	echo_sent(dp, er->er6_id, er->er6_pattern);
	rc = ip6_send_on(dp, er->er6_ifp, p, len);
	free(p);
	return rc;
}

static void
icmp6_input(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	const uint8_t		*icmp = ip + IP6_HDRLEN, *q;
	size_t			 ilen = len - IP6_HDRLEN;
	struct dp_echo_ev	 ev;
	uint8_t			*r;

	if (ilen < 8 || in_cksum(icmp, ilen, ip6_pseudo(ip, ilen,
	    IPP_ICMPV6)) != 0)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.ev_v6 = true;
	memcpy(ev.ev_from6, ip + 8, 16);
	ev.ev_size = len;
	switch (icmp[0]) {
	case ICMP6_ECHO:
		r = xmalloc(len);
		memcpy(r, ip, len);
		memcpy(r + 24, ip + 8, 16);
		/* From the address asked, or IN's own for a multicast. */
		if (ip[24] == 0xff && in != NULL)
			ip6_iface_source(in, ip + 8, r + 8);
		else
			memcpy(r + 8, ip + 24, 16);
		r[7] = 64;
		r[40] = ICMP6_ECHOREPLY;
		(void)ip6_send_on(dp, in, r, len);
		free(r);
		return;
	case ICMP6_ECHOREPLY:
		ev.ev_kind = DP_ECHO_REPLY;
		ev.ev_id = get16(icmp + 4);
		ev.ev_seq = get16(icmp + 6);
		echo_event(dp, &ev, icmp + 8, ilen - 8);
		return;
	case 135:
	case 136:
		if (in != NULL)
			nd_input(in, ip, len);
		return;
	case ICMP6_UNREACH:
	case ICMP6_TOOBIG:
	case ICMP6_TIMXCEED:
		q = icmp + 8;
		if (ilen < 8 + IP6_HDRLEN + 8 || q[6] != IPP_ICMPV6 ||
		    q[IP6_HDRLEN] != ICMP6_ECHO)
			return;
		ev.ev_kind = icmp[0] == ICMP6_UNREACH ? DP_ECHO_UNREACH :
		    icmp[0] == ICMP6_TOOBIG ? DP_ECHO_FRAG_NEEDED :
		    DP_ECHO_TTL_EXCEEDED;
		ev.ev_code = icmp[1];
		ev.ev_id = get16(q + IP6_HDRLEN + 4);
		ev.ev_seq = get16(q + IP6_HDRLEN + 6);
		echo_event(dp, &ev, NULL, 0);
		return;
	default:
		return;
	}
}

static void
ip6_forward(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	struct dp_iface	*out;
	uint8_t		 nh[16], *copy = fwd_fwdbuf(dp->d_fwd);

	if (!dp->d_ipv6_unicast_routing || ip[24] == 0xff || ll_scope(ip + 24))
		return;
	if (ip[7] <= 1) {
		icmp6_error(dp, in, ip, len, ICMP6_TIMXCEED, 0, 0);
		return;
	}
	if ((out = route6_lookup(dp, ip + 24, nh)) == NULL) {
		icmp6_error(dp, in, ip, len, ICMP6_UNREACH, 0, 0);
		return;
	}
	if (len > iface_mtu(out)) {
		icmp6_error(dp, in, ip, len, ICMP6_TOOBIG, 0, iface_mtu(out));
		return;
	}
	memcpy(copy, ip, len);
	copy[7]--;
	(void)link_output_ip6(out, nh, copy, len);
}

void
ip6_input(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	size_t	plen;

	if (len < IP6_HDRLEN || (ip[0] >> 4) != 6 ||
	    (plen = get16(ip + 4)) > len - IP6_HDRLEN) {
		if (in != NULL)
			in->if_attach.at_ierrors++;
		return;
	}
	if (in != NULL && !ip6_enabled(in))
		return;
	len = IP6_HDRLEN + plen;
	if (ip6_own(dp, in, ip + 24) || ip6_joined(in, ip + 24)) {
		if (ip[6] == IPP_ICMPV6)
			icmp6_input(dp, in, ip, len);
		else if (ip[6] == IPP_UDP && ip[24] != 0xff)
			udp6_input(dp, in, ip, len);
		else if (ip[6] == IPP_GRE && ip[24] != 0xff)
			tunnel_input6(dp, in, ip, len);
		else if (ip[6] == IPP_ESP && ip[24] != 0xff &&
		    dp->d_fwd->f_crypto != NULL &&
		    dp->d_fwd->f_crypto->co_esp_input != NULL)
			dp->d_fwd->f_crypto->co_esp_input(
			    dp->d_fwd->f_crypto_arg, in, ip, len);
		else if (ip[24] != 0xff)
			icmp6_error(dp, in, ip, len, ICMP6_UNREACH, 4, 0);
		return;
	}
	if (in != NULL)
		ip6_forward(dp, in, ip, len);
}
