/*
 * nd: IPv6 neighbour discovery on Ethernet-type interfaces, and `show
 * ipv6 neighbors`.
 *
 * A neighbour solicitation for one of the interface's addresses is
 * answered with an advertisement (solicited, override) and its sender
 * learnt from its link-layer option; an advertisement resolves an entry
 * being asked for.  A datagram for an unresolved neighbour is dropped and
 * a solicitation sent to the solicited-node group (at most one a second),
 * as ARP does for IPv4.  States are IOS's words: INCMP while asking,
 * REACH for 30 s after an answer, STALE after that (still used).  No
 * duplicate address detection, router advertisements or redirects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"

#define ND_HASH		256
#define ND_RETRY_MS	1000
#define ND_REACHABLE_MS	30000
#define ND_NS		135
#define ND_NA		136

struct nd_entry {
	struct nd_entry		*ne_next;
	struct dp_iface		*ne_ifp;
	uint8_t			 ne_addr[16];
	uint8_t			 ne_mac[6];
	bool			 ne_complete;
	uint64_t		 ne_learnt, ne_asked;
};

static size_t
nd_slot(const uint8_t *a)
{
	return (size_t)(a[12] ^ a[13] * 7 ^ a[14] * 13 ^ a[15] * 31) %
	    ND_HASH;
}

static struct nd_entry *
nd_find(struct fwd *f, const struct dp_iface *ifp, const uint8_t *a)
{
	struct nd_entry	*e;

	if (f->f_nd == NULL)
		return NULL;
	for (e = f->f_nd[nd_slot(a)]; e != NULL; e = e->ne_next)
		if (e->ne_ifp == ifp && memcmp(e->ne_addr, a, 16) == 0)
			return e;
	return NULL;
}

static struct nd_entry *
nd_make(struct fwd *f, struct dp_iface *ifp, const uint8_t *a)
{
	struct nd_entry	*e;
	size_t		 slot = nd_slot(a);

	if ((e = nd_find(f, ifp, a)) != NULL)
		return e;
	if (f->f_nd == NULL)
		f->f_nd = xcalloc(ND_HASH, sizeof(*f->f_nd));
	e = xcalloc(1, sizeof(*e));
	e->ne_ifp = ifp;
	memcpy(e->ne_addr, a, 16);
	e->ne_next = f->f_nd[slot];
	f->f_nd[slot] = e;
	return e;
}

static void
nd_learn(struct nd_entry *e, const uint8_t *mac)
{
	memcpy(e->ne_mac, mac, 6);
	e->ne_complete = true;
	e->ne_learnt = clock_mono_ms();
}

/* The link-layer address option of type TYPE in ND options OPT. */
static const uint8_t *
nd_option(const uint8_t *opt, size_t len, uint8_t type)
{
	while (len >= 8 && opt[1] != 0 && (size_t)opt[1] * 8 <= len) {
		if (opt[0] == type && opt[1] == 1)
			return opt + 2;
		len -= (size_t)opt[1] * 8;
		opt += (size_t)opt[1] * 8;
	}
	return NULL;
}

/* Solicitation (TARGET from us) or advertisement (TARGET ours, to DST). */
static void
nd_send(struct dp_iface *ifp, uint8_t type, const uint8_t *target,
    const uint8_t *dst, const uint8_t *dmac)
{
	uint8_t	p[40 + 32];

	memset(p, 0, sizeof(p));
	ip6_header(p, 32, IPP_ICMPV6, 255, NULL, dst);
	ip6_iface_source(ifp, dst, p + 8);
	p[40] = type;
	if (type == ND_NA)
		p[44] = 0x60;		/* solicited, override */
	memcpy(p + 48, target, 16);
	p[64] = type == ND_NS ? 1 : 2;	/* source / target link-layer */
	p[65] = 1;
	memcpy(p + 66, ifp->if_attach.at_mac, 6);
	icmp6_checksum(p);
	(void)link_send6(ifp, dmac, p, sizeof(p));
}

void
nd_input(struct dp_iface *ifp, const uint8_t *ip, size_t len)
{
	struct fwd		*f = ifp->if_dp->d_fwd;
	const uint8_t		*icmp = ip + 40, *mac;
	struct nd_entry		*e;
	static const uint8_t	 unspec[16];

	if (ip[7] != 255 || len < 40 + 24 || !link_ethernet(ifp))
		return;
	if (icmp[0] == ND_NS) {
		if (!ip6_iface_addr(ifp, icmp + 8) ||
		    memcmp(ip + 8, unspec, 16) == 0)
			return;
		mac = nd_option(icmp + 24, len - 40 - 24, 1);
		if (mac != NULL)
			nd_learn(nd_make(f, ifp, ip + 8), mac);
		if ((e = nd_find(f, ifp, ip + 8)) != NULL && e->ne_complete)
			nd_send(ifp, ND_NA, icmp + 8, ip + 8, e->ne_mac);
		return;
	}
	if (icmp[0] == ND_NA && (e = nd_find(f, ifp, icmp + 8)) != NULL &&
	    (mac = nd_option(icmp + 24, len - 40 - 24, 2)) != NULL)
		nd_learn(e, mac);
}

bool
nd_resolve(struct dp_iface *ifp, const uint8_t *addr, uint8_t *mac)
{
	struct nd_entry	*e = nd_make(ifp->if_dp->d_fwd, ifp, addr);
	uint64_t	 now = clock_mono_ms();
	uint8_t		 sn[16] = { 0xff, 0x02, [11] = 1, [12] = 0xff };
	uint8_t		 smac[6] = { 0x33, 0x33, 0xff };

	if (e->ne_complete) {
		memcpy(mac, e->ne_mac, 6);
		return true;
	}
	if (e->ne_asked == 0 || now - e->ne_asked >= ND_RETRY_MS) {
		e->ne_asked = now == 0 ? 1 : now;
		memcpy(sn + 13, addr + 13, 3);
		memcpy(smac + 3, addr + 13, 3);
		nd_send(ifp, ND_NS, addr, sn, smac);
	}
	return false;
}

void
nd_flush(struct dataplane *dp, const struct dp_iface *ifp)
{
	struct fwd	*f = dp->d_fwd;
	struct nd_entry	**pp, *e;
	size_t		 i;

	if (f == NULL || f->f_nd == NULL)
		return;
	for (i = 0; i < ND_HASH; i++)
		for (pp = &f->f_nd[i]; (e = *pp) != NULL; ) {
			if (ifp != NULL && e->ne_ifp != ifp) {
				pp = &e->ne_next;
				continue;
			}
			*pp = e->ne_next;
			free(e);
		}
	if (ifp == NULL) {
		free(f->f_nd);
		f->f_nd = NULL;
	}
}

/* IOS's short interface names in this table: "Fa0/0", "Se1/0". */
static void
short_name(const struct dp_iface *ifp, char *buf, size_t len)
{
	const char	*n = ifp->if_name, *num = n;

	while (*num != '\0' && (*num < '0' || *num > '9'))
		num++;
	snprintf(buf, len, "%.2s%.40s", n, num);
}

static int
nd_cmp(const void *a, const void *b)
{
	const struct nd_entry	*x = *(const struct nd_entry *const *)a;
	const struct nd_entry	*y = *(const struct nd_entry *const *)b;

	return memcmp(x->ne_addr, y->ne_addr, 16);
}

int
dp_show_ipv6_neighbors_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct fwd		*f = vty->v_sys->sy_dp->d_fwd;
	struct nd_entry		*e, **v = NULL;
	size_t			 n = 0, i;
	uint64_t		 now = clock_mono_ms();
	char			 a[46], ifn[IF_NAMELEN], mac[16], age[24];

	(void)m;
	for (i = 0; f->f_nd != NULL && i < ND_HASH; i++)
		for (e = f->f_nd[i]; e != NULL; e = e->ne_next) {
			if ((v = realloc(v, (n + 1) * sizeof(*v))) == NULL)
				abort();
			v[n++] = e;
		}
	if (n > 0)
		qsort(v, n, sizeof(*v), nd_cmp);
	vty_out(vty, "IPv6 Address                              Age "
	    "Link-layer Addr State Interface\n");
	for (i = 0; i < n; i++) {
		e = v[i];
		ip6_fmt(e->ne_addr, a);
		short_name(e->ne_ifp, ifn, sizeof(ifn));
		if (!e->ne_complete) {
			vty_out(vty, "%-40s%5s %-14s  %-5s %s\n", a, "0", "-",
			    "INCMP", ifn);
			continue;
		}
		snprintf(age, sizeof(age), "%llu",
		    (unsigned long long)((now - e->ne_learnt) / 60000));
		snprintf(mac, sizeof(mac), "%02x%02x.%02x%02x.%02x%02x",
		    e->ne_mac[0], e->ne_mac[1], e->ne_mac[2], e->ne_mac[3],
		    e->ne_mac[4], e->ne_mac[5]);
		vty_out(vty, "%-40s%5s %-14s  %-5s %s\n", a, age, mac,
		    now - e->ne_learnt < ND_REACHABLE_MS ? "REACH" : "STALE",
		    ifn);
	}
	free(v);
	return CMD_SUCCESS;
}
