/*
 * ike_int: the IKEv1 engine's own state, shared by its files and nobody
 * else.
 *
 *	ike.c		attach to the dataplane (UDP 500, the crypto hook),
 *			receive and dispatch, send and retransmit, timers,
 *			teardown; debug helpers
 *	ike_mm.c	Main Mode, initiator and responder (RFC 2409 5.4)
 *	ike_am.c	Aggressive Mode, initiator and responder (PSK)
 *	ike_p1.c	what Main Mode and Aggressive Mode share
 *	ike_qm.c	Quick Mode, initiator and responder (RFC 2409 5.5)
 *	ike_vid.c	vendor IDs and NAT-D (RFC 3947)
 *	ike_proposal.c	what a negotiation copies from the configuration
 *			(the key, the transform sets) so that it may change
 *	ipsec_out.c	outbound: crypto map classification, ESP out,
 *			IKE started for a flow without SAs
 *	ipsec_in.c	inbound ESP: by SPI, decapsulated, checked
 *	ipsec_policy.c	the responder's crypto map entry
 *	ipsec_flow.c	flows: found (hashed), created, dropped, cleared
 *	ipsec_spd.c	the compiled SPD (ipsec_spd.h)
 *	ipsec_sa.c	SA installation and lifetimes
 *	ipsec_rekey.c	soft lifetimes: a pair's successor before it ends
 *	ipsec_lifetime.c (config) the global SA lifetimes
 *	ipsec_ident.c	proxy identities
 *
 * One struct ike_p1 per ISAKMP SA (hung on isakmp_sa.is_engine), one
 * struct ike_qm per Quick Mode exchange under it.  Everything runs on the
 * router's event loop; no locks.
 */
#ifndef IOSH_CRYPTO_IKE_INT_H
#define IOSH_CRYPTO_IKE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_cipher.h"
#include "crypto/ike_cfg.h"
#include "crypto/ike_dh.h"
#include "crypto/ike_keys.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_pld.h"
#include "crypto/sadb.h"
#include "dataplane/dp.h"

struct ev_timer;
struct dp_iface;

/* IOS's state machine names, as `debug crypto isakmp` prints them. */
enum ike_fsm {
	FSM_READY, FSM_I_MM1, FSM_I_MM2, FSM_I_MM3, FSM_I_MM4, FSM_I_MM5,
	FSM_I_MM6, FSM_R_MM1, FSM_R_MM2, FSM_R_MM3, FSM_R_MM4, FSM_R_MM5,
	FSM_I_AM1, FSM_R_AM_AAA_AWAIT, FSM_R_AM2,
	FSM_P1_COMPLETE, FSM_DEST_SA,
	FSM_QM_READY, FSM_QM_I_QM1, FSM_QM_R_QM1, FSM_QM_R_QM2,
	FSM_QM_SPI_STARVE,	/* 12.x's responder, its SPI asked for */
	FSM_QM_PHASE2_COMPLETE,
	/* XAUTH and mode-config on the responder (ike_xauth.c). */
	FSM_XAUTH_START_AWAIT, FSM_XAUTH_REQ_SENT, FSM_XAUTH_CONT_AWAIT,
	FSM_XAUTH_SET_SENT, FSM_CONFIG_AUTHOR_AWAIT, FSM_CONFIG_SET_SENT
};

const char	*ike_fsm_name(enum ike_fsm);

#define IKE_NONCE_LEN	20	/* what IOS sends */
/* The longest name an Aggressive Mode peer may identify itself by. */
#define IKE_PEER_ID_MAX	128
#define IKE_MSG_MAX	4096
/* IOS retransmits a message 5 times, 10 s apart (first after 10 s? no:
 * the royhills table: 0, 10, 10, 10, 10, 10), then gives up. */
#define IKE_REXMIT_MS	10000
#define IKE_REXMIT_MAX	5

/*
 * What Quick Mode offers, copied from the crypto map entry when the
 * negotiation starts (IOS's sa_request carries its transforms and
 * lifetimes the same way): redefining or removing a transform set, or
 * the entry, while Main Mode or Quick Mode runs changes the next
 * negotiation, not this one, and leaves no pointer into the
 * configuration.  The sets are copies with no name and no list links.
 */
struct ike_proposal {
	struct transform_set	 op_ts[IPSEC_MAX_TSETS];	/* in order */
	size_t			 op_nts;
	unsigned		 op_pfs;		/* 0: no PFS */
	uint32_t		 op_life_s;
	uint64_t		 op_life_kb;
	int			 op_replay;	/* esp_params.ep_replay */
};

/* What started a negotiation: a packet that hit a crypto map entry. */
struct ike_request {
	char			 rq_ifname[48];
	char			 rq_map[64];
	unsigned		 rq_seq;
	struct sa_addr		 rq_local, rq_peer;
	struct sa_ident		 rq_lid, rq_rid;	/* proxy identities */
	struct ike_proposal	 rq_prop;	/* initiator: what to offer */
	/* Responder through an `ipsec-isakmp dynamic` entry: the flow is
	 * an SPD source of its own while its SAs live (ipsec_spd.c), and
	 * with `reverse-route` a static route to the remote proxy. */
	bool			 rq_dynamic;
	bool			 rq_rri;
};

/* The last message sent, kept for retransmission and for answering a
 * peer's retransmission of what it sent before. */
struct ike_tx {
	uint8_t		*tx_buf;
	size_t		 tx_len;
	unsigned	 tx_count;	/* retransmissions so far */
	struct ev_timer	*tx_timer;
	void		*tx_timer_arg;
	uint64_t	 tx_rxsum;	/* ike_msgsum of the message it answered */
	bool		 tx_has_rx;
	/* tx_buf is the answer to that message, to send again when it
	 * comes again.  False when the message answered tx_buf instead (a
	 * transaction exchange we began: XAUTH's REQUEST and SET): answering
	 * the peer's resent reply with our request would loop without end,
	 * each side taking the other's copy for a retransmission. */
	bool		 tx_answers_rx;
};

struct ike_qm {
	struct ike_p1		*q_p1;
	uint32_t		 q_msgid;
	enum ike_fsm		 q_state;
	bool			 q_initiator;
	uint8_t			 q_iv[16];
	uint8_t			 q_ni[IKE_NONCE_LEN * 2], q_nr[IKE_NONCE_LEN * 2];
	size_t			 q_nilen, q_nrlen;
	struct ike_request	 q_req;
	struct transform_set	 q_ts;		/* agreed on: a copy */
	uint32_t		 q_spi_in;	/* ours, the peer sends with it */
	uint32_t		 q_spi_out;	/* the peer's (ESP's, or AH's
						 * when the set has no ESP) */
	/* An AH+ESP bundle: the peer's AH SPI.  Our inbound AH SPI is
	 * q_spi_in as well (SAs are told apart by protocol and SPI, RFC
	 * 4301 §4.1, and we pick our inbound SPIs). */
	uint32_t		 q_ah_spi_out;
	uint32_t		 q_life_s;
	int			 q_replay;	/* esp_params.ep_replay */
	uint64_t		 q_life_kb;
	unsigned		 q_pfs;
	struct ike_dh		*q_dh;
	uint8_t			 q_gpeer[IKE_DH_MAX_LEN];
	size_t			 q_gpeerlen;
	struct ike_tx		 q_tx;
	struct ike_qm		*q_next;
};

struct ike_p1 {
	struct crypto		*p_c;
	struct isakmp_sa	*p_sa;
	enum ike_fsm		 p_state;
	struct sa_addr		 p_local, p_peer;
	uint32_t		 p_dbg;		/* conn-id debug shows: 0
						 * until the keys exist */
	/* The initiator's SA payload body (without the generic header),
	 * for HASH_I/HASH_R. */
	uint8_t			*p_sai;
	size_t			 p_sailen;
	/* Aggressive Mode: the ID bodies the hashes cover, the peer's
	 * (from AM1 or AM2) and ours (the initiator's, AM1). */
	uint8_t			 p_pid[4 + IKE_PEER_ID_MAX];
	size_t			 p_pidlen;
	uint8_t			 p_oid[4 + IKE_PEER_ID_MAX];	/* our ID body */
	size_t			 p_oidlen;
	enum ike_enc		 p_enc;
	unsigned		 p_keybits;
	enum ike_hash		 p_hash;
	unsigned		 p_group;
	uint32_t		 p_life;
	/* The pre-shared key found when the exchange began, a copy: the
	 * configured key may change or go meanwhile (IOS finishes with the
	 * key it started with).  Wiped when freed. */
	char			*p_psk;
	struct ike_dh		*p_dh;
	uint8_t			 p_gxi[IKE_DH_MAX_LEN], p_gxr[IKE_DH_MAX_LEN];
	size_t			 p_glen;
	uint8_t			 p_ni[IKE_NONCE_LEN * 2], p_nr[IKE_NONCE_LEN * 2];
	size_t			 p_nilen, p_nrlen;
	struct ike_keys		 p_keys;
	/* A responder's keys not derived yet: MM4 went first (ike_p1_keys_owe);
	 * on crypto's c_ike_owed while so. */
	bool			 p_keys_owed;
	TAILQ_ENTRY(ike_p1)	 p_owed;
	uint8_t			 p_enckey[IKE_KEY_MAX];
	struct ike_cbc		 p_cbc;		/* p_enckey's key schedules */
	uint8_t			 p_iv[16];	/* phase 1's running IV */
	size_t			 p_block;
	bool			 p_natt;	/* the peer sent RFC 3947's VID */
	bool			 p_float;	/* on 4500 (NAT-T, RFC 3947) */
	struct ev_timer		*p_natka_timer;	/* NAT keepalives */
	bool			 p_dpd, p_unity, p_ios;
	struct ike_tx		 p_tx;
	struct ike_request	 p_req;		/* what the initiator wants */
	bool			 p_has_req;
	struct ike_qm		*p_qms;
	struct ev_timer		*p_life_timer;
	/* Phase 1 rekey: the soft lifetime, the successor's Main Mode,
	 * and this SA's retirement once its successor is up. */
	struct ev_timer		*p_soft_timer, *p_retire_timer;
	bool			 p_rekey;	/* a successor: no INITIAL-CONTACT,
						 * its predecessor goes when up */
	bool			 p_replaced;	/* a successor was asked for */
	/* Dead peer detection (ike_dpd.c). */
	struct ev_timer		*p_dpd_timer;
	uint32_t		 p_dpd_seq;	/* of the last R-U-THERE */
	unsigned		 p_dpd_out;	/* sent, not acknowledged */
	uint64_t		 p_rx_ms;	/* last heard of the peer */
	/* The isakmp profile the peer's identity matched (ike_profile.c),
	 * "" for none: it picks the keyring and which dynamic-map entries
	 * admit the peer. */
	char			 p_profile[64];
	/* XAUTH and mode-config (ike_xauth.c): the peer offered
	 * XAUTHInitPreShared and we are its responder, so we ask. */
	bool			 p_xauth;
	bool			 p_xauth_done;	/* the client ACKed STATUS 1 */
	bool			 p_xauth_pass;	/* the login was accepted */
	enum ike_fsm		 p_xstate;	/* FSM_XAUTH_*, or READY */
	unsigned		 p_xtries;	/* failed logins so far */
	uint32_t		 p_cfg_msgid;	/* the transaction we opened */
	uint8_t			 p_cfg_iv[16];
	char			 p_group_name[IKE_PEER_ID_MAX + 1];
	char			 p_user[IKE_CFG_STR_MAX + 1];
	uint32_t		 p_cfgaddr;	/* from the pool, 0: none */
};

/* ike.c */
void	ike_udp_meta_addrs(const struct dp_udp_meta *, struct sa_addr *src,
	    struct sa_addr *dst);
int	ike_udp_send(struct dataplane *, const struct sa_addr *local,
	    uint16_t sport, const struct sa_addr *peer, uint16_t dport,
	    const uint8_t *data, size_t len);
void	ike_dbg_fsm(struct ike_p1 *, const char *input, enum ike_fsm from,
	    enum ike_fsm to);
void	ike_dbg_node_fsm(struct ike_qm *, const char *input, enum ike_fsm from,
	    enum ike_fsm to, bool with_node);
/* Send MSG (LEN bytes) to the peer; keep it for retransmission on TX. */
void	ike_send(struct ike_p1 *, struct ike_tx *, const uint8_t *msg,
	    size_t len, const char *state_name, bool rexmit);
void	ike_tx_clear(struct crypto *, struct ike_tx *);
/* Stop retransmitting; the message stays to answer a duplicate. */
void	ike_tx_stop(struct crypto *, struct ike_tx *);
/* Remember RAW as the message TX answers; true (and our answer sent
 * again) if it is the one answered before. */
bool	ike_tx_note_rx(struct ike_p1 *, struct ike_tx *, const uint8_t *raw,
	    size_t len);
struct ike_p1 *ike_p1_new(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer,
	    const uint8_t icookie[8], bool initiator);
/* Tear down phase 1, its Quick Modes and its ISAKMP SA. */
void	ike_p1_free(struct ike_p1 *);
/* Cleared by hand: a delete to the peer if phase 1 is up, then freed. */
void	ike_p1_clear(struct ike_p1 *);
void	ike_p1_fail(struct ike_p1 *, const char *why);
/* Keys (ike_p1_derive) owed: derived later by ike_p1_keys_settle.  False
 * (derive now) while any crypto debug is on: its lines keep IOS's order. */
bool	ike_p1_keys_owe(struct ike_p1 *);
/* The keys owed derived; false if that failed (and the SA is gone). */
bool	ike_p1_keys_settle(struct ike_p1 *);
/* Idle work for the event loop (ARG: the crypto): owed keys first, then
 * ike_dh's key pairs made ahead. */
bool	ike_idle_want(void *arg);
void	ike_idle(void *arg);
void	ike_session_status(struct ike_p1 *, bool up);
void	ike_natka_start(struct ike_p1 *);
void	ike_initial_contact(struct ike_p1 *);
struct ike_qm *ike_qm_find(struct ike_p1 *, uint32_t msgid);
void	ike_qm_free(struct ike_qm *);
const char *ike_psk_for(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer);
/* ike_proposal.c: a copy of the key for PEER (or NULL), to be freed by
 * xsecret_free. */
char	*ike_psk_copy(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer);
void	ike_random(void *, size_t);
bool	ike_take_nonce(const struct isakmp_pld *, uint8_t *dst, size_t *len);
/* Encrypt the payloads after the header of MSG in place (padding added)
 * with IV, which ends as the last cipher block; returns the new length. */
size_t	ike_encrypt_msg(struct ike_p1 *, uint8_t *msg, size_t len,
	    size_t cap, uint8_t *iv);
/* Decrypt the body of M into PLAIN and decode it into OUT; IV advances. */
bool	ike_decrypt_msg(struct ike_p1 *, const struct isakmp_msg *m,
	    uint8_t *plain, struct isakmp_msg *out, uint8_t *iv);
/* Send a notify (informational, encrypted once the keys exist). */
void	ike_notify(struct ike_p1 *, uint16_t type, uint8_t proto,
	    const uint8_t *spi, size_t spisize);
void	ike_delete_notify(struct ike_p1 *, uint8_t proto, const uint8_t *spi,
	    size_t spisize);
/* A notify about the ISAKMP SA itself (cookies as SPI) with DATA. */
void	ike_notify_data(struct ike_p1 *, uint16_t type, const uint8_t *data,
	    size_t datalen);

/* ike_dpd.c: dead peer detection (RFC 3706, `crypto isakmp keepalive`). */
void	ike_dpd_start(struct ike_p1 *);
void	ike_dpd_input(struct ike_p1 *, const struct isakmp_notify *);

/* ike_p1.c: what Main Mode and Aggressive Mode share. */
struct ike_p1_sel;
void	ike_p1_hdr(const struct ike_p1 *, struct isakmp_hdr *, uint8_t exchange);
/* IOS's "Created a peer struct" block, and "found peer pre-shared key". */
void	ike_dbg_peer(struct ike_p1 *, const char *for_what);
void	ike_dbg_psk(struct ike_p1 *);
/* The peer's identity matched no isakmp profile. */
void	ike_dbg_no_profile(struct ike_p1 *);
void	ike_dbg_auth(struct ike_p1 *, bool ok);
void	ike_dbg_peer_insert(struct ike_p1 *);
void	ike_dbg_hmac(struct ike_p1 *);
/* What IOS's debug lines print as a structure's heap address: never
 * ours (an address-layout leak to whoever may debug), an identifier of
 * the ISAKMP SA's structure of that kind, the same each time, printed as
 * IOS prints its addresses (eight hex digits). */
enum ike_dbg_obj { IKE_OBJ_PEER, IKE_OBJ_SA, IKE_OBJ_CFG };
unsigned ike_dbg_obj_id(const struct ike_p1 *, enum ike_dbg_obj);
/* ike_profile.c: "Scanning profiles for xauth ..." and its verdict. */
void	ike_dbg_scan_profiles(struct ike_p1 *);
/* "Authentication by xauth preshared" for a client profile's peer. */
void	ike_dbg_xauth_auth(struct ike_p1 *);
/* 12.x's peer-struct and client-config lines for such a peer. */
void	ike_dbg_client_peer(struct ike_p1 *);
/* An ID_IPV4_ADDR payload's block (NEXT: the payload after it). */
void	ike_dbg_id(struct ike_p1 *, uint8_t next, const struct sa_addr *addr,
	    unsigned len);
/* An ID_IPV4_ADDR or ID_IPV6_ADDR identity's address into A; false for
 * any other identity. */
bool	ike_id_addr(const struct isakmp_id *, struct sa_addr *a);
void	ike_dbg_id_name(struct ike_p1 *, uint8_t next, uint8_t type,
	    const char *name, unsigned len);
/* Our phase-1 ID (self-identity): its debug block and type's name. */
void	ike_dbg_own_id(struct ike_p1 *, uint8_t next, unsigned len);
const char *ike_p1_id_type_text(const struct ike_p1 *);
/* Our SA payload: one transform per policy, in priority order (only
 * those of DH group GROUP unless 0). */
void	ike_p1_build_offer(struct crypto *, struct isakmp_build *,
	    unsigned group);
/* The initiator's SA payload body, kept for HASH_I and HASH_R. */
void	ike_p1_keep_sai(struct ike_p1 *, const uint8_t *body, size_t len);
/* The responder's SA payload: the transform of SEL it accepted. */
void	ike_p1_build_sa_reply(struct isakmp_build *, const struct ike_p1_sel *);
void	ike_p1_build_ke_nonce(struct ike_p1 *, struct isakmp_build *,
	    const uint8_t *g, const uint8_t *nonce, size_t nlen);
/* Our ID_IPV4_ADDR; returns the offset of its body in the message. */
size_t	ike_p1_build_id(struct ike_p1 *, struct isakmp_build *);
/* SKEYID and the rest from the DH secret and the key; the key goes. */
bool	ike_p1_derive(struct ike_p1 *);
void	ike_p1_set_suite(struct ike_p1 *, const struct ike_p1_sel *);
bool	ike_peer_has_ipsec(struct ike_p1 *);
bool	ike_peer_known(struct ike_p1 *);
/* Phase 1 is up (FROM -> IKE_P1_COMPLETE on INPUT): QM_IDLE, timers. */
void	ike_p1_complete(struct ike_p1 *, const char *input, enum ike_fsm from);
const struct isakmp_pld *ike_pld_find(const struct isakmp_msg *, uint8_t);
void	ike_read_vids(struct ike_p1 *, const struct isakmp_msg *);
bool	ike_p1_choose(struct ike_p1 *, const struct isakmp_pld *sa,
	    struct ike_p1_sel *);
bool	ike_p1_ke_take(struct ike_p1 *, const struct isakmp_pld *, uint8_t *);
/* A fresh DH pair and nonce for our side. */
bool	ike_p1_make_ke(struct ike_p1 *);

/* ike_mm.c */
void	ike_mm_initiate(struct crypto *, const struct ike_request *);
/* Phase 1 rekey: a new Main Mode to P's peer, no Quick Mode after it. */
void	ike_mm_rekey(struct ike_p1 *);
/* P's successor is up: P is deleted (the peer told) when its Quick Modes
 * are done. */
void	ike_p1_retire(struct ike_p1 *);
void	ike_mm_input(struct ike_p1 *, const struct isakmp_msg *,
	    const uint8_t *raw, size_t len);
/* A first message from PEER's port RPORT (a NAT may have changed 500):
 * the SA answers there. */
void	ike_mm_respond(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer, uint16_t rport,
	    const struct isakmp_msg *, const uint8_t *raw, size_t len);

/* ike_am.c: Aggressive Mode (PSK), for a peer whose isakmp profile says
 * `initiate mode aggressive` (PROFILE: its name, for the debug). */
/* Phase 1 for RQ: Aggressive Mode if its crypto map entry's isakmp
 * profile says so, else Main Mode. */
void	ike_initiate(struct crypto *, const struct ike_request *);
void	ike_am_initiate(struct crypto *, const struct ike_request *,
	    const char *profile);
void	ike_am_respond(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer, uint16_t rport,
	    const struct isakmp_msg *, const uint8_t *raw, size_t len);
void	ike_am_input(struct ike_p1 *, const struct isakmp_msg *);

/* ike_xauth.c: XAUTH and mode-config, the transaction exchange. */
/* Phase 1 is up: ask the peer for its login if it chose XAUTH. */
void	ike_xauth_start(struct ike_p1 *);
/* An XAUTH exchange is under way (the SA's state reads CONF_XAUTH). */
bool	ike_xauth_busy(const struct ike_p1 *);
/* Whether Quick Mode may run (XAUTH, when asked for, has passed; no
 * pushed mode-config SET awaits its ACK). */
bool	ike_xauth_ready(const struct ike_p1 *);
void	ike_xauth_input(struct ike_p1 *, const struct isakmp_msg *);
/* Phase 1 goes: what the transaction kept goes too. */
void	ike_xauth_free(struct ike_p1 *);
/* ike_xauth_map.c: a responder with no matched isakmp profile asks for
 * XAUTH when its crypto map has a `client authentication list` and the
 * peer's key is not `no-xauth`; the list a login is checked against (the
 * profile's or the map's); the map pushes the address. */
void	ike_xauth_decide(struct ike_p1 *);
const char *ike_xauth_list(const struct ike_p1 *);
bool	ike_map_cfg_initiate(const struct ike_p1 *);

/* ike_qm.c */
void	ike_qm_initiate(struct ike_p1 *, const struct ike_request *);
void	ike_qm_input(struct ike_p1 *, const struct isakmp_msg *,
	    const uint8_t *raw, size_t len);

/* ike_vid.c */
void	ike_vid_build(struct crypto *, uint32_t dbg, struct isakmp_build *,
	    bool mm1, bool mm2_natt, bool mm4);
void	ike_vid_read(struct ike_p1 *, const struct isakmp_pld *);
/* Our two NAT-D hashes (the peer's address as we send to it, ours),
 * each made on first use: a responder's MM3 check and its MM4 hash the
 * same two.  Zeroed before the first call; NULL for one call's own. */
struct ike_natd {
	uint8_t	nd_h[2][IKE_PRF_MAX];
	bool	nd_made[2], nd_ok[2];
};
void	ike_natd_build(struct ike_p1 *, struct isakmp_build *,
	    struct ike_natd *);
void	ike_natd_check(struct ike_p1 *, const struct isakmp_msg *,
	    struct ike_natd *);

/* ipsec_ident.c: proxy identities. */
uint32_t ipsec_plen_mask(unsigned plen);
void	ipsec_ident_set(struct sa_ident *, uint32_t addr, uint32_t wild,
	    uint8_t proto, uint16_t port);
/* Whether IPv4 address A is inside ID's prefix. */
bool	ipsec_ident_has(const struct sa_ident *, uint32_t a);
/* The same for an IPv6 address (16 bytes): false for an IPv4 ident. */
bool	ipsec_ident_has6(const struct sa_ident *, const uint8_t a[16]);
/* " (type=1)", " (type=4)" after a proxy in IPSEC's debug; "" for IPv6. */
const char *ipsec_ident_type_text(const struct sa_ident *);
bool	ipsec_ident_eq(const struct sa_ident *, const struct sa_ident *);
void	ipsec_ident_fmt(const struct sa_ident *, char *buf, size_t len);

/* ipsec_out.c: crypto maps on the packet path, outbound. */
void	ipsec_attach(struct crypto *);
void	ipsec_detach(struct crypto *);

/* ipsec_mtu.c: path MTU on the outbound ESP path. */
typedef enum dp_crypto_verdict (*ipsec_encap_fn)(struct crypto *,
	    struct ipsec_flow *, struct ipsec_sa *, uint8_t *ip, size_t len,
	    bool inplace);
/* IP about to be encapsulated by PS of FL, leaving by IFP: through
 * ENCAP whole (INPLACE passed on: IP lies in the dataplane's buffer) or
 * in fragments (built in c_fragbuf), or answered "fragmentation
 * needed". */
enum dp_crypto_verdict ipsec_mtu_out(struct crypto *, const struct dp_iface *,
	    struct ipsec_flow *, struct ipsec_sa *, uint8_t *ip, size_t len,
	    bool inplace, ipsec_encap_fn encap);
/* FL's inner MTU under PS, its modes first refreshed from IFP as
 * ipsec_mtu_out does: the longest IPv4 packet it hands to ENCAP whole. */
size_t	ipsec_mtu_inner_out(struct crypto *, const struct dp_iface *,
	    struct ipsec_flow *, struct ipsec_sa *);
/* FL's path MTU and modes were written outside ipsec_mtu.c: read them
 * again on its next packet. */
void	ipsec_mtu_forget(struct ipsec_flow *);
/* The outer header's DF byte (ip[6]) for INNER under FL's df-bit mode.
 * Inline: every ESP packet asks it (issue 22). */
static inline uint8_t
ipsec_mtu_outer_df(const struct ipsec_flow *fl, const uint8_t *inner)
{
	switch (fl->fl_df_mode) {
	case DP_DF_SET:
		return 0x40;		/* DF in the flags byte */
	case DP_DF_CLEAR:
		return 0;
	default:
		return inner[6] & 0x40;
	}
}
/* Whether TS in RQ's flow runs in transport mode (ipsec_ident.c). */
bool	ipsec_transport_ok(const struct ike_request *,
	    const struct transform_set *);
/* Transport mode through a NAT: the host idents LID (ours) and RID (the
 * peer's) as the addresses LOCAL and PEER we see; false if unchanged. */
bool	ipsec_ident_natt(const struct sa_addr *local,
	    const struct sa_addr *peer, struct sa_ident *lid,
	    struct sa_ident *rid);
/* The largest inner packet PS carries within FL's path MTU. */
size_t	ipsec_mtu_inner(const struct ipsec_flow *, const struct ipsec_sa *);
/* The dataplane's co_frag_needed: ICMP about our ESP lowers path MTU. */
void	ipsec_mtu_learn(void *crypto, const uint8_t *quote, size_t qlen,
	    uint16_t mtu);

/* ipsec_in.c: ESP received for the router (the dataplane's hook). */
void	ipsec_esp_input(void *crypto, struct dp_iface *in, const uint8_t *ip,
	    size_t len);
/* The dataplane's co_esp_lane hook (ipsec_in.c). */
const uint8_t *ipsec_esp_lane(void *crypto, struct dp_iface *in,
	    const uint8_t *ip, size_t len, size_t *ilen);

/* ipsec_inpolicy.c: cleartext against the interface's crypto map. */
/* Whether a protect entry of IFP's crypto map, mirrored (the peer's side
 * sending to ours), selects the IPv4 datagram IP: then it must come
 * through ESP. */
bool	ipsec_inbound_protected(struct crypto *, struct dp_iface *ifp,
	    const uint8_t *ip, size_t len);
/* IPsec's own traffic, never held to a crypto map either way: ESP, AH,
 * and IKE or NAT-T (UDP to 500 or 4500). */
bool	ipsec_own_traffic(const uint8_t *ip, size_t len);
/* The dataplane's co_inbound hook. */
enum dp_crypto_verdict ipsec_inbound(void *crypto, struct dp_iface *in,
	    const uint8_t *ip, size_t len);

/* ike_profile.c: the isakmp profile the peer's identity matches (IS_ADDR:
 * an ID_IPV4_ADDR of ADDR), its name into p_profile and IOS's debug
 * lines; false if the profile's key search finds no key for the peer. */
bool	ike_profile_choose(struct ike_p1 *, bool is_addr,
	    const struct sa_addr *addr);
/* The profile whose `match identity group` names GROUP (an Aggressive
 * Mode ID_KEY_ID), into p_profile with seed 002's line; false if none. */
bool	ike_profile_choose_group(struct ike_p1 *, const char *group);
const struct isakmp_profile *ike_profile_of(const struct ike_p1 *);
/* The profile whose `match identity host|user` admits the peer's
 * ID_FQDN / ID_USER_FQDN NAME, as ike_profile_choose (issue 15). */
bool	ike_profile_choose_name(struct ike_p1 *, uint8_t type,
	    const char *name);
/* The profile that governs P on our side: the initiator's crypto map
 * entry's `set isakmp-profile`, the responder's matched one. */
const struct isakmp_profile *ike_profile_own(const struct ike_p1 *);
/* DPD's interval and retry for P: its profile's `keepalive`, else the
 * global `crypto isakmp keepalive` (0: none). */
unsigned ike_dpd_interval(const struct ike_p1 *);
unsigned ike_dpd_retry(const struct ike_p1 *);

/* client_group_ra.c: the group's split tunnel, save-password and
 * max-users in the mode-config REPLY and at Aggressive Mode. */
struct isakmp_build;
void	ike_cfg_put_split(struct ike_p1 *, struct isakmp_build *,
	    const struct client_group *);
bool	ike_cfg_put_save_pw(struct ike_p1 *, struct isakmp_build *,
	    const struct client_group *);
bool	ike_group_full(struct ike_p1 *);

/* ipsec_policy.c */
/* The flow of the crypto map entry the proxies of REQ select (responder),
 * or false: "map_db_find_best did not find matching map". */
bool	ipsec_find_entry(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer,
	    const char *profile, const struct sa_ident *lid,
	    const struct sa_ident *rid,
	    struct ike_request *req, const struct cmap_entry **entry);

/* ipsec_out.c: a tunnel's packet under RQ's flow (hash H); IKE for RQ
 * begun unless under way. */
enum dp_crypto_verdict ipsec_out_flow(struct crypto *, struct dp_iface *,
	    const struct ike_request *rq, const struct sa_addr *peer,
	    uint32_t h, const struct cmap_entry *, uint8_t *ip, size_t len);
void	ipsec_out_start(struct crypto *, const struct ike_request *,
	    const struct cmap_entry *);
/* ipsec_tunnel.c: `tunnel protection ipsec profile` as policy. */
enum dp_crypto_verdict ipsec_tunnel_output(void *, struct dp_iface *,
	    const uint8_t *, size_t);
bool	ipsec_tunnel_sa(void *, struct dp_iface *, bool start);
bool	ipsec_tunnel_find_entry(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer,
	    const struct sa_ident *lid, const struct sa_ident *rid,
	    struct ike_request *, const struct cmap_entry **);
/* The entry of RQ's tunnel ("Tunnel0-head-0"), NULL if not a tunnel's. */
const struct cmap_entry *ipsec_tunnel_entry(struct crypto *,
	    const struct ike_request *);
/* A decapsulated packet of FL: on its VTI, or as if received on IN. */
void	ipsec_tunnel_received(struct crypto *, struct ipsec_flow *,
	    struct dp_iface *in, const uint8_t *, size_t);
/* FL is a tunnel interface's (`tunnel protection`).  Inline, memcmp
 * (two compares, not strncmp's call): every ESP packet received asks.
 * fl_ifname is an array of 48 and "Tunnel" has no NUL in its 6 bytes,
 * so the answer is strncmp's. */
static inline bool
ipsec_tunnel_flow(const struct ipsec_flow *fl)
{
	return memcmp(fl->fl_ifname, "Tunnel", 6) == 0;
}
/* RQ is a tunnel's own (its interface's "TunnelN-head-0" map). */
bool	ipsec_tunnel_req(const struct ike_request *);
/* FL's SAs came or went: a VTI's line protocol follows. */
void	ipsec_tunnel_changed(struct crypto *, const struct ipsec_flow *);
void	ipsec_tunnel_free(struct crypto *);
/* A tunnel's flow: its ESP's interface is the tunnel source's. */
void	ipsec_tunnel_flow_idb(struct crypto *, struct ipsec_flow *);

/* ipsec_flow.c: flows of the SA database, found in O(1) by their key. */
struct ipsec_flow *ipsec_flow_find(struct crypto *, const struct ike_request *);
/* The key of RQ computed once (the SPD keeps it with each rule), and the
 * lookup by it. */
uint32_t ipsec_flow_key(const struct ike_request *, struct sa_addr *peer);
struct ipsec_flow *ipsec_flow_find_h(struct crypto *,
	    const struct ike_request *, const struct sa_addr *peer, uint32_t h);
/* Found, or created with PFS group PFS. */
struct ipsec_flow *ipsec_flow_get(struct crypto *, const struct ike_request *,
	    unsigned pfs);
/* Created (the caller knows there is none) and published. */
struct ipsec_flow *ipsec_flow_create(struct crypto *,
	    const struct ike_request *, unsigned pfs);
/* The ISAKMP SA up with PEER that new exchanges and delete notices use:
 * the newest, one being replaced (phase-1 rekey) only when there is no
 * other; NULL if none. */
struct ike_p1 *ipsec_peer_p1(struct crypto *, const struct sa_addr *peer);
/* The peer deleted its SA with SPI (ours outbound): drop the flow. */
void	ipsec_delete_by_peer_spi(struct crypto *, const struct sa_addr *peer,
	    uint32_t spi);
/* A flow and its SAs go (ESP state freed first). */
void	ipsec_flow_drop(struct crypto *, struct ipsec_flow *);
void	ipsec_flow_clear(struct crypto *, struct ipsec_flow *);
/* NAT-T: the peer behind a NAT came, authenticated (ESP that decrypted),
 * from PORT, a new mapping: FL, the floated ISAKMP SA IS (NULL: gone)
 * and the other flows it keyed send there from now on. */
void	ipsec_natt_follow(struct isakmp_sa *is, struct ipsec_flow *fl,
	    uint16_t port);

/* ipsec_sa.c: SA installation and lifetimes. */
/*
 * The pair of SAs one Quick Mode installed, hung on both SAs' ps_expiry
 * (freed with the last of them): its hard lifetime, and for the side
 * whose Quick Mode made it, the soft lifetime that negotiates its
 * successor (ipsec_rekey.c).
 */
struct ipsec_pair {
	struct crypto		*pr_c;
	struct ipsec_flow	*pr_flow;
	struct ipsec_sa		*pr_in, *pr_out;
	struct ike_request	 pr_req;	/* what its successor asks */
	bool			 pr_initiator;	/* our Quick Mode made it */
	bool			 pr_rekeying;	/* successor asked for */
	bool			 pr_standby;	/* a responder's successor: not
						 * used outbound until QM3 or
						 * the peer's first packet */
	uint64_t		 pr_soft_kb;	/* 0: no volume rekey */
	struct ev_timer		*pr_hard, *pr_soft, *pr_del;
};

/* Whether PS can carry packets (its ESP or AH state was made). */
bool	ipsec_sa_ready(const struct ipsec_sa *);
/* What PS puts between the IP header and the payload it protects (AH,
 * ESP's header and IV), and its whole encapsulation of LEN bytes (no IP
 * header): AH's length plus ESP's, or the bare payload's for AH alone. */
size_t	ipsec_sa_pre(const struct ipsec_sa *);
size_t	ipsec_sa_encap_len(const struct ipsec_sa *, size_t len);
/* DELETE notifies for the inbound SA (its ESP and AH SPIs) to P's peer. */
void	ipsec_sa_delete_notify(struct ike_p1 *, const struct ipsec_sa *in);
/* Quick Mode is done: install the SAs of Q. */
void	ipsec_install(struct ike_qm *, const uint8_t *keymat_in,
	    const uint8_t *keymat_out);
/* IPSEC's create_sa lines for the SAs Q installed. */
void	ipsec_installed_debug(struct ike_qm *);
/* The newest inbound and outbound SA of Q's flow: false if none. */
bool	ipsec_installed_pair(struct ike_qm *, struct ipsec_sa **in,
	    struct ipsec_sa **out);
/* ike_qm12.c: the Quick Mode responder's 12.x debug blocks. */
void	ike_qm12_dbg_validate(struct ike_qm *);
void	ike_qm12_dbg_spi(struct ike_qm *);
void	ike_qm12_dbg_creating(struct ike_qm *, const struct ipsec_sa *in,
	    const struct ipsec_sa *out);
void	ike_qm12_dbg_installed(struct ike_qm *, const struct ipsec_sa *in,
	    const struct ipsec_sa *out);
/* What the engine hangs on an SA (ESP state, timer) goes before it. */
void	ipsec_sa_release(struct crypto *, struct ipsec_sa *);
/* The pair ends: both SAs go; the peer is told. */
void	ipsec_pair_delete(struct ipsec_pair *);
/* The volume lifetime of outbound SA OUT is spent. */
void	ipsec_sa_expire_volume(struct crypto *, struct ipsec_sa *out);
/* The outbound SA of FL traffic uses now (NULL: none). */
struct ipsec_sa *ipsec_flow_out_sa(struct ipsec_flow *);
/* The lifetimes of an entry (its own, or the global defaults). */
void	ipsec_entry_lifetimes(const struct crypto *,
	    const struct cmap_entry *, uint32_t *sec, uint64_t *kb);

/* ipsec_rekey.c: soft lifetimes and the successor of a pair. */
/* Start PR's soft lifetime (LIFE_S seconds, LIFE_KB kilobytes hard). */
void	ipsec_rekey_arm(struct ipsec_pair *, uint32_t life_s, uint64_t life_kb);
/* NEW for the same flow is installed while OLD was current. */
void	ipsec_rekey_installed(struct ipsec_pair *old, struct ipsec_pair *new);
/* PS carried more bytes: its soft volume lifetime may be reached. */
void	ipsec_rekey_volume(struct ipsec_sa *);
/* The bytes below which ipsec_rekey_volume(PS) does nothing, whatever
 * else: its pair's soft volume lifetime (UINT64_MAX: none). */
uint64_t ipsec_rekey_volume_from(const struct ipsec_sa *);
/* The peer has the SAs of PS's pair (QM3, or ESP received on it). */
void	ipsec_rekey_confirmed(struct ipsec_sa *);
/* ike_proposal.c: what entry CE offers now, copied into PR (transform
 * sets by value). */
void	ipsec_proposal_of(struct crypto *, const struct cmap_entry *ce,
	    struct ike_proposal *pr);
/* RQ's proposal refreshed from its crypto map entry as configured now
 * (a rekey offers what the configuration says then); false, the
 * proposal empty, if the entry is gone. */
bool	ipsec_request_refresh(struct crypto *, struct ike_request *rq);

/* ike_qm.c */
/* IPSEC's "Crypto mapdb : proxy_match" block. */
void	ipsec_dbg_proxy_match(struct crypto *, const struct ike_request *);

/* Wireshark's names of an SA's algorithms, as its esp_sa table spells
 * them (crypto/wskeys.c). */
const char	*ipsec_ws_enc(enum ts_enc);
const char	*ipsec_ws_auth(enum ts_auth);

/* ike_cac.c: call admission of new phase-1 requests. */
bool	 ike_cac_admit(struct crypto *, const struct sa_addr *local,
	    const struct sa_addr *peer);
unsigned ike_cac_negotiating(const struct crypto *);
unsigned ike_cac_nego_limit(const struct crypto *);
void	 ike_cac_nvgen(const struct crypto *, struct strbuf *);

#endif
