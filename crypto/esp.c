/*
 * esp: RFC 4303 ESP tunnel mode, CBC ciphers and HMAC-96 (esp.h).
 *
 * Per packet: an IV from the process's pool of random bytes (rand_pool.c,
 * refilled from RAND_bytes 4 KB at a time: unpredictable IVs, RFC 3602
 * §2.4, without a DRBG call per packet), the cipher context re-armed with
 * that IV only, and the HMAC context re-initialised with the key it
 * already holds.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/esp.h"
#include "crypto/esp_alg.h"
#include "crypto/replay_win.h"
#include "crypto/ike_cipher.h"
#include "crypto/rand_pool.h"
#include "crypto/seal.h"
#include "lib/bytes.h"
#include "lib/xalloc.h"

struct esp_sa {
	uint32_t	 sa_spi;
	struct esp_alg	 sa_alg;	/* keyed cipher and MAC contexts */
	uint32_t	 sa_seq;	/* last sent */
	struct replay_win sa_win;	/* inbound */
	bool		 sa_fixed_iv;	/* sa_iv set for the next packet */
	uint8_t		 sa_iv[16];
	struct esp_stats sa_stats;
};

static bool
enc_map(enum ts_enc t, enum ike_enc *e)
{
	switch (t) {
	case TS_ENC_DES:	*e = IKE_ENC_DES; return true;
	case TS_ENC_3DES:	*e = IKE_ENC_3DES; return true;
	case TS_ENC_AES:	*e = IKE_ENC_AES; return true;
	default:		return false;
	}
}

size_t
esp_enc_keylen(enum ts_enc t, unsigned keybits)
{
	enum ike_enc	e;

	/* RFC 4106 §8.1, RFC 4543 §7: the AES key, then a 4-byte salt. */
	if (t == TS_ENC_GCM || t == TS_ENC_GMAC)
		return keybits == 128 || keybits == 192 || keybits == 256 ?
		    keybits / 8 + 4 : 0;
	/* Document 50880: SEAL's key is 160 bits. */
	if (t == TS_ENC_SEAL)
		return SEAL_KEY_LEN;
	return enc_map(t, &e) ? ike_cipher_keylen(e, keybits) : 0;
}

size_t
esp_auth_keylen(enum ts_auth a)
{
	switch (a) {
	case TS_AUTH_MD5:	return 16;
	case TS_AUTH_SHA:	return 20;
	/* RFC 4868 §2.1.1: the key is as long as the hash. */
	case TS_AUTH_SHA256:	return 32;
	case TS_AUTH_SHA384:	return 48;
	case TS_AUTH_SHA512:	return 64;
	default:		return 0;
	}
}

struct esp_sa *
esp_sa_new(const struct esp_params *p)
{
	struct esp_sa		*sa;

	sa = xcalloc(1, sizeof(*sa));
	sa->sa_spi = p->ep_spi;
	if (replay_win_init(&sa->sa_win, p->ep_replay) < 0 ||
	    esp_alg_init(&sa->sa_alg, p) < 0) {
		esp_sa_free(sa);
		return NULL;
	}
	return sa;
}

void
esp_sa_free(struct esp_sa *sa)
{
	if (sa == NULL)
		return;
	esp_alg_free(&sa->sa_alg);
	OPENSSL_cleanse(sa, sizeof(*sa));
	free(sa);
}

uint32_t
esp_sa_spi(const struct esp_sa *sa)
{
	return sa->sa_spi;
}

const struct esp_stats *
esp_sa_stats(const struct esp_sa *sa)
{
	return &sa->sa_stats;
}

uint32_t
esp_sa_seq(const struct esp_sa *sa)
{
	return sa->sa_seq;
}

unsigned
esp_sa_replay_window(const struct esp_sa *sa)
{
	/* RFC 4303 §3.4.3: anti-replay needs integrity (esp-null alone
	 * has none, and IOS shows "replay detection support: N"). */
	return sa->sa_alg.al_icv_len != 0 ? sa->sa_win.rw_size : 0;
}

size_t
esp_sa_iv_len(const struct esp_sa *sa)
{
	return sa->sa_alg.al_iv_len;
}

size_t
esp_sa_icv_len(const struct esp_sa *sa)
{
	return sa->sa_alg.al_icv_len;
}

/* Cipher text: the packet, padding, pad length and next header, in
 * whole blocks (RFC 4303 §2.4; the blocks are at least 4 bytes). */
static size_t
body_len(const struct esp_sa *sa, size_t len)
{
	size_t	a = sa->sa_alg.al_align;

	return (len + 2 + a - 1) / a * a;
}

size_t
esp_encap_len(const struct esp_sa *sa, size_t len)
{
	return ESP_HDR_LEN + sa->sa_alg.al_iv_len + body_len(sa, len) +
	    sa->sa_alg.al_icv_len;
}

void
esp_sa_set_next_iv(struct esp_sa *sa, const uint8_t *iv)
{
	memcpy(sa->sa_iv, iv, sa->sa_alg.al_iv_len);
	sa->sa_fixed_iv = true;
}

void
esp_sa_set_seq(struct esp_sa *sa, uint32_t last_sent)
{
	sa->sa_seq = last_sent;
}

static int
next_iv(struct esp_sa *sa, uint8_t *iv)
{
	size_t	ivlen = sa->sa_alg.al_iv_len;

	if (sa->sa_fixed_iv) {
		memcpy(iv, sa->sa_iv, ivlen);
		sa->sa_fixed_iv = false;
		return 0;
	}
	/* GCM/GMAC: the 64-bit sequence number, unique per SA key. */
	if (esp_alg_counter_iv(&sa->sa_alg)) {
		put32(iv, 0);
		put32(iv + 4, sa->sa_seq + 1);
		return 0;
	}
	if (ivlen == 0)
		return 0;
	rand_pool_bytes(iv, ivlen);
	return 0;
}

enum esp_result
esp_encap(struct esp_sa *sa, const uint8_t *inner, size_t len, uint8_t *out,
    size_t out_size, size_t *out_len)
{
	return esp_encap_nh(sa, inner, len, ESP_NEXT_IPV4, out, out_size,
	    out_len);
}

enum esp_result
esp_encap_nh(struct esp_sa *sa, const uint8_t *inner, size_t len,
    uint8_t next, uint8_t *out, size_t out_size, size_t *out_len)
{
	size_t		 blen = body_len(sa, len), total, i, pad;
	uint8_t		*iv = out + ESP_HDR_LEN;
	uint8_t		*body = iv + sa->sa_alg.al_iv_len;

	total = esp_encap_len(sa, len);
	if (len > 65535 || total > out_size) {
		sa->sa_stats.es_send_errors++;
		return ESP_ERR_LEN;
	}
	/* No wrap: the SA must be rekeyed first (RFC 4303 §3.3.3). */
	if (sa->sa_seq == UINT32_MAX) {
		sa->sa_stats.es_send_errors++;
		return ESP_ERR_SEQ;
	}
	put32(out, sa->sa_spi);
	put32(out + 4, sa->sa_seq + 1);
	if (next_iv(sa, iv) < 0)
		goto crypto;
	if (body != inner)	/* the caller may have left the headroom */
		memmove(body, inner, len);
	pad = blen - len - 2;
	for (i = 0; i < pad; i++)
		body[len + i] = (uint8_t)(i + 1);
	body[blen - 2] = (uint8_t)pad;
	body[blen - 1] = next;
	if (esp_alg_seal(&sa->sa_alg, out, blen) < 0)
		goto crypto;
	sa->sa_seq++;
	sa->sa_stats.es_encaps++;
	sa->sa_stats.es_encrypt++;
	if (sa->sa_alg.al_icv_len != 0)	/* esp-null alone: no digest */
		sa->sa_stats.es_digest++;
	sa->sa_stats.es_bytes_out += len;
	*out_len = total;
	return ESP_OK;
crypto:
	sa->sa_stats.es_send_errors++;
	return ESP_ERR_CRYPTO;
}

enum esp_result
esp_stats_fail(struct esp_stats *st, enum esp_result r, uint64_t *counter)
{
	st->es_recv_errors++;
	(*counter)++;
	return r;
}

static enum esp_result
recv_fail(struct esp_sa *sa, enum esp_result r, uint64_t *counter)
{
	return esp_stats_fail(&sa->sa_stats, r, counter);
}

enum esp_result
esp_decap(struct esp_sa *sa, uint8_t *pkt, size_t len, const uint8_t **inner,
    size_t *inner_len)
{
	uint8_t	next;

	return esp_decap_nh(sa, pkt, len, ESP_NEXT_IPV4, inner, inner_len,
	    &next);
}

enum esp_result
esp_decap_nh(struct esp_sa *sa, uint8_t *pkt, size_t len, int want,
    const uint8_t **inner, size_t *inner_len, uint8_t *next)
{
	return esp_decap_to(sa, pkt, len, want, NULL, inner, inner_len, next);
}

/* OUT NULL: in place (esp_decap_nh). */
enum esp_result
esp_decap_to(struct esp_sa *sa, uint8_t *pkt, size_t len, int want,
    uint8_t *out, const uint8_t **inner, size_t *inner_len, uint8_t *next)
{
	size_t		 ivlen = sa->sa_alg.al_iv_len;
	size_t		 icvlen = sa->sa_alg.al_icv_len;
	size_t		 align = sa->sa_alg.al_align;
	uint8_t		*body;
	size_t		 blen, pad, i;
	uint32_t	 seq;
	int		 r;

	if (len < ESP_HDR_LEN + ivlen + align + icvlen ||
	    (len - ESP_HDR_LEN - ivlen - icvlen) % align != 0 ||
	    len > INT32_MAX)
		return recv_fail(sa, ESP_ERR_LEN, &sa->sa_stats.es_bad_len);
	if (get32(pkt) != sa->sa_spi) {
		sa->sa_stats.es_recv_errors++;
		return ESP_ERR_SPI;
	}
	seq = get32(pkt + 4);
	if (esp_sa_replay_window(sa) != 0 && !replay_win_ok(&sa->sa_win, seq))
		return recv_fail(sa, ESP_ERR_REPLAY, &sa->sa_stats.es_replay);
	body = out != NULL ? out : pkt + ESP_HDR_LEN + ivlen;
	blen = len - ESP_HDR_LEN - ivlen - icvlen;
	/* The ICV is checked before the window moves; CBC bodies are
	 * decrypted only once it holds, GCM's in the same pass. */
	if ((r = esp_alg_open_to(&sa->sa_alg, pkt, blen, body)) < 0) {
		sa->sa_stats.es_recv_errors++;
		return ESP_ERR_CRYPTO;
	}
	if (r == 0)
		return recv_fail(sa, ESP_ERR_AUTH, &sa->sa_stats.es_auth_fail);
	if (esp_sa_replay_window(sa) != 0)
		replay_win_update(&sa->sa_win, seq);
	if (icvlen != 0)
		sa->sa_stats.es_verify++;
	sa->sa_stats.es_decrypt++;
	pad = body[blen - 2];
	if (pad + 2 > blen)
		return recv_fail(sa, ESP_ERR_PAD, &sa->sa_stats.es_bad_pad);
	/* RFC 4303 §2.4: the default padding is 1, 2, 3, ... */
	for (i = 0; i < pad; i++)
		if (body[blen - 2 - pad + i] != i + 1)
			return recv_fail(sa, ESP_ERR_PAD,
			    &sa->sa_stats.es_bad_pad);
	*next = body[blen - 1];
	/* RFC 4303 §2.6: 59 is a dummy packet, never delivered. */
	if ((want >= 0 && *next != want) || *next == ESP_NEXT_NONE)
		return recv_fail(sa, ESP_ERR_PROTO, &sa->sa_stats.es_bad_proto);
	sa->sa_stats.es_decaps++;
	sa->sa_stats.es_bytes_in += blen - pad - 2;
	*inner = body;
	*inner_len = blen - pad - 2;
	return ESP_OK;
}
