/*
 * link: the layer between a wire and IP.  Ethernet-type interfaces carry
 * Ethernet II frames; serial interfaces Cisco HDLC.  Frames that arrive
 * are counted by attach.c; the protocols above them come with the
 * forwarder.
 */
#include "dataplane/dp_int.h"

bool
link_ethernet(const struct dp_iface *ifp)
{
	switch (ifp->if_id.id_type) {
	case IFT_ETHERNET:
	case IFT_FASTETHERNET:
	case IFT_GIGABITETHERNET:
		return true;
	default:
		return false;
	}
}

void
link_input(struct dp_iface *ifp, const uint8_t *frame, size_t len)
{
	(void)ifp;
	(void)frame;
	(void)len;
}

void
link_attached(struct dp_iface *ifp)
{
	(void)ifp;
}

void
link_detached(struct dp_iface *ifp)
{
	(void)ifp;
}
