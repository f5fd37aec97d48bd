/*
 * ike_p1sel: choosing an ISAKMP transform, as IOS does it.
 *
 * The walk is IOS's: for each configured policy in priority order, each
 * offered transform in wire order is printed attribute by attribute and
 * checked — encryption (and AES key length), hash, authentication, DH
 * group — and the first mismatch is named; the first transform that
 * passes wins.  Lifetimes never refuse a transform: the shorter of the
 * offer and the policy is used.  The responder runs it on the offer, the
 * initiator on the one transform the responder chose (seeds 000, 001).
 */
#ifndef IOSH_CRYPTO_IKE_P1SEL_H
#define IOSH_CRYPTO_IKE_P1SEL_H

#include <stdbool.h>
#include <stdint.h>

#include "crypto/isakmp_sa.h"

struct crypto;
struct isakmp_policy;

struct ike_p1_sel {
	const struct isakmp_policy *ps_policy;	/* the policy it matched */
	struct isakmp_xf	    ps_xf;	/* the transform accepted */
	bool			    ps_xauth;	/* XAUTHInitPreShared */
	uint32_t		    ps_life;	/* seconds in force */
};

/* Walk the policies against the transforms of PROP, debugging under
 * CONNID; true and *SEL filled if one was accepted. */
bool	ike_p1_select(const struct crypto *, uint32_t connid,
	    const struct isakmp_prop *prop, struct ike_p1_sel *sel);

#endif
