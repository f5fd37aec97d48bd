#!/bin/sh
# Seed 001's R1 debug transcript against iosh's, line for line.
#
# golden/crypto/seed001-r1.debug holds the debug lines of seed 001's
# `ping 2.2.2.2 source loopback0` with `debug crypto isakmp` and `debug
# crypto ipsec` on, as the seed prints them: the book's prose and headings
# between them left out, and the one line the ping's marks cut in two
# ("IS.!!!!" ... "AKMP:(0):Checking ...") joined again.  check_ike's
# seed001 case runs the same lab between two iosh routers and writes R1's
# transcript.  Both go through tests/ike_seed.sed, which blanks what
# really varies (addresses of IOS's structures, SPIs, M-IDs, conn-ids,
# the uptime stamps) and nothing else — console messages (%CRYPTO-5-...)
# are not debug lines and stay out; then they must differ by exactly
# golden/crypto/seed001-r1.diff, the known gaps:
#   - "speaking to another IOS box!": iosh does not send IOS's own vendor
#     ID (its bytes are not in the references), so it is not printed;
#   - the seed's "(I)  MM_KEY_EXCH" has two blanks where every other
#     received-packet line has one; iosh prints one;
#   - "purging SA" of the duplicate SA IOS made at the start: iosh makes
#     no duplicate.
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

IKE_TRANSCRIPT=$tmp/raw CK_RUN_CASE=seed001 "$builddir/tests/check_ike" \
    >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log"; exit 1; }
grep -E '^[0-9]{2}:[0-9]{2}:[0-9]{2}: ' "$tmp/raw" | grep -v ': %[A-Z]' |
    sed -f "$srcdir/tests/ike_seed.sed" | grep -v '^$' >"$tmp/ours"
sed -f "$srcdir/tests/ike_seed.sed" "$srcdir/golden/crypto/seed001-r1.debug" \
    >"$tmp/seed"
diff "$tmp/seed" "$tmp/ours" >"$tmp/diff"
if ! cmp -s "$tmp/diff" "$srcdir/golden/crypto/seed001-r1.diff"; then
	echo "FAIL: iosh's transcript against seed 001's, unexpected difference:"
	diff "$srcdir/golden/crypto/seed001-r1.diff" "$tmp/diff"
	exit 1
fi
echo "seed 001 R1 debug: $(wc -l <"$tmp/seed") seed lines," \
    "$(wc -l <"$tmp/ours") iosh lines, only the 3 known differences"
exit 0
