/*
 * dispatch: a line is matched in the session's mode; if that fails in a
 * configuration sub-mode it is tried in each parent up to (config), so an
 * unindented pasted configuration lands where it belongs.  When every
 * attempt fails, the one that got furthest into the line is reported.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "lib/inet4.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/dispatch.h"
#include "shell/errors.h"
#include "shell/filter.h"
#include "shell/flash.h"
#include "shell/log.h"
#include "shell/router.h"
#include "shell/session.h"

static void
emit(struct session *s, const struct strbuf *sb)
{
	if (sb->sb_len > 0)
		s->s_ops->co_output(s->s_ops_arg, sb->sb_buf, sb->sb_len);
}

void
dispatch_flush(struct session *s)
{
	emit(s, &s->s_vty.v_out);
	strbuf_reset(&s->s_vty.v_out);
}

/* IOS names who configured: "by console", or "by vty0 (10.0.0.1)". */
void
dispatch_config_left(struct session *s)
{
	if (s->s_line >= LINE_VTY0)
		log_msg(s->s_router, "SYS", 5, "CONFIG_I", "Configured from "
		    "console by vty%u (%s)", s->s_line - LINE_VTY0,
		    s->s_location);
	else
		log_msg(s->s_router, "SYS", 5, "CONFIG_I", "Configured from "
		    "console by console");
}

/* Offset just past word N of LINE. */
static size_t
word_end(const char *line, size_t n)
{
	size_t	off = 0;

	for (;;) {
		off += strspn(line + off, " \t");
		off += strcspn(line + off, " \t");
		if (n-- == 0 || line[off] == '\0')
			return off;
	}
}

/*
 * How far into LINE the attempt M got: an invalid word at its caret, an
 * ambiguous one at its end, an incomplete line at the end of the line (so
 * a mode where it is merely ambiguous keeps its answer).
 */
static size_t
reach(const struct cmd_match *m, const char *line)
{
	switch (m->cm_status) {
	case CMD_MATCH_INCOMPLETE:
		return word_end(line, m->cm_nwords);
	case CMD_MATCH_AMBIGUOUS:
		return word_end(line, m->cm_err_word);
	default:
		return m->cm_err_off;
	}
}

/* `| redirect URL`, `| append URL`, `| tee URL`: the output to a file
 * of flash: (shell/flash.c), and with tee to the console as well. */
static void
to_file(struct session *s, const char *kw, const char *url,
    const struct strbuf *text)
{
	struct strbuf	err, name;

	strbuf_init(&err);
	strbuf_init(&name);
	strbuf_add(&name, url, strcspn(url, " \t"));
	if (flash_write(s->s_router, name.sb_buf, text->sb_buf, text->sb_len,
	    strcmp(kw, "append") == 0, &err) < 0)
		emit(s, &err);
	else if (strcmp(kw, "tee") == 0)
		emit(s, text);
	strbuf_free(&name);
	strbuf_free(&err);
}

/* Send the command's output through its output modifier, if it has one. */
static void
output(struct session *s, const struct cmd_match *m)
{
	struct strbuf		*text = &s->s_vty.v_out, filtered;
	const char		*kw = NULL, *re = NULL;
	enum filter_kind	 kind;
	size_t			 i;

	/* Most lines have no modifier: their arguments are not read. */
	if (!m->cm_tail) {
		emit(s, text);
		return;
	}
	for (i = 0; i < m->cm_a.as_n; i++) {
		if (!m->cm_a.as_v[i].ca_tail)
			continue;
		if (!m->cm_a.as_v[i].ca_keyword)
			re = m->cm_a.as_v[i].ca_value;
		else if (strcmp(m->cm_a.as_v[i].ca_value, "|") != 0)
			kw = m->cm_a.as_v[i].ca_value;
	}
	if (kw != NULL && re != NULL && (strcmp(kw, "redirect") == 0 ||
	    strcmp(kw, "append") == 0 || strcmp(kw, "tee") == 0)) {
		to_file(s, kw, re, text);
		return;
	}
	if (kw == NULL || re == NULL || filter_kind_parse(kw, &kind) != 0) {
		emit(s, text);
		return;
	}
	strbuf_init(&filtered);
	filter_apply(kind, re, text->sb_buf, text->sb_len, &filtered);
	emit(s, &filtered);
	strbuf_free(&filtered);
}

static bool
run(struct session *s, const struct cmd_match *m, mode_id typed_in)
{
	struct vty	*vty = &s->s_vty;
	mode_id	 mode = vty->v_mode;
	void		*ctx = vty->v_ctx;
	int		 ret;

	strbuf_reset(&vty->v_out);
	vty->v_invalid = false;
	ret = m->cm_def->cd_fn(vty, &m->cm_a);
	/* A value the handler rejected gets the caret under its word, placed
	 * after the prompt the line was typed at (vty_invalid). */
	if (vty->v_invalid) {
		strbuf_reset(&vty->v_out);
		error_invalid(&vty->v_out, strlen(s->s_router->r_hostname) +
		    strlen(mode_info(typed_in)->mi_suffix) + vty->v_invalid_off);
		vty->v_invalid = false;
	}
	/* "do" runs an exec command without leaving configuration mode. */
	if (m->cm_a.as_prefixes & PFX_DO) {
		vty_enter(vty, mode, ctx);
		if (ret == CMD_CLOSE)
			ret = CMD_SUCCESS;
	}
	/* A running command's output streams out (vty_flush), unfiltered. */
	if (ret == CMD_PENDING)
		vty_flush(vty);
	else
		output(s, m);
	strbuf_reset(&vty->v_out);
	if ((mode_info(typed_in)->mi_flags & MODE_F_CONFIG) &&
	    (mode_info(vty->v_mode)->mi_flags & MODE_F_EXEC))
		dispatch_config_left(s);
	return ret != CMD_CLOSE;
}

/* The answer to a line no mode accepted, as the mode it was typed in. */
static void
report(struct session *s, const char *line, const struct cmd_match *m)
{
	const struct mode_info	*mi = mode_info(s->s_vty.v_mode);
	bool			 exec = mi->mi_flags & MODE_F_EXEC;
	struct strbuf		 out, prompt;
	const char		*w;
	char			*kw;
	size_t			 len;

	strbuf_init(&out);
	w = line + strspn(line, " \t");
	len = strcspn(w, " \t");
	switch (m->cm_status) {
	case CMD_MATCH_INVALID:
		if (exec && m->cm_nwords == 1) {
			uint32_t	a;

			kw = strndup(w, len);
			/* An address is a connection to it (`telnet`), which
			 * iosh's lines cannot make; a name is looked up. */
			if (kw != NULL && ip4_parse(kw, &a))
				strbuf_puts(&out, "% telnet connections not "
				    "permitted from this terminal\n");
			else
				error_unknown_host(&out, kw ? kw : "",
				    s->s_router->r_domain_lookup);
			free(kw);
			break;
		}
		strbuf_init(&prompt);
		session_prompt(s, &prompt);
		error_invalid(&out, prompt.sb_len + m->cm_err_off);
		strbuf_free(&prompt);
		break;
	case CMD_MATCH_INCOMPLETE:
		if (exec && m->cm_nwords == 1) {
			if (m->cm_a.as_n > 0)
				error_subcommands(&out, m->cm_a.as_v[0].ca_value);
			else if ((kw = cmd_complete(
			    s->s_router->r_sets[mi->mi_id], w)) != NULL) {
				kw[strcspn(kw, " ")] = '\0';
				error_subcommands(&out, kw);
				free(kw);
			} else
				error_incomplete(&out);
			break;
		}
		error_incomplete(&out);
		break;
	case CMD_MATCH_AMBIGUOUS:
		error_ambiguous(&out, line);
		break;
	default:
		break;
	}
	emit(s, &out);
	strbuf_free(&out);
}

bool
dispatch_line(struct session *s, const char *line, size_t len)
{
	struct router		*r = s->s_router;
	mode_id		 typed_in = s->s_vty.v_mode, mode, parent;
	/* Two matches, the best failure so far and the attempt now, which
	 * trade places by pointer: a match is 2.7 KB, and copying it for
	 * each line a sub-mode refused was a third of this function. */
	struct cmd_match	 m[2], *best = NULL, *cur = &m[0], *t;
	bool			 alive;

	for (mode = typed_in;; mode = parent) {
		cmd_match_len(r->r_sets[mode], line, len, cur);
		if (cur->cm_status == CMD_MATCH_OK ||
		    cur->cm_status == CMD_MATCH_EMPTY) {
			alive = true;
			if (cur->cm_status == CMD_MATCH_OK) {
				if (mode != typed_in)
					vty_enter(&s->s_vty, mode, NULL);
				alive = run(s, cur, typed_in);
			}
			cmd_match_free(cur);
			if (best != NULL)
				cmd_match_free(best);
			return alive;
		}
		if (best == NULL || reach(cur, line) > reach(best, line)) {
			t = best != NULL ? best : &m[1];
			if (best != NULL)
				cmd_match_free(best);
			best = cur;
			cur = t;
		} else
			cmd_match_free(cur);
		parent = mode_info(mode)->mi_parent;
		if (parent == MODE_NONE ||
		    !(mode_info(parent)->mi_flags & MODE_F_CONFIG))
			break;
	}
	report(s, line, best);
	cmd_match_free(best);
	return true;
}
