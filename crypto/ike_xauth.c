/*
 * ike_xauth: XAUTH (draft-beaulieu-ike-xauth) and mode-config
 * (draft-dukes-ike-mode-cfg) on the responder, over the transaction
 * exchange (ISAKMP exchange 6), as seed 002's hub runs them for a Cisco
 * VPN Client: after Aggressive Mode with XAUTHInitPreShared the hub asks
 * for a user name and password (REQUEST), checks the REPLY against the
 * profile's `client authentication list` (the shell's hook, lib/system.h),
 * tells the result (SET with STATUS) and waits for the ACK; then it
 * answers the client's mode-config REQUEST with an address from the
 * group's `ip local pool`, its DNS and WINS servers and domain (pull,
 * `client configuration address respond`), or sends them itself in a SET
 * and waits for the ACK (push, `client configuration address initiate`).
 *
 * Every transaction message carries HASH = prf(SKEYID_a, M-ID | ATTR) and
 * is encrypted with an IV made from phase 1's last block and its M-ID,
 * carried on through the exchange's reply (as Quick Mode's).
 */
#include <openssl/crypto.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crypto/ike_cfg.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ike_prf.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "lib/system.h"

/* IOS asks three times before it gives up on a login. */
#define XAUTH_TRIES	3

static void
xfsm(struct ike_p1 *p, const char *input, enum ike_fsm from, enum ike_fsm to)
{
	ike_dbg_fsm(p, input, from, to);
	p->p_xstate = to;
}

/* IOS prints message IDs of transactions signed (seed 002's
 * "ID = -1118110738"). */
static int32_t
sid(uint32_t msgid)
{
	return (int32_t)msgid;
}

/* Open a transaction message of TYPE: header, HASH placeholder, the
 * ATTRIBUTE payload left open for the caller's attributes. */
static size_t
cfg_open(struct ike_p1 *p, struct isakmp_build *b, uint8_t *msg, size_t cap,
    uint32_t msgid, uint8_t type)
{
	struct isakmp_hdr	h;
	uint8_t			zero[IKE_PRF_MAX];
	size_t			hoff;

	memset(zero, 0, sizeof(zero));
	ike_p1_hdr(p, &h, ISAKMP_XCHG_TRANSACTION);
	h.ih_msgid = msgid;
	isakmp_build_init(b, msg, cap, &h);
	hoff = isakmp_build_payload(b, ISAKMP_PL_HASH, zero,
	    ike_hash_len(p->p_hash));
	isakmp_build_cfg_begin(b, type, 0);
	return hoff;
}

/* Close, hash, encrypt with IV (left as the last cipher block), send. */
static bool
cfg_send(struct ike_p1 *p, struct isakmp_build *b, uint8_t *msg, size_t cap,
    size_t hoff, uint8_t *iv, const char *state, bool rexmit)
{
	uint8_t	mid[4], hv[IKE_PRF_MAX];
	size_t	len, hl = ike_hash_len(p->p_hash);

	isakmp_build_end(b);
	if (isakmp_build_finish(b, &len) != ISAKMP_OK)
		return false;
	memcpy(mid, msg + 20, 4);	/* the header's M-ID */
	if (ike_qm_hash1(&p->p_keys, mid, msg + hoff + hl,
	    len - (hoff + hl), hv) != 0)
		return false;
	memcpy(msg + hoff, hv, hl);
	if ((len = ike_encrypt_msg(p, msg, len, cap, iv)) == 0)
		return false;
	/* Phase 1's own slot: a request of ours is retransmitted as phase
	 * 1's messages are, and a client that never answers ends the SA
	 * ("Death by retransmission P1"). */
	ike_send(p, &p->p_tx, msg, len, state, rexmit);
	return true;
}

/* A new transaction of ours (NODE: "CONF_XAUTH", "CONF_ADDR"): its M-ID
 * and first IV. */
static bool
cfg_new(struct ike_p1 *p, const char *node)
{
	uint8_t	mid[4];

	do
		ike_random(&p->p_cfg_msgid, sizeof(p->p_cfg_msgid));
	while (p->p_cfg_msgid == 0);
	put32(mid, p->p_cfg_msgid);
	ike_debug_raw(p->p_c, " set new node %d to %s",
	    sid(p->p_cfg_msgid), node);
	return ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid,
	    p->p_cfg_iv) == 0;
}

/* A transaction of ours (cfg_new) built: announced as IOS does, sent and
 * resent until answered. */
static bool
cfg_initiate(struct ike_p1 *p, struct isakmp_build *b, uint8_t *msg,
    size_t cap, size_t hoff, const char *node)
{
	ike_dbg_hmac(p);
	ike_debug(p->p_c, p->p_dbg, "initiating peer config to %s. ID = %d",
	    sa_text(&p->p_peer, (char[SA_TEXT_LEN]){ 0 }),
	    sid(p->p_cfg_msgid));
	return cfg_send(p, b, msg, cap, hoff, p->p_cfg_iv, node, true);
}

/* The client is refused: it is told the ISAKMP SA is gone (a delete
 * with the cookies), so it does not wait for answers, and the SA goes. */
static void
cfg_drop(struct ike_p1 *p, const char *why)
{
	uint8_t	spi[16];

	memcpy(spi, p->p_sa->is_icookie, 8);
	memcpy(spi + 8, p->p_sa->is_rcookie, 8);
	ike_delete_notify(p, ISAKMP_PROTO_ISAKMP, spi, sizeof(spi));
	ike_p1_fail(p, why);
}

/* ---- XAUTH. ---- */

static void
xauth_request(struct ike_p1 *p, enum ike_fsm from)
{
	struct isakmp_build	b;
	uint8_t			msg[IKE_MSG_MAX];
	size_t			hoff;

	if (!cfg_new(p, "CONF_XAUTH"))
		return;
	hoff = cfg_open(p, &b, msg, sizeof(msg), p->p_cfg_msgid,
	    ISAKMP_CFG_REQUEST);
	ike_debug_text(p->p_c, "ISAKMP/xauth: request attribute %s",
	    ike_cfg_attr_name(XAUTH_USER_NAME));
	isakmp_build_attr_tlv(&b, XAUTH_USER_NAME, NULL, 0);
	ike_debug_text(p->p_c, "ISAKMP/xauth: request attribute %s",
	    ike_cfg_attr_name(XAUTH_USER_PASSWORD));
	isakmp_build_attr_tlv(&b, XAUTH_USER_PASSWORD, NULL, 0);
	if (!cfg_initiate(p, &b, msg, sizeof(msg), hoff, "CONF_XAUTH"))
		return;
	xfsm(p, "IKE_MESG_FROM_AAA, IKE_AAA_START_LOGIN", from,
	    FSM_XAUTH_REQ_SENT);
}

static void	cfg_push(struct ike_p1 *);
static bool	cfg_push_wanted(const struct ike_p1 *);

void
ike_xauth_start(struct ike_p1 *p)
{
	if (!p->p_xauth && cfg_push_wanted(p)) {
		/* No login to ask for: the address goes at once. */
		p->p_xstate = FSM_P1_COMPLETE;
		cfg_push(p);
		return;
	}
	if (!p->p_xauth || p->p_sa->is_initiator)
		return;
	p->p_sa->is_caps |= ISK_CAP_XAUTH;
	ike_debug(p->p_c, p->p_dbg, "Need XAUTH");
	xfsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE", FSM_P1_COMPLETE,
	    FSM_XAUTH_START_AWAIT);
	xauth_request(p, FSM_XAUTH_START_AWAIT);
}

/* An XAUTH exchange under way: IOS names the SA's state CONF_XAUTH
 * (seed 002's "received packet ... (R) CONF_XAUTH"). */
bool
ike_xauth_busy(const struct ike_p1 *p)
{
	return p->p_xstate == FSM_XAUTH_START_AWAIT ||
	    p->p_xstate == FSM_XAUTH_REQ_SENT ||
	    p->p_xstate == FSM_XAUTH_CONT_AWAIT ||
	    p->p_xstate == FSM_XAUTH_SET_SENT;
}

bool
ike_xauth_ready(const struct ike_p1 *p)
{
	/* A transaction of ours still open (a pushed SET) holds it too. */
	return (!p->p_xauth || p->p_sa->is_initiator || p->p_xauth_done) &&
	    p->p_xstate == FSM_READY;
}

/* The result in a SET: STATUS 1 (passed) or 0. */
static void
xauth_set(struct ike_p1 *p, bool ok)
{
	struct isakmp_build	b;
	uint8_t			msg[IKE_MSG_MAX];
	size_t			hoff;

	p->p_xauth_pass = ok;
	if (!cfg_new(p, "CONF_XAUTH"))
		return;
	hoff = cfg_open(p, &b, msg, sizeof(msg), p->p_cfg_msgid,
	    ISAKMP_CFG_SET);
	isakmp_build_attr_tv(&b, XAUTH_STATUS, ok ? 1 : 0);
	if (!cfg_initiate(p, &b, msg, sizeof(msg), hoff, "CONF_XAUTH"))
		return;
	xfsm(p, "IKE_MESG_FROM_AAA, IKE_AAA_CONT_LOGIN",
	    FSM_XAUTH_CONT_AWAIT, FSM_XAUTH_SET_SENT);
}

static void
xauth_reply(struct ike_p1 *p, const struct ike_cfgmsg *cm)
{
	const struct isakmp_attr	*u, *w;
	char				 pass[IKE_CFG_STR_MAX + 1];
	char				 peer[SA_TEXT_LEN];
	enum sys_auth			 r = SYS_AUTH_FAIL;

	ike_tx_stop(p->p_c, &p->p_tx);
	u = ike_cfg_find(cm, XAUTH_USER_NAME);
	w = ike_cfg_find(cm, XAUTH_USER_PASSWORD);
	if (u != NULL)
		ike_debug_text(p->p_c, "ISAKMP/xauth: reply attribute %s",
		    ike_cfg_attr_name(XAUTH_USER_NAME));
	if (w != NULL)
		ike_debug_text(p->p_c, "ISAKMP/xauth: reply attribute %s",
		    ike_cfg_attr_name(XAUTH_USER_PASSWORD));
	ike_debug(p->p_c, p->p_dbg, "deleting node %d error FALSE reason "
	    "\"done with xauth request/reply exchange\"",
	    sid(p->p_cfg_msgid));
	xfsm(p, "IKE_MESG_FROM_PEER, IKE_CFG_REPLY", FSM_XAUTH_REQ_SENT,
	    FSM_XAUTH_CONT_AWAIT);
	if (u != NULL && w != NULL &&
	    ike_cfg_string(u, p->p_user, sizeof(p->p_user)) == 0 &&
	    ike_cfg_string(w, pass, sizeof(pass)) == 0)
		r = sys_auth_login(p->p_c->c_sys, ike_xauth_list(p),
		    p->p_user, pass);
	OPENSSL_cleanse(pass, sizeof(pass));
	if (r == SYS_AUTH_PASS) {
		snprintf(sadb_isakmp_sess(p->p_sa)->s_user,
		    sizeof(p->p_sa->is_sess->s_user), "%s", p->p_user);
		xauth_set(p, true);
		return;
	}
	sa_text(&p->p_peer, peer);
	sys_log(p->p_c->c_sys, "CRYPTO", 6, "IKMP_NOT_AUTHENTICATED",
	    "XAUTH user %s from %s failed", p->p_user, peer);
	/* Another try, until IOS's count is spent: then the bad news. */
	if (++p->p_xtries < XAUTH_TRIES && r == SYS_AUTH_FAIL) {
		xauth_request(p, FSM_XAUTH_CONT_AWAIT);
		return;
	}
	xauth_set(p, false);
}

static void
xauth_ack(struct ike_p1 *p)
{
	ike_tx_stop(p->p_c, &p->p_tx);
	ike_debug(p->p_c, p->p_dbg, "XAUTH ACK Processed");
	ike_debug(p->p_c, p->p_dbg, "deleting node %d error FALSE reason "
	    "\"done with transaction\"", sid(p->p_cfg_msgid));
	if (!p->p_xauth_pass) {
		/* The client knows it failed: the SA goes. */
		cfg_drop(p, "XAUTH failed");
		return;
	}
	p->p_xauth_done = true;
	xfsm(p, "IKE_MESG_FROM_PEER, IKE_CFG_ACK", FSM_XAUTH_SET_SENT,
	    FSM_P1_COMPLETE);
	if (cfg_push_wanted(p)) {
		cfg_push(p);
		return;
	}
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE",
	    FSM_P1_COMPLETE, FSM_P1_COMPLETE);
	p->p_xstate = FSM_READY;
}

/* ---- Mode-config: the client's REQUEST answered. ---- */

/* Whether ADDR is a live phase 1's mode-config address. */
static bool
addr_in_use(struct crypto *c, uint32_t addr)
{
	struct isakmp_sa	*is;
	const struct ike_p1	*q;

	TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry) {
		q = is->is_engine;
		if (q != NULL && q->p_cfgaddr == addr)
			return true;
	}
	return false;
}

/* The lowest free address of the group's pool (seed 002: 10.5.5.1 for
 * the first client), or 0 when it is exhausted or unknown.  What live
 * phase 1s hold is taken; an SA that goes gives its address back. */
static uint32_t
pool_take(struct ike_p1 *p, const struct client_group *cg)
{
	const struct ip_pool	*pl;
	size_t			 i;
	uint64_t		 a;

	if (cg == NULL || cg->cg_pool == NULL ||
	    (pl = crypto_pool_find(p->p_c, cg->cg_pool)) == NULL)
		return 0;
	for (i = 0; i < pl->pl_n; i++)
		for (a = pl->pl_ranges[i].pr_lo; a <= pl->pl_ranges[i].pr_hi;
		    a++)
			if (!addr_in_use(p->p_c, (uint32_t)a))
				return (uint32_t)a;
	return 0;
}

static void
put_addr(struct isakmp_build *b, uint16_t type, uint32_t addr)
{
	uint8_t	v[4];

	put32(v, addr);
	isakmp_build_attr_tlv(b, type, v, 4);
}

/* A configured server address ("1.1.1.1") as an attribute. */
static void
put_server(struct ike_p1 *p, struct isakmp_build *b, uint16_t type,
    const char *what, const char *text)
{
	uint32_t	a;

	if (text == NULL || !ip4_parse(text, &a))
		return;
	ike_debug_raw(p->p_c, " Sending %s server address: %s", what, text);
	put_addr(b, type, a);
}

/*
 * One attribute of type T of a reply (pull) or a SET (push), with IOS's
 * debug line: the address comes from the group's pool the first time
 * (false when there is none to give), servers and domain from the group.
 */
static bool
cfg_attr(struct ike_p1 *p, struct isakmp_build *b,
    const struct client_group *cg, uint16_t t)
{
	uint8_t		 v[4];
	char		 a[SA_TEXT_LEN], ver[160];
	uint64_t	 up;

	switch (t) {
	case CFG_INTERNAL_IP4_ADDRESS:
		if (p->p_cfgaddr == 0 &&
		    (p->p_cfgaddr = pool_take(p, cg)) == 0)
			return false;
		sadb_isakmp_sess(p->p_sa)->s_addr = p->p_cfgaddr;
		ip4_text(p->p_cfgaddr, a);
		ike_debug(p->p_c, p->p_dbg, "allocating address %s", a);
		ike_debug_raw(p->p_c, " Sending private address: %s", a);
		put_addr(b, t, p->p_cfgaddr);
		p->p_sa->is_caps |= ISK_CAP_CONFIG;
		break;
	case CFG_INTERNAL_IP4_DNS:
		if (cg == NULL)
			break;
		put_server(p, b, t, "IP4_DNS", cg->cg_dns[0]);
		put_server(p, b, t, "IP4_DNS", cg->cg_dns[1]);
		break;
	case CFG_INTERNAL_IP4_NBNS:
		if (cg == NULL)
			break;
		put_server(p, b, t, "IP4_NBNS", cg->cg_wins[0]);
		put_server(p, b, t, "IP4_NBNS", cg->cg_wins[1]);
		break;
	case CFG_INTERNAL_ADDRESS_EXPIRY:
		if (p->p_cfgaddr == 0)
			break;
		/* The address lives as long as phase 1. */
		up = (clock_mono_ms() - p->p_sa->is_up_ms) / 1000;
		put32(v, up < p->p_life ? p->p_life - (uint32_t)up : 0);
		ike_debug_raw(p->p_c, " Sending ADDRESS_EXPIRY seconds "
		    "left to use the address: %u", get32(v));
		isakmp_build_attr_tlv(b, t, v, 4);
		break;
	case UNITY_DEF_DOMAIN:
		if (cg == NULL || cg->cg_domain == NULL)
			break;
		ike_debug_raw(p->p_c, " Sending DEFAULT_DOMAIN default "
		    "domain name: %s", cg->cg_domain);
		isakmp_build_attr_tlv(b, t, (const uint8_t *)cg->cg_domain,
		    (uint16_t)strlen(cg->cg_domain));
		break;
	case CFG_APPLICATION_VERSION:
		snprintf(ver, sizeof(ver), "Cisco IOS Software, iosh, "
		    "Version %u.%u", p->p_c->c_sys->sy_version.iv_major,
		    p->p_c->c_sys->sy_version.iv_minor);
		ike_debug_raw(p->p_c, " Sending APPLICATION_VERSION "
		    "string: %s", ver);
		isakmp_build_attr_tlv(b, t, (const uint8_t *)ver,
		    (uint16_t)strlen(ver));
		break;
	case UNITY_SPLIT_INCLUDE:
		ike_cfg_put_split(p, b, cg);
		break;
	case CFG_INTERNAL_IP4_NETMASK:
		/* Not configured (no netmask): IOS sends nothing and
		 * says nothing. */
		break;
	case UNITY_SAVE_PASSWD:
		if (ike_cfg_put_save_pw(p, b, cg))
			break;
		/* FALLTHROUGH */
	default:
		ike_debug12(p->p_c, p->p_dbg, IKE_DBG12_SLASH,
		    " Unknown Attr: UNKNOWN (0x%X)", t);
		break;
	}
	return true;
}

static void
cfg_request(struct ike_p1 *p, uint32_t msgid, uint8_t *iv,
    const struct ike_cfgmsg *cm)
{
	const struct client_group	*cg;
	struct isakmp_build		 b;
	uint8_t				 msg[IKE_MSG_MAX];
	char				 a[SA_TEXT_LEN];
	const char			*name;
	size_t				 hoff;
	unsigned			 i;
	uint16_t			 t;

	ike_debug(p->p_c, p->p_dbg, "checking request:");
	for (i = 0; i < cm->cm_nattrs; i++) {
		t = cm->cm_attrs[i].at_type;
		if ((name = ike_cfg_attr_name(t)) != NULL)
			ike_debug_raw(p->p_c, " %s", name);
		else
			ike_debug_raw(p->p_c, " UNKNOWN Unknown Attr: 0x%X", t);
	}
	xfsm(p, "IKE_MESG_FROM_PEER, IKE_CFG_REQUEST", FSM_P1_COMPLETE,
	    FSM_CONFIG_AUTHOR_AWAIT);
	cg = crypto_client_group_find(p->p_c, p->p_group_name);
	hoff = cfg_open(p, &b, msg, sizeof(msg), msgid, ISAKMP_CFG_REPLY);
	/* The ATTRIBUTE payload's identifier echoes the request's. */
	put16(msg + hoff + ike_hash_len(p->p_hash) + ISAKMP_GEN_LEN + 2,
	    cm->cm_ident);
	ike_debug(p->p_c, p->p_dbg, "attributes sent in message:");
	for (i = 0; i < cm->cm_nattrs; i++)
		(void)cfg_attr(p, &b, cg, cm->cm_attrs[i].at_type);
	ike_dbg_hmac(p);
	ike_debug(p->p_c, p->p_dbg, "responding to peer config from %s. "
	    "ID = %d", sa_text(&p->p_peer, a), sid(msgid));
	if (p->p_cfgaddr == 0) {
		/* No address for the client: IOS refuses it. */
		cfg_drop(p, "no address in the pool");
		return;
	}
	if (!cfg_send(p, &b, msg, sizeof(msg), hoff, iv, "CONF_ADDR", false))
		return;
	ike_debug(p->p_c, p->p_dbg, "deleting node %d error FALSE reason "
	    "\"\"", sid(msgid));
	xfsm(p, "IKE_MESG_FROM_AAA, IKE_AAA_GROUP_ATTR",
	    FSM_CONFIG_AUTHOR_AWAIT, FSM_P1_COMPLETE);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE",
	    FSM_P1_COMPLETE, FSM_P1_COMPLETE);
	p->p_xstate = FSM_READY;
}

/* ---- Mode-config pushed: `client configuration address initiate`. ---- */

/* The profile asks us, the responder, to push the address. */
static bool
cfg_push_wanted(const struct ike_p1 *p)
{
	const struct isakmp_profile	*pr = ike_profile_of(p);

	/* No profile: the crypto map's `client configuration address`. */
	return !p->p_sa->is_initiator && (pr != NULL ? pr->pr_cfg_initiate :
	    ike_map_cfg_initiate(p));
}

/* What a SET carries unasked: the address and the group's servers and
 * domain (no expiry or version: those answer a client's question). */
static const uint16_t push_attrs[] = {
	CFG_INTERNAL_IP4_ADDRESS, CFG_INTERNAL_IP4_DNS, CFG_INTERNAL_IP4_NBNS,
	UNITY_DEF_DOMAIN
};

/* Phase 1 (and XAUTH) done: send the SET and wait for the ACK, as
 * XAUTH's SET waits; Quick Mode waits for it too (ike_xauth_ready). */
static void
cfg_push(struct ike_p1 *p)
{
	const struct client_group	*cg;
	struct isakmp_build		 b;
	uint8_t				 msg[IKE_MSG_MAX];
	size_t				 hoff, i;

	xfsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE", FSM_P1_COMPLETE,
	    FSM_CONFIG_AUTHOR_AWAIT);
	cg = crypto_client_group_find(p->p_c, p->p_group_name);
	if (!cfg_new(p, "CONF_ADDR"))
		return;
	hoff = cfg_open(p, &b, msg, sizeof(msg), p->p_cfg_msgid,
	    ISAKMP_CFG_SET);
	ike_debug(p->p_c, p->p_dbg, "attributes sent in message:");
	for (i = 0; i < sizeof(push_attrs) / sizeof(push_attrs[0]); i++)
		if (!cfg_attr(p, &b, cg, push_attrs[i])) {
			cfg_drop(p, "no address in the pool");
			return;
		}
	if (!cfg_initiate(p, &b, msg, sizeof(msg), hoff, "CONF_ADDR"))
		return;
	xfsm(p, "IKE_MESG_FROM_AAA, IKE_AAA_GROUP_ATTR",
	    FSM_CONFIG_AUTHOR_AWAIT, FSM_CONFIG_SET_SENT);
}

static void
cfg_push_ack(struct ike_p1 *p)
{
	ike_tx_stop(p->p_c, &p->p_tx);
	ike_debug(p->p_c, p->p_dbg, "deleting node %d error FALSE reason "
	    "\"done with transaction\"", sid(p->p_cfg_msgid));
	xfsm(p, "IKE_MESG_FROM_PEER, IKE_CFG_ACK", FSM_CONFIG_SET_SENT,
	    FSM_P1_COMPLETE);
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE",
	    FSM_P1_COMPLETE, FSM_P1_COMPLETE);
	p->p_xstate = FSM_READY;
}

/* ---- Input. ---- */

void
ike_xauth_input(struct ike_p1 *p, const struct isakmp_msg *m)
{
	static struct ike_cfgmsg cm;
	struct isakmp_msg	 pm;
	const struct isakmp_pld	*h, *at;
	const uint8_t		*rest;
	uint8_t			 plain[IKE_MSG_MAX], mid[4], iv[16];
	uint8_t			 want[IKE_PRF_MAX];
	size_t			 restlen, hl = ike_hash_len(p->p_hash);
	char			 peer[SA_TEXT_LEN];
	uint32_t		 msgid = m->im_hdr.ih_msgid;
	bool			 ours = msgid == p->p_cfg_msgid;

	sa_text(&p->p_peer, peer);
	if (!m->im_encrypted || m->im_bodylen > IKE_MSG_MAX || msgid == 0)
		goto bad;
	put32(mid, msgid);
	if (ours)
		memcpy(iv, p->p_cfg_iv, sizeof(iv));
	else {
		ike_debug_raw(p->p_c, " set new node %d to QM_IDLE",
		    sid(msgid));
		if (ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid, iv) != 0)
			return;
	}
	if (!ike_decrypt_msg(p, m, plain, &pm, iv))
		goto bad;
	ike_debug(p->p_c, p->p_dbg, " processing transaction payload from %s. "
	    "message ID = %d", peer, sid(msgid));
	ike_dbg_hmac(p);
	/* HASH first, then the ATTRIBUTE payload it covers. */
	if (pm.im_npld < 2 || (h = &pm.im_pld[0])->pl_type != ISAKMP_PL_HASH ||
	    h->pl_bodylen != hl ||
	    (rest = isakmp_msg_rest(&pm, 0, &restlen)) == NULL ||
	    ike_qm_hash1(&p->p_keys, mid, rest, restlen, want) != 0 ||
	    CRYPTO_memcmp(want, h->pl_body, hl) != 0 ||
	    (at = ike_pld_find(&pm, ISAKMP_PL_ATTR)) == NULL ||
	    ike_cfg_decode(at, &cm) != IKE_CFG_OK)
		goto bad;
	ike_debug_raw(p->p_c, " Config payload %s",
	    ike_cfg_type_name(cm.cm_type));
	if (ours)
		memcpy(p->p_cfg_iv, iv, sizeof(iv));
	if (ours && cm.cm_type == ISAKMP_CFG_REPLY &&
	    p->p_xstate == FSM_XAUTH_REQ_SENT)
		xauth_reply(p, &cm);
	else if (ours && cm.cm_type == ISAKMP_CFG_ACK &&
	    p->p_xstate == FSM_XAUTH_SET_SENT)
		xauth_ack(p);
	else if (ours && cm.cm_type == ISAKMP_CFG_ACK &&
	    p->p_xstate == FSM_CONFIG_SET_SENT)
		cfg_push_ack(p);
	else if (!ours && cm.cm_type == ISAKMP_CFG_REQUEST &&
	    !p->p_sa->is_initiator &&
	    ike_xauth_ready(p) && p->p_xstate == FSM_READY)
		cfg_request(p, msgid, iv, &cm);
	/* Anything else (an XAUTH REQUEST to us, an initiator with no
	 * client configuration) is not answered: the asker retransmits
	 * and gives up. */
	OPENSSL_cleanse(plain, sizeof(plain));
	return;
bad:
	OPENSSL_cleanse(plain, sizeof(plain));
	/* Dropped, and counted with the other malformed ISAKMP. */
	p->p_c->c_ike_bad++;
	sys_log(p->p_c->c_sys, "CRYPTO", 4, "IKMP_BAD_MESSAGE",
	    "IKE message from %s failed its sanity check or is malformed",
	    peer);
}

void
ike_xauth_free(struct ike_p1 *p)
{
	/* The address goes back to the pool: nothing else holds it. */
	p->p_cfgaddr = 0;
}
