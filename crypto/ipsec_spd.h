/*
 * ipsec_spd: the security policy database (RFC 4301 §4.4.1), compiled
 * from the configuration: per interface with `crypto map`, the map's
 * entries in sequence order, each with its ACL's rules as selectors
 * (addresses, protocol, ports) and, for each rule that protects, the
 * flow it names — the request IKE would start and the key its flow is
 * hashed by in the SA database, computed once.
 *
 * Nothing here is looked up by name on the packet path.  The database
 * is rebuilt lazily, on the first packet after the configuration
 * changed: crypto counts its own changes (c_cfg_gen: crypto map entries,
 * peers, match address) and the dataplane its own (dp_generation: ACLs,
 * interfaces, addresses, `crypto map` bindings); a packet compares two
 * numbers.
 *
 * Sources of policy: today the static entries of crypto maps
 * (SPD_CRYPTO_MAP).  `ipsec-isakmp dynamic` entries expanded from their
 * dynamic map, the ipsec profiles of tunnel interfaces and entries made
 * for remote peers are further values of enum spd_source, compiled into
 * the same struct spd_entry.
 */
#ifndef IOSH_CRYPTO_IPSEC_SPD_H
#define IOSH_CRYPTO_IPSEC_SPD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/ike_int.h"

struct dp_acl;
struct dp_iface;
struct dataplane;

enum spd_source {
	SPD_CRYPTO_MAP		/* a static crypto map entry */
	/* SPD_DYNAMIC_MAP, SPD_IPSEC_PROFILE: to come */
};

/* One ACL rule of an entry, compiled; host order. */
struct spd_sel {
	bool		 ss_permit;
	uint8_t		 ss_proto;		/* 0: any */
	uint32_t	 ss_src, ss_src_wild;
	uint32_t	 ss_dst, ss_dst_wild;
	uint16_t	 ss_sport_lo, ss_sport_hi, ss_dport_lo, ss_dport_hi;
	bool		 ss_sport_neq, ss_dport_neq;
	/* What a packet this rule protects is sent under. */
	struct ike_request ss_rq;
	struct sa_addr	 ss_peer;
	uint32_t	 ss_flow_hash;		/* sadb_flow_hash of ss_rq */
	/* The flow last found for ss_rq (NULL: none), while the SA
	 * database's db_flow_gen + 1 is ss_flow_gen (0: not looked up). */
	struct ipsec_flow *ss_flow;
	uint64_t	 ss_flow_gen;
};

struct spd_entry {
	enum spd_source		 se_source;
	const struct cmap_entry	*se_ce;
	struct dp_acl		*se_acl;	/* outbound: the dataplane's
						 * classifier counts its hits */
	struct spd_sel		*se_sels;	/* in ACL order */
	size_t			 se_nsels;
};

struct spd_iface {
	struct dp_iface		*si_ifp;
	const struct cmap	*si_map;
	bool			 si_has_local;	/* an IPv4 address to send from */
	struct spd_entry	*si_entries;	/* in sequence order */
	size_t			 si_n;
};

struct ipsec_spd {
	const struct dataplane	 *spd_dp;
	uint64_t		  spd_dp_gen, spd_cfg_gen;
	bool			  spd_valid;
	struct spd_iface	**spd_ifs;	/* by dp_iface_index; NULL:
						 * no crypto map */
	size_t			  spd_nifs;
	size_t			  spd_nentries, spd_nsels;
	uint64_t		  spd_compiles;	/* how often it was rebuilt */
};

/* The compiled policy of IFP, rebuilt first if the configuration
 * changed; NULL when IFP has no (existing) crypto map. */
const struct spd_iface *ipsec_spd_iface(struct crypto *, struct dp_iface *);

/*
 * Inbound: the protecting selector that the cleartext IPv4 packet IP,
 * received on IFP, matches with its addresses and ports mirrored — a
 * packet the crypto map says must arrive under IPsec.  Entries in
 * sequence order, first matching rule decides per entry (a deny moves
 * on to the next entry), as outbound.  NULL: not protected.  *ENTRY (if
 * not NULL) gets the entry.
 */
const struct spd_sel *ipsec_spd_match_in(struct crypto *, struct dp_iface *,
	    const uint8_t *ip, size_t len, const struct spd_entry **entry);

/* The flow SS names, NULL if there is none yet: by its hash the first
 * time, then remembered in SS until a flow is added or removed. */
struct ipsec_flow *ipsec_spd_flow(struct crypto *, const struct spd_sel *);

void	ipsec_spd_free(struct crypto *);

#endif
