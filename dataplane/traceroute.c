/*
 * traceroute: IOS's traceroute, run by the router's own event loop as
 * ping is (see ping.c: sending only from timers, the command ends with
 * vty_done after its handler returned).
 *
 * UDP probes to ports from 33434 up, three per TTL from 1 to 30, each
 * waiting up to 3 seconds, as IOS's defaults are.  A router on the way
 * answers "time exceeded", the destination "port unreachable"; each answer
 * prints its round trip, a change of answering address prints the
 * address, a timeout prints "*", another unreachable its IOS letter
 * (!H host, !N network, !P protocol, !A administratively prohibited, !F
 * fragmentation needed).  The trace ends after the hop where the
 * destination (or an unreachable) answered, at the last TTL, or on the
 * escape sequence.  The spacing is IOS's, as captures of 15.x routers
 * print it ("  1 10.1.12.2 5 msec 3 msec * ", "  2  *  *  * ").
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

#define TRACE_PORT	33434	/* the first probe's destination port */
#define TRACE_PROBES	3
#define TRACE_TTL_MAX	30
#define TRACE_TIMEOUT_S	3
#define TRACE_PAYLOAD	12

struct trace {
	struct trace		*tr_next;
	struct vty		*tr_vty;
	struct dataplane	*tr_dp;
	struct evloop		*tr_loop;
	uint32_t		 tr_dst, tr_src;	/* src 0: the router's */
	uint16_t		 tr_sport;	/* ours: answers find us by it */
	uint16_t		 tr_dport;	/* the outstanding probe's */
	unsigned		 tr_ttl, tr_probe;
	bool			 tr_waiting;
	bool			 tr_addr_shown;	/* an address on this line */
	uint32_t		 tr_last;	/* the last address shown */
	bool			 tr_end;	/* stop after this hop */
	uint64_t		 tr_t0;
	struct ev_timer		*tr_timer;
};

static void	trace_next(void *);

static void
trace_unlink(struct trace *tr)
{
	struct trace	**tp;

	for (tp = &tr->tr_dp->d_fwd->f_traces; *tp != NULL;
	    tp = &(*tp)->tr_next)
		if (*tp == tr) {
			*tp = tr->tr_next;
			break;
		}
}

static void
trace_finish(struct trace *tr)
{
	struct vty	*vty = tr->tr_vty;

	evloop_timer_cancel(tr->tr_loop, tr->tr_timer);
	trace_unlink(tr);
	if (tr->tr_probe > 0)
		vty_out(vty, "\n");
	free(tr);
	vty_done(vty);
}

/* One probe's outcome is printed; the next one is sent from a timer. */
static void
trace_done_probe(struct trace *tr)
{
	tr->tr_waiting = false;
	tr->tr_dport++;
	if (++tr->tr_probe == TRACE_PROBES) {
		vty_out(tr->tr_vty, "\n");
		tr->tr_probe = 0;
		tr->tr_addr_shown = false;
	}
	vty_flush(tr->tr_vty);
	tr->tr_timer = evloop_timer_add(tr->tr_loop, 0, trace_next, tr);
}

static void
trace_timeout(void *arg)
{
	struct trace	*tr = arg;

	tr->tr_timer = NULL;
	/* Before any address on a line, IOS sets the first star apart. */
	vty_out(tr->tr_vty, "%s* ", tr->tr_probe == 0 &&
	    !tr->tr_addr_shown ? "  " : " ");
	trace_done_probe(tr);
}

/* Send the next probe, or end. */
static void
trace_next(void *arg)
{
	struct trace	*tr = arg;
	uint8_t		 payload[TRACE_PAYLOAD];

	tr->tr_timer = NULL;
	if (tr->tr_probe == 0) {
		if (tr->tr_end || tr->tr_ttl == TRACE_TTL_MAX) {
			trace_finish(tr);
			return;
		}
		tr->tr_ttl++;
		vty_out(tr->tr_vty, "%3u", tr->tr_ttl);
	}
	memset(payload, 0, sizeof(payload));
	tr->tr_t0 = clock_mono_ms();
	tr->tr_waiting = true;
	/* A probe with no route or refused on the way times out, as on
	 * IOS (its star). */
	(void)udp_send_ttl(tr->tr_dp, tr->tr_src, tr->tr_sport, tr->tr_dst,
	    tr->tr_dport, payload, sizeof(payload), (uint8_t)tr->tr_ttl);
	tr->tr_timer = evloop_timer_add(tr->tr_loop,
	    (uint64_t)TRACE_TIMEOUT_S * 1000, trace_timeout, tr);
}

/* IOS's letter for an unreachable that is not the destination's "port
 * unreachable". */
static const char *
unreach_mark(uint8_t code)
{
	switch (code) {
	case 0:
		return "!N";
	case 1:
		return "!H";
	case 2:
		return "!P";
	case 4:
		return "!F";
	case 9: case 10: case 13:
		return "!A";
	default:
		return "!U";
	}
}

void
trace_icmp_error(struct dataplane *dp, const uint8_t *ip,
    const uint8_t *icmp, size_t ilen)
{
	const uint8_t	*q = icmp + 8;
	struct trace	*tr;
	uint32_t	 from = get32(ip + 12);
	size_t		 qhl;
	char		 a[16];

	if (ilen < 8 + 20)
		return;
	qhl = (size_t)(q[0] & 15) * 4;
	if (qhl < 20 || ilen < 8 + qhl + 8 || q[9] != IPP_UDP)
		return;
	for (tr = dp->d_fwd->f_traces; tr != NULL; tr = tr->tr_next)
		if (tr->tr_waiting && tr->tr_sport == get16(q + qhl) &&
		    tr->tr_dport == get16(q + qhl + 2) &&
		    tr->tr_dst == get32(q + 16))
			break;
	if (tr == NULL)
		return;
	evloop_timer_cancel(tr->tr_loop, tr->tr_timer);
	tr->tr_timer = NULL;
	if (!tr->tr_addr_shown || from != tr->tr_last) {
		vty_out(tr->tr_vty, " %s", ip4_text(from, a));
		tr->tr_addr_shown = true;
		tr->tr_last = from;
	}
	if (icmp[0] == ICMP_TIMXCEED || (icmp[0] == ICMP_UNREACH &&
	    icmp[1] == ICMP_UNREACH_PORT))
		vty_out(tr->tr_vty, " %llu msec", (unsigned long long)
		    (clock_mono_ms() - tr->tr_t0));
	else
		vty_out(tr->tr_vty, " %s ", icmp[0] == ICMP_UNREACH ?
		    unreach_mark(icmp[1]) : "?");
	if (icmp[0] == ICMP_UNREACH)
		tr->tr_end = true;
	trace_done_probe(tr);
}

/* The escape sequence: the trace stops where it is. */
static void
trace_cancel(void *arg)
{
	trace_finish(arg);
}

/* `traceroute [ip] A.B.C.D [source A.B.C.D|IF]`. */
int
dp_traceroute_cmd(struct vty *vty, const struct cmd_args *m)
{
	static uint16_t		 next_port;
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct dp_iface		*ifp;
	struct trace		*tr;
	uint32_t		 dst, src = 0, mask;
	const char		*word;
	char			 a[16];

	if (!ip4_parse(cmd_arg(m, "dst"), &dst)) {
		vty_invalid(vty, cmd_arg_off(m, "dst"));
		return CMD_WARNING;
	}
	if ((word = cmd_arg(m, "src")) != NULL) {
		if (ip4_parse(word, &src)) {
			if (!ip4_own(dp, src)) {
				vty_out(vty, "%% Invalid source address- IP "
				    "address not on any of our up "
				    "interfaces\n");
				return CMD_WARNING;
			}
		} else if ((ifp = dp_iface_find(dp, word)) == NULL) {
			vty_invalid(vty, cmd_arg_off(m, "src"));
			return CMD_WARNING;
		} else if (!dp_iface_ipv4(ifp, &src, &mask)) {
			vty_out(vty, "%% Invalid source interface - IP not "
			    "enabled or interface is down\n");
			return CMD_WARNING;
		}
	}
	tr = xcalloc(1, sizeof(*tr));
	tr->tr_vty = vty;
	tr->tr_dp = dp;
	tr->tr_loop = dp->d_sys->sy_loop;
	tr->tr_dst = dst;
	tr->tr_src = src;
	/* A source port of its own among the router's traceroutes. */
	tr->tr_sport = (uint16_t)(49152 + (next_port++ % 16384));
	tr->tr_dport = TRACE_PORT;
	tr->tr_next = dp->d_fwd->f_traces;
	dp->d_fwd->f_traces = tr;
	vty_out(vty, "Type escape sequence to abort.\n");
	vty_out(vty, "Tracing the route to %s\n", ip4_text(dst, a));
	if (sys_version_15(dp->d_sys))
		vty_out(vty, "VRF info: (vrf in name/id, vrf out name/id)\n");
	tr->tr_timer = evloop_timer_add(tr->tr_loop, 0, trace_next, tr);
	return vty_pending(vty, trace_cancel, tr);
}
