/*
 * type7: IOS's reversible "type 7" password obfuscation, as `service
 * password-encryption` renders line and username passwords and as
 * `password 7 HEX` is typed back in.  It is an XOR with a fixed string
 * from a two-digit offset; it hides a password from a glance, nothing more.
 */
#ifndef IOSH_SHELL_TYPE7_H
#define IOSH_SHELL_TYPE7_H

#include "lib/strbuf.h"

/* The salt IOS would print for CLEAR: derived from the text, so that the
 * same password always renders the same (the running config round-trips). */
unsigned	type7_salt(const char *clear);
/* Append the type 7 form of CLEAR with SALT (0..15) to OUT. */
void		type7_encode(const char *clear, unsigned salt,
		    struct strbuf *out);
/* Decode HEX into OUT; -1 (OUT untouched) when HEX is not a type 7 string. */
int		type7_decode(const char *hex, struct strbuf *out);

#endif
