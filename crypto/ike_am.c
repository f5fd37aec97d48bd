/*
 * ike_am: Aggressive Mode with pre-shared keys (RFC 2409 5.4), initiator
 * and responder, with IOS's state names and debug lines (seed 002 shows
 * the responder's: IKE_R_AM_AAA_AWAIT, IKE_R_AM2).
 *
 *	I -> R	AM1  SA (the policies of one DH group), KE, NONCE, ID, VIDs
 *	R -> I	AM2  SA (the chosen transform), KE, ID, NONCE, HASH_R,
 *		     VIDs, NAT-D x2
 *	I -> R	AM3* HASH_I, N(INITIAL-CONTACT), NAT-D x2
 *
 * The key must be known before the peer is authenticated, from what AM1
 * says: by the peer's address (global keys, keyrings), or for ID_KEY_ID
 * (a group name, as the Cisco VPN Client sends) the group's `key`.  The
 * pieces Main Mode has too (keys, offer, suite, completion) are
 * ike_p1.c's.  A peer's AM3 may come in the clear (RFC 2409 allows it)
 * or encrypted; ours is encrypted, as IOS sends it.
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
#include "lib/inet4.h"
#include "lib/system.h"

static void
mode_failure(struct ike_p1 *p, const char *why)
{
	char	peer[SA_TEXT_LEN];

	sa_text(&p->p_peer, peer);
	sys_log(p->p_c->c_sys, "CRYPTO", 6, "IKMP_MODE_FAILURE", "Processing "
	    "of Aggressive mode failed with peer at %s", peer);
	ike_p1_fail(p, why);
}

/* The peer's ID payload: its block as IOS prints it, and its body kept
 * (HASH_I/HASH_R cover it).  False if it is not one we take. */
static bool
take_id(struct ike_p1 *p, const struct isakmp_pld *pl, struct isakmp_id *id)
{
	char		name[IKE_PEER_ID_MAX + 1];
	struct sa_addr	a;

	if (pl == NULL || isakmp_id_parse(pl, id) != ISAKMP_OK ||
	    pl->pl_bodylen > sizeof(p->p_pid))
		return false;
	ike_debug(p->p_c, p->p_dbg, " processing ID payload. message ID = 0");
	memcpy(p->p_pid, pl->pl_body, pl->pl_bodylen);
	p->p_pidlen = pl->pl_bodylen;
	switch (id->id_type) {
	case IPSEC_ID_IPV4_ADDR:
	case IPSEC_ID_IPV6_ADDR:
		if (!ike_id_addr(id, &a))
			return false;
		ike_dbg_id(p, pl->pl_next, &a, (unsigned)pl->pl_len);
		return true;
	case IPSEC_ID_FQDN:
	case IPSEC_ID_USER_FQDN:
	case IPSEC_ID_KEY_ID:
		if (id->id_len == 0 || id->id_len > IKE_PEER_ID_MAX)
			return false;
		memcpy(name, id->id_data, id->id_len);
		name[id->id_len] = '\0';
		if (id->id_type != IPSEC_ID_KEY_ID) {
			ike_dbg_id_name(p, pl->pl_next, id->id_type, name,
			    (unsigned)pl->pl_len);
			return true;
		}
		/* Seed 002's block for the VPN Client's group name. */
		ike_debug_sp(p->p_c, p->p_dbg, " ID payload");
		ike_debug_text(p->p_c, "        next-payload : %u", pl->pl_next);
		ike_debug_text(p->p_c, "        type         : 11");
		ike_debug_text(p->p_c, "        group id     : %s", name);
		ike_debug_text(p->p_c, "        protocol     : %u",
		    id->id_proto);
		ike_debug_text(p->p_c, "        port         : %u", id->id_port);
		ike_debug_text(p->p_c, "        length       : %u",
		    (unsigned)pl->pl_len);
		return true;
	default:
		return false;
	}
}

/* A peer that names itself (ID_FQDN, ID_USER_FQDN): the profile whose
 * `match identity host|user` admits it (issue 15); take_id bounded the
 * name. */
static void
am_choose_name(struct ike_p1 *p, const struct isakmp_id *id)
{
	char	name[IKE_PEER_ID_MAX + 1];

	memcpy(name, id->id_data, id->id_len);
	name[id->id_len] = '\0';
	(void)ike_profile_choose_name(p, id->id_type, name);
}

/* The key for the peer that sent ID: the group's for ID_KEY_ID, else by
 * the peer's address.  A copy, or NULL. */
static char *
am_key(struct ike_p1 *p, const struct isakmp_id *id)
{
	const struct client_group	*cg;
	char				 name[IKE_PEER_ID_MAX + 1];

	if (id->id_type != IPSEC_ID_KEY_ID)
		return ike_psk_copy(p->p_c, &p->p_local, &p->p_peer);
	memcpy(name, id->id_data, id->id_len);
	name[id->id_len] = '\0';
	if ((cg = crypto_client_group_find(p->p_c, name)) == NULL ||
	    cg->cg_key == NULL)
		return NULL;
	return xstrdup(cg->cg_key);
}

/* HASH_I (the initiator's) or HASH_R over ID body ID of IDLEN. */
static int
am_hash(struct ike_p1 *p, bool initiator, const uint8_t *id, size_t idlen,
    uint8_t *out)
{
	return (initiator ? ike_hash_i : ike_hash_r)(&p->p_keys, p->p_gxi,
	    p->p_gxr, p->p_glen, p->p_sa->is_icookie, p->p_sa->is_rcookie,
	    p->p_sai, p->p_sailen, id, idlen, out);
}

/* The peer's HASH against the ID body it sent (kept in p_pid). */
static bool
am_auth(struct ike_p1 *p, const struct isakmp_pld *h)
{
	uint8_t	want[IKE_PRF_MAX];
	size_t	hl = ike_hash_len(p->p_hash);
	bool	ok;

	ok = h != NULL && am_hash(p, !p->p_sa->is_initiator, p->p_pid,
	    p->p_pidlen, want) == 0 && h->pl_bodylen == hl &&
	    CRYPTO_memcmp(want, h->pl_body, hl) == 0;
	ike_dbg_auth(p, ok);
	return ok;
}

static void
dbg_authenticated(struct ike_p1 *p)
{
	char	peer[SA_TEXT_LEN];

	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "SA has been authenticated with %s", peer);
	ike_dbg_peer_insert(p);
}

/* Our ID (ID_IPV4_ADDR) and HASH into B, with their debug lines; NEXT is
 * the payload that follows the ID. */
static bool
build_id_hash(struct ike_p1 *p, struct isakmp_build *b, const uint8_t *msg,
    uint8_t next, uint8_t *hv)
{
	size_t	idoff = ike_p1_build_id(p, b);
	size_t	idlen = b->ib_len - idoff;

	ike_debug(p->p_c, p->p_dbg, "SA is doing pre-shared key "
	    "authentication%s using id type %s",
	    p->p_xauth ? " plus XAUTH" : "", ike_p1_id_type_text(p));
	ike_dbg_own_id(p, next, (unsigned)(idlen + ISAKMP_GEN_LEN));
	ike_debug12(p->p_c, p->p_dbg, IKE_DBG12_SHORT,
	    "Total payload length: %u", (unsigned)(idlen + ISAKMP_GEN_LEN));
	ike_dbg_hmac(p);
	return am_hash(p, p->p_sa->is_initiator, msg + idoff, idlen, hv) == 0;
}

/* ---- Initiator. ---- */

/* The isakmp profile of RQ's crypto map entry (`set isakmp-profile`),
 * if it says `initiate mode aggressive`. */
static const struct isakmp_profile *
am_profile(struct crypto *c, const struct ike_request *rq)
{
	const struct cmap		*cm = crypto_map_find(c, rq->rq_map);
	const struct isakmp_profile	*pr;
	size_t				 i;

	for (i = 0; cm != NULL && i < cm->cm_n; i++)
		if (cm->cm_entries[i]->ce_seq == rq->rq_seq) {
			pr = cm->cm_entries[i]->ce_params.pp_isakmp_profile ==
			    NULL ? NULL : crypto_isakmp_profile_find(c,
			    cm->cm_entries[i]->ce_params.pp_isakmp_profile);
			return pr != NULL && pr->pr_aggressive ? pr : NULL;
		}
	return NULL;
}

/*
 * `crypto isakmp aggressive-mode disable` blocks Aggressive Mode both
 * ways.  IOS's syslog line for it, as a router logged it:
 * "%CRYPTO-5-IKMP_AG_MODE_DISABLED: Unable to initiate or respond to
 * Aggressive Mode while disabled" (the command reference, sec_c4, gives
 * the text; a public syslog sample the mnemonic and severity).
 */
static bool
am_blocked(struct crypto *c)
{
	if (!c->c_am_disabled)
		return false;
	sys_log(c->c_sys, "CRYPTO", 5, "IKMP_AG_MODE_DISABLED", "Unable to "
	    "initiate or respond to Aggressive Mode while disabled");
	return true;
}

void
ike_initiate(struct crypto *c, const struct ike_request *rq)
{
	const struct isakmp_profile	*pr = am_profile(c, rq);

	/* The profile asks for Aggressive Mode and it is blocked: Main
	 * Mode, with IOS's line for an initiator that cannot start
	 * Aggressive Mode. */
	if (pr != NULL && am_blocked(c)) {
		ike_debug(c, 0, "Can not start Aggressive mode, trying Main "
		    "mode.");
		pr = NULL;
	}
	if (pr != NULL)
		ike_am_initiate(c, rq, pr->pr_name);
	else
		ike_mm_initiate(c, rq);
}

void
ike_am_initiate(struct crypto *c, const struct ike_request *rq,
    const char *profile)
{
	const struct isakmp_policy	*pol;
	struct ike_p1			*p;
	struct isakmp_build		 b;
	struct isakmp_hdr		 h;
	uint8_t				 msg[IKE_MSG_MAX], icookie[8];
	char				 peer[SA_TEXT_LEN];
	size_t				 len, saoff;

	ike_random(icookie, sizeof(icookie));
	sa_text(&rq->rq_peer, peer);
	ike_debug(c, 0, " SA request profile is %s", profile);
	p = ike_p1_new(c, &rq->rq_local, &rq->rq_peer, icookie, true);
	p->p_req = *rq;
	p->p_has_req = true;
	snprintf(p->p_sa->is_ifname, sizeof(p->p_sa->is_ifname), "%s",
	    rq->rq_ifname);
	ike_dbg_peer(p, "isakmp_initiator");
	p->p_sa->is_state = ISK_AG_NO_STATE;
	if ((p->p_psk = ike_psk_copy(c, &rq->rq_local, &rq->rq_peer)) == NULL) {
		ike_debug(c, 0, "No pre-shared key with %s!", peer);
		ike_p1_fail(p, "No pre-shared key");
		return;
	}
	ike_dbg_psk(p);
	/* KE goes in AM1: one DH group, the best policy's, and only the
	 * policies with that group offered. */
	if (crypto_policy_count(c) == 0) {
		ike_p1_fail(p, "Phase1 SA policy proposal not accepted");
		return;
	}
	pol = crypto_policy_at(c, 0);
	p->p_group = pol->ip_group;
	p->p_glen = ike_dh_pub_len(p->p_group);
	if (!ike_p1_make_ke(p)) {
		ike_p1_fail(p, "Cannot build Aggressive Mode");
		return;
	}
	ike_p1_hdr(p, &h, ISAKMP_XCHG_AGGRESSIVE);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	saoff = b.ib_len + ISAKMP_GEN_LEN;
	ike_p1_build_offer(c, &b, p->p_group);
	ike_p1_keep_sai(p, msg + saoff, b.ib_len - saoff);
	ike_p1_build_ke_nonce(p, &b, p->p_gxi, p->p_ni, p->p_nilen);
	saoff = ike_p1_build_id(p, &b);
	p->p_oidlen = b.ib_len - saoff;
	memcpy(p->p_oid, msg + saoff, p->p_oidlen);
	ike_vid_build(c, 0, &b, true, false, true);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK) {
		ike_p1_fail(p, "Cannot build Aggressive Mode");
		return;
	}
	ike_dbg_fsm(p, "IKE_MESG_FROM_IPSEC, IKE_SA_REQ_AM", FSM_READY,
	    FSM_I_AM1);
	p->p_state = FSM_I_AM1;
	ike_debug(c, 0, " beginning Aggressive Mode exchange");
	ike_send(p, &p->p_tx, msg, len, "AG_NO_STATE", true);
}

/* AM3: HASH_I, INITIAL-CONTACT, NAT-D; encrypted. */
static bool
send_am3(struct ike_p1 *p, bool initial_contact)
{
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	struct isakmp_notify	 n;
	uint8_t			 msg[IKE_MSG_MAX], hv[IKE_PRF_MAX];
	size_t			 len;

	if (am_hash(p, true, p->p_oid, p->p_oidlen, hv) != 0)
		return false;
	ike_p1_hdr(p, &h, ISAKMP_XCHG_AGGRESSIVE);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
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
	if (p->p_natt)
		ike_natd_build(p, &b, NULL);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK ||
	    (len = ike_encrypt_msg(p, msg, len, sizeof(msg), p->p_iv)) == 0)
		return false;
	/* The last message: kept to answer a retransmitted AM2. */
	ike_send(p, &p->p_tx, msg, len, "AG_INIT_EXCH", false);
	return true;
}

static void
i_am2(struct ike_p1 *p, const struct isakmp_msg *m)
{
	const struct isakmp_pld	*sa = ike_pld_find(m, ISAKMP_PL_SA);
	struct ike_p1_sel	 sel;
	struct isakmp_id	 id;
	bool			 ic;

	memcpy(p->p_sa->is_rcookie, m->im_hdr.ih_rcookie, 8);
	ike_debug(p->p_c, p->p_dbg, " processing SA payload. message ID = 0");
	if (sa == NULL || !ike_p1_choose(p, sa, &sel) ||
	    sel.ps_policy->ip_group != p->p_group) {
		ike_debug(p->p_c, p->p_dbg, "no offers accepted!");
		mode_failure(p, "Phase1 SA policy proposal not accepted");
		return;
	}
	ike_p1_set_suite(p, &sel);
	ike_read_vids(p, m);
	ike_debug(p->p_c, p->p_dbg, " processing KE payload. message ID = 0");
	ike_debug(p->p_c, p->p_dbg, " processing NONCE payload. message ID = "
	    "0");
	if (!ike_p1_ke_take(p, ike_pld_find(m, ISAKMP_PL_KE), p->p_gxr) ||
	    !ike_take_nonce(ike_pld_find(m, ISAKMP_PL_NONCE), p->p_nr,
	    &p->p_nrlen) || !take_id(p, ike_pld_find(m, ISAKMP_PL_ID), &id)) {
		mode_failure(p, "Bad Aggressive Mode message");
		return;
	}
	if (!ike_p1_derive(p)) {
		ike_p1_fail(p, "Key derivation failed");
		return;
	}
	ike_debug(p->p_c, p->p_dbg, "SKEYID state generated");
	ike_debug(p->p_c, p->p_dbg, " processing HASH payload. message ID = 0");
	if (!am_auth(p, ike_pld_find(m, ISAKMP_PL_HASH))) {
		/* Another key: the responder's HASH_R does not verify. */
		mode_failure(p, "Authentication failed");
		return;
	}
	dbg_authenticated(p);
	ike_natd_check(p, m, NULL);
	if (p->p_natt && (p->p_sa->is_caps & ISK_CAP_NATT)) {
		p->p_sa->is_lport = p->p_sa->is_rport = ISAKMP_NATT_PORT;
		p->p_float = true;
	}
	ic = !ike_peer_known(p);
	if (ic)
		ike_debug(p->p_c, p->p_dbg, "Send initial contact");
	p->p_sa->is_state = ISK_AG_INIT_EXCH;
	if (!send_am3(p, ic)) {
		ike_p1_fail(p, "Cannot build Aggressive Mode");
		return;
	}
	ike_p1_complete(p, "IKE_MESG_FROM_PEER, IKE_AM_EXCH", FSM_I_AM1);
	if (p->p_has_req) {
		struct ike_request rq = p->p_req;

		p->p_has_req = false;
		ike_qm_initiate(p, &rq);
	}
}

/* ---- Responder. ---- */

void
ike_am_respond(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer, uint16_t rport, const struct isakmp_msg *m,
    const uint8_t *raw, size_t len)
{
	const struct isakmp_pld	*sa = ike_pld_find(m, ISAKMP_PL_SA);
	struct ike_p1		*p;
	struct ike_p1_sel	 sel;
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	struct isakmp_id	 id;
	uint8_t			 msg[IKE_MSG_MAX], hv[IKE_PRF_MAX];
	char			 a[SA_TEXT_LEN], l[SA_TEXT_LEN];
	size_t			 out;

	/* Blocked: dropped and counted before any state is made. */
	if (am_blocked(c)) {
		c->c_ike_bad++;
		return;
	}
	p = ike_p1_new(c, local, peer, m->im_hdr.ih_icookie, false);
	p->p_sa->is_rport = rport;
	ike_random(p->p_sa->is_rcookie, 8);
	p->p_sa->is_state = ISK_AG_NO_STATE;
	sa_text(peer, a);
	sa_text(local, l);
	/* 12.x: the ports as the SA is made, a peer struct later. */
	if (ike_debug_v12(c))
		ike_dbg_peer(p, NULL);
	ike_debug12(c, p->p_dbg, IKE_DBG12_BARE,
	    "insert sa successfully sa = %08X",
	    ike_dbg_obj_id(p, IKE_OBJ_SA));
	ike_debug(c, p->p_dbg, " processing SA payload. message ID = 0");
	if (!take_id(p, ike_pld_find(m, ISAKMP_PL_ID), &id)) {
		mode_failure(p, "Bad Aggressive Mode message");
		return;
	}
	/* A group name (a VPN client) picks the profile that matches
	 * it; an address matches none here.  take_id bounded its length. */
	if (id.id_type == IPSEC_ID_KEY_ID) {
		memcpy(p->p_group_name, id.id_data, id.id_len);
		p->p_group_name[id.id_len] = '\0';
	}
	if (id.id_type == IPSEC_ID_FQDN || id.id_type == IPSEC_ID_USER_FQDN)
		am_choose_name(p, &id);
	else if (id.id_type != IPSEC_ID_KEY_ID || !ike_profile_choose_group(p,
	    p->p_group_name))
		ike_debug(c, p->p_dbg, ": peer matches *none* of the profiles");
	/* The group has its max-users: the client is refused before any
	 * state is kept for it (issue 15). */
	if (id.id_type == IPSEC_ID_KEY_ID && ike_group_full(p)) {
		mode_failure(p, "max-users reached");
		return;
	}
	/* No key: IOS refuses the offer as it refuses a policy. */
	if ((p->p_psk = am_key(p, &id)) == NULL)
		ike_debug(c, p->p_dbg, "No pre-shared key with %s!", a);
	else if (!ike_debug_v12(c))
		ike_dbg_peer(p, "crypto_isakmp_process_block");
	else
		ike_dbg_client_peer(p);
	ike_read_vids(p, m);
	ike_dbg_xauth_auth(p);
	if (sa == NULL || p->p_psk == NULL || !ike_p1_choose(p, sa, &sel)) {
		ike_debug(c, p->p_dbg, "no offers accepted!");
		ike_debug(c, p->p_dbg, " phase 1 SA policy not acceptable! "
		    "(local %s remote %s)", l, a);
		ike_notify(p, ISAKMP_N_NO_PROPOSAL_CHOSEN, ISAKMP_PROTO_ISAKMP,
		    NULL, 0);
		mode_failure(p, "Phase1 SA policy proposal not accepted");
		return;
	}
	ike_p1_set_suite(p, &sel);
	p->p_xauth = sel.ps_xauth;
	ike_p1_keep_sai(p, sa->pl_body, sa->pl_bodylen);
	ike_debug(c, p->p_dbg, " processing KE payload. message ID = 0");
	ike_debug(c, p->p_dbg, " processing NONCE payload. message ID = 0");
	if (!ike_p1_ke_take(p, ike_pld_find(m, ISAKMP_PL_KE), p->p_gxi) ||
	    !ike_take_nonce(ike_pld_find(m, ISAKMP_PL_NONCE), p->p_ni,
	    &p->p_nilen)) {
		mode_failure(p, "Bad Aggressive Mode message");
		return;
	}
	ike_dbg_fsm(p, "IKE_MESG_FROM_PEER, IKE_AM_EXCH", FSM_READY,
	    FSM_R_AM_AAA_AWAIT);
	p->p_state = FSM_R_AM_AAA_AWAIT;
	if (!ike_p1_make_ke(p) || !ike_p1_derive(p)) {
		ike_p1_fail(p, "Key derivation failed");
		return;
	}
	ike_debug(c, p->p_dbg, "SKEYID state generated");

	/* AM2: the transform accepted, as offered; KE, ID, NONCE (seed
	 * 002's ID block says the nonce follows it), HASH_R, VIDs, NAT-D. */
	ike_p1_hdr(p, &h, ISAKMP_XCHG_AGGRESSIVE);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	ike_p1_build_sa_reply(&b, &sel);
	isakmp_build_payload(&b, ISAKMP_PL_KE, p->p_gxr, p->p_glen);
	ike_vid_build(c, p->p_dbg, &b, false, p->p_natt, false);
	if (!build_id_hash(p, &b, msg, ISAKMP_PL_NONCE, hv)) {
		ike_p1_fail(p, "Cannot build Aggressive Mode");
		return;
	}
	isakmp_build_payload(&b, ISAKMP_PL_NONCE, p->p_nr, p->p_nrlen);
	isakmp_build_payload(&b, ISAKMP_PL_HASH, hv, ike_hash_len(p->p_hash));
	ike_vid_build(c, p->p_dbg, &b, false, false, true);
	if (p->p_natt)
		ike_natd_build(p, &b, NULL);
	if (isakmp_build_finish(&b, &out) != ISAKMP_OK) {
		ike_p1_fail(p, "Cannot build Aggressive Mode");
		return;
	}
	p->p_sa->is_state = ISK_AG_INIT_EXCH;
	ike_send(p, &p->p_tx, msg, out, "AG_INIT_EXCH", true);
	/* A retransmitted AM1 gets this AM2 again (ike.c: duplicate). */
	(void)ike_tx_note_rx(p, &p->p_tx, raw, len);
	ike_dbg_fsm(p, "IKE_MESG_FROM_AAA, PRESHARED_KEY_REPLY",
	    FSM_R_AM_AAA_AWAIT, FSM_R_AM2);
	p->p_state = FSM_R_AM2;
}

static void
r_am3(struct ike_p1 *p, const struct isakmp_msg *m, uint8_t *plain)
{
	struct isakmp_msg	 pm;
	const struct isakmp_msg	*am3 = m;
	uint8_t			 iv[16];
	char			 peer[SA_TEXT_LEN];
	bool			 ic;

	if (m->im_encrypted) {
		memcpy(iv, p->p_iv, sizeof(iv));
		if (m->im_bodylen > IKE_MSG_MAX ||
		    !ike_decrypt_msg(p, m, plain, &pm, iv) ||
		    ike_pld_find(&pm, ISAKMP_PL_HASH) == NULL) {
			/* Another key: AM3 does not decrypt.  Our AM2 goes
			 * on being retransmitted, then the SA dies. */
			sa_text(&p->p_peer, peer);
			sys_log(p->p_c->c_sys, "CRYPTO", 4, "IKMP_BAD_MESSAGE",
			    "IKE message from %s failed its sanity check or "
			    "is malformed", peer);
			return;
		}
		memcpy(p->p_iv, iv, sizeof(iv));
		am3 = &pm;
	}
	ike_debug(p->p_c, p->p_dbg, " processing HASH payload. message ID = 0");
	ike_dbg_hmac(p);
	/* Seed 002's order: the notify is read before the hash checks. */
	ic = ike_pld_find(am3, ISAKMP_PL_NOTIFY) != NULL;
	if (ic) {
		ike_debug(p->p_c, p->p_dbg, " processing NOTIFY INITIAL_CONTACT "
		    "protocol 1");
		ike_debug_text(p->p_c, "        spi 0, message ID = 0, sa = %08X",
		    ike_dbg_obj_id(p, IKE_OBJ_SA));
	}
	if (!am_auth(p, ike_pld_find(am3, ISAKMP_PL_HASH))) {
		mode_failure(p, "Authentication failed");
		return;
	}
	if (ic)
		ike_initial_contact(p);
	dbg_authenticated(p);
	ike_natd_check(p, am3, NULL);
	ike_p1_complete(p, "IKE_MESG_FROM_PEER, IKE_AM_EXCH", FSM_R_AM2);
	ike_xauth_decide(p);
	ike_xauth_start(p);
}

void
ike_am_input(struct ike_p1 *p, const struct isakmp_msg *m)
{
	uint8_t	plain[IKE_MSG_MAX];

	switch (p->p_state) {
	case FSM_I_AM1:
		i_am2(p, m);
		break;
	case FSM_R_AM2:
		r_am3(p, m, plain);
		break;
	default:
		break;
	}
	OPENSSL_cleanse(plain, sizeof(plain));
}
