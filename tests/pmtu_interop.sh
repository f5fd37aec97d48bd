#!/bin/bash
# Path MTU through an iosh<->strongSwan tunnel, with Linux hosts at MTU
# 1500 on both sides:
#
#   hosta 10.0.1.2 --veth-- (pcap:) Fa0/1 10.0.1.1 iosh R1
#                           Fa0/0 12.1.1.1 (tap:) ==tap0== 12.1.1.2 charon,
#                           ipsec0 (kernel-libipsec's TUN, MTU 1400)
#                           10.0.2.1 --veth-- hostb 10.0.2.2
#
# tests/interop_lib.sh's namespace and charon, forwarding for hostb;
# crypto map between 10.0.1.0/24 and 10.0.2.0/24, esp-aes esp-sha-hmac,
# ESP in UDP 4500 (all kernel-libipsec speaks).  The tunnel's inner MTU N
# is what R1's path mtu leaves once 20 + 8 (UDP) + 8 + 16 IV + 2 + 12 ICV
# are taken and the data padded to 16 (1422 at path mtu 1500).
# strongSwan's side is narrower: libipsec reads its TUN into buffers of
# the MTU it gave it, 1400 (no setting; a larger ipsec0 MTU truncates
# packets), so Linux in charon's namespace fragments for it and tells
# hostb 1400.  Checked:
#  - a DF ping from hosta larger than N gets "Frag needed and DF set
#    (mtu = N)" from R1, and one of N bytes passes (the answer fragmented
#    for ipsec0, put back together by hosta);
#  - a 3000-byte ping without DF is answered 3 times (fragmented by hosta,
#    fragmented again before encryption by R1, and back the same way by
#    strongSwan's side);
#  - TCP (iperf3 -t 3) from hosta to hostb and back (-R), each more than
#    1 Mbit/s, the figures printed, the senders' PMTU caches emptied
#    before and holding N (hosta) and 1400 (hostb) after;
#  - with the tap0 link narrowed to 1400 (R1's `mtu 1400`, Linux's
#    tap0), R1's path mtu is 1400 and the DF pings give N = 1326; Linux
#    fragments strongSwan's ESP in UDP (1472 bytes for 1400 inner) and
#    TCP from hostb still runs (> 1 Mbit/s) on R1's reassembly;
#  - R1's show crypto ipsec sa counted no receive errors.
# Needs root, namespaces, veth, TUN/TAP, iperf3, ethtool and strongSwan
# (tests/interop_lib.sh says which); skips (77) without them.  Every wait
# is bounded; the namespaces and every process go in the trap.

. "${top_srcdir:-.}/tests/skip.sh"
[ "$(id -u)" -eq 0 ] || skip "not root"
for t in ip ping iperf3 ethtool; do
	command -v $t >/dev/null 2>&1 || skip "no $t"
done
. "${top_srcdir:-.}/tests/interop_lib.sh"

ha=iosh-pmtu-ss-a-$$
hb=iosh-pmtu-ss-b-$$
spid=
cleanup() {
	[ -n "$spid" ] && kill "$spid" 2>/dev/null
	ip netns del "$ha" 2>/dev/null
	ip netns del "$hb" 2>/dev/null
	ss_cleanup
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

in_a() {
	timeout 30 ip netns exec "$ha" "$@"
}
in_b() {
	timeout 30 ip netns exec "$hb" "$@"
}

# veth NS IF ADDR GW PEERIF [PEERADDR]: host namespace NS's veth IF at
# MTU 1500, its peer PEERIF in charon's namespace (with PEERADDR, or none
# for iosh's pcap:, so Linux there leaves its frames alone).  No
# offloads: pcap must see every segment as it is on the wire, checksum
# filled in, at most the MTU.
veth() {
	ip netns add "$1" 2>/dev/null || skip "no netns"
	timeout 30 ip netns exec "$1" ip link set lo up
	ip link add "$2" netns "$1" type veth peer name "$5" netns "$ns" ||
	    skip "no veth"
	timeout 30 ip netns exec "$1" ip addr add "$3"/24 dev "$2"
	timeout 30 ip netns exec "$1" ip link set "$2" mtu 1500 up
	timeout 30 ip netns exec "$1" ip route add default via "$4"
	[ -n "${6:-}" ] && in_ns ip addr add "$6"/24 dev "$5"
	in_ns ip link set "$5" mtu 1500 up
	timeout 30 ip netns exec "$1" ethtool -K "$2" tso off gso off gro off \
	    tx off >/dev/null 2>&1
	in_ns ethtool -K "$5" tso off gso off gro off tx off >/dev/null 2>&1
}

ns_start
veth "$ha" ea 10.0.1.2 10.0.1.1 va
veth "$hb" eb 10.0.2.2 10.0.2.1 vb 10.0.2.1
in_ns sysctl -qw net.ipv4.ip_forward=1 || fail "ip_forward"
ss_charon
IOSH_ATTACH="--attach FastEthernet0/1=pcap:va"
iosh_start

ss_conns 3des-md5-modp1024 aes128-sha1 cisco 10.0.2.0/24 10.0.1.0/24
send "configure terminal" "interface FastEthernet0/1" \
    " ip address 10.0.1.1 255.255.255.0" " no shutdown" \
    "ip route 10.0.2.0 255.255.255.0 12.1.1.2" "end"
ios_crypto 3des md5 2 "esp-aes esp-sha-hmac" "" cisco \
    "10.0.1.0 0.0.0.255 10.0.2.0 0.0.0.255"
sleep 1

# The host's first packets start IKE; wait, bounded, until the tunnel
# carries.
up=
for i in $(seq 30); do
	if in_a ping -c 1 -W 1 10.0.2.2 >/dev/null 2>&1; then
		up=1
		break
	fi
done
[ -n "$up" ] || fail "the tunnel did not come up"

# df_ping PMTU: R1's show crypto ipsec sa says path mtu PMTU; N, the
# inner MTU that leaves for the transform with NAT-T (outer IP 20, UDP 8,
# SPI and sequence 8, IV 16, ICV 12; the data and its 2 trailer bytes
# padded to 16), is printed and set in $n.  A DF ping from hosta of N + 1
# bytes gets R1's frag needed with N; one of N bytes passes.
df_ping() {
	local m
	m=$(mark)
	send "show crypto ipsec sa"
	wait_for "current outbound spi" "$m" 10 || fail "show crypto ipsec sa"
	since "$m" >"$D/show-$1"
	grep -q "in use settings ={Tunnel UDP-Encaps, }" "$D/show-$1" ||
	    fail "not UDP-encapsulated: $(cat "$D/show-$1")"
	pmtu=$(sed -n 's/^     path mtu \([0-9]*\), ip mtu .*/\1/p' \
	    "$D/show-$1")
	[ "$pmtu" = "$1" ] || fail "path mtu $pmtu, not $1: \
$(cat "$D/show-$1")"
	n=$(( (pmtu - 20 - 8 - 8 - 16 - 12) / 16 * 16 - 2 ))
	echo "R1: path mtu $pmtu, esp-aes esp-sha-hmac in UDP: inner MTU $n"
	in_a ip route flush cache
	in_a ping -M do -s $((n - 28 + 1)) -c 1 -W 2 10.0.2.2 \
	    >"$D/ping-df-$1" 2>&1
	grep -q "From 10.0.1.1 .*Frag needed and DF set (mtu = $n)" \
	    "$D/ping-df-$1" || fail "DF ping: no frag needed with mtu $n: \
$(cat "$D/ping-df-$1")"
	in_a ip route flush cache
	in_a ping -M do -s $((n - 28)) -c 2 -W 2 10.0.2.2 \
	    >"$D/ping-fit-$1" 2>&1
	grep -q " 2 received" "$D/ping-fit-$1" ||
	    fail "DF ping of $n bytes: $(cat "$D/ping-fit-$1")"
}
df_ping 1500

# Without DF: fragmented and put back together, both ways.
in_a ip route flush cache
in_a ping -M dont -s 3000 -c 3 -W 2 10.0.2.2 >"$D/ping-big" 2>&1
grep -q " 3 received" "$D/ping-big" ||
    fail "3000-byte ping: $(cat "$D/ping-big")"

# TCP through the tunnel, PMTU discovery left to the hosts; $1: up
# (hosta to hostb) or down (-R, hostb to hosta), $2 a tag for the files.
# The receiver's rate goes in $D/rate-$1$2.
iperf() {
	local r= f=$1${2:-}
	[ "$1" = down ] && r=-R
	in_a ip route flush cache
	in_b ip route flush cache
	timeout 30 ip netns exec "$hb" iperf3 -s -1 -B 10.0.2.2 \
	    >"$D/iperf-s-$f" 2>&1 &
	spid=$!
	sleep 1
	in_a iperf3 -c 10.0.2.2 -t 3 -f m $r >"$D/iperf-$f" 2>&1 ||
	    fail "iperf3 $r: $(cat "$D/iperf-$f")"
	wait "$spid"
	spid=
	awk '/receiver/ { for (i = 1; i < NF; i++)
	    if ($(i + 1) == "Mbits/sec") print $i }' "$D/iperf-$f" \
	    >"$D/rate-$f"
	[ -s "$D/rate-$f" ] || fail "iperf3 $r: no receiver rate: \
$(cat "$D/iperf-$f")"
	awk -v r="$(cat "$D/rate-$f")" 'BEGIN { exit !(r > 1) }' ||
	    fail "iperf3 $r at $(cat "$D/rate-$f") Mbit/s"
}
# Each sender learned its side's MTU while TCP ran: N from R1, 1400 from
# Linux in charon's namespace.
iperf up
in_a ip route get 10.0.2.2 >"$D/route-a"
grep -q " mtu $n\b" "$D/route-a" || fail "hosta learned no mtu $n: \
$(cat "$D/route-a")"
iperf down
in_b ip route get 10.0.1.2 >"$D/route-b"
grep -q " mtu 1400\b" "$D/route-b" || fail "hostb learned no mtu 1400: \
$(cat "$D/route-b")"
echo "TCP through iosh<->strongSwan at MTU 1500: hosta to hostb" \
    "$(cat "$D/rate-up") Mbit/s, hostb to hosta $(cat "$D/rate-down") Mbit/s"

# A narrower outer path: the tap0 link at 1400 on both sides.  R1's path
# mtu follows (N = 1326); strongSwan's ESP for its 1400-byte inner packets
# (1472 bytes in UDP) is fragmented by Linux, and R1 puts it back
# together before decrypting: TCP from hostb still runs.
send "configure terminal" "interface FastEthernet0/0" " mtu 1400" "end"
in_ns ip link set tap0 mtu 1400 || fail "tap0 mtu 1400"
sleep 0.5
df_ping 1400
# Fragments Linux made in charon's namespace (Ip: FragCreates).
frags() {
	in_ns cat /proc/net/snmp | awk '/^Ip: [A-Z]/ {
	    for (i = 2; i <= NF; i++) if ($i == "FragCreates") k = i }
	    /^Ip: [0-9]/ { print $k }'
}
f0=$(frags)
iperf down narrow
f1=$(frags)
[ $((f1 - f0)) -ge 100 ] || fail "strongSwan's ESP fragmented $((f1 - f0)) \
times during iperf3 -R"
echo "TCP from hostb at outer path MTU 1400: $(cat "$D/rate-downnarrow")" \
    "Mbit/s, Linux fragmented $((f1 - f0)) ESP packets for R1 to reassemble"

m=$(mark)
send "show crypto ipsec sa"
wait_for "current outbound spi" "$m" 10 || fail "show crypto ipsec sa"
since "$m" >"$D/show-end"
grep -q "#recv errors 0$" "$D/show-end" ||
    fail "R1 counted receive errors: $(cat "$D/show-end")"
! grep -Eq "AddressSanitizer|runtime error" "$D/out" || fail "sanitizers"
exit 0
