#!/bin/sh
# setup.sh — make this checkout ready, then optionally run something.
#
#   ./setup.sh          install missing Debian build dependencies (as root),
#                       generate the build system, configure and build
#   ./setup.sh run      the above, then start the main job: the CCIE 13-1
#                       lab (R1 and R2, see labs/ccie-13-1) and a console
#                       on R1 (`./iosh-lab stop` ends the lab)
#   ./setup.sh test     the above, then the whole test suite once, under
#                       ASan+UBSan, from the release tarball (`make distcheck`:
#                       proves the tarball is complete and every test passes
#                       sanitized; the plain build above proves it compiles)
#
# Idempotent and quiet when there is nothing to do.  Extra configure options
# can be given in IOSH_CONFIGURE_FLAGS (e.g. --enable-sanitizers).
set -eu

cd "$(dirname "$0")"

# Debian packages the build and the tests need.
PKGS="build-essential autoconf automake pkg-config libreadline-dev libssl-dev
libpcap-dev libtelnet-dev libpcre2-dev check expect telnet tmux clang libclang-rt-14-dev tshark
iproute2 iputils-ping strongswan-charon strongswan-swanctl
libcharon-extra-plugins libcharon-extauth-plugins libstrongswan-standard-plugins libldns3
libevent-pthreads-2.1-7 libnss3-tools iperf3 ethtool dnsmasq-base busybox vpnc
groff-base bsdextrautils libcrypto++-dev netcat-openbsd libssh-dev
openssh-client sshpass python3-paramiko python3-netmiko python3-textfsm graphviz rsyslog
ansible python3-jsonschema"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "setup.sh: missing Debian packages:$missing" >&2
		echo "setup.sh: run as root, or: sudo apt-get install$missing" >&2
		exit 1
	fi
	echo "setup.sh: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Libreswan conflicts with strongSwan's packages: the interop test runs
# its pluto from the unpacked .deb instead (tests/interop_libreswan.sh).
LIBRESWAN_ROOT=/opt/iosh-libreswan
if [ "$(id -u)" -eq 0 ] && [ ! -x "$LIBRESWAN_ROOT/usr/libexec/ipsec/pluto" ]
then
	echo "setup.sh: unpacking libreswan into $LIBRESWAN_ROOT"
	dl=$(mktemp -d)
	(cd "$dl" && apt-get download -qq libreswan >/dev/null &&
	    mkdir -p "$LIBRESWAN_ROOT" &&
	    dpkg-deb -x libreswan_*.deb "$LIBRESWAN_ROOT") ||
	    echo "setup.sh: libreswan not available; its test will skip" >&2
	rm -rf "$dl"
fi

if [ ! -x configure ]; then
	autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
fi
if [ ! -f Makefile ]; then
	# shellcheck disable=SC2086
	./configure --quiet ${IOSH_CONFIGURE_FLAGS:-}
fi
make -s -j"$(nproc)" >/dev/null

case "${1:-}" in
"")
	;;
run)
	# A lab already up is reused: the console is what the user wants.
	./iosh-lab status >/dev/null 2>&1 || ./iosh-lab start ccie-13-1
	exec ./iosh-lab console R1
	;;
test)
	# A failing test's own log is in the distcheck tree, which CI does
	# not keep: print it, so a failure that does not recur can be read.
	make -s -j"$(nproc)" distcheck \
	    DISTCHECK_CONFIGURE_FLAGS="--enable-sanitizers --quiet" || {
		rc=$?
		for t in $(find . -path '*/_build/*' -name '*.trs' \
		    -exec grep -l '^:test-result: FAIL\|^:test-result: ERROR' {} +); do
			echo "==== ${t%.trs}.log" >&2
			tail -n 60 "${t%.trs}.log" >&2
		done
		exit "$rc"
	}
	;;
*)
	echo "usage: $0 [run|test]" >&2
	exit 2
	;;
esac
