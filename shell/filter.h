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
 * Translate an IOS regular expression to POSIX extended syntax: `_`
 * matches a delimiter (space , { } ( ) or either end of the line), `\_`
 * is a literal underscore; bracket expressions are copied as they are.
 */
void	filter_regex_translate(const char *ios, struct strbuf *posix);
/*
 * Whether POSIX extended expression RE is small enough to compile: the
 * tree glibc builds for it is estimated first (repetitions copy what they
 * repeat), so a short expression cannot take gigabytes.
 */
bool	filter_regex_small(const char *posix);

/*
 * Filter TEXT (LEN bytes, lines ended by '\n') into OUT.  Returns -1, with
 * IOS's message in OUT, when RE is not a valid regular expression.
 */
int	filter_apply(enum filter_kind, const char *re, const char *text,
	    size_t len, struct strbuf *out);

#endif
