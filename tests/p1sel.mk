# crypto/ike_p1sel: IOS's phase-1 policy walk and its debug lines against
# seeds 000 and 001.
check_PROGRAMS += tests/check_p1sel
TESTS += tests/check_p1sel
tests_check_p1sel_SOURCES = tests/check_p1sel.c tests/fixture.c tests/fixture.h
tests_check_p1sel_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_p1sel_LDADD = $(TEST_LIBS)
