# The telnet vty: the login dialog (Check) and a telnet client driven by
# expect against a running iosh --telnet.
check_PROGRAMS += tests/check_telnet
TESTS += tests/check_telnet tests/expect_telnet.sh
tests_check_telnet_SOURCES = tests/check_telnet.c
tests_check_telnet_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_telnet_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/expect_telnet.sh tests/expect/telnet.exp
# The SSH vty (issue 21): OpenSSH's client through sshpass against iosh
# --ssh: no key refused, crypto key generate rsa, the line password,
# login local, wrong passwords, transport input telnet.
TESTS += tests/ssh.sh
EXTRA_DIST += tests/ssh.sh tests/ssh_leave.py
# Netmiko's cisco_ios (SSH) and cisco_ios_telnet against iosh: enable,
# send_config_set, save_config, use_textfsm with the ntc-templates vendored
# in tests/data/ntc-templates (show version, ip interface brief, interfaces
# description, users, clock, cdp neighbors [detail] of a second router on
# a udp: wire, ip route, interfaces, access-lists, logging).
TESTS += tests/netmiko.sh
EXTRA_DIST += tests/netmiko.sh tests/netmiko_iosh.py \
	tests/data/ntc-templates/LICENSE tests/data/ntc-templates/index \
	tests/data/ntc-templates/cisco_ios_show_version.textfsm \
	tests/data/ntc-templates/cisco_ios_show_ip_interface_brief.textfsm \
	tests/data/ntc-templates/cisco_ios_show_interfaces_description.textfsm \
	tests/data/ntc-templates/cisco_ios_show_users.textfsm \
	tests/data/ntc-templates/cisco_ios_show_clock.textfsm \
	tests/data/ntc-templates/cisco_ios_show_cdp_neighbors.textfsm \
	tests/data/ntc-templates/cisco_ios_show_cdp_neighbors_detail.textfsm \
	tests/data/ntc-templates/cisco_ios_show_crypto_session_detail.textfsm \
	tests/data/ntc-templates/cisco_ios_show_crypto_ipsec_sa_detail.textfsm \
	tests/data/ntc-templates/cisco_ios_show_ip_route.textfsm \
	tests/data/ntc-templates/cisco_ios_show_interfaces.textfsm \
	tests/data/ntc-templates/cisco_ios_show_access-list.textfsm \
	tests/data/ntc-templates/cisco_ios_show_logging.textfsm

# The lab tool: the CCIE 13-1 lab started with iosh-lab, a ping across its
# serial link, and an expect user on R1's console.
TESTS += tests/lab.sh
EXTRA_DIST += tests/lab.sh tests/lab_lib.sh tests/expect/lab.exp
# Seed 002's lab (root, a namespace, vpnc): the spoke's DHCP address, the
# LAN-to-LAN tunnel from its first ping, vpnc on the ISP's tap through
# XAUTH and mode-config, the hub's SAs for both peers.
TESTS += tests/lab_seed002.sh
# iosh-lab graph: dot's SVG names every router, link and attachment of
# seed-002 with interfaces and addresses; ccie-13-1's dot text; a PNG.
TESTS += tests/lab_graph.sh
EXTRA_DIST += tests/lab_graph.sh
EXTRA_DIST += tests/lab_seed002.sh
# Seed 003's labs (IPv6 and IPv4 VTIs): the tunnel up by itself, pings
# across it, the VTI's SAs.
TESTS += tests/lab_seed003.sh
EXTRA_DIST += tests/lab_seed003.sh

# The lab's topology file: routers, links, attach lines and their errors.
check_PROGRAMS += tests/check_topology
TESTS += tests/check_topology
tests_check_topology_SOURCES = tests/check_topology.c lab/topology.c \
	lab/topology.h
tests_check_topology_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_topology_LDADD = $(TEST_LIBS)
# iosh-lab stop: it returns when the routers' exits are over (SIGKILL
# after the wait for one deaf to SIGTERM), and leaves a reused pid alone.
check_PROGRAMS += tests/check_labstate
TESTS += tests/check_labstate
tests_check_labstate_SOURCES = tests/check_labstate.c lab/labstate.c \
	lab/labstate.h
tests_check_labstate_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_labstate_LDADD = $(TEST_LIBS)
# The vty hardened (issue 19): floods, the sixth session, login block-for.
check_PROGRAMS += tests/check_vty
TESTS += tests/check_vty
tests_check_vty_SOURCES = tests/check_vty.c
tests_check_vty_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_vty_LDADD = $(TEST_LIBS)
