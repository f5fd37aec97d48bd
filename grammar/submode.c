/*
 * submode: what every configuration mode has besides its own commands:
 * `end`, and the prefixes "no", "default" and "do".  Each mode's `exit` is
 * worded for that mode, so it lives in its row of grammar/modes.c.
 */
#include "grammar/modes.h"
#include "shell/cmds.h"

static const struct cmd_def submode_defs[] = {
	{ "end",
	  "Exit from configure mode",
	  cmd_end, 0 },
};

const struct cmd_table submode_table = CMD_TABLE(submode_defs);
const struct cmd_table empty_table = { NULL, 0 };

const struct mode_prefix config_prefixes[] = {
	{ "no",		"Negate a command or set its defaults",	PFX_NO },
	{ "default",	"Set a command to its defaults",	PFX_DEFAULT },
	{ "do",		"To run exec commands in config mode",	PFX_DO },
};

const size_t config_nprefixes =
    sizeof(config_prefixes) / sizeof(config_prefixes[0]);
