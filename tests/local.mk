# Unit tests (Check) link libiosh.a; transcript and expect tests run ./iosh.
TEST_LIBS = libiosh.a $(CHECK_LIBS) $(READLINE_LIBS) $(CRYPTO_LIBS) $(PCAP_LIBS) \
	$(TELNET_LIBS) $(PCRE2_LIBS)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(top_srcdir)'; top_builddir='$(top_builddir)'; \
	EXPECT='$(EXPECT)'; export top_srcdir top_builddir EXPECT;

check_PROGRAMS += tests/check_lib
TESTS += tests/check_lib
tests_check_lib_SOURCES = tests/check_lib.c
tests_check_lib_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_lib_LDADD = $(TEST_LIBS)

# IKE key material and ESP tests (tests/ikecrypto.mk).
include $(srcdir)/tests/ikecrypto.mk

# The dependency rules of docs/ARCHITECTURE.md, against the includes.
TESTS += tests/layering.sh
EXTRA_DIST += tests/layering.sh

# A missing tool: SKIP on a workstation, FAIL in CI (tests/skip.sh).
TESTS += tests/require_tools.sh
EXTRA_DIST += tests/skip.sh tests/require_tools.sh tests/iosh_lib.sh
