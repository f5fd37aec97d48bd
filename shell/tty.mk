# The readline console of a tty and its --More-- pager.
libiosh_a_SOURCES += shell/console_tty.c shell/pager.c shell/pager.h
