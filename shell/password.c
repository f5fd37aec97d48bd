/*
 * password: setting, encrypting and rendering a stored password.  A type 7
 * string typed in is kept as typed (after checking it decodes), so the
 * running configuration renders back the very string that was loaded.
 */
#include <stdlib.h>
#include <string.h>

#include "shell/password.h"
#include "shell/type7.h"

static char *
xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		abort();
	return p;
}

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
