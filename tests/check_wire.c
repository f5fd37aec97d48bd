/*
 * Unit tests for the layer under the interfaces: udp: wires through the
 * event loop, attachment spec errors, fault injection (seeded, so exact),
 * and pcap capture files byte for byte.  tap: and pcap: need root and a
 * namespace: tests/wire_netns.sh.
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <netinet/in.h>

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/capture.h"
#include "dataplane/fault.h"
#include "dataplane/wire.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/strbuf.h"

/* --- helpers ---------------------------------------------------------- */

/* A port nobody uses right now (the kernel's pick, then released). */
static int
free_udp_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof(sin);
	int			fd;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	ck_assert_int_ge(fd, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	close(fd);
	return ntohs(sin.sin_port);
}

/* What a receiver saw: frames concatenated, with their lengths. */
struct sink {
	size_t		n;
	size_t		len[4096];
	uint8_t		first[4096];	/* first byte of each frame */
	uint32_t	seq[4096];	/* first four bytes, for ordering */
	struct strbuf	all;
};

static void
sink_rx(void *arg, const uint8_t *frame, size_t len)
{
	struct sink	*s = arg;
	uint32_t	 seq = 0;

	ck_assert_uint_lt(s->n, 4096);
	s->len[s->n] = len;
	s->first[s->n] = len ? frame[0] : 0;
	if (len >= 4)
		memcpy(&seq, frame, 4);
	s->seq[s->n] = seq;
	s->n++;
	if (s->all.sb_buf != NULL)
		strbuf_printf(&s->all, "%.*s|", (int)len, (const char *)frame);
}

static struct sink *
sink_new(int text)
{
	struct sink	*s = calloc(1, sizeof(*s));

	ck_assert_ptr_nonnull(s);
	if (text)
		strbuf_init(&s->all);
	return s;
}

static void
sink_free(struct sink *s)
{
	if (s->all.sb_buf != NULL)
		strbuf_free(&s->all);
	free(s);
}

/* Turn the loop until SINK holds N frames or two seconds pass. */
static void
run_until(struct evloop *el, struct sink *s, size_t n)
{
	uint64_t	deadline = clock_mono_ms() + 2000;

	while (s->n < n && clock_mono_ms() < deadline)
		evloop_once(el, 50);
}

static struct wire *
open_ok(struct evloop *el, const char *spec, struct sink *s)
{
	char		 err[256];
	struct wire	*w;

	err[0] = '\0';
	w = wire_open(el, spec, sink_rx, s, err, sizeof(err));
	ck_assert_msg(w != NULL, "%s: %s", spec, err);
	return w;
}

/* a (frames to SA) and b (frames to RX(ARG)) joined on loopback. */
static void
open_pair_rx(struct evloop *el, struct wire **a, struct sink *sa,
    struct wire **b, wire_rx_fn rx, void *arg)
{
	char	spec[64], err[256];
	int	pa = free_udp_port(), pb = free_udp_port();

	snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", pa, pb);
	*a = open_ok(el, spec, sa);
	snprintf(spec, sizeof(spec), "udp:%d:localhost:%d", pb, pa);
	*b = wire_open(el, spec, rx, arg, err, sizeof(err));
	ck_assert_msg(*b != NULL, "%s: %s", spec, err);
}

static void
open_pair(struct evloop *el, struct wire **a, struct sink *sa,
    struct wire **b, struct sink *sb)
{
	open_pair_rx(el, a, sa, b, sink_rx, sb);
}

static void
close_pair(struct evloop *el, struct wire *a, struct sink *sa, struct wire *b,
    struct sink *sb)
{
	wire_close(a);
	wire_close(b);
	sink_free(sa);
	sink_free(sb);
	evloop_free(el);
}

/* --- udp wires -------------------------------------------------------- */

START_TEST(test_udp_pair)
{
	struct evloop		*el = evloop_new();
	struct sink		*sa = sink_new(1), *sb = sink_new(1);
	struct wire		*a, *b;
	const struct wire_stats	*st;
	static uint8_t		 big[WIRE_FRAME_MAX - 28];

	clock_use_real();
	open_pair(el, &a, sa, &b, sb);
	ck_assert_int_eq(wire_send(a, (const uint8_t *)"hello", 5), 0);
	ck_assert_int_eq(wire_send(a, (const uint8_t *)"x", 1), 0);
	ck_assert_int_eq(wire_send(b, (const uint8_t *)"back", 4), 0);
	run_until(el, sb, 2);
	run_until(el, sa, 1);
	ck_assert_str_eq(sb->all.sb_buf, "hello|x|");
	ck_assert_str_eq(sa->all.sb_buf, "back|");

	/* The largest frame a UDP/IPv4 datagram can carry arrives whole. */
	memset(big, 0xab, sizeof(big));
	ck_assert_int_eq(wire_send(a, big, sizeof(big)), 0);
	run_until(el, sb, 3);
	ck_assert_uint_eq(sb->len[2], sizeof(big));
	ck_assert_uint_eq(sb->first[2], 0xab);

	st = wire_stats(a);
	ck_assert_uint_eq(st->ws_out_frames, 3);
	ck_assert_uint_eq(st->ws_out_bytes, 6 + sizeof(big));
	ck_assert_uint_eq(st->ws_in_frames, 1);
	ck_assert_uint_eq(st->ws_in_bytes, 4);
	st = wire_stats(b);
	ck_assert_uint_eq(st->ws_in_frames, 3);
	ck_assert_uint_eq(st->ws_out_frames, 1);
	ck_assert_uint_eq(st->ws_in_drops + st->ws_in_errors +
	    st->ws_out_drops + st->ws_out_errors, 0);
	wire_stats_clear(b);
	ck_assert_uint_eq(wire_stats(b)->ws_in_frames, 0);

	/* Too big for any wire: refused and counted. */
	ck_assert_int_eq(wire_send(a, big, WIRE_FRAME_MAX + 1), -1);

	close_pair(el, a, sa, b, sb);
}
END_TEST

/*
 * A burst is read a batch per system call (recvmmsg): 100 frames queued
 * on the socket take one readiness for WIRE_RX_BUDGET (64) of them in one
 * batch, the next for the other 36, in order.
 */
START_TEST(test_udp_batch)
{
	struct evloop		*el = evloop_new();
	struct sink		*sa = sink_new(0), *sb = sink_new(0);
	struct wire		*a, *b;
	const struct wire_stats	*st;
	uint32_t		 i;

	clock_use_real();
	open_pair(el, &a, sa, &b, sb);
	for (i = 0; i < 100; i++)
		ck_assert_int_eq(wire_send(a, (const uint8_t *)&i, 4), 0);
	ck_assert_int_eq(evloop_once(el, 1000), 0);
	st = wire_stats(b);
	ck_assert_uint_eq(sb->n, 64);
	ck_assert_uint_eq(st->ws_in_frames, 64);
	ck_assert_uint_eq(st->ws_in_bytes, 256);
	ck_assert_uint_eq(st->ws_in_batches, 1);
	ck_assert_int_eq(evloop_once(el, 1000), 0);
	ck_assert_uint_eq(sb->n, 100);
	ck_assert_uint_eq(st->ws_in_frames, 100);
	ck_assert_uint_eq(st->ws_in_batches, 2);
	for (i = 0; i < 100; i++)
		ck_assert_uint_eq(sb->seq[i], i);
	ck_assert_uint_eq(st->ws_in_drops + st->ws_in_errors, 0);
	ck_assert_uint_eq(wire_stats(a)->ws_in_batches, 0);
	close_pair(el, a, sa, b, sb);
}
END_TEST

/* An rx callback that answers every frame on its own wire, as a router
 * forwarding a batch does. */
struct echo {
	struct sink	*e_sink;
	struct wire	*e_wire;
	uint64_t	 e_out_at_rx;	/* ws_out_frames when the last came */
};

static void
echo_rx(void *arg, const uint8_t *frame, size_t len)
{
	struct echo	*e = arg;

	sink_rx(e->e_sink, frame, len);
	e->e_out_at_rx = wire_stats(e->e_wire)->ws_out_frames;
	ck_assert_int_eq(wire_send(e->e_wire, frame, len), 0);
}

/*
 * Frames sent during a read batch leave in one sendmmsg when the batch
 * ends: 100 frames reach b in two batches (64, 36); b answers each; its
 * answers are queued (nothing written while the batch runs), then leave
 * in one system call per batch — written before evloop_once returns —
 * and reach a in order.  A frame sent outside a batch goes at once.
 */
START_TEST(test_udp_tx_batch)
{
	struct evloop		*el = evloop_new();
	struct sink		*sa = sink_new(0), *sb = sink_new(0);
	struct echo		 e;
	struct wire		*a, *b;
	const struct wire_stats	*st;
	uint32_t		 i;

	clock_use_real();
	e.e_sink = sb;
	e.e_out_at_rx = 99;
	open_pair_rx(el, &a, sa, &b, echo_rx, &e);
	e.e_wire = b;
	st = wire_stats(b);
	for (i = 0; i < 100; i++)
		ck_assert_int_eq(wire_send(a, (const uint8_t *)&i, 4), 0);
	/* Outside a batch: one write per frame, at once. */
	ck_assert_uint_eq(wire_stats(a)->ws_out_frames, 100);
	ck_assert_uint_eq(wire_stats(a)->ws_out_batches, 100);
	ck_assert_int_eq(evloop_once(el, 1000), 0);
	ck_assert_uint_eq(sb->n, 64);
	ck_assert_uint_eq(e.e_out_at_rx, 0);	/* queued while it ran */
	ck_assert_uint_eq(st->ws_out_frames, 64);
	ck_assert_uint_eq(st->ws_out_bytes, 256);
	ck_assert_uint_eq(st->ws_out_batches, 1);
	ck_assert_int_eq(evloop_once(el, 1000), 0);
	ck_assert_uint_eq(sb->n, 100);
	ck_assert_uint_eq(e.e_out_at_rx, 64);
	ck_assert_uint_eq(st->ws_out_frames, 100);
	ck_assert_uint_eq(st->ws_out_batches, 2);
	ck_assert_uint_eq(st->ws_out_drops + st->ws_out_errors, 0);
	run_until(el, sa, 100);
	ck_assert_uint_eq(sa->n, 100);
	for (i = 0; i < 100; i++)
		ck_assert_uint_eq(sa->seq[i], i);
	ck_assert_uint_eq(wire_stats(a)->ws_in_batches, 2);
	close_pair(el, a, sa, b, sb);
}
END_TEST

/* A batch that sends three frames, the middle one larger than a UDP
 * datagram can be (65,507 bytes over IPv4), and what the wire said. */
#define TOO_BIG	65520
struct refused {
	struct wire	*r_wire;
	int		 r_owner;	/* its address names the sender */
	unsigned	 r_fail;
	size_t		 r_fail_bytes;
};

static void
refused_rx(void *arg, const uint8_t *frame, size_t len)
{
	static uint8_t	 big[TOO_BIG];
	struct refused	*r = arg;

	(void)frame;
	(void)len;
	ck_assert_int_eq(wire_send_owned(r->r_wire, (const uint8_t *)"one",
	    3, &r->r_owner), 0);
	ck_assert_int_eq(wire_send_owned(r->r_wire, big, sizeof(big),
	    &r->r_owner), 0);	/* queued: refused only when written */
	ck_assert_int_eq(wire_send_owned(r->r_wire, (const uint8_t *)"three",
	    5, &r->r_owner), 0);
}

static void
refused_txfail(void *arg, void *owner, size_t len)
{
	struct refused	*r = arg;

	ck_assert_ptr_eq(owner, &r->r_owner);
	r->r_fail++;
	r->r_fail_bytes += len;
}

/*
 * A queued frame the medium refuses when the batch is written (EMSGSIZE)
 * is counted once, as an error, and reported with its owner — so the
 * interface that counted it as output can take it back — and the frames
 * around it still leave, in order: sendmmsg sends "one" and stops; the
 * next call fails on the big frame; the third sends "three".
 */
START_TEST(test_udp_tx_refused)
{
	struct evloop		*el = evloop_new();
	struct sink		*sa = sink_new(1), *sb = sink_new(0);
	struct refused		 r;
	struct wire		*a, *b;
	const struct wire_stats	*st;

	clock_use_real();
	memset(&r, 0, sizeof(r));
	open_pair_rx(el, &a, sa, &b, refused_rx, &r);
	r.r_wire = b;
	wire_set_txfail(b, refused_txfail);
	st = wire_stats(b);
	ck_assert_int_eq(wire_send(a, (const uint8_t *)"go", 2), 0);
	ck_assert_int_eq(evloop_once(el, 1000), 0);
	ck_assert_uint_eq(r.r_fail, 1);
	ck_assert_uint_eq(r.r_fail_bytes, TOO_BIG);
	ck_assert_uint_eq(st->ws_out_errors, 1);
	ck_assert_uint_eq(st->ws_out_drops, 0);
	ck_assert_uint_eq(st->ws_out_frames, 2);
	ck_assert_uint_eq(st->ws_out_bytes, 8);
	ck_assert_uint_eq(st->ws_out_batches, 2);
	run_until(el, sa, 2);
	ck_assert_str_eq(sa->all.sb_buf, "one|three|");
	close_pair(el, a, sa, b, sb);
}
END_TEST

START_TEST(test_udp_peer_down)
{
	struct evloop	*el = evloop_new();
	struct sink	*sa = sink_new(0);
	struct wire	*a;
	char		 spec[64];
	int		 i;

	/* Nobody listens on the remote port: sends fail quietly, counted. */
	clock_use_real();
	snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", free_udp_port(),
	    free_udp_port());
	a = open_ok(el, spec, sa);
	ck_assert_str_eq(wire_spec(a), spec);
	for (i = 0; i < 3; i++) {
		wire_send(a, (const uint8_t *)"ping", 4);
		evloop_once(el, 20);
	}
	ck_assert_uint_eq(sa->n, 0);
	ck_assert_uint_ge(wire_stats(a)->ws_in_errors +
	    wire_stats(a)->ws_out_errors, 1);
	wire_close(a);
	sink_free(sa);
	evloop_free(el);
}
END_TEST

START_TEST(test_udp_ipv6)
{
	struct evloop	*el = evloop_new();
	struct sink	*sa = sink_new(1), *sb = sink_new(1);
	struct wire	*a, *b;
	char		 spec[64];
	int		 pa = free_udp_port(), pb = free_udp_port(), fd;

	/* Hosts without IPv6 at all cannot run this one. */
	if ((fd = socket(AF_INET6, SOCK_DGRAM, 0)) < 0) {
		sink_free(sa);
		sink_free(sb);
		evloop_free(el);
		return;
	}
	close(fd);
	clock_use_real();
	snprintf(spec, sizeof(spec), "udp:%d:[::1]:%d", pa, pb);
	a = open_ok(el, spec, sa);
	snprintf(spec, sizeof(spec), "udp:%d:[::1]:%d", pb, pa);
	b = open_ok(el, spec, sb);
	wire_send(a, (const uint8_t *)"six", 3);
	run_until(el, sb, 1);
	ck_assert_str_eq(sb->all.sb_buf, "six|");
	close_pair(el, a, sa, b, sb);
}
END_TEST

static void
spec_err(struct evloop *el, const char *spec, const char *want)
{
	char	err[256];

	strcpy(err, "(untouched)");
	ck_assert_ptr_null(wire_open(el, spec, sink_rx, NULL, err,
	    sizeof(err)));
	ck_assert_msg(strcmp(err, want) == 0, "%s: got \"%s\", want \"%s\"",
	    spec, err, want);
}

START_TEST(test_spec_errors)
{
	struct evloop	*el = evloop_new();
	struct sink	*s = sink_new(0);
	struct wire	*w;
	char		 spec[64], want[128], err[256];
	int		 p = free_udp_port();

	spec_err(el, "", "invalid attachment '' (expected "
	    "udp:LPORT:HOST:RPORT, tap:NAME or pcap:IFNAME)");
	spec_err(el, "eth0", "invalid attachment 'eth0' (expected "
	    "udp:LPORT:HOST:RPORT, tap:NAME or pcap:IFNAME)");
	spec_err(el, "tun:x", "unknown attachment kind 'tun' "
	    "(expected udp, tap or pcap)");
	spec_err(el, "udp:", "udp: expected udp:LOCAL_PORT:REMOTE_HOST:"
	    "REMOTE_PORT, not 'udp:'");
	spec_err(el, "udp:5000", "udp: expected udp:LOCAL_PORT:REMOTE_HOST:"
	    "REMOTE_PORT, not 'udp:5000'");
	spec_err(el, "udp:5000:127.0.0.1", "udp: expected udp:LOCAL_PORT:"
	    "REMOTE_HOST:REMOTE_PORT, not 'udp:5000:127.0.0.1'");
	spec_err(el, "udp:x:127.0.0.1:5001",
	    "udp: invalid local port 'x' (1-65535)");
	spec_err(el, "udp:0:127.0.0.1:5001",
	    "udp: invalid local port '0' (1-65535)");
	spec_err(el, "udp:65536:127.0.0.1:5001",
	    "udp: invalid local port '65536' (1-65535)");
	spec_err(el, "udp:99999999999999999999:127.0.0.1:5001",
	    "udp: invalid local port '99999999999999999999' (1-65535)");
	spec_err(el, "udp:5000:127.0.0.1:",
	    "udp: invalid remote port '' (1-65535)");
	spec_err(el, "udp:5000:127.0.0.1:50x1",
	    "udp: invalid remote port '50x1' (1-65535)");
	spec_err(el, "udp:5000::5001",
	    "udp: missing remote host in '5000::5001'");
	spec_err(el, "udp:5000:[::1:5001", "udp: expected udp:LOCAL_PORT:"
	    "REMOTE_HOST:REMOTE_PORT, not 'udp:5000:[::1:5001'");
	spec_err(el, "udp:5000:[::1]5001", "udp: expected udp:LOCAL_PORT:"
	    "REMOTE_HOST:REMOTE_PORT, not 'udp:5000:[::1]5001'");
	spec_err(el, "tap:", "tap: expected tap:NAME");
	spec_err(el, "tap:abcdefghijklmnop", "tap: interface name "
	    "'abcdefghijklmnop' too long (at most 15 characters)");
	spec_err(el, "pcap:", "pcap: expected pcap:IFNAME");

	/* A port already taken: the kernel's reason, verbatim. */
	snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", p, p);
	w = open_ok(el, spec, s);
	snprintf(want, sizeof(want), "udp: cannot bind local port %d: "
	    "Address already in use", p);
	spec_err(el, spec, want);
	wire_close(w);

	/* Resolver and libpcap words vary by host: check our prefix. */
	ck_assert_ptr_null(wire_open(el, "udp:5000:no.such.host.invalid:5001",
	    sink_rx, NULL, err, sizeof(err)));
	ck_assert_msg(strncmp(err, "udp: cannot resolve "
	    "'no.such.host.invalid': ", 42) == 0, "%s", err);
	/* A missing capture interface: libpcap's words after our prefix. */
	ck_assert_ptr_null(wire_open(el, "pcap:nosuchif0", sink_rx, NULL,
	    err, sizeof(err)));
	ck_assert_msg(strncmp(err, "pcap: nosuchif0: ", 17) == 0, "%s", err);
	sink_free(s);
	evloop_free(el);
}
END_TEST

/* --- fault injection -------------------------------------------------- */

static struct fault *
fault_ok(struct evloop *el, struct sink *s, const char *spec)
{
	struct fault	*f = fault_new(el, sink_rx, s);
	char		 err[256];

	ck_assert_msg(fault_set(f, spec, err, sizeof(err)) == 0, "%s: %s",
	    spec, err);
	return f;
}

static void
feed(struct fault *f, uint32_t from, uint32_t n)
{
	uint8_t		frame[64];
	uint32_t	i;

	memset(frame, 0, sizeof(frame));
	for (i = from; i < from + n; i++) {
		memcpy(frame, &i, 4);
		fault_input(f, frame, sizeof(frame));
	}
}

START_TEST(test_fault_loss)
{
	struct evloop	*el = evloop_new();
	struct sink	*s1 = sink_new(0), *s2 = sink_new(0);
	struct fault	*f1, *f2;

	f1 = fault_ok(el, s1, "loss=30,seed=42");
	f2 = fault_ok(el, s2, "seed=42,loss=30");
	feed(f1, 0, 1000);
	feed(f2, 0, 1000);
	/* The seed fixes the count exactly; 30% of 1000 give or take 3σ. */
	ck_assert_uint_eq(fault_stats(f1)->fs_in, 1000);
	ck_assert_uint_eq(fault_stats(f1)->fs_lost + s1->n, 1000);
	ck_assert_uint_eq(fault_stats(f1)->fs_out, s1->n);
	ck_assert_uint_ge(fault_stats(f1)->fs_lost, 257);
	ck_assert_uint_le(fault_stats(f1)->fs_lost, 343);
	ck_assert_uint_eq(fault_stats(f1)->fs_lost, 312);
	/* Same seed, same frames lost. */
	ck_assert_uint_eq(s1->n, s2->n);
	ck_assert_int_eq(memcmp(s1->seq, s2->seq, s1->n * sizeof(s1->seq[0])),
	    0);
	/* Nothing duplicated, delayed or out of order. */
	ck_assert_uint_eq(evloop_timer_count(el), 0);
	fault_free(f1);
	fault_free(f2);

	/* loss=100 drops everything, loss=0.5 about five in a thousand. */
	s1->n = 0;
	f1 = fault_ok(el, s1, "loss=100");
	feed(f1, 0, 1000);
	ck_assert_uint_eq(s1->n, 0);
	fault_free(f1);
	f1 = fault_ok(el, s1, "loss=0.5,seed=1");
	feed(f1, 0, 1000);
	ck_assert_uint_ge(fault_stats(f1)->fs_lost, 1);
	ck_assert_uint_le(fault_stats(f1)->fs_lost, 15);
	fault_free(f1);
	sink_free(s1);
	sink_free(s2);
	evloop_free(el);
}
END_TEST

START_TEST(test_fault_dup)
{
	struct evloop	*el = evloop_new();
	struct sink	*s = sink_new(0);
	struct fault	*f;
	size_t		 i, twins = 0;

	f = fault_ok(el, s, "dup=10,seed=7");
	feed(f, 0, 1000);
	ck_assert_uint_eq(s->n, 1000 + fault_stats(f)->fs_duplicated);
	ck_assert_uint_ge(fault_stats(f)->fs_duplicated, 70);
	ck_assert_uint_le(fault_stats(f)->fs_duplicated, 130);
	for (i = 1; i < s->n; i++)
		if (s->seq[i] == s->seq[i - 1])
			twins++;
	ck_assert_uint_eq(twins, fault_stats(f)->fs_duplicated);
	fault_free(f);
	sink_free(s);
	evloop_free(el);
}
END_TEST

START_TEST(test_fault_reorder)
{
	struct evloop	*el = evloop_new();
	struct sink	*s = sink_new(0);
	struct fault	*f;
	uint8_t		 seen[1000];
	size_t		 i, inversions = 0;

	clock_use_frozen(0);
	f = fault_ok(el, s, "reorder=20,seed=3");
	feed(f, 0, 1000);
	/* A frame held at the very end leaves when its hold expires. */
	clock_advance(FAULT_HOLD_MS);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 1000);
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < s->n; i++) {
		ck_assert_uint_lt(s->seq[i], 1000);
		ck_assert_uint_eq(seen[s->seq[i]]++, 0);
		if (i > 0 && s->seq[i] < s->seq[i - 1]) {
			inversions++;
			/* Adjacent swaps only: never more than one step. */
			ck_assert_uint_eq(s->seq[i] + 1, s->seq[i - 1]);
		}
	}
	ck_assert_uint_eq(inversions, fault_stats(f)->fs_reordered);
	ck_assert_uint_ge(inversions, 120);
	ck_assert_uint_le(inversions, 200);
	fault_free(f);
	sink_free(s);
	evloop_free(el);
	clock_use_real();
}
END_TEST

START_TEST(test_fault_delay)
{
	struct evloop	*el = evloop_new();
	struct sink	*s = sink_new(0);
	struct fault	*f;
	size_t		 i;

	clock_use_frozen(1700000000000LL);
	clock_advance(5);
	ck_assert_uint_eq(clock_mono_ms(), 5);
	ck_assert_int_eq(clock_wall_ms(), 1700000000005LL);
	clock_use_frozen(0);
	f = fault_ok(el, s, "delay=10");
	feed(f, 0, 3);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 0);
	clock_advance(9);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 0);
	feed(f, 3, 1);			/* due at 19 */
	clock_advance(1);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 3);
	ck_assert_uint_eq(evloop_timer_count(el), 1);
	clock_advance(9);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 4);
	ck_assert_uint_eq(evloop_timer_count(el), 0);
	ck_assert_uint_eq(fault_stats(f)->fs_delayed, 4);

	/* Jitter spreads departures over delay±jitter, never reordering. */
	s->n = 0;
	ck_assert_int_eq(fault_set(f, "delay=20,jitter=5,seed=9", NULL, 0),
	    0);
	feed(f, 0, 100);
	clock_advance(14);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 0);
	clock_advance(11);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 100);
	for (i = 0; i < 100; i++)
		ck_assert_uint_eq(s->seq[i], i);

	/* Removing the delay keeps queued frames ahead of new ones. */
	s->n = 0;
	ck_assert_int_eq(fault_set(f, "delay=5", NULL, 0), 0);
	feed(f, 0, 2);
	ck_assert_int_eq(fault_set(f, "none", NULL, 0), 0);
	feed(f, 2, 1);
	ck_assert_uint_eq(s->n, 0);
	clock_advance(5);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 3);
	ck_assert_uint_eq(s->seq[2], 2);
	feed(f, 3, 1);
	ck_assert_uint_eq(s->n, 4);	/* queue empty: straight through */
	fault_free(f);
	sink_free(s);
	evloop_free(el);
	clock_use_real();
}
END_TEST

START_TEST(test_fault_ring)
{
	struct evloop	*el = evloop_new();
	struct sink	*s = sink_new(0);
	struct fault	*f;
	static uint8_t	 frame[60000];
	uint32_t	 seq = 0, t, k, sz;

	clock_use_frozen(0);
	/* 1 MiB holds 17 records of 60000 bytes: the rest overflow. */
	f = fault_ok(el, s, "delay=1");
	memset(frame, 0, sizeof(frame));
	for (k = 0; k < 20; k++)
		fault_input(f, frame, sizeof(frame));
	ck_assert_uint_eq(fault_stats(f)->fs_overflow, 3);
	clock_advance(1);
	evloop_once(el, 0);
	ck_assert_uint_eq(s->n, 17);

	/*
	 * Keep the ring never empty while records of varied sizes go in
	 * and out, so it wraps many times; every frame must come out whole
	 * and in order.
	 */
	s->n = 0;
	fault_stats_clear(f);
	ck_assert_int_eq(fault_set(f, "delay=2", NULL, 0), 0);
	for (t = 0; t < 300; t++) {
		for (k = 0; k < 3; k++) {
			sz = 8 + (seq * 7919) % 50000;
			memcpy(frame, &seq, 4);
			memset(frame + 4, (int)(seq & 0xff), sz - 4);
			fault_input(f, frame, sz);
			seq++;
		}
		clock_advance(1);
		evloop_once(el, 0);
	}
	clock_advance(2);
	evloop_once(el, 0);
	ck_assert_uint_eq(fault_stats(f)->fs_overflow, 0);
	ck_assert_uint_eq(s->n, 900);
	for (k = 0; k < 900; k++) {
		ck_assert_uint_eq(s->seq[k], k);
		ck_assert_uint_eq(s->len[k], 8 + (k * 7919) % 50000);
	}
	fault_free(f);
	sink_free(s);
	evloop_free(el);
	clock_use_real();
}
END_TEST

/* The byte check of ring contents: the sink keeps only the first bytes,
 * so check the fill pattern with a sink of its own. */
static int	ring_bad;

static void
ring_check(void *arg, const uint8_t *frame, size_t len)
{
	uint32_t	seq;
	size_t		i;

	(void)arg;
	memcpy(&seq, frame, 4);
	for (i = 4; i < len; i++)
		if (frame[i] != (uint8_t)(seq & 0xff))
			ring_bad++;
}

START_TEST(test_fault_ring_bytes)
{
	struct evloop	*el = evloop_new();
	struct fault	*f = fault_new(el, ring_check, NULL);
	static uint8_t	 frame[65535];
	uint32_t	 seq = 0, t, k, sz;

	clock_use_frozen(0);
	ring_bad = 0;
	ck_assert_int_eq(fault_set(f, "delay=3,jitter=2,seed=5", NULL, 0),
	    0);
	for (t = 0; t < 200; t++) {
		for (k = 0; k < 4; k++) {
			sz = 4 + (seq * 104729) % 65531;
			memcpy(frame, &seq, 4);
			memset(frame + 4, (int)(seq & 0xff), sz - 4);
			fault_input(f, frame, sz);
			seq++;
		}
		clock_advance(1);
		evloop_once(el, 0);
	}
	clock_advance(10);
	evloop_once(el, 0);
	ck_assert_int_eq(ring_bad, 0);
	ck_assert_uint_eq(fault_stats(f)->fs_out + fault_stats(f)->fs_overflow,
	    800);
	fault_free(f);
	evloop_free(el);
	clock_use_real();
}
END_TEST

static void
fault_err(struct fault *f, const char *spec, const char *want)
{
	char	err[256];

	strcpy(err, "(untouched)");
	ck_assert_int_eq(fault_set(f, spec, err, sizeof(err)), -1);
	ck_assert_msg(strcmp(err, want) == 0, "%s: got \"%s\", want \"%s\"",
	    spec, err, want);
}

static void
spec_is(struct fault *f, const char *want)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	fault_spec(f, &sb);
	ck_assert_str_eq(sb.sb_buf, want);
	strbuf_free(&sb);
}

START_TEST(test_fault_spec)
{
	struct evloop	*el = evloop_new();
	struct fault	*f = fault_new(el, sink_rx, NULL);

	spec_is(f, "none");
	ck_assert_int_eq(fault_active(f), 0);
	ck_assert_int_eq(fault_set(f, "reorder=5,loss=30.5,dup=0.05,delay=10,"
	    "jitter=2,seed=7", NULL, 0), 0);
	spec_is(f, "loss=30.5,delay=10,jitter=2,dup=0.05,reorder=5,seed=7");
	ck_assert_int_eq(fault_active(f), 1);
	ck_assert_int_eq(fault_set(f, "loss=0.125,dup=100.0", NULL, 0), 0);
	spec_is(f, "loss=0.125,dup=100");
	ck_assert_int_eq(fault_set(f, "seed=0x10", NULL, 0), 0);
	spec_is(f, "seed=16");
	ck_assert_int_eq(fault_active(f), 0);
	ck_assert_int_eq(fault_set(f, "loss=10", NULL, 0), 0);

	fault_err(f, "loss=101", "fault: loss needs a percentage 0-100, "
	    "not '101'");
	fault_err(f, "dup=100.001", "fault: dup needs a percentage 0-100, "
	    "not '100.001'");
	fault_err(f, "reorder=1.2345", "fault: reorder needs a percentage "
	    "0-100, not '1.2345'");
	fault_err(f, "loss=", "fault: loss needs a percentage 0-100, "
	    "not ''");
	fault_err(f, "loss=.", "fault: loss needs a percentage 0-100, "
	    "not '.'");
	fault_err(f, "loss=-1", "fault: loss needs a percentage 0-100, "
	    "not '-1'");
	fault_err(f, "delay=60001", "fault: delay needs milliseconds "
	    "0-60000, not '60001'");
	fault_err(f, "jitter=-1", "fault: jitter needs milliseconds "
	    "0-60000, not '-1'");
	fault_err(f, "seed=x", "fault: seed needs a number, not 'x'");
	fault_err(f, "loss=5,bogus=1", "fault: unknown setting 'bogus' "
	    "(loss, delay, jitter, dup, reorder, seed)");
	fault_err(f, "loss", "fault: expected NAME=VALUE, not 'loss'");
	fault_err(f, "loss=5,", "fault: expected NAME=VALUE, not ''");
	/* A bad spec changes nothing. */
	spec_is(f, "loss=10");
	fault_free(f);
	evloop_free(el);
}
END_TEST

START_TEST(test_wire_fault)
{
	struct evloop		*el = evloop_new();
	struct sink		*sa = sink_new(0), *sb = sink_new(0);
	struct wire		*a, *b;
	const struct fault_stats *fs;
	char			 err[256];
	uint8_t			 frame[100];
	uint32_t		 i;

	clock_use_real();
	open_pair(el, &a, sa, &b, sb);
	ck_assert_ptr_null(wire_fault_stats(a, WIRE_OUT));
	ck_assert_int_eq(wire_set_fault(a, WIRE_OUT, "loss=x", err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "fault: loss needs a percentage 0-100, "
	    "not 'x'");
	ck_assert_ptr_null(wire_fault_stats(a, WIRE_OUT));
	ck_assert_int_eq(wire_set_fault(a, WIRE_OUT, "loss=30,seed=5", err,
	    sizeof(err)), 0);
	ck_assert_int_eq(wire_set_fault(b, WIRE_IN, "dup=50,seed=5", err,
	    sizeof(err)), 0);
	memset(frame, 0, sizeof(frame));
	for (i = 0; i < 200; i++) {
		memcpy(frame, &i, 4);
		ck_assert_int_eq(wire_send(a, frame, sizeof(frame)), 0);
		/* Drain as we go: the loopback socket buffer is finite. */
		if (i % 16 == 15)
			evloop_once(el, 0);
	}
	fs = wire_fault_stats(a, WIRE_OUT);
	ck_assert_uint_eq(fs->fs_in, 200);
	ck_assert_uint_eq(wire_stats(a)->ws_out_frames, 200 - fs->fs_lost);
	run_until(el, sb, 200 - fs->fs_lost +
	    wire_fault_stats(b, WIRE_IN)->fs_duplicated);
	/* Let any straggler show up, to prove there is none. */
	evloop_once(el, 20);
	ck_assert_uint_eq(wire_stats(b)->ws_in_frames, 200 - fs->fs_lost);
	ck_assert_uint_eq(sb->n, 200 - fs->fs_lost +
	    wire_fault_stats(b, WIRE_IN)->fs_duplicated);
	ck_assert_uint_gt(wire_fault_stats(b, WIRE_IN)->fs_duplicated, 0);
	ck_assert_int_eq(wire_set_fault(b, WIRE_IN, "none", err,
	    sizeof(err)), 0);
	ck_assert_ptr_nonnull(wire_fault_stats(b, WIRE_IN));
	wire_stats_clear(b);
	ck_assert_uint_eq(wire_fault_stats(b, WIRE_IN)->fs_in, 0);
	close_pair(el, a, sa, b, sb);
}
END_TEST

/* --- capture ---------------------------------------------------------- */

static size_t
slurp(const char *path, uint8_t *buf, size_t cap)
{
	ssize_t	n;
	int	fd;

	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	n = read(fd, buf, cap);
	ck_assert_int_ge(n, 0);
	close(fd);
	return (size_t)n;
}

static const uint8_t	hdr_eth[24] = {
	0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xff, 0xff, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
};

START_TEST(test_capture_bytes)
{
	char			 path[] = "/tmp/check_wire.XXXXXX";
	uint8_t			 buf[512], want[512];
	struct capture		*c;
	size_t			 n, w = 0;
	int			 fd;
	/* 1700000000.123 s, then 1.5 s later. */
	static const uint8_t	 rec1[16] = {
		0x00, 0xf1, 0x53, 0x65, 0x78, 0xe0, 0x01, 0x00,
		0x05, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00,
	};
	static const uint8_t	 rec2[16] = {
		0x01, 0xf1, 0x53, 0x65, 0x98, 0x81, 0x09, 0x00,
		0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
	};

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	clock_use_frozen(1700000000123LL);
	c = capture_open(path, CAPTURE_LINKTYPE_ETHERNET, 0, NULL, 0);
	ck_assert_ptr_nonnull(c);
	capture_frame(c, (const uint8_t *)"frame", 5);
	clock_advance(1500);
	capture_frame(c, (const uint8_t *)"two", 3);
	/* Buffered: nothing but what open wrote reaches the file yet. */
	ck_assert_uint_eq(slurp(path, buf, sizeof(buf)), 0);
	ck_assert_uint_eq(capture_stats(c)->cs_frames, 2);
	ck_assert_uint_eq(capture_stats(c)->cs_bytes, 8);
	ck_assert_int_eq(capture_close(c), 0);
	n = slurp(path, buf, sizeof(buf));
	memcpy(want + w, hdr_eth, 24), w += 24;
	memcpy(want + w, rec1, 16), w += 16;
	memcpy(want + w, "frame", 5), w += 5;
	memcpy(want + w, rec2, 16), w += 16;
	memcpy(want + w, "two", 3), w += 3;
	ck_assert_uint_eq(n, w);
	ck_assert_int_eq(memcmp(buf, want, w), 0);

	/* Snap length and link type: C_HDLC, records cut at 4 bytes. */
	c = capture_open(path, CAPTURE_LINKTYPE_C_HDLC, 4, NULL, 0);
	ck_assert_ptr_nonnull(c);
	capture_frame(c, (const uint8_t *)"\x0f\x00\x08\x00" "abcdef", 10);
	ck_assert_int_eq(capture_flush(c), 0);
	ck_assert_int_eq(capture_close(c), 0);
	n = slurp(path, buf, sizeof(buf));
	ck_assert_uint_eq(n, 24 + 16 + 4);
	ck_assert_uint_eq(buf[16], 4);		/* snaplen */
	ck_assert_uint_eq(buf[20], 104);	/* LINKTYPE_C_HDLC */
	ck_assert_uint_eq(buf[24 + 8], 4);	/* caplen */
	ck_assert_uint_eq(buf[24 + 12], 10);	/* original length */
	ck_assert_int_eq(memcmp(buf + 40, "\x0f\x00\x08\x00", 4), 0);
	unlink(path);
	clock_use_real();
}
END_TEST

START_TEST(test_capture_large)
{
	char			 path[] = "/tmp/check_wire.XXXXXX";
	static uint8_t		 frame[65535];
	struct capture		*c;
	struct stat		 st;
	int			 fd, i;

	/* Records larger than what is left in the buffer force flushes. */
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	c = capture_open(path, CAPTURE_LINKTYPE_ETHERNET, 0, NULL, 0);
	for (i = 0; i < 10; i++)
		capture_frame(c, frame, sizeof(frame) - (size_t)i);
	ck_assert_int_eq(capture_close(c), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 24 + 10 * (16 + 65535) - 45);
	unlink(path);
}
END_TEST

START_TEST(test_capture_errors)
{
	char	err[256];

	ck_assert_ptr_null(capture_open("/nonexistent/dir/x.pcap",
	    CAPTURE_LINKTYPE_ETHERNET, 0, err, sizeof(err)));
	ck_assert_str_eq(err, "capture: cannot create /nonexistent/dir/x.pcap: "
	    "No such file or directory");
}
END_TEST

START_TEST(test_wire_capture)
{
	char		 path[] = "/tmp/check_wire.XXXXXX";
	struct evloop	*el = evloop_new();
	struct sink	*sa = sink_new(0), *sb = sink_new(0);
	struct wire	*a, *b;
	struct capture	*c;
	uint8_t		 buf[512];
	size_t		 n;
	int		 fd;

	/* On A: its own output first, then what it received from B. */
	clock_use_real();
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	open_pair(el, &a, sa, &b, sb);
	c = capture_open(path, CAPTURE_LINKTYPE_ETHERNET, 0, NULL, 0);
	ck_assert_ptr_nonnull(c);
	wire_set_capture(a, c, WIRE_CAP_BOTH);
	/* Lost output is still captured: the capture point is the router. */
	ck_assert_int_eq(wire_set_fault(a, WIRE_OUT, "loss=100", NULL, 0), 0);
	wire_send(a, (const uint8_t *)"lost", 4);
	ck_assert_int_eq(wire_set_fault(a, WIRE_OUT, "none", NULL, 0), 0);
	wire_send(a, (const uint8_t *)"out", 3);
	run_until(el, sb, 1);
	wire_send(b, (const uint8_t *)"in!", 3);
	run_until(el, sa, 1);
	wire_set_capture(a, NULL, 0);
	wire_send(a, (const uint8_t *)"not captured", 12);
	ck_assert_int_eq(capture_close(c), 0);
	n = slurp(path, buf, sizeof(buf));
	ck_assert_uint_eq(n, 24 + 3 * 16 + 4 + 3 + 3);
	ck_assert_int_eq(memcmp(buf + 24 + 16, "lost", 4), 0);
	ck_assert_int_eq(memcmp(buf + 24 + 32 + 4, "out", 3), 0);
	ck_assert_int_eq(memcmp(buf + 24 + 48 + 7, "in!", 3), 0);
	unlink(path);
	close_pair(el, a, sa, b, sb);
}
END_TEST

static Suite *
wire_suite(void)
{
	Suite	*s = suite_create("wire");
	TCase	*tc;

	tc = tcase_create("udp");
	tcase_add_test(tc, test_udp_pair);
	tcase_add_test(tc, test_udp_peer_down);
	tcase_add_test(tc, test_udp_batch);
	tcase_add_test(tc, test_udp_tx_batch);
	tcase_add_test(tc, test_udp_tx_refused);
	tcase_add_test(tc, test_udp_ipv6);
	tcase_add_test(tc, test_spec_errors);
	tcase_add_test(tc, test_wire_fault);
	tcase_add_test(tc, test_wire_capture);
	suite_add_tcase(s, tc);
	tc = tcase_create("fault");
	tcase_add_test(tc, test_fault_loss);
	tcase_add_test(tc, test_fault_dup);
	tcase_add_test(tc, test_fault_reorder);
	tcase_add_test(tc, test_fault_delay);
	tcase_add_test(tc, test_fault_ring);
	tcase_add_test(tc, test_fault_ring_bytes);
	tcase_add_test(tc, test_fault_spec);
	suite_add_tcase(s, tc);
	tc = tcase_create("capture");
	tcase_add_test(tc, test_capture_bytes);
	tcase_add_test(tc, test_capture_large);
	tcase_add_test(tc, test_capture_errors);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(wire_suite());
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
