/* nvgen: the one helper every renderer uses. */
#include <stdarg.h>

#include "lib/nvgen.h"

void
nv_line(struct strbuf *sb, unsigned indent, const char *fmt, ...)
{
	va_list	ap;

	strbuf_pad(sb, ' ', indent);
	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
	strbuf_putc(sb, '\n');
}

bool
nv_section_closed(enum nv_section sec)
{
	return sec != NV_IP_POOL && sec != NV_AAA && sec != NV_SYSLOG;
}
