# The IKE engine end to end: two routers in one process on a udp: wire,
# CCIE lab 13-1 with seed 001's crypto configuration, failures, loss.
check_PROGRAMS += tests/check_ike
TESTS += tests/check_ike
tests_check_ike_SOURCES = tests/check_ike.c tests/pair.c tests/pair.h tests/fixture.c tests/fixture.h
tests_check_ike_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_ike_LDADD = $(TEST_LIBS)
# Seed 001's R1 debug transcript, line for line (tests/ike_seed.sh).
TESTS += tests/ike_seed.sh
EXTRA_DIST += tests/ike_seed.sh tests/ike_seed.sed \
	golden/crypto/seed001-r1.debug golden/crypto/seed001-r1.diff
# Inbound IPsec policy on seed 001's pair: cleartext that should have come
# protected (RECVD_PKT_NOT_IPSEC), ESP outside its SA's selectors.
check_PROGRAMS += tests/check_inbound
TESTS += tests/check_inbound
tests_check_inbound_SOURCES = tests/check_inbound.c tests/pair.c tests/pair.h \
	tests/fixture.c \
	tests/fixture.h
tests_check_inbound_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_inbound_LDADD = $(TEST_LIBS)
# Path MTU through seed 001's tunnel: frag needed, fragmentation before
# and after encryption, df-bit, learned PMTU (tests/check_pmtu.c).
check_PROGRAMS += tests/check_pmtu
TESTS += tests/check_pmtu
tests_check_pmtu_SOURCES = tests/check_pmtu.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_pmtu_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_pmtu_LDADD = $(TEST_LIBS)
# Configuration changed or removed under Main Mode and Quick Mode, in
# each role (issue 14): copies, not pointers; clean under ASan.
check_PROGRAMS += tests/check_ike_life
TESTS += tests/check_ike_life
tests_check_ike_life_SOURCES = tests/check_ike_life.c tests/pair.c tests/pair.h \
	tests/fixture.c \
	tests/fixture.h
tests_check_ike_life_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_ike_life_LDADD = $(TEST_LIBS)
# Dynamic crypto maps and isakmp profiles for LAN-to-LAN peers (issue 15,
# seed 002's hub): the spoke brings the tunnel up, the hub's return
# traffic, reverse-route, clear, refusal, a static entry preferred.
check_PROGRAMS += tests/check_dynmap
TESTS += tests/check_dynmap
tests_check_dynmap_SOURCES = tests/check_dynmap.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_dynmap_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_dynmap_LDADD = $(TEST_LIBS)
# Aggressive Mode between the pair: up, the responder's debug in seed
# 002's words, a wrong key, no key (tests/check_am.c).
check_PROGRAMS += tests/check_am
TESTS += tests/check_am
tests_check_am_SOURCES = tests/check_am.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_am_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_am_LDADD = $(TEST_LIBS)
# Seed 004 (esp-seal esp-sha-hmac between two 12.3 routers): tunnel,
# traffic, R1's show crypto map / show debugging / show crypto ipsec sa.
check_PROGRAMS += tests/check_seed004
TESTS += tests/check_seed004
tests_check_seed004_SOURCES = tests/check_seed004.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_seed004_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_seed004_LDADD = $(TEST_LIBS)
TESTS += tests/ike_seed004.sh
EXTRA_DIST += tests/ike_seed004.sh tests/ike_seed004.sed \
	golden/crypto/seed004-r1.debug golden/crypto/seed004-r1.diff
# Seed 002's hub debug transcripts, line for line (tests/ike_seed002.sh):
# the spoke's LAN-to-LAN initiation in process (tests/check_seed002.c).
check_PROGRAMS += tests/check_seed002
TESTS += tests/check_seed002
tests_check_seed002_SOURCES = tests/check_seed002.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_seed002_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_seed002_LDADD = $(TEST_LIBS)
TESTS += tests/ike_seed002.sh
EXTRA_DIST += tests/ike_seed002.sh tests/ike_seed002.sed \
	tests/ike_seed002_client.sh \
	golden/crypto/seed002-hub-l2l.debug golden/crypto/seed002-hub-l2l.diff \
	golden/crypto/seed002-hub-client.debug \
	golden/crypto/seed002-hub-client.diff
# XAUTH on the crypto map (pre-profile IOS) between the pair in Main
# Mode: it breaks a LAN-to-LAN peer; no-xauth on the key lets it up
# (tests/check_xauth_map.c).
check_PROGRAMS += tests/check_xauth_map
TESTS += tests/check_xauth_map
tests_check_xauth_map_SOURCES = tests/check_xauth_map.c tests/pair.c \
	tests/pair.h tests/fixture.c tests/fixture.h
tests_check_xauth_map_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_xauth_map_LDADD = $(TEST_LIBS)
# Every ESP transform beyond DES/3DES/AES with MD5/SHA-1 between two
# routers (issue 17): GCM, GMAC, SHA-2 HMACs, esp-null, tunnel mode.
check_PROGRAMS += tests/check_transforms
TESTS += tests/check_transforms
tests_check_transforms_SOURCES = tests/check_transforms.c tests/pair.c \
	tests/pair.h tests/fixture.c tests/fixture.h
tests_check_transforms_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_transforms_LDADD = $(TEST_LIBS)
# Every transform of IOS's transform-set ? list, run or refused (issue 17);
# its "ah capture" case feeds tests/capture_tshark.sh.
check_PROGRAMS += tests/check_walk
TESTS += tests/check_walk
tests_check_walk_SOURCES = tests/check_walk.c tests/pair.c \
	tests/pair.h tests/fixture.c tests/fixture.h
tests_check_walk_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_walk_LDADD = $(TEST_LIBS)
# Call admission control for IKE: spoofed Main Mode floods against the
# in-negotiation bound, IKE_DENIED (tests/check_cac.c).
check_PROGRAMS += tests/check_cac
TESTS += tests/check_cac
tests_check_cac_SOURCES = tests/check_cac.c tests/pair.c tests/pair.h \
	tests/fixture.c \
	tests/fixture.h
tests_check_cac_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_cac_LDADD = $(TEST_LIBS)
# 200 spokes against one hub (tests/spokes.c; bench/scale_bench at the
# size of a test): every tunnel kept, listed by each show, torn down.
check_PROGRAMS += tests/check_scale
TESTS += tests/check_scale
tests_check_scale_SOURCES = tests/check_scale.c tests/spokes.c \
	tests/spokes.h tests/spoke_esp.c tests/spoke_esp.h tests/memlab.c \
	tests/memlab.h
tests_check_scale_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_scale_LDADD = $(TEST_LIBS)
