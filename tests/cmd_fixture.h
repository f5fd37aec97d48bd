/*
 * cmd_fixture: the command engine's test grammar, shared by check_cmd and
 * check_memo.  setup() builds an exec set (EX, with the output-modifier
 * tail) and a config set (CFG, with "no", "default" and "do"); M() matches
 * a line into M; every handler is fn(), which counts its calls in RAN.
 */
#ifndef IOSH_TESTS_CMD_FIXTURE_H
#define IOSH_TESTS_CMD_FIXTURE_H

#include "parser/cmd.h"

extern int		 ran;
extern const struct cmd_def exec_cmds[], cfg_cmds[];
extern struct cmd_set	*ex, *cfg;
extern struct cmd_match	 m;	/* the last M()'s answer */
extern char		 err[256];

int		fn(struct vty *, const struct cmd_args *);
void		setup(void);
void		teardown(void);
/* Match LINE and return the status, keeping the result in m. */
enum cmd_status	M(const struct cmd_set *, const char *line);
/* The `?` help for LINE rendered at WIDTH, or "ERROR status at offset". */
char	       *help(const struct cmd_set *, const char *line, unsigned width);

#define ck_help(set, line, width, expect) do {				\
	char *_h = help(set, line, width);				\
	ck_assert_str_eq(_h, expect);					\
	free(_h);							\
} while (0)

#endif
