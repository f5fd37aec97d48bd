/*
 * crypto: the subsystem's life cycle and its part of the running
 * configuration.  The objects themselves live in one file per concern
 * (crypto_int.h lists them); this file only orders their renderers as IOS
 * does.
 */
#include <stdlib.h>

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "crypto/type6.h"
#include "crypto/ike.h"
#include "lib/nvgen.h"
#include "lib/xalloc.h"

struct crypto *
crypto_new(struct system *sys)
{
	struct crypto	*c;

	c = xcalloc(1, sizeof(*c));
	c->c_sys = sys;
	psk_store_init(&c->c_keys);
	keyring_init(c);
	isakmp_profile_init(c);
	transform_init(c);
	ipsec_profile_init(c);
	cmap_init(c);
	pool_init(c);
	sadb_init(&c->c_sadb, &sys->sy_version);
	TAILQ_INIT(&c->c_ike_owed);
	ike_attach(c);
	return c;
}

void
crypto_free(struct crypto *c)
{
	if (c == NULL)
		return;
	ike_detach(c);
	isakmp_policy_free_all(c);
	psk_store_free(&c->c_keys);
	keyring_free_all(c);
	isakmp_profile_free_all(c);
	transform_free_all(c);
	ipsec_profile_free_all(c);
	cmap_free_all(c);
	pool_free_all(c);
	pki_free(c);
	ikev2_free(c);
	sadb_free(&c->c_sadb);
	free(c);
}

/*
 * NV_CRYPTO holds groups of objects in IOS's order, a "!" between two
 * groups that rendered something: keyrings; ISAKMP policies, keys and
 * keepalives; client groups; ISAKMP profiles; transform sets; IPsec
 * profiles; dynamic maps; crypto maps.
 */
void
crypto_nvgen(const struct crypto *c, enum nv_section sec, struct strbuf *sb)
{
	static void (*const groups[])(const struct crypto *,
	    struct strbuf *) = {
		type6_nvgen,
		ikev2_nvgen,
		keyring_nvgen,
		NULL,		/* policies and keys: one group */
		client_group_nvgen,
		isakmp_profile_nvgen,
		ipsec_lifetime_nvgen,
		transform_nvgen,
		ipsec_profile_nvgen,
		dynmap_nvgen,
		cmap_nvgen,
	};
	size_t	i, before, start = sb->sb_len;

	if (sec == NV_IP_POOL) {
		pool_nvgen(c, sb);
		return;
	}
	if (sec != NV_CRYPTO)
		return;
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		before = sb->sb_len;
		if (before != start)
			nv_line(sb, 0, "!");
		if (groups[i] != NULL)
			groups[i](c, sb);
		else {
			isakmp_policy_nvgen(c, sb);
			isakmp_key_nvgen(c, sb);
			ipsec_mtu_nvgen(c, sb);
		}
		/* Nothing rendered: take back the separator. */
		if (before != start && sb->sb_len == before + 2) {
			sb->sb_len = before;
			sb->sb_buf[before] = '\0';
		}
	}
}
