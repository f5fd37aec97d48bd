/*
 * nat: the translation table and the packet rewrite (see nat.h).
 *
 * Every translation is hashed twice: by what an inside packet shows
 * (protocol, inside local address and port, outside address and port)
 * and by what an outside packet shows (protocol, inside global address
 * and port).  Global ports are unique per protocol and global address,
 * so the second key is enough.  Simple entries (address only) use
 * protocol 0 and no ports; a static tcp|udp entry has no outside end.
 * The table holds NAT_MAX entries at most: past it a new flow finds no
 * translation and is dropped, counted as a miss, as IOS does when
 * `ip nat translation max-entries` is reached.
 *
 * PAT keeps the inside port when it is free on the global address,
 * else takes the next free one in the same range (1-511, 512-1023,
 * 1024-65535), IOS's documented rule; the router's own UDP endpoints
 * (IKE's 500 and 4500) are never handed out on its own address, so a
 * host behind the PAT cannot take over the router's IKE.  When no
 * address or port is left the packet is dropped and the pool's misses
 * counted (`show ip nat statistics`).
 *
 * Checksums are adjusted, never summed again (RFC 1624 eqn. 3): the IP
 * header's, the TCP/UDP one (the pseudo-header holds the addresses; a
 * UDP checksum of 0 stays 0), ICMP's for an echo identifier, and for an
 * ICMP error the quoted header's, the quoted TCP/UDP/ICMP one and the
 * ICMP checksum over both.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/nat.h"
#include "lib/clock.h"
#include "lib/system.h"

#define IP_MF		0x2000
#define IP_OFFMASK	0x1fff
#define TH_FIN		0x01
#define TH_RST		0x04

/* IOS's defaults (the `ip nat translation` command reference). */
static const uint32_t nat_to_default[NTO_COUNT] = {
	86400, 86400, 300, 60, 60, 60
};

void
nat_init(struct dataplane *dp)
{
	struct nat	*n = xcalloc(1, sizeof(*n));

	memcpy(n->n_to, nat_to_default, sizeof(n->n_to));
	n->n_next_id = 1;
	dp->d_nat = n;
}

void
nat_free(struct dataplane *dp)
{
	struct nat	*n = dp->d_nat;
	struct nat_xlate *x;
	size_t		 i;

	if (n == NULL)
		return;
	while ((x = n->n_first) != NULL) {
		n->n_first = x->nx_next;
		free(x);
	}
	for (i = 0; i < n->n_nrules; i++) {
		free(n->n_rules[i].nr_list);
		free(n->n_rules[i].nr_ifname);
		free(n->n_rules[i].nr_pool);
	}
	for (i = 0; i < n->n_npools; i++)
		free(n->n_pools[i].np_name);
	free(n->n_rules);
	free(n->n_pools);
	free(n->n_hout);
	free(n->n_hin);
	free(n);
	dp->d_nat = NULL;
}

static uint32_t
mix(uint32_t h, uint32_t v)
{
	h ^= v;
	h *= 0x9e3779b1U;
	return h ^ (h >> 15);
}

static size_t
hout_key(uint8_t proto, uint32_t il, uint16_t ilp, uint32_t o, uint16_t op)
{
	uint32_t	h = mix(proto, il);

	h = mix(h, (uint32_t)ilp << 16 | op);
	return mix(h, o) & (NAT_HASH - 1);
}

static size_t
hin_key(uint8_t proto, uint32_t ig, uint16_t igp)
{
	return mix(mix(proto, ig), igp) & (NAT_HASH - 1);
}

static struct nat_xlate *
find_out(const struct nat *n, uint8_t proto, uint32_t il, uint16_t ilp,
    uint32_t o, uint16_t op)
{
	struct nat_xlate	*x;

	if (n->n_hout == NULL)
		return NULL;
	for (x = n->n_hout[hout_key(proto, il, ilp, o, op)]; x != NULL;
	    x = x->nx_hout)
		if (x->nx_proto == proto && x->nx_il == il &&
		    x->nx_ilp == ilp && x->nx_o == o && x->nx_op == op)
			return x;
	return NULL;
}

static struct nat_xlate *
find_in(const struct nat *n, uint8_t proto, uint32_t ig, uint16_t igp)
{
	struct nat_xlate	*x;

	if (n->n_hin == NULL)
		return NULL;
	for (x = n->n_hin[hin_key(proto, ig, igp)]; x != NULL; x = x->nx_hin)
		if (x->nx_proto == proto && x->nx_ig == ig && x->nx_igp == igp)
			return x;
	return NULL;
}

static struct nat_xlate *
xlate_new(struct nat *n, uint8_t proto, uint32_t il, uint16_t ilp,
    uint32_t ig, uint16_t igp, uint32_t o, uint16_t op)
{
	struct nat_xlate	*x;
	size_t			 ko, ki;
	size_t			 max = n->n_max != 0 ? n->n_max : NAT_MAX;

	if (n->n_count >= max) {
		/* Full: what expired goes first (lookups only free what
		 * they meet), at most once a second. */
		if (clock_mono_ms() - n->n_full_sweep >= 1000) {
			n->n_full_sweep = clock_mono_ms();
			nat_expire(n, n->n_full_sweep);
		}
		if (n->n_count >= max) {
			n->n_full++;
			return NULL;
		}
	}
	if (n->n_hout == NULL) {
		n->n_hout = xcalloc(NAT_HASH, sizeof(*n->n_hout));
		n->n_hin = xcalloc(NAT_HASH, sizeof(*n->n_hin));
	}
	x = xcalloc(1, sizeof(*x));
	x->nx_proto = proto;
	x->nx_il = il;
	x->nx_ilp = ilp;
	x->nx_ig = ig;
	x->nx_igp = igp;
	x->nx_o = o;
	x->nx_op = op;
	x->nx_created = x->nx_used = clock_mono_ms();
	ko = hout_key(proto, il, ilp, o, op);
	ki = hin_key(proto, ig, igp);
	x->nx_hout = n->n_hout[ko];
	n->n_hout[ko] = x;
	x->nx_hin = n->n_hin[ki];
	n->n_hin[ki] = x;
	x->nx_prev = n->n_last;
	if (n->n_last != NULL)
		n->n_last->nx_next = x;
	else
		n->n_first = x;
	n->n_last = x;
	n->n_count++;
	return x;
}

void
nat_xlate_free(struct nat *n, struct nat_xlate *x)
{
	struct nat_xlate	**pp;

	for (pp = &n->n_hout[hout_key(x->nx_proto, x->nx_il, x->nx_ilp,
	    x->nx_o, x->nx_op)]; *pp != x; pp = &(*pp)->nx_hout)
		;
	*pp = x->nx_hout;
	for (pp = &n->n_hin[hin_key(x->nx_proto, x->nx_ig, x->nx_igp)];
	    *pp != x; pp = &(*pp)->nx_hin)
		;
	*pp = x->nx_hin;
	if (x->nx_prev != NULL)
		x->nx_prev->nx_next = x->nx_next;
	else
		n->n_first = x->nx_next;
	if (x->nx_next != NULL)
		x->nx_next->nx_prev = x->nx_prev;
	else
		n->n_last = x->nx_prev;
	n->n_count--;
	n->n_freed++;
	free(x);
}

struct nat_xlate *
nat_static_add(struct nat *n, const struct nat_rule *r)
{
	struct nat_xlate	*x;

	x = xlate_new(n, r->nr_proto, r->nr_local, r->nr_lport, r->nr_global,
	    r->nr_gport, 0, 0);
	if (x != NULL)
		x->nx_static = true;
	return x;
}

void
nat_static_del(struct nat *n, const struct nat_rule *r)
{
	struct nat_xlate	*x;

	x = find_out(n, r->nr_proto, r->nr_local, r->nr_lport, 0, 0);
	if (x != NULL && x->nx_static)
		nat_xlate_free(n, x);
}

uint32_t
nat_timeout_ms(const struct nat *n, const struct nat_xlate *x)
{
	uint32_t	s;

	switch (x->nx_proto) {
	case 0:
		s = n->n_to[NTO_TIMEOUT];
		break;
	case IPP_TCP:
		s = n->n_to[x->nx_finrst ? NTO_FINRST : NTO_TCP];
		break;
	case IPP_UDP:
		s = n->n_to[x->nx_op == 53 ? NTO_DNS : NTO_UDP];
		break;
	case IPP_ICMP:
		s = n->n_to[NTO_ICMP];
		break;
	default:
		s = n->n_to[NTO_TIMEOUT];
		break;
	}
	return s == NAT_NEVER ? NAT_NEVER : s > NAT_NEVER / 1000 ?
	    NAT_NEVER - 1 : s * 1000;
}

static bool
expired(const struct nat *n, const struct nat_xlate *x, uint64_t now)
{
	uint32_t	to;

	if (x->nx_static)
		return false;
	to = nat_timeout_ms(n, x);
	return to != NAT_NEVER && now - x->nx_used >= to;
}

void
nat_expire(struct nat *n, uint64_t now)
{
	struct nat_xlate	*x, *next;

	for (x = n->n_first; x != NULL; x = next) {
		next = x->nx_next;
		if (expired(n, x, now)) {
			nat_xlate_free(n, x);
			n->n_expired++;
		}
	}
}

struct nat_pool *
nat_pool_find(const struct nat *n, const char *name)
{
	size_t	i;

	for (i = 0; i < n->n_npools; i++)
		if (strcmp(n->n_pools[i].np_name, name) == 0)
			return &n->n_pools[i];
	return NULL;
}

/* RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'). */
static uint16_t
ck_adj(uint16_t ck, uint16_t old, uint16_t new)
{
	uint32_t	sum = (uint16_t)~ck + (uint32_t)(uint16_t)~old + new;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/*
 * Write V at P (16 bits) and adjust the checksums at CK[0..NCK-1] that
 * cover it; a checksum that is itself covered by OUTER (an ICMP error's
 * checksum over the quoted packet) adjusts OUTER too.  A NULL CK is
 * skipped, and a UDP checksum (UDP true) of 0 means none.
 */
struct ck_ref {
	uint8_t	*cr_p;
	bool	 cr_udp;
};

static void
put16_ck(uint8_t *p, uint16_t v, const struct ck_ref *ck, size_t nck,
    uint8_t *outer)
{
	uint16_t	old = get16(p), c, nc;
	size_t		i;

	if (old == v)
		return;
	put16(p, v);
	if (outer != NULL)
		put16(outer, ck_adj(get16(outer), old, v));
	for (i = 0; i < nck; i++) {
		if (ck[i].cr_p == NULL)
			continue;
		c = get16(ck[i].cr_p);
		if (ck[i].cr_udp && c == 0)
			continue;
		nc = ck_adj(c, old, v);
		if (ck[i].cr_udp && nc == 0)
			nc = 0xffff;
		put16(ck[i].cr_p, nc);
		if (outer != NULL)
			put16(outer, ck_adj(get16(outer), c, nc));
	}
}

static void
put32_ck(uint8_t *p, uint32_t v, const struct ck_ref *ck, size_t nck,
    uint8_t *outer)
{
	put16_ck(p, (uint16_t)(v >> 16), ck, nck, outer);
	put16_ck(p + 2, (uint16_t)v, ck, nck, outer);
}

/* Where a datagram's TCP/UDP checksum lies (NULL: none or truncated). */
static uint8_t *
l4_ck(uint8_t *ip, size_t hl, size_t len, bool *udp)
{
	*udp = ip[9] == IPP_UDP;
	if (ip[9] == IPP_TCP && len >= hl + 18)
		return ip + hl + 16;
	if (ip[9] == IPP_UDP && len >= hl + 8)
		return ip + hl + 6;
	return NULL;
}

static bool
icmp_query(uint8_t type)
{
	return type == 8 || type == 0;	/* echo, echo reply */
}

static bool
icmp_err(uint8_t type)
{
	return type == 3 || type == 4 || type == 5 || type == 11 ||
	    type == 12;
}

/* A datagram's protocol and ports as NAT keys them: TCP/UDP ports, the
 * ICMP echo identifier as both; false if it carries none (another
 * protocol, a fragment after the first, a truncated header). */
static bool
ports_of(const uint8_t *ip, size_t hl, size_t len, uint16_t *sp,
    uint16_t *dpt)
{
	if (get16(ip + 6) & IP_OFFMASK)
		return false;
	switch (ip[9]) {
	case IPP_TCP:
	case IPP_UDP:
		if (len < hl + 4)
			return false;
		*sp = get16(ip + hl);
		*dpt = get16(ip + hl + 2);
		return true;
	case IPP_ICMP:
		if (len < hl + 8 || !icmp_query(ip[hl]))
			return false;
		*sp = *dpt = get16(ip + hl + 4);
		return true;
	}
	return false;
}

/* Rewrite the source (inside to outside) or the destination (outside
 * to inside) address and port of IP. */
static void
rewrite(uint8_t *ip, size_t len, bool src, uint32_t addr, bool ported,
    uint16_t port)
{
	size_t		hl = (size_t)(ip[0] & 15) * 4;
	struct ck_ref	ck[2];
	bool		udp = false;

	ck[0].cr_p = ip + 10;
	ck[0].cr_udp = false;
	ck[1].cr_p = (get16(ip + 6) & IP_OFFMASK) ? NULL :
	    l4_ck(ip, hl, len, &udp);
	ck[1].cr_udp = udp;
	put32_ck(ip + (src ? 12 : 16), addr, ck, 2, NULL);
	if (!ported)
		return;
	if (ip[9] == IPP_ICMP) {
		ck[0].cr_p = ip + hl + 2;
		put16_ck(ip + hl + 4, port, ck, 1, NULL);
	} else
		put16_ck(ip + hl + (src ? 0 : 2), port, ck + 1, 1, NULL);
}

static bool
port_free(struct dataplane *dp, uint8_t proto, uint32_t addr, uint16_t p)
{
	if (find_in(dp->d_nat, proto, addr, p) != NULL)
		return false;
	return !(proto == IPP_UDP && udp_bound(dp, p) && ip4_own(dp, addr));
}

/* IOS keeps the port when it can, else the next free one in its range;
 * 0 (and false) if the range is full on ADDR. */
static bool
port_alloc(struct dataplane *dp, uint8_t proto, uint32_t addr,
    uint16_t want, uint16_t *got)
{
	static const uint16_t lo[3] = { 1, 512, 1024 }, hi[3] = { 511, 1023,
	    65535 };
	struct nat	*n = dp->d_nat;
	unsigned	 r = want < 512 ? 0 : want < 1024 ? 1 : 2;
	uint32_t	 i, span = (uint32_t)(hi[r] - lo[r]) + 1;
	uint16_t	 p;

	if (port_free(dp, proto, addr, want) && want != 0) {
		*got = want;
		return true;
	}
	if (n->n_cursor[r] < lo[r] || n->n_cursor[r] > hi[r])
		n->n_cursor[r] = lo[r];
	for (i = 0; i < span; i++) {
		p = n->n_cursor[r];
		n->n_cursor[r] = p == hi[r] ? lo[r] : (uint16_t)(p + 1);
		if (port_free(dp, proto, addr, p)) {
			*got = p;
			return true;
		}
	}
	return false;
}

static struct nat_frag *
frag_slot(struct nat *n, const uint8_t *ip, bool out)
{
	uint32_t	h = mix(mix(get32(ip + 12), get32(ip + 16)),
			    (uint32_t)get16(ip + 4) << 8 | ip[9]);

	return &n->n_frag[(h ^ out) & (NAT_FRAG_SLOTS - 1)];
}

/* The first fragment IP (more to come) was translated: its followers
 * are to be rewritten to ADDR (the new source out, destination in). */
static void
frag_note(struct nat *n, const uint8_t *ip, bool out, uint32_t addr,
    uint64_t now)
{
	struct nat_frag	*f;

	if ((get16(ip + 6) & (IP_MF | IP_OFFMASK)) != IP_MF)
		return;
	f = frag_slot(n, ip, out);
	f->nf_src = get32(ip + 12);
	f->nf_dst = get32(ip + 16);
	f->nf_id = get16(ip + 4);
	f->nf_proto = ip[9];
	f->nf_out = out;
	f->nf_addr = addr;
	f->nf_when = now;
	f->nf_used = true;
}

static const struct nat_frag *
frag_find(struct nat *n, const uint8_t *ip, bool out, uint64_t now)
{
	const struct nat_frag	*f;

	if (!(get16(ip + 6) & IP_OFFMASK))
		return NULL;
	f = frag_slot(n, ip, out);
	if (!f->nf_used || now - f->nf_when >= REASM_MS ||
	    f->nf_src != get32(ip + 12) || f->nf_dst != get32(ip + 16) ||
	    f->nf_id != get16(ip + 4) || f->nf_proto != ip[9] ||
	    f->nf_out != out)
		return NULL;
	return f;
}

/*
 * `debug ip nat`: one line per translated datagram, IOS's form — the
 * address that changed as old->new, the IP identification in brackets:
 *	NAT: s=192.168.100.10->200.56.4.1, d=8.8.8.8 [4660]
 *	NAT: s=8.8.8.8, d=200.56.4.1->192.168.100.10 [4660]
 * (IOS marks fast-switched packets "NAT*:"; iosh switches by process.)
 */
static void
debug_line(struct dataplane *dp, const uint8_t *ip, bool out, uint32_t to)
{
	char	s[16], d[16], t[16];

	if (!dp->d_nat->n_debug)
		return;
	ip4_text(get32(ip + 12), s);
	ip4_text(get32(ip + 16), d);
	ip4_text(to, t);
	if (out)
		sys_debug(dp->d_sys, "NAT: s=%s->%s, d=%s [%u]", s, t, d,
		    get16(ip + 4));
	else
		sys_debug(dp->d_sys, "NAT: s=%s, d=%s->%s [%u]", s, d, t,
		    get16(ip + 4));
}

/* Outside static: the address ADDR (global if GLOBAL, else local) maps
 * to, or 0. */
static uint32_t
ostatic(const struct nat *n, uint32_t addr, bool global)
{
	const struct nat_rule	*r;
	size_t			 i;

	if (n->n_nostatic == 0)
		return 0;
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_OSTATIC)
			continue;
		if (global && r->nr_global == addr)
			return r->nr_local;
		if (!global && r->nr_local == addr)
			return r->nr_global;
	}
	return 0;
}

enum made { MADE, NO_RULE, NO_ROOM };

/* A new translation for IP from the first `ip nat inside source list`
 * rule whose ACL permits it. */
static enum made
xlate_make(struct dataplane *dp, const uint8_t *ip, size_t len,
    bool ported, uint16_t sp, uint16_t dpt, struct nat_xlate **out)
{
	struct nat		*n = dp->d_nat;
	const struct nat_rule	*r;
	struct nat_pool		*pool;
	struct dp_iface		*ifp;
	struct dp_acl		*acl;
	struct acl_pkt		 pk;
	uint32_t		 a, lo, hi, src = get32(ip + 12);
	uint64_t		 tries;
	uint8_t			 proto = ip[9];
	uint16_t		 gp;
	size_t			 i;

	acl_pkt_from_ip(&pk, ip, len);
	for (i = 0; i < n->n_nrules; i++) {
		r = &n->n_rules[i];
		if (r->nr_kind != NR_LIST ||
		    (acl = dp_acl_find(dp, r->nr_list)) == NULL ||
		    !acl_permits(acl, &pk))
			continue;
		pool = NULL;
		if (r->nr_pool != NULL) {
			if ((pool = nat_pool_find(n, r->nr_pool)) == NULL)
				return NO_ROOM;
			lo = pool->np_start;
			hi = pool->np_end;
		} else {
			ifp = dp_iface_find(dp, r->nr_ifname);
			if (ifp == NULL || !iface_has_v4(ifp))
				return NO_ROOM;
			lo = hi = ifp->if_addr.a_addr;
		}
		if (get16(ip + 6) & IP_OFFMASK)
			return NO_ROOM;	/* a later fragment: no port */
		if (pool != NULL && pool->np_full &&
		    pool->np_full_at == n->n_freed) {
			pool->np_misses++;
			return NO_ROOM;	/* still full: nothing freed since */
		}
		/* From where the last allocation succeeded, once round. */
		a = pool != NULL && pool->np_next >= lo && pool->np_next <= hi ?
		    pool->np_next : lo;
		for (tries = (uint64_t)(hi - lo) + 1; tries > 0; tries--) {
			if (r->nr_overload) {
				/* A protocol without ports: one inside host
				 * per global address and outside host. */
				if (!ported ? find_in(n, proto, a, 0) == NULL &&
				    (gp = 0) == 0 : port_alloc(dp, proto, a, sp,
				    &gp)) {
					*out = xlate_new(n, proto, src,
					    ported ? sp : 0, a, gp, get32(ip +
					    16), ported ? dpt : 0);
					break;
				}
			} else if (find_in(n, 0, a, 0) == NULL) {
				*out = xlate_new(n, 0, src, 0, a, 0, 0, 0);
				break;
			}
			a = a == hi ? lo : a + 1;
		}
		if (*out == NULL) {
			if (pool != NULL) {
				pool->np_misses++;
				pool->np_full = true;
				pool->np_full_at = n->n_freed;
			}
			return NO_ROOM;
		}
		if (pool != NULL) {
			pool->np_next = a;
			pool->np_full = false;
		}
		(*out)->nx_rule = r->nr_id;
		return MADE;
	}
	return NO_RULE;
}

/* The translation for an inside datagram's flow, if there is one. */
static struct nat_xlate *
lookup_out(struct nat *n, uint8_t proto, uint32_t il, bool ported,
    uint16_t ilp, uint32_t o, uint16_t op, uint64_t now)
{
	struct nat_xlate	*x = NULL;

	if (ported && (x = find_out(n, proto, il, ilp, o, op)) == NULL)
		x = find_out(n, proto, il, ilp, 0, 0);
	if (x == NULL && !ported && proto != IPP_ICMP &&
	    proto != IPP_TCP && proto != IPP_UDP)
		x = find_out(n, proto, il, 0, o, 0);	/* PAT, no ports */
	if (x == NULL)
		x = find_out(n, 0, il, 0, 0, 0);
	if (x != NULL && expired(n, x, now)) {
		nat_xlate_free(n, x);
		n->n_expired++;
		x = NULL;
	}
	return x;
}

/* An ICMP error an inside host sends about a datagram from outside:
 * the quoted datagram's destination is the inside local end. */
static bool
out_icmp_err(struct dataplane *dp, uint8_t *ip, size_t hl, size_t len,
    uint64_t now)
{
	struct nat		*n = dp->d_nat;
	struct nat_xlate	*x;
	uint8_t			*ic = ip + hl, *in = ic + 8, *ick;
	size_t			 ihl, ilen;
	uint16_t		 sp, dpt;
	bool			 ported, udp;
	struct ck_ref		 ck[2];

	if (len < hl + 8 + 20)
		return true;
	ihl = (size_t)(in[0] & 15) * 4;
	ilen = len - hl - 8;
	if (ihl < 20 || ihl > ilen)
		return true;
	ported = ports_of(in, ihl, ilen, &sp, &dpt);
	x = lookup_out(n, in[9], get32(in + 16), ported, dpt, get32(in + 12),
	    sp, now);
	if (x == NULL)
		return true;	/* nothing of ours: as it is */
	n->n_hits++;
	x->nx_used = now;
	if (get32(ip + 12) == x->nx_il)
		debug_line(dp, ip, true, x->nx_ig);
	if (get32(ip + 12) == x->nx_il) {
		ck[0].cr_p = ip + 10;
		ck[0].cr_udp = false;
		put32_ck(ip + 12, x->nx_ig, ck, 1, NULL);
	}
	ck[0].cr_p = in + 10;
	ck[0].cr_udp = false;
	ck[1].cr_p = l4_ck(in, ihl, ilen, &udp);
	ck[1].cr_udp = udp;
	put32_ck(in + 16, x->nx_ig, ck, 2, ic + 2);
	if (x->nx_proto != 0 && ported) {
		if (in[9] == IPP_ICMP) {
			ick = ilen >= ihl + 4 ? in + ihl + 2 : NULL;
			ck[0].cr_p = ick;
			put16_ck(in + ihl + 4, x->nx_igp, ck, 1, ic + 2);
		} else
			put16_ck(in + ihl + 2, x->nx_igp, ck + 1, 1, ic + 2);
	}
	return true;
}

static bool
nat_out_inside(struct dataplane *dp, struct dp_iface *in,
    struct dp_iface *out, uint8_t *ip, size_t len)
{
	struct nat		*n = dp->d_nat;
	struct nat_xlate	*x;
	const struct nat_frag	*fr;
	size_t			 hl = (size_t)(ip[0] & 15) * 4;
	uint64_t		 now;
	uint16_t		 sp = 0, dpt = 0;
	bool			 ported;

	(void)in;
	(void)out;
	now = clock_mono_ms();
	if ((fr = frag_find(n, ip, true, now)) != NULL) {
		n->n_hits++;
		debug_line(dp, ip, true, fr->nf_addr);
		rewrite(ip, len, true, fr->nf_addr, false, 0);
		return true;
	}
	if (ip[9] == IPP_ICMP && !(get16(ip + 6) & IP_OFFMASK) &&
	    len >= hl + 8 && icmp_err(ip[hl]))
		return out_icmp_err(dp, ip, hl, len, now);
	ported = ports_of(ip, hl, len, &sp, &dpt);
	x = lookup_out(n, ip[9], get32(ip + 12), ported, sp, get32(ip + 16),
	    dpt, now);
	if (x != NULL)
		n->n_hits++;
	else {
		n->n_misses++;
		switch (xlate_make(dp, ip, len, ported, sp, dpt, &x)) {
		case NO_RULE:
			return true;	/* not for NAT: as it is */
		case NO_ROOM:
			return false;
		case MADE:
			break;
		}
	}
	x->nx_used = now;
	if (ip[9] == IPP_TCP && x->nx_proto == IPP_TCP && ported &&
	    len >= hl + 14 && (ip[hl + 13] & (TH_FIN | TH_RST)))
		x->nx_finrst = true;
	frag_note(n, ip, true, x->nx_ig, now);
	debug_line(dp, ip, true, x->nx_ig);
	rewrite(ip, len, true, x->nx_ig, x->nx_proto != 0 && ported,
	    x->nx_igp);
	return true;
}

bool
nat_out(struct dataplane *dp, struct dp_iface *in, struct dp_iface *out,
    uint8_t *ip, size_t len)
{
	struct nat	*n = dp->d_nat;
	uint32_t	 og;

	if (n == NULL || in == NULL || in->if_nat != NAT_INSIDE ||
	    out->if_nat != NAT_OUTSIDE || (n->n_nrules == 0 && n->n_count == 0))
		return true;
	if (!nat_out_inside(dp, in, out, ip, len))
		return false;
	/* Then the destination, an outside host's local address, to its
	 * global one (ip nat outside source static). */
	if ((og = ostatic(n, get32(ip + 16), false)) != 0) {
		if (n->n_debug) {
			char	s[16], d[16], t[16];

			ip4_text(get32(ip + 12), s);
			ip4_text(get32(ip + 16), d);
			ip4_text(og, t);
			sys_debug(dp->d_sys, "NAT: s=%s, d=%s->%s [%u]", s, d,
			    t, get16(ip + 4));
		}
		rewrite(ip, len, false, og, false, 0);
	}
	return true;
}

/* The translation an outside datagram to IG:IGP from O:OP belongs to. */
static struct nat_xlate *
lookup_in(struct nat *n, uint8_t proto, uint32_t ig, bool ported,
    uint16_t igp, uint32_t o, uint16_t op, uint64_t now)
{
	struct nat_xlate	*x = NULL;

	if (ported) {
		x = find_in(n, proto, ig, igp);
		/* A dynamic extended entry answers only its outside end. */
		if (x != NULL && x->nx_o != 0 && (x->nx_o != o ||
		    (proto != IPP_ICMP && x->nx_op != op)))
			x = NULL;
	} else if (proto != IPP_TCP && proto != IPP_UDP && proto != IPP_ICMP) {
		x = find_in(n, proto, ig, 0);
		if (x != NULL && x->nx_o != o)
			x = NULL;
	}
	if (x == NULL)
		x = find_in(n, 0, ig, 0);
	if (x != NULL && expired(n, x, now)) {
		nat_xlate_free(n, x);
		n->n_expired++;
		x = NULL;
	}
	return x;
}

static const uint8_t *
nat_in_inside(struct dataplane *dp, struct dp_iface *ifp,
    const uint8_t *ip, size_t len)
{
	struct nat		*n = dp->d_nat;
	struct nat_xlate	*x;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, ihl, ilen;
	const uint8_t		*qi;
	const struct nat_frag	*fr;
	uint8_t			*c, *in, *ick;
	uint64_t		 now;
	uint16_t		 sp = 0, dpt = 0;
	bool			 ported, udp;
	struct ck_ref		 ck[2];

	if (n->n_count == 0)
		return ip;
	/* ESP for the router on a crypto map interface is its own tunnel's,
	 * whatever ESP an inside host sends through the PAT to that peer:
	 * the router's IPsec is never translated. */
	if (ip[9] == IPP_ESP && ifp->if_crypto_map != NULL &&
	    ip4_own(dp, get32(ip + 16)))
		return ip;
	now = clock_mono_ms();
	if ((fr = frag_find(n, ip, false, now)) != NULL) {
		n->n_hits++;
		debug_line(dp, ip, false, fr->nf_addr);
		c = n->n_buf;
		if (c != ip)
			memcpy(c, ip, len);	/* ip may be n_buf */
		rewrite(c, len, false, fr->nf_addr, false, 0);
		return c;
	}
	if (ip[9] == IPP_ICMP && !(get16(ip + 6) & IP_OFFMASK) &&
	    len >= hl + 8 + 20 && icmp_err(ip[hl])) {
		/* About a datagram we translated on its way out: the quoted
		 * source is the inside global end. */
		qi = ip + hl + 8;
		ihl = (size_t)(qi[0] & 15) * 4;
		ilen = len - hl - 8;
		if (ihl < 20 || ihl > ilen)
			return ip;
		ported = ports_of(qi, ihl, ilen, &sp, &dpt);
		x = lookup_in(n, qi[9], get32(qi + 12), ported, sp,
		    get32(qi + 16), dpt, now);
		if (x == NULL || get32(ip + 16) != x->nx_ig)
			return ip;
		n->n_hits++;
		x->nx_used = now;
		debug_line(dp, ip, false, x->nx_il);
		c = n->n_buf;
		if (c != ip)
			memcpy(c, ip, len);	/* ip may be n_buf */
		in = c + hl + 8;
		ck[0].cr_p = c + 10;
		ck[0].cr_udp = false;
		put32_ck(c + 16, x->nx_il, ck, 1, NULL);
		ck[0].cr_p = in + 10;
		ck[1].cr_p = l4_ck(in, ihl, ilen, &udp);
		ck[1].cr_udp = udp;
		put32_ck(in + 12, x->nx_il, ck, 2, c + hl + 2);
		if (x->nx_proto != 0 && ported) {
			if (in[9] == IPP_ICMP) {
				ick = in + ihl + 2;
				ck[0].cr_p = ick;
				put16_ck(in + ihl + 4, x->nx_ilp, ck, 1,
				    c + hl + 2);
			} else
				put16_ck(in + ihl, x->nx_ilp, ck + 1, 1,
				    c + hl + 2);
		}
		return c;
	}
	ported = ports_of(ip, hl, len, &sp, &dpt);
	x = lookup_in(n, ip[9], get32(ip + 16), ported, dpt, get32(ip + 12),
	    sp, now);
	if (x == NULL)
		return ip;	/* the router's own, or not translated */
	n->n_hits++;
	x->nx_used = now;
	c = n->n_buf;
	if (c != ip)
		memcpy(c, ip, len);	/* ip may be n_buf */
	if (c[9] == IPP_TCP && x->nx_proto == IPP_TCP && ported &&
	    len >= hl + 14 && (c[hl + 13] & (TH_FIN | TH_RST)))
		x->nx_finrst = true;
	frag_note(n, c, false, x->nx_il, now);
	debug_line(dp, c, false, x->nx_il);
	rewrite(c, len, false, x->nx_il, x->nx_proto != 0 && ported,
	    x->nx_ilp);
	return c;
}

const uint8_t *
nat_in(struct dataplane *dp, struct dp_iface *ifp, const uint8_t *ip,
    size_t len)
{
	struct nat	*n = dp->d_nat;
	uint32_t	 ol;

	if (n == NULL || ifp == NULL || ifp->if_nat != NAT_OUTSIDE)
		return ip;
	/* An outside host's global source to its local address first
	 * (ip nat outside source static), so the inside lookup sees the
	 * outside end as the inside does. */
	if ((ol = ostatic(n, get32(ip + 12), true)) != 0) {
		if (n->n_debug) {
			char	s[16], d[16], t[16];

			ip4_text(get32(ip + 12), s);
			ip4_text(get32(ip + 16), d);
			ip4_text(ol, t);
			sys_debug(dp->d_sys, "NAT: s=%s->%s, d=%s [%u]", s, t,
			    d, get16(ip + 4));
		}
		if (ip != n->n_buf)
			memcpy(n->n_buf, ip, len);
		rewrite(n->n_buf, len, true, ol, false, 0);
		ip = n->n_buf;
	}
	return nat_in_inside(dp, ifp, ip, len);
}
