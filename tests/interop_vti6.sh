#!/bin/bash
# iosh's IPv6 VTI (`tunnel mode ipsec ipv6`, seed 003's tunnel) against a
# real strongSwan 5.9 (charon, kernel-libipsec: ESP in user space, always
# ESP-in-UDP), route-based on both ends, over an IPv6 transport:
#
#   iosh R1: Fa0/0 2001:DB8:12::5/64 on tap0, Loopback0 2001:DB8:1::1,
#	Tunnel0 2001:DB8:23::1/64, `tunnel protection ipsec profile PRO`,
#	2001:DB8:2::2 routed into Tunnel0
#   strongSwan in a namespace: tap0 2001:db8:12::9 and ::2, lo
#	2001:db8:2::2, traffic selectors ::/0 both ways, 2001:db8:1::1
#	routed into libipsec's TUN device
#
# libipsec makes charon claim a NAT (its NAT-D hashes never match), so
# IKE floats to 4500 after MM4 and the SAs are UDP-encapsulated: NAT-D,
# the non-ESP marker and ESP in UDP, all over IPv6.
#
# Both directions: first iosh begins (its 2001:DB8:12::5 is the lower
# end of a tunnel to ::9, so its VTI starts IKE at once), then the
# tunnel is moved to ::2 (now iosh is the higher end and waits) and
# strongSwan begins.  Each time the line protocol comes up, iosh's and
# Linux's pings cross the tunnel both ways, and `show crypto ipsec sa`
# shows the VTI's IPv6 form over UDP 4500.  tshark, on tap0, dissects
# all of it without a malformed packet and, with the keys of `test
# crypto wireshark-keys` (iosh writes IPv6 SAs as Wireshark's "IPv6"
# rows), decrypts phase 1 and every ESP packet.
#
# Needs root, namespaces, TUN/TAP and strongSwan (tests/interop_lib.sh
# says which); skips (77) without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"
# tshark judges the capture: without it the test cannot say all it says.
have tshark || skip "no tshark"

ns_start
# No link-local address on libipsec's TUN device (made when charon
# starts): Linux would send router solicitations and MLD reports into
# the tunnel, and the counters below are exact.
in_ns sysctl -qw net.ipv6.conf.default.addr_gen_mode=1 ||
    fail "addr_gen_mode"
ss_charon capture
iosh_start
for a in 2001:db8:12::9/64 2001:db8:12::2/64; do
	in_ns ip -6 addr add "$a" dev tap0 nodad || fail "address $a"
done
in_ns ip -6 addr add 2001:db8:2::2/128 dev lo || fail "2001:db8:2::2"
# ::/0 would take IKE into the tunnel too: the route to iosh's loopback
# is added by hand.
sed -i 's/^    install_routes = yes$/    install_routes = no/' \
    "$D/strongswan.conf"
SS_LOCAL=2001:db8:12::9 SS_REMOTE=2001:db8:12::5 \
    ss_conns 3des-md5-modp1024 3des-md5 cisco ::/0 ::/0

send "configure terminal" "ipv6 unicast-routing" \
    "interface Loopback0" " ipv6 address 2001:DB8:1::1/128" \
    "interface FastEthernet0/0" " ipv6 address 2001:DB8:12::5/64" "end"
# Neighbour discovery first (not crypto traffic), so MM1 is not lost:
# Linux's solicitations teach iosh both of its addresses.
for a in 2001:db8:12::9 2001:db8:12::2; do
	in_ns ip -6 neigh flush dev tap0
	in_ns ping -6 -c 1 -W 2 -I $a 2001:db8:12::5 >"$D/nd" 2>&1 ||
	    fail "ping iosh from $a: $(cat "$D/nd")"
done

m=$(mark)
send "configure terminal" "crypto isakmp policy 10" " encryption 3des" \
    " hash md5" " authentication pre-share" " group 2" \
    "crypto isakmp key cisco address ipv6 ::/0" \
    "crypto isakmp nat keepalive 5" \
    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac" \
    "crypto ipsec profile PRO" " set transform-set TSET" \
    "interface Tunnel0" " ipv6 address 2001:DB8:23::1/64" \
    " tunnel source FastEthernet0/0" " tunnel mode ipsec ipv6" \
    " tunnel destination 2001:DB8:12::9" \
    " tunnel protection ipsec profile PRO" \
    "ipv6 route 2001:DB8:2::2/128 Tunnel0" "end"

# One direction's proof: line protocol up, pings both ways, iosh's show
# in its IPv6/UDP form with the SPI strongSwan has, strongSwan's side
# the initiator ($2: i) or responder (r) of the IKE SA.
tunnel_passes() {
	local peer=$1 role=$2 m ours_out ss_in i
	wait_for "Line protocol on Interface Tunnel0, changed state to up" \
	    "$3" 20 || fail "Tunnel0 did not come up (peer $peer)"
	for i in $(seq 1 50); do
		in_ns ip link show ipsec0 >/dev/null 2>&1 && break
		sleep 0.1
	done
	in_ns ip -6 route replace 2001:db8:1::1/128 dev ipsec0 \
	    src 2001:db8:2::2 || fail "route to 2001:db8:1::1 via ipsec0"
	m=$(mark)
	send "ping 2001:DB8:2::2 source Loopback0 repeat 10"
	wait_for "^Success rate is 100 percent \(10/10\)" "$m" 20 ||
	    fail "iosh's pings through Tunnel0 (peer $peer)"
	in_ns ping -6 -c 3 -i 0.2 -W 2 -I 2001:db8:2::2 2001:db8:1::1 >"$D/lping" 2>&1
	grep -q " 3 received" "$D/lping" ||
	    fail "Linux ping (peer $peer): $(cat "$D/lping")"
	m=$(mark)
	send "show crypto ipsec sa" "show interfaces Tunnel0"
	wait_for "Tunnel protection via IPSec" "$m" 10 || fail "show commands"
	since "$m" >"$D/show"
	for line in '^interface: Tunnel0$' \
	    '^    Crypto map tag: Tunnel0-head-0, local addr 2001:DB8:12::5$' \
	    '^   local  ident \(addr/mask/prot/port\): \(::/0/0/0\)$' \
	    '^   remote ident \(addr/mask/prot/port\): \(::/0/0/0\)$' \
	    "^   current_peer $peer port 4500\$" \
	    '^        in use settings =\{Tunnel UDP-Encaps, \}$' \
	    '^    #send errors 0, #recv errors 0$' \
	    '^Tunnel0 is up, line protocol is up $' \
	    '^  Tunnel protocol/transport IPSEC/IPV6$'; do
		grep -Eq "$line" "$D/show" ||
		    fail "show: no $line in $(cat "$D/show")"
	done
	swan --list-sas >"$D/sas" 2>&1 || fail "swanctl --list-sas"
	grep -q "INSTALLED, TUNNEL-in-UDP, ESP:3DES_CBC/HMAC_MD5_96" \
	    "$D/sas" && grep -q "^    local  ::/0$" "$D/sas" &&
	    grep -q "^    remote ::/0$" "$D/sas" ||
	    fail "strongSwan's SA: $(cat "$D/sas")"
	grep -Eq "ESTABLISHED, IKEv1, [0-9a-f]+_i\* [0-9a-f]+_r$" "$D/sas"
	[ $? -eq "$([ "$role" = i ] && echo 0 || echo 1)" ] ||
	    fail "strongSwan was not the ${role}nitiator side: $(cat "$D/sas")"
	ours_out=$(sed -n \
	    's/^     current outbound spi: 0x\([0-9A-F]*\)(.*/\1/p' "$D/show")
	ss_in=$(sed -n 's/^    in  \([0-9a-f]*\),.*/\1/p' "$D/sas")
	# One flow, one SA each way: one SPI each (IOS prints no zeros
	# before it, strongSwan 8 digits).
	[ -n "$ss_in" ] && [ "$(echo "$ours_out" | wc -w)" -eq 1 ] &&
	    [ "$(printf %08x "0x$ours_out")" = "$ss_in" ] ||
	    fail "SPI iosh out $ours_out, strongSwan in $ss_in"
	m=$(mark)
	send "test crypto wireshark-keys $D/ws-$role"
	wait_for "^Wrote 1 ISAKMP and 2 ESP keys to $D/ws-$role$" "$m" 10 ||
	    fail "test crypto wireshark-keys"
	# 10 + 3 echoes each way, nothing else on the SAs.
	grep -q '#pkts encaps: 13, #pkts encrypt: 13, #pkts digest: 13' \
	    "$D/show" && grep -q \
	    '#pkts decaps: 13, #pkts decrypt: 13, #pkts verify: 13' \
	    "$D/show" || fail "counters: $(grep '#pkts' "$D/show")"
}

# iosh (2001:DB8:12::5 < ::9) begins.
tunnel_passes 2001:DB8:12::9 r "$m"

# strongSwan begins: the tunnel moves to its ::2, below iosh's address,
# so iosh's VTI waits for it.  The tunnel first (iosh deletes its SAs
# with ::9 and does not begin again towards it), then strongSwan's IKE
# SA with ::9 goes too.
m=$(mark)
send "configure terminal" "interface Tunnel0" \
    " tunnel destination 2001:DB8:12::2" "end"
wait_for "Tunnel0, changed state to down" "$m" 5 ||
    fail "Tunnel0 stayed up with its destination moved"
swan --terminate --ike lab >/dev/null 2>&1
SS_LOCAL=2001:db8:12::2 SS_REMOTE=2001:db8:12::5 \
    ss_conns 3des-md5-modp1024 3des-md5 cisco ::/0 ::/0
swan --initiate --child lab >"$D/init.out" 2>&1 ||
    fail "swanctl --initiate: $(tail -5 "$D/init.out")"
tunnel_passes 2001:DB8:12::2 i "$m"

# tshark's view of both tunnels: IKE over IPv6 on 500, then on 4500
# behind the non-ESP marker, ESP in UDP over IPv6; none malformed, and
# with the keys iosh wrote phase 1's identities and every ESP packet
# open, ICVs correct, ICMPv6 inside.
ss_capture_stop
ws_keys "$D/ws" "$D/ws-r" "$D/ws-i"
# One pass (tshark is slow to start): its protocol stacks are counted.
WIRESHARK_CONFIG_DIR=$D/ws timeout 30 tshark -n -r "$D/cap.pcap" -V \
    -o esp.enable_encryption_decode:TRUE \
    -o esp.enable_authentication_check:TRUE >"$D/decoded" 2>&1 ||
    fail "tshark: $(tail -5 "$D/decoded")"
stacks() {
	grep -c "^    \[Protocols in frame: $1\]$" "$D/decoded"
}
n_isakmp=$(stacks 'eth:ethertype:ipv6:udp:isakmp')
n_natt=$(stacks 'eth:ethertype:ipv6:udp:udpencap:isakmp')
n_esp=$(stacks 'eth:ethertype:ipv6:udp:udpencap:esp:ipv6:icmpv6:data')
bad=$(grep -Ec '_ws\.malformed|Malformed Packet|Severity level: Error' \
    "$D/decoded")
# Main Mode 6 and Quick Mode 3 each time, MM5 on from 4500, and the
# deletes when the tunnel moved (iosh's for the ESP SA, or strongSwan's,
# whichever came first, and strongSwan's for IKE); 26 ESP each time.
[ "$n_isakmp" -eq 8 ] && [ "$n_natt" -ge 12 ] && [ "$n_natt" -le 13 ] &&
    [ "$n_esp" -eq 52 ] ||
    fail "capture: $n_isakmp ISAKMP on 500, $n_natt on 4500, $n_esp ESP"
[ "$bad" -eq 0 ] || fail "tshark: malformed or in error: \
$(grep -E -B30 '_ws\.malformed|Malformed Packet|Severity level: Error' \
"$D/decoded" | head -40)"
n_icv=$(grep -c 'ESP ICV: .*\[correct\]' "$D/decoded")
n_echo=$(grep -c 'Internet Control Message Protocol v6' "$D/decoded")
n_id=$(grep -c 'Identification Data:2001:db8:12::' "$D/decoded")
[ "$n_icv" -eq "$n_esp" ] || fail "ESP ICV: $n_icv correct of $n_esp"
[ "$n_echo" -ge "$n_esp" ] || fail "decrypted ICMPv6: $n_echo"
[ "$n_id" -eq 4 ] || fail "decrypted phase-1 identities: $n_id \
$(grep 'Identification Data' "$D/decoded")"
echo "tshark: $n_isakmp ISAKMP over IPv6 on 500, $n_natt on 4500, $n_esp" \
    "ESP-in-UDP over IPv6, none malformed; with iosh's keys $n_icv ICVs" \
    "correct, $n_id phase-1 identities decrypted"
echo "strongSwan IPv6 VTI interop: ESP in UDP over IPv6, iosh initiating" \
    "then strongSwan, 10/10 and 3/3 across each time, SPIs agree"
exit 0
