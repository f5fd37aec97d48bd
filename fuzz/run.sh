#!/bin/sh
# fuzz/run.sh TARGET [SECONDS] — build a libFuzzer target with clang
# (ASan+UBSan) and run it for SECONDS (default 60) on its corpus.
#
#   fuzz/run.sh cmdline 300     the command engine on single lines
#   fuzz/run.sh config 300      a whole router fed configurations
#   fuzz/run.sh isakmp 300      the ISAKMP codec on datagrams
#   fuzz/run.sh ike 300         the IKE engine (responder) on datagrams,
#                               on UDP 500 and 4500 (non-ESP marker)
#   fuzz/run.sh dhcp 300        the DHCP/BOOTP codec on datagrams
#   fuzz/run.sh esp 300         ESP inbound on a known SA (seed 001's tunnel)
#   fuzz/run.sh ikex 300        the IKE engine stateful: a whole exchange
#                               between two routers, one step mutated
#   fuzz/run.sh net 300         a router's frame input: Ethernet, ARP,
#                               IPv4, ICMP, UDP, IPv6, ICMPv6, ND; HDLC/SLARP
#   fuzz/run.sh telnet 300      the telnet protocol and the vty line editor,
#                               before and after login
#
# Needs clang and libclang-rt-14-dev (Debian).  Findings are written to
# $FUZZ_OUT/TARGET/ (default fuzz/out/) and make the script exit non-zero.
# With FUZZ_REACH=1 a target exits 1 when it did not reach the code it
# names (fuzz/reach.h); the smoke test of `make check` sets it.
# FUZZ_RUNS=N stops a run after N inputs (whichever of it and SECONDS
# comes first); FUZZ_JOBS is how many compilers build the objects (2).
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
	    "$top/lib/inet4.c" "$top/lib/xalloc.c"
	;;
config|ike|ikex|net|telnet|esp)
	# Every module but main(), compiled once into $FUZZ_OUT/obj for
	# all the whole-router targets (again when a source or header is
	# newer than the archive); config.h holds only the package name
	# and version, so a minimal one does (the source tree may be
	# configured in place, which rules out a VPATH build from it).
	obj=$(dirname "$out")/obj
	mkdir -p "$obj"
	# Targets run side by side (one per core) share the archive: one
	# checks and builds it at a time (unlocked, the second's config.h
	# write raced the first's compare and rebuilt everything twice).
	exec 9>"$obj/.lock"
	flock 9
	ver=$(sed -n 's/^AC_INIT(\[iosh\], *\[\([^]]*\)\].*/\1/p' \
	    "$top/configure.ac")
	printf '#define PACKAGE_NAME "iosh"\n#define PACKAGE_VERSION "%s"\n' \
	    "${ver:-fuzz}" >"$obj/config.h.new"
	cmp -s "$obj/config.h.new" "$obj/config.h" ||
	    mv "$obj/config.h.new" "$obj/config.h"
	srcs=$(ls "$top"/lib/*.c "$top"/parser/*.c "$top"/grammar/*.c \
	    "$top"/shell/*.c "$top"/crypto/*.c "$top"/dataplane/*.c |
	    grep -v '/shell/main\.c$')
	if [ ! -f "$obj/iosh.a" ] || [ -n "$(find "$top/lib" "$top/parser" \
	    "$top/grammar" "$top/shell" "$top/crypto" "$top/dataplane" \
	    "$obj/config.h" -newer "$obj/iosh.a" -name '*.[ch]' -print |
	    head -1)" ]; then
		rm -f "$obj"/*.o "$obj/iosh.a"
		# Two compilers at once at most: the machine is shared.
		# shellcheck disable=SC2086
		echo "$srcs" | xargs -P "${FUZZ_JOBS:-2}" -I{} sh -c 'f={}; d=${f%/*}; \
		    clang -g -O1 -I"$1" -I"$2" -fsanitize=fuzzer-no-link $3 \
		    -c "$f" -o "$1/${d##*/}_$(basename "$f" .c).o"' \
		    sh "$obj" "$top" "$san"
		ar rcs "$obj/iosh.a.new" "$obj"/*.o
		mv "$obj/iosh.a.new" "$obj/iosh.a"
	fi
	flock -u 9
	# esp and ikex run seed 001's two routers of tests/memlab.c.
	extra=
	case $target in esp|ikex) extra="$top/tests/memlab.c" ;; esac
	# shellcheck disable=SC2086
	clang -g -O1 -I"$obj" -I"$top" -fsanitize=fuzzer $san \
	    -o "$out/fuzz_$target" "$top/fuzz/fuzz_$target.c" $extra \
	    "$obj/iosh.a" \
	    -lreadline -lcrypto -lpcap -ltelnet -lpcre2-8 -lcrypt
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
# Inputs up to 4 KB; config's up to 3 KB: its cost grows with every line
# (each one matched and run), and 3 KB holds its largest seed whole (seed
# 000's site B, 2,892 bytes) — a longer input only repeats the grammar.
maxlen=4096
[ "$target" = config ] && maxlen=3072
# ASan keeps freed memory unused until 256 MB more were freed (its
# quarantine), so every allocation lands on cold, often new pages: that
# was half of telnet's, config's and ikex's time per input.  32 MB holds
# well over one input's frees (config, the most: ~2.4 MB an input; ikex
# ~150 KB; telnet ~185 KB), so a use-after-free within an input, the only
# kind that reproduces from its input, is still caught.  ASAN_OPTIONS
# given by the caller win.
ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=32}
export ASAN_OPTIONS
"$out/fuzz_$target" -max_total_time="$secs" -max_len="$maxlen" \
    ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} \
    -artifact_prefix="$out/" "$out/corpus" "$top/fuzz/corpus/$target"
