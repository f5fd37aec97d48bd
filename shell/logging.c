/*
 * logging: the destinations of syslog and debug messages, as IOS keeps
 * them.  A message of severity S goes to a destination whose level is S or
 * higher: the console line (`logging console`, default debugging), every
 * vty with `terminal monitor` (`logging monitor`, default debugging), the
 * buffer (`logging buffered`, off on a router until configured, then 4096
 * bytes at debugging), and is counted against the trap level (`logging
 * trap`, default informational; iosh sends no syslog datagrams yet, so the
 * count is what `show logging` reports).  `no logging on` leaves only the
 * console, as IOS does.
 */
#include <string.h>

#include "lib/nvgen.h"
#include "shell/logging.h"
#include "shell/router.h"
#include "shell/session.h"

/* The level keywords, in severity order (0 emergencies .. 7 debugging). */
static const char *const levels[] = {
	"emergencies", "alerts", "critical", "errors", "warnings",
	"notifications", "informational", "debugging",
};

const char *
logging_level_name(unsigned level)
{
	return level < LOG_LEVEL_NONE ? levels[level] : NULL;
}

void
logging_init(struct logging *lg)
{
	memset(lg, 0, sizeof(*lg));
	lg->lg_on = true;
	lg->lg_console.ld_level = LOG_LEVEL_NONE;
	lg->lg_monitor.ld_level = LOG_LEVEL_NONE;
	lg->lg_buffered.ld_level = LOG_LEVEL_NONE;
	lg->lg_trap.ld_level = LOG_LEVEL_NONE;
	strbuf_init(&lg->lg_buf);
}

void
logging_free(struct logging *lg)
{
	strbuf_free(&lg->lg_buf);
}

unsigned
logging_level(const struct log_dest *d, unsigned dflt)
{
	return d->ld_level != LOG_LEVEL_NONE ? d->ld_level : dflt;
}

/* Whether destination D (on unless turned off, or off unless turned on)
 * takes a message of SEVERITY. */
static bool
dest_takes(const struct log_dest *d, bool on_by_default, int severity)
{
	bool	on = d->ld_state == LOGD_ON ||
	    (d->ld_state == LOGD_DEFAULT && on_by_default);

	return on && severity >= 0 &&
	    (unsigned)severity <= logging_level(d, LOG_LEVEL_DEBUG);
}

/* Append a message to the buffer, dropping the oldest whole lines that no
 * longer fit, as IOS's circular buffer does. */
static void
buffer_add(struct logging *lg, const struct strbuf *sb)
{
	size_t		 size = lg->lg_buf_size != 0 ? lg->lg_buf_size :
	    LOG_BUF_DEFAULT, cut = 0;
	const char	*nl;

	if (sb->sb_len > size)
		return;
	strbuf_add(&lg->lg_buf, sb->sb_buf, sb->sb_len);
	while (lg->lg_buf.sb_len - cut > size &&
	    (nl = memchr(lg->lg_buf.sb_buf + cut, '\n',
	    lg->lg_buf.sb_len - cut)) != NULL)
		cut = (size_t)(nl - lg->lg_buf.sb_buf) + 1;
	if (cut > 0) {
		memmove(lg->lg_buf.sb_buf, lg->lg_buf.sb_buf + cut,
		    lg->lg_buf.sb_len - cut + 1);
		lg->lg_buf.sb_len -= cut;
	}
}

void
logging_deliver(struct router *r, int severity, const struct strbuf *sb)
{
	struct logging	*lg = &r->r_logging;
	struct session	*s;
	bool		 con, mon;

	con = dest_takes(&lg->lg_console, true, severity);
	mon = lg->lg_on && dest_takes(&lg->lg_monitor, true, severity);
	lg->lg_console.ld_count += con;
	lg->lg_monitor.ld_count += mon;
	for (s = r->r_sessions; s != NULL; s = s->s_next)
		if (s->s_line == LINE_CON ? con : mon)
			s->s_ops->co_async(s->s_ops_arg, sb->sb_buf,
			    sb->sb_len);
	if (!lg->lg_on)
		return;
	if (dest_takes(&lg->lg_buffered, false, severity)) {
		lg->lg_buffered.ld_count++;
		buffer_add(lg, sb);
	}
	if (severity >= 0 && (unsigned)severity <= logging_level(&lg->lg_trap,
	    LOG_LEVEL_INFO))
		lg->lg_trap.ld_count++;
}

/* `logging X [LEVEL]` or `no logging X`, as it was configured. */
static void
dest_nvgen(const struct log_dest *d, const char *name, struct strbuf *sb)
{
	if (d->ld_state == LOGD_OFF)
		nv_line(sb, 0, "no logging %s", name);
	else if (d->ld_state == LOGD_ON && d->ld_level != LOG_LEVEL_NONE)
		nv_line(sb, 0, "logging %s %s", name,
		    logging_level_name(d->ld_level));
	else if (d->ld_state == LOGD_ON)
		nv_line(sb, 0, "logging %s", name);
}

void
logging_nvgen(const struct logging *lg, struct strbuf *sb)
{
	if (lg->lg_buffered.ld_state == LOGD_ON) {
		strbuf_puts(sb, "logging buffered");
		if (lg->lg_buf_size != 0)
			strbuf_printf(sb, " %u", lg->lg_buf_size);
		if (lg->lg_buffered.ld_level != LOG_LEVEL_NONE)
			strbuf_printf(sb, " %s",
			    logging_level_name(lg->lg_buffered.ld_level));
		strbuf_putc(sb, '\n');
	}
	dest_nvgen(&lg->lg_console, "console", sb);
	dest_nvgen(&lg->lg_monitor, "monitor", sb);
	if (!lg->lg_on)
		nv_line(sb, 0, "no logging on");
	if (lg->lg_trap.ld_state == LOGD_ON &&
	    lg->lg_trap.ld_level != LOG_LEVEL_NONE &&
	    lg->lg_trap.ld_level != LOG_LEVEL_INFO)
		nv_line(sb, 0, "logging trap %s",
		    logging_level_name(lg->lg_trap.ld_level));
}
