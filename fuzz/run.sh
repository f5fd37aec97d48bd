#!/bin/sh
# fuzz/run.sh TARGET [SECONDS] — build a libFuzzer target with clang
# (ASan+UBSan) and run it for SECONDS (default 60) on its corpus.
#
#   fuzz/run.sh cmdline 300
#
# Needs clang and libclang-rt-14-dev (Debian).  Findings are written to
# $FUZZ_OUT/TARGET/ (default fuzz/out/) and make the script exit non-zero.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
secs=${2:-60}
out="${FUZZ_OUT:-$top/fuzz/out}/$target"
mkdir -p "$out/corpus"
case "$target" in
cmdline)
	srcs="$top/fuzz/fuzz_cmdline.c $top/parser/*.c $top/lib/strbuf.c"
	seeds="$top/fuzz/corpus/cmdline"
	;;
*)
	echo "unknown target: $target" >&2
	exit 2
	;;
esac
# shellcheck disable=SC2086
clang -g -O1 -I"$top" -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -o "$out/fuzz_$target" $srcs
"$out/fuzz_$target" -max_total_time="$secs" -max_len=4096 \
    -artifact_prefix="$out/" "$out/corpus" "$seeds"
