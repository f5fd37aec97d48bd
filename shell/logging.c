/*
 * logging: the destinations of syslog and debug messages, as IOS keeps
 * them.  A message of severity S goes to a destination whose level is S or
 * higher: the console line (`logging console`, default debugging), every
 * vty with `terminal monitor` (`logging monitor`, default debugging), the
 * buffer (`logging buffered`, off on a router until configured, then 4096
 * bytes at debugging), and the syslog servers (`logging host`) when it is
 * at the trap level or below (`logging trap`, default informational).
 * `no logging on` leaves only the console, as IOS does.
 *
 * A syslog datagram is what IOS sends: "<PRI>N: " and the message as the
 * console shows it (its timestamp, "%FAC-SEV-MNEMONIC: text"), without the
 * newline; PRI is facility local7 (23) * 8 + severity, N the router's count
 * of message lines logged.  Datagrams are queued and sent from a timer of
 * the event loop (never from inside the dataplane's handling of the
 * packet that caused the message), a full queue counted as dropped.
 * Each leaves from the source interface's address
 * (`logging source-interface`) or the outgoing one, UDP source port 514 as
 * RFC 3164 section 2 recommends (IOS's own choice of source port is not
 * in the documents we have).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/xalloc.h"
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
	strbuf_init(&lg->lg_outq);
}

void
logging_free(struct logging *lg)
{
	strbuf_free(&lg->lg_buf);
	strbuf_free(&lg->lg_outq);
	if (lg->lg_flush != NULL)
		evloop_timer_cancel(lg->lg_loop, lg->lg_flush);
	lg->lg_flush = NULL;
	free(lg->lg_source_if);
	lg->lg_source_if = NULL;
}

bool
logging_host(struct logging *lg, uint32_t addr, uint16_t port, bool host_kw,
    bool remove)
{
	size_t	i;

	for (i = 0; i < lg->lg_nhosts; i++)
		if (lg->lg_hosts[i].lh_addr == addr)
			break;
	if (remove) {
		if (i < lg->lg_nhosts) {
			memmove(&lg->lg_hosts[i], &lg->lg_hosts[i + 1],
			    (lg->lg_nhosts - i - 1) * sizeof(lg->lg_hosts[0]));
			lg->lg_nhosts--;
		}
		return true;
	}
	if (i == lg->lg_nhosts) {
		if (lg->lg_nhosts == LOG_HOSTS_MAX)
			return false;
		memset(&lg->lg_hosts[i], 0, sizeof(lg->lg_hosts[i]));
		lg->lg_nhosts++;
	}
	lg->lg_hosts[i].lh_addr = addr;
	lg->lg_hosts[i].lh_port = port;
	lg->lg_hosts[i].lh_host_kw = host_kw;
	return true;
}

#define LOG_OUTQ_MAX	65536	/* bytes of datagrams waiting */

/* The datagrams queued, to every syslog server (a timer of the loop). */
static void
syslog_flush(void *arg)
{
	struct router	*r = arg;
	struct logging	*lg = &r->r_logging;
	struct dataplane *dp = r->r_sys.sy_dp;
	struct dp_iface	*ifp;
	uint32_t	 src = 0, mask;
	size_t		 off = 0, i, len;

	lg->lg_flush = NULL;
	if (lg->lg_source_if != NULL && dp != NULL &&
	    ((ifp = dp_iface_find(dp, lg->lg_source_if)) == NULL ||
	    !dp_iface_ipv4(ifp, &src, &mask)))
		src = 0;
	while (dp != NULL && off + 4 <= lg->lg_outq.sb_len) {
		len = get32((const uint8_t *)lg->lg_outq.sb_buf + off);
		off += 4;
		for (i = 0; i < lg->lg_nhosts; i++)
			if (dp_udp_send(dp, src, LOG_SYSLOG_PORT,
			    lg->lg_hosts[i].lh_addr, lg->lg_hosts[i].lh_port,
			    (const uint8_t *)lg->lg_outq.sb_buf + off, len) ==
			    DP_SEND_OK)
				lg->lg_hosts[i].lh_sent++;
		off += len;
	}
	strbuf_reset(&lg->lg_outq);
}

/* One message line for the syslog servers, queued for syslog_flush. */
static void
syslog_send(struct router *r, int severity, const struct strbuf *sb)
{
	struct logging	*lg = &r->r_logging;
	struct strbuf	 dgram;
	uint8_t		 len4[4];
	size_t		 len = sb->sb_len;

	if (lg->lg_nhosts == 0 || r->r_sys.sy_dp == NULL)
		return;
	while (len > 0 && sb->sb_buf[len - 1] == '\n')
		len--;
	strbuf_init(&dgram);
	strbuf_printf(&dgram, "<%d>%llu: ", LOG_FACILITY_LOCAL7 * 8 + severity,
	    (unsigned long long)lg->lg_trap.ld_count);
	strbuf_add(&dgram, sb->sb_buf, len);
	if (lg->lg_outq.sb_len + 4 + dgram.sb_len > LOG_OUTQ_MAX)
		lg->lg_dropped++;
	else {
		put32(len4, (uint32_t)dgram.sb_len);
		strbuf_add(&lg->lg_outq, (const char *)len4, 4);
		strbuf_add(&lg->lg_outq, dgram.sb_buf, dgram.sb_len);
		if (lg->lg_flush == NULL) {
			lg->lg_loop = r->r_loop;
			lg->lg_flush = evloop_timer_add(r->r_loop, 0,
			    syslog_flush, r);
		}
	}
	strbuf_free(&dgram);
}

/*
 * IOS numbers the messages from 1 in six digits at least ("000161: *Jan
 * 2 00:20:41: %LINK-3-UPDOWN: ..." in captures); the number counts only
 * while the service is on, as a capture whose syslog counter ran ahead of
 * the sequence number suggests (IOS's exact rule is not in our documents).
 */
void
logging_seq(struct logging *lg, struct strbuf *sb)
{
	if (lg->lg_seq_on)
		strbuf_printf(sb, "%06llu: ", (unsigned long long)++lg->lg_seq);
}

unsigned
logging_level(const struct log_dest *d, unsigned dflt)
{
	return d->ld_level != LOG_LEVEL_NONE ? d->ld_level : dflt;
}

bool
logging_dest_on(const struct log_dest *d, bool on_by_default)
{
	return d->ld_state == LOGD_ON ||
	    (d->ld_state == LOGD_DEFAULT && on_by_default);
}

/* Whether destination D (on unless turned off, or off unless turned on)
 * takes a message of SEVERITY. */
static bool
dest_takes(const struct log_dest *d, bool on_by_default, int severity)
{
	return logging_dest_on(d, on_by_default) && severity >= 0 &&
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
	if (lg->lg_trap.ld_state != LOGD_OFF && severity >= 0 &&
	    (unsigned)severity <= logging_level(&lg->lg_trap, LOG_LEVEL_INFO)) {
		lg->lg_trap.ld_count++;
		syslog_send(r, severity, sb);
	}
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
}

void
logging_nvgen_hosts(const struct logging *lg, struct strbuf *sb)
{
	char	a[16];
	size_t	i;

	if (lg->lg_trap.ld_state == LOGD_OFF)
		nv_line(sb, 0, "no logging trap");
	else if (lg->lg_trap.ld_state == LOGD_ON &&
	    lg->lg_trap.ld_level != LOG_LEVEL_NONE &&
	    lg->lg_trap.ld_level != LOG_LEVEL_INFO)
		nv_line(sb, 0, "logging trap %s",
		    logging_level_name(lg->lg_trap.ld_level));
	if (lg->lg_source_if != NULL)
		nv_line(sb, 0, "logging source-interface %s", lg->lg_source_if);
	for (i = 0; i < lg->lg_nhosts; i++) {
		ip4_text(lg->lg_hosts[i].lh_addr, a);
		strbuf_printf(sb, "logging %s%s", lg->lg_hosts[i].lh_host_kw ?
		    "host " : "", a);
		if (lg->lg_hosts[i].lh_port != LOG_SYSLOG_PORT)
			strbuf_printf(sb, " transport udp port %u",
			    lg->lg_hosts[i].lh_port);
		strbuf_putc(sb, '\n');
	}
}
