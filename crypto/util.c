/*
 * util: the sorted name index every named crypto object is found through,
 * and the small string and address helpers the object files share.
 */
#include <openssl/crypto.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "lib/inet4.h"
#include "lib/xalloc.h"

void *
ntab_find(const struct ntab *t, const char *name, size_t *pos)
{
	size_t	lo = 0, hi = t->nt_n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(name, t->nt_key(t->nt_v[mid]));
		if (c == 0) {
			if (pos != NULL)
				*pos = mid;
			return t->nt_v[mid];
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (pos != NULL)
		*pos = lo;
	return NULL;
}

void
ntab_insert(struct ntab *t, size_t pos, void *obj)
{
	void	**nv;
	size_t	  cap;

	if (t->nt_n == t->nt_cap) {
		cap = t->nt_cap ? t->nt_cap * 2 : 16;
		if ((nv = reallocarray(t->nt_v, cap, sizeof(*nv))) == NULL)
			abort();
		t->nt_v = nv;
		t->nt_cap = cap;
	}
	memmove(&t->nt_v[pos + 1], &t->nt_v[pos],
	    (t->nt_n - pos) * sizeof(*t->nt_v));
	t->nt_v[pos] = obj;
	t->nt_n++;
}

void
ntab_remove(struct ntab *t, size_t pos)
{
	memmove(&t->nt_v[pos], &t->nt_v[pos + 1],
	    (t->nt_n - pos - 1) * sizeof(*t->nt_v));
	t->nt_n--;
}

void
ntab_free(struct ntab *t)
{
	free(t->nt_v);
	t->nt_v = NULL;
	t->nt_n = t->nt_cap = 0;
}

/* Secrets leave no copy in freed memory (a later allocation, a core
 * file), so they are wiped first. */
void
xsecret_free(char *s)
{
	if (s == NULL)
		return;
	OPENSSL_cleanse(s, strlen(s));
	free(s);
}

void
xsecret_set(char **dst, const char *src)
{
	xsecret_free(*dst);
	*dst = src != NULL ? xstrdup(src) : NULL;
}
