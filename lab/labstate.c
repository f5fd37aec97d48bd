/*
 * labstate: the running lab's state file (see labstate.h).  A plain text
 * file a user can read:
 *
 *	dir /home/u/iosh/labs/ccie-13-1
 *	password cisco
 *	router R1 2001 4242
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "lab/labstate.h"
#include "lib/xalloc.h"

#define LINE_MAX_LEN	4200

/* $IOSH_LAB_HOME, or ~/.iosh/labs. */
static char *
lab_home(void)
{
	const char	*env = getenv("IOSH_LAB_HOME");
	char		 buf[4096];

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	snprintf(buf, sizeof(buf), "%s/.iosh/labs",
	    getenv("HOME") != NULL ? getenv("HOME") : ".");
	return xstrdup(buf);
}

void
lab_state_init(struct lab_state *st, const char *name, const char *dir,
    const char *password)
{
	memset(st, 0, sizeof(*st));
	st->ls_home = lab_home();
	st->ls_name = xstrdup(name);
	st->ls_dir = xstrdup(dir);
	st->ls_password = password != NULL ? xstrdup(password) : NULL;
}

void
lab_state_add(struct lab_state *st, const char *router, unsigned port,
    pid_t pid)
{
	struct lab_router	*lr;

	if ((st->ls_routers = realloc(st->ls_routers, (st->ls_nrouters + 1) *
	    sizeof(*st->ls_routers))) == NULL)
		abort();
	lr = &st->ls_routers[st->ls_nrouters++];
	snprintf(lr->lr_name, sizeof(lr->lr_name), "%s", router);
	lr->lr_port = port;
	lr->lr_pid = pid;
}

int
lab_state_save(const struct lab_state *st, char *err, size_t errlen)
{
	char	 path[4200], tmp[4300];
	FILE	*fp;
	size_t	 r;

	snprintf(path, sizeof(path), "%s/%s/lab", st->ls_home, st->ls_name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((fp = fopen(tmp, "w")) == NULL)
		goto fail;
	fprintf(fp, "dir %s\n", st->ls_dir);
	if (st->ls_password != NULL)
		fprintf(fp, "password %s\n", st->ls_password);
	for (r = 0; r < st->ls_nrouters; r++)
		fprintf(fp, "router %s %u %ld\n", st->ls_routers[r].lr_name,
		    st->ls_routers[r].lr_port, (long)st->ls_routers[r].lr_pid);
	if (fclose(fp) != 0 || rename(tmp, path) != 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/current", st->ls_home);
	if ((fp = fopen(path, "w")) == NULL)
		goto fail;
	fprintf(fp, "%s\n", st->ls_name);
	if (fclose(fp) != 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "%s: %s", path, strerror(errno));
	return -1;
}

static int
parse_line(struct lab_state *st, char *line)
{
	char		 name[TOPO_NAME_MAX];
	unsigned	 port;
	long		 pid;

	line[strcspn(line, "\n")] = '\0';
	if (strncmp(line, "dir ", 4) == 0) {
		free(st->ls_dir);
		st->ls_dir = xstrdup(line + 4);
	} else if (strncmp(line, "password ", 9) == 0) {
		free(st->ls_password);
		st->ls_password = xstrdup(line + 9);
	} else if (sscanf(line, "router %31s %u %ld", name, &port, &pid) ==
	    3)
		lab_state_add(st, name, port, (pid_t)pid);
	else if (*line != '\0')
		return -1;
	return 0;
}

int
lab_state_load(struct lab_state *st, char *err, size_t errlen)
{
	char	 path[4400], line[LINE_MAX_LEN], name[256];
	FILE	*fp;

	memset(st, 0, sizeof(*st));
	st->ls_home = lab_home();
	snprintf(path, sizeof(path), "%s/current", st->ls_home);
	if ((fp = fopen(path, "r")) == NULL ||
	    fgets(name, sizeof(name), fp) == NULL) {
		if (fp != NULL)
			fclose(fp);
		if (err != NULL)
			snprintf(err, errlen, "no lab is running (iosh-lab start "
			    "LAB)");
		return -1;
	}
	fclose(fp);
	name[strcspn(name, "\n")] = '\0';
	st->ls_name = xstrdup(name);
	snprintf(path, sizeof(path), "%s/%s/lab", st->ls_home, name);
	if ((fp = fopen(path, "r")) == NULL) {
		if (err != NULL)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		lab_state_free(st);
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL)
		if (parse_line(st, line) != 0) {
			if (err != NULL)
				snprintf(err, errlen, "%s: bad line \"%s\"", path,
				    line);
			fclose(fp);
			lab_state_free(st);
			return -1;
		}
	fclose(fp);
	return 0;
}

/* PID is alive and is an iosh (not a process that reused the number). */
static bool
is_iosh(pid_t pid)
{
	char	 path[64], cmd[256];
	FILE	*fp;
	size_t	 n;

	if (pid <= 0 || kill(pid, 0) != 0)
		return false;
	snprintf(path, sizeof(path), "/proc/%ld/cmdline", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return true;	/* no /proc: trust the pid */
	n = fread(cmd, 1, sizeof(cmd) - 1, fp);
	fclose(fp);
	cmd[n] = '\0';
	return strstr(cmd, "iosh") != NULL;
}

bool
lab_state_running(const struct lab_state *st)
{
	size_t	r;

	for (r = 0; r < st->ls_nrouters; r++)
		if (is_iosh(st->ls_routers[r].lr_pid))
			return true;
	return false;
}

/*
 * When PID started (field 22 of /proc/PID/stat), 0 if it is gone or is a
 * zombie; -1 without /proc.  An exiting process drops its memory first
 * and its other resources (sockets, the console port) after: /proc's
 * cmdline is already empty then, so is_iosh() says "gone" while the task
 * still runs its exit.  The task's state says when it is over.
 */
static long long
proc_start(pid_t pid)
{
	char		 path[64], buf[1024], *p;
	FILE		*fp;
	size_t		 n;
	long long	 start;
	int		 field;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return access("/proc/self/stat", R_OK) == 0 ? 0 : -1;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* The name (field 2) may hold spaces and ')': after the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return 0;
	p += 2;
	if (*p == 'Z' || *p == 'X' || *p == 'x')
		return 0;
	for (field = 3; field < 22 && p != NULL; field++)
		if ((p = strchr(p, ' ')) != NULL)
			p++;
	if (p == NULL || sscanf(p, "%lld", &start) != 1)
		return 0;
	return start;
}

/* Whether every router in START (its start time, 0: not ours) is over;
 * one with a new start time is another process on a reused number. */
static bool
routers_over(const struct lab_state *st, const long long *start)
{
	size_t	r;

	for (r = 0; r < st->ls_nrouters; r++)
		if (start[r] > 0 && proc_start(st->ls_routers[r].lr_pid) ==
		    start[r])
			return false;
		else if (start[r] < 0 && kill(st->ls_routers[r].lr_pid, 0) == 0)
			return false;
	return true;
}

/* Wait up to WAIT_MS for the routers to be over; whether they are. */
static bool
routers_wait(const struct lab_state *st, const long long *start, int wait_ms)
{
	struct timespec	ts = { 0, 50 * 1000000L };
	int		waited;

	for (waited = 0; !routers_over(st, start); waited += 50) {
		if (waited >= wait_ms)
			return false;
		nanosleep(&ts, NULL);
	}
	return true;
}

void
lab_state_stop(struct lab_state *st, int wait_ms)
{
	char		 path[4200];
	long long	*start;
	size_t		 r;

	/* Which processes are the routers is settled once, before any of
	 * them begins to exit. */
	start = xcalloc(st->ls_nrouters + 1, sizeof(*start));
	for (r = 0; r < st->ls_nrouters; r++)
		if (is_iosh(st->ls_routers[r].lr_pid)) {
			start[r] = proc_start(st->ls_routers[r].lr_pid);
			kill(st->ls_routers[r].lr_pid, SIGTERM);
		}
	if (!routers_wait(st, start, wait_ms)) {
		for (r = 0; r < st->ls_nrouters; r++)
			if (start[r] != 0 &&
			    proc_start(st->ls_routers[r].lr_pid) == start[r])
				kill(st->ls_routers[r].lr_pid, SIGKILL);
		/* SIGKILL too ends a process only when its exit is done. */
		(void)routers_wait(st, start, wait_ms);
	}
	free(start);
	snprintf(path, sizeof(path), "%s/current", st->ls_home);
	unlink(path);
}

void
lab_state_router_dir(const struct lab_state *st, const char *router,
    char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s/%s", st->ls_home, st->ls_name, router);
}

const struct lab_router *
lab_state_router(const struct lab_state *st, const char *name)
{
	size_t	r;

	for (r = 0; r < st->ls_nrouters; r++)
		if (strcasecmp(st->ls_routers[r].lr_name, name) == 0)
			return &st->ls_routers[r];
	return NULL;
}

void
lab_state_free(struct lab_state *st)
{
	free(st->ls_home);
	free(st->ls_name);
	free(st->ls_dir);
	free(st->ls_password);
	free(st->ls_routers);
	memset(st, 0, sizeof(*st));
}
