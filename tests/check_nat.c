/*
 * Unit tests for NAT (dataplane/nat*.c): seed 000's 3725 — inside
 * Serial0/0 192.168.100.1/24 (`ip nat inside`), outside Serial0/1
 * 200.56.4.1/30 (`ip nat outside`), PAT on the outside interface for
 * the ACL inside_net that denies the VPN traffic — on mem: wires, so
 * the test writes the inside and outside datagrams itself and reads
 * what the router sends: PAT of UDP, TCP and ICMP echo both ways with
 * every checksum verified from scratch, port allocation, ICMP errors in
 * both directions, static port forwarding, a pool that runs out (IOS
 * drops and counts the pool's misses), timeouts on the frozen clock,
 * the exact show output; and, with two routers and a crypto map (pair.c),
 * seed 000's exemption: traffic to the VPN is not translated and is
 * encrypted, other traffic out of the same interface is; with three
 * (pair_open3), two of the crypto map IPSEC's six peers up at once and
 * 12.3's show crypto isakmp sa / ipsec sa listing both.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp.h"
#include "dataplane/wire.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "shell/router.h"
#include "tests/fixture.h"
#include "tests/pair.h"

#define QLEN	16
#define FMAX	2048

struct q {
	int	n;
	size_t	len[QLEN];
	uint8_t	buf[QLEN][FMAX];
};

static struct fixture		fx;
static struct wire		*w_in, *w_out;
static struct wire_mem_sink	sink_in, sink_out;
static struct q			q_in, q_out;

static void
enqueue(void *arg, const uint8_t *frame, size_t len)
{
	struct q	*q = arg;

	ck_assert_int_lt(q->n, QLEN);
	ck_assert_uint_le(len, FMAX);
	memcpy(q->buf[q->n], frame, len);
	q->len[q->n++] = len;
}

static const char seed000[] =
	"interface Serial0/0\n"
	" ip address 192.168.100.1 255.255.255.0\n"
	" ip nat inside\n"
	"interface Serial0/1\n"
	" ip address 200.56.4.1 255.255.255.252\n"
	" ip nat outside\n"
	"ip nat inside source list inside_net interface Serial0/1 overload\n"
	"ip route 0.0.0.0 0.0.0.0 200.56.4.2\n"
	"ip access-list extended inside_net\n"
	" deny   ip 192.168.100.0 0.0.0.255 172.18.30.0 0.0.0.255\n"
	" permit ip 192.168.100.0 0.0.0.255 any\n";

static struct wire *
attach(const char *ifname, const char *spec, struct wire_mem_sink *s,
    struct q *q)
{
	char		 err[128];
	struct wire	*w;

	ck_assert_msg(router_attach(&fx.fx_rt, ifname, spec, err,
	    sizeof(err)) == 0, "%s", err);
	w = dp_iface_wire(dp_iface_find(fx_dp(&fx), ifname));
	ck_assert_ptr_nonnull(w);
	s->ms_fn = enqueue;
	s->ms_arg = q;
	ck_assert_int_eq(wire_mem_sink(w, s), 0);
	return w;
}

static void
setup(void)
{
	clock_use_frozen(FX_EPOCH_MS);
	fx_open(&fx, NULL);
	fx_run(&fx, "enable");
	w_in = attach("Serial0/0", "mem:in", &sink_in, &q_in);
	w_out = attach("Serial0/1", "mem:out", &sink_out, &q_out);
	fx_config(&fx, seed000);
	fx_run(&fx, "terminal length 0");
	q_in.n = q_out.n = 0;
}

static void
teardown(void)
{
	fx_close(&fx);
	clock_use_real();
}

static uint32_t
A(const char *s)
{
	uint32_t	a;

	ck_assert(ip4_parse(s, &a));
	return a;
}

/* A datagram: IPv4 header, then L4 (NULL: zeros) of L4LEN bytes, every
 * checksum computed from scratch. */
static size_t
dgram(uint8_t *p, uint8_t proto, const char *src, const char *dst,
    const uint8_t *l4, size_t l4len)
{
	size_t		len = 20 + l4len;
	uint32_t	ps;
	uint8_t		*t = p + 20;

	memset(p, 0, 20);
	p[0] = 0x45;
	put16(p + 2, (uint16_t)len);
	put16(p + 4, 0x1234);
	p[8] = 64;
	p[9] = proto;
	put32(p + 12, A(src));
	put32(p + 16, A(dst));
	put16(p + 10, in_cksum(p, 20, 0));
	memcpy(t, l4, l4len);
	ps = (uint32_t)(A(src) >> 16) + (A(src) & 0xffff) + (A(dst) >> 16) +
	    (A(dst) & 0xffff) + proto + (uint32_t)l4len;
	if (proto == 6) {
		put16(t + 16, 0);
		put16(t + 16, in_cksum(t, l4len, ps));
	} else if (proto == 17) {
		put16(t + 4, (uint16_t)l4len);
		put16(t + 6, 0);
		put16(t + 6, in_cksum(t, l4len, ps));
	} else if (proto == 1) {
		put16(t + 2, 0);
		put16(t + 2, in_cksum(t, l4len, 0));
	}
	return len;
}

static size_t
udp(uint8_t *p, const char *src, uint16_t sp, const char *dst, uint16_t dp)
{
	uint8_t	l4[12] = { 0 };

	put16(l4, sp);
	put16(l4 + 2, dp);
	memcpy(l4 + 8, "nat!", 4);
	return dgram(p, 17, src, dst, l4, sizeof(l4));
}

static size_t
tcp(uint8_t *p, const char *src, uint16_t sp, const char *dst, uint16_t dp,
    uint8_t flags)
{
	uint8_t	l4[20] = { 0 };

	put16(l4, sp);
	put16(l4 + 2, dp);
	put32(l4 + 4, 1000);
	l4[12] = 5 << 4;
	l4[13] = flags;
	put16(l4 + 14, 8192);
	return dgram(p, 6, src, dst, l4, sizeof(l4));
}

static size_t
echo(uint8_t *p, uint8_t type, const char *src, const char *dst, uint16_t id)
{
	uint8_t	l4[16] = { 0 };

	l4[0] = type;
	put16(l4 + 4, id);
	put16(l4 + 6, 1);
	memcpy(l4 + 8, "abcdefgh", 8);
	return dgram(p, 1, src, dst, l4, sizeof(l4));
}

/* Into the router on W, as received from the medium (Cisco HDLC). */
static void
inject(struct wire *w, const uint8_t *ip, size_t len)
{
	uint8_t	f[FMAX];

	f[0] = 0x0f;
	f[1] = 0;
	put16(f + 2, 0x0800);
	memcpy(f + 4, ip, len);
	ck_assert_int_eq(wire_mem_inject(w, f, len + 4), 0);
	/* mem: wires deliver at once; a few turns run what was queued
	 * (without fx_pump's 1 ms waits: nothing arrives from outside). */
	for (int i = 0; i < 4; i++)
		evloop_once(fx.fx_rt.r_loop, 0);
}

/* Every checksum of the datagram IP verified from scratch. */
static void
verify(const uint8_t *ip, size_t len)
{
	size_t		hl = (size_t)(ip[0] & 15) * 4;
	uint32_t	ps;
	const uint8_t	*in;

	ck_assert_uint_eq(in_cksum(ip, hl, 0), 0);
	ps = (uint32_t)get16(ip + 12) + get16(ip + 14) + get16(ip + 16) +
	    get16(ip + 18) + ip[9] + (uint32_t)(len - hl);
	switch (ip[9]) {
	case 6:
		ck_assert_uint_eq(in_cksum(ip + hl, len - hl, ps), 0);
		break;
	case 17:
		ck_assert_uint_ne(get16(ip + hl + 6), 0);
		ck_assert_uint_eq(in_cksum(ip + hl, len - hl, ps), 0);
		break;
	case 1:
		ck_assert_uint_eq(in_cksum(ip + hl, len - hl, 0), 0);
		if (ip[hl] == 3 || ip[hl] == 11) {
			in = ip + hl + 8;
			ck_assert_uint_eq(in_cksum(in, 20, 0), 0);
			if (in[9] == 17) {
				ps = (uint32_t)get16(in + 12) + get16(in + 14) +
				    get16(in + 16) + get16(in + 18) + 17 +
				    get16(in + 24);
				ck_assert_uint_eq(in_cksum(in + 20,
				    get16(in + 24), ps), 0);
			}
		}
		break;
	}
}

/* SLARP keepalives (every 10 s on a serial line) are not ours. */
static void
drop_slarp(struct q *q)
{
	int	i, j;

	for (i = j = 0; i < q->n; i++)
		if (get16(q->buf[i] + 2) != 0x8035) {
			if (i != j) {
				memcpy(q->buf[j], q->buf[i], q->len[i]);
				q->len[j] = q->len[i];
			}
			j++;
		}
	q->n = j;
}

/* The one datagram Q holds (HDLC stripped), checked and taken. */
static const uint8_t *
take(struct q *q, size_t *len)
{
	static uint8_t	ip[FMAX];

	drop_slarp(q);
	ck_assert_int_eq(q->n, 1);
	ck_assert_uint_eq(get16(q->buf[0] + 2), 0x0800);
	*len = q->len[0] - 4;
	memcpy(ip, q->buf[0] + 4, *len);
	q->n = 0;
	verify(ip, *len);
	return ip;
}

static void
ck_addr(const uint8_t *p, const char *want)
{
	char	t[16];

	ip4_text(get32(p), t);
	ck_assert_str_eq(t, want);
}

/* PAT of UDP, TCP and ICMP echo out and back, seed 000's way. */
START_TEST(test_pat_both_ways)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	/* UDP keeps its port. */
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 53));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.4.1");
	ck_addr(o + 16, "8.8.8.8");
	ck_assert_uint_eq(get16(o + 20), 5000);
	ck_assert_uint_eq(o[8], 63);
	/* TCP: another protocol, the same port is free for it. */
	inject(w_in, p, tcp(p, "192.168.100.11", 5000, "1.2.3.4", 80, 0x02));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.4.1");
	ck_assert_uint_eq(get16(o + 20), 5000);
	/* A second host's UDP 5000: the next free port of its range. */
	inject(w_in, p, udp(p, "192.168.100.12", 5000, "8.8.8.8", 53));
	o = take(&q_out, &n);
	ck_assert_uint_eq(get16(o + 20), 1024);
	/* ICMP echo: the identifier is the port. */
	inject(w_in, p, echo(p, 8, "192.168.100.10", "8.8.8.8", 0x1234));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.4.1");
	ck_assert_uint_eq(get16(o + 24), 0x1234);
	/* Back in: each to its inside host and port. */
	inject(w_out, p, udp(p, "8.8.8.8", 53, "200.56.4.1", 1024));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.12");
	ck_assert_uint_eq(get16(o + 22), 5000);
	inject(w_out, p, tcp(p, "1.2.3.4", 80, "200.56.4.1", 5000, 0x12));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.11");
	ck_assert_uint_eq(get16(o + 22), 5000);
	inject(w_out, p, echo(p, 0, "8.8.8.8", "200.56.4.1", 0x1234));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.10");
	ck_assert_uint_eq(get16(o + 24), 0x1234);
	/* From another outside host the UDP entry does not answer: the
	 * datagram is for the router, which says port unreachable. */
	inject(w_out, p, udp(p, "9.9.9.9", 53, "200.56.4.1", 1024));
	ck_assert_int_eq(q_in.n, 0);
	q_out.n = 0;
	ck_assert_str_eq(fx_run(&fx, "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n"
	    "udp 200.56.4.1:5000    192.168.100.10:5000 8.8.8.8:53         "
	    "8.8.8.8:53\n"
	    "tcp 200.56.4.1:5000    192.168.100.11:5000 1.2.3.4:80         "
	    "1.2.3.4:80\n"
	    "udp 200.56.4.1:1024    192.168.100.12:5000 8.8.8.8:53         "
	    "8.8.8.8:53\n"
	    "icmp 200.56.4.1:4660    192.168.100.10:4660 8.8.8.8:4660       "
	    "8.8.8.8:4660\n");
	ck_assert_str_eq(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 4 (0 static, 4 dynamic; 4 extended)\n"
	    "Outside interfaces:\n"
	    "  Serial0/1\n"
	    "Inside interfaces:\n"
	    "  Serial0/0\n"
	    "Hits: 3  Misses: 4\n"
	    "Expired translations: 0\n"
	    "Dynamic mappings:\n"
	    "-- Inside Source\n"
	    "[Id: 1] access-list inside_net interface Serial0/1 refcount 4\n");
	clock_advance(2000);
	ck_assert_str_eq(fx_run(&fx, "show ip nat translations verbose | "
	    "include create"),
	    "    create 00:00:02, use 00:00:02, flags: extended\n"
	    "    create 00:00:02, use 00:00:02, flags: extended\n"
	    "    create 00:00:02, use 00:00:02, flags: extended\n"
	    "    create 00:00:02, use 00:00:02, flags: extended\n");
	fx_run(&fx, "clear ip nat translation *");
	ck_assert_str_eq(fx_run(&fx, "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n");
}
END_TEST

/* ICMP errors about translated flows: the quoted header too. */
START_TEST(test_icmp_errors)
{
	uint8_t		 p[256], q[256], l4[8 + 40];
	const uint8_t	*o;
	size_t		 n, qn;

	fx_config(&fx, "ip nat inside source static udp 192.168.100.5 69 "
	    "200.56.4.1 6969\n");
	inject(w_in, p, udp(p, "192.168.100.12", 5000, "8.8.8.8", 53));
	o = take(&q_out, &n);
	/* 8.8.8.8 says port unreachable about what it received. */
	memset(l4, 0, sizeof(l4));
	l4[0] = 3;
	l4[1] = 3;
	memcpy(l4 + 8, o, 20 + 12 < n ? 32 : n);
	inject(w_out, q, dgram(q, 1, "8.8.8.8", "200.56.4.1", l4, 8 + 32));
	o = take(&q_in, &qn);
	ck_addr(o + 16, "192.168.100.12");
	ck_addr(o + 28 + 12, "192.168.100.12");	/* quoted source */
	ck_assert_uint_eq(get16(o + 28 + 20), 5000);
	/* An inside server behind the static port answers a datagram from
	 * outside with port unreachable: the quote is translated back. */
	inject(w_out, p, udp(p, "7.7.7.7", 4000, "200.56.4.1", 6969));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.5");
	ck_assert_uint_eq(get16(o + 22), 69);
	memset(l4, 0, sizeof(l4));
	l4[0] = 3;
	l4[1] = 3;
	memcpy(l4 + 8, o, 32);
	inject(w_in, q, dgram(q, 1, "192.168.100.5", "7.7.7.7", l4, 8 + 32));
	o = take(&q_out, &qn);
	ck_addr(o + 12, "200.56.4.1");
	ck_addr(o + 28 + 16, "200.56.4.1");	/* quoted destination */
	ck_assert_uint_eq(get16(o + 28 + 22), 6969);
}
END_TEST

/* A pool without overload: one inside host per address; the third host
 * finds none, its packet is dropped and the pool's miss counted. */
START_TEST(test_pool_exhausted)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	fx_config(&fx, "no ip nat inside source list inside_net interface "
	    "Serial0/1 overload\n"
	    "access-list 5 permit 192.168.100.0 0.0.0.255\n"
	    "ip nat pool P 200.56.9.1 200.56.9.2 netmask 255.255.255.0\n"
	    "ip nat inside source list 5 pool P\n");
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 53));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.9.1");
	ck_assert_uint_eq(get16(o + 20), 5000);
	inject(w_in, p, tcp(p, "192.168.100.11", 6000, "8.8.8.8", 80, 2));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.9.2");
	inject(w_in, p, tcp(p, "192.168.100.12", 6000, "8.8.8.8", 80, 2));
	ck_assert_int_eq(q_out.n, 0);
	/* Back to a pool address: any port, the simple entry. */
	inject(w_out, p, udp(p, "8.8.8.8", 53, "200.56.9.1", 5000));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.10");
	ck_assert_str_eq(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 2 (0 static, 2 dynamic; 0 extended)\n"
	    "Outside interfaces:\n"
	    "  Serial0/1\n"
	    "Inside interfaces:\n"
	    "  Serial0/0\n"
	    "Hits: 1  Misses: 3\n"
	    "Expired translations: 0\n"
	    "Dynamic mappings:\n"
	    "-- Inside Source\n"
	    "[Id: 2] access-list 5 pool P refcount 2\n"
	    " pool P: netmask 255.255.255.0\n"
	    "\tstart 200.56.9.1 end 200.56.9.2\n"
	    "\ttype generic, total addresses 2, allocated 2 (100%), "
	    "misses 1\n");
	ck_assert_str_eq(fx_run(&fx, "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n"
	    "--- 200.56.9.1         192.168.100.10     ---                "
	    "---\n"
	    "--- 200.56.9.2         192.168.100.11     ---                "
	    "---\n");
}
END_TEST

/* Timeouts on the frozen clock: UDP's (port 53 would be DNS's), a TCP
 * flow after FIN. */
START_TEST(test_timeouts)
{
	uint8_t	p[256];
	size_t	n;

	fx_config(&fx, "ip nat translation udp-timeout 30\n"
	    "ip nat translation finrst-timeout 5\n");
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 123));
	(void)take(&q_out, &n);
	inject(w_in, p, tcp(p, "192.168.100.10", 6000, "8.8.8.8", 80, 0x02));
	(void)take(&q_out, &n);
	clock_advance(4000);
	inject(w_in, p, tcp(p, "192.168.100.10", 6000, "8.8.8.8", 80, 0x11));
	(void)take(&q_out, &n);
	clock_advance(4999);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 2 "));
	clock_advance(1);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 1 "));
	clock_advance(30000 - 9000 - 1);	/* the UDP flow: 30 s idle */
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 1 "));
	clock_advance(1);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 0 (0 static, 0 dynamic; 0 extended)\n"
	    "Outside interfaces:\n  Serial0/1\nInside interfaces:\n"
	    "  Serial0/0\nHits: 1  Misses: 2\nExpired translations: 2\n"));
	/* An expired flow's next packet starts a new translation. */
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 53));
	(void)take(&q_out, &n);
	ck_assert_str_eq(fx_run(&fx, "show running-config | include ip nat "
	    "translation"),
	    "ip nat translation udp-timeout 30\n"
	    "ip nat translation finrst-timeout 5\n");
}
END_TEST

/* A UDP datagram the inside host fragmented: the first fragment finds
 * the translation by its ports, the second follows it; reassembled
 * outside, the UDP checksum holds.  A later fragment whose first never
 * came cannot be placed and is dropped. */
START_TEST(test_fragments)
{
	uint8_t		 p[256], f1[256], f2[256], whole[256];
	const uint8_t	*o;
	size_t		 n, len, l4len;

	len = udp(p, "192.168.100.10", 5000, "8.8.8.8", 123);
	l4len = len - 20;		/* 12 bytes: the UDP header first */
	memcpy(f1, p, 20 + 8);
	put16(f1 + 2, 28);
	put16(f1 + 6, 0x2000);
	put16(f1 + 10, 0);
	put16(f1 + 10, in_cksum(f1, 20, 0));
	memcpy(f2, p, 20);
	memcpy(f2 + 20, p + 20 + 8, l4len - 8);
	put16(f2 + 2, (uint16_t)(20 + l4len - 8));
	put16(f2 + 6, 1);		/* offset 8 bytes */
	put16(f2 + 10, 0);
	put16(f2 + 10, in_cksum(f2, 20, 0));
	inject(w_in, f1, 28);
	drop_slarp(&q_out);
	ck_assert_int_eq(q_out.n, 1);
	o = q_out.buf[0] + 4;
	ck_assert_uint_eq(in_cksum(o, 20, 0), 0);
	ck_addr(o + 12, "200.56.4.1");
	memcpy(whole, o, 28);
	q_out.n = 0;
	inject(w_in, f2, 20 + l4len - 8);
	drop_slarp(&q_out);
	ck_assert_int_eq(q_out.n, 1);
	o = q_out.buf[0] + 4;
	ck_assert_uint_eq(in_cksum(o, 20, 0), 0);
	ck_addr(o + 12, "200.56.4.1");
	memcpy(whole + 28, o + 20, l4len - 8);
	put16(whole + 2, (uint16_t)len);
	put16(whole + 6, 0);
	put16(whole + 10, 0);
	put16(whole + 10, in_cksum(whole, 20, 0));
	q_out.n = 0;
	verify(whole, len);
	ck_assert_uint_eq(get16(whole + 20), 5000);
	/* A stray later fragment of another datagram. */
	put16(f2 + 4, 0x4321);
	put16(f2 + 10, 0);
	put16(f2 + 10, in_cksum(f2, 20, 0));
	inject(w_in, f2, 20 + l4len - 8);
	drop_slarp(&q_out);
	ck_assert_int_eq(q_out.n, 0);
	(void)n;
}
END_TEST

/* A rule whose ACL does not exist translates nothing (as IOS). */
START_TEST(test_acl_missing)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	fx_config(&fx, "no ip nat inside source list inside_net interface "
	    "Serial0/1 overload\n"
	    "ip nat inside source list NOSUCH interface Serial0/1 "
	    "overload\n");
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 123));
	o = take(&q_out, &n);
	ck_addr(o + 12, "192.168.100.10");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 0 (0 static, 0 dynamic; 0 extended)\n"
	    "Outside interfaces:\n  Serial0/1\nInside interfaces:\n"
	    "  Serial0/0\nHits: 0  Misses: 1\n"));
}
END_TEST

/*
 * Seed 000's inbound Firewall ACL on the outside interface with the PAT:
 * it sees datagrams as they arrive (before NAT turns them back), so the
 * answer to an inside host's TCP connection is admitted by `established`
 * and then translated, an echo reply by `echo-reply`, ISAKMP from the
 * Linksys peer by `eq isakmp`; an unsolicited connection is denied,
 * logged and answered with an administratively prohibited unreachable.
 */
START_TEST(test_firewall)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	fx_config(&fx, "ip access-list extended Firewall\n"
	    " remark Allow TCP replys\n"
	    " permit tcp any any established\n"
	    " permit esp host 200.100.1.1 host 200.56.4.1\n"
	    " permit udp host 200.100.1.1 host 200.56.4.1 eq isakmp\n"
	    " permit icmp any any parameter-problem\n"
	    " permit icmp any any source-quench\n"
	    " permit icmp any any echo-reply\n"
	    " permit icmp any any time-exceeded\n"
	    " permit icmp any any unreachable\n"
	    " deny   ip any any log\n"
	    "interface Serial0/1\n ip access-group Firewall in\n");
	strbuf_reset(&fx.fx_out);
	inject(w_in, p, tcp(p, "192.168.100.10", 6000, "1.2.3.4", 80, 0x02));
	(void)take(&q_out, &n);
	inject(w_out, p, tcp(p, "1.2.3.4", 80, "200.56.4.1", 6000, 0x12));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.10");
	inject(w_in, p, echo(p, 8, "192.168.100.10", "8.8.8.8", 0x99));
	(void)take(&q_out, &n);
	inject(w_out, p, echo(p, 0, "8.8.8.8", "200.56.4.1", 0x99));
	o = take(&q_in, &n);
	ck_addr(o + 16, "192.168.100.10");
	/* Unsolicited: denied and logged, nothing goes in. */
	inject(w_out, p, tcp(p, "1.2.3.4", 1234, "200.56.4.1", 6000, 0x02));
	drop_slarp(&q_in);
	ck_assert_int_eq(q_in.n, 0);
	o = take(&q_out, &n);
	ck_assert_uint_eq(o[20], 3);
	ck_assert_uint_eq(o[21], 13);
	/* An `ip` entry does not look at ports: IOS prints (0). */
	ck_assert_ptr_nonnull(strstr(fx.fx_out.sb_buf,
	    "%SEC-6-IPACCESSLOGP: list Firewall denied tcp 1.2.3.4(0) -> "
	    "200.56.4.1(0), 1 packet\n"));
	ck_assert_str_eq(fx_run(&fx, "show ip access-lists Firewall"),
	    "Extended IP access list Firewall\n"
	    "    10 permit tcp any any established (1 match)\n"
	    "    20 permit esp host 200.100.1.1 host 200.56.4.1\n"
	    "    30 permit udp host 200.100.1.1 host 200.56.4.1 eq isakmp\n"
	    "    40 permit icmp any any parameter-problem\n"
	    "    50 permit icmp any any source-quench\n"
	    "    60 permit icmp any any echo-reply (1 match)\n"
	    "    70 permit icmp any any time-exceeded\n"
	    "    80 permit icmp any any unreachable\n"
	    "    90 deny ip any any log (1 match)\n");
}
END_TEST

/* max-entries bounds the table; clear ip nat translation of one inside
 * pair frees room for the next flow. */
START_TEST(test_max_entries_and_clear)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	fx_config(&fx, "ip nat translation max-entries 2\n");
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 123));
	(void)take(&q_out, &n);
	inject(w_in, p, udp(p, "192.168.100.11", 5001, "8.8.8.8", 123));
	(void)take(&q_out, &n);
	inject(w_in, p, udp(p, "192.168.100.12", 5002, "8.8.8.8", 123));
	drop_slarp(&q_out);
	ck_assert_int_eq(q_out.n, 0);
	/* The wrong local port: nothing cleared. */
	fx_run(&fx, "clear ip nat translation udp inside 200.56.4.1 5000 "
	    "192.168.100.10 5001");
	inject(w_in, p, udp(p, "192.168.100.12", 5002, "8.8.8.8", 123));
	drop_slarp(&q_out);
	ck_assert_int_eq(q_out.n, 0);
	ck_assert_str_eq(fx_run(&fx, "clear ip nat translation udp inside "
	    "200.56.4.1 5000 192.168.100.10 5000"), "");
	inject(w_in, p, udp(p, "192.168.100.12", 5002, "8.8.8.8", 123));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.4.1");
	ck_assert_str_eq(fx_run(&fx, "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n"
	    "udp 200.56.4.1:5001    192.168.100.11:5001 8.8.8.8:123        "
	    "8.8.8.8:123\n"
	    "udp 200.56.4.1:5002    192.168.100.12:5002 8.8.8.8:123        "
	    "8.8.8.8:123\n");
	ck_assert_str_eq(fx_run(&fx, "show running-config | include "
	    "max-entries"), "ip nat translation max-entries 2\n");
	ck_assert_str_eq(fx_run(&fx, "clear ip nat translation x"),
	    fx_invalid_at(32));
}
END_TEST

/* ip nat outside source static: the inside reaches 8.8.8.8 as
 * 10.99.99.8; both ends translated each way, checksums intact. */
START_TEST(test_outside_static)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	fx_config(&fx, "ip nat outside source static 8.8.8.8 10.99.99.8\n"
	    "ip route 10.99.99.8 255.255.255.255 200.56.4.2\n");
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "10.99.99.8", 123));
	o = take(&q_out, &n);
	ck_addr(o + 12, "200.56.4.1");
	ck_addr(o + 16, "8.8.8.8");
	inject(w_out, p, udp(p, "8.8.8.8", 123, "200.56.4.1", 5000));
	o = take(&q_in, &n);
	ck_addr(o + 12, "10.99.99.8");
	ck_addr(o + 16, "192.168.100.10");
	ck_assert_uint_eq(get16(o + 22), 5000);
	ck_assert_str_eq(fx_run(&fx, "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n"
	    "--- ---                ---                10.99.99.8         "
	    "8.8.8.8\n"
	    "udp 200.56.4.1:5000    192.168.100.10:5000 10.99.99.8:123     "
	    "8.8.8.8:123\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 2 (1 static, 1 dynamic; 1 extended)\n"));
	ck_assert_str_eq(fx_run(&fx, "show running-config | include outside "
	    "source"), "ip nat outside source static 8.8.8.8 10.99.99.8\n");
	fx_config(&fx, "no ip nat outside source static 8.8.8.8 10.99.99.8\n");
	inject(w_out, p, udp(p, "8.8.8.8", 123, "200.56.4.1", 5000));
	drop_slarp(&q_in);
	ck_assert_int_eq(q_in.n, 0);	/* the flow was 10.99.99.8's */
}
END_TEST

/* debug ip nat: a line per translated datagram, each way. */
START_TEST(test_debug)
{
	uint8_t		 p[256];
	size_t		 n;

	ck_assert_str_eq(fx_run(&fx, "debug ip nat"),
	    "IP NAT debugging is on\n");
	strbuf_reset(&fx.fx_out);
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 123));
	(void)take(&q_out, &n);
	inject(w_out, p, udp(p, "8.8.8.8", 123, "200.56.4.1", 5000));
	(void)take(&q_in, &n);
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "172.18.30.1", 53));
	(void)take(&q_out, &n);
	ck_assert_ptr_nonnull(strstr(fx.fx_out.sb_buf,
	    "NAT: s=192.168.100.10->200.56.4.1, d=8.8.8.8 [4660]\n"));
	ck_assert_ptr_nonnull(strstr(fx.fx_out.sb_buf,
	    "NAT: s=8.8.8.8, d=200.56.4.1->192.168.100.10 [4660]\n"));
	ck_assert_ptr_null(strstr(fx.fx_out.sb_buf, "172.18.30.1"));
	ck_assert_str_eq(fx_run(&fx, "show debugging"),
	    "Generic IP:\n  IP NAT debugging is on\n\n");
	ck_assert_str_eq(fx_run(&fx, "undebug all"),
	    "All possible debugging has been turned off\n");
	strbuf_reset(&fx.fx_out);
	inject(w_in, p, udp(p, "192.168.100.10", 5000, "8.8.8.8", 123));
	(void)take(&q_out, &n);
	ck_assert_ptr_null(strstr(fx.fx_out.sb_buf, "NAT:"));
}
END_TEST

/* The NAT ACL's deny: the VPN's traffic leaves untranslated. */
START_TEST(test_acl_deny_untranslated)
{
	uint8_t		 p[256];
	const uint8_t	*o;
	size_t		 n;

	inject(w_in, p, udp(p, "192.168.100.10", 5000, "172.18.30.7", 53));
	o = take(&q_out, &n);
	ck_addr(o + 12, "192.168.100.10");
	ck_assert_uint_eq(get16(o + 20), 5000);
	ck_assert_ptr_nonnull(strstr(fx_run(&fx, "show ip nat statistics"),
	    "Total active translations: 0 "));
}
END_TEST

/*
 * Seed 000 with a real tunnel: R1 (the 3725) has an inside LAN on a
 * mem: wire and Serial1/2 outside with PAT and crypto map; R2 is the
 * remote site 172.18.30.0/24 (a loopback).  An echo from the LAN to the
 * remote site is not translated, so the crypto map's ACL selects it and
 * it is encrypted; R2 answers 192.168.100.10 through the tunnel.  An
 * echo to R2's outside address goes out translated and in clear.
 */
static const char *const vpn_cfg[PAIR_NR] = {
	"hostname R1\n"
	"interface Serial1/2\n ip address 12.1.1.1 255.255.255.0\n"
	" ip nat outside\n no shutdown\n"
	"interface Serial0/0\n ip address 192.168.100.1 255.255.255.0\n"
	" ip nat inside\n"
	"ip route 172.18.30.0 255.255.255.0 12.1.1.2\n"
	"ip access-list extended inside_net\n"
	" deny   ip 192.168.100.0 0.0.0.255 172.18.30.0 0.0.0.255\n"
	" permit ip 192.168.100.0 0.0.0.255 any\n"
	"ip nat inside source list inside_net interface Serial1/2 overload\n",
	"hostname R2\n"
	"interface Loopback0\n ip address 172.18.30.1 255.255.255.0\n"
	"interface Serial1/1\n ip address 12.1.1.2 255.255.255.0\n"
	" no shutdown\n"
	"ip route 192.168.100.0 255.255.255.0 12.1.1.1\n",
};

START_TEST(test_seed000_vpn_exempt)
{
	struct dataplane	*dp;
	struct wire		*lan;
	struct wire_mem_sink	 s = { enqueue, &q_in };
	uint8_t			 p[256], f[300];
	size_t			 n, i;
	char			 err[128];

	pair_open(vpn_cfg);
	pair_crypto_cfg(R1, "3des", "cisco",
	    "permit ip 192.168.100.0 0.0.0.255 172.18.30.0 0.0.0.255");
	pair_crypto_cfg(R2, "3des", "cisco",
	    "permit ip 172.18.30.0 0.0.0.255 192.168.100.0 0.0.0.255");
	ck_assert_int_eq(router_attach(&pair[R1].fx_rt, "Serial0/0",
	    "mem:lan", err, sizeof(err)), 0);
	dp = pair[R1].fx_rt.r_sys.sy_dp;
	lan = dp_iface_wire(dp_iface_find(dp, "Serial0/0"));
	ck_assert_int_eq(wire_mem_sink(lan, &s), 0);
	q_in.n = 0;
	f[0] = 0x0f;
	f[1] = 0;
	put16(f + 2, 0x0800);
	/* The first echo starts IKE and is lost, as on IOS. */
	for (i = 0; i < 2; i++) {
		n = echo(p, 8, "192.168.100.10", "172.18.30.1", 0x77);
		memcpy(f + 4, p, n);
		ck_assert_int_eq(wire_mem_inject(lan, f, n + 4), 0);
		pair_run_for(i == 0 ? 5 : 1);
	}
	ck_assert_int_eq(q_in.n, 1);
	{
		const uint8_t	*o = take(&q_in, &n);

		ck_addr(o + 12, "172.18.30.1");
		ck_addr(o + 16, "192.168.100.10");
		ck_assert_uint_eq(o[20], 0);
		ck_assert_uint_eq(get16(o + 24), 0x77);
	}
	fx_run(&pair[R1], "terminal length 0");
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[R1],
	    "show crypto ipsec sa"), "#pkts encaps: 1, #pkts encrypt: 1"));
	ck_assert_str_eq(fx_run(&pair[R1], "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n");
	/* Not for the VPN: translated, in clear, answered. */
	n = echo(p, 8, "192.168.100.10", "12.1.1.2", 0x78);
	memcpy(f + 4, p, n);
	ck_assert_int_eq(wire_mem_inject(lan, f, n + 4), 0);
	pair_run_for(1);
	ck_assert_int_eq(q_in.n, 1);
	{
		const uint8_t	*o = take(&q_in, &n);

		ck_addr(o + 12, "12.1.1.2");
		ck_addr(o + 16, "192.168.100.10");
	}
	ck_assert_str_eq(fx_run(&pair[R1], "show ip nat translations"),
	    "Pro Inside global      Inside local       Outside local      "
	    "Outside global\n"
	    "icmp 12.1.1.1:120       192.168.100.10:120 12.1.1.2:120       "
	    "12.1.1.2:120\n");
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[R1],
	    "show crypto ipsec sa"), "#pkts encaps: 1, #pkts encrypt: 1"));
	/* An inside host's own ESP to the peer goes out through the PAT;
	 * the peer's ESP for R1 still reaches R1's crypto, not that host:
	 * the tunnel keeps carrying. */
	{
		uint8_t	esp[24] = { 0, 0, 0x12, 0x34, 0, 0, 0, 1 };

		n = dgram(p, 50, "192.168.100.20", "12.1.1.2", esp,
		    sizeof(esp));
	}
	memcpy(f + 4, p, n);
	ck_assert_int_eq(wire_mem_inject(lan, f, n + 4), 0);
	pair_run_for(1);
	n = echo(p, 8, "192.168.100.10", "172.18.30.1", 0x79);
	memcpy(f + 4, p, n);
	ck_assert_int_eq(wire_mem_inject(lan, f, n + 4), 0);
	pair_run_for(1);
	drop_slarp(&q_in);
	ck_assert_int_eq(q_in.n, 1);
	{
		const uint8_t	*o = take(&q_in, &n);

		ck_addr(o + 12, "172.18.30.1");
		ck_addr(o + 16, "192.168.100.10");
		ck_assert_uint_eq(get16(o + 24), 0x79);
	}
	ck_assert_ptr_nonnull(strstr(fx_run(&pair[R1],
	    "show crypto ipsec sa"), "#pkts encaps: 2, #pkts encrypt: 2"));
	pair_close();
}
END_TEST

/*
 * Seed 000's crypto map IPSEC with two of its six peers up at once, on
 * one interface: R2 is SITEB (the seed's policies, keys, transform set
 * and six entries; its inside LAN a loopback here, and entry 5's ACL
 * xxxxxx, which the seed redacts, names 10.5.0.0/16), R3 is the first
 * redacted peer 198.51.100.1 (its Fa0/0 also holds 200.56.4.2, SITEB's
 * next hop) and the ISP of R1, the Linksys 200.100.1.1.  Each peer's
 * ping brings up its own tunnel; 12.3's show crypto isakmp sa lists both
 * SAs and show crypto ipsec sa both flows under the one interface and
 * map, in the 12.3 layout the seed prints.
 */
static const char *const six_cfg[PAIR_MAX] = {
	"hostname Linksys\n"
	"interface Loopback0\n ip address 172.18.30.1 255.255.255.0\n"
	"interface FastEthernet0/0\n ip address 200.100.1.1 255.255.255.252\n"
	" no shutdown\n"
	"ip route 0.0.0.0 0.0.0.0 200.100.1.2\n"
	"crypto isakmp policy 1\n encr 3des\n authentication pre-share\n"
	" group 2\n"
	"crypto isakmp key thisisasecretpassword address 200.56.4.1\n"
	"crypto ipsec transform-set T esp-3des esp-sha-hmac\n"
	"ip access-list extended A\n"
	" permit ip 172.18.30.0 0.0.0.255 192.168.100.0 0.0.0.255\n"
	"crypto map M 10 ipsec-isakmp\n set peer 200.56.4.1\n"
	" set transform-set T\n match address A\n"
	"interface FastEthernet0/0\n crypto map M\n",
	"version 12.3\n"
	"hostname SITEB\n"
	"crypto isakmp policy 1\n encr 3des\n authentication pre-share\n"
	" group 5\n"
	"crypto isakmp policy 2\n encr 3des\n hash md5\n"
	" authentication pre-share\n group 5\n"
	"crypto isakmp policy 3\n authentication pre-share\n group 5\n"
	"crypto isakmp policy 4\n encr 3des\n authentication pre-share\n"
	" group 2\n"
	"crypto isakmp key xxxxxxxxx address 198.51.100.1\n"
	"crypto isakmp key xxxxxxxxx address 198.51.100.2\n"
	"crypto isakmp key xxxxxxxxx address 198.51.100.3\n"
	"crypto isakmp key xxxxxxxxxx address 198.51.100.4\n"
	"crypto isakmp key xxxxxxxxxx address 198.51.100.5\n"
	"crypto isakmp key thisisasecretpassword address 200.100.1.1\n"
	"crypto ipsec transform-set Default esp-3des esp-sha-hmac\n"
	"crypto map IPSEC 5 ipsec-isakmp\n set peer 198.51.100.1\n"
	" set transform-set Default\n match address xxxxxx\n"
	"crypto map IPSEC 10 ipsec-isakmp\n set peer 198.51.100.2\n"
	" set transform-set Default\n match address xxxxxx\n"
	"crypto map IPSEC 15 ipsec-isakmp\n set peer 198.51.100.3\n"
	" set transform-set Default\n set pfs group5\n match address xxxxxx\n"
	"crypto map IPSEC 30 ipsec-isakmp\n set peer 198.51.100.4\n"
	" set transform-set Default\n match address xxxxxx\n"
	"crypto map IPSEC 40 ipsec-isakmp\n set peer 198.51.100.5\n"
	" set transform-set Default\n match address xxxxxx\n"
	"crypto map IPSEC 50 ipsec-isakmp\n set peer 198.51.100.6\n"
	" set transform-set Default\n match address xxxxxx\n"
	"crypto map IPSEC 60 ipsec-isakmp\n set peer 200.100.1.1\n"
	" set transform-set Default\n match address SITEB_to_SITEA\n"
	"interface Loopback0\n ip address 192.168.100.1 255.255.255.0\n"
	"interface FastEthernet0/1\n ip address 200.56.4.1 255.255.255.252\n"
	" ip nat outside\n no shutdown\n crypto map IPSEC\n"
	"ip route 0.0.0.0 0.0.0.0 200.56.4.2\n"
	"ip access-list extended SITEB_to_SITEA\n"
	" permit ip 192.168.100.0 0.0.0.255 172.18.30.0 0.0.0.255\n"
	"ip access-list extended xxxxxx\n"
	" permit ip 192.168.100.0 0.0.0.255 10.5.0.0 0.0.255.255\n",
	"hostname R3\n"
	"interface Loopback0\n ip address 10.5.0.1 255.255.0.0\n"
	"interface FastEthernet0/1\n ip address 200.100.1.2 255.255.255.252\n"
	" no shutdown\n"
	"interface FastEthernet0/0\n ip address 198.51.100.1 255.255.255.252\n"
	" ip address 200.56.4.2 255.255.255.252 secondary\n no shutdown\n"
	"ip route 192.168.100.0 255.255.255.0 200.56.4.1\n"
	"ip route 200.56.4.0 255.255.255.252 FastEthernet0/0\n"
	"crypto isakmp policy 1\n encr 3des\n authentication pre-share\n"
	" group 5\n"
	"crypto isakmp key xxxxxxxxx address 200.56.4.1\n"
	"crypto ipsec transform-set T esp-3des esp-sha-hmac\n"
	"ip access-list extended A\n"
	" permit ip 10.5.0.0 0.0.255.255 192.168.100.0 0.0.0.255\n"
	"crypto map M 10 ipsec-isakmp\n set peer 200.56.4.1\n"
	" set transform-set T\n match address A\n"
	"interface FastEthernet0/0\n crypto map M\n",
};

START_TEST(test_seed000_six_peers)
{
	static const char *const ifs[4] = { "FastEthernet0/0",
	    "FastEthernet0/1", "FastEthernet0/0", "FastEthernet0/1" };
	const char	*out;

	pair_open3(six_cfg, ifs);
	/* ARP first, so no first IKE message is lost to it. */
	pair_run_wait(R3, "ping 200.56.4.1");
	pair_run_wait(R2, "ping 200.56.4.2");
	pair_run_wait(R1, "ping 200.100.1.2");
	out = pair_run_wait(R3, "ping 192.168.100.1 source Loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent") != NULL, "%s",
	    out);
	out = pair_run_wait(R1, "ping 192.168.100.1 source Loopback0");
	ck_assert_msg(strstr(out, "Success rate is 80 percent") != NULL, "%s",
	    out);
	fx_run(&pair[R2], "terminal length 0");
	/* 12.3's layout (seed 000): no status column, the slot. */
	ck_assert_str_eq(fx_run(&pair[R2], "show crypto isakmp sa"),
	    "dst             src             state          conn-id slot\n"
	    "200.56.4.1      198.51.100.1    QM_IDLE              1    0\n"
	    "200.56.4.1      200.100.1.1     QM_IDLE              2    0\n\n");
	out = fx_run(&pair[R2], "show crypto ipsec sa");
	/* One interface and map, then each peer's flow in the order made. */
	ck_assert_ptr_nonnull(strstr(out, "\ninterface: FastEthernet0/1\n"
	    "    Crypto map tag: IPSEC, local addr. 200.56.4.1\n\n"
	    "   protected vrf:\n"
	    "   local  ident (addr/mask/prot/port): "
	    "(192.168.100.0/255.255.255.0/0/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(10.5.0.0/255.255.0.0/0/0)\n"
	    "   current_peer: 198.51.100.1:500\n"
	    "     PERMIT, flags={origin_is_acl,}\n"
	    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4\n"
	    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4\n"));
	ck_assert_ptr_nonnull(strstr(out, "   protected vrf:\n"
	    "   local  ident (addr/mask/prot/port): "
	    "(192.168.100.0/255.255.255.0/0/0)\n"
	    "   remote ident (addr/mask/prot/port): "
	    "(172.18.30.0/255.255.255.0/0/0)\n"
	    "   current_peer: 200.100.1.1:500\n"
	    "     PERMIT, flags={origin_is_acl,}\n"
	    "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4\n"
	    "    #pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4\n"));
	ck_assert_ptr_nonnull(strstr(out, "     local crypto endpt.: "
	    "200.56.4.1, remote crypto endpt.: 200.100.1.1\n"
	    "     path mtu 1500, media mtu 1500\n"
	    "     current outbound spi: "));
	ck_assert_ptr_null(strstr(strstr(out, "interface:") + 1,
	    "interface:"));
	ck_assert_ptr_null(strstr(out, "current outbound spi: 0x"));
	pair_close();
}
END_TEST

static Suite *
nat_suite(void)
{
	Suite	*s = suite_create("nat");
	TCase	*tc = tcase_create("one router");
	TCase	*tv = tcase_create("vpn");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_pat_both_ways);
	tcase_add_test(tc, test_icmp_errors);
	tcase_add_test(tc, test_pool_exhausted);
	tcase_add_test(tc, test_timeouts);
	tcase_add_test(tc, test_acl_deny_untranslated);
	tcase_add_test(tc, test_fragments);
	tcase_add_test(tc, test_acl_missing);
	tcase_add_test(tc, test_firewall);
	tcase_add_test(tc, test_debug);
	tcase_add_test(tc, test_max_entries_and_clear);
	tcase_add_test(tc, test_outside_static);
	suite_add_tcase(s, tc);
	tcase_add_test(tv, test_seed000_vpn_exempt);
	tcase_add_test(tv, test_seed000_six_peers);
	tcase_set_timeout(tv, 60);
	suite_add_tcase(s, tv);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(nat_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
