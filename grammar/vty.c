/*
 * vty: what the vty lines add — `terminal monitor` in privileged exec,
 * and the passwords `enable` asks for there: `enable secret` and `enable
 * password` in (config), with their forms after "no" (no argument).
 */
#include "grammar/modes.h"
#include "shell/cmds.h"

#define NEG	(CMD_NO | CMD_DEFAULT)
#define HELP_ENABLE	"Modify enable password parameters"
#define HELP_SECRET	"Assign the privileged level secret (MAX of 25 " \
			"characters)"
#define HELP_PASSWORD	"Assign the privileged level password (MAX of 25 " \
			"characters)"

static const struct cmd_def vty_exec_defs[] = {
	{ "terminal monitor",
	  "Set terminal line parameters\n"
	  "Copy debug output to the current terminal line",
	  cmd_terminal_monitor, 0 },
	{ "terminal no monitor",
	  "Set terminal line parameters\n"
	  "Negate a command or set its defaults\n"
	  "Copy debug output to the current terminal line",
	  cmd_terminal_monitor, 0 },
};

static const struct cmd_def enable_defs[] = {
	{ "enable secret [0|5] LINE$pw",
	  HELP_ENABLE "\n" HELP_SECRET "\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies a MD5 HASHED secret will follow\n"
	  "The UNENCRYPTED (cleartext) 'enable' secret",
	  cmd_enable_secret, NEG },
	{ "enable password [0|7] LINE$pw",
	  HELP_ENABLE "\n" HELP_PASSWORD "\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies a HIDDEN password will follow\n"
	  "The UNENCRYPTED (cleartext) 'enable' password",
	  cmd_enable_password, NEG },
};

static const struct cmd_def enable_neg_defs[] = {
	{ "enable secret",
	  HELP_ENABLE "\n" HELP_SECRET,
	  cmd_enable_secret, NEG },
	{ "enable password",
	  HELP_ENABLE "\n" HELP_PASSWORD,
	  cmd_enable_password, NEG },
};

const struct cmd_table vty_exec_table = CMD_TABLE(vty_exec_defs);
const struct cmd_table enable_table = CMD_TABLE(enable_defs);
const struct cmd_table enable_neg_table = CMD_TABLE(enable_neg_defs);
