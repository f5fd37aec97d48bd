/*
 * cmd_help.c: `?` and TAB.  Both run the same walk as execution over the
 * words before the cursor, then look at the candidates for the next word.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/xalloc.h"
#include "parser/cmd_impl.h"

static int
path_listed(const struct path *p)
{
	return p->pa_cmd == NULL ||
	    !(p->pa_cmd->c_def->cd_flags & CMD_HIDDEN);
}

/* The word and help a candidate shows in a `?` listing. */
static void
path_item(const struct path *p, const char **word, const char **help,
    int *keyword)
{
	const struct tok	*t;

	if (p->pa_cmd == NULL) {
		*word = p->pa_pfx->p_kw;
		*help = p->pa_pfx->p_help;
		*keyword = 1;
		return;
	}
	/* A path still inside LINE sits on the LINE token itself. */
	if ((t = path_tok(p)) == NULL) {
		*word = NULL;
		return;
	}
	*word = t->t_text;
	*help = t->t_help;
	*keyword = t->t_type == TOK_KEYWORD;
}

static void
help_add(struct cmd_help *h, const char *word, const char *help)
{
	size_t	i;

	for (i = 0; i < h->ch_nitems; i++)
		if (strcmp(h->ch_items[i].hi_word, word) == 0)
			return;
	/* Room for 8, then doubled: the capacity is implied by the count
	 * (a realloc per item copied the listing once per word listed). */
	if (h->ch_nitems == 0 || (h->ch_nitems >= 8 &&
	    (h->ch_nitems & (h->ch_nitems - 1)) == 0))
		h->ch_items = xreallocarray(h->ch_items, h->ch_nitems ?
		    h->ch_nitems * 2 : 8, sizeof(*h->ch_items));
	h->ch_items[h->ch_nitems].hi_word = word;
	h->ch_items[h->ch_nitems].hi_help = help;
	h->ch_nitems++;
}

static int
item_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cmd_help_item *)a)->hi_word,
	    ((const struct cmd_help_item *)b)->hi_word);
}

/*
 * Walk the words of LINE before the one being typed.  PARTIAL says whether
 * the last word is incomplete (no whitespace after it).
 */
static int
help_walk(const struct cmd_set *set, const char *line, struct walk *wk,
    int *partial, struct cmd_help *h)
{
	size_t	len = strlen(line), nw;

	nw = cmd_lex(line, wk->wk_words, CMD_MAX_WORDS);
	if (nw > CMD_MAX_WORDS) {
		h->ch_kind = CMD_HELP_ERROR;
		h->ch_status = CMD_MATCH_INVALID;
		h->ch_err_off = wk->wk_words[CMD_MAX_WORDS - 1].w_off;
		return -1;
	}
	*partial = len > 0 && line[len - 1] != ' ' && line[len - 1] != '\t';
	wk->wk_nwords = nw;
	if (walk_run(wk, set, line, *partial ? nw - 1 : nw) < 0) {
		h->ch_kind = CMD_HELP_ERROR;
		h->ch_status = wk->wk_status;
		h->ch_err_off = wk->wk_err_off;
		return -1;
	}
	return 0;
}

void
cmd_describe(const struct cmd_set *set, const char *line, struct cmd_help *h)
{
	struct walk	*wk;
	const char	*word, *help, *w = NULL;
	size_t		 i, ntyped = 0, wlen = 0, progress;
	int		 partial, keyword;

	memset(h, 0, sizeof(*h));
	wk = walk_take();
	if (help_walk(set, line, wk, &partial, h) < 0)
		goto done;
	if (partial) {
		h->ch_kind = CMD_HELP_WORD;
		w = line + wk->wk_words[wk->wk_nwords - 1].w_off;
		wlen = wk->wk_words[wk->wk_nwords - 1].w_len;
	} else
		h->ch_kind = CMD_HELP_NEXT;

	/* Typed tokens first, in the order met, then keywords sorted. */
	for (keyword = 0; keyword <= 1; keyword++) {
		for (i = 0; i < wk->wk_npaths; i++) {
			const struct path	*p = &wk->wk_paths[i];
			int			 is_kw;
			struct tok		 kw;

			if (!path_listed(p))
				continue;
			if (path_can_end(p) && !partial)
				h->ch_cr = true;
			path_item(p, &word, &help, &is_kw);
			if (word == NULL || is_kw != keyword)
				continue;
			if (partial) {
				if (!is_kw)
					continue;
				memset(&kw, 0, sizeof(kw));
				kw.t_type = TOK_KEYWORD;
				kw.t_text = (char *)word;
				if (tok_rank(&kw, w, wlen, &progress) ==
				    RANK_NONE)
					continue;
			}
			help_add(h, word, help);
		}
		if (keyword == 0)
			ntyped = h->ch_nitems;
	}
	if (h->ch_nitems > ntyped)
		qsort(h->ch_items + ntyped, h->ch_nitems - ntyped,
		    sizeof(*h->ch_items), item_cmp);
	/* Help strings point into the set, which outlives the listing. */
done:
	walk_give(wk);
}

void
cmd_help_free(struct cmd_help *h)
{
	free(h->ch_items);
	memset(h, 0, sizeof(*h));
}

/* Append TEXT starting at column COL, wrapping at WIDTH to column COL. */
static void
put_wrapped(struct strbuf *sb, const char *text, size_t col, unsigned width)
{
	size_t	room, n, brk;

	for (;;) {
		n = strlen(text);
		room = width > col ? width - col : 0;
		if (width == 0 || n <= room || room == 0) {
			strbuf_puts(sb, text);
			strbuf_putc(sb, '\n');
			return;
		}
		for (brk = room; brk > 0 && text[brk] != ' '; brk--)
			;
		if (brk == 0) {
			strbuf_puts(sb, text);
			strbuf_putc(sb, '\n');
			return;
		}
		strbuf_add(sb, text, brk);
		strbuf_putc(sb, '\n');
		text += brk;
		while (*text == ' ')
			text++;
		strbuf_pad(sb, ' ', col);
	}
}

void
cmd_help_render(const struct cmd_help *h, unsigned width, struct strbuf *sb)
{
	size_t	i, w, maxw = 0, col = 0;

	switch (h->ch_kind) {
	case CMD_HELP_NEXT:
		for (i = 0; i < h->ch_nitems; i++)
			if ((w = strlen(h->ch_items[i].hi_word)) > maxw)
				maxw = w;
		for (i = 0; i < h->ch_nitems; i++) {
			w = strlen(h->ch_items[i].hi_word);
			strbuf_puts(sb, "  ");
			strbuf_puts(sb, h->ch_items[i].hi_word);
			strbuf_pad(sb, ' ', maxw - w + 2);
			put_wrapped(sb, h->ch_items[i].hi_help, maxw + 4,
			    width);
		}
		if (h->ch_cr)
			strbuf_puts(sb, "  <cr>\n");
		break;
	case CMD_HELP_WORD:
		for (i = 0; i < h->ch_nitems; i++) {
			w = strlen(h->ch_items[i].hi_word) + 2;
			if (col > 0 && width > 0 && col + w > width) {
				strbuf_putc(sb, '\n');
				col = 0;
			}
			strbuf_puts(sb, h->ch_items[i].hi_word);
			strbuf_puts(sb, "  ");
			col += w;
		}
		if (h->ch_nitems > 0)
			strbuf_putc(sb, '\n');
		break;
	case CMD_HELP_ERROR:
		break;
	}
}

char *
cmd_complete(const struct cmd_set *set, const char *line)
{
	struct cmd_help	 h;
	struct strbuf	 sb;
	const char	*only = NULL, *last;
	size_t		 i, len = strlen(line), off;

	cmd_describe(set, line, &h);
	if (h.ch_kind != CMD_HELP_WORD || h.ch_nitems == 0) {
		cmd_help_free(&h);
		return NULL;
	}
	for (off = len; off > 0 && line[off - 1] != ' ' &&
	    line[off - 1] != '\t'; off--)
		;
	last = line + off;
	/* An exact keyword beats the longer ones it prefixes. */
	for (i = 0; i < h.ch_nitems; i++)
		if (strcasecmp(h.ch_items[i].hi_word, last) == 0)
			only = h.ch_items[i].hi_word;
	if (only == NULL && h.ch_nitems == 1)
		only = h.ch_items[0].hi_word;
	if (only == NULL) {
		cmd_help_free(&h);
		return NULL;
	}
	strbuf_init(&sb);
	strbuf_add(&sb, line, off);
	strbuf_puts(&sb, only);
	strbuf_putc(&sb, ' ');
	cmd_help_free(&h);
	return strbuf_steal(&sb);
}
