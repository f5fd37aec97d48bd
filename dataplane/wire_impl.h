/*
 * wire_impl: what wire.c shares with the attachment kinds (wire_udp.c,
 * wire_tap.c, wire_pcap.c).  Each kind fills a small ops table; wire.c
 * owns parsing of the kind prefix, the event loop watch, counters,
 * capture and fault injection, so a kind only moves bytes.
 */
#ifndef IOSH_DATAPLANE_WIRE_IMPL_H
#define IOSH_DATAPLANE_WIRE_IMPL_H

#include <sys/uio.h>

#include <stdbool.h>

#include "dataplane/wire.h"

/* Frames read per readiness event, so one busy wire cannot starve the
 * others sharing the loop. */
#define WIRE_RX_BUDGET	64

/* Frames and bytes a wire queues during a read batch before it must
 * write them (sendmmsg takes at most UIO_MAXIOV = 1024 at a time). */
#define WIRE_TX_BATCH	64
#define WIRE_TXQ_BYTES	(256 * 1024)

struct wire_txq;

struct wire_ops {
	const char	*wo_kind;	/* "udp": the spec prefix */
	/* Open the medium from ARGS (the spec after "kind:"); set w_fd. */
	int		(*wo_open)(struct wire *, const char *args, char *err,
			    size_t errlen);
	/* Read up to WIRE_RX_BUDGET frames, calling wire_input for each. */
	void		(*wo_read)(struct wire *);
	/* Write one frame: 0, or -1 with errno set. */
	int		(*wo_send)(struct wire *, const uint8_t *, size_t);
	/* Optional: write N frames (one iovec each) in one system call;
	 * returns how many of the first were sent (>= 1), or -1 with errno
	 * set when the first was refused.  Kinds that have it queue what
	 * the router sends during a read batch (see wire.c). */
	int		(*wo_send_many)(struct wire *, const struct iovec *,
			    unsigned n);
	void		(*wo_close)(struct wire *);
	/* Optional: read the medium's own loss counters (wire_ring_drops). */
	void		(*wo_refresh)(struct wire *);
};

struct wire {
	const struct wire_ops	*w_ops;
	struct evloop		*w_el;
	char			*w_spec;
	int			 w_fd;		/* watched on w_el; -1: none */
	void			*w_priv;	/* the kind's own state */
	wire_rx_fn		 w_rx;
	wire_rxb_fn		 w_rxb;		/* optional: a read at once */
	wire_rxs_fn		 w_rxs;		/* optional: around a read */
	void			*w_arg;
	struct wire_stats	 w_stats;
	struct fault		*w_fault[2];	/* by enum wire_dir */
	struct capture		*w_capture;
	unsigned		 w_capdirs;	/* WIRE_CAP_* copied into it */
	uint8_t			*w_buf;		/* WIRE_FRAME_MAX bytes */
	/* The kernel's cumulative 32-bit loss counters as last read, so
	 * each refresh adds only what is new (and survives a wrap). */
	uint32_t		 w_ring_drop, w_ring_ifdrop;
	/* Transmit batching: frames waiting for the end of the read
	 * batch (allocated on first use), the next wire holding some. */
	struct wire_txq		*w_txq;
	struct wire		*w_txnext;
	bool			 w_txlinked;
	wire_txfail_fn		 w_txfail;
};

extern const struct wire_ops	wire_udp_ops;
extern const struct wire_ops	wire_tap_ops;
extern const struct wire_ops	wire_pcap_ops;
extern const struct wire_ops	wire_mem_ops;

/* A kind hands each frame it read to wire_input (counts, faults,
 * capture, then the rx callback).  CAPLEN < LEN: truncated, dropped. */
void	wire_input(struct wire *, const uint8_t *, size_t caplen, size_t len);
/* The N frames of one read (CAPLENS NULL: all whole): to the burst
 * callback at once when the wire has one and nothing (a fault, a
 * capture, a truncated frame) must see them one by one; else each
 * through wire_input. */
void	wire_input_burst(struct wire *, const uint8_t *const *frames,
	    const size_t *caplens, const size_t *lens, size_t n);
/* Around the frames of one read: what the router sends meanwhile waits
 * for the end (written then, one sendmmsg per wire), and the clock is
 * read once for all of them.  Nest. */
void	wire_batch_begin(void);
void	wire_batch_end(void);
/* Around one read of W's medium (wire_set_rx_burst's SCOPE). */
void	wire_read_begin(struct wire *);
void	wire_read_end(struct wire *);
/* The medium's cumulative loss counters now (pcap_stats' ps_drop and
 * ps_ifdrop, 32 bits that wrap): what grew since the last call goes to
 * ws_in_overruns and ws_in_ignored. */
void	wire_ring_drops(struct wire *, uint32_t drop, uint32_t ifdrop);
/* Count the outcome of a read or write that failed with ERRNO_. */
void	wire_count_error(struct wire *, enum wire_dir, int errno_);
/* wo_send_many for a descriptor that needs no address per frame (a
 * connected UDP socket, a bound packet socket): sendmmsg(2) on w_fd. */
int	wire_sendmmsg(struct wire *, const struct iovec *, unsigned n);

#endif
