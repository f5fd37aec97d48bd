/*
 * cmd_syntax.c: compiling a syntax string and its help lines into a
 * command's NFA, and the cmd_set that holds a mode's commands.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "parser/cmd_impl.h"

struct compiler {
	struct ccmd	*cp_cmd;
	const char	*cp_s;		/* syntax, cursor */
	char		**cp_help;	/* help lines */
	int		 cp_nhelp;
	int		 cp_tail_tok;	/* first token index of the tail */
	char		*cp_err;
	size_t		 cp_errlen;
	int		 cp_failed;
};

static void
cp_error(struct compiler *cp, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	if (cp->cp_failed++)
		return;
	n = snprintf(cp->cp_err, cp->cp_errlen, "\"%s\": ",
	    cp->cp_cmd->c_def->cd_syntax);
	if (n < 0 || (size_t)n >= cp->cp_errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(cp->cp_err + n, cp->cp_errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

static int
node_new(struct ccmd *c, enum node_kind kind, int tok)
{
	c->c_nodes = realloc(c->c_nodes, (size_t)(c->c_nnodes + 1) *
	    sizeof(*c->c_nodes));
	if (c->c_nodes == NULL)
		abort();
	memset(&c->c_nodes[c->c_nnodes], 0, sizeof(*c->c_nodes));
	c->c_nodes[c->c_nnodes].n_kind = kind;
	c->c_nodes[c->c_nnodes].n_tok = tok;
	return c->c_nnodes++;
}

static void
edge(struct ccmd *c, int from, int to)
{
	struct node	*n = &c->c_nodes[from];

	n->n_next = realloc(n->n_next, (size_t)(n->n_nnext + 1) * sizeof(int));
	if (n->n_next == NULL)
		abort();
	n->n_next[n->n_nnext++] = to;
}

/* Give a token its type from its spelling; keywords are lowercase. */
static int
tok_classify(struct compiler *cp, struct tok *t)
{
	static const struct {
		const char	*spelling;
		enum tok_type	 type;
	} types[] = {
		{ "A.B.C.D", TOK_IPV4 },
		{ "A.B.C.D/M", TOK_IPV4_PREFIX },
		{ "X:X:X:X::X", TOK_IPV6 },
		{ "X:X:X:X::X/<0-128>", TOK_IPV6_PREFIX },
		{ "H.H.H", TOK_MAC },
		{ "WORD", TOK_WORD },
		{ "LINE", TOK_LINE },
	};
	const char	*s = t->t_text;
	char		*end;
	size_t		 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(s, types[i].spelling) == 0) {
			t->t_type = types[i].type;
			return 0;
		}
	if (s[0] == '<') {
		if (!isdigit((unsigned char)s[1]))
			goto bad_range;
		t->t_lo = strtoull(s + 1, &end, 10);
		if (*end != '-' || !isdigit((unsigned char)end[1]))
			goto bad_range;
		t->t_hi = strtoull(end + 1, &end, 10);
		if (strcmp(end, ">") != 0 || t->t_lo > t->t_hi)
			goto bad_range;
		t->t_type = TOK_RANGE;
		return 0;
bad_range:
		cp_error(cp, "bad range \"%s\"", s);
		return -1;
	}
	for (; *s; s++)
		if (!isalpha((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    strchr("._-/|:", *s) == NULL) {
			cp_error(cp, "unknown token \"%s\"", t->t_text);
			return -1;
		}
	t->t_type = TOK_KEYWORD;
	return 0;
}

/* Reads one token at the cursor; returns its node. */
static int
cp_token(struct compiler *cp)
{
	struct ccmd	*c = cp->cp_cmd;
	struct tok	*t;
	const char	*s = cp->cp_s, *dollar;
	size_t		 n;

	if (s[0] == '\\' && s[1] == '|') {
		n = 2;
	} else {
		n = strcspn(s, " \t()[]|");
	}
	cp->cp_s += n;
	c->c_toks = realloc(c->c_toks, (size_t)(c->c_ntoks + 1) *
	    sizeof(*c->c_toks));
	if (c->c_toks == NULL)
		abort();
	t = &c->c_toks[c->c_ntoks];
	memset(t, 0, sizeof(*t));
	if (n == 2 && s[0] == '\\') {
		t->t_text = xstrndup("|", 1);
		dollar = NULL;
	} else {
		dollar = memchr(s, '$', n);
		t->t_text = xstrndup(s, dollar ? (size_t)(dollar - s) : n);
	}
	if (dollar != NULL && (size_t)(dollar - s) + 1 < n)
		t->t_name = xstrndup(dollar + 1, n - (size_t)(dollar - s) - 1);
	else {
		if (dollar != NULL)
			cp_error(cp, "empty $name in \"%.*s\"", (int)n, s);
		t->t_name = strdup(t->t_text);
	}
	t->t_tail = cp->cp_tail_tok >= 0 && c->c_ntoks >= cp->cp_tail_tok;
	if (c->c_ntoks < cp->cp_nhelp)
		t->t_help = strdup(cp->cp_help[c->c_ntoks]);
	else
		t->t_help = strdup("");
	c->c_ntoks++;
	t->t_len = strlen(t->t_text);
	if (t->t_text[0] == '\0')
		cp_error(cp, "empty token");
	else
		tok_classify(cp, t);
	return node_new(c, NODE_TOK, c->c_ntoks - 1);
}

static void	cp_alts(struct compiler *, int *in, int *out, char close);

/* seq := item*  — returns entry and exit (epsilon) nodes. */
static void
cp_seq(struct compiler *cp, int *in, int *out, char close)
{
	struct ccmd	*c = cp->cp_cmd;
	int		 cur, a, b, any = 0;

	*in = cur = node_new(c, NODE_EPS, -1);
	for (;;) {
		while (*cp->cp_s == ' ' || *cp->cp_s == '\t')
			cp->cp_s++;
		if (*cp->cp_s == '\0' || *cp->cp_s == ')' ||
		    *cp->cp_s == ']' || (*cp->cp_s == '|'))
			break;
		if (*cp->cp_s == '(' || *cp->cp_s == '[') {
			char	open = *cp->cp_s++;

			cp_alts(cp, &a, &b, open == '(' ? ')' : ']');
			if (cp->cp_failed)
				break;
			if (open == '[')
				edge(c, a, b);
		} else
			a = b = cp_token(cp);
		edge(c, cur, a);
		cur = b;
		any = 1;
	}
	if (!any && close != '\0')
		cp_error(cp, "empty alternative");
	*out = cur;
}

/* alts := seq ('|' seq)* CLOSE */
static void
cp_alts(struct compiler *cp, int *in, int *out, char close)
{
	struct ccmd	*c = cp->cp_cmd;
	int		 a, b;

	*in = node_new(c, NODE_EPS, -1);
	*out = node_new(c, NODE_EPS, -1);
	for (;;) {
		cp_seq(cp, &a, &b, close);
		if (cp->cp_failed)
			return;
		edge(c, *in, a);
		edge(c, b, *out);
		if (*cp->cp_s == '|') {
			cp->cp_s++;
			continue;
		}
		if (*cp->cp_s != close) {
			cp_error(cp, "expected '%c'", close);
			return;
		}
		cp->cp_s++;
		return;
	}
}

struct line_check {
	const struct ccmd	*lc_cmd;
	int			 lc_bad;
};

static void
line_check_fn(void *arg, int node)
{
	struct line_check	*lc = arg;

	if (lc->lc_cmd->c_nodes[node].n_kind != NODE_END)
		lc->lc_bad = 1;
}

static void
first_fn(void *arg, int node)
{
	struct ccmd	*c = arg;

	c->c_first = realloc(c->c_first, (size_t)(c->c_nfirst + 1) *
	    sizeof(*c->c_first));
	if (c->c_first == NULL)
		abort();
	c->c_first[c->c_nfirst++] = node;
}

int
ccmd_compile(struct ccmd *c, const struct cmd_def *def,
    const char *tail_syntax, const char *tail_help, char *err, size_t errlen)
{
	struct compiler	 cp;
	char		*syntax, *help, *p;
	int		 in, out, i;
	size_t		 len;

	memset(c, 0, sizeof(*c));
	memset(&cp, 0, sizeof(cp));
	c->c_def = def;
	cp.cp_cmd = c;
	cp.cp_err = err;
	cp.cp_errlen = errlen;
	cp.cp_tail_tok = -1;

	len = strlen(def->cd_syntax) + (tail_syntax ? strlen(tail_syntax) : 0);
	syntax = xcalloc(1, len + 8);
	strcpy(syntax, def->cd_syntax);
	len = strlen(def->cd_help ? def->cd_help : "") +
	    (tail_help ? strlen(tail_help) : 0);
	help = xcalloc(1, len + 4);
	strcpy(help, def->cd_help ? def->cd_help : "");

	/* Help lines, one per token. */
	for (p = help; *p != '\0'; ) {
		cp.cp_help = realloc(cp.cp_help, (size_t)(cp.cp_nhelp + 1) *
		    sizeof(char *));
		if (cp.cp_help == NULL)
			abort();
		cp.cp_help[cp.cp_nhelp++] = p;
		p += strcspn(p, "\n");
		if (*p == '\n')
			*p++ = '\0';
	}
	cp.cp_s = syntax;
	cp_seq(&cp, &in, &out, '\0');
	if (!cp.cp_failed && *cp.cp_s != '\0')
		cp_error(&cp, "unbalanced '%c'", *cp.cp_s);
	if (!cp.cp_failed && c->c_ntoks != cp.cp_nhelp)
		cp_error(&cp, "%d tokens but %d help lines", c->c_ntoks,
		    cp.cp_nhelp);
	if (!cp.cp_failed && tail_syntax != NULL) {
		/* The tail is compiled on its own help lines: [tail]. */
		int	 ta, tb;
		char	*th;

		free(cp.cp_help);
		cp.cp_help = NULL;
		cp.cp_nhelp = 0;
		th = xstrndup(tail_help, strlen(tail_help));
		for (p = th; *p != '\0'; ) {
			cp.cp_help = realloc(cp.cp_help,
			    (size_t)(c->c_ntoks + cp.cp_nhelp + 1) *
			    sizeof(char *));
			if (cp.cp_help == NULL)
				abort();
			cp.cp_help[c->c_ntoks + cp.cp_nhelp++] = p;
			p += strcspn(p, "\n");
			if (*p == '\n')
				*p++ = '\0';
		}
		cp.cp_nhelp += c->c_ntoks;
		cp.cp_tail_tok = c->c_ntoks;
		strcpy(syntax, tail_syntax);
		cp.cp_s = syntax;
		cp_seq(&cp, &ta, &tb, '\0');
		if (!cp.cp_failed && *cp.cp_s != '\0')
			cp_error(&cp, "tail: unbalanced '%c'", *cp.cp_s);
		if (!cp.cp_failed && c->c_ntoks != cp.cp_nhelp)
			cp_error(&cp, "tail: help line count mismatch");
		if (!cp.cp_failed) {
			int	join = node_new(c, NODE_EPS, -1);

			edge(c, out, ta);
			edge(c, out, join);
			edge(c, tb, join);
			out = join;
		}
		free(th);
	}
	c->c_start = in;
	c->c_end = node_new(c, NODE_END, -1);
	edge(c, out, c->c_end);
	free(cp.cp_help);
	free(syntax);
	free(help);

	/* LINE swallows the rest of the line, so nothing may follow it. */
	for (i = 0; !cp.cp_failed && i < c->c_nnodes; i++) {
		struct line_check	lc = { c, 0 };

		if (c->c_nodes[i].n_kind != NODE_TOK ||
		    c->c_toks[c->c_nodes[i].n_tok].t_type != TOK_LINE)
			continue;
		ccmd_next(c, i, line_check_fn, &lc);
		if (lc.lc_bad)
			cp_error(&cp, "LINE must be last");
	}
	if (cp.cp_failed) {
		ccmd_free(c);
		return -1;
	}
	ccmd_next(c, c->c_start, first_fn, c);
	return 0;
}

void
ccmd_free(struct ccmd *c)
{
	int	i;

	for (i = 0; i < c->c_ntoks; i++) {
		free(c->c_toks[i].t_text);
		free(c->c_toks[i].t_name);
		free(c->c_toks[i].t_help);
	}
	for (i = 0; i < c->c_nnodes; i++) {
		free(c->c_nodes[i].n_next);
		if (c->c_succ != NULL)
			free(c->c_succ[i]);
	}
	free(c->c_succ);
	free(c->c_nsucc);
	free(c->c_smay);
	free(c->c_toks);
	free(c->c_nodes);
	free(c->c_first);
	memset(c, 0, sizeof(*c));
}

static void
next_visit(const struct ccmd *c, int node, unsigned char *seen,
    void (*fn)(void *, int), void *arg)
{
	const struct node	*n = &c->c_nodes[node];
	int			 i, to;

	for (i = 0; i < n->n_nnext; i++) {
		to = n->n_next[i];
		if (seen[to])
			continue;
		seen[to] = 1;
		if (c->c_nodes[to].n_kind == NODE_EPS)
			next_visit(c, to, seen, fn, arg);
		else
			fn(arg, to);
	}
}

struct succ_acc {
	int	*sa_v;
	int	 sa_n;
};

static void
succ_fn(void *arg, int node)
{
	struct succ_acc	*sa = arg;

	sa->sa_v[sa->sa_n++] = node;
}

/* The first bytes of the words some successor of NODE may match (or
 * begin to): tok_may_start over them, in a bitmap.  END matches no word. */
static void
succ_may(struct ccmd *c, int node)
{
	uint64_t		*may = c->c_smay[node];
	const struct node	*n;
	const struct tok	*t;
	int			 i, b;

	for (i = 0; i < c->c_nsucc[node]; i++) {
		n = &c->c_nodes[c->c_succ[node][i]];
		if (n->n_kind != NODE_TOK)
			continue;
		t = &c->c_toks[n->n_tok];
		if (t->t_type == TOK_KEYWORD) {
			/* Its first letter in either case (found at
			 * compile time for most nodes: keep it cheap). */
			b = (unsigned char)t->t_text[0];
			may[b / 64] |= 1ULL << (b % 64);
			b = islower(b) ? toupper(b) : tolower(b);
			may[b / 64] |= 1ULL << (b % 64);
			continue;
		}
		for (b = 0; b < 256; b++)
			if (tok_may_start(t, b))
				may[b / 64] |= 1ULL << (b % 64);
	}
}

int
ccmd_succ_may(const struct ccmd *c, int node, int b)
{
	int	n;

	if (c->c_nsucc == NULL || c->c_nsucc[node] < 0)
		(void)ccmd_succ(c, node, &n);
	return (c->c_smay[node][b / 64] >> (b % 64)) & 1;
}

const int *
ccmd_succ(const struct ccmd *c, int node, int *n)
{
	struct ccmd	*cc = (struct ccmd *)c;	/* the cache only */
	struct succ_acc	 sa;
	unsigned char	*seen;
	int		 i;

	if (cc->c_succ == NULL) {
		cc->c_succ = xcalloc((size_t)c->c_nnodes, sizeof(*cc->c_succ));
		cc->c_nsucc = xcalloc((size_t)c->c_nnodes,
		    sizeof(*cc->c_nsucc));
		cc->c_smay = xcalloc((size_t)c->c_nnodes,
		    sizeof(*cc->c_smay));
		for (i = 0; i < c->c_nnodes; i++)
			cc->c_nsucc[i] = -1;
	}
	if (c->c_nsucc[node] < 0) {
		/* Each node is reported once: at most c_nnodes of them. */
		seen = xcalloc((size_t)c->c_nnodes, 1);
		sa.sa_v = xcalloc((size_t)c->c_nnodes, sizeof(*sa.sa_v));
		sa.sa_n = 0;
		next_visit(c, node, seen, succ_fn, &sa);
		free(seen);
		cc->c_succ[node] = sa.sa_v;
		cc->c_nsucc[node] = sa.sa_n;
		succ_may(cc, node);
	}
	*n = c->c_nsucc[node];
	return c->c_succ[node];
}

void
ccmd_next(const struct ccmd *c, int node, void (*fn)(void *, int), void *arg)
{
	const int	*succ;
	int		 i, n;

	succ = ccmd_succ(c, node, &n);
	for (i = 0; i < n; i++)
		fn(arg, succ[i]);
}

/* --- cmd_set -------------------------------------------------------- */

struct cmd_set *
cmd_set_new(const char *name)
{
	struct cmd_set	*set = xcalloc(1, sizeof(*set));

	set->s_name = xstrndup(name, strlen(name));
	return set;
}

void
cmd_set_free(struct cmd_set *set)
{
	size_t	i;

	if (set == NULL)
		return;
	lmemo_stale();
	set_first_free(set);
	for (i = 0; i < set->s_ncmds; i++)
		ccmd_free(&set->s_cmds[i]);
	for (i = 0; i < set->s_npfx; i++) {
		free(set->s_pfx[i].p_kw);
		free(set->s_pfx[i].p_help);
	}
	free(set->s_cmds);
	free(set->s_pfx);
	free(set->s_tail_syntax);
	free(set->s_tail_help);
	free(set->s_name);
	free(set);
}

const char *
cmd_set_name(const struct cmd_set *set)
{
	return set->s_name;
}

static int
set_compile(const struct cmd_set *set, struct ccmd *c,
    const struct cmd_def *def, char *err, size_t errlen)
{
	int	tail = set->s_tail_syntax != NULL &&
		    (def->cd_flags & set->s_tail_flag);

	return ccmd_compile(c, def, tail ? set->s_tail_syntax : NULL,
	    tail ? set->s_tail_help : NULL, err, errlen);
}

int
cmd_set_add(struct cmd_set *set, const struct cmd_def *defs, size_t n,
    char *err, size_t errlen)
{
	size_t	i;

	lmemo_stale();
	set_first_free(set);
	set->s_cmds = realloc(set->s_cmds, (set->s_ncmds + n + 1) *
	    sizeof(*set->s_cmds));
	if (set->s_cmds == NULL)
		abort();
	for (i = 0; i < n; i++) {
		if (set_compile(set, &set->s_cmds[set->s_ncmds], &defs[i],
		    err, errlen) < 0)
			return -1;
		set->s_kwip4 |= lmemo_cmd_kwip4(&set->s_cmds[set->s_ncmds]);
		set->s_ncmds++;
	}
	return 0;
}

int
cmd_set_add_prefix(struct cmd_set *set, const char *keyword,
    const char *help, const struct cmd_set *target, unsigned need_flags,
    unsigned bit)
{
	struct cmd_prefix	*p;

	lmemo_stale();
	set_first_free(set);
	set->s_pfx = realloc(set->s_pfx, (set->s_npfx + 1) *
	    sizeof(*set->s_pfx));
	if (set->s_pfx == NULL)
		abort();
	p = &set->s_pfx[set->s_npfx++];
	p->p_kw = xstrndup(keyword, strlen(keyword));
	p->p_help = xstrndup(help, strlen(help));
	p->p_target = target;
	p->p_need = need_flags;
	p->p_bit = bit;
	return 0;
}

int
cmd_set_add_tail(struct cmd_set *set, unsigned flag,
    const struct cmd_def *tail, char *err, size_t errlen)
{
	struct ccmd	c;
	size_t		i;

	lmemo_stale();
	set_first_free(set);
	free(set->s_tail_syntax);
	free(set->s_tail_help);
	set->s_tail_flag = flag;
	set->s_tail_syntax = xstrndup(tail->cd_syntax, strlen(tail->cd_syntax));
	set->s_tail_help = xstrndup(tail->cd_help, strlen(tail->cd_help));
	/* Recompile the commands already in the set that take the tail. */
	for (i = 0; i < set->s_ncmds; i++) {
		if (!(set->s_cmds[i].c_def->cd_flags & flag))
			continue;
		if (set_compile(set, &c, set->s_cmds[i].c_def, err,
		    errlen) < 0)
			return -1;
		ccmd_free(&set->s_cmds[i]);
		set->s_cmds[i] = c;
		set->s_kwip4 |= lmemo_cmd_kwip4(&c);
	}
	return 0;
}
