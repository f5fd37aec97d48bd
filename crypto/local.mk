# crypto/: configuration objects, (later) the IKE engine, SAs and ESP.
libiosh_a_SOURCES += \
	crypto/crypto.c crypto/crypto.h crypto/crypto_int.h crypto/cmds.h \
	crypto/cmap.c \
	crypto/debug.c \
	crypto/iface.c \
	crypto/ipsec_profile.c \
	crypto/isakmp_key.c \
	crypto/isakmp_policy.c \
	crypto/isakmp_profile.c \
	crypto/keyring.c \
	crypto/pool.c \
	crypto/sadb.c crypto/sadb.h \
	crypto/show.c \
	crypto/show_sa.c \
	crypto/transform.c \
	crypto/util.c
