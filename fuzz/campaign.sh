#!/bin/sh
# fuzz/campaign.sh [SECONDS] [TARGET...] — run each fuzz target (all by
# default) for SECONDS (default 3600) under ASan+UBSan with its reach
# counters asserted, one after the other (the machine is shared: one
# target at a time), and print a line of figures per target: runs,
# coverage (libFuzzer's cov/ft at the end), corpus size, the reach counts,
# findings (crash/leak/timeout files in $FUZZ_OUT/TARGET/).  Record the
# figures in docs/ when a campaign is done.  The 10^7-runs-per-target
# campaign of issue 19 is `FUZZ_RUNS=10000000 nice -n 10 fuzz/campaign.sh
# SECONDS` (each target stops at 10^7 inputs or after SECONDS, whichever
# comes first; FUZZ_JOBS=1 builds with one compiler).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-3600}
[ $# -gt 0 ] && shift
targets=${*:-isakmp dhcp net esp ike cmdline ikex telnet config}
FUZZ_OUT=${FUZZ_OUT:-$top/fuzz/out}
FUZZ_REACH=1
export FUZZ_OUT FUZZ_REACH
rc=0
printf '%-8s %10s %8s %8s %7s %s\n' target runs cov ft corpus "reached / findings"
for t in $targets; do
	log=$FUZZ_OUT/campaign.$t.log
	mkdir -p "$FUZZ_OUT"
	"$top/fuzz/run.sh" "$t" "$secs" >"$log" 2>&1 || rc=1
	runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	reach=$(grep "^fuzz_$t: " "$log" | head -1 | sed 's/^[^;]*; //')
	finds=$(ls "$FUZZ_OUT/$t" 2>/dev/null |
	    grep -cE '^(crash|leak|timeout|oom|slow-unit)-' || true)
	printf '%-8s %10s %8s %8s %7s %s / %s findings\n' "$t" "${runs:-?}" \
	    "${cov:-?}" "${ft:-?}" "${corp:-?}" "${reach:-?}" "$finds"
done
exit $rc
