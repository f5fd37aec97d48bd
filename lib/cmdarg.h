/*
 * cmdarg: the contract between the command engine and the handlers.
 *
 * A handler (in shell/, crypto/ or dataplane/) is given the parsed line as
 * a struct cmd_args and may ask of it only what this header offers: the
 * value bound to a name (as text or number), whether an optional keyword
 * was typed, where a word stood (for IOS's caret), the `no`/`default`
 * prefix, and the definition's own argument.  parser/ fills it; the
 * subsystems include this header and never the engine's (parser/cmd.h)
 * nor the command tables (grammar/).
 */
#ifndef IOSH_LIB_CMDARG_H
#define IOSH_LIB_CMDARG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"

struct vty;

/* Prefix keywords a line may start with (as_prefixes). */
#define PFX_NO		0x01	/* "no ..." */
#define PFX_DEFAULT	0x02	/* "default ..." */
#define PFX_DO		0x04	/* "do ..." from a configuration mode */

#define CMD_MAX_ARGS	64

/* One matched token. */
struct cmd_arg {
	const char	*ca_name;	/* $name, keyword, or type spelling */
	uint64_t	 ca_nkey;	/* cmd_name_key(ca_name) */
	const char	*ca_value;	/* full keyword, or the text typed */
	size_t		 ca_off;	/* offset of the word in the line */
	bool		 ca_keyword;	/* a keyword rather than a typed value */
	bool		 ca_tail;	/* matched by the set's tail (`| ...`) */
	bool		 ca_ip4ok;	/* an IPv4 token: ca_ip4 holds it */
	uint32_t	 ca_ip4;	/* host order, as ip4_parse gives it */
};

struct cmd_args {
	unsigned	 as_prefixes;	/* PFX_* */
	/* A bit per name bound (cmd_name_bit), 0: not known; per bit set,
	 * the first argument whose name has it.  A handler asks a dozen
	 * names of a line, most of them absent: the bit answers those
	 * without reading the arguments, and the index finds the others
	 * without reading those before. */
	uint64_t	 as_names;
	unsigned char	 as_first[64];
	const void	*as_data;	/* the command definition's own argument */
	size_t		 as_n;
	struct cmd_arg	 as_v[CMD_MAX_ARGS];	/* every token, in line order */
};

/* The questions below are inline even where the compiler would not
 * inline them (a handler of many questions), or a literal name's key is
 * computed at each question: 47 M instructions more for the bench's
 * configuration, for ~74 KB less text (of 870 KB). */
#define CMD_INLINE	static inline __attribute__((always_inline))

/*
 * NAME's key: its first 8 bytes (fewer, zero-padded, when it is shorter)
 * as a number, the first byte lowest.  Two names of fewer than 8 bytes
 * are equal exactly when their keys are; longer ones when their keys and
 * the bytes after the 8th are.  The handlers ask by literal names, and
 * for a literal the compiler folds this (and cmd_name_bit) to a
 * constant — byte by byte under the length, which it folds, where a
 * memcpy into the number it left as stores and a load — so that finding
 * a name costs a compare of one number per argument: comparing the names
 * byte by byte was ~40 M of the ~100 M instructions the handlers of a
 * 100,000-line configuration took.
 */
#define CMD_NAME_BYTE(name, n, i) \
	((n) > (i) ? (uint64_t)(unsigned char)(name)[i] << (8 * (i)) : 0)
CMD_INLINE uint64_t
cmd_name_key(const char *name)
{
	size_t	n = strlen(name);

	return CMD_NAME_BYTE(name, n, 0) | CMD_NAME_BYTE(name, n, 1) |
	    CMD_NAME_BYTE(name, n, 2) | CMD_NAME_BYTE(name, n, 3) |
	    CMD_NAME_BYTE(name, n, 4) | CMD_NAME_BYTE(name, n, 5) |
	    CMD_NAME_BYTE(name, n, 6) | CMD_NAME_BYTE(name, n, 7);
}

/* A name's bit in as_names, from its key (a constant for a literal). */
CMD_INLINE unsigned
cmd_name_bit(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 58);
}

/* A command's handler: CMD_SUCCESS, CMD_WARNING ... (lib/vty.h). */
typedef int	(*cmd_fn)(struct vty *, const struct cmd_args *);

/* The index of the first argument bound to NAME at or after FROM, as_n
 * when none; the name's length N and key K (cmd_name_key) given. */
CMD_INLINE size_t
cmd_arg_find(const struct cmd_args *a, const char *name, size_t n,
    uint64_t k, size_t from)
{
	size_t	i;

	for (i = from; i < a->as_n; i++)
		if (a->as_v[i].ca_nkey == k && (n < 8 ||
		    strcmp(a->as_v[i].ca_name + 8, name + 8) == 0))
			return i;
	return a->as_n;
}

/* The index of the first argument bound to NAME, as_n when none.  The
 * name's bit answers an absent name without reading the arguments, and
 * its first argument is where the search starts; inline, so that a
 * literal's length, key and bit are constants. */
CMD_INLINE size_t
cmd_arg_index(const struct cmd_args *a, const char *name)
{
	uint64_t	k = cmd_name_key(name);
	unsigned	b = cmd_name_bit(k);

	if (a->as_names == 0)	/* not known: every argument is read */
		return cmd_arg_find(a, name, strlen(name), k, 0);
	if (!(a->as_names >> b & 1))
		return a->as_n;
	return cmd_arg_find(a, name, strlen(name), k, a->as_first[b]);
}

/* The N-th (0-based) value bound to NAME; NULL when absent. */
CMD_INLINE const char *
cmd_arg_nth(const struct cmd_args *a, const char *name, unsigned n)
{
	size_t	i = cmd_arg_index(a, name);

	while (i < a->as_n && n-- > 0)
		i = cmd_arg_find(a, name, strlen(name), cmd_name_key(name),
		    i + 1);
	return i < a->as_n ? a->as_v[i].ca_value : NULL;
}

/* The value bound to NAME; NULL when absent. */
CMD_INLINE const char *
cmd_arg(const struct cmd_args *a, const char *name)
{
	size_t	i = cmd_arg_index(a, name);

	return i < a->as_n ? a->as_v[i].ca_value : NULL;
}

/* Whether NAME was matched (an optional keyword typed). */
CMD_INLINE bool
cmd_has(const struct cmd_args *a, const char *name)
{
	return cmd_arg_index(a, name) < a->as_n;
}

/* The value bound to NAME as a number (the grammar checked its range). */
CMD_INLINE unsigned long long
cmd_arg_num(const struct cmd_args *a, const char *name,
    unsigned long long dflt)
{
	size_t	i = cmd_arg_index(a, name);

	return i < a->as_n ? strtoull(a->as_v[i].ca_value, NULL, 10) : dflt;
}

/* The IPv4 address A's word spells into *OUT, for a word the matcher did
 * not take for an IPv4 token (cmd_arg_ip4's rare case). */
bool		 cmd_arg_ip4_parse(const struct cmd_arg *, uint32_t *out);

/* The IPv4 address bound to NAME into *OUT (host order); false when
 * absent or not an address.  The matcher has parsed the IPv4 tokens'
 * words already: this hands over its value, other words are parsed. */
CMD_INLINE bool
cmd_arg_ip4(const struct cmd_args *a, const char *name, uint32_t *out)
{
	size_t	i = cmd_arg_index(a, name);

	if (i == a->as_n)
		return false;
	if (!a->as_v[i].ca_ip4ok)
		return cmd_arg_ip4_parse(&a->as_v[i], out);
	*out = a->as_v[i].ca_ip4;
	return true;
}

/* Offset in the line of the word bound to NAME (0 when absent). */
CMD_INLINE size_t
cmd_arg_off(const struct cmd_args *a, const char *name)
{
	size_t	i = cmd_arg_index(a, name);

	return i < a->as_n ? a->as_v[i].ca_off : 0;
}

/* The line began with "no" / "default" / either (IOS treats most
 * commands' default form as their no form). */
bool		 cmd_is_no(const struct cmd_args *);
bool		 cmd_is_default(const struct cmd_args *);
bool		 cmd_negated(const struct cmd_args *);
/* The definition's own argument (cmd_def.cd_data). */
const void	*cmd_data(const struct cmd_args *);
/*
 * The line as IOS would store it: every matched token (prefixes such as
 * "no" included, the output-modifier tail excluded), keywords spelled out
 * in full, typed values as typed, separated by single spaces.
 */
void		 cmd_args_canon(const struct cmd_args *, struct strbuf *);
/* A stored line kept as IOS keeps it: *SLOT freed, then set to the
 * canonical line unless the line was negated (then NULL). */
void		 cmd_args_store(const struct cmd_args *, char **slot);

#endif
