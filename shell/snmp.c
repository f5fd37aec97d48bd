/*
 * snmp: `snmp-server community|location|contact|enable traps|host`
 * (shell/snmp.h).  A community is replaced by its name, location and
 * contact by themselves, a trap or host line by its whole text.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/snmp.h"

enum { SNMP_COMMUNITY, SNMP_LOCATION, SNMP_CONTACT, SNMP_TRAPS, SNMP_HOST };

void
snmp_free(struct snmp *sn)
{
	slotlines_free(&sn->sn_lines);
}

void
snmp_nvgen(const struct snmp *sn, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < sn->sn_lines.ss_n; i++)
		nv_line(sb, 0, "%s", sn->sn_lines.ss_l[i].sl_text);
}

int
cmd_snmp_server(struct vty *vty, const struct cmd_args *m)
{
	struct snmp	*sn = &vty->v_router->r_snmp;
	unsigned	 rank = cmd_has(m, "community") ? SNMP_COMMUNITY :
			    cmd_has(m, "location") ? SNMP_LOCATION :
			    cmd_has(m, "contact") ? SNMP_CONTACT :
			    cmd_has(m, "traps") ? SNMP_TRAPS : SNMP_HOST;
	struct strbuf	 line, key;
	const char	*text;

	strbuf_init(&line);
	strbuf_init(&key);
	cmd_args_canon(m, &line);
	text = line.sb_buf + (cmd_is_no(m) ? 3 : cmd_is_default(m) ? 8 : 0);
	/* IOS grants read-only when the access is not given, and says so. */
	if (rank == SNMP_COMMUNITY && !cmd_has(m, "RO") && !cmd_has(m, "RW") &&
	    !cmd_negated(m)) {
		strbuf_printf(&key, "snmp-server community %s RO",
		    cmd_arg(m, "name"));
		if (cmd_arg(m, "acl") != NULL)
			strbuf_printf(&key, " %s", cmd_arg(m, "acl"));
		strbuf_reset(&line);
		strbuf_puts(&line, key.sb_buf);
		text = line.sb_buf;
		strbuf_reset(&key);
	}
	if (rank == SNMP_COMMUNITY)
		strbuf_printf(&key, "community %s", cmd_arg(m, "name"));
	else if (rank == SNMP_LOCATION || rank == SNMP_CONTACT)
		strbuf_puts(&key, rank == SNMP_LOCATION ? "location" :
		    "contact");
	else
		strbuf_puts(&key, text);
	slotlines_set(&sn->sn_lines, rank, key.sb_buf, cmd_negated(m) ? NULL :
	    text);
	strbuf_free(&key);
	strbuf_free(&line);
	return CMD_SUCCESS;
}
