# tests/interop_lib.sh — sourced by the strongSwan interop tests: one
# network namespace with strongSwan's charon (kernel-libipsec: user-space
# ESP, always ESP-in-UDP) on tap0 12.1.1.2 and lo 2.2.2.2, and one iosh
# attached to the same tap0 as FastEthernet0/0 12.1.1.1 with Loopback0
# 1.1.1.1, fed commands through a FIFO; CCIE lab 13-1's addressing.
#
#   ss_start [capture]	namespace, charon, iosh (and tshark on tap0)
#   ns_start; iosh_start	the same without charon (other peers)
#   iosh_spawn --attach ...	iosh alone, attached as given (its own
#				addressing: the caller's namespace setup)
#   ns_start; ss_charon [capture]; iosh_start
#				the same in steps (to add links between)
#   ss_conns IKE ESP [KEY] [LOCAL_TS] [REMOTE_TS]
#				strongSwan's connection "lab" (proposals in
#				its words), loaded; between SS_LOCAL and
#				SS_REMOTE (12.1.1.2 and 12.1.1.1 unless set)
#   IOSH_ATTACH		more --attach arguments for iosh_start
#   SS_PLUGINS		more plugins for charon's load list
#   SS_PLUGIN_CONF, SS_INSTALL_ROUTES
#				plugins' settings in charon's strongswan.conf,
#				and its install_routes (yes unless set)
#   ios_crypto ENC HASH GROUP TSET [PFS] [KEY] [ACL]
#				iosh's policy 10, key, transform set, map
#   ios_profile [MODELINE]	(in configuration mode) policy 10, key, NAT
#				keepalives, set TSET (its mode line), profile
#				PRO, for Tunnel0's tunnel protection
#   send LINE...; mark; wait_for RE OFFSET SECONDS; fail WHY
#   tunnel_shows RE...	`show crypto ipsec sa` and `show interfaces
#				Tunnel0` in $D/show, each RE found in it
#   ss_capture_stop		tshark's capture on tap0 ended, file complete
#   ws_keys OUT DIR...		the key tables `test crypto wireshark-keys`
#				wrote into each DIR, merged into OUT
#
# Needs root, network namespaces and TUN/TAP, and for ss_start
# strongSwan's charon with the kernel-libipsec and openssl plugins: exits
# 77 without them.  The namespace and every process go on exit.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

builddir=$(cd "${top_builddir:-.}" && pwd -P)
iosh=$builddir/iosh
charon=/usr/lib/ipsec/charon
[ "$(id -u)" -eq 0 ] || skip "not root"

ns=iosh-ss-$$
D=$(mktemp -d) || exit 99
mkdir -p "$D/run"

ss_cleanup() {
	exec 3>&- 2>/dev/null
	[ -f "$D/charon.pid" ] && kill "$(cat "$D/charon.pid")" 2>/dev/null
	[ -f "$D/tshark.pid" ] && kill "$(cat "$D/tshark.pid")" 2>/dev/null
	[ -f "$D/iosh.pid" ] && kill "$(cat "$D/iosh.pid")" 2>/dev/null
	[ -f "$D/pluto.pid" ] && kill "$(cat "$D/pluto.pid")" 2>/dev/null
	sleep 0.3
	ip netns del "$ns" 2>/dev/null
	rm -rf "$D"
}
trap ss_cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

fail() {
	echo "FAIL: $*"
	echo "--- iosh"; tail -60 "$D/out"
	echo "--- charon"; tail -30 "$D/charon.log" 2>/dev/null
	exit 1
}

in_ns() {
	timeout 30 ip netns exec "$ns" "$@"
}

swan() {
	STRONGSWAN_CONF=$D/strongswan.conf timeout 20 swanctl "$@"
}

# Wait until iosh's output after byte offset $2 has a line matching RE,
# at most $3 seconds.
wait_for() {
	local re=$1 from=$2 secs=$3 i
	for i in $(seq 1 $((secs * 10))); do
		tail -c +"$((from + 1))" "$D/out" | grep -Eq "$re" && return 0
		sleep 0.1
	done
	return 1
}

mark() {
	stat -c %s "$D/out"
}

send() {
	printf '%s\n' "$@" >&3
}

# iosh's output since offset $1.
since() {
	tail -c +"$(($1 + 1))" "$D/out"
}

# The namespace and tap0; iosh on it, configured and ARP done.
ns_start() {
	ip netns add "$ns" 2>/dev/null || skip "no netns"
	in_ns ip link set lo up || fail "lo up"
	in_ns ip addr add 2.2.2.2/32 dev lo || fail "2.2.2.2"
	in_ns ip tuntap add dev tap0 mode tap ||
	    skip "no tuntap"
	in_ns ip addr add 12.1.1.2/24 dev tap0 || fail "12.1.1.2"
	in_ns ip link set tap0 up || fail "tap0 up"
}

# iosh in the namespace, its nvram $D/nv, its console on fd 3; the
# interfaces as the arguments attach them (--attach NAME=SPEC each).
iosh_spawn() {
	mkfifo "$D/in"
	ip netns exec "$ns" timeout 600 "$iosh" --nvram "$D/nv" "$@" \
	    <"$D/in" >"$D/out" 2>&1 &
	echo $! >"$D/iosh.pid"
	exec 3>"$D/in"
}

iosh_start() {
	local m
	iosh_spawn --attach FastEthernet0/0=tap:tap0 ${IOSH_ATTACH:-}
	# service internal: the tests write Wireshark's keys
	# (test crypto wireshark-keys, an internal command).
	send enable "configure terminal" "hostname R1" "service internal" \
	    "interface Loopback0" " ip address 1.1.1.1 255.255.255.255" \
	    "interface FastEthernet0/0" " ip address 12.1.1.1 255.255.255.0" \
	    " no shutdown" "ip route 2.2.2.2 255.255.255.255 12.1.1.2" "end"
	# ARP first (not crypto traffic), so IKE's first message is not lost.
	m=$(mark)
	send "ping 12.1.1.2 repeat 2"
	wait_for "^Success rate is" "$m" 10 || fail "ping 12.1.1.2"
}

# charon in the namespace made by ns_start (and tshark on tap0).
ss_charon() {
	[ -x "$charon" ] && command -v swanctl >/dev/null &&
	    [ -f /usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so ] &&
	    [ -f /usr/lib/ipsec/plugins/libstrongswan-openssl.so ] ||
	    skip "strongSwan (charon, kernel-libipsec, openssl) missing"
	cat >"$D/strongswan.conf" <<EOC
charon {
    load = random nonce openssl pem pkcs1 x509 pubkey hmac md5 sha1 sha2 aes gmp kernel-libipsec kernel-netlink socket-default vici${SS_PLUGINS:+ $SS_PLUGINS}
    install_routes = ${SS_INSTALL_ROUTES:-yes}
    filelog {
        main {
            path = $D/charon.log
            time_format = %H:%M:%S
            append = no
            flush_line = yes
            default = 1
        }
    }
    syslog { daemon { default = -1 } }
    plugins { vici { socket = unix://$D/charon.vici } ${SS_PLUGIN_CONF:-}}
}
swanctl {
    load = random nonce openssl pem pkcs1 x509 pubkey
    socket = unix://$D/charon.vici
}
EOC
	# charon's pid file is fixed at /run: a private /run for it.
	STRONGSWAN_CONF=$D/strongswan.conf ip netns exec "$ns" unshare -m \
	    --propagation private sh -c "mount --bind $D/run /run && \
exec $charon" >"$D/charon.stdout" 2>&1 &
	echo $! >"$D/charon.pid"
	for i in $(seq 1 50); do
		[ -S "$D/charon.vici" ] && break
		sleep 0.1
	done
	[ -S "$D/charon.vici" ] || fail "charon did not start"
	if [ "${1:-}" = capture ] && have tshark; then
		ip netns exec "$ns" timeout 300 tshark -q -n -i tap0 \
		    -w "$D/cap.pcap" >/dev/null 2>&1 &
		echo $! >"$D/tshark.pid"
		sleep 1
	fi
}

ss_start() {
	ns_start
	ss_charon "$@"
	iosh_start
}

# strongSwan's side of seed 001 (notes/interop: the lifetimes Cisco's
# defaults come out as), with the proposals given; SS_LOCAL, SS_REMOTE
# and SS_LIFE (the child's lifetime) change its addresses and lifetime.
ss_conns() {
	local ike=$1 esp=$2 key=${3:-cisco} lts=${4:-2.2.2.2/32}
	local rts=${5:-1.1.1.1/32} l=${SS_LOCAL:-12.1.1.2}
	local r=${SS_REMOTE:-12.1.1.1} life=${SS_LIFE:-3600}
	cat >"$D/swanctl.conf" <<EOC
connections {
    lab {
        version = 1
        local_addrs = $l
        remote_addrs = $r
        proposals = $ike
        dpd_delay = 0s
        rekey_time = 77760s
        over_time = 8640s
        rand_time = 0s
        local {
            auth = psk
            id = $l
        }
        remote {
            auth = psk
            id = $r
        }
        children {
            lab {
                mode = tunnel
                local_ts = $lts
                remote_ts = $rts
                esp_proposals = $esp
                life_time = ${life}s
                rekey_time = $((life * 9 / 10))s
                rand_time = 0s
                start_action = none
            }
        }
    }
}
secrets {
    ike-lab {
        id-1 = $r
        id-2 = $l
        secret = $key
    }
}
EOC
	swan --load-all --clear --file "$D/swanctl.conf" >"$D/load.out" 2>&1 ||
	    fail "swanctl --load-all: $(cat "$D/load.out")"
}

# iosh's side: policy 10, the key, the transform set, the map on Fa0/0.
ios_crypto() {
	local enc=$1 hash=$2 group=$3 tset=$4 pfs=${5:-} key=${6:-cisco}
	local acl=${7:-host 1.1.1.1 host 2.2.2.2}
	send "configure terminal" "no crypto isakmp policy 10" \
	    "crypto isakmp policy 10" " encryption $enc" " hash $hash" \
	    " authentication pre-share" " group $group" \
	    "crypto isakmp key $key address 12.1.1.2" \
	    "crypto ipsec transform-set TSET $tset" \
	    "no access-list 100" "access-list 100 permit ip $acl" \
	    "crypto map TST 10 ipsec-isakmp" " set peer 12.1.1.2" \
	    " match address 100" " set transform-set TSET"
	if [ -n "$pfs" ]; then
		send " set pfs $pfs"
	else
		send " no set pfs"
	fi
	send "interface FastEthernet0/0" " crypto map TST" "end"
}

ios_profile() {
	send "crypto isakmp policy 10" " encryption 3des" " hash md5" \
	    " authentication pre-share" " group 2" \
	    "crypto isakmp key cisco address 12.1.1.2" \
	    "crypto isakmp nat keepalive 5" \
	    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac" "$@" \
	    "crypto ipsec profile PRO" " set transform-set TSET"
}

# Both sides forget every SA (iosh tells strongSwan; strongSwan's are
# terminated too, in case the delete was not enough).
ss_clear() {
	send "clear crypto sa" "clear crypto isakmp"
	sleep 0.5
	swan --terminate --ike lab >/dev/null 2>&1
	sleep 0.3
}

tunnel_shows() {
	local m line
	m=$(mark)
	send "show crypto ipsec sa" "show interfaces Tunnel0"
	wait_for "Tunnel protection via IPSec" "$m" 10 || fail "show commands"
	since "$m" >"$D/show"
	for line in "$@"; do
		grep -Eq "$line" "$D/show" ||
		    fail "show: no $line in $(cat "$D/show")"
	done
}

# dumpcap hands the kernel's buffered frames to the file only when its
# read times out or the buffer fills: stopped at once, the last frames
# sent (on a fast machine, the last echoes a moment ago) would be missing
# from the file.  So wait for that read first, then stop it and wait
# (bounded) until it has closed the file.
ss_capture_stop() {
	local pid i
	pid=$(cat "$D/tshark.pid")
	sleep 1
	kill "$pid" 2>/dev/null
	for i in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	rm -f "$D/tshark.pid"
}

ws_keys() {
	local out=$1 f d
	shift
	mkdir -p "$out"
	for f in esp_sa ikev1_decryption_table; do
		for d in "$@"; do
			grep -v '^#' "$d/$f"
		done >"$out/$f"
	done
}
