/*
 * errors: IOS's answers to a line it cannot run, rendered into a strbuf
 * so they can be tested without a console.
 */
#ifndef IOSH_SHELL_ERRORS_H
#define IOSH_SHELL_ERRORS_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strbuf.h"

/* The caret under column COL (prompt length + offset in the line). */
void	error_invalid(struct strbuf *, size_t col);
void	error_incomplete(struct strbuf *);
/* "% Type "show ?" for a list of subcommands": one incomplete exec word. */
void	error_subcommands(struct strbuf *, const char *keyword);
void	error_ambiguous(struct strbuf *, const char *line);
/* A single unknown exec word, tried as a host name to telnet to. */
void	error_unknown_host(struct strbuf *, const char *word, bool lookup);
/* `?` after a partial word that completes to nothing. */
void	error_unrecognized(struct strbuf *);

#endif
