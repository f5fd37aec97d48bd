/*
 * wire_pcap: share an existing Ethernet interface with the host through
 * libpcap — read in promiscuous, immediate, non-blocking mode and write
 * with pcap_inject().
 *
 * Only inbound frames are captured (pcap_setdirection PCAP_D_IN): on
 * Linux the frames iosh injects come back to the capture as outgoing
 * ones, and reading them would make the router receive its own frames.
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/wire_impl.h"

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
	int	 rv;

	if (*ifname == '\0') {
		snprintf(err, errlen, "pcap: expected pcap:IFNAME");
		return -1;
	}
	ebuf[0] = '\0';
	if ((p = pcap_create(ifname, ebuf)) == NULL) {
		snprintf(err, errlen, "pcap: %s: %s", ifname, ebuf);
		return -1;
	}
	if (pcap_set_snaplen(p, WIRE_FRAME_MAX) != 0 ||
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

static void
pcap_frame(u_char *arg, const struct pcap_pkthdr *h, const u_char *bytes)
{
	wire_input((struct wire *)arg, bytes, h->caplen, h->len);
}

static void
pcap_wire_read(struct wire *w)
{
	if (pcap_dispatch(w->w_priv, WIRE_RX_BUDGET, pcap_frame,
	    (u_char *)w) < 0)
		w->w_stats.ws_in_errors++;
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
	.wo_close = pcap_wire_close,
};
