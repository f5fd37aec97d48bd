libiosh_a_SOURCES += \
	parser/cmd.h parser/cmd_impl.h \
	parser/cmd_syntax.c parser/cmd_walk.c parser/cmd_args.c \
	parser/cmd_help.c \
	parser/cmd_memo.c
