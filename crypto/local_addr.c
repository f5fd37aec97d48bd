/*
 * local_addr: `local-address INTERFACE|A.B.C.D` of a keyring and of an
 * isakmp profile (issue 15).  Either is then used only for negotiations
 * whose local address is that address, or the interface's address as it
 * is now (a DHCP-addressed interface follows its lease).
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static void
la_set(struct local_addr *la, const struct cmd_args *m)
{
	const char	*a = cmd_arg(m, "laddr");

	xstrset(&la->la_if, NULL);
	la->la_addr = 0;
	if (cmd_negated(m))
		return;
	if (a != NULL)
		(void)ip4_parse(a, &la->la_addr);
	else
		xstrset(&la->la_if, cmd_arg(m, "lif"));
}

int
keyring_local_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct keyring	*kr = vty->v_ctx;

	la_set(&kr->kr_local, m);
	return CMD_SUCCESS;
}

int
profile_local_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	la_set(&pr->pr_local, m);
	return CMD_SUCCESS;
}

void
local_addr_free(struct local_addr *la)
{
	free(la->la_if);
}

void
local_addr_nvgen(const struct local_addr *la, struct strbuf *sb,
    unsigned indent)
{
	char	a[IP4_TEXT_LEN];

	if (la->la_if != NULL)
		nv_line(sb, indent, "local-address %s", la->la_if);
	else if (la->la_addr != 0)
		nv_line(sb, indent, "local-address %s", ip4_text(la->la_addr,
		    a));
}

bool
local_addr_admits(const struct crypto *c, const struct local_addr *la,
    const struct sa_addr *local)
{
	const struct dp_iface	*ifp;
	uint32_t		 a, mask;

	/* local-address names an IPv4 address or interface: an IPv6
	 * negotiation is admitted only where none is set. */
	if (la->la_if == NULL)
		return la->la_addr == 0 || (local->sa_family == 4 &&
		    la->la_addr == sa_addr_get4(local));
	ifp = dp_iface_find(c->c_sys->sy_dp, la->la_if);
	return ifp != NULL && local->sa_family == 4 &&
	    dp_iface_ipv4(ifp, &a, &mask) && a == sa_addr_get4(local);
}
