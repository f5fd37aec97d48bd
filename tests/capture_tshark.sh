#!/bin/sh
# tshark reads what dataplane/capture writes: an Ethernet capture taken on
# a udp: wire (ARP, ICMP echo and its reply) and a Cisco HDLC serial one
# (IPv4, SLARP keepalive); no packet may be reported malformed or carry a
# bad checksum.  Skipped
# (77) when tshark is not installed.
set -u

builddir=${top_builddir:-.}
tool=$(cd "$builddir" && pwd -P)/tests/wire_tool
command -v tshark >/dev/null 2>&1 || { echo "SKIP: no tshark"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $*"
	exit 1
}

# tshark refuses to run as root without this; it never needs the home.
export HOME="$tmp"

timeout 20 "$tool" capture "$tmp" || fail "wire_tool capture"

# $1 file, $2 expected packet count, $3 protocol words expected in order.
check() {
	timeout 30 tshark -n -r "$tmp/$1" >"$tmp/$1.txt" 2>"$tmp/$1.err" ||
	    fail "tshark cannot read $1: $(cat "$tmp/$1.err")"
	n=$(wc -l <"$tmp/$1.txt")
	[ "$n" -eq "$2" ] || fail "$1: $n packets, expected $2"
	# Malformed, or any expert error (a bad IPv4 or ICMP checksum).
	bad=$(timeout 30 tshark -n -r "$tmp/$1" -o ip.check_checksum:TRUE \
	    -Y "_ws.malformed || _ws.expert.severity >= error" 2>"$tmp/err")
	[ -z "$bad" ] || fail "$1: malformed: $bad"
	i=1
	for proto in $3; do
		sed -n "${i}p" "$tmp/$1.txt" | grep -qw "$proto" ||
		    fail "$1 packet $i is not $proto: $(sed -n "${i}p" \
		    "$tmp/$1.txt")"
		i=$((i + 1))
	done
}

check eth.pcap 3 "ARP ICMP ICMP"
grep -q "Echo (ping) request" "$tmp/eth.pcap.txt" || fail "no echo request"
grep -q "Echo (ping) reply" "$tmp/eth.pcap.txt" || fail "no echo reply"
check hdlc.pcap 2 "ICMP SLARP"
exit 0
