/*
 * wire: how an interface's frames get on and off a real medium.
 *
 * A wire is the attachment of one interface, opened from a spec string:
 *
 *	udp:LOCAL_PORT:REMOTE_HOST:REMOTE_PORT
 *		one frame per UDP datagram, payload = the frame, no header:
 *		the dynamips/GNS3 UDP NIO, so iosh routers meet each other and
 *		GNS3 nodes.  REMOTE_HOST is a name, an IPv4 address or an IPv6
 *		address in brackets ("udp:5000:[::1]:5001").
 *	tap:NAME
 *		a Linux TAP device (created if it does not exist), to reach
 *		the host stack or a network namespace.
 *	pcap:IFNAME
 *		capture and inject on an existing Ethernet interface with
 *		libpcap (promiscuous; frames it injected are not read back).
 *	mem:NAME
 *		in memory, no descriptor (tests and benchmarks): frames sent
 *		go to a sink, frames injected arrive (wire_mem_sink/inject).
 *
 * What a frame is depends on the interface, not the wire: Ethernet
 * interfaces carry Ethernet II frames without FCS; serial interfaces
 * carry Cisco HDLC frames without FCS (address, control, 16-bit
 * protocol), which is what dynamips puts in a UDP NIO for a serial link.
 *
 * Received frames go to the rx callback as soon as they are read, from
 * a buffer the wire owns (valid only during the call): no allocation per
 * frame.  wire_send() outside a read batch (a timer, a command) writes at
 * once or drops (counted).  Inside one — while the event loop hands a
 * wire's batch of received frames to the router — frames for udp: and
 * pcap: wires are copied into the wire's queue and all leave in order,
 * one sendmmsg(2) per wire, when that batch ends, before the loop polls
 * again (ws_out_batches counts those calls); a frame the medium then
 * refuses is counted as dropped then, and reported to the wire's
 * wire_txfail_fn.  tap: and mem: write at once (a TAP takes one frame per
 * write(2): nothing to gain).  Fault injection may delay frames too.  The
 * rx callback may send on any wire but must not close the wire it was
 * called for.
 */
#ifndef IOSH_DATAPLANE_WIRE_H
#define IOSH_DATAPLANE_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct capture;
struct evloop;
struct fault_stats;
struct strbuf;
struct wire;

/* The largest frame a wire carries (a UDP datagram's payload limit). */
#define WIRE_FRAME_MAX	65535

typedef void	(*wire_rx_fn)(void *arg, const uint8_t *frame, size_t len);
/* The frames one read of the medium returned, in order (each valid
 * during the call only): wire_set_rx_burst. */
typedef void	(*wire_rxb_fn)(void *arg, const uint8_t *const *frames,
		    const size_t *lens, size_t n);
/* A queued frame of LEN bytes the medium refused after wire_send_owned
 * had returned 0: ARG is the rx callback's, OWNER what the sender named. */
typedef void	(*wire_txfail_fn)(void *arg, void *owner, size_t len);

enum wire_dir {
	WIRE_IN,		/* from the medium to the router */
	WIRE_OUT		/* from the router to the medium */
};

/* Counters of the medium side: what was really read and written. */
struct wire_stats {
	uint64_t	ws_in_frames;
	uint64_t	ws_in_bytes;
	uint64_t	ws_out_frames;
	uint64_t	ws_out_bytes;
	uint64_t	ws_in_drops;	/* read but not deliverable (truncated) */
	uint64_t	ws_out_drops;	/* medium full (EAGAIN, ENOBUFS) */
	uint64_t	ws_in_errors;	/* read failed (e.g. peer port closed) */
	uint64_t	ws_out_errors;	/* write failed otherwise */
	/* pcap: frames the kernel lost before iosh read them: its capture
	 * ring was full (IOS's "overrun"), or the host interface dropped
	 * them ("ignored").  Read from pcap_stats by wire_stats_refresh. */
	uint64_t	ws_in_overruns;
	uint64_t	ws_in_ignored;
	/* Reads that returned frames: fewer than ws_in_frames when the
	 * medium hands over a batch per system call (recvmmsg, a ring). */
	uint64_t	ws_in_batches;
	/* Writes that put frames on the medium: one per frame sent at
	 * once, one per sendmmsg(2) of a queued batch. */
	uint64_t	ws_out_batches;
};

/*
 * Open the attachment SPEC and watch it on EL; each received frame is
 * passed to RX(ARG, frame, len).  On error returns NULL with a one-line
 * message in ERR (no "% " prefix, no newline), e.g.
 * "udp: invalid local port 'x' (1-65535)".
 */
struct wire	*wire_open(struct evloop *el, const char *spec, wire_rx_fn rx,
		    void *arg, char *err, size_t errlen);
/* Stop watching, close the medium, drop what fault injection holds. */
void		 wire_close(struct wire *);

/* Put one frame on the medium (through capture and output faults).
 * Returns 0 if sent or deliberately delayed/lost, -1 if dropped. */
int		 wire_send(struct wire *, const uint8_t *frame, size_t len);
/* The same, naming the frame's OWNER for the wire's txfail callback
 * (set with wire_set_txfail; the sender's counters took the frame as
 * sent when this returned 0, so a later refusal must reach them). */
int		 wire_send_owned(struct wire *, const uint8_t *frame,
		    size_t len, void *owner);
/* wire_send_owned's, but a frame written at once (not queued, not held
 * by a fault) is not counted: 1, and the caller owes the wire its
 * counts (wire_count_out, which takes each as one write). */
int		 wire_send_owed(struct wire *, const uint8_t *frame,
		    size_t len, void *owner);
void		 wire_count_out(struct wire *, uint64_t frames, uint64_t bytes);
void		 wire_set_txfail(struct wire *, wire_txfail_fn);
/* Around each read of the medium, however its frames are handed over:
 * SCOPE(ARG, true) before the first, SCOPE(ARG, false) after the last
 * (nothing else runs between them but the router's own handling). */
typedef void	(*wire_rxs_fn)(void *arg, bool begin);
/* Hand W's reads to RXB(ARG) a read at a time, when nothing sits
 * between the medium and the router (no input fault, no input
 * capture); otherwise, and without it, frame by frame to RX.  SCOPE
 * (may be NULL) brackets every read, a pcap: ring's and a TAP's too. */
void		 wire_set_rx_burst(struct wire *, wire_rxb_fn, wire_rxs_fn);
/* Write what W queued now (wire_close and the end of a batch do). */
void		 wire_flush(struct wire *);

/* The spec as given ("udp:5000:127.0.0.1:5001"). */
const char	*wire_spec(const struct wire *);
const struct wire_stats *wire_stats(const struct wire *);
void		 wire_stats_clear(struct wire *);
/* Bring the counters the kernel keeps (pcap: ring drops) up to date;
 * `show interfaces` calls it, as reading them costs system calls. */
void		 wire_stats_refresh(struct wire *);

/*
 * Fault injection on one direction (see fault.h for SPEC: "loss=30,
 * delay=10,jitter=2,dup=1,reorder=5,seed=7"; "none" or "" removes it).
 * Returns -1 with a message in ERR, changing nothing, if SPEC is bad.
 */
int		 wire_set_fault(struct wire *, enum wire_dir, const char *spec,
		    char *err, size_t errlen);
/* Its counters, or NULL if fault injection was never set on that
 * direction (after "none" the counters stay, to be read). */
const struct fault_stats *wire_fault_stats(const struct wire *,
		    enum wire_dir);

/* The spec of that direction as fault_set() accepts it ("none" if
 * none), for `show interfaces NAME fault`. */
void		 wire_fault_spec(const struct wire *, enum wire_dir,
		    struct strbuf *);

/* Directions a capture copies, for wire_set_capture(). */
#define WIRE_CAP_IN	(1u << WIRE_IN)
#define WIRE_CAP_OUT	(1u << WIRE_OUT)
#define WIRE_CAP_BOTH	(WIRE_CAP_IN | WIRE_CAP_OUT)

/*
 * Copy the directions DIRS (WIRE_CAP_*) into CAP (NULL stops):
 * outbound frames as the router sends them (before output faults, as a
 * capture point on the interface sees them), inbound frames as the
 * router receives them (after input faults).  One capture per wire; the
 * caller owns CAP and closes it after detaching it.
 */
void		 wire_set_capture(struct wire *, struct capture *,
		    unsigned dirs);

/* mem: wires.  The sink gets every frame the router sends (it must not
 * inject into a wire of the same router from inside the call); SINK
 * must outlive the wire or be replaced.  -1 if W is not a mem: wire. */
struct wire_mem_sink {
	wire_rx_fn	 ms_fn;
	void		*ms_arg;
};
int		 wire_mem_sink(struct wire *, struct wire_mem_sink *);
/* FRAME arrives as if read from the medium (faults, capture, rx). */
int		 wire_mem_inject(struct wire *, const uint8_t *frame,
		    size_t len);
/* N frames arriving together, as a read batch of udp: or pcap: does:
 * one instant of the clock for all, frames the router sends on those
 * wires meanwhile queued until the batch ends. */
int		 wire_mem_inject_batch(struct wire *, const uint8_t *const *frames,
		    const size_t *lens, size_t n);

#endif
