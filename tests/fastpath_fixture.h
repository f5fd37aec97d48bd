/*
 * fastpath_fixture: seed 001's tunnel (esp-3des esp-md5-hmac) between two
 * routers on mem: wires (tests/memlab.c), the clock frozen; the ESP R1
 * sends on Serial1/2 is kept in ESP[] (NESP of them), anything else
 * counted in NCLEAR.  For check_fastpath and check_lanes.
 */
#ifndef IOSH_TESTS_FASTPATH_FIXTURE_H
#define IOSH_TESTS_FASTPATH_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "tests/memlab.h"

#define NPKT		200
#define ESP_MAX		1600

struct crypto;
struct ipsec_flow;
struct wire_mem_sink;

extern struct memlab		ml;
/* ESP frames R1 sent, in order, for R2. */
extern uint8_t			esp[3 * NPKT + 64][ESP_MAX];
extern size_t			esp_len[3 * NPKT + 64];
extern size_t			nesp;
extern unsigned long		nclear;
extern struct wire_mem_sink	cap_sink;	/* fills ESP[] */

void			 setup(void);
void			 teardown(void);
/* Router R's crypto, and its first flow. */
struct crypto		*R(int r);
struct ipsec_flow	*flow(int r);
/* One TCP datagram of LEN bytes from 1.1.1.1 to 2.2.2.2 into R1's LAN;
 * a refused injection counted in INJECT_FAIL.  No ck_assert inside:
 * Check allocates for every assertion. */
extern unsigned long	 inject_fail;
void			 send_lan(size_t len);

#endif
