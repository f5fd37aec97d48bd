# dataplane/: interfaces, routes, ACLs, NAT; later the packet forwarder.
libiosh_a_SOURCES += \
	dataplane/dp.c dataplane/dp.h dataplane/dp_int.h dataplane/fwd.h dataplane/cmds.h \
	dataplane/ifname.c \
	dataplane/iface.c \
	dataplane/iface_cmd.c \
	dataplane/iface_lines.c \
	dataplane/dot1q.c \
	dataplane/acl.c dataplane/acl_names.h \
	dataplane/route.c \
	dataplane/route_show.c \
	dataplane/traceroute.c \
	dataplane/show.c
# The packet path: attachments, link layer, ARP, IPv4, ICMP, ACLs on
# interfaces, UDP endpoints, the crypto hook.
libiosh_a_SOURCES += \
	dataplane/attach.c dataplane/link.c dataplane/arp.c dataplane/fwd.c \
	dataplane/egress.c \
	dataplane/flowcache.c \
	dataplane/ip4.c dataplane/icmp.c dataplane/udp.c dataplane/filter.c \
	dataplane/reasm.c \
	dataplane/nat.c dataplane/nat.h dataplane/nat_cmd.c \
	dataplane/nat_show.c \
	dataplane/dhcp_msg.c dataplane/dhcp_msg.h \
	dataplane/dhcp_client.c dataplane/dhcp_server.c \
	dataplane/ip6.c dataplane/nd.c dataplane/tunnel.c \
	dataplane/cdp.c
# ping: the echo engine, its command line and the extended dialog.
libiosh_a_SOURCES += \
	dataplane/ping.c dataplane/ping.h dataplane/ping_cmd.c \
	dataplane/ping_dialog.c
# The layer under the interfaces: attachments to real media (wire*),
# fault injection on them, pcap capture files, and their exec commands
# (monitor capture, test interface ... fault).
libiosh_a_SOURCES += \
	dataplane/capture.c dataplane/capture.h dataplane/moncap.c \
	dataplane/faultcmd.c \
	dataplane/fault.c dataplane/fault.h \
	dataplane/wire.c dataplane/wire.h dataplane/wire_impl.h \
	dataplane/wire_pcap.c dataplane/wire_tap.c dataplane/wire_udp.c \
	dataplane/wire_mem.c
