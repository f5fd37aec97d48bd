/*
 * dhcp: the DHCP server's and client's commands (dataplane/dhcp_*.c):
 * `ip dhcp pool` and its dhcp-config mode, `ip dhcp excluded-address`,
 * `show ip dhcp binding`, `clear ip dhcp binding`, `show dhcp lease`.
 * (`ip address dhcp` is in grammar/interface.c.)
 */
#include "dataplane/cmds.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)
#define ADDRS(help)							\
	"A.B.C.D$a1 [A.B.C.D$a2 [A.B.C.D$a3 [A.B.C.D$a4]]]"
#define ADDRS_HELP(what)						\
	what "\n" what "\n" what "\n" what

static const struct cmd_def dhcp_config_defs[] = {
	{ "ip dhcp pool WORD$name",
	  "Global IP configuration subcommands\n"
	  "Configure DHCP server and relay parameters\n"
	  "Configure DHCP address pools\n"
	  "Pool name",
	  dp_ip_dhcp_pool_cmd, NEG, NULL },
	{ "ip dhcp excluded-address A.B.C.D$lo [A.B.C.D$hi]",
	  "Global IP configuration subcommands\n"
	  "Configure DHCP server and relay parameters\n"
	  "Prevent DHCP from assigning certain addresses\n"
	  "Low IP address\n"
	  "High IP address",
	  dp_ip_dhcp_excluded_cmd, NEG, NULL },
};

const struct cmd_table dhcp_config_table = CMD_TABLE(dhcp_config_defs);

static const struct cmd_def dhcp_pool_defs[] = {
	{ "network A.B.C.D$net A.B.C.D$mask",
	  "Network number and mask\n"
	  "Network number in dotted-decimal notation\n"
	  "Network mask",
	  dhcp_network_cmd, NEG, NULL },
	{ "default-router " ADDRS(),
	  "Default routers\n"
	  ADDRS_HELP("Router's IP address"),
	  dhcp_servers_cmd, NEG, "router" },
	{ "dns-server " ADDRS(),
	  "DNS servers\n"
	  ADDRS_HELP("Server's name or IP address"),
	  dhcp_servers_cmd, NEG, "dns" },
	{ "domain-name WORD$domain",
	  "Domain name\n"
	  "Domain name",
	  dhcp_domain_cmd, NEG, NULL },
	{ "lease (<0-365>$days [<0-23>$hours [<0-59>$mins]]|infinite)",
	  "Address lease time\n"
	  "Days\n"
	  "Hours\n"
	  "Minutes\n"
	  "Infinite lease",
	  dhcp_lease_cmd, NEG, NULL },
};

const struct cmd_table dhcp_pool_table = CMD_TABLE(dhcp_pool_defs);

/* "no default-router" and friends take no argument. */
static const struct cmd_def dhcp_pool_neg_defs[] = {
	{ "default-router", "Default routers", dhcp_servers_cmd, NEG,
	  "router" },
	{ "dns-server", "DNS servers", dhcp_servers_cmd, NEG, "dns" },
	{ "domain-name", "Domain name", dhcp_domain_cmd, NEG, NULL },
	{ "lease", "Address lease time", dhcp_lease_cmd, NEG, NULL },
	{ "network", "Network number and mask", dhcp_network_cmd, NEG,
	  NULL },
};

const struct cmd_table dhcp_pool_neg_table = CMD_TABLE(dhcp_pool_neg_defs);

static const struct cmd_def dhcp_exec_defs[] = {
	{ "show ip dhcp binding",
	  "Show running system information\n"
	  "IP information\n"
	  "Show items in the DHCP database\n"
	  "DHCP address bindings",
	  dp_show_ip_dhcp_binding_cmd, 0, NULL },
	/* The parser has no "*" keyword: the handler reads the word. */
	{ "clear ip dhcp binding WORD$which",
	  "Reset functions\n"
	  "IP\n"
	  "Delete items from the DHCP database\n"
	  "DHCP address bindings\n"
	  "\"*\" (all automatic bindings) or a client's IP address",
	  dp_clear_ip_dhcp_binding_cmd, 0, NULL },
	{ "show dhcp lease",
	  "Show running system information\n"
	  "Dynamic Host Configuration Protocol\n"
	  "Show DHCP Addresses leased from a server",
	  dp_show_dhcp_lease_cmd, 0, NULL },
};

const struct cmd_table dhcp_exec_table = CMD_TABLE(dhcp_exec_defs);
