/*
 * Unit tests for parser/: the command engine, on a fixture grammar of its
 * own (not the router's), so each rule is tested in isolation.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "parser/cmd.h"


static int	ran;
static int
fn(struct vty *v, const struct cmd_args *m)
{
	(void)v;
	(void)m;
	return ++ran;
}

static const struct cmd_def exec_cmds[] = {
	{ "show version", "Show running system information\n"
	  "System hardware and software status", fn, CMD_FILTER },
	{ "show history", "Show running system information\n"
	  "Display the session command history", fn, CMD_FILTER },
	{ "show interfaces [WORD]", "Show running system information\n"
	  "Interface status and configuration\nInterface name", fn, CMD_FILTER },
	{ "show in", "Show running system information\nShort keyword", fn, 0 },
	{ "ping (A.B.C.D|WORD$host) [repeat <1-2147483647>]",
	  "Send echo messages\nPing destination address\n"
	  "Ping destination address or hostname\nSpecify repeat count\n"
	  "Repeat count", fn, 0 },
	{ "terminal length <0-512>", "Set terminal line parameters\n"
	  "Set number of lines on a screen\nNumber of lines on screen (0 for no pausing)",
	  fn, 0 },
	{ "telnet WORD", "Open a telnet connection\nIP address or hostname of a "
	  "remote system", fn, 0 },
	{ "secret-cmd", "Hidden", fn, CMD_HIDDEN },
};

static const struct cmd_def cfg_cmds[] = {
	{ "hostname WORD", "Set system's network name\nThis system's network name",
	  fn, CMD_NO },
	{ "no hostname", "Negate a command or set its defaults\n"
	  "Set system's network name", fn, 0 },
	{ "crypto isakmp policy <1-10000>$prio", "Security specific commands\n"
	  "Configure ISAKMP policy\nSet policy\nPriority of protection suite",
	  fn, CMD_NO | CMD_DEFAULT },
	{ "crypto isakmp key WORD$secret address (A.B.C.D$peer [A.B.C.D$mask]|ipv6 "
	  "X:X:X:X::X/<0-128>$peer6) [no-xauth]",
	  "Security specific commands\nConfigure ISAKMP policy\n"
	  "pre-shared key\nThe key\ndefine shared key with IP address\n"
	  "Peer IP address\nPeer IP subnet mask\ndefine shared key with IPv6 address\n"
	  "IPv6 prefix\nBypasses XAuth for this peer", fn, CMD_NO },
	{ "description LINE", "Interface specific description\n"
	  "Up to 240 characters describing this interface", fn, CMD_NO },
	{ "mac-address H.H.H", "Manually set interface MAC address\nMAC address",
	  fn, 0 },
	{ "ip route A.B.C.D/M A.B.C.D", "Global IP configuration subcommands\n"
	  "Establish static routes\nPrefix\nForwarding router's address", fn, 0 },
	{ "encryption (des|3des|aes [128|192|256])", "Set encryption algorithm\n"
	  "DES\nTriple DES\nAES\n128 bit keys.\n192 bit keys.\n256 bit keys.", fn,
	  0 },
	{ "interface WORD", "Select an interface to configure\nInterface name",
	  fn, 0 },
	{ "in-keyword", "A keyword sharing a prefix", fn, 0 },
};

static const struct cmd_def tail = {
	"\\| (begin|count|exclude|include|section) LINE",
	"Output modifiers\nBegin with the line that matches\n"
	"Count number of lines which match regexp\nExclude lines that match\n"
	"Include lines that match\nFilter a section of output\n"
	"Regular Expression", NULL, 0
};

static struct cmd_set	*ex, *cfg;
static struct cmd_match	 m;
static char		 err[256];

static void
setup(void)
{
	ex = cmd_set_new("exec");
	cfg = cmd_set_new("config");
	ck_assert_int_eq(cmd_set_add(ex, exec_cmds,
	    sizeof(exec_cmds) / sizeof(exec_cmds[0]), err, sizeof(err)), 0);
	ck_assert_int_eq(cmd_set_add_tail(ex, CMD_FILTER, &tail, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(cmd_set_add(cfg, cfg_cmds,
	    sizeof(cfg_cmds) / sizeof(cfg_cmds[0]), err, sizeof(err)), 0);
	cmd_set_add_prefix(cfg, "no", "Negate a command or set its defaults",
	    cfg, CMD_NO, PFX_NO);
	cmd_set_add_prefix(cfg, "default", "Set a command to its defaults",
	    cfg, CMD_DEFAULT, PFX_DEFAULT);
	cmd_set_add_prefix(cfg, "do", "To run exec commands in config mode",
	    ex, 0, PFX_DO);
	memset(&m, 0, sizeof(m));
}

static void
teardown(void)
{
	cmd_match_free(&m);
	cmd_set_free(ex);
	cmd_set_free(cfg);
}

/* Match LINE and return the status, keeping the result in m. */
static enum cmd_status
M(const struct cmd_set *set, const char *line)
{
	cmd_match_free(&m);
	cmd_match(set, line, &m);
	return m.cm_status;
}

static char *
help(const struct cmd_set *set, const char *line, unsigned width)
{
	struct cmd_help	h;
	struct strbuf	sb;

	cmd_describe(set, line, &h);
	strbuf_init(&sb);
	if (h.ch_kind == CMD_HELP_ERROR)
		strbuf_printf(&sb, "ERROR %d at %zu\n", h.ch_status,
		    h.ch_err_off);
	else
		cmd_help_render(&h, width, &sb);
	cmd_help_free(&h);
	return strbuf_steal(&sb);
}

#define ck_help(set, line, width, expect) do {				\
	char *_h = help(set, line, width);				\
	ck_assert_str_eq(_h, expect);					\
	free(_h);							\
} while (0)

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
	tcase_add_test(tc, test_first_step_memo);
	tcase_add_test(tc, test_line_memo_guards);
	tcase_add_test(tc, test_line_memo_free);
	tcase_add_test(tc, test_line_memo_recent);
	tcase_add_test(tc, test_line_memo_ip4_parts);
	tcase_add_test(tc, test_line_memo_last);
	tcase_add_test(tc, test_line_memo_args);
	tcase_add_test(tc, test_line_memo_refused);
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
