/*
 * nat_bench: the cost of PAT (dataplane/nat.c) on seed 000's router, in
 * one run: new translations per second (each a miss, the ACL, a port),
 * and the cost of translating a packet of an existing flow with 100 and
 * with 100,000 translations in the table — the ratio is the point: the
 * table is hashed both ways, so it should stay near 1.  CPU time, the
 * median of 5 rounds; nat_out is called on the forwarding copy as
 * ip4_forward does, so routing and the wire are not measured.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/benchlib.h"
#include "dataplane/nat.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "shell/console.h"
#include "shell/router.h"
#include "shell/session.h"

#define ROUNDS	5
#define LOOKUPS	2000000

static void
discard(void *arg, const char *s, size_t n)
{
	(void)arg;
	(void)s;
	(void)n;
}

static const struct console_ops quiet = { discard, discard, NULL, NULL };

/* Flow I: 10.x.y.z:(1024 + I % 60000) -> 8.8.8.8:53, UDP. */
static void
flow(uint8_t *p, uint32_t i)
{
	memset(p, 0, 28);
	p[0] = 0x45;
	put16(p + 2, 28);
	p[8] = 64;
	p[9] = 17;
	put32(p + 12, 0x0a000000U | (i + 1));
	put32(p + 16, 0x08080808U);
	put16(p + 10, in_cksum(p, 20, 0));
	put16(p + 20, (uint16_t)(1024 + i % 60000));
	put16(p + 22, 53);
	put16(p + 24, 8);
}

static double
fill(struct dataplane *dp, struct dp_iface *in, struct dp_iface *out,
    uint32_t from, uint32_t to)
{
	uint8_t		p[64];
	uint32_t	i;
	double		t = cpu_now();

	for (i = from; i < to; i++) {
		flow(p, i);
		if (!nat_out(dp, in, out, p, 28)) {
			fprintf(stderr, "nat_bench: flow %u refused\n", i);
			exit(1);
		}
	}
	return cpu_now() - t;
}

/* ns per translated packet of the table's existing flows. */
static double
lookups(struct dataplane *dp, struct dp_iface *in, struct dp_iface *out,
    uint32_t nflows)
{
	static uint8_t	pk[1024][64];
	double		v[ROUNDS], t;
	uint32_t	i;
	int		r;

	for (i = 0; i < 1024; i++)
		flow(pk[i], (uint32_t)(((uint64_t)i * 2654435761U) % nflows));
	for (r = 0; r < ROUNDS; r++) {
		t = cpu_now();
		for (i = 0; i < LOOKUPS; i++) {
			uint8_t	p[64];

			memcpy(p, pk[i & 1023], 28);
			(void)nat_out(dp, in, out, p, 28);
		}
		v[r] = (cpu_now() - t) * 1e9 / LOOKUPS;
	}
	return median(v, ROUNDS);
}

int
main(void)
{
	struct router		 rt;
	struct session		*ss;
	struct dataplane	*dp;
	struct dp_iface		*in, *out;
	char			 err[256];
	double			 t, small, big;
	const char *const	 cfg[] = { "enable", "configure terminal",
	    "interface FastEthernet1/0",
	    "ip address 10.0.0.254 255.0.0.0", "ip nat inside",
	    "interface FastEthernet0/1",
	    "ip address 200.56.4.1 255.255.255.252", "ip nat outside",
	    "access-list 1 permit 10.0.0.0 0.255.255.255",
	    "ip nat pool P 200.56.9.1 200.56.9.4 prefix-length 24",
	    "ip nat inside source list 1 pool P overload", "end", NULL };
	int			 i;

	clock_use_frozen(1700000000000LL);
	if (router_init(&rt, "nat_bench", err, sizeof(err)) != 0) {
		fprintf(stderr, "nat_bench: %s\n", err);
		return 1;
	}
	ss = session_new(&rt, &quiet, NULL);
	for (i = 0; cfg[i] != NULL; i++)
		(void)session_execute(ss, cfg[i]);
	dp = rt.r_sys.sy_dp;
	in = dp_iface_find(dp, "FastEthernet1/0");
	out = dp_iface_find(dp, "FastEthernet0/1");
	if (in == NULL || out == NULL) {
		fprintf(stderr, "nat_bench: no interfaces\n");
		return 1;
	}
	(void)fill(dp, in, out, 0, 100);
	small = lookups(dp, in, out, 100);
	t = fill(dp, in, out, 100, 100000);
	big = lookups(dp, in, out, 100000);
	printf("nat_bench: PAT, %u translations made at %.0f/s\n",
	    100000 - 100, (100000 - 100) / t);
	printf("nat_bench: translate a packet of a flow: %.1f ns with 100 "
	    "translations, %.1f ns with 100,000: ratio %.2f\n", small, big,
	    big / small);
	session_free(ss);
	router_free(&rt);
	return 0;
}
