/*
 * xalloc: allocation that cannot fail.  A router that runs out of memory
 * has no sane way on (IOS reloads), so every allocation in iosh either
 * succeeds or aborts here, in one place, instead of each file carrying its
 * own copy of the check.
 */
#ifndef IOSH_LIB_XALLOC_H
#define IOSH_LIB_XALLOC_H

#include <stddef.h>
#include <stdint.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t n, size_t size);
void	*xreallocarray(void *, size_t n, size_t size);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Replace *DST by a copy of SRC (NULL clears it). */
void	 xstrset(char **dst, const char *src);
/* A buffer made on first use: the lvalue P, made LEN zeroed bytes (by
 * xbuf_make) when still NULL.  The owner frees it. */
uint8_t	*xbuf_make(uint8_t **p, size_t len);
#define XBUF(p, len)	((p) != NULL ? (p) : xbuf_make(&(p), (len)))

#endif
