/*
 * spokes: N IOS-like spokes against one iosh hub in this process, for
 * bench/scale_bench.c and tests/check_scale.c.  The hub is tests/memlab's
 * R2 made seed 002's hub (a wildcard keyring, dynamic crypto map DM in
 * map HUB on Serial1/1 12.1.1.2/8, Loopback0 2.2.2.2, 3des/sha group 2
 * psk, transform-set TSET esp-3des esp-sha-hmac); the spokes are memlab's
 * R1, which takes spoke i's addresses (Serial1/2 12.2.0.1 + i, protected
 * host 11.0.0.1 + i), brings its tunnel up through the engine, then
 * forgets it with the wire to the hub cut: the hub keeps every tunnel,
 * the process holds one spoke's state — and, per tunnel, what ESP needs
 * to send through it afterwards (tests/spoke_esp.h, ~100 bytes).
 */
#ifndef IOSH_TESTS_SPOKES_H
#define IOSH_TESTS_SPOKES_H

#include <stdbool.h>

#include "tests/memlab.h"

#define SPOKES_SPOKE	0	/* memlab's R1 */
#define SPOKES_HUB	1	/* memlab's R2 */

/* Spoke I's Serial1/2 and protected host; the hub's Serial1/1 and
 * Loopback0 (host order). */
#define SPOKES_SERIAL(i)	(0x0c020001u + (i))	/* 12.2.0.1 + i */
#define SPOKES_INSIDE(i)	(0x0b000001u + (i))	/* 11.0.0.1 + i */
#define SPOKES_HUB_ADDR		0x0c010102u		/* 12.1.1.2 */
#define SPOKES_HUB_LOOP		0x02020202u		/* 2.2.2.2 */

/* The lab, both routers configured; -1 with a message in ERR.  ML is
 * large: not on the stack. */
int	spokes_open(struct memlab *, char *err, size_t errlen);
/* Make the hub a static-key hub for spokes 0..N-1: `crypto isakmp key
 * kI address <spoke I's Serial1/2>` each, its wildcard keyring gone;
 * each spoke then uses its own key.  So the hub's running-config grows
 * with its peers, as many real hubs' do. */
void	spokes_static_keys(struct memlab *, unsigned n);
/* Spoke I up (and, if PING, one echo from its protected host to the
 * hub's loopback through the tunnel), then forgotten by the spoke alone.
 * False if the tunnel did not come up. */
bool	spokes_up(struct memlab *, unsigned i, bool ping);
/* After the setups: an ESP-protected echo through every tunnel that
 * came up (spoke_esp_echo); the number answered. */
unsigned spokes_echo_all(struct memlab *);
/* The tunnels spokes_up kept, and the bytes their ESP material takes
 * in this process (not the hub's). */
unsigned spokes_count(void);
size_t	spokes_kept_bytes(void);
/* The lab closed and the kept tunnels freed. */
void	spokes_close(struct memlab *);
/* Echo replies with the right data the spokes received so far. */
unsigned spokes_replies(void);
/* Cut (or join again) the wire from the spoke to the hub. */
void	spokes_cut(bool);

#endif
