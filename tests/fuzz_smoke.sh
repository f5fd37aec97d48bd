#!/bin/sh
# A short libFuzzer run of each fuzz target under ASan+UBSan: proves the
# targets build, survive their corpus plus some mutations, and reach the
# code they name: with FUZZ_REACH set, a target exits 1 at the end of
# its run when one of its reach counters (fuzz/reach.h: an engine
# statistic or what the router answered) is still zero.  The long
# campaign is `fuzz/run.sh TARGET SECONDS` (see README).
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/skip.sh"
have clang || skip "clang not installed"
FUZZ_OUT=$(cd "$top_builddir" && pwd)/fuzz-out
FUZZ_REACH=1
export FUZZ_OUT FUZZ_REACH
for target in cmdline config isakmp ike ikex dhcp esp net telnet; do
	log="$FUZZ_OUT.$target.log"
	"$top_srcdir/fuzz/run.sh" "$target" "${FUZZ_SMOKE_SECONDS:-4}" \
	    >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
	echo "$target: $(grep '^Done' "$log")"
	grep "^fuzz_$target: " "$log" || true
done
