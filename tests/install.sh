#!/bin/sh
# `make install DESTDIR=...` (issue 21) puts in place what a user needs:
# iosh and iosh-lab, the man pages iosh(1), iosh-lab(1), iosh-topology(5),
# every file of every lab under labs/ where the installed iosh-lab looks
# for them (the directory its "no lab" error names), README.md and every
# docs/*.md, the GNS3 appliance, Dockerfile and start command (executable);
# the installed programs run; `make uninstall` then leaves no file behind.
set -u

srcdir=$(cd "${top_srcdir:-.}" && pwd -P)
builddir=$(cd "${top_builddir:-.}" && pwd -P)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() {
	echo "FAIL: $*"
	fail=1
}

dest=$tmp/root
# A make of its own, not the jobserver of the make running the tests.
if ! env -u MAKEFLAGS -u MFLAGS ${MAKE:-make} -s -C "$builddir" install \
    DESTDIR="$dest" >"$tmp/install.log" 2>&1; then
	echo "FAIL: make install: $(cat "$tmp/install.log")"
	exit 1
fi
(cd "$dest" && find . -type f | sed 's|^\./|/|' | sort) >"$tmp/files"

# Where the programs went gives the prefix (distcheck chooses its own).
bin=$(sed -n 's|/iosh$||p' "$tmp/files" | head -1)
[ -n "$bin" ] || { echo "FAIL: no iosh installed: $(cat "$tmp/files")"; exit 1; }
prefix=${bin%/bin}
has() {
	grep -qxF "$1" "$tmp/files" || bad "not installed: $1"
}
for p in iosh iosh-lab; do
	has "$bin/$p"
	[ -x "$dest$bin/$p" ] || bad "$bin/$p is not executable"
done
has "$prefix/share/man/man1/iosh.1"
has "$prefix/share/man/man1/iosh-lab.1"
has "$prefix/share/man/man5/iosh-topology.5"

"$dest$bin/iosh" --version | grep -q '^iosh [0-9]' ||
    bad "the installed iosh --version"
"$dest$bin/iosh-lab" --help | grep -q '^usage: iosh-lab' ||
    bad "the installed iosh-lab --help"

# The labs: where the installed iosh-lab looks (run from $tmp, where no
# ./labs is, and not beside the build's labs/).
labs=$(cd "$tmp" && "$dest$bin/iosh-lab" -o "$tmp/x.dot" graph no-such-lab \
    2>&1 | sed -n 's/.* and \(\/[^ )]*\))\{0,1\}$/\1/p')
[ "$labs" = "$prefix/share/iosh/labs" ] ||
    bad "iosh-lab looks for labs in '$labs', not $prefix/share/iosh/labs"
nlabs=0
for f in $(cd "$srcdir/labs" && find . -type f | sed 's|^\./||' | sort); do
	has "$labs/$f"
	nlabs=$((nlabs + 1))
done
(cd "$tmp" && "$dest$bin/iosh-lab" -o "$tmp/ccie.dot" graph \
    "$dest$labs/ccie-13-1" >/dev/null 2>&1) && grep -q 'R1' "$tmp/ccie.dot" ||
    bad "the installed iosh-lab does not draw the installed ccie-13-1"

ndocs=0
for f in README.md $(cd "$srcdir" && ls docs/*.md); do
	has "$prefix/share/doc/iosh/${f#docs/}"
	ndocs=$((ndocs + 1))
done
for f in iosh.gns3a Dockerfile iosh-gns3-start; do
	has "$prefix/share/iosh/gns3/$f"
done
[ -x "$dest$prefix/share/iosh/gns3/iosh-gns3-start" ] ||
    bad "iosh-gns3-start is not executable"

if ! env -u MAKEFLAGS -u MFLAGS ${MAKE:-make} -s -C "$builddir" uninstall \
    DESTDIR="$dest" >"$tmp/uninstall.log" 2>&1; then
	bad "make uninstall: $(cat "$tmp/uninstall.log")"
fi
left=$(cd "$dest" && find . -type f | head -5)
[ -z "$left" ] || bad "make uninstall left: $left"

[ "$fail" -eq 0 ] &&
    echo "install: $(wc -l <"$tmp/files") files: 2 programs, 3 man pages, $nlabs lab files, $ndocs documents, the GNS3 node; uninstall leaves none"
exit "$fail"
