/*
 * cmdarg: a handler's questions about its parsed line (see cmdarg.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cmdarg.h"
#include "lib/inet4.h"

bool
cmd_arg_ip4_parse(const struct cmd_arg *a, uint32_t *out)
{
	return ip4_parse(a->ca_value, out);
}

bool
cmd_is_no(const struct cmd_args *a)
{
	return (a->as_prefixes & PFX_NO) != 0;
}

bool
cmd_is_default(const struct cmd_args *a)
{
	return (a->as_prefixes & PFX_DEFAULT) != 0;
}

bool
cmd_negated(const struct cmd_args *a)
{
	return (a->as_prefixes & (PFX_NO | PFX_DEFAULT)) != 0;
}

const void *
cmd_data(const struct cmd_args *a)
{
	return a->as_data;
}

void
cmd_args_canon(const struct cmd_args *a, struct strbuf *sb)
{
	size_t	i;
	bool	first = true;

	for (i = 0; i < a->as_n; i++) {
		if (a->as_v[i].ca_tail)
			continue;
		if (!first)
			strbuf_putc(sb, ' ');
		strbuf_puts(sb, a->as_v[i].ca_value);
		first = false;
	}
}

void
cmd_args_store(const struct cmd_args *a, char **slot)
{
	struct strbuf	line;

	free(*slot);
	*slot = NULL;
	if (cmd_negated(a))
		return;
	strbuf_init(&line);
	cmd_args_canon(a, &line);
	*slot = strbuf_steal(&line);
}
