/*
 * session: one CLI session (the console today, telnet vtys later).
 *
 * The session owns the mode, the history and the command dispatch; a
 * console (line mode, readline tty, telnet) owns the terminal and calls in
 * here with complete lines, `?` requests and TAB requests.  The contract
 * between the two is this header.
 */
#ifndef IOSH_SHELL_SESSION_H
#define IOSH_SHELL_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "lib/strbuf.h"
#include "lib/vty.h"
#include "shell/lines.h"

struct router;
struct session;

/* What a question's answer is handed to (the line typed, newline gone). */
typedef void	(*session_answer_fn)(struct session *, const char *answer);

/* How a session hands text to its terminal. */
struct console_ops {
	/* Output of a command, in order (already filtered).  The console
	 * pages it when it is a tty and terminal length is not 0. */
	void	(*co_output)(void *arg, const char *text, size_t len);
	/* A log or debug message that may arrive while a line is being
	 * typed: the console prints it above the line and redraws it. */
	void	(*co_async)(void *arg, const char *text, size_t len);
	/* Optional, for commands that outlive their handler (vty_pending):
	 * output to show at once, bypassing the pager (NULL: co_output),
	 * and the command's end, when the console prompts again. */
	void	(*co_stream)(void *arg, const char *text, size_t len);
	void	(*co_done)(void *arg);
	/* Optional: the router drops this line (a reload), as IOS closes
	 * its telnet sessions; nothing more is shown on it.  NULL: the
	 * console, which stays and is reset. */
	void	(*co_hangup)(void *arg);
};

struct session {
	struct vty		 s_vty;		/* mode, output, terminal */
	struct router		*s_router;
	const struct console_ops *s_ops;
	void			*s_ops_arg;
	char			**s_hist;	/* exec history, oldest first */
	size_t			 s_nhist;
	char			**s_chist;	/* configuration history */
	size_t			 s_nchist;
	struct line_sel		 s_line_sel;	/* lines config-line edits */
	const char		*s_question;	/* asked instead of a prompt */
	session_answer_fn	 s_answer;	/* takes the next line typed */
	bool			 s_secret;	/* the answer is not echoed */
	unsigned		 s_line;	/* LINE_CON, or LINE_VTY0 + n */
	bool			 s_monitor;	/* terminal monitor (vty logs) */
	char			*s_user;	/* `login local` name, or NULL */
	char			 s_location[48]; /* vty: the client's address */
	uint64_t		 s_input_ms;	/* last line typed (show users) */
	uint64_t		 s_start_ms;	/* began (show terminal) */
	struct session		*s_next;	/* router's session list */
	/* A question asked with vty_ask(): its answer function's own
	 * argument, freed if the session ends first. */
	void			(*s_vask)(struct vty *, void *, const char *);
	void			*s_vask_arg;
	void			(*s_vask_free)(void *);
};

struct session	*session_new(struct router *, const struct console_ops *,
		    void *ops_arg);
void		 session_free(struct session *);
/* The prompt for the current mode: "R1>", "R1#", "R1(config-if)#". */
void		 session_prompt(const struct session *, struct strbuf *);
/* Execute LINE; returns false when the session has ended (exec `exit`). */
bool		 session_execute(struct session *, const char *line);
/*
 * Ask QUESTION ("Proceed with reload? [confirm]"): it replaces the prompt,
 * and the next line typed goes to FN instead of the command parser (in
 * line mode, the next input line, as an expect script answers IOS).  FN's
 * output goes through the session's vty as a command's does.
 */
void		 session_ask(struct session *, const char *question,
		    session_answer_fn);
/* The same for a password: the console does not echo the answer. */
void		 session_ask_secret(struct session *, const char *question,
		    session_answer_fn);
/* A command is still running (vty_pending): no prompt, no new line. */
bool		 session_busy(const struct session *);
/* The user's escape sequence (Ctrl-^) during a running command. */
void		 session_cancel(struct session *);
/* Back to user exec with no question pending (after a reload). */
void		 session_reset(struct session *);
/* Ctrl-Z: leave any configuration mode for privileged exec. */
void		 session_ctrl_z(struct session *);
/*
 * `?` typed after LINE: append to OUT what IOS prints (the listing, or the
 * caret and error).  The console then redraws the prompt and LINE.
 */
void		 session_help(struct session *, const char *line,
		    struct strbuf *out);
/* TAB after LINE: the completed line (malloc'd) or NULL. */
char		*session_complete(struct session *, const char *line);
/* The session a handler's vty belongs to. */
struct session	*session_of(struct vty *);

#endif
