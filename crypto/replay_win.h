/*
 * replay_win: the anti-replay window of one inbound SA (RFC 4303 §3.4.3
 * and Appendix A, RFC 4302 §3.4.3 for AH, the same algorithm): 64
 * packets by default or, as configured, a power of two up to 1024, or
 * none.  The bitmap is a ring indexed by sequence number modulo the
 * window, as RFC 6479 §2 does.  ESP (esp.c) and AH (ah.c) each keep one.
 */
#ifndef IOSH_CRYPTO_REPLAY_WIN_H
#define IOSH_CRYPTO_REPLAY_WIN_H

#include <stdbool.h>
#include <stdint.h>

#define REPLAY_WIN_DEFAULT	64
#define REPLAY_WIN_MAX		1024
#define REPLAY_WIN_OFF		(-1)

struct replay_win {
	uint32_t	rw_top;		/* highest received and verified */
	unsigned	rw_size;	/* 0: no checking */
	/* Bit s % rw_size: sequence s (within the window) was received. */
	uint64_t	rw_bits[REPLAY_WIN_MAX / 64];
};

/* CONF: 0 the default, REPLAY_WIN_OFF, or 64..1024 a power of two
 * (`crypto ipsec security-association replay window-size N|disable`).
 * -1 for any other value. */
int	replay_win_init(struct replay_win *, int conf);
/* Whether SEQ may be accepted: not 0, not left of the window, not seen. */
bool	replay_win_ok(const struct replay_win *, uint32_t seq);
/* Record SEQ, verified, in the window. */
void	replay_win_update(struct replay_win *, uint32_t seq);

#endif
