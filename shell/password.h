/*
 * password: a password as the configuration keeps it — in clear, as IOS
 * type 7, or as a type 5 (MD5) hash — for lines and usernames.  With
 * `service password-encryption` on, clear passwords become type 7 when
 * set and when the service is turned on; turning it off decrypts nothing,
 * as on IOS.
 */
#ifndef IOSH_SHELL_PASSWORD_H
#define IOSH_SHELL_PASSWORD_H

#include <stdbool.h>

#include "lib/strbuf.h"

enum pw_type {
	PW_CLEAR = 0,
	PW_MD5 = 5,
	PW_TYPE7 = 7,
};

struct password {
	enum pw_type	 pw_type;
	char		*pw_text;	/* NULL: no password */
};

/*
 * Set PW from TEXT typed as TYPE; ENCRYPT (service password-encryption)
 * turns a clear one into type 7.  Returns -1, PW unchanged, when TEXT is
 * not valid for TYPE (a type 7 string that does not decode).
 */
int	password_set(struct password *, enum pw_type, const char *text,
	    bool encrypt);
/*
 * Set PW to a secret: TEXT in clear is hashed to type 5 (MD5 crypt, a
 * random four-character salt), as IOS stores it; with HASHED, TEXT must
 * already be such a hash ("$1$salt$hash").  Returns -1, PW unchanged,
 * when a hashed TEXT is not one (print PASSWORD_BAD_SECRET) or hashing
 * failed.
 */
int	password_set_secret(struct password *, const char *text, bool hashed);
#define PASSWORD_BAD_SECRET						\
	"ERROR: The secret you entered is not a valid encrypted secret.\n" \
	"To enter an UNENCRYPTED secret, do not specify type 5 "	\
	"encryption.\n"							\
	"When you properly enter an UNENCRYPTED secret, it will be "	\
	"encrypted.\n"
/* Clear text to type 7 (no-op for the others or when unset). */
void	password_encrypt(struct password *);
void	password_clear(struct password *);
/* Append "TEXT", or "7 HEX" / "5 HASH"; ZERO: "0 TEXT" for clear text
 * (usernames print the 0, lines do not). */
void	password_render(const struct password *, bool zero, struct strbuf *);

#endif
