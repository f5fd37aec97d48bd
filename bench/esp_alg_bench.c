/*
 * esp_alg_bench: ESP encap + decap of crypto/esp for the transforms of
 * issue 17 (esp-gcm 128/256, esp-gmac 128, esp-aes with esp-sha256/384/
 * 512-hmac, esp-null esp-sha256-hmac) at 64, 512 and 1400-byte inner
 * packets, beside the raw OpenSSL EVP work the same packets need, in the
 * same run, contexts keyed once: for GCM a seal (nonce, 8-byte AAD, body,
 * tag) and an open; for GMAC the same with the whole packet as AAD; for
 * the HMACs CBC (or nothing) plus the HMAC twice and CBC decrypt.  The
 * ratio is esp's rate over raw's.
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
#include "crypto/esp.h"

#define ROUNDS	3

static const struct {
	const char	*name, *raw;
	enum ts_enc	 e;
	unsigned	 bits;
	enum ts_auth	 a;
	const char	*md;		/* HMAC digest, or NULL */
	size_t		 icv;
} xf[] = {
	{ "esp-gcm 128", "AES-128-GCM", TS_ENC_GCM, 128, TS_AUTH_NONE,
	  NULL, 16 },
	{ "esp-gcm 256", "AES-256-GCM", TS_ENC_GCM, 256, TS_AUTH_NONE,
	  NULL, 16 },
	{ "esp-gmac 128", "AES-128-GMAC", TS_ENC_GMAC, 128, TS_AUTH_NONE,
	  NULL, 16 },
	{ "esp-aes esp-sha256-hmac", "AES-128-CBC + HMAC-SHA256",
	  TS_ENC_AES, 128, TS_AUTH_SHA256, "SHA2-256", 16 },
	{ "esp-aes 256 esp-sha384-hmac", "AES-256-CBC + HMAC-SHA384",
	  TS_ENC_AES, 256, TS_AUTH_SHA384, "SHA2-384", 24 },
	{ "esp-aes 256 esp-sha512-hmac", "AES-256-CBC + HMAC-SHA512",
	  TS_ENC_AES, 256, TS_AUTH_SHA512, "SHA2-512", 32 },
	{ "esp-null esp-sha256-hmac", "HMAC-SHA256", TS_ENC_NULL, 0,
	  TS_AUTH_SHA256, "SHA2-256", 16 },
};

static uint8_t		 ekey[36] = "0123456789abcdef0123456789abcdefSALT";
static uint8_t		 akey[64] = "authentication key";
static uint8_t		 inner[1500], buf[1700];
static size_t		 cur;		/* index into xf */
static struct esp_sa	*out_sa, *in_sa;
static EVP_CIPHER_CTX	*enc, *dec;
static EVP_MAC_CTX	*mac;

static size_t
esp_packet(size_t len)
{
	const uint8_t	*p;
	size_t		 n, m;

	if (esp_encap(out_sa, inner, len, buf, sizeof(buf), &n) != ESP_OK ||
	    esp_decap(in_sa, buf, n, &p, &m) != ESP_OK || m != len) {
		fprintf(stderr, "esp_alg_bench: esp failed\n");
		exit(1);
	}
	return len;
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
raw_icv(const uint8_t *p, size_t len, uint8_t *out)
{
	uint8_t	md[EVP_MAX_MD_SIZE];
	size_t	n;

	if (!EVP_MAC_init(mac, NULL, 0, NULL) || !EVP_MAC_update(mac, p, len) ||
	    !EVP_MAC_final(mac, md, &n, sizeof(md)))
		fail("hmac");
	memcpy(out, md, xf[cur].icv);
}

/* CBC (or none) + HMAC: encrypt, ICV; ICV again, compare, decrypt. */
static size_t
raw_hmac(size_t len)
{
	size_t	iv = enc != NULL ? 16 : 0, align = enc != NULL ? 16 : 4;
	size_t	body = (len + 2 + align - 1) / align * align;
	size_t	tot = 8 + iv + body;
	uint8_t	icv[32];
	int	n;

	memcpy(buf + 8 + iv, inner, len);
	if (enc != NULL && (!EVP_CipherInit_ex2(enc, NULL, NULL, buf + 8, 1,
	    NULL) || !EVP_CipherUpdate(enc, buf + 8 + iv, &n, buf + 8 + iv,
	    (int)body)))
		fail("encrypt");
	raw_icv(buf, tot, buf + tot);
	raw_icv(buf, tot, icv);
	if (memcmp(icv, buf + tot, xf[cur].icv) != 0)
		fail("ICV");
	if (dec != NULL && (!EVP_CipherInit_ex2(dec, NULL, NULL, buf + 8, 0,
	    NULL) || !EVP_CipherUpdate(dec, buf + 8 + iv, &n, buf + 8 + iv,
	    (int)body)))
		fail("decrypt");
	return len;
}

static void
raw_init(void)
{
	const EVP_CIPHER	*c = NULL;
	OSSL_PARAM		 params[2];
	EVP_MAC			*hmac;

	enc = dec = NULL;
	mac = NULL;
	if (xf[cur].e == TS_ENC_GCM || xf[cur].e == TS_ENC_GMAC)
		c = xf[cur].bits == 256 ? EVP_aes_256_gcm() :
		    EVP_aes_128_gcm();
	else if (xf[cur].e == TS_ENC_AES)
		c = xf[cur].bits == 256 ? EVP_aes_256_cbc() :
		    EVP_aes_128_cbc();
	if (c != NULL) {
		enc = EVP_CIPHER_CTX_new();
		dec = EVP_CIPHER_CTX_new();
		if (!EVP_CipherInit_ex2(enc, c, ekey, NULL, 1, NULL) ||
		    !EVP_CipherInit_ex2(dec, c, ekey, NULL, 0, NULL))
			fail("init");
		EVP_CIPHER_CTX_set_padding(enc, 0);
		EVP_CIPHER_CTX_set_padding(dec, 0);
	}
	if (xf[cur].md != NULL) {
		hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
		params[0] = OSSL_PARAM_construct_utf8_string(
		    OSSL_MAC_PARAM_DIGEST, (char *)xf[cur].md, 0);
		params[1] = OSSL_PARAM_construct_end();
		mac = EVP_MAC_CTX_new(hmac);
		EVP_MAC_free(hmac);
		if (mac == NULL || !EVP_MAC_init(mac, akey,
		    esp_auth_keylen(xf[cur].a), params))
			fail("hmac init");
	}
	memset(buf + 8, 0x5c, 16);	/* an IV; its value costs nothing */
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
	size_t			 i, k;

	for (i = 0; i < sizeof(inner); i++)
		inner[i] = (uint8_t)i;
	printf("esp_alg_bench: encap + decap on one core (median of %d x "
	    "%.1f s)\n", ROUNDS, secs);
	for (cur = 0; cur < sizeof(xf) / sizeof(xf[0]); cur++) {
		p = (struct esp_params){ 0x1001, xf[cur].e, xf[cur].bits,
		    xf[cur].a, ekey, akey };
		out_sa = esp_sa_new(&p);
		in_sa = esp_sa_new(&p);
		if (out_sa == NULL || in_sa == NULL)
			fail(xf[cur].name);
		raw_init();
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			for (k = 0; k < ROUNDS; k++) {
				r[k] = rate(xf[cur].md != NULL ? raw_hmac :
				    raw_gcm, sizes[i], secs);
				s[k] = rate(esp_packet, sizes[i], secs);
			}
			vr = median(r, ROUNDS);
			vs = median(s, ROUNDS);
			printf("esp_alg_bench: %-27s %4zu bytes: raw %s %7.1f "
			    "MB/s, esp %7.1f MB/s: ratio %.2f\n", xf[cur].name,
			    sizes[i], xf[cur].raw, vr, vs, vs / vr);
		}
		esp_sa_free(out_sa);
		esp_sa_free(in_sa);
		EVP_CIPHER_CTX_free(enc);
		EVP_CIPHER_CTX_free(dec);
		EVP_MAC_CTX_free(mac);
	}
	return 0;
}
