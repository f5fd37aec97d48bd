/*
 * Unit tests for shell/ and grammar/: prompts, error carets, output
 * filters and IOS regular expressions, uptime wording, log stamps,
 * hostname rules, dispatch through modes, and that every mode's grammar
 * compiles.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/cmds.h"
#include "dataplane/cmds.h"
#include "grammar/modes.h"
#include "lib/clock.h"
#include "parser/cmd.h"
#include "parser/cmd_impl.h"
#include "shell/cmds.h"
#include "shell/errors.h"
#include "shell/filter.h"
#include "shell/log.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/uptime.h"
#include "tests/fixture.h"

static struct fixture	 fx;

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx, NULL);
}

static void
teardown(void)
{
	fx_close(&fx);
	clock_use_real();
}

START_TEST(test_prompts)
{
	static const struct {
		mode_id	 mode;
		const char	*prompt;
	} want[] = {
		{ MODE_USER_EXEC,		"Router>" },
		{ MODE_PRIV_EXEC,		"Router#" },
		{ MODE_CONFIG,			"Router(config)#" },
		{ MODE_CONFIG_IF,		"Router(config-if)#" },
		{ MODE_CONFIG_ISAKMP,		"Router(config-isakmp)#" },
		{ MODE_CONFIG_CRYPTO_MAP,	"Router(config-crypto-map)#" },
		{ MODE_CFG_CRYPTO_TRANS,	"Router(cfg-crypto-trans)#" },
		{ MODE_CONFIG_KEYRING,		"Router(config-keyring)#" },
		{ MODE_CONF_ISA_PROF,		"Router(conf-isa-prof)#" },
		{ MODE_CONFIG_ISAKMP_GROUP,	"Router(config-isakmp-group)#" },
		{ MODE_CONFIG_EXT_NACL,		"Router(config-ext-nacl)#" },
		{ MODE_CONFIG_STD_NACL,		"Router(config-std-nacl)#" },
		{ MODE_CONFIG_LINE,		"Router(config-line)#" },
		{ MODE_IPSEC_PROFILE,		"Router(ipsec-profile)#" },
		{ MODE_CONFIG_CONTROLLER,	"Router(config-controller)#" },
		{ MODE_CONFIG_CP,		"Router(config-cp)#" },
		{ MODE_CONFIG_RED,		"Router(config-red)#" },
		{ MODE_CONFIG_VIRT_SERV,	"Router(config-virt-serv)#" },
		{ MODE_CONFIG_ROUTER,		"Router(config-router)#" },
		{ MODE_CONFIG_ROUTER_AF,	"Router(config-router-af)#" },
		{ MODE_CONFIG_ROUTE_MAP,	"Router(config-route-map)#" },
		{ MODE_CONFIG_DP_CORLIST,	"Router(config-dp-corlist)#" },
		{ MODE_CONFIG_MGCP_PROFILE,	"Router(config-mgcp-profile)#" },
		{ MODE_DHCP_CONFIG,		"Router(dhcp-config)#" },
		{ MODE_CA_TRUSTPOINT,		"Router(ca-trustpoint)#" },
		{ MODE_CONFIG_CERT_CHAIN,	"Router(config-cert-chain)#" },
		{ MODE_CONFIG_VRF,		"Router(config-vrf)#" },
		{ MODE_CONFIG_VRF_AF,		"Router(config-vrf-af)#" },
		{ MODE_CONFIG_ROUTER_AF_IF,
		    "Router(config-router-af-interface)#" },
		{ MODE_CONFIG_ROUTER_AF_TOPO,
		    "Router(config-router-af-topology)#" },
		{ MODE_CONFIG_ARCHIVE,	"Router(config-archive)#" },
		{ MODE_IKEV2_PROPOSAL,	"Router(config-ikev2-proposal)#" },
		{ MODE_IKEV2_POLICY,	"Router(config-ikev2-policy)#" },
		{ MODE_IKEV2_KEYRING,	"Router(config-ikev2-keyring)#" },
		{ MODE_IKEV2_KEYRING_PEER,
		    "Router(config-ikev2-keyring-peer)#" },
		{ MODE_IKEV2_PROFILE,	"Router(config-ikev2-profile)#" },
		{ MODE_CS_SERVER,	"Router(cs-server)#" },
		{ MODE_CONFIG_SUBIF,	"Router(config-subif)#" },
		{ MODE_CONFIG_VOICECARD, "Router(config-voicecard)#" },
	};
	size_t	i, nmodes = 0;

	for (i = 0; i < MODE_MAX; i++)
		if (mode_info((mode_id)i)->mi_name != NULL)
			nmodes++;
	ck_assert_uint_eq(sizeof(want) / sizeof(want[0]), nmodes);
	for (i = 0; i < nmodes; i++) {
		vty_enter(&fx.fx_sess->s_vty, want[i].mode, NULL);
		ck_assert_str_eq(fx_prompt(&fx), want[i].prompt);
		ck_assert_int_eq(mode_info(want[i].mode)->mi_id, want[i].mode);
	}
	strcpy(fx.fx_rt.r_hostname, "R1");
	vty_enter(&fx.fx_sess->s_vty, MODE_CONFIG_LINE, NULL);
	ck_assert_str_eq(fx_prompt(&fx), "R1(config-line)#");
}
END_TEST

START_TEST(test_every_mode_builds)
{
	const struct mode_info	*mi;
	struct cmd_set		*set;
	char			 err[256];
	size_t			 i, t;

	for (i = 0; i < MODE_MAX; i++) {
		mi = mode_info((mode_id)i);
		if (mi->mi_name == NULL) {
			ck_assert_ptr_null(fx.fx_rt.r_sets[i]);
			continue;
		}
		ck_assert_uint_eq(mi->mi_id, i);
		ck_assert_ptr_nonnull(mi->mi_title);
		ck_assert_ptr_nonnull(fx.fx_rt.r_sets[i]);
		if (mi->mi_flags & MODE_F_CONFIG) {
			ck_assert_ptr_nonnull(mi->mi_exit.cd_syntax);
			ck_assert_ptr_nonnull(fx.fx_rt.r_neg_sets[i]);
		}
		set = cmd_set_new(mi->mi_name);
		for (t = 0; mi->mi_tables[t] != NULL; t++)
			ck_assert_msg(cmd_set_add(set,
			    mi->mi_tables[t]->ct_defs,
			    mi->mi_tables[t]->ct_n, err, sizeof(err)) == 0,
			    "%s: %s", mi->mi_name, err);
		for (t = 0; mi->mi_neg_tables[t] != NULL; t++)
			ck_assert_msg(cmd_set_add(set,
			    mi->mi_neg_tables[t]->ct_defs,
			    mi->mi_neg_tables[t]->ct_n, err, sizeof(err)) == 0,
			    "%s: %s", mi->mi_name, err);
		cmd_set_free(set);
	}
	set = cmd_set_new("tail");
	ck_assert_int_eq(cmd_set_add_tail(set, CMD_FILTER, &filter_tail, err,
	    sizeof(err)), 0);
	cmd_set_free(set);
}
END_TEST

START_TEST(test_caret)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	error_invalid(&sb, 3);
	ck_assert_str_eq(sb.sb_buf,
	    "   ^\n% Invalid input detected at '^' marker.\n\n");
	strbuf_free(&sb);

	/* "Router>" is 7 columns; "ver" still matches, the 'z' does not. */
	ck_assert_str_eq(fx_run(&fx, "show verzion"), "               ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	/* "Router(config)#" is 15 columns, "extra" is at 12. */
	ck_assert_str_eq(fx_run(&fx, "hostname R1 extra"),
	    "                           ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	fx_run(&fx, "line vty 0 4");
	/* "Router(config-line)#" is 20; the parent got further (12). */
	ck_assert_str_eq(fx_run(&fx, "hostname R1 extra"),
	    "                                ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG_LINE);
}
END_TEST

START_TEST(test_messages)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	error_ambiguous(&sb, "  t  ");
	ck_assert_str_eq(sb.sb_buf, "% Ambiguous command:  \"t\"\n");
	strbuf_reset(&sb);
	error_unknown_host(&sb, "foo", false);
	ck_assert_str_eq(sb.sb_buf, "Translating \"foo\"\n% Unknown command "
	    "or computer name, or unable to find computer address\n");
	strbuf_free(&sb);

	ck_assert_str_eq(fx_run(&fx, "show"),
	    "% Type \"show ?\" for a list of subcommands\n");
	ck_assert_str_eq(fx_run(&fx, "terminal length"),
	    "% Incomplete command.\n\n");
	ck_assert_str_eq(fx_run(&fx, "e"), "% Ambiguous command:  \"e\"\n");
	ck_assert_str_eq(fx_run(&fx, "foo"),
	    "Translating \"foo\"...domain server "
	    "(255.255.255.255)\n% Unknown command or computer name, or "
	    "unable to find computer address\n");
}
END_TEST

START_TEST(test_modes_and_prefixes)
{
	fx_run(&fx, "enable");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_PRIV_EXEC);
	ck_assert_str_eq(fx_run(&fx, "conf t"),
	    "Enter configuration commands, one "
	    "per line.  End with CNTL/Z.\n");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG);
	fx_run(&fx, "hostname R7");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R7");
	fx_run(&fx, "no hostname");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "Router");
	fx_run(&fx, "no ip domain-lookup");
	ck_assert(!fx.fx_rt.r_domain_lookup);
	fx_run(&fx, "default ip domain-lookup");
	ck_assert(fx.fx_rt.r_domain_lookup);
	/* do runs exec commands and stays put, even `do disable`. */
	fx_run(&fx, "do disable");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG);
	fx_run(&fx, "line vty 0 4");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG_LINE);
	fx_run(&fx, "exec-timeout 5 30");
	ck_assert_uint_eq(fx.fx_rt.r_lines[LINE_VTY0 + 4].lc_exec_min, 5);
	ck_assert_uint_eq(fx.fx_rt.r_lines[LINE_VTY0 + 4].lc_exec_sec, 30);
	ck_assert_uint_eq(fx.fx_rt.r_lines[LINE_VTY0 + 5].lc_exec_min, 10);
	fx_run(&fx, "password secret words");
	ck_assert_str_eq(fx.fx_rt.r_lines[LINE_VTY0].lc_password.pw_text,
	    "secret words");
	fx_run(&fx, "transport input ssh");
	ck_assert_int_eq(fx.fx_rt.r_lines[LINE_VTY0 + 2].lc_transport,
	    TRANSPORT_SSH);
	fx_run(&fx, "no transport input");
	ck_assert_int_eq(fx.fx_rt.r_lines[LINE_VTY0 + 2].lc_transport,
	    TRANSPORT_ALL);
	fx_run(&fx, "privilege level 15");
	ck_assert_uint_eq(fx.fx_rt.r_lines[LINE_VTY0].lc_privilege, 15);
	fx_run(&fx, "no exec-timeout");
	ck_assert_uint_eq(fx.fx_rt.r_lines[LINE_VTY0].lc_exec_min, 10);
	/* Parent fallback: a global command from config-line runs there. */
	fx_run(&fx, "hostname X");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "X");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG);
	fx_run(&fx, "line con 0");
	ck_assert_str_eq(fx_run(&fx, "exit"), "");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG);
	ck_assert_str_eq(fx_run(&fx, "end"), "00:00:00: %SYS-5-CONFIG_I: "
	    "Configured from console by console\n");
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_PRIV_EXEC);
	fx_run(&fx, "configure terminal");
	strbuf_reset(&fx.fx_out);
	session_ctrl_z(fx.fx_sess);
	ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_PRIV_EXEC);
	ck_assert_str_eq(fx.fx_out.sb_buf, "00:00:00: %SYS-5-CONFIG_I: "
	    "Configured from console by console\n");
	fx_run(&fx, "terminal length 0");
	ck_assert_uint_eq(fx.fx_sess->s_vty.v_term_length, 0);
	fx_run(&fx, "terminal width 132");
	ck_assert_uint_eq(fx.fx_sess->s_vty.v_term_width, 132);
	ck_assert(!session_execute(fx.fx_sess, "exit"));
}
END_TEST

START_TEST(test_help)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	session_help(fx.fx_sess, "", &sb);
	ck_assert_str_eq(sb.sb_buf, "Exec commands:\n"
	    "  connect     Open a terminal connection\n"
	    "  enable      Turn on privileged commands\n"
	    "  exit        Exit from the EXEC\n"
	    "  logout      Exit from the EXEC\n"
	    "  ping        Send echo messages\n"
	    "  show        Show running system information\n"
	    "  telnet      Open a telnet connection\n"
	    "  terminal    Set terminal line parameters\n"
	    "  traceroute  Trace route to destination\n"
	    "\n");
	strbuf_reset(&sb);
	session_help(fx.fx_sess, "xyz", &sb);
	ck_assert_str_eq(sb.sb_buf, "% Unrecognized command\n");
	strbuf_reset(&sb);
	session_help(fx.fx_sess, "show verzion ", &sb);
	ck_assert_str_eq(sb.sb_buf, "               ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	strbuf_free(&sb);
}
END_TEST

static const char *
filtered(enum filter_kind kind, const char *re, const char *text)
{
	static struct strbuf	sb;

	strbuf_free(&sb);
	filter_apply(kind, re, text, strlen(text), &sb);
	return sb.sb_buf;
}

static const char config_text[] =
    "hostname R1\n"
    "interface Ethernet0\n"
    " ip address 10.0.0.1 255.255.255.0\n"
    " crypto map CM\n"
    "interface Ethernet1\n"
    " shutdown\n"
    "crypto map CM 10 ipsec-isakmp\n"
    " set peer 10.0.0.2\n"
    " match address 100\n"
    "end\n";

START_TEST(test_filters)
{
	enum filter_kind	k;

	ck_assert_int_eq(filter_kind_parse("section", &k), 0);
	ck_assert_int_eq(k, FILTER_SECTION);
	ck_assert_int_eq(filter_kind_parse("tee", &k), -1);

	ck_assert_str_eq(filtered(FILTER_INCLUDE, "crypto", config_text),
	    " crypto map CM\ncrypto map CM 10 ipsec-isakmp\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "Crypto", config_text), "");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "^interface|^end",
	    config_text),
	    "interface Ethernet0\ninterface Ethernet1\nend\n");
	ck_assert_str_eq(filtered(FILTER_EXCLUDE, "^ ", config_text),
	    "hostname R1\ninterface Ethernet0\ninterface Ethernet1\n"
	    "crypto map CM 10 ipsec-isakmp\nend\n");
	ck_assert_str_eq(filtered(FILTER_BEGIN, "Ethernet1", config_text),
	    "interface Ethernet1\n shutdown\ncrypto map CM 10 ipsec-isakmp\n"
	    " set peer 10.0.0.2\n match address 100\nend\n");
	ck_assert_str_eq(filtered(FILTER_SECTION, "crypto map", config_text),
	    " crypto map CM\ncrypto map CM 10 ipsec-isakmp\n"
	    " set peer 10.0.0.2\n match address 100\n");
	ck_assert_str_eq(filtered(FILTER_SECTION, "Ethernet0", config_text),
	    "interface Ethernet0\n ip address 10.0.0.1 255.255.255.0\n"
	    " crypto map CM\n");
	ck_assert_str_eq(filtered(FILTER_COUNT, "10\\.", config_text),
	    "Number of lines which match regexp = 2\n");
	ck_assert_str_eq(filtered(FILTER_COUNT, "nomatch", config_text),
	    "Number of lines which match regexp = 0\n");
	/* A last line without its newline is shown with one. */
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "b", "a\nb"), "b\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "(", config_text),
	    "% Invalid regular expression\n");
}
END_TEST

/* RE repeated N times after HEAD, in a static buffer. */
static const char *
repeated(const char *head, const char *re, size_t n)
{
	static char	buf[1024];
	size_t		i;

	ck_assert_uint_lt(strlen(head) + n * strlen(re), sizeof(buf));
	strcpy(buf, head);
	for (i = 0; i < n; i++)
		strcat(buf, re);
	return buf;
}

/*
 * Expressions any vty user can type cost in proportion to themselves.
 * fuzz_telnet's findings against glibc's regcomp: `a` and 62 `+`s (trees
 * copied exponentially: 1.3 GB) and 40 `_+` (each `_` a group of
 * anchors, repeated: epsilon closures multiplied, 28 minutes); `(\b)+`
 * 12 times took over a minute.  They now answer at once, the first
 * refused and the others matching as IOS means them; Check's timeout is
 * what fails if one does not.
 */
START_TEST(test_regex_bounded)
{
	struct strbuf	sb;
	char		nest[160];

	ck_assert_str_eq(filtered(FILTER_INCLUDE, repeated("a", "+", 62),
	    config_text), "% Invalid regular expression\n");
	/* Anchors satisfy every `_`: each line matches, and R1 ends one. */
	ck_assert_str_eq(filtered(FILTER_INCLUDE, repeated("", "_+", 40),
	    config_text), config_text);
	ck_assert_str_eq(filtered(FILTER_INCLUDE, repeated("R1", "_+", 40),
	    config_text), "hostname R1\n");
	ck_assert_str_eq(filtered(FILTER_COUNT, repeated("", "(\\b)+", 40),
	    config_text), "Number of lines which match regexp = 10\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE,
	    "((((((((((((((((((((((a+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+"
	    ")+)+b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	    "aab\n"), "aab\n");
	/* Too large once compiled, or nested too deep. */
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "((a{1000}){1000}){1000}",
	    config_text), "% Invalid regular expression\n");
	memset(nest, '(', 70);
	nest[70] = 'a';
	memset(nest + 71, ')', 70);
	nest[141] = '\0';
	ck_assert_str_eq(filtered(FILTER_INCLUDE, nest, "a\n"),
	    "% Invalid regular expression\n");
	nest[60] = 'a';		/* 60 deep: within the limit */
	memset(nest + 61, ')', 60);
	nest[121] = '\0';
	ck_assert_str_eq(filtered(FILTER_INCLUDE, nest, "a\nb\n"), "a\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "(a{1000}){10}",
	    config_text), "");
	/* A back reference is not for the DFA matcher: refused, and nothing
	 * of what had matched before it is left in the output. */
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "(a)\\1", "aa\n"),
	    "% Invalid regular expression\n");
	strbuf_init(&sb);
	strbuf_puts(&sb, "before\n");
	ck_assert_int_eq(filter_apply(FILTER_INCLUDE, "x|(?<n>a)\\k<n>",
	    "x\ny\naa\n", 7, &sb), -1);
	ck_assert_str_eq(sb.sb_buf, "before\n% Invalid regular expression\n");
	strbuf_reset(&sb);
	ck_assert_int_eq(filter_apply(FILTER_INCLUDE, "x|(?<n>a)\\k<n>",
	    "x\ny\n", 4, &sb), 0);
	ck_assert_str_eq(sb.sb_buf, "x\n");
	strbuf_free(&sb);
	/* The ends of an expression (once read past by the old bound). */
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "?|", "a\n"),
	    "% Invalid regular expression\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "(a|)|", "a\nb\n"),
	    "a\nb\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "\\", "a\n"),
	    "% Invalid regular expression\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "[", "a\n"),
	    "% Invalid regular expression\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "Ether(net)+[0-9]+",
	    config_text), "interface Ethernet0\ninterface Ethernet1\n");
	/* A line holding a NUL is matched whole. */
	strbuf_init(&sb);
	ck_assert_int_eq(filter_apply(FILTER_INCLUDE, "b", "a\0b\nc\n", 6,
	    &sb), 0);
	ck_assert_uint_eq(sb.sb_len, 4);
	ck_assert_int_eq(memcmp(sb.sb_buf, "a\0b\n", 4), 0);
	strbuf_free(&sb);
}
END_TEST

static const char *
translated(const char *re)
{
	static struct strbuf	sb;

	strbuf_free(&sb);
	filter_regex_translate(re, &sb);
	return sb.sb_buf;
}

START_TEST(test_regex)
{
	ck_assert_str_eq(translated("abc"), "abc");
	ck_assert_str_eq(translated("_100_"),
	    "(?:^|$|[ ,{}()])100(?:^|$|[ ,{}()])");
	ck_assert_str_eq(translated("a\\_b"), "a_b");
	ck_assert_str_eq(translated("a\\.b"), "a\\.b");
	ck_assert_str_eq(translated("[_x]_"), "[_x](?:^|$|[ ,{}()])");
	/* A backslash in a bracket is a member (POSIX): doubled for PCRE. */
	ck_assert_str_eq(translated("[\\.]a\\.[^\\]"),
	    "[\\\\.]a\\.[^\\\\]");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "[\\]", "a\\b\nab\n"),
	    "a\\b\n");
	ck_assert_str_eq(translated("[]_]"), "[]_]");
	ck_assert_str_eq(translated("[[:alpha:]_]"), "[[:alpha:]_]");

	ck_assert_str_eq(filtered(FILTER_INCLUDE, "_100_",
	    "as 100 200\n(100)\n1000\n100\n{100,200}\nx100\n"),
	    "as 100 200\n(100)\n100\n{100,200}\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "\\_", "a_b\na b\n"),
	    "a_b\n");
	ck_assert_str_eq(filtered(FILTER_INCLUDE, "caps|ident",
	    "capsule\nidentity\nother\n"), "capsule\nidentity\n");
}
END_TEST

static const char *
words(uint64_t ms)
{
	static struct strbuf	sb;

	strbuf_free(&sb);
	uptime_words(ms, &sb);
	return sb.sb_buf;
}

static const char *
compact(uint64_t ms)
{
	static struct strbuf	sb;

	strbuf_free(&sb);
	uptime_compact(ms, &sb);
	return sb.sb_buf;
}

#define MIN	60000ULL
#define HOUR	(60 * MIN)
#define DAY	(24 * HOUR)
#define WEEK	(7 * DAY)
#define YEAR	(365 * DAY)

START_TEST(test_uptime)
{
	ck_assert_str_eq(words(0), "0 minutes");
	ck_assert_str_eq(words(59999), "0 minutes");
	ck_assert_str_eq(words(MIN), "1 minute");
	ck_assert_str_eq(words(2 * HOUR + 5 * MIN), "2 hours, 5 minutes");
	ck_assert_str_eq(words(HOUR), "1 hour, 0 minutes");
	ck_assert_str_eq(words(3 * DAY + 2 * HOUR + MIN),
	    "3 days, 2 hours, 1 minute");
	ck_assert_str_eq(words(WEEK + DAY), "1 week, 1 day, 0 minutes");
	ck_assert_str_eq(words(2 * YEAR + 3 * WEEK + 4 * DAY + 5 * HOUR +
	    6 * MIN), "2 years, 3 weeks, 4 days, 5 hours, 6 minutes");

	ck_assert_str_eq(compact(0), "00:00:00");
	ck_assert_str_eq(compact(42000), "00:00:42");
	ck_assert_str_eq(compact(23 * HOUR + 59 * MIN + 59000), "23:59:59");
	ck_assert_str_eq(compact(DAY + 2 * HOUR), "1d02h");
	ck_assert_str_eq(compact(6 * DAY + 23 * HOUR), "6d23h");
	ck_assert_str_eq(compact(WEEK + 2 * DAY + 5 * HOUR), "1w2d");
}
END_TEST

static const char *
stamp(const struct log_ts *ts, uint64_t up)
{
	static struct strbuf	sb;

	strbuf_free(&sb);
	log_stamp(ts, up, FX_EPOCH_MS, &sb);
	return sb.sb_buf;
}

START_TEST(test_log_stamps)
{
	struct log_ts	ts;

	log_ts_default(&ts);
	ck_assert_str_eq(stamp(&ts, 42000), "00:00:42: ");
	ck_assert_str_eq(stamp(&ts, DAY + 2 * HOUR), "1d02h: ");
	ck_assert_str_eq(stamp(&ts, WEEK + 2 * DAY), "1w2d: ");
	ts.lt_datetime = true;
	ck_assert_str_eq(stamp(&ts, 0), "*Nov 14 22:13:20: ");
	ts.lt_msec = true;
	ck_assert_str_eq(stamp(&ts, 0), "*Nov 14 22:13:20.123: ");
	ts.lt_show_tz = true;
	ck_assert_str_eq(stamp(&ts, 0), "*Nov 14 22:13:20.123 UTC: ");
	ts.lt_year = true;
	ck_assert_str_eq(stamp(&ts, 0), "*Nov 14 2023 22:13:20.123 UTC: ");
	ts.lt_on = false;
	ck_assert_str_eq(stamp(&ts, 0), "");

	/* Through the configuration and a session's console. */
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "service timestamps log datetime msec");
	ck_assert_str_eq(fx_run(&fx, "end"),
	    "*Nov 14 22:13:20.123: %SYS-5-CONFIG_I: "
	    "Configured from console by console\n");
	strbuf_reset(&fx.fx_out);
	log_debug(&fx.fx_rt, "ISAKMP: %s", "ok");
	ck_assert_str_eq(fx.fx_out.sb_buf, "00:00:00: ISAKMP: ok\n");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "service timestamps debug datetime year");
	fx_run(&fx, "no service timestamps log");
	ck_assert_str_eq(fx_run(&fx, "end"),
	    "%SYS-5-CONFIG_I: Configured from console by console\n");
	strbuf_reset(&fx.fx_out);
	log_debug(&fx.fx_rt, "x");
	ck_assert_str_eq(fx.fx_out.sb_buf, "*Nov 14 2023 22:13:20: x\n");
}
END_TEST

/* A space pasted from a web page (U+00A0, U+3000) is a space; a line
 * without one runs as typed (session_execute copies only the former). */
START_TEST(test_unicode_space)
{
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	ck_assert_str_eq(fx_run(&fx, "hostname\xc2\xa0R2"), "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R2");
	ck_assert_str_eq(fx_run(&fx, "hostname\xe3\x80\x80R3"), "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R3");
	ck_assert_str_eq(fx_run(&fx, "hostname R4"), "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R4");
	/* One in the last bytes after whole 8-byte blocks of ASCII, at the
	 * line's very end, and a line of two whole blocks. */
	ck_assert_str_eq(fx_run(&fx, "hostname        \xe3\x80\x80R5"), "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R5");
	ck_assert_str_eq(fx_run(&fx, "hostname R6\xe3\x80\x80"), "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R6");
	ck_assert_str_eq(fx_run(&fx, "hostname      R7"), "");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "R7");
}
END_TEST

START_TEST(test_hostname)
{
	char	name[80];

	ck_assert(router_hostname_valid("R1"));
	ck_assert(router_hostname_valid("core-rtr-01"));
	ck_assert(!router_hostname_valid(""));
	ck_assert(!router_hostname_valid("1R"));
	ck_assert(!router_hostname_valid("-R"));
	/* IOS 15.7 and IOS-XE 16.4 captures carry `hostname d3_pe`. */
	ck_assert(router_hostname_valid("a_b"));
	ck_assert(!router_hostname_valid("a.b"));
	memset(name, 'a', 63);
	name[63] = '\0';
	ck_assert(router_hostname_valid(name));
	name[63] = 'a';
	name[64] = '\0';
	ck_assert(!router_hostname_valid(name));

	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	ck_assert_str_eq(fx_run(&fx, "hostname a.b"),
	    "% Hostname contains one or more illegal characters.\n");
	ck_assert_str_eq(fx.fx_rt.r_hostname, "Router");
}
END_TEST

START_TEST(test_history)
{
	int	i;
	char	line[32];

	fx_run(&fx, "show history");
	ck_assert_str_eq(fx_run(&fx, "show  history  "),
	    "  show history\n  show  history\n");
	fx_run(&fx, "! a comment");
	for (i = 0; i < 12; i++) {
		snprintf(line, sizeof(line), "terminal width %d", 80 + i);
		fx_run(&fx, line);
	}
	/* IOS keeps the last 10 lines. */
	ck_assert_uint_eq(fx.fx_sess->s_nhist, 10);
	ck_assert_str_eq(fx.fx_sess->s_hist[9], "terminal width 91");
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "no ip domain-lookup");
	ck_assert_str_eq(fx_run(&fx, "do show history"),
	    "  no ip domain-lookup\n  do show history\n");
}
END_TEST

/* --- the line memo (parser/cmd_memo.c) against the walk ------------- */

/* A small seeded generator (xorshift64*): the same lines every run. */
static uint64_t
rnd(uint64_t *st)
{
	*st ^= *st >> 12;
	*st ^= *st << 25;
	*st ^= *st >> 27;
	return *st * 0x2545f4914f6cdd1dull;
}

static unsigned
rndn(uint64_t *st, unsigned n)
{
	return (unsigned)(rnd(st) % n);
}

/* An IPv4 word from VAL: mostly valid addresses (other values each
 * time), sometimes a near miss. */
static void
gen_ip4(struct strbuf *sb, uint64_t *val, bool valid)
{
	static const char *const bad[] = { "1.2.3", "256.1.1.1", "01.2.3.4",
	    "1.2.3.4.5", "1..2.3", "1.2.3.4/24", "10.0.0.x" };

	if (valid)
		strbuf_printf(sb, "%u.%u.%u.%u", rndn(val, 256), rndn(val, 256),
		    rndn(val, 256), rndn(val, 256));
	else
		strbuf_puts(sb, bad[rndn(val, sizeof(bad) / sizeof(bad[0]))]);
}

/*
 * Expand the syntax at *S (up to a closing ')' ']' or '|' at its level)
 * into SB: a random alternative of each group, keywords whole or
 * abbreviated or in capitals, typed tokens given values.  ST decides the
 * line's shape, VAL the addresses, WORDs and numbers: the same ST with
 * another VAL gives a line of the same shape with other addresses, names
 * and numbers, which the memo must answer as the walk does.
 */
static void
gen_seq(const char **s, struct strbuf *sb, uint64_t *st, uint64_t *val)
{
	static const char *const words[] = { "x", "ip", "no", "1", "a.b",
	    "Loopback0", "ACL1", "host", "any", "10.1.1.1", "permit" };
	char		 tok[128];
	size_t		 n;
	unsigned long long lo, hi;

	for (;;) {
		while (**s == ' ')
			(*s)++;
		if (**s == '\0' || **s == ')' || **s == ']' || **s == '|')
			return;
		if (**s == '(' || **s == '[') {
			char		 close = **s == '(' ? ')' : ']';
			struct strbuf	 alt[32];
			size_t		 na = 0, i, pick;

			(*s)++;
			for (;;) {
				strbuf_init(&alt[na]);
				gen_seq(s, &alt[na], st, val);
				if (na < 31)
					na++;
				else
					strbuf_free(&alt[na]);
				if (**s == '|') {
					(*s)++;
					continue;
				}
				if (**s == close)
					(*s)++;
				break;
			}
			pick = rndn(st, (unsigned)na + (close == ']'));
			if (pick < na && alt[pick].sb_len > 0) {
				if (sb->sb_len > 0)
					strbuf_putc(sb, ' ');
				strbuf_puts(sb, alt[pick].sb_buf);
			}
			for (i = 0; i < na; i++)
				strbuf_free(&alt[i]);
			continue;
		}
		for (n = 0; **s != '\0' && **s != ' ' && **s != ')' &&
		    **s != ']' && !(**s == '|' && (n == 0 || tok[n - 1] !=
		    '\\')); (*s)++)
			if (n < sizeof(tok) - 1)
				tok[n++] = **s;
		tok[n] = '\0';
		if (strchr(tok, '$') != NULL)
			*strchr(tok, '$') = '\0';
		if (sb->sb_len > 0)
			strbuf_putc(sb, ' ');
		if (strcmp(tok, "\\|") == 0)
			strbuf_putc(sb, '|');
		else if (tok[0] == '<' && sscanf(tok, "<%llu-%llu>", &lo,
		    &hi) == 2)
			/* The number from VAL: lines of one shape with
			 * other numbers (the memo's free numbers). */
			strbuf_printf(sb, "%llu", rndn(st, 8) == 0 ? hi + 1 :
			    lo + rnd(val) % (hi - lo + 1));
		else if (strcmp(tok, "A.B.C.D") == 0)
			gen_ip4(sb, val, rndn(st, 10) != 0);
		else if (strcmp(tok, "A.B.C.D/M") == 0) {
			gen_ip4(sb, val, true);
			strbuf_printf(sb, "/%u", rndn(st, 34));
		} else if (strcmp(tok, "X:X:X:X::X") == 0)
			strbuf_puts(sb, rndn(st, 2) ? "2001:db8::1" : "1.2.3.4");
		else if (strncmp(tok, "X:X:X:X::X/", 11) == 0)
			strbuf_puts(sb, "2001:db8::/64");
		else if (strcmp(tok, "H.H.H") == 0)
			strbuf_puts(sb, rndn(st, 2) ? "0011.2233.4455" :
			    "1.2.3.4");
		else if (strcmp(tok, "WORD") == 0)
			/* From VAL too (the memo's free words). */
			strbuf_puts(sb, words[rndn(val, sizeof(words) /
			    sizeof(words[0]))]);
		else if (strcmp(tok, "LINE") == 0)
			strbuf_puts(sb, rndn(st, 2) ? "some text  here " :
			    "1.2.3.4");
		else {
			/* A keyword: whole, a prefix, or in capitals. */
			switch (rndn(st, 4)) {
			case 0:
				tok[1 + rndn(st, (unsigned)n)] = '\0';
				break;
			case 1:
				for (n = 0; tok[n] != '\0'; n++)
					if (tok[n] >= 'a' && tok[n] <= 'z')
						tok[n] = (char)(tok[n] - 32);
				break;
			}
			strbuf_puts(sb, tok);
		}
	}
}

/* Everything a match answers, as text. */
static char *
match_text(const struct cmd_match *m)
{
	struct strbuf	sb;
	size_t		i;

	strbuf_init(&sb);
	strbuf_printf(&sb, "%d err %zu/%zu words %zu def %s set %s pfx %u",
	    (int)m->cm_status, m->cm_err_off, m->cm_err_word, m->cm_nwords,
	    m->cm_def ? m->cm_def->cd_syntax : "-",
	    m->cm_set ? cmd_set_name(m->cm_set) : "-", m->cm_a.as_prefixes);
	if (m->cm_status == CMD_MATCH_OK) {
		strbuf_printf(&sb, " data %p tail %d", m->cm_a.as_data,
		    m->cm_tail);
		for (i = 0; i < m->cm_a.as_n; i++) {
			const struct cmd_arg *a = &m->cm_a.as_v[i];

			strbuf_printf(&sb, " [%s=%s@%zu k%d t%d i%d:%u]",
			    a->ca_name, a->ca_value, a->ca_off, a->ca_keyword,
			    a->ca_tail, a->ca_ip4ok, a->ca_ip4ok ? a->ca_ip4 :
			    0);
		}
	}
	return strbuf_steal(&sb);
}

/* The handlers' questions answered by as_names as by reading every
 * argument: each name bound (each of its values), and names that are
 * not. */
static void
names_check(const struct cmd_args *a)
{
	static const char *const absent[] = { "", "x", "src", "srcaddr",
	    "log", "log-input", "established", "seq", "dst", "LINE", "no" };
	static struct cmd_args	 plain;
	const char		*name;
	uint32_t		 v1, v2;
	bool			 ok1, ok2;
	size_t			 i;
	unsigned		 n;

	plain = *a;
	plain.as_names = 0;
	for (i = 0; i < a->as_n + sizeof(absent) / sizeof(absent[0]); i++) {
		name = i < a->as_n ? a->as_v[i].ca_name : absent[i - a->as_n];
		for (n = 0; n < 3; n++)
			ck_assert_ptr_eq(cmd_arg_nth(a, name, n),
			    cmd_arg_nth(&plain, name, n));
		ck_assert_uint_eq(cmd_arg_off(a, name), cmd_arg_off(&plain,
		    name));
		v1 = v2 = 7;
		ok1 = cmd_arg_ip4(a, name, &v1);
		ok2 = cmd_arg_ip4(&plain, name, &v2);
		ck_assert(ok1 == ok2 && v1 == v2);
	}
}

/* LINE on SET: the memo's answer (asked twice: the second is surely
 * kept, unless another shape took its slot) equals the walk's. */
static unsigned
memo_check(const struct cmd_set *set, const char *line)
{
	struct cmd_match	 m;
	char			*want, *got;
	unsigned		 ok, round;

	cmd_match_walk(set, line, &m);
	want = match_text(&m);
	ok = m.cm_status == CMD_MATCH_OK;
	cmd_match_free(&m);
	for (round = 0; round < 2; round++) {
		cmd_match(set, line, &m);
		got = match_text(&m);
		if (m.cm_status == CMD_MATCH_OK)
			names_check(&m.cm_a);
		cmd_match_free(&m);
		ck_assert_msg(strcmp(got, want) == 0, "%s: \"%s\": memo %s, "
		    "walk %s", cmd_set_name(set), line, got, want);
		free(got);
	}
	free(want);
	return ok;
}

/*
 * Every command of every mode, expanded at random 6 times, each shape
 * with 3 sets of addresses in turn, and random mutations of it (a word
 * dropped, a stray word added), on the mode's set and its "no" set; then
 * seeded lines of random words.  Every answer of cmd_match — status,
 * caret, command, arguments with their values, offsets and IPv4 values —
 * must be the walk's, exactly, and a handler's name lookups the same
 * with as_names as without.  Many of them come from the memo: the
 * test counts the matches and fails if too few lines matched for it to
 * mean anything.
 */
START_TEST(test_line_memo)
{
	static const char *const soup[] = { "ip", "route", "permit", "deny",
	    "host", "any", "10.0.0.1", "255.255.255.0", "0.0.0.255", "1.2.3",
	    "no", "do", "crypto", "map", "VPN", "10", "set", "peer", "ipsec-isakmp",
	    "access-list", "interface", "Loopback1", "description", "x", "|",
	    "include", "sh", "show", "version", "eq", "80", "tcp", "log",
	    "address", "key", "k1", "default", "1.1.1.1", "i", "p", "258.1.1.1",
	    "10.0.0.01", "1.1.1.256", "1.2.3.4.5", "9.99.199.255", "1.1.1.1x" };
	const struct mode_info	*mi;
	const struct cmd_set	*sets[2];
	struct strbuf		 line, mut;
	uint64_t		 st, val, seed = 0x7422a;
	unsigned		 matched = 0, lines = 0, v, rep;
	size_t			 i, t, k, si, w;
	const char		*s;

	for (i = 0; i < MODE_MAX; i++) {
		mi = mode_info((mode_id)i);
		if (mi->mi_name == NULL)
			continue;
		sets[0] = fx.fx_rt.r_sets[i];
		sets[1] = fx.fx_rt.r_neg_sets[i];
		for (t = 0; mi->mi_tables[t] != NULL; t++)
		for (k = 0; k < mi->mi_tables[t]->ct_n; k++)
		for (rep = 0; rep < 6; rep++) {
			st = ++seed * 0x9e3779b97f4a7c15ull;
			for (v = 0; v < 3; v++) {
				uint64_t	shape = st;

				val = seed * 31 + v + 1;
				strbuf_init(&line);
				s = mi->mi_tables[t]->ct_defs[k].cd_syntax;
				gen_seq(&s, &line, &shape, &val);
				for (si = 0; si < 2; si++) {
					if (sets[si] == NULL)
						continue;
					matched += memo_check(sets[si],
					    line.sb_buf);
					lines++;
				}
				/* A mutation: the line less its last word, or
				 * with a word of the soup appended. */
				strbuf_init(&mut);
				strbuf_puts(&mut, line.sb_buf);
				if (rndn(&shape, 2) && strrchr(mut.sb_buf, ' '))
					*strrchr(mut.sb_buf, ' ') = '\0';
				else
					strbuf_printf(&mut, " %s", soup[rndn(
					    &shape, sizeof(soup) /
					    sizeof(soup[0]))]);
				matched += memo_check(sets[0], mut.sb_buf);
				lines++;
				strbuf_free(&mut);
				strbuf_free(&line);
			}
		}
	}
	/* Random words: the same seeded soup on the configuration modes. */
	st = 0x5eed;
	for (i = 0; i < 20000; i++) {
		size_t	n = 1 + rndn(&st, 7);

		strbuf_init(&line);
		for (w = 0; w < n; w++)
			strbuf_printf(&line, "%s%s", w ? " " : "",
			    soup[rndn(&st, sizeof(soup) / sizeof(soup[0]))]);
		si = rndn(&st, 4) == 0 ? MODE_CONFIG_EXT_NACL : MODE_CONFIG;
		matched += memo_check(fx.fx_rt.r_sets[si], line.sb_buf);
		matched += memo_check(fx.fx_rt.r_neg_sets[si], line.sb_buf);
		lines += 2;
		strbuf_free(&line);
	}
	ck_assert_msg(matched > lines / 10, "only %u of %u lines matched",
	    matched, lines);
}
END_TEST

static Suite *
shell_suite(void)
{
	Suite	*s = suite_create("shell");
	TCase	*tc = tcase_create("shell");

	/* Each case builds routers (about a CPU second under ASan): Check's
	 * 4 s default failed them in a loaded `make -j distcheck`. */
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_prompts);
	tcase_add_test(tc, test_every_mode_builds);
	tcase_add_test(tc, test_caret);
	tcase_add_test(tc, test_messages);
	tcase_add_test(tc, test_modes_and_prefixes);
	tcase_add_test(tc, test_help);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_regex_bounded);
	tcase_add_test(tc, test_regex);
	tcase_add_test(tc, test_uptime);
	tcase_add_test(tc, test_log_stamps);
	tcase_add_test(tc, test_hostname);
	tcase_add_test(tc, test_unicode_space);
	tcase_add_test(tc, test_history);
	suite_add_tcase(s, tc);
	/* The memo against the walk over every command's shapes: ~19 CPU
	 * seconds under ASan alone, so 30 s timed out in a loaded `make -j
	 * distcheck` (stop 23's CI). */
	tc = tcase_create("memo");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_line_memo);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(shell_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
