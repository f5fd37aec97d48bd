/*
 * wire: the kind-independent half of an attachment — picking the kind
 * from the spec, the event-loop watch, counters, and the hooks where
 * capture and fault injection sit on the way in and out:
 *
 *	in:   medium -> counters -> fault[IN] -> capture -> rx callback
 *	out:  wire_send -> capture -> fault[OUT] -> medium -> counters
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/capture.h"
#include "dataplane/fault.h"
#include "dataplane/wire_impl.h"
#include "lib/evloop.h"
#include "lib/xalloc.h"

static const struct wire_ops *const wire_kinds[] = {
	&wire_udp_ops,
	&wire_tap_ops,
	&wire_pcap_ops,
	&wire_mem_ops,
};

static void
wire_readable(int fd, short revents, void *arg)
{
	struct wire	*w = arg;

	(void)fd;
	(void)revents;
	w->w_ops->wo_read(w);
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

/* The end of the inbound path: what the router receives. */
static void
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

/* The end of the outbound path: the medium. */
static int
wire_xmit(struct wire *w, const uint8_t *frame, size_t len)
{
	if (w->w_ops->wo_send(w, frame, len) < 0) {
		wire_count_error(w, WIRE_OUT, errno);
		return -1;
	}
	w->w_stats.ws_out_frames++;
	w->w_stats.ws_out_bytes += len;
	return 0;
}

static void
wire_xmit_fault(void *arg, const uint8_t *frame, size_t len)
{
	(void)wire_xmit(arg, frame, len);
}

int
wire_send(struct wire *w, const uint8_t *frame, size_t len)
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
	return wire_xmit(w, frame, len);
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
