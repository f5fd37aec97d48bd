/*
 * ike_prf: HMAC and hash of the IKEv1 hash algorithms (ike_prf.h).
 *
 * The HMAC implementation is fetched once and kept for the process; each
 * prf gets its own short-lived EVP_MAC_CTX (IKE computes a handful per
 * exchange; the packet path, esp.c, keeps its contexts).
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/ike_prf.h"

static const char *
md_name(enum ike_hash h)
{
	switch (h) {
	case IKE_HASH_MD5:	return "MD5";
	case IKE_HASH_SHA:	return "SHA1";
	case IKE_HASH_SHA256:	return "SHA256";
	case IKE_HASH_SHA384:	return "SHA384";
	case IKE_HASH_SHA512:	return "SHA512";
	}
	return NULL;
}

size_t
ike_hash_len(enum ike_hash h)
{
	switch (h) {
	case IKE_HASH_MD5:	return 16;
	case IKE_HASH_SHA:	return 20;
	case IKE_HASH_SHA256:	return 32;
	case IKE_HASH_SHA384:	return 48;
	case IKE_HASH_SHA512:	return 64;
	}
	return 0;
}

int
ike_prf(enum ike_hash h, const uint8_t *key, size_t key_len,
    const struct ike_piece *pc, size_t n, uint8_t *out)
{
	static EVP_MAC	*hmac;
	EVP_MAC_CTX	*ctx;
	OSSL_PARAM	 params[2];
	const char	*md = md_name(h);
	size_t		 i, len;
	int		 rc = -1;

	if (md == NULL)
		return -1;
	if (hmac == NULL && (hmac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		return -1;
	if ((ctx = EVP_MAC_CTX_new(hmac)) == NULL)
		return -1;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	/* An empty key (a zero-length PSK) is still a key to HMAC. */
	if (!EVP_MAC_init(ctx, key_len ? key : (const uint8_t *)"", key_len,
	    params))
		goto out;
	for (i = 0; i < n; i++)
		if (pc[i].ip_len && !EVP_MAC_update(ctx, pc[i].ip_p,
		    pc[i].ip_len))
			goto out;
	if (EVP_MAC_final(ctx, out, &len, IKE_PRF_MAX) && len == ike_hash_len(h))
		rc = 0;
out:
	EVP_MAC_CTX_free(ctx);
	return rc;
}

int
ike_hash(enum ike_hash h, const struct ike_piece *pc, size_t n, uint8_t *out)
{
	EVP_MD_CTX	*ctx;
	EVP_MD		*md;
	size_t		 i;
	unsigned	 len;
	int		 rc = -1;

	if (md_name(h) == NULL || (md = EVP_MD_fetch(NULL, md_name(h), NULL)) ==
	    NULL)
		return -1;
	if ((ctx = EVP_MD_CTX_new()) == NULL) {
		EVP_MD_free(md);
		return -1;
	}
	if (!EVP_DigestInit_ex2(ctx, md, NULL))
		goto out;
	for (i = 0; i < n; i++)
		if (!EVP_DigestUpdate(ctx, pc[i].ip_p, pc[i].ip_len))
			goto out;
	if (EVP_DigestFinal_ex(ctx, out, &len) && len == ike_hash_len(h))
		rc = 0;
out:
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(md);
	return rc;
}
