/*
 * pool: `ip local pool NAME FIRST [LAST]`, the address ranges handed to
 * remote-access clients (a client group's `pool NAME`).  A pool may hold
 * several ranges, each rendered as its own line, in the order added.
 */
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
pool_key(const void *o)
{
	return ((const struct ip_pool *)o)->pl_name;
}

void
pool_init(struct crypto *c)
{
	c->c_pool_idx.nt_key = pool_key;
	TAILQ_INIT(&c->c_pools);
}

static void
pool_free(struct ip_pool *pl)
{
	free(pl->pl_ranges);
	free(pl->pl_name);
	free(pl);
}

void
pool_free_all(struct crypto *c)
{
	struct ip_pool	*pl;

	while ((pl = TAILQ_FIRST(&c->c_pools)) != NULL) {
		TAILQ_REMOVE(&c->c_pools, pl, pl_entry);
		pool_free(pl);
	}
	ntab_free(&c->c_pool_idx);
}

const struct ip_pool *
crypto_pool_find(const struct crypto *c, const char *name)
{
	return ntab_find(&c->c_pool_idx, name, NULL);
}

static void
pool_unlink(struct crypto *c, struct ip_pool *pl, size_t pos)
{
	ntab_remove(&c->c_pool_idx, pos);
	TAILQ_REMOVE(&c->c_pools, pl, pl_entry);
	pool_free(pl);
}

int
ip_local_pool_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto		*c = vty->v_sys->sy_crypto;
	const char		*name = cmd_arg(m, "name");
	const char		*first = cmd_arg(m, "first");
	const char		*last = cmd_arg(m, "last");
	struct pool_range	 r, *nv;
	struct ip_pool		*pl;
	size_t			 pos, i;

	pl = ntab_find(&c->c_pool_idx, name, &pos);
	if (first != NULL) {
		(void)ip4_parse(first, &r.pr_lo);
		r.pr_hi = r.pr_lo;
		if (last != NULL)
			(void)ip4_parse(last, &r.pr_hi);
	}
	if (cmd_negated(m)) {
		if (pl == NULL)
			return CMD_SUCCESS;
		if (first == NULL) {
			pool_unlink(c, pl, pos);
			return CMD_SUCCESS;
		}
		for (i = 0; i < pl->pl_n; i++)
			if (pl->pl_ranges[i].pr_lo == r.pr_lo &&
			    pl->pl_ranges[i].pr_hi == r.pr_hi)
				break;
		if (i == pl->pl_n)
			return CMD_SUCCESS;
		memmove(&pl->pl_ranges[i], &pl->pl_ranges[i + 1],
		    (pl->pl_n - i - 1) * sizeof(*nv));
		if (--pl->pl_n == 0)
			pool_unlink(c, pl, pos);
		return CMD_SUCCESS;
	}
	if (r.pr_hi < r.pr_lo) {
		vty_out(vty, "%%Invalid address range\n");
		return CMD_WARNING;
	}
	if (pl != NULL)
		for (i = 0; i < pl->pl_n; i++)
			if (r.pr_lo <= pl->pl_ranges[i].pr_hi &&
			    pl->pl_ranges[i].pr_lo <= r.pr_hi) {
				vty_out(vty, "%%overlapping address range\n");
				return CMD_WARNING;
			}
	if (pl == NULL) {
		pl = xcalloc(1, sizeof(*pl));
		pl->pl_name = xstrdup(name);
		ntab_insert(&c->c_pool_idx, pos, pl);
		TAILQ_INSERT_TAIL(&c->c_pools, pl, pl_entry);
	}
	if ((nv = reallocarray(pl->pl_ranges, pl->pl_n + 1, sizeof(*nv))) ==
	    NULL)
		abort();
	pl->pl_ranges = nv;
	pl->pl_ranges[pl->pl_n++] = r;
	return CMD_SUCCESS;
}

void
pool_nvgen(const struct crypto *c, struct strbuf *sb)
{
	const struct ip_pool	*pl;
	char			 lo[16], hi[16];
	size_t			 i;

	TAILQ_FOREACH(pl, &c->c_pools, pl_entry) {
		for (i = 0; i < pl->pl_n; i++) {
			ip4_text(pl->pl_ranges[i].pr_lo, lo);
			ip4_text(pl->pl_ranges[i].pr_hi, hi);
			if (pl->pl_ranges[i].pr_lo == pl->pl_ranges[i].pr_hi)
				nv_line(sb, 0, "ip local pool %s %s",
				    pl->pl_name, lo);
			else
				nv_line(sb, 0, "ip local pool %s %s %s",
				    pl->pl_name, lo, hi);
		}
	}
}
