#!/bin/bash
# vpnc against a hub that configures XAUTH and mode-config the way IOS
# did before isakmp profiles ("Configuring IPsec Between Two Routers and
# a Cisco VPN Client"): no isakmp profile, the crypto map says
#   crypto map mymap client authentication list clientauth
#   crypto map mymap isakmp authorization list groupauthor
#   crypto map mymap client configuration address respond
# and the dynamic map has no `set isakmp-profile` (its reverse-route gives
# the hub its route back to the client's address).  vpnc's group is found
# by its name (Aggressive Mode ID_KEY_ID), it matches none of the
# profiles, the map's list checks its login, and it gets 10.5.5.1 from the
# group's pool, then pings the inside host through the tunnel.
#
#   iosh R1: Fa0/0 12.1.1.1 on tap0, Loopback0 1.1.1.1 (the inside host)
#   vpnc in a namespace: tap0 12.1.1.2, its tun device gets 10.5.5.x
#
# Needs root, namespaces, TUN/TAP and vpnc; skips (77) without them.

. "${top_srcdir:-.}/tests/interop_lib.sh"
. "${top_srcdir:-.}/tests/vpnc_lib.sh"

ns_start
iosh_start
send "configure terminal" \
    "aaa new-model" \
    "aaa authentication login clientauth local" \
    "aaa authorization network groupauthor local" \
    "username vpnuser password 0 cisco123" \
    "crypto isakmp policy 10" " encryption aes" " hash sha" \
    " authentication pre-share" " group 2" \
    "crypto isakmp client configuration group testgroup" \
    " key cisco321" " dns 1.1.1.1 2.2.2.2" " domain cisco.com" \
    " pool ippool" \
    "crypto ipsec transform-set myset esp-aes esp-sha-hmac" \
    "crypto dynamic-map dynmap 10" " set transform-set myset" \
    " reverse-route" \
    "crypto map mymap client authentication list clientauth" \
    "crypto map mymap isakmp authorization list groupauthor" \
    "crypto map mymap client configuration address respond" \
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap" \
    "ip local pool ippool 10.5.5.1 10.5.5.10" \
    "interface FastEthernet0/0" " crypto map mymap" "end"
send "debug crypto isakmp"

vpnc_files none 1.1.1.1/32
m=$(mark)
ip netns exec "$ns" timeout 120 stdbuf -oL vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc.pid" --script "$D/script.sh" \
    "$D/vpnc.conf" >"$D/vpnc.log" 2>&1 &
for i in $(seq 1 100); do
	grep -q "^INTERNAL_IP4_ADDRESS=" "$D/env.connect" 2>/dev/null && break
	sleep 0.1
done
grep -q "^INTERNAL_IP4_ADDRESS=10.5.5.1$" "$D/env.connect" 2>/dev/null ||
    fail "vpnc did not get 10.5.5.1: $(tail -20 "$D/vpnc.log")"
grep -q "^INTERNAL_IP4_DNS=1.1.1.1 2.2.2.2$" "$D/env.connect" ||
    fail "DNS: $(cat "$D/env.connect")"
sleep 0.5
in_ns ping -c 3 -W 2 -I 10.5.5.1 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "ping through vpnc: $(cat "$D/lping")"
for line in \
    ': peer matches \*none\* of the profiles$' \
    'Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE$' \
    'Need XAUTH$' \
    'Old State = IKE_P1_COMPLETE  New State = IKE_XAUTH_AAA_START_LOGIN_AWAIT$' \
    'Old State = IKE_XAUTH_AAA_START_LOGIN_AWAIT  New State = IKE_XAUTH_REQ_SENT$' \
    'Old State = IKE_XAUTH_REQ_SENT  New State = IKE_XAUTH_AAA_CONT_LOGIN_AWAIT$' \
    'Old State = IKE_XAUTH_AAA_CONT_LOGIN_AWAIT  New State = IKE_XAUTH_SET_SENT$' \
    'XAUTH ACK Processed$' \
    'Old State = IKE_XAUTH_SET_SENT  New State = IKE_P1_COMPLETE$' \
    'allocating address 10.5.5.1$' \
    'Old State = IKE_CONFIG_AUTHOR_AAA_AWAIT  New State = IKE_P1_COMPLETE$' \
    'Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE$'; do
	since "$m" | grep -Eq "$line" || fail "debug line missing: $line"
done
send "undebug all"
m=$(mark)
send "show crypto session detail"
wait_for "Outbound: " "$m" 10 || fail "show crypto session detail"
sleep 0.2
for line in '^Username: vpnuser$' '^Group: testgroup$' \
    '^Assigned address: 10.5.5.1$'; do
	since "$m" | grep -Eq "$line" ||
	    fail "show crypto session detail: $line: $(since "$m")"
done
echo "PASS: vpnc through the crypto map's XAUTH (no profile) got 10.5.5.1 and pinged 1.1.1.1"
