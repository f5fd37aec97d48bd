/*
 * Path MTU through seed 001's tunnel (R1 Serial1/2 12.1.1.1 <-> R2
 * Serial1/1 12.1.1.2, esp-3des esp-md5-hmac, 1.1.1.1 <-> 2.2.2.2): the
 * SA's overhead leaves an inner MTU of 1446 at interface MTU 1500
 * (20 outer + 8 ESP + 8 IV + padding to 8 with the 2-byte trailer + 12
 * ICV: 1446 + 2 pads to 1448, 20 + 8 + 8 + 1448 + 12 = 1496).  A DF
 * packet larger draws "fragmentation needed" with that MTU (ping 'M'); a
 * packet without DF is fragmented before encryption (IOS's default) or
 * after (`crypto ipsec fragmentation after-encryption`) and arrives
 * whole, put back together by the far router's reassembly; `crypto ipsec
 * df-bit` sets the outer DF; ICMP about our ESP lowers the path MTU;
 * show crypto ipsec sa says path mtu / ip mtu from live state.  Two
 * routers in one process on a udp: wire, frozen clock, as check_ike.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "tests/pair.h"

static void
setup(void)
{
	pair_open(NULL);
}


/* Seed 001's tunnel, up after the first ping (.!!!!). */
static void
tunnel_up(void)
{
	const char	*out;

	pair_crypto_cfg(0, "3des", "cisco", "permit ip host 1.1.1.1 host 2.2.2.2");
	pair_crypto_cfg(1, "3des", "cisco", "permit ip host 2.2.2.2 host 1.1.1.1");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0");
	ck_assert_msg(strstr(out, "\n.!!!!\nSuccess rate is 80 percent") !=
	    NULL, "%s", out);
}

/* "#pkts encaps: N" of R's only flow. */
static unsigned long
encaps(int r)
{
	const char	*out = fx_run(&pair[r], "show crypto ipsec sa"), *p;

	p = strstr(out, "#pkts encaps: ");
	ck_assert_msg(p != NULL, "%s", out);
	return strtoul(p + 14, NULL, 10);
}

static struct dp_reasm_stats
reasm(int r)
{
	struct dp_reasm_stats	st;

	dp_reasm_stats(fx_dp(&pair[r]), &st);
	return st;
}

/* What a listener heard: the last event. */
struct heard {
	int			n;
	struct dp_echo_ev	ev;
};

static void
hear(void *arg, const struct dp_echo_ev *ev)
{
	struct heard	*h = arg;

	h->n++;
	h->ev = *ev;
}

/* R1 sends one echo of SIZE from 1.1.1.1 to 2.2.2.2 (DF as said) and
 * returns what came back. */
static struct heard
echo(size_t size, bool df)
{
	struct dp_echo_req	er;
	struct heard		h;

	memset(&h, 0, sizeof(h));
	memset(&er, 0, sizeof(er));
	er.er_dst = 0x02020202;
	er.er_src = 0x01010101;
	er.er_id = 4242;
	er.er_seq = 1;
	er.er_size = size;
	er.er_df = df;
	er.er_pattern = 0xabcd;
	ck_assert_int_eq(dp_echo_listen(fx_dp(&pair[0]), 4242, hear, &h), 0);
	ck_assert_int_eq(dp_echo_send(fx_dp(&pair[0]), &er), DP_SEND_OK);
	pair_run_for(1);
	dp_echo_unlisten(fx_dp(&pair[0]), 4242);
	return h;
}

static const char *
ping_text(int n, size_t size, bool df, const char *marks, int ok)
{
	static char	buf[512];

	snprintf(buf, sizeof(buf), "Type escape sequence to abort.\n"
	    "Sending %d, %zu-byte ICMP Echos to 2.2.2.2, timeout is 2 "
	    "seconds:\nPacket sent with a source address of 1.1.1.1\n%s"
	    "%s\nSuccess rate is %d percent (%d/%d)", n, size,
	    df ? "Packet sent with the DF bit set\n" : "", marks,
	    ok * 100 / n, ok, n);
	return buf;
}

START_TEST(test_df_frag_needed)
{
	const char	*out;
	struct heard	 h;
	unsigned long	 before;

	tunnel_up();
	before = encaps(0);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500 df-bit");
	ck_assert_msg(strncmp(out, ping_text(5, 1500, true, "MMMMM", 0),
	    strlen(ping_text(5, 1500, true, "MMMMM", 0))) == 0, "%s", out);
	/* Nothing went into the tunnel, nothing counted as an error. */
	ck_assert_uint_eq(encaps(0), before);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "#send errors 1, #recv errors 0") != NULL,
	    "%s", out);
	/* The ICMP carries the tunnel's MTU: 1446 at path MTU 1500. */
	h = echo(1447, true);
	ck_assert_int_eq(h.n, 1);
	ck_assert_int_eq(h.ev.ev_kind, DP_ECHO_FRAG_NEEDED);
	ck_assert_int_eq(h.ev.ev_code, 4);
	ck_assert_uint_eq(h.ev.ev_mtu, 1446);
	ck_assert_uint_eq(h.ev.ev_from, 0x01010101);
	/* 1446 itself fits: one ESP packet, answered. */
	h = echo(1446, true);
	ck_assert_int_eq(h.ev.ev_kind, DP_ECHO_REPLY);
	ck_assert_uint_eq(encaps(0), before + 1);
	ck_assert_uint_eq(reasm(1).rs_reqds, 0);
}
END_TEST

START_TEST(test_fragment_before_encryption)
{
	const char	*out;
	unsigned long	 before;

	tunnel_up();
	before = encaps(0);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500");
	ck_assert_msg(strstr(out, ping_text(5, 1500, false, "!!!!!", 5)) !=
	    NULL, "%s", out);
	/* Two fragments each way per echo, each its own ESP packet. */
	ck_assert_uint_eq(encaps(0), before + 10);
	ck_assert_uint_eq(reasm(1).rs_reqds, 10);
	ck_assert_uint_eq(reasm(1).rs_oks, 5);
	ck_assert_uint_eq(reasm(0).rs_oks, 5);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 3000");
	ck_assert_msg(strstr(out, ping_text(5, 3000, false, "!!!!!", 5)) !=
	    NULL, "%s", out);
	ck_assert_uint_eq(encaps(0), before + 10 + 15);
	ck_assert_uint_eq(reasm(1).rs_oks, 10);
	ck_assert_uint_eq(reasm(1).rs_fails + reasm(1).rs_timeouts, 0);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "#send errors 1, #recv errors 0") != NULL,
	    "%s", out);
}
END_TEST

START_TEST(test_fragment_after_encryption)
{
	const char	*out;
	unsigned long	 before;

	tunnel_up();
	pair_config(0, "crypto ipsec fragmentation after-encryption");
	before = encaps(0);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500");
	ck_assert_msg(strstr(out, ping_text(5, 1500, false, "!!!!!", 5)) !=
	    NULL, "%s", out);
	/* One ESP packet per echo, fragmented on Serial1/2: R2 put each
	 * back together before decrypting it. */
	ck_assert_uint_eq(encaps(0), before + 5);
	ck_assert_uint_eq(reasm(1).rs_reqds, 10);
	ck_assert_uint_eq(reasm(1).rs_oks, 5);
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, "\ncrypto ipsec fragmentation "
	    "after-encryption\n") != NULL, "%s", out);
	/* df-bit set forbids fragments of the ESP packet: before again. */
	pair_config(0, "crypto ipsec df-bit set");
	before = encaps(0);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500 repeat 2");
	ck_assert_msg(strstr(out, ping_text(2, 1500, false, "!!", 2)) !=
	    NULL, "%s", out);
	ck_assert_uint_eq(encaps(0), before + 4);
	/* The interface's setting wins over the global one. */
	pair_config(0, "no crypto ipsec df-bit set\ninterface Serial1/2\n"
	    " crypto ipsec fragmentation before-encryption");
	before = encaps(0);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500 repeat 2");
	ck_assert_uint_eq(encaps(0), before + 4);
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, " crypto map TST\n crypto ipsec "
	    "fragmentation before-encryption\n") != NULL, "%s", out);
	ck_assert(strstr(out, "crypto ipsec df-bit") == NULL);
	pair_config(0, "no crypto ipsec fragmentation after-encryption\n"
	    "interface Serial1/2\n no crypto ipsec fragmentation "
	    "before-encryption");
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, "crypto ipsec fragmentation") == NULL, "%s",
	    out);
}
END_TEST

START_TEST(test_df_bit_clear)
{
	const char	*out;
	unsigned long	 before;

	tunnel_up();
	pair_config(0, "interface Serial1/2\n crypto ipsec df-bit clear");
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, " crypto map TST\n crypto ipsec df-bit "
	    "clear\n") != NULL, "%s", out);
	/* DF no longer stops it: fragmented before encryption. */
	before = encaps(0);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500 df-bit");
	ck_assert_msg(strstr(out, ping_text(5, 1500, true, "!!!!!", 5)) !=
	    NULL, "%s", out);
	ck_assert_uint_eq(encaps(0), before + 10);
	pair_config(0, "interface Serial1/2\n no crypto ipsec df-bit clear\n"
	    "exit\ncrypto ipsec df-bit clear");
	out = fx_run(&pair[0], "show running-config");
	ck_assert_msg(strstr(out, "\ncrypto ipsec df-bit clear\n") != NULL &&
	    strstr(out, " crypto ipsec df-bit") == NULL, "%s", out);
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500 df-bit "
	    "repeat 2");
	ck_assert_msg(strstr(out, "\n!!\n") != NULL, "%s", out);
	pair_config(0, "no crypto ipsec df-bit clear");
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1500 df-bit "
	    "repeat 2");
	ck_assert_msg(strstr(out, "\nMM\n") != NULL, "%s", out);
}
END_TEST

START_TEST(test_show_mtu)
{
	const char	*out;
	struct heard	 h;

	tunnel_up();
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\n     path mtu 1500, ip mtu 1500, ip mtu "
	    "idb Serial1/2\n") != NULL, "%s", out);
	/* The interface's MTU, read when shown and on the next packet. */
	pair_config(0, "interface Serial1/2\n mtu 1400");
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "\n     path mtu 1400, ip mtu 1400, ip mtu "
	    "idb Serial1/2\n") != NULL, "%s", out);
	/* 1350 + 2 is 1352, a multiple of 8: 20 + 8 + 8 + 1352 + 12. */
	h = echo(1351, true);
	ck_assert_uint_eq(h.ev.ev_mtu, 1350);
	h = echo(1350, true);
	ck_assert_int_eq(h.ev.ev_kind, DP_ECHO_REPLY);
}
END_TEST

/* "current outbound spi: 0x...(" of R. */
static uint32_t
out_spi(int r)
{
	const char	*out = fx_run(&pair[r], "show crypto ipsec sa"), *p;

	p = strstr(out, "current outbound spi: 0x");
	ck_assert_msg(p != NULL, "%s", out);
	return (uint32_t)strtoul(p + 24, NULL, 16);
}

/* R1 hears "fragmentation needed, MTU" from a router on the path
 * (12.1.1.2 here) about its ESP packet with SPI. */
static void
icmp_about_esp(uint32_t spi, uint16_t mtu)
{
	uint8_t	p[20 + 8 + 20 + 8];
	size_t	i;
	uint32_t sum;

	memset(p, 0, sizeof(p));
	p[0] = 0x45;
	p[2] = 0;
	p[3] = sizeof(p);
	p[8] = 254;
	p[9] = 1;
	memcpy(p + 12, "\x0c\x01\x01\x02\x0c\x01\x01\x01", 8);
	p[20] = 3;
	p[21] = 4;
	p[26] = (uint8_t)(mtu >> 8);
	p[27] = (uint8_t)mtu;
	/* The quote: our ESP packet's header and its first 8 bytes. */
	p[28] = 0x45;
	p[30] = 0x05;
	p[31] = 0xdc;
	p[34] = 0x40;
	p[36] = 255;
	p[37] = 50;
	memcpy(p + 40, "\x0c\x01\x01\x01\x0c\x01\x01\x02", 8);
	p[48] = (uint8_t)(spi >> 24);
	p[49] = (uint8_t)(spi >> 16);
	p[50] = (uint8_t)(spi >> 8);
	p[51] = (uint8_t)spi;
	p[55] = 9;
	for (sum = 0, i = 20; i < sizeof(p); i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	p[22] = (uint8_t)(~sum >> 8);
	p[23] = (uint8_t)~sum;
	for (sum = 0, i = 0; i < 20; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	p[10] = (uint8_t)(~sum >> 8);
	p[11] = (uint8_t)~sum;
	ck_assert_int_eq(dp_ip_input(fx_dp(&pair[0]), dp_iface_find(fx_dp(&pair[0]), "Serial1/2"),
	    p, sizeof(p)), 0);
	pair_run_for(1);
}

START_TEST(test_learned_pmtu)
{
	const char	*out;
	struct heard	 h;

	tunnel_up();
	/* Another SPI is someone else's: nothing changes. */
	icmp_about_esp(out_spi(0) ^ 1, 1300);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "path mtu 1500, ip mtu 1500,") != NULL,
	    "%s", out);
	icmp_about_esp(out_spi(0), 1300);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "path mtu 1300, ip mtu 1500, ip mtu idb "
	    "Serial1/2\n") != NULL, "%s", out);
	/* 1246 + 2 is 1248: 20 + 8 + 8 + 1248 + 12 = 1296 <= 1300. */
	h = echo(1300, true);
	ck_assert_uint_eq(h.ev.ev_mtu, 1246);
	/* Only ever lowered. */
	icmp_about_esp(out_spi(0), 1400);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "path mtu 1300, ip mtu 1500,") != NULL,
	    "%s", out);
	/* Without DF, fragments sized for the learned path get through. */
	out = pair_run_wait(0, "ping 2.2.2.2 source loopback0 size 1300 repeat 2");
	ck_assert_msg(strstr(out, "\n!!\n") != NULL, "%s", out);
	/* Ten minutes on, the learned value has aged out. */
	pair_run_for(600);
	out = fx_run(&pair[0], "show crypto ipsec sa");
	ck_assert_msg(strstr(out, "path mtu 1500, ip mtu 1500,") != NULL,
	    "%s", out);
}
END_TEST

/* The inner MTU a 1447-byte DF echo is refused with ("fragmentation
 * needed"), 0 if it went through. */
static unsigned
refused_at(void)
{
	struct heard	h = echo(1447, true);

	ck_assert_int_eq(h.n, 1);
	return h.ev.ev_kind == DP_ECHO_FRAG_NEEDED ? h.ev.ev_mtu : 0;
}

/* R1's encapsulations for a 1447-byte echo without DF sent after CFG:
 * 2 fragmented before encryption, 1 after.  An echo before CFG fills
 * what the flow keeps (FILL encapsulations, the mode before), after
 * the show that counts: show reads it all again itself. */
static unsigned long
encaps_after(const char *cfg, unsigned long fill)
{
	unsigned long	before = encaps(0);

	(void)echo(1447, false);
	pair_config(0, cfg);
	(void)echo(1447, false);
	return encaps(0) - before - fill;
}

/*
 * A flow keeps its path MTU and modes between packets (ipsec_mtu.c's
 * refresh_kept): each input changed between two packets — the
 * interface's `mtu` (a crypto map's path starts from it, not from `ip
 * mtu`), `crypto ipsec df-bit` and `fragmentation` globally and on the
 * interface, a learned path MTU and its age — and the next packet
 * follows.  No show between a change and its packet.
 */
START_TEST(test_kept_mtu_follows_changes)
{
	tunnel_up();
	ck_assert_uint_eq(refused_at(), 1446);
	pair_config(0, "interface Serial1/2\n mtu 1400");
	/* 1350 + 2 is 1352: 20 + 8 + 8 + 1352 + 12 = 1400. */
	ck_assert_uint_eq(refused_at(), 1350);
	pair_config(0, "interface Serial1/2\n no mtu");
	ck_assert_uint_eq(refused_at(), 1446);
	pair_config(0, "crypto ipsec df-bit clear");
	ck_assert_uint_eq(refused_at(), 0);
	pair_config(0, "no crypto ipsec df-bit clear");
	ck_assert_uint_eq(refused_at(), 1446);
	pair_config(0, "interface Serial1/2\n crypto ipsec df-bit clear");
	ck_assert_uint_eq(refused_at(), 0);
	pair_config(0, "interface Serial1/2\n no crypto ipsec df-bit clear");
	ck_assert_uint_eq(refused_at(), 1446);
	ck_assert_uint_eq(encaps_after("crypto ipsec fragmentation "
	    "after-encryption", 2), 1);
	ck_assert_uint_eq(encaps_after("interface Serial1/2\n crypto ipsec "
	    "fragmentation before-encryption", 1), 2);
	ck_assert_uint_eq(encaps_after("no crypto ipsec fragmentation "
	    "after-encryption\ninterface Serial1/2\n crypto ipsec "
	    "fragmentation after-encryption", 2), 1);
	ck_assert_uint_eq(encaps_after("interface Serial1/2\n no crypto ipsec "
	    "fragmentation after-encryption", 1), 2);
	/* A learned path MTU, then its age: ten minutes on, the interface's
	 * again on the next packet. */
	icmp_about_esp(out_spi(0), 1300);
	ck_assert_uint_eq(refused_at(), 1246);
	pair_run_for(600);
	ck_assert_uint_eq(refused_at(), 1446);
}
END_TEST

static Suite *
pmtu_suite(void)
{
	Suite	*s = suite_create("pmtu");
	TCase	*tc = tcase_create("tunnel");

	tcase_add_checked_fixture(tc, setup, pair_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_df_frag_needed);
	tcase_add_test(tc, test_fragment_before_encryption);
	tcase_add_test(tc, test_fragment_after_encryption);
	tcase_add_test(tc, test_df_bit_clear);
	tcase_add_test(tc, test_show_mtu);
	tcase_add_test(tc, test_learned_pmtu);
	tcase_add_test(tc, test_kept_mtu_follows_changes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(pmtu_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
