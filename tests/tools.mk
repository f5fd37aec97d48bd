# The tools around a router (issue 21): a real syslog server, Ansible,
# GNS3's appliance schema and node entrypoint, `make install`.

# rsyslog (root, namespaces) receives iosh's syslog in IOS's format from
# the source interface's address, filtered at the trap level.
TESTS += tests/syslog_rsyslog.sh
EXTRA_DIST += tests/syslog_rsyslog.sh
# Ansible's cisco.ios collection (shipped in Debian's ansible package)
# over network_cli/SSH: ios_command, ios_config with save_when modified
# and again unchanged, ios_facts.
TESTS += tests/ansible.sh
EXTRA_DIST += tests/ansible.sh
