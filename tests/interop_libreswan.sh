#!/bin/bash
# Phase 1 against Libreswan's pluto, an IKE-only peer here: without the
# kernel's ESP it cannot install IPsec SAs, but IKEv1 Main Mode runs —
# modp2048 (pluto refuses modp1024), 3des/md5, pre-shared key.  pluto
# initiates and iosh answers; iosh initiates and pluto answers; both times
# iosh shows QM_IDLE and pluto logs the established ISAKMP SA.
#
# Libreswan conflicts with strongSwan's packages, so ./setup.sh unpacks
# its .deb into /opt/iosh-libreswan (LIBRESWAN_ROOT) instead of
# installing it; pluto hard-codes /usr/libexec/ipsec and /run, so it runs
# in a private mount namespace with both bound over (notes/interop §9).
# Needs root, namespaces, TUN/TAP, that tree and certutil; skips (77)
# without them.  Every wait is bounded.

. "${top_srcdir:-.}/tests/interop_lib.sh"

root=${LIBRESWAN_ROOT:-/opt/iosh-libreswan}
P=$root/usr/libexec/ipsec
[ -x "$P/pluto" ] && [ -x "$P/whack" ] && command -v certutil >/dev/null ||
    skip "Libreswan tree ($root) or certutil missing"

ns_start
mkdir -p "$D/lsw/run" "$D/lsw/nss"
certutil -N -d "sql:$D/lsw/nss" --empty-password >/dev/null 2>&1 ||
    fail "certutil"
cat >"$D/lsw/ipsec.conf" <<EOF
config setup
    logfile=$D/lsw/pluto.log
    plutodebug=none
    ikev1-policy=accept
conn lab
    keyexchange=ike
    ikev2=no
    authby=secret
    left=12.1.1.2
    leftid=12.1.1.2
    leftsubnet=2.2.2.2/32
    right=12.1.1.1
    rightid=12.1.1.1
    rightsubnet=1.1.1.1/32
    ike=3des-md5;modp2048
    phase2=esp
    phase2alg=3des-md5
    pfs=no
    encapsulation=yes
    auto=add
EOF
echo '12.1.1.2 12.1.1.1 : PSK "cisco"' >"$D/lsw/ipsec.secrets"
# pluto, fresh, with the connection loaded.
pluto_start() {
	rm -f "$D/lsw/run/pluto.ctl" "$D/lsw/pluto.log"
	ip netns exec "$ns" unshare -m --propagation private sh -c \
	    "mount --bind $D/lsw/run /run && mount --bind $root/usr/libexec \
/usr/libexec && exec timeout 300 $P/pluto --nofork --stderrlog \
--config $D/lsw/ipsec.conf --rundir $D/lsw/run --nssdir $D/lsw/nss \
--secretsfile $D/lsw/ipsec.secrets --ipsecdir $D/lsw --no-dnssec" \
	    >"$D/lsw/pluto.stderr" 2>&1 &
	echo $! >"$D/pluto.pid"
	for i in $(seq 1 50); do
		[ -S "$D/lsw/run/pluto.ctl" ] && break
		sleep 0.1
	done
	[ -S "$D/lsw/run/pluto.ctl" ] || fail "pluto did not start: \
$(tail -5 "$D/lsw/pluto.stderr")"
	in_ns "$P/addconn" --config "$D/lsw/ipsec.conf" \
	    --ctlsocket "$D/lsw/run/pluto.ctl" lab >"$D/addconn" 2>&1 ||
	    fail "addconn: $(cat "$D/addconn")"
}

pluto_stop() {
	kill "$(cat "$D/pluto.pid")" 2>/dev/null
	for i in $(seq 1 50); do
		kill -0 "$(cat "$D/pluto.pid")" 2>/dev/null || break
		sleep 0.1
	done
	rm -f "$D/pluto.pid"
}

pluto_start
iosh_start
ios_crypto 3des md5 14 "esp-3des esp-md5-hmac"

pluto_log() {
	cat "$D/lsw/pluto.log" "$D/lsw/pluto.stderr" 2>/dev/null
}

# pluto initiates, iosh answers.
send "debug crypto isakmp"
m=$(mark)
in_ns timeout 20 "$P/whack" --ctlsocket "$D/lsw/run/pluto.ctl" --name lab \
    --initiate --asynchronous >"$D/whack" 2>&1
for i in $(seq 1 100); do
	pluto_log | grep -q "established IKE SA\|ISAKMP SA established\|IKE SA established" && break
	sleep 0.1
done
pluto_log | grep -q "established IKE SA\|ISAKMP SA established\|IKE SA established" ||
    fail "pluto (initiator): no IKE SA: $(pluto_log | tail -10)"
wait_for "Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE" "$m" 10 ||
    fail "iosh (responder): phase 1 not complete"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
since "$m" | grep -q "^12.1.1.1        12.1.1.2        QM_IDLE" ||
    fail "iosh (responder): $(since "$m")"
echo "ok: pluto initiated, iosh answered, Main Mode with modp2048 complete"

# iosh initiates, pluto (restarted, nothing left of the first SA)
# answers.
pluto_stop
send "clear crypto sa" "clear crypto isakmp"
pluto_start
sleep 0.5
m=$(mark)
send "ping 2.2.2.2 source loopback0 repeat 1 timeout 1"
wait_for "Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE" "$m" 15 ||
    fail "iosh (initiator): phase 1 not complete"
m=$(mark)
send "show crypto isakmp sa"
wait_for "^IPv6 Crypto ISAKMP SA" "$m" 10 || fail "show crypto isakmp sa"
since "$m" | grep -q "^12.1.1.2        12.1.1.1        QM_IDLE" ||
    fail "iosh (initiator): $(since "$m")"
pluto_log | grep -q "established IKE SA\|ISAKMP SA established\|IKE SA established" ||
    fail "pluto (responder): no IKE SA: $(pluto_log | tail -10)"
echo "ok: iosh initiated, pluto answered, Main Mode with modp2048 complete"
exit 0
