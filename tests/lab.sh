#!/bin/sh
# The CCIE 13-1 lab end to end: `iosh-lab start` brings up R1 and R2 (two
# iosh processes joined by a udp: serial link, telnet consoles); from R1,
# `ping 2.2.2.2 source loopback0` gets !!!!! and 100 percent; show ip route
# holds the connected and static routes the ping used, and both ends'
# serial counters grew by at least the five echoes (keepalives may add a
# few, never more than one per 10 s each way); a wrong vty password is
# refused; tests/expect/lab.exp reaches R1's console line through
# `iosh-lab console` (no password, log messages without terminal monitor,
# `exit` leaves the line available) and runs show ip interface brief;
# `iosh-lab stop` ends both processes.
# The routers keep no descriptor of their starter's (a pipe left open on fd
# 4 reaches EOF when `start` returns); `exec` exits 1 on a refused
# command; `--help` is usage on stdout.
# Real clock, local ports only (a base derived from the pid, so parallel
# runs do not collide), everything bounded in time.
set -u
. "${top_srcdir:-.}/tests/lab_lib.sh"

fail() {
	echo "FAIL: $*"
	exit 1
}

# Packets in and out of an interface, from show interfaces: "IN OUT".
counters() {
	timeout 30 "$lab" exec "$1" "show interfaces $2" | awk '
	    / packets input,/ { i = $1 }
	    / packets output,/ { o = $1 }
	    END { print i + 0, o + 0 }'
}

timeout 10 "$lab" --help >"$tmp/help" 2>&1 || fail "--help: $(cat "$tmp/help")"
grep -q '^usage: iosh-lab \[-r\] \[-b PORT\] start LAB$' "$tmp/help" ||
    fail "--help: $(cat "$tmp/help")"

t0=$(date +%s)
# Started as expect's spawn does, with a pipe on a descriptor beyond 2:
# `cat` ends only when every holder of the pipe has closed it.
timeout 30 sh -c '"$1" -b "$2" start "$3" 4>&1 2>&1 | cat' sh "$lab" \
    "$base" "$srcdir/labs/ccie-13-1" >"$tmp/start" ||
    { cat "$tmp/start"; fail "iosh-lab start (or a router kept its pipe)"; }
grep -q "^  R1       console: telnet 127.0.0.1 $((base + 901)), vty: telnet 127.0.0.1 $((base + 1))$" "$tmp/start" ||
    fail "start did not report R1's console: $(cat "$tmp/start")"
[ "$(timeout 10 "$lab" status | grep -c ' running$')" -eq 2 ] ||
    fail "status: $(timeout 10 "$lab" status)"

# A refused command makes exec fail, after printing IOS's answer.
if timeout 30 "$lab" exec R1 'show bogus' >"$tmp/bogus" 2>&1; then
	fail "exec of a refused command exited 0"
fi
grep -q "^% Invalid input detected at '^' marker.$" "$tmp/bogus" ||
    fail "refused command: $(cat "$tmp/bogus")"

set -- $(counters R1 Serial1/2)
r1_in=$1 r1_out=$2
set -- $(counters R2 Serial1/1)
r2_in=$1

timeout 60 "$lab" exec R1 'ping 2.2.2.2 source loopback0' >"$tmp/ping" ||
    fail "exec ping"
head -4 "$tmp/ping" >"$tmp/ping.head"
cat >"$tmp/ping.want" <<'END'
Type escape sequence to abort.
Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:
Packet sent with a source address of 1.1.1.1
!!!!!
END
cmp -s "$tmp/ping.head" "$tmp/ping.want" ||
    fail "ping output: $(cat "$tmp/ping")"
sed -n 5p "$tmp/ping" | grep -Eq '^Success rate is 100 percent \(5/5\), round-trip min/avg/max = [0-9]+/[0-9]+/[0-9]+ ms$' ||
    fail "ping summary: $(cat "$tmp/ping")"
[ "$(wc -l <"$tmp/ping")" -eq 5 ] || fail "ping output: $(cat "$tmp/ping")"

# Keepalives (SLARP, every 10 s each way) are the only other traffic.
slack=$(( ($(date +%s) - t0) / 10 + 2 ))
set -- $(counters R1 Serial1/2)
d_out=$(($2 - r1_out)) d_in=$(($1 - r1_in))
[ "$d_out" -ge 5 ] && [ "$d_out" -le $((5 + slack)) ] ||
    fail "R1 Serial1/2 output grew by $d_out, not 5 (+$slack keepalives)"
[ "$d_in" -ge 5 ] && [ "$d_in" -le $((5 + slack)) ] ||
    fail "R1 Serial1/2 input grew by $d_in, not 5 (+$slack keepalives)"
set -- $(counters R2 Serial1/1)
[ $(($1 - r2_in)) -ge 5 ] || fail "R2 Serial1/1 input grew by $(($1 - r2_in))"

timeout 30 "$lab" exec R1 'show ip route' >"$tmp/route" || fail "exec route"
grep -qx 'S        2.2.2.2 \[1/0\] via 12.1.1.2' "$tmp/route" ||
    fail "no static route to 2.2.2.2: $(cat "$tmp/route")"
grep -qx 'C        12.1.1.0/24 is directly connected, Serial1/2' \
    "$tmp/route" || fail "no connected 12.1.1.0/24: $(cat "$tmp/route")"
grep -qx 'C        1.1.1.1 is directly connected, Loopback0' "$tmp/route" ||
    fail "no connected 1.1.1.1: $(cat "$tmp/route")"

# The vty password is enforced.
if timeout 30 "$lab" -p wrong exec R1 'show version' >"$tmp/wrong" 2>&1; then
	fail "a wrong password was accepted"
fi
grep -q "login failed: wrong password" "$tmp/wrong" ||
    fail "wrong password: $(cat "$tmp/wrong")"

# An expect user on R1's console (telnet).
if [ -n "${EXPECT:-}" ] && have telnet; then
	IOSH_LAB=$lab "$EXPECT" -f "$srcdir/tests/expect/lab.exp" ||
	    fail "lab.exp"
elif [ "${IOSH_REQUIRE_TOOLS:-}" = 1 ]; then
	fail "expect missing (IOSH_REQUIRE_TOOLS=1: lab.exp must run)"
else
	echo "expect or telnet missing: lab.exp skipped"
fi

timeout 30 "$lab" stop >/dev/null || fail "stop"
if timeout 10 "$lab" status >/dev/null 2>&1; then
	fail "status after stop"
fi
pgrep -f "iosh --nvram $IOSH_LAB_HOME" >/dev/null &&
    fail "routers still running after stop"
echo "lab: ping !!!!!, counters +$d_out out/+$d_in in, routes, vty login: ok"
exit 0
