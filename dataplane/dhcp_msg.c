/*
 * dhcp_msg: the DHCP/BOOTP codec (dhcp_msg.h).  Option overload (52) is
 * not followed: iosh's peers put everything in the options field.
 */
#include <string.h>

#include "dataplane/dhcp_msg.h"
#include "lib/bytes.h"

#define MAGIC		0x63825363U

#define OPT_PAD		0
#define OPT_MASK	1
#define OPT_ROUTER	3
#define OPT_DNS		6
#define OPT_HOSTNAME	12
#define OPT_DOMAIN	15
#define OPT_REQ_ADDR	50
#define OPT_LEASE	51
#define OPT_TYPE	53
#define OPT_SERVER_ID	54
#define OPT_PARAMS	55
#define OPT_T1		58
#define OPT_T2		59
#define OPT_CLIENT_ID	61
#define OPT_END		255

static bool
opt_addr(const uint8_t *v, size_t n, uint32_t *out)
{
	if (n != 4)
		return false;
	*out = get32(v);
	return true;
}

static bool
opt_name(const uint8_t *v, size_t n, char *out)
{
	if (n == 0 || n >= DHCP_MAX_NAME)
		return false;
	memcpy(out, v, n);
	out[n] = '\0';
	/* A NUL inside would cut the name short when printed: refuse it;
	 * one at the end (some clients send it) is dropped, leaving a name
	 * that must not be empty. */
	return strlen(out) == n || (n > 1 && strlen(out) == n - 1 &&
	    v[n - 1] == 0);
}

static bool
opt_one(struct dhcp_msg *m, uint8_t code, const uint8_t *v, size_t n)
{
	size_t	i;

	switch (code) {
	case OPT_MASK:
		m->dm_has |= DHO_MASK;
		return opt_addr(v, n, &m->dm_mask);
	case OPT_ROUTER:
		/* A list: the first router is the default gateway. */
		if (n == 0 || n % 4 != 0)
			return false;
		m->dm_has |= DHO_ROUTER;
		m->dm_router = get32(v);
		return true;
	case OPT_DNS:
		if (n == 0 || n % 4 != 0)
			return false;
		for (i = 0; i < n / 4 && m->dm_ndns < DHCP_MAX_DNS; i++)
			m->dm_dns[m->dm_ndns++] = get32(v + 4 * i);
		return true;
	case OPT_HOSTNAME:
		m->dm_has |= DHO_HOSTNAME;
		return opt_name(v, n, m->dm_hostname);
	case OPT_DOMAIN:
		m->dm_has |= DHO_DOMAIN;
		return opt_name(v, n, m->dm_domain);
	case OPT_REQ_ADDR:
		m->dm_has |= DHO_REQ_ADDR;
		return opt_addr(v, n, &m->dm_req_addr);
	case OPT_LEASE:
		m->dm_has |= DHO_LEASE;
		return opt_addr(v, n, &m->dm_lease);
	case OPT_TYPE:
		if (n != 1 || v[0] < DHCPDISCOVER || v[0] > DHCPINFORM)
			return false;
		m->dm_type = v[0];
		return true;
	case OPT_SERVER_ID:
		m->dm_has |= DHO_SERVER_ID;
		return opt_addr(v, n, &m->dm_server_id);
	case OPT_PARAMS:
		m->dm_has |= DHO_PARAMS;
		return true;
	case OPT_T1:
		m->dm_has |= DHO_T1;
		return opt_addr(v, n, &m->dm_t1);
	case OPT_T2:
		m->dm_has |= DHO_T2;
		return opt_addr(v, n, &m->dm_t2);
	case OPT_CLIENT_ID:
		if (n < 2 || n > DHCP_MAX_ID)
			return false;
		m->dm_has |= DHO_CLIENT_ID;
		memcpy(m->dm_client_id, v, n);
		m->dm_client_id_len = n;
		return true;
	default:
		return true;	/* not ours: skipped */
	}
}

bool
dhcp_parse(const uint8_t *p, size_t len, struct dhcp_msg *m)
{
	size_t	off, n;
	uint8_t	code;

	memset(m, 0, sizeof(*m));
	if (len < DHCP_FIXED_LEN)
		return false;
	m->dm_op = p[0];
	m->dm_htype = p[1];
	m->dm_hlen = p[2];
	m->dm_hops = p[3];
	m->dm_xid = get32(p + 4);
	m->dm_secs = get16(p + 8);
	m->dm_flags = get16(p + 10);
	m->dm_ciaddr = get32(p + 12);
	m->dm_yiaddr = get32(p + 16);
	m->dm_siaddr = get32(p + 20);
	m->dm_giaddr = get32(p + 24);
	memcpy(m->dm_chaddr, p + 28, 16);
	if ((m->dm_op != BOOTREQUEST && m->dm_op != BOOTREPLY) ||
	    m->dm_hlen > 16)
		return false;
	if (len < DHCP_MIN_LEN || get32(p + DHCP_FIXED_LEN) != MAGIC)
		return true;	/* plain BOOTP: no options */
	for (off = DHCP_MIN_LEN; off < len;) {
		code = p[off++];
		if (code == OPT_PAD)
			continue;
		if (code == OPT_END)
			return true;
		if (off >= len)
			return false;
		n = p[off++];
		if (n > len - off)
			return false;
		if (!opt_one(m, code, p + off, n))
			return false;
		off += n;
	}
	/* No END: RFC 2131 requires it, but the options read whole. */
	return true;
}

static uint8_t *
put_opt(uint8_t *q, uint8_t code, const void *v, size_t n)
{
	*q++ = code;
	*q++ = (uint8_t)n;
	memcpy(q, v, n);
	return q + n;
}

static uint8_t *
put_opt32(uint8_t *q, uint8_t code, uint32_t v)
{
	uint8_t	b[4];

	put32(b, v);
	return put_opt(q, code, b, 4);
}

size_t
dhcp_build(const struct dhcp_msg *m, uint8_t *buf)
{
	/* IOS's client asks for mask, router, DNS, domain, hostname. */
	static const uint8_t	params[] = { OPT_MASK, OPT_ROUTER, OPT_DNS,
				    OPT_DOMAIN, OPT_HOSTNAME };
	uint8_t			*q, b[4 * DHCP_MAX_DNS];
	unsigned		 i;
	size_t			 len;

	memset(buf, 0, DHCP_MAX_LEN);
	buf[0] = m->dm_op;
	buf[1] = m->dm_htype;
	buf[2] = m->dm_hlen;
	buf[3] = m->dm_hops;
	put32(buf + 4, m->dm_xid);
	put16(buf + 8, m->dm_secs);
	put16(buf + 10, m->dm_flags);
	put32(buf + 12, m->dm_ciaddr);
	put32(buf + 16, m->dm_yiaddr);
	put32(buf + 20, m->dm_siaddr);
	put32(buf + 24, m->dm_giaddr);
	memcpy(buf + 28, m->dm_chaddr, 16);
	put32(buf + DHCP_FIXED_LEN, MAGIC);
	q = buf + DHCP_MIN_LEN;
	q = put_opt(q, OPT_TYPE, &m->dm_type, 1);
	if (m->dm_has & DHO_SERVER_ID)
		q = put_opt32(q, OPT_SERVER_ID, m->dm_server_id);
	if (m->dm_has & DHO_REQ_ADDR)
		q = put_opt32(q, OPT_REQ_ADDR, m->dm_req_addr);
	if (m->dm_has & DHO_LEASE)
		q = put_opt32(q, OPT_LEASE, m->dm_lease);
	if (m->dm_has & DHO_T1)
		q = put_opt32(q, OPT_T1, m->dm_t1);
	if (m->dm_has & DHO_T2)
		q = put_opt32(q, OPT_T2, m->dm_t2);
	if (m->dm_has & DHO_MASK)
		q = put_opt32(q, OPT_MASK, m->dm_mask);
	if (m->dm_has & DHO_ROUTER)
		q = put_opt32(q, OPT_ROUTER, m->dm_router);
	if (m->dm_ndns > 0) {
		for (i = 0; i < m->dm_ndns && i < DHCP_MAX_DNS; i++)
			put32(b + 4 * i, m->dm_dns[i]);
		q = put_opt(q, OPT_DNS, b, 4 * i);
	}
	if (m->dm_has & DHO_DOMAIN)
		q = put_opt(q, OPT_DOMAIN, m->dm_domain,
		    strnlen(m->dm_domain, DHCP_MAX_NAME - 1));
	if (m->dm_has & DHO_CLIENT_ID)
		q = put_opt(q, OPT_CLIENT_ID, m->dm_client_id,
		    m->dm_client_id_len);
	if (m->dm_has & DHO_HOSTNAME)
		q = put_opt(q, OPT_HOSTNAME, m->dm_hostname,
		    strnlen(m->dm_hostname, DHCP_MAX_NAME - 1));
	if (m->dm_has & DHO_PARAMS)
		q = put_opt(q, OPT_PARAMS, params, sizeof(params));
	*q++ = OPT_END;
	/* Worst case: 240 + 3 + 6 * 8 + 34 + 2 * 65 + 66 + 7 + 1 < 576.
	 * Padded to BOOTP's 300 bytes, which old relays expect. */
	len = (size_t)(q - buf);
	return len < 300 ? 300 : len;
}
