# The --More-- pager (Check) and the readline console driven on a pty (expect).
check_PROGRAMS += tests/check_pager
TESTS += tests/check_pager tests/expect_console.sh
tests_check_pager_SOURCES = tests/check_pager.c
tests_check_pager_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_pager_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/expect_console.sh tests/expect/console.exp
# The console in tmux (issue 21): `?` help, TAB, the --More-- pager and a
# log message over a typed line, read from tmux's screen.
TESTS += tests/tmux_console.sh
EXTRA_DIST += tests/tmux_console.sh
