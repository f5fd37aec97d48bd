/*
 * ike_cfg: the ATTRIBUTE payload of the transaction exchange (exchange 6)
 * as XAUTH (draft-beaulieu-ike-xauth) and mode-config
 * (draft-dukes-ike-mode-cfg) use it: a message type (REQUEST, REPLY, SET,
 * ACK), an identifier, and attributes whose values are checked against
 * what each attribute may hold before the engine reads them.
 *
 * isakmp_cfg_parse (isakmp_pld.c) has already kept every attribute inside
 * its payload; ike_cfg_decode adds the meaning: an IPv4 address is 0
 * (asked for) or 4 bytes, XAUTH_TYPE and XAUTH_STATUS are numbers, a name
 * or password is at most IKE_CFG_STR_MAX bytes, an attribute appears once.
 */
#ifndef IOSH_CRYPTO_IKE_CFG_H
#define IOSH_CRYPTO_IKE_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_sa.h"

#define IKE_CFG_STR_MAX		128	/* user name, password, domain */

/* Why a decoded ATTRIBUTE payload was refused. */
enum ike_cfg_err {
	IKE_CFG_OK = 0,
	IKE_CFG_E_PAYLOAD,	/* isakmp_cfg_parse refused it */
	IKE_CFG_E_TYPE,		/* message type not 1..4 */
	IKE_CFG_E_VALUE,	/* a value the wrong size for its attribute */
	IKE_CFG_E_DUP,		/* an attribute twice */
};

struct ike_cfgmsg {
	uint8_t			cm_type;	/* ISAKMP_CFG_* */
	uint16_t		cm_ident;
	unsigned		cm_nattrs;
	struct isakmp_attr	cm_attrs[ISAKMP_MAX_ATTRS];
};

enum ike_cfg_err	ike_cfg_decode(const struct isakmp_pld *,
			    struct ike_cfgmsg *);
const char		*ike_cfg_err_str(enum ike_cfg_err);
/* IOS's word for a message type: "REQUEST", "REPLY", "SET", "ACK". */
const char		*ike_cfg_type_name(uint8_t);
/* IOS's name of an attribute ("IP4_ADDRESS", "XAUTH_USER_NAME_V2"), or
 * NULL for one it does not know (it prints "Unknown Attr: 0x7000"). */
const char		*ike_cfg_attr_name(uint16_t);
/* The attribute TYPE of M, or NULL. */
const struct isakmp_attr *ike_cfg_find(const struct ike_cfgmsg *,
			    uint16_t type);
/* Copy a string attribute into BUF (NUL-terminated; a trailing NUL the
 * peer sent is dropped).  -1 when it does not fit or holds a NUL. */
int			ike_cfg_string(const struct isakmp_attr *, char *buf,
			    size_t size);

#endif
