#!/bin/bash
# bench/iperf_interop.sh — TCP throughput through an IKEv1/ESP tunnel
# (3des/md5 for IKE, esp-aes esp-sha-hmac, ESP in UDP), iperf3 for 5 s,
# the same run measuring:
#
#   iosh       a client namespace -- iosh (two pcap: veths, crypto map)
#              -- strongSwan (kernel-libipsec) with the iperf3 server
#   strongSwan the same client traffic between two strongSwans
#              (kernel-libipsec both ends), the peer iosh stands in for
#
# and printing both and their ratio.  A benchmark, not a test: the
# figures depend on the machine.  Needs root, namespaces, veth, iperf3
# and strongSwan's charon with kernel-libipsec; says why and exits 0
# without them.
set -u

iosh=${IOSH:-$(cd "$(dirname "$0")/.." && pwd)/iosh}
charon=/usr/lib/ipsec/charon
secs=${BENCH_SECONDS:-5}
skip() { echo "iperf_interop: skipped: $*"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v iperf3 >/dev/null || skip "no iperf3"
[ -x "$charon" ] && [ -f /usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so ] ||
    skip "no strongSwan with kernel-libipsec"
[ -x "$iosh" ] || skip "no iosh at $iosh"
command -v ethtool >/dev/null || skip "no ethtool"

T=$(mktemp -d)
P=ipb$$
cleanup() {
	exec 3>&- 2>/dev/null
	for f in "$T"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
	done
	sleep 0.3
	for n in c r s s1 s2; do ip netns del "$P$n" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "iperf_interop: $*" >&2; exit 1; }

# charon NAME LOCAL REMOTE LOCAL_TS REMOTE_TS: a charon in namespace
# $P$NAME with connection "lab" (ESP aes128/sha1), loaded.
charon_up() {
	local n=$1 d=$T/$1
	mkdir -p "$d/run"
	cat >"$d/strongswan.conf" <<EOF
charon {
    load = random nonce openssl pem pkcs1 x509 pubkey hmac md5 sha1 sha2 aes gmp kernel-libipsec kernel-netlink socket-default vici
    install_routes = yes
    syslog { daemon { default = -1 } }
    plugins { vici { socket = unix://$d/charon.vici } }
}
swanctl {
    load = random nonce openssl pem pkcs1 x509 pubkey
    socket = unix://$d/charon.vici
}
EOF
	cat >"$d/swanctl.conf" <<EOF
connections {
    lab {
        version = 1
        local_addrs = $2
        remote_addrs = $3
        proposals = 3des-md5-modp1024
        local { auth = psk
            id = $2 }
        remote { auth = psk
            id = $3 }
        children { lab { local_ts = $4
            remote_ts = $5
            esp_proposals = aes128-sha1
            start_action = none } }
    }
}
secrets { ike-lab { id-1 = $2
    id-2 = $3
    secret = cisco } }
EOF
	STRONGSWAN_CONF=$d/strongswan.conf ip netns exec "$P$n" unshare -m \
	    --propagation private sh -c "mount --bind $d/run /run && \
exec $charon" >"$d/charon.out" 2>&1 &
	echo $! >"$T/charon-$n.pid"
	for i in $(seq 1 50); do [ -S "$d/charon.vici" ] && break; sleep 0.1
	done
	STRONGSWAN_CONF=$d/strongswan.conf timeout 20 swanctl --load-all \
	    --file "$d/swanctl.conf" >/dev/null 2>&1 || fail "charon $n"
}

# A veth pair A (in NSA) -- B (in NSB).  Linux leaves UDP and TCP
# checksums to the "hardware" on veths; iosh reads the frames with
# libpcap as a router would off a wire and checks them, so Linux must
# fill them in (ethtool -K tx off).
veth() {	# veth A NSA B NSB
	ip link add "$1" type veth peer name "$3" || fail "veth $1"
	ip link set "$1" netns "$2"
	ip link set "$3" netns "$4"
	ip -n "$2" link set "$1" up
	ip -n "$4" link set "$3" up
	ip netns exec "$2" ethtool -K "$1" tx off >/dev/null 2>&1
	ip netns exec "$4" ethtool -K "$3" tx off >/dev/null 2>&1
}

mbits() {	# client namespace, bind address (or empty)
	ip netns exec "$1" timeout $((secs + 15)) iperf3 -c 2.2.2.2 \
	    ${2:+-B $2} -t "$secs" -f m 2>/dev/null |
	    awk '/receiver/ { print $(NF - 2) }'
}

# --- iosh between the client and strongSwan.
for n in c r s; do ip netns add "$P$n" || skip "no netns"; done
for n in c r s; do ip -n "$P$n" link set lo up; done
veth vc "${P}c" vr1 "${P}r"
veth vr0 "${P}r" vs "${P}s"
ip -n "${P}c" addr add 10.0.1.2/24 dev vc
ip -n "${P}c" route add default via 10.0.1.1
ip -n "${P}s" addr add 12.1.1.2/24 dev vs
ip -n "${P}s" addr add 2.2.2.2/32 dev lo
charon_up s 12.1.1.2 12.1.1.1 2.2.2.2/32 10.0.1.0/24
ip netns exec "${P}s" iperf3 -s -D -B 2.2.2.2 --pidfile "$T/iperf-s.pid" \
    >/dev/null 2>&1
mkfifo "$T/in"
ip netns exec "${P}r" timeout 300 "$iosh" --nvram "$T/nv" \
    --attach FastEthernet0/0=pcap:vr0 --attach FastEthernet0/1=pcap:vr1 \
    <"$T/in" >"$T/iosh.out" 2>&1 &
echo $! >"$T/iosh.pid"
exec 3>"$T/in"
printf '%s\n' enable "configure terminal" \
    "interface FastEthernet0/1" " ip address 10.0.1.1 255.255.255.0" \
    " no shutdown" "interface FastEthernet0/0" \
    " ip address 12.1.1.1 255.255.255.0" " no shutdown" \
    "ip route 2.2.2.2 255.255.255.255 12.1.1.2" \
    "crypto isakmp policy 10" " encryption 3des" " hash md5" \
    " authentication pre-share" " group 2" \
    "crypto isakmp key cisco address 12.1.1.2" \
    "crypto ipsec transform-set T esp-aes esp-sha-hmac" \
    "access-list 100 permit ip 10.0.1.0 0.0.0.255 host 2.2.2.2" \
    "crypto map M 10 ipsec-isakmp" " set peer 12.1.1.2" \
    " match address 100" " set transform-set T" \
    "interface FastEthernet0/0" " crypto map M" "end" \
    "ping 12.1.1.2 repeat 2" >&3
sleep 3
for i in $(seq 1 30); do
	ip netns exec "${P}c" ping -c 1 -W 1 2.2.2.2 >/dev/null 2>&1 && break
done
if ! ip netns exec "${P}c" ping -c 1 -W 1 2.2.2.2 >/dev/null 2>&1; then
	printf '%s\n' "show ip interface brief" "show arp" \
	    "show crypto isakmp sa" "show crypto ipsec sa" >&3
	sleep 1
	fail "no tunnel through iosh: $(grep -A4 "ping 12.1.1.2" "$T/iosh.out"; tail -20 "$T/iosh.out"; cat "$T/s/charon.out" | tail -5)"
fi
via_iosh=$(mbits "${P}c" "")

# --- strongSwan on both ends, the client on the initiator's side.
kill "$(cat "$T/iperf-s.pid")" 2>/dev/null
for n in s1 s2; do ip netns add "$P$n"; ip -n "$P$n" link set lo up; done
veth v1 "${P}s1" v2 "${P}s2"
ip -n "${P}s1" addr add 12.1.1.1/24 dev v1
ip -n "${P}s1" addr add 10.0.1.2/32 dev lo
ip -n "${P}s2" addr add 12.1.1.2/24 dev v2
ip -n "${P}s2" addr add 2.2.2.2/32 dev lo
charon_up s1 12.1.1.1 12.1.1.2 10.0.1.2/32 2.2.2.2/32
charon_up s2 12.1.1.2 12.1.1.1 2.2.2.2/32 10.0.1.2/32
ip netns exec "${P}s2" iperf3 -s -D -B 2.2.2.2 --pidfile "$T/iperf-s2.pid" \
    >/dev/null 2>&1
STRONGSWAN_CONF=$T/s1/strongswan.conf timeout 20 swanctl --initiate \
    --child lab >/dev/null 2>&1 || fail "strongSwan pair did not connect"
via_swan=$(mbits "${P}s1" 10.0.1.2)

[ -n "$via_iosh" ] && [ -n "$via_swan" ] || fail "iperf3 failed"
awk -v a="$via_iosh" -v b="$via_swan" 'BEGIN {
	printf "iperf_interop: TCP through the tunnel, %s s: iosh<->strongSwan " \
	    "%.1f Mbit/s, strongSwan<->strongSwan %.1f Mbit/s, ratio %.2f\n",
	    ENVIRON["secs"], a, b, a / b }'
