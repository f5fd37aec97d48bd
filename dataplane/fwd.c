/*
 * fwd: the packet path's state (link output buffer, ARP cache, echo
 * listeners, UDP endpoints, the crypto hook), and the queue that hands
 * the router's packets for itself back through the event loop — a ping
 * to one of its own addresses is answered as a packet received, never by
 * recursion inside the sender.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/evloop.h"
#include "lib/system.h"
#include "lib/xalloc.h"

struct local_pkt {
	struct local_pkt	*lp_next;
	size_t			 lp_len;
	uint8_t			 lp_data[];
};

void
fwd_init(struct dataplane *dp)
{
	struct fwd	*f = xcalloc(1, sizeof(*f));

	f->f_arp = xcalloc(ARP_HASH, sizeof(*f->f_arp));
	f->f_localq_tail = &f->f_localq;
	dp->d_fwd = f;
}

void
fwd_free(struct dataplane *dp)
{
	struct fwd		*f = dp->d_fwd;
	struct local_pkt	*lp;

	if (f == NULL)
		return;
	if (f->f_local_timer != NULL)
		evloop_timer_cancel(dp->d_sys->sy_loop, f->f_local_timer);
	if (f->f_acl_timer != NULL)
		evloop_timer_cancel(dp->d_sys->sy_loop, f->f_acl_timer);
	while ((lp = f->f_localq) != NULL) {
		f->f_localq = lp->lp_next;
		free(lp);
	}
	arp_free_all(dp);
	nd_flush(dp, NULL);
	icmp_free_all(dp);
	reasm_free(dp);
	free(f->f_arp);
	free(f->f_udp);
	free(f->f_acl_log);
	free(f->f_frame);
	free(f->f_fwdbuf);
	free(f->f_outbuf);
	free(f->f_fragbuf);
	free(f->f_tunbuf);
	free(f);
	dp->d_fwd = NULL;
}

static void
fwd_local_run(void *arg)
{
	struct dataplane	*dp = arg;
	struct fwd		*f = dp->d_fwd;
	struct local_pkt	*lp, *batch = f->f_localq;

	/* What this batch sends to itself waits for the next turn. */
	f->f_local_timer = NULL;
	f->f_localq = NULL;
	f->f_localq_tail = &f->f_localq;
	while ((lp = batch) != NULL) {
		batch = lp->lp_next;
		if ((lp->lp_data[0] >> 4) == 6)
			ip6_input(dp, NULL, lp->lp_data, lp->lp_len);
		else
			ip4_input(dp, NULL, lp->lp_data, lp->lp_len);
		free(lp);
	}
}

void
fwd_local(struct dataplane *dp, const uint8_t *ip, size_t len)
{
	struct fwd		*f = dp->d_fwd;
	struct local_pkt	*lp;

	lp = xmalloc(sizeof(*lp) + len);
	lp->lp_next = NULL;
	lp->lp_len = len;
	memcpy(lp->lp_data, ip, len);
	*f->f_localq_tail = lp;
	f->f_localq_tail = &lp->lp_next;
	if (f->f_local_timer == NULL)
		f->f_local_timer = evloop_timer_add(dp->d_sys->sy_loop, 0,
		    fwd_local_run, dp);
}

void
dp_crypto_register(struct dataplane *dp, const struct dp_crypto_ops *ops,
    void *arg)
{
	dp->d_fwd->f_crypto = ops;
	dp->d_fwd->f_crypto_arg = ops != NULL ? arg : NULL;
	/* The cached decisions are the old owner's cookies. */
	if (ops == NULL)
		dp->d_fwd->f_crypto_gen = NULL;
	fc_flush(dp);
}

/* Crypto's packets go out one at a time (nothing it sends comes back
 * to crypto's output on the way), so one preallocated copy serves. */
int
dp_ip_output(struct dataplane *dp, const uint8_t *ip, size_t len)
{
	uint8_t	*copy = fwd_outbuf(dp->d_fwd) + DP_LINK_ROOM;

	if (len < 20 || len > IP4_MAXLEN || (ip[0] >> 4) != 4)
		return DP_SEND_DROPPED;
	memcpy(copy, ip, len);
	return eg_send(dp, copy, len);
}

uint8_t *
dp_fwd_slot(struct dataplane *dp)
{
	return fwd_fwdbuf(dp->d_fwd) + DP_HEADROOM;
}
