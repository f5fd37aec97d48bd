/*
 * routing: the stored `router ...` blocks (shell/routing.h) and the
 * handlers of their modes.  A "no" line removes the line it negates when
 * the block has it; otherwise it is itself a configuration line IOS keeps
 * ("no auto-summary", "no passive-interface Gi0/1" under
 * "passive-interface default") and is stored as typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/routing.h"

static void
block_free(struct rt_block *b)
{
	size_t	i;

	for (i = 0; i < b->rb_n; i++)
		free(b->rb_lines[i].rl_text);
	free(b->rb_lines);
	free(b->rb_head);
	free(b);
}

void
routing_free(struct routing *rt)
{
	size_t	i;

	for (i = 0; i < rt->rt_n; i++)
		block_free(rt->rt_blocks[i]);
	free(rt->rt_blocks);
	free(rt->rt_af);
	free(rt->rt_sub);
	for (i = 0; i < rt->rt_nlists; i++)
		free(rt->rt_lists[i].rl_text);
	free(rt->rt_lists);
	memset(rt, 0, sizeof(*rt));
}

static bool
is_af(const struct rt_line *l)
{
	return l->rl_indent == 1 &&
	    strncmp(l->rl_text, "address-family ", 15) == 0;
}

/* Named EIGRP's sections inside an address-family. */
static bool
is_sub(const struct rt_line *l)
{
	return l->rl_indent == 2 &&
	    (strncmp(l->rl_text, "af-interface ", 13) == 0 ||
	    strncmp(l->rl_text, "topology ", 9) == 0);
}

static int
block_cmp(const void *a, const void *b)
{
	const struct rt_block	*x = *(struct rt_block *const *)a;
	const struct rt_block	*y = *(struct rt_block *const *)b;

	size_t			 nx, ny;

	if (x->rb_order != y->rb_order)
		return x->rb_order < y->rb_order ? -1 : 1;
	if (x->rb_order != RB_ROUTE_MAP)
		return strcmp(x->rb_head, y->rb_head);
	/* route-map NAME: by name, then by sequence number. */
	nx = strcspn(x->rb_head + 10, " ");
	ny = strcspn(y->rb_head + 10, " ");
	if (nx != ny || strncmp(x->rb_head + 10, y->rb_head + 10, nx) != 0)
		return strcmp(x->rb_head, y->rb_head);
	return x->rb_seq < y->rb_seq ? -1 : x->rb_seq > y->rb_seq;
}

/* The blocks whose order is in [LO, HI], sorted; "!" between them, and
 * around them with AROUND. */
size_t
routing_sorted(const struct routing *rt, unsigned lo, unsigned hi,
    struct rt_block ***out)
{
	struct rt_block	**v;
	size_t		  i, n = 0;

	v = xcalloc(rt->rt_n + 1, sizeof(*v));
	for (i = 0; i < rt->rt_n; i++)
		if (rt->rt_blocks[i]->rb_order >= lo &&
		    rt->rt_blocks[i]->rb_order <= hi)
			v[n++] = rt->rt_blocks[i];
	qsort(v, n, sizeof(*v), block_cmp);
	*out = v;
	return n;
}

static void
blocks_nvgen(const struct routing *rt, unsigned lo, unsigned hi, bool around,
    struct strbuf *sb)
{
	struct rt_block	**v;
	size_t		  i, j, n;

	if (rt->rt_n == 0)
		return;
	n = routing_sorted(rt, lo, hi, &v);
	for (i = 0; i < n; i++) {
		const struct rt_line	*l, *next, *sec = NULL;

		if (i > 0 || around)
			nv_line(sb, 0, "!");
		nv_line(sb, 0, "%s", v[i]->rb_head);
		for (j = 0; j < v[i]->rb_n; j++) {
			l = &v[i]->rb_lines[j];
			next = j + 1 < v[i]->rb_n ? l + 1 : NULL;
			/* IOS separates the address-families with " !" and
			 * closes each with exit-address-family; inside, named
			 * EIGRP's af-interface and topology sections likewise,
			 * "  !" and exit-af-interface|topology. */
			if (is_af(l))
				nv_line(sb, 1, "!");
			if (is_sub(l)) {
				nv_line(sb, 2, "!");
				sec = l;
			}
			nv_line(sb, l->rl_indent, "%s", l->rl_text);
			if (sec != NULL && (l->rl_indent == 3 || l == sec) &&
			    (next == NULL || next->rl_indent != 3))
				nv_line(sb, 2, "exit-af-%s", sec->rl_text[0] ==
				    'a' ? "interface" : "topology");
			if ((l->rl_indent >= 2 || is_af(l)) &&
			    (next == NULL || next->rl_indent < 2))
				nv_line(sb, 1, "exit-address-family");
		}
	}
	if (n > 0 && around)
		nv_line(sb, 0, "!");
	free(v);
}

void
routing_nvgen(const struct routing *rt, bool route_maps, struct strbuf *sb)
{
	if (route_maps)
		blocks_nvgen(rt, RB_ROUTE_MAP, RB_ROUTE_MAP, false, sb);
	else
		blocks_nvgen(rt, 0, RB_ROUTE_MAP - 1, false, sb);
}

void
routing_vrf_nvgen(const struct routing *rt, unsigned order, struct strbuf *sb)
{
	blocks_nvgen(rt, order, order, true, sb);
}

static struct routing *
rt_of(struct vty *vty)
{
	return &vty->v_router->r_routing;
}

/* Open (or with NEG remove) the block headed TEXT; SAME, when set, finds
 * an existing block to take the new head (a route-map entry whose action
 * changed). */
static int
block_open(struct vty *vty, const char *text, unsigned order,
    unsigned long seq, bool neg, bool (*same)(const struct rt_block *,
    const char *, unsigned long))
{
	struct routing	*rt = rt_of(vty);
	struct rt_block	*b = NULL;
	size_t		 i;

	for (i = 0; i < rt->rt_n; i++)
		if (strcmp(rt->rt_blocks[i]->rb_head, text) == 0 ||
		    (same != NULL && same(rt->rt_blocks[i], text, seq)))
			b = rt->rt_blocks[i];
	if (neg) {
		if (b != NULL) {
			for (i = 0; rt->rt_blocks[i] != b; i++)
				;
			memmove(&rt->rt_blocks[i], &rt->rt_blocks[i + 1],
			    (rt->rt_n - i - 1) * sizeof(b));
			rt->rt_n--;
			block_free(b);
			if (rt->rt_cur == b)
				rt->rt_cur = NULL;
		}
		return CMD_SUCCESS;
	}
	if (b == NULL) {
		b = xcalloc(1, sizeof(*b));
		b->rb_order = order;
		b->rb_seq = seq;
		rt->rt_blocks = xreallocarray(rt->rt_blocks, rt->rt_n + 1,
		    sizeof(b));
		rt->rt_blocks[rt->rt_n++] = b;
	}
	xstrset(&b->rb_head, text);
	rt->rt_cur = b;
	free(rt->rt_af);
	rt->rt_af = NULL;
	free(rt->rt_sub);
	rt->rt_sub = NULL;
	vty_enter(vty, order == RB_ROUTE_MAP ? MODE_CONFIG_ROUTE_MAP :
	    order >= RB_VRF_DEF ? MODE_CONFIG_VRF : MODE_CONFIG_ROUTER, b);
	return CMD_SUCCESS;
}

/* `router ospf N`, `router eigrp N|NAME`, `router bgp N`, `router rip`. */
int
cmd_router(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	 head;
	unsigned	 order;
	int		 rc;

	strbuf_init(&head);
	cmd_args_canon(m, &head);
	order = cmd_has(m, "eigrp") ? 0 : cmd_has(m, "ospf") ? 1 :
	    cmd_has(m, "rip") ? 2 : 3;
	rc = block_open(vty, head.sb_buf + (cmd_is_no(m) ? 3 :
	    cmd_is_default(m) ? 8 : 0), order, 0, cmd_negated(m), NULL);
	strbuf_free(&head);
	return rc;
}

/* The same route-map entry: name and sequence, whatever the action. */
static bool
same_entry(const struct rt_block *b, const char *text, unsigned long seq)
{
	size_t	n = strcspn(text + 10, " ");

	return b->rb_order == RB_ROUTE_MAP && b->rb_seq == seq &&
	    strncmp(b->rb_head, text, 10 + n) == 0 && b->rb_head[10 + n] == ' ';
}

/* `route-map NAME [permit|deny] [<0-65535>]`: permit and 10 by default,
 * printed in full as IOS prints them. */
int
cmd_route_map(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	 head;
	unsigned long	 seq = (unsigned long)cmd_arg_num(m, "seq", 10);
	int		 rc;

	/* `no route-map NAME`: every entry of the map. */
	if (cmd_negated(m) && !cmd_has(m, "seq") && !cmd_has(m, "permit") &&
	    !cmd_has(m, "deny")) {
		struct routing	*rt = rt_of(vty);
		size_t		 i;

		strbuf_init(&head);
		strbuf_printf(&head, "route-map %s ", cmd_arg(m, "name"));
		for (i = rt->rt_n; i-- > 0;)
			if (rt->rt_blocks[i]->rb_order == RB_ROUTE_MAP &&
			    strncmp(rt->rt_blocks[i]->rb_head, head.sb_buf,
			    head.sb_len) == 0)
				(void)block_open(vty, rt->rt_blocks[i]->rb_head,
				    RB_ROUTE_MAP, 0, true, NULL);
		strbuf_free(&head);
		return CMD_SUCCESS;
	}
	strbuf_init(&head);
	strbuf_printf(&head, "route-map %s %s %lu", cmd_arg(m, "name"),
	    cmd_has(m, "deny") ? "deny" : "permit", seq);
	rc = block_open(vty, head.sb_buf, RB_ROUTE_MAP, seq, cmd_negated(m),
	    same_entry);
	strbuf_free(&head);
	return rc;
}

/* The lines [*LO, *HI) of the section a line at INDENT goes in: the
 * block, address-family AF, or AF's section SUB (af-interface, topology);
 * false when that section is not there. */
static bool
block_section(const struct rt_block *b, unsigned indent, const char *af,
    const char *sub, size_t *lo, size_t *hi)
{
	size_t	i;

	*lo = 0;
	*hi = b->rb_n;
	if (indent == 1)
		return true;
	for (i = 0; i < b->rb_n; i++)
		if (b->rb_lines[i].rl_indent == 1 && af != NULL &&
		    strcmp(b->rb_lines[i].rl_text, af) == 0)
			break;
	if (i == b->rb_n)
		return false;
	for (*lo = *hi = i + 1; *hi < b->rb_n &&
	    b->rb_lines[*hi].rl_indent >= 2; (*hi)++)
		;
	if (indent == 2)
		return true;
	for (i = *lo; i < *hi; i++)
		if (b->rb_lines[i].rl_indent == 2 && sub != NULL &&
		    strcmp(b->rb_lines[i].rl_text, sub) == 0)
			break;
	if (i == *hi)
		return false;
	for (*lo = *hi = i + 1; *hi < b->rb_n &&
	    b->rb_lines[*hi].rl_indent == 3; (*hi)++)
		;
	return true;
}

/* Whether [LO, HI) holds TEXT at INDENT; its index in *AT. */
static bool
block_find(const struct rt_block *b, size_t lo, size_t hi, const char *text,
    unsigned indent, size_t *at)
{
	size_t	i;

	for (i = lo; i < hi; i++)
		if (b->rb_lines[i].rl_indent == indent &&
		    strcmp(b->rb_lines[i].rl_text, text) == 0) {
			*at = i;
			return true;
		}
	return false;
}

/* Where a new line goes in its section [LO, HI): a block line before the
 * first address-family, an af-interface or topology section before the
 * address-family's other lines (af-interfaces before the topology),
 * anything else at the section's end. */
static size_t
block_slot(const struct rt_block *b, size_t lo, size_t hi,
    const struct rt_line *l)
{
	size_t	i;

	if (l->rl_indent == 1) {
		for (i = 0; i < b->rb_n; i++)
			if (is_af(&b->rb_lines[i]))
				return i;
		return b->rb_n;
	}
	if (is_sub(l)) {
		/* The af-interfaces, then topology base, as IOS prints. */
		for (i = lo; i < hi && ((is_sub(&b->rb_lines[i]) &&
		    (l->rl_text[0] != 'a' || b->rb_lines[i].rl_text[0] == 'a')) ||
		    b->rb_lines[i].rl_indent == 3); i++)
			;
		return i;
	}
	return hi;
}

static void
block_insert(struct rt_block *b, size_t at, const char *text,
    unsigned indent)
{
	b->rb_lines = xreallocarray(b->rb_lines, b->rb_n + 1,
	    sizeof(*b->rb_lines));
	memmove(&b->rb_lines[at + 1], &b->rb_lines[at],
	    (b->rb_n - at) * sizeof(*b->rb_lines));
	b->rb_lines[at].rl_text = xstrdup(text);
	b->rb_lines[at].rl_indent = indent;
	b->rb_n++;
}

/* Remove line AT, with the section it heads (an address-family's, an
 * af-interface's or topology's). */
static void
block_remove(struct rt_block *b, size_t at)
{
	size_t		end = at + 1, i;
	unsigned	deeper = b->rb_lines[at].rl_indent + 1;

	if (is_af(&b->rb_lines[at]) || is_sub(&b->rb_lines[at]))
		while (end < b->rb_n && b->rb_lines[end].rl_indent >= deeper)
			end++;
	for (i = at; i < end; i++)
		free(b->rb_lines[i].rl_text);
	memmove(&b->rb_lines[at], &b->rb_lines[end],
	    (b->rb_n - end) * sizeof(*b->rb_lines));
	b->rb_n -= end - at;
}

static unsigned
mode_indent(const struct vty *vty)
{
	switch (vty->v_mode) {
	case MODE_CONFIG_ROUTER_AF:
	case MODE_CONFIG_VRF_AF:
		return 2;
	case MODE_CONFIG_ROUTER_AF_IF:
	case MODE_CONFIG_ROUTER_AF_TOPO:
		return 3;
	default:
		return 1;
	}
}

/* Store (or with "no" remove) the canonical line of M at INDENT in its
 * section; its index in *AT when it is there after. */
static bool
block_line(struct routing *rt, const struct cmd_args *m, unsigned indent,
    size_t *at)
{
	struct rt_block	*b = rt->rt_cur;
	struct strbuf	 line;
	struct rt_line	 l;
	const char	*pos;
	size_t		 lo, hi;
	bool		 there;

	if (b == NULL || !block_section(b, indent, rt->rt_af, rt->rt_sub, &lo,
	    &hi))
		return false;
	strbuf_init(&line);
	cmd_args_canon(m, &line);
	pos = line.sb_buf + (cmd_is_no(m) ? 3 : cmd_is_default(m) ? 8 : 0);
	if (cmd_negated(m) && block_find(b, lo, hi, pos, indent, at)) {
		block_remove(b, *at);
		there = false;
	} else if (cmd_is_default(m))
		there = false;
	else if (!(there = block_find(b, lo, hi, line.sb_buf, indent, at))) {
		l.rl_text = line.sb_buf;
		l.rl_indent = indent;
		*at = block_slot(b, lo, hi, &l);
		block_insert(b, *at, line.sb_buf, indent);
		there = true;
	}
	strbuf_free(&line);
	return there;
}

/* A line of the block, at the depth of the mode it was typed in. */
int
cmd_router_line(struct vty *vty, const struct cmd_args *m)
{
	size_t	at;

	if (rt_of(vty)->rt_cur == NULL)
		return CMD_WARNING;
	(void)block_line(rt_of(vty), m, mode_indent(vty), &at);
	return CMD_SUCCESS;
}

/* `af-interface NAME|default`, `topology base`: a section of the
 * address-family, then its mode. */
int
cmd_router_af_sub(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);
	size_t		 at;

	if (rt->rt_cur == NULL)
		return CMD_WARNING;
	if (!block_line(rt, m, 2, &at) || cmd_negated(m))
		return CMD_SUCCESS;
	xstrset(&rt->rt_sub, rt->rt_cur->rb_lines[at].rl_text);
	vty_enter(vty, cmd_has(m, "topology") ? MODE_CONFIG_ROUTER_AF_TOPO :
	    MODE_CONFIG_ROUTER_AF_IF, rt->rt_cur);
	return CMD_SUCCESS;
}

/* exit-af-interface, exit-af-topology: back to the address-family. */
int
cmd_router_exit_sub(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);

	(void)m;
	free(rt->rt_sub);
	rt->rt_sub = NULL;
	vty_enter(vty, MODE_CONFIG_ROUTER_AF, rt->rt_cur);
	return CMD_SUCCESS;
}

/* `address-family ...`: its section of the block, then the nested mode. */
int
cmd_router_af(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);
	struct strbuf	 line;
	size_t		 at;

	if (rt->rt_cur == NULL)
		return CMD_WARNING;
	if (cmd_negated(m))
		return cmd_router_line(vty, m);
	strbuf_init(&line);
	cmd_args_canon(m, &line);
	if (!block_find(rt->rt_cur, 0, rt->rt_cur->rb_n, line.sb_buf, 1, &at))
		block_insert(rt->rt_cur, rt->rt_cur->rb_n, line.sb_buf, 1);
	free(rt->rt_af);
	rt->rt_af = xstrdup(line.sb_buf);
	free(rt->rt_sub);
	rt->rt_sub = NULL;
	strbuf_free(&line);
	vty_enter(vty, vty->v_mode == MODE_CONFIG_VRF ? MODE_CONFIG_VRF_AF :
	    MODE_CONFIG_ROUTER_AF, rt->rt_cur);
	return CMD_SUCCESS;
}

/* `exit-address-family`: back to the block; rendering closes each
 * section with it, as IOS does. */
int
cmd_router_exit_af(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);

	(void)m;
	free(rt->rt_af);
	rt->rt_af = NULL;
	free(rt->rt_sub);
	rt->rt_sub = NULL;
	vty_enter(vty, vty->v_mode == MODE_CONFIG_VRF_AF ? MODE_CONFIG_VRF :
	    MODE_CONFIG_ROUTER, rt->rt_cur);
	return CMD_SUCCESS;
}

/* `vrf definition NAME` (IOS-XE's, multiprotocol) or `ip vrf NAME`:
 * a block of its own kind, stored as the router blocks are. */
int
cmd_vrf(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	 head;
	int		 rc;

	strbuf_init(&head);
	strbuf_printf(&head, "%s %s", cmd_has(m, "definition") ?
	    "vrf definition" : "ip vrf", cmd_arg(m, "name"));
	rc = block_open(vty, head.sb_buf, cmd_has(m, "definition") ?
	    RB_VRF_DEF : RB_IP_VRF, 0, cmd_negated(m), NULL);
	strbuf_free(&head);
	return rc;
}

/* ASN:nn or A.B.C.D:nn, IOS's two forms of a route distinguisher or
 * route target (nn up to 32 bits after an AS of 16, 16 after an
 * address or a 32-bit AS). */
static bool
rd_valid(const char *s)
{
	unsigned long	a, n;
	unsigned	b[4];
	char		end;

	if (sscanf(s, "%u.%u.%u.%u:%lu%c", &b[0], &b[1], &b[2], &b[3], &n,
	    &end) == 5)
		return b[0] < 256 && b[1] < 256 && b[2] < 256 && b[3] < 256 &&
		    n <= 65535 && strspn(s, "0123456789.:") == strlen(s);
	if (sscanf(s, "%lu:%lu%c", &a, &n, &end) != 2 ||
	    strspn(s, "0123456789:") != strlen(s))
		return false;
	return a <= 65535 ? n <= 4294967295UL : a <= 4294967295UL &&
	    n <= 65535;
}

/* A VRF's `description`: one, printed first whatever the order typed. */
int
cmd_vrf_description(struct vty *vty, const struct cmd_args *m)
{
	struct rt_block	*b = rt_of(vty)->rt_cur;
	struct strbuf	 line;
	size_t		 i;

	if (b == NULL)
		return CMD_WARNING;
	for (i = 0; i < b->rb_n; i++)
		if (b->rb_lines[i].rl_indent == 1 &&
		    strncmp(b->rb_lines[i].rl_text, "description ", 12) == 0) {
			block_remove(b, i);
			break;
		}
	if (cmd_negated(m))
		return CMD_SUCCESS;
	strbuf_init(&line);
	cmd_args_canon(m, &line);
	block_insert(b, 0, line.sb_buf, 1);
	strbuf_free(&line);
	return CMD_SUCCESS;
}

/* `rd` and `route-target`: the value checked, then stored as a line. */
int
cmd_vrf_rd(struct vty *vty, const struct cmd_args *m)
{
	const char	*v = cmd_arg(m, "value");

	if (v != NULL && !rd_valid(v)) {
		vty_invalid(vty, cmd_arg_off(m, "value"));
		return CMD_WARNING;
	}
	return cmd_router_line(vty, m);
}

void
routing_lists_nvgen(const struct routing *rt, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < rt->rt_nlists; i++)
		nv_line(sb, 0, "%s", rt->rt_lists[i].rl_text);
}

/* Store TEXT (canonical) in the lists, or remove it: a "no" of a list's
 * name alone (TEXT a prefix of its lines) removes the whole list. */
static void
lists_set(struct routing *rt, const char *text, bool remove)
{
	size_t	i, len = strlen(text);

	for (i = 0; i < rt->rt_nlists; i++) {
		const char *l = rt->rt_lists[i].rl_text;

		if (remove ? strncmp(l, text, len) == 0 &&
		    (l[len] == '\0' || l[len] == ' ') : strcmp(l, text) == 0) {
			if (!remove)
				return;
			free(rt->rt_lists[i].rl_text);
			memmove(&rt->rt_lists[i], &rt->rt_lists[i + 1],
			    (rt->rt_nlists - i - 1) * sizeof(*rt->rt_lists));
			rt->rt_nlists--;
			i--;
		}
	}
	if (remove)
		return;
	rt->rt_lists = xreallocarray(rt->rt_lists, rt->rt_nlists + 1,
	    sizeof(*rt->rt_lists));
	rt->rt_lists[rt->rt_nlists].rl_text = xstrdup(text);
	rt->rt_lists[rt->rt_nlists].rl_indent = 0;
	rt->rt_nlists++;
}

/* `ip community-list ...`: kept as typed (keywords in full). */
int
cmd_community_list(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	line;

	strbuf_init(&line);
	cmd_args_canon(m, &line);
	lists_set(rt_of(vty), line.sb_buf + (cmd_is_no(m) ? 3 :
	    cmd_is_default(m) ? 8 : 0), cmd_negated(m));
	strbuf_free(&line);
	return CMD_SUCCESS;
}

/* A.B.C.D/<0-32>, the prefix of a prefix-list entry. */
static bool
prefix_valid(const char *p)
{
	unsigned	a, b, c, d, len;
	char		end;

	return sscanf(p, "%u.%u.%u.%u/%u%c", &a, &b, &c, &d, &len,
	    &end) == 5 && a < 256 && b < 256 && c < 256 && d < 256 &&
	    len <= 32 && strspn(p, "0123456789./") == strlen(p);
}

/* `ip prefix-list NAME [seq N] permit|deny A.B.C.D/M [ge N] [le N]`:
 * IOS numbers an entry typed without seq 5 above the list's last one,
 * and always prints the number. */
int
cmd_prefix_list(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);
	const char	*name = cmd_arg(m, "name"), *pfx = cmd_arg(m, "prefix");
	struct strbuf	 line, head;
	unsigned long	 seq = 0, s;
	size_t		 i;

	strbuf_init(&head);
	strbuf_printf(&head, "ip prefix-list %s seq ", name);
	if (cmd_has(m, "seq"))
		seq = (unsigned long)cmd_arg_num(m, "seqno", 5);
	else
		for (i = 0; i < rt->rt_nlists; i++)
			if (strncmp(rt->rt_lists[i].rl_text, head.sb_buf,
			    head.sb_len) == 0 && sscanf(rt->rt_lists[i].rl_text +
			    head.sb_len, "%lu", &s) == 1 && s > seq)
				seq = s;
	if (!cmd_has(m, "seq"))
		seq += 5;
	if (pfx != NULL && !prefix_valid(pfx)) {
		strbuf_free(&head);
		vty_invalid(vty, cmd_arg_off(m, "prefix"));
		return CMD_WARNING;
	}
	strbuf_init(&line);
	if (pfx == NULL) {		/* no ip prefix-list NAME */
		strbuf_printf(&line, "ip prefix-list %s", name);
		lists_set(rt, line.sb_buf, true);
	} else {
		strbuf_printf(&line, "%s%lu %s %s", head.sb_buf, seq,
		    cmd_has(m, "permit") ? "permit" : "deny", pfx);
		if (cmd_has(m, "ge"))
			strbuf_printf(&line, " ge %s", cmd_arg(m, "gemin"));
		if (cmd_has(m, "le"))
			strbuf_printf(&line, " le %s", cmd_arg(m, "lemax"));
		if (cmd_negated(m))
			lists_set(rt, line.sb_buf, true);
		else {
			/* A sequence number names one entry: replaced. */
			strbuf_reset(&head);
			strbuf_printf(&head, "ip prefix-list %s seq %lu", name,
			    seq);
			lists_set(rt, head.sb_buf, true);
			lists_set(rt, line.sb_buf, false);
		}
	}
	strbuf_free(&line);
	strbuf_free(&head);
	return CMD_SUCCESS;
}

int
cmd_bgp_community_fmt(struct vty *vty, const struct cmd_args *m)
{
	rt_of(vty)->rt_bgp_community_new = !cmd_negated(m);
	return CMD_SUCCESS;
}
