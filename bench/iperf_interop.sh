#!/bin/bash
# bench/iperf_interop.sh — an IPsec gateway comparison on one topology:
#
#   client ns --veth-- gateway 1 --veth (WAN)-- gateway 2 --veth-- server ns
#   10.0.1.2/24        10.0.1.1  12.1.1.1   12.1.1.2  10.0.2.1     10.0.2.2/24
#
# the gateways being
#   (a) iosh <-> iosh                  (one iosh process each, pcap: wires)
#   (b) strongSwan <-> strongSwan      (charon with kernel-libipsec: its
#                                       user-space ESP; no kernel ESP here)
#   (c) iosh <-> strongSwan            (iosh initiates; ESP in UDP, as
#                                       libipsec sends nothing else)
#   (d) Linux forwarding, no IPsec     (the ceiling of the topology)
# with the same transform on both ends (esp-aes 128 + esp-sha-hmac, then
# esp-3des + esp-md5-hmac; IKE 3des/md5/group 2 PSK), iperf3 TCP client ->
# server for BENCH_SECONDS (10) s, BENCH_RUNS (3) runs each, medians.
# Every run prints its Mbit/s, the gateways' CPU seconds and the load
# average at its start (the machine is shared: read figures with it).
#
# Printed ratios: iosh/strongSwan for each transform (issue 22's target
# for aes/sha: >= 3.0) and iosh's 3des/md5 figure per gateway core over
# two OpenSSL limits measured in the same run (target >= 0.9):
#  - "data packets only" (the limit issue 22 was first measured against):
#    `openssl speed` on 1408-byte 3DES-CBC and 1424-byte HMAC-MD5, one
#    core encrypting 1400-byte packets, as TCP payload (x 1348/1400),
#    measured before the runs and again after them, the two averaged
#    (the machine's speed drifts over minutes: both sides alike);
#  - "with the ACKs": what a gateway must really do per data packet it
#    forwards.  Each gateway also does ESP on the TCP ACKs going the
#    other way (gateway 1 decrypts them, gateway 2 encrypts them): per
#    1348 bytes of payload one 1400-byte packet's DES and HMAC plus R
#    times an ACK's, each timed by `openssl speed` at its own size (an
#    ACK of L IP bytes: 3DES over L + 2 rounded up to 8, HMAC-MD5 over
#    16 more), R and L being the medians measured in the iosh-iosh 3des
#    run (ACK frames out of the server's veth per data frame in; here
#    0.23-0.30 ACK of 52 bytes per data frame: the limit 1.1-1.3% lower).
# Every run also prints those frame counts and sizes, the TCP segment
# counters of the server, and each veth end's dropped frames.
#
# Same settings for every gateway: hosts' MTU 1400 (the tunnel's inner
# packets fit one 1500-byte WAN frame), veth TX checksum offload off on
# every veth (iosh reads frames as a router off a wire and checks TCP/UDP
# checksums; with it TSO is off too, for all four).  A benchmark, not a
# test: needs root, veth, iperf3, ethtool and strongSwan's charon with
# kernel-libipsec, says why and exits 0 without them.  Build iosh
# without sanitizers for it (IOSH=/path/to/iosh): ASan halves its rate.
# Namespaces are "$BENCH_NS_PREFIX" (default ipb<pid>-) + c/g1/g2/s.
# BENCH_ONLY="a b" runs a subset of the gateways, BENCH_XF=3des a subset
# of the transforms; BENCH_PERF=DIR records both gateways (perf, software
# clock, call graphs) during each configuration's first run;
# BENCH_HOST_NAPI=1|rt (an experiment, off by default: see host_napi).
set -u

iosh=${IOSH:-$(cd "$(dirname "$0")/.." && pwd)/iosh}
. "$(dirname "$0")/charon_lib.sh"
charon=/usr/lib/ipsec/charon
secs=${BENCH_SECONDS:-10}
runs=${BENCH_RUNS:-3}
only=${BENCH_ONLY:-}		# e.g. "a b": a subset of the gateways
xfs=${BENCH_XF:-aes 3des}	# e.g. "3des": a subset of the transforms
P=${BENCH_NS_PREFIX:-ipb$$-}
skip() { echo "iperf_interop: skipped: $*"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v iperf3 >/dev/null || skip "no iperf3"
command -v ethtool >/dev/null || skip "no ethtool"
command -v openssl >/dev/null || skip "no openssl"
charon_present || skip "no strongSwan with kernel-libipsec"
[ -x "$iosh" ] || skip "no iosh at $iosh"

T=$(mktemp -d)
NS="c g1 g2 s"
down() {
	exec 3>&- 4>&- 2>/dev/null
	for f in "$T"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
		rm -f "$f"; done
	sleep 0.5
	for n in $NS; do ip netns del "$P$n" 2>/dev/null; done
	rm -rf "$T"/g1 "$T"/g2 "$T"/nv1 "$T"/nv2
}
trap 'down; rm -rf "$T"' EXIT
fail() { echo "iperf_interop: $*" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# veth A in NSA <-> B in NSB, created inside the namespaces (no name in
# the root namespace, so parallel runs never collide).
veth() {
	ip link add "$1" netns "$P$2" type veth peer name "$3" netns "$P$4" ||
	    fail "veth $1"
	ip -n "$P$2" link set "$1" up
	ip -n "$P$4" link set "$3" up
	ip netns exec "$P$2" ethtool -K "$1" tx off >/dev/null 2>&1
	ip netns exec "$P$4" ethtool -K "$3" tx off >/dev/null 2>&1
}

# BENCH_HOST_NAPI=1|rt, an experiment (issue 22, t25d), never the
# default: the hosts' veth ends (c0, s0; never a gateway's own end,
# which iosh reads) receive in a NAPI kernel thread of their own (GRO
# on, so that the veth has NAPI, with a maximum size of 0, so that it
# merges nothing; threaded); "rt" runs those threads SCHED_FIFO and
# leaves NAPI scheduled 50 us after a poll.  Without it the hosts'
# receive (the server's TCP and its wake-up, the client's ACK processing
# and its next send) runs in the softirq of the gateway's send and is
# billed to the gateway (gateway 2: ~4.5% of its CPU, and ~4.5% more at
# the pre-emption that follows the server's wake-up), where a real
# gateway's frame leaves on a wire and that work is another machine's.
# Measured (3des, iosh-iosh): both move that work out of the gateways
# but change the stream they carry, so neither is kept: "1" waits for a
# CPU and the veth's 256-frame NAPI ring overflows (~3% of gateway 2's
# frames refused on its send, ~1,000 retransmits a run, a third as many
# ACKs); "rt" loses nothing but the server, reading batches, sends a
# quarter as many ACKs (0.06-0.09 per data frame against 0.25-0.36),
# so each gateway does less ESP per data frame.  (SCHED_FIFO without
# the 50 us pre-empted the gateway at every wake-up: worse than before.)
host_napi() {	# NS DEV
	ip netns exec "$P$1" ethtool -K "$2" gro on >/dev/null 2>&1 &&
	    ip -n "$P$1" link set "$2" gro_max_size 0 &&
	    ip netns exec "$P$1" sh -c "echo 1 >/sys/class/net/$2/threaded" ||
	    fail "threaded NAPI on $2"
}
# NAPI left scheduled for 50 us after a poll (the veth's sender wakes
# nothing meanwhile): at most one wake-up per 50 us.
host_defer() {	# NS DEV
	ip netns exec "$P$1" sh -c "cd /sys/class/net/$2 &&
	    echo 50000 >gro_flush_timeout && echo 1 >napi_defer_hard_irqs" ||
	    fail "NAPI deferral on $2"
}
napi_pids() { pgrep '^napi/' | sort; }

topology() {
	for n in $NS; do ip netns add "$P$n" || skip "no netns"
		ip -n "$P$n" link set lo up; done
	veth c0 c lan g1
	veth wan g1 wan g2
	veth lan g2 s0 s
	napi=""
	case ${BENCH_HOST_NAPI:-0} in
	1|rt)	local before p
		before=$(napi_pids)
		host_napi c c0
		host_napi s s0
		napi=$(comm -13 <(echo "$before") <(napi_pids))
		[ "$BENCH_HOST_NAPI" = rt ] && for p in $napi; do
			chrt -f -p 50 "$p" >/dev/null || fail "chrt $p"; done
		[ "$BENCH_HOST_NAPI" = rt ] && host_defer c c0 && host_defer s s0 ;;
	esac
	ip -n "${P}c" link set c0 mtu 1400
	ip -n "${P}s" link set s0 mtu 1400
	ip -n "${P}c" addr add 10.0.1.2/24 dev c0
	ip -n "${P}c" route add default via 10.0.1.1
	ip -n "${P}s" addr add 10.0.2.2/24 dev s0
	ip -n "${P}s" route add default via 10.0.2.1
}

# A kernel gateway (strongSwan's or plain forwarding): addresses, routes.
kernel_gw() {	# g1|g2
	local lan wan peer rnet
	if [ "$1" = g1 ]; then lan=10.0.1.1; wan=12.1.1.1; peer=12.1.1.2
		rnet=10.0.2.0/24
	else lan=10.0.2.1; wan=12.1.1.2; peer=12.1.1.1; rnet=10.0.1.0/24; fi
	ip -n "$P$1" addr add $lan/24 dev lan
	ip -n "$P$1" addr add $wan/24 dev wan
	ip netns exec "$P$1" sysctl -qw net.ipv4.ip_forward=1 \
	    net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
	# strongSwan routes the remote net to ipsec0 (table 220); plain
	# forwarding goes to the peer.
	[ "$2" = linux ] && ip -n "$P$1" route add $rnet via $peer
	[ "$2" = swan ] && charon_up "$1" $wan $peer
	return 0
}

# charon in namespace $P$1 with connection "gw" (IKE 3des-md5-modp1024,
# ESP $esp_swan), the pid file kept private (a mount namespace).
charon_up() {	# g1|g2 LOCAL REMOTE
	local d=$T/$1 lts rts
	if [ "$1" = g1 ]; then lts=10.0.1.0/24; rts=10.0.2.0/24
	else lts=10.0.2.0/24; rts=10.0.1.0/24; fi
	charon_conf "$d" "$2" "$3" $lts $rts 3des-md5-modp1024 "$esp_swan"
	charon_start "$P$1" "$d" "$T/charon-$1.pid" || fail "charon $1"
}

# iosh on pcap: wires (no addresses in its namespace: iosh is the host).
iosh_gw() {	# g1|g2 FD
	local lan wan peer lnet rnet
	if [ "$1" = g1 ]; then lan=10.0.1.1; wan=12.1.1.1; peer=12.1.1.2
		lnet=10.0.1.0; rnet=10.0.2.0
	else lan=10.0.2.1; wan=12.1.1.2; peer=12.1.1.1; lnet=10.0.2.0
		rnet=10.0.1.0; fi
	mkfifo "$T/in-$1"
	ip netns exec "$P$1" "$iosh" --nvram "$T/nv-$1" \
	    --attach FastEthernet0/0=pcap:wan --attach FastEthernet0/1=pcap:lan \
	    <"$T/in-$1" >"$T/iosh-$1.out" 2>&1 &
	echo $! >"$T/iosh-$1.pid"
	eval "exec $2>\"$T/in-$1\""
	printf '%s\n' enable "configure terminal" \
	    "crypto isakmp policy 10" " encryption 3des" " hash md5" \
	    " authentication pre-share" " group 2" \
	    "crypto isakmp key cisco address $peer" \
	    "crypto ipsec transform-set T $xf_iosh" \
	    "access-list 100 permit ip $lnet 0.0.0.255 $rnet 0.0.0.255" \
	    "crypto map M 10 ipsec-isakmp" " set peer $peer" \
	    " match address 100" " set transform-set T" \
	    "interface FastEthernet0/1" " ip address $lan 255.255.255.0" \
	    " no shutdown" "interface FastEthernet0/0" \
	    " ip address $wan 255.255.255.0" " no shutdown" " crypto map M" \
	    "ip route $rnet 255.255.255.0 $peer" "end" >&"$2"
}

gateway() {	# g1|g2 iosh|swan|linux
	case $2 in
	iosh) [ "$1" = g1 ] && iosh_gw g1 3 || iosh_gw g2 4 ;;
	*) kernel_gw "$1" "$2" ;;
	esac
}

cpu_ticks() {	# pid file -> utime+stime of the process and its threads
	local p
	p=$(cat "$1" 2>/dev/null) || { echo 0; return; }
	awk '{ print $14 + $15 }' /proc/"$p"/stat 2>/dev/null || echo 0
}

# The kernel's softirq threads' CPU ticks, and the machine's softirq
# ticks (/proc/stat; with tick accounting a tick in softirq is also
# charged to the process it interrupted, so this one is not added).
ksoftirqd_ticks() {
	local t=0 p
	for p in $(pgrep -x 'ksoftirqd/[0-9]*') $napi; do
		t=$(( t + $(awk '{ print $14 + $15 }' /proc/"$p"/stat) ))
	done
	echo "$t"
}
softirq_ticks() { awk '/^cpu / { print $8 }' /proc/stat; }

# The server's TCP segments in and out (its namespace's /proc/net/snmp)
# and its veth's frames and bytes each way: what the gateways carried
# each way, whatever the gateway kind.  (A veth with NAPI counts bytes
# without the Ethernet header: BENCH_HOST_NAPI's sizes are 14 B short.)
tcp_segs() {	# -> "InSegs OutSegs rx_bytes rx_frames tx_bytes tx_frames"
	ip netns exec "${P}s" awk '/^Tcp: [0-9]/ { i = $11; o = $12 }
	    END { printf "%d %d", i, o }' /proc/net/snmp
	ip netns exec "${P}s" sh -c 'cd /sys/class/net/s0/statistics &&
	    printf " %s %s %s %s\n" $(cat rx_bytes rx_packets tx_bytes tx_packets)'
}

# What the whole topology used during a run, against the cores there
# are: both gateways, both iperf3 ends (iperf3 -V reports its own and
# the server's CPU as % of the run) and the kernel's softirq threads.
# Near 100% of all cores, a second thread in a gateway cannot add
# throughput: there is no idle core for it (issue 22's worker thread).
topology_cpu() {	# GW1_TICKS GW2_TICKS KSOFTIRQD_TICKS SOFTIRQ_TICKS HZ
	awk -v a="$1" -v b="$2" -v k="$3" -v q="$4" -v h="$5" -v s="$secs" \
	    -v n="$(nproc)" '
	    /CPU Utilization/ { sub(/%.*/, "", $4); sub(/%.*/, "", $7)
		ic = $4 / 100 * s; is = $7 / 100 * s }
	    END { t = (a + b + k) / h + ic + is
		printf "iperf_interop:   topology CPU: gateways %.1f + %.1f s, iperf3 client %.1f + server %.1f s, ksoftirqd and host NAPI threads %.1f s = %.1f s of %d x %d s (%.0f%% of the machine); softirq (machine, inside those) %.1f s\n",
		    a / h, b / h, ic, is, k / h, t, n, s, 100 * t / (n * s), q / h }' "$T/iperf.out"
}

# One configuration: KIND1 KIND2 LABEL; sets $result (median Mbit/s).
measure() {
	local k1=$1 k2=$2 label=$3 i v l vals="" pcs="" c1 c2 hz pc retr k st
	local seg acks="" alens="" a ar al dl nd na si so
	hz=$(getconf CLK_TCK)
	topology
	gateway g1 "$k1"
	gateway g2 "$k2"
	ip netns exec "${P}s" iperf3 -s -D -B 10.0.2.2 \
	    --pidfile "$T/iperf-s.pid" >/dev/null 2>&1
	sleep 2
	[ "$k1" = swan ] && { STRONGSWAN_CONF=$T/g1/strongswan.conf timeout 20 \
	    swanctl --initiate --child gw >/dev/null 2>&1 ||
	    fail "$label: strongSwan did not connect"; }
	for i in $(seq 1 40); do
		ip netns exec "${P}c" ping -c 1 -W 1 10.0.2.2 >/dev/null 2>&1 &&
		    break
	done
	ip netns exec "${P}c" ping -c 1 -W 2 10.0.2.2 >/dev/null 2>&1 ||
	    fail "$label: no path client -> server: $(tail -5 "$T"/iosh-g1.out 2>/dev/null)"
	# The path's round trip unloaded (ping, 20 x 20 ms): a TCP stream's
	# rate is its window over this, whatever the CPU left.
	printf 'iperf_interop: %-28s ping rtt min/avg/max %s ms\n' "$label" \
	    "$(ip netns exec "${P}c" ping -q -c 20 -i 0.02 10.0.2.2 |
	    awk -F'[ /]' '/^rtt/ { print $7 "/" $8 "/" $9 }')"
	for i in $(seq 1 "$runs"); do
		l=$(load)
		c1=$(( $(cpu_ticks "$T/iosh-g1.pid") + $(cpu_ticks "$T/charon-g1.pid") ))
		c2=$(( $(cpu_ticks "$T/iosh-g2.pid") + $(cpu_ticks "$T/charon-g2.pid") ))
		# BENCH_PERF=DIR: a profile of each gateway during the first
		# run (software clock: this VM has no cycle counter).
		[ -n "${BENCH_PERF:-}" ] && [ "$i" = 1 ] && for g in g1 g2; do
			{ [ -f "$T/iosh-$g.pid" ] || [ -f "$T/charon-$g.pid" ]; } &&
			    perf record -q -e cpu-clock -g \
			    -o "$BENCH_PERF/${label// /_}-$g.data" \
			    -p "$(cat "$T"/*-$g.pid | head -1)" -- sleep "$secs" \
			    >/dev/null 2>&1 &
		done
		k=$(ksoftirqd_ticks); st=$(softirq_ticks); seg=$(tcp_segs)
		ip netns exec "${P}c" timeout $((secs + 20)) iperf3 -V \
		    -c 10.0.2.2 -t "$secs" -f m >"$T/iperf.out" 2>&1
		k=$(( $(ksoftirqd_ticks) - k )); st=$(( $(softirq_ticks) - st ))
		seg="$seg $(tcp_segs)"
		v=$(awk '/ receiver *$/ { print $(NF - 2) }' "$T/iperf.out")
		retr=$(awk '/ sender *$/ { print $(NF - 1) }' "$T/iperf.out")
		[ -n "$v" ] || v=0
		c1=$(( $(cpu_ticks "$T/iosh-g1.pid") + $(cpu_ticks "$T/charon-g1.pid") - c1 ))
		c2=$(( $(cpu_ticks "$T/iosh-g2.pid") + $(cpu_ticks "$T/charon-g2.pid") - c2 ))
		# Per core: the megabits through over the busier gateway's
		# CPU seconds (what one core would forward if it had nothing
		# else to do; the load of this shared machine leaves it less).
		pc=$(awk -v v="$v" -v s="$secs" -v a="$c1" -v b="$c2" -v h="$hz" \
		    'BEGIN { m = (a > b ? a : b) / h
			if (m > 0) printf "%.0f", v * s / m; else print "n/a" }')
		printf 'iperf_interop: %-28s run %d: %8.1f Mbit/s  %s retr  gateway CPU %.1f + %.1f s of %s s (%s Mbit/s per core)  load %s\n' \
		    "$label" "$i" "$v" "${retr:-?}" "$(awk -v c="$c1" -v h="$hz" 'BEGIN { print c / h }')" \
		    "$(awk -v c="$c2" -v h="$hz" 'BEGIN { print c / h }')" "$secs" "$pc" "$l"
		topology_cpu "$c1" "$c2" "$k" "$st" "$hz"
		# The frames the gateways carried back (the server's ACKs) per
		# frame carried forward (data), counted on the server's veth,
		# and both sizes (IP bytes: the frame average less 14); the
		# server's TCP segment counters beside them.
		a=$(echo $seg | awk '{ rf = $10 - $4; tf = $12 - $6
		    printf "%.4f %.1f %.1f %d %d %d %d", (rf ? tf / rf : 0),
			(tf ? ($11 - $5) / tf - 14 : 0),
			(rf ? ($9 - $3) / rf - 14 : 0), rf, tf,
			$7 - $1, $8 - $2 }')
		read -r ar al dl nd na si so <<<"$a"
		printf 'iperf_interop:   server veth: %d frames in (data, %.1f B IP on average), %d out (ACKs, %.1f B): %.4f ACK per data frame; TCP segments in %d, out %d\n' \
		    "$nd" "$dl" "$na" "$al" "$ar" "$si" "$so"
		acks="$acks $ar"; alens="$alens $al"
		vals="$vals $v"
		pcs="$pcs $pc"
	done
	# What an iosh gateway lost on its wires (pcap ring overruns, host
	# drops, giants) and its IPsec counters, from its own show commands.
	for g in g1 g2; do
		[ -f "$T/iosh-$g.pid" ] || continue
		fd=3; [ $g = g2 ] && fd=4
		printf '%s\n' "show interfaces" "show crypto ipsec sa" >&$fd
		sleep 1
		grep -E "^[A-Za-z].* is |input errors|packets (input|output)|giants|#(pkts|send|recv)" \
		    "$T/iosh-$g.out" | tail -16 | sed "s/^/iperf_interop:   $g: /"
	done
	# Frames the veths dropped (a NAPI ring full, say), per end.
	printf 'iperf_interop:   veth drops (tx/rx):'
	for e in c:c0 g1:lan g1:wan g2:wan g2:lan s:s0; do
		printf ' %s %s/%s' "$e" \
		    "$(ip netns exec "$P${e%%:*}" cat /sys/class/net/${e#*:}/statistics/tx_dropped)" \
		    "$(ip netns exec "$P${e%%:*}" cat /sys/class/net/${e#*:}/statistics/rx_dropped)"
	done
	echo
	result=$(printf '%s\n' $vals | sort -n | awk '{ a[NR] = $1 }
	    END { print a[int((NR + 1) / 2)] }')
	percore=$(printf '%s\n' $pcs | grep -v n/a | sort -n | awk '{ a[NR] = $1 }
	    END { if (NR) print a[int((NR + 1) / 2)]; else print "n/a" }')
	printf 'iperf_interop: %-28s median %8.1f Mbit/s, %s Mbit/s per gateway core\n' \
	    "$label" "$result" "$percore"
	ack_r=$(median $acks); ack_len=$(median $alens)
	down
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
	END { print NR ? a[int((NR + 1) / 2)] : 0 }'; }

want() { [ -z "$only" ] || case " $only " in *" $1 "*) return 0;; esac
	[ -z "$only" ]; }

# The OpenSSL limit of one core encrypting 1400-byte packets with
# 3des/md5, in TCP payload Mbit/s (1348 of 1400 bytes: IP, TCP with
# timestamps).
speed() {	# bytes args... -> bytes/s
	openssl speed -seconds 2 -bytes "$@" 2>/dev/null |
	    awk '/[0-9]k$/ { v = $NF; sub(/k$/, "", v); print v * 1000 }' |
	    tail -1
}
d3=$(speed 1408 -evp des-ede3-cbc)
m5=$(speed 1424 -hmac md5)
limit3=$(awk -v d="$d3" -v m="$m5" 'BEGIN {
	if (d == 0 || m == 0) { print 0; exit }
	t = 1408 / d + 1424 / m; printf "%.1f", 1348 * 8 / t / 1e6 }')
echo "iperf_interop: OpenSSL 3des+md5 limit, one core encrypting 1400 B: $limit3 Mbit/s TCP payload (load $(load))"

declare -A med core ack
for xf in $xfs; do
	if [ $xf = aes ]; then xf_iosh="esp-aes esp-sha-hmac"
		esp_swan=aes128-sha1
	else xf_iosh="esp-3des esp-md5-hmac"; esp_swan=3des-md5; fi
	want a && { measure iosh iosh "iosh-iosh $xf"; med[a$xf]=$result
		core[a$xf]=$percore; ack[a$xf]="$ack_r $ack_len"; }
	want b && { measure swan swan "strongSwan-strongSwan $xf"
		med[b$xf]=$result; core[b$xf]=$percore; }
	want c && { measure iosh swan "iosh-strongSwan $xf"; med[c$xf]=$result
		core[c$xf]=$percore; }
done
want d && { measure linux linux "Linux forwarding"; med[d]=$result; }

ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN {
	if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
for xf in aes 3des; do
	echo "iperf_interop: $xf: iosh-iosh / strongSwan-strongSwan $(ratio "${med[a$xf]:-}" "${med[b$xf]:-}")," \
	    "iosh-strongSwan / strongSwan-strongSwan $(ratio "${med[c$xf]:-}" "${med[b$xf]:-}")," \
	    "iosh-iosh / Linux $(ratio "${med[a$xf]:-}" "${med[d]:-}")"
	echo "iperf_interop: $xf per gateway core: iosh-iosh / strongSwan-strongSwan $(ratio "${core[a$xf]:-}" "${core[b$xf]:-}")"
done

# The data packets' speeds again after the runs, averaged with the first
# (the runs lie between the two).
if [ "$limit3" != 0 ] && case " $xfs " in *" 3des "*) true;; *) false;; esac; then
	d3b=$(speed 1408 -evp des-ede3-cbc)
	m5b=$(speed 1424 -hmac md5)
	d3=$(awk -v a="$d3" -v b="$d3b" 'BEGIN { print b ? (a + b) / 2 : a }')
	m5=$(awk -v a="$m5" -v b="$m5b" 'BEGIN { print b ? (a + b) / 2 : a }')
	limit3=$(awk -v d="$d3" -v m="$m5" 'BEGIN {
		t = 1408 / d + 1424 / m; printf "%.1f", 1348 * 8 / t / 1e6 }')
	echo "iperf_interop: OpenSSL 3des+md5 limit, one core encrypting 1400 B, before and after the runs: $limit3 Mbit/s TCP payload (load $(load))"
fi

# The limit with the ACKs: per data packet forwarded each gateway also
# does ESP on the ACKs going the other way (gateway 1 decrypts them,
# gateway 2 encrypts them), so the crypto it must do per 1348 bytes of
# payload is one 1400-byte packet's plus (ACKs per data frame) times an
# ACK's, each at its own size in `openssl speed` (an ACK's ESP payload:
# its IP bytes + 2 of trailer rounded up to 8, HMAC over 16 more).  The
# ratio and the ACK size are those of the iosh-iosh 3des run.
limit3a=n/a
if [ -n "${ack[a3des]:-}" ] && [ "$limit3" != 0 ]; then
	read -r ar al <<<"${ack[a3des]}"
	ac=$(awk -v l="$al" 'BEGIN { printf "%d", int((l + 2 + 7) / 8) * 8 }')
	d3a=$(speed "$ac" -evp des-ede3-cbc)
	m5a=$(speed $((ac + 16)) -hmac md5)
	limit3a=$(awk -v d="$d3" -v m="$m5" -v da="$d3a" -v ma="$m5a" \
	    -v r="$ar" -v c="$ac" 'BEGIN {
		if (!da || !ma) { print "n/a"; exit }
		t = 1408 / d + 1424 / m + r * (c / da + (c + 16) / ma)
		printf "%.1f", 1348 * 8 / t / 1e6 }')
	echo "iperf_interop: OpenSSL 3des+md5 limit with the ACKs, one core: 1400 B packets + $ar ACK per packet (${al} B IP: $ac B 3DES, $((ac + 16)) B HMAC-MD5): $limit3a Mbit/s TCP payload (load $(load))"
fi
echo "iperf_interop: 3des: iosh-iosh / OpenSSL limit (data packets only) $(ratio "${med[a3des]:-}" "$limit3"), per gateway core $(ratio "${core[a3des]:-}" "$limit3"); / OpenSSL limit with the ACKs $(ratio "${med[a3des]:-}" "$limit3a"), per gateway core $(ratio "${core[a3des]:-}" "$limit3a") (target >= 0.9); aes: iosh / strongSwan target >= 3.0"
