#!/bin/sh
# Ansible (Debian's `ansible`, which ships the cisco.ios and
# ansible.netcommon collections) against `iosh --ssh`, as a network
# engineer's playbook drives IOS: connection ansible.netcommon.network_cli
# over SSH (paramiko), ansible_network_os cisco.ios.ios, user oper
# (privilege 1, `login local`) becoming privilege 15 with `enable`.
#  - ios_command: show version and show ip interface brief, their lines
#    as iosh prints them (hostname, version, Loopback0's row);
#  - ios_config: a line under interface Loopback0 with save_when
#    modified reports changed and lands in the running and the startup
#    configuration (the nvram file); the same task again reports nothing
#    changed (Ansible compared it with iosh's running-config);
#  - ios_facts (gather_subset min): hostname, version, model (the
#    processor line), image, serial (the board ID).
# Asserted from the json callback's output.  Skipped (77, a failure under
# IOSH_REQUIRE_TOOLS=1) when ansible-playbook or the cisco.ios
# collection is missing.
set -u
. "${top_srcdir:-.}/tests/skip.sh"
. "${top_srcdir:-.}/tests/iosh_lib.sh"

srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
iosh=$(cd "$builddir" && pwd -P)/iosh
py=/usr/bin/python3
have ansible-playbook || skip "no ansible-playbook (Debian ansible)"
"$py" -c 'import ansible_collections.cisco.ios, paramiko' 2>/dev/null ||
    skip "no cisco.ios collection or paramiko under $py"

tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

mkdir "$tmp/nv" "$tmp/home"
cat >"$tmp/nv/startup-config" <<'EOF'
hostname R1
ip domain name example.com
enable secret class
username oper secret op
interface Loopback0
 ip address 10.0.0.1 255.255.255.255
line vty 0 4
 login local
EOF
printf 'enable\nclass\nconfigure terminal\ncrypto key generate rsa modulus 1024\nend\n' \
    >"$tmp/in"
"$iosh" --clock 1700000000 --nvram "$tmp/nv" --ssh 127.0.0.1:0 \
    <"$tmp/in" >"$tmp/console" 2>"$tmp/err" &
pid=$!
port=$(ssh_port "$tmp/err" "$tmp/console") ||
    { echo "FAIL: iosh did not start with a key: $(cat "$tmp/err" "$tmp/console")"; exit 1; }

cat >"$tmp/hosts" <<EOF
[routers]
R1 ansible_host=127.0.0.1 ansible_port=$port

[routers:vars]
ansible_connection=ansible.netcommon.network_cli
ansible_network_os=cisco.ios.ios
ansible_user=oper
ansible_password=op
ansible_become=yes
ansible_become_method=enable
ansible_become_password=class
ansible_python_interpreter=$py
EOF
cat >"$tmp/play.yml" <<'EOF'
- hosts: routers
  gather_facts: false
  tasks:
    - name: shows
      cisco.ios.ios_command:
        commands:
          - show version
          - show ip interface brief
    - name: a description, saved
      cisco.ios.ios_config:
        parents: interface Loopback0
        lines:
          - description set-by-ansible
        save_when: modified
    - name: the same again
      cisco.ios.ios_config:
        parents: interface Loopback0
        lines:
          - description set-by-ansible
    - name: facts
      cisco.ios.ios_facts:
        gather_subset: min
EOF

# Ansible's state under $tmp; an empty ansible.cfg and these settings.
: >"$tmp/ansible.cfg"
HOME=$tmp/home ANSIBLE_CONFIG=$tmp/ansible.cfg ANSIBLE_LOCAL_TEMP=$tmp/home/tmp \
    ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_STDOUT_CALLBACK=json \
    ANSIBLE_PERSISTENT_CONNECT_TIMEOUT=20 ANSIBLE_PERSISTENT_COMMAND_TIMEOUT=20 \
    ANSIBLE_PARAMIKO_LOOK_FOR_KEYS=False ANSIBLE_NOCOLOR=1 \
    ANSIBLE_PERSISTENT_CONTROL_PATH_DIR=$tmp/home/cp \
    timeout 120 ansible-playbook -i "$tmp/hosts" "$tmp/play.yml" \
    >"$tmp/out.json" 2>"$tmp/ansible.err"
rc=$?

IOSH_VERSION=$("$iosh" --version | sed 's/^iosh //') NVRAM=$tmp/nv \
    "$py" - "$tmp/out.json" "$rc" <<'EOF'
import json, os, sys

failed = []


def check(what, ok, detail=""):
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok else ": " + detail))
    if not ok:
        failed.append(what)


raw = open(sys.argv[1]).read()
check("ansible-playbook exited 0", sys.argv[2] == "0", raw[-3000:])
try:
    out = json.loads(raw)
except ValueError:
    print(raw[-3000:])
    sys.exit(1)
tasks = {t["task"]["name"]: t["hosts"].get("R1", {})
         for play in out["plays"] for t in play["tasks"]}
stats = out["stats"].get("R1", {})
check("no task failed or unreachable",
      stats.get("failures") == 0 and stats.get("unreachable") == 0,
      repr(stats))

shows = tasks.get("shows", {}).get("stdout_lines", [[], []])
ver = shows[0] if shows else []
check("show version: iosh's version line",
      any(l.startswith("iosh Software (IOSH-LINUX), Version %s," %
                       os.environ["IOSH_VERSION"]) for l in ver), repr(ver))
check("show version: R1 uptime", any(l.startswith("R1 uptime is ")
                                     for l in ver), repr(ver))
brief = shows[1] if len(shows) > 1 else []
check("show ip interface brief: header",
      bool(brief) and brief[0].split() == ["Interface", "IP-Address", "OK?",
                                           "Method", "Status", "Protocol"],
      repr(brief))
# (IOS's method for an address from the startup-config is NVRAM; iosh
# says manual, so the method is not compared here.)
check("show ip interface brief: Loopback0's row",
      [("Loopback0", "10.0.0.1", "YES", "up", "up")] ==
      [tuple(w[:3] + w[4:]) for w in (l.split() for l in brief)
       if w[0] == "Loopback0"], repr(brief))

cfg = tasks.get("a description, saved", {})
check("ios_config changed, sent the line under its parent",
      cfg.get("changed") is True and cfg.get("commands") ==
      ["interface Loopback0", "description set-by-ansible"], repr(cfg))
again = tasks.get("the same again", {})
check("ios_config again: nothing changed",
      again.get("changed") is False and not again.get("commands"),
      repr(again))
saved = open(os.path.join(os.environ["NVRAM"], "startup-config")).read()
check("startup-config saved with the description",
      "interface Loopback0\n description set-by-ansible\n" in saved, saved)

facts = tasks.get("facts", {}).get("ansible_facts", {})
check("ios_facts: hostname, version, model, image, serial",
      (facts.get("ansible_net_hostname"), facts.get("ansible_net_version"),
       facts.get("ansible_net_model"), facts.get("ansible_net_iostype"),
       facts.get("ansible_net_image", "").startswith("unix:/"),
       facts.get("ansible_net_serialnum", "").startswith("IOSH")) ==
      ("R1", os.environ["IOSH_VERSION"], "IOSH-LINUX", "IOS", True, True),
      repr(facts))
if failed:
    sys.exit(1)
print("ansible: ios_command, ios_config (changed, saved, then unchanged) "
      "and ios_facts over network_cli, as IOS")
EOF
rc=$?
[ "$rc" -eq 0 ] || { echo "--- ansible stderr"; cat "$tmp/ansible.err"; }

iosh_stop "$pid" "$tmp/err" || rc=1
pid=
exit "$rc"
