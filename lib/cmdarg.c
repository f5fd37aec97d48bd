/*
 * cmdarg: a handler's questions about its parsed line (see cmdarg.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cmdarg.h"
#include "lib/inet4.h"

/* The first argument that may be bound to NAME: as_n when none is. */
static inline size_t
name_from(const struct cmd_args *a, const char *name)
{
	unsigned	b;

	if (a->as_names == 0)
		return 0;
	b = cmd_name_bit(name);
	return a->as_names >> b & 1 ? a->as_first[b] : a->as_n;
}

/* strcmp(A, B) == 0 for the short names of arguments: a loop in place
 * costs less than the call (a dozen names asked a line, each against
 * every argument, many sharing a first byte: "src", "srcaddr"). */
static inline bool
name_eq(const char *a, const char *b)
{
	for (; *a == *b; a++, b++)
		if (*a == '\0')
			return true;
	return false;
}

const char *
cmd_arg_nth(const struct cmd_args *a, const char *name, unsigned n)
{
	size_t	i;

	/* Handlers ask a dozen names of a line, most absent, and strcmp of
	 * each against every argument was 7% of a configuration load. */
	for (i = name_from(a, name); i < a->as_n; i++)
		if (name_eq(a->as_v[i].ca_name, name) && n-- == 0)
			return a->as_v[i].ca_value;
	return NULL;
}

const char *
cmd_arg(const struct cmd_args *a, const char *name)
{
	return cmd_arg_nth(a, name, 0);
}

bool
cmd_arg_ip4(const struct cmd_args *a, const char *name, uint32_t *out)
{
	size_t	i;

	for (i = name_from(a, name); i < a->as_n; i++)
		if (name_eq(a->as_v[i].ca_name, name)) {
			if (!a->as_v[i].ca_ip4ok)
				return ip4_parse(a->as_v[i].ca_value, out);
			*out = a->as_v[i].ca_ip4;
			return true;
		}
	return false;
}

bool
cmd_has(const struct cmd_args *a, const char *name)
{
	return cmd_arg(a, name) != NULL;
}

unsigned long long
cmd_arg_num(const struct cmd_args *a, const char *name,
    unsigned long long dflt)
{
	const char	*v = cmd_arg(a, name);

	return v != NULL ? strtoull(v, NULL, 10) : dflt;
}

size_t
cmd_arg_off(const struct cmd_args *a, const char *name)
{
	size_t	i;

	for (i = name_from(a, name); i < a->as_n; i++)
		if (name_eq(a->as_v[i].ca_name, name))
			return a->as_v[i].ca_off;
	return 0;
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
