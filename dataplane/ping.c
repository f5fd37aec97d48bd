/*
 * ping: the echo engine behind IOS's ping (see ping.h).
 *
 * One echo is outstanding at a time, as on IOS: the next leaves when the
 * previous is answered or its timeout expires.  Sending is always done
 * from a timer, never from the handler or from inside the dataplane's
 * delivery of an answer, so the dataplane is never re-entered and the
 * command ends (vty_done) only after its handler has returned.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/ping.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"
#include "lib/xalloc.h"

/* Marks per line, as IOS wraps them. */
#define PING_MARKS_PER_LINE	70

struct ping {
	struct vty		*pg_vty;
	struct dataplane	*pg_dp;
	struct evloop		*pg_loop;
	struct ping_opts	 pg_o;
	uint16_t		 pg_id, pg_seq;
	unsigned long		 pg_sent, pg_ok;
	bool			 pg_waiting;	/* an echo is outstanding */
	uint64_t		 pg_t0;		/* when it left (mono ms) */
	uint64_t		 pg_min, pg_max, pg_sum;
	unsigned		 pg_col;	/* marks on the current line */
	struct ev_timer		*pg_timer;	/* next send, or timeout */
};

void
ping_opts_default(struct ping_opts *po)
{
	memset(po, 0, sizeof(*po));
	po->po_repeat = 5;
	po->po_size = 100;
	po->po_timeout = 2;
	po->po_pattern = 0xabcd;
}

/* IOS prints IPv6 addresses in capitals. */
static void
fmt6(const uint8_t *a, char *buf, size_t len)
{
	char	*p;

	inet_ntop(AF_INET6, a, buf, (socklen_t)len);
	for (p = buf; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
}

bool
ping_source(struct vty *vty, struct dataplane *dp, struct ping_opts *po,
    const char *word, bool *bad_word)
{
	struct dp_iface	*ifp;
	struct in_addr	 a4;
	uint32_t	 mask;

	*bad_word = false;
	if (!po->po_v6 && inet_pton(AF_INET, word, &a4) == 1) {
		po->po_src = ntohl(a4.s_addr);
		if (!ip4_own(dp, po->po_src)) {
			vty_out(vty, "%% Invalid source address- IP address "
			    "not on any of our up interfaces\n");
			return false;
		}
		po->po_has_src = true;
		return true;
	}
	if (po->po_v6 && inet_pton(AF_INET6, word, po->po_src6) == 1) {
		po->po_has_src = true;
		return true;
	}
	if ((ifp = dp_iface_find(dp, word)) == NULL) {
		*bad_word = true;
		return false;
	}
	if (po->po_v6) {
		ip6_iface_source(ifp, po->po_dst6, po->po_src6);
		po->po_has_src = true;
		snprintf(po->po_ifname6, sizeof(po->po_ifname6), "%s",
		    ifp->if_name);
		return true;
	}
	if (!dp_iface_ipv4(ifp, &po->po_src, &mask)) {
		vty_out(vty, "%% Invalid source interface - IP not enabled or "
		    "interface is down\n");
		return false;
	}
	po->po_has_src = true;
	return true;
}

static void	ping_send(void *);

static void
ping_mark(struct ping *pg, char c)
{
	vty_out(pg->pg_vty, "%c", c);
	if (++pg->pg_col == PING_MARKS_PER_LINE) {
		vty_out(pg->pg_vty, "\n");
		pg->pg_col = 0;
	}
	vty_flush(pg->pg_vty);
}

/* The summary line, then the command is over. */
static void
ping_finish(struct ping *pg)
{
	struct vty	*vty = pg->pg_vty;

	evloop_timer_cancel(pg->pg_loop, pg->pg_timer);
	dp_echo_unlisten(pg->pg_dp, pg->pg_id);
	if (pg->pg_col > 0)
		vty_out(vty, "\n");
	vty_out(vty, "Success rate is %lu percent (%lu/%lu)",
	    pg->pg_sent ? pg->pg_ok * 100 / pg->pg_sent : 0, pg->pg_ok,
	    pg->pg_sent);
	if (pg->pg_ok > 0)
		vty_out(vty, ", round-trip min/avg/max = %llu/%llu/%llu ms",
		    (unsigned long long)pg->pg_min,
		    (unsigned long long)(pg->pg_sum / pg->pg_ok),
		    (unsigned long long)pg->pg_max);
	vty_out(vty, "\n");
	free(pg);
	vty_done(vty);
}

/* The echo got no answer in time. */
static void
ping_timeout(void *arg)
{
	struct ping	*pg = arg;

	pg->pg_timer = NULL;
	pg->pg_waiting = false;
	ping_mark(pg, '.');
	ping_send(pg);
}

/* Send the next echo, or end when all have been sent. */
static void
ping_send(void *arg)
{
	struct ping		*pg = arg;
	struct dp_echo_req	 er;
	struct dp_echo6_req	 er6;

	pg->pg_timer = NULL;
	if (pg->pg_sent == pg->pg_o.po_repeat) {
		ping_finish(pg);
		return;
	}
	pg->pg_seq++;
	pg->pg_sent++;
	pg->pg_t0 = clock_mono_ms();
	pg->pg_waiting = true;
	if (pg->pg_o.po_v6) {
		memset(&er6, 0, sizeof(er6));
		memcpy(er6.er6_dst, pg->pg_o.po_dst6, 16);
		if (pg->pg_o.po_has_src)
			memcpy(er6.er6_src, pg->pg_o.po_src6, 16);
		er6.er6_id = pg->pg_id;
		er6.er6_seq = pg->pg_seq;
		er6.er6_size = pg->pg_o.po_size;
		er6.er6_pattern = pg->pg_o.po_pattern;
		if (pg->pg_o.po_ifname6[0] != '\0')
			er6.er6_ifp = dp_iface_find(pg->pg_dp,
			    pg->pg_o.po_ifname6);
		(void)dp_echo6_send(pg->pg_dp, &er6);
	} else {
		memset(&er, 0, sizeof(er));
		er.er_dst = pg->pg_o.po_dst;
		er.er_src = pg->pg_o.po_has_src ? pg->pg_o.po_src : 0;
		er.er_id = pg->pg_id;
		er.er_seq = pg->pg_seq;
		er.er_size = pg->pg_o.po_size;
		er.er_tos = pg->pg_o.po_tos;
		er.er_df = pg->pg_o.po_df;
		er.er_pattern = pg->pg_o.po_pattern;
		(void)dp_echo_send(pg->pg_dp, &er);
	}
	/* A datagram with no route, or refused on the way, times out as
	 * one lost on the wire: IOS prints `.` for both. */
	pg->pg_timer = evloop_timer_add(pg->pg_loop,
	    (uint64_t)pg->pg_o.po_timeout * 1000, ping_timeout, pg);
}

static char
ping_char(const struct dp_echo_ev *ev)
{
	switch (ev->ev_kind) {
	case DP_ECHO_REPLY:
		return '!';
	case DP_ECHO_UNREACH:
		return 'U';
	case DP_ECHO_TTL_EXCEEDED:
		return '&';
	case DP_ECHO_FRAG_NEEDED:
		return 'M';
	case DP_ECHO_QUENCH:
		return 'Q';
	default:
		return '?';
	}
}

/* An answer from the dataplane: only the outstanding echo's counts. */
static void
ping_answer(void *arg, const struct dp_echo_ev *ev)
{
	struct ping	*pg = arg;
	uint64_t	 rtt;
	char		 c = ping_char(ev);

	if (!pg->pg_waiting || ev->ev_seq != pg->pg_seq ||
	    ev->ev_v6 != pg->pg_o.po_v6)
		return;
	if (c == '!' && pg->pg_o.po_validate && !ev->ev_data_ok)
		c = '?';
	if (c == '!') {
		rtt = clock_mono_ms() - pg->pg_t0;
		if (pg->pg_ok == 0 || rtt < pg->pg_min)
			pg->pg_min = rtt;
		if (rtt > pg->pg_max)
			pg->pg_max = rtt;
		pg->pg_sum += rtt;
		pg->pg_ok++;
	}
	pg->pg_waiting = false;
	evloop_timer_cancel(pg->pg_loop, pg->pg_timer);
	ping_mark(pg, c);
	pg->pg_timer = evloop_timer_add(pg->pg_loop, 0, ping_send, pg);
}

/* The escape sequence: what was sent so far is summed up. */
static void
ping_cancel(void *arg)
{
	ping_finish(arg);
}

int
ping_start(struct vty *vty, struct dataplane *dp, const struct ping_opts *po)
{
	static uint16_t	 next_id;
	struct ping	*pg;
	char		 dst[INET6_ADDRSTRLEN], src[INET6_ADDRSTRLEN];
	unsigned	 tries;

	pg = xcalloc(1, sizeof(*pg));
	pg->pg_vty = vty;
	pg->pg_dp = dp;
	pg->pg_loop = dp->d_sys->sy_loop;
	pg->pg_o = *po;
	/* An identifier no other ping of this router is using. */
	for (tries = 0;; tries++) {
		pg->pg_id = ++next_id;
		if (dp_echo_listen(dp, pg->pg_id, ping_answer, pg) == 0)
			break;
		if (tries == UINT16_MAX) {
			free(pg);
			vty_out(vty, "%% No free echo identifier\n");
			return CMD_WARNING;
		}
	}
	if (po->po_v6) {
		fmt6(po->po_dst6, dst, sizeof(dst));
		fmt6(po->po_src6, src, sizeof(src));
	} else {
		ip4_text(po->po_dst, dst);
		ip4_text(po->po_src, src);
	}
	vty_out(vty, "Type escape sequence to abort.\n");
	vty_out(vty, "Sending %lu, %zu-byte ICMP Echos to %s, timeout is %u "
	    "seconds:\n", po->po_repeat, po->po_size, dst, po->po_timeout);
	if (po->po_has_src && po->po_v6 && po->po_dst6[0] == 0xfe &&
	    (po->po_dst6[1] & 0xc0) == 0x80 && po->po_ifname6[0] != '\0')
		vty_out(vty, "Packet sent with a source address of %s%%%s\n",
		    src, po->po_ifname6);
	else if (po->po_has_src)
		vty_out(vty, "Packet sent with a source address of %s\n", src);
	if (po->po_df)
		vty_out(vty, "Packet sent with the DF bit set\n");
	if (po->po_validate)
		vty_out(vty, "Reply data will be validated\n");
	pg->pg_timer = evloop_timer_add(pg->pg_loop, 0, ping_send, pg);
	return vty_pending(vty, ping_cancel, pg);
}
