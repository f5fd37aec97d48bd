#!/bin/sh
# Run tests/expect/telnet.exp: a telnet client against `iosh --telnet`.
# Skipped (77) when expect or the telnet client is missing (tests/skip.sh).
. "${top_srcdir:-.}/tests/skip.sh"
[ -n "${EXPECT:-}" ] || skip "expect not found: the telnet vty test"
have telnet || skip "telnet client not found: the telnet vty test"
exec "$EXPECT" -f "${top_srcdir:-.}/tests/expect/telnet.exp"
