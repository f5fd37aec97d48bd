#!/bin/sh
# Run tests/expect/console.exp: iosh's readline console driven on a pty.
# Skipped (77) when configure found no expect (tests/skip.sh).
. "${top_srcdir:-.}/tests/skip.sh"
[ -n "${EXPECT:-}" ] || skip "expect not found: the tty console test"
exec "$EXPECT" -f "${top_srcdir:-.}/tests/expect/console.exp"
