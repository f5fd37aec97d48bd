/*
 * modes: one row per CLI mode.  Exec modes have no parent (their `exit`
 * ends the session); every configuration sub-mode's parent is (config),
 * which is where a line that fails in a sub-mode is tried next.
 */
#include "grammar/modes.h"
#include "shell/cmds.h"

/* The row of a configuration sub-mode that has no commands of its own yet. */
#define SUBMODE(id, name, suffix, title, exithelp)			\
	[id] = { id, name, MODE_CONFIG, suffix, title, MODE_F_CONFIG,	\
	    { "exit", exithelp, cmd_exit_config, 0 },			\
	    { &submode_table, NULL }, { NULL } }

const struct mode_info mode_table[MODE_COUNT] = {
	[MODE_USER_EXEC] = { MODE_USER_EXEC, "exec", MODE_COUNT, ">",
	    "Exec commands:", MODE_F_EXEC, { NULL, NULL, NULL, 0 },
	    { &exec_user_table, NULL }, { NULL } },
	[MODE_PRIV_EXEC] = { MODE_PRIV_EXEC, "exec", MODE_COUNT, "#",
	    "Exec commands:", MODE_F_EXEC, { NULL, NULL, NULL, 0 },
	    { &exec_user_table, &exec_priv_table, NULL }, { NULL } },
	[MODE_CONFIG] = { MODE_CONFIG, "config", MODE_PRIV_EXEC, "(config)#",
	    "Configure commands:", MODE_F_CONFIG,
	    { "exit", "Exit from configure mode", cmd_exit_config, 0 },
	    { &config_table, &submode_table, NULL },
	    { &config_neg_table, NULL } },
	[MODE_CONFIG_LINE] = { MODE_CONFIG_LINE, "config-line", MODE_CONFIG,
	    "(config-line)#", "Line configuration commands:", MODE_F_CONFIG,
	    { "exit", "Exit from line configuration mode", cmd_exit_config, 0 },
	    { &line_table, &submode_table, NULL },
	    { &line_neg_table, NULL } },
	SUBMODE(MODE_CONFIG_IF, "config-if", "(config-if)#",
	    "Interface configuration commands:",
	    "Exit from interface configuration mode"),
	SUBMODE(MODE_CONFIG_ISAKMP, "config-isakmp", "(config-isakmp)#",
	    "ISAKMP commands:",
	    "Exit from ISAKMP protection suite configuration mode"),
	SUBMODE(MODE_CONFIG_CRYPTO_MAP, "config-crypto-map",
	    "(config-crypto-map)#", "Crypto Map configuration commands:",
	    "Exit from crypto map configuration mode"),
	SUBMODE(MODE_CFG_CRYPTO_TRANS, "cfg-crypto-trans",
	    "(cfg-crypto-trans)#", "Crypto Transform Configuration Commands:",
	    "Exit from crypto transform configuration mode"),
	SUBMODE(MODE_CONFIG_KEYRING, "config-keyring", "(config-keyring)#",
	    "Keyring configuration commands:",
	    "Exit from crypto keyring configuration mode"),
	SUBMODE(MODE_CONF_ISA_PROF, "conf-isa-prof", "(conf-isa-prof)#",
	    "Crypto ISAKMP Profile Commands:",
	    "Exit from crypto isakmp profile sub mode"),
	SUBMODE(MODE_CONFIG_ISAKMP_GROUP, "config-isakmp-group",
	    "(config-isakmp-group)#", "ISAKMP group policy config commands:",
	    "Exit from ISAKMP client configuration mode"),
	SUBMODE(MODE_CONFIG_EXT_NACL, "config-ext-nacl", "(config-ext-nacl)#",
	    "Ext Access List configuration commands:",
	    "Exit from access-list configuration mode"),
	SUBMODE(MODE_CONFIG_STD_NACL, "config-std-nacl", "(config-std-nacl)#",
	    "Standard Access List configuration commands:",
	    "Exit from access-list configuration mode"),
	SUBMODE(MODE_IPSEC_PROFILE, "ipsec-profile", "(ipsec-profile)#",
	    "Crypto Map configuration commands:",
	    "Exit from crypto map configuration mode"),
};
