/*
 * ike_keys: the IKEv1 pre-shared-key schedule (ike_keys.h), a sequence of
 * prf calls over wire-format pieces, each step as RFC 2409 writes it.
 */
#include <openssl/crypto.h>

#include <string.h>

#include "crypto/ike_keys.h"

#define P(p, n)	{ (p), (n) }

int
ike_skeyid_psk(struct ike_keys *k, enum ike_hash h, const uint8_t *psk,
    size_t psk_len, const uint8_t *ni, size_t ni_len, const uint8_t *nr,
    size_t nr_len)
{
	struct ike_piece	pc[] = { P(ni, ni_len), P(nr, nr_len) };

	memset(k, 0, sizeof(*k));
	k->k_hash = h;
	if ((k->k_len = ike_hash_len(h)) == 0)
		return -1;
	return ike_prf(h, psk, psk_len, pc, 2, k->k_skeyid);
}

int
ike_skeyid_dae(struct ike_keys *k, const uint8_t *gxy, size_t gxy_len,
    const uint8_t cky_i[8], const uint8_t cky_r[8])
{
	static const uint8_t	 n0 = 0, n1 = 1, n2 = 2;
	struct ike_piece	 d[] = { P(gxy, gxy_len), P(cky_i, 8),
				    P(cky_r, 8), P(&n0, 1) };
	struct ike_piece	 a[] = { P(k->k_skeyid_d, k->k_len),
				    P(gxy, gxy_len), P(cky_i, 8), P(cky_r, 8),
				    P(&n1, 1) };
	struct ike_piece	 e[] = { P(k->k_skeyid_a, k->k_len),
				    P(gxy, gxy_len), P(cky_i, 8), P(cky_r, 8),
				    P(&n2, 1) };

	if (ike_prf(k->k_hash, k->k_skeyid, k->k_len, d, 4, k->k_skeyid_d) ||
	    ike_prf(k->k_hash, k->k_skeyid, k->k_len, a, 5, k->k_skeyid_a) ||
	    ike_prf(k->k_hash, k->k_skeyid, k->k_len, e, 5, k->k_skeyid_e))
		return -1;
	return 0;
}

int
ike_enc_key(const struct ike_keys *k, size_t len, uint8_t *out)
{
	static const uint8_t	 zero = 0;
	uint8_t			 kn[IKE_PRF_MAX];
	struct ike_piece	 pc;
	size_t			 got, n;

	if (len <= k->k_len) {
		memcpy(out, k->k_skeyid_e, len);
		return 0;
	}
	pc = (struct ike_piece)P(&zero, 1);
	for (got = 0; got < len; got += n) {
		if (ike_prf(k->k_hash, k->k_skeyid_e, k->k_len, &pc, 1, kn)) {
			OPENSSL_cleanse(kn, sizeof(kn));
			return -1;
		}
		n = len - got < k->k_len ? len - got : k->k_len;
		memcpy(out + got, kn, n);
		pc = (struct ike_piece)P(out + got, k->k_len);
	}
	OPENSSL_cleanse(kn, sizeof(kn));
	return 0;
}

int
ike_hash_i(const struct ike_keys *k, const uint8_t *gxi, const uint8_t *gxr,
    size_t g_len, const uint8_t cky_i[8], const uint8_t cky_r[8],
    const uint8_t *sai_b, size_t sai_len, const uint8_t *id_b, size_t id_len,
    uint8_t *out)
{
	struct ike_piece	pc[] = { P(gxi, g_len), P(gxr, g_len),
				    P(cky_i, 8), P(cky_r, 8), P(sai_b, sai_len),
				    P(id_b, id_len) };

	return ike_prf(k->k_hash, k->k_skeyid, k->k_len, pc, 6, out);
}

int
ike_hash_r(const struct ike_keys *k, const uint8_t *gxi, const uint8_t *gxr,
    size_t g_len, const uint8_t cky_i[8], const uint8_t cky_r[8],
    const uint8_t *sai_b, size_t sai_len, const uint8_t *id_b, size_t id_len,
    uint8_t *out)
{
	struct ike_piece	pc[] = { P(gxr, g_len), P(gxi, g_len),
				    P(cky_r, 8), P(cky_i, 8), P(sai_b, sai_len),
				    P(id_b, id_len) };

	return ike_prf(k->k_hash, k->k_skeyid, k->k_len, pc, 6, out);
}

int
ike_iv_phase1(enum ike_hash h, const uint8_t *gxi, const uint8_t *gxr,
    size_t g_len, size_t block, uint8_t *iv)
{
	struct ike_piece	pc[] = { P(gxi, g_len), P(gxr, g_len) };
	uint8_t			md[IKE_PRF_MAX];

	if (block > ike_hash_len(h) || ike_hash(h, pc, 2, md))
		return -1;
	memcpy(iv, md, block);
	return 0;
}

int
ike_iv_phase2(enum ike_hash h, const uint8_t *last_block, size_t block,
    const uint8_t msgid[4], uint8_t *iv)
{
	struct ike_piece	pc[] = { P(last_block, block), P(msgid, 4) };
	uint8_t			md[IKE_PRF_MAX];

	if (block > ike_hash_len(h) || ike_hash(h, pc, 2, md))
		return -1;
	memcpy(iv, md, block);
	return 0;
}

int
ike_qm_hash1(const struct ike_keys *k, const uint8_t msgid[4],
    const uint8_t *rest, size_t rest_len, uint8_t *out)
{
	struct ike_piece	pc[] = { P(msgid, 4), P(rest, rest_len) };

	return ike_prf(k->k_hash, k->k_skeyid_a, k->k_len, pc, 2, out);
}

int
ike_qm_hash2(const struct ike_keys *k, const uint8_t msgid[4],
    const uint8_t *ni_b, size_t ni_len, const uint8_t *rest, size_t rest_len,
    uint8_t *out)
{
	struct ike_piece	pc[] = { P(msgid, 4), P(ni_b, ni_len),
				    P(rest, rest_len) };

	return ike_prf(k->k_hash, k->k_skeyid_a, k->k_len, pc, 3, out);
}

int
ike_qm_hash3(const struct ike_keys *k, const uint8_t msgid[4],
    const uint8_t *ni_b, size_t ni_len, const uint8_t *nr_b, size_t nr_len,
    uint8_t *out)
{
	static const uint8_t	zero = 0;
	struct ike_piece	pc[] = { P(&zero, 1), P(msgid, 4),
				    P(ni_b, ni_len), P(nr_b, nr_len) };

	return ike_prf(k->k_hash, k->k_skeyid_a, k->k_len, pc, 4, out);
}

int
ike_keymat(const struct ike_keys *k, const uint8_t *gqm, size_t gqm_len,
    uint8_t protocol, const uint8_t spi[4], const uint8_t *ni_b,
    size_t ni_len, const uint8_t *nr_b, size_t nr_len, uint8_t *out,
    size_t len)
{
	uint8_t			 kn[IKE_PRF_MAX];
	struct ike_piece	 pc[] = { P(NULL, 0), P(gqm, gqm ? gqm_len : 0),
				    P(&protocol, 1), P(spi, 4), P(ni_b, ni_len),
				    P(nr_b, nr_len) };
	size_t			 got, n;

	for (got = 0; got < len; got += n) {
		if (ike_prf(k->k_hash, k->k_skeyid_d, k->k_len, pc, 6, kn)) {
			OPENSSL_cleanse(kn, sizeof(kn));
			return -1;
		}
		n = len - got < k->k_len ? len - got : k->k_len;
		memcpy(out + got, kn, n);
		pc[0] = (struct ike_piece)P(out + got, k->k_len);
	}
	/* PRF output is key material: none left on the stack. */
	OPENSSL_cleanse(kn, sizeof(kn));
	return 0;
}
