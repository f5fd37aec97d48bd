/*
 * Unit tests for lab/topology.c: the topology file's routers, links and
 * attach lines (tap:/pcap: wires out of the lab), the --attach specs
 * iosh-lab passes each router, and the errors a bad file gets (file and
 * line named, nothing half-loaded).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lab/topology.h"

static char	path[64];

/* Write TEXT to a temporary topology file; its path in `path`. */
static void
write_topo(const char *text)
{
	FILE	*fp;
	int	 fd;

	snprintf(path, sizeof(path), "/tmp/check_topology.XXXXXX");
	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert_ptr_nonnull(fp = fdopen(fd, "w"));
	fputs(text, fp);
	fclose(fp);
}

static int
load(struct topology *t, const char *text, char *err, size_t errlen)
{
	int	rv;

	write_topo(text);
	err[0] = '\0';
	rv = topo_load(t, path, err, errlen);
	unlink(path);
	return rv;
}

/* The error of TEXT without its "FILE:" prefix. */
static const char *
load_err(const char *text)
{
	static char		 err[512];
	struct topology		 t;
	const char		*colon;

	ck_assert_int_eq(load(&t, text, err, sizeof(err)), -1);
	ck_assert_ptr_null(t.t_routers);
	ck_assert_ptr_null(t.t_attach);
	ck_assert_uint_eq(t.t_nattach, 0);
	colon = strchr(err, ':');
	ck_assert_ptr_nonnull(colon);
	return colon + 1;
}

START_TEST(test_seed002)
{
	struct topology	t;
	char		err[256], spec[128];

	ck_assert_int_eq(load(&t,
	    "# three routers, one host on a tap\n"
	    "port-base 3000\n"
	    "router Hub\n"
	    "router ISP ISP.cfg\n"
	    "router Spoke\n"
	    "link Hub FastEthernet0/0 ISP FastEthernet0/0\n"
	    "link ISP FastEthernet0/1 Spoke FastEthernet0/0\n"
	    "attach ISP FastEthernet1/0 tap:iosh-vpn0   # the client\n"
	    "attach Hub FastEthernet0/1 pcap:eth9\n",
	    err, sizeof(err)), 0);
	ck_assert_uint_eq(t.t_nrouters, 3);
	ck_assert_uint_eq(t.t_nlinks, 2);
	ck_assert_uint_eq(t.t_nattach, 2);
	ck_assert_uint_eq(t.t_attach[0].ta_router, 1);
	ck_assert_str_eq(t.t_attach[0].ta_ifname, "FastEthernet1/0");
	ck_assert_uint_eq(t.t_attach[1].ta_router, 0);
	topo_attach_extra(&t, 0, spec, sizeof(spec));
	ck_assert_str_eq(spec, "FastEthernet1/0=tap:iosh-vpn0");
	topo_attach_extra(&t, 1, spec, sizeof(spec));
	ck_assert_str_eq(spec, "FastEthernet0/1=pcap:eth9");
	/* The links keep their udp: ports: link 1's first end is ISP. */
	topo_attach_spec(&t, 1, 0, spec, sizeof(spec));
	ck_assert_str_eq(spec, "FastEthernet0/1=udp:3102:127.0.0.1:3103");
	topo_attach_spec(&t, 1, 1, spec, sizeof(spec));
	ck_assert_str_eq(spec, "FastEthernet0/0=udp:3103:127.0.0.1:3102");
	ck_assert_uint_eq(topo_console_port(&t, 2), 3003);
	topo_free(&t);
	ck_assert_ptr_null(t.t_attach);
}
END_TEST

START_TEST(test_attach_errors)
{
	ck_assert_str_eq(load_err("router R1\n"
	    "attach R1 FastEthernet0/0\n"),
	    "2: usage: attach ROUTER IFNAME tap:NAME|pcap:IFNAME");
	ck_assert_str_eq(load_err("router R1\n"
	    "attach R1 FastEthernet0/0 udp:1:127.0.0.1:2\n"),
	    "2: attach: \"udp:1:127.0.0.1:2\" is not tap:NAME or pcap:IFNAME");
	ck_assert_str_eq(load_err("router R1\n"
	    "attach R1 FastEthernet0/0 tap:\n"),
	    "2: attach: \"tap:\" is not tap:NAME or pcap:IFNAME");
	ck_assert_str_eq(load_err("attach R1 FastEthernet0/0 tap:t0\n"
	    "router R1\n"),
	    "1: attach: no router R1 (routers come before their attach lines)");
	/* One wire per interface: an attach after a link, a link after an
	 * attach, two attaches (names compare as IOS's, any case). */
	ck_assert_str_eq(load_err("router R1\nrouter R2\n"
	    "link R1 Fa0/0 R2 Fa0/0\n"
	    "attach R2 fa0/0 tap:t0\n"),
	    "4: attach: R2 fa0/0 is wired already");
	ck_assert_str_eq(load_err("router R1\nrouter R2\n"
	    "attach R1 Fa0/1 tap:t0\n"
	    "link R2 Fa0/0 R1 Fa0/1\n"),
	    "4: link: R1 Fa0/1 is wired already");
	ck_assert_str_eq(load_err("router R1\n"
	    "attach R1 Fa0/1 tap:t0\n"
	    "attach R1 Fa0/1 pcap:eth0\n"),
	    "3: attach: R1 Fa0/1 is wired already");
	ck_assert_str_eq(load_err("router R1\n"
	    "link R1 Fa0/1 R1 Fa0/1\n"),
	    "2: link: R1 Fa0/1 is wired already");
}
END_TEST

/* A cable looped back between two ports of one router stays legal. */
START_TEST(test_loop_link)
{
	struct topology	t;
	char		err[256];

	ck_assert_int_eq(load(&t, "router R1\nlink R1 Fa0/0 R1 Fa0/1\n",
	    err, sizeof(err)), 0);
	ck_assert_uint_eq(t.t_nlinks, 1);
	ck_assert_uint_eq(t.t_nattach, 0);
	topo_free(&t);
}
END_TEST

static Suite *
topology_suite(void)
{
	Suite	*s = suite_create("topology");
	TCase	*tc = tcase_create("Core");

	tcase_add_test(tc, test_seed002);
	tcase_add_test(tc, test_attach_errors);
	tcase_add_test(tc, test_loop_link);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(topology_suite());
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
