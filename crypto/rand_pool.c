/*
 * rand_pool: RAND_bytes 4 KB at a time, handed out in pieces (rand_pool.h).
 *
 * Each RAND_bytes call costs a getpid() (OpenSSL's fork check), its
 * locks and a DRBG round: called per IKE cookie or nonce it was a few
 * percent of a setup, and refilling a 512-byte pool per ESP SA every 32
 * packets was 11% of a 64-byte packet's encapsulation.  One pool for the
 * process amortises the call over 256 AES IVs and costs no memory per SA
 * (each SA kept 512 bytes for its IVs: 1 KB per tunnel at 50,000 tunnels).
 * The DRBG's output is unpredictable however it is split; bytes handed
 * out are wiped from the pool; a forked child starts with an empty pool,
 * so it never repeats its parent's.  The event loop's one thread uses it.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "crypto/rand_pool.h"

static uint8_t	pool[4096];
static size_t	left;

static void
pool_forget(void)
{
	OPENSSL_cleanse(pool, sizeof(pool));
	left = 0;
}

void
rand_pool_bytes(void *buf, size_t len)
{
	static bool	 atfork;
	uint8_t		*out = buf;
	size_t		 n;

	if (!atfork) {
		(void)pthread_atfork(NULL, NULL, pool_forget);
		atfork = true;
	}
	while (len > 0) {
		if (left == 0) {
			if (RAND_bytes(pool, sizeof(pool)) != 1)
				abort();
			left = sizeof(pool);
		}
		n = len < left ? len : left;
		memcpy(out, pool + sizeof(pool) - left, n);
		OPENSSL_cleanse(pool + sizeof(pool) - left, n);
		left -= n;
		out += n;
		len -= n;
	}
}
