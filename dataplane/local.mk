# dataplane/: interfaces, routes, ACLs, NAT; later the packet forwarder.
libiosh_a_SOURCES += \
	dataplane/dp.c dataplane/dp.h dataplane/dp_int.h dataplane/cmds.h \
	dataplane/ifname.c \
	dataplane/iface.c \
	dataplane/acl.c dataplane/acl_names.h \
	dataplane/route.c \
	dataplane/show.c
