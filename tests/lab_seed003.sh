#!/bin/sh
# Seed 003's labs end to end (labs/seed-003, labs/seed-003-ipv4): `iosh-lab
# start` brings up R2 and R3 (two iosh processes, their Ethernet0/0 on a
# udp: link on 127.0.0.1) with the seed's configurations; R2 begins IKE
# by itself (its first MM1, sent at boot before R3 listened, would wait
# 10 s for its retransmission: after a ping finds the neighbours, `clear
# crypto session` on R2 makes it begin again) and Tunnel23 comes up on
# both; then, over IPv6, R2 pings R3's link-local FE80::23:3 out of Tunnel23
# (the seed's `do ping fe80::23:3`, source named as IOS asks for it) and
# the global 2001:DB8:23::3, 5/5 each, and show crypto ipsec sa is the
# VTI's (Tunnel23-head-0, ::/0 idents, 10 echoes each way); over IPv4,
# R2 pings 192.168.23.3 5/5 across the `tunnel mode ipsec ipv4` VTI.
# No root needed: real clock, local ports from the pid, every wait
# bounded; the routers go on exit.
set -u
. "${top_srcdir:-.}/tests/lab_lib.sh"

fail() {
	echo "FAIL: $*"
	for r in R2 R3; do
		echo "--- $r"
		tail -30 "$IOSH_LAB_HOME/$name/$r/console.log" 2>/dev/null
	done
	exit 1
}

ex() {
	r=$1
	shift
	timeout 60 "$lab" -t 50 exec "$r" "$@"
}

# NAME PORT PEER: the lab up, both routers running, Tunnel23 up on both.
lab_up() {
	name=$1
	timeout 30 "$lab" -b "$2" start "$srcdir/labs/$1" >"$tmp/start" 2>&1 ||
	    fail "iosh-lab start $1: $(cat "$tmp/start")"
	[ "$(timeout 10 "$lab" status | grep -c ' running$')" -eq 2 ] ||
	    fail "status: $(timeout 10 "$lab" status)"
	# R2's first MM1 left at boot, before R3 listened, and waits for its
	# retransmission (10 s): the neighbours found by a plain ping, then
	# `clear crypto session`, and R2 begins again at once.
	ex R2 "ping $3" >"$tmp/nd" || fail "exec ping $3"
	grep -Eq '^Success rate is [1-9]' "$tmp/nd" || fail "ping $3: $(cat "$tmp/nd")"
	ex R2 'clear crypto session' >"$tmp/clear" ||
	    fail "clear crypto session: $(cat "$tmp/clear")"
	for r in R2 R3; do
		i=0
		while :; do
			ex "$r" 'show interfaces Tunnel23' >"$tmp/tun" 2>&1
			grep -q '^Tunnel23 is up, line protocol is up' \
			    "$tmp/tun" && break
			i=$((i + 1))
			[ "$i" -lt 25 ] || fail "$1: $r's Tunnel23: $(cat "$tmp/tun")"
			sleep 1
		done
	done
}

# ROUTER 'ping ...' HEAD: five echoes answered, the lines before as HEAD.
ping_ok() {
	ex "$1" "$2" >"$tmp/ping" || fail "exec $2"
	printf '%s\n' "$3" >"$tmp/ping.want"
	head -n "$(wc -l <"$tmp/ping.want")" "$tmp/ping" >"$tmp/ping.head"
	cmp -s "$tmp/ping.head" "$tmp/ping.want" || fail "$2: $(cat "$tmp/ping")"
	grep -Eq '^Success rate is 100 percent \(5/5\), round-trip min/avg/max = [0-9]+/[0-9]+/[0-9]+ ms$' \
	    "$tmp/ping" || fail "$2: $(cat "$tmp/ping")"
}

t0=$(date +%s)
lab_up seed-003 "$base" 2001:DB8::3
ping_ok R2 'ping FE80::23:3 source Tunnel23' 'Type escape sequence to abort.
Sending 5, 100-byte ICMP Echos to FE80::23:3, timeout is 2 seconds:
Packet sent with a source address of FE80::23:2%Tunnel23
!!!!!'
ping_ok R2 'ping 2001:DB8:23::3' 'Type escape sequence to abort.
Sending 5, 100-byte ICMP Echos to 2001:DB8:23::3, timeout is 2 seconds:
!!!!!'
ex R2 'show crypto ipsec sa' >"$tmp/sa" || fail "exec show crypto ipsec sa"
grep -E 'interface:|Crypto map tag|ident|current_peer|#pkts (en|de)caps|in use' \
    "$tmp/sa" >"$tmp/sa.got"
cat >"$tmp/sa.want" <<'END'
interface: Tunnel23
    Crypto map tag: Tunnel23-head-0, local addr 2001:DB8::2
   local  ident (addr/mask/prot/port): (::/0/0/0)
   remote ident (addr/mask/prot/port): (::/0/0/0)
   current_peer 2001:DB8::3 port 500
    #pkts encaps: 10, #pkts encrypt: 10, #pkts digest: 10
    #pkts decaps: 10, #pkts decrypt: 10, #pkts verify: 10
        in use settings ={Tunnel, }
        in use settings ={Tunnel, }
END
cmp -s "$tmp/sa.got" "$tmp/sa.want" ||
    fail "show crypto ipsec sa: $(cat "$tmp/sa")"
timeout 20 "$lab" stop >/dev/null || fail "stop seed-003"

lab_up seed-003-ipv4 "$((base + 50))" 10.23.0.3
ping_ok R2 'ping 192.168.23.3' 'Type escape sequence to abort.
Sending 5, 100-byte ICMP Echos to 192.168.23.3, timeout is 2 seconds:
!!!!!'
timeout 20 "$lab" stop >/dev/null || fail "stop seed-003-ipv4"
echo "labs seed-003 (IPv6: link-local and global 5/5) and seed-003-ipv4" \
    "(5/5): ok in $(($(date +%s) - t0)) s"
exit 0
