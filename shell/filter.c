/*
 * filter: output modifiers.  IOS applies the regular expression to each
 * line of the output on its own, case-sensitively; `_` is IOS's delimiter
 * class, which neither POSIX nor PCRE has, so it is rewritten first.
 *
 * Any vty user types these expressions, so neither compiling nor matching
 * one may cost time or memory out of proportion to it.  glibc's regcomp
 * failed both ways under fuzz_telnet: repetitions of repetitions copied
 * its tree exponentially (`a` and 40 `+`s: 1.3 GB), and repeated groups
 * of anchors multiplied its epsilon closures (33 `_`s, each IOS's
 * `(^|$|[ ,{}()])`, with a `+`: 28 minutes in one regcomp, and `(\b)+`
 * twelve times over a minute).  PCRE2 compiles in time linear in the
 * pattern and refuses a compiled pattern past its size limit; its DFA
 * matcher does not backtrack, so a line costs at most its length times
 * the pattern's states, and both are bounded here.  The DFA matcher has
 * no back references, which IOS's expressions lack as well; only whether
 * a line matches is asked, so POSIX's leftmost-longest rule and Perl's
 * leftmost-first one give the same answers.
 */
#define PCRE2_CODE_UNIT_WIDTH	8
#include <pcre2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "shell/filter.h"

/* What IOS's `_` matches. */
#define REGEX_DELIM	"(?:^|$|[ ,{}()])"

/* A compiled expression is at most this large (bytes of PCRE2 code): 200
 * `_`s fit; the DFA keeps at most one state per item of it. */
#define RX_CODE_MAX	16384
#define RX_NEST_MAX	64	/* parentheses inside parentheses */
/* Backstops for what the DFA matcher does recursively (assertions,
 * atomic groups): calls, nesting, heap (KiB). */
#define RX_MATCH_LIMIT	1000000
#define RX_DEPTH_LIMIT	64
#define RX_HEAP_KB	1024

/* Options: `$` only at the end (a line has no newline), groups that do
 * not capture (nothing reads them), bytes, not UTF-8, whatever the
 * pattern asks. */
#define RX_OPTIONS	(PCRE2_DOLLAR_ENDONLY | PCRE2_NO_AUTO_CAPTURE | \
			 PCRE2_NEVER_UTF | PCRE2_NEVER_UCP | \
			 PCRE2_NEVER_BACKSLASH_C)

struct rx {
	pcre2_code		*rx_code;
	pcre2_match_data	*rx_md;
	pcre2_match_context	*rx_mc;
	int			*rx_ws;		/* the DFA's workspace */
	size_t			 rx_wslen;	/* ints in it */
};

static const char	*copy_bracket(const char *, struct strbuf *);

static void
rx_free(struct rx *rx)
{
	pcre2_code_free(rx->rx_code);
	pcre2_match_data_free(rx->rx_md);
	pcre2_match_context_free(rx->rx_mc);
	free(rx->rx_ws);
	memset(rx, 0, sizeof(*rx));
}

/* Compile PATTERN (PCRE syntax) into RX within the bounds above; -1 if
 * it is not a valid expression or is too large. */
static int
rx_compile(struct rx *rx, const char *pattern, size_t len)
{
	pcre2_compile_context	*cc;
	PCRE2_SIZE		 erroff;
	size_t			 size = 0;
	int			 err;

	memset(rx, 0, sizeof(*rx));
	if ((cc = pcre2_compile_context_create(NULL)) == NULL)
		return -1;
	pcre2_set_parens_nest_limit(cc, RX_NEST_MAX);
	rx->rx_code = pcre2_compile((PCRE2_SPTR)pattern, len, RX_OPTIONS,
	    &err, &erroff, cc);
	pcre2_compile_context_free(cc);
	if (rx->rx_code == NULL ||
	    pcre2_pattern_info(rx->rx_code, PCRE2_INFO_SIZE, &size) != 0 ||
	    size > RX_CODE_MAX)
		goto fail;
	/* Each active DFA state takes three ints, in two lists (this
	 * character's and the next's); there are no more states than
	 * bytes of code. */
	rx->rx_wslen = 6 * size + 64;
	if ((rx->rx_ws = calloc(rx->rx_wslen, sizeof(int))) == NULL ||
	    (rx->rx_md = pcre2_match_data_create(1, NULL)) == NULL ||
	    (rx->rx_mc = pcre2_match_context_create(NULL)) == NULL)
		goto fail;
	pcre2_set_match_limit(rx->rx_mc, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(rx->rx_mc, RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(rx->rx_mc, RX_HEAP_KB);
	return 0;
fail:
	rx_free(rx);
	return -1;
}

/* 1 if the line matches, 0 if not, -1 if the matcher gave up (an item
 * the DFA does not do, such as a back reference, or a limit). */
static int
rx_match(struct rx *rx, const char *line, size_t len)
{
	int	rc;

	rc = pcre2_dfa_match(rx->rx_code, (PCRE2_SPTR)line, len, 0,
	    PCRE2_DFA_SHORTEST, rx->rx_md, rx->rx_mc, rx->rx_ws,
	    rx->rx_wslen);
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

static const struct {
	const char		*fk_word;
	enum filter_kind	 fk_kind;
} filter_kinds[] = {
	{ "begin",	FILTER_BEGIN },
	{ "count",	FILTER_COUNT },
	{ "exclude",	FILTER_EXCLUDE },
	{ "include",	FILTER_INCLUDE },
	{ "section",	FILTER_SECTION },
};

int
filter_kind_parse(const char *word, enum filter_kind *kind)
{
	size_t	i;

	for (i = 0; i < sizeof(filter_kinds) / sizeof(filter_kinds[0]); i++)
		if (strcmp(word, filter_kinds[i].fk_word) == 0) {
			*kind = filter_kinds[i].fk_kind;
			return 0;
		}
	return -1;
}

/*
 * Copy the bracket expression at P (which starts with '['); return its
 * end.  A backslash in a bracket is a member (POSIX), where PCRE would
 * take it as an escape: it is doubled.
 */
static const char *
copy_bracket(const char *p, struct strbuf *out)
{
	const char	*run;

	strbuf_putc(out, *p++);
	run = p;
	if (*p == '^')
		p++;
	if (*p == ']')		/* a leading ']' is a member, not the end */
		p++;
	while (*p != '\0' && *p != ']') {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' ||
		    p[1] == '=')) {
			const char	*end;
			char		 close[3] = { p[1], ']', '\0' };

			if ((end = strstr(p + 2, close)) != NULL) {
				p = end + 2;
				continue;
			}
		}
		if (*p == '\\') {
			strbuf_add(out, run, (size_t)(p + 1 - run));
			run = p;	/* the backslash again */
		}
		p++;
	}
	if (*p == ']')
		p++;
	strbuf_add(out, run, (size_t)(p - run));
	return p;
}

void
filter_regex_translate(const char *re, struct strbuf *out)
{
	const char	*p = re;

	while (*p != '\0') {
		if (*p == '[') {
			p = copy_bracket(p, out);
		} else if (p[0] == '\\' && p[1] == '_') {
			strbuf_putc(out, '_');
			p += 2;
		} else if (p[0] == '\\' && p[1] != '\0') {
			strbuf_add(out, p, 2);
			p += 2;
		} else if (*p == '_') {
			strbuf_puts(out, REGEX_DELIM);
			p++;
		} else
			strbuf_putc(out, *p++);
	}
}

static size_t
indent_of(const char *line, size_t len)
{
	size_t	n = 0;

	while (n < len && line[n] == ' ')
		n++;
	return n;
}

int
filter_apply(enum filter_kind kind, const char *re, const char *text,
    size_t len, struct strbuf *out)
{
	struct strbuf	 pattern;
	struct rx	 rx;
	const char	*p, *end = text + len, *nl;
	size_t		 n, matches = 0, sect_indent = 0, out_len = out->sb_len;
	bool		 begun = false, in_section = false;
	int		 m, rc;

	strbuf_init(&pattern);
	filter_regex_translate(re, &pattern);
	rc = rx_compile(&rx, pattern.sb_buf, pattern.sb_len);
	strbuf_free(&pattern);
	if (rc != 0)
		goto invalid;
	for (p = text; p < end; p = nl) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (nl < end)
			nl++;
		if ((m = rx_match(&rx, p, n)) < 0) {
			/* Nothing of a half-filtered output is shown. */
			rx_free(&rx);
			out->sb_len = out_len;
			out->sb_buf[out_len] = '\0';
			goto invalid;
		}
		switch (kind) {
		case FILTER_INCLUDE:
		case FILTER_EXCLUDE:
			if (m != (kind == FILTER_EXCLUDE))
				break;
			continue;
		case FILTER_BEGIN:
			if (m)
				begun = true;
			if (begun)
				break;
			continue;
		case FILTER_COUNT:
			if (m)
				matches++;
			continue;
		case FILTER_SECTION:
			if (in_section && n > 0 && indent_of(p, n) > sect_indent)
				break;
			in_section = false;
			if (!m)
				continue;
			in_section = true;
			sect_indent = indent_of(p, n);
			break;
		}
		strbuf_add(out, p, n);
		strbuf_putc(out, '\n');
	}
	if (kind == FILTER_COUNT)
		strbuf_printf(out, "Number of lines which match regexp = %zu\n",
		    matches);
	rx_free(&rx);
	return 0;
invalid:
	strbuf_puts(out, "% Invalid regular expression\n");
	return -1;
}
