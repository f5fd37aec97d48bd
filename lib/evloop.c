/*
 * evloop: poll(2) over a small fd table plus a binary min-heap of timers.
 *
 * Each timer remembers its heap index so cancellation is O(log n) without
 * searching; a hub with many SAs cancels and re-arms timers constantly.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>

#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/xalloc.h"

struct ev_fd {
	int		 ef_fd;
	short		 ef_events;
	ev_io_fn	 ef_fn;
	void		*ef_arg;
};

struct ev_timer {
	uint64_t	 et_when;	/* clock_mono_ms() deadline */
	uint64_t	 et_seq;	/* insertion order breaks ties */
	size_t		 et_idx;	/* position in the heap */
	ev_timer_fn	 et_fn;
	void		*et_arg;
};

struct evloop {
	struct ev_fd	 *el_fds;
	size_t		  el_nfds;
	size_t		  el_capfds;
	struct ev_timer	**el_heap;
	size_t		  el_ntimers;
	size_t		  el_capheap;
	uint64_t	  el_seq;
	int		  el_stop;
	bool		  el_idle_advance;	/* see evloop_idle_advance() */
	bool		(*el_idle_want)(void *);	/* evloop_idle_work() */
	void		(*el_idle_fn)(void *);
	void		 *el_idle_arg;
};

struct evloop *
evloop_new(void)
{
	struct evloop	*el;

	el = xcalloc(1, sizeof(*el));
	return el;
}

void
evloop_free(struct evloop *el)
{
	size_t	i;

	if (el == NULL)
		return;
	for (i = 0; i < el->el_ntimers; i++)
		free(el->el_heap[i]);
	free(el->el_heap);
	free(el->el_fds);
	free(el);
}

static struct ev_fd *
evloop_find(struct evloop *el, int fd)
{
	size_t	i;

	for (i = 0; i < el->el_nfds; i++)
		if (el->el_fds[i].ef_fd == fd)
			return &el->el_fds[i];
	return NULL;
}

int
evloop_add_fd(struct evloop *el, int fd, short events, ev_io_fn fn, void *arg)
{
	struct ev_fd	*ef;

	if (fd < 0 || evloop_find(el, fd) != NULL) {
		errno = EEXIST;
		return -1;
	}
	if (el->el_nfds == el->el_capfds) {
		el->el_capfds = el->el_capfds ? el->el_capfds * 2 : 8;
		el->el_fds = xreallocarray(el->el_fds, el->el_capfds,
		    sizeof(*el->el_fds));
	}
	ef = &el->el_fds[el->el_nfds++];
	ef->ef_fd = fd;
	ef->ef_events = events;
	ef->ef_fn = fn;
	ef->ef_arg = arg;
	return 0;
}

void
evloop_set_events(struct evloop *el, int fd, short events)
{
	struct ev_fd	*ef;

	if ((ef = evloop_find(el, fd)) != NULL)
		ef->ef_events = events;
}

void
evloop_del_fd(struct evloop *el, int fd)
{
	struct ev_fd	*ef;

	if ((ef = evloop_find(el, fd)) == NULL)
		return;
	*ef = el->el_fds[--el->el_nfds];
}

/* Heap order: earlier deadline first, then earlier insertion. */
static int
timer_before(const struct ev_timer *a, const struct ev_timer *b)
{
	if (a->et_when != b->et_when)
		return a->et_when < b->et_when;
	return a->et_seq < b->et_seq;
}

static void
heap_set(struct evloop *el, size_t i, struct ev_timer *t)
{
	el->el_heap[i] = t;
	t->et_idx = i;
}

static void
heap_up(struct evloop *el, size_t i)
{
	struct ev_timer	*t = el->el_heap[i];
	size_t		 parent;

	while (i > 0) {
		parent = (i - 1) / 2;
		if (!timer_before(t, el->el_heap[parent]))
			break;
		heap_set(el, i, el->el_heap[parent]);
		i = parent;
	}
	heap_set(el, i, t);
}

static void
heap_down(struct evloop *el, size_t i)
{
	struct ev_timer	*t = el->el_heap[i];
	size_t		 child;

	for (;;) {
		child = 2 * i + 1;
		if (child >= el->el_ntimers)
			break;
		if (child + 1 < el->el_ntimers &&
		    timer_before(el->el_heap[child + 1], el->el_heap[child]))
			child++;
		if (!timer_before(el->el_heap[child], t))
			break;
		heap_set(el, i, el->el_heap[child]);
		i = child;
	}
	heap_set(el, i, t);
}

static void
heap_remove(struct evloop *el, size_t i)
{
	struct ev_timer	*last;

	last = el->el_heap[--el->el_ntimers];
	if (i == el->el_ntimers)
		return;
	heap_set(el, i, last);
	heap_up(el, i);
	heap_down(el, last->et_idx);
}

struct ev_timer *
evloop_timer_add(struct evloop *el, uint64_t delay_ms, ev_timer_fn fn,
    void *arg)
{
	struct ev_timer	*t;

	t = xcalloc(1, sizeof(*t));
	t->et_when = clock_mono_ms() + delay_ms;
	t->et_seq = el->el_seq++;
	t->et_fn = fn;
	t->et_arg = arg;
	if (el->el_ntimers == el->el_capheap) {
		el->el_capheap = el->el_capheap ? el->el_capheap * 2 : 16;
		el->el_heap = xreallocarray(el->el_heap, el->el_capheap,
		    sizeof(*el->el_heap));
	}
	heap_set(el, el->el_ntimers++, t);
	heap_up(el, t->et_idx);
	return t;
}

void
evloop_timer_cancel(struct evloop *el, struct ev_timer *t)
{
	if (t == NULL)
		return;
	heap_remove(el, t->et_idx);
	free(t);
}

unsigned
evloop_timer_count(const struct evloop *el)
{
	return (unsigned)el->el_ntimers;
}

/* Fire every timer that is due; returns how many fired.  *NOWP (if not
 * NULL) gets the clock reading they were judged by. */
static int
evloop_fire_timers(struct evloop *el, uint64_t *nowp)
{
	struct ev_timer	*t;
	uint64_t	 now = clock_mono_ms();
	int		 n = 0;

	if (nowp != NULL)
		*nowp = now;

	while (el->el_ntimers > 0 && el->el_heap[0]->et_when <= now) {
		t = el->el_heap[0];
		heap_remove(el, 0);
		t->et_fn(t->et_arg);
		free(t);
		n++;
	}
	return n;
}

int
evloop_once(struct evloop *el, int timeout_ms)
{
	struct pollfd	 few[8], *pfd;
	struct ev_fd	 ef;
	size_t		 i, n;
	uint64_t	 now, wait;
	int		 rv, fired;
	bool		 skip;

	/* One clock read serves the timers and the wait: if a timer fired,
	 * the wait is 0 whatever the clock says now. */
	if ((fired = evloop_fire_timers(el, &now)) > 0)
		timeout_ms = 0;
	if (el->el_ntimers > 0) {
		wait = el->el_heap[0]->et_when > now ?
		    el->el_heap[0]->et_when - now : 0;
		if (timeout_ms < 0 || wait < (uint64_t)timeout_ms)
			timeout_ms = wait > INT32_MAX ? INT32_MAX : (int)wait;
	}
	/* Frozen time does not pass by waiting: jump to the next timer. */
	skip = el->el_idle_advance && clock_is_frozen() &&
	    el->el_ntimers > 0 && timeout_ms != 0;
	if (skip)
		timeout_ms = 0;
	n = el->el_nfds;
	/* A router watches a handful of descriptors (none on mem: wires):
	 * no allocation per iteration for those. */
	pfd = n <= sizeof(few) / sizeof(few[0]) ? few :
	    xreallocarray(NULL, n, sizeof(*pfd));
	for (i = 0; i < n; i++) {
		pfd[i].fd = el->el_fds[i].ef_fd;
		pfd[i].events = el->el_fds[i].ef_events;
		pfd[i].revents = 0;
	}
	/* A wait to spend on idle work (evloop_idle_work): only if nothing
	 * is ready now, so that what came never waits for it. */
	if (timeout_ms != 0 && el->el_idle_fn != NULL && !el->el_idle_advance &&
	    el->el_idle_want(el->el_idle_arg)) {
		rv = n == 0 ? 0 : poll(pfd, n, 0);
		if (rv == 0) {
			if (pfd != few)
				free(pfd);
			el->el_idle_fn(el->el_idle_arg);
			return 0;
		}
	} else
		/* Nothing to watch and no wait (routers on mem: wires,
		 * pumped by a test or benchmark): no system call. */
		rv = n == 0 && timeout_ms == 0 ? 0 :
		    poll(pfd, n, timeout_ms);
	if (rv < 0 && errno != EINTR) {
		if (pfd != few)
			free(pfd);
		return -1;
	}
	if (rv == 0 && skip && el->el_ntimers > 0) {
		now = clock_mono_ms();
		if (el->el_heap[0]->et_when > now)
			clock_advance(el->el_heap[0]->et_when - now);
	}
	/*
	 * A callback may add or remove watchers, so look each one up again
	 * rather than trusting the array we polled.
	 */
	for (i = 0; rv > 0 && i < n; i++) {
		struct ev_fd	*cur;

		if (pfd[i].revents == 0)
			continue;
		if ((cur = evloop_find(el, pfd[i].fd)) == NULL)
			continue;
		ef = *cur;
		ef.ef_fn(ef.ef_fd, pfd[i].revents, ef.ef_arg);
		if (el->el_stop)
			break;
	}
	if (pfd != few)
		free(pfd);
	/* Nothing ran, nothing waited and the clock did not jump since the
	 * timers were judged (routers pumped on mem: wires): no second
	 * clock read to find the same. */
	if (fired == 0 && rv == 0 && n == 0 && timeout_ms == 0 && !skip)
		return 0;
	evloop_fire_timers(el, NULL);
	return 0;
}

void
evloop_idle_work(struct evloop *el, bool (*want)(void *), void (*fn)(void *),
    void *arg)
{
	el->el_idle_want = fn != NULL ? want : NULL;
	el->el_idle_fn = want != NULL ? fn : NULL;
	el->el_idle_arg = arg;
}

int
evloop_run(struct evloop *el)
{
	el->el_stop = 0;
	while (!el->el_stop && (el->el_nfds > 0 || el->el_ntimers > 0))
		if (evloop_once(el, -1) < 0)
			return -1;
	return 0;
}

void
evloop_stop(struct evloop *el)
{
	el->el_stop = 1;
}

void
evloop_idle_advance(struct evloop *el, bool on)
{
	el->el_idle_advance = on;
}
