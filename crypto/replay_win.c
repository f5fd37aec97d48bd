/*
 * replay_win: the sliding anti-replay window (replay_win.h).
 */
#include <string.h>

#include "crypto/replay_win.h"

#define WBIT(w, s)	((w)->rw_bits[((s) % (w)->rw_size) / 64])
#define WMASK(s)	((uint64_t)1 << ((s) % 64))

int
replay_win_init(struct replay_win *w, int conf)
{
	memset(w, 0, sizeof(*w));
	/* A window IOS offers: 64, 128, 256, 512 or 1024. */
	if (conf != 0 && conf != REPLAY_WIN_OFF && (conf < 64 ||
	    conf > REPLAY_WIN_MAX || (conf & (conf - 1)) != 0))
		return -1;
	w->rw_size = conf == 0 ? REPLAY_WIN_DEFAULT :
	    conf == REPLAY_WIN_OFF ? 0 : (unsigned)conf;
	return 0;
}

bool
replay_win_ok(const struct replay_win *w, uint32_t seq)
{
	if (seq == 0)
		return false;
	if (seq > w->rw_top)
		return true;
	if (w->rw_top - seq >= w->rw_size)
		return false;
	return (WBIT(w, seq) & WMASK(seq)) == 0;
}

/* A new right edge first forgets the sequence numbers that now fall out
 * on the left. */
void
replay_win_update(struct replay_win *w, uint32_t seq)
{
	uint32_t	s;

	if (seq > w->rw_top) {
		if (seq - w->rw_top >= w->rw_size)
			memset(w->rw_bits, 0, sizeof(w->rw_bits));
		else
			for (s = w->rw_top + 1; s != seq; s++)
				WBIT(w, s) &= ~WMASK(s);
		w->rw_top = seq;
		WBIT(w, seq) &= ~WMASK(seq);
	}
	WBIT(w, seq) |= WMASK(seq);
}
