#!/bin/sh
# Netmiko (Debian python3-netmiko) against `iosh --ssh --telnet`: the
# checks are tests/netmiko_iosh.py's, with the ntc-templates vendored in
# tests/data/ntc-templates (NET_TEXTFSM).  Skipped (77) only when
# Netmiko or TextFSM does not import under /usr/bin/python3.
set -u
. "${top_srcdir:-.}/tests/iosh_lib.sh"

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
iosh="$builddir/iosh"
py=/usr/bin/python3
if ! "$py" -c 'import netmiko, textfsm' 2>/dev/null; then
	echo "netmiko or textfsm not importable: skipping the Netmiko test"
	exit 77
fi

tmp=$(mktemp -d)
pid= pid2=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	[ -n "$pid2" ] && kill "$pid2" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# R1's FastEthernet0/0 and R2's FastEthernet0/1 share a udp: wire, so R1
# has a CDP neighbour for show cdp neighbors [detail].
ports=$("$py" -c 'import socket
s = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
set -- $ports
p1=$1 p2=$2
mkdir "$tmp/nv" "$tmp/nv2"
cat >"$tmp/nv2/startup-config" <<'EOF'
hostname R2
cdp run
interface FastEthernet0/1
 ip address 10.0.12.2 255.255.255.0
 no shutdown
EOF
cat >"$tmp/nv/startup-config" <<'EOF'
hostname R1
service timestamps log datetime msec
logging buffered 8192 informational
cdp run
interface FastEthernet0/0
 description to-R2
 ip address 10.0.12.1 255.255.255.0
 no shutdown
ip route 192.168.5.0 255.255.255.0 10.0.12.2
ip access-list extended EDGE
 permit tcp any host 10.0.12.1 eq 22
 deny ip any any log
access-list 10 permit 10.1.1.0 0.0.0.255
ip domain name example.com
enable secret class
username oper secret op
interface Loopback0
 description managed-by-iosh
 ip address 10.0.0.1 255.255.255.255
line vty 0 4
 login local
EOF
printf 'enable\nclass\nconfigure terminal\ncrypto key generate rsa modulus 1024\nend\n' \
    >"$tmp/in"
"$iosh" --clock 1700000000 --nvram "$tmp/nv" --ssh 127.0.0.1:0 \
    --telnet 127.0.0.1:0 --attach "FastEthernet0/0=udp:$p1:127.0.0.1:$p2" \
    <"$tmp/in" >"$tmp/console" 2>"$tmp/err" &
pid=$!
ssh_port=$(ssh_port "$tmp/err" "$tmp/console") || {
	echo "FAIL: iosh did not start with a key: $(cat "$tmp/err" "$tmp/console")"
	exit 1
}
telnet_port=$(sed -n 's/^iosh: telnet vty on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$tmp/err")

# R2 after R1 listens: its first advertisement reaches R1 (the clock is
# frozen, so it is the only one); --telnet keeps it running.
"$iosh" --clock 1700000000 --nvram "$tmp/nv2" --telnet 127.0.0.1:0 \
    --attach "FastEthernet0/1=udp:$p2:127.0.0.1:$p1" </dev/null \
    >"$tmp/console2" 2>"$tmp/err2" &
pid2=$!

# Two routers' IKE in tests/check_ike (CCIE lab 13-1, a tunnel up and
# four echoes through it) leave R1's show crypto session detail and show
# crypto ipsec sa detail (15.1, and IOS XE's layout under version 16.9)
# in $tmp/ntc for the crypto templates.
mkdir "$tmp/ntc"
NTC_OUT="$tmp/ntc" CK_RUN_CASE=ntc \
    timeout 60 "$builddir/tests/check_ike" >"$tmp/ntc.log" 2>&1 || {
	echo "FAIL: check_ike ntc: $(cat "$tmp/ntc.log")"
	exit 1
}

NTC_OUT=$tmp/ntc SSH_PORT=$ssh_port TELNET_PORT=$telnet_port NVRAM=$tmp/nv \
    NET_TEXTFSM=$(cd "$srcdir/tests/data/ntc-templates" && pwd) \
    IOSH_VERSION=$("$iosh" --version | sed 's/^iosh //') \
    timeout 60 "$py" "$srcdir/tests/netmiko_iosh.py"
rc=$?

kill -TERM "$pid2"
wait "$pid2"
pid2=
iosh_stop "$pid" "$tmp/err" || rc=1
pid=
exit "$rc"
