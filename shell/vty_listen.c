/*
 * The vty lines' sockets: the listening socket a `[ADDR:]PORT` spec
 * names, accepting and refusing connections, the peer's address for the
 * login messages, and the signal-driven loop that serves them.  The
 * sessions on the accepted sockets (line editor, pager, login) are
 * vty_conn.c's; the transports (telnet, SSH, the console) are theirs.
 */
#include <sys/types.h>
#include <sys/queue.h>
#include <sys/signalfd.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/evloop.h"
#include "shell/router.h"
#include "shell/vty_conn.h"

int
vty_accept(int lfd)
{
	int	fd, on = 1;

	if ((fd = accept(lfd, NULL, NULL)) < 0)
		return -1;
	/* Echo and prompts are small writes a client waits for: Nagle would
	 * hold the second behind the client's delayed ACK. */
	if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) < 0 ||
	    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * Every line busy, or the quiet period of `login block-for`: IOS refuses
 * the connection before any byte of the protocol, and its client reports
 * "% Connection refused by remote host".  A reset (linger 0) is the
 * nearest a listening socket can come to that.
 */
void
vty_refuse(int fd)
{
	struct linger	lg = { .l_onoff = 1, .l_linger = 0 };

	(void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(fd);
}

/* The peer's address and the local port, for the SEC_LOGIN messages. */
void
vty_addrs(int fd, char *peer, size_t peerlen, unsigned *lport)
{
	struct sockaddr_storage	 ss;
	socklen_t		 len = sizeof(ss);
	char			 port[NI_MAXSERV];

	peer[0] = '\0';
	*lport = 0;
	if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0)
		(void)getnameinfo((struct sockaddr *)&ss, len, peer,
		    (socklen_t)peerlen, NULL, 0, NI_NUMERICHOST);
	len = sizeof(ss);
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0 &&
	    getnameinfo((struct sockaddr *)&ss, len, NULL, 0, port,
	    sizeof(port), NI_NUMERICSERV) == 0)
		*lport = (unsigned)atoi(port);
}

/* Split "[ADDR:]PORT" ("[V6]:PORT" too) into HOST and PORT. */
static int
spec_split(const char *spec, char *host, size_t hostlen, const char **port)
{
	const char	*colon, *end;
	size_t		 len;

	if (spec[0] == '[') {
		if ((end = strchr(spec, ']')) == NULL || end[1] != ':')
			return -1;
		len = (size_t)(end - spec - 1);
		spec++;
		colon = end + 1;
	} else if ((colon = strrchr(spec, ':')) != NULL) {
		len = (size_t)(colon - spec);
	} else {
		snprintf(host, hostlen, "127.0.0.1");
		*port = spec;
		return 0;
	}
	if (len == 0 || len >= hostlen)
		return -1;
	memcpy(host, spec, len);
	host[len] = '\0';
	*port = colon + 1;
	return 0;
}

/* getaddrinfo's AI_NUMERICSERV takes "99999" and binds it modulo 65536
 * (34463): only decimal digits up to 65535 are a port. */
static bool
port_valid(const char *port)
{
	unsigned long	 v = 0;
	const char	*p;

	if (*port == '\0' || strlen(port) > 5)
		return false;
	for (p = port; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (unsigned long)(*p - '0');
	}
	return v <= 65535;
}

static int
vty_listen(const char *spec, struct strbuf *addr, struct strbuf *err)
{
	struct addrinfo		 hints, *ai;
	struct sockaddr_storage	 ss;
	socklen_t		 sslen = sizeof(ss);
	char			 host[INET6_ADDRSTRLEN + 1], name[NI_MAXHOST];
	char			 serv[NI_MAXSERV];
	const char		*port;
	int			 rc, fd, on = 1;

	if (spec_split(spec, host, sizeof(host), &port) < 0 ||
	    !port_valid(port)) {
		strbuf_printf(err, "%s: expected [ADDR:]PORT", spec);
		return -1;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0) {
		strbuf_printf(err, "%s: %s", spec, gai_strerror(rc));
		return -1;
	}
	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, ai->ai_protocol);
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on,
	    sizeof(on)) < 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 ||
	    listen(fd, LINE_VTY_SHOWN) < 0 ||
	    getsockname(fd, (struct sockaddr *)&ss, &sslen) < 0 ||
	    getnameinfo((struct sockaddr *)&ss, sslen, name, sizeof(name),
	    serv, sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		strbuf_printf(err, "%s: %s", spec, strerror(errno));
		freeaddrinfo(ai);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	freeaddrinfo(ai);
	strbuf_printf(addr, ss.ss_family == AF_INET6 ? "[%s]:%s" :
	    "%s:%s", name, serv);
	return fd;
}

bool
vty_listener_open(struct vty_listener *vl, struct router *r, const char *spec,
    ev_io_fn accept, void *arg, struct strbuf *err)
{
	vl->vl_loop = r->r_loop;
	vl->vl_hub = vty_hub_get(r);
	strbuf_init(&vl->vl_addr);
	if ((vl->vl_fd = vty_listen(spec, &vl->vl_addr, err)) >= 0 &&
	    evloop_add_fd(vl->vl_loop, vl->vl_fd, POLLIN, accept, arg) == 0)
		return true;
	if (err->sb_len == 0)
		strbuf_printf(err, "%s: %s", spec, strerror(errno));
	if (vl->vl_fd >= 0)
		close(vl->vl_fd);
	vl->vl_fd = -1;
	vty_hub_put(vl->vl_hub);
	vl->vl_hub = NULL;
	strbuf_free(&vl->vl_addr);
	return false;
}

void
vty_listener_close(struct vty_listener *vl, const struct vc_transport *tp)
{
	struct vty_conn	*vc, *next;

	if (vl->vl_hub == NULL)
		return;
	for (vc = TAILQ_FIRST(vty_hub_conns(vl->vl_hub)); vc != NULL;
	    vc = next) {
		next = TAILQ_NEXT(vc, vc_entry);
		if (vc->vc_tp == tp)
			vc_free(vc);
	}
	if (vl->vl_fd >= 0) {
		evloop_del_fd(vl->vl_loop, vl->vl_fd);
		close(vl->vl_fd);
	}
	vty_hub_put(vl->vl_hub);
	vl->vl_hub = NULL;
	strbuf_free(&vl->vl_addr);
}


static void
vty_signal(int fd, short revents, void *arg)
{
	struct router		*r = arg;
	struct signalfd_siginfo	 si;

	(void)revents;
	if (read(fd, &si, sizeof(si)) == (ssize_t)sizeof(si))
		evloop_stop(r->r_loop);
}

int
vty_serve(struct router *r)
{
	struct evloop	*loop = r->r_loop;
	sigset_t	 set, old;
	int		 fd, rv;

	/* The signals arrive as reads, so the sessions are freed in order
	 * (and a leak checker sees a clean exit). */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, &old) < 0)
		return -1;
	if ((fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC)) < 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return -1;
	}
	if (evloop_add_fd(loop, fd, POLLIN, vty_signal, r) < 0)
		rv = -1;
	else
		rv = evloop_run(loop);
	evloop_del_fd(loop, fd);
	close(fd);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rv;
}
