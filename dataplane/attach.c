/*
 * attach: interfaces on wires — `iosh --attach NAME=SPEC` ends here.
 *
 * Attaching creates the hardware interface if the configuration has not
 * named it yet (IOS knows its hardware before its configuration), opens
 * the wire on the router's event loop and gives the interface its MAC
 * address.  The MAC is derived from the spec and the interface numbers,
 * so a router keeps its addresses across reloads and restarts, and two
 * routers of one lab (different ports or TAP names) never share one:
 * 0xca (locally administered, as dynamips' 0xcNNN.xxxx.0000), three
 * bytes of a hash of the spec, slot and port.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "dataplane/wire.h"
#include "lib/clock.h"
#include "lib/system.h"

/* FNV-1a: small, stable across hosts. */
static uint32_t
spec_hash(const char *s)
{
	uint32_t	h = 2166136261U;

	for (; *s != '\0'; s++) {
		h ^= (uint8_t)*s;
		h *= 16777619U;
	}
	return h;
}

void
attach_mac(struct dp_iface *ifp, const char *seed)
{
	uint32_t	h = spec_hash(seed);
	const struct if_id *id = &ifp->if_id;

	ifp->if_attach.at_mac[0] = 0xca;
	ifp->if_attach.at_mac[1] = (uint8_t)(h >> 16);
	ifp->if_attach.at_mac[2] = (uint8_t)(h >> 8);
	ifp->if_attach.at_mac[3] = (uint8_t)h;
	ifp->if_attach.at_mac[4] = (uint8_t)(id->id_nnum > 1 ?
	    id->id_num[id->id_nnum - 2] : 0);
	ifp->if_attach.at_mac[5] = (uint8_t)id->id_num[id->id_nnum - 1];
}

/* One loop per process, one read at a time at each depth (dp_int.h). */
struct attach_defer	attach_defer;

/* The output counters deferred for ad_out, where they belong. */
static void
defer_out_flush(struct attach_defer *ad)
{
	struct if_attach	*at = &ad->ad_out->if_attach;

	if (ad->ad_opkts == 0)
		return;
	at->at_opkts += ad->ad_opkts;
	at->at_obytes += ad->ad_obytes;
	at->at_last_out = clock_mono_ms();
	if (ad->ad_owed)
		wire_count_out(at->at_wire, ad->ad_opkts, ad->ad_obytes);
	ad->ad_opkts = ad->ad_obytes = 0;
}

/* The counts deferred, where they belong; the record still names the
 * read's interface and the egress's (a flush inside a send, attach_txfail's,
 * leaves the frame being sent to be counted there). */
void
attach_defer_flush(void)
{
	struct attach_defer	*ad = &attach_defer;
	struct if_attach	*at;

	if (ad->ad_ipkts != 0) {
		at = &ad->ad_in->if_attach;
		at->at_ipkts += ad->ad_ipkts;
		at->at_ibytes += ad->ad_ibytes;
		at->at_ibcast += ad->ad_ibcast;
		at->at_last_in = clock_mono_ms();
		ad->ad_ipkts = ad->ad_ibytes = ad->ad_ibcast = 0;
	}
	if (ad->ad_out != NULL)
		defer_out_flush(ad);
}

/* The egress sends by IFP, not by ad_out: the last one's counts first;
 * false outside a read (counted as they go). */
bool
attach_defer_out(struct dp_iface *ifp)
{
	struct attach_defer	*ad = &attach_defer;

	if (ad->ad_in == NULL)
		return false;
	if (ad->ad_out != NULL)
		defer_out_flush(ad);
	ad->ad_out = ifp;
	ad->ad_owed = 1;	/* a mem: wire's, a pcap: one's outside a batch */
	return true;
}

/* attach_send_eg's frame of LEN sent by ad_out == IFP otherwise than the
 * frames before it (RC 0: its wire counted it, 1: it is owed the counts,
 * -1: dropped): theirs first, then it. */
int
attach_defer_sent(struct dp_iface *ifp, int rc, size_t len)
{
	struct attach_defer	*ad = &attach_defer;

	if (rc < 0)
		return attach_count_out(ifp, -1, len);
	defer_out_flush(ad);
	ad->ad_owed = rc;
	ad->ad_opkts++;
	ad->ad_obytes += len;
	return 0;
}

/* A read of IFP's wire begins (NULL: one whose counts are not
 * deferred).  Inside another read (a lab's mem: wire delivers what a
 * router sends at once), that read's counts go first and its record is
 * kept in SAVED, to be taken again when this one ends (its egress
 * sends the frame that began this read: counted there after).  True
 * then. */
static bool
defer_enter(struct dp_iface *ifp, struct attach_defer *saved)
{
	struct attach_defer	*ad = &attach_defer;

	if (ad->ad_in == NULL) {	/* (and ad_out: none outside a read) */
		ad->ad_in = ifp;
		return false;
	}
	attach_defer_flush();
	*saved = *ad;
	memset(ad, 0, sizeof(*ad));
	ad->ad_in = ifp;
	return true;
}

/* The read ends (its instant still held): its counts where they belong,
 * the read around it (NESTED: SAVED) deferring again. */
static void
defer_leave(bool nested, const struct attach_defer *saved)
{
	attach_defer_flush();
	if (nested)
		attach_defer = *saved;
	else
		memset(&attach_defer, 0, sizeof(attach_defer));
}

/* A frame counted as output that the medium refused when its batch was
 * written (wire.h): an output drop after all, for the wire's interface
 * and for the subinterface that sent it (LEN less its tag). */
static void
uncount_out(struct if_attach *at, size_t len)
{
	at->at_opkts--;
	at->at_obytes -= len;
	at->at_odrops++;
}

static void
attach_txfail(void *arg, void *owner, size_t len)
{
	struct dp_iface	*ifp = arg, *sub = owner;

	/* Taken back from what was counted: the counts first (a queue
	 * full mid-read writes while the read defers them). */
	attach_defer_flush();
	uncount_out(&ifp->if_attach, len);
	if (sub != ifp)
		uncount_out(&sub->if_attach, sub->if_dot1q_native ? len :
		    len - VLAN_TAGLEN);
}

static void
attach_rx(void *arg, const uint8_t *frame, size_t len)
{
	struct dp_iface		*ifp = arg;
	struct attach_defer	 saved;
	bool			 nested;

	/* A shut interface hears nothing, as a port that is down. */
	if (!iface_up(ifp))
		return;
	/* The packet's time, read once for all who ask on its way. */
	clock_hold();
	/* Counted as it goes (a frame at a time: a pcap: ring's, a TAP's,
	 * one behind a fault or capture, one a lab's wire delivers). */
	nested = defer_enter(NULL, &saved);
	if (!fc_rx_frame(ifp->if_dp) || !fc_frame(ifp, frame, len))
		link_input(ifp, frame, len);
	defer_leave(nested, &saved);
	clock_release();
}

/* Around one read of the wire, its frames handed over one by one
 * (attach_rx: a pcap: ring's, a TAP's, any behind an input fault or
 * capture) or at once (attach_rx_burst): one burst, whose consecutive
 * frames of a flow make a run (flowcache.c). */
static void
attach_rx_scope(void *arg, bool begin)
{
	struct dp_iface	*ifp = arg;

	if (begin)
		fc_burst_begin(ifp->if_dp);
	else
		fc_burst_end(ifp->if_dp);
}

/* One read of the wire at once: attach_rx's per frame, as one burst
 * (it is inside attach_rx_scope's too when the wire brackets it). */
static void
attach_rx_burst(void *arg, const uint8_t *const *frames, const size_t *lens,
    size_t n)
{
	struct dp_iface		*ifp = arg;
	struct dataplane	*dp = ifp->if_dp;
	struct attach_defer	 saved;
	bool			 nested;
	size_t			 i;

	clock_hold();
	nested = defer_enter(ifp, &saved);
	fc_burst_begin(dp);
	for (i = 0; i < n; i++) {
		/* The next frame's first two lines and its last on their
		 * way while this one is taken: a read's frames are mostly
		 * not in the cache (a ring the kernel wrote), and a prefetch
		 * never faults.  The last holds an ESP packet's ICV, which
		 * its HMAC does not read (at 64 B the third line). */
		if (i + 1 < n) {
			__builtin_prefetch(frames[i + 1]);
			__builtin_prefetch(frames[i + 1] + 64);
			__builtin_prefetch(frames[i + 1] + lens[i + 1] - 1);
		}
		if (!iface_up(ifp))
			continue;
		/* A run's next frame in one step (flowcache.c). */
		if (!fc_rx_frame(dp) || !fc_frame(ifp, frames[i], lens[i]))
			link_input(ifp, frames[i], lens[i]);
	}
	fc_burst_end(dp);
	defer_leave(nested, &saved);
	clock_release();
}

/* The hardware interface NAME names, created if needed. */
static struct dp_iface *
hardware(struct dataplane *dp, const char *name, char *err, size_t errlen)
{
	struct if_id	 id;
	char		 canon[IF_NAMELEN];

	if (!ifname_resolve(name, canon, sizeof(canon)) ||
	    !ifname_parse(canon, NULL, &id)) {
		snprintf(err, errlen, "invalid interface name '%s'", name);
		return NULL;
	}
	if (ifname_virtual(id.id_type)) {
		snprintf(err, errlen, "%s is a virtual interface: it needs "
		    "no attachment", canon);
		return NULL;
	}
	if (id.id_sub != 0 || id.id_type == IFT_EMBEDDED_SE) {
		snprintf(err, errlen, "%s cannot be attached%s", canon,
		    id.id_sub != 0 ? ": attach its main interface" : "");
		return NULL;
	}
	if (id.id_type == IFT_ATM) {
		snprintf(err, errlen, "%s: ATM interfaces cannot be attached",
		    canon);
		return NULL;
	}
	return iface_get(dp, &id, true);
}

int
dp_hardware(struct dataplane *dp, const char *name, char *err, size_t errlen)
{
	return hardware(dp, name, err, errlen) != NULL ? 0 : -1;
}

int
dp_attach(struct dataplane *dp, const char *name, const char *spec,
    char *err, size_t errlen)
{
	struct dp_iface	*ifp;
	struct wire	*w;

	if ((ifp = hardware(dp, name, err, errlen)) == NULL)
		return -1;
	if (ifp->if_attach.at_wire != NULL) {
		snprintf(err, errlen, "%s is already attached to %s",
		    ifp->if_name, ifp->if_attach.at_spec);
		return -1;
	}
	w = wire_open(dp->d_sys->sy_loop, spec, attach_rx, ifp, err, errlen);
	if (w == NULL)
		return -1;
	ifp->if_attach.at_wire = w;
	wire_set_txfail(w, attach_txfail);
	wire_set_rx_burst(w, attach_rx_burst, attach_rx_scope);
	dp->d_rt_gen++;		/* its line protocol: routes through it */
	ifp->if_attach.at_spec = xstrdup(spec);
	attach_mac(ifp, spec);
	dot1q_mac_sync(ifp);
	link_attached(ifp);
	return 0;
}

struct wire *
dp_iface_wire(const struct dp_iface *ifp)
{
	return ifp->if_attach.at_wire;
}

/* Interface teardown: the wire and what the link layer holds for it. */
void
attach_close(struct dp_iface *ifp)
{
	attach_defer_flush();	/* the wire may hold deferred counts */
	link_detached(ifp);
	moncap_wire_gone(ifp->if_dp, ifp->if_attach.at_wire);
	wire_close(ifp->if_attach.at_wire);
	ifp->if_attach.at_wire = NULL;
	ifp->if_dp->d_rt_gen++;
	free(ifp->if_attach.at_spec);
	ifp->if_attach.at_spec = NULL;
}

/* The frame on the medium, counted as output (a subinterface's: on its
 * parent's wire, counted by both). */
int
attach_send(struct dp_iface *ifp, const uint8_t *frame, size_t len)
{
	if (ifp->if_id.id_sub != 0)
		return attach_count_out(ifp, dot1q_send(ifp, frame, len), len);
	return attach_send_for(ifp, ifp, frame, len);
}
