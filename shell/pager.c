/*
 * pager: splits queued output into screens at `--More--`.
 *
 * A line is what ends in a newline, however long: IOS counts lines, not
 * terminal rows, so a line wider than the screen still counts as one.
 */
#include <string.h>

#include "shell/pager.h"

void
pager_init(struct pager *pg)
{
	strbuf_init(&pg->pg_text);
	pg->pg_pos = 0;
	pg->pg_page = 0;
	pg->pg_more = false;
}

void
pager_free(struct pager *pg)
{
	strbuf_free(&pg->pg_text);
}

void
pager_add(struct pager *pg, const char *text, size_t len)
{
	strbuf_add(&pg->pg_text, text, len);
}

bool
pager_pending(const struct pager *pg)
{
	return pg->pg_pos < pg->pg_text.sb_len;
}

/* Forget what has been shown or discarded, ready for the next command. */
static void
pager_done(struct pager *pg)
{
	strbuf_reset(&pg->pg_text);
	pg->pg_pos = 0;
	pg->pg_more = false;
}

/*
 * Append up to NLINES lines (all of them when NLINES is 0) to OUT, then
 * --More-- if anything is left.
 */
static bool
pager_show(struct pager *pg, unsigned nlines, struct strbuf *out)
{
	const char	*p, *end, *nl;

	p = pg->pg_text.sb_buf + pg->pg_pos;
	end = pg->pg_text.sb_buf + pg->pg_text.sb_len;
	if (nlines == 0)
		nl = end;
	else {
		for (nl = p; nlines > 0 && nl < end; nlines--) {
			if ((nl = memchr(nl, '\n', end - nl)) == NULL)
				nl = end;
			else
				nl++;
		}
	}
	strbuf_add(out, p, nl - p);
	pg->pg_pos = nl - pg->pg_text.sb_buf;
	if (!pager_pending(pg)) {
		pager_done(pg);
		return false;
	}
	strbuf_puts(out, PAGER_MORE);
	pg->pg_more = true;
	return true;
}

bool
pager_start(struct pager *pg, unsigned length, struct strbuf *out)
{
	/*
	 * --More-- takes the last row of the screen; a terminal of one row
	 * still shows a line per screen.
	 */
	pg->pg_page = length > 1 ? length - 1 : length;
	return pager_show(pg, pg->pg_page, out);
}

bool
pager_key(struct pager *pg, int key, struct strbuf *out)
{
	if (!pg->pg_more)
		return false;
	strbuf_puts(out, PAGER_ERASE);
	switch (key) {
	case ' ':
		return pager_show(pg, pg->pg_page, out);
	case '\r':
	case '\n':
		return pager_show(pg, 1, out);
	default:
		pager_done(pg);
		return false;
	}
}
