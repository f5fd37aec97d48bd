/*
 * libFuzzer target: the telnet protocol (libtelnet and iosh's handling
 * of its events: options, NAWS, the escape keys) and the vty line
 * editor, before and after login.
 *
 * One router serves its vty lines (`line vty 0 4`, `password cisco`,
 * `login`).  Each input is one connection, a socketpair the telnet
 * server adopts as if it had accepted it (telnet_server_adopt: no TCP
 * handshake per input): the server's "Password: " awaited, then, when the first
 * byte is odd, the right password and the exec prompt; the rest of the
 * input is written as the client's bytes while the server's output is
 * read and judged; the connection is closed and the server left with no
 * session.  After login the session is in user EXEC with no enable
 * password set, so what the fuzzer types cannot change the
 * configuration: inputs stay independent.
 *
 * Reached (reach.h): "login" counts inputs before login whose line the
 * login dialog judged (a second "Password: " or "% Bad passwords"),
 * "echo" inputs after login the line editor answered, "exec" those that
 * made the session print its prompt again (a line executed).
 */
#define _GNU_SOURCE	/* memmem: telnet output holds NULs */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/strbuf.h"
#include "shell/console_telnet.h"
#include "shell/router.h"
#include "shell/session.h"
#include "fuzz/reach.h"

#define OUT_KEEP	(64 * 1024)	/* output judged; the rest read */

static struct router		 rt;
static struct telnet_server	*ts;
static struct reach		 reached[] = {
	{ "login", 0 }, { "echo", 0 }, { "exec", 0 },
};

static void
discard(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	(void)len;
}

static const struct console_ops discard_ops = { discard, discard };

static const char *const cfg[] = {
	"enable", "configure terminal", "no logging console",
	"line vty 0 4", "password cisco", "login", "end",
};

static void
fuzz_init(void)
{
	struct session	*s;
	struct strbuf	 e;
	char		 err[256];
	size_t		 i;

	clock_use_frozen(1700000000000LL);
	if (router_init(&rt, "iosh", err, sizeof(err)) < 0) {
		fprintf(stderr, "fuzz_telnet: %s\n", err);
		abort();
	}
	s = session_new(&rt, &discard_ops, NULL);
	for (i = 0; i < sizeof(cfg) / sizeof(cfg[0]); i++)
		session_execute(s, cfg[i]);
	session_free(s);
	strbuf_init(&e);
	/* Its listener is not used: connections are adopted. */
	if ((ts = telnet_server_new(&rt, "127.0.0.1:0", &e)) == NULL) {
		fprintf(stderr, "fuzz_telnet: %s\n", e.sb_buf);
		abort();
	}
	strbuf_free(&e);
	reach_init("fuzz_telnet", reached,
	    sizeof(reached) / sizeof(reached[0]));
}

/* What FD has for us, the first OUT_KEEP bytes kept in OUT; -1 once
 * the server closed. */
static int
drain(int fd, struct strbuf *out)
{
	char	buf[16384];
	ssize_t	n;
	int	got = 0;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n > 0) {
			if (out->sb_len < OUT_KEEP)
				strbuf_add(out, buf, (size_t)n);
			got = 1;
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return got;
		return -1;
	}
}

static size_t
count(const struct strbuf *sb, size_t from, const char *text)
{
	const char	*p = sb->sb_buf + from, *end = sb->sb_buf + sb->sb_len;
	size_t		 n = 0, tl = strlen(text);

	while (p < end && (p = memmem(p, (size_t)(end - p), text, tl)) !=
	    NULL) {
		n++;
		p += tl;
	}
	return n;
}

/* Write DATA while the server runs; pump until it is quiet (bounded). */
static int
exchange(int fd, const uint8_t *data, size_t len, struct strbuf *out)
{
	size_t	sent = 0;
	ssize_t	n;
	int	quiet = 0, round, r;

	for (round = 0; round < 400 && quiet < 3; round++) {
		if (sent < len) {
			n = write(fd, data + sent, len - sent);
			if (n > 0)
				sent += (size_t)n;
		}
		evloop_once(rt.r_loop, 0);
		if ((r = drain(fd, out)) < 0)
			return -1;
		quiet = (r == 0 && sent == len) ? quiet + 1 : 0;
	}
	return 0;
}

static void
wait_for(int fd, struct strbuf *out, const char *text)
{
	int	i;

	for (i = 0; i < 200 && count(out, 0, text) == 0; i++) {
		evloop_once(rt.r_loop, 0);
		if (drain(fd, out) < 0)
			return;
	}
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct telnet_stats	 st;
	struct strbuf		 out;
	size_t			 mark;
	bool			 login;
	int			 fd, sv[2], i;

	if (ts == NULL)
		fuzz_init();
	if (size < 1)
		return 0;
	reach_inputs++;
	login = data[0] & 1;
	/* A socketpair the server adopts as if it had accepted it: what
	 * it serves is the same, without TCP's handshake and teardown on
	 * every input. */
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 ||
	    telnet_server_adopt(ts, sv[1]) != 0 ||
	    fcntl(sv[0], F_SETFL, O_NONBLOCK) != 0)
		abort();
	fd = sv[0];
	strbuf_init(&out);
	wait_for(fd, &out, "Password: ");
	if (login) {
		if (write(fd, "cisco\r\n", 7) != 7)
			abort();
		wait_for(fd, &out, "Router>");
	}
	mark = out.sb_len;
	if (exchange(fd, data + 1, size - 1, &out) == 0) {
		if (!login && (count(&out, 0, "Password: ") > 1 ||
		    count(&out, 0, "% Bad passwords") > 0))
			reached[0].r_n++;
		if (login && out.sb_len > mark)
			reached[1].r_n++;
		if (login && count(&out, mark, "Router>") > 0)
			reached[2].r_n++;
	}
	close(fd);
	/* The server notices the close and frees the session. */
	for (i = 0; i < 200; i++) {
		telnet_server_stats(ts, &st);
		if (st.tst_sessions == 0)
			break;
		evloop_once(rt.r_loop, 0);
	}
	strbuf_free(&out);
	return 0;
}
