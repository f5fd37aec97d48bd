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
 * Sources of policy: the static entries of crypto maps (SPD_CRYPTO_MAP)
 * and, at the position of each `ipsec-isakmp dynamic` entry, the flows
 * remote peers negotiated through it (SPD_DYNAMIC_MAP): each such flow
 * is a struct spd_dyn, made when its SAs are installed and gone with
 * them, kept on a list that outlives recompilation and hung, per
 * compilation, on its interface's struct spd_iface — so the outbound
 * path finds it by pointer, never by name.  The ipsec profiles of tunnel
 * interfaces are kept apart, per tunnel (ipsec_tunnel.c).
 */
#ifndef IOSH_CRYPTO_IPSEC_SPD_H
#define IOSH_CRYPTO_IPSEC_SPD_H

#include <sys/queue.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/ike_int.h"
#include "lib/chash.h"

struct dp_acl;
struct dp_iface;
struct dataplane;

enum spd_source {
	SPD_CRYPTO_MAP,		/* a static crypto map entry */
	SPD_DYNAMIC_MAP		/* `ipsec-isakmp dynamic`: its flows */
	/* A tunnel's `tunnel protection ipsec profile` is not an entry
	 * here: the tunnel hands its packets to crypto itself
	 * (co_tunnel_output), and ipsec_tunnel.c keeps its policy. */
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
	/* Its entry (a static one's rules only; NULL in a struct
	 * spd_dyn): what the dataplane's flow cache hands back with the
	 * selector (dp_fast_note, ipsec_out.c). */
	const struct spd_entry *ss_se;
};

/*
 * A flow a remote peer negotiated through a dynamic map entry: its
 * proxies as a selector (local to remote), its flow, and the reverse
 * route it installed.
 */
struct spd_dyn {
	struct spd_sel		 sd_sel;
	struct ipsec_flow	*sd_flow;
	unsigned		 sd_seq;	/* the crypto map entry's */
	bool			 sd_rri;	/* a route was injected */
	uint32_t		 sd_rri_net, sd_rri_nh;
	unsigned		 sd_rri_len;
	struct spd_iface	*sd_si;		/* linked there, or NULL */
	TAILQ_ENTRY(spd_dyn)	 sd_entry;	/* every one */
	TAILQ_ENTRY(spd_dyn)	 sd_ientry;	/* its interface's */
	/* In sd_si's index: the remote proxy's prefix length, the chain,
	 * and the position in sd_si's list (first match wins). */
	unsigned		 sd_plen;
	void			*sd_hnext;
	uint64_t		 sd_order;
};
TAILQ_HEAD(spd_dyn_list, spd_dyn);

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
	struct spd_dyn_list	 si_dyn;	/* SPD_DYNAMIC_MAP's flows */
	/* si_dyn indexed by remote proxy (address and prefix length), and
	 * how many there are of each length: a packet probes one chain per
	 * length in use instead of walking a hub's thousands of flows. */
	struct chash		 si_dyn_hash;
	unsigned		 si_dyn_plens[33];
	uint64_t		 si_dyn_order;
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
	struct spd_dyn_list	  spd_dyn;	/* kept across rebuilds */
	size_t			  spd_ndyn;
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

/*
 * The flow FL that a remote peer negotiated for RQ (rq_dynamic) becomes
 * policy: packets from its local to its remote proxy leaving RQ's
 * interface go under it; with rq_rri a static route to the remote proxy
 * via the peer is installed.  Del undoes both (the flow's SAs went).
 */
void	ipsec_spd_dyn_add(struct crypto *, struct ipsec_flow *fl,
	    const struct ike_request *rq);
void	ipsec_spd_dyn_del(struct crypto *, struct ipsec_flow *fl);
/* The dynamic flow of SI whose selector the packet matches, or NULL. */
const struct spd_dyn *ipsec_spd_dyn_match(const struct spd_iface *si,
	    const uint8_t *ip, size_t len);

#endif
