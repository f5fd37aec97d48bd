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
