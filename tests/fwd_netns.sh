#!/bin/sh
# iosh against the Linux stack, inside a private network namespace:
#  - tap: iosh --attach FastEthernet0/0=tap:tap0 (10.99.1.2) and Linux on
#    tap0 (10.99.1.1): `ping -c 3 -W 2 10.99.1.2` from Linux answers, and
#    so does `ping -6` to 2001:db8:99::2;
#  - pcap: iosh --attach FastEthernet0/1=pcap:v1 on one end of a veth
#    (10.99.0.2), Linux on the other (v0, 10.99.0.1): the same ping;
#  - the other way: a fresh router, caches cold, runs IOS's
#    `ping 10.99.1.1 repeat 5 timeout 1` (tap:), `ping 10.99.0.1 ...`
#    (pcap:) and `ping 2001:db8:99::1 ...` on its line-mode console, on the
#    real clock; each shows `!!!!!` or `.!!!!` (the first echo may be lost
#    to ARP or neighbour resolution, as on IOS) and exactly IOS's
#    "Success rate is 100 percent (5/5), round-trip min/avg/max = a/b/c ms"
#    or its 80 percent (4/5) form, and the console holds the next line until
#    each ping is done;
#  - capture: fwd_tool (a router on tap0) writes a pcap of Linux's pings,
#    which tshark reads without a malformed packet or a bad checksum.
# The router's console shows its ARP entry and counters afterwards.
# Root and namespaces are required: otherwise exit 77 (skip).  Every wait
# is bounded and the namespace goes away in the trap.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
tool=$(cd "$builddir" && pwd -P)/tests/fwd_tool
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v ip >/dev/null 2>&1 || skip "no ip(8)"
command -v ping >/dev/null 2>&1 || skip "no ping(8)"
ns=iosh-fwd-$$
tmp=$(mktemp -d) || exit 99
ip netns add "$ns" 2>/dev/null || { rm -rf "$tmp"; skip "no netns"; }
trap 'ip netns del "$ns" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

fail() {
	echo "FAIL: $*"
	for f in "$tmp"/*.out; do
		[ -f "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	exit 1
}
in_ns() {
	timeout 30 ip netns exec "$ns" "$@"
}

in_ns ip link set lo up || fail "lo up"
in_ns ip tuntap add dev tap0 mode tap || skip "no tuntap"
in_ns ip addr add 10.99.1.1/24 dev tap0 || fail "address tap0"
in_ns ip -6 addr add 2001:db8:99::1/64 dev tap0 nodad || fail "v6 tap0"
in_ns ip link set tap0 up || fail "tap0 up"
in_ns ip link add v0 type veth peer name v1 || skip "no veth"
in_ns ip addr add 10.99.0.1/24 dev v0 || fail "address v0"
in_ns ip link set v0 up || fail "v0 up"
in_ns ip link set v1 up || fail "v1 up"

# A router whose console holds on for $2 seconds after configuring, then
# shows what it saw.  $1: the attachments' and addresses' lines.
router() {
	{
		printf 'enable\nconfigure terminal\n%s\nend\n' "$2"
		sleep "$3"
		printf 'show arp\nshow ipv6 neighbors\nshow interfaces\n'
	} | in_ns "$iosh" --nvram "$tmp/nv" $1
}

router "--attach FastEthernet0/0=tap:tap0 --attach FastEthernet0/1=pcap:v1" \
    "interface FastEthernet0/0
ip address 10.99.1.2 255.255.255.0
ipv6 address 2001:DB8:99::2/64
interface FastEthernet0/1
ip address 10.99.0.2 255.255.255.0" 12 >"$tmp/router.out" 2>&1 &
rpid=$!
# Until the router answers (a sanitizer build takes over a second to
# start): at most 8 one-second tries, then the counted pings.
i=0
until in_ns ping -c 1 -W 1 10.99.1.2 >/dev/null 2>&1 || [ $i -ge 8 ]; do
	i=$((i + 1))
done
in_ns ping -c 3 -W 2 10.99.1.2 >"$tmp/ping-tap.out" 2>&1 ||
    fail "tap: no answer to Linux ping"
grep -q "3 received" "$tmp/ping-tap.out" || fail "tap: not 3 replies"
in_ns ping -c 3 -W 2 10.99.0.2 >"$tmp/ping-pcap.out" 2>&1 ||
    fail "pcap: no answer to Linux ping"
grep -q "3 received" "$tmp/ping-pcap.out" || fail "pcap: not 3 replies"
# IPv6: iosh answers neighbour discovery; the first reply may wait for
# iosh's own solicitation, as IOS's does.
in_ns ping -6 -c 3 -W 2 2001:db8:99::2 >"$tmp/ping6-tap.out" 2>&1
grep -q "[23] received" "$tmp/ping6-tap.out" || fail "tap: IPv6 ping"
wait "$rpid"
# The router learnt both Linux ends and counted the traffic.
grep -q "^Internet  10.99.1.1 .* FastEthernet0/0$" "$tmp/router.out" ||
    fail "no ARP entry for the TAP's Linux end"
grep -q "^Internet  10.99.0.1 .* FastEthernet0/1$" "$tmp/router.out" ||
    fail "no ARP entry for the veth's Linux end"
grep -q "^     [4-9] packets input, [0-9]* bytes" "$tmp/router.out" ||
    fail "show interfaces did not count the pings"

# The other way round: iosh pings Linux.  A fresh router (its ARP and
# neighbour caches empty) configures itself, then pings each Linux end; the
# line console holds the lines after a ping until it is done, so the
# here-document can go on at once.  The clock is the real one: Linux answers
# in real time.  Worst case 3 x 5 x 1 s, well inside in_ns's 30 s.
in_ns "$iosh" --nvram "$tmp/nv" --attach FastEthernet0/0=tap:tap0 \
    --attach FastEthernet0/1=pcap:v1 >"$tmp/iosh-ping.out" 2>&1 <<'EOF'
enable
configure terminal
interface FastEthernet0/0
ip address 10.99.1.2 255.255.255.0
ipv6 address 2001:DB8:99::2/64
interface FastEthernet0/1
ip address 10.99.0.2 255.255.255.0
end
ping 10.99.1.1 repeat 5 timeout 1
ping 10.99.0.1 repeat 5 timeout 1
ping 2001:db8:99::1 repeat 5 timeout 1
show arp
EOF
[ $? -eq 0 ] || fail "iosh pinging Linux did not exit cleanly"
# $1: what the ping was asked for, $2: how iosh echoes the destination,
# $3: the wire, for messages.  The four lines after the command are IOS's.
check_ping() {
	grep -A4 -x "Router#ping $1 repeat 5 timeout 1" "$tmp/iosh-ping.out" \
	    >"$tmp/block" || fail "$3: no ping $1 on the console"
	[ "$(sed -n 2p "$tmp/block")" = "Type escape sequence to abort." ] ||
	    fail "$3: ping $1: no escape line"
	[ "$(sed -n 3p "$tmp/block")" = \
	    "Sending 5, 100-byte ICMP Echos to $2, timeout is 1 seconds:" ] ||
	    fail "$3: ping $1: Sending line"
	marks=$(sed -n 4p "$tmp/block")
	summary=$(sed -n 5p "$tmp/block")
	case $marks in
	'!!!!!') rate='100 percent (5/5)' ;;
	'.!!!!') rate='80 percent (4/5)' ;;
	*) fail "$3: ping $1: marks '$marks', expected !!!!! or .!!!!" ;;
	esac
	times=${summary#"Success rate is $rate, round-trip min/avg/max = "}
	[ "$times" != "$summary" ] &&
	    echo "$times" | grep -Eqx "[0-9]+/[0-9]+/[0-9]+ ms" ||
	    fail "$3: ping $1: summary '$summary', expected $rate"
	# The next line is the prompt for the following command: the console
	# held it until the ping was done.
	[ "$(grep -A5 -x "Router#ping $1 repeat 5 timeout 1" \
	    "$tmp/iosh-ping.out" | sed -n 6p | cut -c1-7)" = "Router#" ] ||
	    fail "$3: ping $1: no prompt after the summary"
}
check_ping 10.99.1.1 10.99.1.1 tap:
check_ping 10.99.0.1 10.99.0.1 pcap:
check_ping 2001:db8:99::1 2001:DB8:99::1 "tap: IPv6"
# The router resolved both Linux ends itself.
grep -q "^Internet  10.99.1.1 .* FastEthernet0/0$" "$tmp/iosh-ping.out" ||
    fail "iosh ping: no ARP entry for the TAP's Linux end"
grep -q "^Internet  10.99.0.1 .* FastEthernet0/1$" "$tmp/iosh-ping.out" ||
    fail "iosh ping: no ARP entry for the veth's Linux end"

# The capture.
in_ns "$tool" FastEthernet0/0=tap:tap0 10.99.1.2 255.255.255.0 \
    "$tmp/tap.pcap" 15 >"$tmp/tool.out" 2>&1 &
tpid=$!
# The tool answers once it is up (a sanitizer build under load is slow to
# start): at most 10 one-second probes, then the 3 counted echoes.
i=0
until in_ns ping -c 1 -W 1 10.99.1.2 >/dev/null 2>&1 || [ $i -ge 10 ]; do
	i=$((i + 1))
done
in_ns ping -c 3 -W 2 10.99.1.2 >"$tmp/ping-cap.out" 2>&1 ||
    fail "capture run: no answer to Linux ping"
grep -q "3 received" "$tmp/ping-cap.out" ||
    fail "capture run: not 3 replies: $(cat "$tmp/ping-cap.out")"
wait "$tpid" || fail "fwd_tool"
command -v tshark >/dev/null 2>&1 || skip "no tshark"
export HOME="$tmp"
n=$(timeout 30 tshark -n -r "$tmp/tap.pcap" -Y icmp 2>/dev/null | wc -l)
[ "$n" -ge 6 ] || fail "capture: $n ICMP packets, expected 6"
bad=$(timeout 30 tshark -n -r "$tmp/tap.pcap" -o ip.check_checksum:TRUE \
    -Y "_ws.malformed || _ws.expert.severity >= error" 2>/dev/null)
[ -z "$bad" ] || fail "capture: malformed: $bad"
timeout 30 tshark -n -r "$tmp/tap.pcap" -q -z expert,error \
    >"$tmp/expert.out" 2>&1 || fail "tshark -z expert,error"
grep -qi "malformed" "$tmp/expert.out" && fail "capture: malformed"
exit 0
