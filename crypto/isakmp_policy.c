/*
 * isakmp_policy: `crypto isakmp policy N` and its sub-mode, the IKE phase 1
 * protection suites.  They live in an array sorted by priority, the order
 * the IKE responder tries them in and the order IOS renders them in.
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

size_t
crypto_policy_count(const struct crypto *c)
{
	return c->c_npolicies;
}

const struct isakmp_policy *
crypto_policy_at(const struct crypto *c, size_t i)
{
	return i < c->c_npolicies ? c->c_policies[i] : NULL;
}

/* Index of PRIORITY, or where it would be inserted (*FOUND false). */
static size_t
policy_pos(const struct crypto *c, unsigned priority, bool *found)
{
	size_t	lo = 0, hi = c->c_npolicies, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->c_policies[mid]->ip_priority == priority) {
			*found = true;
			return mid;
		}
		if (c->c_policies[mid]->ip_priority < priority)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

int
crypto_isakmp_policy_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		 *c = vty->v_sys->sy_crypto;
	unsigned		  prio = cmd_arg_num(m, "priority", 0);
	struct isakmp_policy	 *p, **nv;
	size_t			  pos, cap;
	bool			  found;

	pos = policy_pos(c, prio, &found);
	if (cmd_negated(m)) {
		if (found) {
			free(c->c_policies[pos]);
			memmove(&c->c_policies[pos], &c->c_policies[pos + 1],
			    (c->c_npolicies - pos - 1) * sizeof(*nv));
			c->c_npolicies--;
		}
		return CMD_SUCCESS;
	}
	if (found)
		p = c->c_policies[pos];
	else {
		p = xcalloc(1, sizeof(*p));
		p->ip_priority = prio;
		p->ip_enc = IKE_ENC_DES;
		p->ip_hash = IKE_HASH_SHA;
		p->ip_auth = IKE_AUTH_RSA_SIG;
		p->ip_group = IKE_DEFAULT_GROUP;
		p->ip_lifetime = IKE_DEFAULT_LIFETIME;
		if (c->c_npolicies == c->c_policies_cap) {
			cap = c->c_policies_cap ? c->c_policies_cap * 2 : 8;
			if ((nv = reallocarray(c->c_policies, cap,
			    sizeof(*nv))) == NULL)
				abort();
			c->c_policies = nv;
			c->c_policies_cap = cap;
		}
		memmove(&c->c_policies[pos + 1], &c->c_policies[pos],
		    (c->c_npolicies - pos) * sizeof(*nv));
		c->c_policies[pos] = p;
		c->c_npolicies++;
	}
	vty_enter(vty, MODE_CONFIG_ISAKMP, p);
	return CMD_SUCCESS;
}

int
isakmp_encryption_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_policy	*p = vty->v_ctx;

	if (cmd_negated(m) || cmd_has(m, "des")) {
		p->ip_enc = IKE_ENC_DES;
		p->ip_keylen = 0;
	} else if (cmd_has(m, "3des")) {
		p->ip_enc = IKE_ENC_3DES;
		p->ip_keylen = 0;
	} else {
		p->ip_enc = IKE_ENC_AES;
		p->ip_keylen = cmd_has(m, "256") ? 256 :
		    cmd_has(m, "192") ? 192 : 128;
	}
	return CMD_SUCCESS;
}

int
isakmp_hash_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_policy	*p = vty->v_ctx;

	if (cmd_negated(m) || cmd_has(m, "sha"))
		p->ip_hash = IKE_HASH_SHA;
	else if (cmd_has(m, "md5"))
		p->ip_hash = IKE_HASH_MD5;
	else if (cmd_has(m, "sha256"))
		p->ip_hash = IKE_HASH_SHA256;
	else if (cmd_has(m, "sha384"))
		p->ip_hash = IKE_HASH_SHA384;
	else
		p->ip_hash = IKE_HASH_SHA512;
	return CMD_SUCCESS;
}

int
isakmp_authentication_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_policy	*p = vty->v_ctx;

	if (cmd_negated(m) ||
	    cmd_has(m, "rsa-sig"))
		p->ip_auth = IKE_AUTH_RSA_SIG;
	else if (cmd_has(m, "pre-share"))
		p->ip_auth = IKE_AUTH_PRE_SHARE;
	else
		p->ip_auth = IKE_AUTH_RSA_ENCR;
	return CMD_SUCCESS;
}

int
isakmp_group_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_policy	*p = vty->v_ctx;
	const char		*g = cmd_arg(m, "dh");

	if (cmd_negated(m) || g == NULL)
		p->ip_group = IKE_DEFAULT_GROUP;
	else
		p->ip_group = (unsigned)strtoul(g, NULL, 10);
	return CMD_SUCCESS;
}

int
isakmp_lifetime_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct isakmp_policy	*p = vty->v_ctx;

	if (cmd_negated(m))
		p->ip_lifetime = IKE_DEFAULT_LIFETIME;
	else
		p->ip_lifetime = cmd_arg_num(m, "seconds",
		    IKE_DEFAULT_LIFETIME);
	return CMD_SUCCESS;
}

static const char *const hash_kw[] = {
	[IKE_HASH_SHA] = "sha", [IKE_HASH_MD5] = "md5",
	[IKE_HASH_SHA256] = "sha256", [IKE_HASH_SHA384] = "sha384",
	[IKE_HASH_SHA512] = "sha512",
};

/* IOS omits every default and abbreviates "encryption" to "encr". */
void
isakmp_policy_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct isakmp_policy	*p;
	size_t				 i;

	for (i = 0; i < c->c_npolicies; i++) {
		p = c->c_policies[i];
		nv_line(sb, 0, "crypto isakmp policy %u", p->ip_priority);
		if (p->ip_enc == IKE_ENC_3DES)
			nv_line(sb, 1, "encr 3des");
		else if (p->ip_enc == IKE_ENC_DES && c->c_sys->sy_nv_all)
			nv_line(sb, 1, "encr des");
		else if (p->ip_enc == IKE_ENC_AES && p->ip_keylen == 128)
			nv_line(sb, 1, "encr aes");
		else if (p->ip_enc == IKE_ENC_AES)
			nv_line(sb, 1, "encr aes %u", p->ip_keylen);
		if (p->ip_hash != IKE_HASH_SHA || c->c_sys->sy_nv_all)
			nv_line(sb, 1, "hash %s", hash_kw[p->ip_hash]);
		if (p->ip_auth == IKE_AUTH_PRE_SHARE)
			nv_line(sb, 1, "authentication pre-share");
		else if (p->ip_auth == IKE_AUTH_RSA_ENCR)
			nv_line(sb, 1, "authentication rsa-encr");
		else if (c->c_sys->sy_nv_all)
			nv_line(sb, 1, "authentication rsa-sig");
		if (p->ip_group != IKE_DEFAULT_GROUP || c->c_sys->sy_nv_all)
			nv_line(sb, 1, "group %u", p->ip_group);
		if (p->ip_lifetime != IKE_DEFAULT_LIFETIME ||
		    c->c_sys->sy_nv_all)
			nv_line(sb, 1, "lifetime %u", p->ip_lifetime);
	}
}

void
isakmp_policy_free_all(struct crypto *c)
{
	size_t	i;

	for (i = 0; i < c->c_npolicies; i++)
		free(c->c_policies[i]);
	free(c->c_policies);
	c->c_policies = NULL;
	c->c_npolicies = c->c_policies_cap = 0;
}
