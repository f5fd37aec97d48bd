/*
 * wire_udp: the dynamips/GNS3 UDP NIO — one frame per datagram, nothing
 * else in the payload.
 *
 * Frames are read a batch per system call (recvmmsg into WIRE_RX_BUDGET
 * buffers of the largest frame, allocated once per wire): at the rates a
 * forwarding lab reaches, one recv(2) per frame was the loop's cost.
 * What the router sends during a batch leaves in one sendmmsg(2) at its
 * end (wire.c; the socket is connected: no address per frame).
 *
 * The socket is bound to LOCAL_PORT on the wildcard address and connected
 * to the peer, so the kernel drops datagrams from anyone else and a dead
 * peer shows up as ECONNREFUSED (counted, not fatal: the peer may start
 * later, as routers in a lab do).
 */
#define _GNU_SOURCE	/* recvmmsg(2) */
#include <sys/socket.h>

#include <netinet/in.h>

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/wire_impl.h"
#include "lib/xalloc.h"

/* Room for bursts: many tunnels may arrive while the loop is busy. */
#define UDP_SOCKBUF	(1024 * 1024)

/* The receive batch: one iovec and header per frame, one buffer. */
struct udp_rx {
	struct mmsghdr	ur_msg[WIRE_RX_BUDGET];
	struct iovec	ur_iov[WIRE_RX_BUDGET];
	uint8_t		ur_buf[WIRE_RX_BUDGET][WIRE_FRAME_MAX];
};

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

static struct udp_rx *
udp_rx_new(void)
{
	struct udp_rx	*ur = xmalloc(sizeof(*ur));
	int		 i;

	for (i = 0; i < WIRE_RX_BUDGET; i++) {
		ur->ur_iov[i].iov_base = ur->ur_buf[i];
		ur->ur_iov[i].iov_len = WIRE_FRAME_MAX;
	}
	return ur;
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
	w->w_priv = udp_rx_new();
	return 0;
fail:
	close(fd);
	freeaddrinfo(res);
	return -1;
}

static void
udp_read(struct wire *w)
{
	struct udp_rx	*ur = w->w_priv;
	const uint8_t	*frames[WIRE_RX_BUDGET];
	size_t		 len, lens[WIRE_RX_BUDGET], caplens[WIRE_RX_BUDGET];
	int		 i, n;

	for (i = 0; i < WIRE_RX_BUDGET; i++) {
		memset(&ur->ur_msg[i].msg_hdr, 0, sizeof(ur->ur_msg[i].msg_hdr));
		ur->ur_msg[i].msg_hdr.msg_iov = &ur->ur_iov[i];
		ur->ur_msg[i].msg_hdr.msg_iovlen = 1;
	}
	for (;;) {
		/* MSG_TRUNC: the real length, so oversize frames are seen. */
		n = recvmmsg(w->w_fd, ur->ur_msg, WIRE_RX_BUDGET, MSG_TRUNC,
		    NULL);
		if (n >= 0)
			break;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return;
		wire_count_error(w, WIRE_IN, errno);
		/* A refused earlier send is reported once; go on. */
		if (errno != ECONNREFUSED)
			return;
	}
	if (n > 0)
		w->w_stats.ws_in_batches++;
	/* The read as one burst (wire_input_burst): its frames stay in
	 * ur_buf until the next read. */
	for (i = 0; i < n; i++) {
		len = ur->ur_msg[i].msg_len;
		frames[i] = ur->ur_buf[i];
		lens[i] = len;
		caplens[i] = len < WIRE_FRAME_MAX ? len : WIRE_FRAME_MAX;
	}
	if (n > 0)
		wire_input_burst(w, frames, caplens, lens, (size_t)n);
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
	free(w->w_priv);
}

const struct wire_ops wire_udp_ops = {
	.wo_kind = "udp",
	.wo_open = udp_open,
	.wo_read = udp_read,
	.wo_send = udp_send,
	.wo_send_many = wire_sendmmsg,
	.wo_close = udp_close,
};
