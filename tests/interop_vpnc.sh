#!/bin/bash
# vpnc (the Cisco VPN Client's open implementation) against iosh as seed
# 002's remote-access hub: Aggressive Mode with the group name (ID_KEY_ID
# testgroup) and the group's key, XAUTH against `aaa authentication login
# clientauth local` and `username`, mode-config handing out an address
# of `ip local pool ippool`, then Quick Mode through the dynamic map:
#
#   iosh R1: Fa0/0 12.1.1.1 on tap0, Loopback0 1.1.1.1 (the inside host)
#   vpnc in a namespace: tap0 12.1.1.2, its tun device gets 10.5.5.x
#
# Asserted: vpnc's script is given 10.5.5.1 with the group's DNS, WINS
# and domain; Linux pings 1.1.1.1 from 10.5.5.1 through the tunnel; the
# hub's debug keeps seed 002's XAUTH and mode-config lines and states;
# `show crypto isakmp sa [detail]` and `show crypto session` list the
# client.  `clear crypto session`: the hub sends the deletes, keeps no SA,
# the address returns to the pool (vpnc itself stays up: see there).
# Then a wrong password: the hub asks three times, tells vpnc STATUS 0
# and deletes the SA; vpnc gives up.  A pool of one address: the first
# client holds it, a second is refused, the first leaves and the second
# gets the same address (`show ip local pool ippool` at each step).  A
# wrong group key: vpnc cannot verify AM2 and exits 2, the hub drops the
# SA after its AM2 retransmissions (about 50 s), no address taken.
# vpnc runs with `--natt-mode none` (plain ESP on the tap: attachment).
#
# Needs root, namespaces, TUN/TAP and vpnc; skips (77) without them.

. "${top_srcdir:-.}/tests/interop_lib.sh"
. "${top_srcdir:-.}/tests/vpnc_lib.sh"

# tests/interop_vpnc_natt.sh runs all of it with NAT-T forced: IKE moves
# to 4500 after Aggressive Mode, ESP goes in UDP, Cap. gains N.
natt=${VPNC_NATT:-none}
if [ "$natt" = none ]; then
	port=500 caps=CX
else
	port=4500 caps=CNX
fi

# `show ip local pool ippool`'s table row: END of its range, its Free
# and In use counts (LABEL names the step).
pool_row() {
	local m
	m=$(mark)
	send "show ip local pool ippool"
	wait_for "^Inuse addresses:" "$m" 10 || fail "show ip local pool ($4)"
	sleep 0.2
	since "$m" | grep -q "^ ippool                   10\.5\.5\.1 *${1//./\\.} *$2 *$3\$" ||
	    fail "show ip local pool ippool $4: want $2 free, $3 in use: $(since "$m")"
}

ns_start
iosh_start
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
    " client configuration address respond" \
    "crypto ipsec transform-set myset esp-aes esp-sha-hmac" \
    "crypto dynamic-map dynmap 10" " set transform-set myset" \
    " set isakmp-profile VPNclient" " reverse-route" \
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap" \
    "ip local pool ippool 10.5.5.1 10.5.5.10" \
    "interface FastEthernet0/0" " crypto map mymap" "end"
send "debug crypto isakmp" "debug crypto ipsec"

vpnc_files "$natt" 1.1.1.1/32
m=$(mark)
ip netns exec "$ns" timeout 120 stdbuf -oL vpnc --no-detach --debug 2 \
    --pid-file "$D/vpnc.pid" --script "$D/script.sh" \
    "$D/vpnc.conf" >"$D/vpnc.log" 2>&1 &
for i in $(seq 1 100); do
	[ -f "$D/env.connect" ] && break
	sleep 0.1
done
[ -f "$D/env.connect" ] || fail "vpnc did not connect: $(tail -20 "$D/vpnc.log")"
grep -q "^INTERNAL_IP4_ADDRESS=10.5.5.1$" "$D/env.connect" ||
    fail "address: $(cat "$D/env.connect")"
grep -q "^INTERNAL_IP4_DNS=1.1.1.1 2.2.2.2$" "$D/env.connect" ||
    fail "DNS: $(cat "$D/env.connect")"
grep -q "^INTERNAL_IP4_NBNS=3.3.3.3 4.4.4.4$" "$D/env.connect" ||
    fail "WINS: $(cat "$D/env.connect")"
grep -q "^CISCO_DEF_DOMAIN=cisco.com$" "$D/env.connect" ||
    fail "domain: $(cat "$D/env.connect")"
sleep 0.5
in_ns ping -c 3 -W 2 -I 10.5.5.1 1.1.1.1 >"$D/lping" 2>&1
grep -q " 3 received" "$D/lping" || fail "ping through vpnc: $(cat "$D/lping")"
for line in \
    'peer matches VPNclient profile$' \
    'Old State = IKE_R_AM2  New State = IKE_P1_COMPLETE$' \
    'Need XAUTH$' \
    'Old State = IKE_P1_COMPLETE  New State = IKE_XAUTH_AAA_START_LOGIN_AWAIT$' \
    ': ISAKMP/xauth: request attribute XAUTH_USER_NAME_V2$' \
    ': ISAKMP/xauth: request attribute XAUTH_USER_PASSWORD_V2$' \
    'Old State = IKE_XAUTH_AAA_START_LOGIN_AWAIT  New State = IKE_XAUTH_REQ_SENT$' \
    ': ISAKMP: Config payload REPLY$' \
    ': ISAKMP/xauth: reply attribute XAUTH_USER_NAME_V2$' \
    'Old State = IKE_XAUTH_REQ_SENT  New State = IKE_XAUTH_AAA_CONT_LOGIN_AWAIT$' \
    'Old State = IKE_XAUTH_AAA_CONT_LOGIN_AWAIT  New State = IKE_XAUTH_SET_SENT$' \
    ': ISAKMP: Config payload ACK$' \
    'XAUTH ACK Processed$' \
    'Old State = IKE_XAUTH_SET_SENT  New State = IKE_P1_COMPLETE$' \
    ': ISAKMP: Config payload REQUEST$' \
    ': ISAKMP: IP4_ADDRESS$' \
    'allocating address 10.5.5.1$' \
    ': ISAKMP: Sending private address: 10.5.5.1$' \
    ': ISAKMP: Sending IP4_DNS server address: 2.2.2.2$' \
    ': ISAKMP: Sending IP4_NBNS server address: 4.4.4.4$' \
    ': ISAKMP: Sending DEFAULT_DOMAIN default domain name: cisco.com$' \
    'Old State = IKE_CONFIG_AUTHOR_AAA_AWAIT  New State = IKE_P1_COMPLETE$' \
    'Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE$'; do
	since "$m" | grep -Eq "$line" || fail "debug line missing: $line"
done
send "undebug all"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
since "$m" | grep -q "^12.1.1.1        12.1.1.2        QM_IDLE" ||
    fail "show crypto isakmp sa: $(since "$m")"
m=$(mark)
send "show crypto isakmp sa detail" "show crypto session"
wait_for "Active SAs: " "$m" 10 || fail "show commands"
since "$m" >"$D/show"
# Caps: mode-config (C), XAUTH (X); no D, vpnc offers DPD but the hub has
# no keepalive.  Auth is blank for XAUTHInitPreShared, as seed 002 shows.
grep -Eq "^1001  12.1.1.1        12.1.1.2               ACTIVE aes  sha         2  23:59:[0-9]{2} $caps *$" "$D/show" ||
    fail "show crypto isakmp sa detail: $(cat "$D/show")"
for line in '^Interface: FastEthernet0/0$' '^Session status: UP-ACTIVE' \
    "^Peer: 12.1.1.2 port $port" \
    "^  IKEv1 SA: local 12.1.1.1/$port remote 12.1.1.2/$port Active" \
    '^  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 host 10.5.5.1 $'; do
	grep -Eq "$line" "$D/show" || fail "show crypto session: $line"
done

# The client in full: `show crypto session detail` with its user,
# profile, group and assigned address, `show crypto isakmp peers` with
# its group as phase 1 id, `show ip local pool ippool` with the address
# it holds (uptime, lifetimes, SA counters and the C-id masked).
m=$(mark)
send "show crypto session detail" "show crypto isakmp peers" \
    "show ip local pool ippool"
wait_for "^Inuse addresses:" "$m" 10 || fail "show commands (2)"
sleep 0.3
since "$m" | sed -e '/^R1#/d' -e '/^show /d' -e '/^$/d' \
    -e 's/^Uptime: [0-9:]*$/Uptime: T/' \
    -e 's/connid:[0-9]* lifetime:[0-9:]*$/connid:N lifetime:T/' \
    -e "s/#pkts \(dec\|enc\)'ed [0-9]* drop [0-9]* life (KB\/Sec) [0-9]*\/[0-9]*$/#pkts \1'ed N drop D life (KB\/Sec) K\/S/" \
    >"$D/show2"
cat >"$D/want2" <<EOW
Crypto session current status
Code: C - IKE Configuration mode, D - Dead Peer Detection     
K - Keepalives, N - NAT-traversal, T - cTCP encapsulation     
X - IKE Extended Authentication, F - IKE Fragmentation
Interface: FastEthernet0/0
Username: vpnuser
Profile: VPNclient
Group: testgroup
Assigned address: 10.5.5.1
Uptime: T
Session status: UP-ACTIVE     
Peer: 12.1.1.2 port $port fvrf: (none) ivrf: (none)
      Phase1_id: testgroup
      Desc: (none)
  IKEv1 SA: local 12.1.1.1/$port remote 12.1.1.2/$port Active 
          Capabilities:$caps connid:N lifetime:T
  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 host 10.5.5.1 
        Active SAs: 2, origin: dynamic crypto map
        Inbound:  #pkts dec'ed N drop D life (KB/Sec) K/S
        Outbound: #pkts enc'ed N drop D life (KB/Sec) K/S
Peer: 12.1.1.2 Port: $port Local: 12.1.1.1
 Phase1 id: testgroup
 Pool                     Begin           End             Free  In use
 ippool                   10.5.5.1        10.5.5.10          9       1
Available addresses:
            10.5.5.2                         
            10.5.5.3                         
            10.5.5.4                         
            10.5.5.5                         
            10.5.5.6                         
            10.5.5.7                         
            10.5.5.8                         
            10.5.5.9                         
           10.5.5.10                         
Inuse addresses:
            10.5.5.1       IKE Addr IDB      vpnuser
EOW
diff -u "$D/want2" "$D/show2" >"$D/diff2" ||
    fail "show crypto session detail / isakmp peers / ip local pool: $(cat "$D/diff2")"

# --- clear crypto session: the hub drops the client's IPsec SAs and its
# ISAKMP SA and tells it so, as IOS, the ESP delete and then the ISAKMP
# delete; the address goes back to the pool.  vpnc does not end on them:
# it takes the delete of its ESP SA for a rekey and starts a new Quick
# Mode (tunip.c process_late_ike), in whose wait the ISAKMP delete is
# "got delete for old connection, ignoring.." — it stays up, resending
# QM1 to a hub that has no SA, and keeps port 500 (a next vpnc would
# fail with "Address already in use").  That is vpnc's behaviour: the
# test ends it by its pid once the deletes are seen.
vpid=$(cat "$D/vpnc.pid")
send "debug crypto isakmp"
m=$(mark)
send "clear crypto session"
for i in $(seq 1 100); do
	grep -q "got delete for old connection, ignoring" "$D/vpnc.log" && break
	sleep 0.1
done
grep -q "got delete for old connection, ignoring" "$D/vpnc.log" ||
    fail "vpnc did not get the ISAKMP delete: $(tail -20 "$D/vpnc.log")"
[ "$(since "$m" | grep -c ': ISAKMP:(1001): sending packet to 12\.1\.1\.2 my_port '"$port"' peer_port '"$port"' (R) QM_IDLE$')" -eq 2 ] ||
    fail "clear crypto session: not two deletes sent: $(since "$m")"
send "undebug all"
pool_row 10.5.5.10 10 0 "after clear crypto session"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
! since "$m" | grep -q "12.1.1.2" ||
    fail "an SA left after clear crypto session: $(since "$m")"
# Left alone it gives up after 30 s ("no response from target"); in that
# wait it does not look at SIGTERM, so it is killed outright.
kill -0 "$vpid" 2>/dev/null || fail "vpnc ended on the deletes (it did not before)"
kill -KILL "$vpid"
for i in $(seq 1 50); do
	kill -0 "$vpid" 2>/dev/null || break
	sleep 0.1
done
! kill -0 "$vpid" 2>/dev/null || fail "vpnc did not end"

# --- A wrong password: IOS asks again (3 tries in all), then tells the
# client it failed (STATUS 0) and deletes the SA; vpnc gives up.
sed -i 's/^Xauth password cisco123$/Xauth password wrong/' "$D/vpnc.conf"
send "debug crypto isakmp"
m=$(mark)
printf "wrong2\nwrong3\nwrong4\n" >"$D/pw"
ip netns exec "$ns" timeout 60 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc2.pid" --script "$D/script.sh" \
    "$D/vpnc.conf" <"$D/pw" >"$D/vpnc2.log" 2>&1
rc=$?
[ "$rc" -ne 0 ] && grep -q "authentication unsuccessful" "$D/vpnc2.log" ||
    fail "vpnc with a wrong password (exit $rc): $(tail -5 "$D/vpnc2.log")"
[ "$(since "$m" | grep -c '%CRYPTO-6-IKMP_NOT_AUTHENTICATED: XAUTH user vpnuser from 12.1.1.2 failed$')" -eq 3 ] ||
    fail "three failed logins: $(since "$m" | grep CRYPTO)"
[ "$(since "$m" | grep -c 'request attribute XAUTH_USER_PASSWORD_V2$')" -eq 3 ] ||
    fail "three XAUTH requests"
since "$m" | grep -q 'deleting SA reason "XAUTH failed" state (R) QM_IDLE (peer 12.1.1.2)$' ||
    fail "the SA was not deleted after the last try"
send "undebug all"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
! since "$m" | grep -q "12.1.1.2" ||
    fail "an SA left after XAUTH failed: $(since "$m")"

# --- The pool down to one address: the first client gets it back (the
# cleared SAs returned it), a second client from 12.1.1.3 finds the pool
# exhausted and is refused with a delete; no SA of its stays.
send "configure terminal" "no ip local pool ippool" \
    "ip local pool ippool 10.5.5.1" "end"
in_ns ip addr add 12.1.1.3/24 dev tap0 || fail "12.1.1.3"
sed -i 's/^Xauth password wrong$/Xauth password cisco123/' "$D/vpnc.conf"
rm -f "$D/env.connect"
ip netns exec "$ns" timeout 120 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc.pid" --script "$D/script.sh" --ifname tun1 \
    "$D/vpnc.conf" >"$D/vpnc.log" 2>&1 &
for i in $(seq 1 100); do
	grep -q "^INTERNAL_IP4_ADDRESS=" "$D/env.connect" 2>/dev/null && break
	sleep 0.1
done
grep -q "^INTERNAL_IP4_ADDRESS=10.5.5.1$" "$D/env.connect" 2>/dev/null ||
    fail "10.5.5.1 not given back: $(grep INTERNAL_ "$D/env.connect" 2>/dev/null)"
pool_row 10.5.5.1 0 1 "held by the first client"
send "debug crypto isakmp"
m=$(mark)
ip netns exec "$ns" timeout 60 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc3.pid" --script "$D/script.sh" --ifname tun2 \
    --local-addr 12.1.1.3 "$D/vpnc.conf" </dev/null >"$D/vpnc3.log" 2>&1
rc=$?
[ "$rc" -ne 0 ] || fail "a client past the pool's end connected"
since "$m" | grep -q 'deleting SA reason "no address in the pool" state (R) QM_IDLE (peer 12.1.1.3)$' ||
    fail "the second client was not refused: $(since "$m" | tail -20)"
send "undebug all"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
! since "$m" | grep -q "12.1.1.3" ||
    fail "an SA left for the refused client: $(since "$m")"
since "$m" | grep -q "^12.1.1.1        12.1.1.2        QM_IDLE" ||
    fail "the first client's SA went: $(since "$m")"
pool_row 10.5.5.1 0 1 "after the second client was refused"

# --- The handover: the first client leaves (vpnc, told to end, deletes
# its SAs at the hub), its address goes back, and the second client now
# gets that same 10.5.5.1.
vpid=$(cat "$D/vpnc.pid")
send "debug crypto isakmp"
m=$(mark)
kill "$vpid"
for i in $(seq 1 50); do
	kill -0 "$vpid" 2>/dev/null || break
	sleep 0.1
done
! kill -0 "$vpid" 2>/dev/null || fail "the first vpnc did not end"
wait_for 'deleting SA reason .* \(peer 12\.1\.1\.2\)$' "$m" 10 ||
    fail "the hub did not delete the first client's SA: $(since "$m" | tail -20)"
send "undebug all"
pool_row 10.5.5.1 1 0 "after the first client left"
rm -f "$D/env.connect"
ip netns exec "$ns" timeout 120 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc5.pid" --script "$D/script.sh" --ifname tun2 \
    --local-addr 12.1.1.3 "$D/vpnc.conf" </dev/null >"$D/vpnc5.log" 2>&1 &
# (The script writes env.connect as it runs: wait for its address line.)
for i in $(seq 1 100); do
	grep -q "^INTERNAL_IP4_ADDRESS=" "$D/env.connect" 2>/dev/null && break
	sleep 0.1
done
grep -q "^INTERNAL_IP4_ADDRESS=10.5.5.1$" "$D/env.connect" 2>/dev/null ||
    fail "the second client did not get 10.5.5.1: $(grep INTERNAL_ "$D/env.connect" 2>/dev/null; tail -5 "$D/vpnc5.log")"
pool_row 10.5.5.1 0 1 "held by the second client"
m=$(mark)
send "show ip local pool ippool"
wait_for "^Inuse addresses:" "$m" 10 || fail "show ip local pool"
sleep 0.2
since "$m" | grep -q "^            10\.5\.5\.1       IKE Addr IDB      vpnuser$" ||
    fail "show ip local pool: $(since "$m")"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
since "$m" | grep -q "^12.1.1.1        12.1.1.3        QM_IDLE" ||
    fail "the second client has no SA: $(since "$m")"
! since "$m" | grep -q "12.1.1.2" || fail "the first client's SA stayed"
vpid=$(cat "$D/vpnc5.pid")
kill "$vpid"
for i in $(seq 1 50); do
	kill -0 "$vpid" 2>/dev/null || break
	sleep 0.1
done
! kill -0 "$vpid" 2>/dev/null || fail "the second vpnc did not end"
sleep 0.5
pool_row 10.5.5.1 1 0 "after the second client left"

# --- An unknown group: no key for it, the offer refused, nothing kept.
sed -i 's/^IPSec ID testgroup$/IPSec ID nogroup/' "$D/vpnc.conf"
send "debug crypto isakmp"
m=$(mark)
ip netns exec "$ns" timeout 60 vpnc --no-detach --debug 1 \
    --pid-file "$D/vpnc4.pid" --script "$D/script.sh" --ifname tun3 \
    --local-addr 12.1.1.3 "$D/vpnc.conf" </dev/null >"$D/vpnc4.log" 2>&1 &&
    fail "vpnc connected with an unknown group"
since "$m" | grep -q 'No pre-shared key with 12.1.1.3!$' ||
    fail "unknown group: $(since "$m" | tail -20)"
since "$m" | grep -q 'phase 1 SA policy not acceptable! (local 12.1.1.1 remote 12.1.1.3)$' ||
    fail "unknown group not refused"
send "undebug all"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
! since "$m" | grep -q "12.1.1.3" ||
    fail "an SA left for the unknown group: $(since "$m")"

# --- A wrong group key (plain run only: it fails before NAT-T would
# float): the hub answers AM1 with AM2 under its key; vpnc cannot verify
# the hub's HASH_R and gives up at once, sending nothing more; the hub,
# in IKE_R_AM2 without AM3, resends AM2 (5 times, 10 s apart) and then
# drops the SA ("Death by retransmission P1"); no pool address is taken.
if [ "$natt" = none ]; then
	sed -i -e 's/^IPSec ID nogroup$/IPSec ID testgroup/' \
	    -e 's/^IPSec secret cisco321$/IPSec secret wrongkey/' "$D/vpnc.conf"
	send "debug crypto isakmp"
	m=$(mark)
	ip netns exec "$ns" timeout 60 vpnc --no-detach --debug 1 \
	    --pid-file "$D/vpnc6.pid" --script "$D/script.sh" --ifname tun4 \
	    "$D/vpnc.conf" </dev/null >"$D/vpnc6.log" 2>&1
	rc=$?
	[ "$rc" -eq 2 ] && grep -q "^vpnc: hash comparison failed:  (ISAKMP_N_AUTHENTICATION_FAILED)(24)$" "$D/vpnc6.log" &&
	    grep -q "^check group password!$" "$D/vpnc6.log" ||
	    fail "vpnc with a wrong group key (exit $rc): $(tail -5 "$D/vpnc6.log")"
	wait_for "Old State = IKE_R_AM_AAA_AWAIT  New State = IKE_R_AM2\$" "$m" 10 ||
	    fail "the hub did not answer AM1"
	pool_row 10.5.5.1 1 0 "after a wrong group key"
	# About 50 s of the hub's retransmissions (the frozen-clock version of
	# this is check_am's test_am_wrong_key).
	wait_for 'deleting SA reason "Death by retransmission P1" state \(R\) AG_INIT_EXCH \(peer 12\.1\.1\.2\)$' "$m" 75 ||
	    fail "the hub kept retransmitting AM2: $(since "$m" | tail -20)"
	[ "$(since "$m" | grep -c 'retransmitting phase 1 AG_INIT_EXCH$')" -eq 5 ] ||
	    fail "not 5 AM2 retransmissions: $(since "$m" | grep retransmitting)"
	! since "$m" | grep -q "New State = IKE_P1_COMPLETE" ||
	    fail "phase 1 completed with a wrong group key"
	send "undebug all"
	m=$(mark)
	send "show crypto isakmp sa"
	wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
	! since "$m" | grep -q "12.1.1.2" ||
	    fail "an SA left after the wrong group key: $(since "$m")"
	pool_row 10.5.5.1 1 0 "after the wrong group key's SA went"
	wrongkey="; a wrong group key: vpnc gives up, the hub drops its SA after 5 AM2 retransmissions"
fi

echo "PASS ($natt): vpnc got 10.5.5.1 through XAUTH and mode-config, pinged 1.1.1.1; a wrong password: 3 tries, SA deleted; an exhausted pool refuses the second client, which gets 10.5.5.1 once the first leaves; clear crypto session; an unknown group is refused${wrongkey:-}"
