#!/bin/sh
# tests/data/isakmp/extract.sh PCAPDIR — regenerate the ISAKMP fixtures of
# tests/check_isakmp.c and the fuzz seeds from the interop captures
# (../shared/notes/interop/pcaps, see its README).  Needs tshark and xxd.
#
#   NAME-fNN.bin    the ISAKMP message of frame NN (UDP payload; on port
#                   4500 without the 4-byte non-ESP marker of RFC 3948)
#   NAME-fNN.plain  the decrypted body of an encrypted message (strongSwan
#                   capture only: its keys are in ../wireshark-profile)
#
# fuzz/corpus/isakmp/ gets every cleartext message, and each decrypted
# body behind its encrypted header (the fuzz target walks the body of an
# encrypted message as plaintext).
set -eu
pcaps=${1:?usage: extract.sh PCAPDIR}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
corpus=$top/fuzz/corpus/isakmp
mkdir -p "$corpus"
rm -f "$here"/*.bin "$here"/*.plain "$corpus"/*
for spec in strongswan:ikev1-mm-qm-esp-in-udp libreswan:libreswan-initiator \
    vpnc:vpnc-aggressive-xauth-modecfg vpnc-nonatt:vpnc-natt-none-fails; do
	name=${spec%%:*}
	pcap=$pcaps/${spec#*:}.pcap
	tshark -r "$pcap" -Y isakmp -T fields -e frame.number -e udp.srcport \
	    -e udp.payload 2>/dev/null |
	while read -r fno port hex; do
		f=$(printf '%s/%s-f%02d' "$here" "$name" "$fno")
		[ "$port" = 4500 ] && hex=${hex#00000000}
		echo "$hex" | xxd -r -p >"$f.bin"
	done
done
# Decrypted bodies: tshark -x prints one blank-line separated block per
# frame; a decrypted message adds a "Decrypted IKE (N bytes):" dump to it.
WIRESHARK_CONFIG_DIR=$pcaps/../wireshark-profile \
    tshark -r "$pcaps/ikev1-mm-qm-esp-in-udp.pcap" -x 2>/dev/null |
awk -v dir="$here" '
	/^$/ { if (out != "") close(out); out = ""; gap = 1; next }
	gap || NR == 1 { if ($0 !~ /^Decrypted/) fno++; gap = 0 }
	/^Decrypted IKE/ { out = sprintf("%s/strongswan-f%02d.plain.hex", dir, fno); next }
	out != "" { print substr($0, 7, 48) >out }'
for h in "$here"/*.plain.hex; do
	xxd -r -p "$h" >"${h%.hex}"
	rm -f "$h"
done
for f in "$here"/*.bin; do
	b=$(basename "$f" .bin)
	if [ -f "$here/$b.plain" ]; then
		{ head -c 28 "$f"; cat "$here/$b.plain"; } >"$corpus/$b"
	elif [ $(($(od -An -tu1 -j19 -N1 "$f") & 1)) = 0 ]; then
		cp "$f" "$corpus/$b"
	fi
done
