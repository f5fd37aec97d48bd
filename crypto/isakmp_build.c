/*
 * isakmp_build: the message builder core (see isakmp_build.h): chaining
 * of next-payload fields, lengths and counts written on close, bounded
 * writes into the caller's buffer.
 */
#include <string.h>

#include "crypto/isakmp_build.h"

/* Where the level's count or chaining field is absent. */
#define NOFIELD	((size_t)-1)

static void
fail(struct isakmp_build *b, enum isakmp_err e)
{
	if (b->ib_err == ISAKMP_OK)
		b->ib_err = e;
}

static uint8_t *
room(struct isakmp_build *b, size_t n)
{
	uint8_t	*p;

	if (b->ib_err != ISAKMP_OK)
		return (NULL);
	if (n > b->ib_cap - b->ib_len) {
		fail(b, ISAKMP_E_NOSPACE);
		return (NULL);
	}
	p = b->ib_buf + b->ib_len;
	b->ib_len += n;
	return (p);
}

void
isakmp_build_init(struct isakmp_build *b, uint8_t *buf, size_t cap,
    const struct isakmp_hdr *h)
{
	uint8_t	*p;

	memset(b, 0, sizeof(*b));
	b->ib_buf = buf;
	b->ib_cap = cap;
	b->ib_err = ISAKMP_OK;
	b->ib_lv[0].lv_start = 0;
	b->ib_lv[0].lv_prevnext = 16;
	b->ib_lv[0].lv_cntoff = NOFIELD;
	if ((p = room(b, ISAKMP_HDR_LEN)) == NULL)
		return;
	memcpy(p, h->ih_icookie, ISAKMP_COOKIE_LEN);
	memcpy(p + 8, h->ih_rcookie, ISAKMP_COOKIE_LEN);
	p[16] = ISAKMP_PL_NONE;
	p[17] = h->ih_version;
	p[18] = h->ih_exchange;
	p[19] = h->ih_flags;
	put32(p + 20, h->ih_msgid);
	put32(p + 24, ISAKMP_HDR_LEN);
}

size_t
isakmp_build_begin(struct isakmp_build *b, uint8_t type)
{
	size_t	 off = b->ib_len;
	uint8_t	*p;

	if (b->ib_err != ISAKMP_OK)
		return (off);
	if (b->ib_depth + 1 >= ISAKMP_BUILD_DEPTH) {
		fail(b, ISAKMP_E_BUILD);
		return (off);
	}
	if ((p = room(b, ISAKMP_GEN_LEN)) == NULL)
		return (off);
	p[0] = ISAKMP_PL_NONE;
	p[1] = 0;
	put16(p + 2, ISAKMP_GEN_LEN);
	/* A proposal's transforms and a transform's attributes begin
	 * without a predecessor to chain: their first type is implied. */
	if (b->ib_lv[b->ib_depth].lv_prevnext != NOFIELD)
		b->ib_buf[b->ib_lv[b->ib_depth].lv_prevnext] = type;
	b->ib_lv[b->ib_depth].lv_prevnext = off;
	b->ib_lv[b->ib_depth].lv_nchild++;
	b->ib_depth++;
	b->ib_lv[b->ib_depth].lv_start = off;
	b->ib_lv[b->ib_depth].lv_prevnext = NOFIELD;
	b->ib_lv[b->ib_depth].lv_cntoff = NOFIELD;
	b->ib_lv[b->ib_depth].lv_nchild = 0;
	/* Proposal: no(1) proto(1) spisize(1) transforms(1) follow. */
	if (type == ISAKMP_PL_PROPOSAL)
		b->ib_lv[b->ib_depth].lv_cntoff = off + 7;
	return (off);
}

void
isakmp_build_end(struct isakmp_build *b)
{
	size_t	 len;
	unsigned n;

	if (b->ib_err != ISAKMP_OK)
		return;
	if (b->ib_depth == 0) {
		fail(b, ISAKMP_E_BUILD);
		return;
	}
	len = b->ib_len - b->ib_lv[b->ib_depth].lv_start;
	n = b->ib_lv[b->ib_depth].lv_nchild;
	if (len > UINT16_MAX) {
		fail(b, ISAKMP_E_BUILD);
		return;
	}
	put16(b->ib_buf + b->ib_lv[b->ib_depth].lv_start + 2,
	    (uint16_t)len);
	if (b->ib_lv[b->ib_depth].lv_cntoff != NOFIELD) {
		if (b->ib_lv[b->ib_depth].lv_cntoff >= b->ib_len ||
		    n > UINT8_MAX) {
			fail(b, ISAKMP_E_BUILD);
			return;
		}
		b->ib_buf[b->ib_lv[b->ib_depth].lv_cntoff] = (uint8_t)n;
	}
	b->ib_depth--;
}

void
isakmp_build_put(struct isakmp_build *b, const void *data, size_t len)
{
	uint8_t	*p;

	if ((p = room(b, len)) == NULL || len == 0)
		return;
	if (data == NULL)
		memset(p, 0, len);
	else
		memcpy(p, data, len);
}

void
isakmp_build_u8(struct isakmp_build *b, uint8_t v)
{
	isakmp_build_put(b, &v, 1);
}

void
isakmp_build_u16(struct isakmp_build *b, uint16_t v)
{
	uint8_t	p[2];

	put16(p, v);
	isakmp_build_put(b, p, sizeof(p));
}

void
isakmp_build_u32(struct isakmp_build *b, uint32_t v)
{
	uint8_t	p[4];

	put32(p, v);
	isakmp_build_put(b, p, sizeof(p));
}

enum isakmp_err
isakmp_build_finish(struct isakmp_build *b, size_t *lenp)
{
	if (b->ib_err == ISAKMP_OK && b->ib_depth != 0)
		fail(b, ISAKMP_E_BUILD);
	if (b->ib_err == ISAKMP_OK && b->ib_len > UINT32_MAX)
		fail(b, ISAKMP_E_BUILD);
	if (b->ib_err != ISAKMP_OK)
		return (b->ib_err);
	isakmp_build_length(b->ib_buf, (uint32_t)b->ib_len);
	*lenp = b->ib_len;
	return (ISAKMP_OK);
}

void
isakmp_build_length(uint8_t *msg, uint32_t len)
{
	put32(msg + 24, len);
}

size_t
isakmp_build_payload(struct isakmp_build *b, uint8_t type,
    const uint8_t *data, size_t len)
{
	size_t	off;

	isakmp_build_begin(b, type);
	off = b->ib_len;
	isakmp_build_put(b, data, len);
	isakmp_build_end(b);
	return (off);
}
