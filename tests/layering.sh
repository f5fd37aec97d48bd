#!/bin/sh
# layering.sh — the dependency rules of docs/ARCHITECTURE.md, checked
# against the includes, and the shared helpers of lib/ defined once.
#
#   lib/        includes only lib/
#   parser/     includes only lib/ (and itself)
#   grammar/    includes parser/, lib/ and the subsystems' cmds.h
#   crypto/     includes lib/ and, of the dataplane, dataplane/dp.h only;
#               never parser/, grammar/ or shell/
#   dataplane/  includes lib/ only: never crypto/ (crypto's hooks are
#               registered), parser/, grammar/ or shell/
#   lab/        includes lib/ only (iosh-lab reaches routers as a user)
#   shell/      may include every module: it assembles the router
#
# Exits non-zero, naming each file and include that breaks a rule.
set -eu
src=${top_srcdir:-.}
cd "$src"

fail=0
# rule DIR ALLOWED-REGEX: every quoted include of DIR/*.[ch] that names
# another directory must match ALLOWED-REGEX.
rule() {
	dir=$1
	allowed=$2
	for f in "$dir"/*.c "$dir"/*.h; do
		[ -e "$f" ] || continue
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' \
		    "$f" | while read -r inc; do
			case $inc in
			"$dir"/*) continue ;;
			config.h) continue ;;	# autoconf's, in the build tree
			esac
			if ! printf '%s\n' "$inc" | grep -Eq "^($allowed)\$"; then
				echo "layering: $f includes $inc"
			fi
		done
	done
}

out=$( {
	rule lib ''
	rule parser 'lib/[a-z0-9_]+\.h'
	rule grammar 'lib/[a-z0-9_]+\.h|parser/[a-z0-9_]+\.h|(shell|crypto|dataplane)/cmds\.h'
	rule crypto 'lib/[a-z0-9_]+\.h|dataplane/dp\.h'
	rule dataplane 'lib/[a-z0-9_]+\.h'
	rule lab 'lib/[a-z0-9_]+\.h'
} )
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	fail=1
fi

# The shared helpers of lib/ have one definition in the product.  A
# definition starts a line with the name (the style: return type on the
# line above), or is a one-line C header without a semicolon.
for fn in get16 get32 put16 put32 put16le put32le xmalloc xcalloc \
    xreallocarray xstrdup xstrndup xstrset ip4_text ip4_parse in_cksum \
    cmd_arg cmd_has cmd_arg_num cmd_arg_off cmd_negated; do
	where=$( { grep -lE "^$fn\(" lib/*.[ch] parser/*.c grammar/*.c \
	    shell/*.c crypto/*.c dataplane/*.c lab/*.c fuzz/*.c tests/*.c \
	    bench/*.c; grep -lE "^[a-z].*[ *]$fn\([^;]*\$" parser/*.c \
	    grammar/*.c shell/*.c crypto/*.c dataplane/*.c lab/*.c fuzz/*.c \
	    tests/*.c bench/*.c; } 2>/dev/null | sort -u | tr '\n' ' ')
	# Exactly one file, and it is in lib/.
	set -- $where
	if [ $# -ne 1 ] || [ "${1#lib/}" = "$1" ]; then
		echo "layering: $fn defined in: ${where:-nowhere}"
		fail=1
	fi
done

if [ $fail -eq 0 ]; then
	echo "layering: lib, parser, grammar, crypto, dataplane, lab follow" \
	    "their rules; the lib/ helpers are defined once"
fi
exit $fail
