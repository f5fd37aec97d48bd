/*
 * cmd_passive: handlers of the global lines iosh stores without acting on
 * them (shell/passive.h).  Each sets or clears its field; the four that
 * IOS makes modes (controller, control-plane, dial-peer cor custom, mgcp
 * profile) enter their (empty) sub-mode as IOS does.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/errors.h"
#include "shell/passive.h"
#include "shell/router.h"
#include "shell/session.h"

#define NEGATED(m)	(cmd_negated(m))

static struct passive *
pa_of(struct vty *vty)
{
	return &vty->v_router->r_passive;
}

/* IOS's caret answer for a word the grammar let through but that is out
 * of its range (a WORD checked by the handler). */
static int
invalid_at(struct vty *vty, const struct cmd_args *m, const char *name)
{
	struct strbuf	prompt, out;
	size_t		i, off = 0;

	for (i = 0; i < m->as_n; i++)
		if (strcmp(m->as_v[i].ca_name, name) == 0)
			off = m->as_v[i].ca_off;
	strbuf_init(&prompt);
	strbuf_init(&out);
	session_prompt(session_of(vty), &prompt);
	error_invalid(&out, prompt.sb_len + off);
	vty_out(vty, "%s", out.sb_buf);
	strbuf_free(&prompt);
	strbuf_free(&out);
	return CMD_WARNING;
}

void
passive_default(struct passive *pa)
{
	memset(pa, 0, sizeof(*pa));
	pa->pa_subnet_zero = true;
	pa->pa_classless = true;
}

int
cmd_boot_marker(struct vty *vty, const struct cmd_args *m)
{
	if (cmd_has(m, "boot-start-marker"))
		pa_of(vty)->pa_boot_start = !NEGATED(m);
	else
		pa_of(vty)->pa_boot_end = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_clock_timezone(struct vty *vty, const struct cmd_args *m)
{
	struct passive	*pa = pa_of(vty);
	const char	*name = cmd_arg(m, "zone"), *hours = cmd_arg(m, "hours");
	char		*end;
	long		 h;

	if (NEGATED(m)) {
		pa->pa_clock_tz = false;
		return CMD_SUCCESS;
	}
	h = strtol(hours, &end, 10);
	if (*end != '\0' || end == hours || h < -23 || h > 23)
		return invalid_at(vty, m, "hours");
	if (strlen(name) >= TZ_NAME_MAX)
		return invalid_at(vty, m, "zone");
	pa->pa_clock_tz = true;
	strcpy(pa->pa_tz_name, name);
	pa->pa_tz_hours = (int)h;
	pa->pa_tz_minutes = (unsigned)cmd_arg_num(m, "minutes", 0);
	return CMD_SUCCESS;
}

int
cmd_ip_subnet_zero(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_subnet_zero = !cmd_is_no(m);
	return CMD_SUCCESS;
}

int
cmd_ip_cef(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_cef = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_ip_audit_max_events(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_audit_max_events = NEGATED(m) ? 0 :
	    (unsigned)cmd_arg_num(m, "events", 0);
	return CMD_SUCCESS;
}

int
cmd_ftp_write_enable(struct vty *vty, const struct cmd_args *m)
{
	if (cmd_is_default(m))
		pa_of(vty)->pa_ftp_write = TRI_UNSET;
	else
		pa_of(vty)->pa_ftp_write = cmd_is_no(m) ? TRI_OFF :
		    TRI_ON;
	return CMD_SUCCESS;
}

int
cmd_ip_http(struct vty *vty, const struct cmd_args *m)
{
	bool	on = !NEGATED(m);

	if (cmd_has(m, "secure-server"))
		pa_of(vty)->pa_http_secure = on;
	else
		pa_of(vty)->pa_http = on;
	return CMD_SUCCESS;
}

int
cmd_ip_classless(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_classless = !cmd_is_no(m);
	return CMD_SUCCESS;
}

int
cmd_call_rsvp_sync(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_rsvp_sync = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_dial_peer_cor(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_cor_custom = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_DP_CORLIST, NULL);
	return CMD_SUCCESS;
}

int
cmd_mgcp_profile(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_mgcp_default = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_MGCP_PROFILE, NULL);
	return CMD_SUCCESS;
}

int
cmd_control_plane(struct vty *vty, const struct cmd_args *m)
{
	pa_of(vty)->pa_control_plane = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_CP, NULL);
	return CMD_SUCCESS;
}

int
cmd_controller_isa(struct vty *vty, const struct cmd_args *m)
{
	const char	*unit = cmd_arg(m, "unit");
	unsigned	 slot, port;

	/* <0-9>/<0-9>: the grammar has no slot/port token. */
	if (strlen(unit) != 3 || unit[0] < '0' || unit[0] > '9' ||
	    unit[1] != '/' || unit[2] < '0' || unit[2] > '9')
		return invalid_at(vty, m, "unit");
	slot = (unsigned)(unit[0] - '0');
	port = (unsigned)(unit[2] - '0');
	pa_of(vty)->pa_controller[slot * 10 + port] = !NEGATED(m);
	if (!NEGATED(m))
		vty_enter(vty, MODE_CONFIG_CONTROLLER, NULL);
	return CMD_SUCCESS;
}
