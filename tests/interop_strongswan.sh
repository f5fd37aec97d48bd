#!/bin/bash
# iosh against a real strongSwan 5.9 (charon, kernel-libipsec: ESP in user
# space, always ESP-in-UDP, always "behind NAT"), CCIE lab 13-1's tunnel:
#
#   iosh R1: Fa0/0 12.1.1.1 on tap0, Loopback0 1.1.1.1  (seed 001's crypto)
#   strongSwan R2 in a namespace: tap0 12.1.1.2, lo 2.2.2.2
#
# 1. iosh initiates: its first ping to 2.2.2.2 from loopback0 starts IKE
#    (Main Mode floats to 4500, RFC 3947), the next pings pass; the SPIs
#    of `show crypto ipsec sa` are those of `swanctl --list-sas` the
#    other way round, the algorithms and lifetimes agree; Linux pings
#    1.1.1.1 from 2.2.2.2 through the tunnel; the debug lines keep seed
#    001's wording.
# 2. iosh responds: after `clear crypto isakmp` / `clear crypto sa`,
#    `swanctl --initiate` brings the tunnel up again and traffic passes.
# 3. tshark, on a capture of the whole exchange, finds no malformed packet.
#
# Needs root, namespaces, TUN/TAP and strongSwan (tests/interop_lib.sh
# says which); skips (77) without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

ss_start capture
ss_conns 3des-md5-modp1024 3des-md5
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"
# Behind (what strongSwan says is) a NAT, keepalives every 5 s.
send "configure terminal" "crypto isakmp nat keepalive 5" "end"

# --- 1. iosh initiates.
send "debug crypto isakmp" "debug crypto ipsec"
m=$(mark)
send "ping 2.2.2.2 source loopback0"
wait_for "^Success rate is" "$m" 20 || fail "first ping did not end"
tail -c +"$((m + 1))" "$D/out" | grep -Eq '^(\.!!!!|!!!!!)$' ||
    fail "first ping: not .!!!! or !!!!!"
m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 10"
wait_for "^Success rate is 100 percent \(10/10\)" "$m" 20 ||
    fail "tunnel up, but not 10/10"
for line in \
    'ISAKMP:\(0\): beginning Main Mode exchange$' \
    'ISAKMP \(0\): vendor ID is NAT-T RFC 3947$' \
    'ISAKMP:\(0\):Checking ISAKMP transform 1 against priority 10 policy$' \
    'ISAKMP:\(1001\): sending packet to 12.1.1.2 my_port 4500 peer_port 4500 \(I\) MM_KEY_EXCH$' \
    'ISAKMP:\(1001\):SA has been authenticated with 12.1.1.2$' \
    'ISAKMP:\(1001\):Old State = IKE_QM_I_QM1  New State = IKE_QM_PHASE2_COMPLETE$' \
    'IPSEC\(create_sa\): sa created,$'; do
	grep -Eq "$line" "$D/out" || fail "debug line missing: $line"
done

m=$(mark)
send "show crypto ipsec sa" "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show commands"
tail -c +"$((m + 1))" "$D/out" >"$D/show"
swan --list-sas >"$D/sas" 2>&1 || fail "swanctl --list-sas"
grep -q "INSTALLED, TUNNEL-in-UDP, ESP:3DES_CBC/HMAC_MD5_96" "$D/sas" ||
    fail "strongSwan's SA: $(cat "$D/sas")"
grep -q "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024" "$D/sas" ||
    fail "strongSwan's IKE SA: $(cat "$D/sas")"
grep -q "^12.1.1.2        12.1.1.1        QM_IDLE" "$D/show" ||
    fail "show crypto isakmp sa: $(cat "$D/show")"
grep -q "in use settings ={Tunnel UDP-Encaps, }" "$D/show" ||
    fail "not UDP-encapsulated: $(cat "$D/show")"
grep -q "transform: esp-3des esp-md5-hmac ," "$D/show" ||
    fail "transform: $(cat "$D/show")"
grep -q "current_peer 12.1.1.2 port 4500" "$D/show" ||
    fail "peer port: $(cat "$D/show")"
# Our outbound SPI is strongSwan's inbound one, and the other way round.
ours_out=$(sed -n 's/^     current outbound spi: 0x\([0-9A-F]*\)(.*/\1/p' "$D/show")
ours_in=$(sed -n '/inbound esp sas:/{n;s/^      spi: 0x\([0-9A-F]*\)(.*/\1/p}' "$D/show")
ss_in=$(sed -n 's/^    in  \([0-9a-f]*\),.*/\1/p' "$D/sas")
ss_out=$(sed -n 's/^    out \([0-9a-f]*\),.*/\1/p' "$D/sas")
[ -n "$ours_out" ] && [ -n "$ss_in" ] &&
    [ $((16#$ours_out)) -eq $((16#$ss_in)) ] ||
    fail "SPI iosh out $ours_out, strongSwan in $ss_in"
[ -n "$ours_in" ] && [ -n "$ss_out" ] &&
    [ $((16#$ours_in)) -eq $((16#$ss_out)) ] ||
    fail "SPI iosh in $ours_in, strongSwan out $ss_out"
# Lifetimes: both count down from 3600 s, within a few seconds.
ours_left=$(sed -n 's/.*remaining key lifetime (k\/sec): ([0-9]*\/\([0-9]*\)).*/\1/p' "$D/show" | head -1)
ss_left=$(sed -n 's/.*expires in \([0-9]*\)s.*/\1/p' "$D/sas" | head -1)
[ -n "$ours_left" ] && [ -n "$ss_left" ] &&
    [ $((ours_left - ss_left)) -le 5 ] && [ $((ss_left - ours_left)) -le 5 ] ||
    fail "lifetimes: iosh $ours_left s, strongSwan $ss_left s"
m=$(mark)
send "test crypto wireshark-keys $D/ws1"
wait_for "^Wrote 1 ISAKMP and 2 ESP keys to $D/ws1$" "$m" 10 ||
    fail "test crypto wireshark-keys"
# Linux's own traffic through the tunnel, 2.2.2.2 to iosh's 1.1.1.1.
in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "Linux ping: $(cat "$D/lping")"

# --- 2. iosh responds.
send "undebug all" "clear crypto sa" "clear crypto isakmp"
sleep 2
swan --terminate --ike lab >/dev/null 2>&1
swan --initiate --child lab >"$D/initiate" 2>&1 ||
    fail "swanctl --initiate: $(tail -5 "$D/initiate")"
in_ns ping -c 3 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping2" 2>&1
grep -q " 3 received" "$D/lping2" || fail "Linux ping after strongSwan's \
initiate: $(cat "$D/lping2")"
m=$(mark)
send "show crypto isakmp sa" "test crypto wireshark-keys $D/ws2"
wait_for "^Wrote 1 ISAKMP and 2 ESP keys" "$m" 10 || fail "show after initiate"
tail -c +"$((m + 1))" "$D/out" |
    grep -q "^12.1.1.1        12.1.1.2        QM_IDLE" ||
    fail "iosh as responder: $(tail -c +"$((m + 1))" "$D/out")"

# --- 3. tshark's view of it all (a NAT keepalive is due 5 s after
# phase 1 came up).
if [ -f "$D/tshark.pid" ]; then
	sleep 6
	ss_capture_stop
	n_isakmp=$(timeout 30 tshark -n -r "$D/cap.pcap" -Y isakmp 2>/dev/null |
	    wc -l)
	n_esp=$(timeout 30 tshark -n -r "$D/cap.pcap" -Y esp 2>/dev/null |
	    wc -l)
	bad=$(timeout 30 tshark -n -r "$D/cap.pcap" -Y _ws.malformed \
	    2>/dev/null | wc -l)
	[ "$n_isakmp" -ge 18 ] && [ "$n_esp" -ge 30 ] ||
	    fail "capture: $n_isakmp ISAKMP, $n_esp ESP packets"
	[ "$bad" -eq 0 ] || fail "tshark: $bad malformed packets"
	n_ka=$(timeout 30 tshark -n -r "$D/cap.pcap" \
	    -Y 'udpencap.nat_keepalive && ip.src == 12.1.1.1' 2>/dev/null |
	    wc -l)
	[ "$n_ka" -ge 1 ] || fail "no NAT keepalive from iosh"
	# With the keys iosh wrote, tshark opens both: phase 1's
	# encrypted messages and every ESP packet, its ICV correct.
	ws_keys "$D/ws" "$D/ws1" "$D/ws2"
	WIRESHARK_CONFIG_DIR=$D/ws timeout 30 tshark -n -r "$D/cap.pcap" -V \
	    -o esp.enable_encryption_decode:TRUE \
	    -o esp.enable_authentication_check:TRUE >"$D/decoded" 2>&1
	n_icv=$(grep -c 'ESP ICV: .*\[correct\]' "$D/decoded")
	n_bad=$(grep -c 'ESP ICV: .*\[incorrect' "$D/decoded")
	n_ping=$(grep -c 'Internet Control Message Protocol' "$D/decoded")
	n_id=$(grep -c 'Identification Data' "$D/decoded")
	[ "$n_icv" -eq "$n_esp" ] && [ "$n_bad" -eq 0 ] ||
	    fail "ESP ICV: $n_icv correct, $n_bad incorrect of $n_esp"
	[ "$n_ping" -ge "$n_esp" ] || fail "decrypted ICMP: $n_ping"
	[ "$n_id" -ge 4 ] || fail "decrypted phase-1 identities: $n_id"
	echo "tshark: $n_isakmp ISAKMP and $n_esp ESP-in-UDP packets, none" \
	    "malformed; with iosh's keys $n_icv ICVs correct, $n_id phase-1" \
	    "identities decrypted"
fi
echo "strongSwan interop: iosh initiator and responder, NAT-T, SPIs ours_out=$ours_out ours_in=$ours_in agree"
exit 0
