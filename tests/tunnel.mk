# GRE tunnel interfaces (issue 16): two routers in one process on a udp:
# wire (tests/check_tunnel.c), and iosh against Linux GRE in a network
# namespace, judged by tshark (tests/gre_netns.sh).
check_PROGRAMS += tests/check_tunnel
TESTS += tests/check_tunnel
tests_check_tunnel_SOURCES = tests/check_tunnel.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_tunnel_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_tunnel_LDADD = $(TEST_LIBS)
# Linux's far end where the kernel has no ip_gre: a TUN device joined to
# a raw GRE socket (tests/gre_tun.c), built with the tests.
check_PROGRAMS += tests/gre_tun
tests_gre_tun_SOURCES = tests/gre_tun.c
TESTS += tests/gre_netns.sh
EXTRA_DIST += tests/gre_netns.sh
# GRE over IPsec (crypto map, transport mode) and tunnel protection
# between two iosh routers (tests/check_vti.c).
check_PROGRAMS += tests/check_vti
TESTS += tests/check_vti
tests_check_vti_SOURCES = tests/check_vti.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_vti_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_vti_LDADD = $(TEST_LIBS)

# Seed 003: a `tunnel mode ipsec ipv6` VTI, IKE and ESP over IPv6, between
# two iosh routers (tests/check_vti6.c).
check_PROGRAMS += tests/check_vti6
TESTS += tests/check_vti6
tests_check_vti6_SOURCES = tests/check_vti6.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_vti6_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_vti6_LDADD = $(TEST_LIBS)
# Seed 003's two debug transcripts, line for line (tests/ike_seed003.sh).
TESTS += tests/ike_seed003.sh
EXTRA_DIST += tests/ike_seed003.sh tests/ike_seed003.sed \
	golden/crypto/seed003-r2.debug golden/crypto/seed003-r2.diff \
	golden/crypto/seed003-r3.debug golden/crypto/seed003-r3.diff
