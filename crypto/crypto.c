/* crypto: placeholder, replaced by the crypto configuration work. */
#include <stdlib.h>

#include "crypto/crypto.h"

struct crypto {
	struct system	*c_sys;
};

struct crypto *
crypto_new(struct system *sys)
{
	struct crypto	*c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		abort();
	c->c_sys = sys;
	return c;
}

void
crypto_free(struct crypto *c)
{
	free(c);
}

void
crypto_nvgen(const struct crypto *c, enum nv_section sec, struct strbuf *sb)
{
	(void)c;
	(void)sec;
	(void)sb;
}

void
crypto_show_debugging(const struct crypto *c, struct strbuf *sb)
{
	(void)c;
	(void)sb;
}

void
crypto_debug_all_off(struct crypto *c)
{
	(void)c;
}
