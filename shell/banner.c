/*
 * banner: the delimited text of `banner ...`.  The first character after
 * the keyword is the delimiter; the text runs to its next occurrence,
 * over as many lines as it takes (read with vty_ask, the way IOS reads
 * them, without a prompt).  show running-config prints the delimiter as
 * ^C (IOS stores ETX); a pasted "^C" is read back as that one delimiter,
 * so that a running-config round-trips instead of gaining a "C".
 */
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/banner.h"
#include "shell/cmds.h"
#include "shell/router.h"

static const char *const banner_names[BANNER_COUNT] = {
	"exec", "incoming", "login", "motd",
};

void
banners_free(struct banners *bn)
{
	size_t	i;

	for (i = 0; i < BANNER_COUNT; i++) {
		free(bn->bn_text[i]);
		bn->bn_text[i] = NULL;
	}
}

void
banners_nvgen(const struct banners *bn, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < BANNER_COUNT; i++)
		if (bn->bn_text[i] != NULL)
			strbuf_printf(sb, "banner %s ^C%s^C\n", banner_names[i],
			    bn->bn_text[i]);
}

struct banner_read {
	struct banners	*br_bn;
	enum banner_kind br_kind;
	char		 br_delim[3];	/* one character, or "^C" */
	struct strbuf	 br_text;
};

static void
read_free(void *arg)
{
	struct banner_read	*br = arg;

	strbuf_free(&br->br_text);
	free(br);
}

/* Take TEXT up to the delimiter: true when it was found (stored). */
static bool
read_take(struct banner_read *br, const char *text)
{
	const char	*end = strstr(text, br->br_delim);

	if (end == NULL) {
		strbuf_printf(&br->br_text, "%s\n", text);
		return false;
	}
	strbuf_printf(&br->br_text, "%.*s", (int)(end - text), text);
	free(br->br_bn->bn_text[br->br_kind]);
	br->br_bn->bn_text[br->br_kind] = xstrdup(br->br_text.sb_buf);
	return true;
}

static void
read_line(struct vty *vty, void *arg, const char *line)
{
	struct banner_read	*br = arg;

	if (read_take(br, line))
		read_free(br);
	else
		vty_ask(vty, "", read_line, br, read_free);
}

int
cmd_banner(struct vty *vty, const struct cmd_args *m)
{
	struct banners		*bn = &vty->v_router->r_banners;
	struct banner_read	*br;
	const char		*text = cmd_arg(m, "text");
	size_t			 i, k = BANNER_MOTD;

	for (i = 0; i < BANNER_COUNT; i++)
		if (cmd_has(m, banner_names[i]))
			k = i;
	if (cmd_negated(m)) {
		free(bn->bn_text[k]);
		bn->bn_text[k] = NULL;
		return CMD_SUCCESS;
	}
	br = xcalloc(1, sizeof(*br));
	br->br_bn = bn;
	br->br_kind = (enum banner_kind)k;
	strbuf_init(&br->br_text);
	br->br_delim[0] = text[0];
	if (text[0] == '^' && text[1] == 'C')
		br->br_delim[1] = 'C';
	text += strlen(br->br_delim);
	if (read_take(br, text)) {
		read_free(br);
		return CMD_SUCCESS;
	}
	vty_out(vty, "Enter TEXT message.  End with the character '%c'.\n",
	    br->br_delim[0]);
	vty_ask(vty, "", read_line, br, read_free);
	return CMD_SUCCESS;
}
