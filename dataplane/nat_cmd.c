/*
 * nat_cmd: NAT's configuration commands and their running-config lines
 * (IOS renders `ip nat translation ...`, the pools, then the inside
 * source rules, each only when it differs from the default).
 *
 *	ip nat pool NAME START END (netmask MASK | prefix-length N)
 *	ip nat inside source list ACL (interface IF | pool NAME) [overload]
 *	ip nat inside source static LOCAL GLOBAL
 *	ip nat inside source static (tcp|udp) LOCAL PORT GLOBAL PORT
 *	    [extendable]
 *	ip nat translation (timeout|tcp-timeout|udp-timeout|dns-timeout|
 *	    finrst-timeout|icmp-timeout) (SECONDS|never)
 *	ip nat translation max-entries N
 *	ip nat outside source static GLOBAL LOCAL
 *
 * A pool's ends must lie in one subnet of its mask: IOS refuses
 * otherwise with "%Start and end addresses on different subnets".
 * Dynamic translations keep working when their rule is removed (they
 * copied what they need) and age out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/nat.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

static const char *const nat_to_word[NTO_COUNT] = {
	"timeout", "tcp-timeout", "udp-timeout", "dns-timeout",
	"finrst-timeout", "icmp-timeout"
};

static const uint32_t nat_to_dflt[NTO_COUNT] = {
	86400, 86400, 300, 60, 60, 60
};

static struct nat_rule *
rule_find(struct nat *n, const struct nat_rule *key)
{
	struct nat_rule	*r;
	size_t		 i;

	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != key->nr_kind)
			continue;
		if (key->nr_kind == NR_LIST ?
		    strcmp(r->nr_list, key->nr_list) == 0 :
		    r->nr_local == key->nr_local &&
		    r->nr_proto == key->nr_proto &&
		    r->nr_lport == key->nr_lport &&
		    (key->nr_proto == 0 || r->nr_global == key->nr_global))
			return r;
	}
	return NULL;
}

static void
rule_clear(struct nat_rule *r)
{
	free(r->nr_list);
	free(r->nr_ifname);
	free(r->nr_pool);
}

static int
rule_set(struct vty *vty, const struct cmd_args *m, struct nat_rule *key)
{
	struct nat	*n = vty->v_sys->sy_dp->d_nat;
	struct nat_rule	*r = rule_find(n, key);

	if (cmd_negated(m)) {
		if (r != NULL) {
			if (r->nr_kind == NR_STATIC)
				nat_static_del(n, r);
			if (r->nr_kind == NR_OSTATIC)
				n->n_nostatic--;
			rule_clear(r);
			memmove(r, r + 1, (size_t)(&n->n_rules[n->n_nrules] -
			    (r + 1)) * sizeof(*r));
			n->n_nrules--;
		}
		rule_clear(key);
		return CMD_SUCCESS;
	}
	if (r == NULL) {
		n->n_rules = xreallocarray(n->n_rules, n->n_nrules + 1,
		    sizeof(*n->n_rules));
		r = &n->n_rules[n->n_nrules++];
		key->nr_id = n->n_next_id++;
		if (key->nr_kind == NR_OSTATIC)
			n->n_nostatic++;
	} else {
		key->nr_id = r->nr_id;
		if (r->nr_kind == NR_STATIC)
			nat_static_del(n, r);
		rule_clear(r);
	}
	*r = *key;
	if (r->nr_kind == NR_STATIC)
		(void)nat_static_add(n, r);
	return CMD_SUCCESS;
}

int
dp_ip_nat_list_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat_rule	key;
	char		ifname[IF_NAMELEN];

	memset(&key, 0, sizeof(key));
	key.nr_kind = NR_LIST;
	if (cmd_arg(m, "ifname") != NULL) {
		if (!ifname_arg(vty, m, "ifname", ifname, sizeof(ifname)))
			return CMD_WARNING;
		key.nr_ifname = xstrdup(ifname);
	} else
		key.nr_pool = xstrdup(cmd_arg(m, "poolname"));
	key.nr_list = xstrdup(cmd_arg(m, "acl"));
	key.nr_overload = cmd_has(m, "overload");
	return rule_set(vty, m, &key);
}

int
dp_ip_nat_static_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat_rule	key;
	const char	*proto = cmd_arg(m, "proto");

	memset(&key, 0, sizeof(key));
	key.nr_kind = NR_STATIC;
	ip4_parse(cmd_arg(m, "local"), &key.nr_local);
	ip4_parse(cmd_arg(m, "global"), &key.nr_global);
	if (proto != NULL) {
		key.nr_proto = strcmp(proto, "tcp") == 0 ? IPP_TCP : IPP_UDP;
		key.nr_lport = (uint16_t)cmd_arg_num(m, "lport", 0);
		key.nr_gport = (uint16_t)cmd_arg_num(m, "gport", 0);
		key.nr_extendable = cmd_has(m, "extendable");
	}
	return rule_set(vty, m, &key);
}

/* ip nat outside source static GLOBAL LOCAL: the outside host GLOBAL is
 * seen inside as LOCAL. */
int
dp_ip_nat_ostatic_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat_rule	key;

	memset(&key, 0, sizeof(key));
	key.nr_kind = NR_OSTATIC;
	ip4_parse(cmd_arg(m, "global"), &key.nr_global);
	ip4_parse(cmd_arg(m, "local"), &key.nr_local);
	return rule_set(vty, m, &key);
}

int
dp_ip_nat_pool_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat	*n = vty->v_sys->sy_dp->d_nat;
	struct nat_pool	*p = nat_pool_find(n, cmd_arg(m, "name")), np;
	unsigned	 len;

	if (cmd_negated(m)) {
		if (p != NULL) {
			free(p->np_name);
			memmove(p, p + 1, (size_t)(&n->n_pools[n->n_npools] -
			    (p + 1)) * sizeof(*p));
			n->n_npools--;
		}
		return CMD_SUCCESS;
	}
	memset(&np, 0, sizeof(np));
	ip4_parse(cmd_arg(m, "start"), &np.np_start);
	ip4_parse(cmd_arg(m, "end"), &np.np_end);
	if (cmd_arg(m, "mask") != NULL)
		ip4_parse(cmd_arg(m, "mask"), &np.np_mask);
	else {
		len = (unsigned)cmd_arg_num(m, "len", 24);
		np.np_mask = len == 0 ? 0 : 0xffffffffU << (32 - len);
		np.np_prefix = true;
	}
	if ((np.np_start & np.np_mask) != (np.np_end & np.np_mask)) {
		vty_out(vty, "%%Start and end addresses on different "
		    "subnets\n");
		return CMD_WARNING;
	}
	if (np.np_end < np.np_start) {
		vty_out(vty, "%%End address less than starting address\n");
		return CMD_WARNING;
	}
	if (p == NULL) {
		n->n_pools = xreallocarray(n->n_pools, n->n_npools + 1,
		    sizeof(*n->n_pools));
		p = &n->n_pools[n->n_npools++];
		np.np_name = xstrdup(cmd_arg(m, "name"));
	} else {
		np.np_name = p->np_name;
		np.np_misses = p->np_misses;
	}
	*p = np;
	return CMD_SUCCESS;
}

/* ip nat translation max-entries N: dynamic and static alike count, as
 * IOS's table; a new flow past it is dropped (a miss). */
int
dp_ip_nat_max_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat	*n = vty->v_sys->sy_dp->d_nat;

	n->n_max = cmd_negated(m) ? 0 :
	    (uint32_t)cmd_arg_num(m, "max", NAT_MAX);
	if (n->n_max > NAT_MAX)
		n->n_max = NAT_MAX;
	return CMD_SUCCESS;
}

int
dp_ip_nat_timeout_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat	*n = vty->v_sys->sy_dp->d_nat;
	const char	*which = cmd_arg(m, "which");
	unsigned	 i;

	for (i = 0; i < NTO_COUNT; i++)
		if (strcmp(which, nat_to_word[i]) == 0)
			break;
	if (i == NTO_COUNT)
		return CMD_WARNING;
	if (cmd_negated(m))
		n->n_to[i] = nat_to_dflt[i];
	else if (cmd_has(m, "never"))
		n->n_to[i] = NAT_NEVER;
	else
		n->n_to[i] = (uint32_t)cmd_arg_num(m, "secs", nat_to_dflt[i]);
	return CMD_SUCCESS;
}

void
nat_nvgen(const struct dataplane *dp, struct strbuf *sb)
{
	const struct nat	*n = dp->d_nat;
	const struct nat_rule	*r;
	const struct nat_pool	*p;
	char			 a[16], b[16], c[16];
	size_t			 i;

	for (i = 0; i < NTO_COUNT; i++) {
		if (n->n_to[i] == nat_to_dflt[i])
			continue;
		if (n->n_to[i] == NAT_NEVER)
			nv_line(sb, 0, "ip nat translation %s never",
			    nat_to_word[i]);
		else
			nv_line(sb, 0, "ip nat translation %s %u",
			    nat_to_word[i], n->n_to[i]);
	}
	if (n->n_max != 0)
		nv_line(sb, 0, "ip nat translation max-entries %u", n->n_max);
	for (i = 0; i < n->n_npools; i++) {
		p = &n->n_pools[i];
		ip4_text(p->np_start, a);
		ip4_text(p->np_end, b);
		ip4_text(p->np_mask, c);
		if (p->np_prefix)
			nv_line(sb, 0, "ip nat pool %s %s %s prefix-length %u",
			    p->np_name, a, b, ip4_masklen(p->np_mask));
		else
			nv_line(sb, 0, "ip nat pool %s %s %s netmask %s",
			    p->np_name, a, b, c);
	}
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_LIST)
			continue;
		nv_line(sb, 0, "ip nat inside source list %s %s %s%s",
		    r->nr_list, r->nr_pool != NULL ? "pool" : "interface",
		    r->nr_pool != NULL ? r->nr_pool : r->nr_ifname,
		    r->nr_overload ? " overload" : "");
	}
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_STATIC)
			continue;
		ip4_text(r->nr_local, a);
		ip4_text(r->nr_global, b);
		if (r->nr_proto == 0)
			nv_line(sb, 0, "ip nat inside source static %s %s", a,
			    b);
		else
			nv_line(sb, 0, "ip nat inside source static %s %s %u "
			    "%s %u%s", r->nr_proto == IPP_TCP ? "tcp" : "udp",
			    a, r->nr_lport, b, r->nr_gport,
			    r->nr_extendable ? " extendable" : "");
	}
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_OSTATIC)
			continue;
		ip4_text(r->nr_global, a);
		ip4_text(r->nr_local, b);
		nv_line(sb, 0, "ip nat outside source static %s %s", a, b);
	}
}
