# crypto/: configuration objects, (later) the IKE engine, SAs and ESP.
libiosh_a_SOURCES += \
	crypto/crypto.c crypto/crypto.h
