#!/bin/sh
# Seed 000's lab end to end (labs/seed-000): `iosh-lab start` brings up
# SITEB (the seed's 3725), ISP and Linksys (an iosh router offering the
# WAG54G's Main Mode proposals) in a network namespace (udp: links on its
# loopback); the taps iosh makes for SITEB's inside LAN and the ISP's
# Internet host are moved into namespaces of their own, so the two Linux
# hosts reach each other only through the routers.  Asserted:
#  - the Linksys's ping to the inside host (source its LAN, as the seed's
#    Example 1 initiates) brings the tunnel up against the crypto map's
#    sixth entry, and the inside host pings the Linksys LAN through it:
#    untranslated (inside_net's deny), no NAT entry for it, SITEB's SA
#    counting exactly those echoes;
#  - the inside host's ping, UDP datagram and TCP connection to the
#    Internet host go through the PAT: tshark there sees 200.56.4.1 and
#    never 192.168.100.10, every checksum good; the TCP answer passes the
#    Firewall's `permit tcp any any established`;
#  - the Internet host's pings to SITEB are dropped by the Firewall's
#    `deny ip any any log`: logged (%SEC-6-IPACCESSLOGDP) and counted;
#  - `show ip nat translations` lists the icmp, udp and tcp flows.
# Needs root, namespaces, TUN/TAP, tshark, nc and ethtool (setup.sh
# installs them); skips (77) without them.  Every wait is bounded; the
# namespaces and the routers go on exit.
set -u
. "${top_srcdir:-.}/tests/skip.sh"
. "${top_srcdir:-.}/tests/pat_judge.sh"

builddir=$(cd "${top_builddir:-.}" && pwd -P)
srcdir=$(cd "${top_srcdir:-.}" && pwd -P)
lab=$builddir/iosh-lab
[ "$(id -u)" -eq 0 ] || skip "not root"
for t in tshark nc ethtool; do
	command -v $t >/dev/null || skip "$t missing"
done

ns=iosh-lab0-$$
hi=iosh-lab0-in-$$
ho=iosh-lab0-net-$$
tmp=$(mktemp -d) || exit 99
IOSH_LAB_HOME=$tmp/home
export IOSH_LAB_HOME
base=$((30000 + ($$ % 300) * 100 + 50))
tpid= upid= lpid=

cleanup() {
	for p in $tpid $upid $lpid; do
		kill "$p" 2>/dev/null
	done
	if [ -f "$tmp/status" ]; then
		timeout 20 ip netns exec "$ns" "$lab" stop >/dev/null 2>&1
		for pid in $(awk '$3 == "pid" { print $4 }' "$tmp/status"); do
			kill "$pid" 2>/dev/null
		done
	fi
	sleep 0.3
	for n in $ns $hi $ho; do
		ip netns del "$n" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
# A signal (make check's timeout, ^C) exits through the same cleanup:
# dash runs the EXIT trap on exit, not on death by a signal.
trap 'exit 1' HUP INT TERM

fail() {
	echo "FAIL: $*"
	for r in SITEB Linksys; do
		echo "--- $r"
		timeout 20 ip netns exec "$ns" "$lab" -t 10 exec "$r" \
		    'show logging' 'show ip access-lists' 'show ip nat translations' 'show interfaces FastEthernet1/0' 2>&1 | tail -60
	done
	exit 1
}

in_ns() {
	n=$1
	shift
	timeout 30 ip netns exec "$n" "$@"
}

ex() {
	r=$1
	shift
	in_ns "$ns" "$lab" -t 50 exec "$r" "$@"
}

for n in $ns $hi $ho; do
	ip netns add "$n" 2>/dev/null || skip "no netns"
	ip -n "$n" link set lo up || fail "lo up in $n"
done
in_ns "$ns" "$lab" -b "$base" start "$srcdir/labs/seed-000" >"$tmp/start" 2>&1 ||
    fail "iosh-lab start: $(cat "$tmp/start")"
in_ns "$ns" "$lab" status >"$tmp/status" 2>&1 || fail "status"
[ "$(grep -c ' running$' "$tmp/status")" -eq 3 ] ||
    fail "status: $(cat "$tmp/status")"

# The taps iosh opened, each moved to its host's namespace (the open
# file keeps working), offloads off so tshark sees the wire's checksums.
# $1 tap, $2 namespace, $3 address/len, $4 gateway.
host() {
	for i in $(seq 1 50); do
		ip -n "$ns" link show "$1" >/dev/null 2>&1 && break
		sleep 0.1
	done
	ip -n "$ns" link set "$1" netns "$2" || skip "tap $1 cannot move"
	in_ns "$2" ip addr add "$3" dev "$1" || fail "$3 on $1"
	in_ns "$2" ip link set "$1" up || fail "$1 up"
	in_ns "$2" ip route add default via "$4" || fail "route via $4"
	in_ns "$2" ethtool -K "$1" tx off >/dev/null 2>&1
}
host iosh-s0in "$hi" 192.168.100.10/24 192.168.100.1
host iosh-s0net "$ho" 200.200.200.10/24 200.200.200.1

timeout 120 ip netns exec "$ho" tshark -n -q -i iosh-s0net \
    -w "$tmp/net.pcap" >/dev/null 2>&1 &
tpid=$!
i=0
until in_ns "$hi" ping -c 1 -W 1 192.168.100.1 >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 10 ] || fail "the inside host cannot reach SITEB"
done
in_ns "$ho" ping -c 1 -W 2 200.200.200.1 >/dev/null 2>&1 ||
    fail "the Internet host cannot reach the ISP"
# ARP along the ISP's two links (echo replies pass the Firewall), so the
# first IKE message is not lost to an ARP miss.
ex SITEB 'ping 200.56.4.2' >"$tmp/arp1" || fail "exec ping ISP"
ex Linksys 'ping 200.100.1.2' >"$tmp/arp2" || fail "exec ping ISP"
grep -Eq '^Success rate is (80|100) percent' "$tmp/arp1" ||
    fail "SITEB to ISP: $(cat "$tmp/arp1")"

# --- The tunnel, as the seed's Example 1: the Linksys initiates.
ex Linksys 'ping 192.168.100.10 source Loopback0' >"$tmp/ping" ||
    fail "exec ping"
case $(sed -n 4p "$tmp/ping") in
!!!!!) l2l=5 ;;
.!!!!) l2l=4 ;;
*) fail "Linksys to the inside host: $(cat "$tmp/ping")" ;;
esac
in_ns "$hi" ping -c 3 -i 0.3 -W 2 172.18.30.1 >"$tmp/tping" 2>&1
grep -q " 3 received" "$tmp/tping" ||
    fail "inside host to Site A: $(cat "$tmp/tping")"
tun=$((l2l + 3))
ex SITEB 'show crypto ipsec sa' >"$tmp/ipsa" || fail "exec ipsec sa"
awk '/local  ident \(addr\/mask\/prot\/port\): \(192\.168\.100\.0/ { on = 1 }
    on && /current_peer|#pkts (en|de)caps|crypto endpt/' "$tmp/ipsa" \
    >"$tmp/block"
cat >"$tmp/block.want" <<END
   current_peer: 200.100.1.1:500
    #pkts encaps: $tun, #pkts encrypt: $tun, #pkts digest $tun
    #pkts decaps: $tun, #pkts decrypt: $tun, #pkts verify $tun
     local crypto endpt.: 200.56.4.1, remote crypto endpt.: 200.100.1.1
END
cmp -s "$tmp/block" "$tmp/block.want" ||
    fail "SITEB's SA: $(cat "$tmp/block") / $(cat "$tmp/ipsa")"
grep -q "Crypto map tag: IPSEC, local addr. 200.56.4.1" "$tmp/ipsa" ||
    fail "crypto map tag: $(cat "$tmp/ipsa")"

# --- PAT: ping, one UDP datagram, one TCP connection to the Internet.
pat_flows "$hi" "$ho" 200.200.200.10

ex SITEB 'show ip nat translations' >"$tmp/nat" || fail "exec nat"
grep -Eq "^icmp 200\.56\.4\.1:[0-9]+ +192\.168\.100\.10:[0-9]+ +200\.200\.200\.10:[0-9]+ +200\.200\.200\.10:[0-9]+$" \
    "$tmp/nat" || fail "no icmp translation: $(cat "$tmp/nat")"
grep -Eq "^udp 200\.56\.4\.1:5000 +192\.168\.100\.10:5000 +200\.200\.200\.10:9000 +200\.200\.200\.10:9000$" \
    "$tmp/nat" || fail "no udp translation: $(cat "$tmp/nat")"
grep -Eq "^tcp 200\.56\.4\.1:6000 +192\.168\.100\.10:6000 +200\.200\.200\.10:8080 +200\.200\.200\.10:8080$" \
    "$tmp/nat" || fail "no tcp translation: $(cat "$tmp/nat")"
grep -q "172\.18\.30\." "$tmp/nat" && fail "the VPN traffic translated: $(cat "$tmp/nat")"

# --- The Firewall: the Internet host's pings to SITEB are denied,
# logged and counted.
in_ns "$ho" ping -c 2 -i 0.3 -W 1 200.56.4.1 >"$tmp/fping" 2>&1
grep -q " 0 received" "$tmp/fping" || fail "Firewall let echoes in: $(cat "$tmp/fping")"
ex SITEB 'show logging' >"$tmp/log" || fail "exec show logging"
grep -q "%SEC-6-IPACCESSLOGDP: list Firewall denied icmp 200\.200\.200\.10 -> 200\.56\.4\.1 (8/0), 1 packet" \
    "$tmp/log" || fail "no IPACCESSLOGDP: $(cat "$tmp/log")"
ex SITEB 'show ip access-lists Firewall' >"$tmp/acl" || fail "exec acl"
grep -Eq "^ +[0-9]+ deny ip any any log \(2 matches\)$" "$tmp/acl" ||
    fail "Firewall's deny count: $(cat "$tmp/acl")"
grep -Eq "^ +[0-9]+ permit tcp any any established \([0-9]+ matches\)$" "$tmp/acl" ||
    fail "Firewall's established count: $(cat "$tmp/acl")"
grep -Eq "^ +[0-9]+ permit esp host 200\.100\.1\.1 host 200\.56\.4\.1 \([0-9]+ matches\)$" "$tmp/acl" ||
    fail "Firewall's esp count: $(cat "$tmp/acl")"

sleep 0.5
kill "$tpid" 2>/dev/null
wait "$tpid" 2>/dev/null
tpid=
pat_judge "$tmp/net.pcap" "$tmp/pkts"

timeout 30 ip netns exec "$ns" "$lab" stop >/dev/null || fail "stop"
echo "lab seed-000: tunnel $l2l/5 + 3/3 untranslated, PAT icmp/udp/tcp checksummed, Firewall 2 denied and logged"
exit 0
