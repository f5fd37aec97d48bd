#!/bin/sh
# Seed 000's PAT with real hosts: a Linux host (namespace "in",
# 192.168.100.10 behind iosh's FastEthernet1/0, `ip nat inside`) reaches a
# Linux host outside (namespace "out", 200.56.4.2, no route back to
# 192.168.100.0/24) through iosh's PAT on FastEthernet0/1 200.56.4.1
# (`ip nat outside`, `ip nat inside source list inside_net interface
# FastEthernet0/1 overload`), both links veth pairs iosh reads through
# pcap: in a third namespace:
#  - ping -c 3 answers, a UDP datagram (nc -u) and a TCP connection
#    (nc) arrive with their payloads;
#  - tshark on the outside veth sees only 200.56.4.1 as the source of
#    that traffic (never 192.168.100.10) and no bad IPv4, ICMP, UDP or TCP
#    checksum (checksum checks on, offloads off so the wire is honest);
#  - iosh's `show ip nat translations` lists the icmp, udp and tcp flows
#    and `show ip nat statistics` counts them.
# Root, namespaces, veth, ethtool, tshark and nc (netcat-openbsd, from
# setup.sh) are required: otherwise exit 77 (skip).  Every wait is
# bounded; the namespaces and iosh go in the trap.
set -u
. "${top_srcdir:-.}/tests/pat_judge.sh"

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
[ "$(id -u)" -eq 0 ] || { echo "SKIP: not root"; exit 77; }
for t in ip ping ethtool tshark nc; do
	command -v $t >/dev/null 2>&1 || { echo "SKIP: no $t"; exit 77; }
done
hi=iosh-nat-in-$$
ho=iosh-nat-out-$$
rt=iosh-nat-r-$$
tmp=$(mktemp -d) || exit 99
rpid= tpid= upid= lpid=
cleanup() {
	exec 3>&- 2>/dev/null
	for p in $rpid $tpid $upid $lpid; do
		kill "$p" 2>/dev/null
	done
	for n in $hi $ho $rt; do
		ip netns del "$n" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap
for n in $hi $ho $rt; do
	ip netns add "$n" 2>/dev/null || { echo "SKIP: no netns"; exit 77; }
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
	timeout 15 ip netns exec "$n" "$@"
}

# $1 host namespace, $2 its end, $3 the router's end, $4/$5 address and
# prefix length, $6 default route (or none).  No offloads: pcap must
# see every packet as it is on the wire, checksums filled in.
veth() {
	ip link add "$2" type veth peer name "$3" ||
	    { echo "SKIP: no veth"; exit 77; }
	ip link set "$2" netns "$1"
	ip link set "$3" netns "$rt"
	in_ns "$1" ip addr add "$4/$5" dev "$2"
	in_ns "$1" ip link set "$2" up
	[ -n "$6" ] && in_ns "$1" ip route add default via "$6"
	in_ns "$rt" ip link set "$3" up
	in_ns "$1" ethtool -K "$2" tso off gso off gro off tx off \
	    >/dev/null 2>&1
	in_ns "$rt" ethtool -K "$3" tso off gso off gro off tx off \
	    >/dev/null 2>&1
}
veth "$hi" ei ri 192.168.100.10 24 192.168.100.1
veth "$ho" eo ro 200.56.4.2 30 ""

mkfifo "$tmp/r.in" || exit 99
timeout 60 ip netns exec "$rt" "$iosh" \
    --attach FastEthernet1/0=pcap:ri --attach FastEthernet0/1=pcap:ro \
    <"$tmp/r.in" >"$tmp/router.out" 2>&1 &
rpid=$!
exec 3>"$tmp/r.in"
cat >&3 <<'EOF'
enable
terminal length 0
configure terminal
interface FastEthernet0/1
 ip address 200.56.4.1 255.255.255.252
 ip nat outside
interface FastEthernet1/0
 ip address 192.168.100.1 255.255.255.0
 ip nat inside
ip nat inside source list inside_net interface FastEthernet0/1 overload
ip route 0.0.0.0 0.0.0.0 200.56.4.2
ip access-list extended inside_net
 deny   ip 192.168.100.0 0.0.0.255 172.18.30.0 0.0.0.255
 permit ip 192.168.100.0 0.0.0.255 any
end
EOF

timeout 20 ip netns exec "$ho" tshark -n -q -i eo -w "$tmp/out.pcap" \
    >/dev/null 2>&1 &
tpid=$!
# Until iosh answers its inside address (a sanitizer build is slow to
# start) and tshark listens: at most 8 one-second tries.
i=0
until in_ns "$hi" ping -c 1 -W 1 192.168.100.1 >/dev/null 2>&1 ||
    [ $i -ge 8 ]; do
	i=$((i + 1))
done
sleep 1
pat_flows "$hi" "$ho" 200.56.4.2

printf 'show ip nat translations\nshow ip nat statistics\n' >&3
sleep 0.5
kill "$tpid" 2>/dev/null
wait "$tpid" 2>/dev/null
tpid=
exec 3>&-
wait "$rpid"
rpid=

pat_judge "$tmp/out.pcap" "$tmp/pkts.out"

grep -Eq "^icmp 200\.56\.4\.1:[0-9]+ +192\.168\.100\.10:[0-9]+ +200\.56\.4\.2:[0-9]+ +200\.56\.4\.2:[0-9]+$" \
    "$tmp/router.out" || fail "no icmp translation shown"
grep -Eq "^udp 200\.56\.4\.1:5000 +192\.168\.100\.10:5000 +200\.56\.4\.2:9000 +200\.56\.4\.2:9000$" \
    "$tmp/router.out" || fail "no udp translation shown"
grep -Eq "^tcp 200\.56\.4\.1:6000 +192\.168\.100\.10:6000 +200\.56\.4\.2:8080 +200\.56\.4\.2:8080$" \
    "$tmp/router.out" || fail "no tcp translation shown"
grep -Eq "^Total active translations: 3 \(0 static, 3 dynamic; 3 extended\)$" \
    "$tmp/router.out" || fail "statistics: not 3 translations"
grep -q "^\[Id: 1\] access-list inside_net interface FastEthernet0/1 refcount 3$" \
    "$tmp/router.out" || fail "statistics: no mapping with refcount 3"
echo "PASS: ping, UDP and TCP through iosh's PAT, translated and checksummed"
exit 0
