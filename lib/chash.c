/*
 * chash: a growing chained hash table of intrusive elements (chash.h).
 */
#include <stdlib.h>

#include "lib/chash.h"
#include "lib/xalloc.h"

static void **
link_of(const struct chash *h, void *e)
{
	return (void **)((char *)e + h->ch_next);
}

void
chash_init(struct chash *h, size_t next, size_t (*key)(const void *))
{
	h->ch_b = NULL;
	h->ch_nb = 0;
	h->ch_n = 0;
	h->ch_next = next;
	h->ch_key = key;
}

void
chash_free(struct chash *h)
{
	free(h->ch_b);
	h->ch_b = NULL;
	h->ch_nb = 0;
	h->ch_n = 0;
}

/*
 * Twice the buckets: bucket i's chain splits into i and i + nb.  Each
 * element is appended to its new chain's tail, so the order within a
 * chain (newest first) survives: a lookup that takes the first match
 * answers the same before and after.
 */
static void
grow(struct chash *h)
{
	size_t	  nb = h->ch_nb != 0 ? 2 * h->ch_nb : CHASH_MIN, i;
	void	**b = xcalloc(nb, sizeof(*b)), **tail[2], *e, *next;

	for (i = 0; i < h->ch_nb; i++) {
		tail[0] = &b[i];
		tail[1] = &b[i + h->ch_nb];
		for (e = h->ch_b[i]; e != NULL; e = next) {
			next = *link_of(h, e);
			*link_of(h, e) = NULL;
			if ((h->ch_key(e) & (nb - 1)) == i) {
				*tail[0] = e;
				tail[0] = link_of(h, e);
			} else {
				*tail[1] = e;
				tail[1] = link_of(h, e);
			}
		}
	}
	free(h->ch_b);
	h->ch_b = b;
	h->ch_nb = nb;
}

void
chash_insert(struct chash *h, void *e)
{
	void	**slot;

	if (h->ch_n >= h->ch_nb)
		grow(h);
	slot = &h->ch_b[h->ch_key(e) & (h->ch_nb - 1)];
	*link_of(h, e) = *slot;
	*slot = e;
	h->ch_n++;
}

void
chash_remove(struct chash *h, void *e)
{
	void	**pp;

	if (h->ch_nb == 0)
		return;
	for (pp = &h->ch_b[h->ch_key(e) & (h->ch_nb - 1)]; *pp != NULL;
	    pp = link_of(h, *pp))
		if (*pp == e) {
			*pp = *link_of(h, e);
			h->ch_n--;
			return;
		}
}
