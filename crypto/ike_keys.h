/*
 * ike_keys: the IKEv1 key schedule for pre-shared keys (RFC 2409 §5, §5.5,
 * Appendix B): SKEYID and its three children, the phase-1 encryption key,
 * HASH_I/HASH_R, the phase-1 and phase-2 IVs, Quick Mode HASH(1)/(2)/(3)
 * (and the informational HASH, which is HASH(1)'s formula) and KEYMAT.
 *
 * Byte strings are passed as they appear on the wire: "_b" bodies are
 * payloads without their 4-byte generic header, M-IDs and SPIs in network
 * order.  The IV rules, for the engine (RFC 2409 §5, Appendix B):
 *   - the first encrypted Main Mode message (MM5) uses ike_iv_phase1();
 *     every later message of the exchange uses the last ciphertext block
 *     of the message before it (ike_cipher.h hands that back);
 *   - the last ciphertext block of phase 1 (the IV after MM6) is kept for
 *     the life of the ISAKMP SA: each Quick Mode and informational
 *     exchange starts from ike_iv_phase2(that block, its M-ID) and then
 *     chains within the exchange as above.
 */
#ifndef IOSH_CRYPTO_IKE_KEYS_H
#define IOSH_CRYPTO_IKE_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/ike_prf.h"

struct ike_keys {
	enum ike_hash	k_hash;
	size_t		k_len;			/* prf output length */
	uint8_t		k_skeyid[IKE_PRF_MAX];
	uint8_t		k_skeyid_d[IKE_PRF_MAX];
	uint8_t		k_skeyid_a[IKE_PRF_MAX];
	uint8_t		k_skeyid_e[IKE_PRF_MAX];
};

/* SKEYID = prf(pre-shared-key, Ni_b | Nr_b). */
int	ike_skeyid_psk(struct ike_keys *, enum ike_hash, const uint8_t *psk,
	    size_t psk_len, const uint8_t *ni, size_t ni_len,
	    const uint8_t *nr, size_t nr_len);
/* SKEYID_d, _a, _e from SKEYID, g^xy and the cookies. */
int	ike_skeyid_dae(struct ike_keys *, const uint8_t *gxy, size_t gxy_len,
	    const uint8_t cky_i[8], const uint8_t cky_r[8]);
/* The phase-1 cipher key: the first LEN bytes of SKEYID_e, or of
 * Ka = K1 | K2 | ... (K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e, Kn-1))
 * when SKEYID_e is shorter (Appendix B). */
int	ike_enc_key(const struct ike_keys *, size_t len, uint8_t *out);

/* HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b) and
 * HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b).
 * Both take the initiator's values first; ID is the sender's ID body. */
int	ike_hash_i(const struct ike_keys *, const uint8_t *gxi,
	    const uint8_t *gxr, size_t g_len, const uint8_t cky_i[8],
	    const uint8_t cky_r[8], const uint8_t *sai_b, size_t sai_len,
	    const uint8_t *id_b, size_t id_len, uint8_t *out);
int	ike_hash_r(const struct ike_keys *, const uint8_t *gxi,
	    const uint8_t *gxr, size_t g_len, const uint8_t cky_i[8],
	    const uint8_t cky_r[8], const uint8_t *sai_b, size_t sai_len,
	    const uint8_t *id_b, size_t id_len, uint8_t *out);

/* Phase-1 IV = hash(g^xi | g^xr), the first BLOCK bytes. */
int	ike_iv_phase1(enum ike_hash, const uint8_t *gxi, const uint8_t *gxr,
	    size_t g_len, size_t block, uint8_t *iv);
/* The first IV of a phase-2 or informational exchange:
 * hash(last phase-1 CBC block | M-ID), the first BLOCK bytes. */
int	ike_iv_phase2(enum ike_hash, const uint8_t *last_block, size_t block,
	    const uint8_t msgid[4], uint8_t *iv);

/* HASH(1) = prf(SKEYID_a, M-ID | the message after the HASH payload);
 * also the HASH of informational exchanges (§5.7). */
int	ike_qm_hash1(const struct ike_keys *, const uint8_t msgid[4],
	    const uint8_t *rest, size_t rest_len, uint8_t *out);
/* HASH(2) = prf(SKEYID_a, M-ID | Ni_b | the message after HASH). */
int	ike_qm_hash2(const struct ike_keys *, const uint8_t msgid[4],
	    const uint8_t *ni_b, size_t ni_len, const uint8_t *rest,
	    size_t rest_len, uint8_t *out);
/* HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b). */
int	ike_qm_hash3(const struct ike_keys *, const uint8_t msgid[4],
	    const uint8_t *ni_b, size_t ni_len, const uint8_t *nr_b,
	    size_t nr_len, uint8_t *out);

/* KEYMAT for one SA (the SPI its receiver chose), LEN bytes:
 * K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b),
 * Kn = prf(SKEYID_d, Kn-1 | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b);
 * GQM is NULL without PFS.  ESP takes its cipher key first, then the
 * authentication key. */
int	ike_keymat(const struct ike_keys *, const uint8_t *gqm, size_t gqm_len,
	    uint8_t protocol, const uint8_t spi[4], const uint8_t *ni_b,
	    size_t ni_len, const uint8_t *nr_b, size_t nr_len, uint8_t *out,
	    size_t len);

#endif
