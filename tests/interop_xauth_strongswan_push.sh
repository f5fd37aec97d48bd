#!/bin/bash
# tests/interop_xauth_strongswan.sh in push mode: the hub's profile has
# `client configuration address initiate`, charon `pull = no`; after XAUTH
# the hub sends the address (and DNS/WINS/domain) in a SET, the client
# ACKs, gets 10.5.5.1 and passes traffic.
SS_PUSH=1
. "${top_srcdir:-.}/tests/interop_xauth_strongswan.sh"
