/*
 * ike_p2sel: reading a Quick Mode SA offer and matching it against
 * transform sets, as IOS does.
 *
 * IOS splits the work in two: ISAKMP walks each proposal's transforms,
 * printing every attribute and checking that it is one it supports
 * ("atts are acceptable."); the IPsec layer then compares the proposal
 * with the transform sets of the crypto map entry the proxies chose and
 * refuses it by name ("transform proposal not supported for identity:
 * {esp-des esp-sha-hmac }").  ike_p2_read is the first half, ike_p2_match
 * the second; the engine runs them per proposal, in order.
 */
#ifndef IOSH_CRYPTO_IKE_P2SEL_H
#define IOSH_CRYPTO_IKE_P2SEL_H

#include <stdbool.h>
#include <stdint.h>

#include "crypto/crypto_int.h"
#include "crypto/isakmp_sa.h"
#include "lib/strbuf.h"

struct crypto;
struct transform_set;

/* One proposal: its ESP and AH parts under one proposal number. */
struct p2_offer {
	uint8_t		 po_no;
	bool		 po_esp;
	uint8_t		 po_esp_id;	/* IPSEC_ESP_* */
	unsigned	 po_keylen;	/* AES bits, 0 if not sent */
	uint16_t	 po_auth;	/* IPSEC_AUTH_*, 0: none */
	uint8_t		 po_esp_spi[4];
	bool		 po_ah;
	uint8_t		 po_ah_id;	/* IPSEC_AH_* */
	uint8_t		 po_ah_spi[4];
	uint16_t	 po_encaps;	/* IPSEC_ENCAP_* */
	uint32_t	 po_life_s;	/* 0: not sent */
	uint64_t	 po_life_kb;	/* 0: not sent */
	unsigned	 po_group;	/* PFS group, 0: none */
	bool		 po_ok;		/* every attribute supported */
};

/*
 * Read the proposal at the iterator (the first of its number) and those
 * that follow with the same number into OF, printing IOS's lines under
 * CONNID.  Returns false when no proposal is left.
 */
bool	ike_p2_read(const struct crypto *, uint32_t connid,
	    struct isakmp_iter *props, struct p2_offer *of);
/* The first of SETS[0..N) the offer matches (PFS group PFS must be
 * offered when non-zero), or NULL. */
const struct transform_set *ike_p2_match(const struct p2_offer *,
	    const struct transform_set *const *sets, size_t n, unsigned pfs);
/* The AH transform ID of a transform set's AH (RFC 2407 §4.4.3). */
uint8_t	ike_p2_ah_id(enum ts_ah);
/* "esp-des esp-sha-hmac", the offer in transform-set words. */
void	ike_p2_offer_text(const struct p2_offer *, struct strbuf *);

#endif
