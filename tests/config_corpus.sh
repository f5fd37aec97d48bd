#!/bin/sh
# The corpus test (issue 20): twelve of the real running-configs kept in
# tests/data/configs/ (IOS 15.2, 15.7 and IOS-XE 16.4 captures; BGP, OSPF,
# EIGRP, VRFs, route-maps, banners, an AWS IPsec VPN over tunnels) are
# pasted into a fresh iosh; the share of their lines accepted must not
# fall below the figure reached (bench/config_corpus.sh gives it for the
# whole corpus), and each file's show running-config must load into
# another fresh iosh with no % line and render the same again.  Twelve,
# not all 44, to stay under 20 s under ASan; the bench runs them all.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
d=$srcdir/tests/data/configs
IOSH=$(cd "$builddir" && pwd -P)/iosh
export IOSH
exec sh "$srcdir/bench/config_corpus.sh" --roundtrip --min 88.0 \
    "$d/ios_example_network__as1border1.cfg" \
    "$d/ios_example_network__as2dept1.cfg" \
    "$d/ospf_lab_validation__R1-ios.cfg" \
    "$d/ios_add_path__as2border.cfg" \
    "$d/checkpoint_simple_routing__ebgp.cfg" \
    "$d/cisco_xr_ios_vpnv4__CE1.cfg" \
    "$d/eos_iosxe_aws_demo__exitgw.cfg" \
    "$d/iosxe_undefined_route_map__d1_central.cfg" \
    "$d/iosxe_vrf_route_leaking_wide_eigrp__d3_pe.cfg" \
    "$d/mix_vendor_bgp_vrf__D-IOSXE.cfg" \
    "$d/cisco_private_asn__R-PublicASN200.cfg" \
    "$d/iosxe_eigrp_neighbor__iosxe1.cfg"
