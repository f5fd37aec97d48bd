/*
 * debug: the crypto debug switches (`debug crypto isakmp|ipsec|engine`),
 * their lines in `show debugging`, and `undebug all`.  The IKE engine
 * asks crypto_debug_on() before composing a debug line.
 */
#include <stddef.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"

static const struct {
	const char	*d_kw;
	unsigned	 d_flag;
	const char	*d_text;	/* "Crypto ISAKMP debugging is" */
} debugs[] = {
	{ "isakmp",	CRYPTO_DEBUG_ISAKMP,	"Crypto ISAKMP debugging is" },
	{ "ipsec",	CRYPTO_DEBUG_IPSEC,	"Crypto IPSEC debugging is" },
	{ "engine",	CRYPTO_DEBUG_ENGINE,	"Crypto Engine debugging is" },
};

bool
crypto_debug_on(const struct crypto *c, unsigned flag)
{
	return (c->c_debug & flag) != 0;
}

/* debug crypto X (cd_data NULL), undebug / no debug crypto X ("off"). */
int
crypto_debug_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct crypto	*c = vty->v_sys->sy_crypto;
	bool		 on = cmd_data(m) == NULL;
	size_t		 i;

	for (i = 0; i < sizeof(debugs) / sizeof(debugs[0]); i++) {
		if (!cmd_has(m, debugs[i].d_kw))
			continue;
		if (on)
			c->c_debug |= debugs[i].d_flag;
		else
			c->c_debug &= ~debugs[i].d_flag;
		vty_out(vty, "%s %s\n", debugs[i].d_text, on ? "on" : "off");
	}
	return CMD_SUCCESS;
}

void
crypto_show_debugging(const struct crypto *c, struct strbuf *sb)
{
	size_t	i;

	if (c->c_debug == 0)
		return;
	strbuf_puts(sb, "Cryptographic Subsystem:\n");
	for (i = 0; i < sizeof(debugs) / sizeof(debugs[0]); i++)
		if (c->c_debug & debugs[i].d_flag)
			strbuf_printf(sb, "  %s on\n", debugs[i].d_text);
	strbuf_putc(sb, '\n');
}

void
crypto_debug_all_off(struct crypto *c)
{
	c->c_debug = 0;
}
