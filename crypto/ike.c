/*
 * ike: the IKEv1 engine's frame — UDP 500 on the router's addresses, the
 * dispatch of received messages to Main Mode, Quick Mode and
 * informational exchanges, sending with IOS's retransmission, message
 * encryption, and the life and death of phase-1 state (see ike_int.h).
 *
 * A received message is decoded with every length checked
 * (isakmp_decode); one that fails, or that belongs to no SA and does not
 * open Main Mode, is dropped and counted.  A peer's retransmission of the
 * message we last answered gets our answer again, as IOS does ("phase 1
 * packet is a duplicate of a previous packet").
 */
#include <openssl/crypto.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ike_msgsum.h"
#include "crypto/rand_pool.h"
#include "crypto/ike_dh.h"
#include "crypto/ike_prf.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/xalloc.h"

static const char *const fsm_names[] = {
	[FSM_READY] = "IKE_READY",
	[FSM_I_MM1] = "IKE_I_MM1", [FSM_I_MM2] = "IKE_I_MM2",
	[FSM_I_MM3] = "IKE_I_MM3", [FSM_I_MM4] = "IKE_I_MM4",
	[FSM_I_MM5] = "IKE_I_MM5", [FSM_I_MM6] = "IKE_I_MM6",
	[FSM_R_MM1] = "IKE_R_MM1", [FSM_R_MM2] = "IKE_R_MM2",
	[FSM_R_MM3] = "IKE_R_MM3", [FSM_R_MM4] = "IKE_R_MM4",
	[FSM_R_MM5] = "IKE_R_MM5",
	[FSM_I_AM1] = "IKE_I_AM1",
	[FSM_R_AM_AAA_AWAIT] = "IKE_R_AM_AAA_AWAIT", [FSM_R_AM2] = "IKE_R_AM2",
	[FSM_P1_COMPLETE] = "IKE_P1_COMPLETE",
	[FSM_DEST_SA] = "IKE_DEST_SA",
	[FSM_QM_READY] = "IKE_QM_READY",
	[FSM_QM_I_QM1] = "IKE_QM_I_QM1",
	[FSM_QM_R_QM1] = "IKE_QM_R_QM1",
	[FSM_QM_R_QM2] = "IKE_QM_R_QM2",
	[FSM_QM_SPI_STARVE] = "IKE_QM_SPI_STARVE",
	[FSM_QM_PHASE2_COMPLETE] = "IKE_QM_PHASE2_COMPLETE",
	[FSM_XAUTH_START_AWAIT] = "IKE_XAUTH_AAA_START_LOGIN_AWAIT",
	[FSM_XAUTH_REQ_SENT] = "IKE_XAUTH_REQ_SENT",
	[FSM_XAUTH_CONT_AWAIT] = "IKE_XAUTH_AAA_CONT_LOGIN_AWAIT",
	[FSM_XAUTH_SET_SENT] = "IKE_XAUTH_SET_SENT",
	[FSM_CONFIG_AUTHOR_AWAIT] = "IKE_CONFIG_AUTHOR_AAA_AWAIT",
	[FSM_CONFIG_SET_SENT] = "IKE_CONFIG_MODE_SET_SENT",	/* unconfirmed */
};

const char *
ike_fsm_name(enum ike_fsm s)
{
	return fsm_names[s];
}

void
ike_dbg_fsm(struct ike_p1 *p, const char *input, enum ike_fsm from,
    enum ike_fsm to)
{
	ike_debug(p->p_c, p->p_dbg, "Input = %s", input);
	ike_debug(p->p_c, p->p_dbg, "Old State = %s  New State = %s",
	    ike_fsm_name(from), ike_fsm_name(to));
	ike_debug_text(p->p_c, "%s", "");
	/* 12.x says when AAA (here local, at once) answers a state that
	 * awaits it (seed 002's hub). */
	if (ike_debug_v12(p->p_c) && (to == FSM_R_AM_AAA_AWAIT ||
	    to == FSM_XAUTH_START_AWAIT || to == FSM_XAUTH_CONT_AWAIT ||
	    to == FSM_CONFIG_AUTHOR_AWAIT))
		ike_debug_raw(p->p_c, " got callback 1");
}

void
ike_dbg_node_fsm(struct ike_qm *q, const char *input, enum ike_fsm from,
    enum ike_fsm to, bool with_node)
{
	struct ike_p1	*p = q->q_p1;

	if (with_node)
		ike_debug(p->p_c, p->p_dbg, "Node %u, Input = %s", q->q_msgid,
		    input);
	else
		ike_debug(p->p_c, p->p_dbg, "Input = %s", input);
	ike_debug(p->p_c, p->p_dbg, "Old State = %s  New State = %s",
	    ike_fsm_name(from), ike_fsm_name(to));
}

/* Cookies, nonces, SPIs and M-IDs: the process's pool (rand_pool.c). */
void
ike_random(void *buf, size_t len)
{
	rand_pool_bytes(buf, len);
}

/*
 * The pre-shared key for PEER: the longest match among the global keys
 * (`crypto isakmp key`) and every keyring's, a global key winning a tie;
 * 0.0.0.0 0.0.0.0 is the wildcard that matches anyone.  LOCAL is our
 * address in the negotiation.
 */
const char *
ike_psk_for(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer)
{
	const struct psk	*best, *k;
	const struct keyring	*kr;

	char			 a[SA_TEXT_LEN];

	best = psk_lookup(&c->c_keys, peer);
	/* IOS tells the search when there are keyrings to search (seed
	 * 002's hub: "... in default", "... in spokes : success"), and
	 * 12.x always (seeds 000 and 004, global keys only: "... in
	 * default : success"); 12.4T and 15 without keyrings say nothing
	 * (seed 001). */
	if (TAILQ_EMPTY(&c->c_keyrings) && !ike_debug_v12(c))
		return best != NULL ? best->pk_key : NULL;
	sa_text(peer, a);
	ike_debug_raw(c, " Looking for a matching key for %s in default%s", a,
	    best != NULL ? " : success" : "");
	TAILQ_FOREACH(kr, &c->c_keyrings, kr_entry) {
		/* A keyring with a local-address serves only
		 * negotiations on that address (issue 15). */
		if (!local_addr_admits(c, &kr->kr_local, local))
			continue;
		k = psk_lookup(&kr->kr_keys, peer);
		ike_debug_raw(c, " Looking for a matching key for %s in %s%s",
		    a, kr->kr_name, k != NULL ? " : success" : "");
		if (k != NULL && (best == NULL || (k->pk_kind == PSK_IPV6 ?
		    k->pk_plen6 > best->pk_plen6 : k->pk_mask > best->pk_mask)))
			best = k;
	}
	return best != NULL ? best->pk_key : NULL;
}

/* A nonce payload's body into DST (room for IKE_NONCE_LEN * 2). */
bool
ike_take_nonce(const struct isakmp_pld *pl, uint8_t *dst, size_t *len)
{
	if (pl == NULL || pl->pl_bodylen < ISAKMP_NONCE_MIN ||
	    pl->pl_bodylen > IKE_NONCE_LEN * 2)
		return false;
	memcpy(dst, pl->pl_body, pl->pl_bodylen);
	*len = pl->pl_bodylen;
	return true;
}

/* ---- Sending and retransmission. ---- */

/* The addresses of a datagram received on 500 or 4500. */
void
ike_udp_meta_addrs(const struct dp_udp_meta *um, struct sa_addr *src,
    struct sa_addr *dst)
{
	if (um->um_v6) {
		sa_addr_v6(src, um->um_src6);
		sa_addr_v6(dst, um->um_dst6);
		return;
	}
	sa_addr_v4(src, um->um_src);
	sa_addr_v4(dst, um->um_dst);
}

/* dp_udp_send, or dp_udp6_send, from LOCAL to PEER. */
int
ike_udp_send(struct dataplane *dp, const struct sa_addr *local,
    uint16_t sport, const struct sa_addr *peer, uint16_t dport,
    const uint8_t *data, size_t len)
{
	if (peer->sa_family == 6)
		return dp_udp6_send(dp, local->sa_family == 6 ?
		    local->sa_addr : NULL, sport, peer->sa_addr, dport, data,
		    len);
	return dp_udp_send(dp, sa_addr_get4(local), sport, sa_addr_get4(peer),
	    dport, data, len);
}

static void
tx_raw(struct ike_p1 *p, const uint8_t *msg, size_t len)
{
	struct dataplane	*dp = p->p_c->c_sys->sy_dp;
	uint8_t			*buf;

	if (dp == NULL)
		return;
	if (p->p_sa->is_lport != ISAKMP_NATT_PORT) {
		(void)ike_udp_send(dp, &p->p_local, p->p_sa->is_lport,
		    &p->p_peer, p->p_sa->is_rport, msg, len);
		return;
	}
	/* On 4500 IKE goes behind the non-ESP marker (RFC 3948 2.2). */
	buf = xmalloc(len + 4);
	memset(buf, 0, 4);
	memcpy(buf + 4, msg, len);
	(void)ike_udp_send(dp, &p->p_local, ISAKMP_NATT_PORT, &p->p_peer,
	    p->p_sa->is_rport, buf, len + 4);
	free(buf);
}

static void
dbg_send(struct ike_p1 *p, const char *state_name)
{
	char	peer[SA_TEXT_LEN];

	if (!ike_debugging(p->p_c))
		return;	/* no formatting for nobody: a tenth of a setup */
	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, " sending packet to %s my_port %u "
	    "peer_port %u (%s) %s", peer, p->p_sa->is_lport,
	    p->p_sa->is_rport, p->p_sa->is_initiator ? "I" : "R", state_name);
	/* 15.x's line; 12.x has none. */
	if (!ike_debug_v12(p->p_c))
		ike_debug(p->p_c, p->p_dbg, "Sending an IKE IPv%d Packet.",
		    p->p_peer.sa_family == 6 ? 6 : 4);
}

struct rexmit_ctx {
	struct ike_p1	*rc_p;
	struct ike_tx	*rc_tx;
};

static void	rexmit(void *);

static void
arm(struct ike_p1 *p, struct ike_tx *tx)
{
	struct rexmit_ctx	*rc;

	rc = xmalloc(sizeof(*rc));
	rc->rc_p = p;
	rc->rc_tx = tx;
	tx->tx_timer = evloop_timer_add(p->p_c->c_sys->sy_loop,
	    IKE_REXMIT_MS, rexmit, rc);
	tx->tx_timer_arg = rc;
}

void
ike_tx_stop(struct crypto *c, struct ike_tx *tx)
{
	if (tx->tx_timer != NULL) {
		evloop_timer_cancel(c->c_sys->sy_loop, tx->tx_timer);
		free(tx->tx_timer_arg);
	}
	tx->tx_timer = NULL;
	tx->tx_timer_arg = NULL;
}

void
ike_tx_clear(struct crypto *c, struct ike_tx *tx)
{
	ike_tx_stop(c, tx);
	free(tx->tx_buf);
	tx->tx_buf = NULL;
	tx->tx_len = 0;
	tx->tx_count = 0;
}

void
ike_send(struct ike_p1 *p, struct ike_tx *tx, const uint8_t *msg,
    size_t len, const char *state_name, bool rexmit_on)
{
	bool		had_rx = tx->tx_has_rx;
	uint64_t	rxsum = tx->tx_rxsum;

	ike_tx_clear(p->p_c, tx);
	tx->tx_has_rx = had_rx;
	tx->tx_rxsum = rxsum;
	tx->tx_buf = xmalloc(len);
	memcpy(tx->tx_buf, msg, len);
	tx->tx_len = len;
	tx->tx_answers_rx = true;
	dbg_send(p, state_name);
	tx_raw(p, msg, len);
	if (rexmit_on)
		arm(p, tx);
}

/* IOS's retransmission: the same bytes, IKE_REXMIT_MAX times, then the
 * SA dies ("Death by retransmission P1"). */
static void
rexmit(void *arg)
{
	struct rexmit_ctx	*rc = arg;
	struct ike_p1		*p = rc->rc_p;
	struct ike_tx		*tx = rc->rc_tx;
	struct ike_qm		*q;
	/* An XAUTH exchange under way names the SA's state CONF_XAUTH,
	 * as the packets it sends and receives do. */
	const char		*st = ike_xauth_busy(p) ? "CONF_XAUTH" :
				    isakmp_state_name(p->p_sa->is_state);
	char			 peer[SA_TEXT_LEN];

	free(rc);
	tx->tx_timer = NULL;
	tx->tx_timer_arg = NULL;
	sa_text(&p->p_peer, peer);
	if (tx->tx_count >= IKE_REXMIT_MAX && tx != &p->p_tx) {
		/* Quick Mode gives up alone: phase 1 stays. */
		q = (struct ike_qm *)(void *)((char *)tx -
		    offsetof(struct ike_qm, q_tx));
		ike_debug(p->p_c, p->p_dbg, " retransmitting phase 2 %u %s...",
		    q->q_msgid, st);
		ike_debug(p->p_c, p->p_dbg, "deleting node %u error TRUE reason "
		    "\"Death by retransmission P2\"", q->q_msgid);
		ike_qm_free(q);
		return;
	}
	if (tx->tx_count >= IKE_REXMIT_MAX) {
		ike_debug(p->p_c, p->p_dbg, " retransmitting phase 1 %s...", st);
		ike_debug(p->p_c, p->p_dbg, "peer does not do paranoid "
		    "keepalives.");
		ike_debug(p->p_c, p->p_dbg, "deleting SA reason \"Death by "
		    "retransmission P1\" state (%s) %s (peer %s)",
		    p->p_sa->is_initiator ? "I" : "R", st, peer);
		ike_p1_free(p);
		return;
	}
	tx->tx_count++;
	ike_debug(p->p_c, p->p_dbg, " retransmitting phase %d %s...",
	    tx == &p->p_tx ? 1 : 2, st);
	ike_debug_sp(p->p_c, p->p_dbg, " incrementing error counter on sa, "
	    "attempt %u of %d: retransmit phase %d", tx->tx_count,
	    IKE_REXMIT_MAX, tx == &p->p_tx ? 1 : 2);
	ike_debug(p->p_c, p->p_dbg, " retransmitting phase %d %s",
	    tx == &p->p_tx ? 1 : 2, st);
	dbg_send(p, st);
	tx_raw(p, tx->tx_buf, tx->tx_len);
	arm(p, tx);
}

/* ---- Encryption. ---- */

size_t
ike_encrypt_msg(struct ike_p1 *p, uint8_t *msg, size_t len, size_t cap,
    uint8_t *iv)
{
	size_t	body = len - ISAKMP_HDR_LEN, out;

	if (ISAKMP_HDR_LEN + ike_padded_len(body, p->p_block) > cap)
		abort();
	if (ike_cbc_encrypt(&p->p_cbc, p->p_enc, p->p_keybits, p->p_enckey,
	    iv, msg + ISAKMP_HDR_LEN, body, &out) != 0)
		return 0;
	msg[19] |= ISAKMP_FLAG_E;
	isakmp_build_length(msg, (uint32_t)(ISAKMP_HDR_LEN + out));
	return ISAKMP_HDR_LEN + out;
}

bool
ike_decrypt_msg(struct ike_p1 *p, const struct isakmp_msg *m,
    uint8_t *plain, struct isakmp_msg *out, uint8_t *iv)
{
	if (m->im_bodylen == 0 || m->im_bodylen % p->p_block != 0)
		return false;
	memcpy(plain, m->im_body, m->im_bodylen);
	if (ike_cbc_decrypt(&p->p_cbc, p->p_enc, p->p_keybits, p->p_enckey,
	    iv, plain, m->im_bodylen) != 0)
		return false;
	*out = *m;
	return isakmp_decode_plain(out, plain, m->im_bodylen) == ISAKMP_OK;
}

/* ---- Phase-1 state. ---- */

struct ike_p1 *
ike_p1_new(struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *peer, const uint8_t icookie[8], bool initiator)
{
	struct ike_p1		*p;
	struct isakmp_sa	*is;

	p = xcalloc(1, sizeof(*p));
	is = sadb_isakmp_new(&c->c_sadb, icookie);
	is->is_local = *local;
	sadb_isakmp_set_peer(&c->c_sadb, is, peer);
	is->is_lport = is->is_rport = ISAKMP_PORT;
	is->is_state = ISK_MM_NO_STATE;
	is->is_initiator = initiator;
	is->is_engine = p;
	p->p_c = c;
	p->p_sa = is;
	p->p_local = *local;
	p->p_peer = *peer;
	p->p_state = FSM_READY;
	/* 12.x numbers the SA's debug lines from the start ("ISAKMP
	 * (0:1): processing SA payload"), 15.x once the keys exist. */
	if (ike_debug_v12(c))
		p->p_dbg = is->is_connid;
	return p;
}

void
ike_qm_free(struct ike_qm *q)
{
	struct ike_qm	**qp;

	for (qp = &q->q_p1->p_qms; *qp != NULL; qp = &(*qp)->q_next)
		if (*qp == q) {
			*qp = q->q_next;
			break;
		}
	ike_tx_clear(q->q_p1->p_c, &q->q_tx);
	ike_dh_free(q->q_dh);
	/* Its nonces and IV went into KEYMAT: no copy in freed memory. */
	OPENSSL_cleanse(q, sizeof(*q));
	free(q);
}

struct ike_qm *
ike_qm_find(struct ike_p1 *p, uint32_t msgid)
{
	struct ike_qm	*q;

	for (q = p->p_qms; q != NULL; q = q->q_next)
		if (q->q_msgid == msgid)
			return q;
	return NULL;
}

/* IOS 15's console message when an IKE session comes up or goes, after
 * `crypto logging session`. */
void
ike_session_status(struct ike_p1 *p, bool up)
{
	char	peer[SA_TEXT_LEN];

	if (!p->p_c->c_log_session || !sys_version_15(p->p_c->c_sys))
		return;
	sa_text(&p->p_peer, peer);
	sys_log(p->p_c->c_sys, "CRYPTO", 5, "SESSION_STATUS", "Crypto tunnel "
	    "is %s Peer %s:500       Id: %s", up ? "UP  . " : "DOWN.", peer,
	    peer);
}

/* The peer starts afresh (INITIAL-CONTACT): what we had with it goes. */
void
ike_initial_contact(struct ike_p1 *p)
{
	struct crypto		*c = p->p_c;
	struct isakmp_sa	*is, *next;
	struct ipsec_flow	*fl, *fnext;
	struct sadb_peer	*pe;
	char			 l[SA_TEXT_LEN], r[SA_TEXT_LEN];

	sa_text(&p->p_local, l);
	sa_text(&p->p_peer, r);
	ike_debug(c, p->p_dbg, "Process initial contact,");
	ike_debug_text(c, "bring down existing phase 1 and 2 SA's with local "
	    "%s remote %s remote port %u", l, r, p->p_sa->is_rport);
	/* Only this peer's SAs: P's own ISAKMP SA keeps the peer alive. */
	pe = p->p_sa->is_pe;
	for (is = TAILQ_FIRST(&pe->pe_isakmp); is != NULL; is = next) {
		next = TAILQ_NEXT(is, is_pentry);
		if (is->is_engine != NULL && is->is_engine != p)
			ike_p1_free(is->is_engine);
	}
	for (fl = TAILQ_FIRST(&pe->pe_flows); fl != NULL; fl = fnext) {
		fnext = TAILQ_NEXT(fl, fl_pentry);
		if (TAILQ_FIRST(&fl->fl_out) != NULL)
			ipsec_flow_drop(c, fl);
	}
}

/* NAT keepalives (RFC 3948 2.3): one 0xFF byte to the peer's 4500 every
 * `crypto isakmp nat keepalive` seconds, keeping a NAT's mapping. */
static void
natka_tick(void *arg)
{
	struct ike_p1		*p = arg;
	struct dataplane	*dp = p->p_c->c_sys->sy_dp;
	static const uint8_t	 ka = 0xff;

	p->p_natka_timer = NULL;
	if (dp != NULL)
		(void)ike_udp_send(dp, &p->p_local, ISAKMP_NATT_PORT,
		    &p->p_peer, p->p_sa->is_rport, &ka, 1);
	ike_natka_start(p);
}

void
ike_natka_start(struct ike_p1 *p)
{
	if (p->p_float && p->p_c->c_nat_ka != 0)
		p->p_natka_timer = evloop_timer_add(p->p_c->c_sys->sy_loop,
		    (uint64_t)p->p_c->c_nat_ka * 1000, natka_tick, p);
}

void
ike_p1_free(struct ike_p1 *p)
{
	struct crypto	*c = p->p_c;

	if (p->p_state == FSM_P1_COMPLETE)
		ike_session_status(p, false);

	while (p->p_qms != NULL)
		ike_qm_free(p->p_qms);
	ike_tx_clear(c, &p->p_tx);
	ike_xauth_free(p);
	if (p->p_life_timer != NULL)
		evloop_timer_cancel(c->c_sys->sy_loop, p->p_life_timer);
	evloop_timer_cancel(c->c_sys->sy_loop, p->p_soft_timer);
	evloop_timer_cancel(c->c_sys->sy_loop, p->p_retire_timer);
	if (p->p_dpd_timer != NULL)
		evloop_timer_cancel(c->c_sys->sy_loop, p->p_dpd_timer);
	if (p->p_natka_timer != NULL)
		evloop_timer_cancel(c->c_sys->sy_loop, p->p_natka_timer);
	if (p->p_keys_owed)
		TAILQ_REMOVE(&c->c_ike_owed, p, p_owed);
	ike_dh_free(p->p_dh);
	ike_cbc_free(&p->p_cbc);
	ike_prf_forget();	/* this SA's keys may be the prf's last */
	free(p->p_sai);
	xsecret_free(p->p_psk);
	p->p_sa->is_engine = NULL;
	sadb_isakmp_free(&c->c_sadb, p->p_sa);
	explicit_bzero(p, sizeof(*p));
	free(p);
}

void
ike_p1_fail(struct ike_p1 *p, const char *why)
{
	char	peer[SA_TEXT_LEN];

	sa_text(&p->p_peer, peer);
	ike_debug(p->p_c, p->p_dbg, "deleting SA reason \"%s\" state (%s) %s "
	    "(peer %s)", why, p->p_sa->is_initiator ? "I" : "R",
	    isakmp_state_name(p->p_sa->is_state), peer);
	ike_p1_free(p);
}

/* ---- Informational exchanges. ---- */

/* Send one notify or delete payload in an informational exchange,
 * protected by HASH(1) once phase 1 has keys (RFC 2409 5.7). */
static void
info_send(struct ike_p1 *p, bool is_delete, uint16_t type, uint8_t proto,
    const uint8_t *spi, size_t spisize, const uint8_t *data, size_t datalen)
{
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	struct isakmp_notify	 n;
	struct isakmp_delete	 d;
	uint8_t			 msg[IKE_MSG_MAX], iv[16], mid[4];
	uint8_t			 hash[IKE_PRF_MAX];
	size_t			 len, hoff = 0, hlen = 0, rest;
	const uint8_t		*r;
	bool			 keyed = p->p_state == FSM_P1_COMPLETE;

	memset(&h, 0, sizeof(h));
	memcpy(h.ih_icookie, p->p_sa->is_icookie, 8);
	memcpy(h.ih_rcookie, p->p_sa->is_rcookie, 8);
	h.ih_version = ISAKMP_VERSION;
	h.ih_exchange = ISAKMP_XCHG_INFO;
	ike_random(&h.ih_msgid, sizeof(h.ih_msgid));
	put32(mid, h.ih_msgid);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	if (keyed) {
		hlen = ike_hash_len(p->p_hash);
		isakmp_build_begin(&b, ISAKMP_PL_HASH);
		hoff = b.ib_len;
		memset(hash, 0, sizeof(hash));
		isakmp_build_put(&b, hash, hlen);
		isakmp_build_end(&b);
	}
	if (is_delete) {
		memset(&d, 0, sizeof(d));
		d.d_doi = ISAKMP_DOI_IPSEC;
		d.d_proto = proto;
		d.d_spisize = (uint8_t)spisize;
		d.d_nspi = 1;
		d.d_spis = spi;
		isakmp_build_delete(&b, &d);
	} else {
		memset(&n, 0, sizeof(n));
		n.n_doi = ISAKMP_DOI_IPSEC;
		n.n_proto = proto;
		n.n_spisize = (uint8_t)spisize;
		n.n_type = type;
		n.n_spi = spi;
		n.n_data = data;
		n.n_datalen = datalen;
		isakmp_build_notify(&b, &n);
	}
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK)
		return;
	if (keyed) {
		r = msg + hoff + hlen;
		rest = len - (hoff + hlen);
		if (ike_qm_hash1(&p->p_keys, mid, r, rest, hash) != 0)
			return;
		memcpy(msg + hoff, hash, hlen);
		if (ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid, iv) != 0)
			return;
		if ((len = ike_encrypt_msg(p, msg, len, sizeof(msg), iv)) == 0)
			return;
	}
	dbg_send(p, isakmp_state_name(p->p_sa->is_state));
	tx_raw(p, msg, len);
}

void
ike_notify(struct ike_p1 *p, uint16_t type, uint8_t proto,
    const uint8_t *spi, size_t spisize)
{
	info_send(p, false, type, proto, spi, spisize, NULL, 0);
}

void
ike_notify_data(struct ike_p1 *p, uint16_t type, const uint8_t *data,
    size_t datalen)
{
	uint8_t	spi[16];

	memcpy(spi, p->p_sa->is_icookie, 8);
	memcpy(spi + 8, p->p_sa->is_rcookie, 8);
	info_send(p, false, type, ISAKMP_PROTO_ISAKMP, spi, 16, data, datalen);
}

void
ike_delete_notify(struct ike_p1 *p, uint8_t proto, const uint8_t *spi,
    size_t spisize)
{
	info_send(p, true, 0, proto, spi, spisize, NULL, 0);
}

/* IOS's names for the notifications it reports. */
static const char *
notify_name(uint16_t type)
{
	static char	buf[32];

	switch (type) {
	case ISAKMP_N_INVALID_PAYLOAD_TYPE:	return "INVALID_PAYLOAD_TYPE";
	case ISAKMP_N_INVALID_COOKIE:		return "INVALID_COOKIE";
	case ISAKMP_N_INVALID_EXCHANGE_TYPE:	return "INVALID_EXCHANGE_TYPE";
	case ISAKMP_N_INVALID_SPI:		return "INVALID_SPI";
	case ISAKMP_N_NO_PROPOSAL_CHOSEN:	return "NO_PROPOSAL_CHOSEN";
	case ISAKMP_N_PAYLOAD_MALFORMED:	return "PAYLOAD_MALFORMED";
	case ISAKMP_N_INVALID_KEY_INFORMATION:	return "INVALID_KEY_INFORMATION";
	case ISAKMP_N_INVALID_ID_INFORMATION:	return "INVALID_ID_INFORMATION";
	case ISAKMP_N_INVALID_HASH_INFORMATION:	return "INVALID_HASH_INFORMATION";
	case ISAKMP_N_AUTHENTICATION_FAILED:	return "AUTHENTICATION_FAILED";
	case IPSEC_N_RESPONDER_LIFETIME:	return "RESPONDER_LIFETIME";
	case IPSEC_N_INITIAL_CONTACT:		return "INITIAL_CONTACT";
	default:
		snprintf(buf, sizeof(buf), "type %u", type);
		return buf;
	}
}

/* An informational message from the peer: deletes and notifies,
 * decrypted into PLAIN (IKE_MSG_MAX bytes). */
static void
info_read(struct ike_p1 *p, const struct isakmp_msg *m, uint8_t *plain)
{
	struct isakmp_msg	 pm;
	struct isakmp_delete	 d;
	struct isakmp_notify	 n;
	uint8_t			 iv[16], mid[4];
	unsigned		 i, k;
	char			 pa[SA_TEXT_LEN];

	if (m->im_encrypted) {
		if (p->p_state != FSM_P1_COMPLETE ||
		    m->im_bodylen > IKE_MSG_MAX)
			return;
		put32(mid, m->im_hdr.ih_msgid);
		if (ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid, iv) != 0 ||
		    !ike_decrypt_msg(p, m, plain, &pm, iv))
			return;
		m = &pm;
	}
	for (i = 0; i < m->im_npld; i++) {
		if (m->im_pld[i].pl_type == ISAKMP_PL_NOTIFY &&
		    isakmp_notify_parse(&m->im_pld[i], &n) == ISAKMP_OK) {
			if (n.n_type == ISAKMP_N_DPD_R_U_THERE ||
			    n.n_type == ISAKMP_N_DPD_R_U_THERE_ACK)
				ike_dpd_input(p, &n);
			else
				ike_debug(p->p_c, p->p_dbg, " processing "
				    "NOTIFY %s protocol %u", notify_name(n.n_type),
				    n.n_proto);
			continue;
		}
		if (m->im_pld[i].pl_type != ISAKMP_PL_DELETE ||
		    isakmp_delete_parse(&m->im_pld[i], &d) != ISAKMP_OK)
			continue;
		ike_debug(p->p_c, p->p_dbg, " processing DELETE payload. "
		    "message ID = %u", m->im_hdr.ih_msgid);
		if (d.d_proto == ISAKMP_PROTO_ISAKMP) {
			ike_debug(p->p_c, p->p_dbg, "peer does not do paranoid "
			    "keepalives.");
			ike_debug(p->p_c, p->p_dbg, "deleting SA reason \"%s\" "
			    "state (%s) QM_IDLE (peer %s)", "No reason",
			    p->p_sa->is_initiator ? "I" : "R",
			    sa_text(&p->p_peer, pa));
			ike_p1_free(p);
			return;
		}
		for (k = 0; k < d.d_nspi && d.d_spisize == 4; k++) {
			ipsec_delete_by_peer_spi(p->p_c, &p->p_peer,
			    get32(isakmp_delete_spi(&d, k)));
		}
	}
}

static void
info_input(struct ike_p1 *p, const struct isakmp_msg *m)
{
	uint8_t	plain[IKE_MSG_MAX];

	info_read(p, m, plain);
	/* No decrypted message is left behind (p may be gone by now): the
	 * body's length is what ike_decrypt_msg wrote, not the whole 4 KB
	 * (two deletes a teardown). */
	if (m->im_encrypted)
		OPENSSL_cleanse(plain, m->im_bodylen < sizeof(plain) ?
		    m->im_bodylen : sizeof(plain));
}

/* ---- Receiving. ---- */

static void
dbg_received(struct crypto *c, uint32_t dbg, const struct dp_udp_meta *um,
    const char *who, const char *state)
{
	char		a[SA_TEXT_LEN];
	struct sa_addr	src, dst;

	if (!ike_debugging(c))
		return;
	ike_udp_meta_addrs(um, &src, &dst);
	sa_text(&src, a);
	ike_debug_sp(c, dbg, " received packet from %s dport %u sport %u "
	    "Global (%s) %s", a, um->um_dport, um->um_sport, who, state);
}

/* True when RAW is the message we last answered (the answer went out
 * again) or a duplicate we drop. */
bool
ike_tx_note_rx(struct ike_p1 *p, struct ike_tx *tx, const uint8_t *raw,
    size_t len)
{
	uint64_t	sum = ike_msgsum(raw, len);

	if (tx->tx_has_rx && sum == tx->tx_rxsum) {
		ike_debug(p->p_c, p->p_dbg, " phase %d packet is a duplicate "
		    "of a previous packet.", tx == &p->p_tx ? 1 : 2);
		if (tx->tx_buf != NULL && tx->tx_answers_rx) {
			ike_debug(p->p_c, p->p_dbg, " retransmitting due to "
			    "retransmit phase %d", tx == &p->p_tx ? 1 : 2);
			dbg_send(p, isakmp_state_name(p->p_sa->is_state));
			tx_raw(p, tx->tx_buf, tx->tx_len);
		}
		return true;
	}
	tx->tx_rxsum = sum;
	tx->tx_has_rx = true;
	return false;
}

/*
 * One IKE message from the peer, on 500 or (behind the non-ESP marker,
 * already removed) on 4500.  Main Mode begins on 500; a message on 4500
 * moves the SA there (the peer floated, RFC 3947), and the port the
 * peer's 4500 traffic comes from is where ours goes (a NAT's mapping).
 */
static void
ike_input(struct crypto *c, const struct dp_udp_meta *um, const uint8_t *data,
    size_t len)
{
	struct isakmp_msg	 m;
	struct isakmp_sa	*is;
	struct ike_p1		*p;
	struct ike_qm		*q;
	static const uint8_t	 zero[8];
	bool			 natt = um->um_dport == ISAKMP_NATT_PORT;
	struct sa_addr		 src, dst;

	ike_udp_meta_addrs(um, &src, &dst);
	/* On 500 from any port: a NAT before the peer may have changed its
	 * 500 (IOS: "received packet from X dport 500 sport 1024"). */
	if (isakmp_decode(&m, data, len) != ISAKMP_OK) {
		c->c_ike_bad++;
		return;
	}
	/* A first message again (rcookie zero) belongs to the SA it made. */
	if (memcmp(m.im_hdr.ih_rcookie, zero, 8) == 0)
		is = sadb_isakmp_find_icookie(&c->c_sadb, m.im_hdr.ih_icookie,
		    &src);
	else
		is = sadb_isakmp_find(&c->c_sadb, m.im_hdr.ih_icookie,
		    m.im_hdr.ih_rcookie);
	if (is == NULL || is->is_engine == NULL) {
		if (memcmp(m.im_hdr.ih_rcookie, zero, 8) == 0 &&
		    (m.im_hdr.ih_exchange == ISAKMP_XCHG_IDPROT ||
		    m.im_hdr.ih_exchange == ISAKMP_XCHG_AGGRESSIVE) &&
		    !m.im_encrypted && !natt) {
			if (!ike_cac_admit(c, &dst, &src))
				return;
			dbg_received(c, 0, um, "N", "NEW SA");
			(m.im_hdr.ih_exchange == ISAKMP_XCHG_IDPROT ?
			    ike_mm_respond : ike_am_respond)(c, &dst, &src,
			    um->um_sport, &m, data, len);
		} else
			c->c_ike_bad++;
		return;
	}
	p = is->is_engine;
	if (!sa_addr_eq(&p->p_peer, &src)) {
		c->c_ike_bad++;
		return;
	}
	/* Whatever the peer sends next may need them (MM5 does). */
	if (p->p_keys_owed && !ike_p1_keys_settle(p))
		return;
	if (natt && (is->is_lport != ISAKMP_NATT_PORT ||
	    is->is_rport != um->um_sport)) {
		/* The flows follow only authenticated ESP (ipsec_in.c):
		 * this message is not checked yet, its cookies are no
		 * secret. */
		is->is_lport = ISAKMP_NATT_PORT;
		is->is_rport = um->um_sport;
		p->p_float = true;
	}
	p->p_rx_ms = clock_mono_ms();
	dbg_received(c, p->p_dbg, um, is->is_initiator ? "I" : "R",
	    ike_xauth_busy(p) ? "CONF_XAUTH" : isakmp_state_name(is->is_state));
	switch (m.im_hdr.ih_exchange) {
	case ISAKMP_XCHG_IDPROT:
		if (p->p_state == FSM_P1_COMPLETE) {
			/* The peer missed our last message: answer again. */
			(void)ike_tx_note_rx(p, &p->p_tx, data, len);
			return;
		}
		if (ike_tx_note_rx(p, &p->p_tx, data, len))
			return;
		ike_mm_input(p, &m, data, len);
		break;
	case ISAKMP_XCHG_AGGRESSIVE:
		if (p->p_state == FSM_P1_COMPLETE) {
			/* Our AM3 was lost: the peer sends AM2 again. */
			(void)ike_tx_note_rx(p, &p->p_tx, data, len);
			return;
		}
		if (ike_tx_note_rx(p, &p->p_tx, data, len))
			return;
		ike_am_input(p, &m);
		break;
	case ISAKMP_XCHG_TRANSACTION:
		if (p->p_state != FSM_P1_COMPLETE)
			return;
		if (ike_tx_note_rx(p, &p->p_tx, data, len))
			return;
		/* Until xauth sends, what went last is not this one's answer. */
		p->p_tx.tx_answers_rx = false;
		ike_xauth_input(p, &m);
		break;
	case ISAKMP_XCHG_QUICK:
		/* IOS ignores Quick Mode until XAUTH has passed. */
		if (p->p_state != FSM_P1_COMPLETE || !ike_xauth_ready(p))
			return;
		if ((q = ike_qm_find(p, m.im_hdr.ih_msgid)) != NULL &&
		    ike_tx_note_rx(p, &q->q_tx, data, len))
			return;
		ike_qm_input(p, &m, data, len);
		break;
	case ISAKMP_XCHG_INFO:
		info_input(p, &m);
		break;
	default:
		c->c_ike_bad++;
		break;
	}
}

static void
udp500_input(void *arg, const struct dp_udp_meta *um, const uint8_t *data,
    size_t len)
{
	ike_input(arg, um, data, len);
}

/* Port 4500: the dataplane gives us what starts with the non-ESP
 * marker (ESP-in-UDP goes to crypto's ESP input, keepalives are
 * dropped). */
static void
udp4500_input(void *arg, const struct dp_udp_meta *um, const uint8_t *data,
    size_t len)
{
	struct crypto	*c = arg;

	if (len < 4 || memcmp(data, "\0\0\0\0", 4) != 0) {
		c->c_ike_bad++;
		return;
	}
	ike_input(c, um, data + 4, len - 4);
}

void
ike_attach(struct crypto *c)
{
	struct dataplane	*dp = c->c_sys->sy_dp;

	if (dp == NULL)
		return;
	if (dp_udp_bind(dp, ISAKMP_PORT, udp500_input, c) == 0)
		c->c_ike_bound = true;
	if (dp_udp_bind(dp, ISAKMP_NATT_PORT, udp4500_input, c) == 0)
		c->c_natt_bound = true;
	/* The next Diffie-Hellman pair is made ahead, so that an exchange
	 * does not wait for it (the initiator's KE in MM3, the responder's
	 * in MM4): by the maker thread, or in the loop's idle moments. */
	if (c->c_sys->sy_loop != NULL) {
		ike_dh_maker_enable(true);
		evloop_idle_work(c->c_sys->sy_loop, ike_idle_want, ike_idle,
		    c);
	}
	ipsec_attach(c);
}

void
ike_detach(struct crypto *c)
{
	struct isakmp_sa	*is, *next;
	struct ike_p1		*p;
	struct dataplane	*dp = c->c_sys->sy_dp;

	ipsec_detach(c);
	if (c->c_sys->sy_loop != NULL)
		evloop_idle_work(c->c_sys->sy_loop, NULL, NULL, NULL);
	for (is = TAILQ_FIRST(&c->c_sadb.db_isakmp); is != NULL; is = next) {
		next = TAILQ_NEXT(is, is_entry);
		if ((p = is->is_engine) == NULL)
			continue;
		/* Going with the router: no SESSION_STATUS message. */
		p->p_state = FSM_DEST_SA;
		ike_p1_free(p);
	}
	if (c->c_ike_bound && dp != NULL)
		dp_udp_unbind(dp, ISAKMP_PORT);
	if (c->c_natt_bound && dp != NULL)
		dp_udp_unbind(dp, ISAKMP_NATT_PORT);
	c->c_ike_bound = c->c_natt_bound = false;
}

/* An ISAKMP SA cleared by hand: the peer told when it is up, then gone. */
void
ike_p1_clear(struct ike_p1 *p)
{
	struct isakmp_sa	*is = p->p_sa;
	uint8_t			 spi[16];

	if (p->p_state == FSM_P1_COMPLETE) {
		memcpy(spi, is->is_icookie, 8);
		memcpy(spi + 8, is->is_rcookie, 8);
		ike_delete_notify(p, ISAKMP_PROTO_ISAKMP, spi, 16);
	}
	ike_p1_free(p);
}

/* `clear crypto isakmp`: every ISAKMP SA goes, the peer told. */
void
ike_clear_isakmp(struct crypto *c)
{
	struct isakmp_sa	*is, *next;

	for (is = TAILQ_FIRST(&c->c_sadb.db_isakmp); is != NULL; is = next) {
		next = TAILQ_NEXT(is, is_entry);
		if (is->is_engine != NULL)
			ike_p1_clear(is->is_engine);
	}
}
