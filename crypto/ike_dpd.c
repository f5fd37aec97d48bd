/*
 * ike_dpd: dead peer detection (RFC 3706) as `crypto isakmp keepalive
 * SECONDS [RETRY] [periodic|on-demand]` configures it, between peers that
 * both sent the DPD vendor ID.
 *
 * On demand (IOS's default) an R-U-THERE goes out only when we have sent
 * ESP to the peer and heard nothing from it (ESP or IKE) for SECONDS;
 * periodic sends one every SECONDS.  Unanswered, it is sent again every
 * RETRY seconds (2 by default); after five more without an answer the
 * peer is dead: its ISAKMP SA and IPsec SAs go, and the next packet for
 * it starts IKE again.
 */
#include <stdio.h>
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_wire.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"

#define DPD_RETRY_DEFAULT	2
#define DPD_TRIES		5

static void	dpd_tick(void *);

/* The peer's profile's `keepalive` wins over the global one (issue 15:
 * IOS runs DPD for a profile's peers with no `crypto isakmp
 * keepalive`). */
unsigned
ike_dpd_interval(const struct ike_p1 *p)
{
	const struct isakmp_profile	*pr = ike_profile_own(p);

	if (pr != NULL && pr->pr_ka_interval != 0)
		return pr->pr_ka_interval;
	return p->p_c->c_ka_interval;
}

unsigned
ike_dpd_retry(const struct ike_p1 *p)
{
	const struct isakmp_profile	*pr = ike_profile_own(p);

	if (pr != NULL && pr->pr_ka_interval != 0)
		return pr->pr_ka_retry;
	return p->p_c->c_ka_retry ? p->p_c->c_ka_retry : DPD_RETRY_DEFAULT;
}

static void
arm(struct ike_p1 *p, unsigned seconds)
{
	p->p_dpd_timer = evloop_timer_add(p->p_c->c_sys->sy_loop,
	    (uint64_t)seconds * 1000, dpd_tick, p);
}

void
ike_dpd_start(struct ike_p1 *p)
{
	if (ike_dpd_interval(p) == 0 || !p->p_dpd)
		return;
	p->p_rx_ms = clock_mono_ms();
	arm(p, ike_dpd_interval(p));
}

/* On demand: ESP went to the peer since it was last heard of. */
static bool
want_proof(struct ike_p1 *p, uint64_t now)
{
	struct ipsec_flow	*fl;
	uint64_t		 in = p->p_rx_ms, out = 0;

	TAILQ_FOREACH(fl, &p->p_sa->is_pe->pe_flows, fl_pentry) {
		if (fl->fl_last_in_ms > in)
			in = fl->fl_last_in_ms;
		if (fl->fl_last_out_ms > out)
			out = fl->fl_last_out_ms;
	}
	return out > in && now - in >= (uint64_t)ike_dpd_interval(p) * 1000;
}

static void
send_rut(struct ike_p1 *p)
{
	uint8_t	seq[4];
	char	peer[SA_TEXT_LEN];

	p->p_dpd_seq++;
	put32(seq, p->p_dpd_seq);
	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "DPD/R_U_THERE sent to peer %s, sequence "
	    "0x%X", peer, p->p_dpd_seq);
	ike_notify_data(p, ISAKMP_N_DPD_R_U_THERE, seq, sizeof(seq));
	p->p_dpd_out++;
}

/* The peer is gone: what we had with it goes too. */
static void
dead(struct ike_p1 *p)
{
	struct crypto		*c = p->p_c;
	struct ipsec_flow	*fl, *next;
	char			 a[SA_TEXT_LEN];

	sa_text(&p->p_peer, a);
	ike_debug(c, p->p_dbg, "peer %s not responding!", a);
	ike_debug(c, p->p_dbg, "deleting SA reason \"No reason\" state (%s) "
	    "QM_IDLE (peer %s)", p->p_sa->is_initiator ? "I" : "R", a);
	/* P's ISAKMP SA keeps its peer alive through the walk. */
	for (fl = TAILQ_FIRST(&p->p_sa->is_pe->pe_flows); fl != NULL;
	    fl = next) {
		next = TAILQ_NEXT(fl, fl_pentry);
		ipsec_flow_drop(c, fl);
	}
	ike_p1_free(p);
}

static void
dpd_tick(void *arg)
{
	struct ike_p1	*p = arg;
	struct crypto	*c = p->p_c;
	unsigned	 retry = ike_dpd_retry(p);
	uint64_t	 now = clock_mono_ms();

	p->p_dpd_timer = NULL;
	if (p->p_dpd_out > DPD_TRIES) {
		dead(p);
		return;
	}
	if (p->p_dpd_out > 0) {
		send_rut(p);
		arm(p, retry);
		return;
	}
	if (c->c_ka_mode == KA_PERIODIC || want_proof(p, now)) {
		send_rut(p);
		arm(p, retry);
		return;
	}
	arm(p, ike_dpd_interval(p));
}

void
ike_dpd_input(struct ike_p1 *p, const struct isakmp_notify *n)
{
	char		peer[SA_TEXT_LEN];
	uint32_t	seq;

	if (n->n_datalen != 4)
		return;
	seq = get32(n->n_data);
	sa_text(&p->p_peer, peer);
	if (n->n_type == ISAKMP_N_DPD_R_U_THERE) {
		ike_debug(p->p_c, p->p_dbg, "DPD/R_U_THERE received from peer "
		    "%s, sequence 0x%X", peer, seq);
		ike_debug(p->p_c, p->p_dbg, "Sending NOTIFY DPD/R_U_THERE_ACK "
		    "protocol 1");
		ike_notify_data(p, ISAKMP_N_DPD_R_U_THERE_ACK, n->n_data, 4);
		return;
	}
	ike_debug(p->p_c, p->p_dbg, "DPD/R_U_THERE_ACK received from peer %s, "
	    "sequence 0x%X", peer, seq);
	if (seq == p->p_dpd_seq && p->p_dpd_out > 0) {
		p->p_dpd_out = 0;
		if (p->p_dpd_timer != NULL)
			evloop_timer_cancel(p->p_c->c_sys->sy_loop,
			    p->p_dpd_timer);
		arm(p, ike_dpd_interval(p));
	}
}
