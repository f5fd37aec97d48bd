/*
 * libFuzzer target: the IKE engine on datagrams from the network.
 *
 * One router, configured as R2 of seed 001 (policies, a wildcard key),
 * receives each input as the payload of a UDP datagram from 12.1.1.1:500
 * to its address 12.1.1.2:500, through the dataplane's real input path
 * (IPv4 and UDP checks, the endpoint IKE bound).  Whatever opens Main
 * Mode runs the responder: the SA walk, vendor IDs, the answer built and
 * sent (dropped: no route back), the state kept; after each input every
 * SA is cleared, so inputs stay independent and memory flat.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike.h"
#include "dataplane/dp.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "shell/router.h"
#include "shell/session.h"

#define PKT_MAX	4096

static struct router	 rt;
static struct dp_iface	*in;

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
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t	pkt[28 + PKT_MAX];
	size_t		len;
	int		i;

	if (rt.r_loop == NULL)
		fuzz_init();
	if (size > PKT_MAX)
		size = PKT_MAX;
	len = 28 + size;
	memset(pkt, 0, 28);
	pkt[0] = 0x45;
	put16(pkt + 2, (unsigned)len);
	pkt[8] = 64;
	pkt[9] = 17;
	memcpy(pkt + 12, "\x0c\x01\x01\x01", 4);
	memcpy(pkt + 16, "\x0c\x01\x01\x02", 4);
	put16(pkt + 20, 500);
	put16(pkt + 22, 500);
	put16(pkt + 24, (unsigned)(8 + size));
	memcpy(pkt + 28, data, size);
	(void)dp_ip_input(rt.r_sys.sy_dp, in, pkt, len);
	for (i = 0; i < 4; i++)
		evloop_once(rt.r_loop, 0);
	ike_clear_isakmp(rt.r_sys.sy_crypto);
	ipsec_clear(rt.r_sys.sy_crypto);
	return 0;
}
