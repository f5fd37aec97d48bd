/*
 * type7: encode and decode IOS type 7 passwords.  The format is two decimal
 * digits (the salt: where in the key string the XOR starts) followed by
 * two upper-case hex digits per character of the password.
 */
#include <ctype.h>
#include <string.h>

#include "shell/type7.h"

/* The key IOS XORs with, the same on every release. */
static const char	xlat[] =
    "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

#define XLAT_LEN	(sizeof(xlat) - 1)
/* IOS only writes salts 00..15. */
#define SALT_MAX	15

unsigned
type7_salt(const char *clear)
{
	unsigned	h = 0;

	for (; *clear != '\0'; clear++)
		h = h * 31 + (unsigned char)*clear;
	return h % (SALT_MAX + 1);
}

void
type7_encode(const char *clear, unsigned salt, struct strbuf *out)
{
	size_t	i;

	strbuf_printf(out, "%02u", salt);
	for (i = 0; clear[i] != '\0'; i++)
		strbuf_printf(out, "%02X", (unsigned char)clear[i] ^
		    (unsigned char)xlat[(salt + i) % XLAT_LEN]);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)toupper((unsigned char)c);
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
type7_decode(const char *hex, struct strbuf *out)
{
	size_t		len = strlen(hex), i;
	unsigned	salt;
	struct strbuf	clear;
	int		hi, lo, c;

	if (len < 4 || len % 2 != 0 || !isdigit((unsigned char)hex[0]) ||
	    !isdigit((unsigned char)hex[1]))
		return -1;
	salt = (unsigned)(hex[0] - '0') * 10 + (unsigned)(hex[1] - '0');
	if (salt > SALT_MAX)
		return -1;
	strbuf_init(&clear);
	for (i = 2; i < len; i += 2) {
		hi = hexval(hex[i]);
		lo = hexval(hex[i + 1]);
		c = hi < 0 || lo < 0 ? 0 : (hi << 4 | lo) ^
		    (unsigned char)xlat[(salt + i / 2 - 1) % XLAT_LEN];
		/* A NUL or a control character cannot have been typed. */
		if (c < 0x20 || c == 0x7f) {
			strbuf_free(&clear);
			return -1;
		}
		strbuf_putc(&clear, (char)c);
	}
	strbuf_add(out, clear.sb_buf, clear.sb_len);
	strbuf_free(&clear);
	return 0;
}
