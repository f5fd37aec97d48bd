/*
 * vty: what a command handler sees of the session that typed the command.
 *
 * Handlers live in their own subsystem (shell, crypto, dataplane) and must
 * not depend on the console code, so this header holds only the contract:
 * where output goes, which mode the session is in, and which configuration
 * object a sub-mode is editing.  shell/ embeds a struct vty in each session.
 */
#ifndef IOSH_LIB_VTY_H
#define IOSH_LIB_VTY_H

#include <stdbool.h>

#include "lib/strbuf.h"

/*
 * A CLI mode, by number.  lib/ knows none of them: each subsystem declares
 * the modes it owns in its cmds.h, numbered in a block of its own (shell
 * from 0 and again from 48, dataplane from 16, crypto from 32), and
 * grammar/modes.c gives
 * each its row (parent, prompt, the tables its commands come from); two
 * owners claiming one number is a compile-time warning there
 * (-Woverride-init) and a failure of check_shell.
 */
typedef unsigned	mode_id;
#define MODE_MAX	64		/* every mode number is below */
#define MODE_NONE	MODE_MAX	/* no mode: an exec mode's parent */

struct router;
struct system;

struct vty {
	mode_id		 v_mode;	/* mode the session is in */
	void		*v_ctx;		/* object the sub-mode edits */
	struct router	*v_router;	/* the router this session drives */
	struct system	*v_sys;		/* its subsystems (lib/system.h) */
	struct strbuf	 v_out;		/* output of the running command */
	unsigned	 v_term_length;	/* lines per page, 0: no pager */
	unsigned	 v_term_width;	/* columns, for help wrapping */
	/* Set by vty_invalid(): the handler rejected the word at this
	 * offset of the line; the shell answers with IOS's caret. */
	bool		 v_invalid;
	size_t		 v_invalid_off;
	/*
	 * An asynchronous command (`ping`) outlives its handler: it returns
	 * vty_pending() and goes on from timers, sending its output as it
	 * comes with vty_flush() and ending with vty_done().  Meanwhile the
	 * console reads no command (IOS's type-ahead waits) and the user's
	 * escape sequence calls the cancel function.  The shell installs
	 * v_stream and v_finish; the handler gives v_cancel.
	 */
	bool		 v_pending;
	void		(*v_stream)(struct vty *);
	void		(*v_finish)(struct vty *);
	void		(*v_cancel)(void *);
	void		*v_cancel_arg;
	/* vty_ask(), installed by the shell. */
	void		(*v_ask)(struct vty *, const char *question,
			    void (*fn)(struct vty *, void *, const char *),
			    void *arg, void (*arg_free)(void *));
};

/* Handler return values. */
enum cmd_ret {
	CMD_SUCCESS = 0,
	CMD_WARNING = 1,	/* handler printed an error; mode unchanged */
	CMD_CLOSE = 2,		/* the session ends (exec `exit`) */
	CMD_PENDING = 3,	/* still running: vty_done() ends it */
};

void	vty_out(struct vty *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * A value the grammar accepts but the handler does not ("interface x"):
 * IOS answers with the caret under the word, as for a syntax error.  OFF
 * is the word's offset in the line (cmd_arg_off()).  Return CMD_WARNING.
 */
void	vty_invalid(struct vty *, size_t off);
/*
 * Asynchronous commands.  A handler that goes on after it returns ends
 * with `return vty_pending(vty, cancel, arg);`; CANCEL(ARG) must stop it
 * and call vty_done() before returning.  vty_flush() sends what the
 * command printed so far (a ping's `!` as each reply arrives);
 * vty_done() sends the rest and gives the console its prompt back.
 */
int	vty_pending(struct vty *, void (*cancel)(void *), void *arg);
void	vty_flush(struct vty *);
void	vty_done(struct vty *);
/* The console's escape sequence (Ctrl-^): stop the pending command. */
void	vty_cancel(struct vty *);
/*
 * A dialog (the extended ping): QUESTION replaces the prompt and the next
 * line typed goes to FN(vty, ARG, answer), which may ask again.  If the
 * session ends first, ARG_FREE(ARG) is called instead.  QUESTION must
 * stay valid until answered.
 */
void	vty_ask(struct vty *, const char *question,
	    void (*fn)(struct vty *, void *arg, const char *answer),
	    void *arg, void (*arg_free)(void *));
/* Enter MODE editing CTX; takes effect when the handler returns. */
void	vty_enter(struct vty *, mode_id, void *ctx);

#endif
