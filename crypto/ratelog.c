/* ratelog: see ratelog.h. */
#include "crypto/ratelog.h"

bool
ratelog_ok(struct ratelog *rl, uint64_t now_ms)
{
	if (rl->rl_armed && now_ms < rl->rl_next_ms) {
		rl->rl_suppressed++;
		return false;
	}
	rl->rl_armed = true;
	rl->rl_next_ms = now_ms + RATELOG_INTERVAL_MS;
	rl->rl_logged++;
	return true;
}
