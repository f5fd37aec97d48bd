/*
 * ike_msgsum: the fingerprint of a received IKE message that the
 * duplicate check keeps (ike_tx_note_rx): SipHash-2-4 under a key drawn
 * once per process from the random pool.
 *
 * The check only asks "is this the message I answered last?"; a digest
 * through EVP (SHA-1 until now) paid a context reset and a provider call
 * for every message, and kept 20 bytes per exchange.  A keyed 64-bit
 * hash answers it as well: a peer cannot make a new message collide with
 * its last one without the key, and two messages a peer sends collide
 * by chance once in 2^64.  A collision would only make a new message
 * look like a resend (it is dropped, our last answer goes again); the
 * peer's retransmission then collides again, so the exchange times out
 * as if the message were lost.
 */
#ifndef IOSH_CRYPTO_IKE_MSGSUM_H
#define IOSH_CRYPTO_IKE_MSGSUM_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4 of P (LEN bytes) under the 16-byte KEY. */
uint64_t	ike_siphash24(const uint8_t key[16], const void *p, size_t len);
/* The fingerprint of message P under the process's key. */
uint64_t	ike_msgsum(const void *p, size_t len);

#endif
