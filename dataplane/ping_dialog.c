/*
 * ping_dialog: the extended ping, `ping` typed alone in privileged exec.
 * IOS asks one question at a time, each with its default in brackets
 * (Enter takes it); a bad answer ends the dialog with IOS's message and
 * sends nothing.  The questions are IOS 12.4/15's for IPv4; for IPv6 the
 * extended part asks for the source only.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataplane/dp.h"
#include "dataplane/ping.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

enum step {
	ST_TARGET, ST_REPEAT, ST_SIZE, ST_TIMEOUT, ST_EXTENDED, ST_SOURCE,
	ST_TOS, ST_DF, ST_VALIDATE, ST_DATA, ST_OPTIONS, ST_SWEEP, ST_DONE
};

struct dialog {
	struct dataplane	*dg_dp;
	struct ping_opts	 dg_o;
	enum step		 dg_step;
};

static const char *const questions_v4[] = {
	[ST_TARGET] = "Target IP address: ",
	[ST_REPEAT] = "Repeat count [5]: ",
	[ST_SIZE] = "Datagram size [100]: ",
	[ST_TIMEOUT] = "Timeout in seconds [2]: ",
	[ST_EXTENDED] = "Extended commands [n]: ",
	[ST_SOURCE] = "Source address or interface: ",
	[ST_TOS] = "Type of service [0]: ",
	[ST_DF] = "Set DF bit in IP header? [no]: ",
	[ST_VALIDATE] = "Validate reply data? [no]: ",
	[ST_DATA] = "Data pattern [0xABCD]: ",
	[ST_OPTIONS] = "Loose, Strict, Record, Timestamp, Verbose[none]: ",
	[ST_SWEEP] = "Sweep range of sizes [n]: ",
};

static void	dialog_answer(struct vty *, void *, const char *);

static void
dialog_ask(struct vty *vty, struct dialog *dg)
{
	const char	*q = questions_v4[dg->dg_step];

	if (dg->dg_o.po_v6 && dg->dg_step == ST_TARGET)
		q = "Target IPv6 address: ";
	vty_ask(vty, q, dialog_answer, dg, free);
}

/* A number in LO..HI, or the default when ANSWER is empty. */
static bool
answer_num(const char *answer, unsigned long lo, unsigned long hi, int base,
    unsigned long *v)
{
	char	*end;

	if (*answer == '\0')
		return true;
	if (base == 16 && strncasecmp(answer, "0x", 2) == 0)
		answer += 2;
	if (*answer == '-' || *answer == '+' || *answer == '\0')
		return false;
	errno = 0;
	*v = strtoul(answer, &end, base);
	return errno == 0 && *end == '\0' && *v >= lo && *v <= hi;
}

static bool
answer_yes(const char *answer)
{
	return answer[0] == 'y' || answer[0] == 'Y';
}

static bool
answer_no(const char *answer)
{
	return answer[0] == '\0' || answer[0] == 'n' || answer[0] == 'N';
}

/* Take the answer to the current question; false ends the dialog (the
 * message is printed). */
static bool
dialog_take(struct vty *vty, struct dialog *dg, const char *a)
{
	struct ping_opts	*po = &dg->dg_o;
	struct in_addr		 a4;
	unsigned long		 v;
	bool			 bad;

	switch (dg->dg_step) {
	case ST_TARGET:
		if (po->po_v6 ? inet_pton(AF_INET6, a, po->po_dst6) != 1 :
		    inet_pton(AF_INET, a, &a4) != 1) {
			vty_out(vty, "%% Bad IP address or host name\n");
			return false;
		}
		if (!po->po_v6)
			po->po_dst = ntohl(a4.s_addr);
		break;
	case ST_REPEAT:
		v = po->po_repeat;
		if (!answer_num(a, 1, PING_REPEAT_MAX, 10, &v)) {
			vty_out(vty, "%% A decimal number between 1 and "
			    "2147483647.\n");
			return false;
		}
		po->po_repeat = v;
		break;
	case ST_SIZE:
		v = po->po_size;
		if (!answer_num(a, PING_SIZE_MIN, PING_SIZE_MAX, 10, &v)) {
			vty_out(vty, "%% A decimal number between %d and %d.\n",
			    PING_SIZE_MIN, PING_SIZE_MAX);
			return false;
		}
		po->po_size = v;
		break;
	case ST_TIMEOUT:
		v = po->po_timeout;
		if (!answer_num(a, 0, PING_TIMEOUT_MAX, 10, &v)) {
			vty_out(vty, "%% A decimal number between 0 and %d.\n",
			    PING_TIMEOUT_MAX);
			return false;
		}
		po->po_timeout = (unsigned)v;
		break;
	case ST_EXTENDED:
		if (!answer_yes(a))
			dg->dg_step = ST_OPTIONS;	/* then the sweep */
		break;
	case ST_SOURCE:
		if (*a != '\0' && !ping_source(vty, dg->dg_dp, po, a, &bad)) {
			if (bad)
				vty_out(vty, "%% Invalid source. Must use "
				    "same-VRF IP address or full interface "
				    "name without spaces (e.g. Serial0/1)\n");
			return false;
		}
		/* IPv6's extended part stops here. */
		if (po->po_v6)
			dg->dg_step = ST_OPTIONS;
		break;
	case ST_TOS:
		v = po->po_tos;
		if (!answer_num(a, 0, 255, 10, &v)) {
			vty_out(vty, "%% A decimal number between 0 and "
			    "255.\n");
			return false;
		}
		po->po_tos = (uint8_t)v;
		break;
	case ST_DF:
		po->po_df = answer_yes(a);
		break;
	case ST_VALIDATE:
		po->po_validate = answer_yes(a);
		break;
	case ST_DATA:
		v = po->po_pattern;
		if (!answer_num(a, 0, 0xffff, 16, &v)) {
			vty_out(vty, "%% A hexadecimal number between 0x0 and "
			    "0xFFFF.\n");
			return false;
		}
		po->po_pattern = (uint16_t)v;
		break;
	case ST_OPTIONS:
		if (*a != '\0' && strcasecmp(a, "none") != 0) {
			vty_out(vty, "%% IP options are not supported\n");
			return false;
		}
		break;
	case ST_SWEEP:
		if (!answer_no(a)) {
			vty_out(vty, "%% Sweep is not supported\n");
			return false;
		}
		break;
	case ST_DONE:
		break;
	}
	dg->dg_step++;
	return true;
}

static void
dialog_answer(struct vty *vty, void *arg, const char *answer)
{
	struct dialog	*dg = arg;
	struct ping_opts o;

	if (!dialog_take(vty, dg, answer)) {
		free(dg);
		return;
	}
	if (dg->dg_step != ST_DONE) {
		dialog_ask(vty, dg);
		return;
	}
	o = dg->dg_o;
	ping_start(vty, dg->dg_dp, &o);
	free(dg);
}

/* The first question: the protocol, unless the command named it. */
static void
dialog_protocol(struct vty *vty, void *arg, const char *answer)
{
	struct dialog	*dg = arg;

	if (*answer == '\0' || strcasecmp(answer, "ip") == 0)
		dg->dg_o.po_v6 = false;
	else if (strcasecmp(answer, "ipv6") == 0)
		dg->dg_o.po_v6 = true;
	else {
		vty_out(vty, "%% Unknown protocol - \"%s\", type \"ping ?\" "
		    "for help\n", answer);
		free(dg);
		return;
	}
	dialog_ask(vty, dg);
}

int
ping_dialog(struct vty *vty, struct dataplane *dp, const char *proto)
{
	struct dialog	*dg;

	dg = xcalloc(1, sizeof(*dg));
	dg->dg_dp = dp;
	ping_opts_default(&dg->dg_o);
	dg->dg_step = ST_TARGET;
	if (proto == NULL)
		vty_ask(vty, "Protocol [ip]: ", dialog_protocol, dg, free);
	else {
		dg->dg_o.po_v6 = strcmp(proto, "ipv6") == 0;
		dialog_ask(vty, dg);
	}
	return CMD_SUCCESS;
}
