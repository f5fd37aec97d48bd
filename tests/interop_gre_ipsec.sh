#!/bin/bash
# GRE over IPsec between iosh and Linux protected by a real strongSwan 5.9
# (charon, kernel-libipsec: ESP in user space, always ESP-in-UDP):
#
#   iosh R1: Fa0/0 12.1.1.1 on tap0, Loopback0 1.1.1.1, Tunnel0
#	172.30.0.2/30 `tunnel mode gre ip` to 12.1.1.2 with `tunnel
#	protection ipsec profile PRO` (a `mode transport` set, as GRE over
#	IPsec is configured on IOS), 2.2.2.2 routed into Tunnel0
#   Linux in a namespace: tap0 12.1.1.2, lo 2.2.2.2, GRE to 12.1.1.1 by
#	tests/gre_tun (no ip_gre module here), 1.1.1.1 routed into it; the
#	GRE packets (protocol 47 only, by `ip rule ipproto gre`) routed
#	into libipsec's TUN device; strongSwan's child protects
#	12.1.1.2/32[gre] <-> 12.1.1.1/32[gre] in TUNNEL mode
#
# libipsec cannot do transport mode: its ipsec_sa_create refuses any
# other mode ("IPsec SA: unsupported mode", strings of libipsec.so.0), so
# the only GRE over IPsec it can be the peer of is GRE inside ESP tunnel
# mode.  IOS takes a tunnel-mode proposal under a `mode transport` set
# (the set's mode is what IOS asks for, not all it accepts: Cisco's
# `mode (IPsec)` reference as remembered, its text not found by search),
# and so does iosh as responder (crypto/ike_p2sel.c): strongSwan begins,
# iosh's SAs run in tunnel mode over UDP 4500, `show crypto ipsec sa`
# says so ({Tunnel UDP-Encaps, }, the mode in use, not the set's), pings
# pass both ways and both sides count them.  iosh as initiator asks for
# transport only, as IOS does (one "(Transport)" proposal per set in its
# sa_request); this strongSwan's tunnel-mode child answers it "no
# matching CHILD_SA config found" (measured: `clear crypto sa`, then a
# ping from iosh, 0/5), and libipsec could not install transport anyway
# (above), so only strongSwan begins here (check_vti, check_natt:
# transport between iosh routers).  Found by this test: iosh handed its
# GRE packets to crypto with a zero IPv4 header checksum (ip4_send makes
# it), which tunnel mode carried to Linux, which dropped them.
#
# Needs root, namespaces, TUN/TAP and strongSwan (tests/interop_lib.sh
# says which); skips (77) without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

# Selectors that are the IKE peer's own address need kernel-libipsec's
# allow_peer_ts (otherwise "can't install route ..., conflicts with IKE
# traffic"), read when charon starts; GRE alone goes into its TUN device,
# by the rule below.
SS_INSTALL_ROUTES=no
SS_PLUGIN_CONF='kernel-libipsec { allow_peer_ts = yes } '
ss_start
ss_conns 3des-md5-modp1024 3des-md5 cisco '12.1.1.2/32[gre]' \
    '12.1.1.1/32[gre]'

# Linux's GRE end (gre_tun, until the script ends), 1.1.1.1 through it;
# what libipsec hands back arrives on ipsec0, not where 12.1.1.1 routes.
for k in all default tap0 lo ipsec0; do
	in_ns sysctl -qw "net.ipv4.conf.$k.rp_filter=0" || fail "rp_filter $k"
done
timeout 40 ip netns exec "$ns" "$builddir/tests/gre_tun" 12.1.1.2 12.1.1.1 \
    gre1 35 2>"$D/gre_tun.out" &
gpid=$!
trap 'kill "$gpid" 2>/dev/null; ss_cleanup' EXIT
for i in $(seq 1 50); do
	in_ns ip link show gre1 >/dev/null 2>&1 && break
	sleep 0.1
done
# No IPv6 on gre1: its router solicitations would go into the tunnel at
# any moment and the counters below are exact.
in_ns sysctl -qw net.ipv6.conf.gre1.disable_ipv6=1 || fail "gre1 IPv6 off"
in_ns ip addr add 172.30.0.1/30 dev gre1 && in_ns ip link set gre1 up ||
    fail "gre1: $(cat "$D/gre_tun.out")"
in_ns ip route add 1.1.1.1/32 dev gre1 src 2.2.2.2 || fail "route 1.1.1.1"
in_ns ip rule add ipproto gre lookup 100 || fail "ip rule ipproto gre"

send "configure terminal" "no ip route 2.2.2.2 255.255.255.255 12.1.1.2"
ios_profile " mode transport"
send "interface Tunnel0" " ip address 172.30.0.2 255.255.255.252" \
    " tunnel source FastEthernet0/0" " tunnel destination 12.1.1.2" \
    " tunnel protection ipsec profile PRO" \
    "ip route 2.2.2.2 255.255.255.255 Tunnel0" "end"

# strongSwan begins, proposing tunnel mode; iosh answers.
swan --initiate --child lab >"$D/init.out" 2>&1 ||
    fail "swanctl --initiate: $(cat "$D/init.out")"
for i in $(seq 1 50); do
	in_ns ip link show ipsec0 >/dev/null 2>&1 && break
	sleep 0.1
done
# allow_peer_ts makes kernel-libipsec route all of 12.1.1.1 into ipsec0
# (table 220), ESP-in-UDP itself too: only GRE goes there.
in_ns ip route flush table 220 || fail "flush table 220"
in_ns ip route add 12.1.1.1/32 dev ipsec0 table 100 ||
    fail "GRE's route into ipsec0"

in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "Linux ping: $(cat "$D/lping")"
m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 10"
wait_for "^Success rate is 100 percent \(10/10\)" "$m" 20 ||
    fail "iosh's pings through Tunnel0"

tunnel_shows '^interface: Tunnel0$' \
    '^    Crypto map tag: Tunnel0-head-0, local addr 12.1.1.1$' \
    '^   local  ident \(addr/mask/prot/port\): \(12.1.1.1/255.255.255.255/47/0\)$' \
    '^   remote ident \(addr/mask/prot/port\): \(12.1.1.2/255.255.255.255/47/0\)$' \
    '^   current_peer 12.1.1.2 port 4500$' \
    '^    #pkts encaps: 13, #pkts encrypt: 13, #pkts digest: 13$' \
    '^    #pkts decaps: 13, #pkts decrypt: 13, #pkts verify: 13$' \
    '^    #send errors 0, #recv errors 0$' \
    '^        in use settings =\{Tunnel UDP-Encaps, \}$' \
    '^Tunnel0 is up, line protocol is up $' \
    '^  Tunnel protocol/transport GRE/IP$'
grep -q 'in use settings ={Transport' "$D/show" &&
    fail "transport claimed: $(cat "$D/show")"
swan --list-sas >"$D/sas" 2>&1 || fail "swanctl --list-sas"
grep -q "INSTALLED, TUNNEL-in-UDP, ESP:3DES_CBC/HMAC_MD5_96" "$D/sas" ||
    fail "strongSwan's SA: $(cat "$D/sas")"
grep -q "^    local  12.1.1.2/32\[gre\]$" "$D/sas" &&
    grep -q "^    remote 12.1.1.1/32\[gre\]$" "$D/sas" ||
    fail "strongSwan's selectors: $(cat "$D/sas")"
# strongSwan's counters: the same 13 GRE packets each way.
grep -Eq "in  [0-9a-f]+,[ 0-9]+ bytes, +13 packets" "$D/sas" &&
    grep -Eq "out [0-9a-f]+,[ 0-9]+ bytes, +13 packets" "$D/sas" ||
    fail "strongSwan's counters: $(cat "$D/sas")"
echo "strongSwan GRE over IPsec: strongSwan's tunnel-mode proposal taken" \
    "under iosh's mode transport set, {Tunnel UDP-Encaps, }, 3/3 and" \
    "10/10 across, 13/13 on both sides"
exit 0
