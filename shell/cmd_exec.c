/*
 * cmd_exec: user and privileged exec commands: moving between the exec
 * levels and into configuration, the terminal settings, show version,
 * show history, show debugging and undebug all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "config.h"

#include "crypto/crypto.h"
#include "dataplane/dp.h"
#include "grammar/modes.h"
#include "lib/clock.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/uptime.h"

int
cmd_disable(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_enter(vty, MODE_USER_EXEC, NULL);
	return CMD_SUCCESS;
}

int
cmd_exit_exec(struct vty *vty, const struct cmd_args *m)
{
	(void)vty;
	(void)m;
	return CMD_CLOSE;
}

int
cmd_configure_terminal(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_out(vty, "Enter configuration commands, one per line.  "
	    "End with CNTL/Z.\n");
	vty_enter(vty, MODE_CONFIG, NULL);
	return CMD_SUCCESS;
}

/* Physical memory in kilobytes, as IOS reports processor memory. */
static unsigned long long
memory_kb(void)
{
	long	pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);

	if (pages < 0 || size < 0)
		return 0;
	return (unsigned long long)pages * (unsigned long long)size / 1024;
}

/*
 * The router's board ID: iosh has no serial number, so each router gets a
 * stable one from where it keeps its nvram (a lab's R1 and R2 differ, and
 * keep theirs across restarts): "IOSH" and eight hex digits (FNV-1a).
 */
static void
board_id(const struct router *r, char *buf, size_t len)
{
	const char	*p = r->r_nvram_dir != NULL ? r->r_nvram_dir : "";
	uint32_t	 h = 2166136261u;

	for (; *p != '\0'; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	snprintf(buf, len, "IOSH%08X", h);
}

/*
 * `show inventory`: the chassis, as a router without modules lists it —
 * iosh's platform as the PID, the board ID of show version as the serial
 * number, no hardware version (VID) to claim.
 */
int
cmd_show_inventory(struct vty *vty, const struct cmd_args *m)
{
	struct utsname	un;
	char		id[16];

	(void)m;
	if (uname(&un) != 0)
		strcpy(un.machine, "unknown");
	board_id(vty->v_router, id, sizeof(id));
	vty_out(vty, "NAME: \"Chassis\", DESCR: \"iosh IOSH-LINUX (%s) "
	    "chassis\"\n", un.machine);
	vty_out(vty, "PID: %-18s, VID: %-3s, SN: %s\n\n", "IOSH-LINUX", "",
	    id);
	return CMD_SUCCESS;
}

/*
 * `telnet HOST [PORT]`, `connect HOST [PORT]` and a bare address at the
 * exec prompt: iosh's dataplane has no TCP, so its lines carry no
 * outbound connection — IOS's answer for a line whose transport output
 * allows none, rather than a "Trying ..." that tries nothing.
 */
int
cmd_telnet(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_out(vty, "%% telnet connections not permitted from this "
	    "terminal\n");
	return CMD_WARNING;
}

/*
 * `show version` in IOS's layout — image line, ROM, uptime, how the router
 * last started, image file, processor and memory, board ID, configuration
 * register — so tools that parse IOS's (ntc-templates, Netmiko) find each
 * field; the first lines say plainly that this is iosh, not Cisco IOS.
 */
int
cmd_show_version(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	struct strbuf	 up;
	struct utsname	 un;
	char		 id[16];
	time_t		 t;
	struct tm	 tm;
	char		 when[64];

	(void)m;
	strbuf_init(&up);
	uptime_words(clock_mono_ms() - r->r_boot_ms, &up);
	if (uname(&un) != 0)
		strcpy(un.machine, "unknown");
	board_id(r, id, sizeof(id));
	vty_out(vty, "iosh Software (IOSH-LINUX), Version %s, "
	    "RELEASE SOFTWARE (iosh)\n", PACKAGE_VERSION);
	vty_out(vty, "Technical Support: see the README of the %s "
	    "distribution\n", PACKAGE_NAME);
	vty_out(vty, "iosh is free software; it is not Cisco IOS and is not "
	    "affiliated with Cisco Systems.\n");
	vty_out(vty, "\n");
	vty_out(vty, "ROM: iosh (no ROM monitor)\n");
	vty_out(vty, "\n");
	vty_out(vty, "%s uptime is %s\n", r->r_hostname, up.sb_buf);
	if (r->r_reloaded_ms != 0) {
		t = (time_t)(r->r_reloaded_ms / 1000);
		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%H:%M:%S UTC %a %b ", &tm);
		vty_out(vty, "System returned to ROM by reload at %s%d %d\n",
		    when, tm.tm_mday, tm.tm_year + 1900);
	} else
		vty_out(vty, "System returned to ROM by power-on\n");
	vty_out(vty, "System image file is \"unix:%s\"\n", r->r_image);
	vty_out(vty, "Last reload reason: %s\n", r->r_reloaded_ms != 0 ?
	    "Reload Command" : "power-on");
	vty_out(vty, "\n");
	vty_out(vty, "cisco IOSH-LINUX (%s) processor (revision %s) with "
	    "%lluK/0K bytes of memory.\n", un.machine, PACKAGE_VERSION,
	    memory_kb());
	vty_out(vty, "Processor board ID %s\n", id);
	vty_out(vty, "\n");
	vty_out(vty, "Configuration register is 0x2102\n");
	vty_out(vty, "\n");
	strbuf_free(&up);
	return CMD_SUCCESS;
}

int
cmd_show_history(struct vty *vty, const struct cmd_args *m)
{
	struct session	*s = session_of(vty);
	char		**hist = s->s_hist;
	size_t		  i, n = s->s_nhist;

	(void)m;
	/* IOS keeps configuration-mode history apart (seen with `do`). */
	if (mode_info(vty->v_mode)->mi_flags & MODE_F_CONFIG) {
		hist = s->s_chist;
		n = s->s_nchist;
	}
	for (i = 0; i < n; i++)
		vty_out(vty, "  %s\n", hist[i]);
	return CMD_SUCCESS;
}

int
cmd_show_debugging(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	sb;

	(void)m;
	strbuf_init(&sb);
	dp_show_debugging(vty->v_sys->sy_dp, &sb);
	crypto_show_debugging(vty->v_sys->sy_crypto, &sb);
	strbuf_add(&vty->v_out, sb.sb_buf, sb.sb_len);
	strbuf_free(&sb);
	return CMD_SUCCESS;
}

int
cmd_undebug_all(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	crypto_debug_all_off(vty->v_sys->sy_crypto);
	dp_debug_all_off(vty->v_sys->sy_dp);
	vty_out(vty, "All possible debugging has been turned off\n");
	return CMD_SUCCESS;
}

int
cmd_terminal_length(struct vty *vty, const struct cmd_args *m)
{
	vty->v_term_length = (unsigned)cmd_arg_num(m, "lines", 24);
	return CMD_SUCCESS;
}

int
cmd_terminal_width(struct vty *vty, const struct cmd_args *m)
{
	vty->v_term_width = (unsigned)cmd_arg_num(m, "columns", 80);
	return CMD_SUCCESS;
}
