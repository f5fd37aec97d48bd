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
/* Milliseconds since an arbitrary origin; never goes backwards. */
uint64_t	clock_mono_ms(void);
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
void		clock_hold(void);
void		clock_release(void);
/* Milliseconds since the Unix epoch. */
int64_t		clock_wall_ms(void);

#endif
