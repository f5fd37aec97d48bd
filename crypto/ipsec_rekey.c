/*
 * ipsec_rekey: a pair of SAs replaced before it expires, so that steady
 * traffic loses nothing.
 *
 * IOS negotiates the successor "30 seconds before the seconds lifetime
 * expires or when the traffic volume reaches 90 percent of the kilobytes
 * lifetime, whichever occurs first", and not at all for an SA that
 * carried no traffic in its whole life (the next packet negotiates
 * then).  Those are the margins here.  IOS lets either side rekey; here
 * the side whose Quick Mode made the pair does (both sides hold the same
 * lifetimes, and one side asking avoids two successors), watching the
 * bytes of both its SAs, so a one-way flow rekeys whichever way it runs.
 *
 * Once the successor is installed, new outbound traffic takes it at once;
 * the old inbound SA goes on accepting what was in flight, and the old
 * pair is deleted (the peer told) REKEY_DELETE_MS later.  A responder
 * keeps its new outbound SA in standby until the peer shows it has the
 * pair (QM3, or ESP received on it), so a packet never leaves on an SA
 * the peer cannot read yet.
 */
#include <stdlib.h>

#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "lib/evloop.h"
#include "lib/system.h"

#define SOFT_MARGIN_S		30	/* IOS: 30 s before the lifetime */
#define SOFT_VOLUME_PCT		90	/* IOS: at 90% of the kilobytes */
/* The old pair, after its successor: what was sent on it is in. */
#define REKEY_DELETE_MS		5000
/* No ISAKMP SA up to ask over (phase 1 being renegotiated): again in. */
#define REKEY_RETRY_MS		1000

static void	soft_expired(void *);

static bool
is_current(struct ipsec_pair *pr)
{
	return pr->pr_out != NULL &&
	    ipsec_flow_out_sa(pr->pr_flow) == pr->pr_out;
}

/* A Main Mode of ours to the peer under way (it will carry a request). */
static bool
mm_under_way(struct crypto *c, const struct sa_addr *peer)
{
	struct sadb_peer	*pe;
	struct isakmp_sa	*is;
	struct ike_p1		*p;

	if ((pe = sadb_peer_find(&c->c_sadb, peer)) == NULL)
		return false;
	TAILQ_FOREACH(is, &pe->pe_isakmp, is_pentry)
		if ((p = is->is_engine) != NULL && is->is_initiator &&
		    p->p_state != FSM_P1_COMPLETE)
			return true;
	return false;
}

/* Quick Mode for the pair's flow again, over the phase 1 in use. */
static void
rekey_start(struct ipsec_pair *pr)
{
	struct crypto	*c = pr->pr_c;
	struct ike_p1	*p = ipsec_peer_p1(c, &pr->pr_flow->fl_peer);

	/* The successor offers what the entry says now; with the entry
	 * gone there is none (asked once: not again per packet), and the
	 * pair lives to its hard lifetime. */
	if (!ipsec_request_refresh(c, &pr->pr_req)) {
		pr->pr_rekeying = true;
		return;
	}
	if (p != NULL) {
		pr->pr_rekeying = true;
		ike_qm_initiate(p, &pr->pr_req);
	} else if (!mm_under_way(c, &pr->pr_flow->fl_peer)) {
		pr->pr_rekeying = true;
		ike_initiate(c, &pr->pr_req);
	} else if (pr->pr_soft == NULL)
		pr->pr_soft = evloop_timer_add(c->c_sys->sy_loop,
		    REKEY_RETRY_MS, soft_expired, pr);
}

static void
soft_expired(void *arg)
{
	struct ipsec_pair	*pr = arg;

	pr->pr_soft = NULL;
	if (pr->pr_rekeying || !is_current(pr))
		return;
	/* IOS: an SA that never carried traffic is not renegotiated —
	 * except a tunnel interface's, whose line protocol is its SAs'. */
	if (!ipsec_tunnel_flow(pr->pr_flow) && pr->pr_out->ps_bytes == 0 &&
	    (pr->pr_in == NULL || pr->pr_in->ps_bytes == 0))
		return;
	rekey_start(pr);
}

void
ipsec_rekey_arm(struct ipsec_pair *pr, uint32_t life_s, uint64_t life_kb)
{
	if (!pr->pr_initiator)
		return;
	pr->pr_soft_kb = life_kb / 100 * SOFT_VOLUME_PCT +
	    life_kb % 100 * SOFT_VOLUME_PCT / 100;
	pr->pr_soft = evloop_timer_add(pr->pr_c->c_sys->sy_loop,
	    (uint64_t)(life_s > SOFT_MARGIN_S ? life_s - SOFT_MARGIN_S :
	    life_s / 2) * 1000, soft_expired, pr);
}

static void
old_pair_done(void *arg)
{
	struct ipsec_pair	*pr = arg;

	pr->pr_del = NULL;
	ipsec_pair_delete(pr);
}

void
ipsec_rekey_installed(struct ipsec_pair *old, struct ipsec_pair *new)
{
	struct crypto	*c = new->pr_c;

	if (!new->pr_initiator) {
		/* The peer switches when it has QM2; we when it shows it. */
		new->pr_standby = true;
		c->c_sadb.db_sa_gen++;
		return;
	}
	old->pr_rekeying = true;
	evloop_timer_cancel(c->c_sys->sy_loop, old->pr_soft);
	old->pr_soft = NULL;
	if (old->pr_del == NULL)
		old->pr_del = evloop_timer_add(c->c_sys->sy_loop,
		    REKEY_DELETE_MS, old_pair_done, old);
}

void
ipsec_rekey_volume(struct ipsec_sa *ps)
{
	struct ipsec_pair	*pr = ps->ps_expiry;

	if (pr == NULL || !pr->pr_initiator || pr->pr_rekeying ||
	    pr->pr_soft_kb == 0 || ps->ps_bytes / 1024 < pr->pr_soft_kb ||
	    !is_current(pr))
		return;
	rekey_start(pr);
}

uint64_t
ipsec_rekey_volume_from(const struct ipsec_sa *ps)
{
	const struct ipsec_pair	*pr = ps->ps_expiry;

	/* ipsec_rekey_volume's ps_bytes / 1024 < pr_soft_kb, in bytes. */
	if (pr == NULL || pr->pr_soft_kb == 0 ||
	    pr->pr_soft_kb > UINT64_MAX / 1024)
		return UINT64_MAX;
	return pr->pr_soft_kb * 1024;
}

void
ipsec_rekey_confirmed(struct ipsec_sa *ps)
{
	struct ipsec_pair	*pr = ps->ps_expiry;

	if (pr != NULL && pr->pr_standby) {
		pr->pr_standby = false;
		pr->pr_c->c_sadb.db_sa_gen++;
	}
}
