/*
 * login: what a user types checked against the configuration — the
 * `User Access Verification` dialog of a vty line (`login`, `login
 * local`) and the password comparison `enable` also uses.
 *
 * The dialog is a pure state machine: the console hands it each line
 * typed and writes what it appends to OUT, so every IOS text is
 * unit-tested without a socket.
 */
#ifndef IOSH_SHELL_LOGIN_H
#define IOSH_SHELL_LOGIN_H

#include <stdbool.h>

#include "lib/strbuf.h"
#include "shell/password.h"

struct router;

/* IOS gives up after this many wrong answers. */
#define LOGIN_TRIES	3

enum login_step {
	LOGIN_ASK_USER,		/* "Username: " is shown; echo on */
	LOGIN_ASK_PASS,		/* "Password: " is shown; echo off */
	LOGIN_DONE,		/* the exec may start */
	LOGIN_FAILED,		/* the connection is to be closed */
};

struct login {
	const struct router	*lg_router;
	unsigned		 lg_line;	/* index into r_lines */
	enum login_step		 lg_step;
	unsigned		 lg_tries;	/* wrong answers so far */
	char			*lg_user;	/* `login local`: name typed */
	unsigned		 lg_privilege;	/* the exec's level when done */
};

/* Whether TYPED is the password PW holds (clear, type 7 or type 5). */
bool		password_matches(const struct password *, const char *typed);

/* Begin the dialog on line LINE of R: the banner and first question. */
enum login_step	login_start(struct login *, const struct router *,
		    unsigned line, struct strbuf *out);
/* A line typed (its Enter already echoed): the next question, or done. */
enum login_step	login_input(struct login *, const char *typed,
		    struct strbuf *out);
void		login_free(struct login *);

#endif
