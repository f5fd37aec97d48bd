#!/bin/sh
# The corpus test (issue 20): twelve of the real running-configs kept in
# tests/data/configs/ (IOS 15.2, 15.7 and IOS-XE 16.4 captures; BGP, OSPF,
# EIGRP, VRFs both ways, route-maps, banners, PKI trustpoints and
# certificate chains, aaa authorization exec, an AWS IPsec VPN over
# tunnels) are
# pasted into a fresh iosh; the share of their lines accepted must not
# fall below the figure reached (bench/config_corpus.sh gives it for the
# whole corpus), and each file's show running-config must load into
# another fresh iosh with no % line and render the same again.  Twelve,
# not all 44, to stay under 20 s of CPU under ASan (19 s here); the bench
# runs them all.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
d=$srcdir/tests/data/configs
IOSH=$(cd "$builddir" && pwd -P)/iosh
export IOSH
# The hidden `show iosh inert` lists what the AWS VPN router's capture
# configures without effect: its BGP block, its PKI trustpoint and
# certificate chain, its tunnels' ip tcp adjust-mss and ip
# virtual-reassembly, the CSR's platform lines; and none of what iosh
# acts on (its IKE crypto, interfaces' addresses, ACLs).
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
{ printf 'enable\nconfigure terminal\n'
  cat "$d/eos_iosxe_aws_demo__exitgw.cfg"
  printf '\nend\nshow iosh inert\n'
} | "$IOSH" --clock 0 --nvram "$tmp/nv" 2>&1 |
    sed -n '/#show iosh inert$/,$p' >"$tmp/inert"
for want in 'router bgp 65100' '  neighbor 169.254.25.161 activate' \
    'license udi pid CSR1000V sn 9SCDP8LED1D' \
    'spanning-tree extend system-id' ' negotiation auto' ' no mop enabled' \
    'crypto pki trustpoint TP-self-signed-329331437' ' enrollment selfsigned' \
    'crypto pki certificate chain TP-self-signed-329331437' \
    ' certificate self-signed 01' ' ip tcp adjust-mss 1379' \
    ' ip virtual-reassembly'; do
	if ! grep -q -x -F -e "$want" "$tmp/inert"; then
		echo "show iosh inert: missing: $want"; cat "$tmp/inert"; exit 1
	fi
done
if grep -q -E '^(crypto (isakmp|ipsec|keyring|map)|access-list|ip route| ip address|ip domain name)' "$tmp/inert"; then
	echo "show iosh inert: lists a line iosh acts on:"; cat "$tmp/inert"
	exit 1
fi
sh "$srcdir/bench/config_corpus.sh" --roundtrip --min 99.9 \
    "$d/ios_example_network__as1border1.cfg" \
    "$d/ospf_lab_validation__R1-ios.cfg" \
    "$d/ios_add_path__as2border.cfg" \
    "$d/checkpoint_simple_routing__ebgp.cfg" \
    "$d/cisco_xr_ios_vpnv4__CE1.cfg" \
    "$d/eos_iosxe_aws_demo__exitgw.cfg" \
    "$d/iosxe_undefined_route_map__d1_central.cfg" \
    "$d/iosxe_vrf_route_leaking_wide_eigrp__d3_pe.cfg" \
    "$d/mix_vendor_bgp_vrf__D-IOSXE.cfg" \
    "$d/cisco_private_asn__R-PublicASN200.cfg" \
    "$d/ospf_lab_validation__R1-ios.cfg" \
    "$d/iosxe_eigrp_neighbor__iosxe1.cfg"
