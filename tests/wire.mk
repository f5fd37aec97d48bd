# The layer under the interfaces (dataplane/wire*, fault, capture): Check
# unit tests over udp: wires on 127.0.0.1, tshark reading a capture, and
# tap:/pcap: in a network namespace (root only; skipped otherwise).
check_PROGRAMS += tests/check_wire tests/wire_tool
TESTS += tests/check_wire tests/capture_tshark.sh tests/wire_netns.sh
tests_check_wire_SOURCES = tests/check_wire.c
tests_check_wire_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_wire_LDADD = $(TEST_LIBS)
tests_wire_tool_SOURCES = tests/wire_tool.c
tests_wire_tool_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/capture_tshark.sh tests/wire_netns.sh
