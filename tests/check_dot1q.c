/*
 * Unit tests of 802.1Q subinterfaces on the packet path (issue 20), on
 * tests/fwd_topo's three routers: VLAN and native-VLAN traffic, a VLAN
 * without a subinterface dropped and counted, the tag on the wire, and a
 * frame refused by the medium taken back from the counters of the port
 * and the subinterface that sent it.  The clock is frozen; every loop is
 * bounded.
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "dataplane/wire.h"
#include "dataplane/wire_impl.h"
#include "tests/fixture.h"
#include "tests/fwd_topo.h"

/* A medium that refuses every batch (its buffers full). */
static int
refuse_many(struct wire *w, const struct iovec *iov, unsigned n)
{
	(void)w;
	(void)iov;
	(void)n;
	errno = ENOBUFS;
	return -1;
}

/*
 * A frame the router counted as output, queued in a read batch (R2's
 * echo reply on Fa0/0.100) and refused by the medium when the batch is
 * written, is an output drop after all: the port and the subinterface
 * that sent it take it back (packets, bytes) and count it dropped.
 */
START_TEST(test_tx_refused_counts)
{
	struct heard		 h = { 0 };
	struct dp_iface		*r2, *r2sub;
	struct wire		*w;
	struct wire_ops		 refusing;
	const struct wire_ops	*saved;
	struct if_attach	 phys, sub;

	fx_config(&fx[0], "interface FastEthernet0/0.100\n"
	    " encapsulation dot1Q 100\n"
	    " ip address 10.100.0.1 255.255.255.0\n");
	fx_config(&fx[1], "interface FastEthernet0/0.100\n"
	    " encapsulation dot1Q 100\n"
	    " ip address 10.100.0.2 255.255.255.0\n");
	ck_assert_int_eq(dp_echo_listen(fx_dp(&fx[0]), 7, hear, &h), 0);
	ping_twice("10.100.0.2");
	ck_assert_int_eq(h.n, 1);
	r2 = dp_iface_find(fx_dp(&fx[1]), "FastEthernet0/0");
	r2sub = dp_iface_find(fx_dp(&fx[1]), "FastEthernet0/0.100");
	phys = r2->if_attach;
	sub = r2sub->if_attach;
	ck_assert_uint_eq(sub.at_opkts, 2);	/* ARP reply, echo reply */
	w = dp_iface_wire(r2);
	saved = w->w_ops;
	refusing = *saved;
	refusing.wo_send_many = refuse_many;
	w->w_ops = &refusing;
	ping(0, "10.100.0.2", 2, 0, 100);
	fx_pump(fx, NR);
	w->w_ops = saved;
	ck_assert_int_eq(h.n, 1);		/* the reply never left */
	ck_assert_uint_eq(r2sub->if_attach.at_ipkts, sub.at_ipkts + 1);
	ck_assert_uint_eq(r2->if_attach.at_opkts, phys.at_opkts);
	ck_assert_uint_eq(r2->if_attach.at_obytes, phys.at_obytes);
	ck_assert_uint_eq(r2->if_attach.at_odrops, phys.at_odrops + 1);
	ck_assert_uint_eq(r2sub->if_attach.at_opkts, sub.at_opkts);
	ck_assert_uint_eq(r2sub->if_attach.at_obytes, sub.at_obytes);
	ck_assert_uint_eq(r2sub->if_attach.at_odrops, sub.at_odrops + 1);
	ck_assert_uint_eq(wire_stats(w)->ws_out_drops, 1);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx[1], "show interfaces "
	    "FastEthernet0/0"), "; Total output drops: 1\n"));
}
END_TEST

/*
 * 802.1Q subinterfaces (issue 20): R1 and R2 talk VLAN 100 on
 * Fa0/0.100 over their Fa0/0 wire; R1's native-VLAN subinterface
 * reaches R2's main interface untagged; a VLAN R2 has no subinterface
 * for is dropped and counted; the frames on a third wire carry the tag.
 */
START_TEST(test_dot1q)
{
	struct heard	 h = { 0 };
	struct dp_iface	*r2, *r2sub;
	uint8_t		 f[256];
	uint64_t	 drops;
	int		 fd, p1 = fx_udp_port();
	struct sockaddr_in sin;
	ssize_t		 n;

	fx_config(&fx[0], "interface FastEthernet0/0.100\n"
	    " encapsulation dot1Q 100\n"
	    " ip address 10.100.0.1 255.255.255.0\n"
	    "interface FastEthernet0/0.5\n"
	    " encapsulation dot1Q 5 native\n"
	    " ip address 10.5.0.1 255.255.255.0\n"
	    "interface FastEthernet0/0.7\n"
	    " encapsulation dot1Q 7\n"
	    " ip address 10.7.0.1 255.255.255.0\n");
	fx_config(&fx[1], "interface FastEthernet0/0.100\n"
	    " encapsulation dot1Q 100\n"
	    " ip address 10.100.0.2 255.255.255.0\n"
	    "interface FastEthernet0/0\n"
	    " ip address 10.5.0.2 255.255.255.0 secondary\n");
	ck_assert_str_eq(fx_run(&fx[1], "show running-config interface "
	    "FastEthernet0/0.100"), "Building configuration...\n\n"
	    "Current configuration : 98 bytes\n!\n"
	    "interface FastEthernet0/0.100\n encapsulation dot1Q 100\n"
	    " ip address 10.100.0.2 255.255.255.0\nend\n\n");
	/* A VLAN has one subinterface per port. */
	fx_run(&fx[1], "configure terminal");
	fx_run(&fx[1], "interface FastEthernet0/0.101");
	ck_assert_str_eq(fx_run(&fx[1], "encapsulation dot1Q 100"),
	    "Configuration of multiple subinterfaces of the same main\n"
	    "interface with the same VID (100) is not permitted.\n"
	    "This VID is already configured on FastEthernet0/0.100.\n");
	fx_run(&fx[1], "end");
	r2 = dp_iface_find(fx_dp(&fx[1]), "FastEthernet0/0");
	r2sub = dp_iface_find(fx_dp(&fx[1]), "FastEthernet0/0.100");
	ck_assert(iface_proto_up(r2sub));
	ck_assert(!iface_proto_up(dp_iface_find(fx_dp(&fx[1]),
	    "FastEthernet0/0.101")));	/* no VLAN yet */
	ck_assert_int_eq(dp_echo_listen(fx_dp(&fx[0]), 7, hear, &h), 0);
	/* Tagged: ARP, then the echo and its reply. */
	ping_twice("10.100.0.2");
	ck_assert_int_eq(h.n, 1);
	ck_assert_uint_eq(h.ev[0].ev_from, A("10.100.0.2"));
	/* R2's subinterface took the ARP request and the echo (tag off:
	 * 60 + 114 bytes); its port counted them with their tags. */
	ck_assert_uint_eq(r2sub->if_attach.at_ipkts, 2);
	ck_assert_uint_eq(r2sub->if_attach.at_ibytes, 174);
	ck_assert_uint_eq(r2sub->if_attach.at_opkts, 2);
	ck_assert_uint_eq(r2->if_attach.at_ipkts, 2);
	ck_assert_uint_eq(r2->if_attach.at_ibytes, 182);
	/* Native: untagged, to R2's main interface. */
	h.n = 0;
	ping_twice("10.5.0.2");
	ck_assert_int_eq(h.n, 1);
	ck_assert_uint_eq(h.ev[0].ev_from, A("10.5.0.2"));
	ck_assert_uint_eq(r2sub->if_attach.at_ipkts, 2);
	/* VLAN 7: R2 has no subinterface for it, drops the ARP request. */
	drops = r2->if_attach.at_idrops;
	h.n = 0;
	ping(0, "10.7.0.2", 0, 0, 100);
	fx_pump(fx, NR);
	ck_assert_uint_eq(r2->if_attach.at_idrops, drops + 1);
	ck_assert_int_eq(h.n, 0);
	/* On the wire: R1's Fa0/1.100 asks ARP with tag 100. */
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	ck_assert_int_ge(fd, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((uint16_t)p1);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	fx_attach_udp(&fx[0], "FastEthernet0/1", fx_udp_port(), p1);
	fx_config(&fx[0], "interface FastEthernet0/1.100\n"
	    " encapsulation dot1Q 100\n"
	    " ip address 10.101.0.1 255.255.255.0\n");
	ping(0, "10.101.0.2", 0, 0, 100);
	fx_pump(fx, NR);
	n = recv(fd, f, sizeof(f), MSG_DONTWAIT);
	close(fd);
	ck_assert_int_eq(n, 64);	/* ARP's 60, and the tag */
	ck_assert_uint_eq(get16(f + 12), 0x8100);
	ck_assert_uint_eq(get16(f + 14), 100);
	ck_assert_uint_eq(get16(f + 16), 0x0806);
	ck_assert_mem_eq(f + 6, dp_iface_find(fx_dp(&fx[0]),
	    "FastEthernet0/1")->if_attach.at_mac, 6);
	dp_echo_unlisten(fx_dp(&fx[0]), 7);
}
END_TEST

static Suite *
dot1q_suite(void)
{
	Suite	*s = suite_create("dot1q");
	TCase	*tc = tcase_create("dot1q");

	tcase_add_checked_fixture(tc, fwd_setup, fwd_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_dot1q);
	tcase_add_test(tc, test_tx_refused_counts);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(dot1q_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
