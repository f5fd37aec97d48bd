/*
 * esp_alg: ESP's ciphers and ICVs with OpenSSL 3 EVP (esp_alg.h), and
 * SEAL (seal.c), which OpenSSL does not have.
 *
 * esp-seal as IOS frames it.  What public sources say, and where:
 *  - the cipher is SEAL 3.0 with a 160-bit key (Cisco document 50880,
 *    seed 004: "SEAL encryption uses a 160-bit encryption key"), so the
 *    cipher's KEYMAT is 20 bytes (esp_enc_keylen);
 *  - the packet has no IV ("IV size: 0 bytes" in seed 004's show crypto
 *    ipsec sa for esp-seal esp-sha-hmac SAs);
 *  - an authentication transform is mandatory ("SEAL encryption is
 *    especially weak when it comes to protecting against modifications",
 *    document 50880), and manual keying is refused because "such a
 *    configuration would reuse the same keystream for each reboot" (ibid.):
 *    the keystream depends on the key and on something that restarts with
 *    the SA.
 * What no public source found says, and is inferred here:
 *  - SEAL's 32-bit position n is the packet's ESP sequence number (the
 *    only per-packet value in the header when there is no IV, unique per
 *    SA, restarting at 1 with each SA: what the reboot remark implies);
 *    the keystream from byte 0 of position n is XORed over the body
 *    (payload, padding, pad length, next header);
 *  - the body is padded to 4 bytes (RFC 4303 §2.4 for a cipher with no
 *    block size), padding 1, 2, 3, ... as for every ESP transform;
 *  - keystream words are big-endian (Crypto++'s SEAL-3.0-BE, and the
 *    7200's own byte order), L = 32768 bits per position;
 *  - the HMAC (encrypt-then-MAC, RFC 4303 §3.3.4) covers SPI, sequence
 *    and the encrypted body, as for the CBC ciphers.
 * A body longer than one position's 4096 bytes would run into the
 * keystream of the next sequence number, so it is refused.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/esp.h"
#include "crypto/esp_alg.h"
#include "crypto/ike_cipher.h"
#include "crypto/seal.h"
#include "lib/bytes.h"
#include "lib/xalloc.h"

#define GCM_ICV		16	/* RFC 4106 §3: ESP_AES_GCM_16 */
#define GCM_IV		8	/* RFC 4106 §3.1 */
#define GCM_SALT	4	/* RFC 4106 §4 */

static const char *
hmac_digest(enum ts_auth a, size_t *icv)
{
	switch (a) {
	case TS_AUTH_MD5:	*icv = 12; return "MD5";
	case TS_AUTH_SHA:	*icv = 12; return "SHA1";
	/* RFC 4868 §2.3: the ICV is the left half of the HMAC. */
	case TS_AUTH_SHA256:	*icv = 16; return "SHA2-256";
	case TS_AUTH_SHA384:	*icv = 24; return "SHA2-384";
	case TS_AUTH_SHA512:	*icv = 32; return "SHA2-512";
	default:		*icv = 0; return NULL;
	}
}

static const EVP_CIPHER *
gcm_cipher(unsigned bits)
{
	switch (bits) {
	case 128:	return EVP_aes_128_gcm();
	case 192:	return EVP_aes_192_gcm();
	case 256:	return EVP_aes_256_gcm();
	default:	return NULL;
	}
}

static int	cbc_restart(EVP_CIPHER_CTX *, uint8_t *, size_t);

static int
cbc_init(struct esp_alg *al, const struct esp_params *p)
{
	const EVP_CIPHER	*c;
	enum ike_enc		 e;

	switch (p->ep_enc) {
	case TS_ENC_NONE:	/* an HMAC alone: ESP_NULL on the wire */
	case TS_ENC_NULL:
		/* RFC 2410: no IV; RFC 4303 §2.4 still aligns to 4. */
		al->al_align = 4;
		return 0;
	case TS_ENC_DES:	e = IKE_ENC_DES; break;
	case TS_ENC_3DES:	e = IKE_ENC_3DES; break;
	case TS_ENC_AES:	e = IKE_ENC_AES; break;
	default:		return -1;
	}
	if ((c = ike_cipher_fetch(e, p->ep_keybits)) == NULL)
		return -1;
	al->al_iv_len = al->al_align = ike_cipher_block(e);
	if (al->al_iv_len > sizeof(al->al_chain[0]) ||
	    (size_t)EVP_CIPHER_get_key_length(c) > sizeof(al->al_key))
		return -1;
	/* Keyed on first use (cbc_ctx): see esp_alg.h. */
	al->al_cbc = c;
	memcpy(al->al_key, p->ep_enc_key, EVP_CIPHER_get_key_length(c));
	return 0;
}

/* The CBC context of direction ENC (1 seal, 0 open), keyed the first
 * time it is asked for; NULL if OpenSSL failed (the packet is dropped,
 * and the next one tries again). */
static EVP_CIPHER_CTX *
cbc_ctx(struct esp_alg *al, int enc)
{
	EVP_CIPHER_CTX	**ctx = enc ? &al->al_enc : &al->al_dec;

	if (*ctx != NULL)
		return *ctx;
	if ((*ctx = EVP_CIPHER_CTX_new()) == NULL)
		return NULL;
	if (!EVP_CipherInit_ex2(*ctx, al->al_cbc, al->al_key, NULL, enc,
	    NULL) || cbc_restart(*ctx, al->al_chain[enc ? 0 : 1],
	    al->al_iv_len) < 0) {
		EVP_CIPHER_CTX_free(*ctx);
		*ctx = NULL;
	}
	return *ctx;
}

/* Chain a keyed CBC context from a zero block again (after keying, or
 * after a failed update left its state unknown). */
static int
cbc_restart(EVP_CIPHER_CTX *ctx, uint8_t *chain, size_t blk)
{
	memset(chain, 0, blk);
	if (!EVP_CipherInit_ex2(ctx, NULL, NULL, chain, -1, NULL) ||
	    !EVP_CIPHER_CTX_set_padding(ctx, 0))
		return -1;
	return 0;
}

static void
xor_block(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		dst[i] ^= a[i] ^ b[i];
}

/* xor_block eight bytes at a time (BLK is 8 or 16; any rest by bytes),
 * for decryption, which does it for every packet received: ~93
 * instructions fewer a packet than the byte loop. */
static inline void
xor_block8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n)
{
	uint64_t	d, x, y;
	size_t		i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&d, dst + i, 8);
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		d ^= x ^ y;
		memcpy(dst + i, &d, 8);
	}
	for (; i < n; i++)
		dst[i] ^= a[i] ^ b[i];
}

/* CBC over BLEN bytes at BODY with the packet's IV, on a context that
 * keeps chaining (see esp_alg.h), into OUT: BODY itself, or (decrypting)
 * a buffer apart from the packet. */
static int
cbc_run(EVP_CIPHER_CTX *ctx, uint8_t *chain, int enc, const uint8_t *iv,
    size_t blk, uint8_t *body, size_t blen, uint8_t *out)
{
	uint8_t	last[EVP_MAX_BLOCK_LENGTH];
	int	n;

	if (blen < blk)
		return -1;
	if (enc)
		xor_block(body, iv, chain, blk);
	else
		memcpy(last, body + blen - blk, blk);
	if (!EVP_CipherUpdate(ctx, out, &n, body, (int)blen) ||
	    (size_t)n != blen) {
		(void)cbc_restart(ctx, chain, blk);
		return -1;
	}
	if (enc) {
		memcpy(chain, out + blen - blk, blk);
	} else {
		xor_block8(out, chain, iv, blk);
		memcpy(chain, last, blk);
	}
	return 0;
}

/*
 * Auth algorithm A's HMAC context with its digest set, made once for the
 * process and keyed (with zeros: OpenSSL copies only a keyed HMAC); an
 * SA's context is a copy keyed again with the SA's key.  Fetching HMAC
 * and its digest by name for each SA was ~1% of a group 19 IKE setup
 * (four SAs each).
 */
static const EVP_MAC_CTX *
hmac_template(enum ts_auth a, const char *md)
{
	static EVP_MAC_CTX	*tmpl[TS_AUTH_SHA512 + 1];
	static const uint8_t	 zero[64];
	OSSL_PARAM		 params[2];
	EVP_MAC			*hmac;

	if ((unsigned)a > TS_AUTH_SHA512)
		return NULL;
	if (tmpl[a] != NULL)
		return tmpl[a];
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((hmac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		return NULL;
	tmpl[a] = EVP_MAC_CTX_new(hmac);
	EVP_MAC_free(hmac);
	if (tmpl[a] != NULL && !EVP_MAC_init(tmpl[a], zero,
	    esp_auth_keylen(a), params)) {
		EVP_MAC_CTX_free(tmpl[a]);
		tmpl[a] = NULL;
	}
	return tmpl[a];
}

EVP_MAC_CTX *
esp_alg_hmac_new(enum ts_auth a, const uint8_t *key, size_t *icv)
{
	const EVP_MAC_CTX	*tmpl;
	EVP_MAC_CTX		*ctx;
	const char		*md = hmac_digest(a, icv);

	if (md == NULL || (tmpl = hmac_template(a, md)) == NULL ||
	    (ctx = EVP_MAC_CTX_dup(tmpl)) == NULL)
		return NULL;
	if (!EVP_MAC_init(ctx, key, esp_auth_keylen(a), NULL)) {
		EVP_MAC_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

/* The HMAC is made on first use (hmac_ctx; see esp_alg.h): here only
 * whether the algorithm is one we have, its ICV length and the key. */
static int
hmac_init(struct esp_alg *al, const struct esp_params *p)
{
	if (p->ep_auth == TS_AUTH_NONE)
		return 0;
	if (hmac_digest(p->ep_auth, &al->al_icv_len) == NULL ||
	    esp_auth_keylen(p->ep_auth) > sizeof(al->al_auth_key))
		return -1;
	al->al_auth = p->ep_auth;
	memcpy(al->al_auth_key, p->ep_auth_key, esp_auth_keylen(p->ep_auth));
	return 0;
}

/* The SA's HMAC context, made and keyed the first time it is asked for;
 * NULL if OpenSSL failed (the packet is dropped, and the next one tries
 * again). */
static EVP_MAC_CTX *
hmac_ctx(struct esp_alg *al)
{
	size_t	icv;

	if (al->al_mac == NULL &&
	    (al->al_mac = esp_alg_hmac_new(al->al_auth, al->al_auth_key,
	    &icv)) != NULL)
		OPENSSL_cleanse(al->al_auth_key, sizeof(al->al_auth_key));
	return al->al_mac;
}

/* GCM and GMAC: one AES-GCM context per direction, keyed with the key
 * part of KEYMAT; the salt is kept for the nonces. */
static int
gcm_init(struct esp_alg *al, const struct esp_params *p)
{
	const EVP_CIPHER	*c = gcm_cipher(p->ep_keybits);
	size_t			 klen = p->ep_keybits / 8;

	if (c == NULL || p->ep_auth != TS_AUTH_NONE)
		return -1;
	al->al_kind = p->ep_enc == TS_ENC_GCM ? ESP_ALG_GCM : ESP_ALG_GMAC;
	al->al_iv_len = GCM_IV;
	al->al_align = 4;
	al->al_icv_len = GCM_ICV;
	memcpy(al->al_salt, p->ep_enc_key + klen, GCM_SALT);
	if ((al->al_enc = EVP_CIPHER_CTX_new()) == NULL ||
	    (al->al_dec = EVP_CIPHER_CTX_new()) == NULL ||
	    !EVP_CipherInit_ex2(al->al_enc, c, p->ep_enc_key, NULL, 1, NULL) ||
	    !EVP_CipherInit_ex2(al->al_dec, c, p->ep_enc_key, NULL, 0, NULL))
		return -1;
	return 0;
}

/* SEAL: no IV, 4-byte alignment, and never without an HMAC. */
static int
seal_alg_init(struct esp_alg *al, const struct esp_params *p)
{
	if (p->ep_auth == TS_AUTH_NONE)
		return -1;
	al->al_kind = ESP_ALG_SEAL;
	al->al_align = 4;
	al->al_seal = xmalloc(sizeof(*al->al_seal));
	seal_init(al->al_seal, p->ep_enc_key);
	return hmac_init(al, p);
}

int
esp_alg_init(struct esp_alg *al, const struct esp_params *p)
{
	memset(al, 0, sizeof(*al));
	if (p->ep_enc == TS_ENC_GCM || p->ep_enc == TS_ENC_GMAC)
		return gcm_init(al, p);
	if (p->ep_enc == TS_ENC_SEAL)
		return seal_alg_init(al, p);
	/* esp-null alone is legal (RFC 2410 + RFC 4303 §3.2: integrity
	 * only is optional), and so is an HMAC without a cipher (a set of
	 * `esp-sha-hmac` alone, ESP_NULL with it); an SA with neither is
	 * not. */
	if (p->ep_enc == TS_ENC_NONE && p->ep_auth == TS_AUTH_NONE)
		return -1;
	if (cbc_init(al, p) < 0 || hmac_init(al, p) < 0)
		return -1;
	return 0;
}

void
esp_alg_free(struct esp_alg *al)
{
	EVP_CIPHER_CTX_free(al->al_enc);
	EVP_CIPHER_CTX_free(al->al_dec);
	EVP_MAC_CTX_free(al->al_mac);
	if (al->al_seal != NULL) {
		OPENSSL_cleanse(al->al_seal, sizeof(*al->al_seal));
		free(al->al_seal);
	}
	OPENSSL_cleanse(al, sizeof(*al));
}

bool
esp_alg_counter_iv(const struct esp_alg *al)
{
	/* RFC 4106 §3.1: the IV must not repeat under one key; a counter
	 * guarantees it where random 64-bit values only make it likely. */
	return al->al_kind == ESP_ALG_GCM || al->al_kind == ESP_ALG_GMAC;
}

/* The truncated HMAC of LEN bytes at P. */
static int
hmac_icv(struct esp_alg *al, const uint8_t *p, size_t len, uint8_t *out)
{
	EVP_MAC_CTX	*mac = hmac_ctx(al);
	uint8_t		 md[EVP_MAX_MD_SIZE];
	size_t		 n;

	if (mac == NULL || !EVP_MAC_init(mac, NULL, 0, NULL) ||
	    !EVP_MAC_update(mac, p, len) ||
	    !EVP_MAC_final(mac, md, &n, sizeof(md)))
		return -1;
	memcpy(out, md, al->al_icv_len);
	return 0;
}

/*
 * One AES-GCM pass over a packet: nonce salt || IV, AAD SPI || sequence
 * (GCM) or the whole packet up to the ICV (GMAC), then the body
 * encrypted or decrypted (GCM only) at BODY: in the packet, or a copy of
 * its body apart from it.
 */
static int
gcm_run(struct esp_alg *al, EVP_CIPHER_CTX *ctx, int enc, uint8_t *pkt,
    uint8_t *body, size_t blen)
{
	uint8_t	 nonce[GCM_SALT + GCM_IV];
	int	 n;

	memcpy(nonce, al->al_salt, GCM_SALT);
	memcpy(nonce + GCM_SALT, pkt + ESP_HDR_LEN, GCM_IV);
	if (!EVP_CipherInit_ex2(ctx, NULL, NULL, nonce, enc, NULL))
		return -1;
	if (al->al_kind == ESP_ALG_GMAC)
		return EVP_CipherUpdate(ctx, NULL, &n, pkt,
		    (int)(ESP_HDR_LEN + GCM_IV + blen)) ? 0 : -1;
	if (!EVP_CipherUpdate(ctx, NULL, &n, pkt, ESP_HDR_LEN) ||
	    !EVP_CipherUpdate(ctx, body, &n, body, (int)blen) ||
	    (size_t)n != blen)
		return -1;
	return 0;
}

int
esp_alg_seal(struct esp_alg *al, uint8_t *pkt, size_t blen)
{
	EVP_CIPHER_CTX	*ctx;
	uint8_t		*body = pkt + ESP_HDR_LEN + al->al_iv_len;
	int		 n;

	if (al->al_kind == ESP_ALG_SEAL) {
		if (blen > SEAL_L_BYTES)
			return -1;
		seal_xor(al->al_seal, get32(pkt + 4), body, blen);
		return hmac_icv(al, pkt, ESP_HDR_LEN + blen, body + blen);
	}
	if (al->al_kind != ESP_ALG_CBC) {
		if (gcm_run(al, al->al_enc, 1, pkt, body, blen) < 0 ||
		    !EVP_CipherFinal_ex(al->al_enc, body + blen, &n) ||
		    !EVP_CIPHER_CTX_ctrl(al->al_enc, EVP_CTRL_AEAD_GET_TAG,
		    GCM_ICV, body + blen))
			return -1;
		return 0;
	}
	if (al->al_cbc != NULL && ((ctx = cbc_ctx(al, 1)) == NULL ||
	    cbc_run(ctx, al->al_chain[0], 1, pkt + ESP_HDR_LEN,
	    al->al_iv_len, body, blen, body) < 0))
		return -1;
	if (al->al_auth != TS_AUTH_NONE && hmac_icv(al, pkt, ESP_HDR_LEN +
	    al->al_iv_len + blen, body + blen) < 0)
		return -1;
	return 0;
}

int
esp_alg_open(struct esp_alg *al, uint8_t *pkt, size_t blen)
{
	return esp_alg_open_to(al, pkt, blen, pkt + ESP_HDR_LEN +
	    al->al_iv_len);
}

int
esp_alg_open_to(struct esp_alg *al, uint8_t *pkt, size_t blen, uint8_t *out)
{
	EVP_CIPHER_CTX	*ctx;
	uint8_t		 mac[ESP_ALG_MAX_ICV];
	uint8_t		*body = pkt + ESP_HDR_LEN + al->al_iv_len;
	int		 n;

	if (al->al_kind == ESP_ALG_SEAL) {
		/* Longer than a position: no peer of ours sent it. */
		if (blen > SEAL_L_BYTES ||
		    hmac_icv(al, pkt, ESP_HDR_LEN + blen, mac) < 0)
			return -1;
		if (CRYPTO_memcmp(mac, body + blen, al->al_icv_len) != 0)
			return 0;
		if (out != body)
			memcpy(out, body, blen);
		seal_xor(al->al_seal, get32(pkt + 4), out, blen);
		return 1;
	}
	if (al->al_kind != ESP_ALG_CBC) {
		memcpy(mac, body + blen, GCM_ICV);
		/* GCM decrypts in place: in the copy.  GMAC's body is
		 * clear text, copied as it is. */
		if (out != body)
			memcpy(out, body, blen);
		if (gcm_run(al, al->al_dec, 0, pkt, out, blen) < 0 ||
		    !EVP_CIPHER_CTX_ctrl(al->al_dec, EVP_CTRL_AEAD_SET_TAG,
		    GCM_ICV, mac))
			return -1;
		/* A failing final is the tag mismatch (the only check). */
		return EVP_CipherFinal_ex(al->al_dec, out + blen, &n) ? 1 : 0;
	}
	if (al->al_auth != TS_AUTH_NONE) {
		if (hmac_icv(al, pkt, ESP_HDR_LEN + al->al_iv_len + blen,
		    mac) < 0)
			return -1;
		if (CRYPTO_memcmp(mac, body + blen, al->al_icv_len) != 0)
			return 0;
	}
	if (al->al_cbc == NULL) {	/* ESP_NULL: clear text */
		if (out != body)
			memcpy(out, body, blen);
		return 1;
	}
	if ((ctx = cbc_ctx(al, 0)) == NULL ||
	    cbc_run(ctx, al->al_chain[1], 0, pkt + ESP_HDR_LEN,
	    al->al_iv_len, body, blen, out) < 0)
		return -1;
	return 1;
}
