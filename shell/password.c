/*
 * password: setting, encrypting and rendering a stored password.  A type 7
 * string typed in is kept as typed (after checking it decodes), so the
 * running configuration renders back the very string that was loaded.
 * Secrets (enable secret, username secret) are MD5 crypt hashes.
 */
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "lib/xalloc.h"
#include "shell/password.h"
#include "shell/type7.h"

int
password_set(struct password *pw, enum pw_type type, const char *text,
    bool encrypt)
{
	struct strbuf	clear;

	if (type == PW_TYPE7) {
		strbuf_init(&clear);
		if (type7_decode(text, &clear) < 0) {
			strbuf_free(&clear);
			return -1;
		}
		strbuf_free(&clear);
	}
	password_clear(pw);
	pw->pw_type = type;
	pw->pw_text = xstrdup(text);
	if (encrypt)
		password_encrypt(pw);
	return 0;
}

/* The characters of a crypt(3) salt. */
#define SALT_CHARS	"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
			"abcdefghijklmnopqrstuvwxyz"

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
password_set_secret(struct password *pw, const char *text, bool hashed)
{
	unsigned char	 rnd[4];
	char		 salt[9] = "$1$";
	const char	*hash;
	size_t		 i;

	if (hashed)
		return md5_crypt_form(text) ?
		    password_set(pw, PW_MD5, text, false) : -1;
	/* "$1$" and a four-character random salt, as IOS makes them. */
	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return -1;
	for (i = 0; i < sizeof(rnd); i++)
		salt[3 + i] = SALT_CHARS[rnd[i] % (sizeof(SALT_CHARS) - 1)];
	salt[7] = '$';
	if ((hash = crypt(text, salt)) == NULL || !md5_crypt_form(hash))
		return -1;
	return password_set(pw, PW_MD5, hash, false);
}

void
password_encrypt(struct password *pw)
{
	struct strbuf	sb;

	if (pw->pw_text == NULL || pw->pw_type != PW_CLEAR)
		return;
	strbuf_init(&sb);
	type7_encode(pw->pw_text, type7_salt(pw->pw_text), &sb);
	free(pw->pw_text);
	pw->pw_text = strbuf_steal(&sb);
	pw->pw_type = PW_TYPE7;
}

void
password_clear(struct password *pw)
{
	free(pw->pw_text);
	pw->pw_text = NULL;
	pw->pw_type = PW_CLEAR;
}

void
password_render(const struct password *pw, bool zero, struct strbuf *sb)
{
	if (pw->pw_type != PW_CLEAR || zero)
		strbuf_printf(sb, "%u ", (unsigned)pw->pw_type);
	strbuf_puts(sb, pw->pw_text);
}
