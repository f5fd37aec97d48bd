/*
 * isakmp_msg: header and payload-chain decoding (see isakmp_msg.h for the
 * decisions), and the error reasons with the notify each one maps to.
 */
#include <string.h>

#include "crypto/isakmp_msg.h"

static const struct {
	const char	*e_str;
	uint16_t	 e_notify;
} errs[ISAKMP_E_COUNT] = {
	[ISAKMP_OK] = { "no error", 0 },
	[ISAKMP_E_TRUNCATED] = { "packet truncated",
	    ISAKMP_N_UNEQUAL_PAYLOAD_LENGTHS },
	[ISAKMP_E_BAD_LENGTH] = { "invalid header length",
	    ISAKMP_N_UNEQUAL_PAYLOAD_LENGTHS },
	[ISAKMP_E_MAJOR_VERSION] = { "invalid major version",
	    ISAKMP_N_INVALID_MAJOR_VERSION },
	[ISAKMP_E_MINOR_VERSION] = { "invalid minor version",
	    ISAKMP_N_INVALID_MINOR_VERSION },
	[ISAKMP_E_PAYLOAD_TRUNCATED] = { "payload header truncated",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_PAYLOAD_LENGTH] = { "invalid payload length",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_PAYLOAD_OVERRUN] = { "payload length exceeds message",
	    ISAKMP_N_UNEQUAL_PAYLOAD_LENGTHS },
	[ISAKMP_E_PAYLOAD_TYPE] = { "invalid payload type",
	    ISAKMP_N_INVALID_PAYLOAD_TYPE },
	[ISAKMP_E_TOO_MANY_PAYLOADS] = { "too many payloads",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_TRAILING] = { "unequal payload lengths",
	    ISAKMP_N_UNEQUAL_PAYLOAD_LENGTHS },
	[ISAKMP_E_DOI] = { "DOI not supported",
	    ISAKMP_N_DOI_NOT_SUPPORTED },
	[ISAKMP_E_SITUATION] = { "situation not supported",
	    ISAKMP_N_SITUATION_NOT_SUPPORTED },
	[ISAKMP_E_PROPOSAL] = { "bad proposal syntax",
	    ISAKMP_N_BAD_PROPOSAL_SYNTAX },
	[ISAKMP_E_TRANSFORM] = { "bad transform syntax",
	    ISAKMP_N_BAD_PROPOSAL_SYNTAX },
	[ISAKMP_E_ATTRIBUTE] = { "attribute length exceeds payload",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_TOO_MANY] = { "too many proposals or attributes",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_ID] = { "invalid ID information",
	    ISAKMP_N_INVALID_ID_INFORMATION },
	[ISAKMP_E_NONCE] = { "invalid nonce length",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_EMPTY] = { "empty payload",
	    ISAKMP_N_PAYLOAD_MALFORMED },
	[ISAKMP_E_SPI] = { "invalid SPI",
	    ISAKMP_N_INVALID_SPI },
	[ISAKMP_E_NOSPACE] = { "no space to build packet", 0 },
	[ISAKMP_E_BUILD] = { "malformed packet build", 0 },
};

const char *
isakmp_err_str(enum isakmp_err e)
{
	if ((unsigned)e >= ISAKMP_E_COUNT)
		return ("unknown error");
	return (errs[e].e_str);
}

uint16_t
isakmp_err_notify(enum isakmp_err e)
{
	if ((unsigned)e >= ISAKMP_E_COUNT)
		return (ISAKMP_N_PAYLOAD_MALFORMED);
	return (errs[e].e_notify);
}

/*
 * The smallest body of a payload TYPE that the chain walk lets through,
 * so that no payload parser starts on a body shorter than its fixed
 * part: SA (DOI, situation), ID (type, protocol, port), CERT and CERTREQ
 * (encoding), NOTIFY and DELETE (DOI, protocol, SPI size, type/count),
 * ATTRIBUTE (type, reserved, identifier), NAT-OA (ID type, reserved).
 */
static size_t
body_min(uint8_t type)
{
	switch (type) {
	case ISAKMP_PL_SA:
	case ISAKMP_PL_NOTIFY:
	case ISAKMP_PL_DELETE:
		return (8);
	case ISAKMP_PL_ID:
	case ISAKMP_PL_ATTR:
	case ISAKMP_PL_NAT_OA:
	case ISAKMP_PL_NAT_OA_DRAFT:
		return (4);
	case ISAKMP_PL_CERT:
	case ISAKMP_PL_CERTREQ:
		return (1);
	default:
		return (0);
	}
}

/*
 * Walk the chain starting with payload type NEXT over the LEN bytes at P.
 * PADDED: the bytes after the last payload are padding, not an error.
 */
static enum isakmp_err
chain(struct isakmp_msg *m, uint8_t next, const uint8_t *p, size_t len,
    bool padded)
{
	struct isakmp_pld	*pl;
	size_t			 off = 0, plen;

	m->im_npld = 0;
	m->im_extra = 0;
	while (next != ISAKMP_PL_NONE) {
		if (next == ISAKMP_PL_PROPOSAL || next == ISAKMP_PL_TRANSFORM)
			return (ISAKMP_E_PAYLOAD_TYPE);
		if (len - off < ISAKMP_GEN_LEN)
			return (ISAKMP_E_PAYLOAD_TRUNCATED);
		plen = get16(p + off + 2);
		if (plen < ISAKMP_GEN_LEN + body_min(next))
			return (ISAKMP_E_PAYLOAD_LENGTH);
		if (plen > len - off)
			return (ISAKMP_E_PAYLOAD_OVERRUN);
		if (m->im_npld == ISAKMP_MAX_PAYLOADS)
			return (ISAKMP_E_TOO_MANY_PAYLOADS);
		pl = &m->im_pld[m->im_npld++];
		pl->pl_type = next;
		pl->pl_next = p[off];
		pl->pl_len = (uint16_t)plen;
		pl->pl_raw = p + off;
		pl->pl_body = p + off + ISAKMP_GEN_LEN;
		pl->pl_bodylen = plen - ISAKMP_GEN_LEN;
		next = pl->pl_next;
		off += plen;
	}
	if (off != len) {
		if (!padded)
			return (ISAKMP_E_TRAILING);
		m->im_extra = len - off;
	}
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_decode(struct isakmp_msg *m, const uint8_t *buf, size_t len)
{
	struct isakmp_hdr	*h = &m->im_hdr;
	enum isakmp_err		 e;

	m->im_raw = buf;
	m->im_body = NULL;
	m->im_bodylen = 0;
	m->im_encrypted = false;
	m->im_extra = 0;
	m->im_npld = 0;
	if (len < ISAKMP_HDR_LEN)
		return (ISAKMP_E_TRUNCATED);
	memcpy(h->ih_icookie, buf, ISAKMP_COOKIE_LEN);
	memcpy(h->ih_rcookie, buf + 8, ISAKMP_COOKIE_LEN);
	h->ih_next = buf[16];
	h->ih_version = buf[17];
	h->ih_exchange = buf[18];
	h->ih_flags = buf[19];
	h->ih_msgid = get32(buf + 20);
	h->ih_length = get32(buf + 24);
	if (h->ih_version >> 4 != ISAKMP_VERSION >> 4)
		return (ISAKMP_E_MAJOR_VERSION);
	if ((h->ih_version & 0x0f) != (ISAKMP_VERSION & 0x0f))
		return (ISAKMP_E_MINOR_VERSION);
	if (h->ih_length < ISAKMP_HDR_LEN)
		return (ISAKMP_E_BAD_LENGTH);
	if (h->ih_length > len)
		return (ISAKMP_E_TRUNCATED);
	m->im_body = buf + ISAKMP_HDR_LEN;
	m->im_bodylen = h->ih_length - ISAKMP_HDR_LEN;
	if (h->ih_flags & ISAKMP_FLAG_E) {
		m->im_encrypted = true;
		m->im_extra = len - h->ih_length;
		return (ISAKMP_OK);
	}
	if ((e = chain(m, h->ih_next, m->im_body, m->im_bodylen,
	    false)) != ISAKMP_OK)
		return (e);
	m->im_extra = len - h->ih_length;
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_decode_plain(struct isakmp_msg *m, const uint8_t *plain, size_t len)
{
	return (chain(m, m->im_hdr.ih_next, plain, len, true));
}

const uint8_t *
isakmp_msg_rest(const struct isakmp_msg *m, unsigned i, size_t *len)
{
	const struct isakmp_pld	*last;
	const uint8_t		*p;

	*len = 0;
	if (i + 1 >= m->im_npld)
		return (NULL);
	p = m->im_pld[i].pl_raw + m->im_pld[i].pl_len;
	last = &m->im_pld[m->im_npld - 1];
	*len = (size_t)(last->pl_raw + last->pl_len - p);
	return (p);
}

int
isakmp_msg_find(const struct isakmp_msg *m, uint8_t type, int from)
{
	unsigned	i;

	for (i = from < 0 ? 0 : (unsigned)from + 1; i < m->im_npld; i++)
		if (m->im_pld[i].pl_type == type)
			return ((int)i);
	return (-1);
}
