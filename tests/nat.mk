# NAT (issue 18): seed 000's PAT router on mem: wires, every datagram
# written and read by the test, and seed 000's NAT exemption for the VPN
# between two routers with a crypto map (tests/check_nat.c).
check_PROGRAMS += tests/check_nat
TESTS += tests/check_nat
tests_check_nat_SOURCES = tests/check_nat.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_nat_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_nat_LDADD = $(TEST_LIBS)
# Linux hosts in namespaces behind iosh's PAT: ping, nc UDP and TCP to an
# outside namespace, judged by tshark there (translated source, checksums).
TESTS += tests/nat_netns.sh
EXTRA_DIST += tests/nat_netns.sh tests/pat_judge.sh
# NAT-T through an iosh PAT: spoke, PAT router and hub in one process
# (pair_open3); NAT-D, the float to 4500, ESP in UDP through the PAT,
# NAT keepalives, the hub following a new port (tests/check_natt.c).
check_PROGRAMS += tests/check_natt
TESTS += tests/check_natt
tests_check_natt_SOURCES = tests/check_natt.c tests/pair.c tests/pair.h \
	tests/fixture.c tests/fixture.h
tests_check_natt_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_natt_LDADD = $(TEST_LIBS)
# Seed 000's lab (labs/seed-000): SITEB, ISP and a Linksys-like iosh peer
# under iosh-lab, an inside host and an Internet host on taps moved into
# namespaces: the tunnel untranslated, PAT judged by tshark, the Firewall
# ACL's drops, logs and counts.
TESTS += tests/lab_seed000.sh
EXTRA_DIST += tests/lab_seed000.sh
# Seed 000's Linksys walk, live: strongSwan offering the WAG54G's four
# Main Mode proposals to iosh running SITEB's configuration; iosh's debug
# against the seed's, line by line, by a frozen explained difference.
TESTS += tests/interop_seed000.sh
EXTRA_DIST += tests/interop_seed000.sh golden/crypto/seed000-siteb.debug \
	golden/crypto/seed000-siteb.diff
