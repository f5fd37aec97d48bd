#!/bin/bash
# Mismatches against strongSwan fail cleanly on both sides: IOS's debug
# lines on iosh, strongSwan's errors in its log, and no SA left behind.
#
#   no common policy     strongSwan initiates: iosh walks and refuses
#                        (phase 1 SA policy not acceptable!,
#                        %CRYPTO-6-IKMP_MODE_FAILURE), strongSwan hears
#                        NO_PROPOSAL_CHOSEN; iosh initiates: strongSwan
#                        refuses, iosh reports the notification
#   no common transform  strongSwan initiates: Quick Mode refused
#                        (transform proposal not supported), no IPsec SA
#   proxy mismatch       strongSwan offers 2.2.2.0/24: iosh finds no map
#                        (proxy identities not supported)
#   wrong pre-shared key strongSwan initiates: iosh cannot read MM5
#                        (%CRYPTO-4-IKMP_BAD_MESSAGE); its half-open SA
#                        dies by retransmission (about 50 s)
#
# Needs root, namespaces, TUN/TAP and strongSwan (tests/interop_lib.sh);
# skips (77) without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

# iosh has no SA of either kind.
no_sa() {
	local m
	m=$(mark)
	send "show crypto isakmp sa" "show crypto ipsec sa"
	wait_for "^(interface|R1#)" "$m" 10
	sleep 0.5
	since "$m" | grep -q "^12\.1\.1\." && fail "$1: an ISAKMP SA is left"
	since "$m" | grep -q "^      spi: 0x" && fail "$1: an IPsec SA is left"
	return 0
}

ss_log_has() {
	grep -q "$1" "$D/charon.log" || fail "$2: charon did not log '$1'"
}

ss_start
send "debug crypto isakmp" "debug crypto ipsec"

# --- No common policy.
ss_conns aes256-sha256-modp2048 3des-md5
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"
ss_clear
m=$(mark)
swan --initiate --child lab --timeout 5 >/dev/null 2>&1 &&
    fail "policy: strongSwan's initiate succeeded"
wait_for "phase 1 SA policy not acceptable! \(local 12.1.1.1 remote 12.1.1.2\)" \
    "$m" 10 || fail "policy: iosh's refusal"
since "$m" | grep -q "%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode \
failed with peer at 12.1.1.2" || fail "policy: IKMP_MODE_FAILURE"
since "$m" | grep -q "Encryption algorithm offered does not match policy!" ||
    fail "policy: the walk's reason"
ss_log_has "NO_PROPOSAL_CHOSEN" "policy"
no_sa "policy (strongSwan initiating)"
m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 2 timeout 1"
wait_for "processing NOTIFY NO_PROPOSAL_CHOSEN protocol 1" "$m" 10 ||
    fail "policy: iosh did not report strongSwan's refusal"
ss_log_has "no proposal found" "policy (iosh initiating)"
send "clear crypto isakmp"
echo "ok: no common policy"

# --- No common transform set.
ss_conns 3des-md5-modp1024 aes256-sha1
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"
ss_clear
m=$(mark)
swan --initiate --child lab --timeout 5 >/dev/null 2>&1 &&
    fail "transform: strongSwan's initiate succeeded"
wait_for "phase 2 SA policy not acceptable! \(local 12.1.1.1 remote 12.1.1.2\)" \
    "$m" 10 || fail "transform: iosh's refusal"
since "$m" | grep -q "IPSEC(ipsec_process_proposal): transform proposal not \
supported for identity: {esp-aes 256 esp-sha-hmac }" ||
    fail "transform: the transform line"
ss_log_has "NO_PROPOSAL_CHOSEN" "transform"
send "clear crypto isakmp"
sleep 0.5
no_sa "transform"
echo "ok: no common transform set"

# --- Proxy mismatch.
ss_conns 3des-md5-modp1024 3des-md5 cisco 2.2.2.0/24
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"
ss_clear
m=$(mark)
swan --initiate --child lab --timeout 5 >/dev/null 2>&1 &&
    fail "proxy: strongSwan's initiate succeeded"
wait_for "IPSEC\(ipsec_process_proposal\): proxy identities not supported" \
    "$m" 10 || fail "proxy: iosh's refusal"
since "$m" | grep -q "map_db_find_best did not find matching map" ||
    fail "proxy: map_db_find_best"
ss_log_has "INVALID_ID_INFORMATION" "proxy"
send "clear crypto isakmp"
sleep 0.5
no_sa "proxy"
echo "ok: proxy mismatch"

# --- Wrong pre-shared key.
ss_conns 3des-md5-modp1024 3des-md5 wrong
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"
ss_clear
m=$(mark)
swan --initiate --child lab --timeout 5 >/dev/null 2>&1 &&
    fail "psk: strongSwan's initiate succeeded"
wait_for "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 12.1.1.2 failed its \
sanity check or is malformed" "$m" 10 || fail "psk: no IKMP_BAD_MESSAGE"
swan --terminate --ike lab >/dev/null 2>&1
# The responder's half-open SA retransmits its MM4 five times, then dies.
wait_for "deleting SA reason \"Death by retransmission P1\"" "$m" 70 ||
    fail "psk: iosh's SA did not die"
no_sa "psk"
echo "ok: wrong pre-shared key"
exit 0
