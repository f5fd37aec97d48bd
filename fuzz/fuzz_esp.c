/*
 * libFuzzer target: ESP inbound with a known SA.
 *
 * Seed 001's two routers run in this process on mem: wires
 * (tests/memlab.c), their tunnel brought up once by a real Main Mode and
 * Quick Mode.  The first byte of an input picks what the rest is:
 *
 *   even	the inner packet: R2 encrypts it on its outbound SA (the
 *		one R1 decrypts with), so R1's ESP input runs the SA lookup,
 *		the ICV, the decryption, the padding and next header, and
 *		then the checks of the inner packet against the SA's
 *		selectors and the dataplane's own on what it forwards or
 *		takes for itself;
 *   odd	the ESP packet after R1's inbound SPI (sequence number, IV,
 *		ciphertext, ICV as the fuzzer makes them): the replay
 *		window, the ICV check and what refuses a bad packet.
 *
 * Either way it arrives as an IPv4 packet (valid header checksum) from
 * 12.1.1.2 in an HDLC frame on R1's Serial1/2.
 *
 * Reached (reach.h): "decrypted" counts inputs R1 decrypted (the inner
 * packet accepted or refused by the selectors), "selectors" those the
 * selector check refused, "verify" those whose ICV failed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/esp.h"
#include "crypto/ike_int.h"
#include "lib/bytes.h"
#include "lib/clock.h"
#include "lib/inet4.h"
#include "tests/memlab.h"
#include "fuzz/reach.h"

#define INNER_MAX	1400

static struct memlab	 ml;
static struct reach	 reached[] = {
	{ "decrypted", 0 }, { "selectors", 0 }, { "verify", 0 },
};

static struct ipsec_flow *
flow_of(int r)
{
	return TAILQ_FIRST(&ml.ml_rt[r].r_sys.sy_crypto->c_sadb.db_flows);
}

static void
fuzz_init(void)
{
	char	err[256];

	clock_use_frozen(1700000000000LL);
	if (memlab_open(&ml, "esp-3des esp-md5-hmac", err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz_esp: %s\n", err);
		abort();
	}
	reach_init("fuzz_esp", reached, sizeof(reached) / sizeof(reached[0]));
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t		 frame[4 + 20 + INNER_MAX + 256];
	uint8_t			*ip = frame + 4;
	struct ipsec_flow	*fl;
	struct ipsec_sa		*ps;
	struct flow_stats	 before;
	size_t			 elen;

	if (ml.ml_ss[0] == NULL)
		fuzz_init();
	if (size < 1)
		return 0;
	if (size - 1 > INNER_MAX)
		size = INNER_MAX + 1;
	reach_inputs++;
	if ((fl = flow_of(0)) == NULL)
		abort();	/* the tunnel never goes: no lifetime passes */
	before = fl->fl_stats;
	if ((data[0] & 1) == 0) {
		ps = TAILQ_LAST(&flow_of(1)->fl_out, ipsec_sa_list);
		if (ps == NULL || ps->ps_esp == NULL || esp_encap(ps->ps_esp,
		    data + 1, size - 1, ip + 20, sizeof(frame) - 24,
		    &elen) != ESP_OK)
			return 0;
	} else {
		ps = TAILQ_LAST(&fl->fl_in, ipsec_sa_list);
		put32(ip + 20, ps->ps_spi);
		memcpy(ip + 24, data + 1, size - 1);
		elen = 4 + size - 1;
	}
	frame[0] = 0x0f;	/* Cisco HDLC, unicast, IPv4 */
	frame[1] = 0;
	put16(frame + 2, 0x0800);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, (unsigned)(20 + elen));
	ip[8] = 255;
	ip[9] = 50;
	put32(ip + 12, 0x0c010102);
	put32(ip + 16, 0x0c010101);
	put16(ip + 10, in_cksum(ip, 20, 0));
	(void)wire_mem_inject(ml.ml_ser[0], frame, 4 + 20 + elen);
	memlab_pump(&ml);
	if (fl->fl_stats.fs_decaps != before.fs_decaps ||
	    fl->fl_stats.fs_recv_policy != before.fs_recv_policy)
		reached[0].r_n++;
	if (fl->fl_stats.fs_recv_policy != before.fs_recv_policy)
		reached[1].r_n++;
	if (fl->fl_stats.fs_verify_fail != before.fs_verify_fail)
		reached[2].r_n++;
	return 0;
}
