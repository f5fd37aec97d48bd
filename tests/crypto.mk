# crypto: Check unit tests (objects, validation, show and running-config
# text, round trip, lookups) and the golden/crypto transcripts.
check_PROGRAMS += tests/check_crypto
TESTS += tests/check_crypto
tests_check_crypto_SOURCES = tests/check_crypto.c tests/fixture.c tests/fixture.h
tests_check_crypto_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_crypto_LDADD = $(TEST_LIBS)
EXTRA_DIST += \
	golden/crypto/ccie-r1.in golden/crypto/ccie-r1.out \
	golden/crypto/seal-12x.in golden/crypto/seal-12x.out \
	golden/crypto/hub.in golden/crypto/hub.out \
	golden/crypto/errors.in golden/crypto/errors.out
