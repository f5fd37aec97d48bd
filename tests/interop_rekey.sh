#!/bin/bash
# Rekey without loss against a real strongSwan 5.9 (tests/interop_lib.sh's
# namespace): iosh holds its IPsec SAs for 120 s (`crypto ipsec
# security-association lifetime seconds 120`, IOS's minimum), strongSwan
# for its usual 3600 s, so iosh, the initiator, renegotiates 30 s before
# its lifetime ends (IOS's margin) while Linux pings 1.1.1.1 from 2.2.2.2
# every 100 ms for 100 s across it:
#
#   - not one ping lost;
#   - iosh's current outbound SPI changed, and is strongSwan's inbound
#     SPI; the old pair is gone on both sides (iosh deleted it 5 s after
#     the new one was up and told strongSwan);
#   - the rekey was one Quick Mode over the phase 1 in use (one ISAKMP
#     SA, no second Main Mode).
#
# About 110 s.  Needs root, namespaces, TUN/TAP and strongSwan; skips (77)
# without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

ss_start
ss_conns 3des-md5-modp1024 3des-md5
ios_crypto 3des md5 2 "esp-3des esp-md5-hmac"
send "configure terminal" \
    "crypto ipsec security-association lifetime seconds 120" "end"

m=$(mark)
send "ping 2.2.2.2 source loopback0"
wait_for "^Success rate is" "$m" 20 || fail "first ping did not end"
m=$(mark)
send "show crypto ipsec sa"
wait_for "current outbound spi" "$m" 10 || fail "show crypto ipsec sa"
spi0=$(since "$m" | sed -n 's/^     current outbound spi: 0x\([0-9A-F]*\)(.*/\1/p')
[ -n "$spi0" ] || fail "no SA after the first ping"
since "$m" | grep -q "remaining key lifetime (k/sec): ([0-9]*/1[01][0-9])" ||
    fail "iosh's lifetime is not 120 s: $(since "$m")"

# 1000 pings, 100 ms apart: the rekey is due some 88 s in.
timeout 150 ip netns exec "$ns" ping -q -i 0.1 -c 1000 -W 2 -I 2.2.2.2 \
    1.1.1.1 >"$D/lping" 2>&1
grep -q "1000 packets transmitted, 1000 received, 0% packet loss" \
    "$D/lping" || fail "pings lost across the rekey: $(cat "$D/lping")"

m=$(mark)
send "show crypto ipsec sa" "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show commands"
since "$m" >"$D/show"
spi1=$(sed -n 's/^     current outbound spi: 0x\([0-9A-F]*\)(.*/\1/p' "$D/show")
[ -n "$spi1" ] && [ "$spi1" != "$spi0" ] ||
    fail "no rekey: current outbound spi $spi0 -> $spi1"
n_ours=$(grep -c "^      spi: 0x" "$D/show")
[ "$n_ours" -eq 2 ] || fail "iosh: $n_ours SAs, not the new pair alone: \
$(cat "$D/show")"
n_isakmp=$(grep -c "^12.1.1.2        12.1.1.1        QM_IDLE" "$D/show")
[ "$n_isakmp" -eq 1 ] || fail "iosh: $n_isakmp ISAKMP SAs"
swan --list-sas >"$D/sas" 2>&1 || fail "swanctl --list-sas"
n_child=$(grep -c "INSTALLED, TUNNEL-in-UDP" "$D/sas")
[ "$n_child" -eq 1 ] || fail "strongSwan: $n_child CHILD_SAs: $(cat "$D/sas")"
ss_in=$(sed -n 's/^    in  \([0-9a-f]*\),.*/\1/p' "$D/sas")
[ -n "$ss_in" ] && [ $((16#$spi1)) -eq $((16#$ss_in)) ] ||
    fail "SPI iosh out $spi1, strongSwan in $ss_in"
grep -q "#recv errors 0" "$D/show" || fail "iosh recv errors: $(cat "$D/show")"
echo "strongSwan rekey: 1000/1000 pings across iosh's rekey, SPI" \
    "$spi0 -> $spi1 (strongSwan's inbound), one pair and one ISAKMP SA left"
exit 0
