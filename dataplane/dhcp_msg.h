/*
 * dhcp_msg: the DHCP/BOOTP message (RFC 2131, options RFC 2132) as the
 * client and the server read and write it.  Parsing takes untrusted bytes:
 * every length is checked against what was received, options are walked
 * with their lengths bounded, and what does not fit a field is refused,
 * never truncated into another.  Only what iosh uses is kept.
 */
#ifndef IOSH_DATAPLANE_DHCP_MSG_H
#define IOSH_DATAPLANE_DHCP_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DHCP_SERVER_PORT	67
#define DHCP_CLIENT_PORT	68

#define BOOTREQUEST	1
#define BOOTREPLY	2

/* Message types (option 53). */
enum dhcp_type {
	DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK,
	DHCPNAK, DHCPRELEASE, DHCPINFORM
};

#define DHCP_FIXED_LEN	236	/* op .. file */
#define DHCP_MIN_LEN	(DHCP_FIXED_LEN + 4)	/* and the magic cookie */
#define DHCP_MAX_LEN	576	/* what every client must accept */
#define DHCP_FLAG_BROADCAST	0x8000
#define DHCP_MAX_DNS	8
#define DHCP_MAX_ID	64	/* client identifier bytes kept */
#define DHCP_MAX_NAME	64	/* hostname, domain name (with NUL) */

/* Which optional fields a message carries. */
#define DHO_MASK	0x0001
#define DHO_ROUTER	0x0002
#define DHO_LEASE	0x0004
#define DHO_SERVER_ID	0x0008
#define DHO_REQ_ADDR	0x0010
#define DHO_T1		0x0020
#define DHO_T2		0x0040
#define DHO_CLIENT_ID	0x0080
#define DHO_HOSTNAME	0x0100
#define DHO_DOMAIN	0x0200
#define DHO_PARAMS	0x0400	/* a parameter request list was sent */

struct dhcp_msg {
	uint8_t		dm_op;
	uint8_t		dm_htype, dm_hlen, dm_hops;
	uint32_t	dm_xid;
	uint16_t	dm_secs, dm_flags;
	uint32_t	dm_ciaddr, dm_yiaddr, dm_siaddr, dm_giaddr;
	uint8_t		dm_chaddr[16];
	uint8_t		dm_type;	/* 0: BOOTP, no option 53 */
	unsigned	dm_has;		/* DHO_* */
	uint32_t	dm_mask, dm_router, dm_server_id, dm_req_addr;
	uint32_t	dm_lease, dm_t1, dm_t2;	/* seconds */
	uint32_t	dm_dns[DHCP_MAX_DNS];
	unsigned	dm_ndns;
	uint8_t		dm_client_id[DHCP_MAX_ID];
	size_t		dm_client_id_len;
	char		dm_hostname[DHCP_MAX_NAME];
	char		dm_domain[DHCP_MAX_NAME];
};

/* Decode the UDP payload P: false if it is not a well-formed DHCP or
 * BOOTP message (short, bad cookie, an option running past the end, a
 * value of the wrong size). */
bool	dhcp_parse(const uint8_t *p, size_t len, struct dhcp_msg *);
/* Encode M into BUF (at least DHCP_MAX_LEN bytes): its length. */
size_t	dhcp_build(const struct dhcp_msg *, uint8_t *buf);

#endif
