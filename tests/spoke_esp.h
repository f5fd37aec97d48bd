/*
 * spoke_esp: traffic through every tunnel of tests/spokes.c's hub.  The
 * spoke router forgets each tunnel once it is up; before it does, the
 * load generator keeps what ESP needs of it — the SPIs, keys and the
 * outbound sequence number, about 100 bytes where the spoke's SAs with
 * their cipher contexts take kilobytes — and afterwards sends, for every
 * tunnel, an ESP-protected echo request from the spoke's protected host
 * to the hub's loopback into the hub's Serial1/1, as the spoke would,
 * and decrypts the hub's ESP-protected answer: the hub's real input
 * (SPI lookup, decryption, inbound policy), forwarding, ICMP, and output
 * (SPD, dynamic flow, encapsulation) for each.  3des/sha, the lab's
 * transform.
 */
#ifndef IOSH_TESTS_SPOKE_ESP_H
#define IOSH_TESTS_SPOKE_ESP_H

#include <stdbool.h>
#include <stdint.h>

#include "tests/memlab.h"

#define SPOKE_ENC_KEY	24	/* esp-3des */
#define SPOKE_AUTH_KEY	20	/* esp-sha-hmac */

struct spoke_sa {
	uint32_t	sk_out_spi;	/* the hub's inbound SA */
	uint32_t	sk_in_spi;	/* the hub's outbound SA */
	uint32_t	sk_out_seq;	/* last sent by the spoke */
	uint8_t		sk_out_key[SPOKE_ENC_KEY + SPOKE_AUTH_KEY];
	uint8_t		sk_in_key[SPOKE_ENC_KEY + SPOKE_AUTH_KEY];
};

/* SK from the spoke router's newest tunnel (its router must run with
 * `service internal`, which keeps an SA's keys); false without one. */
bool	spoke_sa_take(struct memlab *, int spoke, struct spoke_sa *sk);

/* An echo through each of the N tunnels SK[0..N-1] (tunnel I: spoke
 * I's addresses, tests/spokes.c) into router HUB of ML; the number of
 * tunnels whose answer decrypted and was the echo reply, with the
 * data sent.  Each SK's outbound sequence number moves on. */
unsigned spoke_esp_echo(struct memlab *, int hub, struct spoke_sa *sk,
	    unsigned n);

#endif
