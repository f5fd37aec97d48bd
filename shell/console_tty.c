/*
 * console_tty: the console on a terminal, with GNU readline in callback
 * mode so the router's one event loop keeps serving timers and sockets
 * while a line is typed.
 *
 * IOS keys are bound over readline's: `?` lists what may come next at
 * once, TAB completes a keyword (never a file name), Ctrl-Z leaves the
 * configuration modes and Ctrl-C drops the line.  Command output goes
 * through the --More-- pager (shell/pager.c); while it waits, keystrokes
 * go to the pager instead of readline.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "lib/evloop.h"
#include "lib/strbuf.h"
#include "shell/console.h"
#include "shell/pager.h"
#include "shell/router.h"
#include "shell/session.h"

/* IOS's largest `history size`: enough to recall, bounded in memory. */
#define TTY_HISTORY_MAX	256

#define CTRL_C	0x03
#define CTRL_Z	0x1a
#define CTRL_CARET 0x1e	/* Ctrl-Shift-6, IOS's escape character */

enum tty_state {
	TTY_EDIT,	/* readline is editing a line */
	TTY_BUSY,	/* a command, a help listing or Ctrl-Z is running */
	TTY_MORE,	/* the pager waits at --More-- for a key */
	TTY_RUN,	/* a command runs on (ping): only Ctrl-^ counts */
	TTY_IDLE,	/* exec-timeout ended the exec: RETURN starts one */
};

/* The key that ended the line readline hands over. */
enum tty_key {
	TTY_KEY_ENTER,
	TTY_KEY_INTR,	/* Ctrl-C: drop the line */
	TTY_KEY_SUSP,	/* Ctrl-Z: run the line, then `end` */
};

struct tty {
	struct session	*t_sess;
	struct evloop	*t_loop;
	struct pager	 t_pager;
	struct strbuf	 t_held;	/* log messages held during --More-- */
	struct strbuf	 t_prompt;
	enum tty_state	 t_state;
	enum tty_key	 t_key;
	bool		 t_rl;		/* the readline handler is installed */
	bool		 t_done;	/* the session has ended */
	struct ev_timer	*t_idle;	/* line con 0's exec-timeout */
};

/* Readline's callbacks carry no argument: the one console on the tty. */
static struct tty	*tty;
/* The terminal as iosh found it; signal handlers restore it too. */
static struct termios	 tty_saved;
static volatile sig_atomic_t tty_active;
static bool		 tty_atexit;
static int		 tty_winch[2] = { -1, -1 };

/* Signals whose disposition the console changes, and the old ones. */
static const int	 tty_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
			    SIGWINCH };
#define TTY_NSIGS	(sizeof(tty_sigs) / sizeof(tty_sigs[0]))
static struct sigaction	 tty_oldsa[TTY_NSIGS];

static void
tty_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stdout);
	fflush(stdout);
}

static void
tty_puts(const char *s)
{
	tty_write(s, strlen(s));
}

static const char *
tty_prompt(struct tty *t)
{
	strbuf_reset(&t->t_prompt);
	session_prompt(t->t_sess, &t->t_prompt);
	return t->t_prompt.sb_buf;
}

/*
 * co_output: a command's output.  It is queued for the pager unless the
 * terminal has no length; the command has finished before paging starts.
 */
static void
tty_co_output(void *arg, const char *text, size_t len)
{
	struct tty	*t = arg;

	if (t->t_sess->s_vty.v_term_length == 0 && !pager_pending(&t->t_pager))
		tty_write(text, len);
	else
		pager_add(&t->t_pager, text, len);
}

/*
 * co_async: a log or debug message.  Over a line being typed it starts on
 * a line of its own below it, the prompt and the line typed staying where
 * they were, as on IOS; then the prompt and the line are drawn again
 * below the message (IOS's `logging synchronous`; without it IOS leaves
 * the cursor under the message, which readline, owning the line being
 * edited, cannot).  At --More-- it waits for the pager to finish.
 */
static void
tty_co_async(void *arg, const char *text, size_t len)
{
	struct tty	*t = arg;

	switch (t->t_state) {
	case TTY_EDIT:
		rl_crlf();
		tty_write(text, len);
		if (len > 0 && text[len - 1] != '\n')
			tty_puts("\n");
		rl_on_new_line();
		rl_redisplay();
		break;
	case TTY_BUSY:
	case TTY_RUN:
	case TTY_IDLE:
		/* Keep it in order with the output the command queued. */
		if (pager_pending(&t->t_pager))
			pager_add(&t->t_pager, text, len);
		else
			tty_write(text, len);
		break;
	case TTY_MORE:
		strbuf_add(&t->t_held, text, len);
		break;
	}
}

/* co_stream: a running command's output, at once unless paging. */
static void
tty_co_stream(void *arg, const char *text, size_t len)
{
	struct tty	*t = arg;

	if (pager_pending(&t->t_pager))
		pager_add(&t->t_pager, text, len);
	else
		tty_write(text, len);
}

static void	tty_co_done(void *);

static const struct console_ops tty_ops = {
	.co_output = tty_co_output,
	.co_async = tty_co_async,
	.co_stream = tty_co_stream,
	.co_done = tty_co_done,
};

/* Show the queued output; returns true when it stopped at --More--. */
static bool
tty_page(struct tty *t)
{
	struct strbuf	out;
	bool		more;

	if (!pager_pending(&t->t_pager))
		return false;
	strbuf_init(&out);
	more = pager_start(&t->t_pager, t->t_sess->s_vty.v_term_length, &out);
	tty_write(out.sb_buf, out.sb_len);
	strbuf_free(&out);
	if (more)
		t->t_state = TTY_MORE;
	return more;
}

static void	tty_line(char *);

static void	tty_idle_arm(struct tty *);

static void
tty_install(struct tty *t)
{
	rl_callback_handler_install(tty_prompt(t), tty_line);
	t->t_rl = true;
	t->t_state = TTY_EDIT;
	tty_idle_arm(t);
}

static void
tty_remove(struct tty *t)
{
	rl_callback_handler_remove();
	t->t_rl = false;
}

static void
tty_end(struct tty *t)
{
	t->t_done = true;
	evloop_stop(t->t_loop);
}

/* Stands in for rl_redisplay while a help listing waits at --More--. */
static void
tty_redisplay_none(void)
{
}

/*
 * The line readline hands over: Enter, Ctrl-C or Ctrl-Z ended it, or NULL
 * for Ctrl-D on an empty line (or a terminal that went away).
 */
static void
tty_line(char *line)
{
	struct tty	*t = tty;
	enum tty_key	 key = t->t_key;
	bool		 alive = true;

	t->t_key = TTY_KEY_ENTER;
	t->t_state = TTY_BUSY;
	if (line == NULL) {
		tty_puts("\n");
		alive = false;
	} else if (key == TTY_KEY_INTR) {
		/* In a configuration mode IOS's Ctrl-C also ends it. */
		session_ctrl_z(t->t_sess);
	} else {
		if (line[strspn(line, " \t")] != '\0')
			add_history(line);
		alive = session_execute(t->t_sess, line);
		if (alive && key == TTY_KEY_SUSP)
			session_ctrl_z(t->t_sess);
	}
	free(line);
	if (!alive) {
		tty_remove(t);
		tty_end(t);
		return;
	}
	if (session_busy(t->t_sess)) {
		/* No prompt until the command is done (tty_co_done). */
		tty_remove(t);
		t->t_state = TTY_RUN;
		return;
	}
	if (tty_page(t)) {
		/* Readline would show the prompt on return; it waits instead. */
		tty_remove(t);
		return;
	}
	/* The mode may have changed; readline shows this on return. */
	rl_set_prompt(tty_prompt(t));
	t->t_state = TTY_EDIT;
}

/* The running command is done: its paged output, then the prompt. */
static void
tty_co_done(void *arg)
{
	struct tty	*t = arg;

	t->t_state = TTY_BUSY;
	if (!tty_page(t))
		tty_install(t);
}

/* The pager is done: what was held back, then the prompt again. */
static void
tty_more_done(struct tty *t)
{
	tty_write(t->t_held.sb_buf, t->t_held.sb_len);
	strbuf_reset(&t->t_held);
	if (t->t_rl) {
		/* A help listing: readline kept the line; draw it again. */
		rl_redisplay_function = rl_redisplay;
		t->t_state = TTY_EDIT;
		rl_on_new_line();
		rl_redisplay();
	} else
		tty_install(t);
}

static void
tty_more_key(struct tty *t, int key)
{
	struct strbuf	out;
	bool		more;

	strbuf_init(&out);
	more = pager_key(&t->t_pager, key, &out);
	tty_write(out.sb_buf, out.sb_len);
	strbuf_free(&out);
	if (!more)
		tty_more_done(t);
}

/* Ctrl-C and Ctrl-Z end the line like Enter, after echoing themselves. */
static void
tty_end_line(enum tty_key key, const char *echo)
{
	tty->t_key = key;
	rl_point = rl_end;
	rl_redisplay();
	tty_puts(echo);
	rl_done = 1;
}

static int
tty_key_intr(int count, int key)
{
	(void)count;
	(void)key;
	tty_end_line(TTY_KEY_INTR, "^C\n");
	return 0;
}

static int
tty_key_susp(int count, int key)
{
	(void)count;
	(void)key;
	tty_end_line(TTY_KEY_SUSP, "^Z\n");
	return 0;
}

/*
 * `?`: IOS shows the line up to the cursor followed by the `?`, lists
 * below what may come next there, and draws the prompt and the whole line
 * again with the cursor where it was.
 */
static int
tty_key_help(int count, int key)
{
	struct tty	*t = tty;
	struct strbuf	 before, help;
	char		*line;
	int		 point = rl_point;

	(void)count;
	(void)key;
	line = rl_copy_text(0, rl_end);
	strbuf_init(&before);
	strbuf_init(&help);
	strbuf_add(&before, rl_line_buffer, (size_t)rl_point);

	t->t_state = TTY_BUSY;
	session_help(t->t_sess, before.sb_buf, &help);
	strbuf_putc(&before, '?');
	rl_replace_line(before.sb_buf, 0);
	rl_point = rl_end;
	rl_redisplay();
	tty_puts("\n");
	tty_co_output(t, help.sb_buf, help.sb_len);

	rl_replace_line(line, 0);
	rl_point = point;
	if (tty_page(t)) {
		/* Readline redraws after each key; not over --More--. */
		rl_redisplay_function = tty_redisplay_none;
	} else {
		t->t_state = TTY_EDIT;
		rl_on_new_line();
		rl_redisplay();
	}
	free(line);
	strbuf_free(&help);
	strbuf_free(&before);
	return 0;
}

/* TAB: the session completes the words before the cursor, or the bell. */
static int
tty_key_complete(int count, int key)
{
	char	*before, *done;

	(void)count;
	(void)key;
	before = rl_copy_text(0, rl_point);
	if ((done = session_complete(tty->t_sess, before)) == NULL)
		rl_ding();
	else {
		rl_begin_undo_group();
		rl_delete_text(0, rl_point);
		rl_point = 0;
		rl_insert_text(done);
		rl_end_undo_group();
		free(done);
	}
	free(before);
	return 0;
}

/* Readline's completion (M-?, Esc Esc) would offer file names: none. */
static char **
tty_no_completion(const char *text, int start, int end)
{
	(void)text;
	(void)start;
	(void)end;
	rl_attempted_completion_over = 1;
	return NULL;
}

static void
tty_input(int fd, short revents, void *arg)
{
	struct tty	*t = arg;
	unsigned char	 c;
	ssize_t		 n;

	if (revents & POLLNVAL) {
		tty_end(t);
		return;
	}
	if (t->t_state == TTY_IDLE) {
		if ((n = read(fd, &c, 1)) == 1) {
			if (c == '\r' || c == '\n') {
				tty_puts("\n");
				tty_install(t);
			}
		} else if (n == 0 || (errno != EINTR && errno != EAGAIN))
			tty_end(t);
		return;
	}
	tty_idle_arm(t);
	if (t->t_state == TTY_RUN) {
		/* Keys typed during a ping are dropped; Ctrl-^ stops it. */
		if ((n = read(fd, &c, 1)) == 1) {
			if (c == CTRL_CARET)
				session_cancel(t->t_sess);
		} else if (n == 0 || (errno != EINTR && errno != EAGAIN))
			tty_end(t);
		return;
	}
	if (t->t_state != TTY_MORE) {
		/* Readline turns end of input into a NULL line. */
		rl_callback_read_char();
		return;
	}
	/* One byte at a time: what is typed after the pager is readline's. */
	if ((n = read(fd, &c, 1)) == 1)
		tty_more_key(t, c);
	else if (n == 0 || (errno != EINTR && errno != EAGAIN))
		tty_end(t);
}

/*
 * `exec-timeout` on line con 0: that long without a key at the prompt and
 * the exec ends as IOS ends it on its console — back to user exec, the
 * line typed dropped, and
 *
 *	Router con0 is now available
 *
 *	Press RETURN to get started.
 *
 * until RETURN gives a prompt again.
 */
static void
tty_idle_fire(void *arg)
{
	struct tty	*t = arg;
	struct strbuf	 msg;

	t->t_idle = NULL;
	if (t->t_state != TTY_EDIT) {
		tty_idle_arm(t);
		return;
	}
	rl_replace_line("", 0);
	tty_remove(t);
	session_reset(t->t_sess);
	strbuf_init(&msg);
	strbuf_printf(&msg, "\n\n\n%s con0 is now available\n\n\n\n\n\n\n"
	    "Press RETURN to get started.\n\n",
	    t->t_sess->s_router->r_hostname);
	tty_write(msg.sb_buf, msg.sb_len);
	strbuf_free(&msg);
	t->t_state = TTY_IDLE;
}

static void
tty_idle_arm(struct tty *t)
{
	const struct line_cfg	*lc = &t->t_sess->s_router->r_lines[LINE_CON];
	uint64_t		 ms;

	if (t->t_idle != NULL)
		evloop_timer_cancel(t->t_loop, t->t_idle);
	t->t_idle = NULL;
	ms = ((uint64_t)lc->lc_exec_min * 60 + lc->lc_exec_sec) * 1000;
	if (ms > 0 && t->t_state != TTY_IDLE)
		t->t_idle = evloop_timer_add(t->t_loop, ms, tty_idle_fire, t);
}

static void
tty_winch_input(int fd, short revents, void *arg)
{
	struct tty	*t = arg;
	char		 buf[64];

	(void)revents;
	while (read(fd, buf, sizeof(buf)) > 0)
		continue;
	if (t->t_state == TTY_EDIT)
		rl_resize_terminal();
	else
		rl_reset_screen_size();
}

static void
tty_sigwinch(int sig)
{
	int	saved = errno;
	char	c = 0;
	ssize_t	n;

	(void)sig;
	/* A full pipe already says the size changed. */
	n = write(tty_winch[1], &c, 1);
	(void)n;
	errno = saved;
}

/* The self-pipe that brings SIGWINCH into the event loop. */
static int
tty_winch_open(void)
{
	int	i;

	if (pipe(tty_winch) == -1)
		return -1;
	for (i = 0; i < 2; i++)
		if (fcntl(tty_winch[i], F_SETFL, O_NONBLOCK) == -1 ||
		    fcntl(tty_winch[i], F_SETFD, FD_CLOEXEC) == -1)
			return -1;
	return 0;
}

static void
tty_restore(void)
{
	if (tty_active)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &tty_saved);
}

/* A fatal signal must not leave the user's terminal without echo. */
static void
tty_sigfatal(int sig)
{
	struct sigaction	sa;

	tty_restore();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	raise(sig);
}

static void
tty_signals_set(void)
{
	struct sigaction	sa;
	size_t			i;

	for (i = 0; i < TTY_NSIGS; i++) {
		memset(&sa, 0, sizeof(sa));
		sigemptyset(&sa.sa_mask);
		switch (tty_sigs[i]) {
		case SIGINT:
			/* Ctrl-C is a key here, and nothing else may kill us. */
			sa.sa_handler = SIG_IGN;
			break;
		case SIGWINCH:
			sa.sa_handler = tty_sigwinch;
			sa.sa_flags = SA_RESTART;
			break;
		default:
			sa.sa_handler = tty_sigfatal;
			break;
		}
		sigaction(tty_sigs[i], &sa, &tty_oldsa[i]);
	}
}

static void
tty_signals_restore(void)
{
	size_t	i;

	for (i = 0; i < TTY_NSIGS; i++)
		sigaction(tty_sigs[i], &tty_oldsa[i], NULL);
}

/*
 * The terminal must hand Ctrl-Z and Ctrl-C to iosh as bytes instead of
 * stopping or interrupting it.  Readline prepares the terminal from these
 * settings.
 */
static int
tty_termios_set(void)
{
	struct termios	t;

	if (tcgetattr(STDIN_FILENO, &tty_saved) == -1)
		return -1;
	t = tty_saved;
	t.c_cc[VSUSP] = _POSIX_VDISABLE;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	tty_active = 1;
	return tcsetattr(STDIN_FILENO, TCSADRAIN, &t);
}

static void
tty_readline_init(void)
{
	rl_readline_name = "iosh";
	rl_instream = stdin;
	rl_outstream = stdout;
	/* Signals are ours (above); readline must not export LINES/COLUMNS. */
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_attempted_completion_function = tty_no_completion;
	rl_initialize();
	/* Escape sequences that no IOS console sends would confuse scripts. */
	rl_variable_bind("enable-bracketed-paste", "off");
	rl_variable_bind("enable-meta-key", "off");
	/* After rl_initialize, so that no inputrc binding overrides these. */
	rl_bind_key('?', tty_key_help);
	rl_bind_key('\t', tty_key_complete);
	rl_bind_key(CTRL_Z, tty_key_susp);
	rl_bind_key(CTRL_C, tty_key_intr);
	/*
	 * Readline would give the terminal back its echo while each command
	 * runs, so a line typed or pasted meanwhile would be echoed twice.
	 * Like IOS, keep it in character mode, without echo, until the end.
	 */
	rl_prep_terminal(0);
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	using_history();
	stifle_history(TTY_HISTORY_MAX);
}

int
console_tty_run(struct router *r)
{
	struct tty	t;
	int		rv = 0;

	memset(&t, 0, sizeof(t));
	t.t_loop = r->r_loop;
	pager_init(&t.t_pager);
	strbuf_init(&t.t_held);
	strbuf_init(&t.t_prompt);
	t.t_sess = session_new(r, &tty_ops, &t);
	tty = &t;

	if (tty_winch_open() == -1) {
		perror("iosh: pipe");
		rv = 1;
		goto out;
	}
	if (tty_termios_set() == -1) {
		perror("iosh: terminal");
		rv = 1;
		goto out;
	}
	/* Also when a command calls exit(). */
	if (!tty_atexit) {
		atexit(tty_restore);
		tty_atexit = true;
	}
	tty_signals_set();
	tty_readline_init();
	tty_install(&t);
	if (evloop_add_fd(t.t_loop, STDIN_FILENO, POLLIN, tty_input, &t) == -1 ||
	    evloop_add_fd(t.t_loop, tty_winch[0], POLLIN, tty_winch_input,
	    &t) == -1) {
		perror("iosh: event loop");
		rv = 1;
	} else if (evloop_run(t.t_loop) == -1) {
		perror("iosh: poll");
		rv = 1;
	}

	evloop_del_fd(t.t_loop, tty_winch[0]);
	evloop_del_fd(t.t_loop, STDIN_FILENO);
	if (t.t_idle != NULL)
		evloop_timer_cancel(t.t_loop, t.t_idle);
	rl_redisplay_function = rl_redisplay;
	if (t.t_rl)
		tty_remove(&t);
	rl_prep_term_function = rl_prep_terminal;
	rl_deprep_term_function = rl_deprep_terminal;
	rl_deprep_terminal();
	tty_restore();
	tty_active = 0;
	tty_signals_restore();
	clear_history();
out:
	if (tty_winch[0] != -1) {
		close(tty_winch[0]);
		close(tty_winch[1]);
		tty_winch[0] = tty_winch[1] = -1;
	}
	tty = NULL;
	session_free(t.t_sess);
	strbuf_free(&t.t_prompt);
	strbuf_free(&t.t_held);
	pager_free(&t.t_pager);
	return rv;
}
