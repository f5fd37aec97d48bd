# crypto/ IKE key material and ESP: DH groups, prf, key schedule, ciphers
# (check_ikecrypto) and the ESP transform (check_esp), against RFC test
# vectors and a strongSwan capture (tests/data/ikecrypto/).
check_PROGRAMS += tests/check_ikecrypto tests/check_esp
TESTS += tests/check_ikecrypto tests/check_esp
tests_check_ikecrypto_SOURCES = tests/check_ikecrypto.c tests/fixture.c \
	tests/fixture.h
tests_check_ikecrypto_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_ikecrypto_LDADD = $(TEST_LIBS)
tests_check_esp_SOURCES = tests/check_esp.c tests/fixture.c tests/fixture.h
tests_check_esp_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_esp_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/data/ikecrypto/mm-qm-esp-in-udp.txt \
	tests/data/ikecrypto/keys.py
# SEAL 3.0 and esp-seal: Crypto++'s known-answer vector, and Crypto++'s
# SEAL<> itself (a C++ shim) when configure found libcrypto++.
check_PROGRAMS += tests/check_seal
TESTS += tests/check_seal
tests_check_seal_SOURCES = tests/check_seal.c tests/fixture.c tests/fixture.h
tests_check_seal_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_seal_LDADD = $(TEST_LIBS)
if HAVE_CRYPTOPP
tests_check_seal_SOURCES += tests/seal_cryptopp.cc
tests_check_seal_CFLAGS += -DHAVE_CRYPTOPP
tests_check_seal_CXXFLAGS = $(CRYPTOPP_CFLAGS)
tests_check_seal_LDADD += $(CRYPTOPP_LIBS)
else
EXTRA_DIST += tests/seal_cryptopp.cc
endif
