#!/bin/sh
# The SSH vty (issue 21) with OpenSSH's client and sshpass, as a user or
# a script logs in: refused before `crypto key generate rsa` (IOS has no
# SSH server without its RSA key), the key's dialog on the console and
# its file (0600) in the nvram directory, then a vty with its `login`
# password (show version, show users listing the SSH session on vty 0,
# show ssh), a wrong password refused, `login local` with a privilege-15
# username (the exec starts at R1#), and `transport input telnet` refusing
# SSH; with paramiko, a client that leaves while its `exit` is answered.
# SIGTERM then ends iosh with status 0 (leak-free under ASan).
set -u

builddir=${top_builddir:-.}
iosh="$builddir/iosh"
for tool in ssh sshpass; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool not found: skipping the SSH vty test"
		exit 77
	fi
done
if ! /usr/bin/python3 -c 'import paramiko' 2>/dev/null; then
	echo "paramiko not importable: skipping the SSH vty test"
	exit 77
fi

tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	if [ -n "${KEEP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
fail=0
bad() {
	echo "FAIL: $*"
	fail=1
}

# Start iosh on console input $1 with --ssh and --telnet on free ports;
# sets pid and port (SSH).  The console's output goes to $tmp/console.
start() {
	"$iosh" --clock 1700000000 --nvram "$tmp/nv" --ssh 127.0.0.1:0 \
	    --telnet 127.0.0.1:0 <"$1" >"$tmp/console" 2>"$tmp/err" &
	pid=$!
	port=
	for _ in $(seq 50); do
		port=$(sed -n 's/^iosh: ssh vty on 127\.0\.0\.1:\([0-9]*\)$/\1/p' \
		    "$tmp/err")
		tport=$(sed -n 's/^iosh: telnet vty on 127\.0\.0\.1:\([0-9]*\)$/\1/p' \
		    "$tmp/err")
		[ -n "$port" ] && break
		sleep 0.1
	done
	[ -n "$port" ] || { bad "iosh did not listen: $(cat "$tmp/err")"; exit 1; }
}

# Wait (5 s at most) for the console to have printed PATTERN.
console_has() {
	for _ in $(seq 50); do
		grep -q -- "$1" "$tmp/console" && return 0
		sleep 0.1
	done
	bad "the console never printed $1: $(cat "$tmp/console")"
}

stop() {
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	pid=
	[ "$rc" -eq 0 ] || bad "iosh exited $rc after SIGTERM: $(cat "$tmp/err")"
}

# ssh USER PASSWORD: the lines of stdin typed at the vty; the session's
# output (CR removed) in $tmp/out, ssh's status in $st (not in a pipeline:
# its last command would run in a subshell and $st be lost).
vty() {
	timeout 10 sshpass -p "$2" ssh -tt -p "$port" \
	    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	    -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=1 \
	    -o LogLevel=${SSHLOG:-INFO} -o ConnectTimeout=5 "$1@127.0.0.1" \
	    >"$tmp/out.raw" 2>&1
	st=$?
	tr -d '\r' <"$tmp/out.raw" >"$tmp/out"
}

# The connection was refused before SSH began: ssh failed (255) at its
# first read (a reset, or a close, as the race goes), no password asked.
refused() {
	[ "$st" -eq 255 ] &&
	    grep -q 'Connection reset by\|Connection closed by' "$tmp/out" &&
	    ! grep -q 'R1[>#]\|Permission denied' "$tmp/out" ||
	    bad "$1: not refused: ssh exited $st: $(cat "$tmp/out")"
}


has() {
	grep -qxF -- "$1" "$tmp/out" || bad "$2: no line '$1' in: $(cat "$tmp/out")"
}

mkdir "$tmp/nv"
cat >"$tmp/nv/startup-config" <<'EOF'
hostname R1
ip domain name example.com
enable secret class
username admin privilege 15 secret cisco
line vty 0 4
 password vtypw
 login
EOF

# 1. No RSA key: SSH is disabled and a connection is closed at once.
printf 'show ip ssh\n' >"$tmp/in1"
start "$tmp/in1"
console_has 'Authentication timeout'
tr -d '\r' <"$tmp/console" >"$tmp/c1"
grep -qxF 'SSH Disabled - version 1.99' "$tmp/c1" ||
    bad "show ip ssh before the key: $(cat "$tmp/c1")"
vty anyone vtypw </dev/null
refused "SSH without a key"
stop

# 2. The key, generated at the console.
printf 'enable\nclass\nconfigure terminal\ncrypto key generate rsa modulus 1024\nend\nshow ip ssh\n' \
    >"$tmp/in2"
start "$tmp/in2"
console_has '%SSH-5-ENABLED'
tr -d '\r' <"$tmp/console" >"$tmp/out"
has 'The name for the keys will be: R1.example.com' "key generation"
has '% The key modulus size is 1024 bits' "key generation"
has '% Generating 1024 bit RSA keys, keys will be non-exportable...' \
    "key generation"
has '[OK] (elapsed time was 0 seconds)' "key generation"
has 'SSH Enabled - version 1.99' "show ip ssh after the key"
has 'IOS Keys in SECSH format(ssh-rsa, base64 encoded): R1.example.com' \
    "show ip ssh after the key"
grep -q '%SSH-5-ENABLED: SSH 1.99 has been enabled$' "$tmp/out" ||
    bad "no %SSH-5-ENABLED message: $(cat "$tmp/out")"
grep '^ssh-rsa ' "$tmp/out" >"$tmp/pubkey"
[ "$(stat -c %a "$tmp/nv/ssh_host_rsa_key" 2>/dev/null)" = 600 ] ||
    bad "host key file not 0600: $(ls -l "$tmp/nv")"

# 3. The line's password (`login`): any user name, as IOS.
printf 'terminal length 0\nshow version\nshow users\nshow ssh\nexit\n' >"$tmp/typed"
vty anyone vtypw <"$tmp/typed"
[ "$st" -eq 0 ] || bad "login with the line password: ssh exited $st"
grep -q '^iosh Software (IOSH-LINUX), Version ' "$tmp/out" ||
    bad "show version over SSH"
grep -q '^Processor board ID IOSH' "$tmp/out" ||
    bad "show version over SSH: board ID"
grep -q '^R1 uptime is ' "$tmp/out" || bad "show version over SSH: uptime"
grep -q '^\*  2 vty 0 .* 127\.0\.0\.1$' "$tmp/out" ||
    bad "show users: the SSH session on vty 0: $(cat "$tmp/out")"
grep -q '^0          2\.0     IN   aes[0-9]*-ctr  *hmac-sha[0-9-]* *Session started *anyone$' "$tmp/out" ||
    bad "show ssh: the session's IN row: $(cat "$tmp/out")"
has '%No SSHv1 server connections running.' "show ssh"

# 4. A wrong password is refused.
vty anyone wrong </dev/null
[ "$st" -eq 255 ] || bad "wrong line password: ssh exited $st, not 255"
has 'anyone@127.0.0.1: Permission denied (password).' "wrong line password"

# 5. `login local`, set over SSH itself; admin is privilege 15.
printf 'enable\nclass\nconfigure terminal\nline vty 0 4\nlogin local\nend\nexit\n' >"$tmp/typed"
vty anyone vtypw <"$tmp/typed"
[ "$st" -eq 0 ] || bad "reconfiguring over SSH: ssh exited $st"
printf 'show privilege\nshow users\nexit\n' >"$tmp/typed"
vty admin cisco <"$tmp/typed"
[ "$st" -eq 0 ] || bad "login local: ssh exited $st: $(cat "$tmp/out")"
has 'Current privilege level is 15' "login local"
grep -q '^\*  2 vty 0     admin ' "$tmp/out" ||
    bad "show users: admin on vty 0: $(cat "$tmp/out")"
vty admin vtypw </dev/null
[ "$st" -eq 255 ] || bad "login local with the line's password: ssh exited $st"
has 'admin@127.0.0.1: Permission denied (password).' "login local, line password"

# 6. SSH and telnet share the five vty lines: three SSH and two telnet
# sessions held open, a sixth (SSH) is reset.
holders=
for i in 1 2 3; do
	(sleep 2; printf 'exit\n') | timeout 10 sshpass -p cisco ssh -tt \
	    -p "$port" -o StrictHostKeyChecking=no \
	    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR admin@127.0.0.1 \
	    >"$tmp/hold$i" 2>&1 &
	holders="$holders $!"
done
for i in 4 5; do
	(sleep 2) | timeout 10 telnet 127.0.0.1 "$tport" >"$tmp/hold$i" 2>&1 &
	holders="$holders $!"
done
sleep 1
vty admin cisco </dev/null
refused "a sixth session (SSH)"
for h in $holders; do
	wait "$h"
done
grep -q 'R1#' "$tmp/hold1" || bad "a held SSH session: $(cat "$tmp/hold1")"
grep -q 'Username:' "$tmp/hold5" || bad "a held telnet session: $(cat "$tmp/hold5")"

# 7. transport input telnet: SSH is refused, as IOS refuses it.
printf 'configure terminal\nline vty 0 4\ntransport input telnet\nend\nexit\n' >"$tmp/typed"
vty admin cisco <"$tmp/typed"
[ "$st" -eq 0 ] || bad "transport input over SSH: ssh exited $st"
vty admin cisco </dev/null
refused "transport input telnet"
stop

# 8. After a restart the key is the nvram's (the same public key); two
# refused SSH passwords under `login block-for 30 attempts 2 within 30`
# start the quiet period, and the right password is then reset too.
printf 'show ip ssh\nenable\nclass\nconfigure terminal\nlogin block-for 30 attempts 2 within 30\nend\n' \
    >"$tmp/in3"
start "$tmp/in3"
console_has 'CONFIG_I'
grep -qxF "$(cat "$tmp/pubkey")" "$tmp/console" ||
    bad "the key after a restart is not the one generated"
vty anyone wrong1 </dev/null
vty anyone wrong2 </dev/null
has 'anyone@127.0.0.1: Permission denied (password).' "a refused password"
vty anyone vtypw </dev/null
refused "quiet mode of login block-for"
stop

# 9. A client that leaves while its `exit` is answered (tests/ssh_leave.py:
# iosh stopped meanwhile, two telnet connections waiting): libssh closes
# the socket it holds when its answers fail, and the connections accepted
# next must be greeted, not abort iosh on a number its loop still polled.
# Then no descriptor is left behind.
: >"$tmp/in4"
start "$tmp/in4"
nfd=$(ls /proc/"$pid"/fd | wc -l)
timeout 30 /usr/bin/python3 "${top_srcdir:-.}/tests/ssh_leave.py" "$port" \
    "$tport" "$pid" vtypw >"$tmp/leave" 2>&1 ||
    bad "a client that left during its exit: $(cat "$tmp/leave")"
kill -0 "$pid" 2>/dev/null || bad "iosh died after a client left: $(cat "$tmp/err")"
for _ in $(seq 50); do
	[ "$(ls /proc/"$pid"/fd 2>/dev/null | wc -l)" -eq "$nfd" ] && break
	sleep 0.1
done
[ "$(ls /proc/"$pid"/fd 2>/dev/null | wc -l)" -eq "$nfd" ] ||
    bad "descriptors after the clients left: $(ls -l /proc/"$pid"/fd)"
stop

[ "$fail" -eq 0 ] && echo "ssh: no key refused; key 1024 bits 0600; line password, login local (privilege 15), wrong passwords, a sixth vty refused across SSH and telnet, transport input telnet, the key kept across a restart, login block-for counting SSH failures, a client leaving during its exit, as IOS"
exit "$fail"
