#!/bin/sh
# Run tests/expect/console.exp: iosh's readline console driven on a pty.
# Skipped (77) when configure found no expect.
if [ -z "${EXPECT:-}" ]; then
	echo "expect not found: skipping the tty console test"
	exit 77
fi
exec "$EXPECT" -f "${top_srcdir:-.}/tests/expect/console.exp"
