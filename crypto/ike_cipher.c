/*
 * ike_cipher: CBC ciphers for IKE and ESP (ike_cipher.h).
 */
#include <string.h>

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

/* One CBC pass over BUF in place, without OpenSSL's padding. */
static int
cbc(enum ike_enc enc, unsigned keybits, const uint8_t *key, uint8_t *iv,
    uint8_t *buf, size_t len, int encrypt)
{
	const EVP_CIPHER	*c = ike_cipher_fetch(enc, keybits);
	EVP_CIPHER_CTX		*ctx;
	size_t			 block = ike_cipher_block(enc);
	uint8_t			 last[IKE_BLOCK_MAX];
	int			 n, ok;

	if (c == NULL || len == 0 || len % block != 0 || len > INT32_MAX)
		return -1;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		return -1;
	if (!encrypt)
		memcpy(last, buf + len - block, block);
	ok = EVP_CipherInit_ex2(ctx, c, key, iv, encrypt, NULL) &&
	    EVP_CIPHER_CTX_set_padding(ctx, 0) &&
	    EVP_CipherUpdate(ctx, buf, &n, buf, (int)len) && (size_t)n == len;
	EVP_CIPHER_CTX_free(ctx);
	if (!ok)
		return -1;
	memcpy(iv, encrypt ? buf + len - block : last, block);
	return 0;
}

int
ike_encrypt(enum ike_enc enc, unsigned keybits, const uint8_t *key,
    uint8_t *iv, uint8_t *buf, size_t len, size_t *out_len)
{
	size_t	block = ike_cipher_block(enc);
	size_t	padded = ike_padded_len(len, block);

	memset(buf + len, 0, padded - len);
	buf[padded - 1] = (uint8_t)(padded - len - 1);
	if (cbc(enc, keybits, key, iv, buf, padded, 1))
		return -1;
	*out_len = padded;
	return 0;
}

int
ike_decrypt(enum ike_enc enc, unsigned keybits, const uint8_t *key,
    uint8_t *iv, uint8_t *buf, size_t len)
{
	return cbc(enc, keybits, key, iv, buf, len, 0);
}
