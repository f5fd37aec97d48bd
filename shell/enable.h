/*
 * enable: the privileged exec passwords (`enable secret`, `enable
 * password`) and what `enable` asks with them.
 */
#ifndef IOSH_SHELL_ENABLE_H
#define IOSH_SHELL_ENABLE_H

#include "lib/nvgen.h"
#include "lib/strbuf.h"
#include "shell/password.h"

struct router;

struct enable_pw {
	struct password	en_secret;	/* type 5; wins over the password */
	struct password	en_password;	/* clear or type 7 */
};

void	enable_init(struct enable_pw *);
void	enable_clear(struct enable_pw *);
/* `service password-encryption` turned on: the password to type 7. */
void	enable_encrypt(struct enable_pw *);
/* `enable secret 5 ...` and `enable password ...`, after the logging
 * lines as IOS prints them. */
void	enable_nvgen(const struct router *, enum nv_section, struct strbuf *);

#endif
