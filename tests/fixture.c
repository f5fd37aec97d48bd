/*
 * fixture: the router + captured session the Check tests share (see
 * fixture.h).
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/evloop.h"
#include "lib/xalloc.h"
#include "tests/fixture.h"

static void
fx_capture(void *arg, const char *text, size_t len)
{
	struct fixture	*fx = arg;

	strbuf_add(&fx->fx_out, text, len);
}

static const struct console_ops fx_ops = { fx_capture, fx_capture };

void
fx_open(struct fixture *fx, const char *nvram_dir)
{
	char	err[256];

	memset(fx, 0, sizeof(*fx));
	ck_assert_msg(router_init(&fx->fx_rt, "/usr/bin/iosh", err,
	    sizeof(err)) == 0, "router_init: %s", err);
	if (nvram_dir != NULL &&
	    (fx->fx_rt.r_nvram_dir = strdup(nvram_dir)) == NULL)
		abort();
	strbuf_init(&fx->fx_out);
	fx->fx_sess = session_new(&fx->fx_rt, &fx_ops, fx);
}

void
fx_close(struct fixture *fx)
{
	router_free(&fx->fx_rt);
	strbuf_free(&fx->fx_out);
	fx->fx_sess = NULL;
}

const char *
fx_run(struct fixture *fx, const char *line)
{
	strbuf_reset(&fx->fx_out);
	ck_assert_msg(session_execute(fx->fx_sess, line), "%s: session ended",
	    line);
	return fx->fx_out.sb_buf;
}

void
fx_run_quiet(struct fixture *fx, const char *text)
{
	char		*copy, *line, *save = NULL;
	const char	*out;

	copy = xstrdup(text);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		out = fx_run(fx, line);
		ck_assert_msg(out[0] == '\0' ||
		    strncmp(out, "00:00:00: %", 11) == 0, "%s: %s", line, out);
	}
	free(copy);
}

void
fx_config(struct fixture *fx, const char *text)
{
	fx_run(fx, "configure terminal");
	fx_run_quiet(fx, text);
	fx_run(fx, "end");
}

void
fx_config_notes(struct fixture *fx, const char *text)
{
	char		*copy, *line, *save = NULL;
	const char	*out;

	copy = xstrdup(text);
	fx_run(fx, "configure terminal");
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		out = fx_run(fx, line);
		ck_assert_msg(strstr(out, "% ") == NULL ||
		    strstr(out, "% NOTE:") != NULL, "%s: %s", line, out);
	}
	fx_run(fx, "end");
	free(copy);
}

void
fx_pump(struct fixture *fx, int n)
{
	int	i, r;

	for (i = 0; i < 40; i++)
		for (r = 0; r < n; r++)
			evloop_once(fx[r].fx_rt.r_loop, 1);
}

struct dataplane *
fx_dp(struct fixture *fx)
{
	return fx->fx_rt.r_sys.sy_dp;
}

const char *
fx_prompt(struct fixture *fx)
{
	static struct strbuf	sb;

	strbuf_free(&sb);
	session_prompt(fx->fx_sess, &sb);
	return sb.sb_buf;
}

const char *
fx_invalid_at(size_t col)
{
	static char	buf[256];

	snprintf(buf, sizeof(buf), "%*s^\n%% Invalid input detected at "
	    "'^' marker.\n\n", (int)col, "");
	return buf;
}

size_t
fx_hex(const char *s, uint8_t *out, size_t max)
{
	size_t	n = 0;
	int	hi = -1, v;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n')
			continue;
		v = *s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10;
		if (hi < 0)
			hi = v;
		else {
			ck_assert_uint_lt(n, max);
			out[n++] = (uint8_t)(hi << 4 | v);
			hi = -1;
		}
	}
	ck_assert_int_lt(hi, 0);
	return n;
}

int
fx_udp_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof(sin);
	int			fd;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	ck_assert_int_ge(fd, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	close(fd);
	return ntohs(sin.sin_port);
}

void
fx_wire(struct fixture *a, const char *ifa, struct fixture *b,
    const char *ifb)
{
	int	pa = fx_udp_port(), pb = fx_udp_port();

	fx_attach_udp(a, ifa, pa, pb);
	fx_attach_udp(b, ifb, pb, pa);
}

void
fx_attach_udp(struct fixture *fx, const char *name, int lport, int rport)
{
	char	spec[64], err[256];

	snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", lport, rport);
	ck_assert_msg(router_attach(&fx->fx_rt, name, spec, err,
	    sizeof(err)) == 0, "%s", err);
}
