# The packet path (dataplane/attach, link, arp, ip4, icmp, udp, filter,
# fwd): Check unit tests with routers joined by udp: wires on 127.0.0.1.
check_PROGRAMS += tests/check_fwd
TESTS += tests/check_fwd
tests_check_fwd_SOURCES = tests/check_fwd.c tests/fixture.c tests/fixture.h
tests_check_fwd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_fwd_LDADD = $(TEST_LIBS)
