/*
 * cmd_nvram: copy running-config startup-config, write, erase, show
 * startup-config and reload, with IOS's questions.  A question is asked
 * through the session (session_ask) and its answer arrives as the next
 * line typed.
 */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/nvram.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/startup.h"

static void
save(struct vty *vty, const char *name)
{
	if (startup_save(vty->v_router, name) < 0)
		vty_out(vty, "%%Error opening nvram:/%s (%s)\n", name,
		    strerror(errno));
	else
		vty_out(vty, "[OK]\n");
}

/* An answer to [confirm]: Return or y confirms; anything else declines. */
static bool
confirmed(const char *answer)
{
	return *answer == '\0' || strcasecmp(answer, "y") == 0 ||
	    strcasecmp(answer, "yes") == 0;
}

static void
copy_answer(struct session *s, const char *answer)
{
	const char	*name = *answer == '\0' ? NVRAM_STARTUP : answer;

	/* nvram: is flat; a path is not a file name there. */
	if (strchr(name, '/') != NULL) {
		vty_out(&s->s_vty, "%%Error opening nvram:/%s (No such file "
		    "or directory)\n", name);
		return;
	}
	vty_out(&s->s_vty, "Building configuration...\n");
	save(&s->s_vty, name);
}

int
cmd_copy_run_start(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	session_ask(session_of(vty), "Destination filename [startup-config]? ",
	    copy_answer);
	return CMD_SUCCESS;
}

int
cmd_write_memory(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	vty_out(vty, "Building configuration...\n");
	save(vty, NVRAM_STARTUP);
	return CMD_SUCCESS;
}

static void
erase_answer(struct session *s, const char *answer)
{
	struct router	*r = s->s_router;

	if (!confirmed(answer))
		return;
	if (r->r_nvram_dir == NULL ||
	    nvram_remove(r->r_nvram_dir, NVRAM_STARTUP) < 0) {
		vty_out(&s->s_vty, "%%Error erasing nvram: (%s)\n",
		    strerror(r->r_nvram_dir == NULL ? ENODEV : errno));
		return;
	}
	vty_out(&s->s_vty, "[OK]\nErase of nvram: complete\n");
}

int
cmd_erase_startup(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	session_ask(session_of(vty), "Erasing the nvram filesystem will "
	    "remove all configuration files! Continue? [confirm]",
	    erase_answer);
	return CMD_SUCCESS;
}

int
cmd_show_startup_config(struct vty *vty, const struct cmd_args *m)
{
	struct router	*r = vty->v_router;
	struct strbuf	 text;
	int		 rc = 0;

	(void)m;
	strbuf_init(&text);
	if (r->r_nvram_dir != NULL)
		rc = nvram_read(r->r_nvram_dir, NVRAM_STARTUP, &text);
	if (rc < 0)
		vty_out(vty, "%%Error opening nvram:/%s (%s)\n", NVRAM_STARTUP,
		    strerror(errno));
	else if (rc == 0)
		vty_out(vty, "startup-config is not present\n");
	else {
		vty_out(vty, "Using %zu out of %d bytes\n", text.sb_len,
		    NVRAM_SIZE);
		strbuf_add(&vty->v_out, text.sb_buf, text.sb_len);
		vty_out(vty, "\n");
	}
	strbuf_free(&text);
	return CMD_SUCCESS;
}

static void
reload_answer(struct session *s, const char *answer)
{
	struct strbuf	report;

	if (!confirmed(answer))
		return;
	strbuf_init(&report);
	startup_reload(s->s_router, &report);
	vty_out(&s->s_vty, "%s", report.sb_buf);
	strbuf_free(&report);
}

static void
reload_confirm(struct session *s)
{
	session_ask(s, "Proceed with reload? [confirm]", reload_answer);
}

static const char	save_question[] =
    "System configuration has been modified. Save? [yes/no]: ";

static void
save_answer(struct session *s, const char *answer)
{
	if (strcasecmp(answer, "yes") == 0 || strcasecmp(answer, "y") == 0) {
		vty_out(&s->s_vty, "Building configuration...\n");
		save(&s->s_vty, NVRAM_STARTUP);
	} else if (strcasecmp(answer, "no") != 0 &&
	    strcasecmp(answer, "n") != 0) {
		vty_out(&s->s_vty, "%% Please answer 'yes' or 'no'.\n");
		session_ask(s, save_question, save_answer);
		return;
	}
	reload_confirm(s);
}

int
cmd_reload(struct vty *vty, const struct cmd_args *m)
{
	struct session	*s = session_of(vty);

	(void)m;
	if (startup_modified(vty->v_router))
		session_ask(s, save_question, save_answer);
	else
		reload_confirm(s);
	return CMD_SUCCESS;
}
