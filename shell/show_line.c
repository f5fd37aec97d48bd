/*
 * show_line: `show line` and `show terminal`, the state of the router's
 * terminal lines as IOS tabulates it, rendered from the line settings
 * (r_lines) and the sessions on them.
 */
#include <stdio.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/vty.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/session.h"

static const struct session *
line_session(const struct router *r, unsigned line)
{
	const struct session	*s;

	for (s = r->r_sessions; s != NULL; s = s->s_next)
		if (s->s_line == line)
			return s;
	return NULL;
}

/*
 * One row, as a 12.4/15.x router with no async lines prints it (con 0 is
 * line 0, aux 0 line 1, vty N line 2+N):
 *
 *	   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses   Noise  Overruns   Int
 *	*    0 CTY              -    -      -    -    -      0       0     0/0       -
 *	     1 AUX   9600/9600  -    -      -    -    -      0       0     0/0       -
 *	*    2 VTY              -    -      -    -    -      3       0     0/0       -
 *
 * '*' marks a line in use.  Uses counts the connections a line took since
 * the router started (a vty's telnet and SSH sessions, the console's
 * telnet connections); iosh has no modems, rotaries, access-classes or
 * line noise, so those columns are IOS's idle values.
 */
static void
line_row(struct vty *vty, const struct router *r, unsigned line)
{
	static const char *const typ[] = { "CTY", "AUX", "VTY" };

	vty_out(vty, "%c%5u %s %11s  -    -      -    -    -%7u       0"
	    "     0/0       -\n", line_session(r, line) != NULL ? '*' : ' ',
	    line, typ[line < LINE_VTY0 ? line : 2],
	    line == LINE_AUX ? "9600/9600" : "", r->r_line_uses[line]);
}

int
cmd_show_line(struct vty *vty, const struct cmd_args *m)
{
	const struct router	*r = vty->v_router;
	struct line_cfg		 dflt;
	unsigned		 i;

	(void)m;
	vty_out(vty, "   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses"
	    "   Noise  Overruns   Int\n");
	line_row(vty, r, LINE_CON);
	line_row(vty, r, LINE_AUX);
	/* vty 0 4 always exist; vty 5 15 once configured (running-config
	 * renders them by the same rule). */
	for (i = LINE_VTY0; i < LINE_COUNT; i++) {
		line_cfg_default(&dflt, i);
		if (i >= LINE_VTY0 + LINE_VTY_SHOWN &&
		    line_cfg_equal(&r->r_lines[i], &dflt))
			continue;
		line_row(vty, r, i);
	}
	vty_out(vty, "\n");
	return CMD_SUCCESS;
}

/* hh:mm:ss, or IOS's "never" for 0. */
static void
hms(unsigned long secs, char *buf, size_t len)
{
	if (secs == 0)
		snprintf(buf, len, "never");
	else
		snprintf(buf, len, "%02lu:%02lu:%02lu", secs / 3600,
		    secs / 60 % 60, secs % 60);
}

/* The escape character as `show terminal` spells it: Ctrl-^ (IOS's
 * default, typed with x after it) "^^x"; a control character ^C; BREAK;
 * none. */
static void
escape_text(unsigned esc, char *buf, size_t len)
{
	if (esc == ESCAPE_DEFAULT)
		snprintf(buf, len, "^^x");
	else if (esc == ESCAPE_BREAK)
		snprintf(buf, len, "BREAK");
	else if (esc == ESCAPE_NONE)
		snprintf(buf, len, "none");
	else if (esc < 32)
		snprintf(buf, len, "^%c", (char)(esc + 64));
	else
		snprintf(buf, len, "%c", (char)esc);
}

/*
 * `show terminal`: the asking session's line, as an IOS 15 console shows
 * it (captured from a 15.x router; the Modem hardware line, which needs
 * a UART, is left out).  Length and width are the session's (`terminal
 * length`), the exec-timeout the line's; transports are iosh's: telnet
 * and SSH in, nothing out (iosh has no outbound TCP); a word that is
 * no command is taken for a host name, as with IOS's preferred telnet.
 */
int
cmd_show_terminal(struct vty *vty, const struct cmd_args *m)
{
	const struct session	*s = session_of(vty);
	const struct router	*r = vty->v_router;
	const struct line_cfg	*lc = &r->r_lines[s->s_line];
	char			 idle[40], act[40], esc[16];
	const char		*in;

	(void)m;
	hms(lc->lc_exec_min * 60ul + lc->lc_exec_sec, idle, sizeof(idle));
	hms((clock_mono_ms() - s->s_start_ms) / 1000, act, sizeof(act));
	if (strcmp(act, "never") == 0)
		snprintf(act, sizeof(act), "00:00:00");
	escape_text(lc->lc_escape, esc, sizeof(esc));
	vty_out(vty, "Line %u, Location: \"\", Type: \"\"\n"
	    "Length: %u lines, Width: %u columns\n", s->s_line,
	    vty->v_term_length, vty->v_term_width);
	if (s->s_line < LINE_VTY0)
		vty_out(vty, "Baud rate (TX/RX) is 9600/9600, no parity, "
		    "%s stopbits, 8 databits\n", lc->lc_stopbits == 2 ? "1" :
		    lc->lc_stopbits == 3 ? "1.5" : "2");
	vty_out(vty, "Status: PSI Enabled, Ready, Active%s\n"
	    "Capabilities: none\n"
	    "Modem state: Ready\n"
	    "Group codes:    0\n"
	    "Special Chars: Escape  Hold  Stop  Start  Disconnect  Activation\n"
	    "               %4s    none   -     -       none         \n"
	    "Timeouts:      Idle EXEC    Idle Session   Modem Answer  Session"
	    "   Dispatch\n"
	    "               %-8s        never                        none"
	    "     not set\n"
	    "                            Idle Session Disconnect Warning\n"
	    "                              never \n"
	    "                            Login-sequence User Response\n"
	    "                             00:00:30\n"
	    "                            Autoselect Initial Wait\n"
	    "                              not set \n"
	    "Modem type is unknown.\n"
	    "Session limit is not set.\n"
	    "Time since activation: %s\n"
	    "Editing is enabled.\n"
	    "History is enabled, history size is 10.\n"
	    "DNS resolution in show commands is enabled\n"
	    "Full user help is disabled\n",
	    vty->v_term_length != 0 ? ", Automore On" : "", esc, idle, act);
	switch (s->s_line < LINE_VTY0 ? TRANSPORT_NONE : lc->lc_transport) {
	case TRANSPORT_ALL:	in = "telnet ssh"; break;
	case TRANSPORT_TELNET:	in = "telnet"; break;
	case TRANSPORT_SSH:	in = "ssh"; break;
	default:		in = "none"; break;
	}
	vty_out(vty, "Allowed input transports are %s.\n"
	    "Allowed output transports are none.\n"
	    "Preferred transport is telnet.\n"
	    "No output characters are padded\n"
	    "No special data dispatching characters\n", in);
	return CMD_SUCCESS;
}
