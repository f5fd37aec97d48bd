#!/bin/sh
# iosh's DHCP against real components, inside a private network namespace:
#  - client: dnsmasq serves 10.98.1.50-60 on tap0 (Linux 10.98.1.1,
#    router option 10.98.1.1); iosh's FastEthernet0/0=tap:tap0 with
#    `ip address dhcp` logs %DHCP-6-ADDRESS_ASSIGN, shows the address in
#    `show ip interface brief` (method DHCP) and `show dhcp lease` (state
#    5 Bound, dnsmasq's lease of 3600 s), the default route [254/0] via
#    10.98.1.1, pings 10.98.1.1 from it, and dnsmasq's lease file holds it;
#  - server: iosh's FastEthernet0/1=pcap:v1 (10.97.0.1) serves `ip dhcp
#    pool LAN` (10.97.0.1-9 excluded); busybox udhcpc on the veth's other
#    end (v0) gets 10.97.0.10/24, router 10.97.0.1, DNS 10.97.0.53, lease
#    3600, and iosh's `show ip dhcp binding` shows it against udhcpc's
#    client identifier (01 and v0's MAC).
# Root, namespaces, dnsmasq and busybox are required: otherwise exit 77.
# Every wait is bounded; the namespace and the daemons go in the trap.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v ip >/dev/null 2>&1 || skip "no ip(8)"
command -v dnsmasq >/dev/null 2>&1 || skip "no dnsmasq"
command -v busybox >/dev/null 2>&1 || skip "no busybox"
ns=iosh-dhcp-$$
tmp=$(mktemp -d) || exit 99
ip netns add "$ns" 2>/dev/null || { rm -rf "$tmp"; skip "no netns"; }
cleanup() {
	[ -f "$tmp/dnsmasq.pid" ] && kill "$(cat "$tmp/dnsmasq.pid")" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

fail() {
	echo "FAIL: $*"
	for f in "$tmp"/*.out "$tmp"/leases; do
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
in_ns ip link add v0 type veth peer name v1 || skip "no veth"
in_ns ip link set v0 up || fail "v0 up"
in_ns ip link set v1 up || fail "v1 up"

# dnsmasq: DHCP only (port 0: no DNS), in the foreground of a background
# job so the trap can end it by its pid.
in_ns dnsmasq --keep-in-foreground --port=0 --interface=tap0 \
    --bind-interfaces --dhcp-range=10.98.1.50,10.98.1.60,255.255.255.0,1h \
    --dhcp-option=3,10.98.1.1 --dhcp-leasefile="$tmp/leases" \
    --pid-file="$tmp/dnsmasq.pid" --log-dhcp --log-facility="$tmp/dnsmasq.out" &
i=0
while [ ! -s "$tmp/dnsmasq.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/dnsmasq.pid" ] || fail "dnsmasq did not start"

# The udhcpc script records what the lease brought.
cat >"$tmp/udhcpc.sh" <<'EOS'
#!/bin/sh
[ "$1" = bound ] && echo "ip=$ip mask=$subnet router=$router dns=$dns lease=$lease" >"$UDHCPC_OUT"
exit 0
EOS
chmod +x "$tmp/udhcpc.sh"

# One router does both: its console holds on while the client and the
# server work (DISCOVER at once, retransmitted after 4 s), then shows.
{
	printf '%s\n' "enable" "configure terminal" "hostname R1" \
	    "interface FastEthernet0/0" "ip address dhcp" \
	    "interface FastEthernet0/1" "ip address 10.97.0.1 255.255.255.0" \
	    "exit" "ip dhcp excluded-address 10.97.0.1 10.97.0.9" \
	    "ip dhcp pool LAN" "network 10.97.0.0 255.255.255.0" \
	    "default-router 10.97.0.1" "dns-server 10.97.0.53" "lease 0 1" \
	    "end"
	sleep 12
	printf '%s\n' "show ip interface brief" "show dhcp lease" \
	    "show ip route" "ping 10.98.1.1 repeat 3 timeout 1" \
	    "show ip dhcp binding"
} | in_ns "$iosh" --nvram "$tmp/nv" --attach FastEthernet0/0=tap:tap0 \
    --attach FastEthernet0/1=pcap:v1 >"$tmp/router.out" 2>&1 &
rpid=$!
sleep 1
UDHCPC_OUT=$tmp/udhcpc.lease in_ns env UDHCPC_OUT="$tmp/udhcpc.lease" \
    busybox udhcpc -i v0 -f -q -n -t 4 -T 2 -s "$tmp/udhcpc.sh" \
    >"$tmp/udhcpc.out" 2>&1 || fail "udhcpc got no lease from iosh"
wait "$rpid" || fail "iosh did not exit cleanly"

# The client side, against dnsmasq.
grep -Eq "%DHCP-6-ADDRESS_ASSIGN: Interface FastEthernet0/0 assigned DHCP address 10\.98\.1\.(5[0-9]|60), mask 255\.255\.255\.0, hostname R1$" \
    "$tmp/router.out" || fail "no ADDRESS_ASSIGN log line"
addr=$(sed -n 's/.*assigned DHCP address \([0-9.]*\),.*/\1/p' "$tmp/router.out")
grep -Eq "^FastEthernet0/0 +$addr +YES DHCP +up +up$" "$tmp/router.out" ||
    fail "show ip interface brief: no $addr by DHCP"
grep -q "^Temp IP addr: $addr  for peer on Interface: FastEthernet0/0$" \
    "$tmp/router.out" || fail "show dhcp lease: address"
grep -q "^   DHCP Lease server: 10.98.1.1, state: 5 Bound$" "$tmp/router.out" ||
    fail "show dhcp lease: server/state"
grep -q "^   Lease: 3600 secs,  Renewal: 1800 secs,  Rebind: 3150 secs$" \
    "$tmp/router.out" || fail "show dhcp lease: times"
grep -q "^S\*    0.0.0.0/0 \[254/0\] via 10.98.1.1$" "$tmp/router.out" ||
    fail "no default route [254/0] via 10.98.1.1"
grep -Eq "^Success rate is (100 percent \(3/3\)|66 percent \(2/3\))" \
    "$tmp/router.out" || fail "ping 10.98.1.1 from the leased address"
grep -q " $addr " "$tmp/leases" || fail "dnsmasq's lease file lacks $addr"

# The server side, against udhcpc.
grep -q "^ip=10.97.0.10 mask=255.255.255.0 router=10.97.0.1 dns=10.97.0.53 lease=3600$" \
    "$tmp/udhcpc.lease" || fail "udhcpc's lease: $(cat "$tmp/udhcpc.lease" 2>/dev/null)"
mac=$(in_ns cat /sys/class/net/v0/address | tr -d ':')
id=$(echo "01$mac" | sed 's/^\(....\)\(....\)\(....\)\(..\)$/\1.\2.\3.\4/')
grep -Eq "^10\.97\.0\.10       $id +[A-Z][a-z][a-z] [0-9]{2} [0-9]{4} [0-9]{2}:[0-9]{2} [AP]M    Automatic$" \
    "$tmp/router.out" || fail "show ip dhcp binding: no 10.97.0.10 for $id"
# DHCP_NETNS_SHOW=1: what the router and udhcpc said, for a reader.
[ -n "${DHCP_NETNS_SHOW:-}" ] && cat "$tmp/router.out" "$tmp/udhcpc.lease"
exit 0
