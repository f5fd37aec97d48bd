# tests/pat_judge.sh — sourced by nat_netns.sh and lab_seed000.sh: a
# capture taken outside seed 000's PAT judged by tshark, in one pass with
# every checksum check on (per packet its source, protocol, ICMP type,
# UDP ports, TCP port and SYN, the UDP/TCP checksum status, 1 being good,
# and its expert severity).  The host 192.168.100.10 behind the PAT sent
# an echo, UDP from port 5000 to 9000 and TCP from 6000 to 8080:
#
#   pat_flows HOSTNS OUTNS DST	those flows: listeners on DST:9000/udp
#				and DST:8080/tcp in OUTNS, an echo (one
#				of four may go to an ARP miss, as on IOS),
#				the datagram and the connection from
#				HOSTNS, each payload checked
#   pat_judge PCAP FIELDS	FIELDS gets tshark's lines
#
# The caller provides $tmp, in_ns NS CMD... and fail(), called on the
# first fault; upid and lpid are the listeners' pids while they run.
pat_flows() {
	timeout 15 ip netns exec "$2" nc -u -l -W 1 "$3" 9000 \
	    >"$tmp/udp.got" 2>/dev/null &
	upid=$!
	timeout 15 ip netns exec "$2" nc -l -N "$3" 8080 \
	    >"$tmp/tcp.got" 2>/dev/null &
	lpid=$!
	sleep 0.5
	in_ns "$1" ping -c 4 -i 0.3 -W 1 "$3" >"$tmp/ping.out" 2>&1
	grep -Eq "[34] received" "$tmp/ping.out" ||
	    fail "ping through PAT: $(cat "$tmp/ping.out")"
	echo "udp through pat" | in_ns "$1" nc -u -w 1 -p 5000 "$3" 9000
	echo "tcp through pat" | in_ns "$1" nc -N -w 3 -p 6000 "$3" 8080 ||
	    fail "TCP connection through PAT"
	wait "$upid" 2>/dev/null
	wait "$lpid" 2>/dev/null
	upid= lpid=
	grep -qx "udp through pat" "$tmp/udp.got" ||
	    fail "UDP payload not received"
	grep -qx "tcp through pat" "$tmp/tcp.got" ||
	    fail "TCP payload not received"
}

pat_judge() {
	tshark -n -r "$1" -o ip.check_checksum:TRUE \
	    -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE \
	    -T fields -E separator=, -E occurrence=a -E aggregator=";" \
	    -e ip.src -e ip.proto \
	    -e icmp.type -e udp.srcport -e udp.dstport -e tcp.dstport \
	    -e tcp.flags.syn -e udp.checksum.status -e tcp.checksum.status \
	    -e _ws.expert.severity -e _ws.malformed \
	    >"$2" 2>/dev/null || fail "tshark could not read the capture"
	# The outside saw the PAT address, never the inside one.
	grep -q "192\.168\.100\.10" "$2" && fail "the inside address leaked"
	grep -q "^200\.56\.4\.1,1,8," "$2" || fail "no translated echo"
	grep -q "^200\.56\.4\.1,17,,5000,9000," "$2" ||
	    fail "no translated UDP datagram (source port 5000 kept)"
	grep -Eq "^200\.56\.4\.1,6,,,,8080,(1|True)," "$2" ||
	    fail "no translated TCP SYN"
	# No bad checksum, nothing malformed; the UDP and TCP ones checked
	# good.  (Severity 8388608 is an error, e.g. a bad checksum;
	# SYN/FIN are chats.)
	awk -F, '$10 ~ /8388608/ || $11 != ""' "$2" | grep -q . &&
	    fail "a packet malformed or with a bad checksum"
	good=$(awk -F, '$8 == 1 || $9 == 1' "$2" | wc -l)
	[ "$good" -ge 3 ] || fail "only $good UDP/TCP checksums verified good"
}
