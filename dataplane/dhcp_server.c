/*
 * dhcp_server: IOS's DHCP server — `ip dhcp pool NAME` (network,
 * default-router, dns-server, domain-name, lease), `ip dhcp
 * excluded-address`, `show ip dhcp binding`, `clear ip dhcp binding *`.
 * A DISCOVER or REQUEST received on an interface whose primary subnet a
 * pool's network covers is answered from that pool (relayed messages:
 * the pool covering giaddr).  Addresses are handed out lowest first,
 * skipping excluded ranges, the router's own addresses and bound ones.
 *
 * Bindings are kept twice: an array sorted by address (allocation asks
 * "is it free" by binary search; show walks it in order) and a hash by
 * client identity (the client identifier, or 01 and the MAC).  An offer
 * holds its address for DHCP_OFFER_MS; expired bindings are swept when
 * a DISCOVER comes or the bindings are shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataplane/cmds.h"
#include "dataplane/dhcp_msg.h"
#include "dataplane/dp_int.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/strbuf.h"
#include "lib/system.h"
#include "lib/vty.h"

#define DHCP_OFFER_MS	60000
#define DHCP_HASH	1024
#define POOL_MAXSRV	4
#define LEASE_INFINITE	0xffffffffU

struct dhcp_pool {
	char		*p_name;
	uint32_t	 p_net, p_mask;		/* p_mask 0: no network */
	uint32_t	 p_router[POOL_MAXSRV], p_dns[POOL_MAXSRV];
	unsigned	 p_nrouter, p_ndns;
	char		*p_domain;
	bool		 p_lease_set;
	unsigned	 p_days, p_hours, p_mins;	/* as typed */
	bool		 p_infinite;
};

struct dhcp_binding {
	uint32_t		 b_addr;
	uint8_t			 b_key[DHCP_MAX_ID + 1];
	size_t			 b_keylen;
	bool			 b_bound;	/* false: offered */
	bool			 b_infinite;
	int64_t			 b_expires;	/* wall ms */
	struct dhcp_binding	*b_hnext;
};

struct excluded {
	uint32_t	x_lo, x_hi;
};

struct dhcps {
	struct dhcp_pool	**s_pools;	/* sorted by name */
	size_t			  s_npools;
	struct excluded		 *s_excl;	/* in configuration order */
	size_t			  s_nexcl;
	struct dhcp_binding	**s_bind;	/* sorted by address */
	size_t			  s_nbind;
	struct dhcp_binding	 *s_hash[DHCP_HASH];
};

static struct dhcps *
server(struct dataplane *dp)
{
	if (dp->d_dhcps == NULL)
		dp->d_dhcps = xcalloc(1, sizeof(*dp->d_dhcps));
	return dp->d_dhcps;
}

static uint32_t
pool_lease(const struct dhcp_pool *p)
{
	if (p->p_infinite)
		return LEASE_INFINITE;
	if (!p->p_lease_set)
		return 86400;		/* IOS: one day */
	return p->p_days * 86400U + p->p_hours * 3600U + p->p_mins * 60U;
}

/* Bindings. */

static unsigned
key_hash(const uint8_t *k, size_t n)
{
	uint32_t	h = 2166136261U;

	while (n-- > 0)
		h = (h ^ *k++) * 16777619U;
	return h % DHCP_HASH;
}

static size_t
bind_pos(const struct dhcps *s, uint32_t addr, bool *found)
{
	size_t	lo = 0, hi = s->s_nbind, mid;

	*found = false;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->s_bind[mid]->b_addr == addr) {
			*found = true;
			return mid;
		}
		if (s->s_bind[mid]->b_addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct dhcp_binding *
bind_by_key(const struct dhcps *s, const uint8_t *k, size_t n)
{
	struct dhcp_binding	*b;

	for (b = s->s_hash[key_hash(k, n)]; b != NULL; b = b->b_hnext)
		if (b->b_keylen == n && memcmp(b->b_key, k, n) == 0)
			return b;
	return NULL;
}

static void
bind_del(struct dhcps *s, struct dhcp_binding *b)
{
	struct dhcp_binding	**pp;
	size_t			  pos;
	bool			  found;

	for (pp = &s->s_hash[key_hash(b->b_key, b->b_keylen)]; *pp != b;
	    pp = &(*pp)->b_hnext)
		;
	*pp = b->b_hnext;
	pos = bind_pos(s, b->b_addr, &found);
	memmove(&s->s_bind[pos], &s->s_bind[pos + 1],
	    (s->s_nbind - pos - 1) * sizeof(*s->s_bind));
	s->s_nbind--;
	free(b);
}

static struct dhcp_binding *
bind_add(struct dhcps *s, uint32_t addr, const uint8_t *k, size_t n)
{
	struct dhcp_binding	*b = xcalloc(1, sizeof(*b));
	size_t			 pos;
	bool			 found;
	unsigned		 h = key_hash(k, n);

	b->b_addr = addr;
	memcpy(b->b_key, k, n);
	b->b_keylen = n;
	b->b_hnext = s->s_hash[h];
	s->s_hash[h] = b;
	pos = bind_pos(s, addr, &found);
	s->s_bind = xreallocarray(s->s_bind, s->s_nbind + 1,
	    sizeof(*s->s_bind));
	memmove(&s->s_bind[pos + 1], &s->s_bind[pos],
	    (s->s_nbind - pos) * sizeof(*s->s_bind));
	s->s_bind[pos] = b;
	s->s_nbind++;
	return b;
}

static void
sweep(struct dhcps *s)
{
	int64_t	now = clock_wall_ms();
	size_t	i;

	for (i = s->s_nbind; i-- > 0;)
		if (!s->s_bind[i]->b_infinite && s->s_bind[i]->b_expires <= now)
			bind_del(s, s->s_bind[i]);
}

static bool
excluded(const struct dhcps *s, uint32_t a)
{
	size_t	i;

	for (i = 0; i < s->s_nexcl; i++)
		if (a >= s->s_excl[i].x_lo && a <= s->s_excl[i].x_hi)
			return true;
	return false;
}

/* The lowest free address of P, 0 when the pool is exhausted. */
static uint32_t
pool_alloc(struct dataplane *dp, const struct dhcps *s,
    const struct dhcp_pool *p)
{
	uint32_t	a, last = (p->p_net | ~p->p_mask) - 1;
	bool		found;

	for (a = p->p_net + 1; a <= last && a != 0; a++) {
		if (excluded(s, a) || ip4_own(dp, a))
			continue;
		(void)bind_pos(s, a, &found);
		if (!found)
			return a;
	}
	return 0;
}

static struct dhcp_pool *
pool_for(const struct dhcps *s, uint32_t a)
{
	size_t	i;

	for (i = 0; i < s->s_npools; i++)
		if (s->s_pools[i]->p_mask != 0 &&
		    (a & s->s_pools[i]->p_mask) == s->s_pools[i]->p_net)
			return s->s_pools[i];
	return NULL;
}

/* Replies. */

static void
reply(struct dataplane *dp, struct dp_iface *ifp, const struct dhcp_msg *q,
    uint8_t type, uint32_t yiaddr, const struct dhcp_pool *p)
{
	struct dhcp_msg	 m;
	uint8_t		 buf[DHCP_MAX_LEN];
	size_t		 len;
	uint32_t	 lease, sid = ifp->if_addr.a_addr;
	unsigned	 i;

	memset(&m, 0, sizeof(m));
	m.dm_op = BOOTREPLY;
	m.dm_htype = q->dm_htype;
	m.dm_hlen = q->dm_hlen;
	m.dm_xid = q->dm_xid;
	m.dm_flags = q->dm_flags;
	m.dm_giaddr = q->dm_giaddr;
	m.dm_yiaddr = yiaddr;
	if (type == DHCPACK)
		m.dm_ciaddr = q->dm_ciaddr;
	memcpy(m.dm_chaddr, q->dm_chaddr, 16);
	m.dm_type = type;
	m.dm_has = DHO_SERVER_ID;
	m.dm_server_id = sid;
	if (type != DHCPNAK && p != NULL) {
		lease = pool_lease(p);
		m.dm_has |= DHO_LEASE | DHO_MASK;
		m.dm_lease = lease;
		m.dm_mask = p->p_mask;
		if (lease != LEASE_INFINITE) {
			m.dm_has |= DHO_T1 | DHO_T2;
			m.dm_t1 = lease / 2;
			m.dm_t2 = lease / 8 * 7;
		}
		if (p->p_nrouter > 0) {
			m.dm_has |= DHO_ROUTER;
			m.dm_router = p->p_router[0];
		}
		for (i = 0; i < p->p_ndns; i++)
			m.dm_dns[i] = p->p_dns[i];
		m.dm_ndns = p->p_ndns;
		if (p->p_domain != NULL) {
			m.dm_has |= DHO_DOMAIN;
			snprintf(m.dm_domain, sizeof(m.dm_domain), "%s",
			    p->p_domain);
		}
	}
	len = dhcp_build(&m, buf);
	if (q->dm_giaddr != 0)
		(void)dp_udp_send(dp, sid, DHCP_SERVER_PORT, q->dm_giaddr,
		    DHCP_SERVER_PORT, buf, len);
	else if (q->dm_ciaddr != 0 && type == DHCPACK)
		(void)dp_udp_send(dp, sid, DHCP_SERVER_PORT, q->dm_ciaddr,
		    DHCP_CLIENT_PORT, buf, len);
	else
		/* The client has no address yet: broadcast on its link. */
		(void)udp_send_iface(ifp, sid, DHCP_SERVER_PORT, 0xffffffffU,
		    DHCP_CLIENT_PORT, 0xffffffffU, buf, len);
}

static size_t
client_key(const struct dhcp_msg *m, uint8_t *k)
{
	if (m->dm_has & DHO_CLIENT_ID) {
		memcpy(k, m->dm_client_id, m->dm_client_id_len);
		return m->dm_client_id_len;
	}
	k[0] = m->dm_htype;
	memcpy(k + 1, m->dm_chaddr, m->dm_hlen);
	return (size_t)m->dm_hlen + 1;
}

static void
lease_set(struct dhcp_binding *b, const struct dhcp_pool *p)
{
	uint32_t	lease = pool_lease(p);

	b->b_bound = true;
	b->b_infinite = lease == LEASE_INFINITE;
	b->b_expires = clock_wall_ms() + (int64_t)lease * 1000;
}

void
dhcps_udp_input(void *arg, const struct dp_udp_meta *um, const uint8_t *d,
    size_t len)
{
	struct dataplane	*dp = arg;
	struct dhcps		*s = dp->d_dhcps;
	struct dp_iface		*ifp = um->um_ifp;
	struct dhcp_pool	*p;
	struct dhcp_binding	*b;
	struct dhcp_msg		 m;
	uint8_t			 key[DHCP_MAX_ID + 1];
	size_t			 klen;
	uint32_t		 want, a;

	if (s == NULL || ifp == NULL || !iface_has_v4(ifp) ||
	    !dhcp_parse(d, len, &m) || m.dm_op != BOOTREQUEST ||
	    m.dm_hlen == 0)
		return;
	p = pool_for(s, m.dm_giaddr != 0 ? m.dm_giaddr : ifp->if_addr.a_addr);
	if (p == NULL)
		return;
	klen = client_key(&m, key);
	b = bind_by_key(s, key, klen);
	switch (m.dm_type) {
	case DHCPDISCOVER:
		sweep(s);
		b = bind_by_key(s, key, klen);
		if (b != NULL && pool_for(s, b->b_addr) != p) {
			bind_del(s, b);
			b = NULL;
		}
		if (b == NULL) {
			/* Exhausted: no offer, the client keeps asking. */
			if ((a = pool_alloc(dp, s, p)) == 0)
				return;
			b = bind_add(s, a, key, klen);
			b->b_expires = clock_wall_ms() + DHCP_OFFER_MS;
		}
		reply(dp, ifp, &m, DHCPOFFER, b->b_addr, p);
		return;
	case DHCPREQUEST:
		if (m.dm_has & DHO_SERVER_ID) {
			/* SELECTING: another server's offer was taken. */
			if (m.dm_server_id != ifp->if_addr.a_addr) {
				if (b != NULL && !b->b_bound)
					bind_del(s, b);
				return;
			}
			want = m.dm_req_addr;
		} else
			want = m.dm_ciaddr != 0 ? m.dm_ciaddr : m.dm_req_addr;
		if (b != NULL && b->b_addr == want &&
		    (b->b_bound || b->b_expires > clock_wall_ms())) {
			lease_set(b, p);
			reply(dp, ifp, &m, DHCPACK, want, p);
			return;
		}
		/* An address of ours this client may not have: NAK. */
		if (want != 0 && pool_for(s, want) == p)
			reply(dp, ifp, &m, DHCPNAK, 0, NULL);
		return;
	case DHCPRELEASE:
	case DHCPDECLINE:
		if (b != NULL && (m.dm_type == DHCPDECLINE ||
		    b->b_addr == m.dm_ciaddr))
			bind_del(s, b);
		return;
	default:
		return;
	}
}

void
dhcps_free(struct dataplane *dp)
{
	struct dhcps	*s = dp->d_dhcps;
	size_t		 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->s_nbind; i++)
		free(s->s_bind[i]);
	for (i = 0; i < s->s_npools; i++) {
		free(s->s_pools[i]->p_name);
		free(s->s_pools[i]->p_domain);
		free(s->s_pools[i]);
	}
	free(s->s_bind);
	free(s->s_pools);
	free(s->s_excl);
	free(s);
	dp->d_dhcps = NULL;
}

/* Configuration. */

static size_t
pool_pos(const struct dhcps *s, const char *name, bool *found)
{
	size_t	lo = 0, hi = s->s_npools, mid;
	int	c;

	*found = false;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(s->s_pools[mid]->p_name, name)) == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
dp_ip_dhcp_pool_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct dhcps		*s = server(dp);
	const char		*name = cmd_arg(m, "name");
	struct dhcp_pool	*p;
	size_t			 pos;
	bool			 found;

	pos = pool_pos(s, name, &found);
	if (cmd_negated(m)) {
		if (!found)
			return CMD_SUCCESS;
		p = s->s_pools[pos];
		memmove(&s->s_pools[pos], &s->s_pools[pos + 1],
		    (s->s_npools - pos - 1) * sizeof(*s->s_pools));
		s->s_npools--;
		free(p->p_name);
		free(p->p_domain);
		free(p);
		return CMD_SUCCESS;
	}
	if (!found) {
		p = xcalloc(1, sizeof(*p));
		p->p_name = xstrdup(name);
		s->s_pools = xreallocarray(s->s_pools, s->s_npools + 1,
		    sizeof(*s->s_pools));
		memmove(&s->s_pools[pos + 1], &s->s_pools[pos],
		    (s->s_npools - pos) * sizeof(*s->s_pools));
		s->s_pools[pos] = p;
		s->s_npools++;
	}
	dhcp_udp_bind(dp);
	vty_enter(vty, MODE_DHCP_CONFIG, s->s_pools[pos]);
	return CMD_SUCCESS;
}

int
dp_ip_dhcp_excluded_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcps	*s = server(vty->v_sys->sy_dp);
	uint32_t	 lo, hi;
	size_t		 i;

	ip4_parse(cmd_arg(m, "lo"), &lo);
	hi = lo;
	if (cmd_arg(m, "hi") != NULL)
		ip4_parse(cmd_arg(m, "hi"), &hi);
	if (hi < lo) {
		vty_out(vty, "%% Invalid address range\n");
		return CMD_WARNING;
	}
	for (i = 0; i < s->s_nexcl; i++)
		if (s->s_excl[i].x_lo == lo && s->s_excl[i].x_hi == hi)
			break;
	if (cmd_negated(m)) {
		if (i < s->s_nexcl) {
			memmove(&s->s_excl[i], &s->s_excl[i + 1],
			    (s->s_nexcl - i - 1) * sizeof(*s->s_excl));
			s->s_nexcl--;
		}
		return CMD_SUCCESS;
	}
	if (i == s->s_nexcl) {
		s->s_excl = xreallocarray(s->s_excl, s->s_nexcl + 1,
		    sizeof(*s->s_excl));
		s->s_excl[s->s_nexcl].x_lo = lo;
		s->s_excl[s->s_nexcl].x_hi = hi;
		s->s_nexcl++;
	}
	return CMD_SUCCESS;
}

int
dhcp_network_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcp_pool	*p = vty->v_ctx;
	uint32_t		 net, mask;

	if (cmd_negated(m)) {
		p->p_net = p->p_mask = 0;
		return CMD_SUCCESS;
	}
	ip4_parse(cmd_arg(m, "net"), &net);
	ip4_parse(cmd_arg(m, "mask"), &mask);
	if (!ip4_mask_ok(mask) || mask == 0 || mask >= 0xfffffffeU) {
		vty_out(vty, "%% Invalid mask\n");
		return CMD_WARNING;
	}
	p->p_net = net & mask;
	p->p_mask = mask;
	return CMD_SUCCESS;
}

static unsigned
addr_list(const struct cmd_args *m, uint32_t *out)
{
	static const char *const names[POOL_MAXSRV] = { "a1", "a2", "a3",
	    "a4" };
	unsigned	n = 0, i;

	for (i = 0; i < POOL_MAXSRV; i++)
		if (cmd_arg(m, names[i]) != NULL)
			ip4_parse(cmd_arg(m, names[i]), &out[n++]);
	return n;
}

int
dhcp_servers_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcp_pool	*p = vty->v_ctx;
	bool			 dns = strcmp(cmd_data(m), "dns") == 0;

	if (dns)
		p->p_ndns = cmd_negated(m) ? 0 : addr_list(m, p->p_dns);
	else
		p->p_nrouter = cmd_negated(m) ? 0 : addr_list(m, p->p_router);
	return CMD_SUCCESS;
}

int
dhcp_domain_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcp_pool	*p = vty->v_ctx;

	xstrset(&p->p_domain, cmd_negated(m) ? NULL : cmd_arg(m, "domain"));
	return CMD_SUCCESS;
}

int
dhcp_lease_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcp_pool	*p = vty->v_ctx;

	p->p_infinite = false;
	p->p_lease_set = false;
	if (cmd_negated(m))
		return CMD_SUCCESS;
	if (cmd_has(m, "infinite")) {
		p->p_infinite = true;
		return CMD_SUCCESS;
	}
	p->p_days = (unsigned)cmd_arg_num(m, "days", 1);
	p->p_hours = (unsigned)cmd_arg_num(m, "hours", 0);
	p->p_mins = (unsigned)cmd_arg_num(m, "mins", 0);
	/* "lease 1" is IOS's default: not rendered. */
	p->p_lease_set = p->p_days != 1 || p->p_hours != 0 || p->p_mins != 0;
	if (pool_lease(p) == 0) {
		vty_out(vty, "%% A lease of 0 is not allowed\n");
		p->p_lease_set = false;
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

static void
addrs_nv(struct strbuf *sb, const char *cmd, const uint32_t *v, unsigned n)
{
	char		a[16];
	unsigned	i;

	if (n == 0)
		return;
	strbuf_printf(sb, "   %s", cmd);
	for (i = 0; i < n; i++) {
		ip4_text(v[i], a);
		strbuf_printf(sb, " %s", a);
	}
	strbuf_putc(sb, '\n');
}

/* IOS puts these among the global ip lines, before the interfaces:
 * exclusions, then each pool and a "!". */
void
dhcps_nvgen(const struct dataplane *dp, struct strbuf *sb)
{
	const struct dhcps	*s = dp->d_dhcps;
	const struct dhcp_pool	*p;
	char			 a[16], b[16];
	size_t			 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->s_nexcl; i++) {
		ip4_text(s->s_excl[i].x_lo, a);
		ip4_text(s->s_excl[i].x_hi, b);
		if (s->s_excl[i].x_lo == s->s_excl[i].x_hi)
			nv_line(sb, 0, "ip dhcp excluded-address %s", a);
		else
			nv_line(sb, 0, "ip dhcp excluded-address %s %s", a, b);
	}
	if (s->s_nexcl > 0)
		nv_line(sb, 0, "!");
	for (i = 0; i < s->s_npools; i++) {
		p = s->s_pools[i];
		nv_line(sb, 0, "ip dhcp pool %s", p->p_name);
		if (p->p_mask != 0) {
			ip4_text(p->p_net, a);
			ip4_text(p->p_mask, b);
			nv_line(sb, 3, "network %s %s", a, b);
		}
		addrs_nv(sb, "default-router", p->p_router, p->p_nrouter);
		addrs_nv(sb, "dns-server", p->p_dns, p->p_ndns);
		if (p->p_domain != NULL)
			nv_line(sb, 3, "domain-name %s", p->p_domain);
		if (p->p_infinite)
			nv_line(sb, 3, "lease infinite");
		else if (p->p_lease_set && p->p_mins != 0)
			nv_line(sb, 3, "lease %u %u %u", p->p_days, p->p_hours,
			    p->p_mins);
		else if (p->p_lease_set && p->p_hours != 0)
			nv_line(sb, 3, "lease %u %u", p->p_days, p->p_hours);
		else if (p->p_lease_set)
			nv_line(sb, 3, "lease %u", p->p_days);
		nv_line(sb, 0, "!");
	}
}

/* Exec. */

int
dp_show_ip_dhcp_binding_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcps			*s = vty->v_sys->sy_dp->d_dhcps;
	const struct dhcp_binding	*b;
	char				 a[16], hw[24], when[32];
	struct tm			 tm;
	time_t				 t;
	size_t				 i, k, n;

	(void)m;
	vty_out(vty, "%-17s%-24s%-24s%s\n", "IP address", "Hardware address",
	    "Lease expiration", "Type");
	if (s == NULL)
		return CMD_SUCCESS;
	sweep(s);
	for (i = 0; i < s->s_nbind; i++) {
		b = s->s_bind[i];
		if (!b->b_bound)
			continue;
		ip4_text(b->b_addr, a);
		if (b->b_infinite)
			snprintf(when, sizeof(when), "Infinite");
		else {
			t = (time_t)(b->b_expires / 1000);
			gmtime_r(&t, &tm);
			strftime(when, sizeof(when), "%b %d %Y %I:%M %p", &tm);
		}
		/* The identity in dotted groups of two bytes, four groups
		 * a line, continued under itself as IOS wraps it. */
		for (k = 0; k < b->b_keylen; k += 8) {
			hw[0] = '\0';
			for (n = k; n < b->b_keylen && n < k + 8; n++)
				snprintf(hw + strlen(hw), sizeof(hw) -
				    strlen(hw), "%02x%s", b->b_key[n],
				    n % 2 == 1 && n + 1 < b->b_keylen ? "." :
				    "");
			if (k == 0)
				vty_out(vty, "%-17s%-24s%-24s%s\n", a, hw, when,
				    "Automatic");
			else
				vty_out(vty, "%-17s%s\n", "", hw);
		}
	}
	return CMD_SUCCESS;
}

int
dp_clear_ip_dhcp_binding_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dhcps	*s = vty->v_sys->sy_dp->d_dhcps;
	const char	*which = cmd_arg(m, "which");
	uint32_t	 a;
	bool		 found;
	size_t		 pos;

	if (s == NULL)
		return CMD_SUCCESS;
	if (strcmp(which, "*") != 0) {
		if (!ip4_parse(which, &a)) {
			vty_invalid(vty, cmd_arg_off(m, "which"));
			return CMD_WARNING;
		}
		pos = bind_pos(s, a, &found);
		if (!found) {
			vty_out(vty, "%% Address %s not in binding database\n",
			    which);
			return CMD_WARNING;
		}
		bind_del(s, s->s_bind[pos]);
		return CMD_SUCCESS;
	}
	while (s->s_nbind > 0)
		bind_del(s, s->s_bind[s->s_nbind - 1]);
	return CMD_SUCCESS;
}

int
dp_show_dhcp_lease_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	dhcpc_show(vty->v_sys->sy_dp, &vty->v_out);
	return CMD_SUCCESS;
}
