/*
 * nat: NAT's commands (dataplane/nat_cmd.c, nat_show.c): `ip nat pool`,
 * `ip nat inside source list|static`, `ip nat translation` timeouts,
 * `show ip nat translations|statistics`, `clear ip nat translation|
 * statistics`.  (`ip nat inside|outside` is in grammar/interface.c.)
 */
#include "dataplane/cmds.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)
#define NAT_HELP \
	"Global IP configuration subcommands\n" \
	"NAT configuration commands\n"
#define SRC_HELP NAT_HELP \
	"Inside address translation\n" \
	"Source address translation\n"
#define LIST_HELP SRC_HELP \
	"Specify access list describing local addresses\n" \
	"Access list number for local addresses\n" \
	"Access list name for local addresses\n"
#define TO_HELP \
	"Timeout in seconds\n" \
	"Never timeout\n"

static const struct cmd_def nat_config_defs[] = {
	{ "ip nat inside source list (<1-2699>$acl|WORD$acl) interface "
	  "WORD$ifname [overload]",
	  LIST_HELP
	  "Specify interface for global address\n"
	  "Interface name and number\n"
	  "Overload an address translation",
	  dp_ip_nat_list_cmd, NEG, NULL },
	{ "ip nat inside source list (<1-2699>$acl|WORD$acl) pool WORD$poolname "
	  "[overload]",
	  LIST_HELP
	  "Name pool of global addresses\n"
	  "Pool name for global addresses\n"
	  "Overload an address translation",
	  dp_ip_nat_list_cmd, NEG, NULL },
	{ "ip nat inside source static A.B.C.D$local A.B.C.D$global",
	  SRC_HELP
	  "Specify static local->global mapping\n"
	  "Inside local IP address\n"
	  "Inside global IP address",
	  dp_ip_nat_static_cmd, NEG, NULL },
	{ "ip nat inside source static (tcp$proto|udp$proto) A.B.C.D$local "
	  "<1-65535>$lport A.B.C.D$global <1-65535>$gport [extendable]",
	  SRC_HELP
	  "Specify static local->global mapping\n"
	  "Transmission Control Protocol\n"
	  "User Datagram Protocol\n"
	  "Inside local IP address\n"
	  "Local UDP/TCP port\n"
	  "Inside global IP address\n"
	  "Global UDP/TCP port\n"
	  "Extend this translation when used",
	  dp_ip_nat_static_cmd, NEG, NULL },
	{ "ip nat outside source static A.B.C.D$global A.B.C.D$local",
	  NAT_HELP
	  "Outside address translation\n"
	  "Source address translation\n"
	  "Specify static global->local mapping\n"
	  "Outside global IP address\n"
	  "Outside local IP address",
	  dp_ip_nat_ostatic_cmd, NEG, NULL },
	{ "ip nat pool WORD$name A.B.C.D$start A.B.C.D$end "
	  "(netmask A.B.C.D$mask|prefix-length <1-32>$len)",
	  NAT_HELP
	  "Define pool of addresses\n"
	  "Pool name\n"
	  "Start IP address\n"
	  "End IP address\n"
	  "Specify the network mask\n"
	  "Network mask\n"
	  "Specify the prefix length\n"
	  "Prefix length",
	  dp_ip_nat_pool_cmd, NEG, NULL },
	{ "ip nat translation (timeout$which|tcp-timeout$which|"
	  "udp-timeout$which|dns-timeout$which|finrst-timeout$which|"
	  "icmp-timeout$which) (<0-2147483>$secs|never)",
	  NAT_HELP
	  "NAT translation entry configuration\n"
	  "Specify timeout for dynamic NAT translations\n"
	  "Specify timeout for NAT TCP flows\n"
	  "Specify timeout for NAT UDP flows\n"
	  "Specify timeout for NAT DNS flows\n"
	  "Specify timeout for NAT TCP flows after a FIN or RST\n"
	  "Specify timeout for NAT ICMP flows\n"
	  TO_HELP,
	  dp_ip_nat_timeout_cmd, NEG, NULL },
	{ "ip nat translation max-entries <1-2147483647>$max",
	  NAT_HELP
	  "NAT translation entry configuration\n"
	  "Specify maximum number of NAT entries\n"
	  "Number of entries",
	  dp_ip_nat_max_cmd, NEG, NULL },
};

#define SHOW_NAT "Show running system information\nIP information\n" \
	"IP NAT information\n"

static const struct cmd_def nat_exec_defs[] = {
	{ "show ip nat translations [verbose]",
	  SHOW_NAT
	  "Translation entries\n"
	  "Show extra information",
	  dp_show_ip_nat_translations_cmd, CMD_FILTER, NULL },
	{ "show ip nat statistics",
	  SHOW_NAT
	  "Translation statistics",
	  dp_show_ip_nat_statistics_cmd, CMD_FILTER, NULL },
	/* The parser has no "*" keyword: the handler reads the word. */
	{ "clear ip nat translation WORD$which",
	  "Reset functions\n"
	  "IP\n"
	  "Clear NAT\n"
	  "Clear dynamic translation\n"
	  "Delete all dynamic translations",
	  dp_clear_ip_nat_translation_cmd, 0, NULL },
	{ "clear ip nat translation inside A.B.C.D$g A.B.C.D$l",
	  "Reset functions\n"
	  "IP\n"
	  "Clear NAT\n"
	  "Clear dynamic translation\n"
	  "Inside addresses (and ports)\n"
	  "Global IP address\n"
	  "Local IP address",
	  dp_clear_ip_nat_translation_cmd, 0, NULL },
	{ "clear ip nat translation (tcp$proto|udp$proto) inside A.B.C.D$g "
	  "<1-65535>$gp A.B.C.D$l <1-65535>$lp",
	  "Reset functions\n"
	  "IP\n"
	  "Clear NAT\n"
	  "Clear dynamic translation\n"
	  "TCP\n"
	  "UDP\n"
	  "Inside addresses (and ports)\n"
	  "Global IP address\n"
	  "Global port\n"
	  "Local IP address\n"
	  "Local port",
	  dp_clear_ip_nat_translation_cmd, 0, NULL },
	{ "clear ip nat statistics",
	  "Reset functions\n"
	  "IP\n"
	  "Clear NAT\n"
	  "Clear translation statistics",
	  dp_clear_ip_nat_statistics_cmd, 0, NULL },
	{ "debug ip nat",
	  "Debugging functions (see also 'undebug')\n"
	  "IP information\n"
	  "NAT events",
	  dp_debug_ip_nat_cmd, 0, NULL },
	{ "undebug ip nat",
	  "Disable debugging functions (see also 'debug')\n"
	  "IP information\n"
	  "NAT events",
	  dp_debug_ip_nat_cmd, 0, "off" },
	{ "no debug ip nat",
	  "Disable debugging functions\n"
	  "Debugging functions (see also 'undebug')\n"
	  "IP information\n"
	  "NAT events",
	  dp_debug_ip_nat_cmd, 0, "off" },
};

/* `no ip nat pool NAME`: the pool goes without its addresses. */
static const struct cmd_def nat_config_neg_defs[] = {
	{ "ip nat pool WORD$name",
	  NAT_HELP
	  "Define pool of addresses\n"
	  "Pool name",
	  dp_ip_nat_pool_cmd, NEG, NULL },
};

const struct cmd_table nat_config_table = CMD_TABLE(nat_config_defs);
const struct cmd_table nat_config_neg_table = CMD_TABLE(nat_config_neg_defs);
const struct cmd_table nat_exec_table = CMD_TABLE(nat_exec_defs);
