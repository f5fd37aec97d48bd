/*
 * ah: RFC 4302 AH on IPv4 with HMAC ICVs (ah.h).
 *
 * The ICV is computed in pieces — the IP header copied with its mutable
 * fields zeroed, AH's first 12 bytes, zeros in place of the ICV, then
 * the rest of the datagram as it lies — so the packet is never copied.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "crypto/ah.h"
#include "crypto/esp_alg.h"
#include "crypto/replay_win.h"
#include "lib/bytes.h"
#include "lib/xalloc.h"

#define IP_HDR		20
#define IP_HDR_MAX	60

struct ah_sa {
	uint32_t	 ah_spi;
	EVP_MAC_CTX	*ah_mac;
	size_t		 ah_icv_len;
	uint32_t	 ah_seq;	/* last sent */
	struct replay_win ah_win;
	struct esp_stats ah_stats;
};

enum ts_auth
ah_auth(enum ts_ah a)
{
	switch (a) {
	case TS_AH_MD5:		return TS_AUTH_MD5;
	case TS_AH_SHA:		return TS_AUTH_SHA;
	case TS_AH_SHA256:	return TS_AUTH_SHA256;
	case TS_AH_SHA384:	return TS_AUTH_SHA384;
	case TS_AH_SHA512:	return TS_AUTH_SHA512;
	default:		return TS_AUTH_NONE;
	}
}

size_t
ah_keylen(enum ts_ah a)
{
	return esp_auth_keylen(ah_auth(a));
}

struct ah_sa *
ah_sa_new(const struct ah_params *p)
{
	struct ah_sa	*ah;

	if (ah_auth(p->ap_alg) == TS_AUTH_NONE)
		return NULL;
	ah = xcalloc(1, sizeof(*ah));
	ah->ah_spi = p->ap_spi;
	if (replay_win_init(&ah->ah_win, p->ap_replay) < 0 ||
	    (ah->ah_mac = esp_alg_hmac_new(ah_auth(p->ap_alg), p->ap_key,
	    &ah->ah_icv_len)) == NULL) {
		ah_sa_free(ah);
		return NULL;
	}
	return ah;
}

void
ah_sa_free(struct ah_sa *ah)
{
	if (ah == NULL)
		return;
	EVP_MAC_CTX_free(ah->ah_mac);
	OPENSSL_cleanse(ah, sizeof(*ah));
	free(ah);
}

size_t
ah_sa_icv_len(const struct ah_sa *ah)
{
	return ah->ah_icv_len;
}

unsigned
ah_sa_replay_window(const struct ah_sa *ah)
{
	return ah->ah_win.rw_size;
}

size_t
ah_sa_len(const struct ah_sa *ah)
{
	/* RFC 4302 §2.6: IPv4 needs a multiple of 32 bits; every ICV here
	 * (12, 16, 24, 32 bytes) gives one without padding. */
	return (AH_HDR_LEN + ah->ah_icv_len + 3) & ~(size_t)3;
}

const struct esp_stats *
ah_sa_stats(const struct ah_sa *ah)
{
	return &ah->ah_stats;
}

/*
 * RFC 4302 Appendix A.1: the IPv4 options that are immutable (End of
 * List, No Operation, Security, Extended Security, Commercial Security,
 * Router Alert, Sender Directed Multi-Destination Delivery); every other
 * one may change in transit and is zeroed whole.
 */
static bool
opt_immutable(uint8_t t)
{
	return t == 0 || t == 1 || t == 130 || t == 133 || t == 134 ||
	    t == 148 || t == 149;
}

/* The IP header of IP (HL bytes) as AH's ICV sees it, into H; -1 if
 * its options do not parse. */
static int
zeroed_header(const uint8_t *ip, size_t hl, uint8_t *h)
{
	size_t	i, ol;

	memcpy(h, ip, hl);
	h[1] = 0;		/* TOS (DSCP, ECN) */
	put16(h + 6, 0);	/* flags, fragment offset */
	h[8] = 0;		/* TTL */
	put16(h + 10, 0);	/* header checksum */
	for (i = IP_HDR; i < hl; i += ol) {
		if (h[i] == 0)	/* end of list: the rest is padding */
			break;
		if (h[i] == 1) {
			ol = 1;
			continue;
		}
		if (i + 1 >= hl || (ol = h[i + 1]) < 2 || i + ol > hl)
			return -1;
		if (!opt_immutable(h[i]))
			memset(h + i, 0, ol);
	}
	return 0;
}

/* The ICV of IP (LEN bytes, AH at HL) into OUT (ah_icv_len bytes). */
static int
icv(struct ah_sa *ah, const uint8_t *ip, size_t hl, size_t len,
    uint8_t *out)
{
	static const uint8_t	 zero[ESP_ALG_MAX_ICV];
	uint8_t			 h[IP_HDR_MAX], md[EVP_MAX_MD_SIZE];
	size_t			 alen = ah_sa_len(ah), n;

	if (zeroed_header(ip, hl, h) < 0 ||
	    !EVP_MAC_init(ah->ah_mac, NULL, 0, NULL) ||
	    !EVP_MAC_update(ah->ah_mac, h, hl) ||
	    !EVP_MAC_update(ah->ah_mac, ip + hl, AH_HDR_LEN) ||
	    !EVP_MAC_update(ah->ah_mac, zero, alen - AH_HDR_LEN) ||
	    !EVP_MAC_update(ah->ah_mac, ip + hl + alen, len - hl - alen) ||
	    !EVP_MAC_final(ah->ah_mac, md, &n, sizeof(md)))
		return -1;
	memcpy(out, md, ah->ah_icv_len);
	return 0;
}

enum esp_result
ah_out(struct ah_sa *ah, uint8_t *ip, size_t len, uint8_t next)
{
	size_t	 hl = (size_t)(ip[0] & 15) * 4, alen = ah_sa_len(ah);
	uint8_t	*a = ip + hl;

	if (hl < IP_HDR || len < hl + alen || len > 65535) {
		ah->ah_stats.es_send_errors++;
		return ESP_ERR_LEN;
	}
	/* No wrap: the SA must be rekeyed first (RFC 4302 §2.5). */
	if (ah->ah_seq == UINT32_MAX) {
		ah->ah_stats.es_send_errors++;
		return ESP_ERR_SEQ;
	}
	a[0] = next;
	a[1] = (uint8_t)(alen / 4 - 2);	/* RFC 4302 §2.2 */
	put16(a + 2, 0);
	put32(a + 4, ah->ah_spi);
	put32(a + 8, ah->ah_seq + 1);
	memset(a + AH_HDR_LEN, 0, alen - AH_HDR_LEN);
	if (icv(ah, ip, hl, len, a + AH_HDR_LEN) < 0) {
		ah->ah_stats.es_send_errors++;
		return ESP_ERR_CRYPTO;
	}
	ah->ah_seq++;
	ah->ah_stats.es_encaps++;
	ah->ah_stats.es_digest++;
	ah->ah_stats.es_bytes_out += len - hl - alen;
	return ESP_OK;
}

enum esp_result
ah_in(struct ah_sa *ah, const uint8_t *ip, size_t len, uint8_t *next,
    size_t *off)
{
	size_t		 hl = (size_t)(ip[0] & 15) * 4, alen = ah_sa_len(ah);
	const uint8_t	*a = ip + hl;
	uint8_t		 mac[ESP_ALG_MAX_ICV];
	uint32_t	 seq;

	/* The payload length must be the one this SA's ICV gives. */
	if (hl < IP_HDR || len < hl + alen || a[1] != alen / 4 - 2)
		return esp_stats_fail(&ah->ah_stats, ESP_ERR_LEN,
		    &ah->ah_stats.es_bad_len);
	if (get32(a + 4) != ah->ah_spi) {
		ah->ah_stats.es_recv_errors++;
		return ESP_ERR_SPI;
	}
	seq = get32(a + 8);
	if (ah->ah_win.rw_size != 0 && !replay_win_ok(&ah->ah_win, seq))
		return esp_stats_fail(&ah->ah_stats, ESP_ERR_REPLAY,
		    &ah->ah_stats.es_replay);
	if (icv(ah, ip, hl, len, mac) < 0) {
		ah->ah_stats.es_recv_errors++;
		return ESP_ERR_CRYPTO;
	}
	if (CRYPTO_memcmp(mac, a + AH_HDR_LEN, ah->ah_icv_len) != 0)
		return esp_stats_fail(&ah->ah_stats, ESP_ERR_AUTH,
		    &ah->ah_stats.es_auth_fail);
	if (ah->ah_win.rw_size != 0)
		replay_win_update(&ah->ah_win, seq);
	ah->ah_stats.es_decaps++;
	ah->ah_stats.es_verify++;
	ah->ah_stats.es_bytes_in += len - hl - alen;
	*next = a[0];
	*off = hl + alen;
	return ESP_OK;
}
