#!/bin/sh
# The configuration families of issue 20, one file each in
# tests/data/families/ (subinterfaces, TenGigabitEthernet and Vlan, a
# PPPoE dialer, a DVTI Virtual-Template, Multilink, the
# Embedded-Service-Engine, bridging with a BVI, a DMVPN hub and spoke,
# crypto pki server, IPv6 Null0 routes, control-plane/voice-card/banner
# lines): each file, pasted into a fresh iosh, is accepted whole (no %
# line), its every line comes back in show running-config in the file's
# order and form, and that rendering loads into another fresh iosh whole
# and renders the same again.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
d=$srcdir/tests/data/families
IOSH=$(cd "$builddir" && pwd -P)/iosh
export IOSH
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
# A file's load: its show running-config in $tmp/run, the whole
# transcript in $tmp/out.
load() {
	# (A rendering's header lines and its `end` are not configuration.)
	{ printf 'enable\nconfigure terminal\n'; grep -v -e '^Building ' \
	    -e '^Current configuration' -e '^end$' "$1"
	  printf 'end\nshow running-config\n'; } |
	    "$IOSH" --clock 0 --nvram "$tmp/nv" >"$tmp/out" 2>&1
	rm -rf "$tmp/nv"
	sed -n '/^Building configuration/,$p' "$tmp/out" | sed '$d' >"$tmp/run"
}
for f in "$d"/*.cfg; do
	name=$(basename "$f")
	load "$f"
	# Accepted whole: no % answer to any line.
	if grep -q '^%' "$tmp/out"; then
		echo "FAIL: $name: refused:"; grep -B2 '^%' "$tmp/out"; fail=1
	fi
	# Every configuration line of the file, in its order, in the
	# rendering (other lines, IOS's defaults, may come between).
	grep -v -e '^!' "$f" | awk -v run="$tmp/run" '
	    { want[n++] = $0 }
	    END {
		i = 0
		while (i < n && (getline l < run) > 0)
			if (l == want[i])
				i++
		if (i < n) {
			print "missing or out of order: " want[i]
			exit 1
		}
	    }' || { echo "FAIL: $name"; cat "$tmp/run"; fail=1; }
	# Round trip: the rendering loads whole and renders the same.
	mv "$tmp/run" "$tmp/run1"
	load "$tmp/run1"
	if grep -q '^%' "$tmp/out" || ! cmp -s "$tmp/run1" "$tmp/run"; then
		echo "FAIL: $name: round trip"; diff "$tmp/run1" "$tmp/run"
		grep -B2 '^%' "$tmp/out"; fail=1
	fi
done
exit $fail
