/*
 * isakmp_rebuild: a decoded message written back from its parsed form —
 * every payload parsed with its isakmp_pld/isakmp_sa function and built
 * again with the matching builder.  It is the codec's proof: the tests
 * compare it byte for byte with real peers' messages, the fuzzer checks
 * that it is stable, and both go through the builders the engine sends
 * with.
 */
#ifndef IOSH_CRYPTO_ISAKMP_REBUILD_H
#define IOSH_CRYPTO_ISAKMP_REBUILD_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_msg.h"

/* The header of M and its payloads (cleartext, or a decrypted body
 * without its padding) into BUF; the length in *LEN. */
enum isakmp_err	isakmp_rebuild(const struct isakmp_msg *m, uint8_t *buf,
		    size_t cap, size_t *len);

#endif
