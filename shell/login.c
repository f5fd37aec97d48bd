/*
 * login: the vty's `User Access Verification` as IOS runs it.  `login`
 * asks for the line's password, `login local` for a username and its
 * password; three wrong answers end the connection.  A line with `login`
 * and no password refuses everyone, as IOS does.
 */
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "shell/login.h"
#include "shell/router.h"
#include "shell/type7.h"

#define BANNER		"\nUser Access Verification\n\n"
#define ASK_USER	"Username: "
#define ASK_PASS	"Password: "

bool
password_matches(const struct password *pw, const char *typed)
{
	struct strbuf	 clear;
	const char	*hash;
	bool		 ok = false;

	if (pw->pw_text == NULL)
		return false;
	switch (pw->pw_type) {
	case PW_CLEAR:
		ok = strcmp(pw->pw_text, typed) == 0;
		break;
	case PW_TYPE7:
		strbuf_init(&clear);
		ok = type7_decode(pw->pw_text, &clear) == 0 &&
		    strcmp(clear.sb_buf, typed) == 0;
		strbuf_free(&clear);
		break;
	case PW_MD5:
		/* crypt(3) reads the salt from the stored "$1$salt$hash". */
		hash = crypt(typed, pw->pw_text);
		ok = hash != NULL && strcmp(hash, pw->pw_text) == 0;
		break;
	}
	return ok;
}

static int
user_cmp(const void *key, const void *elem)
{
	const struct aaa_user	*const *u = elem;

	return strcmp(key, (*u)->au_name);
}

static const struct aaa_user *
user_find(const struct aaa *aa, const char *name)
{
	struct aaa_user	**u;

	u = bsearch(name, aa->aa_users, aa->aa_nusers, sizeof(*aa->aa_users),
	    user_cmp);
	return u != NULL ? *u : NULL;
}

enum sys_auth
aaa_login_check(const struct aaa *aa, const char *list, const char *user,
    const char *password)
{
	const struct aaa_user	*u;
	size_t			 i;

	if (!aa->aa_new_model)
		return SYS_AUTH_NO_LIST;
	if (list == NULL)
		list = "default";
	for (i = 0; i < aa->aa_nlists; i++)
		if (aa->aa_lists[i].al_kind == AAA_AUTHEN_LOGIN &&
		    strcmp(aa->aa_lists[i].al_name, list) == 0)
			break;
	/* Of the methods only `local` can answer here. */
	if (i == aa->aa_nlists ||
	    strstr(aa->aa_lists[i].al_methods, "local") == NULL)
		return SYS_AUTH_NO_LIST;
	u = user_find(aa, user);
	if (u == NULL || !password_matches(&u->au_password, password))
		return SYS_AUTH_FAIL;
	return SYS_AUTH_PASS;
}

enum login_step
login_start(struct login *lg, const struct router *r, unsigned line,
    struct strbuf *out)
{
	const struct line_cfg	*lc = &r->r_lines[line];

	memset(lg, 0, sizeof(*lg));
	lg->lg_router = r;
	lg->lg_line = line;
	lg->lg_privilege = lc->lc_privilege;
	switch (lc->lc_login) {
	case LOGIN_NONE:
		lg->lg_step = LOGIN_DONE;
		break;
	case LOGIN_LINE:
		if (lc->lc_password.pw_text == NULL) {
			strbuf_puts(out, "\nPassword required, but none set\n");
			lg->lg_step = LOGIN_FAILED;
			break;
		}
		strbuf_puts(out, BANNER ASK_PASS);
		lg->lg_step = LOGIN_ASK_PASS;
		break;
	case LOGIN_LOCAL:
		strbuf_puts(out, BANNER ASK_USER);
		lg->lg_step = LOGIN_ASK_USER;
		break;
	}
	return lg->lg_step;
}

/* A wrong answer: ask again, or give up after the last try. */
static enum login_step
login_wrong(struct login *lg, bool local, struct strbuf *out)
{
	if (local)
		strbuf_puts(out, "% Login invalid\n");
	if (++lg->lg_tries == LOGIN_TRIES) {
		if (!local)
			strbuf_puts(out, "% Bad passwords\n");
		lg->lg_step = LOGIN_FAILED;
	} else if (local) {
		strbuf_puts(out, "\n" ASK_USER);
		lg->lg_step = LOGIN_ASK_USER;
	} else
		strbuf_puts(out, ASK_PASS);
	return lg->lg_step;
}

enum login_step
login_input(struct login *lg, const char *typed, struct strbuf *out)
{
	const struct line_cfg	*lc = &lg->lg_router->r_lines[lg->lg_line];
	const struct aaa_user	*u;

	switch (lg->lg_step) {
	case LOGIN_ASK_USER:
		free(lg->lg_user);
		lg->lg_user = xstrdup(typed);
		strbuf_puts(out, ASK_PASS);
		lg->lg_step = LOGIN_ASK_PASS;
		break;
	case LOGIN_ASK_PASS:
		if (lc->lc_login != LOGIN_LOCAL) {
			if (!password_matches(&lc->lc_password, typed))
				return login_wrong(lg, false, out);
		} else {
			/* An unknown name is asked its password too and
			 * fails the same way, so names cannot be probed. */
			u = user_find(&lg->lg_router->r_aaa, lg->lg_user);
			if (u == NULL || !password_matches(&u->au_password,
			    typed))
				return login_wrong(lg, true, out);
			lg->lg_privilege = u->au_privilege;
		}
		lg->lg_step = LOGIN_DONE;
		break;
	case LOGIN_DONE:
	case LOGIN_FAILED:
		break;
	}
	return lg->lg_step;
}

void
login_free(struct login *lg)
{
	free(lg->lg_user);
	lg->lg_user = NULL;
}
