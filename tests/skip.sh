# tests/skip.sh — sourced by the shell tests: what a test does when
# something it needs is missing.
#
#   skip REASON     the test cannot run: exit 77 (automake's SKIP).  With
#                   IOSH_REQUIRE_TOOLS=1 (.ci/run exports it: ./setup.sh
#                   has installed every tool the tests use, as root) a
#                   skip is a failure, exit 1, so no test vanishes from CI.
#   have TOOL...    whether every TOOL is on PATH, for a check a test makes
#                   only when its tool is there; with IOSH_REQUIRE_TOOLS=1
#                   a missing one fails the test instead of checking less.
#
# With the tools present both behave the same either way.
skip() {
	if [ "${IOSH_REQUIRE_TOOLS:-}" = 1 ]; then
		echo "FAIL: $* (IOSH_REQUIRE_TOOLS=1: a skip is a failure)"
		exit 1
	fi
	echo "SKIP: $*"
	exit 77
}

have() {
	for _t in "$@"; do
		if ! command -v "$_t" >/dev/null 2>&1; then
			[ "${IOSH_REQUIRE_TOOLS:-}" = 1 ] &&
			    skip "$_t missing"
			return 1
		fi
	done
	return 0
}
