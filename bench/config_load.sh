#!/bin/sh
# bench/config_load.sh [LINES] [ROUNDS] — how fast iosh loads a large
# configuration, by the two paths a user loads one by.
#
# Generates a configuration of LINES lines (default 100000): ISAKMP
# policies and keys, transform-sets, a crypto map with thousands of
# entries, named ACLs, loopbacks and static routes, and as many comment
# lines ("!").  Each round loads both, back to back, by each path:
#   paste   — piped into the console (prompt and echo per line, as a
#             paste into a terminal or a transcript);
#   startup — as nvram:startup-config, read at start (`--nvram DIR`,
#             stdin empty).
# The comment lines cost only the path's reading (and the console's echo),
# so config / comments is what the configuration model (matching,
# handlers, object lookups) costs per line over the bare path.  Times are
# the iosh process's CPU time (user + system), which
# another job on a loaded machine does not inflate; the wall times are
# printed beside them.  Each figure is REPEAT loads (default 20) divided
# by REPEAT, each load timed by bash's `time` (the child's rusage, to
# the millisecond); the five kinds of load take turns one load at a
# time, so a minute of a slower machine (another job's burst, the
# host's steal: the same binary's figures drifted by a fifth between
# runs seconds apart) meets them alike.  ROUNDS rounds (default 5),
# medians.  Fails if any line was rejected.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
iosh=${IOSH:-$top/iosh}
lines=${1:-100000}
rounds=${2:-5}
repeat=${REPEAT:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -v total="$lines" 'BEGIN {
	n = 0
	print "enable"; print "configure terminal"; n += 2
	for (i = 1; i <= 400; i++) {
		print "crypto isakmp policy " i
		print " encr aes 256"; print " hash sha"
		print " authentication pre-share"; print " group 14"
		n += 5
	}
	for (i = 1; i <= 2000; i++) {
		printf "crypto isakmp key key%d address 10.%d.%d.1\n", i, int(i / 250), i % 250
		n++
	}
	for (i = 1; i <= 200; i++) {
		printf "crypto ipsec transform-set TS%d esp-aes 256 esp-sha-hmac\n", i
		print " mode tunnel"
		n += 2
	}
	for (i = 1; i <= 2000; i++) {
		printf "ip access-list extended ACL%d\n", i
		for (j = 1; j <= 20; j++)
			printf " permit ip 192.168.%d.0 0.0.0.255 10.%d.%d.0 0.0.0.255\n", j, int(i / 250), i % 250
		n += 21
	}
	for (i = 1; i <= 2000; i++) {
		printf "crypto map VPN %d ipsec-isakmp\n", i
		printf " set peer 10.%d.%d.1\n", int(i / 250), i % 250
		printf " set transform-set TS%d\n", (i % 200) + 1
		printf " match address ACL%d\n", i
		n += 4
	}
	for (i = 1; i <= 2000; i++) {
		printf "interface Loopback%d\n", i
		printf " description bench loopback %d\n", i
		printf " ip address 172.%d.%d.1 255.255.255.255\n", 16 + int(i / 250), i % 250
		n += 3
	}
	for (i = 0; n < total - 1; i++) {
		printf "ip route 100.%d.%d.0 255.255.255.0 172.16.0.%d\n", int(i / 250) % 250, i % 250, (i % 250) + 1
		n++
	}
	print "end"
}' >"$tmp/config"
awk '{ print "!" }' "$tmp/config" >"$tmp/comments"
n=$(wc -l <"$tmp/config")
# The startup-config holds what `configure terminal` would take.
grep -v -e '^enable$' -e '^configure terminal$' "$tmp/config" >"$tmp/startup"
awk '{ print "!" }' "$tmp/startup" >"$tmp/startup_comments"
ns=$(wc -l <"$tmp/startup")

# round: REPEAT turns of the five kinds of load, one iosh process each
# (a load leaves the nvram directory as it was), each timed; "cpu wall"
# of one load of each kind appended to $tmp/KIND.
#   paste_cfg, paste_cmt: the configuration or its comments on stdin;
#   start_cfg, start_cmt: as startup-config, stdin empty;
#   empty: no lines at all.
round() {
	rm -rf "$tmp/nv0" "$tmp/nvc" "$tmp/nvm"
	mkdir "$tmp/nv0" "$tmp/nvc" "$tmp/nvm"
	cp "$tmp/startup" "$tmp/nvc/startup-config"
	cp "$tmp/startup_comments" "$tmp/nvm/startup-config"
	rm -f "$tmp"/t.*
	bash -c 'TIMEFORMAT="%3U %3S %3R"
	    iosh=$1 tmp=$2 i=0
	    while [ "$i" -lt "$3" ]; do
		for k in paste_cfg paste_cmt start_cfg start_cmt empty; do
			case $k in
			paste_cfg) nv=nv0 in=$tmp/config ;;
			paste_cmt) nv=nv0 in=$tmp/comments ;;
			start_cfg) nv=nvc in=/dev/null ;;
			start_cmt) nv=nvm in=/dev/null ;;
			empty) nv=nv0 in=/dev/null ;;
			esac
			{ time "$iosh" --nvram "$tmp/$nv" <"$in" \
			    >"$tmp/out.$k" 2>&1; } 2>>"$tmp/t.$k"
		done
		i=$((i + 1))
	    done' sh "$iosh" "$tmp" "$repeat"
	for k in paste_cfg paste_cmt start_cfg start_cmt empty; do
		awk -v k="$repeat" '{ c += $1 + $2; w += $3 }
		    END { printf "%.5f %.5f\n", c / k, w / k }' \
		    "$tmp/t.$k" >>"$tmp/$k"
	done
}
echo "config_load: $n lines, $rounds rounds of $repeat loads, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
	round
done
if grep '^% ' "$tmp/out.paste_cfg" | grep -v '^% NOTE: This new crypto map' |
    head -5 | grep .; then
	echo "config_load: lines were rejected (above)" >&2
	exit 1
fi
# At start only what a line answered is reported (the crypto map's NOTE).
if grep -v -e 'NOTE: This new crypto map' -e '^[A-Za-z0-9().-]*#' \
    "$tmp/out.start_cfg" | grep '^%' | head -5 | grep .; then
	echo "config_load: startup-config lines were rejected (above)" >&2
	exit 1
fi

# med FILE COLUMN: the median of a column.
med() {
	sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
	    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'
}
for path in paste start; do
	cc=$(med "$tmp/${path}_cfg" 1); cw=$(med "$tmp/${path}_cfg" 2)
	mc=$(med "$tmp/${path}_cmt" 1); mw=$(med "$tmp/${path}_cmt" 2)
	ratios=$(paste -d' ' "$tmp/${path}_cfg" "$tmp/${path}_cmt" |
	    awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 / $3 }')
	awk -v p="$path" -v n="$n" -v cc="$cc" -v cw="$cw" -v mc="$mc" \
	    -v mw="$mw" -v rs="$ratios" -v e="$(med "$tmp/empty" 1)" 'BEGIN {
		printf "config_load: %-7s configuration %.1f ms CPU (%.1f ms wall, %.0f lines/CPU s); comments %.1f ms CPU (%.1f ms wall)\n", p, cc * 1000, cw * 1000, n / cc, mc * 1000, mw * 1000
		printf "config_load: %-7s a configuration line costs %.2fx a comment line (CPU, medians; rounds: %s)\n", p, cc / mc, rs
		# Both include starting iosh (router_init, dynamic linking):
		# what the lines alone cost, beside it.
		printf "config_load: %-7s of which starting iosh with no lines: %.1f ms CPU\n", p, e * 1000
	}'
done
echo "config_load: load $(cut -d' ' -f1-3 /proc/loadavg)"
