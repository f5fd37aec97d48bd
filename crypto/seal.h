/*
 * seal: SEAL 3.0, the length-increasing pseudo-random function of
 * Rogaway and Coppersmith ("A Software-Optimized Encryption Algorithm",
 * J. Cryptology 11(4), 1998; the 1997 revision defines 3.0), keyed with
 * 160 bits as IOS's esp-seal is ("SEAL encryption uses a 160-bit
 * encryption key", Cisco document 50880, seed 004).
 *
 * SEAL maps a 32-bit position n to L bits of keystream; here L = 32768
 * (4096 bytes per position), the paper's example and Crypto++'s default
 * ("NumberOfOutputBitsPerPositionIndex" 32*1024).  Keystream words are
 * written big-endian: the byte order of Crypto++'s SEAL<BigEndian>
 * (SEAL-3.0-BE), whose test vector (TestVectors/seal.txt: key
 * 67452301efcdab8998badcfe10325476c3d2e1f0, n = 0x013577af) is "verified
 * against partial ciphertext from 1997 SEAL paper"; tests/check_seal.c
 * checks it.  A position longer than L continues into position n + 1,
 * as Crypto++ does, so the two agree byte for byte at any offset.
 *
 * The key schedule uses the SHA-1 compression function (FIPS 180) on a
 * key-dependent chaining value, written here: OpenSSL 3's EVP has no
 * compression-function call.
 */
#ifndef IOSH_CRYPTO_SEAL_H
#define IOSH_CRYPTO_SEAL_H

#include <stddef.h>
#include <stdint.h>

#define SEAL_KEY_LEN	20	/* 160 bits */
#define SEAL_L_BYTES	4096	/* keystream per position n */

struct seal_key {
	uint32_t	sk_t[512];	/* T = Gamma_a(0 .. 511) */
	uint32_t	sk_s[256];	/* S = Gamma_a(0x1000 .. 0x10ff) */
	uint32_t	sk_r[16];	/* R = Gamma_a(0x2000 .. 0x200f) */
};

void	seal_init(struct seal_key *, const uint8_t key[SEAL_KEY_LEN]);
/* LEN bytes of keystream for position N from byte OFF on. */
void	seal_keystream(const struct seal_key *, uint32_t n, size_t off,
	    uint8_t *out, size_t len);
/* BUF ^= the keystream of position N from byte 0 (encrypt = decrypt). */
void	seal_xor(const struct seal_key *, uint32_t n, uint8_t *buf,
	    size_t len);

#endif
