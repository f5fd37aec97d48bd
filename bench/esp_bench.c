/*
 * esp_bench: ESP encap + decap throughput of crypto/esp for esp-aes 128 +
 * esp-sha-hmac at 64, 512 and 1400-byte inner packets, beside the raw
 * crypto the same packets need, done with plain OpenSSL EVP calls in the
 * same run: AES-128-CBC encrypt + HMAC-SHA1 over SPI..ciphertext, then
 * HMAC-SHA1 again + AES-128-CBC decrypt, contexts keyed once (the limit
 * of notes/crypto-limits.md §4a, "both ends on one core").  esp adds the
 * framing, padding, IV, the replay window and the checks.
 *
 * Throughput counts inner bytes (MB = 10^6 bytes) per CPU second; each
 * figure is the median of three rounds of BENCH_SECONDS (default 0.5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "bench/benchlib.h"
#include "crypto/esp.h"

#define ROUNDS	3

static const uint8_t	ekey[16] = "0123456789abcdef";
static const uint8_t	akey[20] = "authentication key20";
static uint8_t		inner[1500], buf[1600];

/* ---- crypto/esp ---- */

static struct esp_sa	*out_sa, *in_sa;

static size_t
esp_packet(size_t len)
{
	const uint8_t	*p;
	size_t		 n, m;

	if (esp_encap(out_sa, inner, len, buf, sizeof(buf), &n) != ESP_OK ||
	    esp_decap(in_sa, buf, n, &p, &m) != ESP_OK || m != len) {
		fprintf(stderr, "esp_bench: esp failed\n");
		exit(1);
	}
	return len;
}

/* ---- plain EVP: the same cipher and MAC work ---- */

static EVP_CIPHER_CTX	*enc, *dec;
static EVP_MAC_CTX	*mac;

static void
raw_icv(const uint8_t *p, size_t len, uint8_t *out)
{
	uint8_t	md[EVP_MAX_MD_SIZE];
	size_t	n;

	EVP_MAC_init(mac, NULL, 0, NULL);
	EVP_MAC_update(mac, p, len);
	EVP_MAC_final(mac, md, &n, sizeof(md));
	memcpy(out, md, 12);
}

static size_t
raw_packet(size_t len)
{
	size_t	body = (len + 2 + 15) / 16 * 16, tot = 8 + 16 + body;
	uint8_t	icv[12];
	int	n;

	memcpy(buf + 24, inner, len);
	EVP_CipherInit_ex2(enc, NULL, NULL, buf + 8, 1, NULL);
	EVP_CipherUpdate(enc, buf + 24, &n, buf + 24, (int)body);
	raw_icv(buf, tot, buf + tot);
	raw_icv(buf, tot, icv);
	if (memcmp(icv, buf + tot, 12) != 0) {
		fprintf(stderr, "esp_bench: raw ICV\n");
		exit(1);
	}
	EVP_CipherInit_ex2(dec, NULL, NULL, buf + 8, 0, NULL);
	EVP_CipherUpdate(dec, buf + 24, &n, buf + 24, (int)body);
	return len;
}

static void
raw_init(void)
{
	const EVP_CIPHER	*c = EVP_aes_128_cbc();
	OSSL_PARAM		 params[2];
	EVP_MAC			*hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);

	enc = EVP_CIPHER_CTX_new();
	dec = EVP_CIPHER_CTX_new();
	EVP_CipherInit_ex2(enc, c, ekey, NULL, 1, NULL);
	EVP_CipherInit_ex2(dec, c, ekey, NULL, 0, NULL);
	EVP_CIPHER_CTX_set_padding(enc, 0);
	EVP_CIPHER_CTX_set_padding(dec, 0);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    "SHA1", 0);
	params[1] = OSSL_PARAM_construct_end();
	mac = EVP_MAC_CTX_new(hmac);
	EVP_MAC_init(mac, akey, sizeof(akey), params);
	EVP_MAC_free(hmac);
	RAND_bytes(buf + 8, 16);
}

/* MB of inner packets per CPU second. */
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
	struct esp_params	 p = { 0x1001, TS_ENC_AES, 128, TS_AUTH_SHA,
				    ekey, akey };
	const char		*e = getenv("BENCH_SECONDS");
	double			 secs = e ? atof(e) : 0.5;
	double			 r[ROUNDS], s[ROUNDS], vr, vs;
	size_t			 i, k;

	out_sa = esp_sa_new(&p);
	in_sa = esp_sa_new(&p);
	if (out_sa == NULL || in_sa == NULL) {
		fprintf(stderr, "esp_bench: esp_sa_new\n");
		return 1;
	}
	raw_init();
	for (i = 0; i < sizeof(inner); i++)
		inner[i] = (uint8_t)i;
	printf("esp_bench: esp-aes 128 + esp-sha-hmac, encap + decap on one "
	    "core (median of %d x %.1f s)\n", ROUNDS, secs);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		for (k = 0; k < ROUNDS; k++) {
			r[k] = rate(raw_packet, sizes[i], secs);
			s[k] = rate(esp_packet, sizes[i], secs);
		}
		vr = median(r, ROUNDS);
		vs = median(s, ROUNDS);
		printf("esp_bench: %4zu bytes: raw AES-128-CBC + HMAC-SHA1 "
		    "%7.1f MB/s, esp %7.1f MB/s (%.0f packets/s): ratio %.2f\n",
		    sizes[i], vr, vs, vs * 1e6 / sizes[i], vs / vr);
	}
	esp_sa_free(out_sa);
	esp_sa_free(in_sa);
	EVP_CIPHER_CTX_free(enc);
	EVP_CIPHER_CTX_free(dec);
	EVP_MAC_CTX_free(mac);
	return 0;
}
