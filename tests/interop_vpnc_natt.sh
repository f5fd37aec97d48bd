#!/bin/bash
# tests/interop_vpnc.sh with vpnc's `NAT Traversal Mode force-natt`: the
# same XAUTH and mode-config, then IKE on 4500 and ESP in UDP (RFC 3948).
VPNC_NATT=force-natt
. "${top_srcdir:-.}/tests/interop_vpnc.sh"
