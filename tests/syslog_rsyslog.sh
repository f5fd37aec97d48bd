#!/bin/sh
# Syslog to a real server (issue 21): Debian's rsyslogd with an imudp
# listener in namespace "srv" (192.0.2.2) receives iosh's messages.  iosh
# runs in namespace "r", its FastEthernet0/0 (192.0.2.1) on a veth end
# through pcap:, configured with `service timestamps log datetime msec`,
# `service sequence-numbers`, `logging source-interface Loopback0`
# (10.255.0.1), `logging trap`, `logging host`.  rsyslog writes what it
# got, one line each: the sender's address, PRI, facility, severity as
# it parsed them, and the datagram as it arrived.  Asserted:
#  - exactly the three messages at or above the trap level sent after
#    `logging host`, each "<PRI>N: SEQ: *Mmm dd hh:mm:ss.mmm:
#    %FAC-SEV-MNEMONIC: text", byte for byte the line the console printed
#    after the "<PRI>N: " header, N the router's count of message lines
#    at the trap level, SEQ six digits;
#  - from 10.255.0.1 (the source interface, not the outgoing one),
#    facility local7 (PRI 189 = 23 * 8 + 5);
#  - the informational %CRYPTO-6-ISAKMP_ON_OFF under `logging trap
#    notifications` is not sent, and is once `logging trap informational`;
#  - a second server address (192.0.2.3, a second `logging host`) feeds
#    rsyslog's Cisco IOS parser, pmciscoios, which finds each message's
#    %FAC-SEV-MNEMONIC tag, text and timestamp.
# Root, namespaces, veth and rsyslogd (./setup.sh installs rsyslog) are
# required.  Every wait is bounded; namespaces and processes go in the trap.
set -u
. "${top_srcdir:-.}/tests/skip.sh"
. "${top_srcdir:-.}/tests/iosh_lib.sh"

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
[ "$(id -u)" -eq 0 ] || skip "not root"
have ip ping || skip "no iproute2/ping"
rsyslogd=$(command -v rsyslogd || echo /usr/sbin/rsyslogd)
[ -x "$rsyslogd" ] || skip "no rsyslogd (Debian rsyslog)"

pfx=${IOSH_NS_PREFIX:-iosh-syslog}
srv=$pfx-srv-$$
rt=$pfx-r-$$
tmp=$(mktemp -d) || exit 99
spid= rpid=
cleanup() {
	exec 3>&- 2>/dev/null
	for p in $rpid $spid; do
		kill "$p" 2>/dev/null
	done
	for p in $rpid $spid; do
		wait "$p" 2>/dev/null
	done
	for n in $srv $rt; do
		ip netns del "$n" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
# Killed (a harness timeout, a closed pipe): still clean up.
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "FAIL: $*"
	dump "$tmp/received" "$tmp/parsed" "$tmp/router.out" "$tmp/rsyslog.err"
	exit 1
}

for n in $srv $rt; do
	ip netns add "$n" 2>/dev/null || skip "no netns"
	ip -n "$n" link set lo up
done
ip link add sl0 netns "$srv" type veth peer name rs0 netns "$rt" 2>/dev/null ||
    skip "no veth"
ip -n "$srv" addr add 192.0.2.2/24 dev sl0
ip -n "$srv" addr add 192.0.2.3/24 dev sl0
ip -n "$srv" link set sl0 up
ip -n "$rt" link set rs0 up
# The datagrams come from the router's loopback: the server's route back
# to it keeps them from being dropped by reverse-path filtering.
ip -n "$srv" route add 10.255.0.1/32 via 192.0.2.1

mkdir "$tmp/work"
cat >"$tmp/rsyslog.conf" <<EOF
global(workDirectory="$tmp/work")
module(load="imudp")
input(type="imudp" address="192.0.2.2" port="514")
template(name="seen" type="string"
    string="%fromhost-ip%|%pri%|%syslogfacility-text%|%syslogseverity-text%|%rawmsg%\n")
*.* action(type="omfile" file="$tmp/received" template="seen")
module(load="pmciscoios")
parser(name="ios" type="pmciscoios" present.origin="on")
template(name="parsed" type="string"
    string="%hostname%|%syslogtag%|%msg%|%timereported:::date-rfc3339%\n")
ruleset(name="cisco" parser="ios") {
	action(type="omfile" file="$tmp/parsed" template="parsed")
}
input(type="imudp" address="192.0.2.3" port="514" ruleset="cisco")
EOF
timeout 40 ip netns exec "$srv" "$rsyslogd" -n -f "$tmp/rsyslog.conf" \
    -i "$tmp/rsyslog.pid" >"$tmp/rsyslog.err" 2>&1 &
spid=$!

mkfifo "$tmp/r.in" || exit 99
timeout 40 ip netns exec "$rt" "$iosh" --clock 1700000000 \
    --attach FastEthernet0/0=pcap:rs0 <"$tmp/r.in" >"$tmp/router.out" 2>&1 &
rpid=$!
exec 3>"$tmp/r.in"
cat >&3 <<'EOF'
enable
terminal length 0
configure terminal
service timestamps log datetime msec
service sequence-numbers
interface Loopback0
 ip address 10.255.0.1 255.255.255.255
interface FastEthernet0/0
 ip address 192.0.2.1 255.255.255.0
 no shutdown
end
EOF

# rsyslog listening and iosh answering (a sanitizer build is slow to
# start; the ping also gives iosh the server's MAC): 10 tries at most.
i=0
until in_ns "$srv" ping -c 1 -W 1 192.0.2.1 >/dev/null 2>&1 || [ $i -ge 10 ]
do
	i=$((i + 1))
done
[ $i -lt 10 ] || fail "iosh does not answer 192.0.2.1"
# iosh, as IOS, drops a datagram whose next hop it has still to resolve:
# the second server address introduces itself too (its first echo's
# reply is the datagram iosh drops while it asks for 192.0.2.3).
in_ns "$srv" ping -c 3 -i 0.3 -W 1 -I 192.0.2.3 192.0.2.1 >"$tmp/ping3" 2>&1
grep -q ' [1-3] received' "$tmp/ping3" || fail "iosh does not answer 192.0.2.3"
i=0
until in_ns "$srv" ss -Hlun 2>/dev/null | grep -q '192\.0\.2\.2:514 ' ||
    [ $i -ge 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ $i -lt 50 ] || fail "rsyslogd does not listen on 192.0.2.2:514"

cat >&3 <<'EOF'
configure terminal
logging source-interface Loopback0
logging trap notifications
logging host 192.0.2.2
logging host 192.0.2.3
crypto map M 10 ipsec-isakmp
interface Loopback0
 crypto map M
end
configure terminal
logging trap informational
interface Loopback0
 no crypto map M
end
EOF

# Three lines in each file, 5 s at most.
i=0
until [ "$(cat "$tmp/received" "$tmp/parsed" 2>/dev/null | wc -l)" -ge 6 ] ||
    [ $i -ge 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
# show logging once they were sent: the host's count is of datagrams out.
printf 'show logging\n' >&3
sleep 0.3
exec 3>&-
wait "$rpid"
rpid=

tr -d '\r' <"$tmp/router.out" >"$tmp/console"
# The console's message lines ("000N: *Nov 14 ...: %..."), each with the
# trap count IOS puts in the datagram's header: the messages at or
# above the trap level in force when it was logged.
on=$(grep -c 'ISAKMP is ON' "$tmp/console")
[ "$on" -eq 1 ] || fail "the console did not show ISAKMP is ON once"
# What iosh should have sent, from its own console transcript.
awk '
	BEGIN { trap = 6; host = 0; count = 0 }
	/^R[a-z]*\(config\)#logging trap notifications/ { trap = 5 }
	/^R[a-z]*\(config\)#logging trap informational/ { trap = 6 }
	/^R[a-z]*\(config\)#logging host 192\.0\.2\.2/ { host = 1 }
	/^[0-9][0-9][0-9][0-9][0-9][0-9]: \*Nov 14 22:13:20\.000: %[A-Z_]*-[0-7]-/ {
		line = $0
		sub(/^.*: %[A-Z_]*-/, "", line)
		sev = substr(line, 1, 1) + 0
		if (sev <= trap) {
			count++
			if (host)
				printf "10.255.0.1|%d|local7|%s|<%d>%d: %s\n",
				    184 + sev, sev == 5 ? "notice" : "info",
				    184 + sev, count, $0
		}
	}
' "$tmp/console" >"$tmp/expected"

[ "$(wc -l <"$tmp/expected")" -eq 3 ] ||
    fail "the console shows $(wc -l <"$tmp/expected") messages to send, not 3: $(cat "$tmp/expected")"
grep -q '%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is OFF$' "$tmp/expected" ||
    fail "ISAKMP is OFF not among the expected: $(cat "$tmp/expected")"
[ "$(grep -c '%SYS-5-CONFIG_I: Configured from console by console$' \
    "$tmp/expected")" -eq 2 ] || fail "not two CONFIG_I expected"
cmp -s "$tmp/expected" "$tmp/received" || {
	echo "--- expected"; cat "$tmp/expected"
	fail "rsyslog did not receive exactly what the console showed"
}
grep -q 'ISAKMP is ON' "$tmp/received" &&
    fail "an informational message passed logging trap notifications"
# The header: "<189>N: 00000S: *Nov 14 22:13:20.000: %SYS-5-CONFIG_I: ".
grep -Eq '^10\.255\.0\.1\|189\|local7\|notice\|<189>[0-9]+: [0-9]{6}: \*Nov 14 22:13:20\.000: %SYS-5-CONFIG_I: Configured from console by console$' \
    "$tmp/received" || fail "no CONFIG_I in IOS's wire format"
# rsyslog's own Cisco IOS parser (pmciscoios) found the tag, the text
# and the timestamp (its year is rsyslog's guess; IOS sends none) of each.
# It has no field for the sequence number: with present.origin it reads
# it in the origin's place, the only way it takes this form.
sed 's/^[^ ]* \([0-9]*\): \*\([A-Z][a-z][a-z]\) \([0-9 ][0-9]\) \([0-9:.]*\): \(%[^ ]*\) /\1|\5| \2-\3T\4|/' \
    "$tmp/expected" | awk -F'|' '{
	split($3, d, "T"); split(d[1], md, "-")
	m = index("JanFebMarAprMayJunJulAugSepOctNovDec", substr(md[1], 2)) + 2
	printf "%s|%s|%s|%02d-%02d%s\n", $1, $2, " " $4, m / 3, md[2], "T" d[2]
}' >"$tmp/parsed.want"
sed 's/|[0-9]\{4\}-\([0-9-]*T[0-9:.]*\)[-+Z].*$/|\1/' "$tmp/parsed" \
    >"$tmp/parsed.got"
cmp -s "$tmp/parsed.want" "$tmp/parsed.got" || {
	echo "--- pmciscoios, wanted"; cat "$tmp/parsed.want"
	fail "rsyslog's pmciscoios did not parse them as IOS messages"
}
grep -Eq '^ +3 message lines logged,$' "$tmp/console" ||
    fail "show logging does not count 3 lines sent to 192.0.2.2"
echo "PASS: rsyslog received 3 messages from 10.255.0.1 in IOS's format, pmciscoios parsed them ($(sed -n 1p "$tmp/received" | cut -d'|' -f5))"
exit 0
