/*
 * wire_udp: the dynamips/GNS3 UDP NIO — one frame per datagram, nothing
 * else in the payload.
 *
 * The socket is bound to LOCAL_PORT on the wildcard address and connected
 * to the peer, so the kernel drops datagrams from anyone else and a dead
 * peer shows up as ECONNREFUSED (counted, not fatal: the peer may start
 * later, as routers in a lab do).
 */
#include <sys/socket.h>

#include <netinet/in.h>

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/wire_impl.h"

/* Room for bursts: many tunnels may arrive while the loop is busy. */
#define UDP_SOCKBUF	(1024 * 1024)

static int
parse_port(const char *s, size_t len, const char *what, char *err,
    size_t errlen)
{
	unsigned long	v = 0;
	size_t		i;

	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9' && v <= 65535; i++)
		v = v * 10 + (unsigned long)(s[i] - '0');
	if (len == 0 || i != len || v < 1 || v > 65535) {
		snprintf(err, errlen, "udp: invalid %s port '%.*s' (1-65535)",
		    what, (int)len, s);
		return -1;
	}
	return (int)v;
}

/* "LPORT:HOST:RPORT" or "LPORT:[V6ADDR]:RPORT". */
static int
udp_parse(const char *args, int *lport, char *host, size_t hostlen,
    int *rport, char *err, size_t errlen)
{
	const char	*p, *h, *hend, *r;

	if ((p = strchr(args, ':')) == NULL)
		goto usage;
	if ((*lport = parse_port(args, (size_t)(p - args), "local", err,
	    errlen)) < 0)
		return -1;
	h = p + 1;
	if (*h == '[') {
		if ((hend = strchr(++h, ']')) == NULL || hend[1] != ':')
			goto usage;
		r = hend + 2;
	} else {
		if ((hend = strrchr(h, ':')) == NULL)
			goto usage;
		r = hend + 1;
	}
	if (hend == h) {
		snprintf(err, errlen, "udp: missing remote host in '%s'",
		    args);
		return -1;
	}
	if ((size_t)(hend - h) >= hostlen) {
		snprintf(err, errlen, "udp: remote host too long");
		return -1;
	}
	memcpy(host, h, (size_t)(hend - h));
	host[hend - h] = '\0';
	if ((*rport = parse_port(r, strlen(r), "remote", err, errlen)) < 0)
		return -1;
	return 0;
usage:
	snprintf(err, errlen, "udp: expected udp:LOCAL_PORT:REMOTE_HOST:"
	    "REMOTE_PORT, not 'udp:%s'", args);
	return -1;
}

static int
udp_open(struct wire *w, const char *args, char *err, size_t errlen)
{
	struct addrinfo		 hints, *res;
	struct sockaddr_storage	 local;
	socklen_t		 locallen;
	char			 host[256], rserv[16];
	int			 lport, rport, fd, rv, sz = UDP_SOCKBUF;

	if (udp_parse(args, &lport, host, sizeof(host), &rport, err,
	    errlen) < 0)
		return -1;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_NUMERICSERV;
	snprintf(rserv, sizeof(rserv), "%d", rport);
	if ((rv = getaddrinfo(host, rserv, &hints, &res)) != 0) {
		snprintf(err, errlen, "udp: cannot resolve '%s': %s", host,
		    gai_strerror(rv));
		return -1;
	}
	memset(&local, 0, sizeof(local));
	if (res->ai_family == AF_INET6) {
		struct sockaddr_in6	*sin6 = (struct sockaddr_in6 *)&local;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)lport);
		sin6->sin6_addr = in6addr_any;
		locallen = sizeof(*sin6);
	} else {
		struct sockaddr_in	*sin = (struct sockaddr_in *)&local;

		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)lport);
		sin->sin_addr.s_addr = htonl(INADDR_ANY);
		locallen = sizeof(*sin);
	}
	if ((fd = socket(res->ai_family, SOCK_DGRAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) < 0) {
		snprintf(err, errlen, "udp: socket: %s", strerror(errno));
		freeaddrinfo(res);
		return -1;
	}
	(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	(void)setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	if (bind(fd, (struct sockaddr *)&local, locallen) < 0) {
		snprintf(err, errlen, "udp: cannot bind local port %d: %s",
		    lport, strerror(errno));
		goto fail;
	}
	if (connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
		snprintf(err, errlen, "udp: cannot reach %s port %d: %s",
		    host, rport, strerror(errno));
		goto fail;
	}
	freeaddrinfo(res);
	w->w_fd = fd;
	return 0;
fail:
	close(fd);
	freeaddrinfo(res);
	return -1;
}

static void
udp_read(struct wire *w)
{
	ssize_t	n;
	int	i;

	for (i = 0; i < WIRE_RX_BUDGET; i++) {
		/* MSG_TRUNC: the real length, so oversize frames are seen. */
		n = recv(w->w_fd, w->w_buf, WIRE_FRAME_MAX, MSG_TRUNC);
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return;
			if (errno == EINTR)
				continue;
			wire_count_error(w, WIRE_IN, errno);
			/* A refused earlier send is reported once; go on. */
			if (errno == ECONNREFUSED)
				continue;
			return;
		}
		wire_input(w, w->w_buf, (size_t)n < WIRE_FRAME_MAX ?
		    (size_t)n : WIRE_FRAME_MAX, (size_t)n);
	}
}

static int
udp_send(struct wire *w, const uint8_t *frame, size_t len)
{
	ssize_t	n;

	do
		n = send(w->w_fd, frame, len, 0);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : 0;
}

static void
udp_close(struct wire *w)
{
	close(w->w_fd);
}

const struct wire_ops wire_udp_ops = {
	.wo_kind = "udp",
	.wo_open = udp_open,
	.wo_read = udp_read,
	.wo_send = udp_send,
	.wo_close = udp_close,
};
