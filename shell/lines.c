/*
 * lines: IOS's defaults for a terminal line, and the `line` blocks of the
 * running configuration.  The vty lines accept every transport by default;
 * the console and aux ports are not network lines.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/nvgen.h"
#include "shell/lines.h"

void
line_cfg_default(struct line_cfg *lc, unsigned index)
{
	*lc = (struct line_cfg){
		.lc_exec_min = 10,
		.lc_privilege = 1,
		.lc_length = 24,
		.lc_width = 80,
		.lc_escape = ESCAPE_DEFAULT,
		.lc_stopbits = 4,
		.lc_transport = index >= LINE_VTY0 ? TRANSPORT_ALL :
		    TRANSPORT_NONE,
		/* A vty asks for its password out of the box: with none
		 * set, nobody gets in ("Password required, but none set"),
		 * and the running-config says ` login`, as IOS's does. */
		.lc_login = index >= LINE_VTY0 ? LOGIN_LINE : LOGIN_NONE,
	};
}

void
line_cfg_clear(struct line_cfg *lc)
{
	password_clear(&lc->lc_password);
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

bool
line_cfg_equal(const struct line_cfg *a, const struct line_cfg *b)
{
	return a->lc_exec_min == b->lc_exec_min &&
	    a->lc_exec_sec == b->lc_exec_sec &&
	    a->lc_privilege == b->lc_privilege &&
	    a->lc_password.pw_type == b->lc_password.pw_type &&
	    str_eq(a->lc_password.pw_text, b->lc_password.pw_text) &&
	    a->lc_logging_sync == b->lc_logging_sync &&
	    a->lc_login == b->lc_login &&
	    a->lc_length == b->lc_length &&
	    a->lc_width == b->lc_width &&
	    a->lc_escape == b->lc_escape &&
	    a->lc_transport == b->lc_transport &&
	    a->lc_stopbits == b->lc_stopbits;
}

static const char *const transport_names[] = {
	[TRANSPORT_ALL] = "all",
	[TRANSPORT_NONE] = "none",
	[TRANSPORT_TELNET] = "telnet",
	[TRANSPORT_SSH] = "ssh",
};

/* The sub-commands of one line that differ from its defaults. */
static void
line_body(const struct line_cfg *lc, unsigned index, bool all,
    struct strbuf *sb)
{
	struct line_cfg	dflt;

	/* ALL: the settings with a value print it, default or not. */
	line_cfg_default(&dflt, index);
	if (all || lc->lc_exec_min != dflt.lc_exec_min ||
	    lc->lc_exec_sec != dflt.lc_exec_sec)
		nv_line(sb, 1, "exec-timeout %u %u", lc->lc_exec_min,
		    lc->lc_exec_sec);
	if (all || lc->lc_privilege != dflt.lc_privilege)
		nv_line(sb, 1, "privilege level %u", lc->lc_privilege);
	if (lc->lc_password.pw_text != NULL) {
		strbuf_puts(sb, " password ");
		password_render(&lc->lc_password, false, sb);
		strbuf_putc(sb, '\n');
	}
	if (lc->lc_logging_sync)
		nv_line(sb, 1, "logging synchronous");
	if (lc->lc_login == LOGIN_LINE)
		nv_line(sb, 1, "login");
	else if (lc->lc_login == LOGIN_LOCAL)
		nv_line(sb, 1, "login local");
	else if (dflt.lc_login != LOGIN_NONE)
		nv_line(sb, 1, "no login");
	/* Stop bits are an async setting: a vty has none to render. */
	if ((all || lc->lc_stopbits != dflt.lc_stopbits) && index < LINE_VTY0)
		nv_line(sb, 1, "stopbits %s", lc->lc_stopbits == 2 ? "1" :
		    lc->lc_stopbits == 3 ? "1.5" : "2");
	if (all || lc->lc_length != dflt.lc_length)
		nv_line(sb, 1, "length %u", lc->lc_length);
	if (all || lc->lc_width != dflt.lc_width)
		nv_line(sb, 1, "width %u", lc->lc_width);
	if (lc->lc_escape == ESCAPE_BREAK)
		nv_line(sb, 1, "escape-character BREAK");
	else if (lc->lc_escape == ESCAPE_NONE)
		nv_line(sb, 1, "escape-character NONE");
	else if (all || lc->lc_escape != dflt.lc_escape)
		nv_line(sb, 1, "escape-character %u", lc->lc_escape);
	if (all || lc->lc_transport != dflt.lc_transport)
		nv_line(sb, 1, "transport input %s",
		    transport_names[lc->lc_transport]);
}

/* Whether a vty line would render no sub-command. */
static bool
line_is_default(const struct line_cfg *lc, unsigned index)
{
	struct line_cfg	dflt;

	line_cfg_default(&dflt, index);
	return line_cfg_equal(lc, &dflt);
}

/* The vty lines FIRST..LAST (0-based), in runs of equal settings. */
static void
vty_range(const struct line_cfg *lines, unsigned first, unsigned last,
    bool skip_default, bool all, struct strbuf *sb)
{
	const struct line_cfg	*lc;
	unsigned		 i, end;

	for (i = first; i <= last; i = end + 1) {
		lc = &lines[LINE_VTY0 + i];
		for (end = i; end < last &&
		    line_cfg_equal(lc, &lines[LINE_VTY0 + end + 1]); end++)
			;
		if (skip_default && line_is_default(lc, LINE_VTY0 + i))
			continue;
		if (end == i)
			nv_line(sb, 0, "line vty %u", i);
		else
			nv_line(sb, 0, "line vty %u %u", i, end);
		line_body(lc, LINE_VTY0 + i, all, sb);
	}
}

void
lines_render(const struct line_cfg *lines, bool all, struct strbuf *sb)
{
	nv_line(sb, 0, "line con 0");
	line_body(&lines[LINE_CON], LINE_CON, all, sb);
	nv_line(sb, 0, "line aux 0");
	line_body(&lines[LINE_AUX], LINE_AUX, all, sb);
	vty_range(lines, 0, LINE_VTY_SHOWN - 1, false, all, sb);
	vty_range(lines, LINE_VTY_SHOWN, LINE_NVTY - 1, true, all, sb);
}
