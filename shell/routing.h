/*
 * routing: `router ospf|eigrp|bgp|rip` blocks, stored and rendered but not
 * acted on (iosh runs no routing protocol: its routes are the connected
 * and static ones).  Each sub-line is matched by a real grammar entry
 * (grammar/router.c) and kept in its canonical form (keywords in full),
 * in the order typed, which for a pasted running-config is IOS's order.
 */
#ifndef IOSH_SHELL_ROUTING_H
#define IOSH_SHELL_ROUTING_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strbuf.h"

struct rt_line {
	char		*rl_text;	/* canonical, without indentation */
	unsigned	 rl_indent;	/* 1 in the block, 2 in an address-family,
					 * 3 in its af-interface or topology */
};

struct rt_block {
	char		*rb_head;	/* "router bgp 65001" */
	unsigned	 rb_order;	/* IOS's order: eigrp, ospf, rip, bgp;
					 * RB_ROUTE_MAP for a route-map entry */
	unsigned long	 rb_seq;	/* a route-map entry's sequence */
	struct rt_line	*rb_lines;
	size_t		 rb_n;
};

#define RB_ROUTE_MAP	10
#define RB_VRF_DEF	11	/* vrf definition NAME */
#define RB_IP_VRF	12	/* ip vrf NAME */

struct routing {
	struct rt_block	**rt_blocks;
	size_t		  rt_n;
	struct rt_block	 *rt_cur;	/* the block being edited */
	char		 *rt_af;	/* its address-family being edited */
	char		 *rt_sub;	/* its af-interface / topology */
	/* ip prefix-list / ip community-list lines, canonical, in order. */
	struct rt_line	 *rt_lists;
	size_t		  rt_nlists;
	bool		  rt_bgp_community_new;	/* ip bgp-community new-format */
};

void	routing_free(struct routing *);
/* The blocks whose order is in [LO, HI], in IOS's order, in a malloc'd
 * array the caller frees; their number. */
size_t	routing_sorted(const struct routing *, unsigned lo, unsigned hi,
	    struct rt_block ***);
/* The router blocks (ROUTE_MAPS false) or the route-maps, in IOS's
 * order, "!" between them. */
void	routing_nvgen(const struct routing *, bool route_maps,
	    struct strbuf *);
/* The VRF blocks of ORDER (RB_VRF_DEF or RB_IP_VRF), each closed by "!". */
void	routing_vrf_nvgen(const struct routing *, unsigned order,
	    struct strbuf *);
/* ip prefix-list and ip community-list lines. */
void	routing_lists_nvgen(const struct routing *, struct strbuf *);

#endif
