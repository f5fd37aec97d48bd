#!/bin/sh
# iosh as a GNS3 node (issue 21), without GNS3 or Docker:
#  1. gns3/iosh.gns3a validates against GNS3's published appliance schema
#     (tests/data/gns3/appliance_v8.json, from the gns3-registry, GPL-3.0)
#     with python3-jsonschema, strictly as the registry's checks.py does
#     (draft 4, no property the schema does not name) plus formats; a
#     copy with a bad console type does not (the check bites);
#  2. the appliance and gns3/Dockerfile agree (the start command it
#     installs, the image tag docs/GNS3.md builds), and the Dockerfile's
#     runtime packages provide every library iosh is linked against;
#  3. gns3/iosh-gns3-start runs as in a container: a namespace with veth
#     eth0 and eth1 (their far ends in a second namespace), its own UTS
#     namespace with hostname R7, a pseudo-terminal for the console
#     (tests/gns3_node.py drives it): the prompt, each adapter mapped to
#     GigabitEthernet0/K, pings across both, write memory; then a second
#     start keeps the saved startup-config.
# Root, namespaces, veth, unshare and python3-jsonschema are required.
set -u
. "${top_srcdir:-.}/tests/skip.sh"

srcdir=$(cd "${top_srcdir:-.}" && pwd -P)
builddir=$(cd "${top_builddir:-.}" && pwd -P)
iosh=$builddir/iosh
py=/usr/bin/python3
start=$srcdir/gns3/iosh-gns3-start
fail=0
bad() {
	echo "FAIL: $*"
	fail=1
}
"$py" -c 'import jsonschema' 2>/dev/null ||
    skip "no python3-jsonschema under $py"

# 1. The schema.
"$py" - "$srcdir/tests/data/gns3/appliance_v8.json" \
    "$srcdir/gns3/iosh.gns3a" <<'EOF' || fail=1
import copy, json, sys
import jsonschema


def strict(schema):
    # As gns3-registry's checks.py: an object may hold only what its
    # schema names.
    if "items" in schema:
        schema = schema["items"]
    if "properties" in schema:
        schema.setdefault("additionalProperties", False)
        for v in schema["properties"].values():
            if isinstance(v, dict):
                strict(v)


schema = json.load(open(sys.argv[1]))
strict(schema)
v = jsonschema.Draft4Validator(schema,
                               format_checker=jsonschema.FormatChecker())
app = json.load(open(sys.argv[2]))
errors = [e.message for e in v.iter_errors(app)]
print(("ok" if not errors else "FAIL") +
      ": iosh.gns3a against appliance_v8.json " + "; ".join(errors))
broken = copy.deepcopy(app)
broken["settings"][0]["template_properties"]["console_type"] = "ssh"
broken["settings"][0]["template_properties"]["iosh"] = 1
n = len(list(v.iter_errors(broken)))
print(("ok" if n else "FAIL") +
      ": a copy with console_type ssh and an unknown key is refused")
sys.exit(1 if errors or not n else 0)
EOF

# 2. The appliance, the Dockerfile and the docs agree.
props=$("$py" -c 'import json, sys
p = json.load(open(sys.argv[1]))["settings"][0]["template_properties"]
print(p["image"], p["start_command"], p["console_type"], p["adapters"])' \
    "$srcdir/gns3/iosh.gns3a")
set -- $props
grep -q "^CMD \[\"$2\"\]$" "$srcdir/gns3/Dockerfile" ||
    bad "the Dockerfile's CMD is not the appliance's start_command $2"
grep -Eq "install -D -m 0755 gns3/iosh-gns3-start /out$2( |\$)" \
    "$srcdir/gns3/Dockerfile" || bad "the Dockerfile does not install $2"
grep -q "docker build -f gns3/Dockerfile -t $1 \." "$srcdir/docs/GNS3.md" ||
    bad "docs/GNS3.md does not build the image $1"
[ "$3" = telnet ] || bad "console_type $3, not telnet"
pkgs=$(sed -n '/^FROM debian:[a-z-]*$/,$p' "$srcdir/gns3/Dockerfile" |
    tr -d '\\' | tr ' \t' '\n\n')
for lib in $(readelf -d "$iosh" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p'); do
	path=$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
	pkg=$(dpkg -S "$path" 2>/dev/null | sed -n '1s/:.*//p')
	[ -n "$pkg" ] || pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null |
	    sed -n '1s/:.*//p')
	# The C library is in every Debian image; the sanitizers' runtimes
	# are this test build's, not the image's (it builds without them).
	case $pkg in
	libc6|libgcc-s1|libasan*|libubsan*|libclang-rt-*|libclang-common-*)
		continue ;;
	esac
	echo "$pkgs" | grep -qx "$pkg" ||
	    bad "iosh needs $lib ($pkg), not in the Dockerfile's packages"
done
[ "$fail" -eq 0 ] && echo "ok: appliance, Dockerfile and docs agree; runtime libraries covered"

# 3. The start command in a namespace made like a container.
[ "$(id -u)" -eq 0 ] || skip "not root"
have ip ping unshare || skip "no iproute2, ping or unshare"
pfx=${IOSH_NS_PREFIX:-iosh-gns3}
node=$pfx-node-$$
peer=$pfx-peer-$$
tmp=$(mktemp -d) || exit 99
cleanup() {
	for n in $node $peer; do
		ip netns del "$n" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
# Killed (a harness timeout, a closed pipe): still clean up.
trap 'exit 1' HUP INT PIPE TERM
for n in $node $peer; do
	ip netns add "$n" 2>/dev/null || skip "no netns"
	ip -n "$n" link set lo up
done
for k in 0 1; do
	ip link add "eth$k" netns "$node" type veth peer name "p$k" \
	    netns "$peer" 2>/dev/null || skip "no veth"
	ip -n "$node" link set "eth$k" up
	ip -n "$peer" link set "p$k" up
done
ip -n "$peer" addr add 192.0.2.2/24 dev p0
ip -n "$peer" addr add 198.51.100.2/24 dev p1

# GNS3's init has brought eth0..eth1 up and set the hostname (the node's
# name) and GNS3_MAX_ETHERNET before the start command runs.
PEER_NS=$peer timeout 60 "$py" "$srcdir/tests/gns3_node.py" \
    ip netns exec "$node" unshare --uts env IOSH="$iosh" \
    IOSH_NVRAM="$tmp/nv" GNS3_MAX_ETHERNET=eth1 \
    sh -c 'hostname R7 && exec "$0"' "$start" || fail=1

# What the first start wrote, then what write memory saved over it.
grep -q '^interface GigabitEthernet0/1$' "$tmp/nv/startup-config" &&
    grep -q '^ ip address 198\.51\.100\.1 255\.255\.255\.0$' \
    "$tmp/nv/startup-config" ||
    bad "the saved startup-config: $(cat "$tmp/nv/startup-config")"
cp "$tmp/nv/startup-config" "$tmp/saved"
line=$(ip netns exec "$node" env IOSH="$iosh" IOSH_NVRAM="$tmp/nv" \
    IOSH_DRY_RUN=1 sh "$start")
[ "$line" = "$iosh --nvram $tmp/nv --attach GigabitEthernet0/0=pcap:eth0 --attach GigabitEthernet0/1=pcap:eth1" ] ||
    bad "the second start's command line: $line"
cmp -s "$tmp/saved" "$tmp/nv/startup-config" ||
    bad "a second start rewrote the saved startup-config"
[ "$fail" -eq 0 ] && echo "PASS: gns3: appliance valid (v8, strict), Dockerfile consistent, node started with eth0/eth1 as Gi0/0-0/1 on a terminal console, config kept across starts"
exit "$fail"
