# tests/pat_judge.sh — sourced by nat_netns.sh and lab_seed000.sh: a
# capture taken outside seed 000's PAT judged by tshark, in one pass with
# every checksum check on (per packet its source, protocol, ICMP type,
# UDP ports, TCP port and SYN, the UDP/TCP checksum status, 1 being good,
# and its expert severity).  The host 192.168.100.10 behind the PAT sent
# an echo, UDP from port 5000 to 9000 and TCP from 6000 to 8080:
#
#   pat_judge PCAP FIELDS	FIELDS gets tshark's lines; the caller's
#				fail() is called on the first fault
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
