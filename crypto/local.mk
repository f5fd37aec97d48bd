# crypto/: configuration objects, (later) the IKE engine, SAs and ESP.
libiosh_a_SOURCES += \
	crypto/crypto.c crypto/crypto.h crypto/crypto_int.h crypto/cmds.h \
	crypto/cmap.c \
	crypto/cmap_client.c \
	crypto/ike_xauth_map.c \
	crypto/debug.c \
	crypto/iface.c \
	crypto/ike_cac.c \
	crypto/ike_cfg.c crypto/ike_cfg.h \
	crypto/ike_debug.c crypto/ike_debug.h \
	crypto/ike_p1sel.c crypto/ike_p1sel.h \
	crypto/ike_p2sel.c crypto/ike_p2sel.h \
	crypto/ipsec_lifetime.c \
	crypto/ipsec_profile.c \
	crypto/isakmp_build.c crypto/isakmp_build.h \
	crypto/isakmp_key.c \
	crypto/isakmp_msg.c crypto/isakmp_msg.h \
	crypto/isakmp_pld.c crypto/isakmp_pld.h \
	crypto/isakmp_policy.c \
	crypto/isakmp_profile.c \
	crypto/isakmp_profile_id.c \
	crypto/client_group_ra.c \
	crypto/local_addr.c \
	crypto/isakmp_rebuild.c crypto/isakmp_rebuild.h \
	crypto/isakmp_sa.c crypto/isakmp_sa.h \
	crypto/isakmp_wire.h \
	crypto/keyring.c \
	crypto/pool.c \
	crypto/pki.c \
	crypto/ikev2.c \
	crypto/ratelog.c crypto/ratelog.h \
	crypto/sadb.c crypto/sadb.h \
	crypto/isakmp_slab.c crypto/isakmp_slab.h \
	crypto/show.c \
	crypto/show_profile.c \
	crypto/show_sa.c \
	crypto/transform.c \
	crypto/util.c
# The IKE key material and ESP (crypto primitives on OpenSSL 3 EVP).
libiosh_a_SOURCES += \
	crypto/esp.c crypto/esp.h crypto/esp_alg.c crypto/esp_alg.h \
	crypto/ah.c crypto/ah.h crypto/replay_win.c crypto/replay_win.h \
	crypto/seal.c crypto/seal.h \
	crypto/ike_cipher.c crypto/ike_cipher.h \
	crypto/ike_dh.c crypto/ike_dh.h \
	crypto/ike_keys.c crypto/ike_keys.h \
	crypto/ike_prf.c crypto/ike_prf.h \
	crypto/ike_msgsum.c crypto/ike_msgsum.h \
	crypto/rand_pool.c crypto/rand_pool.h
# The IKEv1 engine: Main and Quick Mode, vendor IDs and NAT-D, crypto
# maps on the packet path (ike_int.h lists the files' roles).
libiosh_a_SOURCES += \
	crypto/clear.c crypto/ike.c crypto/ike.h crypto/ike_int.h \
	crypto/ike_am.c crypto/ike_dpd.c crypto/ike_mm.c crypto/ike_p1.c \
	crypto/ike_qm.c crypto/ike_qm12.c crypto/ike_vid.c crypto/ike_xauth.c \
	crypto/ike_proposal.c crypto/ike_profile.c \
	crypto/ipsec_out.c crypto/ipsec_in.c crypto/ipsec_inpolicy.c \
	crypto/ipsec_policy.c \
	crypto/ipsec_flow.c crypto/ipsec_sa.c crypto/ipsec_ident.c \
	crypto/ipsec_rekey.c \
	crypto/ipsec_mtu.c crypto/ipsec_mtu_cmd.c crypto/ipsec_replay.c \
	crypto/ipsec_spd.c crypto/ipsec_spd.h \
	crypto/ipsec_tunnel.c \
	crypto/wskeys.c \
	crypto/type6.c crypto/type6.h
