/*
 * Unit tests for crypto/: the configuration objects as the CLI builds
 * them, IOS's validation (every rejected line leaves the configuration as
 * it was), the show commands' exact text, the running-config rendering
 * and its round trip, and the lookups the IKE engine will use.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "crypto/ike_int.h"
#include "crypto/type6.h"
#include "lib/clock.h"
#include "lib/nvgen.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/session.h"
#include "tests/fixture.h"

static struct fixture	 fx;

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx, NULL);
}

static void
teardown(void)
{
	fx_close(&fx);
	clock_use_real();
}

static void
config(void)
{
	fx_run(&fx, "enable");
	fx_run(&fx, "configure terminal");
}

/* The crypto part of the running configuration. */
static char *
crypto_text(void)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	crypto_nvgen(fx.fx_rt.r_sys.sy_crypto, NV_CRYPTO, &sb);
	crypto_nvgen(fx.fx_rt.r_sys.sy_crypto, NV_IP_POOL, &sb);
	return strbuf_steal(&sb);
}

/* The crypto part of the running configuration must be WANT. */
static void
assert_crypto_text(const char *want)
{
	char	*text = crypto_text();

	ck_assert_str_eq(text, want);
	free(text);
}

static const char r1_lines[] =
    "crypto isakmp policy 10\n"
    "hash md5\n"
    "authentication pre-share\n"
    "group 2\n"
    "encryption 3des\n"
    "exit\n"
    "crypto isakmp key cisco address 12.1.1.2\n"
    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac\n"
    "exit\n";

START_TEST(test_show_isakmp_seed001)
{
	config();
	fx_run_quiet(&fx, r1_lines);
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show crypto isakmp policy"),
	    "\n"
	    "Global IKE policy\n"
	    "\n"
	    "Protection suite of priority 10\n"
	    "        encryption algorithm:   Three key triple DES\n"
	    "        hash algorithm:         Message Digest 5\n"
	    "        authentication method:  Pre-Shared Key\n"
	    "        Diffie-Hellman group:   # 2 (1024 bit)\n"
	    "        lifetime:               86400 seconds, no volume limit\n");
	ck_assert_str_eq(fx_run(&fx, "show crypto isakmp key"),
	    "\n"
	    "Keyring      Hostname/Address                            "
	    "Preshared Key\n"
	    "default      12.1.1.2                                    cisco\n");
}
END_TEST

START_TEST(test_show_isakmp_policy_12x)
{
	config();
	fx_run(&fx, "version 12.3");
	fx_run_quiet(&fx, "crypto isakmp policy 1\nencr aes 256\nhash sha256\n"
	    "group 14\nlifetime 3600\n");
	ck_assert_str_eq(fx_run(&fx, "do show crypto isakmp policy"),
	    "\n"
	    "Global IKE policy\n"
	    "\n"
	    "Protection suite of priority 1\n"
	    "        encryption algorithm:   AES - Advanced Encryption "
	    "Standard (256 bit keys).\n"
	    "        hash algorithm:         Secure Hash Standard 2 (256 bit)\n"
	    "        authentication method:  Rivest-Shamir-Adleman Signature\n"
	    "        Diffie-Hellman group:   #14 (2048 bit)\n"
	    "        lifetime:               3600 seconds, no volume limit\n"
	    "\n"
	    "Default protection suite\n"
	    "        encryption algorithm:   DES - Data Encryption Standard "
	    "(56 bit keys).\n"
	    "        hash algorithm:         Secure Hash Standard\n"
	    "        authentication method:  Rivest-Shamir-Adleman Signature\n"
	    "        Diffie-Hellman group:   # 1 (768 bit)\n"
	    "        lifetime:               86400 seconds, no volume limit\n");
}
END_TEST

static const char seal_cmap[] =
    "crypto isakmp policy 1\n"
    "encr aes 256\n"
    "hash md5\n"
    "authentication pre-share\n"
    "group 2\n"
    "crypto isakmp key cisco123 address 10.10.10.2\n"
    "crypto ipsec transform-set cisco esp-seal esp-sha-hmac\n";

START_TEST(test_show_crypto_map_12x)
{
	config();
	fx_run(&fx, "version 12.3");
	fx_run_quiet(&fx, seal_cmap);
	ck_assert_str_eq(fx_run(&fx, "crypto map cisco 10 ipsec-isakmp"),
	    "% NOTE: This new crypto map will remain disabled until a peer\n"
	    "        and a valid access list have been configured.\n");
	fx_run_quiet(&fx, "set peer 10.10.10.2\nset transform-set cisco\n"
	    "match address 100\n");
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show crypto map"),
	    "Crypto Map \"cisco\" 10 ipsec-isakmp\n"
	    "        Peer = 10.10.10.2\n"
	    "        Extended IP access list 100\n"
	    "        Current peer: 10.10.10.2\n"
	    "        Security association lifetime: 4608000 kilobytes/3600 "
	    "seconds\n"
	    "        PFS (Y/N): N\n"
	    "        Transform sets={\n"
	    "                cisco,\n"
	    "        }\n"
	    "        Interfaces using crypto map cisco:\n"
	    "\n");
	ck_assert_str_eq(fx_run(&fx, "show crypto map tag nothere"), "");
}
END_TEST

START_TEST(test_show_crypto_map_15x)
{
	config();
	fx_run_quiet(&fx, r1_lines);
	fx_run_quiet(&fx, "crypto map TST 10 ipsec-isakmp dynamic DYN\n");
	fx_run(&fx, "crypto map TST 20 ipsec-isakmp");
	fx_run_quiet(&fx,
	    "set peer 12.1.1.2\nset peer 12.1.1.3\nmatch address 100\n"
	    "set transform-set TSET\nset pfs group14\n"
	    "set security-association lifetime seconds 1800\n"
	    "reverse-route\n");
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show crypto map tag TST"),
	    "Crypto Map IPv4 \"TST\" 10 ipsec-isakmp\n"
	    "        Dynamic map template tag: DYN\n"
	    "        Interfaces using crypto map TST:\n"
	    "\n"
	    "Crypto Map IPv4 \"TST\" 20 ipsec-isakmp\n"
	    "        Peer = 12.1.1.2\n"
	    "        Peer = 12.1.1.3\n"
	    "        Extended IP access list 100\n"
	    "        Current peer: 12.1.1.2\n"
	    "        Security association lifetime: 4608000 kilobytes/1800 "
	    "seconds\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): Y\n"
	    "        DH group:  group14\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TSET:  { esp-3des esp-md5-hmac  } ,\n"
	    "        }\n"
	    "        Reverse Route Injection Enabled\n"
	    "        Interfaces using crypto map TST:\n"
	    "\n");
}
END_TEST

/*
 * show crypto dynamic-map and show crypto ipsec profile: the entries'
 * bodies as show crypto map prints them, under IOS's "Crypto Map
 * Template" and "IPSEC profile" headers; a tag or name that matches
 * nothing prints nothing.
 */
START_TEST(test_show_dynmap_ipsec_profile)
{
	fx_run(&fx, "enable");
	fx_config(&fx,
	    "crypto ipsec transform-set TS esp-aes esp-sha-hmac\n"
	    "access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255\n"
	    "crypto dynamic-map DYN 10\n set transform-set TS\n"
	    " match address 101\n reverse-route\n"
	    "crypto dynamic-map DYN 20\n set transform-set TS\n"
	    " set pfs group2\n"
	    "crypto ipsec profile VTI\n set transform-set TS\n"
	    " set pfs group14\n");
	ck_assert_str_eq(fx_run(&fx, "show crypto dynamic-map"),
	    "Crypto Map Template\"DYN\" 10\n"
	    "        Extended IP access list 101\n"
	    "            access-list 101 permit ip 10.1.1.0 0.0.0.255 "
	    "10.2.2.0 0.0.0.255\n"
	    "        Security association lifetime: 4608000 kilobytes/3600 "
	    "seconds\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): N\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TS:  { esp-aes esp-sha-hmac  } ,\n"
	    "        }\n"
	    "        Reverse Route Injection Enabled\n"
	    "\n"
	    "Crypto Map Template\"DYN\" 20\n"
	    "        No matching address list set.\n"
	    "        Security association lifetime: 4608000 kilobytes/3600 "
	    "seconds\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): Y\n"
	    "        DH group:  group2\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TS:  { esp-aes esp-sha-hmac  } ,\n"
	    "        }\n"
	    "\n");
	ck_assert_str_eq(fx_run(&fx, "show crypto dynamic-map tag NONE"), "");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx,
	    "show crypto dynamic-map tag DYN"), "Template\"DYN\" 20\n"));
	ck_assert_str_eq(fx_run(&fx, "show crypto ipsec profile VTI"),
	    "IPSEC profile VTI\n"
	    "        Security association lifetime: 4608000 kilobytes/3600 "
	    "seconds\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): Y\n"
	    "        DH group:  group14\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TS:  { esp-aes esp-sha-hmac  } ,\n"
	    "        }\n"
	    "\n");
	ck_assert_str_eq(fx_run(&fx, "show crypto ipsec profile OTHER"), "");
	/* The global lifetime is the one in force. */
	fx_config(&fx, "crypto ipsec security-association lifetime seconds "
	    "1800\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show crypto ipsec profile"),
	    "lifetime: 4608000 kilobytes/1800 seconds\n"));
}
END_TEST

START_TEST(test_show_transform_set)
{
	config();
	fx_run_quiet(&fx,
	    "crypto ipsec transform-set A esp-aes 256 esp-sha-hmac\n"
	    "mode transport\n"
	    "crypto ipsec transform-set B ah-sha-hmac esp-des\n"
	    "crypto ipsec transform-set C esp-sha-hmac esp-aes\n");
	fx_run(&fx, "end");
	ck_assert_str_eq(fx_run(&fx, "show crypto ipsec transform-set"),
	    "Transform set A: { esp-256-aes esp-sha-hmac  }\n"
	    "   will negotiate = { Transport,  },\n"
	    "\n"
	    "Transform set B: { ah-sha-hmac  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "   { esp-des  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "\n"
	    "Transform set C: { esp-aes esp-sha-hmac  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "\n");
	ck_assert_str_eq(fx_run(&fx, "show crypto ipsec transform-set tag C"),
	    "Transform set C: { esp-aes esp-sha-hmac  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "\n");
}
END_TEST

static const char hub_lines[] =
    "crypto keyring spokes\n"
    "  pre-shared-key address 0.0.0.0 0.0.0.0 key cisco123\n"
    "  local-address FastEthernet0/0\n"
    "crypto keyring local\n"
    "  local-address 10.1.1.1\n"
    "crypto isakmp policy 10\n"
    " encr 3des\n"
    " authentication pre-share\n"
    " group 2\n"
    "crypto isakmp keepalive 10 5 periodic\n"
    "crypto isakmp nat keepalive 20\n"
    "crypto isakmp client configuration group testgroup\n"
    " key cisco321\n"
    " dns 1.1.1.1 2.2.2.2\n"
    " wins 3.3.3.3 4.4.4.4\n"
    " domain cisco.com\n"
    " pool ippool\n"
    " max-users 10\n"
    " save-password\n"
    " acl 101\n"
    "crypto isakmp profile L2L\n"
    "   keepalive 10 retry 2\n"
    "   local-address Serial1/0\n"
    "   match identity user vpn@example.com\n"
    "   match identity host domain example.com\n"
    "   match identity host spoke1.example.com\n"
    "   self-identity user-fqdn hub@example.com\n"
    "   description LAN-to-LAN for spoke router(s) connection\n"
    "   keyring spokes\n"
    "   match identity address 0.0.0.0\n"
    "crypto isakmp profile VPNclient\n"
    "   description VPN clients profile\n"
    "   match identity group testgroup\n"
    "   client authentication list clientauth\n"
    "   isakmp authorization list groupauthor\n"
    "   client configuration address respond\n"
    "crypto ipsec transform-set myset esp-3des esp-sha-hmac\n"
    "crypto ipsec transform-set TRA esp-aes esp-sha-hmac\n"
    " mode transport\n"
    "crypto ipsec profile PRO\n"
    " set transform-set TRA\n"
    " set pfs group5\n"
    "crypto dynamic-map dynmap 5\n"
    " set transform-set myset\n"
    " set isakmp-profile VPNclient\n"
    "crypto dynamic-map dynmap 10\n"
    " set transform-set myset\n"
    " set isakmp-profile L2L\n"
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap\n"
    "crypto isakmp key secret hostname peer.example.com\n"
    "crypto isakmp key cisco address ipv6 2001:DB8::1/64\n"
    "crypto isakmp key any address 10.0.0.0 255.0.0.0 no-xauth\n"
    "ip local pool ippool 10.5.5.1 10.5.5.254\n"
    "ip local pool ippool 10.6.6.1\n";

static const char hub_rendered[] =
    "crypto keyring spokes\n"
    "  local-address FastEthernet0/0\n"
    "  pre-shared-key address 0.0.0.0 0.0.0.0 key cisco123\n"
    "!\n"
    "crypto keyring local\n"
    "  local-address 10.1.1.1\n"
    "!\n"
    "crypto isakmp policy 10\n"
    " encr 3des\n"
    " authentication pre-share\n"
    " group 2\n"
    "crypto isakmp key secret hostname peer.example.com\n"
    "crypto isakmp key cisco address ipv6 2001:db8::/64\n"
    "crypto isakmp key any address 10.0.0.0 255.0.0.0 no-xauth\n"
    "crypto isakmp keepalive 10 5 periodic\n"
    "crypto isakmp nat keepalive 20\n"
    "!\n"
    "crypto isakmp client configuration group testgroup\n"
    " key cisco321\n"
    " dns 1.1.1.1 2.2.2.2\n"
    " wins 3.3.3.3 4.4.4.4\n"
    " domain cisco.com\n"
    " pool ippool\n"
    " acl 101\n"
    " save-password\n"
    " max-users 10\n"
    "!\n"
    "crypto isakmp profile L2L\n"
    "   description LAN-to-LAN for spoke router(s) connection\n"
    "   keyring spokes\n"
    "   self-identity user-fqdn hub@example.com\n"
    "   match identity address 0.0.0.0\n"
    "   match identity user vpn@example.com\n"
    "   match identity host domain example.com\n"
    "   match identity host spoke1.example.com\n"
    "   local-address Serial1/0\n"
    "   keepalive 10 retry 2\n"
    "crypto isakmp profile VPNclient\n"
    "   description VPN clients profile\n"
    "   match identity group testgroup\n"
    "   client authentication list clientauth\n"
    "   isakmp authorization list groupauthor\n"
    "   client configuration address respond\n"
    "!\n"
    "crypto ipsec transform-set myset esp-3des esp-sha-hmac\n"
    "crypto ipsec transform-set TRA esp-aes esp-sha-hmac\n"
    " mode transport\n"
    "!\n"
    "crypto ipsec profile PRO\n"
    " set transform-set TRA\n"
    " set pfs group5\n"
    "!\n"
    "crypto dynamic-map dynmap 5\n"
    " set transform-set myset\n"
    " set isakmp-profile VPNclient\n"
    "crypto dynamic-map dynmap 10\n"
    " set transform-set myset\n"
    " set isakmp-profile L2L\n"
    "!\n"
    "crypto map mymap 10 ipsec-isakmp dynamic dynmap\n"
    "ip local pool ippool 10.5.5.1 10.5.5.254\n"
    "ip local pool ippool 10.6.6.1\n";

/* The cipher text of the type 6 key on the line of TEXT that starts with
 * PREFIX (up to the next space), into BUF. */
static const char *
cipher_after(const char *text, const char *prefix, char *buf, size_t len)
{
	const char	*p = strstr(text, prefix);

	ck_assert_msg(p != NULL, "no \"%s\" in %s", prefix, text);
	p += strlen(prefix);
	snprintf(buf, len, "%.*s", (int)strcspn(p, " \n"), p);
	return buf;
}

/*
 * Type 6 keys (issue 19): a type 6 key without the master key is refused
 * and never used as clear text; `key config-key password-encrypt` and
 * `password encryption aes` store the global and keyring keys encrypted
 * (the master key never shown), IKE gets the clear key, the cipher text
 * decrypts only with the master key, and a type 6 line pasted back (a
 * saved configuration) gives the same key and the same line.
 */
/* The key IKE would use with PEER (an IPv4 address, host order). */
static const char *
psk_for(struct crypto *c, uint32_t peer)
{
	struct sa_addr	l, p;

	sa_addr_v4(&l, 0);
	sa_addr_v4(&p, peer);
	return ike_psk_for(c, &l, &p);
}

START_TEST(test_type6_keys)
{
	struct crypto	*c = fx.fx_rt.r_sys.sy_crypto;
	char		 c1[128], c2[128], line[256], *text, *plain, saved;

	config();
	ck_assert_str_eq(fx_run(&fx, "crypto isakmp key 6 "
	    "x7l1zyKcoRaUgdktmZ8jxip8hK62LEWN address 10.1.1.1"),
	    "% Master key not configured: type 6 key not used\n");
	ck_assert_ptr_null(psk_for(c, 0x0a010101));
	assert_crypto_text("");
	ck_assert_str_eq(fx_run(&fx, "crypto isakmp key cisco123 address "
	    "10.1.1.1"), "");
	ck_assert_str_eq(fx_run(&fx, "crypto keyring KR"), "");
	ck_assert_str_eq(fx_run(&fx, "pre-shared-key address 3.3.3.3 key "
	    "secret3"), "");
	ck_assert_str_eq(fx_run(&fx, "exit"), "");
	/* The master key alone encrypts nothing. */
	ck_assert_str_eq(fx_run(&fx, "key config-key password-encrypt "
	    "testkey123"), "");
	text = crypto_text();
	ck_assert_ptr_nonnull(strstr(text,
	    "crypto isakmp key cisco123 address 10.1.1.1\n"));
	free(text);
	ck_assert_str_eq(fx_run(&fx, "password encryption aes"), "");
	text = crypto_text();
	ck_assert_ptr_null(strstr(text, "cisco123"));
	ck_assert_ptr_null(strstr(text, "secret3"));
	ck_assert_ptr_null(strstr(text, "testkey123"));
	ck_assert_ptr_nonnull(strstr(text, "password encryption aes\n!\n"
	    "crypto keyring KR\n"));
	cipher_after(text, "crypto isakmp key 6 ", c1, sizeof(c1));
	cipher_after(text, "pre-shared-key address 3.3.3.3 key 6 ", c2,
	    sizeof(c2));
	free(text);
	/* Shown the same each time (the running-config is compared). */
	text = crypto_text();
	ck_assert_ptr_nonnull(strstr(text, c1));
	free(text);
	ck_assert_str_eq(psk_for(c, 0x0a010101), "cisco123");
	ck_assert_str_eq(psk_for(c, 0x03030303), "secret3");
	ck_assert_ptr_nonnull(plain = type6_decrypt("testkey123", c1));
	ck_assert_str_eq(plain, "cisco123");
	xsecret_free(plain);
	ck_assert_ptr_null(type6_decrypt("testkey124", c1));
	saved = c1[3];
	c1[3] = saved == 'A' ? 'B' : 'A';	/* damaged: the tag fails */
	ck_assert_ptr_null(type6_decrypt("testkey123", c1));
	c1[3] = saved;

	/* Pasted back: decrypted for use, shown as it was. */
	snprintf(line, sizeof(line), "crypto isakmp key 6 %s address "
	    "4.4.4.4", c1);
	ck_assert_str_eq(fx_run(&fx, line), "");
	ck_assert_str_eq(psk_for(c, 0x04040404), "cisco123");
	text = crypto_text();
	snprintf(line, sizeof(line), "crypto isakmp key 6 %s address "
	    "4.4.4.4\n", c1);
	ck_assert_ptr_nonnull(strstr(text, line));
	free(text);
	/* Another master key cannot read it: refused, not taken as clear. */
	ck_assert_str_eq(fx_run(&fx, "key config-key password-encrypt "
	    "otherkey99"), "");
	snprintf(line, sizeof(line), "crypto isakmp key 6 %s address "
	    "5.5.5.5", c1);
	ck_assert_str_eq(fx_run(&fx, line), "% Invalid type 6 key: it does "
	    "not decrypt with the master key\n");
	ck_assert_ptr_null(psk_for(c, 0x05050505));
	/* The new master key re-encrypted what was stored. */
	text = crypto_text();
	ck_assert_ptr_null(strstr(text, c1));
	cipher_after(text, "crypto isakmp key 6 ", c2, sizeof(c2));
	free(text);
	ck_assert_ptr_nonnull(plain = type6_decrypt("otherkey99", c2));
	ck_assert_str_eq(plain, "cisco123");
	xsecret_free(plain);
}
END_TEST

START_TEST(test_render_and_round_trip)
{
	char	*first, *second;

	config();
	fx_run_quiet(&fx, hub_lines);
	first = crypto_text();
	ck_assert_str_eq(first, hub_rendered);
	/* Load the rendering into a fresh router: the same text. */
	teardown();
	setup();
	config();
	fx_run_quiet(&fx, first);
	second = crypto_text();
	ck_assert_str_eq(second, first);
	free(first);
	free(second);
}
END_TEST

/* Each rejected line prints IOS's answer and changes nothing. */
START_TEST(test_errors_change_nothing)
{
	static const struct {
		const char	*line;
		const char	*out;
	} bad[] = {
		{ "crypto isakmp policy 0",
		  "                                    ^\n"
		  "% Invalid input detected at '^' marker.\n\n" },
		{ "crypto ipsec transform-set X esp-3des esp-aes",
		  "                                                         ^\n"
		  "% Invalid input detected at '^' marker.\n\n" },
		{ "crypto ipsec transform-set X esp-md5-hmac esp-sha-hmac",
		  "                                                              ^\n"
		  "% Invalid input detected at '^' marker.\n\n" },
		{ "crypto ipsec transform-set X ah-md5-hmac ah-sha-hmac",
		  "                                                        ^\n"
		  "% Invalid input detected at '^' marker.\n\n" },
		{ "crypto ipsec transform-set X esp-seal",
		  "% Transform set X: esp-seal requires an authentication "
		  "transform\n" },
		{ "crypto ipsec transform-set TSET esp-seal",
		  "% Transform set TSET: esp-seal requires an authentication "
		  "transform\n" },
		{ "no crypto ipsec transform-set TSET",
		  "% Transform set TSET is in use.\n" },
		{ "ip local pool P 10.0.0.9 10.0.0.1",
		  "%Invalid address range\n" },
		{ "ip local pool P 10.0.0.5 10.0.0.6",
		  "%overlapping address range\n" },
	};
	char	*before;
	size_t	 i;

	config();
	fx_run_quiet(&fx, r1_lines);
	fx_run(&fx, "crypto map TST 10 ipsec-isakmp");
	fx_run_quiet(&fx, "set transform-set TSET\nexit\n"
	    "ip local pool P 10.0.0.1 10.0.0.10\n");
	before = crypto_text();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_str_eq(fx_run(&fx, bad[i].line), bad[i].out);
		ck_assert_int_eq(fx.fx_sess->s_vty.v_mode, MODE_CONFIG);
		assert_crypto_text(before);
	}
	/* In a sub-mode: group 3, unknown transform set. */
	fx_run(&fx, "crypto isakmp policy 10");
	ck_assert_str_eq(fx_run(&fx, "group 3"),
	    "                            ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	fx_run(&fx, "crypto map TST 10 ipsec-isakmp");
	ck_assert_str_eq(fx_run(&fx, "set transform-set TSET NOSUCH"),
	    "ERROR: transform set with tag \"NOSUCH\" does not exist.\n");
	assert_crypto_text(before);
	free(before);
}
END_TEST

/* Issue 15's lines go with their `no` forms: the hub's rendering without
 * them is what the lines of seed 002 alone render. */
START_TEST(test_no_forms_issue15)
{
	char		*text;
	const char	*gone[] = { "local-address", "self-identity",
			    "keepalive 10 retry", "match identity user",
			    "match identity host", " acl 101", "save-password",
			    "max-users", "crypto keyring local" };
	size_t		 i;

	config();
	fx_run_quiet(&fx, hub_lines);
	fx_run_quiet(&fx, "crypto keyring spokes\nno local-address\nexit\n"
	    "no crypto keyring local\n"
	    "crypto isakmp client configuration group testgroup\n"
	    "no acl\nno save-password\nno max-users\nexit\n"
	    "crypto isakmp profile L2L\n"
	    "no self-identity\nno keepalive\nno local-address\n"
	    "no match identity user vpn@example.com\n"
	    "no match identity host domain example.com\n"
	    "no match identity host spoke1.example.com\nexit\n");
	text = crypto_text();
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		ck_assert_msg(strstr(text, gone[i]) == NULL, "%s left:\n%s",
		    gone[i], text);
	ck_assert(strstr(text, "   match identity address 0.0.0.0\n"
	    "crypto isakmp profile VPNclient\n") != NULL);
	ck_assert(strstr(text, " pool ippool\n!\n") != NULL);
	free(text);
}
END_TEST

/* `crypto ipsec security-association replay`: its running-config line
 * (IOS's default 64 not rendered; the last of window-size and disable
 * wins), its `no` forms, and a size IOS does not offer refused. */
START_TEST(test_replay_cfg)
{
	const char	*steps[][2] = {
		{ "crypto ipsec security-association replay window-size 1024",
		  "crypto ipsec security-association replay window-size 1024\n" },
		{ "crypto ipsec security-association replay disable",
		  "crypto ipsec security-association replay disable\n" },
		{ "no crypto ipsec security-association replay disable", "" },
		{ "crypto ipsec security-association replay window-size 256",
		  "crypto ipsec security-association replay window-size 256\n" },
		{ "crypto ipsec security-association replay window-size", "" },
		{ "crypto ipsec security-association replay window-size 128",
		  "crypto ipsec security-association replay window-size 128\n" },
		{ "no crypto ipsec security-association replay window-size", "" },
	};
	char		*text;
	size_t		 i;

	config();
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		ck_assert_str_eq(fx_run(&fx, steps[i][0]), "");
		text = crypto_text();
		ck_assert_msg(steps[i][1][0] == '\0' ?
		    strstr(text, "replay") == NULL :
		    strstr(text, steps[i][1]) != NULL,
		    "after %s:\n%s", steps[i][0], text);
		free(text);
	}
	ck_assert(strstr(fx_run(&fx, "crypto ipsec security-association "
	    "replay window-size 2048"), "% Invalid input") != NULL);
	/* A crypto map entry's own, under its lifetimes. */
	fx_run(&fx, "crypto map M 10 ipsec-isakmp");
	fx_run_quiet(&fx, "set security-association lifetime seconds 1800\n"
	    "set security-association replay window-size 512\n");
	text = crypto_text();
	ck_assert_msg(strstr(text, " set security-association lifetime "
	    "seconds 1800\n set security-association replay window-size "
	    "512\n") != NULL, "%s", text);
	free(text);
	fx_run_quiet(&fx, "set security-association replay disable\n");
	text = crypto_text();
	ck_assert_msg(strstr(text, " set security-association replay "
	    "disable\n") != NULL && strstr(text, "512") == NULL, "%s", text);
	free(text);
	fx_run_quiet(&fx, "no set security-association replay disable\n");
	text = crypto_text();
	ck_assert_msg(strstr(text, "replay") == NULL, "%s", text);
	free(text);
}
END_TEST

START_TEST(test_no_forms)
{
	char	*text;

	config();
	fx_run_quiet(&fx, hub_lines);
	fx_run_quiet(&fx, "crypto isakmp policy 10\nno encryption\nno group\n"
	    "no authentication\nexit\n"
	    "no crypto isakmp key cisco address ipv6 2001:db8::/64\n"
	    "no crypto isakmp key secret hostname peer.example.com\n"
	    "no crypto isakmp key any address 10.0.0.0 255.0.0.0\n"
	    "no crypto isakmp keepalive\n"
	    "no crypto isakmp nat keepalive\n"
	    "crypto keyring spokes\n"
	    "no pre-shared-key address 0.0.0.0 0.0.0.0\n"
	    "no local-address\n"
	    "exit\n"
	    "no crypto keyring local\n"
	    "no crypto isakmp client configuration group testgroup\n"
	    "no crypto isakmp profile L2L\n"
	    "crypto isakmp profile VPNclient\n"
	    "no description\nno match identity group testgroup\n"
	    "no client configuration address respond\nexit\n"
	    "no crypto map mymap\n"
	    "no crypto dynamic-map dynmap 5\n"
	    "crypto dynamic-map dynmap 10\nno set transform-set\n"
	    "no set isakmp-profile\nexit\n"
	    "no crypto ipsec profile PRO\n"
	    "crypto ipsec transform-set TRA esp-aes esp-sha-hmac\n"
	    "no mode\nexit\n"
	    "no crypto ipsec transform-set myset\n"
	    "no ip local pool ippool 10.6.6.1 10.6.6.1\n");
	text = crypto_text();
	ck_assert_str_eq(text,
	    "crypto keyring spokes\n"
	    "!\n"
	    "crypto isakmp policy 10\n"
	    "!\n"
	    "crypto isakmp profile VPNclient\n"
	    "   client authentication list clientauth\n"
	    "   isakmp authorization list groupauthor\n"
	    "!\n"
	    "crypto ipsec transform-set TRA esp-aes esp-sha-hmac\n"
	    "!\n"
	    "crypto dynamic-map dynmap 10\n"
	    "ip local pool ippool 10.5.5.1 10.5.5.254\n");
	free(text);
	fx_run_quiet(&fx,
	    "no crypto keyring spokes\nno crypto isakmp policy 10\n"
	    "no crypto isakmp profile VPNclient\n"
	    "no crypto ipsec transform-set TRA\n"
	    "no crypto dynamic-map dynmap\nno ip local pool ippool\n");
	text = crypto_text();
	ck_assert_str_eq(text, "");
	free(text);
}
END_TEST

START_TEST(test_debug)
{
	struct strbuf	sb;

	fx_run(&fx, "enable");
	ck_assert_str_eq(fx_run(&fx, "debug crypto isakmp"),
	    "Crypto ISAKMP debugging is on\n");
	ck_assert_str_eq(fx_run(&fx, "debug crypto ipsec"),
	    "Crypto IPSEC debugging is on\n");
	strbuf_init(&sb);
	crypto_show_debugging(fx.fx_rt.r_sys.sy_crypto, &sb);
	ck_assert_str_eq(sb.sb_buf, "Cryptographic Subsystem:\n"
	    "  Crypto ISAKMP debugging is on\n"
	    "  Crypto IPSEC debugging is on\n\n");
	ck_assert_str_eq(fx_run(&fx, "undebug crypto isakmp"),
	    "Crypto ISAKMP debugging is off\n");
	ck_assert_str_eq(fx_run(&fx, "no debug crypto ipsec"),
	    "Crypto IPSEC debugging is off\n");
	strbuf_reset(&sb);
	crypto_show_debugging(fx.fx_rt.r_sys.sy_crypto, &sb);
	ck_assert_str_eq(sb.sb_buf, "");
	fx_run(&fx, "debug crypto engine");
	ck_assert(crypto_debug_on(fx.fx_rt.r_sys.sy_crypto,
	    CRYPTO_DEBUG_ENGINE));
	crypto_debug_all_off(fx.fx_rt.r_sys.sy_crypto);
	ck_assert(!crypto_debug_on(fx.fx_rt.r_sys.sy_crypto,
	    CRYPTO_DEBUG_ENGINE));
	strbuf_free(&sb);
}
END_TEST

/* What the IKE engine will read. */
START_TEST(test_accessors)
{
	const struct crypto		*c;
	const struct psk		*k;
	const struct cmap		*cm;
	const struct transform_set	*ts;
	uint8_t				 v6[16] = { 0x20, 0x01, 0x0d, 0xb8 };

	config();
	fx_run_quiet(&fx, "crypto isakmp policy 30\ncrypto isakmp policy 5\n"
	    "crypto isakmp policy 20\nexit\n"
	    "crypto isakmp key wild address 0.0.0.0\n"
	    "crypto isakmp key net address 10.0.0.0 255.0.0.0\n"
	    "crypto isakmp key host address 10.1.1.1\n"
	    "crypto isakmp key odd address 10.0.0.1 255.0.255.255\n"
	    "crypto isakmp key six address ipv6 2001:db8::/32\n"
	    "crypto ipsec transform-set T esp-aes 192 esp-sha256-hmac\n"
	    "exit\n");
	fx_run(&fx, "crypto map M 20 ipsec-isakmp");
	fx_run_quiet(&fx,
	    "set peer 1.2.3.4\nmatch address ACL\nset transform-set T\n"
	    "exit\n");
	fx_run(&fx, "crypto map M 10 ipsec-isakmp");
	c = fx.fx_rt.r_sys.sy_crypto;
	ck_assert_uint_eq(crypto_policy_count(c), 3);
	ck_assert_uint_eq(crypto_policy_at(c, 0)->ip_priority, 5);
	ck_assert_uint_eq(crypto_policy_at(c, 2)->ip_priority, 30);
	ck_assert_ptr_null(crypto_policy_at(c, 3));
	k = psk_lookup_v4(crypto_default_keys(c), 0x0a010101);
	ck_assert_str_eq(k->pk_key, "host");
	k = psk_lookup_v4(crypto_default_keys(c), 0x0a020202);
	ck_assert_str_eq(k->pk_key, "net");
	k = psk_lookup_v4(crypto_default_keys(c), 0x0a050001);
	ck_assert_str_eq(k->pk_key, "odd");
	k = psk_lookup_v4(crypto_default_keys(c), 0xc0a80001);
	ck_assert_str_eq(k->pk_key, "wild");
	k = psk_lookup_v6(crypto_default_keys(c), v6);
	ck_assert_str_eq(k->pk_key, "six");
	cm = crypto_map_find(c, "M");
	ck_assert_uint_eq(cm->cm_n, 2);
	ck_assert_uint_eq(cm->cm_entries[0]->ce_seq, 10);
	ck_assert_str_eq(cm->cm_entries[1]->ce_acl, "ACL");
	ck_assert_uint_eq(cm->cm_entries[1]->ce_peers[0], 0x01020304);
	ts = crypto_transform_find(c, cm->cm_entries[1]->ce_params.pp_tsets[0]);
	ck_assert_int_eq(ts->ts_enc, TS_ENC_AES);
	ck_assert_uint_eq(ts->ts_keylen, 192);
	ck_assert_int_eq(ts->ts_auth, TS_AUTH_SHA256);
}
END_TEST

/* Thousands of keys and map entries load without quadratic cost. */
START_TEST(test_scale)
{
	char	line[128];
	size_t	i;

	config();
	fx_run_quiet(&fx,
	    "crypto ipsec transform-set T esp-aes esp-sha-hmac\nexit\n");
	for (i = 0; i < 5000; i++) {
		snprintf(line, sizeof(line),
		    "crypto isakmp key k%zu address 10.%zu.%zu.1", i,
		    i / 256, i % 256);
		fx_run(&fx, line);
		snprintf(line, sizeof(line), "crypto map BIG %zu ipsec-isakmp",
		    5000 - i);
		fx_run(&fx, line);
		fx_run(&fx, "set transform-set T");
		fx_run(&fx, "exit");
	}
	ck_assert_str_eq(psk_lookup_v4(crypto_default_keys(
	    fx.fx_rt.r_sys.sy_crypto), 0x0a0a0a01)->pk_key, "k2570");
	ck_assert_uint_eq(crypto_map_find(fx.fx_rt.r_sys.sy_crypto,
	    "BIG")->cm_n, 5000);
	ck_assert_uint_eq(crypto_map_find(fx.fx_rt.r_sys.sy_crypto,
	    "BIG")->cm_entries[0]->ce_seq, 1);
}
END_TEST

/*
 * show ip local pool: the table (a pool's second range under an empty
 * name), a named pool's free and held addresses, the held one with its
 * XAUTH user (what a live ISAKMP SA's mode-config gave out), and IOS's
 * answers for no pools and an unknown name.
 */
START_TEST(test_show_ip_local_pool)
{
	struct crypto		*c = fx.fx_rt.r_sys.sy_crypto;
	struct isakmp_sa	*is;
	struct isakmp_sess	*ss;
	uint8_t			 ic[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	fx_run(&fx, "enable");
	ck_assert_str_eq(fx_run(&fx, "show ip local pool"),
	    "No IP Local Pools configured\n");
	fx_run(&fx, "configure terminal");
	fx_run(&fx, "ip local pool ippool 10.5.5.1 10.5.5.3");
	fx_run(&fx, "ip local pool ippool 10.6.6.1");
	fx_run(&fx, "ip local pool other 192.168.100.10 192.168.100.200");
	fx_run(&fx, "end");
	is = sadb_isakmp_new(&c->c_sadb, ic);
	ss = sadb_isakmp_sess(is);
	ss->s_addr = 0x0a050502;	/* 10.5.5.2 */
	strcpy(ss->s_user, "vpnuser");
	ck_assert_str_eq(fx_run(&fx, "show ip local pool"),
	    "\n"
	    " Pool                     Begin           End             Free  "
	    "In use\n"
	    " ippool                   10.5.5.1        10.5.5.3           2   "
	    "    1\n"
	    "                          10.6.6.1        10.6.6.1           1   "
	    "    0\n"
	    " other                    192.168.100.10  192.168.100.200  191   "
	    "    0\n");
	ck_assert_str_eq(fx_run(&fx, "show ip local pool ippool"),
	    "\n"
	    " Pool                     Begin           End             Free  "
	    "In use\n"
	    " ippool                   10.5.5.1        10.5.5.3           2   "
	    "    1\n"
	    "                          10.6.6.1        10.6.6.1           1   "
	    "    0\n"
	    "Available addresses:\n"
	    "            10.5.5.1                         \n"
	    "            10.5.5.3                         \n"
	    "            10.6.6.1                         \n"
	    "\n"
	    "Inuse addresses:\n"
	    "            10.5.5.2       IKE Addr IDB      vpnuser\n"
	    "\n");
	/* The SA gone, the address is free again. */
	is->is_dead = true;
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip local pool ippool"),
	    "Inuse addresses:\n     None\n\n"));
	ck_assert_str_eq(fx_run(&fx, "show ip local pool nosuch"),
	    "%No IP Local Pool named nosuch\n");
}
END_TEST

static Suite *
crypto_suite(void)
{
	Suite	*s = suite_create("crypto");
	TCase	*tc = tcase_create("config");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_show_isakmp_seed001);
	tcase_add_test(tc, test_show_isakmp_policy_12x);
	tcase_add_test(tc, test_show_crypto_map_12x);
	tcase_add_test(tc, test_show_crypto_map_15x);
	tcase_add_test(tc, test_show_transform_set);
	tcase_add_test(tc, test_show_dynmap_ipsec_profile);
	tcase_add_test(tc, test_render_and_round_trip);
	tcase_add_test(tc, test_errors_change_nothing);
	tcase_add_test(tc, test_no_forms);
	tcase_add_test(tc, test_replay_cfg);
	tcase_add_test(tc, test_no_forms_issue15);
	tcase_add_test(tc, test_debug);
	tcase_add_test(tc, test_accessors);
	tcase_add_test(tc, test_scale);
	tcase_add_test(tc, test_show_ip_local_pool);
	tcase_add_test(tc, test_type6_keys);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(crypto_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
