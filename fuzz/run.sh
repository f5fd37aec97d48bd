#!/bin/sh
# fuzz/run.sh TARGET [SECONDS] — build a libFuzzer target with clang
# (ASan+UBSan) and run it for SECONDS (default 60) on its corpus.
#
#   fuzz/run.sh cmdline 300     the command engine on single lines
#   fuzz/run.sh config 300      a whole router fed configurations
#   fuzz/run.sh isakmp 300      the ISAKMP codec on datagrams
#   fuzz/run.sh ike 300         the IKE engine (responder) on datagrams
#   fuzz/run.sh dhcp 300        the DHCP/BOOTP codec on datagrams
#
# Needs clang and libclang-rt-14-dev (Debian).  Findings are written to
# $FUZZ_OUT/TARGET/ (default fuzz/out/) and make the script exit non-zero.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
secs=${2:-60}
out="${FUZZ_OUT:-$top/fuzz/out}/$target"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
mkdir -p "$out/corpus"
case "$target" in
cmdline)
	# shellcheck disable=SC2086
	clang -g -O1 -I"$top" -fsanitize=fuzzer $san \
	    -o "$out/fuzz_$target" "$top/fuzz/fuzz_cmdline.c" \
	    "$top"/parser/*.c "$top/lib/strbuf.c" "$top/lib/cmdarg.c" \
	    "$top/lib/xalloc.c"
	;;
config|ike)
	# Every module but main(); config.h holds only the package name
	# and version, so a minimal one does (the source tree may be
	# configured in place, which rules out a VPATH build from it).
	ver=$(sed -n 's/^AC_INIT(\[iosh\], *\[\([^]]*\)\].*/\1/p' \
	    "$top/configure.ac")
	printf '#define PACKAGE_NAME "iosh"\n#define PACKAGE_VERSION "%s"\n' \
	    "${ver:-fuzz}" >"$out/config.h"
	srcs=$(ls "$top"/lib/*.c "$top"/parser/*.c "$top"/grammar/*.c \
	    "$top"/shell/*.c "$top"/crypto/*.c "$top"/dataplane/*.c |
	    grep -v '/shell/main\.c$')
	# shellcheck disable=SC2086
	clang -g -O1 -I"$out" -I"$top" -fsanitize=fuzzer $san \
	    -o "$out/fuzz_$target" "$top/fuzz/fuzz_$target.c" $srcs \
	    -lreadline -lcrypto -lpcap -ltelnet -lcrypt
	;;
isakmp)
	# shellcheck disable=SC2086
	clang -g -O1 -I"$top" -fsanitize=fuzzer $san \
	    -o "$out/fuzz_$target" "$top/fuzz/fuzz_isakmp.c" \
	    "$top/crypto/isakmp_build.c" "$top/crypto/isakmp_msg.c" \
	    "$top/crypto/isakmp_pld.c" "$top/crypto/isakmp_rebuild.c" \
	    "$top/crypto/isakmp_sa.c" "$top/crypto/ike_cfg.c"
	;;
dhcp)
	# shellcheck disable=SC2086
	clang -g -O1 -I"$top" -fsanitize=fuzzer $san \
	    -o "$out/fuzz_$target" "$top/fuzz/fuzz_dhcp.c" \
	    "$top/dataplane/dhcp_msg.c"
	;;
*)
	echo "unknown target: $target" >&2
	exit 2
	;;
esac
"$out/fuzz_$target" -max_total_time="$secs" -max_len=4096 \
    -artifact_prefix="$out/" "$out/corpus" "$top/fuzz/corpus/$target"
