/*
 * iface_cmd: the config-if commands of interfaces (address, shutdown,
 * duplex/speed, tunnel ends and mode, encapsulation, the inert lines)
 * and each interface's lines of the running configuration in IOS's
 * order.  The interface table itself is iface.c's.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/nvgen.h"
#include "lib/system.h"
#include "lib/vty.h"

#define NEGATED(m)	(cmd_negated(m))

int
dp_interface_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct dp_iface		*ifp;
	struct if_id		 id;
	const char		*type = cmd_arg(m, "type");
	bool			 ok;

	if (type != NULL)
		ok = ifname_parse(type, cmd_arg(m, "num"), &id);
	else
		ok = ifname_parse(cmd_arg(m, "name"), NULL, &id);
	if (!ok) {
		vty_invalid(vty, cmd_arg_off(m, type != NULL ? "num" : "name"));
		return CMD_WARNING;
	}
	/* `type tunnel`: a Virtual-Template's kind (DVTI, EzVPN). */
	if (cmd_has(m, "vttun") && id.id_type != IFT_VIRTUAL_TEMPLATE) {
		vty_invalid(vty, cmd_arg_off(m, "vt"));
		return CMD_WARNING;
	}
	if (NEGATED(m)) {
		if (!ifname_virtual(id.id_type) && id.id_sub == 0) {
			vty_out(vty, "%% Removal of physical interfaces is "
			    "not permitted\n");
			return CMD_WARNING;
		}
		if ((ifp = iface_get(dp, &id, false)) != NULL)
			iface_delete(dp, ifp);
		return CMD_SUCCESS;
	}
	if (id.id_sub != 0) {
		/* A subinterface of the port, which exists with it. */
		struct if_id	main = id;

		main.id_sub = 0;
		(void)iface_get(dp, &main, true);
	}
	ifp = iface_get(dp, &id, true);
	if (id.id_sub != 0)
		dot1q_mac_sync(dot1q_parent(ifp));
	if (cmd_has(m, "vttun"))
		ifp->if_vt_tunnel = true;
	vty_enter(vty, id.id_sub != 0 ? MODE_CONFIG_SUBIF : MODE_CONFIG_IF,
	    ifp);
	return CMD_SUCCESS;
}

int
if_description_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	xstrset(&ifp->if_descr, NEGATED(m) ? NULL : cmd_arg(m, "LINE"));
	return CMD_SUCCESS;
}

static bool
addr_check(struct vty *vty, struct dp_iface *ifp, uint32_t a, uint32_t mk,
    bool secondary)
{
	struct dp_iface	*other;
	char		 s[16];
	unsigned	 len = ip4_masklen(mk);

	/* The address's text only for a message: an accepted one needs
	 * none. */
	if (!ip4_mask_ok(mk)) {
		vty_out(vty, "Bad mask 0x%X for address %s\n", mk,
		    ip4_text(a, s));
		return false;
	}
	if (len <= 30 && ((a & ~mk) == 0 || (a & ~mk) == ~mk)) {
		vty_out(vty, "Bad mask /%u for address %s\n", len,
		    ip4_text(a, s));
		return false;
	}
	other = subnet_overlap(ifp->if_dp, a, mk, secondary ? NULL : ifp);
	if (other != NULL) {
		ip4_text(a & mk, s);
		vty_out(vty, "%% %s overlaps with %s\n", s, other->if_name);
		return false;
	}
	return true;
}

static int
no_ip_address(struct vty *vty, struct dp_iface *ifp, uint32_t a, uint32_t mk,
    bool secondary)
{
	size_t	i;

	if (secondary) {
		for (i = 0; i < ifp->if_nsec; i++)
			if (ifp->if_sec[i].a_addr == a &&
			    ifp->if_sec[i].a_mask == mk)
				break;
		if (i == ifp->if_nsec)
			return CMD_SUCCESS;
		subnet_del(ifp->if_dp, ifp, a, mk);
		memmove(&ifp->if_sec[i], &ifp->if_sec[i + 1],
		    (ifp->if_nsec - i - 1) * sizeof(*ifp->if_sec));
		ifp->if_nsec--;
		return CMD_SUCCESS;
	}
	if (ifp->if_addr_kind != IFA_STATIC || ifp->if_addr.a_addr != a ||
	    ifp->if_addr.a_mask != mk)
		return CMD_SUCCESS;
	if (ifp->if_nsec > 0) {
		vty_out(vty, "Must delete secondary before deleting primary\n");
		return CMD_WARNING;
	}
	iface_clear_v4(ifp);
	return CMD_SUCCESS;
}

int
if_ip_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	uint32_t	 a, mk;
	bool		 secondary = cmd_has(m, "secondary");

	/* The matcher's values: parsing the words again was a third of
	 * the handler. */
	if (!cmd_arg_ip4(m, "addr", &a) || !cmd_arg_ip4(m, "mask", &mk))
		return CMD_WARNING;
	if (NEGATED(m))
		return no_ip_address(vty, ifp, a, mk, secondary);
	if (secondary) {
		if (ifp->if_addr_kind != IFA_STATIC) {
			vty_out(vty, "%% Primary address must be configured "
			    "before secondary\n");
			return CMD_WARNING;
		}
		if (!addr_check(vty, ifp, a, mk, true))
			return CMD_WARNING;
		ifp->if_sec = realloc(ifp->if_sec, (ifp->if_nsec + 1) *
		    sizeof(*ifp->if_sec));
		if (ifp->if_sec == NULL)
			abort();
		ifp->if_sec[ifp->if_nsec].a_addr = a;
		ifp->if_sec[ifp->if_nsec].a_mask = mk;
		ifp->if_nsec++;
		subnet_add(ifp->if_dp, ifp, a, mk);
		return CMD_SUCCESS;
	}
	if (!addr_check(vty, ifp, a, mk, false))
		return CMD_WARNING;
	if_lines_drop_group(ifp, IFL_ADDR);
	if (ifp->if_addr_kind == IFA_STATIC)
		subnet_del(ifp->if_dp, ifp, ifp->if_addr.a_addr,
		    ifp->if_addr.a_mask);
	else if (ifp->if_addr_kind == IFA_DHCP)
		iface_clear_v4(ifp);
	ifp->if_addr_kind = IFA_STATIC;
	ifp->if_addr.a_addr = a;
	ifp->if_addr.a_mask = mk;
	subnet_add(ifp->if_dp, ifp, a, mk);
	return CMD_SUCCESS;
}

int
if_ip_address_dhcp_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	if (NEGATED(m)) {
		if (ifp->if_addr_kind == IFA_DHCP)
			iface_clear_v4(ifp);
		return CMD_SUCCESS;
	}
	if (ifp->if_addr_kind == IFA_DHCP)
		return CMD_SUCCESS;
	iface_clear_v4(ifp);
	if_lines_drop_group(ifp, IFL_ADDR);
	ifp->if_addr_kind = IFA_DHCP;
	dhcpc_start(ifp);
	return CMD_SUCCESS;
}

void
iface_set_dhcp_addr(struct dp_iface *ifp, uint32_t addr, uint32_t mask)
{
	if (iface_has_v4(ifp))
		subnet_del(ifp->if_dp, ifp, ifp->if_addr.a_addr,
		    ifp->if_addr.a_mask);
	ifp->if_addr.a_addr = addr;
	ifp->if_addr.a_mask = addr != 0 ? mask : 0;
	if (addr != 0)
		subnet_add(ifp->if_dp, ifp, addr, mask);
	else
		arp_flush(ifp->if_dp, ifp);
}

int
if_no_ip_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	iface_clear_v4(vty->v_ctx);
	if_lines_drop_group(vty->v_ctx, IFL_ADDR);
	return CMD_SUCCESS;
}

/*
 * IOS reports the link, then the line protocol: a loopback's protocol
 * follows its state, a physical interface's needs its wire (without one
 * only the link changes, as a port with no cable).
 */
int
if_shutdown_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	bool		 was_up = iface_up(ifp);
	bool		 was_proto = iface_proto_up(ifp);

	/* A DHCP client releases its lease on shutdown (while the port
	 * can still send) and asks again when the port comes back. */
	if (!NEGATED(m))
		dhcpc_stop(ifp, true);
	ifp->if_shutdown = !NEGATED(m);
	ifp->if_dp->d_rt_gen++;		/* routes through it come or go */
	if (!ifp->if_shutdown && ifp->if_addr_kind == IFA_DHCP)
		dhcpc_start(ifp);
	if (was_up == iface_up(ifp))
		return CMD_SUCCESS;
	if (ifp->if_shutdown) {
		/* IOS forgets the neighbours of a port it shuts. */
		arp_flush(ifp->if_dp, ifp);
		nd_flush(ifp->if_dp, ifp);
		sys_log(vty->v_sys, "LINK", 5, "CHANGED", "Interface %s, "
		    "changed state to administratively down", ifp->if_name);
	}
	else
		sys_log(vty->v_sys, "LINK", 3, "UPDOWN", "Interface %s, "
		    "changed state to up", ifp->if_name);
	if (was_proto != iface_proto_up(ifp))
		sys_log(vty->v_sys, "LINEPROTO", 5, "UPDOWN",
		    "Line protocol on Interface %s, changed state to %s",
		    ifp->if_name, was_proto ? "down" : "up");
	return CMD_SUCCESS;
}

int
if_access_group_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	char		**slot = cmd_has(m, "in") ? &ifp->if_acl_in :
			    &ifp->if_acl_out;

	xstrset(slot, NEGATED(m) ? NULL : cmd_arg(m, "acl"));
	return CMD_SUCCESS;
}

int
if_redirects_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_no_redirects =
	    cmd_is_no(m);
	return CMD_SUCCESS;
}

int
if_nat_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	enum if_nat	 which = cmd_has(m, "inside") ? NAT_INSIDE :
			    NAT_OUTSIDE;

	if (!NEGATED(m))
		ifp->if_nat = which;
	else if (ifp->if_nat == which)
		ifp->if_nat = NAT_NONE;
	return CMD_SUCCESS;
}

int
if_mroute_cache_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_no_mroute_cache =
	    cmd_is_no(m);
	return CMD_SUCCESS;
}

int
if_duplex_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	ifp->if_duplex_word = false;
	if (NEGATED(m))
		ifp->if_duplex = DUPLEX_DEFAULT;
	else if (cmd_has(m, "auto"))
		ifp->if_duplex = DUPLEX_AUTO;
	else
		ifp->if_duplex = cmd_has(m, "full") ? DUPLEX_FULL :
		    DUPLEX_HALF;
	return CMD_SUCCESS;
}

/* `full-duplex` / `half-duplex`: the older form, rendered as typed. */
int
if_duplex_word_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	if (NEGATED(m)) {
		ifp->if_duplex = DUPLEX_DEFAULT;
		ifp->if_duplex_word = false;
		return CMD_SUCCESS;
	}
	ifp->if_duplex = cmd_has(m, "full-duplex") ? DUPLEX_FULL :
	    DUPLEX_HALF;
	ifp->if_duplex_word = true;
	return CMD_SUCCESS;
}

int
if_speed_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	if (NEGATED(m))
		ifp->if_speed = 0;
	else if (cmd_has(m, "auto"))
		ifp->if_speed = 1;
	else
		ifp->if_speed = (unsigned)strtoul(cmd_arg(m, "mbps"), NULL,
		    10);
	return CMD_SUCCESS;
}

int
if_cdp_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_no_cdp =
	    cmd_is_no(m);
	return CMD_SUCCESS;
}

/* media-type, negotiation auto, mop: stored as typed for the running-
 * config (iosh's links have no media, autonegotiation or MOP). */
static const char *const if_media_names[] = {
	"", "rj45", "sfp", "gbic", "auto-select",
};

int
if_inert_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	size_t		 i;

	if (cmd_has(m, "media-type")) {
		ifp->if_media = 0;
		for (i = 1; i < sizeof(if_media_names) /
		    sizeof(if_media_names[0]); i++)
			if (!cmd_negated(m) && cmd_has(m, if_media_names[i]))
				ifp->if_media = (unsigned)i;
	} else if (cmd_has(m, "negotiation"))
		ifp->if_negotiation = cmd_is_default(m) ? 0 :
		    cmd_is_no(m) ? -1 : 1;
	else if (cmd_has(m, "enabled"))
		ifp->if_no_mop = cmd_is_no(m);
	else
		ifp->if_no_mop_sysid = cmd_is_no(m);
	return CMD_SUCCESS;
}

static void	inert_lines(const struct dp_iface *, struct strbuf *);
static void	iface_render(const struct dp_iface *, struct strbuf *);

/* An interface line iosh stores but does not act on, in its slot (the
 * definition's argument): `vrf forwarding` (iosh has one routing table:
 * the interface stays in it), `ip tcp adjust-mss` (no TCP MSS rewrite),
 * `ip virtual-reassembly` (NAT follows fragments by their first one
 * without it), `ip ospf ...` (no OSPF). */
int
if_inert_line_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	if (ifp->if_inert == NULL)
		ifp->if_inert = xcalloc(IFI_N, sizeof(*ifp->if_inert));
	cmd_args_store(m, &ifp->if_inert[*(const unsigned *)cmd_data(m)]);
	return CMD_SUCCESS;
}

const unsigned ifi_slot_vrf = IFI_VRF, ifi_slot_tcp_mss = IFI_TCP_MSS,
    ifi_slot_ospf_net = IFI_OSPF_NET, ifi_slot_ospf_cost = IFI_OSPF_COST,
    ifi_slot_vreasm = IFI_VREASM, ifi_slot_channel = IFI_CHANNEL,
    ifi_slot_ospf_area = IFI_OSPF_AREA;

static void
inert_slot(const struct dp_iface *ifp, unsigned slot, struct strbuf *sb)
{
	if (ifp->if_inert != NULL && ifp->if_inert[slot] != NULL)
		nv_line(sb, 1, "%s", ifp->if_inert[slot]);
}

/* The stored-but-inert lines of one interface, for `show iosh inert`. */
static void
inert_lines_all(const struct dp_iface *ifp, struct strbuf *sb)
{
	unsigned	slot;

	size_t		i;

	for (slot = 0; slot < IFI_N; slot++)
		inert_slot(ifp, slot, sb);
	inert_lines(ifp, sb);
	for (i = 0; i < ifp->if_nlines; i++)
		nv_line(sb, 1, "%s", ifp->if_lines[i].il_text);
	/* mGRE needs NHRP to find its ends: the tunnel stays down. */
	if (ifp->if_tun_mode == TUN_GRE_MULTIPOINT)
		nv_line(sb, 1, "tunnel mode gre multipoint");
}

/* The interface types iosh stores but never brings up (no PPP, no
 * dialer, no bridging, no switch ports, no service module, no cloned
 * virtual-access): every line of theirs is inert. */
static bool
never_up(const struct dp_iface *ifp)
{
	switch (ifp->if_id.id_type) {
	case IFT_MULTILINK:
	case IFT_EMBEDDED_SE:
	case IFT_VIRTUAL_TEMPLATE:
	case IFT_VLAN:
	case IFT_DIALER:
	case IFT_BVI:
		return true;
	default:
		return false;
	}
}

/* media-type, negotiation, mop: among the link lines. */
static void
inert_lines(const struct dp_iface *ifp, struct strbuf *sb)
{
	if (ifp->if_media != 0)
		nv_line(sb, 1, "media-type %s", if_media_names[ifp->if_media]);
	if (ifp->if_negotiation != 0)
		nv_line(sb, 1, "%snegotiation auto",
		    ifp->if_negotiation < 0 ? "no " : "");
	if (ifp->if_no_mop)
		nv_line(sb, 1, "no mop enabled");
	if (ifp->if_no_mop_sysid)
		nv_line(sb, 1, "no mop sysid");
}

void
dp_inert_nvgen(const struct dataplane *dp, struct strbuf *sb)
{
	struct strbuf	lines;
	size_t		i;

	for (i = 0; i < dp->d_nifs; i++) {
		if (never_up(dp->d_ifs[i])) {
			iface_render(dp->d_ifs[i], sb);
			continue;
		}
		strbuf_init(&lines);
		inert_lines_all(dp->d_ifs[i], &lines);
		if (lines.sb_len != 0)
			strbuf_printf(sb, "interface %s\n%s",
			    dp->d_ifs[i]->if_name, lines.sb_buf);
		strbuf_free(&lines);
	}
}

int
if_keepalive_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	unsigned	 secs;

	if (cmd_is_no(m)) {
		ifp->if_no_keepalive = true;
		return CMD_SUCCESS;
	}
	secs = (unsigned)cmd_arg_num(m, "period", KEEPALIVE_DEFAULT);
	if (cmd_is_default(m))
		secs = KEEPALIVE_DEFAULT;
	/* IOS reads a period of 0 as `no keepalive`. */
	ifp->if_no_keepalive = secs == 0;
	ifp->if_keepalive = secs == 0 ? KEEPALIVE_DEFAULT : secs;
	return CMD_SUCCESS;
}

int
if_ilmi_keepalive_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_ilmi_keepalive = !NEGATED(m);
	return CMD_SUCCESS;
}

int
if_ipv6_address_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	struct if_v6	 a;
	const char	*pfx = cmd_arg(m, "prefix"), *slash;
	char		 buf[64];
	size_t		 i;

	memset(&a, 0, sizeof(a));
	if (pfx != NULL) {
		slash = strchr(pfx, '/');
		if (slash == NULL || (size_t)(slash - pfx) >= sizeof(buf))
			return CMD_WARNING;
		memcpy(buf, pfx, (size_t)(slash - pfx));
		buf[slash - pfx] = '\0';
		a.a6_len = (unsigned)strtoul(slash + 1, NULL, 10);
	} else {
		strncpy(buf, cmd_arg(m, "ll"), sizeof(buf) - 1);
		buf[sizeof(buf) - 1] = '\0';
		a.a6_link_local = true;
	}
	if (inet_pton(AF_INET6, buf, a.a6_addr) != 1)
		return CMD_WARNING;
	if (a.a6_link_local && (a.a6_addr[0] != 0xfe ||
	    (a.a6_addr[1] & 0xc0) != 0x80)) {
		vty_out(vty, "%% Invalid link-local address\n");
		return CMD_WARNING;
	}
	for (i = 0; i < ifp->if_nv6; i++)
		if (ifp->if_v6[i].a6_link_local == a.a6_link_local &&
		    (a.a6_link_local ||
		    memcmp(ifp->if_v6[i].a6_addr, a.a6_addr, 16) == 0))
			break;
	if (NEGATED(m)) {
		if (i < ifp->if_nv6 && memcmp(ifp->if_v6[i].a6_addr,
		    a.a6_addr, 16) == 0) {
			memmove(&ifp->if_v6[i], &ifp->if_v6[i + 1],
			    (ifp->if_nv6 - i - 1) * sizeof(*ifp->if_v6));
			ifp->if_nv6--;
		}
		return CMD_SUCCESS;
	}
	if (i == ifp->if_nv6) {
		ifp->if_v6 = realloc(ifp->if_v6, (ifp->if_nv6 + 1) *
		    sizeof(*ifp->if_v6));
		if (ifp->if_v6 == NULL)
			abort();
		ifp->if_nv6++;
	}
	ifp->if_v6[i] = a;
	return CMD_SUCCESS;
}

int
if_ipv6_enable_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_ipv6_enable = !NEGATED(m);
	return CMD_SUCCESS;
}

int
if_tunnel_source_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	char		 canon[IF_NAMELEN];
	const char	*type = cmd_arg(m, "type");
	struct if_id	 id;

	if (NEGATED(m)) {
		xstrset(&ifp->if_tun_src, NULL);
		tunnel_kick(ifp->if_dp);
		return CMD_SUCCESS;
	}
	if (cmd_arg(m, "addr") != NULL) {
		xstrset(&ifp->if_tun_src, cmd_arg(m, "addr"));
		tunnel_kick(ifp->if_dp);
		return CMD_SUCCESS;
	}
	if (type != NULL) {
		if (!ifname_parse(type, cmd_arg(m, "num"), &id)) {
			vty_invalid(vty, cmd_arg_off(m, "num"));
			return CMD_WARNING;
		}
		ifname_format(&id, canon, sizeof(canon));
	} else if (!ifname_arg(vty, m, "name", canon, sizeof(canon)))
		return CMD_WARNING;
	xstrset(&ifp->if_tun_src, canon);
	tunnel_kick(ifp->if_dp);
	return CMD_SUCCESS;
}

int
if_tunnel_destination_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;
	uint8_t		 a6[16];
	char		 buf[46];

	if (NEGATED(m)) {
		xstrset(&ifp->if_tun_dst, NULL);
		tunnel_kick(ifp->if_dp);
		return CMD_SUCCESS;
	}
	if (cmd_arg(m, "addr") != NULL) {
		xstrset(&ifp->if_tun_dst, cmd_arg(m, "addr"));
		tunnel_kick(ifp->if_dp);
		return CMD_SUCCESS;
	}
	if (inet_pton(AF_INET6, cmd_arg(m, "addr6"), a6) != 1)
		return CMD_WARNING;
	ip6_fmt(a6, buf);
	xstrset(&ifp->if_tun_dst, buf);
	tunnel_kick(ifp->if_dp);
	return CMD_SUCCESS;
}

int
if_tunnel_mode_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	if (cmd_has(m, "multipoint") && !NEGATED(m))
		ifp->if_tun_mode = TUN_GRE_MULTIPOINT;
	else if (NEGATED(m) || cmd_has(m, "gre"))
		ifp->if_tun_mode = cmd_has(m, "gre") && cmd_has(m, "ipv6") ?
		    TUN_GRE_IPV6 : TUN_GRE_IP;
	else
		ifp->if_tun_mode = cmd_has(m, "ipv6") ? TUN_IPSEC_IPV6 :
		    TUN_IPSEC_IPV4;
	tunnel_kick(ifp->if_dp);
	return CMD_SUCCESS;
}

int
if_bandwidth_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_bandwidth = NEGATED(m) ? 0 :
	    (uint32_t)cmd_arg_num(m, "kbps", 0);
	return CMD_SUCCESS;
}

int
if_mtu_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	ifp->if_mtu = NEGATED(m) ? 0 : (uint32_t)cmd_arg_num(m, "bytes", 0);
	ifp->if_dp->d_gen++;	/* crypto's kept path MTU, the egress's */
	return CMD_SUCCESS;
}

int
if_clock_rate_cmd(struct vty *vty, const struct cmd_args *m)
{
	((struct dp_iface *)vty->v_ctx)->if_clock_rate = NEGATED(m) ? 0 :
	    (uint32_t)cmd_arg_num(m, "bps", 0);
	return CMD_SUCCESS;
}

int
if_encapsulation_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx;

	if (NEGATED(m) || cmd_has(m, "hdlc"))
		ifp->if_encap = ENCAP_DEFAULT;
	else
		ifp->if_encap = cmd_has(m, "ppp") ? ENCAP_PPP :
		    ENCAP_FRAME_RELAY;
	return CMD_SUCCESS;
}

/* Rendering, in the order IOS writes an interface's lines. */

static void
v4_line(struct strbuf *sb, const struct if_v4 *a, bool secondary)
{
	char	s[16], k[16];

	ip4_text(a->a_addr, s);
	ip4_text(a->a_mask, k);
	nv_line(sb, 1, "ip address %s %s%s", s, k,
	    secondary ? " secondary" : "");
}

static void
v6_lines(const struct dp_iface *ifp, struct strbuf *sb)
{
	char	s[46];
	size_t	i;

	/* The link-local address first, as IOS prints it. */
	for (i = 0; i < ifp->if_nv6; i++)
		if (ifp->if_v6[i].a6_link_local) {
			ip6_fmt(ifp->if_v6[i].a6_addr, s);
			nv_line(sb, 1, "ipv6 address %s link-local", s);
		}
	for (i = 0; i < ifp->if_nv6; i++)
		if (!ifp->if_v6[i].a6_link_local) {
			ip6_fmt(ifp->if_v6[i].a6_addr, s);
			nv_line(sb, 1, "ipv6 address %s/%u", s,
			    ifp->if_v6[i].a6_len);
		}
	if (ifp->if_ipv6_enable)
		nv_line(sb, 1, "ipv6 enable");
}

static void
tunnel_lines(const struct dp_iface *ifp, struct strbuf *sb)
{
	if (ifp->if_tun_src != NULL)
		nv_line(sb, 1, "tunnel source %s", ifp->if_tun_src);
	if (ifp->if_tun_mode == TUN_GRE_IPV6)
		nv_line(sb, 1, "tunnel mode gre ipv6");
	else if (ifp->if_tun_mode == TUN_GRE_MULTIPOINT)
		nv_line(sb, 1, "tunnel mode gre multipoint");
	else if (ifp->if_tun_mode != TUN_GRE_IP)
		nv_line(sb, 1, "tunnel mode ipsec %s",
		    ifp->if_tun_mode == TUN_IPSEC_IPV6 ? "ipv6" : "ipv4");
	if (ifp->if_tun_dst != NULL)
		nv_line(sb, 1, "tunnel destination %s", ifp->if_tun_dst);
	tunnel_nvgen(ifp, sb);
	if_lines_render(ifp, IFL_TUNNEL, sb);
	if (ifp->if_tun_protection != NULL)
		nv_line(sb, 1, "tunnel protection ipsec profile %s%s",
		    ifp->if_tun_protection, ifp->if_tun_prot_shared ?
		    " shared" : "");
}

static void
link_lines(const struct dp_iface *ifp, struct strbuf *sb)
{
	static const char *const duplex[] = {
		[DUPLEX_AUTO] = "auto", [DUPLEX_FULL] = "full",
		[DUPLEX_HALF] = "half",
	};

	if (ifp->if_duplex != DUPLEX_DEFAULT && !ifp->if_duplex_word)
		nv_line(sb, 1, "duplex %s", duplex[ifp->if_duplex]);
	if (ifp->if_speed == 1)
		nv_line(sb, 1, "speed auto");
	else if (ifp->if_speed != 0)
		nv_line(sb, 1, "speed %u", ifp->if_speed);
	if (ifp->if_duplex_word)
		nv_line(sb, 1, "%s-duplex",
		    ifp->if_duplex == DUPLEX_FULL ? "full" : "half");
	if (ifp->if_clock_rate != 0)
		nv_line(sb, 1, "clock rate %u", ifp->if_clock_rate);
	inert_lines(ifp, sb);
	if (ifp->if_no_keepalive)
		nv_line(sb, 1, "no keepalive");
	else if (ifp->if_keepalive != KEEPALIVE_DEFAULT)
		nv_line(sb, 1, "keepalive %u", ifp->if_keepalive);
	if (ifp->if_no_cdp)
		nv_line(sb, 1, "no cdp enable");
}

static void
iface_render(const struct dp_iface *ifp, struct strbuf *sb)
{
	size_t	i;

	nv_line(sb, 0, "interface %s%s", ifp->if_name,
	    ifp->if_vt_tunnel ? " type tunnel" : "");
	if (ifp->if_descr != NULL)
		nv_line(sb, 1, "description %s", ifp->if_descr);
	dot1q_nvgen(ifp, sb);
	inert_slot(ifp, IFI_VRF, sb);
	if (ifp->if_mtu != 0)
		nv_line(sb, 1, "mtu %u", ifp->if_mtu);
	if (ifp->if_bandwidth != 0)
		nv_line(sb, 1, "bandwidth %u", ifp->if_bandwidth);
	switch (ifp->if_addr_kind) {
	case IFA_STATIC:
		v4_line(sb, &ifp->if_addr, false);
		for (i = 0; i < ifp->if_nsec; i++)
			v4_line(sb, &ifp->if_sec[i], true);
		break;
	case IFA_DHCP:
		nv_line(sb, 1, "ip address dhcp");
		break;
	case IFA_NONE:
		/* ip unnumbered, ip address negotiated; Null0 has none. */
		if (if_lines_has(ifp, IFL_ADDR))
			if_lines_render(ifp, IFL_ADDR, sb);
		else if (ifp->if_id.id_type != IFT_NULL)
			nv_line(sb, 1, "no ip address");
		break;
	}
	if (ifp->if_acl_in != NULL)
		nv_line(sb, 1, "ip access-group %s in", ifp->if_acl_in);
	if (ifp->if_acl_out != NULL)
		nv_line(sb, 1, "ip access-group %s out", ifp->if_acl_out);
	if (ifp->if_no_redirects)
		nv_line(sb, 1, "no ip redirects");
	if_lines_render(ifp, IFL_IP_EARLY, sb);
	if (ifp->if_ip_mtu != 0)
		nv_line(sb, 1, "ip mtu %u", ifp->if_ip_mtu);
	if (ifp->if_nat != NAT_NONE)
		nv_line(sb, 1, "ip nat %s",
		    ifp->if_nat == NAT_INSIDE ? "inside" : "outside");
	if (ifp->if_no_mroute_cache)
		nv_line(sb, 1, "no ip mroute-cache");
	if_lines_render(ifp, IFL_IP, sb);
	inert_slot(ifp, IFI_TCP_MSS, sb);
	inert_slot(ifp, IFI_OSPF_NET, sb);
	inert_slot(ifp, IFI_OSPF_COST, sb);
	inert_slot(ifp, IFI_OSPF_AREA, sb);
	v6_lines(ifp, sb);
	if (ifp->if_encap != ENCAP_DEFAULT)
		nv_line(sb, 1, "encapsulation %s",
		    ifp->if_encap == ENCAP_PPP ? "ppp" : "frame-relay");
	if_lines_render(ifp, IFL_PPP, sb);
	if (ifp->if_shutdown)
		nv_line(sb, 1, "shutdown");
	/* IOS leaves ILMI keepalives off on an ATM port and says so. */
	if (ifp->if_id.id_type == IFT_ATM)
		nv_line(sb, 1, "%satm ilmi-keepalive",
		    ifp->if_ilmi_keepalive ? "" : "no ");
	link_lines(ifp, sb);
	if_lines_render(ifp, IFL_LINK, sb);
	inert_slot(ifp, IFI_CHANNEL, sb);
	tunnel_lines(ifp, sb);
	inert_slot(ifp, IFI_VREASM, sb);
	if (ifp->if_crypto_map != NULL)
		nv_line(sb, 1, "crypto map %s", ifp->if_crypto_map);
	if (ifp->if_crypto_df != DP_DF_UNSET)
		nv_line(sb, 1, "crypto ipsec df-bit %s",
		    ifp->if_crypto_df == DP_DF_SET ? "set" :
		    ifp->if_crypto_df == DP_DF_CLEAR ? "clear" : "copy");
	if (ifp->if_crypto_frag != DP_FRAG_UNSET)
		nv_line(sb, 1, "crypto ipsec fragmentation %s-encryption",
		    ifp->if_crypto_frag == DP_FRAG_AFTER ? "after" : "before");
}

void
iface_nvgen(const struct dataplane *dp, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < dp->d_nifs; i++) {
		if (i > 0)
			nv_line(sb, 0, "!");
		iface_render(dp->d_ifs[i], sb);
	}
}
