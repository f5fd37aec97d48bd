# The command engine on a fixture grammar of its own.
check_PROGRAMS += tests/check_cmd
TESTS += tests/check_cmd
tests_check_cmd_SOURCES = tests/check_cmd.c tests/cmd_fixture.c \
	tests/cmd_fixture.h
tests_check_cmd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_cmd_LDADD = $(TEST_LIBS)

# The walk's first-step memo and the line memo answer as the walk does.
check_PROGRAMS += tests/check_memo
TESTS += tests/check_memo
tests_check_memo_SOURCES = tests/check_memo.c tests/cmd_fixture.c \
	tests/cmd_fixture.h
tests_check_memo_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_memo_LDADD = $(TEST_LIBS)
