/*
 * vty_conn: a vty session over any transport.  The line editing is done
 * here, server-side, as IOS's vty does it: the server echoes, the client
 * sends each key, and `?`, TAB, Ctrl-Z, Ctrl-C, Ctrl-U, Ctrl-W and the
 * history keys act at once.  The transport (telnet, SSH) encodes and
 * writes what is sent and hands in what is read.
 *
 * A connection never frees itself from inside a callback of another
 * object (a log message being delivered to every session, a transport's
 * event handler): it is marked and freed from its transport's callback
 * or a zero-delay timer, so no list being walked loses an element.
 * The sockets under it (listen, accept, refuse, serve) are vty_listen.c's.
 */
#include <sys/queue.h>
#include <sys/signalfd.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grammar/modes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/pager.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/vty_conn.h"

#define CTRL(c)		((c) & 0x1f)
#define KEY_DEL		0x7f
#define KEY_ESC		0x1b
#define KEY_ESCAPE_CHAR	0x1e	/* Ctrl-Shift-6: stops a running ping */
#define KEY_BEL		0x07

/*
 * Untrusted input is bounded: a line typed (before login too) keeps at
 * most VC_LINE_MAX characters, a key past it is dropped with a bell; the
 * type-ahead of a running command as much; and while VC_TX_MAX bytes of
 * output (echo) wait for a client that does not read, its input is not
 * read either, so TCP pushes back instead of memory growing.
 */
#define VC_LINE_MAX	1024
#define VC_TX_MAX	(64 * 1024)
/*
 * What the keys of one read produce (echoes, help, a command's output) is
 * written once, when they are all handled, or whenever this much waits:
 * a write per key echoed was a system call and a TCP segment per byte a
 * client pasted, and a quarter of the telnet fuzz target's time.
 */
#define VC_BATCH_MAX	(16 * 1024)

struct vty_hub {
	struct router		*vh_router;
	unsigned		 vh_refs;	/* servers using it */
	struct vty_conns	 vh_conns;
	struct vty_conn		*vh_vty[LINE_VTY_SHOWN];
	struct vty_conn		*vh_con;	/* line con 0 (--console) */
};

static void
vc_reaped(void *arg)
{
	struct vty_conn	*vc = arg;

	vc->vc_reap = NULL;
	vc_free(vc);
}

/* Whether what is typed is shown: not a password. */
static bool
vc_echoing(const struct vty_conn *vc)
{
	if (vc->vc_state == VC_LOGIN || vc->vc_state == VC_DELAY)
		return vc->vc_login.lg_step != LOGIN_ASK_PASS;
	return !vc->vc_sess->s_secret;
}

/* Write what can be written now; the rest waits for the transport. */
void
vc_flush(struct vty_conn *vc)
{
	struct evloop	*loop = vc->vc_hub->vh_router->r_loop;
	ssize_t		 n;

	while (!vc->vc_dead && vc->vc_tx.sb_len > 0) {
		n = vc->vc_tp->vt_write(vc->vc_tparg, vc->vc_tx.sb_buf,
		    vc->vc_tx.sb_len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				vc->vc_dead = true;
			break;
		}
		if (n == 0)
			break;
		memmove(vc->vc_tx.sb_buf, vc->vc_tx.sb_buf + n,
		    vc->vc_tx.sb_len - (size_t)n + 1);
		vc->vc_tx.sb_len -= (size_t)n;
	}
	if (vc_over(vc)) {
		if (vc->vc_reap == NULL)
			vc->vc_reap = evloop_timer_add(loop, 0, vc_reaped, vc);
		return;
	}
	vc->vc_tp->vt_events(vc->vc_tparg, vc_readable(vc),
	    vc->vc_tx.sb_len > 0);
}

bool
vc_readable(const struct vty_conn *vc)
{
	return vc->vc_state != VC_CLOSING && vc->vc_state != VC_DELAY &&
	    !vc->vc_dead && vc->vc_tx.sb_len < VC_TX_MAX;
}

bool
vc_over(const struct vty_conn *vc)
{
	return vc->vc_dead || (vc->vc_state == VC_CLOSING &&
	    vc->vc_tx.sb_len == 0);
}

/* Send TEXT in the transport's form. */
static void
vc_send(struct vty_conn *vc, const char *text, size_t len)
{
	if (vc->vc_dead || vc->vc_hungup || len == 0)
		return;
	vc->vc_tp->vt_encode(vc->vc_tparg, text, len, &vc->vc_tx);
	if (!vc->vc_batch || vc->vc_tx.sb_len >= VC_BATCH_MAX)
		vc_flush(vc);
}

static void
vc_puts(struct vty_conn *vc, const char *s)
{
	vc_send(vc, s, strlen(s));
}

static void
vc_sendbuf(struct vty_conn *vc, const struct strbuf *sb)
{
	vc_send(vc, sb->sb_buf, sb->sb_len);
}

/* The prompt (or the question asked) and the line typed so far. */
static void
vc_prompt(struct vty_conn *vc)
{
	struct strbuf	p;

	strbuf_init(&p);
	session_prompt(vc->vc_sess, &p);
	if (!vc->vc_sess->s_secret)
		strbuf_puts(&p, vc->vc_line.sb_buf);
	vc_sendbuf(vc, &p);
	strbuf_free(&p);
}

static void
vc_co_output(void *arg, const char *text, size_t len)
{
	struct vty_conn	*vc = arg;

	if (vc->vc_sess->s_vty.v_term_length == 0 &&
	    !pager_pending(&vc->vc_pager))
		vc_send(vc, text, len);
	else
		pager_add(&vc->vc_pager, text, len);
}

/*
 * A log or debug message: only after `terminal monitor`, as on IOS.  At
 * the prompt it starts on a line of its own (never glued to the prompt,
 * where a script reading the stream would find it); then, with `logging
 * synchronous` on the line, the prompt and what was typed are drawn again
 * below it, and without it the cursor stays under the message, where
 * typing goes on, as IOS leaves it.  At --More-- it waits for the pager.
 */
static void
vc_co_async(void *arg, const char *text, size_t len)
{
	struct vty_conn	*vc = arg;
	struct session	*sess = vc->vc_sess;

	/* The console line hears them by `logging console`'s level
	 * (logging_deliver decides), without terminal monitor. */
	if (!sess->s_monitor && sess->s_line != LINE_CON)
		return;
	switch (vc->vc_state) {
	case VC_EDIT:
		if (vc->vc_busy) {
			if (pager_pending(&vc->vc_pager))
				pager_add(&vc->vc_pager, text, len);
			else
				vc_send(vc, text, len);
			break;
		}
		vc_send(vc, "\n", 1);
		vc_send(vc, text, len);
		if (sess->s_router->r_lines[sess->s_line].lc_logging_sync)
			vc_prompt(vc);
		break;
	case VC_RUN:
		vc_send(vc, text, len);
		break;
	case VC_MORE:
		strbuf_add(&vc->vc_held, text, len);
		break;
	case VC_LOGIN:
	case VC_DELAY:
	case VC_IDLE:
	case VC_CLOSING:
		break;
	}
}

/* A running command's output: at once, unless the pager holds some. */
static void
vc_co_stream(void *arg, const char *text, size_t len)
{
	struct vty_conn	*vc = arg;

	if (pager_pending(&vc->vc_pager))
		pager_add(&vc->vc_pager, text, len);
	else
		vc_send(vc, text, len);
}
static void	vc_co_done(void *);


/* A reload: what was queued before goes out, then the connection
 * closes, as a rebooting router's telnet sessions end. */
static void
vc_hangup(void *arg)
{
	struct vty_conn	*vc = arg;

	/* The console's cable stays plugged through a reboot: the line
	 * waits for RETURN, as a router that has booted does. */
	if (vc->vc_line_no == LINE_CON) {
		login_free(&vc->vc_login);
		memset(&vc->vc_login, 0, sizeof(vc->vc_login));
		strbuf_reset(&vc->vc_line);
		pager_free(&vc->vc_pager);
		pager_init(&vc->vc_pager);
		vc_puts(vc, "\n\nPress RETURN to get started!\n\n");
		vc->vc_state = VC_IDLE;
		vc_idle_arm(vc);
		return;
	}
	vc->vc_hungup = true;
	vc_close(vc);
}

static const struct console_ops vc_ops = {
	.co_output = vc_co_output,
	.co_async = vc_co_async,
	.co_stream = vc_co_stream,
	.co_done = vc_co_done,
	.co_hangup = vc_hangup,
};

/* Show queued output; true when it stopped at --More--. */
static bool
vc_page(struct vty_conn *vc)
{
	struct strbuf	out;
	bool		more;

	if (!pager_pending(&vc->vc_pager))
		return false;
	strbuf_init(&out);
	more = pager_start(&vc->vc_pager, vc->vc_sess->s_vty.v_term_length,
	    &out);
	vc_sendbuf(vc, &out);
	strbuf_free(&out);
	if (more)
		vc->vc_state = VC_MORE;
	return more;
}

void
vc_close(struct vty_conn *vc)
{
	vc->vc_state = VC_CLOSING;
	vc_flush(vc);
}

/* Done with a command or a help listing: page its output, then prompt. */
static void
vc_after(struct vty_conn *vc)
{
	vc->vc_busy = false;
	/* A reload on the console: it waits for RETURN (vc_hangup). */
	if (vc->vc_state == VC_IDLE)
		return;
	if (!vc_page(vc))
		vc_prompt(vc);
}

/* Erase N characters before the cursor. */
static void
vc_rubout(struct vty_conn *vc, size_t n)
{
	struct strbuf	sb;
	size_t		i;

	if (!vc_echoing(vc))
		return;
	strbuf_init(&sb);
	for (i = 0; i < n; i++)
		strbuf_add(&sb, "\b \b", 3);
	vc_sendbuf(vc, &sb);
	strbuf_free(&sb);
}

static void
vc_truncate(struct vty_conn *vc, size_t len)
{
	/* An empty strbuf's text is a constant: nothing to cut there. */
	if (len >= vc->vc_line.sb_len)
		return;
	vc_rubout(vc, vc->vc_line.sb_len - len);
	vc->vc_line.sb_len = len;
	vc->vc_line.sb_buf[len] = '\0';
}

/* Replace the line typed by TEXT on the screen too. */
static void
vc_replace(struct vty_conn *vc, const char *text)
{
	vc_truncate(vc, 0);
	strbuf_puts(&vc->vc_line, text);
	vc_puts(vc, text);
}

/* The history of the session's mode, as the session keeps it. */
static char **
vc_history(struct vty_conn *vc, size_t *n)
{
	struct session	*s = vc->vc_sess;

	if (mode_info(s->s_vty.v_mode)->mi_flags & MODE_F_EXEC) {
		*n = s->s_nhist;
		return s->s_hist;
	}
	*n = s->s_nchist;
	return s->s_chist;
}

/* Ctrl-P (UP) or Ctrl-N: the previous or next line of the history. */
static void
vc_recall(struct vty_conn *vc, bool up)
{
	char	**hist;
	size_t	  n;

	if (vc->vc_sess->s_question != NULL)
		return;
	hist = vc_history(vc, &n);
	if (vc->vc_hist > n)
		vc->vc_hist = n;
	if (up && vc->vc_hist > 0)
		vc_replace(vc, hist[--vc->vc_hist]);
	else if (!up && vc->vc_hist < n)
		vc_replace(vc, ++vc->vc_hist < n ? hist[vc->vc_hist] : "");
}

/* Take the line typed out of the editor. */
static char *
vc_take_line(struct vty_conn *vc)
{
	char	*line;

	line = strbuf_steal(&vc->vc_line);
	strbuf_init(&vc->vc_line);
	vc->vc_hist = SIZE_MAX;
	return line;
}

void
vc_start_exec(struct vty_conn *vc)
{
	struct session	*sess = vc->vc_sess;

	vc->vc_state = VC_EDIT;
	/* What `show users` says of this line. */
	if (vc->vc_login.lg_user != NULL)
		xstrset(&sess->s_user, vc->vc_login.lg_user);
	/* The console's user is at its port: no location. */
	snprintf(sess->s_location, sizeof(sess->s_location), "%s",
	    vc->vc_line_no == LINE_CON ? "" : vc->vc_peer);
	sess->s_input_ms = clock_mono_ms();
	if (vc->vc_login.lg_privilege >= 15)
		vty_enter(&vc->vc_sess->s_vty, MODE_PRIV_EXEC, NULL);
	vc_prompt(vc);
	vc_idle_arm(vc);
}

static void	vc_key(struct vty_conn *, unsigned char);

/* The `login delay` is over: the question held, then the keys that
 * waited (as IOS's sleeping login leaves them queued). */
static void
vc_delay_done(void *arg)
{
	struct vty_conn	*vc = arg;
	struct strbuf	 ahead;
	size_t		 i;

	vc->vc_delay = NULL;
	vc->vc_state = VC_LOGIN;
	vc_sendbuf(vc, &vc->vc_delayed);
	strbuf_reset(&vc->vc_delayed);
	ahead = vc->vc_ahead;
	strbuf_init(&vc->vc_ahead);
	for (i = 0; i < ahead.sb_len && vc->vc_state == VC_LOGIN; i++)
		vc_key(vc, (unsigned char)ahead.sb_buf[i]);
	/* Keys left when another delay began wait for that one. */
	if (i < ahead.sb_len && vc->vc_state == VC_DELAY)
		strbuf_add(&vc->vc_ahead, ahead.sb_buf + i, ahead.sb_len - i);
	strbuf_free(&ahead);
	vc_flush(vc);
}

static void
vc_login_enter(struct vty_conn *vc)
{
	struct router	*r = vc->vc_hub->vh_router;
	struct strbuf	 out;
	char		*line = vc_take_line(vc);
	unsigned	 tries = vc->vc_login.lg_tries, delay;

	strbuf_init(&out);
	strbuf_putc(&out, '\n');
	login_input(&vc->vc_login, line, &out);
	free(line);
	if (vc->vc_login.lg_tries != tries)
		login_block_fail(r, vc->vc_login.lg_user, vc->vc_peer,
		    vc->vc_lport);
	delay = login_block_delay_ms(&r->r_login_block);
	if (vc->vc_login.lg_tries != tries && delay > 0 &&
	    vc->vc_login.lg_step != LOGIN_FAILED) {
		/* The next question waits, and so does what is typed
		 * meanwhile: the socket is not read until then. */
		strbuf_add(&vc->vc_delayed, out.sb_buf, out.sb_len);
		strbuf_free(&out);
		vc->vc_state = VC_DELAY;
		vc->vc_delay = evloop_timer_add(r->r_loop, delay,
		    vc_delay_done, vc);
		return;
	}
	vc_sendbuf(vc, &out);
	strbuf_free(&out);
	if (vc->vc_login.lg_step == LOGIN_DONE)
		vc_start_exec(vc);
	else if (vc->vc_login.lg_step == LOGIN_FAILED)
		vc_close(vc);
}

/* Enter: run the line; Ctrl-Z (SUSP) then leaves configuration mode. */
static void
vc_enter(struct vty_conn *vc, bool susp)
{
	char	*line = vc_take_line(vc);
	bool	 alive;

	vc_puts(vc, susp ? "^Z\n" : "\n");
	vc->vc_busy = true;
	alive = session_execute(vc->vc_sess, line);
	if (alive && susp)
		session_ctrl_z(vc->vc_sess);
	free(line);
	if (!alive) {
		vc_end_exec(vc);
		return;
	}
	if (session_busy(vc->vc_sess)) {
		vc->vc_state = VC_RUN;
		return;
	}
	vc_after(vc);
}

/* `?`: the line with its `?`, what may come next, the line again. */
static void
vc_help(struct vty_conn *vc)
{
	struct strbuf	help;

	vc_puts(vc, "?\n");
	strbuf_init(&help);
	vc->vc_busy = true;
	session_help(vc->vc_sess, vc->vc_line.sb_buf, &help);
	vc_co_output(vc, help.sb_buf, help.sb_len);
	strbuf_free(&help);
	vc_after(vc);
}

static void
vc_complete(struct vty_conn *vc)
{
	char	*done;
	size_t	 len = vc->vc_line.sb_len;

	if ((done = session_complete(vc->vc_sess, vc->vc_line.sb_buf)) ==
	    NULL)
		return;
	if (strncmp(done, vc->vc_line.sb_buf, len) == 0) {
		strbuf_puts(&vc->vc_line, done + len);
		vc_puts(vc, done + len);
	} else
		vc_replace(vc, done);
	free(done);
}

/* Ctrl-W: the word before the cursor and the blanks after it. */
static void
vc_kill_word(struct vty_conn *vc)
{
	size_t	len = vc->vc_line.sb_len;

	while (len > 0 && vc->vc_line.sb_buf[len - 1] == ' ')
		len--;
	while (len > 0 && vc->vc_line.sb_buf[len - 1] != ' ')
		len--;
	vc_truncate(vc, len);
}

static void
vc_insert(struct vty_conn *vc, char c)
{
	if (vc->vc_line.sb_len >= VC_LINE_MAX) {
		vc_puts(vc, "\a");
		return;
	}
	strbuf_putc(&vc->vc_line, c);
	if (vc_echoing(vc))
		vc_send(vc, &c, 1);
}

/* A key typed at --More--. */
static void
vc_more_key(struct vty_conn *vc, int key)
{
	struct strbuf	out;
	bool		more;

	strbuf_init(&out);
	more = pager_key(&vc->vc_pager, key, &out);
	vc_sendbuf(vc, &out);
	strbuf_free(&out);
	if (more)
		return;
	vc->vc_state = VC_EDIT;
	vc_sendbuf(vc, &vc->vc_held);
	strbuf_reset(&vc->vc_held);
	vc_prompt(vc);
}

/* The second byte of ESC [ A: the arrow keys recall history. */
static bool
vc_escape(struct vty_conn *vc, unsigned char c)
{
	switch (vc->vc_esc) {
	case ESC_NONE:
		if (c != KEY_ESC)
			return false;
		vc->vc_esc = ESC_START;
		return true;
	case ESC_START:
		vc->vc_esc = (c == '[' || c == 'O') ? ESC_CSI : ESC_NONE;
		return true;
	case ESC_CSI:
		vc->vc_esc = ESC_NONE;
		if (c == 'A' && vc->vc_state == VC_EDIT)
			vc_recall(vc, true);
		else if (c == 'B' && vc->vc_state == VC_EDIT)
			vc_recall(vc, false);
		return true;
	}
	return false;
}

/* The running command is done: its output paged, the prompt, then the
 * keys typed meanwhile, as IOS's type-ahead. */
static void
vc_co_done(void *arg)
{
	struct vty_conn	*vc = arg;
	struct strbuf	 ahead;
	size_t		 i;

	vc->vc_state = VC_EDIT;
	vc_after(vc);
	ahead = vc->vc_ahead;
	strbuf_init(&vc->vc_ahead);
	for (i = 0; i < ahead.sb_len && vc->vc_state != VC_CLOSING; i++)
		vc_key(vc, (unsigned char)ahead.sb_buf[i]);
	strbuf_free(&ahead);
}

/* One byte of user data. */
static void
vc_key(struct vty_conn *vc, unsigned char c)
{
	bool	edit = vc->vc_state == VC_EDIT;
	bool	asked = vc->vc_sess->s_question != NULL;

	if (vc->vc_state == VC_RUN || vc->vc_state == VC_DELAY) {
		if (c == KEY_ESCAPE_CHAR && vc->vc_state == VC_RUN)
			session_cancel(vc->vc_sess);
		else if (vc->vc_ahead.sb_len < VC_LINE_MAX)
			strbuf_putc(&vc->vc_ahead, (char)c);
		return;
	}
	/* Enter arrives as CR LF or CR NUL; the second byte is no key. */
	if (vc->vc_cr && (c == '\n' || c == '\0')) {
		vc->vc_cr = false;
		return;
	}
	vc->vc_cr = c == '\r';
	if (vc->vc_state == VC_IDLE) {
		if (c == '\r' || c == '\n')
			vc_login(vc);
		return;
	}
	if (vc->vc_state == VC_MORE) {
		vc_more_key(vc, c == '\r' ? '\n' : c);
		return;
	}
	if (vc_escape(vc, c))
		return;
	switch (c) {
	case '\r':
	case '\n':
		if (edit)
			vc_enter(vc, false);
		else
			vc_login_enter(vc);
		break;
	case '\b':
	case KEY_DEL:
		if (vc->vc_line.sb_len > 0)
			vc_truncate(vc, vc->vc_line.sb_len - 1);
		break;
	case CTRL('U'):
	case CTRL('X'):
		vc_truncate(vc, 0);
		break;
	case CTRL('W'):
		vc_kill_word(vc);
		break;
	case CTRL('C'):
		if (!edit)
			break;
		/* IOS drops the line and, in configuration, leaves it. */
		free(vc_take_line(vc));
		vc_puts(vc, "^C\n");
		vc->vc_busy = true;
		if (!asked)
			session_ctrl_z(vc->vc_sess);
		vc_after(vc);
		break;
	case CTRL('Z'):
		if (edit && !asked)
			vc_enter(vc, true);
		break;
	case CTRL('P'):
	case CTRL('N'):
		if (edit)
			vc_recall(vc, c == CTRL('P'));
		break;
	case '\t':
		if (edit && !asked)
			vc_complete(vc);
		break;
	case '?':
		if (edit && !asked) {
			vc_help(vc);
			break;
		}
		vc_insert(vc, (char)c);
		break;
	default:
		if (c >= ' ' && c < KEY_DEL)
			vc_insert(vc, (char)c);
		break;
	}
}
/* How many of BUF's LEN bytes, from the first, vc_key would only ring
 * the bell for: printable keys (not '?', help in exec) at a full line,
 * outside an escape sequence, while the line is edited or a login
 * question asked. */
static size_t
vc_bell_run(const struct vty_conn *vc, const char *buf, size_t len)
{
	size_t	n = 0;

	if ((vc->vc_state != VC_EDIT && vc->vc_state != VC_LOGIN) ||
	    vc->vc_esc != ESC_NONE || vc->vc_line.sb_len < VC_LINE_MAX)
		return 0;
	while (n < len && buf[n] >= ' ' && buf[n] < KEY_DEL && buf[n] != '?')
		n++;
	return n;
}

void
vc_input(struct vty_conn *vc, const char *buf, size_t len)
{
	static char	bells[512];
	size_t		i, run, k;

	if (bells[0] == '\0')
		memset(bells, '\a', sizeof(bells));
	vc_idle_arm(vc);
	vc->vc_batch = true;
	for (i = 0; i < len && vc->vc_state != VC_CLOSING; i++) {
		/* A flood past the full line: each key rings the bell
		 * (vc_insert), a run of them in one write each 512, not a
		 * send per key — 200 MB without a newline costs the server
		 * little more than reading them. */
		if ((run = vc_bell_run(vc, buf + i, len - i)) > 1) {
			vc->vc_cr = false;
			for (k = 0; k < run; k += sizeof(bells))
				vc_send(vc, bells, run - k < sizeof(bells) ?
				    run - k : sizeof(bells));
			i += run - 1;
			continue;
		}
		vc_key(vc, (unsigned char)buf[i]);
	}
	vc->vc_batch = false;
	vc_flush(vc);
}

void
vc_window(struct vty_conn *vc, unsigned cols, unsigned rows)
{
	struct vty	*vty = &vc->vc_sess->s_vty;

	if (cols > 0)
		vty->v_term_width = cols;
	if (rows > 0)
		vty->v_term_length = rows;
}

void
vc_free(struct vty_conn *vc)
{
	struct vty_hub	*vh = vc->vc_hub;
	struct evloop	*loop = vh->vh_router->r_loop;

	if (vc->vc_reap != NULL)
		evloop_timer_cancel(loop, vc->vc_reap);
	if (vc->vc_delay != NULL)
		evloop_timer_cancel(loop, vc->vc_delay);
	if (vc->vc_idle != NULL)
		evloop_timer_cancel(loop, vc->vc_idle);
	vc->vc_tp->vt_free(vc->vc_tparg);
	TAILQ_REMOVE(&vh->vh_conns, vc, vc_entry);
	if (vc->vc_line_no == LINE_CON)
		vh->vh_con = NULL;
	else
		vh->vh_vty[vc->vc_vty] = NULL;
	session_free(vc->vc_sess);
	login_free(&vc->vc_login);
	strbuf_free(&vc->vc_line);
	strbuf_free(&vc->vc_tx);
	strbuf_free(&vc->vc_held);
	strbuf_free(&vc->vc_ahead);
	strbuf_free(&vc->vc_delayed);
	pager_free(&vc->vc_pager);
	free(vc);
}

size_t
vc_buffered(const struct vty_conn *vc)
{
	return vc->vc_line.sb_cap + vc->vc_ahead.sb_cap + vc->vc_tx.sb_cap +
	    vc->vc_held.sb_cap + vc->vc_delayed.sb_cap;
}

struct vty_hub *
vty_hub_get(struct router *r)
{
	struct vty_hub	*vh = r->r_vty_hub;

	if (vh == NULL) {
		vh = xcalloc(1, sizeof(*vh));
		vh->vh_router = r;
		TAILQ_INIT(&vh->vh_conns);
		r->r_vty_hub = vh;
	}
	vh->vh_refs++;
	return vh;
}

void
vty_hub_put(struct vty_hub *vh)
{
	if (vh == NULL || --vh->vh_refs > 0)
		return;
	vh->vh_router->r_vty_hub = NULL;
	free(vh);
}

struct router *
vty_hub_router(const struct vty_hub *vh)
{
	return vh->vh_router;
}

struct vty_conns *
vty_hub_conns(struct vty_hub *vh)
{
	return &vh->vh_conns;
}

int
vty_hub_pick(const struct vty_hub *vh, enum line_transport kind)
{
	const struct line_cfg	*lc;
	unsigned		 i;

	if (login_block_quiet(&vh->vh_router->r_login_block))
		return -1;
	for (i = 0; i < LINE_VTY_SHOWN; i++) {
		lc = &vh->vh_router->r_lines[LINE_VTY0 + i];
		if (vh->vh_vty[i] == NULL && (lc->lc_transport ==
		    TRANSPORT_ALL || lc->lc_transport == kind))
			return (int)i;
	}
	return -1;
}

bool
vty_hub_con_free(const struct vty_hub *vh)
{
	return vh->vh_con == NULL;
}

/* A connection on LINE (LINE_CON, or LINE_VTY0 + N). */
static struct vty_conn *
vc_make(struct vty_hub *vh, unsigned line, const struct vc_transport *tp,
    void *arg, const char *peer, unsigned lport)
{
	struct router		*r = vh->vh_router;
	const struct line_cfg	*lc = &r->r_lines[line];
	unsigned		 n = line >= LINE_VTY0 ? line - LINE_VTY0 : 0;
	struct vty_conn		*vc;

	vc = xcalloc(1, sizeof(*vc));
	vc->vc_line_no = line;
	vc->vc_hub = vh;
	vc->vc_tp = tp;
	vc->vc_tparg = arg;
	vc->vc_vty = n;
	vc->vc_hist = SIZE_MAX;
	strbuf_init(&vc->vc_line);
	strbuf_init(&vc->vc_tx);
	strbuf_init(&vc->vc_held);
	strbuf_init(&vc->vc_ahead);
	strbuf_init(&vc->vc_delayed);
	snprintf(vc->vc_peer, sizeof(vc->vc_peer), "%s", peer);
	vc->vc_lport = lport;
	pager_init(&vc->vc_pager);
	vc->vc_sess = session_new(r, &vc_ops, vc);
	vc->vc_sess->s_line = line;
	r->r_line_uses[line]++;
	vc->vc_sess->s_vty.v_term_length = lc->lc_length;
	vc->vc_sess->s_vty.v_term_width = lc->lc_width;
	TAILQ_INSERT_TAIL(&vh->vh_conns, vc, vc_entry);
	if (line == LINE_CON)
		vh->vh_con = vc;
	else
		vh->vh_vty[n] = vc;
	vc->vc_state = VC_LOGIN;
	return vc;
}

struct vty_conn *
vc_new(struct vty_hub *vh, unsigned n, const struct vc_transport *tp,
    void *arg, const char *peer, unsigned lport)
{
	return vc_make(vh, LINE_VTY0 + n, tp, arg, peer, lport);
}

struct vty_conn *
vc_new_con(struct vty_hub *vh, const struct vc_transport *tp, void *arg,
    const char *peer, unsigned lport)
{
	return vc_make(vh, LINE_CON, tp, arg, peer, lport);
}

/*
 * The exec ends on the line: a vty's connection closes; the console, a
 * serial port that nobody hangs up, says it is available again and
 * waits for RETURN (then its login, if `line con 0` asks one), as IOS:
 *
 *	R1 con0 is now available
 *
 *	Press RETURN to get started.
 */
void
vc_end_exec(struct vty_conn *vc)
{
	struct strbuf	msg;

	if (vc->vc_line_no != LINE_CON) {
		vc_close(vc);
		return;
	}
	session_reset(vc->vc_sess);
	login_free(&vc->vc_login);
	memset(&vc->vc_login, 0, sizeof(vc->vc_login));
	strbuf_reset(&vc->vc_line);
	strbuf_init(&msg);
	strbuf_printf(&msg, "\n\n\n%s con0 is now available\n\n\n\n\n\n\n"
	    "Press RETURN to get started.\n\n", vc->vc_hub->vh_router->r_hostname);
	vc_sendbuf(vc, &msg);
	strbuf_free(&msg);
	vc->vc_state = VC_IDLE;
	vc_idle_arm(vc);
}

static void
vc_idle_fire(void *arg)
{
	struct vty_conn	*vc = arg;

	vc->vc_idle = NULL;
	/* A command running or output paged: the user is not idle. */
	if (vc->vc_state != VC_EDIT && vc->vc_state != VC_LOGIN) {
		vc_idle_arm(vc);
		return;
	}
	vc_end_exec(vc);
}

/*
 * `exec-timeout M S` of the line: idle that long in the exec (no key),
 * the exec ends (vc_end_exec).  0 0 never; re-armed by every key.
 */
void
vc_idle_arm(struct vty_conn *vc)
{
	struct router		*r = vc->vc_hub->vh_router;
	const struct line_cfg	*lc = &r->r_lines[vc->vc_line_no];
	uint64_t		 ms;

	if (vc->vc_idle != NULL)
		evloop_timer_cancel(r->r_loop, vc->vc_idle);
	vc->vc_idle = NULL;
	ms = ((uint64_t)lc->lc_exec_min * 60 + lc->lc_exec_sec) * 1000;
	if (ms == 0 || vc->vc_state == VC_IDLE || vc->vc_state == VC_CLOSING)
		return;
	vc->vc_idle = evloop_timer_add(r->r_loop, ms, vc_idle_fire, vc);
}

void
vc_login(struct vty_conn *vc)
{
	struct router	*r = vc->vc_hub->vh_router;
	struct strbuf	 out;

	strbuf_init(&out);
	vc->vc_state = VC_LOGIN;
	switch (login_start(&vc->vc_login, r, vc->vc_line_no, &out)) {
	case LOGIN_DONE:
		strbuf_putc(&out, '\n');
		vc_sendbuf(vc, &out);
		vc_start_exec(vc);
		break;
	case LOGIN_FAILED:
		vc_sendbuf(vc, &out);
		vc_close(vc);
		break;
	default:
		vc_sendbuf(vc, &out);
		break;
	}
	strbuf_free(&out);
}

/* `terminal [no] monitor`: this session's share of log and debug output. */
int
cmd_terminal_monitor(struct vty *vty, const struct cmd_args *m)
{
	session_of(vty)->s_monitor = !cmd_has(m, "no");
	return CMD_SUCCESS;
}
