/*
 * ike_mm: Main Mode with pre-shared keys (RFC 2409 5.4), initiator and
 * responder, with IOS's debug lines in IOS's order (seed 001 shows the
 * initiator's).
 *
 *	I -> R	MM1  SA (every policy, priority order), VIDs (NAT-T)
 *	R -> I	MM2  SA (the chosen transform), VID (NAT-T)
 *	I -> R	MM3  KE, NONCE, VIDs (Unity, DPD, IOS), NAT-D x2
 *	R -> I	MM4  KE, NONCE, VIDs, NAT-D x2
 *	I -> R	MM5* ID, HASH_I, N(INITIAL-CONTACT)
 *	R -> I	MM6* ID, HASH_R
 *
 * Keys exist from MM3/MM4 on; from then the debug prefix carries the
 * SA's conn-id, as on IOS.
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
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"

static void
hdr(const struct ike_p1 *p, struct isakmp_hdr *h)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->ih_icookie, p->p_sa->is_icookie, 8);
	memcpy(h->ih_rcookie, p->p_sa->is_rcookie, 8);
	h->ih_version = ISAKMP_VERSION;
	h->ih_exchange = ISAKMP_XCHG_IDPROT;
}

/* IOS's peer-struct lines: the values are its heap addresses, ours the
 * state's. */
static void
dbg_peer(struct ike_p1 *p, const char *for_what)
{
	char		peer[16];
	unsigned	addr = (unsigned)(uintptr_t)p;

	ip4_text(p->p_peer, peer);
	ike_debug_raw(p->p_c, " Created a peer struct for %s, peer port 500",
	    peer);
	ike_debug_raw(p->p_c, " New peer created peer = 0x%08X peer_handle = "
	    "0x%08X", addr, 0x80000000u | (p->p_sa->is_connid & 0xffff));
	ike_debug_raw(p->p_c, " Locking peer struct 0x%08X, refcount 1 for "
	    "%s", addr, for_what);
	ike_debug_raw(p->p_c, " local port 500, remote port 500");
}

static void
dbg_psk(struct ike_p1 *p)
{
	char	peer[16];

	ip4_text(p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "found peer pre-shared key matching %s",
	    peer);
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
static void
build_sa_offer(struct crypto *c, struct isakmp_build *b)
{
	const struct isakmp_policy	*pol;
	size_t				 i;

	isakmp_build_sa_begin(b, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(b, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	for (i = 0; i < crypto_policy_count(c); i++) {
		pol = crypto_policy_at(c, i);
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

/* Keep the SA payload body the initiator sent (for HASH_I and HASH_R). */
static void
keep_sai(struct ike_p1 *p, const uint8_t *body, size_t len)
{
	free(p->p_sai);
	if ((p->p_sai = malloc(len)) == NULL)
		abort();
	memcpy(p->p_sai, body, len);
	p->p_sailen = len;
}

static void
build_ke_nonce(struct ike_p1 *p, struct isakmp_build *b, const uint8_t *g,
    const uint8_t *nonce, size_t nlen)
{
	isakmp_build_payload(b, ISAKMP_PL_KE, g, p->p_glen);
	isakmp_build_payload(b, ISAKMP_PL_NONCE, nonce, nlen);
}

/* Our identity: ID_IPV4_ADDR, UDP port 500, as IOS sends it. */
static size_t
build_id(struct ike_p1 *p, struct isakmp_build *b)
{
	struct isakmp_id	id;
	uint8_t			a[4];
	size_t			off;

	put32(a, p->p_local);
	id.id_type = IPSEC_ID_IPV4_ADDR;
	id.id_proto = 17;
	id.id_port = ISAKMP_PORT;
	id.id_data = a;
	id.id_len = 4;
	off = b->ib_len + ISAKMP_GEN_LEN;
	isakmp_build_id(b, &id);
	return off;
}

static void
dbg_id(struct ike_p1 *p, uint8_t next, uint32_t addr, unsigned len)
{
	char	a[16];

	ip4_text(addr, a);
	ike_debug_sp(p->p_c, p->p_dbg, " ID payload");
	ike_debug_text(p->p_c, "        next-payload : %u", next);
	ike_debug_text(p->p_c, "        type         : 1");
	ike_debug_text(p->p_c, "        address      : %s", a);
	ike_debug_text(p->p_c, "        protocol     : 17");
	ike_debug_text(p->p_c, "        port         : 500");
	ike_debug_text(p->p_c, "        length       : %u", len);
}

/* ---- Keys. ---- */

static bool
derive(struct ike_p1 *p)
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
	if (ok)
		p->p_dbg = p->p_sa->is_connid;
	return ok;
}

/* The negotiated suite, as show crypto isakmp sa detail names it. */
static void
set_suite(struct ike_p1 *p, const struct ike_p1_sel *sel)
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
	su->su_auth = "psk";
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
/* A retired SA with Quick Modes in flight: looked at again in. */
#define P1_RETIRE_POLL_MS 1000

/* Any IPsec SA up with P's peer. */
static bool
peer_has_ipsec(struct ike_p1 *p)
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
static bool
peer_known(struct ike_p1 *p)
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
	return peer_has_ipsec(p);
}

static void
soft_expired(void *arg)
{
	struct ike_p1	*p = arg;

	p->p_soft_timer = NULL;
	if (!p->p_replaced && peer_has_ipsec(p))
		ike_mm_rekey(p);
}

static void
retire_poll(void *arg)
{
	struct ike_p1	*p = arg;

	p->p_retire_timer = NULL;
	ike_p1_retire(p);
}

void
ike_p1_retire(struct ike_p1 *p)
{
	uint8_t	spi[16];

	if (p->p_qms != NULL) {
		if (p->p_retire_timer == NULL)
			p->p_retire_timer = evloop_timer_add(
			    p->p_c->c_sys->sy_loop, P1_RETIRE_POLL_MS,
			    retire_poll, p);
		return;
	}
	memcpy(spi, p->p_sa->is_icookie, 8);
	memcpy(spi + 8, p->p_sa->is_rcookie, 8);
	ike_delete_notify(p, ISAKMP_PROTO_ISAKMP, spi, 16);
	ike_p1_free(p);
}

/* P, a successor, is up: its predecessors go. */
static void
retire_predecessors(struct ike_p1 *p)
{
	struct sadb_peer	*pe;
	struct isakmp_sa	*is, *next;
	struct ike_p1		*o;

	if ((pe = sadb_peer_find(&p->p_c->c_sadb, &p->p_sa->is_remote)) ==
	    NULL)
		return;
	for (is = TAILQ_FIRST(&pe->pe_isakmp); is != NULL; is = next) {
		next = TAILQ_NEXT(is, is_pentry);
		if ((o = is->is_engine) != NULL && o != p && o->p_replaced &&
		    o->p_state == FSM_P1_COMPLETE)
			ike_p1_retire(o);
	}
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
static void
p1_complete(struct ike_p1 *p, enum ike_fsm from)
{
	p->p_sa->is_state = ISK_QM_IDLE;
	p->p_sa->is_up_ms = clock_mono_ms();
	if (p->p_dpd)
		p->p_sa->is_caps |= ISK_CAP_DPD;
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", from,
	    FSM_P1_COMPLETE);
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

static const struct isakmp_pld *
find(const struct isakmp_msg *m, uint8_t type)
{
	int	i = isakmp_msg_find(m, type, -1);

	return i < 0 ? NULL : &m->im_pld[i];
}

static void
read_vids(struct ike_p1 *p, const struct isakmp_msg *m)
{
	unsigned	i;

	for (i = 0; i < m->im_npld; i++)
		if (m->im_pld[i].pl_type == ISAKMP_PL_VID)
			ike_vid_read(p, &m->im_pld[i]);
}

/* The transform the SA payload SA chose, against our policies. */
static bool
choose(struct ike_p1 *p, const struct isakmp_pld *sa, struct ike_p1_sel *sel)
{
	struct isakmp_sa_pl	sp;
	struct isakmp_iter	it;
	struct isakmp_prop	pr;

	if (isakmp_sa_parse(sa, &sp) != ISAKMP_OK)
		return false;
	isakmp_sa_props(&sp, &it);
	if (!isakmp_prop_next(&it, &pr) || pr.pr_proto != ISAKMP_PROTO_ISAKMP)
		return false;
	return ike_p1_select(p->p_c, p->p_dbg, &pr, sel);
}

static bool
ke_take(struct ike_p1 *p, const struct isakmp_pld *pl, uint8_t *dst)
{
	if (pl == NULL || pl->pl_bodylen != p->p_glen)
		return false;
	memcpy(dst, pl->pl_body, p->p_glen);
	return true;
}

/* ID and HASH of MM5/MM6: the peer proves it knows the key. */
static bool
auth_check(struct ike_p1 *p, const struct isakmp_msg *m)
{
	const struct isakmp_pld	*id = find(m, ISAKMP_PL_ID);
	const struct isakmp_pld	*h = find(m, ISAKMP_PL_HASH);
	struct isakmp_id	 idv;
	uint8_t			 want[IKE_PRF_MAX];
	size_t			 hl = ike_hash_len(p->p_hash);
	int			 rc;

	if (id == NULL || h == NULL || isakmp_id_parse(id, &idv) != ISAKMP_OK)
		return false;
	ike_debug(p->p_c, p->p_dbg, " processing ID payload. message ID = 0");
	if (idv.id_type == IPSEC_ID_IPV4_ADDR && idv.id_len == 4)
		dbg_id(p, id->pl_next, get32(idv.id_data),
		    (unsigned)id->pl_len);
	if (p->p_sa->is_initiator)
		ike_debug(p->p_c, 0, ": peer matches *none* of the profiles");
	else if (!ike_profile_choose(p, idv.id_type == IPSEC_ID_IPV4_ADDR &&
	    idv.id_len == 4, idv.id_len == 4 ? get32(idv.id_data) : 0)) {
		/* Its profile's keyring has no key for it. */
		ike_debug(p->p_c, p->p_dbg, "SA authentication status:");
		ike_debug_text(p->p_c, "        not authenticated");
		return false;
	}
	ike_debug(p->p_c, p->p_dbg, " processing HASH payload. message ID = "
	    "0");
	if (p->p_sa->is_initiator)
		rc = ike_hash_r(&p->p_keys, p->p_gxi, p->p_gxr, p->p_glen,
		    p->p_sa->is_icookie, p->p_sa->is_rcookie, p->p_sai,
		    p->p_sailen, id->pl_body, id->pl_bodylen, want);
	else
		rc = ike_hash_i(&p->p_keys, p->p_gxi, p->p_gxr, p->p_glen,
		    p->p_sa->is_icookie, p->p_sa->is_rcookie, p->p_sai,
		    p->p_sailen, id->pl_body, id->pl_bodylen, want);
	if (rc != 0 || h->pl_bodylen != hl ||
	    CRYPTO_memcmp(want, h->pl_body, hl) != 0) {
		ike_debug(p->p_c, p->p_dbg, "SA authentication status:");
		ike_debug_text(p->p_c, "        not authenticated");
		return false;
	}
	ike_debug(p->p_c, p->p_dbg, "SA authentication status:");
	ike_debug_text(p->p_c, "        authenticated");
	return true;
}

/* Decrypt MM5/MM6, or say what IOS says of a message it cannot read
 * (a wrong pre-shared key gives the peer other keys). */
static bool
open_msg(struct ike_p1 *p, const struct isakmp_msg *m, uint8_t *plain,
    struct isakmp_msg *pm)
{
	uint8_t	iv[16];
	char	peer[16];

	/* The IV moves on only with a message that reads well: a forged
	 * or garbled one must not spoil the real one that follows. */
	memcpy(iv, p->p_iv, sizeof(iv));
	if (m->im_encrypted && m->im_bodylen <= IKE_MSG_MAX &&
	    ike_decrypt_msg(p, m, plain, pm, iv) &&
	    find(pm, ISAKMP_PL_ID) != NULL && find(pm, ISAKMP_PL_HASH) != NULL) {
		memcpy(p->p_iv, iv, sizeof(iv));
		return true;
	}
	ip4_text(p->p_peer, peer);
	sys_log(p->p_c->c_sys, "CRYPTO", 4, "IKMP_BAD_MESSAGE", "IKE message "
	    "from %s failed its sanity check or is malformed", peer);
	return false;
}

/* MM5 (initiator) or MM6 (responder): ID and HASH, encrypted. */
static bool
send_auth(struct ike_p1 *p, bool initial_contact)
{
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	struct isakmp_notify	 n;
	uint8_t			 msg[IKE_MSG_MAX], hv[IKE_PRF_MAX];
	size_t			 idoff, idlen, len;
	int			 rc;

	hdr(p, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	idoff = build_id(p, &b);
	idlen = b.ib_len - idoff;
	if (p->p_sa->is_initiator)
		rc = ike_hash_i(&p->p_keys, p->p_gxi, p->p_gxr, p->p_glen,
		    p->p_sa->is_icookie, p->p_sa->is_rcookie, p->p_sai,
		    p->p_sailen, msg + idoff, idlen, hv);
	else
		rc = ike_hash_r(&p->p_keys, p->p_gxi, p->p_gxr, p->p_glen,
		    p->p_sa->is_icookie, p->p_sa->is_rcookie, p->p_sai,
		    p->p_sailen, msg + idoff, idlen, hv);
	if (rc != 0)
		return false;
	isakmp_build_payload(&b, ISAKMP_PL_HASH, hv, ike_hash_len(p->p_hash));
	if (initial_contact) {
		memset(&n, 0, sizeof(n));
		n.n_doi = ISAKMP_DOI_IPSEC;
		n.n_proto = ISAKMP_PROTO_ISAKMP;
		n.n_spisize = 16;
		n.n_type = IPSEC_N_INITIAL_CONTACT;
		n.n_spi = msg;		/* the two cookies */
		isakmp_build_notify(&b, &n);
	}
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK)
		return false;
	ike_debug(p->p_c, p->p_dbg, "SA is doing pre-shared key "
	    "authentication using id type ID_IPV4_ADDR");
	dbg_id(p, ISAKMP_PL_HASH, p->p_local, (unsigned)(idlen +
	    ISAKMP_GEN_LEN));
	ike_debug(p->p_c, p->p_dbg, "Total payload length: %u",
	    (unsigned)(idlen + ISAKMP_GEN_LEN));
	if ((len = ike_encrypt_msg(p, msg, len, sizeof(msg), p->p_iv)) == 0)
		return false;
	ike_send(p, &p->p_tx, msg, len, "MM_KEY_EXCH", p->p_sa->is_initiator);
	return true;
}

/* MM3 (initiator) or MM4 (responder): KE, NONCE, VIDs, NAT-D. */
static bool
send_ke(struct ike_p1 *p, const char *state)
{
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	uint8_t			 msg[IKE_MSG_MAX];
	size_t			 len;

	hdr(p, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	if (p->p_sa->is_initiator)
		build_ke_nonce(p, &b, p->p_gxi, p->p_ni, p->p_nilen);
	else
		build_ke_nonce(p, &b, p->p_gxr, p->p_nr, p->p_nrlen);
	ike_vid_build(p->p_c, p->p_dbg, &b, false, false, true);
	if (p->p_natt)
		ike_natd_build(p, &b);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK)
		return false;
	/* Both sides retransmit until the next message comes (or die). */
	ike_send(p, &p->p_tx, msg, len, state, true);
	return true;
}

/* A fresh DH pair and nonce for our side. */
static bool
make_ke(struct ike_p1 *p)
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

/* ---- Initiator. ---- */

/* MM1 to RQ's peer; the phase-1 state, or NULL if it failed at once. */
static struct ike_p1 *
mm_begin(struct crypto *c, const struct ike_request *rq)
{
	struct ike_p1		*p;
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	uint8_t			 msg[IKE_MSG_MAX], icookie[8];
	char			 peer[16];
	size_t			 len, saoff;

	ike_random(icookie, sizeof(icookie));
	ip4_text(rq->rq_peer, peer);
	ike_debug(c, 0, " SA request profile is (NULL)");
	p = ike_p1_new(c, rq->rq_local, rq->rq_peer, icookie, true);
	p->p_req = *rq;
	p->p_has_req = true;
	snprintf(p->p_sa->is_ifname, sizeof(p->p_sa->is_ifname), "%s",
	    rq->rq_ifname);
	dbg_peer(p, "isakmp_initiator");
	ike_debug_raw(c, " set new node 0 to QM_IDLE");
	ike_debug_raw(c, " Find a dup sa in the avl tree during calling "
	    "isadb_insert sa = %08X", (unsigned)(uintptr_t)p->p_sa);
	ike_debug(c, 0, "Can not start Aggressive mode, trying Main mode.");
	if ((p->p_psk = ike_psk_copy(c, rq->rq_peer)) == NULL) {
		ike_debug(c, 0, "No pre-shared key with %s!", peer);
		ike_p1_fail(p, "No pre-shared key");
		return NULL;
	}
	dbg_psk(p);
	hdr(p, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	saoff = b.ib_len + ISAKMP_GEN_LEN;
	build_sa_offer(c, &b);
	keep_sai(p, msg + saoff, b.ib_len - saoff);
	ike_vid_build(c, 0, &b, true, false, false);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return NULL;
	}
	ike_dbg_fsm(p, "IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM", FSM_READY,
	    FSM_I_MM1);
	p->p_state = FSM_I_MM1;
	ike_debug(c, 0, " beginning Main Mode exchange");
	ike_send(p, &p->p_tx, msg, len, "MM_NO_STATE", true);
	return p;
}

void
ike_mm_initiate(struct crypto *c, const struct ike_request *rq)
{
	(void)mm_begin(c, rq);
}

/*
 * Phase 1 rekey: a new ISAKMP SA with P's peer before P's lifetime ends
 * (no Quick Mode after it, no INITIAL-CONTACT: the IPsec SAs stay).  New
 * exchanges use it once it is up, and P is retired then.
 */
void
ike_mm_rekey(struct ike_p1 *old)
{
	struct ike_request	 rq;
	struct ike_p1		*p;

	memset(&rq, 0, sizeof(rq));
	rq.rq_local = old->p_local;
	rq.rq_peer = old->p_peer;
	snprintf(rq.rq_ifname, sizeof(rq.rq_ifname), "%s",
	    old->p_sa->is_ifname);
	old->p_replaced = true;
	if ((p = mm_begin(old->p_c, &rq)) == NULL)
		return;
	p->p_has_req = false;
	p->p_rekey = true;
}

static void
i_mm2(struct ike_p1 *p, const struct isakmp_msg *m)
{
	const struct isakmp_pld	*sa = find(m, ISAKMP_PL_SA);
	struct ike_p1_sel	 sel;

	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_I_MM1, FSM_I_MM2);
	memcpy(p->p_sa->is_rcookie, m->im_hdr.ih_rcookie, 8);
	ike_debug(p->p_c, 0, " processing SA payload. message ID = 0");
	read_vids(p, m);
	dbg_psk(p);
	ike_debug(p->p_c, 0, " local preshared key found");
	ike_debug_text(p->p_c, "ISAKMP : Scanning profiles for xauth ...");
	if (sa == NULL || !choose(p, sa, &sel)) {
		ike_debug(p->p_c, 0, "no offers accepted!");
		ike_p1_fail(p, "Phase1 SA policy proposal not accepted");
		return;
	}
	set_suite(p, &sel);
	read_vids(p, m);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_I_MM2,
	    FSM_I_MM2);
	if (!make_ke(p) || !send_ke(p, "MM_SA_SETUP")) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return;
	}
	p->p_sa->is_state = ISK_MM_SA_SETUP;
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", FSM_I_MM2,
	    FSM_I_MM3);
	p->p_state = FSM_I_MM3;
}

/*
 * The peer's KE and NONCE (MM3 for the responder, MM4 for the
 * initiator), then the keys; false (and the SA gone) if they do not do.
 */
static bool
take_ke_nonce(struct ike_p1 *p, const struct isakmp_msg *m)
{
	bool	ini = p->p_sa->is_initiator;

	ike_debug(p->p_c, p->p_dbg, " processing KE payload. message ID = 0");
	if (!ke_take(p, find(m, ISAKMP_PL_KE), ini ? p->p_gxr : p->p_gxi)) {
		ike_p1_fail(p, "Bad KE payload");
		return false;
	}
	ike_debug(p->p_c, p->p_dbg, " processing NONCE payload. message ID = "
	    "0");
	if (!ike_take_nonce(find(m, ISAKMP_PL_NONCE), ini ? p->p_nr : p->p_ni,
	    ini ? &p->p_nrlen : &p->p_nilen)) {
		ike_p1_fail(p, "Bad NONCE payload");
		return false;
	}
	dbg_psk(p);
	/* The responder makes its own pair only now, knowing the group. */
	if ((!ini && !make_ke(p)) || !derive(p)) {
		ike_p1_fail(p, "Key derivation failed");
		return false;
	}
	return true;
}

static void
i_mm4(struct ike_p1 *p, const struct isakmp_msg *m)
{
	bool	ic;

	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_I_MM3, FSM_I_MM4);
	if (!take_ke_nonce(p, m))
		return;
	read_vids(p, m);
	ike_natd_check(p, m);
	/* A NAT on the way (or a peer that says so): on to 4500. */
	if (p->p_natt && (p->p_sa->is_caps & ISK_CAP_NATT)) {
		p->p_sa->is_lport = p->p_sa->is_rport = ISAKMP_NATT_PORT;
		p->p_float = true;
	}
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_I_MM4,
	    FSM_I_MM4);
	ic = !p->p_rekey && !peer_known(p);
	if (ic)
		ike_debug(p->p_c, p->p_dbg, "Send initial contact");
	if (!send_auth(p, ic)) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return;
	}
	p->p_sa->is_state = ISK_MM_KEY_EXCH;
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", FSM_I_MM4,
	    FSM_I_MM5);
	p->p_state = FSM_I_MM5;
}

static void
i_mm6(struct ike_p1 *p, const struct isakmp_msg *m, uint8_t *plain)
{
	struct isakmp_msg	pm;
	char			local[16], peer[16];
	struct ike_request	rq;

	if (!open_msg(p, m, plain, &pm))
		return;		/* our retransmission goes on */
	if (!auth_check(p, &pm)) {
		ike_p1_fail(p, "Authentication failed");
		return;
	}
	ip4_text(p->p_local, local);
	ip4_text(p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "SA has been authenticated with %s", peer);
	ike_debug_raw(p->p_c, " Trying to insert a peer %s/%s/500/,  and "
	    "inserted successfully %08X.", local, peer,
	    (unsigned)(uintptr_t)p);
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_I_MM5, FSM_I_MM6);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_I_MM6,
	    FSM_I_MM6);
	p1_complete(p, FSM_I_MM6);
	if (p->p_rekey)
		retire_predecessors(p);
	if (p->p_has_req) {
		rq = p->p_req;
		p->p_has_req = false;
		ike_qm_initiate(p, &rq);
	}
}

/* ---- Responder. ---- */

void
ike_mm_respond(struct crypto *c, uint32_t local, uint32_t peer,
    const struct isakmp_msg *m, const uint8_t *raw, size_t len)
{
	const struct isakmp_pld	*sa = find(m, ISAKMP_PL_SA);
	struct ike_p1		*p;
	struct ike_p1_sel	 sel;
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	struct isakmp_attr	 at;
	struct isakmp_iter	 it;
	struct isakmp_notify	 n;
	uint8_t			 msg[IKE_MSG_MAX];
	char			 a[16], l[16];
	size_t			 out;

	p = ike_p1_new(c, local, peer, m->im_hdr.ih_icookie, false);
	ike_random(p->p_sa->is_rcookie, 8);
	(void)raw;
	(void)len;
	dbg_peer(p, "crypto_isakmp_process_block");
	ike_debug(c, 0, "insert sa successfully sa = %08X",
	    (unsigned)(uintptr_t)p->p_sa);
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_READY, FSM_R_MM1);
	p->p_state = FSM_R_MM1;
	ike_debug(c, 0, " processing SA payload. message ID = 0");
	read_vids(p, m);
	ip4_text(peer, a);
	ip4_text(local, l);
	if ((p->p_psk = ike_psk_copy(c, peer)) != NULL) {
		dbg_psk(p);
		ike_debug(c, 0, " local preshared key found");
	}
	ike_debug_text(c, "ISAKMP : Scanning profiles for xauth ...");
	if (sa == NULL || p->p_psk == NULL || !choose(p, sa, &sel)) {
		ike_debug(c, 0, "no offers accepted!");
		ike_debug(c, 0, " phase 1 SA policy not acceptable! (local %s "
		    "remote %s)", l, a);
		memset(&n, 0, sizeof(n));
		n.n_doi = ISAKMP_DOI_IPSEC;
		n.n_proto = ISAKMP_PROTO_ISAKMP;
		n.n_type = ISAKMP_N_NO_PROPOSAL_CHOSEN;
		ike_notify(p, n.n_type, n.n_proto, NULL, 0);
		sys_log(c->c_sys, "CRYPTO", 6, "IKMP_MODE_FAILURE", "Processing "
		    "of Main mode failed with peer at %s", a);
		ike_p1_fail(p, "Phase1 SA policy proposal not accepted");
		return;
	}
	set_suite(p, &sel);
	keep_sai(p, sa->pl_body, sa->pl_bodylen);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_R_MM1,
	    FSM_R_MM1);

	/* MM2: the proposal with the one transform accepted, as offered. */
	hdr(p, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	isakmp_build_sa_begin(&b, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(&b, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	isakmp_build_xf_begin(&b, sel.ps_xf.xf_no, sel.ps_xf.xf_id);
	isakmp_xf_attrs(&sel.ps_xf, &it);
	while (isakmp_attr_next(&it, &at))
		isakmp_build_attr(&b, &at);
	isakmp_build_end(&b);
	isakmp_build_end(&b);
	isakmp_build_end(&b);
	ike_vid_build(c, 0, &b, false, p->p_natt, false);
	if (isakmp_build_finish(&b, &out) != ISAKMP_OK) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return;
	}
	p->p_sa->is_state = ISK_MM_SA_SETUP;
	ike_send(p, &p->p_tx, msg, out, "MM_SA_SETUP", true);
	/* A retransmitted MM1 gets this MM2 again (ike.c: duplicate). */
	(void)ike_tx_note_rx(p, &p->p_tx, raw, len);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", FSM_R_MM1,
	    FSM_R_MM2);
	p->p_state = FSM_R_MM2;
}

static void
r_mm3(struct ike_p1 *p, const struct isakmp_msg *m)
{
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_R_MM2, FSM_R_MM3);
	if (!take_ke_nonce(p, m))
		return;
	read_vids(p, m);
	ike_natd_check(p, m);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_R_MM3,
	    FSM_R_MM3);
	if (!send_ke(p, "MM_KEY_EXCH")) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return;
	}
	p->p_sa->is_state = ISK_MM_KEY_EXCH;
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", FSM_R_MM3,
	    FSM_R_MM4);
	p->p_state = FSM_R_MM4;
}

static void
r_mm5(struct ike_p1 *p, const struct isakmp_msg *m, uint8_t *plain)
{
	struct isakmp_msg	pm;
	char			local[16], peer[16];

	if (!open_msg(p, m, plain, &pm))
		return;
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_R_MM4, FSM_R_MM5);
	if (!auth_check(p, &pm)) {
		ike_p1_fail(p, "Authentication failed");
		return;
	}
	ip4_text(p->p_local, local);
	ip4_text(p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "SA has been authenticated with %s", peer);
	if (find(&pm, ISAKMP_PL_NOTIFY) != NULL)
		ike_initial_contact(p);
	ike_debug_raw(p->p_c, " Trying to insert a peer %s/%s/500/,  and "
	    "inserted successfully %08X.", local, peer,
	    (unsigned)(uintptr_t)p);
	if (!send_auth(p, false)) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return;
	}
	p1_complete(p, FSM_R_MM5);
}

void
ike_mm_input(struct ike_p1 *p, const struct isakmp_msg *m, const uint8_t *raw,
    size_t len)
{
	/* MM5/MM6 decrypted (the identity and its hash), wiped after. */
	uint8_t	plain[IKE_MSG_MAX];

	(void)raw;
	(void)len;
	switch (p->p_state) {
	case FSM_I_MM1:
		i_mm2(p, m);
		break;
	case FSM_I_MM3:
		i_mm4(p, m);
		break;
	case FSM_I_MM5:
		i_mm6(p, m, plain);
		break;
	case FSM_R_MM2:
		r_mm3(p, m);
		break;
	case FSM_R_MM4:
		r_mm5(p, m, plain);
		break;
	default:
		break;
	}
	OPENSSL_cleanse(plain, sizeof(plain));
}
