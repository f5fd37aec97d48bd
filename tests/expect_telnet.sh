#!/bin/sh
# Run tests/expect/telnet.exp: a telnet client against `iosh --telnet`.
# Skipped (77) when expect or the telnet client is missing.
if [ -z "${EXPECT:-}" ]; then
	echo "expect not found: skipping the telnet vty test"
	exit 77
fi
if ! command -v telnet >/dev/null 2>&1; then
	echo "telnet client not found: skipping the telnet vty test"
	exit 77
fi
exec "$EXPECT" -f "${top_srcdir:-.}/tests/expect/telnet.exp"
