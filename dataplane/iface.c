/*
 * iface: interfaces — created when first configured (there is no hardware
 * inventory yet), the sorted table, the subnet index and the accessors
 * the rest of the dataplane and crypto use.  Their config-if commands and
 * running-configuration lines are iface_cmd.c's.
 *
 * A physical interface comes up "no shutdown", as when IOS loads a
 * startup-config; without an attachment (a port the forwarder will hang
 * in if_attach) its line protocol is down.  IPv4 subnets of all
 * interfaces are indexed (d_subnets) so IOS's overlap check stays
 * O(log n) with tens of thousands of tunnels.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"


/* Interfaces: the sorted array. */

static size_t
iface_pos(const struct dataplane *dp, const struct if_id *id, bool *found)
{
	size_t	lo = 0, hi = dp->d_nifs, mid;
	int	c;

	*found = false;
	/* Configurations come in IOS order: try the end first. */
	if (hi > 0 && ifid_cmp(&dp->d_ifs[hi - 1]->if_id, id) < 0)
		return hi;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = ifid_cmp(&dp->d_ifs[mid]->if_id, id);
		if (c == 0) {
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

struct dp_iface *
iface_get(struct dataplane *dp, const struct if_id *id, bool make)
{
	struct dp_iface	*ifp;
	size_t		 pos, i;
	bool		 found;

	pos = iface_pos(dp, id, &found);
	if (found)
		return dp->d_ifs[pos];
	if (!make)
		return NULL;
	ifp = xcalloc(1, sizeof(*ifp));
	ifp->if_dp = dp;
	ifp->if_id = *id;
	ifname_format(id, ifp->if_name, sizeof(ifp->if_name));
	ifp->if_keepalive = KEEPALIVE_DEFAULT;
	/* Until a wire gives it its own: stable, from the name. */
	attach_mac(ifp, ifp->if_name);
	if (dp->d_nifs == dp->d_capifs) {
		dp->d_capifs = dp->d_capifs ? dp->d_capifs * 2 : 16;
		dp->d_ifs = realloc(dp->d_ifs, dp->d_capifs *
		    sizeof(*dp->d_ifs));
		if (dp->d_ifs == NULL)
			abort();
	}
	memmove(&dp->d_ifs[pos + 1], &dp->d_ifs[pos],
	    (dp->d_nifs - pos) * sizeof(*dp->d_ifs));
	dp->d_ifs[pos] = ifp;
	dp->d_nifs++;
	dp->d_gen++;
	for (i = pos; i < dp->d_nifs; i++)
		dp->d_ifs[i]->if_idx = i;
	return ifp;
}

/* Subnet index. */

static size_t
subnet_pos(const struct dataplane *dp, uint32_t lo)
{
	size_t	a = 0, b = dp->d_nsubnets, mid;

	while (a < b) {
		mid = a + (b - a) / 2;
		if (dp->d_subnets[mid].sn_lo < lo)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* The interface whose subnet overlaps ADDR/MASK, EXCEPT's primary
 * excepted (an interface may renumber within its own subnet). */
struct dp_iface *
subnet_overlap(const struct dataplane *dp, uint32_t addr, uint32_t mask,
    const struct dp_iface *except)
{
	uint32_t	lo = addr & mask, hi = lo | ~mask;
	size_t		pos = subnet_pos(dp, lo), i;
	const struct if_subnet *sn;

	/* Disjoint ranges sorted by start: only the neighbours can meet. */
	for (i = pos > 0 ? pos - 1 : 0; i < dp->d_nsubnets; i++) {
		sn = &dp->d_subnets[i];
		if (sn->sn_lo > hi)
			break;
		if (sn->sn_hi < lo)
			continue;
		if (sn->sn_if == except &&
		    sn->sn_lo == (except->if_addr.a_addr &
		    except->if_addr.a_mask) &&
		    iface_has_v4(except))
			continue;
		return sn->sn_if;
	}
	return NULL;
}

void
subnet_add(struct dataplane *dp, struct dp_iface *ifp, uint32_t addr,
    uint32_t mask)
{
	uint32_t	lo = addr & mask;
	size_t		pos = subnet_pos(dp, lo);

	if (dp->d_nsubnets == dp->d_capsubnets) {
		dp->d_capsubnets = dp->d_capsubnets ? dp->d_capsubnets * 2 : 16;
		dp->d_subnets = realloc(dp->d_subnets, dp->d_capsubnets *
		    sizeof(*dp->d_subnets));
		if (dp->d_subnets == NULL)
			abort();
	}
	memmove(&dp->d_subnets[pos + 1], &dp->d_subnets[pos],
	    (dp->d_nsubnets - pos) * sizeof(*dp->d_subnets));
	dp->d_subnets[pos].sn_lo = lo;
	dp->d_subnets[pos].sn_hi = lo | ~mask;
	dp->d_subnets[pos].sn_if = ifp;
	dp->d_nsubnets++;
	dp->d_gen++;
}

void
subnet_del(struct dataplane *dp, const struct dp_iface *ifp, uint32_t addr,
    uint32_t mask)
{
	size_t	pos = subnet_pos(dp, addr & mask);

	for (; pos < dp->d_nsubnets &&
	    dp->d_subnets[pos].sn_lo == (addr & mask); pos++)
		if (dp->d_subnets[pos].sn_if == ifp) {
			memmove(&dp->d_subnets[pos], &dp->d_subnets[pos + 1],
			    (dp->d_nsubnets - pos - 1) *
			    sizeof(*dp->d_subnets));
			dp->d_nsubnets--;
			dp->d_gen++;
			return;
		}
}

void
iface_clear_v4(struct dp_iface *ifp)
{
	size_t	i;

	/* Another address, or none: the lease is released first, from the
	 * address it is for. */
	dhcpc_stop(ifp, true);
	if (iface_has_v4(ifp))
		subnet_del(ifp->if_dp, ifp, ifp->if_addr.a_addr,
		    ifp->if_addr.a_mask);
	for (i = 0; i < ifp->if_nsec; i++)
		subnet_del(ifp->if_dp, ifp, ifp->if_sec[i].a_addr,
		    ifp->if_sec[i].a_mask);
	free(ifp->if_sec);
	ifp->if_sec = NULL;
	ifp->if_nsec = 0;
	ifp->if_addr_kind = IFA_NONE;
	memset(&ifp->if_addr, 0, sizeof(ifp->if_addr));
}

static void
iface_free(struct dp_iface *ifp)
{
	/* A read's deferred counts may name it: added, and the egress's
	 * record no longer names it (a later interface at its address is
	 * another). */
	attach_defer_flush();
	if (attach_defer.ad_out == ifp)
		attach_defer.ad_out = NULL;
	dhcpc_stop(ifp, false);
	if (ifp->if_attach.at_wire != NULL)
		attach_close(ifp);
	free(ifp->if_descr);
	for (size_t k = 0; ifp->if_inert != NULL && k < IFI_N; k++)
		free(ifp->if_inert[k]);
	free(ifp->if_inert);
	free(ifp->if_sec);
	free(ifp->if_acl_in);
	free(ifp->if_acl_out);
	free(ifp->if_v6);
	free(ifp->if_tun_src);
	free(ifp->if_tun_dst);
	free(ifp->if_tun_protection);
	free(ifp->if_crypto_map);
	if_lines_free(ifp);
	free(ifp);
}

void
iface_delete(struct dataplane *dp, struct dp_iface *ifp)
{
	size_t	i;

	iface_clear_v4(ifp);
	memmove(&dp->d_ifs[ifp->if_idx], &dp->d_ifs[ifp->if_idx + 1],
	    (dp->d_nifs - ifp->if_idx - 1) * sizeof(*dp->d_ifs));
	dp->d_nifs--;
	dp->d_gen++;
	for (i = ifp->if_idx; i < dp->d_nifs; i++)
		dp->d_ifs[i]->if_idx = i;
	iface_free(ifp);
}

void
iface_free_all(struct dataplane *dp)
{
	size_t	i;

	for (i = 0; i < dp->d_nifs; i++)
		iface_free(dp->d_ifs[i]);
	free(dp->d_ifs);
	free(dp->d_subnets);
}

/* State and defaults. */

/*
 * A loopback is up as soon as it is; a physical interface needs its
 * attachment (no cable, no protocol); a tunnel's protocol comes up with
 * the forwarder, when its destination is reachable.
 */
bool
iface_proto_up(const struct dp_iface *ifp)
{
	if (ifp->if_shutdown)
		return false;
	if (ifp->if_id.id_sub != 0)
		return dot1q_proto_up(ifp);
	switch (ifp->if_id.id_type) {
	case IFT_LOOPBACK:
	case IFT_NULL:		/* up/up, as IOS's Null0 */
		return true;
	case IFT_TUNNEL:
		return ifp->if_tun_up;	/* tunnel.c decides it */
	default:
		return ifp->if_attach.at_wire != NULL;
	}
}

uint32_t
iface_mtu_tunnel(const struct dp_iface *ifp)
{
	return sys_version_15(ifp->if_dp->d_sys) ? 17916 : 1514;
}

uint32_t
iface_bandwidth(const struct dp_iface *ifp)
{
	static const uint32_t	bw[IFT_COUNT] = {
		[IFT_LOOPBACK] = 8000000, [IFT_TUNNEL] = 9,
		[IFT_PORT_CHANNEL] = 1000000, [IFT_MULTILINK] = 1544,
		[IFT_EMBEDDED_SE] = 1000000, [IFT_TENGIGABITETHERNET] = 10000000,
		[IFT_VIRTUAL_TEMPLATE] = 100000, [IFT_VLAN] = 1000000,
		[IFT_DIALER] = 56, [IFT_BVI] = 10000, [IFT_NULL] = 10000000,
		[IFT_ETHERNET] = 10000, [IFT_FASTETHERNET] = 100000,
		[IFT_GIGABITETHERNET] = 1000000, [IFT_SERIAL] = 1544,
		[IFT_ATM] = 149760,
	};

	if (ifp->if_bandwidth != 0)
		return ifp->if_bandwidth;
	if (ifp->if_id.id_type == IFT_TUNNEL &&
	    sys_version_15(ifp->if_dp->d_sys))
		return 100;
	return bw[ifp->if_id.id_type];
}

/* The contract of dp.h. */

struct dp_iface *
dp_iface_first(const struct dataplane *dp)
{
	return dp->d_nifs > 0 ? dp->d_ifs[0] : NULL;
}

struct dp_iface *
dp_iface_next(const struct dp_iface *ifp)
{
	const struct dataplane	*dp = ifp->if_dp;

	return ifp->if_idx + 1 < dp->d_nifs ? dp->d_ifs[ifp->if_idx + 1] :
	    NULL;
}

struct dp_iface *
dp_iface_find(const struct dataplane *dp, const char *name)
{
	char		canon[IF_NAMELEN];
	struct if_id	id;

	if (!ifname_resolve(name, canon, sizeof(canon)) ||
	    !ifname_parse(canon, NULL, &id))
		return NULL;
	return iface_get((struct dataplane *)dp, &id, false);
}

void
dp_ifname_short(const struct dataplane *dp, const char *name, char *buf,
    size_t len)
{
	const struct dp_iface	*ifp = dp_iface_find(dp, name);

	if (ifp != NULL)
		ifname_short(ifp, buf, len);
	else
		snprintf(buf, len, "%s", name);
}

const char *
dp_iface_name(const struct dp_iface *ifp)
{
	return ifp->if_name;
}

const char *
dp_iface_crypto_map(const struct dp_iface *ifp)
{
	return ifp->if_crypto_map;
}

void
dp_iface_set_crypto_map(struct dp_iface *ifp, const char *name)
{
	xstrset(&ifp->if_crypto_map, name);
	ifp->if_dp->d_gen++;
}

uint32_t
dp_iface_ip_mtu(const struct dp_iface *ifp)
{
	return iface_mtu(ifp);
}

enum dp_crypto_df
dp_iface_crypto_df(const struct dp_iface *ifp)
{
	return ifp->if_crypto_df;
}

void
dp_iface_set_crypto_df(struct dp_iface *ifp, enum dp_crypto_df df)
{
	ifp->if_crypto_df = df;
	ifp->if_dp->d_gen++;	/* crypto's kept path MTU (mtu_gen) */
}

enum dp_crypto_frag
dp_iface_crypto_frag(const struct dp_iface *ifp)
{
	return ifp->if_crypto_frag;
}

void
dp_iface_set_crypto_frag(struct dp_iface *ifp, enum dp_crypto_frag fr)
{
	ifp->if_crypto_frag = fr;
	ifp->if_dp->d_gen++;	/* crypto's kept path MTU (mtu_gen) */
}

uint64_t
dp_iface_mtu_gen(const struct dp_iface *ifp)
{
	if (ifp->if_id.id_type == IFT_TUNNEL)
		return 0;
	return route_gen(ifp->if_dp);
}

size_t
dp_iface_index(const struct dp_iface *ifp)
{
	return ifp->if_idx;
}

size_t
dp_iface_count(const struct dataplane *dp)
{
	return dp->d_nifs;
}

uint64_t
dp_generation(const struct dataplane *dp)
{
	return dp->d_gen;
}

const char *
dp_iface_tunnel_protection(const struct dp_iface *ifp)
{
	return ifp->if_tun_protection;
}

void
dp_iface_set_tunnel_protection(struct dp_iface *ifp, const char *name)
{
	xstrset(&ifp->if_tun_protection, name);
	if (name == NULL)
		ifp->if_tun_prot_shared = false;
}

bool
dp_iface_tunnel_shared(const struct dp_iface *ifp)
{
	return ifp->if_tun_prot_shared;
}

void
dp_iface_set_tunnel_shared(struct dp_iface *ifp, bool shared)
{
	ifp->if_tun_prot_shared = shared;
}

bool
dp_iface_ipv4(const struct dp_iface *ifp, uint32_t *addr, uint32_t *mask)
{
	if (!iface_has_v4(ifp))
		return false;
	*addr = ifp->if_addr.a_addr;
	*mask = ifp->if_addr.a_mask;
	return true;
}
