/*
 * evloop: the single-threaded event loop every subsystem shares.
 *
 * One poll(2) loop serves the console, sockets and timers, so IKE, the
 * dataplane and the CLI never need threads or locks.  Timers live in a
 * binary heap (O(log n) add/cancel) because a hub will carry tens of
 * thousands of SAs, each with its own timers.
 */
#ifndef IOSH_LIB_EVLOOP_H
#define IOSH_LIB_EVLOOP_H

#include <stdbool.h>
#include <stdint.h>

struct evloop;
struct ev_timer;

typedef void	(*ev_io_fn)(int fd, short revents, void *arg);
typedef void	(*ev_timer_fn)(void *arg);

struct evloop	*evloop_new(void);
void		 evloop_free(struct evloop *);

/* Watch FD for EVENTS (POLLIN, POLLOUT); one watcher per fd. */
int		 evloop_add_fd(struct evloop *, int fd, short events,
		    ev_io_fn, void *arg);
void		 evloop_set_events(struct evloop *, int fd, short events);
void		 evloop_del_fd(struct evloop *, int fd);

/* Fire FN(ARG) once, DELAY_MS from now.  The handle is valid until the
 * timer fires or is cancelled. */
struct ev_timer	*evloop_timer_add(struct evloop *, uint64_t delay_ms,
		    ev_timer_fn fn, void *arg);
void		 evloop_timer_cancel(struct evloop *, struct ev_timer *);
/* Timers pending (for tests and `show` counters). */
unsigned	 evloop_timer_count(const struct evloop *);

/* Run until evloop_stop() or until nothing is left to wait for. */
int		 evloop_run(struct evloop *);
/* Run one iteration, waiting at most TIMEOUT_MS (-1: until an event). */
int		 evloop_once(struct evloop *, int timeout_ms);
void		 evloop_stop(struct evloop *);
/*
 * With the clock frozen (clock_use_frozen), ON makes an iteration that
 * finds no descriptor ready move the clock to the next timer and fire it
 * instead of waiting: a scripted session (golden transcripts) then runs
 * its timeouts at once, and the same way every time.  No effect on the
 * real clock.
 */
void		 evloop_idle_advance(struct evloop *, bool on);
/*
 * Work worth doing while the loop would otherwise sleep (crypto's key
 * pairs made before an exchange needs them): an iteration that would
 * wait (TIMEOUT_MS not 0) and finds nothing ready asks WANT(ARG), and if
 * it says yes runs FN(ARG) — one piece — and returns instead of waiting;
 * the caller's next iteration waits.  Never with evloop_idle_advance
 * on, so a scripted session runs the same way every time.  FN NULL:
 * none.
 */
void		 evloop_idle_work(struct evloop *, bool (*want)(void *),
		    void (*fn)(void *), void *arg);

#endif
