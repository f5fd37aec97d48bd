/*
 * rand_pool: the process's pool of random bytes for IKE (cookies, nonces,
 * SPIs, M-IDs) and ESP (CBC IVs).
 */
#ifndef CRYPTO_RAND_POOL_H
#define CRYPTO_RAND_POOL_H

#include <stddef.h>

/* LEN unpredictable bytes into BUF; aborts if OpenSSL's DRBG fails. */
void	rand_pool_bytes(void *buf, size_t len);

#endif
