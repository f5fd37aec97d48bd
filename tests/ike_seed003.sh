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
#   - NAT-T over IPv6: iosh offers its NAT-T vendor IDs in MM1, answers
#     one in MM2 and sends NAT-D in MM3/MM4 over IPv6, which 15.2(1)T does
#     not (ike_vid.c: strongSwan's libipsec, whose ESP travels only in UDP,
#     needs it to reach an IPv6 VTI); the "processing vendor id payload",
#     "constructed NAT-T vendor-... ID", "received payload type 20" and
#     "No NAT Found" lines are the seed's gap;
#   - the peer is iosh, not IOS 15.2(1)T: its MM3/MM4 carry Unity and DPD
#     vendor IDs, not IOS's own ("speaking to another IOS box!": its bytes
#     are not in the references) nor XAUTH's;
#   - "proposal part #1" (15.2(1)T) where seed 001's router prints
#     "proposal part # 1", and "Creating IPSec SAs" with its inbound and
#     outbound block, printed by seed 001's router after the QM IDs and not
#     by 15.2(1)T: the configurations carry no version line to tell the
#     releases apart, and iosh prints seed 001's forms;
# the responder (R3):
#   - "ISAKMP (0) : received packet" (the seed's first line only, every
#     other one without the blank);
#   - "ISAKMP: Scanning profiles": the initiator's line in the same seed,
#     seed 001's, seed 002's and seed 004's responders have the blank;
# the initiator (R2):
#   - "Find a dup sa in the avl tree" (seed 001's initiator, whose first
#     SA was still there) where 15.2(1)T says "insert sa successfully";
#   - the seed leaves out QM3's "sending packet to" line.
# What iosh does as seed 003 shows, and these tests keep: a tunnel's SAs made
# without the crypto map database ("Map found Tunnel23-head-0", no
# proxy_match, policy_db_add_ident or update_current_outbound_sa); the
# key size in the key engine's messages (128 for esp-aes); 15.x's Quick
# Mode responder waiting for its SPI (IKE_QM_SPI_STARVE, IKE_GOT_SPI,
# "set new node", the enable notify after QM3, no HASH line for QM3) and
# its MM5 (the INITIAL-CONTACT notify, the verdict twice, the key
# engine's event); no IKE_PHASE1_COMPLETE line on the 15.x responder;
# the initiator's SA database for the tunnel before its sa_request
# ("sadb root initialize", "recalculate_mtu", "adjust_mtu").
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
