/*
 * iosh-lab: bring up a lab of iosh routers and reach their consoles.
 *
 *	iosh-lab [-r] [-b PORT] start LAB
 *					one iosh process per router, wired as
 *					the topology says, telnet consoles on
 *					127.0.0.1 (port-base + N; -b moves
 *					port-base, e.g. for two labs at once)
 *	iosh-lab status			the routers, their ports and processes
 *	iosh-lab console ROUTER		telnet to the router's console line
 *	iosh-lab [-p PW] [-t SEC] exec ROUTER 'command' ...
 *					run the commands on the router's vty,
 *					print their output (for scripts)
 *	iosh-lab stop			end the lab's processes
 *
 * LAB is a lab directory (a `topology` file and ROUTER.cfg files) or the
 * name of one under ./labs or the installed labs.  State lives in
 * $IOSH_LAB_HOME (default ~/.iosh/labs): per lab a directory with each
 * router's nvram and console log, and `current` naming the lab the other
 * commands act on.  A router's nvram starts as its .cfg and keeps what
 * `write memory` saves; -r starts again from the .cfg files.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lab/graph.h"
#include "lab/labstate.h"
#include "lab/topology.h"
#include "lab/vtyclient.h"

#ifndef IOSH_LABS_DIR
#define IOSH_LABS_DIR	"/usr/local/share/iosh/labs"
#endif

/* How long a router may take to open its console, and to stop. */
#define START_WAIT_MS	10000
#define STOP_WAIT_MS	5000
#define EXEC_TIMEOUT_S	120

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list	ap;

	fputs("iosh-lab: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* The usage text: asked for (--help) on stdout with success, after a
 * mistake on stderr with 2. */
static void __attribute__((noreturn))
usage_exit(int status)
{
	fprintf(status == 0 ? stdout : stderr,
	    "usage: iosh-lab [-r] [-b PORT] start LAB\n"
	    "       iosh-lab status\n"
	    "       iosh-lab console ROUTER\n"
	    "       iosh-lab [-p PASSWORD] [-t SECONDS] exec ROUTER "
	    "'command' ...\n"
	    "       iosh-lab stop\n"
	    "       iosh-lab [-o FILE.svg|FILE.png|FILE.dot] graph LAB\n"
	    "       iosh-lab --help\n"
	    "exec exits 1 when a command printed an IOS error (%% Invalid "
	    "input, %% Incomplete\ncommand, %% Ambiguous command, "
	    "%% Unknown command).\n");
	exit(status);
}

static void __attribute__((noreturn))
usage(void)
{
	usage_exit(2);
}

static bool
is_dir(const char *path)
{
	struct stat	st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory this program lives in (for the iosh beside it). */
static void
self_dir(char *buf, size_t len)
{
	ssize_t	n;
	char	*slash;

	if ((n = readlink("/proc/self/exe", buf, len - 1)) <= 0) {
		buf[0] = '\0';
		return;
	}
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) != NULL)
		*slash = '\0';
}

/* LAB as a directory: a path, ./labs/LAB, beside us, or installed. */
static void
lab_find(const char *lab, char *dir, size_t len)
{
	char	self[PATH_MAX], cand[PATH_MAX + 64];
	const char *bases[3];
	size_t	i;

	if (strchr(lab, '/') != NULL || is_dir(lab)) {
		if (realpath(lab, dir) == NULL)
			die("%s: %s", lab, strerror(errno));
		return;
	}
	self_dir(self, sizeof(self));
	bases[0] = "labs";
	bases[1] = self;
	bases[2] = IOSH_LABS_DIR;
	for (i = 0; i < 3; i++) {
		snprintf(cand, sizeof(cand), "%s%s/%s", bases[i],
		    i == 1 ? "/labs" : "", lab);
		if (is_dir(cand) && realpath(cand, dir) != NULL)
			return;
	}
	(void)len;
	die("no lab \"%s\" (looked in ./labs, %s/labs and %s)", lab, self,
	    IOSH_LABS_DIR);
}

static void
mkdirs(const char *path)
{
	char	tmp[PATH_MAX], *p;

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (p = tmp + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
				die("mkdir %s: %s", tmp, strerror(errno));
			*p = '/';
		}
	if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
		die("mkdir %s: %s", tmp, strerror(errno));
}

static void
copy_file(const char *from, const char *to)
{
	FILE	*in, *out;
	char	 buf[8192];
	size_t	 n;

	if ((in = fopen(from, "r")) == NULL)
		die("%s: %s", from, strerror(errno));
	if ((out = fopen(to, "w")) == NULL)
		die("%s: %s", to, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			die("%s: %s", to, strerror(errno));
	if (ferror(in) || fclose(out) != 0)
		die("copying %s to %s failed", from, to);
	fclose(in);
}

/* Close every descriptor from FIRST up (close_range(2) where the kernel
 * has it, else each one /proc/self/fd lists). */
static void
close_from(int first)
{
	DIR		*d;
	struct dirent	*de;
	int		 fd;

#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0)
		return;
#endif
	if ((d = opendir("/proc/self/fd")) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		fd = atoi(de->d_name);
		if (fd >= first && fd != dirfd(d))
			close(fd);
	}
	closedir(d);
}

/* Start one router: iosh with its nvram, console port and wires. */
static pid_t
router_spawn(const struct topology *t, size_t r, const char *iosh,
    const char *rdir)
{
	char	 nvram[PATH_MAX + 16], log[PATH_MAX + 16], telnet[32], con[32];
	/* Every link could have both ends on this router (a cable looped
	 * back): two specs per link, two words per spec. */
	char	 specs[2 * TOPO_LINKS_MAX + TOPO_ATTACH_MAX]
		     [TOPO_NAME_MAX + TOPO_SPEC_MAX + 2];
	char	*argv[10 + 4 * TOPO_LINKS_MAX + 2 * TOPO_ATTACH_MAX];
	size_t	 l, argc = 0, ns = 0;
	int	 end, fd;
	pid_t	 pid;

	snprintf(nvram, sizeof(nvram), "%s/nvram", rdir);
	snprintf(log, sizeof(log), "%s/console.log", rdir);
	snprintf(telnet, sizeof(telnet), "127.0.0.1:%u",
	    topo_console_port(t, r));
	argv[argc++] = (char *)iosh;
	argv[argc++] = "--nvram";
	argv[argc++] = nvram;
	argv[argc++] = "--telnet";
	argv[argc++] = telnet;
	/* Line con 0 on a port of its own, as GNS3 gives a router's
	 * console: no vty password, log messages without terminal
	 * monitor. */
	snprintf(con, sizeof(con), "127.0.0.1:%u",
	    topo_console_port(t, r) + TOPO_CON_LINE_OFFSET);
	argv[argc++] = "--console";
	argv[argc++] = con;
	for (l = 0; l < t->t_nlinks; l++)
		for (end = 0; end < 2; end++) {
			if (t->t_links[l].tl_router[end] != r)
				continue;
			topo_attach_spec(t, l, end, specs[ns],
			    sizeof(specs[ns]));
			argv[argc++] = "--attach";
			argv[argc++] = specs[ns++];
		}
	/* Wires out of the lab (tap:, pcap:), as the topology names them. */
	for (l = 0; l < t->t_nattach; l++) {
		if (t->t_attach[l].ta_router != r)
			continue;
		topo_attach_extra(t, l, specs[ns], sizeof(specs[ns]));
		argv[argc++] = "--attach";
		argv[argc++] = specs[ns++];
	}
	argv[argc] = NULL;
	if ((pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (pid > 0)
		return pid;
	/* The router outlives us: its own session, no terminal; its
	 * console (which ends at once on /dev/null) goes to the log. */
	setsid();
	if ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	/* A daemon keeps only what it owns: a descriptor our caller left
	 * open (expect's spawn pipe, a script's `exec 4>&1`) would keep
	 * that caller waiting for an EOF until the lab stops. */
	close_from(STDERR_FILENO + 1);
	execvp(iosh, argv);
	fprintf(stderr, "iosh-lab: %s: %s\n", iosh, strerror(errno));
	_exit(127);
}

/* Whether something accepts TCP connections on 127.0.0.1:PORT. */
static bool
port_open(unsigned port)
{
	struct sockaddr_in	sin;
	int			fd;
	bool			ok;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return false;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ok = connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0;
	close(fd);
	return ok;
}

/* Wait until the router's console answers; false if it died first. */
static bool
router_wait(pid_t pid, unsigned port)
{
	struct timespec	ts = { 0, 50 * 1000000L };
	int		waited, status;

	for (waited = 0; waited < START_WAIT_MS; waited += 50) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return false;
		if (port_open(port))
			return true;
		nanosleep(&ts, NULL);
	}
	return false;
}

/* `graph LAB`: the topology drawn by Graphviz (lab/graph.c). */
static void
lab_graph(const char *lab, const char *outfile)
{
	struct topology	t;
	char		dir[PATH_MAX], topo[PATH_MAX + 16], err[512];

	lab_find(lab, dir, sizeof(dir));
	snprintf(topo, sizeof(topo), "%s/topology", dir);
	if (topo_load(&t, topo, err, sizeof(err)) != 0)
		die("%s", err);
	if (graph_render(&t, dir, strrchr(dir, '/') + 1, outfile, err,
	    sizeof(err)) != 0) {
		topo_free(&t);
		die("%s", err);
	}
	topo_free(&t);
}

static void
lab_start(const char *lab, bool reset, unsigned port_base)
{
	struct topology		 t;
	struct lab_state	 st;
	char			 dir[PATH_MAX], topo[PATH_MAX + 16], err[512];
	char			 self[PATH_MAX], iosh[PATH_MAX + 8];
	char			 rdir[PATH_MAX], cfg[PATH_MAX * 2];
	char			 startup[PATH_MAX + 32];
	const char		*name;
	size_t			 r;

	lab_find(lab, dir, sizeof(dir));
	snprintf(topo, sizeof(topo), "%s/topology", dir);
	if (topo_load(&t, topo, err, sizeof(err)) != 0)
		die("%s", err);
	if (port_base != 0)
		t.t_port_base = port_base;
	name = strrchr(dir, '/') + 1;
	if (lab_state_load(&st, NULL, 0) == 0 && lab_state_running(&st))
		die("lab %s is running: `iosh-lab stop` first", st.ls_name);
	lab_state_free(&st);
	self_dir(self, sizeof(self));
	snprintf(iosh, sizeof(iosh), "%s/iosh", self);
	if (access(iosh, X_OK) != 0)
		snprintf(iosh, sizeof(iosh), "iosh");

	lab_state_init(&st, name, dir, t.t_password);
	for (r = 0; r < t.t_nrouters; r++) {
		lab_state_router_dir(&st, t.t_routers[r].tr_name, rdir,
		    sizeof(rdir));
		snprintf(startup, sizeof(startup), "%s/nvram/startup-config",
		    rdir);
		mkdirs(rdir);
		snprintf(cfg, sizeof(cfg), "%s/nvram", rdir);
		mkdirs(cfg);
		if (reset || access(startup, F_OK) != 0) {
			snprintf(cfg, sizeof(cfg), "%s/%s", dir,
			    t.t_routers[r].tr_config);
			copy_file(cfg, startup);
		}
		lab_state_add(&st, t.t_routers[r].tr_name,
		    topo_console_port(&t, r),
		    router_spawn(&t, r, iosh, rdir));
	}
	/* Saved first, so `stop` can clean up whatever happens next. */
	if (lab_state_save(&st, err, sizeof(err)) != 0)
		die("%s", err);
	for (r = 0; r < st.ls_nrouters; r++) {
		if (router_wait(st.ls_routers[r].lr_pid,
		    st.ls_routers[r].lr_port))
			continue;
		lab_state_router_dir(&st, st.ls_routers[r].lr_name, rdir,
		    sizeof(rdir));
		lab_state_stop(&st, STOP_WAIT_MS);
		die("%s did not start; see %s/console.log",
		    st.ls_routers[r].lr_name, rdir);
	}
	printf("lab %s started from %s\n", st.ls_name, dir);
	for (r = 0; r < st.ls_nrouters; r++)
		printf("  %-8s console: telnet 127.0.0.1 %u, vty: telnet "
		    "127.0.0.1 %u\n", st.ls_routers[r].lr_name,
		    st.ls_routers[r].lr_port + TOPO_CON_LINE_OFFSET,
		    st.ls_routers[r].lr_port);
	printf("iosh-lab console ROUTER opens one; iosh-lab stop ends the "
	    "lab.\n");
	lab_state_free(&st);
	topo_free(&t);
}

static void
load_running(struct lab_state *st)
{
	char	err[512];

	if (lab_state_load(st, err, sizeof(err)) != 0)
		die("%s", err);
}

static const struct lab_router *
find_router(const struct lab_state *st, const char *name)
{
	const struct lab_router	*lr;

	if ((lr = lab_state_router(st, name)) == NULL)
		die("lab %s has no router %s", st->ls_name, name);
	return lr;
}

static void
lab_status(void)
{
	struct lab_state	st;
	size_t			r;

	load_running(&st);
	printf("lab %s (%s)\n", st.ls_name, st.ls_dir);
	for (r = 0; r < st.ls_nrouters; r++)
		printf("  %-8s 127.0.0.1:%-5u pid %-7ld %s\n",
		    st.ls_routers[r].lr_name, st.ls_routers[r].lr_port,
		    (long)st.ls_routers[r].lr_pid,
		    kill(st.ls_routers[r].lr_pid, 0) == 0 ? "running" :
		    "stopped");
	lab_state_free(&st);
}

static void __attribute__((noreturn))
lab_console(const char *router)
{
	struct lab_state	 st;
	char			 port[8];

	load_running(&st);
	snprintf(port, sizeof(port), "%u", find_router(&st, router)->lr_port +
	    TOPO_CON_LINE_OFFSET);
	execlp("telnet", "telnet", "127.0.0.1", port, (char *)NULL);
	die("telnet: %s", strerror(errno));
}

/*
 * Whether a command's output holds one of the parser's refusals, each at
 * the start of a line as IOS prints them.  Other `%` lines (a ping's
 * "% Unrecognized host", a show's "% No ...") are answers, not refusals;
 * a script that wants them looks at the output.
 */
static bool
ios_refused(const char *out)
{
	static const char *const refusals[] = {
		"% Invalid input detected",
		"% Incomplete command.",
		"% Ambiguous command:",
		"% Unknown command",
	};
	const char	*line;
	size_t		 i;

	for (line = out; line != NULL && *line != '\0';
	    line = strchr(line, '\n') != NULL ? strchr(line, '\n') + 1 : NULL)
		for (i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++)
			if (strncmp(line, refusals[i], strlen(refusals[i])) == 0)
				return true;
	return false;
}

static int
lab_exec(const char *router, char **cmds, int ncmds, const char *password,
    int timeout_s)
{
	struct lab_state	 st;
	struct vtyc		*vc;
	const char		*out;
	char			 err[512];
	int			 i, rc = 0;

	load_running(&st);
	if (password == NULL)
		password = st.ls_password;
	if ((vc = vtyc_open("127.0.0.1", find_router(&st, router)->lr_port,
	    password, timeout_s * 1000, err, sizeof(err))) == NULL)
		die("%s: %s", router, err);
	/* No --More-- in the middle of a script. */
	if (vtyc_run(vc, "terminal length 0", &out, err, sizeof(err)) != 0)
		die("%s: %s", router, err);
	for (i = 0; i < ncmds; i++) {
		if (vtyc_run(vc, cmds[i], &out, err, sizeof(err)) != 0) {
			vtyc_close(vc);
			die("%s: %s", router, err);
		}
		fputs(out, stdout);
		fflush(stdout);
		if (ios_refused(out))
			rc = 1;
	}
	vtyc_close(vc);
	lab_state_free(&st);
	return rc;
}

static void
lab_stop(void)
{
	struct lab_state	st;

	load_running(&st);
	lab_state_stop(&st, STOP_WAIT_MS);
	printf("lab %s stopped\n", st.ls_name);
	lab_state_free(&st);
}

int
main(int argc, char **argv)
{
	const char	*password = NULL, *outfile = NULL;
	bool		 reset = false;
	long		 timeout = EXEC_TIMEOUT_S, base = 0;
	char		*end;
	int		 ch;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0))
		usage_exit(0);
	while ((ch = getopt(argc, argv, "+b:o:p:rt:")) != -1) {
		switch (ch) {
		case 'b':
			base = strtol(optarg, &end, 10);
			if (*end != '\0' || base < 1 || base > TOPO_PORT_BASE_MAX)
				die("-b: a port, 1-%d", TOPO_PORT_BASE_MAX);
			break;
		case 'o':
			outfile = optarg;
			break;
		case 'p':
			password = optarg;
			break;
		case 'r':
			reset = true;
			break;
		case 't':
			timeout = strtol(optarg, &end, 10);
			if (*end != '\0' || timeout < 1 || timeout > 86400)
				die("-t: seconds, 1-86400");
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (strcmp(argv[0], "start") == 0 && argc == 2)
		lab_start(argv[1], reset, (unsigned)base);
	else if (strcmp(argv[0], "status") == 0 && argc == 1)
		lab_status();
	else if (strcmp(argv[0], "console") == 0 && argc == 2)
		lab_console(argv[1]);
	else if (strcmp(argv[0], "exec") == 0 && argc >= 3)
		return lab_exec(argv[1], argv + 2, argc - 2, password,
		    (int)timeout);
	else if (strcmp(argv[0], "stop") == 0 && argc == 1)
		lab_stop();
	else if (strcmp(argv[0], "graph") == 0 && argc == 2)
		lab_graph(argv[1], outfile);
	else
		usage();
	return 0;
}
