/*
 * libFuzzer target: the command engine on untrusted lines.
 *
 * Configuration files and pasted configs are untrusted input, and every
 * line of them goes through cmd_match(); `?` and TAB run cmd_describe() and
 * cmd_complete() on whatever is on the line.  The grammar below exercises
 * every token type, optional parts, alternatives, prefixes and tails.
 *
 * Every line is matched twice more: by the walk alone and again by
 * cmd_match, whose line memo has kept a matched line's answer by then;
 * any difference from the walk's aborts (parser/cmd_memo.c).  The first
 * match is cmd_match_len's: the memo compares the line with the last
 * line of the same shape (the previous input's) eight bytes at a time.
 *
 * Reached (reach.h): lines that matched a command ("matched"), and whose
 * `?` listed something ("help").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser/cmd.h"
#include "parser/cmd_impl.h"
#include "fuzz/reach.h"

static const struct cmd_def fuzz_cmds[] = {
	{ "show version", "Show\nVersion", NULL, CMD_FILTER },
	{ "show interfaces [WORD]", "Show\nInterfaces\nName", NULL, CMD_FILTER },
	{ "hostname WORD", "Hostname\nName", NULL, CMD_NO },
	{ "crypto isakmp policy <1-10000>", "Crypto\nISAKMP\nPolicy\nPriority",
	  NULL, CMD_NO },
	{ "crypto isakmp key WORD address (A.B.C.D [A.B.C.D]|ipv6 "
	  "X:X:X:X::X/<0-128>) [no-xauth]",
	  "Crypto\nISAKMP\nKey\nKey\nAddress\nPeer\nMask\nIPv6\nPrefix\nNo xauth",
	  NULL, CMD_NO },
	{ "ip route A.B.C.D A.B.C.D (A.B.C.D|WORD) [<1-255>$distance]",
	  "IP\nRoute\nPrefix\nMask\nNext hop\nInterface\nDistance", NULL,
	  CMD_NO | CMD_DEFAULT },
	{ "ipv6 route X:X:X:X::X/<0-128> X:X:X:X::X", "IPv6\nRoute\nPrefix\nHop",
	  NULL, CMD_NO },
	{ "mac-address H.H.H", "MAC\nAddress", NULL, 0 },
	{ "description LINE", "Description\nText", NULL, CMD_NO },
	{ "secret WORD", "Secret\nText", NULL, CMD_HIDDEN },
};

static const struct cmd_def fuzz_tail = {
	"\\| (begin|count|exclude|include|section) LINE",
	"Modifiers\nBegin\nCount\nExclude\nInclude\nSection\nRegex", NULL, 0
};

static struct cmd_set *fuzz_set;
static struct reach	 reached[] = { { "matched", 0 }, { "help", 0 } };

static void
fuzz_init(void)
{
	char	err[256];

	fuzz_set = cmd_set_new("fuzz");
	if (cmd_set_add(fuzz_set, fuzz_cmds,
	    sizeof(fuzz_cmds) / sizeof(fuzz_cmds[0]), err, sizeof(err)) < 0 ||
	    cmd_set_add_tail(fuzz_set, CMD_FILTER, &fuzz_tail, err,
	    sizeof(err)) < 0 ||
	    cmd_set_add_prefix(fuzz_set, "no", "Negate", fuzz_set, CMD_NO,
	    0x1) < 0 ||
	    cmd_set_add_prefix(fuzz_set, "default", "Default", fuzz_set,
	    CMD_DEFAULT, 0x2) < 0)
		abort();
	reach_init("fuzz_cmdline", reached,
	    sizeof(reached) / sizeof(reached[0]));
}

/* Abort unless A and B answer alike, every field a handler or the
 * shell reads. */
static void
same_answer(const struct cmd_match *a, const struct cmd_match *b)
{
	size_t	i;

	if (a->cm_status != b->cm_status || a->cm_nwords != b->cm_nwords ||
	    a->cm_err_off != b->cm_err_off ||
	    a->cm_err_word != b->cm_err_word)
		abort();
	if (a->cm_status != CMD_MATCH_OK)
		return;
	if (a->cm_def != b->cm_def || a->cm_set != b->cm_set ||
	    a->cm_a.as_prefixes != b->cm_a.as_prefixes ||
	    a->cm_a.as_data != b->cm_a.as_data ||
	    a->cm_a.as_n != b->cm_a.as_n ||
	    a->cm_a.as_names != b->cm_a.as_names)
		abort();
	for (i = 0; i < a->cm_a.as_n; i++) {
		const struct cmd_arg *x = &a->cm_a.as_v[i], *y = &b->cm_a.as_v[i];

		if (strcmp(x->ca_name, y->ca_name) != 0 ||
		    strcmp(x->ca_value, y->ca_value) != 0 ||
		    x->ca_off != y->ca_off || x->ca_keyword != y->ca_keyword ||
		    x->ca_tail != y->ca_tail || x->ca_ip4ok != y->ca_ip4ok ||
		    (x->ca_ip4ok && x->ca_ip4 != y->ca_ip4))
			abort();
	}
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cmd_match	 m, w;
	struct cmd_help		 h;
	struct strbuf		 sb;
	char			*line, *c;

	if (fuzz_set == NULL)
		fuzz_init();
	if ((line = malloc(size + 1)) == NULL)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';	/* an embedded NUL just ends the line early */

	reach_inputs++;
	/* Given its length (the memo then compares the line with the last
	 * one eight bytes at a time); the second time, measured. */
	cmd_match_len(fuzz_set, line, strlen(line), &m);
	if (m.cm_status == CMD_MATCH_OK)
		reached[0].r_n++;
	cmd_match_walk(fuzz_set, line, &w);
	same_answer(&m, &w);
	cmd_match_free(&m);
	cmd_match(fuzz_set, line, &m);
	same_answer(&m, &w);
	cmd_match_free(&m);
	cmd_match_free(&w);

	cmd_describe(fuzz_set, line, &h);
	strbuf_init(&sb);
	cmd_help_render(&h, 80, &sb);
	if (h.ch_nitems > 0)
		reached[1].r_n++;
	strbuf_free(&sb);
	cmd_help_free(&h);

	if ((c = cmd_complete(fuzz_set, line)) != NULL)
		free(c);
	free(line);
	return 0;
}
