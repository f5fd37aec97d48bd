/*
 * aaa: `aaa new-model`, the method lists, `aaa session-id`, and the local
 * user database (`username`).  iosh keeps them for the configuration and
 * for the crypto profiles that name the lists; nothing authenticates yet.
 */
#ifndef IOSH_SHELL_AAA_H
#define IOSH_SHELL_AAA_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/system.h"
#include "shell/password.h"

enum aaa_list_kind {
	AAA_AUTHEN_LOGIN,	/* aaa authentication login NAME ... */
	AAA_AUTHOR_EXEC,	/* aaa authorization exec NAME ... (inert) */
	AAA_AUTHOR_NETWORK,	/* aaa authorization network NAME ... */
};

struct aaa_list {
	enum aaa_list_kind	 al_kind;
	char			*al_name;	/* "default" or the list name */
	char			*al_methods;	/* "local", "group radius local" */
};

struct aaa_user {
	char			*au_name;
	unsigned		 au_privilege;	/* default 1 */
	bool			 au_secret;	/* secret rather than password */
	struct password		 au_password;
};

struct aaa {
	bool			 aa_new_model;
	bool			 aa_session_unique;	/* default common */
	struct aaa_list		*aa_lists;	/* in the order configured */
	size_t			 aa_nlists;
	struct aaa_user		**aa_users;	/* sorted by name */
	size_t			 aa_nusers;
};

void	aaa_init(struct aaa *);
void	aaa_clear(struct aaa *);
/*
 * Check USER and PASSWORD against `aaa authentication login LIST` (NULL:
 * "default"): only the `local` method answers, from the usernames.  An
 * unknown user fails like a wrong password.
 */
enum sys_auth	aaa_login_check(const struct aaa *, const char *list,
		    const char *user, const char *password);
/* The `aaa authorization exec` lists, for `show iosh inert`: a local
 * user's privilege level applies at login whether or not one is set. */
void	aaa_inert_nvgen(const struct aaa *, struct strbuf *);
/* `service password-encryption` turned on: clear passwords to type 7. */
void	aaa_encrypt_passwords(struct aaa *);

#endif
