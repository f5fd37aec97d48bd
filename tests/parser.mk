# The command engine on a fixture grammar of its own.
check_PROGRAMS += tests/check_cmd
TESTS += tests/check_cmd
tests_check_cmd_SOURCES = tests/check_cmd.c
tests_check_cmd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_cmd_LDADD = $(TEST_LIBS)

# libFuzzer smoke run of the command-line fuzz target.
TESTS += tests/fuzz_smoke.sh
EXTRA_DIST += tests/fuzz_smoke.sh fuzz/run.sh fuzz/fuzz_cmdline.c \
	fuzz/corpus/cmdline/s1 fuzz/corpus/cmdline/s2 fuzz/corpus/cmdline/s3 \
	fuzz/corpus/cmdline/s4 fuzz/corpus/cmdline/s5 fuzz/corpus/cmdline/s6 \
	fuzz/corpus/cmdline/s7
clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz-out fuzz-out.log
