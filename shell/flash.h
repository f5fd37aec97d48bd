/*
 * flash: the router's `flash:` file system (a directory in its nvram
 * directory): output modifiers write to it, `dir`, `more` and `delete`
 * read and change it.
 */
#ifndef IOSH_SHELL_FLASH_H
#define IOSH_SHELL_FLASH_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strbuf.h"

struct router;

/* Write (or APPEND) LEN bytes of TEXT to URL ("flash:NAME"): 0, or -1
 * with IOS's message in ERR. */
int	flash_write(const struct router *, const char *url, const char *text,
	    size_t len, bool append, struct strbuf *err);

#endif
