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
#include "dataplane/fwd.h"
#include "dataplane/nat.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/xalloc.h"

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

uint32_t
ip4_lenmask(unsigned len)
{
	return len == 0 ? 0 : 0xffffffffU << (32 - len);
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

	dp = xcalloc(1, sizeof(*dp));
	dp->d_sys = sys;
	fwd_init(dp);
	nat_init(dp);
	return dp;
}

void
dp_free(struct dataplane *dp)
{
	if (dp == NULL)
		return;
	cdp_free(dp);
	/* Wires first: nothing may arrive for a half-freed dataplane. */
	iface_free_all(dp);
	tunnel_free(dp);
	dhcps_free(dp);
	moncap_free_all(dp);
	fwd_free(dp);
	acl_free_all(dp);
	route_free_all(dp);
	nat_free(dp);
	free(dp);
}

void
dp_nvgen(const struct dataplane *dp, enum nv_section sec, struct strbuf *sb)
{
	switch (sec) {
	case NV_GLOBAL:
		if (dp->d_ipv6_unicast_routing)
			nv_line(sb, 0, "ipv6 unicast-routing");
		dhcps_nvgen(dp, sb);
		break;
	case NV_INTERFACE:
		iface_nvgen(dp, sb);
		break;
	case NV_IP:
		route_nvgen(dp, sec, sb);
		break;
	case NV_ACL_NAMED:
	case NV_ACL:
		acl_nvgen(dp, sec == NV_ACL_NAMED, sb);
		/* IOS writes its cdp line after the access-lists. */
		if (sec == NV_ACL)
			cdp_nvgen(dp, sb);
		break;
	default:
		break;
	}
}
