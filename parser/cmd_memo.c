/*
 * cmd_memo.c: the line memo — a matched line's answer kept by the line's
 * shape, so that a line of a shape seen before is not walked again.
 *
 * A large configuration says the same thing many times over with other
 * addresses: an ACL's " permit ip A W B W" rules, thousands of "ip route
 * A M G", a crypto map's " set peer A".  The walk (cmd_walk.c) ranks the
 * candidates of every word of such a line and builds its traces: most of
 * a configuration line's cost.  Its answer depends on nothing but the set
 * and the words, and every valid IPv4 address ranks alike against every
 * token (tok_rank): RANK_TYPED for an IPv4 token, RANK_ANY for WORD and
 * LINE, RANK_NONE for the others — a range, prefix, IPv6 or MAC token
 * cannot take a dotted quad, and a keyword cannot unless it begins with
 * one (lmemo_ip4_safe refuses the class to a set that has such a
 * keyword).  The candidates the walk leaves out by a word's first byte
 * are ones that would rank RANK_NONE: they change an error's caret,
 * never a match.  So two lines whose words are equal but for valid IPv4
 * addresses match the same command with the same arguments, the
 * addresses' values aside; the key stands each such word as one class.
 *
 * A walk also finds words that any other word would have walked alike
 * (step_free in cmd_walk.c): a name where only WORD or LINE tokens could
 * take it ("crypto map VPN", "ip access-list extended ACL7", a
 * description), a number where only ranges that took it could ("crypto
 * map VPN 10", "crypto isakmp policy 5").  Such an answer is kept under
 * a key that stands those words as their class (the first byte, which
 * decided the candidates, and for a number the bounds it must keep), and
 * the set remembers the shape (which words, of how many) so that a line
 * missing its own key is tried under the shapes seen: a configuration's
 * thousand map entries, keys and ACL headers are then walked once, not
 * once each.
 *
 * Only matches are kept (CMD_MATCH_OK): errors, ambiguity and incomplete
 * lines are walked each time, their carets as before.  `?` and TAB never
 * ask the memo.  A set's memo is LMEMO_SLOTS answers, one per slot by the
 * key's hash (a recent shape replaces an older one of its slot); any
 * change to any set (commands, prefixes, tail, a set freed) makes every
 * kept answer stale, since an answer may lie in a prefix's target set.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet4.h"
#include "lib/xalloc.h"
#include "parser/cmd_impl.h"

#define LMEMO_SLOTS	64
/* Shapes of free words a set remembers (the most recent). */
#define LMEMO_SHAPES	8

/* A key's word: two bytes of length and the text, or this length alone
 * for a valid IPv4 address; or one of these and the word's first byte
 * for a free word (a free number's bounds after it, 8 bytes each, in
 * the machine's order: a key never leaves the process). */
#define LMEMO_IP4	0xffff
#define LMEMO_FWORD	0xfffe
#define LMEMO_FNUM	0xfffd
_Static_assert(sizeof(unsigned long long) == 8,
    "a free number's bounds are 8 bytes each in a key");

/*
 * The last line an answer was given for (lmemo_recent), kept with its
 * words: the next line of a run (an ACL's rules, routes) is that line
 * with other addresses, and is compared with it eight bytes at a time;
 * only an address word where the two differ is read (ip4_scan).  Reading
 * the line against the key word by word — its blanks, each keyword's
 * bytes, each address's parts — was most of a memo-answered line's cost.
 * Only for a key without free words (a free word's text is not in the
 * key: another word there is another line), of lines of up to LAST_MAX
 * bytes and LAST_WORDS words; anything else, and any line that is not
 * the kept one with other addresses (another blank, a word more), is
 * read by key_read.
 */
#define LAST_MAX	128
#define LAST_WORDS	16

struct lmemo_last {
	size_t		 ll_len;		/* 0: none */
	size_t		 ll_nwords;
	size_t		 ll_nholes;
	unsigned char	 ll_hole[LAST_WORDS];	/* its address words */
	struct word	 ll_w[LAST_WORDS];
	signed char	 ll_ip4ok[LAST_WORDS];	/* as key_read sets wk_ip4ok */
	uint32_t	 ll_ip4[LAST_WORDS];	/* each address's value */
	unsigned char	 ll_text[LAST_MAX];
};

struct lmemo_ent {
	unsigned long		 le_gen;	/* lmemo_gen when kept; 0: none */
	uint32_t		 le_hash;
	size_t			 le_klen;
	unsigned char		*le_key;
	size_t			 le_kcap;	/* le_key's size */
	const struct cmd_def	*le_def;
	const struct cmd_set	*le_set;	/* the set cm_def is in */
	unsigned		 le_pfx;	/* as_prefixes */
	size_t			 le_nargs;
	struct arg_tmpl		*le_args;
	size_t			 le_acap;	/* le_args' and le_kept.ak_v's room */
	bool			 le_haskept;	/* le_kept holds them */
	struct arg_kept		 le_kept;	/* arg_fill_kept's */
	bool			 le_fixed;	/* no free word in the key */
	struct lmemo_last	*le_last;	/* NULL until wanted */
};

/* Which words of a line of NWORDS stood free in an answer kept. */
struct lmemo_shape {
	size_t			 ls_nwords;	/* 0: none */
	uint64_t		 ls_fword, ls_fnum;
};

/* Answers a set gave last, tried first (lmemo_recent). */
#define LMEMO_RECENT	4

struct line_memo {
	unsigned long		 lm_gen;	/* when lm_ip4 was decided */
	bool			 lm_ip4;	/* IPv4 words as one class */
	struct lmemo_ent	 lm_e[LMEMO_SLOTS];
	struct lmemo_shape	 lm_shape[LMEMO_SHAPES];
	unsigned		 lm_nextshape;	/* the one replaced next */
	/* The slots of the last answers given, the latest first (NULL:
	 * none); a slot may hold another answer since, or a stale one:
	 * each is only a guess, checked. */
	const struct lmemo_ent	*lm_recent[LMEMO_RECENT];
};

/* Moves whenever a set changes; starts above 0, the unused entries'. */
static unsigned long	lmemo_gen = 1;

void
lmemo_stale(void)
{
	lmemo_gen++;
}

/* A keyword a valid IPv4 address could be (a prefix of): it begins with a
 * digit and holds a dot. */
static bool
kw_ip4_like(const char *kw)
{
	return kw[0] >= '0' && kw[0] <= '9' && strchr(kw, '.') != NULL;
}

bool
lmemo_cmd_kwip4(const struct ccmd *c)
{
	int	k;

	for (k = 0; k < c->c_ntoks; k++)
		if (c->c_toks[k].t_type == TOK_KEYWORD &&
		    kw_ip4_like(c->c_toks[k].t_text))
			return true;
	return false;
}

/* May SET's lines stand their IPv4 words as one class?  Its keywords,
 * its prefixes' and their targets' (prefixes do not nest); the sets'
 * keywords were looked at as they were compiled (s_kwip4). */
static bool
lmemo_ip4_safe(const struct cmd_set *set)
{
	size_t	i;

	if (set->s_kwip4)
		return false;
	for (i = 0; i < set->s_npfx; i++)
		if (kw_ip4_like(set->s_pfx[i].p_kw) ||
		    set->s_pfx[i].p_target->s_kwip4)
			return false;
	return true;
}

static struct line_memo *set_memo_new(const struct cmd_set *);

/* SET's memo, current (a call only when it is made or stale). */
static inline struct line_memo *
set_memo(const struct cmd_set *set)
{
	if (set->s_lmemo != NULL && set->s_lmemo->lm_gen == lmemo_gen)
		return set->s_lmemo;
	return set_memo_new(set);
}

static struct line_memo *
set_memo_new(const struct cmd_set *set)
{
	struct cmd_set	*cs = (struct cmd_set *)set;	/* a cache */

	if (cs->s_lmemo == NULL)
		cs->s_lmemo = xcalloc(1, sizeof(*cs->s_lmemo));
	if (cs->s_lmemo->lm_gen != lmemo_gen) {
		cs->s_lmemo->lm_gen = lmemo_gen;
		cs->s_lmemo->lm_ip4 = lmemo_ip4_safe(set);
		memset(cs->s_lmemo->lm_shape, 0,
		    sizeof(cs->s_lmemo->lm_shape));
	}
	return cs->s_lmemo;
}

/*
 * A word as numbers: its first 8 bytes (fewer, zero-padded) and, for a
 * word of more than 8, its last 8 — with its length, exactly the word
 * when it has no more than 16.  They are the word's hash, its IPv4
 * table entry and what a kept key's word is compared with (key_eq).
 *
 * A short word is one load of the 8 bytes where it begins, masked to
 * its length, when those 8 bytes lie in the line (its text up to the
 * blank or NUL after its last word): copying fewer than 8 bytes was a
 * call to memcpy and then a load of what it had just stored byte by
 * byte, which stalls (store forwarding) — a third of the key's time.  A
 * short word at the line's end is gathered a byte at a time, into the
 * number the load and mask give (the bytes in memory order: the load's
 * order is the machine's, so on a big-endian machine every short word
 * is gathered).
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORD_LOAD_MASKED	1
#else
#define WORD_LOAD_MASKED	0
#endif

static inline uint64_t
ld8(const void *p)
{
	uint64_t	v;

	memcpy(&v, p, 8);
	return v;
}

/* The first LEN (< 8) bytes at P as the number a masked load gives;
 * ROOM: whether 8 bytes may be read at P. */
static inline uint64_t
short8(const void *p, size_t len, bool room)
{
	const unsigned char	*b = p;
	uint64_t		 v = 0;
	size_t			 i;

	if (WORD_LOAD_MASKED && room)
		return ld8(p) & ((1ull << (8 * len)) - 1);
	for (i = 0; i < len; i++)
		v |= (uint64_t)b[i] << (WORD_LOAD_MASKED ? 8 * i :
		    56 - 8 * i);
	return v;
}

/*
 * The last IPv4 answers by word: a configuration says its masks,
 * wildcards and next hops over and over (0.0.0.255 in every ACL rule,
 * 255.255.255.0 in every route), and parsing each address again was 8%
 * of a load.  A word of 7 to 15 bytes is its first 8 and last 8 bytes
 * and its length, exactly.  One matcher runs at a time (the walk and the
 * store are kept the same way, cmd_walk.c).
 */
#define IP4_SEEN	64

static struct {
	uint64_t	 is_lo, is_hi;
	size_t		 is_len;	/* 0: none */
	bool		 is_ok;
	uint32_t	 is_a;
} ip4_seen[IP4_SEEN];

/* ip4_parse_n of W (7 to 15 bytes, whose numbers are LO and HI), asked
 * of the table first. */
static bool
ip4_word(const char *w, size_t len, uint64_t lo, uint64_t hi, uint32_t *a)
{
	size_t		i = (size_t)(((lo ^ hi * 31 ^ len) *
			    0x9e3779b97f4a7c15ull) >> 58);

	if (ip4_seen[i].is_len != len || ip4_seen[i].is_lo != lo ||
	    ip4_seen[i].is_hi != hi) {
		ip4_seen[i].is_len = len;
		ip4_seen[i].is_lo = lo;
		ip4_seen[i].is_hi = hi;
		ip4_seen[i].is_ok = ip4_parse_n(w, len, &ip4_seen[i].is_a);
	}
	*a = ip4_seen[i].is_a;
	return ip4_seen[i].is_ok;
}

/* A free word's digest: its class and first byte. */
static inline uint64_t
free_dig(unsigned tag, const char *w)
{
	return (uint64_t)tag << 8 | (unsigned char)w[0];
}

#define DIG_IP4		((uint64_t)LMEMO_IP4)

/*
 * The key is not written out per line: its hash comes from each word's
 * digest (its length and first and last 8 bytes, or its class), and a
 * kept key is compared word by word in place (key_eq); it is written only
 * when an answer is kept.  Copying and hashing every byte was most of the
 * memo's cost.  The words' digests stay in WK (wk_dig) for the hash of
 * the same line under a shape of free words (key_shape).
 */
bool
lmemo_key(const struct cmd_set *set, struct walk *wk, const char *line,
    struct lmemo_key *k)
{
	const struct line_memo	*lm = set_memo(set);
	const struct word	*last = &wk->wk_words[wk->wk_nwords - 1];
	/* The line's text runs at least to the byte after its last word. */
	size_t			 room = last->w_off + last->w_len + 1;
	const char		*w;
	size_t			 wi, len, off, total = 0;
	uint64_t		 h = 0x9e3779b97f4a7c15ull, d, lo, hi;

	k->k_ip4[0] = k->k_ip4[1] = 0;
	k->k_fword = k->k_fnum = 0;
	k->k_lm = lm;
	for (wi = 0; wi < wk->wk_nwords; wi++) {
		off = wk->wk_words[wi].w_off;
		w = line + off;
		len = wk->wk_words[wi].w_len;
		if (len >= 8) {
			lo = ld8(w);
			hi = len > 8 ? ld8(w + len - 8) : 0;
		} else {
			lo = short8(w, len, off + 8 <= room);
			hi = 0;
		}
		wk->wk_lo[wi] = lo;
		wk->wk_hi[wi] = hi;
		/* A dotted quad is 7 to 15 bytes and begins with a digit. */
		if (lm->lm_ip4 && len >= 7 && len <= 15 && w[0] >= '0' &&
		    w[0] <= '9' && ip4_word(w, len, lo, hi, &wk->wk_ip4[wi])) {
			wk->wk_ip4ok[wi] = 1;
			wk->wk_ip4prog[wi] = len;
			wk->wk_dig[wi] = DIG_IP4;
			h = (h ^ DIG_IP4) * 0x100000001b3ull;
			total += 2;
			if (total > LMEMO_KEY)
				return false;
			k->k_ip4[wi / 64] |= 1ull << wi % 64;
			continue;
		}
		wk->wk_ip4ok[wi] = -1;
		total += 2 + len;
		if (len >= LMEMO_FNUM || total > LMEMO_KEY)
			return false;
		d = (len ^ lo) * 0x100000001b3ull;
		if (len > 8)
			d = (d ^ hi) * 0x100000001b3ull;
		d = d << 16 | len;	/* never a class's digest */
		wk->wk_dig[wi] = d;
		h = (h ^ d) * 0x100000001b3ull;
	}
	k->k_hash = (uint32_t)(h ^ h >> 32);
	k->k_len = total;
	return true;
}

/* Is WK's word WI an IPv4 address by K? */
static inline bool
key_ip4(const struct lmemo_key *k, size_t wi)
{
	return (k->k_ip4[wi / 64] >> wi % 64 & 1) != 0;
}

/* Is word W of LEN a number a free number's key may stand for: what
 * step_free (cmd_walk.c) took for one, up to 19 digits, which the walk's
 * ranges read without overflow? */
static bool
word_num(const char *w, size_t len, unsigned long long *v)
{
	return len <= 19 && parse_num(w, len, v) == 0;
}

/*
 * K (the line's own key, from lmemo_key) with the words of FWORD and
 * FNUM free, into K2; false when the line cannot have that shape (a word
 * of FNUM is not a number).
 */
static bool
key_shape(const struct lmemo_key *k, uint64_t fword, uint64_t fnum,
    const struct walk *wk, const char *line, struct lmemo_key *k2)
{
	const char		*w;
	size_t			 wi, len, total = 0;
	uint64_t		 h = 0x9e3779b97f4a7c15ull, d;
	unsigned long long	 v;

	*k2 = *k;
	k2->k_fword = fword;
	k2->k_fnum = fnum;
	for (wi = 0; wi < wk->wk_nwords; wi++) {
		w = line + wk->wk_words[wi].w_off;
		len = wk->wk_words[wi].w_len;
		if (wi < 64 && (fword >> wi & 1)) {
			d = free_dig(LMEMO_FWORD, w);
			total += 3;
		} else if (wi < 64 && (fnum >> wi & 1)) {
			if (!word_num(w, len, &v))
				return false;
			d = free_dig(LMEMO_FNUM, w);
			total += 3 + 16;
		} else {
			d = wk->wk_dig[wi];
			total += key_ip4(k, wi) ? 2 : 2 + len;
		}
		h = (h ^ d) * 0x100000001b3ull;
	}
	if (total > LMEMO_KEY)
		return false;
	k2->k_hash = (uint32_t)(h ^ h >> 32);
	k2->k_len = total;
	return true;
}

/* How K stands word WI: LMEMO_FREE_*. */
static inline int
key_free(const struct lmemo_key *k, size_t wi)
{
	if (wi >= 64)
		return LMEMO_FREE_NONE;
	return (k->k_fword >> wi & 1) ? LMEMO_FREE_WORD :
	    (k->k_fnum >> wi & 1) ? LMEMO_FREE_NUM : LMEMO_FREE_NONE;
}

/* A kept key's bytes are followed by this many more (KEY_PAD), so that
 * a word of it is compared by whole 8-byte loads. */
#define KEY_PAD		8

/* Are LEN bytes at KEY (a kept key's, with KEY_PAD after the key) word W,
 * whose numbers are LO and HI?  Up to 16 bytes, the numbers are the
 * word: compared without a call to memcmp per word. */
static inline bool
word_eq(const unsigned char *key, const char *w, size_t len, uint64_t lo,
    uint64_t hi)
{
	if (len < 8)
		return short8(key, len, true) == lo;
	if (len <= 16)
		return ld8(key) == lo && (len == 8 || ld8(key + len - 8) == hi);
	return memcmp(key, w, len) == 0;
}

/* Is the kept key KEY (of K's length) the key of WK's line? */
static bool
key_eq(const unsigned char *key, const struct lmemo_key *k,
    const struct walk *wk, const char *line)
{
	size_t			wi, len;
	unsigned		tag;
	const char		*w;
	unsigned long long	v, lo, hi;

	for (wi = 0; wi < wk->wk_nwords; wi++) {
		tag = (unsigned)key[0] << 8 | key[1];
		key += 2;
		w = line + wk->wk_words[wi].w_off;
		switch (key_free(k, wi)) {
		case LMEMO_FREE_WORD:
			if (tag != LMEMO_FWORD || key[0] != (unsigned char)w[0])
				return false;
			key++;
			continue;
		case LMEMO_FREE_NUM:
			/* key_shape found the word a number. */
			if (tag != LMEMO_FNUM || key[0] != (unsigned char)w[0])
				return false;
			(void)word_num(w, wk->wk_words[wi].w_len, &v);
			memcpy(&lo, key + 1, sizeof(lo));
			memcpy(&hi, key + 9, sizeof(hi));
			if (v < lo || v > hi)
				return false;
			key += 17;
			continue;
		}
		if (key_ip4(k, wi)) {
			if (tag != LMEMO_IP4)
				return false;
			continue;
		}
		len = wk->wk_words[wi].w_len;
		if (tag != len || !word_eq(key, w, len, wk->wk_lo[wi],
		    wk->wk_hi[wi]))
			return false;
		key += len;
	}
	return true;
}

/* Write the key K of WK's line into KEY.  (WK's walk has asked its own
 * IPv4 questions since: the classes are K's.) */
static void
key_write(unsigned char *key, const struct lmemo_key *k,
    const struct walk *wk, const char *line)
{
	size_t		wi, len;
	unsigned	tag;
	const char	*w;

	for (wi = 0; wi < wk->wk_nwords; wi++) {
		w = line + wk->wk_words[wi].w_off;
		switch (key_free(k, wi)) {
		case LMEMO_FREE_WORD:
		case LMEMO_FREE_NUM:
			tag = key_free(k, wi) == LMEMO_FREE_WORD ?
			    LMEMO_FWORD : LMEMO_FNUM;
			*key++ = (unsigned char)(tag >> 8);
			*key++ = (unsigned char)tag;
			*key++ = (unsigned char)w[0];
			if (tag == LMEMO_FNUM) {
				memcpy(key, &wk->wk_flo[wi], 8);
				memcpy(key + 8, &wk->wk_fhi[wi], 8);
				key += 16;
			}
			continue;
		}
		len = key_ip4(k, wi) ? 0 : wk->wk_words[wi].w_len;
		tag = key_ip4(k, wi) ? LMEMO_IP4 : (unsigned)len;
		*key++ = (unsigned char)(tag >> 8);
		*key++ = (unsigned char)tag;
		memcpy(key, w, len);
		key += len;
	}
}

static struct lmemo_ent *
slot_of(const struct line_memo *lm, const struct lmemo_key *k)
{
	return (struct lmemo_ent *)&lm->lm_e[(k->k_hash ^ k->k_hash >> 16) %
	    LMEMO_SLOTS];
}

/* The answer kept for K, NULL if none. */
static const struct lmemo_ent *
lookup(const struct line_memo *lm, const struct lmemo_key *k,
    const struct walk *wk, const char *line)
{
	const struct lmemo_ent	*e = slot_of(lm, k);

	if (e->le_gen != lmemo_gen || e->le_hash != k->k_hash ||
	    e->le_klen != k->k_len || !key_eq(e->le_key, k, wk, line))
		return NULL;
	return e;
}

/* E goes first among LM's recent answers (most recent first: a run of
 * lines of one shape, routes, then tries one key). */
static void
recent_add(const struct line_memo *clm, const struct lmemo_ent *e)
{
	struct line_memo	*lm = (struct line_memo *)clm;	/* a cache */
	unsigned		 i;

	for (i = 0; i < LMEMO_RECENT - 1 && lm->lm_recent[i] != e; i++)
		;
	for (; i > 0; i--)
		lm->lm_recent[i] = lm->lm_recent[i - 1];
	lm->lm_recent[0] = e;
}

/* Whether C may follow a part of ip4_scan's address: a dot after the
 * first three, a byte that ends a word after the last. */
#define IP4_ENDS(c, last)	((last) ? cmd_word_end[(c)] : (c) == '.')

/* One part of ip4_scan's address at P and the byte that must follow it
 * (IP4_ENDS): the byte after that, or NULL; the part's value shifted
 * into *A.  A byte is read only after a digit, so never past the line's
 * end.  The follower is the byte already loaded to find the part's end
 * (a part's last digit is where the next byte is not one), tested where
 * it was read: read again after the part, it was held across the part
 * in a spilled register. */
static inline const unsigned char *
ip4_part(const unsigned char *p, uint32_t *a, bool last)
{
	unsigned	d0, d1, d2, c, v;

	if ((d0 = (unsigned)p[0] - '0') > 9)
		return NULL;
	c = p[1];
	if ((d1 = c - '0') > 9) {
		if (!IP4_ENDS(c, last))
			return NULL;
		*a = *a << 8 | d0;
		return p + 2;
	}
	if (d0 == 0)
		return NULL;		/* a leading zero */
	c = p[2];
	if ((d2 = c - '0') > 9) {
		if (!IP4_ENDS(c, last))
			return NULL;
		*a = *a << 8 | (d0 * 10 + d1);
		return p + 3;
	}
	if ((v = d0 * 100 + d1 * 10 + d2) > 255)
		return NULL;
	c = p[3];
	if (!IP4_ENDS(c, last))
		return NULL;
	*a = *a << 8 | v;
	return p + 4;
}

/*
 * The dotted quad at P, ended by a byte that ends a word: its length,
 * its value into *OUT; 0 when the word is not one.  ip4_parse_n's
 * grammar (inet_pton's: four parts of 0-255, no leading zero) read in
 * place as the word is, a part's digits unrolled: a line of a kept key
 * says where its addresses are, and finding each one's end a byte at a
 * time and then asking the IPv4 table (a hash, a compare, ip4_parse_n
 * when it misses: every route's own destination) was a third of
 * reading such a line.  The four parts are spelt out, not a loop: the
 * loop's count and its "a dot before every part but the first" were a
 * fifth of an address's reading.
 */
static inline size_t
ip4_scan(const unsigned char *p, uint32_t *out)
{
	const unsigned char	*q;
	uint32_t		 a = 0;

	if ((q = ip4_part(p, &a, false)) == NULL ||
	    (q = ip4_part(q, &a, false)) == NULL ||
	    (q = ip4_part(q, &a, false)) == NULL ||
	    (q = ip4_part(q, &a, true)) == NULL)
		return 0;
	*out = a;
	/* Q is past the byte that ended the word. */
	return (size_t)(q - p) - 1;
}

/*
 * Has LINE the key KEY (LEN bytes) — each word as the key stands it:
 * its text, an IPv4 address, any word of a first byte, a number of a
 * first byte within bounds?  Its words go into WK as they are read
 * (with the IPv4 words' values, as lmemo_key gives them), so the line
 * is read once; the comparison follows the key, which is the same from
 * line to line of a run (an ACL's rules, routes), where a lexer, a key
 * and a compare each asked of every word what kind it is.  A word the
 * key stands as a class matches whatever the line's key would have
 * said of it (a free word of a shape not among the set's recent ones
 * too): any line with the key walks to the kept answer (cmd_memo.c's
 * comment), so the answer is right whichever key found it.
 */
static bool
key_read(const unsigned char *key, size_t len, struct walk *wk,
    const char *line)
{
	const unsigned char	*end = key + len;
	const unsigned char	*l = (const unsigned char *)line;
	size_t			 i = 0, off, wi = 0, n;
	unsigned		 tag;
	unsigned long long	 v, lo, hi;

	for (; key < end; wi++) {
		while (l[i] == ' ' || l[i] == '\t')
			i++;
		if (l[i] == '\0')
			return false;
		tag = (unsigned)key[0] << 8 | key[1];
		key += 2;
		off = i;
		if (tag < LMEMO_FNUM) {
			/* Its text: no byte of a key's word ends a word, so
			 * the compare stops at the line's end. */
			for (n = 0; n < tag; n++)
				if (l[i + n] != key[n])
					return false;
			i += tag;
			key += tag;
			if (!cmd_word_end[l[i]])
				return false;
			wk->wk_ip4ok[wi] = -1;
		} else if (tag == LMEMO_IP4) {
			/* A valid address, read as it is lexed. */
			if ((n = ip4_scan(l + off, &wk->wk_ip4[wi])) == 0)
				return false;
			i += n;
			wk->wk_ip4ok[wi] = 1;
			wk->wk_ip4prog[wi] = n;
		} else {
			while (!cmd_word_end[l[i]])
				i++;
			n = i - off;
			/* A free word or number: its first byte, a number's
			 * bounds. */
			if (l[off] != key[0])
				return false;
			if (tag == LMEMO_FNUM) {
				if (!word_num(line + off, n, &v))
					return false;
				memcpy(&lo, key + 1, sizeof(lo));
				memcpy(&hi, key + 9, sizeof(hi));
				if (v < lo || v > hi)
					return false;
				key += 16;
			}
			key++;
			wk->wk_ip4ok[wi] = -1;
		}
		wk->wk_words[wi].w_off = off;
		wk->wk_words[wi].w_len = i - off;
	}
	while (l[i] == ' ' || l[i] == '\t')
		i++;
	if (l[i] != '\0')
		return false;
	wk->wk_nwords = wi;
	return true;
}

/*
 * How many bytes A (ALEN bytes, then its NUL) and B (BLEN bytes) have
 * alike from their start, up to the shorter's length: eight bytes at a
 * time, the last ones by a load of the last eight (whose first bytes
 * were found alike already); a byte at a time on a big-endian machine,
 * where a load's first byte is not its lowest, and below eight bytes.
 * No load reaches past either's length.
 */
static inline size_t
same_len(const unsigned char *a, size_t alen, const unsigned char *b,
    size_t blen)
{
	size_t		n = alen < blen ? alen : blen, k = 0;
	uint64_t	x;

	if (!WORD_LOAD_MASKED || n < 8) {
		while (k < n && a[k] == b[k])
			k++;
		return k;
	}
	for (; k + 8 <= n; k += 8)
		if ((x = ld8(a + k) ^ ld8(b + k)) != 0)
			return k + (size_t)__builtin_ctzll(x) / 8;
	if (k == n)
		return n;
	k = n - 8;
	x = ld8(a + k) ^ ld8(b + k);
	return x != 0 ? k + (size_t)__builtin_ctzll(x) / 8 : n;
}

/* Copy an address's N bytes (7 to 15) from SRC to DST: two loads that
 * may overlap, not a call to memcpy. */
static inline void
addr_copy(unsigned char *dst, const unsigned char *src, size_t n)
{
	uint64_t	v8, w8;
	uint32_t	v4, w4;

	if (n >= 8) {
		memcpy(&v8, src, 8);
		memcpy(&w8, src + n - 8, 8);
		memcpy(dst, &v8, 8);
		memcpy(dst + n - 8, &w8, 8);
	} else {
		memcpy(&v4, src, 4);
		memcpy(&w4, src + n - 4, 4);
		memcpy(dst, &v4, 4);
		memcpy(dst + n - 4, &w4, 4);
	}
}

/* WK's words are LL's but for the changed holes (CHANGED, a bit each,
 * at NOFF, NLEN in the line), one of another length: the words after
 * such a hole move by the difference. */
static void
last_moved(const struct lmemo_last *ll, struct walk *wk, uint32_t changed,
    const size_t *noff, const size_t *nlen)
{
	const struct word	*w;
	size_t			 wi, h = 0, pend = 0, lend = 0;

	for (wi = 0; wi < ll->ll_nwords; wi++) {
		w = &ll->ll_w[wi];
		if (h < ll->ll_nholes && ll->ll_hole[h] == wi &&
		    (changed >> h++ & 1)) {
			pend = w->w_off + w->w_len;
			lend = noff[h - 1] + nlen[h - 1];
			wk->wk_words[wi].w_off = noff[h - 1];
			wk->wk_words[wi].w_len = nlen[h - 1];
			continue;
		}
		wk->wk_words[wi].w_off = lend + (w->w_off - pend);
	}
}

/*
 * Is LINE (LEN bytes) LL's line with other valid addresses in some of
 * its address words, every other byte alike?  Then its words are LL's
 * (those after an address of another length moved by the difference)
 * and key_read would have read them so from the key: into WK as key_read
 * gives them, and LL becomes LINE.  A difference outside an address
 * word, or a word there that ip4_scan refuses, is false (key_read
 * decides such a line).  A difference at the byte after an address
 * (its end, moved: "10.0.0.1" against "10.0.0.12") is the address's.
 */
static bool
last_read(struct lmemo_last *ll, struct walk *wk, const char *line,
    size_t len)
{
	const unsigned char	*l = (const unsigned char *)line;
	const struct word	*w;
	size_t			 li = 0, pi = 0, h = 0, n, start;
	uint32_t		 changed = 0, c;	/* a bit per hole */
	uint32_t		 nval[LAST_WORDS];
	size_t			 noff[LAST_WORDS], nlen[LAST_WORDS];
	bool			 moved = false;

	for (;;) {
		n = same_len(l + li, len - li, ll->ll_text + pi,
		    ll->ll_len - pi);
		li += n;
		pi += n;
		if (li == len && pi == ll->ll_len)
			break;
		/* The first difference, at PI of the kept line: the holes
		 * ended (with the byte after them) before it are alike. */
		for (w = NULL; h < ll->ll_nholes; h++) {
			w = &ll->ll_w[ll->ll_hole[h]];
			if (w->w_off + w->w_len >= pi)
				break;
		}
		if (h == ll->ll_nholes || pi < w->w_off)
			return false;
		/* The word begins where the kept one does, after the same
		 * bytes: an address there, ended by a blank or the end. */
		start = li - (pi - w->w_off);
		if ((n = ip4_scan(l + start, &nval[h])) == 0)
			return false;
		changed |= 1u << h;
		noff[h] = start;
		nlen[h] = n;
		moved |= n != w->w_len;
		li = start + n;
		pi = w->w_off + w->w_len;
		h++;
	}
	/* The kept line's words, then the addresses' values (the changed
	 * ones kept for the next line).  wk_ip4prog is the walk's (tok_rank)
	 * and no walk follows a memo's answer: not set. */
	for (h = 0; h < ll->ll_nwords; h++)
		wk->wk_words[h] = ll->ll_w[h];
	/* All LAST_WORDS (a constant copy, no call): past the line's words
	 * wk_ip4ok is not read. */
	memcpy(wk->wk_ip4ok, ll->ll_ip4ok, sizeof(ll->ll_ip4ok));
	for (h = 0; h < ll->ll_nholes; h++)
		wk->wk_ip4[ll->ll_hole[h]] = ll->ll_ip4[h];
	wk->wk_nwords = ll->ll_nwords;
	/* The changed addresses' values; the next line is compared with
	 * this one: they are copied in, or the whole line when one's
	 * length changed. */
	for (c = changed; c != 0; c &= c - 1) {
		h = (size_t)__builtin_ctz(c);
		wk->wk_ip4[ll->ll_hole[h]] = ll->ll_ip4[h] = nval[h];
		if (!moved)
			addr_copy(ll->ll_text + noff[h], l + noff[h], nlen[h]);
	}
	if (!moved)
		return true;
	last_moved(ll, wk, changed, noff, nlen);
	if (len > LAST_MAX) {
		ll->ll_len = 0;
		return true;
	}
	memcpy(ll->ll_text, l, len);
	ll->ll_len = len;
	memcpy(ll->ll_w, wk->wk_words, ll->ll_nwords * sizeof(*ll->ll_w));
	return true;
}

/* Keep LINE (LEN bytes), whose words key_read has just read into WK
 * from E's key, as E's last line. */
static void
last_keep(struct lmemo_ent *e, const struct walk *wk, const char *line,
    size_t len)
{
	struct lmemo_last	*ll;
	size_t			 wi;

	if (len > LAST_MAX || wk->wk_nwords > LAST_WORDS) {
		if (e->le_last != NULL)
			e->le_last->ll_len = 0;
		return;
	}
	if (e->le_last == NULL)
		e->le_last = xcalloc(1, sizeof(*e->le_last));
	ll = e->le_last;
	memcpy(ll->ll_text, line, len);
	ll->ll_len = len;
	ll->ll_nwords = wk->wk_nwords;
	ll->ll_nholes = 0;
	for (wi = 0; wi < wk->wk_nwords; wi++) {
		ll->ll_w[wi] = wk->wk_words[wi];
		ll->ll_ip4ok[wi] = wk->wk_ip4ok[wi];
		if (wk->wk_ip4ok[wi] == 1) {
			ll->ll_ip4[ll->ll_nholes] = wk->wk_ip4[wi];
			ll->ll_hole[ll->ll_nholes++] = (unsigned char)wi;
		}
	}
}

/* M is E's answer for WK's line. */
static void
ent_answer(const struct lmemo_ent *e, const struct walk *wk,
    const char *line, struct cmd_match *m)
{
	m->cm_status = CMD_MATCH_OK;
	m->cm_def = e->le_def;
	m->cm_set = e->le_set;
	m->cm_a.as_prefixes = e->le_pfx;
	m->cm_a.as_data = e->le_def->cd_data;
	if (e->le_haskept)
		arg_fill_kept(m, &e->le_kept, e->le_args, e->le_nargs, wk,
		    line);
	else
		arg_fill(m, e->le_args, e->le_nargs, wk, line);
}

bool
lmemo_recent(const struct cmd_set *set, struct walk *wk, const char *line,
    size_t len, struct cmd_match *m)
{
	const struct line_memo	*lm = set_memo(set);
	const struct lmemo_ent	*e;
	struct lmemo_ent	*me;
	unsigned		 i;

	for (i = 0; i < LMEMO_RECENT; i++) {
		e = lm->lm_recent[i];
		if (e == NULL || e->le_gen != lmemo_gen)
			continue;
		me = (struct lmemo_ent *)e;	/* its last line: a cache */
		if (e->le_fixed && len == SIZE_MAX)
			len = strlen(line);
		if (!e->le_fixed || e->le_last == NULL ||
		    e->le_last->ll_len == 0 ||
		    !last_read(me->le_last, wk, line, len)) {
			if (!key_read(e->le_key, e->le_klen, wk, line))
				continue;
			if (e->le_fixed)
				last_keep(me, wk, line, len);
		}
		if (i > 0)
			recent_add(lm, e);
		ent_answer(e, wk, line, m);
		return true;
	}
	return false;
}

bool
lmemo_replay(const struct lmemo_key *k, const struct walk *wk,
    const char *line, struct cmd_match *m)
{
	const struct line_memo	*lm = k->k_lm;
	const struct lmemo_shape *ls;
	const struct lmemo_ent	*e;
	struct lmemo_key	 k2;
	unsigned		 i;

	/* The line's own key, then the shapes of free words seen. */
	e = lookup(lm, k, wk, line);
	for (i = 0; e == NULL && i < LMEMO_SHAPES; i++) {
		ls = &lm->lm_shape[i];
		if (ls->ls_nwords == wk->wk_nwords && key_shape(k,
		    ls->ls_fword, ls->ls_fnum, wk, line, &k2))
			e = lookup(lm, &k2, wk, line);
	}
	if (e == NULL)
		return false;
	recent_add(lm, e);
	ent_answer(e, wk, line, m);
	return true;
}

static void
ent_free(struct lmemo_ent *e)
{
	free(e->le_key);
	free(e->le_args);
	free(e->le_kept.ak_v);
	free(e->le_last);
	memset(e, 0, sizeof(*e));
}

/* Remember the shape FWORD, FNUM of lines of NWORDS in LM. */
static void
shape_add(struct line_memo *lm, size_t nwords, uint64_t fword, uint64_t fnum)
{
	struct lmemo_shape	*ls;
	unsigned		 i;

	for (i = 0; i < LMEMO_SHAPES; i++) {
		ls = &lm->lm_shape[i];
		if (ls->ls_nwords == nwords && ls->ls_fword == fword &&
		    ls->ls_fnum == fnum)
			return;
	}
	ls = &lm->lm_shape[lm->lm_nextshape++ % LMEMO_SHAPES];
	ls->ls_nwords = nwords;
	ls->ls_fword = fword;
	ls->ls_fnum = fnum;
}

void
lmemo_record(const struct cmd_set *set, const struct lmemo_key *k0,
    const struct walk *wk, const char *line, const struct cmd_match *m,
    const struct arg_tmpl *tmpl, size_t n)
{
	struct line_memo	*lm = set_memo(set);
	struct lmemo_key	 ks;
	const struct lmemo_key	*k = k0;
	struct lmemo_ent	*e;
	uint64_t		 fword = 0, fnum = 0;
	size_t			 wi;

	/* The words the walk found free stand as their class. */
	for (wi = 0; wi < wk->wk_nwords && wi < LMEMO_FREE_MAX; wi++) {
		if (wk->wk_free[wi] == LMEMO_FREE_WORD)
			fword |= 1ull << wi;
		else if (wk->wk_free[wi] == LMEMO_FREE_NUM)
			fnum |= 1ull << wi;
	}
	if ((fword | fnum) != 0 && key_shape(k0, fword, fnum, wk, line, &ks)) {
		shape_add(lm, wk->wk_nwords, fword, fnum);
		k = &ks;
	}
	e = slot_of(lm, k);

	/* The slot's buffers are kept when large enough: lines of new
	 * shapes (a fuzzer's, every line) replace answers all the time. */
	if (e->le_kcap < k->k_len + KEY_PAD) {
		free(e->le_key);
		e->le_kcap = k->k_len + KEY_PAD < 64 ? 64 : k->k_len + KEY_PAD;
		e->le_key = xmalloc(e->le_kcap);
	}
	if (e->le_acap < n + 1) {
		free(e->le_args);
		free(e->le_kept.ak_v);
		e->le_acap = n + 1 < 12 ? 12 : n + 1;
		e->le_args = xcalloc(e->le_acap, sizeof(*e->le_args));
		e->le_kept.ak_v = xcalloc(e->le_acap,
		    sizeof(*e->le_kept.ak_v));
	}
	e->le_gen = lmemo_gen;
	e->le_fixed = (k->k_fword | k->k_fnum) == 0;
	if (e->le_last != NULL)
		e->le_last->ll_len = 0;	/* another key's */
	e->le_hash = k->k_hash;
	e->le_klen = k->k_len;
	key_write(e->le_key, k, wk, line);
	memset(e->le_key + k->k_len, 0, KEY_PAD);
	e->le_def = m->cm_def;
	e->le_set = m->cm_set;
	e->le_pfx = m->cm_a.as_prefixes;
	e->le_nargs = n;
	memcpy(e->le_args, tmpl, n * sizeof(*tmpl));
	/* M's arguments are the templates' alone (they are all it has):
	 * kept for arg_fill_kept. */
	e->le_haskept = m->cm_a.as_n == n;
	if (e->le_haskept) {
		memcpy(e->le_kept.ak_v, m->cm_a.as_v, n * sizeof(*m->cm_a.as_v));
		memcpy(e->le_kept.ak_first, m->cm_a.as_first,
		    sizeof(e->le_kept.ak_first));
		e->le_kept.ak_names = m->cm_a.as_names;
		e->le_kept.ak_tail = m->cm_tail;
	}
	recent_add(lm, e);
}

void
lmemo_free(struct cmd_set *set)
{
	size_t	i;

	if (set->s_lmemo == NULL)
		return;
	for (i = 0; i < LMEMO_SLOTS; i++)
		ent_free(&set->s_lmemo->lm_e[i]);
	free(set->s_lmemo);
	set->s_lmemo = NULL;
}
