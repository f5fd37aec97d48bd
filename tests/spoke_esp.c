/*
 * spoke_esp: an ESP echo through every tunnel of the spokes' hub
 * (spoke_esp.h).
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/esp.h"
#include "lib/bytes.h"
#include "lib/inet4.h"
#include "tests/spoke_esp.h"
#include "tests/spokes.h"

#define HDLC_LEN	4	/* Cisco HDLC: address, control, protocol */
#define ECHO_LEN	84	/* IPv4 20 + ICMP 8 + 56 data, as ping's */
#define ESP_ECHO_ID	4343
#define BATCH		32	/* answers the hub's queue holds (64) */

static struct spoke_sa	*cur;		/* the tunnels being pinged */
static unsigned		 cur_n;
static uint8_t		*answered;	/* per tunnel: its reply seen */
static unsigned		 n_ok;

bool
spoke_sa_take(struct memlab *ml, int spoke, struct spoke_sa *sk)
{
	const struct ipsec_flow	*fl;
	const struct ipsec_sa	*in, *out;

	fl = TAILQ_LAST(&ml->ml_rt[spoke].r_sys.sy_crypto->c_sadb.db_flows,
	    ipsec_flow_list);
	if (fl == NULL || (in = TAILQ_LAST(&fl->fl_in, ipsec_sa_list)) ==
	    NULL || (out = TAILQ_LAST(&fl->fl_out, ipsec_sa_list)) == NULL ||
	    in->ps_ws_enc == NULL || out->ps_ws_enc == NULL ||
	    in->ps_enc_keylen != SPOKE_ENC_KEY ||
	    in->ps_auth_keylen != SPOKE_AUTH_KEY ||
	    out->ps_enc_keylen != SPOKE_ENC_KEY ||
	    out->ps_auth_keylen != SPOKE_AUTH_KEY)
		return false;
	sk->sk_out_spi = out->ps_spi;
	sk->sk_in_spi = in->ps_spi;
	sk->sk_out_seq = esp_sa_seq(out->ps_esp);
	memcpy(sk->sk_out_key, out->ps_keys, sizeof(sk->sk_out_key));
	memcpy(sk->sk_in_key, in->ps_keys, sizeof(sk->sk_in_key));
	return true;
}

/* An ESP SA of the spoke's side rebuilt from its keys. */
static struct esp_sa *
sa_of(uint32_t spi, const uint8_t *keys)
{
	struct esp_params	ep;

	memset(&ep, 0, sizeof(ep));
	ep.ep_spi = spi;
	ep.ep_enc = TS_ENC_3DES;
	ep.ep_auth = TS_AUTH_SHA;
	ep.ep_enc_key = keys;
	ep.ep_auth_key = keys + SPOKE_ENC_KEY;
	return esp_sa_new(&ep);
}

/* Tunnel I's echo request: its data says which tunnel it is. */
static void
echo_request(uint8_t *ip, unsigned i)
{
	uint8_t		*icmp = ip + 20;
	size_t		 k;

	ip4_hdr(ip, ECHO_LEN, 1, SPOKES_INSIDE(i), SPOKES_HUB_LOOP);
	memset(icmp, 0, 8);
	icmp[0] = 8;
	put16(icmp + 4, ESP_ECHO_ID);
	put16(icmp + 6, (uint16_t)i);
	for (k = 8; k < ECHO_LEN - 20; k++)
		icmp[k] = (uint8_t)(i * 7 + k);
	put16(icmp + 2, in_cksum(icmp, ECHO_LEN - 20, 0));
}

/* The frame the spoke would send for tunnel I; its length, 0 if ESP
 * failed. */
static size_t
esp_frame(struct spoke_sa *sk, unsigned i, uint8_t *f, size_t size)
{
	uint8_t		 inner[ECHO_LEN];
	struct esp_sa	*sa = sa_of(sk->sk_out_spi, sk->sk_out_key);
	size_t		 len = 0;

	if (sa == NULL)
		return 0;
	esp_sa_set_seq(sa, sk->sk_out_seq);
	echo_request(inner, i);
	f[0] = 0x0f;	/* unicast */
	f[1] = 0;
	put16(f + 2, 0x0800);
	if (esp_encap(sa, inner, sizeof(inner), f + HDLC_LEN + 20,
	    size - HDLC_LEN - 20, &len) == ESP_OK) {
		sk->sk_out_seq = esp_sa_seq(sa);
		ip4_hdr(f + HDLC_LEN, 20 + len, 50, SPOKES_SERIAL(i),
		    SPOKES_HUB_ADDR);
		len += HDLC_LEN + 20;
	} else
		len = 0;
	esp_sa_free(sa);
	return len;
}

/* The reply must be tunnel I's echo answered: from the hub's loopback
 * to the spoke's host, an echo reply with the request's id, sequence
 * and data, its checksum right. */
static bool
is_reply(const uint8_t *ip, size_t len, unsigned i)
{
	uint8_t		req[ECHO_LEN];
	const uint8_t	*icmp = ip + 20;

	echo_request(req, i);
	return len == ECHO_LEN && ip[0] == 0x45 && ip[9] == 1 &&
	    get32(ip + 12) == SPOKES_HUB_LOOP && get32(ip + 16) ==
	    SPOKES_INSIDE(i) && in_cksum(ip, 20, 0) == 0 && icmp[0] == 0 &&
	    icmp[1] == 0 && in_cksum(icmp, ECHO_LEN - 20, 0) == 0 &&
	    memcmp(icmp + 4, req + 24, ECHO_LEN - 24) == 0;
}

/* What the hub sends: a tunnel's answer is decrypted with the spoke's
 * inbound keys and checked; nothing goes on to the spoke router. */
static size_t
hub_tap(struct memlab *ml, int from, uint8_t *f, size_t len)
{
	const uint8_t	*ip = f + HDLC_LEN, *inner;
	struct esp_sa	*sa;
	size_t		 hl, ilen;
	unsigned	 i;

	(void)ml;
	if (from == SPOKES_SPOKE || len < HDLC_LEN + 20 + ESP_HDR_LEN ||
	    get16(f + 2) != 0x0800 || ip[9] != 50)
		return 0;
	hl = (size_t)(ip[0] & 15) * 4;
	i = get32(ip + 16) - SPOKES_SERIAL(0);
	if (i >= cur_n || answered[i] || len < HDLC_LEN + hl + ESP_HDR_LEN ||
	    get32(ip + hl) != cur[i].sk_in_spi ||
	    (sa = sa_of(cur[i].sk_in_spi, cur[i].sk_in_key)) == NULL)
		return 0;
	if (esp_decap(sa, f + HDLC_LEN + hl, len - HDLC_LEN - hl, &inner,
	    &ilen) == ESP_OK && is_reply(inner, ilen, i)) {
		answered[i] = 1;
		n_ok++;
	}
	esp_sa_free(sa);
	return 0;
}

unsigned
spoke_esp_echo(struct memlab *ml, int hub, struct spoke_sa *sk, unsigned n)
{
	size_t		(*saved)(struct memlab *, int, uint8_t *, size_t);
	uint8_t		 f[MEMLAB_FRAME];
	size_t		 len;
	unsigned	 i;

	saved = ml->ml_tap;
	ml->ml_tap = hub_tap;
	cur = sk;
	cur_n = n;
	n_ok = 0;
	if ((answered = calloc(n ? n : 1, 1)) == NULL)
		abort();
	for (i = 0; i < n; i++) {
		if ((len = esp_frame(&sk[i], i, f, sizeof(f))) != 0)
			(void)wire_mem_inject(ml->ml_ser[hub], f, len);
		if ((i + 1) % BATCH == 0 || i + 1 == n)
			memlab_pump(ml);
	}
	free(answered);
	answered = NULL;
	cur = NULL;
	ml->ml_tap = saved;
	return n_ok;
}
