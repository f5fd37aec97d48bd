/* crypto: placeholder tables, filled by the crypto configuration work. */
#include "grammar/modes.h"

const struct cmd_table crypto_exec_table = { NULL, 0 };
const struct cmd_table crypto_config_table = { NULL, 0 };
const struct cmd_table crypto_config_neg_table = { NULL, 0 };
const struct cmd_table crypto_if_table = { NULL, 0 };
const struct cmd_table isakmp_policy_table = { NULL, 0 };
const struct cmd_table crypto_map_table = { NULL, 0 };
const struct cmd_table transform_table = { NULL, 0 };
const struct cmd_table keyring_table = { NULL, 0 };
const struct cmd_table isakmp_profile_table = { NULL, 0 };
const struct cmd_table isakmp_group_table = { NULL, 0 };
const struct cmd_table ipsec_profile_table = { NULL, 0 };
