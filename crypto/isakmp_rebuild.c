/*
 * isakmp_rebuild: parse each payload of a decoded message and build it
 * again (see isakmp_rebuild.h).
 */
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_rebuild.h"
#include "crypto/isakmp_sa.h"

static enum isakmp_err
rebuild_sa(struct isakmp_build *b, const struct isakmp_pld *pl)
{
	struct isakmp_sa_pl	sa;
	struct isakmp_prop	pr;
	struct isakmp_xf	xf;
	struct isakmp_attr	a;
	struct isakmp_iter	pi, xi, ai;
	enum isakmp_err		e;

	if ((e = isakmp_sa_parse(pl, &sa)) != ISAKMP_OK)
		return (e);
	isakmp_build_sa_begin(b, sa.sa_doi, sa.sa_sit);
	isakmp_sa_props(&sa, &pi);
	while (isakmp_prop_next(&pi, &pr)) {
		isakmp_build_prop_begin(b, pr.pr_no, pr.pr_proto, pr.pr_spi,
		    pr.pr_spisize);
		isakmp_prop_xfs(&pr, &xi);
		while (isakmp_xf_next(&xi, &xf)) {
			isakmp_build_xf_begin(b, xf.xf_no, xf.xf_id);
			isakmp_xf_attrs(&xf, &ai);
			while (isakmp_attr_next(&ai, &a))
				isakmp_build_attr(b, &a);
			isakmp_build_end(b);
		}
		isakmp_build_end(b);
	}
	isakmp_build_end(b);
	return (ISAKMP_OK);
}

static enum isakmp_err
rebuild_cfg(struct isakmp_build *b, const struct isakmp_pld *pl)
{
	struct isakmp_cfg	cf;
	struct isakmp_attr	a;
	struct isakmp_iter	ai;
	enum isakmp_err		e;

	if ((e = isakmp_cfg_parse(pl, &cf)) != ISAKMP_OK)
		return (e);
	isakmp_build_cfg_begin(b, cf.cf_type, cf.cf_ident);
	isakmp_cfg_attrs(&cf, &ai);
	while (isakmp_attr_next(&ai, &a))
		isakmp_build_attr(b, &a);
	isakmp_build_end(b);
	return (ISAKMP_OK);
}

static enum isakmp_err
rebuild_pld(struct isakmp_build *b, const struct isakmp_pld *pl)
{
	union {
		struct isakmp_id	id;
		struct isakmp_notify	n;
		struct isakmp_delete	d;
		struct isakmp_natoa	na;
		struct isakmp_cert	ce;
	} u;
	enum isakmp_err	e;

	switch (pl->pl_type) {
	case ISAKMP_PL_SA:
		return (rebuild_sa(b, pl));
	case ISAKMP_PL_ATTR:
		return (rebuild_cfg(b, pl));
	case ISAKMP_PL_ID:
		if ((e = isakmp_id_parse(pl, &u.id)) == ISAKMP_OK)
			isakmp_build_id(b, &u.id);
		return (e);
	case ISAKMP_PL_NOTIFY:
		if ((e = isakmp_notify_parse(pl, &u.n)) == ISAKMP_OK)
			isakmp_build_notify(b, &u.n);
		return (e);
	case ISAKMP_PL_DELETE:
		if ((e = isakmp_delete_parse(pl, &u.d)) == ISAKMP_OK)
			isakmp_build_delete(b, &u.d);
		return (e);
	case ISAKMP_PL_NAT_OA:
	case ISAKMP_PL_NAT_OA_DRAFT:
		if ((e = isakmp_natoa_parse(pl, &u.na)) == ISAKMP_OK)
			isakmp_build_natoa(b, pl->pl_type, &u.na);
		return (e);
	case ISAKMP_PL_CERT:
	case ISAKMP_PL_CERTREQ:
		if ((e = isakmp_cert_parse(pl, &u.ce)) == ISAKMP_OK)
			isakmp_build_cert(b, pl->pl_type, &u.ce);
		return (e);
	default:
		/* Opaque and unknown payloads, after their checks. */
		if ((e = isakmp_pld_check(pl)) == ISAKMP_OK)
			isakmp_build_payload(b, pl->pl_type, pl->pl_body,
			    pl->pl_bodylen);
		return (e);
	}
}

enum isakmp_err
isakmp_rebuild(const struct isakmp_msg *m, uint8_t *buf, size_t cap,
    size_t *len)
{
	struct isakmp_build	b;
	unsigned		i;
	enum isakmp_err		e;

	isakmp_build_init(&b, buf, cap, &m->im_hdr);
	for (i = 0; i < m->im_npld; i++)
		if ((e = rebuild_pld(&b, &m->im_pld[i])) != ISAKMP_OK)
			return (e);
	return (isakmp_build_finish(&b, len));
}
