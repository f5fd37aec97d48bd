/*
 * lines: the settings of the router's terminal lines (line con 0, line aux
 * 0, line vty 0 15), as config-line edits them and show running-config
 * will render them.
 */
#ifndef IOSH_SHELL_LINES_H
#define IOSH_SHELL_LINES_H

#include <stdbool.h>

#define LINE_CON	0		/* index of line con 0 */
#define LINE_AUX	1		/* index of line aux 0 */
#define LINE_VTY0	2		/* index of line vty 0 */
#define LINE_NVTY	16
#define LINE_COUNT	(LINE_VTY0 + LINE_NVTY)

enum line_transport {
	TRANSPORT_ALL,
	TRANSPORT_NONE,
	TRANSPORT_TELNET,
	TRANSPORT_SSH,
};

struct line_cfg {
	unsigned		 lc_exec_min;	/* exec-timeout, default 10 0 */
	unsigned		 lc_exec_sec;
	bool			 lc_logging_sync;
	char			*lc_password;	/* NULL: none */
	bool			 lc_login;
	unsigned		 lc_length;	/* default 24 */
	unsigned		 lc_width;	/* default 80 */
	unsigned		 lc_privilege;	/* default 1 */
	enum line_transport	 lc_transport;
};

/* The range of lines a config-line session edits, indices inclusive. */
struct line_sel {
	unsigned	ls_first;
	unsigned	ls_last;
};

/* IOS defaults for line INDEX; frees nothing (see line_cfg_clear). */
void	line_cfg_default(struct line_cfg *, unsigned index);
void	line_cfg_clear(struct line_cfg *);

#endif
