# The command engine on a fixture grammar of its own.
check_PROGRAMS += tests/check_cmd
TESTS += tests/check_cmd
tests_check_cmd_SOURCES = tests/check_cmd.c
tests_check_cmd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_cmd_LDADD = $(TEST_LIBS)

