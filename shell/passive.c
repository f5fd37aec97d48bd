/* passive: placeholder, replaced by the shell configuration work. */
#include "shell/runcfg.h"

void
passive_nvgen(const struct router *r, enum nv_section sec, struct strbuf *sb)
{
	(void)r;
	(void)sec;
	(void)sb;
}

void
aaa_nvgen(const struct router *r, enum nv_section sec, struct strbuf *sb)
{
	(void)r;
	(void)sec;
	(void)sb;
}

void
lines_nvgen(const struct router *r, struct strbuf *sb)
{
	(void)r;
	(void)sb;
}
