#!/bin/sh
# Golden transcripts: each golden/*/NAME.in is piped into iosh (line
# mode, clock frozen, an empty nvram of its own) and the output must equal
# golden/*/NAME.out byte for byte.  REGEN=1 rewrites the .out files
# instead (review the diff before committing it).  GOLDEN=family limits
# the run to golden/family/.  The only parts of the output that depend on the host
# are replaced first: the image path, the version, the processor, its
# memory and the board ID (from the nvram's path) in `show version`, the
# processor and board ID in `show inventory`.
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
version=$("$iosh" --version | sed 's/^iosh //')
arch=$(uname -m)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# Localtime stamps must not depend on the machine's zone.
TZ=UTC
export TZ

n=0
failed=0
for in in "$srcdir"/golden/${GOLDEN:-*}/*.in; do
	name=$(basename "$(dirname "$in")")/$(basename "$in" .in)
	n=$((n + 1))
	rm -rf "$tmp/nvram"
	"$iosh" --clock 1700000000 --nvram "$tmp/nvram" <"$in" >"$tmp/raw" 2>&1
	rc=$?
	sed -e "s|\"unix:$iosh\"|\"unix:@IOSH@\"|" \
	    -e "s|, Version $version, |, Version @VERSION@, |" \
	    -e "s|^cisco IOSH-LINUX ($arch) processor (revision $version) with [0-9]*K/|cisco IOSH-LINUX (@ARCH@) processor (revision @VERSION@) with @MEM@K/|" \
	    -e "s|^Processor board ID IOSH[0-9A-F]\{8\}$|Processor board ID @BOARD@|" \
	    -e "s|^NAME: \"Chassis\", DESCR: \"iosh IOSH-LINUX ($arch) chassis\"$|NAME: \"Chassis\", DESCR: \"iosh IOSH-LINUX (@ARCH@) chassis\"|" \
	    -e "s|, SN: IOSH[0-9A-F]\{8\}$|, SN: @BOARD@|" \
	    "$tmp/raw" >"$tmp/out"
	if [ -n "${REGEN:-}" ]; then
		cp "$tmp/out" "${in%.in}.out"
		echo "regenerated: $name"
	elif [ "$rc" -ne 0 ]; then
		echo "FAIL: $name: iosh exited $rc"
		failed=$((failed + 1))
	elif ! diff -u "${in%.in}.out" "$tmp/out"; then
		echo "FAIL: $name: output differs"
		failed=$((failed + 1))
	else
		echo "ok: $name"
	fi
done
echo "$((n - failed))/$n transcripts passed"
[ "$n" -gt 0 ] && [ "$failed" -eq 0 ]
