/*
 * show: the crypto show commands, in the formats of the seeds (`show
 * crypto isakmp policy|key` as seed 001 prints them) and of the release
 * the `version` line names (`show crypto map`: 12.x or 15.x).
 */
#include <stdio.h>
#include <string.h>

#include "crypto/cmds.h"
#include "crypto/crypto_int.h"
#include "dataplane/dp.h"
#include "lib/clock.h"
#include "lib/cmdarg.h"
#include "lib/inet4.h"
#include "lib/system.h"
#include "lib/vty.h"

static const char *
enc_text(const struct isakmp_policy *p, char *buf, size_t len)
{
	switch (p->ip_enc) {
	case IKE_ENC_DES:
		return "DES - Data Encryption Standard (56 bit keys).";
	case IKE_ENC_3DES:
		return "Three key triple DES";
	case IKE_ENC_AES:
		break;
	}
	snprintf(buf, len, "AES - Advanced Encryption Standard (%u bit keys).",
	    p->ip_keylen);
	return buf;
}

static const char *const hash_text[] = {
	[IKE_HASH_SHA] = "Secure Hash Standard",
	[IKE_HASH_MD5] = "Message Digest 5",
	[IKE_HASH_SHA256] = "Secure Hash Standard 2 (256 bit)",
	[IKE_HASH_SHA384] = "Secure Hash Standard 2 (384 bit)",
	[IKE_HASH_SHA512] = "Secure Hash Standard 2 (512 bit)",
};

static const char *const auth_text[] = {
	[IKE_AUTH_RSA_SIG] = "Rivest-Shamir-Adleman Signature",
	[IKE_AUTH_PRE_SHARE] = "Pre-Shared Key",
	[IKE_AUTH_RSA_ENCR] = "Rivest-Shamir-Adleman Encryption",
};

static const char *
group_bits(unsigned group)
{
	switch (group) {
	case 1:		return "768 bit";
	case 2:		return "1024 bit";
	case 5:		return "1536 bit";
	case 14:	return "2048 bit";
	case 15:	return "3072 bit";
	case 16:	return "4096 bit";
	case 19:	return "256 bit ecp";
	case 20:	return "384 bit ecp";
	case 21:	return "521 bit ecp";
	default:	return "2048 bit, 256 bit subgroup";	/* 24 */
	}
}

static void
suite_out(struct vty *vty, const struct isakmp_policy *p)
{
	char	buf[64];

	vty_out(vty, "        encryption algorithm:   %s\n",
	    enc_text(p, buf, sizeof(buf)));
	vty_out(vty, "        hash algorithm:         %s\n",
	    hash_text[p->ip_hash]);
	vty_out(vty, "        authentication method:  %s\n",
	    auth_text[p->ip_auth]);
	vty_out(vty, "        Diffie-Hellman group:   #%2u (%s)\n",
	    p->ip_group, group_bits(p->ip_group));
	vty_out(vty, "        lifetime:               %u seconds, no volume "
	    "limit\n", p->ip_lifetime);
}

/* 12.x lists its built-in suite last; 15.x's defaults are not shown. */
int
show_isakmp_policy_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto		*c = vty->v_sys->sy_crypto;
	const struct isakmp_policy	 dflt = { 0, IKE_ENC_DES, 0,
					    IKE_HASH_SHA, IKE_AUTH_RSA_SIG,
					    IKE_DEFAULT_GROUP,
					    IKE_DEFAULT_LIFETIME };
	size_t				 i;

	(void)m;
	vty_out(vty, "\nGlobal IKE policy\n");
	for (i = 0; i < c->c_npolicies; i++) {
		vty_out(vty, "\nProtection suite of priority %u\n",
		    c->c_policies[i]->ip_priority);
		suite_out(vty, c->c_policies[i]);
	}
	if (!sys_version_15(vty->v_sys)) {
		vty_out(vty, "\nDefault protection suite\n");
		suite_out(vty, &dflt);
	}
	return CMD_SUCCESS;
}

static void
keys_out(struct vty *vty, const char *ring, const struct psk_store *ps)
{
	const struct psk	*k;
	struct strbuf		 peer;

	strbuf_init(&peer);
	TAILQ_FOREACH(k, &ps->ps_list, pk_entry) {
		strbuf_reset(&peer);
		psk_peer_text(k, &peer);
		vty_out(vty, "%-12s %-43s %s\n", ring, peer.sb_buf, k->pk_key);
	}
	strbuf_free(&peer);
}

int
show_isakmp_key_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;
	const struct keyring	*kr;

	(void)m;
	vty_out(vty, "\n%-12s %-43s %s\n", "Keyring", "Hostname/Address",
	    "Preshared Key");
	keys_out(vty, "default", &c->c_keys);
	TAILQ_FOREACH(kr, &c->c_keyrings, kr_entry)
		keys_out(vty, kr->kr_name, &kr->kr_keys);
	return CMD_SUCCESS;
}

static void
acl_out(struct vty *vty, const char *name)
{
	const struct dp_acl	*acl = dp_acl_find(vty->v_sys->sy_dp, name);
	struct strbuf		 e;
	size_t			 i, n;

	if (acl == NULL) {
		vty_out(vty, "        Extended IP access list %s\n", name);
		return;
	}
	vty_out(vty, "        %s IP access list %s\n",
	    dp_acl_extended(acl) ? "Extended" : "Standard", dp_acl_name(acl));
	strbuf_init(&e);
	n = dp_acl_count(acl);
	for (i = 0; i < n; i++) {
		strbuf_reset(&e);
		dp_acl_entry_text(acl, i, &e);
		vty_out(vty, "            access-list %s %s\n",
		    dp_acl_name(acl), e.sb_buf);
	}
	strbuf_free(&e);
}

static void
tset_group_out(void *arg, const char *group)
{
	struct strbuf	*sb = arg;

	strbuf_printf(sb, "%s%s", sb->sb_len ? " " : "", group);
}

static void	params_out(struct vty *, const struct ipsec_params *);

/* An entry's peers, profile, ACL, current peer, parameters, RRI: the
 * body `show crypto map` and `show crypto dynamic-map` share. */
static void
entry_body(struct vty *vty, const struct cmap_entry *ce)
{
	const struct ipsec_params	*pp = &ce->ce_params;
	char				 a[16];
	size_t				 i;

	if (ce->ce_desc != NULL)
		vty_out(vty, "        Description: %s\n", ce->ce_desc);
	for (i = 0; i < ce->ce_npeers; i++)
		vty_out(vty, "        Peer = %s\n",
		    ip4_text(ce->ce_peers[i], a));
	if (pp->pp_isakmp_profile != NULL)
		vty_out(vty, "        ISAKMP Profile: %s\n",
		    pp->pp_isakmp_profile);
	if (ce->ce_acl != NULL)
		acl_out(vty, ce->ce_acl);
	else
		vty_out(vty, "        No matching address list set.\n");
	if (ce->ce_npeers > 0)
		vty_out(vty, "        Current peer: %s\n",
		    ip4_text(ce->ce_peers[0], a));
	params_out(vty, pp);
	if (ce->ce_rri)
		vty_out(vty, "        Reverse Route Injection Enabled\n");
}

static void
entry_out(struct vty *vty, const struct cmap *cm, const struct cmap_entry *ce)
{
	const struct dp_iface		*ifp;
	const char			*map;
	bool				 v15 = sys_version_15(vty->v_sys);

	vty_out(vty, "Crypto Map %s\"%s\" %u ipsec-isakmp\n",
	    v15 ? "IPv4 " : "", cm->cm_name, ce->ce_seq);
	if (ce->ce_dynamic != NULL)
		vty_out(vty, "        Dynamic map template tag: %s\n",
		    ce->ce_dynamic);
	else
		entry_body(vty, ce);
	vty_out(vty, "        Interfaces using crypto map %s:\n", cm->cm_name);
	for (ifp = dp_iface_first(vty->v_sys->sy_dp); ifp != NULL;
	    ifp = dp_iface_next(ifp))
		if ((map = dp_iface_crypto_map(ifp)) != NULL &&
		    strcmp(map, cm->cm_name) == 0)
			vty_out(vty, "                %s\n", dp_iface_name(ifp));
	vty_out(vty, "\n");
}

/*
 * `show crypto dynamic-map [tag NAME]`: each entry of the dynamic maps
 * as a template (IOS's header has no space before the quote).
 */
int
show_crypto_dynamic_map_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;
	const char		*tag = cmd_arg(m, "tagname");
	const struct cmap	*cm;
	size_t			 i;

	TAILQ_FOREACH(cm, &c->c_dynmaps, cm_entry) {
		if (tag != NULL && strcmp(tag, cm->cm_name) != 0)
			continue;
		for (i = 0; i < cm->cm_n; i++) {
			vty_out(vty, "Crypto Map Template\"%s\" %u\n",
			    cm->cm_name, cm->cm_entries[i]->ce_seq);
			entry_body(vty, cm->cm_entries[i]);
			vty_out(vty, "\n");
		}
	}
	return CMD_SUCCESS;
}

/* An entry's lifetimes, PFS and transform sets. */
static void
params_out(struct vty *vty, const struct ipsec_params *pp)
{
	const struct crypto		*c = vty->v_sys->sy_crypto;
	const struct transform_set	*ts;
	bool				 v15 = sys_version_15(vty->v_sys);
	struct strbuf			 groups;
	size_t				 i;
	uint32_t			 life_s;
	uint64_t			 life_kb;

	/* The lifetimes in force: the entry's, else the global ones. */
	ipsec_params_lifetimes(c, pp, &life_s, &life_kb);
	vty_out(vty, "        Security association lifetime: %llu "
	    "kilobytes/%u seconds\n", (unsigned long long)life_kb, life_s);
	if (v15)
		vty_out(vty, "        Responder-Only (Y/N): N\n");
	vty_out(vty, "        PFS (Y/N): %s\n", pp->pp_pfs ? "Y" : "N");
	if (pp->pp_pfs)
		vty_out(vty, "        DH group:  group%u\n", pp->pp_pfs);
	if (v15)
		vty_out(vty, "        Mixed-mode : Disabled\n");
	vty_out(vty, "        Transform sets={\n");
	strbuf_init(&groups);
	for (i = 0; i < pp->pp_ntsets; i++) {
		if (!v15) {
			vty_out(vty, "                %s,\n", pp->pp_tsets[i]);
			continue;
		}
		strbuf_reset(&groups);
		if ((ts = crypto_transform_find(c, pp->pp_tsets[i])) != NULL)
			transform_show_groups(ts, tset_group_out, &groups);
		vty_out(vty, "                %s:  %s ,\n", pp->pp_tsets[i],
		    groups.sb_buf);
	}
	strbuf_free(&groups);
	vty_out(vty, "        }\n");
}

/*
 * The map IOS builds for a tunnel's `tunnel protection` (Cisco's DMVPN
 * guide, "Sharing IPsec with Tunnel Protection", quotes it): the
 * profile as entry 65536, and its instance for the tunnel's ends as
 * 65537, the GRE packet (or, for a VTI, everything) its ACL.
 */
static void
tunnel_map_out(struct vty *vty, struct dp_iface *t)
{
	const struct cmap	*cm;
	const struct cmap_entry	*ce;
	const char		*profile = dp_iface_tunnel_protection(t);
	const char		*fam;
	bool			 v15 = sys_version_15(vty->v_sys), vti;
	struct sa_addr		 src, dst;
	char			 a[SA_TEXT_LEN], b[SA_TEXT_LEN];

	if (!ipsec_tunnel_map(vty->v_sys->sy_crypto, t, &cm, &ce, &src, &dst,
	    &vti))
		return;
	/* `tunnel mode ipsec ipv6` (seed 003): an IPv6 map, its ACL the
	 * one seed 003's debug names ("...-head-0-ACL"). */
	fam = !v15 ? "" : dst.sa_family == 6 ? "IPv6 " : "IPv4 ";
	vty_out(vty, "Crypto Map %s\"%s\" 65536 ipsec-isakmp\n", fam,
	    cm->cm_name);
	vty_out(vty, "        Profile name: %s\n", profile);
	params_out(vty, &ce->ce_params);
	vty_out(vty, "\n");
	vty_out(vty, "Crypto Map %s\"%s\" %u ipsec-isakmp\n", fam,
	    cm->cm_name, ce->ce_seq);
	vty_out(vty, "        Map is a PROFILE INSTANCE.\n");
	vty_out(vty, "        Peer = %s\n", sa_text(&dst, a));
	if (dst.sa_family == 6) {
		vty_out(vty, "        IPv6 access list %s-ACL\n", cm->cm_name);
		vty_out(vty, "            permit ipv6 any any\n");
	} else if (vti) {
		vty_out(vty, "        Extended IP access list\n");
		vty_out(vty, "            access-list  permit ip any any\n");
	} else {
		vty_out(vty, "        Extended IP access list\n");
		vty_out(vty, "            access-list  permit gre host %s host "
		    "%s\n", sa_text(&src, b), a);
	}
	vty_out(vty, "        Current peer: %s\n", a);
	params_out(vty, &ce->ce_params);
	vty_out(vty, "        Interfaces using crypto map %s:\n", cm->cm_name);
	vty_out(vty, "                %s\n\n", dp_iface_name(t));
}

/* `show crypto ipsec profile [NAME]`: each profile's parameters as its
 * map entry shows them (IOS's form, as genieparser's IOS XE samples
 * print it, less XE's default profile and IKEv2 lines). */
int
show_ipsec_profile_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto		*c = vty->v_sys->sy_crypto;
	const char			*name = cmd_arg(m, "name");
	const struct ipsec_profile	*ip;

	TAILQ_FOREACH(ip, &c->c_ipsec_profiles, ip_entry) {
		if (name != NULL && strcmp(name, ip->ip_name) != 0)
			continue;
		vty_out(vty, "IPSEC profile %s\n", ip->ip_name);
		if (ip->ip_params.pp_isakmp_profile != NULL)
			vty_out(vty, "        ISAKMP Profile: %s\n",
			    ip->ip_params.pp_isakmp_profile);
		params_out(vty, &ip->ip_params);
		vty_out(vty, "\n");
	}
	return CMD_SUCCESS;
}

int
show_crypto_map_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;
	const char		*tag = cmd_arg(m, "tagname");
	const struct cmap	*cm;
	struct dp_iface		*ifp;
	char			 head[64];
	size_t			 i;

	TAILQ_FOREACH(cm, &c->c_maps, cm_entry) {
		if (tag != NULL && strcmp(tag, cm->cm_name) != 0)
			continue;
		for (i = 0; i < cm->cm_n; i++)
			entry_out(vty, cm, cm->cm_entries[i]);
	}
	for (ifp = dp_iface_first(vty->v_sys->sy_dp); ifp != NULL;
	    ifp = dp_iface_next(ifp)) {
		snprintf(head, sizeof(head), "%s-head-0", dp_iface_name(ifp));
		if (dp_iface_tunnel_protection(ifp) != NULL &&
		    (tag == NULL || strcmp(tag, head) == 0))
			tunnel_map_out(vty, ifp);
	}
	return CMD_SUCCESS;
}

struct tset_show {
	struct vty	*tss_vty;
	const char	*tss_mode;
	size_t		 tss_n;
};

static void
tset_show_group(void *arg, const char *group)
{
	struct tset_show	*tss = arg;

	vty_out(tss->tss_vty, "%s%s\n   will negotiate = { %s,  },\n",
	    tss->tss_n++ ? "   " : "", group, tss->tss_mode);
}

int
show_transform_set_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto		*c = vty->v_sys->sy_crypto;
	const char			*tag = cmd_arg(m, "tagname");
	const struct transform_set	*ts;
	struct tset_show		 tss;

	TAILQ_FOREACH(ts, &c->c_tsets, ts_entry) {
		if (tag != NULL && strcmp(tag, ts->ts_name) != 0)
			continue;
		tss.tss_vty = vty;
		tss.tss_mode = ts->ts_transport ? "Transport" : "Tunnel";
		tss.tss_n = 0;
		vty_out(vty, "Transform set %s: ", ts->ts_name);
		transform_show_groups(ts, tset_show_group, &tss);
		vty_out(vty, "\n");
	}
	return CMD_SUCCESS;
}

/* The SA tables: their renderers live beside the SA database. */
int
show_isakmp_sa_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;

	if (cmd_has(m, "detail"))
		sadb_show_isakmp_detail(&c->c_sadb, &vty->v_sys->sy_version,
		    clock_mono_ms(), &vty->v_out);
	else
		sadb_show_isakmp(&c->c_sadb, &vty->v_sys->sy_version,
		    &vty->v_out);
	return CMD_SUCCESS;
}

int
show_ipsec_sa_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;

	struct sadb_ipsec_sel	 sel = { NULL, NULL };
	struct sa_addr		 peer;
	uint32_t		 a;

	ipsec_mtu_refresh_all(vty->v_sys->sy_crypto);
	if (cmd_has(m, "peer")) {
		(void)ip4_parse(cmd_arg(m, "peeraddr"), &a);
		sa_addr_v4(&peer, a);
		sel.sel_peer = &peer;
	}
	sel.sel_map = cmd_arg(m, "mapname");
	sadb_show_ipsec_sel(&c->c_sadb, &vty->v_sys->sy_version,
	    cmd_has(m, "detail"), &sel, clock_mono_ms(), &vty->v_out);
	return CMD_SUCCESS;
}

int
show_crypto_session_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct crypto	*c = vty->v_sys->sy_crypto;
	struct sa_addr		 peer;
	uint32_t		 a;

	if (cmd_has(m, "brief")) {
		sadb_show_session_brief(&c->c_sadb, &vty->v_sys->sy_version,
		    vty->v_sys->sy_dp, clock_mono_ms(), &vty->v_out);
		return CMD_SUCCESS;
	}
	if (cmd_has(m, "remote")) {
		(void)ip4_parse(cmd_arg(m, "remoteaddr"), &a);
		sa_addr_v4(&peer, a);
	}
	sadb_show_session_remote(&c->c_sadb, &vty->v_sys->sy_version,
	    cmd_has(m, "detail"), cmd_has(m, "remote") ? &peer : NULL,
	    clock_mono_ms(), &vty->v_out);
	return CMD_SUCCESS;
}

int
show_isakmp_peers_cmd(struct vty *vty, const struct cmd_args *m)
{
	(void)m;
	sadb_show_isakmp_peers(&vty->v_sys->sy_crypto->c_sadb, &vty->v_out);
	return CMD_SUCCESS;
}
