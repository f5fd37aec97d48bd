/*
 * aaa: the AAA configuration and local users, their commands and their
 * rendering.  Users are kept sorted by name (IOS lists them so) in an
 * array searched by bisection; method lists are few and kept in order.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/modes.h"
#include "lib/system.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/aaa.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/runcfg.h"

#define NEGATED(m)	(cmd_negated(m))
#define PRIV_DEFAULT	1

void
aaa_init(struct aaa *aa)
{
	memset(aa, 0, sizeof(*aa));
}

static void
user_free(struct aaa_user *u)
{
	free(u->au_name);
	password_clear(&u->au_password);
	free(u);
}

void
aaa_clear(struct aaa *aa)
{
	size_t	i;

	for (i = 0; i < aa->aa_nlists; i++) {
		free(aa->aa_lists[i].al_name);
		free(aa->aa_lists[i].al_methods);
	}
	free(aa->aa_lists);
	for (i = 0; i < aa->aa_nusers; i++)
		user_free(aa->aa_users[i]);
	free(aa->aa_users);
	aaa_init(aa);
}

void
aaa_encrypt_passwords(struct aaa *aa)
{
	size_t	i;

	for (i = 0; i < aa->aa_nusers; i++)
		password_encrypt(&aa->aa_users[i]->au_password);
}

/* Index of NAME in the sorted users, or where it would go (*FOUND false). */
static size_t
user_find(const struct aaa *aa, const char *name, bool *found)
{
	size_t	lo = 0, hi = aa->aa_nusers, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(aa->aa_users[mid]->au_name, name);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

int
cmd_username(struct vty *vty, const struct cmd_args *m)
{
	struct aaa	*aa = &vty->v_router->r_aaa;
	const char	*name = cmd_arg(m, "name");
	struct password	 pw = { PW_CLEAR, NULL };
	struct aaa_user	*u;
	bool		 found, secret = cmd_has(m, "secret");
	size_t		 i;

	i = user_find(aa, name, &found);
	if (NEGATED(m)) {
		if (!found)
			return CMD_SUCCESS;
		user_free(aa->aa_users[i]);
		memmove(aa->aa_users + i, aa->aa_users + i + 1,
		    (aa->aa_nusers - i - 1) * sizeof(*aa->aa_users));
		aa->aa_nusers--;
		return CMD_SUCCESS;
	}
	if (secret) {
		if (password_set_secret(&pw, cmd_arg(m, "pw"),
		    cmd_has(m, "5")) < 0) {
			vty_out(vty, "%s", cmd_has(m, "5") ?
			    PASSWORD_BAD_SECRET : "% Cannot hash the secret\n");
			return CMD_WARNING;
		}
	} else if (password_set(&pw, cmd_has(m, "7") ? PW_TYPE7 : PW_CLEAR,
	    cmd_arg(m, "pw"), vty->v_sys->sy_password_encryption) < 0) {
		vty_out(vty, "%% Invalid encrypted password: %s\n",
		    cmd_arg(m, "pw"));
		return CMD_WARNING;
	}
	if (found)
		u = aa->aa_users[i];
	else {
		u = xcalloc(1, sizeof(*u));
		aa->aa_users = xreallocarray(aa->aa_users, aa->aa_nusers + 1,
		    sizeof(*aa->aa_users));
		memmove(aa->aa_users + i + 1, aa->aa_users + i,
		    (aa->aa_nusers - i) * sizeof(*aa->aa_users));
		aa->aa_users[i] = u;
		aa->aa_nusers++;
		u->au_name = xstrdup(name);
	}
	password_clear(&u->au_password);
	u->au_password = pw;
	u->au_secret = secret;
	u->au_privilege = (unsigned)cmd_arg_num(m, "priv", PRIV_DEFAULT);
	return CMD_SUCCESS;
}

int
cmd_aaa_new_model(struct vty *vty, const struct cmd_args *m)
{
	vty->v_router->r_aaa.aa_new_model = !NEGATED(m);
	return CMD_SUCCESS;
}

int
cmd_aaa_session_id(struct vty *vty, const struct cmd_args *m)
{
	vty->v_router->r_aaa.aa_session_unique = !NEGATED(m) &&
	    cmd_has(m, "unique");
	return CMD_SUCCESS;
}

static struct aaa_list *
list_find(struct aaa *aa, enum aaa_list_kind kind, const char *name)
{
	size_t	i;

	for (i = 0; i < aa->aa_nlists; i++)
		if (aa->aa_lists[i].al_kind == kind &&
		    strcmp(aa->aa_lists[i].al_name, name) == 0)
			return &aa->aa_lists[i];
	return NULL;
}

/* The methods typed after the list name, keywords spelled out. */
static char *
list_methods(const struct cmd_args *m)
{
	struct strbuf	sb;
	size_t		i;
	bool		after = false;

	strbuf_init(&sb);
	for (i = 0; i < m->as_n; i++) {
		if (after) {
			if (sb.sb_len > 0)
				strbuf_putc(&sb, ' ');
			strbuf_puts(&sb, m->as_v[i].ca_value);
		}
		if (strcmp(m->as_v[i].ca_name, "list") == 0 ||
		    strcmp(m->as_v[i].ca_name, "default") == 0)
			after = true;
	}
	return strbuf_steal(&sb);
}

static int
method_list(struct vty *vty, const struct cmd_args *m,
    enum aaa_list_kind kind)
{
	struct aaa	*aa = &vty->v_router->r_aaa;
	const char	*name = cmd_has(m, "default") ? "default" :
			    cmd_arg(m, "list");
	struct aaa_list	*al = list_find(aa, kind, name);

	if (NEGATED(m)) {
		if (al == NULL)
			return CMD_SUCCESS;
		free(al->al_name);
		free(al->al_methods);
		memmove(al, al + 1, (size_t)(aa->aa_lists + aa->aa_nlists -
		    al - 1) * sizeof(*al));
		aa->aa_nlists--;
		return CMD_SUCCESS;
	}
	if (al == NULL) {
		if ((aa->aa_lists = reallocarray(aa->aa_lists,
		    aa->aa_nlists + 1, sizeof(*aa->aa_lists))) == NULL)
			abort();
		al = &aa->aa_lists[aa->aa_nlists++];
		al->al_kind = kind;
		al->al_name = xstrdup(name);
	} else
		free(al->al_methods);
	al->al_methods = list_methods(m);
	return CMD_SUCCESS;
}

int
cmd_aaa_authentication_login(struct vty *vty, const struct cmd_args *m)
{
	return method_list(vty, m, AAA_AUTHEN_LOGIN);
}

int
cmd_aaa_authorization_exec(struct vty *vty, const struct cmd_args *m)
{
	return method_list(vty, m, AAA_AUTHOR_EXEC);
}

int
cmd_aaa_authorization_network(struct vty *vty, const struct cmd_args *m)
{
	return method_list(vty, m, AAA_AUTHOR_NETWORK);
}

static void
users_nvgen(const struct aaa *aa, struct strbuf *sb)
{
	const struct aaa_user	*u;
	size_t			 i;

	for (i = 0; i < aa->aa_nusers; i++) {
		u = aa->aa_users[i];
		strbuf_printf(sb, "username %s ", u->au_name);
		if (u->au_privilege != PRIV_DEFAULT)
			strbuf_printf(sb, "privilege %u ", u->au_privilege);
		strbuf_puts(sb, u->au_secret ? "secret " : "password ");
		password_render(&u->au_password, true, sb);
		strbuf_putc(sb, '\n');
	}
}

static const char *const list_kinds[] = {
	[AAA_AUTHEN_LOGIN] = "authentication login",
	[AAA_AUTHOR_EXEC] = "authorization exec",
	[AAA_AUTHOR_NETWORK] = "authorization network",
};

static void
kind_nvgen(const struct aaa *aa, unsigned kind, struct strbuf *sb)
{
	const struct aaa_list	*al;
	size_t			 i;

	for (i = 0; i < aa->aa_nlists; i++) {
		al = &aa->aa_lists[i];
		if (al->al_kind == kind)
			nv_line(sb, 0, "aaa %s %s %s", list_kinds[kind],
			    al->al_name, al->al_methods);
	}
}

void
aaa_inert_nvgen(const struct aaa *aa, struct strbuf *sb)
{
	kind_nvgen(aa, AAA_AUTHOR_EXEC, sb);
}

static void
lists_nvgen(const struct aaa *aa, struct strbuf *sb)
{
	unsigned	kind;

	/* Authentication lists before authorization, exec before network,
	 * as IOS groups them. */
	for (kind = AAA_AUTHEN_LOGIN; kind <= AAA_AUTHOR_NETWORK; kind++)
		kind_nvgen(aa, kind, sb);
}

void
aaa_nvgen(const struct router *r, enum nv_section sec, struct strbuf *sb)
{
	const struct aaa	*aa = &r->r_aaa;
	const struct ios_version *v = &r->r_sys.sy_version;
	bool			 v15 = sys_version_15(&r->r_sys);

	switch (sec) {
	case NV_AAA:
		/* 12.x prints the users just before aaa new-model. */
		if (!v15)
			users_nvgen(aa, sb);
		if (aa->aa_new_model) {
			nv_line(sb, 0, "aaa new-model");
			nv_line(sb, 0, "!");
			nv_line(sb, 0, "!");
			lists_nvgen(aa, sb);
			nv_line(sb, 0, "aaa session-id %s",
			    aa->aa_session_unique ? "unique" : "common");
		} else if (v->iv_major > 12 || (v->iv_major == 12 &&
		    v->iv_minor >= 3))
			/* Printed from 12.3 on. */
			nv_line(sb, 0, "no aaa new-model");
		break;
	case NV_USERNAME:
		if (v15)
			users_nvgen(aa, sb);
		break;
	default:
		break;
	}
}
