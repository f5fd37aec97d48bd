#!/bin/sh
# The nine seed configurations (golden/seeds/*.in) load without a single
# error line, and `show running-config` round-trips: the rendered text,
# loaded into a fresh router, renders identically.  (Their exact output is
# checked by transcripts.sh against golden/seeds/*.out.)
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# The body of the last `show running-config` in a transcript: from the
# "!" after "Current configuration" through "end".
runcfg() {
	awk '/^Current configuration : [0-9]+ bytes$/ { body = ""; on = 1; next }
	     on { body = body $0 "\n" }
	     on && /^end$/ { on = 0; last = body }
	     END { printf "%s", last }' "$1"
}

n=0
failed=0
for in in "$srcdir"/golden/seeds/*.in; do
	name=$(basename "$in" .in)
	n=$((n + 1))
	"$iosh" --clock 1700000000 --nvram "$tmp/nv1.$name" <"$in" \
	    >"$tmp/$name.out1" 2>&1
	# IOS errors start with "% "; the crypto map notice is not one.
	if grep -n '^% ' "$tmp/$name.out1" | grep -v '% NOTE: This new crypto map'; then
		echo "FAIL: $name: error lines above"
		failed=$((failed + 1))
		continue
	fi
	runcfg "$tmp/$name.out1" >"$tmp/$name.cfg1"
	if ! [ -s "$tmp/$name.cfg1" ]; then
		echo "FAIL: $name: no show running-config output"
		failed=$((failed + 1))
		continue
	fi
	{ echo enable; echo configure terminal; cat "$tmp/$name.cfg1";
	  echo show running-config; } >"$tmp/$name.in2"
	"$iosh" --clock 1700000000 --nvram "$tmp/nv2.$name" <"$tmp/$name.in2" \
	    >"$tmp/$name.out2" 2>&1
	runcfg "$tmp/$name.out2" >"$tmp/$name.cfg2"
	if grep -n '^% ' "$tmp/$name.out2" | grep -v '% NOTE: This new crypto map'; then
		echo "FAIL: $name: the rendered configuration does not load"
		failed=$((failed + 1))
	elif ! diff -u "$tmp/$name.cfg1" "$tmp/$name.cfg2"; then
		echo "FAIL: $name: show running-config does not round-trip"
		failed=$((failed + 1))
	else
		echo "ok: $name"
	fi
done
echo "$((n - failed))/$n seed configurations load and round-trip"
[ "$n" -eq 9 ] && [ "$failed" -eq 0 ]
