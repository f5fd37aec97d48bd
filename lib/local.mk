libiosh_a_SOURCES += \
	lib/clock.c lib/clock.h \
	lib/evloop.c lib/evloop.h \
	lib/nvgen.c lib/nvgen.h \
	lib/strbuf.c lib/strbuf.h \
	lib/system.c lib/system.h \
	lib/vty.c lib/vty.h
