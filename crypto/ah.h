/*
 * ah: RFC 4302 AH for IPv4 — the integrity transform of one IPsec SA
 * (one direction): ah-md5-hmac and ah-sha-hmac with a 96-bit ICV (RFC
 * 2403, 2404), ah-sha256/384/512-hmac with RFC 4868's 128/192/256-bit
 * ICVs; 32-bit sequence numbers and the anti-replay window of
 * replay_win.h, as ESP's.
 *
 * AH sits right after an IPv4 header: in tunnel mode after the new outer
 * one (next header 4), in transport mode after the packet's own (next
 * header its protocol), and in an AH+ESP bundle in front of ESP (next
 * header 50).  The ICV covers the IP header with its mutable fields
 * zeroed (RFC 4302 §3.3.3.1.1: TOS, flags and fragment offset, TTL,
 * checksum, and the options RFC 4302 Appendix A.1 calls mutable), the AH
 * header with the ICV zeroed, and everything after it.  The HMAC context
 * is keyed once; the packet path allocates nothing.
 */
#ifndef IOSH_CRYPTO_AH_H
#define IOSH_CRYPTO_AH_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto_int.h"
#include "crypto/esp.h"

#define AH_HDR_LEN	12	/* next, length, reserved, SPI, sequence */
#define IPPROTO_AH_NUM	51

struct ah_params {
	uint32_t	 ap_spi;	/* host order */
	enum ts_ah	 ap_alg;
	const uint8_t	*ap_key;	/* ah_keylen() bytes */
	int		 ap_replay;	/* as esp_params' ep_replay */
};

struct ah_sa;

/* The key length of an AH transform (0: none). */
size_t		 ah_keylen(enum ts_ah);
/* The ESP authentication algorithm with the same HMAC. */
enum ts_auth	 ah_auth(enum ts_ah);

struct ah_sa	*ah_sa_new(const struct ah_params *);
void		 ah_sa_free(struct ah_sa *);
size_t		 ah_sa_icv_len(const struct ah_sa *);
unsigned	 ah_sa_replay_window(const struct ah_sa *);
/* The AH header's length on IPv4, ICV included (a multiple of 4). */
size_t		 ah_sa_len(const struct ah_sa *);
/* Counters: encaps/digest, decaps/verify and the receive errors, in
 * ESP's structure (the encryption counters stay 0). */
const struct esp_stats *ah_sa_stats(const struct ah_sa *);

/*
 * Protect the IPv4 datagram IP (LEN bytes, its header final: protocol
 * 51, total length LEN) whose AH header (ah_sa_len() bytes) follows the
 * IP header and is to be written here, with next header NEXT.
 */
enum esp_result	ah_out(struct ah_sa *, uint8_t *ip, size_t len, uint8_t next);
/*
 * Check the IPv4 datagram IP (LEN bytes, protocol 51) whose AH has this
 * SA's SPI: length, sequence number against the window, ICV, then the
 * window moves (RFC 4302 §3.4).  On ESP_OK *NEXT is AH's next header and
 * *OFF where what AH protects begins.  Failures are counted.
 */
enum esp_result	ah_in(struct ah_sa *, const uint8_t *ip, size_t len,
		    uint8_t *next, size_t *off);

#endif
