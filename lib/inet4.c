/*
 * inet4: IPv4 addresses as text (see inet4.h).
 */
#include <arpa/inet.h>
#include <stdio.h>

#include "lib/inet4.h"

const char *
ip4_text(uint32_t a, char buf[IP4_TEXT_LEN])
{
	snprintf(buf, IP4_TEXT_LEN, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff,
	    (a >> 8) & 0xff, a & 0xff);
	return buf;
}

bool
ip4_parse(const char *s, uint32_t *out)
{
	struct in_addr	in;

	if (inet_pton(AF_INET, s, &in) != 1)
		return false;
	*out = ntohl(in.s_addr);
	return true;
}

uint16_t
in_cksum(const uint8_t *p, size_t len, uint32_t sum)
{
	size_t	i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}
