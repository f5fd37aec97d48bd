# Real peers: iosh against strongSwan's charon (kernel-libipsec) in a
# network namespace, both directions, NAT-T, tshark on the capture (root
# and strongSwan needed; skipped otherwise).
TESTS += tests/interop_strongswan.sh
EXTRA_DIST += tests/interop_strongswan.sh
