/*
 * ike_cfg: meaning and checks of the transaction exchange's attributes;
 * see ike_cfg.h.
 */
#include <string.h>

#include "crypto/ike_cfg.h"
#include "crypto/isakmp_wire.h"

static const char *const cfg_err[] = {
	[IKE_CFG_OK] = "ok",
	[IKE_CFG_E_PAYLOAD] = "malformed attribute payload",
	[IKE_CFG_E_TYPE] = "unknown config message type",
	[IKE_CFG_E_VALUE] = "attribute value of the wrong size",
	[IKE_CFG_E_DUP] = "attribute repeated",
};

const char *
ike_cfg_err_str(enum ike_cfg_err e)
{
	return (e <= IKE_CFG_E_DUP ? cfg_err[e] : "?");
}

const char *
ike_cfg_type_name(uint8_t t)
{
	switch (t) {
	case ISAKMP_CFG_REQUEST:	return ("REQUEST");
	case ISAKMP_CFG_REPLY:		return ("REPLY");
	case ISAKMP_CFG_SET:		return ("SET");
	case ISAKMP_CFG_ACK:		return ("ACK");
	}
	return ("UNKNOWN");
}

/*
 * The names IOS 12.3 prints (seed 002).  It knows DEFAULT_DOMAIN and
 * SPLIT_INCLUDE of the Unity range and reports the rest as unknown; the
 * XAUTH attributes carry the "_V2" of the draft's second numbering.
 */
const char *
ike_cfg_attr_name(uint16_t t)
{
	switch (t) {
	case CFG_INTERNAL_IP4_ADDRESS:	return ("IP4_ADDRESS");
	case CFG_INTERNAL_IP4_NETMASK:	return ("IP4_NETMASK");
	case CFG_INTERNAL_IP4_DNS:	return ("IP4_DNS");
	case CFG_INTERNAL_IP4_NBNS:	return ("IP4_NBNS");
	case CFG_INTERNAL_ADDRESS_EXPIRY: return ("ADDRESS_EXPIRY");
	case CFG_INTERNAL_IP4_DHCP:	return ("IP4_DHCP");
	case CFG_APPLICATION_VERSION:	return ("APPLICATION_VERSION");
	case CFG_INTERNAL_IP4_SUBNET:	return ("IP4_SUBNET");
	case CFG_SUPPORTED_ATTRIBUTES:	return ("SUPPORTED_ATTRIBUTES");
	case UNITY_DEF_DOMAIN:		return ("DEFAULT_DOMAIN");
	case UNITY_SPLIT_INCLUDE:	return ("SPLIT_INCLUDE");
	case XAUTH_TYPE:		return ("XAUTH_TYPE_V2");
	case XAUTH_USER_NAME:		return ("XAUTH_USER_NAME_V2");
	case XAUTH_USER_PASSWORD:	return ("XAUTH_USER_PASSWORD_V2");
	case XAUTH_PASSCODE:		return ("XAUTH_PASSCODE_V2");
	case XAUTH_MESSAGE:		return ("XAUTH_MESSAGE_V2");
	case XAUTH_CHALLENGE:		return ("XAUTH_CHALLENGE_V2");
	case XAUTH_DOMAIN:		return ("XAUTH_DOMAIN_V2");
	case XAUTH_STATUS:		return ("XAUTH_STATUS_V2");
	case XAUTH_NEXT_PIN:		return ("XAUTH_NEXT_PIN_V2");
	case XAUTH_ANSWER:		return ("XAUTH_ANSWER_V2");
	}
	return (NULL);
}

/* Whether A's value is one its attribute may hold.  An empty value is
 * how a REQUEST asks for an attribute, so it is always allowed. */
static bool
value_ok(const struct isakmp_attr *a)
{
	if (a->at_len == 0 && !a->at_tv)
		return (true);
	switch (a->at_type) {
	case CFG_INTERNAL_IP4_ADDRESS:
	case CFG_INTERNAL_IP4_NETMASK:
	case CFG_INTERNAL_IP4_DNS:
	case CFG_INTERNAL_IP4_NBNS:
	case CFG_INTERNAL_IP4_DHCP:
	case CFG_INTERNAL_ADDRESS_EXPIRY:
		return (!a->at_tv && a->at_len == 4);
	case CFG_INTERNAL_IP4_SUBNET:
		return (!a->at_tv && a->at_len == 8);
	case UNITY_SPLIT_INCLUDE:
		/* Cisco's 14-byte entries: address, mask, protocol,
		 * source and destination port. */
		return (!a->at_tv && a->at_len % 14 == 0);
	case XAUTH_TYPE:
	case XAUTH_STATUS:
		return (a->at_isnum && a->at_num <= 0xffff);
	case XAUTH_USER_NAME:
	case XAUTH_USER_PASSWORD:
	case XAUTH_PASSCODE:
	case XAUTH_DOMAIN:
	case XAUTH_NEXT_PIN:
	case XAUTH_ANSWER:
	case UNITY_DEF_DOMAIN:
		return (!a->at_tv && a->at_len <= IKE_CFG_STR_MAX);
	}
	return (true);
}

enum ike_cfg_err
ike_cfg_decode(const struct isakmp_pld *pl, struct ike_cfgmsg *m)
{
	struct isakmp_cfg	cf;
	struct isakmp_iter	it;
	struct isakmp_attr	a;
	unsigned		i;

	memset(m, 0, sizeof(*m));
	if (pl->pl_type != ISAKMP_PL_ATTR ||
	    isakmp_cfg_parse(pl, &cf) != ISAKMP_OK)
		return (IKE_CFG_E_PAYLOAD);
	if (cf.cf_type < ISAKMP_CFG_REQUEST || cf.cf_type > ISAKMP_CFG_ACK)
		return (IKE_CFG_E_TYPE);
	m->cm_type = cf.cf_type;
	m->cm_ident = cf.cf_ident;
	isakmp_cfg_attrs(&cf, &it);
	while (isakmp_attr_next(&it, &a)) {
		/* isakmp_attrs_check bounded the count already. */
		if (m->cm_nattrs == ISAKMP_MAX_ATTRS)
			return (IKE_CFG_E_PAYLOAD);
		if (!value_ok(&a))
			return (IKE_CFG_E_VALUE);
		/* Lists (DNS, NBNS, subnets) may repeat; a scalar may not. */
		for (i = 0; i < m->cm_nattrs; i++)
			if (m->cm_attrs[i].at_type == a.at_type &&
			    (a.at_type < CFG_INTERNAL_IP4_DNS ||
			    a.at_type >= XAUTH_TYPE))
				return (IKE_CFG_E_DUP);
		m->cm_attrs[m->cm_nattrs++] = a;
	}
	return (IKE_CFG_OK);
}

const struct isakmp_attr *
ike_cfg_find(const struct ike_cfgmsg *m, uint16_t type)
{
	unsigned	i;

	for (i = 0; i < m->cm_nattrs; i++)
		if (m->cm_attrs[i].at_type == type)
			return (&m->cm_attrs[i]);
	return (NULL);
}

int
ike_cfg_string(const struct isakmp_attr *a, char *buf, size_t size)
{
	size_t	len;

	if (a->at_tv || size == 0)
		return (-1);
	len = a->at_len;
	if (len > 0 && a->at_val[len - 1] == '\0')
		len--;
	if (len >= size || memchr(a->at_val, '\0', len) != NULL)
		return (-1);
	memcpy(buf, a->at_val, len);
	buf[len] = '\0';
	return (0);
}
