/*
 * filter: output modifiers.  IOS applies the regular expression to each
 * line of the output on its own, case-sensitively; `_` is IOS's delimiter
 * class, which POSIX lacks, so it is rewritten before regcomp().
 */
#include <regex.h>
#include <stdbool.h>
#include <string.h>

#include "shell/filter.h"

/* What IOS's `_` matches, in POSIX extended syntax. */
#define REGEX_DELIM	"(^|$|[ ,{}()])"

/*
 * glibc's regcomp builds a tree in which a repeated expression is copied:
 * `x+` holds x twice, `x{n,m}` as many times as m (or n) says, so stacked
 * or nested repetitions grow exponentially — `a` and 40 `+`s, typed after
 * `| include` on any vty, took 1.3 GB (fuzz_telnet's out-of-memory
 * finding).  An expression whose estimated tree passes RX_NODES_MAX is
 * refused as invalid before regcomp sees it; an IOS line's expressions
 * stay far below it (`_` alone is 7 nodes).
 */
#define RX_NODES_MAX	20000

struct rx_est {
	const char	*re_p;
	int		 re_depth;
};

static size_t		 rx_est_alt(struct rx_est *);
static const char	*copy_bracket(const char *, struct strbuf *);

static size_t
rx_sat(size_t a, size_t b, size_t mul)
{
	size_t	v;

	if (mul != 0 && a > (RX_NODES_MAX + 1) / mul)
		return RX_NODES_MAX + 1;
	v = a * (mul ? mul : 1) + b;
	return v > RX_NODES_MAX ? RX_NODES_MAX + 1 : v;
}

/* The count in a {n}, {n,} or {n,m} bound at P (after the '{'); the
 * largest of its numbers, P left after the '}'; 0 if it is no bound. */
static size_t
rx_bound(const char **pp)
{
	const char	*p = *pp;
	size_t		 v = 0, max = 0;
	bool		 digit = false;

	for (; *p != '\0' && *p != '}'; p++) {
		if (*p >= '0' && *p <= '9') {
			v = v > RX_NODES_MAX ? v : v * 10 + (size_t)(*p - '0');
			digit = true;
		} else if (*p == ',') {
			max = v > max ? v : max;
			v = 0;
		} else
			return 0;
	}
	if (*p != '}' || !digit)
		return 0;
	*pp = p + 1;
	max = v > max ? v : max;
	return max;
}

static size_t
rx_est_piece(struct rx_est *e)
{
	struct strbuf	 skip;
	const char	*p = e->re_p;
	size_t		 n = 1, b;

	if (*p == '(') {
		e->re_p++;
		if (++e->re_depth > 64)
			return RX_NODES_MAX + 1;
		n = rx_est_alt(e) + 1;
		e->re_depth--;
		if (*e->re_p == ')')
			e->re_p++;
	} else if (*p == '[') {
		strbuf_init(&skip);
		e->re_p = copy_bracket(p, &skip);
		strbuf_free(&skip);
	} else if (*p == '\\' && p[1] != '\0')
		e->re_p += 2;
	else
		e->re_p++;
	for (;;) {
		p = e->re_p;
		if (*p == '*' || *p == '?')
			n = rx_sat(n, 1, 1);
		else if (*p == '+')
			n = rx_sat(n, 1, 2);
		else if (*p == '{' && (p++, (b = rx_bound(&p)) != 0)) {
			n = rx_sat(n, 1, b + 1);
			e->re_p = p;
			continue;
		} else
			return n;
		e->re_p++;
	}
}

static size_t
rx_est_alt(struct rx_est *e)
{
	size_t	n = 0;

	while (*e->re_p != '\0' && *e->re_p != ')' && n <= RX_NODES_MAX) {
		if (*e->re_p == '|') {	/* "a|" ends here: recheck */
			e->re_p++;
			continue;
		}
		n = rx_sat(n, rx_est_piece(e), 1);
	}
	return n;
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

/* Copy the bracket expression at P (which starts with '['); return its end. */
static const char *
copy_bracket(const char *p, struct strbuf *out)
{
	const char	*start = p;

	p++;
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
		p++;
	}
	if (*p == ']')
		p++;
	strbuf_add(out, start, (size_t)(p - start));
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

bool
filter_regex_small(const char *posix)
{
	struct rx_est	e = { posix, 0 };
	size_t		n = 0;

	/* A stray ')' ends rx_est_alt early: go on after it (regcomp
	 * judges it). */
	while (*e.re_p != '\0' && n <= RX_NODES_MAX) {
		n = rx_sat(n, rx_est_alt(&e), 1);
		if (*e.re_p == ')')
			e.re_p++;
	}
	return n <= RX_NODES_MAX;
}

static size_t
indent_of(const char *line, size_t len)
{
	size_t	n = 0;

	while (n < len && line[n] == ' ')
		n++;
	return n;
}

static bool
line_matches(const regex_t *rx, const char *line, size_t len,
    struct strbuf *tmp)
{
	strbuf_reset(tmp);
	strbuf_add(tmp, line, len);
	return regexec(rx, tmp->sb_buf, 0, NULL, 0) == 0;
}

int
filter_apply(enum filter_kind kind, const char *re, const char *text,
    size_t len, struct strbuf *out)
{
	struct strbuf	 posix, tmp;
	regex_t		 rx;
	const char	*p, *end = text + len, *nl;
	size_t		 n, matches = 0, sect_indent = 0;
	bool		 begun = false, in_section = false, m;

	strbuf_init(&posix);
	filter_regex_translate(re, &posix);
	if (!filter_regex_small(posix.sb_buf) ||
	    regcomp(&rx, posix.sb_buf, REG_EXTENDED | REG_NOSUB) != 0) {
		strbuf_free(&posix);
		strbuf_puts(out, "% Invalid regular expression\n");
		return -1;
	}
	strbuf_free(&posix);
	strbuf_init(&tmp);
	for (p = text; p < end; p = nl) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (nl < end)
			nl++;
		m = line_matches(&rx, p, n, &tmp);
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
	strbuf_free(&tmp);
	regfree(&rx);
	return 0;
}
