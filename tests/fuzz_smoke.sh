#!/bin/sh
# A short libFuzzer run of each fuzz target under ASan+UBSan: proves the
# targets build and survive their corpus plus some mutations.  The long
# campaign is `fuzz/run.sh TARGET SECONDS` (see README).
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
if ! command -v clang >/dev/null 2>&1; then
	echo "clang not installed: skipped"
	exit 77
fi
FUZZ_OUT=$(cd "$top_builddir" && pwd)/fuzz-out
export FUZZ_OUT
for target in cmdline config isakmp ike dhcp; do
	log="$FUZZ_OUT.$target.log"
	"$top_srcdir/fuzz/run.sh" "$target" "${FUZZ_SMOKE_SECONDS:-20}" \
	    >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
	echo "$target: $(tail -1 "$log")"
done
