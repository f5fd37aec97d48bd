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
/* A retired SA with Quick Modes in flight: looked at again in. */
#define P1_RETIRE_POLL_MS 1000


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



static bool
is_name_id(const struct isakmp_id *id)
{
	return (id->id_type == IPSEC_ID_FQDN ||
	    id->id_type == IPSEC_ID_USER_FQDN) && id->id_len > 0 &&
	    id->id_len <= IKE_PEER_ID_MAX;
}

/* A peer that names itself (ID_FQDN, ID_USER_FQDN): its ID block, and
 * its profile by `match identity host|user` (issue 15). */
static bool
mm_choose_name(struct ike_p1 *p, const struct isakmp_pld *pl,
    const struct isakmp_id *id)
{
	char	name[IKE_PEER_ID_MAX + 1];

	memcpy(name, id->id_data, id->id_len);
	name[id->id_len] = '\0';
	ike_dbg_id_name(p, pl->pl_next, id->id_type, name,
	    (unsigned)pl->pl_len);
	return ike_profile_choose_name(p, id->id_type, name);
}

/* ID and HASH of MM5/MM6: the peer proves it knows the key. */
static bool
auth_check(struct ike_p1 *p, const struct isakmp_msg *m)
{
	const struct isakmp_pld	*id = ike_pld_find(m, ISAKMP_PL_ID);
	const struct isakmp_pld	*h = ike_pld_find(m, ISAKMP_PL_HASH);
	struct isakmp_id	 idv;
	struct sa_addr		 ida;
	bool			 is_addr;
	uint8_t			 want[IKE_PRF_MAX];
	size_t			 hl = ike_hash_len(p->p_hash);
	int			 rc;

	if (id == NULL || h == NULL || isakmp_id_parse(id, &idv) != ISAKMP_OK)
		return false;
	ike_debug(p->p_c, p->p_dbg, " processing ID payload. message ID = 0");
	is_addr = ike_id_addr(&idv, &ida);
	if (is_addr)
		ike_dbg_id(p, id->pl_next, &ida, (unsigned)id->pl_len);
	if (p->p_sa->is_initiator)
		ike_dbg_no_profile(p);
	else if (is_name_id(&idv)) {
		if (!mm_choose_name(p, id, &idv)) {
			ike_dbg_auth(p, false);
			return false;
		}
	} else if (!ike_profile_choose(p, is_addr, &ida)) {
		/* Its profile's keyring has no key for it. */
		ike_dbg_auth(p, false);
		return false;
	}
	ike_debug(p->p_c, p->p_dbg, " processing HASH payload. message ID = "
	    "0");
	/* 15.2's responder reads MM5's INITIAL-CONTACT here (seed 003). */
	if (!p->p_sa->is_initiator && !ike_debug_v12(p->p_c) &&
	    ike_pld_find(m, ISAKMP_PL_NOTIFY) != NULL) {
		ike_debug(p->p_c, p->p_dbg, " processing NOTIFY INITIAL_CONTACT "
		    "protocol 1");
		ike_debug_text(p->p_c, "        spi 0, message ID = 0, sa = "
		    "0x%X", ike_dbg_obj_id(p, IKE_OBJ_SA));
	}
	ike_dbg_hmac(p);
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
		ike_dbg_auth(p, false);
		return false;
	}
	ike_dbg_auth(p, true);
	return true;
}

/* Decrypt MM5/MM6, or say what IOS says of a message it cannot read
 * (a wrong pre-shared key gives the peer other keys). */
static bool
open_msg(struct ike_p1 *p, const struct isakmp_msg *m, uint8_t *plain,
    struct isakmp_msg *pm)
{
	uint8_t	iv[16];
	char	peer[SA_TEXT_LEN];

	/* The IV moves on only with a message that reads well: a forged
	 * or garbled one must not spoil the real one that follows. */
	memcpy(iv, p->p_iv, sizeof(iv));
	if (m->im_encrypted && m->im_bodylen <= IKE_MSG_MAX &&
	    ike_decrypt_msg(p, m, plain, pm, iv) &&
	    ike_pld_find(pm, ISAKMP_PL_ID) != NULL && ike_pld_find(pm, ISAKMP_PL_HASH) != NULL) {
		memcpy(p->p_iv, iv, sizeof(iv));
		return true;
	}
	sa_text(&p->p_peer, peer);
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

	ike_p1_hdr(p, &h, ISAKMP_XCHG_IDPROT);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	idoff = ike_p1_build_id(p, &b);
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
	    "authentication using id type %s", ike_p1_id_type_text(p));
	ike_dbg_own_id(p, ISAKMP_PL_HASH, (unsigned)(idlen +
	    ISAKMP_GEN_LEN));
	ike_debug12(p->p_c, p->p_dbg, IKE_DBG12_SHORT,
	    "Total payload length: %u", (unsigned)(idlen + ISAKMP_GEN_LEN));
	ike_dbg_hmac(p);
	if ((len = ike_encrypt_msg(p, msg, len, sizeof(msg), p->p_iv)) == 0)
		return false;
	ike_send(p, &p->p_tx, msg, len, "MM_KEY_EXCH", p->p_sa->is_initiator);
	return true;
}

/* MM3 (initiator) or MM4 (responder): KE, NONCE, VIDs, NAT-D (ND's if
 * the responder's MM3 check made them, else made here). */
static bool
send_ke(struct ike_p1 *p, const char *state, struct ike_natd *nd)
{
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	uint8_t			 msg[IKE_MSG_MAX];
	size_t			 len;

	ike_p1_hdr(p, &h, ISAKMP_XCHG_IDPROT);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	if (p->p_sa->is_initiator)
		ike_p1_build_ke_nonce(p, &b, p->p_gxi, p->p_ni, p->p_nilen);
	else
		ike_p1_build_ke_nonce(p, &b, p->p_gxr, p->p_nr, p->p_nrlen);
	ike_vid_build(p->p_c, p->p_dbg, &b, false, false, true);
	if (p->p_natt)
		ike_natd_build(p, &b, nd);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK)
		return false;
	/* Both sides retransmit until the next message comes (or die). */
	ike_send(p, &p->p_tx, msg, len, state, true);
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
	char			 peer[SA_TEXT_LEN];
	size_t			 len, saoff;

	ike_random(icookie, sizeof(icookie));
	sa_text(&rq->rq_peer, peer);
	ike_debug(c, 0, " SA request profile is (NULL)");
	p = ike_p1_new(c, &rq->rq_local, &rq->rq_peer, icookie, true);
	p->p_req = *rq;
	p->p_has_req = true;
	snprintf(p->p_sa->is_ifname, sizeof(p->p_sa->is_ifname), "%s",
	    rq->rq_ifname);
	ike_dbg_peer(p, "isakmp_initiator");
	ike_debug_raw(c, " set new node 0 to QM_IDLE");
	ike_debug_raw(c, " Find a dup sa in the avl tree during calling "
	    "isadb_insert sa = %08X", ike_dbg_obj_id(p, IKE_OBJ_SA));
	ike_debug(c, 0, "Can not start Aggressive mode, trying Main mode.");
	if ((p->p_psk = ike_psk_copy(c, &rq->rq_local, &rq->rq_peer)) == NULL) {
		ike_debug(c, 0, "No pre-shared key with %s!", peer);
		ike_p1_fail(p, "No pre-shared key");
		return NULL;
	}
	ike_dbg_psk(p);
	ike_p1_hdr(p, &h, ISAKMP_XCHG_IDPROT);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	saoff = b.ib_len + ISAKMP_GEN_LEN;
	ike_p1_build_offer(c, &b, 0);
	ike_p1_keep_sai(p, msg + saoff, b.ib_len - saoff);
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
	const struct isakmp_pld	*sa = ike_pld_find(m, ISAKMP_PL_SA);
	struct ike_p1_sel	 sel;

	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_I_MM1, FSM_I_MM2);
	memcpy(p->p_sa->is_rcookie, m->im_hdr.ih_rcookie, 8);
	ike_debug(p->p_c, p->p_dbg, " processing SA payload. message ID = 0");
	ike_read_vids(p, m);
	ike_dbg_psk(p);
	ike_debug12(p->p_c, p->p_dbg, IKE_DBG12_NOCOLON,
	    " local preshared key found");
	ike_dbg_scan_profiles(p);
	if (sa == NULL || !ike_p1_choose(p, sa, &sel)) {
		ike_debug(p->p_c, p->p_dbg, "no offers accepted!");
		ike_p1_fail(p, "Phase1 SA policy proposal not accepted");
		return;
	}
	ike_p1_set_suite(p, &sel);
	ike_read_vids(p, m);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_I_MM2,
	    FSM_I_MM2);
	if (!ike_p1_make_ke(p) || !send_ke(p, "MM_SA_SETUP", NULL)) {
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
	if (!ike_p1_ke_take(p, ike_pld_find(m, ISAKMP_PL_KE), ini ? p->p_gxr : p->p_gxi)) {
		ike_p1_fail(p, "Bad KE payload");
		return false;
	}
	ike_debug(p->p_c, p->p_dbg, " processing NONCE payload. message ID = "
	    "0");
	if (!ike_take_nonce(ike_pld_find(m, ISAKMP_PL_NONCE), ini ? p->p_nr : p->p_ni,
	    ini ? &p->p_nrlen : &p->p_nilen)) {
		ike_p1_fail(p, "Bad NONCE payload");
		return false;
	}
	ike_dbg_psk(p);
	/* The responder makes its own pair only now, knowing the group.
	 * Its keys are not needed before MM5: MM4 goes first, so that the
	 * two sides' Diffie-Hellman run at once, not one after the other. */
	if (!ini && !ike_p1_make_ke(p)) {
		ike_p1_fail(p, "Key derivation failed");
		return false;
	}
	if (!ini && ike_p1_keys_owe(p))
		return true;
	if (!ike_p1_derive(p)) {
		ike_p1_fail(p, "Key derivation failed");
		return false;
	}
	/* 12.x says so in Main Mode too (seed 002's hub), 15.x only in
	 * Aggressive Mode (seed 001). */
	if (ike_debug_v12(p->p_c))
		ike_debug(p->p_c, p->p_dbg, "SKEYID state generated");
	return true;
}

static void
i_mm4(struct ike_p1 *p, const struct isakmp_msg *m)
{
	bool	ic;

	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_I_MM3, FSM_I_MM4);
	if (!take_ke_nonce(p, m))
		return;
	ike_read_vids(p, m);
	ike_natd_check(p, m, NULL);
	/* A NAT on the way (or a peer that says so): on to 4500. */
	if (p->p_natt && (p->p_sa->is_caps & ISK_CAP_NATT)) {
		p->p_sa->is_lport = p->p_sa->is_rport = ISAKMP_NATT_PORT;
		p->p_float = true;
	}
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_I_MM4,
	    FSM_I_MM4);
	ic = !p->p_rekey && !ike_peer_known(p);
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
	char			peer[SA_TEXT_LEN];
	struct ike_request	rq;

	if (!open_msg(p, m, plain, &pm))
		return;		/* our retransmission goes on */
	if (!auth_check(p, &pm)) {
		ike_p1_fail(p, "Authentication failed");
		return;
	}
	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "SA has been authenticated with %s", peer);
	ike_dbg_peer_insert(p);
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_I_MM5, FSM_I_MM6);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_I_MM6,
	    FSM_I_MM6);
	ike_p1_complete(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE",
	    FSM_I_MM6);
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
ike_mm_respond(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer, uint16_t rport, const struct isakmp_msg *m,
    const uint8_t *raw, size_t len)
{
	const struct isakmp_pld	*sa = ike_pld_find(m, ISAKMP_PL_SA);
	struct ike_p1		*p;
	struct ike_p1_sel	 sel;
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	struct isakmp_notify	 n;
	uint8_t			 msg[IKE_MSG_MAX];
	char			 a[SA_TEXT_LEN], l[SA_TEXT_LEN];
	size_t			 out;

	p = ike_p1_new(c, local, peer, m->im_hdr.ih_icookie, false);
	p->p_sa->is_rport = rport;
	ike_random(p->p_sa->is_rcookie, 8);
	ike_dbg_peer(p, "crypto_isakmp_process_block");
	ike_debug12(c, p->p_dbg, IKE_DBG12_BARE,
	    "insert sa successfully sa = %08X",
	    ike_dbg_obj_id(p, IKE_OBJ_SA));
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_READY, FSM_R_MM1);
	p->p_state = FSM_R_MM1;
	ike_debug(c, p->p_dbg, " processing SA payload. message ID = 0");
	ike_read_vids(p, m);
	sa_text(peer, a);
	sa_text(local, l);
	if ((p->p_psk = ike_psk_copy(c, local, peer)) != NULL) {
		ike_dbg_psk(p);
		ike_debug12(c, p->p_dbg, IKE_DBG12_NOCOLON,
		    " local preshared key found");
	}
	ike_dbg_scan_profiles(p);
	if (sa == NULL || p->p_psk == NULL || !ike_p1_choose(p, sa, &sel)) {
		ike_debug(c, p->p_dbg, "no offers accepted!");
		ike_debug(c, p->p_dbg, " phase 1 SA policy not acceptable! "
		    "(local %s remote %s)", l, a);
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
	ike_p1_set_suite(p, &sel);
	ike_p1_keep_sai(p, sa->pl_body, sa->pl_bodylen);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_R_MM1,
	    FSM_R_MM1);

	/* MM2: the proposal with the one transform accepted, as offered. */
	ike_p1_hdr(p, &h, ISAKMP_XCHG_IDPROT);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	ike_p1_build_sa_reply(&b, &sel);
	ike_vid_build(c, p->p_dbg, &b, false, p->p_natt, false);
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
	struct ike_natd	nd;

	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_R_MM2, FSM_R_MM3);
	if (!take_ke_nonce(p, m))
		return;
	ike_read_vids(p, m);
	memset(&nd, 0, sizeof(nd));
	ike_natd_check(p, m, &nd);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_R_MM3,
	    FSM_R_MM3);
	if (!send_ke(p, "MM_KEY_EXCH", &nd)) {
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
	char			peer[SA_TEXT_LEN];
	bool			ic;

	if (!open_msg(p, m, plain, &pm))
		return;
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", FSM_R_MM4, FSM_R_MM5);
	if (!auth_check(p, &pm)) {
		ike_p1_fail(p, "Authentication failed");
		return;
	}
	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "SA has been authenticated with %s", peer);
	ic = ike_pld_find(&pm, ISAKMP_PL_NOTIFY) != NULL;
	/* 15.2 says the verdict again before the initial contact, and its
	 * key engine takes the message that brings the old SAs down
	 * (seed 003's responder). */
	if (ic && !ike_debug_v12(p->p_c))
		ike_dbg_auth(p, true);
	if (ic)
		ike_initial_contact(p);
	ike_dbg_peer_insert(p);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", FSM_R_MM5,
	    FSM_R_MM5);
	if (ic && !ike_debug_v12(p->p_c))
		ike_ipsec_debug(p->p_c, "IPSEC(key_engine): got a queue event "
		    "with 1 KMI message(s)");
	if (!send_auth(p, false)) {
		ike_p1_fail(p, "Cannot build Main Mode");
		return;
	}
	ike_p1_complete(p, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE",
	    FSM_R_MM5);
	/* The crypto map's `client authentication list` prompts this peer
	 * too, unless its key is `no-xauth` (ike_xauth_map.c). */
	ike_xauth_decide(p);
	if (p->p_xauth) {
		ike_xauth_start(p);
		return;
	}
	/* 12.x's responder says it (seed 004), 15.2's does not (seed 003). */
	if (ike_debug_v12(p->p_c))
		ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE",
		    FSM_P1_COMPLETE, FSM_P1_COMPLETE);
}

void
ike_mm_input(struct ike_p1 *p, const struct isakmp_msg *m, const uint8_t *raw,
    size_t len)
{
	/* MM5/MM6 decrypted (the identity and its hash), wiped after: only
	 * those two messages write it, no more than their body's length
	 * (ike_decrypt_msg), not the whole 4 KB. */
	uint8_t	plain[IKE_MSG_MAX];
	bool	used = false;

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
		used = true;
		break;
	case FSM_R_MM2:
		r_mm3(p, m);
		break;
	case FSM_R_MM4:
		r_mm5(p, m, plain);
		used = true;
		break;
	default:
		break;
	}
	if (used)
		OPENSSL_cleanse(plain, m->im_bodylen < sizeof(plain) ?
		    m->im_bodylen : sizeof(plain));
}
