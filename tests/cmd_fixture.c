/*
 * cmd_fixture: the command engine's test grammar (exec and config sets of
 * its own, not the router's), shared by check_cmd (the walk's rules) and
 * check_memo (its memos answer as the walk does).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "tests/cmd_fixture.h"

int	ran;

int
fn(struct vty *v, const struct cmd_args *args)
{
	(void)v;
	(void)args;
	return ++ran;
}

const struct cmd_def exec_cmds[] = {
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

const struct cmd_def cfg_cmds[] = {
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

struct cmd_set	*ex, *cfg;
struct cmd_match	 m;
char		 err[256];

void
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

void
teardown(void)
{
	cmd_match_free(&m);
	cmd_set_free(ex);
	cmd_set_free(cfg);
}

/* Match LINE and return the status, keeping the result in m. */
enum cmd_status
M(const struct cmd_set *set, const char *line)
{
	cmd_match_free(&m);
	cmd_match(set, line, &m);
	return m.cm_status;
}

/* The `?` help for LINE rendered at WIDTH, or its error. */
char *
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
