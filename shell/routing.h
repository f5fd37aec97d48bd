/*
 * routing: `router ospf|eigrp|bgp|rip` blocks, stored and rendered but not
 * acted on (iosh runs no routing protocol: its routes are the connected
 * and static ones).  Each sub-line is matched by a real grammar entry
 * (grammar/router.c) and kept in its canonical form (keywords in full),
 * in the order typed, which for a pasted running-config is IOS's order.
 */
#ifndef IOSH_SHELL_ROUTING_H
#define IOSH_SHELL_ROUTING_H

#include <stddef.h>

#include "lib/strbuf.h"

struct rt_line {
	char		*rl_text;	/* canonical, without indentation */
	unsigned	 rl_indent;	/* 1 in the block, 2 in an address-family */
};

struct rt_block {
	char		*rb_head;	/* "router bgp 65001" */
	unsigned	 rb_order;	/* IOS's order: eigrp, ospf, rip, bgp */
	struct rt_line	*rb_lines;
	size_t		 rb_n;
};

struct routing {
	struct rt_block	**rt_blocks;
	size_t		  rt_n;
	struct rt_block	 *rt_cur;	/* the block being edited */
	char		 *rt_af;	/* its address-family being edited */
};

void	routing_free(struct routing *);
/* The blocks in IOS's order, "!" between them. */
void	routing_nvgen(const struct routing *, struct strbuf *);

#endif
