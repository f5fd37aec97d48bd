/*
 * client_group_ra: the client configuration group lines that shape a
 * remote-access client's session (issue 15): `acl NUMBER|NAME`, the
 * networks behind us a client tunnels to (Unity SPLIT_INCLUDE, from the
 * ACL's permit entries); `save-password` (Unity SAVE_PASSWD answered
 * 1); `max-users N` (a client beyond the N-th of the group is refused).
 * The mode-config REPLY (ike_xauth.c) calls ike_cfg_put_split and
 * ike_cfg_put_save_pw; the Aggressive Mode responder ike_group_full.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

/* Unity's SPLIT_INCLUDE entry: address, mask, protocol, source and
 * destination port (the format vpnc and strongSwan read). */
#define SPLIT_ENTRY_LEN	14
#define SPLIT_MAX	32

int
group_acl_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct client_group	*cg = vty->v_ctx;

	xstrset(&cg->cg_acl, cmd_negated(m) ? NULL : cmd_arg(m, "aclname"));
	return CMD_SUCCESS;
}

int
group_save_password_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct client_group	*cg = vty->v_ctx;

	cg->cg_save_pw = !cmd_negated(m);
	return CMD_SUCCESS;
}

int
group_max_users_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct client_group	*cg = vty->v_ctx;

	cg->cg_max_users = cmd_negated(m) ? 0 :
	    (unsigned)cmd_arg_num(m, "n", 0);
	return CMD_SUCCESS;
}

void
client_group_ra_nvgen(const struct client_group *cg, struct strbuf *sb)
{
	if (cg->cg_acl != NULL)
		nv_line(sb, 1, "acl %s", cg->cg_acl);
	if (cg->cg_save_pw)
		nv_line(sb, 1, "save-password");
	if (cg->cg_max_users != 0)
		nv_line(sb, 1, "max-users %u", cg->cg_max_users);
}

/*
 * SPLIT_INCLUDE from the group's ACL: one entry for each permit rule,
 * its source network (the hub's side, as IOS reads a split-tunnel ACL)
 * with the wildcard turned into a mask.  Nothing when the group has no
 * acl or the ACL does not exist.
 */
void
ike_cfg_put_split(struct ike_p1 *p, struct isakmp_build *b,
    const struct client_group *cg)
{
	struct dp_acl	*acl;
	struct dp_rule	 ru;
	uint8_t		 v[SPLIT_ENTRY_LEN * SPLIT_MAX], *e;
	char		 a[IP4_TEXT_LEN], mk[IP4_TEXT_LEN];
	size_t		 i, n, len = 0;

	if (cg == NULL || cg->cg_acl == NULL ||
	    (acl = dp_acl_find(p->p_c->c_sys->sy_dp, cg->cg_acl)) == NULL)
		return;
	n = dp_acl_count(acl);
	for (i = 0; i < n && len < sizeof(v); i++) {
		if (!dp_acl_rule(acl, i, &ru) || !ru.ru_permit)
			continue;
		e = v + len;
		put32(e, ru.ru_src & ~ru.ru_src_wild);
		put32(e + 4, ~ru.ru_src_wild);
		put16(e + 8, ru.ru_proto);
		put16(e + 10, ru.ru_sport);
		put16(e + 12, ru.ru_dport);
		len += SPLIT_ENTRY_LEN;
		ike_debug_raw(p->p_c, " Sending split include name:%s network "
		    "%s mask %s protocol %u, src port %u, dst port %u",
		    cg->cg_acl, ip4_text(get32(e), a), ip4_text(get32(e + 4),
		    mk), ru.ru_proto, ru.ru_sport, ru.ru_dport);
	}
	if (len > 0)
		isakmp_build_attr_tlv(b, UNITY_SPLIT_INCLUDE, v,
		    (uint16_t)len);
}

/* SAVE_PASSWD: 1 when the group allows it; unanswered otherwise, as an
 * attribute IOS does not know ("Unknown Attr", seed 002). */
bool
ike_cfg_put_save_pw(struct ike_p1 *p, struct isakmp_build *b,
    const struct client_group *cg)
{
	if (cg == NULL || !cg->cg_save_pw)
		return false;
	ike_debug_raw(p->p_c, " Sending Save Password reply value 1");
	isakmp_build_attr_tv(b, UNITY_SAVE_PASSWD, 1);
	return true;
}

/* Whether the group of P (its ID_KEY_ID) already has max-users live
 * clients other than P. */
bool
ike_group_full(struct ike_p1 *p)
{
	const struct client_group	*cg;
	struct isakmp_sa		*is;
	const struct ike_p1		*q;
	unsigned			 n = 0;

	cg = crypto_client_group_find(p->p_c, p->p_group_name);
	if (cg == NULL || cg->cg_max_users == 0)
		return false;
	TAILQ_FOREACH(is, &p->p_c->c_sadb.db_isakmp, is_entry) {
		q = is->is_engine;
		if (q != NULL && q != p &&
		    strcmp(q->p_group_name, p->p_group_name) == 0)
			n++;
	}
	return n >= cg->cg_max_users;
}
