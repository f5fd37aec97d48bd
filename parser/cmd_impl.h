/*
 * cmd_impl.h: the engine's private types, shared by the syntax compiler
 * (cmd_syntax.c), the walk (cmd_walk.c) and help/TAB (cmd_help.c).
 *
 * Each command is compiled into its own small NFA: token nodes that consume
 * one word (LINE: the rest of the line), epsilon nodes for the forks and
 * joins of `(a|b)` and `[a]`, and one end node.  A mode's commands are not
 * merged into one graph; the walk runs them side by side, which gives the
 * same answers with much simpler construction.
 */
#ifndef IOSH_PARSER_CMD_IMPL_H
#define IOSH_PARSER_CMD_IMPL_H

#include <stdint.h>

#include "parser/cmd.h"

#define CMD_MAX_WORDS	256

enum tok_type {
	TOK_KEYWORD,
	TOK_RANGE,
	TOK_IPV4,
	TOK_IPV4_PREFIX,
	TOK_IPV6,
	TOK_IPV6_PREFIX,
	TOK_MAC,
	TOK_WORD,
	TOK_LINE,
};

/* How well a word matches a token; higher wins (IOS's precedence). */
enum tok_rank {
	RANK_NONE = 0,
	RANK_ANY,		/* WORD, LINE */
	RANK_PREFIX,		/* keyword prefix */
	RANK_TYPED,		/* number, address */
	RANK_EXACT,		/* keyword, whole */
};

struct tok {
	enum tok_type		 t_type;
	char			*t_text;	/* keyword, or the type's spelling */
	char			*t_name;	/* $name, else t_text */
	char			*t_help;
	unsigned long long	 t_lo, t_hi;	/* TOK_RANGE bounds */
	int			 t_tail;	/* comes from the set's tail */
	size_t			 t_len;		/* strlen(t_text); 0: not
						 * known (a token made on
						 * the fly) */
};

enum node_kind {
	NODE_TOK,
	NODE_EPS,
	NODE_END,
};

struct node {
	enum node_kind	 n_kind;
	int		 n_tok;		/* NODE_TOK: index in c_toks */
	int		*n_next;
	int		 n_nnext;
};

struct ccmd {
	const struct cmd_def	*c_def;
	struct tok		*c_toks;
	int			 c_ntoks;
	struct node		*c_nodes;
	int			 c_nnodes;
	int			 c_start;
	int			 c_end;
	/* The token nodes a line's first word may match (ccmd_next of
	 * c_start), found once at compile: every line's walk begins with
	 * them for every command of its mode. */
	int			*c_first;
	int			 c_nfirst;
	/* ccmd_next's answer per node, found on first use and kept (a
	 * cache, so filled in through a const command): each word of a
	 * line asked it again for every surviving candidate. */
	int			**c_succ;
	int			 *c_nsucc;	/* -1: not yet found */
	/* Per node, found with c_succ: the first bytes of the words its
	 * successors may match, a bitmap (ccmd_succ_may). */
	uint64_t		(*c_smay)[4];
};

struct cmd_prefix {
	char			*p_kw;
	char			*p_help;
	const struct cmd_set	*p_target;
	unsigned		 p_need;
	unsigned		 p_bit;
};

struct cmd_set {
	char			*s_name;
	struct ccmd		*s_cmds;
	size_t			 s_ncmds;
	struct cmd_prefix	*s_pfx;
	size_t			 s_npfx;
	unsigned		 s_tail_flag;
	char			*s_tail_syntax;
	char			*s_tail_help;
	/* The first-word index (cmd_walk.c): made on a line's first walk
	 * of the set, dropped when commands are added.  A cache, so it is
	 * filled in through a const set. */
	struct first_index	*s_first;
	/* The walk's first step for recent first words (cmd_walk.c), the
	 * same kind of cache, dropped with s_first. */
	struct first_memo	*s_memo;
	/* Whole lines matched before, by their shape (cmd_memo.c), the
	 * same kind of cache, dropped with s_first. */
	struct line_memo	*s_lmemo;
	/* One of its keywords could be a dotted quad (cmd_memo.c), found
	 * as commands are added. */
	bool			 s_kwip4;
};

/* cmd_walk.c: free SET's first-word index (it is made again when
 * needed). */
void		 set_first_free(struct cmd_set *);

/* cmd_syntax.c */
int		 ccmd_compile(struct ccmd *, const struct cmd_def *,
		    const char *tail_syntax, const char *tail_help,
		    char *err, size_t errlen);
void		 ccmd_free(struct ccmd *);
/* Calls FN for every token node reachable from NODE's successors through
 * epsilon nodes (END is reported with tok -1). */
void		 ccmd_next(const struct ccmd *, int node,
		    void (*fn)(void *, int node), void *arg);
/* The same successors as an array (kept: found once per node). */
const int	*ccmd_succ(const struct ccmd *, int node, int *n);
/* Can a word beginning with byte B match (or begin to match) one of the
 * successors of NODE? */
int		 ccmd_succ_may(const struct ccmd *, int node, int b);

/* cmd_walk.c */
/* Match LINE by the walk alone, the line memo neither asked nor fed: the
 * answer the memo must give (tests compare the two). */
void		 cmd_match_walk(const struct cmd_set *, const char *line,
		    struct cmd_match *);

struct word {
	size_t	w_off;
	size_t	w_len;
};
size_t		 cmd_lex(const char *line, struct word *, size_t max);
/* The bytes that end a word: NUL, space, tab. */
extern const bool cmd_word_end[256];
enum tok_rank	 tok_rank(const struct tok *, const char *word, size_t len,
		    size_t *progress);
/* False when no word beginning with byte B can match T, nor even begin
 * to (tok_rank would give RANK_NONE with progress 0). */
int		 tok_may_start(const struct tok *, int b);

/* One live path: a token node of a command (or a prefix keyword). */
struct path {
	const struct ccmd	*pa_cmd;	/* NULL: a prefix keyword */
	const struct cmd_set	*pa_set;	/* set pa_cmd belongs to */
	int			 pa_node;	/* candidate node, -1: at end */
	/* pa_node's token, NULL for END (and a prefix): found when the
	 * path is pushed, since every word asks it of every candidate
	 * several times (path_tok was 6% of the fuzz config target). */
	const struct tok	*pa_tok;
	const struct cmd_prefix	*pa_pfx;	/* candidate or used prefix */
	int			 pa_line;	/* LINE already consumed words */
	struct trace		*pa_trace;	/* tokens matched so far */
};

/* The words the line memo may stand as a class, past its IPv4 class
 * (cmd_memo.c): only the first LMEMO_FREE_MAX of a line. */
#define LMEMO_FREE_MAX	64
enum {
	LMEMO_FREE_NONE,	/* the word as typed (or an IPv4 class) */
	LMEMO_FREE_WORD,	/* any word of its first byte */
	LMEMO_FREE_NUM,		/* any number of its first byte in bounds */
};

struct trace {
	const struct tok	*tr_tok;	/* NULL for a prefix keyword */
	const struct cmd_prefix	*tr_pfx;
	size_t			 tr_word;
	struct trace		*tr_prev;
};

struct walk {
	const char	*wk_line;
	struct word	 wk_words[CMD_MAX_WORDS];
	size_t		 wk_nwords;
	struct path	*wk_paths;	/* candidates for the next word */
	size_t		 wk_npaths;
	size_t		 wk_cap;
	enum tok_rank	*wk_rank;	/* per candidate, for the word now */
	size_t		 wk_rankcap;
	struct path	*wk_spare;	/* the other buffer of wk_paths */
	size_t		 wk_sparecap;
	struct trace	**wk_traces;	/* blocks of TRACE_BLOCK traces */
	size_t		 wk_ntraces;	/* traces handed out */
	size_t		 wk_captr;	/* block pointers room */
	/* Per word: is it an IPv4 address (-1: not yet asked), and its
	 * value.  Every IPv4 token a word meets gets the same answer (an
	 * ACL rule's address meets several), and the handler is handed the
	 * value instead of parsing the text again (cmd_arg_ip4). */
	signed char	 wk_ip4ok[CMD_MAX_WORDS];
	size_t		 wk_ip4prog[CMD_MAX_WORDS];
	uint32_t	 wk_ip4[CMD_MAX_WORDS];
	/* Per word, for the line memo (cmd_memo.c): its digest (length,
	 * first and last 8 bytes), found as the key is; and after a walk,
	 * how the memo may stand it (LMEMO_FREE_*: every candidate it met
	 * ranks it alike whatever it says), with the bounds a number must
	 * keep (the ranges it met). */
	uint64_t	 wk_dig[CMD_MAX_WORDS];
	/* Per word, found with its digest: its first 8 bytes and (past 8)
	 * its last 8 as numbers (cmd_memo.c). */
	uint64_t	 wk_lo[CMD_MAX_WORDS], wk_hi[CMD_MAX_WORDS];
	unsigned char	 wk_free[LMEMO_FREE_MAX];
	unsigned long long wk_flo[LMEMO_FREE_MAX], wk_fhi[LMEMO_FREE_MAX];
	enum cmd_status	 wk_status;
	size_t		 wk_err_off;
	size_t		 wk_err_word;
};

/* Walk the first NWORDS words of LINE; wk_paths are then the candidates
 * for the word after them.  Returns 0, or -1 with wk_status set. */
/* S (LEN bytes, 1 to 20) as a decimal number without overflow: 0, or
 * -1 (cmd_walk.c; the line memo reads free numbers with it). */
int		 parse_num(const char *s, size_t len, unsigned long long *v);
int		 walk_run(struct walk *, const struct cmd_set *,
		    const char *line, size_t nwords);
void		 walk_free(struct walk *);
/* A walk for one line, its buffers kept from the last one given back
 * (execution, `?` and TAB all take one per line). */
struct walk	*walk_take(void);
void		 walk_give(struct walk *);
const struct tok *path_tok(const struct path *);
/* Can this candidate path end the command here? */
int		 path_can_end(const struct path *);

/*
 * One argument of a matched line as the walk found it, without the line's
 * text: what the handler is given is this plus the words (arg_fill).  The
 * line memo keeps a matched line's list.
 */
struct arg_tmpl {
	const char	*at_name;
	uint64_t	 at_nkey;	/* cmd_name_key(at_name) */
	unsigned	 at_nbit;	/* cmd_name_bit(at_nkey) */
	const char	*at_kw;		/* keyword's full text; NULL: typed */
	unsigned	 at_word;	/* the word it matched */
	bool		 at_tail;	/* from the set's tail */
	bool		 at_ip4;	/* an IPv4 token */
	bool		 at_line;	/* LINE: the rest of the line */
};

/* Fill M's arguments (and cm_store) from N templates, the words of WK
 * and LINE. */
void		 arg_fill(struct cmd_match *, const struct arg_tmpl *,
		    size_t n, const struct walk *, const char *line);

/* What arg_fill gave a line of N templates in a match that had no
 * arguments before (the line memo keeps it with the answer): the
 * arguments but their offsets, values and addresses, the name bits and
 * first arguments, the tail flag. */
struct arg_kept {
	struct cmd_arg	*ak_v;
	uint64_t	 ak_names;
	unsigned char	 ak_first[64];
	bool		 ak_tail;
};

/* arg_fill of a match with no arguments yet, from what it gave another
 * line of the same templates (K): the same arguments for this line. */
void		 arg_fill_kept(struct cmd_match *, const struct arg_kept *,
		    const struct arg_tmpl *, size_t n, const struct walk *,
		    const char *line);

/*
 * cmd_memo.c: the line memo.  A line's key is its words, each valid IPv4
 * address standing as one class (every such word ranks alike against
 * every token, see cmd_memo.c); a matched line's answer is kept per key.
 */
#define LMEMO_KEY	256

struct lmemo_key {
	uint32_t	 k_hash;
	size_t		 k_len;		/* the key's length (cmd_memo.c) */
	uint64_t	 k_ip4[2];	/* per word: an IPv4 address, as a
					 * class (a word takes 2 bytes of
					 * the key at least) */
	/* Words (of the first 64) standing as LMEMO_FREE_WORD or _NUM. */
	uint64_t	 k_fword, k_fnum;
	/* The set's memo, found once per line (lmemo_key) for the replay. */
	const struct line_memo *k_lm;
};

/* LINE's key into K (its IPv4 words parsed into WK's wk_ip4ok/wk_ip4,
 * which mark the class, and every word's digest into wk_dig); false when
 * the line is not kept (too long). */
bool		 lmemo_key(const struct cmd_set *, struct walk *,
		    const char *line, struct lmemo_key *);
/* The kept answer for K (of the set K's memo is) into M (its words in
 * WK), or for K with some words as the classes a walk found free in a
 * line of this shape before; false if none. */
bool		 lmemo_replay(const struct lmemo_key *, const struct walk *,
		    const char *line, struct cmd_match *);
/* The answer of one of the last kept answers SET gave whose key LINE
 * has, into M (LINE's words into WK as it is compared); false if none
 * (WK's words are then not LINE's).  LEN: LINE's length, or SIZE_MAX
 * when the caller has not measured it. */
bool		 lmemo_recent(const struct cmd_set *, struct walk *,
		    const char *line, size_t len, struct cmd_match *);
/* Keep M, a CMD_MATCH_OK answer of N arguments TMPL, for K with the
 * words WK's walk found free as their class. */
void		 lmemo_record(const struct cmd_set *, const struct lmemo_key *,
		    const struct walk *, const char *line,
		    const struct cmd_match *, const struct arg_tmpl *, size_t n);
void		 lmemo_free(struct cmd_set *);
/* Does compiled command C have a keyword a dotted quad could be? */
bool		 lmemo_cmd_kwip4(const struct ccmd *);
/* Every set's memo is stale once any set changes or is freed (a prefix's
 * target is another set). */
void		 lmemo_stale(void);

#endif
