/*
 * show: `show ip interface brief`, `show ip interface [NAME]` and
 * `show interfaces [NAME]` in IOS's formats.  The counters are the
 * attachment's (dp_int.h), counted by the forwarder; the 5-minute rates
 * stay 0 (no load computation).
 */
#include <stdio.h>
#include <string.h>

#include "lib/clock.h"

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/wire.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"

static const char *
status_text(const struct dp_iface *ifp)
{
	return iface_up(ifp) ? "up" : "administratively down";
}

static const char *
proto_text(const struct dp_iface *ifp)
{
	return iface_proto_up(ifp) ? "up" : "down";
}

/*
 * `show protocols`: IP routing's global state, then each interface's
 * status and primary IPv4 address, as IOS lists them.
 */
int
dp_show_protocols_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct dp_iface	*ifp;
	char			 a[16];
	size_t			 i;

	(void)m;
	tunnel_sync(dp);
	vty_out(vty, "Global values:\n"
	    "  Internet Protocol routing is enabled\n");
	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		vty_out(vty, "%s is %s, line protocol is %s\n", ifp->if_name,
		    status_text(ifp), proto_text(ifp));
		if (iface_has_v4(ifp))
			vty_out(vty, "  Internet address is %s/%u\n",
			    ip4_text(ifp->if_addr.a_addr, a),
			    ip4_masklen(ifp->if_addr.a_mask));
	}
	return CMD_SUCCESS;
}

/*
 * `show interfaces description`: one row per interface, short name,
 * status ("admin down" for a shut interface), protocol and description,
 * in the columns a 15.x router prints (the protocol column padded even
 * when no description follows, as IOS pads it).
 */
int
dp_show_interfaces_description_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct dp_iface	*ifp;
	char			 name[IF_NAMELEN];
	size_t			 i;

	(void)m;
	tunnel_sync(dp);
	vty_out(vty, "Interface                      Status         Protocol "
	    "Description\n");
	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		ifname_short(ifp, name, sizeof(name));
		vty_out(vty, "%-30s %-14s %-8s %s\n", name,
		    iface_up(ifp) ? "up" : "admin down", proto_text(ifp),
		    ifp->if_descr != NULL ? ifp->if_descr : "");
	}
	return CMD_SUCCESS;
}

int
dp_show_ip_interface_brief_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct dp_iface	*ifp;
	char			 a[16];
	const char		*method;
	size_t			 i;

	(void)m;
	tunnel_sync((struct dataplane *)dp);	/* tunnels' protocols now */
	vty_out(vty, "%-26s %-15s %-3s %-6s %-21s %s\n", "Interface",
	    "IP-Address", "OK?", "Method", "Status", "Protocol");
	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		switch (ifp->if_addr_kind) {
		case IFA_STATIC:
			ip4_text(ifp->if_addr.a_addr, a);
			method = "manual";
			break;
		case IFA_DHCP:
			if (iface_has_v4(ifp))
				ip4_text(ifp->if_addr.a_addr, a);
			else
				strcpy(a, "unassigned");
			method = "DHCP";
			break;
		default:
			strcpy(a, "unassigned");
			method = "unset";
			break;
		}
		vty_out(vty, "%-26s %-15s %-3s %-6s %-21s %s\n", ifp->if_name, a,
		    "YES", method, status_text(ifp), proto_text(ifp));
	}
	return CMD_SUCCESS;
}

struct dp_iface *
dp_iface_named(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct dp_iface		*ifp;
	char			 canon[IF_NAMELEN];
	struct if_id		 id;
	const char		*type = cmd_arg(m, "type");

	if (type != NULL) {
		if (!ifname_parse(type, cmd_arg(m, "num"), &id)) {
			vty_invalid(vty, cmd_arg_off(m, "num"));
			return NULL;
		}
	} else if (!ifname_arg(vty, m, "name", canon, sizeof(canon)) ||
	    !ifname_parse(canon, NULL, &id))
		return NULL;
	/* IOS's parser knows the interfaces: one that does not exist is
	 * invalid input, like a misspelt word. */
	if ((ifp = iface_get(dp, &id, false)) == NULL)
		vty_invalid(vty, cmd_arg_off(m, type != NULL ? "num" : "name"));
	return ifp;
}

static bool
one_named(const struct cmd_args *m)
{
	return cmd_arg(m, "type") != NULL || cmd_arg(m, "name") != NULL;
}

static void
ip_interface(const struct dp_iface *ifp, struct strbuf *sb)
{
	char	a[16], b[16];
	size_t	i;

	strbuf_printf(sb, "%s is %s, line protocol is %s\n", ifp->if_name,
	    status_text(ifp), proto_text(ifp));
	if (ifp->if_addr_kind == IFA_NONE) {
		strbuf_puts(sb, "  Internet protocol processing disabled\n");
		return;
	}
	if (iface_has_v4(ifp)) {
		ip4_text(ifp->if_addr.a_addr, a);
		strbuf_printf(sb, "  Internet address is %s/%u\n", a,
		    ip4_masklen(ifp->if_addr.a_mask));
	} else
		strbuf_puts(sb, "  Internet address will be negotiated "
		    "using DHCP\n");
	strbuf_puts(sb, "  Broadcast address is 255.255.255.255\n");
	strbuf_printf(sb, "  Address determined by %s\n",
	    ifp->if_addr_kind == IFA_DHCP ? "DHCP" : "setup command");
	strbuf_printf(sb, "  MTU is %u bytes\n", iface_mtu(ifp));
	strbuf_puts(sb, "  Helper address is not set\n");
	strbuf_puts(sb, "  Directed broadcast forwarding is disabled\n");
	for (i = 0; i < ifp->if_nsec; i++) {
		ip4_text(ifp->if_sec[i].a_addr, b);
		strbuf_printf(sb, "  Secondary address %s/%u\n", b,
		    ip4_masklen(ifp->if_sec[i].a_mask));
	}
	strbuf_printf(sb, "  Outgoing access list is %s\n",
	    ifp->if_acl_out != NULL ? ifp->if_acl_out : "not set");
	strbuf_printf(sb, "  Inbound  access list is %s\n",
	    ifp->if_acl_in != NULL ? ifp->if_acl_in : "not set");
	strbuf_puts(sb, "  Proxy ARP is enabled\n");
	strbuf_puts(sb, "  Local Proxy ARP is disabled\n");
	strbuf_puts(sb, "  Security level is default\n");
	strbuf_puts(sb, "  Split horizon is enabled\n");
	strbuf_printf(sb, "  ICMP redirects are %s sent\n",
	    ifp->if_no_redirects ? "never" : "always");
	strbuf_puts(sb, "  ICMP unreachables are always sent\n");
	strbuf_puts(sb, "  ICMP mask replies are never sent\n");
	strbuf_printf(sb, "  IP fast switching is enabled\n");
	strbuf_printf(sb, "  IP multicast fast switching is %s\n",
	    ifp->if_no_mroute_cache ? "disabled" : "enabled");
	strbuf_printf(sb, "  Network address translation is %s%s\n",
	    ifp->if_nat == NAT_NONE ? "disabled" : "enabled, interface in "
	    "domain ", ifp->if_nat == NAT_INSIDE ? "inside" :
	    ifp->if_nat == NAT_OUTSIDE ? "outside" : "");
}

int
dp_show_ip_interface_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct dp_iface	*ifp;
	size_t			 i;

	if (one_named(m)) {
		if ((ifp = dp_iface_named(vty, m)) == NULL)
			return CMD_WARNING;
		ip_interface(ifp, &vty->v_out);
		return CMD_SUCCESS;
	}
	for (i = 0; i < dp->d_nifs; i++)
		ip_interface(dp->d_ifs[i], &vty->v_out);
	return CMD_SUCCESS;
}

static const char *
hardware(const struct dp_iface *ifp)
{
	switch (ifp->if_id.id_type) {
	case IFT_LOOPBACK:
		return "Loopback";
	case IFT_TUNNEL:
		return "Tunnel";
	case IFT_PORT_CHANNEL:
		return "EtherChannel";
	case IFT_ETHERNET:
		return "AmdP2";
	case IFT_FASTETHERNET:
		return "Gt96k FE";
	case IFT_GIGABITETHERNET:
		return "iGbE";
	case IFT_SERIAL:
		return "M4T";
	case IFT_ATM:
		return "ATM";
	/* The stored-only types, as IOS 15 names their hardware
	 * (unconfirmed). */
	case IFT_TENGIGABITETHERNET:
		return "BUILT-IN-2T+6X1GE";
	case IFT_VLAN:
		return "EtherSVI";
	case IFT_BVI:
		return "BVI";
	case IFT_MULTILINK:
		return "multilink group interface";
	case IFT_VIRTUAL_TEMPLATE:
		return "Virtual Template interface";
	case IFT_EMBEDDED_SE:
		return "PSE2";
	default:
		return "Unknown";
	}
}

static const char *
encapsulation(const struct dp_iface *ifp)
{
	switch (ifp->if_id.id_type) {
	case IFT_LOOPBACK:
		return "LOOPBACK";
	case IFT_TUNNEL:
		return "TUNNEL";
	case IFT_SERIAL:
		return ifp->if_encap == ENCAP_PPP ? "PPP" :
		    ifp->if_encap == ENCAP_FRAME_RELAY ? "FRAME-RELAY" :
		    "HDLC";
	case IFT_ATM:
		return "ATM";
	default:
		return "ARPA";
	}
}

/* "00:00:03" since WHEN, or "never" if nothing passed (N == 0). */
static void
since(uint64_t n, uint64_t when, char *buf, size_t len)
{
	uint64_t	s;

	if (n == 0) {
		snprintf(buf, len, "never");
		return;
	}
	s = (clock_mono_ms() - when) / 1000;
	snprintf(buf, len, "%02llu:%02llu:%02llu",
	    (unsigned long long)(s / 3600), (unsigned long long)(s / 60 % 60),
	    (unsigned long long)(s % 60));
}

static void
interface_long(const struct dp_iface *ifp, struct strbuf *sb)
{
	const struct if_attach	*at = &ifp->if_attach;
	const uint8_t		*mac = at->at_mac;
	struct wire_stats	 ws;
	char			 a[16], in[32], out[32];

	/* What the medium lost before the router saw it (pcap: the
	 * kernel's ring) is the hardware's part of the input errors. */
	memset(&ws, 0, sizeof(ws));
	if (at->at_wire != NULL) {
		wire_stats_refresh(at->at_wire);
		ws = *wire_stats(at->at_wire);
	}

	strbuf_printf(sb, "%s is %s, line protocol is %s \n", ifp->if_name,
	    status_text(ifp), proto_text(ifp));
	if (link_ethernet(ifp))
		strbuf_printf(sb, "  Hardware is %s, address is "
		    "%02x%02x.%02x%02x.%02x%02x (bia %02x%02x.%02x%02x.%02x%02x)"
		    "\n", hardware(ifp), mac[0], mac[1], mac[2], mac[3], mac[4],
		    mac[5], mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	else
		strbuf_printf(sb, "  Hardware is %s\n", hardware(ifp));
	if (ifp->if_descr != NULL)
		strbuf_printf(sb, "  Description: %s\n", ifp->if_descr);
	if (iface_has_v4(ifp)) {
		ip4_text(ifp->if_addr.a_addr, a);
		strbuf_printf(sb, "  Internet address is %s/%u\n", a,
		    ip4_masklen(ifp->if_addr.a_mask));
	}
	strbuf_printf(sb, "  MTU %u bytes, BW %u Kbit/sec, DLY %u usec, \n",
	    iface_mtu(ifp), iface_bandwidth(ifp),
	    ifp->if_id.id_type == IFT_LOOPBACK ? 5000 :
	    ifp->if_id.id_type == IFT_SERIAL ? 20000 :
	    ifp->if_id.id_type == IFT_TUNNEL ? 50000 : 100);
	strbuf_puts(sb, "     reliability 255/255, txload 1/255, "
	    "rxload 1/255\n");
	strbuf_printf(sb, "  Encapsulation %s, loopback not set\n",
	    encapsulation(ifp));
	/* GRE keepalives are off unless configured (not yet sent). */
	if (ifp->if_no_keepalive || ifp->if_id.id_type == IFT_TUNNEL)
		strbuf_puts(sb, "  Keepalive not set\n");
	else
		strbuf_printf(sb, "  Keepalive set (%u sec)\n",
		    ifp->if_keepalive);
	tunnel_show(ifp, sb);
	if (link_ethernet(ifp))
		strbuf_puts(sb, "  ARP type: ARPA, ARP Timeout 04:00:00\n");
	since(at->at_ipkts, at->at_last_in, in, sizeof(in));
	since(at->at_opkts, at->at_last_out, out, sizeof(out));
	strbuf_printf(sb, "  Last input %s, output %s, output hang never\n",
	    in, out);
	strbuf_puts(sb, "  Last clearing of \"show interface\" counters "
	    "never\n");
	strbuf_printf(sb, "  Input queue: 0/75/%llu/0 (size/max/drops/flushes); "
	    "Total output drops: %llu\n", (unsigned long long)at->at_idrops,
	    (unsigned long long)at->at_odrops);
	strbuf_puts(sb, "  Queueing strategy: fifo\n");
	strbuf_printf(sb, "  Output queue: 0/%u (size/max)\n",
	    ifp->if_id.id_type == IFT_TUNNEL ? 0 : 40);
	strbuf_puts(sb, "  5 minute input rate 0 bits/sec, 0 packets/sec\n");
	strbuf_puts(sb, "  5 minute output rate 0 bits/sec, 0 packets/sec\n");
	strbuf_printf(sb, "     %llu packets input, %llu bytes, 0 no buffer\n",
	    (unsigned long long)at->at_ipkts,
	    (unsigned long long)at->at_ibytes);
	strbuf_printf(sb, "     Received %llu broadcasts, 0 runts, %llu giants, "
	    "0 throttles\n", (unsigned long long)at->at_ibcast,
	    (unsigned long long)ws.ws_in_drops);
	/* As IOS, input errors include giants, overruns and ignored. */
	strbuf_printf(sb, "     %llu input errors, 0 CRC, 0 frame, %llu overrun, "
	    "%llu ignored, 0 abort\n", (unsigned long long)(at->at_ierrors +
	    ws.ws_in_drops + ws.ws_in_overruns + ws.ws_in_ignored),
	    (unsigned long long)ws.ws_in_overruns,
	    (unsigned long long)ws.ws_in_ignored);
	strbuf_printf(sb, "     %llu packets output, %llu bytes, "
	    "0 underruns\n", (unsigned long long)at->at_opkts,
	    (unsigned long long)at->at_obytes);
	strbuf_puts(sb, "     0 output errors, 0 collisions, 0 interface "
	    "resets\n");
	strbuf_puts(sb, "     0 output buffer failures, 0 output buffers "
	    "swapped out\n");
}

int
dp_show_interfaces_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct dp_iface	*ifp;
	size_t			 i;

	tunnel_sync((struct dataplane *)dp);	/* tunnels' protocols now */
	if (one_named(m)) {
		if ((ifp = dp_iface_named(vty, m)) == NULL)
			return CMD_WARNING;
		interface_long(ifp, &vty->v_out);
		return CMD_SUCCESS;
	}
	for (i = 0; i < dp->d_nifs; i++)
		interface_long(dp->d_ifs[i], &vty->v_out);
	return CMD_SUCCESS;
}
