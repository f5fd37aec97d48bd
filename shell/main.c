/*
 * main: options, the router and its startup-config, and the console:
 * readline when both ends are a terminal, line mode otherwise (pipes,
 * files, test transcripts).  With --telnet the vty lines are served too,
 * and the router outlives its console: the end of stdin (or the console's
 * `exit`) leaves it serving telnet until SIGTERM, SIGINT or SIGHUP.
 * --attach puts interfaces on wires (dataplane/wire.h) before the
 * startup-config loads, as IOS finds its hardware before its config.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "shell/console.h"
#include "shell/console_ssh.h"
#include "shell/console_telnet.h"
#include "shell/nvram.h"
#include "shell/router.h"
#include "shell/startup.h"
#include "shell/vty_conn.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: iosh [--attach NAME=SPEC]... [--clock EPOCH_SECONDS] "
	    "[--nvram DIR]\n"
	    "            [--telnet [ADDR:]PORT] [--ssh [ADDR:]PORT] "
	    "[--console [ADDR:]PORT]\n"
	    "            [--help] [--version]\n"
	    "\n"
	    "  --attach NAME=SPEC     put interface NAME on a wire: "
	    "udp:LPORT:HOST:RPORT,\n"
	    "                         tap:TAPNAME or pcap:IFNAME "
	    "(repeatable)\n"
	    "  --clock EPOCH_SECONDS  freeze the clock at that instant "
	    "(deterministic tests)\n"
	    "  --nvram DIR            the router's nvram: DIR/startup-config "
	    "is loaded at\n"
	    "                         start and written by `write memory` "
	    "(default\n"
	    "                         $HOME/.iosh/nvram, created when first "
	    "written)\n"
	    "  --telnet [ADDR:]PORT   serve the vty lines over telnet "
	    "(ADDR 127.0.0.1 by\n"
	    "                         default, PORT 0: any); iosh then runs "
	    "until SIGTERM,\n"
	    "                         SIGINT or SIGHUP, after its console "
	    "input ends\n"
	    "  --console [ADDR:]PORT  serve line con 0 over telnet, one "
	    "connection at a\n"
	    "                         time, as a terminal server or GNS3 "
	    "gives a console\n"
	    "  --help                 show this help\n"
	    "  --version              show the version\n");
}

/* A telnet server on SPEC for the vty lines, or with CONSOLE for line con
 * 0, said where on stderr; NULL after saying why. */
static struct telnet_server *
telnet_open(struct router *r, const char *spec, bool console)
{
	const char		*what = console ? "console" : "vty";
	struct telnet_server	*srv;
	struct strbuf		 sb;

	strbuf_init(&sb);
	srv = console ? telnet_console_new(r, spec, &sb) :
	    telnet_server_new(r, spec, &sb);
	if (srv == NULL)
		fprintf(stderr, "iosh: --%s: %s\n", console ? "console" :
		    "telnet", sb.sb_buf);
	else {
		strbuf_reset(&sb);
		telnet_server_addr(srv, &sb);
		fprintf(stderr, "iosh: telnet %s on %s\n", what, sb.sb_buf);
	}
	strbuf_free(&sb);
	return srv;
}

int
main(int argc, char **argv)
{
	static const struct option	 opts[] = {
		{ "attach",	required_argument,	NULL,	'a' },
		{ "clock",	required_argument,	NULL,	'c' },
		{ "console",	required_argument,	NULL,	'C' },
		{ "help",	no_argument,		NULL,	'h' },
		{ "nvram",	required_argument,	NULL,	'n' },
		{ "ssh",	required_argument,	NULL,	's' },
		{ "telnet",	required_argument,	NULL,	't' },
		{ "version",	no_argument,		NULL,	'V' },
		{ NULL,		0,			NULL,	0 },
	};
	struct router	 r;
	struct strbuf	 report;
	struct telnet_server *ts = NULL, *cs = NULL;
	struct ssh_server *ss = NULL;
	char		 err[256], *end, *nvram = NULL, *eq;
	const char	*telnet = NULL, *ssh = NULL, *console = NULL;
	char		**attach = NULL;
	size_t		 nattach = 0, i;
	long long	 epoch;
	int		 ch, rc;

	console_line_stdout();
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			if ((eq = strchr(optarg, '=')) == NULL ||
			    eq == optarg || eq[1] == '\0') {
				fprintf(stderr, "iosh: --attach: expected "
				    "NAME=SPEC: %s\n", optarg);
				return 2;
			}
			attach = realloc(attach, (nattach + 1) *
			    sizeof(*attach));
			if (attach == NULL)
				abort();
			attach[nattach++] = optarg;
			break;
		case 'c':
			errno = 0;
			epoch = strtoll(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    epoch < 0 || epoch > INT64_MAX / 1000) {
				fprintf(stderr, "iosh: --clock: bad epoch "
				    "seconds: %s\n", optarg);
				return 2;
			}
			clock_use_frozen((int64_t)epoch * 1000);
			break;
		case 'C':
			console = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'n':
			free(nvram);
			nvram = xstrdup(optarg);
			break;
		case 's':
			ssh = optarg;
			break;
		case 't':
			telnet = optarg;
			break;
		case 'V':
			printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (router_init(&r, argv[0], err, sizeof(err)) < 0) {
		fprintf(stderr, "iosh: grammar: %s\n", err);
		router_free(&r);
		free(nvram);
		return 1;
	}
	r.r_nvram_dir = nvram != NULL ? nvram : nvram_default_dir();
	for (i = 0; i < nattach; i++) {
		eq = strchr(attach[i], '=');
		*eq = '\0';
		if (router_attach(&r, attach[i], eq + 1, err,
		    sizeof(err)) < 0) {
			fprintf(stderr, "iosh: --attach %s: %s\n", attach[i],
			    err);
			free(attach);
			router_free(&r);
			return 2;
		}
	}
	free(attach);
	/* As IOS at boot: the startup-config loads quietly; only what goes
	 * wrong is shown, before the first prompt. */
	strbuf_init(&report);
	startup_load_to(&r, stdout);
	if ((telnet != NULL && (ts = telnet_open(&r, telnet, false)) == NULL) ||
	    (console != NULL && (cs = telnet_open(&r, console, true)) == NULL)) {
		strbuf_free(&report);
		telnet_server_free(ts);
		router_free(&r);
		return 1;
	}
	if (ssh != NULL) {
		strbuf_reset(&report);
		if ((ss = ssh_server_new(&r, ssh, &report)) == NULL) {
			fprintf(stderr, "iosh: --ssh: %s\n", report.sb_buf);
			strbuf_free(&report);
			telnet_server_free(ts);
			telnet_server_free(cs);
			router_free(&r);
			return 1;
		}
		strbuf_reset(&report);
		ssh_server_addr(ss, &report);
		fprintf(stderr, "iosh: ssh vty on %s\n", report.sb_buf);
	}
	strbuf_free(&report);
	fflush(stdout);
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		rc = console_tty_run(&r);
	else
		rc = console_line_run(&r);
	if (ts != NULL || ss != NULL || cs != NULL) {
		fflush(stdout);
		if (vty_serve(&r) < 0)
			rc = 1;
		telnet_server_free(cs);
		telnet_server_free(ts);
		ssh_server_free(ss);
	}
	router_free(&r);
	return rc;
}
