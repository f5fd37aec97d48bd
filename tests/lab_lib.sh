# tests/lab_lib.sh: sourced by the iosh-lab tests (tests/lab.sh,
# tests/lab_seed003.sh) for what they share: tests/skip.sh, the build's
# iosh-lab as $lab, a private $IOSH_LAB_HOME under $tmp, a port base
# $base from the pid (parallel runs do not collide), and on exit the lab
# stopped (bounded) and $tmp removed.
. "${top_srcdir:-.}/tests/skip.sh"

builddir=$(cd "${top_builddir:-.}" && pwd -P)
srcdir=$(cd "${top_srcdir:-.}" && pwd -P)
lab=$builddir/iosh-lab
tmp=$(mktemp -d) || exit 99
IOSH_LAB_HOME=$tmp/home
export IOSH_LAB_HOME
base=$((30000 + ($$ % 300) * 100))
trap 'timeout 20 "$lab" stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT
