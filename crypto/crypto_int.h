/*
 * crypto_int: the crypto subsystem's configuration objects, shared by the
 * files of crypto/ and read by the IKE engine (a later issue).
 *
 * Every named object is found through a sorted index (struct ntab, binary
 * search) and kept on a TAILQ in creation order, the order IOS renders it
 * in; numbered objects (ISAKMP policies, crypto map entries) live in arrays
 * sorted by their number.  Configurations with thousands of keys and maps
 * therefore load in O(n log n).
 */
#ifndef IOSH_CRYPTO_CRYPTO_INT_H
#define IOSH_CRYPTO_CRYPTO_INT_H

#include <sys/queue.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto.h"
#include "crypto/ratelog.h"
#include "crypto/sadb.h"
#include "lib/inet4.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

/* A sorted index of named objects; the key function gives an object's name. */
struct ntab {
	void		**nt_v;
	size_t		  nt_n;
	size_t		  nt_cap;
	const char	*(*nt_key)(const void *);
};

/* The object named NAME, or NULL; *POS gets where it is or would go. */
void	*ntab_find(const struct ntab *, const char *name, size_t *pos);
void	 ntab_insert(struct ntab *, size_t pos, void *);
void	 ntab_remove(struct ntab *, size_t pos);
void	 ntab_free(struct ntab *);

/* A secret (a pre-shared key) replaced or freed: the old one is wiped
 * before it is freed (xstrset's twin).  xsecret_free wipes and frees
 * (NULL is fine). */
void	 xsecret_set(char **dst, const char *src);
void	 xsecret_free(char *);

/* ---- ISAKMP policies (crypto/isakmp_policy.c) ---- */

enum ike_enc { IKE_ENC_DES, IKE_ENC_3DES, IKE_ENC_AES };
enum ike_hash {
	IKE_HASH_SHA, IKE_HASH_MD5, IKE_HASH_SHA256, IKE_HASH_SHA384,
	IKE_HASH_SHA512
};
enum ike_auth { IKE_AUTH_RSA_SIG, IKE_AUTH_PRE_SHARE, IKE_AUTH_RSA_ENCR };

/* IOS defaults of a new policy: des, sha, rsa-sig, group 1, 86400 s. */
#define IKE_DEFAULT_GROUP	1
#define IKE_DEFAULT_LIFETIME	86400

struct isakmp_policy {
	unsigned	ip_priority;	/* 1..10000, lower is tried first */
	enum ike_enc	ip_enc;
	unsigned	ip_keylen;	/* AES key bits: 128, 192, 256 */
	enum ike_hash	ip_hash;
	enum ike_auth	ip_auth;
	unsigned	ip_group;	/* DH group number */
	unsigned	ip_lifetime;	/* seconds */
};

/* Policies in priority order, for the IKE responder's first match. */
size_t	crypto_policy_count(const struct crypto *);
const struct isakmp_policy *crypto_policy_at(const struct crypto *, size_t);

/* ---- Pre-shared keys (crypto/isakmp_key.c) ---- */

enum psk_kind { PSK_IPV4, PSK_IPV6, PSK_HOST };

struct psk {
	enum psk_kind	 pk_kind;
	uint32_t	 pk_addr;	/* IPV4: network, host order */
	uint32_t	 pk_mask;	/* IPV4 */
	uint8_t		 pk_addr6[16];	/* IPV6: prefix (host bits zero) */
	unsigned	 pk_plen6;	/* IPV6 */
	char		*pk_host;	/* HOST */
	char		*pk_key;
	bool		 pk_encrypted;	/* shown as type 6 (pk_cipher) */
	bool		 pk_no_xauth;
	char		*pk_cipher;	/* type 6 text; pk_key the clear */
	TAILQ_ENTRY(psk) pk_entry;
};
/* The key as the configuration shows it (after "6 " when encrypted). */
static inline const char *
psk_shown(const struct psk *k)
{
	return k->pk_cipher != NULL ? k->pk_cipher : k->pk_key;
}

/*
 * The keys of one keyring (the global `crypto isakmp key` ones form the
 * keyring "default").  Sorted by (kind, address, mask) for exact lookups
 * and longest-prefix matches; the list keeps creation order for display.
 */
struct psk_store {
	TAILQ_HEAD(, psk)	 ps_list;
	struct psk		**ps_sorted;
	size_t			 ps_n;
	size_t			 ps_cap;
	size_t			 ps_noncontig;	/* IPv4 keys with odd masks */
};

void	psk_store_init(struct psk_store *);
void	psk_store_free(struct psk_store *);
/* Add or replace the key for the peer described by TEMPLATE (pk_key etc.
 * copied). */
void	psk_store_set(struct psk_store *, const struct psk *tmpl);
/* Remove the key for that peer; false if there was none. */
bool	psk_store_del(struct psk_store *, const struct psk *tmpl);
/* The key whose address/mask covers ADDR with the longest mask. */
const struct psk *psk_lookup_v4(const struct psk_store *, uint32_t addr);
const struct psk *psk_lookup_v6(const struct psk_store *,
	    const uint8_t addr[16]);
const struct psk *psk_lookup_host(const struct psk_store *, const char *);
/* psk_lookup_v4 or psk_lookup_v6 as A's family says. */
const struct psk *psk_lookup(const struct psk_store *, const struct sa_addr *a);
/* A key template from the peer part of a match ($addr [$mask], $prefix
 * or $host) and $secret; its strings point into the match. */
struct cmd_args;
void	psk_from_args(const struct cmd_args *, struct psk *tmpl);
/* "12.1.1.2", "0.0.0.0 0.0.0.0", "::/0", "peer.example.com". */
void	psk_peer_text(const struct psk *, struct strbuf *);

/* ---- Keyrings (crypto/keyring.c) ---- */

/* `local-address INTERFACE|A.B.C.D` (crypto/local_addr.c): neither set
 * admits any local address. */
struct local_addr {
	char			*la_if;
	uint32_t		 la_addr;
};
void	local_addr_free(struct local_addr *);
void	local_addr_nvgen(const struct local_addr *, struct strbuf *,
	    unsigned indent);
bool	local_addr_admits(const struct crypto *, const struct local_addr *,
	    const struct sa_addr *local);

struct keyring {
	char			*kr_name;
	char			*kr_desc;
	struct local_addr	 kr_local;
	struct psk_store	 kr_keys;
	TAILQ_ENTRY(keyring)	 kr_entry;
};

const struct keyring *crypto_keyring_find(const struct crypto *,
	    const char *);
/* The global keys (`crypto isakmp key`). */
const struct psk_store *crypto_default_keys(const struct crypto *);

/* ---- ISAKMP profiles and client groups (crypto/isakmp_profile.c) ---- */

struct id_addr {
	uint32_t	ia_addr;
	uint32_t	ia_mask;
	bool		ia_has_mask;	/* typed with a mask */
};

/* self-identity: what we send as our phase-1 ID. */
enum self_id { SELF_ID_DEFAULT, SELF_ID_ADDRESS, SELF_ID_FQDN,
	SELF_ID_USER_FQDN };

struct id_name;

struct isakmp_profile {
	char			*pr_name;
	char			*pr_desc;
	char			*pr_keyring;
	struct id_addr		*pr_ids;	/* match identity address */
	size_t			 pr_nids;
	char			**pr_groups;	/* match identity group */
	size_t			 pr_ngroups;
	char			*pr_client_auth;
	char			*pr_isakmp_authz;
	bool			 pr_cfg_initiate;
	bool			 pr_cfg_respond;
	bool			 pr_aggressive;	/* initiate mode aggressive */
	/* match identity host|host domain|user (isakmp_profile_id.c). */
	struct id_name		*pr_names;
	size_t			 pr_nnames;
	enum self_id		 pr_self;	/* self-identity */
	char			*pr_self_user;	/* its user-fqdn */
	unsigned		 pr_ka_interval; /* keepalive; 0: global's */
	unsigned		 pr_ka_retry;
	struct local_addr	 pr_local;	/* local-address */
	TAILQ_ENTRY(isakmp_profile) pr_entry;
};

/* `match identity host NAME` (the peer's ID_FQDN is NAME), `... host
 * domain NAME` (its ID_FQDN ends in .NAME) and `... user NAME` (its
 * ID_USER_FQDN is NAME). */
enum id_name_kind { IDN_HOST, IDN_DOMAIN, IDN_USER };
struct id_name {
	enum id_name_kind	 in_kind;
	char			*in_name;
};
void	profile_id_free(struct isakmp_profile *);
void	profile_id_nvgen_self(const struct isakmp_profile *, struct strbuf *);
void	profile_id_nvgen_match(const struct isakmp_profile *,
	    struct strbuf *);
void	profile_id_nvgen_keepalive(const struct isakmp_profile *,
	    struct strbuf *);
void	profile_id_show_match(const struct isakmp_profile *, struct strbuf *);
/* Whether PR's `match identity host|user` admits ID TYPE's NAME. */
bool	profile_id_matches(const struct isakmp_profile *, uint8_t type,
	    const char *name);

struct client_group {
	char			*cg_name;
	char			*cg_key;
	char			*cg_dns[2];
	char			*cg_wins[2];
	char			*cg_domain;
	char			*cg_pool;
	char			*cg_acl;	/* split tunnel: SPLIT_INCLUDE */
	bool			 cg_save_pw;	/* SAVE_PASSWD answered 1 */
	unsigned		 cg_max_users;	/* 0: no limit */
	TAILQ_ENTRY(client_group) cg_entry;
};
void	client_group_ra_nvgen(const struct client_group *, struct strbuf *);

const struct isakmp_profile *crypto_isakmp_profile_find(
	    const struct crypto *, const char *);
const struct client_group *crypto_client_group_find(const struct crypto *,
	    const char *);

/* ---- Transform sets (crypto/transform.c) ---- */

enum ts_ah {
	TS_AH_NONE, TS_AH_MD5, TS_AH_SHA, TS_AH_SHA256, TS_AH_SHA384,
	TS_AH_SHA512
};
enum ts_enc {
	TS_ENC_NONE, TS_ENC_DES, TS_ENC_3DES, TS_ENC_AES, TS_ENC_SEAL,
	TS_ENC_NULL, TS_ENC_GCM, TS_ENC_GMAC
};
enum ts_auth {
	TS_AUTH_NONE, TS_AUTH_MD5, TS_AUTH_SHA, TS_AUTH_SHA256, TS_AUTH_SHA384,
	TS_AUTH_SHA512
};

struct transform_set {
	char			*ts_name;
	enum ts_ah		 ts_ah;
	enum ts_enc		 ts_enc;
	unsigned		 ts_keylen;	/* AES, GCM, GMAC: 128, 192, 256 */
	enum ts_auth		 ts_auth;
	bool			 ts_comp;	/* comp-lzs */
	bool			 ts_transport;	/* mode transport */
	TAILQ_ENTRY(transform_set) ts_entry;
};

const struct transform_set *crypto_transform_find(const struct crypto *,
	    const char *);
/* The transforms as configured: "esp-aes 256 esp-sha-hmac". */
void	transform_config_text(const struct transform_set *, struct strbuf *);
/* The `show` spelling, one brace group per protocol ("{ ah-sha-hmac  }",
 * "{ esp-256-aes esp-sha-hmac  }"), each passed to FN; returns how many. */
size_t	transform_show_groups(const struct transform_set *,
	    void (*fn)(void *, const char *), void *arg);

/* ---- Crypto maps and IPsec profiles (crypto/cmap.c, ipsec_profile.c) ---- */

#define IPSEC_MAX_TSETS		6
#define IPSEC_DEFAULT_SECONDS	3600
#define IPSEC_DEFAULT_KB	4608000

/* What a crypto map entry and an IPsec profile both set. */
struct ipsec_params {
	char		*pp_tsets[IPSEC_MAX_TSETS];	/* in priority order */
	size_t		 pp_ntsets;
	unsigned	 pp_pfs;		/* DH group, 0: no PFS */
	unsigned	 pp_seconds;		/* 0: global default */
	unsigned long	 pp_kilobytes;		/* 0: global default */
	int		 pp_replay;		/* 0: global; a window, or
						 * ESP_REPLAY_OFF */
	char		*pp_isakmp_profile;
};

struct cmap_entry {
	unsigned		 ce_seq;
	char			*ce_dynamic;	/* `ipsec-isakmp dynamic NAME` */
	char			*ce_desc;
	char			*ce_acl;	/* match address */
	uint32_t		*ce_peers;	/* set peer, in order */
	size_t			 ce_npeers;
	bool			 ce_rri;	/* reverse-route */
	struct ipsec_params	 ce_params;
	struct cmap		*ce_map;
};

struct cmap {
	char			*cm_name;
	bool			 cm_is_dynamic;	/* crypto dynamic-map */
	struct cmap_entry	**cm_entries;	/* by sequence number */
	size_t			 cm_n;
	size_t			 cm_cap;
	TAILQ_ENTRY(cmap)	 cm_entry;
};

/* A crypto map's client settings (cmap_client.c). */
enum mc_addr { MC_ADDR_NONE, MC_ADDR_RESPOND, MC_ADDR_INITIATE };

struct cmap_client {
	char			*mc_name;	/* the map's */
	char			*mc_auth;	/* client authentication list */
	char			*mc_author;	/* isakmp authorization list */
	enum mc_addr		 mc_addr;	/* client configuration address */
	TAILQ_ENTRY(cmap_client) mc_entry;
};

const struct cmap_client *crypto_map_client_find(const struct crypto *,
	    const char *);
void	cmap_client_free_all(struct crypto *);
void	cmap_client_nvgen(const struct cmap_client *, struct strbuf *);

struct ipsec_profile {
	char			*ip_name;
	struct ipsec_params	 ip_params;
	TAILQ_ENTRY(ipsec_profile) ip_entry;
};

const struct cmap *crypto_map_find(const struct crypto *, const char *);
const struct cmap *crypto_dynmap_find(const struct crypto *, const char *);
const struct ipsec_profile *crypto_ipsec_profile_find(const struct crypto *,
	    const char *);
/* A tunnel's `tunnel protection` as `show crypto map` renders it
 * (ipsec_tunnel.c): its map and entry, its ends; false if none. */
struct dp_iface;
bool	ipsec_tunnel_map(struct crypto *, struct dp_iface *,
	    const struct cmap **, const struct cmap_entry **,
	    struct sa_addr *src, struct sa_addr *dst, bool *vti);

/* ---- Local pools (crypto/pool.c) ---- */

struct pool_range {
	uint32_t	pr_lo;
	uint32_t	pr_hi;
};

struct ip_pool {
	char			*pl_name;
	struct pool_range	*pl_ranges;
	size_t			 pl_n;
	TAILQ_ENTRY(ip_pool)	 pl_entry;
};

const struct ip_pool *crypto_pool_find(const struct crypto *, const char *);

/* ---- Debug switches (crypto/debug.c) ---- */

#define CRYPTO_DEBUG_ISAKMP	0x01
#define CRYPTO_DEBUG_IPSEC	0x02
#define CRYPTO_DEBUG_ENGINE	0x04

bool	crypto_debug_on(const struct crypto *, unsigned flag);

/* ---- The subsystem ---- */

enum ike_keepalive_mode { KA_DEFAULT, KA_PERIODIC, KA_ON_DEMAND };

struct ipsec_spd;
struct ipsec_tunnels;

struct crypto {
	struct system			*c_sys;

	struct isakmp_policy		**c_policies;	/* by priority */
	size_t				  c_npolicies;
	size_t				  c_policies_cap;

	struct psk_store		  c_keys;	/* keyring "default" */
	bool				  c_pw_aes;	/* password encryption aes */
	unsigned			  c_ka_interval; /* 0: off */
	unsigned			  c_ka_retry;	/* 0: default (2) */
	enum ike_keepalive_mode		  c_ka_mode;
	unsigned			  c_nat_ka;	/* 0: off */
	bool				  c_am_disabled; /* crypto isakmp
							 * aggressive-mode disable */
	bool				  c_log_session; /* crypto logging session */
	bool				  c_natt_off;	/* no ... nat-transparency */
	unsigned			  c_ipsec_life_s;  /* 0: IOS's default */
	unsigned long			  c_ipsec_life_kb; /* 0: IOS's default */
	uint8_t				  c_df_bit;	/* enum dp_crypto_df,
							 * UNSET: copy */
	bool				  c_frag_after;	/* ... after-encryption */
	uint64_t			  c_mtu_gen;	/* either changed */
	int				  c_replay_window; /* 0: 64 */
	bool				  c_replay_off;	/* replay disable */

	struct ntab			  c_keyring_idx;
	TAILQ_HEAD(, keyring)		  c_keyrings;
	struct ntab			  c_profile_idx;
	TAILQ_HEAD(, isakmp_profile)	  c_profiles;
	struct ntab			  c_group_idx;
	TAILQ_HEAD(, client_group)	  c_groups;
	struct ntab			  c_tset_idx;
	TAILQ_HEAD(, transform_set)	  c_tsets;
	struct ntab			  c_ipsec_profile_idx;
	TAILQ_HEAD(, ipsec_profile)	  c_ipsec_profiles;
	struct ntab			  c_map_idx;
	TAILQ_HEAD(, cmap)		  c_maps;
	struct ntab			  c_dynmap_idx;
	TAILQ_HEAD(, cmap)		  c_dynmaps;
	TAILQ_HEAD(, cmap_client)	  c_map_clients;
	struct ntab			  c_pool_idx;
	TAILQ_HEAD(, ip_pool)		  c_pools;
	struct pki			 *c_pki;	/* pki.c, inert */
	struct ikev2			 *c_ikev2;	/* ikev2.c, inert */

	unsigned			  c_debug;	/* CRYPTO_DEBUG_* */
	struct sadb			  c_sadb;	/* live SAs */
	bool				  c_ike_bound;	/* UDP 500 is IKE's */
	bool				  c_natt_bound;	/* and 4500 */
	uint64_t			  c_ike_bad;	/* ISAKMP dropped */
	uint64_t			  c_esp_bad;	/* ESP dropped */
	/* The SA whose AH was just verified, while the ESP it carried is
	 * decapsulated (ipsec_in.c): an AH+ESP SA takes ESP only so. */
	const void			 *c_ah_done;
	/* ipsec_in.c: the inbound SA the last ESP packet's SPI found,
	 * valid while db_sa_gen is what it was then (an SA made or freed
	 * moves it, and only they change what the SPI hash holds), and
	 * what ipsec_esp_input derives from it then: its ESP state, how
	 * it is decrypted, whether it verifies an ICV — set as the SA is
	 * made (sa_add) and cleared only as it is released, which moves
	 * db_sa_gen too — and the dataplane's forwarding slot, made once
	 * and kept as long as the dataplane. */
	struct {
		struct ipsec_sa		*sm_ps;		/* NULL: none */
		void			*sm_esp;	/* sm_ps's ps_esp */
		uint8_t			*sm_slot;	/* dp_fwd_slot */
		uint32_t		 sm_spi;
		bool			 sm_direct;	/* esp_decap_to */
		bool			 sm_lane;	/* co_esp_lane's */
		bool			 sm_verify;	/* fs_verify */
		uint64_t		 sm_gen;
	}				  c_spi_memo;
	/* ipsec_in.c: the per-packet messages, one a minute each. */
	struct ratelog			  c_rl_inv_spi;	/* RECVD_PKT_INV_SPI */
	struct ratelog			  c_rl_replay;	/* PKT_REPLAY_ERR */
	/* ike_cac.c: call admission (0: no limit configured). */
	unsigned			  c_cac_sa_limit;
	unsigned			  c_cac_nego_limit;
	uint64_t			  c_cac_in_requests, c_cac_in_accepted;
	uint64_t			  c_cac_in_rejected;
	uint64_t			  c_cac_rej_sa, c_cac_rej_nego;
	uint64_t			  c_cac_reaped;	/* half-open freed */
	struct ratelog			  c_rl_cac;	/* IKE_DENIED */
	/* ipsec_inpolicy.c: cleartext the crypto map says must come
	 * protected, dropped; when each flow was last reported. */
	uint64_t			  c_clear_drops;
	struct ipsec_notipsec {
		uint32_t	nl_src, nl_dst;
		uint8_t		nl_proto;
		bool		nl_used;
		uint64_t	nl_ms;
	}				  c_notipsec[64];

	/* The compiled security policy database (ipsec_spd.c), rebuilt
	 * on the first packet after c_cfg_gen or the dataplane's
	 * generation moved: bump c_cfg_gen when a crypto map entry, its
	 * peers or its ACL name change. */
	uint64_t			  c_cfg_gen;
	struct ipsec_spd		 *c_spd;
	/* fast_out's last decision in its common case (ipsec_out.c),
	 * for the next packet of a burst's run. */
	struct ipsec_run {
		const void		*r_sel;		/* NULL: none */
		struct ipsec_flow	*r_fl;
		struct ipsec_sa		*r_ps;
		size_t			 r_inner;	/* the inner MTU */
		size_t			 r_pre;		/* outer header, ESP, IV */
		size_t			 r_hdr;		/* outer header (+ UDP) */
		uint64_t		 r_soft;	/* the soft volume, bytes */
		bool			 r_digest;	/* #pkts digest counted */
		uint64_t		 r_gen;		/* ipsec_run_gen() */
	}				  c_run;
	/* Tunnel interfaces' `tunnel protection` policies
	 * (ipsec_tunnel.c). */
	struct ipsec_tunnels		 *c_tunnels;
	/* Packet buffers of ESP out (when the packet is not in the
	 * dataplane's own buffer) and in: nothing allocated per packet.
	 * Each is made on first use (ipsec_txbuf() & co.) and wiped and
	 * freed by ipsec_detach; one never used costs nothing. */
	uint8_t				 *c_txbuf, *c_rxbuf;
	/* Fragments of an inner packet cut before encryption. */
	uint8_t				 *c_fragbuf;
	/* Main Mode responders whose keys are owed (ike_p1_keys_owe):
	 * derived while the event loop would wait, or before the peer's
	 * next message is read.  Last, so that the packet path's fields
	 * above keep their cache lines. */
	TAILQ_HEAD(, ike_p1)		  c_ike_owed;
};

#define IPSEC_PKT_MAX	65535	/* the longest IP datagram */
#define IPSEC_TXBUF_LEN	(DP_LINK_ROOM + IPSEC_PKT_MAX)
#define IPSEC_RXBUF_LEN	IPSEC_PKT_MAX
#define IPSEC_FRAGBUF_LEN IPSEC_PKT_MAX
#define ipsec_txbuf(c)		XBUF((c)->c_txbuf, IPSEC_TXBUF_LEN)
#define ipsec_rxbuf(c)		XBUF((c)->c_rxbuf, IPSEC_RXBUF_LEN)
#define ipsec_fragbuf(c)	XBUF((c)->c_fragbuf, IPSEC_FRAGBUF_LEN)

/* ipsec_mtu.c: every flow's MTUs read again from its interface (show). */
void	ipsec_mtu_refresh_all(struct crypto *);
/* ipsec_mtu_cmd.c: `crypto ipsec df-bit` and `crypto ipsec
 * fragmentation` in the running configuration when not IOS's default. */
void	ipsec_mtu_nvgen(const struct crypto *, struct strbuf *);

/* Per-file set-up, teardown and renderers, called by crypto/crypto.c. */
void	isakmp_policy_free_all(struct crypto *);
void	isakmp_policy_nvgen(const struct crypto *, struct strbuf *);
void	isakmp_key_nvgen(const struct crypto *, struct strbuf *);
void	keyring_init(struct crypto *);
void	keyring_free_all(struct crypto *);
void	keyring_nvgen(const struct crypto *, struct strbuf *);
void	isakmp_profile_init(struct crypto *);
void	isakmp_profile_free_all(struct crypto *);
void	client_group_nvgen(const struct crypto *, struct strbuf *);
void	isakmp_profile_nvgen(const struct crypto *, struct strbuf *);
void	transform_init(struct crypto *);
void	transform_free_all(struct crypto *);
void	transform_nvgen(const struct crypto *, struct strbuf *);
void	cmap_init(struct crypto *);
void	cmap_free_all(struct crypto *);
void	dynmap_nvgen(const struct crypto *, struct strbuf *);
void	cmap_nvgen(const struct crypto *, struct strbuf *);
void	ipsec_profile_init(struct crypto *);
void	ipsec_profile_free_all(struct crypto *);
void	ipsec_profile_nvgen(const struct crypto *, struct strbuf *);
void	ipsec_params_free(struct ipsec_params *);
/* crypto/ipsec_replay.c: the global anti-replay setting, as
 * esp_params.ep_replay takes it, and its running-config line. */
int	ipsec_replay_param(const struct crypto *);
/* The same for an entry's or profile's PARAMS: their own, else global. */
int	ipsec_params_replay(const struct crypto *,
	    const struct ipsec_params *);
void	ipsec_replay_nvgen(const struct crypto *, struct strbuf *);
/* crypto/ipsec_lifetime.c: the global SA lifetimes. */
void	ipsec_lifetime_nvgen(const struct crypto *, struct strbuf *);
/* The lifetimes PARAMS negotiate: their own, else the global ones. */
void	ipsec_params_lifetimes(const struct crypto *,
	    const struct ipsec_params *, uint32_t *sec, uint64_t *kb);
/* The " set ..." lines of PARAMS, at INDENT. */
void	ipsec_params_nvgen(const struct ipsec_params *, unsigned indent,
	    struct strbuf *);
/* Whether a crypto map entry or IPsec profile names transform set NAME
 * (which then may not be deleted). */
bool	ipsec_tset_in_use(const struct crypto *, const char *name);
void	pool_init(struct crypto *);
void	pool_free_all(struct crypto *);
/* pki.c: the stored trustpoints and certificate chains. */
void	pki_free(struct crypto *);
void	ikev2_free(struct crypto *);
/* Whether a certificate chain holds a certificate (rsa-sig needs one). */
bool	pki_has_certificate(const struct crypto *);
void	pool_nvgen(const struct crypto *, struct strbuf *);


#endif
