/*
 * ike_cipher: the CBC ciphers of IKEv1 phase 1/2 messages and of ESP (des,
 * 3des, aes 128/192/256) on OpenSSL 3, and ISAKMP message encryption with
 * RFC 2409's padding and IV chaining.
 *
 * Single DES lives in OpenSSL 3's legacy provider.  It is loaded once,
 * explicitly, the first time DES is asked for (the default provider stays
 * available); if it cannot be loaded the DES fetch fails and
 * ike_cipher_error() says why, for the caller to report.
 */
#ifndef IOSH_CRYPTO_IKE_CIPHER_H
#define IOSH_CRYPTO_IKE_CIPHER_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

#include "crypto/crypto_int.h"

/* The longest cipher key (aes 256) and block (aes). */
#define IKE_KEY_MAX	32
#define IKE_BLOCK_MAX	16

/* The cipher (cached for the process), or NULL: unknown key length, or
 * DES without the legacy provider. */
const EVP_CIPHER *ike_cipher_fetch(enum ike_enc, unsigned keybits);
/* Key bytes (des 8, 3des 24, aes KEYBITS/8) and block bytes (8 or 16). */
size_t	ike_cipher_keylen(enum ike_enc, unsigned keybits);
size_t	ike_cipher_block(enum ike_enc);
/* Why the last fetch failed. */
const char *ike_cipher_error(void);

/*
 * Encrypted ISAKMP payloads (RFC 2409 Appendix B, as IOS sends them):
 * padded to the block size with zeros, the last pad byte holding the
 * number of pad bytes before it, so there is always padding.  The
 * receiver goes by the payload chain and ignores the padding.
 */
size_t	ike_padded_len(size_t len, size_t block);
/*
 * Pad BUF's LEN bytes of payloads (BUF has room for ike_padded_len())
 * and encrypt them in place with KEY and IV.  IV becomes the last
 * ciphertext block: the next message's IV in the same exchange.
 * *OUT_LEN gets the encrypted length.  0 or -1.
 */
int	ike_encrypt(enum ike_enc, unsigned keybits, const uint8_t *key,
	    uint8_t *iv, uint8_t *buf, size_t len, size_t *out_len);
/* Decrypt LEN bytes (a multiple of the block) in place; IV becomes the
 * last ciphertext block.  -1 if LEN is not a whole number of blocks. */
int	ike_decrypt(enum ike_enc, unsigned keybits, const uint8_t *key,
	    uint8_t *iv, uint8_t *buf, size_t len);

/*
 * The same, with the key schedules kept for the life of an ISAKMP SA: a
 * new cipher context and key schedule per message cost about a twelfth
 * of a setup.  The contexts are made on first use and made again only if
 * the cipher or key differ from the ones they hold.  Neither is given a
 * message's IV: each keeps chaining from the last ciphertext block it saw
 * (cc_chain) and the IV goes in by XOR on the first block, as esp_alg.h
 * tells (setting the IV walked the provider's parameters per message).
 * Zeroed memory is an empty struct ike_cbc.
 */
struct ike_cbc {
	EVP_CIPHER_CTX	*cc_ctx[2];		/* decrypt, encrypt */
	enum ike_enc	 cc_enc;
	unsigned	 cc_keybits;
	uint8_t		 cc_key[IKE_KEY_MAX];
	uint8_t		 cc_chain[2][IKE_BLOCK_MAX];
};
int	ike_cbc_encrypt(struct ike_cbc *, enum ike_enc, unsigned keybits,
	    const uint8_t *key, uint8_t *iv, uint8_t *buf, size_t len,
	    size_t *out_len);
int	ike_cbc_decrypt(struct ike_cbc *, enum ike_enc, unsigned keybits,
	    const uint8_t *key, uint8_t *iv, uint8_t *buf, size_t len);
/* Free the contexts and wipe the key copy. */
void	ike_cbc_free(struct ike_cbc *);

#endif
