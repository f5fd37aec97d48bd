/*
 * console: the router's console port.  Two implementations share the
 * session contract (shell/session.h): line mode for pipes and files, where
 * each prompt is followed by the echoed line so the output reads like a
 * console capture, and readline on a tty.
 */
#ifndef IOSH_SHELL_CONSOLE_H
#define IOSH_SHELL_CONSOLE_H

struct router;

/* Serve stdin/stdout in line mode; returns when input ends or the session exits. */
int	console_line_run(struct router *);
/* Give stdout, when it is not a terminal, line mode's large buffer; called
 * before anything is written to it. */
void	console_line_stdout(void);
/* Serve the controlling tty with readline; same return rule. */
int	console_tty_run(struct router *);

#endif
