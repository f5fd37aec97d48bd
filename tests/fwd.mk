# The packet path (dataplane/attach, link, arp, ip4, icmp, udp, filter,
# fwd): Check unit tests with routers joined by udp: wires on 127.0.0.1,
# and iosh against Linux on tap: and pcap: in a network namespace, with a
# capture read by tshark (root only; skipped otherwise).
check_PROGRAMS += tests/check_fwd tests/fwd_tool
TESTS += tests/check_fwd tests/fwd_netns.sh
tests_check_fwd_SOURCES = tests/check_fwd.c tests/fwd_topo.c \
	tests/fwd_topo.h tests/fixture.c tests/fixture.h
tests_check_fwd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_fwd_LDADD = $(TEST_LIBS)
# 802.1Q subinterfaces on the same three routers (tests/fwd_topo.c).
check_PROGRAMS += tests/check_dot1q
TESTS += tests/check_dot1q
tests_check_dot1q_SOURCES = tests/check_dot1q.c tests/fwd_topo.c \
	tests/fwd_topo.h tests/fixture.c tests/fixture.h
tests_check_dot1q_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_dot1q_LDADD = $(TEST_LIBS)
tests_fwd_tool_SOURCES = tests/fwd_tool.c
tests_fwd_tool_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/fwd_netns.sh
# traceroute across three routers (time exceeded, port unreachable's rate
# limit, unreachables, the escape sequence).
check_PROGRAMS += tests/check_traceroute
TESTS += tests/check_traceroute
tests_check_traceroute_SOURCES = tests/check_traceroute.c tests/fixture.c \
	tests/fixture.h
tests_check_traceroute_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_traceroute_LDADD = $(TEST_LIBS)
# CDP between three routers: Ethernet and serial neighbours, the 15.x and
# 12.x tables, detail, holdtime countdown, refresh and expiry.
check_PROGRAMS += tests/check_cdp
TESTS += tests/check_cdp
tests_check_cdp_SOURCES = tests/check_cdp.c tests/fixture.c tests/fixture.h
tests_check_cdp_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_cdp_LDADD = $(TEST_LIBS)
