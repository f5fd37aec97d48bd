/*
 * vty: the handler-facing half of a session.  Output is collected per
 * command so the shell can filter and page it before the console sees it.
 */
#include <stdarg.h>

#include "lib/vty.h"

void
vty_out(struct vty *vty, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	strbuf_vprintf(&vty->v_out, fmt, ap);
	va_end(ap);
}

void
vty_invalid(struct vty *vty, size_t off)
{
	vty->v_invalid = true;
	vty->v_invalid_off = off;
}

void
vty_enter(struct vty *vty, enum mode_id mode, void *ctx)
{
	vty->v_mode = mode;
	vty->v_ctx = ctx;
}
