/* shell: placeholder tables, filled by the shell configuration work. */
#include "grammar/modes.h"

const struct cmd_table passive_table = { NULL, 0 };
const struct cmd_table aaa_table = { NULL, 0 };
const struct cmd_table aaa_neg_table = { NULL, 0 };
const struct cmd_table nvram_exec_table = { NULL, 0 };
