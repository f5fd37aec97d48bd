/*
 * cmd_logging: the `logging` configuration commands and `show logging`.
 * The settings and the buffer are shell/logging.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "grammar/modes.h"
#include "lib/inet4.h"
#include "lib/xalloc.h"
#include "lib/vty.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/logging.h"
#include "shell/router.h"

/* The level typed, as a keyword or a number; LOG_LEVEL_NONE if none. */
static unsigned
level_of(const struct cmd_args *m)
{
	unsigned	i;

	for (i = 0; i < LOG_LEVEL_NONE; i++)
		if (cmd_has(m, logging_level_name(i)))
			return i;
	return (unsigned)cmd_arg_num(m, "level", LOG_LEVEL_NONE);
}

static void
dest_set(struct log_dest *d, const struct cmd_args *m)
{
	if (cmd_is_default(m))
		d->ld_state = LOGD_DEFAULT;
	else
		d->ld_state = cmd_is_no(m) ? LOGD_OFF : LOGD_ON;
	d->ld_level = cmd_negated(m) ? LOG_LEVEL_NONE : level_of(m);
}

int
cmd_logging(struct vty *vty, const struct cmd_args *m)
{
	struct logging	*lg = &vty->v_router->r_logging;

	if (cmd_has(m, "on"))
		lg->lg_on = !cmd_is_no(m);
	else if (cmd_has(m, "buffered")) {
		dest_set(&lg->lg_buffered, m);
		/* `no logging buffered` on a router is its default. */
		if (lg->lg_buffered.ld_state == LOGD_OFF)
			lg->lg_buffered.ld_state = LOGD_DEFAULT;
		lg->lg_buf_size = cmd_negated(m) ? 0 :
		    (unsigned)cmd_arg_num(m, "size", 0);
		if (lg->lg_buffered.ld_state != LOGD_ON)
			strbuf_reset(&lg->lg_buf);
	} else if (cmd_has(m, "console"))
		dest_set(&lg->lg_console, m);
	else if (cmd_has(m, "monitor"))
		dest_set(&lg->lg_monitor, m);
	else
		dest_set(&lg->lg_trap, m);
	return CMD_SUCCESS;
}

/* `logging host A.B.C.D [transport udp port N]`, 12.x's `logging
 * A.B.C.D`, and their `no` forms. */
int
cmd_logging_host(struct vty *vty, const struct cmd_args *m)
{
	struct logging	*lg = &vty->v_router->r_logging;
	uint32_t	 addr;

	if (!ip4_parse(cmd_arg(m, "addr"), &addr)) {
		vty_invalid(vty, cmd_arg_off(m, "addr"));
		return CMD_WARNING;
	}
	if (!logging_host(lg, addr, (uint16_t)cmd_arg_num(m, "udpport",
	    LOG_SYSLOG_PORT), cmd_has(m, "host"), cmd_negated(m))) {
		vty_out(vty, "%% Cannot add more than %d logging hosts\n",
		    LOG_HOSTS_MAX);
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

/* `service sequence-numbers`: each message starts with its number. */
int
cmd_service_sequence_numbers(struct vty *vty, const struct cmd_args *m)
{
	vty->v_router->r_logging.lg_seq_on = !cmd_negated(m);
	return CMD_SUCCESS;
}

/* `logging source-interface IF`: syslog datagrams leave from its address. */
int
cmd_logging_source_if(struct vty *vty, const struct cmd_args *m)
{
	struct logging	*lg = &vty->v_router->r_logging;
	struct dp_iface	*ifp;

	if (cmd_negated(m)) {
		free(lg->lg_source_if);
		lg->lg_source_if = NULL;
		return CMD_SUCCESS;
	}
	if ((ifp = dp_iface_named(vty, m)) == NULL)
		return CMD_WARNING;
	xstrset(&lg->lg_source_if, dp_iface_name(ifp));
	return CMD_SUCCESS;
}

/* "level debugging, 26 messages logged, xml disabled," and its second
 * line, or "disabled" for a destination that is off. */
static void
dest_show(struct vty *vty, const char *label, const struct log_dest *d,
    bool on_by_default, const char *indent)
{
	if (!logging_dest_on(d, on_by_default)) {
		vty_out(vty, "    %s disabled\n", label);
		return;
	}
	vty_out(vty, "    %s level %s, %llu messages logged, xml disabled,\n"
	    "%sfiltering disabled\n", label,
	    logging_level_name(logging_level(d, LOG_LEVEL_DEBUG)),
	    (unsigned long long)d->ld_count, indent);
}

/*
 * `show logging` in the layout of a 15.x router (captured from one, and
 * as Cisco's genie parsers read it): the destinations with their levels
 * and counts, then the buffer's messages, oldest first.  iosh has no
 * message discriminators, filters, XML or persistent logging: those
 * lines say so as IOS says it of a router that has none configured.
 */
int
cmd_show_logging(struct vty *vty, const struct cmd_args *m)
{
	const struct logging	*lg = &vty->v_router->r_logging;
	bool			 buf = logging_dest_on(&lg->lg_buffered, false);
	char			 a[16];
	size_t			 i;

	(void)m;
	vty_out(vty, "Syslog logging: %s (%llu messages dropped, 0 messages "
	    "rate-limited, 0 flushes, 0 overruns, xml disabled, filtering "
	    "disabled)\n\n", lg->lg_on ? "enabled" : "disabled",
	    (unsigned long long)lg->lg_dropped);
	vty_out(vty, "No Active Message Discriminator.\n\n\n\n");
	vty_out(vty, "No Inactive Message Discriminator.\n\n\n");
	dest_show(vty, "Console logging:", &lg->lg_console, true,
	    "                     ");
	dest_show(vty, "Monitor logging:", &lg->lg_monitor, true,
	    "                     ");
	if (buf)
		dest_show(vty, "Buffer logging: ", &lg->lg_buffered, true,
		    "                    ");
	else
		vty_out(vty, "    Buffer logging:  disabled, xml disabled,\n"
		    "                    filtering disabled\n");
	vty_out(vty, "    Exception Logging: size (4096 bytes)\n"
	    "    Count and timestamp logging messages: disabled\n"
	    "    Persistent logging: disabled\n\n"
	    "No active filter modules.\n\n");
	if (lg->lg_trap.ld_state == LOGD_OFF)
		vty_out(vty, "    Trap logging: disabled\n");
	else
		vty_out(vty, "    Trap logging: level %s, %llu message lines "
		    "logged\n", logging_level_name(logging_level(&lg->lg_trap,
		    LOG_LEVEL_INFO)), (unsigned long long)lg->lg_trap.ld_count);
	for (i = 0; i < lg->lg_nhosts; i++) {
		ip4_text(lg->lg_hosts[i].lh_addr, a);
		vty_out(vty, "        Logging to %s  (udp port %u, audit "
		    "disabled,\n              link up),\n"
		    "              %llu message lines logged,\n"
		    "              0 message lines rate-limited,\n"
		    "              0 message lines dropped-by-MD,\n"
		    "              xml disabled, sequence number disabled\n"
		    "              filtering disabled\n", a,
		    lg->lg_hosts[i].lh_port,
		    (unsigned long long)lg->lg_hosts[i].lh_sent);
	}
	vty_out(vty, "        Logging Source-Interface:       VRF Name:\n");
	if (lg->lg_source_if != NULL)
		vty_out(vty, "        %s\n", lg->lg_source_if);
	vty_out(vty, "\n");
	if (buf) {
		vty_out(vty, "Log Buffer (%u bytes):\n\n", lg->lg_buf_size != 0 ?
		    lg->lg_buf_size : LOG_BUF_DEFAULT);
		strbuf_add(&vty->v_out, lg->lg_buf.sb_buf, lg->lg_buf.sb_len);
	}
	return CMD_SUCCESS;
}
