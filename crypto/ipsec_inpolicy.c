/*
 * ipsec_inpolicy: cleartext received on an interface with `crypto map`.
 * A datagram that a protect (permit) entry of the map selects, mirrored
 * for inbound (the peer's side sending to ours: the ACL rule's
 * destination is the packet's source), should have come through ESP.
 * IOS drops it, counts it and says so:
 *
 *   %CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet.
 *   (ip) vrf/dest_addr= /1.1.1.1, src_addr= 2.2.2.2, prot= 1
 *
 * (one line; the text as IOS 12.4/15 routers log it, the vrf name empty
 * for the global table).  ESP, AH and IKE (UDP to 500 or 4500) are
 * IPsec's own and never checked, here nor by the outbound classification
 * (ipsec_own_traffic); what crypto decapsulated comes back through
 * dp_ip_input and the dataplane does not ask.
 *
 * The message is rate-limited per flow (destination, source, protocol:
 * what it names), one per RATE_MS.  Cisco does not document the period;
 * operators see it "about once a minute" for a peer that keeps sending
 * in clear, so a minute it is.  The table is small and direct-mapped: a
 * flood of distinct flows overwrites slots (more messages, never more
 * memory), and every drop is counted whether reported or not.
 *
 * The lookup is the crypto map's entries in sequence order over their
 * ACLs (dp_acl_classify on a mirrored copy of the header); the compiled
 * SPD replaces ipsec_inbound_protected's body, not its signature.
 */
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_msg.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "lib/system.h"

#define IPPROTO_TCP_NUM	6
#define IPPROTO_UDP_NUM	17
#define IPPROTO_ESP_NUM	50
#define IPPROTO_AH_NUM	51
#define IKE_PORT	500
#define NATT_PORT	4500
#define RATE_MS		60000
#define NSLOTS		(sizeof(((struct crypto *)0)->c_notipsec) / \
			    sizeof(((struct crypto *)0)->c_notipsec[0]))
/* The header and the first bytes of the transport header the ACL reads
 * (ports, TCP flags, ICMP type and code). */
#define MIRROR_MAX	(60 + 20)

/* IP as the peer's side would have sent it from ours: addresses and, for
 * TCP and UDP, ports swapped.  Returns the bytes written to M. */
static size_t
mirror(const uint8_t *ip, size_t len, uint8_t *m)
{
	size_t	hl = (size_t)(ip[0] & 15) * 4, n = len < MIRROR_MAX ? len :
		    MIRROR_MAX;
	uint8_t	t[4];

	memcpy(m, ip, n);
	memcpy(m + 12, ip + 16, 4);
	memcpy(m + 16, ip + 12, 4);
	if ((ip[9] == IPPROTO_TCP_NUM || ip[9] == IPPROTO_UDP_NUM) &&
	    n >= hl + 4) {
		memcpy(t, m + hl, 2);
		memcpy(m + hl, m + hl + 2, 2);
		memcpy(m + hl + 2, t, 2);
	}
	return n;
}

bool
ipsec_inbound_protected(struct crypto *c, struct dp_iface *ifp,
    const uint8_t *ip, size_t len)
{
	struct dataplane	*dp = c->c_sys->sy_dp;
	const struct cmap	*cm;
	const struct cmap_entry	*ce;
	struct dp_acl		*acl;
	uint8_t			 m[MIRROR_MAX];
	size_t			 i, n;
	bool			 permit;

	if (len < 20 || (size_t)(ip[0] & 15) * 4 > len ||
	    (cm = crypto_map_find(c, dp_iface_crypto_map(ifp))) == NULL)
		return false;
	n = mirror(ip, len, m);
	/* As outbound: the first entry whose ACL permits decides, a deny
	 * moves on to the next entry.  Entries IOS would not use (no
	 * peer, no ACL) and dynamic ones (their selectors come from the
	 * peer) select nothing. */
	for (i = 0; i < cm->cm_n; i++) {
		ce = cm->cm_entries[i];
		if (ce->ce_dynamic != NULL || ce->ce_acl == NULL ||
		    ce->ce_npeers == 0 ||
		    (acl = dp_acl_find(dp, ce->ce_acl)) == NULL)
			continue;
		if (dp_acl_classify(acl, m, n, &permit) >= 0 && permit)
			return true;
	}
	return false;
}

bool
ipsec_own_traffic(const uint8_t *ip, size_t len)
{
	size_t		hl;
	uint16_t	dport;

	if (len < 20)
		return false;
	hl = (size_t)(ip[0] & 15) * 4;
	if (ip[9] == IPPROTO_ESP_NUM || ip[9] == IPPROTO_AH_NUM)
		return true;
	if (ip[9] != IPPROTO_UDP_NUM || len < hl + 4 ||
	    (get16(ip + 6) & 0x1fff) != 0)
		return false;
	dport = get16(ip + hl + 2);
	return dport == IKE_PORT || dport == NATT_PORT;
}

/* Whether this flow's message is due (and if so, remember it). */
static bool
report_due(struct crypto *c, uint32_t src, uint32_t dst, uint8_t proto)
{
	struct ipsec_notipsec	*nl;
	uint64_t		 now = clock_mono_ms();
	uint32_t		 h;

	h = (src * 2654435761u) ^ (dst * 40503u) ^ proto;
	nl = &c->c_notipsec[(h ^ h >> 16) % NSLOTS];
	if (nl->nl_used && nl->nl_src == src && nl->nl_dst == dst &&
	    nl->nl_proto == proto && now - nl->nl_ms < RATE_MS)
		return false;
	nl->nl_used = true;
	nl->nl_src = src;
	nl->nl_dst = dst;
	nl->nl_proto = proto;
	nl->nl_ms = now;
	return true;
}

enum dp_crypto_verdict
ipsec_inbound(void *arg, struct dp_iface *in, const uint8_t *ip, size_t len)
{
	struct crypto	*c = arg;
	uint32_t	 src, dst;
	char		 s[16], d[16];

	if (ipsec_own_traffic(ip, len) ||
	    !ipsec_inbound_protected(c, in, ip, len))
		return DP_CRYPTO_PASS;
	c->c_clear_drops++;
	src = get32(ip + 12);
	dst = get32(ip + 16);
	if (report_due(c, src, dst, ip[9])) {
		ip4_text(dst, d);
		ip4_text(src, s);
		sys_log(c->c_sys, "CRYPTO", 4, "RECVD_PKT_NOT_IPSEC", "Rec'd "
		    "packet not an IPSEC packet. (ip) vrf/dest_addr= /%s, "
		    "src_addr= %s, prot= %u", d, s, ip[9]);
	}
	return DP_CRYPTO_DROP;
}
