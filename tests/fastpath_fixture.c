/*
 * fastpath_fixture: seed 001's tunnel between two routers on mem: wires
 * (tests/memlab.c) with R1's Serial1/2 captured, for check_fastpath and
 * check_lanes.
 */
#include <check.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "dataplane/wire_impl.h"
#include "lib/clock.h"
#include "tests/fastpath_fixture.h"
#include "tests/fixture.h"

struct memlab		ml;
/* ESP frames R1 sent, in order, for R2. */
uint8_t			esp[3 * NPKT + 64][ESP_MAX];
size_t			esp_len[3 * NPKT + 64];
size_t			nesp;
unsigned long		nclear;

static void
capture(void *arg, const uint8_t *frame, size_t len)
{
	(void)arg;
	/* HDLC: 0x0f 0x00 0x0800, then IPv4; protocol 50 is ESP. */
	if (len > 4 + 20 && frame[4 + 9] == 50 && nesp < 3 * NPKT + 64 &&
	    len <= ESP_MAX) {
		memcpy(esp[nesp], frame, len);
		esp_len[nesp++] = len;
	} else
		nclear++;
}

struct wire_mem_sink	cap_sink = { capture, NULL };

void
setup(void)
{
	char	err[256];

	clock_use_frozen(FX_EPOCH_MS);
	ck_assert_msg(memlab_open(&ml, "esp-3des esp-md5-hmac", err,
	    sizeof(err)) == 0, "%s", err);
	(void)wire_mem_sink(ml.ml_ser[0], &cap_sink);
	nesp = 0;
	nclear = 0;
}

void
teardown(void)
{
	memlab_close(&ml);
	clock_use_real();
}

struct crypto *
R(int r)
{
	return ml.ml_rt[r].r_sys.sy_crypto;
}

struct ipsec_flow *
flow(int r)
{
	return TAILQ_FIRST(&R(r)->c_sadb.db_flows);
}

unsigned long		inject_fail;

void
send_lan(size_t len)
{
	static uint8_t	frame[14 + 1500];
	size_t		n;

	n = memlab_frame(&ml, frame, 0x01010101, 0x02020202, 6, len);
	if (wire_mem_inject(ml.ml_lan, frame, n) != 0)
		inject_fail++;
}
