/*
 * sadb: the tables of ISAKMP SAs, IPsec flows and IPsec SAs (sadb.h).
 *
 * Hash tables do the lookups the packet path and the engine make:
 * ISAKMP SAs by initiator cookie, inbound IPsec SAs by SPI — random keys
 * (cookies, SPIs), so folding their bits is a sufficient hash — and
 * outbound flows by their key and peers by address, which are not
 * random (a hub's peers and proxies are often consecutive addresses), so
 * they go through FNV-1a first.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/sadb.h"
#include "lib/bytes.h"
#include "lib/inet4.h"
#include "lib/xalloc.h"

static const char *const state_names[ISK_COUNT] = {
	[ISK_MM_NO_STATE] =	"MM_NO_STATE",
	[ISK_MM_SA_SETUP] =	"MM_SA_SETUP",
	[ISK_MM_KEY_EXCH] =	"MM_KEY_EXCH",
	[ISK_MM_KEY_AUTH] =	"MM_KEY_AUTH",
	[ISK_AG_NO_STATE] =	"AG_NO_STATE",
	[ISK_AG_INIT_EXCH] =	"AG_INIT_EXCH",
	[ISK_AG_AUTH] =		"AG_AUTH",
	[ISK_QM_IDLE] =		"QM_IDLE",
};

const char *
isakmp_state_name(enum isakmp_state st)
{
	return st < ISK_COUNT ? state_names[st] : "UNKNOWN";
}

void
sa_addr_v4(struct sa_addr *a, uint32_t host_order)
{
	uint32_t	n = htonl(host_order);

	memset(a, 0, sizeof(*a));
	a->sa_family = 4;
	memcpy(a->sa_addr, &n, 4);
}

/* As IOS prints addresses: dotted quad, or IPv6 in upper case. */
void
sa_addr_fmt(const struct sa_addr *a, char *buf, size_t len)
{
	char	tmp[INET6_ADDRSTRLEN], *p;

	if (a->sa_family == 6) {
		inet_ntop(AF_INET6, a->sa_addr, tmp, sizeof(tmp));
		for (p = tmp; *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'f')
				*p -= 'a' - 'A';
	} else {
		/* The common case straight into BUF (see ip4_text). */
		if (len >= IP4_TEXT_LEN) {
			ip4_text(get32(a->sa_addr), buf);
			return;
		}
		ip4_text(get32(a->sa_addr), tmp);
	}
	snprintf(buf, len, "%s", tmp);
}

const char *
sa_text(const struct sa_addr *a, char buf[SA_TEXT_LEN])
{
	sa_addr_fmt(a, buf, SA_TEXT_LEN);
	return buf;
}

uint32_t
sa_addr_get4(const struct sa_addr *a)
{
	uint32_t	n;

	if (a->sa_family == 6)
		return 0;
	memcpy(&n, a->sa_addr, 4);
	return ntohl(n);
}

void
sa_addr_v6(struct sa_addr *a, const uint8_t v6[16])
{
	memset(a, 0, sizeof(*a));
	a->sa_family = 6;
	memcpy(a->sa_addr, v6, 16);
}

bool
sa_addr_eq(const struct sa_addr *a, const struct sa_addr *b)
{
	return a->sa_family == b->sa_family &&
	    memcmp(a->sa_addr, b->sa_addr, a->sa_family == 6 ? 16 : 4) == 0;
}

static size_t
cookie_hash(const uint8_t c[8])
{
	uint64_t	v;

	memcpy(&v, c, 8);
	v ^= v >> 29;
	v ^= v >> 17;
	return (size_t)v;
}

static size_t
spi_hash(uint32_t spi)
{
	return (size_t)(spi ^ (spi >> 16));
}

/* FNV-1a over bytes, continued from H. */
static uint32_t
fnv(uint32_t h, const void *p, size_t len)
{
	const uint8_t	*b = p;

	while (len-- > 0) {
		h ^= *b++;
		h *= 16777619U;
	}
	return h;
}

#define FNV_INIT	2166136261U

static uint32_t
addr_hash(uint32_t h, const struct sa_addr *a)
{
	h = fnv(h, &a->sa_family, 1);
	return fnv(h, a->sa_addr, a->sa_family == 6 ? 16 : 4);
}

static uint32_t
ident_hash(uint32_t h, const struct sa_ident *id)
{
	uint8_t	v[4] = { (uint8_t)id->id_plen, id->id_proto,
		    (uint8_t)(id->id_port >> 8), (uint8_t)id->id_port };

	return fnv(addr_hash(h, &id->id_addr), v, sizeof(v));
}

static bool
ident_eq(const struct sa_ident *a, const struct sa_ident *b)
{
	return a->id_plen == b->id_plen && a->id_proto == b->id_proto &&
	    a->id_port == b->id_port && sa_addr_eq(&a->id_addr, &b->id_addr);
}

/* Each table's hash of its element, for chash's rehash and removal. */
static size_t
isakmp_key(const void *e)
{
	return cookie_hash(((const struct isakmp_sa *)e)->is_icookie);
}

static size_t
spi_key(const void *e)
{
	return spi_hash(((const struct ipsec_sa *)e)->ps_spi);
}

static size_t
flow_key(const void *e)
{
	return ((const struct ipsec_flow *)e)->fl_hash;
}

static size_t
peer_key(const void *e)
{
	return addr_hash(FNV_INIT, &((const struct sadb_peer *)e)->pe_addr);
}

/* The tables start empty (no allocation on a router with no SA) and grow
 * as SAs come. */
void
sadb_init(struct sadb *db, const struct ios_version *v)
{
	memset(db, 0, sizeof(*db));
	TAILQ_INIT(&db->db_isakmp);
	TAILQ_INIT(&db->db_flows);
	LIST_INIT(&db->db_isk_slabs.ss_avail);
	chash_init(&db->db_isakmp_hash, offsetof(struct isakmp_sa, is_hnext),
	    isakmp_key);
	chash_init(&db->db_spi_hash, offsetof(struct ipsec_sa, ps_hnext),
	    spi_key);
	chash_init(&db->db_flow_hash, offsetof(struct ipsec_flow, fl_hnext),
	    flow_key);
	chash_init(&db->db_peer_hash, offsetof(struct sadb_peer, pe_hnext),
	    peer_key);
	db->db_version = v;
}

/* Start numbering as the configured release does, once. */
static void
numbering(struct sadb *db)
{
	bool	ios15 = db->db_version->iv_major >= 15;

	if (db->db_next_flow_id != 0)
		return;
	db->db_next_isakmp_id = ios15 ? 1001 : 1;
	db->db_next_ipsec_id = ios15 ? 2001 : 2000;
	db->db_next_flow_id = 1;
}

void
sadb_free(struct sadb *db)
{
	struct isakmp_sa	*is;
	struct ipsec_flow	*fl;

	while ((fl = TAILQ_FIRST(&db->db_flows)) != NULL)
		sadb_flow_free(db, fl);
	while ((is = TAILQ_FIRST(&db->db_isakmp)) != NULL)
		sadb_isakmp_free(db, is);
	chash_free(&db->db_isakmp_hash);
	chash_free(&db->db_spi_hash);
	chash_free(&db->db_flow_hash);
	chash_free(&db->db_peer_hash);
	isk_slab_fini(&db->db_isk_slabs);
}

/* ---- Peers. ---- */

struct sadb_peer *
sadb_peer_find(const struct sadb *db, const struct sa_addr *a)
{
	struct sadb_peer	*pe;

	for (pe = chash_first(&db->db_peer_hash, addr_hash(FNV_INIT, a));
	    pe != NULL; pe = pe->pe_hnext)
		if (sa_addr_eq(&pe->pe_addr, a))
			return pe;
	return NULL;
}

static struct sadb_peer *
peer_get(struct sadb *db, const struct sa_addr *a)
{
	struct sadb_peer	*pe;

	if ((pe = sadb_peer_find(db, a)) != NULL)
		return pe;
	pe = xcalloc(1, sizeof(*pe));
	pe->pe_addr = *a;
	TAILQ_INIT(&pe->pe_isakmp);
	TAILQ_INIT(&pe->pe_flows);
	chash_insert(&db->db_peer_hash, pe);
	db->db_npeers++;
	return pe;
}

/* A peer with nothing left goes. */
static void
peer_put(struct sadb *db, struct sadb_peer *pe)
{
	if (!TAILQ_EMPTY(&pe->pe_isakmp) || !TAILQ_EMPTY(&pe->pe_flows))
		return;
	chash_remove(&db->db_peer_hash, pe);
	db->db_npeers--;
	free(pe);
}

struct isakmp_sa *
sadb_isakmp_new(struct sadb *db, const uint8_t icookie[8])
{
	struct isk_slab		*sl;
	struct isakmp_sa	*is = isk_slab_alloc(&db->db_isk_slabs, &sl);

	numbering(db);
	is->is_slab = sl;
	memcpy(is->is_icookie, icookie, 8);
	is->is_connid = db->db_next_isakmp_id++;
	is->is_state = ISK_MM_NO_STATE;
	chash_insert(&db->db_isakmp_hash, is);
	TAILQ_INSERT_TAIL(&db->db_isakmp, is, is_entry);
	db->db_nisakmp++;
	return is;
}

struct isakmp_sa *
sadb_isakmp_find(const struct sadb *db, const uint8_t icookie[8],
    const uint8_t rcookie[8])
{
	static const uint8_t	 zero[8];
	struct isakmp_sa	*is;

	for (is = chash_first(&db->db_isakmp_hash, cookie_hash(icookie));
	    is != NULL;
	    is = is->is_hnext) {
		if (memcmp(is->is_icookie, icookie, 8) != 0)
			continue;
		if (memcmp(is->is_rcookie, rcookie, 8) == 0 ||
		    memcmp(is->is_rcookie, zero, 8) == 0)
			return is;
	}
	return NULL;
}

struct isakmp_sa *
sadb_isakmp_find_icookie(const struct sadb *db, const uint8_t icookie[8],
    const struct sa_addr *peer)
{
	struct isakmp_sa	*is;

	for (is = chash_first(&db->db_isakmp_hash, cookie_hash(icookie));
	    is != NULL;
	    is = is->is_hnext)
		if (memcmp(is->is_icookie, icookie, 8) == 0 &&
		    sa_addr_eq(&is->is_remote, peer))
			return is;
	return NULL;
}

void
sadb_isakmp_free(struct sadb *db, struct isakmp_sa *is)
{
	chash_remove(&db->db_isakmp_hash, is);
	TAILQ_REMOVE(&db->db_isakmp, is, is_entry);
	db->db_nisakmp--;
	if (is->is_up_counted)
		db->db_nup--;
	if (is->is_pe != NULL) {
		TAILQ_REMOVE(&is->is_pe->pe_isakmp, is, is_pentry);
		peer_put(db, is->is_pe);
	}
	free(is->is_sess);
	isk_slab_free(&db->db_isk_slabs, is->is_slab, is);
}

void
sadb_isakmp_up(struct sadb *db, struct isakmp_sa *is)
{
	is->is_state = ISK_QM_IDLE;
	if (!is->is_up_counted)
		db->db_nup++;
	is->is_up_counted = true;
}

struct isakmp_sess *
sadb_isakmp_sess(struct isakmp_sa *is)
{
	if (is->is_sess == NULL)
		is->is_sess = xcalloc(1, sizeof(*is->is_sess));
	return is->is_sess;
}

void
sadb_isakmp_set_peer(struct sadb *db, struct isakmp_sa *is,
    const struct sa_addr *a)
{
	struct sadb_peer	*old = is->is_pe;

	if (old != NULL && sa_addr_eq(&old->pe_addr, a))
		return;
	is->is_remote = *a;
	is->is_pe = peer_get(db, a);
	TAILQ_INSERT_TAIL(&is->is_pe->pe_isakmp, is, is_pentry);
	if (old != NULL) {
		TAILQ_REMOVE(&old->pe_isakmp, is, is_pentry);
		peer_put(db, old);
	}
}

struct ipsec_flow *
sadb_flow_new(struct sadb *db)
{
	struct ipsec_flow	*fl = xcalloc(1, sizeof(*fl));

	TAILQ_INIT(&fl->fl_in);
	TAILQ_INIT(&fl->fl_out);
	fl->fl_mtu = 1500;
	fl->fl_ip_mtu = 1500;
	fl->fl_seq = db->db_flow_seq++;
	TAILQ_INSERT_TAIL(&db->db_flows, fl, fl_entry);
	db->db_nflows++;
	return fl;
}

void
sadb_flow_free(struct sadb *db, struct ipsec_flow *fl)
{
	struct ipsec_sa		 *ps;

	while ((ps = TAILQ_FIRST(&fl->fl_in)) != NULL)
		sadb_sa_free(db, ps);
	while ((ps = TAILQ_FIRST(&fl->fl_out)) != NULL)
		sadb_sa_free(db, ps);
	TAILQ_REMOVE(&db->db_flows, fl, fl_entry);
	db->db_nflows--;
	if (fl->fl_hashed) {
		db->db_flow_gen++;
		chash_remove(&db->db_flow_hash, fl);
		TAILQ_REMOVE(&fl->fl_pe->pe_flows, fl, fl_pentry);
		peer_put(db, fl->fl_pe);
	}
	free(fl);
}

uint32_t
sadb_flow_hash(const char *ifname, const char *map,
    const struct sa_addr *peer, const struct sa_ident *lid,
    const struct sa_ident *rid)
{
	uint32_t	h = fnv(FNV_INIT, ifname, strlen(ifname) + 1);

	h = fnv(h, map, strlen(map) + 1);
	h = addr_hash(h, peer);
	return ident_hash(ident_hash(h, lid), rid);
}

/* ipsec_in.c's ident_has4 for both proxies at once (fl_sel_*): its
 * mask of PLEN ones from the top and the address as stored, the remote
 * proxy's where the source lies, the local one's at the destination. */
static void
flow_sel4(struct ipsec_flow *fl)
{
	const struct sa_ident	*r = &fl->fl_rident, *l = &fl->fl_lident;
	uint8_t			 m[8], a[8];

	fl->fl_sel_v4 = r->id_plen <= 32 && l->id_plen <= 32;
	if (!fl->fl_sel_v4)
		return;
	put32(m, (uint32_t)(~(uint64_t)0 << (32 - r->id_plen)));
	put32(m + 4, (uint32_t)(~(uint64_t)0 << (32 - l->id_plen)));
	memcpy(a, r->id_addr.sa_addr, 4);
	memcpy(a + 4, l->id_addr.sa_addr, 4);
	memcpy(&fl->fl_sel_mask, m, 8);
	memcpy(&fl->fl_sel_addr, a, 8);
	fl->fl_sel_l4 = r->id_proto != 0 || l->id_proto != 0 ||
	    r->id_port != 0 || l->id_port != 0;
}

void
sadb_flow_publish(struct sadb *db, struct ipsec_flow *fl)
{
	if (fl->fl_hashed)
		return;
	/* The idents are the flow's key from here on: fixed. */
	flow_sel4(fl);
	fl->fl_hash = sadb_flow_hash(fl->fl_ifname, fl->fl_map, &fl->fl_peer,
	    &fl->fl_lident, &fl->fl_rident);
	chash_insert(&db->db_flow_hash, fl);
	db->db_flow_gen++;
	fl->fl_pe = peer_get(db, &fl->fl_peer);
	TAILQ_INSERT_TAIL(&fl->fl_pe->pe_flows, fl, fl_pentry);
	fl->fl_hashed = true;
}

struct ipsec_flow *
sadb_flow_lookup(const struct sadb *db, uint32_t h, const char *ifname,
    const char *map, const struct sa_addr *peer, const struct sa_ident *lid,
    const struct sa_ident *rid)
{
	struct ipsec_flow	*fl;

	for (fl = chash_first(&db->db_flow_hash, h); fl != NULL;
	    fl = fl->fl_hnext)
		if (fl->fl_hash == h && sa_addr_eq(&fl->fl_peer, peer) &&
		    ident_eq(&fl->fl_lident, lid) &&
		    ident_eq(&fl->fl_rident, rid) &&
		    strcmp(fl->fl_ifname, ifname) == 0 &&
		    strcmp(fl->fl_map, map) == 0)
			return fl;
	return NULL;
}

struct ipsec_sa *
sadb_sa_new(struct sadb *db, struct ipsec_flow *fl, enum ipsec_dir dir,
    uint32_t spi)
{
	struct ipsec_sa	*ps = xcalloc(1, sizeof(*ps));

	numbering(db);
	ps->ps_flow = fl;
	ps->ps_dir = dir;
	ps->ps_spi = spi;
	ps->ps_connid = db->db_next_ipsec_id++;
	ps->ps_flowid = db->db_next_flow_id++;
	db->db_sa_gen++;
	if (dir == IPSEC_IN) {
		chash_insert(&db->db_spi_hash, ps);
		TAILQ_INSERT_TAIL(&fl->fl_in, ps, ps_entry);
	} else
		TAILQ_INSERT_TAIL(&fl->fl_out, ps, ps_entry);
	db->db_nsa++;
	return ps;
}

struct ipsec_sa *
sadb_sa_find_in(const struct sadb *db, uint32_t spi)
{
	struct ipsec_sa	*ps;

	for (ps = chash_first(&db->db_spi_hash, spi_hash(spi)); ps != NULL;
	    ps = ps->ps_hnext)
		if (ps->ps_spi == spi)
			return ps;
	return NULL;
}

void
sadb_sa_free(struct sadb *db, struct ipsec_sa *ps)
{
	if (ps->ps_dir == IPSEC_IN) {
		chash_remove(&db->db_spi_hash, ps);
		TAILQ_REMOVE(&ps->ps_flow->fl_in, ps, ps_entry);
	} else
		TAILQ_REMOVE(&ps->ps_flow->fl_out, ps, ps_entry);
	db->db_nsa--;
	db->db_sa_gen++;
	explicit_bzero(ps, sizeof(*ps));	/* it held keys */
	free(ps);
}
