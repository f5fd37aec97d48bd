/*
 * ike_proposal: what a negotiation copies out of the configuration when
 * it begins, so that the operator may change or remove any configuration
 * object at any moment: the pre-shared key (Main Mode uses it at MM3/MM4,
 * seconds or retransmissions later) and the crypto map entry's transform
 * sets, PFS group and lifetimes (Quick Mode offers them in QM1 and
 * installs the SAs at QM2).  IOS behaves the same way: a key or a
 * transform set redefined while a negotiation runs is for the next one.
 * Nothing in the engine's state points into struct crypto's objects.
 * A rekey is a new negotiation: it refreshes its request's copy from the
 * configuration of the moment (ipsec_request_refresh).
 */
#include <string.h>

#include "crypto/ike_int.h"

char *
ike_psk_copy(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer)
{
	const char	*key = ike_psk_for(c, local, peer);

	return key != NULL ? xstrdup(key) : NULL;
}

/* A set by value: its transforms and mode; no name, no list links. */
static void
ts_copy(struct transform_set *dst, const struct transform_set *src)
{
	*dst = *src;
	dst->ts_name = NULL;
	memset(&dst->ts_entry, 0, sizeof(dst->ts_entry));
}

void
ipsec_proposal_of(struct crypto *c, const struct cmap_entry *ce,
    struct ike_proposal *op)
{
	const struct transform_set	*ts;
	size_t				 i;

	memset(op, 0, sizeof(*op));
	/* A name with no set behind it is skipped, as before. */
	for (i = 0; i < ce->ce_params.pp_ntsets; i++)
		if ((ts = crypto_transform_find(c,
		    ce->ce_params.pp_tsets[i])) != NULL)
			ts_copy(&op->op_ts[op->op_nts++], ts);
	op->op_pfs = ce->ce_params.pp_pfs;
	ipsec_entry_lifetimes(c, ce, &op->op_life_s, &op->op_life_kb);
	op->op_replay = ipsec_params_replay(c, &ce->ce_params);
}

bool
ipsec_request_refresh(struct crypto *c, struct ike_request *rq)
{
	const struct cmap	*cm = crypto_map_find(c, rq->rq_map);
	const struct cmap_entry	*te;
	size_t			 i;

	if (cm == NULL && (te = ipsec_tunnel_entry(c, rq)) != NULL) {
		ipsec_proposal_of(c, te, &rq->rq_prop);
		return rq->rq_prop.op_nts > 0;
	}

	for (i = 0; cm != NULL && i < cm->cm_n; i++)
		if (cm->cm_entries[i]->ce_seq == rq->rq_seq) {
			ipsec_proposal_of(c, cm->cm_entries[i], &rq->rq_prop);
			return rq->rq_prop.op_nts > 0;
		}
	memset(&rq->rq_prop, 0, sizeof(rq->rq_prop));
	return false;
}
