/*
 * clock: the one place iosh asks what time it is.
 *
 * Tests need deterministic output (uptime in `show version`, log timestamps),
 * so the source is injectable: the real clocks, or a frozen instant given on
 * the command line (`iosh --clock EPOCH`).
 */
#ifndef IOSH_LIB_CLOCK_H
#define IOSH_LIB_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Use the system clocks (the default). */
void		clock_use_real(void);
/* Freeze both clocks: wall time stays at EPOCH_MS, monotonic time at 0. */
void		clock_use_frozen(int64_t epoch_ms);
/* True after clock_use_frozen(). */
bool		clock_is_frozen(void);
/* Move frozen time forward by MS (both clocks), so tests can make timers
 * come due without sleeping.  No effect on the real clocks. */
void		clock_advance(uint64_t ms);
/* Milliseconds since an arbitrary origin, read from the system (or the
 * frozen clock) now; never goes backwards. */
uint64_t	clock_mono_read(void);
/*
 * One instant for one packet: between clock_hold() and clock_release(),
 * clock_mono_ms() answers the time clock_hold() read instead of asking
 * the system again.  A packet asks on its way in (interface counters),
 * through crypto (the flow's last use, its path MTU's age) and out
 * again, and each real read costs ~30 ns (a vDSO call under KVM): one
 * read per packet instead of four.  Holds nest (a packet that makes
 * another keeps the first one's instant); the dataplane holds around the
 * frames it receives, never across an event-loop wait.
 */
/* The holds' depth and their instant: clock.c's, in the open so that a
 * packet's three or four reads are a load each, not a call into clock.c
 * (issue 22: the calls between files are much of the fast path's cost). */
extern unsigned	clock_holds;
extern uint64_t	clock_held_ms;

/* Milliseconds since an arbitrary origin; never goes backwards. */
static inline uint64_t
clock_mono_ms(void)
{
	return clock_holds != 0 ? clock_held_ms : clock_mono_read();
}

static inline void
clock_hold(void)
{
	if (clock_holds++ == 0)
		clock_held_ms = clock_mono_read();
}

static inline void
clock_release(void)
{
	if (clock_holds > 0)
		clock_holds--;
}
/* Milliseconds since the Unix epoch. */
int64_t		clock_wall_ms(void);

#endif
