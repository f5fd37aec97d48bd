/*
 * dot1q: 802.1Q subinterfaces of an Ethernet port (`interface
 * GigabitEthernet0/1.100`, `encapsulation dot1Q 100 [native]`).
 *
 * A subinterface has no wire of its own: it sends on its parent's, with
 * the tag (none for the native VLAN), and the parent hands it the frames
 * tagged with its VLAN (or the untagged ones, native), tag removed, as
 * if they came in on it.  It shares the parent's MAC address, as IOS's
 * do, and its line protocol is the parent's once it has a VLAN.  Its
 * counters count its own frames; the parent's count them too, as the
 * port they crossed.  Subinterfaces sort right after their parent
 * (ifid_cmp), so the parent's are the interfaces that follow it.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "lib/cmdarg.h"
#include "lib/nvgen.h"
#include "lib/vty.h"


struct dp_iface *
dot1q_parent(const struct dp_iface *sub)
{
	struct if_id	id = sub->if_id;

	id.id_sub = 0;
	return iface_get(sub->if_dp, &id, false);
}

/* PARENT's subinterface of VLAN VID (0: the native one). */
static struct dp_iface *
dot1q_sub(const struct dp_iface *parent, uint16_t vid)
{
	const struct dataplane	*dp = parent->if_dp;
	struct dp_iface		*s;
	size_t			 i;

	for (i = parent->if_idx + 1; i < dp->d_nifs; i++) {
		s = dp->d_ifs[i];
		if (s->if_id.id_sub == 0 || s->if_id.id_type !=
		    parent->if_id.id_type || s->if_id.id_nnum !=
		    parent->if_id.id_nnum || memcmp(s->if_id.id_num,
		    parent->if_id.id_num, sizeof(s->if_id.id_num)) != 0)
			break;
		if (s->if_dot1q != 0 && (vid == 0 ? s->if_dot1q_native :
		    s->if_dot1q == vid))
			return s;
	}
	return NULL;
}

bool
dot1q_proto_up(const struct dp_iface *sub)
{
	const struct dp_iface	*p;

	return sub->if_dot1q != 0 && (p = dot1q_parent(sub)) != NULL &&
	    iface_proto_up(p);
}

/* The parent's MAC address, now and whenever the parent's changes. */
void
dot1q_mac_sync(const struct dp_iface *parent)
{
	struct dp_iface	*s;
	size_t		 i;

	for (i = parent->if_idx + 1; i < parent->if_dp->d_nifs; i++) {
		s = parent->if_dp->d_ifs[i];
		if (s->if_id.id_sub == 0)
			break;
		memcpy(s->if_attach.at_mac, parent->if_attach.at_mac, 6);
	}
}

/*
 * A frame PARENT took (its address or a broadcast): true when it is a
 * subinterface's, given to it (a tagged frame of no subinterface is
 * dropped, counted as an unknown protocol, as IOS does).
 */
bool
dot1q_input(struct dp_iface *parent, const uint8_t *f, size_t len)
{
	struct dp_iface	*s;
	uint8_t		*u;

	if (parent->if_id.id_sub != 0)
		return false;
	if (get16(f + 12) != ETHERTYPE_VLAN) {
		if ((s = dot1q_sub(parent, 0)) == NULL)
			return false;
		if (iface_up(s))
			link_input(s, f, len);
		return true;
	}
	if (len < ETHER_HDRLEN + VLAN_TAGLEN ||
	    (s = dot1q_sub(parent, get16(f + 14) & 0x0fff)) == NULL ||
	    !iface_up(s)) {
		parent->if_attach.at_idrops++;
		return true;
	}
	u = xmalloc(len - VLAN_TAGLEN);
	memcpy(u, f, 12);
	memcpy(u + 12, f + 12 + VLAN_TAGLEN, len - 12 - VLAN_TAGLEN);
	link_input(s, u, len - VLAN_TAGLEN);
	free(u);
	return true;
}

/* A subinterface's Ethernet frame, out on its parent's wire: 0, or -1
 * dropped (attach_send counts it for the subinterface). */
int
dot1q_send(struct dp_iface *sub, const uint8_t *f, size_t len)
{
	struct dp_iface	*p = dot1q_parent(sub);
	uint8_t		*t;
	int		 rc;

	if (p == NULL || sub->if_dot1q == 0 || !iface_up(sub) ||
	    len < ETHER_HDRLEN)
		return -1;
	if (sub->if_dot1q_native)
		return attach_send_for(p, sub, f, len);
	t = xmalloc(len + VLAN_TAGLEN);
	memcpy(t, f, 12);
	put16(t + 12, ETHERTYPE_VLAN);
	put16(t + 14, sub->if_dot1q);
	memcpy(t + 16, f + 12, len - 12);
	rc = attach_send_for(p, sub, t, len + VLAN_TAGLEN);
	free(t);
	return rc;
}

/* `encapsulation dot1Q <1-4094> [native]` on an Ethernet subinterface;
 * IOS refuses a VLAN another subinterface of the port has. */
int
if_dot1q_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp = vty->v_ctx, *p, *other;
	uint16_t	 vid = (uint16_t)cmd_arg_num(m, "vlan", 0);

	/* Ethernet ports and EtherChannels (a Port-channel is never up in
	 * iosh: its subinterfaces are stored, down). */
	if (ifp->if_id.id_sub == 0 || (!link_ethernet(ifp) &&
	    ifp->if_id.id_type != IFT_PORT_CHANNEL)) {
		vty_invalid(vty, cmd_arg_off(m, "dot1Q"));
		return CMD_WARNING;
	}
	if (cmd_negated(m)) {
		ifp->if_dot1q = 0;
		ifp->if_dot1q_native = false;
		ifp->if_dp->d_rt_gen++;
		return CMD_SUCCESS;
	}
	p = dot1q_parent(ifp);
	other = p != NULL ? dot1q_sub(p, vid) : NULL;
	if (other != NULL && other != ifp) {
		vty_out(vty, "Configuration of multiple subinterfaces of the "
		    "same main\ninterface with the same VID (%u) is not "
		    "permitted.\nThis VID is already configured on %s.\n",
		    vid, other->if_name);
		return CMD_WARNING;
	}
	ifp->if_dot1q = vid;
	ifp->if_dot1q_native = cmd_has(m, "native");
	if (p != NULL)
		memcpy(ifp->if_attach.at_mac, p->if_attach.at_mac, 6);
	ifp->if_dp->d_rt_gen++;		/* its line protocol: routes */
	return CMD_SUCCESS;
}

void
dot1q_nvgen(const struct dp_iface *ifp, struct strbuf *sb)
{
	if (ifp->if_dot1q != 0)
		nv_line(sb, 1, "encapsulation dot1Q %u%s", ifp->if_dot1q,
		    ifp->if_dot1q_native ? " native" : "");
}
