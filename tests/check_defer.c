/*
 * Counters deferred per read (dataplane/attach.c, attach_defer): inside
 * a wire's read the read's interface's input counters and the egress
 * interface's output counters (with its wire's) are kept in one record
 * and added where they belong at the read's end, at a read inside it, at
 * an egress change, before a refused frame is taken back and before an
 * interface or wire goes.  Seed 001's tunnel between two routers on mem:
 * wires (tests/memlab.c): every counter, read between reads and from
 * inside another router's read, must be what per-packet counting gave.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/wire_impl.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "tests/fixture.h"
#include "tests/memlab.h"

static struct memlab	ml;

static void
setup(void)
{
	char	err[256];

	clock_use_frozen(FX_EPOCH_MS);
	ck_assert_msg(memlab_open(&ml, "esp-3des esp-md5-hmac", err,
	    sizeof(err)) == 0, "%s", err);
}

static void
teardown(void)
{
	memlab_close(&ml);
	clock_use_real();
}

/* What an interface and its wire count, to compare before and after. */
struct dcount {
	uint64_t	ipkts, ibytes, ibcast, opkts, obytes, odrops;
	uint64_t	last_in, last_out;
	uint64_t	w_oframes, w_obytes, w_obatches, w_oerrors;
};

static struct dp_iface *
rif(int r, const char *name)
{
	struct dp_iface	*ifp = dp_iface_find(ml.ml_rt[r].r_sys.sy_dp, name);

	ck_assert_ptr_nonnull(ifp);
	return ifp;
}

static void
dcount(struct dp_iface *ifp, struct dcount *c)
{
	const struct if_attach	*at = &ifp->if_attach;
	const struct wire_stats	*ws = wire_stats(at->at_wire);

	c->ipkts = at->at_ipkts;
	c->ibytes = at->at_ibytes;
	c->ibcast = at->at_ibcast;
	c->opkts = at->at_opkts;
	c->obytes = at->at_obytes;
	c->odrops = at->at_odrops;
	c->last_in = at->at_last_in;
	c->last_out = at->at_last_out;
	c->w_oframes = ws->ws_out_frames;
	c->w_obytes = ws->ws_out_bytes;
	c->w_obatches = ws->ws_out_batches;
	c->w_oerrors = ws->ws_out_errors;
}

/* What a sink was handed. */
struct tally {
	uint64_t	n, bytes;
};

static struct tally	t_s12, t_s13;

static void
tally_s13(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	(void)f;
	t_s13.n++;
	t_s13.bytes += len;
}

/* IFP sent what its sink T was handed since B, each frame written at
 * once (a batch each), and counted it at the read's instant. */
static void
sent_as(struct dp_iface *ifp, const struct dcount *b, const struct tally *t)
{
	struct dcount	a;

	dcount(ifp, &a);
	ck_assert_uint_eq(a.opkts - b->opkts, t->n);
	ck_assert_uint_eq(a.obytes - b->obytes, t->bytes);
	ck_assert_uint_eq(a.w_oframes - b->w_oframes, t->n);
	ck_assert_uint_eq(a.w_obytes - b->w_obytes, t->bytes);
	ck_assert_uint_eq(a.w_obatches - b->w_obatches, t->n);
	if (t->n > 0)
		ck_assert_uint_eq(a.last_out, clock_mono_read());
}

/* LAN frames of LEN bytes to 2.2.2.2 into DF, N of them; unicast to
 * R1's MAC (memlab_frame's) unless BCAST; returns the length of one. */
static uint8_t	df[96][14 + 1500];
static size_t	df_len[96];

static size_t
dframes(size_t n, size_t len, bool bcast)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		df_len[i] = memlab_frame(&ml, df[i], 0x01010101, 0x02020202,
		    6, len);
		if (bcast)
			memset(df[i], 0xff, 6);
	}
	return df_len[0];
}

/* dframes', as ICMP echo requests (R2 answers each at once). */
static size_t
dechoes(size_t n, size_t len, bool bcast)
{
	uint8_t	*ip;
	size_t	 i;

	(void)dframes(n, len, bcast);
	for (i = 0; i < n; i++) {
		ip = df[i] + 14;
		ip[9] = 1;
		put16(ip + 10, 0);
		put16(ip + 10, in_cksum(ip, 20, 0));
		ip[20] = 8;
		ip[21] = 0;
		put16(ip + 22, 0);
		put16(ip + 22, in_cksum(ip + 20, len - 20, 0));
	}
	return df_len[0];
}

static void
dinject(size_t from, size_t n)
{
	const uint8_t	*fp[96];
	size_t		 i;

	for (i = 0; i < n; i++)
		fp[i] = df[from + i];
	ck_assert_int_eq(wire_mem_inject_batch(ml.ml_lan, fp, df_len + from,
	    n), 0);
}

/* R1's serial frames, each straight into R2's wire as a read of its
 * own: a read inside R1's read. */
static void
nested_s12(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	t_s12.n++;
	t_s12.bytes += len;
	(void)wire_mem_inject_batch(ml.ml_ser[1], &f, &len, 1);
}

static struct wire_mem_sink	nested_sink = { nested_s12, NULL };

/* R2's answers, sent inside its read inside R1's: what R1's LAN had
 * counted by then. */
static struct tally	t_s11;
static uint64_t		r1_in_seen[16];

static void
answer_s11(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	(void)f;
	if (t_s11.n < 16)
		r1_in_seen[t_s11.n] = rif(0, "FastEthernet0/0")->
		    if_attach.at_ipkts;
	t_s11.n++;
	t_s11.bytes += len;
}

static struct wire_mem_sink	answer_sink = { answer_s11, NULL };

/*
 * A read inside a read (a lab's wires deliver what a router sends at
 * once): R1's ESP handed to R2 as R2's own reads from inside R1's, R2's
 * echo replies sent from inside those.  R1's LAN input, its serial
 * output, R2's serial input and output each count what crossed them
 * (the outer read's record kept while the inner one runs), and inside
 * R2's read R1's LAN has counted the frames before it (flushed where
 * the inner read begins).  Reads of 16 and of one frame; then the
 * same as broadcast frames, counted as such and never forwarded (RFC
 * 1812 5.3.4): nothing crosses the serial links.
 */
START_TEST(test_defer_nested_read)
{
	struct dp_iface	*fa = rif(0, "FastEthernet0/0");
	struct dp_iface	*s12 = rif(0, "Serial1/2"), *s11 = rif(1, "Serial1/1");
	struct dcount	 bfa, bs12, bs11, a;
	size_t		 len, n, k, i;

	(void)wire_mem_sink(ml.ml_ser[0], &nested_sink);
	(void)wire_mem_sink(ml.ml_ser[1], &answer_sink);
	for (k = 0; k < 4; k++) {
		n = k % 2 == 0 ? 16 : 1;
		len = dechoes(n, 100 + 50 * k, k >= 2);
		memset(&t_s12, 0, sizeof(t_s12));
		memset(&t_s11, 0, sizeof(t_s11));
		clock_advance(1000);
		dcount(fa, &bfa);
		dcount(s12, &bs12);
		dcount(s11, &bs11);
		dinject(0, n);
		dcount(fa, &a);
		ck_assert_uint_eq(a.ipkts - bfa.ipkts, n);
		ck_assert_uint_eq(a.ibytes - bfa.ibytes, n * len);
		ck_assert_uint_eq(a.ibcast - bfa.ibcast, k >= 2 ? n : 0);
		ck_assert_uint_eq(a.last_in, clock_mono_read());
		if (k >= 2) {
			ck_assert_uint_eq(t_s12.n, 0);
			ck_assert_uint_eq(t_s11.n, 0);
			sent_as(s12, &bs12, &t_s12);
			continue;
		}
		ck_assert_uint_eq(t_s12.n, n);
		ck_assert_uint_eq(t_s11.n, n);
		for (i = 0; i < n; i++)
			ck_assert_uint_eq(r1_in_seen[i], bfa.ipkts + i + 1);
		sent_as(s12, &bs12, &t_s12);
		dcount(s11, &a);
		ck_assert_uint_eq(a.ipkts - bs11.ipkts, n);
		ck_assert_uint_eq(a.ibytes - bs11.ibytes, t_s12.bytes);
		ck_assert_uint_eq(a.ibcast, bs11.ibcast);
		sent_as(s11, &bs11, &t_s11);
	}
}
END_TEST

/* The first ESP frame on Serial1/2 routes the peer by Serial1/3: from
 * inside the read, the egress changes for the frames after it. */
static void
reroute_s12(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	(void)f;
	if (t_s12.n++ == 0)
		memlab_run(&ml, 0, "configure terminal\n"
		    "ip route 12.1.1.2 255.255.255.255 Serial1/3\nend");
	t_s12.bytes += len;
}

static struct wire_mem_sink	reroute_sink = { reroute_s12, NULL };
static struct wire_mem_sink	s13_sink = { tally_s13, NULL };

/*
 * The egress changes interface inside a read: each interface and its
 * wire count the frames that left by it (the first on Serial1/2, the
 * rest on Serial1/3); without a flush at the change, Serial1/2's would
 * be counted as Serial1/3's.
 */
START_TEST(test_defer_egress_change)
{
	struct dp_iface	*s12 = rif(0, "Serial1/2"), *s13;
	struct dcount	 b12, b13;
	char		 err[256];

	ck_assert_msg(router_attach(&ml.ml_rt[0], "Serial1/3", "mem:s13", err,
	    sizeof(err)) == 0, "%s", err);
	/* The tunnel's traffic by an interface route: only the ESP
	 * packet's own route, to the peer 12.1.1.2, changes below. */
	memlab_run(&ml, 0, "configure terminal\ninterface Serial1/3\n"
	    "ip address 13.1.1.1 255.255.255.0\nno shutdown\nexit\n"
	    "no ip route 2.2.2.2 255.255.255.255 12.1.1.2\n"
	    "ip route 2.2.2.2 255.255.255.255 Serial1/2\nend");
	s13 = rif(0, "Serial1/3");
	(void)wire_mem_sink(dp_iface_wire(s13), &s13_sink);
	(void)dframes(16, 200, false);
	dinject(0, 1);		/* the egress remembered */
	(void)wire_mem_sink(ml.ml_ser[0], &reroute_sink);
	memset(&t_s12, 0, sizeof(t_s12));
	memset(&t_s13, 0, sizeof(t_s13));
	clock_advance(1000);
	dcount(s12, &b12);
	dcount(s13, &b13);
	dinject(1, 15);
	ck_assert_uint_eq(t_s12.n, 1);
	ck_assert_uint_eq(t_s13.n, 14);
	ck_assert_uint_eq(t_s13.bytes, t_s12.bytes * 14);	/* ESP */
	sent_as(s12, &b12, &t_s12);
	sent_as(s13, &b13, &t_s13);
}
END_TEST

/* Serial1/2's medium written in batches (as udp: or pcap:) from the
 * second frame of a read on: the first batch's first frame refused.  At
 * the call after the refusal, the interface's counters must already
 * hold the frames the read sent before it, less the refused one. */
static uint64_t		 rf_calls, rf_seen, rf_bytes;
static struct dp_iface	*rf_ifp;
static struct wire_ops	 rf_ops;

static int
refuse_first(struct wire *w, const struct iovec *iov, unsigned n)
{
	unsigned	i;

	(void)w;
	if (rf_calls++ == 0) {
		errno = EMSGSIZE;
		return -1;
	}
	if (rf_calls == 2)
		rf_seen = rf_ifp->if_attach.at_opkts;
	for (i = 0; i < n; i++)
		rf_bytes += iov[i].iov_len;
	return (int)n;
}

/* The read's first ESP frame, written at once; the medium batches the
 * rest. */
static void
batch_s12(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	(void)f;
	t_s12.n++;
	t_s12.bytes += len;
	ml.ml_ser[0]->w_ops = &rf_ops;
}

static struct wire_mem_sink	batch_sink = { batch_s12, NULL };

/*
 * Inside one read: a frame written at once (its wire owed its counts),
 * then the medium batching (the wire counts them itself), then a full
 * queue of 64 written from inside the read with its first frame refused
 * and taken back from the interface's output (attach_txfail) after the
 * read's deferred counts are added.  No frame is lost or counted twice
 * by the interface or the wire, and the counters are whole at the
 * take-back.
 */
START_TEST(test_defer_txfail)
{
	struct dp_iface		*s12 = rif(0, "Serial1/2");
	struct wire		*w = ml.ml_ser[0];
	const struct wire_ops	*saved = w->w_ops;
	struct dcount		 b, a;

	(void)dframes(81, 100, false);
	dinject(0, 1);
	rf_ops = *saved;
	rf_ops.wo_send_many = refuse_first;
	rf_calls = rf_bytes = 0;
	rf_ifp = s12;
	memset(&t_s12, 0, sizeof(t_s12));
	(void)wire_mem_sink(w, &batch_sink);
	dcount(s12, &b);
	dinject(0, 81);
	w->w_ops = saved;
	ck_assert_uint_eq(t_s12.n, 1);
	ck_assert_uint_ge(rf_calls, 3);
	/* One written, 64 queued, counted, the first queued taken back. */
	ck_assert_uint_eq(rf_seen, b.opkts + 64);
	dcount(s12, &a);
	ck_assert_uint_eq(a.opkts - b.opkts, 80);
	ck_assert_uint_eq(a.odrops - b.odrops, 1);
	ck_assert_uint_eq(a.obytes - b.obytes, t_s12.bytes + rf_bytes);
	ck_assert_uint_eq(a.w_oframes - b.w_oframes, 80);
	ck_assert_uint_eq(a.w_obytes - b.w_obytes, t_s12.bytes + rf_bytes);
	ck_assert_uint_eq(a.w_oerrors - b.w_oerrors, 1);
}
END_TEST

static Suite *
defer_suite(void)
{
	Suite	*s = suite_create("defer");
	TCase	*tc = tcase_create("memlab");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_defer_nested_read);
	tcase_add_test(tc, test_defer_egress_change);
	tcase_add_test(tc, test_defer_txfail);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 nf;

	sr = srunner_create(defer_suite());
	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
