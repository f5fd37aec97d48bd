# tests/iosh_lib.sh: sourced by shell tests that run iosh processes, for
# what they share.
#
#   in_ns NS CMD...       CMD in network namespace NS, at most
#                         ${IN_NS_TIMEOUT:-15} seconds
#   ssh_port ERR CONSOLE  wait (5 s at most) until the iosh whose stderr
#                         is ERR listens for SSH on 127.0.0.1 and its
#                         CONSOLE printed %SSH-5-ENABLED; print the port
#   iosh_stop PID ERR     SIGTERM the iosh PID; false, with a FAIL line
#                         and its stderr ERR, unless it exits 0 (under
#                         ASan that also says it leaked nothing)
#   dump FILE...          each FILE that exists, under "--- FILE"

in_ns() {
	_ns=$1
	shift
	timeout "${IN_NS_TIMEOUT:-15}" ip netns exec "$_ns" "$@"
}

ssh_port() {
	for _ in $(seq 50); do
		_p=$(sed -n 's/^iosh: ssh vty on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$1")
		if [ -n "$_p" ] && grep -q '%SSH-5-ENABLED' "$2"; then
			echo "$_p"
			return 0
		fi
		sleep 0.1
	done
	return 1
}

iosh_stop() {
	kill -TERM "$1"
	wait "$1"
	_st=$?
	[ "$_st" -eq 0 ] && return 0
	echo "FAIL: iosh exited $_st after SIGTERM: $(cat "$2")"
	return 1
}

dump() {
	for _f in "$@"; do
		[ -f "$_f" ] && { echo "--- $_f"; cat "$_f"; }
	done
	return 0
}
