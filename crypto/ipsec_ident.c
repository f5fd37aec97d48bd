/*
 * ipsec_ident: proxy identities (addr/mask/prot/port) as crypto map ACL
 * rules give them and IOS prints them.
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
#include "lib/inet4.h"
#include "lib/system.h"

uint32_t
ipsec_plen_mask(unsigned plen)
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

void
ipsec_ident_set(struct sa_ident *id, uint32_t addr, uint32_t wild, uint8_t proto,
    uint16_t port)
{
	memset(id, 0, sizeof(*id));
	id->id_plen = wild_plen(wild);
	sa_addr_v4(&id->id_addr, addr & ipsec_plen_mask(id->id_plen));
	id->id_proto = proto;
	id->id_port = port;
}

bool
ipsec_ident_has(const struct sa_ident *id, uint32_t a)
{
	return (a & ipsec_plen_mask(id->id_plen)) ==
	    get32(id->id_addr.sa_addr);
}

bool
ipsec_ident_has6(const struct sa_ident *id, const uint8_t a[16])
{
	unsigned	i;

	if (id->id_addr.sa_family != 6)
		return false;
	for (i = 0; i < id->id_plen && i < 128; i++)
		if (((a[i / 8] ^ id->id_addr.sa_addr[i / 8]) >> (7 - i % 8)) &
		    1)
			return false;
	return true;
}

const char *
ipsec_ident_type_text(const struct sa_ident *id)
{
	/* Seed 003's IPv6 proxies carry no type. */
	if (id->id_addr.sa_family == 6)
		return "";
	return id->id_plen == 32 ? " (type=1)" : " (type=4)";
}

void
ipsec_ident_fmt(const struct sa_ident *id, char *buf, size_t len)
{
	char		a[SA_TEXT_LEN], m[16];

	/* IPv6: a prefix length, and protocol "any" as 256 (seed 003's
	 * "local_proxy= ::/0/256/0"). */
	if (id->id_addr.sa_family == 6) {
		snprintf(buf, len, "%s/%u/%u/%u", sa_text(&id->id_addr, a),
		    id->id_plen, id->id_proto != 0 ? id->id_proto : 256,
		    id->id_port);
		return;
	}

	ip4_text(get32(id->id_addr.sa_addr), a);
	ip4_text(ipsec_plen_mask(id->id_plen), m);
	snprintf(buf, len, "%s/%s/%u/%u", a, m, id->id_proto, id->id_port);
}

void
ipsec_entry_lifetimes(const struct crypto *c, const struct cmap_entry *ce,
    uint32_t *sec, uint64_t *kb)
{
	ipsec_params_lifetimes(c, &ce->ce_params, sec, kb);
}
/* ---- Flows. ---- */

bool
ipsec_ident_eq(const struct sa_ident *a, const struct sa_ident *b)
{
	return a->id_plen == b->id_plen && a->id_proto == b->id_proto &&
	    a->id_port == b->id_port && sa_addr_eq(&a->id_addr, &b->id_addr);
}

/*
 * Transport mode is offered when the set asks for it and the proxies are
 * the crypto endpoints themselves (IOS's rule: GRE between the tunnel's
 * endpoints); otherwise tunnel mode — a VTI's 0.0.0.0/0 proxies, or a
 * subnet, even under a `mode transport` set, as seed 003 shows
 * ("encaps is 1 (Tunnel)", sa_request's "(Tunnel)").
 */
bool
ipsec_transport_ok(const struct ike_request *rq,
    const struct transform_set *ts)
{
	return ts != NULL && ts->ts_transport &&
	    rq->rq_lid.id_plen == 32 && rq->rq_rid.id_plen == 32 &&
	    rq->rq_lid.id_addr.sa_family == 4 &&
	    rq->rq_rid.id_addr.sa_family == 4 &&
	    sa_addr_eq(&rq->rq_lid.id_addr, &rq->rq_local) &&
	    sa_addr_eq(&rq->rq_rid.id_addr, &rq->rq_peer);
}

/*
 * Transport mode through a NAT (RFC 3947 §5.2): the initiator's host
 * identities are the addresses it has, and a NAT changed one of them (a
 * spoke's private source, or its public address as the hub names it).
 * Proxies that are both hosts are taken as the ends this SA runs
 * between — ours LOCAL, the peer's PEER as we see them — as strongSwan
 * does ("changing received traffic selectors ... due to NAT") and as
 * RFC 3948's transport mode needs, the packets' own headers being the
 * NAT's.  The caller keeps this only for a transport-mode offer.
 */
bool
ipsec_ident_natt(const struct sa_addr *local, const struct sa_addr *peer,
    struct sa_ident *lid, struct sa_ident *rid)
{
	if (lid->id_plen != 32 || rid->id_plen != 32 ||
	    lid->id_addr.sa_family != 4 || rid->id_addr.sa_family != 4 ||
	    local->sa_family != 4 || peer->sa_family != 4 ||
	    (sa_addr_eq(&lid->id_addr, local) &&
	    sa_addr_eq(&rid->id_addr, peer)))
		return false;
	lid->id_addr = *local;
	rid->id_addr = *peer;
	return true;
}
