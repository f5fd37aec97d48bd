/*
 * console_line: the console on a pipe or a file.  Each prompt is followed
 * by the line read, echoed, so the output reads like a capture of a real
 * console.  A line ending in `?` is answered as a terminal would answer
 * the key at once: the help, then the prompt and the text before the `?`,
 * which the next line read continues.
 *
 * A command that runs on after its handler (ping) holds the input: the
 * lines after it wait, as keys typed ahead wait on IOS, and the console
 * stops watching its input until the command is done.  With a frozen
 * clock (`--clock`, the golden transcripts) the event loop then jumps to
 * the next timer instead of sleeping, so a ping's timeouts cost nothing
 * and its output is the same on every run.
 */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/evloop.h"
#include "shell/console.h"
#include "shell/router.h"
#include "shell/session.h"

/* Ctrl-Z, as it arrives in a pasted configuration. */
#define CTRL_Z	'\032'

struct line_console {
	struct router	*lc_router;
	struct session	*lc_sess;
	struct strbuf	 lc_in;		/* bytes read, not yet a whole line */
	struct strbuf	 lc_pending;	/* text typed before a `?` */
	bool		 lc_ended;	/* the session has exited */
	bool		 lc_waiting;	/* a command is running */
	bool		 lc_eof;	/* the input has ended */
	bool		 lc_at_prompt;	/* the prompt is the last thing out */
};

static void	lc_drain(struct line_console *);
static void	lc_finish(struct line_console *);

/*
 * stdout's buffer when it is a file or a pipe.  stdio's own is a block
 * (4 KB), so a pasted configuration's echo (7 MB for 100,000 lines) left in
 * 1,700 writes, each a system call and, into a file, a journal update of
 * its times: 8-18 ms of system time where writes of 256 KB take 3-5
 * (bench/config_load.sh).  What goes out and when it is flushed (the end
 * of a batch, before a wait, a log message) are unchanged.
 */
#define LC_OBUF	(256 * 1024)

static char	lc_obuf[LC_OBUF];

void
console_line_stdout(void)
{
	if (!isatty(STDOUT_FILENO))
		(void)setvbuf(stdout, lc_obuf, _IOFBF, sizeof(lc_obuf));
}

static void
lc_write(void *arg, const char *text, size_t len)
{
	(void)arg;
	fwrite(text, 1, len, stdout);
}

static void
lc_stream(void *arg, const char *text, size_t len)
{
	lc_write(arg, text, len);
	fflush(stdout);
}

static void	lc_done(void *);
static void	lc_prompt(struct line_console *);

/*
 * Log and debug messages come when they come: out at once, even when
 * stdout is a file or a pipe (stdio would hold them until a prompt).  One
 * that comes while the console waits at its prompt starts on a line of
 * its own, as IOS prints it, never glued to the prompt (where a script
 * reading the console would miss the next prompt); with `logging
 * synchronous` on line con 0 the prompt (and the text before a `?`) is
 * printed again below it.
 */
static void
lc_async(void *arg, const char *text, size_t len)
{
	struct line_console	*lc = arg;

	if (!lc->lc_at_prompt) {
		lc_stream(arg, text, len);
		return;
	}
	lc->lc_at_prompt = false;
	fputc('\n', stdout);
	lc_stream(arg, text, len);
	if (lc->lc_router->r_lines[LINE_CON].lc_logging_sync) {
		lc_prompt(lc);
		fflush(stdout);
	}
}

static const struct console_ops lc_ops = {
	.co_output = lc_write,
	.co_async = lc_async,
	.co_stream = lc_stream,
	.co_done = lc_done,
};

static void
lc_prompt(struct line_console *lc)
{
	struct strbuf	prompt;

	strbuf_init(&prompt);
	session_prompt(lc->lc_sess, &prompt);
	strbuf_puts(&prompt, lc->lc_pending.sb_buf);
	fputs(prompt.sb_buf, stdout);
	strbuf_free(&prompt);
	lc->lc_at_prompt = true;
}

/* One line read (without its newline), after the prompt was printed. */
static void
lc_line(struct line_console *lc, const char *text, size_t len)
{
	struct strbuf	 line, help;

	if (len > 0 && text[len - 1] == '\r')
		len--;
	lc->lc_at_prompt = false;
	if (len == 1 && text[0] == CTRL_Z) {
		fputs("^Z\n", stdout);
		strbuf_reset(&lc->lc_pending);
		session_ctrl_z(lc->lc_sess);
		lc_prompt(lc);
		return;
	}
	/* A password answered is not shown, as a terminal would not. */
	if (!lc->lc_sess->s_secret)
		fwrite(text, 1, len, stdout);
	fputc('\n', stdout);
	strbuf_init(&line);
	strbuf_puts(&line, lc->lc_pending.sb_buf);
	strbuf_add(&line, text, len);
	strbuf_reset(&lc->lc_pending);
	if (line.sb_len > 0 && line.sb_buf[line.sb_len - 1] == '?') {
		line.sb_buf[--line.sb_len] = '\0';
		strbuf_init(&help);
		session_help(lc->lc_sess, line.sb_buf, &help);
		fputs(help.sb_buf, stdout);
		strbuf_free(&help);
		strbuf_puts(&lc->lc_pending, line.sb_buf);
	} else if (!session_execute(lc->lc_sess, line.sb_buf)) {
		lc->lc_ended = true;
		strbuf_free(&line);
		fflush(stdout);
		return;
	}
	strbuf_free(&line);
	if (session_busy(lc->lc_sess)) {
		lc->lc_waiting = true;
		fflush(stdout);
		return;
	}
	lc_prompt(lc);
}

static void
lc_stop(struct line_console *lc)
{
	/* Telnet vtys may go on after the script: their time is not ours. */
	evloop_idle_advance(lc->lc_router->r_loop, false);
	evloop_del_fd(lc->lc_router->r_loop, STDIN_FILENO);
	evloop_stop(lc->lc_router->r_loop);
}

/*
 * Run the whole lines read, until one starts a command that runs on.  The
 * prompts and echoes of a batch go out in one write at its end (stdio's
 * buffer, flushed here), not one per line: a pasted configuration paid a
 * write per line, 40% of its time.  The last prompt is out before the
 * console waits for more input.
 */
static void
lc_drain(struct line_console *lc)
{
	char	*nl;
	size_t	 off = 0;

	while (!lc->lc_ended && !lc->lc_waiting && (nl = memchr(
	    lc->lc_in.sb_buf + off, '\n', lc->lc_in.sb_len - off)) != NULL) {
		lc_line(lc, lc->lc_in.sb_buf + off,
		    (size_t)(nl - (lc->lc_in.sb_buf + off)));
		off = (size_t)(nl - lc->lc_in.sb_buf) + 1;
	}
	fflush(stdout);
	if (off > 0) {
		memmove(lc->lc_in.sb_buf, lc->lc_in.sb_buf + off,
		    lc->lc_in.sb_len - off + 1);
		lc->lc_in.sb_len -= off;
	}
	if (lc->lc_ended)
		lc_stop(lc);
	else if (lc->lc_eof && !lc->lc_waiting)
		lc_finish(lc);
}

/* End of input: a last line without its newline still runs. */
static void
lc_finish(struct line_console *lc)
{
	if (lc->lc_in.sb_len > 0) {
		lc_line(lc, lc->lc_in.sb_buf, lc->lc_in.sb_len);
		strbuf_reset(&lc->lc_in);
		if (lc->lc_waiting)
			return;
	}
	if (!lc->lc_ended)
		fputc('\n', stdout);
	fflush(stdout);
	lc_stop(lc);
}

static void
lc_readable(int fd, short revents, void *arg)
{
	struct line_console	*lc = arg;
	char			 buf[65536];	/* a paste: many lines a read */
	ssize_t			 n;

	(void)revents;
	if ((n = read(fd, buf, sizeof(buf))) < 0 && (errno == EINTR ||
	    errno == EAGAIN))
		return;
	if (n > 0)
		strbuf_add(&lc->lc_in, buf, (size_t)n);
	else
		lc->lc_eof = true;
	lc_drain(lc);
	/* Input waits in the pipe while a command runs. */
	if (lc->lc_waiting || lc->lc_eof)
		evloop_del_fd(lc->lc_router->r_loop, STDIN_FILENO);
}

/* The running command is done: the prompt, then the lines typed ahead. */
static void
lc_done(void *arg)
{
	struct line_console	*lc = arg;

	lc->lc_waiting = false;
	lc_prompt(lc);
	lc_drain(lc);
	if (!lc->lc_ended && !lc->lc_waiting && !lc->lc_eof)
		evloop_add_fd(lc->lc_router->r_loop, STDIN_FILENO, POLLIN,
		    lc_readable, lc);
}

int
console_line_run(struct router *r)
{
	struct line_console	lc;

	memset(&lc, 0, sizeof(lc));
	lc.lc_router = r;
	strbuf_init(&lc.lc_in);
	strbuf_init(&lc.lc_pending);
	lc.lc_sess = session_new(r, &lc_ops, &lc);
	lc_prompt(&lc);
	fflush(stdout);
	evloop_idle_advance(r->r_loop, true);
	if (evloop_add_fd(r->r_loop, STDIN_FILENO, POLLIN, lc_readable,
	    &lc) < 0) {
		session_free(lc.lc_sess);
		strbuf_free(&lc.lc_in);
		strbuf_free(&lc.lc_pending);
		return 1;
	}
	evloop_run(r->r_loop);
	session_free(lc.lc_sess);
	strbuf_free(&lc.lc_in);
	strbuf_free(&lc.lc_pending);
	return 0;
}
