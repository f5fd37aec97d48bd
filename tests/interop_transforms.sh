#!/bin/bash
# The ESP transforms of issue 17 against strongSwan (kernel-libipsec,
# user-space ESP in UDP) and tshark: for each transform both implement,
# iosh initiates (its ping gets through) and then strongSwan does
# (Linux's ping to iosh's loopback gets through), swanctl names the
# algorithms iosh was configured with, and tshark, given the keys of
# `test crypto wireshark-keys`, decrypts every ESP packet of the case and
# finds every ICV [correct] (where Wireshark knows the algorithm: it has
# no AES-GMAC).  IKE is aes 256 / sha256 / group 14 throughout.
#
# Which transforms libipsec takes was measured with this script (strongSwan
# 5.9.8, Debian 12): all of the list below.  esp-gmac (aes128gmac,
# aes256gmac) is negotiated (charon: "selected proposal:
# ESP:NULL_AES_GMAC_128/NO_EXT_SEQ") but libipsec cannot install it
# ("failed to create ESP context: unsupported AEAD algorithm
# NULL_AES_GMAC", then a DELETE), so it is not run here; check_esp checks
# its ICV against a separate GCM computation.  esp-null alone ("null") the
# same: selected ("ESP:NULL/NO_EXT_SEQ"), then "failed to create ESP
# context: unsupported integrity algorithm UNDEFINED".  AH and comp-lzs
# cannot be run against libipsec at all: its ipsec_sa_create refuses
# any protocol but ESP ("IPsec SA: protocol not supported") and any
# IPComp ("IPsec SA: compression not supported"), strings of the
# installed libipsec.so.0; AH is checked against OpenSSL and tshark
# instead (check_esp, capture_tshark.sh).  Needs what tests/interop_lib.sh needs
# (root, namespaces, TUN/TAP, strongSwan); skips (77) without them.
# Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

# iosh's transform set | strongSwan's ESP proposal | swanctl's ESP names |
# whether tshark can check the ICV
xf_ios=("esp-gcm" "esp-gcm 192" "esp-gcm 256"
    "esp-aes esp-sha256-hmac" "esp-aes 256 esp-sha384-hmac"
    "esp-aes 256 esp-sha512-hmac" "esp-3des esp-sha256-hmac"
    "esp-null esp-sha-hmac" "esp-null esp-sha256-hmac")
xf_ss=(aes128gcm16 aes192gcm16 aes256gcm16
    aes128-sha256 aes256-sha384
    aes256-sha512 3des-sha256
    null-sha1 null-sha256)
xf_show=(AES_GCM_16-128 AES_GCM_16-192 AES_GCM_16-256
    AES_CBC-128/HMAC_SHA2_256_128 AES_CBC-256/HMAC_SHA2_384_192
    AES_CBC-256/HMAC_SHA2_512_256 3DES_CBC/HMAC_SHA2_256_128
    NULL/HMAC_SHA1_96 NULL/HMAC_SHA2_256_128)
xf_ws=(1 1 1 1 1 1 1 1 1)

command -v tshark >/dev/null 2>&1 || skip "no tshark"
export HOME=$D
ss_start
ok=0
for i in "${!xf_ios[@]}"; do
	what="${xf_ios[$i]}"
	ss_conns "aes256-sha256-modp2048" "${xf_ss[$i]}"
	ios_crypto "aes 256" sha256 14 "${xf_ios[$i]}"
	ss_clear
	ip netns exec "$ns" timeout 120 tshark -q -n -i tap0 \
	    -w "$D/cap$i.pcap" >/dev/null 2>&1 &
	echo $! >"$D/tshark.pid"
	# tshark writes the file's header once it is capturing.
	for t in $(seq 1 50); do
		[ -s "$D/cap$i.pcap" ] && break
		sleep 0.1
	done
	sleep 0.5

	# iosh initiates: the first echo starts IKE, the others pass.
	m=$(mark)
	send "ping 2.2.2.2 source loopback0 repeat 3 timeout 1"
	wait_for "^Success rate is" "$m" 15 || fail "$what: ping did not end"
	since "$m" | grep -Eq '^\.?!!!?$' || fail "$what: iosh's ping"
	swan --list-sas >"$D/sas" 2>&1
	grep -q "ESP:${xf_show[$i]}" "$D/sas" ||
	    fail "$what: strongSwan's SAs: $(cat "$D/sas")"
	m=$(mark)
	send "test crypto wireshark-keys $D/ws$i-1"
	wait_for "^Wrote 1 ISAKMP and 2 ESP keys" "$m" 10 ||
	    fail "$what: wireshark-keys"

	# strongSwan initiates; Linux's ping to iosh's loopback passes.
	ss_clear
	swan --initiate --child lab >"$D/initiate" 2>&1 ||
	    fail "$what: swanctl --initiate: $(tail -3 "$D/initiate")"
	in_ns ping -c 2 -W 2 -I 2.2.2.2 1.1.1.1 >"$D/lping" 2>&1
	grep -q " 2 received" "$D/lping" ||
	    fail "$what: Linux's ping after strongSwan initiated"
	m=$(mark)
	send "test crypto wireshark-keys $D/ws$i-2"
	wait_for "^Wrote 1 ISAKMP and 2 ESP keys" "$m" 10 ||
	    fail "$what: wireshark-keys"
	sleep 1
	kill "$(cat "$D/tshark.pid")" 2>/dev/null
	rm -f "$D/tshark.pid"
	sleep 1

	# tshark with iosh's keys: each ESP packet decrypted, ICV correct.
	n_esp=$(timeout 30 tshark -n -r "$D/cap$i.pcap" -Y esp 2>/dev/null |
	    wc -l)
	bad=$(timeout 30 tshark -n -r "$D/cap$i.pcap" -Y _ws.malformed \
	    2>/dev/null | wc -l)
	[ "$n_esp" -ge 8 ] || fail "$what: $n_esp ESP packets captured"
	[ "$bad" -eq 0 ] || fail "$what: tshark: $bad malformed packets"
	msg=""
	if [ "${xf_ws[$i]}" -eq 1 ]; then
		mkdir -p "$D/wsc$i"
		cat "$D/ws$i-1/esp_sa" "$D/ws$i-2/esp_sa" | grep -v '^#' \
		    >"$D/wsc$i/esp_sa"
		WIRESHARK_CONFIG_DIR=$D/wsc$i timeout 30 tshark -n \
		    -r "$D/cap$i.pcap" -V \
		    -o esp.enable_encryption_decode:TRUE \
		    -o esp.enable_authentication_check:TRUE \
		    >"$D/decoded$i" 2>&1
		n_icv=$(grep -c 'ESP ICV: .*\[correct\]' "$D/decoded$i")
		n_bad=$(grep -c 'ESP ICV: .*\[incorrect' "$D/decoded$i")
		n_ping=$(grep -c 'Internet Control Message Protocol' \
		    "$D/decoded$i")
		[ "$n_icv" -eq "$n_esp" ] && [ "$n_bad" -eq 0 ] ||
		    fail "$what: ESP ICV: $n_icv correct, $n_bad incorrect" \
		    "of $n_esp"
		[ "$n_ping" -ge "$n_esp" ] ||
		    fail "$what: decrypted ICMP: $n_ping of $n_esp"
		msg=", tshark: $n_icv ICVs correct, $n_ping ICMP decrypted"
	fi
	ok=$((ok + 1))
	echo "ok: $what ($n_esp ESP packets$msg)"
done
echo "transforms: $ok against strongSwan, each both ways"
exit 0
