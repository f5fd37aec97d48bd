#!/bin/bash
# Aggressive Mode (IKEv1, PSK) between iosh and a real strongSwan 5.9
# (charon, kernel-libipsec: ESP in UDP), CCIE lab 13-1's tunnel as in
# tests/interop_strongswan.sh, strongSwan's connection with
# `aggressive = yes`:
#
# 1. strongSwan initiates (swanctl --initiate), iosh responds in
#    Aggressive Mode (IKE_R_AM_AAA_AWAIT, IKE_R_AM2): both show the SA,
#    Linux pings 1.1.1.1 from 2.2.2.2 through it, iosh pings back; then
#    again with strongSwan's ID_KEY_ID (a group name) and the group's key.
# 2. iosh initiates: its crypto map entry takes an isakmp profile with
#    `initiate mode aggressive`; its first ping brings the tunnel up.
# 3. tshark finds no malformed ISAKMP (or other) packet in the capture.
#
# Needs root, namespaces, TUN/TAP and strongSwan; skips (77) without.

. "${top_srcdir:-.}/tests/interop_lib.sh"

ss_start capture
ss_conns 3des-md5-modp1024 3des-md5
sed -i 's/^        version = 1$/        version = 1\n        aggressive = yes/' \
    "$D/swanctl.conf"
swan --load-all --clear --file "$D/swanctl.conf" >"$D/load.out" 2>&1 ||
    fail "swanctl --load-all: $(cat "$D/load.out")"
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"

# --- 1. strongSwan initiates, iosh responds.
send "debug crypto isakmp"
m=$(mark)
swan --initiate --child lab >"$D/initiate" 2>&1 ||
    fail "swanctl --initiate: $(tail -5 "$D/initiate")"
grep -q "initiating Aggressive Mode IKE_SA" "$D/initiate" ||
    fail "strongSwan did not use Aggressive Mode: $(cat "$D/initiate")"
for line in \
    'ISAKMP:\(0\):Old State = IKE_READY  New State = IKE_R_AM_AAA_AWAIT$' \
    'ISAKMP:\(1001\): sending packet to 12.1.1.2 my_port 500 peer_port 500 \(R\) AG_INIT_EXCH$' \
    'ISAKMP:\(1001\):Old State = IKE_R_AM_AAA_AWAIT  New State = IKE_R_AM2$' \
    'ISAKMP:\(1001\):SA has been authenticated with 12.1.1.2$' \
    'ISAKMP:\(1001\):Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE$'; do
	since "$m" | grep -Eq "$line" || fail "debug line missing: $line"
done
in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "Linux ping: $(cat "$D/lping")"
send "undebug all"
m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 10"
wait_for "^Success rate is 100 percent \(10/10\)" "$m" 20 ||
    fail "iosh's ping through strongSwan's AM tunnel"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
since "$m" | grep -q "^12.1.1.1        12.1.1.2        QM_IDLE" ||
    fail "iosh as AM responder: $(since "$m")"
swan --list-sas >"$D/sas" 2>&1 || fail "swanctl --list-sas"
grep -q "INSTALLED, TUNNEL-in-UDP, ESP:3DES_CBC/HMAC_MD5_96" "$D/sas" ||
    fail "strongSwan's SA: $(cat "$D/sas")"

# --- 1b. strongSwan identifies itself by ID_KEY_ID (a group name, as
# the Cisco VPN Client does): iosh takes the key of `crypto isakmp
# client configuration group`, not the address's (which differs).
ss_clear
sed -i -e 's/^            id = 12.1.1.2$/            id = keyid:testgroup/' \
    -e 's/^        id-2 = 12.1.1.2$/        id-2 = keyid:testgroup/' \
    -e 's/^        secret = cisco$/        secret = cisco321/' "$D/swanctl.conf"
swan --load-all --clear --file "$D/swanctl.conf" >"$D/load.out" 2>&1 ||
    fail "swanctl --load-all: $(cat "$D/load.out")"
send "configure terminal" "crypto isakmp client configuration group testgroup" \
    " key cisco321" "end" "debug crypto isakmp"
m=$(mark)
swan --initiate --child lab >"$D/initiate" 2>&1 ||
    fail "swanctl --initiate (key id): $(tail -5 "$D/initiate")"
for line in ' type         : 11$' ' group id     : testgroup$' \
    'Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE$'; do
	since "$m" | grep -Eq "$line" || fail "debug line missing: $line"
done
send "undebug all"
in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "Linux ping (key id): $(cat "$D/lping")"
# Back to addresses for part 2.
sed -i -e 's/^            id = keyid:testgroup$/            id = 12.1.1.2/' \
    -e 's/^        id-2 = keyid:testgroup$/        id-2 = 12.1.1.2/' \
    -e 's/^        secret = cisco321$/        secret = cisco/' "$D/swanctl.conf"
swan --load-all --clear --file "$D/swanctl.conf" >"$D/load.out" 2>&1 ||
    fail "swanctl --load-all: $(cat "$D/load.out")"

# --- 2. iosh initiates in Aggressive Mode.  charon answers Aggressive
# Mode with a PSK only when told (the hash it sends can be attacked
# offline): the setting, then charon's settings reloaded.
ss_clear
sed -i 's/^charon {$/charon {\n    i_dont_care_about_security_and_use_aggressive_mode_psk = yes/' \
    "$D/strongswan.conf"
swan --reload-settings >"$D/reload.out" 2>&1 ||
    fail "swanctl --reload-settings: $(cat "$D/reload.out")"
send "configure terminal" "crypto isakmp profile AM" \
    " match identity address 12.1.1.2 255.255.255.255" \
    " initiate mode aggressive" "crypto map TST 10 ipsec-isakmp" \
    " set isakmp-profile AM" "end" "debug crypto isakmp"
m=$(mark)
send "ping 2.2.2.2 source loopback0"
wait_for "^Success rate is" "$m" 20 || fail "first ping did not end"
# iosh sends AM3 and then QM1 at once, in that order; charon hands the
# two to different worker threads, and now and then QM1's thread checks
# the IKE_SA out before AM3's ("ignoring QUICK_MODE request while phase
# 1 is incomplete").  Then QM1's retransmission, 10 s on, brings the
# tunnel up: the first ping fails, a second one must not.
if ! since "$m" | grep -Eq '^(\.!!!!|!!!!!)$'; then
	grep -q "ignoring QUICK_MODE request while phase 1 is incomplete" \
	    "$D/charon.log" || fail "first ping: not .!!!!"
	wait_for "retransmitting phase 2 QM_IDLE" "$m" 15 ||
	    fail "Quick Mode not sent again"
	sleep 2
	m2=$(mark)
	send "ping 2.2.2.2 source loopback0"
	wait_for "^Success rate is" "$m2" 20 || fail "second ping did not end"
	since "$m2" | grep -Eq '^!!!!!$' ||
	    fail "second ping (after charon's race): not !!!!!"
	echo "charon took QM1 before AM3; QM1's retransmission brought it up"
fi
since "$m" | grep -Eq 'ISAKMP:\(0\): beginning Aggressive Mode exchange$' ||
    fail "iosh did not start Aggressive Mode"
since "$m" | grep -Eq 'Old State = IKE_I_AM1  New State = IKE_P1_COMPLETE$' ||
    fail "iosh's Aggressive Mode did not complete"
send "undebug all"
in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping2" 2>&1
grep -q " 3 received" "$D/lping2" || fail "Linux ping: $(cat "$D/lping2")"
swan --list-sas >"$D/sas2" 2>&1 || fail "swanctl --list-sas"
grep -q "ESTABLISHED" "$D/sas2" || fail "strongSwan: $(cat "$D/sas2")"

# --- 3. tshark on the capture.
if [ -f "$D/tshark.pid" ]; then
	sleep 1
	kill "$(cat "$D/tshark.pid")" 2>/dev/null
	rm -f "$D/tshark.pid"
	sleep 1
	n_am=$(timeout 30 tshark -n -r "$D/cap.pcap" \
	    -Y 'isakmp.exchangetype == 4' 2>/dev/null | wc -l)
	n_esp=$(timeout 30 tshark -n -r "$D/cap.pcap" -Y esp 2>/dev/null |
	    wc -l)
	bad=$(timeout 30 tshark -n -r "$D/cap.pcap" -Y _ws.malformed \
	    2>/dev/null | wc -l)
	[ "$n_am" -ge 6 ] && [ "$n_esp" -ge 20 ] ||
	    fail "capture: $n_am Aggressive Mode, $n_esp ESP packets"
	[ "$bad" -eq 0 ] || fail "tshark: $bad malformed packets"
	echo "tshark: $n_am Aggressive Mode and $n_esp ESP packets, none malformed"
fi
echo "strongSwan Aggressive Mode interop: iosh responder and initiator"
exit 0
