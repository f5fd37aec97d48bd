/*
 * benchlib: CPU time and medians for the benchmarks (see benchlib.h).
 */
#include <time.h>

#include "bench/benchlib.h"

double
cpu_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

double
median(double *v, int n)
{
	double	t;
	int	i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (v[j] < v[i]) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
			}
	return v[n / 2];
}
