/*
 * libFuzzer target: a whole router fed an untrusted configuration.
 *
 * Pasted running-configs and startup-config files go line by line through
 * the session, the grammar of every mode and every subsystem's handlers
 * (crypto, dataplane, shell), then back out through `show running-config`
 * and the show commands.  Each input is one configuration: the router's
 * configuration is torn down and rebuilt between inputs, as `reload` does,
 * so a finding reproduces from its input alone.  The nvram is a private
 * temporary directory, emptied after each input, so `write memory` and
 * `reload` in an input touch nothing else and carry nothing over.
 *
 * Reached (reach.h): inputs whose `show running-config` came out longer
 * than an empty router's ("built": the grammar took a line and a handler
 * built an object).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/clock.h"
#include "shell/nvram.h"
#include "shell/router.h"
#include "shell/session.h"
#include "fuzz/reach.h"

static struct router	 rt;
static char		 nvram[] = "/tmp/iosh-fuzz-nvram.XXXXXX";

static size_t		 counted, empty_len;
static struct reach	 reached[] = { { "built", 0 } };

static void
count(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	counted += len;
}

static const struct console_ops count_ops = { count, count };

/* How long the router's running-config is. */
static size_t
runcfg_len(void)
{
	struct session	*s = session_new(&rt, &count_ops, NULL);

	session_execute(s, "enable");
	counted = 0;
	session_execute(s, "show running-config");
	session_free(s);
	return counted;
}

/* After every input: what the input built must render and show. */
static const char *const probes[] = {
	"show running-config",
	"show crypto isakmp policy",
	"show crypto isakmp key",
	"show crypto map",
	"show crypto ipsec transform-set",
	"show access-lists",
	"show ip interface brief",
	"show ip route",
	"show debugging",
};

static void
fuzz_cleanup(void)
{
	nvram_remove(nvram, NVRAM_STARTUP);
	rmdir(nvram);
}

static void
fuzz_init(void)
{
	char	err[256];

	clock_use_frozen(1700000000000LL);
	if (mkdtemp(nvram) == NULL || router_init(&rt, "iosh", err,
	    sizeof(err)) < 0) {
		fprintf(stderr, "fuzz_config: %s\n", err);
		abort();
	}
	if ((rt.r_nvram_dir = strdup(nvram)) == NULL)
		abort();
	atexit(fuzz_cleanup);
	empty_len = runcfg_len();
	reach_init("fuzz_config", reached, 1);
}

/* Feed one line; an `exit` from exec ends the session: start another.
 * What sessions print is only counted (the probes' first is `show
 * running-config`, whose length is the reach test). */
static struct session *
feed(struct session *s, const char *line)
{
	if (!session_execute(s, line)) {
		session_free(s);
		s = session_new(&rt, &count_ops, NULL);
		session_execute(s, "enable");
	}
	return s;
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session	*s;
	char		*text, *line, *nl;
	size_t		 i;

	if (rt.r_loop == NULL)
		fuzz_init();
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';	/* an embedded NUL just ends the input */

	s = session_new(&rt, &count_ops, NULL);
	s = feed(s, "enable");
	s = feed(s, "configure terminal");
	for (line = text; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		s = feed(s, line);
	}
	s = feed(s, "end");
	/* The input's own `end`/`exit` lines may leave the session in
	 * exec already: a fresh one shows the running-config the same
	 * way runcfg_len() measured the empty router's. */
	session_free(s);
	s = session_new(&rt, &count_ops, NULL);
	s = feed(s, "enable");
	counted = 0;
	s = feed(s, probes[0]);
	reach_inputs++;
	if (counted > empty_len)
		reached[0].r_n++;
	for (i = 1; i < sizeof(probes) / sizeof(probes[0]); i++)
		s = feed(s, probes[i]);
	session_free(s);
	free(text);

	router_config_free(&rt);
	router_config_new(&rt);
	nvram_remove(nvram, NVRAM_STARTUP);
	return 0;
}
