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
vty_enter(struct vty *vty, mode_id mode, void *ctx)
{
	vty->v_mode = mode;
	vty->v_ctx = ctx;
}

int
vty_pending(struct vty *vty, void (*cancel)(void *), void *arg)
{
	vty->v_pending = true;
	vty->v_cancel = cancel;
	vty->v_cancel_arg = arg;
	return CMD_PENDING;
}

void
vty_flush(struct vty *vty)
{
	if (vty->v_stream != NULL)
		vty->v_stream(vty);
	else
		strbuf_reset(&vty->v_out);
}

void
vty_done(struct vty *vty)
{
	if (!vty->v_pending)
		return;
	vty_flush(vty);
	vty->v_pending = false;
	vty->v_cancel = NULL;
	vty->v_cancel_arg = NULL;
	if (vty->v_finish != NULL)
		vty->v_finish(vty);
}

void
vty_cancel(struct vty *vty)
{
	if (vty->v_pending && vty->v_cancel != NULL)
		vty->v_cancel(vty->v_cancel_arg);
}

void
vty_ask(struct vty *vty, const char *question,
    void (*fn)(struct vty *, void *, const char *), void *arg,
    void (*arg_free)(void *))
{
	if (vty->v_ask != NULL)
		vty->v_ask(vty, question, fn, arg, arg_free);
	else if (arg_free != NULL)
		arg_free(arg);
}
