/*
 * ike_msgsum: a keyed fingerprint of received IKE messages (ike_msgsum.h).
 * SipHash-2-4 as its paper defines it (Aumasson and Bernstein, 2012):
 * 64-bit little-endian words, two rounds per word, four to finish.
 */
#include <stdbool.h>
#include <string.h>

#include "crypto/ike_msgsum.h"
#include "crypto/rand_pool.h"

#define ROTL(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))

static inline void
sipround(uint64_t v[4])
{
	v[0] += v[1]; v[1] = ROTL(v[1], 13); v[1] ^= v[0];
	v[0] = ROTL(v[0], 32);
	v[2] += v[3]; v[3] = ROTL(v[3], 16); v[3] ^= v[2];
	v[0] += v[3]; v[3] = ROTL(v[3], 21); v[3] ^= v[0];
	v[2] += v[1]; v[1] = ROTL(v[1], 17); v[1] ^= v[2];
	v[2] = ROTL(v[2], 32);
}

/* The N (< 8) bytes at P as a little-endian word. */
static inline uint64_t
le_tail(const uint8_t *p, size_t n)
{
	uint64_t	w = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		w |= (uint64_t)p[i] << (8 * i);
	return w;
}

/* The 8 bytes at P as a little-endian word, spelt out so that the
 * compiler makes it one load (a loop over a count stays a byte loop). */
static inline uint64_t
le64(const uint8_t *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

static inline void
absorb(uint64_t v[4], uint64_t m)
{
	v[3] ^= m;
	sipround(v);
	sipround(v);
	v[0] ^= m;
}

uint64_t
ike_siphash24(const uint8_t key[16], const void *p, size_t len)
{
	const uint8_t	*b = p;
	uint64_t	 k0 = le64(key), k1 = le64(key + 8), v[4];
	size_t		 i, full = len & ~(size_t)7;

	v[0] = k0 ^ 0x736f6d6570736575ULL;
	v[1] = k1 ^ 0x646f72616e646f6dULL;
	v[2] = k0 ^ 0x6c7967656e657261ULL;
	v[3] = k1 ^ 0x7465646279746573ULL;
	for (i = 0; i < full; i += 8)
		absorb(v, le64(b + i));
	/* The last word: the bytes left, the length's low byte on top. */
	absorb(v, le_tail(b + full, len - full) |
	    (uint64_t)(len & 0xff) << 56);
	v[2] ^= 0xff;
	for (i = 0; i < 4; i++)
		sipround(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

uint64_t
ike_msgsum(const void *p, size_t len)
{
	static uint8_t	key[16];
	static bool	keyed;

	if (!keyed) {
		rand_pool_bytes(key, sizeof(key));
		keyed = true;
	}
	return ike_siphash24(key, p, len);
}
