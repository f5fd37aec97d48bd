# dataplane/: interfaces, routes, ACLs, NAT; later the packet forwarder.
libiosh_a_SOURCES += \
	dataplane/dp.c dataplane/dp.h
