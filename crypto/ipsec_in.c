/*
 * ipsec_in: ESP for one of our addresses (protocol 50, or UDP 4500
 * without the non-ESP marker): the SA by SPI, decapsulated, checked
 * against the flow's proxies and handed back to the dataplane as if
 * received on the interface.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/esp.h"
#include "crypto/ike.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_wire.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/system.h"

#define IP_HDR		20
#define IPPROTO_ESP_NUM	50
#define IPPROTO_UDP_NUM	17
#define UDP_HDR		8

void
ipsec_esp_input(void *arg, struct dp_iface *in, const uint8_t *ip, size_t len)
{
	struct crypto		*c = arg;
	struct ipsec_sa		*ps;
	struct ipsec_flow	*fl;
	const uint8_t		*inner;
	uint8_t			*buf;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, ilen;
	uint32_t		 spi;
	char			 s[16], d[16];

	/* ESP in UDP (the dataplane checked it is 4500 and no IKE). */
	if (ip[9] == IPPROTO_UDP_NUM && len >= hl + UDP_HDR)
		hl += UDP_HDR;
	else if (ip[9] != IPPROTO_ESP_NUM) {
		c->c_esp_bad++;
		return;
	}
	if (len < hl + ESP_HDR_LEN) {
		c->c_esp_bad++;
		return;
	}
	spi = isakmp_get32(ip + hl);
	if ((ps = sadb_sa_find_in(&c->c_sadb, spi)) == NULL ||
	    ps->ps_esp == NULL) {
		c->c_esp_bad++;
		ike_ip_fmt(isakmp_get32(ip + 16), d, sizeof(d));
		ike_ip_fmt(isakmp_get32(ip + 12), s, sizeof(s));
		sys_log(c->c_sys, "CRYPTO", 4, "RECVD_PKT_INV_SPI", "decaps: "
		    "rec'd IPSEC packet has invalid spi for destaddr=%s, "
		    "prot=50, spi=0x%X(%u), srcaddr=%s", d, spi, spi, s);
		return;
	}
	fl = ps->ps_flow;
	/* Decrypted in place in the preallocated buffer: no malloc. */
	buf = c->c_rxbuf;
	memmove(buf, ip + hl, len - hl);	/* ESP in ESP: IP may lie in it */
	if (esp_decap(ps->ps_esp, buf, len - hl, &inner, &ilen) != ESP_OK) {
		fl->fl_stats.fs_recv_errors++;
		return;
	}
	/* The inner packet must be what the SA was made for. */
	if (ilen < IP_HDR || !ipsec_ident_has(&fl->fl_rident, isakmp_get32(inner + 12)) ||
	    !ipsec_ident_has(&fl->fl_lident, isakmp_get32(inner + 16))) {
		fl->fl_stats.fs_recv_errors++;
		return;
	}
	fl->fl_last_in_ms = clock_mono_ms();
	fl->fl_stats.fs_decaps++;
	fl->fl_stats.fs_decrypt++;
	fl->fl_stats.fs_verify++;
	ps->ps_bytes += ilen;
	(void)dp_ip_input(c->c_sys->sy_dp, in, inner, ilen);
}
