/*
 * dhcp_client: `ip address dhcp` on an Ethernet-type interface (RFC 2131
 * §4.4): DISCOVER, the first OFFER taken, REQUEST, ACK binds the address
 * (and a default route of distance 254 to the offer's router, as IOS
 * installs it); at T1 the lease is renewed by a REQUEST unicast to its
 * server, at T2 rebound by broadcast, at its end given up and sought
 * again.  RELEASE on `no ip address dhcp`, another address or shutdown.
 * Everything runs from the router's event loop (frozen clock in tests).
 *
 * Retransmission: RFC 2131 §4.1's doubling from 4 s, capped at 64 s and
 * without the random second (tests are deterministic), so a client that
 * no server answers keeps asking once a minute, bounded; a REQUEST left
 * unanswered DHCP_REQ_TRIES times starts over with DISCOVER.  While
 * renewing or rebinding, half the time left to T2 (or to the lease's
 * end), at least 60 s.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dhcp_msg.h"
#include "dataplane/dp_int.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/system.h"

#define DHCP_BACKOFF_MIN_MS	4000
#define DHCP_BACKOFF_MAX_MS	64000
#define DHCP_REQ_TRIES		4
#define DHCP_RENEW_MIN_MS	60000

/* IOS's numbering of the states `show dhcp lease` prints. */
enum dhcpc_state {
	DC_INIT = 1, DC_SELECTING = 2, DC_REQUESTING = 3, DC_BOUND = 5,
	DC_RENEWING = 6, DC_REBINDING = 7
};

struct dhcpc {
	struct dp_iface		*c_ifp;
	enum dhcpc_state	 c_state;
	uint32_t		 c_xid;
	struct ev_timer		*c_timer;
	uint64_t		 c_fire_ms;	/* when c_timer fires (mono) */
	unsigned		 c_tries;	/* this state's sends */
	uint32_t		 c_offer, c_server;	/* offered / leased */
	uint32_t		 c_addr, c_mask, c_router;
	uint32_t		 c_lease, c_t1, c_t2;	/* seconds */
	uint64_t		 c_bound_ms;	/* ACK received (mono) */
	uint8_t			 c_id[DHCP_MAX_ID];	/* client identifier */
	size_t			 c_idlen;
};

static void	dhcpc_timer(void *);

static struct evloop *
loop(const struct dhcpc *c)
{
	return c->c_ifp->if_dp->d_sys->sy_loop;
}

static void
arm(struct dhcpc *c, uint64_t ms)
{
	if (c->c_timer != NULL)
		evloop_timer_cancel(loop(c), c->c_timer);
	c->c_fire_ms = clock_mono_ms() + ms;
	c->c_timer = evloop_timer_add(loop(c), ms, dhcpc_timer, c);
}

/* IOS's client identifier: "cisco-" MAC "-" short interface name, after
 * a 0 type byte (seen as 0063.6973.636f.2d... in a server's bindings). */
static void
client_id(struct dhcpc *c)
{
	const struct dp_iface	*ifp = c->c_ifp;
	const uint8_t		*m = ifp->if_attach.at_mac;
	const char		*num = ifp->if_name;
	char			 s[DHCP_MAX_ID];
	int			 n;

	while (*num != '\0' && (*num < '0' || *num > '9'))
		num++;
	n = snprintf(s, sizeof(s), "cisco-%02x%02x.%02x%02x.%02x%02x-%.2s%s",
	    m[0], m[1], m[2], m[3], m[4], m[5], ifp->if_name, num);
	if (n < 0 || (size_t)n >= sizeof(s) - 1)
		n = (int)sizeof(s) - 2;
	c->c_id[0] = 0;
	memcpy(c->c_id + 1, s, (size_t)n);
	c->c_idlen = (size_t)n + 1;
}

static void
msg_init(const struct dhcpc *c, struct dhcp_msg *m, uint8_t type)
{
	const struct system	*sys = c->c_ifp->if_dp->d_sys;

	memset(m, 0, sizeof(*m));
	m->dm_op = BOOTREQUEST;
	m->dm_htype = 1;
	m->dm_hlen = 6;
	m->dm_xid = c->c_xid;
	m->dm_type = type;
	/* IOS asks for broadcast replies: it cannot take a unicast before
	 * it has the address. */
	m->dm_flags = DHCP_FLAG_BROADCAST;
	memcpy(m->dm_chaddr, c->c_ifp->if_attach.at_mac, 6);
	memcpy(m->dm_client_id, c->c_id, c->c_idlen);
	m->dm_client_id_len = c->c_idlen;
	m->dm_has = DHO_CLIENT_ID;
	if (sys->sy_hostname != NULL && type != DHCPRELEASE) {
		snprintf(m->dm_hostname, sizeof(m->dm_hostname), "%s",
		    sys->sy_hostname);
		m->dm_has |= DHO_HOSTNAME;
	}
	if (type == DHCPDISCOVER || type == DHCPREQUEST)
		m->dm_has |= DHO_PARAMS;
}

/* Broadcast from SRC (0.0.0.0 before the lease) out of the interface,
 * or unicast to the server through the routing table. */
static void
send_msg(struct dhcpc *c, const struct dhcp_msg *m, uint32_t src,
    uint32_t unicast)
{
	uint8_t	buf[DHCP_MAX_LEN];
	size_t	len = dhcp_build(m, buf);

	if (unicast != 0)
		(void)dp_udp_send(c->c_ifp->if_dp, src, DHCP_CLIENT_PORT,
		    unicast, DHCP_SERVER_PORT, buf, len);
	else
		(void)udp_send_iface(c->c_ifp, src, DHCP_CLIENT_PORT,
		    0xffffffffU, DHCP_SERVER_PORT, 0xffffffffU, buf, len);
}

static uint64_t
backoff(unsigned tries)
{
	uint64_t	ms = DHCP_BACKOFF_MIN_MS;

	while (tries-- > 1 && ms < DHCP_BACKOFF_MAX_MS)
		ms *= 2;
	return ms;
}

static void
discover(struct dhcpc *c)
{
	struct dhcp_msg	m;

	if (c->c_state != DC_SELECTING) {
		c->c_state = DC_SELECTING;
		c->c_tries = 0;
		c->c_xid = c->c_xid * 1103515245U + 12345U;
	}
	c->c_tries++;
	msg_init(c, &m, DHCPDISCOVER);
	send_msg(c, &m, 0, 0);
	arm(c, backoff(c->c_tries));
}

static void
request(struct dhcpc *c)
{
	struct dhcp_msg	m;

	c->c_tries++;
	msg_init(c, &m, DHCPREQUEST);
	switch (c->c_state) {
	case DC_REQUESTING:
		m.dm_has |= DHO_SERVER_ID | DHO_REQ_ADDR;
		m.dm_server_id = c->c_server;
		m.dm_req_addr = c->c_offer;
		send_msg(c, &m, 0, 0);
		arm(c, backoff(c->c_tries));
		return;
	case DC_RENEWING:
	case DC_REBINDING:
		m.dm_flags = 0;
		m.dm_ciaddr = c->c_addr;
		send_msg(c, &m, c->c_addr, c->c_state == DC_RENEWING ?
		    c->c_server : 0);
		break;
	default:
		return;
	}
}

/* The next renewal/rebinding send or state change. */
static void
arm_renewal(struct dhcpc *c)
{
	uint64_t	now = clock_mono_ms(), t2, end, until, wait;

	t2 = c->c_bound_ms + (uint64_t)c->c_t2 * 1000;
	end = c->c_bound_ms + (uint64_t)c->c_lease * 1000;
	until = c->c_state == DC_RENEWING ? t2 : end;
	wait = until > now ? (until - now) / 2 : 0;
	if (wait < DHCP_RENEW_MIN_MS)
		wait = until > now ? until - now : 0;
	if (until > now && wait < DHCP_RENEW_MIN_MS && until - now >
	    DHCP_RENEW_MIN_MS)
		wait = DHCP_RENEW_MIN_MS;
	arm(c, wait);
}

/* Lose the address (and its route); SEND_RELEASE tells the server. */
static void
unbind(struct dhcpc *c, bool send_release)
{
	struct dhcp_msg	m;

	if (c->c_addr == 0)
		return;
	if (send_release) {
		msg_init(c, &m, DHCPRELEASE);
		m.dm_flags = 0;
		m.dm_ciaddr = c->c_addr;
		m.dm_has |= DHO_SERVER_ID;
		m.dm_server_id = c->c_server;
		send_msg(c, &m, c->c_addr, c->c_server);
	}
	if (c->c_router != 0)
		route_dhcp_default(c->c_ifp->if_dp, 0);
	iface_set_dhcp_addr(c->c_ifp, 0, 0);
	c->c_addr = c->c_mask = c->c_router = 0;
	c->c_lease = c->c_t1 = c->c_t2 = 0;
}

static void
dhcpc_timer(void *arg)
{
	struct dhcpc	*c = arg;
	uint64_t	 now = clock_mono_ms();

	c->c_timer = NULL;
	switch (c->c_state) {
	case DC_INIT:
	case DC_SELECTING:
		discover(c);
		return;
	case DC_REQUESTING:
		if (c->c_tries >= DHCP_REQ_TRIES) {
			c->c_state = DC_INIT;
			discover(c);
			return;
		}
		request(c);
		return;
	case DC_BOUND:
	case DC_RENEWING:
	case DC_REBINDING:
		break;
	}
	if (now >= c->c_bound_ms + (uint64_t)c->c_lease * 1000) {
		unbind(c, false);
		c->c_state = DC_INIT;
		discover(c);
		return;
	}
	if (now >= c->c_bound_ms + (uint64_t)c->c_t2 * 1000) {
		if (c->c_state != DC_REBINDING)
			c->c_tries = 0;
		c->c_state = DC_REBINDING;
	} else if (c->c_state == DC_BOUND) {
		c->c_state = DC_RENEWING;
		c->c_tries = 0;
	}
	request(c);
	arm_renewal(c);
}

static void
bind_lease(struct dhcpc *c, const struct dhcp_msg *m)
{
	struct system	*sys = c->c_ifp->if_dp->d_sys;
	char		 a[16], k[16];
	uint8_t		 mac[6];
	bool		 fresh = c->c_addr != m->dm_yiaddr;
	uint32_t	 mask;

	mask = (m->dm_has & DHO_MASK) && ip4_mask_ok(m->dm_mask) ?
	    m->dm_mask : 0xffffff00U;
	if (fresh) {
		unbind(c, false);
		iface_set_dhcp_addr(c->c_ifp, m->dm_yiaddr, mask);
	}
	c->c_addr = m->dm_yiaddr;
	c->c_mask = mask;
	if (m->dm_has & DHO_SERVER_ID)
		c->c_server = m->dm_server_id;
	c->c_lease = (m->dm_has & DHO_LEASE) ? m->dm_lease : 86400;
	if (c->c_lease == 0xffffffffU)
		c->c_lease = 0x7fffffffU / 1000;	/* infinite: ~24 days */
	c->c_t1 = (m->dm_has & DHO_T1) && m->dm_t1 < c->c_lease ?
	    m->dm_t1 : c->c_lease / 2;
	c->c_t2 = (m->dm_has & DHO_T2) && m->dm_t2 < c->c_lease &&
	    m->dm_t2 > c->c_t1 ? m->dm_t2 : c->c_lease / 8 * 7;
	if (c->c_router != ((m->dm_has & DHO_ROUTER) ? m->dm_router : 0)) {
		c->c_router = (m->dm_has & DHO_ROUTER) ? m->dm_router : 0;
		route_dhcp_default(c->c_ifp->if_dp, c->c_router);
	}
	c->c_bound_ms = clock_mono_ms();
	c->c_state = DC_BOUND;
	c->c_tries = 0;
	arm(c, (uint64_t)c->c_t1 * 1000);
	if (fresh) {
		/* Ask for the server's MAC now: the renewal and the release
		 * are unicast to it and would wait for ARP otherwise. */
		(void)arp_resolve(c->c_ifp, c->c_server, mac);
		ip4_text(c->c_addr, a);
		ip4_text(c->c_mask, k);
		sys_log(sys, "DHCP", 6, "ADDRESS_ASSIGN", "Interface %s "
		    "assigned DHCP address %s, mask %s, hostname %s",
		    c->c_ifp->if_name, a, k, sys->sy_hostname != NULL ?
		    sys->sy_hostname : "Router");
	}
}

static void
client_input(void *arg, const struct dp_udp_meta *um, const uint8_t *p,
    size_t len)
{
	struct dataplane	*dp = arg;
	struct dhcpc		*c;
	struct dhcp_msg		 m;

	if (um->um_sport != DHCP_SERVER_PORT || um->um_ifp == NULL ||
	    (c = um->um_ifp->if_dhcpc) == NULL)
		return;
	(void)dp;
	if (!dhcp_parse(p, len, &m) || m.dm_op != BOOTREPLY ||
	    m.dm_xid != c->c_xid || m.dm_hlen != 6 ||
	    memcmp(m.dm_chaddr, c->c_ifp->if_attach.at_mac, 6) != 0)
		return;
	switch (m.dm_type) {
	case DHCPOFFER:
		if (c->c_state != DC_SELECTING || m.dm_yiaddr == 0 ||
		    !(m.dm_has & DHO_SERVER_ID))
			return;
		c->c_offer = m.dm_yiaddr;
		c->c_server = m.dm_server_id;
		c->c_state = DC_REQUESTING;
		c->c_tries = 0;
		request(c);
		return;
	case DHCPACK:
		if (c->c_state != DC_REQUESTING && c->c_state != DC_RENEWING &&
		    c->c_state != DC_REBINDING)
			return;
		if (m.dm_yiaddr == 0 || (m.dm_yiaddr >> 24) == 127 ||
		    m.dm_yiaddr >= 0xe0000000U)
			return;
		bind_lease(c, &m);
		return;
	case DHCPNAK:
		if (c->c_state != DC_REQUESTING && c->c_state != DC_RENEWING &&
		    c->c_state != DC_REBINDING)
			return;
		unbind(c, false);
		c->c_state = DC_INIT;
		discover(c);
		return;
	default:
		return;
	}
}

/* Both ports at once, on first use: a client's and a pool's packets
 * share nothing but the dataplane. */
void
dhcp_udp_bind(struct dataplane *dp)
{
	if (dp->d_dhcp_bound)
		return;
	(void)dp_udp_bind(dp, DHCP_CLIENT_PORT, client_input, dp);
	(void)dp_udp_bind(dp, DHCP_SERVER_PORT, dhcps_udp_input, dp);
	dp->d_dhcp_bound = true;
}

void
dhcpc_start(struct dp_iface *ifp)
{
	struct dataplane	*dp = ifp->if_dp;
	struct dhcpc		*c;
	const uint8_t		*mac = ifp->if_attach.at_mac;

	if (ifp->if_dhcpc != NULL || ifp->if_addr_kind != IFA_DHCP ||
	    !iface_up(ifp) || !link_ethernet(ifp))
		return;
	dhcp_udp_bind(dp);
	c = xcalloc(1, sizeof(*c));
	c->c_ifp = ifp;
	c->c_state = DC_INIT;
	/* A transaction id from the MAC: deterministic, different per
	 * interface and router. */
	c->c_xid = get32(mac + 2) ^ ((uint32_t)mac[0] << 24) ^
	    (uint32_t)ifp->if_idx;
	client_id(c);
	ifp->if_dhcpc = c;
	discover(c);
}

void
dhcpc_stop(struct dp_iface *ifp, bool release)
{
	struct dhcpc	*c = ifp->if_dhcpc;

	if (c == NULL)
		return;
	if (c->c_timer != NULL)
		evloop_timer_cancel(loop(c), c->c_timer);
	if (release)
		unbind(c, true);
	else if (c->c_addr != 0) {
		if (c->c_router != 0)
			route_dhcp_default(ifp->if_dp, 0);
		iface_set_dhcp_addr(ifp, 0, 0);
	}
	ifp->if_dhcpc = NULL;
	free(c);
}

/* `show dhcp lease`, IOS's layout. */
static void
lease_show(const struct dhcpc *c, struct strbuf *sb)
{
	static const char *const names[] = { "", "Init", "Selecting",
	    "Requesting", "", "Bound", "Renewing", "Rebinding" };
	char		a[16], b[16];
	uint64_t	now = clock_mono_ms(), left;
	size_t		i, j;

	ip4_text(c->c_addr, a);
	strbuf_printf(sb, "Temp IP addr: %s  for peer on Interface: %s\n", a,
	    c->c_ifp->if_name);
	ip4_text(c->c_mask, a);
	strbuf_printf(sb, "Temp  sub net mask: %s\n", a);
	ip4_text(c->c_server, a);
	strbuf_printf(sb, "   DHCP Lease server: %s, state: %u %s\n", a,
	    (unsigned)c->c_state, names[c->c_state]);
	strbuf_printf(sb, "   DHCP transaction id: %X\n", c->c_xid);
	strbuf_printf(sb, "   Lease: %u secs,  Renewal: %u secs,  Rebind: %u "
	    "secs\n", c->c_lease, c->c_t1, c->c_t2);
	ip4_text(c->c_router, b);
	strbuf_printf(sb, "Temp default-gateway addr: %s\n", b);
	left = c->c_timer != NULL && c->c_fire_ms > now ?
	    (c->c_fire_ms - now + 999) / 1000 : 0;
	strbuf_printf(sb, "   Next timer fires after: %02u:%02u:%02u\n",
	    (unsigned)(left / 3600), (unsigned)(left / 60 % 60),
	    (unsigned)(left % 60));
	strbuf_printf(sb, "   Retry count: %u   Client-ID: %.*s\n", c->c_tries,
	    (int)(c->c_idlen - 1), (const char *)c->c_id + 1);
	strbuf_puts(sb, "   Client-ID hex dump: ");
	for (i = 1, j = 0; i < c->c_idlen; i++, j++) {
		if (j == 16) {
			strbuf_printf(sb, "\n%*s", 23, "");
			j = 0;
		}
		strbuf_printf(sb, "%02X", c->c_id[i]);
	}
	strbuf_putc(sb, '\n');
	strbuf_printf(sb, "   Hostname: %s\n",
	    c->c_ifp->if_dp->d_sys->sy_hostname != NULL ?
	    c->c_ifp->if_dp->d_sys->sy_hostname : "Router");
}

void
dhcpc_show(const struct dataplane *dp, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < dp->d_nifs; i++)
		if (dp->d_ifs[i]->if_dhcpc != NULL)
			lease_show(dp->d_ifs[i]->if_dhcpc, sb);
}
