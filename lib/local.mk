libiosh_a_SOURCES += \
	lib/clock.c lib/clock.h \
	lib/cmdarg.c lib/cmdarg.h \
	lib/evloop.c lib/evloop.h \
	lib/nvgen.c lib/nvgen.h \
	lib/slotlines.c lib/slotlines.h \
	lib/strbuf.c lib/strbuf.h \
	lib/system.c lib/system.h \
	lib/vty.c lib/vty.h \
	lib/bytes.h \
	lib/chash.c lib/chash.h \
	lib/inet4.c lib/inet4.h \
	lib/xalloc.c lib/xalloc.h
