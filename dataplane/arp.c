/*
 * arp: IPv4 over Ethernet address resolution, and `show arp`.
 *
 * As IOS: a request for one of the interface's addresses is answered and
 * its sender learnt (glean), and so is one for an address the router
 * routes out of another interface (proxy ARP, IOS's default); a reply
 * or a request from a known neighbour refreshes it; an entry is used for
 * 4 hours (IOS's ARP timeout), then refreshed by a new request while
 * still in use.  A datagram for a
 * neighbour not yet resolved is dropped and a request sent (at most one a
 * second per address), so the first ping to a new host shows `.`.  The
 * cache is hashed by address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"

#define ARP_LEN		28
#define ARP_REQUEST	1
#define ARP_REPLY	2
#define ARP_RETRY_MS	1000

struct arp_entry {
	struct arp_entry	*ae_next;
	struct dp_iface		*ae_ifp;
	uint32_t		 ae_addr;
	uint8_t			 ae_mac[6];
	bool			 ae_complete;
	uint64_t		 ae_learnt;	/* mono ms */
	uint64_t		 ae_asked;	/* last request, mono ms */
};

static size_t
arp_slot(uint32_t addr)
{
	return (addr * 2654435761U) >> 22;	/* 10 bits: ARP_HASH */
}

static struct arp_entry *
arp_find(struct fwd *f, const struct dp_iface *ifp, uint32_t addr)
{
	struct arp_entry	*e;

	for (e = f->f_arp[arp_slot(addr)]; e != NULL; e = e->ae_next)
		if (e->ae_addr == addr && e->ae_ifp == ifp)
			return e;
	return NULL;
}

static struct arp_entry *
arp_make(struct fwd *f, struct dp_iface *ifp, uint32_t addr)
{
	struct arp_entry	*e;
	size_t			 slot = arp_slot(addr);

	if ((e = arp_find(f, ifp, addr)) != NULL)
		return e;
	e = xcalloc(1, sizeof(*e));
	e->ae_ifp = ifp;
	e->ae_addr = addr;
	e->ae_next = f->f_arp[slot];
	f->f_arp[slot] = e;
	f->f_narp++;
	return e;
}

static void
arp_learn(struct arp_entry *e, const uint8_t *mac)
{
	memcpy(e->ae_mac, mac, 6);
	e->ae_complete = true;
	e->ae_learnt = clock_mono_ms();
}

static void
arp_send(struct dp_iface *ifp, uint16_t op, const uint8_t *tha,
    uint32_t spa, uint32_t tpa, const uint8_t *dst)
{
	uint8_t	*f = fwd_frame(ifp->if_dp->d_fwd), *a = f + ETHER_HDRLEN;

	memcpy(f, dst, 6);
	memcpy(f + 6, ifp->if_attach.at_mac, 6);
	put16(f + 12, ETHERTYPE_ARP);
	put16(a, 1);			/* Ethernet */
	put16(a + 2, ETHERTYPE_IP);
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, op);
	memcpy(a + 8, ifp->if_attach.at_mac, 6);
	put32(a + 14, spa);
	memcpy(a + 18, tha, 6);
	put32(a + 24, tpa);
	/* Ethernet's minimum frame: 60 bytes without FCS. */
	memset(a + ARP_LEN, 0, 60 - ETHER_HDRLEN - ARP_LEN);
	(void)attach_send(ifp, f, 60);
}

/*
 * Proxy ARP, on by default in IOS ("Proxy ARP is enabled"): answer for
 * TPA when the router routes it out of another interface, for a sender
 * on one of IFP's subnets (how a neighbour's `ip route ... FastEthernet0/0`
 * reaches beyond this router).
 */
static bool
arp_proxy(struct dp_iface *ifp, uint32_t spa, uint32_t tpa)
{
	struct dp_iface	*out;
	unsigned	 len;
	uint32_t	 nh;

	if (route_connected(ifp->if_dp, spa, &len) != ifp)
		return false;
	out = route_lookup(ifp->if_dp, tpa, &nh);
	return out != NULL && out != ifp;
}

void
arp_input(struct dp_iface *ifp, const uint8_t *a, size_t len)
{
	struct fwd		*f = ifp->if_dp->d_fwd;
	struct arp_entry	*e;
	uint32_t		 spa, tpa;
	uint16_t		 op;

	if (len < ARP_LEN || get16(a) != 1 || get16(a + 2) != ETHERTYPE_IP ||
	    a[4] != 6 || a[5] != 4) {
		ifp->if_attach.at_ierrors++;
		return;
	}
	op = get16(a + 6);
	spa = get32(a + 14);
	tpa = get32(a + 24);
	if (spa == 0 || (a[8] & 1) != 0)
		return;		/* probes, and multicast senders */
	if (ip4_iface_addr(ifp, tpa) || (op == ARP_REQUEST &&
	    arp_proxy(ifp, spa, tpa))) {
		arp_learn(arp_make(f, ifp, spa), a + 8);
		if (op == ARP_REQUEST)
			arp_send(ifp, ARP_REPLY, a + 8, tpa, spa, a + 8);
	} else if ((e = arp_find(f, ifp, spa)) != NULL)
		arp_learn(e, a + 8);
}

bool
arp_resolve(struct dp_iface *ifp, uint32_t addr, uint8_t *mac)
{
	static const uint8_t	zero[6], bcast[6] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct arp_entry	*e;
	uint64_t		 now = clock_mono_ms();
	uint32_t		 spa;

	e = arp_make(ifp->if_dp->d_fwd, ifp, addr);
	if (e->ae_complete && now - e->ae_learnt < ARP_TIMEOUT_MS) {
		memcpy(mac, e->ae_mac, 6);
		return true;
	}
	if (e->ae_asked == 0 || now - e->ae_asked >= ARP_RETRY_MS) {
		e->ae_asked = now == 0 ? 1 : now;
		spa = iface_has_v4(ifp) ? ifp->if_addr.a_addr : 0;
		arp_send(ifp, ARP_REQUEST, zero, spa, addr, bcast);
	}
	/* A stale entry keeps serving while it is refreshed. */
	if (e->ae_complete) {
		memcpy(mac, e->ae_mac, 6);
		return true;
	}
	return false;
}

/* Drop IFP's entries (NULL: all). */
void
arp_flush(struct dataplane *dp, const struct dp_iface *ifp)
{
	struct fwd		*f = dp->d_fwd;
	struct arp_entry	**pp, *e;
	size_t			 i;

	if (f == NULL || f->f_arp == NULL)
		return;
	for (i = 0; i < ARP_HASH; i++)
		for (pp = &f->f_arp[i]; (e = *pp) != NULL; ) {
			if (ifp != NULL && e->ae_ifp != ifp) {
				pp = &e->ae_next;
				continue;
			}
			*pp = e->ae_next;
			free(e);
			f->f_narp--;
		}
}

void
arp_free_all(struct dataplane *dp)
{
	arp_flush(dp, NULL);
}

/* `show arp`: the router's own addresses and the cache, by address. */
struct arp_row {
	uint32_t		 ar_addr;
	const struct dp_iface	*ar_ifp;
	const uint8_t		*ar_mac;	/* NULL: incomplete */
	long long		 ar_age;	/* minutes; -1: ours */
};

static int
arp_row_cmp(const void *a, const void *b)
{
	const struct arp_row	*x = a, *y = b;

	if (x->ar_addr != y->ar_addr)
		return x->ar_addr < y->ar_addr ? -1 : 1;
	return strcmp(x->ar_ifp->if_name, y->ar_ifp->if_name);
}

static void
arp_row_add(struct arp_row **v, size_t *n, size_t *cap, uint32_t addr,
    const struct dp_iface *ifp, const uint8_t *mac, long long age)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		if ((*v = realloc(*v, *cap * sizeof(**v))) == NULL)
			abort();
	}
	(*v)[*n].ar_addr = addr;
	(*v)[*n].ar_ifp = ifp;
	(*v)[*n].ar_mac = mac;
	(*v)[*n].ar_age = age;
	(*n)++;
}

static void
arp_show(const struct dataplane *dp, struct strbuf *sb)
{
	const struct dp_iface	*ifp;
	const struct arp_entry	*e;
	struct arp_row		*v = NULL;
	size_t			 n = 0, cap = 0, i, k;
	uint64_t		 now = clock_mono_ms();
	char			 a[16], age[24], mac[16];

	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		if (!link_ethernet(ifp) || !iface_proto_up(ifp) ||
		    !iface_has_v4(ifp))
			continue;
		arp_row_add(&v, &n, &cap, ifp->if_addr.a_addr, ifp,
		    ifp->if_attach.at_mac, -1);
		for (k = 0; k < ifp->if_nsec; k++)
			arp_row_add(&v, &n, &cap, ifp->if_sec[k].a_addr, ifp,
			    ifp->if_attach.at_mac, -1);
	}
	for (i = 0; i < ARP_HASH; i++)
		for (e = dp->d_fwd->f_arp[i]; e != NULL; e = e->ae_next)
			arp_row_add(&v, &n, &cap, e->ae_addr, e->ae_ifp,
			    e->ae_complete ? e->ae_mac : NULL,
			    e->ae_complete ?
			    (long long)((now - e->ae_learnt) / 60000) : 0);
	if (n > 0)
		qsort(v, n, sizeof(*v), arp_row_cmp);
	strbuf_puts(sb, "Protocol  Address          Age (min)  Hardware Addr"
	    "   Type   Interface\n");
	for (i = 0; i < n; i++) {
		ip4_text(v[i].ar_addr, a);
		if (v[i].ar_age < 0)
			strcpy(age, "-");
		else
			snprintf(age, sizeof(age), "%lld", v[i].ar_age);
		if (v[i].ar_mac == NULL) {
			/* IOS leaves the interface out while it asks. */
			strbuf_printf(sb, "Internet  %-17s%8s   %-16s%-7s\n",
			    a, age, "Incomplete", "ARPA");
			continue;
		}
		snprintf(mac, sizeof(mac), "%02x%02x.%02x%02x.%02x%02x",
		    v[i].ar_mac[0], v[i].ar_mac[1], v[i].ar_mac[2],
		    v[i].ar_mac[3], v[i].ar_mac[4], v[i].ar_mac[5]);
		strbuf_printf(sb, "Internet  %-17s%8s   %-16s%-7s%s\n", a, age,
		    mac, "ARPA", v[i].ar_ifp->if_name);
	}
	free(v);
}

int
dp_show_arp_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	arp_show(vty->v_sys->sy_dp, &vty->v_out);
	return CMD_SUCCESS;
}
