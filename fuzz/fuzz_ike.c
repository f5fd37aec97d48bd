/*
 * libFuzzer target: the IKE engine on datagrams from the network.
 *
 * One router, configured as R2 of seed 001 (policies, a wildcard key),
 * receives each input twice through the dataplane's real input path
 * (IPv4 header with a valid checksum, UDP, the endpoint IKE bound): as
 * the payload of a datagram from 12.1.1.1:500 to its address
 * 12.1.1.2:500, then behind the non-ESP marker from 12.1.1.1:1024 to
 * port 4500, as from a peer whose NAT moved it (the second meets the SA
 * the first made: the NAT-T float, the retransmission check).  Whatever
 * opens Main or Aggressive Mode runs the responder: the SA walk, vendor
 * IDs, the answer built and sent (dropped: no route back), the state
 * kept; after each input every SA is cleared, so inputs stay independent
 * and memory flat.
 *
 * Reached (reach.h): "engine" counts inputs the IKE engine judged (its
 * bad-message count moved or an SA exists), "responder" those that left
 * responder state, "natt" those whose port-4500 copy the engine took
 * for the SA's peer moved behind a NAT (the SA now on port 1024).  Until this framing was fixed the IPv4 checksum was 0 and every
 * input died in ip4_input: all three stayed 0.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike.h"
#include "crypto/ike_int.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/inet4.h"
#include "shell/router.h"
#include "shell/session.h"
#include "fuzz/reach.h"

#define PKT_MAX	4096

static struct router	 rt;
static struct dp_iface	*in;
static struct reach	 reached[] = {
	{ "engine", 0 }, { "responder", 0 }, { "natt", 0 },
};

static void
discard(void *arg, const char *text, size_t len)
{
	(void)arg;
	(void)text;
	(void)len;
}

static const struct console_ops discard_ops = { discard, discard };

static const char *const cfg[] = {
	"enable", "configure terminal",
	"interface Loopback1", "ip address 12.1.1.2 255.255.255.255", "exit",
	"crypto isakmp policy 10", "hash md5", "authentication pre-share",
	"group 2", "encryption 3des", "exit",
	"crypto isakmp policy 20", "encryption aes 256", "hash sha256",
	"authentication pre-share", "group 14", "exit",
	"crypto isakmp key cisco address 0.0.0.0 0.0.0.0",
	"crypto ipsec transform-set TSET esp-3des esp-md5-hmac", "exit",
	"access-list 100 permit ip host 2.2.2.2 host 1.1.1.1",
	"crypto map TST 10 ipsec-isakmp", "set peer 12.1.1.1",
	"match address 100", "set transform-set TSET", "exit",
	"interface Loopback1", "crypto map TST", "end",
};

static void
fuzz_init(void)
{
	struct session	*s;
	char		 err[256];
	size_t		 i;

	clock_use_frozen(1700000000000LL);
	if (router_init(&rt, "iosh", err, sizeof(err)) < 0) {
		fprintf(stderr, "fuzz_ike: %s\n", err);
		abort();
	}
	s = session_new(&rt, &discard_ops, NULL);
	for (i = 0; i < sizeof(cfg) / sizeof(cfg[0]); i++)
		session_execute(s, cfg[i]);
	session_free(s);
	if ((in = dp_iface_find(rt.r_sys.sy_dp, "Loopback1")) == NULL)
		abort();
	reach_init("fuzz_ike", reached, sizeof(reached) / sizeof(reached[0]));
}

/* DATA as a UDP datagram SPORT -> DPORT, 12.1.1.1 -> 12.1.1.2, with the
 * non-ESP marker first when MARKER; the dataplane's events run. */
static void
deliver(const uint8_t *data, size_t size, uint16_t sport, uint16_t dport,
    bool marker)
{
	static uint8_t	pkt[32 + PKT_MAX];
	size_t		hl = marker ? 32 : 28, len = hl + size;
	int		i;

	memset(pkt, 0, hl);
	pkt[0] = 0x45;
	put16(pkt + 2, (unsigned)len);
	pkt[8] = 64;
	pkt[9] = 17;
	memcpy(pkt + 12, "\x0c\x01\x01\x01", 4);
	memcpy(pkt + 16, "\x0c\x01\x01\x02", 4);
	put16(pkt + 10, in_cksum(pkt, 20, 0));
	put16(pkt + 20, sport);
	put16(pkt + 22, dport);
	put16(pkt + 24, (unsigned)(len - 20));	/* UDP checksum 0: none */
	memcpy(pkt + hl, data, size);
	(void)dp_ip_input(rt.r_sys.sy_dp, in, pkt, len);
	for (i = 0; i < 4; i++)
		evloop_once(rt.r_loop, 0);
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct crypto	*c;
	uint64_t	 bad;

	if (rt.r_loop == NULL)
		fuzz_init();
	c = rt.r_sys.sy_crypto;
	if (size > PKT_MAX)
		size = PKT_MAX;
	reach_inputs++;
	bad = c->c_ike_bad;
	deliver(data, size, 500, 500, false);
	if (!TAILQ_EMPTY(&c->c_sadb.db_isakmp))
		reached[1].r_n++;
	if (c->c_ike_bad != bad || !TAILQ_EMPTY(&c->c_sadb.db_isakmp))
		reached[0].r_n++;
	deliver(data, size, 1024, 4500, true);
	if (!TAILQ_EMPTY(&c->c_sadb.db_isakmp) &&
	    TAILQ_FIRST(&c->c_sadb.db_isakmp)->is_rport == 1024)
		reached[2].r_n++;
	ike_clear_isakmp(c);
	ipsec_clear(c);
	return 0;
}
