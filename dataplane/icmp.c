/*
 * icmp: ICMP for the router itself — echo requests answered, echo
 * replies and errors handed to the ping listeners (dp.h's echo API), and
 * the errors the packet path sends: unreachable, time exceeded,
 * fragmentation needed.
 *
 * As IOS: no error about an ICMP error, a non-first fragment, a
 * broadcast or multicast, or a source that is not a unicast host; an
 * error quotes the datagram's header and its first 8 data bytes; the
 * source is the address of the interface the error leaves by; and
 * unreachables are limited to one per 500 ms per interface (`ip icmp
 * rate-limit unreachable`), which is why a ping through a router that
 * has no route shows "U.U.U".
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/xalloc.h"

#define ICMP_HDRLEN	8
#define ICMP_ERR_QUOTE	8	/* data bytes quoted after the header */

struct echo_listener {
	struct echo_listener	*el_next;
	uint16_t		 el_id;
	dp_echo_fn		 el_fn;
	void			*el_arg;
	uint16_t		 el_pattern;	/* of the last request sent */
};

static bool	pattern_ok(const uint8_t *, size_t, uint16_t);

static struct echo_listener *
echo_find(const struct dataplane *dp, uint16_t id)
{
	struct echo_listener	*el;

	for (el = dp->d_fwd->f_echo; el != NULL; el = el->el_next)
		if (el->el_id == id)
			return el;
	return NULL;
}

void
echo_event(struct dataplane *dp, struct dp_echo_ev *ev, const uint8_t *data,
    size_t len)
{
	struct echo_listener	*el = echo_find(dp, ev->ev_id);

	if (el == NULL)
		return;
	if (data != NULL)
		ev->ev_data_ok = pattern_ok(data, len, el->el_pattern);
	el->el_fn(el->el_arg, ev);
}

void
echo_sent(struct dataplane *dp, uint16_t id, uint16_t pattern)
{
	struct echo_listener	*el = echo_find(dp, id);

	if (el != NULL)
		el->el_pattern = pattern;
}

int
dp_echo_listen(struct dataplane *dp, uint16_t id, dp_echo_fn fn, void *arg)
{
	struct echo_listener	*el;

	if (echo_find(dp, id) != NULL)
		return -1;
	el = xcalloc(1, sizeof(*el));
	el->el_id = id;
	el->el_fn = fn;
	el->el_arg = arg;
	el->el_pattern = 0xabcd;
	el->el_next = dp->d_fwd->f_echo;
	dp->d_fwd->f_echo = el;
	return 0;
}

void
dp_echo_unlisten(struct dataplane *dp, uint16_t id)
{
	struct echo_listener	**pp, *el;

	for (pp = &dp->d_fwd->f_echo; (el = *pp) != NULL; pp = &el->el_next)
		if (el->el_id == id) {
			*pp = el->el_next;
			free(el);
			return;
		}
}

void
icmp_free_all(struct dataplane *dp)
{
	struct echo_listener	*el;

	while ((el = dp->d_fwd->f_echo) != NULL) {
		dp->d_fwd->f_echo = el->el_next;
		free(el);
	}
}

static void
pattern_fill(uint8_t *p, size_t n, uint16_t pattern)
{
	size_t	i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)((i & 1) ? pattern : pattern >> 8);
}

static bool
pattern_ok(const uint8_t *p, size_t n, uint16_t pattern)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (p[i] != (uint8_t)((i & 1) ? pattern : pattern >> 8))
			return false;
	return true;
}

int
dp_echo_send(struct dataplane *dp, const struct dp_echo_req *er)
{
	size_t			 len = er->er_size;
	uint32_t		 src = er->er_src;
	uint8_t			*ip, *icmp;
	int			 rc;

	if (len < 20 + ICMP_HDRLEN)
		len = 20 + ICMP_HDRLEN;
	if (len > IP4_MAXLEN)
		len = IP4_MAXLEN;
	if (src != 0 && !ip4_own(dp, src))
		return DP_SEND_NO_SOURCE;
	echo_sent(dp, er->er_id, er->er_pattern);
	ip = xmalloc(len);
	ip4_header(dp, ip, len, IPP_ICMP, src, er->er_dst,
	    er->er_ttl != 0 ? er->er_ttl : 255, er->er_tos, er->er_df);
	icmp = ip + 20;
	icmp[0] = ICMP_ECHO;
	icmp[1] = 0;
	put16(icmp + 2, 0);
	put16(icmp + 4, er->er_id);
	put16(icmp + 6, er->er_seq);
	pattern_fill(icmp + ICMP_HDRLEN, len - 20 - ICMP_HDRLEN,
	    er->er_pattern);
	put16(icmp + 2, in_cksum(icmp, len - 20, 0));
	rc = ip4_send(dp, ip, len, 0);
	free(ip);
	return rc;
}

/* An echo request for the router: the same data back, from the address
 * it was sent to (the interface's own when it was a broadcast). */
static void
echo_reply(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	size_t		 hl = (size_t)(ip[0] & 15) * 4;
	uint32_t	 dst = get32(ip + 16);
	uint8_t		*r, *icmp;

	if (!ip4_own(dp, dst))
		dst = ifp != NULL && iface_has_v4(ifp) ?
		    ifp->if_addr.a_addr : 0;
	r = xmalloc(20 + len - hl);
	ip4_header(dp, r, 20 + len - hl, IPP_ICMP, dst, get32(ip + 12), 255,
	    ip[1], false);
	icmp = r + 20;
	memcpy(icmp, ip + hl, len - hl);
	icmp[0] = ICMP_ECHOREPLY;
	put16(icmp + 2, 0);
	put16(icmp + 2, in_cksum(icmp, len - hl, 0));
	(void)ip4_send(dp, r, 20 + len - hl, 0);
	free(r);
}

static enum dp_echo_kind
echo_kind(uint8_t type, uint8_t code)
{
	switch (type) {
	case ICMP_UNREACH:
		return code == ICMP_UNREACH_NEEDFRAG ? DP_ECHO_FRAG_NEEDED :
		    DP_ECHO_UNREACH;
	case ICMP_TIMXCEED:
		return DP_ECHO_TTL_EXCEEDED;
	case ICMP_QUENCH:
		return DP_ECHO_QUENCH;
	default:
		return DP_ECHO_OTHER;
	}
}

/* An error quoting one of our echo requests: to its listener. */
static void
echo_error(struct dataplane *dp, const uint8_t *ip, size_t len,
    const uint8_t *icmp, size_t ilen)
{
	const uint8_t		*q = icmp + ICMP_HDRLEN;
	struct echo_listener	*el;
	struct dp_echo_ev	 ev;
	size_t			 qhl;

	if (ilen < ICMP_HDRLEN + 20)
		return;
	qhl = (size_t)(q[0] & 15) * 4;
	if (qhl < 20 || ilen < ICMP_HDRLEN + qhl + ICMP_HDRLEN ||
	    q[9] != IPP_ICMP || q[qhl] != ICMP_ECHO)
		return;
	if ((el = echo_find(dp, get16(q + qhl + 4))) == NULL)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.ev_kind = echo_kind(icmp[0], icmp[1]);
	ev.ev_code = icmp[1];
	ev.ev_from = get32(ip + 12);
	ev.ev_id = el->el_id;
	ev.ev_seq = get16(q + qhl + 6);
	ev.ev_size = len;
	if (ev.ev_kind == DP_ECHO_FRAG_NEEDED)
		ev.ev_mtu = get16(icmp + 6);
	el->el_fn(el->el_arg, &ev);
}

/* "Fragmentation needed" quoting the router's own ESP (protocol 50, or
 * UDP to 4500): the path to the peer is narrower than our interface, and
 * crypto lowers the SA's path MTU (RFC 1191 for the outer packets). */
static void
esp_frag_needed(struct dataplane *dp, const uint8_t *icmp, size_t ilen)
{
	const struct fwd	*f = dp->d_fwd;
	const uint8_t		*q = icmp + ICMP_HDRLEN;
	size_t			 qlen = ilen - ICMP_HDRLEN, qhl;

	if (f->f_crypto == NULL || f->f_crypto->co_frag_needed == NULL ||
	    qlen < 20 || (q[0] >> 4) != 4)
		return;
	qhl = (size_t)(q[0] & 15) * 4;
	if (qhl < 20 || qlen < qhl + 8 || !ip4_own(dp, get32(q + 12)))
		return;
	if (q[9] != IPP_ESP && !(q[9] == IPP_UDP && get16(q + qhl + 2) ==
	    4500))
		return;
	f->f_crypto->co_frag_needed(f->f_crypto_arg, q, qlen,
	    get16(icmp + 6));
}

void
dp_icmp_frag_needed(struct dataplane *dp, const uint8_t *ip, size_t len,
    uint16_t mtu)
{
	if (len < 20 || (ip[0] >> 4) != 4)
		return;
	icmp_error(dp, NULL, ip, len, ICMP_UNREACH, ICMP_UNREACH_NEEDFRAG,
	    mtu);
}

void
icmp_input(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	size_t			 hl = (size_t)(ip[0] & 15) * 4, ilen = len - hl;
	const uint8_t		*icmp = ip + hl;
	struct echo_listener	*el;
	struct dp_echo_ev	 ev;

	if (ilen < ICMP_HDRLEN || in_cksum(icmp, ilen, 0) != 0)
		return;
	switch (icmp[0]) {
	case ICMP_ECHO:
		echo_reply(dp, ifp, ip, len);
		return;
	case ICMP_ECHOREPLY:
		if ((el = echo_find(dp, get16(icmp + 4))) == NULL)
			return;
		memset(&ev, 0, sizeof(ev));
		ev.ev_kind = DP_ECHO_REPLY;
		ev.ev_from = get32(ip + 12);
		ev.ev_id = el->el_id;
		ev.ev_seq = get16(icmp + 6);
		ev.ev_size = len;
		ev.ev_data_ok = pattern_ok(icmp + ICMP_HDRLEN,
		    ilen - ICMP_HDRLEN, el->el_pattern);
		el->el_fn(el->el_arg, &ev);
		return;
	case ICMP_UNREACH:
		if (icmp[1] == ICMP_UNREACH_NEEDFRAG)
			esp_frag_needed(dp, icmp, ilen);
		/* FALLTHROUGH */
	case ICMP_QUENCH:
	case ICMP_TIMXCEED:
	case 5:			/* redirect */
	case 12:		/* parameter problem */
		echo_error(dp, ip, len, icmp, ilen);
		trace_icmp_error(dp, ip, icmp, ilen);
		return;
	default:
		return;
	}
}

/* Would IOS answer IP with an error at all? */
static bool
error_allowed(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	size_t		hl = (size_t)(ip[0] & 15) * 4;
	uint32_t	src = get32(ip + 12), dst = get32(ip + 16);
	uint8_t		t;

	/* RFC 1122 3.2.2: never about a datagram that came in a
	 * link-layer broadcast, a fragment but the first, or one for (or
	 * from) a broadcast or multicast address. */
	if (dp->d_fwd->f_rx_l2bcast || (get16(ip + 6) & 0x1fff))
		return false;
	if (src == 0 || src >= 0xe0000000U || (src >> 24) == 127 ||
	    dst >= 0xe0000000U || ip4_iface_bcast(in, dst) ||
	    ip4_iface_bcast(in, src))
		return false;
	if (ip[9] == IPP_ICMP && len >= hl + 1) {
		t = ip[hl];
		if (t != ICMP_ECHO && t != ICMP_ECHOREPLY && t != 13 &&
		    t != 14 && t != 15 && t != 16 && t != 17 && t != 18)
			return false;
	}
	return true;
}

void
icmp_error(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len, uint8_t type, uint8_t code, uint16_t mtu)
{
	uint8_t			 e[20 + ICMP_HDRLEN + 60 + ICMP_ERR_QUOTE];
	size_t			 hl = (size_t)(ip[0] & 15) * 4, q, n;
	struct if_attach	*at = in != NULL ? &in->if_attach : NULL;
	uint64_t		 now = clock_mono_ms();

	if (!error_allowed(dp, in, ip, len))
		return;
	if (type == ICMP_UNREACH && at != NULL) {
		if (at->at_unreach_sent && now - at->at_unreach_ms <
		    ICMP_RATE_MS)
			return;
		at->at_unreach_sent = true;
		at->at_unreach_ms = now;
	}
	q = hl + ICMP_ERR_QUOTE < len ? hl + ICMP_ERR_QUOTE : len;
	n = 20 + ICMP_HDRLEN + q;
	ip4_header(dp, e, n, IPP_ICMP, ip4_source(dp, get32(ip + 12)),
	    get32(ip + 12), 255, 0xc0, false);
	e[20] = type;
	e[21] = code;
	put16(e + 22, 0);
	put16(e + 24, 0);
	put16(e + 26, mtu);
	memcpy(e + 28, ip, q);
	put16(e + 22, in_cksum(e + 20, n - 20, 0));
	(void)ip4_send(dp, e, n, 0);
}
