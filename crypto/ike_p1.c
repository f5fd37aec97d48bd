/*
 * ike_p1: the pieces of phase 1 that Main Mode (ike_mm.c) and Aggressive
 * Mode (ike_am.c) share: the ISAKMP header, IOS's peer/key/ID debug
 * blocks, our SA offer, KE and nonce, the identity, the keys (SKEYID and
 * the rest, RFC 2409 5), the negotiated suite, the checks on what the
 * peer sent, and phase 1 complete (lifetime, soft lifetime, DPD, NAT
 * keepalives).
 */
#include <openssl/crypto.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ike_p1sel.h"
#include "crypto/ike_prf.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/xalloc.h"

void
ike_p1_hdr(const struct ike_p1 *p, struct isakmp_hdr *h, uint8_t exchange)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->ih_icookie, p->p_sa->is_icookie, 8);
	memcpy(h->ih_rcookie, p->p_sa->is_rcookie, 8);
	h->ih_version = ISAKMP_VERSION;
	h->ih_exchange = exchange;
}

/* From the SA's conn-id (unique among the router's ISAKMP SAs), in the
 * range and alignment of a 7200's heap, one 16 MB band per kind. */
unsigned
ike_dbg_obj_id(const struct ike_p1 *p, enum ike_dbg_obj kind)
{
	return 0x64000000u + ((unsigned)kind << 24) +
	    ((p->p_sa->is_connid & 0x3ffffu) << 6);
}

/* IOS's peer-struct lines: the values are its heap addresses, ours an
 * identifier of the state (ike_dbg_obj_id). */
void
ike_dbg_peer(struct ike_p1 *p, const char *for_what)
{
	char		peer[SA_TEXT_LEN];
	unsigned	addr;

	if (!ike_debugging(p->p_c))
		return;
	addr = ike_dbg_obj_id(p, IKE_OBJ_PEER);
	/* 12.x makes its peer struct later, if at all (seed 002's hub:
	 * for a client's configuration, ike_dbg_client_peer). */
	if (ike_debug_v12(p->p_c)) {
		ike_debug_raw(p->p_c, " local port %u, remote port %u",
		    p->p_sa->is_lport, p->p_sa->is_rport);
		return;
	}
	sa_text(&p->p_peer, peer);
	ike_debug_raw(p->p_c, " Created a peer struct for %s, peer port %u",
	    peer, p->p_sa->is_rport);
	ike_debug_raw(p->p_c, " New peer created peer = 0x%08X peer_handle = "
	    "0x%08X", addr, 0x80000000u | (p->p_sa->is_connid & 0xffff));
	ike_debug_raw(p->p_c, " Locking peer struct 0x%08X, refcount 1 for "
	    "%s", addr, for_what);
	ike_debug_raw(p->p_c, " local port %u, remote port %u",
	    p->p_sa->is_lport, p->p_sa->is_rport);
}

/* The verdict on the peer's HASH: on a line of its own in 15.x, on the
 * same line in 12.x (seed 002's hub). */
void
ike_dbg_auth(struct ike_p1 *p, bool ok)
{
	const char	*v = ok ? "authenticated" : "not authenticated";

	if (ike_debug_v12(p->p_c)) {
		ike_debug(p->p_c, p->p_dbg, "SA authentication status: %s", v);
		return;
	}
	ike_debug(p->p_c, p->p_dbg, "SA authentication status:");
	ike_debug_text(p->p_c, "        %s", v);
}

/* The engine keyed for an HMAC over a message of the SA (a HASH made or
 * checked). */
void
ike_dbg_hmac(struct ike_p1 *p)
{
	ike_engine_debug(p->p_c, "generate hmac context for conn id %u",
	    p->p_sa->is_connid);
}

/* The peer's entry made: 15.x names IOS's structure, 12.x does not. */
void
ike_dbg_peer_insert(struct ike_p1 *p)
{
	char		local[SA_TEXT_LEN], peer[SA_TEXT_LEN];
	unsigned	port = p->p_sa->is_rport;	/* a NAT's, if any */

	if (!ike_debugging(p->p_c))
		return;
	sa_text(&p->p_local, local);
	sa_text(&p->p_peer, peer);
	if (ike_debug_v12(p->p_c))
		ike_debug_raw(p->p_c, " Trying to insert a peer %s/%s/%u/,  "
		    "and inserted successfully.", local, peer, port);
	else
		ike_debug_raw(p->p_c, " Trying to insert a peer %s/%s/%u/,  "
		    "and inserted successfully %08X.", local, peer, port,
		    ike_dbg_obj_id(p, IKE_OBJ_PEER));
}

void
ike_dbg_psk(struct ike_p1 *p)
{
	char	peer[SA_TEXT_LEN];

	if (!ike_debugging(p->p_c))
		return;
	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "found peer pre-shared key matching %s",
	    peer);
}

/* 15.x numbers the line with the SA not yet known ("ISAKMP:(0):: peer
 * matches *none* of the profiles", seed 001); 12.3 with the SA's
 * ("ISAKMP (0:709): peer matches *none* of the profiles", seed 000), as
 * it prints a profile that matched (seed 002). */
void
ike_dbg_no_profile(struct ike_p1 *p)
{
	if (ike_debug_v12(p->p_c))
		ike_debug(p->p_c, p->p_dbg,
		    " peer matches *none* of the profiles");
	else
		ike_debug(p->p_c, 0, ": peer matches *none* of the profiles");
}

/* ---- Building. ---- */

static uint16_t
attr_enc(enum ike_enc e)
{
	switch (e) {
	case IKE_ENC_DES:
		return IKE_ATTR_ENC_DES;
	case IKE_ENC_3DES:
		return IKE_ATTR_ENC_3DES;
	default:
		return IKE_ATTR_ENC_AES;
	}
}

static uint16_t
attr_hash(enum ike_hash h)
{
	switch (h) {
	case IKE_HASH_MD5:
		return IKE_ATTR_HASH_MD5;
	case IKE_HASH_SHA:
		return IKE_ATTR_HASH_SHA;
	case IKE_HASH_SHA256:
		return IKE_ATTR_HASH_SHA2_256;
	case IKE_HASH_SHA384:
		return IKE_ATTR_HASH_SHA2_384;
	default:
		return IKE_ATTR_HASH_SHA2_512;
	}
}

static uint16_t
attr_auth(enum ike_auth a)
{
	switch (a) {
	case IKE_AUTH_PRE_SHARE:
		return IKE_ATTR_AUTH_PSK;
	case IKE_AUTH_RSA_ENCR:
		return IKE_ATTR_AUTH_RSA_ENC;
	default:
		return IKE_ATTR_AUTH_RSA_SIG;
	}
}

/* One transform per policy, attributes in IOS's order. */
void
ike_p1_build_offer(struct crypto *c, struct isakmp_build *b, unsigned group)
{
	const struct isakmp_policy	*pol;
	size_t				 i;

	isakmp_build_sa_begin(b, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(b, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	for (i = 0; i < crypto_policy_count(c); i++) {
		pol = crypto_policy_at(c, i);
		if (group != 0 && pol->ip_group != group)
			continue;
		isakmp_build_xf_begin(b, (uint8_t)(i + 1), ISAKMP_XF_KEY_IKE);
		isakmp_build_attr_tv(b, IKE_ATTR_ENC, attr_enc(pol->ip_enc));
		if (pol->ip_enc == IKE_ENC_AES)
			isakmp_build_attr_tv(b, IKE_ATTR_KEY_LENGTH,
			    (uint16_t)(pol->ip_keylen ? pol->ip_keylen : 128));
		isakmp_build_attr_tv(b, IKE_ATTR_HASH, attr_hash(pol->ip_hash));
		isakmp_build_attr_tv(b, IKE_ATTR_GROUP_DESC,
		    (uint16_t)pol->ip_group);
		isakmp_build_attr_tv(b, IKE_ATTR_AUTH, attr_auth(pol->ip_auth));
		isakmp_build_attr_tv(b, IKE_ATTR_LIFE_TYPE,
		    IKE_ATTR_LIFE_SECONDS);
		isakmp_build_attr_var(b, IKE_ATTR_LIFE_DURATION,
		    pol->ip_lifetime);
		isakmp_build_end(b);
	}
	isakmp_build_end(b);
	isakmp_build_end(b);
}

/* The responder's SA payload: the one proposal and transform it
 * accepted, attributes as the initiator offered them. */
void
ike_p1_build_sa_reply(struct isakmp_build *b, const struct ike_p1_sel *sel)
{
	struct isakmp_iter	it;
	struct isakmp_attr	at;

	isakmp_build_sa_begin(b, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(b, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	isakmp_build_xf_begin(b, sel->ps_xf.xf_no, sel->ps_xf.xf_id);
	isakmp_xf_attrs(&sel->ps_xf, &it);
	while (isakmp_attr_next(&it, &at))
		isakmp_build_attr(b, &at);
	isakmp_build_end(b);
	isakmp_build_end(b);
	isakmp_build_end(b);
}

/* Keep the SA payload body the initiator sent (for HASH_I and HASH_R). */
void
ike_p1_keep_sai(struct ike_p1 *p, const uint8_t *body, size_t len)
{
	free(p->p_sai);
	p->p_sai = xmalloc(len);
	memcpy(p->p_sai, body, len);
	p->p_sailen = len;
}

void
ike_p1_build_ke_nonce(struct ike_p1 *p, struct isakmp_build *b, const uint8_t *g,
    const uint8_t *nonce, size_t nlen)
{
	isakmp_build_payload(b, ISAKMP_PL_KE, g, p->p_glen);
	isakmp_build_payload(b, ISAKMP_PL_NONCE, nonce, nlen);
}

/* Our identity's type and, for a name, the name: ID_IPV4_ADDR unless
 * our profile's `self-identity` says fqdn (the router's hostname) or
 * user-fqdn NAME (issue 15). */
/* An address identity is of our address's family (seed 003: type 5,
 * ID_IPV6_ADDR, over IPv6). */
static uint8_t
addr_id_type(const struct ike_p1 *p)
{
	return p->p_local.sa_family == 6 ? IPSEC_ID_IPV6_ADDR :
	    IPSEC_ID_IPV4_ADDR;
}

static uint8_t
own_id_wanted(const struct ike_p1 *p, const char **name)
{
	const struct isakmp_profile	*pr = ike_profile_own(p);
	const char			*host = p->p_c->c_sys->sy_hostname;

	*name = NULL;
	if (pr != NULL && pr->pr_self == SELF_ID_FQDN) {
		*name = host != NULL ? host : "Router";
		return IPSEC_ID_FQDN;
	}
	if (pr != NULL && pr->pr_self == SELF_ID_USER_FQDN) {
		*name = pr->pr_self_user;
		return IPSEC_ID_USER_FQDN;
	}
	return addr_id_type(p);
}

/* A name too long for the ID we keep (p_oid) is not sent: our address
 * is. */
static uint8_t
own_id(const struct ike_p1 *p, const char **name)
{
	uint8_t	t = own_id_wanted(p, name);

	if (*name != NULL && strlen(*name) > IKE_PEER_ID_MAX) {
		*name = NULL;
		t = addr_id_type(p);
	}
	return t;
}

const char *
ike_p1_id_type_text(const struct ike_p1 *p)
{
	const char	*name;

	switch (own_id(p, &name)) {
	case IPSEC_ID_FQDN:
		return "ID_FQDN";
	case IPSEC_ID_USER_FQDN:
		return "ID_USER_FQDN";
	case IPSEC_ID_IPV6_ADDR:
		return "ID_IPV6_ADDR";
	}
	return "ID_IPV4_ADDR";
}

/* The debug block of the ID we send, LEN its payload's length. */
void
ike_dbg_own_id(struct ike_p1 *p, uint8_t next, unsigned len)
{
	const char	*name;
	uint8_t		 t = own_id(p, &name);

	if (t == IPSEC_ID_IPV4_ADDR || t == IPSEC_ID_IPV6_ADDR)
		ike_dbg_id(p, next, &p->p_local, len);
	else
		ike_dbg_id_name(p, next, t, name, len);
}

/* A name's ID block; IOS prints "FQDN name" for an ID_FQDN. */
void
ike_dbg_id_name(struct ike_p1 *p, uint8_t next, uint8_t type,
    const char *name, unsigned len)
{
	ike_debug_sp(p->p_c, p->p_dbg, " ID payload");
	ike_debug_text(p->p_c, "        next-payload : %u", next);
	ike_debug_text(p->p_c, "        type         : %u", type);
	ike_debug_text(p->p_c, "        FQDN name    : %s", name);
	ike_debug_text(p->p_c, "        protocol     : 17");
	ike_debug_text(p->p_c, "        port         : 500");
	ike_debug_text(p->p_c, "        length       : %u", len);
}

/* Our identity, UDP port 500, as IOS sends it. */
size_t
ike_p1_build_id(struct ike_p1 *p, struct isakmp_build *b)
{
	struct isakmp_id	id;
	const char		*name;
	size_t			off;

	id.id_type = own_id(p, &name);
	id.id_proto = 17;
	id.id_port = ISAKMP_PORT;
	id.id_data = p->p_local.sa_addr;
	id.id_len = p->p_local.sa_family == 6 ? 16 : 4;
	if (name != NULL) {
		id.id_data = (const uint8_t *)name;
		id.id_len = strlen(name);
	}
	off = b->ib_len + ISAKMP_GEN_LEN;
	isakmp_build_id(b, &id);
	return off;
}

bool
ike_id_addr(const struct isakmp_id *id, struct sa_addr *a)
{
	if (id->id_type == IPSEC_ID_IPV4_ADDR && id->id_len == 4)
		sa_addr_v4(a, get32(id->id_data));
	else if (id->id_type == IPSEC_ID_IPV6_ADDR && id->id_len == 16)
		sa_addr_v6(a, id->id_data);
	else
		return false;
	return true;
}

void
ike_dbg_id(struct ike_p1 *p, uint8_t next, const struct sa_addr *addr,
    unsigned len)
{
	char	a[SA_TEXT_LEN];

	if (!ike_debugging(p->p_c))
		return;
	sa_text(addr, a);
	ike_debug_sp(p->p_c, p->p_dbg, " ID payload");
	ike_debug_text(p->p_c, "        next-payload : %u", next);
	ike_debug_text(p->p_c, "        type         : %u",
	    addr->sa_family == 6 ? IPSEC_ID_IPV6_ADDR : IPSEC_ID_IPV4_ADDR);
	ike_debug_text(p->p_c, "        address      : %s", a);
	ike_debug_text(p->p_c, "        protocol     : 17");
	ike_debug_text(p->p_c, "        port         : 500");
	ike_debug_text(p->p_c, "        length       : %u", len);
}

/* ---- Keys. ---- */

bool
ike_p1_derive(struct ike_p1 *p)
{
	uint8_t		gxy[IKE_DH_MAX_LEN];
	size_t		slen = ike_dh_secret_len(p->p_group);
	const uint8_t	*peer = p->p_sa->is_initiator ? p->p_gxr : p->p_gxi;
	bool		ok;

	ok = p->p_psk != NULL &&
	    ike_dh_derive(p->p_dh, peer, p->p_glen, gxy, slen) == 0 &&
	    ike_skeyid_psk(&p->p_keys, p->p_hash, (const uint8_t *)p->p_psk,
	    strlen(p->p_psk), p->p_ni, p->p_nilen, p->p_nr, p->p_nrlen) == 0 &&
	    ike_skeyid_dae(&p->p_keys, gxy, slen, p->p_sa->is_icookie,
	    p->p_sa->is_rcookie) == 0 &&
	    ike_enc_key(&p->p_keys, ike_cipher_keylen(p->p_enc, p->p_keybits),
	    p->p_enckey) == 0 &&
	    ike_iv_phase1(p->p_hash, p->p_gxi, p->p_gxr, p->p_glen,
	    p->p_block, p->p_iv) == 0;
	explicit_bzero(gxy, sizeof(gxy));
	ike_dh_free(p->p_dh);
	p->p_dh = NULL;
	/* SKEYID holds all the key is needed for from here on. */
	xsecret_free(p->p_psk);
	p->p_psk = NULL;
	if (ok) {
		p->p_dbg = p->p_sa->is_connid;
		ike_engine_debug(p->p_c, "create ISAKMP SKEYID for conn id %u",
		    p->p_sa->is_connid);
	}
	return ok;
}

bool
ike_p1_keys_owe(struct ike_p1 *p)
{
	struct crypto	*c = p->p_c;

	if (c->c_debug != 0)
		return false;
	p->p_keys_owed = true;
	TAILQ_INSERT_TAIL(&c->c_ike_owed, p, p_owed);
	return true;
}

bool
ike_p1_keys_settle(struct ike_p1 *p)
{
	TAILQ_REMOVE(&p->p_c->c_ike_owed, p, p_owed);
	p->p_keys_owed = false;
	if (ike_p1_derive(p))
		return true;
	ike_p1_fail(p, "Key derivation failed");
	return false;
}

bool
ike_idle_want(void *arg)
{
	const struct crypto	*c = arg;

	return !TAILQ_EMPTY(&c->c_ike_owed) || ike_dh_idle_want(NULL);
}

/* One piece: the oldest keys owed, else a key pair ahead. */
void
ike_idle(void *arg)
{
	struct crypto	*c = arg;
	struct ike_p1	*p;

	if ((p = TAILQ_FIRST(&c->c_ike_owed)) != NULL)
		(void)ike_p1_keys_settle(p);
	else
		ike_dh_idle(NULL);
}

/* The negotiated suite, as show crypto isakmp sa detail names it. */
void
ike_p1_set_suite(struct ike_p1 *p, const struct ike_p1_sel *sel)
{
	const struct isakmp_policy	*pol = sel->ps_policy;
	static const char *const	 enc[] = { "des", "3des", "aes" };
	static const char *const	 hash[] = { "sha", "md5", "sha256",
					    "sha384", "sha512" };
	struct isakmp_suite		*su = &p->p_sa->is_suite;

	p->p_enc = pol->ip_enc;
	p->p_keybits = pol->ip_enc == IKE_ENC_AES ?
	    (pol->ip_keylen ? pol->ip_keylen : 128) : 0;
	p->p_hash = pol->ip_hash;
	p->p_group = pol->ip_group;
	p->p_life = sel->ps_life;
	p->p_block = ike_cipher_block(p->p_enc);
	p->p_glen = ike_dh_pub_len(p->p_group);
	su->su_enc = enc[pol->ip_enc];
	su->su_keylen = p->p_keybits;
	su->su_hash = hash[pol->ip_hash];
	su->su_auth = sel->ps_xauth ? IKE_ATTR_AUTH_XAUTH_INIT_PSK :
	    attr_auth(pol->ip_auth);
	su->su_group = pol->ip_group;
	su->su_lifetime = sel->ps_life;
}

/*
 * Phase 1's soft lifetime.  IOS gives IKEv1 none (the ISAKMP SA expires
 * and the next Quick Mode renegotiates it); here the initiator renews it
 * at 90% of its lifetime while IPsec SAs with the peer are up, so no
 * Quick Mode (a rekey) ever waits for a Main Mode.  90% leaves the new
 * Main Mode its retransmissions (5 x 10 s) before a 600 s SA ends.
 */
#define P1_SOFT_PCT	90

/* Any IPsec SA up with P's peer. */
bool
ike_peer_has_ipsec(struct ike_p1 *p)
{
	struct sadb_peer	*pe;
	struct ipsec_flow	*fl;

	if ((pe = sadb_peer_find(&p->p_c->c_sadb, &p->p_sa->is_remote)) ==
	    NULL)
		return false;
	TAILQ_FOREACH(fl, &pe->pe_flows, fl_pentry)
		if (TAILQ_FIRST(&fl->fl_out) != NULL)
			return true;
	return false;
}

/* Anything up with P's peer (IOS sends INITIAL-CONTACT only if not). */
bool
ike_peer_known(struct ike_p1 *p)
{
	struct sadb_peer	*pe;
	struct isakmp_sa	*is;
	struct ike_p1		*o;

	if ((pe = sadb_peer_find(&p->p_c->c_sadb, &p->p_sa->is_remote)) ==
	    NULL)
		return false;
	TAILQ_FOREACH(is, &pe->pe_isakmp, is_pentry)
		if ((o = is->is_engine) != NULL && o != p &&
		    o->p_state == FSM_P1_COMPLETE)
			return true;
	return ike_peer_has_ipsec(p);
}

static void
soft_expired(void *arg)
{
	struct ike_p1	*p = arg;

	p->p_soft_timer = NULL;
	if (!p->p_replaced && ike_peer_has_ipsec(p))
		ike_mm_rekey(p);
}

static void
life_expired(void *arg)
{
	struct ike_p1	*p = arg;

	p->p_life_timer = NULL;
	ike_debug(p->p_c, p->p_dbg, "deleting SA reason \"Lifetime expired\"");
	ike_p1_free(p);
}

/* Phase 1 is up: QM_IDLE, counted from now for the lifetime. */
void
ike_p1_complete(struct ike_p1 *p, const char *input, enum ike_fsm from)
{
	sadb_isakmp_up(&p->p_c->c_sadb, p->p_sa);
	p->p_sa->is_up_ms = clock_mono_ms();
	/* The names `show crypto session` gives the peer. */
	if (p->p_profile[0] != '\0' || p->p_group_name[0] != '\0') {
		struct isakmp_sess *ss = sadb_isakmp_sess(p->p_sa);

		snprintf(ss->s_profile, sizeof(ss->s_profile), "%s",
		    p->p_profile);
		snprintf(ss->s_group, sizeof(ss->s_group), "%s",
		    p->p_group_name);
	}
	/*
	 * D is DPD in use, not merely offered: seed 002's hub, with no
	 * `crypto isakmp keepalive`, shows Cap. CX for a VPN Client that
	 * sent the DPD vendor ID, and nothing for its spoke.
	 */
	if (p->p_dpd && ike_dpd_interval(p) != 0)
		p->p_sa->is_caps |= ISK_CAP_DPD;
	ike_dbg_fsm(p, input, from, FSM_P1_COMPLETE);
	p->p_state = FSM_P1_COMPLETE;
	p->p_life_timer = evloop_timer_add(p->p_c->c_sys->sy_loop,
	    (uint64_t)p->p_life * 1000, life_expired, p);
	/* The side that made it renegotiates it, at P1_SOFT_PCT. */
	if (p->p_sa->is_initiator)
		p->p_soft_timer = evloop_timer_add(p->p_c->c_sys->sy_loop,
		    (uint64_t)p->p_life * 10 * P1_SOFT_PCT, soft_expired, p);
	ike_session_status(p, true);
	ike_dpd_start(p);
	ike_natka_start(p);
	/* Our last message stays, to answer a retransmitted one. */
	ike_tx_stop(p->p_c, &p->p_tx);
}

/* ---- Checks on what the peer sent. ---- */

const struct isakmp_pld *
ike_pld_find(const struct isakmp_msg *m, uint8_t type)
{
	int	i = isakmp_msg_find(m, type, -1);

	return i < 0 ? NULL : &m->im_pld[i];
}

void
ike_read_vids(struct ike_p1 *p, const struct isakmp_msg *m)
{
	unsigned	i;

	for (i = 0; i < m->im_npld; i++)
		if (m->im_pld[i].pl_type == ISAKMP_PL_VID)
			ike_vid_read(p, &m->im_pld[i]);
}

/*
 * A policy that authenticates with RSA (`authentication rsa-sig`, or
 * rsa-encr) may be stored, but iosh's IKE holds no key pair or
 * certificate it can sign or decrypt with (crypto/pki.c keeps
 * certificates inert, with no private key: a stored certificate is no
 * more usable than none): when the transform chosen is
 * such a policy's, the negotiation fails here rather than going on with
 * the pre-shared key, and says so as IOS does when it has neither a
 * certificate nor keys for the peer.  The text is IOS's debug line "No
 * cert, and no keys (public or pre-shared) with remote peer A.B.C.D" as
 * remembered from IOS 12.x/15.x `debug crypto isakmp` captures; the
 * `search` corpora (pages, issues) did not hold a copy to confirm it:
 * UNCONFIRMED.
 */
static bool
rsa_usable(struct ike_p1 *p, const struct ike_p1_sel *sel)
{
	char	peer[SA_TEXT_LEN];

	if (sel->ps_policy->ip_auth == IKE_AUTH_PRE_SHARE || sel->ps_xauth)
		return true;
	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "No cert, and no keys (public or "
	    "pre-shared) with remote peer %s", peer);
	return false;
}

/* The transform the SA payload SA chose, against our policies. */
bool
ike_p1_choose(struct ike_p1 *p, const struct isakmp_pld *sa, struct ike_p1_sel *sel)
{
	struct isakmp_sa_pl	sp;
	struct isakmp_iter	it;
	struct isakmp_prop	pr;

	if (isakmp_sa_parse(sa, &sp) != ISAKMP_OK)
		return false;
	isakmp_sa_props(&sp, &it);
	if (!isakmp_prop_next(&it, &pr) || pr.pr_proto != ISAKMP_PROTO_ISAKMP)
		return false;
	if (!ike_p1_select(p->p_c, p->p_dbg, &pr, sel))
		return false;
	return rsa_usable(p, sel);
}

bool
ike_p1_ke_take(struct ike_p1 *p, const struct isakmp_pld *pl, uint8_t *dst)
{
	if (pl == NULL || pl->pl_bodylen != p->p_glen)
		return false;
	memcpy(dst, pl->pl_body, p->p_glen);
	return true;
}

/* A fresh DH pair and nonce for our side. */
bool
ike_p1_make_ke(struct ike_p1 *p)
{
	const uint8_t	*pub;
	size_t		 len;

	if ((p->p_dh = ike_dh_new(p->p_group)) == NULL)
		return false;
	pub = ike_dh_public(p->p_dh, &len);
	if (len != p->p_glen)
		return false;
	if (p->p_sa->is_initiator) {
		memcpy(p->p_gxi, pub, len);
		ike_random(p->p_ni, IKE_NONCE_LEN);
		p->p_nilen = IKE_NONCE_LEN;
	} else {
		memcpy(p->p_gxr, pub, len);
		ike_random(p->p_nr, IKE_NONCE_LEN);
		p->p_nrlen = IKE_NONCE_LEN;
	}
	return true;
}