#!/bin/sh
# The console as a user meets it in tmux (issue 21): iosh on a terminal
# (readline) in a detached tmux session, keys sent with send-keys, the
# screen read with capture-pane and compared line for line:
#  - `?` after "show c": the help for the words that begin with c, then
#    the prompt and "show c" again;
#  - TAB: "sh" becomes "show ", "show cl" becomes "show clock ";
#  - the pager: show running-config longer than the screen stops at
#    " --More-- " (24 lines: 23 of output), space shows the next screen,
#    the prompt comes back;
#  - a log message while a line is typed (a vty configured through a
#    telnet client in a second tmux window): the typed line stays, the
#    message starts on its own line, then the prompt and the typed text
#    again (line con 0 has logging synchronous);
#  - exec-timeout on line con 0 ends the exec: "con0 is now available",
#    RETURN gives the prompt back.
# Every wait is bounded; the tmux server is this test's own (-L).
set -u
. "${top_srcdir:-.}/tests/skip.sh"
have tmux || skip "tmux not found: the console in tmux"
have telnet || skip "telnet client not found: the console in tmux"

builddir=$(cd "${top_builddir:-.}" && pwd -P)
tmp=$(mktemp -d) || exit 99
sock=iosh-tmux-$$
port=$((20000 + $$ % 20000))
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $*"
	echo "--- screen:"
	tmux -L "$sock" capture-pane -p -t iosh:0 2>/dev/null
	exit 1
}

screen() {
	tmux -L "$sock" capture-pane -p -t iosh:0
}

# Wait (5 s at most) until the screen has a line matching the ERE.
wait_line() {
	i=0
	while ! screen | grep -Eq -- "$1"; do
		i=$((i + 1))
		[ "$i" -le 50 ] || fail "no line /$1/"
		sleep 0.1
	done
}

# The screen's last non-empty line must be exactly $1.
last_is() {
	i=0
	while [ "$(screen | sed '/^$/d' | tail -1)" != "$1" ]; do
		i=$((i + 1))
		[ "$i" -le 50 ] || fail "last line is not \"$1\""
		sleep 0.1
	done
}

keys() {
	tmux -L "$sock" send-keys -t iosh:0 "$@"
}

# Loopbacks enough for a running-config longer than the screen; the vty
# open to the telnet client; the console with logging synchronous.
mkdir "$tmp/nv"
{
	for i in 0 1 2 3 4 5; do
		printf 'interface Loopback%s\n ip address 10.0.0.%s 255.255.255.255\n!\n' "$i" "$i"
	done
	printf 'line con 0\n logging synchronous\nline vty 0 4\n privilege level 15\n no login\nend\n'
} >"$tmp/nv/startup-config"

tmux -L "$sock" -f /dev/null new-session -d -s iosh -x 80 -y 24 \
    "exec '$builddir/iosh' --nvram '$tmp/nv' --telnet 127.0.0.1:$port" ||
    fail "tmux new-session"
wait_line '^Router>$'

# ? help: a partial word lists the words it may begin, a whole one what
# may follow it; the prompt and the line come back after each.
keys "show c?"
wait_line '^Router>show c$'
keys "lock ?"
wait_line '^  <cr>$'
screen | sed "/^$/d" | tail -6 >"$tmp/help"
cat >"$tmp/help.want" <<'END'
Router>show c?
cdp  clock
Router>show clock ?
  |  Output modifiers
  <cr>
Router>show clock
END
cmp -s "$tmp/help.want" "$tmp/help" ||
    fail "? help: $(cat "$tmp/help")"
keys C-u

# TAB completion: a unique prefix becomes its word and a space.
keys "sh" Tab
last_is "Router>show"
keys "cl" Tab
last_is "Router>show clock"
keys C-u
keys "enable" Enter
last_is "Router#"

# The pager: 23 lines of output, then --More--; space, the rest.
keys "show running-config" Enter
last_is " --More--"
[ "$(screen | grep -c .)" -ge 23 ] || fail "the first page is short"
screen | grep -qx 'Current configuration : [0-9]* bytes' ||
    fail "the first page lacks the header"
keys Space
last_is "Router#"
screen | grep -qx 'end' || fail "the last page lacks end"
screen | grep -q -- '--More--' && fail "--More-- left on the screen"

# A log message over a typed line: a telnet client on vty 0 (a second
# window) configures; the console shows "Router#sh", the message on its
# own line, "Router#sh" again.
keys "sh"
last_is "Router#sh"
tmux -L "$sock" new-window -d -t iosh:1 "telnet 127.0.0.1 $port" ||
    fail "telnet window"
i=0
until tmux -L "$sock" capture-pane -p -t iosh:1 | grep -q '^Router#$'; do
	i=$((i + 1))
	[ "$i" -le 50 ] || fail "the telnet client got no prompt"
	sleep 0.1
done
# -l: "end" is also the name of a key for send-keys.
tmux -L "$sock" send-keys -t iosh:1 -l "configure terminal"
tmux -L "$sock" send-keys -t iosh:1 Enter
tmux -L "$sock" send-keys -t iosh:1 -l "end"
tmux -L "$sock" send-keys -t iosh:1 Enter
wait_line '%SYS-5-CONFIG_I'
screen | sed '/^$/d' | tail -3 >"$tmp/log"
sed -e 's/^[0-9:]*: %/TS: %/' "$tmp/log" >"$tmp/log.ts"
cat >"$tmp/log.want" <<'END'
Router#sh
TS: %SYS-5-CONFIG_I: Configured from console by vty0 (127.0.0.1)
Router#sh
END
cmp -s "$tmp/log.want" "$tmp/log.ts" || fail "log over a typed line: $(cat "$tmp/log")"

# exec-timeout on line con 0 (a second router, 0 1: a second idle): the
# exec ends with IOS's words; RETURN gives a prompt again.
tmux -L "$sock" kill-session -t iosh
mkdir "$tmp/nv2"
printf 'line con 0\n exec-timeout 0 1\nend\n' >"$tmp/nv2/startup-config"
tmux -L "$sock" -f /dev/null new-session -d -s iosh -x 80 -y 24 \
    "exec '$builddir/iosh' --nvram '$tmp/nv2'" || fail "tmux new-session"
wait_line '^Press RETURN to get started\.$'
screen | sed '/^$/d' | tail -3 >"$tmp/idle"
cat >"$tmp/idle.want" <<'END'
Router>
Router con0 is now available
Press RETURN to get started.
END
cmp -s "$tmp/idle.want" "$tmp/idle" || fail "exec-timeout: $(cat "$tmp/idle")"
keys Enter
last_is "Router>"
echo "tmux: ? help, TAB, --More--, a log message over a typed line, exec-timeout: ok"
exit 0
