/*
 * enable: `enable` in exec, and the passwords it checks.  IOS asks for
 * the secret when there is one, else for the password; three wrong
 * answers and it gives up.  With neither set, the console goes straight
 * to privileged exec while a vty is refused ("% No password set"), so a
 * router reachable over the network is never enabled without a password.
 * A secret typed in clear is stored as type 5 (shell/password.c).
 */
#include <string.h>

#include "grammar/modes.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/enable.h"
#include "shell/login.h"
#include "shell/router.h"
#include "shell/session.h"

#define NEGATED(m)	cmd_negated(m)
#define ASK_PASS	"Password: "

void
enable_init(struct enable_pw *en)
{
	memset(en, 0, sizeof(*en));
}

void
enable_clear(struct enable_pw *en)
{
	password_clear(&en->en_secret);
	password_clear(&en->en_password);
}

void
enable_encrypt(struct enable_pw *en)
{
	password_encrypt(&en->en_password);
}

/* The password `enable` checks: the secret when there is one. */
static const struct password *
enable_wanted(const struct enable_pw *en)
{
	if (en->en_secret.pw_text != NULL)
		return &en->en_secret;
	if (en->en_password.pw_text != NULL)
		return &en->en_password;
	return NULL;
}

static void	enable_try1(struct session *, const char *);
static void	enable_try2(struct session *, const char *);
static void	enable_try3(struct session *, const char *);

/* One answer to "Password: "; NEXT asks again, NULL gives up. */
static void
enable_check(struct session *s, const char *typed, session_answer_fn next)
{
	const struct enable_pw	*en = &s->s_router->r_enable;
	const struct password	*pw = enable_wanted(en);

	/* The passwords may have gone while the question was asked. */
	if (pw == NULL || password_matches(pw, typed)) {
		vty_enter(&s->s_vty, MODE_PRIV_EXEC, NULL);
		return;
	}
	if (next != NULL)
		session_ask_secret(s, ASK_PASS, next);
	else
		vty_out(&s->s_vty, "%% Bad %s\n", pw == &en->en_secret ?
		    "secrets" : "passwords");
}

static void
enable_try1(struct session *s, const char *typed)
{
	enable_check(s, typed, enable_try2);
}

static void
enable_try2(struct session *s, const char *typed)
{
	enable_check(s, typed, enable_try3);
}

static void
enable_try3(struct session *s, const char *typed)
{
	enable_check(s, typed, NULL);
}

int
cmd_enable(struct vty *vty, const struct cmd_args *m)
{
	struct session	*s = session_of(vty);

	(void)m;
	if (vty->v_mode == MODE_PRIV_EXEC)
		return CMD_SUCCESS;
	if (enable_wanted(&vty->v_router->r_enable) != NULL) {
		session_ask_secret(s, ASK_PASS, enable_try1);
		return CMD_SUCCESS;
	}
	if (s->s_line >= LINE_VTY0) {
		vty_out(vty, "%% No password set\n");
		return CMD_WARNING;
	}
	vty_enter(vty, MODE_PRIV_EXEC, NULL);
	return CMD_SUCCESS;
}

int
cmd_enable_secret(struct vty *vty, const struct cmd_args *m)
{
	struct enable_pw	*en = &vty->v_router->r_enable;
	const char		*text = cmd_arg(m, "pw");

	if (NEGATED(m)) {
		password_clear(&en->en_secret);
		return CMD_SUCCESS;
	}
	if (password_set_secret(&en->en_secret, text, cmd_has(m, "5")) < 0) {
		vty_out(vty, "%s", cmd_has(m, "5") ? PASSWORD_BAD_SECRET :
		    "% Cannot hash the secret\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

int
cmd_enable_password(struct vty *vty, const struct cmd_args *m)
{
	struct enable_pw	*en = &vty->v_router->r_enable;

	if (NEGATED(m)) {
		password_clear(&en->en_password);
		return CMD_SUCCESS;
	}
	if (password_set(&en->en_password, cmd_has(m, "7") ? PW_TYPE7 :
	    PW_CLEAR, cmd_arg(m, "pw"), vty->v_sys->sy_password_encryption) <
	    0) {
		vty_out(vty, "%% Invalid encrypted password: %s\n",
		    cmd_arg(m, "pw"));
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

void
enable_nvgen(const struct router *r, enum nv_section sec, struct strbuf *sb)
{
	const struct enable_pw	*en = &r->r_enable;

	if (sec != NV_LOGGING)
		return;
	if (en->en_secret.pw_text != NULL)
		nv_line(sb, 0, "enable secret 5 %s", en->en_secret.pw_text);
	if (en->en_password.pw_text != NULL) {
		strbuf_puts(sb, "enable password ");
		password_render(&en->en_password, false, sb);
		strbuf_putc(sb, '\n');
	}
}
