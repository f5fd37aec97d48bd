/*
 * cdp: the Cisco Discovery Protocol, version 2, on the router's Ethernet
 * and serial wires.
 *
 * With `cdp run`, every second a tick looks at each Ethernet and serial
 * interface: one that is up, attached and not `no cdp enable` sends an
 * advertisement when it has just come up and then every 60 seconds
 * (holdtime 180) — on Ethernet in 802.3 + LLC/SNAP to 01:00:0c:cc:cc:cc
 * (OUI 00000c, protocol 0x2000), on serial in Cisco HDLC with protocol
 * 0x2000.  The TLVs are IOS's: device ID (the hostname), addresses (the
 * port's primary IPv4 address), port ID, capabilities (Router), software
 * version (show version's first line), platform, duplex on Ethernet and,
 * as 15.x sends it, the management address.  What is received is parsed
 * with every length checked and kept per (local port, device ID) until its
 * holdtime runs out; the tick forgets what has expired.
 *
 * iosh starts with CDP off (`cdp run` is rendered when on), unlike a
 * classic IOS router and like IOS XE's virtual routers: an advertisement
 * on every wire would change what every existing lab and capture sees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/evloop.h"
#include "lib/nvgen.h"
#include "lib/strbuf.h"
#include "lib/system.h"
#include "lib/vty.h"

#define CDP_TIMER_MS	60000u
#define CDP_HOLDTIME	180u
#define CDP_VERSION	2
#define CDP_HDRLEN	4		/* version, ttl, checksum */
#define CDP_MAXLEN	1400		/* what we send stays below it */
#define SNAP_LEN	8		/* aa aa 03, OUI 00000c, 0x2000 */

#define TLV_DEVICE_ID	0x0001
#define TLV_ADDRESSES	0x0002
#define TLV_PORT_ID	0x0003
#define TLV_CAPS	0x0004
#define TLV_VERSION	0x0005
#define TLV_PLATFORM	0x0006
#define TLV_DUPLEX	0x000b
#define TLV_MGMT_ADDR	0x0016

#define CAP_ROUTER	0x01

static const uint8_t	cdp_mac[6] = { 0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc };
static const uint8_t	cdp_snap[SNAP_LEN] = {
	0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00
};

#define CDP_MAXADDR	4
/* A wire full of forged device IDs must not grow the table without end:
 * past this many neighbours a new one is dropped (IOS's "No memory"). */
#define CDP_MAX_NBRS	1024

struct cdp_nbr {
	struct cdp_nbr	*cn_next;
	struct if_id	 cn_local;	/* the port it was heard on */
	char		*cn_device;
	char		*cn_port;
	char		*cn_platform;
	char		*cn_version;
	uint32_t	 cn_caps;
	uint32_t	 cn_addr[CDP_MAXADDR], cn_mgmt[CDP_MAXADDR];
	unsigned	 cn_naddr, cn_nmgmt;
	int		 cn_duplex;	/* -1 not sent, 0 half, 1 full */
	unsigned	 cn_cdpver;
	uint64_t	 cn_expire_ms;	/* mono */
};

struct cdp {
	bool		 cd_run;
	struct ev_timer	*cd_tick;
	struct cdp_nbr	*cd_nbrs;	/* newest first */
	uint64_t	 cd_out, cd_in, cd_bad_cksum, cd_invalid, cd_accepted;
	uint64_t	 cd_nomem;	/* new neighbours past CDP_MAX_NBRS */
	uint64_t	 cd_hdr_syntax;	/* too short, or an unknown version */
	uint64_t	 cd_in_v1, cd_in_v2;	/* by the version byte */
	size_t		 cd_nnbrs;
};

/* The interfaces CDP runs on: Ethernet (SNAP) and serial (HDLC). */
static bool
cdp_capable(const struct dp_iface *ifp)
{
	return link_ethernet(ifp) || ifp->if_id.id_type == IFT_SERIAL;
}

static bool
cdp_on(const struct dp_iface *ifp)
{
	const struct cdp	*cd = ifp->if_dp->d_cdp;

	return cd != NULL && cd->cd_run && cdp_capable(ifp) &&
	    !ifp->if_no_cdp;
}

/*
 * CDP's checksum is the Internet checksum, except for an odd length:
 * IOS puts the last byte in the low half of the last word, sign-extended
 * with an off-by-one (what Wireshark's dissector reproduces to verify it).
 */
static uint16_t
cdp_cksum(const uint8_t *p, size_t len)
{
	uint32_t	sum = 0;
	uint8_t		last[2];

	if ((len & 1) == 0)
		return in_cksum(p, len, 0);
	last[0] = 0;
	last[1] = p[len - 1];
	if (last[1] & 0x80) {
		last[0]--;
		last[1]--;
	}
	sum = (uint16_t)~in_cksum(last, 2, 0);
	return in_cksum(p, len - 1, sum);
}

/* ---- sending ---- */

static uint8_t *
tlv_put(uint8_t *p, uint16_t type, const void *v, size_t len)
{
	put16(p, type);
	put16(p + 2, (uint16_t)(len + 4));
	memcpy(p + 4, v, len);
	return p + 4 + len;
}

/* An address TLV holding IFP's primary IPv4 address. */
static uint8_t *
tlv_addr(uint8_t *p, uint16_t type, const struct dp_iface *ifp)
{
	uint8_t	v[13];

	put32(v, 1);
	v[4] = 1;		/* NLPID */
	v[5] = 1;
	v[6] = 0xcc;		/* IP */
	put16(v + 7, 4);
	put32(v + 9, ifp->if_addr.a_addr);
	return tlv_put(p, type, v, sizeof(v));
}

/* The advertisement for IFP (the CDP header and TLVs) at P: its length. */
static size_t
cdp_build(const struct dp_iface *ifp, uint8_t *p)
{
	const struct system	*sys = ifp->if_dp->d_sys;
	const char		*host = sys->sy_hostname != NULL ?
				    sys->sy_hostname : "Router";
	char			 ver[160];
	uint8_t			*q = p + CDP_HDRLEN, caps[4], duplex;
	static const char	 platform[] = "cisco IOSH-LINUX";

	p[0] = CDP_VERSION;
	p[1] = CDP_HOLDTIME;
	put16(p + 2, 0);
	q = tlv_put(q, TLV_DEVICE_ID, host, strnlen(host, 255));
	if (iface_has_v4(ifp))
		q = tlv_addr(q, TLV_ADDRESSES, ifp);
	q = tlv_put(q, TLV_PORT_ID, ifp->if_name, strlen(ifp->if_name));
	put32(caps, CAP_ROUTER);
	q = tlv_put(q, TLV_CAPS, caps, 4);
	snprintf(ver, sizeof(ver), "iosh Software (IOSH-LINUX), Version %s, "
	    "RELEASE SOFTWARE (iosh)\nTechnical Support: see the README of "
	    "the %s distribution", PACKAGE_VERSION, PACKAGE_NAME);
	q = tlv_put(q, TLV_VERSION, ver, strlen(ver));
	q = tlv_put(q, TLV_PLATFORM, platform, sizeof(platform) - 1);
	if (link_ethernet(ifp)) {
		duplex = ifp->if_duplex == DUPLEX_HALF ? 0 : 1;
		q = tlv_put(q, TLV_DUPLEX, &duplex, 1);
	}
	if (iface_has_v4(ifp))
		q = tlv_addr(q, TLV_MGMT_ADDR, ifp);
	put16(p + 2, cdp_cksum(p, (size_t)(q - p)));
	return (size_t)(q - p);
}

static void
cdp_send(struct dp_iface *ifp)
{
	uint8_t	*f = fwd_frame(ifp->if_dp->d_fwd);
	size_t	 n;

	if (link_ethernet(ifp)) {
		n = cdp_build(ifp, f + ETHER_HDRLEN + SNAP_LEN);
		memcpy(f, cdp_mac, 6);
		memcpy(f + 6, ifp->if_attach.at_mac, 6);
		put16(f + 12, (uint16_t)(SNAP_LEN + n));
		memcpy(f + ETHER_HDRLEN, cdp_snap, SNAP_LEN);
		n += ETHER_HDRLEN + SNAP_LEN;
	} else {
		n = cdp_build(ifp, f + HDLC_HDRLEN);
		f[0] = 0x8f;		/* HDLC broadcast */
		f[1] = 0;
		put16(f + 2, ETHERTYPE_CDP);
		n += HDLC_HDRLEN;
	}
	if (attach_send(ifp, f, n) == 0)
		ifp->if_dp->d_cdp->cd_out++;
}

/* The TLV strings N holds (a table entry, or one being parsed). */
static void
nbr_strings_free(struct cdp_nbr *n)
{
	free(n->cn_device);
	free(n->cn_port);
	free(n->cn_platform);
	free(n->cn_version);
}

static void
nbr_free(struct cdp_nbr *n)
{
	nbr_strings_free(n);
	free(n);
}

/* Forget what has expired (or everything with ALL). */
static void
cdp_expire(struct cdp *cd, bool all)
{
	struct cdp_nbr	**np = &cd->cd_nbrs, *n;
	uint64_t	  now = clock_mono_ms();

	while ((n = *np) != NULL) {
		if (all || now >= n->cn_expire_ms) {
			*np = n->cn_next;
			nbr_free(n);
			cd->cd_nnbrs--;
		} else
			np = &n->cn_next;
	}
}

static void
cdp_tick(void *arg)
{
	struct dataplane	*dp = arg;
	struct cdp		*cd = dp->d_cdp;
	struct dp_iface		*ifp;
	uint64_t		 now = clock_mono_ms();
	size_t			 i;

	cd->cd_tick = evloop_timer_add(dp->d_sys->sy_loop, 1000, cdp_tick, dp);
	cdp_expire(cd, false);
	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		if (!cdp_on(ifp) || !iface_proto_up(ifp)) {
			ifp->if_cdp_next = 0;	/* sends as it comes up */
			continue;
		}
		if (ifp->if_cdp_next != 0 && now < ifp->if_cdp_next)
			continue;
		ifp->if_cdp_next = now + CDP_TIMER_MS;
		cdp_send(ifp);
	}
}

static struct cdp *
cdp_get(struct dataplane *dp)
{
	if (dp->d_cdp == NULL)
		dp->d_cdp = xcalloc(1, sizeof(*dp->d_cdp));
	return dp->d_cdp;
}

static void
cdp_set_run(struct dataplane *dp, bool run)
{
	struct cdp	*cd = cdp_get(dp);
	size_t		 i;

	if (cd->cd_run == run)
		return;
	cd->cd_run = run;
	if (run) {
		for (i = 0; i < dp->d_nifs; i++)
			dp->d_ifs[i]->if_cdp_next = 0;
		/* The first advertisements leave on the next turn. */
		cd->cd_tick = evloop_timer_add(dp->d_sys->sy_loop, 0,
		    cdp_tick, dp);
		return;
	}
	evloop_timer_cancel(dp->d_sys->sy_loop, cd->cd_tick);
	cd->cd_tick = NULL;
	cdp_expire(cd, true);
}

void
cdp_free(struct dataplane *dp)
{
	struct cdp	*cd = dp->d_cdp;

	if (cd == NULL)
		return;
	if (cd->cd_tick != NULL)
		evloop_timer_cancel(dp->d_sys->sy_loop, cd->cd_tick);
	cdp_expire(cd, true);
	free(cd);
	dp->d_cdp = NULL;
}

/* ---- receiving ---- */

/* An address TLV's IPv4 addresses (others skipped); false: malformed. */
static bool
parse_addrs(const uint8_t *v, size_t len, uint32_t *out, unsigned *nout)
{
	uint32_t	n, i;
	size_t		off = 4, plen, alen;

	*nout = 0;
	if (len < 4)
		return false;
	n = get32(v);
	for (i = 0; i < n; i++) {
		if (off + 2 > len)
			return false;
		plen = v[off + 1];
		if (off + 2 + plen + 2 > len)
			return false;
		alen = get16(v + off + 2 + plen);
		if (off + 4 + plen + alen > len)
			return false;
		if (v[off] == 1 && plen == 1 && v[off + 2] == 0xcc &&
		    alen == 4 && *nout < CDP_MAXADDR)
			out[(*nout)++] = get32(v + off + 4 + plen);
		off += 4 + plen + alen;
	}
	return true;
}

static char *
tlv_str(const uint8_t *v, size_t len)
{
	return xstrndup((const char *)v, len);
}

static struct cdp_nbr *
nbr_find(struct cdp *cd, const struct if_id *local, const char *device)
{
	struct cdp_nbr	*n;

	for (n = cd->cd_nbrs; n != NULL; n = n->cn_next)
		if (ifid_cmp(&n->cn_local, local) == 0 &&
		    strcmp(n->cn_device, device) == 0)
			return n;
	return NULL;
}

/* The CDP packet P (header and TLVs) heard on IFP. */
static void
cdp_input(struct dp_iface *ifp, const uint8_t *p, size_t len)
{
	struct cdp	*cd = ifp->if_dp->d_cdp;
	struct cdp_nbr	 t, *n;
	const uint8_t	*v;
	size_t		 off, vlen;
	uint16_t	 type, tlen;

	if (!cdp_on(ifp))
		return;
	cd->cd_in++;
	if (len < CDP_HDRLEN || (p[0] != 1 && p[0] != 2)) {
		cd->cd_hdr_syntax++;
		return;
	}
	if (p[0] == 1)
		cd->cd_in_v1++;
	else
		cd->cd_in_v2++;
	if (cdp_cksum(p, len) != 0) {
		cd->cd_bad_cksum++;
		return;
	}
	memset(&t, 0, sizeof(t));
	t.cn_duplex = -1;
	t.cn_cdpver = p[0];
	for (off = CDP_HDRLEN; off < len; off += tlen) {
		if (off + 4 > len || (tlen = get16(p + off + 2)) < 4 ||
		    off + tlen > len)
			goto bad;
		type = get16(p + off);
		v = p + off + 4;
		vlen = tlen - 4u;

		switch (type) {
		case TLV_DEVICE_ID:
			free(t.cn_device);
			t.cn_device = tlv_str(v, vlen);
			break;
		case TLV_PORT_ID:
			free(t.cn_port);
			t.cn_port = tlv_str(v, vlen);
			break;
		case TLV_PLATFORM:
			free(t.cn_platform);
			t.cn_platform = tlv_str(v, vlen);
			break;
		case TLV_VERSION:
			free(t.cn_version);
			t.cn_version = tlv_str(v, vlen);
			break;
		case TLV_CAPS:
			if (vlen != 4)
				goto bad;
			t.cn_caps = get32(v);
			break;
		case TLV_DUPLEX:
			if (vlen != 1)
				goto bad;
			t.cn_duplex = v[0] != 0;
			break;
		case TLV_ADDRESSES:
			if (!parse_addrs(v, vlen, t.cn_addr, &t.cn_naddr))
				goto bad;
			break;
		case TLV_MGMT_ADDR:
			if (!parse_addrs(v, vlen, t.cn_mgmt, &t.cn_nmgmt))
				goto bad;
			break;
		default:
			break;
		}
	}
	if (t.cn_device == NULL || t.cn_device[0] == '\0')
		goto bad;
	n = nbr_find(cd, &ifp->if_id, t.cn_device);
	if (n == NULL) {
		if (cd->cd_nnbrs >= CDP_MAX_NBRS) {
			cd->cd_nomem++;
			goto drop;
		}
		n = xcalloc(1, sizeof(*n));
		n->cn_next = cd->cd_nbrs;
		cd->cd_nbrs = n;
		cd->cd_nnbrs++;
	} else
		nbr_strings_free(n);
	t.cn_next = n->cn_next;
	t.cn_local = ifp->if_id;
	t.cn_expire_ms = clock_mono_ms() + (uint64_t)p[1] * 1000;
	*n = t;
	cd->cd_accepted++;
	return;
bad:
	cd->cd_invalid++;
drop:
	nbr_strings_free(&t);
}

uint64_t
dp_cdp_accepted(const struct dataplane *dp)
{
	return dp->d_cdp != NULL ? dp->d_cdp->cd_accepted : 0;
}

bool
cdp_ether_input(struct dp_iface *ifp, const uint8_t *f, size_t len)
{
	size_t	plen;

	if (len < ETHER_HDRLEN || memcmp(f, cdp_mac, 6) != 0)
		return false;
	attach_count_in(ifp, len);
	plen = get16(f + 12);
	/* 802.3: a length, padding trimmed; then LLC/SNAP for CDP. */
	if (plen > len - ETHER_HDRLEN || plen < SNAP_LEN ||
	    memcmp(f + ETHER_HDRLEN, cdp_snap, SNAP_LEN) != 0) {
		ifp->if_attach.at_idrops++;
		return true;
	}
	cdp_input(ifp, f + ETHER_HDRLEN + SNAP_LEN, plen - SNAP_LEN);
	return true;
}

void
cdp_hdlc_input(struct dp_iface *ifp, const uint8_t *p, size_t len)
{
	cdp_input(ifp, p, len);
}

/* ---- configuration ---- */

int
dp_cdp_run_cmd(struct vty *vty, const struct cmd_args *m)
{
	cdp_set_run(vty->v_sys->sy_dp, !cmd_is_no(m));
	return CMD_SUCCESS;
}

void
cdp_nvgen(const struct dataplane *dp, struct strbuf *sb)
{
	if (dp->d_cdp != NULL && dp->d_cdp->cd_run)
		nv_line(sb, 0, "cdp run");
}

/* ---- show ---- */

static bool
cdp_not_enabled(struct vty *vty)
{
	const struct cdp	*cd = vty->v_sys->sy_dp->d_cdp;

	if (cd != NULL && cd->cd_run)
		return false;
	vty_out(vty, "%% CDP is not enabled\n");
	return true;
}

int
dp_show_cdp_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	if (cdp_not_enabled(vty))
		return CMD_SUCCESS;
	vty_out(vty, "Global CDP information:\n"
	    "\tSending CDP packets every %u seconds\n"
	    "\tSending a holdtime value of %u seconds\n"
	    "\tSending CDPv2 advertisements is  enabled\n",
	    CDP_TIMER_MS / 1000, CDP_HOLDTIME);
	return CMD_SUCCESS;
}

int
dp_show_cdp_interface_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct dp_iface	*ifp;
	size_t			 i;

	(void)m;
	if (cdp_not_enabled(vty))
		return CMD_SUCCESS;
	for (i = 0; i < dp->d_nifs; i++) {
		ifp = dp->d_ifs[i];
		if (!cdp_on(ifp))
			continue;
		vty_out(vty, "%s is %s, line protocol is %s\n"
		    "  Encapsulation %s\n"
		    "  Sending CDP packets every %u seconds\n"
		    "  Holdtime is %u seconds\n", ifp->if_name,
		    iface_up(ifp) ? "up" : "administratively down",
		    iface_proto_up(ifp) ? "up" : "down",
		    link_ethernet(ifp) ? "ARPA" : "HDLC",
		    CDP_TIMER_MS / 1000, CDP_HOLDTIME);
	}
	return CMD_SUCCESS;
}

/*
 * `show cdp traffic`: what was sent and heard.  iosh sends only version 2
 * and counts what it hears by the version byte.
 */
int
dp_show_cdp_traffic_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct cdp	*cd = vty->v_sys->sy_dp->d_cdp;

	(void)m;
	if (cdp_not_enabled(vty))
		return CMD_SUCCESS;
	vty_out(vty, "CDP counters :\n"
	    "\tTotal packets output: %llu, Input: %llu\n"
	    "\tHdr syntax: %llu, Chksum error: %llu, Encaps failed: 0\n"
	    "\tNo memory: %llu, Invalid packet: %llu, \n"
	    "\tCDP version 1 advertisements output: 0, Input: %llu\n"
	    "\tCDP version 2 advertisements output: %llu, Input: %llu\n",
	    (unsigned long long)cd->cd_out, (unsigned long long)cd->cd_in,
	    (unsigned long long)cd->cd_hdr_syntax,
	    (unsigned long long)cd->cd_bad_cksum,
	    (unsigned long long)cd->cd_nomem,
	    (unsigned long long)cd->cd_invalid,
	    (unsigned long long)cd->cd_in_v1,
	    (unsigned long long)cd->cd_out,
	    (unsigned long long)cd->cd_in_v2);
	return CMD_SUCCESS;
}

/* "Serial1/2" as the table writes it: "Ser 1/2"; a port ID that is not
 * an IOS interface name ("eth0", "Port 1") as it came. */
static void
port_short(const char *name, char *buf, size_t len)
{
	static const char *const types[] = {
		"Ethernet", "FastEthernet", "GigabitEthernet",
		"TenGigabitEthernet", "Serial", "ATM", "Tunnel", "Loopback",
		"Port-channel", "Vlan",
	};
	size_t	i = strcspn(name, "0123456789"), t;

	for (t = 0; t < sizeof(types) / sizeof(types[0]); t++)
		if (i > 0 && name[i] != '\0' && strlen(types[t]) == i &&
		    strncmp(name, types[t], i) == 0) {
			snprintf(buf, len, "%.3s %s", name, name + i);
			return;
		}
	snprintf(buf, len, "%s", name);
}

/* The seconds left of N's holdtime. */
static unsigned
nbr_hold(const struct cdp_nbr *n)
{
	uint64_t	now = clock_mono_ms();

	return n->cn_expire_ms <= now ? 0 :
	    (unsigned)((n->cn_expire_ms - now + 999) / 1000);
}

static const char	cap_letters[] = "RTBSHIrPDCM";
static const char *const cap_names[] = {
	"Router", "Trans-Bridge", "Source-Route-Bridge", "Switch", "Host",
	"IGMP", "Repeater", "Phone", "Remote", "CVTA", "Two-port Mac Relay",
};

/* The platform as the table shows it: without the vendor's word. */
static const char *
platform_short(const char *p)
{
	if (p == NULL)
		return "";
	if (strncasecmp(p, "cisco ", 6) == 0)
		return p + 6;
	return p;
}

static int
nbr_cmp(const void *a, const void *b)
{
	const struct cdp_nbr	*x = *(const struct cdp_nbr *const *)a;
	const struct cdp_nbr	*y = *(const struct cdp_nbr *const *)b;
	int			 c = ifid_cmp(&x->cn_local, &y->cn_local);

	return c != 0 ? c : strcmp(x->cn_device, y->cn_device);
}

/* The neighbours by local port (IOS order), then device ID: the same
 * table however the advertisements happened to arrive. */
static size_t
nbr_list(struct cdp *cd, const struct cdp_nbr **out, size_t max)
{
	const struct cdp_nbr	*n;
	size_t			 k = 0;

	for (n = cd->cd_nbrs; n != NULL && k < max; n = n->cn_next)
		out[k++] = n;
	qsort(out, k, sizeof(*out), nbr_cmp);
	return k;
}

static void
show_row(struct vty *vty, const struct dataplane *dp,
    const struct cdp_nbr *n)
{
	const struct dp_iface	*ifp;
	char			 local[IF_NAMELEN], port[64], caps[32];
	size_t			 i, k = 0;

	ifp = iface_get((struct dataplane *)dp, &n->cn_local, false);
	port_short(ifp != NULL ? ifp->if_name : "?", local, sizeof(local));
	port_short(n->cn_port != NULL ? n->cn_port : "", port, sizeof(port));
	for (i = 0; i < sizeof(cap_letters) - 1; i++)
		if (n->cn_caps & (1u << i)) {
			if (k != 0)
				caps[k++] = ' ';
			caps[k++] = cap_letters[i];
		}
	caps[k] = '\0';
	/* A device ID longer than its column gets a line of its own. */
	if (strlen(n->cn_device) > 16)
		vty_out(vty, "%s\n%-17s", n->cn_device, "");
	else
		vty_out(vty, "%-17s", n->cn_device);
	vty_out(vty, "%-18s%4u%12s       %-9.9s %s\n", local, nbr_hold(n), caps,
	    platform_short(n->cn_platform), port);
}

static void
show_detail(struct vty *vty, const struct dataplane *dp,
    const struct cdp_nbr *n)
{
	const struct dp_iface	*ifp;
	char			 a[16];
	unsigned		 i;

	ifp = iface_get((struct dataplane *)dp, &n->cn_local, false);
	vty_out(vty, "-------------------------\n");
	vty_out(vty, "Device ID: %s\n", n->cn_device);
	vty_out(vty, "Entry address(es): \n");
	for (i = 0; i < n->cn_naddr; i++)
		vty_out(vty, "  IP address: %s\n", ip4_text(n->cn_addr[i], a));
	vty_out(vty, "Platform: %s,  Capabilities: ",
	    n->cn_platform != NULL ? n->cn_platform : "");
	for (i = 0; i < sizeof(cap_letters) - 1; i++)
		if (n->cn_caps & (1u << i))
			vty_out(vty, "%s ", cap_names[i]);
	vty_out(vty, "\nInterface: %s,  Port ID (outgoing port): %s\n",
	    ifp != NULL ? ifp->if_name : "?",
	    n->cn_port != NULL ? n->cn_port : "");
	vty_out(vty, "Holdtime : %u sec\n\n", nbr_hold(n));
	vty_out(vty, "Version :\n%s\n\n",
	    n->cn_version != NULL ? n->cn_version : "");
	vty_out(vty, "advertisement version: %u\n", n->cn_cdpver);
	if (n->cn_duplex >= 0)
		vty_out(vty, "Duplex: %s\n", n->cn_duplex ? "full" : "half");
	if (sys_version_15(dp->d_sys) && n->cn_nmgmt != 0) {
		vty_out(vty, "Management address(es): \n");
		for (i = 0; i < n->cn_nmgmt; i++)
			vty_out(vty, "  IP address: %s\n",
			    ip4_text(n->cn_mgmt[i], a));
	}
	vty_out(vty, "\n");
}


int
dp_show_cdp_neighbors_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const struct cdp_nbr	**list;
	bool			 v15 = sys_version_15(dp->d_sys);
	size_t			 k, i;

	if (cdp_not_enabled(vty))
		return CMD_SUCCESS;
	cdp_expire(dp->d_cdp, false);
	list = xcalloc(CDP_MAX_NBRS, sizeof(*list));
	k = nbr_list(dp->d_cdp, list, CDP_MAX_NBRS);
	if (cmd_has(m, "detail")) {
		for (i = 0; i < k; i++)
			show_detail(vty, dp, list[i]);
	} else {
		vty_out(vty, "Capability Codes: R - Router, T - Trans Bridge, "
		    "B - Source Route Bridge\n");
		if (v15)
			vty_out(vty, "                  S - Switch, H - Host, "
			    "I - IGMP, r - Repeater, P - Phone, \n"
			    "                  D - Remote, C - CVTA, "
			    "M - Two-port Mac Relay \n");
		else
			vty_out(vty, "                  S - Switch, H - Host, "
			    "I - IGMP, r - Repeater\n");
		vty_out(vty, "\nDevice ID        Local Intrfce     Holdtme    "
		    "Capability  Platform  Port ID\n");
		for (i = 0; i < k; i++)
			show_row(vty, dp, list[i]);
	}
	if (v15)
		vty_out(vty, "\nTotal cdp entries displayed : %zu\n", k);
	free(list);
	return CMD_SUCCESS;
}
