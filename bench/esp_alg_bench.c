/*
 * esp_alg_bench: every transform iosh runs (issue 17: each of IOS's list
 * that works end to end, tests/check_transforms test_walk) through
 * crypto/esp and crypto/ah, encapsulated and decapsulated, at 64, 512 and
 * 1400-byte inner packets, beside the raw OpenSSL EVP work the same
 * packets need, in the same run, contexts keyed once: for GCM a seal
 * (nonce, 8-byte AAD, body, tag) and an open; for GMAC the same with the
 * whole packet as AAD; for CBC ciphers and HMACs the cipher (or nothing)
 * plus the HMAC twice and the decryption; for AH the HMAC over the whole
 * datagram twice (and, in a bundle, ESP's work too).  The ratio is iosh's
 * rate over raw's.  esp-seal is compared with Crypto++'s SEAL by
 * bench/seal_bench (OpenSSL has no SEAL).
 *
 * Throughput counts inner bytes (MB = 10^6 bytes) per CPU second; each
 * figure is the median of three rounds of BENCH_SECONDS (default 0.5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "bench/benchlib.h"
#include "crypto/ah.h"
#include "crypto/esp.h"
#include "lib/bytes.h"

#define ROUNDS	3

static const struct {
	const char	*name, *raw;
	enum ts_ah	 ah;
	enum ts_enc	 e;
	unsigned	 bits;
	enum ts_auth	 a;
	const char	*cipher;	/* EVP's CBC cipher, or NULL */
	const char	*md;		/* ESP's HMAC digest, or NULL */
	size_t		 icv;
	const char	*ahmd;		/* AH's HMAC digest, or NULL */
	size_t		 ahicv;
} xf[] = {
	{ "esp-gcm 128", "AES-128-GCM", 0, TS_ENC_GCM, 128, TS_AUTH_NONE,
	  NULL, NULL, 16, NULL, 0 },
	{ "esp-gcm 256", "AES-256-GCM", 0, TS_ENC_GCM, 256, TS_AUTH_NONE,
	  NULL, NULL, 16, NULL, 0 },
	{ "esp-gmac 128", "AES-128-GMAC", 0, TS_ENC_GMAC, 128, TS_AUTH_NONE,
	  NULL, NULL, 16, NULL, 0 },
	{ "esp-des esp-md5-hmac", "DES-CBC + HMAC-MD5", 0, TS_ENC_DES, 0,
	  TS_AUTH_MD5, "DES-CBC", "MD5", 12, NULL, 0 },
	{ "esp-3des esp-sha-hmac", "3DES-CBC + HMAC-SHA1", 0, TS_ENC_3DES, 0,
	  TS_AUTH_SHA, "DES-EDE3-CBC", "SHA1", 12, NULL, 0 },
	{ "esp-3des", "3DES-CBC", 0, TS_ENC_3DES, 0, TS_AUTH_NONE,
	  "DES-EDE3-CBC", NULL, 0, NULL, 0 },
	{ "esp-aes esp-sha-hmac", "AES-128-CBC + HMAC-SHA1", 0, TS_ENC_AES,
	  128, TS_AUTH_SHA, "AES-128-CBC", "SHA1", 12, NULL, 0 },
	{ "esp-aes esp-sha256-hmac", "AES-128-CBC + HMAC-SHA256", 0,
	  TS_ENC_AES, 128, TS_AUTH_SHA256, "AES-128-CBC", "SHA2-256", 16,
	  NULL, 0 },
	{ "esp-aes 192 esp-md5-hmac", "AES-192-CBC + HMAC-MD5", 0,
	  TS_ENC_AES, 192, TS_AUTH_MD5, "AES-192-CBC", "MD5", 12, NULL, 0 },
	{ "esp-aes 256 esp-sha384-hmac", "AES-256-CBC + HMAC-SHA384", 0,
	  TS_ENC_AES, 256, TS_AUTH_SHA384, "AES-256-CBC", "SHA2-384", 24,
	  NULL, 0 },
	{ "esp-aes 256 esp-sha512-hmac", "AES-256-CBC + HMAC-SHA512", 0,
	  TS_ENC_AES, 256, TS_AUTH_SHA512, "AES-256-CBC", "SHA2-512", 32,
	  NULL, 0 },
	{ "esp-null esp-sha256-hmac", "HMAC-SHA256", 0, TS_ENC_NULL, 0,
	  TS_AUTH_SHA256, NULL, "SHA2-256", 16, NULL, 0 },
	{ "esp-sha-hmac", "HMAC-SHA1", 0, TS_ENC_NONE, 0, TS_AUTH_SHA, NULL,
	  "SHA1", 12, NULL, 0 },
	/* No cipher, no ICV: raw is the copy alone. */
	{ "esp-null", "copy", 0, TS_ENC_NULL, 0, TS_AUTH_NONE, NULL, NULL, 0,
	  NULL, 0 },
	{ "ah-md5-hmac", "HMAC-MD5", TS_AH_MD5, TS_ENC_NONE, 0, TS_AUTH_NONE,
	  NULL, NULL, 0, "MD5", 12 },
	{ "ah-sha-hmac", "HMAC-SHA1", TS_AH_SHA, TS_ENC_NONE, 0,
	  TS_AUTH_NONE, NULL, NULL, 0, "SHA1", 12 },
	{ "ah-sha256-hmac", "HMAC-SHA256", TS_AH_SHA256, TS_ENC_NONE, 0,
	  TS_AUTH_NONE, NULL, NULL, 0, "SHA2-256", 16 },
	{ "ah-sha384-hmac", "HMAC-SHA384", TS_AH_SHA384, TS_ENC_NONE, 0,
	  TS_AUTH_NONE, NULL, NULL, 0, "SHA2-384", 24 },
	{ "ah-sha512-hmac", "HMAC-SHA512", TS_AH_SHA512, TS_ENC_NONE, 0,
	  TS_AUTH_NONE, NULL, NULL, 0, "SHA2-512", 32 },
	{ "ah-sha-hmac esp-aes 256 esp-sha-hmac",
	  "HMAC-SHA1 + AES-256-CBC + HMAC-SHA1", TS_AH_SHA, TS_ENC_AES, 256,
	  TS_AUTH_SHA, "AES-256-CBC", "SHA1", 12, "SHA1", 12 },
};

static uint8_t		 ekey[36] = "0123456789abcdef0123456789abcdefSALT";
static uint8_t		 akey[64] = "authentication key";
static uint8_t		 inner[1500], buf[1700];
static size_t		 cur;		/* index into xf */
static struct esp_sa	*out_sa, *in_sa;
static struct ah_sa	*out_ah, *in_ah;
static EVP_CIPHER_CTX	*enc, *dec;
static EVP_CIPHER	*cbc;
static EVP_MAC_CTX	*mac, *ahmac;

#define IP_HDR	20

static bool
has_esp(void)
{
	return xf[cur].e != TS_ENC_NONE || xf[cur].a != TS_AUTH_NONE;
}

/* An outer IPv4 header (protocol P, LEN bytes) at BUF. */
static void
outer(size_t len, uint8_t p)
{
	memset(buf, 0, IP_HDR);
	buf[0] = 0x45;
	put16(buf + 2, (uint16_t)len);
	buf[8] = 255;
	buf[9] = p;
	put32(buf + 12, 0x0c010101);
	put32(buf + 16, 0x0c010102);
}

/* iosh: (AH,) ESP or AH alone around the inner packet, and back. */
static size_t
esp_packet(size_t len)
{
	const uint8_t	*p;
	size_t		 n, m, ahl = out_ah != NULL ? ah_sa_len(out_ah) : 0;
	size_t		 off = out_ah != NULL ? IP_HDR + ahl : 0;
	uint8_t		 next;

	if (has_esp()) {
		if (esp_encap(out_sa, inner, len, buf + off, sizeof(buf) - off,
		    &n) != ESP_OK)
			goto fail;
	} else {
		memcpy(buf + off, inner, len);
		n = len;
	}
	if (out_ah != NULL) {
		outer(off + n, IPPROTO_AH_NUM);
		if (ah_out(out_ah, buf, off + n, has_esp() ? 50 : 4) != ESP_OK ||
		    ah_in(in_ah, buf, off + n, &next, &m) != ESP_OK ||
		    m != off)
			goto fail;
	}
	if (has_esp() && (esp_decap(in_sa, buf + off, n, &p, &m) != ESP_OK ||
	    m != len))
		goto fail;
	return len;
fail:
	fprintf(stderr, "esp_alg_bench: %s failed\n", xf[cur].name);
	exit(1);
}

static void
fail(const char *what)
{
	fprintf(stderr, "esp_alg_bench: raw %s\n", what);
	exit(1);
}

/* GCM/GMAC: nonce = salt || IV, one pass each way. */
static size_t
raw_gcm(size_t len)
{
	bool	gmac = xf[cur].e == TS_ENC_GMAC;
	size_t	body = (len + 2 + 3) / 4 * 4;
	uint8_t	nonce[12], tag[16];
	int	n;

	memcpy(nonce, ekey + xf[cur].bits / 8, 4);
	memcpy(nonce + 4, buf + 8, 8);
	memcpy(buf + 16, inner, len);
	if (!EVP_CipherInit_ex2(enc, NULL, NULL, nonce, 1, NULL) ||
	    (gmac ? !EVP_CipherUpdate(enc, NULL, &n, buf, (int)(16 + body)) :
	    (!EVP_CipherUpdate(enc, NULL, &n, buf, 8) ||
	    !EVP_CipherUpdate(enc, buf + 16, &n, buf + 16, (int)body))) ||
	    !EVP_CipherFinal_ex(enc, tag, &n) ||
	    !EVP_CIPHER_CTX_ctrl(enc, EVP_CTRL_AEAD_GET_TAG, 16, tag))
		fail("seal");
	if (!EVP_CipherInit_ex2(dec, NULL, NULL, nonce, 0, NULL) ||
	    (gmac ? !EVP_CipherUpdate(dec, NULL, &n, buf, (int)(16 + body)) :
	    (!EVP_CipherUpdate(dec, NULL, &n, buf, 8) ||
	    !EVP_CipherUpdate(dec, buf + 16, &n, buf + 16, (int)body))) ||
	    !EVP_CIPHER_CTX_ctrl(dec, EVP_CTRL_AEAD_SET_TAG, 16, tag) ||
	    !EVP_CipherFinal_ex(dec, tag, &n))
		fail("open");
	return len;
}

static void
raw_icv(EVP_MAC_CTX *ctx, const uint8_t *p, size_t len, uint8_t *out,
    size_t icv)
{
	uint8_t	md[EVP_MAX_MD_SIZE];
	size_t	n;

	if (!EVP_MAC_init(ctx, NULL, 0, NULL) || !EVP_MAC_update(ctx, p, len) ||
	    !EVP_MAC_final(ctx, md, &n, sizeof(md)))
		fail("hmac");
	memcpy(out, md, icv);
}

/* CBC (or none) + HMAC (or none): encrypt, ICV; ICV again, compare,
 * decrypt.  With AH, its HMAC over the whole datagram, twice. */
static size_t
raw_hmac(size_t len)
{
	size_t	 iv = enc != NULL ? (size_t)EVP_CIPHER_CTX_get_iv_length(enc) :
		    0;
	size_t	 align = enc != NULL ? iv : 4;
	size_t	 body = (len + 2 + align - 1) / align * align;
	size_t	 off = xf[cur].ahmd != NULL ? IP_HDR + 12 + xf[cur].ahicv : 0;
	size_t	 tot = 8 + iv + body;
	uint8_t	*e = buf + off, icv[32], ahicv[32];
	int	 n;

	if (!has_esp()) {
		memcpy(e, inner, len);
		tot = len;
	} else {
		memcpy(e + 8 + iv, inner, len);
		if (enc != NULL && (!EVP_CipherInit_ex2(enc, NULL, NULL,
		    e + 8, 1, NULL) || !EVP_CipherUpdate(enc, e + 8 + iv, &n,
		    e + 8 + iv, (int)body)))
			fail("encrypt");
		if (mac != NULL) {
			raw_icv(mac, e, tot, e + tot, xf[cur].icv);
			tot += xf[cur].icv;
		}
	}
	/* AH: the ICV with its field zeroed, sent; then checked. */
	if (ahmac != NULL) {
		memset(buf + IP_HDR + 12, 0, xf[cur].ahicv);
		raw_icv(ahmac, buf, off + tot, ahicv, xf[cur].ahicv);
		raw_icv(ahmac, buf, off + tot, icv, xf[cur].ahicv);
		if (memcmp(icv, ahicv, xf[cur].ahicv) != 0)
			fail("AH ICV");
	}
	if (!has_esp())
		return len;
	if (mac != NULL) {
		raw_icv(mac, e, tot - xf[cur].icv, icv, xf[cur].icv);
		if (memcmp(icv, e + tot - xf[cur].icv, xf[cur].icv) != 0)
			fail("ICV");
	}
	if (dec != NULL && (!EVP_CipherInit_ex2(dec, NULL, NULL, e + 8, 0,
	    NULL) || !EVP_CipherUpdate(dec, e + 8 + iv, &n, e + 8 + iv,
	    (int)body)))
		fail("decrypt");
	return len;
}

static EVP_MAC_CTX *
raw_mac(const char *md, const uint8_t *key, size_t klen)
{
	OSSL_PARAM	 params[2];
	EVP_MAC		*hmac;
	EVP_MAC_CTX	*ctx;

	hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	ctx = EVP_MAC_CTX_new(hmac);
	EVP_MAC_free(hmac);
	if (ctx == NULL || !EVP_MAC_init(ctx, key, klen, params))
		fail("hmac init");
	return ctx;
}

static void
raw_init(void)
{
	const EVP_CIPHER	*c = NULL;

	enc = dec = NULL;
	mac = ahmac = NULL;
	cbc = NULL;
	if (xf[cur].e == TS_ENC_GCM || xf[cur].e == TS_ENC_GMAC)
		c = xf[cur].bits == 256 ? EVP_aes_256_gcm() :
		    EVP_aes_128_gcm();
	else if (xf[cur].cipher != NULL) {
		/* DES comes from the legacy provider iosh loaded. */
		if ((cbc = EVP_CIPHER_fetch(NULL, xf[cur].cipher, NULL)) ==
		    NULL)
			fail(xf[cur].cipher);
		c = cbc;
	}
	if (c != NULL) {
		enc = EVP_CIPHER_CTX_new();
		dec = EVP_CIPHER_CTX_new();
		if (!EVP_CipherInit_ex2(enc, c, ekey, NULL, 1, NULL) ||
		    !EVP_CipherInit_ex2(dec, c, ekey, NULL, 0, NULL))
			fail("init");
		EVP_CIPHER_CTX_set_padding(enc, 0);
		EVP_CIPHER_CTX_set_padding(dec, 0);
	}
	if (xf[cur].md != NULL)
		mac = raw_mac(xf[cur].md, akey, esp_auth_keylen(xf[cur].a));
	if (xf[cur].ahmd != NULL)
		ahmac = raw_mac(xf[cur].ahmd, akey, ah_keylen(xf[cur].ah));
	memset(buf, 0x5c, 64);	/* headers, IV: their values cost nothing */
}

static double
rate(size_t (*fn)(size_t), size_t len, double secs)
{
	double	t0 = cpu_now(), t, bytes = 0;

	do {
		bytes += fn(len);
	} while ((t = cpu_now() - t0) < secs);
	return bytes / t / 1e6;
}

int
main(void)
{
	static const size_t	 sizes[] = { 64, 512, 1400 };
	const char		*e = getenv("BENCH_SECONDS");
	double			 secs = e ? atof(e) : 0.5;
	double			 r[ROUNDS], s[ROUNDS], vr, vs;
	struct esp_params	 p;
	struct ah_params	 ap;
	size_t			 i, k;

	for (i = 0; i < sizeof(inner); i++)
		inner[i] = (uint8_t)i;
	printf("esp_alg_bench: encap + decap on one core (median of %d x "
	    "%.1f s)\n", ROUNDS, secs);
	for (cur = 0; cur < sizeof(xf) / sizeof(xf[0]); cur++) {
		p = (struct esp_params){ 0x1001, xf[cur].e, xf[cur].bits,
		    xf[cur].a, ekey, akey };
		ap = (struct ah_params){ 0x1002, xf[cur].ah, akey, 0 };
		out_sa = in_sa = NULL;
		out_ah = in_ah = NULL;
		if (has_esp() && ((out_sa = esp_sa_new(&p)) == NULL ||
		    (in_sa = esp_sa_new(&p)) == NULL))
			fail(xf[cur].name);
		if (xf[cur].ah != TS_AH_NONE && ((out_ah = ah_sa_new(&ap)) ==
		    NULL || (in_ah = ah_sa_new(&ap)) == NULL))
			fail(xf[cur].name);
		raw_init();
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			for (k = 0; k < ROUNDS; k++) {
				r[k] = rate(xf[cur].e == TS_ENC_GCM ||
				    xf[cur].e == TS_ENC_GMAC ? raw_gcm :
				    raw_hmac, sizes[i], secs);
				s[k] = rate(esp_packet, sizes[i], secs);
			}
			vr = median(r, ROUNDS);
			vs = median(s, ROUNDS);
			printf("esp_alg_bench: %-36s %4zu bytes: raw %s %7.1f "
			    "MB/s, iosh %7.1f MB/s: ratio %.2f\n", xf[cur].name,
			    sizes[i], xf[cur].raw, vr, vs, vs / vr);
		}
		esp_sa_free(out_sa);
		esp_sa_free(in_sa);
		ah_sa_free(out_ah);
		ah_sa_free(in_ah);
		EVP_CIPHER_CTX_free(enc);
		EVP_CIPHER_CTX_free(dec);
		EVP_CIPHER_free(cbc);
		EVP_MAC_CTX_free(mac);
		EVP_MAC_CTX_free(ahmac);
	}
	return 0;
}
