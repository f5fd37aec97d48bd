#!/bin/sh
# The configuration families of issue 20, one file each in
# tests/data/families/ (subinterfaces, TenGigabitEthernet and Vlan, a
# PPPoE dialer, a DVTI Virtual-Template, Multilink, the
# Embedded-Service-Engine, bridging with a BVI, a DMVPN hub and spoke,
# crypto pki server, IPv6 Null0 routes, control-plane/voice-card/banner
# lines): each file, pasted into a fresh iosh, is accepted whole (no %
# line), its every line comes back in show running-config in the file's
# order and form, and that rendering loads into another fresh iosh and
# renders the same again (bench/config_corpus.sh --roundtrip --min 100).
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
d=$srcdir/tests/data/families
IOSH=$(cd "$builddir" && pwd -P)/iosh
export IOSH
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
for f in "$d"/*.cfg; do
	{ printf 'enable\nconfigure terminal\n'; cat "$f"
	  printf 'end\nshow running-config\n'; } |
	    "$IOSH" --clock 0 --nvram "$tmp/nv" >"$tmp/out" 2>&1
	rm -rf "$tmp/nv"
	sed -n '/^Current configuration/,$p' "$tmp/out" >"$tmp/run"
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
	    }' || { echo "FAIL: $(basename "$f")"; cat "$tmp/run"; fail=1; }
done
sh "$srcdir/bench/config_corpus.sh" --roundtrip --min 100 "$d" >"$tmp/bench" ||
    { cat "$tmp/bench"; fail=1; }
tail -1 "$tmp/bench" | grep -q . && grep '^TOTAL' "$tmp/bench"
exit $fail
