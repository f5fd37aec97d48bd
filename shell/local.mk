# shell/: router, sessions, dispatch, errors, filters, logging, the line
# console and the shell's own command handlers.  main.c is iosh_SOURCES.
libiosh_a_SOURCES += \
	shell/cmds.h \
	shell/cmd_config.c \
	shell/cmd_exec.c \
	shell/cmd_line.c \
	shell/cmd_nvram.c \
	shell/cmd_passive.c \
	shell/cmd_show.c \
	shell/show_line.c \
	shell/show_hosts.c \
	shell/show_protocols.c \
	shell/aaa.c shell/aaa.h \
	shell/banner.c shell/banner.h \
	shell/console.h \
	shell/console_line.c \
	shell/console_telnet.c shell/console_telnet.h \
	shell/vty_conn.c shell/vty_conn.h shell/vty_listen.c \
	shell/ssh_cfg.c shell/ssh_cfg.h \
	shell/dispatch.c shell/dispatch.h \
	shell/enable.c shell/enable.h \
	shell/errors.c shell/errors.h \
	shell/filter.c shell/filter.h \
	shell/flash.c shell/flash.h \
	shell/lines.c shell/lines.h \
	shell/log.c shell/log.h \
	shell/logging.c shell/logging.h \
	shell/cmd_logging.c \
	shell/login.c shell/login.h \
	shell/login_block.c shell/login_block.h \
	shell/modes.c \
	shell/nvram.c shell/nvram.h \
	shell/passive.c shell/passive.h \
	shell/password.c shell/password.h \
	shell/router.c shell/router.h \
	shell/routing.c shell/routing.h \
	shell/snmp.c shell/snmp.h \
	shell/runcfg.c shell/runcfg.h \
	shell/session.c shell/session.h \
	shell/startup.c shell/startup.h \
	shell/type7.c shell/type7.h \
	shell/uptime.c shell/uptime.h
