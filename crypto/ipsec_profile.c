/*
 * ipsec_profile: `crypto ipsec profile NAME`, the IPsec parameters a
 * tunnel interface uses with `tunnel protection ipsec profile NAME`.
 */
#include <stdlib.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static const char *
ipsec_profile_key(const void *o)
{
	return ((const struct ipsec_profile *)o)->ip_name;
}

void
ipsec_profile_init(struct crypto *c)
{
	c->c_ipsec_profile_idx.nt_key = ipsec_profile_key;
	TAILQ_INIT(&c->c_ipsec_profiles);
}

static void
ipsec_profile_free(struct ipsec_profile *ip)
{
	ipsec_params_free(&ip->ip_params);
	free(ip->ip_name);
	free(ip);
}

void
ipsec_profile_free_all(struct crypto *c)
{
	struct ipsec_profile	*ip;

	while ((ip = TAILQ_FIRST(&c->c_ipsec_profiles)) != NULL) {
		TAILQ_REMOVE(&c->c_ipsec_profiles, ip, ip_entry);
		ipsec_profile_free(ip);
	}
	ntab_free(&c->c_ipsec_profile_idx);
}

const struct ipsec_profile *
crypto_ipsec_profile_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_ipsec_profile_idx, name, NULL);
}

int
crypto_ipsec_profile_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*name = cmd_arg(m, "name");
	struct ipsec_profile	*ip;
	size_t			 pos;

	ip = ntab_find(&c->c_ipsec_profile_idx, name, &pos);
	c->c_cfg_gen++;		/* tunnels' policies name profiles */
	if (cmd_negated(m)) {
		if (ip != NULL) {
			ntab_remove(&c->c_ipsec_profile_idx, pos);
			TAILQ_REMOVE(&c->c_ipsec_profiles, ip, ip_entry);
			ipsec_profile_free(ip);
		}
		return CMD_SUCCESS;
	}
	if (ip == NULL) {
		ip = xcalloc(1, sizeof(*ip));
		ip->ip_name = xstrdup(name);
		ntab_insert(&c->c_ipsec_profile_idx, pos, ip);
		TAILQ_INSERT_TAIL(&c->c_ipsec_profiles, ip, ip_entry);
	}
	vty_enter(vty, MODE_IPSEC_PROFILE, ip);
	return CMD_SUCCESS;
}

void
ipsec_profile_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct ipsec_profile	*ip;

	TAILQ_FOREACH(ip, &c->c_ipsec_profiles, ip_entry) {
		nv_line(sb, 0, "crypto ipsec profile %s", ip->ip_name);
		ipsec_params_nvgen(&ip->ip_params, 1, sb);
	}
}
