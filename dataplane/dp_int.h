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
#include <string.h>

#include "dataplane/dp.h"
#include "dataplane/wire.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "lib/xalloc.h"

struct vty;
struct cmd_args;
struct ev_timer;
struct arp_entry;
struct nd_entry;
struct local_pkt;
struct acl_log;
struct moncap;
struct wire;
struct dhcpc;
struct dhcps;
struct nat;

/* Interface types, in the order IOS lists them. */
enum if_type {
	IFT_LOOPBACK,
	IFT_PORT_CHANNEL,	/* an EtherChannel: up only with a wire */
	IFT_MULTILINK,		/* a PPP bundle: stored, never up */
	IFT_TUNNEL,
	IFT_EMBEDDED_SE,	/* a service module's port: never up */
	IFT_ETHERNET,
	IFT_FASTETHERNET,
	IFT_GIGABITETHERNET,
	IFT_TENGIGABITETHERNET,
	IFT_SERIAL,
	IFT_ATM,
	IFT_VIRTUAL_TEMPLATE,	/* cloned per session on IOS: never up here */
	IFT_VLAN,		/* a switch port's SVI: up with a wire */
	IFT_DIALER,		/* PPPoE/dialer: stored, never up */
	IFT_BVI,		/* bridging: stored, never up */
	IFT_NULL,		/* Null0: its lines only (routes: route.c) */
	IFT_COUNT
};

#define IF_MAXNUM	3	/* slot/subslot/port */
#define IF_NAMELEN	48

struct if_id {
	enum if_type	id_type;
	unsigned	id_nnum;
	uint32_t	id_num[IF_MAXNUM];
	uint32_t	id_sub;		/* .N of a subinterface; 0: none */
};

enum if_addr_kind { IFA_NONE, IFA_STATIC, IFA_DHCP };
/* The slots of an interface's stored-but-inert lines (iface.c). */
enum { IFI_VRF, IFI_TCP_MSS, IFI_OSPF_NET, IFI_OSPF_COST, IFI_VREASM,
	IFI_CHANNEL, IFI_OSPF_AREA, IFI_N };
/* Where the listed inert lines of iface_lines.c render. */
enum { IFL_ADDR, IFL_IP_EARLY, IFL_IP, IFL_PPP, IFL_LINK, IFL_TUNNEL };
struct if_line_def;
struct if_line {
	const struct if_line_def *il_def;
	char			 *il_text;	/* canonical */
};
enum if_duplex { DUPLEX_DEFAULT, DUPLEX_AUTO, DUPLEX_FULL, DUPLEX_HALF };
enum if_nat { NAT_NONE, NAT_INSIDE, NAT_OUTSIDE };
enum if_encap { ENCAP_DEFAULT, ENCAP_HDLC, ENCAP_PPP, ENCAP_FRAME_RELAY };
enum tun_mode { TUN_GRE_IP, TUN_IPSEC_IPV4, TUN_IPSEC_IPV6, TUN_GRE_IPV6,
	TUN_GRE_MULTIPOINT };

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
	bool		 at_unreach_sent;	/* (in the MAC's padding) */
	uint64_t	 at_ipkts, at_ibytes, at_opkts, at_obytes;
	uint64_t	 at_ibcast;	/* broadcasts received */
	uint64_t	 at_ierrors;	/* bad headers, bad checksums */
	uint64_t	 at_idrops;	/* input queue drops (unknown protocol) */
	uint64_t	 at_odrops;	/* total output drops */
	uint64_t	 at_last_in, at_last_out;	/* mono ms */
	uint64_t	 at_unreach_ms;	/* last ICMP unreachable sent */
	struct ev_timer	*at_keepalive;	/* serial: the next SLARP keepalive */
	uint32_t	 at_myseq, at_yourseq;
};

/*
 * The fields in order of size within each group, without holes (592
 * bytes were 488): a configuration of thousands of interfaces faults in
 * every page of them as it loads.  The inert lines' slots are made on
 * the first such line (if_inert_line_cmd), which few interfaces have.
 */
struct dp_iface {
	struct dataplane	*if_dp;
	size_t			 if_idx;	/* in d_ifs */
	struct if_id		 if_id;
	char			 if_name[IF_NAMELEN];	/* "Serial1/2" */
	char			*if_descr;
	bool			 if_shutdown;
	bool			 if_no_redirects;
	bool			 if_no_mroute_cache;
	bool			 if_ipv6_enable;
	uint32_t		 if_mtu;	/* 0: the type's default */
	uint32_t		 if_bandwidth;	/* 0: the type's default */
	enum if_addr_kind	 if_addr_kind;
	struct if_v4		 if_addr;
	struct if_v4		*if_sec;	/* secondary addresses */
	size_t			 if_nsec;
	char			*if_acl_in, *if_acl_out;
	enum if_nat		 if_nat;
	enum if_encap		 if_encap;
	struct if_v6		*if_v6;
	size_t			 if_nv6;
	enum if_duplex		 if_duplex;
	unsigned		 if_speed;	/* 0 none, 1 auto, else Mb/s */
	uint32_t		 if_clock_rate;
	unsigned		 if_keepalive;	/* seconds, 10 by default */
	bool			 if_ilmi_keepalive;
	bool			 if_duplex_word;	/* full-duplex/half-duplex */
	bool			 if_no_keepalive;
	bool			 if_no_cdp;
	/* Stored, rendered, not acted on (issue 20): the link's media, its
	 * autonegotiation, DEC MOP. */
	unsigned		 if_media;	/* 0 unset, else IF_MEDIA_* */
	uint64_t		 if_cdp_next;	/* cdp.c: next advertisement
						 * (mono ms; 0: at once) */
	int			 if_negotiation; /* 0 unset, 1 on, -1 "no" */
	bool			 if_no_mop;	/* no mop enabled */
	bool			 if_no_mop_sysid; /* no mop sysid */
	bool			 if_vt_tunnel;	/* Virtual-Template N type tunnel */
	/* A subinterface's 802.1Q VLAN (0: none yet) and whether it is the
	 * native one, untagged on the parent's wire (dot1q.c). */
	bool			 if_dot1q_native;
	/* Lines stored as typed (canonical) but not acted on, one per
	 * slot, each rendered where IOS prints it (IFI_*); NULL: none
	 * yet, the IFI_N slots made with the first. */
	char			**if_inert;
	struct if_line		*if_lines;	/* iface_lines.c, in order */
	size_t			 if_nlines;
	uint16_t		 if_dot1q;
	bool			 if_tun_haskey;	/* tunnel key N */
	/* GRE: the line protocol as tunnel_sync() last found it, and the
	 * outer addresses it found (host order). */
	bool			 if_tun_up;
	enum tun_mode		 if_tun_mode;
	char			*if_tun_src;	/* interface name or address */
	char			*if_tun_dst;	/* IPv4 or IPv6 address, as IOS
						 * prints it */
	uint32_t		 if_tun_key;
	uint32_t		 if_ip_mtu;	/* ip mtu; 0: the default */
	/* The ends resolved (if_tun_saddr... valid): a GRE tunnel is up
	 * then, a VTI once crypto has its SAs. */
	bool			 if_tun_ready;
	bool			 if_tun_recur;	/* down: recursive routing */
	/* `tunnel mode ipsec ipv6`: the outer addresses are IPv6 ones
	 * (if_tun_saddr/daddr zero). */
	bool			 if_tun_v6;
	bool			 if_tun_prot_shared;	/* ... shared */
	uint32_t		 if_tun_saddr, if_tun_daddr;
	uint8_t			 if_tun_saddr6[16], if_tun_daddr6[16];
	enum dp_crypto_df	 if_crypto_df;	/* crypto ipsec df-bit */
	struct dp_iface		*if_tun_srcif;	/* valid while if_tun_up */
	char			*if_tun_protection;
	char			*if_crypto_map;
	enum dp_crypto_frag	 if_crypto_frag; /* ... fragmentation */
	struct if_attach	 if_attach;
	struct dhcpc		*if_dhcpc;	/* ip address dhcp: its client */
};

_Static_assert(sizeof(struct dp_iface) <= 488, "struct dp_iface grew");

/* Does IFP hold an IPv4 address now: configured, or leased by DHCP? */
static inline bool
iface_has_v4(const struct dp_iface *ifp)
{
	return ifp->if_addr_kind == IFA_STATIC ||
	    (ifp->if_addr_kind == IFA_DHCP && ifp->if_addr.a_addr != 0);
}

/* ACLs. */
enum ace_kind { ACE_PERMIT, ACE_DENY, ACE_REMARK };
enum port_op { PORT_ANY, PORT_EQ, PORT_GT, PORT_LT, PORT_NEQ, PORT_RANGE };

#define ACE_PROTO_IP	256	/* "ip": any protocol */
#define ACE_ICMP_ANY	(-1)

struct ace_addr {
	uint32_t	aa_addr;	/* host bits cleared */
	uint32_t	aa_wild;
};

/* Both ACL structures are narrow, without padding (ace_same compares
 * ports by memcmp): a large configuration's rules are most of its
 * memory, and every page of them a fault as it loads. */
struct ace_ports {
	uint16_t	ap_op;		/* enum port_op */
	uint16_t	ap_lo, ap_hi;	/* the matching range, compiled */
	/* As typed, for rendering: the second of a range is ap_hi; the
	 * first differs from ap_lo for gt and lt only. */
	uint16_t	ap_p1;
};

/*
 * 48 bytes, not 72: a remark's text shares its room with the counter
 * (a remark never matches, a rule never has text), a tcp or udp rule's
 * ports with an icmp rule's message (no rule has both: read them by the
 * protocol: acl.c's ace_has_ports, ace_is_icmp), the kind and its two
 * flags one byte, a port range's second port is its ap_hi.  40,000 rules
 * are 234 pages fewer to fault in.
 */
struct ace {
	struct ace_addr	ace_src, ace_dst;
	union {
		uint64_t ace_hits;	/* rules */
		char	*ace_remark;	/* remarks; NULL: a bare "remark" */
	};
	uint32_t	ace_seq;	/* remarks: the entry they follow */
	uint16_t	ace_proto;	/* 0-255 or ACE_PROTO_IP */
	uint8_t		ace_kind : 2;	/* enum ace_kind */
	uint8_t		ace_log : 2;	/* 0, 1 log, 2 log-input */
	bool		ace_established : 1;
	/* Zeroed whole before either is set (ace_same compares it by
	 * memcmp); a rule of another protocol has PORT_ANY ports. */
	union {
		struct {	/* tcp, udp */
			struct ace_ports ace_sport, ace_dport;
		};
		struct {	/* icmp: ACE_ICMP_ANY */
			int16_t	ace_icmp_type, ace_icmp_code;
			int16_t	ace_icmp_name;	/* in the name table, or -1 */
		};
	};
};

_Static_assert(sizeof(struct ace) == 48, "struct ace grew");

struct dp_acl {
	bool		 acl_extended;
	bool		 acl_numbered;
	unsigned long	 acl_number;
	struct ace	*acl_ace;
	size_t		 acl_n, acl_cap;
	size_t		 acl_nrules;	/* entries that are not remarks */
	struct dp_acl	*acl_hnext;	/* hash chain */
	struct dataplane *acl_dp;	/* its generation changes with it */
	struct dp_acl	*acl_prev, *acl_next;	/* creation order */
	/* In the list's own block: one allocation a list, not two. */
	char		 acl_name[];
};

#define ACL_HASH	4096

/* Static routes. */
/*
 * 16 bytes: an interface and a name, which most routes have neither of,
 * share one block, "IFNAME\0NAME\0" as far as each is there; the counts
 * and flags share one word (a node with its path in it is 24 bytes: a
 * large configuration's routes are most of its memory after its ACL
 * rules, and every page of them a fault as it loads).
 */
struct rt_path {
	char		*rp_text;	/* NULL: neither (path_ifname) */
	uint32_t	rp_nexthop;	/* 0: none */
	/* Installed by a subsystem (crypto's reverse route injection),
	 * not configured: counted (to RT_MAXINJECT), never in the running
	 * configuration. */
	uint32_t	rp_injected : 20;
	uint32_t	rp_distance : 8;	/* 1-255 */
	bool		rp_hasif : 1, rp_hasname : 1;	/* in rp_text */
	bool		rp_permanent : 1;
	bool		rp_dhcp : 1;	/* learned from a DHCP offer: not
					 * configuration, never rendered */
};

#define RT_MAXINJECT	((1U << 20) - 1)

_Static_assert(sizeof(struct rt_path) == 16, "struct rt_path grew");

/* P's interface name, NULL: none. */
static inline const char *
path_ifname(const struct rt_path *p)
{
	return p->rp_hasif ? p->rp_text : NULL;
}

/* P's name (`name WORD`), NULL: none. */
static inline const char *
path_name(const struct rt_path *p)
{
	if (!p->rp_hasname)
		return NULL;
	return p->rp_hasif ? p->rp_text + strlen(p->rp_text) + 1 : p->rp_text;
}

/*
 * A prefix and its paths.  The one path nearly every route has is in the
 * node itself (24 bytes, where a node of 24 and a path of 32 in a pool
 * apart were 56 and a second cache line to read); a node of several
 * paths points to an array of its own.  A path is the node's only as
 * long as the node stays where it is: a route added or removed moves the
 * nodes after it, so no path is kept across a change of the table.
 */
struct rt_node {
	uint32_t	 rn_net;
	uint32_t	 rn_len : 6;	/* 0-32 */
	uint32_t	 rn_npaths : 26;	/* > 1: rn_many */
	union {
		struct rt_path	 rn_one;
		struct rt_path	*rn_many;
	};
};

#define RT_MAXPATHS	((1U << 26) - 1)

_Static_assert(sizeof(struct rt_node) == 24, "struct rt_node grew");

/* N's paths, rn_npaths of them (the strchr convention on const). */
static inline struct rt_path *
rt_paths(const struct rt_node *n)
{
	return n->rn_npaths > 1 ? n->rn_many : (struct rt_path *)&n->rn_one;
}

struct rt_table {
	struct rt_node	*rt_nodes[33];	/* per prefix length, by network */
	size_t		 rt_n[33], rt_cap[33];
	/* A path has had a name or a node several paths: until then the
	 * table is freed by its arrays alone (route_free_all). */
	bool		 rt_owned;
};

struct rt6_route {
	uint8_t		r6_net[16];
	unsigned	r6_len;
	bool		r6_has_nh;
	uint8_t		r6_nh[16];
	char		*r6_ifname;
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
	/* Entries of the ACL an entry was last added to: a new ACL's first
	 * array is made that size (ace_insert). */
	size_t		  d_acl_seen;
	size_t		  d_nacls;
	struct rt_table	  d_rt;
	struct rt6_route *d_rt6;
	size_t		  d_nrt6;
	bool		  d_ipv6_unicast_routing;
	struct nat	 *d_nat;	/* NAT: rules, pools, table (nat.h) */
	struct fwd	 *d_fwd;	/* the packet path's state (fwd.c) */
	struct moncap	 *d_moncaps;	/* capture points, by name (moncap.c) */
	uint64_t	  d_gen;	/* dp_generation() */
	/* Moves with what else a route lookup reads: static routes, an
	 * interface shut or opened, a wire attached or closed (route.c). */
	uint64_t	  d_rt_gen;
	/* Moves with what else the flow cache's entries depend on
	 * (fc_flush: crypto's hook or its generation registered or
	 * gone: the cookies are its). */
	uint64_t	  d_fc_gen;
	struct dhcps	 *d_dhcps;	/* DHCP server: pools, bindings */
	bool		  d_dhcp_bound;	/* UDP 67/68 bound (dhcp_client.c) */
	/* tunnel.c: route_gen() when the tunnels' line protocols were
	 * last decided, and the timer that decides them again. */
	uint64_t	  d_tun_gen;
	struct ev_timer	 *d_tun_timer;
	uint64_t	  d_gre_drops;	/* GRE for no tunnel of ours */
	unsigned	  d_tun_depth;	/* tunnel_output nesting */
	bool		  d_decap6;	/* ip6_input of what crypto gave back */
	bool		  d_tun_syncing;	/* in tunnel_sync: crypto, asked
						 * about a VTI, asks back */
	struct cdp	 *d_cdp;	/* cdp.c: `cdp run`, neighbours */
};

/* Memory. */

/* ifname.c: interface names. */
bool		 ifname_parse(const char *type, const char *num, struct if_id *);
void		 ifname_format(const struct if_id *, char *, size_t);
int		 ifid_cmp(const struct if_id *, const struct if_id *);
bool		 ifname_virtual(enum if_type);
const char	*ifname_type_name(enum if_type);
/* Its name as IOS's short tables write it: "Fa0/0", "Se1/2", "Lo0". */
void		 ifname_short(const struct dp_iface *, char *, size_t);
/* Resolve NAME (one or two words) to its canonical spelling. */
bool		 ifname_resolve(const char *name, char *out, size_t outlen);
/* The same for the command's argument ARG; on failure IOS's caret under
 * it (vty_invalid) and false. */
bool		 ifname_arg(struct vty *, const struct cmd_args *,
		    const char *arg, char *out, size_t outlen);

/* iface.c */
struct dp_iface	*iface_get(struct dataplane *, const struct if_id *, bool make);
/* A physical interface's keepalive period, seconds (IOS's default). */
#define KEEPALIVE_DEFAULT	10
/* The subnet index (IOS's overlap check): the interface whose subnet
 * overlaps ADDR/MASK, EXCEPT's primary excepted; add, remove. */
struct dp_iface	*subnet_overlap(const struct dataplane *, uint32_t addr,
		    uint32_t mask, const struct dp_iface *except);
void		 subnet_add(struct dataplane *, struct dp_iface *,
		    uint32_t addr, uint32_t mask);
void		 subnet_del(struct dataplane *, const struct dp_iface *,
		    uint32_t addr, uint32_t mask);
/* IFP's IPv4 addresses gone: its DHCP lease released, its subnets out
 * of the index. */
void		 iface_clear_v4(struct dp_iface *);
/* A virtual interface removed (`no interface`). */
void		 iface_delete(struct dataplane *, struct dp_iface *);
void		 iface_free_all(struct dataplane *);
void		 iface_nvgen(const struct dataplane *, struct strbuf *);
bool		 iface_proto_up(const struct dp_iface *);
/* A tunnel's default MTU (the release's); iface_mtu's other case. */
uint32_t	 iface_mtu_tunnel(const struct dp_iface *);
/* A tunnel's IPv4 MTU without `ip mtu` (its transport MTU less its
 * header for GRE and VTI); iface_ip_mtu's other case. */
uint32_t	 tunnel_ip_mtu(const struct dp_iface *);

/*
 * The three below are asked for every packet sent (the egress's MTU
 * test, crypto's inner MTU, the interface up): inline, as the calls
 * across files cost more than their tests (issue 22).
 */
static inline bool
iface_up(const struct dp_iface *ifp)
{
	return !ifp->if_shutdown;
}

/* `mtu`, or the interface type's default. */
static inline uint32_t
iface_mtu(const struct dp_iface *ifp)
{
	if (ifp->if_mtu != 0)
		return ifp->if_mtu;
	switch (ifp->if_id.id_type) {
	case IFT_LOOPBACK:
		return 1514;
	case IFT_TUNNEL:
		return iface_mtu_tunnel(ifp);
	case IFT_ATM:
		return 4470;
	default:
		return 1500;
	}
}

/* The IPv4 MTU: `ip mtu`, a tunnel's transport MTU less its header, or
 * iface_mtu(). */
static inline uint32_t
iface_ip_mtu(const struct dp_iface *ifp)
{
	if (ifp->if_ip_mtu != 0)
		return ifp->if_ip_mtu;
	if (ifp->if_id.id_type == IFT_TUNNEL)
		return tunnel_ip_mtu(ifp);
	return iface_mtu(ifp);
}
uint32_t	 iface_bandwidth(const struct dp_iface *);
/* The DHCP client's lease: IFP's primary address (0: none). */
void		 iface_set_dhcp_addr(struct dp_iface *, uint32_t addr,
		    uint32_t mask);

/* acl.c */
void		 acl_free_all(struct dataplane *);
/* The named ACLs' blocks (NAMED) or the numbered access-list lines. */
void		 acl_nvgen(const struct dataplane *, bool named,
		    struct strbuf *);
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

/* What the rules look at in the IPv4 datagram IP (its header already
 * checked): ports and ICMP type only in a first fragment. */
void		 acl_pkt_from_ip(struct acl_pkt *, const uint8_t *ip,
		    size_t len);
/* First match decides and counts its hit; none: the implicit deny. */
bool		 acl_permits(struct dp_acl *, const struct acl_pkt *);
/* The entry that decided (hit counted), NULL for the implicit deny. */
struct ace	*acl_match(struct dp_acl *, const struct acl_pkt *);

/* route.c */
/* The generation of everything a route lookup reads (d_gen: addresses,
 * interfaces; d_rt_gen: routes, shut, wires, 802.1Q).  Both counters
 * only grow: their sum moves whenever either does; +1 keeps an empty slot
 * (0) from ever matching. */
static inline uint64_t
route_gen(const struct dataplane *dp)
{
	return dp->d_gen + dp->d_rt_gen + 1;
}
/* Where a datagram for DST leaves: the interface and the next hop (DST
 * itself on a connected subnet or an interface route); NULL: no route. */
/* Remembered per destination (f_rtc) until d_gen or d_rt_gen moves. */
struct dp_iface	*route_lookup(const struct dataplane *, uint32_t dst,
		    uint32_t *nh);
/* The up interface whose connected subnet holds ADDR, its prefix length
 * in *LEN. */
struct dp_iface	*route_connected(const struct dataplane *, uint32_t addr,
		    unsigned *len);
void		 route_free_all(struct dataplane *);
void		 route_nvgen(const struct dataplane *, enum nv_section,
		    struct strbuf *);
/* `show ip route`; CODES ("S", "CL") keeps only those routes. */
void		 route_show(const struct dataplane *, const char *codes,
		    struct strbuf *);
/* Every static route in address order (then by prefix length). */
void		 rt_walk(const struct rt_table *,
		    void (*)(const struct rt_node *, void *), void *);
/* The interface a route's path P leaves by toward DST, its next hop in
 * *NH; NULL if it does not resolve (DEPTH: recursion so far). */
/* Whether P is a route to Null0: what it covers is dropped. */
bool		 rt_path_discard(const struct rt_path *);
struct dp_iface	*path_resolve(const struct dataplane *, const struct rt_node *,
		    const struct rt_path *, uint32_t dst, uint32_t *nh,
		    unsigned depth);
/* The default route a DHCP offer's router option gives (distance 254,
 * as IOS installs it); NH 0 removes it. */
void		 route_dhcp_default(struct dataplane *, uint32_t nh);

/*
 * The forwarder: attach.c (wires), link.c (Ethernet II, Cisco HDLC,
 * SLARP), arp.c, ip4.c (checks, local delivery, routing, forwarding),
 * icmp.c (echo, errors, the echo API), filter.c (ACLs on interfaces),
 * udp.c (endpoints for IKE), fwd.c (state, crypto hook, local queue).
 */
#define ETHER_HDRLEN	14
#define HDLC_HDRLEN	4
#define VLAN_TAGLEN	4	/* an 802.1Q tag */
#define IP4_MAXLEN	65535
#define FRAME_MAX	(ETHER_HDRLEN + IP4_MAXLEN)

#define ETHERTYPE_IP	0x0800
#define ETHERTYPE_ARP	0x0806
#define ETHERTYPE_IPV6	0x86dd
#define ETHERTYPE_SLARP	0x8035
#define ETHERTYPE_VLAN	0x8100
#define TUN_HDRMAX	28	/* outer IPv4 + GRE with a key */

/* attach.c */
void		 attach_mac(struct dp_iface *, const char *seed);
void		 attach_close(struct dp_iface *);
int		 attach_send(struct dp_iface *, const uint8_t *, size_t);

/*
 * Counters deferred for the length of a read (attach_rx_burst): the
 * read's interface's input counters, and the output counters of the
 * interface crypto's egress last sent by with its wire's, are kept here
 * per packet (two lines, not four of the interfaces' and the wire's)
 * and added where they belong (attach_defer_flush) when the read ends,
 * when another read begins inside it (a lab's mem: wire delivers what a
 * router sends to another at once), when the egress sends by another
 * interface, before a refused frame's output is taken back
 * (attach_txfail) and before an interface or its wire goes.  Counter
 * readers (show commands, timers) run between reads, so they see what
 * per-packet counting showed; the last input's and output's instant is
 * the read's, held (clock_hold) until after the flush.
 */
struct attach_defer {
	struct dp_iface	*ad_in;		/* the read's; NULL: not in one */
	uint64_t	 ad_ipkts, ad_ibytes, ad_ibcast;
	struct dp_iface	*ad_out;	/* NULL: none deferred */
	uint64_t	 ad_opkts, ad_obytes;
	/* 1: ad_out's wire wrote them at once (wire_send_owed) and is
	 * owed their counts too; 0: it counted them (queued, faults). */
	int		 ad_owed;
};
extern struct attach_defer	attach_defer;
void		 attach_defer_flush(void);
bool		 attach_defer_out(struct dp_iface *);
int		 attach_defer_sent(struct dp_iface *, int rc, size_t len);

/* IFP's output counters for a frame of LEN sent (RC 0) or dropped. */
static inline int
attach_count_out(struct dp_iface *ifp, int rc, size_t len)
{
	struct if_attach	*at = &ifp->if_attach;

	if (rc < 0) {
		at->at_odrops++;
		return -1;
	}
	at->at_opkts++;
	at->at_obytes += len;
	at->at_last_out = clock_mono_ms();
	return 0;
}

/* On PARENT's medium for SUB (a dot1q subinterface): both count it.
 * Inline: the egress (eg_send) sends every ESP packet through it, and
 * the call cost as much as its tests. */
static inline int
attach_send_for(struct dp_iface *ifp, struct dp_iface *sub,
    const uint8_t *frame, size_t len)
{
	struct if_attach	*at = &ifp->if_attach;

	if (at->at_wire == NULL || !iface_up(ifp))
		return attach_count_out(ifp, -1, len);
	return attach_count_out(ifp, wire_send_owned(at->at_wire, frame, len,
	    sub), len);
}

/* crypto's egress (eg_send): attach_send_for's, its output counters
 * and its wire's deferred inside a read (attach_defer). */
static inline int
attach_send_eg(struct dp_iface *ifp, const uint8_t *frame, size_t len)
{
	struct attach_defer	*ad = &attach_defer;
	struct if_attach	*at = &ifp->if_attach;
	int			 rc;

	if (ad->ad_out != ifp && !attach_defer_out(ifp))
		return attach_send_for(ifp, ifp, frame, len);
	if (at->at_wire == NULL || !iface_up(ifp))
		return attach_count_out(ifp, -1, len);
	/* A read inside the send (a lab's wire) takes ad_out back when it
	 * ends; a flush inside it (attach_txfail's) keeps it. */
	rc = wire_send_owed(at->at_wire, frame, len, ifp);
	if (__builtin_expect(rc != ad->ad_owed, 0))
		return attach_defer_sent(ifp, rc, len);
	ad->ad_opkts++;
	ad->ad_obytes += len;
	return 0;
}

/* A frame the interface takes (its hardware would filter the others);
 * inline: every frame received is counted (deferred: the read's
 * interface inside a read). */
static inline void
attach_count_in(struct dp_iface *ifp, size_t len)
{
	if (ifp == attach_defer.ad_in) {
		attach_defer.ad_ipkts++;
		attach_defer.ad_ibytes += len;
		return;
	}
	ifp->if_attach.at_ipkts++;
	ifp->if_attach.at_ibytes += len;
	ifp->if_attach.at_last_in = clock_mono_ms();
}

/* A broadcast frame attach_count_in counted. */
static inline void
attach_count_bcast(struct dp_iface *ifp)
{
	if (ifp == attach_defer.ad_in)
		attach_defer.ad_ibcast++;
	else
		ifp->if_attach.at_ibcast++;
}

/* moncap.c: capture points.  A wire going away stops the points on it;
 * dp_free frees them all. */
void		 moncap_wire_gone(struct dataplane *, struct wire *);
void		 moncap_free_all(struct dataplane *);

/* dot1q.c: 802.1Q subinterfaces on their parent's wire. */
struct dp_iface	*dot1q_parent(const struct dp_iface *);
bool		 dot1q_proto_up(const struct dp_iface *);
void		 dot1q_mac_sync(const struct dp_iface *);
bool		 dot1q_input(struct dp_iface *, const uint8_t *, size_t);
/* Whether PARENT may have subinterfaces: one follows it in d_ifs (its
 * subinterfaces come right after it, dot1q_sub's walk).  False: an
 * untagged frame is PARENT's own, without dot1q_input's call. */
static inline bool
dot1q_may_have(const struct dp_iface *parent)
{
	const struct dataplane	*dp = parent->if_dp;

	return parent->if_idx + 1 < dp->d_nifs &&
	    dp->d_ifs[parent->if_idx + 1]->if_id.id_sub != 0;
}
int		 dot1q_send(struct dp_iface *, const uint8_t *, size_t);
void		 dot1q_nvgen(const struct dp_iface *, struct strbuf *);

/* iface_lines.c: the listed inert lines, by group (IFL_*). */
void		 if_lines_render(const struct dp_iface *, unsigned group,
		    struct strbuf *);
bool		 if_lines_has(const struct dp_iface *, unsigned group);
void		 if_lines_drop_group(struct dp_iface *, unsigned group);
void		 if_lines_free(struct dp_iface *);

/* link.c */
/* The link header of an IPv4 datagram to NH out of IFP, written to end
 * at END (the datagram's first byte): its length; 0 while ARP resolves;
 * -1 when IFP has no link layer. */
int		 link_hdr4(struct dp_iface *, uint32_t nh, uint8_t *end);
/* The interface types that carry Ethernet II (inline: asked per frame). */
static inline bool
link_ethernet(const struct dp_iface *ifp)
{
	switch (ifp->if_id.id_type) {
	case IFT_ETHERNET:
	case IFT_FASTETHERNET:
	case IFT_GIGABITETHERNET:
	case IFT_TENGIGABITETHERNET:
		return true;
	default:
		return false;
	}
}
void		 link_input(struct dp_iface *, const uint8_t *, size_t);
void		 link_attached(struct dp_iface *);
void		 link_detached(struct dp_iface *);
/* IP datagram to next hop NH out of IFP: 0 sent (or dropped while ARP
 * resolves, as IOS), -1 dropped. */
int		 link_output_ip4(struct dp_iface *, uint32_t nh,
		    const uint8_t *ip, size_t len);
/* The same with DP_LINK_ROOM writable bytes before IP: the link header
 * goes there and the frame is sent from where it lies, no copy. */
int		 link_output_ip4_room(struct dp_iface *, uint32_t nh,
		    uint8_t *ip, size_t len);
int		 link_output_ip6(struct dp_iface *, const uint8_t *nh,
		    const uint8_t *ip, size_t len);
/* An IPv6 datagram to the MAC DMAC (ignored on serial links). */
int		 link_send6(struct dp_iface *, const uint8_t *dmac,
		    const uint8_t *ip, size_t len);

/* arp.c */
#define ARP_TIMEOUT_MS	(4ULL * 3600 * 1000)	/* IOS: 04:00:00 */
void		 arp_input(struct dp_iface *, const uint8_t *, size_t);
/* The MAC of ADDR on IFP; false (and a request sent) if unresolved. */
bool		 arp_resolve(struct dp_iface *, uint32_t addr, uint8_t *mac);
void		 arp_flush(struct dataplane *, const struct dp_iface *);
void		 arp_free_all(struct dataplane *);

/* ip4.c */
#define IPP_ICMP	1
#define IPP_TCP	6
#define IPP_UDP	17
#define IPP_GRE	47
#define IPP_ESP	50
#define IPP_AH	51
#define IPP_ICMPV6	58

/* The packet's path flags. */
#define IP4_OWN		0x01	/* the router's own: no outbound ACL */
#define IP4_NOCRYPTO	0x02	/* crypto's own ESP: no classification */
#define IP4_DECAP	0x04	/* decapsulated by crypto: it came through
				 * ESP, no inbound crypto policy check */
#define IP4_ROOM	0x08	/* DP_LINK_ROOM writable before the packet */
#define IP4_FWDBUF	0x10	/* in f_fwdbuf: DP_HEADROOM/TAILROOM around */
#define IP4_L2BCAST	0x20	/* came in a link-layer broadcast: for the
				 * router or nobody, never forwarded */

void		 ip4_input(struct dataplane *, struct dp_iface *,
		    const uint8_t *, size_t);
/* The same with path flags (IP4_DECAP). */
void		 ip4_receive(struct dataplane *, struct dp_iface *,
		    const uint8_t *, size_t, unsigned flags);
/* Is ADDR one of the router's interface addresses? */
bool		 ip4_own(const struct dataplane *, uint32_t addr);
/* ... one of IFP's?  A broadcast on IFP (all ones, a subnet's)? */
bool		 ip4_iface_addr(const struct dp_iface *, uint32_t addr);
bool		 ip4_iface_bcast(const struct dp_iface *, uint32_t addr);
/* The source the router uses towards DST (its outgoing interface's
 * primary address, or DST itself when DST is ours); 0 if none. */
uint32_t	 ip4_source(const struct dataplane *, uint32_t dst);
/* Send the router's own datagram (header filled but its checksum, the
 * source set): routed, sent; enum dp_send_result. */
int		 ip4_send(struct dataplane *, uint8_t *ip, size_t len,
		    unsigned flags);
/* The end of ip4_transmit, after the access group and crypto: MTU
 * (fragments, or "fragmentation needed") and the link layer. */
int		 ip4_link_out(struct dataplane *, struct dp_iface *in,
		    struct dp_iface *out, uint32_t nh, uint8_t *ip, size_t len,
		    unsigned flags);
/* Bytes 8 to 11 of a header whose bytes 8 to 11 were W (in network
 * order both), its TTL down by one and its checksum updated for it:
 * ip4_dec_ttl_w's, for a caller that stores them with the rest. */
static inline uint32_t
ip4_ttl_w(uint32_t w)
{
	uint32_t	sum, ttl = ((w >> 24) - 1) & 0xff;

	sum = (uint16_t)~w + (uint16_t)~(w >> 16) +
	    (ttl << 8 | ((w >> 16) & 0xff));
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return ttl << 24 | (w & 0xff0000) | (uint16_t)~sum;
}

/*
 * The header at IP, whose bytes 8 to 11 (TTL, protocol, checksum) were
 * W, with the TTL down by one and the checksum updated for it (RFC 1624
 * eqn. 3), not summed again: the header was verified on receipt, and
 * with a correct checksum this is what ip4_checksum would write.  W is
 * read before the flow cache's copy (reading the copy back would wait
 * for its stores; the source may overlap it).  Inline: every forwarded
 * datagram.
 */
static inline void
ip4_dec_ttl_w(uint8_t *ip, uint32_t w)
{
	uint32_t	n = ip4_ttl_w(w);

	ip[8] = (uint8_t)(n >> 24);
	put16(ip + 10, (uint16_t)n);
}

/* A forwarded datagram's TTL down by one, its checksum updated. */
static inline void
ip4_dec_ttl(uint8_t *ip)
{
	ip4_dec_ttl_w(ip, get32(ip + 8));
}
/* A fresh header: 20 bytes, checksum left to ip4_send. */
void		 ip4_header(struct dataplane *, uint8_t *ip, size_t len,
		    uint8_t proto, uint32_t src, uint32_t dst, uint8_t ttl,
		    uint8_t tos, bool df);
/* The router's own datagram straight out of OUT to NH (checksummed). */
int		 ip4_send_iface(struct dp_iface *out, uint32_t nh, uint8_t *ip,
		    size_t len);

/* icmp.c */
#define ICMP_ECHOREPLY		0
#define ICMP_UNREACH		3
#define ICMP_QUENCH		4
#define ICMP_ECHO		8
#define ICMP_TIMXCEED		11
#define ICMP_UNREACH_HOST	1
#define ICMP_UNREACH_PROTO	2
#define ICMP_UNREACH_PORT	3
#define ICMP_UNREACH_NEEDFRAG	4
#define ICMP_UNREACH_ADMIN	13
#define ICMP_RATE_MS		500	/* IOS: ip icmp rate-limit unreachable */

void		 icmp_input(struct dataplane *, struct dp_iface *,
		    const uint8_t *ip, size_t len);
/* Answer the datagram IP (received on IN, NULL: the router's own) with
 * an ICMP error, unless IOS would stay silent (errors about errors,
 * fragments, broadcasts; unreachables rate-limited per interface). */
void		 icmp_error(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len, uint8_t type, uint8_t code,
		    uint16_t mtu);
void		 icmp_free_all(struct dataplane *);
/* Hand EV to the listener of EV->ev_id (DATA: the reply's, checked
 * against the pattern sent); remember the pattern of a request. */
void		 echo_event(struct dataplane *, struct dp_echo_ev *,
		    const uint8_t *data, size_t len);
void		 echo_sent(struct dataplane *, uint16_t id, uint16_t pattern);

/* ip6.c */
bool		 ip6_enabled(const struct dp_iface *);
void		 ip6_iface_ll(const struct dp_iface *, uint8_t *);
bool		 ip6_iface_addr(const struct dp_iface *, const uint8_t *);
void		 ip6_iface_source(const struct dp_iface *, const uint8_t *dst,
		    uint8_t *src);
void		 ip6_header(uint8_t *, size_t plen, uint8_t nxt, uint8_t hlim,
		    const uint8_t *src, const uint8_t *dst);
void		 icmp6_checksum(uint8_t *);
void		 icmp6_error(struct dataplane *, struct dp_iface *,
		    const uint8_t *, size_t, uint8_t type, uint8_t code,
		    uint32_t param);
void		 ip6_input(struct dataplane *, struct dp_iface *,
		    const uint8_t *, size_t);
struct dp_iface	*route6_lookup(const struct dataplane *, const uint8_t *dst,
		    uint8_t *nh);
/* The router's own datagram P out (its source filled when zero). */
int		 ip6_send(struct dataplane *, uint8_t *p, size_t len);
/* The same with a link-local destination on IFP (NULL: routed only). */
int		 ip6_send_on(struct dataplane *, struct dp_iface *ifp, uint8_t *p,
		    size_t len);
/* The pseudo-header's sum of the datagram P for upper protocol NXT. */

/* nd.c */
void		 nd_input(struct dp_iface *, const uint8_t *, size_t);
bool		 nd_resolve(struct dp_iface *, const uint8_t *addr,
		    uint8_t *mac);
void		 nd_flush(struct dataplane *, const struct dp_iface *);

/* reasm.c: fragments for the router put back together. */
#define REASM_SLOTS	32		/* datagrams in progress */
#define REASM_MS	15000		/* given up after */
struct reasm;
/* The fragment IP (its header checked) added to its datagram: the whole
 * datagram (malloc'd, the caller frees it) when it is complete, NULL
 * until then or when it failed. */
uint8_t		*reasm_input(struct dataplane *, const uint8_t *ip,
		    size_t len, size_t *out_len);
void		 reasm_free(struct dataplane *);

/* udp.c */
void		 udp_input(struct dataplane *, struct dp_iface *,
		    const uint8_t *ip, size_t len);
/* Is the router's UDP PORT bound (IKE's 500, 4500)?  NAT never hands
 * it out on the router's own address. */
bool		 udp_bound(const struct dataplane *, uint16_t port);
/* A UDP datagram for one of the router's IPv6 addresses. */
void		 udp6_input(struct dataplane *, struct dp_iface *,
		    const uint8_t *ip, size_t len);
/* dp_udp_send with the IP TTL given (traceroute's probes). */
int		 udp_send_ttl(struct dataplane *, uint32_t src, uint16_t sport,
		    uint32_t dst, uint16_t dport, const uint8_t *data,
		    size_t len, uint8_t ttl);
/* traceroute.c: an ICMP error that quotes one of its UDP probes. */
void		 trace_icmp_error(struct dataplane *, const uint8_t *ip,
		    const uint8_t *icmp, size_t ilen);
/* A UDP datagram out of IFP to the link's next hop NH, routing and the
 * source check bypassed: DHCP's client speaks from 0.0.0.0 before it has
 * an address, and both sides broadcast on the interface a message came
 * in on (NH 255.255.255.255). */
int		 udp_send_iface(struct dp_iface *, uint32_t src,
		    uint16_t sport, uint32_t dst, uint16_t dport, uint32_t nh,
		    const uint8_t *data, size_t len);

/* dhcp_client.c: `ip address dhcp`.  Start (again) when configured or
 * the interface comes up; stop releases the lease (RELEASE sent). */
void		 dhcpc_start(struct dp_iface *);
void		 dhcpc_stop(struct dp_iface *, bool release);
/* dhcp_server.c */
void		 dhcps_free(struct dataplane *);
void		 dhcps_nvgen(const struct dataplane *, struct strbuf *);
/* The UDP 67 endpoint (bound with 68 by the first client or pool). */
void		 dhcps_udp_input(void *dp, const struct dp_udp_meta *,
		    const uint8_t *, size_t);
void		 dhcp_udp_bind(struct dataplane *);
void		 dhcpc_show(const struct dataplane *, struct strbuf *);

/* filter.c: an interface's access group on a datagram; false: denied
 * (counted, logged if the entry says so). */
bool		 filter_pass(struct dataplane *, const char *acl,
		    const uint8_t *ip, size_t len);

/* tunnel.c: GRE tunnel interfaces.  tunnel_sync decides each GRE
 * tunnel's line protocol again when route_gen() moved since the last
 * time (cheap to call per packet); tunnel_kick schedules it at once. */
void		 tunnel_sync(struct dataplane *);
void		 tunnel_kick(struct dataplane *);
void		 tunnel_free(struct dataplane *);
bool		 tunnel_gre(const struct dp_iface *);
bool		 tunnel_vti(const struct dp_iface *);
/* An inner datagram (ETHERTYPE_IP or ETHERTYPE_IPV6) routed out of the
 * tunnel IFP: encapsulated and sent; 0 sent, -1 dropped. */
int		 tunnel_output(struct dp_iface *, uint16_t ethertype,
		    const uint8_t *ip, size_t len);
/* GRE (protocol 47) for one of the router's addresses, received on IN. */
void		 tunnel_input(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len);
void		 tunnel_input6(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len);
/* `show interfaces TunnelN`'s tunnel lines. */
void		 tunnel_show(const struct dp_iface *, struct strbuf *);
void		 tunnel_nvgen(const struct dp_iface *, struct strbuf *);
/* A route lookup that is not remembered (route.c): tunnel_sync asks
 * it with a tunnel's state changed under it. */
struct dp_iface	*route_lookup_fresh(const struct dataplane *, uint32_t dst,
		    uint32_t *nh);

/* cdp.c: CDP on Ethernet (true: the frame was CDP's, taken) and in
 * Cisco HDLC (protocol 0x2000); its running-config line; dp_free's. */
#define ETHERTYPE_CDP	0x2000
bool		 cdp_ether_input(struct dp_iface *, const uint8_t *, size_t);
void		 cdp_hdlc_input(struct dp_iface *, const uint8_t *, size_t);
void		 cdp_nvgen(const struct dataplane *, struct strbuf *);
void		 cdp_free(struct dataplane *);

/* Address helpers. */
unsigned	 ip4_masklen(uint32_t);
/* The mask of a /LEN prefix (host order): 24 -> 0xffffff00. */
uint32_t	 ip4_lenmask(unsigned len);
bool		 ip4_mask_ok(uint32_t);
void		 ip6_fmt(const uint8_t *, char *buf);	/* 46 bytes, upper */

#endif
