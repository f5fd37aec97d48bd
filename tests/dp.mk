# dataplane: Check unit tests (names, rendering and round trip, show
# text, validation, ACL matching, scale) and the golden/dp transcripts.
check_PROGRAMS += tests/check_dp
TESTS += tests/check_dp
tests_check_dp_SOURCES = tests/check_dp.c tests/fixture.c tests/fixture.h
tests_check_dp_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_dp_LDADD = $(TEST_LIBS)
# dataplane/route.c: static routes, their paths, Null0, show ip route.
check_PROGRAMS += tests/check_route
TESTS += tests/check_route
tests_check_route_SOURCES = tests/check_route.c tests/fixture.c tests/fixture.h
tests_check_route_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_route_LDADD = $(TEST_LIBS)
EXTRA_DIST += \
	golden/dp/basic.in golden/dp/basic.out \
	golden/dp/errors.in golden/dp/errors.out \
	golden/dp/routes.in golden/dp/routes.out \
	golden/dp/ping.in golden/dp/ping.out
