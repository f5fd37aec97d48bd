# The IKE engine end to end: two routers in one process on a udp: wire,
# CCIE lab 13-1 with seed 001's crypto configuration, failures, loss.
check_PROGRAMS += tests/check_ike
TESTS += tests/check_ike
tests_check_ike_SOURCES = tests/check_ike.c tests/fixture.c tests/fixture.h
tests_check_ike_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_ike_LDADD = $(TEST_LIBS)
