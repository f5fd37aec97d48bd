/*
 * strbuf: growable strings for renderers.  Allocation failure is fatal:
 * a router shell that cannot allocate a few bytes of output cannot go on
 * in any useful way, and checking every append would bury the renderers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/xalloc.h"

static void
strbuf_grow(struct strbuf *sb, size_t more)
{
	size_t	 need, cap;
	char	*nbuf;

	need = sb->sb_len + more + 1;
	if (need <= sb->sb_cap)
		return;
	cap = sb->sb_cap ? sb->sb_cap : 64;
	while (cap < need)
		cap *= 2;
	if (sb->sb_cap == 0)
		nbuf = malloc(cap);
	else
		nbuf = realloc(sb->sb_buf, cap);
	if (nbuf == NULL)
		abort();
	if (sb->sb_cap == 0)
		nbuf[0] = '\0';
	sb->sb_buf = nbuf;
	sb->sb_cap = cap;
}

void
strbuf_init(struct strbuf *sb)
{
	sb->sb_buf = (char *)"";
	sb->sb_len = 0;
	sb->sb_cap = 0;
}

void
strbuf_free(struct strbuf *sb)
{
	if (sb->sb_cap)
		free(sb->sb_buf);
	strbuf_init(sb);
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->sb_len = 0;
	if (sb->sb_cap)
		sb->sb_buf[0] = '\0';
}

void
strbuf_add(struct strbuf *sb, const char *p, size_t n)
{
	if (n == 0)
		return;
	strbuf_grow(sb, n);
	memcpy(sb->sb_buf + sb->sb_len, p, n);
	sb->sb_len += n;
	sb->sb_buf[sb->sb_len] = '\0';
}

void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_putc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_pad(struct strbuf *sb, char c, size_t n)
{
	if (n == 0)
		return;
	strbuf_grow(sb, n);
	memset(sb->sb_buf + sb->sb_len, c, n);
	sb->sb_len += n;
	sb->sb_buf[sb->sb_len] = '\0';
}

void
strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list	 ap2;
	size_t	 room = sb->sb_cap - sb->sb_len;	/* with the NUL */
	int	 n;

	/* Formatted once where it fits (the common case: a renderer's
	 * buffer has grown), twice only when it must grow first. */
	va_copy(ap2, ap);
	n = vsnprintf(sb->sb_cap != 0 ? sb->sb_buf + sb->sb_len : NULL, room,
	    fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	if ((size_t)n >= room) {
		strbuf_grow(sb, (size_t)n);
		vsnprintf(sb->sb_buf + sb->sb_len, (size_t)n + 1, fmt, ap);
	}
	sb->sb_len += (size_t)n;
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

char *
strbuf_steal(struct strbuf *sb)
{
	char	*s;

	if (sb->sb_cap == 0) {
		s = xstrdup("");
		return s;
	}
	s = sb->sb_buf;
	strbuf_init(sb);
	return s;
}
