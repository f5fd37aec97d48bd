/*
 * dh_bench: what one side of an IKE exchange spends on Diffie-Hellman,
 * keygen + derive, with crypto/ike_dh beside the same work done with
 * plain OpenSSL EVP calls in the same run (groups 2, 14, 19).
 *
 * The plain-EVP figure is the limit: domain parameters prepared once, the
 * same exponent length as ike_dh (256 bits), the peer key built from the
 * received bytes and derived without OpenSSL's peer check (the "full, no
 * check" column of notes/crypto-limits.md §3b).  ike_dh also validates the
 * peer value (range check or on-curve) and produces the KE encoding.  For
 * the MODP groups the run also shows plain EVP with OpenSSL's default
 * exponent (1022 bits for group 2): what ike_dh's choice saves.
 *
 * Time is process CPU time; each figure is the median of three rounds of
 * BENCH_SECONDS (default 0.5) interleaved with the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "bench/benchlib.h"
#include "crypto/ike_dh.h"

#define ROUNDS	3

/* ---- plain EVP ---- */

struct raw {
	unsigned	 r_group;
	EVP_PKEY	*r_params;
	int		 r_privbits;	/* 0: OpenSSL's default */
	uint8_t		 r_peer[IKE_DH_MAX_LEN * 2 + 1];	/* encoded */
	size_t		 r_peer_len;
};

static EVP_PKEY *
raw_params(unsigned group)
{
	OSSL_PARAM_BLD	*bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM	*params;
	EVP_PKEY_CTX	*ctx;
	EVP_PKEY	*pk = NULL;
	BIGNUM		*p = NULL, *g = BN_new();
	const char	*type = "DH";

	BN_set_word(g, 2);
	if (group == 2) {
		p = BN_get_rfc2409_prime_1024(NULL);
		OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, p);
		OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, g);
	} else if (group == 14)
		OSSL_PARAM_BLD_push_utf8_string(bld,
		    OSSL_PKEY_PARAM_GROUP_NAME, "modp_2048", 0);
	else {
		type = "EC";
		OSSL_PARAM_BLD_push_utf8_string(bld,
		    OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
	}
	params = OSSL_PARAM_BLD_to_param(bld);
	ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
	if (EVP_PKEY_fromdata_init(ctx) <= 0 || EVP_PKEY_fromdata(ctx, &pk,
	    EVP_PKEY_KEY_PARAMETERS, params) <= 0) {
		fprintf(stderr, "dh_bench: group %u parameters\n", group);
		exit(1);
	}
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(p);
	BN_free(g);
	return pk;
}

static EVP_PKEY *
raw_keygen(const struct raw *r)
{
	EVP_PKEY_CTX	*ctx = EVP_PKEY_CTX_new_from_pkey(NULL, r->r_params,
			    NULL);
	EVP_PKEY	*key = NULL;
	OSSL_PARAM	 len[2];
	int		 bits = r->r_privbits;

	len[0] = OSSL_PARAM_construct_int(OSSL_PKEY_PARAM_DH_PRIV_LEN, &bits);
	len[1] = OSSL_PARAM_construct_end();
	if (EVP_PKEY_keygen_init(ctx) <= 0 ||
	    (bits != 0 && EVP_PKEY_CTX_set_params(ctx, len) <= 0) ||
	    EVP_PKEY_keygen(ctx, &key) <= 0) {
		fprintf(stderr, "dh_bench: keygen\n");
		exit(1);
	}
	EVP_PKEY_CTX_free(ctx);
	return key;
}

/* One side: keygen, its public value, the peer's key from bytes, derive. */
static void
raw_side(const struct raw *r)
{
	uint8_t		*pub = NULL, secret[IKE_DH_MAX_LEN];
	EVP_PKEY	*key = raw_keygen(r), *peer = EVP_PKEY_new();
	EVP_PKEY_CTX	*ctx;
	size_t		 n = sizeof(secret);

	EVP_PKEY_get1_encoded_public_key(key, &pub);
	OPENSSL_free(pub);
	EVP_PKEY_copy_parameters(peer, r->r_params);
	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
	if (EVP_PKEY_set1_encoded_public_key(peer, r->r_peer,
	    r->r_peer_len) <= 0 || EVP_PKEY_derive_init(ctx) <= 0 ||
	    EVP_PKEY_derive_set_peer_ex(ctx, peer, 0) <= 0 ||
	    EVP_PKEY_derive(ctx, secret, &n) <= 0) {
		fprintf(stderr, "dh_bench: derive\n");
		exit(1);
	}
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(peer);
	EVP_PKEY_free(key);
}

static void
raw_init(struct raw *r, unsigned group, int privbits)
{
	EVP_PKEY	*peer;
	uint8_t		*pub;

	r->r_group = group;
	r->r_params = raw_params(group);
	r->r_privbits = group == 19 ? 0 : privbits;
	peer = raw_keygen(r);
	r->r_peer_len = EVP_PKEY_get1_encoded_public_key(peer, &pub);
	memcpy(r->r_peer, pub, r->r_peer_len);
	OPENSSL_free(pub);
	EVP_PKEY_free(peer);
}

/* ---- ike_dh ---- */

struct iosh {
	unsigned	 i_group;
	uint8_t		 i_peer[IKE_DH_MAX_LEN * 2];
	size_t		 i_peer_len;
};

static void
iosh_side(const struct iosh *s)
{
	uint8_t		 secret[IKE_DH_MAX_LEN];
	struct ike_dh	*dh = ike_dh_new(s->i_group);
	size_t		 len;

	if (dh == NULL || (ike_dh_public(dh, &len), ike_dh_derive(dh,
	    s->i_peer, s->i_peer_len, secret, ike_dh_secret_len(s->i_group)))) {
		fprintf(stderr, "dh_bench: ike_dh\n");
		exit(1);
	}
	ike_dh_free(dh);
}

/* Sides per CPU second for SECS seconds of FN. */
static double
rate(void (*fn)(const void *), const void *arg, double secs)
{
	double	t0 = cpu_now(), t;
	long	n = 0;

	do {
		fn(arg);
		n++;
	} while ((t = cpu_now() - t0) < secs);
	return n / t;
}

static void
raw_fn(const void *a)
{
	raw_side(a);
}

static void
iosh_fn(const void *a)
{
	iosh_side(a);
}

int
main(void)
{
	static const unsigned	 groups[] = { 2, 14, 19 };
	const char		*e = getenv("BENCH_SECONDS");
	double			 secs = e ? atof(e) : 0.5;
	double			 r[ROUNDS], d[ROUNDS], s[ROUNDS], vr, vd, vs;
	struct raw		 raw, def;
	struct iosh		 io;
	struct ike_dh		*peer;
	const uint8_t		*p;
	size_t			 i, k;

	printf("dh_bench: keygen + derive per side per CPU second "
	    "(median of %d x %.1f s)\n", ROUNDS, secs);
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		raw_init(&raw, groups[i], 256);
		raw_init(&def, groups[i], 0);
		io.i_group = groups[i];
		peer = ike_dh_new(groups[i]);
		p = ike_dh_public(peer, &io.i_peer_len);
		memcpy(io.i_peer, p, io.i_peer_len);
		ike_dh_free(peer);
		for (k = 0; k < ROUNDS; k++) {
			r[k] = rate(raw_fn, &raw, secs);
			s[k] = rate(iosh_fn, &io, secs);
			d[k] = groups[i] == 19 ? 0 : rate(raw_fn, &def, secs);
		}
		vr = median(r, ROUNDS);
		vs = median(s, ROUNDS);
		vd = median(d, ROUNDS);
		printf("dh_bench: group %2u: plain EVP %7.0f/s, ike_dh %7.0f/s: "
		    "ratio %.2f", groups[i], vr, vs, vs / vr);
		if (groups[i] != 19)
			printf(" (plain EVP, OpenSSL's default exponent: "
			    "%.0f/s)", vd);
		printf("\n");
		EVP_PKEY_free(raw.r_params);
		EVP_PKEY_free(def.r_params);
	}
	return 0;
}
