#!/bin/bash
# bench/ike_setup_interop.sh — sequential IKE setups per second over a real
# wire, iosh <-> iosh beside strongSwan <-> strongSwan, in the same run:
#
#   namespace ${P}a: veth ia  <== one veth ==>  namespace ${P}b: veth ib
#   12.1.1.1, behind it 1.1.1.1                12.1.1.2, behind it 2.2.2.2
#
# Both pairs: IKEv1 Main Mode + Quick Mode, pre-shared key, IKE 3des/sha/
# modp1024 (group 2), ESP 3des-sha1 (iosh: esp-3des esp-sha-hmac), tunnel
# 1.1.1.1/32 <-> 2.2.2.2/32, no PFS.  One setup = bring the tunnel up and
# take it down again; BENCH_SETUPS (default 100) setups one after another
# per round, BENCH_ROUNDS (3) rounds, medians.  BENCH_IKE_CIPHER=aes gives
# both pairs IKE aes-128 (strongSwan aes128-sha1-modp1024, iosh's policy
# `encryption aes`: IKE_BENCH_CIPHER) instead of 3des; ESP stays 3des-sha1.
#
#   (a) strongSwan: two charons (5.9.8, kernel-libipsec: its user-space ESP,
#       the only one without kernel ESP here; it floats to UDP 4500 as the
#       interop notes say), the veth's ends addressed in their namespaces.
#       bench/vici_setups.py drives charon in ${P}a over one vici
#       connection: `initiate` (answered once the CHILD_SA is up) then
#       `terminate` (answered once the IKE_SA is gone), N times.  Debian
#       ships no load-tester plugin.
#   (b) iosh: bench/ike_bench with IKE_BENCH_WIRE=veth:..., each router in
#       its own namespace, FastEthernet0/0 a pcap: wire on the veth (the
#       namespaces hold no address then: iosh is the host).  One setup =
#       `clear crypto sa` + `clear crypto isakmp`, an echo into the crypto
#       map, wait for R1's outbound SA.  The program drives R1's engine
#       through its CLI in-process and polls the routers' event loops, so
#       what is timed is the IKE engine and the wire, not a console's
#       prompt-and-echo or a script's sleeps.  Two ways, both printed:
#       "one process" — both routers in one process, each wire opened in
#       its namespace, polled in turn (the engine and the wire, and no
#       wake-up of another process per message); "two processes"
#       (IKE_BENCH_PROCS=2) — R2 a process of its own that sleeps in poll,
#       as two daemons do, so each of the nine messages also waits for the
#       scheduler to run the other side (on a loaded machine, the most of
#       a setup's wall time).
#
# The rounds are interleaved (strongSwan, iosh in one process, iosh in
# two: the charons started and stopped for each round) so that the three
# of a round meet the same machine.  Printed: each round's setups/s
# (wall) and the CPU seconds of both ends (both charons; both iosh
# processes), its ratios, the medians, and the medians of the rounds'
# ratios iosh / strongSwan per wall second (issue 22's target: >= 10)
# and per CPU second.  A benchmark: needs root, ip netns, python3, strongSwan's charon
# with kernel-libipsec and iosh's bench/ike_bench (IKE_BENCH=path; build
# it without sanitizers: `make bench/ike_bench` in a -O2 build) and
# exits 0 saying why when one is missing.
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/charon_lib.sh"
bench=${IKE_BENCH:-$here/ike_bench}
charon=/usr/lib/ipsec/charon
n=${BENCH_SETUPS:-100}
rounds=${BENCH_ROUNDS:-3}
P=${BENCH_NS_PREFIX:-t22d-}
skip() { echo "ike_setup_interop: skipped: $*"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "not root"
command -v ip >/dev/null || skip "no ip (iproute2)"
command -v python3 >/dev/null || skip "no python3"
charon_present || skip "no strongSwan charon with kernel-libipsec"
[ -x "$bench" ] || skip "no $bench (make bench/ike_bench)"

T=$(mktemp -d)
down() {
	for f in "$T"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
		rm -f "$f"; done
	sleep 0.3
	ip netns del "${P}a" 2>/dev/null
	ip netns del "${P}b" 2>/dev/null
	rm -rf "$T"
}
trap down EXIT
trap 'exit 1' HUP INT TERM
fail() { echo "ike_setup_interop: $*" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
med() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
	END { print a[int((NR + 1) / 2)] }'; }
ticks() {	# pid -> utime + stime in clock ticks
	awk '{ print $14 + $15 }' /proc/"$1"/stat 2>/dev/null || echo 0; }
hz=$(getconf CLK_TCK)

case "${BENCH_IKE_CIPHER:-3des}" in
3des)	ike_alg=3des ;;
aes)	ike_alg=aes128 ;;
*)	fail "BENCH_IKE_CIPHER: aes or 3des" ;;
esac
IKE_BENCH_CIPHER=${BENCH_IKE_CIPHER:-3des}
export IKE_BENCH_CIPHER
echo "ike_setup_interop: IKE $ike_alg/sha1/modp1024, ESP 3des-sha1, both pairs"

ip netns add "${P}a" || skip "no network namespaces"
ip netns add "${P}b" || fail "netns ${P}b"
ip link add ia netns "${P}a" type veth peer name ib netns "${P}b" ||
    skip "no veth"
for s in a b; do
	ip -n "$P$s" link set lo up
	ip -n "$P$s" link set "i$s" up
done

# --- (a) strongSwan <-> strongSwan -------------------------------------
charon_up() {	# a|b LOCAL REMOTE LOCAL_TS REMOTE_TS
	local d=$T/$1
	ip -n "$P$1" addr add "$2/24" dev "i$1"
	ip -n "$P$1" addr add "$4/32" dev lo
	charon_conf "$d" "$2" "$3" "$4/32" "$5/32" "$ike_alg-sha1-modp1024" \
	    3des-sha1
	charon_start "$P$1" "$d" "$T/charon-$1.pid" || fail "charon in $P$1"
}

# The veth's ends addressed for the charons; without addresses for iosh,
# which is the host on them (pcap:), and whose IKE the namespaces'
# kernels must not answer.
charons_down() {
	kill "$ca" "$cb" 2>/dev/null
	for c in "$ca" "$cb"; do
		for _ in $(seq 1 50); do kill -0 "$c" 2>/dev/null || break
			sleep 0.1; done
	done
	# charon_start waits for the socket: a stale one would answer.
	rm -f "$T/charon-a.pid" "$T/charon-b.pid" "$T/a/charon.vici" \
	    "$T/b/charon.vici"
	for s in a b; do
		ip -n "$P$s" addr flush dev "i$s"
		ip -n "$P$s" addr flush dev lo
		ip -n "$P$s" addr add 127.0.0.1/8 dev lo
	done
}

# One strongSwan round: both charons started, a first tunnel (not
# timed), N setups timed, the charons stopped.  Sets rate, cpu.
sw_round() {	# ROUND
	local l t0 t1 out w
	charon_up a 12.1.1.1 12.1.1.2 1.1.1.1 2.2.2.2
	charon_up b 12.1.1.2 12.1.1.1 2.2.2.2 1.1.1.1
	ca=$(cat "$T/charon-a.pid"); cb=$(cat "$T/charon-b.pid")
	timeout 30 python3 "$here/vici_setups.py" "$T/a/charon.vici" gw gw 1 \
	    >/dev/null || fail "strongSwan: no tunnel: $(tail -3 "$T"/a/charon.out)"
	l=$(load)
	t0=$(( $(ticks "$ca") + $(ticks "$cb") ))
	out=$(timeout $((n + 60)) python3 "$here/vici_setups.py" \
	    "$T/a/charon.vici" gw gw "$n") || fail "strongSwan round $1: $out"
	t1=$(( $(ticks "$ca") + $(ticks "$cb") ))
	w=$(echo "$out" | awk '{ print $4 }')
	rate=$(awk -v n="$n" -v w="$w" 'BEGIN { printf "%.1f", n / w }')
	cpu=$(awk -v n="$n" -v t=$((t1 - t0)) -v h="$hz" \
	    'BEGIN { if (t > 0) printf "%.1f", n * h / t; else print 0 }')
	printf 'ike_setup_interop: strongSwan-strongSwan round %d: %d setups in %.2f s: %8.1f setups/s wall, %8.1f per CPU second of both charons (%.2f s)  load %s\n' \
	    "$1" "$n" "$w" "$rate" "$cpu" "$(awk -v t=$((t1 - t0)) -v h="$hz" 'BEGIN { print t / h }')" "$l"
	charons_down
}

# One iosh round (PROCS 1 or 2).  Sets rate, cpu.
io_round() {	# PROCS LABEL ROUND
	local l out
	l=$(load)
	out=$(IKE_BENCH_WIRE="veth:${P}a:ia:${P}b:ib" IKE_BENCH_PROCS=$1 \
	    IKE_BENCH_SETUPS=$n IKE_BENCH_ROUNDS=1 \
	    timeout $((n + 60)) "$bench" 2 2>&1) ||
	    fail "iosh round $3: $out"
	rate=$(echo "$out" | awk '/group 2 / { print ($NF == "setups/s") ? $(NF - 1) : "" }')
	cpu=$(echo "$out" | awk '/group 2 / { print $3 }')
	[ -n "$rate" ] || fail "iosh round $3: $out"
	printf 'ike_setup_interop: iosh-iosh (%s) round %d: %d setups: %8.1f setups/s wall, %8.1f per CPU second of both routers  load %s\n' \
	    "$2" "$3" "$n" "$rate" "$cpu" "$l"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
	if (a > 0 && b > 0) printf "%.1f", a / b; else print "n/a" }'; }

# The rounds interleaved — strongSwan, iosh in one process, iosh in two —
# so that each round's three meet the same machine (whose speed, shared
# and virtual, moves by tens of percent within a minute); each round's
# own ratios are printed, and the medians of those are the result.
sw_rate="" sw_cpu="" io1_rate="" io1_cpu="" io2_rate="" io2_cpu=""
r1w="" r1c="" r2w="" r2c=""
for r in $(seq 1 "$rounds"); do
	sw_round "$r"; swr=$rate swc=$cpu
	io_round 1 "one process" "$r"; i1r=$rate i1c=$cpu
	io_round 2 "two processes" "$r"; i2r=$rate i2c=$cpu
	sw_rate="$sw_rate $swr" sw_cpu="$sw_cpu $swc"
	io1_rate="$io1_rate $i1r" io1_cpu="$io1_cpu $i1c"
	io2_rate="$io2_rate $i2r" io2_cpu="$io2_cpu $i2c"
	r1w="$r1w $(ratio "$i1r" "$swr")" r1c="$r1c $(ratio "$i1c" "$swc")"
	r2w="$r2w $(ratio "$i2r" "$swr")" r2c="$r2c $(ratio "$i2c" "$swc")"
	echo "ike_setup_interop: round $r: iosh / strongSwan per wall second $(ratio "$i1r" "$swr") one process, $(ratio "$i2r" "$swr") two processes"
done
msw=$(med $sw_rate) mswc=$(med $sw_cpu)
mio1=$(med $io1_rate) mioc1=$(med $io1_cpu)
mio2=$(med $io2_rate) mioc2=$(med $io2_cpu)
echo "ike_setup_interop: medians of $rounds rounds of $n: strongSwan $msw setups/s wall ($mswc per CPU s); iosh one process $mio1 wall ($mioc1 per CPU s), two processes $mio2 wall ($mioc2 per CPU s)"
echo "ike_setup_interop: iosh / strongSwan per wall second (median of the rounds' ratios): $(med $r1w) one process, $(med $r2w) two processes (target >= 10)"
echo "ike_setup_interop: iosh / strongSwan per CPU second (median of the rounds' ratios): $(med $r1c) one process, $(med $r2c) two processes"
