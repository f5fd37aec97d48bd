/*
 * wire_pcap: share an existing Ethernet interface with the host through
 * libpcap — read in promiscuous, immediate, non-blocking mode and write
 * with pcap_inject(), or, for what the router sends during a read batch,
 * with one sendmmsg(2) on libpcap's descriptor (a packet socket bound to
 * the interface: no address per frame; pcap_inject is send(2) on it).
 * PACKET_QDISC_BYPASS is not set: a veth's qdisc is noqueue already.
 *
 * Opened for forwarding: the snapshot length is the host interface's MTU
 * plus an Ethernet header with one VLAN tag, so a slot of libpcap's
 * memory-mapped ring is a frame's size and not 64 KiB (with 65,535 the
 * default 2 MB ring held 16-31 frames and a TCP burst through a veth
 * overflowed it: 25% of frames lost, issue 22); the ring is PCAP_RING
 * bytes.  Longer frames (a GSO super-frame of a host with offloads on)
 * arrive truncated and are counted as giants, never forwarded cut.
 * What the kernel still drops (ring full, host interface) is read from
 * pcap_stats into the wire's overrun/ignored counters on refresh.
 *
 * Only inbound frames are captured (pcap_setdirection PCAP_D_IN): on
 * Linux the frames iosh injects come back to the capture as outgoing
 * ones, and reading them would make the router receive its own frames.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <linux/if_packet.h>
#include <net/if.h>

#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/wire_impl.h"

/* 32 MB: a burst of ~20,000 MTU-sized slots.  Measured (issue 22): the
 * default 2 MB lost a quarter of a TCP stream's frames at 350 Mbit/s;
 * 32 MB alone took iosh-iosh from 347 to 597 Mbit/s. */
#define PCAP_RING	(32 * 1024 * 1024)
/* Ethernet header, one 802.1Q tag. */
#define PCAP_LINK_HDR	(14 + 4)

/* The host interface's MTU plus its link header, or the largest frame
 * if it cannot be read. */
static int
pcap_snaplen(const char *ifname)
{
	struct ifreq	ifr;
	int		fd, mtu = 0;

	if (strlen(ifname) >= sizeof(ifr.ifr_name))
		return WIRE_FRAME_MAX;
	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, ifname, strlen(ifname));
	if ((fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) >= 0) {
		if (ioctl(fd, SIOCGIFMTU, &ifr) == 0)
			mtu = ifr.ifr_mtu;
		close(fd);
	}
	if (mtu <= 0 || mtu + PCAP_LINK_HDR > WIRE_FRAME_MAX)
		return WIRE_FRAME_MAX;
	return mtu + PCAP_LINK_HDR;
}

static int
pcap_fail(pcap_t *p, const char *ifname, const char *what, char *err,
    size_t errlen)
{
	snprintf(err, errlen, "pcap: %s: %s: %s", ifname, what,
	    pcap_geterr(p));
	pcap_close(p);
	return -1;
}

static int
pcap_wire_open(struct wire *w, const char *ifname, char *err, size_t errlen)
{
	char	 ebuf[PCAP_ERRBUF_SIZE];
	pcap_t	*p;
	int	 rv, one = 1;

	if (*ifname == '\0') {
		snprintf(err, errlen, "pcap: expected pcap:IFNAME");
		return -1;
	}
	ebuf[0] = '\0';
	if ((p = pcap_create(ifname, ebuf)) == NULL) {
		snprintf(err, errlen, "pcap: %s: %s", ifname, ebuf);
		return -1;
	}
	if (pcap_set_snaplen(p, pcap_snaplen(ifname)) != 0 ||
	    pcap_set_buffer_size(p, PCAP_RING) != 0 ||
	    pcap_set_promisc(p, 1) != 0 ||
	    pcap_set_immediate_mode(p, 1) != 0) {
		snprintf(err, errlen, "pcap: %s: cannot set capture options",
		    ifname);
		pcap_close(p);
		return -1;
	}
	if ((rv = pcap_activate(p)) < 0) {
		/* pcap_geterr is empty for some codes; name the code too. */
		snprintf(err, errlen, "pcap: %s: %s%s%s", ifname,
		    pcap_statustostr(rv), *pcap_geterr(p) ? ": " : "",
		    pcap_geterr(p));
		pcap_close(p);
		return -1;
	}
	if (pcap_datalink(p) != DLT_EN10MB) {
		snprintf(err, errlen, "pcap: %s is not an Ethernet interface",
		    ifname);
		pcap_close(p);
		return -1;
	}
	if (pcap_setdirection(p, PCAP_D_IN) != 0)
		return pcap_fail(p, ifname, "cannot ignore outgoing frames",
		    err, errlen);
	/* libpcap 1.10 drops outgoing frames in user space, after the
	 * kernel copied each frame iosh sent into its ring: the kernel
	 * (4.20+) can skip them.  Older kernels: libpcap still does. */
	(void)setsockopt(pcap_get_selectable_fd(p), SOL_PACKET,
	    PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	if (pcap_setnonblock(p, 1, ebuf) != 0) {
		snprintf(err, errlen, "pcap: %s: %s", ifname, ebuf);
		pcap_close(p);
		return -1;
	}
	if ((w->w_fd = pcap_get_selectable_fd(p)) < 0) {
		snprintf(err, errlen, "pcap: %s: no selectable descriptor",
		    ifname);
		pcap_close(p);
		return -1;
	}
	w->w_priv = p;
	return 0;
}

/* The kernel's counts since the open; wire_ring_drops keeps the rest. */
static void
pcap_wire_refresh(struct wire *w)
{
	struct pcap_stat	ps;

	if (pcap_stats(w->w_priv, &ps) == 0)
		wire_ring_drops(w, ps.ps_drop, ps.ps_ifdrop);
}

static void
pcap_frame(u_char *arg, const struct pcap_pkthdr *h, const u_char *bytes)
{
	wire_input((struct wire *)arg, bytes, h->caplen, h->len);
}

/* A batch: up to WIRE_RX_BUDGET frames straight from the ring. */
static void
pcap_wire_read(struct wire *w)
{
	int	n;

	if ((n = pcap_dispatch(w->w_priv, WIRE_RX_BUDGET, pcap_frame,
	    (u_char *)w)) < 0)
		w->w_stats.ws_in_errors++;
	else if (n > 0)
		w->w_stats.ws_in_batches++;
}

static int
pcap_wire_send(struct wire *w, const uint8_t *frame, size_t len)
{
	errno = 0;
	if (pcap_inject(w->w_priv, frame, len) < 0) {
		/* Normally send(2)'s errno; never leave a stale one. */
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

static void
pcap_wire_close(struct wire *w)
{
	pcap_close(w->w_priv);
}

const struct wire_ops wire_pcap_ops = {
	.wo_kind = "pcap",
	.wo_open = pcap_wire_open,
	.wo_read = pcap_wire_read,
	.wo_send = pcap_wire_send,
	.wo_send_many = wire_sendmmsg,
	.wo_close = pcap_wire_close,
	.wo_refresh = pcap_wire_refresh,
};
