# The ESP fast path end to end on mem: wires (tests/memlab.c): zero
# allocations per packet each way (malloc, calloc and realloc wrapped by
# the linker, OpenSSL's through CRYPTO_set_mem_functions), the compiled
# SPD rebuilt on configuration changes only, inbound policy matching.
check_PROGRAMS += tests/check_fastpath
TESTS += tests/check_fastpath
tests_check_fastpath_SOURCES = tests/check_fastpath.c \
	tests/fastpath_fixture.c tests/fastpath_fixture.h tests/memlab.c \
	tests/memlab.h
tests_check_fastpath_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_fastpath_LDFLAGS = -Wl,--wrap=malloc -Wl,--wrap=calloc \
	-Wl,--wrap=realloc
tests_check_fastpath_LDADD = $(TEST_LIBS)

# The interface and wire counters deferred per read (attach_defer):
# what every counter shows between reads and inside another router's.
check_PROGRAMS += tests/check_defer
TESTS += tests/check_defer
tests_check_defer_SOURCES = tests/check_defer.c tests/memlab.c \
	tests/memlab.h
tests_check_defer_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_defer_LDADD = $(TEST_LIBS)

# A wire's reads against the layered path: bursts and flow-cache runs as
# the same frames one at a time, fc_frame against link, IP and the flow
# cache, runs of every length, the inbound lane against ipsec_esp_input.
check_PROGRAMS += tests/check_lanes
TESTS += tests/check_lanes
tests_check_lanes_SOURCES = tests/check_lanes.c tests/fastpath_fixture.c \
	tests/fastpath_fixture.h tests/memlab.c tests/memlab.h
tests_check_lanes_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_lanes_LDADD = $(TEST_LIBS)
