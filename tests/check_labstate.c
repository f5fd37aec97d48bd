/*
 * check_labstate: `iosh-lab stop` (lab_state_stop) returns only when the
 * routers' exits are over.  An exiting process gives back its memory
 * before its sockets, and /proc's cmdline is empty from then on: a stop
 * that judged by the cmdline returned while a router was still in its
 * exit (state R), and lab_seed002 failed a CI run on it.
 *
 * The routers here are this program run again as "iosh-router": it
 * touches ROUTER_MB of memory, so that its exit takes a while to give
 * it back, says so on a pipe and waits for a signal; run as
 * "other-router" it stands for a process that reused a router's pid.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lab/labstate.h"

#define ROUTER_MB	192

/* The router: "iosh-router term" ends on SIGTERM, "iosh-router deaf"
 * ignores it.  The pipe to its parent is fd 3. */
static int
router_main(const char *mode)
{
	size_t	 len = (size_t)ROUTER_MB << 20;
	char	*mem;

	if (strcmp(mode, "deaf") == 0)
		signal(SIGTERM, SIG_IGN);
	if ((mem = malloc(len)) == NULL)
		return 1;
	memset(mem, 0x5a, len);
	if (write(3, "r", 1) != 1)
		return 1;
	for (;;)
		pause();
}

/* Start this program as NAME in MODE; its pid once its memory is
 * touched. */
static pid_t
router_start(const char *path, const char *name, const char *mode)
{
	int	fds[2];
	pid_t	pid;
	char	c;

	ck_assert_int_eq(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		if (dup2(fds[1], 3) != 3)
			_exit(1);
		execl(path, name, mode, (char *)NULL);
		_exit(1);
	}
	ck_assert_int_gt(pid, 0);
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &c, 1), 1);
	close(fds[0]);
	return pid;
}

/* The state letter of /proc/PID/stat; '\0' if there is none. */
static char
proc_state(pid_t pid)
{
	char	 path[64], buf[512], *p;
	FILE	*fp;
	size_t	 n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return '\0';
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' ? p[2] : '\0';
}

static char	*self;		/* this program's path */
static char	 home[] = "/tmp/check_labstate.XXXXXX";

static void
lab_setup(struct lab_state *st)
{
	ck_assert_ptr_nonnull(mkdtemp(home));
	setenv("IOSH_LAB_HOME", home, 1);
	lab_state_init(st, "t", home, NULL);
}

static void
lab_teardown(struct lab_state *st)
{
	lab_state_free(st);
	rmdir(home);
}

/* A router that ends on SIGTERM: stop returns with its exit over (a
 * zombie: it is this test's child), killed by SIGTERM alone. */
START_TEST(test_stop_waits_exit)
{
	struct lab_state	st;
	pid_t			pid;
	int			status;

	lab_setup(&st);
	pid = router_start(self, "iosh-router", "term");
	lab_state_add(&st, "R1", 2001, pid);
	ck_assert(lab_state_running(&st));
	lab_state_stop(&st, 5000);
	ck_assert_int_eq(proc_state(pid), 'Z');
	ck_assert(!lab_state_running(&st));
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGTERM);
	lab_teardown(&st);
}
END_TEST

/* A router deaf to SIGTERM gets SIGKILL after the wait, and stop still
 * returns only when that exit is over.  A process that is not an iosh
 * (a reused pid) is not signalled at all. */
START_TEST(test_stop_kills_deaf)
{
	struct lab_state	st;
	pid_t			pid, other;
	int			status;

	lab_setup(&st);
	pid = router_start(self, "iosh-router", "deaf");
	other = router_start(self, "other-router", "term");
	lab_state_add(&st, "R1", 2001, pid);
	lab_state_add(&st, "R2", 2002, other);
	lab_state_stop(&st, 200);
	ck_assert_int_eq(proc_state(pid), 'Z');
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGKILL);
	ck_assert_int_ne(proc_state(other), 'Z');
	ck_assert_int_ne(proc_state(other), '\0');
	kill(other, SIGKILL);
	ck_assert_int_eq(waitpid(other, &status, 0), other);
	lab_teardown(&st);
}
END_TEST

static Suite *
labstate_suite(void)
{
	Suite	*s = suite_create("labstate");
	TCase	*tc = tcase_create("Core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_stop_waits_exit);
	tcase_add_test(tc, test_stop_kills_deaf);
	suite_add_tcase(s, tc);
	return s;
}

int
main(int argc, char **argv)
{
	SRunner	*sr;
	int	 failed;

	if ((strcmp(argv[0], "iosh-router") == 0 ||
	    strcmp(argv[0], "other-router") == 0) && argc == 2)
		return router_main(argv[1]);
	if ((self = realpath("/proc/self/exe", NULL)) == NULL)
		return EXIT_FAILURE;
	sr = srunner_create(labstate_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	free(self);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
