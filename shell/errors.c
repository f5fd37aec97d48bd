/*
 * errors: the exact text IOS prints for lines it cannot run.  The invalid
 * input caret is aligned under the echoed line, so its column is the
 * prompt length plus the offending word's offset.
 */
#include <string.h>

#include "shell/errors.h"

void
error_invalid(struct strbuf *out, size_t col)
{
	strbuf_pad(out, ' ', col);
	strbuf_puts(out, "^\n% Invalid input detected at '^' marker.\n\n");
}

void
error_incomplete(struct strbuf *out)
{
	strbuf_puts(out, "% Incomplete command.\n\n");
}

void
error_subcommands(struct strbuf *out, const char *keyword)
{
	strbuf_printf(out, "%% Type \"%s ?\" for a list of subcommands\n",
	    keyword);
}

void
error_ambiguous(struct strbuf *out, const char *line)
{
	size_t	len;

	while (*line == ' ' || *line == '\t')
		line++;
	len = strlen(line);
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	strbuf_puts(out, "% Ambiguous command:  \"");
	strbuf_add(out, line, len);
	strbuf_puts(out, "\"\n");
}

void
error_unknown_host(struct strbuf *out, const char *word, bool lookup)
{
	strbuf_printf(out, "Translating \"%s\"%s\n", word,
	    lookup ? "...domain server (255.255.255.255)" : "");
	strbuf_puts(out, "% Unknown command or computer name, or unable to "
	    "find computer address\n");
}

void
error_unrecognized(struct strbuf *out)
{
	strbuf_puts(out, "% Unrecognized command\n");
}
