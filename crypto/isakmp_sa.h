/*
 * isakmp_sa: the SA payload (RFC 2408 3.4-3.6, RFC 2407 4.6.1) — its
 * proposals, their transforms, the transforms' attributes — parsed and
 * built; and data attributes (TV and TLV) wherever they occur, in
 * transforms and in mode-config ATTRIBUTE payloads.
 *
 * isakmp_sa_parse validates the whole tree once: every proposal and
 * transform length, the next-payload chaining inside the SA (2 or 0 for
 * proposals, 3 or 0 for transforms, 0 only at the end), the SPI size,
 * each proposal's transform count against the transforms present, every
 * attribute inside its transform, and the bounds below.  Afterwards the
 * iterators walk views into the message without allocating, in wire
 * order — the order IOS's policy walk and its debug lines follow.
 */
#ifndef IOSH_CRYPTO_ISAKMP_SA_H
#define IOSH_CRYPTO_ISAKMP_SA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/isakmp_build.h"
#include "crypto/isakmp_msg.h"

#define ISAKMP_MAX_PROPOSALS	64	/* per SA payload */
#define ISAKMP_MAX_ATTRS	64	/* per transform or ATTRIBUTE */

/* A position in a validated region (proposals, transforms, attributes). */
struct isakmp_iter {
	const uint8_t	*it_p;
	size_t		 it_left;
};

/* A data attribute.  A TLV value of 1 to 8 bytes is also a number
 * (variable-length life durations: RFC 2407 4.5 allows any length). */
struct isakmp_attr {
	uint16_t	 at_type;	/* without the AF bit */
	bool		 at_tv;		/* TV: 2-byte value, no length */
	uint16_t	 at_len;	/* value bytes (2 for TV) */
	const uint8_t	*at_val;	/* big-endian value bytes */
	bool		 at_isnum;	/* at_len 1..8 */
	uint64_t	 at_num;
};

struct isakmp_sa_pl {
	uint32_t	 sa_doi;	/* ISAKMP_DOI_IPSEC */
	uint32_t	 sa_sit;	/* IPSEC_SIT_* */
	unsigned	 sa_nprops;
	const uint8_t	*sa_props;	/* the proposal payloads */
	size_t		 sa_propslen;
};

struct isakmp_prop {
	uint8_t		 pr_next;	/* ISAKMP_PL_PROPOSAL, or NONE last */
	uint8_t		 pr_no;		/* proposal number */
	uint8_t		 pr_proto;	/* ISAKMP_PROTO_* */
	uint8_t		 pr_spisize;
	uint8_t		 pr_nxf;	/* transform count */
	const uint8_t	*pr_spi;
	const uint8_t	*pr_xfs;	/* the transform payloads */
	size_t		 pr_xfslen;
};

struct isakmp_xf {
	uint8_t		 xf_next;	/* ISAKMP_PL_TRANSFORM, or NONE last
					 * (IOS: "Next payload is 3") */
	uint8_t		 xf_no;		/* transform number */
	uint8_t		 xf_id;		/* ISAKMP_XF_KEY_IKE, IPSEC_ESP_* */
	unsigned	 xf_nattrs;
	const uint8_t	*xf_attrs;
	size_t		 xf_attrslen;
};

/* Validate the SA payload PL and describe it in SA. */
enum isakmp_err	isakmp_sa_parse(const struct isakmp_pld *pl,
		    struct isakmp_sa_pl *sa);
void		isakmp_sa_props(const struct isakmp_sa_pl *,
		    struct isakmp_iter *);
bool		isakmp_prop_next(struct isakmp_iter *, struct isakmp_prop *);
void		isakmp_prop_xfs(const struct isakmp_prop *,
		    struct isakmp_iter *);
bool		isakmp_xf_next(struct isakmp_iter *, struct isakmp_xf *);
void		isakmp_xf_attrs(const struct isakmp_xf *,
		    struct isakmp_iter *);

/* Attributes: validate a region of LEN bytes (each attribute fits, at
 * most ISAKMP_MAX_ATTRS; their count in *N), start and walk it. */
enum isakmp_err	isakmp_attrs_check(const uint8_t *p, size_t len,
		    unsigned *n);
void		isakmp_attrs_iter(const uint8_t *p, size_t len,
		    struct isakmp_iter *);
bool		isakmp_attr_next(struct isakmp_iter *, struct isakmp_attr *);

/*
 * Building: isakmp_build_sa_begin, then per proposal
 * isakmp_build_prop_begin, per transform isakmp_build_xf_begin, its
 * attributes, isakmp_build_end for the transform, the proposal and the
 * SA in turn.  Proposal transform counts and all chaining are written
 * by the builder.
 */
void	isakmp_build_sa_begin(struct isakmp_build *, uint32_t doi,
	    uint32_t sit);
void	isakmp_build_prop_begin(struct isakmp_build *, uint8_t no,
	    uint8_t proto, const uint8_t *spi, uint8_t spisize);
void	isakmp_build_xf_begin(struct isakmp_build *, uint8_t no, uint8_t id);
/* TV form: a basic attribute. */
void	isakmp_build_attr_tv(struct isakmp_build *, uint16_t type,
	    uint16_t val);
/* TLV form with VAL's LEN bytes (mode-config strings, addresses). */
void	isakmp_build_attr_tlv(struct isakmp_build *, uint16_t type,
	    const uint8_t *val, uint16_t len);
/* A variable-length number as IOS sends life durations: TLV of 4 bytes
 * (8 when it does not fit), e.g. "life duration (VPI) of 0x0 0x1 0x51
 * 0x80" for 86400 seconds. */
void	isakmp_build_attr_var(struct isakmp_build *, uint16_t type,
	    uint64_t val);
/* A parsed attribute, in its own form. */
void	isakmp_build_attr(struct isakmp_build *, const struct isakmp_attr *);

#endif
