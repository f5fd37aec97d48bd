#!/bin/sh
# Path MTU through an iosh<->iosh tunnel, with Linux hosts at MTU 1500:
#
#   hosta 10.1.0.1 --veth-- R1 Fa0/0 (pcap:) 10.1.0.2
#                           R1 Serial1/2 12.1.1.1 ==udp: wire== 12.1.1.2
#                           Serial1/1 R2, Fa0/0 (pcap:) 10.2.0.2 --veth--
#                           hostb 10.2.0.1
#
# crypto map between 10.1.0.0/24 and 10.2.0.0/24, esp-aes esp-sha-hmac:
# the tunnel's inner MTU is 1438 (1500 less 20 + 8 + 16 IV + 2 + 12 ICV,
# the data padded to 16).  Checked:
#  - a DF ping from hosta larger than that gets "Frag needed and DF set
#    (mtu = 1438)" from R1;
#  - a 3000-byte ping without DF (fragmented by hosta, each fragment
#    fragmented again before encryption by R1) is answered 3 times;
#  - TCP (iperf3 -t 3) from hosta to hostb runs at more than 1 Mbit/s
#    (the figure is printed): the hosts' PMTU discovery works through the
#    tunnel instead of stalling;
#  - R1's show crypto ipsec sa says path mtu 1500, ip mtu 1500, idb
#    Serial1/2 and counted no receive errors.
# Root, namespaces, veth, iperf3 and ethtool are required: otherwise exit
# 77 (skip).  Every wait is bounded; the namespaces and the routers go in
# the trap.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
[ "$(id -u)" -eq 0 ] || skip "not root"
for t in ip ping iperf3 ethtool; do
	command -v $t >/dev/null 2>&1 || skip "no $t"
done
ha=iosh-pmtu-a-$$
hb=iosh-pmtu-b-$$
rt=iosh-pmtu-r-$$
tmp=$(mktemp -d) || exit 99
r1pid= r2pid= spid=
cleanup() {
	exec 3>&- 4>&- 2>/dev/null
	for p in $r1pid $r2pid $spid; do
		kill "$p" 2>/dev/null
	done
	for n in $ha $hb $rt; do
		ip netns del "$n" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap
for n in $ha $hb $rt; do
	ip netns add "$n" 2>/dev/null || skip "no netns"
	ip -n "$n" link set lo up
done

fail() {
	echo "FAIL: $*"
	for f in "$tmp"/*.out; do
		[ -f "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	exit 1
}
in_ns() {
	n=$1
	shift
	timeout 30 ip netns exec "$n" "$@"
}

# One veth per host, its router end in the routers' namespace.  No
# offloads: pcap must see every segment as it is on the wire, checksum
# filled in, at most the MTU.
veth() {
	ip link add "$2" type veth peer name "$3" ||
	    skip "no veth"
	ip link set "$2" netns "$1"
	ip link set "$3" netns "$rt"
	in_ns "$1" ip addr add "$4"/24 dev "$2"
	in_ns "$1" ip link set "$2" mtu 1500 up
	in_ns "$1" ip route add default via "$5"
	in_ns "$rt" ip link set "$3" mtu 1500 up
	in_ns "$1" ethtool -K "$2" tso off gso off gro off tx off \
	    >/dev/null 2>&1
	in_ns "$rt" ethtool -K "$3" tso off gso off gro off tx off \
	    >/dev/null 2>&1
}
veth "$ha" ea ra 10.1.0.1 10.1.0.2
veth "$hb" eb rb 10.2.0.1 10.2.0.2

# $1: name, $2: serial interface, $3: own LAN, $4: own serial address,
# $5: peer, $6: the far LAN, $7: own LAN prefix.
config() {
	cat <<EOF
enable
configure terminal
hostname $1
interface FastEthernet0/0
 ip address $3 255.255.255.0
 no shutdown
interface $2
 ip address $4 255.255.255.0
 no shutdown
ip route $6 255.255.255.0 $5
crypto isakmp policy 10
 encryption aes
 hash sha
 authentication pre-share
 group 2
crypto isakmp key cisco address $5
crypto ipsec transform-set TS esp-aes esp-sha-hmac
access-list 100 permit ip $7 0.0.0.255 $6 0.0.0.255
crypto map CM 10 ipsec-isakmp
 set peer $5
 set transform-set TS
 match address 100
interface $2
 crypto map CM
end
EOF
}

# The routers read their consoles from FIFOs kept open until the end.
mkfifo "$tmp/r1.in" "$tmp/r2.in" || exit 99
timeout 120 ip netns exec "$rt" "$iosh" \
    --attach FastEthernet0/0=pcap:ra \
    --attach Serial1/2=udp:50001:127.0.0.1:50002 \
    <"$tmp/r1.in" >"$tmp/r1.out" 2>&1 &
r1pid=$!
timeout 120 ip netns exec "$rt" "$iosh" \
    --attach FastEthernet0/0=pcap:rb \
    --attach Serial1/1=udp:50002:127.0.0.1:50001 \
    <"$tmp/r2.in" >"$tmp/r2.out" 2>&1 &
r2pid=$!
exec 3>"$tmp/r1.in" 4>"$tmp/r2.in"
config R1 Serial1/2 10.1.0.2 12.1.1.1 12.1.1.2 10.2.0.0 10.1.0.0 >&3
config R2 Serial1/1 10.2.0.2 12.1.1.2 12.1.1.1 10.1.0.0 10.2.0.0 >&4
sleep 2

# The first packets start IKE (a first message lost while the peer was
# still being configured costs IOS's 10 s retransmission); wait, bounded,
# until the tunnel carries.
up=
for i in $(seq 30); do
	if in_ns "$ha" ping -c 1 -W 1 10.2.0.1 >/dev/null 2>&1; then
		up=1
		break
	fi
done
[ -n "$up" ] || fail "the tunnel did not come up"

# DF and too big for the tunnel: R1 answers with the tunnel's MTU.
in_ns "$ha" ping -M do -s 1472 -c 1 -W 2 10.2.0.1 >"$tmp/ping-df.out" 2>&1
grep -q "From 10.1.0.2 .*Frag needed and DF set (mtu = 1438)" \
    "$tmp/ping-df.out" || fail "DF ping: no frag needed with mtu 1438"
in_ns "$ha" ip route flush cache
# 1410 bytes of ICMP data make 1438: it fits as it is.
in_ns "$ha" ping -M do -s 1410 -c 2 -W 2 10.2.0.1 >"$tmp/ping-fit.out" \
    2>&1 || fail "DF ping at the tunnel MTU"
grep -q " 2 received" "$tmp/ping-fit.out" || fail "DF ping 1438: lost"

# Without DF: fragmented (twice) and put back together by hostb.
in_ns "$ha" ip route flush cache
in_ns "$ha" ping -M dont -s 3000 -c 3 -W 2 10.2.0.1 >"$tmp/ping-big.out" \
    2>&1 || fail "3000-byte ping"
grep -q " 3 received" "$tmp/ping-big.out" || fail "3000-byte ping: lost"

# TCP at MTU 1500 through the tunnel, PMTU discovery left to the hosts.
in_ns "$ha" ip route flush cache
timeout 30 ip netns exec "$hb" iperf3 -s -1 -B 10.2.0.1 \
    >"$tmp/iperf-s.out" 2>&1 &
spid=$!
sleep 1
in_ns "$ha" iperf3 -c 10.2.0.1 -t 3 -f m >"$tmp/iperf.out" 2>&1 ||
    fail "iperf3"
wait "$spid"
spid=
rate=$(awk '/receiver/ { for (i = 1; i < NF; i++) if ($(i + 1) == "Mbits/sec") print $i }' "$tmp/iperf.out")
[ -n "$rate" ] || fail "iperf3: no receiver rate"
echo "TCP through the iosh tunnel at MTU 1500: $rate Mbit/s"
awk -v r="$rate" 'BEGIN { exit !(r > 1) }' || fail "TCP at $rate Mbit/s"

printf 'show crypto ipsec sa\nshow interfaces FastEthernet0/0\n' >&3
exec 3>&- 4>&-
wait "$r1pid" || fail "R1 did not end cleanly"
wait "$r2pid" || fail "R2 did not end cleanly"
r1pid= r2pid=
grep -q "^     path mtu 1500, ip mtu 1500, ip mtu idb Serial1/2$" \
    "$tmp/r1.out" || fail "R1: path mtu line"
grep -q "#recv errors 0$" "$tmp/r1.out" || fail "R1: receive errors"
exit 0
