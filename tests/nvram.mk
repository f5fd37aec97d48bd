# nvram and the shell's stored configuration: Check unit tests, the
# write/kill -9/restart test, and the golden transcripts of passive/ and
# nvram/ (run by tests/transcripts.sh).
check_PROGRAMS += tests/check_nvram
TESTS += tests/check_nvram tests/nvram.sh
tests_check_nvram_SOURCES = tests/check_nvram.c tests/fixture.c tests/fixture.h
tests_check_nvram_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_nvram_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/nvram.sh \
	golden/nvram/reload.in golden/nvram/reload.out \
	golden/nvram/save.in golden/nvram/save.out \
	golden/passive/aaa.in golden/passive/aaa.out \
	golden/passive/globals.in golden/passive/globals.out \
	golden/passive/lines.in golden/passive/lines.out \
	golden/passive/platform.in golden/passive/platform.out \
	golden/passive/routing.in golden/passive/routing.out \
	golden/passive/banner.in golden/passive/banner.out \
	golden/passive/policy.in golden/passive/policy.out \
	golden/passive/version15.in golden/passive/version15.out \
	golden/passive/pki.in golden/passive/pki.out \
	golden/passive/vrf.in golden/passive/vrf.out \
	golden/passive/headers.in golden/passive/headers.out \
	golden/passive/ikev2.in golden/passive/ikev2.out \
	golden/passive/eigrp_named.in golden/passive/eigrp_named.out \
	golden/passive/snmp.in golden/passive/snmp.out \
	golden/passive/portchannel.in golden/passive/portchannel.out \
	golden/passive/interfaces20.in golden/passive/interfaces20.out \
	golden/passive/dmvpn.in golden/passive/dmvpn.out
