# lab/: iosh-lab, which starts a lab's routers (one iosh each, wired by
# udp: links, telnet consoles) and runs commands on their vtys; labs/:
# the labs it ships.
bin_PROGRAMS += iosh-lab
iosh_lab_SOURCES = lab/iosh_lab.c lab/labstate.c lab/labstate.h \
	lab/graph.c lab/graph.h \
	lab/topology.c lab/topology.h lab/vtyclient.c lab/vtyclient.h \
	lib/xalloc.c lib/xalloc.h
iosh_lab_CPPFLAGS = $(AM_CPPFLAGS) -DIOSH_LABS_DIR='"$(pkgdatadir)/labs"'
iosh_lab_LDADD = $(TELNET_LIBS)

ccie_13_1dir = $(pkgdatadir)/labs/ccie-13-1
dist_ccie_13_1_DATA = labs/ccie-13-1/topology labs/ccie-13-1/R1.cfg \
	labs/ccie-13-1/R2.cfg

seed_000dir = $(pkgdatadir)/labs/seed-000
dist_seed_000_DATA = labs/seed-000/topology labs/seed-000/SITEB.cfg \
	labs/seed-000/ISP.cfg labs/seed-000/Linksys.cfg

seed_002dir = $(pkgdatadir)/labs/seed-002
dist_seed_002_DATA = labs/seed-002/topology labs/seed-002/Hub.cfg \
	labs/seed-002/ISP.cfg labs/seed-002/Spoke.cfg

seed_003dir = $(pkgdatadir)/labs/seed-003
dist_seed_003_DATA = labs/seed-003/topology labs/seed-003/R2.cfg \
	labs/seed-003/R3.cfg

seed_003_ipv4dir = $(pkgdatadir)/labs/seed-003-ipv4
dist_seed_003_ipv4_DATA = labs/seed-003-ipv4/topology \
	labs/seed-003-ipv4/R2.cfg labs/seed-003-ipv4/R3.cfg
