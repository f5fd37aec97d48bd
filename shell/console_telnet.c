/*
 * console_telnet: the telnet transport of the vty lines.  libtelnet does
 * the protocol (option negotiation, IAC escaping, NAWS): the server echoes
 * (WILL ECHO), the client sends each key (WILL SUPPRESS-GO-AHEAD); the
 * line editor, login and pager are vty_conn's.
 */
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libtelnet.h>

#include "lib/evloop.h"
#include "lib/xalloc.h"
#include "shell/console_telnet.h"
#include "shell/router.h"
#include "shell/vty_conn.h"

struct telnet_conn {
	struct telnet_server	*tc_srv;
	struct vty_conn		*tc_vc;
	int			 tc_fd;
	telnet_t		*tc_tn;
};

struct telnet_server {
	struct vty_listener	 ts_l;
	unsigned long		 ts_refused;	/* connections refused */
	bool			 ts_console;	/* serves line con 0 */
};

/* What iosh negotiates; libtelnet answers the peer from this table. */
static const telnet_telopt_t tc_telopts[] = {
	{ TELNET_TELOPT_ECHO,	TELNET_WILL,	TELNET_DONT },
	{ TELNET_TELOPT_SGA,	TELNET_WILL,	TELNET_DO },
	{ TELNET_TELOPT_NAWS,	TELNET_WONT,	TELNET_DO },
	{ -1, 0, 0 }
};

/*
 * The network virtual terminal's form, appended to OUT: \n as CR LF, a
 * lone \r as CR NUL, IAC (255) doubled.  The plain runs between those
 * bytes go in with one append each: a byte-at-a-time append (and then
 * libtelnet's telnet_send walking the copy again for IACs) was 13% of the
 * telnet fuzz target and the same share of any large `show` over telnet.
 * libtelnet only ever transforms what it sends when MCCP compression is
 * on, which tc_telopts never negotiates, so its escaping is all it did.
 */
void
telnet_nvt_encode(const char *text, size_t len, struct strbuf *out)
{
	size_t	i, run = 0;

	for (i = 0; i < len; i++) {
		const char	*esc;

		switch ((unsigned char)text[i]) {
		case '\n':
			esc = "\r\n";
			break;
		case '\r':
			esc = "\r\0";
			break;
		case 0xff:
			esc = "\377\377";
			break;
		default:
			continue;
		}
		strbuf_add(out, text + run, i - run);
		strbuf_add(out, esc, 2);
		run = i + 1;
	}
	strbuf_add(out, text + run, len - run);
}

/* Straight into the vty's TX, where libtelnet's negotiation goes too
 * (TELNET_EV_SEND), so the two keep their order. */
static void
tc_encode(void *arg, const char *text, size_t len, struct strbuf *tx)
{
	(void)arg;
	telnet_nvt_encode(text, len, tx);
}

static ssize_t
tc_write(void *arg, const char *buf, size_t len)
{
	struct telnet_conn	*tc = arg;

	return send(tc->tc_fd, buf, len, MSG_NOSIGNAL);
}

static void
tc_events(void *arg, bool in, bool out)
{
	struct telnet_conn	*tc = arg;

	evloop_set_events(tc->tc_srv->ts_l.vl_loop, tc->tc_fd,
	    (in ? POLLIN : 0) | (out ? POLLOUT : 0));
}

static void
tc_free(void *arg)
{
	struct telnet_conn	*tc = arg;

	evloop_del_fd(tc->tc_srv->ts_l.vl_loop, tc->tc_fd);
	close(tc->tc_fd);
	telnet_free(tc->tc_tn);
	free(tc);
}

static const struct vc_transport tc_transport = {
	.vt_kind = TRANSPORT_TELNET,
	.vt_encode = tc_encode,
	.vt_write = tc_write,
	.vt_events = tc_events,
	.vt_free = tc_free,
};

static void
tc_event(telnet_t *tn, telnet_event_t *ev, void *arg)
{
	struct telnet_conn	*tc = arg;
	const unsigned char	*b;

	(void)tn;
	switch (ev->type) {
	case TELNET_EV_DATA:
		vc_input(tc->tc_vc, ev->data.buffer, ev->data.size);
		break;
	case TELNET_EV_SEND:
		strbuf_add(&tc->tc_vc->vc_tx, ev->data.buffer, ev->data.size);
		break;
	case TELNET_EV_SUBNEGOTIATION:
		/* NAWS: the client's window. */
		b = (const unsigned char *)ev->sub.buffer;
		if (ev->sub.telopt == TELNET_TELOPT_NAWS && ev->sub.size == 4)
			vc_window(tc->tc_vc, (unsigned)b[0] << 8 | b[1],
			    (unsigned)b[2] << 8 | b[3]);
		break;
	case TELNET_EV_ERROR:
		tc->tc_vc->vc_dead = true;
		break;
	default:
		break;
	}
}

static void
tc_io(int fd, short revents, void *arg)
{
	struct telnet_conn	*tc = arg;
	struct vty_conn		*vc = tc->tc_vc;
	char			 buf[4096];
	ssize_t			 n;

	if (revents & POLLOUT)
		vc_flush(vc);
	if ((revents & (POLLIN | POLLHUP | POLLERR)) && vc_readable(vc)) {
		n = read(fd, buf, sizeof(buf));
		if (n > 0)
			telnet_recv(tc->tc_tn, buf, (size_t)n);
		else if (n == 0 || (errno != EINTR && errno != EAGAIN))
			vc->vc_dead = true;
		vc_flush(vc);
	}
	if (vc_over(vc))
		vc_free(vc);
}

static void	ts_take(struct telnet_server *, int fd);

static void
ts_accept(int lfd, short revents, void *arg)
{
	int	fd;

	(void)revents;
	if ((fd = vty_accept(lfd)) >= 0)
		ts_take(arg, fd);
}

int
telnet_server_adopt(struct telnet_server *ts, int fd)
{
	if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
		return -1;
	ts_take(ts, fd);
	return 0;
}

/* A connection on FD: a vty line for it, or refused. */
static void
ts_take(struct telnet_server *ts, int fd)
{
	struct telnet_conn	*tc;
	char			 peer[INET6_ADDRSTRLEN];
	unsigned		 lport;
	int			 n;

	/* The console is one line: a second connection is refused while
	 * the first holds it. */
	if (ts->ts_console)
		n = vty_hub_con_free(ts->ts_l.vl_hub) ? 0 : -1;
	else
		n = vty_hub_pick(ts->ts_l.vl_hub, TRANSPORT_TELNET);
	if (n < 0) {
		vty_refuse(fd);
		ts->ts_refused++;
		return;
	}
	tc = xcalloc(1, sizeof(*tc));
	tc->tc_srv = ts;
	tc->tc_fd = fd;
	if ((tc->tc_tn = telnet_init(tc_telopts, tc_event, 0, tc)) == NULL ||
	    evloop_add_fd(ts->ts_l.vl_loop, fd, POLLIN, tc_io, tc) < 0)
		abort();
	vty_addrs(fd, peer, sizeof(peer), &lport);
	/* The negotiation goes first; vc_new's login dialog follows it. */
	tc->tc_vc = ts->ts_console ? vc_new_con(ts->ts_l.vl_hub,
	    &tc_transport, tc, peer, lport) : vc_new(ts->ts_l.vl_hub,
	    (unsigned)n, &tc_transport, tc, peer, lport);
	telnet_negotiate(tc->tc_tn, TELNET_WILL, TELNET_TELOPT_ECHO);
	telnet_negotiate(tc->tc_tn, TELNET_WILL, TELNET_TELOPT_SGA);
	telnet_negotiate(tc->tc_tn, TELNET_DO, TELNET_TELOPT_NAWS);
	vc_login(tc->tc_vc);
}

struct telnet_server *
telnet_server_new(struct router *r, const char *spec, struct strbuf *err)
{
	struct telnet_server	*ts;

	ts = xcalloc(1, sizeof(*ts));
	if (!vty_listener_open(&ts->ts_l, r, spec, ts_accept, ts, err)) {
		free(ts);
		return NULL;
	}
	return ts;
}

struct telnet_server *
telnet_console_new(struct router *r, const char *spec, struct strbuf *err)
{
	struct telnet_server	*ts = telnet_server_new(r, spec, err);

	if (ts != NULL)
		ts->ts_console = true;
	return ts;
}

void
telnet_server_addr(const struct telnet_server *ts, struct strbuf *out)
{
	strbuf_puts(out, ts->ts_l.vl_addr.sb_buf);
}

void
telnet_server_stats(const struct telnet_server *ts,
    struct telnet_stats *st)
{
	const struct vty_conn	*vc;

	memset(st, 0, sizeof(*st));
	st->tst_refused = ts->ts_refused;
	TAILQ_FOREACH(vc, vty_hub_conns(ts->ts_l.vl_hub), vc_entry) {
		if (vc->vc_tp != &tc_transport)
			continue;
		st->tst_sessions++;
		st->tst_buffered += vc_buffered(vc);
	}
}

void
telnet_server_free(struct telnet_server *ts)
{
	if (ts == NULL)
		return;
	vty_listener_close(&ts->ts_l, &tc_transport);
	free(ts);
}

int
telnet_server_run(struct telnet_server *ts)
{
	return vty_serve(vty_hub_router(ts->ts_l.vl_hub));
}
