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

/* NAME's bit in as_names, from its first, second and fourth bytes
 * (hashing the whole name per question cost more than the scan it
 * saves; "srcaddr" and "srcwild", asked of one line, differ in the
 * fourth). */
static inline unsigned
cmd_name_bit(const char *name)
{
	unsigned	h = (unsigned char)name[0];

	if (name[0] != '\0' && name[1] != '\0') {
		h = h * 7u + (unsigned char)name[1];
		if (name[2] != '\0')
			h = h * 7u + (unsigned char)name[3];
	}
	return h % 64;
}

/* A command's handler: CMD_SUCCESS, CMD_WARNING ... (lib/vty.h). */
typedef int	(*cmd_fn)(struct vty *, const struct cmd_args *);

/* The value bound to NAME; NULL when absent. */
const char	*cmd_arg(const struct cmd_args *, const char *name);
/* The N-th (0-based) value bound to NAME. */
const char	*cmd_arg_nth(const struct cmd_args *, const char *name,
		    unsigned n);
/* Whether NAME was matched (an optional keyword typed). */
bool		 cmd_has(const struct cmd_args *, const char *name);
/* The value bound to NAME as a number (the grammar checked its range). */
unsigned long long cmd_arg_num(const struct cmd_args *, const char *name,
		    unsigned long long dflt);
/* The IPv4 address bound to NAME into *OUT (host order); false when
 * absent or not an address.  The matcher has parsed the IPv4 tokens'
 * words already: this hands over its value, other words are parsed. */
bool		 cmd_arg_ip4(const struct cmd_args *, const char *name,
		    uint32_t *out);
/* Offset in the line of the word bound to NAME (0 when absent). */
size_t		 cmd_arg_off(const struct cmd_args *, const char *name);
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
