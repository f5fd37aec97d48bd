/*
 * show_sa: `show crypto isakmp sa [detail]`, `show crypto ipsec sa` and
 * `show crypto session`, rendered from the SA database.
 *
 * The layouts are IOS's: 15.x as seeds 001 and 003 print them (003, a
 * verbatim router capture, decides where the two differ: `#pkts`, the
 * eight-space indentation of an SA's lines), 12.x as seeds 000, 002 and
 * 004 do (`slot` columns, `local addr.`, `current_peer: A:port`, the
 * ike_cookies line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ah.h"
#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_wire.h"
#include "crypto/sadb.h"
#include "dataplane/dp.h"
#include "lib/inet4.h"
#include "lib/xalloc.h"

static bool
v15(const struct ios_version *v)
{
	return v->iv_major >= 15;
}

/* 12.4 added the status column to `show crypto isakmp sa`. */
static bool
has_status(const struct ios_version *v)
{
	return v->iv_major > 12 || (v->iv_major == 12 && v->iv_minor >= 4);
}

static const char *
addr(const struct sa_addr *a, char *buf, size_t len)
{
	sa_addr_fmt(a, buf, len);
	return buf;
}

/* IOS lists an SA as dst = responder, src = initiator. */
static void
dst_src(const struct isakmp_sa *is, const struct sa_addr **dst,
    const struct sa_addr **src)
{
	*dst = is->is_initiator ? &is->is_remote : &is->is_local;
	*src = is->is_initiator ? &is->is_local : &is->is_remote;
}

static const char *
status(const struct isakmp_sa *is)
{
	return is->is_dead ? "ACTIVE (deleted)" : "ACTIVE";
}

/* The text at P (written there) then spaces to WIDTH, at least one:
 * printf's "%-(WIDTH-1)s "; the end. */
static char *
column(char *p, size_t width)
{
	size_t	n = strlen(p), pad = n < width - 1 ? width - n : 1;

	memset(p + n, ' ', pad);
	return p + n + pad;
}

/* V as printf's "%6u " at P; the end. */
static char *
connid6(char *p, uint32_t v)
{
	char	digits[10], *d = digits + sizeof(digits);
	size_t	n;

	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	n = (size_t)(digits + sizeof(digits) - d);
	if (n < 6) {
		memset(p, ' ', 6 - n);
		p += 6 - n;
	}
	memcpy(p, d, n);
	p[n] = ' ';
	return p + n + 1;
}

void
sadb_show_isakmp(const struct sadb *db, const struct ios_version *v,
    struct strbuf *sb)
{
	const struct isakmp_sa	*is;
	const struct sa_addr	*dst, *src;
	char			 d[48], s[48];

	if (!v15(v)) {
		strbuf_printf(sb, "dst             src             state"
		    "          conn-id slot%s\n", has_status(v) ? " status" :
		    "");
		TAILQ_FOREACH(is, &db->db_isakmp, is_entry) {
			dst_src(is, &dst, &src);
			strbuf_printf(sb, "%-15s %-15s %-15s %6u %4u",
			    addr(dst, d, sizeof(d)), addr(src, s, sizeof(s)),
			    isakmp_state_name(is->is_state), is->is_connid, 0);
			if (has_status(v))
				strbuf_printf(sb, " %s", status(is));
			strbuf_putc(sb, '\n');
		}
		strbuf_putc(sb, '\n');
		return;
	}
	strbuf_puts(sb, "\nIPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n");
	/* A line per SA, 50,000 on a hub: put together in LINE without
	 * printf and added at once, the same text as
	 * "%-15s %-15s %-15s %6u %s\n". */
	TAILQ_FOREACH(is, &db->db_isakmp, is_entry) {
		char	line[3 * 16 + 11 + 16 + 1], *p = line;

		/* The next SA may be in another slab: fetched while this
		 * line is put together. */
		__builtin_prefetch(TAILQ_NEXT(is, is_entry));
		if (is->is_remote.sa_family != 4)
			continue;
		dst_src(is, &dst, &src);
		sa_addr_fmt(dst, p, IP4_TEXT_LEN);
		p = column(p, 16);
		sa_addr_fmt(src, p, IP4_TEXT_LEN);
		p = column(p, 16);
		p = column(strcpy(p, isakmp_state_name(is->is_state)), 16);
		p = connid6(p, is->is_connid);
		p = stpcpy(p, status(is));
		*p++ = '\n';
		strbuf_add(sb, line, (size_t)(p - line));
	}
	strbuf_puts(sb, "\nIPv6 Crypto ISAKMP SA\n\n");
	TAILQ_FOREACH(is, &db->db_isakmp, is_entry) {
		if (is->is_remote.sa_family != 6)
			continue;
		dst_src(is, &dst, &src);
		strbuf_printf(sb, " dst: %s\n src: %s\n state: %-15s "
		    "conn-id: %6u status: %s\n\n", addr(dst, d, sizeof(d)),
		    addr(src, s, sizeof(s)), isakmp_state_name(is->is_state),
		    is->is_connid, status(is));
	}
}

/* What is left of a lifetime, as hh:mm:ss. */
static void
remaining(uint32_t life_s, uint64_t up_ms, uint64_t now_ms, char *buf,
    size_t len)
{
	uint64_t	gone = now_ms > up_ms ? (now_ms - up_ms) / 1000 : 0;
	uint64_t	left = gone < life_s ? life_s - gone : 0;

	snprintf(buf, len, "%02u:%02u:%02u", (unsigned)(left / 3600),
	    (unsigned)(left / 60 % 60), (unsigned)(left % 60));
}

static void
caps(unsigned c, char *buf)
{
	char	*p = buf;

	if (c & ISK_CAP_CONFIG)
		*p++ = 'C';
	if (c & ISK_CAP_DPD)
		*p++ = 'D';
	if (c & ISK_CAP_KEEPALIVE)
		*p++ = 'K';
	if (c & ISK_CAP_NATT)
		*p++ = 'N';
	if (c & ISK_CAP_XAUTH)
		*p++ = 'X';
	*p = '\0';
}

/*
 * The Auth column names the negotiated method from the legend's three;
 * IOS leaves it blank for any other, as seed 002 shows for its VPN
 * client's XAUTHInitPreShared (65001) SA beside the L2L peer's "psk".
 */
static const char *
auth_col(unsigned m)
{
	switch (m) {
	case IKE_ATTR_AUTH_PSK:		return "psk";
	case IKE_ATTR_AUTH_RSA_SIG:	return "rsig";
	case IKE_ATTR_AUTH_RSA_ENC:	return "renc";
	default:			return "";
	}
}

static const char *
su(const char *s)
{
	return s != NULL ? s : "";
}

void
sadb_show_isakmp_detail(const struct sadb *db, const struct ios_version *v,
    uint64_t now_ms, struct strbuf *sb)
{
	const struct isakmp_sa	*is;
	char			 l[48], r[48], life[32], cap[8];
	int			 fam;

	strbuf_puts(sb, "Codes: C - IKE configuration mode, D - Dead Peer "
	    "Detection\n       K - Keepalives, N - NAT-traversal\n");
	if (v15(v))
		strbuf_puts(sb, "       T - cTCP encapsulation, X - IKE "
		    "Extended Authentication\n");
	else
		strbuf_puts(sb, "       X - IKE Extended Authentication\n");
	strbuf_puts(sb, "       psk - Preshared key, rsig - RSA signature\n"
	    "       renc - RSA encryption\n");
	if (!v15(v)) {
		strbuf_puts(sb, "\nC-id  Local           Remote          "
		    "I-VRF    Encr Hash Auth DH Lifetime Cap.\n");
		TAILQ_FOREACH(is, &db->db_isakmp, is_entry) {
			remaining(is->is_suite.su_lifetime, is->is_up_ms,
			    now_ms, life, sizeof(life));
			caps(is->is_caps, cap);
			strbuf_printf(sb, "%-5u %-15s %-15s %-8s %-4s %-4s "
			    "%-4s %-3u %s %-4s\n", is->is_connid,
			    addr(&is->is_local, l, sizeof(l)),
			    addr(&is->is_remote, r, sizeof(r)), "",
			    su(is->is_suite.su_enc), su(is->is_suite.su_hash),
			    auth_col(is->is_suite.su_auth), is->is_suite.su_group,
			    life, cap);
		}
		strbuf_putc(sb, '\n');
		return;
	}
	for (fam = 4; fam <= 6; fam += 2) {
		strbuf_printf(sb, "IPv%d Crypto ISAKMP SA\n\n", fam);
		if (fam == 4)
			strbuf_puts(sb, "C-id  Local           Remote          "
			    "I-VRF  Status Encr Hash   Auth DH Lifetime "
			    "Cap.\n\n");
		TAILQ_FOREACH(is, &db->db_isakmp, is_entry) {
			if (is->is_remote.sa_family != fam)
				continue;
			remaining(is->is_suite.su_lifetime, is->is_up_ms,
			    now_ms, life, sizeof(life));
			caps(is->is_caps, cap);
			strbuf_printf(sb, "%-5u %-15s %-15s %-6s %-6s %-4s "
			    "%-6s %-4s %-2u %s %-4s\n"
			    "       Engine-id:Conn-id =  SW:%u\n\n",
			    is->is_connid, addr(&is->is_local, l, sizeof(l)),
			    addr(&is->is_remote, r, sizeof(r)), "", "ACTIVE",
			    su(is->is_suite.su_enc), su(is->is_suite.su_hash),
			    auth_col(is->is_suite.su_auth), is->is_suite.su_group,
			    life, cap, is->is_connid > 1000 ?
			    is->is_connid - 1000 : is->is_connid);
		}
	}
}

/* "(1.1.1.1/255.255.255.255/0/0)", "(::/0/0/0)". */
static void
ident(const struct sa_ident *id, struct strbuf *sb)
{
	char		a[48], m[16];
	uint32_t	mask;

	sa_addr_fmt(&id->id_addr, a, sizeof(a));
	if (id->id_addr.sa_family == 6) {
		strbuf_printf(sb, "(%s/%u/%u/%u)", a, id->id_plen,
		    id->id_proto, id->id_port);
		return;
	}
	mask = id->id_plen == 0 ? 0 : 0xffffffffu << (32 - id->id_plen);
	strbuf_printf(sb, "(%s/%s/%u/%u)", a, ip4_text(mask, m), id->id_proto,
	    id->id_port);
}

static uint32_t
current_out_spi(const struct ipsec_flow *fl)
{
	const struct ipsec_sa	*ps = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);

	return ps != NULL ? ps->ps_spi : 0;
}

/*
 * REL is the release's major number: 12, 15, or 16 and later — IOS XE's
 * layout of the detail (replay window size, Status: ACTIVE(ACTIVE), the
 * plaintext mtu, the tagged counters; as ntc-templates' samples of IOS XE
 * routers show it).
 */
static void
sa_block(const struct ipsec_sa *ps, bool ah, unsigned rel, uint64_t now_ms,
    struct strbuf *sb)
{
	const struct ipsec_flow	*fl = ps->ps_flow;
	bool			 ios15 = rel >= 15;
	const void		*has;
	unsigned		 win;
	uint64_t		 gone = now_ms > ps->ps_up_ms ?
				    (now_ms - ps->ps_up_ms) / 1000 : 0;
	uint64_t		 kb = ps->ps_bytes / 1024;
	int			 i;

	strbuf_printf(sb, "      spi: 0x%X(%u)\n"
	    "        transform: %s ,\n"
	    "        in use settings ={%s%s, }\n", ah ? ps->ps_ah_spi :
	    ps->ps_spi, ah ? ps->ps_ah_spi : ps->ps_spi,
	    ah ? ps->ps_ah_transform : ps->ps_transform, ps->ps_transport ? "Transport" : "Tunnel",
	    ps->ps_udp ? " UDP-Encaps" : "");
	if (ios15)
		strbuf_printf(sb, "        conn id: %u, flow_id: SW:%u, "
		    "sibling_flags %X, crypto map: %s\n", ps->ps_connid,
		    ps->ps_connid > 2000 ? ps->ps_connid - 2000 :
		    ps->ps_connid, fl->fl_sibling, fl->fl_map);
	else
		strbuf_printf(sb, "        slot: 0, conn id: %u, flow_id: %u, "
		    "crypto map: %s\n"
		    "        crypto engine type: Software, engine_id: 1\n",
		    ps->ps_connid, ps->ps_flowid, fl->fl_map);
	strbuf_printf(sb, "        sa timing: remaining key lifetime (k/sec): "
	    "(%llu/%llu)\n",
	    (unsigned long long)(kb < ps->ps_life_kb ? ps->ps_life_kb - kb : 0),
	    (unsigned long long)(gone < ps->ps_life_sec ?
	    ps->ps_life_sec - gone : 0));
	if (!ios15) {
		strbuf_puts(sb, "        ike_cookies:");
		for (i = 0; i < 8; i += 4)
			strbuf_printf(sb, " %02X%02X%02X%02X",
			    ps->ps_icookie[i], ps->ps_icookie[i + 1],
			    ps->ps_icookie[i + 2], ps->ps_icookie[i + 3]);
		for (i = 0; i < 8; i += 4)
			strbuf_printf(sb, " %02X%02X%02X%02X",
			    ps->ps_rcookie[i], ps->ps_rcookie[i + 1],
			    ps->ps_rcookie[i + 2], ps->ps_rcookie[i + 3]);
		strbuf_putc(sb, '\n');
	}
	/* IOS detects replays only on authenticated SAs, and not with
	 * `crypto ipsec security-association replay disable`. */
	/* An AH SA has no IV, and IOS prints no IV line for it. */
	if (!ah)
		strbuf_printf(sb, "        IV size: %u bytes\n", ps->ps_iv_size);
	has = ah ? (const void *)ps->ps_ah : (const void *)ps->ps_esp;
	win = ps->ps_ah != NULL && ah ? ah_sa_replay_window(ps->ps_ah) :
	    ps->ps_esp != NULL && !ah ? esp_sa_replay_window(ps->ps_esp) : 0;
	strbuf_printf(sb, "        replay detection support: %s",
	    has == NULL || win != 0 ? "Y" : "N");
	if (rel >= 16 && has != NULL && win != 0)
		strbuf_printf(sb, "  replay window size: %u", win);
	strbuf_putc(sb, '\n');
	if (rel >= 16)
		strbuf_puts(sb, "        Status: ACTIVE(ACTIVE)\n");
	else if (ios15)
		strbuf_puts(sb, "        Status: ACTIVE\n");
	strbuf_putc(sb, '\n');
}

/* The SAs of one protocol (AH: those with an AH part) in list L. */
static void
sa_proto(const struct ipsec_sa_list *l, bool ah, unsigned rel, uint64_t now_ms,
    struct strbuf *sb)
{
	const struct ipsec_sa	*ps;
	bool			 any = false;

	TAILQ_FOREACH(ps, l, ps_entry) {
		if (ah ? ps->ps_ah_spi == 0 : ps->ps_esp == NULL &&
		    ps->ps_ah_spi != 0)
			continue;
		sa_block(ps, ah, rel, now_ms, sb);
		any = true;
	}
	if (!any)
		strbuf_putc(sb, '\n');
}

static void
sa_list(const struct ipsec_sa_list *l, const char *dir, unsigned rel,
    uint64_t now_ms, struct strbuf *sb)
{
	strbuf_printf(sb, "     %s esp sas:\n", dir);
	sa_proto(l, false, rel, now_ms, sb);
	strbuf_printf(sb, "     %s ah sas:\n", dir);
	sa_proto(l, true, rel, now_ms, sb);
	strbuf_printf(sb, "     %s pcp sas:\n", dir);
}

/*
 * The receive errors split as `show crypto ipsec sa detail` prints them
 * (IOS 12.4T/15.x, between the compression lines and #send errors; the
 * doubled '#' of "##pkts replay failed" is IOS's own).  Counters iosh has
 * no cause for (no sa, rollover, internal) are 0.
 */
static void
detail_errors(const struct flow_stats *st, unsigned rel, struct strbuf *sb)
{
	strbuf_printf(sb,
	    "    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0\n"
	    "    #pkts encaps failed (send) %llu, #pkts decaps failed (rcv) 0\n"
	    "    #pkts invalid prot (recv) %llu, #pkts verify failed: %llu\n"
	    "    #pkts invalid identity (recv) %llu, #pkts invalid len (rcv) "
	    "%llu\n"
	    "    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0\n"
	    "    ##pkts replay failed (rcv): %llu\n",
	    (unsigned long long)st->fs_send_errors,
	    (unsigned long long)st->fs_invalid_prot,
	    (unsigned long long)st->fs_verify_fail,
	    (unsigned long long)st->fs_recv_policy,
	    (unsigned long long)st->fs_invalid_len,
	    (unsigned long long)st->fs_replay_fail);
	if (rel >= 16)
		strbuf_puts(sb, "    #pkts tagged (send): 0, #pkts untagged "
		    "(rcv): 0\n    #pkts not tagged (send): 0, #pkts not "
		    "untagged (rcv): 0\n");
	strbuf_puts(sb, "    #pkts internal err (send): 0, "
	    "#pkts internal err (recv) 0\n");
}

static void
flow_block(const struct ipsec_flow *fl, const struct ios_version *v,
    bool detail, uint64_t now_ms, struct strbuf *sb)
{
	unsigned		 rel = v->iv_major;
	bool			 ios15 = v15(v);
	/* 12.4 put a colon after digest and verify; 12.3's have none
	 * (seeds 000 and 002: "#pkts digest 0", "#pkts verify 189"). */
	const char		*colon = has_status(v) ? ":" : "";
	const struct flow_stats	*st = &fl->fl_stats;
	const struct ipsec_sa	*out = TAILQ_LAST(&fl->fl_out, ipsec_sa_list);
	char			 l[48], r[48];
	uint32_t		 spi = current_out_spi(fl);
	bool			 six = fl->fl_local_addr.sa_family == 6;

	addr(&fl->fl_local_addr, l, sizeof(l));
	addr(&fl->fl_peer, r, sizeof(r));
	strbuf_printf(sb, "\n   protected vrf:%s\n   local  ident "
	    "(addr/mask/prot/port): ", ios15 ? " (none)" : "");
	ident(&fl->fl_lident, sb);
	strbuf_puts(sb, "\n   remote ident (addr/mask/prot/port): ");
	ident(&fl->fl_rident, sb);
	if (ios15)
		strbuf_printf(sb, "\n   current_peer %s port %u\n", r,
		    fl->fl_peer_port);
	else
		strbuf_printf(sb, "\n   current_peer: %s:%u\n", r,
		    fl->fl_peer_port);
	strbuf_printf(sb, "     PERMIT, flags={%s}\n"
	    "    #pkts encaps: %llu, #pkts encrypt: %llu, #pkts digest%s %llu\n"
	    "    #pkts decaps: %llu, #pkts decrypt: %llu, #pkts verify%s %llu\n"
	    "    #pkts compressed: 0, #pkts decompressed: 0\n"
	    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
	    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n",
	    fl->fl_from_acl ? "origin_is_acl," : "",
	    (unsigned long long)st->fs_encaps,
	    (unsigned long long)st->fs_encrypt,
	    colon, (unsigned long long)st->fs_digest,
	    (unsigned long long)st->fs_decaps,
	    (unsigned long long)st->fs_decrypt,
	    colon, (unsigned long long)st->fs_verify);
	if (detail)
		detail_errors(st, rel, sb);
	/* IOS XE's detail has no summary line of the errors. */
	if (!detail || rel < 16)
		strbuf_printf(sb, "    #send errors %llu, #recv errors %llu\n",
		    (unsigned long long)st->fs_send_errors,
		    (unsigned long long)st->fs_recv_errors);
	strbuf_putc(sb, '\n');
	if (six)
		strbuf_printf(sb, "     local crypto endpt.: %s,\n"
		    "     remote crypto endpt.: %s\n", l, r);
	else
		strbuf_printf(sb, "     local crypto endpt.: %s, remote crypto "
		    "endpt.: %s\n", l, r);
	if (rel >= 16)
		strbuf_printf(sb, "     plaintext mtu %zu,", out != NULL ?
		    ipsec_mtu_inner(fl, out) : (size_t)fl->fl_mtu);
	else if (ios15)
		strbuf_puts(sb, "    ");
	if (ios15) {
		strbuf_printf(sb, " path mtu %u, %s mtu %u, %s mtu idb %s\n"
		    "     current outbound spi: 0x%X(%u)\n"
		    "     PFS (Y/N): %s, DH group: ", fl->fl_mtu,
		    six ? "ipv6" : "ip", fl->fl_ip_mtu, six ? "ipv6" : "ip",
		    fl->fl_idb, spi, spi, fl->fl_pfs_group ? "Y" : "N");
		if (fl->fl_pfs_group != 0)
			strbuf_printf(sb, "group%u\n", fl->fl_pfs_group);
		else
			strbuf_puts(sb, "none\n");
	} else
		strbuf_printf(sb, "     path mtu %u, media mtu %u\n"
		    "     current outbound spi: %X\n", fl->fl_mtu, fl->fl_ip_mtu,
		    spi);
	strbuf_putc(sb, '\n');
	sa_list(&fl->fl_in, "inbound", rel, now_ms, sb);
	strbuf_putc(sb, '\n');
	sa_list(&fl->fl_out, "outbound", rel, now_ms, sb);
}

static int
flow_cmp_if(const void *a, const void *b)
{
	const struct ipsec_flow	*fa = *(const struct ipsec_flow *const *)a;
	const struct ipsec_flow	*fb = *(const struct ipsec_flow *const *)b;
	int			 c = strcmp(fa->fl_ifname, fb->fl_ifname);

	if (c != 0)
		return c;
	return fa->fl_seq < fb->fl_seq ? -1 : fa->fl_seq > fb->fl_seq;
}

static int
flow_cmp_peer(const void *a, const void *b)
{
	const struct ipsec_flow	*fa = *(const struct ipsec_flow *const *)a;
	const struct ipsec_flow	*fb = *(const struct ipsec_flow *const *)b;
	int			 c = strcmp(fa->fl_ifname, fb->fl_ifname);

	if (c == 0)
		c = memcmp(&fa->fl_peer, &fb->fl_peer, sizeof(fa->fl_peer));
	if (c != 0)
		return c;
	return fa->fl_seq < fb->fl_seq ? -1 : fa->fl_seq > fb->fl_seq;
}

/* The flows sorted by CMP (a hub's thousands: no quadratic grouping). */
static const struct ipsec_flow **
flows_sorted(const struct sadb *db, int (*cmp)(const void *, const void *))
{
	const struct ipsec_flow	**v, *fl;
	size_t			  i = 0;

	v = xcalloc(db->db_nflows + 1, sizeof(*v));
	TAILQ_FOREACH(fl, &db->db_flows, fl_entry)
		v[i++] = fl;
	qsort(v, i, sizeof(*v), cmp);
	return v;
}

/* Flows grouped under their interface (interfaces by name), each
 * interface's in the order they were built. */
/* The flows of `show crypto ipsec sa`, by interface, each interface's
 * header before its first flow shown; SEL (NULL: all) picks flows, as
 * `peer ADDR` and `map NAME` do. */
static void
show_ipsec(const struct sadb *db, const struct ios_version *v, bool detail,
    const struct sadb_ipsec_sel *sel, uint64_t now_ms, struct strbuf *sb)
{
	const struct ipsec_flow	**fv;
	const char		 *last_if = NULL;
	char			  l[48];
	bool			  ios15 = v15(v);
	size_t			  i;

	fv = flows_sorted(db, flow_cmp_if);
	for (i = 0; i < db->db_nflows; i++) {
		if (sel != NULL && ((sel->sel_peer != NULL &&
		    !sa_addr_eq(&fv[i]->fl_peer, sel->sel_peer)) ||
		    (sel->sel_map != NULL &&
		    strcmp(fv[i]->fl_map, sel->sel_map) != 0)))
			continue;
		if (last_if == NULL || strcmp(last_if, fv[i]->fl_ifname) != 0)
			strbuf_printf(sb, "\ninterface: %s\n    Crypto map tag: "
			    "%s, local addr%s %s\n", fv[i]->fl_ifname,
			    fv[i]->fl_map, ios15 ? "" : ".",
			    addr(&fv[i]->fl_local_addr, l, sizeof(l)));
		last_if = fv[i]->fl_ifname;
		flow_block(fv[i], v, detail, now_ms, sb);
	}
	free(fv);
	strbuf_putc(sb, '\n');
}

void
sadb_show_ipsec(const struct sadb *db, const struct ios_version *v,
    uint64_t now_ms, struct strbuf *sb)
{
	show_ipsec(db, v, false, NULL, now_ms, sb);
}

void
sadb_show_ipsec_detail(const struct sadb *db, const struct ios_version *v,
    uint64_t now_ms, struct strbuf *sb)
{
	show_ipsec(db, v, true, NULL, now_ms, sb);
}

void
sadb_show_ipsec_sel(const struct sadb *db, const struct ios_version *v,
    bool detail, const struct sadb_ipsec_sel *sel, uint64_t now_ms,
    struct strbuf *sb)
{
	show_ipsec(db, v, detail, sel, now_ms, sb);
}

/* "host 1.1.1.1", "10.1.0.0/255.255.0.0", as the IPSEC FLOW line says. */
static void
flow_side(const struct sa_ident *id, struct strbuf *sb)
{
	char		a[48], m[16];
	uint32_t	mask;

	sa_addr_fmt(&id->id_addr, a, sizeof(a));
	if (id->id_addr.sa_family == 6) {
		strbuf_printf(sb, " %s/%u", a, id->id_plen);
		return;
	}
	if (id->id_plen == 32) {
		strbuf_printf(sb, " host %s", a);
		return;
	}
	mask = id->id_plen == 0 ? 0 : 0xffffffffu << (32 - id->id_plen);
	strbuf_printf(sb, " %s/%s", a, ip4_text(mask, m));
}

static size_t
flow_nsa(const struct ipsec_flow *fl)
{
	const struct ipsec_sa	*ps;
	size_t			 n = 0;

	TAILQ_FOREACH(ps, &fl->fl_in, ps_entry)
		n++;
	TAILQ_FOREACH(ps, &fl->fl_out, ps_entry)
		n++;
	return n;
}

static bool
ike_of(const struct isakmp_sa *is, const char *ifname,
    const struct sa_addr *peer)
{
	return !is->is_dead && sa_addr_eq(&is->is_remote, peer) &&
	    strcmp(is->is_ifname, ifname) == 0;
}

/*
 * The ISAKMP SAs that may be PEER's: the peer's own list (*PER set), or
 * every SA when the database has no entry for it.  A walk of every SA
 * for each session block made `show crypto session` quadratic (32 s over
 * 10,000 peers).
 */
static const struct isakmp_sa *
ike_first(const struct sadb *db, const struct sa_addr *peer, bool *per)
{
	const struct sadb_peer	*pe = sadb_peer_find(db, peer);

	*per = pe != NULL;
	return pe != NULL ? TAILQ_FIRST(&pe->pe_isakmp) :
	    TAILQ_FIRST(&db->db_isakmp);
}

static const struct isakmp_sa *
ike_next(const struct isakmp_sa *is, bool per)
{
	return per ? TAILQ_NEXT(is, is_pentry) : TAILQ_NEXT(is, is_entry);
}

/* The names of a peer's session: its first live ISAKMP SA's that has
 * them (a phase-1 rekey's successor carries the same). */
static const struct isakmp_sess *
peer_sess(const struct isakmp_sa *is0)
{
	const struct isakmp_sa	*is;

	if (is0->is_pe == NULL)
		return is0->is_sess;
	TAILQ_FOREACH(is, &is0->is_pe->pe_isakmp, is_pentry)
		if (!is->is_dead && is->is_sess != NULL)
			return is->is_sess;
	return NULL;
}

/* IOS's Phase1_id: a VPN client's group (its ID_KEY_ID), else the
 * peer's address (iosh's peers identify by address). */
static const char *
phase1_id(const struct isakmp_sess *ss, const struct sa_addr *peer,
    char *buf, size_t len)
{
	if (ss != NULL && ss->s_group[0] != '\0')
		return ss->s_group;
	return addr(peer, buf, len);
}

/* Uptime as IOS counts it: hh:mm:ss for a day, then 1d02h, then 1w2d. */
static void
uptime(uint64_t s, char *buf, size_t len)
{
	if (s < 86400)
		snprintf(buf, len, "%02u:%02u:%02u", (unsigned)(s / 3600),
		    (unsigned)(s / 60 % 60), (unsigned)(s % 60));
	else if (s < 7 * 86400)
		snprintf(buf, len, "%ud%02uh", (unsigned)(s / 86400),
		    (unsigned)(s / 3600 % 24));
	else
		snprintf(buf, len, "%uw%ud", (unsigned)(s / (7 * 86400)),
		    (unsigned)(s / 86400 % 7));
}

/* "Inbound:  #pkts dec'ed 4 drop 0 life (KB/Sec) 4244771/3555": the
 * newest SA's lifetime left, as `show crypto ipsec sa` counts it. */
static void
sa_life_line(const char *what, uint64_t pkts, uint64_t drop,
    const struct ipsec_sa_list *l, uint64_t now_ms, struct strbuf *sb)
{
	const struct ipsec_sa	*ps = TAILQ_LAST(l, ipsec_sa_list);
	uint64_t		 kb = 0, sec = 0, gone;

	if (ps != NULL) {
		gone = now_ms > ps->ps_up_ms ?
		    (now_ms - ps->ps_up_ms) / 1000 : 0;
		kb = ps->ps_bytes / 1024 < ps->ps_life_kb ?
		    ps->ps_life_kb - ps->ps_bytes / 1024 : 0;
		sec = gone < ps->ps_life_sec ? ps->ps_life_sec - gone : 0;
	}
	strbuf_printf(sb, "        %s #pkts %s %llu drop %llu life (KB/Sec) "
	    "%llu/%llu\n", what, what[0] == 'I' ? "dec'ed" : "enc'ed",
	    (unsigned long long)pkts, (unsigned long long)drop,
	    (unsigned long long)kb, (unsigned long long)sec);
}

struct session_view {
	bool		 ios15;
	bool		 detail;
	uint64_t	 now_ms;
	const struct sa_addr *remote;	/* `remote ADDR`: that peer only */
	const struct dataplane *brief;	/* `brief`: one row per session, the
					 * interface's short name from it */
};

/*
 * `show crypto session brief`'s row, as a 15.x router prints it:
 *
 *	Peer            I/F          Username        Group/Phase1_id          Uptime   Status
 *	10.255.0.46     Tu0                          R14                      00:10:53 UA
 *
 * Status: U(p) or D(own), then A(ctive), I(dle), N(egotiating) or K (no
 * IKE); "UK" and "DN" follow the legend, unconfirmed by a capture.
 */
static void
session_row(const struct session_view *sv, const char *ifname,
    const struct sa_addr *peer, const struct isakmp_sess *ss,
    const char *st, uint64_t up_ms, struct strbuf *sb)
{
	char		 a[48], i[32], id[48], t[32];
	const char	*code;

	code = strcmp(st, "UP-ACTIVE") == 0 ? "UA" :
	    strcmp(st, "UP-IDLE") == 0 ? "UI" :
	    strcmp(st, "UP-NO-IKE") == 0 ? "UK" :
	    strcmp(st, "DOWN-NEGOTIATING") == 0 ? "DN" : "D";
	dp_ifname_short(sv->brief, ifname, i, sizeof(i));
	uptime(up_ms != 0 && sv->now_ms > up_ms ?
	    (sv->now_ms - up_ms) / 1000 : 0, t, sizeof(t));
	strbuf_printf(sb, "%-15s %-12s %-15s %-24s %-8s %s\n",
	    addr(peer, a, sizeof(a)), i,
	    ss != NULL ? ss->s_user : "", phase1_id(ss, peer, id, sizeof(id)),
	    t, code);
}

/*
 * One block per interface and peer: the peer's ISAKMP SAs, then its
 * flows FV[0..N).  UP-ACTIVE when both phases are up, UP-IDLE with phase
 * 1 only, UP-NO-IKE with IPsec SAs only, DOWN-NEGOTIATING while phase 1
 * runs.  A remote-access peer's names come first (Username, Profile,
 * Group, Assigned address, the order of IOS 12.4T/15 Easy VPN servers;
 * genieparser's show_crypto.py reads them in that order, and a 15.x
 * router's `show crypto session detail` puts Uptime after Profile).
 * The detail's other lines are as a 15.x router prints them for IKEv1
 * peers (an IOS 15 DMVPN hub's capture: "Peer: ... fvrf: (none) ivrf:
 * (none)", "      Phase1_id: R28", "      Desc: (none)", "
 * Capabilities:(none) connid:1003 lifetime:23:59:15", "        Inbound:
 *  #pkts dec'ed 4 drop 0 life (KB/Sec) 4244771/3555").
 */
static void
session_block(const struct sadb *db, const char *ifname,
    const struct sa_addr *peer, uint16_t port,
    const struct ipsec_flow *const *fv, size_t n,
    const struct session_view *sv, struct strbuf *sb)
{
	const struct isakmp_sa	*is, *first = NULL;
	const struct isakmp_sess *ss = NULL;
	const struct ipsec_flow	*fl;
	const struct ipsec_sa	*ps;
	char			 l[48], r[48], t[32], cap[8];
	bool			 ike_up = false, ike_any = false, per;
	size_t			 i, nsa = 0;
	const char		*st;
	uint64_t		 up_ms = 0;

	for (is = ike_first(db, peer, &per); is != NULL; is = ike_next(is, per))
		if (ike_of(is, ifname, peer)) {
			if (first == NULL)
				first = is;
			ike_any = true;
			if (is->is_state == ISK_QM_IDLE) {
				ike_up = true;
				if (up_ms == 0 || is->is_up_ms < up_ms)
					up_ms = is->is_up_ms;
			}
		}
	if (first != NULL)
		ss = peer_sess(first);
	for (i = 0; i < n; i++)
		nsa += flow_nsa(fv[i]);
	if (ike_up)
		st = nsa > 0 ? "UP-ACTIVE" : "UP-IDLE";
	else if (nsa > 0)
		st = "UP-NO-IKE";
	else
		st = ike_any ? "DOWN-NEGOTIATING" : "DOWN";
	/* Up since phase 1 came up; without IKE, since its oldest SA. */
	for (i = 0; i < n && !ike_up; i++)
		if ((ps = TAILQ_FIRST(&fv[i]->fl_in)) != NULL &&
		    (up_ms == 0 || ps->ps_up_ms < up_ms))
			up_ms = ps->ps_up_ms;
	if (sv->brief != NULL) {
		session_row(sv, ifname, peer, ss, st, up_ms, sb);
		return;
	}
	strbuf_printf(sb, "Interface: %s\n", ifname);
	if (ss != NULL && ss->s_user[0] != '\0')
		strbuf_printf(sb, "Username: %s\n", ss->s_user);
	if (ss != NULL && ss->s_profile[0] != '\0')
		strbuf_printf(sb, "Profile: %s\n", ss->s_profile);
	if (ss != NULL && ss->s_group[0] != '\0')
		strbuf_printf(sb, "Group: %s\n", ss->s_group);
	if (ss != NULL && ss->s_addr != 0)
		strbuf_printf(sb, "Assigned address: %s\n",
		    ip4_text(ss->s_addr, t));
	if (sv->detail && sv->ios15) {
		uptime(sv->now_ms > up_ms ? (sv->now_ms - up_ms) / 1000 : 0,
		    t, sizeof(t));
		strbuf_printf(sb, "Uptime: %s\n", t);
	}
	strbuf_printf(sb, "Session status: %-14s\nPeer: %s port %u ", st,
	    addr(peer, r, sizeof(r)), port);
	if (sv->detail)
		strbuf_printf(sb, "fvrf: (none) ivrf: (none)\n"
		    "      Phase1_id: %s\n      Desc: (none)\n",
		    phase1_id(ss, peer, t, sizeof(t)));
	else
		strbuf_putc(sb, '\n');
	for (is = ike_first(db, peer, &per); is != NULL;
	    is = ike_next(is, per)) {
		if (!ike_of(is, ifname, peer))
			continue;
		strbuf_printf(sb, "  %s SA: local %s/%u remote %s/%u %s \n",
		    sv->ios15 ? "IKEv1" : "IKE",
		    addr(&is->is_local, l, sizeof(l)), is->is_lport, r,
		    is->is_rport, is->is_state == ISK_QM_IDLE ? "Active" :
		    "Inactive");
		if (!sv->detail)
			continue;
		caps(is->is_caps, cap);
		remaining(is->is_suite.su_lifetime, is->is_up_ms, sv->now_ms,
		    t, sizeof(t));
		strbuf_printf(sb, "          Capabilities:%s connid:%u "
		    "lifetime:%s\n", cap[0] != '\0' ? cap : "(none)",
		    is->is_connid, t);
	}
	for (i = 0; i < n; i++) {
		fl = fv[i];
		strbuf_puts(sb, "  IPSEC FLOW: permit ");
		if (fl->fl_lident.id_proto == 0)
			strbuf_puts(sb, "ip");
		else
			strbuf_printf(sb, "%u", fl->fl_lident.id_proto);
		flow_side(&fl->fl_lident, sb);
		flow_side(&fl->fl_rident, sb);
		/* A flow a dynamic map admitted says so (IOS: "origin:
		 * dynamic crypto map"). */
		strbuf_printf(sb, " \n        Active SAs: %zu, origin: %s\n",
		    flow_nsa(fl), fl->fl_dyn != NULL ? "dynamic crypto map" :
		    "crypto map");
		if (!sv->detail)
			continue;
		sa_life_line("Inbound: ", fl->fl_stats.fs_decrypt,
		    fl->fl_stats.fs_recv_errors, &fl->fl_in, sv->now_ms, sb);
		sa_life_line("Outbound:", fl->fl_stats.fs_encrypt,
		    fl->fl_stats.fs_send_errors, &fl->fl_out, sv->now_ms, sb);
	}
	strbuf_putc(sb, '\n');
}

/* Is there a flow of IS's interface and peer?  FV is sorted by both. */
static bool
has_flow(const struct ipsec_flow *const *fv, size_t n,
    const struct isakmp_sa *is)
{
	size_t	lo = 0, hi = n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(fv[mid]->fl_ifname, is->is_ifname);
		if (c == 0)
			c = memcmp(&fv[mid]->fl_peer, &is->is_remote,
			    sizeof(is->is_remote));
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static int
ike_cmp_peer(const void *a, const void *b)
{
	const struct isakmp_sa	*ia = *(const struct isakmp_sa *const *)a;
	const struct isakmp_sa	*ib = *(const struct isakmp_sa *const *)b;
	int			 c = strcmp(ia->is_ifname, ib->is_ifname);

	if (c == 0)
		c = memcmp(&ia->is_remote, &ib->is_remote,
		    sizeof(ia->is_remote));
	if (c != 0)
		return c;
	return ia->is_connid < ib->is_connid ? -1 :
	    ia->is_connid > ib->is_connid;
}

static void
show_session(const struct sadb *db, const struct session_view *sv,
    struct strbuf *sb)
{
	const struct ipsec_flow	**fv;
	const struct isakmp_sa	**iv, *is;
	size_t			  i, j, n = db->db_nflows, ni = 0;

	if (sv->brief != NULL)
		strbuf_puts(sb, "Status: A- Active, U - Up, D - Down, I - "
		    "Idle, S - Standby, N - Negotiating \n        K - No IKE\n"
		    "ivrf = (none)\nPeer            I/F          Username      "
		    "  Group/Phase1_id          Uptime   Status\n");
	else
		strbuf_puts(sb, "Crypto session current status\n\n");
	/* The legend: a 15.x router's capture; 12.4T's second line is
	 * without cTCP and F (unconfirmed, see the report of issue 15). */
	if (sv->detail && sv->ios15)
		strbuf_puts(sb, "Code: C - IKE Configuration mode, D - Dead "
		    "Peer Detection     \nK - Keepalives, N - NAT-traversal, "
		    "T - cTCP encapsulation     \nX - IKE Extended "
		    "Authentication, F - IKE Fragmentation\n\n");
	else if (sv->detail)
		strbuf_puts(sb, "Code: C - IKE Configuration mode, D - Dead "
		    "Peer Detection     \nK - Keepalives, N - NAT-traversal, "
		    "X - IKE Extended Authentication\n\n");
	fv = flows_sorted(db, flow_cmp_peer);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(fv[j]->fl_ifname,
		    fv[i]->fl_ifname) == 0 && sa_addr_eq(&fv[j]->fl_peer,
		    &fv[i]->fl_peer); j++)
			;
		if (sv->remote != NULL &&
		    !sa_addr_eq(&fv[i]->fl_peer, sv->remote))
			continue;
		session_block(db, fv[i]->fl_ifname, &fv[i]->fl_peer,
		    fv[i]->fl_peer_port, fv + i, j - i, sv, sb);
	}
	/* Peers with phase 1 only (negotiating, or idle), one block each. */
	iv = xcalloc(db->db_nisakmp + 1, sizeof(*iv));
	TAILQ_FOREACH(is, &db->db_isakmp, is_entry)
		if (!is->is_dead && is->is_ifname[0] != '\0' &&
		    !has_flow(fv, n, is))
			iv[ni++] = is;
	qsort(iv, ni, sizeof(*iv), ike_cmp_peer);
	for (i = 0; i < ni; i = j) {
		for (j = i + 1; j < ni && strcmp(iv[j]->is_ifname,
		    iv[i]->is_ifname) == 0 && sa_addr_eq(&iv[j]->is_remote,
		    &iv[i]->is_remote); j++)
			;
		if (sv->remote != NULL &&
		    !sa_addr_eq(&iv[i]->is_remote, sv->remote))
			continue;
		session_block(db, iv[i]->is_ifname, &iv[i]->is_remote,
		    iv[i]->is_rport, NULL, 0, sv, sb);
	}
	free(iv);
	free(fv);
}

void
sadb_show_session(const struct sadb *db, const struct ios_version *v,
    struct strbuf *sb)
{
	sadb_show_session_remote(db, v, false, NULL, 0, sb);
}

void
sadb_show_session_detail(const struct sadb *db, const struct ios_version *v,
    uint64_t now_ms, struct strbuf *sb)
{
	sadb_show_session_remote(db, v, true, NULL, now_ms, sb);
}

void
sadb_show_session_remote(const struct sadb *db, const struct ios_version *v,
    bool detail, const struct sa_addr *remote, uint64_t now_ms,
    struct strbuf *sb)
{
	const struct session_view sv = { v15(v), detail, now_ms, remote,
	    NULL };

	show_session(db, &sv, sb);
}

void
sadb_show_session_brief(const struct sadb *db, const struct ios_version *v,
    const struct dataplane *dp, uint64_t now_ms, struct strbuf *sb)
{
	const struct session_view sv = { v15(v), false, now_ms, NULL, dp };

	show_session(db, &sv, sb);
}

/*
 * `show crypto isakmp peers`, one block per peer with a live ISAKMP SA
 * (a 15.x router: "Peer: 10.0.3.37 Port: 500 Local: 10.3.4.18" and
 * " Phase1 id: R15").
 */
void
sadb_show_isakmp_peers(const struct sadb *db, struct strbuf *sb)
{
	const struct isakmp_sa	*is, *f;
	char			 l[48], r[48], id[48];

	TAILQ_FOREACH(is, &db->db_isakmp, is_entry) {
		if (is->is_dead)
			continue;
		/* The peer's first live SA speaks for it. */
		if (is->is_pe != NULL) {
			TAILQ_FOREACH(f, &is->is_pe->pe_isakmp, is_pentry)
				if (!f->is_dead)
					break;
			if (f != is)
				continue;
		}
		strbuf_printf(sb, "Peer: %s Port: %u Local: %s\n"
		    " Phase1 id: %s\n", addr(&is->is_remote, r, sizeof(r)),
		    is->is_rport, addr(&is->is_local, l, sizeof(l)),
		    phase1_id(peer_sess(is), &is->is_remote, id, sizeof(id)));
	}
}
