/*
 * ping_cmd: `ping [ip|ipv6] DEST [options]`, options in any order as IOS
 * takes them.  The grammar matches the first option keyword (so `?` after
 * the destination lists them with IOS's help) and hands the rest of the
 * line over; this file reads the options with the same rules the parser
 * uses: any unambiguous prefix, IOS's caret under a word it cannot take.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataplane/cmds.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/ping.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

enum ping_opt {
	OPT_DATA, OPT_DF, OPT_REPEAT, OPT_SIZE, OPT_SOURCE, OPT_TIMEOUT,
	OPT_TOS, OPT_VALIDATE
};

static const struct {
	const char	*name;
	bool		 value;		/* takes a value */
} ping_opt_names[] = {
	[OPT_DATA] = { "data", true },
	[OPT_DF] = { "df-bit", false },
	[OPT_REPEAT] = { "repeat", true },
	[OPT_SIZE] = { "size", true },
	[OPT_SOURCE] = { "source", true },
	[OPT_TIMEOUT] = { "timeout", true },
	[OPT_TOS] = { "tos", true },
	[OPT_VALIDATE] = { "validate", false },
};
#define NOPTS	(sizeof(ping_opt_names) / sizeof(ping_opt_names[0]))

/* A word of the line and where it starts. */
struct word {
	char	*w;
	size_t	 off;
};

/* The option WORD abbreviates; -1 if none, -2 if several. */
static int
opt_lookup(const char *word)
{
	size_t	i, len = strlen(word);
	int	found = -1;

	for (i = 0; i < NOPTS; i++) {
		if (strncasecmp(ping_opt_names[i].name, word, len) != 0)
			continue;
		if (strlen(ping_opt_names[i].name) == len)
			return (int)i;
		found = found == -1 ? (int)i : -2;
	}
	return found;
}

static bool
num(const char *s, unsigned long lo, unsigned long hi, int base,
    unsigned long *v)
{
	char	*end;

	if (base == 16 && strncasecmp(s, "0x", 2) == 0)
		s += 2;
	if (*s == '\0' || *s == '-' || *s == '+')
		return false;
	errno = 0;
	*v = strtoul(s, &end, base);
	return errno == 0 && *end == '\0' && *v >= lo && *v <= hi;
}

/* Apply option OPT with value VAL (NULL for a flag); false: refused, with
 * the caret under the value (*CARET) or an error already printed. */
static bool
opt_apply(struct vty *vty, struct dataplane *dp, struct ping_opts *po,
    enum ping_opt opt, const char *val, bool *caret)
{
	unsigned long	v;

	*caret = true;
	switch (opt) {
	case OPT_DATA:
		if (!num(val, 0, 0xffff, 16, &v))
			return false;
		po->po_pattern = (uint16_t)v;
		break;
	case OPT_DF:
		po->po_df = true;
		break;
	case OPT_REPEAT:
		if (!num(val, 1, PING_REPEAT_MAX, 10, &v))
			return false;
		po->po_repeat = v;
		break;
	case OPT_SIZE:
		if (!num(val, PING_SIZE_MIN, PING_SIZE_MAX, 10, &v))
			return false;
		po->po_size = v;
		break;
	case OPT_SOURCE:
		if (!ping_source(vty, dp, po, val, caret))
			return false;
		break;
	case OPT_TIMEOUT:
		if (!num(val, 0, PING_TIMEOUT_MAX, 10, &v))
			return false;
		po->po_timeout = (unsigned)v;
		break;
	case OPT_TOS:
		if (!num(val, 0, 255, 10, &v))
			return false;
		po->po_tos = (uint8_t)v;
		break;
	case OPT_VALIDATE:
		po->po_validate = true;
		break;
	}
	return true;
}

/* Split the option words: the first as the grammar matched it, the rest
 * from the verbatim tail. */
static size_t
split(const struct cmd_args *m, struct word *w, size_t max, char **store)
{
	const char	*rest = cmd_arg(m, "rest");
	size_t		 n = 0, base, len;
	char		*p;

	w[n].w = (char *)cmd_arg(m, "opt");
	w[n++].off = cmd_arg_off(m, "opt");
	*store = NULL;
	if (rest == NULL)
		return n;
	*store = xstrdup(rest);
	base = cmd_arg_off(m, "rest");
	for (p = *store; n < max;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		len = strcspn(p, " \t");
		w[n].w = p;
		w[n++].off = base + (size_t)(p - *store);
		if (p[len] == '\0')
			break;
		p[len] = '\0';
		p += len + 1;
	}
	return n;
}

/* A link-local destination names no interface: IOS asks which one and
 * takes its name as `interface` does (seed 003: "Output Interface:
 * tunnel23", then "... source address of FE80::23:2%Tunnel23"). */
struct oif_ask {
	struct dataplane	*oa_dp;
	struct ping_opts	 oa_o;
};

static void
oif_answer(struct vty *vty, void *arg, const char *answer)
{
	struct oif_ask	*oa = arg;
	bool		 bad;

	if (dp_iface_find(oa->oa_dp, answer) == NULL ||
	    !ping_source(vty, oa->oa_dp, &oa->oa_o, answer, &bad))
		vty_out(vty, "%% Invalid interface. Use full interface name "
		    "without spaces (e.g. Serial0/1)\n");
	else
		ping_start(vty, oa->oa_dp, &oa->oa_o);
	free(oa);
}

static bool
link_local6(const uint8_t *a)
{
	return a[0] == 0xfe && (a[1] & 0xc0) == 0x80;
}

int
dp_ping_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct ping_opts	 po;
	struct oif_ask		*oa;
	struct word		 w[64];
	struct in_addr		 a4;
	const char		*dst;
	char			*store = NULL;
	size_t			 i, n = 0;
	bool			 caret;
	int			 opt;

	ping_opts_default(&po);
	if ((dst = cmd_arg(m, "dst6")) != NULL) {
		po.po_v6 = true;
		if (inet_pton(AF_INET6, dst, po.po_dst6) != 1) {
			vty_invalid(vty, cmd_arg_off(m, "dst6"));
			return CMD_WARNING;
		}
	} else {
		dst = cmd_arg(m, "dst");
		if (dst == NULL || inet_pton(AF_INET, dst, &a4) != 1) {
			vty_out(vty, "%% Unrecognized host or address, or "
			    "protocol not running.\n\n");
			return CMD_WARNING;
		}
		po.po_dst = ntohl(a4.s_addr);
	}
	if (cmd_has(m, "opt"))
		n = split(m, w, sizeof(w) / sizeof(w[0]), &store);
	for (i = 0; i < n; i++) {
		if ((opt = opt_lookup(w[i].w)) < 0) {
			vty_invalid(vty, w[i].off);
			goto fail;
		}
		if (ping_opt_names[opt].value && i + 1 == n) {
			vty_out(vty, "%% Incomplete command.\n\n");
			goto fail;
		}
		if (!opt_apply(vty, dp, &po, (enum ping_opt)opt,
		    ping_opt_names[opt].value ? w[i + 1].w : NULL, &caret)) {
			if (caret)
				vty_invalid(vty, w[i + 1].off);
			goto fail;
		}
		if (ping_opt_names[opt].value)
			i++;
	}
	free(store);
	if (po.po_v6 && link_local6(po.po_dst6) && po.po_ifname6[0] == '\0') {
		oa = xcalloc(1, sizeof(*oa));
		oa->oa_dp = dp;
		oa->oa_o = po;
		vty_ask(vty, "Output Interface: ", oif_answer, oa, free);
		return CMD_SUCCESS;
	}
	return ping_start(vty, dp, &po);
fail:
	free(store);
	return CMD_WARNING;
}

int
dp_ping_dialog_cmd(struct vty *vty, const struct cmd_args *m)
{
	return ping_dialog(vty, vty->v_sys->sy_dp, cmd_arg(m, "proto"));
}
