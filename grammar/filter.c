/*
 * filter: the output modifiers IOS accepts after any show command
 * ("show version | include uptime").  The parser appends this tail to
 * every exec command flagged CMD_FILTER; shell/filter.c applies it.
 */
#include "grammar/modes.h"

const struct cmd_def filter_tail = {
	"\\| (append|begin|count|exclude|include|redirect|section|tee) LINE",
	"Output modifiers\n"
	"Append redirected output to URL (URLs supporting append operation "
	"only)\n"
	"Begin with the line that matches\n"
	"Count number of lines which match regexp\n"
	"Exclude lines that match\n"
	"Include lines that match\n"
	"Redirect output to URL\n"
	"Filter a section of output\n"
	"Copy output to URL\n"
	"Regular Expression or URL",
	NULL, 0
};
