/*
 * cmd_config: global configuration commands and the way out of
 * configuration modes: exit, end, hostname, ip domain-lookup,
 * service timestamps, service password-encryption, and line, which
 * enters config-line.
 */
#include <ctype.h>
#include <string.h>

#include "grammar/modes.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/session.h"

int
cmd_exit_config(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_enter(vty, mode_info(vty->v_mode)->mi_parent, NULL);
	return CMD_SUCCESS;
}

int
cmd_end(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_enter(vty, MODE_PRIV_EXEC, NULL);
	return CMD_SUCCESS;
}

bool
router_hostname_valid(const char *name)
{
	size_t	i, len = strlen(name);

	if (len == 0 || len >= ROUTER_HOSTNAME_MAX ||
	    !isalpha((unsigned char)name[0]))
		return false;
	for (i = 1; i < len; i++)
		/* Underscores too: IOS 15.7 and IOS-XE 16.4 captures carry
		 * `hostname d3_pe` (tests/data/configs). */
		if (!isalnum((unsigned char)name[i]) && name[i] != '-' &&
		    name[i] != '_')
			return false;
	return true;
}

int
cmd_hostname(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	const char	*name = cmd_arg(m, "name");

	if (cmd_negated(m))
		name = "Router";
	if (!router_hostname_valid(name)) {
		vty_out(vty, "%% Hostname contains one or more illegal "
		    "characters.\n");
		return CMD_WARNING;
	}
	strcpy(r->r_hostname, name);
	return CMD_SUCCESS;
}

int
cmd_ip_domain_lookup(struct vty *vty, const struct cmd_args *m)
{
	vty->v_router->r_domain_lookup = !cmd_is_no(m);
	return CMD_SUCCESS;
}

static void
timestamps_set(struct log_ts *ts, const struct cmd_args *m)
{
	if (cmd_is_no(m)) {
		ts->lt_on = false;
		return;
	}
	log_ts_default(ts);
	if (cmd_is_default(m))
		return;
	ts->lt_datetime = cmd_has(m, "datetime");
	ts->lt_msec = cmd_has(m, "msec");
	ts->lt_localtime = cmd_has(m, "localtime");
	ts->lt_show_tz = cmd_has(m, "show-timezone");
	ts->lt_year = cmd_has(m, "year");
}

int
cmd_service_timestamps(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	bool		 dbg = cmd_has(m, "debug"), log = cmd_has(m, "log");

	/* Bare `service timestamps` means debug; its negation means both. */
	if (!dbg && !log) {
		dbg = true;
		log = cmd_negated(m);
	}
	if (dbg)
		timestamps_set(&r->r_ts_debug, m);
	if (log)
		timestamps_set(&r->r_ts_log, m);
	return CMD_SUCCESS;
}

/* `service internal`, as IOS: what it hides is refused until it is on. */
int
cmd_service_internal(struct vty *vty, const struct cmd_args *m)
{
	vty->v_sys->sy_service_internal = !cmd_negated(m);
	return CMD_SUCCESS;
}

int
cmd_service_password_encryption(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	unsigned	 i;

	/* IOS encrypts what is stored now; turning it off decrypts nothing. */
	vty->v_sys->sy_password_encryption = !cmd_negated(m);
	if (!vty->v_sys->sy_password_encryption)
		return CMD_SUCCESS;
	for (i = 0; i < LINE_COUNT; i++)
		password_encrypt(&r->r_lines[i].lc_password);
	aaa_encrypt_passwords(&r->r_aaa);
	enable_encrypt(&r->r_enable);
	return CMD_SUCCESS;
}

int
cmd_line(struct vty *vty, const struct cmd_args *m)
{
	struct session	*s = session_of(vty);
	unsigned	 first, last, base = LINE_VTY0;

	first = (unsigned)cmd_arg_num(m, "first", 0);
	last = (unsigned)cmd_arg_num(m, "last", first);
	if (cmd_has(m, "console"))
		base = LINE_CON;
	else if (cmd_has(m, "aux"))
		base = LINE_AUX;
	/* A range given high to low means the same lines. */
	if (last < first) {
		unsigned	t = first;

		first = last;
		last = t;
	}
	s->s_line_sel.ls_first = base + first;
	s->s_line_sel.ls_last = base + last;
	vty_enter(vty, MODE_CONFIG_LINE, &s->s_line_sel);
	return CMD_SUCCESS;
}
