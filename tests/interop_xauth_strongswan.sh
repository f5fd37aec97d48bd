#!/bin/bash
# strongSwan (charon 5.9, kernel-libipsec) as a remote-access client of
# iosh as seed 002's hub: IKEv1 Aggressive Mode as group testgroup
# (ID_KEY_ID, key cisco321), XAUTH as the hub's `username vpnuser`, and
# mode-config pull (vips = 0.0.0.0: charon sends the REQUEST) for an
# address of `ip local pool ippool`; Quick Mode through the dynamic map
# `dynmap` / profile VPNclient.  In ipsec.conf words: aggressive=yes,
# authby=xauthpsk, xauth=client, leftid=keyid:testgroup,
# leftsourceip=%config.  kernel-libipsec speaks only ESP-in-UDP, so the
# connection has encap = yes (NAT-T forced: IKE moves to 4500).
#
#   iosh R1: Fa0/0 12.1.1.1 on tap0, Loopback0 1.1.1.1 (the inside host)
#   charon in a namespace: tap0 12.1.1.2, virtual IP 10.5.5.1
#
# As in the seed, the hub's replies to the client find the crypto map by
# its default route out of Fa0/0 (no reverse-route).
#
# Asserted: charon is given 10.5.5.1; Linux pings 1.1.1.1 from it 5
# times through the tunnel; the hub's debug has seed 002's XAUTH and
# mode-config lines; the hub's `show crypto ipsec sa` counts the 5 echo
# requests decapsulated and the 5 replies encapsulated on the
# 10.5.5.1 flow, in UDP port 4500; `show crypto isakmp sa detail` has
# Cap. CNX (no D: the hub has no keepalive).  Then the client leaves and the hub keeps no SA.
#
# With SS_PUSH=1 (tests/interop_xauth_strongswan_push.sh) the profile
# says `client configuration address initiate` and charon has pull = no:
# after XAUTH the hub pushes the address in a SET and waits for the ACK.
#
# Needs root, namespaces, TUN/TAP and strongSwan; skips (77) without.

. "${top_srcdir:-.}/tests/interop_lib.sh"

fail() {
	echo "FAIL: $*"
	echo "--- iosh"; tail -60 "$D/out"
	echo "--- charon"; tail -30 "$D/charon.log" 2>/dev/null
	# KEEP=dir keeps the whole logs of a failed run.
	[ -n "${KEEP:-}" ] && cp "$D/out" "$D/charon.log" "$KEEP/" 2>/dev/null
	exit 1
}

# The XAUTH client (xauth-generic: the password from the secrets) and
# the mode-config/Unity attribute handlers.
SS_PLUGINS="attr unity xauth-generic"
[ -f /usr/lib/ipsec/plugins/libstrongswan-xauth-generic.so ] ||
    skip "libcharon-extauth-plugins (xauth-generic) missing"
if [ -n "${SS_PUSH:-}" ]; then
	cfgmode=initiate pull=no pull_word=push
else
	cfgmode=respond pull=yes pull_word=pull
fi
ss_start

send "configure terminal" \
    "aaa new-model" \
    "aaa authentication login clientauth local" \
    "aaa authorization network groupauthor local" \
    "username vpnuser password 0 cisco123" \
    "crypto isakmp policy 10" " encryption aes" " hash sha" \
    " authentication pre-share" " group 2" \
    "crypto isakmp client configuration group testgroup" \
    " key cisco321" " dns 1.1.1.1 2.2.2.2" " wins 3.3.3.3 4.4.4.4" \
    " domain cisco.com" " pool ippool" \
    "crypto isakmp profile VPNclient" " match identity group testgroup" \
    " client authentication list clientauth" \
    " isakmp authorization list groupauthor" \
    " client configuration address $cfgmode" \
    "crypto ipsec transform-set myset esp-aes esp-sha-hmac" \
    "crypto dynamic-map dynmap 10" " set transform-set myset" \
    " set isakmp-profile VPNclient" \
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap" \
    "ip local pool ippool 10.5.5.1 10.5.5.10" \
    "interface FastEthernet0/0" " crypto map mymap" \
    "ip route 0.0.0.0 0.0.0.0 12.1.1.2" "end"

cat >"$D/swanctl.conf" <<EOC
connections {
    lab {
        version = 1
        aggressive = yes
        local_addrs = 12.1.1.2
        remote_addrs = 12.1.1.1
        proposals = aes128-sha1-modp1024
        encap = yes
        vips = 0.0.0.0
        pull = $pull
        dpd_delay = 0s
        rekey_time = 0s
        local {
            auth = psk
            id = keyid:testgroup
        }
        local-xauth {
            auth = xauth
            xauth_id = vpnuser
        }
        remote {
            auth = psk
            id = 12.1.1.1
        }
        children {
            lab {
                mode = tunnel
                remote_ts = 1.1.1.1/32
                esp_proposals = aes128-sha1
                rekey_time = 0s
                start_action = none
            }
        }
    }
}
secrets {
    ike-group {
        id-1 = keyid:testgroup
        id-2 = 12.1.1.1
        secret = cisco321
    }
    xauth-user {
        id = vpnuser
        secret = cisco123
    }
}
EOC
swan --load-all --clear --file "$D/swanctl.conf" >"$D/load.out" 2>&1 ||
    fail "swanctl --load-all: $(cat "$D/load.out")"

send "debug crypto isakmp" "debug crypto ipsec"
m=$(mark)
swan --initiate --child lab >"$D/initiate" 2>&1 ||
    fail "swanctl --initiate: $(tail -20 "$D/initiate")"
grep -q "initiating Aggressive Mode IKE_SA" "$D/initiate" ||
    fail "not Aggressive Mode: $(cat "$D/initiate")"
grep -q "XAuth authentication of 'vpnuser' (myself) successful" \
    "$D/initiate" || fail "XAUTH: $(cat "$D/initiate")"
grep -q "installing new virtual IP 10.5.5.1" "$D/initiate" ||
    fail "no virtual IP: $(cat "$D/initiate")"
for line in \
    'peer matches VPNclient profile$' \
    'Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE$' \
    'Old State = IKE_P1_COMPLETE  New State = IKE_XAUTH_AAA_START_LOGIN_AWAIT$' \
    ': ISAKMP/xauth: request attribute XAUTH_USER_NAME_V2$' \
    ': ISAKMP/xauth: request attribute XAUTH_USER_PASSWORD_V2$' \
    'Old State = IKE_XAUTH_AAA_CONT_LOGIN_AWAIT  New State = IKE_XAUTH_SET_SENT$' \
    'XAUTH ACK Processed$' \
    'allocating address 10.5.5.1$' \
    ': ISAKMP: Sending private address: 10.5.5.1$' \
    'Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE$'; do
	since "$m" | grep -Eq "$line" || fail "debug line missing: $line"
done
if [ -n "${SS_PUSH:-}" ]; then
	# The SET goes unasked, with the group's servers and domain; the
	# client's ACK ends the transaction; no REQUEST is seen.
	lines=(': ISAKMP: set new node -?[0-9]+ to CONF_ADDR$'
	    'Old State = IKE_P1_COMPLETE  New State = IKE_CONFIG_AUTHOR_AAA_AWAIT$'
	    ': ISAKMP: Sending IP4_DNS server address: 1\.1\.1\.1$'
	    ': ISAKMP: Sending IP4_NBNS server address: 4\.4\.4\.4$'
	    ': ISAKMP: Sending DEFAULT_DOMAIN default domain name: cisco\.com$'
	    'initiating peer config to 12\.1\.1\.2\. ID = -?[0-9]+$'
	    'Old State = IKE_CONFIG_AUTHOR_AAA_AWAIT  New State = IKE_CONFIG_MODE_SET_SENT$'
	    ': ISAKMP: Config payload ACK$'
	    'Old State = IKE_CONFIG_MODE_SET_SENT  New State = IKE_P1_COMPLETE$')
	! since "$m" | grep -q 'Config payload REQUEST' ||
	    fail "push mode: the client sent a REQUEST"
else
	lines=(': ISAKMP: Config payload REQUEST$' ': ISAKMP: IP4_ADDRESS$'
	    'Old State = IKE_CONFIG_AUTHOR_AAA_AWAIT  New State = IKE_P1_COMPLETE$')
fi
for line in "${lines[@]}"; do
	since "$m" | grep -Eq "$line" || fail "debug line missing: $line"
done
send "undebug all"
sleep 0.3
in_ns ip -4 addr show >"$D/addrs"
grep -q "inet 10.5.5.1/32" "$D/addrs" || fail "10.5.5.1 not installed: $(cat "$D/addrs")"
in_ns ping -c 5 -W 2 -I 10.5.5.1 1.1.1.1 >"$D/lping" 2>&1
grep -q " 5 received" "$D/lping" || fail "ping through the tunnel: $(cat "$D/lping")"

m=$(mark)
send "show crypto ipsec sa"
wait_for "outbound pcp sas:" "$m" 10 || fail "show crypto ipsec sa"
sleep 0.3
since "$m" >"$D/ipsecsa"
for line in \
    '^   remote ident \(addr/mask/prot/port\): \(10\.5\.5\.1/255\.255\.255\.255/0/0\)$' \
    '^    #pkts encaps: 5, #pkts encrypt: 5, #pkts digest: 5$' \
    '^    #pkts decaps: 5, #pkts decrypt: 5, #pkts verify: 5$' \
    '^     local crypto endpt\.: 12\.1\.1\.1, remote crypto endpt\.: 12\.1\.1\.2$'; do
	grep -Eq "$line" "$D/ipsecsa" || fail "show crypto ipsec sa: $line"
done
grep -Eq "^   current_peer:? 12\.1\.1\.2[: ]+(port )?4500$" "$D/ipsecsa" ||
    grep -Eq 'in use settings =\{Tunnel UDP-Encaps' "$D/ipsecsa" ||
    fail "not UDP-encapsulated: $(cat "$D/ipsecsa")"
m=$(mark)
send "show crypto isakmp sa detail"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa detail"
since "$m" | grep -Eq "^1001  12\.1\.1\.1        12\.1\.1\.2               ACTIVE aes  sha         2  23:59:[0-9]{2} C.*N.*X *$" ||
    fail "show crypto isakmp sa detail: $(since "$m")"

# --- The client leaves: strongSwan deletes its SAs, the hub keeps none.
swan --terminate --ike lab >"$D/term" 2>&1 || fail "terminate: $(cat "$D/term")"
sleep 1
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
! since "$m" | grep -q "12.1.1.2 .*QM_IDLE" ||
    fail "an ISAKMP SA left: $(since "$m")"
m=$(mark)
send "show crypto ipsec sa"
wait_for "outbound pcp sas:|^$" "$m" 10
sleep 0.5
! since "$m" | grep -q "10\.5\.5\.1" || fail "an IPsec SA left: $(since "$m")"
echo "PASS${SS_PUSH:+ (push)}: strongSwan got 10.5.5.1 by XAUTH and mode-config $pull_word, 5 pings through NAT-T; the hub counted 5/5; nothing left after it left"
