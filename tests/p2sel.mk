# crypto/ike_p2sel: Quick Mode offers read with IOS's debug lines (seeds
# 001, 003) and matched against transform sets.
check_PROGRAMS += tests/check_p2sel
TESTS += tests/check_p2sel
tests_check_p2sel_SOURCES = tests/check_p2sel.c tests/fixture.c tests/fixture.h
tests_check_p2sel_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_p2sel_LDADD = $(TEST_LIBS)
