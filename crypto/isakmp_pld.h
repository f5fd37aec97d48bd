/*
 * isakmp_pld: the payloads other than SA — ID, NOTIFY, DELETE, NAT-OA,
 * ATTRIBUTE (mode-config, XAUTH), CERT and CERTREQ, and the opaque ones
 * (KE, HASH, SIG, NONCE, VID, NAT-D) — parsed into views and built.
 *
 * A parse function takes a payload the chain walk accepted (so its fixed
 * part is there, see isakmp_msg.c) and checks the rest: the ID data
 * length its type requires, SPI sizes and counts against the body, the
 * nonce length of RFC 2409 5 (8 to 256 bytes), attributes inside their
 * payload.  isakmp_pld_check runs the right one for any payload, so the
 * engine can validate a whole message before a handler acts on it.
 */
#ifndef IOSH_CRYPTO_ISAKMP_PLD_H
#define IOSH_CRYPTO_ISAKMP_PLD_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_build.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_sa.h"

#define ISAKMP_NONCE_MIN	8
#define ISAKMP_NONCE_MAX	256

/* ID (RFC 2407 4.6.2): IKE identities and Quick Mode proxy IDs. */
struct isakmp_id {
	uint8_t		 id_type;	/* IPSEC_ID_* */
	uint8_t		 id_proto;	/* IP protocol, 0 = any */
	uint16_t	 id_port;	/* 0 = any */
	const uint8_t	*id_data;	/* address(es), name or key ID */
	size_t		 id_len;
};

/* NOTIFY (RFC 2408 3.14): errors, RESPONDER-LIFETIME, INITIAL-CONTACT,
 * DPD R-U-THERE and its ACK (the data is the sequence number). */
struct isakmp_notify {
	uint32_t	 n_doi;
	uint8_t		 n_proto;
	uint8_t		 n_spisize;
	uint16_t	 n_type;	/* ISAKMP_N_*, IPSEC_N_* */
	const uint8_t	*n_spi;
	const uint8_t	*n_data;
	size_t		 n_datalen;
};

/* DELETE (RFC 2408 3.15): N_NSPI SPIs of N_SPISIZE bytes each. */
struct isakmp_delete {
	uint32_t	 d_doi;
	uint8_t		 d_proto;
	uint8_t		 d_spisize;	/* 16 for ISAKMP (the cookies), 4 */
	uint16_t	 d_nspi;
	const uint8_t	*d_spis;
};

/* NAT-OA (RFC 3947 5.2; draft type 131): the original address. */
struct isakmp_natoa {
	uint8_t		 na_idtype;	/* IPSEC_ID_IPV4_ADDR or IPV6_ADDR */
	const uint8_t	*na_addr;
	size_t		 na_len;	/* 4 or 16 */
};

/* ATTRIBUTE (draft-dukes-ike-mode-cfg 3.2). */
struct isakmp_cfg {
	uint8_t		 cf_type;	/* ISAKMP_CFG_* */
	uint16_t	 cf_ident;
	unsigned	 cf_nattrs;
	const uint8_t	*cf_attrs;
	size_t		 cf_attrslen;
};

/* CERT and CERTREQ (RFC 2408 3.9, 3.10), kept raw. */
struct isakmp_cert {
	uint8_t		 ce_enc;	/* ISAKMP_CERT_* */
	const uint8_t	*ce_data;	/* certificate, or CA name */
	size_t		 ce_len;
};

enum isakmp_err	isakmp_id_parse(const struct isakmp_pld *,
		    struct isakmp_id *);
enum isakmp_err	isakmp_notify_parse(const struct isakmp_pld *,
		    struct isakmp_notify *);
enum isakmp_err	isakmp_delete_parse(const struct isakmp_pld *,
		    struct isakmp_delete *);
enum isakmp_err	isakmp_natoa_parse(const struct isakmp_pld *,
		    struct isakmp_natoa *);
enum isakmp_err	isakmp_cfg_parse(const struct isakmp_pld *,
		    struct isakmp_cfg *);
enum isakmp_err	isakmp_cert_parse(const struct isakmp_pld *,
		    struct isakmp_cert *);
/* KE, HASH, SIG, VID, NAT-D need data; NONCE 8..256 bytes. */
enum isakmp_err	isakmp_data_check(const struct isakmp_pld *);
/* Validate any payload according to its type; unknown types pass. */
enum isakmp_err	isakmp_pld_check(const struct isakmp_pld *);

/* The I-th SPI of a parsed DELETE. */
static inline const uint8_t *
isakmp_delete_spi(const struct isakmp_delete *d, unsigned i)
{
	return (d->d_spis + (size_t)i * d->d_spisize);
}

void	isakmp_cfg_attrs(const struct isakmp_cfg *, struct isakmp_iter *);

/* Builders; the opaque payloads use isakmp_build_payload.  TYPE is the
 * payload type where two exist (NAT-OA 21 or 131). */
void	isakmp_build_id(struct isakmp_build *, const struct isakmp_id *);
void	isakmp_build_notify(struct isakmp_build *,
	    const struct isakmp_notify *);
void	isakmp_build_delete(struct isakmp_build *,
	    const struct isakmp_delete *);
void	isakmp_build_natoa(struct isakmp_build *, uint8_t type,
	    const struct isakmp_natoa *);
void	isakmp_build_cert(struct isakmp_build *, uint8_t type,
	    const struct isakmp_cert *);
/* Open an ATTRIBUTE payload; add attributes with isakmp_build_attr_*,
 * close with isakmp_build_end. */
void	isakmp_build_cfg_begin(struct isakmp_build *, uint8_t cfgtype,
	    uint16_t ident);

#endif
