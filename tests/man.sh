#!/bin/sh
# The manual pages: each renders with groff without a warning, and each
# says what the programs accept — every long option of `iosh --help`
# appears in iosh(1), every command of `iosh-lab --help` in iosh-lab(1),
# every statement the topology parser knows in iosh-topology(5).  A new
# option or command without its documentation fails here.
set -u

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
fail=0

bad() {
	echo "FAIL: $*"
	fail=1
}

for page in "$srcdir"/man/iosh.1 "$srcdir"/man/iosh-lab.1 \
    "$srcdir"/man/iosh-topology.5; do
	warn=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
	[ -z "$warn" ] || bad "$page: $warn"
	text=$(groff -man -Tutf8 "$page" 2>/dev/null | col -b)
	[ -n "$text" ] || bad "$page renders nothing"
done

# A page's text with its hyphens as the source writes them (\-).
plain() {
	sed 's/\\-/-/g' "$1"
}

for opt in $("$builddir"/iosh --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
do
	plain "$srcdir/man/iosh.1" | grep -q -- "$opt" ||
	    bad "iosh $opt is not in iosh(1)"
done

"$builddir"/iosh-lab --help >"${TMPDIR:-/tmp}/iosh-lab-help.$$" ||
    bad "iosh-lab --help exited $?"
for cmd in $(sed -n 's/^ *\(usage:\)\{0,1\} *iosh-lab \(\[[^]]*\] \)*\([a-z][a-z-]*\).*/\3/p' \
    "${TMPDIR:-/tmp}/iosh-lab-help.$$" | sort -u); do
	plain "$srcdir/man/iosh-lab.1" | grep -q "^\.B.* $cmd\$\|^\.B $cmd\$\|^\.B.*\"$cmd\"\|^\.BI $cmd \|^\.BI \"$cmd" ||
	    bad "iosh-lab $cmd is not in iosh-lab(1)"
done
rm -f "${TMPDIR:-/tmp}/iosh-lab-help.$$"

for kw in $(grep -o 'strcmp(w\[0\], "[a-z-]*")' "$srcdir/lab/topology.c" |
    sed 's/.*"\(.*\)")/\1/' | sort -u); do
	plain "$srcdir/man/iosh-topology.5" | grep -q "^\.BI\{0,1\} \"\{0,1\}$kw" ||
	    bad "topology statement '$kw' is not in iosh-topology(5)"
done

[ "$fail" -eq 0 ] && echo "man: 3 pages render cleanly and document every option, command and statement"
exit "$fail"
