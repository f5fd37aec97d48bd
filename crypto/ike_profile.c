/*
 * ike_profile: which isakmp profile a peer belongs to, chosen as IOS
 * chooses it when the peer's identity arrives (Main Mode's MM5, seed
 * 002: "peer matches L2L profile"), and the key searched for it in the
 * profile's keyring.  The profile's name stays on the phase 1
 * (p_profile): a dynamic-map entry with `set isakmp-profile` admits only
 * peers that matched that profile (ipsec_policy.c).
 */
#include <stdio.h>
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "lib/inet4.h"

/* `match identity address A [M]`: with no mask A is a host, except
 * 0.0.0.0, which IOS reads as any address (seed 002's L2L profile). */
static bool
id_addr_covers(const struct id_addr *ia, uint32_t addr)
{
	uint32_t	m = ia->ia_has_mask ? ia->ia_mask : 0xffffffffu;

	if (!ia->ia_has_mask && ia->ia_addr == 0)
		return true;
	return (addr & m) == (ia->ia_addr & m);
}

/* The first profile, in configuration order, that matches ADDR, among
 * those whose local-address admits LOCAL (issue 15). */
static const struct isakmp_profile *
profile_by_addr(const struct crypto *c, const struct sa_addr *local,
    const struct sa_addr *a)
{
	const struct isakmp_profile	*pr;
	size_t				 i;
	uint32_t			 addr = sa_addr_get4(a);

	/* `match identity address` takes IPv4 addresses only. */
	if (a->sa_family == 6)
		return NULL;
	TAILQ_FOREACH(pr, &c->c_profiles, pr_entry)
		for (i = 0; i < pr->pr_nids &&
		    local_addr_admits(c, &pr->pr_local, local); i++)
			if (id_addr_covers(&pr->pr_ids[i], addr))
				return pr;
	return NULL;
}

/* IOS's key search for a matched profile: the global keys ("default"),
 * then the profile's keyring; the lines seed 002 shows. */
static const struct psk *
profile_key(struct ike_p1 *p, const struct isakmp_profile *pr)
{
	struct crypto		*c = p->p_c;
	const struct keyring	*kr;
	const struct psk	*k;
	char			 a[SA_TEXT_LEN];

	sa_text(&p->p_peer, a);
	k = psk_lookup(&c->c_keys, &p->p_peer);
	ike_debug_raw(c, " Looking for a matching key for %s in default%s", a,
	    k != NULL ? " : success" : "");
	if (k != NULL || pr->pr_keyring == NULL ||
	    (kr = crypto_keyring_find(c, pr->pr_keyring)) == NULL ||
	    !local_addr_admits(c, &kr->kr_local, &p->p_local))
		return k;
	k = psk_lookup(&kr->kr_keys, &p->p_peer);
	ike_debug_raw(c, " Looking for a matching key for %s in %s%s", a,
	    kr->kr_name, k != NULL ? " : success" : "");
	if (k != NULL)
		ike_debug(c, p->p_dbg, "Found ADDRESS key in keyring %s",
		    kr->kr_name);
	return k;
}

/*
 * IOS's scan of the profiles for XAUTH as phase 1 begins: their names,
 * and when one of them authenticates clients (`client authentication
 * list`), that XAUTH may follow the pre-shared key (seed 002's hub).
 */
void
ike_dbg_scan_profiles(struct ike_p1 *p)
{
	const struct isakmp_profile	*pr;
	char				 names[512];
	size_t				 n = 0;
	bool				 xauth = false;

	names[0] = '\0';
	TAILQ_FOREACH(pr, &p->p_c->c_profiles, pr_entry) {
		if (n < sizeof(names))
			n += (size_t)snprintf(names + n, sizeof(names) - n,
			    " %s", pr->pr_name);
		if (pr->pr_client_auth != NULL)
			xauth = true;
	}
	ike_debug_text(p->p_c, "ISAKMP : Scanning profiles for xauth ...%s",
	    names);
	if (xauth)
		ike_debug12(p->p_c, p->p_dbg, IKE_DBG12_NOCOLON,
		    "Authentication by xauth preshared");
}

/* A peer whose profile authenticates clients: XAUTH follows. */
void
ike_dbg_xauth_auth(struct ike_p1 *p)
{
	const struct isakmp_profile	*pr = ike_profile_of(p);

	if (pr != NULL && pr->pr_client_auth != NULL)
		ike_debug12(p->p_c, p->p_dbg, IKE_DBG12_NOCOLON,
		    "Authentication by xauth preshared");
}

/*
 * 12.x's peer struct, made for a client whose profile configures it
 * (XAUTH, mode-config): IOS's lines, the values its heap addresses, ours
 * the state's (seed 002's hub).
 */
void
ike_dbg_client_peer(struct ike_p1 *p)
{
	const struct isakmp_profile	*pr = ike_profile_of(p);
	char				 peer[SA_TEXT_LEN];

	if (pr == NULL || pr->pr_client_auth == NULL)
		return;
	sa_text(&p->p_peer, peer);
	ike_debug_raw(p->p_c, " Created a peer struct for %s, peer port %u",
	    peer, p->p_sa->is_rport);
	ike_debug_raw(p->p_c, " Locking peer struct 0x%08X, IKE refcount 1 "
	    "for crypto_ikmp_config_initialize_sa",
	    ike_dbg_obj_id(p, IKE_OBJ_PEER));
	ike_debug(p->p_c, p->p_dbg, "Setting client config settings %08X",
	    ike_dbg_obj_id(p, IKE_OBJ_CFG));
	ike_debug(p->p_c, p->p_dbg, "(Re)Setting client xauth list and "
	    "state");
}

bool
ike_profile_choose(struct ike_p1 *p, bool is_addr, const struct sa_addr *addr)
{
	const struct isakmp_profile	*pr = NULL;

	p->p_profile[0] = '\0';
	if (is_addr)
		pr = profile_by_addr(p->p_c, &p->p_local, addr);
	if (pr == NULL) {
		ike_dbg_no_profile(p);
		return true;
	}
	snprintf(p->p_profile, sizeof(p->p_profile), "%s", pr->pr_name);
	ike_debug(p->p_c, p->p_dbg, " peer matches %s profile", pr->pr_name);
	/* A profile's peers authenticate with a key its search finds. */
	return profile_key(p, pr) != NULL;
}

bool
ike_profile_choose_group(struct ike_p1 *p, const char *group)
{
	const struct isakmp_profile	*pr;
	size_t				 i;

	TAILQ_FOREACH(pr, &p->p_c->c_profiles, pr_entry)
		for (i = 0; i < pr->pr_ngroups &&
		    local_addr_admits(p->p_c, &pr->pr_local, &p->p_local); i++)
			if (strcmp(pr->pr_groups[i], group) == 0) {
				snprintf(p->p_profile, sizeof(p->p_profile),
				    "%s", pr->pr_name);
				ike_debug(p->p_c, p->p_dbg, " peer matches %s "
				    "profile", pr->pr_name);
				return true;
			}
	return false;
}

const struct isakmp_profile *
ike_profile_of(const struct ike_p1 *p)
{
	const struct isakmp_profile	*pr;

	if (p->p_profile[0] == '\0')
		return NULL;
	TAILQ_FOREACH(pr, &p->p_c->c_profiles, pr_entry)
		if (strcmp(pr->pr_name, p->p_profile) == 0)
			return pr;
	return NULL;
}

/* Issue 15: the peer's phase-1 name (ID_FQDN, ID_USER_FQDN) against the
 * profiles' `match identity host|host domain|user`, in configuration
 * order; the key then as for an address match. */
bool
ike_profile_choose_name(struct ike_p1 *p, uint8_t type, const char *name)
{
	const struct isakmp_profile	*pr;

	p->p_profile[0] = '\0';
	TAILQ_FOREACH(pr, &p->p_c->c_profiles, pr_entry)
		if (local_addr_admits(p->p_c, &pr->pr_local, &p->p_local) &&
		    profile_id_matches(pr, type, name))
			break;
	if (pr == NULL) {
		ike_dbg_no_profile(p);
		return true;
	}
	snprintf(p->p_profile, sizeof(p->p_profile), "%s", pr->pr_name);
	ike_debug(p->p_c, p->p_dbg, " peer matches %s profile", pr->pr_name);
	return profile_key(p, pr) != NULL;
}

const struct isakmp_profile *
ike_profile_own(const struct ike_p1 *p)
{
	const struct cmap	*cm;
	const char		*name;
	size_t			 i;

	if (!p->p_sa->is_initiator)
		return ike_profile_of(p);
	if ((cm = crypto_map_find(p->p_c, p->p_req.rq_map)) == NULL)
		return NULL;
	for (i = 0; i < cm->cm_n; i++)
		if (cm->cm_entries[i]->ce_seq == p->p_req.rq_seq) {
			name = cm->cm_entries[i]->ce_params.pp_isakmp_profile;
			return name == NULL ? NULL :
			    crypto_isakmp_profile_find(p->p_c, name);
		}
	return NULL;
}
