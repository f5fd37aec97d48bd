/*
 * cmd_args.c: a match's arguments — what the handler is given.
 *
 * The walk (cmd_walk.c) or the line memo (cmd_memo.c) answers a line
 * with its command and its arguments as templates (name, keyword or the
 * index of a word: struct arg_tmpl); here the templates become the
 * match's struct cmd_args, their values ended in place in one copy of
 * the line (the match's store), and the store is kept from one match to
 * the next.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet4.h"
#include "lib/xalloc.h"
#include "parser/cmd_impl.h"

/*
 * The store of the last match freed, kept for the next (as the walk is):
 * a malloc and free per line were a tenth of what a line kept by the
 * line memo costs.
 */
static char	*spare_store;
static size_t	 spare_storecap;

static void
store_take(struct cmd_match *m, size_t need)
{
	if (spare_store != NULL && spare_storecap >= need) {
		m->cm_store = spare_store;
		m->cm_storecap = spare_storecap;
		spare_store = NULL;
		return;
	}
	m->cm_storecap = need < 256 ? 256 : need;
	m->cm_store = xmalloc(m->cm_storecap);
}

static void
store_give(struct cmd_match *m)
{
	if (spare_store == NULL) {
		spare_store = m->cm_store;
		spare_storecap = m->cm_storecap;
	} else
		free(m->cm_store);
	m->cm_store = NULL;
	m->cm_storecap = 0;
}

/* Where arg_fill and arg_fill_kept begin: the store taken, the line up
 * to its last word copied into it and ended; the LINE values' room after
 * it, into *LP. */
static inline char *
arg_store(struct cmd_match *m, const struct walk *wk, const char *line,
    char **lp)
{
	const struct word	*last = &wk->wk_words[wk->wk_nwords - 1];
	size_t			 end = last->w_off + last->w_len;
	char			*s;

	store_take(m, end * 2 + 2);
	s = m->cm_store;
	memcpy(s, line, end);
	s[end] = '\0';
	*lp = s + end + 1;
	return s;
}

/* A typed argument's value (and address), of template AT and word W,
 * into A: its word ended in place in the copy S, or a LINE copied at
 * *LP. */
static inline void
arg_value(struct cmd_arg *a, const struct arg_tmpl *at, const struct word *w,
    const struct walk *wk, const char *line, char *s, char **lp)
{
	size_t	len;
	char	*l;

	if (at->at_ip4) {
		/* The walk's value (parsed here if the first-step memo
		 * answered for the word). */
		a->ca_ip4 = 0;
		a->ca_ip4ok = wk->wk_ip4ok[at->at_word] == 1 ||
		    (wk->wk_ip4ok[at->at_word] < 0 && ip4_parse_n(line +
		    w->w_off, w->w_len, &a->ca_ip4));
		if (wk->wk_ip4ok[at->at_word] == 1)
			a->ca_ip4 = wk->wk_ip4[at->at_word];
	}
	if (at->at_line) {
		l = *lp;
		len = strlen(line + w->w_off);
		while (len > 0 && (line[w->w_off + len - 1] == ' ' ||
		    line[w->w_off + len - 1] == '\t'))
			len--;
		memcpy(l, line + w->w_off, len);
		l[len] = '\0';
		a->ca_value = l;
		*lp = l + len + 1;
		return;
	}
	s[w->w_off + w->w_len] = '\0';
	a->ca_value = s + w->w_off;
}

void
arg_fill(struct cmd_match *m, const struct arg_tmpl *t, size_t n,
    const struct walk *wk, const char *line)
{
	size_t			 i;
	size_t			 an = m->cm_a.as_n;
	uint64_t		 names = m->cm_a.as_names;
	bool			 tail = m->cm_tail;
	char			*s, *l;

	/* The line up to its last word is copied once, and a word's value
	 * is its place in the copy, ended where it ends (on a blank, or the
	 * copy's end): a copy per argument was a call each.  A LINE, which
	 * runs over the words after it (the tail's too), is copied after
	 * that: no more than the line again, with a NUL.  The count, the
	 * name bits and the tail flag are kept in locals until the end: the
	 * arguments' stores could be to them as far as the compiler knows,
	 * so it read and wrote them again for every argument. */
	s = arg_store(m, wk, line, &l);
	for (i = 0; i < n; i++) {
		const struct arg_tmpl	*at = &t[i];
		struct cmd_arg		*a = &m->cm_a.as_v[an];
		const struct word	*w = &wk->wk_words[at->at_word];

		/* Every field is set (cmd_match cleared none of them). */
		a->ca_off = w->w_off;
		a->ca_name = at->at_name;
		a->ca_nkey = at->at_nkey;
		if (!(names >> at->at_nbit & 1)) {
			names |= 1ull << at->at_nbit;
			m->cm_a.as_first[at->at_nbit] = (unsigned char)an;
		}
		an++;
		a->ca_tail = at->at_tail;
		tail |= at->at_tail;
		a->ca_ip4ok = false;
		a->ca_ip4 = 0;
		if (at->at_kw != NULL) {
			a->ca_value = at->at_kw;
			a->ca_keyword = true;
			continue;
		}
		a->ca_keyword = false;
		arg_value(a, at, w, wk, line, s, &l);
	}
	m->cm_a.as_n = an;
	m->cm_a.as_names = names;
	m->cm_tail = tail;
}

void
arg_fill_kept(struct cmd_match *m, const struct arg_kept *k,
    const struct arg_tmpl *t, size_t n, const struct walk *wk,
    const char *line)
{
	size_t		 i;
	char		*s, *l;

	/* What does not depend on the words is copied whole: a record's
	 * name, key, keyword and flags set one by one, and the name bits
	 * found one by one, were most of filling a kept line's arguments
	 * (ten of them an ACL rule). */
	s = arg_store(m, wk, line, &l);
	memcpy(m->cm_a.as_v, k->ak_v, n * sizeof(*k->ak_v));
	memcpy(m->cm_a.as_first, k->ak_first, sizeof(m->cm_a.as_first));
	m->cm_a.as_names = k->ak_names;
	m->cm_a.as_n = n;
	m->cm_tail = k->ak_tail;
	for (i = 0; i < n; i++) {
		const struct arg_tmpl	*at = &t[i];
		struct cmd_arg		*a = &m->cm_a.as_v[i];
		const struct word	*w = &wk->wk_words[at->at_word];

		a->ca_off = w->w_off;
		if (at->at_kw == NULL)
			arg_value(a, at, w, wk, line, s, &l);
	}
}

void
cmd_match_free(struct cmd_match *m)
{
	if (m->cm_store != NULL)
		store_give(m);
	m->cm_a.as_n = 0;
}
