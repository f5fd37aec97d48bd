/*
 * log: syslog-style messages and debug output to every session's console.
 * The stamp follows `service timestamps`: uptime by default, or the date
 * with a leading '*', which IOS uses for a clock no NTP server has set.
 */
#include <stdarg.h>
#include <time.h>

#include "lib/clock.h"
#include "shell/log.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/uptime.h"

void
log_ts_default(struct log_ts *ts)
{
	*ts = (struct log_ts){ .lt_on = true };
}

void
log_stamp(const struct log_ts *ts, uint64_t up_ms, int64_t wall_ms,
    struct strbuf *out)
{
	struct tm	 tm;
	time_t		 t;
	char		 buf[64];
	int64_t		 ms;

	if (!ts->lt_on)
		return;
	if (!ts->lt_datetime) {
		uptime_compact(up_ms, out);
		strbuf_puts(out, ": ");
		return;
	}
	t = (time_t)(wall_ms / 1000);
	ms = wall_ms % 1000;
	if (ms < 0) {
		t--;
		ms += 1000;
	}
	if (ts->lt_localtime)
		localtime_r(&t, &tm);
	else
		gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), ts->lt_year ? "*%b %e %Y %H:%M:%S" :
	    "*%b %e %H:%M:%S", &tm);
	strbuf_puts(out, buf);
	if (ts->lt_msec)
		strbuf_printf(out, ".%03d", (int)ms);
	if (ts->lt_show_tz) {
		if (ts->lt_localtime)
			strftime(buf, sizeof(buf), " %Z", &tm);
		strbuf_puts(out, ts->lt_localtime ? buf : " UTC");
	}
	strbuf_puts(out, ": ");
}

void
log_msg(struct router *r, const char *facility, int severity,
    const char *mnemonic, const char *fmt, ...)
{
	struct strbuf	 sb;
	va_list		 ap;

	strbuf_init(&sb);
	logging_seq(&r->r_logging, &sb);
	log_stamp(&r->r_ts_log, clock_mono_ms() - r->r_boot_ms,
	    clock_wall_ms(), &sb);
	strbuf_printf(&sb, "%%%s-%d-%s: ", facility, severity, mnemonic);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	strbuf_putc(&sb, '\n');
	logging_deliver(r, severity, &sb);
	strbuf_free(&sb);
}

void
log_debug(struct router *r, const char *fmt, ...)
{
	struct strbuf	 sb;
	va_list		 ap;

	strbuf_init(&sb);
	logging_seq(&r->r_logging, &sb);
	log_stamp(&r->r_ts_debug, clock_mono_ms() - r->r_boot_ms,
	    clock_wall_ms(), &sb);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	strbuf_putc(&sb, '\n');
	logging_deliver(r, LOG_LEVEL_DEBUG, &sb);
	strbuf_free(&sb);
}
