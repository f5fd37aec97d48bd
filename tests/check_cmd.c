/*
 * Unit tests for parser/: the command engine, on a fixture grammar of its
 * own (not the router's), so each rule is tested in isolation.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "parser/cmd.h"
#include "tests/cmd_fixture.h"

START_TEST(test_abbreviation_and_case)
{
	ck_assert_int_eq(M(ex, "show version"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[0]);
	ck_assert_int_eq(M(ex, "sh ver"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[0]);
	ck_assert_int_eq(M(ex, "SH VER"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[0]);
	ck_assert_int_eq(M(ex, "  sh\thist  "), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[1]);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "history"), "history");
	ck_assert_int_eq(M(ex, ""), CMD_MATCH_EMPTY);
	ck_assert_int_eq(M(ex, "   "), CMD_MATCH_EMPTY);
}
END_TEST

START_TEST(test_exact_beats_longer)
{
	/* "in" is a keyword and a prefix of "interfaces": exact wins. */
	ck_assert_int_eq(M(ex, "show in"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[3]);
	ck_assert_int_eq(M(ex, "show int"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[2]);
	/* "i" prefixes both: ambiguous. */
	ck_assert_int_eq(M(ex, "show i"), CMD_MATCH_AMBIGUOUS);
	ck_assert_uint_eq(m.cm_err_word, 1);
}
END_TEST

START_TEST(test_typed_beats_word)
{
	ck_assert_int_eq(M(ex, "ping 1.1.1.1"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "A.B.C.D"), "1.1.1.1");
	ck_assert_ptr_null(cmd_arg(&m.cm_a, "host"));
	ck_assert_int_eq(M(ex, "ping router1 repeat 5"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "host"), "router1");
	ck_assert_uint_eq(cmd_arg_num(&m.cm_a, "<1-2147483647>", 0), 5);
	/* A partial keyword beats WORD: "re" is "repeat", not a host. */
	ck_assert_int_eq(M(ex, "ping r re 7"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "repeat"), "repeat");
	/* 1.1.1.300 is no address, so WORD takes it. */
	ck_assert_int_eq(M(ex, "ping 1.1.1.300"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "host"), "1.1.1.300");
}
END_TEST

START_TEST(test_ranges)
{
	ck_assert_int_eq(M(ex, "terminal length 0"), CMD_MATCH_OK);
	ck_assert_int_eq(M(ex, "terminal length 512"), CMD_MATCH_OK);
	ck_assert_uint_eq(cmd_arg_num(&m.cm_a, "<0-512>", 99), 512);
	ck_assert_int_eq(M(ex, "terminal length 513"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 16);	/* start of the number */
	ck_assert_int_eq(M(ex, "terminal length 5x"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 17);	/* under the x */
	ck_assert_int_eq(M(ex, "terminal length 99999999999999999999999"),
	    CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 16);
	ck_assert_int_eq(M(cfg, "crypto isakmp policy 0"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, "crypto isakmp policy 10000"), CMD_MATCH_OK);
	ck_assert_uint_eq(cmd_arg_num(&m.cm_a, "prio", 0), 10000);
}
END_TEST

START_TEST(test_addresses)
{
	ck_assert_int_eq(M(cfg, "crypto isakmp key cisco address 12.1.1.2"),
	    CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "secret"), "cisco");
	ck_assert_str_eq(cmd_arg(&m.cm_a, "key"), "key");
	ck_assert_str_eq(cmd_arg(&m.cm_a, "peer"), "12.1.1.2");
	ck_assert_ptr_null(cmd_arg(&m.cm_a, "mask"));
	ck_assert(!cmd_has(&m.cm_a, "no-xauth"));
	ck_assert_int_eq(M(cfg, "cry isa key k add 0.0.0.0 0.0.0.0 no-x"),
	    CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "mask"), "0.0.0.0");
	ck_assert(cmd_has(&m.cm_a, "no-xauth"));
	ck_assert_int_eq(M(cfg, "crypto isakmp key k address ipv6 ::/0"),
	    CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "peer6"), "::/0");
	ck_assert_int_eq(M(cfg, "crypto isakmp key k address ipv6 2001:db8::/129"),
	    CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, "crypto isakmp key k address 1.2.3"),
	    CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, "crypto isakmp key k address 1.2.x.4"),
	    CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 32);	/* under the x */
	ck_assert_int_eq(M(cfg, "ip route 10.0.0.0/8 1.1.1.1"), CMD_MATCH_OK);
	ck_assert_int_eq(M(cfg, "ip route 10.0.0.0/33 1.1.1.1"),
	    CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, "mac-address 0011.2233.4455"), CMD_MATCH_OK);
	ck_assert_int_eq(M(cfg, "mac-address 0011.2233"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, "mac-address 00112.2233.4455"),
	    CMD_MATCH_INVALID);
}
END_TEST

/* The handler is handed the value the matcher parsed (cmd_arg_ip4); a
 * WORD that holds an address is parsed from its text. */
START_TEST(test_arg_ip4)
{
	uint32_t	a = 7;

	ck_assert_int_eq(M(cfg, "crypto isakmp key 1.2.3.4 address "
	    "12.1.1.2 255.255.255.0"), CMD_MATCH_OK);
	ck_assert(cmd_arg_ip4(&m.cm_a, "peer", &a));
	ck_assert_uint_eq(a, 0x0c010102U);
	ck_assert(cmd_arg_ip4(&m.cm_a, "mask", &a));
	ck_assert_uint_eq(a, 0xffffff00U);
	ck_assert(cmd_arg_ip4(&m.cm_a, "secret", &a));	/* a WORD */
	ck_assert_uint_eq(a, 0x01020304U);
	a = 7;
	ck_assert(!cmd_arg_ip4(&m.cm_a, "key", &a));	/* a keyword */
	ck_assert(!cmd_arg_ip4(&m.cm_a, "peer6", &a));	/* absent */
	ck_assert_uint_eq(a, 7);
	/* The same words again: the first step from the memo. */
	ck_assert_int_eq(M(cfg, "crypto isakmp key 1.2.3.4 address "
	    "0.0.0.0 0.0.0.0"), CMD_MATCH_OK);
	ck_assert(cmd_arg_ip4(&m.cm_a, "peer", &a));
	ck_assert_uint_eq(a, 0);
	a = 7;
	ck_assert(cmd_arg_ip4(&m.cm_a, "mask", &a));
	ck_assert_uint_eq(a, 0);
}
END_TEST

START_TEST(test_optional_and_alternatives)
{
	ck_assert_int_eq(M(cfg, "encryption aes"), CMD_MATCH_OK);
	ck_assert_int_eq(M(cfg, "encr aes 256"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "256"), "256");
	ck_assert_int_eq(M(cfg, "encr 3des 256"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 10);
	ck_assert_int_eq(M(cfg, "encr aes 1"), CMD_MATCH_AMBIGUOUS);
	ck_assert_int_eq(M(cfg, "encr"), CMD_MATCH_INCOMPLETE);
	ck_assert_int_eq(M(cfg, "crypto isakmp key"), CMD_MATCH_INCOMPLETE);
}
END_TEST

START_TEST(test_line)
{
	ck_assert_int_eq(M(cfg, "description  Link to  R2 | x  "), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "LINE"), "Link to  R2 | x");
	ck_assert_int_eq(M(cfg, "description"), CMD_MATCH_INCOMPLETE);
}
END_TEST

START_TEST(test_prefixes)
{
	ck_assert_int_eq(M(cfg, "no hostname R1"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &cfg_cmds[0]);
	ck_assert_uint_eq(m.cm_a.as_prefixes, PFX_NO);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "no"), "no");
	ck_assert_str_eq(cmd_arg(&m.cm_a, "WORD"), "R1");
	/* the explicit "no hostname" form */
	ck_assert_int_eq(M(cfg, "no hostname"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &cfg_cmds[1]);
	ck_assert_uint_eq(m.cm_a.as_prefixes, 0);
	/* default only reaches commands flagged CMD_DEFAULT */
	ck_assert_int_eq(M(cfg, "def crypto isakmp policy 5"), CMD_MATCH_OK);
	ck_assert_uint_eq(m.cm_a.as_prefixes, PFX_DEFAULT);
	ck_assert_int_eq(M(cfg, "default hostname R1"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 8);
	/* "d" prefixes default, description and do */
	ck_assert_int_eq(M(cfg, "d"), CMD_MATCH_AMBIGUOUS);
	/* do reaches the exec set, with its tail */
	ck_assert_int_eq(M(cfg, "do sh ver | i up"), CMD_MATCH_OK);
	ck_assert_ptr_eq(m.cm_def, &exec_cmds[0]);
	ck_assert_ptr_eq(m.cm_set, ex);
	ck_assert_uint_eq(m.cm_a.as_prefixes, PFX_DO);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "LINE"), "up");
	/* prefixes do not nest */
	ck_assert_int_eq(M(cfg, "no no hostname x"), CMD_MATCH_INVALID);
}
END_TEST

START_TEST(test_tail)
{
	ck_assert_int_eq(M(ex, "show version | include caps|ident"),
	    CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "include"), "include");
	ck_assert_str_eq(cmd_arg(&m.cm_a, "LINE"), "caps|ident");
	ck_assert(m.cm_a.as_v[m.cm_a.as_n - 1].ca_tail);
	ck_assert(!m.cm_a.as_v[0].ca_tail);
	ck_assert_int_eq(M(ex, "sh ver | c x"), CMD_MATCH_OK);
	ck_assert_str_eq(cmd_arg(&m.cm_a, "count"), "count");
	ck_assert_int_eq(M(ex, "sh ver |"), CMD_MATCH_INCOMPLETE);
	ck_assert_int_eq(M(ex, "terminal length 5 | i x"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 18);
}
END_TEST

START_TEST(test_invalid_offsets)
{
	/* "verzion": "ver" matched a keyword, the caret goes under z */
	ck_assert_int_eq(M(ex, "show verzion"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 8);
	ck_assert_uint_eq(m.cm_err_word, 1);
	/* unknown first word */
	ck_assert_int_eq(M(ex, "xyz"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 0);
	ck_assert_uint_eq(m.cm_err_word, 0);
	ck_assert_uint_eq(m.cm_nwords, 1);
	/* an extra word after a complete command */
	ck_assert_int_eq(M(ex, "show version  extra"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 14);
	ck_assert_int_eq(M(cfg, "hostname a b"), CMD_MATCH_INVALID);
	ck_assert_uint_eq(m.cm_err_off, 11);
	/* hidden commands still execute */
	ck_assert_int_eq(M(ex, "secret-cmd"), CMD_MATCH_OK);
}
END_TEST

START_TEST(test_help_next)
{
	ck_help(ex, "show ", 80,
	    "  history     Display the session command history\n"
	    "  in          Short keyword\n"
	    "  interfaces  Interface status and configuration\n"
	    "  version     System hardware and software status\n");
	ck_help(ex, "sh ver ", 80,
	    "  |  Output modifiers\n"
	    "  <cr>\n");
	ck_help(ex, "show version | ", 80,
	    "  begin    Begin with the line that matches\n"
	    "  count    Count number of lines which match regexp\n"
	    "  exclude  Exclude lines that match\n"
	    "  include  Include lines that match\n"
	    "  section  Filter a section of output\n");
	ck_help(ex, "terminal length ", 80,
	    "  <0-512>  Number of lines on screen (0 for no pausing)\n");
	/* typed tokens first, keywords sorted, hidden commands omitted */
	ck_help(ex, "", 80,
	    "  ping      Send echo messages\n"
	    "  show      Show running system information\n"
	    "  telnet    Open a telnet connection\n"
	    "  terminal  Set terminal line parameters\n");
	ck_help(ex, "ping ", 80,
	    "  A.B.C.D  Ping destination address\n"
	    "  WORD     Ping destination address or hostname\n");
	ck_help(ex, "ping 1.1.1.1 ", 80,
	    "  repeat  Specify repeat count\n"
	    "  <cr>\n");
	ck_help(cfg, "encryption aes ", 80,
	    "  128  128 bit keys.\n"
	    "  192  192 bit keys.\n"
	    "  256  256 bit keys.\n"
	    "  <cr>\n");
	ck_help(cfg, "description x ", 80,
	    "  LINE  Up to 240 characters describing this interface\n"
	    "  <cr>\n");
	ck_help(cfg, "no ", 80,
	    "  crypto       Security specific commands\n"
	    "  description  Interface specific description\n"
	    "  hostname     Set system's network name\n");
}
END_TEST

START_TEST(test_help_wrap)
{
	ck_help(ex, "telnet ", 30,
	    "  WORD  IP address or hostname\n"
	    "        of a remote system\n");
}
END_TEST

START_TEST(test_help_word_and_errors)
{
	ck_help(ex, "sh", 80, "show  \n");
	ck_help(ex, "t", 80, "telnet  terminal  \n");
	ck_help(ex, "t", 16, "telnet  \nterminal  \n");
	ck_help(ex, "show i", 80, "in  interfaces  \n");
	ck_help(ex, "xyz", 80, "");		/* the shell: Unrecognized */
	ck_help(ex, "show verzion ", 80, "ERROR 4 at 8\n");
	ck_help(ex, "show i ", 80, "ERROR 3 at 5\n");
}
END_TEST

START_TEST(test_tab)
{
	char	*s;

	s = cmd_complete(ex, "sh");
	ck_assert_str_eq(s, "show ");
	free(s);
	s = cmd_complete(ex, "SH VER");
	ck_assert_str_eq(s, "SH version ");
	free(s);
	s = cmd_complete(ex, "show in");	/* exact beats interfaces */
	ck_assert_str_eq(s, "show in ");
	free(s);
	ck_assert_ptr_null(cmd_complete(ex, "t"));	/* ambiguous */
	ck_assert_ptr_null(cmd_complete(ex, "x"));	/* nothing */
	ck_assert_ptr_null(cmd_complete(ex, "show "));	/* no partial word */
	ck_assert_ptr_null(cmd_complete(ex, "secret"));	/* hidden */
	s = cmd_complete(cfg, "do sh");
	ck_assert_str_eq(s, "do show ");
	free(s);
}
END_TEST

static int
build_error(const char *syntax, const char *helps, const char *expect)
{
	struct cmd_set	*s = cmd_set_new("bad");
	struct cmd_def	 d = { syntax, helps, fn, 0 };
	int		 rv;

	rv = cmd_set_add(s, &d, 1, err, sizeof(err));
	cmd_set_free(s);
	if (rv == 0)
		return 0;
	return strstr(err, expect) != NULL;
}

START_TEST(test_build_errors)
{
	ck_assert(build_error("show (a|b", "x\ny\nz", "expected ')'"));
	ck_assert(build_error("show a|b)", "x\ny\nz", "unbalanced"));
	ck_assert(build_error("show (a||b)", "x\ny\nz", "empty alternative"));
	ck_assert(build_error("show f#o", "x\ny", "unknown token"));
	ck_assert(build_error("show <5-1>", "x\ny", "bad range"));
	ck_assert(build_error("show <a-5>", "x\ny", "bad range"));
	ck_assert(build_error("show version", "only one", "2 tokens but 1"));
	ck_assert(build_error("show version", "a\nb\nc", "2 tokens but 3"));
	ck_assert(build_error("description LINE foo", "a\nb\nc",
	    "LINE must be last"));
	ck_assert(build_error("show WORD$", "a\nb", "empty $name"));
	ck_assert(!build_error("show [a|b] (c|d e)", "s\na\nb\nc\nd\ne", "-"));
}
END_TEST

START_TEST(test_limits)
{
	char	*line;
	size_t	 i;

	/* 1,000 words: more than any command, refused without a crash */
	line = malloc(2001);
	for (i = 0; i < 1000; i++) {
		line[2 * i] = 'x';
		line[2 * i + 1] = ' ';
	}
	line[2000] = '\0';
	ck_assert_int_eq(M(ex, line), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, line), CMD_MATCH_INVALID);
	free(line);
	/* a 10,000-character description is one LINE */
	line = malloc(10013);
	strcpy(line, "description ");
	memset(line + 12, 'a', 10000);
	line[10012] = '\0';
	ck_assert_int_eq(M(cfg, line), CMD_MATCH_OK);
	ck_assert_uint_eq(strlen(cmd_arg(&m.cm_a, "LINE")), 10000);
	free(line);
	/* many words inside LINE: more than CMD_MAX_ARGS tokens */
	line = malloc(1300);
	strcpy(line, "description");
	for (i = 0; i < 100; i++)
		strcat(line, " w");
	ck_assert_int_eq(M(cfg, line), CMD_MATCH_OK);
	free(line);
}
END_TEST

START_TEST(test_malformed)
{
	ck_assert_int_eq(M(ex, "sh\x01ver"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(ex, "show \x7f"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(cfg, "hostname $"), CMD_MATCH_OK);
	ck_assert_int_eq(M(cfg, "crypto isakmp key k address ::ffff:1.2.3.4"),
	    CMD_MATCH_INVALID);
	ck_assert_int_eq(M(ex, "|"), CMD_MATCH_INVALID);
	ck_assert_int_eq(M(ex, "show version | include"),
	    CMD_MATCH_INCOMPLETE);
	ck_help(ex, "\x1b[A ", 80, "ERROR 4 at 0\n");
}
END_TEST

static Suite *
cmd_suite(void)
{
	Suite	*s = suite_create("parser");
	TCase	*tc;

	tc = tcase_create("Core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_abbreviation_and_case);
	tcase_add_test(tc, test_arg_ip4);
	tcase_add_test(tc, test_exact_beats_longer);
	tcase_add_test(tc, test_typed_beats_word);
	tcase_add_test(tc, test_ranges);
	tcase_add_test(tc, test_addresses);
	tcase_add_test(tc, test_optional_and_alternatives);
	tcase_add_test(tc, test_line);
	tcase_add_test(tc, test_prefixes);
	tcase_add_test(tc, test_tail);
	tcase_add_test(tc, test_invalid_offsets);
	tcase_add_test(tc, test_help_next);
	tcase_add_test(tc, test_help_wrap);
	tcase_add_test(tc, test_help_word_and_errors);
	tcase_add_test(tc, test_tab);
	tcase_add_test(tc, test_build_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("Limits");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_limits);
	suite_add_tcase(s, tc);
	tc = tcase_create("Malformed");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_malformed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(cmd_suite());
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
