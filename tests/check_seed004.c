/*
 * Seed 004 (Cisco document 50880, "Site-to-Site Tunnel Between IOS
 * Routers Using SEAL"): its two 12.3 routers with their configurations,
 * R1 Ethernet1/0 and R2 Ethernet0/0 on one udp: wire, the LANs on wires
 * of their own.  As in the seed, R2 starts the tunnel (R1's debug is a
 * responder's): R2's ping from 20.20.20.2 to R1's LAN goes while IKE
 * runs, then through esp-seal esp-sha-hmac; then R1's show crypto map,
 * show debugging and show crypto ipsec sa are compared with the seed's
 * (their indentation is IOS's: the seed's HTML lost it), only the values
 * that vary from run to run (SPIs, cookies, counters, remaining lifetime)
 * left out.  R1's debug transcript goes to $IKE_TRANSCRIPT when set
 * (tests/ike_seed004.sh compares it with the seed's).
 *
 * The configurations are the seed's but for: R2's LAN interface, which
 * the seed names Ethernet0/0 a second time (a typo: that would move the
 * outside address), is Ethernet1/0 here; the lines iosh has no use for
 * (boot markers, ip audit, ftp-server, control-plane, lines) are left
 * out, and `no logging on` keeps the console quiet but for the debugs.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/pair.h"

static const char R1_CFG[] =
    "version 12.3\n"
    "service timestamps debug datetime msec\n"
    "service timestamps log datetime msec\n"
    "no service password-encryption\n"
    "hostname R1\n"
    "no ip domain lookup\n"
    "ip subnet-zero\n"
    "ip cef\n"
    "crypto isakmp policy 1\n encr aes 256\n hash md5\n"
    " authentication pre-share\n group 2\n"
    "crypto isakmp key cisco123 address 10.10.10.2\n"
    "crypto ipsec transform-set cisco esp-seal esp-sha-hmac\n"
    "crypto map cisco 10 ipsec-isakmp\n set peer 10.10.10.2\n"
    " set transform-set cisco\n match address 100\n"
    "interface Ethernet0/0\n ip address 172.18.124.201 255.255.255.0\n"
    " no shutdown\n"
    "interface Ethernet1/0\n ip address 10.10.10.1 255.255.255.0\n"
    " crypto map cisco\n no shutdown\n"
    "ip classless\n"
    "ip route 0.0.0.0 0.0.0.0 10.10.10.2\n"
    "no ip http server\n"
    "no ip http secure-server\n"
    "access-list 100 permit ip 172.18.124.0 0.0.0.255 20.20.20.0 "
    "0.0.0.255\n";

static const char R2_CFG[] =
    "version 12.3\n"
    "service timestamps debug datetime msec\n"
    "service timestamps log datetime msec\n"
    "no service password-encryption\n"
    "hostname R2\n"
    "no ip domain lookup\n"
    "ip subnet-zero\n"
    "ip cef\n"
    "crypto isakmp policy 1\n encr aes 256\n hash md5\n"
    " authentication pre-share\n group 2\n"
    "crypto isakmp key cisco123 address 10.10.10.1\n"
    "crypto ipsec transform-set cisco esp-seal esp-sha-hmac\n"
    "crypto map cisco 10 ipsec-isakmp\n set peer 10.10.10.1\n"
    " set transform-set cisco\n match address 100\n"
    "interface Ethernet0/0\n ip address 10.10.10.2 255.255.255.0\n"
    " crypto map cisco\n no shutdown\n"
    "interface Ethernet1/0\n ip address 20.20.20.2 255.255.255.0\n"
    " no shutdown\n"
    "ip classless\n"
    "ip route 0.0.0.0 0.0.0.0 10.10.10.1\n"
    "no ip http server\n"
    "no ip http secure-server\n"
    "access-list 100 permit ip 20.20.20.0 0.0.0.255 172.18.124.0 "
    "0.0.0.255\n";

static void
setup(void)
{
	static const char *const cfg[PAIR_NR] = { R1_CFG, R2_CFG };
	int			 r;

	pair_open_on(cfg, "Ethernet1/0", "Ethernet0/0");
	/* The LAN interfaces up on wires of their own, to nobody. */
	fx_attach_udp(&pair[R1], "Ethernet0/0", fx_udp_port(),
	    fx_udp_port());
	fx_attach_udp(&pair[R2], "Ethernet1/0", fx_udp_port(),
	    fx_udp_port());
	/* ARP first (not crypto traffic), so IKE's first message is not
	 * lost. */
	pair_run_wait(R2, "ping 10.10.10.1 repeat 2");
	for (r = 0; r < PAIR_NR; r++)
		strbuf_reset(&pair[r].fx_out);
}

/* Seed 004's show crypto map on R1, with IOS's indentation. */
static const char SEED_MAP[] =
    "Crypto Map \"cisco\" 10 ipsec-isakmp\n"
    "        Peer = 10.10.10.2\n"
    "        Extended IP access list 100\n"
    "            access-list 100 permit ip 172.18.124.0 0.0.0.255 "
    "20.20.20.0 0.0.0.255\n"
    "        Current peer: 10.10.10.2\n"
    "        Security association lifetime: 4608000 kilobytes/3600 seconds\n"
    "        PFS (Y/N): N\n"
    "        Transform sets={\n"
    "                cisco,\n"
    "        }\n"
    "        Interfaces using crypto map cisco:\n"
    "                Ethernet1/0\n"
    "\n";

static const char SEED_DEBUG[] =
    "Cryptographic Subsystem:\n"
    "  Crypto ISAKMP debugging is on\n"
    "  Crypto IPSEC debugging is on\n"
    "\n";

/*
 * Seed 004's show crypto ipsec sa on R1, the 12.3 form ("crypto engine
 * type: Software, engine_id: 1"), with IOS's indentation; "*" stands for
 * what varies from run to run (SPIs, cookies, remaining lifetime).  The
 * counters are this test's four echoes, the seed's 776 its own traffic.
 */
static const char SEED_SA[] =
    "\n"
    "interface: Ethernet1/0\n"
    "    Crypto map tag: cisco, local addr. 10.10.10.1\n"
    "\n"
    "   protected vrf:\n"
    "   local  ident (addr/mask/prot/port): (172.18.124.0/255.255.255.0/0/0)\n"
    "   remote ident (addr/mask/prot/port): (20.20.20.0/255.255.255.0/0/0)\n"
    "   current_peer: 10.10.10.2:500\n"
    "     PERMIT, flags={origin_is_acl,}\n"
    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4\n"
    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4\n"
    "    #pkts compressed: 0, #pkts decompressed: 0\n"
    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n"
    "    #send errors 0, #recv errors 0\n"
    "\n"
    "     local crypto endpt.: 10.10.10.1, remote crypto endpt.: 10.10.10.2\n"
    "     path mtu 1500, media mtu 1500\n"
    "     current outbound spi: *\n"
    "\n"
    "     inbound esp sas:\n"
    "      spi: *\n"
    "        transform: esp-seal esp-sha-hmac ,\n"
    "        in use settings ={Tunnel, }\n"
    "        slot: 0, conn id: 2000, flow_id: 1, crypto map: cisco\n"
    "        crypto engine type: Software, engine_id: 1\n"
    "        sa timing: remaining key lifetime (k/sec): *\n"
    "        ike_cookies: *\n"
    "        IV size: 0 bytes\n"
    "        replay detection support: Y\n"
    "\n"
    "     inbound ah sas:\n"
    "\n"
    "     inbound pcp sas:\n"
    "\n"
    "     outbound esp sas:\n"
    "      spi: *\n"
    "        transform: esp-seal esp-sha-hmac ,\n"
    "        in use settings ={Tunnel, }\n"
    "        slot: 0, conn id: 2001, flow_id: 2, crypto map: cisco\n"
    "        crypto engine type: Software, engine_id: 1\n"
    "        sa timing: remaining key lifetime (k/sec): *\n"
    "        ike_cookies: *\n"
    "        IV size: 0 bytes\n"
    "        replay detection support: Y\n"
    "\n"
    "     outbound ah sas:\n"
    "\n"
    "     outbound pcp sas:\n"
    "\n";

/* TEXT with the rest of each line after one of VARYING's prefixes
 * (leading blanks aside) made "*"; the result is static. */
static const char *
blank_varying(const char *text)
{
	static const char *const varying[] = { "current outbound spi: ",
	    "spi: ", "sa timing: remaining key lifetime (k/sec): ",
	    "ike_cookies: " };
	static char	 out[8192];
	const char	*p = text, *nl, *t;
	size_t		 o = 0, i, n;

	while (*p != '\0' && o + 256 < sizeof(out)) {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) + 1 : strlen(p);
		for (t = p; *t == ' '; t++)
			;
		for (i = 0; i < sizeof(varying) / sizeof(*varying); i++)
			if (strncmp(t, varying[i], strlen(varying[i])) == 0)
				break;
		if (i < sizeof(varying) / sizeof(*varying)) {
			o += (size_t)snprintf(out + o, sizeof(out) - o,
			    "%.*s%s*\n", (int)(t - p), p, varying[i]);
		} else {
			memcpy(out + o, p, n);
			o += n;
		}
		p += n;
	}
	out[o] = '\0';
	return out;
}

START_TEST(test_seed004)
{
	const char	*path = getenv("IKE_TRANSCRIPT"), *out;
	char		*ping;
	FILE		*fp;

	ck_assert_str_eq(fx_run(&pair[R1], "debug crypto isakmp"),
	    "Crypto ISAKMP debugging is on\n");
	ck_assert_str_eq(fx_run(&pair[R1], "debug crypto ipsec"),
	    "Crypto IPSEC debugging is on\n");
	ck_assert_str_eq(fx_run(&pair[R1], "show debugging"), SEED_DEBUG);
	strbuf_reset(&pair[R1].fx_out);
	ping = strdup(pair_run_wait(R2,
	    "ping 172.18.124.201 source Ethernet1/0"));
	out = pair[R1].fx_out.sb_buf;
	if (path != NULL) {
		ck_assert((fp = fopen(path, "w")) != NULL);
		fputs(out, fp);
		ck_assert_int_eq(fclose(fp), 0);
	}
	ck_assert_msg(strstr(ping, "\n.!!!!\nSuccess rate is 80 percent (4/5)")
	    != NULL, "%s", ping);
	free(ping);
	ck_assert(strstr(out, "ISAKMP: transform 1, ESP_SEAL\n") != NULL);
	ck_assert(strstr(out, "protocol= ESP, transform= esp-seal "
	    "esp-sha-hmac (Tunnel),") != NULL);
	ck_assert_str_eq(fx_run(&pair[R1], "undebug all"),
	    "All possible debugging has been turned off\n");
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto map"), SEED_MAP);
	ck_assert_str_eq(blank_varying(fx_run(&pair[R1],
	    "show crypto ipsec sa")), SEED_SA);
}
END_TEST

static Suite *
seed004_suite(void)
{
	Suite	*s = suite_create("seed004");
	TCase	*tc;

	tc = tcase_create("seed004");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed004);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(seed004_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
