/*
 * fastpath_bench: the whole ESP data path of iosh in memory, beside
 * crypto/esp alone, and the outbound lookup at hub scale.
 *
 * (1) Seed 001's tunnel (esp-3des esp-md5-hmac, and the same with
 * esp-aes esp-sha-hmac) between two routers in this process on mem:
 * wires (tests/memlab.c), no system call: a TCP datagram of 64, 512 or
 * 1400 bytes enters R1's FastEthernet0/0 as a frame, is forwarded,
 * classified by the compiled SPD, encapsulated in place and leaves
 * Serial1/2 as an HDLC frame (the sink only counts it); inbound, R2
 * takes those frames on Serial1/1, finds the SA, decrypts, checks and
 * delivers.  Frames enter in bursts of 64, as a pcap: wire's reads
 * hand them over (one clock read per burst).  Beside each, esp_encap
 * (esp_decap) alone on the same transform.  Ratio = data path packets/s
 * over esp alone packets/s.
 *
 * (2) The per-packet outbound lookup (the SPD of the interface, the
 * crypto ACL, the flow by its hash) with 1, 1,000 and 50,000 flows
 * installed, each with an inbound and an outbound SA carrying ESP
 * state; memory per flow (two SAs) from mallinfo2.  Meaningful figures
 * need a build without sanitizers.
 *
 * CPU time; each figure is the median of ROUNDS rounds, a ratio the
 * median of the rounds' own ratios (path and esp alone interleaved in
 * SLICES slices a round).
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench/benchlib.h"
#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
#include "dataplane/dp.h"
#include "tests/memlab.h"

#define ROUNDS		5
/* A round's path and esp-alone runs are interleaved in slices, so both
 * meet the same machine (another job's burst, a host's steal) and the
 * ratio is the median of the rounds' own ratios. */
#define SLICES		10
#define BATCH		2000
#define FRAME_MAX	1600

static double	round_s = 0.3;

static struct memlab	ml;
static uint8_t		batch[BATCH][FRAME_MAX];
static size_t		batch_len[BATCH], nbatch;
static unsigned long	sent, bad;

/* R1's Serial1/2: count, or keep the frames for R2. */
static void
count(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	(void)f;
	(void)len;
	sent++;
}

static void
keep(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	if (nbatch < BATCH && len <= FRAME_MAX) {
		memcpy(batch[nbatch], f, len);
		batch_len[nbatch++] = len;
	}
}

static struct wire_mem_sink	count_sink = { count, NULL };
static struct wire_mem_sink	keep_sink = { keep, NULL };

static uint8_t	lan_frame[14 + 1500];
static size_t	lan_len;

static void
lan_packet(size_t len)
{
	lan_len = memlab_frame(&ml, lan_frame, 0x01010101, 0x02020202, 6,
	    len);
}

/*
 * Frames go in as a real wire's reads hand them over: bursts of
 * BURST, as libpcap's ring gives up to 64 per readiness (wire.c), with
 * one clock read per burst (wire_mem_inject_batch).
 */
#define BURST		64

static const uint8_t	*burst_f[BURST];
static size_t		 burst_l[BURST];

static void
inject(struct wire *w, uint8_t (*frames)[FRAME_MAX], const size_t *lens,
    size_t n)
{
	size_t	i, k;

	for (i = 0; i < n; i += k) {
		for (k = 0; k < BURST && i + k < n; k++) {
			burst_f[k] = frames != NULL ? frames[i + k] : lan_frame;
			burst_l[k] = lens != NULL ? lens[i + k] : lan_len;
		}
		(void)wire_mem_inject_batch(w, burst_f, burst_l, k);
	}
}

/* Packets per CPU second through R1 (out) or R2 (in). */
static double
path_out(double dur)
{
	double		t0 = cpu_now(), t;
	unsigned long	n = 0;

	(void)wire_mem_sink(ml.ml_ser[0], &count_sink);
	sent = 0;
	do {
		inject(ml.ml_lan, NULL, NULL, 256);
		n += 256;
	} while ((t = cpu_now() - t0) < dur);
	if (sent != n)
		bad++;
	return n / t;
}

static double
path_in(double dur)
{
	double		t = 0, t0;
	unsigned long	n = 0;
	const struct ipsec_flow *fl;
	uint64_t	dec0;

	fl = TAILQ_FIRST(&ml.ml_rt[1].r_sys.sy_crypto->c_sadb.db_flows);
	dec0 = fl->fl_stats.fs_decaps;
	do {
		(void)wire_mem_sink(ml.ml_ser[0], &keep_sink);
		nbatch = 0;
		inject(ml.ml_lan, NULL, NULL, BATCH);
		t0 = cpu_now();
		inject(ml.ml_ser[1], batch, batch_len, nbatch);
		t += cpu_now() - t0;
		n += nbatch;
	} while (t < dur);
	if (fl->fl_stats.fs_decaps - dec0 != n)
		bad++;
	return n / t;
}

/* crypto/esp alone on the same transform. */
static struct esp_sa	*eo, *ei;
static uint8_t		 inner[1500], ebuf[BATCH][FRAME_MAX];
static size_t		 elen[BATCH];

static void
esp_pair(enum ts_enc enc, unsigned bits, enum ts_auth auth)
{
	static const uint8_t	ek[32] = "0123456789abcdef01234567",
				ak[20] = "authentication key20";
	struct esp_params	p = { 0x1001, enc, bits, auth, ek, ak };

	esp_sa_free(eo);
	esp_sa_free(ei);
	eo = esp_sa_new(&p);
	ei = esp_sa_new(&p);
	if (eo == NULL || ei == NULL) {
		fprintf(stderr, "fastpath_bench: esp_sa_new\n");
		exit(1);
	}
}

static double
esp_out(size_t len, double dur)
{
	double		t0 = cpu_now(), t;
	unsigned long	n = 0;
	size_t		m;

	do {
		for (int i = 0; i < 256; i++)
			if (esp_encap(eo, inner, len, ebuf[0], FRAME_MAX,
			    &m) != ESP_OK)
				bad++;
		n += 256;
	} while ((t = cpu_now() - t0) < dur);
	return n / t;
}

static double
esp_in(size_t len, double dur)
{
	const uint8_t	*p;
	double		 t = 0, t0;
	unsigned long	 n = 0;
	size_t		 m;

	do {
		for (int i = 0; i < BATCH; i++)
			(void)esp_encap(eo, inner, len, ebuf[i], FRAME_MAX,
			    &elen[i]);
		t0 = cpu_now();
		for (int i = 0; i < BATCH; i++)
			if (esp_decap(ei, ebuf[i], elen[i], &p, &m) != ESP_OK)
				bad++;
		t += cpu_now() - t0;
		n += BATCH;
	} while (t < dur);
	return n / t;
}

static void
datapath(const char *transform, enum ts_enc enc, unsigned bits,
    enum ts_auth auth)
{
	static const size_t	sizes[3] = { 64, 512, 1400 };
	double			a[ROUNDS], b[ROUNDS], c[ROUNDS], d[ROUNDS];
	double			ro[ROUNDS], ri[ROUNDS], po, eo_, pi, ei_;
	char			err[256];
	int			s, r, k;

	if (memlab_open(&ml, transform, err, sizeof(err)) != 0) {
		fprintf(stderr, "fastpath_bench: %s\n", err);
		exit(1);
	}
	esp_pair(enc, bits, auth);
	printf("whole ESP data path (%s) beside esp.c alone, packets/s:\n",
	    transform);
	printf("  size   path out    esp_encap  ratio   path in    esp_decap"
	    "  ratio\n");
	for (s = 0; s < 3; s++) {
		lan_packet(sizes[s]);
		for (r = 0; r < ROUNDS; r++) {
			a[r] = b[r] = c[r] = d[r] = 0;
			for (k = 0; k < SLICES; k++) {
				a[r] += path_out(round_s / SLICES) / SLICES;
				b[r] += esp_out(sizes[s], round_s / SLICES) /
				    SLICES;
				c[r] += path_in(round_s / SLICES) / SLICES;
				d[r] += esp_in(sizes[s], round_s / SLICES) /
				    SLICES;
			}
			ro[r] = a[r] / b[r];
			ri[r] = c[r] / d[r];
		}
		po = median(a, ROUNDS);
		eo_ = median(b, ROUNDS);
		pi = median(c, ROUNDS);
		ei_ = median(d, ROUNDS);
		printf("  %4zu %10.0f %12.0f  %5.2f %10.0f %12.0f  %5.2f\n",
		    sizes[s], po, eo_, median(ro, ROUNDS), pi, ei_,
		    median(ri, ROUNDS));
	}
	memlab_close(&ml);
}

/* ---- (2) the outbound lookup at scale ---- */

static const struct ipsec_flow	*found;

static double
lookup_rate(struct crypto *c, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	const struct spd_iface	*si;
	const struct spd_sel	*ss;
	double			 t0 = cpu_now(), t;
	unsigned long		 n = 0;
	bool			 permit;
	int			 k;

	do {
		for (int i = 0; i < 1024; i++) {
			si = ipsec_spd_iface(c, ifp);
			k = dp_acl_classify(si->si_entries[0].se_acl, ip, len,
			    &permit);
			ss = &si->si_entries[0].se_sels[k];
			found = ipsec_flow_find_h(c, &ss->ss_rq, &ss->ss_peer,
			    ss->ss_flow_hash);
		}
		n += 1024;
	} while ((t = cpu_now() - t0) < round_s);
	return n / t;
}

/* Flows 1..N-1 beside the tunnel's: other peers and proxies under the
 * same interface and map, each with an SA each way and ESP state. */
static void
install(struct crypto *c, size_t from, size_t to)
{
	static const uint8_t	 ek[24] = "0123456789abcdef01234567",
				 ak[16] = "authentication16";
	struct esp_params	 p = { 0, TS_ENC_3DES, 0, TS_AUTH_MD5, ek,
				    ak };
	struct ike_request	 rq;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	size_t			 i;

	memset(&rq, 0, sizeof(rq));
	snprintf(rq.rq_ifname, sizeof(rq.rq_ifname), "Serial1/2");
	snprintf(rq.rq_map, sizeof(rq.rq_map), "TST");
	rq.rq_seq = 10;
	sa_addr_v4(&rq.rq_local, 0x0c010101);
	for (i = from; i < to; i++) {
		sa_addr_v4(&rq.rq_peer, 0x0d000000 + (uint32_t)i);
		ipsec_ident_set(&rq.rq_lid, 0x0a000000 + (uint32_t)i, 0, 0, 0);
		ipsec_ident_set(&rq.rq_rid, 0x0b000000 + (uint32_t)i, 0, 0, 0);
		fl = ipsec_flow_create(c, &rq, 0);
		p.ep_spi = 0x40000000u + (uint32_t)i;
		ps = sadb_sa_new(&c->c_sadb, fl, IPSEC_IN, p.ep_spi);
		ps->ps_esp = esp_sa_new(&p);
		p.ep_spi = 0x80000000u + (uint32_t)i;
		ps = sadb_sa_new(&c->c_sadb, fl, IPSEC_OUT, p.ep_spi);
		ps->ps_esp = esp_sa_new(&p);
	}
}

static void
scale(void)
{
	static const size_t	 counts[3] = { 1, 1000, 50000 };
	struct crypto		*c;
	struct dp_iface		*ifp;
	struct mallinfo2	 m0, m1 = { 0 };
	double			 v[ROUNDS], rate[3], full[3];
	char			 err[256];
	size_t			 have = 1;
	int			 k, r;

	if (memlab_open(&ml, "esp-3des esp-md5-hmac", err, sizeof(err)) != 0) {
		fprintf(stderr, "fastpath_bench: %s\n", err);
		exit(1);
	}
	c = ml.ml_rt[0].r_sys.sy_crypto;
	ifp = dp_iface_find(ml.ml_rt[0].r_sys.sy_dp, "Serial1/2");
	lan_packet(64);
	m0 = mallinfo2();
	printf("outbound lookup (SPD, crypto ACL, flow by hash) and the whole "
	    "outbound path\nat 64 B, with N flows of 2 SAs installed:\n");
	printf("        N   lookups/s   path out/s   lookup(N)/lookup(1)\n");
	for (k = 0; k < 3; k++) {
		install(c, have, counts[k]);
		if (k == 2)
			m1 = mallinfo2();
		have = counts[k];
		for (r = 0; r < ROUNDS; r++)
			v[r] = lookup_rate(c, ifp, lan_frame + 14, lan_len - 14);
		rate[k] = median(v, ROUNDS);
		for (r = 0; r < ROUNDS; r++)
			v[r] = path_out(round_s);
		full[k] = median(v, ROUNDS);
		printf("  %7zu %11.0f %12.0f   %.2f\n", counts[k], rate[k],
		    full[k], rate[0] / rate[k]);
	}
	if (found == NULL || found->fl_lident.id_addr.sa_addr[0] != 1)
		bad++;
	printf("memory per flow (2 SAs, ESP state, hashes): %.0f bytes "
	    "(%.0f per SA)\n", (double)(m1.uordblks - m0.uordblks) /
	    (50000 - 1), (double)(m1.uordblks - m0.uordblks) / (50000 - 1) /
	    2);
	printf("target: lookup(50000)/lookup(1) <= 1.5: %s\n",
	    rate[0] / rate[2] <= 1.5 ? "met" : "NOT met");
	memlab_close(&ml);
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		round_s = atof(argv[1]);
	memset(inner, 0x45, sizeof(inner));
	/* A second argument picks one part (for a profiler): 3des, aes or
	 * scale. */
	if (argc < 3 || strcmp(argv[2], "3des") == 0)
		datapath("esp-3des esp-md5-hmac", TS_ENC_3DES, 0, TS_AUTH_MD5);
	if (argc < 3 || strcmp(argv[2], "aes") == 0)
		datapath("esp-aes esp-sha-hmac", TS_ENC_AES, 128, TS_AUTH_SHA);
	if (argc < 3 || strcmp(argv[2], "scale") == 0)
		scale();
	esp_sa_free(eo);
	esp_sa_free(ei);
	if (bad != 0) {
		fprintf(stderr, "fastpath_bench: %lu checks failed\n", bad);
		return 1;
	}
	return 0;
}
