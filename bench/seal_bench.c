/*
 * seal_bench: esp-seal beside Crypto++'s SEAL (Debian libcrypto++-dev,
 * tests/seal_cryptopp.cc), in the same run, keyed once:
 *  - the keystream XORed over a buffer at position n: crypto/seal.c's
 *    seal_xor against Crypto++'s SEAL<BigEndian> resynchronised to n;
 *  - esp-seal esp-sha-hmac encap + decap of crypto/esp against the raw
 *    work the same packet needs: Crypto++'s XOR and OpenSSL's HMAC-SHA1,
 *    twice each.
 * Sizes 64, 512 and 1400 bytes; MB = 10^6 bytes per CPU second, the
 * median of three rounds of BENCH_SECONDS (default 0.5); the ratio is
 * iosh's rate over Crypto++'s.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "bench/benchlib.h"
#include "crypto/esp.h"
#include "crypto/seal.h"

#define ROUNDS	3

void	*cryptopp_seal_new(const unsigned char *key);
void	 cryptopp_seal_xor(void *, unsigned n, unsigned char *buf,
	    unsigned long len);
void	 cryptopp_seal_free(void *);

static uint8_t		 ekey[SEAL_KEY_LEN] = "0123456789abcdefghij";
static uint8_t		 akey[20] = "authentication key";
static uint8_t		 inner[1500], buf[1700];
static struct seal_key	 sk;
static void		*cpp;
static EVP_MAC_CTX	*mac;
static struct esp_sa	*out_sa, *in_sa;
static uint32_t		 pos;

static void
fail(const char *what)
{
	fprintf(stderr, "seal_bench: %s\n", what);
	exit(1);
}

static size_t
ks_iosh(size_t len)
{
	seal_xor(&sk, ++pos, buf, len);
	return len;
}

static size_t
ks_cryptopp(size_t len)
{
	cryptopp_seal_xor(cpp, ++pos, buf, len);
	return len;
}

static size_t
esp_packet(size_t len)
{
	const uint8_t	*p;
	size_t		 n, m;

	if (esp_encap(out_sa, inner, len, buf, sizeof(buf), &n) != ESP_OK ||
	    esp_decap(in_sa, buf, n, &p, &m) != ESP_OK || m != len)
		fail("esp failed");
	return len;
}

/* What one esp-seal packet costs done raw: XOR and HMAC, both ways. */
static size_t
raw_packet(size_t len)
{
	uint8_t	md[EVP_MAX_MD_SIZE];
	size_t	blen = (len + 2 + 3) / 4 * 4, n, dir;

	memcpy(buf + 8, inner, len);
	for (dir = 0; dir < 2; dir++) {
		if (dir == 0)
			cryptopp_seal_xor(cpp, ++pos, buf + 8, blen);
		if (!EVP_MAC_init(mac, NULL, 0, NULL) ||
		    !EVP_MAC_update(mac, buf, 8 + blen) ||
		    !EVP_MAC_final(mac, md, &n, sizeof(md)))
			fail("hmac");
		if (dir == 1)
			cryptopp_seal_xor(cpp, pos, buf + 8, blen);
	}
	return len;
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

static void
row(const char *what, size_t (*ours)(size_t), size_t (*theirs)(size_t),
    const char *raw, double secs)
{
	static const size_t	sizes[] = { 64, 512, 1400 };
	double			r[ROUNDS], s[ROUNDS], vr, vs;
	size_t			i, k;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		for (k = 0; k < ROUNDS; k++) {
			r[k] = rate(theirs, sizes[i], secs);
			s[k] = rate(ours, sizes[i], secs);
		}
		vr = median(r, ROUNDS);
		vs = median(s, ROUNDS);
		printf("seal_bench: %-26s %4zu bytes: %s %7.1f MB/s, iosh "
		    "%7.1f MB/s: ratio %.2f\n", what, sizes[i], raw, vr, vs,
		    vs / vr);
	}
}

int
main(void)
{
	const char		*e = getenv("BENCH_SECONDS");
	double			 secs = e ? atof(e) : 0.5;
	struct esp_params	 p = { 0x1001, TS_ENC_SEAL, 0, TS_AUTH_SHA,
				    ekey, akey };
	OSSL_PARAM		 params[2];
	EVP_MAC			*hmac;
	size_t			 i;

	for (i = 0; i < sizeof(inner); i++)
		inner[i] = (uint8_t)i;
	seal_init(&sk, ekey);
	cpp = cryptopp_seal_new(ekey);
	hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)"SHA1", 0);
	params[1] = OSSL_PARAM_construct_end();
	mac = EVP_MAC_CTX_new(hmac);
	EVP_MAC_free(hmac);
	if (mac == NULL || !EVP_MAC_init(mac, akey, sizeof(akey), params))
		fail("hmac init");
	if ((out_sa = esp_sa_new(&p)) == NULL ||
	    (in_sa = esp_sa_new(&p)) == NULL)
		fail("esp_sa_new");
	printf("seal_bench: one core (median of %d x %.1f s)\n", ROUNDS,
	    secs);
	row("SEAL keystream", ks_iosh, ks_cryptopp, "Crypto++", secs);
	row("esp-seal esp-sha-hmac", esp_packet, raw_packet,
	    "Crypto++ + HMAC", secs);
	esp_sa_free(out_sa);
	esp_sa_free(in_sa);
	EVP_MAC_CTX_free(mac);
	cryptopp_seal_free(cpp);
	return 0;
}
