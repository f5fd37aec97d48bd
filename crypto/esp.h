/*
 * esp: RFC 4303 ESP in tunnel and transport mode for IPv4 — the transform of one
 * IPsec SA (one direction): esp-des, esp-3des, esp-aes 128/192/256 in CBC
 * with an explicit random IV (RFC 2405, 2451, 3602) and esp-md5-hmac /
 * esp-sha-hmac with a 96-bit ICV (RFC 2403, 2404), and the algorithms of
 * esp_alg.h (esp-null, esp-sha256/384/512-hmac, esp-gcm, esp-gmac); 32-bit sequence
 * numbers and an anti-replay window of 64 packets or, as configured, up
 * to 1024 or none (RFC 4303 §3.4.3 and Appendix A; the bitmap is a ring
 * indexed by sequence number modulo the window, as RFC 6479 §2 does).
 *
 * Each SA keeps its EVP cipher and MAC contexts, keyed once (CBC's and
 * the HMAC's on the SA's first packet, esp_alg.h): the packet path
 * allocates nothing after that.  ESP here starts at the SPI: the caller puts
 * the outer IPv4 header (protocol 50) or the UDP header of RFC 3948 in
 * front of esp_encap()'s output, and hands esp_decap() the bytes after it.
 */
#ifndef IOSH_CRYPTO_ESP_H
#define IOSH_CRYPTO_ESP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto_int.h"

#define ESP_HDR_LEN		8	/* SPI + sequence number */
#define ESP_ICV_LEN		12	/* HMAC-MD5-96, HMAC-SHA1-96 (others: esp_alg.h) */
#define ESP_REPLAY_WINDOW	64
#define ESP_NEXT_IPV4		4	/* next header of tunnel mode */
#define ESP_NEXT_IPV6		41	/* the same, an IPv6 datagram */
#define ESP_NEXT_NONE		59	/* RFC 4303 §2.6's dummy packet */

/* What IKE negotiated for one SA; keys are KEYMAT, cipher key first. */
struct esp_params {
	uint32_t	 ep_spi;		/* host order */
	enum ts_enc	 ep_enc;		/* DES, 3DES, AES, NULL, GCM, GMAC */
	unsigned	 ep_keybits;		/* AES, GCM, GMAC: 128, 192, 256 */
	enum ts_auth	 ep_auth;		/* MD5, SHA, SHA-256/384/512 */
	const uint8_t	*ep_enc_key;		/* esp_enc_keylen() bytes */
	const uint8_t	*ep_auth_key;		/* esp_auth_keylen() bytes */
	/* Anti-replay window: 0 IOS's default (ESP_REPLAY_WINDOW), a
	 * power of two up to ESP_REPLAY_MAX, or ESP_REPLAY_OFF (`crypto
	 * ipsec security-association replay window-size N|disable`). */
	int		 ep_replay;
};

#define ESP_REPLAY_MAX		1024
#define ESP_REPLAY_OFF		(-1)

/* Per-SA counters, the source of show crypto ipsec sa's #pkts lines. */
struct esp_stats {
	uint64_t	es_encaps, es_encrypt, es_digest;	/* sent */
	uint64_t	es_decaps, es_decrypt, es_verify;	/* received */
	uint64_t	es_bytes_out, es_bytes_in;	/* inner packets */
	uint64_t	es_send_errors;	/* too long, sequence exhausted */
	uint64_t	es_recv_errors;	/* the sum of the ones below */
	uint64_t	es_replay;	/* duplicate, too old, sequence 0 */
	uint64_t	es_auth_fail;	/* ICV mismatch */
	uint64_t	es_bad_pad;	/* padding or its length wrong */
	uint64_t	es_bad_len;	/* truncated, not whole blocks */
	uint64_t	es_bad_proto;	/* next header not IPv4 */
};

enum esp_result {
	ESP_OK,
	ESP_ERR_LEN,		/* too short, too long, not whole blocks */
	ESP_ERR_SPI,		/* not this SA's SPI */
	ESP_ERR_REPLAY,
	ESP_ERR_AUTH,
	ESP_ERR_PAD,
	ESP_ERR_PROTO,
	ESP_ERR_SEQ,		/* outbound sequence number exhausted */
	ESP_ERR_CRYPTO		/* OpenSSL failed */
};

struct esp_sa;

/* A packet refused on receipt: counted in ES's receive errors and in
 * COUNTER (one of ES's), R returned.  AH (ah.c) counts the same way. */
enum esp_result	esp_stats_fail(struct esp_stats *, enum esp_result,
		    uint64_t *counter);

/* Key lengths of a transform (0: not supported here). */
size_t	esp_enc_keylen(enum ts_enc, unsigned keybits);
size_t	esp_auth_keylen(enum ts_auth);

/* A new SA, or NULL (unsupported transform, DES without OpenSSL's
 * legacy provider: ike_cipher_error() says which). */
struct esp_sa	*esp_sa_new(const struct esp_params *);
void		 esp_sa_free(struct esp_sa *);
uint32_t	 esp_sa_spi(const struct esp_sa *);
const struct esp_stats *esp_sa_stats(const struct esp_sa *);
/* The next outbound sequence number; the replay window's right edge. */
uint32_t	 esp_sa_seq(const struct esp_sa *);
/* The anti-replay window in packets; 0 when checking is off (disabled,
 * or no ICV to check it with). */
unsigned	 esp_sa_replay_window(const struct esp_sa *);
/* The IV length (show crypto ipsec sa's "iv size"). */
size_t		 esp_sa_iv_len(const struct esp_sa *);
/* The ICV length: 12 (HMAC-96), 16/24/32 (RFC 4868), 16 (GCM, GMAC),
 * 0 (esp-null alone). */
size_t		 esp_sa_icv_len(const struct esp_sa *);

/* Use IV (esp_sa_iv_len() bytes) for the next packet instead of a random
 * one: for known-answer tests only. */
void		 esp_sa_set_next_iv(struct esp_sa *, const uint8_t *iv);
/* Continue after sequence number LAST_SENT: an SA rebuilt from its keys
 * elsewhere (tests/spoke_esp.c's spokes) goes on where the peer's
 * anti-replay window stands. */
void		 esp_sa_set_seq(struct esp_sa *, uint32_t last_sent);

/* Bytes esp_encap() writes for an inner packet of LEN bytes. */
size_t	esp_encap_len(const struct esp_sa *, size_t len);
/*
 * Encapsulate the inner IPv4 packet INNER: SPI, next sequence number,
 * random IV, the encrypted packet with RFC 4303 padding (1, 2, 3, ...),
 * pad length and next header 4, then the ICV.  OUT has OUT_SIZE bytes
 * (at least esp_encap_len()); *OUT_LEN gets the length written.  INNER
 * may already sit at OUT + ESP_HDR_LEN + esp_sa_iv_len() (headroom left
 * by the caller), which saves its copy.
 */
enum esp_result	esp_encap(struct esp_sa *, const uint8_t *inner, size_t len,
		    uint8_t *out, size_t out_size, size_t *out_len);
/* The same with the next header NEXT: the protocol of what INNER carries
 * in transport mode (RFC 4303 §3.1.1: the payload after the IP header,
 * e.g. 47 for GRE), 4 in tunnel mode. */
enum esp_result	esp_encap_nh(struct esp_sa *, const uint8_t *inner, size_t len,
		    uint8_t next, uint8_t *out, size_t out_size,
		    size_t *out_len);
/*
 * Decapsulate PKT (LEN bytes from the SPI on), in place.  In the order of
 * RFC 4303 §3.4.3: the sequence number against the window (nothing is
 * computed for a replay), the ICV, then the window moves, then the
 * decryption, padding and next-header checks.  On ESP_OK *INNER points to
 * the inner packet inside PKT.  Every failure is counted and the packet
 * is to be dropped.
 */
enum esp_result	esp_decap(struct esp_sa *, uint8_t *pkt, size_t len,
		    const uint8_t **inner, size_t *inner_len);
/* The same for any next header (WANT < 0) or WANT only; *NEXT gets it.
 * The caller tells tunnel mode (4) from transport by it. */
enum esp_result	esp_decap_nh(struct esp_sa *, uint8_t *pkt, size_t len,
		    int want, const uint8_t **inner, size_t *inner_len,
		    uint8_t *next);
/* esp_decap_nh with the body decrypted into OUT (its length and the
 * ICV's room), which does not overlap PKT, and PKT left as it was: the
 * dataplane's received ESP goes straight where the inner packet is
 * forwarded from, not moved there first.  *INNER points into OUT. */
enum esp_result	esp_decap_to(struct esp_sa *, uint8_t *pkt, size_t len,
		    int want, uint8_t *out, const uint8_t **inner,
		    size_t *inner_len, uint8_t *next);

#endif
