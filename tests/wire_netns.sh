#!/bin/sh
# tap: and pcap: wires on real Linux interfaces, inside a private network
# namespace: a TAP (made persistent, addressed 10.99.1.1) and a veth pair
# (v0 addressed 10.99.0.1, v1 left to the pcap: wire).  wire_tool sends an
# ARP request on the wire and waits for the kernel's reply, so frames pass
# both ways; for pcap: it also fails if it reads back its own frame.
# Root and namespaces are required: otherwise exit 77 (skip).  Every wait
# is bounded and the namespace goes away in the trap.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=${top_builddir:-.}
tool=$(cd "$builddir" && pwd -P)/tests/wire_tool
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v ip >/dev/null 2>&1 || skip "no ip(8)"
ns=iosh-wire-$$
ip netns add "$ns" 2>/dev/null || skip "no netns"
trap 'ip netns del "$ns" 2>/dev/null' EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

fail() {
	echo "FAIL: $*"
	exit 1
}
in_ns() {
	timeout 20 ip netns exec "$ns" "$@"
}

in_ns ip link set lo up || fail "lo up"
in_ns ip link add v0 type veth peer name v1 || skip "no veth"
in_ns ip addr add 10.99.0.1/24 dev v0 || fail "address v0"
in_ns ip link set v0 up || fail "v0 up"
in_ns ip link set v1 up || fail "v1 up"
in_ns ip tuntap add dev tap0 mode tap || skip "no tuntap"
in_ns ip addr add 10.99.1.1/24 dev tap0 || fail "address tap0"
in_ns ip link set tap0 up || fail "tap0 up"

in_ns "$tool" arp tap:tap0 02:00:00:00:01:02 10.99.1.2 10.99.1.1 5000 ||
    fail "tap: no ARP reply from the namespace"
in_ns "$tool" arp pcap:v1 02:00:00:00:00:02 10.99.0.2 10.99.0.1 5000 ||
    fail "pcap: no ARP reply (or own frame read back)"
# The kernel learnt the wire's MAC from the requests: frames went in.
in_ns ip neigh show 10.99.0.2 dev v0 | grep -q 02:00:00:00:00:02 ||
    fail "pcap: the kernel did not see the request"
exit 0
