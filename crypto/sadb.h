/*
 * sadb: the security associations of one router — ISAKMP (phase 1) SAs,
 * and IPsec flows with their SAs — as the IKE engine creates them and the
 * show commands read them.
 *
 * The engine owns the negotiation; this file owns only what outlives a
 * message: identity, state, negotiated algorithms, lifetimes, counters.
 * A hub carries tens of thousands of tunnels, so every lookup the packet
 * path or the engine makes is hashed: ISAKMP SAs by initiator cookie
 * (the responder cookie is not known for the first message), inbound
 * IPsec SAs by SPI, outbound flows by their key (interface, crypto map,
 * peer, proxy identities), and peers by address — each peer holds its
 * ISAKMP SAs and flows, so DPD, INITIAL-CONTACT and deletes from a peer
 * touch only what that peer has.  The lists keep creation order, the
 * order IOS shows (a peer's lists too).
 */
#ifndef IOSH_CRYPTO_SADB_H
#define IOSH_CRYPTO_SADB_H

#include <sys/queue.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_slab.h"
#include "lib/chash.h"
#include "lib/strbuf.h"
#include "lib/system.h"

/* An IPv4 or IPv6 address as ISAKMP and ESP carry it; the bytes an
 * IPv4 address does not use are zero, so two compare with memcmp. */
struct sa_addr {
	uint8_t		sa_family;	/* 4 or 6 */
	uint8_t		sa_addr[16];	/* network order; IPv4: 4 bytes */
};

void	sa_addr_v4(struct sa_addr *, uint32_t host_order);
void	sa_addr_fmt(const struct sa_addr *, char *buf, size_t len);
bool	sa_addr_eq(const struct sa_addr *, const struct sa_addr *);
/* The engine's peers and local addresses are sa_addrs (IKE runs over
 * IPv4 and IPv6): IOS's text of A into BUF, returned; A's IPv4 address
 * in host order (0 for IPv6); an IPv6 address from 16 network-order
 * bytes. */
#define SA_TEXT_LEN	46	/* INET6_ADDRSTRLEN */
const char *sa_text(const struct sa_addr *, char buf[SA_TEXT_LEN]);
uint32_t sa_addr_get4(const struct sa_addr *);
void	sa_addr_v6(struct sa_addr *, const uint8_t a[16]);

/* ISAKMP SA states, with the names IOS shows and debugs. */
enum isakmp_state {
	ISK_MM_NO_STATE,
	ISK_MM_SA_SETUP,
	ISK_MM_KEY_EXCH,
	ISK_MM_KEY_AUTH,
	ISK_AG_NO_STATE,
	ISK_AG_INIT_EXCH,
	ISK_AG_AUTH,
	ISK_QM_IDLE,
	ISK_COUNT
};

const char	*isakmp_state_name(enum isakmp_state);

/* What `show crypto isakmp sa detail` lists under Cap. */
#define ISK_CAP_CONFIG	0x01	/* C: IKE configuration mode */
#define ISK_CAP_DPD	0x02	/* D: dead peer detection */
#define ISK_CAP_KEEPALIVE 0x04	/* K */
#define ISK_CAP_NATT	0x08	/* N: NAT traversal */
#define ISK_CAP_XAUTH	0x10	/* X: extended authentication */

/* The negotiated phase-1 suite, in the configuration's own terms. */
struct isakmp_suite {
	const char	*su_enc;	/* "des", "3des", "aes" */
	unsigned	 su_keylen;	/* AES bits; 0 otherwise */
	const char	*su_hash;	/* "md5", "sha", "sha256" ... */
	unsigned	 su_auth;	/* negotiated method, IKE_ATTR_AUTH_* */
	unsigned	 su_group;
	uint32_t	 su_lifetime;	/* seconds */
};

struct sadb_peer;

/*
 * Who a peer is, as `show crypto session` names it and `show ip local
 * pool` lists its address: the isakmp profile it matched, a VPN
 * client's group (its Aggressive Mode ID_KEY_ID, IOS's Phase1_id),
 * the XAUTH user and the mode-config address.  Allocated by the engine
 * only for a peer that has any of them (sadb_isakmp_sess), so a hub's
 * LAN-to-LAN SAs carry none; freed with the SA.
 */
struct isakmp_sess {
	char		s_profile[64];
	char		s_group[129];
	char		s_user[129];
	uint32_t	s_addr;		/* host order, 0: none */
};

struct isakmp_sa {
	/* First, beside what the one-line show reads (the addresses,
	 * state, conn-id): a walk of 50,000 SAs spread over a hub's heap
	 * touches one cache line of each, not two. */
	TAILQ_ENTRY(isakmp_sa)	 is_entry;
	struct sa_addr		 is_local, is_remote;
	bool			 is_initiator;
	bool			 is_dead;	/* deleted, kept until purged */
	enum isakmp_state	 is_state;
	uint32_t		 is_connid;	/* IOS conn-id (C-id) */
	uint16_t		 is_lport, is_rport;
	bool			 is_up_counted;	/* in db_nup (sadb_isakmp_up) */
	uint8_t			 is_icookie[8], is_rcookie[8];
	struct isakmp_suite	 is_suite;	/* valid from MM_SA_SETUP */
	uint64_t		 is_up_ms;	/* clock_mono_ms at QM_IDLE */
	unsigned		 is_caps;	/* ISK_CAP_* */
	char			 is_ifname[48];	/* where its crypto map is */
	void			*is_engine;	/* the engine's exchange state;
						 * it frees it before the SA */
	void			*is_hnext;	/* icookie hash chain */
	struct sadb_peer	*is_pe;		/* NULL until the peer is set */
	TAILQ_ENTRY(isakmp_sa)	 is_pentry;	/* in is_pe's list */
	struct isakmp_sess	*is_sess;	/* NULL: none of it */
	struct isk_slab		*is_slab;	/* where it lives */
};

/* IS's session names, made empty on first use. */
struct isakmp_sess *sadb_isakmp_sess(struct isakmp_sa *);

/* One side of a proxy identity: addr/mask/prot/port as IOS prints it. */
struct sa_ident {
	struct sa_addr	id_addr;
	unsigned	id_plen;	/* prefix length */
	uint8_t		id_proto;
	uint16_t	id_port;
};

/* Counters of a flow, the `#pkts ...` lines of show crypto ipsec sa. */
struct flow_stats {
	uint64_t	fs_encaps, fs_encrypt, fs_digest;
	uint64_t	fs_decaps, fs_decrypt, fs_verify;
	uint64_t	fs_send_errors, fs_recv_errors;
	uint64_t	fs_recv_policy;	/* of recv errors: decrypted, but
					 * outside the SA's selectors */
	/* Of recv errors, as `show crypto ipsec sa detail` splits them. */
	uint64_t	fs_replay_fail;	/* anti-replay window refused */
	uint64_t	fs_verify_fail;	/* ICV mismatch */
	uint64_t	fs_invalid_len;	/* truncated, not whole blocks */
	uint64_t	fs_invalid_prot;/* padding or next header wrong */
};

enum ipsec_dir { IPSEC_IN, IPSEC_OUT };

struct ipsec_flow;

struct ipsec_sa {
	struct ipsec_flow	*ps_flow;
	enum ipsec_dir		 ps_dir;
	uint32_t		 ps_spi;
	char			 ps_transform[48];	/* "esp-3des esp-md5-hmac" */
	bool			 ps_transport;
	bool			 ps_udp;	/* ESP in UDP (NAT-T) */
	/* The keys, for `test crypto wireshark-keys` only, kept only when
	 * `service internal` was on as the SA was made (ps_ws_enc NULL
	 * otherwise): Wireshark's names of the algorithms, encryption key
	 * then integrity key.  Wiped when the SA goes. */
	const char		*ps_ws_enc, *ps_ws_auth;
	uint8_t			 ps_keys[96];
	size_t			 ps_enc_keylen, ps_auth_keylen;
	uint32_t		 ps_connid;
	uint32_t		 ps_flowid;
	uint64_t		 ps_life_kb;	/* negotiated */
	uint32_t		 ps_life_sec;
	uint64_t		 ps_bytes;	/* protected so far */
	uint64_t		 ps_up_ms;
	unsigned		 ps_iv_size;
	/* ipsec_mtu_inner as last computed for its flow's path MTU
	 * ps_inner_for (0: not yet): what else it reads — the SA's
	 * transforms and ESP in UDP, the flow's peer — is set once, before
	 * the SA carries a packet. */
	uint32_t		 ps_inner_for;
	uint32_t		 ps_inner_mtu;
	uint8_t			 ps_icookie[8], ps_rcookie[8];	/* 12.x */
	void			*ps_esp;	/* the ESP transform state; the
						 * engine frees it before the SA */
	/* AH (alone, or in front of ESP): its state, freed likewise, and
	 * its SPI (inbound: ps_spi too; outbound: the peer's AH SPI). */
	void			*ps_ah;
	uint32_t		 ps_ah_spi;
	char			 ps_ah_transform[20];	/* "ah-sha-hmac" */
	void			*ps_expiry;	/* the engine's lifetime timer,
						 * cancelled before the SA goes */
	TAILQ_ENTRY(ipsec_sa)	 ps_entry;	/* in its flow */
	void			*ps_hnext;	/* inbound SPI hash chain */
};

TAILQ_HEAD(ipsec_sa_list, ipsec_sa);

/* A pair of proxy identities protected between two peers, under one
 * interface's crypto map: what IOS groups `show crypto ipsec sa` by. */
struct ipsec_flow {
	char			 fl_ifname[48];
	char			 fl_map[64];	/* crypto map tag */
	struct sa_addr		 fl_local_addr;	/* local crypto endpoint */
	struct sa_addr		 fl_peer;
	uint16_t		 fl_peer_port;
	struct sa_ident		 fl_lident, fl_rident;
	/* The IPv4 proxies' addresses as one test (sadb_flow_publish,
	 * when both prefix lengths are at most 32): the inner header's
	 * source and destination, its 8 bytes at offset 12 loaded as they
	 * lie, ANDed with fl_sel_mask, equal fl_sel_addr exactly when the
	 * remote proxy holds the source and the local one the destination
	 * (ipsec_in.c).  fl_sel_l4: a proxy names a protocol or a port. */
	uint64_t		 fl_sel_mask, fl_sel_addr;
	bool			 fl_sel_v4, fl_sel_l4;
	bool			 fl_from_acl;	/* flags={origin_is_acl,} */
	unsigned		 fl_pfs_group;	/* 0: none */
	unsigned		 fl_mtu;	/* path mtu: ip mtu, or learned */
	unsigned		 fl_ip_mtu;	/* the interface's (ipsec_mtu.c) */
	unsigned		 fl_pmtu;	/* learned from ICMP, 0: none */
	uint64_t		 fl_pmtu_ms;	/* when it was learned */
	uint8_t			 fl_df_mode;	/* enum dp_crypto_df in force */
	bool			 fl_frag_after;	/* fragment after encryption */
	/* The four above as refresh() left them for fl_mtu_ifp under
	 * generation fl_mtu_gen, until fl_mtu_until (a learned path MTU's
	 * age); ipsec_mtu_forget() when they are written elsewhere. */
	const struct dp_iface	*fl_mtu_ifp;
	uint64_t		 fl_mtu_gen;
	uint64_t		 fl_mtu_until;
	char			 fl_idb[48];	/* the interface packets leave by */
	uint32_t		 fl_sibling;	/* IOS's sibling_flags */
	struct flow_stats	 fl_stats;
	struct ipsec_sa_list	 fl_in, fl_out;	/* newest last */
	uint64_t		 fl_seq;	/* creation order */
	uint64_t		 fl_last_in_ms;	/* ESP last received, sent */
	uint64_t		 fl_last_out_ms;
	TAILQ_ENTRY(ipsec_flow)	 fl_entry;
	/* The key's hash (sadb_flow_hash) and chain, once published. */
	uint32_t		 fl_hash;
	bool			 fl_hashed;
	void			*fl_hnext;
	struct sadb_peer	*fl_pe;		/* with fl_hashed */
	TAILQ_ENTRY(ipsec_flow)	 fl_pentry;
	/* A remote peer's flow through a dynamic map: its policy
	 * (ipsec_spd.c), dropped with the flow. */
	struct spd_dyn		*fl_dyn;
};

TAILQ_HEAD(isakmp_sa_list, isakmp_sa);
TAILQ_HEAD(ipsec_flow_list, ipsec_flow);

/* One remote peer: its ISAKMP SAs and flows in creation order.  It
 * exists while it has either; walks use TAILQ_FOREACH with a saved next
 * element, since freeing the last SA of a peer frees the peer. */
struct sadb_peer {
	struct sa_addr		 pe_addr;
	struct isakmp_sa_list	 pe_isakmp;
	struct ipsec_flow_list	 pe_flows;
	void			*pe_hnext;
};

struct sadb {
	struct isakmp_sa_list	  db_isakmp;
	/* Where they live: in creation order, so the show's walk of
	 * db_isakmp reads memory in order (isakmp_slab.h). */
	struct isk_slabs	  db_isk_slabs;
	/* The hashes (lib/chash.h: empty on a router with no SA, growing
	 * to a hub's tens of thousands) chain through the *_hnext fields. */
	struct chash		  db_isakmp_hash;	/* by initiator cookie */
	size_t			  db_nisakmp;
	size_t			  db_nup;	/* of them QM_IDLE, counted by
						 * sadb_isakmp_up: call admission
						 * asks per request */
	struct ipsec_flow_list	  db_flows;
	size_t			  db_nflows;
	uint64_t		  db_flow_seq;
	struct chash		  db_spi_hash;	/* inbound SAs by SPI */
	size_t			  db_nsa;
	struct chash		  db_flow_hash;	/* by sadb_flow_hash */
	/* Moves when a flow enters or leaves db_flow_hash: a flow found
	 * by key and remembered is still the answer while it stays. */
	uint64_t		  db_flow_gen;
	/* Moves when an SA is made or freed, loses its transforms, or its
	 * pair goes in or out of standby: which SA a flow sends on and
	 * what it carries may have changed (ipsec_out.c's run). */
	uint64_t		  db_sa_gen;
	struct chash		  db_peer_hash;	/* by address */
	size_t			  db_npeers;
	const struct ios_version *db_version;	/* the router's, live */
	uint32_t		  db_next_isakmp_id;
	uint32_t		  db_next_ipsec_id;
	uint32_t		  db_next_flow_id;
};

/* V is the router's `version`, read when the first SA is numbered: IOS
 * numbers ISAKMP SAs from 1001 and IPsec SAs from 2001 (15.x), 12.x from
 * 1 and 2000. */
void			 sadb_init(struct sadb *, const struct ios_version *v);
void			 sadb_free(struct sadb *);

struct isakmp_sa	*sadb_isakmp_new(struct sadb *, const uint8_t icookie[8]);
/* By cookies; a zero RCOOKIE matches an SA whose responder cookie is
 * not set yet (the answer to our first message sets it). */
struct isakmp_sa	*sadb_isakmp_find(const struct sadb *,
			    const uint8_t icookie[8], const uint8_t rcookie[8]);
/* By initiator cookie and peer alone: a first message sent again finds
 * the SA it created, whose responder cookie is set by now. */
struct isakmp_sa	*sadb_isakmp_find_icookie(const struct sadb *,
			    const uint8_t icookie[8], const struct sa_addr *peer);
void			 sadb_isakmp_free(struct sadb *, struct isakmp_sa *);
/* Phase 1 is up: QM_IDLE, and counted in db_nup. */
void			 sadb_isakmp_up(struct sadb *, struct isakmp_sa *);
/* Set the SA's remote address and file it under that peer. */
void			 sadb_isakmp_set_peer(struct sadb *, struct isakmp_sa *,
			    const struct sa_addr *);

/* The peer with address A, NULL if it has nothing. */
struct sadb_peer	*sadb_peer_find(const struct sadb *,
			    const struct sa_addr *a);

struct ipsec_flow	*sadb_flow_new(struct sadb *);
/* Frees the flow and its SAs. */
void			 sadb_flow_free(struct sadb *, struct ipsec_flow *);
/* The hash of a flow key: interface, crypto map tag, peer, local and
 * remote proxy identities. */
uint32_t		 sadb_flow_hash(const char *ifname, const char *map,
			    const struct sa_addr *peer,
			    const struct sa_ident *lid,
			    const struct sa_ident *rid);
/* File FL (its key fields set) in the flow hash and under its peer. */
void			 sadb_flow_publish(struct sadb *, struct ipsec_flow *);
/* The published flow with that key; H is its sadb_flow_hash. */
struct ipsec_flow	*sadb_flow_lookup(const struct sadb *, uint32_t h,
			    const char *ifname, const char *map,
			    const struct sa_addr *peer,
			    const struct sa_ident *lid,
			    const struct sa_ident *rid);
/* A new SA of FLOW; inbound SAs are hashed by SPI at once. */
struct ipsec_sa		*sadb_sa_new(struct sadb *, struct ipsec_flow *,
			    enum ipsec_dir, uint32_t spi);
struct ipsec_sa		*sadb_sa_find_in(const struct sadb *, uint32_t spi);
void			 sadb_sa_free(struct sadb *, struct ipsec_sa *);

/*
 * Renderers, from live state: `show crypto isakmp sa [detail]`, `show
 * crypto ipsec sa`, `show crypto session`.  V is the `version` line (the
 * 12.x and 15.x layouts differ); NOW_MS is clock_mono_ms(), for the
 * remaining lifetimes.
 */
void	sadb_show_isakmp(const struct sadb *, const struct ios_version *v,
	    struct strbuf *);
void	sadb_show_isakmp_detail(const struct sadb *,
	    const struct ios_version *v, uint64_t now_ms, struct strbuf *);
void	sadb_show_ipsec_detail(const struct sadb *,
	    const struct ios_version *v, uint64_t now_ms, struct strbuf *);
/* `show crypto ipsec sa peer ADDR | map NAME [detail]`: the flows with
 * that peer, or of that crypto map (NULL fields: any). */
struct sadb_ipsec_sel {
	const struct sa_addr	*sel_peer;
	const char		*sel_map;
};
void	sadb_show_ipsec_sel(const struct sadb *, const struct ios_version *v,
	    bool detail, const struct sadb_ipsec_sel *, uint64_t now_ms,
	    struct strbuf *);
void	sadb_show_ipsec(const struct sadb *, const struct ios_version *v,
	    uint64_t now_ms, struct strbuf *);
void	sadb_show_isakmp_peers(const struct sadb *, struct strbuf *);
void	sadb_show_session_detail(const struct sadb *,
	    const struct ios_version *v, uint64_t now_ms, struct strbuf *);
/* The same for one peer (`show crypto session remote ADDR [detail]`;
 * REMOTE NULL: all). */
void	sadb_show_session_remote(const struct sadb *,
	    const struct ios_version *, bool detail, const struct sa_addr *remote,
	    uint64_t now_ms, struct strbuf *);
void	sadb_show_session(const struct sadb *, const struct ios_version *v,
	    struct strbuf *);
/* `show crypto session brief`: a row per session, DP naming interfaces. */
struct dataplane;
void	sadb_show_session_brief(const struct sadb *,
	    const struct ios_version *, const struct dataplane *,
	    uint64_t now_ms, struct strbuf *);

#endif
