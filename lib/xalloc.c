/*
 * xalloc: allocation wrappers that abort on failure (see xalloc.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

static void *
check(void *p)
{
	if (p == NULL)
		abort();
	return p;
}

void *
xmalloc(size_t size)
{
	return check(malloc(size != 0 ? size : 1));
}

void *
xcalloc(size_t n, size_t size)
{
	return check(calloc(n != 0 ? n : 1, size != 0 ? size : 1));
}

uint8_t *
xbuf_make(uint8_t **p, size_t len)
{
	return *p = xcalloc(1, len);
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	return check(reallocarray(p, n != 0 ? n : 1, size != 0 ? size : 1));
}

char *
xstrdup(const char *s)
{
	return check(strdup(s));
}

char *
xstrndup(const char *s, size_t n)
{
	return check(strndup(s, n));
}

void
xstrset(char **dst, const char *src)
{
	char	*n = src != NULL ? xstrdup(src) : NULL;

	free(*dst);
	*dst = n;
}
