/*
 * cmd_walk.c: matching a line word by word against a command set.
 *
 * All commands of the set are walked side by side.  At each word every live
 * candidate token is ranked; only the best rank survives (IOS precedence:
 * exact keyword, typed value, keyword prefix, WORD).  Nothing here has side
 * effects, so `?`, TAB and execution share this one walk.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/inet4.h"
#include "lib/xalloc.h"
#include "parser/cmd_impl.h"

/* The bytes that end a word (NUL, space, tab), one test per byte
 * instead of three: the lexer's inner loop was 5% of a configuration
 * load. */
const bool cmd_word_end[256] = { [0] = true, [' '] = true,
    ['\t'] = true };

size_t
cmd_lex(const char *line, struct word *w, size_t max)
{
	size_t	i = 0, n = 0;

	for (;;) {
		while (line[i] == ' ' || line[i] == '\t')
			i++;
		if (line[i] == '\0')
			return n;
		if (n == max)
			return max + 1;		/* too many words */
		w[n].w_off = i;
		while (!cmd_word_end[(unsigned char)line[i]])
			i++;
		w[n].w_len = i - w[n].w_off;
		n++;
	}
}

/* The characters of the typed tokens' words, a bit each: span_of asked
 * strchr of every byte of a word for every typed candidate. */
enum {
	CH_DIGIT = 1, CH_DOT = 2, CH_SLASH = 4, CH_HEX = 8, CH_COLON = 16,
};

static unsigned char
char_class(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return CH_DIGIT | CH_HEX;
	if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
		return CH_HEX;
	return c == '.' ? CH_DOT : c == '/' ? CH_SLASH : c == ':' ? CH_COLON :
	    0;
}

/* Length of the longest prefix of S made of characters in the classes
 * SET (a character is in when any of its classes is). */
static size_t
span_of(const char *s, size_t len, unsigned set)
{
	size_t	i;

	for (i = 0; i < len && (char_class((unsigned char)s[i]) & set); i++)
		;
	return i;
}

int
parse_num(const char *s, size_t len, unsigned long long *v)
{
	unsigned long long	n = 0;
	size_t			i;

	if (len == 0 || len > 20)
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		if (n > (~0ULL - (unsigned)(s[i] - '0')) / 10)
			return -1;
		n = n * 10 + (unsigned)(s[i] - '0');
	}
	*v = n;
	return 0;
}

static int
valid_addr(int af, const char *s, size_t len)
{
	char		buf[64];
	unsigned char	out[16];

	uint32_t	a;

	if (af == AF_INET)
		return ip4_parse_n(s, len, &a);
	if (len == 0 || len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return inet_pton(af, buf, out) == 1;
}

static int
valid_prefix(int af, const char *s, size_t len, unsigned max)
{
	const char		*slash = memchr(s, '/', len);
	unsigned long long	 plen;

	if (slash == NULL)
		return 0;
	if (!valid_addr(af, s, (size_t)(slash - s)))
		return 0;
	if (parse_num(slash + 1, len - (size_t)(slash - s) - 1, &plen) < 0)
		return 0;
	return plen <= max;
}

static int
valid_mac(const char *s, size_t len)
{
	size_t	i, group = 0, digits = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (digits == 0 || ++group > 2)
				return 0;
			digits = 0;
		} else if (!isxdigit((unsigned char)s[i]) || ++digits > 4)
			return 0;
	}
	return group == 2 && digits > 0;
}

/* tolower in the C locale, which is what the keywords are compared in
 * (iosh never calls setlocale), without the call through the locale. */
static inline int
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c;
}

enum tok_rank
tok_rank(const struct tok *t, const char *w, size_t len, size_t *progress)
{
	unsigned long long	v;
	size_t			i, tl;

	*progress = 0;
	switch (t->t_type) {
	case TOK_KEYWORD:
		tl = t->t_len ? t->t_len : strlen(t->t_text);
		for (i = 0; i < len && i < tl && (w[i] == t->t_text[i] ||
		    ascii_lower(w[i]) == ascii_lower(t->t_text[i])); i++)
			;
		*progress = i;
		if (i < len)
			return RANK_NONE;
		return len == tl ? RANK_EXACT : RANK_PREFIX;
	case TOK_RANGE:
		*progress = span_of(w, len, CH_DIGIT);
		if (*progress < len || parse_num(w, len, &v) < 0 ||
		    v < t->t_lo || v > t->t_hi) {
			if (*progress == len)
				*progress = 0;
			return RANK_NONE;
		}
		return RANK_TYPED;
	case TOK_IPV4:
		*progress = span_of(w, len, CH_DIGIT | CH_DOT);
		return valid_addr(AF_INET, w, len) ? RANK_TYPED : RANK_NONE;
	case TOK_IPV4_PREFIX:
		*progress = span_of(w, len, CH_DIGIT | CH_DOT | CH_SLASH);
		return valid_prefix(AF_INET, w, len, 32) ? RANK_TYPED :
		    RANK_NONE;
	case TOK_IPV6:
		*progress = span_of(w, len, CH_HEX | CH_COLON | CH_DOT);
		return valid_addr(AF_INET6, w, len) ? RANK_TYPED : RANK_NONE;
	case TOK_IPV6_PREFIX:
		*progress = span_of(w, len,
		    CH_HEX | CH_COLON | CH_DOT | CH_SLASH);
		return valid_prefix(AF_INET6, w, len, 128) ? RANK_TYPED :
		    RANK_NONE;
	case TOK_MAC:
		*progress = span_of(w, len, CH_HEX | CH_DOT);
		return valid_mac(w, len) ? RANK_TYPED : RANK_NONE;
	case TOK_WORD:
	case TOK_LINE:
		*progress = len;
		return RANK_ANY;
	}
	return RANK_NONE;
}

int
tok_may_start(const struct tok *t, int b)
{
	switch (t->t_type) {
	case TOK_KEYWORD:
		return ascii_lower((char)b) == ascii_lower(t->t_text[0]);
	case TOK_RANGE:
		/* A word that is not all digits has progress 0. */
		return b >= '0' && b <= '9';
	case TOK_IPV4:
		return (b >= '0' && b <= '9') || b == '.';
	default:
		return 1;
	}
}

/* --- paths ----------------------------------------------------------- */

static void
walk_push(struct walk *wk, const struct path *p)
{
	if (wk->wk_npaths == wk->wk_cap) {
		wk->wk_cap = wk->wk_cap ? wk->wk_cap * 2 : 32;
		wk->wk_paths = realloc(wk->wk_paths, wk->wk_cap *
		    sizeof(*wk->wk_paths));
		if (wk->wk_paths == NULL)
			abort();
	}
	wk->wk_paths[wk->wk_npaths++] = *p;
}

/* Traces come from blocks of TRACE_BLOCK, kept across the lines a walk
 * is reused for: one allocation per token matched was a fifth of a
 * configuration line's time in malloc. */
#define TRACE_BLOCK	64

static struct trace *
walk_trace(struct walk *wk, const struct tok *t, const struct cmd_prefix *pfx,
    size_t word, struct trace *prev)
{
	struct trace	*tr;
	size_t		 b = wk->wk_ntraces / TRACE_BLOCK;

	if (b == wk->wk_captr) {
		wk->wk_captr = wk->wk_captr ? wk->wk_captr * 2 : 4;
		wk->wk_traces = realloc(wk->wk_traces, wk->wk_captr *
		    sizeof(*wk->wk_traces));
		if (wk->wk_traces == NULL)
			abort();
		memset(wk->wk_traces + b, 0, (wk->wk_captr - b) *
		    sizeof(*wk->wk_traces));
	}
	if (wk->wk_traces[b] == NULL)
		wk->wk_traces[b] = xcalloc(TRACE_BLOCK, sizeof(struct trace));
	tr = &wk->wk_traces[b][wk->wk_ntraces++ % TRACE_BLOCK];
	tr->tr_tok = t;
	tr->tr_pfx = pfx;
	tr->tr_word = word;
	tr->tr_prev = prev;
	return tr;
}

/* NODE's token in C, NULL if it is not a token node. */
static const struct tok *
node_tok(const struct ccmd *c, int node)
{
	const struct node	*n = &c->c_nodes[node];

	return n->n_kind == NODE_TOK ? &c->c_toks[n->n_tok] : NULL;
}

/*
 * Push the candidates that follow NODE of P's command.  NEXT is the first
 * byte of the word they will be ranked against (-1: none will be, they
 * are what `?` and TAB list): a successor no word beginning with it can
 * match is left out (END too: it matches no word), as push_set leaves out
 * the commands a line's first word cannot match.  Its rank would be
 * RANK_NONE with progress 0, so no answer changes (not even the error's
 * caret), and after a common first word ("ip", "crypto") most successors
 * are such.
 */
static void
push_next(struct walk *wk, const struct path *p, int node, struct trace *tr,
    int next)
{
	const struct ccmd	*c = p->pa_cmd;
	const struct node	*n;
	struct path		 q = *p;
	const int		*succ;
	int			 i, ns;

	q.pa_trace = tr;
	q.pa_line = 0;
	succ = ccmd_succ(c, node, &ns);
	for (i = 0; i < ns; i++) {
		n = &c->c_nodes[succ[i]];
		if (next >= 0 && (n->n_kind != NODE_TOK ||
		    !tok_may_start(&c->c_toks[n->n_tok], next)))
			continue;
		q.pa_node = succ[i];
		q.pa_tok = node_tok(c, succ[i]);
		walk_push(wk, &q);
	}
}

/*
 * The first-word index of a set: for each first byte of a word (folded to
 * lower case), the (command, first node) pairs that word can match — the
 * keywords beginning with it and every non-keyword first token — in the
 * set's order, which decides between commands that both match.  A word
 * cannot match a keyword that begins with another letter, not even as a
 * prefix, and such a candidate's progress (the error marker's place) is
 * 0, so leaving it out changes no answer.  A line's walk began with every
 * command of its mode (global configuration: hundreds).
 */
struct first_ent {
	int	fe_cmd, fe_node;
};
struct first_index {
	struct first_ent	*fi_ent[256];
	int			 fi_n[256];
};

static void
first_add(struct first_index *fi, int byte, int cmd, int node)
{
	fi->fi_ent[byte] = realloc(fi->fi_ent[byte], (size_t)(fi->fi_n[byte] +
	    1) * sizeof(**fi->fi_ent));
	if (fi->fi_ent[byte] == NULL)
		abort();
	fi->fi_ent[byte][fi->fi_n[byte]].fe_cmd = cmd;
	fi->fi_ent[byte][fi->fi_n[byte]++].fe_node = node;
}

static const struct first_index *
set_first(const struct cmd_set *set)
{
	struct first_index	*fi;
	const struct ccmd	*c;
	const struct tok	*t;
	size_t			 i;
	int			 k, b;

	if (set->s_first != NULL)
		return set->s_first;
	fi = xcalloc(1, sizeof(*fi));
	for (i = 0; i < set->s_ncmds; i++) {
		c = &set->s_cmds[i];
		for (k = 0; k < c->c_nfirst; k++) {
			t = c->c_nodes[c->c_first[k]].n_kind == NODE_TOK ?
			    &c->c_toks[c->c_nodes[c->c_first[k]].n_tok] : NULL;
			if (t != NULL && t->t_type == TOK_KEYWORD) {
				first_add(fi, tolower((unsigned char)
				    t->t_text[0]), (int)i, c->c_first[k]);
				continue;
			}
			for (b = 0; b < 256; b++)
				first_add(fi, b, (int)i, c->c_first[k]);
		}
	}
	((struct cmd_set *)set)->s_first = fi;
	return fi;
}

/*
 * The first step of the walk, kept for the last first words of a set.  A
 * line's first step — the set's commands for its first byte, each ranked
 * against the first word, the survivors' successors the second word can
 * begin — depends on nothing but the set, the first word and the second
 * word's first byte; a configuration says the same first word many times
 * in a row (" permit" twenty times an ACL, "ip route" thousands), and on
 * a common word ("ip", "crypto") the step was most of a line's walk.  A
 * step that failed is kept too: a pasted configuration's "crypto map"
 * after a map entry's lines fails in the entry's mode first, every time.
 */
static int	word_first(const struct walk *, const char *, size_t, size_t);

/* 256 steps a set: with 16 the fuzz config target's mixed inputs found
 * only 56% of their first steps kept (the rest evicted by other words of
 * the same mode), with 256 89%.  The memo is made on a set's first
 * line, ~22 KB of slots plus the steps kept. */
#define MEMO_SLOTS	256
#define MEMO_WORD	24	/* longer first words are not kept */

struct memo_ent {
	bool			 me_used;
	char			 me_word[MEMO_WORD];
	size_t			 me_len;
	int			 me_next;	/* second word's first byte, -1 */
	enum cmd_status		 me_status;	/* OK, or how it failed */
	size_t			 me_err;	/* failed: caret - word offset */
	struct trace		*me_tr;		/* the step's traces */
	size_t			 me_ntr;
	struct path		*me_paths;	/* pa_trace: an index in me_tr */
	size_t			 me_npaths;
};

struct first_memo {
	struct memo_ent	 fm_e[MEMO_SLOTS];
};

static void
memo_ent_free(struct memo_ent *e)
{
	free(e->me_tr);
	free(e->me_paths);
	memset(e, 0, sizeof(*e));
}

static struct memo_ent *
memo_slot(const struct cmd_set *set, const char *w, size_t len, int next)
{
	struct cmd_set	*cs = (struct cmd_set *)set;	/* a cache */
	unsigned	 h = (unsigned)next * 31u + (unsigned)len;
	size_t		 i;

	if (cs->s_memo == NULL)
		cs->s_memo = xcalloc(1, sizeof(*cs->s_memo));
	for (i = 0; i < len; i++)
		h = h * 33u + (unsigned char)w[i];
	return &cs->s_memo->fm_e[h % MEMO_SLOTS];
}

/* The I-th trace handed out by WK in this line. */
static struct trace *
trace_at(const struct walk *wk, size_t i)
{
	return &wk->wk_traces[i / TRACE_BLOCK][i % TRACE_BLOCK];
}

/* The index of trace TR among the N WK handed out in this line, N if TR
 * is none of them (NULL).  Found by its block, not by comparing it with
 * each trace: that scan, per path, was quadratic in a step's paths. */
static size_t
trace_index(const struct walk *wk, const struct trace *tr, size_t n)
{
	size_t		 b, k;
	uintptr_t	 p = (uintptr_t)tr, base;

	if (tr == NULL)
		return n;
	for (b = 0; b * TRACE_BLOCK < n; b++) {
		base = (uintptr_t)wk->wk_traces[b];
		if (p < base || p >= base + TRACE_BLOCK * sizeof(*tr))
			continue;
		k = b * TRACE_BLOCK + (p - base) / sizeof(*tr);
		return k < n ? k : n;
	}
	return n;
}

/* Keep WK's first step (just taken) for word W of LEN, NEXT. */
static void
memo_record(struct walk *wk, const struct cmd_set *set, const char *w,
    size_t len, int next)
{
	struct memo_ent	*e;
	size_t		 i;

	if (len >= MEMO_WORD)
		return;
	e = memo_slot(set, w, len, next);
	memo_ent_free(e);
	e->me_used = true;
	memcpy(e->me_word, w, len);
	e->me_len = len;
	e->me_next = next;
	e->me_status = wk->wk_status;
	if (wk->wk_status != CMD_MATCH_OK) {
		e->me_err = wk->wk_err_off - wk->wk_words[0].w_off;
		return;
	}
	e->me_ntr = wk->wk_ntraces;
	e->me_tr = xcalloc(e->me_ntr + 1, sizeof(*e->me_tr));
	for (i = 0; i < e->me_ntr; i++)
		e->me_tr[i] = *trace_at(wk, i);
	e->me_npaths = wk->wk_npaths;
	e->me_paths = xcalloc(e->me_npaths + 1, sizeof(*e->me_paths));
	for (i = 0; i < e->me_npaths; i++) {
		e->me_paths[i] = wk->wk_paths[i];
		/* Every trace of the first step is the first of its chain. */
		e->me_paths[i].pa_trace = (struct trace *)(uintptr_t)
		    trace_index(wk, wk->wk_paths[i].pa_trace, e->me_ntr);
	}
}

/* The first step kept for WK's line (of NWORDS words), NULL if none. */
static const struct memo_ent *
memo_find(const struct walk *wk, const struct cmd_set *set, const char *line,
    size_t nwords)
{
	const char		*w = line + wk->wk_words[0].w_off;
	size_t			 len = wk->wk_words[0].w_len;
	int			 next = word_first(wk, line, 1, nwords);
	const struct memo_ent	*e;

	if (len >= MEMO_WORD)
		return NULL;
	e = memo_slot(set, w, len, next);
	if (!e->me_used || e->me_len != len || e->me_next != next ||
	    memcmp(e->me_word, w, len) != 0)
		return NULL;
	return e;
}

/* WK's first step from the memo: 1 taken, -1 taken and failed (status
 * set), 0 not kept. */
static int
memo_replay(struct walk *wk, const struct cmd_set *set, const char *line,
    size_t nwords)
{
	size_t			 i, k;
	const struct memo_ent	*e;

	if ((e = memo_find(wk, set, line, nwords)) == NULL)
		return 0;
	if (e->me_status != CMD_MATCH_OK) {
		wk->wk_status = e->me_status;
		wk->wk_err_word = 0;
		wk->wk_err_off = wk->wk_words[0].w_off + e->me_err;
		return -1;
	}
	for (i = 0; i < e->me_ntr; i++)
		(void)walk_trace(wk, e->me_tr[i].tr_tok, e->me_tr[i].tr_pfx,
		    0, NULL);
	for (i = 0; i < e->me_npaths; i++) {
		walk_push(wk, &e->me_paths[i]);
		k = (size_t)(uintptr_t)e->me_paths[i].pa_trace;
		wk->wk_paths[wk->wk_npaths - 1].pa_trace = k < e->me_ntr ?
		    trace_at(wk, k) : NULL;
	}
	return 1;
}

void
set_first_free(struct cmd_set *set)
{
	int	b;

	lmemo_free(set);

	if (set->s_memo != NULL) {
		for (b = 0; b < MEMO_SLOTS; b++)
			memo_ent_free(&set->s_memo->fm_e[b]);
		free(set->s_memo);
		set->s_memo = NULL;
	}

	if (set->s_first == NULL)
		return;
	for (b = 0; b < 256; b++)
		free(set->s_first->fi_ent[b]);
	free(set->s_first);
	set->s_first = NULL;
}

/* Push the first tokens of SET's commands that carry NEED; FIRST is the
 * first byte of the word they will be ranked against, -1 if none will be
 * (help lists them all). */
static void
push_set(struct walk *wk, const struct cmd_set *set, unsigned need,
    const struct cmd_prefix *pfx, struct trace *tr, int first)
{
	const struct first_index	*fi;
	const struct first_ent		*fe;
	struct path			 p;
	size_t				 i;
	int				 k, b;

	memset(&p, 0, sizeof(p));
	p.pa_set = set;
	p.pa_pfx = pfx;
	p.pa_trace = tr;
	if (first >= 0) {
		fi = set_first(set);
		b = tolower(first);
		for (k = 0; k < fi->fi_n[b]; k++) {
			fe = &fi->fi_ent[b][k];
			p.pa_cmd = &set->s_cmds[fe->fe_cmd];
			if ((p.pa_cmd->c_def->cd_flags & need) != need)
				continue;
			p.pa_node = fe->fe_node;
			p.pa_tok = node_tok(p.pa_cmd, fe->fe_node);
			walk_push(wk, &p);
		}
		return;
	}
	for (i = 0; i < set->s_ncmds; i++) {
		if ((set->s_cmds[i].c_def->cd_flags & need) != need)
			continue;
		p.pa_cmd = &set->s_cmds[i];
		/* push_next from c_start, its result kept by the compiler. */
		for (k = 0; k < p.pa_cmd->c_nfirst; k++) {
			p.pa_node = p.pa_cmd->c_first[k];
			p.pa_tok = node_tok(p.pa_cmd, p.pa_node);
			walk_push(wk, &p);
		}
	}
}

/* The first byte of word WI, -1 past the words walked. */
static int
word_first(const struct walk *wk, const char *line, size_t wi, size_t nwords)
{
	return wi < nwords ? (unsigned char)line[wk->wk_words[wi].w_off] : -1;
}

const struct tok *
path_tok(const struct path *p)
{
	return p->pa_tok;
}

int
path_can_end(const struct path *p)
{
	return p->pa_cmd != NULL &&
	    (p->pa_cmd->c_nodes[p->pa_node].n_kind == NODE_END || p->pa_line);
}

/* Rank of word W for candidate P; prefixes rank as keywords. */
/* Rank of word WI (W of LEN) for an IPv4 token: asked once per word. */
static enum tok_rank
word_ip4(struct walk *wk, size_t wi, const char *w, size_t len,
    size_t *progress)
{
	if (wk->wk_ip4ok[wi] < 0) {
		wk->wk_ip4ok[wi] = ip4_parse_n(w, len, &wk->wk_ip4[wi]);
		/* An address is all digits and dots: no need to count. */
		wk->wk_ip4prog[wi] = wk->wk_ip4ok[wi] ? len :
		    span_of(w, len, CH_DIGIT | CH_DOT);
	}
	*progress = wk->wk_ip4prog[wi];
	return wk->wk_ip4ok[wi] ? RANK_TYPED : RANK_NONE;
}

static enum tok_rank
path_rank(struct walk *wk, size_t wi, const struct path *p, const char *w,
    size_t len, size_t *progress)
{
	const struct tok	*t;
	struct tok		 kw;

	if (p->pa_cmd == NULL) {
		memset(&kw, 0, sizeof(kw));
		kw.t_type = TOK_KEYWORD;
		kw.t_text = p->pa_pfx->p_kw;
		return tok_rank(&kw, w, len, progress);
	}
	if (p->pa_line)
		return RANK_ANY;
	if ((t = path_tok(p)) == NULL) {
		*progress = 0;
		return RANK_NONE;
	}
	if (t->t_type == TOK_IPV4)
		return word_ip4(wk, wi, w, len, progress);
	return tok_rank(t, w, len, progress);
}

static const char *
path_keyword(const struct path *p)
{
	const struct tok	*t;

	if (p->pa_cmd == NULL)
		return p->pa_pfx->p_kw;
	t = path_tok(p);
	return t != NULL && t->t_type == TOK_KEYWORD ? t->t_text : NULL;
}

/*
 * How the line memo may stand word WI (W of LEN) of a walk, from the
 * candidates it met (wk_paths, ranked in wk_rank).  Those candidates
 * depend on the words before it and on its first byte only (push_set,
 * push_next and the survivors' test take the next word's first byte), so
 * when each of them ranks any word alike — WORD, LINE, a LINE going on —
 * any word of that first byte walks the same from here: LMEMO_FREE_WORD.
 * When they are those and ranges that all took it, any number in every
 * range's bounds does: LMEMO_FREE_NUM with the bounds.  A keyword, a
 * prefix, END or another typed token among them: the word as typed.
 */
static void
step_free(struct walk *wk, size_t wi, const char *w, size_t len)
{
	const struct path	*p;
	unsigned long long	 lo = 0, hi = ~0ULL;
	bool			 any = true;
	bool			 num = len <= 19 && span_of(w, len, CH_DIGIT) ==
				    len;
	size_t			 i;

	wk->wk_free[wi] = LMEMO_FREE_NONE;
	for (i = 0; i < wk->wk_npaths; i++) {
		p = &wk->wk_paths[i];
		if (p->pa_cmd != NULL && p->pa_line)
			continue;
		if (p->pa_cmd == NULL || p->pa_tok == NULL)
			return;
		switch (p->pa_tok->t_type) {
		case TOK_WORD:
		case TOK_LINE:
			continue;
		case TOK_RANGE:
			any = false;
			if (!num || wk->wk_rank[i] != RANK_TYPED)
				return;
			if (p->pa_tok->t_lo > lo)
				lo = p->pa_tok->t_lo;
			if (p->pa_tok->t_hi < hi)
				hi = p->pa_tok->t_hi;
			continue;
		default:
			return;
		}
	}
	if (any)
		wk->wk_free[wi] = LMEMO_FREE_WORD;
	else {
		wk->wk_free[wi] = LMEMO_FREE_NUM;
		wk->wk_flo[wi] = lo;
		wk->wk_fhi[wi] = hi;
	}
}

int
walk_run(struct walk *wk, const struct cmd_set *set, const char *line,
    size_t nwords)
{
	struct path	*cur, p;
	size_t		 ncur, curcap, i, wi, progress, best_prog;
	enum tok_rank	 r, best;
	int		 next;
	const char	*w, *kw1;

	wk->wk_status = CMD_MATCH_OK;
	/* A word the memo's first step takes is kept as typed. */
	memset(wk->wk_free, LMEMO_FREE_NONE, nwords < LMEMO_FREE_MAX ?
	    nwords : LMEMO_FREE_MAX);
	wi = 0;
	if (nwords > 0) {
		switch (memo_replay(wk, set, line, nwords)) {
		case 1:
			wi = 1;
			break;
		case -1:
			return -1;
		}
	}
	if (wi == 0) {
		for (i = 0; i < set->s_npfx; i++) {
			memset(&p, 0, sizeof(p));
			p.pa_pfx = &set->s_pfx[i];
			walk_push(wk, &p);
		}
		push_set(wk, set, 0, NULL, NULL, word_first(wk, line, 0,
		    nwords));
	}

	wk->wk_ip4ok[0] = -1;		/* not asked when the memo took it */
	for (; wi < nwords; wi++) {
		w = line + wk->wk_words[wi].w_off;
		wk->wk_ip4ok[wi] = -1;
		best = RANK_NONE;
		best_prog = 0;
		/* Each candidate's rank once: the loops below ask again. */
		if (wk->wk_rankcap < wk->wk_npaths) {
			wk->wk_rankcap = wk->wk_npaths;
			free(wk->wk_rank);
			wk->wk_rank = xcalloc(wk->wk_rankcap,
			    sizeof(*wk->wk_rank));
		}
		for (i = 0; i < wk->wk_npaths; i++) {
			r = path_rank(wk, wi, &wk->wk_paths[i], w,
			    wk->wk_words[wi].w_len, &progress);
			wk->wk_rank[i] = r;
			if (r > best)
				best = r;
			if (progress > best_prog)
				best_prog = progress;
		}
		if (best == RANK_NONE) {
			wk->wk_status = CMD_MATCH_INVALID;
			wk->wk_err_word = wi;
			wk->wk_err_off = wk->wk_words[wi].w_off +
			    (best_prog < wk->wk_words[wi].w_len ? best_prog : 0);
			if (wi == 0)
				memo_record(wk, set, w, wk->wk_words[0].w_len,
				    word_first(wk, line, 1, nwords));
			return -1;
		}
		if (best == RANK_PREFIX) {
			kw1 = NULL;
			for (i = 0; i < wk->wk_npaths; i++) {
				const char *kw = path_keyword(&wk->wk_paths[i]);

				if (kw == NULL || wk->wk_rank[i] != RANK_PREFIX)
					continue;
				if (kw1 != NULL && strcmp(kw1, kw) != 0) {
					wk->wk_status = CMD_MATCH_AMBIGUOUS;
					wk->wk_err_word = wi;
					wk->wk_err_off = wk->wk_words[wi].w_off;
					if (wi == 0)
						memo_record(wk, set, w,
						    wk->wk_words[0].w_len,
						    word_first(wk, line, 1,
						    nwords));
					return -1;
				}
				kw1 = kw;
			}
		}
		if (wi < LMEMO_FREE_MAX)
			step_free(wk, wi, w, wk->wk_words[wi].w_len);
		/* Survivors advance; their successors become candidates,
		 * in the other buffer (no allocation per word). */
		cur = wk->wk_paths;
		ncur = wk->wk_npaths;
		curcap = wk->wk_cap;
		wk->wk_paths = wk->wk_spare;
		wk->wk_cap = wk->wk_sparecap;
		wk->wk_npaths = 0;
		next = word_first(wk, line, wi + 1, nwords);
		for (i = 0; i < ncur; i++) {
			struct trace	*tr;

			if (wk->wk_rank[i] != best)
				continue;
			if (cur[i].pa_cmd == NULL) {
				tr = walk_trace(wk, NULL, cur[i].pa_pfx, wi,
				    NULL);
				push_set(wk, cur[i].pa_pfx->p_target,
				    cur[i].pa_pfx->p_need, cur[i].pa_pfx, tr,
				    next);
				continue;
			}
			if (cur[i].pa_line) {
				walk_push(wk, &cur[i]);
				continue;
			}
			/* A survivor none of whose successors the next word
			 * can match dies here, without a trace: after "ip",
			 * a hundred commands of (config) survive. */
			if (next >= 0 && cur[i].pa_tok->t_type != TOK_LINE &&
			    !ccmd_succ_may(cur[i].pa_cmd, cur[i].pa_node, next))
				continue;
			tr = walk_trace(wk, cur[i].pa_tok, NULL, wi,
			    cur[i].pa_trace);
			if (cur[i].pa_tok->t_type == TOK_LINE) {
				p = cur[i];
				p.pa_line = 1;
				p.pa_trace = tr;
				walk_push(wk, &p);
			}
			push_next(wk, &cur[i], cur[i].pa_node, tr, next);
		}
		wk->wk_spare = cur;
		wk->wk_sparecap = curcap;
		if (wi == 0)
			memo_record(wk, set, w, wk->wk_words[0].w_len, next);
	}
	return 0;
}

/* Ready WK for another line, keeping its buffers. */
static void
walk_reset(struct walk *wk)
{
	wk->wk_npaths = 0;
	wk->wk_ntraces = 0;
	wk->wk_status = CMD_MATCH_OK;
	wk->wk_err_off = wk->wk_err_word = 0;
}

void
walk_free(struct walk *wk)
{
	size_t	i;

	for (i = 0; i < wk->wk_captr; i++)
		free(wk->wk_traces[i]);
	free(wk->wk_traces);
	free(wk->wk_paths);
	free(wk->wk_spare);
	free(wk->wk_rank);
	memset(wk, 0, sizeof(*wk));
}

/* --- cmd_match -------------------------------------------------------- */

/* The arguments of candidate P's trace as templates into T (at most
 * CMD_MAX_ARGS); returns how many. */
static size_t
match_tmpl(const struct path *p, struct arg_tmpl *t)
{
	const struct trace	*tr, *rev[CMD_MAX_ARGS];
	size_t			 n = 0, i;

	for (tr = p->pa_trace; tr != NULL && n < CMD_MAX_ARGS; tr = tr->tr_prev)
		rev[n++] = tr;
	for (i = 0; i < n; i++) {
		const struct trace	*r = rev[n - 1 - i];
		struct arg_tmpl		*a = &t[i];

		memset(a, 0, sizeof(*a));
		a->at_word = (unsigned)r->tr_word;
		if (r->tr_tok == NULL) {
			a->at_name = a->at_kw = r->tr_pfx->p_kw;
			a->at_nkey = cmd_name_key(a->at_name);
			a->at_nbit = cmd_name_bit(a->at_nkey);
			continue;
		}
		a->at_name = r->tr_tok->t_name;
		a->at_nkey = cmd_name_key(a->at_name);
		a->at_nbit = cmd_name_bit(a->at_nkey);
		a->at_tail = r->tr_tok->t_tail;
		if (r->tr_tok->t_type == TOK_KEYWORD)
			a->at_kw = r->tr_tok->t_text;
		a->at_ip4 = r->tr_tok->t_type == TOK_IPV4;
		a->at_line = r->tr_tok->t_type == TOK_LINE;
	}
	return n;
}

/*
 * The walk of the last line, kept with its buffers for the next: a walk
 * per line (4 KB of words, paths, ranks, traces) was most of a line's
 * allocations.  Taken while in use, so a match made meanwhile (none is
 * today) would get a walk of its own.
 */
static struct walk	*spare_walk;

struct walk *
walk_take(void)
{
	struct walk	*wk = spare_walk;

	if (wk == NULL)
		return xcalloc(1, sizeof(*wk));
	spare_walk = NULL;
	walk_reset(wk);
	return wk;
}

void
walk_give(struct walk *wk)
{
	if (spare_walk == NULL) {
		spare_walk = wk;
		return;
	}
	walk_free(wk);
	free(wk);
}

/* Match LINE against SET; USE_MEMO: ask the line memo first and keep
 * what the walk matched in it. */
static void
match_line(const struct cmd_set *set, const char *line, size_t len,
    struct cmd_match *m, bool use_memo)
{
	struct walk	*wk;
	struct arg_tmpl	 tmpl[CMD_MAX_ARGS];
	struct lmemo_key key;
	const struct memo_ent *fe;
	size_t		 i, n;
	bool		 keyed = false;

	/* Each field but the arguments' slots (2.5 KB, each set as it is
	 * filled: arg_fill) and the names' first arguments (as_first, read
	 * only for a bit of as_names set): clearing them per line cost more
	 * than the lexer, and even the 200 bytes before them, cleared by
	 * one memset (`rep stos`), took a tenth of a memo-answered line's
	 * time. */
	m->cm_status = CMD_MATCH_OK;
	m->cm_err_off = m->cm_err_word = m->cm_nwords = 0;
	m->cm_def = NULL;
	m->cm_set = NULL;
	m->cm_tail = false;
	m->cm_a.as_prefixes = 0;
	m->cm_a.as_names = 0;
	m->cm_a.as_data = NULL;
	m->cm_a.as_n = 0;
	m->cm_store = NULL;
	m->cm_storecap = 0;
	wk = walk_take();
	/* First the answers the set gave last, each tried as the line is
	 * read: the line is lexed as it is compared with their keys. */
	if (use_memo && lmemo_recent(set, wk, line, len, m)) {
		m->cm_nwords = wk->wk_nwords;
		walk_give(wk);
		return;
	}
	wk->wk_nwords = cmd_lex(line, wk->wk_words, CMD_MAX_WORDS);
	if (wk->wk_nwords > CMD_MAX_WORDS) {
		m->cm_status = CMD_MATCH_INVALID;
		m->cm_err_word = CMD_MAX_WORDS;
		m->cm_err_off = wk->wk_words[CMD_MAX_WORDS - 1].w_off +
		    wk->wk_words[CMD_MAX_WORDS - 1].w_len;
		m->cm_nwords = CMD_MAX_WORDS + 1;
		walk_give(wk);
		return;
	}
	m->cm_nwords = wk->wk_nwords;
	if (wk->wk_nwords == 0) {
		m->cm_status = CMD_MATCH_EMPTY;
		walk_give(wk);
		return;
	}
	/* A line whose first word the set refuses (its first step, kept,
	 * says so) fails there in the walk; no line memo has it.  A
	 * sub-mode refuses each line of its parent's so (6,600 of the
	 * bench's configuration): keying it and looking it up was two
	 * fifths of its cost. */
	if (use_memo && (fe = memo_find(wk, set, line, wk->wk_nwords)) != NULL &&
	    fe->me_status != CMD_MATCH_OK) {
		m->cm_status = fe->me_status;
		m->cm_err_word = 0;
		m->cm_err_off = wk->wk_words[0].w_off + fe->me_err;
		walk_give(wk);
		return;
	}
	if (use_memo) {
		keyed = lmemo_key(set, wk, line, &key);
		if (keyed && lmemo_replay(&key, wk, line, m)) {
			walk_give(wk);
			return;
		}
	}
	if (walk_run(wk, set, line, wk->wk_nwords) < 0) {
		m->cm_status = wk->wk_status;
		m->cm_err_off = wk->wk_err_off;
		m->cm_err_word = wk->wk_err_word;
		walk_give(wk);
		return;
	}
	m->cm_status = CMD_MATCH_INCOMPLETE;
	for (i = 0; i < wk->wk_npaths; i++) {
		const struct path	*p = &wk->wk_paths[i];
		const struct trace	*tr;
		size_t			 ntr = 0;

		if (!path_can_end(p))
			continue;
		for (tr = p->pa_trace; tr != NULL; tr = tr->tr_prev)
			ntr++;
		if (ntr > CMD_MAX_ARGS) {
			m->cm_status = CMD_MATCH_INVALID;
			m->cm_err_word = CMD_MAX_ARGS;
			m->cm_err_off = wk->wk_words[CMD_MAX_ARGS].w_off;
			break;
		}
		m->cm_status = CMD_MATCH_OK;
		m->cm_def = p->pa_cmd->c_def;
		m->cm_set = p->pa_set;
		m->cm_a.as_prefixes = p->pa_pfx ? p->pa_pfx->p_bit : 0;
		m->cm_a.as_data = m->cm_def->cd_data;
		n = match_tmpl(p, tmpl);
		arg_fill(m, tmpl, n, wk, line);
		if (keyed)
			lmemo_record(set, &key, wk, line, m, tmpl, n);
		break;
	}
	walk_give(wk);
}

void
cmd_match(const struct cmd_set *set, const char *line, struct cmd_match *m)
{
	match_line(set, line, SIZE_MAX, m, true);
}

void
cmd_match_len(const struct cmd_set *set, const char *line, size_t len,
    struct cmd_match *m)
{
	match_line(set, line, len, m, true);
}

void
cmd_match_walk(const struct cmd_set *set, const char *line,
    struct cmd_match *m)
{
	match_line(set, line, SIZE_MAX, m, false);
}
