/*
 * session: a CLI session's state (mode, history, terminal) and the entry
 * points a console calls: a typed line, Ctrl-Z, `?` and TAB.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/dispatch.h"
#include "shell/errors.h"
#include "shell/router.h"
#include "shell/session.h"

/* IOS's default `terminal history size`. */
#define HIST_MAX	10

/* vty_flush(): what a running command printed goes out at once. */
static void
session_stream(struct vty *vty)
{
	struct session	*s = session_of(vty);

	if (vty->v_out.sb_len > 0) {
		if (s->s_ops->co_stream != NULL)
			s->s_ops->co_stream(s->s_ops_arg, vty->v_out.sb_buf,
			    vty->v_out.sb_len);
		else
			s->s_ops->co_output(s->s_ops_arg, vty->v_out.sb_buf,
			    vty->v_out.sb_len);
	}
	strbuf_reset(&vty->v_out);
}

/* vty_done(): the console may prompt again. */
static void
session_finish(struct vty *vty)
{
	struct session	*s = session_of(vty);

	if (s->s_ops->co_done != NULL)
		s->s_ops->co_done(s->s_ops_arg);
}

/* A vty_ask() question is answered. */
static void
session_vanswer(struct session *s, const char *answer)
{
	void	(*fn)(struct vty *, void *, const char *) = s->s_vask;
	void	*arg = s->s_vask_arg;

	s->s_vask = NULL;
	s->s_vask_arg = NULL;
	s->s_vask_free = NULL;
	fn(&s->s_vty, arg, answer);
}

static void
session_vask(struct vty *vty, const char *question,
    void (*fn)(struct vty *, void *, const char *), void *arg,
    void (*arg_free)(void *))
{
	struct session	*s = session_of(vty);

	s->s_vask = fn;
	s->s_vask_arg = arg;
	s->s_vask_free = arg_free;
	session_ask(s, question, session_vanswer);
}

static void
session_vask_drop(struct session *s)
{
	if (s->s_vask_free != NULL)
		s->s_vask_free(s->s_vask_arg);
	s->s_vask = NULL;
	s->s_vask_arg = NULL;
	s->s_vask_free = NULL;
}

struct session *
session_new(struct router *r, const struct console_ops *ops, void *arg)
{
	struct session	*s;

	s = xcalloc(1, sizeof(*s));
	s->s_router = r;
	s->s_ops = ops;
	s->s_ops_arg = arg;
	s->s_vty.v_mode = MODE_USER_EXEC;
	s->s_vty.v_router = r;
	s->s_vty.v_sys = &r->r_sys;
	strbuf_init(&s->s_vty.v_out);
	s->s_vty.v_term_length = 24;
	s->s_vty.v_term_width = 80;
	s->s_vty.v_stream = session_stream;
	s->s_vty.v_finish = session_finish;
	s->s_vty.v_ask = session_vask;
	s->s_input_ms = clock_mono_ms();
	s->s_start_ms = s->s_input_ms;
	s->s_next = r->r_sessions;
	r->r_sessions = s;
	return s;
}

static void
hist_free(char **hist, size_t n)
{
	while (n > 0)
		free(hist[--n]);
	free(hist);
}

void
session_free(struct session *s)
{
	struct session	**sp;

	if (s == NULL)
		return;
	/* A running command stops with its session, telling no console. */
	s->s_vty.v_stream = NULL;
	s->s_vty.v_finish = NULL;
	vty_cancel(&s->s_vty);
	session_vask_drop(s);
	for (sp = &s->s_router->r_sessions; *sp != NULL; sp = &(*sp)->s_next)
		if (*sp == s) {
			*sp = s->s_next;
			break;
		}
	hist_free(s->s_hist, s->s_nhist);
	hist_free(s->s_chist, s->s_nchist);
	strbuf_free(&s->s_vty.v_out);
	free(s->s_user);
	free(s);
}

struct session *
session_of(struct vty *vty)
{
	return (struct session *)(void *)((char *)vty -
	    offsetof(struct session, s_vty));
}

void
session_prompt(const struct session *s, struct strbuf *out)
{
	if (s->s_question != NULL) {
		strbuf_puts(out, s->s_question);
		return;
	}
	strbuf_puts(out, s->s_router->r_hostname);
	strbuf_puts(out, mode_info(s->s_vty.v_mode)->mi_suffix);
}

void
session_ask(struct session *s, const char *question, session_answer_fn fn)
{
	s->s_question = question;
	s->s_answer = fn;
	s->s_secret = false;
}

void
session_ask_secret(struct session *s, const char *question,
    session_answer_fn fn)
{
	session_ask(s, question, fn);
	s->s_secret = true;
}

bool
session_busy(const struct session *s)
{
	return s->s_vty.v_pending;
}

void
session_cancel(struct session *s)
{
	vty_cancel(&s->s_vty);
}

void
session_reset(struct session *s)
{
	session_vask_drop(s);
	s->s_question = NULL;
	s->s_answer = NULL;
	s->s_secret = false;
	vty_enter(&s->s_vty, MODE_USER_EXEC, NULL);
}

/* Hand LINE to the pending question; its output goes out at once. */
static void
answer(struct session *s, const char *line)
{
	session_answer_fn	 fn = s->s_answer;
	size_t			 len;
	char			*word;

	line += strspn(line, " \t");
	len = strlen(line);
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if ((word = strndup(line, len)) == NULL)
		abort();
	s->s_question = NULL;
	s->s_answer = NULL;
	s->s_secret = false;
	strbuf_reset(&s->s_vty.v_out);
	fn(s, word);
	free(word);
	/* The last answer of a dialog may start the command (ping). */
	if (s->s_vty.v_pending)
		vty_flush(&s->s_vty);
	else
		dispatch_flush(s);
}

/* Remember LINE (LEN bytes; trailing blanks dropped) in the history of
 * its mode. */
static void
hist_add(struct session *s, const char *line, size_t len)
{
	char	***hist;
	size_t	  *n;
	char	  *copy;

	if (mode_info(s->s_vty.v_mode)->mi_flags & MODE_F_EXEC) {
		hist = &s->s_hist;
		n = &s->s_nhist;
	} else {
		hist = &s->s_chist;
		n = &s->s_nchist;
	}
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (*n == HIST_MAX) {
		/* The oldest line's buffer takes the new one: a line pasted
		 * or loaded is then no malloc and free, whose freed chunks a
		 * configuration's larger allocations (an ACL's rules growing)
		 * made malloc sweep again and again. */
		copy = xreallocarray((*hist)[0], len + 1, 1);
		memmove(*hist, *hist + 1, (HIST_MAX - 1) * sizeof(**hist));
		(*n)--;
		memcpy(copy, line, len);
		copy[len] = '\0';
	} else {
		if ((copy = strndup(line, len)) == NULL)
			abort();
		if ((*hist = realloc(*hist, (*n + 1) * sizeof(**hist))) ==
		    NULL)
			abort();
	}
	(*hist)[(*n)++] = copy;
}

/*
 * The length of the UTF-8 space character at P (U+00A0 no-break space,
 * U+2000..U+200A, U+202F, U+205F, U+3000), or 0.  Configurations pasted
 * from web pages carry them between words; IOS's parser would see
 * garbage, a user sees a space.
 */
static size_t
unicode_space(const unsigned char *p)
{
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8a) ||
	    p[2] == 0xaf))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
		return 3;
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/* LINE with each Unicode space made an ASCII one (malloc'd). */
static char *
plain_spaces(const char *line)
{
	const unsigned char	*p = (const unsigned char *)line;
	char			*out = xmalloc(strlen(line) + 1), *o = out;
	size_t			 n;

	while (*p != '\0') {
		/* Every such space begins with a byte of 0xc2 or above. */
		if (*p >= 0xc2 && (n = unicode_space(p)) > 0) {
			*o++ = ' ';
			p += n;
		} else
			*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

/*
 * Whether LINE holds a byte a Unicode space can begin with.  Eight bytes
 * at a time for the bit every such byte has (0x80), then the bytes of a
 * word that has it: a byte at a time this scan was 4% of a configuration
 * load, whose lines are ASCII.
 */
static bool
has_high_byte(const char *line, size_t len)
{
	const unsigned char	*p = (const unsigned char *)line;
	size_t			 i;
	uint64_t		 v;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&v, p + i, 8);
		if ((v & 0x8080808080808080ull) != 0)
			break;
	}
	/* The last bytes (fewer than 8) by one load of the line's last 8
	 * when it has them and none before had the bit. */
	if (i == len)
		return false;
	if (i > 0 && i + 8 > len) {
		memcpy(&v, p + len - 8, 8);
		if ((v & 0x8080808080808080ull) == 0)
			return false;
	}
	for (; i < len; i++)
		if (p[i] >= 0xc2)
			return true;
	return false;
}

bool
session_execute(struct session *s, const char *typed)
{
	char		*copy = NULL;
	const char	*p, *line = typed;
	size_t		 len;
	bool		 go_on = true;

	s->s_input_ms = clock_mono_ms();
	if (s->s_answer != NULL) {
		answer(s, typed);
		return true;
	}
	/* A copy only when there is a Unicode space to replace: the copy
	 * per line was a twentieth of loading a configuration. */
	len = strlen(typed);
	if (has_high_byte(typed, len)) {
		line = copy = plain_spaces(typed);
		len = strlen(line);
	}
	p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	/* A blank line; a comment, as in a pasted configuration: echoed,
	 * never run. */
	if (*p != '\0') {
		hist_add(s, line, len);
		if (*p != '!')
			go_on = dispatch_line(s, line, len);
	}
	free(copy);
	return go_on;
}

void
session_ctrl_z(struct session *s)
{
	if (!(mode_info(s->s_vty.v_mode)->mi_flags & MODE_F_CONFIG))
		return;
	vty_enter(&s->s_vty, MODE_PRIV_EXEC, NULL);
	dispatch_config_left(s);
}

static bool
line_blank(const char *line)
{
	line += strspn(line, " \t");
	return *line == '\0';
}

void
session_help(struct session *s, const char *line, struct strbuf *out)
{
	const struct mode_info	*mi = mode_info(s->s_vty.v_mode);
	struct cmd_help		 h;
	struct strbuf		 prompt;

	cmd_describe(s->s_router->r_sets[mi->mi_id], line, &h);
	switch (h.ch_kind) {
	case CMD_HELP_NEXT:
		if (line_blank(line))
			strbuf_printf(out, "%s\n", mi->mi_title);
		cmd_help_render(&h, s->s_vty.v_term_width, out);
		strbuf_putc(out, '\n');
		break;
	case CMD_HELP_WORD:
		if (h.ch_nitems == 0 && !h.ch_cr) {
			error_unrecognized(out);
			break;
		}
		cmd_help_render(&h, s->s_vty.v_term_width, out);
		strbuf_putc(out, '\n');
		break;
	case CMD_HELP_ERROR:
		switch (h.ch_status) {
		case CMD_MATCH_INVALID:
			strbuf_init(&prompt);
			session_prompt(s, &prompt);
			error_invalid(out, prompt.sb_len + h.ch_err_off);
			strbuf_free(&prompt);
			break;
		case CMD_MATCH_AMBIGUOUS:
			error_ambiguous(out, line);
			break;
		case CMD_MATCH_INCOMPLETE:
			error_incomplete(out);
			break;
		default:
			error_unrecognized(out);
			break;
		}
		break;
	}
	cmd_help_free(&h);
}

char *
session_complete(struct session *s, const char *line)
{
	return cmd_complete(s->s_router->r_sets[s->s_vty.v_mode], line);
}
