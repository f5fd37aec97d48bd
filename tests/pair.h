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

extern struct fixture		 pair[PAIR_NR];
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
/* Each of LINES (NULL-ended; whole lines, timestamps aside) in R's output
 * in that order: NULL, or the first line not found after the one
 * before it. */
const char	*pair_lines_in_order(int r, const char *const *lines);

#endif
