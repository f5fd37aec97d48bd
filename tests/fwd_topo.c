/*
 * fwd_topo: the three routers of tests/check_fwd and tests/check_dot1q,
 * joined by udp: wires on 127.0.0.1, with helpers to ping across them.
 */
#include <check.h>
#include <string.h>

#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "tests/fwd_topo.h"

struct fixture	 fx[NR];
int		 port[8];

/*
 * R1 Fa0/0 10.0.12.1 -- 10.0.12.2 Fa0/0 R2 Se1/0 10.0.23.2 -- 10.0.23.3
 * Se1/0 R3, with Loopback0 1.1.1.1, 2.2.2.2, 3.3.3.3; R1 and R3 route
 * everything through R2, which knows only its connected subnets.
 */
void
fwd_setup(void)
{
	int	i;

	clock_use_frozen(FX_EPOCH_MS);
	for (i = 0; i < 4; i++)
		port[i] = fx_udp_port();
	for (i = 0; i < NR; i++) {
		fx_open(&fx[i], NULL);
		fx_run(&fx[i], "enable");
	}
	fx_attach_udp(&fx[0], "FastEthernet0/0", port[0], port[1]);
	fx_attach_udp(&fx[1], "f0/0", port[1], port[0]);
	fx_attach_udp(&fx[1], "Serial1/0", port[2], port[3]);
	fx_attach_udp(&fx[2], "s1/0", port[3], port[2]);
	fx_config(&fx[0], "hostname R1\ninterface Loopback0\n"
	    " ip address 1.1.1.1 255.255.255.255\n"
	    "interface FastEthernet0/0\n"
	    " ip address 10.0.12.1 255.255.255.0\n"
	    "ip route 0.0.0.0 0.0.0.0 10.0.12.2\n");
	fx_config(&fx[1], "hostname R2\ninterface Loopback0\n"
	    " ip address 2.2.2.2 255.255.255.255\n"
	    "interface FastEthernet0/0\n"
	    " ip address 10.0.12.2 255.255.255.0\n"
	    "interface Serial1/0\n"
	    " ip address 10.0.23.2 255.255.255.0\n"
	    "ip route 1.1.1.1 255.255.255.255 10.0.12.1\n"
	    "ip route 3.3.3.3 255.255.255.255 10.0.23.3\n");
	fx_config(&fx[2], "hostname R3\ninterface Loopback0\n"
	    " ip address 3.3.3.3 255.255.255.255\n"
	    "interface Serial1/0\n"
	    " ip address 10.0.23.3 255.255.255.0\n"
	    "ip route 0.0.0.0 0.0.0.0 10.0.23.2\n");
	for (i = 0; i < NR; i++)
		strbuf_reset(&fx[i].fx_out);
}

void
fwd_teardown(void)
{
	int	i;

	for (i = 0; i < NR; i++)
		fx_close(&fx[i]);
	clock_use_real();
}

void
hear(void *arg, const struct dp_echo_ev *ev)
{
	struct heard	*h = arg;

	ck_assert_int_lt(h->n, 16);
	h->ev[h->n++] = *ev;
}

uint32_t
A(const char *s)
{
	uint32_t	a;

	ck_assert(ip4_parse(s, &a));
	return a;
}

int
ping(int r, const char *dst, uint16_t seq, uint8_t ttl, size_t size)
{
	struct dp_echo_req	er;

	memset(&er, 0, sizeof(er));
	er.er_dst = A(dst);
	er.er_id = 7;
	er.er_seq = seq;
	er.er_size = size;
	er.er_ttl = ttl;
	er.er_pattern = 0xabcd;
	return dp_echo_send(fx_dp(&fx[r]), &er);
}

/* R1 pings DST twice: the first goes while ARP resolves (dropped). */
void
ping_twice(const char *dst)
{
	ping(0, dst, 0, 0, 100);
	fx_pump(fx, NR);
	ping(0, dst, 1, 0, 100);
	fx_pump(fx, NR);
}
