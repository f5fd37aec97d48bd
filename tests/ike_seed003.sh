#!/bin/sh
# Seed 003's two debug transcripts (IOS 15.2(1)T, a VTI over IPv6: R3 the
# responder, R2 the initiator) against iosh's, line for line, as
# tests/ike_seed.sh does for seed 001.
#
# golden/crypto/seed003-r3.debug (from R3's first "received packet" to
# "key_engine_enable_outbound") and seed003-r2.debug (from R2's
# "%CRYPTO-6-ISAKMP_ON_OFF" to its "%LINEPROTO-5-UPDOWN") are the seed's
# text with these edits only: the prose, the bullets and the blank lines
# left out.  tests/check_vti6 runs the seed's two routers and writes their
# transcripts of the tunnel's first exchange.  Both sides go through
# tests/ike_seed003.sed, which undoes the web page's smileys ("2001: DB8",
# "ISAKMP: (0)", "(0): Old State": see there), blanks what really varies
# (structures' addresses, SPIs, M-IDs, conn-ids, the SAs' lifetime left,
# timestamps); console messages (%LINEPROTO-..., %CRYPTO-...) are not
# debug lines and stay out.  They must then differ by exactly
# golden/crypto/seed003-r3.diff and seed003-r2.diff, the known gaps:
# both:
#   - the peer is iosh, not IOS 15.2(1)T: its MM1 carries NAT-T vendor IDs
#     (RFC 3947, v7, v3, v2: "constructed NAT-T vendor-... ID" on the
#     initiator, their "processing vendor id payload" lines on the
#     responder, and the responder's "constructed NAT-T vendor-rfc3947
#     ID"); its MM3/MM4 carry RFC NAT-D payloads ("received payload type
#     20", "No NAT Found for self or peer") and Unity, but not IOS's own
#     vendor ID ("speaking to another IOS box!") nor XAUTH's;
#   - "Creating IPSec SAs" with its inbound/outbound block, printed by
#     seed 001's router after the QM IDs and not by 15.2(1)T: iosh prints
#     it as seed 001 shows;
# the responder (R3):
#   - "ISAKMP (0) : received packet" (the seed's first line only, every
#     other one without the blank);
#   - "ISAKMP : Scanning profiles": the initiator's line in the same seed
#     and seed 001 have the blank, the responder's not;
#   - IOS 15.2(1)T's Quick Mode responder waits for the SPI
#     (IKE_QM_SPI_STARVE, IKE_GOT_SPI) and announces the key engine's
#     queue events (`debug crypto kmi`) at MM5 and twice after QM3, "set
#     new node" on QM1, "rec'd enable notify" at the end; iosh's responder
#     follows seed 001's release (IKE_QM_R_QM1, IPSEC_INSTALL_DONE) and
#     prints one key engine event; the notify's own "processing NOTIFY
#     INITIAL_CONTACT" line and the second "SA authentication status"
#     are not printed; IKE_PHASE1_COMPLETE's state line is;
#   - QM3's "processing HASH payload" is printed by iosh, not by the seed;
# the initiator (R2):
#   - the SA database's creation when the tunnel comes up ("sadb root
#     initialize", "recalculate_mtu", the two "adjust_mtu" blocks): iosh
#     keeps no such per-tunnel structures;
#   - "Find a dup sa in the avl tree" where 15.2(1)T says "insert sa
#     successfully" (seed 001's initiator prints the former);
#   - the seed leaves out QM3's "sending packet to" line.
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

IKE_TRANSCRIPT=$tmp/raw CK_RUN_CASE=seed003 "$builddir/tests/check_vti6" \
    >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log"; exit 1; }
rc=0
for r in r3 r2; do
	grep -E '^[0-9]{2}:[0-9]{2}:[0-9]{2}: ' "$tmp/raw.$r" |
	    grep -v ': %[A-Z]' | sed -f "$srcdir/tests/ike_seed003.sed" |
	    grep -v '^$' >"$tmp/$r.ours"
	grep -v ': %[A-Z]' "$srcdir/golden/crypto/seed003-$r.debug" |
	    sed -f "$srcdir/tests/ike_seed003.sed" >"$tmp/$r.seed"
	diff "$tmp/$r.seed" "$tmp/$r.ours" >"$tmp/$r.diff"
	if ! cmp -s "$tmp/$r.diff" "$srcdir/golden/crypto/seed003-$r.diff"
	then
		echo "FAIL: iosh's $r transcript against seed 003's," \
		    "unexpected difference:"
		diff "$srcdir/golden/crypto/seed003-$r.diff" "$tmp/$r.diff"
		rc=1
		continue
	fi
	echo "seed 003 $r debug: $(wc -l <"$tmp/$r.seed") seed lines," \
	    "$(wc -l <"$tmp/$r.ours") iosh lines, only the" \
	    "$(grep -c '^[<>]' "$tmp/$r.diff") known differing lines"
done
exit $rc
