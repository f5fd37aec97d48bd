/*
 * inet4: IPv4 addresses as text, the way IOS writes them (dotted quad,
 * no leading zeros), and the Internet checksum.  Addresses are held in
 * host order throughout iosh.
 */
#ifndef IOSH_LIB_INET4_H
#define IOSH_LIB_INET4_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define IP4_TEXT_LEN	16	/* "255.255.255.255" and its NUL */

/* A in BUF; returns BUF, so it can stand in a printf argument list. */
const char	*ip4_text(uint32_t a, char buf[IP4_TEXT_LEN]);
/* A dotted quad in *OUT (host order); false when S is not one. */
bool		 ip4_parse(const char *s, uint32_t *out);
/* The same on LEN bytes of S (no NUL needed). */
bool		 ip4_parse_n(const char *s, size_t len, uint32_t *out);

/* The Internet checksum (RFC 1071) of P, SUM a partial sum already
 * taken (a pseudo-header); in host order, ready for put16. */
uint16_t	 in_cksum(const uint8_t *p, size_t len, uint32_t sum);

/* A sum of 16- or 32-bit words taken in the machine's order (RFC 1071
 * 2(B)) folded to 16 bits, not complemented: in_cksum's, the 20-byte
 * check's below and the egress's remembered header sum's. */
static inline uint16_t
in_cksum_fold(uint64_t acc)
{
	acc = (acc & 0xffffffff) + (acc >> 32);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)((acc & 0xffff) + (acc >> 16));
}

/*
 * Whether the 20-byte IPv4 header at P (no options) sums right: every
 * datagram received is checked, and in_cksum's call, loop and tail
 * tests were ~55 instructions of a 64-byte packet's path for five
 * loads (issue 22).  It is right when the sum folds to all ones, which
 * no byte order changes.  Folding keeps the sum's residue modulo
 * 0xffff (2^16 and 2^32 are 1 modulo 0xffff) and a nonzero sum stays
 * nonzero, in 1..0xffff at the end: it folds to all ones exactly when
 * it is a nonzero multiple of 0xffff — tested so, which GCC makes a
 * multiplication and a compare (no division), half the fold's
 * instructions; twice for every ESP packet a router receives.
 */
static inline bool
in_cksum_ok20(const uint8_t *p)
{
	uint64_t	a, b, acc;
	uint32_t	c;

	/* Loaded into registers, three loads: as an array GCC loads it
	 * with a vector load and reads the words back from a copy on the
	 * stack, a store-to-load round trip per header (perf: the
	 * hottest instruction of ip4_receive and dp_ip_input). */
	memcpy(&a, p, 8);
	memcpy(&b, p + 8, 8);
	memcpy(&c, p + 16, 4);
	acc = (a & 0xffffffff) + (a >> 32) + (b & 0xffffffff) + (b >> 32) + c;
	/* acc % 0xffff == 0, written as GCC makes it where it optimises
	 * for speed: times the inverse of 0xffff modulo 2^64, the
	 * multiples of 0xffff are exactly the products up to
	 * (2^64 - 1) / 0xffff.  Where GCC deems the code cold it makes a
	 * division (ip4_receive's copy for the datagram ESP carried). */
	return acc * 0xfffefffefffeffffULL <= 0x1000100010001ULL && acc != 0;
}

/* The partial sum of the pseudo-header of the IPv6 datagram P (its
 * addresses, PLEN, next header NXT; RFC 8200 8.1) for in_cksum: the
 * dataplane's UDP and ICMPv6, and crypto's ESP in UDP over IPv6. */
uint32_t	 ip6_pseudo(const uint8_t *p, size_t plen, uint8_t nxt);
/* The same for the IPv4 datagram IP: its addresses, the LEN bytes after
 * its header, protocol PROTO (RFC 793 3.1, RFC 768). */
uint32_t	 ip4_pseudo(const uint8_t *ip, size_t len, uint8_t proto);

/* A 20-byte IPv4 header at IP for PROTO from SRC to DST, LEN bytes in
 * all, TTL 64, identification 0, with its checksum: for the tests and
 * load generators that build packets by hand. */
void		 ip4_hdr(uint8_t *ip, size_t len, uint8_t proto, uint32_t src,
		    uint32_t dst);

#endif
