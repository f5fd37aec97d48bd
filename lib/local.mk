libiosh_a_SOURCES += \
	lib/clock.c lib/clock.h \
	lib/evloop.c lib/evloop.h \
	lib/strbuf.c lib/strbuf.h \
	lib/vty.c lib/vty.h
