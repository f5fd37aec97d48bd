/*
 * nat: IOS's network address translation, private to the dataplane.
 *
 *	nat.c       the translation table (bounded, hashed both ways) and
 *	            the packet rewrite (TCP, UDP, ICMP echo, ICMP errors'
 *	            embedded header; checksums adjusted, RFC 1624);
 *	nat_cmd.c   `ip nat pool`, `ip nat inside source ...`,
 *	            `ip nat translation ...` and their running-config;
 *	nat_show.c  `show ip nat translations [verbose]`, `show ip nat
 *	            statistics`, `clear ip nat translation *`.
 *
 * Where it runs (ip4.c), Cisco's "NAT Order of Operation": inside to
 * outside, after routing and before the output ACL and the crypto map
 * (so a crypto ACL names translated addresses, or untranslated ones
 * that the NAT ACL denies); outside to inside, after the input ACL and
 * decryption, before routing.  Only forwarded packets are translated:
 * the router's own (IKE, ESP, pings) never are.
 */
#ifndef IOSH_DATAPLANE_NAT_H
#define IOSH_DATAPLANE_NAT_H

#include "dataplane/dp_int.h"

/* Configuration. */
/* NR_OSTATIC: `ip nat outside source static GLOBAL LOCAL` (nr_global,
 * nr_local: the outside host's real address and how the inside sees
 * it). */
enum nat_rule_kind { NR_LIST, NR_STATIC, NR_OSTATIC };

struct nat_rule {
	enum nat_rule_kind nr_kind;
	unsigned	 nr_id;		/* [Id: n] of show ip nat statistics */
	char		*nr_list;	/* list: the ACL */
	char		*nr_ifname;	/* list: interface ... (or NULL) */
	char		*nr_pool;	/* list: pool ... (or NULL) */
	bool		 nr_overload;
	uint8_t		 nr_proto;	/* static: 0, IPP_TCP or IPP_UDP */
	uint32_t	 nr_local, nr_global;	/* static */
	uint16_t	 nr_lport, nr_gport;	/* static tcp|udp */
	bool		 nr_extendable;
};

struct nat_pool {
	char		*np_name;
	uint32_t	 np_start, np_end, np_mask;
	bool		 np_prefix;	/* typed prefix-length, not netmask */
	uint64_t	 np_misses;	/* no address (or port) left */
	/* Where the next allocation starts (IOS fills an address before
	 * the next), and n_freed when a search last found the pool full:
	 * until something is freed it is not searched again. */
	uint32_t	 np_next;
	uint64_t	 np_full_at;
	bool		 np_full;
};

/* `ip nat translation ...`, seconds; NAT_NEVER for `never`. */
#define NAT_NEVER	UINT32_MAX
enum nat_to { NTO_TIMEOUT, NTO_TCP, NTO_UDP, NTO_DNS, NTO_FINRST,
	NTO_ICMP, NTO_COUNT };

/* One translation.  Simple (nx_proto 0: address only) or extended
 * (protocol and port: the local port, the global port, the outside
 * end); static ones come from the configuration and never expire. */
struct nat_xlate {
	struct nat_xlate *nx_hout, *nx_hin;	/* hash chains */
	struct nat_xlate *nx_prev, *nx_next;	/* every entry, in order */
	uint8_t		  nx_proto;
	bool		  nx_static, nx_finrst;
	unsigned	  nx_rule;	/* the rule's nr_id (0: static) */
	uint32_t	  nx_il, nx_ig, nx_o;
	uint16_t	  nx_ilp, nx_igp, nx_op;
	uint64_t	  nx_created, nx_used;	/* mono ms */
};

/* A fragmented datagram's first fragment carries the ports; the others
 * are translated as it was, found by (source, destination, protocol,
 * IP identification) for REASM_MS.  A later fragment that arrives
 * before the first is dropped if a rule would translate it. */
#define NAT_FRAG_SLOTS	64
struct nat_frag {
	uint32_t	nf_src, nf_dst, nf_addr;
	uint16_t	nf_id;
	uint8_t		nf_proto;
	bool		nf_out, nf_used;
	uint64_t	nf_when;
};

#define NAT_HASH	65536		/* buckets, each way */
#define NAT_MAX		200000		/* translations at most */

struct nat {
	struct nat_rule	 *n_rules;
	size_t		  n_nrules;
	unsigned	  n_next_id;
	struct nat_pool	 *n_pools;
	size_t		  n_npools;
	uint32_t	  n_to[NTO_COUNT];
	struct nat_xlate **n_hout, **n_hin;
	struct nat_xlate *n_first, *n_last;
	size_t		  n_count;
	uint64_t	  n_hits, n_misses, n_expired, n_full;
	uint64_t	  n_freed;	/* translations freed, ever */
	bool		  n_debug;	/* debug ip nat */
	size_t		  n_nostatic;	/* NR_OSTATIC rules */
	uint32_t	  n_max;	/* max-entries (0: NAT_MAX) */
	uint16_t	  n_cursor[3];	/* next port tried, per range */
	uint64_t	  n_full_sweep;	/* when a full table was last swept */
	struct nat_frag	  n_frag[NAT_FRAG_SLOTS];
	/* Outside to inside: the translated copy. */
	uint8_t		  n_buf[IP4_MAXLEN];
};

void		 nat_init(struct dataplane *);
void		 nat_free(struct dataplane *);
void		 nat_nvgen(const struct dataplane *, struct strbuf *);

/* Inside to outside, in place (the forwarding copy, IN inside, OUT
 * outside): false if it must be dropped (no address or port left). */
bool		 nat_out(struct dataplane *, struct dp_iface *in,
		    struct dp_iface *out, uint8_t *ip, size_t len);
/* Outside to inside on IN: IP itself, or its translation in n_buf. */
const uint8_t	*nat_in(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len);

/* The table, for the commands and the show renderers. */
struct nat_xlate *nat_static_add(struct nat *, const struct nat_rule *);
void		 nat_static_del(struct nat *, const struct nat_rule *);
void		 nat_xlate_free(struct nat *, struct nat_xlate *);
/* Expired dynamic entries gone (counted); called before rendering. */
void		 nat_expire(struct nat *, uint64_t now);
uint32_t	 nat_timeout_ms(const struct nat *, const struct nat_xlate *);
struct nat_pool	*nat_pool_find(const struct nat *, const char *name);

#endif
