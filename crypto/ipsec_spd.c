/*
 * ipsec_spd: the security policy database compiled from the crypto maps
 * on interfaces (ipsec_spd.h), and the inbound question "must this
 * cleartext packet have come under IPsec?".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ipsec_spd.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/system.h"
#include "lib/xalloc.h"

#define IPPROTO_TCP_NUM	6
#define IPPROTO_UDP_NUM	17

static void
spd_clear(struct ipsec_spd *spd)
{
	struct spd_iface	*si;
	struct spd_dyn		*sd;
	size_t			 i, j;

	/* The dynamic flows stay; their interfaces' lists go. */
	TAILQ_FOREACH(sd, &spd->spd_dyn, sd_entry)
		sd->sd_si = NULL;
	for (i = 0; i < spd->spd_nifs; i++) {
		if ((si = spd->spd_ifs[i]) == NULL)
			continue;
		for (j = 0; j < si->si_n; j++)
			free(si->si_entries[j].se_sels);
		free(si->si_entries);
		chash_free(&si->si_dyn_hash);
		free(si);
	}
	free(spd->spd_ifs);
	spd->spd_ifs = NULL;
	spd->spd_nifs = spd->spd_nentries = spd->spd_nsels = 0;
	spd->spd_valid = false;
}

static void
sel_compile(struct spd_sel *ss, const struct dp_rule *ru,
    const struct ike_request *base)
{
	ss->ss_permit = ru->ru_permit;
	ss->ss_proto = ru->ru_proto;
	ss->ss_src = ru->ru_src;
	ss->ss_src_wild = ru->ru_src_wild;
	ss->ss_dst = ru->ru_dst;
	ss->ss_dst_wild = ru->ru_dst_wild;
	ss->ss_sport_lo = ru->ru_sport_lo;
	ss->ss_sport_hi = ru->ru_sport_hi;
	ss->ss_sport_neq = ru->ru_sport_neq;
	ss->ss_dport_lo = ru->ru_dport_lo;
	ss->ss_dport_hi = ru->ru_dport_hi;
	ss->ss_dport_neq = ru->ru_dport_neq;
	/* The proxies of the flow, as the packet path made them before. */
	ss->ss_rq = *base;
	ipsec_ident_set(&ss->ss_rq.rq_lid, ru->ru_src, ru->ru_src_wild,
	    ru->ru_proto, ru->ru_sport);
	ipsec_ident_set(&ss->ss_rq.rq_rid, ru->ru_dst, ru->ru_dst_wild,
	    ru->ru_proto, ru->ru_dport);
	ss->ss_flow_hash = ipsec_flow_key(&ss->ss_rq, &ss->ss_peer);
}

/* An entry protects when it is static, matches an ACL that exists and
 * names a peer: what the packet path has always skipped otherwise. */
static bool
entry_compile(struct crypto *c, struct spd_entry *se,
    const struct cmap_entry *ce, const struct ike_request *iface_rq)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct ike_request	 rq = *iface_rq;
	struct dp_rule		 ru;
	size_t			 i, n;

	if (ce->ce_dynamic != NULL) {
		/* Its flows come and go with remote peers (si_dyn). */
		se->se_source = SPD_DYNAMIC_MAP;
		se->se_ce = ce;
		return true;
	}
	if (ce->ce_acl == NULL ||
	    ce->ce_npeers == 0 || (se->se_acl = dp_acl_find(dp,
	    ce->ce_acl)) == NULL)
		return false;
	se->se_source = SPD_CRYPTO_MAP;
	se->se_ce = ce;
	rq.rq_seq = ce->ce_seq;
	sa_addr_v4(&rq.rq_peer, ce->ce_peers[0]);
	n = dp_acl_count(se->se_acl);
	se->se_sels = xcalloc(n, sizeof(*se->se_sels));
	for (i = 0; i < n && dp_acl_rule(se->se_acl, i, &ru); i++) {
		sel_compile(&se->se_sels[i], &ru, &rq);
		se->se_sels[i].ss_se = se;
	}
	se->se_nsels = i;
	return true;
}

/* ---- The dynamic flows of an interface, indexed by remote proxy. ---- */

static size_t
dyn_hash(uint32_t net, unsigned plen)
{
	uint64_t	v = ((uint64_t)net << 6 | plen) * 0x9E3779B97F4A7C15ULL;

	return (size_t)(v ^ (v >> 32));
}

static size_t
dyn_key(const void *e)
{
	const struct spd_dyn	*sd = e;

	return dyn_hash(sd->sd_sel.ss_dst, sd->sd_plen);
}

/* SD at the end of SI's list and in its index. */
static void
dyn_hang(struct spd_iface *si, struct spd_dyn *sd)
{
	TAILQ_INSERT_TAIL(&si->si_dyn, sd, sd_ientry);
	sd->sd_si = si;
	sd->sd_order = si->si_dyn_order++;
	chash_insert(&si->si_dyn_hash, sd);
	si->si_dyn_plens[sd->sd_plen]++;
}

static void
dyn_unhang(struct spd_dyn *sd)
{
	struct spd_iface	*si = sd->sd_si;

	TAILQ_REMOVE(&si->si_dyn, sd, sd_ientry);
	chash_remove(&si->si_dyn_hash, sd);
	si->si_dyn_plens[sd->sd_plen]--;
	sd->sd_si = NULL;
}

/*
 * The first of SI's dynamic flows (in list order, as a walk would find
 * it) whose selector matches with sel_mirror(REMOTE, LOCAL, ...):
 * REMOTE must fall in its remote proxy, so only the chain of REMOTE's
 * prefix is read, for each prefix length in use.
 */
static bool	sel_mirror(const struct spd_sel *, uint32_t, uint32_t, uint8_t,
		    bool, uint16_t, uint16_t);

static const struct spd_dyn *
dyn_find(const struct spd_iface *si, uint32_t remote, uint32_t local,
    uint8_t proto, bool ports, uint16_t rport, uint16_t lport)
{
	const struct spd_dyn	*sd, *best = NULL;
	unsigned		 plen;
	uint32_t		 net;

	for (plen = 0; plen <= 32; plen++) {
		if (si->si_dyn_plens[plen] == 0)
			continue;
		net = remote & ipsec_plen_mask(plen);
		for (sd = chash_first(&si->si_dyn_hash, dyn_hash(net, plen));
		    sd != NULL; sd = sd->sd_hnext)
			if (sd->sd_plen == plen && sd->sd_sel.ss_dst == net &&
			    (best == NULL || sd->sd_order < best->sd_order) &&
			    sel_mirror(&sd->sd_sel, remote, local, proto,
			    ports, rport, lport))
				best = sd;
	}
	return best;
}

static struct spd_iface *
iface_compile(struct crypto *c, struct dp_iface *ifp, const struct cmap *cm)
{
	struct spd_iface	*si = xcalloc(1, sizeof(*si));
	struct ike_request	 rq;
	uint32_t		 mask, local;
	size_t			 i;

	si->si_ifp = ifp;
	si->si_map = cm;
	TAILQ_INIT(&si->si_dyn);
	chash_init(&si->si_dyn_hash, offsetof(struct spd_dyn, sd_hnext),
	    dyn_key);
	memset(&rq, 0, sizeof(rq));
	snprintf(rq.rq_ifname, sizeof(rq.rq_ifname), "%s", dp_iface_name(ifp));
	snprintf(rq.rq_map, sizeof(rq.rq_map), "%s", cm->cm_name);
	si->si_has_local = dp_iface_ipv4(ifp, &local, &mask);
	sa_addr_v4(&rq.rq_local, local);
	si->si_entries = xcalloc(cm->cm_n, sizeof(*si->si_entries));
	for (i = 0; i < cm->cm_n; i++)
		if (entry_compile(c, &si->si_entries[si->si_n],
		    cm->cm_entries[i], &rq)) {
			c->c_spd->spd_nsels += si->si_entries[si->si_n].se_nsels;
			si->si_n++;
		}
	c->c_spd->spd_nentries += si->si_n;
	return si;
}

/* The dynamic flows made under SI's interface and map hang on it. */
static void
iface_link_dyn(struct ipsec_spd *spd, struct spd_iface *si)
{
	struct spd_dyn	*sd;

	TAILQ_FOREACH(sd, &spd->spd_dyn, sd_entry)
		if (sd->sd_si == NULL && strcmp(sd->sd_sel.ss_rq.rq_ifname,
		    dp_iface_name(si->si_ifp)) == 0 &&
		    strcmp(sd->sd_sel.ss_rq.rq_map, si->si_map->cm_name) == 0)
			dyn_hang(si, sd);
}

static struct ipsec_spd *
spd_get(struct crypto *c)
{
	if (c->c_spd == NULL) {
		c->c_spd = xcalloc(1, sizeof(*c->c_spd));
		TAILQ_INIT(&c->c_spd->spd_dyn);
	}
	return c->c_spd;
}

static void
spd_compile(struct crypto *c)
{
	struct ipsec_spd	*spd = c->c_spd;
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct dp_iface		*ifp;
	const struct cmap	*cm;
	const char		*name;

	spd_clear(spd);
	spd->spd_dp = dp;
	spd->spd_dp_gen = dp_generation(dp);
	spd->spd_cfg_gen = c->c_cfg_gen;
	spd->spd_nifs = dp_iface_count(dp);
	spd->spd_ifs = xcalloc(spd->spd_nifs, sizeof(*spd->spd_ifs));
	for (ifp = dp_iface_first(dp); ifp != NULL; ifp = dp_iface_next(ifp))
		if ((name = dp_iface_crypto_map(ifp)) != NULL &&
		    (cm = crypto_map_find(c, name)) != NULL) {
			spd->spd_ifs[dp_iface_index(ifp)] =
			    iface_compile(c, ifp, cm);
			iface_link_dyn(spd, spd->spd_ifs[dp_iface_index(ifp)]);
		}
	spd->spd_valid = true;
	spd->spd_compiles++;
}

const struct spd_iface *
ipsec_spd_iface(struct crypto *c, struct dp_iface *ifp)
{
	struct ipsec_spd	*spd = spd_get(c);
	const struct dataplane	*dp = c->c_sys->sy_dp;
	size_t			 i;

	if (!spd->spd_valid || spd->spd_dp != dp ||
	    spd->spd_dp_gen != dp_generation(dp) ||
	    spd->spd_cfg_gen != c->c_cfg_gen)
		spd_compile(c);
	i = dp_iface_index(ifp);
	return i < spd->spd_nifs ? spd->spd_ifs[i] : NULL;
}

void
ipsec_spd_free(struct crypto *c)
{
	struct spd_dyn	*sd;

	if (c->c_spd == NULL)
		return;
	spd_clear(c->c_spd);
	while ((sd = TAILQ_FIRST(&c->c_spd->spd_dyn)) != NULL) {
		sd->sd_flow->fl_dyn = NULL;
		TAILQ_REMOVE(&c->c_spd->spd_dyn, sd, sd_entry);
		free(sd);
	}
	free(c->c_spd);
	c->c_spd = NULL;
}

/* ---- Inbound. ---- */

static bool
port_in(uint16_t p, uint16_t lo, uint16_t hi, bool neq)
{
	return neq ? p != lo : p >= lo && p <= hi;
}

/* SS matches the packet with source and destination swapped. */
static bool
sel_mirror(const struct spd_sel *ss, uint32_t src, uint32_t dst,
    uint8_t proto, bool ports, uint16_t sport, uint16_t dport)
{
	if ((dst & ~ss->ss_src_wild) != (ss->ss_src & ~ss->ss_src_wild) ||
	    (src & ~ss->ss_dst_wild) != (ss->ss_dst & ~ss->ss_dst_wild))
		return false;
	if (ss->ss_proto != 0 && ss->ss_proto != proto)
		return false;
	if (ports && (ss->ss_proto == IPPROTO_TCP_NUM ||
	    ss->ss_proto == IPPROTO_UDP_NUM) &&
	    (!port_in(dport, ss->ss_sport_lo, ss->ss_sport_hi,
	    ss->ss_sport_neq) || !port_in(sport, ss->ss_dport_lo,
	    ss->ss_dport_hi, ss->ss_dport_neq)))
		return false;
	return true;
}

/* What a selector reads of an IPv4 packet (LEN >= 20). */
struct pkt_fields {
	uint32_t	pk_src, pk_dst;
	uint16_t	pk_sport, pk_dport;
	uint8_t		pk_proto;
	bool		pk_ports;	/* TCP/UDP ports read */
};

static void
pkt_fields(const uint8_t *ip, size_t len, struct pkt_fields *pk)
{
	size_t	hl = (size_t)(ip[0] & 15) * 4;

	memset(pk, 0, sizeof(*pk));
	pk->pk_src = get32(ip + 12);
	pk->pk_dst = get32(ip + 16);
	pk->pk_proto = ip[9];
	/* Ports only in a first fragment, as the ACLs read them. */
	if ((pk->pk_proto == IPPROTO_TCP_NUM ||
	    pk->pk_proto == IPPROTO_UDP_NUM) &&
	    ((ip[6] & 0x1f) | ip[7]) == 0 && len >= hl + 4) {
		pk->pk_ports = true;
		pk->pk_sport = get16(ip + hl);
		pk->pk_dport = get16(ip + hl + 2);
	}
}

const struct spd_sel *
ipsec_spd_match_in(struct crypto *c, struct dp_iface *ifp, const uint8_t *ip,
    size_t len, const struct spd_entry **entry)
{
	const struct spd_iface	*si;
	const struct spd_entry	*se;
	const struct spd_sel	*ss;
	const struct spd_dyn	*sd;
	struct pkt_fields	 pk;
	size_t			 i, j;

	if (entry != NULL)
		*entry = NULL;
	if (len < 20 || (ip[0] >> 4) != 4 ||
	    (si = ipsec_spd_iface(c, ifp)) == NULL)
		return NULL;
	pkt_fields(ip, len, &pk);
	for (i = 0; i < si->si_n; i++) {
		se = &si->si_entries[i];
		for (j = 0; j < se->se_nsels; j++) {
			ss = &se->se_sels[j];
			if (!sel_mirror(ss, pk.pk_src, pk.pk_dst, pk.pk_proto,
			    pk.pk_ports, pk.pk_sport, pk.pk_dport))
				continue;
			if (!ss->ss_permit)
				break;
			if (entry != NULL)
				*entry = se;
			return ss;
		}
	}
	/* A remote peer's flow through the map's dynamic entry is policy
	 * like a static entry's from the moment its SAs are installed:
	 * the client's assigned address or the spoke's protected network
	 * arriving in clear is what should have come through ESP. */
	if ((sd = dyn_find(si, pk.pk_src, pk.pk_dst, pk.pk_proto,
	    pk.pk_ports, pk.pk_sport, pk.pk_dport)) != NULL)
		return &sd->sd_sel;
	return NULL;
}

/* ---- Flows of remote peers (dynamic maps). ---- */

static uint32_t
ident_wild(const struct sa_ident *id)
{
	return id->id_plen == 0 ? ~0u : id->id_plen >= 32 ? 0 :
	    ~0u >> id->id_plen;
}

void
ipsec_spd_dyn_add(struct crypto *c, struct ipsec_flow *fl,
    const struct ike_request *rq)
{
	struct ipsec_spd	*spd = spd_get(c);
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct spd_dyn		*sd;
	struct spd_sel		*ss;
	struct dp_iface		*ifp;
	struct spd_iface	*si;
	size_t			 i;

	if (fl->fl_dyn != NULL)
		return;		/* a rekey: the policy is there */
	sd = xcalloc(1, sizeof(*sd));
	ss = &sd->sd_sel;
	ss->ss_permit = true;
	ss->ss_proto = rq->rq_lid.id_proto;
	ss->ss_src_wild = ident_wild(&rq->rq_lid);
	ss->ss_src = get32(rq->rq_lid.id_addr.sa_addr) & ~ss->ss_src_wild;
	ss->ss_dst_wild = ident_wild(&rq->rq_rid);
	ss->ss_dst = get32(rq->rq_rid.id_addr.sa_addr) & ~ss->ss_dst_wild;
	ss->ss_sport_lo = rq->rq_lid.id_port;
	ss->ss_sport_hi = rq->rq_lid.id_port != 0 ? rq->rq_lid.id_port :
	    0xffff;
	ss->ss_dport_lo = rq->rq_rid.id_port;
	ss->ss_dport_hi = rq->rq_rid.id_port != 0 ? rq->rq_rid.id_port :
	    0xffff;
	sd->sd_plen = 32 - (unsigned)__builtin_popcount(ss->ss_dst_wild);
	ss->ss_rq = *rq;
	ss->ss_flow_hash = ipsec_flow_key(rq, &ss->ss_peer);
	sd->sd_flow = fl;
	sd->sd_seq = rq->rq_seq;
	fl->fl_dyn = sd;
	TAILQ_INSERT_TAIL(&spd->spd_dyn, sd, sd_entry);
	spd->spd_ndyn++;
	/* Hung on its interface now if the compiled SPD is current. */
	if (spd->spd_valid && dp != NULL &&
	    (ifp = dp_iface_find(dp, rq->rq_ifname)) != NULL &&
	    (i = dp_iface_index(ifp)) < spd->spd_nifs &&
	    (si = spd->spd_ifs[i]) != NULL &&
	    strcmp(si->si_map->cm_name, rq->rq_map) == 0)
		dyn_hang(si, sd);
	/* Reverse route injection: the remote proxy via the peer. */
	if (rq->rq_rri && dp != NULL) {
		sd->sd_rri_net = ss->ss_dst;
		sd->sd_rri_len = rq->rq_rid.id_plen;
		sd->sd_rri_nh = sa_addr_get4(&rq->rq_peer);
		sd->sd_rri = dp_route_inject(dp, sd->sd_rri_net,
		    sd->sd_rri_len, sd->sd_rri_nh, true);
	}
}

void
ipsec_spd_dyn_del(struct crypto *c, struct ipsec_flow *fl)
{
	struct spd_dyn	*sd = fl->fl_dyn;

	if (sd == NULL || c->c_spd == NULL)
		return;
	if (sd->sd_rri && c->c_sys->sy_dp != NULL)
		(void)dp_route_inject(c->c_sys->sy_dp, sd->sd_rri_net,
		    sd->sd_rri_len, sd->sd_rri_nh, false);
	if (sd->sd_si != NULL)
		dyn_unhang(sd);
	TAILQ_REMOVE(&c->c_spd->spd_dyn, sd, sd_entry);
	c->c_spd->spd_ndyn--;
	fl->fl_dyn = NULL;
	free(sd);
}

/*
 * The packet against SI's dynamic flows, forward (local proxy to
 * remote): the chains of its destination's prefixes in SI's index.
 */
const struct spd_dyn *
ipsec_spd_dyn_match(const struct spd_iface *si, const uint8_t *ip,
    size_t len)
{
	struct pkt_fields	 pk;

	if (TAILQ_EMPTY(&si->si_dyn) || len < 20)
		return NULL;
	pkt_fields(ip, len, &pk);
	/* sel_mirror with the packet's ends swapped is the forward match. */
	return dyn_find(si, pk.pk_dst, pk.pk_src, pk.pk_proto, pk.pk_ports,
	    pk.pk_dport, pk.pk_sport);
}

struct ipsec_flow *
ipsec_spd_flow(struct crypto *c, const struct spd_sel *ss)
{
	/* The SPD hands out its selectors read-only; the memo is the
	 * one field the packet path writes (the selector was allocated
	 * writable by compile). */
	struct spd_sel	*m = (struct spd_sel *)(uintptr_t)ss;
	uint64_t	 gen = c->c_sadb.db_flow_gen + 1;

	if (m->ss_flow_gen != gen) {
		m->ss_flow = ipsec_flow_find_h(c, &ss->ss_rq, &ss->ss_peer,
		    ss->ss_flow_hash);
		m->ss_flow_gen = gen;
	}
	return m->ss_flow;
}
