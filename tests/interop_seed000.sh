#!/bin/sh
# Seed 000's Linksys walk, live: strongSwan's charon in a namespace as the
# Linksys WAG54G (200.100.1.1, Site A's LAN 172.18.30.0/24 on its lo)
# offers the WAG54G's four Main Mode proposals in the seed's order —
# 3DES/SHA/group 2, DES/MD5/group 1, 3DES/SHA/group 2, 3DES/MD5/group 2,
# 86400 s — to iosh running SITEB's configuration (labs/seed-000/SITEB.cfg
# as its startup-config; Fa0/1 200.56.4.1 on tap0, Fa1/0 on tap1), which
# answers as the 3725 did.  Asserted:
#  - iosh's `debug crypto isakmp` and `debug crypto ipsec`, from
#    "received packet ... NEW SA" to the last "sa created", against the
#    seed's (golden/crypto/seed000-siteb.debug: the seed's lines with its
#    prose left out, the lines the document glued together split, its
#    "…" as IOS's "...", "getting spi ... for SA" / "from ..." joined as
#    seed 002's test does), line by line: both through seed 002's
#    normalization (tests/ike_seed002.sed: timestamps, conn-ids, SPIs,
#    M-IDs, addresses of structures, runs of blanks), differing by
#    exactly golden/crypto/seed000-siteb.diff.  The walk itself — every
#    transform against priorities 1 to 3 refused for the seed's reason,
#    transform 1 accepted by priority 4 — is the seed's line for line but
#    for the order of two attributes.  The known differences:
#      - strongSwan is not the WAG54G: its MM1 carries vendor IDs (DPD,
#        NAT-T RFC 3947 and v2, two iosh does not name: 10 lines) and
#        each transform's group before its authentication method (iosh,
#        as IOS, prints the attributes in the order they come: "auth
#        pre-share" after "default group", 16 transforms); so iosh's MM2
#        carries NAT-T's ("constructed NAT-T vendor-rfc3947 ID");
#      - strongSwan's kernel-libipsec claims a NAT: NAT-D in MM3/MM4
#        (4 lines), MM5 on (the ISAKMP and Quick Mode packets) on 4500,
#        and Quick Mode's encapsulation 3 (Tunnel-UDP), the authenticator
#        first; its MM5 ID says UDP/500 (the WAG54G's 0/0) and carries
#        INITIAL-CONTACT ("Process initial contact", 3 lines);
#      - the WAG54G offered PFS group 2 in Quick Mode (the seed's "group
#        is 2" and QM's "processing KE payload", though its text says PFS
#        off); strongSwan is configured without PFS, as the seed's map;
#      - MM3's key search ("Looking for a matching key ... : success"):
#        iosh looks the key up once, at MM1, and keeps that copy (issue
#        14); IOS 12.3 prints "peer matches *none* of the profiles" again
#        after authenticating, iosh once; "SA authentication status:
#        authenticated" on one line (seed 002's document prints it so);
#      - phase 2 lifetimes: iosh holds the SAs to its own 3600 s /
#        4608000 kB and says so ("Responder lifetime"), as in seed 002's
#        list, where the seed's 12.3(6) took the WAG54G's 86400 s; the
#        key engine's flags (0x22/23/2B there, 0x2/A in iosh), the
#        outbound "(proxy ...)" on its own line and IPSEC(kei_proxy)
#        twice per key-engine message, as seed 004's list;
#      - "crypto_ipsec_sa_find_ident_head: reconnecting with the same
#        proxies": the seed's router had older SAs for these proxies,
#        iosh none.
#  - phase 1 and Quick Mode complete on the crypto map's sixth entry and a
#    ping from 172.18.30.1 to SITEB's inside address 192.168.100.1 passes
#    the tunnel (3/3), counted in SITEB's SA.
# The lab's one edit for this peer: strongSwan's kernel-libipsec sends
# only ESP in UDP (it claims a NAT), so the Firewall ACL admits UDP 4500
# (`35 permit udp host 200.100.1.1 host 200.56.4.1 eq non500-isakmp`); the
# seed's Linksys sent plain ESP.  One strongSwan start.  Needs root,
# namespaces, TUN/TAP and strongSwan (setup.sh installs it); skips (77)
# without them.
set -u
. "${top_srcdir:-.}/tests/interop_lib.sh"
srcdir=$(cd "${top_srcdir:-.}" && pwd -P)

ip netns add "$ns" 2>/dev/null || skip "no netns"
in_ns ip link set lo up || fail "lo up"
in_ns ip addr add 200.100.1.1/32 dev lo || fail "200.100.1.1"
in_ns ip addr add 172.18.30.1/32 dev lo || fail "172.18.30.1"
for t in tap0 tap1; do
	in_ns ip tuntap add dev $t mode tap || skip "no tuntap"
	in_ns ip link set $t up || fail "$t up"
done
in_ns ip addr add 200.56.4.2/30 dev tap0 || fail "200.56.4.2"
mkdir -p "$D/nv" && cp "$srcdir/labs/seed-000/SITEB.cfg" \
    "$D/nv/startup-config" || exit 99
ss_charon
iosh_spawn --attach FastEthernet0/1=tap:tap0 \
    --attach FastEthernet1/0=tap:tap1
send enable "terminal length 0" "configure terminal" \
    "ip access-list extended Firewall" \
    " 35 permit udp host 200.100.1.1 host 200.56.4.1 eq non500-isakmp" \
    "end"
m=$(mark)
send "ping 200.56.4.2 repeat 2"
wait_for "^Success rate is" "$m" 15 || fail "ping 200.56.4.2"

# The WAG54G: its four proposals in the seed's order, 86400 s both
# phases, the seed's key and LANs, no PFS.
SS_LOCAL=200.100.1.1 SS_REMOTE=200.56.4.1 SS_LIFE=86400 ss_conns \
    "3des-sha1-modp1024, des-md5-modp768, 3des-sha1-modp1024, 3des-md5-modp1024" \
    3des-sha1 thisisasecretpassword 172.18.30.0/24 192.168.100.0/24
send "debug crypto isakmp" "debug crypto ipsec"
m=$(mark)
swan --initiate --child lab >"$D/initiate.out" 2>&1 ||
    fail "initiate: $(cat "$D/initiate.out")"
wait_for "IKE_QM_PHASE2_COMPLETE" "$m" 15 || fail "no Quick Mode"
sleep 0.5
since "$m" >"$D/debug.raw"
send "undebug all"
in_ns ping -c 3 -i 0.3 -W 2 -I 172.18.30.1 192.168.100.1 >"$D/ping" 2>&1
grep -q " 3 received" "$D/ping" || fail "ping through the tunnel: $(cat "$D/ping")"
m=$(mark)
send "show crypto ipsec sa" "show version | include uptime"
wait_for "uptime" "$m" 10 || fail "show crypto ipsec sa"
since "$m" >"$D/ipsa"
for line in '    Crypto map tag: IPSEC, local addr. 200.56.4.1' \
    '   remote ident (addr/mask/prot/port): (172.18.30.0/255.255.255.0/0/0)' \
    '   current_peer: 200.100.1.1:4500' \
    '    #pkts encaps: 3, #pkts encrypt: 3, #pkts digest 3' \
    '    #pkts decaps: 3, #pkts decrypt: 3, #pkts verify 3' \
    '        in use settings ={Tunnel UDP-Encaps, }'; do
	grep -qxF "$line" "$D/ipsa" || fail "no '$line' in $(cat "$D/ipsa")"
done

# The walk: both transcripts from the first message to the last SA made,
# timestamps (the seed's "Feb  6 21:43:04.394 GMT: ", iosh's uptime)
# and console messages out, then seed 002's normalization.
norm() {
	sed -e 's/^[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:.]* GMT: //' \
	    -e 's/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]: //' |
	    grep -v '^%' | sed -f "$srcdir/tests/ike_seed002.sed" |
	    grep -v '^$'
}
sed -n '/received packet from 200.100.1.1 dport 500 sport 500 Global (N) NEW SA/,$p' \
    "$D/debug.raw" | norm | sed '/sa_conn_id= # *$/{x;s/^/x/;/^xx$/{x;q};x}' \
    >"$D/ours"
norm <"$srcdir/golden/crypto/seed000-siteb.debug" >"$D/seed"
diff "$D/seed" "$D/ours" >"$D/walk.diff"
cmp -s "$D/walk.diff" "$srcdir/golden/crypto/seed000-siteb.diff" || {
	diff "$srcdir/golden/crypto/seed000-siteb.diff" "$D/walk.diff"
	fail "iosh's walk against seed 000's: an unexpected difference"
}
echo "seed 000 Linksys walk: $(wc -l <"$D/seed") seed lines," \
    "$(wc -l <"$D/ours") iosh lines, only the" \
    "$(grep -c '^[<>]' "$D/walk.diff") known differing lines; ping 3/3"
exit 0
