/*
 * nvram: the startup-config file and its atomic replacement.  The new
 * contents go to a temporary file in the same directory (so rename(2)
 * cannot cross file systems), are flushed to disk, and replace the old
 * file in one rename; the directory is then flushed so the rename itself
 * survives a crash.  Every failure removes the temporary file; what a
 * killed process leaves behind is named after its pid, so that the next
 * start (nvram_reap) can tell it from a live process's write.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/xalloc.h"
#include "shell/nvram.h"

#define TMP_PREFIX	".tmp."

static char *
path_join(const char *dir, const char *name, const char *prefix)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	strbuf_printf(&sb, "%s/%s%s", dir, prefix, name);
	return strbuf_steal(&sb);
}

int
nvram_mkdirs(const char *dir)
{
	char	*p, *s, c;
	int	 rc = 0;

	p = xstrdup(dir);
	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

static int
write_all(int fd, const char *text, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, text, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

int
nvram_write(const char *dir, const char *name, const char *text, size_t len)
{
	struct strbuf	 sb;
	char		*tmp, *path;
	int		 fd, dfd, saved;

	if (nvram_mkdirs(dir) < 0)
		return -1;
	/* Hidden, so a directory listing never shows a half-written file;
	 * DIR/.tmp.NAME.PID.XXXXXX, the pid for nvram_reap. */
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s/" TMP_PREFIX "%s.%ld.XXXXXX", dir, name,
	    (long)getpid());
	tmp = strbuf_steal(&sb);
	path = path_join(dir, name, "");
	if ((fd = mkstemp(tmp)) < 0)
		goto fail;
	if (write_all(fd, text, len) < 0 || fsync(fd) < 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(path);
	return 0;
fail:
	free(tmp);
	free(path);
	return -1;
}

/* The pid in a temporary file's name, .tmp.NAME.PID.XXXXXX; 0 when it has
 * none (a name from before pids were written: stale by now). */
static long
tmp_pid(const char *file)
{
	size_t		 len = strlen(file);
	const char	*end, *p;
	long		 pid = 0;

	if (len < sizeof(TMP_PREFIX) + 8 || file[len - 7] != '.')
		return 0;
	end = file + len - 7;
	for (p = end; p > file && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	if (p == end || p[-1] != '.' || end - p > 9)
		return 0;
	for (; p < end; p++)
		pid = pid * 10 + (*p - '0');
	return pid;
}

unsigned
nvram_reap(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	struct strbuf	 sb;
	long		 pid;
	unsigned	 n = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	strbuf_init(&sb);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, TMP_PREFIX, sizeof(TMP_PREFIX) - 1) != 0)
			continue;
		pid = tmp_pid(de->d_name);
		/* kill(pid, 0): ESRCH when no such process; EPERM means one
		 * runs (another user's). */
		if (pid > 0 && pid != (long)getpid() &&
		    (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;
		strbuf_reset(&sb);
		strbuf_printf(&sb, "%s/%s", dir, de->d_name);
		if (unlink(sb.sb_buf) == 0)
			n++;
	}
	closedir(d);
	strbuf_free(&sb);
	return n;
}

int
nvram_open(const char *dir, const char *name)
{
	char	*path = path_join(dir, name, "");
	int	 fd, saved;

	fd = open(path, O_RDONLY);
	saved = errno;
	free(path);
	errno = saved;
	return fd;
}

int
nvram_read(const char *dir, const char *name, struct strbuf *out)
{
	char	*path = path_join(dir, name, ""), buf[8192];
	ssize_t	 n;
	int	 fd;

	fd = open(path, O_RDONLY);
	free(path);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		strbuf_add(out, buf, (size_t)n);
	}
	close(fd);
	return 1;
}

int
nvram_remove(const char *dir, const char *name)
{
	char	*path = path_join(dir, name, "");
	int	 rc = unlink(path);

	free(path);
	if (rc < 0 && errno != ENOENT)
		return -1;
	return 0;
}

char *
nvram_default_dir(void)
{
	const char	*home = getenv("HOME");
	struct passwd	*pw;

	if ((home == NULL || *home == '\0') &&
	    (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	if (home == NULL || *home == '\0')
		home = ".";
	return path_join(home, "nvram", ".iosh/");
}
