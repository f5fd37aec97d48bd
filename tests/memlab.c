/*
 * memlab: two routers, seed 001's tunnel, mem: wires (memlab.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_dh.h"
#include "dataplane/dp.h"
#include "dataplane/dp_int.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "tests/memlab.h"

static void
discard(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	(void)len;
}

static const struct console_ops quiet = { discard, discard, NULL, NULL };

/* A frame one router sent, kept for the other (preallocated slots). */
static void
enqueue(void *arg, const uint8_t *frame, size_t len)
{
	struct memlab_q	*q = arg;

	if (q->mq_n == MEMLAB_QLEN || len > MEMLAB_FRAME) {
		q->mq_drops++;
		return;
	}
	memcpy(q->mq_buf[q->mq_n], frame, len);
	q->mq_len[q->mq_n++] = len;
}

void
memlab_run(struct memlab *ml, int r, const char *text)
{
	char	*copy, *line, *save = NULL;

	if ((copy = strdup(text)) == NULL)
		abort();
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		(void)session_execute(ml->ml_ss[r], line);
	free(copy);
}

void
memlab_pump(struct memlab *ml)
{
	static uint8_t	 frame[MEMLAB_FRAME];
	struct memlab_q	*q;
	size_t		 len;
	int		 r, round;
	bool		 moved = true;

	for (round = 0; round < 100 && moved; round++) {
		moved = false;
		for (r = 0; r < 2; r++)
			evloop_once(ml->ml_rt[r].r_loop, 0);
		/* One frame at a time from the head: delivering it may
		 * queue answers on either side. */
		for (r = 0; r < 2; r++) {
			q = &ml->ml_q[r];
			while (q->mq_n > 0) {
				len = q->mq_len[0];
				memcpy(frame, q->mq_buf[0], len);
				memmove(q->mq_buf[0], q->mq_buf[1],
				    (q->mq_n - 1) * MEMLAB_FRAME);
				memmove(q->mq_len, q->mq_len + 1,
				    (q->mq_n - 1) * sizeof(*q->mq_len));
				q->mq_n--;
				moved = true;
				if (ml->ml_tap != NULL && (len = ml->ml_tap(ml,
				    r, frame, len)) == 0)
					continue;
				(void)wire_mem_inject(ml->ml_ser[1 - r], frame,
				    len);
			}
		}
	}
}

static struct wire *
attach(struct router *rt, const char *ifname, const char *spec, char *err,
    size_t errlen)
{
	if (router_attach(rt, ifname, spec, err, errlen) != 0)
		return NULL;
	return dp_iface_wire(dp_iface_find(rt->r_sys.sy_dp, ifname));
}

static bool
tunnel_up(const struct memlab *ml)
{
	const struct ipsec_flow	*fl;

	fl = TAILQ_FIRST(&ml->ml_rt[0].r_sys.sy_crypto->c_sadb.db_flows);
	return fl != NULL && TAILQ_FIRST(&fl->fl_out) != NULL;
}

int
memlab_open(struct memlab *ml, const char *transform, char *err,
    size_t errlen)
{
	static const char *const ser[2] = { "Serial1/2", "Serial1/1" };
	struct dp_echo_req	 er;
	char			 text[2048];
	int			 r, i;

	memset(ml, 0, sizeof(*ml));
	for (r = 0; r < 2; r++) {
		if (router_init(&ml->ml_rt[r], "memlab", err, errlen) != 0)
			return -1;
		ml->ml_ss[r] = session_new(&ml->ml_rt[r], &quiet, NULL);
		memlab_run(ml, r, "enable\nconfigure terminal\n"
		    "no logging console");
		snprintf(text, sizeof(text), "mem:r%d", r + 1);
		if ((ml->ml_ser[r] = attach(&ml->ml_rt[r], ser[r], text, err,
		    errlen)) == NULL)
			return -1;
		ml->ml_sink[r].ms_fn = enqueue;
		ml->ml_sink[r].ms_arg = &ml->ml_q[r];
		(void)wire_mem_sink(ml->ml_ser[r], &ml->ml_sink[r]);
	}
	if ((ml->ml_lan = attach(&ml->ml_rt[0], "FastEthernet0/0", "mem:lan",
	    err, errlen)) == NULL)
		return -1;
	/* Pumped on this one thread, step by step: no key pairs made on
	 * another (ike_dh's maker), whose allocations and CPU would fall
	 * into the tests' counts and the benchmarks' one core. */
	ike_dh_maker_enable(false);
	for (r = 0; r < 2; r++) {
		snprintf(text, sizeof(text),
		    "hostname R%d\n"
		    "interface Loopback0\nip address %d.%d.%d.%d "
		    "255.255.255.255\n"
		    "interface %s\nip address 12.1.1.%d 255.255.255.0\n"
		    "no shutdown\nexit\n"
		    "ip route %d.%d.%d.%d 255.255.255.255 12.1.1.%d\n"
		    "crypto isakmp policy 10\nhash md5\n"
		    "authentication pre-share\ngroup 2\nencryption 3des\nexit\n"
		    "crypto isakmp key cisco address 12.1.1.%d\n"
		    "crypto ipsec transform-set TSET %s\nexit\n"
		    /* Benchmarks push terabytes: no volume rekey under them. */
		    "crypto ipsec security-association lifetime kilobytes "
		    "4294967295\n"
		    "access-list 100 permit ip host %d.%d.%d.%d "
		    "host %d.%d.%d.%d\n"
		    "crypto map TST 10 ipsec-isakmp\nset peer 12.1.1.%d\n"
		    "match address 100\nset transform-set TSET\nexit\n"
		    "interface %s\ncrypto map TST\nend",
		    r + 1, r + 1, r + 1, r + 1, r + 1, ser[r], r + 1,
		    2 - r, 2 - r, 2 - r, 2 - r, 2 - r, 2 - r, transform,
		    r + 1, r + 1, r + 1, r + 1, 2 - r, 2 - r, 2 - r, 2 - r,
		    2 - r, ser[r]);
		memlab_run(ml, r, text);
	}
	memlab_run(ml, 0, "configure terminal\ninterface FastEthernet0/0\n"
	    "ip address 10.0.0.1 255.255.255.0\nno shutdown\nend");
	memlab_pump(ml);
	memset(&er, 0, sizeof(er));
	er.er_dst = 0x02020202;
	er.er_src = 0x01010101;
	er.er_id = 99;
	er.er_size = 100;
	er.er_pattern = 0xabcd;
	(void)dp_echo_send(ml->ml_rt[0].r_sys.sy_dp, &er);
	for (i = 0; i < 50 && !tunnel_up(ml); i++)
		memlab_pump(ml);
	if (!tunnel_up(ml)) {
		snprintf(err, errlen, "the tunnel did not come up");
		return -1;
	}
	memlab_pump(ml);
	return 0;
}

void
memlab_close(struct memlab *ml)
{
	int	r;

	for (r = 0; r < 2; r++) {
		if (ml->ml_ss[r] != NULL)
			session_free(ml->ml_ss[r]);
		router_free(&ml->ml_rt[r]);
	}
}

size_t
memlab_frame(const struct memlab *ml, uint8_t *f, uint32_t src, uint32_t dst,
    uint8_t proto, size_t len)
{
	uint8_t		*ip = f + 14;
	uint16_t	 c;
	size_t		 i;

	memset(f, 0, 14 + len);
	/* To R1's FastEthernet0/0: a router forwards nothing that came as
	 * a link-layer broadcast (RFC 1812 5.3.4). */
	memcpy(f, dp_iface_find(ml->ml_rt[0].r_sys.sy_dp,
	    "FastEthernet0/0")->if_attach.at_mac, 6);
	f[6] = 0x02;
	f[12] = 0x08;
	ip[0] = 0x45;
	ip[2] = (uint8_t)(len >> 8);
	ip[3] = (uint8_t)len;
	ip[8] = 64;
	ip[9] = proto;
	for (i = 0; i < 4; i++) {
		ip[12 + i] = (uint8_t)(src >> (24 - 8 * i));
		ip[16 + i] = (uint8_t)(dst >> (24 - 8 * i));
	}
	c = in_cksum(ip, 20, 0);
	ip[10] = (uint8_t)(c >> 8);
	ip[11] = (uint8_t)c;
	for (i = 20; i < len; i++)
		ip[i] = (uint8_t)i;
	return 14 + len;
}
