# The tools around a router (issue 21): a real syslog server, Ansible,
# GNS3's appliance schema and node entrypoint, `make install`.

# rsyslog (root, namespaces) receives iosh's syslog in IOS's format (its
# pmciscoios parser reads each message) from
# the source interface's address, filtered at the trap level.
TESTS += tests/syslog_rsyslog.sh
EXTRA_DIST += tests/syslog_rsyslog.sh
# Ansible's cisco.ios collection (shipped in Debian's ansible package)
# over network_cli/SSH: ios_command, ios_config with save_when modified
# and again unchanged, ios_facts.
TESTS += tests/ansible.sh
EXTRA_DIST += tests/ansible.sh
# GNS3 (no GNS3 or Docker needed): gns3/iosh.gns3a against GNS3's
# appliance schema v8 (vendored, GPL-3.0), the Dockerfile's consistency,
# gns3/iosh-gns3-start in a namespace with veth eth0/eth1 and a
# pseudo-terminal console.
TESTS += tests/gns3.sh
EXTRA_DIST += tests/gns3.sh tests/gns3_node.py \
	tests/data/gns3/appliance_v8.json tests/data/gns3/LICENSE \
	tests/data/gns3/README
# make install DESTDIR=...: programs, man pages, every lab file where the
# installed iosh-lab looks, README and docs/*.md, the GNS3 node; then
# make uninstall leaves nothing.
TESTS += tests/install.sh
EXTRA_DIST += tests/install.sh
