/*
 * ike_dh: IKEv1 Diffie-Hellman groups on OpenSSL 3 EVP (ike_dh.h).
 *
 * Domain parameters are built once per group and kept for the life of
 * the process.  The RFC 3526 groups (5, 14, 15, 16) and RFC 5114's group
 * 24 are OpenSSL named groups ("modp_2048", "dh_2048_256"); they are not
 * the RFC 7919 ffdhe groups, which have other primes.  Groups 1 and 2
 * (RFC 2409 primes) OpenSSL does not know by name, so their p is given.
 *
 * Private exponent length (MODP, see notes/crypto-limits.md §3b): unset,
 * OpenSSL uses 2 x the group's strength for the named groups but a full
 * 1022-bit exponent for group 2, which makes group 2 as slow as group 14.
 * We set max(256, 2 x strength) bits for every safe-prime group: NIST SP
 * 800-56A's minimum (2 x strength) with a 256-bit floor, which is what
 * RFC 3526 §8 asks for the groups up to 3072 bits and costs group 14
 * nothing measurable over OpenSSL's 225 bits; group 16 gets 304.  Group
 * 24's exponent gets 256 bits too, the size of its q (OpenSSL would take
 * 224).  The length is set on each keygen context: OpenSSL 3.0 does not
 * take it from the domain parameters.
 *
 * Peer values are validated cheaply but completely: the default
 * EVP_PKEY_derive_set_peer() check does a full-size y^q exponentiation,
 * 5-7 times the derive itself, which tells nothing for a safe prime
 * beyond 1 < y < p-1 (the only small subgroup is {1, p-1}).  So the
 * safe-prime groups get that range check on the wire bytes, group 24
 * (whose p-1 has small factors) the full check with its 256-bit q, and
 * ECP points are checked to be on the curve by the import itself (the
 * NIST curves have cofactor 1, and x || y cannot encode infinity).
 *
 * Key pairs made ahead (ike_dh_new, ike_dh_idle): group 19's 16 at a
 * time when its pool is empty, and any group's while the event loop
 * would wait, once the group has been asked for; none kept longer than
 * a minute or across a fork.  On a machine with more than one CPU a
 * thread of its own makes them instead (the maker, below), so that an
 * exchange's keygens run beside the event loop, not on it.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include "crypto/ike_dh.h"
#include "lib/clock.h"
#include "lib/xalloc.h"

/* The most key pairs a group makes in a row (g_batch), and so the most
 * its pool holds. */
#define DH_POOL_MAX	16
/* How long a key pair made ahead may wait for its exchange: an idle
 * router does not keep private keys for hours (ms). */
#define DH_POOL_AGE_MS	60000

struct dh_group {
	unsigned	  g_num;
	bool		  g_ec;
	const char	 *g_name;	/* OpenSSL group or curve, or NULL */
	BIGNUM		*(*g_prime)(BIGNUM *);	/* when g_name is NULL */
	size_t		  g_len;	/* bytes of p, or of one coordinate */
	unsigned	  g_privbits;	/* MODP exponent */
	bool		  g_check_q;	/* p-1 has small factors */
	int		  g_nid;	/* ECP curve */
	/* Key pairs made in a row when the pool is empty (ike_dh_new);
	 * 0: one at a time, as asked.  P-256 only: its keygen reads a
	 * 148 KB table, which with the rest of a setup overflows a 512 KB
	 * L2; MODP keygens are long exponentiations a refill barely
	 * slows, P-384/521 have no such table. */
	unsigned	  g_batch;
	EVP_PKEY	 *g_params;	/* built on first use */
	/* Kept for the process, as g_params (IKE runs on the event loop's
	 * one thread): a keygen context initialised once, and the peer's
	 * key, whose public value each derive sets anew.  A new context
	 * and a new EVP_PKEY per key cost OpenSSL 3.0 ~13 k and ~23 k
	 * instructions (the key type's names walked in a 2,000-entry hash
	 * for each new EVP_PKEY): ~1% of a group 2 setup. */
	EVP_PKEY_CTX	 *g_genctx;
	EVP_PKEY	 *g_peer;
	uint8_t		  g_pm1[IKE_DH_MAX_LEN];	/* p-1, MODP */
	/* Key pairs made ahead (see ike_dh_new): g_pool[0 .. g_pool_n),
	 * made by process g_pool_pid at g_pool_ms. */
	struct ike_dh	 *g_pool[DH_POOL_MAX];
	unsigned	  g_pool_n;
	pid_t		  g_pool_pid;
	uint64_t	  g_pool_ms;
	/* ike_dh_new was asked for it: ike_dh_idle keeps a pair ready. */
	bool		  g_used;
	/* The maker's (below): its own keygen context, and the pool's
	 * generation, new at each drain, so that a pair begun before a
	 * drain is not put into the pool after it. */
	EVP_PKEY_CTX	 *g_mkctx;
	unsigned	  g_gen;
};

static struct dh_group groups[] = {
	{ 1, false, NULL, BN_get_rfc2409_prime_768, 96, 256 },
	{ 2, false, NULL, BN_get_rfc2409_prime_1024, 128, 256 },
	{ 5, false, "modp_1536", NULL, 192, 256 },
	{ 14, false, "modp_2048", NULL, 256, 256 },
	{ 15, false, "modp_3072", NULL, 384, 256 },
	{ 16, false, "modp_4096", NULL, 512, 304 },
	{ 19, true, "P-256", NULL, 32, 0, false, NID_X9_62_prime256v1,
	    DH_POOL_MAX },
	{ 20, true, "P-384", NULL, 48, 0, false, NID_secp384r1 },
	{ 21, true, "P-521", NULL, 66, 0, false, NID_secp521r1 },
	{ 24, false, "dh_2048_256", NULL, 256, 256, true },
};

struct ike_dh {
	struct dh_group	*dh_group;
	EVP_PKEY	*dh_key;
	size_t		 dh_pub_len;
	uint8_t		 dh_pub[2 * IKE_DH_MAX_LEN];
};

/*
 * The key pair maker: a thread that keeps, for each group asked for,
 * pairs made ahead (maker_ahead), so that neither side of an exchange
 * waits for a keygen on the event loop's thread: an initiator's MM3 and
 * a responder's MM4 go out at once, and two routers on one machine make
 * their pairs on the CPU the loop is not using.  ike_dh_maker_enable
 * (crypto's ike_attach) allows it; the first ike_dh_new starts it, on a
 * machine with more than one CPU (on one, the loop's idle moments do the
 * same work, ike_dh_idle).  It shares the pools under mk_lock and keys
 * with contexts of its own (g_mkctx).  It never reads the clock (a test's
 * may be frozen): the loop's thread stamps a pool when it leaves it empty
 * (g_pool_ms), so every pair in it was begun after its stamp, but one
 * begun a keygen's time before; the loop's thread also frees a pool past
 * DH_POOL_AGE_MS (ike_dh_new, ike_dh_idle), as without the maker.
 */
static struct {
	pthread_mutex_t	mk_lock;
	pthread_cond_t	mk_wake;	/* a pool to fill */
	pthread_cond_t	mk_idle;	/* no keygen under way */
	pid_t		mk_pid;		/* the process it runs in; 0: none */
	bool		mk_failed;	/* cannot run here (one CPU, no thread) */
	bool		mk_busy;	/* a keygen under way */
	bool		mk_forking;	/* fork(2) waits for it: none begun */
	bool		mk_enabled;	/* ike_dh_maker_enable */
	bool		mk_atfork;	/* pthread_atfork done */
} maker = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
    PTHREAD_COND_INITIALIZER, 0, false, false, false, false, false };

static struct dh_group *
group_find(unsigned num)
{
	size_t	i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (groups[i].g_num == num)
			return &groups[i];
	return NULL;
}

/* Push the domain parameters of G (not the exponent length) onto BLD. */
static int
push_domain(OSSL_PARAM_BLD *bld, const struct dh_group *g, BIGNUM **p,
    BIGNUM **two)
{
	if (g->g_name != NULL)
		return OSSL_PARAM_BLD_push_utf8_string(bld,
		    OSSL_PKEY_PARAM_GROUP_NAME, g->g_name, 0);
	if ((*p = g->g_prime(NULL)) == NULL || (*two = BN_new()) == NULL ||
	    !BN_set_word(*two, 2))
		return 0;
	return OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, *p) &&
	    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, *two);
}

/* Build a key of G from domain parameters plus EXTRA (a key, or none). */
static EVP_PKEY *
key_fromdata(const struct dh_group *g, int selection,
    int (*extra)(OSSL_PARAM_BLD *, const void *), const void *arg)
{
	OSSL_PARAM_BLD	*bld;
	OSSL_PARAM	*params = NULL;
	EVP_PKEY_CTX	*ctx = NULL;
	EVP_PKEY	*key = NULL;
	BIGNUM		*p = NULL, *two = NULL;

	if ((bld = OSSL_PARAM_BLD_new()) == NULL)
		return NULL;
	if (!push_domain(bld, g, &p, &two))
		goto out;
	if (extra != NULL && !extra(bld, arg))
		goto out;
	if ((params = OSSL_PARAM_BLD_to_param(bld)) == NULL)
		goto out;
	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, g->g_ec ? "EC" : "DH",
	    NULL)) == NULL || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &key, selection, params) <= 0)
		key = NULL;
out:
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(p);
	BN_free(two);
	return key;
}

/* The group's domain parameters, built once; also p-1 for the check. */
static EVP_PKEY *
group_params(struct dh_group *g)
{
	BIGNUM	*p = NULL;

	if (g->g_params != NULL)
		return g->g_params;
	if ((g->g_params = key_fromdata(g, EVP_PKEY_KEY_PARAMETERS, NULL,
	    NULL)) == NULL)
		return NULL;
	if (!g->g_ec) {
		if (!EVP_PKEY_get_bn_param(g->g_params, OSSL_PKEY_PARAM_FFC_P,
		    &p) || !BN_sub_word(p, 1) ||
		    BN_bn2binpad(p, g->g_pm1, (int)g->g_len) < 0) {
			BN_free(p);
			EVP_PKEY_free(g->g_params);
			g->g_params = NULL;
			return NULL;
		}
		BN_free(p);
	}
	return g->g_params;
}

bool
ike_dh_supported(unsigned group)
{
	return group_find(group) != NULL;
}

size_t
ike_dh_pub_len(unsigned group)
{
	const struct dh_group	*g = group_find(group);

	if (g == NULL)
		return 0;
	return g->g_ec ? 2 * g->g_len : g->g_len;
}

size_t
ike_dh_secret_len(unsigned group)
{
	const struct dh_group	*g = group_find(group);

	return g == NULL ? 0 : g->g_len;
}

/*
 * Fill DH's public value in KE encoding from its key: the encoded public
 * key of either kind — for ECP 04 || x || y, for MODP y padded to the
 * prime's length (OpenSSL's ossl_dh_key2buf, the bytes RFC 2409's KE
 * carries).  Not EVP_PKEY_get_bn_param for MODP: OpenSSL 3.0 exports the
 * BIGNUM through a 2 KB buffer it pads in constant time, byte by byte,
 * and converts back (~63 k instructions a key, 2% of a group 2 setup).
 */
static int
export_public(struct ike_dh *dh)
{
	const struct dh_group	*g = dh->dh_group;
	uint8_t			 pt[1 + 2 * IKE_DH_MAX_LEN];
	size_t			 n, want = g->g_ec ? 1 + 2 * g->g_len : g->g_len;

	if (!EVP_PKEY_get_octet_string_param(dh->dh_key,
	    OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, pt, sizeof(pt), &n) ||
	    n != want)
		return -1;
	if (g->g_ec) {
		if (pt[0] != POINT_CONVERSION_UNCOMPRESSED)
			return -1;
		memcpy(dh->dh_pub, pt + 1, n - 1);
		dh->dh_pub_len = n - 1;
	} else {
		memcpy(dh->dh_pub, pt, n);
		dh->dh_pub_len = n;
	}
	return 0;
}

static struct ike_dh *
dh_wrap(struct dh_group *g, EVP_PKEY *key)
{
	struct ike_dh	*dh;

	dh = xcalloc(1, sizeof(*dh));
	dh->dh_group = g;
	dh->dh_key = key;
	if (export_public(dh) < 0) {
		ike_dh_free(dh);
		return NULL;
	}
	return dh;
}

/* A keygen context for G, with the exponent length set; NULL on
 * failure. */
static EVP_PKEY_CTX *
genctx_new(struct dh_group *g)
{
	EVP_PKEY_CTX	*ctx;
	OSSL_PARAM	 len[2];
	int		 bits;

	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, g->g_params, NULL)) ==
	    NULL)
		return NULL;
	bits = (int)g->g_privbits;
	len[0] = OSSL_PARAM_construct_int(OSSL_PKEY_PARAM_DH_PRIV_LEN, &bits);
	len[1] = OSSL_PARAM_construct_end();
	if (EVP_PKEY_keygen_init(ctx) <= 0 ||
	    (!g->g_ec && EVP_PKEY_CTX_set_params(ctx, len) <= 0)) {
		EVP_PKEY_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

/* A fresh key pair of G (its parameters built) made with the keygen
 * context *CTXP, made on first use; NULL on failure. */
static struct ike_dh *
keygen_with(struct dh_group *g, EVP_PKEY_CTX **ctxp)
{
	EVP_PKEY	*key = NULL;

	if (*ctxp == NULL && (*ctxp = genctx_new(g)) == NULL)
		return NULL;
	if (EVP_PKEY_keygen(*ctxp, &key) <= 0) {
		/* Not knowing what a failure left in it: a new one next. */
		EVP_PKEY_CTX_free(*ctxp);
		*ctxp = NULL;
		return NULL;
	}
	return dh_wrap(g, key);
}

/* A fresh key pair of G on the event loop's thread. */
static struct ike_dh *
dh_keygen(struct dh_group *g)
{
	return keygen_with(g, &g->g_genctx);
}

/* The last pair of G's pool, out of it; NULL if it is empty. */
static struct ike_dh *
pool_pop(struct dh_group *g)
{
	struct ike_dh	*dh;

	if (g->g_pool_n == 0)
		return NULL;
	dh = g->g_pool[--g->g_pool_n];
	g->g_pool[g->g_pool_n] = NULL;
	return dh;
}

/* Free (wipe: OpenSSL clears a private key as it frees it) the key
 * pairs G holds. */
static void
pool_drain(struct dh_group *g)
{
	struct ike_dh	*dh;

	g->g_gen++;
	while ((dh = pool_pop(g)) != NULL)
		ike_dh_free(dh);
}

/* May G's pool be used by process PID at NOW?  Not if another process
 * filled it (this one was forked since: parent and child would share
 * private keys), nor if it is older than DH_POOL_AGE_MS. */
static bool
pool_usable(const struct dh_group *g, pid_t pid, uint64_t now)
{
	return g->g_pool_pid == pid && now - g->g_pool_ms <= DH_POOL_AGE_MS;
}

/* G's pool as it may be used NOW: freed first if it may not. */
static void
pool_check(struct dh_group *g, uint64_t now)
{
	pid_t	pid = getpid();

	if (!pool_usable(g, pid, now)) {
		pool_drain(g);
		g->g_pool_pid = pid;
	}
}

/* G's empty pool filled with up to N new pairs, made in a row. */
static void
pool_fill(struct dh_group *g, unsigned n, uint64_t now)
{
	struct ike_dh	*dh;

	g->g_pool_ms = now;
	while (g->g_pool_n < n && (dh = dh_keygen(g)) != NULL)
		g->g_pool[g->g_pool_n++] = dh;
}

/* ---- The maker (see the top of the file). ---- */

/* How many pairs of G the maker keeps made: group 19 its batch, four of
 * the others (two exchanges' worth when two routers of one process
 * meet).  It is woken when half are taken, and makes them up in a row:
 * one wake-up (two futex calls) for several pairs, not one a pair. */
static unsigned
maker_ahead(const struct dh_group *g)
{
	return g->g_batch > 1 ? g->g_batch : 4;
}

/* The maker runs in this process (not started here). */
static bool
maker_here(void)
{
	return maker.mk_pid != 0 && maker.mk_pid == getpid();
}

/* The maker runs in this process and makes pairs. */
static bool
maker_on(void)
{
	return maker.mk_enabled && maker_here();
}

/* A group whose pool (this process's) wants a pair; NULL: none, or a
 * fork is waiting.  Under mk_lock. */
static struct dh_group *
maker_group(void)
{
	struct dh_group	*g;
	size_t		 i;

	if (maker.mk_forking || !maker.mk_enabled)
		return NULL;
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		g = &groups[i];
		/* g_used is set (under mk_lock) only once g_params is
		 * built, which is never changed after. */
		if (g->g_used && g->g_pool_pid == maker.mk_pid &&
		    g->g_pool_n < maker_ahead(g))
			return g;
	}
	return NULL;
}

static void *
maker_main(void *arg)
{
	struct dh_group	*g;
	struct ike_dh	*dh;
	unsigned	 gen;

	(void)arg;
	pthread_mutex_lock(&maker.mk_lock);
	for (;;) {
		if ((g = maker_group()) == NULL) {
			pthread_cond_wait(&maker.mk_wake, &maker.mk_lock);
			continue;
		}
		gen = g->g_gen;
		maker.mk_busy = true;
		pthread_mutex_unlock(&maker.mk_lock);
		dh = keygen_with(g, &g->g_mkctx);
		pthread_mutex_lock(&maker.mk_lock);
		maker.mk_busy = false;
		pthread_cond_broadcast(&maker.mk_idle);
		if (dh == NULL)
			g->g_used = false;	/* until asked again: no spin */
		else if (g->g_gen == gen && g->g_pool_n < DH_POOL_MAX) {
			g->g_pool[g->g_pool_n++] = dh;
			dh = NULL;
		}
		ike_dh_free(dh);	/* begun before a drain */
	}
	return NULL;
}

/* fork(2) while the maker holds OpenSSL's locks in a keygen would leave
 * them held in the child: the fork waits until none is under way, and no
 * other begins before it is done.  The child has no maker (a thread does
 * not cross a fork): its first ike_dh_new starts its own, and its pools
 * are the parent's, never used (pool_check). */
static void
maker_prefork(void)
{
	pthread_mutex_lock(&maker.mk_lock);
	maker.mk_forking = true;
	while (maker.mk_busy)
		pthread_cond_wait(&maker.mk_idle, &maker.mk_lock);
}

static void
maker_postfork_parent(void)
{
	maker.mk_forking = false;
	pthread_cond_signal(&maker.mk_wake);
	pthread_mutex_unlock(&maker.mk_lock);
}

static void
maker_postfork_child(void)
{
	maker.mk_forking = false;
	pthread_cond_init(&maker.mk_wake, NULL);
	pthread_cond_init(&maker.mk_idle, NULL);
	pthread_mutex_unlock(&maker.mk_lock);
}

/* Is the maker running in this process?  Started here on first use if
 * enabled and more than one CPU is online; not asked again if it cannot
 * be.  Signals stay with the event loop's thread. */
static bool
maker_running(void)
{
	pthread_attr_t	attr;
	pthread_t	thread;
	sigset_t	all, old;
	pid_t		pid;
	int		rc;

	if (!maker.mk_enabled || maker.mk_failed)
		return false;
	if (maker.mk_pid == (pid = getpid()))
		return true;
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2 || (!maker.mk_atfork &&
	    pthread_atfork(maker_prefork, maker_postfork_parent,
	    maker_postfork_child) != 0)) {
		maker.mk_failed = true;
		return false;
	}
	maker.mk_atfork = true;
	maker.mk_pid = pid;	/* before it runs: maker_group reads it */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&thread, &attr, maker_main, NULL);
	pthread_attr_destroy(&attr);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		maker.mk_pid = 0;
		maker.mk_failed = true;
		return false;
	}
	return true;
}

/* A pair has just been taken from G's pool: the maker is told to make
 * it up again once half is gone.  Under mk_lock. */
static void
maker_ask(struct dh_group *g, uint64_t now)
{
	if (g->g_pool_n == 0)
		g->g_pool_ms = now;	/* what comes is younger */
	if (g->g_pool_n <= maker_ahead(g) / 2)
		pthread_cond_signal(&maker.mk_wake);
}

void
ike_dh_maker_enable(bool on)
{
	size_t	i;

	pthread_mutex_lock(&maker.mk_lock);
	/* Stopped: what it made is freed, so that what follows on the
	 * calling thread makes its own (a CPU-time bound counts them). */
	if (!on && maker_on())
		for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
			pool_drain(&groups[i]);
	maker.mk_enabled = on;
	pthread_cond_signal(&maker.mk_wake);
	pthread_mutex_unlock(&maker.mk_lock);
}

/*
 * A key pair of GROUP, from its pool if one waits there.  Group 19's
 * pool is filled with g_batch pairs when it is empty: made in a row,
 * each keygen after the first finds its code and P-256's table where
 * the one before left them, and the setups between two fills run
 * without the table in the cache (on a 512 KB L2 a group 19 setup's L2
 * misses fall by more than half in callgrind's model, its time by
 * ~3-5%).  Any group's pool is also filled while the event loop would
 * wait (ike_dh_idle), so that a sequential exchange finds its pair
 * made.  Each pair is handed out once and freed (wiped) by its user.
 * With the maker running, it makes them, and a pair none is ready for
 * is made here: the exchange does not wait for the maker.
 */
struct ike_dh *
ike_dh_new(unsigned group)
{
	struct dh_group	*g = group_find(group);
	uint64_t	 now;
	struct ike_dh	*dh;
	bool		 mk;

	if (g == NULL || group_params(g) == NULL)
		return NULL;
	now = clock_mono_ms();
	mk = maker_running();
	/* Even without it, a maker stopped (ike_dh_maker_enable) may still
	 * put a pair. */
	pthread_mutex_lock(&maker.mk_lock);
	g->g_used = true;
	pool_check(g, now);
	if (!mk && g->g_pool_n == 0 && g->g_batch > 1)
		pool_fill(g, g->g_batch, now);
	dh = pool_pop(g);
	if (mk)
		maker_ask(g, now);
	pthread_mutex_unlock(&maker.mk_lock);
	/* A batch that could not be made is a failure, not one more try. */
	return dh != NULL || (!mk && g->g_batch > 1) ? dh : dh_keygen(g);
}

/* A group ike_dh_new was asked for whose pool is empty (the maker fills
 * those: not if MK) or may not be used (another process's, too old);
 * NULL: none. */
static struct dh_group *
idle_group(bool mk, uint64_t now)
{
	pid_t		pid = getpid();
	size_t		i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (groups[i].g_used && ((!mk && groups[i].g_pool_n == 0) ||
		    !pool_usable(&groups[i], pid, now)))
			return &groups[i];
	return NULL;
}

bool
ike_dh_idle_want(void *arg)
{
	bool	want;

	(void)arg;
	pthread_mutex_lock(&maker.mk_lock);
	want = idle_group(maker_on(), clock_mono_ms()) != NULL;
	pthread_mutex_unlock(&maker.mk_lock);
	return want;
}

/* With the maker, a pool too old to use freed and asked for anew. */
static void
idle_maker(uint64_t now)
{
	struct dh_group	*g;

	pthread_mutex_lock(&maker.mk_lock);
	if ((g = idle_group(true, now)) != NULL) {
		pool_check(g, now);
		g->g_pool_ms = now;
		pthread_cond_signal(&maker.mk_wake);
	}
	pthread_mutex_unlock(&maker.mk_lock);
}

/* One group's pool filled: a pair (g_batch for group 19).  A keygen
 * that fails stops the asking until ike_dh_new is asked again: the
 * loop must not spin on it. */
void
ike_dh_idle(void *arg)
{
	struct dh_group	*g;
	uint64_t	 now = clock_mono_ms();

	(void)arg;
	if (maker_on()) {
		idle_maker(now);
		return;
	}
	pthread_mutex_lock(&maker.mk_lock);
	if ((g = idle_group(false, now)) != NULL) {
		pool_check(g, now);
		pool_fill(g, g->g_batch > 1 ? g->g_batch : 1, now);
		if (g->g_pool_n == 0)
			g->g_used = false;
	}
	pthread_mutex_unlock(&maker.mk_lock);
}

/* A given private value and the public value computed from it. */
struct priv_arg {
	const struct dh_group	*pa_group;
	BIGNUM			*pa_priv;
	BIGNUM			*pa_pub;	/* MODP */
	uint8_t			 pa_point[1 + 2 * IKE_DH_MAX_LEN];	/* ECP */
	size_t			 pa_point_len;
};

static int
push_keypair(OSSL_PARAM_BLD *bld, const void *arg)
{
	const struct priv_arg	*pa = arg;

	if (!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY,
	    pa->pa_priv))
		return 0;
	if (pa->pa_group->g_ec)
		return OSSL_PARAM_BLD_push_octet_string(bld,
		    OSSL_PKEY_PARAM_PUB_KEY, pa->pa_point, pa->pa_point_len);
	return OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PUB_KEY,
	    pa->pa_pub);
}

/* The public value of PA's private value: g^x mod p, or x*G. */
static int
priv_public(struct dh_group *g, struct priv_arg *pa)
{
	EC_GROUP	*ec = NULL;
	EC_POINT	*pt = NULL;
	BIGNUM		*p = NULL, *gen = NULL;
	BN_CTX		*bn;
	int		 ok = 0;

	if ((bn = BN_CTX_new()) == NULL)
		return -1;
	if (g->g_ec) {
		if ((ec = EC_GROUP_new_by_curve_name(g->g_nid)) != NULL &&
		    BN_cmp(pa->pa_priv, EC_GROUP_get0_order(ec)) < 0 &&
		    (pt = EC_POINT_new(ec)) != NULL &&
		    EC_POINT_mul(ec, pt, pa->pa_priv, NULL, NULL, bn))
			pa->pa_point_len = EC_POINT_point2oct(ec, pt,
			    POINT_CONVERSION_UNCOMPRESSED, pa->pa_point,
			    sizeof(pa->pa_point), bn);
		ok = pa->pa_point_len == 1 + 2 * g->g_len;
	} else {
		ok = EVP_PKEY_get_bn_param(g->g_params, OSSL_PKEY_PARAM_FFC_P,
		    &p) && EVP_PKEY_get_bn_param(g->g_params,
		    OSSL_PKEY_PARAM_FFC_G, &gen) &&
		    BN_cmp(pa->pa_priv, p) < 0 &&
		    (pa->pa_pub = BN_new()) != NULL &&
		    BN_mod_exp(pa->pa_pub, gen, pa->pa_priv, p, bn);
	}
	EC_POINT_free(pt);
	EC_GROUP_free(ec);
	BN_free(p);
	BN_free(gen);
	BN_CTX_free(bn);
	return ok ? 0 : -1;
}

struct ike_dh *
ike_dh_new_priv(unsigned group, const uint8_t *priv, size_t len)
{
	struct dh_group	*g = group_find(group);
	struct priv_arg	 pa;
	EVP_PKEY	*key = NULL;

	if (g == NULL || group_params(g) == NULL)
		return NULL;
	memset(&pa, 0, sizeof(pa));
	pa.pa_group = g;
	if ((pa.pa_priv = BN_bin2bn(priv, (int)len, NULL)) != NULL &&
	    !BN_is_zero(pa.pa_priv) && priv_public(g, &pa) == 0)
		key = key_fromdata(g, EVP_PKEY_KEYPAIR, push_keypair, &pa);
	BN_clear_free(pa.pa_priv);
	BN_free(pa.pa_pub);
	return key == NULL ? NULL : dh_wrap(g, key);
}

void
ike_dh_free(struct ike_dh *dh)
{
	if (dh == NULL)
		return;
	EVP_PKEY_free(dh->dh_key);
	free(dh);
}

unsigned
ike_dh_pooled(unsigned group)
{
	const struct dh_group	*g = group_find(group);
	unsigned		 n;

	if (g == NULL)
		return 0;
	pthread_mutex_lock(&maker.mk_lock);
	n = g->g_pool_pid != getpid() ? 0 : g->g_pool_n;
	pthread_mutex_unlock(&maker.mk_lock);
	return n;
}

unsigned
ike_dh_pool_drains(unsigned group)
{
	struct dh_group	*g = group_find(group);
	unsigned	 n;

	if (g == NULL)
		return 0;
	pthread_mutex_lock(&maker.mk_lock);
	n = g->g_gen;
	pthread_mutex_unlock(&maker.mk_lock);
	return n;
}

unsigned
ike_dh_group(const struct ike_dh *dh)
{
	return dh->dh_group->g_num;
}

const uint8_t *
ike_dh_public(const struct ike_dh *dh, size_t *len)
{
	*len = dh->dh_pub_len;
	return dh->dh_pub;
}

/* 1 < y < p-1 on the big-endian bytes Y of the prime's length. */
static bool
modp_in_range(const struct dh_group *g, const uint8_t *y)
{
	size_t	i;

	for (i = 0; i < g->g_len - 1 && y[i] == 0; i++)
		;
	if (i == g->g_len - 1 && y[i] <= 1)
		return false;
	return memcmp(y, g->g_pm1, g->g_len) < 0;
}

/* The peer's key: our group's parameters and its public value, in the
 * group's one peer key (not to be freed). */
static EVP_PKEY *
peer_key(const struct ike_dh *dh, const uint8_t *val, size_t len)
{
	struct dh_group	*g = dh->dh_group;
	uint8_t		 pt[1 + 2 * IKE_DH_MAX_LEN];

	if (g->g_peer == NULL) {
		if ((g->g_peer = EVP_PKEY_new()) == NULL)
			return NULL;
		if (EVP_PKEY_copy_parameters(g->g_peer, g->g_params) <= 0) {
			EVP_PKEY_free(g->g_peer);
			g->g_peer = NULL;
			return NULL;
		}
	}
	if (g->g_ec) {
		/* The import decodes the point and fails if it is not on
		 * the curve. */
		pt[0] = POINT_CONVERSION_UNCOMPRESSED;
		memcpy(pt + 1, val, len);
		if (EVP_PKEY_set1_encoded_public_key(g->g_peer, pt,
		    len + 1) <= 0)
			return NULL;
	} else if (EVP_PKEY_set1_encoded_public_key(g->g_peer, val, len) <= 0)
		return NULL;
	return g->g_peer;
}

int
ike_dh_derive(const struct ike_dh *dh, const uint8_t *val, size_t len,
    uint8_t *out, size_t out_len)
{
	const struct dh_group	*g = dh->dh_group;
	EVP_PKEY_CTX		*ctx = NULL;
	EVP_PKEY		*peer;
	OSSL_PARAM		 pad[2];
	unsigned		 one = 1;
	size_t			 n = out_len;
	int			 rc = -1;

	if (len != (g->g_ec ? 2 * g->g_len : g->g_len) || out_len != g->g_len)
		return -1;
	if (!g->g_ec && !modp_in_range(g, val))
		return -1;
	if ((peer = peer_key(dh, val, len)) == NULL)
		return -1;
	if (g->g_check_q) {
		if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, peer, NULL)) ==
		    NULL || EVP_PKEY_public_check(ctx) <= 0)
			goto out;
		EVP_PKEY_CTX_free(ctx);
	}
	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, dh->dh_key, NULL)) ==
	    NULL || EVP_PKEY_derive_init(ctx) <= 0)
		goto out;
	if (!g->g_ec) {
		/* g^xy keeps its leading zeros (RFC 2409 §5). */
		pad[0] = OSSL_PARAM_construct_uint(OSSL_EXCHANGE_PARAM_PAD,
		    &one);
		pad[1] = OSSL_PARAM_construct_end();
		if (EVP_PKEY_CTX_set_params(ctx, pad) <= 0)
			goto out;
	}
	/* Validated above, as the group needs; not again by OpenSSL. */
	if (EVP_PKEY_derive_set_peer_ex(ctx, peer, 0) <= 0 ||
	    EVP_PKEY_derive(ctx, out, &n) <= 0 || n != out_len)
		goto out;
	rc = 0;
out:
	EVP_PKEY_CTX_free(ctx);
	return rc;
}
