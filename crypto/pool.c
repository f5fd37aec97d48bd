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

/* ---- `show ip local pool [NAME]` ---- */

/* An address a live ISAKMP SA holds (its client's mode-config address)
 * and the XAUTH user it was given to. */
struct pool_held {
	uint32_t	 ph_addr;
	const char	*ph_user;
};

static int
held_cmp(const void *a, const void *b)
{
	uint32_t	x = ((const struct pool_held *)a)->ph_addr;
	uint32_t	y = ((const struct pool_held *)b)->ph_addr;

	return x < y ? -1 : x > y;
}

/* Every held address, sorted, so that a range's count and lists are a
 * binary search and a walk, never a scan of the SAs per address. */
static struct pool_held *
pool_held(const struct crypto *c, size_t *np)
{
	const struct isakmp_sa	*is;
	struct pool_held	*h;
	size_t			 n = 0;

	h = xcalloc(c->c_sadb.db_nisakmp + 1, sizeof(*h));
	TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry)
		if (!is->is_dead && is->is_sess != NULL &&
		    is->is_sess->s_addr != 0) {
			h[n].ph_addr = is->is_sess->s_addr;
			h[n++].ph_user = is->is_sess->s_user;
		}
	qsort(h, n, sizeof(*h), held_cmp);
	*np = n;
	return h;
}

/* The first of H[0..N) at or above A. */
static size_t
held_from(const struct pool_held *h, size_t n, uint32_t a)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h[mid].ph_addr < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
held_in(const struct pool_held *h, size_t n, const struct pool_range *r)
{
	size_t	i = held_from(h, n, r->pr_lo), k = 0;

	for (; i < n && h[i].ph_addr <= r->pr_hi; i++)
		k++;
	return k;
}

/* One line per range, the pool's name on its first (IOS 12.4/15:
 * " IP-JAIL                  172.16.0.60     172.16.0.119      56       4",
 * a second range of the pool under an empty name). */
static void
pool_rows(const struct ip_pool *pl, const struct pool_held *h, size_t n,
    struct strbuf *sb)
{
	char	lo[IP4_TEXT_LEN], hi[IP4_TEXT_LEN];
	size_t	i, used;

	for (i = 0; i < pl->pl_n; i++) {
		used = held_in(h, n, &pl->pl_ranges[i]);
		strbuf_printf(sb, " %-24s %-15s %-15s%5llu%8zu\n",
		    i == 0 ? pl->pl_name : "",
		    ip4_text(pl->pl_ranges[i].pr_lo, lo),
		    ip4_text(pl->pl_ranges[i].pr_hi, hi),
		    (unsigned long long)pl->pl_ranges[i].pr_hi -
		    pl->pl_ranges[i].pr_lo + 1 - used, used);
	}
}

/* An address of the lists: the address, the interface that holds it
 * (IOS names a VPN client's "IKE Addr IDB"), its user. */
static void
pool_addr_line(uint32_t a, const char *idb, const char *user,
    struct strbuf *sb)
{
	char	t[IP4_TEXT_LEN];

	strbuf_printf(sb, "   %17s    %15s      %s\n", ip4_text(a, t), idb,
	    user);
}

/* A named pool's addresses, free then held ("Available addresses:",
 * "Inuse addresses:", "     None" for an empty list), as IOS's local
 * pool code prints them. */
static void
pool_lists(const struct ip_pool *pl, const struct pool_held *h, size_t n,
    struct strbuf *sb)
{
	size_t		i, j, k = 0;
	uint64_t	a;

	strbuf_puts(sb, "Available addresses:\n");
	for (i = 0; i < pl->pl_n; i++) {
		j = held_from(h, n, pl->pl_ranges[i].pr_lo);
		for (a = pl->pl_ranges[i].pr_lo; a <= pl->pl_ranges[i].pr_hi;
		    a++) {
			if (j < n && h[j].ph_addr == a) {
				j++;
				continue;
			}
			pool_addr_line((uint32_t)a, "", "", sb);
			k++;
		}
	}
	if (k == 0)
		strbuf_puts(sb, "     None\n");
	strbuf_puts(sb, "\nInuse addresses:\n");
	k = 0;
	for (i = 0; i < pl->pl_n; i++)
		for (j = held_from(h, n, pl->pl_ranges[i].pr_lo);
		    j < n && h[j].ph_addr <= pl->pl_ranges[i].pr_hi; j++, k++)
			pool_addr_line(h[j].ph_addr, "IKE Addr IDB",
			    h[j].ph_user, sb);
	if (k == 0)
		strbuf_puts(sb, "     None\n");
	strbuf_putc(sb, '\n');
}

int
show_ip_local_pool_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;
	const char		*name = cmd_arg(m, "name");
	const struct ip_pool	*pl = NULL;
	struct pool_held	*h;
	size_t			 n;

	if (name != NULL && (pl = crypto_pool_find(c, name)) == NULL) {
		vty_out(vty, "%%No IP Local Pool named %s\n", name);
		return CMD_SUCCESS;
	}
	if (name == NULL && TAILQ_EMPTY(&c->c_pools)) {
		vty_out(vty, "No IP Local Pools configured\n");
		return CMD_SUCCESS;
	}
	h = pool_held(c, &n);
	strbuf_puts(&vty->v_out, "\n Pool                     Begin           "
	    "End             Free  In use\n");
	if (pl != NULL) {
		pool_rows(pl, h, n, &vty->v_out);
		pool_lists(pl, h, n, &vty->v_out);
	} else
		TAILQ_FOREACH(pl, &c->c_pools, pl_entry)
			pool_rows(pl, h, n, &vty->v_out);
	free(h);
	return CMD_SUCCESS;
}
