/*
 * isakmp_slab: ISAKMP SAs from slabs, in creation order (isakmp_slab.h).
 */
#include <sys/queue.h>

#include <sanitizer/asan_interface.h>	/* no-ops without ASan */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/isakmp_slab.h"
#include "crypto/sadb.h"
#include "lib/xalloc.h"

/* 64 SAs of ~250 bytes: 16 KB a slab, what a router with one SA pays. */
#define ISK_SLAB_N	64

struct isk_slab {
	LIST_ENTRY(isk_slab)	 sl_entry;	/* in ss_avail, if sl_listed */
	bool			 sl_listed;
	uint16_t		 sl_used;	/* SAs in it */
	uint16_t		 sl_fresh;	/* slots from here never used */
	uint16_t		 sl_nfree;	/* freed slots, in sl_free */
	uint16_t		 sl_free[ISK_SLAB_N];
	struct isakmp_sa	 sl_sa[ISK_SLAB_N];
};

static void
unlist(struct isk_slab *sl)
{
	if (sl->sl_listed)
		LIST_REMOVE(sl, sl_entry);
	sl->sl_listed = false;
}

static struct isk_slab *
slab_new(struct isk_slabs *ss)
{
	struct isk_slab	*sl = ss->ss_spare;

	if (sl != NULL)
		ss->ss_spare = NULL;
	else {
		sl = xmalloc(sizeof(*sl));
		ss->ss_nslabs++;
	}
	sl->sl_listed = false;
	sl->sl_used = sl->sl_fresh = sl->sl_nfree = 0;
	ASAN_POISON_MEMORY_REGION(sl->sl_sa, sizeof(sl->sl_sa));
	return sl;
}

struct isakmp_sa *
isk_slab_alloc(struct isk_slabs *ss, struct isk_slab **slab)
{
	struct isk_slab		*sl = LIST_FIRST(&ss->ss_avail);
	struct isakmp_sa	*is;

	if (sl == NULL) {
		sl = slab_new(ss);
		LIST_INSERT_HEAD(&ss->ss_avail, sl, sl_entry);
		sl->sl_listed = true;
	}
	if (sl->sl_nfree > 0)
		is = &sl->sl_sa[sl->sl_free[--sl->sl_nfree]];
	else
		is = &sl->sl_sa[sl->sl_fresh++];
	if (++sl->sl_used == ISK_SLAB_N)
		unlist(sl);
	ASAN_UNPOISON_MEMORY_REGION(is, sizeof(*is));
	memset(is, 0, sizeof(*is));
	*slab = sl;
	return is;
}

void
isk_slab_free(struct isk_slabs *ss, struct isk_slab *sl,
    struct isakmp_sa *is)
{
	memset(is, 0, sizeof(*is));
	ASAN_POISON_MEMORY_REGION(is, sizeof(*is));
	sl->sl_free[sl->sl_nfree++] = (uint16_t)(is - sl->sl_sa);
	if (--sl->sl_used == 0) {
		unlist(sl);
		if (ss->ss_spare == NULL)
			ss->ss_spare = sl;
		else {
			ASAN_UNPOISON_MEMORY_REGION(sl->sl_sa,
			    sizeof(sl->sl_sa));
			free(sl);
			ss->ss_nslabs--;
		}
		return;
	}
	/* Its free slot is the next SA's. */
	if (!sl->sl_listed) {
		LIST_INSERT_HEAD(&ss->ss_avail, sl, sl_entry);
		sl->sl_listed = true;
	}
}

void
isk_slab_fini(struct isk_slabs *ss)
{
	if (ss->ss_spare != NULL) {
		ASAN_UNPOISON_MEMORY_REGION(ss->ss_spare->sl_sa,
		    sizeof(ss->ss_spare->sl_sa));
		free(ss->ss_spare);
		ss->ss_nslabs--;
	}
	ss->ss_spare = NULL;
}
