/*
 * login_block: IOS's `login block-for SECS attempts N within SECS` and
 * `login delay SECS` (global configuration).  Failed vty logins are
 * watched over a sliding window; N of them within the window start a
 * quiet period in which every new vty connection is refused, logged as
 * %SEC_LOGIN-1-QUIET_MODE_ON and, when it times out,
 * %SEC_LOGIN-5-QUIET_MODE_OFF.  Time is clock_mono_ms(), so tests run
 * it on a frozen clock.
 */
#ifndef IOSH_SHELL_LOGIN_BLOCK_H
#define IOSH_SHELL_LOGIN_BLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/strbuf.h"

struct router;
struct ev_timer;

struct login_block {
	unsigned	 lb_block;	/* block-for secs; 0: not configured */
	unsigned	 lb_attempts;
	unsigned	 lb_within;
	unsigned	 lb_delay;	/* `login delay`; 0: not configured */
	uint64_t	*lb_fail;	/* failure times (ms) in the window */
	unsigned	 lb_nfail;
	bool		 lb_quiet;
	struct ev_timer	*lb_timer;	/* ends the quiet period */
};

void	login_block_init(struct login_block *);
void	login_block_free(struct router *);
/* The delay (ms) between login attempts: `login delay`, or IOS's 1 s
 * default once `login block-for` is configured, else 0. */
unsigned	login_block_delay_ms(const struct login_block *);
/* Whether new vty connections are refused now. */
bool	login_block_quiet(const struct login_block *);
/* A failed vty login by USER from SOURCE to LOCALPORT. */
void	login_block_fail(struct router *, const char *user,
	    const char *source, unsigned localport);
void	login_block_nvgen(const struct login_block *, struct strbuf *);

#endif
