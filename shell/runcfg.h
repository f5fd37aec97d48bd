/*
 * runcfg: the running configuration as text.  The shell walks the
 * sections of lib/nvgen.h in order and lets each owner render its part:
 * the shell itself (version, service, hostname, lines...), the stored
 * lines of grammar/passive.c, AAA and usernames, crypto, the dataplane.
 */
#ifndef IOSH_SHELL_RUNCFG_H
#define IOSH_SHELL_RUNCFG_H

#include "lib/nvgen.h"
#include "lib/strbuf.h"

struct router;

/* The whole configuration, from the first "!" to "end\n". */
void	runcfg_render(const struct router *, struct strbuf *);

/* The parts owned by the shell's other files. */
void	passive_nvgen(const struct router *, enum nv_section, struct strbuf *);
void	aaa_nvgen(const struct router *, enum nv_section, struct strbuf *);

#endif
