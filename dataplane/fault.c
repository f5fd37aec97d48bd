/*
 * fault: loss, duplication, reordering and delay between a sender and a
 * receiver, with its own seeded PRNG so that runs repeat exactly.
 *
 * Delay keeps frames in first-in first-out order (jitter never lets a
 * frame overtake an earlier one), so the queue is a byte ring of
 * { due, len, bytes } records and a single timer armed for the oldest
 * record is enough, whatever the number of frames in flight.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/fault.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/xalloc.h"

/* Percentages are held in thousandths of a percent: 100000 is 100%. */
#define PCT_SCALE	100000u
#define DELAY_MAX_MS	60000u

/* A ring record: header then the frame, padded to 8 bytes. */
struct ring_hdr {
	uint64_t	rh_due;
	uint32_t	rh_len;		/* RING_WRAP: continue at offset 0 */
	uint32_t	rh_pad;
};
#define RING_WRAP	UINT32_MAX

struct fault_conf {
	uint32_t	fc_loss;	/* PCT_SCALE units */
	uint32_t	fc_dup;
	uint32_t	fc_reorder;
	uint32_t	fc_delay;	/* ms */
	uint32_t	fc_jitter;	/* ms */
	int		fc_has_seed;
	uint64_t	fc_seed;
};

struct fault {
	struct evloop		*f_el;
	fault_out_fn		 f_out;
	void			*f_arg;
	struct fault_conf	 f_conf;
	uint64_t		 f_rng;
	struct fault_stats	 f_stats;

	/* reorder: at most one frame held back */
	uint8_t			*f_held;
	size_t			 f_heldlen;
	size_t			 f_heldcap;
	int			 f_holding;
	struct ev_timer		*f_holdtimer;

	/* delay: the ring, allocated on first use */
	uint8_t			*f_ring;
	size_t			 f_head;	/* oldest record */
	size_t			 f_tail;	/* where the next one goes */
	size_t			 f_count;	/* records queued */
	uint64_t		 f_last_due;
	struct ev_timer		*f_timer;
};

/* splitmix64: tiny, fast, and good enough to decide a frame's fate. */
static uint64_t
fault_rand(struct fault *f)
{
	uint64_t	z;

	z = (f->f_rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
fault_chance(struct fault *f, uint32_t pct)
{
	if (pct == 0)
		return 0;
	return fault_rand(f) % PCT_SCALE < pct;
}

struct fault *
fault_new(struct evloop *el, fault_out_fn out, void *arg)
{
	struct fault	*f;

	f = xcalloc(1, sizeof(*f));
	f->f_el = el;
	f->f_out = out;
	f->f_arg = arg;
	/* Unseeded faults still differ from run to run and object to object. */
	f->f_rng = clock_mono_ms() ^ (uint64_t)(uintptr_t)f;
	return f;
}

void
fault_free(struct fault *f)
{
	if (f == NULL)
		return;
	evloop_timer_cancel(f->f_el, f->f_timer);
	evloop_timer_cancel(f->f_el, f->f_holdtimer);
	free(f->f_ring);
	free(f->f_held);
	free(f);
}

void
fault_seed(struct fault *f, uint64_t seed)
{
	f->f_rng = seed;
}

/* "30", "0.5", "100": a percentage with up to three decimals. */
static int
parse_pct(const char *s, uint32_t *out)
{
	uint32_t	v = 0, frac = 0, scale = 1000;
	int		digits = 0;

	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		v = v * 10 + (uint32_t)(*s - '0');
		if (v > 100)
			return -1;
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
			if (scale == 1)
				return -1;
			scale /= 10;
			frac += (uint32_t)(*s - '0') * scale;
		}
	}
	if (*s != '\0' || digits == 0 || v * 1000 + frac > PCT_SCALE)
		return -1;
	*out = v * 1000 + frac;
	return 0;
}

static int
parse_ms(const char *s, uint32_t *out)
{
	char		*end;
	unsigned long	 v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end != '\0' || v > DELAY_MAX_MS)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int
parse_seed(const char *s, uint64_t *out)
{
	char			*end;
	unsigned long long	 v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

static int
parse_setting(struct fault_conf *fc, char *item, char *err, size_t errlen)
{
	char		*val;
	uint32_t	*pct = NULL, *ms = NULL;

	if ((val = strchr(item, '=')) == NULL) {
		snprintf(err, errlen, "fault: expected NAME=VALUE, not '%s'",
		    item);
		return -1;
	}
	*val++ = '\0';
	if (strcmp(item, "loss") == 0)
		pct = &fc->fc_loss;
	else if (strcmp(item, "dup") == 0)
		pct = &fc->fc_dup;
	else if (strcmp(item, "reorder") == 0)
		pct = &fc->fc_reorder;
	else if (strcmp(item, "delay") == 0)
		ms = &fc->fc_delay;
	else if (strcmp(item, "jitter") == 0)
		ms = &fc->fc_jitter;
	else if (strcmp(item, "seed") == 0) {
		if (parse_seed(val, &fc->fc_seed) < 0) {
			snprintf(err, errlen, "fault: seed needs a number, "
			    "not '%s'", val);
			return -1;
		}
		fc->fc_has_seed = 1;
		return 0;
	} else {
		snprintf(err, errlen, "fault: unknown setting '%s' (loss, "
		    "delay, jitter, dup, reorder, seed)", item);
		return -1;
	}
	if (pct != NULL && parse_pct(val, pct) < 0) {
		snprintf(err, errlen, "fault: %s needs a percentage 0-100, "
		    "not '%s'", item, val);
		return -1;
	}
	if (ms != NULL && parse_ms(val, ms) < 0) {
		snprintf(err, errlen, "fault: %s needs milliseconds 0-%u, "
		    "not '%s'", item, DELAY_MAX_MS, val);
		return -1;
	}
	return 0;
}

int
fault_set(struct fault *f, const char *spec, char *err, size_t errlen)
{
	struct fault_conf	 fc;
	char			*copy, *p, *item;

	memset(&fc, 0, sizeof(fc));
	if (strcmp(spec, "none") != 0 && *spec != '\0') {
		copy = xstrdup(spec);
		for (p = copy; (item = strsep(&p, ",")) != NULL; )
			if (parse_setting(&fc, item, err, errlen) < 0) {
				free(copy);
				return -1;
			}
		free(copy);
	}
	f->f_conf = fc;
	if (fc.fc_has_seed)
		f->f_rng = fc.fc_seed;
	return 0;
}

/* Append ",NAME=VALUE" (no comma first), VALUE in PCT_SCALE units. */
static void
put_pct(struct strbuf *sb, size_t start, const char *name, uint32_t v)
{
	char	frac[4];
	size_t	n;

	if (v == 0)
		return;
	strbuf_printf(sb, "%s%s=%u", sb->sb_len > start ? "," : "", name,
	    v / 1000);
	if (v % 1000 == 0)
		return;
	snprintf(frac, sizeof(frac), "%03u", v % 1000);
	for (n = 3; frac[n - 1] == '0'; n--)
		frac[n - 1] = '\0';
	strbuf_printf(sb, ".%s", frac);
}

static void
put_num(struct strbuf *sb, size_t start, const char *name, uint64_t v)
{
	strbuf_printf(sb, "%s%s=%" PRIu64, sb->sb_len > start ? "," : "",
	    name, v);
}

void
fault_spec(const struct fault *f, struct strbuf *sb)
{
	const struct fault_conf	*fc = &f->f_conf;
	size_t			 start = sb->sb_len;

	put_pct(sb, start, "loss", fc->fc_loss);
	if (fc->fc_delay)
		put_num(sb, start, "delay", fc->fc_delay);
	if (fc->fc_jitter)
		put_num(sb, start, "jitter", fc->fc_jitter);
	put_pct(sb, start, "dup", fc->fc_dup);
	put_pct(sb, start, "reorder", fc->fc_reorder);
	if (fc->fc_has_seed)
		put_num(sb, start, "seed", fc->fc_seed);
	if (sb->sb_len == start)
		strbuf_puts(sb, "none");
}

int
fault_active(const struct fault *f)
{
	const struct fault_conf	*fc = &f->f_conf;

	return fc->fc_loss || fc->fc_dup || fc->fc_reorder ||
	    fc->fc_delay || fc->fc_jitter;
}

const struct fault_stats *
fault_stats(const struct fault *f)
{
	return &f->f_stats;
}

void
fault_stats_clear(struct fault *f)
{
	memset(&f->f_stats, 0, sizeof(f->f_stats));
}

static void
fault_emit(struct fault *f, const uint8_t *frame, size_t len)
{
	f->f_stats.fs_out++;
	f->f_out(f->f_arg, frame, len);
}

/* --- delay ------------------------------------------------------------ */

static size_t
ring_need(size_t len)
{
	return sizeof(struct ring_hdr) + ((len + 7) & ~(size_t)7);
}

/* After a pop, step over the end of the ring if the next record is at 0. */
static void
ring_normalize(struct fault *f)
{
	struct ring_hdr	h;

	if (f->f_count == 0) {
		f->f_head = f->f_tail = 0;
		return;
	}
	if (FAULT_QUEUE_BYTES - f->f_head < sizeof(h)) {
		f->f_head = 0;
		return;
	}
	memcpy(&h, f->f_ring + f->f_head, sizeof(h));
	if (h.rh_len == RING_WRAP)
		f->f_head = 0;
}

/* Where a record of NEED bytes goes, or NULL if the ring is full. */
static uint8_t *
ring_reserve(struct fault *f, size_t need)
{
	struct ring_hdr	wrap;
	size_t		at;

	if (f->f_ring == NULL && (f->f_ring = malloc(FAULT_QUEUE_BYTES)) ==
	    NULL)
		abort();
	if (f->f_count == 0)
		f->f_head = f->f_tail = 0;
	if (f->f_count == 0 || f->f_tail > f->f_head) {
		if (need <= FAULT_QUEUE_BYTES - f->f_tail)
			at = f->f_tail;
		else if (f->f_count > 0 && need <= f->f_head) {
			if (FAULT_QUEUE_BYTES - f->f_tail >= sizeof(wrap)) {
				memset(&wrap, 0, sizeof(wrap));
				wrap.rh_len = RING_WRAP;
				memcpy(f->f_ring + f->f_tail, &wrap,
				    sizeof(wrap));
			}
			at = 0;
		} else
			return NULL;
	} else if (need <= f->f_head - f->f_tail)
		at = f->f_tail;
	else
		return NULL;
	f->f_tail = at + need;
	f->f_count++;
	return f->f_ring + at;
}

static void	fault_release(void *);

static void
fault_arm(struct fault *f)
{
	struct ring_hdr	h;
	uint64_t	now = clock_mono_ms();

	if (f->f_timer != NULL || f->f_count == 0)
		return;
	memcpy(&h, f->f_ring + f->f_head, sizeof(h));
	f->f_timer = evloop_timer_add(f->f_el, h.rh_due > now ?
	    h.rh_due - now : 0, fault_release, f);
}

/* The timer: pass on every record that is due, then re-arm. */
static void
fault_release(void *arg)
{
	struct fault	*f = arg;
	struct ring_hdr	 h;
	uint64_t	 now = clock_mono_ms();

	f->f_timer = NULL;
	while (f->f_count > 0) {
		memcpy(&h, f->f_ring + f->f_head, sizeof(h));
		if (h.rh_due > now)
			break;
		/* Emit before popping: the bytes stay reserved meanwhile. */
		fault_emit(f, f->f_ring + f->f_head + sizeof(h), h.rh_len);
		f->f_head += ring_need(h.rh_len);
		f->f_count--;
		ring_normalize(f);
	}
	fault_arm(f);
}

static void
fault_delay(struct fault *f, const uint8_t *frame, size_t len)
{
	const struct fault_conf	*fc = &f->f_conf;
	struct ring_hdr		 h;
	uint8_t			*rec;
	uint64_t		 now, due;
	int64_t			 d;

	/* With frames still queued, later ones wait too: order is kept. */
	if (fc->fc_delay == 0 && fc->fc_jitter == 0 && f->f_count == 0) {
		fault_emit(f, frame, len);
		return;
	}
	d = fc->fc_delay;
	if (fc->fc_jitter)
		d += (int64_t)(fault_rand(f) % (2 * (uint64_t)fc->fc_jitter +
		    1)) - fc->fc_jitter;
	now = clock_mono_ms();
	due = now + (uint64_t)(d > 0 ? d : 0);
	if (f->f_count > 0 && due < f->f_last_due)
		due = f->f_last_due;
	if (len > FAULT_QUEUE_BYTES || (rec = ring_reserve(f,
	    ring_need(len))) == NULL) {
		f->f_stats.fs_overflow++;
		return;
	}
	memset(&h, 0, sizeof(h));
	h.rh_due = due;
	h.rh_len = (uint32_t)len;
	memcpy(rec, &h, sizeof(h));
	memcpy(rec + sizeof(h), frame, len);
	f->f_last_due = due;
	f->f_stats.fs_delayed++;
	fault_arm(f);
}

/* --- reorder ---------------------------------------------------------- */

static void
fault_unhold(void *arg)
{
	struct fault	*f = arg;

	f->f_holdtimer = NULL;
	f->f_holding = 0;
	fault_delay(f, f->f_held, f->f_heldlen);
}

static void
fault_reorder(struct fault *f, const uint8_t *frame, size_t len)
{
	if (f->f_holding) {
		/* The held frame follows this one: the swap. */
		evloop_timer_cancel(f->f_el, f->f_holdtimer);
		f->f_holdtimer = NULL;
		fault_delay(f, frame, len);
		f->f_holding = 0;
		fault_delay(f, f->f_held, f->f_heldlen);
		return;
	}
	if (!fault_chance(f, f->f_conf.fc_reorder)) {
		fault_delay(f, frame, len);
		return;
	}
	if (len > f->f_heldcap) {
		free(f->f_held);
		f->f_held = xmalloc(len);
		f->f_heldcap = len;
	}
	memcpy(f->f_held, frame, len);
	f->f_heldlen = len;
	f->f_holding = 1;
	f->f_stats.fs_reordered++;
	f->f_holdtimer = evloop_timer_add(f->f_el, FAULT_HOLD_MS,
	    fault_unhold, f);
}

void
fault_input(struct fault *f, const uint8_t *frame, size_t len)
{
	f->f_stats.fs_in++;
	if (fault_chance(f, f->f_conf.fc_loss)) {
		f->f_stats.fs_lost++;
		return;
	}
	if (fault_chance(f, f->f_conf.fc_dup)) {
		f->f_stats.fs_duplicated++;
		fault_reorder(f, frame, len);
	}
	fault_reorder(f, frame, len);
}
