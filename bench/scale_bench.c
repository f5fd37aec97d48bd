/*
 * scale_bench [N] [SAMPLE] [keys]: N IOS-like spokes (default 1,000)
 * against one iosh hub — dynamic crypto map, wildcard keyring; with
 * `keys` one `crypto isakmp key` per spoke's address instead (a
 * static-key hub, whose running-config grows with its peers) — each
 * bringing up its own IKE (Main Mode + Quick Mode, 3des/sha, group 2,
 * psk) and IPsec tunnel; every SAMPLE-th spoke (default N/20) also pings
 * the hub's loopback through its tunnel as it comes up.  After all the
 * setups every tunnel carries an ESP-protected echo to the hub and back
 * (tests/spoke_esp.c), N of N must answer.  Then, over all N tunnels on
 * the hub, the time of `show crypto isakmp sa`, `show crypto ipsec sa`
 * and `show crypto session` beside `show running-config` (and the ratio
 * of the first to it, round by round, with the median), the hub's
 * memory per tunnel, and the teardown (`clear crypto session`).
 *
 * The spokes are one iosh router that takes each spoke's addresses, brings
 * its tunnel up through the engine like any IOS spoke, then forgets it
 * with the wire to the hub cut (tests/spokes.c), so the hub keeps every
 * tunnel while the process holds only one spoke.
 * Memory is the hub's growth: the spoke's state is the same before and
 * after.  Times are CPU seconds of this process (both ends of each
 * setup: the spoke's half is as costly as the hub's).
 */
#include <sys/resource.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/benchlib.h"
#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "shell/router.h"
#include "shell/session.h"
#include "tests/spokes.h"

static struct memlab	*ml;
static size_t		 out_bytes, out_lines;

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

/* CPU seconds of CMD on the hub; its output counted. */
static double
timed(struct session *s, const char *cmd)
{
	double	t0 = cpu_now();

	out_bytes = out_lines = 0;
	(void)session_execute(s, cmd);
	return cpu_now() - t0;
}

#define ROUNDS	5

/* The median of ROUNDS runs of CMD. */
static double
timed_median(struct session *s, const char *cmd)
{
	double	v[ROUNDS];
	int	r;

	for (r = 0; r < ROUNDS; r++)
		v[r] = timed(s, cmd);
	return median(v, ROUNDS);
}

/*
 * Issue 22's target, `show crypto isakmp sa` within 2x `show
 * running-config` (of a static-key hub, whose configuration grows with
 * its peers): the two timed back to back in each round, the ratio of
 * each round and their median.
 */
#define RATIO_ROUNDS	9

static void
ratio_rounds(struct session *s)
{
	double	r[RATIO_ROUNDS], cfg, isk;
	int	i;

	printf("  isakmp sa / running-config, %d rounds:", RATIO_ROUNDS);
	for (i = 0; i < RATIO_ROUNDS; i++) {
		cfg = timed(s, "show running-config");
		isk = timed(s, "show crypto isakmp sa");
		r[i] = isk / cfg;
		printf(" %.2f", r[i]);
	}
	printf(", median %.2fx\n", median(r, RATIO_ROUNDS));
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
	bool		 keys = argc > 1 && strcmp(argv[argc - 1], "keys") == 0;
	int		 nargs = argc - keys;
	unsigned	 n = nargs > 1 ? (unsigned)atoi(argv[1]) : 1000, i;
	unsigned	 sample = nargs > 2 ? (unsigned)atoi(argv[2]) : n / 20;
	unsigned	 pinged = 0, answered;
	struct session	*hs;
	struct rusage	 ru;
	char		 err[256];
	double		 t0, setup, runcfg = 0, t, traffic;
	size_t		 heap0, heap1, k, runlines = 1, mem;
	long		 rss0, rss1;

	if (sample == 0)
		sample = 1;
	if ((ml = calloc(1, sizeof(*ml))) == NULL ||
	    spokes_open(ml, err, sizeof(err)) != 0) {
		fprintf(stderr, "scale_bench: %s\n", err);
		return 1;
	}
	hs = session_new(&ml->ml_rt[SPOKES_HUB], &counting, NULL);
	(void)session_execute(hs, "enable");
	(void)session_execute(hs, "terminal length 0");
	if (keys) {
		malloc_trim(0);
		heap0 = mallinfo2().uordblks;
		t0 = cpu_now();
		spokes_static_keys(ml, n);
		t = cpu_now() - t0;
		printf("scale_bench: hub keys: %u `crypto isakmp key` lines "
		    "in %.2f s, heap +%.1f MB\n", n, t,
		    (mallinfo2().uordblks - heap0) / 1e6);
	}

	malloc_trim(0);
	heap0 = mallinfo2().uordblks;
	rss0 = rss_kb();
	t0 = cpu_now();
	for (i = 0; i < n; i++) {
		if (!spokes_up(ml, i, i % sample == 0)) {
			fprintf(stderr, "scale_bench: spoke %u: no tunnel\n", i);
			return 1;
		}
		pinged += i % sample == 0;
	}
	setup = cpu_now() - t0;
	/* The hub's growth: the generator's kept ESP material is not. */
	heap1 = mallinfo2().uordblks;
	mem = heap1 > heap0 + spokes_kept_bytes() ? heap1 - heap0 -
	    spokes_kept_bytes() : 0;	/* 0 under ASan: mallinfo2 is not its */
	rss1 = rss_kb();
	t0 = cpu_now();
	answered = spokes_echo_all(ml);
	traffic = cpu_now() - t0;

	printf("scale_bench: %u spokes against one hub (3des/sha, group 2, "
	    "psk; dynamic map, %s), CPU seconds\n", n, keys ?
	    "a crypto isakmp key per spoke" : "wildcard keyring");
	printf("  setups: %u in %.2f s: %.0f/s (both ends; spoke "
	    "reconfiguration included)\n", n, setup, n / setup);
	printf("  pings through a sample at setup: %u of %u answered\n",
	    spokes_replies(), pinged);
	printf("  traffic: %u of %u tunnels answered an ESP echo through the "
	    "hub, %.2f s (%.1f us/tunnel, both ends)\n", answered, n,
	    traffic, traffic * 1e6 / n);
	printf("  hub memory: heap +%.1f MB (%.0f bytes/tunnel), resident "
	    "+%.1f MB (%.0f bytes/tunnel), resident after setup %.1f MB; "
	    "generator's ESP material %.1f MB\n", mem / 1e6,
	    (double)mem / n, (rss1 - rss0) / 1e3, (rss1 - rss0) * 1e3 / n,
	    rss1 / 1e3, spokes_kept_bytes() / 1e6);
	/* A dynamic hub's configuration does not grow with its peers:
	 * beside its time, each show's time per line of output against
	 * show running-config's; and, for the static-key hub, whose does,
	 * the time ratio itself.  Medians of ROUNDS runs. */
	for (k = 0; k < sizeof(shows) / sizeof(shows[0]); k++) {
		t = timed_median(hs, shows[k]);
		if (k == 0) {
			runcfg = t;
			runlines = out_lines;
		}
		printf("  %-22s %8.4f s %8zu lines %6.2f us/line: %.2fx show "
		    "running-config per line, %.2fx its time\n", shows[k], t,
		    out_lines, t * 1e6 / out_lines,
		    (t / out_lines) / (runcfg / runlines), t / runcfg);
	}
	ratio_rounds(hs);
	spokes_cut(true);	/* the spoke forgot its side already */
	t = timed(hs, "clear crypto session");
	memlab_pump(ml);
	printf("  clear crypto session     %8.3f s, then %zu ISAKMP SAs\n", t,
	    (size_t)ml->ml_rt[SPOKES_HUB].r_sys.sy_crypto->c_sadb.db_nisakmp);
	getrusage(RUSAGE_SELF, &ru);
	printf("  resident at most %.1f MB (getrusage)\n", ru.ru_maxrss / 1e3);
	session_free(hs);
	spokes_close(ml);
	free(ml);
	return spokes_replies() == pinged && answered == n ? 0 : 1;
}
