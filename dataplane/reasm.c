/*
 * reasm: IPv4 reassembly for the router's own addresses.  A router needs
 * it little (IOS reassembles in the process path), but what is sent to it
 * in fragments must arrive whole: an echo bigger than a tunnel's MTU,
 * fragmented before encryption by the peer, or ESP fragmented after
 * encryption (`crypto ipsec fragmentation after-encryption`).
 *
 * Bounded: REASM_SLOTS datagrams in progress at once (a new one takes
 * the oldest slot when all are busy), each at most IP4_MAXLEN bytes,
 * given up REASM_MS after its first fragment (RFC 791's timer; IOS's
 * `show ip traffic` counts "reassembled, timeouts, couldn't reassemble").
 * Slots are aged when fragments arrive, so no timer runs.  Overlapping
 * data is accepted (the newer bytes win); a fragment past 65535 bytes or
 * a second last fragment that disagrees fails the datagram.
 */
#include <stdlib.h>
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"
#include "lib/clock.h"
#include "lib/xalloc.h"

#define IP_MF		0x2000
#define IP_OFFMASK	0x1fff
#define DATA_AT		60	/* room for the longest header */
#define BLOCKS		(IP4_MAXLEN / 8 + 1)	/* 8-byte units of data */

struct reasm_slot {
	bool		 rs_used;
	uint32_t	 rs_src, rs_dst;
	uint16_t	 rs_id;
	uint8_t		 rs_proto;
	uint64_t	 rs_start_ms;
	uint8_t		 rs_hdr[60];	/* the first fragment's header */
	size_t		 rs_hl;		/* its length; 0: not seen yet */
	size_t		 rs_total;	/* data bytes; 0: last not seen */
	uint8_t		*rs_buf;	/* data at DATA_AT, until whole */
	uint8_t		 rs_have[BLOCKS / 8 + 1];	/* blocks received */
};

struct reasm {
	struct reasm_slot	slots[REASM_SLOTS];
	struct dp_reasm_stats	stats;
};

static void
slot_clear(struct reasm_slot *rs)
{
	free(rs->rs_buf);
	memset(rs, 0, sizeof(*rs));
}

void
reasm_free(struct dataplane *dp)
{
	struct reasm	*r = dp->d_fwd->f_reasm;
	size_t		 i;

	if (r == NULL)
		return;
	for (i = 0; i < REASM_SLOTS; i++)
		slot_clear(&r->slots[i]);
	free(r);
	dp->d_fwd->f_reasm = NULL;
}

void
dp_reasm_stats(const struct dataplane *dp, struct dp_reasm_stats *st)
{
	const struct reasm	*r = dp->d_fwd->f_reasm;

	if (r != NULL)
		*st = r->stats;
	else
		memset(st, 0, sizeof(*st));
}

static bool
have(const struct reasm_slot *rs, size_t b)
{
	return (rs->rs_have[b / 8] >> (b % 8)) & 1;
}

static bool
complete(const struct reasm_slot *rs)
{
	size_t	b, n;

	if (rs->rs_total == 0 || rs->rs_hl == 0)
		return false;
	n = (rs->rs_total + 7) / 8;
	for (b = 0; b < n; b++)
		if (!have(rs, b))
			return false;
	return true;
}

/* The slot of IP's datagram: found, or a free one, or the oldest. */
static struct reasm_slot *
slot_for(struct reasm *r, const uint8_t *ip, uint64_t now)
{
	struct reasm_slot	*rs, *free_rs = NULL, *old = NULL;
	size_t			 i;

	for (i = 0; i < REASM_SLOTS; i++) {
		rs = &r->slots[i];
		if (rs->rs_used && now - rs->rs_start_ms >= REASM_MS) {
			r->stats.rs_timeouts++;
			slot_clear(rs);
		}
		if (!rs->rs_used) {
			if (free_rs == NULL)
				free_rs = rs;
			continue;
		}
		if (rs->rs_src == get32(ip + 12) && rs->rs_dst == get32(ip + 16)
		    && rs->rs_id == get16(ip + 4) && rs->rs_proto == ip[9])
			return rs;
		if (old == NULL || rs->rs_start_ms < old->rs_start_ms)
			old = rs;
	}
	if ((rs = free_rs) == NULL) {
		r->stats.rs_fails++;
		slot_clear(rs = old);
	}
	rs->rs_used = true;
	rs->rs_src = get32(ip + 12);
	rs->rs_dst = get32(ip + 16);
	rs->rs_id = get16(ip + 4);
	rs->rs_proto = ip[9];
	rs->rs_start_ms = now;
	rs->rs_buf = xmalloc(DATA_AT + IP4_MAXLEN);
	return rs;
}

uint8_t *
reasm_input(struct dataplane *dp, const uint8_t *ip, size_t len,
    size_t *out_len)
{
	struct reasm		*r = dp->d_fwd->f_reasm;
	struct reasm_slot	*rs;
	size_t			 hl = (size_t)(ip[0] & 15) * 4, off, n, b;
	uint16_t		 fl = get16(ip + 6);
	uint8_t			*whole;

	if (r == NULL)
		r = dp->d_fwd->f_reasm = xcalloc(1, sizeof(*r));
	r->stats.rs_reqds++;
	rs = slot_for(r, ip, clock_mono_ms());
	off = (size_t)(fl & IP_OFFMASK) * 8;
	n = len - hl;
	if (off + n > IP4_MAXLEN - 20 || ((fl & IP_MF) && (n % 8) != 0) ||
	    (!(fl & IP_MF) && rs->rs_total != 0 && rs->rs_total != off + n)) {
		r->stats.rs_fails++;
		slot_clear(rs);
		return NULL;
	}
	if (off == 0) {
		/* The first fragment's header (options and all) leads. */
		memcpy(rs->rs_hdr, ip, hl);
		rs->rs_hl = hl;
	}
	memcpy(rs->rs_buf + DATA_AT + off, ip + hl, n);
	for (b = off / 8; b < (off + n + 7) / 8; b++)
		rs->rs_have[b / 8] |= (uint8_t)(1u << (b % 8));
	if (!(fl & IP_MF))
		rs->rs_total = off + n;
	if (!complete(rs))
		return NULL;
	if (rs->rs_hl + rs->rs_total > IP4_MAXLEN) {
		r->stats.rs_fails++;
		slot_clear(rs);
		return NULL;
	}
	whole = rs->rs_buf;
	memcpy(whole, rs->rs_hdr, rs->rs_hl);
	memmove(whole + rs->rs_hl, whole + DATA_AT, rs->rs_total);
	*out_len = rs->rs_hl + rs->rs_total;
	put16(whole + 2, (uint16_t)*out_len);
	put16(whole + 6, get16(whole + 6) & ~(IP_MF | IP_OFFMASK));
	put16(whole + 10, 0);
	put16(whole + 10, in_cksum(whole, rs->rs_hl, 0));
	rs->rs_buf = NULL;
	slot_clear(rs);
	r->stats.rs_oks++;
	return whole;
}
