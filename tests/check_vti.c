/*
 * GRE over IPsec and tunnel protection (issue 16), IPv4, on CCIE lab
 * 13-1's pair (tests/pair.c: R1 Serial1/2 12.1.1.1 <-> R2 Serial1/1
 * 12.1.1.2, HDLC on a udp: wire, frozen clock), with tests/check_tunnel.c's
 * Tunnel0 172.16.0.1/24 <-> 172.16.0.2/24 and Loopback1 10.1.1.1/24 and
 * 10.2.2.2/24 routed through it.
 *
 * A crypto map on the serials protects GRE between the endpoints
 * (`permit gre host 12.1.1.1 host 12.1.1.2`) with a `mode transport` set:
 * Quick Mode agrees on transport mode, `show crypto ipsec sa` says
 * {Transport, }, and on the wire ESP follows the GRE packet's own header
 * — the serials' byte counters measure each ESP packet's size, and one
 * captured packet is decrypted here to read ESP's next header (47, or 4
 * in tunnel mode); the same with esp-seal esp-sha-hmac (seed 004's set,
 * no IV, 4-byte padding).  A transport set between subnets runs in
 * tunnel mode.
 *
 * `tunnel protection ipsec profile PRO` instead of a map: on the GRE
 * tunnel (transport mode, `interface: Tunnel0`, `Tunnel0-head-0`, the
 * map IOS builds in `show crypto map`), and on a VTI (`tunnel mode ipsec
 * ipv4`: no GRE, 0.0.0.0/0 proxies, tunnel mode, the line protocol up
 * with the SAs and down without them, rekeyed while idle; a missing
 * profile keeps it down).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "lib/bytes.h"
#include "shell/router.h"
#include "tests/pair.h"

static const char *const tun_cfg[PAIR_NR] = {
	"interface Loopback1\n ip address 10.1.1.1 255.255.255.0\n"
	"interface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n"
	" tunnel source Serial1/2\n tunnel destination 12.1.1.2\n"
	"ip route 10.2.2.0 255.255.255.0 Tunnel0\n",
	"interface Loopback1\n ip address 10.2.2.2 255.255.255.0\n"
	"interface Tunnel0\n ip address 172.16.0.2 255.255.255.0\n"
	" tunnel source 12.1.1.2\n tunnel destination 12.1.1.1\n"
	"ip route 10.1.1.0 255.255.255.0 Tunnel0\n",
};

#define UP_MSG	"%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, " \
		"changed state to up"
#define DOWN_MSG "%LINEPROTO-5-UPDOWN: Line protocol on Interface " \
		"Tunnel0, changed state to down"
#define PING_OK(n) "\n" n "\nSuccess rate is "

static void
setup(void)
{
	pair_open(NULL);
}

/* The value before WHAT on the line that holds it: "5 packets output". */
static unsigned long
before(const char *out, const char *what)
{
	const char	*p = strstr(out, what), *q;

	ck_assert_msg(p != NULL, "no \"%s\" in %s", what, out);
	for (q = p - 1; q > out && q[-1] != ' '; q--)
		;
	return strtoul(q, NULL, 10);
}

/* R's serial: bytes input. */
static unsigned long
serial_in_bytes(int r)
{
	const char	*out = fx_run(&pair[r], r == R1 ?
	    "show interfaces Serial1/2" : "show interfaces Serial1/1");

	return before(out, " bytes, 0 no buffer");
}

/* The map's transform set, as configured and as wire_esp() decrypts it
 * (esp-3des esp-md5-hmac but in test_gre_map_transport_seal). */
static const char	*map_xf = "esp-3des esp-md5-hmac";
static enum ts_enc	 map_enc = TS_ENC_3DES;
static enum ts_auth	 map_auth = TS_AUTH_MD5;

/* GRE tunnels up on both routers, a crypto map protecting GRE between
 * the endpoints, its transform set in mode MODE. */
static void
gre_over_map(const char *mode)
{
	char	text[256];
	int	r;

	for (r = 0; r < PAIR_NR; r++) {
		pair_crypto_cfg(r, "3des", "cisco", r == R1 ?
		    "permit gre host 12.1.1.1 host 12.1.1.2" :
		    "permit gre host 12.1.1.2 host 12.1.1.1");
		snprintf(text, sizeof(text), "crypto ipsec transform-set TSET "
		    "%s\n mode %s\n", map_xf, mode);
		pair_config(r, text);
		pair_config(r, tun_cfg[r]);
		/* wire_esp decrypts with R2's keys: SAs keep them only
		 * under service internal. */
		pair_config(r, "service internal");
	}
	pair_run_for(1);
	for (r = 0; r < PAIR_NR; r++) {
		ck_assert_msg(pair_has(r, UP_MSG), "%s", pair[r].fx_out.sb_buf);
		strbuf_reset(&pair[r].fx_out);
	}
}

/*
 * ESP on the serial for a 100-byte echo through the tunnel, 3DES (8-byte
 * IV) and HMAC-MD5-96: transport, 20 (IP) + 8 (SPI, sequence) + 8 (IV) +
 * 112 (GRE 4 + 100, 2 trailer bytes, padded to 8) + 12 (ICV) = 160;
 * tunnel, the same with the GRE packet's 20-byte header inside and
 * padded again: 20 + 8 + 8 + 128 + 12 = 176.  4 bytes of HDLC each.
 */
#define ESP_TRANSPORT_FRAME	(4 + 160)
#define ESP_TUNNEL_FRAME	(4 + 176)

static void
check_gre_over_map(const char *mode, const char *settings,
    unsigned long frame)
{
	const char	*out;
	unsigned long	 b0;

	gre_over_map(mode);
	/* The first echo starts IKE and is lost, as on IOS. */
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1");
	ck_assert_msg(strstr(out, PING_OK(".!!!!")) != NULL, "%s", out);
	b0 = serial_in_bytes(R2);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1 repeat 3");
	ck_assert_msg(strstr(out, PING_OK("!!!")) != NULL, "%s", out);
	ck_assert_uint_eq(serial_in_bytes(R2) - b0, 3 * frame);

	out = fx_run(&pair[R1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "   local  ident (addr/mask/prot/port): "
	    "(12.1.1.1/255.255.255.255/47/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(12.1.1.2/255.255.255.255/47/0)\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #pkts encaps: 7, #pkts encrypt: 7, "
	    "#pkts digest: 7\n    #pkts decaps: 7, #pkts decrypt: 7, "
	    "#pkts verify: 7\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 1, #recv errors 0\n") !=
	    NULL, "%s", out);
	/* Both SAs of the pair, in and out. */
	ck_assert_msg(strstr(out, settings) != NULL, "%s", out);
	ck_assert_msg(strstr(strstr(out, settings) + 1, settings) != NULL,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #pkts decaps: 7, #pkts decrypt: 7, "
	    "#pkts verify: 7\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, settings) != NULL, "%s", out);
	/* What the SAs carried was GRE, received on the tunnel: 7 echoes
	 * in (and 7 replies out) on R2's Tunnel0. */
	out = fx_run(&pair[R2], "show interfaces Tunnel0");
	ck_assert_msg(strstr(out, "     7 packets input, 700 bytes, 0 no "
	    "buffer\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "     7 packets output, 700 bytes, 0 "
	    "underruns\n") != NULL, "%s", out);
}

/*
 * One ESP packet as it crossed the wire, captured on R2's serial
 * (`monitor capture`, a pcap file of HDLC frames: 4 bytes, then IP) and
 * decrypted here with a fresh SA keyed from R2's inbound SA: what ESP
 * carries and under which header.  *NEXT gets ESP's next header; the
 * outer header and the inner payload are copied out.
 */
static void
wire_esp(uint8_t outer[20], uint8_t *inner, size_t *ilen, uint8_t *next)
{
	char			 dir[] = "/tmp/check_vti.XXXXXX", path[64], cmd[128];
	static uint8_t		 buf[65536];
	struct crypto		*c = pair[R2].fx_rt.r_sys.sy_crypto;
	const struct ipsec_sa	*ps;
	struct esp_params	 ep;
	struct esp_sa		*sa;
	const uint8_t		*ip = NULL, *in;
	FILE			*fp;
	size_t			 n, off, len = 0;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/cap.pcap", dir);
	fx_run(&pair[R2], "monitor capture CAP interface Serial1/1 in");
	fx_run(&pair[R2], "monitor capture CAP start");
	pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1 repeat 1");
	fx_run(&pair[R2], "monitor capture CAP stop");
	snprintf(cmd, sizeof(cmd), "monitor capture CAP export %s", path);
	fx_run(&pair[R2], cmd);
	fx_run(&pair[R2], "no monitor capture CAP");
	ck_assert_ptr_nonnull(fp = fopen(path, "rb"));
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	unlink(path);
	rmdir(dir);
	/* Records after the 24-byte header: the first IPv4 ESP one. */
	for (off = 24; off + 16 <= n; off += 16 + (size_t)(buf[off + 8] |
	    buf[off + 9] << 8 | buf[off + 10] << 16)) {
		len = (size_t)(buf[off + 8] | buf[off + 9] << 8);
		if (len > 4 + 20 && off + 16 + len <= n &&
		    buf[off + 16 + 4] == 0x45 && buf[off + 16 + 4 + 9] == 50) {
			ip = buf + off + 16 + 4;
			len -= 4;
			break;
		}
	}
	ck_assert_msg(ip != NULL, "no ESP in %zu bytes of capture", n);
	memcpy(outer, ip, 20);
	ck_assert_ptr_nonnull(ps = sadb_sa_find_in(&c->c_sadb,
	    get32(ip + 20)));
	memset(&ep, 0, sizeof(ep));
	ep.ep_spi = ps->ps_spi;
	ep.ep_enc = map_enc;
	ep.ep_auth = map_auth;
	ep.ep_enc_key = ps->ps_keys;
	ep.ep_auth_key = ps->ps_keys + ps->ps_enc_keylen;
	ck_assert_ptr_nonnull(sa = esp_sa_new(&ep));
	ck_assert_int_eq(esp_decap_nh(sa, (uint8_t *)(uintptr_t)ip + 20,
	    len - 20, -1, &in, ilen, next), ESP_OK);
	memcpy(inner, in, *ilen);
	esp_sa_free(sa);
}

START_TEST(test_gre_map_transport)
{
	uint8_t	outer[20], inner[2048], next;
	size_t	ilen;

	check_gre_over_map("transport", "        in use settings ={Transport, }"
	    "\n", ESP_TRANSPORT_FRAME);
	/* On the wire: the GRE packet's own header, protocol ESP, and ESP's
	 * next header GRE, whose header (no flags, IPv4 inside) comes first
	 * in the payload, then the echo: no second IP header. */
	wire_esp(outer, inner, &ilen, &next);
	ck_assert_uint_eq(outer[9], 50);
	ck_assert_uint_eq(get32(outer + 12), 0x0c010101);
	ck_assert_uint_eq(get32(outer + 16), 0x0c010102);
	ck_assert_uint_eq(get16(outer + 2), 160);
	ck_assert_uint_eq(next, 47);
	ck_assert_uint_eq(ilen, 4 + 100);
	ck_assert_uint_eq(get32(inner), 0x00000800);
	ck_assert_uint_eq(inner[4], 0x45);
	ck_assert_uint_eq(get32(inner + 4 + 12), 0x0a010101);
}
END_TEST

/*
 * esp-seal esp-sha-hmac in transport mode: no IV, the body padded to 4
 * bytes, so 20 + 8 + 108 (GRE 4 + 100 + 2, padded to 4) + 12 = 148 on
 * the wire; one captured packet decrypted with the SA's KEYMAT reads the
 * GRE packet with next header 47.
 */
#define SEAL_TRANSPORT_FRAME	(4 + 148)

START_TEST(test_gre_map_transport_seal)
{
	uint8_t	outer[20], inner[2048], next;
	size_t	ilen;

	map_xf = "esp-seal esp-sha-hmac";
	map_enc = TS_ENC_SEAL;
	map_auth = TS_AUTH_SHA;
	check_gre_over_map("transport", "        in use settings ={Transport, }"
	    "\n", SEAL_TRANSPORT_FRAME);
	wire_esp(outer, inner, &ilen, &next);
	ck_assert_uint_eq(get16(outer + 2), 148);
	ck_assert_uint_eq(next, 47);
	ck_assert_uint_eq(ilen, 4 + 100);
	ck_assert_uint_eq(get32(inner), 0x00000800);
	ck_assert_uint_eq(get32(inner + 4 + 12), 0x0a010101);
	map_xf = "esp-3des esp-md5-hmac";
	map_enc = TS_ENC_3DES;
	map_auth = TS_AUTH_MD5;
}
END_TEST

/* The same in tunnel mode: the difference on the wire is the inner
 * header, so the sizes above measure what they claim to. */
START_TEST(test_gre_map_tunnel)
{
	uint8_t	outer[20], inner[2048], next;
	size_t	ilen;

	check_gre_over_map("tunnel", "        in use settings ={Tunnel, }\n",
	    ESP_TUNNEL_FRAME);
	/* Tunnel mode: next header 4, the whole GRE packet inside. */
	wire_esp(outer, inner, &ilen, &next);
	ck_assert_uint_eq(next, 4);
	ck_assert_uint_eq(ilen, 20 + 4 + 100);
	ck_assert_uint_eq(inner[9], 47);
}
END_TEST

/* A `mode transport` set protecting subnets, not the endpoints: IOS
 * offers tunnel mode, and the SAs run in it. */
START_TEST(test_transport_set_subnets_tunnel)
{
	const char	*out;
	int		 r;

	for (r = 0; r < PAIR_NR; r++) {
		pair_crypto_cfg(r, "3des", "cisco", r == R1 ?
		    "permit ip host 1.1.1.1 host 2.2.2.2" :
		    "permit ip host 2.2.2.2 host 1.1.1.1");
		pair_config(r, "crypto ipsec transform-set TSET esp-3des "
		    "esp-md5-hmac\n mode transport\n");
	}
	out = pair_run_wait(R1, "ping 2.2.2.2 source 1.1.1.1");
	ck_assert_msg(strstr(out, PING_OK(".!!!!")) != NULL, "%s", out);
	for (r = 0; r < PAIR_NR; r++) {
		out = fx_run(&pair[r], "show crypto ipsec sa");
		ck_assert_msg(strstr(out, "in use settings ={Tunnel, }\n") !=
		    NULL && strstr(out, "Transport") == NULL, "%s", out);
	}
}
END_TEST

/* Both routers' IKE and a profile PRO whose set is in mode MODE; each
 * tunnel in TUNMODE ("gre ip" or "ipsec ipv4") protected by it. */
static void
protected_tunnels(const char *mode, const char *tunmode)
{
	char	text[1024];
	int	r;

	for (r = 0; r < PAIR_NR; r++) {
		pair_config(r, tun_cfg[r]);
		snprintf(text, sizeof(text),
		    "crypto isakmp policy 10\n hash md5\n authentication "
		    "pre-share\n group 2\n encryption 3des\n"
		    "crypto isakmp key cisco address 12.1.1.%d\n"
		    "crypto ipsec transform-set TSET esp-3des esp-md5-hmac\n"
		    " mode %s\n"
		    "crypto ipsec profile PRO\n set transform-set TSET\n"
		    "interface Tunnel0\n tunnel mode %s\n"
		    " tunnel protection ipsec profile PRO\n",
		    r == R1 ? 2 : 1, mode, tunmode);
		pair_config(r, text);
	}
}

/* GRE + tunnel protection: the GRE packets between the endpoints are
 * the proxies, transport mode as the set asks. */
START_TEST(test_gre_protection_transport)
{
	const char	*out;
	unsigned long	 b0;

	protected_tunnels("transport", "gre ip");
	pair_run_for(1);
	ck_assert_msg(pair_has(R1, UP_MSG), "%s", pair[R1].fx_out.sb_buf);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1");
	ck_assert_msg(strstr(out, PING_OK(".!!!!")) != NULL, "%s", out);
	b0 = serial_in_bytes(R2);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1 repeat 3");
	ck_assert_msg(strstr(out, PING_OK("!!!")) != NULL, "%s", out);
	ck_assert_uint_eq(serial_in_bytes(R2) - b0, 3 * ESP_TRANSPORT_FRAME);
	out = fx_run(&pair[R1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\ninterface: Tunnel0\n"
	    "    Crypto map tag: Tunnel0-head-0, local addr 12.1.1.1\n") !=
	    NULL, "%s", out);
	ck_assert_msg(strstr(out, "   local  ident (addr/mask/prot/port): "
	    "(12.1.1.1/255.255.255.255/47/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(12.1.1.2/255.255.255.255/47/0)\n"
	    "   current_peer 12.1.1.2 port 500\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #pkts encaps: 7, #pkts encrypt: 7, "
	    "#pkts digest: 7\n    #pkts decaps: 7, #pkts decrypt: 7, "
	    "#pkts verify: 7\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "        in use settings ={Transport, }\n")
	    != NULL, "%s", out);
	ck_assert_msg(strstr(out, "crypto map: Tunnel0-head-0\n") != NULL,
	    "%s", out);
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\ninterface: Tunnel0\n"
	    "    Crypto map tag: Tunnel0-head-0, local addr 12.1.1.2\n") !=
	    NULL, "%s", out);
	ck_assert_msg(strstr(out, "        in use settings ={Transport, }\n")
	    != NULL, "%s", out);
	/* The map IOS builds for the tunnel: the profile, its instance. */
	ck_assert_str_eq(fx_run(&pair[R1], "show crypto map"),
	    "Crypto Map IPv4 \"Tunnel0-head-0\" 65536 ipsec-isakmp\n"
	    "        Profile name: PRO\n"
	    "        Security association lifetime: 4608000 kilobytes/3600 "
	    "seconds\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): N\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TSET:  { esp-3des esp-md5-hmac  } ,\n"
	    "        }\n"
	    "\n"
	    "Crypto Map IPv4 \"Tunnel0-head-0\" 65537 ipsec-isakmp\n"
	    "        Map is a PROFILE INSTANCE.\n"
	    "        Peer = 12.1.1.2\n"
	    "        Extended IP access list\n"
	    "            access-list  permit gre host 12.1.1.1 host 12.1.1.2\n"
	    "        Current peer: 12.1.1.2\n"
	    "        Security association lifetime: 4608000 kilobytes/3600 "
	    "seconds\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): N\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TSET:  { esp-3des esp-md5-hmac  } ,\n"
	    "        }\n"
	    "        Interfaces using crypto map Tunnel0-head-0:\n"
	    "                Tunnel0\n"
	    "\n");
	/* `shared` is kept and rendered. */
	pair_config(R1, "interface Tunnel0\n"
	    " tunnel protection ipsec profile PRO shared\n");
	out = fx_run(&pair[R1], "show running-config");
	ck_assert_msg(strstr(out, " tunnel destination 12.1.1.2\n"
	    " tunnel protection ipsec profile PRO shared\n") != NULL, "%s",
	    out);
	pair_config(R1, "interface Tunnel0\n"
	    " no tunnel protection ipsec profile PRO\n");
	out = fx_run(&pair[R1], "show running-config");
	ck_assert_msg(strstr(out, "tunnel protection") == NULL, "%s", out);
}
END_TEST

/*
 * A VTI (`tunnel mode ipsec ipv4`): no GRE, proxies 0.0.0.0/0 both ways
 * and tunnel mode whatever the set says (seed 003); the line protocol
 * comes up with the SAs, IKE beginning on its own, and goes down with
 * them.  An echo of 100 bytes in ESP tunnel mode, 3DES/MD5: 20 + 8 + 8 +
 * 104 (100, 2 trailer bytes, padded to 8) + 12 = 152, 4 of HDLC.
 */
#define VTI_FRAME	(4 + 152)

START_TEST(test_vti)
{
	const char	*out;
	unsigned long	 b0;
	static const char *const down_up[] = { DOWN_MSG, UP_MSG, NULL };

	protected_tunnels("transport", "ipsec ipv4");
	/* Before IKE has run, the line protocol is down. */
	out = fx_run(&pair[R1], "show ip interface brief | include Tunnel0");
	ck_assert_msg(strstr(out, "Tunnel0                    172.16.0.1      "
	    "YES manual up                    down") != NULL, "%s", out);
	pair_run_for(3);
	ck_assert_msg(pair_has(R1, UP_MSG), "%s", pair[R1].fx_out.sb_buf);
	ck_assert_msg(pair_has(R2, UP_MSG), "%s", pair[R2].fx_out.sb_buf);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
	out = pair_run_wait(R2, "ping 172.16.0.1");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
	b0 = serial_in_bytes(R2);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1 repeat 3");
	ck_assert_msg(strstr(out, PING_OK("!!!")) != NULL, "%s", out);
	ck_assert_uint_eq(serial_in_bytes(R2) - b0, 3 * VTI_FRAME);

	out = fx_run(&pair[R1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\ninterface: Tunnel0\n"
	    "    Crypto map tag: Tunnel0-head-0, local addr 12.1.1.1\n") !=
	    NULL, "%s", out);
	ck_assert_msg(strstr(out, "   local  ident (addr/mask/prot/port): "
	    "(0.0.0.0/0.0.0.0/0/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(0.0.0.0/0.0.0.0/0/0)\n"
	    "   current_peer 12.1.1.2 port 500\n") != NULL, "%s", out);
	/* R1: 5 + 3 echoes out and their replies in; R2's 5 echoes to
	 * 172.16.0.1 in and their replies out. */
	ck_assert_msg(strstr(out, "    #pkts encaps: 13, #pkts encrypt: 13, "
	    "#pkts digest: 13\n    #pkts decaps: 13, #pkts decrypt: 13, "
	    "#pkts verify: 13\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "    #send errors 0, #recv errors 0\n") !=
	    NULL, "%s", out);
	/* The ESP leaves by the tunnel source's interface (seed 003's
	 * "ipv6 mtu idb Ethernet0/0"). */
	ck_assert_msg(strstr(out, "     path mtu 1500, ip mtu 1500, ip mtu idb "
	    "Serial1/2\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "        in use settings ={Tunnel, }\n") !=
	    NULL && strstr(out, "Transport") == NULL, "%s", out);
	/* What came out of the SAs was received on the tunnel. */
	out = fx_run(&pair[R2], "show interfaces Tunnel0");
	ck_assert_msg(strstr(out, "Tunnel0 is up, line protocol is up \n") ==
	    out, "%s", out);
	ck_assert_msg(strstr(out, "     13 packets input, 1300 bytes, 0 no "
	    "buffer\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "  Tunnel source 12.1.1.2, destination "
	    "12.1.1.1\n  Tunnel protocol/transport IPSEC/IP\n") != NULL,
	    "%s", out);
	ck_assert_msg(strstr(out, "  Tunnel receive bandwidth 8000 (kbps)\n"
	    "  Tunnel protection via IPSec (profile \"PRO\")\n") != NULL,
	    "%s", out);

	out = fx_run(&pair[R1], "show crypto map tag Tunnel0-head-0");
	ck_assert_msg(strstr(out, "        Extended IP access list\n"
	    "            access-list  permit ip any any\n") != NULL, "%s", out);

	/* The SAs go: the line protocol follows them down, and IKE brings
	 * both back. */
	strbuf_reset(&pair[R1].fx_out);
	fx_run(&pair[R1], "clear crypto sa");
	pair_run_for(3);
	ck_assert_msg(pair_lines_in_order(R1, down_up) == NULL, "%s",
	    pair[R1].fx_out.sb_buf);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
}
END_TEST

/* A profile that does not exist: the VTI has no policy, no IKE starts
 * and it stays down; defining the profile brings it up. */
START_TEST(test_vti_missing_profile)
{
	const char	*out;
	int		 r;

	protected_tunnels("tunnel", "ipsec ipv4");
	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, "no crypto ipsec profile PRO\n");
	pair_run_for(3);
	ck_assert_msg(!pair_has(R1, "Tunnel0") && !pair_has(R1, "ISAKMP:"),
	    "%s", pair[R1].fx_out.sb_buf);
	out = fx_run(&pair[R1], "show crypto isakmp sa");
	ck_assert_msg(strstr(out, "12.1.1.2") == NULL, "%s", out);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1 repeat 2");
	ck_assert_msg(strstr(out, "Success rate is 0 percent (0/2)") != NULL,
	    "%s", out);
	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, "crypto ipsec profile PRO\n"
		    " set transform-set TSET\n");
	pair_run_for(3);
	ck_assert_msg(pair_has(R1, UP_MSG), "%s", pair[R1].fx_out.sb_buf);
}
END_TEST

/* The VTI's SAs rekey before their 120 s run out (the entry is the
 * tunnel's, found again for the successor): the line protocol never
 * drops and traffic passes on the new pair. */
START_TEST(test_vti_rekey)
{
	const char	*out;
	int		 r;

	protected_tunnels("tunnel", "ipsec ipv4");
	for (r = 0; r < PAIR_NR; r++)
		pair_config(r, "crypto ipsec profile PRO\n"
		    " set security-association lifetime seconds 120\n");
	pair_run_for(3);
	ck_assert_msg(pair_has(R1, UP_MSG), "%s", pair[R1].fx_out.sb_buf);
	out = fx_run(&pair[R1], "show crypto ipsec sa | include current outbound");
	ck_assert_ptr_nonnull(strstr(out, "current outbound spi: 0x"));
	strbuf_reset(&pair[R1].fx_out);
	pair_run_for(250);
	ck_assert_msg(!pair_has(R1, DOWN_MSG), "%s", pair[R1].fx_out.sb_buf);
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1");
	ck_assert_msg(strstr(out, PING_OK("!!!!!")) != NULL, "%s", out);
	out = fx_run(&pair[R1], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "    #send errors 0, #recv errors 0\n") !=
	    NULL, "%s", out);
	out = fx_run(&pair[R1], "show interfaces Tunnel0");
	ck_assert_msg(strstr(out, "line protocol is up") != NULL, "%s", out);
}
END_TEST

/*
 * GRE over IPsec with the map, transport mode, as tshark is to see it
 * (tests/capture_tshark.sh: CAPTURE_DIR set, this case alone): R1's
 * serial from before IKE to the last echo, and R1's keys.
 */
START_TEST(test_gre_map_capture)
{
	const char	*out;

	pair_capture_start(R1, "Serial1/2");
	gre_over_map("transport");
	out = pair_run_wait(R1, "ping 10.2.2.2 source 10.1.1.1");
	ck_assert_msg(strstr(out, PING_OK(".!!!!")) != NULL, "%s", out);
	pair_capture_save(R1, "gre_map", 1, 2);
}
END_TEST

static Suite *
vti_suite(void)
{
	Suite	*s = suite_create("vti");
	TCase	*tc = tcase_create("gre_ipsec");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_gre_map_transport);
	tcase_add_test(tc, test_gre_map_tunnel);
	tcase_add_test(tc, test_gre_map_transport_seal);
	tcase_add_test(tc, test_transport_set_subnets_tunnel);
	tcase_add_test(tc, test_gre_protection_transport);
	tcase_add_test(tc, test_vti);
	tcase_add_test(tc, test_vti_missing_profile);
	tcase_add_test(tc, test_vti_rekey);
	suite_add_tcase(s, tc);
	tc = tcase_create("capture");
	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_gre_map_capture);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(vti_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
