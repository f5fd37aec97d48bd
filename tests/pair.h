/*
 * pair: CCIE lab 13-1's two routers in one process, as the IKE tests
 * drive them — R1 Serial1/2 12.1.1.1 and R2 Serial1/1 12.1.1.2 on a udp:
 * wire on 127.0.0.1, Loopback0 1.1.1.1 and 2.2.2.2, static routes — with
 * the clock frozen, moved on only when nothing is in flight, so that
 * retransmissions and ping timeouts happen when they would and every
 * loop is bounded.
 */
#ifndef IOSH_TESTS_PAIR_H
#define IOSH_TESTS_PAIR_H

#include <stdbool.h>

#include "tests/fixture.h"

#define PAIR_NR	2
#define R1	0
#define R2	1
/* pair_open3's third router, between the other two. */
#define PAIR_MAX 3
#define R3	2

extern struct fixture		 pair[PAIR_MAX];
/* How many routers are open: 2, or 3 after pair_open3. */
extern int			 pair_n;
/* Each router's interfaces and routes (no crypto). */
extern const char *const	 pair_base_cfg[PAIR_NR];

/* Both routers up in privileged exec on their wire, each configured with
 * CFG[r] (pair_base_cfg when CFG is NULL), a second of frozen time gone,
 * their output cleared. */
void		 pair_open(const char *const cfg[PAIR_NR]);
/* The same with the wire on R1's interface IF1 and R2's IF2 (CFG
 * required: it names and addresses them). */
void		 pair_open_on(const char *const cfg[PAIR_NR], const char *if1,
		    const char *if2);
/* Three routers in a row: R1's interface IFS[0] on a wire to R3's
 * IFS[1], R3's IFS[2] on another to R2's IFS[3] (R3 in the middle, a
 * NAT or a transit router), each configured with CFG[r]; then as
 * pair_open.  Every pair_* function then runs all three. */
void		 pair_open3(const char *const cfg[PAIR_MAX],
		    const char *const ifs[4]);
void		 pair_close(void);
/* Configure R: IOS's notes (a new crypto map) are fine, errors fail. */
void		 pair_config(int r, const char *text);
/* Seed 001's crypto configuration on R, with the parts a test varies:
 * the ISAKMP encryption, the key, access-list 100's one rule. */
void		 pair_crypto_cfg(int r, const char *enc, const char *key,
		    const char *rule);
/* Both routers with seed 001's crypto and transform set TSET = SET: in
 * tunnel mode between the loopbacks, or in transport mode between the
 * serial addresses (ICMP only, `mode transport`); then R1's ping of N
 * echoes, timeout 1 s (the first starts IKE), to the other end, its
 * output. */
const char	*pair_set_ping(const char *set, bool transport, int n);
/* Run both loops until nothing moves; true if anything did. */
bool		 pair_drain(void);
/* Let SECONDS of frozen time pass, 100 ms at a time, traffic drained. */
void		 pair_run_for(unsigned seconds);
/* Run R's command to its end (a ping), time passing as needed; its
 * output. */
const char	*pair_run_wait(int r, const char *cmd);
/* Whether R printed TEXT since its output was last cleared. */
bool		 pair_has(int r, const char *text);
/* Capture what R's interface IF sends and receives from now on (`monitor
 * capture PAIR`), under `service internal` so that the SAs made from now
 * on keep the keys Wireshark needs. */
void		 pair_capture_start(int r, const char *ifname);
/* Stop it and write NAME.pcap and NAME-keys/ (`test crypto wireshark-keys`,
 * IKE ISAKMP and ESP keys expected) into $CAPTURE_DIR, for
 * tests/capture_tshark.sh to judge; without CAPTURE_DIR into a
 * directory removed again (the commands' success still asserted). */
void		 pair_capture_save(int r, const char *name, unsigned ike,
		    unsigned esp);
/* Each of LINES (NULL-ended; whole lines, timestamps aside) in R's output
 * in that order: NULL, or the first line not found after the one
 * before it. */
const char	*pair_lines_in_order(int r, const char *const *lines);

#endif
