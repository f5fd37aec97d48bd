/*
 * Seed 003 between two iosh routers (issue 16): a `tunnel mode ipsec ipv6`
 * VTI over IPv6, IKE on UDP 500 over IPv6 with `crypto isakmp key cisco
 * address ipv6 ::/0`, a `mode transport` set that the VTI runs in tunnel
 * mode, `tunnel protection ipsec profile PRO`.  The seed's two configs,
 * adapted only to the lab's wiring: R2 (2001:DB8::2) and R3 (2001:DB8::3)
 * on Ethernet0/0, a udp: wire (tests/pair.c), frozen clock; a global
 * address (2001:DB8:23::/64) is added on both tunnels beside the seed's
 * link-local one, to ping across.  Each router's debug transcript of
 * the tunnel's first exchange goes to $IKE_TRANSCRIPT.r2 (the initiator)
 * and $IKE_TRANSCRIPT.r3 (the responder) when IKE_TRANSCRIPT is set
 * (tests/ike_seed003.sh compares them with the seed's).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/pair.h"

#define SEED003_CRYPTO \
	"crypto isakmp policy 10\n authentication pre-share\n" \
	"crypto isakmp key cisco address ipv6 ::/0\n" \
	"crypto ipsec transform-set TRA esp-aes esp-sha-hmac\n" \
	" mode transport\n" \
	"crypto ipsec profile PRO\n set transform-set TRA\n"

static const char *const seed003_base[PAIR_NR] = {
	"hostname R2\n"
	"interface Ethernet0/0\n ipv6 address 2001:DB8::2/64\n no shutdown\n"
	SEED003_CRYPTO,
	"hostname R3\n"
	"interface Ethernet0/0\n ipv6 address 2001:DB8::3/64\n no shutdown\n"
	SEED003_CRYPTO,
};

/* The seed's Tunnel23, and the global address added to ping across. */
static const char *const seed003_tunnel[PAIR_NR] = {
	"interface Tunnel23\n ip address 192.168.23.2 255.255.255.0\n"
	" ipv6 address FE80::23:2 link-local\n"
	" ipv6 address 2001:DB8:23::2/64\n"
	" tunnel source Ethernet0/0\n tunnel mode ipsec ipv6\n"
	" tunnel destination 2001:DB8::3\n"
	" tunnel protection ipsec profile PRO\n",
	"interface Tunnel23\n ip address 192.168.23.3 255.255.255.0\n"
	" ipv6 address FE80::23:3 link-local\n"
	" ipv6 address 2001:DB8:23::3/64\n"
	" tunnel source Ethernet0/0\n tunnel mode ipsec ipv6\n"
	" tunnel destination 2001:DB8::2\n"
	" tunnel protection ipsec profile PRO\n",
};

/* pair.h's routers are the seed's R2 (2001:DB8::2, which begins IKE as
 * the seed's initiator does) and R3. */
#define SR2	R1
#define SR3	R2

#define UP_MSG	"%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel23, " \
		"changed state to up"
#define DOWN_MSG "%LINEPROTO-5-UPDOWN: Line protocol on Interface " \
		"Tunnel23, changed state to down"
#define PING_OK(n) "\n" n "\nSuccess rate is "

#define ID_BLOCK(addr) \
	"        next-payload : 8", "        type         : 5", \
	"        address      : " addr, "        protocol     : 17", \
	"        port         : 500", "        length       : 24"

/* The initiator's (the seed's R2) lines that name the peer, the
 * identities and the proxies. */
static const char *const initiator_lines[] = {
	"  (key eng. msg.) OUTBOUND local= 2001:DB8::2:500, remote= "
	    "2001:DB8::3:500,",
	"    local_proxy= ::/0/256/0,",
	"    remote_proxy= ::/0/256/0,",
	"ISAKMP: Created a peer struct for 2001:DB8::3, peer port 500",
	"ISAKMP:(0):found peer pre-shared key matching 2001:DB8::3",
	"ISAKMP:(0): sending packet to 2001:DB8::3 my_port 500 peer_port 500 "
	    "(I) MM_NO_STATE",
	"ISAKMP:(0):Sending an IKE IPv6 Packet.",
	"ISAKMP (0): received packet from 2001:DB8::3 dport 500 sport 500 "
	    "Global (I) MM_NO_STATE",
	"ISAKMP:(1001):SA is doing pre-shared key authentication using id "
	    "type ID_IPV6_ADDR",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::2"),
	"ISAKMP:(1001):Total payload length: 24",
	"ISAKMP:(1001):Sending an IKE IPv6 Packet.",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::3"),
	"ISAKMP:(1001):SA has been authenticated with 2001:DB8::3",
	"  (key eng. msg.) INBOUND local= 2001:DB8::2:0, remote= "
	    "2001:DB8::3:0,",
	"    local_proxy= ::/0/256/0,",
	"    remote_proxy= ::/0/256/0,",
	"IPSEC(crypto_ipsec_sa_find_ident_head): reconnecting with the same "
	    "proxies and peer 2001:DB8::3",
	"  (sa) sa_dest= 2001:DB8::2, sa_proto= 50,",
	"  (sa) sa_dest= 2001:DB8::3, sa_proto= 50,",
	UP_MSG,
	NULL
};

static const char *const responder_lines[] = {
	"ISAKMP (0): received packet from 2001:DB8::2 dport 500 sport 500 "
	    "Global (N) NEW SA",
	"ISAKMP: Created a peer struct for 2001:DB8::2, peer port 500",
	"ISAKMP:(0):found peer pre-shared key matching 2001:DB8::2",
	"ISAKMP:(0): sending packet to 2001:DB8::2 my_port 500 peer_port 500 "
	    "(R) MM_SA_SETUP",
	"ISAKMP:(0):Sending an IKE IPv6 Packet.",
	"ISAKMP (1001): received packet from 2001:DB8::2 dport 500 sport 500 "
	    "Global (R) MM_KEY_EXCH",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::2"),
	"ISAKMP:(1001):SA has been authenticated with 2001:DB8::2",
	"bring down existing phase 1 and 2 SA's with local 2001:DB8::3 remote "
	    "2001:DB8::2 remote port 500",
	"ISAKMP:(1001):SA is doing pre-shared key authentication using id "
	    "type ID_IPV6_ADDR",
	"ISAKMP (1001): ID payload", ID_BLOCK("2001:DB8::3"),
	"  (key eng. msg.) INBOUND local= 2001:DB8::3:0, remote= "
	    "2001:DB8::2:0,",
	"    local_proxy= ::/0/256/0,",
	"    remote_proxy= ::/0/256/0,",
	"ISAKMP:(1001):QM Responder gets spi",
	"ISAKMP:(1001):Sending an IKE IPv6 Packet.",
	"IPSEC(crypto_ipsec_sa_find_ident_head): reconnecting with the same "
	    "proxies and peer 2001:DB8::2",
	"  (sa) sa_dest= 2001:DB8::3, sa_proto= 50,",
	"  (sa) sa_dest= 2001:DB8::2, sa_proto= 50,",
	UP_MSG,
	NULL
};

/* R's output so far to $IKE_TRANSCRIPT.NAME, when set. */
static void
write_transcript(int r, const char *name)
{
	const char	*base = getenv("IKE_TRANSCRIPT");
	char		 path[4096];
	FILE		*fp;

	if (base == NULL)
		return;
	snprintf(path, sizeof(path), "%s.%s", base, name);
	ck_assert((fp = fopen(path, "w")) != NULL);
	fputs(pair[r].fx_out.sb_buf, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/* Profile PRO's parameters, as show crypto ipsec profile and the
 * tunnel's map render them. */
#define PRO_PARAMS \
	"        Security association lifetime: 4608000 kilobytes/3600 " \
	"seconds\n" \
	"        Responder-Only (Y/N): N\n" \
	"        PFS (Y/N): N\n" \
	"        Mixed-mode : Disabled\n" \
	"        Transform sets={\n" \
	"                TRA:  { esp-aes esp-sha-hmac  } ,\n" \
	"        }\n"

static void
setup(void)
{
	pair_open_on(seed003_base, "Ethernet0/0", "Ethernet0/0");
}

/* Neighbour discovery first: as on IOS, a datagram that asks for a
 * neighbour is lost (R2 asks for R3, then R3 for R2 on the way back),
 * and MM1 would wait for its retransmission. */
static void
neighbours(void)
{
	const char	*out = pair_run_wait(SR2, "ping 2001:DB8::3");

	ck_assert_msg(strstr(out, PING_OK("..!!!")) != NULL, "%s", out);
}

/* CMD (a debug) on both routers, their output cleared. */
static void
both_debug(const char *cmd)
{
	int	r;

	for (r = 0; r < PAIR_NR; r++) {
		fx_run(&pair[r], cmd);
		strbuf_reset(&pair[r].fx_out);
	}
}

/* The seed's Tunnel23 on both routers, three seconds for IKE. */
static void
tunnels(void)
{
	int	r;

	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, seed003_tunnel[r]);
	pair_run_for(3);
}

/* Both said their tunnel came up. */
static void
tunnels_ok(void)
{
	ck_assert_msg(pair_has(SR2, UP_MSG), "%s", pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR3, UP_MSG), "%s", pair[SR3].fx_out.sb_buf);
}

/* ... and R2 pings R3's global tunnel address. */
static void
tunnels_up_ping(void)
{
	const char	*out;

	tunnels_ok();
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
}

START_TEST(test_seed003_vti6)
{
	const char	*out;

	neighbours();
	both_debug("debug crypto isakmp");
	both_debug("debug crypto ipsec");
	tunnels();
	write_transcript(SR2, "r2");
	write_transcript(SR3, "r3");
	/* Seed 003's IPv6 lines, in its order (its "2001: DB8" is the
	 * web page's smiley for "2001:DB8"; timestamps aside). */
	ck_assert_msg(pair_lines_in_order(SR2, initiator_lines) == NULL,
	    "no \"%s\" in order in:\n%s",
	    pair_lines_in_order(SR2, initiator_lines), pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_lines_in_order(SR3, responder_lines) == NULL,
	    "no \"%s\" in order in:\n%s",
	    pair_lines_in_order(SR3, responder_lines), pair[SR3].fx_out.sb_buf);
	tunnels_up_ping();
	out = pair_run_wait(SR3, "ping 2001:DB8:23::2 repeat 3");
	ck_assert_msg(strstr(out, PING_OK("!!!")) != NULL, "%s", out);
	/* The seed's `do ping fe80::23:3`: IOS asks for the interface. */
	pair_run_wait(SR2, "ping FE80::23:3");
	ck_assert_str_eq(fx_prompt(&pair[SR2]), "Output Interface: ");
	out = pair_run_wait(SR2, "tunnel23");
	ck_assert_msg(strstr(out, "Type escape sequence to abort.\n"
	    "Sending 5, 100-byte ICMP Echos to FE80::23:3, timeout is 2 "
	    "seconds:\n"
	    "Packet sent with a source address of FE80::23:2%Tunnel23\n"
	    "!!!!!\nSuccess rate is 100 percent (5/5)") == out, "%s", out);
	pair_run_wait(SR2, "ping FE80::23:3");
	ck_assert_str_eq(pair_run_wait(SR2, "Tunnel99"), "% Invalid interface. "
	    "Use full interface name without spaces (e.g. Serial0/1)\n");
	/* The seed's link-local addresses, out of the tunnel. */
	out = pair_run_wait(SR2, "ping FE80::23:3 source Tunnel23");
	ck_assert_msg(strstr(out, "Sending 5, 100-byte ICMP Echos to "
	    "FE80::23:3, timeout is 2 seconds:\n"
	    "Packet sent with a source address of FE80::23:2%Tunnel23\n"
	    "!!!!!\nSuccess rate is 100 percent (5/5)") != NULL, "%s", out);

	/* The seed's IPv4 addresses on the tunnel: IPv4 is outside the
	 * VTI's ::/0 proxies and is not carried (no v4-overlay). */
	out = pair_run_wait(SR2, "ping 192.168.23.3 repeat 2");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/2)") != NULL,
	    "%s", out);
	/* Phase 1 over IPv6: IOS's IPv6 section, the IPv4 one empty. */
	out = fx_run(&pair[SR2], "show crypto isakmp sa");
	ck_assert_str_eq(out, "\nIPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "\nIPv6 Crypto ISAKMP SA\n\n"
	    " dst: 2001:DB8::3\n"
	    " src: 2001:DB8::2\n"
	    " state: QM_IDLE         conn-id:   1001 status: ACTIVE\n\n");
	/* The VTI form (seed 003's `sh crypto ipsec sa`): 5 + 5 + 3 + 5
	 * echoes and their replies each way. */
	out = fx_run(&pair[SR2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\ninterface: Tunnel23\n"
	    "    Crypto map tag: Tunnel23-head-0, local addr 2001:DB8::2\n"
	    "\n   protected vrf: (none)\n"
	    "   local  ident (addr/mask/prot/port): (::/0/0/0)\n"
	    "   remote ident (addr/mask/prot/port): (::/0/0/0)\n"
	    "   current_peer 2001:DB8::3 port 500\n"
	    "     PERMIT, flags={origin_is_acl,}\n"
	    "    #pkts encaps: 18, #pkts encrypt: 18, #pkts digest: 18\n"
	    "    #pkts decaps: 18, #pkts decrypt: 18, #pkts verify: 18\n") ==
	    out, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 0, #recv errors 0\n\n"
	    "     local crypto endpt.: 2001:DB8::2,\n"
	    "     remote crypto endpt.: 2001:DB8::3\n"
	    "     path mtu 1500, ipv6 mtu 1500, ipv6 mtu idb Ethernet0/0\n")
	    != NULL, "%s", out);
	/* A `mode transport` set, run in tunnel mode: the VTI's proxies
	 * are not its endpoints (seed 003: "in use settings ={Tunnel, }"). */
	ck_assert_msg(strstr(out, "        transform: esp-aes esp-sha-hmac ,\n"
	    "        in use settings ={Tunnel, }\n") != NULL &&
	    strstr(out, "Transport") == NULL, "%s", out);
	out = fx_run(&pair[SR3], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts encaps: 18, #pkts encrypt: 18, "
	    "#pkts digest: 18\n    #pkts decaps: 18, #pkts decrypt: 18, "
	    "#pkts verify: 18\n") != NULL, "%s", out);
	/* What came out of the SAs was received on the tunnel. */
	out = fx_run(&pair[SR3], "show interfaces Tunnel23");
	ck_assert_msg(strstr(out, "Tunnel23 is up, line protocol is up \n") ==
	    out, "%s", out);
	ck_assert_msg(strstr(out, "  Tunnel source 2001:DB8::3 (Ethernet0/0), "
	    "destination 2001:DB8::2\n"
	    "  Tunnel protocol/transport IPSEC/IPV6\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "     18 packets input, 1800 bytes, 0 no "
	    "buffer\n") != NULL, "%s", out);
	/* The profile, and the IPv6 map IOS builds from it for the tunnel
	 * (its ACL's name from seed 003's "sadb root initialize" line). */
	ck_assert_str_eq(fx_run(&pair[SR2], "show crypto ipsec profile PRO"),
	    "IPSEC profile PRO\n"
	    PRO_PARAMS "\n");
	ck_assert_str_eq(fx_run(&pair[SR2], "show crypto map tag "
	    "Tunnel23-head-0"),
	    "Crypto Map IPv6 \"Tunnel23-head-0\" 65536 ipsec-isakmp\n"
	    "        Profile name: PRO\n"
	    PRO_PARAMS
	    "\n"
	    "Crypto Map IPv6 \"Tunnel23-head-0\" 65537 ipsec-isakmp\n"
	    "        Map is a PROFILE INSTANCE.\n"
	    "        Peer = 2001:DB8::3\n"
	    "        IPv6 access list Tunnel23-head-0-ACL\n"
	    "            permit ipv6 any any\n"
	    "        Current peer: 2001:DB8::3\n"
	    PRO_PARAMS
	    "        Interfaces using crypto map Tunnel23-head-0:\n"
	    "                Tunnel23\n\n");
	/* IPv4 across `tunnel mode ipsec ipv6` is IOS XE's later `tunnel
	 * mode ipsec ipv6 v4-overlay`; 15.2(1)T has no such keyword. */
	fx_run(&pair[SR2], "configure terminal");
	fx_run(&pair[SR2], "interface Tunnel23");
	ck_assert_str_eq(fx_run(&pair[SR2], "tunnel mode ipsec ipv6 "
	    "v4-overlay"), fx_invalid_at(37));
	fx_run(&pair[SR2], "end");
}
END_TEST

/*
 * Who begins IKE, and when (seed 003, the initiator's transcript): R2's
 * `IPSEC(sa_request)` is stamped 08:33:43.245, the millisecond of its
 * "%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is ON", which IOS logs when the
 * tunnel protection is applied; the tunnel's line protocol comes up only
 * at 43.309, after the SAs, so nothing could be routed into Tunnel23
 * before IKE: an IOS 15.2 VTI begins IKE from its configuration (the
 * tunnel's ends resolving), not from a packet.  R3, configured before,
 * had nothing under way ("Created a peer struct" when R2's MM1 came),
 * which is iosh's rule for the end with the higher address: it waits
 * (ipsec_tunnel.c), so that two Main Modes do not cross.  Here: R3
 * configured first begins nothing in 10 s; R2 configured next begins at
 * once, with no time passing and no packet sent into either tunnel, and
 * both tunnels are up before a second has gone.
 */
START_TEST(test_seed003_who_initiates)
{
	const char	*out;
	int		 r;

	neighbours();
	both_debug("debug crypto ipsec");
	pair_config(SR3, seed003_tunnel[SR3]);
	pair_run_for(10);
	ck_assert_msg(!pair_has(SR3, "IPSEC(sa_request)") &&
	    !pair_has(SR2, "received packet"), "%s", pair[SR3].fx_out.sb_buf);
	out = fx_run(&pair[SR3], "show interfaces Tunnel23");
	ck_assert_msg(strstr(out, "Tunnel23 is up, line protocol is down \n")
	    == out, "%s", out);
	strbuf_reset(&pair[SR3].fx_out);
	pair_config(SR2, seed003_tunnel[SR2]);
	pair_drain();
	/* R2's first debug lines after its configuration are the VTI's SA
	 * database and its sa_request, in the same instant (the seed's
	 * order); R3 only answers (QM1's proposal, never a request of its
	 * own). */
	ck_assert_msg(strstr(pair[SR2].fx_out.sb_buf, "00:00:15: "
	    "%SYS-5-CONFIG_I: Configured from console by console\n"
	    "00:00:15: IPSEC(sa ident sadb root initialize created IPv6 ACL "
	    "%s) : Tunnel23-head-0-65537-Tunnel23-head-0-ACL-6-IPSECV6-ACL\n")
	    == pair[SR2].fx_out.sb_buf, "%s", pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR2, "\n00:00:15: IPSEC(sa_request): ,\n"),
	    "%s", pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR3, "00:00:15:   (key eng. msg.) INBOUND "
	    "local= 2001:DB8::3:0, remote= 2001:DB8::2:0,") &&
	    !pair_has(SR3, "IPSEC(sa_request)"), "%s",
	    pair[SR3].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR2, "00:00:15: " UP_MSG) &&
	    pair_has(SR3, "00:00:15: " UP_MSG), "%s", pair[SR2].fx_out.sb_buf);
	for (r = 0; r < PAIR_NR; r++) {
		out = fx_run(&pair[r], "show interfaces Tunnel23");
		ck_assert_msg(strstr(out, "     0 packets output, 0 bytes, ")
		    != NULL, "%s", out);
	}
}
END_TEST

/*
 * Bad input on seed 003's tunnels: an IPv6 VTI with no source or
 * destination stays down, in IOS's words (as check_tunnel shows for
 * GRE); a route to the tunnel's destination through the tunnel itself
 * takes it down once with %TUN-5-RECURDOWN instead of looping, and it
 * comes back when the route goes.
 */
START_TEST(test_seed003_bad_input)
{
	const char	*out;
	static const char *const recur[] = {
		"%TUN-5-RECURDOWN: Tunnel23 temporarily disabled due to "
		    "recursive routing",
		"%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel23, "
		    "changed state to down",
		NULL
	};

	pair_config(SR2, "interface Tunnel24\n tunnel mode ipsec ipv6\n"
	    " tunnel protection ipsec profile PRO\n");
	pair_run_for(3);
	ck_assert_msg(!pair_has(SR2, "Tunnel24") &&
	    !pair_has(SR2, "IPSEC(sa_request)"), "%s",
	    pair[SR2].fx_out.sb_buf);
	out = fx_run(&pair[SR2], "show interfaces Tunnel24");
	ck_assert_msg(strstr(out, "Tunnel24 is up, line protocol is down \n")
	    == out, "%s", out);
	ck_assert_msg(strstr(out, "  Tunnel source UNKNOWN, destination "
	    "UNKNOWN\n  Tunnel protocol/transport IPSEC/IPV6\n") != NULL,
	    "%s", out);
	pair_config(SR2, "no interface Tunnel24\n");

	neighbours();
	tunnels();
	tunnels_up_ping();
	strbuf_reset(&pair[SR2].fx_out);
	pair_config(SR2, "ipv6 unicast-routing\n"
	    "ipv6 route 2001:DB8::3/128 Tunnel23\n");
	pair_run_for(2);
	ck_assert_msg(pair_lines_in_order(SR2, recur) == NULL, "%s",
	    pair[SR2].fx_out.sb_buf);
	out = fx_run(&pair[SR2], "show interfaces Tunnel23");
	ck_assert_msg(strstr(out, "Tunnel23 is up, line protocol is down \n")
	    == out, "%s", out);
	/* Down, once: no flapping, no second message. */
	strbuf_reset(&pair[SR2].fx_out);
	pair_run_for(5);
	ck_assert_msg(!pair_has(SR2, "UPDOWN") && !pair_has(SR2, "RECUR"),
	    "%s", pair[SR2].fx_out.sb_buf);
	pair_config(SR2, "no ipv6 route 2001:DB8::3/128 Tunnel23\n");
	pair_run_for(2);
	ck_assert_msg(pair_has(SR2, UP_MSG), "%s", pair[SR2].fx_out.sb_buf);
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
}
END_TEST

/*
 * The keys by longest IPv6 prefix: a wrong key for ::/0 beside the right
 * one for the peer's /128, globally on R2 and in a keyring on R3 (its
 * /128 beating the global ::/0).  The tunnel comes up only if both
 * lookups pick the longer prefix.
 */
START_TEST(test_seed003_key_prefix)
{
	int	r;

	neighbours();
	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, "no crypto isakmp key cisco address ipv6 ::/0\n"
		    "crypto isakmp key wrong address ipv6 ::/0\n");
	pair_config(SR2, "crypto isakmp key cisco address ipv6 "
	    "2001:DB8::3/128\n");
	pair_config(SR3, "crypto keyring KR\n"
	    " pre-shared-key address ipv6 2001:DB8::2/128 key cisco\n");
	tunnels();
	tunnels_up_ping();
}
END_TEST

/*
 * `tunnel destination` moved on R2 (to 2001:DB8::4, where nobody
 * answers): the SAs with R3 go at the tunnel's next poll, R3 told (its
 * SAs go too, its line protocol down), instead of lingering under
 * Tunnel23 beside the new destination's.
 */
START_TEST(test_seed003_destination_moved)
{
	const char	*out;
	int		 r;

	neighbours();
	tunnels();
	tunnels_ok();
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3 repeat 2");
	ck_assert_msg(strstr(out, PING_OK("!!")) != NULL, "%s", out);
	for (r = 0; r < PAIR_NR; r++)
		strbuf_reset(&pair[r].fx_out);
	pair_config(SR2, "interface Tunnel23\n"
	    " tunnel destination 2001:DB8::4\n");
	pair_run_for(2);
	ck_assert_msg(pair_has(SR2, DOWN_MSG), "%s", pair[SR2].fx_out.sb_buf);
	ck_assert_msg(pair_has(SR3, DOWN_MSG), "%s", pair[SR3].fx_out.sb_buf);
	out = fx_run(&pair[SR2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "2001:DB8::3") == NULL, "%s", out);
	out = fx_run(&pair[SR3], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "current_peer") == NULL, "%s", out);
}
END_TEST

/*
 * Seed 003's tunnel as tshark is to see it (tests/capture_tshark.sh:
 * CAPTURE_DIR set, this case alone): R2's Ethernet0/0 from IKE's first
 * message over IPv6 to ESP over IPv6 both ways, and R2's keys.
 */
START_TEST(test_seed003_capture)
{
	const char	*out;

	neighbours();
	pair_capture_start(SR2, "Ethernet0/0");
	tunnels();
	tunnels_ok();
	out = pair_run_wait(SR2, "ping 2001:DB8:23::3");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
	pair_capture_save(SR2, "vti6", 1, 2);
}
END_TEST

static Suite *
vti6_suite(void)
{
	Suite	*s = suite_create("vti6");
	/* The seed's exchange alone in its case: tests/ike_seed003.sh runs
	 * just it (CK_RUN_CASE=seed003). */
	TCase	*tc = tcase_create("seed003");
	TCase	*more = tcase_create("vti6");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed003_vti6);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(more, setup, pair_close);
	tcase_set_timeout(more, 60);
	tcase_add_test(more, test_seed003_key_prefix);
	tcase_add_test(more, test_seed003_who_initiates);
	tcase_add_test(more, test_seed003_bad_input);
	tcase_add_test(more, test_seed003_destination_moved);
	suite_add_tcase(s, more);
	tc = tcase_create("capture");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed003_capture);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(vti6_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
