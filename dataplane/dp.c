/*
 * dp: the dataplane object of one router, its running-configuration
 * sections, and the small helpers (memory, addresses) its files share.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "lib/nvgen.h"

void *
dp_calloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n, size)) == NULL)
		abort();
	return p;
}

char *
dp_strdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		abort();
	return p;
}

/* Replace *DST by a copy of SRC (NULL clears it). */
void
dp_strset(char **dst, const char *src)
{
	char	*n = src != NULL ? dp_strdup(src) : NULL;

	free(*dst);
	*dst = n;
}

void
ip4_fmt(uint32_t a, char *buf)
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff,
	    (a >> 8) & 0xff, a & 0xff);
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

/* Contiguous ones from the top. */
bool
ip4_mask_ok(uint32_t m)
{
	return (~m & (~m + 1)) == 0;
}

unsigned
ip4_masklen(uint32_t m)
{
	unsigned	n = 0;

	while (m & 0x80000000U) {
		n++;
		m <<= 1;
	}
	return n;
}

/* IOS prints IPv6 addresses in upper case, zeros compressed. */
void
ip6_fmt(const uint8_t *a, char *buf)
{
	char	*p;

	inet_ntop(AF_INET6, a, buf, 46);
	for (p = buf; *p; p++)
		*p = (char)toupper((unsigned char)*p);
}

struct dataplane *
dp_new(struct system *sys)
{
	struct dataplane	*dp;

	dp = dp_calloc(1, sizeof(*dp));
	dp->d_sys = sys;
	fwd_init(dp);
	return dp;
}

void
dp_free(struct dataplane *dp)
{
	if (dp == NULL)
		return;
	/* Wires first: nothing may arrive for a half-freed dataplane. */
	iface_free_all(dp);
	moncap_free_all(dp);
	fwd_free(dp);
	acl_free_all(dp);
	route_free_all(dp);
	free(dp);
}

void
dp_nvgen(const struct dataplane *dp, enum nv_section sec, struct strbuf *sb)
{
	switch (sec) {
	case NV_GLOBAL:
		if (dp->d_ipv6_unicast_routing)
			nv_line(sb, 0, "ipv6 unicast-routing");
		break;
	case NV_INTERFACE:
		iface_nvgen(dp, sb);
		break;
	case NV_IP:
		route_nvgen(dp, sec, sb);
		break;
	case NV_ACL:
		acl_nvgen(dp, sb);
		break;
	default:
		break;
	}
}
