/*
 * ipsec_sa: installing the pair of SAs Quick Mode negotiated, and its
 * end — the hard lifetime in seconds (a timer) or kilobytes (counted as
 * ESP goes out), the peer's delete, or its successor (ipsec_rekey.c) being
 * up — after which both SAs go and the peer is told.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ah.h"
#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/xalloc.h"

/* What the engine hangs on an SA goes before the SA does; the pair's
 * timers go with the last of its two SAs. */
void
ipsec_sa_release(struct crypto *c, struct ipsec_sa *ps)
{
	struct ipsec_pair	*pr = ps->ps_expiry;

	esp_sa_free(ps->ps_esp);
	ps->ps_esp = NULL;
	ah_sa_free(ps->ps_ah);
	ps->ps_ah = NULL;
	c->c_sadb.db_sa_gen++;
	if (ps->ps_flow != NULL)
		ipsec_tunnel_changed(c, ps->ps_flow);
	if (pr == NULL)
		return;
	ps->ps_expiry = NULL;
	if (pr->pr_in == ps)
		pr->pr_in = NULL;
	if (pr->pr_out == ps)
		pr->pr_out = NULL;
	if (pr->pr_in != NULL || pr->pr_out != NULL)
		return;
	evloop_timer_cancel(c->c_sys->sy_loop, pr->pr_hard);
	evloop_timer_cancel(c->c_sys->sy_loop, pr->pr_soft);
	evloop_timer_cancel(c->c_sys->sy_loop, pr->pr_del);
	free(pr);
}

/*
 * A pair of SAs ends (its lifetime, the old pair after a rekey): both
 * go and the peer is told.  The flow and its counters stay, as IOS keeps
 * the identities; the next packet negotiates if no newer pair is there.
 */
void
ipsec_pair_delete(struct ipsec_pair *pr)
{
	struct crypto		*c = pr->pr_c;
	struct ipsec_sa		*in = pr->pr_in, *out = pr->pr_out;
	struct ipsec_flow	*fl = pr->pr_flow;
	struct ike_p1		*p;

	if (in != NULL && (p = ipsec_peer_p1(c, &pr->pr_flow->fl_peer)) !=
	    NULL)
		ipsec_sa_delete_notify(p, in);
	ike_ipsec_debug(c, "IPSEC(delete_sa): deleting SA,");
	/* The last release frees PR. */
	if (in != NULL) {
		ipsec_sa_release(c, in);
		sadb_sa_free(&c->c_sadb, in);
	}
	if (out != NULL) {
		ipsec_sa_release(c, out);
		sadb_sa_free(&c->c_sadb, out);
	}
	/* A remote peer's dynamic flow lives only as long as its SAs. */
	if (fl->fl_dyn != NULL && TAILQ_EMPTY(&fl->fl_in) &&
	    TAILQ_EMPTY(&fl->fl_out))
		ipsec_flow_drop(c, fl);
}

/* Tell the peer the inbound SA IN is gone: its ESP SPI and, with AH,
 * its AH SPI (RFC 2408 §3.15: one DELETE per protocol). */
void
ipsec_sa_delete_notify(struct ike_p1 *p, const struct ipsec_sa *in)
{
	uint8_t	spi[4];

	if (in->ps_ah_spi != 0) {
		put32(spi, in->ps_ah_spi);
		ike_delete_notify(p, ISAKMP_PROTO_AH, spi, 4);
	}
	if (in->ps_ah_spi == 0 || in->ps_esp != NULL) {
		put32(spi, in->ps_spi);
		ike_delete_notify(p, ISAKMP_PROTO_ESP, spi, 4);
	}
}

/* The volume lifetime of OUT is spent: as on the timer. */
void
ipsec_sa_expire_volume(struct crypto *c, struct ipsec_sa *out)
{
	ike_ipsec_debug(c, "IPSEC(sa_aging): lifetime expiring (kilobytes),");
	ipsec_pair_delete(out->ps_expiry);
}

static void
sa_expired(void *arg)
{
	struct ipsec_pair	*pr = arg;

	pr->pr_hard = NULL;
	ike_ipsec_debug(pr->pr_c, "IPSEC(sa_aging): lifetime expiring,");
	ipsec_pair_delete(pr);
}

bool
ipsec_sa_ready(const struct ipsec_sa *ps)
{
	return ps->ps_esp != NULL || ps->ps_ah != NULL;
}

size_t
ipsec_sa_pre(const struct ipsec_sa *ps)
{
	return (ps->ps_ah != NULL ? ah_sa_len(ps->ps_ah) : 0) +
	    (ps->ps_esp != NULL ? ESP_HDR_LEN + esp_sa_iv_len(ps->ps_esp) : 0);
}

size_t
ipsec_sa_encap_len(const struct ipsec_sa *ps, size_t len)
{
	return (ps->ps_ah != NULL ? ah_sa_len(ps->ps_ah) : 0) +
	    (ps->ps_esp != NULL ? esp_encap_len(ps->ps_esp, len) : len);
}

/* The SA outbound traffic of FL uses: the newest, unless it waits for
 * the peer to have it too (a responder's rekey before QM3). */
struct ipsec_sa *
ipsec_flow_out_sa(struct ipsec_flow *fl)
{
	struct ipsec_sa		*ps;
	struct ipsec_pair	*pr;

	TAILQ_FOREACH_REVERSE(ps, &fl->fl_out, ipsec_sa_list, ps_entry)
		if (ipsec_sa_ready(ps) && ((pr = ps->ps_expiry) == NULL ||
		    !pr->pr_standby))
			return ps;
	return TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
}

/*
 * PS's transform texts, from TS: those of the last set an SA was made
 * with when TS has the same transforms (a hub's tunnels mostly share one
 * set), else formatted and kept for the next.  The memo is keyed by
 * every field transform_config_text reads, and whether the SA carries
 * ESP (ipsec_sa.h: ESP and AH show their own transforms); it holds only
 * the texts, for the process.
 */
static void
sa_texts(struct ipsec_sa *ps, const struct transform_set *ts)
{
	static struct {
		bool		valid, esp, comp;
		enum ts_ah	ah;
		enum ts_enc	enc;
		enum ts_auth	auth;
		unsigned	keylen;
		char		ah_text[sizeof(ps->ps_ah_transform)];
		char		text[sizeof(ps->ps_transform)];
	} last;
	struct transform_set	one;
	struct strbuf		words;
	bool			esp = ps->ps_esp != NULL;

	if (!last.valid || last.esp != esp || last.comp != ts->ts_comp ||
	    last.ah != ts->ts_ah || last.enc != ts->ts_enc ||
	    last.auth != ts->ts_auth || last.keylen != ts->ts_keylen) {
		one = *ts;
		one.ts_enc = TS_ENC_NONE;
		one.ts_auth = TS_AUTH_NONE;
		strbuf_init(&words);
		transform_config_text(&one, &words);
		snprintf(last.ah_text, sizeof(last.ah_text), "%s",
		    words.sb_buf);
		one = *ts;
		if (esp)
			one.ts_ah = TS_AH_NONE;
		strbuf_reset(&words);
		transform_config_text(&one, &words);
		snprintf(last.text, sizeof(last.text), "%s", words.sb_buf);
		strbuf_free(&words);
		last.valid = true;
		last.esp = esp;
		last.comp = ts->ts_comp;
		last.ah = ts->ts_ah;
		last.enc = ts->ts_enc;
		last.auth = ts->ts_auth;
		last.keylen = ts->ts_keylen;
	}
	memcpy(ps->ps_ah_transform, last.ah_text, sizeof(ps->ps_ah_transform));
	memcpy(ps->ps_transform, last.text, sizeof(ps->ps_transform));
}

/* One SA of Q's pair; TWIN, the pair's SA made before it (NULL for the
 * first), lends it the transform texts. */
static struct ipsec_sa *
sa_add(struct crypto *c, struct ipsec_flow *fl, enum ipsec_dir dir,
    uint32_t spi, const struct ike_qm *q, const uint8_t *keymat,
    const struct ipsec_sa *twin)
{
	const struct transform_set	*ts = &q->q_ts;
	struct esp_params		 ep;
	struct ah_params		 ap;
	struct ipsec_sa			*ps;
	unsigned			 bits = ts->ts_enc == TS_ENC_AES ||
					    ts->ts_enc == TS_ENC_GCM ||
					    ts->ts_enc == TS_ENC_GMAC ?
					    (ts->ts_keylen ? ts->ts_keylen :
					    128) : 0;

	memset(&ep, 0, sizeof(ep));
	ep.ep_spi = spi;
	ep.ep_enc = ts->ts_enc;
	ep.ep_keybits = bits;
	ep.ep_auth = ts->ts_auth;
	ep.ep_enc_key = keymat;
	ep.ep_auth_key = keymat + esp_enc_keylen(ts->ts_enc, bits);
	ep.ep_replay = q->q_replay;
	ps = sadb_sa_new(&c->c_sadb, fl, dir, spi);
	if (ts->ts_enc != TS_ENC_NONE || ts->ts_auth != TS_AUTH_NONE) {
		ps->ps_esp = esp_sa_new(&ep);
		ps->ps_enc_keylen = esp_enc_keylen(ts->ts_enc, bits);
		ps->ps_auth_keylen = esp_auth_keylen(ts->ts_auth);
	}
	if (ts->ts_ah != TS_AH_NONE) {
		memset(&ap, 0, sizeof(ap));
		ap.ap_spi = ps->ps_ah_spi = dir == IPSEC_IN ? spi :
		    q->q_ah_spi_out;
		ap.ap_alg = ts->ts_ah;
		ap.ap_key = keymat + ps->ps_enc_keylen + ps->ps_auth_keylen;
		ap.ap_replay = q->q_replay;
		ps->ps_ah = ah_sa_new(&ap);
	}
	/* A second copy of the keys only for `test crypto wireshark-keys`,
	 * which exists only under `service internal`. */
	if (c->c_sys->sy_service_internal && ps->ps_esp != NULL &&
	    ps->ps_enc_keylen + ps->ps_auth_keylen <= sizeof(ps->ps_keys)) {
		memcpy(ps->ps_keys, keymat, ps->ps_enc_keylen +
		    ps->ps_auth_keylen);
		ps->ps_ws_enc = ipsec_ws_enc(ts->ts_enc);
		ps->ps_ws_auth = ipsec_ws_auth(ts->ts_auth);
	}
	/* Each protocol's SA shows its own transforms (IOS's ah sas and
	 * esp sas blocks); AH alone names AH in the debug lines too.  The
	 * pair's second SA has the first's transforms: copied, not
	 * formatted again (two texts through a strbuf, ~1% of a setup). */
	if (twin != NULL) {
		memcpy(ps->ps_ah_transform, twin->ps_ah_transform,
		    sizeof(ps->ps_ah_transform));
		memcpy(ps->ps_transform, twin->ps_transform,
		    sizeof(ps->ps_transform));
	} else
		sa_texts(ps, ts);
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
	struct ipsec_flow	*fl = ipsec_flow_get(c, &q->q_req, q->q_pfs);
	struct ipsec_sa		*cur = ipsec_flow_out_sa(fl);
	struct ipsec_pair	*pr, *old = cur != NULL ? cur->ps_expiry : NULL;

	fl->fl_pfs_group = q->q_pfs;
	fl->fl_peer_port = q->q_p1->p_sa->is_rport;
	pr = xcalloc(1, sizeof(*pr));
	pr->pr_c = c;
	pr->pr_flow = fl;
	pr->pr_req = q->q_req;
	pr->pr_initiator = q->q_initiator;
	pr->pr_in = sa_add(c, fl, IPSEC_IN, q->q_spi_in, q, keymat_in, NULL);
	pr->pr_out = sa_add(c, fl, IPSEC_OUT, q->q_spi_out, q, keymat_out,
	    pr->pr_in);
	pr->pr_in->ps_expiry = pr->pr_out->ps_expiry = pr;
	/* The pair lives as long as its lifetime in seconds. */
	pr->pr_hard = evloop_timer_add(c->c_sys->sy_loop,
	    (uint64_t)q->q_life_s * 1000, sa_expired, pr);
	ipsec_rekey_arm(pr, q->q_life_s, q->q_life_kb);
	if (old != NULL)
		ipsec_rekey_installed(old, pr);
	if (q->q_req.rq_dynamic)
		ipsec_spd_dyn_add(c, fl, &q->q_req);
	ipsec_tunnel_changed(c, fl);
	if (q->q_p1->p_sa->is_ifname[0] == '\0')
		snprintf(q->q_p1->p_sa->is_ifname,
		    sizeof(q->q_p1->p_sa->is_ifname), "%s", q->q_req.rq_ifname);
}

static void
dbg_create_sa(struct crypto *c, const struct ipsec_sa *ps,
    const struct sa_addr *dest)
{
	char	d[SA_TEXT_LEN];

	if (!crypto_debug_on(c, CRYPTO_DEBUG_IPSEC))
		return;
	sa_text(dest, d);
	ike_ipsec_debug(c, "IPSEC(create_sa): sa created,");
	ike_ipsec_debug(c, "  (sa) sa_dest= %s, sa_proto= %u,", d,
	    ps->ps_esp == NULL && ps->ps_ah != NULL ? 51 : 50);
	ike_ipsec_debug(c, "    sa_spi= 0x%X(%u),", ps->ps_spi, ps->ps_spi);
	ike_ipsec_debug(c, "    sa_trans= %s , sa_conn_id= %u",
	    ps->ps_transform, ps->ps_connid);
	ike_ipsec_debug(c, "    sa_lifetime(k/sec)= (%llu/%u)",
	    (unsigned long long)ps->ps_life_kb, ps->ps_life_sec);
}

bool
ipsec_installed_pair(struct ike_qm *q, struct ipsec_sa **in,
    struct ipsec_sa **out)
{
	struct ipsec_flow	*fl = ipsec_flow_find(q->q_p1->p_c, &q->q_req);

	return fl != NULL &&
	    (*in = TAILQ_LAST(&fl->fl_in, ipsec_sa_list)) != NULL &&
	    (*out = TAILQ_LAST(&fl->fl_out, ipsec_sa_list)) != NULL;
}

void
ipsec_installed_debug(struct ike_qm *q)
{
	struct crypto		*c = q->q_p1->p_c;
	struct ipsec_sa		*in, *out;
	char			 peer[SA_TEXT_LEN], s[SA_TEXT_LEN], d[SA_TEXT_LEN];

	/* Debug off: not even the SAs' lookup and addresses as text. */
	if (!crypto_debug_on(c, CRYPTO_DEBUG_IPSEC) ||
	    !ipsec_installed_pair(q, &in, &out))
		return;
	sa_text(&q->q_p1->p_peer, peer);
	sa_text(&q->q_req.rq_lid.id_addr, s);
	sa_text(&q->q_req.rq_rid.id_addr, d);
	ike_ipsec_debug(c, "IPSEC(key_engine): got a queue event with 1 KMI "
	    "message(s)");
	/* A tunnel's SAs (seed 003, both ends): its map is found, no crypto
	 * map database is asked, no policy entry added and no outbound SA
	 * announced — the tunnel is the policy.  A crypto map's: seed 001. */
	if (ipsec_tunnel_req(&q->q_req)) {
		ike_ipsec_debug(c, "IPSEC(crypto_ipsec_create_ipsec_sas): Map "
		    "found %s", q->q_req.rq_map);
		ike_ipsec_debug(c, "IPSEC(crypto_ipsec_sa_find_ident_head): "
		    "reconnecting with the same proxies and peer %s", peer);
		dbg_create_sa(c, in, &q->q_p1->p_local);
		dbg_create_sa(c, out, &q->q_p1->p_peer);
		return;
	}
	ipsec_dbg_proxy_match(c, &q->q_req);
	ike_ipsec_debug(c, "IPSEC(crypto_ipsec_sa_find_ident_head): "
	    "reconnecting with the same proxies and peer %s", peer);
	ike_ipsec_debug(c, "IPSEC(policy_db_add_ident): src %s, dest %s, "
	    "dest_port %u", s, d, q->q_req.rq_rid.id_port);
	ike_ipsec_debug(c, "%s", "");
	dbg_create_sa(c, in, &q->q_p1->p_local);
	dbg_create_sa(c, out, &q->q_p1->p_peer);
	ike_ipsec_debug(c, "IPSEC(update_current_outbound_sa): get enable SA "
	    "peer %s current outbound sa to SPI %X", peer, out->ps_spi);
	ike_ipsec_debug(c, "IPSEC(update_current_outbound_sa): updated peer "
	    "%s current outbound sa to SPI %X", peer, out->ps_spi);
}
