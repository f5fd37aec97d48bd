/*
 * strbuf: a growable, always NUL-terminated byte string.
 *
 * Renderers (help listings, show output, error carets) write into a strbuf
 * so that the code producing text never needs to know where it goes.
 */
#ifndef IOSH_LIB_STRBUF_H
#define IOSH_LIB_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char	*sb_buf;	/* NUL-terminated contents, never NULL after init */
	size_t	 sb_len;	/* bytes used, excluding the NUL */
	size_t	 sb_cap;	/* bytes allocated */
};

void	 strbuf_init(struct strbuf *);
void	 strbuf_free(struct strbuf *);
void	 strbuf_reset(struct strbuf *);
void	 strbuf_add(struct strbuf *, const char *, size_t);
void	 strbuf_puts(struct strbuf *, const char *);
void	 strbuf_putc(struct strbuf *, char);
void	 strbuf_pad(struct strbuf *, char, size_t);
void	 strbuf_printf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 strbuf_vprintf(struct strbuf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Hands the buffer to the caller (free() it) and re-initialises SB. */
char	*strbuf_steal(struct strbuf *);

#endif
