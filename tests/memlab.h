/*
 * memlab: seed 001's tunnel (CCIE lab 13-1: R1 1.1.1.1 — Serial —
 * 2.2.2.2 R2, crypto map TST, esp-3des esp-md5-hmac) between two
 * routers in this process on mem: wires, so the whole packet path runs
 * without a system call.  R1 also has FastEthernet0/0 (10.0.0.1/24) on
 * a mem: wire, where a test injects cleartext to be forwarded into the
 * tunnel.  Used by tests/check_fastpath.c and bench/fastpath_bench.c; no
 * Check in here.
 */
#ifndef IOSH_TESTS_MEMLAB_H
#define IOSH_TESTS_MEMLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/wire.h"
#include "shell/router.h"
#include "shell/session.h"

#define MEMLAB_QLEN	64
#define MEMLAB_FRAME	2048

struct memlab_q {
	uint8_t		 mq_buf[MEMLAB_QLEN][MEMLAB_FRAME];
	size_t		 mq_len[MEMLAB_QLEN];
	size_t		 mq_n;
	uint64_t	 mq_drops;
};

struct memlab {
	struct router		 ml_rt[2];
	struct session		*ml_ss[2];
	struct wire		*ml_ser[2];	/* R1 Serial1/2, R2 Serial1/1 */
	struct wire		*ml_lan;	/* R1 FastEthernet0/0 */
	struct wire_mem_sink	 ml_sink[2];
	struct memlab_q		 ml_q[2];	/* sent by R1, by R2 */
	/* When set, memlab_pump shows it each frame a router sent on its
	 * serial wire (FROM: 0 R1, 1 R2) before the other receives it: it
	 * may rewrite the frame in place (MEMLAB_FRAME bytes) and returns
	 * its length, 0 to drop it (fuzz/fuzz_ikex.c mutates IKE there). */
	size_t			(*ml_tap)(struct memlab *, int from,
				    uint8_t *frame, size_t len);
};

/* Both routers configured as seed 001 (TRANSFORM: "esp-3des
 * esp-md5-hmac" or another), the tunnel brought up by one echo from
 * 1.1.1.1; -1 with a message in ERR.  ML is large: not on the stack. */
int	memlab_open(struct memlab *, const char *transform, char *err,
	    size_t errlen);
void	memlab_close(struct memlab *);
/* Run both loops, moving frames between the serial wires, until
 * nothing moves. */
void	memlab_pump(struct memlab *);
/* Run configuration or exec lines on router R (0: R1, 1: R2). */
void	memlab_run(struct memlab *, int r, const char *text);
/* An Ethernet frame to R1's Fa0/0 (its MAC) carrying an IPv4 datagram from
 * SRC to DST, protocol PROTO, LEN bytes long (header included), built
 * into FRAME (LEN + 14 bytes); returns the frame's length. */
size_t	memlab_frame(const struct memlab *, uint8_t *frame, uint32_t src,
	    uint32_t dst, uint8_t proto, size_t len);

#endif
