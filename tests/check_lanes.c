/*
 * The fast path's reads against the layered path, on seed 001's tunnel
 * between two routers on mem: wires (tests/fastpath_fixture.c): a read's
 * frames as the same frames one at a time (bursts, flow-cache runs), a
 * run's next frame taken in one step (fc_frame) against the link layer,
 * IP and the flow cache, runs of every length a flow may carry, and the
 * inbound lane (co_esp_lane) against ipsec_esp_input's way: the same
 * frames out and the same counters.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
#include "dataplane/capture.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "dataplane/wire_impl.h"
#include "lib/clock.h"
#include "tests/fastpath_fixture.h"
#include "tests/fixture.h"
#include "tests/memlab.h"

/* ---- Bursts: one read of a wire, its runs (flowcache.c) ---- */

#define BO_MAX	64

/* What left R1's Serial1/2, in order: ESP as (SPI's rank, sequence
 * number, length); anything else, and a later fragment, as (1000 + its
 * protocol, flags and offset, length). */
struct burst_out {
	size_t		 n;
	uint32_t	 spis[8];
	size_t		 nspis;
	uint32_t	 what[BO_MAX][3];
};

static struct burst_out	bo;
static bool		lan_acl_pending;

static void
burst_cap(void *arg, const uint8_t *f, size_t len)
{
	const uint8_t	*ip = f + 4;
	uint32_t	 spi, *w;
	size_t		 i;

	(void)arg;
	if (bo.n == BO_MAX || len < 4 + 20)
		return;
	w = bo.what[bo.n++];
	w[2] = (uint32_t)len;
	if (ip[9] != 50 || len < 4 + 20 + 8 ||
	    (get16(ip + 6) & 0x1fff) != 0) {	/* a later fragment */
		w[0] = 1000 + ip[9];
		w[1] = get16(ip + 6);
		return;
	}
	spi = get32(ip + 20);
	for (i = 0; i < bo.nspis && bo.spis[i] != spi; i++)
		;
	if (i == bo.nspis && bo.nspis < 8)
		bo.spis[bo.nspis++] = spi;
	w[0] = (uint32_t)i;
	w[1] = get32(ip + 24);
}

/* What R1 sends on its LAN: the first frame, when asked, applies an
 * inbound access group to FastEthernet0/0 — between two frames of a
 * burst, from the processing of the frame between them. */
static void
lan_cap(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	(void)f;
	(void)len;
	if (!lan_acl_pending)
		return;
	lan_acl_pending = false;
	memlab_run(&ml, 0, "configure terminal\n"
	    "interface FastEthernet0/0\nip access-group 150 in\nend");
}

static struct wire_mem_sink	burst_sink = { burst_cap, NULL };
static struct wire_mem_sink	lan_sink = { lan_cap, NULL };

#define BF_N	64
static uint8_t	bf[BF_N][14 + 1500];
static size_t	bf_len[BF_N], bf_n;

/* A TCP frame from SRC to 2.2.2.2, ports SPORT to DPORT (80: flow A,
 * 443: B, both under access-list 100's rule); TTL as asked, the header
 * checksum wrong when BAD. */
static void
bframe(uint32_t src, uint16_t sport, uint16_t dport, size_t len, uint8_t ttl,
    bool bad)
{
	uint8_t	*ip = bf[bf_n] + 14;

	bf_len[bf_n] = memlab_frame(&ml, bf[bf_n], src, 0x02020202, 6, len);
	put16(ip + 20, sport);
	put16(ip + 22, dport);
	ip[8] = ttl;
	put16(ip + 10, 0);
	put16(ip + 10, (uint16_t)(in_cksum(ip, 20, 0) ^ (bad ? 1 : 0)));
	bf_n++;
}

/* The frames bframe made, into R1's LAN as one read (BURST) or one by
 * one. */
static void
bframes_inject(bool burst)
{
	const uint8_t	*fp[BF_N];
	size_t		 i;

	for (i = 0; i < bf_n; i++)
		fp[i] = bf[i];
	if (burst)
		(void)wire_mem_inject_batch(ml.ml_lan, fp, bf_len, bf_n);
	else
		for (i = 0; i < bf_n; i++)
			(void)wire_mem_inject(ml.ml_lan, fp[i], bf_len[i]);
}

/* The counters a burst must leave as the same frames one at a time do. */
struct burst_counts {
	uint64_t	v[16];
};

static void
burst_counts(struct burst_counts *bc)
{
	struct dataplane	*dp = ml.ml_rt[0].r_sys.sy_dp;
	struct dp_iface		*fa = dp_iface_find(dp, "FastEthernet0/0");
	struct dp_iface		*s12 = dp_iface_find(dp, "Serial1/2");
	struct dp_acl		*a100 = dp_acl_find(dp, "100");
	struct dp_acl		*a150 = dp_acl_find(dp, "150");
	const struct ipsec_flow	*fl = flow(0);

	memset(bc, 0, sizeof(*bc));
	bc->v[0] = fa->if_attach.at_ipkts;
	bc->v[1] = fa->if_attach.at_ibytes;
	bc->v[2] = fa->if_attach.at_ierrors;
	bc->v[3] = s12->if_attach.at_opkts;
	bc->v[4] = s12->if_attach.at_obytes;
	bc->v[5] = s12->if_attach.at_odrops;
	bc->v[6] = a100->acl_ace[0].ace_hits;
	bc->v[7] = a150 != NULL ? a150->acl_ace[0].ace_hits : 0;
	bc->v[8] = fl->fl_stats.fs_encaps;
	bc->v[9] = fl->fl_stats.fs_encrypt;
	bc->v[10] = fl->fl_stats.fs_digest;
	bc->v[11] = fl->fl_stats.fs_send_errors;
	bc->v[12] = dp->d_fwd->f_fc_hits;
	bc->v[13] = R(0)->c_sadb.db_nsa;
}

/*
 * The burst's frames: flows A and B mixed, a frame with a bad checksum
 * inside A's run and, under `mtu 900` on Serial1/2 (the path MTU crypto
 * reads), two larger than the inner MTU in A's runs (cut before
 * encryption; with DF, answered "fragmentation needed"), a frame whose
 * processing (its ICMP error's ARP request on the LAN) applies an
 * access group that then filters A, B taken the ordinary way under it;
 * then, the group gone, A's run across its SA's soft volume lifetime
 * (Quick Mode begun mid-run) and its hard one (the SA gone mid-run:
 * send errors).  MODE: 0 one frame at a time, 1 each part as one read,
 * 2 the same with an input capture on the LAN's wire (its frames handed
 * over one by one inside the read).
 */
/* Both players' lab: seed 001's routers anew, esp-3des esp-md5-hmac. */
static void
lab_reopen(void)
{
	char	err[256];

	memlab_close(&ml);
	ck_assert_msg(memlab_open(&ml, "esp-3des esp-md5-hmac", err,
	    sizeof(err)) == 0, "%s", err);
}

/* Mode 2 plays under an input capture on R1's LAN (to /dev/null): the
 * path a capture takes; NULL otherwise.  lan_capture_end takes it off. */
static struct capture *
lan_capture_in(int mode)
{
	struct capture	*cap;
	char		 err[256];

	if (mode != 2)
		return NULL;
	cap = capture_open("/dev/null", 1, 0, err, sizeof(err));
	ck_assert_msg(cap != NULL, "%s", err);
	wire_set_capture(ml.ml_lan, cap, WIRE_CAP_IN);
	return cap;
}

static void
lan_capture_end(struct capture *cap)
{
	if (cap != NULL) {
		wire_set_capture(ml.ml_lan, NULL, 0);
		ck_assert_int_eq(capture_close(cap), 0);
	}
}

static void
burst_play(int mode, struct burst_out *out, struct burst_counts *bc,
    uint64_t *runs)
{
	struct capture		*cap = NULL;
	bool			 burst = mode != 0;
	struct ipsec_sa		*ps;
	struct ipsec_pair	*pr;
	struct fwd		*f;
	size_t			 i;

	lab_reopen();
	f = ml.ml_rt[0].r_sys.sy_dp->d_fwd;
	/* The access list exists before: applying it mid-burst moves no
	 * generation (the flow cache asks the interfaces per packet). */
	memlab_run(&ml, 0, "configure terminal\ninterface Serial1/2\n"
	    "mtu 900\nexit\naccess-list 150 deny tcp any any eq 80\n"
	    "access-list 150 permit ip any any\nend");
	memset(&bo, 0, sizeof(bo));
	(void)wire_mem_sink(ml.ml_ser[0], &burst_sink);
	(void)wire_mem_sink(ml.ml_lan, &lan_sink);
	bf_n = 0;
	bframe(0x01010101, 1000, 80, 100, 64, false);		/* A */
	bframe(0x01010101, 1000, 80, 100, 64, false);
	bframe(0x01010101, 1000, 443, 100, 64, false);		/* B */
	bframe(0x01010101, 1000, 80, 100, 64, false);
	bframe(0x01010101, 1000, 80, 100, 64, false);
	bframe(0x01010101, 1000, 80, 100, 64, true);		/* bad sum */
	bframe(0x01010101, 1000, 80, 100, 64, false);
	bframe(0x01010101, 1000, 80, 1400, 64, false);		/* > MTU */
	bframe(0x01010101, 1000, 80, 100, 64, false);
	bframe(0x01010101, 1000, 80, 1400, 64, false);		/* DF */
	put16(bf[bf_n - 1] + 14 + 6, 0x4000);
	put16(bf[bf_n - 1] + 14 + 10, 0);
	put16(bf[bf_n - 1] + 14 + 10, in_cksum(bf[bf_n - 1] + 14, 20, 0));
	bframe(0x01010101, 1000, 443, 100, 64, false);
	bframe(0x01010101, 1000, 443, 100, 64, false);
	bframe(0x01010101, 1000, 80, 100, 64, false);
	bframe(0x0a000005, 1000, 80, 100, 1, false);		/* ARP */
	bframe(0x01010101, 1000, 80, 100, 64, false);		/* denied */
	bframe(0x01010101, 1000, 443, 100, 64, false);
	bframe(0x01010101, 1000, 443, 100, 64, false);
	lan_acl_pending = true;
	f->f_fc_runs = 0;
	cap = lan_capture_in(mode);
	bframes_inject(burst);
	ck_assert(!lan_acl_pending);

	/* The second burst: A alone, its SA about to run out. */
	memlab_run(&ml, 0, "configure terminal\ninterface FastEthernet0/0\n"
	    "no ip access-group 150 in\nend");
	ps = TAILQ_LAST(&flow(0)->fl_out, ipsec_sa_list);
	ck_assert_ptr_nonnull(ps->ps_expiry);
	pr = ps->ps_expiry;
	pr->pr_initiator = true;
	pr->pr_soft_kb = ps->ps_bytes / 1024 + 1;
	ps->ps_life_kb = ps->ps_bytes / 1024 + 3;
	bf_n = 0;
	for (i = 0; i < 8; i++)
		bframe(0x01010101, 1000, 80, 800, 64, false);
	bframes_inject(burst);
	*out = bo;
	burst_counts(bc);
	*runs = f->f_fc_runs;
	lan_capture_end(cap);
}

START_TEST(test_burst_as_frames)
{
	static struct burst_out	one, all;
	struct burst_counts	c1, c2;
	uint64_t		r1, r2;
	size_t			i, n;

	burst_play(0, &one, &c1, &r1);
	burst_play(_i, &all, &c2, &r2);
	/* One at a time there is no run; in the bursts A's and B's
	 * consecutive frames make runs. */
	ck_assert_uint_eq(r1, 0);
	ck_assert_uint_ge(r2, 5);
	ck_assert_uint_eq(one.n, all.n);
	for (i = 0; i < one.n; i++) {
		ck_assert_msg(one.what[i][0] == all.what[i][0] &&
		    one.what[i][1] == all.what[i][1] &&
		    one.what[i][2] == all.what[i][2], "frame %zu: %u %u %u "
		    "one at a time, %u %u %u in bursts", i, one.what[i][0],
		    one.what[i][1], one.what[i][2], all.what[i][0],
		    all.what[i][1], all.what[i][2]);
	}
	for (i = 0; i < 16; i++)
		ck_assert_msg(c1.v[i] == c2.v[i], "counter %zu: %llu one at "
		    "a time, %llu in bursts", i, (unsigned long long)c1.v[i],
		    (unsigned long long)c2.v[i]);
	/* The script did what it says: fragments, denials, IKE, an SA
	 * gone (a send error), more than one SPI. */
	ck_assert_uint_ge(c1.v[2], 1);
	ck_assert_uint_ge(c1.v[7], 1);
	ck_assert_uint_ge(c1.v[11], 1);
	/* IKE twice: Quick Mode at the soft volume, right after the
	 * second burst's first packet (860 bytes on the wire), and the
	 * delete at the hard one. */
	for (i = 0, n = 0; i < one.n; i++)
		n += one.what[i][0] == 1000 + 17;
	ck_assert_uint_eq(n, 2);
	for (i = 0; i < one.n && one.what[i][2] != 4 + 856; i++)
		;
	ck_assert_uint_lt(i + 1, one.n);
	ck_assert_uint_eq(one.what[i + 1][0], 1000 + 17);
}
END_TEST

/* ---- A run's next frame in one step (fc_frame) against the layers ---- */

/* The command the lane test runs, from R1's LAN sink (the frame that
 * makes R1 send there: between two frames of a read) or from its serial
 * sink after the third frame there (inside a run: the packet's own
 * sending). */
static const char	*lane_lan_cmd, *lane_ser_cmd;
static size_t		 lane_lan_out;

static void
lane_lan(void *arg, const uint8_t *f, size_t len)
{
	const char	*cmd = lane_lan_cmd;

	(void)arg;
	(void)f;
	(void)len;
	lane_lan_out++;
	if (cmd == NULL)
		return;
	lane_lan_cmd = NULL;
	memlab_run(&ml, 0, cmd);
}

static void
lane_ser(void *arg, const uint8_t *f, size_t len)
{
	const char	*cmd = lane_ser_cmd;

	burst_cap(arg, f, len);
	if (cmd == NULL || bo.n != 3)
		return;
	lane_ser_cmd = NULL;
	memlab_run(&ml, 0, cmd);
}

static struct wire_mem_sink	lane_lan_sink = { lane_lan, NULL };
static struct wire_mem_sink	lane_ser_sink = { lane_ser, NULL };

/* Flow A's frame (TCP 1.1.1.1:1000 to 2.2.2.2:80, 100 bytes). */
static uint8_t *
lane_a(void)
{
	bframe(0x01010101, 1000, 80, 100, 64, false);
	return bf[bf_n - 1];
}

/* The last frame's IPv4 header checksum made right again. */
static void
lane_sum(uint8_t *fr)
{
	uint8_t	*ip = fr + 14;

	put16(ip + 10, 0);
	put16(ip + 10, in_cksum(ip, (size_t)(ip[0] & 15) * 4, 0));
}

/* What the lane test compares: R1's LAN and serial counters (and a
 * subinterface's), the rules' hits, the flow's and the flow cache's. */
#define LANE_NV	23

static void
lane_counts(uint64_t *v)
{
	struct dataplane	*dp = ml.ml_rt[0].r_sys.sy_dp;
	struct dp_iface		*fa = dp_iface_find(dp, "FastEthernet0/0");
	struct dp_iface		*s12 = dp_iface_find(dp, "Serial1/2");
	struct dp_acl		*a100 = dp_acl_find(dp, "100");
	struct dp_acl		*a150 = dp_acl_find(dp, "150");
	const struct ipsec_flow	*fl = flow(0);
	size_t			 i;

	memset(v, 0, LANE_NV * sizeof(*v));
	v[0] = fa->if_attach.at_ipkts;
	v[1] = fa->if_attach.at_ibytes;
	v[2] = fa->if_attach.at_ierrors;
	v[3] = fa->if_attach.at_ibcast;
	v[4] = fa->if_attach.at_idrops;
	v[5] = fa->if_attach.at_opkts;
	v[6] = s12->if_attach.at_opkts;
	v[7] = s12->if_attach.at_obytes;
	v[8] = s12->if_attach.at_odrops;
	for (i = 0; a100 != NULL && i < a100->acl_n && i < 2; i++)
		v[9 + i] = a100->acl_ace[i].ace_hits;
	v[11] = a150 != NULL ? a150->acl_ace[0].ace_hits : 0;
	v[12] = fl != NULL ? fl->fl_stats.fs_encaps : 0;
	v[13] = fl != NULL ? fl->fl_stats.fs_encrypt : 0;
	v[14] = fl != NULL ? fl->fl_stats.fs_digest : 0;
	v[15] = fl != NULL ? fl->fl_stats.fs_send_errors : 0;
	v[16] = dp->d_fwd->f_fc_hits;
	v[17] = R(0)->c_sadb.db_nsa;
	v[18] = lane_lan_out;
	v[19] = fa->if_attach.at_last_in;
	if ((fa = dp_iface_find(dp, "FastEthernet0/0.5")) != NULL) {
		v[20] = fa->if_attach.at_ipkts;
		v[21] = fa->if_attach.at_ibytes;
		v[22] = fa->if_attach.at_ierrors;
	}
}

/* The changes the lane test makes mid-read: none; from the LAN sink
 * (between two frames) a route, the crypto ACL, the SAs, the crypto
 * map, NAT, an inbound access group; from the serial sink (inside a
 * run) a route and the crypto ACL; from either, the crypto map entry's
 * ACL (crypto's generation alone); from the LAN sink, a subinterface on
 * the native VLAN (802.1Q takes the untagged frames then). */
static const struct {
	const char	*lan, *ser;
} lane_change[] = {
	{ NULL, NULL },
	{ "configure terminal\n"
	    "no ip route 2.2.2.2 255.255.255.255 12.1.1.2\nend", NULL },
	{ "configure terminal\nno access-list 100\n"
	    "access-list 100 permit tcp any any eq 443\nend", NULL },
	{ "clear crypto sa", NULL },
	{ "configure terminal\ninterface Serial1/2\nno crypto map TST\nend",
	    NULL },
	{ "configure terminal\ninterface FastEthernet0/0\nip nat inside\n"
	    "interface Serial1/2\nip nat outside\nexit\n"
	    "ip nat inside source static 1.1.1.1 12.1.1.77\nend", NULL },
	{ "configure terminal\ninterface FastEthernet0/0\n"
	    "ip access-group 150 in\nend", NULL },
	{ NULL, "configure terminal\n"
	    "no ip route 2.2.2.2 255.255.255.255 12.1.1.2\nend" },
	{ NULL, "configure terminal\nno access-list 100\n"
	    "access-list 100 permit tcp any any eq 443\nend" },
	{ "configure terminal\ncrypto map TST 10 ipsec-isakmp\n"
	    "match address 150\nend", NULL },
	{ NULL, "configure terminal\ncrypto map TST 10 ipsec-isakmp\n"
	    "match address 150\nend" },
	{ "configure terminal\ninterface FastEthernet0/0.5\n"
	    "encapsulation dot1Q 1 native\n"
	    "ip address 10.0.5.1 255.255.255.0\nend", NULL },
};

/*
 * Flow A's frames as one read (MODE 1; 2: under an input capture, its
 * frames handed over one by one inside the read) or one at a time
 * (MODE 0: no run, the layered path for every frame), each odd frame
 * between runs of A: A's in a broadcast frame, to another MAC, to
 * CDP's group, TTL 1 (its ICMP error's ARP request on the LAN makes the
 * CHANGE), a bad checksum, options, a fragment, another Ethernet type
 * (unknown, IPv6, 802.1Q), IP version 6, a total length past the
 * frame, for R1 itself, for the LAN's broadcast, a frame too short,
 * bytes after the datagram (Ethernet's pad), TTL 2; then the SA's hard
 * volume lifetime reached mid-run.
 */
static void
lane_play(int mode, size_t change, struct burst_out *out, uint64_t *v,
    uint64_t *runs)
{
	static const uint8_t	other[6] = { 0xca, 0, 0, 0, 0, 0x99 },
				cdp[6] = { 0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc };
	struct dataplane	*dp;
	struct capture		*cap = NULL;
	struct ipsec_sa		*ps;
	struct fwd		*f;
	uint8_t			*fr;
	size_t			 i;

	lab_reopen();
	dp = ml.ml_rt[0].r_sys.sy_dp;
	f = dp->d_fwd;
	memlab_run(&ml, 0, "configure terminal\n"
	    "access-list 150 deny tcp any any eq 80\n"
	    "access-list 150 permit ip any any\nend");
	memset(&bo, 0, sizeof(bo));
	lane_lan_out = 0;
	(void)wire_mem_sink(ml.ml_ser[0], &lane_ser_sink);
	(void)wire_mem_sink(ml.ml_lan, &lane_lan_sink);
	bf_n = 0;
	lane_a();
	lane_a();
	lane_a();
	/* Broadcast frames of A's: counted, never forwarded (RFC 1812
	 * 5.3.4), the run not continued. */
	memset(lane_a(), 0xff, 6);
	memset(lane_a(), 0xff, 6);
	memset(lane_a(), 0xff, 6);
	memcpy(lane_a(), other, 6);
	lane_a();
	lane_a();
	memcpy(lane_a(), cdp, 6);
	lane_a();
	lane_a();
	bframe(0x0a000005, 1000, 80, 100, 1, false);	/* ARP: the change */
	lane_a();
	lane_a();
	lane_a();
	fr = lane_a();					/* TTL 1 */
	fr[14 + 8] = 1;
	lane_sum(fr);
	lane_a();
	lane_a();
	fr = lane_a();					/* bad checksum */
	fr[14 + 10] ^= 1;
	lane_a();
	lane_a();
	fr = lane_a();					/* options: a NOP */
	memmove(fr + 14 + 24, fr + 14 + 20, 80);
	memset(fr + 14 + 20, 1, 4);
	fr[14] = 0x46;
	put16(fr + 14 + 2, 104);
	bf_len[bf_n - 1] += 4;
	lane_sum(fr);
	lane_a();
	lane_a();
	fr = lane_a();					/* a first fragment */
	put16(fr + 14 + 6, 0x2000);
	lane_sum(fr);
	lane_a();
	lane_a();
	put16(lane_a() + 12, 0x9000);			/* not IP */
	lane_a();
	lane_a();
	put16(lane_a() + 12, 0x86dd);
	lane_a();
	lane_a();
	put16(lane_a() + 12, 0x8100);
	lane_a();
	lane_a();
	fr = lane_a();					/* version 6 */
	fr[14] = 0x65;
	lane_sum(fr);
	lane_a();
	lane_a();
	fr = lane_a();					/* past the frame */
	put16(fr + 14 + 2, 200);
	lane_sum(fr);
	lane_a();
	lane_a();
	fr = lane_a();					/* for R1 */
	put32(fr + 14 + 16, 0x0a000001);
	lane_sum(fr);
	lane_a();
	lane_a();
	fr = lane_a();					/* the LAN's broadcast */
	memset(fr, 0xff, 6);
	put32(fr + 14 + 16, 0x0a0000ff);
	lane_sum(fr);
	lane_a();
	lane_a();
	(void)lane_a();					/* too short */
	bf_len[bf_n - 1] = 14 + 19;
	lane_a();
	lane_a();
	(void)lane_a();					/* Ethernet's pad */
	memset(bf[bf_n - 1] + bf_len[bf_n - 1], 0, 6);
	bf_len[bf_n - 1] += 6;
	lane_a();
	lane_a();
	fr = lane_a();					/* TTL 2 */
	fr[14 + 8] = 2;
	lane_sum(fr);
	lane_a();
	ck_assert_uint_le(bf_n, BF_N);
	lane_lan_cmd = lane_change[change].lan;
	lane_ser_cmd = lane_change[change].ser;
	f->f_fc_runs = 0;
	cap = lan_capture_in(mode);
	bframes_inject(mode != 0);
	ck_assert(lane_lan_cmd == NULL && lane_ser_cmd == NULL);
	*runs = f->f_fc_runs;

	/* The second read: A alone, its SA running out mid-run. */
	if ((ps = flow(0) != NULL ? TAILQ_LAST(&flow(0)->fl_out,
	    ipsec_sa_list) : NULL) != NULL)
		ps->ps_life_kb = ps->ps_bytes / 1024 + 2;
	bf_n = 0;
	for (i = 0; i < 8; i++)
		bframe(0x01010101, 1000, 80, 800, 64, false);
	bframes_inject(mode != 0);
	*out = bo;
	lane_counts(v);
	lan_capture_end(cap);
}

START_TEST(test_lane_as_layers)
{
	static struct burst_out	one, all;
	uint64_t		v1[LANE_NV], v2[LANE_NV], r1, r2;
	size_t			change = (size_t)_i / 2, i;

	lane_play(0, change, &one, v1, &r1);
	lane_play(1 + _i % 2, change, &all, v2, &r2);
	ck_assert_uint_eq(r1, 0);
	if (change == 0)
		ck_assert_uint_ge(r2, 20);
	ck_assert_uint_eq(one.n, all.n);
	for (i = 0; i < one.n; i++)
		ck_assert_msg(one.what[i][0] == all.what[i][0] &&
		    one.what[i][1] == all.what[i][1] &&
		    one.what[i][2] == all.what[i][2], "change %zu, frame %zu: "
		    "%u %u %u one at a time, %u %u %u in reads", change, i,
		    one.what[i][0], one.what[i][1], one.what[i][2],
		    all.what[i][0], all.what[i][1], all.what[i][2]);
	for (i = 0; i < LANE_NV; i++)
		ck_assert_msg(v1[i] == v2[i], "change %zu, counter %zu: %llu "
		    "one at a time, %llu in reads", change, i,
		    (unsigned long long)v1[i], (unsigned long long)v2[i]);
	/* The script did what it says (one at a time). */
	ck_assert_uint_ge(v1[2] + v1[22], 5);	/* input errors */
	ck_assert_uint_eq(v1[3], 4);		/* broadcasts */
	ck_assert_uint_ge(v1[4], 1);		/* unknown protocol */
	if (lane_change[change].lan != NULL &&
	    strstr(lane_change[change].lan, "dot1Q") != NULL)
		ck_assert_uint_gt(v1[20], 10);	/* the native VLAN's */
	if (change == 0)
		ck_assert_uint_ge(v1[15], 1);	/* the SA gone: send errors */
	if (change == 1 || change == 7)		/* no route: fewer sent */
		ck_assert_uint_lt(v1[6], 40);
}
END_TEST

/*
 * Every length a flow's run may carry, in runs: UDP datagrams from 24
 * bytes (the shortest the flow cache takes) to 100 and the last 40 up
 * to the inner MTU, twice each, as reads of up to 64 frames.  Each
 * leaves as one ESP packet built in place (the run's room, checked
 * once: fast_out gives ESP the room there is and asks no length first)
 * and, with esp-null, carries the datagram as it came in but for TTL
 * and checksum, both right (the forwarding copy: fc_copy's small
 * sizes, their head and tail words, the TTL and checksum in the
 * first); the next length, past the inner MTU, is cut in two (the
 * ordinary path).  Run with esp-null esp-sha512-hmac (blocks of 4,
 * a 32-byte ICV), esp-3des esp-md5-hmac (8) and esp-aes esp-sha-hmac
 * (16).
 */
static const char	*fs_xf[] = { "esp-null esp-sha512-hmac",
			    "esp-3des esp-md5-hmac", "esp-aes esp-sha-hmac" };

static void
fs_send(const size_t *lens, size_t n)
{
	static uint8_t	 fr[64][14 + 1500];
	const uint8_t	*fp[64];
	size_t		 fl[64], i, k;

	for (i = 0; i < n; i += k) {
		for (k = 0; k < 64 && i + k < n; k++) {
			fl[k] = memlab_frame(&ml, fr[k], 0x01010101,
			    0x02020202, 17, lens[i + k]);
			fp[k] = fr[k];
		}
		(void)wire_mem_inject_batch(ml.ml_lan, fp, fl, k);
	}
}

START_TEST(test_run_every_length)
{
	struct fwd		*f;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	static size_t		 lens[2 * (77 + 41)];
	size_t			 n = 0, inner, len, i, j, hdr;
	uint64_t		 enc0, hits0, runs0, err0;
	uint8_t			 want[1500];
	char			 err[256];

	memlab_close(&ml);
	ck_assert_msg(memlab_open(&ml, fs_xf[_i], err, sizeof(err)) == 0,
	    "%s", err);
	(void)wire_mem_sink(ml.ml_ser[0], &cap_sink);
	f = ml.ml_rt[0].r_sys.sy_dp->d_fwd;
	send_lan(100);			/* the flow's SA and cache entry */
	fs_send((size_t[]){ 100 }, 1);
	fl = flow(0);
	ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
	inner = ipsec_mtu_inner(fl, ps);
	ck_assert_uint_gt(inner, 1000);
	for (len = 24; len <= 100; len++, n += 2)
		lens[n] = lens[n + 1] = len;
	for (len = inner - 40; len <= inner; len++, n += 2)
		lens[n] = lens[n + 1] = len;
	nesp = 0;
	enc0 = fl->fl_stats.fs_encaps;
	err0 = fl->fl_stats.fs_send_errors;
	hits0 = f->f_fc_hits;
	runs0 = f->f_fc_runs;
	fs_send(lens, n);
	ck_assert_uint_eq(nesp, n);
	ck_assert_uint_eq(fl->fl_stats.fs_encaps, enc0 + n);
	ck_assert_uint_eq(fl->fl_stats.fs_send_errors, err0);
	ck_assert_uint_eq(f->f_fc_hits, hits0 + n);
	ck_assert_uint_ge(f->f_fc_runs, runs0 + n - (n + 63) / 64);
	/* crypto's side of the run was taken (run_fits). */
	ck_assert_ptr_nonnull(R(0)->c_run.r_sel);
	for (i = 0; i < n; i++) {
		/* HDLC 4, outer IPv4 20, ESP 8, the IV, ESP's trailer. */
		hdr = 4 + 20 + 8 + esp_sa_iv_len(ps->ps_esp);
		ck_assert_uint_ge(esp_len[i], hdr + lens[i] + 2 +
		    esp_sa_icv_len(ps->ps_esp));
		ck_assert_uint_le(esp_len[i], hdr + lens[i] + 2 + 15 +
		    esp_sa_icv_len(ps->ps_esp));
		if (_i != 0)
			continue;
		(void)memlab_frame(&ml, want, 0x01010101, 0x02020202, 17,
		    lens[i]);
		for (j = 0; j < lens[i]; j++)
			if (j != 8 && j != 10 && j != 11)
				ck_assert_msg(esp[i][hdr + j] == want[14 + j],
				    "length %zu, byte %zu", lens[i], j);
		ck_assert_uint_eq(esp[i][hdr + 8], 63);
		/* The checksum updated with the TTL (fc_copy writes both
		 * into the header's first word for up to 64 bytes). */
		ck_assert_msg(in_cksum(esp[i] + hdr, 20, 0) == 0,
		    "length %zu: checksum", lens[i]);
	}
	/* One byte more: cut before encryption, the ordinary way. */
	nesp = 0;
	fs_send((size_t[]){ inner + 1 }, 1);
	ck_assert_uint_eq(nesp, 2);
}
END_TEST

/* ---- The inbound lane (co_esp_lane) against today's path. ---- */

/* What R2 sent back on Serial1/1 during a play: frames and bytes. */
static unsigned long	lp_out, lp_out_bytes;

static void
lp_capture(void *arg, const uint8_t *frame, size_t len)
{
	(void)arg;
	(void)frame;
	lp_out++;
	lp_out_bytes += len;
}

static struct wire_mem_sink	lp_sink = { lp_capture, NULL };

/* What a play leaves: R2's flow counters (show crypto ipsec sa), its
 * inbound SA's bytes, its ESP errors, Serial1/1's counters (show
 * interfaces) and the frames R2 sent back (answers, errors). */
struct esp_lane_result {
	struct flow_stats	fs;
	uint64_t		bytes, esp_bad, ipkts, ierrors, opkts;
	unsigned long		out, out_bytes;
};

/* LAN packet K of the script into R1, encrypted to R2 (TTL one less):
 * TCP, an echo, an echo whose TTL reaches R2 as 1, UDP to NTP's port,
 * to DHCP's client port and to the discard port (IKE's are never
 * encrypted by a crypto map: check_inbound sends those), a first
 * fragment, a datagram with IP options, a large one. */
static void
esp_lane_lan(int k)
{
	static const size_t	 len[] = { 64, 64, 64, 60, 60, 60, 64, 64,
				    1400 };
	static uint8_t		 fr[14 + 1500];
	uint8_t			*ip = fr + 14;
	size_t			 n, hl = 20;

	n = memlab_frame(&ml, fr, 0x01010101, 0x02020202,
	    k == 1 || k == 2 ? 1 : k >= 3 && k <= 5 ? 17 : 6, len[k]);
	if (k == 1 || k == 2) {
		ip[20] = 8;	/* echo request */
		ip[21] = 0;
		if (k == 2)
			ip[8] = 2;
	} else if (k >= 3 && k <= 5) {
		put16(ip + 20, 1024);
		put16(ip + 22, k == 3 ? 123 : k == 4 ? 68 : 9);
		put16(ip + 24, (uint16_t)(len[k] - 20));
		put16(ip + 26, 0);
	} else if (k == 6)
		put16(ip + 6, 0x2000);	/* MF: the first of two */
	else if (k == 7) {
		hl = 24;
		ip[0] = 0x46;
		memset(ip + 20, 1, 3);	/* NOPs, then end of list */
		ip[23] = 0;
	}
	if (k == 1 || k == 2) {
		put16(ip + 22, 0);
		put16(ip + 22, in_cksum(ip + 20, len[k] - 20, 0));
	}
	put16(ip + 10, 0);
	put16(ip + 10, in_cksum(ip, hl, 0));
	if (wire_mem_inject(ml.ml_lan, fr, n) != 0)
		inject_fail++;
}

/*
 * One play: R1 encrypts the script's packets; R2 receives them in one
 * read with, between them, a replay, a tampered ICV, a cleartext echo
 * for its Serial1/1, an unknown SPI, a truncated packet and the same
 * packets again (replays).  LANE false: R2's crypto hook without
 * co_esp_lane, today's path (co_esp_input, esp_accepted, dp_ip_input).
 */
static void
esp_lane_play(bool lane, struct esp_lane_result *res)
{
	static struct dp_crypto_ops	 ops;
	static uint8_t			 fr[24][ESP_MAX];
	struct dataplane		*dp1 = ml.ml_rt[1].r_sys.sy_dp;
	const struct fwd		*f = dp1->d_fwd;
	const struct dp_iface		*s11;
	const uint8_t			*fp[24];
	size_t				 fl[24], n = 0, i;
	uint8_t				*ip;
	struct ipsec_sa			*in;

	if (!lane) {
		ops = *f->f_crypto;
		ops.co_esp_lane = NULL;
		dp_crypto_register(dp1, &ops, f->f_crypto_arg);
	}
	/* The tunnel up (the first packet starts IKE). */
	send_lan(64);
	(void)wire_mem_sink(ml.ml_ser[0], &ml.ml_sink[0]);
	memlab_pump(&ml);
	(void)wire_mem_sink(ml.ml_ser[0], &cap_sink);
	nesp = 0;
	for (i = 0; i < 9; i++) {
		esp_lane_lan((int)i);
		ck_assert_msg(nesp == i + 1, "LAN packet %zu: %zu ESP", i, nesp);
	}
#define LP_ADD(p, l)	do { memcpy(fr[n], (p), (l)); fl[n] = (l); \
			    fp[n] = fr[n]; n++; } while (0)
	LP_ADD(esp[0], esp_len[0]);
	LP_ADD(esp[1], esp_len[1]);
	LP_ADD(esp[1], esp_len[1]);		/* replayed */
	LP_ADD(esp[2], esp_len[2]);
	fr[n - 1][fl[n - 1] - 1] ^= 1;		/* its ICV tampered */
	/* A cleartext echo 12.1.1.1 -> 12.1.1.2 (HDLC as ESP's). */
	memcpy(fr[n], esp[0], 4);
	ip = fr[n] + 4;
	memset(ip, 0, 28);
	ip4_hdr(ip, 28, 1, 0x0c010101, 0x0c010102);
	ip[8] = 64;
	put16(ip + 10, in_cksum(ip, 20, 0));
	ip[20] = 8;
	put16(ip + 22, in_cksum(ip + 20, 8, 0));
	fl[n] = 4 + 28;
	fp[n] = fr[n];
	n++;
	for (i = 2; i < 9; i++)
		LP_ADD(esp[i], esp_len[i]);
	LP_ADD(esp[0], esp_len[0]);		/* replayed */
	LP_ADD(esp[3], esp_len[3]);
	put32(fr[n - 1] + 4 + 20, get32(fr[n - 1] + 4 + 20) ^ 0x10);
	LP_ADD(esp[4], esp_len[4] - 8);		/* cut short */
#undef LP_ADD
	(void)wire_mem_sink(ml.ml_ser[1], &lp_sink);
	lp_out = lp_out_bytes = 0;
	(void)wire_mem_inject_batch(ml.ml_ser[1], fp, fl, n);
	memset(res, 0, sizeof(*res));
	res->fs = flow(1)->fl_stats;
	in = TAILQ_LAST(&flow(1)->fl_in, ipsec_sa_list);
	ck_assert_ptr_nonnull(in);
	res->bytes = in->ps_bytes;
	res->esp_bad = R(1)->c_esp_bad;
	s11 = dp_iface_find(dp1, "Serial1/1");
	ck_assert_ptr_nonnull(s11);
	res->ipkts = s11->if_attach.at_ipkts;
	res->ierrors = s11->if_attach.at_ierrors;
	res->opkts = s11->if_attach.at_opkts;
	res->out = lp_out;
	res->out_bytes = lp_out_bytes;
}

/*
 * Issue 22 (t28b): ESP a wire brings for a crypto map's tunnel-mode SA
 * returns its inner datagram to ip4_receive (co_esp_lane) instead of a
 * nested dp_ip_input.  The same frames in one read, with the lane and
 * without it (today's path), leave the same counters, the same frames
 * sent back and the same shows: TCP dropped, echoes answered (TTL 1
 * too), UDP to NTP's, DHCP's and an unused port, a fragment held for
 * reassembly, options, a large datagram, replays, a tampered ICV, an
 * unknown SPI, a truncated packet and a cleartext frame in between.
 */
START_TEST(test_esp_lane_as_before)
{
	static struct esp_lane_result	with, without;

	esp_lane_play(true, &with);
	teardown();
	setup();
	esp_lane_play(false, &without);
	ck_assert_msg(memcmp(&with.fs, &without.fs, sizeof(with.fs)) == 0,
	    "flow counters: decaps %llu/%llu recv errors %llu/%llu replay "
	    "%llu/%llu verify fail %llu/%llu", (unsigned long long)
	    with.fs.fs_decaps, (unsigned long long)without.fs.fs_decaps,
	    (unsigned long long)with.fs.fs_recv_errors,
	    (unsigned long long)without.fs.fs_recv_errors,
	    (unsigned long long)with.fs.fs_replay_fail,
	    (unsigned long long)without.fs.fs_replay_fail,
	    (unsigned long long)with.fs.fs_verify_fail,
	    (unsigned long long)without.fs.fs_verify_fail);
	ck_assert_uint_eq(with.bytes, without.bytes);
	ck_assert_uint_eq(with.esp_bad, without.esp_bad);
	ck_assert_uint_eq(with.ipkts, without.ipkts);
	ck_assert_uint_eq(with.ierrors, without.ierrors);
	ck_assert_uint_eq(with.opkts, without.opkts);
	ck_assert_uint_eq(with.out, without.out);
	ck_assert_uint_eq(with.out_bytes, without.out_bytes);
	/* The script did what it says. */
	ck_assert_uint_ge(with.fs.fs_decaps, 9);
	ck_assert_uint_ge(with.fs.fs_replay_fail, 2);
	ck_assert_uint_ge(with.fs.fs_verify_fail, 1);
	ck_assert_uint_ge(with.esp_bad, 1);
	ck_assert_uint_ge(with.out, 3);
	ck_assert_uint_eq(inject_fail, 0);
}
END_TEST

static Suite *
lanes_suite(void)
{
	Suite	*s = suite_create("lanes");
	TCase	*tc = tcase_create("memlab");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_burst_as_frames, 1, 3);
	tcase_add_loop_test(tc, test_lane_as_layers, 0,
	    2 * (int)(sizeof(lane_change) / sizeof(lane_change[0])));
	tcase_add_loop_test(tc, test_run_every_length, 0,
	    sizeof(fs_xf) / sizeof(fs_xf[0]));
	tcase_add_test(tc, test_esp_lane_as_before);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(lanes_suite());
	int	 nf;

	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
