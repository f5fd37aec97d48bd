/*
 * DHCP between two iosh routers on a udp: wire (frozen clock): R2 serves
 * `ip dhcp pool LAN`, R1's FastEthernet0/0 has `ip address dhcp`.  The
 * lease (address, mask, the default route of distance 254, IOS's log
 * line), the exact `show dhcp lease`, `show ip interface [brief]`, `show
 * ip dhcp binding` texts, renewal at T1, release, excluded addresses, an
 * exhausted pool (no offer, DISCOVERs backing off), no server at all
 * (DISCOVER every 64 s, no address, no route), and the codec against
 * malformed input.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/dhcp_msg.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "lib/clock.h"
#include "tests/fixture.h"

static struct fixture	fx[2];

#define R2_BASE								\
	"hostname R2\n"							\
	"interface FastEthernet0/0\n"					\
	" ip address 10.0.12.1 255.255.255.0\n"				\
	" no shutdown\n"

static void
start(const char *pool)
{
	int	p0 = fx_udp_port(), p1 = fx_udp_port();

	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx[0], NULL);
	fx_open(&fx[1], NULL);
	fx_run(&fx[0], "enable");
	fx_run(&fx[1], "enable");
	fx_attach_udp(&fx[0], "FastEthernet0/0", p0, p1);
	fx_attach_udp(&fx[1], "FastEthernet0/0", p1, p0);
	fx_config(&fx[1], pool);
	fx_config(&fx[0], "hostname R1\ninterface FastEthernet0/0\n"
	    " ip address dhcp\n no shutdown\n");
	fx_pump(fx, 2);
}

static void
setup_pool(void)
{
	start(R2_BASE
	    "ip dhcp excluded-address 10.0.12.1 10.0.12.9\n"
	    "ip dhcp pool LAN\n"
	    " network 10.0.12.0 255.255.255.0\n"
	    " default-router 10.0.12.1\n"
	    " dns-server 10.0.12.53\n"
	    " domain-name example.com\n"
	    " lease 0 1\n");
}

static void
setup_small(void)
{
	/* .1 is R2's, .2-.6 excluded: nothing left to offer. */
	start(R2_BASE
	    "ip dhcp excluded-address 10.0.12.2 10.0.12.6\n"
	    "ip dhcp pool TINY\n"
	    " network 10.0.12.0 255.255.255.248\n");
}

static void
setup_silent(void)
{
	/* R2 has an address but no `ip dhcp pool`: nobody answers. */
	start(R2_BASE);
}

static void
teardown(void)
{
	fx_close(&fx[0]);
	fx_close(&fx[1]);
	clock_use_real();
}

static const uint8_t *
r1_mac(void)
{
	return dp_iface_find(fx_dp(&fx[0]), "FastEthernet0/0")->if_attach.at_mac;
}

/* R1's client identifier as IOS builds it, in the hex dump's lines. */
static void
client_id(char *id, size_t n)
{
	const uint8_t	*m = r1_mac();

	snprintf(id, n, "cisco-%02x%02x.%02x%02x.%02x%02x-Fa0/0", m[0], m[1],
	    m[2], m[3], m[4], m[5]);
}

static void
lease_text(char *out, size_t n, const char *state, const char *next,
    unsigned retries)
{
	char	id[64], hex[160], *h = hex;
	size_t	i;

	client_id(id, sizeof(id));
	for (i = 0; id[i] != '\0'; i++) {
		if (i == 16)
			h += sprintf(h, "\n%23s", "");
		h += sprintf(h, "%02X", (unsigned char)id[i]);
	}
	snprintf(out, n,
	    "Temp IP addr: 10.0.12.10  for peer on Interface: FastEthernet0/0\n"
	    "Temp  sub net mask: 255.255.255.0\n"
	    "   DHCP Lease server: 10.0.12.1, state: %s\n"
	    "   DHCP transaction id: %X\n"
	    "   Lease: 3600 secs,  Renewal: 1800 secs,  Rebind: 3150 secs\n"
	    "Temp default-gateway addr: 10.0.12.1\n"
	    "   Next timer fires after: %s\n"
	    "   Retry count: %u   Client-ID: %s\n"
	    "   Client-ID hex dump: %s\n"
	    "   Hostname: R1\n", state, 0, next, retries, id, hex);
}

/* The transaction id is the one line whose value the test does not
 * predict: blank it. */
static const char *
no_xid(const char *s)
{
	static char	buf[2048];
	char		*p, *e;

	snprintf(buf, sizeof(buf), "%s", s);
	if ((p = strstr(buf, "transaction id: ")) != NULL) {
		p += strlen("transaction id: ");
		e = strchr(p, '\n');
		memmove(p + 1, e, strlen(e) + 1);
		*p = '0';
	}
	return buf;
}

/* R2's binding line for R1: the identifier wraps as IOS wraps it. */
static void
binding_text(char *out, size_t n, const char *expires)
{
	char		id[64], key[128], lines[4][24], *q;
	size_t		len, i, k, j;
	const uint8_t	*b;

	client_id(id, sizeof(id));
	key[0] = 0;
	memcpy(key + 1, id, strlen(id));
	len = strlen(id) + 1;
	b = (const uint8_t *)key;
	for (k = 0, j = 0; k < len; k += 8, j++) {
		q = lines[j];
		*q = '\0';
		for (i = k; i < len && i < k + 8; i++)
			q += sprintf(q, "%02x%s", b[i],
			    i % 2 == 1 && i + 1 < len ? "." : "");
	}
	ck_assert_uint_eq(j, 4);
	snprintf(out, n,
	    "IP address       Hardware address        Lease expiration        "
	    "Type\n"
	    "10.0.12.10       %-24s%-24sAutomatic\n"
	    "                 %s\n"
	    "                 %s\n"
	    "                 %s\n", lines[0], expires, lines[1], lines[2],
	    lines[3]);
}

START_TEST(test_lease)
{
	char	exp[2048];

	ck_assert_ptr_nonnull(strstr(fx[0].fx_out.sb_buf,
	    "%DHCP-6-ADDRESS_ASSIGN: Interface FastEthernet0/0 assigned DHCP "
	    "address 10.0.12.10, mask 255.255.255.0, hostname R1\n"));
	ck_assert_str_eq(fx_run(&fx[0], "show ip interface brief"),
	    "Interface                  IP-Address      OK? Method Status"
	    "                Protocol\n"
	    "FastEthernet0/0            10.0.12.10      YES DHCP   up"
	    "                    up\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], "show ip interface "
	    "FastEthernet0/0"), "FastEthernet0/0 is up, line protocol is up\n"
	    "  Internet address is 10.0.12.10/24\n"
	    "  Broadcast address is 255.255.255.255\n"
	    "  Address determined by DHCP\n"));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], "show ip route"),
	    "S*    0.0.0.0/0 [254/0] via 10.0.12.1\n"));
	/* Learned, not configured: never in the running configuration. */
	ck_assert_ptr_null(strstr(fx_run(&fx[0], "show running-config"),
	    "ip route"));
	lease_text(exp, sizeof(exp), "5 Bound", "00:30:00", 0);
	ck_assert_str_eq(no_xid(fx_run(&fx[0], "show dhcp lease")), exp);
	binding_text(exp, sizeof(exp), "Nov 14 2023 11:13 PM");
	ck_assert_str_eq(fx_run(&fx[1], "show ip dhcp binding"), exp);
	/* The lease answers: R1 reaches R2 from its new address. */
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[1], "show running-config"),
	    "ip dhcp excluded-address 10.0.12.1 10.0.12.9\n!\n"
	    "ip dhcp pool LAN\n"
	    "   network 10.0.12.0 255.255.255.0\n"
	    "   default-router 10.0.12.1\n"
	    "   dns-server 10.0.12.53\n"
	    "   domain-name example.com\n"
	    "   lease 0 1\n!\n"));
}
END_TEST

START_TEST(test_renew_and_release)
{
	char	exp[2048];

	/* Just before T1 nothing is sent; at T1 a REQUEST unicast to the
	 * server (its MAC was resolved when the lease was bound) renews. */
	clock_advance(1799 * 1000);
	fx_pump(fx, 2);
	lease_text(exp, sizeof(exp), "5 Bound", "00:00:01", 0);
	ck_assert_str_eq(no_xid(fx_run(&fx[0], "show dhcp lease")), exp);
	clock_advance(1000);
	fx_pump(fx, 2);
	/* Renewal logs nothing. */
	ck_assert_ptr_null(strstr(fx[0].fx_out.sb_buf, "ADDRESS_ASSIGN"));
	lease_text(exp, sizeof(exp), "5 Bound", "00:30:00", 0);
	ck_assert_str_eq(no_xid(fx_run(&fx[0], "show dhcp lease")), exp);
	/* 22:13:20 + 1800 s + 1 h */
	binding_text(exp, sizeof(exp), "Nov 14 2023 11:43 PM");
	ck_assert_str_eq(fx_run(&fx[1], "show ip dhcp binding"), exp);
	/* Release: the server forgets the binding, R1 its address and
	 * route. */
	fx_config(&fx[0], "interface FastEthernet0/0\n no ip address dhcp\n");
	fx_pump(fx, 2);
	ck_assert_str_eq(fx_run(&fx[1], "show ip dhcp binding"),
	    "IP address       Hardware address        Lease expiration        "
	    "Type\n");
	ck_assert_ptr_null(strstr(fx_run(&fx[0], "show ip route"), "0.0.0.0/0"));
	ck_assert_str_eq(fx_run(&fx[0], "show dhcp lease"), "");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], "show ip interface brief"),
	    "FastEthernet0/0            unassigned      YES unset  up"));
}
END_TEST

START_TEST(test_shutdown_releases)
{
	fx_config(&fx[0], "interface FastEthernet0/0\n shutdown\n");
	fx_pump(fx, 2);
	ck_assert_str_eq(fx_run(&fx[1], "show ip dhcp binding"),
	    "IP address       Hardware address        Lease expiration        "
	    "Type\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], "show ip interface brief"),
	    "FastEthernet0/0            unassigned      YES DHCP   "
	    "administratively down down"));
	/* Up again: a new lease, the same address. */
	fx_config(&fx[0], "interface FastEthernet0/0\n no shutdown\n");
	fx_pump(fx, 2);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], "show ip interface brief"),
	    "FastEthernet0/0            10.0.12.10      YES DHCP   up"));
	/* clear ip dhcp binding *: the server forgets. */
	fx_run(&fx[1], "clear ip dhcp binding *");
	ck_assert_str_eq(fx_run(&fx[1], "show ip dhcp binding"),
	    "IP address       Hardware address        Lease expiration        "
	    "Type\n");
}
END_TEST

START_TEST(test_exhausted)
{
	const char	*s;
	unsigned	 i;
	static const unsigned waits[] = { 4, 8, 16, 32, 64, 64 };

	ck_assert_ptr_null(strstr(fx[0].fx_out.sb_buf, "ADDRESS_ASSIGN"));
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], "show ip interface "
	    "FastEthernet0/0"), "FastEthernet0/0 is up, line protocol is up\n"
	    "  Internet address will be negotiated using DHCP\n"
	    "  Broadcast address is 255.255.255.255\n"
	    "  Address determined by DHCP\n"));
	/* DISCOVERs back off 4, 8, 16, 32, 64 s and stay at 64 s. */
	for (i = 0; i < 6; i++) {
		s = fx_run(&fx[0], "show dhcp lease");
		ck_assert_ptr_nonnull(strstr(s, "state: 2 Selecting\n"));
		char want[64];
		snprintf(want, sizeof(want), "Next timer fires after: 00:%02u:%02u",
		    waits[i] / 60, waits[i] % 60);
		ck_assert_msg(strstr(s, want) != NULL, "%u: %s", i, s);
		snprintf(want, sizeof(want), "Retry count: %u ", i + 1);
		ck_assert_msg(strstr(s, want) != NULL, "%u: %s", i, s);
		clock_advance(waits[i] * 1000ULL);
		fx_pump(fx, 2);
	}
	ck_assert_str_eq(fx_run(&fx[1], "show ip dhcp binding"),
	    "IP address       Hardware address        Lease expiration        "
	    "Type\n");
	/* An address freed by a narrower exclusion is offered at once. */
	fx_config(&fx[1], "no ip dhcp excluded-address 10.0.12.2 10.0.12.6\n"
	    "ip dhcp excluded-address 10.0.12.2 10.0.12.5\n");
	clock_advance(64 * 1000);
	fx_pump(fx, 2);
	ck_assert_ptr_nonnull(strstr(fx[0].fx_out.sb_buf,
	    "assigned DHCP address 10.0.12.6, mask 255.255.255.248, "
	    "hostname R1\n"));
}
END_TEST

/* The codec refuses what does not fit and reads what does. */
START_TEST(test_codec)
{
	struct dhcp_msg	m, r;
	uint8_t		buf[DHCP_MAX_LEN];
	size_t		len;

	memset(&m, 0, sizeof(m));
	m.dm_op = BOOTREPLY;
	m.dm_htype = 1;
	m.dm_hlen = 6;
	m.dm_xid = 0x12345678;
	m.dm_type = DHCPOFFER;
	m.dm_yiaddr = 0x0a000002;
	m.dm_has = DHO_SERVER_ID | DHO_LEASE | DHO_MASK | DHO_ROUTER |
	    DHO_DOMAIN;
	m.dm_server_id = 0x0a000001;
	m.dm_lease = 3600;
	m.dm_mask = 0xffffff00;
	m.dm_router = 0x0a000001;
	m.dm_dns[0] = 0x08080808;
	m.dm_ndns = 1;
	strcpy(m.dm_domain, "example.com");
	len = dhcp_build(&m, buf);
	ck_assert_uint_eq(len, 300);
	ck_assert(dhcp_parse(buf, len, &r));
	ck_assert_uint_eq(r.dm_type, DHCPOFFER);
	ck_assert_uint_eq(r.dm_xid, 0x12345678);
	ck_assert_uint_eq(r.dm_lease, 3600);
	ck_assert_uint_eq(r.dm_router, 0x0a000001);
	ck_assert_uint_eq(r.dm_dns[0], 0x08080808);
	ck_assert_str_eq(r.dm_domain, "example.com");
	/* Short, bad op, bad hlen. */
	ck_assert(!dhcp_parse(buf, 100, &r));
	buf[0] = 3;
	ck_assert(!dhcp_parse(buf, len, &r));
	buf[0] = BOOTREPLY;
	buf[2] = 17;
	ck_assert(!dhcp_parse(buf, len, &r));
	buf[2] = 6;
	/* An option running past the end; a wrong-sized value. */
	buf[240] = 53;
	buf[241] = 200;
	ck_assert(!dhcp_parse(buf, len, &r));
	buf[241] = 2;
	ck_assert(!dhcp_parse(buf, len, &r));
	buf[241] = 1;
	buf[242] = 9;		/* no such message type */
	ck_assert(!dhcp_parse(buf, len, &r));
	/* The option header cut at the end. */
	buf[242] = DHCPOFFER;
	ck_assert(!dhcp_parse(buf, 242, &r));
	/* A hostname that is only its NUL (found by fuzz/fuzz_dhcp.c: it
	 * rebuilt as an empty option the parser refuses). */
	buf[243] = 12;
	buf[244] = 1;
	buf[245] = 0;
	buf[246] = 255;
	ck_assert(!dhcp_parse(buf, len, &r));
	buf[245] = 'a';
	ck_assert(dhcp_parse(buf, len, &r));
	ck_assert_str_eq(r.dm_hostname, "a");
}
END_TEST

/* The number in "N packets input" of R2's Fa0/0. */
static unsigned long
r2_input(void)
{
	const char	*s = fx_run(&fx[1], "show interfaces FastEthernet0/0");
	const char	*p = strstr(s, " packets input");
	unsigned long	 n;

	ck_assert_ptr_nonnull(p);
	while (p > s && p[-1] >= '0' && p[-1] <= '9')
		p--;
	ck_assert(sscanf(p, "%lu", &n) == 1);
	return n;
}

/*
 * No DHCP server at all: R1 keeps sending DISCOVER — after 4, 8, 16,
 * 32 s, then once every 64 s, for as long as it is left (half an hour
 * here: 32 DISCOVERs, each seen on the wire by R2) — and the interface
 * stays without an address: no ADDRESS_ASSIGN line, `show ip interface
 * brief` unassigned, no default route, no connected route.  (RFC 2131
 * 4.1's backoff without the random second; IOS's own DISCOVER timing is
 * not in the seeds.)
 */
START_TEST(test_no_server)
{
	const char	*s;
	unsigned long	 in0 = r2_input();
	unsigned	 i, t = 0;
	char		 want[64];

	/* 4 + 8 + 16 + 32 = 60 s for the first five; then 64 s each. */
	for (i = 1; i <= 32; i++) {
		unsigned w = i <= 4 ? 4u << (i - 1) : 64;

		s = fx_run(&fx[0], "show dhcp lease");
		snprintf(want, sizeof(want), "Retry count: %u ", i);
		ck_assert_msg(strstr(s, want) != NULL, "%u: %s", i, s);
		snprintf(want, sizeof(want), "Next timer fires after: "
		    "00:%02u:%02u\n", w / 60, w % 60);
		ck_assert_msg(strstr(s, want) != NULL, "%u: %s", i, s);
		ck_assert_ptr_nonnull(strstr(s, "state: 2 Selecting\n"));
		if (i < 32) {
			clock_advance(w * 1000ULL);
			t += w;
			fx_pump(fx, 2);
		}
	}
	ck_assert_uint_eq(t, 60 + 27 * 64);
	/* Every DISCOVER reached the wire (R2 saw them; it answers none). */
	ck_assert_uint_eq(r2_input() - in0, 31);
	ck_assert_ptr_null(strstr(fx[0].fx_out.sb_buf, "ADDRESS_ASSIGN"));
	s = fx_run(&fx[0], "show ip interface brief");
	ck_assert_msg(strstr(s, "\nFastEthernet0/0            unassigned      "
	    "YES DHCP   up                    up\n") != NULL, "%s", s);
	s = fx_run(&fx[0], "show ip route");
	ck_assert_msg(strstr(s, "Gateway of last resort is not set\n") !=
	    NULL && strstr(s, "0.0.0.0/0") == NULL && strstr(s, "\nC ") ==
	    NULL, "%s", s);
}
END_TEST

static Suite *
dhcp_suite(void)
{
	Suite	*s = suite_create("dhcp");
	TCase	*tc;

	tc = tcase_create("lease");
	tcase_add_checked_fixture(tc, setup_pool, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_lease);
	tcase_add_test(tc, test_renew_and_release);
	tcase_add_test(tc, test_shutdown_releases);
	suite_add_tcase(s, tc);
	tc = tcase_create("exhausted");
	tcase_add_checked_fixture(tc, setup_small, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_exhausted);
	suite_add_tcase(s, tc);
	tc = tcase_create("silent");
	tcase_add_checked_fixture(tc, setup_silent, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_no_server);
	suite_add_tcase(s, tc);
	tc = tcase_create("codec");
	tcase_add_test(tc, test_codec);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(dhcp_suite());
	int	 nf;

	srunner_run_all(sr, CK_ENV);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? 0 : 1;
}
