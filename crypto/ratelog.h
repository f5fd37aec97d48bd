/*
 * ratelog: one message per interval, the rest counted.  IOS rate-limits
 * its per-packet crypto messages (%CRYPTO-4-PKT_REPLAY_ERR once a minute,
 * as Cisco TAC says on community.cisco.com, "this particular message is
 * rate-limited to 1 per minute"), so a flood of bad ESP cannot flood a
 * monitoring vty or the log buffer.
 */
#ifndef CRYPTO_RATELOG_H
#define CRYPTO_RATELOG_H

#include <stdbool.h>
#include <stdint.h>

#define RATELOG_INTERVAL_MS	60000u	/* IOS: one a minute */

struct ratelog {
	uint64_t	rl_next_ms;	/* first time the next may print */
	bool		rl_armed;	/* has printed once */
	uint64_t	rl_logged;	/* messages printed */
	uint64_t	rl_suppressed;	/* messages not printed */
};

/* True when a message may be printed now; counts it either way. */
bool	ratelog_ok(struct ratelog *, uint64_t now_ms);

#endif
