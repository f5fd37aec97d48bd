/*
 * SEAL 3.0 (crypto/seal.c) and esp-seal (crypto/esp_alg.c), checked
 * against what is not iosh's:
 *  - the known-answer vector of Crypto++'s TestVectors/seal.txt (key
 *    67452301 efcdab89 98badcfe 10325476 c3d2e1f0, n = 0x013577af, 4096
 *    bytes of keystream, "verified against partial ciphertext from 1997
 *    SEAL paper"): its first, a middle and last 32 bytes here;
 *  - Crypto++'s SEAL<BigEndian> itself (tests/seal_cryptopp.cc, Debian
 *    libcrypto++-dev, built when configure finds it): 200 seeded-random
 *    keys, each at a random position n (and n = 0, 0xffffffff), from
 *    random offsets over chunk and position boundaries, lengths 1 to
 *    9000 bytes, byte for byte;
 *  - esp-seal packets: no IV, 4-byte padding, the body equal to the
 *    plain body XOR the keystream of position = sequence number (from
 *    Crypto++ when present), the HMAC-SHA1-96 over SPI, sequence and
 *    cipher text from OpenSSL's one-shot EVP_Q_mac; a flipped bit is an
 *    ICV failure; esp-seal without an HMAC is refused.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "crypto/esp.h"
#include "crypto/seal.h"
#include "lib/bytes.h"
#include "tests/fixture.h"

#ifdef HAVE_CRYPTOPP
int	cryptopp_seal_keystream(const unsigned char *key, unsigned n,
	    unsigned long off, unsigned char *out, unsigned long len);
#endif

static const char kat_key[] = "67452301efcdab8998badcfe10325476c3d2e1f0";
#define KAT_N	0x013577afU
static const struct {
	size_t		 off;
	const char	*ks;
} kat[] = {
	{ 0, "37a005959b84c49ca4be1e050673530f"
	     "5fb097fdf6a13fbd6c2cdecd81fdee7c" },
	{ 2048, "b80c331cdc7860093503cedfd44b3403"
		"b3501415916303baef0c68d12efa7c54" },
	{ 4064, "585a2905f0496ba58eb3d740efa54b66"
		"4d1a6134fed9fede636504aa691e08e4" },
};

START_TEST(test_kat)
{
	struct seal_key	sk;
	uint8_t		key[SEAL_KEY_LEN], want[32], got[32];

	ck_assert_uint_eq(fx_hex(kat_key, key, sizeof(key)), SEAL_KEY_LEN);
	seal_init(&sk, key);
	ck_assert_uint_eq(fx_hex(kat[_i].ks, want, sizeof(want)), 32);
	seal_keystream(&sk, KAT_N, kat[_i].off, got, sizeof(got));
	ck_assert_mem_eq(got, want, sizeof(want));
}
END_TEST

/* xorshift64: the same keys and positions on every run. */
static uint64_t	rng = 0x5ea1300017U;

static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

#ifdef HAVE_CRYPTOPP
START_TEST(test_cryptopp_kat)
{
	uint8_t	key[SEAL_KEY_LEN], want[32], got[32];

	/* Crypto++ reproduces the vector too: the two agree on it. */
	fx_hex(kat_key, key, sizeof(key));
	fx_hex(kat[2].ks, want, sizeof(want));
	ck_assert_int_eq(cryptopp_seal_keystream(key, KAT_N, kat[2].off, got,
	    sizeof(got)), 0);
	ck_assert_mem_eq(got, want, sizeof(want));
}
END_TEST

START_TEST(test_cryptopp_many)
{
	static uint8_t	ours[9000], theirs[9000];
	struct seal_key	sk;
	uint8_t		key[SEAL_KEY_LEN];
	uint32_t	n;
	size_t		off, len, i;
	int		k, cmp = 0;

	for (k = 0; k < 200; k++) {
		for (i = 0; i < sizeof(key); i++)
			key[i] = (uint8_t)rnd();
		seal_init(&sk, key);
		n = k == 0 ? 0 : k == 1 ? 0xffffffffU : rnd();
		/* Offsets anywhere in two positions, lengths across the
		 * 1024-byte chunks and the 4096-byte position. */
		off = rnd() % (2 * SEAL_L_BYTES);
		len = 1 + rnd() % sizeof(ours);
		seal_keystream(&sk, n, off, ours, len);
		ck_assert_int_eq(cryptopp_seal_keystream(key, n, off, theirs,
		    len), 0);
		ck_assert_msg(memcmp(ours, theirs, len) == 0,
		    "key %d n %08x off %zu len %zu", k, n, off, len);
		cmp += (int)len;
	}
	ck_assert_int_gt(cmp, 200 * 1000);
}
END_TEST
#endif

/* Keystream of position N from byte 0 of the KAT key's SA. */
static void
keystream(const uint8_t *key, uint32_t n, uint8_t *out, size_t len)
{
#ifdef HAVE_CRYPTOPP
	ck_assert_int_eq(cryptopp_seal_keystream(key, n, 0, out, len), 0);
#else
	struct seal_key	sk;

	seal_init(&sk, key);
	seal_keystream(&sk, n, 0, out, len);
#endif
}

START_TEST(test_esp_frame)
{
	static const size_t	 lens[] = { 20, 21, 64, 511, 1400 };
	uint8_t			 ekey[SEAL_KEY_LEN], akey[20];
	uint8_t			 inner[1400], pkt[1500], copy[1500];
	uint8_t			 ks[1500], md[EVP_MAX_MD_SIZE], plain;
	struct esp_params	 p = { 0x7259aadd, TS_ENC_SEAL, 0, TS_AUTH_SHA,
				    ekey, akey };
	struct esp_sa		*o, *in;
	const uint8_t		*got;
	size_t			 len = lens[_i], out, blen, i, mdlen;

	fx_hex(kat_key, ekey, sizeof(ekey));
	memset(akey, 0xa5, sizeof(akey));
	for (i = 0; i < len; i++)
		inner[i] = (uint8_t)(i * 7 + 1);
	ck_assert_uint_eq(esp_enc_keylen(TS_ENC_SEAL, 0), 20);
	ck_assert_ptr_nonnull(o = esp_sa_new(&p));
	ck_assert_ptr_nonnull(in = esp_sa_new(&p));
	ck_assert_uint_eq(esp_sa_iv_len(o), 0);
	ck_assert_uint_eq(esp_sa_icv_len(o), 12);
	/* Two packets: the second's keystream is position 2's. */
	for (i = 1; i <= 2; i++) {
		ck_assert_int_eq(esp_encap(o, inner, len, pkt, sizeof(pkt),
		    &out), ESP_OK);
		blen = (len + 2 + 3) / 4 * 4;
		ck_assert_uint_eq(out, 8 + blen + 12);
		ck_assert_uint_eq(get32(pkt), 0x7259aadd);
		ck_assert_uint_eq(get32(pkt + 4), i);
		keystream(ekey, (uint32_t)i, ks, blen);
		for (size_t j = 0; j < blen; j++) {
			plain = pkt[8 + j] ^ ks[j];
			if (j < len)
				ck_assert_uint_eq(plain, inner[j]);
			else if (j < blen - 2)
				ck_assert_uint_eq(plain, j - len + 1);
			else if (j == blen - 2)
				ck_assert_uint_eq(plain, blen - 2 - len);
			else
				ck_assert_uint_eq(plain, 4);
		}
		ck_assert_ptr_nonnull(EVP_Q_mac(NULL, "HMAC", NULL, "SHA1",
		    NULL, akey, 20, pkt, 8 + blen, md, sizeof(md), &mdlen));
		ck_assert_mem_eq(pkt + 8 + blen, md, 12);
		memcpy(copy, pkt, out);
		ck_assert_int_eq(esp_decap(in, pkt, out, &got, &blen),
		    ESP_OK);
		ck_assert_uint_eq(blen, len);
		ck_assert_mem_eq(got, inner, len);
		/* A bit flipped in the cipher text: the ICV fails. */
		copy[9] ^= 0x10;
		put32(copy + 4, 100 + (uint32_t)i);
		ck_assert_int_eq(esp_decap(in, copy, out, &got, &blen),
		    ESP_ERR_AUTH);
	}
	ck_assert_uint_eq(esp_sa_stats(in)->es_auth_fail, 2);
	ck_assert_uint_eq(esp_sa_stats(in)->es_decaps, 2);
	esp_sa_free(o);
	esp_sa_free(in);
}
END_TEST

START_TEST(test_esp_limits)
{
	static uint8_t		 inner[4200], pkt[4400];
	uint8_t			 ekey[SEAL_KEY_LEN], akey[20] = { 0 };
	struct esp_params	 p = { 1, TS_ENC_SEAL, 0, TS_AUTH_NONE, ekey,
				    akey };
	struct esp_sa		*o;
	size_t			 out;

	memset(ekey, 1, sizeof(ekey));
	/* IOS: esp-seal needs an authentication transform. */
	ck_assert_ptr_null(esp_sa_new(&p));
	p.ep_auth = TS_AUTH_MD5;
	ck_assert_ptr_nonnull(o = esp_sa_new(&p));
	ck_assert_uint_eq(esp_sa_icv_len(o), 12);
	/* 4094 bytes + 2 fill one position; one more would reuse the
	 * next sequence number's keystream. */
	ck_assert_int_eq(esp_encap(o, inner, 4094, pkt, sizeof(pkt), &out),
	    ESP_OK);
	ck_assert_int_eq(esp_encap(o, inner, 4095, pkt, sizeof(pkt), &out),
	    ESP_ERR_CRYPTO);
	ck_assert_uint_eq(esp_sa_stats(o)->es_send_errors, 1);
	esp_sa_free(o);
}
END_TEST

static Suite *
seal_suite(void)
{
	Suite	*s = suite_create("seal");
	TCase	*tc = tcase_create("seal");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_kat, 0, 3);
#ifdef HAVE_CRYPTOPP
	tcase_add_test(tc, test_cryptopp_kat);
	tcase_add_test(tc, test_cryptopp_many);
#endif
	tcase_add_loop_test(tc, test_esp_frame, 0, 5);
	tcase_add_test(tc, test_esp_limits);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(seal_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
