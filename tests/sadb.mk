# crypto/sadb: SA tables (lookups at hub scale) and the show renderers
# against the seeds' text.
check_PROGRAMS += tests/check_sadb
TESTS += tests/check_sadb
tests_check_sadb_SOURCES = tests/check_sadb.c
tests_check_sadb_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_sadb_LDADD = $(TEST_LIBS)
