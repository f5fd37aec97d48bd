/*
 * fault: an unreliable medium between a sender and a receiver, for
 * reliability tests (this kernel has no netem).
 *
 * Frames given to fault_input() leave through the output callback, after
 * these stages, in order:
 *
 *	loss=P		drop with probability P percent
 *	dup=P		pass the frame twice with probability P percent
 *	reorder=P	with probability P percent hold the frame back and let
 *			it follow the next one (adjacent swap); a held frame
 *			leaves after FAULT_HOLD_MS if nothing follows
 *	delay=MS	leave MS milliseconds later,
 *	jitter=MS	give or take up to MS (uniform), never before a frame
 *			that entered earlier: jitter does not reorder
 *	seed=N		the PRNG seed; the same seed and input give the same
 *			decisions, so tests are deterministic
 *
 * Percentages accept up to three decimals ("0.5").  Delayed frames are
 * copied into a ring allocated once (FAULT_QUEUE_BYTES) and released by
 * one event-loop timer armed for the earliest: no allocation per frame.
 * A frame that does not fit is dropped and counted as an overflow.
 */
#ifndef IOSH_DATAPLANE_FAULT_H
#define IOSH_DATAPLANE_FAULT_H

#include <stddef.h>
#include <stdint.h>

#include "lib/strbuf.h"

struct evloop;
struct fault;

#define FAULT_QUEUE_BYTES	(1024 * 1024)
#define FAULT_HOLD_MS		100

typedef void	(*fault_out_fn)(void *arg, const uint8_t *frame, size_t len);

struct fault_stats {
	uint64_t	fs_in;		/* frames offered */
	uint64_t	fs_out;		/* frames passed on */
	uint64_t	fs_lost;
	uint64_t	fs_duplicated;
	uint64_t	fs_reordered;
	uint64_t	fs_delayed;
	uint64_t	fs_overflow;	/* delay queue full: dropped */
};

/* No faults until fault_set().  OUT must neither free the fault nor
 * feed frames back into it. */
struct fault	*fault_new(struct evloop *, fault_out_fn out, void *arg);
/* Drops the frames still held or queued. */
void		 fault_free(struct fault *);

/*
 * Replace all settings with SPEC ("loss=30,delay=10"; "" or "none":
 * none).  On a bad spec returns -1 with a message in ERR and changes
 * nothing.  Without seed=, the PRNG keeps its state.
 */
int		 fault_set(struct fault *, const char *spec, char *err,
		    size_t errlen);
void		 fault_seed(struct fault *, uint64_t);
/* The settings as a spec fault_set() accepts ("none" if none). */
void		 fault_spec(const struct fault *, struct strbuf *);
/* True when some setting is not zero. */
int		 fault_active(const struct fault *);

void		 fault_input(struct fault *, const uint8_t *frame, size_t len);
const struct fault_stats *fault_stats(const struct fault *);
void		 fault_stats_clear(struct fault *);

#endif
