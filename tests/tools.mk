# The tools around a router (issue 21): a real syslog server, Ansible,
# GNS3's appliance schema and node entrypoint, `make install`.

# rsyslog (root, namespaces) receives iosh's syslog in IOS's format from
# the source interface's address, filtered at the trap level.
TESTS += tests/syslog_rsyslog.sh
EXTRA_DIST += tests/syslog_rsyslog.sh
