# The shell: Check unit tests and the golden transcripts run through ./iosh.
check_PROGRAMS += tests/check_shell
TESTS += tests/check_shell tests/transcripts.sh tests/man.sh
tests_check_shell_SOURCES = tests/check_shell.c tests/fixture.c tests/fixture.h
tests_check_shell_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_shell_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/transcripts.sh tests/man.sh \
	golden/shell/abbrev.in golden/shell/abbrev.out \
	golden/shell/basic.in golden/shell/basic.out \
	golden/shell/comments.in golden/shell/comments.out \
	golden/shell/connect.in golden/shell/connect.out \
	golden/shell/errors.in golden/shell/errors.out \
	golden/shell/everyday.in golden/shell/everyday.out \
	golden/shell/lines.in golden/shell/lines.out \
	golden/shell/exitend.in golden/shell/exitend.out \
	golden/shell/fallback.in golden/shell/fallback.out \
	golden/shell/filters.in golden/shell/filters.out \
	golden/shell/help.in golden/shell/help.out \
	golden/shell/hostname.in golden/shell/hostname.out \
	golden/shell/ssh.in golden/shell/ssh.out \
	golden/shell/logging.in golden/shell/logging.out \
	golden/shell/incomplete.in golden/shell/incomplete.out \
	golden/shell/prefixes.in golden/shell/prefixes.out \
	golden/shell/timestamps.in golden/shell/timestamps.out \
	golden/shell/translating.in golden/shell/translating.out
# Syslog to a server: R1 logs to R2, which listens on UDP 514.
check_PROGRAMS += tests/check_logging
TESTS += tests/check_logging
tests_check_logging_SOURCES = tests/check_logging.c tests/pair.c \
	tests/pair.h tests/fixture.c tests/fixture.h
tests_check_logging_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_logging_LDADD = $(TEST_LIBS)
