/*
 * filter: IOS output modifiers (| include, exclude, begin, section, count)
 * and IOS regular expressions, applied to a command's collected output.
 */
#ifndef IOSH_SHELL_FILTER_H
#define IOSH_SHELL_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strbuf.h"

enum filter_kind {
	FILTER_BEGIN,
	FILTER_COUNT,
	FILTER_EXCLUDE,
	FILTER_INCLUDE,
	FILTER_SECTION,
};

/* The modifier keyword ("include") as parsed; -1 if unknown. */
int	filter_kind_parse(const char *keyword, enum filter_kind *);
/*
 * Translate an IOS regular expression to PCRE syntax: `_` matches a
 * delimiter (space , { } ( ) or either end of the line), `\_` is a
 * literal underscore; a backslash in a bracket expression is a member,
 * as in POSIX.
 */
void	filter_regex_translate(const char *ios, struct strbuf *pcre);

/*
 * Filter TEXT (LEN bytes, lines ended by '\n') into OUT.  Returns -1, with
 * IOS's message in OUT (and nothing of TEXT), when RE is not a valid
 * regular expression or is too large to match in bounded time.
 */
int	filter_apply(enum filter_kind, const char *re, const char *text,
	    size_t len, struct strbuf *out);

#endif
