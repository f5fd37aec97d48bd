#!/bin/sh
# Seed 004's R1 debug transcript (the responder) against iosh's, line for
# line, as tests/ike_seed.sh does for seed 001.
#
# golden/crypto/seed004-r1.debug is the seed's text from R1's first
# "received packet" to "IKE_QM_PHASE2_COMPLETE" with these edits only:
# the blank lines left out, and a line that ends with a blank joined to
# the next with one blank between (the document wrapped IOS's long lines
# there: "received packet " / "from 10.10.10.2 ..."); IOS's own line
# breaks ("SA authentication status:" / "authenticated") end without one
# and are kept.  tests/check_seed004 writes iosh's R1 transcript of the
# same exchange.  Both go through tests/ike_seed004.sed, which blanks what
# really varies (structures' addresses, SPIs, M-IDs, conn-ids, the
# timestamps), drops the indentation and runs of blanks the document lost,
# and writes 12.3(7)T's prefix "ISAKMP:(0:1:SW:1):" as iosh's 12.3 one:
# the configuration's `version 12.3` cannot tell the T train (seed 004)
# from the mainline (seed 002's hub, whose form iosh prints).  Console
# messages (%CRYPTO-...) are not debug lines and stay out.  The two must
# then differ by exactly golden/crypto/seed004-r1.diff, the known gaps:
#   - peer structs ("Created a peer struct", "Locking peer struct" twice):
#     iosh keeps no such structure and prints none of them;
#   - the initiator is iosh, not IOS 12.3(7)T: its MM1 carries NAT-T RFC
#     3947 and v7 vendor IDs too (6 more lines), so R1 answers with the
#     RFC one ("vendor-rfc3947" for "vendor-03"); IOS walks MM1's vendor
#     IDs a second time after the policy check, iosh once; its MM3 carries
#     RFC NAT-D payloads (type 20, "No NAT Found"), not IOS's draft ones
#     (type 17) and IOS's own vendor ID ("speaking to another IOS box!");
#   - "Looking for a matching key ... in default : success" at MM3:
#     iosh looks the key up once, at MM1 (issue 14), and prints it there;
#   - 12.3 mainline's forms where 12.3T differs (the version line cannot
#     tell them apart, see above): "insert sa successfully" bare in 12.3T;
#     "(0:1) local preshared key found" without the colon; "(0:1): peer
#     matches" (seed 000's 12.3(6)); "SA authentication status: authenticated" on one line;
#     "getting spi ... for SA from ..." on one line; "(f/i)  0/ 0" and
#     "(proxy ... )" spacing; "got a queue event..." without the count;
#     "add mtree" for "mtree_add_ident"; IPSEC(kei_proxy) printed twice
#     per key-engine message where 12.3T prints it once;
#   - MM5: IOS prints the INITIAL-CONTACT notify, the authentication status
#     and the profile match twice; iosh once each, without the notify's
#     own "processing NOTIFY" line;
#   - Quick Mode: IOS 12.3T's key-engine scheduling (flow_switching,
#     "Locking peer struct ... stuff_ke", "reconnecting with the same
#     proxies") is not iosh's; IOS creates the SAs before it sends QM2,
#     iosh (as seed 001's and 002's 12.x responders show) when QM3 comes.
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

IKE_TRANSCRIPT=$tmp/raw "$builddir/tests/check_seed004" \
    >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log"; exit 1; }
grep -v ': %[A-Z]' "$tmp/raw" | sed -f "$srcdir/tests/ike_seed004.sed" |
    grep -v '^$' >"$tmp/ours"
grep -v ': %[A-Z]' "$srcdir/golden/crypto/seed004-r1.debug" |
    sed -f "$srcdir/tests/ike_seed004.sed" >"$tmp/seed"
diff "$tmp/seed" "$tmp/ours" >"$tmp/diff"
if ! cmp -s "$tmp/diff" "$srcdir/golden/crypto/seed004-r1.diff"; then
	echo "FAIL: iosh's transcript against seed 004's, unexpected difference:"
	diff "$srcdir/golden/crypto/seed004-r1.diff" "$tmp/diff"
	exit 1
fi
echo "seed 004 R1 debug: $(wc -l <"$tmp/seed") seed lines," \
    "$(wc -l <"$tmp/ours") iosh lines, only the known differences"
exit 0
