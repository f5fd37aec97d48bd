/*
 * seal: SEAL 3.0 (seal.h).  The names follow the paper: Gamma_a(i) is
 * word i mod 5 of the SHA-1 compression of the block (i / 5, 0, ..., 0)
 * under chaining value a (the key as five big-endian words); T, S and R
 * are tables of Gamma; each position n is generated in chunks of 1024
 * bytes (64 rounds of four words), chunk l mixing in R[4l .. 4l+3].
 */
#include <string.h>

#include <openssl/crypto.h>

#include "crypto/seal.h"
#include "lib/bytes.h"

#define CHUNK		1024			/* bytes per inner round l */
#define CHUNKS		(SEAL_L_BYTES / CHUNK)	/* L / 8192 bits */

static inline uint32_t
rotl(uint32_t x, unsigned s)
{
	return x << s | x >> (32 - s);
}

static inline uint32_t
rotr(uint32_t x, unsigned s)
{
	return x >> s | x << (32 - s);
}

/* The SHA-1 compression function of FIPS 180-4 §6.1.2 (one block,
 * already as words), feed-forward included: H = H + f(H, W). */
static void
sha1_compress(uint32_t h[5], const uint32_t m[16])
{
	uint32_t	w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	uint32_t	f, k, t;
	int		i;

	memcpy(w, m, 16 * sizeof(*w));
	for (i = 16; i < 80; i++)
		w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = rotl(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = rotl(b, 30);
		b = a;
		a = t;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
	OPENSSL_cleanse(w, sizeof(w));
}

/* Gamma_a over COUNT consecutive indices from FIRST into OUT. */
static void
gamma_fill(const uint32_t a[5], uint32_t first, uint32_t *out, size_t count)
{
	uint32_t	m[16], z[5], blk = UINT32_MAX, i;
	size_t		j;

	memset(m, 0, sizeof(m));
	for (j = 0; j < count; j++) {
		i = first + (uint32_t)j;
		if (i / 5 != blk) {
			blk = i / 5;
			memcpy(z, a, sizeof(z));
			m[0] = blk;
			sha1_compress(z, m);
		}
		out[j] = z[i % 5];
	}
	OPENSSL_cleanse(z, sizeof(z));
}

void
seal_init(struct seal_key *sk, const uint8_t key[SEAL_KEY_LEN])
{
	uint32_t	a[5];
	int		i;

	for (i = 0; i < 5; i++)
		a[i] = get32(key + 4 * i);
	gamma_fill(a, 0, sk->sk_t, 512);
	gamma_fill(a, 0x1000, sk->sk_s, 256);
	gamma_fill(a, 0x2000, sk->sk_r, 16);
	OPENSSL_cleanse(a, sizeof(a));
}

/* T indexed by a byte offset that is a multiple of 4 (the paper's
 * "P & 0x7fc"): the table's word at that offset. */
#define T(p)	(sk->sk_t[(p) >> 2])

/* Chunk L of position N, big-endian, into OUT: its first ROUNDS of 64
 * rounds (16 bytes each; a short packet needs only a few). */
static void
seal_chunk(const struct seal_key *sk, uint32_t n, unsigned l, uint8_t *out,
    unsigned rounds)
{
	const uint32_t	*r = sk->sk_r + 4 * l;
	uint32_t	 a, b, c, d, p, q;
	uint32_t	 n1 = 0, n2 = 0, n3 = 0, n4 = 0;
	unsigned	 i, j;

	a = n ^ r[0];
	b = rotr(n, 8) ^ r[1];
	c = rotr(n, 16) ^ r[2];
	d = rotr(n, 24) ^ r[3];
	/* Two mixing passes, keep n1..n4, then a third (paper, fig. 2). */
	for (j = 0; j < 3; j++) {
		if (j == 2) {
			n1 = d;
			n2 = b;
			n3 = a;
			n4 = c;
		}
		p = a & 0x7fc; b += T(p); a = rotr(a, 9);
		p = b & 0x7fc; c += T(p); b = rotr(b, 9);
		p = c & 0x7fc; d += T(p); c = rotr(c, 9);
		p = d & 0x7fc; a += T(p); d = rotr(d, 9);
	}
	for (i = 0; i < rounds; i++) {
		p = a & 0x7fc; a = rotr(a, 9); b += T(p); b ^= a;
		q = b & 0x7fc; b = rotr(b, 9); c ^= T(q); c += b;
		p = (p + c) & 0x7fc; c = rotr(c, 9); d += T(p); d ^= c;
		q = (q + d) & 0x7fc; d = rotr(d, 9); a ^= T(q); a += d;
		p = (p + a) & 0x7fc; b ^= T(p); a = rotr(a, 9);
		q = (q + b) & 0x7fc; c += T(q); b = rotr(b, 9);
		p = (p + c) & 0x7fc; d ^= T(p); c = rotr(c, 9);
		q = (q + d) & 0x7fc; d = rotr(d, 9); a += T(q);
		put32(out + 16 * i, b + sk->sk_s[4 * i]);
		put32(out + 16 * i + 4, c ^ sk->sk_s[4 * i + 1]);
		put32(out + 16 * i + 8, d + sk->sk_s[4 * i + 2]);
		put32(out + 16 * i + 12, a ^ sk->sk_s[4 * i + 3]);
		if (i & 1) {
			a += n3; b += n4; c ^= n3; d ^= n4;
		} else {
			a += n1; b += n2; c ^= n1; d ^= n2;
		}
	}
}

/* Walk the keystream of position N from byte OFF, LEN bytes, handing
 * each piece to XOR into (or copy to) OUT. */
static void
seal_walk(const struct seal_key *sk, uint32_t n, size_t off, uint8_t *out,
    size_t len, int xor)
{
	uint8_t	ks[CHUNK];
	size_t	c, k, take;

	n += (uint32_t)(off / SEAL_L_BYTES);
	off %= SEAL_L_BYTES;
	while (len > 0) {
		c = off / CHUNK;
		take = CHUNK - off % CHUNK;
		if (take > len)
			take = len;
		seal_chunk(sk, n, (unsigned)c, ks,
		    (unsigned)((off % CHUNK + take + 15) / 16));
		if (xor)
			for (k = 0; k < take; k++)
				out[k] ^= ks[off % CHUNK + k];
		else
			memcpy(out, ks + off % CHUNK, take);
		out += take;
		len -= take;
		off += take;
		if (off == SEAL_L_BYTES) {
			off = 0;
			n++;
		}
	}
	OPENSSL_cleanse(ks, sizeof(ks));
}

void
seal_keystream(const struct seal_key *sk, uint32_t n, size_t off,
    uint8_t *out, size_t len)
{
	seal_walk(sk, n, off, out, len, 0);
}

void
seal_xor(const struct seal_key *sk, uint32_t n, uint8_t *buf, size_t len)
{
	seal_walk(sk, n, 0, buf, len, 1);
}
