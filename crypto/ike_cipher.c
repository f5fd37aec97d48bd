/*
 * ike_cipher: CBC ciphers for IKE and ESP (ike_cipher.h).
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/provider.h>

#include "crypto/ike_cipher.h"

static const char	*cipher_err = "";

const char *
ike_cipher_error(void)
{
	return cipher_err;
}

size_t
ike_cipher_keylen(enum ike_enc enc, unsigned keybits)
{
	switch (enc) {
	case IKE_ENC_DES:
		return 8;
	case IKE_ENC_3DES:
		return 24;
	case IKE_ENC_AES:
		if (keybits == 128 || keybits == 192 || keybits == 256)
			return keybits / 8;
		break;
	}
	return 0;
}

size_t
ike_cipher_block(enum ike_enc enc)
{
	return enc == IKE_ENC_AES ? 16 : 8;
}

/* Load the legacy provider once, keeping the default one available. */
static bool
legacy_loaded(void)
{
	static OSSL_PROVIDER	*legacy;

	if (legacy == NULL && (legacy = OSSL_PROVIDER_try_load(NULL, "legacy",
	    1)) == NULL)
		cipher_err = "DES needs OpenSSL's legacy provider, which "
		    "could not be loaded";
	return legacy != NULL;
}

const EVP_CIPHER *
ike_cipher_fetch(enum ike_enc enc, unsigned keybits)
{
	static EVP_CIPHER	*cache[5];
	static const char *const names[5] = {
		"DES-CBC", "DES-EDE3-CBC", "AES-128-CBC", "AES-192-CBC",
		"AES-256-CBC"
	};
	size_t			 i;

	switch (enc) {
	case IKE_ENC_DES:
		if (!legacy_loaded())
			return NULL;
		i = 0;
		break;
	case IKE_ENC_3DES:
		i = 1;
		break;
	case IKE_ENC_AES:
		if (ike_cipher_keylen(enc, keybits) == 0) {
			cipher_err = "AES key length must be 128, 192 or 256";
			return NULL;
		}
		i = 2 + (keybits - 128) / 64;
		break;
	default:
		cipher_err = "unknown cipher";
		return NULL;
	}
	if (cache[i] == NULL &&
	    (cache[i] = EVP_CIPHER_fetch(NULL, names[i], NULL)) == NULL)
		cipher_err = "OpenSSL has no such cipher";
	return cache[i];
}

size_t
ike_padded_len(size_t len, size_t block)
{
	return (len / block + 1) * block;
}

/* The context of CC for ENCRYPT, keyed with KEY; NULL on failure. */
static EVP_CIPHER_CTX *
cbc_ctx(struct ike_cbc *cc, enum ike_enc enc, unsigned keybits,
    const uint8_t *key, int encrypt)
{
	const EVP_CIPHER	*c = ike_cipher_fetch(enc, keybits);
	size_t			 klen = ike_cipher_keylen(enc, keybits);

	if (c == NULL || klen == 0 || klen > IKE_KEY_MAX)
		return NULL;
	if (cc->cc_ctx[0] == NULL || cc->cc_enc != enc ||
	    cc->cc_keybits != keybits || CRYPTO_memcmp(cc->cc_key, key,
	    klen) != 0) {
		ike_cbc_free(cc);
		cc->cc_ctx[0] = EVP_CIPHER_CTX_new();
		cc->cc_ctx[1] = EVP_CIPHER_CTX_new();
		/* Both chain from a zero block (cc_chain, zeroed by the free). */
		if (cc->cc_ctx[0] == NULL || cc->cc_ctx[1] == NULL ||
		    !EVP_CipherInit_ex2(cc->cc_ctx[0], c, key, cc->cc_chain[0],
		    0, NULL) ||
		    !EVP_CipherInit_ex2(cc->cc_ctx[1], c, key, cc->cc_chain[1],
		    1, NULL) ||
		    !EVP_CIPHER_CTX_set_padding(cc->cc_ctx[0], 0) ||
		    !EVP_CIPHER_CTX_set_padding(cc->cc_ctx[1], 0)) {
			ike_cbc_free(cc);
			return NULL;
		}
		cc->cc_enc = enc;
		cc->cc_keybits = keybits;
		memcpy(cc->cc_key, key, klen);
	}
	return cc->cc_ctx[encrypt];
}

void
ike_cbc_free(struct ike_cbc *cc)
{
	EVP_CIPHER_CTX_free(cc->cc_ctx[0]);
	EVP_CIPHER_CTX_free(cc->cc_ctx[1]);
	OPENSSL_cleanse(cc, sizeof(*cc));
}

static void
xor_in(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		dst[i] ^= a[i] ^ b[i];
}

/*
 * One CBC pass over BUF in place with IV, without OpenSSL's padding, on
 * the kept context, which chains on from CHAIN (its last ciphertext
 * block): encrypting, the first block goes in as P1 ^ IV ^ CHAIN, so the
 * context's E(P1' ^ CHAIN) is E(P1 ^ IV); decrypting, the context gives
 * D(C1) ^ CHAIN, and ^ CHAIN ^ IV makes it D(C1) ^ IV.  A failed update
 * leaves the chain unknown: the context restarts from a zero block.
 */
static int
cbc(struct ike_cbc *cc, enum ike_enc enc, unsigned keybits,
    const uint8_t *key, uint8_t *iv, uint8_t *buf, size_t len, int encrypt)
{
	EVP_CIPHER_CTX		*ctx;
	size_t			 block = ike_cipher_block(enc);
	uint8_t			 last[IKE_BLOCK_MAX], *chain;
	int			 n;

	if (block == 0 || len == 0 || len % block != 0 || len > INT32_MAX)
		return -1;
	if ((ctx = cbc_ctx(cc, enc, keybits, key, encrypt)) == NULL)
		return -1;
	chain = cc->cc_chain[encrypt];
	memcpy(last, buf + len - block, block);
	if (encrypt)
		xor_in(buf, iv, chain, block);
	if (!EVP_CipherUpdate(ctx, buf, &n, buf, (int)len) ||
	    (size_t)n != len) {
		memset(chain, 0, block);
		(void)EVP_CipherInit_ex2(ctx, NULL, NULL, chain, encrypt, NULL);
		return -1;
	}
	if (encrypt) {
		memcpy(chain, buf + len - block, block);
		memcpy(iv, chain, block);
	} else {
		xor_in(buf, chain, iv, block);
		memcpy(chain, last, block);
		memcpy(iv, last, block);
	}
	return 0;
}

int
ike_cbc_encrypt(struct ike_cbc *cc, enum ike_enc enc, unsigned keybits,
    const uint8_t *key, uint8_t *iv, uint8_t *buf, size_t len,
    size_t *out_len)
{
	size_t	block = ike_cipher_block(enc);
	size_t	padded;

	if (block == 0)
		return -1;
	padded = ike_padded_len(len, block);
	memset(buf + len, 0, padded - len);
	buf[padded - 1] = (uint8_t)(padded - len - 1);
	if (cbc(cc, enc, keybits, key, iv, buf, padded, 1))
		return -1;
	*out_len = padded;
	return 0;
}

int
ike_cbc_decrypt(struct ike_cbc *cc, enum ike_enc enc, unsigned keybits,
    const uint8_t *key, uint8_t *iv, uint8_t *buf, size_t len)
{
	return cbc(cc, enc, keybits, key, iv, buf, len, 0);
}

/* The one-shot forms: a context for this call alone. */
int
ike_encrypt(enum ike_enc enc, unsigned keybits, const uint8_t *key,
    uint8_t *iv, uint8_t *buf, size_t len, size_t *out_len)
{
	struct ike_cbc	cc;
	int		rc;

	memset(&cc, 0, sizeof(cc));
	rc = ike_cbc_encrypt(&cc, enc, keybits, key, iv, buf, len, out_len);
	ike_cbc_free(&cc);
	return rc;
}

int
ike_decrypt(enum ike_enc enc, unsigned keybits, const uint8_t *key,
    uint8_t *iv, uint8_t *buf, size_t len)
{
	struct ike_cbc	cc;
	int		rc;

	memset(&cc, 0, sizeof(cc));
	rc = ike_cbc_decrypt(&cc, enc, keybits, key, iv, buf, len);
	ike_cbc_free(&cc);
	return rc;
}
