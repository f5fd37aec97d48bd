/*
 * fwd_tool: one router on one wire, for the namespace test, with a pcap
 * capture of its traffic (until the ping helper's `monitor capture`
 * command exists, this is how a test makes iosh write one).
 *
 *   fwd_tool NAME=SPEC ADDR MASK FILE SECONDS
 *	attach NAME to SPEC, give it ADDR MASK, capture the wire into FILE
 *	(Ethernet link type) while serving for SECONDS, then print
 *	`show interfaces NAME` and `show arp`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/capture.h"
#include "dataplane/dp.h"
#include "dataplane/wire.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "shell/session.h"

static void
out(void *arg, const char *text, size_t len)
{
	(void)arg;
	fwrite(text, 1, len, stdout);
}

static const struct console_ops	ops = { out, out };

static void
stop(void *arg)
{
	evloop_stop(arg);
}

int
main(int argc, char **argv)
{
	struct router	 r;
	struct session	*s;
	struct capture	*cap;
	char		 err[256], line[256], *eq;

	if (argc != 6 || (eq = strchr(argv[1], '=')) == NULL) {
		fprintf(stderr, "usage: fwd_tool NAME=SPEC ADDR MASK FILE "
		    "SECONDS\n");
		return 2;
	}
	*eq = '\0';
	if (router_init(&r, argv[0], err, sizeof(err)) < 0 ||
	    router_attach(&r, argv[1], eq + 1, err, sizeof(err)) < 0) {
		fprintf(stderr, "fwd_tool: %s\n", err);
		return 1;
	}
	if ((cap = capture_open(argv[4], CAPTURE_LINKTYPE_ETHERNET, 0, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "fwd_tool: %s\n", err);
		return 1;
	}
	wire_set_capture(dp_iface_wire(dp_iface_find(r.r_sys.sy_dp,
	    argv[1])), cap, WIRE_CAP_BOTH);
	s = session_new(&r, &ops, NULL);
	session_execute(s, "enable");
	session_execute(s, "configure terminal");
	snprintf(line, sizeof(line), "interface %s", argv[1]);
	session_execute(s, line);
	snprintf(line, sizeof(line), "ip address %s %s", argv[2], argv[3]);
	session_execute(s, line);
	session_execute(s, "end");
	evloop_timer_add(r.r_loop, strtoull(argv[5], NULL, 10) * 1000, stop,
	    r.r_loop);
	evloop_run(r.r_loop);
	wire_set_capture(dp_iface_wire(dp_iface_find(r.r_sys.sy_dp,
	    argv[1])), NULL, 0);
	if (capture_close(cap) < 0) {
		fprintf(stderr, "fwd_tool: capture write failed\n");
		return 1;
	}
	snprintf(line, sizeof(line), "show interfaces %s", argv[1]);
	session_execute(s, line);
	session_execute(s, "show arp");
	router_free(&r);
	return 0;
}
