/*
 * startup: the router's startup-config — saving the running configuration
 * to it, loading it at start and at `reload` as IOS does at boot (quietly,
 * only what goes wrong reported), and whether running differs from it.
 */
#ifndef IOSH_SHELL_STARTUP_H
#define IOSH_SHELL_STARTUP_H

#include <stdbool.h>
#include <stdio.h>

#include "lib/strbuf.h"

struct router;

/*
 * Run TEXT as configuration commands in a session of its own, up to its
 * `end`.  Each line that printed anything is appended to REPORT after the
 * prompt it was typed at, followed by what it printed (an error's caret
 * lands under the word).
 */
void	startup_apply(struct router *, const char *text, struct strbuf *report);
/* Load the startup-config, if there is one: 0, or -1 (errno) when it
 * cannot be read (REPORT says so). */
int	startup_load(struct router *, struct strbuf *report);
/* The same, the report written to FP as the lines run. */
int	startup_load_to(struct router *, FILE *);
/* Private NVRAM (DIR/private-config, mode 0600): the type 6 master key,
 * which IOS keeps out of every configuration.  Save MASTER there (NULL:
 * remove it) — the system's sy_private_save hook; load it back into the
 * system at start (startup_load does, before the startup-config). */
bool	startup_private_save(void *router, const char *master);
/* The master key wiped (router_free). */
void	startup_private_free(struct router *);
/* Save the running configuration as nvram:NAME: 0, or -1 (errno). */
int	startup_save(struct router *, const char *name);
/* Whether the running configuration differs from what a reload restores. */
bool	startup_modified(struct router *);
/* `reload` in the process: the configuration freed, rebuilt from IOS
 * defaults and the startup-config; every session back in user exec. */
void	startup_reload(struct router *, struct strbuf *report);

#endif
