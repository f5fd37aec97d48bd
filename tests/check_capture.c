/*
 * Unit tests for the exec commands on interfaces' wires: `monitor
 * capture` (every command's exact output and errors, frames recorded
 * between two routers joined by udp: wires on 127.0.0.1, the exported
 * pcap file's header and records, teardown at reload) and `test
 * interface NAME fault` (loss=100 stops the packets, none restores
 * them).  The clock is frozen; every loop is bounded.
 *
 * With CAPTURE_DIR set, the exported files stay there for
 * tests/capture_tshark.sh to read with tshark.
 */
#include <sys/socket.h>

#include <netinet/in.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/wire.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "shell/startup.h"
#include "tests/fixture.h"

#define NR	2

static struct fixture	 fx[NR];
static char		 tmpdir[] = "/tmp/check_capture.XXXXXX";
static const char	*outdir;	/* where exports go */

/* R1 Fa0/0 10.0.12.1 -- 10.0.12.2 Fa0/0 R2, and Se1/0 10.0.21.1 --
 * 10.0.21.2 Se1/0.  Capture buffers go to a directory of the test's. */
static void
setup(void)
{
	int	i, port[4];

	clock_use_frozen(FX_EPOCH_MS);
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ck_assert_int_eq(setenv("TMPDIR", tmpdir, 1), 0);
	if ((outdir = getenv("CAPTURE_DIR")) == NULL)
		outdir = tmpdir;
	for (i = 0; i < 4; i++)
		port[i] = fx_udp_port();
	for (i = 0; i < NR; i++) {
		fx_open(&fx[i], NULL);
		fx_run(&fx[i], "enable");
	}
	fx_attach_udp(&fx[0], "FastEthernet0/0", port[0], port[1]);
	fx_attach_udp(&fx[1], "FastEthernet0/0", port[1], port[0]);
	fx_attach_udp(&fx[0], "Serial1/0", port[2], port[3]);
	fx_attach_udp(&fx[1], "Serial1/0", port[3], port[2]);
	fx_config(&fx[0], "hostname R1\ninterface FastEthernet0/0\n"
	    " ip address 10.0.12.1 255.255.255.0\n"
	    "interface Serial1/0\n ip address 10.0.21.1 255.255.255.0\n"
	    "interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n");
	fx_config(&fx[1], "hostname R2\ninterface FastEthernet0/0\n"
	    " ip address 10.0.12.2 255.255.255.0\n"
	    "interface Serial1/0\n ip address 10.0.21.2 255.255.255.0\n");
}

/* Files left in DIR whose names start with PREFIX. */
static int
count_files(const char *dir, const char *prefix)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

static void
teardown(void)
{
	char	path[256];
	DIR	*d;
	struct dirent *de;
	int	i;

	for (i = 0; i < NR; i++)
		fx_close(&fx[i]);
	/* Every buffer file went with its capture point. */
	ck_assert_int_eq(count_files(tmpdir, "iosh-capture-"), 0);
	ck_assert_ptr_nonnull(d = opendir(tmpdir));
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", tmpdir,
			    de->d_name);
			unlink(path);
		}
	closedir(d);
	rmdir(tmpdir);
	strcpy(tmpdir, "/tmp/check_capture.XXXXXX");
	clock_use_real();
}

static int
ping(int r, const char *dst, uint16_t seq)
{
	struct dp_echo_req	er;

	memset(&er, 0, sizeof(er));
	ck_assert(ip4_parse(dst, &er.er_dst));
	er.er_id = 7;
	er.er_seq = seq;
	er.er_size = 100;
	er.er_pattern = 0xabcd;
	return dp_echo_send(fx_dp(&fx[r]), &er);
}

struct heard {
	int	n;
};

static void
hear(void *arg, const struct dp_echo_ev *ev)
{
	struct heard	*h = arg;

	if (ev->ev_kind == DP_ECHO_REPLY)
		h->n++;
}

static const char *
status(const char *name, const char *ifname, const char *dir,
    const char *state, int captured)
{
	static char	buf[1024];

	snprintf(buf, sizeof(buf),
	    "Status Information for Capture %s\n"
	    "  Target Type:\n"
	    "   Interface: %s, Direction: %s\n"
	    "   Status : %s\n"
	    "  Filter Details:\n"
	    "    Capture all packets\n"
	    "  Buffer Details:\n"
	    "   Buffer Type: LINEAR (default)\n"
	    "   Buffer Size (in MB): 10\n"
	    "  Limit Details:\n"
	    "   Number of Packets to capture: 0 (no limit)\n"
	    "   Packet Size to capture: 0 (no limit)\n"
	    "   Packets captured: %d\n"
	    "   Packets dropped: 0\n", name, ifname, dir, state, captured);
	return buf;
}

static void
append(char *dst, const char *src, size_t size)
{
	size_t	len = strlen(dst);

	ck_assert_uint_lt(len + strlen(src), size);
	memcpy(dst + len, src, strlen(src) + 1);
}

/* Read the pcap file PATH: its link type and number of records. */
static void
read_pcap(const char *path, uint32_t *linktype, int *records)
{
	uint8_t		 buf[65536];
	size_t		 len, off;
	FILE		*f;

	ck_assert_ptr_nonnull(f = fopen(path, "rb"));
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	ck_assert_uint_ge(len, 24);
	/* Little-endian classic pcap, version 2.4, snaplen 65535. */
	ck_assert(memcmp(buf, "\xd4\xc3\xb2\xa1\x02\x00\x04\x00", 8) == 0);
	ck_assert(memcmp(buf + 16, "\xff\xff\x00\x00", 4) == 0);
	*linktype = buf[20] | (uint32_t)buf[21] << 8;
	*records = 0;
	for (off = 24; off + 16 <= len; (*records)++)
		off += 16 + (buf[off + 8] | (size_t)buf[off + 9] << 8);
	ck_assert_uint_eq(off, len);
}

static const char *
out_path(const char *name)
{
	static char	path[512];

	snprintf(path, sizeof(path), "%s/%s", outdir, name);
	return path;
}

START_TEST(test_cli)
{
	char	line[1200];

	/* Errors first: nothing exists, an interface without a wire. */
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP start"),
	    "% Capture point CAP does not exist\n");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP stop"),
	    "% Capture point CAP does not exist\n");
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture CAP"),
	    "% Capture point CAP does not exist\n");
	ck_assert_str_eq(fx_run(&fx[0], "no monitor capture CAP"),
	    "% Capture point CAP does not exist\n");
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture"), "");
	ck_assert_str_eq(fx_run(&fx[0],
	    "monitor capture CAP interface Serial9/9 both"),
	    fx_invalid_at(strlen("R1#monitor capture CAP interface ")));
	ck_assert_str_eq(fx_run(&fx[0],
	    "monitor capture CAP interface Loopback0 both"),
	    "% Interface Loopback0 is not attached to a wire\n");
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture"), "");

	/* A point, started, stopped, cleared, deleted. */
	ck_assert_str_eq(fx_run(&fx[0],
	    "monitor capture CAP interface s1/0 in"), "");
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture CAP"),
	    status("CAP", "Serial1/0", "IN", "Inactive", 0));
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP stop"),
	    "% Capture point CAP is not active\n");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP start"),
	    "Started capture point : CAP\n");
	ck_assert_int_eq(count_files(tmpdir, "iosh-capture-"), 1);
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP start"),
	    "% Capture point CAP is already active\n");
	ck_assert_str_eq(fx_run(&fx[0],
	    "monitor capture CAP interface f0/0 both"),
	    "% Capture point CAP is active: stop it first\n");
	/* One capture per wire. */
	ck_assert_str_eq(fx_run(&fx[0],
	    "monitor capture B interface Serial1/0 out"), "");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture B start"),
	    "% Capture point CAP is active on Serial1/0\n");
	/* Sorted by name, a blank line between the blocks. */
	snprintf(line, sizeof(line), "%s\n",
	    status("B", "Serial1/0", "OUT", "Inactive", 0));
	append(line, status("CAP", "Serial1/0", "IN", "Active", 0),
	    sizeof(line));
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture"), line);
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP stop"),
	    "Stopped capture point : CAP\n");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP clear"), "");
	ck_assert_int_eq(count_files(tmpdir, "iosh-capture-"), 0);
	ck_assert_str_eq(fx_run(&fx[0],
	    "monitor capture CAP export flash:cap.pcap"),
	    "% Failed to Export: file system flash: is not supported, "
	    "give a file path\n");
	snprintf(line, sizeof(line), "monitor capture CAP export %s/none/x",
	    tmpdir);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0], line),
	    "% Failed to Export: "));
	/* An empty capture exports as a header. */
	snprintf(line, sizeof(line), "monitor capture B export %s",
	    out_path("empty.pcap"));
	ck_assert_str_eq(fx_run(&fx[0], line), "Exported Successfully\n");
	ck_assert_str_eq(fx_run(&fx[0], "no monitor capture B"), "");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture CAP start"),
	    "Started capture point : CAP\n");
	/* Deleting an active point stops it and removes its buffer. */
	ck_assert_str_eq(fx_run(&fx[0], "no monitor capture CAP"), "");
	ck_assert_int_eq(count_files(tmpdir, "iosh-capture-"), 0);
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture"), "");
	/* Privileged exec only. */
	fx_run(&fx[0], "disable");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[0],
	    "monitor capture CAP start"), "% Invalid input detected"));
}
END_TEST

START_TEST(test_capture_frames)
{
	struct heard	h = { 0 };
	uint32_t	lt;
	int		n;
	char		line[600];

	ck_assert_int_eq(dp_echo_listen(fx_dp(&fx[0]), 7, hear, &h), 0);
	fx_run(&fx[0], "monitor capture ETH interface FastEthernet0/0 both");
	fx_run(&fx[0], "monitor capture SER interface Serial1/0 out");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture ETH start"),
	    "Started capture point : ETH\n");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture SER start"),
	    "Started capture point : SER\n");
	/* ARP request and reply, then echo request and reply. */
	ping(0, "10.0.12.2", 0);
	fx_pump(fx, NR);
	ping(0, "10.0.12.2", 1);
	fx_pump(fx, NR);
	/* Over the serial link only the request is outbound. */
	ping(0, "10.0.21.2", 2);
	fx_pump(fx, NR);
	ck_assert_int_eq(h.n, 2);
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture ETH stop"),
	    "Stopped capture point : ETH\n");
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture SER stop"),
	    "Stopped capture point : SER\n");
	/* Stopped: nothing more is recorded. */
	ping(0, "10.0.12.2", 3);
	fx_pump(fx, NR);
	ck_assert_int_eq(h.n, 3);
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture ETH"),
	    status("ETH", "FastEthernet0/0", "BOTH", "Inactive", 4));
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture SER"),
	    status("SER", "Serial1/0", "OUT", "Inactive", 1));
	snprintf(line, sizeof(line), "monitor capture ETH export %s",
	    out_path("eth.pcap"));
	ck_assert_str_eq(fx_run(&fx[0], line), "Exported Successfully\n");
	read_pcap(out_path("eth.pcap"), &lt, &n);
	ck_assert_uint_eq(lt, 1);		/* Ethernet */
	ck_assert_int_eq(n, 4);
	snprintf(line, sizeof(line), "monitor capture SER export %s",
	    out_path("hdlc.pcap"));
	ck_assert_str_eq(fx_run(&fx[0], line), "Exported Successfully\n");
	read_pcap(out_path("hdlc.pcap"), &lt, &n);
	ck_assert_uint_eq(lt, 104);		/* Cisco HDLC */
	ck_assert_int_eq(n, 1);
	/* Started again, a point adds to what it holds; clear empties it. */
	fx_run(&fx[0], "monitor capture ETH start");
	ping(0, "10.0.12.2", 4);
	fx_pump(fx, NR);
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture ETH"),
	    status("ETH", "FastEthernet0/0", "BOTH", "Active", 6));
	ck_assert_str_eq(fx_run(&fx[0], "monitor capture ETH clear"), "");
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture ETH"),
	    status("ETH", "FastEthernet0/0", "BOTH", "Active", 0));
	ping(0, "10.0.12.2", 5);
	fx_pump(fx, NR);
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture ETH"),
	    status("ETH", "FastEthernet0/0", "BOTH", "Active", 2));
	dp_echo_unlisten(fx_dp(&fx[0]), 7);
}
END_TEST

/* A reload frees the dataplane and its wires under active points. */
START_TEST(test_reload)
{
	struct heard	h = { 0 };
	struct strbuf	report;

	fx_run(&fx[0], "monitor capture ETH interface FastEthernet0/0 both");
	fx_run(&fx[0], "monitor capture ETH start");
	ping(0, "10.0.12.2", 0);
	fx_pump(fx, NR);
	strbuf_init(&report);
	startup_reload(&fx[0].fx_rt, &report);
	strbuf_free(&report);
	ck_assert_int_eq(count_files(tmpdir, "iosh-capture-"), 0);
	fx_run(&fx[0], "enable");
	ck_assert_str_eq(fx_run(&fx[0], "show monitor capture"), "");
	/* The new wire carries frames with no capture behind it. */
	fx_config(&fx[0], "interface FastEthernet0/0\n"
	    " ip address 10.0.12.1 255.255.255.0\n");
	ck_assert_int_eq(dp_echo_listen(fx_dp(&fx[0]), 7, hear, &h), 0);
	ping(0, "10.0.12.2", 1);
	fx_pump(fx, NR);
	ping(0, "10.0.12.2", 2);
	fx_pump(fx, NR);
	ck_assert_int_eq(h.n, 1);
	dp_echo_unlisten(fx_dp(&fx[0]), 7);
}
END_TEST

START_TEST(test_fault)
{
	struct heard	h = { 0 };
	char		exp[600];
	const char	*spec;
	int		i;

	spec = wire_spec(dp_iface_wire(dp_iface_find(fx_dp(&fx[0]), "f0/0")));
	ck_assert_str_eq(fx_run(&fx[0],
	    "test interface f0/9 fault in loss=10"),
	    fx_invalid_at(strlen("R1#test interface ")));
	ck_assert_str_eq(fx_run(&fx[0],
	    "test interface Loopback0 fault in loss=10"),
	    "% Interface Loopback0 is not attached to a wire\n");
	ck_assert_str_eq(fx_run(&fx[0],
	    "show interfaces Loopback0 fault"),
	    "% Interface Loopback0 is not attached to a wire\n");
	snprintf(exp, sizeof(exp), "FastEthernet0/0 fault injection on %s\n"
	    "  Input: none\n"
	    "  Output: none\n", spec);
	ck_assert_str_eq(fx_run(&fx[0], "show interfaces f0/0 fault"), exp);
	/* A bad spec changes nothing, in either direction. */
	ck_assert_str_eq(fx_run(&fx[0],
	    "test interface f0/0 fault both loss=x"),
	    "% fault: loss needs a percentage 0-100, not 'x'\n");
	ck_assert_str_eq(fx_run(&fx[0], "show interfaces f0/0 fault"), exp);

	ck_assert_int_eq(dp_echo_listen(fx_dp(&fx[0]), 7, hear, &h), 0);
	ping(0, "10.0.12.2", 0);	/* ARP */
	fx_pump(fx, NR);
	ck_assert_str_eq(fx_run(&fx[0],
	    "test interface FastEthernet0/0 fault out loss=100,seed=7"), "");
	for (i = 1; i <= 3; i++) {
		ping(0, "10.0.12.2", (uint16_t)i);
		fx_pump(fx, NR);
	}
	ck_assert_int_eq(h.n, 0);
	snprintf(exp, sizeof(exp), "FastEthernet0/0 fault injection on %s\n"
	    "  Input: none\n"
	    "  Output: loss=100,seed=7\n"
	    "    3 offered, 0 passed, 3 lost, 0 duplicated\n"
	    "    0 reordered, 0 delayed, 0 overflowed\n", spec);
	ck_assert_str_eq(fx_run(&fx[0], "show interfaces f0/0 fault"), exp);
	/* none restores the wire; the counters stay to be read. */
	ck_assert_str_eq(fx_run(&fx[0],
	    "test interface FastEthernet0/0 fault out none"), "");
	ping(0, "10.0.12.2", 4);
	fx_pump(fx, NR);
	ck_assert_int_eq(h.n, 1);
	snprintf(exp, sizeof(exp), "FastEthernet0/0 fault injection on %s\n"
	    "  Input: none\n"
	    "  Output: none\n"
	    "    4 offered, 1 passed, 3 lost, 0 duplicated\n"
	    "    0 reordered, 0 delayed, 0 overflowed\n", spec);
	ck_assert_str_eq(fx_run(&fx[0], "show interfaces f0/0 fault"), exp);
	/* Inbound on the other router: its replies stop arriving back. */
	ck_assert_str_eq(fx_run(&fx[1],
	    "test interface f0/0 fault in loss=100"), "");
	ping(0, "10.0.12.2", 5);
	fx_pump(fx, NR);
	ck_assert_int_eq(h.n, 1);
	ck_assert_str_eq(fx_run(&fx[1],
	    "test interface f0/0 fault both none"), "");
	ping(0, "10.0.12.2", 6);
	fx_pump(fx, NR);
	ck_assert_int_eq(h.n, 2);
	dp_echo_unlisten(fx_dp(&fx[0]), 7);
}
END_TEST

static Suite *
capture_suite(void)
{
	Suite	*s = suite_create("capture");
	TCase	*tc = tcase_create("wire commands");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_cli);
	tcase_add_test(tc, test_capture_frames);
	tcase_add_test(tc, test_reload);
	tcase_add_test(tc, test_fault);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(capture_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
