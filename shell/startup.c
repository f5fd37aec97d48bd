/*
 * startup: the running configuration against nvram:startup-config.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "shell/cmds.h"
#include "shell/nvram.h"
#include "shell/router.h"
#include "shell/runcfg.h"
#include "shell/session.h"
#include "shell/startup.h"

static void
collect(void *arg, const char *text, size_t len)
{
	strbuf_add(arg, text, len);
}

/* Log messages during a load belong to the consoles, not the report. */
static void
discard(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	(void)len;
}

static const struct console_ops load_ops = { collect, discard };

/* A load under way: its session, what a line printed, its prompt. */
struct loader {
	struct session	*ld_s;
	struct strbuf	 ld_out, ld_prompt;
	struct strbuf	*ld_report;
	FILE		*ld_fp;		/* non-NULL: the report goes there */
};

static void
loader_init(struct loader *ld, struct router *r, struct strbuf *report)
{
	strbuf_init(&ld->ld_out);
	strbuf_init(&ld->ld_prompt);
	ld->ld_report = report;
	ld->ld_fp = NULL;
	ld->ld_s = session_new(r, &load_ops, &ld->ld_out);
	vty_enter(&ld->ld_s->s_vty, MODE_CONFIG, NULL);
}

static void
loader_free(struct loader *ld)
{
	session_free(ld->ld_s);
	strbuf_free(&ld->ld_out);
	strbuf_free(&ld->ld_prompt);
}

/* Run LINE (LEN bytes, NUL-terminated, the loader's to change: a CR
 * before its end is dropped); false at `end`. */
static bool
loader_line(struct loader *ld, char *line, size_t len)
{
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	if (strcmp(line, "end") == 0)
		return false;
	strbuf_reset(&ld->ld_out);
	strbuf_reset(&ld->ld_prompt);
	session_prompt(ld->ld_s, &ld->ld_prompt);
	session_execute(ld->ld_s, line);
	if (ld->ld_out.sb_len == 0)
		return true;
	if (ld->ld_fp != NULL) {
		fputs(ld->ld_prompt.sb_buf, ld->ld_fp);
		fputs(line, ld->ld_fp);
		fputc('\n', ld->ld_fp);
		fwrite(ld->ld_out.sb_buf, 1, ld->ld_out.sb_len, ld->ld_fp);
	} else
		strbuf_printf(ld->ld_report, "%s%s\n%s", ld->ld_prompt.sb_buf,
		    line, ld->ld_out.sb_buf);
	return true;
}

/*
 * Run the whole lines of BUF (END bytes; each newline becomes a NUL) and
 * return how many bytes they took: what is left is a line not yet ended.
 * *GO_ON false once `end` ran.
 */
static size_t
loader_lines(struct loader *ld, char *buf, size_t end, bool *go_on)
{
	char	*p, *nl;

	for (p = buf; *go_on && (nl = memchr(p, '\n', (size_t)(buf + end -
	    p))) != NULL; p = nl + 1) {
		*nl = '\0';
		*go_on = loader_line(ld, p, (size_t)(nl - p));
	}
	return (size_t)(p - buf);
}

/* The last line of a text, without a newline (LEN bytes, NUL-terminated). */
static void
loader_last(struct loader *ld, char *line, size_t len, bool go_on)
{
	if (go_on && len > 0)
		(void)loader_line(ld, line, len);
}

void
startup_apply(struct router *r, const char *text, struct strbuf *report)
{
	struct loader	 ld;
	char		*buf = xstrdup(text);
	size_t		 len = strlen(buf), done;
	bool		 go_on = true;

	loader_init(&ld, r, report);
	done = loader_lines(&ld, buf, len, &go_on);
	loader_last(&ld, buf + done, len - done, go_on);
	free(buf);
	loader_free(&ld);
}

/*
 * The lines read from FD run as they come, a buffer at a time, as
 * startup_apply runs a text's (a NUL ends the text there, as it ends
 * the string): holding a 100,000-line startup-config whole cost its
 * size in fresh pages — a page fault and a zeroed page per 4 KB, and
 * the copies of the buffer's growth — beside what its lines make.
 * Returns 0, or -1 (errno) when a read failed (the lines before it
 * have run).
 */
#define LOAD_CHUNK	65536

static int
load_fd(struct loader *ld, int fd)
{
	size_t	 cap = LOAD_CHUNK, have = 0, end, done;
	char	*buf = xmalloc(cap + 1), *z;
	bool	 eof = false, go_on = true;
	ssize_t	 n;
	int	 rc = 0;

	while (go_on && !eof) {
		if (have == cap) {	/* a line longer than the buffer */
			cap *= 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		if ((n = read(fd, buf + have, cap - have)) < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		end = have + (size_t)n;
		if (n == 0)
			eof = true;
		else if ((z = memchr(buf + have, '\0', (size_t)n)) != NULL) {
			end = (size_t)(z - buf);
			eof = true;
		}
		done = loader_lines(ld, buf, end, &go_on);
		have = end - done;
		memmove(buf, buf + done, have);
	}
	if (rc == 0) {
		buf[have] = '\0';
		loader_last(ld, buf, have, go_on);
	}
	free(buf);
	return rc;
}

#define NVRAM_PRIVATE	"private-config"
#define PRIVATE_KEY	"key config-key password-encrypt "

/* Forget a secret, its bytes first. */
static void
secret_free(char *s)
{
	if (s != NULL) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

bool
startup_private_save(void *arg, const char *master)
{
	struct router	*r = arg;
	struct strbuf	 text;
	int		 rc;

	if (r->r_nvram_dir == NULL)
		return true;	/* no nvram: kept in memory, as asked */
	if (master == NULL)
		return nvram_remove(r->r_nvram_dir, NVRAM_PRIVATE) == 0;
	strbuf_init(&text);
	strbuf_printf(&text, PRIVATE_KEY "%s\n", master);
	rc = nvram_write(r->r_nvram_dir, NVRAM_PRIVATE, text.sb_buf,
	    text.sb_len);
	explicit_bzero(text.sb_buf, text.sb_len);
	strbuf_free(&text);
	return rc == 0;
}

/* The master key from private NVRAM, if one was saved. */
static void
private_load(struct router *r)
{
	struct strbuf	 text;
	char		*nl;

	strbuf_init(&text);
	if (nvram_read(r->r_nvram_dir, NVRAM_PRIVATE, &text) > 0 &&
	    strncmp(text.sb_buf, PRIVATE_KEY, strlen(PRIVATE_KEY)) == 0) {
		if ((nl = strchr(text.sb_buf, '\n')) != NULL)
			*nl = '\0';
		secret_free(r->r_sys.sy_master_key);
		r->r_sys.sy_master_key = xstrdup(text.sb_buf +
		    strlen(PRIVATE_KEY));
	}
	explicit_bzero(text.sb_buf, text.sb_len);
	strbuf_free(&text);
}

void
startup_private_free(struct router *r)
{
	secret_free(r->r_sys.sy_master_key);
	r->r_sys.sy_master_key = NULL;
}

/* startup_load's work: the report into REPORT, or written to FP as the
 * lines run when FP is not NULL. */
static int
load_startup(struct router *r, struct strbuf *report, FILE *fp)
{
	struct loader	ld;
	int		fd, rc, err = 0;

	if (r->r_nvram_dir == NULL)
		return 0;
	/* What a write killed mid-way left (none of ours is under way). */
	(void)nvram_reap(r->r_nvram_dir);
	private_load(r);
	if ((fd = nvram_open(r->r_nvram_dir, NVRAM_STARTUP)) < 0) {
		if (errno == ENOENT)
			return 0;
		rc = -1;
		err = errno;
	} else {
		loader_init(&ld, r, report);
		ld.ld_fp = fp;
		if ((rc = load_fd(&ld, fd)) < 0)
			err = errno;
		loader_free(&ld);
		close(fd);
	}
	if (rc < 0 && fp != NULL)
		fprintf(fp, "%%Error opening nvram:/%s (%s)\n",
		    NVRAM_STARTUP, strerror(err));
	else if (rc < 0)
		strbuf_printf(report, "%%Error opening nvram:/%s (%s)\n",
		    NVRAM_STARTUP, strerror(err));
	return rc;
}

int
startup_load(struct router *r, struct strbuf *report)
{
	return load_startup(r, report, NULL);
}

/*
 * The same, the report written to FP line by line (iosh's start: stdout,
 * nothing else writing to it before the first prompt): a configuration
 * whose lines answer (each new crypto map's NOTE) held 350 KB of report
 * for 2,000 entries, fresh pages and the copies of its growth, to print
 * it whole at the end.
 */
int
startup_load_to(struct router *r, FILE *fp)
{
	return load_startup(r, NULL, fp);
}

int
startup_save(struct router *r, const char *name)
{
	struct strbuf	text;
	int		rc;

	if (r->r_nvram_dir == NULL) {
		errno = ENODEV;
		return -1;
	}
	strbuf_init(&text);
	runcfg_render(r, &text);
	rc = nvram_write(r->r_nvram_dir, name, text.sb_buf, text.sb_len);
	strbuf_free(&text);
	return rc;
}

/* The running configuration of a router with no startup-config. */
static void
default_text(const struct router *r, struct strbuf *out)
{
	struct router	fresh;

	memset(&fresh, 0, sizeof(fresh));
	fresh.r_loop = r->r_loop;
	fresh.r_sys.sy_loop = r->r_loop;
	router_config_new(&fresh);
	router_hardware(r, &fresh);
	runcfg_render(&fresh, out);
	router_config_free(&fresh);
}

bool
startup_modified(struct router *r)
{
	struct strbuf	running, saved;
	bool		modified;
	int		rc = 0;

	strbuf_init(&running);
	strbuf_init(&saved);
	runcfg_render(r, &running);
	if (r->r_nvram_dir != NULL)
		rc = nvram_read(r->r_nvram_dir, NVRAM_STARTUP, &saved);
	if (rc == 0)
		default_text(r, &saved);
	modified = strcmp(running.sb_buf, saved.sb_buf) != 0;
	strbuf_free(&running);
	strbuf_free(&saved);
	return modified;
}

void
startup_reload(struct router *r, struct strbuf *report)
{
	struct session	*s;

	router_config_free(r);
	router_config_new(r);
	r->r_boot_ms = clock_mono_ms();
	r->r_reloaded_ms = clock_wall_ms();
	for (s = r->r_sessions; s != NULL; s = s->s_next) {
		session_reset(s);
		if (s->s_ops->co_hangup != NULL)
			s->s_ops->co_hangup(s->s_ops_arg);
	}
	startup_load(r, report);
}
