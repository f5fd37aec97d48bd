/*
 * topology: a lab's topology file, the routers and the links between
 * their interfaces.
 *
 *	# comment
 *	port-base 2000			consoles on 2001, 2002, ...; links'
 *					UDP ports from port-base + 100
 *	password cisco			the vty password `iosh-lab exec` types
 *	router R1 [R1.cfg]		a router and its initial configuration
 *	link R1 Serial1/2 R2 Serial1/1	a point-to-point wire (udp:)
 *	attach ISP FastEthernet1/0 tap:iosh-vpn0
 *					an interface on a wire outside the lab:
 *					tap:NAME (a Linux TAP device, created
 *					if missing, to face a host or a
 *					namespace) or pcap:IFNAME (an existing
 *					Ethernet interface); iosh's --attach
 *
 * An interface of a router is wired once: by one link end or one attach.
 * Routers are numbered in the order they appear (from 1): R1's vty lines
 * answer telnet on port-base + 1, its console line (line con 0, as GNS3
 * gives it) on port-base + 901.  Link N (from 0) uses UDP ports
 * port-base + 100 + 2N on its first end and the next one on its second
 * (below port-base + 900: TOPO_LINKS_MAX).
 */
#ifndef IOSH_LAB_TOPOLOGY_H
#define IOSH_LAB_TOPOLOGY_H

#include <stddef.h>

#define TOPO_NAME_MAX	32
#define TOPO_PORT_BASE	2000
#define TOPO_LINK_PORTS	100	/* link ports start this far above base */
#define TOPO_LINKS_MAX	400	/* link ports stay under base + 1000 */
#define TOPO_PORT_BASE_MAX	(65535 - 1000)
#define TOPO_ATTACH_MAX	64
#define TOPO_SPEC_MAX	64	/* "tap:NAME" / "pcap:IFNAME" */

struct topo_router {
	char	tr_name[TOPO_NAME_MAX];
	char	*tr_config;		/* path, relative to the lab dir */
};

struct topo_link {
	size_t	tl_router[2];		/* indexes into t_routers */
	char	tl_ifname[2][TOPO_NAME_MAX];
};

/* An interface on a wire outside the lab (tap:/pcap:). */
struct topo_attach {
	size_t	ta_router;		/* index into t_routers */
	char	ta_ifname[TOPO_NAME_MAX];
	char	ta_spec[TOPO_SPEC_MAX];
};

struct topology {
	struct topo_router	*t_routers;
	size_t			 t_nrouters;
	struct topo_link	*t_links;
	size_t			 t_nlinks;
	struct topo_attach	*t_attach;
	size_t			 t_nattach;
	unsigned		 t_port_base;
	char			*t_password;	/* NULL: none */
};

/* Read PATH; on error -1 with "FILE:LINE: why" in ERR. */
int		 topo_load(struct topology *, const char *path, char *err,
		    size_t errlen);
void		 topo_free(struct topology *);
/* Index of router NAME (case-insensitive), or -1. */
int		 topo_router(const struct topology *, const char *name);
unsigned	 topo_console_port(const struct topology *, size_t router);
/* The router's line con 0 (iosh --console): its vty port + this. */
#define TOPO_CON_LINE_OFFSET	900
/* The --attach spec of interface END (0 or 1) of link L:
 * "Serial1/2=udp:2100:127.0.0.1:2101". */
void		 topo_attach_spec(const struct topology *, size_t link,
		    int end, char *buf, size_t len);
/* The --attach spec of attach line A: "FastEthernet1/0=tap:iosh-vpn0". */
void		 topo_attach_extra(const struct topology *, size_t a,
		    char *buf, size_t len);

#endif
