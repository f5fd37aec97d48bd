/*
 * routing: the stored `router ...` blocks (shell/routing.h) and the
 * handlers of their modes.  A "no" line removes the line it negates when
 * the block has it; otherwise it is itself a configuration line IOS keeps
 * ("no auto-summary", "no passive-interface Gi0/1" under
 * "passive-interface default") and is stored as typed.
 */
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
	memset(rt, 0, sizeof(*rt));
}

static bool
is_af(const struct rt_line *l)
{
	return l->rl_indent == 1 &&
	    strncmp(l->rl_text, "address-family ", 15) == 0;
}

static int
block_cmp(const void *a, const void *b)
{
	const struct rt_block	*x = *(struct rt_block *const *)a;
	const struct rt_block	*y = *(struct rt_block *const *)b;

	if (x->rb_order != y->rb_order)
		return x->rb_order < y->rb_order ? -1 : 1;
	return strcmp(x->rb_head, y->rb_head);
}

void
routing_nvgen(const struct routing *rt, struct strbuf *sb)
{
	struct rt_block	**v;
	size_t		  i, j;

	if (rt->rt_n == 0)
		return;
	v = xcalloc(rt->rt_n, sizeof(*v));
	memcpy(v, rt->rt_blocks, rt->rt_n * sizeof(*v));
	qsort(v, rt->rt_n, sizeof(*v), block_cmp);
	for (i = 0; i < rt->rt_n; i++) {
		if (i > 0)
			nv_line(sb, 0, "!");
		nv_line(sb, 0, "%s", v[i]->rb_head);
		for (j = 0; j < v[i]->rb_n; j++) {
			/* IOS separates the address-families with " !" and
			 * closes each with exit-address-family. */
			if (is_af(&v[i]->rb_lines[j]))
				nv_line(sb, 1, "!");
			nv_line(sb, v[i]->rb_lines[j].rl_indent, "%s",
			    v[i]->rb_lines[j].rl_text);
			if (v[i]->rb_lines[j].rl_indent == 2 ||
			    is_af(&v[i]->rb_lines[j]))
				if (j + 1 == v[i]->rb_n ||
				    v[i]->rb_lines[j + 1].rl_indent != 2)
					nv_line(sb, 1, "exit-address-family");
		}
	}
	free(v);
}

static struct routing *
rt_of(struct vty *vty)
{
	return &vty->v_router->r_routing;
}

/* `router ospf N`, `router eigrp N|NAME`, `router bgp N`, `router rip`. */
int
cmd_router(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);
	struct strbuf	 head;
	struct rt_block	*b = NULL;
	size_t		 i;
	char		*text;

	strbuf_init(&head);
	cmd_args_canon(m, &head);
	text = head.sb_buf;
	if (cmd_negated(m))
		text += strlen(cmd_is_no(m) ? "no " : "default ");
	for (i = 0; i < rt->rt_n; i++)
		if (strcmp(rt->rt_blocks[i]->rb_head, text) == 0)
			b = rt->rt_blocks[i];
	if (cmd_negated(m)) {
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
		strbuf_free(&head);
		return CMD_SUCCESS;
	}
	if (b == NULL) {
		b = xcalloc(1, sizeof(*b));
		b->rb_head = xstrdup(text);
		b->rb_order = cmd_has(m, "eigrp") ? 0 : cmd_has(m, "ospf") ?
		    1 : cmd_has(m, "rip") ? 2 : 3;
		rt->rt_blocks = xreallocarray(rt->rt_blocks, rt->rt_n + 1,
		    sizeof(b));
		rt->rt_blocks[rt->rt_n++] = b;
	}
	strbuf_free(&head);
	rt->rt_cur = b;
	free(rt->rt_af);
	rt->rt_af = NULL;
	vty_enter(vty, MODE_CONFIG_ROUTER, b);
	return CMD_SUCCESS;
}

/* Whether the block holds TEXT at INDENT; its index in *AT. */
static bool
block_find(const struct rt_block *b, const char *text, unsigned indent,
    size_t *at)
{
	size_t	i;

	for (i = 0; i < b->rb_n; i++)
		if (b->rb_lines[i].rl_indent == indent &&
		    strcmp(b->rb_lines[i].rl_text, text) == 0) {
			*at = i;
			return true;
		}
	return false;
}

/* Where a new line goes: a block line before the first address-family,
 * an address-family line at the end of its section (AF: its header). */
static size_t
block_slot(const struct rt_block *b, unsigned indent, const char *af)
{
	size_t	i, at;

	if (indent == 1) {
		for (i = 0; i < b->rb_n; i++)
			if (is_af(&b->rb_lines[i]))
				return i;
		return b->rb_n;
	}
	if (af == NULL || !block_find(b, af, 1, &at))
		return b->rb_n;
	for (i = at + 1; i < b->rb_n && b->rb_lines[i].rl_indent == 2; i++)
		;
	return i;
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

/* Remove line AT, with its address-family section when it heads one. */
static void
block_remove(struct rt_block *b, size_t at)
{
	size_t	end = at + 1, i;

	if (is_af(&b->rb_lines[at]))
		while (end < b->rb_n && b->rb_lines[end].rl_indent == 2)
			end++;
	for (i = at; i < end; i++)
		free(b->rb_lines[i].rl_text);
	memmove(&b->rb_lines[at], &b->rb_lines[end],
	    (b->rb_n - end) * sizeof(*b->rb_lines));
	b->rb_n -= end - at;
}

/* A line of the block, at the depth of the mode it was typed in. */
int
cmd_router_line(struct vty *vty, const struct cmd_args *m)
{
	struct routing	*rt = rt_of(vty);
	struct rt_block	*b = rt->rt_cur;
	struct strbuf	 line;
	unsigned	 indent = vty->v_mode == MODE_CONFIG_ROUTER_AF ? 2 : 1;
	const char	*pos;
	size_t		 at;

	if (b == NULL)
		return CMD_WARNING;
	strbuf_init(&line);
	cmd_args_canon(m, &line);
	pos = line.sb_buf + (cmd_is_no(m) ? 3 : cmd_is_default(m) ? 8 : 0);
	if (cmd_negated(m) && block_find(b, pos, indent, &at))
		block_remove(b, at);
	else if (!cmd_is_default(m) && !block_find(b, line.sb_buf, indent,
	    &at))
		block_insert(b, block_slot(b, indent, rt->rt_af),
		    line.sb_buf, indent);
	strbuf_free(&line);
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
	if (!block_find(rt->rt_cur, line.sb_buf, 1, &at))
		block_insert(rt->rt_cur, rt->rt_cur->rb_n, line.sb_buf, 1);
	free(rt->rt_af);
	rt->rt_af = xstrdup(line.sb_buf);
	strbuf_free(&line);
	vty_enter(vty, MODE_CONFIG_ROUTER_AF, rt->rt_cur);
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
	vty_enter(vty, MODE_CONFIG_ROUTER, rt->rt_cur);
	return CMD_SUCCESS;
}
