/*
 * type6: IOS's type 6 pre-shared keys (Encrypted Preshared Key, 12.3(2)T):
 * `key config-key password-encrypt KEY` sets the master key (never shown
 * in the configuration), `password encryption aes` stores the keys
 * encrypted with it: `crypto isakmp key 6 CIPHER address ...` and a
 * keyring's `pre-shared-key ... key 6 CIPHER`.  A key entered as type 6
 * is decrypted for use; without the master key (or with another one) it
 * is refused, never taken as clear text.
 *
 * The cipher text is iosh's own (IOS's is not published): base64 with
 * '_' and '^' for '+' and '/', of an 8-byte salt, an 8-byte tag and the
 * key under AES-256-CTR; the AES key is SHA-256(salt || master key), the
 * tag the first 8 bytes of HMAC-SHA-256 over salt and cipher text, so a
 * wrong master key or a damaged string is detected.
 */
#ifndef IOSH_CRYPTO_TYPE6_H
#define IOSH_CRYPTO_TYPE6_H

#include <stdbool.h>

#include "lib/strbuf.h"

struct crypto;
struct psk;
struct vty;

/* PLAIN under MASTER, appended to OUT. */
void	type6_encrypt(const char *master, const char *plain,
	    struct strbuf *out);
/* CIPHER's clear text (malloc'd, xsecret_free it), or NULL when it is
 * not a type 6 string made with MASTER. */
char	*type6_decrypt(const char *master, const char *cipher);

/* Between psk_from_args and psk_store_set: a type 6 key decrypted (its
 * clear text in K, the cipher text kept to render), a clear one
 * encrypted when `password encryption aes` is on.  False, with IOS's
 * message on VTY, when a type 6 key cannot be decrypted: K must not be
 * stored.  psk_type6_done frees what it made. */
bool	psk_type6_in(struct vty *, const struct crypto *, struct psk *k);
void	psk_type6_done(struct psk *k);
/* `password encryption aes` for crypto's section; the master key wiped. */
void	type6_nvgen(const struct crypto *, struct strbuf *);
void	type6_free(struct crypto *);

#endif
