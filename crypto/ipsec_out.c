/*
 * ipsec_out: crypto maps on the packet path.  Outbound, a packet leaving
 * an interface with `crypto map` is matched against the map's entries in
 * sequence order (each entry's ACL: the first rule that matches decides,
 * permit protects, deny moves on to the next entry); a flow with an
 * outbound SA gets ESP (RFC 4303 tunnel mode), a flow without one starts
 * IKE and the packet is dropped and counted as a send error, as IOS does
 * (the first ping's `.`).  Inbound, ESP for one of our addresses is
 * looked up by SPI, decapsulated, checked against the flow's proxies and
 * handed back to the dataplane.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/system.h"

#define IP_HDR		20
#define IPPROTO_ESP_NUM	50
#define IPPROTO_UDP_NUM	17
#define UDP_HDR		8
#define PKT_MAX		65535
/* IOS's sibling_flags for a flow from a crypto map ACL (seed 001). */
#define SIBLING_FLAGS	0x80000046

/* An outbound SA's lifetime timer, and its inbound partner's SPI. */
struct sa_expiry {
	struct crypto		*ex_c;
	struct ipsec_sa		*ex_out;
	uint32_t		 ex_spi_in;
	struct ev_timer		*ex_timer;
};

static uint32_t
get32(const uint8_t *p)
{
	return isakmp_get32(p);
}

static uint32_t
plen_mask(unsigned plen)
{
	return plen == 0 ? 0 : 0xffffffffu << (32 - plen);
}

/* A wildcard as a prefix length (crypto ACLs use contiguous ones). */
static unsigned
wild_plen(uint32_t wild)
{
	unsigned	n = 32;

	while (n > 0 && (wild & (1u << (32 - n))))
		n--;
	return n;
}

static void
ident_set(struct sa_ident *id, uint32_t addr, uint32_t wild, uint8_t proto,
    uint16_t port)
{
	memset(id, 0, sizeof(*id));
	id->id_plen = wild_plen(wild);
	sa_addr_v4(&id->id_addr, addr & plen_mask(id->id_plen));
	id->id_proto = proto;
	id->id_port = port;
}

static bool
ident_has(const struct sa_ident *id, uint32_t a)
{
	return (a & plen_mask(id->id_plen)) ==
	    get32(id->id_addr.sa_addr);
}

void
ipsec_ident_fmt(const struct sa_ident *id, char *buf, size_t len)
{
	char		a[16], m[16];

	ike_ip_fmt(get32(id->id_addr.sa_addr), a, sizeof(a));
	ike_ip_fmt(plen_mask(id->id_plen), m, sizeof(m));
	snprintf(buf, len, "%s/%s/%u/%u", a, m, id->id_proto, id->id_port);
}

void
ipsec_entry_lifetimes(const struct cmap_entry *ce, uint32_t *sec,
    uint64_t *kb)
{
	*sec = ce->ce_params.pp_seconds ? ce->ce_params.pp_seconds :
	    IPSEC_DEFAULT_SECONDS;
	*kb = ce->ce_params.pp_kilobytes ? ce->ce_params.pp_kilobytes :
	    IPSEC_DEFAULT_KB;
}

/* ---- Flows. ---- */

static bool
same_ident(const struct sa_ident *a, const struct sa_ident *b)
{
	return a->id_plen == b->id_plen && a->id_proto == b->id_proto &&
	    a->id_port == b->id_port && sa_addr_eq(&a->id_addr, &b->id_addr);
}

static struct ipsec_flow *
flow_find(struct crypto *c, const struct ike_request *rq)
{
	struct ipsec_flow	*fl;
	struct sa_addr		 peer;

	sa_addr_v4(&peer, rq->rq_peer);
	TAILQ_FOREACH(fl, &c->c_sadb.db_flows, fl_entry)
		if (strcmp(fl->fl_ifname, rq->rq_ifname) == 0 &&
		    strcmp(fl->fl_map, rq->rq_map) == 0 &&
		    sa_addr_eq(&fl->fl_peer, &peer) &&
		    same_ident(&fl->fl_lident, &rq->rq_lid) &&
		    same_ident(&fl->fl_rident, &rq->rq_rid))
			return fl;
	return NULL;
}

static struct ipsec_flow *
flow_get(struct crypto *c, const struct ike_request *rq, unsigned pfs)
{
	struct ipsec_flow	*fl;

	if ((fl = flow_find(c, rq)) != NULL)
		return fl;
	fl = sadb_flow_new(&c->c_sadb);
	snprintf(fl->fl_ifname, sizeof(fl->fl_ifname), "%s", rq->rq_ifname);
	snprintf(fl->fl_map, sizeof(fl->fl_map), "%s", rq->rq_map);
	snprintf(fl->fl_idb, sizeof(fl->fl_idb), "%s", rq->rq_ifname);
	sa_addr_v4(&fl->fl_local_addr, rq->rq_local);
	sa_addr_v4(&fl->fl_peer, rq->rq_peer);
	fl->fl_peer_port = ISAKMP_PORT;
	fl->fl_lident = rq->rq_lid;
	fl->fl_rident = rq->rq_rid;
	fl->fl_from_acl = true;
	fl->fl_pfs_group = pfs;
	fl->fl_sibling = SIBLING_FLAGS;
	return fl;
}

/* What the engine hangs on an SA goes before the SA does. */
static void
sa_release(struct crypto *c, struct ipsec_sa *ps)
{
	struct sa_expiry	*ex = ps->ps_expiry;

	esp_sa_free(ps->ps_esp);
	ps->ps_esp = NULL;
	if (ex != NULL) {
		evloop_timer_cancel(c->c_sys->sy_loop, ex->ex_timer);
		free(ex);
		ps->ps_expiry = NULL;
	}
}

void
ipsec_flow_drop(struct crypto *c, struct ipsec_flow *fl)
{
	struct ipsec_sa	*ps;

	TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
		sa_release(c, ps);
	TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
		sa_release(c, ps);
	sadb_flow_free(&c->c_sadb, fl);
}

/*
 * A pair of SAs reached its lifetime in seconds (or kilobytes, checked
 * as ESP goes out): both go, the peer is told, and the next packet for
 * the flow negotiates new ones.  The flow and its counters stay, as IOS
 * keeps the identities.
 */
static void
sa_pair_expire(struct crypto *c, struct ipsec_flow *fl, uint32_t spi_in,
    uint32_t spi_out)
{
	struct ipsec_sa		*ps, *next;
	struct isakmp_sa	*is;
	uint8_t			 spi[4];

	isakmp_put32(spi, spi_in);
	TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry)
		if (is->is_engine != NULL &&
		    sa_addr_eq(&is->is_remote, &fl->fl_peer) &&
		    ((struct ike_p1 *)is->is_engine)->p_state ==
		    FSM_P1_COMPLETE) {
			ike_delete_notify(is->is_engine, ISAKMP_PROTO_ESP,
			    spi, 4);
			break;
		}
	ike_ipsec_debug(c, "IPSEC(delete_sa): deleting SA,");
	for (ps = TAILQ_FIRST(&fl->fl_in); ps != NULL; ps = next) {
		next = TAILQ_NEXT(ps, ps_entry);
		if (ps->ps_spi == spi_in) {
			sa_release(c, ps);
			sadb_sa_free(&c->c_sadb, ps);
		}
	}
	for (ps = TAILQ_FIRST(&fl->fl_out); ps != NULL; ps = next) {
		next = TAILQ_NEXT(ps, ps_entry);
		if (ps->ps_spi == spi_out) {
			sa_release(c, ps);
			sadb_sa_free(&c->c_sadb, ps);
		}
	}
}

static void
sa_expired(void *arg)
{
	struct sa_expiry	*ex = arg;
	struct ipsec_sa		*ps = ex->ex_out;

	ex->ex_timer = NULL;
	ike_ipsec_debug(ex->ex_c, "IPSEC(sa_aging): lifetime expiring,");
	sa_pair_expire(ex->ex_c, ps->ps_flow, ex->ex_spi_in, ps->ps_spi);
}

static struct ipsec_sa *
sa_add(struct crypto *c, struct ipsec_flow *fl, enum ipsec_dir dir,
    uint32_t spi, const struct ike_qm *q, const uint8_t *keymat)
{
	const struct transform_set	*ts = q->q_ts;
	struct esp_params		 ep;
	struct ipsec_sa			*ps;
	struct strbuf			 words;
	unsigned			 bits = ts->ts_enc == TS_ENC_AES ?
					    (ts->ts_keylen ? ts->ts_keylen :
					    128) : 0;

	memset(&ep, 0, sizeof(ep));
	ep.ep_spi = spi;
	ep.ep_enc = ts->ts_enc;
	ep.ep_keybits = bits;
	ep.ep_auth = ts->ts_auth;
	ep.ep_enc_key = keymat;
	ep.ep_auth_key = keymat + esp_enc_keylen(ts->ts_enc, bits);
	ps = sadb_sa_new(&c->c_sadb, fl, dir, spi);
	ps->ps_esp = esp_sa_new(&ep);
	ps->ps_enc_keylen = esp_enc_keylen(ts->ts_enc, bits);
	ps->ps_auth_keylen = esp_auth_keylen(ts->ts_auth);
	if (ps->ps_enc_keylen + ps->ps_auth_keylen <= sizeof(ps->ps_keys))
		memcpy(ps->ps_keys, keymat, ps->ps_enc_keylen +
		    ps->ps_auth_keylen);
	ps->ps_ws_enc = ts->ts_enc == TS_ENC_DES ? "DES-CBC [RFC2405]" :
	    ts->ts_enc == TS_ENC_3DES ? "TripleDES-CBC [RFC2451]" :
	    ts->ts_enc == TS_ENC_AES ? "AES-CBC [RFC3602]" : "NULL";
	ps->ps_ws_auth = ts->ts_auth == TS_AUTH_MD5 ? "HMAC-MD5-96 [RFC2403]" :
	    ts->ts_auth == TS_AUTH_SHA ? "HMAC-SHA-1-96 [RFC2404]" : "NULL";
	strbuf_init(&words);
	transform_config_text(ts, &words);
	snprintf(ps->ps_transform, sizeof(ps->ps_transform), "%s",
	    words.sb_buf);
	strbuf_free(&words);
	ps->ps_transport = ts->ts_transport;
	ps->ps_udp = q->q_p1->p_float;
	ps->ps_life_sec = q->q_life_s;
	ps->ps_life_kb = q->q_life_kb;
	ps->ps_up_ms = clock_mono_ms();
	ps->ps_iv_size = ps->ps_esp != NULL ?
	    (unsigned)esp_sa_iv_len(ps->ps_esp) : 0;
	memcpy(ps->ps_icookie, q->q_p1->p_sa->is_icookie, 8);
	memcpy(ps->ps_rcookie, q->q_p1->p_sa->is_rcookie, 8);
	return ps;
}

void
ipsec_install(struct ike_qm *q, const uint8_t *keymat_in,
    const uint8_t *keymat_out)
{
	struct crypto		*c = q->q_p1->p_c;
	struct ipsec_flow	*fl = flow_get(c, &q->q_req, q->q_pfs);

	struct ipsec_sa		*out;
	struct sa_expiry	*ex;

	fl->fl_pfs_group = q->q_pfs;
	fl->fl_peer_port = q->q_p1->p_sa->is_rport;
	(void)sa_add(c, fl, IPSEC_IN, q->q_spi_in, q, keymat_in);
	out = sa_add(c, fl, IPSEC_OUT, q->q_spi_out, q, keymat_out);
	/* The pair lives as long as its lifetime in seconds. */
	if ((ex = calloc(1, sizeof(*ex))) == NULL)
		abort();
	ex->ex_c = c;
	ex->ex_out = out;
	ex->ex_spi_in = q->q_spi_in;
	ex->ex_timer = evloop_timer_add(c->c_sys->sy_loop,
	    (uint64_t)q->q_life_s * 1000, sa_expired, ex);
	out->ps_expiry = ex;
	if (q->q_p1->p_sa->is_ifname[0] == '\0')
		snprintf(q->q_p1->p_sa->is_ifname,
		    sizeof(q->q_p1->p_sa->is_ifname), "%s", q->q_req.rq_ifname);
}

static void
dbg_create_sa(struct crypto *c, const struct ipsec_sa *ps, uint32_t dest)
{
	char	d[16];

	ike_ip_fmt(dest, d, sizeof(d));
	ike_ipsec_debug(c, "IPSEC(create_sa): sa created,");
	ike_ipsec_debug(c, "  (sa) sa_dest= %s, sa_proto= 50,", d);
	ike_ipsec_debug(c, "    sa_spi= 0x%X(%u),", ps->ps_spi, ps->ps_spi);
	ike_ipsec_debug(c, "    sa_trans= %s , sa_conn_id= %u",
	    ps->ps_transform, ps->ps_connid);
	ike_ipsec_debug(c, "    sa_lifetime(k/sec)= (%llu/%u)",
	    (unsigned long long)ps->ps_life_kb, ps->ps_life_sec);
}

void
ipsec_installed_debug(struct ike_qm *q)
{
	struct crypto		*c = q->q_p1->p_c;
	struct ipsec_flow	*fl = flow_find(c, &q->q_req);
	struct ipsec_sa		*in, *out;
	char			 peer[16], s[16], d[16];

	if (fl == NULL || (in = TAILQ_LAST(&fl->fl_in, ipsec_sa_list)) ==
	    NULL || (out = TAILQ_LAST(&fl->fl_out, ipsec_sa_list)) == NULL)
		return;
	ike_ip_fmt(q->q_p1->p_peer, peer, sizeof(peer));
	ike_ip_fmt(get32(q->q_req.rq_lid.id_addr.sa_addr), s, sizeof(s));
	ike_ip_fmt(get32(q->q_req.rq_rid.id_addr.sa_addr), d, sizeof(d));
	ike_ipsec_debug(c, "IPSEC(key_engine): got a queue event with 1 KMI "
	    "message(s)");
	ipsec_dbg_proxy_match(c, &q->q_req);
	ike_ipsec_debug(c, "IPSEC(crypto_ipsec_sa_find_ident_head): "
	    "reconnecting with the same proxies and peer %s", peer);
	ike_ipsec_debug(c, "IPSEC(policy_db_add_ident): src %s, dest %s, "
	    "dest_port %u", s, d, q->q_req.rq_rid.id_port);
	ike_ipsec_debug(c, "%s", "");
	dbg_create_sa(c, in, q->q_p1->p_local);
	dbg_create_sa(c, out, q->q_p1->p_peer);
	ike_ipsec_debug(c, "IPSEC(update_current_outbound_sa): get enable SA "
	    "peer %s current outbound sa to SPI %X", peer, out->ps_spi);
	ike_ipsec_debug(c, "IPSEC(update_current_outbound_sa): updated peer "
	    "%s current outbound sa to SPI %X", peer, out->ps_spi);
}

/* ---- The responder's entry. ---- */

static bool
rule_is(const struct dp_rule *ru, const struct sa_ident *lid,
    const struct sa_ident *rid)
{
	struct sa_ident	s, d;

	ident_set(&s, ru->ru_src, ru->ru_src_wild, ru->ru_proto,
	    ru->ru_sport);
	ident_set(&d, ru->ru_dst, ru->ru_dst_wild, ru->ru_proto,
	    ru->ru_dport);
	return ru->ru_permit && same_ident(&s, lid) && same_ident(&d, rid);
}

static bool
entry_has_peer(const struct cmap_entry *ce, uint32_t peer)
{
	size_t	i;

	for (i = 0; i < ce->ce_npeers; i++)
		if (ce->ce_peers[i] == peer)
			return true;
	return false;
}

bool
ipsec_find_entry(struct crypto *c, uint32_t local, uint32_t peer,
    const struct sa_ident *lid, const struct sa_ident *rid,
    struct ike_request *rq, const struct cmap_entry **entry)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	struct dp_iface		*ifp;
	const struct cmap	*cm;
	const struct cmap_entry	*ce;
	struct dp_acl		*acl;
	struct dp_rule		 ru;
	uint32_t		 a, m;
	size_t			 i, r;

	for (ifp = dp_iface_first(dp); ifp != NULL; ifp = dp_iface_next(ifp)) {
		if (dp_iface_crypto_map(ifp) == NULL || !dp_iface_ipv4(ifp,
		    &a, &m) || a != local ||
		    (cm = crypto_map_find(c, dp_iface_crypto_map(ifp))) == NULL)
			continue;
		for (i = 0; i < cm->cm_n; i++) {
			ce = cm->cm_entries[i];
			if (ce->ce_acl == NULL || !entry_has_peer(ce, peer) ||
			    (acl = dp_acl_find(dp, ce->ce_acl)) == NULL)
				continue;
			for (r = 0; r < dp_acl_count(acl); r++) {
				if (!dp_acl_rule(acl, r, &ru) ||
				    !rule_is(&ru, lid, rid))
					continue;
				memset(rq, 0, sizeof(*rq));
				snprintf(rq->rq_ifname, sizeof(rq->rq_ifname),
				    "%s", dp_iface_name(ifp));
				snprintf(rq->rq_map, sizeof(rq->rq_map), "%s",
				    cm->cm_name);
				rq->rq_seq = ce->ce_seq;
				rq->rq_local = local;
				rq->rq_peer = peer;
				rq->rq_lid = *lid;
				rq->rq_rid = *rid;
				*entry = ce;
				return true;
			}
		}
	}
	return false;
}

/* ---- Outbound. ---- */

/* A negotiation for RQ under way: phase 1 carrying it, or Quick Mode. */
static bool
negotiating(struct crypto *c, const struct ike_request *rq,
    struct ike_p1 **done)
{
	struct isakmp_sa	*is;
	struct ike_p1		*p;
	struct ike_qm		*q;
	struct sa_addr		 peer;

	*done = NULL;
	sa_addr_v4(&peer, rq->rq_peer);
	TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry) {
		if ((p = is->is_engine) == NULL ||
		    !sa_addr_eq(&is->is_remote, &peer))
			continue;
		if (p->p_state == FSM_P1_COMPLETE)
			*done = p;
		else if (is->is_initiator)
			return true;	/* phase 1 to that peer: wait */
		for (q = p->p_qms; q != NULL; q = q->q_next)
			if (strcmp(q->q_req.rq_map, rq->rq_map) == 0 &&
			    q->q_req.rq_seq == rq->rq_seq &&
			    same_ident(&q->q_req.rq_lid, &rq->rq_lid) &&
			    same_ident(&q->q_req.rq_rid, &rq->rq_rid))
				return true;
	}
	return false;
}

static void
dbg_sa_request(struct crypto *c, const struct ike_request *rq,
    const struct cmap_entry *ce)
{
	const struct transform_set	*ts = NULL;
	struct strbuf			 words;
	char				 l[16], r[16], lp[40], rp[40];
	uint32_t			 sec;
	uint64_t			 kb;

	if (!crypto_debug_on(c, CRYPTO_DEBUG_IPSEC))
		return;
	if (ce->ce_params.pp_ntsets > 0)
		ts = crypto_transform_find(c, ce->ce_params.pp_tsets[0]);
	strbuf_init(&words);
	if (ts != NULL)
		transform_config_text(ts, &words);
	ipsec_entry_lifetimes(ce, &sec, &kb);
	ike_ip_fmt(rq->rq_local, l, sizeof(l));
	ike_ip_fmt(rq->rq_peer, r, sizeof(r));
	ipsec_ident_fmt(&rq->rq_lid, lp, sizeof(lp));
	ipsec_ident_fmt(&rq->rq_rid, rp, sizeof(rp));
	ike_ipsec_debug(c, "IPSEC(sa_request): ,");
	ike_ipsec_debug(c, "  (key eng. msg.) OUTBOUND local= %s:500, "
	    "remote= %s:500,", l, r);
	ike_ipsec_debug(c, "    local_proxy= %s (type=%d),", lp,
	    rq->rq_lid.id_plen == 32 ? 1 : 4);
	ike_ipsec_debug(c, "    remote_proxy= %s (type=%d),", rp,
	    rq->rq_rid.id_plen == 32 ? 1 : 4);
	ike_ipsec_debug(c, "    protocol= ESP, transform= %s  (%s),",
	    words.sb_buf, ts != NULL && ts->ts_transport ? "Transport" :
	    "Tunnel");
	ike_ipsec_debug(c, "    lifedur= %us and %llukb,", sec,
	    (unsigned long long)kb);
	ike_ipsec_debug(c, "    spi= 0x0(0), conn_id= 0, keysize= 0, flags= "
	    "0x0");
	strbuf_free(&words);
}

/* ESP around IP and a new outer header, out through the dataplane. */
static enum dp_crypto_verdict
encap(struct crypto *c, struct ipsec_flow *fl, struct ipsec_sa *ps,
    const uint8_t *ip, size_t len)
{
	uint8_t		*out;
	size_t		 hdr = IP_HDR + (ps->ps_udp ? UDP_HDR : 0), elen;
	size_t		 cap = esp_encap_len(ps->ps_esp, len) + hdr;
	static uint16_t	 ident;

	if (cap > PKT_MAX || (out = malloc(cap)) == NULL) {
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	if (esp_encap(ps->ps_esp, ip, len, out + hdr, cap - hdr,
	    &elen) != ESP_OK) {
		free(out);
		fl->fl_stats.fs_send_errors++;
		return DP_CRYPTO_DROP;
	}
	memset(out, 0, hdr);
	out[0] = 0x45;
	out[1] = ip[1];				/* TOS copied */
	elen += hdr - IP_HDR;
	isakmp_put16(out + 2, (uint16_t)(IP_HDR + elen));
	isakmp_put16(out + 4, ++ident);
	out[6] = ip[6] & 0x40;			/* DF copied, as IOS */
	out[8] = 255;
	out[9] = IPPROTO_ESP_NUM;
	if (ps->ps_udp) {
		/* RFC 3948: ESP in UDP 4500, checksum zero. */
		out[9] = IPPROTO_UDP_NUM;
		isakmp_put16(out + IP_HDR, ISAKMP_NATT_PORT);
		isakmp_put16(out + IP_HDR + 2, fl->fl_peer_port);
		isakmp_put16(out + IP_HDR + 4, (uint16_t)elen);
	}
	memcpy(out + 12, fl->fl_local_addr.sa_addr, 4);
	memcpy(out + 16, fl->fl_peer.sa_addr, 4);
	fl->fl_last_out_ms = clock_mono_ms();
	fl->fl_stats.fs_encaps++;
	fl->fl_stats.fs_encrypt++;
	fl->fl_stats.fs_digest++;
	ps->ps_bytes += len;
	if (dp_ip_output(c->c_sys->sy_dp, out, IP_HDR + elen) != DP_SEND_OK)
		fl->fl_stats.fs_send_errors++;
	free(out);
	return DP_CRYPTO_CONSUMED;
}

static enum dp_crypto_verdict
outbound(void *arg, struct dp_iface *ifp, const uint8_t *ip, size_t len)
{
	struct crypto		*c = arg;
	struct dataplane	*dp = c->c_sys->sy_dp;
	const struct cmap	*cm;
	const struct cmap_entry	*ce;
	struct dp_acl		*acl;
	struct dp_rule		 ru;
	struct ike_request	 rq;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	struct ike_p1		*done;
	uint32_t		 mask;
	size_t			 i;
	bool			 permit;
	int			 r;

	if ((cm = crypto_map_find(c, dp_iface_crypto_map(ifp))) == NULL)
		return DP_CRYPTO_PASS;
	for (i = 0; i < cm->cm_n; i++) {
		ce = cm->cm_entries[i];
		if (ce->ce_dynamic != NULL || ce->ce_acl == NULL ||
		    ce->ce_npeers == 0 ||
		    (acl = dp_acl_find(dp, ce->ce_acl)) == NULL)
			continue;
		if ((r = dp_acl_classify(acl, ip, len, &permit)) < 0 ||
		    !permit || !dp_acl_rule(acl, (size_t)r, &ru))
			continue;
		memset(&rq, 0, sizeof(rq));
		snprintf(rq.rq_ifname, sizeof(rq.rq_ifname), "%s",
		    dp_iface_name(ifp));
		snprintf(rq.rq_map, sizeof(rq.rq_map), "%s", cm->cm_name);
		rq.rq_seq = ce->ce_seq;
		if (!dp_iface_ipv4(ifp, &rq.rq_local, &mask))
			return DP_CRYPTO_DROP;
		rq.rq_peer = ce->ce_peers[0];
		ident_set(&rq.rq_lid, ru.ru_src, ru.ru_src_wild, ru.ru_proto,
		    ru.ru_sport);
		ident_set(&rq.rq_rid, ru.ru_dst, ru.ru_dst_wild, ru.ru_proto,
		    ru.ru_dport);
		fl = flow_get(c, &rq, ce->ce_params.pp_pfs);
		if ((ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list)) != NULL &&
		    ps->ps_esp != NULL && ps->ps_bytes / 1024 >= ps->ps_life_kb &&
		    ps->ps_expiry != NULL) {
			/* The volume lifetime is spent: as on the timer. */
			ike_ipsec_debug(c, "IPSEC(sa_aging): lifetime expiring "
			    "(kilobytes),");
			sa_pair_expire(c, fl, ((struct sa_expiry *)
			    ps->ps_expiry)->ex_spi_in, ps->ps_spi);
			ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
		}
		if (ps != NULL && ps->ps_esp != NULL)
			return encap(c, fl, ps, ip, len);
		fl->fl_stats.fs_send_errors++;
		if (!negotiating(c, &rq, &done)) {
			dbg_sa_request(c, &rq, ce);
			if (done != NULL)
				ike_qm_initiate(done, &rq);
			else
				ike_mm_initiate(c, &rq);
		}
		return DP_CRYPTO_DROP;
	}
	return DP_CRYPTO_PASS;
}

/* ---- Inbound. ---- */

static void
esp_input(void *arg, struct dp_iface *in, const uint8_t *ip, size_t len)
{
	struct crypto		*c = arg;
	struct ipsec_sa		*ps;
	struct ipsec_flow	*fl;
	const uint8_t		*inner;
	uint8_t			*buf;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, ilen;
	uint32_t		 spi;
	char			 s[16], d[16];

	/* ESP in UDP (the dataplane checked it is 4500 and no IKE). */
	if (ip[9] == IPPROTO_UDP_NUM && len >= hl + UDP_HDR)
		hl += UDP_HDR;
	else if (ip[9] != IPPROTO_ESP_NUM) {
		c->c_esp_bad++;
		return;
	}
	if (len < hl + ESP_HDR_LEN) {
		c->c_esp_bad++;
		return;
	}
	spi = get32(ip + hl);
	if ((ps = sadb_sa_find_in(&c->c_sadb, spi)) == NULL ||
	    ps->ps_esp == NULL) {
		c->c_esp_bad++;
		ike_ip_fmt(get32(ip + 16), d, sizeof(d));
		ike_ip_fmt(get32(ip + 12), s, sizeof(s));
		sys_log(c->c_sys, "CRYPTO", 4, "RECVD_PKT_INV_SPI", "decaps: "
		    "rec'd IPSEC packet has invalid spi for destaddr=%s, "
		    "prot=50, spi=0x%X(%u), srcaddr=%s", d, spi, spi, s);
		return;
	}
	fl = ps->ps_flow;
	if ((buf = malloc(len - hl)) == NULL)
		abort();
	memcpy(buf, ip + hl, len - hl);
	if (esp_decap(ps->ps_esp, buf, len - hl, &inner, &ilen) != ESP_OK) {
		fl->fl_stats.fs_recv_errors++;
		free(buf);
		return;
	}
	/* The inner packet must be what the SA was made for. */
	if (ilen < IP_HDR || !ident_has(&fl->fl_rident, get32(inner + 12)) ||
	    !ident_has(&fl->fl_lident, get32(inner + 16))) {
		fl->fl_stats.fs_recv_errors++;
		free(buf);
		return;
	}
	fl->fl_last_in_ms = clock_mono_ms();
	fl->fl_stats.fs_decaps++;
	fl->fl_stats.fs_decrypt++;
	fl->fl_stats.fs_verify++;
	ps->ps_bytes += ilen;
	(void)dp_ip_input(c->c_sys->sy_dp, in, inner, ilen);
	free(buf);
}

static const struct dp_crypto_ops ipsec_ops = {
	.co_outbound = outbound,
	.co_esp_input = esp_input,
};

void
ipsec_attach(struct crypto *c)
{
	if (c->c_sys->sy_dp != NULL)
		dp_crypto_register(c->c_sys->sy_dp, &ipsec_ops, c);
}

void
ipsec_clear(struct crypto *c)
{
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	struct isakmp_sa	*is;
	struct sa_addr		 peer;
	uint8_t			 spi[4];

	while ((fl = TAILQ_FIRST(&c->c_sadb.db_flows)) != NULL) {
		TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
			TAILQ_FOREACH(is, &c->c_sadb.db_isakmp, is_entry) {
				peer = fl->fl_peer;
				if (is->is_engine == NULL ||
				    !sa_addr_eq(&is->is_remote, &peer) ||
				    ((struct ike_p1 *)is->is_engine)->p_state !=
				    FSM_P1_COMPLETE)
					continue;
				isakmp_put32(spi, ps->ps_spi);
				ike_delete_notify(is->is_engine,
				    ISAKMP_PROTO_ESP, spi, 4);
				break;
			}
		ipsec_flow_drop(c, fl);
	}
}

void
ipsec_detach(struct crypto *c)
{
	struct ipsec_flow	*fl;

	if (c->c_sys->sy_dp != NULL)
		dp_crypto_register(c->c_sys->sy_dp, NULL, NULL);
	while ((fl = TAILQ_FIRST(&c->c_sadb.db_flows)) != NULL)
		ipsec_flow_drop(c, fl);
}

void
ipsec_delete_by_peer_spi(struct crypto *c, uint32_t peer, uint32_t spi)
{
	struct ipsec_flow	*fl, *next;
	struct ipsec_sa		*ps;
	struct sa_addr		 a;

	sa_addr_v4(&a, peer);
	for (fl = TAILQ_FIRST(&c->c_sadb.db_flows); fl != NULL; fl = next) {
		next = TAILQ_NEXT(fl, fl_entry);
		if (!sa_addr_eq(&fl->fl_peer, &a))
			continue;
		TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
			if (ps->ps_spi == spi) {
				ipsec_flow_drop(c, fl);
				break;
			}
	}
}
