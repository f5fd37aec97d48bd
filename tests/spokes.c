/*
 * spokes: N spokes against one hub from one process (tests/spokes.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "tests/spoke_esp.h"
#include "tests/spokes.h"

#define ECHO_ID	4242

static bool	cut;		/* drop what the spoke sends */
static unsigned	replies;
static struct spoke_sa	*kept;	/* per tunnel, for spokes_echo_all */
static unsigned		 nkept, capkept;
static bool		 static_keys;	/* spoke I's key is kI */

static size_t
tap(struct memlab *ml, int from, uint8_t *frame, size_t len)
{
	(void)ml;
	(void)frame;
	return cut && from == SPOKES_SPOKE ? 0 : len;
}

static void
on_echo(void *arg, const struct dp_echo_ev *ev)
{
	(void)arg;
	if (ev->ev_kind == DP_ECHO_REPLY && ev->ev_data_ok)
		replies++;
}

unsigned
spokes_replies(void)
{
	return replies;
}

void
spokes_cut(bool on)
{
	cut = on;
}

int
spokes_open(struct memlab *ml, char *err, size_t errlen)
{
	if (memlab_open(ml, "esp-3des esp-sha-hmac", err, errlen) != 0)
		return -1;
	ml->ml_tap = tap;
	cut = false;
	replies = 0;
	free(kept);
	kept = NULL;
	nkept = capkept = 0;
	static_keys = false;
	/* service internal: the spoke's SAs keep their keys, which
	 * spoke_sa_take copies before the spoke forgets them. */
	memlab_run(ml, SPOKES_SPOKE, "clear crypto sa\nclear crypto isakmp\n"
	    "configure terminal\nservice internal\n"
	    "crypto isakmp policy 10\nhash sha\nend");
	memlab_run(ml, SPOKES_HUB, "clear crypto sa\nclear crypto isakmp\n"
	    "configure terminal\ninterface Serial1/1\nno crypto map TST\n"
	    "ip address 12.1.1.2 255.0.0.0\nexit\nno crypto map TST 10\n"
	    "no crypto isakmp key cisco address 12.1.1.1\n"
	    "crypto keyring spokes\n"
	    "pre-shared-key address 0.0.0.0 0.0.0.0 key cisco\nexit\n"
	    "crypto isakmp policy 10\nhash sha\nexit\n"
	    "crypto dynamic-map DM 10\nset transform-set TSET\nexit\n"
	    "crypto map HUB 10 ipsec-isakmp dynamic DM\n"
	    "interface Serial1/1\ncrypto map HUB\nexit\n"
	    "ip route 11.0.0.0 255.0.0.0 Serial1/1\nend");
	memlab_pump(ml);
	if (dp_echo_listen(ml->ml_rt[SPOKES_SPOKE].r_sys.sy_dp, ECHO_ID,
	    on_echo, NULL) != 0) {
		snprintf(err, errlen, "echo listener");
		return -1;
	}
	return 0;
}

static bool
tunnel_up(const struct memlab *ml)
{
	const struct ipsec_flow	*fl;

	fl = TAILQ_FIRST(
	    &ml->ml_rt[SPOKES_SPOKE].r_sys.sy_crypto->c_sadb.db_flows);
	return fl != NULL && TAILQ_FIRST(&fl->fl_out) != NULL;
}

static void
ip_text(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
	    (a >> 8) & 255, a & 255);
}

void
spokes_static_keys(struct memlab *ml, unsigned n)
{
	struct session	*s = ml->ml_ss[SPOKES_HUB];
	char		 line[96], ser[16];
	unsigned	 i;

	(void)session_execute(s, "configure terminal");
	(void)session_execute(s, "no crypto keyring spokes");
	for (i = 0; i < n; i++) {
		ip_text(SPOKES_SERIAL(i), ser, sizeof(ser));
		snprintf(line, sizeof(line), "crypto isakmp key k%u address %s",
		    i, ser);
		(void)session_execute(s, line);
	}
	(void)session_execute(s, "end");
	static_keys = true;
}

static void
echo(struct memlab *ml, uint32_t src, uint16_t seq)
{
	struct dp_echo_req	er;

	memset(&er, 0, sizeof(er));
	er.er_dst = SPOKES_HUB_LOOP;
	er.er_src = src;
	er.er_id = ECHO_ID;
	er.er_seq = seq;
	er.er_size = 100;
	er.er_pattern = 0xabcd;
	(void)dp_echo_send(ml->ml_rt[SPOKES_SPOKE].r_sys.sy_dp, &er);
}

bool
spokes_up(struct memlab *ml, unsigned i, bool ping)
{
	char		text[512], ser[16], in[16], key[64] = "";
	uint32_t	inside = SPOKES_INSIDE(i);
	int		k;

	ip_text(SPOKES_SERIAL(i), ser, sizeof(ser));
	ip_text(inside, in, sizeof(in));
	if (static_keys)
		snprintf(key, sizeof(key), "crypto isakmp key k%u address "
		    "12.1.1.2\n", i);
	snprintf(text, sizeof(text), "configure terminal\n"
	    "interface Serial1/2\nip address %s 255.0.0.0\n"
	    "interface Loopback0\nip address %s 255.255.255.255\n"
	    "exit\nno access-list 100\n%s"
	    "access-list 100 permit ip host %s host 2.2.2.2\nend", ser, in,
	    key, in);
	memlab_run(ml, SPOKES_SPOKE, text);
	/* The first echo starts IKE and is lost, as IOS's first ping. */
	echo(ml, inside, 0);
	for (k = 0; k < 50 && !tunnel_up(ml); k++)
		memlab_pump(ml);
	if (!tunnel_up(ml))
		return false;
	if (ping) {
		echo(ml, inside, 1);
		memlab_pump(ml);
	}
	if (i == nkept) {
		if (nkept == capkept) {
			capkept = capkept ? 2 * capkept : 64;
			if ((kept = reallocarray(kept, capkept,
			    sizeof(*kept))) == NULL)
				abort();
		}
		if (!spoke_sa_take(ml, SPOKES_SPOKE, &kept[nkept]))
			return false;
		nkept++;
	}
	cut = true;
	memlab_run(ml, SPOKES_SPOKE, "clear crypto sa\nclear crypto isakmp");
	memlab_pump(ml);
	cut = false;
	return true;
}

unsigned
spokes_echo_all(struct memlab *ml)
{
	return spoke_esp_echo(ml, SPOKES_HUB, kept, nkept);
}

unsigned
spokes_count(void)
{
	return nkept;
}

size_t
spokes_kept_bytes(void)
{
	return capkept * sizeof(*kept);
}

void
spokes_close(struct memlab *ml)
{
	memlab_close(ml);
	free(kept);
	kept = NULL;
	nkept = capkept = 0;
}
