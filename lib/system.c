/*
 * system: the version test and the log/debug hooks.  Without hooks (unit
 * tests of a subsystem) messages are dropped.
 */
#include <stdarg.h>
#include <stdio.h>

#include "lib/system.h"

bool
sys_version_15(const struct system *sy)
{
	return sy->sy_version.iv_major >= 15;
}

void
sys_log(struct system *sy, const char *facility, int severity,
    const char *mnemonic, const char *fmt, ...)
{
	char	text[1024];
	va_list	ap;

	if (sy->sy_log == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sy->sy_log(sy->sy_hook_arg, facility, severity, mnemonic, text);
}

void
sys_debug(struct system *sy, const char *fmt, ...)
{
	char	text[2048];
	va_list	ap;

	if (sy->sy_debug == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sy->sy_debug(sy->sy_hook_arg, text);
}

enum sys_auth
sys_auth_login(struct system *sy, const char *list, const char *user,
    const char *password)
{
	if (sy->sy_auth_login == NULL)
		return SYS_AUTH_NO_LIST;
	return sy->sy_auth_login(sy->sy_hook_arg, list, user, password);
}
