/*
 * Unit tests for parser/'s memos (cmd_walk.c's first step per first word,
 * cmd_memo.c's line memo): on the fixture grammar and on small sets of
 * their own, every answer from a memo is the one the walk gives a set
 * that never saw the line — status, caret, command, each argument.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "parser/cmd.h"
#include "tests/cmd_fixture.h"

/* What a match answered, as text: status, caret, command, arguments —
 * every field a handler may read: the name bits and each one's first
 * argument, the tail flag, each argument's key, kind and address. */
static char *
answer_text(const struct cmd_match *a)
{
	struct strbuf		 sb;
	const struct cmd_arg	*v;
	size_t			 i;

	strbuf_init(&sb);
	strbuf_printf(&sb, "%d %zu %zu %zu %s %u %d %#llx", a->cm_status,
	    a->cm_err_off, a->cm_err_word, a->cm_nwords,
	    a->cm_status == CMD_MATCH_OK ?
	    a->cm_def->cd_syntax : "-", a->cm_a.as_prefixes, a->cm_tail,
	    (unsigned long long)a->cm_a.as_names);
	for (i = 0; i < 64; i++)
		if (a->cm_a.as_names >> i & 1)
			strbuf_printf(&sb, " b%zu:%u", i, a->cm_a.as_first[i]);
	for (i = 0; i < a->cm_a.as_n; i++) {
		v = &a->cm_a.as_v[i];
		strbuf_printf(&sb, " %s=%s@%zu/%#llx/%d%d%d/%#x", v->ca_name,
		    v->ca_value, v->ca_off, (unsigned long long)v->ca_nkey,
		    v->ca_keyword, v->ca_tail, v->ca_ip4ok,
		    (unsigned)v->ca_ip4);
	}
	return strbuf_steal(&sb);
}

/*
 * The NL LINES on one set of DEFS, ROUNDS times over, answer each as it
 * does on a set of its own (no memo yet); the set, for the caller's own
 * checks.
 */
static struct cmd_set *
memo_as_fresh(const char *name, const struct cmd_def *defs, size_t ndefs,
    const char *const *lines, size_t nl, size_t rounds)
{
	struct cmd_set	*set;
	char		**want, *got;
	size_t		 i, round;

	ck_assert_ptr_nonnull(want = calloc(nl, sizeof(*want)));
	for (i = 0; i < nl; i++) {
		set = cmd_set_new(name);
		ck_assert_int_eq(cmd_set_add(set, defs, ndefs, err,
		    sizeof(err)), 0);
		M(set, lines[i]);
		want[i] = answer_text(&m);
		cmd_match_free(&m);
		cmd_set_free(set);
	}
	set = cmd_set_new(name);
	ck_assert_int_eq(cmd_set_add(set, defs, ndefs, err, sizeof(err)), 0);
	for (round = 0; round < rounds; round++)
		for (i = 0; i < nl; i++) {
			M(set, lines[i]);
			got = answer_text(&m);
			ck_assert_msg(strcmp(got, want[i]) == 0,
			    "round %zu \"%s\": %s, not %s", round, lines[i],
			    got, want[i]);
			free(got);
		}
	for (i = 0; i < nl; i++)
		free(want[i]);
	free(want);
	return set;
}

/*
 * The walk keeps its first step per first word (cmd_walk.c's memo): every
 * answer — match, caret, arguments, `?` — is the same on a set that has
 * seen the first word before as on a set that never has, whatever second
 * word follows and wherever the first word sits in the line.
 */
START_TEST(test_first_step_memo)
{
	static const char *const lines[] = {
		"crypto isakmp policy 5", "crypto isakmp key k address 1.2.3.4",
		"crypto isakmp polizy 5", "  crypto   isakmp policy 7",
		"crypto", "crypto ?", "crypto isakmp ?", "cryptx isakmp",
		"in", "in ?", "int Loopback0", "in-keyword", "in-keyword x",
		"no hostname", "no hostname r1", "no crypto isakmp policy 5",
		"no cryptx", "do show version", "do sh", "do shx",
		"description a b  c ", "description", "ip route 1.2.3.0/24 1.2.3.4",
		"ip route 1.2.3.0/24 x", "encryption aes 128", "encryption aes 12",
		"mac-address 0011.2233.4455", "hostname x y", "hostname",
	};
	struct cmd_set	*c;
	char		*want[sizeof(lines) / sizeof(lines[0])], *got;
	size_t		 i, round;

	/* Each line on sets of its own: no memo yet. */
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		teardown();
		setup();
		if (strchr(lines[i], '?') != NULL) {
			want[i] = help(cfg, lines[i], 80);
			continue;
		}
		M(cfg, lines[i]);
		want[i] = answer_text(&m);
	}
	/* All of them on one pair of sets, four times over. */
	teardown();
	setup();
	c = cfg;
	for (round = 0; round < 4; round++)
		for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
			/* Odd rounds: each line twice in a row, the second
			 * surely from the memo (others may evict it). */
			if (round % 2 == 1 && strchr(lines[i], '?') == NULL)
				M(c, lines[i]);
			if (strchr(lines[i], '?') != NULL)
				got = help(c, lines[i], 80);
			else {
				M(c, lines[i]);
				got = answer_text(&m);
			}
			ck_assert_msg(strcmp(got, want[i]) == 0,
			    "round %zu \"%s\": %s, not %s", round, lines[i],
			    got, want[i]);
			free(got);
		}
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		free(want[i]);
}
END_TEST

/*
 * The line memo stands every valid IPv4 word of a line as one class.  A
 * set whose keyword a dotted quad could be (or begin) must not: "t
 * 1.2.3.4" is the keyword there, "t 1.2.3.5" the address, in either
 * order.  And a memo's answers do not outlive a change to the set.
 */
START_TEST(test_line_memo_guards)
{
	static const struct cmd_def dotted[] = {
		{ "t 1.2.3.4", "T\nThe keyword", fn, 0 },
		{ "t A.B.C.D$a", "T\nAn address", fn, 0 },
	};
	static const struct cmd_def more[] = {
		{ "interface foo", "Interface\nThe interface foo", fn, 0 },
	};
	static const char *const order[][2] = {
		{ "t 1.2.3.4", "t 1.2.3.5" }, { "t 1.2.3.5", "t 1.2.3.4" },
	};
	struct cmd_set	*d;
	size_t		 i, k;

	for (i = 0; i < 2; i++) {
		d = cmd_set_new("dotted");
		ck_assert_int_eq(cmd_set_add(d, dotted, 2, err, sizeof(err)), 0);
		for (k = 0; k < 4; k++) {
			const char *line = order[i][k % 2];

			ck_assert_int_eq(M(d, line), CMD_MATCH_OK);
			if (strcmp(line, "t 1.2.3.4") == 0)
				ck_assert_str_eq(m.cm_def->cd_syntax,
				    "t 1.2.3.4");
			else
				ck_assert_str_eq(cmd_arg(&m.cm_a, "a"),
				    "1.2.3.5");
		}
		cmd_set_free(d);
	}
	/* Kept, then the set changes: the next line is walked again. */
	for (k = 0; k < 2; k++) {
		ck_assert_int_eq(M(cfg, "interface foo"), CMD_MATCH_OK);
		ck_assert_str_eq(m.cm_def->cd_syntax, "interface WORD");
	}
	ck_assert_int_eq(cmd_set_add(cfg, more, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(M(cfg, "interface foo"), CMD_MATCH_OK);
	ck_assert_str_eq(m.cm_def->cd_syntax, "interface foo");
}
END_TEST

/*
 * An address of a kept key is read in place (cmd_memo.c's ip4_scan, each
 * part tested with the byte that follows it): every part, at each of the
 * four places, of one to four digits or none, out of range, with a
 * leading zero, followed by a letter, a blank or the line's end, or
 * with another byte where a dot belongs, gets the walk's answer — the address command for a valid address, WORD for
 * any other word — after a valid address put the address key first.
 */
START_TEST(test_line_memo_ip4_parts)
{
	static const struct cmd_def defs[] = {
		{ "addr A.B.C.D$a", "A\nAddr", fn, 0 },
		{ "addr WORD$w", "A\nWord", fn, 0 },
	};
	static const char *const parts[] = {
		"0", "1", "9", "00", "01", "09", "10", "99", "100", "199",
		"200", "249", "250", "255", "256", "259", "260", "299", "300",
		"999", "0100", "1000", "", "x", "1x", "12x", "123x", "1\t",
		"12 ", "1.", ".1", "1x2", "12x3", "123x4", "1,2",
	};
	/* A dot replaced: four parts, three of them dotted. */
	static const char *const undotted[] = {
		"1x22.133.255", "1.22x133.255", "1.22.133x255", "255,1.2.3",
		"1.255/2.3", "1.2.255:3", "0-1.2.3", "10.0-1.2", "1.2.0_0",
	};
	static const char *const other[] = { "1", "22", "133", "255" };
	const size_t	np = sizeof(parts) / sizeof(parts[0]);
	char		**lines;
	size_t		 n = 0, k, j;
	struct strbuf	 sb;
	struct cmd_set	*set;

	ck_assert_ptr_nonnull(lines = calloc(4 * np * 2 +
	    2 * sizeof(undotted) / sizeof(undotted[0]), sizeof(*lines)));
	for (k = 0; k < 4; k++)
		for (j = 0; j < np; j++) {
			/* A valid address first: the next line is read
			 * against its key. */
			strbuf_init(&sb);
			strbuf_printf(&sb, "addr %s.%s.%s.%s",
			    other[(j + 1) % 4], other[(j + 2) % 4],
			    other[(j + 3) % 4], other[j % 4]);
			lines[n++] = strbuf_steal(&sb);
			strbuf_init(&sb);
			strbuf_printf(&sb, "addr %s.%s.%s.%s",
			    k == 0 ? parts[j] : other[(j + 1) % 4],
			    k == 1 ? parts[j] : other[(j + 2) % 4],
			    k == 2 ? parts[j] : other[(j + 3) % 4],
			    k == 3 ? parts[j] : other[j % 4]);
			lines[n++] = strbuf_steal(&sb);
		}
	for (j = 0; j < sizeof(undotted) / sizeof(undotted[0]); j++) {
		strbuf_init(&sb);
		strbuf_printf(&sb, "addr %s.1.%s.0", other[j % 4],
		    other[(j + 1) % 4]);
		lines[n++] = strbuf_steal(&sb);
		strbuf_init(&sb);
		strbuf_printf(&sb, "addr %s", undotted[j]);
		lines[n++] = strbuf_steal(&sb);
	}
	set = memo_as_fresh("ip4parts", defs, sizeof(defs) / sizeof(defs[0]),
	    (const char *const *)lines, n, 2);
	/* What the walk says, for the record. */
	ck_assert_int_eq(M(set, "addr 1.2.3.4"), CMD_MATCH_OK);
	ck_assert_int_eq(M(set, "addr 10.200.3.255"), CMD_MATCH_OK);
	ck_assert_int_eq(m.cm_a.as_v[1].ca_ip4ok, 1);
	ck_assert_uint_eq(m.cm_a.as_v[1].ca_ip4, 0x0ac803ffu);
	ck_assert_int_eq(M(set, "addr 10.200.3.256"), CMD_MATCH_OK);
	ck_assert_str_eq(m.cm_def->cd_syntax, "addr WORD$w");
	ck_assert_int_eq(M(set, "addr 10.2x0.3.25"), CMD_MATCH_OK);
	ck_assert_str_eq(m.cm_def->cd_syntax, "addr WORD$w");
	cmd_match_free(&m);
	cmd_set_free(set);
	for (k = 0; k < n; k++)
		free(lines[k]);
	free(lines);
}
END_TEST

/*
 * A line of a run is compared with the last one its answer was given for
 * (cmd_memo.c's last_read), eight bytes at a time, and only an address
 * where the two differ is read: every line after a valid one — an
 * address changed at each place, longer, shorter, not an address, one
 * followed by a byte more, the blanks around the words changed, a word
 * more or less, a keyword changed, a line longer than the memo keeps —
 * must get the walk's answer (its arguments' offsets and values too),
 * by cmd_match and by cmd_match_len.
 */
START_TEST(test_line_memo_last)
{
	static const struct cmd_def defs[] = {
		{ "route A.B.C.D$d A.B.C.D$m A.B.C.D$g", "R\nD\nM\nG", fn, 0 },
		{ "route A.B.C.D$d A.B.C.D$m A.B.C.D$g WORD$x", "R\nD\nM\nG\nX",
		    fn, 0 },
		{ "route WORD$a WORD$b WORD$c", "R\nA\nB\nC", fn, 0 },
		{ "routes A.B.C.D$d", "R\nD", fn, 0 },
	};
	static const char *const addrs[] = {
		"1.2.3.4", "10.20.30.40", "100.200.255.254", "1.2.3.45",
		"1.2.3.5", "9.2.3.4", "0.0.0.0", "255.255.255.255",
		"100.200.255.25", "10.20.30.4",
		/* Not addresses: the walk's WORD. */
		"1.2.3.4x", "1.2.3", "256.2.3.4", "01.2.3.4", "1.2.3.04",
		"1.2.3.4.5", "1.2.3.", "x.2.3.4",
	};
	static const char *const base[] = {
		"10.0.1.0", "255.255.255.0", "172.16.0.1", "10.0.12.0",
		"255.255.0.0", "172.16.0.99",
	};
	static const char *const other[] = {
		"route  10.0.1.0 255.255.255.0 172.16.0.1",
		"route 10.0.1.0 255.255.255.0 172.16.0.1 ",
		" route 10.0.1.0 255.255.255.0 172.16.0.1",
		"route\t10.0.1.0 255.255.255.0\t172.16.0.1",
		"route 10.0.1.0 255.255.255.0 172.16.0.1 x",
		"route 10.0.1.0 255.255.255.0 172.16.0.12 x",
		"route 10.0.1.0 255.255.255.0",
		"route 10.0.1.0 255.255.255.0 172.16.0.",
		"route 10.0.1.0 255.255.255.0 172.16.0.1x",
		"routes 10.0.1.0",
		"routx 10.0.1.0 255.255.255.0 172.16.0.1",
		"route 10.0.1.0 255.255.255.0 172.16.0.1"
		    "                                                  "
		    "                                                  ",
		"route 10.0.1.0  255.255.255.0 172.16.0.1",
		"route 10.0.1.0 255.255.255.0  172.16.0.1",
		"route 1.0.1.0 255.255.255.0 172.16.0.1",
		"route 10.0.1.0 255.255.255.00 172.16.0.1",
		/* Of the same length: the next line (the first again) is
		 * compared with this one's text. */
		"route 10.0.1.9 255.255.255.0 172.16.0.1",
		"route 10.0.1.0 255.255.255.0 172.16.0.7",
	};
	/* First words of every length modulo 8: a difference in the last
	 * bytes, after the last whole eight. */
	static const char *const first[] = {
		"1.2.3.4", "11.2.3.4", "111.2.3.4", "111.22.3.4",
		"111.22.33.4", "111.22.33.44", "111.222.33.44",
		"111.222.133.44",
	};
	const size_t	na = sizeof(addrs) / sizeof(addrs[0]);
	const size_t	no = sizeof(other) / sizeof(other[0]);
	char		**lines, *want, *got;
	const char	*a[3];
	size_t		 n = 0, k, j, h, i;
	struct strbuf	 sb;
	struct cmd_set	*set, *fresh;

	/* Runs of one address changed part by part: a difference after a
	 * dot, at a dot, in the last part; the third line is compared with
	 * the second, changed, one. */
	static const char *const runs[][3] = {
		{ "1.2.3.4", "1.2.345", "1.2.3.4" },
		{ "1.2.3.4", "1.243.4", "1.2.3.4" },
		{ "1.2.3.4", "132.3.4", "1.2.3.4" },
		{ "1.2.3.4", "1.2.3.5", "1.2.3.45" },
		{ "1.2.3.4", "1.2.33.4", "1.2.3.4" },
		{ "10.200.30.40", "10.20.30.40", "10.20.30.41" },
		{ "10.20.30.40", "10.200.30.40", "10.200.30.41" },
		{ "1.2.3.4", "1.22.3.4", "1.22.3.5" },
		{ "1.2.3.4", "1.2.3.04", "1.2.3.4" },
		{ "1.2.3.4", "01.2.3.4", "1.2.3.4" },
		{ "255.255.255.0", "255.255.255.00", "255.255.256.0" },
		{ "1.2.3.4", "1.2.3.", "1.2.3.4" },
		{ "1.2.3.4", "1.2.3.4.", "1.2.3.40" },
		{ "9.9.9.9", "99.9.9.9", "99.9.9.99" },
	};
	const size_t	nr = sizeof(runs) / sizeof(runs[0]);
	const size_t	nf = sizeof(first) / sizeof(first[0]);

	ck_assert_ptr_nonnull(lines = calloc(3 * na * 2 + 2 * no + 1 +
	    nf * 5 + nr * 6, sizeof(*lines)));
	for (k = 0; k < 3; k++)
		for (j = 0; j < na; j++) {
			/* A valid line first: the next one is compared with
			 * it. */
			for (h = 0; h < 3; h++)
				a[h] = base[(j + h) % 6];
			strbuf_init(&sb);
			strbuf_printf(&sb, "route %s %s %s", a[0], a[1], a[2]);
			lines[n++] = strbuf_steal(&sb);
			a[k] = addrs[j];
			strbuf_init(&sb);
			strbuf_printf(&sb, "route %s %s %s", a[0], a[1], a[2]);
			lines[n++] = strbuf_steal(&sb);
		}
	for (j = 0; j < no; j++) {
		lines[n++] = strdup("route 10.0.1.0 255.255.255.0 172.16.0.1");
		lines[n++] = strdup(other[j]);
	}
	lines[n++] = strdup("route 10.0.1.0 255.255.255.0 172.16.0.1");
	for (j = 0; j < nf; j++) {
		static const char *const last[] = {
			"9.9.9.1", "9.9.9.2", "9.9.9.1 ab", "9.9.9.1 ac",
			"9.9.9.1 abc",
		};

		for (h = 0; h < 5; h++) {
			strbuf_init(&sb);
			strbuf_printf(&sb, "route %s 5.6.7.8 %s", first[j],
			    last[h]);
			lines[n++] = strbuf_steal(&sb);
		}
	}
	/* Each run in the first address and in the last (whose end is the
	 * line's). */
	for (j = 0; j < nr; j++)
		for (h = 0; h < 3; h++) {
			strbuf_init(&sb);
			strbuf_printf(&sb, "route %s 5.6.7.8 9.9.9.9", runs[j][h]);
			lines[n++] = strbuf_steal(&sb);
		}
	for (j = 0; j < nr; j++)
		for (h = 0; h < 3; h++) {
			strbuf_init(&sb);
			strbuf_printf(&sb, "route 5.6.7.8 9.9.9.9 %s", runs[j][h]);
			lines[n++] = strbuf_steal(&sb);
		}
	set = memo_as_fresh("last", defs, sizeof(defs) / sizeof(defs[0]),
	    (const char *const *)lines, n, 2);
	/* The same through cmd_match_len, which is given the length. */
	for (i = 0; i < n; i++) {
		fresh = cmd_set_new("last");
		ck_assert_int_eq(cmd_set_add(fresh, defs,
		    sizeof(defs) / sizeof(defs[0]), err, sizeof(err)), 0);
		M(fresh, lines[i]);
		want = answer_text(&m);
		cmd_match_free(&m);
		cmd_set_free(fresh);
		cmd_match_len(set, lines[i], strlen(lines[i]), &m);
		got = answer_text(&m);
		cmd_match_free(&m);
		ck_assert_msg(strcmp(got, want) == 0, "\"%s\": %s, not %s",
		    lines[i], got, want);
		free(got);
		free(want);
	}
	/* What the walk says, for the record. */
	ck_assert_int_eq(M(set, "route 1.2.3.4 5.6.7.8 9.10.11.12"),
	    CMD_MATCH_OK);
	ck_assert_int_eq(M(set, "route 1.2.3.4 5.6.7.8 9.10.11.123"),
	    CMD_MATCH_OK);
	ck_assert_str_eq(m.cm_def->cd_syntax,
	    "route A.B.C.D$d A.B.C.D$m A.B.C.D$g");
	ck_assert_uint_eq(m.cm_a.as_v[3].ca_ip4, 0x090a0b7bu);
	ck_assert_uint_eq(m.cm_a.as_v[3].ca_off, 22);
	cmd_match_free(&m);
	cmd_set_free(set);
	for (k = 0; k < n; k++)
		free(lines[k]);
	free(lines);
}
END_TEST

/*
 * The answers a set gave last are tried first, the line read as it is
 * compared with their keys (lmemo_recent): a line that has nearly such
 * a key — a keyword longer or cut short, a word more or less, an
 * address that is not one, a number out of the bounds, a first byte
 * that brings a keyword in — must get the walk's answer, whatever lines
 * of that shape came before; blanks and tabs around the words change
 * nothing.
 */
START_TEST(test_line_memo_recent)
{
	static const struct cmd_def defs[] = {
		{ "permit A.B.C.D$a A.B.C.D$w", "P\nAddr\nWild", fn, 0 },
		{ "permit A.B.C.D$a any", "P\nAddr\nAny", fn, 0 },
		{ "name WORD$n <1-100>$q", "N\nName\nSeq", fn, 0 },
		{ "name kw <1-100>$q", "N\nKw\nSeq", fn, 0 },
		{ "addr A.B.C.D$a", "A\nAddr", fn, 0 },
		{ "addr WORD$w word", "A\nWord\nWord", fn, 0 },
	};
	static const char *const lines[] = {
		"permit 1.2.3.4 0.0.0.255", "permit 1.2.3.5 0.0.0.255",
		"permit 1.2.3.5 0.0.0.256", "permit 1.2.3.5 0.0.0.2555",
		"permit 1.2.3.5 0.0.0.25", "permit 1.2.3.5 0.0.0.25 x",
		"permit 1.2.3.5", "permitx 1.2.3.5 0.0.0.255",
		"permi 1.2.3.5 0.0.0.255", "permit 1.2.3.5 any",
		"permit 1.2.3.6 anyx", "permit 1.2.3.6 an",
		"  permit\t1.2.3.7   0.0.0.255 \t", "permit 1.2.3.8 0.0.0.255",
		"permit 1.2.3 0.0.0.255", "permit 1.2.3.4.5 0.0.0.255",
		"permit 999.2.3.4 0.0.0.255", "permit 1.2.3.9 0.0.0.255",
		"name abc 5", "name abd 6", "name abd 101", "name abd 0",
		"name kw 7", "name kx 8", "name k 9", "name abd 10 x",
		"name abd", "name abe 100", "name abe 0100", "namea 7",
		"addr 1.2.3.4", "addr1.2.3.4", "addr 1.2.3.4 word",
		"addr w word",
		"addr 1.2.3.x", "addr 1.2.3.5", "addr 1.2.3.4 wor",
		"addr 1.2.3.04", "addr 1.2.3.256", "addr 01.2.3.4",
		"addr 1.2.3.4.", "addr 1..2.3", "addr 1.2.3.255",
		"addr 0.0.0.0", "addr 255.255.255.255", "addr 1.2.3.2555",
		"addr 1.2.3.4\t", "addr 1.2.3", "addr 100.200.300.1",
		"addr 9.99.199.249", "addr 1.2.3.4x", "addr 1.2.3.",
		"", "   ", "permit", "name",
	};
	struct cmd_set	*set;

	set = memo_as_fresh("recent", defs, sizeof(defs) / sizeof(defs[0]),
	    lines, sizeof(lines) / sizeof(lines[0]), 3);
	/* What the walk says, for the record. */
	ck_assert_int_eq(M(set, "permit 1.2.3.5 0.0.0.255"), CMD_MATCH_OK);
	ck_assert_int_eq(M(set, "permit 1.2.3.5 0.0.0.256"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(set, "permitx 1.2.3.5 0.0.0.255"),
	    CMD_MATCH_INVALID);
	ck_assert_int_eq(M(set, "name abe 101"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(set, "addr 1.2.3.4"), CMD_MATCH_OK);
	ck_assert_int_eq(M(set, "addr1.2.3.4"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(set, "name k 9"), CMD_MATCH_OK);
	ck_assert_str_eq(m.cm_def->cd_syntax, "name kw <1-100>$q");
	ck_assert_int_eq(M(set, "  permit\t1.2.3.7   0.0.0.255 \t"),
	    CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "w"), "0.0.0.255");
	ck_assert_int_eq(cmd_arg_off(&m.cm_a, "a"), 9);
	cmd_match_free(&m);
	cmd_set_free(set);
}
END_TEST

/*
 * A line the memo answers gets the arguments the walk would give it
 * (arg_fill_kept: the kept answer's arguments copied, then each one's
 * offset, value and address set for this line): names bound twice, a
 * name a keyword and a value share, optional keywords, a LINE, words
 * moved by blanks, an address where the last line had another or none.
 */
START_TEST(test_line_memo_args)
{
	static const struct cmd_def defs[] = {
		{ "route A.B.C.D$a A.B.C.D$a [tag <1-9>$t] [name WORD$n]",
		    "R\nDst\nMask\nT\nTag\nN\nName", fn, 0 },
		{ "peer A.B.C.D$p WORD$p", "P\nAddr\nName", fn, 0 },
		{ "say kw WORD$kw LINE", "S\nKw\nW\nText", fn, 0 },
		{ "addr IPV4MASK$m", "A\nAddr", fn, 0 },
	};
	static const char *const lines[] = {
		"route 1.2.3.0 255.255.255.0", "route 1.2.4.0 255.255.0.0",
		"route 10.2.4.0   255.255.0.0", "  route 1.2.3.0 0.0.0.0",
		"route 1.2.3.0 255.255.255.0 tag 3",
		"route 9.2.3.0 255.255.255.0 tag 4",
		"route 9.2.3.0 255.255.255.0 tag 4 name x",
		"route 9.2.3.1 255.255.255.0 tag 5 name yy",
		"route 9.2.3.1 255.255.255.0 name yy",
		"peer 1.1.1.1 a", "peer 1.1.1.2 bb", "peer  1.1.1.3\tccc",
		"say kw w1 some text", "say kw w22 other  text  ",
		"say kw x more", "say  kw y  z",
		"addr 1.2.3.4/24", "addr 1.2.3.5/8", "addr  1.2.3.6/32",
	};
	struct cmd_set	*set;

	set = memo_as_fresh("args", defs, sizeof(defs) / sizeof(defs[0]),
	    lines, sizeof(lines) / sizeof(lines[0]), 3);
	/* For the record: the second of a name bound twice, a LINE. */
	ck_assert_int_eq(M(set, "route 9.2.3.1  255.255.0.0"), CMD_MATCH_OK);
	ck_assert_int_eq(M(set, "route 9.2.3.2 255.255.255.0"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg_nth(&m.cm_a, "a", 1), "255.255.255.0");
	ck_assert_int_eq(cmd_arg_off(&m.cm_a, "a"), 6);
	ck_assert_ptr_null(cmd_arg(&m.cm_a, "t"));
	cmd_match_free(&m);
	ck_assert_int_eq(M(set, "say kw w3  a b  "), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "kw"), "kw");
	ck_assert_str_eq(cmd_arg_nth(&m.cm_a, "kw", 1), "w3");
	ck_assert_str_eq(cmd_arg(&m.cm_a, "LINE"), "a b");
	cmd_match_free(&m);
	cmd_set_free(set);
}
END_TEST

/*
 * A line whose first word the set refuses, by its kept first step, is
 * answered from that step before the line memo is asked (match_line):
 * the walk's status, caret (a keyword's typed part past its last good
 * byte, an ambiguous word's start) and word count, wherever the word
 * stands and whatever follows it.
 */
START_TEST(test_line_memo_refused)
{
	static const struct cmd_def defs[] = {
		{ "permit A.B.C.D$a", "P\nAddr", fn, 0 },
		{ "peer WORD$p", "Pe\nName", fn, 0 },
		{ "deny A.B.C.D$a", "D\nAddr", fn, 0 },
	};
	static const char *const lines[] = {
		"permix 1.2.3.4", "  permix 1.2.3.5 x", "\tpermix",
		"permix 1.2.3.6", "pe 1.2.3.4", "  pe x y", "pe",
		"ip access-list extended A", " ip access-list extended B",
		"ip", "dex 1.2.3.4", "   dex", "permit 1.2.3.4",
		"deny 1.2.3.4", "peer x",
	};
	struct cmd_set	*set;

	set = memo_as_fresh("refused", defs, sizeof(defs) / sizeof(defs[0]),
	    lines, sizeof(lines) / sizeof(lines[0]), 3);
	/* For the record: the carets. */
	ck_assert_int_eq(M(set, "  permix 1.2.3.5 x"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 7);
	ck_assert_uint_eq(m.cm_nwords, 3);
	ck_assert_int_eq(M(set, "  pe x y"), CMD_MATCH_AMBIGUOUS);
	ck_assert_uint_eq(m.cm_err_off, 2);
	cmd_set_free(set);
}
END_TEST

/*
 * The line memo stands a word as a class when every candidate it met
 * ranks any word alike (WORD, LINE) or, for a number, when only ranges
 * that took it did; the class keeps the word's first byte, which chose
 * the candidates, and a number's bounds.  Each line's answer must be the
 * walk's whatever lines came before: a word whose first byte brings a
 * keyword in, a number outside the bounds of the ranges that took the
 * first, a number where one range of two takes it.
 */
START_TEST(test_line_memo_free)
{
	static const struct cmd_def defs[] = {
		{ "u WORD$w", "U\nA word", fn, 0 },
		{ "u kx", "U\nThe keyword kx", fn, 0 },
		{ "s WORD$w <1-10>$n", "S\nA word\nA number", fn, 0 },
		{ "s WORD$w <5-20>$m", "S\nA word\nAnother number", fn, 0 },
		{ "d LINE$l", "D\nText", fn, 0 },
	};
	static const char *const lines[] = {
		"u ab", "u kx", "u ka", "u k", "u abc", "u a", "u kx", "u zz",
		"s a 7", "s b 8", "s a 3", "s a 15", "s a 21", "s a 0",
		"s a 10", "s a 5", "s abc 9", "s a 007", "s a 7x",
		"s a 99999999999999999999", "s a 6",
		"d one two 3", "d one two 4", "d o t f", "d 1.2.3.4 x y",
	};
	struct cmd_set	*set;

	set = memo_as_fresh("free", defs, sizeof(defs) / sizeof(defs[0]),
	    lines, sizeof(lines) / sizeof(lines[0]), 2);
	/* What the walk says, for the record. */
	ck_assert_int_eq(M(set, "u k"), CMD_MATCH_OK);
	ck_assert_str_eq(m.cm_def->cd_syntax, "u kx");
	ck_assert_int_eq(M(set, "u ka"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "w"), "ka");
	ck_assert_int_eq(M(set, "s a 3"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "n"), "3");
	ck_assert_int_eq(M(set, "s a 15"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "m"), "15");
	ck_assert_int_eq(M(set, "s a 21"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(set, "d one two 4"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "l"), "one two 4");
	cmd_match_free(&m);
	cmd_set_free(set);
}
END_TEST

static Suite *
memo_suite(void)
{
	Suite	*s = suite_create("parser memo");
	TCase	*tc;

	tc = tcase_create("Core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_first_step_memo);
	tcase_add_test(tc, test_line_memo_guards);
	tcase_add_test(tc, test_line_memo_free);
	tcase_add_test(tc, test_line_memo_recent);
	tcase_add_test(tc, test_line_memo_ip4_parts);
	tcase_add_test(tc, test_line_memo_last);
	tcase_add_test(tc, test_line_memo_args);
	tcase_add_test(tc, test_line_memo_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(memo_suite());
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
