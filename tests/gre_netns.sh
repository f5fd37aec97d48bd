#!/bin/sh
# iosh's GRE tunnel against Linux's, inside a private network namespace:
# iosh --attach FastEthernet0/0=tap:tap0 (10.98.1.2) and Linux on tap0
# (10.98.1.1) with `ip tunnel add gre1 mode gre local 10.98.1.1 remote
# 10.98.1.2 ttl 255` (172.30.0.1/30 <-> iosh's Tunnel0 172.30.0.2/30),
# Linux's lo 10.98.10.1/24 and iosh's Loopback1 10.98.20.1/24 routed
# through the tunnel at each end.
#  - iosh pings 172.30.0.1 and, from Loopback1, 10.98.10.1: !!!!! (or
#    .!!!!, the first echo lost to ARP as on IOS);
#  - Linux pings 172.30.0.2 and 10.98.20.1: 3 of 3 answered (without
#    kernel GRE, Linux's gre1 is tests/gre_tun's TUN device);
#  - iosh's `show interfaces Tunnel0` counted them and says its line
#    protocol came up (%LINEPROTO-5-UPDOWN);
#  - the same over IPv6 (`tunnel mode gre ipv6`, iosh's Tunnel1
#    172.30.1.2/30 from 2001:db8:98::2 to Linux's 2001:db8:98::1, Linux's
#    ip6gre or tests/gre_tun's IPv6 mode): pings both ways, GRE/IPv6;
#  - dumpcap on tap0 captured the GRE both ways, and tshark dissects
#    iosh's GRE (IPv4 in GRE in IPv4, and in IPv6, ICMP inside) with no
#    malformed packet or bad checksum.
# Root and namespaces are required (otherwise 77); with tshark installed
# (setup.sh installs it) the capture check always runs.  Every wait is
# bounded; the namespace goes away in the trap.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v ip >/dev/null 2>&1 || skip "no ip(8)"
command -v ping >/dev/null 2>&1 || skip "no ping(8)"
ns=iosh-gre-$$
tmp=$(mktemp -d) || exit 99
cpid= gpids=
ip netns add "$ns" 2>/dev/null || { rm -rf "$tmp"; skip "no netns"; }
trap '[ -n "$cpid" ] && kill "$cpid" 2>/dev/null; for p in $gpids; do kill "$p" 2>/dev/null; done; ip netns del "$ns" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap
export HOME="$tmp"	# tshark as root wants a home it never needs

fail() {
	echo "FAIL: $*"
	for f in "$tmp"/*.out; do
		[ -f "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	exit 1
}
in_ns() {
	timeout 40 ip netns exec "$ns" "$@"
}

in_ns ip link set lo up || fail "lo up"
in_ns ip tuntap add dev tap0 mode tap || skip "no tuntap"
in_ns ip addr add 10.98.1.1/24 dev tap0 || fail "address tap0"
in_ns ip link set tap0 up || fail "tap0 up"
# Linux's GRE driver when the kernel has it; otherwise tests/gre_tun, the
# same endpoint in user space (a TUN device joined to a raw GRE socket of
# this namespace's stack: this CI's kernel is built without ip_gre and
# cannot load modules).  Above the encapsulation it is Linux either way.
# far_end DEV MODE LOCAL REMOTE TTLWORD: the tunnel DEV; which one it is
# in $peer, gre_tun's pid appended to $gpids.
far_end() {
	if in_ns ip tunnel add "$1" mode "$2" local "$3" remote "$4" \
	    "$5" 255 2>/dev/null; then
		peer="Linux $2"
		return
	fi
	peer="tests/gre_tun ($2)"
	timeout 45 ip netns exec "$ns" "$builddir/tests/gre_tun" "$3" "$4" \
	    "$1" 40 2>"$tmp/gre_tun-$1.out" &
	gpids="$gpids $!"
	i=0
	until in_ns ip link show "$1" >/dev/null 2>&1 || [ $i -ge 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
far_end gre1 gre 10.98.1.1 10.98.1.2 ttl
peer4=$peer
# The IPv6 one the same way (ip6gre, or gre_tun given IPv6 ends).
in_ns ip -6 addr add 2001:db8:98::1/64 dev tap0 nodad ||
    fail "address 2001:db8:98::1"
far_end gre6 ip6gre 2001:db8:98::1 2001:db8:98::2 hoplimit
peer6=$peer
peer=$peer4
in_ns ip addr add 172.30.1.1/30 dev gre6 || fail "address gre6 ($peer6)"
in_ns ip link set gre6 up || fail "gre6 up"
in_ns ip addr add 172.30.0.1/30 dev gre1 || fail "address gre1 ($peer)"
in_ns ip link set gre1 up || fail "gre1 up"
in_ns ip addr add 10.98.10.1/24 dev lo || fail "address 10.98.10.1 on lo"
in_ns ip route add 10.98.20.0/24 dev gre1 || fail "route via gre1"

capture=
if have dumpcap tshark
then
	capture=$tmp/gre.pcap
	timeout 40 ip netns exec "$ns" dumpcap -q -i tap0 -w "$capture" \
	    -a duration:30 >"$tmp/dumpcap.log" 2>&1 &
	cpid=$!
	sleep 1
fi

# The router: configured, pings Linux, holds its console while Linux pings
# it, then shows the tunnel.  The real clock: Linux answers in real time.
{
	printf '%s\n' 'enable' 'configure terminal' \
	    'interface FastEthernet0/0' 'ip address 10.98.1.2 255.255.255.0' \
	    'ipv6 address 2001:DB8:98::2/64' \
	    'interface Loopback1' 'ip address 10.98.20.1 255.255.255.0' \
	    'interface Tunnel0' 'ip address 172.30.0.2 255.255.255.252' \
	    'tunnel source FastEthernet0/0' 'tunnel destination 10.98.1.1' \
	    'interface Tunnel1' 'ip address 172.30.1.2 255.255.255.252' \
	    'tunnel source FastEthernet0/0' 'tunnel mode gre ipv6' \
	    'tunnel destination 2001:DB8:98::1' \
	    'exit' 'ip route 10.98.10.0 255.255.255.0 Tunnel0' 'end'
	sleep 2
	printf '%s\n' 'ping 172.30.0.1 repeat 5 timeout 1' \
	    'ping 10.98.10.1 source Loopback1 repeat 5 timeout 1' \
	    'ping 172.30.1.1 repeat 5 timeout 1'
	sleep 14
	printf '%s\n' 'show interfaces Tunnel0' 'show interfaces Tunnel1' \
	    'show ip interface brief'
} | in_ns "$iosh" --nvram "$tmp/nv" --attach FastEthernet0/0=tap:tap0 \
    >"$tmp/iosh.out" 2>&1 &
rpid=$!

# Linux pings iosh through the tunnel once iosh answers (a sanitizer
# build is slow to start): at most 10 one-second tries, then the counted
# pings.
i=0
until in_ns ping -c 1 -W 1 172.30.0.2 >/dev/null 2>&1 || [ $i -ge 10 ]; do
	i=$((i + 1))
done
in_ns ping -c 3 -W 2 172.30.0.2 >"$tmp/ping-tun.out" 2>&1
grep -q " 3 received" "$tmp/ping-tun.out" || fail "Linux -> Tunnel0"
in_ns ping -c 3 -W 2 10.98.20.1 >"$tmp/ping-lo.out" 2>&1
grep -q " 3 received" "$tmp/ping-lo.out" || fail "Linux -> Loopback1"
in_ns ping -c 3 -W 2 172.30.1.2 >"$tmp/ping-tun6.out" 2>&1
grep -q " 3 received" "$tmp/ping-tun6.out" || fail "Linux -> Tunnel1"
wait "$rpid" || fail "iosh did not exit cleanly"

grep -q "%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up" \
    "$tmp/iosh.out" || fail "no line protocol up message"
for dst in 172.30.0.1 10.98.10.1 172.30.1.1; do
	grep -A4 "^\(Router#\)\{0,1\}ping $dst " "$tmp/iosh.out" >"$tmp/block"
	grep -Eqx '(!!!!!|\.!!!!)' "$tmp/block" || fail "iosh -> $dst"
done
grep -q "^Tunnel0 is up, line protocol is up $" "$tmp/iosh.out" ||
    fail "Tunnel0 not up/up"
grep -q "^  Tunnel source 10.98.1.2 (FastEthernet0/0), destination 10.98.1.1$" \
    "$tmp/iosh.out" || fail "Tunnel source line"
grep -q "^  Tunnel protocol/transport GRE/IP$" "$tmp/iosh.out" ||
    fail "transport line"
grep -q "^  Tunnel source 2001:DB8:98::2 (FastEthernet0/0), destination 2001:DB8:98::1$" \
    "$tmp/iosh.out" || fail "Tunnel1 source line"
grep -q "^  Tunnel protocol/transport GRE/IPv6$" "$tmp/iosh.out" ||
    fail "Tunnel1 transport line"
# In: Linux's 1 + 3 + 3 echoes at least, 2 x 4 or 5 replies; out the same.
in=$(sed -n 's/^     \([0-9]*\) packets input, .*/\1/p' "$tmp/iosh.out" | head -1)
out=$(sed -n 's/^     \([0-9]*\) packets output, .*/\1/p' "$tmp/iosh.out" | head -1)
[ "${in:-0}" -ge 15 ] || fail "Tunnel0 input $in"
[ "${out:-0}" -ge 15 ] || fail "Tunnel0 output $out"
grep -q "^Tunnel0  *172.30.0.2  *YES manual up  *up$" "$tmp/iosh.out" ||
    fail "show ip interface brief row"
grep -q "^Tunnel1  *172.30.1.2  *YES manual up  *up$" "$tmp/iosh.out" ||
    fail "show ip interface brief row of Tunnel1"

[ -n "$capture" ] || { echo "PASS (no tshark: capture not judged)"; exit 0; }
kill "$cpid" 2>/dev/null
wait "$cpid" 2>/dev/null
cpid= gpids=
n=$(timeout 30 tshark -n -r "$capture" -Y "gre && ip.src == 10.98.1.2 && icmp" \
    2>/dev/null | wc -l)
[ "$n" -ge 10 ] || fail "tshark: $n GRE packets from iosh with ICMP inside"
n=$(timeout 30 tshark -n -r "$capture" -Y "gre && ip.src == 10.98.1.1 && icmp" \
    2>/dev/null | wc -l)
[ "$n" -ge 10 ] || fail "tshark: $n GRE packets from Linux"
# Over IPv6: iosh's 4 or 5 echoes and 3 replies, as many from Linux.
n=$(timeout 30 tshark -n -r "$capture" \
    -Y "gre && ipv6.src == 2001:db8:98::2 && icmp" 2>/dev/null | wc -l)
[ "$n" -ge 7 ] || fail "tshark: $n GRE over IPv6 packets from iosh"
n=$(timeout 30 tshark -n -r "$capture" \
    -Y "gre && ipv6.src == 2001:db8:98::1 && icmp" 2>/dev/null | wc -l)
[ "$n" -ge 7 ] || fail "tshark: $n GRE over IPv6 packets from Linux"
bad=$(timeout 30 tshark -n -r "$capture" -o ip.check_checksum:TRUE \
    -Y "_ws.malformed || _ws.expert.severity >= error" 2>/dev/null)
[ -z "$bad" ] || fail "tshark: malformed: $bad"
echo "PASS (far ends: $peer, $peer6)"
exit 0
