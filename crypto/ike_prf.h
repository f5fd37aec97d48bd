/*
 * ike_prf: the hash and prf of IKEv1 (RFC 2409 §5): the negotiated hash
 * (md5, sha1, sha2-256/384/512) plain, and as HMAC, which is the prf when
 * no separate prf is negotiated (IOS never negotiates one).  OpenSSL 3
 * EVP_MAC / EVP_Digest, over several pieces at once so callers need not
 * concatenate.
 */
#ifndef IOSH_CRYPTO_IKE_PRF_H
#define IOSH_CRYPTO_IKE_PRF_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto_int.h"

/* The longest output (sha512). */
#define IKE_PRF_MAX	64

/* One piece of a prf or hash input. */
struct ike_piece {
	const void	*ip_p;
	size_t		 ip_len;
};

/* Output length of HASH in bytes. */
size_t	ike_hash_len(enum ike_hash);

/* OUT = prf(KEY, pieces) = HMAC-HASH; ike_hash_len() bytes.  0 or -1. */
int	ike_prf(enum ike_hash, const uint8_t *key, size_t key_len,
	    const struct ike_piece *, size_t npieces, uint8_t *out);
/* Wipes the key ike_prf keeps its contexts keyed with between calls
 * (an ISAKMP SA's keys must not outlive it: ike_p1_free asks). */
void	ike_prf_forget(void);
/* OUT = HASH(pieces), the plain hash (the phase-1 and phase-2 IVs). */
int	ike_hash(enum ike_hash, const struct ike_piece *, size_t npieces,
	    uint8_t *out);

#endif
