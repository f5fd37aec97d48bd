/*
 * Unit tests for lib/: strbuf, the injectable clock, the event loop and
 * ip4_parse_n against inet_pton, in_cksum_ok20 against in_cksum.
 */
#include <arpa/inet.h>
#include <check.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/strbuf.h"
#include "lib/vty.h"

START_TEST(test_strbuf_basic)
{
	struct strbuf	 sb;
	char		*s;

	strbuf_init(&sb);
	ck_assert_str_eq(sb.sb_buf, "");
	strbuf_puts(&sb, "ab");
	strbuf_putc(&sb, 'c');
	strbuf_pad(&sb, '.', 3);
	strbuf_printf(&sb, "%d-%s", 42, "x");
	ck_assert_str_eq(sb.sb_buf, "abc...42-x");
	ck_assert_uint_eq(sb.sb_len, 10);
	strbuf_reset(&sb);
	ck_assert_str_eq(sb.sb_buf, "");
	strbuf_puts(&sb, "keep");
	s = strbuf_steal(&sb);
	ck_assert_str_eq(s, "keep");
	ck_assert_str_eq(sb.sb_buf, "");
	free(s);
	strbuf_free(&sb);
}
END_TEST

START_TEST(test_strbuf_large)
{
	struct strbuf	sb;
	int		i;

	strbuf_init(&sb);
	for (i = 0; i < 10000; i++)
		strbuf_printf(&sb, "%04d", i % 10000);
	ck_assert_uint_eq(sb.sb_len, 40000);
	ck_assert_int_eq(strncmp(sb.sb_buf + 39996, "9999", 4), 0);
	strbuf_free(&sb);
}
END_TEST

/* strbuf_printf formats in place when the text fits with its NUL and
 * grows first when it does not: at the edges of the capacity the text
 * is whole either way. */
START_TEST(test_strbuf_printf_fit)
{
	struct strbuf	sb;
	char		s63[64];

	memset(s63, 'a', 63);
	s63[63] = '\0';
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s", s63);	/* from no buffer at all */
	ck_assert_uint_eq(sb.sb_cap, 64);
	ck_assert_str_eq(sb.sb_buf, s63);
	strbuf_printf(&sb, "%s", "");
	ck_assert_uint_eq(sb.sb_len, 63);
	strbuf_printf(&sb, "%c", 'b');	/* one more than the room */
	ck_assert_uint_eq(sb.sb_cap, 128);
	ck_assert_uint_eq(sb.sb_len, 64);
	ck_assert_int_eq(sb.sb_buf[63], 'b');
	strbuf_printf(&sb, "%s", s63);	/* exactly the room */
	ck_assert_uint_eq(sb.sb_cap, 128);
	ck_assert_uint_eq(sb.sb_len, 127);
	ck_assert_uint_eq(strlen(sb.sb_buf), 127);
	strbuf_printf(&sb, "%d", 12);
	ck_assert_uint_eq(sb.sb_cap, 256);
	ck_assert_str_eq(sb.sb_buf + 126, "a12");
	strbuf_free(&sb);
}
END_TEST

START_TEST(test_vty_out)
{
	struct vty	vty;

	memset(&vty, 0, sizeof(vty));
	strbuf_init(&vty.v_out);
	vty_out(&vty, "%s uptime is %u minutes\n", "R1", 5u);
	ck_assert_str_eq(vty.v_out.sb_buf, "R1 uptime is 5 minutes\n");
	vty_enter(&vty, 5, &vty);	/* lib/ does not interpret the number */
	ck_assert_uint_eq(vty.v_mode, 5);
	ck_assert_ptr_eq(vty.v_ctx, &vty);
	strbuf_free(&vty.v_out);
}
END_TEST

START_TEST(test_clock_frozen)
{
	clock_use_frozen(1700000000123LL);
	ck_assert_int_eq(clock_wall_ms(), 1700000000123LL);
	ck_assert_uint_eq(clock_mono_ms(), 0);
	clock_use_real();
	ck_assert_int_gt(clock_wall_ms(), 1700000000000LL);
}
END_TEST

static char	fired[16];
static size_t	nfired;

static void
record(void *arg)
{
	fired[nfired++] = *(const char *)arg;
}

START_TEST(test_timer_order_and_cancel)
{
	struct evloop	*el = evloop_new();
	struct ev_timer	*tb;
	static const char a = 'a', b = 'b', c = 'c', d = 'd';

	nfired = 0;
	clock_use_real();
	evloop_timer_add(el, 20, record, (void *)&c);
	tb = evloop_timer_add(el, 10, record, (void *)&b);
	evloop_timer_add(el, 0, record, (void *)&a);
	evloop_timer_add(el, 20, record, (void *)&d);	/* ties: insertion order */
	ck_assert_uint_eq(evloop_timer_count(el), 4);
	evloop_timer_cancel(el, tb);
	ck_assert_uint_eq(evloop_timer_count(el), 3);
	ck_assert_int_eq(evloop_run(el), 0);
	ck_assert_uint_eq(nfired, 3);
	ck_assert_int_eq(memcmp(fired, "acd", 3), 0);
	evloop_free(el);
}
END_TEST

START_TEST(test_timer_heap_many)
{
	struct evloop	*el = evloop_new();
	struct ev_timer	*t[200];
	int		 i;

	clock_use_frozen(0);	/* nothing is due: only heap bookkeeping */
	for (i = 0; i < 200; i++)
		t[i] = evloop_timer_add(el, (uint64_t)((i * 7919) % 200) + 1,
		    record, NULL);
	for (i = 0; i < 200; i += 2)
		evloop_timer_cancel(el, t[i]);
	ck_assert_uint_eq(evloop_timer_count(el), 100);
	for (i = 1; i < 200; i += 2)
		evloop_timer_cancel(el, t[i]);
	ck_assert_uint_eq(evloop_timer_count(el), 0);
	evloop_free(el);
	clock_use_real();
}
END_TEST

static int	readable_calls;

static void
on_readable(int fd, short revents, void *arg)
{
	char	buf[8];

	(void)revents;
	readable_calls++;
	ck_assert_int_eq(read(fd, buf, sizeof(buf)), 3);
	evloop_del_fd(arg, fd);
}

START_TEST(test_fd_watch)
{
	struct evloop	*el = evloop_new();
	int		 p[2];

	readable_calls = 0;
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(evloop_add_fd(el, p[0], POLLIN, on_readable, el), 0);
	ck_assert_int_eq(evloop_add_fd(el, p[0], POLLIN, on_readable, el), -1);
	ck_assert_int_eq(write(p[1], "abc", 3), 3);
	ck_assert_int_eq(evloop_run(el), 0);	/* returns: nothing left */
	ck_assert_int_eq(readable_calls, 1);
	close(p[0]);
	close(p[1]);
	evloop_free(el);
}
END_TEST

/* evloop_idle_work: run only when the iteration would wait, nothing is
 * ready and the work is wanted; then the iteration returns at once. */
static int	idle_wanted, idle_runs;

static bool
idle_want(void *arg)
{
	(void)arg;
	return idle_wanted > 0;
}

static void
idle_run(void *arg)
{
	(void)arg;
	idle_runs++;
	idle_wanted--;
}

START_TEST(test_idle_work)
{
	struct evloop	*el = evloop_new();
	int		 p[2];

	readable_calls = idle_runs = 0;
	clock_use_real();
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(evloop_add_fd(el, p[0], POLLIN, on_readable, el), 0);
	evloop_idle_work(el, idle_want, idle_run, NULL);
	/* Ready descriptor first: its callback, no idle work. */
	idle_wanted = 2;
	ck_assert_int_eq(write(p[1], "abc", 3), 3);
	ck_assert_int_eq(evloop_once(el, 10000), 0);
	ck_assert_int_eq(readable_calls, 1);
	ck_assert_int_eq(idle_runs, 0);
	/* No wait asked: no idle work. */
	ck_assert_int_eq(evloop_once(el, 0), 0);
	ck_assert_int_eq(idle_runs, 0);
	/* A wait with nothing ready: one piece each, instead of waiting
	 * (10 s would time the test out); then, not wanted, the wait. */
	ck_assert_int_eq(evloop_once(el, 10000), 0);
	ck_assert_int_eq(evloop_once(el, -1), 0);
	ck_assert_int_eq(idle_runs, 2);
	ck_assert_int_eq(evloop_once(el, 1), 0);
	ck_assert_int_eq(idle_runs, 2);
	/* Scripted sessions (idle advance) never run it. */
	idle_wanted = 1;
	evloop_idle_advance(el, true);
	ck_assert_int_eq(evloop_once(el, 1), 0);
	ck_assert_int_eq(idle_runs, 2);
	evloop_idle_advance(el, false);
	/* Taken away: none. */
	evloop_idle_work(el, NULL, NULL, NULL);
	ck_assert_int_eq(evloop_once(el, 1), 0);
	ck_assert_int_eq(idle_runs, 2);
	close(p[0]);
	close(p[1]);
	evloop_free(el);
}
END_TEST

/* ip4_parse_n accepts exactly what inet_pton(AF_INET) accepts, with the
 * same value: the edges by hand, then 200,000 words of digits and dots
 * (seeded), and a word not followed by its NUL. */
static bool
ip4_same(const char *w)
{
	struct in_addr	in;
	uint32_t	a = 0;
	bool		ok = inet_pton(AF_INET, w, &in) == 1;

	return ip4_parse_n(w, strlen(w), &a) == ok &&
	    (!ok || a == ntohl(in.s_addr));
}

START_TEST(test_ip4_parse_n)
{
	static const char *const edge[] = {
		"", "1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1",
		"1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "01.2.3.4",
		"1.2.3.04", "1.2.3.0", "10.0.250.1", "1.2.3.4.5", "1.2.3.4a",
		"1.2.3.999", "1.2.3.2555", "a.b.c.d", "1.2.3. 4",
	};
	static const char	alpha[] = "0123456789..";
	char			w[20];
	uint32_t		a;
	size_t			i, k, len;

	for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
		ck_assert_msg(ip4_same(edge[i]), "\"%s\"", edge[i]);
	/* One assertion for the lot: each ck_assert is a write to Check's
	 * parent, and 400,000 of them outran the timeout under a loaded
	 * distcheck. */
	srand(22);
	for (i = 0; i < 200000; i++) {
		len = (size_t)rand() % 17;
		for (k = 0; k < len; k++)
			w[k] = alpha[rand() % (int)(sizeof(alpha) - 1)];
		w[len] = '\0';
		if (!ip4_same(w))
			break;
	}
	ck_assert_msg(i == 200000, "\"%s\"", w);
	ck_assert(ip4_parse_n("10.1.2.3 255", 8, &a));
	ck_assert_uint_eq(a, 0x0a010203);
	ck_assert(!ip4_parse_n("10.1.2.3 255", 9, &a));
}
END_TEST

/* The 20-byte header's check answers as in_cksum's whole sum does: on
 * headers made right (ip4_hdr, then one word changed to keep the sum),
 * on the sums that fold to zero and to all ones, and on random bytes
 * (almost all wrong). */
START_TEST(test_in_cksum_ok20)
{
	uint8_t		h[20];
	uint32_t	x = 22;
	size_t		i, k;

	ip4_hdr(h, 84, 50, 0x0a000001, 0xc0a80101);
	ck_assert(in_cksum_ok20(h) && in_cksum(h, 20, 0) == 0);
	h[8]--;				/* TTL */
	ck_assert(!in_cksum_ok20(h));
	h[10]++;			/* RFC 1624: the sum follows */
	ck_assert(in_cksum_ok20(h) && in_cksum(h, 20, 0) == 0);
	memset(h, 0, sizeof(h));	/* a sum of zero is wrong */
	ck_assert(!in_cksum_ok20(h) && in_cksum(h, 20, 0) != 0);
	memset(h, 0xff, sizeof(h));	/* all ones: right */
	ck_assert(in_cksum_ok20(h) && in_cksum(h, 20, 0) == 0);
	h[0] = 0xfe;			/* 0xfeff + 9 * 0xffff */
	ck_assert(!in_cksum_ok20(h) && in_cksum(h, 20, 0) != 0);
	for (i = 0; i < 100000; i++) {
		for (k = 0; k < sizeof(h); k++) {
			x = x * 1103515245 + 12345;
			h[k] = (uint8_t)(x >> 16);
		}
		if (i & 1)		/* half of them right */
			ip4_hdr(h, get16(h + 2), h[9], get32(h + 12),
			    get32(h + 16));
		if (in_cksum_ok20(h) != (in_cksum(h, 20, 0) == 0))
			break;
	}
	ck_assert_uint_eq(i, 100000);
}
END_TEST

static Suite *
lib_suite(void)
{
	Suite	*s = suite_create("lib");
	TCase	*tc;

	tc = tcase_create("Core");
	tcase_add_test(tc, test_strbuf_basic);
	tcase_add_test(tc, test_vty_out);
	tcase_add_test(tc, test_clock_frozen);
	tcase_add_test(tc, test_timer_order_and_cancel);
	tcase_add_test(tc, test_fd_watch);
	tcase_add_test(tc, test_ip4_parse_n);
	tcase_add_test(tc, test_in_cksum_ok20);
	suite_add_tcase(s, tc);
	tc = tcase_create("Limits");
	tcase_add_test(tc, test_strbuf_large);
	tcase_add_test(tc, test_strbuf_printf_fit);
	tcase_add_test(tc, test_timer_heap_many);
	tcase_add_test(tc, test_idle_work);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(lib_suite());
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
