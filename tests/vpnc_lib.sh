# vpnc_lib.sh: what the vpnc tests share, sourced after interop_lib.sh
# (its namespace $ns, its directory $D, ss_cleanup).
#
#   vpnc_files NATT [ROUTE]	vpnc's configuration (the hub 12.1.1.1,
#				group testgroup/cisco321, XAUTH vpnuser/
#				cisco123, DH group 2, no PFS, NAT-T mode
#				NATT) and its script: the address on the
#				tun device, a route to ROUTE through it if
#				given, and the environment kept in
#				$D/env.REASON for the assertions; no
#				resolv.conf or route of the host touched.
#   fail MSG			the hub's and vpnc's last lines, then exit 1
#				(KEEP=dir keeps the whole logs).
# Skips (77) without vpnc; kills vpnc (its pid file) on exit.

command -v vpnc >/dev/null || skip "vpnc missing"

fail() {
	echo "FAIL: $*"
	echo "--- iosh"; tail -80 "$D/out"
	echo "--- vpnc"; tail -30 "$D/vpnc.log" 2>/dev/null
	[ -n "${KEEP:-}" ] && cp "$D"/out "$D"/vpnc*.log "$KEEP/" 2>/dev/null
	exit 1
}

vpnc_cleanup() {
	[ -f "$D/vpnc.pid" ] && kill "$(cat "$D/vpnc.pid")" 2>/dev/null
	ss_cleanup
}
trap vpnc_cleanup EXIT
trap 'exit 1' HUP INT TERM	# a signal exits through the EXIT trap

vpnc_files() {
	{
		echo '#!/bin/sh'
		# Written aside and renamed: the tests poll for the file
		# and must not read it half written.
		echo "env | sort >\"$D/env.\$reason.part\""
		echo "mv \"$D/env.\$reason.part\" \"$D/env.\$reason\""
		echo 'if [ "$reason" = connect ]; then'
		echo '	ip addr add "$INTERNAL_IP4_ADDRESS/32" dev "$TUNDEV"'
		echo '	ip link set "$TUNDEV" up mtu 1400'
		[ -n "${2:-}" ] && echo "	ip route add $2 dev \"\$TUNDEV\"" \
		    "src \"\$INTERNAL_IP4_ADDRESS\""
		echo 'fi'
		echo 'exit 0'
	} >"$D/script.sh"
	chmod +x "$D/script.sh"
	cat >"$D/vpnc.conf" <<EOC
IPSec gateway 12.1.1.1
IPSec ID testgroup
IPSec secret cisco321
Xauth username vpnuser
Xauth password cisco123
IKE DH Group dh2
Perfect Forward Secrecy nopfs
NAT Traversal Mode $1
EOC
}
