#!/bin/bash
# vpnc against iosh's client configuration group lines of issue 15:
#   acl 101        -> Unity SPLIT_INCLUDE: vpnc's script gets
#                     CISCO_SPLIT_INC_0_ADDR/MASK/MASKLEN of each permit
#   save-password  -> Unity SAVE_PASSWD answered 1 (not "Unknown Attr")
#   max-users 1    -> a second client of the group (from 12.1.1.3) is
#                     refused at Aggressive Mode; no SA of its stays and
#                     the first client's stays up.
# Topology as tests/interop_vpnc.sh (iosh Fa0/0 12.1.1.1 on tap0, vpnc
# in a namespace at 12.1.1.2, --natt-mode none).  IOS's syslog line for
# a group past its max-users was not found; the refusal logs IOS's
# IKMP_MODE_FAILURE, as any refused Aggressive Mode does.
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
    "access-list 101 permit ip 1.1.1.0 0.0.0.255 any" \
    "access-list 101 deny ip 9.9.9.0 0.0.0.255 any" \
    "access-list 101 permit ip host 1.1.2.1 any" \
    "crypto isakmp policy 10" " encryption aes" " hash sha" \
    " authentication pre-share" " group 2" \
    "crypto isakmp client configuration group testgroup" \
    " key cisco321" " pool ippool" " acl 101" " save-password" \
    " max-users 1" \
    "crypto isakmp profile VPNclient" " match identity group testgroup" \
    " client authentication list clientauth" \
    " isakmp authorization list groupauthor" \
    " client configuration address respond" \
    "crypto ipsec transform-set myset esp-aes esp-sha-hmac" \
    "crypto dynamic-map dynmap 10" " set transform-set myset" \
    " set isakmp-profile VPNclient" \
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap" \
    "ip local pool ippool 10.5.5.1 10.5.5.10" \
    "interface FastEthernet0/0" " crypto map mymap" "end"
send "debug crypto isakmp"

vpnc_files none
m=$(mark)
ip netns exec "$ns" timeout 120 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc.pid" --script "$D/script.sh" \
    "$D/vpnc.conf" >"$D/vpnc.log" 2>&1 &
for i in $(seq 1 100); do
	[ -f "$D/env.connect" ] && break
	sleep 0.1
done
[ -f "$D/env.connect" ] || fail "vpnc did not connect"
# The two permits, the deny left out, in the ACL's order.
for want in CISCO_SPLIT_INC=2 \
    CISCO_SPLIT_INC_0_ADDR=1.1.1.0 CISCO_SPLIT_INC_0_MASK=255.255.255.0 \
    CISCO_SPLIT_INC_0_MASKLEN=24 CISCO_SPLIT_INC_0_PROTOCOL=0 \
    CISCO_SPLIT_INC_1_ADDR=1.1.2.1 CISCO_SPLIT_INC_1_MASK=255.255.255.255 \
    CISCO_SPLIT_INC_1_MASKLEN=32; do
	grep -qx "$want" "$D/env.connect" ||
	    fail "$want: $(grep SPLIT "$D/env.connect")"
done
! grep -q "CISCO_SPLIT_INC_2_" "$D/env.connect" || fail "a third split entry"
since "$m" | grep -q ': ISAKMP: Sending split include name:101 network 1.1.1.0 mask 255.255.255.0 protocol 0, src port 0, dst port 0$' ||
    fail "split include debug"
since "$m" | grep -q ': ISAKMP: Sending Save Password reply value 1$' ||
    fail "save password: $(since "$m" | grep -i 'attr\|save')"
! since "$m" | grep -q 'Unknown Attr: UNKNOWN (0x7001)' ||
    fail "SAVE_PASSWD still unknown"

# --- max-users 1: a second client of the group is refused.
in_ns ip addr add 12.1.1.3/24 dev tap0 || fail "12.1.1.3"
m=$(mark)
ip netns exec "$ns" timeout 30 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc2.pid" --script "$D/script.sh" --ifname tun2 \
    --local-addr 12.1.1.3 "$D/vpnc.conf" </dev/null >"$D/vpnc2.log" 2>&1 &&
    fail "a client past max-users connected"
since "$m" | grep -q '%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Aggressive mode failed with peer at 12.1.1.3$' ||
    fail "second client not refused: $(since "$m" | tail -20)"
send "undebug all"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
! since "$m" | grep -q "12.1.1.3" ||
    fail "an SA left for the refused client: $(since "$m")"
since "$m" | grep -q "^12.1.1.1        12.1.1.2        QM_IDLE" ||
    fail "the first client's SA went: $(since "$m")"

echo "PASS: split include 1.1.1.0/24 and 1.1.2.1/32 in vpnc's environment; save-password answered 1; max-users 1 refuses the second client"
