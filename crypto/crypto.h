/*
 * crypto: the crypto subsystem of one router — its configuration objects
 * (ISAKMP policies and keys, keyrings, profiles, client groups, transform
 * sets, IPsec profiles, dynamic and static crypto maps, local pools), its
 * debug switches, and later the IKE engine and the SA database.
 *
 * The shell creates it at start-up and reaches it as vty->v_sys->sy_crypto;
 * it reaches the dataplane (ACLs, interfaces) through vty->v_sys->sy_dp.
 */
#ifndef IOSH_CRYPTO_CRYPTO_H
#define IOSH_CRYPTO_CRYPTO_H

#include "lib/nvgen.h"
#include "lib/strbuf.h"

struct crypto;
struct system;

struct crypto	*crypto_new(struct system *);
void		 crypto_free(struct crypto *);
/* Render the crypto objects that belong to SECTION of the running config. */
void		 crypto_nvgen(const struct crypto *, enum nv_section,
		    struct strbuf *);
/* `crypto pki trustpoint` and `certificate chain` blocks, stored but
 * inert: the shell places them in its global lines, where IOS prints
 * them (after multilink bundle-name, before license udi). */
void		 crypto_pki_nvgen(const struct crypto *, struct strbuf *);
/* The `crypto ikev2 proposal|policy|keyring|profile` blocks, stored but
 * not acted on (iosh speaks IKEv1 only): rendered in NV_CRYPTO and by
 * `show iosh inert`. */
void		 ikev2_nvgen(const struct crypto *, struct strbuf *);
/* The "Cryptographic Subsystem:" block of `show debugging` (nothing when
 * no crypto debug is on). */
void		 crypto_show_debugging(const struct crypto *, struct strbuf *);
/* `undebug all` / `no debug all`: every crypto debug switch off. */
void		 crypto_debug_all_off(struct crypto *);

#endif
