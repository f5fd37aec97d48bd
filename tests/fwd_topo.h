/*
 * fwd_topo: three routers in one process for the packet-path tests
 * (tests/check_fwd.c, tests/check_dot1q.c): R1 Fa0/0 10.0.12.1 --
 * 10.0.12.2 Fa0/0 R2 Se1/0 10.0.23.2 -- 10.0.23.3 Se1/0 R3 over udp:
 * wires on 127.0.0.1, loopbacks 1.1.1.1, 2.2.2.2, 3.3.3.3; the clock
 * frozen.  fwd_setup/fwd_teardown are a Check fixture.
 */
#ifndef IOSH_TESTS_FWD_TOPO_H
#define IOSH_TESTS_FWD_TOPO_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/dp.h"
#include "tests/fixture.h"

#define NR	3

extern struct fixture	fx[NR];
extern int		port[8];	/* the wires' UDP ports */

/* What an echo listener heard. */
struct heard {
	int			n;
	struct dp_echo_ev	ev[16];
};

void		fwd_setup(void);
void		fwd_teardown(void);
/* An echo listener's callback: ARG is a struct heard. */
void		hear(void *arg, const struct dp_echo_ev *);
/* An IPv4 address in text, asserted valid. */
uint32_t	A(const char *);
/* Router R sends an echo request (id 7) to DST. */
int		ping(int r, const char *dst, uint16_t seq, uint8_t ttl,
		    size_t size);
/* R1 pings DST twice: the first goes while ARP resolves (dropped). */
void		ping_twice(const char *dst);

#endif
