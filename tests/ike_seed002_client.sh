#!/bin/bash
# Seed 002's hub transcript of the VPN Client's initiation, from iosh:
# the hub with the seed's configuration on FastEthernet0/0 10.48.67.181
# (a tap: attachment), vpnc in a namespace as the Cisco VPN Client from
# 10.51.82.100 (group testgroup, key cisco321, XAUTH as the seed's user
# gfullage, --natt-mode none, --enable-weak-encryption for the seed's
# 3des), `debug crypto isakmp`, `debug crypto ipsec` and `debug crypto
# engine` on at the hub.  The hub's debug lines from vpnc's first packet
# to the second create_sa go to $1; tests/ike_seed002.sh compares them
# with the seed's.  Changes to the seed's configuration: the default
# route out of FastEthernet0/0 (the seed's next hop is not on the tap),
# and FastEthernet0/1 left unattached.
#
# Needs root, namespaces, TUN/TAP and vpnc; exits 77 without them.
out=${1:?usage: ike_seed002_client.sh TRANSCRIPT}

. "${top_srcdir:-.}/tests/interop_lib.sh"

command -v vpnc >/dev/null || skip "vpnc missing"

vpnc_cleanup() {
	[ -f "$D/vpnc.pid" ] && kill "$(cat "$D/vpnc.pid")" 2>/dev/null
	ss_cleanup
}
trap vpnc_cleanup EXIT

ip netns add "$ns" 2>/dev/null || skip "no netns"
in_ns ip link set lo up || fail "lo up"
in_ns ip tuntap add dev tap0 mode tap || skip "no tuntap"
in_ns ip addr add 10.51.82.100/32 dev tap0 || fail "10.51.82.100"
in_ns ip link set tap0 up || fail "tap0 up"
in_ns ip route add 10.48.67.181/32 dev tap0 src 10.51.82.100 ||
    fail "route to the hub"

mkfifo "$D/in"
ip netns exec "$ns" timeout 300 "$iosh" --nvram "$D/nv" \
    --attach FastEthernet0/0=tap:tap0 <"$D/in" >"$D/out" 2>&1 &
echo $! >"$D/iosh.pid"
exec 3>"$D/in"
send enable "configure terminal"
# Seed 002's "Hub Configuration" (the default route changed, above).
send "version 12.3" \
    "service timestamps debug datetime msec" \
    "service timestamps log datetime msec" \
    "service password-encryption" \
    "hostname Hub" \
    "no logging on" \
    "username gfullage password 7 0201024E070A0E2649" \
    "aaa new-model" \
    "aaa authentication login clientauth local" \
    "aaa authorization network groupauthor local" \
    "aaa session-id common" \
    "ip subnet-zero" \
    "no ip domain lookup" \
    "crypto keyring spokes" \
    "  pre-shared-key address 0.0.0.0 0.0.0.0 key cisco123" \
    "crypto isakmp policy 10" " encr 3des" " authentication pre-share" \
    " group 2" \
    "crypto isakmp client configuration group testgroup" \
    " key cisco321" " dns 1.1.1.1 2.2.2.2" " wins 3.3.3.3 4.4.4.4" \
    " domain cisco.com" " pool ippool" \
    "crypto isakmp profile L2L" \
    "   description LAN-to-LAN for spoke router(s) connection" \
    "   keyring spokes" "   match identity address 0.0.0.0" \
    "crypto isakmp profile VPNclient" \
    "   description VPN clients profile" \
    "   match identity group testgroup" \
    "   client authentication list clientauth" \
    "   isakmp authorization list groupauthor" \
    "   client configuration address respond" \
    "crypto ipsec transform-set myset esp-3des esp-sha-hmac" \
    "crypto dynamic-map dynmap 5" " set transform-set myset" \
    " set isakmp-profile VPNclient" \
    "crypto dynamic-map dynmap 10" " set transform-set myset" \
    " set isakmp-profile L2L" \
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap" \
    "interface FastEthernet0/0" " description Outside interface" \
    " ip address 10.48.67.181 255.255.255.224" " no ip mroute-cache" \
    " duplex auto" " speed auto" " crypto map mymap" " no shutdown" \
    "interface FastEthernet0/1" " description Inside interface" \
    " ip address 10.1.1.1 255.255.254.0" " duplex auto" " speed auto" \
    " no keepalive" \
    "ip local pool ippool 10.5.5.1 10.5.5.254" \
    "no ip http server" "no ip http secure-server" "ip classless" \
    "ip route 0.0.0.0 0.0.0.0 FastEthernet0/0" "end"
# ARP first (not crypto traffic), so IKE's first answer is not lost.
m=$(mark)
send "ping 10.51.82.100 repeat 2"
wait_for "^Success rate is" "$m" 10 || fail "ping 10.51.82.100"
send "debug crypto isakmp" "debug crypto ipsec" "debug crypto engine"

cat >"$D/script.sh" <<EOS
#!/bin/sh
[ "\$reason" = connect ] && touch "$D/connected"
exit 0
EOS
chmod +x "$D/script.sh"
cat >"$D/vpnc.conf" <<EOC
IPSec gateway 10.48.67.181
IPSec ID testgroup
IPSec secret cisco321
Xauth username gfullage
Xauth password gfullage
IKE DH Group dh2
Perfect Forward Secrecy nopfs
NAT Traversal Mode none
EOC
m=$(mark)
ip netns exec "$ns" timeout 60 vpnc --no-detach --debug 1 --enable-weak-encryption \
    --pid-file "$D/vpnc.pid" --script "$D/script.sh" \
    --local-addr 10.51.82.100 "$D/vpnc.conf" >"$D/vpnc.log" 2>&1 &
wait_for "IPSEC\(create_sa\).*" "$m" 30 || fail "no SA: $(tail "$D/vpnc.log")"
sleep 1
since "$m" | sed -n '/received packet from 10.51.82.100/,$p' |
    awk '{ print } /sa_conn_id=/ && ++n == 2 { exit }' >"$out"
grep -q "sa_conn_id=" "$out" || fail "no transcript"
exit 0
