/*
 * lines: the settings of the router's terminal lines (line con 0, line aux
 * 0, line vty 0 15), as config-line edits them and show running-config
 * renders them.
 */
#ifndef IOSH_SHELL_LINES_H
#define IOSH_SHELL_LINES_H

#include <stdbool.h>

#include "lib/strbuf.h"
#include "shell/password.h"

#define LINE_CON	0		/* index of line con 0 */
#define LINE_AUX	1		/* index of line aux 0 */
#define LINE_VTY0	2		/* index of line vty 0 */
#define LINE_NVTY	16
#define LINE_COUNT	(LINE_VTY0 + LINE_NVTY)
/* IOS renders vty 0 4 always, the others only when configured. */
#define LINE_VTY_SHOWN	5

enum line_transport {
	TRANSPORT_ALL,
	TRANSPORT_NONE,
	TRANSPORT_TELNET,
	TRANSPORT_SSH,
};

/* escape-character: a character code, or one of these. */
#define ESCAPE_DEFAULT	30		/* Ctrl-^ */
#define ESCAPE_BREAK	256
#define ESCAPE_NONE	257

enum line_login {
	LOGIN_NONE,
	LOGIN_LINE,			/* `login`: the line password */
	LOGIN_LOCAL,			/* `login local`: the usernames */
};

struct line_cfg {
	unsigned		 lc_exec_min;	/* exec-timeout, default 10 0 */
	unsigned		 lc_exec_sec;
	unsigned		 lc_privilege;	/* default 1 */
	struct password		 lc_password;
	bool			 lc_logging_sync;
	enum line_login		 lc_login;
	unsigned		 lc_length;	/* default 24 */
	unsigned		 lc_width;	/* default 80 */
	unsigned		 lc_escape;	/* ESCAPE_* or a character */
	enum line_transport	 lc_transport;
	unsigned		 lc_stopbits;	/* in half bits: 2, 3, 4 (default) */
};

/* The range of lines a config-line session edits, indices inclusive. */
struct line_sel {
	unsigned	ls_first;
	unsigned	ls_last;
};

/* IOS defaults for line INDEX; frees nothing (see line_cfg_clear). */
void	line_cfg_default(struct line_cfg *, unsigned index);
void	line_cfg_clear(struct line_cfg *);
/* Whether two lines would render the same sub-commands. */
bool	line_cfg_equal(const struct line_cfg *, const struct line_cfg *);
/* `line con 0`, `line aux 0`, `line vty 0 4` ... with their sub-commands,
 * consecutive vty lines of equal settings grouped as IOS groups them;
 * ALL (show running-config all): each line's defaults too. */
void	lines_render(const struct line_cfg *lines, bool all, struct strbuf *);

#endif
