#!/bin/sh
# Seed 002's lab end to end (labs/seed-002): `iosh-lab start` brings up
# Hub, ISP and Spoke in a network namespace of their own (udp: links on
# its loopback, the ISP's FastEthernet1/0 on the tap iosh-vpn0 made here,
# the inside interfaces on taps iosh makes).  Asserted:
#  - the spoke leases 10.100.2.102 from the ISP's `ip dhcp pool` (the
#    seed's `show ip interface` lines, the ISP's binding);
#  - a ping from the spoke's inside (source FastEthernet0/1) to 10.1.1.1
#    brings up the LAN-to-LAN tunnel through the hub's profile L2L and
#    wildcard keyring (the first echo may go while IKE runs, as on IOS);
#  - vpnc on the tap's host side (10.51.82.100) connects as group
#    testgroup/cisco321 with XAUTH user gfullage (the seed's type 7
#    password decoded), gets 10.5.5.1 with the group's DNS, WINS and
#    domain, and pings 10.1.1.1 through the tunnel;
#  - the hub's show crypto isakmp sa detail and show crypto ipsec sa list
#    both peers as the seed does (its legend, both C-id rows, both
#    identity pairs with their peers, crypto map tag, exact counters).
# Needs root, namespaces, TUN/TAP and vpnc (setup.sh installs it);
# skips (77) without them.  Everything bounded in time; the namespace,
# vpnc and the routers go on exit.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=$(cd "${top_builddir:-.}" && pwd -P)
srcdir=$(cd "${top_srcdir:-.}" && pwd -P)
lab=$builddir/iosh-lab
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v vpnc >/dev/null || skip "vpnc missing"

ns=iosh-lab2-$$
tmp=$(mktemp -d) || exit 99
IOSH_LAB_HOME=$tmp/home
export IOSH_LAB_HOME
base=$((30000 + ($$ % 300) * 100))

cleanup() {
	[ -f "$tmp/vpnc.pid" ] && kill "$(cat "$tmp/vpnc.pid")" 2>/dev/null
	if [ -f "$tmp/status" ]; then
		timeout 20 ip netns exec "$ns" "$lab" stop >/dev/null 2>&1
		# Whatever `stop` missed: our routers, by their pids.
		for pid in $(awk '$3 == "pid" { print $4 }' "$tmp/status"); do
			kill "$pid" 2>/dev/null
		done
	fi
	sleep 0.3
	ip netns del "$ns" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

fail() {
	echo "FAIL: $*"
	for r in Hub ISP Spoke; do
		echo "--- $r"
		tail -20 "$IOSH_LAB_HOME/seed-002/$r/console.log" 2>/dev/null
	done
	echo "--- vpnc"; tail -20 "$tmp/vpnc.log" 2>/dev/null
	exit 1
}

in_ns() {
	timeout 60 ip netns exec "$ns" "$@"
}

# Commands on a router's vty (in the namespace, where its console is).
ex() {
	r=$1
	shift
	in_ns "$lab" -t 50 exec "$r" "$@"
}

ip netns add "$ns" 2>/dev/null || skip "no netns"
in_ns ip link set lo up || fail "lo up"
in_ns ip tuntap add dev iosh-vpn0 mode tap ||
    skip "no tuntap"
in_ns ip addr add 10.51.82.100/24 dev iosh-vpn0 || fail "10.51.82.100"
in_ns ip link set iosh-vpn0 up || fail "iosh-vpn0 up"
in_ns ip route add 10.48.67.160/27 via 10.51.82.1 || fail "route"

in_ns "$lab" -b "$base" start "$srcdir/labs/seed-002" >"$tmp/start" 2>&1 ||
    fail "iosh-lab start: $(cat "$tmp/start")"
in_ns "$lab" status >"$tmp/status" 2>&1 || fail "status"
[ "$(grep -c ' running$' "$tmp/status")" -eq 3 ] ||
    fail "status: $(cat "$tmp/status")"
for r in Hub ISP Spoke; do
	grep -q "^  $r *console: telnet 127.0.0.1 " "$tmp/start" ||
	    fail "start did not report $r: $(cat "$tmp/start")"
done

# --- The spoke's address by DHCP (the ISP's pool skips .1-.101).
for i in $(seq 1 30); do
	ex Spoke 'show ip interface FastEthernet0/0' >"$tmp/ipif" 2>&1 &&
	    grep -q "Internet address is 10.100.2." "$tmp/ipif" && break
	sleep 1
done
head -4 "$tmp/ipif" >"$tmp/ipif.head"
cat >"$tmp/ipif.want" <<'END'
FastEthernet0/0 is up, line protocol is up
  Internet address is 10.100.2.102/24
  Broadcast address is 255.255.255.255
  Address determined by DHCP
END
cmp -s "$tmp/ipif.head" "$tmp/ipif.want" ||
    fail "spoke's show ip interface: $(cat "$tmp/ipif")"
ex ISP 'show ip dhcp binding' >"$tmp/binding" || fail "exec binding"
grep -Eq '^10\.100\.2\.102 +[0-9a-f.]+ +' "$tmp/binding" ||
    fail "ISP's binding: $(cat "$tmp/binding")"

# ARP along the path first (plain traffic, outside access-list 100), so
# the spoke's first IKE message is not lost to an ARP miss at the ISP.
ex Spoke 'ping 10.48.67.181' >"$tmp/arp" || fail "exec ping hub"
grep -Eq '^Success rate is (80|100) percent' "$tmp/arp" ||
    fail "spoke to hub: $(cat "$tmp/arp")"

# --- LAN to LAN: the spoke's inside to the hub's.
ex Spoke 'ping 10.1.1.1 source FastEthernet0/1' >"$tmp/ping" ||
    fail "exec ping"
head -3 "$tmp/ping" >"$tmp/ping.head"
cat >"$tmp/ping.want" <<'END'
Type escape sequence to abort.
Sending 5, 100-byte ICMP Echos to 10.1.1.1, timeout is 2 seconds:
Packet sent with a source address of 10.2.2.2
END
cmp -s "$tmp/ping.head" "$tmp/ping.want" || fail "ping: $(cat "$tmp/ping")"
case $(sed -n 4p "$tmp/ping") in
!!!!!) l2l=5 ;;
.!!!!) l2l=4 ;;
*) fail "LAN-to-LAN ping: $(cat "$tmp/ping")" ;;
esac
sed -n 5p "$tmp/ping" | grep -Eq "^Success rate is $((l2l * 20)) percent \\($l2l/5\\), round-trip min/avg/max = [0-9]+/[0-9]+/[0-9]+ ms$" ||
    fail "LAN-to-LAN ping summary: $(cat "$tmp/ping")"

# --- vpnc on the tap's host side.
cat >"$tmp/script.sh" <<EOS
#!/bin/sh
# Written aside and renamed: the test polls for the file and must not
# read it half written.
env | sort >"$tmp/env.\$reason.part"
mv "$tmp/env.\$reason.part" "$tmp/env.\$reason"
if [ "\$reason" = connect ]; then
	ip addr add "\$INTERNAL_IP4_ADDRESS/32" dev "\$TUNDEV"
	ip link set "\$TUNDEV" up mtu 1400
	ip route add 10.1.0.0/16 dev "\$TUNDEV" src "\$INTERNAL_IP4_ADDRESS"
fi
exit 0
EOS
chmod +x "$tmp/script.sh"
# gfullage's password: the seed's type 7 0201024E070A0E2649 decoded.
cat >"$tmp/vpnc.conf" <<EOC
IPSec gateway 10.48.67.181
IPSec ID testgroup
IPSec secret cisco321
Xauth username gfullage
Xauth password gfullage
IKE DH Group dh2
Perfect Forward Secrecy nopfs
NAT Traversal Mode none
EOC
# The seed's policy is 3des, which vpnc calls weak.
ip netns exec "$ns" timeout 120 vpnc --no-detach --debug 1 \
    --enable-weak-encryption --pid-file "$tmp/vpnc.pid" \
    --script "$tmp/script.sh" "$tmp/vpnc.conf" >"$tmp/vpnc.log" 2>&1 &
for i in $(seq 1 150); do
	[ -f "$tmp/env.connect" ] && break
	sleep 0.1
done
[ -f "$tmp/env.connect" ] || fail "vpnc did not connect"
for line in INTERNAL_IP4_ADDRESS=10.5.5.1 'INTERNAL_IP4_DNS=1.1.1.1 2.2.2.2' \
    'INTERNAL_IP4_NBNS=3.3.3.3 4.4.4.4' CISCO_DEF_DOMAIN=cisco.com; do
	grep -qx "$line" "$tmp/env.connect" ||
	    fail "vpnc's $line: $(cat "$tmp/env.connect")"
done
sleep 0.5
in_ns ping -c 3 -W 2 -I 10.5.5.1 10.1.1.1 >"$tmp/lping" 2>&1
grep -q " 3 received" "$tmp/lping" ||
    fail "ping through vpnc: $(cat "$tmp/lping")"

# --- The hub's view of both peers.
ex Hub 'show crypto isakmp sa detail' >"$tmp/isa" || fail "exec isakmp"
sed -n 1,7p "$tmp/isa" >"$tmp/isa.head"
cat >"$tmp/isa.want" <<'END'
Codes: C - IKE configuration mode, D - Dead Peer Detection
       K - Keepalives, N - NAT-traversal
       X - IKE Extended Authentication
       psk - Preshared key, rsig - RSA signature
       renc - RSA encryption

C-id  Local           Remote          I-VRF    Encr Hash Auth DH Lifetime Cap.
END
cmp -s "$tmp/isa.head" "$tmp/isa.want" ||
    fail "isakmp sa detail header: $(cat "$tmp/isa")"
# C-id 1 the spoke, 2 the client, as the seed's rows: Auth blank for
# XAUTHInitPreShared; no D (both peers send the DPD vendor ID, but the hub
# has no keepalive).  The seed's client row has three more blanks before
# DH and one fewer after Cap. than the columns its spoke row fixes: the
# document's, not IOS's (iosh keeps the columns).
grep -Eqx '1     10\.48\.67\.181    10\.100\.2\.102             3des sha  psk  2   23:[0-5][0-9]:[0-5][0-9]     ' \
    "$tmp/isa" || fail "the spoke's C-id row: $(cat "$tmp/isa")"
grep -Eqx '2     10\.48\.67\.181    10\.51\.82\.100             3des sha       2   23:[0-5][0-9]:[0-5][0-9] CX  ' \
    "$tmp/isa" || fail "the client's C-id row: $(cat "$tmp/isa")"
[ "$(wc -l <"$tmp/isa")" -eq 10 ] || fail "isakmp sa detail: $(cat "$tmp/isa")"

ex Hub 'show crypto ipsec sa' >"$tmp/ipsa" || fail "exec ipsec sa"
for line in 'interface: FastEthernet0/0' \
    '    Crypto map tag: mymap, local addr. 10.48.67.181'; do
	[ "$(grep -cxF "$line" "$tmp/ipsa")" -eq 1 ] ||
	    fail "show crypto ipsec sa: '$line': $(cat "$tmp/ipsa")"
done
# Each peer's block: identities, peer, counters, endpoints (in order).
block() {
	awk -v l="   local  ident (addr/mask/prot/port): ($1/0/0)" '
	    $0 == l { on = 1 } on && /^ *protected vrf:/ { exit }
	    on' "$tmp/ipsa" | grep -E \
	    'ident|current_peer|#pkts (en|de)caps|crypto endpt' \
	    >"$tmp/block"
	cat >"$tmp/block.want"
	cmp -s "$tmp/block" "$tmp/block.want" ||
	    fail "the $1 block: $(cat "$tmp/block") / $(cat "$tmp/ipsa")"
}
block 10.1.0.0/255.255.0.0 <<END
   local  ident (addr/mask/prot/port): (10.1.0.0/255.255.0.0/0/0)
   remote ident (addr/mask/prot/port): (10.2.0.0/255.255.0.0/0/0)
   current_peer: 10.100.2.102:500
    #pkts encaps: $l2l, #pkts encrypt: $l2l, #pkts digest $l2l
    #pkts decaps: $l2l, #pkts decrypt: $l2l, #pkts verify $l2l
     local crypto endpt.: 10.48.67.181, remote crypto endpt.: 10.100.2.102
END
block 0.0.0.0/0.0.0.0 <<END
   local  ident (addr/mask/prot/port): (0.0.0.0/0.0.0.0/0/0)
   remote ident (addr/mask/prot/port): (10.5.5.1/255.255.255.255/0/0)
   current_peer: 10.51.82.100:500
    #pkts encaps: 3, #pkts encrypt: 3, #pkts digest 3
    #pkts decaps: 3, #pkts decrypt: 3, #pkts verify 3
     local crypto endpt.: 10.48.67.181, remote crypto endpt.: 10.51.82.100
END
# Two SAs each way, all of the map mymap.
[ "$(grep -Ec '^        slot: 0, conn id: [0-9]+, flow_id: [0-9]+, crypto map: mymap$' "$tmp/ipsa")" -eq 4 ] ||
    fail "four SAs of mymap: $(cat "$tmp/ipsa")"

kill "$(cat "$tmp/vpnc.pid")" 2>/dev/null
timeout 30 ip netns exec "$ns" "$lab" stop >/dev/null || fail "stop"
for pid in $(awk '$3 == "pid" { print $4 }' "$tmp/status"); do
	# A zombie (its parent, iosh-lab, is gone; nobody reaps it) is over.
	st=$(ps -o stat= -p "$pid" 2>/dev/null)
	case $st in
	''|Z*) ;;
	*) fail "router $pid still running ($st)" ;;
	esac
done
echo "lab seed-002: spoke 10.100.2.102 by DHCP, LAN-to-LAN $l2l/5, vpnc 10.5.5.1 3/3, hub SAs: ok"
exit 0
