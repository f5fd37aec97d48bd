/*
 * isakmp_profile: `crypto isakmp profile NAME` (conf-isa-prof), which ties
 * a peer identity to a keyring and to AAA lists, and `crypto isakmp client
 * configuration group NAME` (config-isakmp-group), the mode-config policy
 * pushed to remote-access clients.  IOS indents a profile's lines by
 * three spaces and a group's by one.
 */
#include <sys/types.h>

#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static const char *
profile_key(const void *o)
{
	return ((const struct isakmp_profile *)o)->pr_name;
}

static const char *
group_key(const void *o)
{
	return ((const struct client_group *)o)->cg_name;
}

void
isakmp_profile_init(struct crypto *c)
{
	c->c_profile_idx.nt_key = profile_key;
	TAILQ_INIT(&c->c_profiles);
	c->c_group_idx.nt_key = group_key;
	TAILQ_INIT(&c->c_groups);
}

static void
profile_free(struct isakmp_profile *pr)
{
	size_t	i;

	free(pr->pr_name);
	free(pr->pr_desc);
	free(pr->pr_keyring);
	free(pr->pr_ids);
	for (i = 0; i < pr->pr_ngroups; i++)
		free(pr->pr_groups[i]);
	free(pr->pr_groups);
	free(pr->pr_client_auth);
	free(pr->pr_isakmp_authz);
	profile_id_free(pr);
	free(pr);
}

static void
group_free(struct client_group *cg)
{
	free(cg->cg_name);
	xsecret_free(cg->cg_key);
	free(cg->cg_dns[0]);
	free(cg->cg_dns[1]);
	free(cg->cg_wins[0]);
	free(cg->cg_wins[1]);
	free(cg->cg_domain);
	free(cg->cg_pool);
	free(cg->cg_acl);
	free(cg);
}

void
isakmp_profile_free_all(struct crypto *c)
{
	struct isakmp_profile	*pr;
	struct client_group	*cg;

	while ((pr = TAILQ_FIRST(&c->c_profiles)) != NULL) {
		TAILQ_REMOVE(&c->c_profiles, pr, pr_entry);
		profile_free(pr);
	}
	ntab_free(&c->c_profile_idx);
	while ((cg = TAILQ_FIRST(&c->c_groups)) != NULL) {
		TAILQ_REMOVE(&c->c_groups, cg, cg_entry);
		group_free(cg);
	}
	ntab_free(&c->c_group_idx);
}

const struct isakmp_profile *
crypto_isakmp_profile_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_profile_idx, name, NULL);
}

const struct client_group *
crypto_client_group_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_group_idx, name, NULL);
}

int
crypto_isakmp_profile_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*name = cmd_arg(m, "name");
	struct isakmp_profile	*pr;
	size_t			 pos;

	pr = ntab_find(&c->c_profile_idx, name, &pos);
	if (cmd_negated(m)) {
		if (pr != NULL) {
			ntab_remove(&c->c_profile_idx, pos);
			TAILQ_REMOVE(&c->c_profiles, pr, pr_entry);
			profile_free(pr);
		}
		return CMD_SUCCESS;
	}
	if (pr == NULL) {
		pr = xcalloc(1, sizeof(*pr));
		pr->pr_name = xstrdup(name);
		ntab_insert(&c->c_profile_idx, pos, pr);
		TAILQ_INSERT_TAIL(&c->c_profiles, pr, pr_entry);
	}
	vty_enter(vty, MODE_CONF_ISA_PROF, pr);
	return CMD_SUCCESS;
}

int
profile_description_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	xstrset(&pr->pr_desc, cmd_negated(m) ?
	    NULL : cmd_arg(m, "text"));
	return CMD_SUCCESS;
}

int
profile_keyring_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	xstrset(&pr->pr_keyring, cmd_negated(m) ?
	    NULL : cmd_arg(m, "name"));
	return CMD_SUCCESS;
}

static ssize_t
profile_id_index(const struct isakmp_profile *pr, const struct id_addr *id)
{
	size_t	i;

	for (i = 0; i < pr->pr_nids; i++)
		if (pr->pr_ids[i].ia_addr == id->ia_addr &&
		    pr->pr_ids[i].ia_mask == id->ia_mask)
			return (ssize_t)i;
	return -1;
}

int
profile_match_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;
	struct id_addr		 id, *nv;
	const char		*mask = cmd_arg(m, "mask");
	ssize_t			 i;

	id.ia_has_mask = mask != NULL;
	id.ia_mask = 0xffffffffU;
	if (mask != NULL)
		(void)ip4_parse(mask, &id.ia_mask);
	(void)ip4_parse(cmd_arg(m, "addr"), &id.ia_addr);
	i = profile_id_index(pr, &id);
	if (cmd_negated(m)) {
		if (i >= 0) {
			memmove(&pr->pr_ids[i], &pr->pr_ids[i + 1],
			    (pr->pr_nids - i - 1) * sizeof(*nv));
			pr->pr_nids--;
		}
		return CMD_SUCCESS;
	}
	if (i >= 0)
		return CMD_SUCCESS;
	if ((nv = reallocarray(pr->pr_ids, pr->pr_nids + 1, sizeof(*nv))) ==
	    NULL)
		abort();
	pr->pr_ids = nv;
	pr->pr_ids[pr->pr_nids++] = id;
	return CMD_SUCCESS;
}

int
profile_match_group_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;
	const char		*g = cmd_arg(m, "grp");
	char			**nv;
	size_t			 i;

	for (i = 0; i < pr->pr_ngroups; i++)
		if (strcmp(pr->pr_groups[i], g) == 0)
			break;
	if (cmd_negated(m)) {
		if (i < pr->pr_ngroups) {
			free(pr->pr_groups[i]);
			memmove(&pr->pr_groups[i], &pr->pr_groups[i + 1],
			    (pr->pr_ngroups - i - 1) * sizeof(*nv));
			pr->pr_ngroups--;
		}
		return CMD_SUCCESS;
	}
	if (i < pr->pr_ngroups)
		return CMD_SUCCESS;
	if ((nv = reallocarray(pr->pr_groups, pr->pr_ngroups + 1,
	    sizeof(*nv))) == NULL)
		abort();
	pr->pr_groups = nv;
	pr->pr_groups[pr->pr_ngroups++] = xstrdup(g);
	return CMD_SUCCESS;
}

int
profile_client_auth_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	xstrset(&pr->pr_client_auth, cmd_negated(m) ? NULL : cmd_arg(m, "aaa"));
	return CMD_SUCCESS;
}

int
profile_isakmp_authz_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	xstrset(&pr->pr_isakmp_authz, cmd_negated(m) ? NULL : cmd_arg(m, "aaa"));
	return CMD_SUCCESS;
}

int
profile_client_config_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;
	bool			 on = !cmd_negated(m);

	if (cmd_has(m, "initiate"))
		pr->pr_cfg_initiate = on;
	else
		pr->pr_cfg_respond = on;
	return CMD_SUCCESS;
}

int
profile_initiate_mode_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	pr->pr_aggressive = !cmd_negated(m);
	return CMD_SUCCESS;
}

void
isakmp_profile_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct isakmp_profile	*pr;
	const struct id_addr		*id;
	char				 a[16], mk[16];
	size_t				 i;

	TAILQ_FOREACH(pr, &c->c_profiles, pr_entry) {
		nv_line(sb, 0, "crypto isakmp profile %s", pr->pr_name);
		if (pr->pr_desc != NULL)
			nv_line(sb, 3, "description %s", pr->pr_desc);
		if (pr->pr_keyring != NULL)
			nv_line(sb, 3, "keyring %s", pr->pr_keyring);
		profile_id_nvgen_self(pr, sb);
		for (i = 0; i < pr->pr_nids; i++) {
			id = &pr->pr_ids[i];
			if (id->ia_has_mask)
				nv_line(sb, 3, "match identity address %s %s",
				    ip4_text(id->ia_addr, a),
				    ip4_text(id->ia_mask, mk));
			else
				nv_line(sb, 3, "match identity address %s",
				    ip4_text(id->ia_addr, a));
		}
		for (i = 0; i < pr->pr_ngroups; i++)
			nv_line(sb, 3, "match identity group %s",
			    pr->pr_groups[i]);
		profile_id_nvgen_match(pr, sb);
		if (pr->pr_client_auth != NULL)
			nv_line(sb, 3, "client authentication list %s",
			    pr->pr_client_auth);
		if (pr->pr_isakmp_authz != NULL)
			nv_line(sb, 3, "isakmp authorization list %s",
			    pr->pr_isakmp_authz);
		if (pr->pr_cfg_initiate)
			nv_line(sb, 3, "client configuration address initiate");
		if (pr->pr_cfg_respond)
			nv_line(sb, 3, "client configuration address respond");
		if (pr->pr_aggressive)
			nv_line(sb, 3, "initiate mode aggressive");
		profile_id_nvgen_keepalive(pr, sb);
	}
}

int
crypto_client_group_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*name = cmd_arg(m, "name");
	struct client_group	*cg;
	size_t			 pos;

	cg = ntab_find(&c->c_group_idx, name, &pos);
	if (cmd_negated(m)) {
		if (cg != NULL) {
			ntab_remove(&c->c_group_idx, pos);
			TAILQ_REMOVE(&c->c_groups, cg, cg_entry);
			group_free(cg);
		}
		return CMD_SUCCESS;
	}
	if (cg == NULL) {
		cg = xcalloc(1, sizeof(*cg));
		cg->cg_name = xstrdup(name);
		ntab_insert(&c->c_group_idx, pos, cg);
		TAILQ_INSERT_TAIL(&c->c_groups, cg, cg_entry);
	}
	vty_enter(vty, MODE_CONFIG_ISAKMP_GROUP, cg);
	return CMD_SUCCESS;
}

/* key, domain and pool: one string each, named by the command's data. */
int
group_string_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct client_group	*cg = vty->v_ctx;
	const char		*which = cmd_data(m);
	char			**field;

	field = strcmp(which, "key") == 0 ? &cg->cg_key :
	    strcmp(which, "domain") == 0 ? &cg->cg_domain : &cg->cg_pool;
	/* The group's key is a pre-shared key: wiped when it changes. */
	xsecret_set(field, cmd_negated(m) ? NULL :
	    cmd_arg(m, "value"));
	return CMD_SUCCESS;
}

/* dns and wins: a primary and an optional secondary server. */
int
group_servers_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct client_group	*cg = vty->v_ctx;
	char			**srv;
	bool			 no = cmd_negated(m);

	srv = strcmp(cmd_data(m), "dns") == 0 ? cg->cg_dns :
	    cg->cg_wins;
	xstrset(&srv[0], no ? NULL : cmd_arg(m, "primary"));
	xstrset(&srv[1], no ? NULL : cmd_arg(m, "secondary"));
	return CMD_SUCCESS;
}

void
client_group_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct client_group	*cg;

	TAILQ_FOREACH(cg, &c->c_groups, cg_entry) {
		nv_line(sb, 0, "crypto isakmp client configuration group %s",
		    cg->cg_name);
		if (cg->cg_key != NULL)
			nv_line(sb, 1, "key %s", cg->cg_key);
		if (cg->cg_dns[0] != NULL)
			nv_line(sb, 1, "dns %s%s%s", cg->cg_dns[0],
			    cg->cg_dns[1] ? " " : "",
			    cg->cg_dns[1] ? cg->cg_dns[1] : "");
		if (cg->cg_wins[0] != NULL)
			nv_line(sb, 1, "wins %s%s%s", cg->cg_wins[0],
			    cg->cg_wins[1] ? " " : "",
			    cg->cg_wins[1] ? cg->cg_wins[1] : "");
		if (cg->cg_domain != NULL)
			nv_line(sb, 1, "domain %s", cg->cg_domain);
		if (cg->cg_pool != NULL)
			nv_line(sb, 1, "pool %s", cg->cg_pool);
		client_group_ra_nvgen(cg, sb);
	}
}
