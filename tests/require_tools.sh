#!/bin/sh
# tests/skip.sh's contract: a test that lacks a tool skips (77) on a
# developer's machine and fails (1) under IOSH_REQUIRE_TOOLS=1, as .ci/run
# sets it; a tool that is there changes nothing.  Run on
# tests/expect_console.sh with EXPECT emptied (what configure leaves when
# expect is missing) and on `have` with a tool no machine has.
set -u
src=${top_srcdir:-.}
fail() { echo "FAIL: $*"; exit 1; }

EXPECT= IOSH_REQUIRE_TOOLS= sh "$src/tests/expect_console.sh" >/dev/null
[ $? -eq 77 ] || fail "expect_console.sh without expect: not a skip"
out=$(EXPECT= IOSH_REQUIRE_TOOLS=1 sh "$src/tests/expect_console.sh")
[ $? -eq 1 ] || fail "expect_console.sh without expect under" \
    "IOSH_REQUIRE_TOOLS=1: not a failure"
case $out in
*"IOSH_REQUIRE_TOOLS=1"*) ;;
*) fail "no reason given: $out" ;;
esac

t=iosh-no-such-tool-$$
IOSH_REQUIRE_TOOLS= sh -c ". '$src/tests/skip.sh'; have sh && ! have $t" ||
    fail "have: sh not found or $t found"
IOSH_REQUIRE_TOOLS=1 sh -c ". '$src/tests/skip.sh'; have sh || exit 3;
    have $t; exit 0" >/dev/null
[ $? -eq 1 ] || fail "have $t under IOSH_REQUIRE_TOOLS=1: not a failure"
echo "require_tools: skip is 77, or 1 under IOSH_REQUIRE_TOOLS=1"
