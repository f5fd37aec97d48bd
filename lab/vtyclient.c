/*
 * vtyclient: a telnet client for scripts (see vtyclient.h), on libtelnet
 * like the server side, so option negotiation and IAC escaping are the
 * library's, not ours.
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libtelnet.h>

#include "lab/vtyclient.h"
#include "lib/xalloc.h"

#define PROMPT_MAX	80

struct vtyc {
	int		 vc_fd;
	telnet_t	*vc_tn;
	char		*vc_buf;	/* text received, CR and NUL dropped */
	size_t		 vc_len, vc_cap;
	int		 vc_timeout_ms;
	bool		 vc_failed;	/* write failed or telnet error */
};

/* The server echoes and suppresses go-ahead; nothing else is wanted. */
static const telnet_telopt_t vtyc_telopts[] = {
	{ TELNET_TELOPT_ECHO,	TELNET_WONT,	TELNET_DO },
	{ TELNET_TELOPT_SGA,	TELNET_WONT,	TELNET_DO },
	{ -1, 0, 0 }
};

static void
vtyc_append(struct vtyc *vc, const char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\r' || p[i] == '\0')
			continue;
		if (vc->vc_len + 2 > vc->vc_cap) {
			vc->vc_cap = vc->vc_cap ? vc->vc_cap * 2 : 4096;
			if ((vc->vc_buf = realloc(vc->vc_buf, vc->vc_cap)) ==
			    NULL)
				abort();
		}
		vc->vc_buf[vc->vc_len++] = p[i];
	}
	if (vc->vc_buf != NULL)
		vc->vc_buf[vc->vc_len] = '\0';
}

static void
vtyc_event(telnet_t *tn, telnet_event_t *ev, void *arg)
{
	struct vtyc	*vc = arg;
	const char	*p;
	size_t		 left;
	ssize_t		 n;

	(void)tn;
	switch (ev->type) {
	case TELNET_EV_DATA:
		vtyc_append(vc, ev->data.buffer, ev->data.size);
		break;
	case TELNET_EV_SEND:
		for (p = ev->data.buffer, left = ev->data.size; left > 0;
		    p += n, left -= (size_t)n)
			if ((n = send(vc->vc_fd, p, left, MSG_NOSIGNAL)) < 0) {
				if (errno == EINTR) {
					n = 0;
					continue;
				}
				vc->vc_failed = true;
				break;
			}
		break;
	case TELNET_EV_ERROR:
		vc->vc_failed = true;
		break;
	default:
		break;
	}
}

static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The text after the last newline. */
static const char *
last_line(const struct vtyc *vc)
{
	const char	*nl;

	if (vc->vc_len == 0)
		return "";
	nl = strrchr(vc->vc_buf, '\n');
	return nl != NULL ? nl + 1 : vc->vc_buf;
}

static bool
at_prompt(const struct vtyc *vc)
{
	const char	*l = last_line(vc);
	size_t		 len = strlen(l);

	return len > 1 && len < PROMPT_MAX && strpbrk(l, " \t") == NULL &&
	    (l[len - 1] == '#' || l[len - 1] == '>');
}

static bool
at_password(const struct vtyc *vc)
{
	return strcmp(last_line(vc), "Password: ") == 0;
}

/* Read until a prompt or a password question ends the text; -1 on
 * timeout or a closed connection. */
static int
vtyc_wait(struct vtyc *vc, char *err, size_t errlen)
{
	struct pollfd	 pfd;
	char		 buf[4096];
	long long	 deadline = now_ms() + vc->vc_timeout_ms, left;
	ssize_t		 n;

	for (;;) {
		if (vc->vc_failed) {
			snprintf(err, errlen, "telnet connection failed");
			return -1;
		}
		if (at_prompt(vc) || at_password(vc))
			return 0;
		if ((left = deadline - now_ms()) <= 0) {
			snprintf(err, errlen, "no prompt after %d ms; last "
			    "text: \"%s\"", vc->vc_timeout_ms, last_line(vc));
			return -1;
		}
		pfd.fd = vc->vc_fd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR) {
			snprintf(err, errlen, "poll: %s", strerror(errno));
			return -1;
		}
		if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if ((n = read(vc->vc_fd, buf, sizeof(buf))) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			snprintf(err, errlen, "read: %s", strerror(errno));
			return -1;
		}
		if (n == 0) {
			snprintf(err, errlen, "connection closed by the "
			    "router; last text: \"%s\"", last_line(vc));
			return -1;
		}
		telnet_recv(vc->vc_tn, buf, (size_t)n);
	}
}

static void
vtyc_send_line(struct vtyc *vc, const char *line)
{
	vc->vc_len = 0;
	if (vc->vc_buf != NULL)
		vc->vc_buf[0] = '\0';
	telnet_send(vc->vc_tn, line, strlen(line));
	telnet_send(vc->vc_tn, "\r\n", 2);
}

static int
vtyc_connect(const char *host, unsigned port, char *err, size_t errlen)
{
	struct addrinfo	 hints, *res, *ai;
	char		 serv[8];
	int		 fd = -1, rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	snprintf(serv, sizeof(serv), "%u", port);
	if ((rc = getaddrinfo(host, serv, &hints, &res)) != 0) {
		snprintf(err, errlen, "%s: %s", host, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype,
		    ai->ai_protocol)) < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	if (fd < 0)
		snprintf(err, errlen, "%s port %u: %s", host, port,
		    strerror(errno));
	freeaddrinfo(res);
	return fd;
}

struct vtyc *
vtyc_open(const char *host, unsigned port, const char *password,
    int timeout_ms, char *err, size_t errlen)
{
	struct vtyc	*vc;

	vc = xcalloc(1, sizeof(*vc));
	vc->vc_timeout_ms = timeout_ms;
	if ((vc->vc_fd = vtyc_connect(host, port, err, errlen)) < 0) {
		free(vc);
		return NULL;
	}
	if ((vc->vc_tn = telnet_init(vtyc_telopts, vtyc_event, 0, vc)) ==
	    NULL)
		abort();
	if (vtyc_wait(vc, err, errlen) != 0)
		goto fail;
	if (at_password(vc)) {
		if (password == NULL) {
			snprintf(err, errlen, "the vty asks for a password "
			    "(give it with -p)");
			goto fail;
		}
		vtyc_send_line(vc, password);
		if (vtyc_wait(vc, err, errlen) != 0)
			goto fail;
		if (!at_prompt(vc)) {
			snprintf(err, errlen, "login failed: wrong password");
			goto fail;
		}
	}
	return vc;
fail:
	vtyc_close(vc);
	return NULL;
}

int
vtyc_run(struct vtyc *vc, const char *cmd, const char **out, char *err,
    size_t errlen)
{
	char	*body, *end;

	vtyc_send_line(vc, cmd);
	if (vtyc_wait(vc, err, errlen) != 0)
		return -1;
	if (at_password(vc)) {
		snprintf(err, errlen, "%s: the router asks for a password",
		    cmd);
		return -1;
	}
	/* Drop the echoed command line and the prompt that ends the text. */
	body = strchr(vc->vc_buf, '\n');
	body = body != NULL ? body + 1 : vc->vc_buf + vc->vc_len;
	end = strrchr(vc->vc_buf, '\n');
	end = end != NULL && end >= body ? end + 1 : body;
	*end = '\0';
	*out = body;
	return 0;
}

void
vtyc_close(struct vtyc *vc)
{
	if (vc == NULL)
		return;
	if (vc->vc_tn != NULL)
		telnet_free(vc->vc_tn);
	close(vc->vc_fd);
	free(vc->vc_buf);
	free(vc);
}
