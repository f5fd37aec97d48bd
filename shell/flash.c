/*
 * flash: the router's `flash:` file system — a directory `flash` in its
 * nvram directory — for what IOS users keep there: command output saved
 * with `| redirect`, `| append` and `| tee`, read back with `more`, listed
 * by `dir` / `show flash:`, removed with `delete`.  Names are plain file
 * names (no directories, no "..", no leading dot), so nothing outside the
 * directory is ever reached; files are created 0600 without following a
 * link.
 */
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/cmdarg.h"
#include "lib/vty.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/flash.h"
#include "shell/nvram.h"
#include "shell/router.h"

#define FLASH_PREFIX	"flash:"
#define FLASH_DIR	"flash"
#define FLASH_FILES_MAX	1024

/* The file NAME of URL ("flash:NAME" or "flash:/NAME"), or NULL with
 * IOS's answer in ERR when it names nothing iosh has. */
static const char *
flash_name(const char *url, struct strbuf *err)
{
	const char	*name;

	if (strncmp(url, FLASH_PREFIX, strlen(FLASH_PREFIX)) != 0) {
		strbuf_printf(err, "%%Error opening %s (Invalid argument): "
		    "iosh has the flash: file system only\n", url);
		return NULL;
	}
	name = url + strlen(FLASH_PREFIX);
	if (*name == '/')
		name++;
	if (*name == '\0' || *name == '.' || strchr(name, '/') != NULL ||
	    strlen(name) > 255) {
		strbuf_printf(err, "%%Error opening %s (Invalid argument)\n",
		    url);
		return NULL;
	}
	return name;
}

/* DIR/flash (created when CREATE), or false with the reason in ERR. */
static bool
flash_dir(const struct router *r, bool create, struct strbuf *path,
    struct strbuf *err, const char *url)
{
	if (r->r_nvram_dir == NULL) {
		strbuf_printf(err, "%%Error opening %s (No such device)\n",
		    url);
		return false;
	}
	strbuf_printf(path, "%s/" FLASH_DIR, r->r_nvram_dir);
	if (create && nvram_mkdirs(path->sb_buf) < 0) {
		strbuf_printf(err, "%%Error opening %s (%s)\n", url,
		    strerror(errno));
		return false;
	}
	return true;
}

/* DIR/flash/NAME for URL into PATH (the directory made when CREATE), or
 * false with IOS's answer in ERR. */
static bool
flash_path(const struct router *r, const char *url, bool create,
    struct strbuf *path, struct strbuf *err)
{
	const char	*name;

	if ((name = flash_name(url, err)) == NULL ||
	    !flash_dir(r, create, path, err, url))
		return false;
	strbuf_printf(path, "/%s", name);
	return true;
}

int
flash_write(const struct router *r, const char *url, const char *text,
    size_t len, bool append, struct strbuf *err)
{
	struct strbuf	 path;
	ssize_t		 n;
	size_t		 off = 0;
	int		 fd, rc = -1;

	strbuf_init(&path);
	if (!flash_path(r, url, true, &path, err))
		goto out;
	fd = open(path.sb_buf, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
	    (append ? O_APPEND : O_TRUNC), 0600);
	if (fd < 0) {
		strbuf_printf(err, "%%Error opening %s (%s)\n", url,
		    strerror(errno));
		goto out;
	}
	while (off < len) {
		if ((n = write(fd, text + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			strbuf_printf(err, "%%Error writing %s (%s)\n", url,
			    strerror(errno));
			close(fd);
			goto out;
		}
		off += (size_t)n;
	}
	rc = close(fd) == 0 ? 0 : -1;
	if (rc < 0)
		strbuf_printf(err, "%%Error writing %s (%s)\n", url,
		    strerror(errno));
out:
	strbuf_free(&path);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * `dir [flash:]` and `show flash:`: IOS's listing — index, permissions,
 * size, modification time (UTC), name — then the file system's size and
 * what is free of it.
 */
int
cmd_dir(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	struct strbuf	 path, file, err;
	struct statvfs	 fs;
	struct stat	 st;
	struct dirent	*de;
	struct tm	 tm;
	DIR		*d;
	char		*names[FLASH_FILES_MAX], when[64];
	size_t		 n = 0, i;

	(void)m;
	strbuf_init(&path);
	strbuf_init(&err);
	if (!flash_dir(r, true, &path, &err, FLASH_PREFIX)) {
		vty_out(vty, "%s", err.sb_buf);
		strbuf_free(&err);
		strbuf_free(&path);
		return CMD_WARNING;
	}
	if ((d = opendir(path.sb_buf)) != NULL) {
		while ((de = readdir(d)) != NULL && n < FLASH_FILES_MAX)
			if (de->d_name[0] != '.')
				names[n++] = xstrdup(de->d_name);
		closedir(d);
	}
	qsort(names, n, sizeof(names[0]), name_cmp);
	vty_out(vty, "Directory of flash:/\n\n");
	strbuf_init(&file);
	for (i = 0; i < n; i++) {
		strbuf_reset(&file);
		strbuf_printf(&file, "%s/%s", path.sb_buf, names[i]);
		if (lstat(file.sb_buf, &st) == 0 && S_ISREG(st.st_mode)) {
			gmtime_r(&st.st_mtime, &tm);
			strftime(when, sizeof(when), "%b %e %Y %H:%M:%S +00:00",
			    &tm);
			vty_out(vty, "%5zu  -rw-  %10lld  %s  %s\n", i + 1,
			    (long long)st.st_size, when, names[i]);
		}
		free(names[i]);
	}
	if (n == 0)
		vty_out(vty, "No files in directory\n");
	if (statvfs(path.sb_buf, &fs) == 0)
		vty_out(vty, "\n%llu bytes total (%llu bytes free)\n",
		    (unsigned long long)fs.f_blocks * fs.f_frsize,
		    (unsigned long long)fs.f_bavail * fs.f_frsize);
	strbuf_free(&file);
	strbuf_free(&err);
	strbuf_free(&path);
	return CMD_SUCCESS;
}

/* `more flash:NAME`: the file as it is. */
int
cmd_more(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	 path, err, text;
	const char	*url = cmd_arg(m, "url");
	char		 buf[4096];
	ssize_t		 n;
	int		 fd;

	strbuf_init(&path);
	strbuf_init(&err);
	strbuf_init(&text);
	if (!flash_path(vty->v_router, url, false, &path, &err))
		goto fail;
	if ((fd = open(path.sb_buf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		strbuf_printf(&err, "%%Error opening %s (%s)\n", url,
		    errno == ENOENT ? "No such file or directory" :
		    strerror(errno));
		goto fail;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		strbuf_add(&text, buf, (size_t)n);
	close(fd);
	vty_out(vty, "%s", text.sb_buf);
	strbuf_free(&text);
	strbuf_free(&err);
	strbuf_free(&path);
	return CMD_SUCCESS;
fail:
	vty_out(vty, "%s", err.sb_buf);
	strbuf_free(&text);
	strbuf_free(&err);
	strbuf_free(&path);
	return CMD_WARNING;
}

/* `delete flash:NAME` (IOS asks twice; iosh's vty answers are a line
 * each, so it asks nothing and deletes, as `delete /force` does). */
int
cmd_delete(struct vty *vty, const struct cmd_args *m)
{
	struct strbuf	 path, err;
	const char	*url = cmd_arg(m, "url");
	int		 rc = CMD_SUCCESS;

	strbuf_init(&path);
	strbuf_init(&err);
	if (!flash_path(vty->v_router, url, false, &path, &err)) {
		vty_out(vty, "%s", err.sb_buf);
		rc = CMD_WARNING;
	} else if (unlink(path.sb_buf) < 0) {
		vty_out(vty, "%%Error deleting %s (%s)\n", url,
		    errno == ENOENT ? "No such file or directory" :
		    strerror(errno));
		rc = CMD_WARNING;
	}
	strbuf_free(&err);
	strbuf_free(&path);
	return rc;
}
