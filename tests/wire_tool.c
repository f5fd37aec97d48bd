/*
 * wire_tool: drives dataplane/wire, fault and capture from shell tests.
 *
 *   wire_tool capture DIR
 *	writes DIR/eth.pcap (ARP and an ICMP echo exchanged over two udp:
 *	wires on 127.0.0.1, captured on one of them) and DIR/hdlc.pcap
 *	(Cisco HDLC serial frames) for tshark to read
 *   wire_tool arp SPEC MAC IP TARGET TIMEOUT_MS
 *	on the wire SPEC, ask "who has TARGET, tell IP" (from MAC) every
 *	200 ms until the reply arrives (exit 0, prints it) or TIMEOUT_MS
 *	passes (exit 1); exit 2 if the wire reads back its own request
 *
 * The kernel answering ARP is what proves frames pass both ways on tap:
 * and pcap: without tcpdump.
 */
#include <arpa/inet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/capture.h"
#include "dataplane/wire.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"

static const uint8_t	mac_a[6] = { 0x02, 0, 0, 0, 0, 0x0a };
static const uint8_t	mac_b[6] = { 0x02, 0, 0, 0, 0, 0x0b };

/* An ARP request padded to the Ethernet minimum; returns its length. */
static size_t
arp_request(uint8_t *f, const uint8_t *mac, uint32_t ip, uint32_t target)
{
	memset(f, 0, 60);
	memset(f, 0xff, 6);
	memcpy(f + 6, mac, 6);
	put16(f + 12, 0x0806);
	put16(f + 14, 1);		/* Ethernet */
	put16(f + 16, 0x0800);		/* IPv4 */
	f[18] = 6;
	f[19] = 4;
	put16(f + 20, 1);		/* request */
	memcpy(f + 22, mac, 6);
	memcpy(f + 28, &ip, 4);
	memcpy(f + 38, &target, 4);
	return 60;
}

/* IPv4 + ICMP echo (TYPE 8) or reply (0) at P; returns the IP length. */
static size_t
icmp_echo(uint8_t *p, uint8_t type, uint32_t src, uint32_t dst)
{
	size_t	len = 20 + 8 + 32, i;

	memset(p, 0, len);
	p[0] = 0x45;
	put16(p + 2, (uint16_t)len);
	put16(p + 4, 0x1234);
	p[8] = 255;
	p[9] = 1;
	memcpy(p + 12, &src, 4);
	memcpy(p + 16, &dst, 4);
	put16(p + 10, in_cksum(p, 20, 0));
	p[20] = type;
	put16(p + 24, 0x0001);		/* identifier */
	put16(p + 26, 0x0001);		/* sequence */
	for (i = 0; i < 32; i++)
		p[28 + i] = (uint8_t)('a' + i % 23);
	put16(p + 22, in_cksum(p + 20, len - 20, 0));
	return len;
}

/* The udp: pair of `capture`: B answers A's echo request. */
struct pair {
	struct wire	*pa_a, *pa_b;
	int		 pa_replies;
};

static void
b_rx(void *arg, const uint8_t *f, size_t len)
{
	struct pair	*pa = arg;
	uint8_t		 out[128];
	uint32_t	 src, dst;

	if (len < 14 + 28 || f[12] != 0x08 || f[13] != 0x00 || f[23] != 1)
		return;
	memcpy(&src, f + 26, 4);
	memcpy(&dst, f + 30, 4);
	memcpy(out, mac_a, 6);
	memcpy(out + 6, mac_b, 6);
	put16(out + 12, 0x0800);
	wire_send(pa->pa_b, out, 14 + icmp_echo(out + 14, 0, dst, src));
}

static void
a_rx(void *arg, const uint8_t *f, size_t len)
{
	struct pair	*pa = arg;

	(void)f;
	(void)len;
	pa->pa_replies++;
}

static int
open_pair_ports(struct evloop *el, struct pair *pa, char *err, size_t errlen)
{
	char	spec[64];
	int	port;

	/* Try a few port pairs: another test may hold one. */
	for (port = 47100; port < 47200; port += 2) {
		snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", port,
		    port + 1);
		if ((pa->pa_a = wire_open(el, spec, a_rx, pa, err,
		    errlen)) == NULL)
			continue;
		snprintf(spec, sizeof(spec), "udp:%d:127.0.0.1:%d", port + 1,
		    port);
		if ((pa->pa_b = wire_open(el, spec, b_rx, pa, err,
		    errlen)) != NULL)
			return 0;
		wire_close(pa->pa_a);
	}
	return -1;
}

static int
do_capture(const char *dir)
{
	struct evloop	*el = evloop_new();
	struct pair	 pa;
	struct capture	*c;
	char		 path[4096], err[256];
	uint8_t		 f[128];
	uint32_t	 ip_a = inet_addr("192.0.2.1"), ip_b = inet_addr("192.0.2.2");
	uint64_t	 deadline;
	size_t		 n;

	memset(&pa, 0, sizeof(pa));
	if (open_pair_ports(el, &pa, err, sizeof(err)) < 0) {
		fprintf(stderr, "wire_tool: %s\n", err);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/eth.pcap", dir);
	if ((c = capture_open(path, CAPTURE_LINKTYPE_ETHERNET, 0, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "wire_tool: %s\n", err);
		return 1;
	}
	wire_set_capture(pa.pa_a, c, WIRE_CAP_BOTH);
	wire_send(pa.pa_a, f, arp_request(f, mac_a, ip_a, ip_b));
	memcpy(f, mac_b, 6);
	memcpy(f + 6, mac_a, 6);
	put16(f + 12, 0x0800);
	n = 14 + icmp_echo(f + 14, 8, ip_a, ip_b);
	wire_send(pa.pa_a, f, n);
	deadline = clock_mono_ms() + 2000;
	while (pa.pa_replies == 0 && clock_mono_ms() < deadline)
		evloop_once(el, 50);
	wire_set_capture(pa.pa_a, NULL, 0);
	if (capture_close(c) < 0 || pa.pa_replies != 1) {
		fprintf(stderr, "wire_tool: capture failed (%d replies)\n",
		    pa.pa_replies);
		return 1;
	}
	wire_close(pa.pa_a);
	wire_close(pa.pa_b);
	evloop_free(el);

	/* Serial: Cisco HDLC unicast IPv4, then a SLARP keepalive. */
	snprintf(path, sizeof(path), "%s/hdlc.pcap", dir);
	if ((c = capture_open(path, CAPTURE_LINKTYPE_C_HDLC, 0, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "wire_tool: %s\n", err);
		return 1;
	}
	f[0] = 0x0f;
	f[1] = 0x00;
	put16(f + 2, 0x0800);
	capture_frame(c, f, 4 + icmp_echo(f + 4, 8, inet_addr("12.1.1.1"),
	    inet_addr("12.1.1.2")));
	memset(f, 0, sizeof(f));
	f[0] = 0x8f;			/* broadcast, as IOS sends SLARP */
	put16(f + 2, 0x8035);
	f[7] = 2;			/* keepalive */
	f[11] = 5;			/* my sequence */
	f[15] = 4;			/* your sequence */
	put16(f + 16, 0xffff);		/* reliability */
	capture_frame(c, f, 4 + 14);
	return capture_close(c) < 0;
}

struct arp {
	struct wire	*ar_w;
	struct evloop	*ar_el;
	uint8_t		 ar_mac[6];
	uint32_t	 ar_ip, ar_target;
	int		 ar_done;	/* 1: reply, 2: own frame read back */
};

static void
arp_send(void *arg)
{
	struct arp	*ar = arg;
	uint8_t		 f[60];

	if (ar->ar_done)
		return;
	wire_send(ar->ar_w, f, arp_request(f, ar->ar_mac, ar->ar_ip,
	    ar->ar_target));
	evloop_timer_add(ar->ar_el, 200, arp_send, ar);
}

static void
arp_rx(void *arg, const uint8_t *f, size_t len)
{
	struct arp	*ar = arg;
	char		 ip[INET_ADDRSTRLEN];

	if (len < 42 || f[12] != 0x08 || f[13] != 0x06)
		return;
	if (f[21] == 1 && memcmp(f + 22, ar->ar_mac, 6) == 0) {
		fprintf(stderr, "wire_tool: read back our own request\n");
		ar->ar_done = 2;
	} else if (f[21] == 2 && memcmp(f + 28, &ar->ar_target, 4) == 0 &&
	    memcmp(f + 32, ar->ar_mac, 6) == 0 && ar->ar_done == 0) {
		inet_ntop(AF_INET, f + 28, ip, sizeof(ip));
		printf("%s is-at %02x:%02x:%02x:%02x:%02x:%02x\n", ip,
		    f[22], f[23], f[24], f[25], f[26], f[27]);
		ar->ar_done = 1;
	}
}

static int
do_arp(char **av)
{
	struct arp	 ar;
	char		 err[256];
	unsigned	 m[6];
	uint64_t	 deadline;
	int		 i;

	memset(&ar, 0, sizeof(ar));
	if (sscanf(av[1], "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3],
	    &m[4], &m[5]) != 6 || inet_pton(AF_INET, av[2], &ar.ar_ip) != 1 ||
	    inet_pton(AF_INET, av[3], &ar.ar_target) != 1) {
		fprintf(stderr, "wire_tool: bad MAC or address\n");
		return 1;
	}
	for (i = 0; i < 6; i++)
		ar.ar_mac[i] = (uint8_t)m[i];
	ar.ar_el = evloop_new();
	if ((ar.ar_w = wire_open(ar.ar_el, av[0], arp_rx, &ar, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "wire_tool: %s\n", err);
		return 1;
	}
	arp_send(&ar);
	deadline = clock_mono_ms() + strtoull(av[4], NULL, 10);
	while (ar.ar_done == 0 && clock_mono_ms() < deadline)
		evloop_once(ar.ar_el, 50);
	/* Linger a moment: a read-back of our last request would show. */
	if (ar.ar_done == 1)
		evloop_once(ar.ar_el, 100);
	fprintf(stderr, "wire_tool: %s: in %llu out %llu\n", av[0],
	    (unsigned long long)wire_stats(ar.ar_w)->ws_in_frames,
	    (unsigned long long)wire_stats(ar.ar_w)->ws_out_frames);
	wire_close(ar.ar_w);
	evloop_free(ar.ar_el);
	return ar.ar_done == 1 ? 0 : ar.ar_done == 2 ? 2 : 1;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "capture") == 0)
		return do_capture(argv[2]);
	if (argc == 7 && strcmp(argv[1], "arp") == 0)
		return do_arp(argv + 2);
	fprintf(stderr, "usage: wire_tool capture DIR\n"
	    "       wire_tool arp SPEC MAC IP TARGET TIMEOUT_MS\n");
	return 2;
}
