/*
 * ipsec_policy: which crypto map entry a responder's Quick Mode proxies
 * select ("map_db_find_best").
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

bool
ipsec_find_entry(struct crypto *c, uint32_t local, uint32_t peer,
    const struct sa_ident *lid, const struct sa_ident *rid,
    struct ike_request *rq, const struct cmap_entry **entry)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct dp_iface		*ifp;
	const struct cmap	*cm;
	const struct cmap_entry	*ce;
	struct dp_acl		*acl;
	struct dp_rule		 ru;
	uint32_t		 a, m;
	size_t			 i, r;

	for (ifp = dp_iface_first(dp); ifp != NULL; ifp = dp_iface_next(ifp)) {
		if (dp_iface_crypto_map(ifp) == NULL || !dp_iface_ipv4(ifp,
		    &a, &m) || a != local ||
		    (cm = crypto_map_find(c, dp_iface_crypto_map(ifp))) == NULL)
			continue;
		for (i = 0; i < cm->cm_n; i++) {
			ce = cm->cm_entries[i];
			if (ce->ce_acl == NULL || !entry_has_peer(ce, peer) ||
			    (acl = dp_acl_find(dp, ce->ce_acl)) == NULL)
				continue;
			for (r = 0; r < dp_acl_count(acl); r++) {
				if (!dp_acl_rule(acl, r, &ru) ||
				    !rule_is(&ru, lid, rid))
					continue;
				memset(rq, 0, sizeof(*rq));
				snprintf(rq->rq_ifname, sizeof(rq->rq_ifname),
				    "%s", dp_iface_name(ifp));
				snprintf(rq->rq_map, sizeof(rq->rq_map), "%s",
				    cm->cm_name);
				rq->rq_seq = ce->ce_seq;
				rq->rq_local = local;
				rq->rq_peer = peer;
				rq->rq_lid = *lid;
				rq->rq_rid = *rid;
				*entry = ce;
				return true;
			}
		}
	}
	return false;
}
