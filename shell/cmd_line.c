/*
 * cmd_line: config-line commands.  Each applies to every line of the range
 * `line vty 0 4` selected; "no" and "default" put IOS's default back.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/password.h"
#include "shell/router.h"

typedef void	(*line_fn)(struct line_cfg *, const struct line_cfg *dflt,
		    const struct cmd_args *, bool neg);

/* Call FN on each selected line with its defaults and whether negated. */
static int
each_line(struct vty *vty, const struct cmd_args *m, line_fn fn)
{
	const struct line_sel	*sel = vty->v_ctx;
	struct line_cfg		 dflt;
	bool			 neg = cmd_negated(m);
	unsigned		 i;

	for (i = sel->ls_first; i <= sel->ls_last; i++) {
		line_cfg_default(&dflt, i);
		fn(&vty->v_router->r_lines[i], &dflt, m, neg);
	}
	return CMD_SUCCESS;
}

static void
set_exec_timeout(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	lc->lc_exec_min = neg ? dflt->lc_exec_min :
	    (unsigned)cmd_arg_num(m, "min", 0);
	lc->lc_exec_sec = neg ? dflt->lc_exec_sec :
	    (unsigned)cmd_arg_num(m, "sec", 0);
}

int
cmd_line_exec_timeout(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_exec_timeout);
}

static void
set_logging_sync(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	(void)dflt;
	(void)m;
	lc->lc_logging_sync = !neg;
}

int
cmd_line_logging_sync(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_logging_sync);
}

/* Stored for the async lines; iosh's console has no stop bits to set. */
static void
set_stopbits(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	lc->lc_stopbits = neg ? dflt->lc_stopbits : cmd_has(m, "1") ? 2 :
	    cmd_has(m, "1.5") ? 3 : 4;
}

int
cmd_line_stopbits(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_stopbits);
}

int
cmd_line_password(struct vty *vty, const struct cmd_args *m)
{
	const struct line_sel	*sel = vty->v_ctx;
	struct password		 pw = { PW_CLEAR, NULL };
	enum pw_type		 type = cmd_has(m, "7") ? PW_TYPE7 : PW_CLEAR;
	bool			 encrypt = vty->v_sys->sy_password_encryption;
	unsigned		 i;

	/* Checked once, so that a bad type 7 string changes no line. */
	if (!cmd_negated(m) &&
	    password_set(&pw, type, cmd_arg(m, "pw"), encrypt) < 0) {
		vty_out(vty, "%% Invalid encrypted password: %s\n",
		    cmd_arg(m, "pw"));
		return CMD_WARNING;
	}
	for (i = sel->ls_first; i <= sel->ls_last; i++) {
		password_clear(&vty->v_router->r_lines[i].lc_password);
		if (pw.pw_text != NULL)
			password_set(&vty->v_router->r_lines[i].lc_password,
			    pw.pw_type, pw.pw_text, false);
	}
	password_clear(&pw);
	return CMD_SUCCESS;
}

static void
set_login(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	if (neg)
		lc->lc_login = cmd_is_default(m) ? dflt->lc_login : LOGIN_NONE;
	else
		lc->lc_login = cmd_has(m, "local") ? LOGIN_LOCAL : LOGIN_LINE;
}

int
cmd_line_login(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_login);
}

static void
set_length(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	lc->lc_length = neg ? dflt->lc_length :
	    (unsigned)cmd_arg_num(m, "lines", 0);
}

int
cmd_line_length(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_length);
}

static void
set_width(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	lc->lc_width = neg ? dflt->lc_width :
	    (unsigned)cmd_arg_num(m, "columns", 0);
}

int
cmd_line_width(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_width);
}

static void
set_privilege(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	lc->lc_privilege = neg ? dflt->lc_privilege :
	    (unsigned)cmd_arg_num(m, "priv", 0);
}

int
cmd_line_privilege(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_privilege);
}

static void
set_transport(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	if (neg)
		lc->lc_transport = dflt->lc_transport;
	else if (cmd_has(m, "none"))
		lc->lc_transport = TRANSPORT_NONE;
	else if (cmd_has(m, "telnet"))
		lc->lc_transport = TRANSPORT_TELNET;
	else if (cmd_has(m, "ssh"))
		lc->lc_transport = TRANSPORT_SSH;
	else
		lc->lc_transport = TRANSPORT_ALL;
}

static void
set_escape(struct line_cfg *lc, const struct line_cfg *dflt,
    const struct cmd_args *m, bool neg)
{
	if (neg || cmd_has(m, "default"))
		lc->lc_escape = dflt->lc_escape;
	else if (cmd_has(m, "break"))
		lc->lc_escape = ESCAPE_BREAK;
	else if (cmd_has(m, "none"))
		lc->lc_escape = ESCAPE_NONE;
	else
		lc->lc_escape = (unsigned)cmd_arg_num(m, "char", ESCAPE_DEFAULT);
}

int
cmd_line_escape(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_escape);
}

int
cmd_line_transport(struct vty *vty, const struct cmd_args *m)
{
	return each_line(vty, m, set_transport);
}
