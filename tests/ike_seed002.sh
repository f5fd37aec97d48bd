#!/bin/sh
# Seed 002's two hub debug transcripts against iosh's, line for line, as
# tests/ike_seed.sh does for seed 001.
#
# golden/crypto/seed002-hub-l2l.debug (the spoke initiating, from
# "ISAKMP (0:0): received packet from 10.100.2.102" to the last
# create_sa) and golden/crypto/seed002-hub-client.debug (the VPN Client
# initiating, the same span) are the seed's text with these edits only:
#   - the prose, the blank lines and the "!---" comments left out;
#   - a line that starts with blanks joined to the line before it, with
#     one blank between: the document wrapped IOS's long lines and
#     indented the rest ("... peer_port" / "500 (R) MM_SA_SETUP"); its
#     own lines it printed without indentation;
#   - in the client transcript, "IPSEC(spi_response): getting spi ...
#     for SA" and "from 10.48.67.181 to ..." joined as the L2L transcript
#     prints that message, and "outbound SA from ... (f/i) 0/ 0 (proxy
#     0.0.0.0 to 10.5.5.1 )" split before "(proxy" as the L2L one and
#     the inbound lines print it.
# iosh's transcripts: tests/check_seed002 (the spoke and the hub in one
# process, IKE_TRANSCRIPT) and tests/ike_seed002_client.sh (vpnc in a
# namespace against an iosh hub).  Both sides go through
# tests/ike_seed002.sed, which blanks what really varies (structures'
# addresses, SPIs, M-IDs, conn-ids, the address lifetime left,
# timestamps) and drops the indentation and the runs of blanks the
# document lost; console messages (%CRYPTO-...) are not debug lines and
# stay out.  They must then differ by exactly golden/crypto/
# seed002-hub-l2l.diff and seed002-hub-client.diff, the known gaps:
# golden/crypto/seed002-hub-l2l.diff (the spoke initiating):
#   - the spoke is iosh, not IOS 12.2(23a): its MM1 carries NAT-T vendor
#     IDs (the 12 "vendor ID" lines) and so the hub's MM2 one ("constructed
#     NAT-T vendor-rfc3947 ID"); its MM3 carries Unity and DPD vendor IDs
#     and NAT-D payloads, not IOS's own vendor ID ("speaking to another IOS
#     box!"); its MM5 carries INITIAL-CONTACT ("Process initial contact");
#   - Diffie-Hellman under `debug crypto engine`: IOS makes its pair at MM1
#     ("generate alg parameter", "Dh phase 1 status: 0" twice), computes at
#     MM3 and clears after MM6 ("clear dh number"); iosh does all of it at
#     MM3 and prints none of these rather than print them where IOS does
#     not do the work;
#   - MM3's key search ("Looking for a matching key" twice): iosh looks the
#     key up once, at MM1, and keeps that copy (issue 14);
#   - "Trying to insert a peer": IOS 12.3's Main Mode responder does not
#     print it, iosh does (as its Aggressive Mode does, and 15.x).
# golden/crypto/seed002-hub-client.diff (the VPN Client initiating):
#   - vpnc is not Cisco VPN Client 4.0(4): other vendor IDs (no Xauth, no
#     NAT-T with --natt-mode none: no NAT-D "received payload type 17", no
#     "constructed NAT-T vendor-02 ID"); six AES phase 1 transforms before
#     3DES (transform 6, not 9) and six AES proposals before the 3DES one
#     (numbered from 0, not 12), each refused; another mode-config request
#     (its attributes, their order, no ADDRESS_EXPIRY);
#   - vpnc offers 2147483 s for phase 1 and phase 2: IOS 12.3 answers
#     phase 1 with a RESPONDER-LIFETIME of 86400 (the "set new node ... to
#     CONF_XAUTH" ... "Sending phase 1 responder lifetime" lines) and takes
#     the phase 2 lifetime; iosh sends no phase 1 responder lifetime and
#     holds the IPsec SAs to its own 3600 s / 4608000 kB ("Responder
#     lifetime", the lifetime lines);
#   - Diffie-Hellman under `debug crypto engine`, as above;
#   - for a peer that names a group IOS also searches the address keys
#     ("Looking for a matching key" twice); iosh takes the group's key;
#   - AM2's ID payload: IOS 12.3 sends port 0, iosh 500;
#   - INITIAL-CONTACT with nothing to bring down: IOS's "returning IP addr
#     to the address pool", key engine event and second "SA authentication
#     status"; iosh prints what it does, nothing;
#   - "Address: 0.2.0.0" (IOS's, after "attributes sent in message:") is
#     not printed; APPLICATION_VERSION is iosh's own string, not 12.3(6a)'s
#     banner;
#   - the document leaves out Quick Mode's first lines (received packet,
#     "set new node", HASH and SA payloads), which iosh prints as the L2L
#     transcript shows them;
#   - "Locking peer struct ..., IPSEC refcount 1 for for stuff_ke" is not
#     printed.
# The client half needs root, namespaces and vpnc: without them it is
# skipped (77) after the L2L half passed.
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# NAME RAW: RAW's debug lines against the seed's, by the frozen diff.
compare() {
	grep -E '^\*[A-Z][a-z]{2} [ 0-9][0-9] [0-9:.]+: ' "$2" |
	    grep -Ev ': %[A-Z]' | sed -f "$srcdir/tests/ike_seed002.sed" |
	    grep -v '^$' >"$tmp/$1.ours"
	sed -f "$srcdir/tests/ike_seed002.sed" \
	    "$srcdir/golden/crypto/seed002-hub-$1.debug" >"$tmp/$1.seed"
	diff "$tmp/$1.seed" "$tmp/$1.ours" >"$tmp/$1.diff"
	if ! cmp -s "$tmp/$1.diff" "$srcdir/golden/crypto/seed002-hub-$1.diff"
	then
		echo "FAIL: iosh's $1 transcript against seed 002's," \
		    "unexpected difference:"
		diff "$srcdir/golden/crypto/seed002-hub-$1.diff" "$tmp/$1.diff"
		exit 1
	fi
	echo "seed 002 hub debug, $1: $(wc -l <"$tmp/$1.seed") seed lines," \
	    "$(wc -l <"$tmp/$1.ours") iosh lines, only the" \
	    "$(grep -c '^[<>]' "$tmp/$1.diff") known differing lines"
}

IKE_TRANSCRIPT=$tmp/l2l.raw "$builddir/tests/check_seed002" \
    >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log"; exit 1; }
compare l2l "$tmp/l2l.raw"
"$srcdir/tests/ike_seed002_client.sh" "$tmp/client.raw" >"$tmp/client.log" 2>&1
rc=$?
[ "$rc" -eq 77 ] && { cat "$tmp/client.log"; exit 77; }
[ "$rc" -eq 0 ] || { cat "$tmp/client.log"; exit 1; }
compare client "$tmp/client.raw"
exit 0
