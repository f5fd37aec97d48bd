/*
 * main: options, the router, and the console: readline when both ends are
 * a terminal, line mode otherwise (pipes, files, test transcripts).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"

#include "lib/clock.h"
#include "shell/console.h"
#include "shell/router.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: iosh [--clock EPOCH_SECONDS] [--help] [--version]\n"
	    "\n"
	    "  --clock EPOCH_SECONDS  freeze the clock at that instant "
	    "(deterministic tests)\n"
	    "  --help                 show this help\n"
	    "  --version              show the version\n");
}

int
main(int argc, char **argv)
{
	static const struct option	 opts[] = {
		{ "clock",	required_argument,	NULL,	'c' },
		{ "help",	no_argument,		NULL,	'h' },
		{ "version",	no_argument,		NULL,	'V' },
		{ NULL,		0,			NULL,	0 },
	};
	struct router	 r;
	char		 err[256], *end;
	long long	 epoch;
	int		 ch, rc;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
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
		case 'h':
			usage(stdout);
			return 0;
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
		return 1;
	}
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		rc = console_tty_run(&r);
	else
		rc = console_line_run(&r);
	router_free(&r);
	return rc;
}
