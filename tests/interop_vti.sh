#!/bin/bash
# iosh's IPv4 VTI against a real strongSwan 5.9 (charon, kernel-libipsec:
# ESP in user space, always ESP-in-UDP), route-based on both ends:
#
#   iosh R1: Fa0/0 12.1.1.1 on tap0, Loopback0 1.1.1.1, Tunnel0
#	172.16.0.1/24 `tunnel mode ipsec ipv4` to 12.1.1.2 with `tunnel
#	protection ipsec profile PRO`, 2.2.2.2 routed into Tunnel0
#   strongSwan R2 in a namespace: tap0 12.1.1.2, lo 2.2.2.2, traffic
#	selectors 0.0.0.0/0 both ways, 1.1.1.1 routed into libipsec's TUN
#	device (charon installs no route: 0.0.0.0/0 would take IKE too)
#
# iosh's VTI begins IKE on its own (Main Mode floats to 4500), its line
# protocol comes up with the SAs, iosh's pings to 2.2.2.2 pass, Linux's
# pings from 2.2.2.2 to 1.1.1.1 pass, `show crypto ipsec sa` shows the
# VTI form (interface: Tunnel0, Tunnel0-head-0, 0.0.0.0/0 idents) and
# the SPIs agree with strongSwan's; `clear crypto sa` takes the line
# protocol down and IKE brings it back.
#
# Needs root, namespaces, TUN/TAP and strongSwan (tests/interop_lib.sh
# says which); skips (77) without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

ss_start
ss_conns 3des-md5-modp1024 3des-md5 cisco 0.0.0.0/0 0.0.0.0/0
sed -i 's/^    install_routes = yes$/    install_routes = no/' \
    "$D/strongswan.conf"
swan --load-all --clear --file "$D/swanctl.conf" >"$D/load.out" 2>&1 ||
    fail "swanctl --load-all: $(cat "$D/load.out")"

m=$(mark)
send "configure terminal" "no ip route 2.2.2.2 255.255.255.255 12.1.1.2"
ios_profile
send "interface Tunnel0" " ip address 172.16.0.1 255.255.255.0" \
    " tunnel source FastEthernet0/0" " tunnel destination 12.1.1.2" \
    " tunnel mode ipsec ipv4" " tunnel protection ipsec profile PRO" \
    "ip route 2.2.2.2 255.255.255.255 Tunnel0" "end"
wait_for "Line protocol on Interface Tunnel0, changed state to up" "$m" 20 ||
    fail "Tunnel0 did not come up"
# libipsec's TUN device exists once charon has SAs.
for i in $(seq 1 50); do
	in_ns ip link show ipsec0 >/dev/null 2>&1 && break
	sleep 0.1
done
in_ns ip route add 1.1.1.1/32 dev ipsec0 src 2.2.2.2 ||
    fail "route to 1.1.1.1 via ipsec0"

m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 10"
wait_for "^Success rate is 100 percent \(10/10\)" "$m" 20 ||
    fail "iosh's pings through Tunnel0"
in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "Linux ping: $(cat "$D/lping")"

tunnel_shows '^interface: Tunnel0$' \
    '^    Crypto map tag: Tunnel0-head-0, local addr 12.1.1.1$' \
    '^   local  ident \(addr/mask/prot/port\): \(0.0.0.0/0.0.0.0/0/0\)$' \
    '^   remote ident \(addr/mask/prot/port\): \(0.0.0.0/0.0.0.0/0/0\)$' \
    '^   current_peer 12.1.1.2 port 4500$' \
    '^        in use settings =\{Tunnel UDP-Encaps, \}$' \
    '^Tunnel0 is up, line protocol is up $' \
    '^  Tunnel protocol/transport IPSEC/IP$'
swan --list-sas >"$D/sas" 2>&1 || fail "swanctl --list-sas"
grep -q "INSTALLED, TUNNEL-in-UDP, ESP:3DES_CBC/HMAC_MD5_96" "$D/sas" ||
    fail "strongSwan's SA: $(cat "$D/sas")"
grep -q "^    local  0.0.0.0/0$" "$D/sas" &&
    grep -q "^    remote 0.0.0.0/0$" "$D/sas" ||
    fail "strongSwan's selectors: $(cat "$D/sas")"
ours_out=$(sed -n 's/^     current outbound spi: 0x\([0-9A-F]*\)(.*/\1/p' "$D/show")
ss_in=$(sed -n 's/^    in  \([0-9a-f]*\),.*/\1/p' "$D/sas")
[ -n "$ours_out" ] && [ -n "$ss_in" ] &&
    [ $((16#$ours_out)) -eq $((16#$ss_in)) ] ||
    fail "SPI iosh out $ours_out, strongSwan in $ss_in"
# Both directions counted on the tunnel's SAs: 10 + 3 each way.
grep -Eq '#pkts encaps: 1[3-9]|#pkts encaps: [2-9][0-9]' "$D/show" &&
    grep -Eq '#pkts decaps: 1[3-9]|#pkts decaps: [2-9][0-9]' "$D/show" ||
    fail "counters: $(grep '#pkts' "$D/show")"

# The SAs go: the line protocol follows, and the VTI negotiates again.
m=$(mark)
send "clear crypto sa"
wait_for "Line protocol on Interface Tunnel0, changed state to down" "$m" \
    10 || fail "Tunnel0 stayed up without SAs"
wait_for "Line protocol on Interface Tunnel0, changed state to up" "$m" 20 ||
    fail "Tunnel0 did not come back"
m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 5"
wait_for "^Success rate is 100 percent \(5/5\)" "$m" 20 ||
    fail "pings after clear crypto sa"
echo "strongSwan VTI interop: Tunnel0 up from its own IKE, 10/10 and 3/3" \
    "across, SPI $ours_out agrees, down and up again with its SAs"
exit 0
