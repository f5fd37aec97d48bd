#!/bin/sh
# bench/config_load.sh [LINES] — how fast iosh loads a large configuration.
#
# Generates a configuration of LINES lines (default 100000): ISAKMP
# policies and keys, transform-sets, a crypto map with thousands of
# entries, named ACLs, loopbacks and static routes.  Pipes it into iosh
# and, in the same run, the same number of comment lines ("!"), which
# cost only the console's reading and echo.  Prints both rates and their
# ratio, so the figure does not depend on the machine: the ratio is what
# the configuration model (matching, handlers, object lookups) costs per
# line over the bare console.  Fails if any line was rejected.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
iosh=${IOSH:-$top/iosh}
lines=${1:-100000}
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

now() { date +%s.%N; }
t0=$(now)
"$iosh" --nvram "$tmp/nv1" <"$tmp/config" >"$tmp/out" 2>&1
t1=$(now)
"$iosh" --nvram "$tmp/nv2" <"$tmp/comments" >/dev/null 2>&1
t2=$(now)

if grep '^% ' "$tmp/out" | grep -v '^% NOTE: This new crypto map' | head -5 | grep .; then
	echo "config_load: lines were rejected (above)" >&2
	exit 1
fi
awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
	cfg = b - a; cmt = c - b
	printf "config_load: %d lines of configuration in %.2f s: %.0f lines/s\n", n, cfg, n / cfg
	printf "config_load: %d comment lines in %.2f s: %.0f lines/s\n", n, cmt, n / cmt
	printf "config_load: a configuration line costs %.1fx a comment line\n", cfg / cmt
}'
