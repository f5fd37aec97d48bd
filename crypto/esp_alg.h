/*
 * esp_alg: the cipher and integrity algorithms of one ESP SA, apart from
 * the packet framing of esp.c.
 *
 *  - CBC ciphers (esp-des, esp-3des, esp-aes) or none (esp-null, RFC
 *    2410), with an HMAC whose ICV is truncated as its RFC says: MD5 and
 *    SHA-1 to 96 bits (RFC 2403, 2404), SHA-256/384/512 to half the hash,
 *    16/24/32 bytes (RFC 4868 §2.3), or no ICV (esp-null alone);
 *  - AES-GCM with a 16-byte ICV (esp-gcm, RFC 4106), the combined mode:
 *    8-byte explicit IV, nonce = 4-byte salt || IV, AAD = SPI || sequence;
 *  - AES-GMAC (esp-gmac, RFC 4543): the same nonce, nothing encrypted,
 *    the AAD is SPI || sequence || IV || payload and the tag is the ICV;
 *  - SEAL 3.0 (esp-seal, seal.h), a keystream XORed over the body, then
 *    the HMAC as for CBC; see esp_alg.c for the framing and its sources.
 *
 * For GCM and GMAC the salt is the last 4 bytes of the cipher's KEYMAT
 * (RFC 4106 §8.1, RFC 4543 §7): esp_enc_keylen() counts them.  Contexts
 * are keyed once; sealing and opening a packet allocate nothing once
 * they are (CBC's and the HMAC's are made on first use: below).
 *
 * A CBC context is never re-initialised per packet (in OpenSSL 3 a
 * re-init with a new IV walks the provider's parameters: EVP_CipherInit,
 * the IV length and padding lookups were ~12% of an aes-sha packet): it
 * keeps chaining from the last ciphertext block it saw (al_chain), and
 * the packet's own IV is put in by XOR into the first block, before
 * encryption (P1 ^ IV ^ chain) or after decryption (D(C1) ^ chain ^ IV).
 *
 * A CBC SA's two contexts are keyed on first use, each alone: an IKE SA
 * pair uses each of its SAs in one direction only, and keying both at
 * install (two key schedules and a context more per SA) was ~1.5% of a
 * group 19 IKE setup.  The key waits in al_key until then.  The HMAC
 * context likewise (al_auth_key until the first packet sealed or
 * opened): made at install, the four of a setup were ~2% of it.
 */
#ifndef IOSH_CRYPTO_ESP_ALG_H
#define IOSH_CRYPTO_ESP_ALG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

#include "crypto/crypto_int.h"

struct esp_params;
struct seal_key;

enum esp_alg_kind {
	ESP_ALG_CBC,		/* CBC cipher or none, then HMAC or none */
	ESP_ALG_GCM,		/* RFC 4106 */
	ESP_ALG_GMAC,		/* RFC 4543 */
	ESP_ALG_SEAL		/* IOS's esp-seal, then an HMAC */
};

struct esp_alg {
	enum esp_alg_kind	 al_kind;
	size_t			 al_iv_len;	/* explicit IV in the packet */
	size_t			 al_align;	/* what the body is padded to */
	size_t			 al_icv_len;
	EVP_CIPHER_CTX		*al_enc;	/* NULL for esp-null, and */
	EVP_CIPHER_CTX		*al_dec;	/* CBC until first used */
	const EVP_CIPHER	*al_cbc;	/* CBC: NULL for esp-null */
	uint8_t			 al_key[EVP_MAX_KEY_LENGTH];	/* CBC */
	enum ts_auth		 al_auth;	/* TS_AUTH_NONE: no HMAC */
	EVP_MAC_CTX		*al_mac;	/* made on first use */
	uint8_t			 al_auth_key[64];	/* until then */
	uint8_t			 al_salt[4];	/* GCM, GMAC */
	/* CBC: each context's chaining value, the last ciphertext block
	 * it encrypted or decrypted (zero after keying). */
	uint8_t			 al_chain[2][EVP_MAX_BLOCK_LENGTH];
	struct seal_key		*al_seal;	/* SEAL only */
};

#define ESP_ALG_MAX_ICV		32	/* HMAC-SHA-512-256 */

/* An HMAC context keyed with KEY (esp_auth_keylen() bytes); *ICV gets
 * the ICV length (RFC 2403/2404's 12, RFC 4868's half the hash).  AH
 * (ah.c) uses it as well.  NULL: unsupported or OpenSSL failed. */
EVP_MAC_CTX *esp_alg_hmac_new(enum ts_auth, const uint8_t *key, size_t *icv);

/* 0, or -1: unsupported transform or OpenSSL failure. */
int	esp_alg_init(struct esp_alg *, const struct esp_params *);
void	esp_alg_free(struct esp_alg *);
/* Whether IVs must never repeat (counter IVs) rather than be random. */
bool	esp_alg_counter_iv(const struct esp_alg *);
/*
 * Protect one packet in place: PKT is SPI, sequence, IV, then BLEN bytes
 * of body (payload, padding, pad length, next header); the body is
 * encrypted and the ICV (al_icv_len bytes) written right after it.
 */
int	esp_alg_seal(struct esp_alg *, uint8_t *pkt, size_t blen);
/*
 * The reverse: check the ICV after the BLEN-byte body and decrypt it in
 * place.  1: verified and decrypted, 0: ICV mismatch, -1: OpenSSL failed.
 */
int	esp_alg_open(struct esp_alg *, uint8_t *pkt, size_t blen);
/* The same with the body decrypted into OUT (BLEN bytes, and the ICV's
 * room after them for GCM's final), which is the body itself or does
 * not overlap the packet; the packet is left as it was. */
int	esp_alg_open_to(struct esp_alg *, uint8_t *pkt, size_t blen,
	    uint8_t *out);

#endif
