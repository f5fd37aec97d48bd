/*
 * reach: a fuzz target's proof that it reached the code it names.
 *
 * A target counts, per input, what its own code under test did (an
 * engine statistic moved, state was created, a packet was answered).
 * With FUZZ_REACH set in the environment (the smoke run of `make check`
 * sets it), the counts are printed when libFuzzer exits and the process
 * exits 1 if any of them is still zero: a target whose framing is wrong
 * (a bad checksum, a port nobody bound) fails the smoke test instead of
 * fuzzing the first check that drops its input.  Header only: each
 * target is one translation unit.
 */
#ifndef IOSH_FUZZ_REACH_H
#define IOSH_FUZZ_REACH_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct reach {
	const char	*r_what;
	unsigned long	 r_n;
};

static const char	*reach_target;
static struct reach	*reach_tab;
static size_t		 reach_n;
static unsigned long	 reach_inputs;

static void
reach_report(void)
{
	size_t	i;
	int	missed = 0;

	fprintf(stderr, "%s: %lu inputs;", reach_target, reach_inputs);
	for (i = 0; i < reach_n; i++) {
		fprintf(stderr, " %s %lu", reach_tab[i].r_what,
		    reach_tab[i].r_n);
		missed |= reach_tab[i].r_n == 0;
	}
	fprintf(stderr, "\n");
	if (missed) {
		fprintf(stderr, "%s: NOT REACHED:", reach_target);
		for (i = 0; i < reach_n; i++)
			if (reach_tab[i].r_n == 0)
				fprintf(stderr, " %s", reach_tab[i].r_what);
		fprintf(stderr, "\n");
		_exit(1);
	}
}

/* TAB[N] is the target's list of counters; checked at exit when asked. */
static void
reach_init(const char *target, struct reach *tab, size_t n)
{
	reach_target = target;
	reach_tab = tab;
	reach_n = n;
	if (getenv("FUZZ_REACH") != NULL)
		atexit(reach_report);
}

#endif
