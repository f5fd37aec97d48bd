/*
 * wire: the kind-independent half of an attachment — picking the kind
 * from the spec, the event-loop watch, counters, and the hooks where
 * capture and fault injection sit on the way in and out:
 *
 *	in:   medium -> counters -> fault[IN] -> capture -> rx callback
 *	out:  wire_send -> capture -> fault[OUT] -> medium -> counters
 */
#define _GNU_SOURCE	/* sendmmsg(2) */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/capture.h"
#include "dataplane/fault.h"
#include "dataplane/wire_impl.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/xalloc.h"

static const struct wire_ops *const wire_kinds[] = {
	&wire_udp_ops,
	&wire_tap_ops,
	&wire_pcap_ops,
	&wire_mem_ops,
};

/*
 * Transmit batching.  While a wire's read batch is handed to the router
 * (wire_batch_depth > 0), what the router sends on a wire whose kind
 * writes many frames per system call is copied into that wire's queue;
 * the wire joins the list of wires holding frames, and when the batch
 * ends every queued frame leaves, in order, before the loop polls again.
 * Measured (issue 22): one send per frame was half of a gateway's CPU.
 * One loop per process: a process-wide list, no thread touches it.
 */
struct wire_txq {
	struct iovec	 tq_iov[WIRE_TX_BATCH];
	void		*tq_owner[WIRE_TX_BATCH];
	unsigned	 tq_n;
	size_t		 tq_used;
	uint8_t		 tq_buf[WIRE_TXQ_BYTES];
};

static unsigned		 wire_batch_depth;
static struct wire	*wire_txlist;

static void
wire_flush_all(void)
{
	struct wire	*w;

	while ((w = wire_txlist) != NULL)
		wire_flush(w);
}

/*
 * A read batch: what the router sends meanwhile is queued (above), and
 * the clock is read once for the whole batch — the frames of one
 * readiness arrived together, and a clock read (~20-30 ns under KVM)
 * per frame was the largest single cost of a small packet's path
 * outside ESP (issue 22).  Nested batches share the outer one's.
 */
void
wire_batch_begin(void)
{
	wire_batch_depth++;
	clock_hold();
}

void
wire_batch_end(void)
{
	clock_release();
	if (--wire_batch_depth == 0)
		wire_flush_all();
}

void
wire_read_begin(struct wire *w)
{
	wire_batch_begin();
	if (w->w_rxs != NULL)
		w->w_rxs(w->w_arg, true);
}

void
wire_read_end(struct wire *w)
{
	if (w->w_rxs != NULL)
		w->w_rxs(w->w_arg, false);
	wire_batch_end();
}

static void
wire_readable(int fd, short revents, void *arg)
{
	struct wire	*w = arg;

	(void)fd;
	(void)revents;
	wire_read_begin(w);
	w->w_ops->wo_read(w);
	wire_read_end(w);
}

struct wire *
wire_open(struct evloop *el, const char *spec, wire_rx_fn rx, void *arg,
    char *err, size_t errlen)
{
	const struct wire_ops	*ops = NULL;
	struct wire		*w;
	const char		*colon;
	size_t			 i, klen;

	if ((colon = strchr(spec, ':')) == NULL) {
		snprintf(err, errlen, "invalid attachment '%s' (expected "
		    "udp:LPORT:HOST:RPORT, tap:NAME or pcap:IFNAME)", spec);
		return NULL;
	}
	klen = (size_t)(colon - spec);
	for (i = 0; i < sizeof(wire_kinds) / sizeof(wire_kinds[0]); i++)
		if (strlen(wire_kinds[i]->wo_kind) == klen &&
		    strncmp(wire_kinds[i]->wo_kind, spec, klen) == 0)
			ops = wire_kinds[i];
	if (ops == NULL) {
		snprintf(err, errlen, "unknown attachment kind '%.*s' "
		    "(expected udp, tap or pcap)", (int)klen, spec);
		return NULL;
	}
	w = xcalloc(1, sizeof(*w));
	w->w_spec = xstrdup(spec);
	w->w_buf = xmalloc(WIRE_FRAME_MAX);
	w->w_ops = ops;
	w->w_el = el;
	w->w_fd = -1;
	w->w_rx = rx;
	w->w_arg = arg;
	if (ops->wo_open(w, colon + 1, err, errlen) < 0) {
		free(w->w_buf);
		free(w->w_spec);
		free(w);
		return NULL;
	}
	if (w->w_fd >= 0 &&
	    evloop_add_fd(el, w->w_fd, POLLIN, wire_readable, w) < 0) {
		snprintf(err, errlen, "%s: cannot watch descriptor %d",
		    ops->wo_kind, w->w_fd);
		ops->wo_close(w);
		free(w->w_buf);
		free(w->w_spec);
		free(w);
		return NULL;
	}
	return w;
}

void
wire_close(struct wire *w)
{
	if (w == NULL)
		return;
	/* Frames the router counted as sent still go out. */
	wire_flush(w);
	free(w->w_txq);
	if (w->w_fd >= 0)
		evloop_del_fd(w->w_el, w->w_fd);
	w->w_ops->wo_close(w);
	fault_free(w->w_fault[WIRE_IN]);
	fault_free(w->w_fault[WIRE_OUT]);
	free(w->w_buf);
	free(w->w_spec);
	free(w);
}

const char *
wire_spec(const struct wire *w)
{
	return w->w_spec;
}

const struct wire_stats *
wire_stats(const struct wire *w)
{
	return &w->w_stats;
}

void
wire_stats_clear(struct wire *w)
{
	/* Losses before the clearing must not surface after it. */
	wire_stats_refresh(w);
	memset(&w->w_stats, 0, sizeof(w->w_stats));
	if (w->w_fault[WIRE_IN] != NULL)
		fault_stats_clear(w->w_fault[WIRE_IN]);
	if (w->w_fault[WIRE_OUT] != NULL)
		fault_stats_clear(w->w_fault[WIRE_OUT]);
}

void
wire_stats_refresh(struct wire *w)
{
	if (w != NULL && w->w_ops->wo_refresh != NULL)
		w->w_ops->wo_refresh(w);
}

void
wire_ring_drops(struct wire *w, uint32_t drop, uint32_t ifdrop)
{
	/* Unsigned 32-bit differences: right across a wrap. */
	w->w_stats.ws_in_overruns += (uint32_t)(drop - w->w_ring_drop);
	w->w_stats.ws_in_ignored += (uint32_t)(ifdrop - w->w_ring_ifdrop);
	w->w_ring_drop = drop;
	w->w_ring_ifdrop = ifdrop;
}

void
wire_count_error(struct wire *w, enum wire_dir dir, int errno_)
{
	if (dir == WIRE_OUT && (errno_ == EAGAIN || errno_ == EWOULDBLOCK ||
	    errno_ == ENOBUFS))
		w->w_stats.ws_out_drops++;
	else if (dir == WIRE_OUT)
		w->w_stats.ws_out_errors++;
	else
		w->w_stats.ws_in_errors++;
}

/* The end of the inbound path: what the router receives.  Inline in
 * wire_input: every frame. */
static inline void
wire_deliver(void *arg, const uint8_t *frame, size_t len)
{
	struct wire	*w = arg;

	if (w->w_capture != NULL && (w->w_capdirs & WIRE_CAP_IN))
		capture_frame(w->w_capture, frame, len);
	if (w->w_rx != NULL)
		w->w_rx(w->w_arg, frame, len);
}

void
wire_input(struct wire *w, const uint8_t *frame, size_t caplen, size_t len)
{
	w->w_stats.ws_in_frames++;
	w->w_stats.ws_in_bytes += len;
	if (caplen < len) {
		w->w_stats.ws_in_drops++;
		return;
	}
	if (w->w_fault[WIRE_IN] != NULL)
		fault_input(w->w_fault[WIRE_IN], frame, len);
	else
		wire_deliver(w, frame, len);
}

void
wire_input_burst(struct wire *w, const uint8_t *const *frames,
    const size_t *caplens, const size_t *lens, size_t n)
{
	size_t	i, bytes = 0;
	bool	whole = w->w_rxb != NULL && w->w_fault[WIRE_IN] == NULL &&
		    (w->w_capture == NULL || !(w->w_capdirs & WIRE_CAP_IN));

	for (i = 0; whole && caplens != NULL && i < n; i++)
		whole = caplens[i] >= lens[i];
	if (!whole) {
		for (i = 0; i < n; i++)
			wire_input(w, frames[i], caplens != NULL ?
			    caplens[i] : lens[i], lens[i]);
		return;
	}
	/* wire_input's counters, for the read as a whole. */
	for (i = 0; i < n; i++)
		bytes += lens[i];
	w->w_stats.ws_in_frames += n;
	w->w_stats.ws_in_bytes += bytes;
	w->w_rxb(w->w_arg, frames, lens, n);
}

int
wire_sendmmsg(struct wire *w, const struct iovec *iov, unsigned n)
{
	struct mmsghdr	msg[WIRE_TX_BATCH];
	unsigned	i;
	int		rv;

	if (n > WIRE_TX_BATCH)
		n = WIRE_TX_BATCH;
	memset(msg, 0, n * sizeof(msg[0]));
	for (i = 0; i < n; i++) {
		msg[i].msg_hdr.msg_iov = (struct iovec *)&iov[i];
		msg[i].msg_hdr.msg_iovlen = 1;
	}
	do
		rv = sendmmsg(w->w_fd, msg, n, 0);
	while (rv < 0 && errno == EINTR);
	if (rv == 0) {		/* not for n > 0; never loop on it */
		errno = EIO;
		rv = -1;
	}
	return rv;
}

/* Write the queue: sendmmsg sends the frames before the first it cannot
 * take; that one is counted as refused (errno of the retry that fails on
 * it) and the rest go on, so every frame is counted once, in order. */
void
wire_flush(struct wire *w)
{
	struct wire_txq	*q = w->w_txq;
	struct wire	**pp;
	unsigned	 i = 0, k;
	int		 rv;

	if (w->w_txlinked) {
		for (pp = &wire_txlist; *pp != w; pp = &(*pp)->w_txnext)
			;
		*pp = w->w_txnext;
		w->w_txlinked = false;
	}
	if (q == NULL)
		return;
	while (i < q->tq_n) {
		rv = w->w_ops->wo_send_many(w, &q->tq_iov[i], q->tq_n - i);
		if (rv < 0) {
			wire_count_error(w, WIRE_OUT, errno);
			if (w->w_txfail != NULL && q->tq_owner[i] != NULL)
				w->w_txfail(w->w_arg, q->tq_owner[i],
				    q->tq_iov[i].iov_len);
			i++;
			continue;
		}
		w->w_stats.ws_out_batches++;
		for (k = 0; k < (unsigned)rv; k++, i++) {
			w->w_stats.ws_out_frames++;
			w->w_stats.ws_out_bytes += q->tq_iov[i].iov_len;
		}
	}
	q->tq_n = 0;
	q->tq_used = 0;
}

/* Copy the frame into W's queue, writing the queue first if it is full;
 * 0, or -1 if the frame is too large to queue at all. */
static int
wire_queue(struct wire *w, const uint8_t *frame, size_t len, void *owner)
{
	struct wire_txq	*q;

	if (len > WIRE_TXQ_BYTES)
		return -1;
	if (w->w_txq == NULL)
		w->w_txq = xcalloc(1, sizeof(*w->w_txq));
	q = w->w_txq;
	if (q->tq_n == WIRE_TX_BATCH || q->tq_used + len > WIRE_TXQ_BYTES)
		wire_flush(w);
	memcpy(q->tq_buf + q->tq_used, frame, len);
	q->tq_iov[q->tq_n].iov_base = q->tq_buf + q->tq_used;
	q->tq_iov[q->tq_n].iov_len = len;
	q->tq_owner[q->tq_n++] = owner;
	q->tq_used += len;
	if (!w->w_txlinked) {
		w->w_txnext = wire_txlist;
		wire_txlist = w;
		w->w_txlinked = true;
	}
	return 0;
}

/* The end of the outbound path: the medium (or its queue during a read
 * batch).  A frame sent at once while others wait would overtake them:
 * the queue goes first.  Inline: wire_send_owned's every frame.  OWE:
 * a frame written at once is not counted here but answered 1, for the
 * caller to count (wire_count_out). */
static inline __attribute__((always_inline)) int
wire_xmit(struct wire *w, const uint8_t *frame, size_t len, void *owner,
    bool owe)
{
	if (w->w_ops->wo_send_many != NULL) {
		if (wire_batch_depth > 0 &&
		    wire_queue(w, frame, len, owner) == 0)
			return 0;
		wire_flush(w);
	}
	if (w->w_ops->wo_send(w, frame, len) < 0) {
		wire_count_error(w, WIRE_OUT, errno);
		return -1;
	}
	if (owe)
		return 1;
	w->w_stats.ws_out_frames++;
	w->w_stats.ws_out_bytes += len;
	w->w_stats.ws_out_batches++;
	return 0;
}

/* Frames fault injection releases: their sender has counted them sent. */
static void
wire_xmit_fault(void *arg, const uint8_t *frame, size_t len)
{
	(void)wire_xmit(arg, frame, len, NULL, false);
}

static inline __attribute__((always_inline)) int
wire_send_in(struct wire *w, const uint8_t *frame, size_t len,
    void *owner, bool owe)
{
	if (len > WIRE_FRAME_MAX) {
		w->w_stats.ws_out_drops++;
		return -1;
	}
	if (w->w_capture != NULL && (w->w_capdirs & WIRE_CAP_OUT))
		capture_frame(w->w_capture, frame, len);
	if (w->w_fault[WIRE_OUT] != NULL) {
		fault_input(w->w_fault[WIRE_OUT], frame, len);
		return 0;
	}
	return wire_xmit(w, frame, len, owner, owe);
}

int
wire_send_owned(struct wire *w, const uint8_t *frame, size_t len,
    void *owner)
{
	return wire_send_in(w, frame, len, owner, false);
}

int
wire_send_owed(struct wire *w, const uint8_t *frame, size_t len,
    void *owner)
{
	return wire_send_in(w, frame, len, owner, true);
}

void
wire_count_out(struct wire *w, uint64_t frames, uint64_t bytes)
{
	w->w_stats.ws_out_frames += frames;
	w->w_stats.ws_out_bytes += bytes;
	w->w_stats.ws_out_batches += frames;
}

int
wire_send(struct wire *w, const uint8_t *frame, size_t len)
{
	return wire_send_owned(w, frame, len, NULL);
}

void
wire_set_txfail(struct wire *w, wire_txfail_fn fn)
{
	w->w_txfail = fn;
}

void
wire_set_rx_burst(struct wire *w, wire_rxb_fn fn, wire_rxs_fn scope)
{
	w->w_rxb = fn;
	w->w_rxs = scope;
}

int
wire_set_fault(struct wire *w, enum wire_dir dir, const char *spec,
    char *err, size_t errlen)
{
	struct fault	*f = w->w_fault[dir];
	int		 fresh = f == NULL;

	if (fresh)
		f = fault_new(w->w_el, dir == WIRE_IN ? wire_deliver :
		    wire_xmit_fault, w);
	if (fault_set(f, spec, err, errlen) < 0) {
		if (fresh)
			fault_free(f);
		return -1;
	}
	/* Keep an idle fault while it still holds frames: they drain. */
	if (!fault_active(f) && fresh) {
		fault_free(f);
		f = NULL;
	}
	w->w_fault[dir] = f;
	return 0;
}

const struct fault_stats *
wire_fault_stats(const struct wire *w, enum wire_dir dir)
{
	return w->w_fault[dir] != NULL ? fault_stats(w->w_fault[dir]) : NULL;
}

void
wire_fault_spec(const struct wire *w, enum wire_dir dir, struct strbuf *sb)
{
	if (w->w_fault[dir] != NULL)
		fault_spec(w->w_fault[dir], sb);
	else
		strbuf_puts(sb, "none");
}

void
wire_set_capture(struct wire *w, struct capture *c, unsigned dirs)
{
	w->w_capture = c;
	w->w_capdirs = c != NULL ? dirs : 0;
}
