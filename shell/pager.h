/*
 * pager: the `--More--` pager of a tty console, as a pure state machine.
 *
 * The console queues a command's output, starts the pager with the
 * session's terminal length and feeds it the keys typed at `--More--`; the
 * pager only says, through a strbuf, what to write.  It does no I/O, so
 * every page size and key can be unit-tested with exact strings.
 */
#ifndef IOSH_SHELL_PAGER_H
#define IOSH_SHELL_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strbuf.h"

/* What IOS prints when a screen is full: a space, --More--, a space. */
#define PAGER_MORE	" --More-- "
/*
 * What erases it before the output goes on: back to column 0, blank the
 * prompt, back to column 0, so the next line starts where a line should.
 */
#define PAGER_ERASE	"\r          \r"

struct pager {
	struct strbuf	 pg_text;	/* queued output */
	size_t		 pg_pos;	/* bytes of pg_text already shown */
	unsigned	 pg_page;	/* lines per screen, 0: no paging */
	bool		 pg_more;	/* --More-- is on screen */
};

void	pager_init(struct pager *);
void	pager_free(struct pager *);
/* Queue output; call only while the pager is not waiting at --More--. */
void	pager_add(struct pager *, const char *, size_t);
/* True when output is queued and not yet shown. */
bool	pager_pending(const struct pager *);
/*
 * Show the queued output on a terminal LENGTH lines high (0: no paging):
 * append the first screen, and --More-- if there is more, to OUT.  Returns
 * true while waiting at --More-- for pager_key().
 */
bool	pager_start(struct pager *, unsigned length, struct strbuf *out);
/*
 * KEY was typed at --More--: space shows the next screen, Return or
 * newline one more line, anything else discards the rest.  Appends what to
 * write to OUT; returns true while still waiting at --More--.
 */
bool	pager_key(struct pager *, int key, struct strbuf *out);

#endif
