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
	size_t			 i, j;

	for (i = 0; i < spd->spd_nifs; i++) {
		if ((si = spd->spd_ifs[i]) == NULL)
			continue;
		for (j = 0; j < si->si_n; j++)
			free(si->si_entries[j].se_sels);
		free(si->si_entries);
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

	if (ce->ce_dynamic != NULL || ce->ce_acl == NULL ||
	    ce->ce_npeers == 0 || (se->se_acl = dp_acl_find(dp,
	    ce->ce_acl)) == NULL)
		return false;
	se->se_source = SPD_CRYPTO_MAP;
	se->se_ce = ce;
	rq.rq_seq = ce->ce_seq;
	rq.rq_peer = ce->ce_peers[0];
	n = dp_acl_count(se->se_acl);
	se->se_sels = xcalloc(n, sizeof(*se->se_sels));
	for (i = 0; i < n && dp_acl_rule(se->se_acl, i, &ru); i++)
		sel_compile(&se->se_sels[i], &ru, &rq);
	se->se_nsels = i;
	return true;
}

static struct spd_iface *
iface_compile(struct crypto *c, struct dp_iface *ifp, const struct cmap *cm)
{
	struct spd_iface	*si = xcalloc(1, sizeof(*si));
	struct ike_request	 rq;
	uint32_t		 mask;
	size_t			 i;

	si->si_ifp = ifp;
	si->si_map = cm;
	memset(&rq, 0, sizeof(rq));
	snprintf(rq.rq_ifname, sizeof(rq.rq_ifname), "%s", dp_iface_name(ifp));
	snprintf(rq.rq_map, sizeof(rq.rq_map), "%s", cm->cm_name);
	si->si_has_local = dp_iface_ipv4(ifp, &rq.rq_local, &mask);
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
		    (cm = crypto_map_find(c, name)) != NULL)
			spd->spd_ifs[dp_iface_index(ifp)] =
			    iface_compile(c, ifp, cm);
	spd->spd_valid = true;
	spd->spd_compiles++;
}

const struct spd_iface *
ipsec_spd_iface(struct crypto *c, struct dp_iface *ifp)
{
	struct ipsec_spd	*spd = c->c_spd;
	const struct dataplane	*dp = c->c_sys->sy_dp;
	size_t			 i;

	if (spd == NULL)
		spd = c->c_spd = xcalloc(1, sizeof(*spd));
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
	if (c->c_spd == NULL)
		return;
	spd_clear(c->c_spd);
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

const struct spd_sel *
ipsec_spd_match_in(struct crypto *c, struct dp_iface *ifp, const uint8_t *ip,
    size_t len, const struct spd_entry **entry)
{
	const struct spd_iface	*si;
	const struct spd_entry	*se;
	const struct spd_sel	*ss;
	size_t			 hl, i, j;
	uint32_t		 src, dst;
	uint16_t		 sport = 0, dport = 0;
	uint8_t			 proto;
	bool			 ports = false;

	if (entry != NULL)
		*entry = NULL;
	if (len < 20 || (ip[0] >> 4) != 4 ||
	    (si = ipsec_spd_iface(c, ifp)) == NULL)
		return NULL;
	hl = (size_t)(ip[0] & 15) * 4;
	src = get32(ip + 12);
	dst = get32(ip + 16);
	proto = ip[9];
	/* Ports only in a first fragment, as the ACLs read them. */
	if ((proto == IPPROTO_TCP_NUM || proto == IPPROTO_UDP_NUM) &&
	    ((ip[6] & 0x1f) | ip[7]) == 0 && len >= hl + 4) {
		ports = true;
		sport = (uint16_t)(ip[hl] << 8 | ip[hl + 1]);
		dport = (uint16_t)(ip[hl + 2] << 8 | ip[hl + 3]);
	}
	for (i = 0; i < si->si_n; i++) {
		se = &si->si_entries[i];
		for (j = 0; j < se->se_nsels; j++) {
			ss = &se->se_sels[j];
			if (!sel_mirror(ss, src, dst, proto, ports, sport,
			    dport))
				continue;
			if (!ss->ss_permit)
				break;
			if (entry != NULL)
				*entry = se;
			return ss;
		}
	}
	return NULL;
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
