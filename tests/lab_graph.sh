#!/bin/sh
# iosh-lab graph: Graphviz's dot draws a lab.  The dot text of ccie-13-1
# is compared whole; seed-002's SVG must name every router (a node titled
# with its name, its id the name), every link (edge linkN titled
# "A--B" whose texts are both ends' interface and address, the DHCP end
# "dhcp") and every attach line (a dashed edge to an oval named by the
# outside wire); the PNG is a PNG.  A picture of another kind is refused.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
. "$srcdir/tests/skip.sh"
lab="$builddir/iosh-lab"
have dot || skip "Graphviz's dot not installed"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $*"
	exit 1
}

"$lab" -o "$tmp/c.dot" graph "$srcdir/labs/ccie-13-1" ||
    fail "graph ccie-13-1 .dot"
cat >"$tmp/c.want" <<'EOF'
graph "ccie-13-1" {
	graph [label="ccie-13-1", labelloc=t, fontname="Helvetica", nodesep=1, ranksep=1.6, rankdir=LR];
	node [shape=box, style=rounded, fontname="Helvetica"];
	edge [fontname="Helvetica", fontsize=10, labeldistance=4, labelangle=35];
	"R1" [id="R1", label="R1\nLo0 1.1.1.1/32"];
	"R2" [id="R2", label="R2\nLo0 2.2.2.2/32"];
	"R1" -- "R2" [id="link0", taillabel="Se1/2\n12.1.1.1/24", headlabel="Se1/1\n12.1.1.2/24"];
}
EOF
diff -u "$tmp/c.want" "$tmp/c.dot" || fail "ccie-13-1's dot text differs"

# SVG on stdout (the default) and into a file are the same picture.
"$lab" graph "$srcdir/labs/seed-002" >"$tmp/s.svg" ||
    fail "graph seed-002 to stdout"
"$lab" -o "$tmp/s2.svg" graph "$srcdir/labs/seed-002" ||
    fail "graph seed-002 -o .svg"
cmp -s "$tmp/s.svg" "$tmp/s2.svg" || fail "stdout and -o SVGs differ"
/usr/bin/python3 - "$tmp/s.svg" <<'EOF' || fail "seed-002's SVG"
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
groups = {g.get("id"): g for g in root.iter(NS + "g")}


def texts(g):
    return sorted(t.text for t in g.iter(NS + "text"))


def title(g):
    return g.find(NS + "title").text


bad = []
for r in ("Hub", "ISP", "Spoke"):
    g = groups.get(r)
    if g is None or g.get("class") != "node" or title(g) != r:
        bad.append("router " + r)
want = {
    "link0": ("Hub--ISP", ["10.48.67.181/27", "10.48.67.190/27",
                           "Fa0/0", "Fa0/0"]),
    "link1": ("ISP--Spoke", ["10.100.2.3/24", "Fa0/0", "Fa0/1", "dhcp"]),
    "attach0": ("ISP--tap:iosh-vpn0", ["10.51.82.1/24", "Fa1/0"]),
    "attach1": ("Hub--tap:iosh-hub0", ["10.1.1.1/23", "Fa0/1"]),
    "attach2": ("Spoke--tap:iosh-spoke0", ["10.2.2.2/24", "Fa0/1"]),
}
for gid, (t, labels) in want.items():
    g = groups.get(gid)
    if g is None or g.get("class") != "edge":
        bad.append("no edge " + gid)
        continue
    if title(g) != t or texts(g) != labels:
        bad.append("%s: %r %r" % (gid, title(g), texts(g)))
edges = [g for g in groups.values() if g.get("class") == "edge"]
if len(edges) != len(want):
    bad.append("%d edges, want %d" % (len(edges), len(want)))
ovals = sorted(title(g) for g in groups.values()
               if g.get("class") == "node" and
               g.find(NS + "ellipse") is not None)
if ovals != ["tap:iosh-hub0", "tap:iosh-spoke0", "tap:iosh-vpn0"]:
    bad.append("ovals %r" % ovals)
if bad:
    print("\n".join(bad))
    sys.exit(1)
EOF

"$lab" -o "$tmp/s.png" graph "$srcdir/labs/seed-002" ||
    fail "graph seed-002 -o .png"
[ "$(head -c 8 "$tmp/s.png" | od -An -tx1 | tr -d ' \n')" = \
    89504e470d0a1a0a ] || fail "s.png is not a PNG"

if "$lab" -o "$tmp/s.pdf" graph "$srcdir/labs/seed-002" 2>"$tmp/err"; then
	fail "a .pdf picture was accepted"
fi
grep -q "the picture is .svg, .png or .dot" "$tmp/err" ||
    fail "the .pdf refusal said: $(cat "$tmp/err")"
[ ! -e "$tmp/s.pdf" ] || fail "a refused picture left a file"
exit 0
