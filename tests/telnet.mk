# The telnet vty: the login dialog (Check) and a telnet client driven by
# expect against a running iosh --telnet.
check_PROGRAMS += tests/check_telnet
TESTS += tests/check_telnet tests/expect_telnet.sh
tests_check_telnet_SOURCES = tests/check_telnet.c
tests_check_telnet_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_telnet_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/expect_telnet.sh tests/expect/telnet.exp
