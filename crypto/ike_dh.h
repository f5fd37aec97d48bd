/*
 * ike_dh: the Diffie-Hellman groups of IKEv1 (RFC 2409, 3526, 5114, 5903)
 * on OpenSSL 3 EVP: key pairs whose public value is the KE payload's
 * exact wire encoding, and the shared secret g^xy from a peer's value.
 *
 * Groups: MODP 1, 2, 5, 14, 15, 16 (safe primes, g = 2), MODP 24 (RFC 5114
 * 2048-bit prime with a 256-bit prime-order subgroup) and ECP 19, 20, 21
 * (P-256/384/521).  MODP public values and secrets are zero-padded to the
 * prime's length (RFC 2409 §5); an ECP public value is x || y without the
 * 0x04 prefix and its secret is x alone (RFC 5903 §7, §9).
 */
#ifndef IOSH_CRYPTO_IKE_DH_H
#define IOSH_CRYPTO_IKE_DH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest public value (group 16: 512 bytes) and secret. */
#define IKE_DH_MAX_LEN	512

struct ike_dh;

/* Whether GROUP is one of the groups above. */
bool	ike_dh_supported(unsigned group);
/* The KE payload length of GROUP (also the length of its secret for
 * MODP; half of it for ECP); 0 if unsupported. */
size_t	ike_dh_pub_len(unsigned group);
size_t	ike_dh_secret_len(unsigned group);

/* A fresh key pair of GROUP, never handed out before (some made ahead,
 * ike_dh.c); NULL if the group is unsupported or OpenSSL failed. */
struct ike_dh *ike_dh_new(unsigned group);
/* A key pair from a given private value (big-endian; for MODP any length
 * up to the prime's, for ECP the scalar): known-answer tests and
 * reproducible runs.  NULL if the value is out of range. */
struct ike_dh *ike_dh_new_priv(unsigned group, const uint8_t *priv,
	    size_t len);
void	ike_dh_free(struct ike_dh *);
/* How many key pairs of GROUP are made ahead and not yet handed out by
 * ike_dh_new (group 19 makes a few in a row, see ike_dh.c). */
unsigned	ike_dh_pooled(unsigned group);
/* How many times GROUP's pool has been freed (too old, another
 * process's, the maker stopped): a test's view of what the maker, which
 * refills it at once, hides from ike_dh_pooled. */
unsigned	ike_dh_pool_drains(unsigned group);
/* Idle work for the event loop (evloop_idle_work; ARG unused): is there
 * a group asked for before whose next pair is not made yet; make it.
 * With the maker, only a pool too old to use is freed and asked anew. */
bool	ike_dh_idle_want(void *arg);
void	ike_dh_idle(void *arg);
/* Key pairs may be made ahead on a thread of their own, the maker
 * (ike_dh.c), started by the first ike_dh_new after ON on a machine with
 * more than one CPU; !ON: ike_dh_new makes them on the calling thread
 * again (a CPU-time benchmark's one core), and the pairs the maker made
 * are freed. */
void	ike_dh_maker_enable(bool on);

unsigned	 ike_dh_group(const struct ike_dh *);
/* Our public value in KE encoding; *LEN gets ike_dh_pub_len(). */
const uint8_t	*ike_dh_public(const struct ike_dh *, size_t *len);

/*
 * The shared secret with the peer's KE value PEER.  The value is checked
 * first: the exact length, 1 < y < p-1 for the safe-prime groups, also
 * y^q = 1 for group 24 (its p-1 has small factors: RFC 6989), and for
 * ECP that the point is on the curve.  OUT gets ike_dh_secret_len()
 * bytes.  Returns 0, or -1 if the value is invalid or OpenSSL failed.
 */
int	ike_dh_derive(const struct ike_dh *, const uint8_t *peer,
	    size_t peer_len, uint8_t *out, size_t out_len);

#endif
