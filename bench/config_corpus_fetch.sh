#!/bin/sh
# bench/config_corpus_fetch.sh DIR: download the captures listed in
# bench/config_corpus.fetch (repositories with no licence: not kept in
# iosh's tree) into DIR/NAME.cfg, each headed, as the kept corpus files
# are, by a line naming its source (repository, commit, path, line range).
# Then: bench/config_corpus.sh DIR.  Needs curl and the network.
# FETCH_LOCAL=DIR2 reads DIR2/NAME.src instead of downloading (offline).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: config_corpus_fetch.sh DIR}
mkdir -p "$out"
grep -v -e '^#' -e '^$' "$top/bench/config_corpus.fetch" |
while read -r name repo commit path; do
	if [ -n "${FETCH_LOCAL:-}" ]; then
		cat "$FETCH_LOCAL/$name.src"
	else
		curl -fsSL "https://raw.githubusercontent.com/$repo/$commit/$path"
	fi >"$out/$name.src"
	# The capture: from "Building configuration..." to its first "end".
	first=$(grep -n -m1 '^Building configuration\.\.\.' "$out/$name.src" |
	    cut -d: -f1)
	last=$(awk -v f="$first" 'NR > f && /^end[ \r]*$/ { print NR; exit }' \
	    "$out/$name.src")
	{ echo "! source: https://github.com/$repo/blob/$commit/$path" \
	    "lines $first-$last; licence: none stated (fetched, not kept)"
	  sed -n "${first},${last}p" "$out/$name.src"; } >"$out/$name.cfg"
	rm -f "$out/$name.src"
	echo "$name: lines $first-$last"
done
