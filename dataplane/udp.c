/*
 * udp: the router's own UDP endpoints (dp.h), for the IKE engine on
 * ports 500 and 4500.  Endpoints are few and kept sorted by port.  A
 * datagram for a port nobody bound gets ICMP port unreachable; on 4500,
 * what lacks the non-ESP marker is NAT-T ESP and goes to crypto.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/xalloc.h"

#define UDP_HDRLEN	8
#define NATT_PORT	4500

struct udp_ep {
	uint16_t	 ue_port;
	dp_udp_fn	 ue_fn;
	void		*ue_arg;
};

static size_t
udp_pos(const struct fwd *f, uint16_t port, bool *found)
{
	size_t	lo = 0, hi = f->f_nudp, mid;

	*found = false;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (f->f_udp[mid].ue_port == port) {
			*found = true;
			return mid;
		}
		if (f->f_udp[mid].ue_port < port)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
dp_udp_bind(struct dataplane *dp, uint16_t port, dp_udp_fn fn, void *arg)
{
	struct fwd	*f = dp->d_fwd;
	size_t		 pos;
	bool		 found;

	pos = udp_pos(f, port, &found);
	if (found)
		return -1;
	f->f_udp = realloc(f->f_udp, (f->f_nudp + 1) * sizeof(*f->f_udp));
	if (f->f_udp == NULL)
		abort();
	memmove(&f->f_udp[pos + 1], &f->f_udp[pos],
	    (f->f_nudp - pos) * sizeof(*f->f_udp));
	f->f_udp[pos].ue_port = port;
	f->f_udp[pos].ue_fn = fn;
	f->f_udp[pos].ue_arg = arg;
	f->f_nudp++;
	return 0;
}

bool
udp_bound(const struct dataplane *dp, uint16_t port)
{
	bool	found;

	(void)udp_pos(dp->d_fwd, port, &found);
	return found;
}

void
dp_udp_unbind(struct dataplane *dp, uint16_t port)
{
	struct fwd	*f = dp->d_fwd;
	size_t		 pos;
	bool		 found;

	pos = udp_pos(f, port, &found);
	if (!found)
		return;
	memmove(&f->f_udp[pos], &f->f_udp[pos + 1],
	    (f->f_nudp - pos - 1) * sizeof(*f->f_udp));
	f->f_nudp--;
}

static uint32_t
pseudo_sum(uint32_t src, uint32_t dst, size_t ulen)
{
	return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) +
	    IPP_UDP + (uint32_t)ulen;
}

int
dp_udp_send(struct dataplane *dp, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport, const uint8_t *data, size_t len)
{
	return udp_send_ttl(dp, src, sport, dst, dport, data, len, 255);
}

int
udp_send_ttl(struct dataplane *dp, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport, const uint8_t *data, size_t len, uint8_t ttl)
{
	size_t		 ulen = UDP_HDRLEN + len;
	uint8_t		*ip, *u;
	uint16_t	 sum;
	int		 rc;

	if (20 + ulen > IP4_MAXLEN)
		return DP_SEND_DROPPED;
	if (src == 0 && (src = ip4_source(dp, dst)) == 0)
		return ip4_own(dp, dst) || route_lookup(dp, dst, &(uint32_t){0})
		    != NULL ? DP_SEND_NO_SOURCE : DP_SEND_NO_ROUTE;
	if (!ip4_own(dp, src))
		return DP_SEND_NO_SOURCE;
	ip = xmalloc(20 + ulen);
	ip4_header(dp, ip, 20 + ulen, IPP_UDP, src, dst, ttl, 0, false);
	u = ip + 20;
	put16(u, sport);
	put16(u + 2, dport);
	put16(u + 4, (uint16_t)ulen);
	put16(u + 6, 0);
	memcpy(u + UDP_HDRLEN, data, len);
	sum = in_cksum(u, ulen, pseudo_sum(src, dst, ulen));
	put16(u + 6, sum == 0 ? 0xffff : sum);
	rc = ip4_send(dp, ip, 20 + ulen, 0);
	free(ip);
	return rc;
}

int
udp_send_iface(struct dp_iface *ifp, uint32_t src, uint16_t sport,
    uint32_t dst, uint16_t dport, uint32_t nh, const uint8_t *data,
    size_t len)
{
	size_t		 ulen = UDP_HDRLEN + len;
	uint8_t		*ip, *u;
	uint16_t	 sum;
	int		 rc;

	if (20 + ulen > IP4_MAXLEN)
		return DP_SEND_DROPPED;
	ip = xmalloc(20 + ulen);
	/* TTL 255 as the router's other datagrams; DHCP needs no more. */
	ip4_header(ifp->if_dp, ip, 20 + ulen, IPP_UDP, src, dst, 255, 0,
	    false);
	u = ip + 20;
	put16(u, sport);
	put16(u + 2, dport);
	put16(u + 4, (uint16_t)ulen);
	put16(u + 6, 0);
	memcpy(u + UDP_HDRLEN, data, len);
	sum = in_cksum(u, ulen, pseudo_sum(src, dst, ulen));
	put16(u + 6, sum == 0 ? 0xffff : sum);
	rc = ip4_send_iface(ifp, nh, ip, 20 + ulen);
	free(ip);
	return rc;
}

void
udp_input(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	const struct fwd	*f = dp->d_fwd;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, ulen, pos;
	const uint8_t		*u = ip + hl, *data;
	struct dp_udp_meta	 um;
	bool			 found;

	if (len - hl < UDP_HDRLEN)
		return;
	ulen = get16(u + 4);
	if (ulen < UDP_HDRLEN || ulen > len - hl)
		return;
	if (get16(u + 6) != 0 && in_cksum(u, ulen, pseudo_sum(get32(ip + 12),
	    get32(ip + 16), ulen)) != 0)
		return;
	memset(&um, 0, sizeof(um));
	um.um_src = get32(ip + 12);
	um.um_dst = get32(ip + 16);
	um.um_sport = get16(u);
	um.um_dport = get16(u + 2);
	um.um_ifp = ifp;
	data = u + UDP_HDRLEN;
	if (um.um_dport == NATT_PORT && f->f_crypto != NULL &&
	    f->f_crypto->co_esp_input != NULL &&
	    !(ulen - UDP_HDRLEN >= 4 && get32(data) == 0)) {
		if (ulen - UDP_HDRLEN == 1 && data[0] == 0xff)
			return;		/* NAT keepalive */
		f->f_crypto->co_esp_input(f->f_crypto_arg, ifp, ip,
		    hl + ulen);
		return;
	}
	pos = udp_pos(f, um.um_dport, &found);
	if (found) {
		f->f_udp[pos].ue_fn(f->f_udp[pos].ue_arg, &um, data,
		    ulen - UDP_HDRLEN);
		return;
	}
	icmp_error(dp, ifp, ip, len, ICMP_UNREACH, ICMP_UNREACH_PORT, 0);
}

#define IP6_HDRLEN	40

int
dp_udp6_send(struct dataplane *dp, const uint8_t *src, uint16_t sport,
    const uint8_t *dst, uint16_t dport, const uint8_t *data, size_t len)
{
	static const uint8_t	 any[16];
	size_t			 ulen = UDP_HDRLEN + len;
	uint8_t			*p, *u, nh[16];
	uint16_t		 sum;
	struct dp_iface		*out;
	int			 rc;

	if (ulen > 65535)
		return DP_SEND_DROPPED;
	p = xmalloc(IP6_HDRLEN + ulen);
	ip6_header(p, ulen, IPP_UDP, 255, src, dst);
	u = p + IP6_HDRLEN;
	put16(u, sport);
	put16(u + 2, dport);
	put16(u + 4, (uint16_t)ulen);
	put16(u + 6, 0);
	memcpy(u + UDP_HDRLEN, data, len);
	/* The checksum covers the source, which ip6_send would choose:
	 * choose it here (the outgoing interface's address). */
	if (memcmp(p + 8, any, 16) == 0) {
		if ((out = route6_lookup(dp, dst, nh)) == NULL) {
			free(p);
			return DP_SEND_NO_ROUTE;
		}
		ip6_iface_source(out, dst, p + 8);
	}
	sum = in_cksum(u, ulen, ip6_pseudo(p, ulen, IPP_UDP));
	put16(u + 6, sum == 0 ? 0xffff : sum);
	rc = ip6_send(dp, p, IP6_HDRLEN + ulen);
	free(p);
	return rc;
}

void
udp6_input(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	const struct fwd	*f = dp->d_fwd;
	const uint8_t		*u = ip + IP6_HDRLEN;
	size_t			 ulen, pos;
	struct dp_udp_meta	 um;
	bool			 found;

	if (len - IP6_HDRLEN < UDP_HDRLEN)
		return;
	ulen = get16(u + 4);
	/* IPv6 makes the checksum mandatory (RFC 8200 8.1). */
	if (ulen < UDP_HDRLEN || ulen > len - IP6_HDRLEN ||
	    get16(u + 6) == 0 ||
	    in_cksum(u, ulen, ip6_pseudo(ip, ulen, IPP_UDP)) != 0)
		return;
	memset(&um, 0, sizeof(um));
	um.um_v6 = true;
	memcpy(um.um_src6, ip + 8, 16);
	memcpy(um.um_dst6, ip + 24, 16);
	um.um_sport = get16(u);
	um.um_dport = get16(u + 2);
	um.um_ifp = ifp;
	/* On 4500 what lacks the non-ESP marker is ESP in UDP (RFC 3948)
	 * over IPv6 as over IPv4: strongSwan's libipsec sends no other
	 * ESP.  A NAT keepalive is dropped. */
	if (um.um_dport == NATT_PORT && f->f_crypto != NULL &&
	    f->f_crypto->co_esp_input != NULL &&
	    !(ulen - UDP_HDRLEN >= 4 && get32(u + UDP_HDRLEN) == 0)) {
		if (!(ulen - UDP_HDRLEN == 1 && u[UDP_HDRLEN] == 0xff))
			f->f_crypto->co_esp_input(f->f_crypto_arg, ifp, ip,
			    IP6_HDRLEN + ulen);
		return;
	}
	pos = udp_pos(f, um.um_dport, &found);
	if (!found) {
		icmp6_error(dp, ifp, ip, len, 1, 4, 0);	/* port unreachable */
		return;
	}
	f->f_udp[pos].ue_fn(f->f_udp[pos].ue_arg, &um, u + UDP_HDRLEN,
	    ulen - UDP_HDRLEN);
}
