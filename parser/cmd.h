/*
 * cmd: the IOS-style command engine.
 *
 * A command is declared as a syntax string with one line of help per token
 * and a handler.  The engine compiles a mode's commands into a graph once,
 * then one pure walk of that graph serves execution, `?` help and TAB
 * completion, so help can never drift from what is accepted.  The engine
 * knows nothing about any particular command or subsystem.
 *
 * Syntax (tokens are separated by spaces):
 *   keyword           letters, digits and . _ - / ; matched
 *                     case-insensitively, any unambiguous prefix accepted.
 *                     `\|` is the keyword "|".
 *   <LO-HI>           decimal number in LO..HI (unsigned, up to 2^64-1)
 *   A.B.C.D           IPv4 address (dotted quad)
 *   A.B.C.D/M         IPv4 prefix
 *   X:X:X:X::X        IPv6 address
 *   X:X:X:X::X/<0-128> IPv6 prefix
 *   H.H.H             MAC address (e.g. 0011.2233.4455)
 *   WORD              any single word
 *   LINE              the rest of the line, verbatim (at least one word)
 *   (a|b c|d)         one of the alternatives (each a sequence)
 *   [a|b]             optionally one of the alternatives
 *   tok$name          binds the matched value to NAME (default name: the
 *                     keyword itself, or the type's spelling, e.g. "WORD")
 *
 * Help: one '\n'-separated line per token, in the order the tokens appear
 * in the syntax string (alternatives and optional parts included).  A
 * count mismatch is an error when the set is built; tests build every mode.
 *
 * Matching, word by word, as IOS does it: at each word the candidates are
 * ranked  exact keyword > typed token (number, address) > keyword prefix >
 * WORD/LINE;  only the best rank survives; more than one distinct keyword
 * in the keyword-prefix rank is ambiguous.
 */
#ifndef IOSH_PARSER_CMD_H
#define IOSH_PARSER_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/cmdarg.h"
#include "lib/strbuf.h"

/* Flags on a command definition. */
#define CMD_NO		0x01	/* accepts a leading "no" */
#define CMD_DEFAULT	0x02	/* accepts a leading "default" */
#define CMD_FILTER	0x04	/* output may be filtered: gets the set's tail */
#define CMD_HIDDEN	0x08	/* executable, but never listed by `?` or TAB */

struct cmd_def {
	const char	*cd_syntax;	/* e.g. "terminal length <0-512>" */
	const char	*cd_help;	/* one line per token */
	cmd_fn		 cd_fn;		/* handler */
	unsigned	 cd_flags;	/* CMD_* */
	const void	*cd_data;	/* the handler's own argument, if any */
};

struct cmd_set;

struct cmd_set	*cmd_set_new(const char *name);
void		 cmd_set_free(struct cmd_set *);
const char	*cmd_set_name(const struct cmd_set *);
/*
 * Compile N definitions into SET.  On a syntax error or a help-line count
 * mismatch returns -1 and writes a message naming the command into ERR.
 */
int		 cmd_set_add(struct cmd_set *, const struct cmd_def *, size_t n,
		    char *err, size_t errlen);
/*
 * A prefix keyword: a line starting with KEYWORD is matched against TARGET
 * (restricted to commands carrying all of NEED_FLAGS) and the match records
 * BIT in cm_prefixes.  Used for "no", "default" (TARGET = SET itself) and
 * "do" (TARGET = privileged exec).  Prefixes do not nest.
 */
int		 cmd_set_add_prefix(struct cmd_set *, const char *keyword,
		    const char *help, const struct cmd_set *target,
		    unsigned need_flags, unsigned bit);
/*
 * A tail: appended, as an optional part, to every command of SET that
 * carries FLAG (the output modifiers "| include LINE" of show commands).
 * TAIL->cd_fn is unused; its tokens' values appear in the match.
 */
int		 cmd_set_add_tail(struct cmd_set *, unsigned flag,
		    const struct cmd_def *tail, char *err, size_t errlen);

enum cmd_status {
	CMD_MATCH_OK,		/* cm_def is the command to run */
	CMD_MATCH_EMPTY,	/* blank line */
	CMD_MATCH_INCOMPLETE,	/* valid so far, more words needed */
	CMD_MATCH_AMBIGUOUS,	/* a word is a prefix of several keywords */
	CMD_MATCH_INVALID,	/* see cm_err_off */
};

struct cmd_match {
	enum cmd_status		 cm_status;
	size_t			 cm_err_off;	/* INVALID: caret offset in line */
	size_t			 cm_err_word;	/* index of the offending word */
	size_t			 cm_nwords;	/* words in the line */
	const struct cmd_def	*cm_def;	/* OK: the command */
	const struct cmd_set	*cm_set;	/* OK: the set cm_def is in */
	bool			 cm_tail;	/* OK: an argument is the
						 * tail's (an output modifier) */
	struct cmd_args		 cm_a;		/* OK: what its handler is given
						 * (lib/cmdarg.h) */
	char			*cm_store;	/* owns the strings in cm_a */
	size_t			 cm_storecap;	/* its size */
};

/* Match LINE against SET.  Pure: no handler runs.  Free with cmd_match_free. */
void		 cmd_match(const struct cmd_set *, const char *line,
		    struct cmd_match *);
/* cmd_match of LINE, whose length (its NUL there) the caller has:
 * the line memo compares a line eight bytes at a time. */
void		 cmd_match_len(const struct cmd_set *, const char *line,
		    size_t len, struct cmd_match *);
void		 cmd_match_free(struct cmd_match *);

/* `?` help. */
enum cmd_help_kind {
	CMD_HELP_NEXT,		/* "show ?": the tokens that may follow */
	CMD_HELP_WORD,		/* "sh?": the keywords completing a word */
	CMD_HELP_ERROR,		/* earlier words do not match: see status */
};

struct cmd_help_item {
	const char	*hi_word;	/* "version", "<1-10000>", "WORD" */
	const char	*hi_help;
};

struct cmd_help {
	enum cmd_help_kind	 ch_kind;
	enum cmd_status		 ch_status;	/* ERROR: why */
	size_t			 ch_err_off;	/* ERROR+INVALID: caret offset */
	size_t			 ch_nitems;
	struct cmd_help_item	*ch_items;	/* sorted as IOS lists them */
	bool			 ch_cr;		/* <cr>: the command may end here */
};

/*
 * Describe what may follow LINE (the text before the `?`).  A LINE ending
 * in whitespace (or empty) asks for the next tokens; otherwise for the
 * completions of its last, partial word (none: CMD_HELP_WORD with no
 * items, which IOS answers with "% Unrecognized command").
 */
void		 cmd_describe(const struct cmd_set *, const char *line,
		    struct cmd_help *);
void		 cmd_help_free(struct cmd_help *);
/*
 * Render as IOS does: NEXT is one "  word  help" line per item, words padded
 * to the widest, help wrapped at WIDTH columns (0: no wrap), "  <cr>" last;
 * WORD is the completions separated by two spaces and wrapped at WIDTH.
 * Errors are not rendered here (they need the prompt for the caret).
 */
void		 cmd_help_render(const struct cmd_help *, unsigned width,
		    struct strbuf *);

/*
 * TAB: if the last word of LINE (no trailing space) is an unambiguous
 * prefix of exactly one keyword that may come next, return a newly
 * allocated line with that word completed and a space appended; else NULL.
 */
char		*cmd_complete(const struct cmd_set *, const char *line);

#endif
