/*
 * ipsec_flow: the flows of the SA database as the engine keeps them —
 * found or created for a request, dropped with their SAs, cleared (`clear
 * crypto sa`, telling the peer) and deleted when the peer says so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/system.h"

#define UDP_HDR		8
/* IOS's sibling_flags for a flow from a crypto map ACL (seed 001). */
#define SIBLING_FLAGS	0x80000046

/* The flow key of RQ: its peer and the hash sadb_flow_lookup takes. */
uint32_t
ipsec_flow_key(const struct ike_request *rq, struct sa_addr *peer)
{
	*peer = rq->rq_peer;
	return sadb_flow_hash(rq->rq_ifname, rq->rq_map, peer, &rq->rq_lid,
	    &rq->rq_rid);
}

struct ipsec_flow *
ipsec_flow_find_h(struct crypto *c, const struct ike_request *rq,
    const struct sa_addr *peer, uint32_t h)
{
	return sadb_flow_lookup(&c->c_sadb, h, rq->rq_ifname, rq->rq_map,
	    peer, &rq->rq_lid, &rq->rq_rid);
}

struct ipsec_flow *
ipsec_flow_find(struct crypto *c, const struct ike_request *rq)
{
	struct sa_addr	peer;
	uint32_t	h = ipsec_flow_key(rq, &peer);

	return ipsec_flow_find_h(c, rq, &peer, h);
}

struct ipsec_flow *
ipsec_flow_get(struct crypto *c, const struct ike_request *rq, unsigned pfs)
{
	struct ipsec_flow	*fl;

	if ((fl = ipsec_flow_find(c, rq)) != NULL)
		return fl;
	return ipsec_flow_create(c, rq, pfs);
}

struct ipsec_flow *
ipsec_flow_create(struct crypto *c, const struct ike_request *rq,
    unsigned pfs)
{
	struct ipsec_flow	*fl;

	fl = sadb_flow_new(&c->c_sadb);
	snprintf(fl->fl_ifname, sizeof(fl->fl_ifname), "%s", rq->rq_ifname);
	snprintf(fl->fl_map, sizeof(fl->fl_map), "%s", rq->rq_map);
	snprintf(fl->fl_idb, sizeof(fl->fl_idb), "%s", rq->rq_ifname);
	ipsec_tunnel_flow_idb(c, fl);
	fl->fl_local_addr = rq->rq_local;
	fl->fl_peer = rq->rq_peer;
	fl->fl_peer_port = ISAKMP_PORT;
	fl->fl_lident = rq->rq_lid;
	fl->fl_rident = rq->rq_rid;
	/* A remote peer's flow through a dynamic map has no ACL of ours
	 * behind it: IOS shows it with flags={} (seed 002). */
	fl->fl_from_acl = !rq->rq_dynamic;
	fl->fl_pfs_group = pfs;
	fl->fl_sibling = SIBLING_FLAGS;
	sadb_flow_publish(&c->c_sadb, fl);
	return fl;
}

void
ipsec_flow_drop(struct crypto *c, struct ipsec_flow *fl)
{
	struct ipsec_sa	*ps;

	ipsec_spd_dyn_del(c, fl);
	TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
		ipsec_sa_release(c, ps);
	TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
		ipsec_sa_release(c, ps);
	sadb_flow_free(&c->c_sadb, fl);
}

/*
 * When a NAT's mapping changes (it timed out, or was cleared), the peer
 * behind it reappears on another port; what we send must follow, or it
 * reaches a mapping that no longer exists.  Only the SAs of that ISAKMP
 * SA move, found by their cookies: two peers behind one PAT share the
 * address and differ by port alone.
 */
void
ipsec_natt_follow(struct isakmp_sa *is, struct ipsec_flow *fl, uint16_t port)
{
	struct ipsec_flow	*f;
	struct ipsec_sa		*ps;

	if (fl != NULL)
		fl->fl_peer_port = port;
	if (is == NULL || is->is_lport != ISAKMP_NATT_PORT)
		return;
	is->is_rport = port;
	TAILQ_FOREACH(f, &is->is_pe->pe_flows, fl_pentry)
		if ((ps = TAILQ_LAST(&f->fl_in, ipsec_sa_list)) != NULL &&
		    ps->ps_udp &&
		    memcmp(ps->ps_icookie, is->is_icookie, 8) == 0 &&
		    memcmp(ps->ps_rcookie, is->is_rcookie, 8) == 0)
			f->fl_peer_port = port;
}

/* The peer's first ISAKMP SA with phase 1 complete, NULL if none. */
struct ike_p1 *
ipsec_peer_p1(struct crypto *c, const struct sa_addr *peer)
{
	struct sadb_peer	*pe = sadb_peer_find(&c->c_sadb, peer);
	struct isakmp_sa	*is;
	struct ike_p1		*p, *best = NULL;

	if (pe == NULL)
		return NULL;
	/* One being replaced (a phase-1 rekey) gives way to its successor. */
	TAILQ_FOREACH(is, &pe->pe_isakmp, is_pentry)
		if ((p = is->is_engine) != NULL &&
		    p->p_state == FSM_P1_COMPLETE &&
		    (best == NULL || best->p_replaced || !p->p_replaced))
			best = p;
	return best;
}

/* FL goes, its peer told (each inbound SA's delete, under a live
 * phase 1), as `clear crypto sa` does. */
void
ipsec_flow_clear(struct crypto *c, struct ipsec_flow *fl)
{
	struct ipsec_sa		*ps;
	struct ike_p1		*p;

	TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
		if ((p = ipsec_peer_p1(c, &fl->fl_peer)) != NULL)
			ipsec_sa_delete_notify(p, ps);
	ipsec_flow_drop(c, fl);
}

void
ipsec_clear(struct crypto *c)
{
	struct ipsec_flow	*fl;

	while ((fl = TAILQ_FIRST(&c->c_sadb.db_flows)) != NULL)
		ipsec_flow_clear(c, fl);
}

/*
 * The peer deleted its SA with SPI (ours outbound): that pair goes.  The
 * flow goes with its last pair, as before rekeying existed; a flow with
 * a newer pair (the peer retired the old one after a rekey) stays.
 */
void
ipsec_delete_by_peer_spi(struct crypto *c, const struct sa_addr *peer,
    uint32_t spi)
{
	struct ipsec_flow	*fl, *next;
	struct ipsec_sa		*ps, *in;
	struct ipsec_pair	*pr;
	struct sadb_peer	*pe;

	if ((pe = sadb_peer_find(&c->c_sadb, peer)) == NULL)
		return;
	for (fl = TAILQ_FIRST(&pe->pe_flows); fl != NULL; fl = next) {
		next = TAILQ_NEXT(fl, fl_pentry);
		TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
			if (ps->ps_spi == spi || ps->ps_ah_spi == spi)
				break;
		if (ps == NULL)
			continue;
		pr = ps->ps_expiry;
		if (pr != NULL && pr->pr_in != NULL &&
		    (TAILQ_FIRST(&fl->fl_out) != ps ||
		    TAILQ_NEXT(ps, ps_entry) != NULL)) {
			in = pr->pr_in;
			ipsec_sa_release(c, in);
			sadb_sa_free(&c->c_sadb, in);
			ipsec_sa_release(c, ps);	/* frees PR */
			sadb_sa_free(&c->c_sadb, ps);
		} else
			ipsec_flow_drop(c, fl);
	}
}
