# The exec commands on interfaces' wires (dataplane/moncap, faultcmd):
# `monitor capture` and `test interface NAME fault`, with two routers
# joined by udp: wires on 127.0.0.1; tests/capture_tshark.sh (wire.mk)
# reads what `monitor capture ... export` wrote.
check_PROGRAMS += tests/check_capture
TESTS += tests/check_capture
tests_check_capture_SOURCES = tests/check_capture.c tests/fixture.c \
	tests/fixture.h
tests_check_capture_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_capture_LDADD = $(TEST_LIBS)
