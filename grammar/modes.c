/*
 * modes: one row per CLI mode.  Exec modes have no parent (their `exit`
 * ends the session); every configuration sub-mode's parent is (config),
 * which is where a line that fails in a sub-mode is tried next.  A mode's
 * commands come from several tables, one per subsystem that owns them.
 */
#include "crypto/cmds.h"
#include "dataplane/cmds.h"
#include "grammar/modes.h"
#include "shell/cmds.h"

/* A configuration sub-mode built from TABLES (NULL-ended). */
#define SUBMODE(id, name, suffix, title, exithelp, ...)			\
	[id] = { id, name, MODE_CONFIG, suffix, title, MODE_F_CONFIG,	\
	    { "exit", exithelp, cmd_exit_config, 0, NULL },		\
	    { __VA_ARGS__, &submode_table, NULL }, { NULL } }
/* The same with the forms that exist only after "no" (NEG). */
#define SUBMODE_NEG(id, name, suffix, title, exithelp, neg, ...)	\
	[id] = { id, name, MODE_CONFIG, suffix, title, MODE_F_CONFIG,	\
	    { "exit", exithelp, cmd_exit_config, 0, NULL },		\
	    { __VA_ARGS__, &submode_table, NULL }, { neg, NULL } }

const struct mode_info mode_table[MODE_MAX] = {
	[MODE_USER_EXEC] = { MODE_USER_EXEC, "exec", MODE_NONE, ">",
	    "Exec commands:", MODE_F_EXEC, { NULL, NULL, NULL, 0, NULL },
	    { &exec_user_table, &dp_exec_table, NULL }, { NULL } },
	[MODE_PRIV_EXEC] = { MODE_PRIV_EXEC, "exec", MODE_NONE, "#",
	    "Exec commands:", MODE_F_EXEC, { NULL, NULL, NULL, 0, NULL },
	    { &exec_user_table, &exec_priv_table, &nvram_exec_table,
	      &vty_exec_table, &crypto_exec_table, &dp_exec_table,
	      &dp_exec_priv_table, &monitor_exec_table, &dhcp_exec_table,
	      &nat_exec_table, NULL },
	    { NULL } },
	[MODE_CONFIG] = { MODE_CONFIG, "config", MODE_PRIV_EXEC, "(config)#",
	    "Configure commands:", MODE_F_CONFIG,
	    { "exit", "Exit from configure mode", cmd_exit_config, 0, NULL },
	    { &config_table, &aaa_table, &enable_table, &passive_table,
	      &crypto_config_table, &dp_config_table, &acl_config_table,
	      &dhcp_config_table, &nat_config_table, &router_config_table,
	      &submode_table, NULL },
	    { &config_neg_table, &aaa_neg_table, &enable_neg_table,
	      &crypto_config_neg_table, &dp_config_neg_table,
	      &acl_config_neg_table, &nat_config_neg_table, &passive_neg_table,
	      &router_config_neg_table, NULL } },
	[MODE_CONFIG_LINE] = { MODE_CONFIG_LINE, "config-line", MODE_CONFIG,
	    "(config-line)#", "Line configuration commands:", MODE_F_CONFIG,
	    { "exit", "Exit from line configuration mode", cmd_exit_config, 0,
	      NULL },
	    { &line_table, &submode_table, NULL },
	    { &line_neg_table, NULL } },
	SUBMODE_NEG(MODE_CONFIG_IF, "config-if", "(config-if)#",
	    "Interface configuration commands:",
	    "Exit from interface configuration mode",
	    &interface_neg_table, &interface_table, &crypto_if_table),
	SUBMODE_NEG(MODE_CONFIG_ISAKMP, "config-isakmp", "(config-isakmp)#",
	    "ISAKMP commands:",
	    "Exit from ISAKMP protection suite configuration mode",
	    &isakmp_policy_neg_table, &isakmp_policy_table),
	SUBMODE_NEG(MODE_CONFIG_CRYPTO_MAP, "config-crypto-map",
	    "(config-crypto-map)#", "Crypto Map configuration commands:",
	    "Exit from crypto map configuration mode", &crypto_map_neg_table,
	    &crypto_map_table),
	SUBMODE_NEG(MODE_CFG_CRYPTO_TRANS, "cfg-crypto-trans",
	    "(cfg-crypto-trans)#", "Crypto Transform Configuration Commands:",
	    "Exit from crypto transform configuration mode",
	    &transform_neg_table, &transform_table),
	SUBMODE_NEG(MODE_CONFIG_KEYRING, "config-keyring",
	    "(config-keyring)#", "Keyring configuration commands:",
	    "Exit from crypto keyring configuration mode", &keyring_neg_table,
	    &keyring_table),
	SUBMODE_NEG(MODE_CONF_ISA_PROF, "conf-isa-prof", "(conf-isa-prof)#",
	    "Crypto ISAKMP Profile Commands:",
	    "Exit from crypto isakmp profile sub mode",
	    &isakmp_profile_neg_table, &isakmp_profile_table),
	SUBMODE_NEG(MODE_CONFIG_ISAKMP_GROUP, "config-isakmp-group",
	    "(config-isakmp-group)#", "ISAKMP group policy config commands:",
	    "Exit from ISAKMP client configuration mode",
	    &isakmp_group_neg_table, &isakmp_group_table),
	SUBMODE_NEG(MODE_CONFIG_EXT_NACL, "config-ext-nacl",
	    "(config-ext-nacl)#", "Ext Access List configuration commands:",
	    "Exit from access-list configuration mode", &nacl_neg_table,
	    &ext_nacl_table),
	SUBMODE_NEG(MODE_DHCP_CONFIG, "dhcp-config", "(dhcp-config)#",
	    "DHCP pool configuration commands:",
	    "Exit from DHCP pool configuration mode", &dhcp_pool_neg_table,
	    &dhcp_pool_table),
	SUBMODE_NEG(MODE_CONFIG_STD_NACL, "config-std-nacl",
	    "(config-std-nacl)#",
	    "Standard Access List configuration commands:",
	    "Exit from access-list configuration mode", &nacl_neg_table,
	    &std_nacl_table),
	SUBMODE_NEG(MODE_IPSEC_PROFILE, "ipsec-profile", "(ipsec-profile)#",
	    "Crypto Map configuration commands:",
	    "Exit from crypto map configuration mode",
	    &ipsec_profile_neg_table, &ipsec_profile_table),
	/* Modes of lines the product stores but does not act on. */
	SUBMODE(MODE_CONFIG_CONTROLLER, "config-controller",
	    "(config-controller)#", "Controller configuration commands:",
	    "Exit from controller configuration mode", &empty_table),
	SUBMODE(MODE_CONFIG_CP, "config-cp", "(config-cp)#",
	    "Control-plane configuration commands:",
	    "Exit from control-plane configuration mode", &empty_table),
	SUBMODE(MODE_CONFIG_ROUTER, "config-router", "(config-router)#",
	    "Router configuration commands:",
	    "Exit from routing protocol configuration mode", &router_table),
	/* An address-family's parent is its router block: a line it does
	 * not know is tried there, and `exit` goes back there. */
	[MODE_CONFIG_ROUTER_AF] = { MODE_CONFIG_ROUTER_AF, "config-router-af",
	    MODE_CONFIG_ROUTER, "(config-router-af)#",
	    "Router Address Family configuration commands:", MODE_F_CONFIG,
	    { "exit", "Exit from Address Family configuration mode",
	      cmd_exit_config, 0, NULL },
	    { &router_af_table, &router_table, &submode_table, NULL },
	    { NULL } },
	SUBMODE(MODE_CONFIG_ROUTE_MAP, "config-route-map",
	    "(config-route-map)#", "Route Map configuration commands:",
	    "Exit from route-map configuration mode", &route_map_table),
	SUBMODE(MODE_CONFIG_VIRT_SERV, "config-virt-serv",
	    "(config-virt-serv)#", "Virtual service configuration commands:",
	    "Exit from virtual service configuration mode", &empty_table),
	SUBMODE(MODE_CONFIG_RED, "config-red", "(config-red)#",
	    "Redundancy configuration commands:",
	    "Exit from redundancy configuration mode", &empty_table),
	SUBMODE(MODE_CONFIG_DP_CORLIST, "config-dp-corlist",
	    "(config-dp-corlist)#", "Dial-peer class of restriction commands:",
	    "Exit from dial-peer class of restriction mode", &empty_table),
	SUBMODE(MODE_CONFIG_MGCP_PROFILE, "config-mgcp-profile",
	    "(config-mgcp-profile)#", "MGCP profile configuration commands:",
	    "Exit from MGCP profile configuration mode", &empty_table),
};
