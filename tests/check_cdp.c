/*
 * check_cdp: CDP between three routers in one process — R1 and R2 on
 * FastEthernet0/0 (802.3/SNAP frames on a udp: wire), R2 and R3 on
 * Serial1/0 (Cisco HDLC), the clock frozen.  The neighbour tables are
 * compared whole, in the 15.x and the 12.x layouts; the holdtime counts
 * down with the clock, is refreshed by the next advertisement 60 s
 * later, and an entry whose sender stopped (`no cdp enable`) is gone
 * exactly 180 s after its last advertisement.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "lib/clock.h"
#include "dataplane/dp.h"
#include "dataplane/wire.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "tests/fixture.h"

#define NR	3
/* The software version TLV of an iosh router, as detail prints it. */
#define VERSION_LINES \
	"Version :\n" \
	"iosh Software (IOSH-LINUX), Version " PACKAGE_VERSION ", RELEASE " \
	"SOFTWARE (iosh)\n" \
	"Technical Support: see the README of the " PACKAGE_NAME \
	" distribution\n"

static struct fixture	rt[NR];

static const char *const cfg[NR] = {
	"hostname R1\n"
	"cdp run\n"
	"interface FastEthernet0/0\n ip address 10.0.12.1 255.255.255.0\n"
	" no shutdown\n",
	"hostname R2\n"
	"cdp run\n"
	"interface FastEthernet0/0\n ip address 10.0.12.2 255.255.255.0\n"
	" no shutdown\n"
	"interface Serial1/0\n ip address 10.0.23.2 255.255.255.0\n"
	" no shutdown\n",
	"hostname R3\n"
	"version 12.4\n"
	"cdp run\n"
	"interface Serial1/0\n ip address 10.0.23.3 255.255.255.0\n"
	" no shutdown\n",
};

/* Each loop turned until nothing is left to read (udp: on loopback
 * delivers at once). */
static void
drain(void)
{
	int	i, r;

	for (i = 0; i < 3; i++)
		for (r = 0; r < NR; r++)
			evloop_once(rt[r].fx_rt.r_loop, 0);
}

/* SECONDS of frozen time, one second at a time, the wires drained. */
static void
run_for(unsigned seconds)
{
	unsigned	i;

	for (i = 0; i < seconds; i++) {
		clock_advance(1000);
		drain();
	}
}

static void
setup(void)
{
	int	i;

	clock_use_frozen(FX_EPOCH_MS);
	for (i = 0; i < NR; i++) {
		fx_open(&rt[i], NULL);
		fx_run(&rt[i], "enable");
	}
	fx_wire(&rt[0], "FastEthernet0/0", &rt[1], "FastEthernet0/0");
	fx_wire(&rt[1], "Serial1/0", &rt[2], "Serial1/0");
	for (i = 0; i < NR; i++)
		fx_config(&rt[i], cfg[i]);
	/* The first advertisements leave on the next turn of each loop. */
	drain();
	for (i = 0; i < NR; i++)
		strbuf_reset(&rt[i].fx_out);
}

static void
teardown(void)
{
	int	i;

	for (i = 0; i < NR; i++)
		fx_close(&rt[i]);
	clock_use_real();
}

static const char *
run(int r, const char *cmd)
{
	strbuf_reset(&rt[r].fx_out);
	return fx_run(&rt[r], cmd);
}

static void
expect_neighbors15(int hold1, int hold3)
{
	char	want[1024];

	snprintf(want, sizeof(want),
	    "Capability Codes: R - Router, T - Trans Bridge, "
	    "B - Source Route Bridge\n"
	    "                  S - Switch, H - Host, I - IGMP, r - Repeater, "
	    "P - Phone, \n"
	    "                  D - Remote, C - CVTA, M - Two-port Mac Relay \n"
	    "\n"
	    "Device ID        Local Intrfce     Holdtme    Capability  "
	    "Platform  Port ID\n"
	    "R1               Fas 0/0            %3d           R       "
	    "IOSH-LINU Fas 0/0\n"
	    "R3               Ser 1/0            %3d           R       "
	    "IOSH-LINU Ser 1/0\n"
	    "\n"
	    "Total cdp entries displayed : 2\n", hold1, hold3);
	ck_assert_str_eq(run(1, "show cdp neighbors"), want);
}

START_TEST(test_neighbors)
{
	expect_neighbors15(180, 180);
	run_for(30);
	expect_neighbors15(150, 150);
	/* 60 s after the first: refreshed. */
	run_for(30);
	expect_neighbors15(180, 180);
}
END_TEST

/*
 * show cdp traffic: R2 sent one advertisement per port at start and one
 * per port 60 s later, and heard R1's and R3's each time.
 */
START_TEST(test_traffic)
{
	static const char	fmt[] =
	    "CDP counters :\n"
	    "\tTotal packets output: %d, Input: %d\n"
	    "\tHdr syntax: %d, Chksum error: %d, Encaps failed: 0\n"
	    "\tNo memory: 0, Invalid packet: 0, \n"
	    "\tCDP version 1 advertisements output: 0, Input: 0\n"
	    "\tCDP version 2 advertisements output: %d, Input: %d\n";
	char			want[512];

	snprintf(want, sizeof(want), fmt, 2, 2, 0, 0, 2, 2);
	ck_assert_str_eq(run(1, "show cdp traffic"), want);
	run_for(60);
	snprintf(want, sizeof(want), fmt, 4, 4, 0, 0, 4, 4);
	ck_assert_str_eq(run(1, "show cdp traffic"), want);
}
END_TEST

/* A CDP frame on Ethernet (802.3, LLC/SNAP) whose payload is P[0..LEN). */
static size_t
snap_frame(uint8_t *f, const uint8_t *p, size_t len)
{
	static const uint8_t	hdr[22] = {
		0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc,
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0,
		0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00,
	};

	memcpy(f, hdr, sizeof(hdr));
	f[12] = (uint8_t)((len + 8) >> 8);
	f[13] = (uint8_t)(len + 8);
	memcpy(f + 22, p, len);
	return 22 + len;
}

/*
 * Frames a host writes on a mem: wire to R3's FastEthernet0/0: a good
 * advertisement (device "HOST", holdtime 30) enters the table; a broken
 * checksum, an unknown version, a TLV running past the end and one
 * without a device ID are counted and leave it as it was.
 */
START_TEST(test_malformed)
{
	uint8_t		 p[64], f[128];
	struct wire	*w;
	char		 err[256];
	const char	*out;
	size_t		 n;
	uint16_t	 ck;

	ck_assert_int_eq(router_attach(&rt[2].fx_rt, "FastEthernet0/0",
	    "mem:cdp-host", err, sizeof(err)), 0);
	fx_config(&rt[2], "interface FastEthernet0/0\n no shutdown\n");
	w = dp_iface_wire(dp_iface_find(fx_dp(&rt[2]), "FastEthernet0/0"));
	ck_assert_ptr_nonnull(w);
	/* version 2, ttl 30, checksum, Device ID "HOST", Port ID "eth0" */
	memcpy(p, "\x02\x1e\x00\x00\x00\x01\x00\x08HOST"
	    "\x00\x03\x00\x08" "eth0", 20);
	ck = in_cksum(p, 20, 0);
	p[2] = (uint8_t)(ck >> 8);
	p[3] = (uint8_t)ck;
	n = snap_frame(f, p, 20);
	ck_assert_int_eq(wire_mem_inject(w, f, n), 0);
	f[22 + 19] ^= 1;			/* checksum broken */
	ck_assert_int_eq(wire_mem_inject(w, f, n), 0);
	f[22 + 19] ^= 1;
	f[22] = 3;				/* version 3 */
	ck_assert_int_eq(wire_mem_inject(w, f, n), 0);
	f[22] = 2;
	/* The port TLV says 9 bytes: past the end (checksum redone). */
	p[15] = 9;
	p[2] = p[3] = 0;
	ck = in_cksum(p, 20, 0);
	p[2] = (uint8_t)(ck >> 8);
	p[3] = (uint8_t)ck;
	ck_assert_int_eq(wire_mem_inject(w, f, snap_frame(f, p, 20)), 0);
	/* No device ID: the port TLV alone. */
	memcpy(p, "\x02\x1e\x00\x00\x00\x03\x00\x08" "eth0", 12);
	ck = in_cksum(p, 12, 0);
	p[2] = (uint8_t)(ck >> 8);
	p[3] = (uint8_t)ck;
	ck_assert_int_eq(wire_mem_inject(w, f, snap_frame(f, p, 12)), 0);
	drain();
	out = run(2, "show cdp neighbors");
	/* No capabilities, no platform; a port ID that is no IOS interface
	 * name stays as it came. */
	ck_assert_msg(strstr(out, "\nHOST             Fas 0/0             "
	    "30                             eth0\n") != NULL, "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "\nR2               Ser 1/0"));
	ck_assert_str_eq(run(2, "show cdp traffic"),
	    "CDP counters :\n"
	    "\tTotal packets output: 1, Input: 6\n"
	    "\tHdr syntax: 1, Chksum error: 1, Encaps failed: 0\n"
	    "\tNo memory: 0, Invalid packet: 2, \n"
	    "\tCDP version 1 advertisements output: 0, Input: 0\n"
	    "\tCDP version 2 advertisements output: 1, Input: 5\n");
	/* Its own holdtime: gone after 30 s, R2 stays. */
	run_for(30);
	out = run(2, "show cdp neighbors");
	ck_assert_ptr_null(strstr(out, "HOST"));
	ck_assert_ptr_nonnull(strstr(out, "\nR2               Ser 1/0"));
}
END_TEST

START_TEST(test_neighbors_12x)
{
	run_for(5);
	ck_assert_str_eq(run(2, "show cdp neighbors"),
	    "Capability Codes: R - Router, T - Trans Bridge, "
	    "B - Source Route Bridge\n"
	    "                  S - Switch, H - Host, I - IGMP, r - Repeater\n"
	    "\n"
	    "Device ID        Local Intrfce     Holdtme    Capability  "
	    "Platform  Port ID\n"
	    "R2               Ser 1/0            175           R       "
	    "IOSH-LINU Ser 1/0\n");
}
END_TEST

START_TEST(test_detail)
{
	char	want[2048];

	run_for(2);
	snprintf(want, sizeof(want),
	    "-------------------------\n"
	    "Device ID: R2\n"
	    "Entry address(es): \n"
	    "  IP address: 10.0.12.2\n"
	    "Platform: cisco IOSH-LINUX,  Capabilities: Router \n"
	    "Interface: FastEthernet0/0,  Port ID (outgoing port): "
	    "FastEthernet0/0\n"
	    "Holdtime : 178 sec\n"
	    "\n"
	    VERSION_LINES
	    "\n"
	    "advertisement version: 2\n"
	    "Duplex: full\n"
	    "Management address(es): \n"
	    "  IP address: 10.0.12.2\n"
	    "\n"
	    "\n"
	    "Total cdp entries displayed : 1\n");
	ck_assert_str_eq(run(0, "show cdp neighbors detail"), want);
	/* The serial neighbour in 12.x: no duplex, no management lines. */
	snprintf(want, sizeof(want),
	    "-------------------------\n"
	    "Device ID: R2\n"
	    "Entry address(es): \n"
	    "  IP address: 10.0.23.2\n"
	    "Platform: cisco IOSH-LINUX,  Capabilities: Router \n"
	    "Interface: Serial1/0,  Port ID (outgoing port): Serial1/0\n"
	    "Holdtime : 178 sec\n"
	    "\n"
	    VERSION_LINES
	    "\n"
	    "advertisement version: 2\n"
	    "\n");
	ck_assert_str_eq(run(2, "show cdp neighbors detail"), want);
}
END_TEST

START_TEST(test_global_and_interface)
{
	ck_assert_str_eq(run(1, "show cdp"),
	    "Global CDP information:\n"
	    "\tSending CDP packets every 60 seconds\n"
	    "\tSending a holdtime value of 180 seconds\n"
	    "\tSending CDPv2 advertisements is  enabled\n");
	fx_config(&rt[1], "interface Serial1/1\n shutdown\n");
	ck_assert_str_eq(run(1, "show cdp interface"),
	    "FastEthernet0/0 is up, line protocol is up\n"
	    "  Encapsulation ARPA\n"
	    "  Sending CDP packets every 60 seconds\n"
	    "  Holdtime is 180 seconds\n"
	    "Serial1/0 is up, line protocol is up\n"
	    "  Encapsulation HDLC\n"
	    "  Sending CDP packets every 60 seconds\n"
	    "  Holdtime is 180 seconds\n"
	    "Serial1/1 is administratively down, line protocol is down\n"
	    "  Encapsulation HDLC\n"
	    "  Sending CDP packets every 60 seconds\n"
	    "  Holdtime is 180 seconds\n");
	fx_config(&rt[1], "interface Serial1/1\n no cdp enable\n");
	ck_assert_ptr_null(strstr(run(1, "show cdp interface"), "Serial1/1"));
	ck_assert_ptr_nonnull(strstr(run(1, "show running-config"),
	    "interface Serial1/1\n no ip address\n shutdown\n"
	    " no cdp enable\n"));
	ck_assert_ptr_nonnull(strstr(run(1, "show running-config"),
	    "\ncdp run\n"));
	fx_config(&rt[1], "no cdp run");
	ck_assert_str_eq(run(1, "show cdp neighbors"),
	    "% CDP is not enabled\n");
	ck_assert_str_eq(run(1, "show cdp"), "% CDP is not enabled\n");
	ck_assert_ptr_null(strstr(run(1, "show running-config"), "cdp run"));
	/* Back on: the table starts empty and fills from the next
	 * advertisements (60 s after the first ones). */
	fx_config(&rt[1], "cdp run");
	ck_assert_ptr_null(strstr(run(1, "show cdp neighbors"), "R1 "));
	run_for(60);
	ck_assert_ptr_nonnull(strstr(run(1, "show cdp neighbors"),
	    "R1               Fas 0/0            180"));
}
END_TEST

START_TEST(test_holdtime_expiry)
{
	/* R1 stops advertising at once; R2 forgets it 180 s after the
	 * last advertisement it heard, while R3 is refreshed. */
	fx_config(&rt[0], "interface FastEthernet0/0\n no cdp enable\n");
	run_for(179);
	ck_assert_ptr_nonnull(strstr(run(1, "show cdp neighbors"),
	    "R1               Fas 0/0              1           R"));
	run_for(1);
	ck_assert_ptr_null(strstr(run(1, "show cdp neighbors"), "R1 "));
	ck_assert_ptr_nonnull(strstr(rt[1].fx_out.sb_buf,
	    "R3               Ser 1/0            "));
	ck_assert_ptr_nonnull(strstr(rt[1].fx_out.sb_buf,
	    "Total cdp entries displayed : 1\n"));
	/* `no cdp enable` stops listening too: R1's entry for R2 ran
	 * out as well. */
	ck_assert_ptr_nonnull(strstr(run(0, "show cdp neighbors"),
	    "Total cdp entries displayed : 0\n"));
}
END_TEST

/*
 * The next advertisements heard by R2 on each wire, exported as pcap
 * files: into CAPTURE_DIR when set (tests/capture_tshark.sh has tshark
 * dissect them), else into a directory removed afterwards.
 */
START_TEST(test_capture)
{
	char		 tmp[] = "/tmp/check_cdp.XXXXXX", line[512];
	const char	*dir = getenv("CAPTURE_DIR");
	const char	*const name[2] = { "cdp-eth.pcap", "cdp-hdlc.pcap" };
	int		 i;

	ck_assert_ptr_nonnull(mkdtemp(tmp));
	if (dir == NULL)
		dir = tmp;
	ck_assert_str_eq(run(1, "monitor capture E interface "
	    "FastEthernet0/0 in"), "");
	ck_assert_str_eq(run(1, "monitor capture S interface Serial1/0 in"),
	    "");
	ck_assert_str_eq(run(1, "monitor capture E start"),
	    "Started capture point : E\n");
	ck_assert_str_eq(run(1, "monitor capture S start"),
	    "Started capture point : S\n");
	run_for(60);
	run(1, "monitor capture E stop");
	run(1, "monitor capture S stop");
	for (i = 0; i < 2; i++) {
		snprintf(line, sizeof(line), "monitor capture %c export %s/%s",
		    i == 0 ? 'E' : 'S', dir, name[i]);
		ck_assert_str_eq(run(1, line), "Exported Successfully\n");
		if (dir == tmp) {
			snprintf(line, sizeof(line), "%s/%s", tmp, name[i]);
			ck_assert_int_eq(unlink(line), 0);
		}
	}
	ck_assert_int_eq(rmdir(tmp), 0);
}
END_TEST

static Suite *
cdp_suite(void)
{
	Suite	*s = suite_create("cdp");
	TCase	*tc = tcase_create("three routers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_neighbors);
	tcase_add_test(tc, test_neighbors_12x);
	tcase_add_test(tc, test_traffic);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_detail);
	tcase_add_test(tc, test_global_and_interface);
	tcase_add_test(tc, test_holdtime_expiry);
	suite_add_tcase(s, tc);
	tc = tcase_create("capture");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_capture);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(cdp_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
