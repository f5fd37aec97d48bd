/*
 * cmap_client: a crypto map's client settings, the way IOS configured
 * XAUTH and mode-config before isakmp profiles (`crypto map NAME client
 * authentication list LIST`, `crypto map NAME isakmp authorization list
 * LIST`, `crypto map NAME client configuration address
 * respond|initiate`).  They belong to the map's name, not to an entry,
 * so they live apart from the entries (a map may have them before it
 * has any entry) and are rendered just before the map's entries, as IOS
 * renders them.  The IKE engine reads them for a responder whose peer
 * matched no isakmp profile (ike_xauth_map.c).
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

const struct cmap_client *
crypto_map_client_find(const struct crypto *c, const char *name)
{
	const struct cmap_client	*mc;

	if (name == NULL)
		return NULL;
	TAILQ_FOREACH(mc, &c->c_map_clients, mc_entry)
		if (strcmp(mc->mc_name, name) == 0)
			return mc;
	return NULL;
}

static void
mc_free(struct cmap_client *mc)
{
	free(mc->mc_name);
	free(mc->mc_auth);
	free(mc->mc_author);
	free(mc);
}

void
cmap_client_free_all(struct crypto *c)
{
	struct cmap_client	*mc;

	while ((mc = TAILQ_FIRST(&c->c_map_clients)) != NULL) {
		TAILQ_REMOVE(&c->c_map_clients, mc, mc_entry);
		mc_free(mc);
	}
}

int
crypto_map_client_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	struct cmap_client	*mc;
	const char		*name = cmd_arg(m, "name");
	bool			 neg = cmd_negated(m);

	mc = (struct cmap_client *)crypto_map_client_find(c, name);
	if (mc == NULL) {
		if (neg)
			return CMD_SUCCESS;
		mc = xcalloc(1, sizeof(*mc));
		mc->mc_name = xstrdup(name);
		TAILQ_INSERT_TAIL(&c->c_map_clients, mc, mc_entry);
	}
	if (cmd_has(m, "authentication"))
		xstrset(&mc->mc_auth, neg ? NULL : cmd_arg(m, "listname"));
	else if (cmd_has(m, "authorization"))
		xstrset(&mc->mc_author, neg ? NULL : cmd_arg(m, "listname"));
	else
		mc->mc_addr = neg ? MC_ADDR_NONE : cmd_has(m, "initiate") ?
		    MC_ADDR_INITIATE : MC_ADDR_RESPOND;
	if (mc->mc_auth == NULL && mc->mc_author == NULL &&
	    mc->mc_addr == MC_ADDR_NONE) {
		TAILQ_REMOVE(&c->c_map_clients, mc, mc_entry);
		mc_free(mc);
	}
	return CMD_SUCCESS;
}

/* The map's client lines, in IOS's order. */
void
cmap_client_nvgen(const struct cmap_client *mc, struct strbuf *sb)
{
	if (mc->mc_auth != NULL)
		nv_line(sb, 0, "crypto map %s client authentication list %s",
		    mc->mc_name, mc->mc_auth);
	if (mc->mc_author != NULL)
		nv_line(sb, 0, "crypto map %s isakmp authorization list %s",
		    mc->mc_name, mc->mc_author);
	if (mc->mc_addr != MC_ADDR_NONE)
		nv_line(sb, 0, "crypto map %s client configuration address %s",
		    mc->mc_name, mc->mc_addr == MC_ADDR_INITIATE ? "initiate" :
		    "respond");
}
