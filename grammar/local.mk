# grammar/: declarative command tables and the mode table.
libiosh_a_SOURCES += \
	grammar/modes.c grammar/modes.h \
	grammar/exec.c \
	grammar/config.c \
	grammar/line.c \
	grammar/submode.c \
	grammar/filter.c \
	grammar/crypto.c grammar/crypto_submodes.c grammar/crypto_transform.h \
	grammar/interface.c grammar/acl.c grammar/ip.c grammar/dp_grammar.h \
	grammar/dhcp.c grammar/nat.c \
	grammar/monitor.c \
	grammar/passive.c \
	grammar/router.c \
	grammar/pki.c \
	grammar/ikev2.c \
	grammar/aaa.c \
	grammar/vty.c
