/* dataplane: placeholder tables, filled by the dataplane configuration work. */
#include "grammar/modes.h"

const struct cmd_table dp_exec_table = { NULL, 0 };
const struct cmd_table dp_config_table = { NULL, 0 };
const struct cmd_table dp_config_neg_table = { NULL, 0 };
const struct cmd_table interface_table = { NULL, 0 };
const struct cmd_table interface_neg_table = { NULL, 0 };
const struct cmd_table ext_nacl_table = { NULL, 0 };
const struct cmd_table std_nacl_table = { NULL, 0 };
