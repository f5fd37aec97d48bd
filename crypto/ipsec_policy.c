/*
 * ipsec_policy: which crypto map entry a responder's Quick Mode proxies
 * select ("map_db_find_best").  Entries are tried in sequence order: a
 * static one admits its own peers with a rule of its ACL; an
 * `ipsec-isakmp dynamic` one admits any peer that one of its dynamic
 * map's entries admits (the right isakmp profile, and the proxies inside
 * a permit of its ACL when it has one), and the flow takes the proxies
 * the peer proposed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/system.h"

static bool
rule_is(const struct dp_rule *ru, const struct sa_ident *lid,
    const struct sa_ident *rid)
{
	struct sa_ident	s, d;

	ipsec_ident_set(&s, ru->ru_src, ru->ru_src_wild, ru->ru_proto,
	    ru->ru_sport);
	ipsec_ident_set(&d, ru->ru_dst, ru->ru_dst_wild, ru->ru_proto,
	    ru->ru_dport);
	return ru->ru_permit && ipsec_ident_eq(&s, lid) && ipsec_ident_eq(&d, rid);
}

static bool
entry_has_peer(const struct cmap_entry *ce, uint32_t peer)
{
	size_t	i;

	for (i = 0; i < ce->ce_npeers; i++)
		if (ce->ce_peers[i] == peer)
			return true;
	return false;
}

/* The proxies LID (ours) and RID (the peer's) lie inside a permit of
 * ACL: what a dynamic map's `match address` allows. */
static bool
acl_covers(struct dataplane *dp, const char *name, const struct sa_ident *lid,
    const struct sa_ident *rid)
{
	struct dp_acl	*acl = dp_acl_find(dp, name);
	struct dp_rule	 ru;
	uint32_t	 l = get32(lid->id_addr.sa_addr);
	uint32_t	 r = get32(rid->id_addr.sa_addr);
	uint32_t	 lm = lid->id_plen == 0 ? 0 : ~0u << (32 - lid->id_plen);
	uint32_t	 rm = rid->id_plen == 0 ? 0 : ~0u << (32 - rid->id_plen);
	size_t		 i;

	for (i = 0; acl != NULL && i < dp_acl_count(acl); i++) {
		if (!dp_acl_rule(acl, i, &ru) || !ru.ru_permit ||
		    (ru.ru_proto != 0 && ru.ru_proto != lid->id_proto))
			continue;
		/* Each proxy's network inside the rule's, no wider. */
		if ((~ru.ru_src_wild & ~lm) == 0 && (~ru.ru_dst_wild & ~rm) ==
		    0 && (l & ~ru.ru_src_wild) == (ru.ru_src & ~ru.ru_src_wild) &&
		    (r & ~ru.ru_dst_wild) == (ru.ru_dst & ~ru.ru_dst_wild))
			return true;
	}
	return false;
}

/* The entry of dynamic map NAME that admits a peer matched by PROFILE
 * ("" none) proposing LID/RID, in sequence order; NULL if none. */
static const struct cmap_entry *
dynamic_entry(struct crypto *c, const char *name, const char *profile,
    const struct sa_ident *lid, const struct sa_ident *rid)
{
	const struct cmap	*dm = crypto_dynmap_find(c, name);
	const struct cmap_entry	*de;
	const char		*want;
	size_t			 i;

	for (i = 0; dm != NULL && i < dm->cm_n; i++) {
		de = dm->cm_entries[i];
		want = de->ce_params.pp_isakmp_profile;
		if (want != NULL && strcmp(want, profile) != 0)
			continue;
		if (de->ce_acl != NULL && !acl_covers(c->c_sys->sy_dp,
		    de->ce_acl, lid, rid))
			continue;
		return de;
	}
	return NULL;
}

static void
request_set(struct ike_request *rq, struct dp_iface *ifp,
    const struct cmap *cm, const struct cmap_entry *ce,
    const struct sa_addr *local, const struct sa_addr *peer,
    const struct sa_ident *lid, const struct sa_ident *rid)
{
	memset(rq, 0, sizeof(*rq));
	snprintf(rq->rq_ifname, sizeof(rq->rq_ifname), "%s",
	    dp_iface_name(ifp));
	snprintf(rq->rq_map, sizeof(rq->rq_map), "%s", cm->cm_name);
	rq->rq_seq = ce->ce_seq;
	rq->rq_local = *local;
	rq->rq_peer = *peer;
	rq->rq_lid = *lid;
	rq->rq_rid = *rid;
}

bool
ipsec_find_entry(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer, const char *profile, const struct sa_ident *lid, const struct sa_ident *rid,
    struct ike_request *rq, const struct cmap_entry **entry)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct dp_iface		*ifp;
	const struct cmap	*cm;
	const struct cmap_entry	*ce, *de;
	struct dp_acl		*acl;
	struct dp_rule		 ru;
	uint32_t		 a, m;
	size_t			 i, r;

	/* A tunnel's policy first: its proxies are its own. */
	if (ipsec_tunnel_find_entry(c, local, peer, lid, rid, rq, entry))
		return true;
	/* Crypto maps are IPv4's (`set peer A.B.C.D`). */
	if (local->sa_family == 6 || peer->sa_family == 6)
		return false;
	for (ifp = dp_iface_first(dp); ifp != NULL; ifp = dp_iface_next(ifp)) {
		if (dp_iface_crypto_map(ifp) == NULL || !dp_iface_ipv4(ifp,
		    &a, &m) || a != sa_addr_get4(local) ||
		    (cm = crypto_map_find(c, dp_iface_crypto_map(ifp))) == NULL)
			continue;
		for (i = 0; i < cm->cm_n; i++) {
			ce = cm->cm_entries[i];
			if (ce->ce_dynamic != NULL && (de = dynamic_entry(c,
			    ce->ce_dynamic, profile, lid, rid)) != NULL) {
				request_set(rq, ifp, cm, ce, local, peer, lid,
				    rid);
				rq->rq_dynamic = true;
				rq->rq_rri = de->ce_rri;
				*entry = de;
				return true;
			}
			if (ce->ce_acl == NULL || !entry_has_peer(ce, sa_addr_get4(peer)) ||
			    (acl = dp_acl_find(dp, ce->ce_acl)) == NULL)
				continue;
			for (r = 0; r < dp_acl_count(acl); r++) {
				if (!dp_acl_rule(acl, r, &ru) ||
				    !rule_is(&ru, lid, rid))
					continue;
				request_set(rq, ifp, cm, ce, local, peer, lid,
				    rid);
				*entry = ce;
				return true;
			}
		}
	}
	return false;
}
