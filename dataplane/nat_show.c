/*
 * nat_show: `show ip nat translations [verbose]`, `show ip nat
 * statistics`, `clear ip nat translation *`, `clear ip nat statistics`,
 * rendered from the live table in IOS 12.x's layout.  Sources: the
 * column header and rows of the Cisco IOS IP Command Reference's
 * "show ip nat translations" examples ("Pro Inside global      Inside
 * local       Outside local      Outside global", simple entries as
 * "--- G L --- ---", extended ones as "tcp G:port L:port O:port
 * O:port"), its verbose example ("    create 00:00:02, use 00:00:00,
 * flags: extended"), and the "show ip nat statistics" examples of the
 * same reference and of Cisco's NAT troubleshooting notes (Total active
 * translations, the interface lists, Hits/Misses, Expired translations,
 * Dynamic mappings with "[Id: n] access-list ... refcount n" and a
 * pool's "type generic, total addresses n, allocated n (p%), misses n").
 * Expired translations are removed before anything is rendered.  Also
 * `debug ip nat` and its `show debugging` line.
 */
#include <stdio.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/nat.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/strbuf.h"
#include "lib/system.h"
#include "lib/vty.h"

/* A column: TEXT padded to WIDTH, and never glued to the next one. */
static void
col(struct strbuf *sb, const char *text, size_t width)
{
	size_t	n = strlen(text);

	strbuf_puts(sb, text);
	do
		strbuf_putc(sb, ' ');
	while (++n < width);
}

static void
addr_port(char *buf, size_t sz, uint32_t a, bool port, uint16_t p)
{
	char	t[16];

	ip4_text(a, t);
	if (port)
		snprintf(buf, sz, "%s:%u", t, p);
	else
		snprintf(buf, sz, "%s", t);
}

static const char *
proto_name(uint8_t p, char *buf, size_t sz)
{
	switch (p) {
	case 0:
		return "---";
	case IPP_TCP:
		return "tcp";
	case IPP_UDP:
		return "udp";
	case IPP_ICMP:
		return "icmp";
	}
	snprintf(buf, sz, "%u", p);
	return buf;
}

static void
hms(char *buf, size_t sz, uint64_t ms)
{
	uint64_t	s = ms / 1000;

	snprintf(buf, sz, "%02llu:%02llu:%02llu",
	    (unsigned long long)(s / 3600), (unsigned long long)(s / 60 % 60),
	    (unsigned long long)(s % 60));
}

/* The outside host's global address for its local O (the same without
 * an outside static). */
static uint32_t
outside_global(const struct nat *n, uint32_t o)
{
	size_t	i;

	for (i = 0; n->n_nostatic != 0 && i < n->n_nrules; i++)
		if (n->n_rules[i].nr_kind == NR_OSTATIC &&
		    n->n_rules[i].nr_local == o)
			return n->n_rules[i].nr_global;
	return o;
}

static void
xlate_show(const struct nat *n, const struct nat_xlate *x, bool verbose,
    uint64_t now, struct strbuf *sb)
{
	char	b[32], pb[8], c[32], u[32];
	bool	port = x->nx_proto != 0;

	col(sb, proto_name(x->nx_proto, pb, sizeof(pb)), 4);
	addr_port(b, sizeof(b), x->nx_ig, port, x->nx_igp);
	col(sb, b, 19);
	addr_port(b, sizeof(b), x->nx_il, port, x->nx_ilp);
	col(sb, b, 19);
	if (x->nx_o == 0) {
		col(sb, "---", 19);
		strbuf_puts(sb, "---\n");
	} else {
		addr_port(b, sizeof(b), x->nx_o, port, x->nx_op);
		col(sb, b, 19);
		addr_port(b, sizeof(b), outside_global(n, x->nx_o), port,
		    x->nx_op);
		strbuf_printf(sb, "%s\n", b);
	}
	if (!verbose)
		return;
	hms(c, sizeof(c), now - x->nx_created);
	hms(u, sizeof(u), now - x->nx_used);
	/* The flags IOS documents: static, extended, timing out (after a
	 * FIN or RST). */
	strbuf_printf(sb, "    create %s, use %s, flags: %s%s\n", c, u,
	    x->nx_static ? "static" : x->nx_proto != 0 ? "extended" : "none",
	    x->nx_finrst ? ", timing out" : "");
}

int
dp_show_ip_nat_translations_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat		*n = vty->v_sys->sy_dp->d_nat;
	const struct nat_xlate	*x;
	const struct nat_rule	*r;
	uint64_t		 now = clock_mono_ms();
	char			 a[16];
	size_t			 i;

	nat_expire(n, now);
	strbuf_puts(&vty->v_out, "Pro Inside global      Inside local       "
	    "Outside local      Outside global\n");
	/* Outside statics first: they exist before any traffic. */
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_OSTATIC)
			continue;
		col(&vty->v_out, "---", 4);
		col(&vty->v_out, "---", 19);
		col(&vty->v_out, "---", 19);
		ip4_text(r->nr_local, a);
		col(&vty->v_out, a, 19);
		ip4_text(r->nr_global, a);
		strbuf_printf(&vty->v_out, "%s\n", a);
		if (cmd_has(m, "verbose"))
			strbuf_puts(&vty->v_out, "    create 00:00:00, use "
			    "00:00:00, flags: static, outside\n");
	}
	for (x = n->n_first; x != NULL; x = x->nx_next)
		xlate_show(n, x, cmd_has(m, "verbose"), now, &vty->v_out);
	return CMD_SUCCESS;
}

static void
iface_list(const struct dataplane *dp, enum if_nat which, struct strbuf *sb)
{
	const char	*sep = "  ";
	size_t		 i;

	for (i = 0; i < dp->d_nifs; i++)
		if (dp->d_ifs[i]->if_nat == which) {
			strbuf_printf(sb, "%s%s", sep, dp->d_ifs[i]->if_name);
			sep = ", ";
		}
	if (strcmp(sep, ", ") == 0)
		strbuf_putc(sb, '\n');
}

int
dp_show_ip_nat_statistics_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct nat		*n = dp->d_nat;
	struct strbuf		*sb = &vty->v_out;
	const struct nat_xlate	*x;
	const struct nat_rule	*r;
	const struct nat_pool	*p;
	size_t			 st = 0, ext = 0, i, ref, alloc;
	uint32_t		 a, total;
	char			 s[16], e[16], k[16];
	bool			 head = false;

	(void)m;
	nat_expire(n, clock_mono_ms());
	for (x = n->n_first; x != NULL; x = x->nx_next) {
		st += x->nx_static;
		ext += x->nx_proto != 0;
	}
	strbuf_printf(sb, "Total active translations: %zu (%zu static, %zu "
	    "dynamic; %zu extended)\n", n->n_count + n->n_nostatic,
	    st + n->n_nostatic, n->n_count - st, ext);
	strbuf_puts(sb, "Outside interfaces:\n");
	iface_list(dp, NAT_OUTSIDE, sb);
	strbuf_puts(sb, "Inside interfaces:\n");
	iface_list(dp, NAT_INSIDE, sb);
	strbuf_printf(sb, "Hits: %llu  Misses: %llu\n",
	    (unsigned long long)n->n_hits, (unsigned long long)n->n_misses);
	strbuf_printf(sb, "Expired translations: %llu\n",
	    (unsigned long long)n->n_expired);
	strbuf_puts(sb, "Dynamic mappings:\n");
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_LIST)
			continue;
		if (!head)
			strbuf_puts(sb, "-- Inside Source\n");
		head = true;
		ref = 0;
		for (x = n->n_first; x != NULL; x = x->nx_next)
			ref += x->nx_rule == r->nr_id;
		strbuf_printf(sb, "[Id: %u] access-list %s %s %s refcount %zu\n",
		    r->nr_id, r->nr_list, r->nr_pool != NULL ? "pool" :
		    "interface", r->nr_pool != NULL ? r->nr_pool :
		    r->nr_ifname, ref);
		if (r->nr_pool == NULL ||
		    (p = nat_pool_find(n, r->nr_pool)) == NULL)
			continue;
		ip4_text(p->np_mask, k);
		ip4_text(p->np_start, s);
		ip4_text(p->np_end, e);
		total = p->np_end - p->np_start + 1;
		alloc = 0;
		for (a = p->np_start; ; a++) {
			for (x = n->n_first; x != NULL; x = x->nx_next)
				if (x->nx_ig == a && !x->nx_static)
					break;
			alloc += x != NULL;
			if (a == p->np_end)
				break;
		}
		strbuf_printf(sb, " pool %s: netmask %s\n\tstart %s end %s\n"
		    "\ttype generic, total addresses %u, allocated %zu (%u%%), "
		    "misses %llu\n", p->np_name, k, s, e, total, alloc,
		    (unsigned)(alloc * 100 / total),
		    (unsigned long long)p->np_misses);
	}
	return CMD_SUCCESS;
}

int
dp_clear_ip_nat_translation_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat		*n = vty->v_sys->sy_dp->d_nat;
	struct nat_xlate	*x, *next;
	const char		*proto = cmd_arg(m, "proto");
	uint32_t		 g = 0, l = 0;
	uint8_t			 pr = 0;
	uint16_t		 gp = 0, lp = 0;
	bool			 all = cmd_arg(m, "g") == NULL;

	if (all && strcmp(cmd_arg(m, "which"), "*") != 0) {
		vty_invalid(vty, cmd_arg_off(m, "which"));
		return CMD_WARNING;
	}
	if (!all) {
		ip4_parse(cmd_arg(m, "g"), &g);
		ip4_parse(cmd_arg(m, "l"), &l);
		if (proto != NULL) {
			pr = strcmp(proto, "tcp") == 0 ? IPP_TCP : IPP_UDP;
			gp = (uint16_t)cmd_arg_num(m, "gp", 0);
			lp = (uint16_t)cmd_arg_num(m, "lp", 0);
		}
	}
	/* One inside pair (every outside end of it), or all; static
	 * translations stay, as on IOS. */
	for (x = n->n_first; x != NULL; x = next) {
		next = x->nx_next;
		if (x->nx_static)
			continue;
		if (!all && (x->nx_proto != pr || x->nx_ig != g ||
		    x->nx_il != l || x->nx_igp != gp || x->nx_ilp != lp))
			continue;
		nat_xlate_free(n, x);
	}
	return CMD_SUCCESS;
}

int
dp_clear_ip_nat_statistics_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct nat	*n = vty->v_sys->sy_dp->d_nat;
	size_t		 i;

	(void)m;
	n->n_hits = n->n_misses = n->n_expired = 0;
	for (i = 0; i < n->n_npools; i++)
		n->n_pools[i].np_misses = 0;
	return CMD_SUCCESS;
}

/* debug ip nat (data NULL); undebug / no debug ip nat ("off"). */
int
dp_debug_ip_nat_cmd(struct vty *vty, const struct cmd_args *m)
{
	bool	on = cmd_data(m) == NULL;

	vty->v_sys->sy_dp->d_nat->n_debug = on;
	vty_out(vty, "IP NAT debugging is %s\n", on ? "on" : "off");
	return CMD_SUCCESS;
}

void
dp_show_debugging(const struct dataplane *dp, struct strbuf *sb)
{
	if (dp->d_nat == NULL || !dp->d_nat->n_debug)
		return;
	strbuf_puts(sb, "Generic IP:\n  IP NAT debugging is on\n\n");
}

void
dp_debug_all_off(struct dataplane *dp)
{
	if (dp->d_nat != NULL)
		dp->d_nat->n_debug = false;
}
