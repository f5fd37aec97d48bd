/*
 * chash: a chained hash table that starts empty and grows, for tables
 * that hold nothing on most routers and tens of thousands of entries on
 * a hub (the SA database's).  Elements are intrusive: each carries a
 * `void *` chain pointer at a fixed offset, and the table asks a
 * function for an element's hash when it inserts, removes or rehashes.
 * No buckets are allocated before the first insert; the table doubles
 * when it holds more elements than buckets, so chains stay about one
 * long.  A chain keeps the newest element first, also across a rehash.
 */
#ifndef IOSH_LIB_CHASH_H
#define IOSH_LIB_CHASH_H

#include <stddef.h>

struct chash {
	void		**ch_b;		/* NULL until the first insert */
	size_t		  ch_nb;	/* buckets: 0 or a power of two */
	size_t		  ch_n;		/* elements */
	size_t		  ch_next;	/* offsetof the element's chain */
	size_t		(*ch_key)(const void *);	/* its hash */
};

#define CHASH_MIN	16	/* buckets at the first insert */

/* NEXT is offsetof(type, its `void *` chain field). */
void	chash_init(struct chash *, size_t next, size_t (*key)(const void *));
/* Frees the buckets, not the elements. */
void	chash_free(struct chash *);
void	chash_insert(struct chash *, void *);
/* E must be in the table. */
void	chash_remove(struct chash *, void *);

/* The chain where elements with hash HV are; walk it through the
 * elements' chain fields. */
static inline void *
chash_first(const struct chash *h, size_t hv)
{
	return h->ch_nb != 0 ? h->ch_b[hv & (h->ch_nb - 1)] : NULL;
}

#endif
