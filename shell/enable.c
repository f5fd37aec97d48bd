/*
 * enable: `enable` in exec, and the passwords it checks.  IOS asks for
 * the secret when there is one, else for the password; three wrong
 * answers and it gives up.  With neither set, the console goes straight
 * to privileged exec while a vty is refused ("% No password set"), so a
 * router reachable over the network is never enabled without a password.
 * A secret typed in clear is stored as type 5 (MD5 crypt, random salt),
 * as IOS stores it.
 */
#include <crypt.h>
#include <string.h>

#include <openssl/rand.h>

#include "grammar/modes.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/enable.h"
#include "shell/login.h"
#include "shell/router.h"
#include "shell/session.h"

#define NEGATED(m)	((m)->cm_prefixes & (PFX_NO | PFX_DEFAULT))
#define ASK_PASS	"Password: "
/* The characters of a crypt(3) salt. */
#define SALT_CHARS	"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
			"abcdefghijklmnopqrstuvwxyz"

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
cmd_enable(struct vty *vty, const struct cmd_match *m)
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

/* "$1$" and a four-character random salt, as IOS makes them. */
static int
enable_hash(const char *clear, struct strbuf *out)
{
	unsigned char	 rnd[4];
	char		 salt[9] = "$1$";
	const char	*hash;
	size_t		 i;

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return -1;
	for (i = 0; i < sizeof(rnd); i++)
		salt[3 + i] = SALT_CHARS[rnd[i] % (sizeof(SALT_CHARS) - 1)];
	salt[7] = '$';
	if ((hash = crypt(clear, salt)) == NULL || hash[0] != '$')
		return -1;
	strbuf_puts(out, hash);
	return 0;
}

/* Whether TEXT has the form of an MD5 crypt string: $1$salt$hash. */
static bool
md5_crypt_form(const char *text)
{
	const char	*dollar;

	if (strncmp(text, "$1$", 3) != 0 ||
	    (dollar = strchr(text + 3, '$')) == NULL)
		return false;
	return dollar - (text + 3) <= 8 && strlen(dollar + 1) == 22 &&
	    strspn(dollar + 1, SALT_CHARS) == 22;
}

int
cmd_enable_secret(struct vty *vty, const struct cmd_match *m)
{
	struct enable_pw	*en = &vty->v_router->r_enable;
	const char		*text = cmd_arg(m, "pw");
	struct strbuf		 hash;
	int			 rc;

	if (NEGATED(m)) {
		password_clear(&en->en_secret);
		return CMD_SUCCESS;
	}
	if (cmd_has(m, "5")) {
		if (!md5_crypt_form(text)) {
			vty_out(vty, "ERROR: The secret you entered is not a "
			    "valid encrypted secret.\n"
			    "To enter an UNENCRYPTED secret, do not specify "
			    "type 5 encryption.\n"
			    "When you properly enter an UNENCRYPTED secret, "
			    "it will be encrypted.\n");
			return CMD_WARNING;
		}
		password_set(&en->en_secret, PW_MD5, text, false);
		return CMD_SUCCESS;
	}
	strbuf_init(&hash);
	if ((rc = enable_hash(text, &hash)) == 0)
		password_set(&en->en_secret, PW_MD5, hash.sb_buf, false);
	else
		vty_out(vty, "%% Cannot hash the secret\n");
	strbuf_free(&hash);
	return rc == 0 ? CMD_SUCCESS : CMD_WARNING;
}

int
cmd_enable_password(struct vty *vty, const struct cmd_match *m)
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
