/*
 * clock: real or frozen time.  Process-wide because there is one router per
 * process and the choice is made once, at start-up, from the command line.
 */
#include <time.h>

#include "lib/clock.h"

static int	clock_frozen;		/* non-zero: use clock_epoch_ms */
static int64_t	clock_epoch_ms;		/* the frozen wall time */
static uint64_t	clock_mono_frozen;	/* the frozen monotonic time */
unsigned	clock_holds;		/* clock_hold() depth */
uint64_t	clock_held_ms;		/* what they answer */

void
clock_use_real(void)
{
	clock_frozen = 0;
}

void
clock_use_frozen(int64_t epoch_ms)
{
	clock_frozen = 1;
	clock_epoch_ms = epoch_ms;
	clock_mono_frozen = 0;
}

bool
clock_is_frozen(void)
{
	return clock_frozen != 0;
}

void
clock_advance(uint64_t ms)
{
	if (!clock_frozen)
		return;
	clock_epoch_ms += (int64_t)ms;
	clock_mono_frozen += ms;
	clock_held_ms += ms;	/* a test moving time inside a hold */
}

uint64_t
clock_mono_read(void)
{
	struct timespec	ts;

	if (clock_frozen)
		return clock_mono_frozen;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

int64_t
clock_wall_ms(void)
{
	struct timespec	ts;

	if (clock_frozen)
		return clock_epoch_ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
