/*
 * ipsec_tunnel: `tunnel protection ipsec profile NAME` — the profile
 * becomes the policy of its tunnel interface (IOS's "Tunnel0-head-0"
 * crypto map, one entry, the tunnel destination its peer):
 *
 *	GRE (`tunnel mode gre ip`): the proxies are the GRE packet between
 *	the tunnel source and destination (host to host, protocol 47), so
 *	a transform set in `mode transport` runs in transport mode
 *	(ipsec_transport_ok); every GRE packet the tunnel emits is handed
 *	here by the dataplane (co_tunnel_output) and goes into ESP.
 *	VTI (`tunnel mode ipsec ipv4`): the proxies are 0.0.0.0/0 both
 *	ways (tunnel mode whatever the set says, as seed 003's Quick Mode
 *	shows), the datagrams routed into the tunnel go into ESP directly,
 *	and what arrives on its SAs is received on the tunnel interface.
 *	Its line protocol is its SAs' state (co_tunnel_sa), and IKE begins
 *	as soon as the tunnel's ends resolve, as IOS's VTI does.
 *
 * The policy of each tunnel is kept by interface index and made again
 * when the configuration, the dataplane or the tunnel's ends moved: no
 * name is looked up per packet unless one of them did.  Its entry is
 * what ipsec_proposal_of offers and what the responder's
 * ipsec_find_entry answers with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/system.h"
#include "lib/xalloc.h"

#define IPPROTO_GRE_NUM		47
#define TUN_MAP_SEQ		65537	/* IOS's "Tunnel0-head-0-65537" */
#define TUN_WAIT_POLLS		15	/* longer than a Main Mode's retry */

struct tun_pol {
	uint64_t		 tp_dp_gen, tp_cfg_gen;	/* 0: never made */
	uint32_t		 tp_src, tp_dst;	/* 0 over IPv6 */
	struct sa_addr		 tp_src_addr, tp_dst_addr;
	bool			 tp_ok;
	bool			 tp_vti;
	struct dp_iface		*tp_ifp, *tp_srcif;
	char			 tp_mapname[64];
	struct cmap		 tp_map;
	struct cmap_entry	 tp_ce, *tp_cep;
	uint32_t		 tp_peer;
	struct ike_request	 tp_rq;
	struct sa_addr		 tp_peer_addr;
	uint32_t		 tp_hash;
	unsigned		 tp_polls;	/* without SAs, waiting */
	bool			 tp_rooted;	/* its SA database announced */
	/* The destination before `tunnel destination` moved it: its flows
	 * on this tunnel go at the next poll (ipsec_tunnel_sa). */
	bool			 tp_stale;
	struct sa_addr		 tp_stale_peer;
};

struct ipsec_tunnels {
	struct tun_pol	*tt_pol;	/* by dp_iface_index */
	size_t		 tt_n;
};

void
ipsec_tunnel_free(struct crypto *c)
{
	if (c->c_tunnels != NULL)
		free(c->c_tunnels->tt_pol);
	free(c->c_tunnels);
	c->c_tunnels = NULL;
}

/* T's policy, made again if anything it depends on moved; NULL when T
 * has no protection, its profile does not exist, or its ends do not
 * resolve (a GRE tunnel that is down, a VTI without a route). */
static struct tun_pol *
tp_get(struct crypto *c, struct dp_iface *t)
{
	struct dataplane		*dp = c->c_sys->sy_dp;
	const struct ipsec_profile	*ip;
	const char			*name;
	struct ipsec_tunnels		*tt;
	struct tun_pol			*tp;
	struct dp_iface			*srcif;
	uint32_t			 s = 0, d = 0;
	uint8_t				 s6[16], d6[16];
	struct sa_addr			 sa, da, stale_peer;
	size_t				 i = dp_iface_index(t), n;
	bool				 stale;

	if ((name = dp_iface_tunnel_protection(t)) == NULL)
		return NULL;
	/* `tunnel mode ipsec ipv6`: IKE and ESP between IPv6 ends. */
	if (dp_iface_tunnel_ends(t, &s, &d, &srcif)) {
		sa_addr_v4(&sa, s);
		sa_addr_v4(&da, d);
	} else if (dp_iface_tunnel_ends6(t, s6, d6, &srcif)) {
		sa_addr_v6(&sa, s6);
		sa_addr_v6(&da, d6);
	} else
		return NULL;
	if (c->c_tunnels == NULL)
		c->c_tunnels = xcalloc(1, sizeof(*c->c_tunnels));
	tt = c->c_tunnels;
	if (i >= tt->tt_n) {
		n = dp_iface_count(dp) > i ? dp_iface_count(dp) : i + 1;
		tt->tt_pol = xreallocarray(tt->tt_pol, n, sizeof(*tt->tt_pol));
		memset(tt->tt_pol + tt->tt_n, 0,
		    (n - tt->tt_n) * sizeof(*tt->tt_pol));
		tt->tt_n = n;
	}
	tp = &tt->tt_pol[i];
	if (tp->tp_cfg_gen == c->c_cfg_gen + 1 &&
	    tp->tp_dp_gen == dp_generation(dp) && tp->tp_ifp == t &&
	    sa_addr_eq(&tp->tp_src_addr, &sa) &&
	    sa_addr_eq(&tp->tp_dst_addr, &da))
		return tp->tp_ok ? tp : NULL;
	if (tp->tp_ok && tp->tp_ifp == t && !tp->tp_stale &&
	    !sa_addr_eq(&tp->tp_dst_addr, &da)) {
		tp->tp_stale = true;
		tp->tp_stale_peer = tp->tp_dst_addr;
	}
	stale = tp->tp_stale;
	stale_peer = tp->tp_stale_peer;
	memset(tp, 0, sizeof(*tp));
	tp->tp_stale = stale;
	tp->tp_stale_peer = stale_peer;
	tp->tp_cfg_gen = c->c_cfg_gen + 1;
	tp->tp_dp_gen = dp_generation(dp);
	tp->tp_ifp = t;
	tp->tp_src = s;
	tp->tp_dst = d;
	tp->tp_src_addr = sa;
	tp->tp_dst_addr = da;
	if ((ip = crypto_ipsec_profile_find(c, name)) == NULL)
		return NULL;
	tp->tp_ok = true;
	tp->tp_vti = dp_iface_tunnel_vti(t);
	tp->tp_srcif = srcif;
	snprintf(tp->tp_mapname, sizeof(tp->tp_mapname), "%s-head-0",
	    dp_iface_name(t));
	tp->tp_peer = d;
	tp->tp_cep = &tp->tp_ce;
	tp->tp_map.cm_name = tp->tp_mapname;
	tp->tp_map.cm_entries = &tp->tp_cep;
	tp->tp_map.cm_n = tp->tp_map.cm_cap = 1;
	tp->tp_ce.ce_seq = TUN_MAP_SEQ;
	tp->tp_ce.ce_peers = &tp->tp_peer;
	tp->tp_ce.ce_npeers = 1;
	tp->tp_ce.ce_map = &tp->tp_map;
	/* The profile's parameters as they are: a copy of the pointers,
	 * made again whenever the configuration moves. */
	tp->tp_ce.ce_params = ip->ip_params;
	snprintf(tp->tp_rq.rq_ifname, sizeof(tp->tp_rq.rq_ifname), "%s",
	    dp_iface_name(t));
	snprintf(tp->tp_rq.rq_map, sizeof(tp->tp_rq.rq_map), "%s",
	    tp->tp_mapname);
	tp->tp_rq.rq_seq = TUN_MAP_SEQ;
	tp->tp_rq.rq_local = sa;
	tp->tp_rq.rq_peer = da;
	if (tp->tp_vti && sa.sa_family == 6) {
		/* The whole of IPv6 both ways (seed 003's ::/0/0/0). */
		memset(&tp->tp_rq.rq_lid, 0, sizeof(tp->tp_rq.rq_lid));
		memset(&tp->tp_rq.rq_rid, 0, sizeof(tp->tp_rq.rq_rid));
		tp->tp_rq.rq_lid.id_addr.sa_family = 6;
		tp->tp_rq.rq_rid.id_addr.sa_family = 6;
	} else if (tp->tp_vti) {
		ipsec_ident_set(&tp->tp_rq.rq_lid, 0, 0xffffffffu, 0, 0);
		ipsec_ident_set(&tp->tp_rq.rq_rid, 0, 0xffffffffu, 0, 0);
	} else if (sa.sa_family == 6) {
		/* `tunnel mode gre ipv6`: the GRE packets between the two
		 * IPv6 ends, in tunnel mode (no IPv6 transport here). */
		memset(&tp->tp_rq.rq_lid, 0, sizeof(tp->tp_rq.rq_lid));
		memset(&tp->tp_rq.rq_rid, 0, sizeof(tp->tp_rq.rq_rid));
		tp->tp_rq.rq_lid.id_addr = sa;
		tp->tp_rq.rq_rid.id_addr = da;
		tp->tp_rq.rq_lid.id_plen = tp->tp_rq.rq_rid.id_plen = 128;
		tp->tp_rq.rq_lid.id_proto = IPPROTO_GRE_NUM;
		tp->tp_rq.rq_rid.id_proto = IPPROTO_GRE_NUM;
	} else {
		ipsec_ident_set(&tp->tp_rq.rq_lid, s, 0, IPPROTO_GRE_NUM, 0);
		ipsec_ident_set(&tp->tp_rq.rq_rid, d, 0, IPPROTO_GRE_NUM, 0);
	}
	tp->tp_hash = ipsec_flow_key(&tp->tp_rq, &tp->tp_peer_addr);
	return tp;
}

enum dp_crypto_verdict
ipsec_tunnel_output(void *arg, struct dp_iface *t, const uint8_t *ip,
    size_t len)
{
	struct crypto	*c = arg;
	struct tun_pol	*tp = tp_get(c, t);

	/* Protection named but not there: nothing leaves in clear. */
	if (tp == NULL)
		return DP_CRYPTO_DROP;
	/* A VTI's proxies are the whole of its transport's family
	 * (0.0.0.0/0 or ::/0): a datagram of the other family is outside
	 * them and has no SA, so it is dropped.  IPv4 across an IPv6 VTI
	 * needs IOS XE's later `tunnel mode ipsec ipv6 v4-overlay` (its
	 * IPsec guide: "IPv6 tunnel mode and IPv4-overlay-IPv6 do not
	 * allow IPv4 addresses"); seed 003's 15.2(1)T has no such keyword
	 * (iosh refuses it as 15.2 does, with the caret) and the seed's
	 * IPv4 address on Tunnel23 carries nothing. */
	if (tp->tp_vti && len > 0 && ((ip[0] >> 4) == 6) !=
	    (tp->tp_rq.rq_lid.id_addr.sa_family == 6))
		return DP_CRYPTO_DROP;
	return ipsec_out_flow(c, tp->tp_srcif, &tp->tp_rq, &tp->tp_peer_addr,
	    tp->tp_hash, &tp->tp_ce, (uint8_t *)(uintptr_t)ip, len);
}

/*
 * The SA database IOS makes for an IPv6 tunnel's policy when it first
 * asks for SAs, as seed 003's initiator prints it before its sa_request
 * (the "%s" is IOS's own, printed as is): the ident's MTU set from a
 * first guess 40 bytes (an IPv6 header) short to the source interface's.
 * IPv4 tunnels' forms are not in the references: not printed.
 */
static void
dbg_sadb_root(struct crypto *c, struct dp_iface *t, struct tun_pol *tp)
{
	const struct ike_request	*rq = &tp->tp_rq;
	char				 l[SA_TEXT_LEN], r[SA_TEXT_LEN];
	char				 lp[64], rp[64];
	unsigned			 mtu = tp->tp_srcif != NULL ?
					    dp_iface_ip_mtu(tp->tp_srcif) : 1500;
	int				 i;

	if (tp->tp_rooted || rq->rq_peer.sa_family != 6 ||
	    !crypto_debug_on(c, CRYPTO_DEBUG_IPSEC))
		return;
	tp->tp_rooted = true;
	sa_text(&rq->rq_local, l);
	sa_text(&rq->rq_peer, r);
	ipsec_ident_fmt(&rq->rq_lid, lp, sizeof(lp));
	ipsec_ident_fmt(&rq->rq_rid, rp, sizeof(rp));
	ike_ipsec_debug(c, "IPSEC(sa ident sadb root initialize created IPv6 "
	    "ACL %%s) : %s-%u-%s-ACL-6-IPSECV6-ACL", rq->rq_map, rq->rq_seq,
	    rq->rq_map);
	/* Not our address: an identifier of the tunnel. */
	ike_ipsec_debug(c, "IPSEC(recalculate_mtu) : reset sadb_root %X mtu "
	    "to %u", 0x7000000u + (unsigned)dp_iface_index(t) * 0x100u, mtu);
	for (i = 0; i < 2; i++) {
		ike_ipsec_debug(c, "IPSEC(adjust_mtu)%s: adjusting %s mtu from "
		    "%u to %u,", i == 0 ? " " : "", i == 0 ? "ident ip" :
		    "path", mtu - 40, mtu);
		ike_ipsec_debug(c, "  (identity) local= %s:0, remote= %s:0,",
		    l, r);
		ike_ipsec_debug(c, "    local_proxy= %s,", lp);
		ike_ipsec_debug(c, "    remote_proxy= %s", rp);
	}
}

/*
 * The tunnel's destination moved: its SAs with the old one go, that
 * peer told, as IOS tears the old crypto session down.  From the poll
 * only (no caller holds a flow then).
 */
static void
tp_drop_stale(struct crypto *c, struct tun_pol *tp)
{
	struct sadb_peer	*pe;
	struct ipsec_flow	*fl, *next;

	tp->tp_stale = false;
	if ((pe = sadb_peer_find(&c->c_sadb, &tp->tp_stale_peer)) == NULL)
		return;
	for (fl = TAILQ_FIRST(&pe->pe_flows); fl != NULL; fl = next) {
		next = TAILQ_NEXT(fl, fl_pentry);
		if (strcmp(fl->fl_ifname, tp->tp_rq.rq_ifname) == 0)
			ipsec_flow_clear(c, fl);
	}
}

bool
ipsec_tunnel_sa(void *arg, struct dp_iface *t, bool start)
{
	struct crypto		*c = arg;
	struct tun_pol		*tp = tp_get(c, t);
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;

	if (tp == NULL)
		return false;
	if (start && tp->tp_stale)
		tp_drop_stale(c, tp);
	fl = ipsec_flow_find_h(c, &tp->tp_rq, &tp->tp_peer_addr, tp->tp_hash);
	if (fl != NULL && (ps = ipsec_flow_out_sa(fl)) != NULL &&
	    ipsec_sa_ready(ps))
		return true;
	/* Both ends of a VTI would begin at once, and two Main Modes
	 * crossing each other's INITIAL-CONTACT take each other down: the
	 * end with the lower address begins, the other only if nothing has
	 * come for TUN_WAIT_POLLS of the dataplane's one-second polls. */
	if (start && (memcmp(tp->tp_rq.rq_local.sa_addr,
	    tp->tp_rq.rq_peer.sa_addr, 16) < 0 ||
	    ++tp->tp_polls > TUN_WAIT_POLLS)) {
		tp->tp_polls = 0;
		if (fl == NULL)
			dbg_sadb_root(c, t, tp);
		ipsec_out_start(c, &tp->tp_rq, &tp->tp_ce);
	}
	return false;
}

bool
ipsec_tunnel_find_entry(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer,
    const struct sa_ident *lid, const struct sa_ident *rid,
    struct ike_request *rq, const struct cmap_entry **entry)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct dp_iface		*ifp;
	struct tun_pol		*tp;

	for (ifp = dp_iface_first(dp); ifp != NULL; ifp = dp_iface_next(ifp)) {
		if (dp_iface_tunnel_protection(ifp) == NULL ||
		    (tp = tp_get(c, ifp)) == NULL ||
		    !sa_addr_eq(&tp->tp_rq.rq_local, local) ||
		    !sa_addr_eq(&tp->tp_rq.rq_peer, peer) ||
		    !ipsec_ident_eq(&tp->tp_rq.rq_lid, lid) ||
		    !ipsec_ident_eq(&tp->tp_rq.rq_rid, rid))
			continue;
		*rq = tp->tp_rq;
		*entry = &tp->tp_ce;
		return true;
	}
	return false;
}

const struct cmap_entry *
ipsec_tunnel_entry(struct crypto *c, const struct ike_request *rq)
{
	struct dp_iface	*t;
	struct tun_pol	*tp;

	if ((t = dp_iface_find(c->c_sys->sy_dp, rq->rq_ifname)) == NULL ||
	    (tp = tp_get(c, t)) == NULL ||
	    strcmp(tp->tp_rq.rq_map, rq->rq_map) != 0)
		return NULL;
	return &tp->tp_ce;
}

void
ipsec_tunnel_received(struct crypto *c, struct ipsec_flow *fl,
    struct dp_iface *in, const uint8_t *ip, size_t len)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct dp_iface		*t = NULL;

	/* A VTI's SA: received on the tunnel.  Others (GRE in ESP too)
	 * as if on the interface it came by. */
	if (ipsec_tunnel_flow(fl))
		t = dp_iface_find(dp, fl->fl_ifname);
	if (t != NULL && dp_iface_tunnel_vti(t) ?
	    dp_tunnel_input(dp, t, ip, len) < 0 :
	    dp_ip_input(dp, in, ip, len) < 0)
		fl->fl_stats.fs_recv_errors++;
}

bool
ipsec_tunnel_req(const struct ike_request *rq)
{
	size_t	n = strlen(rq->rq_ifname);

	return strncmp(rq->rq_ifname, "Tunnel", 6) == 0 &&
	    strncmp(rq->rq_map, rq->rq_ifname, n) == 0 &&
	    strcmp(rq->rq_map + n, "-head-0") == 0;
}

void
ipsec_tunnel_changed(struct crypto *c, const struct ipsec_flow *fl)
{
	if (ipsec_tunnel_flow(fl) &&
	    c->c_sys->sy_dp != NULL)
		dp_tunnel_kick(c->c_sys->sy_dp);
}

void
ipsec_tunnel_flow_idb(struct crypto *c, struct ipsec_flow *fl)
{
	struct dp_iface	*t, *srcif;
	uint32_t	 s, d;
	uint8_t		 s6[16], d6[16];

	/* A tunnel's ESP leaves by its source's interface: the path MTU
	 * and `ip mtu idb` are that one's, as IOS shows (seed 003). */
	if (strncmp(fl->fl_ifname, "Tunnel", 6) == 0 &&
	    (t = dp_iface_find(c->c_sys->sy_dp, fl->fl_ifname)) != NULL &&
	    (dp_iface_tunnel_ends(t, &s, &d, &srcif) ||
	    dp_iface_tunnel_ends6(t, s6, d6, &srcif)) && srcif != NULL) {
		snprintf(fl->fl_idb, sizeof(fl->fl_idb), "%s",
		    dp_iface_name(srcif));
		fl->fl_ip_mtu = fl->fl_mtu = dp_iface_ip_mtu(srcif);
		ipsec_mtu_forget(fl);
	}
}

bool
ipsec_tunnel_map(struct crypto *c, struct dp_iface *t, const struct cmap **cm,
    const struct cmap_entry **ce, struct sa_addr *src, struct sa_addr *dst,
    bool *vti)
{
	struct tun_pol	*tp = tp_get(c, t);

	if (tp == NULL)
		return false;
	*cm = &tp->tp_map;
	*ce = &tp->tp_ce;
	*src = tp->tp_src_addr;
	*dst = tp->tp_dst_addr;
	*vti = tp->tp_vti;
	return true;
}
