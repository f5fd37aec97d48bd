/*
 * runcfg: `show running-config`, and the text `write memory` saves.
 * Sections come in IOS's order; a section that rendered anything is
 * closed with "!".  Everything is rendered from live state.
 */
#include <stdio.h>
#include <string.h>

#include "crypto/crypto.h"
#include "dataplane/dp.h"
#include "grammar/modes.h"
#include "lib/vty.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/runcfg.h"

static void
timestamps_nvgen(const struct log_ts *ts, const char *which,
    struct strbuf *sb)
{
	if (!ts->lt_on) {
		nv_line(sb, 0, "no service timestamps %s", which);
		return;
	}
	strbuf_printf(sb, "service timestamps %s %s", which,
	    ts->lt_datetime ? "datetime" : "uptime");
	if (ts->lt_datetime) {
		if (ts->lt_msec)
			strbuf_puts(sb, " msec");
		if (ts->lt_localtime)
			strbuf_puts(sb, " localtime");
		if (ts->lt_show_tz)
			strbuf_puts(sb, " show-timezone");
		if (ts->lt_year)
			strbuf_puts(sb, " year");
	}
	strbuf_putc(sb, '\n');
}

/* What struct router itself holds. */
static void
shell_nvgen(const struct router *r, enum nv_section sec, struct strbuf *sb)
{
	const struct system	*sy = &r->r_sys;

	switch (sec) {
	case NV_VERSION:
		nv_line(sb, 0, "version %u.%u", sy->sy_version.iv_major,
		    sy->sy_version.iv_minor);
		timestamps_nvgen(&r->r_ts_debug, "debug", sb);
		timestamps_nvgen(&r->r_ts_log, "log", sb);
		nv_line(sb, 0, "%sservice password-encryption",
		    sy->sy_password_encryption ? "" : "no ");
		if (r->r_logging.lg_seq_on)
			nv_line(sb, 0, "service sequence-numbers");
		if (sy->sy_service_internal)
			nv_line(sb, 0, "service internal");
		break;
	case NV_HOSTNAME:
		nv_line(sb, 0, "hostname %s", r->r_hostname);
		break;
	case NV_GLOBAL:
		login_block_nvgen(&r->r_login_block, sb);
		break;
	case NV_CRYPTO:
		/* A 15.x router prints it after the usernames, above the
		 * crypto sections. */
		if (r->r_ssh_version != 0)
			nv_line(sb, 0, "ip ssh version %u", r->r_ssh_version);
		break;
	case NV_LINE:
		lines_render(r->r_lines, sy->sy_nv_all, sb);
		break;
	default:
		break;
	}
}

void
runcfg_render(const struct router *r, struct strbuf *sb)
{
	enum nv_section	sec;
	size_t		before;

	nv_line(sb, 0, "!");
	before = sb->sb_len;
	for (sec = 0; sec < NV_COUNT; sec++) {
		/* The stored lines come before AAA: 12.3 prints clock
		 * timezone just above aaa new-model. */
		shell_nvgen(r, sec, sb);
		passive_nvgen(r, sec, sb);
		if (sec == NV_LOGGING)
			logging_nvgen(&r->r_logging, sb);
		if (sec == NV_SYSLOG)
			logging_nvgen_hosts(&r->r_logging, sb);
		enable_nvgen(r, sec, sb);
		aaa_nvgen(r, sec, sb);
		dp_nvgen(r->r_sys.sy_dp, sec, sb);
		crypto_nvgen(r->r_sys.sy_crypto, sec, sb);
		if (sb->sb_len != before && nv_section_closed(sec)) {
			nv_line(sb, 0, "!");
			before = sb->sb_len;
		}
	}
	nv_line(sb, 0, "end");
}

/* `show running-config [all]`: with all, the renderers that know their
 * defaults print them too (as IOS's all does, for what iosh keeps). */
int
cmd_show_running_config(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	body;

	strbuf_init(&body);
	vty->v_router->r_sys.sy_nv_all = cmd_has(m, "all");
	runcfg_render(vty->v_router, &body);
	vty->v_router->r_sys.sy_nv_all = false;
	vty_out(vty, "Building configuration...\n\n");
	vty_out(vty, "Current configuration : %zu bytes\n", body.sb_len);
	strbuf_add(&vty->v_out, body.sb_buf, body.sb_len);
	vty_out(vty, "\n");
	strbuf_free(&body);
	return CMD_SUCCESS;
}

int
cmd_version(struct vty *vty, const struct cmd_args *m)
{
	struct ios_version	*v = &vty->v_sys->sy_version;
	const char		*text = cmd_arg(m, "release");
	unsigned		 major, minor;
	char			 tail;

	if (cmd_negated(m)) {
		v->iv_major = IOS_VERSION_DEFAULT_MAJOR;
		v->iv_minor = IOS_VERSION_DEFAULT_MINOR;
		return CMD_SUCCESS;
	}
	/* IOS keeps its own release here whatever is typed; iosh keeps the
	 * typed one, since it picks the output formats of that release. */
	if (sscanf(text, "%u.%u%c", &major, &minor, &tail) != 2 ||
	    major == 0 || major > 99 || minor > 99) {
		vty_out(vty, "%% Invalid version: %s\n", text);
		return CMD_WARNING;
	}
	v->iv_major = major;
	v->iv_minor = minor;
	return CMD_SUCCESS;
}
