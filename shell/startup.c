/*
 * startup: the running configuration against nvram:startup-config.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
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

void
startup_apply(struct router *r, const char *text, struct strbuf *report)
{
	struct strbuf	 out, prompt, line;
	struct session	*s;
	const char	*p, *nl;
	size_t		 len;

	strbuf_init(&out);
	strbuf_init(&prompt);
	strbuf_init(&line);
	s = session_new(r, &load_ops, &out);
	vty_enter(&s->s_vty, MODE_CONFIG, NULL);
	for (p = text; *p != '\0'; p = nl + (*nl != '\0')) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		len = (size_t)(nl - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		strbuf_reset(&line);
		strbuf_add(&line, p, len);
		if (strcmp(line.sb_buf, "end") == 0)
			break;
		strbuf_reset(&out);
		strbuf_reset(&prompt);
		session_prompt(s, &prompt);
		session_execute(s, line.sb_buf);
		if (out.sb_len > 0)
			strbuf_printf(report, "%s%s\n%s", prompt.sb_buf,
			    line.sb_buf, out.sb_buf);
	}
	session_free(s);
	strbuf_free(&out);
	strbuf_free(&prompt);
	strbuf_free(&line);
}

int
startup_load(struct router *r, struct strbuf *report)
{
	struct strbuf	text;
	int		rc;

	if (r->r_nvram_dir == NULL)
		return 0;
	/* What a write killed mid-way left (none of ours is under way). */
	(void)nvram_reap(r->r_nvram_dir);
	strbuf_init(&text);
	rc = nvram_read(r->r_nvram_dir, NVRAM_STARTUP, &text);
	if (rc < 0)
		strbuf_printf(report, "%%Error opening nvram:/%s (%s)\n",
		    NVRAM_STARTUP, strerror(errno));
	else if (rc > 0)
		startup_apply(r, text.sb_buf, report);
	strbuf_free(&text);
	return rc < 0 ? -1 : 0;
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
