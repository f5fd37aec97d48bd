/*
 * isakmp_profile_id: the isakmp profile lines about names and liveness
 * (issue 15): `match identity host NAME`, `match identity host domain
 * NAME` and `match identity user NAME`, which select the profile by the
 * peer's phase-1 ID_FQDN / ID_USER_FQDN (ike_profile.c); `self-identity
 * address|fqdn|user-fqdn NAME`, the ID we send for the profile
 * (ike_p1.c); `keepalive SECONDS retry SECONDS`, DPD for the profile's
 * peers (ike_dpd.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/isakmp_wire.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

static const char *const kind_text[] = {
	[IDN_HOST] = "host ",
	[IDN_DOMAIN] = "host domain ",
	[IDN_USER] = "user ",
};

int
profile_match_name_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;
	const char		*which = cmd_data(m), *name = cmd_arg(m, "idname");
	enum id_name_kind	 k;
	struct id_name		*nv;
	size_t			 i;

	k = strcmp(which, "host") == 0 ? IDN_HOST :
	    strcmp(which, "domain") == 0 ? IDN_DOMAIN : IDN_USER;
	for (i = 0; i < pr->pr_nnames; i++)
		if (pr->pr_names[i].in_kind == k &&
		    strcmp(pr->pr_names[i].in_name, name) == 0)
			break;
	if (cmd_negated(m)) {
		if (i < pr->pr_nnames) {
			free(pr->pr_names[i].in_name);
			memmove(&pr->pr_names[i], &pr->pr_names[i + 1],
			    (pr->pr_nnames - i - 1) * sizeof(*nv));
			pr->pr_nnames--;
		}
		return CMD_SUCCESS;
	}
	if (i < pr->pr_nnames)
		return CMD_SUCCESS;
	if ((nv = reallocarray(pr->pr_names, pr->pr_nnames + 1,
	    sizeof(*nv))) == NULL)
		abort();
	pr->pr_names = nv;
	nv[pr->pr_nnames].in_kind = k;
	nv[pr->pr_nnames++].in_name = xstrdup(name);
	return CMD_SUCCESS;
}

int
profile_self_identity_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	xstrset(&pr->pr_self_user, NULL);
	if (cmd_negated(m))
		pr->pr_self = SELF_ID_DEFAULT;
	else if (cmd_has(m, "address"))
		pr->pr_self = SELF_ID_ADDRESS;
	else if (cmd_has(m, "fqdn"))
		pr->pr_self = SELF_ID_FQDN;
	else {
		pr->pr_self = SELF_ID_USER_FQDN;
		xstrset(&pr->pr_self_user, cmd_arg(m, "user"));
	}
	return CMD_SUCCESS;
}

int
profile_keepalive_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_profile	*pr = vty->v_ctx;

	if (cmd_negated(m)) {
		pr->pr_ka_interval = pr->pr_ka_retry = 0;
		return CMD_SUCCESS;
	}
	pr->pr_ka_interval = (unsigned)cmd_arg_num(m, "secs", 0);
	pr->pr_ka_retry = (unsigned)cmd_arg_num(m, "tries", 2);
	return CMD_SUCCESS;
}

void
profile_id_free(struct isakmp_profile *pr)
{
	size_t	i;

	for (i = 0; i < pr->pr_nnames; i++)
		free(pr->pr_names[i].in_name);
	free(pr->pr_names);
	free(pr->pr_self_user);
	local_addr_free(&pr->pr_local);
}

void
profile_id_nvgen_self(const struct isakmp_profile *pr, struct strbuf *sb)
{
	switch (pr->pr_self) {
	case SELF_ID_DEFAULT:
		break;
	case SELF_ID_ADDRESS:
		nv_line(sb, 3, "self-identity address");
		break;
	case SELF_ID_FQDN:
		nv_line(sb, 3, "self-identity fqdn");
		break;
	case SELF_ID_USER_FQDN:
		nv_line(sb, 3, "self-identity user-fqdn %s", pr->pr_self_user);
		break;
	}
}

void
profile_id_nvgen_match(const struct isakmp_profile *pr, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < pr->pr_nnames; i++)
		nv_line(sb, 3, "match identity %s%s",
		    kind_text[pr->pr_names[i].in_kind],
		    pr->pr_names[i].in_name);
}

/* The same identities in `show crypto isakmp profile`'s list. */
void
profile_id_show_match(const struct isakmp_profile *pr, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < pr->pr_nnames; i++)
		strbuf_printf(sb, "    %s%s\n",
		    kind_text[pr->pr_names[i].in_kind],
		    pr->pr_names[i].in_name);
}

void
profile_id_nvgen_keepalive(const struct isakmp_profile *pr,
    struct strbuf *sb)
{
	local_addr_nvgen(&pr->pr_local, sb, 3);
	if (pr->pr_ka_interval != 0)
		nv_line(sb, 3, "keepalive %u retry %u", pr->pr_ka_interval,
		    pr->pr_ka_retry);
}

/* NAME ends in ".DOMAIN" (host domain), or is DOMAIN itself. */
static bool
in_domain(const char *name, const char *domain)
{
	size_t	n = strlen(name), d = strlen(domain);

	if (n == d)
		return strcasecmp(name, domain) == 0;
	return n > d && name[n - d - 1] == '.' &&
	    strcasecmp(name + n - d, domain) == 0;
}

bool
profile_id_matches(const struct isakmp_profile *pr, uint8_t type,
    const char *name)
{
	const struct id_name	*in;
	size_t			 i;

	for (i = 0; i < pr->pr_nnames; i++) {
		in = &pr->pr_names[i];
		if (type == IPSEC_ID_FQDN && in->in_kind == IDN_HOST &&
		    strcasecmp(name, in->in_name) == 0)
			return true;
		if (type == IPSEC_ID_FQDN && in->in_kind == IDN_DOMAIN &&
		    in_domain(name, in->in_name))
			return true;
		if (type == IPSEC_ID_USER_FQDN && in->in_kind == IDN_USER &&
		    strcasecmp(name, in->in_name) == 0)
			return true;
	}
	return false;
}
