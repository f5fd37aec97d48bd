# crypto/isakmp_*: the ISAKMP codec against real peers' messages
# (tests/data/isakmp, made by its extract.sh) and malformed input.
check_PROGRAMS += tests/check_isakmp
TESTS += tests/check_isakmp
tests_check_isakmp_SOURCES = tests/check_isakmp.c
tests_check_isakmp_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_isakmp_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/data/isakmp

# The transaction exchange's attribute payload (XAUTH, mode-config).
check_PROGRAMS += tests/check_ike_cfg
TESTS += tests/check_ike_cfg
tests_check_ike_cfg_SOURCES = tests/check_ike_cfg.c
tests_check_ike_cfg_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_ike_cfg_LDADD = $(TEST_LIBS)
