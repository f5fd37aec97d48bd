/*
 * Unit tests for crypto/sadb: lookups by cookie and SPI at hub scale,
 * connection numbering per release, and the show renderers against the
 * seeds' text (001 and 003 for 15.x, 000/002/004 for 12.x).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike_int.h"
#include "crypto/isakmp_wire.h"
#include "crypto/sadb.h"
#include "lib/system.h"

static struct ios_version	v15 = { 15, 1 }, v123 = { 12, 3 };
static struct sadb		db;
static struct strbuf		out;

static void
setup(void)
{
	sadb_init(&db, &v15);
	strbuf_init(&out);
}

static void
teardown(void)
{
	sadb_free(&db);
	strbuf_free(&out);
}

static void
cookie(uint8_t c[8], uint64_t v)
{
	int	i;

	for (i = 7; i >= 0; i--, v >>= 8)
		c[i] = v & 0xff;
}

static struct sa_ident
host(uint32_t a)
{
	struct sa_ident	id;

	memset(&id, 0, sizeof(id));
	sa_addr_v4(&id.id_addr, a);
	id.id_plen = 32;
	return id;
}

#define IP(a, b, c, d)	((uint32_t)(a) << 24 | (b) << 16 | (c) << 8 | (d))

/* CCIE Lab 13-1, R1 after the ping of seed 001: one ISAKMP SA (R1
 * initiated), one flow 1.1.1.1 <-> 2.2.2.2 with an SA each way. */
static void
seed001_r1(uint64_t now_ms)
{
	struct isakmp_sa	*is;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*in, *o;
	uint8_t			 ic[8];

	cookie(ic, 0x1111);
	(void)sadb_isakmp_new(&db, ic);		/* conn-id 1001, purged */
	sadb_isakmp_free(&db, TAILQ_FIRST(&db.db_isakmp));
	cookie(ic, 0x2222);
	is = sadb_isakmp_new(&db, ic);
	sa_addr_v4(&is->is_local, IP(12, 1, 1, 1));
	sa_addr_v4(&is->is_remote, IP(12, 1, 1, 2));
	is->is_lport = is->is_rport = 500;
	is->is_initiator = true;
	is->is_state = ISK_QM_IDLE;
	strcpy(is->is_ifname, "Serial1/2");
	is->is_suite = (struct isakmp_suite){ "3des", 0, "md5",
	    IKE_ATTR_AUTH_PSK, 2, 86400 };
	is->is_up_ms = now_ms - 10 * 1000;

	fl = sadb_flow_new(&db);
	strcpy(fl->fl_ifname, "Serial1/2");
	strcpy(fl->fl_map, "TST");
	strcpy(fl->fl_idb, "Serial1/2");
	sa_addr_v4(&fl->fl_local_addr, IP(12, 1, 1, 1));
	sa_addr_v4(&fl->fl_peer, IP(12, 1, 1, 2));
	fl->fl_peer_port = 500;
	fl->fl_lident = host(IP(1, 1, 1, 1));
	fl->fl_rident = host(IP(2, 2, 2, 2));
	fl->fl_from_acl = true;
	fl->fl_sibling = 0x80000046;
	fl->fl_stats = (struct flow_stats){ 4, 4, 4, 4, 4, 4, 1, 0 };
	db.db_next_ipsec_id = 2005;
	in = sadb_sa_new(&db, fl, IPSEC_IN, 0xBDAF9A28);
	o = sadb_sa_new(&db, fl, IPSEC_OUT, 0xE53B1D2);
	for (struct ipsec_sa *ps = in; ps != NULL; ps = ps == in ? o : NULL) {
		strcpy(ps->ps_transform, "esp-3des esp-md5-hmac");
		ps->ps_life_kb = 4608000;
		ps->ps_life_sec = 3600;
		ps->ps_bytes = (uint64_t)(4608000 - 4405715) * 1024;
		ps->ps_up_ms = now_ms - 914 * 1000;
		ps->ps_iv_size = 8;
	}
}

START_TEST(test_isakmp_sa_seed001)
{
	seed001_r1(1000000);
	sadb_show_isakmp(&db, &v15, &out);
	ck_assert_str_eq(out.sb_buf,
	    "\n"
	    "IPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "12.1.1.2        12.1.1.1        QM_IDLE           1002 ACTIVE\n"
	    "\n"
	    "IPv6 Crypto ISAKMP SA\n"
	    "\n");
}
END_TEST

/* Seed 001's text, with seed 003's spelling where the two differ. */
static const char ipsec_sa_001[] =
    "\n"
    "interface: Serial1/2\n"
    "    Crypto map tag: TST, local addr 12.1.1.1\n"
    "\n"
    "   protected vrf: (none)\n"
    "   local  ident (addr/mask/prot/port): (1.1.1.1/255.255.255.255/0/0)\n"
    "   remote ident (addr/mask/prot/port): (2.2.2.2/255.255.255.255/0/0)\n"
    "   current_peer 12.1.1.2 port 500\n"
    "     PERMIT, flags={origin_is_acl,}\n"
    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest: 4\n"
    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify: 4\n"
    "    #pkts compressed: 0, #pkts decompressed: 0\n"
    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n"
    "    #send errors 1, #recv errors 0\n"
    "\n"
    "     local crypto endpt.: 12.1.1.1, remote crypto endpt.: 12.1.1.2\n"
    "     path mtu 1500, ip mtu 1500, ip mtu idb Serial1/2\n"
    "     current outbound spi: 0xE53B1D2(240366034)\n"
    "     PFS (Y/N): N, DH group: none\n"
    "\n"
    "     inbound esp sas:\n"
    "      spi: 0xBDAF9A28(3182402088)\n"
    "        transform: esp-3des esp-md5-hmac ,\n"
    "        in use settings ={Tunnel, }\n"
    "        conn id: 2005, flow_id: SW:5, sibling_flags 80000046, "
    "crypto map: TST\n"
    "        sa timing: remaining key lifetime (k/sec): (4405715/2686)\n"
    "        IV size: 8 bytes\n"
    "        replay detection support: Y\n"
    "        Status: ACTIVE\n"
    "\n"
    "     inbound ah sas:\n"
    "\n"
    "     inbound pcp sas:\n"
    "\n"
    "     outbound esp sas:\n"
    "      spi: 0xE53B1D2(240366034)\n"
    "        transform: esp-3des esp-md5-hmac ,\n"
    "        in use settings ={Tunnel, }\n"
    "        conn id: 2006, flow_id: SW:6, sibling_flags 80000046, "
    "crypto map: TST\n"
    "        sa timing: remaining key lifetime (k/sec): (4405715/2686)\n"
    "        IV size: 8 bytes\n"
    "        replay detection support: Y\n"
    "        Status: ACTIVE\n"
    "\n"
    "     outbound ah sas:\n"
    "\n"
    "     outbound pcp sas:\n"
    "\n";

START_TEST(test_ipsec_sa_seed001)
{
	seed001_r1(1000000);
	sadb_show_ipsec(&db, &v15, 1000000, &out);
	ck_assert_str_eq(out.sb_buf, ipsec_sa_001);
}
END_TEST

START_TEST(test_session_and_detail_15)
{
	seed001_r1(1000000);
	sadb_show_session(&db, &v15, &out);
	ck_assert_str_eq(out.sb_buf,
	    "Crypto session current status\n"
	    "\n"
	    "Interface: Serial1/2\n"
	    "Session status: UP-ACTIVE     \n"
	    "Peer: 12.1.1.2 port 500 \n"
	    "  IKEv1 SA: local 12.1.1.1/500 remote 12.1.1.2/500 Active \n"
	    "  IPSEC FLOW: permit ip host 1.1.1.1 host 2.2.2.2 \n"
	    "        Active SAs: 2, origin: crypto map\n"
	    "\n");
	strbuf_reset(&out);
	sadb_show_isakmp_detail(&db, &v15, 1000000, &out);
	ck_assert_str_eq(out.sb_buf,
	    "Codes: C - IKE configuration mode, D - Dead Peer Detection\n"
	    "       K - Keepalives, N - NAT-traversal\n"
	    "       T - cTCP encapsulation, X - IKE Extended "
	    "Authentication\n"
	    "       psk - Preshared key, rsig - RSA signature\n"
	    "       renc - RSA encryption\n"
	    "IPv4 Crypto ISAKMP SA\n"
	    "\n"
	    "C-id  Local           Remote          I-VRF  Status Encr Hash   "
	    "Auth DH Lifetime Cap.\n"
	    "\n"
	    "1002  12.1.1.1        12.1.1.2               ACTIVE 3des md5    "
	    "psk  2  23:59:50     \n"
	    "       Engine-id:Conn-id =  SW:2\n"
	    "\n"
	    "IPv6 Crypto ISAKMP SA\n"
	    "\n");
}
END_TEST

/* Seed 002's VPN client on a 15.x hub: an Aggressive Mode phase 1 with
 * XAUTH and mode-config (Cap. CX), its flow to the assigned address. */
static void
vpn_client(uint64_t now_ms)
{
	struct isakmp_sa	*is;
	struct isakmp_sess	*ss;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*in, *o;
	uint8_t			 ic[8];

	cookie(ic, 0x3333);
	is = sadb_isakmp_new(&db, ic);
	sa_addr_v4(&is->is_local, IP(10, 48, 67, 181));
	sa_addr_v4(&is->is_remote, IP(10, 51, 82, 100));
	sadb_isakmp_set_peer(&db, is, &is->is_remote);
	is->is_lport = is->is_rport = 500;
	is->is_state = ISK_QM_IDLE;
	is->is_caps = ISK_CAP_CONFIG | ISK_CAP_XAUTH;
	strcpy(is->is_ifname, "FastEthernet0/0");
	is->is_suite = (struct isakmp_suite){ "3des", 0, "sha",
	    IKE_ATTR_AUTH_PSK, 2, 86400 };
	is->is_up_ms = now_ms - 3723 * 1000;	/* 01:02:03 */
	ss = sadb_isakmp_sess(is);
	strcpy(ss->s_profile, "VPNclient");
	strcpy(ss->s_group, "testgroup");
	strcpy(ss->s_user, "vpnuser");
	ss->s_addr = IP(10, 5, 5, 1);

	fl = sadb_flow_new(&db);
	strcpy(fl->fl_ifname, "FastEthernet0/0");
	strcpy(fl->fl_map, "mymap");
	sa_addr_v4(&fl->fl_local_addr, IP(10, 48, 67, 181));
	sa_addr_v4(&fl->fl_peer, IP(10, 51, 82, 100));
	fl->fl_peer_port = 500;
	memset(&fl->fl_lident, 0, sizeof(fl->fl_lident));
	sa_addr_v4(&fl->fl_lident.id_addr, 0);
	fl->fl_rident = host(IP(10, 5, 5, 1));
	fl->fl_stats = (struct flow_stats){ 7, 7, 7, 9, 9, 9, 0, 1 };
	in = sadb_sa_new(&db, fl, IPSEC_IN, 0x1234);
	o = sadb_sa_new(&db, fl, IPSEC_OUT, 0x5678);
	for (struct ipsec_sa *ps = in; ps != NULL; ps = ps == in ? o : NULL) {
		ps->ps_life_kb = 4608000;
		ps->ps_life_sec = 3600;
		ps->ps_bytes = 2048 * 1024;
		ps->ps_up_ms = now_ms - 600 * 1000;
	}
}

START_TEST(test_session_remote_access)
{
	uint64_t	now = 10000000;

	vpn_client(now);
	sadb_show_session(&db, &v15, &out);
	ck_assert_str_eq(out.sb_buf,
	    "Crypto session current status\n"
	    "\n"
	    "Interface: FastEthernet0/0\n"
	    "Username: vpnuser\n"
	    "Profile: VPNclient\n"
	    "Group: testgroup\n"
	    "Assigned address: 10.5.5.1\n"
	    "Session status: UP-ACTIVE     \n"
	    "Peer: 10.51.82.100 port 500 \n"
	    "  IKEv1 SA: local 10.48.67.181/500 remote 10.51.82.100/500 "
	    "Active \n"
	    "  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 host 10.5.5.1 \n"
	    "        Active SAs: 2, origin: crypto map\n"
	    "\n");
	strbuf_reset(&out);
	sadb_show_session_detail(&db, &v15, now, &out);
	ck_assert_str_eq(out.sb_buf,
	    "Crypto session current status\n"
	    "\n"
	    "Code: C - IKE Configuration mode, D - Dead Peer Detection     \n"
	    "K - Keepalives, N - NAT-traversal, T - cTCP encapsulation     \n"
	    "X - IKE Extended Authentication, F - IKE Fragmentation\n"
	    "\n"
	    "Interface: FastEthernet0/0\n"
	    "Username: vpnuser\n"
	    "Profile: VPNclient\n"
	    "Group: testgroup\n"
	    "Assigned address: 10.5.5.1\n"
	    "Uptime: 01:02:03\n"
	    "Session status: UP-ACTIVE     \n"
	    "Peer: 10.51.82.100 port 500 fvrf: (none) ivrf: (none)\n"
	    "      Phase1_id: testgroup\n"
	    "      Desc: (none)\n"
	    "  IKEv1 SA: local 10.48.67.181/500 remote 10.51.82.100/500 "
	    "Active \n"
	    "          Capabilities:CX connid:1001 lifetime:22:57:57\n"
	    "  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 host 10.5.5.1 \n"
	    "        Active SAs: 2, origin: crypto map\n"
	    "        Inbound:  #pkts dec'ed 9 drop 1 life (KB/Sec) "
	    "4605952/3000\n"
	    "        Outbound: #pkts enc'ed 7 drop 0 life (KB/Sec) "
	    "4605952/3000\n"
	    "\n");
	strbuf_reset(&out);
	sadb_show_isakmp_peers(&db, &out);
	ck_assert_str_eq(out.sb_buf,
	    "Peer: 10.51.82.100 Port: 500 Local: 10.48.67.181\n"
	    " Phase1 id: testgroup\n");
	/* The phase 1 gone (a clear, a delete): the names go with it, the
	 * LAN-to-LAN-style block stays for the flow, without a user. */
	sadb_isakmp_free(&db, TAILQ_FIRST(&db.db_isakmp));
	strbuf_reset(&out);
	sadb_show_session(&db, &v15, &out);
	ck_assert_str_eq(out.sb_buf,
	    "Crypto session current status\n"
	    "\n"
	    "Interface: FastEthernet0/0\n"
	    "Session status: UP-NO-IKE     \n"
	    "Peer: 10.51.82.100 port 500 \n"
	    "  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 host 10.5.5.1 \n"
	    "        Active SAs: 2, origin: crypto map\n"
	    "\n");
}
END_TEST

/* A LAN-to-LAN peer in detail: Phase1_id its address, no caps; 12.4's
 * legend and "IKE SA", no Uptime. */
START_TEST(test_session_detail_l2l)
{
	seed001_r1(1000000);
	sadb_show_session_detail(&db, &(struct ios_version){ 12, 4 }, 1000000,
	    &out);
	ck_assert_str_eq(out.sb_buf,
	    "Crypto session current status\n"
	    "\n"
	    "Code: C - IKE Configuration mode, D - Dead Peer Detection     \n"
	    "K - Keepalives, N - NAT-traversal, X - IKE Extended "
	    "Authentication\n"
	    "\n"
	    "Interface: Serial1/2\n"
	    "Session status: UP-ACTIVE     \n"
	    "Peer: 12.1.1.2 port 500 fvrf: (none) ivrf: (none)\n"
	    "      Phase1_id: 12.1.1.2\n"
	    "      Desc: (none)\n"
	    "  IKE SA: local 12.1.1.1/500 remote 12.1.1.2/500 Active \n"
	    "          Capabilities:(none) connid:1002 lifetime:23:59:50\n"
	    "  IPSEC FLOW: permit ip host 1.1.1.1 host 2.2.2.2 \n"
	    "        Active SAs: 2, origin: crypto map\n"
	    "        Inbound:  #pkts dec'ed 4 drop 0 life (KB/Sec) "
	    "4405715/2686\n"
	    "        Outbound: #pkts enc'ed 4 drop 1 life (KB/Sec) "
	    "4405715/2686\n"
	    "\n");
}
END_TEST

/* 12.x: conn-ids from 1 and 2000, the slot column, seed 002's detail. */
START_TEST(test_12x_layouts)
{
	struct isakmp_sa	*is;
	uint8_t			 ic[8];

	sadb_free(&db);
	sadb_init(&db, &v123);
	cookie(ic, 0x67432FCFF809B638ULL);
	is = sadb_isakmp_new(&db, ic);
	ck_assert_uint_eq(is->is_connid, 1);
	sa_addr_v4(&is->is_local, IP(10, 48, 67, 181));
	sa_addr_v4(&is->is_remote, IP(10, 100, 2, 102));
	is->is_state = ISK_QM_IDLE;
	is->is_suite = (struct isakmp_suite){ "3des", 0, "sha",
	    IKE_ATTR_AUTH_PSK, 2, 86400 };
	is->is_up_ms = 0;
	sadb_show_isakmp(&db, &v123, &out);
	ck_assert_str_eq(out.sb_buf,
	    "dst             src             state          conn-id slot\n"
	    "10.48.67.181    10.100.2.102    QM_IDLE              1    0\n"
	    "\n");
	strbuf_reset(&out);
	/* 04:15:43 left of a day: 71057 s gone. */
	sadb_show_isakmp_detail(&db, &v123, 71057 * 1000ULL, &out);
	ck_assert_ptr_nonnull(strstr(out.sb_buf,
	    "\nC-id  Local           Remote          I-VRF    Encr Hash Auth "
	    "DH Lifetime Cap.\n"
	    "1     10.48.67.181    10.100.2.102             3des sha  psk  "
	    "2   04:15:43     \n"));
	/* Seed 002's VPN client beside it: XAUTHInitPreShared, which the
	 * Auth column leaves blank, 05:31:58 left, Cap. CX. */
	cookie(ic, 0x1122334455667788ULL);
	is = sadb_isakmp_new(&db, ic);
	sa_addr_v4(&is->is_local, IP(10, 48, 67, 181));
	sa_addr_v4(&is->is_remote, IP(10, 51, 82, 100));
	is->is_state = ISK_QM_IDLE;
	is->is_suite = (struct isakmp_suite){ "3des", 0, "sha",
	    IKE_ATTR_AUTH_XAUTH_INIT_PSK, 2, 86400 };
	is->is_caps = ISK_CAP_CONFIG | ISK_CAP_XAUTH;
	is->is_up_ms = (71057 - 66482) * 1000ULL;
	strbuf_reset(&out);
	sadb_show_isakmp_detail(&db, &v123, 71057 * 1000ULL, &out);
	ck_assert_ptr_nonnull(strstr(out.sb_buf,
	    "\nC-id  Local           Remote          I-VRF    Encr Hash Auth "
	    "DH Lifetime Cap.\n"
	    "1     10.48.67.181    10.100.2.102             3des sha  psk  "
	    "2   04:15:43     \n"
	    "2     10.48.67.181    10.51.82.100             3des sha       "
	    "2   05:31:58 CX  \n"));
	sadb_isakmp_free(&db, is);
	strbuf_reset(&out);
	sadb_show_isakmp(&db, &(struct ios_version){ 12, 4 }, &out);
	ck_assert_str_eq(out.sb_buf,
	    "dst             src             state          conn-id slot "
	    "status\n"
	    "10.48.67.181    10.100.2.102    QM_IDLE              1    0 "
	    "ACTIVE\n"
	    "\n");
}
END_TEST

/* Seed 004's R1 SA block, as 12.3 lays it out. */
START_TEST(test_ipsec_sa_12x)
{
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;

	sadb_free(&db);
	sadb_init(&db, &v123);
	fl = sadb_flow_new(&db);
	strcpy(fl->fl_ifname, "Ethernet1/0");
	strcpy(fl->fl_map, "cisco");
	sa_addr_v4(&fl->fl_local_addr, IP(10, 10, 10, 1));
	sa_addr_v4(&fl->fl_peer, IP(10, 10, 10, 2));
	fl->fl_peer_port = 500;
	fl->fl_lident = host(IP(172, 18, 124, 0));
	fl->fl_lident.id_plen = 24;
	fl->fl_rident = host(IP(20, 20, 20, 0));
	fl->fl_rident.id_plen = 24;
	fl->fl_from_acl = true;
	ps = sadb_sa_new(&db, fl, IPSEC_IN, 0xDD3645C8);
	ck_assert_uint_eq(ps->ps_connid, 2000);
	strcpy(ps->ps_transform, "esp-seal esp-sha-hmac");
	ps->ps_life_kb = 4608000;
	ps->ps_life_sec = 3600;
	ps->ps_bytes = (uint64_t)(4608000 - 4565513) * 1024;
	cookie(ps->ps_icookie, 0x67432FCFF809B638ULL);
	cookie(ps->ps_rcookie, 0xB84C0CD6B0BCFFC3ULL);
	ps->ps_up_ms = 0;
	sadb_show_ipsec(&db, &v123, 218 * 1000, &out);
	ck_assert_ptr_nonnull(strstr(out.sb_buf,
	    "\ninterface: Ethernet1/0\n"
	    "    Crypto map tag: cisco, local addr. 10.10.10.1\n"
	    "\n"
	    "   protected vrf:\n"
	    "   local  ident (addr/mask/prot/port): "
	    "(172.18.124.0/255.255.255.0/0/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(20.20.20.0/255.255.255.0/0/0)\n"
	    "   current_peer: 10.10.10.2:500\n"));
	ck_assert_ptr_nonnull(strstr(out.sb_buf,
	    "     local crypto endpt.: 10.10.10.1, remote crypto endpt.: "
	    "10.10.10.2\n"
	    "     path mtu 1500, media mtu 1500\n"
	    "     current outbound spi: 0\n"
	    "\n"
	    "     inbound esp sas:\n"
	    "      spi: 0xDD3645C8(3711321544)\n"
	    "        transform: esp-seal esp-sha-hmac ,\n"
	    "        in use settings ={Tunnel, }\n"
	    "        slot: 0, conn id: 2000, flow_id: 1, crypto map: cisco\n"
	    "        crypto engine type: Software, engine_id: 1\n"
	    "        sa timing: remaining key lifetime (k/sec): "
	    "(4565513/3382)\n"
	    "        ike_cookies: 67432FCF F809B638 B84C0CD6 B0BCFFC3\n"
	    "        IV size: 0 bytes\n"
	    "        replay detection support: Y\n"
	    "\n"
	    "     inbound ah sas:\n"));
}
END_TEST

/* A hub: 50,000 ISAKMP SAs and 100,000 SAs, every one found again. */
START_TEST(test_hub_scale)
{
	struct ipsec_flow	*fl;
	uint8_t			 ic[8], rc[8], zero[8] = { 0 };
	uint32_t		 i;

	for (i = 0; i < 50000; i++) {
		cookie(ic, 0x9E3779B97F4A7C15ULL * (i + 1));
		(void)sadb_isakmp_new(&db, ic);
		fl = sadb_flow_new(&db);
		(void)sadb_sa_new(&db, fl, IPSEC_IN, 0x10000000u + i * 7919);
		(void)sadb_sa_new(&db, fl, IPSEC_OUT, 0x20000000u + i);
	}
	for (i = 0; i < 50000; i++) {
		cookie(ic, 0x9E3779B97F4A7C15ULL * (i + 1));
		ck_assert_ptr_nonnull(sadb_isakmp_find(&db, ic, zero));
		ck_assert_uint_eq(sadb_sa_find_in(&db,
		    0x10000000u + i * 7919)->ps_spi, 0x10000000u + i * 7919);
	}
	/* The responder cookie, once set, must match. */
	cookie(ic, 0x9E3779B97F4A7C15ULL);
	cookie(rc, 42);
	memcpy(sadb_isakmp_find(&db, ic, zero)->is_rcookie, rc, 8);
	ck_assert_ptr_nonnull(sadb_isakmp_find(&db, ic, rc));
	cookie(rc, 43);
	ck_assert_ptr_null(sadb_isakmp_find(&db, ic, rc));
	ck_assert_ptr_null(sadb_sa_find_in(&db, 0x20000000u));
	ck_assert_uint_eq(db.db_nisakmp, 50000);
	ck_assert_uint_eq(db.db_nsa, 100000);
	sadb_flow_free(&db, TAILQ_FIRST(&db.db_flows));
	ck_assert_ptr_null(sadb_sa_find_in(&db, 0x10000000u));
	ck_assert_uint_eq(db.db_nsa, 99998);
}
END_TEST

/* Flows by key and per-peer lists: 50,000 flows over 25,000 peers, two
 * ISAKMP SAs on one peer; each found by its key, each peer holding its
 * own in creation order, and a peer gone with its last SA. */
START_TEST(test_flow_hash_and_peers)
{
	struct ipsec_flow	*fl, *v[3];
	struct isakmp_sa	*is1, *is2;
	struct sadb_peer	*pe;
	struct sa_addr		 peer;
	struct sa_ident		 l, r;
	uint8_t			 ic[8];
	uint32_t		 i, h;
	size_t			 n;

	for (i = 0; i < 50000; i++) {
		fl = sadb_flow_new(&db);
		strcpy(fl->fl_ifname, "Serial1/2");
		strcpy(fl->fl_map, "TST");
		sa_addr_v4(&fl->fl_peer, IP(13, 0, 0, 0) + i / 2);
		fl->fl_lident = host(IP(10, 0, 0, 0) + i);
		fl->fl_rident = host(IP(11, 0, 0, 0) + i);
		sadb_flow_publish(&db, fl);
		if (i < 3)
			v[i] = fl;
	}
	ck_assert_uint_eq(db.db_npeers, 25000);
	for (i = 0; i < 50000; i += 7) {
		sa_addr_v4(&peer, IP(13, 0, 0, 0) + i / 2);
		l = host(IP(10, 0, 0, 0) + i);
		r = host(IP(11, 0, 0, 0) + i);
		h = sadb_flow_hash("Serial1/2", "TST", &peer, &l, &r);
		fl = sadb_flow_lookup(&db, h, "Serial1/2", "TST", &peer, &l,
		    &r);
		ck_assert_ptr_nonnull(fl);
		ck_assert(memcmp(&fl->fl_lident, &l, sizeof(l)) == 0);
		/* Another map or swapped proxies: another flow. */
		ck_assert_ptr_null(sadb_flow_lookup(&db, sadb_flow_hash(
		    "Serial1/2", "OTHER", &peer, &l, &r), "Serial1/2", "OTHER",
		    &peer, &l, &r));
		ck_assert_ptr_null(sadb_flow_lookup(&db, sadb_flow_hash(
		    "Serial1/2", "TST", &peer, &r, &l), "Serial1/2", "TST",
		    &peer, &r, &l));
	}
	/* Peer 13.0.0.0: flows 0 and 1 in order, then its ISAKMP SAs. */
	sa_addr_v4(&peer, IP(13, 0, 0, 0));
	pe = sadb_peer_find(&db, &peer);
	ck_assert_ptr_eq(TAILQ_FIRST(&pe->pe_flows), v[0]);
	ck_assert_ptr_eq(TAILQ_NEXT(v[0], fl_pentry), v[1]);
	ck_assert_ptr_null(TAILQ_NEXT(v[1], fl_pentry));
	cookie(ic, 1);
	is1 = sadb_isakmp_new(&db, ic);
	sadb_isakmp_set_peer(&db, is1, &peer);
	cookie(ic, 2);
	is2 = sadb_isakmp_new(&db, ic);
	sadb_isakmp_set_peer(&db, is2, &peer);
	n = 0;
	TAILQ_FOREACH(is1, &pe->pe_isakmp, is_pentry)
		n++;
	ck_assert_uint_eq(n, 2);
	ck_assert_ptr_eq(TAILQ_LAST(&pe->pe_isakmp, isakmp_sa_list), is2);
	sadb_isakmp_free(&db, TAILQ_FIRST(&pe->pe_isakmp));
	sadb_isakmp_free(&db, is2);
	sadb_flow_free(&db, v[0]);
	ck_assert_ptr_eq(sadb_peer_find(&db, &peer), pe);
	sadb_flow_free(&db, v[1]);
	ck_assert_ptr_null(sadb_peer_find(&db, &peer));
	ck_assert_uint_eq(db.db_npeers, 24999);
	ck_assert_ptr_null(sadb_flow_lookup(&db, sadb_flow_hash("Serial1/2",
	    "TST", &peer, &v[2]->fl_lident, &v[2]->fl_rident), "Serial1/2",
	    "TST", &peer, &v[2]->fl_lident, &v[2]->fl_rident));
}
END_TEST

/* The longest chain of H, walked through the elements' chain fields. */
static size_t
longest_chain(const struct chash *h)
{
	size_t	 i, n, most = 0;
	void	*e;

	for (i = 0; i < h->ch_nb; i++) {
		n = 0;
		for (e = h->ch_b[i]; e != NULL;
		    e = *(void **)((char *)e + h->ch_next))
			n++;
		most = n > most ? n : most;
	}
	return most;
}

/*
 * The tables start without buckets and grow with the SAs: 50,000 inbound
 * SAs with consecutive SPIs (what a peer that counts its SPIs up sends)
 * and as many ISAKMP SAs double the buckets past the count, keep chains
 * short, and every SA is found again, in between growths and after; half
 * deleted, the other half is still found and the deleted ones are not.
 * Two ISAKMP SAs with one initiator cookie: the newest answers first,
 * before the table grows and after.
 */
START_TEST(test_hash_growth)
{
	struct ipsec_flow	*fl = sadb_flow_new(&db);
	struct isakmp_sa	*old, *young;
	struct ipsec_sa		*ps;
	uint8_t			 ic[8], zero[8] = { 0 };
	uint32_t		 i;

	ck_assert_ptr_null(db.db_spi_hash.ch_b);
	ck_assert_ptr_null(db.db_isakmp_hash.ch_b);
	ck_assert_ptr_null(sadb_sa_find_in(&db, 1));
	cookie(ic, 7);
	old = sadb_isakmp_new(&db, ic);
	young = sadb_isakmp_new(&db, ic);
	ck_assert_uint_eq(db.db_isakmp_hash.ch_nb, CHASH_MIN);
	ck_assert_ptr_eq(sadb_isakmp_find(&db, ic, zero), young);
	for (i = 0; i < 50000; i++) {
		(void)sadb_sa_new(&db, fl, IPSEC_IN, 0x1000 + i);
		cookie(ic, 0x9E3779B97F4A7C15ULL * (i + 100));
		(void)sadb_isakmp_new(&db, ic);
		if (i == 1000)	/* mid-way, between two growths */
			ck_assert_uint_eq(sadb_sa_find_in(&db, 0x1000 + 999)->
			    ps_spi, 0x1000 + 999);
	}
	ck_assert_uint_eq(db.db_spi_hash.ch_n, 50000);
	ck_assert_uint_eq(db.db_spi_hash.ch_nb, 65536);
	ck_assert_uint_eq(db.db_isakmp_hash.ch_nb, 65536);
	ck_assert_uint_le(longest_chain(&db.db_spi_hash), 2);
	ck_assert_uint_le(longest_chain(&db.db_isakmp_hash), 8);
	cookie(ic, 7);
	ck_assert_ptr_eq(sadb_isakmp_find(&db, ic, zero), young);
	sadb_isakmp_free(&db, young);
	ck_assert_ptr_eq(sadb_isakmp_find(&db, ic, zero), old);
	for (i = 0; i < 50000; i++)
		ck_assert_uint_eq(sadb_sa_find_in(&db, 0x1000 + i)->ps_spi,
		    0x1000 + i);
	ck_assert_ptr_null(sadb_sa_find_in(&db, 0x1000 + 50000));
	for (i = 0; i < 50000; i += 2)
		sadb_sa_free(&db, sadb_sa_find_in(&db, 0x1000 + i));
	ck_assert_uint_eq(db.db_spi_hash.ch_n, 25000);
	ck_assert_uint_eq(db.db_nsa, 25000);
	for (i = 0; i < 50000; i++) {
		ps = sadb_sa_find_in(&db, 0x1000 + i);
		if (i % 2 == 0)
			ck_assert_ptr_null(ps);
		else
			ck_assert_uint_eq(ps->ps_spi, 0x1000 + i);
	}
	for (i = 0; i < 50000; i++) {
		cookie(ic, 0x9E3779B97F4A7C15ULL * (i + 100));
		ck_assert_ptr_nonnull(sadb_isakmp_find(&db, ic, zero));
	}
}
END_TEST

/* IPv4 addresses in text as inet_ntop writes them, one to three digits
 * each, and cut short as snprintf would in a short buffer. */
START_TEST(test_addr_text)
{
	struct sa_addr	a;
	char		buf[SA_TEXT_LEN];

	sa_addr_v4(&a, IP(0, 9, 10, 255));
	ck_assert_str_eq(sa_text(&a, buf), "0.9.10.255");
	sa_addr_v4(&a, IP(100, 199, 200, 1));
	ck_assert_str_eq(sa_text(&a, buf), "100.199.200.1");
	sa_addr_v4(&a, IP(255, 255, 255, 255));
	ck_assert_str_eq(sa_text(&a, buf), "255.255.255.255");
	sa_addr_fmt(&a, buf, 5);
	ck_assert_str_eq(buf, "255.");
	memset(buf, 'x', sizeof(buf));
	sa_addr_fmt(&a, buf, 0);
	ck_assert_int_eq(buf[0], 'x');
}
END_TEST

/*
 * ISAKMP SAs come from slabs of 64 in creation order (isakmp_slab.c):
 * SAs made one after another lie side by side; a freed slot is the next
 * SA's; an emptied slab is kept as the spare, a second one goes.  The
 * show's line, put together by hand, is printf's for the widest fields.
 */
START_TEST(test_isakmp_slab)
{
	struct isakmp_sa	*sa[200], *is;
	uint8_t			 ic[8];
	char			 want[128];
	int			 i;

	for (i = 0; i < 200; i++) {
		cookie(ic, 0x5000 + (uint64_t)i);
		sa[i] = sadb_isakmp_new(&db, ic);
	}
	ck_assert_uint_eq(db.db_isk_slabs.ss_nslabs, 4);
	for (i = 1; i < 200; i++)
		if (i % 64 != 0)
			ck_assert_ptr_eq(sa[i], sa[i - 1] + 1);
	for (i = 10; i < 192; i++)	/* slabs 1 and 2 emptied */
		sadb_isakmp_free(&db, sa[i]);
	ck_assert_uint_eq(db.db_isk_slabs.ss_nslabs, 3);	/* + spare */
	ck_assert_uint_eq(db.db_nisakmp, 18);
	cookie(ic, 0x5000 + 3);
	ck_assert_ptr_eq(sadb_isakmp_find(&db, ic, ic), sa[3]);
	/* Slab 0's freed slots first, the last freed the first reused;
	 * zeroed, and last in the list as the newest. */
	cookie(ic, 0x6000);
	is = sadb_isakmp_new(&db, ic);
	ck_assert_ptr_eq(is, sa[63]);
	ck_assert_ptr_eq(TAILQ_LAST(&db.db_isakmp, isakmp_sa_list), is);
	ck_assert_uint_eq(is->is_connid, 1001 + 200);
	ck_assert(!is->is_dead && is->is_pe == NULL && is->is_sess == NULL);
	sa_addr_v4(&is->is_local, IP(100, 199, 200, 1));
	sadb_isakmp_set_peer(&db, is, &(struct sa_addr){ 4,
	    { 255, 255, 255, 255 } });
	is->is_state = ISK_AG_INIT_EXCH;
	is->is_dead = true;
	is->is_connid = 4294967295U;
	sadb_show_isakmp(&db, &v15, &out);
	snprintf(want, sizeof(want), "%-15s %-15s %-15s %6u %s\n",
	    "100.199.200.1", "255.255.255.255", "AG_INIT_EXCH", 4294967295U,
	    "ACTIVE (deleted)");
	ck_assert_ptr_nonnull(strstr(out.sb_buf, want));
	for (i = 0; i < 10; i++)
		sadb_isakmp_free(&db, sa[i]);
	for (i = 192; i < 200; i++)
		sadb_isakmp_free(&db, sa[i]);
	sadb_isakmp_free(&db, sa[63]);
	ck_assert_uint_eq(db.db_nisakmp, 0);
	ck_assert_uint_eq(db.db_isk_slabs.ss_nslabs, 1);	/* the spare */
}
END_TEST

/*
 * A published flow's one-test selector (fl_sel_*, ipsec_in.c's inbound
 * check): the inner header's source and destination, 8 bytes loaded as
 * they lie and masked, equal fl_sel_addr exactly when the remote ident
 * holds the source and the local one the destination (ipsec_ident_has,
 * each on its own) — prefix lengths 0 to 32, idents with and without
 * host bits, addresses at and beside the prefixes' edges; fl_sel_l4
 * when either ident names a protocol or a port; none made for an IPv6
 * prefix length.
 */
START_TEST(test_flow_sel4)
{
	struct ipsec_flow	*fl;
	uint8_t			 hdr[20];
	uint64_t		 sd;
	uint32_t		 x = 0x9e3779b9, ra, la, src, dst;
	unsigned		 i, rp, lp, hits = 0;
	bool			 fast, ref;

	for (i = 0; i < 40000; i++) {
		x = x * 1103515245 + 12345;
		rp = (x >> 8) % 33;
		x = x * 1103515245 + 12345;
		lp = (x >> 8) % 33;
		x = x * 1103515245 + 12345;
		ra = x ^ (x << 7);
		x = x * 1103515245 + 12345;
		la = x ^ (x >> 3);
		/* Mostly idents as configured (host bits clear). */
		if (i % 4 != 0) {
			ra &= ipsec_plen_mask(rp);
			la &= ipsec_plen_mask(lp);
		}
		/* Inside each prefix, or one bit off it. */
		x = x * 1103515245 + 12345;
		src = (ra & ipsec_plen_mask(rp)) | (x & ~ipsec_plen_mask(rp));
		if (i % 3 == 1)
			src ^= 1u << ((x >> 3) % 32);
		x = x * 1103515245 + 12345;
		dst = (la & ipsec_plen_mask(lp)) | (x & ~ipsec_plen_mask(lp));
		if (i % 5 == 2)
			dst ^= 1u << ((x >> 5) % 32);
		if (i % 7 == 3) {
			src = ra;
			dst = la;
		}
		fl = sadb_flow_new(&db);
		sa_addr_v4(&fl->fl_peer, IP(12, 1, 1, 2));
		ipsec_ident_set(&fl->fl_rident, 0, 0, 0, 0);
		ipsec_ident_set(&fl->fl_lident, 0, 0, 0, 0);
		fl->fl_rident.id_plen = rp;
		fl->fl_lident.id_plen = lp;
		put32(fl->fl_rident.id_addr.sa_addr, ra);
		put32(fl->fl_lident.id_addr.sa_addr, la);
		fl->fl_rident.id_proto = i % 11 == 0 ? 17 : 0;
		fl->fl_lident.id_port = i % 13 == 0 ? 7 : 0;
		sadb_flow_publish(&db, fl);
		ck_assert(fl->fl_sel_v4);
		ck_assert(fl->fl_sel_l4 == (i % 11 == 0 || i % 13 == 0));
		memset(hdr, 0, sizeof(hdr));
		put32(hdr + 12, src);
		put32(hdr + 16, dst);
		memcpy(&sd, hdr + 12, 8);
		fast = (sd & fl->fl_sel_mask) == fl->fl_sel_addr;
		ref = ipsec_ident_has(&fl->fl_rident, src) &&
		    ipsec_ident_has(&fl->fl_lident, dst);
		ck_assert_msg(fast == ref, "case %u: /%u %08x /%u %08x, %08x "
		    "-> %08x", i, rp, ra, lp, la, src, dst);
		hits += ref;
		sadb_flow_free(&db, fl);
	}
	/* Both answers, many times each. */
	ck_assert_uint_gt(hits, 5000);
	ck_assert_uint_lt(hits, 35000);
	fl = sadb_flow_new(&db);
	sa_addr_v4(&fl->fl_peer, IP(12, 1, 1, 2));
	fl->fl_rident.id_plen = 64;
	sadb_flow_publish(&db, fl);
	ck_assert(!fl->fl_sel_v4);
	sadb_flow_free(&db, fl);
}
END_TEST

static Suite *
sadb_suite(void)
{
	Suite	*s = suite_create("sadb");
	TCase	*tc = tcase_create("sadb");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_isakmp_sa_seed001);
	tcase_add_test(tc, test_ipsec_sa_seed001);
	tcase_add_test(tc, test_session_and_detail_15);
	tcase_add_test(tc, test_session_remote_access);
	tcase_add_test(tc, test_session_detail_l2l);
	tcase_add_test(tc, test_12x_layouts);
	tcase_add_test(tc, test_ipsec_sa_12x);
	tcase_add_test(tc, test_hub_scale);
	tcase_add_test(tc, test_flow_hash_and_peers);
	tcase_add_test(tc, test_hash_growth);
	tcase_add_test(tc, test_addr_text);
	tcase_add_test(tc, test_isakmp_slab);
	tcase_add_test(tc, test_flow_sel4);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(sadb_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
