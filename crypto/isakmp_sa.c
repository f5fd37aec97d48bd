/*
 * isakmp_sa: SA payload validation, iteration and building, and data
 * attributes (see isakmp_sa.h).  Each get function checks the three
 * lengths (fixed part fits, length field at least the fixed part, length
 * within what is left) before it reads a byte they cover; validation and
 * iteration share them, so an iterator cannot read what validation did
 * not check.
 */
#include <string.h>

#include "crypto/isakmp_sa.h"

/* Proposal: generic header, no, proto, SPI size, transform count. */
#define PROP_FIXED	8
/* Transform: generic header, no, id, reserved(2). */
#define XF_FIXED	8
#define ATTR_HDR	4

static enum isakmp_err
attr_get(const uint8_t *p, size_t left, struct isakmp_attr *a, size_t *used)
{
	uint16_t	t;
	size_t		i;

	if (left < ATTR_HDR)
		return (ISAKMP_E_ATTRIBUTE);
	t = get16(p);
	a->at_type = t & ~ISAKMP_ATTR_AF;
	a->at_tv = (t & ISAKMP_ATTR_AF) != 0;
	if (a->at_tv) {
		a->at_len = 2;
		a->at_val = p + 2;
		*used = ATTR_HDR;
	} else {
		a->at_len = get16(p + 2);
		if (a->at_len > left - ATTR_HDR)
			return (ISAKMP_E_ATTRIBUTE);
		a->at_val = p + ATTR_HDR;
		*used = ATTR_HDR + a->at_len;
	}
	a->at_isnum = a->at_len >= 1 && a->at_len <= 8;
	a->at_num = 0;
	if (a->at_isnum)
		for (i = 0; i < a->at_len; i++)
			a->at_num = a->at_num << 8 | a->at_val[i];
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_attrs_check(const uint8_t *p, size_t len, unsigned *n)
{
	struct isakmp_attr	a;
	size_t			off, used;
	enum isakmp_err		e;

	*n = 0;
	for (off = 0; off < len; off += used) {
		if (*n == ISAKMP_MAX_ATTRS)
			return (ISAKMP_E_TOO_MANY);
		if ((e = attr_get(p + off, len - off, &a, &used)) !=
		    ISAKMP_OK)
			return (e);
		(*n)++;
	}
	return (ISAKMP_OK);
}

void
isakmp_attrs_iter(const uint8_t *p, size_t len, struct isakmp_iter *it)
{
	it->it_p = p;
	it->it_left = len;
}

bool
isakmp_attr_next(struct isakmp_iter *it, struct isakmp_attr *a)
{
	size_t	used;

	if (it->it_left == 0 ||
	    attr_get(it->it_p, it->it_left, a, &used) != ISAKMP_OK) {
		it->it_left = 0;
		return (false);
	}
	it->it_p += used;
	it->it_left -= used;
	return (true);
}

static enum isakmp_err
xf_get(const uint8_t *p, size_t left, struct isakmp_xf *x, size_t *used)
{
	size_t	len;

	if (left < XF_FIXED)
		return (ISAKMP_E_TRANSFORM);
	len = get16(p + 2);
	if (len < XF_FIXED || len > left)
		return (ISAKMP_E_TRANSFORM);
	x->xf_next = p[0];
	x->xf_no = p[4];
	x->xf_id = p[5];
	x->xf_attrs = p + XF_FIXED;
	x->xf_attrslen = len - XF_FIXED;
	x->xf_nattrs = 0;
	*used = len;
	return (ISAKMP_OK);
}

static enum isakmp_err
prop_get(const uint8_t *p, size_t left, struct isakmp_prop *pr,
    size_t *used)
{
	size_t	len;

	if (left < PROP_FIXED)
		return (ISAKMP_E_PROPOSAL);
	len = get16(p + 2);
	if (len < PROP_FIXED || len > left)
		return (ISAKMP_E_PROPOSAL);
	pr->pr_next = p[0];
	pr->pr_no = p[4];
	pr->pr_proto = p[5];
	pr->pr_spisize = p[6];
	pr->pr_nxf = p[7];
	if (pr->pr_spisize > len - PROP_FIXED)
		return (ISAKMP_E_SPI);
	pr->pr_spi = p + PROP_FIXED;
	pr->pr_xfs = pr->pr_spi + pr->pr_spisize;
	pr->pr_xfslen = len - PROP_FIXED - pr->pr_spisize;
	*used = len;
	return (ISAKMP_OK);
}

/*
 * A chain of sub-payloads (proposals in an SA, transforms in a proposal)
 * must link with TYPE and end with NONE exactly at the region's end.
 */
static bool
linked(uint8_t next, uint8_t type, bool last)
{
	return (last ? next == ISAKMP_PL_NONE : next == type);
}

static enum isakmp_err
prop_check(const struct isakmp_prop *pr)
{
	struct isakmp_xf	x;
	size_t			off, used;
	unsigned		n = 0;
	enum isakmp_err		e;

	if (pr->pr_xfslen == 0)
		return (ISAKMP_E_PROPOSAL);
	for (off = 0; off < pr->pr_xfslen; off += used) {
		if ((e = xf_get(pr->pr_xfs + off, pr->pr_xfslen - off, &x,
		    &used)) != ISAKMP_OK)
			return (e);
		if (!linked(x.xf_next, ISAKMP_PL_TRANSFORM,
		    off + used == pr->pr_xfslen))
			return (ISAKMP_E_TRANSFORM);
		if ((e = isakmp_attrs_check(x.xf_attrs, x.xf_attrslen,
		    &x.xf_nattrs)) != ISAKMP_OK)
			return (e);
		n++;
	}
	if (n != pr->pr_nxf)
		return (ISAKMP_E_PROPOSAL);
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_sa_parse(const struct isakmp_pld *pl, struct isakmp_sa_pl *sa)
{
	struct isakmp_prop	pr;
	size_t			off, used;
	enum isakmp_err		e;

	if (pl->pl_bodylen < 8)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	sa->sa_doi = get32(pl->pl_body);
	sa->sa_sit = get32(pl->pl_body + 4);
	sa->sa_props = pl->pl_body + 8;
	sa->sa_propslen = pl->pl_bodylen - 8;
	sa->sa_nprops = 0;
	/* The situation's layout belongs to the DOI; IPsec's labeled
	 * domains (secrecy, integrity) are not supported, as in IOS. */
	if (sa->sa_doi != ISAKMP_DOI_IPSEC)
		return (ISAKMP_E_DOI);
	if (sa->sa_sit & (IPSEC_SIT_SECRECY | IPSEC_SIT_INTEGRITY))
		return (ISAKMP_E_SITUATION);
	if (sa->sa_propslen == 0)
		return (ISAKMP_E_PROPOSAL);
	for (off = 0; off < sa->sa_propslen; off += used) {
		if (sa->sa_nprops == ISAKMP_MAX_PROPOSALS)
			return (ISAKMP_E_TOO_MANY);
		if ((e = prop_get(sa->sa_props + off, sa->sa_propslen - off,
		    &pr, &used)) != ISAKMP_OK)
			return (e);
		if (!linked(pr.pr_next, ISAKMP_PL_PROPOSAL,
		    off + used == sa->sa_propslen))
			return (ISAKMP_E_PROPOSAL);
		if ((e = prop_check(&pr)) != ISAKMP_OK)
			return (e);
		sa->sa_nprops++;
	}
	return (ISAKMP_OK);
}

void
isakmp_sa_props(const struct isakmp_sa_pl *sa, struct isakmp_iter *it)
{
	it->it_p = sa->sa_props;
	it->it_left = sa->sa_propslen;
}

bool
isakmp_prop_next(struct isakmp_iter *it, struct isakmp_prop *pr)
{
	size_t	used;

	if (it->it_left == 0 ||
	    prop_get(it->it_p, it->it_left, pr, &used) != ISAKMP_OK) {
		it->it_left = 0;
		return (false);
	}
	it->it_p += used;
	it->it_left -= used;
	return (true);
}

void
isakmp_prop_xfs(const struct isakmp_prop *pr, struct isakmp_iter *it)
{
	it->it_p = pr->pr_xfs;
	it->it_left = pr->pr_xfslen;
}

bool
isakmp_xf_next(struct isakmp_iter *it, struct isakmp_xf *x)
{
	size_t	used;

	if (it->it_left == 0 ||
	    xf_get(it->it_p, it->it_left, x, &used) != ISAKMP_OK ||
	    isakmp_attrs_check(x->xf_attrs, x->xf_attrslen, &x->xf_nattrs) !=
	    ISAKMP_OK) {
		it->it_left = 0;
		return (false);
	}
	it->it_p += used;
	it->it_left -= used;
	return (true);
}

void
isakmp_xf_attrs(const struct isakmp_xf *x, struct isakmp_iter *it)
{
	isakmp_attrs_iter(x->xf_attrs, x->xf_attrslen, it);
}

void
isakmp_build_sa_begin(struct isakmp_build *b, uint32_t doi, uint32_t sit)
{
	isakmp_build_begin(b, ISAKMP_PL_SA);
	isakmp_build_u32(b, doi);
	isakmp_build_u32(b, sit);
}

void
isakmp_build_prop_begin(struct isakmp_build *b, uint8_t no, uint8_t proto,
    const uint8_t *spi, uint8_t spisize)
{
	isakmp_build_begin(b, ISAKMP_PL_PROPOSAL);
	isakmp_build_u8(b, no);
	isakmp_build_u8(b, proto);
	isakmp_build_u8(b, spisize);
	isakmp_build_u8(b, 0);		/* transform count, on close */
	isakmp_build_put(b, spi, spisize);
}

void
isakmp_build_xf_begin(struct isakmp_build *b, uint8_t no, uint8_t id)
{
	isakmp_build_begin(b, ISAKMP_PL_TRANSFORM);
	isakmp_build_u8(b, no);
	isakmp_build_u8(b, id);
	isakmp_build_u16(b, 0);		/* reserved */
}

void
isakmp_build_attr_tv(struct isakmp_build *b, uint16_t type, uint16_t val)
{
	isakmp_build_u16(b, type | ISAKMP_ATTR_AF);
	isakmp_build_u16(b, val);
}

void
isakmp_build_attr_tlv(struct isakmp_build *b, uint16_t type,
    const uint8_t *val, uint16_t len)
{
	isakmp_build_u16(b, type & ~ISAKMP_ATTR_AF);
	isakmp_build_u16(b, len);
	isakmp_build_put(b, val, len);
}

void
isakmp_build_attr_var(struct isakmp_build *b, uint16_t type, uint64_t val)
{
	uint8_t	v[8];
	int	i;

	for (i = 7; i >= 0; i--, val >>= 8)
		v[i] = val & 0xff;
	if (get32(v) == 0)
		isakmp_build_attr_tlv(b, type, v + 4, 4);
	else
		isakmp_build_attr_tlv(b, type, v, 8);
}

void
isakmp_build_attr(struct isakmp_build *b, const struct isakmp_attr *a)
{
	if (a->at_tv)
		isakmp_build_attr_tv(b, a->at_type, get16(a->at_val));
	else
		isakmp_build_attr_tlv(b, a->at_type, a->at_val, a->at_len);
}
