/*
 * log: syslog and debug messages.
 *
 * Any subsystem reports an event with log_msg(); it is timestamped as
 * `service timestamps` says and handed to shell/logging.c, which sends it
 * to the destinations its settings allow (each session's console through
 * co_async, so it never corrupts a line being typed; the buffer).
 */
#ifndef IOSH_SHELL_LOG_H
#define IOSH_SHELL_LOG_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/strbuf.h"

struct router;

/* One `service timestamps (debug|log) ...` setting. */
struct log_ts {
	bool	lt_on;		/* off: `no service timestamps log` */
	bool	lt_datetime;	/* datetime rather than uptime */
	bool	lt_msec;
	bool	lt_localtime;	/* local time zone rather than UTC */
	bool	lt_show_tz;	/* append the zone name */
	bool	lt_year;
};

/* The IOS default: uptime. */
void	log_ts_default(struct log_ts *);
/*
 * Append the stamp for uptime UP_MS / wall time WALL_MS (ms since the
 * epoch) to OUT, with its ": " ("00:00:42: ", "*Nov 14 22:13:20.000: "),
 * or nothing when timestamps are off.
 */
void	log_stamp(const struct log_ts *, uint64_t up_ms, int64_t wall_ms,
	    struct strbuf *out);

/* A syslog message, e.g. log_msg(r, "SYS", 5, "CONFIG_I", "Configured from %s by %s", ...)
 * prints "<stamp>: %SYS-5-CONFIG_I: Configured from console by console". */
void	log_msg(struct router *, const char *facility, int severity,
	    const char *mnemonic, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* A debug message, stamped as `service timestamps debug` says. */
void	log_debug(struct router *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
