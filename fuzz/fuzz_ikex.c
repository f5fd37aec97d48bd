/*
 * libFuzzer target: the IKE engine stateful — a whole exchange between
 * two iosh routers, one message of it replaced by the fuzzer's.
 *
 * Seed 001's two routers run in this process on mem: wires
 * (tests/memlab.c; pre-shared key, 3DES/MD5, group 2 — or group 19,
 * see byte 0).  Each input plays
 * one exchange from nothing: an echo from one router's loopback to the
 * other's starts Main Mode (MM1..MM6), Quick Mode (QM1..QM3) follows,
 * and once the SAs are up `clear crypto sa` and `clear crypto isakmp`
 * on the initiator send the informational deletes.  Every IKE datagram
 * between them is a step; the input picks one and replaces its ISAKMP
 * message (the IPv4/UDP framing around it rebuilt valid):
 *
 *   byte 0	bit 0: which router initiates (R1 or R2), so both
 *		routers play both roles; bit 1: the DH group of both
 *		routers' policy 10 — clear: group 2 (1024-bit MODP, seed
 *		001's), set: group 19 (P-256), so both KE checks and both
 *		key computations are fuzzed, and the ECP exchange costs a
 *		fraction of the MODP one per input
 *   byte 1	the step (modulo the steps of an unmutated exchange)
 *   byte 2	the mode (modulo 3):
 *		0 raw	the rest is the whole ISAKMP message
 *		1 plain	the original header is kept (cookies, exchange,
 *			message ID); the rest is the first payload's type
 *			and the payload chain, encrypted — when the original
 *			was — with the receiver's real phase-1 key and the
 *			IV the receiver will decrypt with, so the parsers
 *			behind the decryption run on the fuzzer's bytes
 *		2 hash	as plain, and a leading HASH payload of the right
 *			size is filled with the right HASH(1)/(2)/(3) of
 *			Quick Mode or the informational exchange, so what
 *			follows the hash check (proposal selection, IDs,
 *			KE, deletes, notifies) runs on the fuzzer's bytes
 *   the rest	the message or payload chain
 *
 * When the exchange stalls after the mutated message, the clock moves
 * 10 s once: the sender's retransmission (the real message) meets the
 * state the mutated one left.  The deletes are sent by what the two
 * commands run, ipsec_clear() and ike_clear_isakmp(), called directly:
 * parsing the command lines was a fifth of each input's time.  Between
 * inputs both routers' ISAKMP and
 * IPsec SAs are cleared and the frames in flight dropped.  Deterministic:
 * the clock is frozen (moved only as said) and OpenSSL's random numbers
 * (cookies, nonces, DH keys, SPIs, IVs) come from a generator reseeded
 * the same way for every input, so an input replays exactly.
 *
 * Reached (reach.h), one counter per step (mm1..mm6, qm1..qm3, info1,
 * info2): inputs whose mutated message at that step the receiver's
 * engine took to that state's handling — an ISAKMP SA found for its
 * cookies, not counted as a bad message (c_ike_bad unmoved); and
 * "accepted": inputs whose mutated message (different from the
 * original) the exchange survived: SAs up on both routers before any
 * retransmission.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "crypto/ike.h"
#include "crypto/ike_int.h"
#include "crypto/ike_keys.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "tests/memlab.h"
#include "fuzz/reach.h"

#define STEPS_MAX	16
#define BODY_MAX	1400
#define HDLC_IP		4		/* IPv4 after the HDLC header */
#define ISAKMP_AT	(HDLC_IP + 28)	/* after IPv4 (no options) + UDP */

static struct memlab	 ml;
static const unsigned	 groups[2] = { 2, 19 };
static unsigned		 nsteps;	/* IKE datagrams of an exchange */
static char		 names[STEPS_MAX][8];
static struct reach	 reached[STEPS_MAX + 1];
static struct reach	 accepted[1] = { { "accepted", 0 } };

/* ---- Deterministic random numbers (splitmix64), reseeded per input. */

static uint64_t	rng_state;

static int
rng_bytes(unsigned char *buf, int num)
{
	uint64_t	z;
	int		i;

	for (i = 0; i < num; i++) {
		if (i % 8 == 0) {
			z = (rng_state += 0x9e3779b97f4a7c15ULL);
			z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
			z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
			z ^= z >> 31;
		}
		buf[i] = (unsigned char)(z >> (8 * (i % 8)));
	}
	return 1;
}

static int
rng_status(void)
{
	return 1;
}

/* RAND_METHOD is deprecated in OpenSSL 3, yet RAND_bytes and the
 * providers' private-key generation still take it: the one way to make
 * a DH exchange repeatable without touching the product. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static RAND_METHOD	rng_method = {
	NULL, rng_bytes, NULL, NULL, rng_bytes, rng_status,
};

static void
rng_install(void)
{
	if (RAND_set_rand_method(&rng_method) != 1)
		abort();
}
#pragma GCC diagnostic pop

/* ---- One exchange, with a tap on the serial wires. ---- */

static struct {
	unsigned	 step;		/* IKE datagrams seen so far */
	unsigned	 target;	/* the one to replace; past the end: none */
	unsigned	 mode;
	const uint8_t	*data;
	size_t		 size;
	bool		 replaced, changed;
	bool		 first;		/* SAs up before any retransmission */
	int		 to;		/* the router that received it */
	uint64_t	 bad;		/* its c_ike_bad before */
} x;

static struct crypto *
crypto_of(int r)
{
	return ml.ml_rt[r].r_sys.sy_crypto;
}

static bool
is_ike(const uint8_t *f, size_t len)
{
	const uint8_t	*ip = f + HDLC_IP;

	return len >= ISAKMP_AT + ISAKMP_HDR_LEN && get16(f + 2) == 0x0800 &&
	    ip[0] == 0x45 && ip[9] == 17 && get16(ip + 22) == ISAKMP_PORT;
}

/*
 * The receiver's phase 1 for the original message ORIG (NULL before it
 * has keys), and in IV the IV it will decrypt this message with: phase
 * 1's running IV in Main Mode, the exchange's own once Quick Mode has
 * begun, else the first IV of a new exchange with this message ID.
 */
static struct ike_p1 *
receiver_keys(int r, const uint8_t *orig, uint8_t *iv, struct ike_qm **qp)
{
	struct isakmp_sa	*is;
	struct ike_p1		*p;
	uint32_t		 msgid = get32(orig + 20);

	*qp = NULL;
	is = sadb_isakmp_find(&crypto_of(r)->c_sadb, orig, orig + 8);
	if (is == NULL || (p = is->is_engine) == NULL || p->p_block == 0)
		return NULL;
	if (orig[18] == ISAKMP_XCHG_IDPROT) {
		memcpy(iv, p->p_iv, sizeof(p->p_iv));
		return p;
	}
	if ((*qp = ike_qm_find(p, msgid)) != NULL &&
	    orig[18] == ISAKMP_XCHG_QUICK) {
		memcpy(iv, (*qp)->q_iv, sizeof((*qp)->q_iv));
		return p;
	}
	*qp = NULL;
	if (ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, orig + 20, iv) != 0)
		return NULL;
	return p;
}

/* Mode 2: a leading HASH payload of the right size gets the hash the
 * receiver expects over the rest of the plaintext MSG (LEN bytes). */
static void
fix_hash(struct ike_p1 *p, struct ike_qm *q, uint8_t *msg, size_t len)
{
	size_t		 hl = ike_hash_len(p->p_hash);
	uint8_t		 h[IKE_PRF_MAX];
	const uint8_t	*mid = msg + 20;
	int		 rc;

	if (msg[16] != ISAKMP_PL_HASH || len < ISAKMP_HDR_LEN + 4 + hl ||
	    get16(msg + ISAKMP_HDR_LEN + 2) != 4 + hl ||
	    msg[18] == ISAKMP_XCHG_IDPROT)
		return;
	if (q == NULL)
		rc = ike_qm_hash1(&p->p_keys, mid, msg + ISAKMP_HDR_LEN + 4 +
		    hl, len - (ISAKMP_HDR_LEN + 4 + hl), h);
	else if (q->q_initiator)
		rc = ike_qm_hash2(&p->p_keys, mid, q->q_ni, q->q_nilen,
		    msg + ISAKMP_HDR_LEN + 4 + hl,
		    len - (ISAKMP_HDR_LEN + 4 + hl), h);
	else
		rc = ike_qm_hash3(&p->p_keys, mid, q->q_ni, q->q_nilen,
		    q->q_nr, q->q_nrlen, h);
	if (rc == 0)
		memcpy(msg + ISAKMP_HDR_LEN + 4, h, hl);
}

/* The fuzzer's message in place of the original at F + ISAKMP_AT,
 * built for router TO; returns its length. */
static size_t
build(int to, uint8_t *f, size_t cap)
{
	uint8_t		*msg = f + ISAKMP_AT, orig[ISAKMP_HDR_LEN];
	uint8_t		 iv[16];
	struct ike_p1	*p;
	struct ike_qm	*q;
	size_t		 len, body;

	if (x.mode == 0) {
		len = x.size < cap ? x.size : cap;
		memcpy(msg, x.data, len);
		return len;
	}
	if (x.size < 1)
		return 0;
	memcpy(orig, msg, sizeof(orig));
	body = x.size - 1;
	msg[16] = x.data[0];
	memcpy(msg + ISAKMP_HDR_LEN, x.data + 1, body);
	len = ISAKMP_HDR_LEN + body;
	p = (orig[19] & ISAKMP_FLAG_E) ? receiver_keys(to, orig, iv, &q) : NULL;
	if (p != NULL) {
		if (x.mode == 2)
			fix_hash(p, q, msg, len);
		if ((len = ike_encrypt_msg(p, msg, len, cap, iv)) == 0)
			return 0;
	} else
		msg[19] &= (uint8_t)~ISAKMP_FLAG_E;
	put32(msg + 24, (uint32_t)len);
	return len;
}

/*
 * With FUZZ_IKEX_SEEDS=DIR, the first exchanges (each router initiating,
 * on group 2 and on group 19: r1-mm1-raw, r1-g19-mm1-raw, ...)
 * write a seed per step and mode into DIR: the datagram's message (raw),
 * and its first payload type and payload chain, decrypted when it was
 * encrypted (plain, hash).  The corpus in fuzz/corpus/ikex is made so.
 */
static const char	*seed_dir;
static int		 seed_role;	/* byte 0: initiator, group */

static void
seed_write(unsigned step, unsigned mode, const uint8_t *body, uint8_t np,
    const uint8_t *rest, size_t len)
{
	char	path[512];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/r%d%s-%s-%s", seed_dir,
	    (seed_role & 1) + 1, (seed_role & 2) ? "-g19" : "", names[step], mode == 0 ? "raw" : mode == 1 ? "plain" : "hash");
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	fputc(seed_role, fp);
	fputc((int)step, fp);
	fputc((int)mode, fp);
	if (mode == 0)
		fwrite(body, 1, len, fp);
	else {
		fputc(np, fp);
		fwrite(rest, 1, len, fp);
	}
	fclose(fp);
}

static void
seed_record(int to, const uint8_t *msg, size_t len)
{
	static uint8_t	 plain[MEMLAB_FRAME];
	uint8_t		 iv[16];
	struct ike_p1	*p = NULL;
	struct ike_qm	*q;
	size_t		 body = len - ISAKMP_HDR_LEN;
	unsigned	 mode;

	seed_write(x.step - 1, 0, msg, 0, NULL, len);
	memcpy(plain, msg + ISAKMP_HDR_LEN, body);
	if ((msg[19] & ISAKMP_FLAG_E) && ((p = receiver_keys(to, msg, iv,
	    &q)) == NULL || ike_decrypt(p->p_enc, p->p_keybits, p->p_enckey,
	    iv, plain, body) != 0))
		return;
	for (mode = 1; mode < 3; mode++)
		seed_write(x.step - 1, mode, NULL, msg[16], plain, body);
}

static size_t
tap(struct memlab *m, int from, uint8_t *f, size_t len)
{
	static uint8_t	 orig[MEMLAB_FRAME];
	uint8_t		*ip = f + HDLC_IP;
	size_t		 mlen, olen;

	(void)m;
	if (!is_ike(f, len) || x.step++ != x.target) {
		if (seed_dir != NULL && is_ike(f, len))
			seed_record(1 - from, f + ISAKMP_AT, len - ISAKMP_AT);
		return len;
	}
	x.to = 1 - from;
	x.bad = crypto_of(x.to)->c_ike_bad;
	olen = len - ISAKMP_AT;
	memcpy(orig, f + ISAKMP_AT, olen);
	mlen = build(x.to, f, MEMLAB_FRAME - ISAKMP_AT);
	x.changed = mlen != olen || memcmp(f + ISAKMP_AT, orig, olen) != 0;
	x.replaced = true;
	put16(ip + 2, (unsigned)(28 + mlen));
	put16(ip + 10, 0);
	put16(ip + 10, in_cksum(ip, 20, 0));
	put16(ip + 24, (unsigned)(8 + mlen));
	put16(ip + 26, 0);	/* no UDP checksum */
	return ISAKMP_AT + mlen;
}

static bool
sas_up(int r)
{
	const struct ipsec_flow	*fl;

	fl = TAILQ_FIRST(&crypto_of(r)->c_sadb.db_flows);
	return fl != NULL && TAILQ_FIRST(&fl->fl_out) != NULL;
}

static void
reset(void)
{
	int	r;

	for (r = 0; r < 2; r++) {
		ike_clear_isakmp(crypto_of(r));
		ipsec_clear(crypto_of(r));
	}
	/* The deletes those sent, and anything else in flight, dropped. */
	for (r = 0; r < 2; r++)
		ml.ml_q[r].mq_n = 0;
	memlab_pump(&ml);
	for (r = 0; r < 2; r++)
		ml.ml_q[r].mq_n = 0;
	rng_state = 0x1905;
}

/* Both routers' policy 10 on DH group G: what `crypto isakmp policy 10`
 * / `group G` sets (isakmp_group_cmd), without parsing it per input. */
static void
use_group(unsigned g)
{
	int	r;

	for (r = 0; r < 2; r++)
		crypto_of(r)->c_policies[0]->ip_group = g;
}

/* One exchange begun by router I; true when the SAs came up. */
static bool
play(int i)
{
	struct dp_echo_req	er;
	bool			up;
	int			k;

	memset(&er, 0, sizeof(er));
	er.er_dst = i == 0 ? 0x02020202 : 0x01010101;
	er.er_src = i == 0 ? 0x01010101 : 0x02020202;
	er.er_id = 99;
	er.er_size = 100;
	ml.ml_tap = tap;
	(void)dp_echo_send(ml.ml_rt[i].r_sys.sy_dp, &er);
	memlab_pump(&ml);
	x.first = sas_up(0) && sas_up(1);
	if (!x.first && x.replaced) {
		clock_advance(10000);	/* one retransmission */
		memlab_pump(&ml);
	}
	up = sas_up(0) && sas_up(1);
	if (up) {
		ipsec_clear(crypto_of(i));	/* clear crypto sa */
		memlab_pump(&ml);
		ike_clear_isakmp(crypto_of(i));	/* clear crypto isakmp */
		for (k = 0; k < 2; k++)
			memlab_pump(&ml);
	}
	ml.ml_tap = NULL;
	return up;
}

static void
fuzz_init(void)
{
	char		 err[256];
	unsigned	 mm = 0, qm = 0, info = 0, s;

	clock_use_frozen(1700000000000LL);
	rng_install();
	if (memlab_open(&ml, "esp-3des esp-md5-hmac", err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz_ikex: %s\n", err);
		abort();
	}
	/* An exchange with nothing replaced: how many steps, and what. */
	reset();
	memset(&x, 0, sizeof(x));
	x.target = ~0u;
	if (!play(0)) {
		fprintf(stderr, "fuzz_ikex: the exchange did not complete\n");
		abort();
	}
	nsteps = x.step < STEPS_MAX ? x.step : STEPS_MAX;
	for (s = 0; s < nsteps; s++) {
		if (s < 6)
			snprintf(names[s], sizeof(names[s]), "mm%u", ++mm);
		else if (s < 9)
			snprintf(names[s], sizeof(names[s]), "qm%u", ++qm);
		else
			snprintf(names[s], sizeof(names[s]), "info%u", ++info);
		reached[s].r_what = names[s];
	}
	reached[nsteps] = accepted[0];
	if ((seed_dir = getenv("FUZZ_IKEX_SEEDS")) != NULL) {
		for (seed_role = 0; seed_role < 4; seed_role++) {
			use_group(groups[seed_role >> 1]);
			reset();
			memset(&x, 0, sizeof(x));
			x.target = ~0u;
			(void)play(seed_role & 1);
		}
		use_group(groups[0]);
		seed_dir = NULL;
	}
	reach_init("fuzz_ikex", reached, nsteps + 1);
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (nsteps == 0)
		fuzz_init();
	if (size < 3)
		return 0;
	if (size - 3 > BODY_MAX)
		size = BODY_MAX + 3;
	reach_inputs++;
	use_group(groups[(data[0] >> 1) & 1]);
	reset();
	memset(&x, 0, sizeof(x));
	x.target = data[1] % nsteps;
	x.mode = data[2] % 3;
	x.data = data + 3;
	x.size = size - 3;
	(void)play(data[0] & 1);
	if (x.replaced && crypto_of(x.to)->c_ike_bad == x.bad)
		reached[x.target].r_n++;
	if (x.replaced && x.changed && x.first)
		reached[nsteps].r_n++;
	return 0;
}
