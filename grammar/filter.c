/*
 * filter: the output modifiers IOS accepts after any show command
 * ("show version | include uptime").  The parser appends this tail to
 * every exec command flagged CMD_FILTER; shell/filter.c applies it.
 */
#include "grammar/modes.h"

const struct cmd_def filter_tail = {
	"\\| (begin|count|exclude|include|section) LINE",
	"Output modifiers\n"
	"Begin with the line that matches\n"
	"Count number of lines which match regexp\n"
	"Exclude lines that match\n"
	"Include lines that match\n"
	"Filter a section of output\n"
	"Regular Expression",
	NULL, 0
};
