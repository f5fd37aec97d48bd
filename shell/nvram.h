/*
 * nvram: the router's non-volatile storage, a directory (iosh --nvram DIR)
 * holding startup-config as a plain text file.  Writes are atomic: a
 * reader (or a crash) sees either the old file or the new one, whole.
 */
#ifndef IOSH_SHELL_NVRAM_H
#define IOSH_SHELL_NVRAM_H

#include <stddef.h>

#include "lib/strbuf.h"

#define NVRAM_STARTUP	"startup-config"
/* What `show startup-config` reports as the size of nvram. */
#define NVRAM_SIZE	262144

/*
 * Write TEXT as DIR/NAME: DIR (and its parents) created when missing, a
 * temporary file in DIR written and fsync'ed, renamed over NAME, DIR
 * fsync'ed.  Returns 0, or -1 with errno set and nothing left behind.
 */
int	nvram_write(const char *dir, const char *name, const char *text,
	    size_t len);
/* mkdir -p DIR (each level 0700): 0, or -1 (errno). */
int	nvram_mkdirs(const char *dir);
/* Read DIR/NAME into OUT: 1, 0 when it does not exist, -1 (errno). */
int	nvram_read(const char *dir, const char *name, struct strbuf *out);
/* DIR/NAME opened for reading: a descriptor, or -1 (errno; ENOENT when
 * it does not exist). */
int	nvram_open(const char *dir, const char *name);
/*
 * Remove the temporary files a write left in DIR when its process died
 * between creating and renaming one (kill -9, power loss): those of a
 * process that no longer runs, or of this one (a write in this process
 * never outlives its call).  Another live iosh's write in progress is
 * left alone.  Returns how many were removed.
 */
unsigned nvram_reap(const char *dir);
/* Remove DIR/NAME: 0 (also when it did not exist) or -1 (errno). */
int	nvram_remove(const char *dir, const char *name);
/* $HOME/.iosh/nvram (malloc'd), the directory when --nvram is not given. */
char	*nvram_default_dir(void);

#endif
