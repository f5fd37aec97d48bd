/*
 * inet4: IPv4 addresses as text (see inet4.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "lib/bytes.h"
#include "lib/inet4.h"

/*
 * Digit by digit, not snprintf: IKE names its peer in text on every
 * message (SA lookups, debug lines built or not), and the format call
 * was a percent of a group 19 setup.  Same text as "%u.%u.%u.%u".
 */
const char *
ip4_text(uint32_t a, char buf[IP4_TEXT_LEN])
{
	char		*p = buf;
	unsigned	 o;
	int		 i;

	for (i = 24; i >= 0; i -= 8) {
		o = (a >> i) & 0xff;
		if (o >= 100)
			*p++ = (char)('0' + o / 100);
		if (o >= 10)
			*p++ = (char)('0' + o / 10 % 10);
		*p++ = (char)('0' + o % 10);
		*p++ = i ? '.' : '\0';
	}
	return buf;
}

/*
 * inet_pton(AF_INET)'s grammar exactly (glibc's inet_pton4: four decimal
 * parts of 0-255, no leading zero, nothing else), on LEN bytes that need
 * no terminating NUL: the command matcher asks it of every word an address
 * token meets, and copying each word to call inet_pton was a tenth of a
 * configuration load.
 */
bool
ip4_parse_n(const char *s, size_t len, uint32_t *out)
{
	const char	*p = s, *end = s + len;
	uint32_t	 a = 0, part;
	int		 parts;

	/* An octet at a time: digits, then a dot before the next. */
	for (parts = 0; parts < 4; parts++) {
		if (parts > 0 && (p == end || *p++ != '.'))
			return false;
		if (p == end || (unsigned)(*p - '0') > 9)
			return false;
		part = (uint32_t)(*p++ - '0');
		while (p < end && (unsigned)(*p - '0') <= 9) {
			if (part == 0)
				return false;		/* a leading zero */
			part = part * 10 + (uint32_t)(*p++ - '0');
			if (part > 255)
				return false;
		}
		a = a << 8 | part;
	}
	if (p != end)
		return false;
	*out = a;
	return true;
}

bool
ip4_parse(const char *s, uint32_t *out)
{
	return ip4_parse_n(s, strlen(s), out);
}

/*
 * Four bytes at a time, each loaded as it lies in memory: 2^16 = 1
 * modulo 0xffff, so summing 32-bit words and folding is the one's
 * complement sum of the 16-bit words, and that sum does not depend on
 * the byte order it is taken in (RFC 1071 2(B)): the machine's order's
 * sum, folded and brought to network order (ntohs), is the sum of the
 * big-endian words, to which SUM (a sum of big-endian words, as
 * ip4_pseudo's) is added.  Byte-by-byte big-endian loads were three
 * times the instructions, and every forwarded packet's header is summed
 * on the way in and each ESP packet's on the way out.
 */
uint16_t
in_cksum(const uint8_t *p, size_t len, uint32_t sum)
{
	uint64_t	acc = 0;
	uint32_t	w;
	uint16_t	h;
	uint8_t		last[2] = { 0, 0 };

	for (; len >= 4; p += 4, len -= 4) {
		memcpy(&w, p, 4);
		acc += w;
	}
	if (len >= 2) {
		memcpy(&h, p, 2);
		acc += h;
		p += 2;
		len -= 2;
	}
	if (len == 1) {		/* the high byte of a last word */
		last[0] = p[0];
		memcpy(&h, last, 2);
		acc += h;
	}
	acc = (uint64_t)ntohs(in_cksum_fold(acc)) + sum;
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)~acc;
}

uint32_t
ip4_pseudo(const uint8_t *ip, size_t len, uint8_t proto)
{
	return (uint32_t)get16(ip + 12) + get16(ip + 14) + get16(ip + 16) +
	    get16(ip + 18) + proto + (uint32_t)len;
}

uint32_t
ip6_pseudo(const uint8_t *p, size_t plen, uint8_t nxt)
{
	uint32_t	sum = (uint32_t)(plen >> 16) + (plen & 0xffff) + nxt;
	size_t		i;

	for (i = 8; i < 40; i += 2)
		sum += get16(p + i);
	return sum;
}

void
ip4_hdr(uint8_t *ip, size_t len, uint8_t proto, uint32_t src, uint32_t dst)
{
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)len);
	ip[8] = 64;
	ip[9] = proto;
	put32(ip + 12, src);
	put32(ip + 16, dst);
	put16(ip + 10, in_cksum(ip, 20, 0));
}
