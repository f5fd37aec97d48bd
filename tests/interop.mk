# Real peers: iosh against strongSwan's charon (kernel-libipsec) in a
# network namespace, both directions, NAT-T, tshark on the capture (root
# and strongSwan needed; skipped otherwise).
TESTS += tests/interop_strongswan.sh
EXTRA_DIST += tests/interop_strongswan.sh
# Rekey without loss: iosh's 120 s SAs renegotiated under a steady
# ping from strongSwan's side (about 110 s).
TESTS += tests/interop_rekey.sh
EXTRA_DIST += tests/interop_rekey.sh
# The algorithm matrix (18 cases, both ways) against strongSwan.
TESTS += tests/interop_matrix.sh
EXTRA_DIST += tests/interop_lib.sh tests/vpnc_lib.sh tests/interop_matrix.sh
# The ESP transforms of issue 17 libipsec can do (GCM 128/192/256, SHA-2
# HMACs, esp-null with an HMAC) both ways, tshark checking every ICV.
TESTS += tests/interop_transforms.sh
EXTRA_DIST += tests/interop_transforms.sh
# Mismatches against strongSwan: both sides fail cleanly, no SA left.
TESTS += tests/interop_fail.sh
EXTRA_DIST += tests/interop_fail.sh
# Phase 1 against Libreswan's pluto (unpacked by setup.sh; IKE only).
TESTS += tests/interop_libreswan.sh
EXTRA_DIST += tests/interop_libreswan.sh
# Path MTU: Linux hosts at MTU 1500 behind two iosh routers joined by an
# iosh<->iosh tunnel (frag needed with the tunnel's MTU, fragments, TCP).
TESTS += tests/pmtu_netns.sh
EXTRA_DIST += tests/pmtu_netns.sh
# Path MTU against strongSwan: Linux hosts at MTU 1500 on both sides of an
# iosh<->strongSwan (NAT-T) tunnel (frag needed with the tunnel's MTU,
# fragments, TCP both ways).
TESTS += tests/pmtu_interop.sh
EXTRA_DIST += tests/pmtu_interop.sh
# Aggressive Mode against strongSwan (aggressive = yes): iosh responds,
# then initiates (isakmp profile `initiate mode aggressive`); tshark.
TESTS += tests/interop_aggressive.sh
EXTRA_DIST += tests/interop_aggressive.sh
# vpnc as the Cisco VPN Client against seed 002's hub: Aggressive Mode
# with the group name, XAUTH against local usernames, mode-config from
# ip local pool, Quick Mode through the dynamic map, a ping inside.
TESTS += tests/interop_vpnc.sh
EXTRA_DIST += tests/interop_vpnc.sh
TESTS += tests/interop_vpnc_group.sh
EXTRA_DIST += tests/interop_vpnc_group.sh
TESTS += tests/interop_vpnc_natt.sh
EXTRA_DIST += tests/interop_vpnc_natt.sh
# vpnc against a hub whose XAUTH and mode-config come from the crypto
# map (`crypto map NAME client ...`, no isakmp profile).
TESTS += tests/interop_vpnc_map.sh
EXTRA_DIST += tests/interop_vpnc_map.sh
# strongSwan as seed 002's second remote-access client: Aggressive Mode as
# group testgroup, XAUTH, mode-config pull for 10.5.5.1, ping through
# NAT-T (kernel-libipsec), the hub's counters.
TESTS += tests/interop_xauth_strongswan.sh
EXTRA_DIST += tests/interop_xauth_strongswan.sh
TESTS += tests/interop_xauth_strongswan_push.sh
EXTRA_DIST += tests/interop_xauth_strongswan_push.sh
# iosh's IPv4 VTI (tunnel protection) with strongSwan route-based.
TESTS += tests/interop_vti.sh
EXTRA_DIST += tests/interop_vti.sh
# The same over IPv6 (seed 003's tunnel mode ipsec ipv6), ESP in UDP,
# both ends beginning in turn.
TESTS += tests/interop_vti6.sh
EXTRA_DIST += tests/interop_vti6.sh
# GRE over IPsec: iosh's GRE tunnel with tunnel protection (a mode
# transport set) and Linux's GRE (tests/gre_tun) protected by strongSwan
# in tunnel mode, the only mode libipsec has.
TESTS += tests/interop_gre_ipsec.sh
EXTRA_DIST += tests/interop_gre_ipsec.sh
