/*
 * ike_prf: HMAC and hash of the IKEv1 hash algorithms (ike_prf.h).
 *
 * The HMAC implementation, a digest-bound HMAC context per hash and the
 * digests are fetched once and kept for the process; each prf keys the
 * context of its hash anew (IKE computes a handful per exchange; the
 * packet path, esp.c, keeps its keyed contexts).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/ike_prf.h"

static const char *
md_name(enum ike_hash h)
{
	switch (h) {
	case IKE_HASH_MD5:	return "MD5";
	case IKE_HASH_SHA:	return "SHA1";
	case IKE_HASH_SHA256:	return "SHA256";
	case IKE_HASH_SHA384:	return "SHA384";
	case IKE_HASH_SHA512:	return "SHA512";
	}
	return NULL;
}

size_t
ike_hash_len(enum ike_hash h)
{
	switch (h) {
	case IKE_HASH_MD5:	return 16;
	case IKE_HASH_SHA:	return 20;
	case IKE_HASH_SHA256:	return 32;
	case IKE_HASH_SHA384:	return 48;
	case IKE_HASH_SHA512:	return 64;
	}
	return 0;
}

/*
 * The HMAC context of hash H with its digest already set, made once: a
 * new EVP_MAC_CTX per prf fetched the digest by name each time (about a
 * tenth of a group 19 setup).  Each prf keys it anew.
 */
static EVP_MAC_CTX	*tmpl[IKE_HASH_SHA512 + 1];

static EVP_MAC_CTX *
hmac_template(enum ike_hash h)
{
	static EVP_MAC		*hmac;
	OSSL_PARAM		 params[2];
	const char		*md = md_name(h);

	if (md == NULL)
		return NULL;
	if (tmpl[h] != NULL)
		return tmpl[h];
	if (hmac == NULL && (hmac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		return NULL;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((tmpl[h] = EVP_MAC_CTX_new(hmac)) != NULL &&
	    !EVP_MAC_CTX_set_params(tmpl[h], params)) {
		EVP_MAC_CTX_free(tmpl[h]);
		tmpl[h] = NULL;
	}
	return tmpl[h];
}

/* The digest of H, fetched once for the process. */
static const EVP_MD *
md_fetch(enum ike_hash h)
{
	static EVP_MD	*cache[IKE_HASH_SHA512 + 1];

	if (md_name(h) == NULL)
		return NULL;
	if (cache[h] == NULL)
		cache[h] = EVP_MD_fetch(NULL, md_name(h), NULL);
	return cache[h];
}

/*
 * The key hash H's context holds now, so that a prf with the same key
 * again only resets it (EVP_MAC_init without a key copies the keyed
 * inner state back) instead of hashing the key pads anew: IKE takes its
 * prfs in runs under one key — SKEYID for SKEYID_d/a/e and HASH_I/R,
 * SKEYID_e for the cipher key, SKEYID_a for a Quick Mode's three
 * hashes, SKEYID_d for each SA's KEYMAT blocks.  Keys longer than the
 * buffer (a long pre-shared key) are keyed every time.
 */
struct prf_key {
	uint8_t	pk_key[IKE_PRF_MAX];
	size_t	pk_len;
	bool	pk_valid;
	bool	pk_held;	/* the context took a key since forgotten */
};

static struct prf_key	keyed[IKE_HASH_SHA512 + 1];

static bool
same_key(struct prf_key *k, const uint8_t *key, size_t len)
{
	if (k->pk_valid && k->pk_len == len &&
	    (len == 0 || memcmp(k->pk_key, key, len) == 0))
		return true;
	OPENSSL_cleanse(k->pk_key, sizeof(k->pk_key));
	k->pk_valid = false;
	return false;
}

/*
 * The pieces of a prf or hash input copied into BUF (CAP bytes) as one
 * run; SIZE_MAX when they do not fit.  Each EVP update walks four layers
 * (EVP_MAC, the provider's HMAC, EVP_Digest, the provider's digest),
 * ~300 instructions before a byte is hashed, and IKE's inputs come in 2
 * to 6 pieces of a few dozen bytes: one update costs less than the
 * copy.  The caller wipes BUF's first bytes (g^xy, a KEYMAT block);
 * inputs that do not fit leave nothing in it.
 */
#define GATHER_MAX	1024	/* a MODP 2048 HASH_I's text fits */

static size_t
gather(const struct ike_piece *pc, size_t n, uint8_t *buf, size_t cap)
{
	size_t	i, len = 0;

	for (i = 0; i < n; i++) {
		if (pc[i].ip_len > cap - len) {
			explicit_bzero(buf, len);	/* what was copied */
			return SIZE_MAX;
		}
		if (pc[i].ip_len)
			memcpy(buf + len, pc[i].ip_p, pc[i].ip_len);
		len += pc[i].ip_len;
	}
	return len;
}

int
ike_prf(enum ike_hash h, const uint8_t *key, size_t key_len,
    const struct ike_piece *pc, size_t n, uint8_t *out)
{
	EVP_MAC_CTX		*ctx = hmac_template(h);
	struct prf_key		*k;
	uint8_t			 buf[GATHER_MAX];
	size_t			 i, len, all;
	bool			 ok = true;

	/* Keying the context again resets it: one context per hash for the
	 * process, no allocation per prf (IKE runs on the event loop's one
	 * thread, and no prf calls another). */
	if (ctx == NULL)
		return -1;
	k = &keyed[h];
	if (same_key(k, key, key_len)) {
		if (!EVP_MAC_init(ctx, NULL, 0, NULL))
			return -1;
	} else {
		/* An empty key (a zero-length PSK) is still a key to HMAC. */
		if (!EVP_MAC_init(ctx, key_len ? key : (const uint8_t *)"",
		    key_len, NULL))
			return -1;
		k->pk_held = true;
		if (key_len <= sizeof(k->pk_key)) {
			if (key_len)
				memcpy(k->pk_key, key, key_len);
			k->pk_len = key_len;
			k->pk_valid = true;
		}
	}
	if ((all = gather(pc, n, buf, sizeof(buf))) != SIZE_MAX) {
		ok = all == 0 || EVP_MAC_update(ctx, buf, all);
		explicit_bzero(buf, all);
	} else
		for (i = 0; ok && i < n; i++)
			ok = pc[i].ip_len == 0 || EVP_MAC_update(ctx, pc[i].ip_p,
			    pc[i].ip_len);
	if (ok && EVP_MAC_final(ctx, out, &len, IKE_PRF_MAX) &&
	    len == ike_hash_len(h))
		return 0;
	return -1;
}

/*
 * What the contexts hold is the last key a prf took, an SA's SKEYID_a or
 * SKEYID_d as often as not; kept for the process it would outlive the SA
 * it belongs to.  Keying each context with the empty key replaces its
 * inner and outer states (and OpenSSL frees its copy of the key clearing
 * it); the next prf keys its context anew.  A context that took no key
 * since it was last forgotten holds none (two SAs freed one after the
 * other: the second costs nothing).
 */
void
ike_prf_forget(void)
{
	unsigned	h;

	for (h = 0; h <= IKE_HASH_SHA512; h++) {
		if (!keyed[h].pk_held)
			continue;
		keyed[h].pk_held = false;
		OPENSSL_cleanse(keyed[h].pk_key, sizeof(keyed[h].pk_key));
		keyed[h].pk_len = 0;
		keyed[h].pk_valid = false;
		if (tmpl[h] != NULL)
			(void)EVP_MAC_init(tmpl[h], (const uint8_t *)"", 0,
			    NULL);
	}
}

int
ike_hash(enum ike_hash h, const struct ike_piece *pc, size_t n, uint8_t *out)
{
	static EVP_MD_CTX	*ctx;
	const EVP_MD		*md = md_fetch(h);
	uint8_t			 buf[GATHER_MAX];
	size_t			 i, all;
	unsigned		 len;
	bool			 ok = true;

	/* One context for the process: DigestInit resets it, and IKE runs
	 * on the event loop's one thread. */
	if (md == NULL || (ctx == NULL && (ctx = EVP_MD_CTX_new()) == NULL))
		return -1;
	if (!EVP_DigestInit_ex2(ctx, md, NULL))
		return -1;
	if ((all = gather(pc, n, buf, sizeof(buf))) != SIZE_MAX) {
		ok = EVP_DigestUpdate(ctx, buf, all);
		explicit_bzero(buf, all);
	} else
		for (i = 0; ok && i < n; i++)
			ok = EVP_DigestUpdate(ctx, pc[i].ip_p, pc[i].ip_len);
	if (ok && EVP_DigestFinal_ex(ctx, out, &len) && len == ike_hash_len(h))
		return 0;
	return -1;
}
