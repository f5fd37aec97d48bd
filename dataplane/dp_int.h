/*
 * dp_int: the dataplane's objects as its own files see them.  Nothing
 * outside dataplane/ includes this: crypto and the shell go through
 * dataplane/dp.h, so the representation can change with the forwarder.
 *
 * Interfaces live in an array sorted in IOS order (type, then numbers),
 * so a lookup is a binary search and a configuration rendered in that
 * order loads by appending.  ACLs are hashed by name; their entries are
 * kept compiled (numbers, not text) in sequence order, each with its hit
 * counter.  Static routes are kept per prefix length, sorted by network,
 * the shape a longest-prefix match walks from /32 down to /0.
 */
#ifndef IOSH_DATAPLANE_DP_INT_H
#define IOSH_DATAPLANE_DP_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/dp.h"

struct vty;
struct cmd_match;

/* Interface types, in the order IOS lists them. */
enum if_type {
	IFT_LOOPBACK,
	IFT_TUNNEL,
	IFT_ETHERNET,
	IFT_FASTETHERNET,
	IFT_GIGABITETHERNET,
	IFT_SERIAL,
	IFT_ATM,
	IFT_COUNT
};

#define IF_MAXNUM	3	/* slot/subslot/port */
#define IF_NAMELEN	48

struct if_id {
	enum if_type	id_type;
	unsigned	id_nnum;
	uint32_t	id_num[IF_MAXNUM];
};

enum if_addr_kind { IFA_NONE, IFA_STATIC, IFA_DHCP };
enum if_duplex { DUPLEX_DEFAULT, DUPLEX_AUTO, DUPLEX_FULL, DUPLEX_HALF };
enum if_nat { NAT_NONE, NAT_INSIDE, NAT_OUTSIDE };
enum if_encap { ENCAP_DEFAULT, ENCAP_HDLC, ENCAP_PPP, ENCAP_FRAME_RELAY };
enum tun_mode { TUN_GRE_IP, TUN_IPSEC_IPV4, TUN_IPSEC_IPV6 };

struct if_v4 {
	uint32_t	a_addr;
	uint32_t	a_mask;
};

struct if_v6 {
	uint8_t		a6_addr[16];
	unsigned	a6_len;		/* prefix length */
	bool		a6_link_local;
};

/*
 * Attachment: the wire an interface's frames use (NULL: none, so the
 * line protocol of a physical interface is down), the spec it was opened
 * from, the interface's MAC address (Ethernet types), and the counters
 * `show interfaces` prints.  Bytes count whole frames, as IOS does.
 */
struct if_attach {
	struct wire	*at_wire;
	char		*at_spec;
	uint8_t		 at_mac[6];
	uint64_t	 at_ipkts, at_ibytes, at_opkts, at_obytes;
	uint64_t	 at_ibcast;	/* broadcasts received */
	uint64_t	 at_ierrors;	/* bad headers, bad checksums */
	uint64_t	 at_idrops;	/* input queue drops (unknown protocol) */
	uint64_t	 at_odrops;	/* total output drops */
	uint64_t	 at_last_in, at_last_out;	/* mono ms, 0: never */
	uint64_t	 at_unreach_ms;	/* last ICMP unreachable sent */
	bool		 at_unreach_sent;
};

struct dp_iface {
	struct dataplane	*if_dp;
	size_t			 if_idx;	/* in d_ifs */
	struct if_id		 if_id;
	char			 if_name[IF_NAMELEN];	/* "Serial1/2" */
	char			*if_descr;
	bool			 if_shutdown;
	uint32_t		 if_mtu;	/* 0: the type's default */
	uint32_t		 if_bandwidth;	/* 0: the type's default */
	enum if_addr_kind	 if_addr_kind;
	struct if_v4		 if_addr;
	struct if_v4		*if_sec;	/* secondary addresses */
	size_t			 if_nsec;
	char			*if_acl_in, *if_acl_out;
	bool			 if_no_redirects;
	enum if_nat		 if_nat;
	bool			 if_no_mroute_cache;
	struct if_v6		*if_v6;
	size_t			 if_nv6;
	bool			 if_ipv6_enable;
	enum if_encap		 if_encap;
	bool			 if_ilmi_keepalive;
	enum if_duplex		 if_duplex;
	bool			 if_duplex_word;	/* full-duplex/half-duplex */
	unsigned		 if_speed;	/* 0 none, 1 auto, else Mb/s */
	uint32_t		 if_clock_rate;
	bool			 if_no_keepalive;
	unsigned		 if_keepalive;	/* seconds, 10 by default */
	bool			 if_no_cdp;
	char			*if_tun_src;	/* interface name or address */
	char			*if_tun_dst;	/* IPv4 or IPv6 address, as IOS
						 * prints it */
	enum tun_mode		 if_tun_mode;
	char			*if_tun_protection;
	char			*if_crypto_map;
	struct if_attach	 if_attach;
};

/* ACLs. */
enum ace_kind { ACE_PERMIT, ACE_DENY, ACE_REMARK };
enum port_op { PORT_ANY, PORT_EQ, PORT_GT, PORT_LT, PORT_NEQ, PORT_RANGE };

#define ACE_PROTO_IP	256	/* "ip": any protocol */
#define ACE_ICMP_ANY	(-1)

struct ace_addr {
	uint32_t	aa_addr;	/* host bits cleared */
	uint32_t	aa_wild;
};

struct ace_ports {
	enum port_op	ap_op;
	uint16_t	ap_lo, ap_hi;	/* the matching range, compiled */
	uint16_t	ap_p1, ap_p2;	/* as typed, for rendering */
};

struct ace {
	uint32_t	ace_seq;	/* remarks: the entry they follow */
	enum ace_kind	ace_kind;
	char		*ace_remark;	/* NULL: a bare "remark" */
	unsigned	ace_proto;	/* 0-255 or ACE_PROTO_IP */
	struct ace_addr	ace_src, ace_dst;
	struct ace_ports ace_sport, ace_dport;
	bool		ace_established;
	int		ace_icmp_type, ace_icmp_code;	/* ACE_ICMP_ANY */
	int		ace_icmp_name;	/* index in the name table, or -1 */
	unsigned	ace_log;	/* 0, 1 log, 2 log-input */
	uint64_t	ace_hits;
};

struct dp_acl {
	char		*acl_name;
	bool		 acl_extended;
	bool		 acl_numbered;
	unsigned long	 acl_number;
	struct ace	*acl_ace;
	size_t		 acl_n, acl_cap;
	size_t		 acl_nrules;	/* entries that are not remarks */
	struct dp_acl	*acl_hnext;	/* hash chain */
	struct dp_acl	*acl_prev, *acl_next;	/* creation order */
};

#define ACL_HASH	4096

/* Static routes. */
struct rt_path {
	uint32_t	rp_nexthop;	/* 0: none */
	char		*rp_ifname;	/* NULL: none */
	unsigned	rp_distance;
	char		*rp_name;
	bool		rp_permanent;
};

struct rt_node {
	uint32_t	 rn_net;
	unsigned	 rn_len;
	struct rt_path	*rn_paths;
	size_t		 rn_npaths;
};

struct rt_table {
	struct rt_node	*rt_nodes[33];	/* per prefix length, by network */
	size_t		 rt_n[33], rt_cap[33];
};

struct rt6_route {
	uint8_t		r6_net[16];
	unsigned	r6_len;
	bool		r6_has_nh;
	uint8_t		r6_nh[16];
	char		*r6_ifname;
};

struct nat_rule {
	bool		 nr_static;
	char		*nr_list;	/* list ACL */
	char		*nr_ifname;	/* list: interface */
	bool		 nr_overload;
	uint32_t	 nr_local, nr_global;	/* static */
};

/* A connected subnet, for IOS's overlap check without a scan. */
struct if_subnet {
	uint32_t	 sn_lo, sn_hi;
	struct dp_iface	*sn_if;
};

struct dataplane {
	struct system	 *d_sys;
	struct dp_iface	**d_ifs;	/* sorted in IOS order */
	size_t		  d_nifs, d_capifs;
	struct if_subnet *d_subnets;	/* sorted by sn_lo, disjoint */
	size_t		  d_nsubnets, d_capsubnets;
	struct dp_acl	 *d_acl_hash[ACL_HASH];
	struct dp_acl	 *d_acl_first, *d_acl_last;
	size_t		  d_nacls;
	struct rt_table	  d_rt;
	struct rt6_route *d_rt6;
	size_t		  d_nrt6;
	bool		  d_ipv6_unicast_routing;
	struct nat_rule	 *d_nat;
	size_t		  d_nnat;
};

/* Memory. */
void		*dp_calloc(size_t, size_t);
char		*dp_strdup(const char *);
void		 dp_strset(char **, const char *);

/* ifname.c: interface names. */
bool		 ifname_parse(const char *type, const char *num, struct if_id *);
void		 ifname_format(const struct if_id *, char *, size_t);
int		 ifid_cmp(const struct if_id *, const struct if_id *);
bool		 ifname_virtual(enum if_type);
const char	*ifname_type_name(enum if_type);
/* Resolve NAME (one or two words) to its canonical spelling. */
bool		 ifname_resolve(const char *name, char *out, size_t outlen);
/* The same for the command's argument ARG; on failure IOS's caret under
 * it (vty_invalid) and false. */
bool		 ifname_arg(struct vty *, const struct cmd_match *,
		    const char *arg, char *out, size_t outlen);

/* iface.c */
struct dp_iface	*iface_get(struct dataplane *, const struct if_id *, bool make);
void		 iface_free_all(struct dataplane *);
void		 iface_nvgen(const struct dataplane *, struct strbuf *);
bool		 iface_up(const struct dp_iface *);
bool		 iface_proto_up(const struct dp_iface *);
uint32_t	 iface_mtu(const struct dp_iface *);
uint32_t	 iface_bandwidth(const struct dp_iface *);

/* acl.c */
void		 acl_free_all(struct dataplane *);
void		 acl_nvgen(const struct dataplane *, struct strbuf *);
void		 acl_show(const struct dataplane *, const char *name,
		    struct strbuf *);
void		 ace_text(const struct ace *, bool extended, bool pad,
		    bool show, struct strbuf *);

/* What a rule looks at in a packet (host order). */
struct acl_pkt {
	uint32_t	pk_src, pk_dst;
	unsigned	pk_proto;
	uint16_t	pk_sport, pk_dport;
	bool		pk_established;	/* TCP ACK or RST set */
	int		pk_icmp_type, pk_icmp_code;
};

/* First match decides and counts its hit; none: the implicit deny. */
bool		 acl_permits(struct dp_acl *, const struct acl_pkt *);

/* route.c */
void		 route_free_all(struct dataplane *);
void		 route_nvgen(const struct dataplane *, enum nv_section,
		    struct strbuf *);
void		 route_show(const struct dataplane *, struct strbuf *);

/*
 * The forwarder: attach.c (wires), link.c (Ethernet II, Cisco HDLC,
 * SLARP), arp.c, ip4.c (checks, local delivery, routing, forwarding),
 * icmp.c (echo, errors, the echo API), filter.c (ACLs on interfaces),
 * udp.c (endpoints for IKE), fwd.c (state, crypto hook, local queue).
 */
#define ETHER_HDRLEN	14
#define HDLC_HDRLEN	4
#define IP4_MAXLEN	65535
#define FRAME_MAX	(ETHER_HDRLEN + IP4_MAXLEN)

#define ETHERTYPE_IP	0x0800
#define ETHERTYPE_ARP	0x0806
#define ETHERTYPE_IPV6	0x86dd
#define ETHERTYPE_SLARP	0x8035

/* attach.c */
void		 attach_mac(struct dp_iface *, const char *seed);
void		 attach_close(struct dp_iface *);
int		 attach_send(struct dp_iface *, const uint8_t *, size_t);

/* link.c */
bool		 link_ethernet(const struct dp_iface *);
void		 link_input(struct dp_iface *, const uint8_t *, size_t);
void		 link_attached(struct dp_iface *);
void		 link_detached(struct dp_iface *);

/* Address helpers. */
void		 ip4_fmt(uint32_t, char *buf);	/* buf: 16 bytes */
bool		 ip4_parse(const char *, uint32_t *);
unsigned	 ip4_masklen(uint32_t);
bool		 ip4_mask_ok(uint32_t);
void		 ip6_fmt(const uint8_t *, char *buf);	/* 46 bytes, upper */

#endif
