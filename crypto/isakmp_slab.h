/*
 * isakmp_slab: where a router's ISAKMP SAs live (sadb.c allocates them
 * here, nothing else does).
 *
 * `show crypto isakmp sa` writes a line per SA in creation order, 50,000
 * on a hub.  Allocated one by one by malloc, the SAs lie scattered over
 * the hub's 700 MB heap between its flows, IPsec SAs and the engine's
 * exchanges, and the walk paid a cache miss per line — twice the time per
 * line of `show running-config`, whose key lines lie together.  Taken in
 * order from slabs of ISK_SLAB_N, SAs created one after another lie one
 * after another, so the walk reads memory in order, which the hardware
 * prefetcher follows.  A freed SA's slot is the next one given out from
 * its slab; a slab with nothing left goes back to malloc (one empty slab
 * is kept, so a router that makes and drops one SA at a time does not
 * allocate a slab each time).  Under ASan free slots are poisoned, so a
 * use after free of an SA is still caught.
 */
#ifndef IOSH_CRYPTO_ISAKMP_SLAB_H
#define IOSH_CRYPTO_ISAKMP_SLAB_H

#include <sys/queue.h>

#include <stddef.h>

struct isakmp_sa;
struct isk_slab;

struct isk_slabs {
	/* Slabs with a free slot; SAs come from the first. */
	LIST_HEAD(isk_slab_list, isk_slab) ss_avail;
	struct isk_slab	*ss_spare;	/* an empty slab kept */
	size_t		 ss_nslabs;	/* allocated, the spare included */
};

/* A zeroed SA; *SLAB is set to the slab it is in, for isk_slab_free. */
struct isakmp_sa *isk_slab_alloc(struct isk_slabs *, struct isk_slab **slab);
void	isk_slab_free(struct isk_slabs *, struct isk_slab *,
	    struct isakmp_sa *);
/* Frees the spare; every SA must have been freed. */
void	isk_slab_fini(struct isk_slabs *);

#endif
