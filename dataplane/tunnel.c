/*
 * tunnel: GRE tunnel interfaces (`interface TunnelN`, `tunnel mode gre
 * ip`, IOS's default mode) as interfaces that carry packets.
 *
 *	line protocol: up when the source (an interface, or one of the
 *	router's addresses) is up with an IPv4 address and the destination
 *	has a route that does not leave through the tunnel itself.  Decided
 *	again whenever route_gen() moved: per packet that is one compare,
 *	and a timer (at once after a tunnel command, then every second
 *	while GRE tunnels are configured) raises IOS's messages without
 *	traffic.  A route to the destination through the tunnel is
 *	recursive routing: IOS says `%TUN-5-RECURDOWN` and takes the line
 *	protocol down.  iosh decides it with the tunnel counted as up, so
 *	the tunnel stays down while such a route exists instead of
 *	flapping as IOS does when the route comes and goes with it.
 *	out: an inner IPv4 or IPv6 datagram routed into the tunnel gets a
 *	GRE header (RFC 2784; the key of RFC 2890 when configured) and an
 *	outer IPv4 header from the source to the destination (TTL 255, the
 *	inner ToS, DF clear as IOS leaves it without `tunnel path-mtu-
 *	discovery`), built in f_tunbuf with DP_HEADROOM before it, and
 *	leaves through ip4_send as the router's own packet: a crypto map
 *	on the physical interface protects it in place (GRE over IPsec).
 *	One copy, no allocation.  A packet that would enter a tunnel while
 *	another is being encapsulated is dropped: no loop, however the
 *	routes point.
 *	in: GRE for one of the router's addresses is matched to the tunnel
 *	whose destination sent it to its source, with the same key, and the
 *	inner datagram is received on the tunnel (its counters, its access
 *	group); GRE for no tunnel is counted (d_gre_drops) and answered
 *	with ICMP protocol unreachable, as IOS does for a protocol it does
 *	not run.
 *
 * The texts of `show interfaces TunnelN` follow IOS 15.x output quoted at
 * https://itecnotes.com/network/cisco-tunnel-interface-bandwidth-2 and
 * 12.x output at https://supportforums.cisco.com/discussion/10401971
 * and /10318471 ("Tunnel source ... (FastEthernet0), destination
 * UNKNOWN", "Key 0x186A0, sequencing disabled").
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/evloop.h"
#include "lib/nvgen.h"
#include "lib/strbuf.h"
#include "lib/system.h"
#include "lib/vty.h"

#define GRE_HDRLEN	4
#define GRE_CSUM	0x8000
#define GRE_KEY		0x2000
#define GRE_SEQ		0x1000
#define GRE_VERMASK	0x0007
#define TUN_TTL		255
#define TUN_SYNC_MS	1000

bool
tunnel_gre(const struct dp_iface *ifp)
{
	return ifp->if_id.id_type == IFT_TUNNEL &&
	    (ifp->if_tun_mode == TUN_GRE_IP || ifp->if_tun_mode == TUN_GRE_IPV6);
}

bool
tunnel_vti(const struct dp_iface *ifp)
{
	return ifp->if_id.id_type == IFT_TUNNEL &&
	    (ifp->if_tun_mode == TUN_IPSEC_IPV4 ||
	    ifp->if_tun_mode == TUN_IPSEC_IPV6);
}

static size_t
tun_overhead(const struct dp_iface *ifp)
{
	if (tunnel_vti(ifp))
		return 0;	/* crypto's ESP: its own path MTU */
	return (ifp->if_tun_mode == TUN_GRE_IPV6 ? 40 : 20) + GRE_HDRLEN +
	    (ifp->if_tun_haskey ? 4 : 0);
}

static const struct dp_crypto_ops *
tun_crypto(const struct dataplane *dp)
{
	return dp->d_fwd != NULL ? dp->d_fwd->f_crypto : NULL;
}

/* The source's address (host order) and interface, or 0. */
static uint32_t
tun_source(struct dataplane *dp, const struct dp_iface *t,
    struct dp_iface **srcif)
{
	struct dp_iface	*ifp;
	uint32_t	 a;
	size_t		 i;

	*srcif = NULL;
	if (t->if_tun_src == NULL)
		return 0;
	if (ip4_parse(t->if_tun_src, &a)) {
		for (i = 0; i < dp->d_nifs; i++)
			if (ip4_iface_addr(dp->d_ifs[i], a)) {
				*srcif = dp->d_ifs[i];
				return iface_proto_up(*srcif) ? a : 0;
			}
		return 0;
	}
	ifp = dp_iface_find(dp, t->if_tun_src);
	if (ifp == NULL || ifp == t || !iface_proto_up(ifp) ||
	    !iface_has_v4(ifp))
		return 0;
	*srcif = ifp;
	return ifp->if_addr.a_addr;
}

/* The IPv6 source of T (an interface's first global address, or one of
 * the router's) and its interface; false if none is up. */
static bool
tun_source6(struct dataplane *dp, const struct dp_iface *t, uint8_t *a,
    struct dp_iface **srcif)
{
	struct dp_iface	*ifp;
	size_t		 i, k;

	*srcif = NULL;
	if (t->if_tun_src == NULL)
		return false;
	if (inet_pton(AF_INET6, t->if_tun_src, a) == 1) {
		for (i = 0; i < dp->d_nifs; i++)
			for (k = 0; k < dp->d_ifs[i]->if_nv6; k++)
				if (memcmp(dp->d_ifs[i]->if_v6[k].a6_addr, a,
				    16) == 0) {
					*srcif = dp->d_ifs[i];
					return iface_proto_up(*srcif);
				}
		return false;
	}
	ifp = dp_iface_find(dp, t->if_tun_src);
	if (ifp == NULL || ifp == t || !iface_proto_up(ifp))
		return false;
	for (k = 0; k < ifp->if_nv6; k++)
		if (!ifp->if_v6[k].a6_link_local) {
			memcpy(a, ifp->if_v6[k].a6_addr, 16);
			*srcif = ifp;
			return true;
		}
	return false;
}

/* tun_decide for `tunnel mode ipsec ipv6` and `tunnel mode gre ipv6`:
 * the same rules over IPv6. */
static bool
tun_decide6(struct dataplane *dp, struct dp_iface *t, bool *recur)
{
	struct dp_iface	*out, *srcif;
	uint8_t		 s[16], d[16], nh[16];
	bool		 was = t->if_tun_up;

	if (t->if_tun_dst == NULL || inet_pton(AF_INET6, t->if_tun_dst, d) != 1 ||
	    !tun_source6(dp, t, s, &srcif)) {
		return false;
	}
	t->if_tun_up = true;
	out = route6_lookup(dp, d, nh);
	t->if_tun_up = was;
	if (out == t) {
		*recur = true;
		return false;
	}
	if (out == NULL || out->if_id.id_type == IFT_TUNNEL)
		return false;
	t->if_tun_v6 = true;
	t->if_tun_saddr = t->if_tun_daddr = 0;
	memcpy(t->if_tun_saddr6, s, 16);
	memcpy(t->if_tun_daddr6, d, 16);
	t->if_tun_srcif = srcif;
	t->if_tun_ready = true;
	if (!tunnel_vti(t))
		return true;
	return tun_crypto(dp) != NULL &&
	    tun_crypto(dp)->co_tunnel_sa != NULL &&
	    tun_crypto(dp)->co_tunnel_sa(dp->d_fwd->f_crypto_arg, t, false);
}

/* What T's line protocol should be; *RECUR when a route through T itself
 * is what keeps it down. */
static bool
tun_decide(struct dataplane *dp, struct dp_iface *t, bool *recur)
{
	struct dp_iface	*out, *srcif;
	uint32_t	 s, d, nh;
	bool		 was = t->if_tun_up;

	*recur = false;
	t->if_tun_ready = false;
	t->if_tun_v6 = false;
	if (!t->if_shutdown && (t->if_tun_mode == TUN_IPSEC_IPV6 ||
	    t->if_tun_mode == TUN_GRE_IPV6))
		return tun_decide6(dp, t, recur);
	if (t->if_shutdown || (t->if_tun_mode != TUN_GRE_IP &&
	    !tunnel_vti(t)) ||
	    t->if_tun_dst == NULL || !ip4_parse(t->if_tun_dst, &d) ||
	    (s = tun_source(dp, t, &srcif)) == 0)
		return false;
	/* Asked as if the tunnel were up: a route through it is recursive
	 * whether or not it is installed now. */
	t->if_tun_up = true;
	out = route_lookup_fresh(dp, d, &nh);
	t->if_tun_up = was;
	if (out == t) {
		*recur = true;
		return false;
	}
	/* A tunnel inside another tunnel is not carried (yet). */
	if (out == NULL || out->if_id.id_type == IFT_TUNNEL)
		return false;
	t->if_tun_saddr = s;
	t->if_tun_daddr = d;
	t->if_tun_srcif = srcif;
	t->if_tun_ready = true;
	/* A VTI is up when its IPsec SAs are (IOS). */
	if (tunnel_vti(t))
		return tun_crypto(dp) != NULL &&
		    tun_crypto(dp)->co_tunnel_sa != NULL &&
		    tun_crypto(dp)->co_tunnel_sa(dp->d_fwd->f_crypto_arg, t,
		    false);
	return true;
}

void
tunnel_sync(struct dataplane *dp)
{
	struct dp_iface	*t;
	unsigned	 pass;
	bool		 up, recur;
	size_t		 i;

	if (dp->d_tun_syncing)
		return;
	dp->d_tun_syncing = true;
	/* A change moves d_rt_gen, which may change another tunnel's
	 * route: again until nothing moves (a few passes at most). */
	for (pass = 0; pass < 4; pass++) {
		if (dp->d_tun_gen == route_gen(dp))
			break;
		dp->d_tun_gen = route_gen(dp);
		for (i = 0; i < dp->d_nifs; i++) {
			t = dp->d_ifs[i];
			if (t->if_id.id_type != IFT_TUNNEL)
				continue;
			up = tun_decide(dp, t, &recur);
			if (recur && !t->if_tun_recur && t->if_tun_up)
				sys_log(dp->d_sys, "TUN", 5, "RECURDOWN",
				    "%s temporarily disabled due to recursive "
				    "routing", t->if_name);
			t->if_tun_recur = recur;
			if (up == t->if_tun_up)
				continue;
			t->if_tun_up = up;
			dp->d_rt_gen++;	/* routes through it come or go */
			/* Shut, the link message has said it all. */
			if (!t->if_shutdown)
				sys_log(dp->d_sys, "LINEPROTO", 5, "UPDOWN",
				    "Line protocol on Interface %s, changed "
				    "state to %s", t->if_name,
				    up ? "up" : "down");
		}
	}
	dp->d_tun_syncing = false;
}

static bool
tun_configured(const struct dataplane *dp)
{
	size_t	i;

	for (i = 0; i < dp->d_nifs; i++)
		if ((tunnel_gre(dp->d_ifs[i]) || tunnel_vti(dp->d_ifs[i])) &&
		    (dp->d_ifs[i]->if_tun_src != NULL ||
		    dp->d_ifs[i]->if_tun_dst != NULL))
			return true;
	return false;
}

/* A VTI whose ends resolve but which has no SAs asks crypto to begin
 * IKE (once a second at most: crypto knows what is under way), and its
 * line protocol is decided again every second, whatever moved. */
static void
tun_vti_poll(struct dataplane *dp)
{
	const struct dp_crypto_ops	*co = tun_crypto(dp);
	struct dp_iface			*t;
	size_t				 i;
	bool				 any = false;

	for (i = 0; i < dp->d_nifs; i++) {
		t = dp->d_ifs[i];
		if (!tunnel_vti(t))
			continue;
		any = true;
		if (t->if_tun_ready && !t->if_tun_up &&
		    t->if_tun_protection != NULL && co != NULL &&
		    co->co_tunnel_sa != NULL)
			co->co_tunnel_sa(dp->d_fwd->f_crypto_arg, t, true);
	}
	if (any)
		dp->d_tun_gen = 0;
}

static void
tun_timer(void *arg)
{
	struct dataplane	*dp = arg;

	dp->d_tun_timer = NULL;
	tunnel_sync(dp);
	tun_vti_poll(dp);
	tunnel_sync(dp);
	if (tun_configured(dp))
		dp->d_tun_timer = evloop_timer_add(dp->d_sys->sy_loop,
		    TUN_SYNC_MS, tun_timer, dp);
}

void
tunnel_kick(struct dataplane *dp)
{
	dp->d_tun_gen = 0;	/* decide again, whatever moved */
	if (dp->d_sys == NULL || dp->d_sys->sy_loop == NULL)
		return;
	if (dp->d_tun_timer != NULL)
		evloop_timer_cancel(dp->d_sys->sy_loop, dp->d_tun_timer);
	dp->d_tun_timer = evloop_timer_add(dp->d_sys->sy_loop, 0, tun_timer,
	    dp);
}

void
tunnel_free(struct dataplane *dp)
{
	if (dp->d_tun_timer != NULL)
		evloop_timer_cancel(dp->d_sys->sy_loop, dp->d_tun_timer);
	dp->d_tun_timer = NULL;
}

/* A VTI: the inner IPv4 datagram goes to crypto as it is (no GRE). */
static int
tun_vti_output(struct dp_iface *t, uint16_t ethertype, const uint8_t *ip,
    size_t len)
{
	struct dataplane		*dp = t->if_dp;
	const struct dp_crypto_ops	*co = tun_crypto(dp);
	enum dp_crypto_verdict		 v = DP_CRYPTO_DROP;

	if (t->if_tun_up && (ethertype == ETHERTYPE_IP ||
	    ethertype == ETHERTYPE_IPV6) && dp->d_tun_depth == 0 &&
	    co != NULL && co->co_tunnel_output != NULL) {
		t->if_attach.at_opkts++;
		t->if_attach.at_obytes += len;
		t->if_attach.at_last_out = clock_mono_ms();
		dp->d_tun_depth++;
		v = co->co_tunnel_output(dp->d_fwd->f_crypto_arg, t, ip, len);
		dp->d_tun_depth--;
	}
	if (v == DP_CRYPTO_CONSUMED)
		return 0;
	t->if_attach.at_odrops++;
	return -1;
}

/* The GRE header at G: flags, protocol, the key if T has one. */
static void
gre_header(const struct dp_iface *t, uint8_t *g, uint16_t ethertype)
{
	put16(g, t->if_tun_haskey ? GRE_KEY : 0);
	put16(g + 2, ethertype);
	if (t->if_tun_haskey)
		put32(g + 4, t->if_tun_key);
}

/* The packet of LEN bytes went into T: counted as IOS counts it. */
static void
tun_counted_out(struct dp_iface *t, size_t len)
{
	t->if_attach.at_opkts++;
	t->if_attach.at_obytes += len;
	t->if_attach.at_last_out = clock_mono_ms();
}

/*
 * `tunnel mode gre ipv6`: the inner datagram (HL bytes of room before it
 * at O) under GRE and an outer IPv6 header from the tunnel's source to
 * its destination (next header 47, hop limit 255), out through ip6_send
 * as the router's own, or to crypto under `tunnel protection` (GRE
 * between the IPv6 ends, ESP over IPv6 in tunnel mode).
 */
/*
 * `tunnel protection`: crypto takes the GRE packet O (TOTAL bytes, either
 * family; its policy is the tunnel's, whatever the physical interface's
 * crypto map).  0 consumed, -1 dropped, 1 to go on in clear (no crypto).
 */
static int
tun_protect(struct dp_iface *t, uint8_t *o, size_t total)
{
	struct dataplane		*dp = t->if_dp;
	const struct dp_crypto_ops	*co;

	if (t->if_tun_protection == NULL || (co = tun_crypto(dp)) == NULL ||
	    co->co_tunnel_output == NULL)
		return 1;
	/* In tunnel mode ESP carries the header as it is, so its checksum
	 * is made now, not by ip4_send (a peer's stack drops a zero one:
	 * strongSwan's libipsec hands the packet to Linux's). */
	if ((o[0] >> 4) == 4) {
		put16(o + 10, 0);
		put16(o + 10, in_cksum(o, (size_t)(o[0] & 15) * 4, 0));
	}
	switch (co->co_tunnel_output(dp->d_fwd->f_crypto_arg, t, o, total)) {
	case DP_CRYPTO_CONSUMED:
		return 0;
	case DP_CRYPTO_DROP:
		t->if_attach.at_odrops++;
		return -1;
	case DP_CRYPTO_PASS:
		break;
	}
	return 1;
}

static int
tun_gre6_output(struct dp_iface *t, uint16_t ethertype, uint8_t *o,
    size_t hl, size_t len)
{
	struct dataplane	*dp = t->if_dp;
	int			 rc;

	ip6_header(o, hl - 40 + len, IPP_GRE, TUN_TTL, t->if_tun_saddr6,
	    t->if_tun_daddr6);
	gre_header(t, o + 40, ethertype);
	tun_counted_out(t, len);
	dp->d_tun_depth++;
	if ((rc = tun_protect(t, o, hl + len)) <= 0) {
		dp->d_tun_depth--;
		return rc;
	}
	rc = ip6_send(dp, o, hl + len);
	dp->d_tun_depth--;
	if (rc != DP_SEND_OK) {
		t->if_attach.at_odrops++;
		return -1;
	}
	return 0;
}

int
tunnel_output(struct dp_iface *t, uint16_t ethertype, const uint8_t *ip,
    size_t len)
{
	struct dataplane	*dp = t->if_dp;
	size_t			 hl = tun_overhead(t);
	uint8_t			*o = fwd_tunbuf(dp->d_fwd) + DP_HEADROOM, *g;
	uint8_t			 tos;
	int			 rc;

	tunnel_sync(dp);
	if (tunnel_vti(t))
		return tun_vti_output(t, ethertype, ip, len);
	if (!t->if_tun_up || !tunnel_gre(t) || dp->d_tun_depth > 0 ||
	    len + hl > IP4_MAXLEN) {
		t->if_attach.at_odrops++;
		return -1;
	}
	tos = ethertype == ETHERTYPE_IP ? ip[1] :
	    (uint8_t)((get16(ip) >> 4) & 0xff);
	memcpy(o + hl, ip, len);
	if (t->if_tun_v6)
		return tun_gre6_output(t, ethertype, o, hl, len);
	ip4_header(dp, o, hl + len, IPP_GRE, t->if_tun_saddr, t->if_tun_daddr,
	    TUN_TTL, tos, false);
	g = o + 20;
	gre_header(t, g, ethertype);
	/* The tunnel counts what went into it, as IOS's counters do. */
	tun_counted_out(t, len);
	dp->d_tun_depth++;
	if ((rc = tun_protect(t, o, hl + len)) <= 0) {
		dp->d_tun_depth--;
		return rc;
	}
	rc = ip4_send(dp, o, hl + len, IP4_OWN | IP4_ROOM | IP4_FWDBUF);
	dp->d_tun_depth--;
	if (rc != DP_SEND_OK) {
		t->if_attach.at_odrops++;
		return -1;
	}
	return 0;
}

static struct dp_iface *
tun_match(struct dataplane *dp, uint32_t src, uint32_t dst, bool haskey,
    uint32_t key)
{
	struct dp_iface	*t;
	size_t		 i;

	for (i = 0; i < dp->d_nifs; i++) {
		t = dp->d_ifs[i];
		if (t->if_id.id_type == IFT_TUNNEL && t->if_tun_up &&
		    t->if_tun_daddr == src && t->if_tun_saddr == dst &&
		    t->if_tun_haskey == haskey &&
		    (!haskey || t->if_tun_key == key))
			return t;
	}
	return NULL;
}

/* The GRE header at G (LEN bytes of GRE packet): its length in *OFF,
 * its key; false if it is not one we take (RFC 2784 version 0). */
static bool
gre_parse(const uint8_t *g, size_t len, size_t *off, bool *haskey,
    uint32_t *key)
{
	uint16_t	flags;

	*off = GRE_HDRLEN;
	*key = 0;
	if (len < GRE_HDRLEN)
		return false;
	flags = get16(g);
	if (flags & GRE_CSUM) {
		if (len < *off + 4 || in_cksum(g, len, 0) != 0)
			return false;
		*off += 4;
	}
	if (flags & GRE_KEY) {
		if (len < *off + 4)
			return false;
		*key = get32(g + *off);
		*off += 4;
	}
	if (flags & GRE_SEQ)
		*off += 4;
	*haskey = (flags & GRE_KEY) != 0;
	return len >= *off && (flags & GRE_VERMASK) == 0;
}

/* The inner datagram of GRE packet G (LEN bytes, header OFF) received on
 * tunnel T: its counters, then IPv4 or IPv6 input on T. */
static void
gre_deliver(struct dataplane *dp, struct dp_iface *t, const uint8_t *g,
    size_t off, size_t len)
{
	t->if_attach.at_ipkts++;
	t->if_attach.at_ibytes += len - off;
	t->if_attach.at_last_in = clock_mono_ms();
	switch (get16(g + 2)) {
	case ETHERTYPE_IP:
		ip4_receive(dp, t, g + off, len - off, 0);
		return;
	case ETHERTYPE_IPV6:
		ip6_input(dp, t, g + off, len - off);
		return;
	default:
		t->if_attach.at_idrops++;
		return;
	}
}

void
tunnel_input(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	size_t		 hl = (size_t)(ip[0] & 15) * 4, off;
	const uint8_t	*g = ip + hl;
	struct dp_iface	*t;
	bool		 haskey;
	uint32_t	 key;

	tunnel_sync(dp);
	if (len < hl || !gre_parse(g, len - hl, &off, &haskey, &key)) {
		dp->d_gre_drops++;
		return;
	}
	t = tun_match(dp, get32(ip + 12), get32(ip + 16), haskey, key);
	if (t == NULL) {
		dp->d_gre_drops++;
		icmp_error(dp, in, ip, len, ICMP_UNREACH, ICMP_UNREACH_PROTO,
		    0);
		return;
	}
	gre_deliver(dp, t, g, off, len - hl);
}

/* GRE over IPv6 (next header 47 straight after the fixed header) for one
 * of the router's addresses: the `tunnel mode gre ipv6` tunnel whose
 * destination sent it to its source, with the same key. */
void
tunnel_input6(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	const uint8_t	*g = ip + 40;
	struct dp_iface	*t;
	bool		 haskey;
	uint32_t	 key;
	size_t		 off, i;

	tunnel_sync(dp);
	if (len < 40 || !gre_parse(g, len - 40, &off, &haskey, &key)) {
		dp->d_gre_drops++;
		return;
	}
	for (i = 0; i < dp->d_nifs; i++) {
		t = dp->d_ifs[i];
		if (t->if_id.id_type == IFT_TUNNEL && t->if_tun_up &&
		    t->if_tun_v6 && tunnel_gre(t) &&
		    memcmp(t->if_tun_daddr6, ip + 8, 16) == 0 &&
		    memcmp(t->if_tun_saddr6, ip + 24, 16) == 0 &&
		    t->if_tun_haskey == haskey &&
		    (!haskey || t->if_tun_key == key)) {
			/* A protected tunnel takes GRE out of its SA only
			 * (no inbound crypto check over IPv6 otherwise). */
			if (t->if_tun_protection != NULL && !dp->d_decap6) {
				dp->d_gre_drops++;
				return;
			}
			gre_deliver(dp, t, g, off, len - 40);
			return;
		}
	}
	dp->d_gre_drops++;
	icmp6_error(dp, in, ip, len, 1, 4, 0);	/* as ip6_input: unreachable */
}

bool
dp_iface_tunnel_ends(const struct dp_iface *t, uint32_t *src, uint32_t *dst,
    struct dp_iface **srcif)
{
	tunnel_sync(t->if_dp);
	if (t->if_id.id_type != IFT_TUNNEL || !t->if_tun_ready ||
	    t->if_tun_v6)
		return false;
	*src = t->if_tun_saddr;
	*dst = t->if_tun_daddr;
	*srcif = t->if_tun_srcif;
	return true;
}

bool
dp_iface_tunnel_ends6(const struct dp_iface *t, uint8_t src[16],
    uint8_t dst[16], struct dp_iface **srcif)
{
	tunnel_sync(t->if_dp);
	if (t->if_id.id_type != IFT_TUNNEL || !t->if_tun_ready ||
	    !t->if_tun_v6)
		return false;
	memcpy(src, t->if_tun_saddr6, 16);
	memcpy(dst, t->if_tun_daddr6, 16);
	*srcif = t->if_tun_srcif;
	return true;
}

bool
dp_iface_tunnel_vti(const struct dp_iface *t)
{
	return tunnel_vti(t);
}

void
dp_tunnel_kick(struct dataplane *dp)
{
	tunnel_kick(dp);
}

int
dp_tunnel_input(struct dataplane *dp, struct dp_iface *t, const uint8_t *ip,
    size_t len)
{
	/* An IPv6 datagram (a VTI carries either family). */
	if (len >= 40 && (ip[0] >> 4) == 6 && t->if_tun_up &&
	    (size_t)get16(ip + 4) + 40 <= len) {
		t->if_attach.at_ipkts++;
		t->if_attach.at_ibytes += len;
		t->if_attach.at_last_in = clock_mono_ms();
		ip6_input(dp, t, ip, len);
		return 0;
	}
	if (len < 20 || (ip[0] >> 4) != 4 || (size_t)(ip[0] & 15) * 4 > len ||
	    get16(ip + 2) > len || !t->if_tun_up)
		return -1;
	t->if_attach.at_ipkts++;
	t->if_attach.at_ibytes += len;
	t->if_attach.at_last_in = clock_mono_ms();
	ip4_receive(dp, t, ip, len, IP4_DECAP);
	return 0;
}

/* The transport MTU: the MTU of the interface the destination is routed
 * out of, less the tunnel's header; IOS's 1476 on Ethernet. */
static uint32_t
tun_transport_mtu(const struct dp_iface *t)
{
	const struct dp_iface	*out;
	uint32_t		 nh, mtu = 1500;
	uint8_t			 nh6[16];

	if (t->if_tun_up && (t->if_tun_v6 ? (out = route6_lookup(t->if_dp,
	    t->if_tun_daddr6, nh6)) : (out = route_lookup(t->if_dp,
	    t->if_tun_daddr, &nh))) != NULL && out != t)
		mtu = iface_mtu(out);
	return mtu - (uint32_t)tun_overhead(t);
}

uint32_t
tunnel_ip_mtu(const struct dp_iface *ifp)
{
	if (tunnel_gre(ifp) || tunnel_vti(ifp))
		return tun_transport_mtu(ifp);
	return iface_mtu(ifp);
}

void
tunnel_show(const struct dp_iface *t, struct strbuf *sb)
{
	bool	v15 = sys_version_15(t->if_dp->d_sys);
	char	a[46];

	if (!tunnel_gre(t) && !tunnel_vti(t))
		return;
	strbuf_puts(sb, "  Tunnel source ");
	if (t->if_tun_up && t->if_tun_v6) {
		ip6_fmt(t->if_tun_saddr6, a);
		strbuf_puts(sb, a);
	} else if (t->if_tun_up) {
		ip4_text(t->if_tun_saddr, a);
		strbuf_puts(sb, a);
	} else if (t->if_tun_src != NULL && ip4_parse(t->if_tun_src,
	    &(uint32_t){ 0 }))
		strbuf_puts(sb, t->if_tun_src);
	else
		strbuf_puts(sb, "UNKNOWN");
	if (t->if_tun_src != NULL && !ip4_parse(t->if_tun_src,
	    &(uint32_t){ 0 }))
		strbuf_printf(sb, " (%s)", t->if_tun_src);
	strbuf_printf(sb, ", destination %s\n",
	    t->if_tun_dst != NULL ? t->if_tun_dst : "UNKNOWN");
	strbuf_printf(sb, "  Tunnel protocol/transport %s\n",
	    t->if_tun_mode == TUN_IPSEC_IPV6 ? "IPSEC/IPV6" :
	    tunnel_vti(t) ? "IPSEC/IP" : t->if_tun_mode == TUN_GRE_IPV6 ?
	    "GRE/IPv6" : "GRE/IP");
	if (t->if_tun_haskey)
		strbuf_printf(sb, "    Key 0x%X, sequencing disabled\n",
		    t->if_tun_key);
	else
		strbuf_puts(sb, "    Key disabled, sequencing disabled\n");
	strbuf_puts(sb, "    Checksumming of packets disabled\n");
	if (v15) {
		strbuf_printf(sb, "  Tunnel TTL %u, Fast tunneling enabled\n",
		    TUN_TTL);
		strbuf_printf(sb, "  Tunnel transport MTU %u bytes\n",
		    tun_transport_mtu(t));
	} else {
		strbuf_printf(sb, "  Tunnel TTL %u\n", TUN_TTL);
		strbuf_puts(sb, "  Fast tunneling enabled\n");
	}
	strbuf_puts(sb, "  Tunnel transmit bandwidth 8000 (kbps)\n");
	strbuf_puts(sb, "  Tunnel receive bandwidth 8000 (kbps)\n");
	/* The text of IOS's VTI configuration guide's example. */
	if (t->if_tun_protection != NULL)
		strbuf_printf(sb, "  Tunnel protection via IPSec (profile "
		    "\"%s\")\n", t->if_tun_protection);
}

/* The lines after `tunnel destination` (the caller renders the rest). */
void
tunnel_nvgen(const struct dp_iface *t, struct strbuf *sb)
{
	if (t->if_tun_haskey)
		nv_line(sb, 1, "tunnel key %u", t->if_tun_key);
}

/* Commands (config-if). */

int
if_tunnel_key_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*t = vty->v_ctx;

	t->if_tun_haskey = !cmd_negated(m);
	t->if_tun_key = t->if_tun_haskey ?
	    (uint32_t)cmd_arg_num(m, "value", 0) : 0;
	tunnel_kick(t->if_dp);
	return CMD_SUCCESS;
}

int
if_ip_mtu_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	ifp->if_ip_mtu = cmd_negated(m) ? 0 :
	    (uint32_t)cmd_arg_num(m, "bytes", 0);
	ifp->if_dp->d_gen++;	/* crypto's path MTU (tunnels), the egress's */
	return CMD_SUCCESS;
}
