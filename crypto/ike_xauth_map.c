/*
 * ike_xauth_map: whether a responder asks its peer for XAUTH when the
 * crypto map, not an isakmp profile, configures it (IOS before profiles:
 * `crypto map NAME client authentication list LIST`).  IOS then prompts
 * every peer of the map after phase 1, a LAN-to-LAN router that offered
 * plain pre-share included (seed 002: "Xauth for the VPN Client
 * connections do break the LAN-to-LAN connection"), unless the peer's
 * key says `no-xauth`.  A matched isakmp profile decides for its peers
 * instead: its own `client authentication list`, or none.
 */
#include <string.h>

#include "crypto/ike_int.h"
#include "dataplane/dp.h"
#include "lib/system.h"

/* The client settings of the crypto map on the interface that holds our
 * address in the negotiation, if any. */
static const struct cmap_client *
map_client(const struct ike_p1 *p)
{
	struct dp_iface	*ifp;
	uint32_t	 a, m;

	for (ifp = dp_iface_first(p->p_c->c_sys->sy_dp); ifp != NULL;
	    ifp = dp_iface_next(ifp))
		if (dp_iface_crypto_map(ifp) != NULL &&
		    dp_iface_ipv4(ifp, &a, &m) &&
		    p->p_local.sa_family == 4 && a == sa_addr_get4(&p->p_local))
			return crypto_map_client_find(p->p_c,
			    dp_iface_crypto_map(ifp));
	return NULL;
}

/* The key IOS found for the peer is a global one with `no-xauth`.  A
 * keyring's keys have no such option in IOS; one wins the search over
 * the global key only with a longer mask (ike_psk_for). */
static bool
key_no_xauth(const struct ike_p1 *p)
{
	const struct crypto	*c = p->p_c;
	const struct psk	*k = psk_lookup(&c->c_keys, &p->p_peer), *o;
	const struct keyring	*kr;

	if (k == NULL || !k->pk_no_xauth)
		return false;
	TAILQ_FOREACH(kr, &c->c_keyrings, kr_entry)
		if (local_addr_admits(c, &kr->kr_local, &p->p_local) &&
		    (o = psk_lookup(&kr->kr_keys, &p->p_peer)) != NULL &&
		    (o->pk_kind == PSK_IPV6 ? o->pk_plen6 > k->pk_plen6 :
		    o->pk_mask > k->pk_mask))
			return false;
	return true;
}

void
ike_xauth_decide(struct ike_p1 *p)
{
	const struct cmap_client	*mc;

	if (p->p_sa->is_initiator || ike_profile_of(p) != NULL)
		return;
	if ((mc = map_client(p)) == NULL || mc->mc_auth == NULL)
		return;
	p->p_xauth = !key_no_xauth(p);
}

const char *
ike_xauth_list(const struct ike_p1 *p)
{
	const struct isakmp_profile	*pr = ike_profile_of(p);
	const struct cmap_client	*mc;

	if (pr != NULL)
		return pr->pr_client_auth;
	return (mc = map_client(p)) != NULL ? mc->mc_auth : NULL;
}

bool
ike_map_cfg_initiate(const struct ike_p1 *p)
{
	const struct cmap_client	*mc = map_client(p);

	return mc != NULL && mc->mc_addr == MC_ADDR_INITIATE;
}
