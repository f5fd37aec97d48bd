/*
 * benchlib: what every benchmark measures with — CPU time of this process
 * (not wall time, so another job on the machine does not count against
 * the code measured), and the median of a few rounds.
 */
#ifndef IOSH_BENCH_BENCHLIB_H
#define IOSH_BENCH_BENCHLIB_H

/* Seconds of CPU this process has used. */
double	cpu_now(void);
/* The median of V[0..N-1] (sorted in place). */
double	median(double *v, int n);

#endif
