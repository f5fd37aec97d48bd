/*
 * ike_qm12: the Quick Mode responder's debug lines in 12.x's words (seed
 * 002's hub, 12.3): the proposal validated with the transform it names,
 * the crypto map's kei_proxy lines, the SAs announced ("Creating IPSec
 * SAs" with their conn-ids) and then given to the key engine
 * (initialize_sas, add mtree, create_sa) when the initiator's third
 * message makes them, as 12.x installs them.  15.x's words are in
 * ike_qm.c and ipsec_sa.c.
 *
 * IOS's key-engine flags as the seed prints them for an ESP tunnel: 0x2
 * inbound, 0xA outbound ("flags 2" / "flags A" in the ISAKMP block).
 */
#include <stdio.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "lib/bytes.h"
#include "lib/inet4.h"
#include "lib/strbuf.h"

#define FLAGS_TUNNEL	0x2u
#define FLAGS_OUTBOUND	0x8u

static unsigned
ke_flags(const struct transform_set *ts, bool outbound)
{
	return (ts->ts_transport ? 0 : FLAGS_TUNNEL) |
	    (outbound ? FLAGS_OUTBOUND : 0);
}

/* "a/m/p/p (type=N)": an address (type 1) shows mask 0.0.0.0 in the
 * key engine's initialize_sas message (WITH_MASK false), as the seed's
 * client transcript has it. */
static void
proxy_text(const struct sa_ident *id, bool with_mask, char *buf,
    size_t len)
{
	char	a[16], m[16];
	bool	host = id->id_plen == 32;

	ip4_text(get32(id->id_addr.sa_addr), a);
	ip4_text(host && !with_mask ? 0 : ipsec_plen_mask(id->id_plen), m);
	snprintf(buf, len, "%s/%s/%u/%u (type=%d)", a, m, id->id_proto,
	    id->id_port, host ? 1 : 4);
}

/* The key-engine message block: DIR, lifetimes, SPI, conn-id, flags. */
static void
ke_msg(struct ike_qm *q, const char *dir, bool with_mask, uint32_t life_s,
    uint64_t life_kb, uint32_t spi, unsigned connid, unsigned flags)
{
	struct crypto	*c = q->q_p1->p_c;
	struct strbuf	 words;
	char		 l[SA_TEXT_LEN], r[SA_TEXT_LEN], lp[64], rp[64];

	sa_text(&q->q_p1->p_local, l);
	sa_text(&q->q_p1->p_peer, r);
	proxy_text(&q->q_req.rq_lid, with_mask, lp, sizeof(lp));
	proxy_text(&q->q_req.rq_rid, with_mask, rp, sizeof(rp));
	strbuf_init(&words);
	transform_config_text(&q->q_ts, &words);
	ike_ipsec_debug(c, "  (key eng. msg.) %s local= %s, remote= %s,", dir,
	    l, r);
	ike_ipsec_debug(c, "    local_proxy= %s,", lp);
	ike_ipsec_debug(c, "    remote_proxy= %s,", rp);
	ike_ipsec_debug(c, "    protocol= ESP, transform= %s (%s),",
	    words.sb_buf, q->q_ts.ts_transport ? "Transport" : "Tunnel");
	ike_ipsec_debug(c, "    lifedur= %us and %llukb,", life_s,
	    (unsigned long long)life_kb);
	ike_ipsec_debug(c, "    spi= 0x%X(%u), conn_id= %u, keysize= 0, "
	    "flags= 0x%X", spi, spi, connid, flags);
	strbuf_free(&words);
}

/* The crypto map the flow goes under, as the key engine looks it up. */
static void
kei_proxy(struct ike_qm *q)
{
	struct crypto	*c = q->q_p1->p_c;
	int		 i;

	for (i = 0; i < 2; i++)
		ike_ipsec_debug(c, "IPSEC(kei_proxy): head = %s, map->ivrf = , "
		    "kei->ivrf = ", q->q_req.rq_map);
}

void
ike_qm12_dbg_validate(struct ike_qm *q)
{
	ike_ipsec_debug(q->q_p1->p_c, "IPSEC(validate_proposal_request): "
	    "proposal part #1,");
	ke_msg(q, "INBOUND", true, 0, 0, 0, 0, ke_flags(&q->q_ts, false));
	ike_engine_debug(q->q_p1->p_c, "validate proposal request");
	kei_proxy(q);
}

void
ike_qm12_dbg_spi(struct ike_qm *q)
{
	struct crypto	*c = q->q_p1->p_c;
	char		 l[SA_TEXT_LEN], r[SA_TEXT_LEN];

	sa_text(&q->q_p1->p_local, l);
	sa_text(&q->q_p1->p_peer, r);
	ike_ipsec_debug(c, "IPSEC(key_engine): got a queue event...");
	ike_ipsec_debug(c, "IPSEC(spi_response): getting spi %u for SA from "
	    "%s to %s for prot 3", q->q_spi_in, l, r);
}

void
ike_qm12_dbg_creating(struct ike_qm *q, const struct ipsec_sa *in,
    const struct ipsec_sa *out)
{
	struct ike_p1	*p = q->q_p1;
	struct crypto	*c = p->p_c;
	char		 l[SA_TEXT_LEN], r[SA_TEXT_LEN], lp[16], rp[16];
	int		 i;

	sa_text(&p->p_local, l);
	sa_text(&p->p_peer, r);
	ip4_text(get32(q->q_req.rq_lid.id_addr.sa_addr), lp);
	ip4_text(get32(q->q_req.rq_rid.id_addr.sa_addr), rp);
	ike_debug(c, p->p_dbg, " Creating IPSec SAs");
	for (i = 0; i < 2; i++) {
		const struct ipsec_sa	*ps = i == 0 ? in : out;

		if (i == 0) {
			ike_debug_text(c, "        inbound SA from %s to %s "
			    "(f/i)  0/ 0", r, l);
			ike_debug_text(c, "        (proxy %s to %s)", rp, lp);
			ike_debug_text(c, "        has spi 0x%X and conn_id %u "
			    "and flags %X", ps->ps_spi, ps->ps_connid,
			    ke_flags(&q->q_ts, false));
		} else {
			ike_debug_text(c, "        outbound SA from %s to %s "
			    "(f/i)  0/ 0", l, r);
			ike_debug_text(c, "        (proxy %s to %s )", lp, rp);
			/* Signed: the seed's "has spi -1329531732". */
			ike_debug_text(c, "        has spi %d and conn_id %u "
			    "and flags %X", (int)ps->ps_spi, ps->ps_connid,
			    ke_flags(&q->q_ts, true));
		}
		ike_debug_text(c, "        lifetime of %u seconds",
		    ps->ps_life_sec);
		if (ps->ps_life_kb != 0)
			ike_debug_text(c, "        lifetime of %llu kilobytes",
			    (unsigned long long)ps->ps_life_kb);
		ike_debug_text(c, "        has client flags 0x0");
	}
}

void
ike_qm12_dbg_installed(struct ike_qm *q, const struct ipsec_sa *in,
    const struct ipsec_sa *out)
{
	struct crypto	*c = q->q_p1->p_c;
	char		 s[16], d[SA_TEXT_LEN];
	int		 i;

	ike_ipsec_debug(c, "IPSEC(key_engine): got a queue event...");
	ike_ipsec_debug(c, "IPSEC(initialize_sas): ,");
	ke_msg(q, "INBOUND", false, in->ps_life_sec, in->ps_life_kb,
	    in->ps_spi, in->ps_connid, ke_flags(&q->q_ts, false));
	ike_ipsec_debug(c, "IPSEC(initialize_sas): ,");
	ke_msg(q, "OUTBOUND", false, out->ps_life_sec, out->ps_life_kb,
	    out->ps_spi, out->ps_connid, ke_flags(&q->q_ts, true));
	kei_proxy(q);
	ip4_text(get32(q->q_req.rq_lid.id_addr.sa_addr), s);
	ip4_text(get32(q->q_req.rq_rid.id_addr.sa_addr), d);
	ike_ipsec_debug(c, "IPSEC(add mtree): src %s, dest %s, dest_port %u",
	    s, d, q->q_req.rq_rid.id_port);
	ike_ipsec_debug(c, "%s", "");
	for (i = 0; i < 2; i++) {
		const struct ipsec_sa	*ps = i == 0 ? in : out;

		sa_text(i == 0 ? &q->q_p1->p_local : &q->q_p1->p_peer, d);
		ike_ipsec_debug(c, "IPSEC(create_sa): sa created,");
		ike_ipsec_debug(c, "  (sa) sa_dest= %s, sa_prot= 50,", d);
		ike_ipsec_debug(c, "    sa_spi= 0x%X(%u),", ps->ps_spi,
		    ps->ps_spi);
		ike_ipsec_debug(c, "    sa_trans= %s , sa_conn_id= %u",
		    ps->ps_transform, ps->ps_connid);
	}
}
