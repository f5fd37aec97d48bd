/*
 * libFuzzer target: a router's frame input — Ethernet II with ARP, IPv4
 * (ICMP, UDP, fragments, forwarding), IPv6 (ICMPv6, neighbour
 * discovery), and Cisco HDLC with IPv4, IPv6 and SLARP on a serial line.
 *
 * One router, FastEthernet0/0 10.0.0.1/24 and 2001:DB8::1/64 on a mem:
 * wire, Serial1/0 12.1.1.1/24 and 2001:DB8:12::1/64 on another, a route
 * out of each.  The first byte of an input picks the wire (even:
 * Ethernet, odd: serial); the rest is the frame, injected as if read
 * from the medium, so every check from the link layer up runs on it.
 * What the router sends back is looked at, not kept.  The neighbour
 * caches live on between inputs, as they would on a wire (bounded by
 * their own limits).
 *
 * Reached (reach.h): inputs after which the router sent an ARP frame
 * ("arp"), an IPv4 frame on Ethernet ("ip4": echo reply, ICMP error),
 * an IPv6 frame on Ethernet ("ip6": NA, NS, echo reply, ICMPv6 error),
 * or IPv4 in HDLC on the serial line ("hdlc"), and inputs whose CDP
 * advertisement (802.3/SNAP or HDLC; `cdp run` is on) the neighbour
 * table took ("cdp").
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "dataplane/wire.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "shell/session.h"
#include "fuzz/reach.h"

static struct router	 rt;
static struct wire	*eth, *ser;
static struct reach	 reached[] = {
	{ "arp", 0 }, { "ip4", 0 }, { "ip6", 0 }, { "hdlc", 0 }, { "cdp", 0 },
};
static unsigned		 sent[4];

static void
discard(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	(void)len;
}

static const struct console_ops discard_ops = { discard, discard };

static void
eth_sent(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	if (len < 14)
		return;
	switch (get16(f + 12)) {
	case 0x0806:
		sent[0]++;
		break;
	case 0x0800:
		sent[1]++;
		break;
	case 0x86dd:
		sent[2]++;
		break;
	}
}

static void
ser_sent(void *arg, const uint8_t *f, size_t len)
{
	(void)arg;
	if (len >= 4 && get16(f + 2) == 0x0800)
		sent[3]++;
}

static struct wire_mem_sink	eth_sink = { eth_sent, NULL };
static struct wire_mem_sink	ser_sink = { ser_sent, NULL };

static const char *const cfg[] = {
	"enable", "configure terminal", "no logging console",
	"ipv6 unicast-routing", "cdp run",
	"interface FastEthernet0/0", "ip address 10.0.0.1 255.255.255.0",
	"ipv6 address 2001:DB8::1/64", "no shutdown", "exit",
	"interface Serial1/0", "ip address 12.1.1.1 255.255.255.0",
	"ipv6 address 2001:DB8:12::1/64", "no shutdown", "exit",
	"ip route 2.2.2.0 255.255.255.0 12.1.1.2",
	"ip route 3.3.3.0 255.255.255.0 10.0.0.3",
	"ipv6 route 2001:DB8:2::/64 2001:DB8:12::2",
	"end",
};

static struct wire *
attach(const char *name, const char *spec, struct wire_mem_sink *sink)
{
	char		 err[256];
	struct wire	*w;

	if (router_attach(&rt, name, spec, err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz_net: %s\n", err);
		abort();
	}
	w = dp_iface_wire(dp_iface_find(rt.r_sys.sy_dp, name));
	if (w == NULL || wire_mem_sink(w, sink) != 0)
		abort();
	return w;
}

static void
fuzz_init(void)
{
	struct session	*s;
	char		 err[256];
	size_t		 i;

	clock_use_frozen(1700000000000LL);
	if (router_init(&rt, "iosh", err, sizeof(err)) < 0) {
		fprintf(stderr, "fuzz_net: %s\n", err);
		abort();
	}
	eth = attach("FastEthernet0/0", "mem:net-eth", &eth_sink);
	ser = attach("Serial1/0", "mem:net-ser", &ser_sink);
	s = session_new(&rt, &discard_ops, NULL);
	for (i = 0; i < sizeof(cfg) / sizeof(cfg[0]); i++)
		session_execute(s, cfg[i]);
	session_free(s);
	reach_init("fuzz_net", reached, sizeof(reached) / sizeof(reached[0]));
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned	before[4];
	uint64_t	cdp_before;
	int		i;

	if (rt.r_loop == NULL)
		fuzz_init();
	if (size < 1)
		return 0;
	reach_inputs++;
	memcpy(before, sent, sizeof(sent));
	cdp_before = dp_cdp_accepted(rt.r_sys.sy_dp);
	(void)wire_mem_inject((data[0] & 1) ? ser : eth, data + 1, size - 1);
	for (i = 0; i < 4; i++)
		evloop_once(rt.r_loop, 0);
	for (i = 0; i < 4; i++)
		if (sent[i] != before[i])
			reached[i].r_n++;
	if (dp_cdp_accepted(rt.r_sys.sy_dp) != cdp_before)
		reached[4].r_n++;
	return 0;
}
