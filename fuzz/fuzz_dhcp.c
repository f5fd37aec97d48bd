/*
 * libFuzzer target: the DHCP/BOOTP codec (dataplane/dhcp_msg.c) on
 * untrusted datagrams.  Anything on UDP 67/68 of an interface reaches it
 * before the client or server has judged it, so it must refuse what is
 * malformed without reading past it.  What parses is rebuilt; the
 * rebuilt message must parse again and rebuild to the same bytes
 * (the builder and the parser agree).
 *
 * Reached (reach.h): inputs that parsed ("parsed").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dhcp_msg.h"
#include "fuzz/reach.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static uint8_t	out1[DHCP_MAX_LEN], out2[DHCP_MAX_LEN];
static struct reach	reached[] = { { "parsed", 0 } };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct dhcp_msg	m, m2;
	size_t		l1, l2;

	if (reach_inputs++ == 0)
		reach_init("fuzz_dhcp", reached, 1);
	if (!dhcp_parse(data, len, &m))
		return 0;
	reached[0].r_n++;
	if (m.dm_type == 0)
		m.dm_type = DHCPINFORM;	/* BOOTP: the builder always types */
	l1 = dhcp_build(&m, out1);
	if (l1 > DHCP_MAX_LEN || !dhcp_parse(out1, l1, &m2))
		abort();
	l2 = dhcp_build(&m2, out2);
	if (l1 != l2 || memcmp(out1, out2, l1) != 0)
		abort();
	if (m2.dm_xid != m.dm_xid || m2.dm_type != m.dm_type ||
	    m2.dm_yiaddr != m.dm_yiaddr)
		abort();
	return 0;
}
