# The nine seed configurations: they load without an error line and
# round-trip through show running-config (their exact transcripts are
# golden/seeds/*.out, run by transcripts.sh).
TESTS += tests/seeds.sh
EXTRA_DIST += tests/seeds.sh \
	golden/seeds/000-siteb.in golden/seeds/000-siteb.out \
	golden/seeds/001-r1.in golden/seeds/001-r1.out \
	golden/seeds/001-r2.in golden/seeds/001-r2.out \
	golden/seeds/002-hub.in golden/seeds/002-hub.out \
	golden/seeds/002-spoke.in golden/seeds/002-spoke.out \
	golden/seeds/003-r2.in golden/seeds/003-r2.out \
	golden/seeds/003-r3.in golden/seeds/003-r3.out \
	golden/seeds/004-r1.in golden/seeds/004-r1.out \
	golden/seeds/004-r2.in golden/seeds/004-r2.out

# The corpus of real public running-configs (issue 20): twelve of them
# load at no less than the acceptance figure reached and round-trip
# (tests/config_corpus.sh, through bench/config_corpus.sh).
TESTS += tests/config_corpus.sh
EXTRA_DIST += tests/config_corpus.sh tests/data/configs
# Issue 20's configuration families, one file each: accepted, rendered in
# the file's order and form, round-tripped.
TESTS += tests/config_families.sh
EXTRA_DIST += tests/config_families.sh tests/data/families
