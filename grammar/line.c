/*
 * line: config-line commands (line console 0, line vty 0 4 ...), and the
 * argument-less forms IOS accepts after "no" or "default".
 */
#include "grammar/modes.h"
#include "shell/cmds.h"

#define NEG	(CMD_NO | CMD_DEFAULT)

static const struct cmd_def line_defs[] = {
	{ "exec-timeout <0-35791>$min [<0-2147483>$sec]",
	  "Set the EXEC timeout\n"
	  "Timeout in minutes\n"
	  "Timeout in seconds",
	  cmd_line_exec_timeout, NEG },
	{ "logging synchronous",
	  "Modify message logging facilities\n"
	  "Synchronized message output",
	  cmd_line_logging_sync, NEG },
	{ "password [0|7] LINE$pw",
	  "Set a password\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies a HIDDEN password will follow\n"
	  "The UNENCRYPTED (cleartext) line password",
	  cmd_line_password, NEG },
	{ "login [local]",
	  "Enable password checking\n"
	  "Local password checking",
	  cmd_line_login, NEG },
	{ "escape-character (<0-255>$char|break|default|none)",
	  "Change the current line's escape character\n"
	  "Escape character\n"
	  "Cause escape on BREAK\n"
	  "Use default escape character\n"
	  "Disable escape entirely",
	  cmd_line_escape, NEG },
	{ "stopbits (1|1.5|2)",
	  "Set async line stop bits\n"
	  "One stop bit\n"
	  "One and one-half stop bits\n"
	  "Two stop bits",
	  cmd_line_stopbits, NEG },
	{ "length <0-512>$lines",
	  "Set number of lines on a screen\n"
	  "Number of lines on screen (0 for no pausing)",
	  cmd_line_length, NEG },
	{ "width <0-512>$columns",
	  "Set width of the display terminal\n"
	  "Number of characters on a screen line",
	  cmd_line_width, NEG },
	{ "privilege level <0-15>$priv",
	  "Change privilege level for line\n"
	  "Assign default privilege level for line\n"
	  "Default privilege level for line",
	  cmd_line_privilege, NEG },
	{ "transport input (all|none|telnet|ssh)",
	  "Define transport protocols for line\n"
	  "Define which protocols to use when connecting to the terminal "
	  "server\n"
	  "All protocols\n"
	  "No protocols\n"
	  "TCP/IP Telnet protocol\n"
	  "TCP/IP SSH protocol",
	  cmd_line_transport, NEG },
};

static const struct cmd_def line_neg_defs[] = {
	{ "exec-timeout",
	  "Set the EXEC timeout",
	  cmd_line_exec_timeout, NEG },
	{ "password",
	  "Set a password",
	  cmd_line_password, NEG },
	{ "stopbits",
	  "Set async line stop bits",
	  cmd_line_stopbits, NEG },
	{ "length",
	  "Set number of lines on a screen",
	  cmd_line_length, NEG },
	{ "width",
	  "Set width of the display terminal",
	  cmd_line_width, NEG },
	{ "privilege level",
	  "Change privilege level for line\n"
	  "Assign default privilege level for line",
	  cmd_line_privilege, NEG },
	{ "escape-character",
	  "Change the current line's escape character",
	  cmd_line_escape, NEG },
	{ "transport input",
	  "Define transport protocols for line\n"
	  "Define which protocols to use when connecting to the terminal "
	  "server",
	  cmd_line_transport, NEG },
};

const struct cmd_table line_table = CMD_TABLE(line_defs);
const struct cmd_table line_neg_table = CMD_TABLE(line_neg_defs);
