/*
 * cmds: the crypto command handlers the grammar tables (grammar/crypto*.c)
 * name.  Each reads its arguments from the match and changes the crypto
 * objects of vty->v_sys->sy_crypto, or the object its sub-mode edits.
 */
#ifndef IOSH_CRYPTO_CMDS_H
#define IOSH_CRYPTO_CMDS_H

struct vty;
struct cmd_args;

/* Crypto's modes (lib/vty.h: numbered from 32). */
enum {
	MODE_CONFIG_ISAKMP = 32, /* Router(config-isakmp)#	*/
	MODE_CONFIG_CRYPTO_MAP,	/* Router(config-crypto-map)#	*/
	MODE_CFG_CRYPTO_TRANS,	/* Router(cfg-crypto-trans)#	*/
	MODE_CONFIG_KEYRING,	/* Router(config-keyring)#	*/
	MODE_CONF_ISA_PROF,	/* Router(conf-isa-prof)#	*/
	MODE_CONFIG_ISAKMP_GROUP, /* Router(config-isakmp-group)# */
	MODE_IPSEC_PROFILE,	/* Router(ipsec-profile)#	*/
	MODE_CA_TRUSTPOINT,	/* Router(ca-trustpoint)#	*/
	MODE_CONFIG_CERT_CHAIN,	/* Router(config-cert-chain)#	*/
	MODE_IKEV2_PROPOSAL,	/* Router(config-ikev2-proposal)# */
	MODE_IKEV2_POLICY,	/* Router(config-ikev2-policy)#	*/
	MODE_IKEV2_KEYRING,	/* Router(config-ikev2-keyring)# */
	MODE_IKEV2_KEYRING_PEER, /* Router(config-ikev2-keyring-peer)# */
	MODE_IKEV2_PROFILE,	/* Router(config-ikev2-profile)# */
	MODE_CS_SERVER,		/* Router(cs-server)#		*/
};

/* Global configuration. */
int	crypto_isakmp_policy_cmd(struct vty *, const struct cmd_args *);
int	crypto_isakmp_key_cmd(struct vty *, const struct cmd_args *);
int	crypto_isakmp_keepalive_cmd(struct vty *, const struct cmd_args *);
int	crypto_isakmp_am_disable_cmd(struct vty *, const struct cmd_args *);
int	crypto_isakmp_nat_keepalive_cmd(struct vty *,
	    const struct cmd_args *);
int	crypto_keyring_cmd(struct vty *, const struct cmd_args *);
int	crypto_isakmp_profile_cmd(struct vty *, const struct cmd_args *);
int	crypto_client_group_cmd(struct vty *, const struct cmd_args *);
int	crypto_transform_set_cmd(struct vty *, const struct cmd_args *);
int	crypto_ipsec_profile_cmd(struct vty *, const struct cmd_args *);
int	crypto_dynamic_map_cmd(struct vty *, const struct cmd_args *);
int	crypto_map_cmd(struct vty *, const struct cmd_args *);
int	crypto_map_client_cmd(struct vty *, const struct cmd_args *);
int	ip_local_pool_cmd(struct vty *, const struct cmd_args *);

/* PKI, stored not acted on (pki.c); a trustpoint line's definition
 * carries its slot, one of pki_slot_*. */
int	crypto_pki_trustpoint_cmd(struct vty *, const struct cmd_args *);
int	crypto_pki_tp_line_cmd(struct vty *, const struct cmd_args *);
int	crypto_pki_chain_cmd(struct vty *, const struct cmd_args *);
int	crypto_pki_certificate_cmd(struct vty *, const struct cmd_args *);
extern const unsigned pki_slot_enroll, pki_slot_serial, pki_slot_fqdn,
	pki_slot_ipaddr, pki_slot_subject, pki_slot_altname,
	pki_slot_revocation, pki_slot_rsakeypair, pki_slot_autoenroll;
/* `crypto pki server`: its lines use the trustpoint's line handler. */
int	crypto_pki_server_cmd(struct vty *, const struct cmd_args *);
int	crypto_pki_cs_neg_cmd(struct vty *, const struct cmd_args *);
extern const unsigned cs_slot_db_level, cs_slot_db_url, cs_slot_db_archive,
	cs_slot_issuer, cs_slot_grant, cs_slot_hash, cs_slot_life_crl,
	cs_slot_life_cert, cs_slot_life_ca, cs_slot_cdp_url, cs_slot_shutdown;

/* IKEv2 blocks, stored not acted on (ikev2.c); a sub-mode line's
 * definition carries its slot, &ikev2_slot[V2S_*], in IOS's order. */
enum { V2S_DESC, V2S_ENC, V2S_INTEG, V2S_GROUP, V2S_FVRF, V2S_LOCAL,
	V2S_PROPOSAL, V2S_ADDR, V2S_IDENT, V2S_PSK, V2S_PSK_LOCAL,
	V2S_PSK_REMOTE, V2S_IDREMOTE, V2S_IDLOCAL, V2S_AUTH_REMOTE,
	V2S_AUTH_LOCAL, V2S_KEYRING, V2S_IVRF, V2S_LIFETIME, V2S_DPD, V2S_N };
extern const unsigned ikev2_slot[V2S_N];
int	crypto_ikev2_cmd(struct vty *, const struct cmd_args *);
int	ikev2_peer_cmd(struct vty *, const struct cmd_args *);
int	ikev2_peer_exit_cmd(struct vty *, const struct cmd_args *);
int	ikev2_line_cmd(struct vty *, const struct cmd_args *);

/* config-isakmp. */
int	isakmp_encryption_cmd(struct vty *, const struct cmd_args *);
int	isakmp_hash_cmd(struct vty *, const struct cmd_args *);
int	isakmp_authentication_cmd(struct vty *, const struct cmd_args *);
int	isakmp_group_cmd(struct vty *, const struct cmd_args *);
int	isakmp_lifetime_cmd(struct vty *, const struct cmd_args *);

/* config-keyring. */
int	keyring_psk_cmd(struct vty *, const struct cmd_args *);
int	keyring_description_cmd(struct vty *, const struct cmd_args *);
/* crypto/local_addr.c (also conf-isa-prof). */
int	keyring_local_address_cmd(struct vty *, const struct cmd_args *);
int	profile_local_address_cmd(struct vty *, const struct cmd_args *);

/* conf-isa-prof. */
int	profile_description_cmd(struct vty *, const struct cmd_args *);
int	profile_keyring_cmd(struct vty *, const struct cmd_args *);
int	profile_match_address_cmd(struct vty *, const struct cmd_args *);
int	profile_match_group_cmd(struct vty *, const struct cmd_args *);
int	profile_client_auth_cmd(struct vty *, const struct cmd_args *);
int	profile_isakmp_authz_cmd(struct vty *, const struct cmd_args *);
int	profile_client_config_cmd(struct vty *, const struct cmd_args *);
int	profile_initiate_mode_cmd(struct vty *, const struct cmd_args *);
/* crypto/isakmp_profile_id.c; cd_data "host", "domain" or "user". */
int	profile_match_name_cmd(struct vty *, const struct cmd_args *);
int	profile_self_identity_cmd(struct vty *, const struct cmd_args *);
int	profile_keepalive_cmd(struct vty *, const struct cmd_args *);

/* config-isakmp-group: cd_data names the field ("key", "dns"...). */
int	group_string_cmd(struct vty *, const struct cmd_args *);
int	group_servers_cmd(struct vty *, const struct cmd_args *);
/* crypto/client_group_ra.c. */
int	group_acl_cmd(struct vty *, const struct cmd_args *);
int	group_save_password_cmd(struct vty *, const struct cmd_args *);
int	group_max_users_cmd(struct vty *, const struct cmd_args *);

/* cfg-crypto-trans. */
int	transform_mode_cmd(struct vty *, const struct cmd_args *);

/* config-crypto-map; the ipsec_ ones also in ipsec-profile. */
int	cmap_set_peer_cmd(struct vty *, const struct cmd_args *);
int	cmap_match_address_cmd(struct vty *, const struct cmd_args *);
int	cmap_description_cmd(struct vty *, const struct cmd_args *);
int	cmap_reverse_route_cmd(struct vty *, const struct cmd_args *);
int	ipsec_set_tset_cmd(struct vty *, const struct cmd_args *);
int	ipsec_set_pfs_cmd(struct vty *, const struct cmd_args *);
int	ipsec_set_isakmp_profile_cmd(struct vty *, const struct cmd_args *);
int	ipsec_set_lifetime_cmd(struct vty *, const struct cmd_args *);
int	ipsec_set_replay_cmd(struct vty *, const struct cmd_args *);

/* Global configuration (ipsec_replay.c). */
int	crypto_ipsec_replay_cmd(struct vty *, const struct cmd_args *);

/* Global and interface configuration (ipsec_mtu_cmd.c). */
int	crypto_ipsec_df_bit_cmd(struct vty *, const struct cmd_args *);
int	crypto_ipsec_fragmentation_cmd(struct vty *, const struct cmd_args *);
int	if_crypto_ipsec_df_bit_cmd(struct vty *, const struct cmd_args *);
int	if_crypto_ipsec_fragmentation_cmd(struct vty *,
	    const struct cmd_args *);

/* Interface configuration. */
int	if_crypto_map_cmd(struct vty *, const struct cmd_args *);
int	if_tunnel_protection_cmd(struct vty *, const struct cmd_args *);

/* Exec. */
int	show_isakmp_policy_cmd(struct vty *, const struct cmd_args *);
int	crypto_logging_session_cmd(struct vty *, const struct cmd_args *);
int	crypto_natt_cmd(struct vty *, const struct cmd_args *);
int	crypto_ipsec_lifetime_cmd(struct vty *, const struct cmd_args *);
int	test_crypto_wireshark_keys_cmd(struct vty *, const struct cmd_args *);
/* crypto/type6.c (global configuration). */
int	key_config_key_cmd(struct vty *, const struct cmd_args *);
int	password_encryption_aes_cmd(struct vty *, const struct cmd_args *);
int	clear_crypto_isakmp_cmd(struct vty *, const struct cmd_args *);
int	clear_crypto_sa_cmd(struct vty *, const struct cmd_args *);
int	show_isakmp_sa_cmd(struct vty *, const struct cmd_args *);
int	show_ipsec_sa_cmd(struct vty *, const struct cmd_args *);
int	crypto_call_admission_cmd(struct vty *, const struct cmd_args *);
int	show_crypto_call_admission_cmd(struct vty *, const struct cmd_args *);
int	clear_crypto_call_admission_cmd(struct vty *, const struct cmd_args *);
int	show_crypto_session_cmd(struct vty *, const struct cmd_args *);
int	show_isakmp_peers_cmd(struct vty *, const struct cmd_args *);
int	show_ip_local_pool_cmd(struct vty *, const struct cmd_args *);
int	clear_crypto_session_cmd(struct vty *, const struct cmd_args *);
int	show_isakmp_key_cmd(struct vty *, const struct cmd_args *);
int	show_crypto_map_cmd(struct vty *, const struct cmd_args *);
int	show_crypto_dynamic_map_cmd(struct vty *, const struct cmd_args *);
int	show_ipsec_profile_cmd(struct vty *, const struct cmd_args *);
/* crypto/show_profile.c */
int	show_isakmp_profile_cmd(struct vty *, const struct cmd_args *);
int	show_transform_set_cmd(struct vty *, const struct cmd_args *);
/* cd_data NULL: `debug`; non-NULL: `undebug` / `no debug`. */
int	crypto_debug_cmd(struct vty *, const struct cmd_args *);

#endif
