# DHCP client and server (dataplane/dhcp_*.c): two iosh routers on a udp:
# wire in one process (frozen clock), and against dnsmasq and busybox
# udhcpc in network namespaces (root only; skipped otherwise).
check_PROGRAMS += tests/check_dhcp
TESTS += tests/check_dhcp tests/dhcp_netns.sh
tests_check_dhcp_SOURCES = tests/check_dhcp.c tests/fixture.c tests/fixture.h
tests_check_dhcp_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_dhcp_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/dhcp_netns.sh
