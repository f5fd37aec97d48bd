#!/bin/sh
# write memory survives kill -9: iosh runs in the background fed through a
# FIFO, is configured, saves, and is killed with SIGKILL; a new iosh on the
# same --nvram starts from what was saved.  Every wait is bounded.
set -u

builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
tmp=$(mktemp -d) || exit 99
pid=
cleanup() {
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*"
	echo "--- output:"
	cat "$tmp/out1" 2>/dev/null
	exit 1
}

# Wait (at most 10 s) until FILE has a line matching the regex.
wait_for() {
	i=0
	while ! grep -q -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -gt 100 ] && fail "timeout waiting for '$2'"
		sleep 0.1
	done
}

mkfifo "$tmp/in" || exit 99
"$iosh" --clock 1700000000 --nvram "$tmp/nv" <"$tmp/in" >"$tmp/out1" 2>&1 &
pid=$!
exec 3>"$tmp/in"
cat >&3 <<'CFG'
enable
configure terminal
hostname Persist
clock timezone EST -5
username admin privilege 15 password 0 s3cret
line vty 0 4
 password cisco
 login
end
write memory
CFG
wait_for "$tmp/out1" '^\[OK\]$'
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=
exec 3>&-
# Nothing but the file itself in the nvram directory.
[ "$(ls -A "$tmp/nv")" = "startup-config" ] ||
    fail "nvram holds: $(ls -A "$tmp/nv")"

printf 'enable\nshow running-config\n' >"$tmp/in2"
"$iosh" --clock 1700000000 --nvram "$tmp/nv" <"$tmp/in2" >"$tmp/out2" 2>&1 &
pid=$!
i=0
while kill -0 "$pid" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -gt 100 ] && fail "the second iosh did not finish"
	sleep 0.1
done
wait "$pid"
rc=$?
pid=
[ "$rc" -eq 0 ] || fail "the second iosh exited $rc"
for want in '^Persist>enable$' '^hostname Persist$' \
    '^clock timezone EST -5 0$' \
    '^username admin privilege 15 password 0 s3cret$' \
    '^line vty 0 4$' '^ password cisco$' '^ login$'; do
	grep -q -- "$want" "$tmp/out2" || {
		cat "$tmp/out2"
		fail "after restart, no line matching $want"
	}
done
echo "ok: write memory, kill -9, restart: the configuration is back"

# kill -9 at a moment picked from a seeded sequence (0 to 40 ms after the
# first of a burst of saves answered [OK]), ROUNDS times (6 here, about
# 1.5 s each, whole iosh processes; tests/check_nvram's
# test_write_memory_kill9 does 200 rounds on forked routers, a kill
# inside a save most rounds): what is left is always a whole
# startup-config that loads, and the next start removes the temporary
# file the killed write may have left (nvram_reap).
rounds=${NVRAM_KILL_ROUNDS:-6}
left=0
r=0
while [ "$r" -lt "$rounds" ]; do
	r=$((r + 1))
	delay=$(awk -v s="$r" 'BEGIN { srand(s); printf "%.3f", rand() * 0.04 }')
	printf 'enable\nconfigure terminal\nhostname Round%d\nend\n' "$r" \
	    >"$tmp/in3"
	i=0
	while [ $i -lt 100 ]; do echo "write memory"; i=$((i + 1)); done \
	    >>"$tmp/in3"
	"$iosh" --clock 1700000000 --nvram "$tmp/nv" <"$tmp/in3" \
	    >"$tmp/out1" 2>&1 &
	pid=$!
	i=0
	until grep -q '^\[OK\]$' "$tmp/out1" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -gt 1000 ] && fail "round $r: no [OK]"
		sleep 0.01
	done
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=
	ls -A "$tmp/nv" | grep -q '^\.tmp\.' && left=$((left + 1))
	printf 'enable\nshow running-config\n' |
	    timeout 10 "$iosh" --clock 1700000000 --nvram "$tmp/nv" \
	    >"$tmp/out3" 2>&1 || fail "round $r: iosh on what was saved"
	grep -q '^hostname \(Persist\|Round[0-9]*\)$' "$tmp/out3" &&
	    grep -q '^end$' "$tmp/out3" ||
	    fail "round $r: not a whole configuration: $(cat "$tmp/out3")"
	grep -q '^%' "$tmp/out3" && fail "round $r: $(grep '^%' "$tmp/out3")"
	[ "$(ls -A "$tmp/nv")" = "startup-config" ] ||
	    fail "round $r: after restart nvram holds: $(ls -A "$tmp/nv")"
done
echo "ok: $rounds kills at random moments: startup-config whole each time;" \
    "$left temporary files left by a kill, all removed at the next start"
