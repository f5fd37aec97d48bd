#!/bin/sh
# bench/config_corpus.sh [--min PERCENT] [--roundtrip] [FILE|DIR]...
#
# How much of a real IOS configuration iosh accepts.  Each file of the
# corpus (tests/data/configs/*.cfg by default: real public running-configs,
# each with its source in its first line) is pasted into a fresh iosh in
# line mode after `enable` and `configure terminal`, as a user pastes it.
# A configuration line is refused when iosh answers it with a `%` line.
# Prints per file and in all: lines, refused, acceptance rate; then every
# refused line grouped by its first two words, the largest group first.
#
# Counted are the configuration lines only: blank lines and `!` comments
# are not, nor the two lines `show running-config` prints before the
# configuration ("Building configuration...", "Current configuration :
# N bytes"), which are the command's output, not configuration, nor the
# final `end`.
#
# --min PERCENT: exit 1 when the total acceptance rate is below PERCENT.
# --roundtrip: for each file, load the `show running-config` it left
#   into a second fresh iosh and fail when a line of it is refused or the
#   second rendering differs from the first (what iosh accepted renders
#   back in a form it accepts again, unchanged).
# Runs offline: the corpus is in the repository.  bench/config_corpus.fetch
# lists further sources whose licence does not let us keep a copy; fetch
# them with `bench/config_corpus_fetch.sh DIR` and pass DIR here.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
iosh=${IOSH:-$top/iosh}
min=
roundtrip=0
while [ $# -gt 0 ]; do
	case $1 in
	--min) min=$2; shift 2 ;;
	--roundtrip) roundtrip=1; shift ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- "$top/tests/data/configs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files=
for a in "$@"; do
	if [ -d "$a" ]; then
		for f in "$a"/*.cfg; do [ -f "$f" ] && files="$files $f"; done
	else
		files="$files $a"
	fi
done

# The transcript of one load: iosh echoes each input line after its
# prompt; the lines up to the next echo are that line's answer.
load() {	# FILE OUT
	{ printf 'enable\nconfigure terminal\n'
	  sed -e 's/\r$//' -e '/^Building configuration\.\.\.$/d' \
	      -e '/^Current configuration : [0-9]* bytes$/d' "$1"
	  # A capture may end without a newline after its `end`.
	  printf '\nend\nshow running-config\n'
	} | "$iosh" --clock 0 --nvram "$tmp/nv" >"$2" 2>&1 || true
}

# Refused lines of a transcript, one per line: the input as echoed.
refused() {	# TRANSCRIPT
	awk '
	/^[A-Za-z0-9._-]+(\([a-z0-9-]+\))?[#>]/ {
		if (cur != "" && bad) print cur
		cur = $0; sub(/^[A-Za-z0-9._-]+(\([a-z0-9-]+\))?[#>]/, "", cur)
		bad = 0; next
	}
	/^%/ { bad = 1 }
	END { if (cur != "" && bad) print cur }' "$1"
}

counted() {	# FILE: configuration lines counted
	sed -e 's/\r$//' "$1" | awk '
	/^[ \t]*$/ || /^[ \t]*!/ { next }
	/^Building configuration\.\.\.$/ || /^Current configuration : [0-9]* bytes$/ { next }
	/^end$/ { next }
	{ n++ } END { print n + 0 }'
}

runcfg() {	# TRANSCRIPT: the show running-config it ends with
	awk '/#show running-config$/ { on = 1; next } on' "$1" |
	    sed '/^[A-Za-z0-9._-]*#$/d'
}

tl=0; tr=0; fail=0
: >"$tmp/all"
printf '%-56s %6s %7s %8s\n' FILE LINES REFUSED ACCEPTED
for f in $files; do
	load "$f" "$tmp/out"
	refused "$tmp/out" | grep -v -x -e 'end' -e 'show running-config' \
	    >"$tmp/ref" || true
	n=$(counted "$f"); r=$(wc -l <"$tmp/ref")
	tl=$((tl + n)); tr=$((tr + r))
	b=$(basename "$f")
	awk -v f="$b" '{ print f "\t" $0 }' "$tmp/ref" >>"$tmp/all"
	printf '%-56s %6d %7d %7s%%\n' "$b" "$n" "$r" \
	    "$(awk -v n="$n" -v r="$r" 'BEGIN { printf "%.1f", n ? 100 * (n - r) / n : 100 }')"
	if [ "$roundtrip" = 1 ]; then
		runcfg "$tmp/out" >"$tmp/rc1.cfg"
		load "$tmp/rc1.cfg" "$tmp/out2"
		runcfg "$tmp/out2" >"$tmp/rc2.cfg"
		refused "$tmp/out2" | grep -v -x -e 'end' \
		    -e 'show running-config' >"$tmp/ref2" || true
		if [ -s "$tmp/ref2" ]; then
			echo "roundtrip: $b: refused lines:"; cat "$tmp/ref2"
			fail=1
		elif ! cmp -s "$tmp/rc1.cfg" "$tmp/rc2.cfg"; then
			echo "roundtrip: $b: rendering differs:"
			diff "$tmp/rc1.cfg" "$tmp/rc2.cfg" | head -20
			fail=1
		fi
	fi
done
rate=$(awk -v n="$tl" -v r="$tr" 'BEGIN { printf "%.2f", n ? 100 * (n - r) / n : 100 }')
printf '%-56s %6d %7d %7s%%\n' TOTAL "$tl" "$tr" "$rate"
if [ -s "$tmp/all" ]; then
	echo
	echo "Refused lines by their first words (most frequent first):"
	awk -F'\t' '{ l = $2; sub(/^[ \t]+/, "", l); split(l, w, /[ \t]+/)
		k = w[1] (w[2] != "" ? " " w[2] : ""); print k "\t" $0 }' "$tmp/all" |
	    sort -t"$(printf '\t')" -k1,1 -s >"$tmp/keyed"
	cut -f1 "$tmp/keyed" | uniq -c | sort -k1,1nr -s | while read -r c k; do
		printf '%6d  %s\n' "$c" "$k"
		awk -F'\t' -v k="$k" '$1 == k { printf "          %s: %s\n", $2, $3 }' "$tmp/keyed"
	done
fi
if [ -n "$min" ] && awk -v a="$rate" -v m="$min" 'BEGIN { exit !(a < m) }'; then
	echo "acceptance $rate% is below $min%"
	fail=1
fi
exit $fail
