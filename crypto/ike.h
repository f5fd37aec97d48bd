/*
 * ike: the IKEv1 engine as the rest of crypto/ starts, stops and drives
 * it (see ike_int.h for its files).  crypto_new attaches it to the
 * router's dataplane — UDP port 500 and the crypto hook — and
 * crypto_free detaches it, tearing every SA down.
 */
#ifndef IOSH_CRYPTO_IKE_H
#define IOSH_CRYPTO_IKE_H

struct crypto;

void	ike_attach(struct crypto *);
void	ike_detach(struct crypto *);
/* `clear crypto isakmp`: every ISAKMP SA, the peers told. */
void	ike_clear_isakmp(struct crypto *);
/* `clear crypto sa`: every IPsec SA, the peers told. */
void	ipsec_clear(struct crypto *);

#endif
