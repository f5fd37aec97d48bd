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
 * The lookup is the interface's compiled policy (ipsec_spd.c) asked
 * the mirrored question: entries in sequence order, a deny moving on to
 * the next entry, as outbound.
 */
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ipsec_spd.h"
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
bool
ipsec_inbound_protected(struct crypto *c, struct dp_iface *ifp,
    const uint8_t *ip, size_t len)
{
	/* The interface's compiled policy, mirrored: nothing by name. */
	return ipsec_spd_match_in(c, ifp, ip, len, NULL) != NULL;
}

bool
ipsec_own_traffic(const uint8_t *ip, size_t len)
{
	size_t		hl;
	uint16_t	sport, dport;

	if (len < 20)
		return false;
	hl = (size_t)(ip[0] & 15) * 4;
	if (ip[9] == IPPROTO_ESP_NUM || ip[9] == IPPROTO_AH_NUM)
		return true;
	if (ip[9] != IPPROTO_UDP_NUM || len < hl + 4 ||
	    (get16(ip + 6) & 0x1fff) != 0)
		return false;
	/* Either port: behind a PAT the peer's IKE is on another port
	 * (12.1.1.1:1, :1024), ours stays 500 or 4500. */
	sport = get16(ip + hl);
	dport = get16(ip + hl + 2);
	return dport == IKE_PORT || dport == NATT_PORT ||
	    sport == IKE_PORT || sport == NATT_PORT;
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
