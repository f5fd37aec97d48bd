/*
 * ike_qm: Quick Mode (RFC 2409 5.5), initiator and responder, ESP in
 * tunnel mode, with IOS's debug lines (seed 001 shows the initiator's).
 *
 *	I -> R	QM1* HASH(1), SA, Ni [, KE], IDci, IDcr
 *	R -> I	QM2* HASH(2), SA, Nr [, KE], IDci, IDcr
 *	I -> R	QM3* HASH(3)
 *
 * The initiator offers one proposal per transform set of the crypto map
 * entry; the responder finds its entry from the proxies (the mirror of
 * its crypto ACL) and takes the first proposal one of that entry's
 * transform sets matches.  Each side installs its SAs when it has the
 * other's SPI and nonce: the initiator on QM2, the responder when it
 * sends QM2.
 */
#include <openssl/crypto.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ah.h"
#include "crypto/esp.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ike_p2sel.h"
#include "crypto/ike_prf.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/xalloc.h"

static uint32_t
ident_v4(const struct sa_ident *id)
{
	return get32(id->id_addr.sa_addr);
}

static uint32_t
plen_mask(unsigned plen)
{
	return plen == 0 ? 0 : 0xffffffffu << (32 - plen);
}

static struct ike_qm *
qm_new(struct ike_p1 *p, uint32_t msgid, bool initiator)
{
	struct ike_qm	*q;

	q = xcalloc(1, sizeof(*q));
	q->q_p1 = p;
	q->q_msgid = msgid;
	q->q_initiator = initiator;
	q->q_state = FSM_QM_READY;
	q->q_next = p->p_qms;
	p->p_qms = q;
	return q;
}

/* An SPI no inbound SA of ours uses (and not the reserved 0..255). */
static uint32_t
new_spi(struct crypto *c)
{
	uint32_t	spi;

	do
		ike_random(&spi, sizeof(spi));
	while (spi < 256 || sadb_sa_find_in(&c->c_sadb, spi) != NULL);
	return spi;
}

static uint8_t
esp_id(const struct transform_set *ts)
{
	switch (ts->ts_enc) {
	case TS_ENC_DES:
		return IPSEC_ESP_DES;
	case TS_ENC_3DES:
		return IPSEC_ESP_3DES;
	case TS_ENC_NONE:	/* an ESP HMAC alone (RFC 2410's NULL) */
	case TS_ENC_NULL:
		return IPSEC_ESP_NULL;
	case TS_ENC_SEAL:
		return IPSEC_ESP_SEAL;
	case TS_ENC_GCM:
		return IPSEC_ESP_AES_GCM_16;
	case TS_ENC_GMAC:
		return IPSEC_ESP_NULL_AES_GMAC;
	default:
		return IPSEC_ESP_AES;
	}
}

static uint16_t
auth_id(const struct transform_set *ts)
{
	switch (ts->ts_auth) {
	case TS_AUTH_MD5:
		return IPSEC_AUTH_HMAC_MD5;
	case TS_AUTH_SHA:
		return IPSEC_AUTH_HMAC_SHA;
	case TS_AUTH_SHA256:
		return IPSEC_AUTH_HMAC_SHA2_256;
	case TS_AUTH_SHA384:
		return IPSEC_AUTH_HMAC_SHA2_384;
	case TS_AUTH_SHA512:
		return IPSEC_AUTH_HMAC_SHA2_512;
	default:
		return 0;
	}
}

static bool
offer_is_transport(const struct p2_offer *of)
{
	return of->po_encaps == IPSEC_ENCAP_TRANSPORT ||
	    of->po_encaps == IPSEC_ENCAP_UDP_TRANSPORT ||
	    of->po_encaps == IPSEC_ENCAP_UDP_TRANSPORT_DRAFT;
}

/* One protocol's proposal for TS (ESP, or AH), attributes in IOS's
 * order.  TS's ts_transport is the mode to offer (the responder: the one
 * it accepted). */
static void
build_part(struct ike_qm *q, struct isakmp_build *b, uint8_t no,
    const struct transform_set *ts, bool ah)
{
	struct transform_set	 as;
	uint8_t			 spi[4];

	put32(spi, q->q_spi_in);
	isakmp_build_prop_begin(b, no, ah ? ISAKMP_PROTO_AH : ISAKMP_PROTO_ESP,
	    spi, 4);
	/* AH's transform carries its HMAC as the authentication
	 * attribute too (RFC 2407 §4.5: it must match the transform). */
	if (ah) {
		memset(&as, 0, sizeof(as));
		as.ts_auth = ah_auth(ts->ts_ah);
		as.ts_transport = ts->ts_transport;
		isakmp_build_xf_begin(b, 1, ike_p2_ah_id(ts->ts_ah));
		ts = &as;
	} else
		isakmp_build_xf_begin(b, 1, esp_id(ts));
	/* Behind NAT-T the modes are RFC 3947's UDP-encapsulated ones. */
	if (q->q_p1->p_float)
		isakmp_build_attr_tv(b, IPSEC_ATTR_ENCAP_MODE,
		    ts->ts_transport ? IPSEC_ENCAP_UDP_TRANSPORT :
		    IPSEC_ENCAP_UDP_TUNNEL);
	else
		isakmp_build_attr_tv(b, IPSEC_ATTR_ENCAP_MODE,
		    ts->ts_transport ? IPSEC_ENCAP_TRANSPORT :
		    IPSEC_ENCAP_TUNNEL);
	isakmp_build_attr_tv(b, IPSEC_ATTR_LIFE_TYPE, IPSEC_LIFE_SECONDS);
	if (q->q_life_s <= 0xffff)
		isakmp_build_attr_tv(b, IPSEC_ATTR_LIFE_DURATION,
		    (uint16_t)q->q_life_s);
	else
		isakmp_build_attr_var(b, IPSEC_ATTR_LIFE_DURATION, q->q_life_s);
	isakmp_build_attr_tv(b, IPSEC_ATTR_LIFE_TYPE, IPSEC_LIFE_KILOBYTES);
	isakmp_build_attr_var(b, IPSEC_ATTR_LIFE_DURATION, q->q_life_kb);
	if (auth_id(ts) != 0)
		isakmp_build_attr_tv(b, IPSEC_ATTR_AUTH_ALG, auth_id(ts));
	/* RFC 4106 §8.4, RFC 4543 §8: GCM and GMAC carry it too. */
	if (ts->ts_enc == TS_ENC_AES || ts->ts_enc == TS_ENC_GCM ||
	    ts->ts_enc == TS_ENC_GMAC)
		isakmp_build_attr_tv(b, IPSEC_ATTR_KEY_LENGTH,
		    (uint16_t)(ts->ts_keylen ? ts->ts_keylen : 128));
	if (q->q_pfs != 0)
		isakmp_build_attr_tv(b, IPSEC_ATTR_GROUP_DESC,
		    (uint16_t)q->q_pfs);
	isakmp_build_end(b);
	isakmp_build_end(b);
}

/* The proposal for TS: AH's part first, then ESP's, one number (RFC
 * 2409 §5.5's AH-and-ESP example, RFC 2408 §4.2 logical AND). */
static void
build_prop(struct ike_qm *q, struct isakmp_build *b, uint8_t no,
    const struct transform_set *ts)
{
	if (ts->ts_ah != TS_AH_NONE)
		build_part(q, b, no, ts, true);
	if (ts->ts_enc != TS_ENC_NONE || ts->ts_auth != TS_AUTH_NONE)
		build_part(q, b, no, ts, false);
}

/* The peer's SPIs from the offer or answer OF. */
static void
take_spis(struct ike_qm *q, const struct p2_offer *of)
{
	q->q_ah_spi_out = of->po_ah ? get32(of->po_ah_spi) : 0;
	q->q_spi_out = of->po_esp ? get32(of->po_esp_spi) : q->q_ah_spi_out;
}

static void
build_ident(struct isakmp_build *b, const struct sa_ident *id)
{
	struct isakmp_id	v;
	uint8_t			d[32];
	unsigned		i;

	/* IPv6: ID_IPV6_ADDR, or ID_IPV6_ADDR_SUBNET (seed 003's ::/0). */
	if (id->id_addr.sa_family == 6) {
		memset(d, 0, sizeof(d));
		memcpy(d, id->id_addr.sa_addr, 16);
		for (i = 0; i < id->id_plen && i < 128; i++)
			d[16 + i / 8] |= (uint8_t)(0x80 >> (i % 8));
		v.id_type = id->id_plen == 128 ? IPSEC_ID_IPV6_ADDR :
		    IPSEC_ID_IPV6_SUBNET;
		v.id_proto = id->id_proto;
		v.id_port = id->id_port;
		v.id_data = d;
		v.id_len = id->id_plen == 128 ? 16 : 32;
		isakmp_build_id(b, &v);
		return;
	}
	put32(d, ident_v4(id));
	put32(d + 4, plen_mask(id->id_plen));
	v.id_type = id->id_plen == 32 ? IPSEC_ID_IPV4_ADDR :
	    IPSEC_ID_IPV4_SUBNET;
	v.id_proto = id->id_proto;
	v.id_port = id->id_port;
	v.id_data = d;
	v.id_len = id->id_plen == 32 ? 4 : 8;
	isakmp_build_id(b, &v);
}

/* An IPv6 identity: the mask contiguous, the address within it. */
static bool
ident_read6(const struct isakmp_id *v, struct sa_ident *id)
{
	unsigned	plen = 128, i;
	uint8_t		a[16];

	memcpy(a, v->id_data, 16);
	if (v->id_type == IPSEC_ID_IPV6_SUBNET) {
		for (plen = 0; plen < 128 &&
		    (v->id_data[16 + plen / 8] & (0x80 >> (plen % 8))); plen++)
			;
		for (i = plen; i < 128; i++) {
			if (v->id_data[16 + i / 8] & (0x80 >> (i % 8)))
				return false;
			a[i / 8] &= (uint8_t)~(0x80 >> (i % 8));
		}
	}
	sa_addr_v6(&id->id_addr, a);
	id->id_plen = plen;
	id->id_proto = v->id_proto;
	id->id_port = v->id_port;
	return true;
}

static bool
ident_read(const struct isakmp_pld *pl, struct sa_ident *id)
{
	struct isakmp_id	v;
	uint32_t		mask;
	unsigned		plen = 0;

	if (pl == NULL || isakmp_id_parse(pl, &v) != ISAKMP_OK)
		return false;
	memset(id, 0, sizeof(*id));
	if ((v.id_type == IPSEC_ID_IPV6_ADDR && v.id_len == 16) ||
	    (v.id_type == IPSEC_ID_IPV6_SUBNET && v.id_len == 32))
		return ident_read6(&v, id);
	if (v.id_type == IPSEC_ID_IPV4_ADDR && v.id_len == 4)
		plen = 32;
	else if (v.id_type == IPSEC_ID_IPV4_SUBNET && v.id_len == 8) {
		mask = get32(v.id_data + 4);
		while (plen < 32 && (mask & (0x80000000u >> plen)))
			plen++;
		if (plen_mask(plen) != mask)
			return false;
	} else
		return false;
	sa_addr_v4(&id->id_addr, get32(v.id_data) & plen_mask(plen));
	id->id_plen = plen;
	id->id_proto = v.id_proto;
	id->id_port = v.id_port;
	return true;
}

static void
hdr(const struct ike_qm *q, struct isakmp_hdr *h)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->ih_icookie, q->q_p1->p_sa->is_icookie, 8);
	memcpy(h->ih_rcookie, q->q_p1->p_sa->is_rcookie, 8);
	h->ih_version = ISAKMP_VERSION;
	h->ih_exchange = ISAKMP_XCHG_QUICK;
	h->ih_msgid = q->q_msgid;
}

/* HASH(1) or HASH(2) over what follows the HASH payload, written into
 * its place; then the message is encrypted with the exchange's IV. */
static size_t
seal(struct ike_qm *q, uint8_t *msg, size_t len, size_t cap, size_t hoff,
    bool second)
{
	struct ike_p1	*p = q->q_p1;
	size_t		 hl = ike_hash_len(p->p_hash);
	uint8_t		 mid[4], h[IKE_PRF_MAX];
	int		 rc;

	ike_dbg_hmac(p);
	put32(mid, q->q_msgid);
	if (second)
		rc = ike_qm_hash2(&p->p_keys, mid, q->q_ni, q->q_nilen,
		    msg + hoff + hl, len - hoff - hl, h);
	else
		rc = ike_qm_hash1(&p->p_keys, mid, msg + hoff + hl,
		    len - hoff - hl, h);
	if (rc != 0)
		return 0;
	memcpy(msg + hoff, h, hl);
	return ike_encrypt_msg(p, msg, len, cap, q->q_iv);
}

static size_t
begin_hash(struct ike_p1 *p, struct isakmp_build *b)
{
	uint8_t	zero[IKE_PRF_MAX];
	size_t	off;

	memset(zero, 0, sizeof(zero));
	isakmp_build_begin(b, ISAKMP_PL_HASH);
	off = b->ib_len;
	isakmp_build_put(b, zero, ike_hash_len(p->p_hash));
	isakmp_build_end(b);
	return off;
}

static bool
pfs_ke(struct ike_qm *q, struct isakmp_build *b)
{
	const uint8_t	*pub;
	size_t		 len;

	if (q->q_pfs == 0)
		return true;
	if (q->q_dh == NULL && (q->q_dh = ike_dh_new(q->q_pfs)) == NULL)
		return false;
	pub = ike_dh_public(q->q_dh, &len);
	isakmp_build_payload(b, ISAKMP_PL_KE, pub, len);
	return true;
}

/* Pointers to the proposal's sets, in its order, for ike_p2_match. */
static size_t
proposal_sets(const struct ike_proposal *op,
    const struct transform_set **sets)
{
	size_t	i;

	for (i = 0; i < op->op_nts; i++)
		sets[i] = &op->op_ts[i];
	return op->op_nts;
}

/* IOS's key-engine message block for the proposal being validated. */
static void
dbg_validate(struct ike_qm *q)
{
	struct crypto	*c = q->q_p1->p_c;
	char		 l[SA_TEXT_LEN], r[SA_TEXT_LEN], lp[64], rp[64];

	if (!crypto_debug_on(c, CRYPTO_DEBUG_IPSEC))
		return;
	sa_text(&q->q_p1->p_local, l);
	sa_text(&q->q_p1->p_peer, r);
	ipsec_ident_fmt(&q->q_req.rq_lid, lp, sizeof(lp));
	ipsec_ident_fmt(&q->q_req.rq_rid, rp, sizeof(rp));
	ike_ipsec_debug(c, "IPSEC(validate_proposal_request): proposal part "
	    "# 1");
	ike_ipsec_debug(c, "IPSEC(validate_proposal_request): proposal part "
	    "# 1,");
	ike_ipsec_debug(c, "  (key eng. msg.) INBOUND local= %s:0, remote= "
	    "%s:0,", l, r);
	ike_ipsec_debug(c, "    local_proxy= %s%s,", lp,
	    ipsec_ident_type_text(&q->q_req.rq_lid));
	ike_ipsec_debug(c, "    remote_proxy= %s%s,", rp,
	    ipsec_ident_type_text(&q->q_req.rq_rid));
	ike_ipsec_debug(c, "    protocol= ESP, transform= NONE  (Tunnel),");
	ike_ipsec_debug(c, "    lifedur= 0s and 0kb,");
	/* The key length the proposal carries: 128 for seed 003's esp-aes,
	 * 0 for seed 001's esp-3des. */
	ike_ipsec_debug(c, "    spi= 0x0(0), conn_id= 0, keysize= %u, flags= "
	    "0x0", q->q_ts.ts_keylen);
}

void
ipsec_dbg_proxy_match(struct crypto *c, const struct ike_request *rq)
{
	char	s[SA_TEXT_LEN], d[SA_TEXT_LEN];

	/* A tunnel's proxies are its own, not looked up in the crypto map
	 * database: seed 003 prints no proxy_match. */
	if (ipsec_tunnel_req(rq) || !crypto_debug_on(c, CRYPTO_DEBUG_IPSEC))
		return;
	sa_text(&rq->rq_lid.id_addr, s);
	sa_text(&rq->rq_rid.id_addr, d);
	ike_ipsec_debug(c, "Crypto mapdb : proxy_match");
	ike_ipsec_debug(c, "        src addr     : %s", s);
	ike_ipsec_debug(c, "        dst addr     : %s", d);
	ike_ipsec_debug(c, "        protocol     : %u", rq->rq_lid.id_proto);
	ike_ipsec_debug(c, "        src port     : %u", rq->rq_lid.id_port);
	ike_ipsec_debug(c, "        dst port     : %u", rq->rq_rid.id_port);
}

/* The SAs about to be made, as ISAKMP announces them. */
static void
dbg_creating(struct ike_qm *q)
{
	struct ike_p1	*p = q->q_p1;
	struct crypto	*c = p->p_c;
	char		 l[SA_TEXT_LEN], r[SA_TEXT_LEN];
	char		 lp[SA_TEXT_LEN], rp[SA_TEXT_LEN];

	if (!ike_debugging(c))
		return;
	sa_text(&p->p_local, l);
	sa_text(&p->p_peer, r);
	sa_text(&q->q_req.rq_lid.id_addr, lp);
	sa_text(&q->q_req.rq_rid.id_addr, rp);
	ike_debug(c, p->p_dbg, " Creating IPSec SAs");
	ike_debug_text(c, "        inbound SA from %s to %s (f/i)  0/ 0", r, l);
	ike_debug_text(c, "        (proxy %s to %s)", rp, lp);
	ike_debug_text(c, "        has spi 0x%X and conn_id 0", q->q_spi_in);
	ike_debug_text(c, "        lifetime of %u seconds", q->q_life_s);
	ike_debug_text(c, "        lifetime of %llu kilobytes",
	    (unsigned long long)q->q_life_kb);
	ike_debug_text(c, "        outbound SA from %s to %s (f/i) 0/0", l, r);
	ike_debug_text(c, "        (proxy %s to %s)", lp, rp);
	ike_debug_text(c, "        has spi  0x%X and conn_id 0", q->q_spi_out);
	ike_debug_text(c, "        lifetime of %u seconds", q->q_life_s);
	ike_debug_text(c, "        lifetime of %llu kilobytes",
	    (unsigned long long)q->q_life_kb);
}

/* KEYMAT for both directions, then the SAs: ESP's, then AH's after it
 * (its own KEYMAT, protocol 2 and the AH SPI, RFC 2409 §5.5). */
static bool
install(struct ike_qm *q)
{
	struct ike_p1	*p = q->q_p1;
	uint8_t		 gqm[IKE_DH_MAX_LEN], kin[192], kout[192];
	uint8_t		 spi_in[4], spi_out[4], ah_out[4];
	size_t		 glen = 0, need, ahneed;
	const uint8_t	*ni = q->q_ni, *nr = q->q_nr;
	bool		 ok, esp = q->q_ts.ts_enc != TS_ENC_NONE ||
			    q->q_ts.ts_auth != TS_AUTH_NONE;

	need = esp ? esp_enc_keylen(q->q_ts.ts_enc, q->q_ts.ts_keylen ?
	    q->q_ts.ts_keylen : 128) + esp_auth_keylen(q->q_ts.ts_auth) : 0;
	ahneed = ah_keylen(q->q_ts.ts_ah);
	if (need + ahneed > sizeof(kin))
		return false;
	if (q->q_pfs != 0) {
		glen = ike_dh_secret_len(q->q_pfs);
		if (q->q_dh == NULL || ike_dh_derive(q->q_dh, q->q_gpeer,
		    q->q_gpeerlen, gqm, glen) != 0)
			return false;
	}
	put32(spi_in, q->q_spi_in);
	put32(spi_out, q->q_spi_out);
	put32(ah_out, q->q_ah_spi_out);
	ok = (!esp || (ike_keymat(&p->p_keys, glen ? gqm : NULL, glen,
	    ISAKMP_PROTO_ESP, spi_in, ni, q->q_nilen, nr, q->q_nrlen, kin,
	    need) == 0 &&
	    ike_keymat(&p->p_keys, glen ? gqm : NULL, glen, ISAKMP_PROTO_ESP,
	    spi_out, ni, q->q_nilen, nr, q->q_nrlen, kout, need) == 0)) &&
	    (ahneed == 0 || (ike_keymat(&p->p_keys, glen ? gqm : NULL, glen,
	    ISAKMP_PROTO_AH, spi_in, ni, q->q_nilen, nr, q->q_nrlen,
	    kin + need, ahneed) == 0 &&
	    ike_keymat(&p->p_keys, glen ? gqm : NULL, glen, ISAKMP_PROTO_AH,
	    ah_out, ni, q->q_nilen, nr, q->q_nrlen, kout + need,
	    ahneed) == 0));
	explicit_bzero(gqm, sizeof(gqm));
	if (ok)
		ipsec_install(q, kin, kout);
	explicit_bzero(kin, sizeof(kin));
	explicit_bzero(kout, sizeof(kout));
	return ok;
}

/*
 * RESPONDER-LIFETIME (RFC 2407 4.6.3.1): the lifetimes the responder
 * holds the SAs to when shorter than offered, as SA attributes.
 */
static void
build_responder_lifetime(struct ike_qm *q, struct isakmp_build *b)
{
	uint8_t	attrs[32], spi[4];
	size_t	n = 0;

	put16(attrs + n, ISAKMP_ATTR_AF | IPSEC_ATTR_LIFE_TYPE);
	put16(attrs + n + 2, IPSEC_LIFE_SECONDS);
	n += 4;
	put16(attrs + n, IPSEC_ATTR_LIFE_DURATION);
	put16(attrs + n + 2, 4);
	put32(attrs + n + 4, q->q_life_s);
	n += 8;
	put16(attrs + n, ISAKMP_ATTR_AF | IPSEC_ATTR_LIFE_TYPE);
	put16(attrs + n + 2, IPSEC_LIFE_KILOBYTES);
	n += 4;
	put16(attrs + n, IPSEC_ATTR_LIFE_DURATION);
	put16(attrs + n + 2, 4);
	put32(attrs + n + 4, (uint32_t)q->q_life_kb);
	n += 8;
	put32(spi, q->q_spi_in);
	ike_debug(q->q_p1->p_c, q->q_p1->p_dbg, "Responder lifetime: %u s, "
	    "%llu kb", q->q_life_s, (unsigned long long)q->q_life_kb);
	isakmp_build_begin(b, ISAKMP_PL_NOTIFY);
	isakmp_build_u32(b, ISAKMP_DOI_IPSEC);
	/* AH alone: the SA the notify is about is AH's. */
	isakmp_build_u8(b, q->q_ts.ts_enc == TS_ENC_NONE &&
	    q->q_ts.ts_auth == TS_AUTH_NONE ? ISAKMP_PROTO_AH :
	    ISAKMP_PROTO_ESP);
	isakmp_build_u8(b, 4);
	isakmp_build_u16(b, IPSEC_N_RESPONDER_LIFETIME);
	isakmp_build_put(b, spi, 4);
	isakmp_build_put(b, attrs, n);
	isakmp_build_end(b);
}

/* The initiator takes a RESPONDER-LIFETIME's shorter values. */
static void
take_responder_lifetime(struct ike_qm *q, const struct isakmp_msg *m)
{
	struct isakmp_notify	n;
	struct isakmp_iter	it;
	struct isakmp_attr	a;
	unsigned		type = 0, nattrs;
	int			i;

	for (i = -1; (i = isakmp_msg_find(m, ISAKMP_PL_NOTIFY, i)) >= 0;) {
		if (isakmp_notify_parse(&m->im_pld[i], &n) != ISAKMP_OK ||
		    n.n_type != IPSEC_N_RESPONDER_LIFETIME ||
		    isakmp_attrs_check(n.n_data, n.n_datalen, &nattrs) !=
		    ISAKMP_OK)
			continue;
		ike_debug(q->q_p1->p_c, q->q_p1->p_dbg, " processing NOTIFY "
		    "RESPONDER_LIFETIME protocol %u", n.n_proto);
		isakmp_attrs_iter(n.n_data, n.n_datalen, &it);
		while (isakmp_attr_next(&it, &a)) {
			if (a.at_type == IPSEC_ATTR_LIFE_TYPE)
				type = (unsigned)a.at_num;
			else if (a.at_type == IPSEC_ATTR_LIFE_DURATION &&
			    a.at_isnum && a.at_num != 0) {
				if (type == IPSEC_LIFE_SECONDS &&
				    a.at_num < q->q_life_s)
					q->q_life_s = (uint32_t)a.at_num;
				else if (type == IPSEC_LIFE_KILOBYTES &&
				    a.at_num < q->q_life_kb)
					q->q_life_kb = a.at_num;
			}
		}
	}
}

/* ---- Initiator. ---- */

void
ike_qm_initiate(struct ike_p1 *p, const struct ike_request *rq)
{
	struct crypto			*c = p->p_c;
	const struct ike_proposal	*op = &rq->rq_prop;
	struct ike_qm			*q;
	struct isakmp_build		 b;
	struct isakmp_hdr		 h;
	uint8_t				 msg[IKE_MSG_MAX], mid[4];
	uint32_t			 msgid;
	size_t				 i, hoff, len;
	struct transform_set		 xts;

	/* What the request copied from its entry: the entry may have
	 * changed or gone since the packet that started it. */
	if (op->op_nts == 0)
		return;
	do
		ike_random(&msgid, sizeof(msgid));
	while (msgid == 0 || ike_qm_find(p, msgid) != NULL);
	msgid &= 0x7fffffff;	/* IOS prints M-IDs as positive numbers */
	q = qm_new(p, msgid, true);
	q->q_req = *rq;
	q->q_pfs = op->op_pfs;
	q->q_life_s = op->op_life_s;
	q->q_life_kb = op->op_life_kb;
	q->q_replay = op->op_replay;
	ike_debug(c, p->p_dbg, "beginning Quick Mode exchange, M-ID of %u",
	    msgid);
	ike_debug(c, p->p_dbg, "QM Initiator gets spi");
	q->q_spi_in = new_spi(c);
	ike_random(q->q_ni, IKE_NONCE_LEN);
	q->q_nilen = IKE_NONCE_LEN;
	put32(mid, msgid);
	if (ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid, q->q_iv) != 0)
		goto fail;

	hdr(q, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	hoff = begin_hash(p, &b);
	isakmp_build_sa_begin(&b, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	for (i = 0; i < op->op_nts; i++) {
		xts = op->op_ts[i];
		xts.ts_transport = ipsec_transport_ok(&q->q_req, &xts);
		build_prop(q, &b, (uint8_t)(i + 1), &xts);
	}
	isakmp_build_end(&b);
	isakmp_build_payload(&b, ISAKMP_PL_NONCE, q->q_ni, q->q_nilen);
	if (!pfs_ke(q, &b))
		goto fail;
	build_ident(&b, &rq->rq_lid);
	build_ident(&b, &rq->rq_rid);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK ||
	    (len = seal(q, msg, len, sizeof(msg), hoff, false)) == 0)
		goto fail;
	ike_send(p, &q->q_tx, msg, len, "QM_IDLE", true);
	ike_dbg_node_fsm(q, "IKE_MESG_INTERNAL, IKE_INIT_QM", FSM_QM_READY,
	    FSM_QM_I_QM1, true);
	q->q_state = FSM_QM_I_QM1;
	ike_dbg_fsm(p, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE",
	    FSM_P1_COMPLETE, FSM_P1_COMPLETE);
	return;
fail:
	ike_qm_free(q);
}

/* Open a Quick Mode message and check its HASH(1)/(2)/(3). */
static bool
qm_open(struct ike_qm *q, const struct isakmp_msg *m, uint8_t *plain,
    struct isakmp_msg *pm)
{
	struct ike_p1	*p = q->q_p1;
	uint8_t		 iv[16], mid[4], want[IKE_PRF_MAX];
	size_t		 hl = ike_hash_len(p->p_hash), restlen;
	const uint8_t	*rest;
	int		 rc;

	memcpy(iv, q->q_iv, sizeof(iv));
	if (!m->im_encrypted || m->im_bodylen > IKE_MSG_MAX ||
	    !ike_decrypt_msg(p, m, plain, pm, iv) || pm->im_npld == 0 ||
	    pm->im_pld[0].pl_type != ISAKMP_PL_HASH ||
	    pm->im_pld[0].pl_bodylen != hl)
		return false;
	ike_dbg_hmac(p);
	/* The responder does not say it of the third message (seed 002's
	 * 12.x and seed 003's 15.2). */
	if (q->q_initiator || q->q_state == FSM_QM_READY)
		ike_debug(p->p_c, p->p_dbg, " processing HASH payload. "
		    "message ID = %u", q->q_msgid);
	put32(mid, q->q_msgid);
	rest = isakmp_msg_rest(pm, 0, &restlen);
	if (q->q_state == FSM_QM_READY)
		rc = ike_qm_hash1(&p->p_keys, mid, rest, restlen, want);
	else if (q->q_initiator)
		rc = ike_qm_hash2(&p->p_keys, mid, q->q_ni, q->q_nilen, rest,
		    restlen, want);
	else
		rc = ike_qm_hash3(&p->p_keys, mid, q->q_ni, q->q_nilen,
		    q->q_nr, q->q_nrlen, want);
	if (rc != 0 || CRYPTO_memcmp(want, pm->im_pld[0].pl_body, hl) != 0) {
		ike_debug(p->p_c, p->p_dbg, " phase 2 packet is not "
		    "authenticated correctly");
		return false;
	}
	memcpy(q->q_iv, iv, sizeof(iv));
	return true;
}

static const struct isakmp_pld *
find(const struct isakmp_msg *m, uint8_t type)
{
	int	i = isakmp_msg_find(m, type, -1);

	return i < 0 ? NULL : &m->im_pld[i];
}

static bool
take_nonce(const struct isakmp_msg *m, uint8_t *dst, size_t *len)
{
	return ike_take_nonce(find(m, ISAKMP_PL_NONCE), dst, len);
}

static bool
take_ke(struct ike_qm *q, const struct isakmp_msg *m)
{
	const struct isakmp_pld	*pl = find(m, ISAKMP_PL_KE);

	if (q->q_pfs == 0)
		return true;
	if (pl == NULL || pl->pl_bodylen != ike_dh_pub_len(q->q_pfs))
		return false;
	memcpy(q->q_gpeer, pl->pl_body, pl->pl_bodylen);
	q->q_gpeerlen = pl->pl_bodylen;
	return true;
}

/* The two ID payloads (after the SA), or the crypto ACL's when absent. */
static bool
take_ids(const struct isakmp_msg *m, struct sa_ident *ci, struct sa_ident *cr)
{
	int	i = isakmp_msg_find(m, ISAKMP_PL_ID, -1), j;

	if (i < 0)
		return false;
	j = isakmp_msg_find(m, ISAKMP_PL_ID, i);
	return j >= 0 && ident_read(&m->im_pld[i], ci) &&
	    ident_read(&m->im_pld[j], cr);
}

static void
qm_fail(struct ike_qm *q, const char *why)
{
	struct ike_p1	*p = q->q_p1;

	ike_debug(p->p_c, p->p_dbg, "deleting node %u error TRUE reason \"%s\"",
	    q->q_msgid, why);
	ike_qm_free(q);
}

static void
send_hash3(struct ike_qm *q)
{
	struct ike_p1		*p = q->q_p1;
	struct isakmp_build	 b;
	struct isakmp_hdr	 h;
	uint8_t			 msg[256], mid[4], hv[IKE_PRF_MAX];
	size_t			 len;

	put32(mid, q->q_msgid);
	if (ike_qm_hash3(&p->p_keys, mid, q->q_ni, q->q_nilen, q->q_nr,
	    q->q_nrlen, hv) != 0)
		return;
	hdr(q, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	isakmp_build_payload(&b, ISAKMP_PL_HASH, hv, ike_hash_len(p->p_hash));
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK ||
	    (len = ike_encrypt_msg(p, msg, len, sizeof(msg), q->q_iv)) == 0)
		return;
	ike_send(p, &q->q_tx, msg, len, "QM_IDLE", false);
}

static void
i_qm2(struct ike_qm *q, const struct isakmp_msg *pm)
{
	struct ike_p1			*p = q->q_p1;
	struct crypto			*c = p->p_c;
	const struct isakmp_pld		*sa = find(pm, ISAKMP_PL_SA);
	const struct transform_set	*ts, *sets[IPSEC_MAX_TSETS];
	struct isakmp_sa_pl		 sp;
	struct isakmp_iter		 it;
	struct p2_offer			 of;
	struct sa_ident			 ci, cr;
	size_t				 n;

	ike_debug(c, p->p_dbg, " processing SA payload. message ID = %u",
	    q->q_msgid);
	if (sa == NULL || isakmp_sa_parse(sa, &sp) != ISAKMP_OK) {
		qm_fail(q, "QM rejected");
		return;
	}
	isakmp_sa_props(&sp, &it);
	/* The responder chose one of the sets we offered (our copies). */
	n = proposal_sets(&q->q_req.rq_prop, sets);
	if (!ike_p2_read(c, p->p_dbg, &it, &of) || !of.po_ok ||
	    (ts = ike_p2_match(&of, sets, n, q->q_pfs)) == NULL) {
		qm_fail(q, "QM rejected");
		return;
	}
	q->q_ts = *ts;
	/* The mode the SAs run in: what the responder answered. */
	q->q_ts.ts_transport = offer_is_transport(&of);
	dbg_validate(q);
	ipsec_dbg_proxy_match(c, &q->q_req);
	take_spis(q, &of);
	if (of.po_life_s != 0 && of.po_life_s < q->q_life_s)
		q->q_life_s = of.po_life_s;
	if (of.po_life_kb != 0 && of.po_life_kb < q->q_life_kb)
		q->q_life_kb = of.po_life_kb;
	ike_debug(c, p->p_dbg, " processing NONCE payload. message ID = %u",
	    q->q_msgid);
	if (!take_nonce(pm, q->q_nr, &q->q_nrlen) || !take_ke(q, pm)) {
		qm_fail(q, "QM rejected");
		return;
	}
	ike_debug(c, p->p_dbg, " processing ID payload. message ID = %u",
	    q->q_msgid);
	ike_debug(c, p->p_dbg, " processing ID payload. message ID = %u",
	    q->q_msgid);
	take_responder_lifetime(q, pm);
	if (take_ids(pm, &ci, &cr) &&
	    (memcmp(&ci, &q->q_req.rq_lid, sizeof(ci)) != 0 ||
	    memcmp(&cr, &q->q_req.rq_rid, sizeof(cr)) != 0)) {
		qm_fail(q, "QM rejected");
		return;
	}
	dbg_creating(q);
	if (!install(q)) {
		qm_fail(q, "QM rejected");
		return;
	}
	send_hash3(q);
	ike_debug(c, p->p_dbg, "deleting node %u error FALSE reason \"No "
	    "Error\"", q->q_msgid);
	ike_dbg_node_fsm(q, "IKE_MESG_FROM_PEER, IKE_QM_EXCH", FSM_QM_I_QM1,
	    FSM_QM_PHASE2_COMPLETE, true);
	ipsec_installed_debug(q);
	ike_qm_free(q);
}

/* ---- Responder. ---- */

static void
r_refuse(struct ike_qm *q, uint16_t notify, const char *why)
{
	struct ike_p1	*p = q->q_p1;
	char		 l[SA_TEXT_LEN], r[SA_TEXT_LEN];

	sa_text(&p->p_local, l);
	sa_text(&p->p_peer, r);
	ike_debug(p->p_c, p->p_dbg, " phase 2 SA policy not acceptable! "
	    "(local %s remote %s)", l, r);
	ike_notify(p, notify, ISAKMP_PROTO_ISAKMP, NULL, 0);
	qm_fail(q, why);
}

static void
r_qm1(struct ike_qm *q, const struct isakmp_msg *pm)
{
	struct ike_p1			*p = q->q_p1;
	struct crypto			*c = p->p_c;
	const struct isakmp_pld		*sa = find(pm, ISAKMP_PL_SA);
	const struct ike_proposal	*op = &q->q_req.rq_prop;
	const struct cmap_entry		*ce;
	const struct transform_set	*sets[IPSEC_MAX_TSETS], *ts = NULL;
	struct isakmp_sa_pl		 sp;
	struct isakmp_iter		 it;
	struct p2_offer			 of;
	struct sa_ident			 ci, cr, lci, lcr;
	struct isakmp_build		 b;
	struct isakmp_hdr		 h;
	struct strbuf			 words;
	uint8_t				 msg[IKE_MSG_MAX];
	size_t				 n = 0, hoff, len;
	bool				 shorter, v12 = ike_debug_v12(c);
	bool				 natted = false;

	/* The node moves on only once the SPI is asked for (12.x, and
	 * seed 003's 15.2 responder). */
	ike_debug(c, p->p_dbg, " processing SA payload. message ID = %u",
	    q->q_msgid);
	/* The proxies choose the crypto map entry whose sets are offered. */
	if (sa == NULL || isakmp_sa_parse(sa, &sp) != ISAKMP_OK ||
	    !take_ids(pm, &ci, &cr)) {
		qm_fail(q, "QM rejected");
		return;
	}
	/* Host proxies a NAT changed (transport mode after NAT-T) are
	 * looked up as the ends we see, if nothing takes them as sent. */
	lci = ci;
	lcr = cr;
	if (ipsec_find_entry(c, &p->p_local, &p->p_peer, p->p_profile, &lcr,
	    &lci, &q->q_req, &ce) || (p->p_float &&
	    ipsec_ident_natt(&p->p_local, &p->p_peer, &lcr, &lci) &&
	    (natted = ipsec_find_entry(c, &p->p_local, &p->p_peer,
	    p->p_profile, &lcr, &lci, &q->q_req, &ce)))) {
		ipsec_proposal_of(c, ce, &q->q_req.rq_prop);
		n = proposal_sets(op, sets);
	}
	isakmp_sa_props(&sp, &it);
	while (ike_p2_read(c, p->p_dbg, &it, &of)) {
		if (!of.po_ok || n == 0)
			continue;
		if ((ts = ike_p2_match(&of, sets, n, op->op_pfs)) != NULL)
			break;
		strbuf_init(&words);
		ike_p2_offer_text(&of, &words);
		ike_ipsec_debug(c, "IPSEC(ipsec_process_proposal): transform "
		    "proposal not supported for identity: {%s }", words.sb_buf);
		strbuf_free(&words);
		ike_debug(c, p->p_dbg, " IPSec policy invalidated proposal "
		    "with error 256");
	}
	if (n == 0) {
		ike_ipsec_debug(c, "map_db_find_best did not find matching "
		    "map");
		ike_ipsec_debug(c, "IPSEC(ipsec_process_proposal): proxy "
		    "identities not supported");
		ike_debug(c, p->p_dbg, " IPSec policy invalidated proposal "
		    "with error 32");
		r_refuse(q, ISAKMP_N_INVALID_ID_INFORMATION, "QM rejected");
		return;
	}
	if (ts == NULL) {
		r_refuse(q, ISAKMP_N_NO_PROPOSAL_CHOSEN, "QM rejected");
		return;
	}
	/* Proxies moved for the NAT hold for transport mode only. */
	if (natted && !offer_is_transport(&of)) {
		r_refuse(q, ISAKMP_N_INVALID_ID_INFORMATION, "QM rejected");
		return;
	}
	q->q_ts = *ts;
	/* A transport-mode set takes a tunnel-mode offer: the SAs run in
	 * the mode offered. */
	q->q_ts.ts_transport = offer_is_transport(&of);
	q->q_pfs = op->op_pfs;
	q->q_life_s = op->op_life_s;
	q->q_life_kb = op->op_life_kb;
	q->q_replay = op->op_replay;
	/* The shorter lifetime wins; a shorter one of ours is announced. */
	shorter = (of.po_life_s != 0 && q->q_life_s < of.po_life_s) ||
	    (of.po_life_kb != 0 && q->q_life_kb < of.po_life_kb);
	if (of.po_life_s != 0 && of.po_life_s < q->q_life_s)
		q->q_life_s = of.po_life_s;
	if (of.po_life_kb != 0 && of.po_life_kb < q->q_life_kb)
		q->q_life_kb = of.po_life_kb;
	take_spis(q, &of);
	if (v12)
		ike_qm12_dbg_validate(q);
	else {
		dbg_validate(q);
		ipsec_dbg_proxy_match(c, &q->q_req);
	}
	ike_debug(c, p->p_dbg, " processing NONCE payload. message ID = %u",
	    q->q_msgid);
	if (!take_nonce(pm, q->q_ni, &q->q_nilen) || !take_ke(q, pm)) {
		qm_fail(q, "QM rejected");
		return;
	}
	ike_debug(c, p->p_dbg, " processing ID payload. message ID = %u",
	    q->q_msgid);
	ike_debug(c, p->p_dbg, " processing ID payload. message ID = %u",
	    q->q_msgid);
	q->q_spi_in = new_spi(c);
	if (v12) {
		ike_debug(c, p->p_dbg, " asking for 1 spis from ipsec");
		ike_dbg_node_fsm(q, "IKE_MESG_FROM_PEER, IKE_QM_EXCH",
		    FSM_QM_READY, FSM_QM_SPI_STARVE, true);
		ike_qm12_dbg_spi(q);
		ike_debug_raw(c, " received ke message (2/1)");
	} else {
		ike_debug(c, p->p_dbg, "QM Responder gets spi");
		ike_dbg_node_fsm(q, "IKE_MESG_FROM_PEER, IKE_QM_EXCH",
		    FSM_QM_READY, FSM_QM_SPI_STARVE, true);
	}
	ike_random(q->q_nr, IKE_NONCE_LEN);
	q->q_nrlen = IKE_NONCE_LEN;

	hdr(q, &h);
	isakmp_build_init(&b, msg, sizeof(msg), &h);
	hoff = begin_hash(p, &b);
	isakmp_build_sa_begin(&b, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	build_prop(q, &b, of.po_no, &q->q_ts);
	isakmp_build_end(&b);
	isakmp_build_payload(&b, ISAKMP_PL_NONCE, q->q_nr, q->q_nrlen);
	if (!pfs_ke(q, &b)) {
		qm_fail(q, "QM rejected");
		return;
	}
	build_ident(&b, &ci);
	build_ident(&b, &cr);
	if (shorter)
		build_responder_lifetime(q, &b);
	if (isakmp_build_finish(&b, &len) != ISAKMP_OK ||
	    (len = seal(q, msg, len, sizeof(msg), hoff, true)) == 0) {
		qm_fail(q, "QM rejected");
		return;
	}
	/* 12.x makes the SAs when the initiator's HASH(3) comes (r_qm3). */
	if (v12) {
		ike_send(p, &q->q_tx, msg, len, "QM_IDLE", true);
		ike_dbg_node_fsm(q, "IKE_MESG_FROM_IPSEC, IKE_SPI_REPLY",
		    FSM_QM_SPI_STARVE, FSM_QM_R_QM2, true);
		q->q_state = FSM_QM_R_QM2;
		return;
	}
	dbg_creating(q);
	if (!install(q)) {
		qm_fail(q, "QM rejected");
		return;
	}
	ike_send(p, &q->q_tx, msg, len, "QM_IDLE", true);
	ike_dbg_node_fsm(q, "IKE_MESG_INTERNAL, IKE_GOT_SPI",
	    FSM_QM_SPI_STARVE, FSM_QM_R_QM2, true);
	q->q_state = FSM_QM_R_QM2;
	ipsec_installed_debug(q);
}

static void
r_qm3(struct ike_qm *q)
{
	struct ike_p1	*p = q->q_p1;
	struct ipsec_sa	*ps, *in, *out;

	if (ike_debug_v12(p->p_c)) {
		if (!install(q) || !ipsec_installed_pair(q, &in, &out)) {
			qm_fail(q, "QM rejected");
			return;
		}
		ike_engine_debug(p->p_c, "ipsec allocate flow");
		ike_engine_debug(p->p_c, "ipsec allocate flow");
		ike_qm12_dbg_creating(q, in, out);
		ike_debug(p->p_c, p->p_dbg, "deleting node %u error FALSE "
		    "reason \"quick mode done (await)\"", q->q_msgid);
		ike_dbg_node_fsm(q, "IKE_MESG_FROM_PEER, IKE_QM_EXCH",
		    FSM_QM_R_QM2, FSM_QM_PHASE2_COMPLETE, true);
		ike_qm12_dbg_installed(q, in, out);
	} else {
		ike_debug(p->p_c, p->p_dbg, "deleting node %u error FALSE "
		    "reason \"QM done (await)\"", q->q_msgid);
		ike_dbg_node_fsm(q, "IKE_MESG_FROM_PEER, IKE_QM_EXCH",
		    FSM_QM_R_QM2, FSM_QM_PHASE2_COMPLETE, true);
		/* The key engine told the outbound SA may be used (seed
		 * 003's responder). */
		ike_ipsec_debug(p->p_c, "IPSEC(key_engine): got a queue "
		    "event with 1 KMI message(s)");
		ike_ipsec_debug(p->p_c, "IPSEC(key_engine_enable_outbound): "
		    "rec'd enable notify from ISAKMP");
	}
	/* The initiator has the pair: our side may send on it (rekey). */
	if ((ps = sadb_sa_find_in(&p->p_c->c_sadb, q->q_spi_in)) != NULL)
		ipsec_rekey_confirmed(ps);
	ike_qm_free(q);
}

void
ike_qm_input(struct ike_p1 *p, const struct isakmp_msg *m, const uint8_t *raw,
    size_t len)
{
	struct ike_qm		*q = ike_qm_find(p, m->im_hdr.ih_msgid);
	struct isakmp_msg	 pm;
	uint8_t			 plain[IKE_MSG_MAX], mid[4];
	bool			 fresh = false;

	if (q == NULL) {
		if (m->im_hdr.ih_msgid == 0)
			return;
		q = qm_new(p, m->im_hdr.ih_msgid, false);
		put32(mid, q->q_msgid);
		if (ike_iv_phase2(p->p_hash, p->p_iv, p->p_block, mid,
		    q->q_iv) != 0) {
			ike_qm_free(q);
			return;
		}
		fresh = true;
		/* The responder names the new exchange (seed 002's hub,
		 * seed 003's 15.2). */
		ike_debug_raw(p->p_c, " set new node %d to QM_IDLE",
		    (int)q->q_msgid);
	}
	if (!qm_open(q, m, plain, &pm)) {
		if (fresh)
			ike_qm_free(q);
	} else if (fresh) {
		(void)ike_tx_note_rx(p, &q->q_tx, raw, len);
		r_qm1(q, &pm);
	} else if (q->q_initiator && q->q_state == FSM_QM_I_QM1)
		i_qm2(q, &pm);
	else if (!q->q_initiator && q->q_state == FSM_QM_R_QM2)
		r_qm3(q);
	/* The decrypted message (nonces, KE) leaves no copy behind: it is
	 * the body's length (ike_decrypt_msg), not the whole 4 KB. */
	OPENSSL_cleanse(plain, m->im_bodylen < sizeof(plain) ?
	    m->im_bodylen : sizeof(plain));
}
