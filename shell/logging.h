/*
 * logging: where syslog and debug messages go, and what `show logging`
 * tells of it — `logging on`, `logging console|monitor|buffered|trap
 * [LEVEL]`, `logging host`, the buffer itself and each destination's
 * count.  shell/log.c
 * builds each message; logging_deliver() sends it where these settings say.
 */
#ifndef IOSH_SHELL_LOGGING_H
#define IOSH_SHELL_LOGGING_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/strbuf.h"

struct router;
struct evloop;
struct ev_timer;

#define LOG_LEVEL_NONE		8	/* no level typed */
#define LOG_LEVEL_DEBUG		7
#define LOG_LEVEL_INFO		6
#define LOG_BUF_DEFAULT		4096	/* `logging buffered` with no size */

/* A destination's setting: IOS renders it only once it was configured. */
enum log_dest_state {
	LOGD_DEFAULT,		/* never configured: IOS's default */
	LOGD_ON,		/* `logging X [LEVEL]` */
	LOGD_OFF,		/* `no logging X` */
};

struct log_dest {
	enum log_dest_state	ld_state;
	unsigned		ld_level;	/* LOG_LEVEL_NONE: not typed */
	uint64_t		ld_count;	/* messages it took */
};

#define LOG_HOSTS_MAX		16
#define LOG_SYSLOG_PORT		514
#define LOG_FACILITY_LOCAL7	23	/* IOS's default `logging facility` */

/* `logging host A.B.C.D [transport udp port N]`: a syslog server. */
struct log_host {
	uint32_t	lh_addr;	/* host order */
	uint16_t	lh_port;
	uint64_t	lh_sent;	/* message lines sent to it */
	bool		lh_host_kw;	/* typed as `logging host`, not 12.x's
					 * bare `logging A.B.C.D` */
};

struct logging {
	bool		 lg_on;		/* `logging on` (default) */
	struct log_dest	 lg_console;	/* default on, debugging */
	struct log_dest	 lg_monitor;	/* default on, debugging */
	struct log_dest	 lg_buffered;	/* default off on a router */
	struct log_dest	 lg_trap;	/* default informational */
	unsigned	 lg_buf_size;	/* 0: not typed */
	struct strbuf	 lg_buf;	/* the buffer: whole lines, oldest first */
	struct log_host	 lg_hosts[LOG_HOSTS_MAX];
	size_t		 lg_nhosts;
	char		*lg_source_if;	/* logging source-interface, or NULL */
	/* Syslog datagrams wait here for a timer of the event loop: a
	 * message logged while the dataplane handles a packet (an ACL's
	 * log, a crypto error) must not send a packet from inside it. */
	struct strbuf	 lg_outq;	/* records: 4-byte length, datagram */
	struct ev_timer	*lg_flush;
	struct evloop	*lg_loop;
	uint64_t	 lg_dropped;	/* the queue was full */
	bool		 lg_seq_on;	/* `service sequence-numbers` */
	uint64_t	 lg_seq;	/* the last sequence number given */
};

void	logging_init(struct logging *);
void	logging_free(struct logging *);
/* The level names, "emergencies" (0) .. "debugging" (7); NULL for
 * LOG_LEVEL_NONE. */
const char *logging_level_name(unsigned level);
/* Whether destination D is on: configured on, or never configured and
 * on by IOS's default (ON_BY_DEFAULT: console, monitor). */
bool	logging_dest_on(const struct log_dest *, bool on_by_default);
/* The level a destination passes: up to and including it. */
unsigned logging_level(const struct log_dest *, unsigned dflt);
/* Send one message of SEVERITY (a debug line is 7) to each destination
 * that takes it: the console line, vtys with `terminal monitor`, the
 * buffer; and count it against the trap level. */
void	logging_deliver(struct router *, int severity, const struct strbuf *);
/* A new message's sequence number, "000042: ", under `service
 * sequence-numbers` (nothing otherwise): it precedes the timestamp. */
void	logging_seq(struct logging *, struct strbuf *);
/* Add or remove a syslog server; false when the table is full. */
bool	logging_host(struct logging *, uint32_t addr, uint16_t port,
	    bool host_kw, bool remove);
/* The `logging` lines of the running configuration: the destinations'
 * (near its top), and the syslog servers' (before the numbered ACLs). */
void	logging_nvgen(const struct logging *, struct strbuf *);
void	logging_nvgen_hosts(const struct logging *, struct strbuf *);

#endif
