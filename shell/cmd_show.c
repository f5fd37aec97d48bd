/*
 * cmd_show: the everyday exec commands a user types in the first minutes
 * and scripts parse (Netmiko, ntc-templates): show clock, show users, show
 * privilege, write terminal, show running-config interface.  Each is
 * rendered from the router's live state in IOS's layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataplane/dp.h"
#include "grammar/modes.h"
#include "lib/clock.h"
#include "lib/vty.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/runcfg.h"
#include "shell/session.h"

/*
 * `show clock`: "*10:15:32.123 UTC Sat Dec 5 2026".  The leading '*' is
 * IOS's mark for a time that is not authoritative (no NTP, no calendar
 * set by an operator): iosh takes its host's clock and does not run NTP,
 * so it never claims more.  The day of the month is not padded.
 */
int
cmd_show_clock(struct vty *vty, const struct cmd_args *m)
{
	static const char *const wday[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int64_t		ms = clock_wall_ms();
	time_t		secs = (time_t)(ms / 1000);
	struct tm	tm;

	(void)m;
	gmtime_r(&secs, &tm);
	vty_out(vty, "*%02d:%02d:%02d.%03d UTC %s %s %d %d\n", tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (int)(ms % 1000), wday[tm.tm_wday],
	    mon[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
	return CMD_SUCCESS;
}

/* `show privilege`: exec is level 1, privileged exec (and every
 * configuration mode) 15; iosh has no levels in between. */
int
cmd_show_privilege(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_out(vty, "Current privilege level is %d\n",
	    vty->v_mode == MODE_USER_EXEC ? 1 : 15);
	return CMD_SUCCESS;
}

/* A line's name in IOS's tables: "con 0", "aux 0", "vty 3". */
static void
line_name(unsigned line, char *buf, size_t len)
{
	if (line == LINE_CON)
		snprintf(buf, len, "con 0");
	else if (line == LINE_AUX)
		snprintf(buf, len, "aux 0");
	else
		snprintf(buf, len, "vty %u", line - LINE_VTY0);
}

static int
session_line_cmp(const void *a, const void *b)
{
	const struct session *sa = *(const struct session *const *)a;
	const struct session *sb = *(const struct session *const *)b;

	return (sa->s_line > sb->s_line) - (sa->s_line < sb->s_line);
}

/*
 * `show users`: one row per line in use, by line number, the asking
 * session marked '*'; then the (empty: iosh has no async or PPP users)
 * interface table.  The columns are IOS's, as captured from a 15.x
 * router and parsed by ntc-templates' cisco_ios_show_users:
 *
 *	    Line       User       Host(s)              Idle       Location
 *	   0 con 0                idle                 10:38:21
 *	*  2 vty 0     cisco      idle                 00:00:00 10.0.0.191
 */
int
cmd_show_users(struct vty *vty, const struct cmd_args *m)
{
	struct router	 *r = vty->v_router;
	struct session	 *s, **all;
	size_t		  n = 0, i;
	uint64_t	  now = clock_mono_ms(), idle;
	char		  name[16];

	(void)m;
	for (s = r->r_sessions; s != NULL; s = s->s_next)
		n++;
	all = xcalloc(n > 0 ? n : 1, sizeof(*all));
	n = 0;
	for (s = r->r_sessions; s != NULL; s = s->s_next)
		all[n++] = s;
	qsort(all, n, sizeof(*all), session_line_cmp);
	vty_out(vty, "    Line       User       Host(s)              Idle"
	    "       Location\n");
	for (i = 0; i < n; i++) {
		s = all[i];
		line_name(s->s_line, name, sizeof(name));
		idle = (now - s->s_input_ms) / 1000;
		vty_out(vty, "%c%3u %-9s %-10s %-20s %02u:%02u:%02u",
		    &s->s_vty == vty ? '*' : ' ', s->s_line, name,
		    s->s_user != NULL ? s->s_user : "", "idle",
		    (unsigned)(idle / 3600), (unsigned)(idle / 60 % 60),
		    (unsigned)(idle % 60));
		if (s->s_location[0] != '\0')
			vty_out(vty, " %s", s->s_location);
		vty_out(vty, "\n");
	}
	vty_out(vty, "\n  Interface    User               Mode         Idle"
	    "     Peer Address\n\n");
	free(all);
	return CMD_SUCCESS;
}

/* `write terminal`: IOS's older name for show running-config. */
int
cmd_write_terminal(struct vty *vty, const struct cmd_args *m)
{
	return cmd_show_running_config(vty, m);
}

/*
 * `show running-config interface X`: that interface's block of the
 * running configuration, framed as IOS frames it ("!" before, "end"
 * after) and counted in the header as IOS counts it.
 */
int
cmd_show_running_config_interface(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp;
	struct strbuf	 all, want, block;
	const char	*at, *end;

	/* "Loopback 0" as two words, or "Loopback0"/"lo0" as one. */
	if ((ifp = dp_iface_named(vty, m)) == NULL)
		return CMD_WARNING;
	strbuf_init(&all);
	strbuf_init(&want);
	strbuf_init(&block);
	runcfg_render(vty->v_router, &all);
	strbuf_printf(&want, "\ninterface %s", dp_iface_name(ifp));
	strbuf_puts(&block, "!\n");
	/* The name ends the line, or " type tunnel" follows it. */
	for (at = strstr(all.sb_buf, want.sb_buf); at != NULL &&
	    at[want.sb_len] != '\n' && at[want.sb_len] != ' ';
	    at = strstr(at + 1, want.sb_buf))
		;
	if (at != NULL) {
		at++;
		/* The block ends where the section's "!" closes it. */
		if ((end = strstr(at, "\n!\n")) == NULL)
			end = at + strlen(at) - 1;
		strbuf_add(&block, at, (size_t)(end - at) + 1);
	}
	strbuf_puts(&block, "end\n");
	vty_out(vty, "Building configuration...\n\n");
	vty_out(vty, "Current configuration : %zu bytes\n", block.sb_len);
	strbuf_add(&vty->v_out, block.sb_buf, block.sb_len);
	vty_out(vty, "\n");
	strbuf_free(&block);
	strbuf_free(&want);
	strbuf_free(&all);
	return CMD_SUCCESS;
}
