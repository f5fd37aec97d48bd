/*
 * scale_bench [N] [SAMPLE]: N IOS-like spokes (default 1,000) against one
 * iosh hub — dynamic crypto map, wildcard keyring — each bringing up its
 * own IKE (Main Mode + Quick Mode, 3des/sha, group 2, psk) and IPsec
 * tunnel; every SAMPLE-th spoke (default N/20) also pings the hub's
 * loopback through its tunnel.  Then, over all N tunnels on the hub, the
 * time of `show crypto isakmp sa`, `show crypto ipsec sa` and `show
 * crypto session` beside `show running-config`, the hub's memory per
 * tunnel, and the teardown (`clear crypto session`).
 *
 * The spokes are one iosh router (tests/memlab's R1, on a mem: wire to
 * the hub, R2) that takes spoke i's addresses — Serial 12.2.0.0 + i/8,
 * protected host 11.0.0.0 + i — brings the tunnel up through the engine
 * like any IOS spoke, then forgets it with the wire to the hub cut, so
 * the hub keeps every tunnel while the process holds only one spoke.
 * Memory is the hub's growth: the spoke's state is the same before and
 * after.  Times are CPU seconds of this process (both ends of each
 * setup: the spoke's half is as costly as the hub's).
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench/benchlib.h"
#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "shell/router.h"
#include "shell/session.h"
#include "tests/memlab.h"

#define SPOKE	0		/* memlab's R1 */
#define HUB	1		/* memlab's R2 */
#define ECHO_ID	4242

static struct memlab	*ml;
static bool		 cut;		/* drop what the spoke sends */
static unsigned		 replies;
static size_t		 out_bytes, out_lines;

static size_t
tap(struct memlab *m, int from, uint8_t *frame, size_t len)
{
	(void)m;
	(void)frame;
	return cut && from == SPOKE ? 0 : len;
}

static void
count(void *arg, const char *text, size_t len)
{
	size_t	i;

	(void)arg;
	out_bytes += len;
	for (i = 0; i < len; i++)
		out_lines += text[i] == '\n';
}

static const struct console_ops counting = { count, count, NULL, NULL };

static void
on_echo(void *arg, const struct dp_echo_ev *ev)
{
	(void)arg;
	if (ev->ev_kind == DP_ECHO_REPLY && ev->ev_data_ok)
		replies++;
}

static bool
tunnel_up(void)
{
	const struct ipsec_flow	*fl;

	fl = TAILQ_FIRST(&ml->ml_rt[SPOKE].r_sys.sy_crypto->c_sadb.db_flows);
	return fl != NULL && TAILQ_FIRST(&fl->fl_out) != NULL;
}

static void
ip_text(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
	    (a >> 8) & 255, a & 255);
}

static void
echo(uint32_t src, uint16_t seq)
{
	struct dp_echo_req	er;

	memset(&er, 0, sizeof(er));
	er.er_dst = 0x02020202;
	er.er_src = src;
	er.er_id = ECHO_ID;
	er.er_seq = seq;
	er.er_size = 100;
	er.er_pattern = 0xabcd;
	(void)dp_echo_send(ml->ml_rt[SPOKE].r_sys.sy_dp, &er);
}

/* Spoke I: its addresses, its tunnel up, a ping if SAMPLE, then
 * forgotten by the spoke alone.  False if the tunnel did not come up. */
static bool
spoke(unsigned i, bool sample)
{
	char		text[512], ser[16], in[16];
	uint32_t	inside = 0x0b000001u + i;
	int		k;

	ip_text(0x0c020001u + i, ser, sizeof(ser));
	ip_text(inside, in, sizeof(in));
	snprintf(text, sizeof(text), "configure terminal\n"
	    "interface Serial1/2\nip address %s 255.0.0.0\n"
	    "interface Loopback0\nip address %s 255.255.255.255\n"
	    "exit\nno access-list 100\n"
	    "access-list 100 permit ip host %s host 2.2.2.2\nend", ser, in, in);
	memlab_run(ml, SPOKE, text);
	echo(inside, 0);
	for (k = 0; k < 50 && !tunnel_up(); k++)
		memlab_pump(ml);
	if (!tunnel_up())
		return false;
	if (sample) {
		echo(inside, 1);
		memlab_pump(ml);
	}
	cut = true;
	memlab_run(ml, SPOKE, "clear crypto sa\nclear crypto isakmp");
	memlab_pump(ml);
	cut = false;
	return true;
}

/* CPU seconds of CMD on the hub; its output counted. */
static double
timed(struct session *s, const char *cmd)
{
	double	t0 = cpu_now();

	out_bytes = out_lines = 0;
	(void)session_execute(s, cmd);
	return cpu_now() - t0;
}

static long
rss_kb(void)
{
	FILE	*f = fopen("/proc/self/status", "r");
	char	 line[256];
	long	 kb = -1;

	while (f != NULL && fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	if (f != NULL)
		fclose(f);
	return kb;
}

int
main(int argc, char **argv)
{
	static const char *const shows[] = { "show running-config",
		"show crypto isakmp sa", "show crypto ipsec sa",
		"show crypto session" };
	unsigned	 n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000, i;
	unsigned	 sample = argc > 2 ? (unsigned)atoi(argv[2]) : n / 20;
	unsigned	 pinged = 0;
	struct session	*hs;
	char		 err[256];
	double		 t0, setup, runcfg = 0, t;
	size_t		 heap0, heap1, k;
	long		 rss0, rss1;

	if (sample == 0)
		sample = 1;
	if ((ml = calloc(1, sizeof(*ml))) == NULL ||
	    memlab_open(ml, "esp-3des esp-sha-hmac", err, sizeof(err)) != 0) {
		fprintf(stderr, "scale_bench: %s\n", err);
		return 1;
	}
	ml->ml_tap = tap;
	/* The hub: seed 002's, a wildcard keyring and a dynamic map. */
	memlab_run(ml, SPOKE, "clear crypto sa\nclear crypto isakmp\n"
	    "configure terminal\ncrypto isakmp policy 10\nhash sha\nend");
	memlab_run(ml, HUB, "clear crypto sa\nclear crypto isakmp\n"
	    "configure terminal\ninterface Serial1/1\nno crypto map TST\n"
	    "ip address 12.1.1.2 255.0.0.0\nexit\nno crypto map TST 10\n"
	    "no crypto isakmp key cisco address 12.1.1.1\n"
	    "crypto keyring spokes\n"
	    "pre-shared-key address 0.0.0.0 0.0.0.0 key cisco\nexit\n"
	    "crypto isakmp policy 10\nhash sha\nexit\n"
	    "crypto dynamic-map DM 10\nset transform-set TSET\nexit\n"
	    "crypto map HUB 10 ipsec-isakmp dynamic DM\n"
	    "interface Serial1/1\ncrypto map HUB\nexit\n"
	    "ip route 11.0.0.0 255.0.0.0 Serial1/1\nend");
	memlab_pump(ml);
	(void)dp_echo_listen(ml->ml_rt[SPOKE].r_sys.sy_dp, ECHO_ID, on_echo,
	    NULL);
	hs = session_new(&ml->ml_rt[HUB], &counting, NULL);
	(void)session_execute(hs, "enable");
	(void)session_execute(hs, "terminal length 0");

	malloc_trim(0);
	heap0 = mallinfo2().uordblks;
	rss0 = rss_kb();
	t0 = cpu_now();
	for (i = 0; i < n; i++) {
		if (!spoke(i, i % sample == 0)) {
			fprintf(stderr, "scale_bench: spoke %u: no tunnel\n", i);
			return 1;
		}
		pinged += i % sample == 0;
	}
	setup = cpu_now() - t0;
	heap1 = mallinfo2().uordblks;
	rss1 = rss_kb();

	printf("scale_bench: %u spokes against one hub (3des/sha, group 2, "
	    "psk; dynamic map, wildcard keyring), CPU seconds\n", n);
	printf("  setups: %u in %.2f s: %.0f/s (both ends; spoke "
	    "reconfiguration included)\n", n, setup, n / setup);
	printf("  pings through a sample: %u of %u answered\n", replies,
	    pinged);
	printf("  hub memory: heap +%.1f MB (%.0f bytes/tunnel), resident "
	    "+%.1f MB (%.0f bytes/tunnel), resident now %.1f MB\n",
	    (heap1 - heap0) / 1e6, (double)(heap1 - heap0) / n,
	    (rss1 - rss0) / 1e3, (rss1 - rss0) * 1e3 / n, rss1 / 1e3);
	for (k = 0; k < sizeof(shows) / sizeof(shows[0]); k++) {
		t = timed(hs, shows[k]);
		if (k == 0)
			runcfg = t;
		printf("  %-24s %8.3f s  %9zu lines  %.2fx show running-config\n",
		    shows[k], t, out_lines, t / runcfg);
	}
	cut = true;	/* the spoke forgot its side already */
	t = timed(hs, "clear crypto session");
	memlab_pump(ml);
	printf("  clear crypto session     %8.3f s, then %zu ISAKMP SAs\n", t,
	    (size_t)ml->ml_rt[HUB].r_sys.sy_crypto->c_sadb.db_nisakmp);
	session_free(hs);
	memlab_close(ml);
	free(ml);
	return replies == pinged ? 0 : 1;
}
