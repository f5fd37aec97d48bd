/*
 * isakmp_pld: parsing and building of the payloads other than SA (see
 * isakmp_pld.h).  The chain walk guarantees each body's fixed part; the
 * functions here check what follows it.
 */
#include "crypto/isakmp_pld.h"

/*
 * The data length an ID type requires: 0 when any non-empty length is
 * valid (names, key IDs, DNs), -1 for a type RFC 2407 does not define.
 */
static int
id_datalen(uint8_t type)
{
	switch (type) {
	case IPSEC_ID_IPV4_ADDR:
		return (4);
	case IPSEC_ID_IPV4_SUBNET:
	case IPSEC_ID_IPV4_RANGE:
		return (8);
	case IPSEC_ID_IPV6_ADDR:
		return (16);
	case IPSEC_ID_IPV6_SUBNET:
	case IPSEC_ID_IPV6_RANGE:
		return (32);
	case IPSEC_ID_FQDN:
	case IPSEC_ID_USER_FQDN:
	case IPSEC_ID_DER_ASN1_DN:
	case IPSEC_ID_DER_ASN1_GN:
	case IPSEC_ID_KEY_ID:
		return (0);
	default:
		return (-1);
	}
}

enum isakmp_err
isakmp_id_parse(const struct isakmp_pld *pl, struct isakmp_id *id)
{
	int	want;

	if (pl->pl_bodylen < 4)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	id->id_type = pl->pl_body[0];
	id->id_proto = pl->pl_body[1];
	id->id_port = get16(pl->pl_body + 2);
	id->id_data = pl->pl_body + 4;
	id->id_len = pl->pl_bodylen - 4;
	want = id_datalen(id->id_type);
	if (want < 0 || (want == 0 && id->id_len == 0) ||
	    (want > 0 && id->id_len != (size_t)want))
		return (ISAKMP_E_ID);
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_notify_parse(const struct isakmp_pld *pl, struct isakmp_notify *n)
{
	if (pl->pl_bodylen < 8)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	n->n_doi = get32(pl->pl_body);
	n->n_proto = pl->pl_body[4];
	n->n_spisize = pl->pl_body[5];
	n->n_type = get16(pl->pl_body + 6);
	if (n->n_spisize > pl->pl_bodylen - 8)
		return (ISAKMP_E_SPI);
	n->n_spi = pl->pl_body + 8;
	n->n_data = n->n_spi + n->n_spisize;
	n->n_datalen = pl->pl_bodylen - 8 - n->n_spisize;
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_delete_parse(const struct isakmp_pld *pl, struct isakmp_delete *d)
{
	if (pl->pl_bodylen < 8)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	d->d_doi = get32(pl->pl_body);
	d->d_proto = pl->pl_body[4];
	d->d_spisize = pl->pl_body[5];
	d->d_nspi = get16(pl->pl_body + 6);
	d->d_spis = pl->pl_body + 8;
	/* The SPIs fill the rest exactly; a delete of nothing is not one. */
	if (d->d_spisize == 0 || d->d_nspi == 0 ||
	    (size_t)d->d_spisize * d->d_nspi != pl->pl_bodylen - 8)
		return (ISAKMP_E_SPI);
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_natoa_parse(const struct isakmp_pld *pl, struct isakmp_natoa *na)
{
	if (pl->pl_bodylen < 4)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	na->na_idtype = pl->pl_body[0];
	na->na_addr = pl->pl_body + 4;
	na->na_len = pl->pl_bodylen - 4;
	if (!(na->na_idtype == IPSEC_ID_IPV4_ADDR && na->na_len == 4) &&
	    !(na->na_idtype == IPSEC_ID_IPV6_ADDR && na->na_len == 16))
		return (ISAKMP_E_ID);
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_cfg_parse(const struct isakmp_pld *pl, struct isakmp_cfg *cf)
{
	if (pl->pl_bodylen < 4)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	cf->cf_type = pl->pl_body[0];
	cf->cf_ident = get16(pl->pl_body + 2);
	cf->cf_attrs = pl->pl_body + 4;
	cf->cf_attrslen = pl->pl_bodylen - 4;
	return (isakmp_attrs_check(cf->cf_attrs, cf->cf_attrslen,
	    &cf->cf_nattrs));
}

void
isakmp_cfg_attrs(const struct isakmp_cfg *cf, struct isakmp_iter *it)
{
	isakmp_attrs_iter(cf->cf_attrs, cf->cf_attrslen, it);
}

enum isakmp_err
isakmp_cert_parse(const struct isakmp_pld *pl, struct isakmp_cert *ce)
{
	if (pl->pl_bodylen < 1)
		return (ISAKMP_E_PAYLOAD_LENGTH);
	ce->ce_enc = pl->pl_body[0];
	ce->ce_data = pl->pl_body + 1;
	ce->ce_len = pl->pl_bodylen - 1;
	return (ISAKMP_OK);
}

enum isakmp_err
isakmp_data_check(const struct isakmp_pld *pl)
{
	if (pl->pl_type == ISAKMP_PL_NONCE)
		return (pl->pl_bodylen >= ISAKMP_NONCE_MIN &&
		    pl->pl_bodylen <= ISAKMP_NONCE_MAX ? ISAKMP_OK :
		    ISAKMP_E_NONCE);
	return (pl->pl_bodylen > 0 ? ISAKMP_OK : ISAKMP_E_EMPTY);
}

enum isakmp_err
isakmp_pld_check(const struct isakmp_pld *pl)
{
	union {
		struct isakmp_sa_pl	sa;
		struct isakmp_id	id;
		struct isakmp_notify	n;
		struct isakmp_delete	d;
		struct isakmp_natoa	na;
		struct isakmp_cfg	cf;
		struct isakmp_cert	ce;
	} u;

	switch (pl->pl_type) {
	case ISAKMP_PL_SA:
		return (isakmp_sa_parse(pl, &u.sa));
	case ISAKMP_PL_ID:
		return (isakmp_id_parse(pl, &u.id));
	case ISAKMP_PL_NOTIFY:
		return (isakmp_notify_parse(pl, &u.n));
	case ISAKMP_PL_DELETE:
		return (isakmp_delete_parse(pl, &u.d));
	case ISAKMP_PL_NAT_OA:
	case ISAKMP_PL_NAT_OA_DRAFT:
		return (isakmp_natoa_parse(pl, &u.na));
	case ISAKMP_PL_ATTR:
		return (isakmp_cfg_parse(pl, &u.cf));
	case ISAKMP_PL_CERT:
	case ISAKMP_PL_CERTREQ:
		return (isakmp_cert_parse(pl, &u.ce));
	case ISAKMP_PL_KE:
	case ISAKMP_PL_HASH:
	case ISAKMP_PL_SIG:
	case ISAKMP_PL_NONCE:
	case ISAKMP_PL_VID:
	case ISAKMP_PL_NAT_D:
	case ISAKMP_PL_NAT_D_DRAFT:
		return (isakmp_data_check(pl));
	default:
		return (ISAKMP_OK);
	}
}

void
isakmp_build_id(struct isakmp_build *b, const struct isakmp_id *id)
{
	isakmp_build_begin(b, ISAKMP_PL_ID);
	isakmp_build_u8(b, id->id_type);
	isakmp_build_u8(b, id->id_proto);
	isakmp_build_u16(b, id->id_port);
	isakmp_build_put(b, id->id_data, id->id_len);
	isakmp_build_end(b);
}

void
isakmp_build_notify(struct isakmp_build *b, const struct isakmp_notify *n)
{
	isakmp_build_begin(b, ISAKMP_PL_NOTIFY);
	isakmp_build_u32(b, n->n_doi);
	isakmp_build_u8(b, n->n_proto);
	isakmp_build_u8(b, n->n_spisize);
	isakmp_build_u16(b, n->n_type);
	isakmp_build_put(b, n->n_spi, n->n_spisize);
	isakmp_build_put(b, n->n_data, n->n_datalen);
	isakmp_build_end(b);
}

void
isakmp_build_delete(struct isakmp_build *b, const struct isakmp_delete *d)
{
	isakmp_build_begin(b, ISAKMP_PL_DELETE);
	isakmp_build_u32(b, d->d_doi);
	isakmp_build_u8(b, d->d_proto);
	isakmp_build_u8(b, d->d_spisize);
	isakmp_build_u16(b, d->d_nspi);
	isakmp_build_put(b, d->d_spis, (size_t)d->d_spisize * d->d_nspi);
	isakmp_build_end(b);
}

void
isakmp_build_natoa(struct isakmp_build *b, uint8_t type,
    const struct isakmp_natoa *na)
{
	isakmp_build_begin(b, type);
	isakmp_build_u8(b, na->na_idtype);
	isakmp_build_put(b, NULL, 3);	/* reserved */
	isakmp_build_put(b, na->na_addr, na->na_len);
	isakmp_build_end(b);
}

void
isakmp_build_cert(struct isakmp_build *b, uint8_t type,
    const struct isakmp_cert *ce)
{
	isakmp_build_begin(b, type);
	isakmp_build_u8(b, ce->ce_enc);
	isakmp_build_put(b, ce->ce_data, ce->ce_len);
	isakmp_build_end(b);
}

void
isakmp_build_cfg_begin(struct isakmp_build *b, uint8_t cfgtype,
    uint16_t ident)
{
	isakmp_build_begin(b, ISAKMP_PL_ATTR);
	isakmp_build_u8(b, cfgtype);
	isakmp_build_u8(b, 0);		/* reserved */
	isakmp_build_u16(b, ident);
}
