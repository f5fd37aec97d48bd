/*
 * ip: the dataplane's (config) commands — interface, ip route, ipv6
 * routing, ip nat — and its exec show commands.  An interface name is
 * a type keyword and a number (for `?`) or, hidden, one word that the
 * dataplane splits ("Serial1/2", "fa0/1").
 */
#include "dataplane/cmds.h"
#include "grammar/dp_grammar.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)
#define IP_HELP	"Global IP configuration subcommands\n"
#define IFACE_HELP "Select an interface to configure\n"

static const struct cmd_def dp_config_defs[] = {
	{ "interface " IF_TYPES " WORD$num [type$vt tunnel$vttun]",
	  IFACE_HELP
	  IF_TYPES_HELP
	  "Interface number\n"
	  "type of the virtual-template\n"
	  "Tunnel interface",
	  dp_interface_cmd, CMD_NO, NULL },
	{ "interface WORD$name [type$vt tunnel$vttun]",
	  IFACE_HELP
	  "Interface name and number\n"
	  "type of the virtual-template\n"
	  "Tunnel interface",
	  dp_interface_cmd, CMD_NO | CMD_HIDDEN, NULL },
	{ "ip route A.B.C.D$prefix A.B.C.D$mask (A.B.C.D$nh|WORD$ifname "
	  "[A.B.C.D$ifnh]) [<1-255>$distance] [name WORD$rtname] [permanent]",
	  IP_HELP
	  "Establish static routes\n"
	  "Destination prefix\n"
	  "Destination prefix mask\n"
	  "Forwarding router's address\n"
	  "Interface name and number\n"
	  "Forwarding router's address\n"
	  "Distance metric for this route\n"
	  "Specify name of the next hop\n"
	  "Name of the next hop\n"
	  "permanent route",
	  dp_ip_route_cmd, NEG, NULL },
	{ "cdp run",
	  "Global CDP configuration subcommands\n"
	  "Enable CDP",
	  dp_cdp_run_cmd, NEG, NULL },
	{ "ipv6 unicast-routing",
	  "Global IPv6 configuration commands\n"
	  "Enable unicast routing",
	  dp_ipv6_unicast_routing_cmd, NEG, NULL },
	{ "ipv6 route X:X:X:X::X/<0-128>$prefix (X:X:X:X::X$nh|WORD$ifname)",
	  "Global IPv6 configuration commands\n"
	  "Configure static routes\n"
	  "IPv6 destination prefix\n"
	  "IPv6 address of next-hop\n"
	  "Interface name and number",
	  dp_ipv6_route_cmd, NEG, NULL },
};

#define SHOW_IP	"Show running system information\nIP information\n"
#define ACL_ARG	"[(<1-2699>$name|WORD$name)]"
#define ACL_ARG_HELP "ACL number\nACL name"

/* The first option after ping's destination; the rest of the line is
 * read by the handler, so options come in any order as on IOS. */
#define PING_OPTS \
	"[(data$opt|df-bit$opt|repeat$opt|size$opt|source$opt|timeout$opt|" \
	"tos$opt|validate$opt) [LINE$rest]]"
#define PING_OPTS_HELP \
	"specify data pattern\n" \
	"enable do not fragment bit in IP header\n" \
	"specify repeat count\n" \
	"specify datagram size\n" \
	"specify source address or name\n" \
	"specify timeout interval\n" \
	"Type of Service\n" \
	"validate reply data\n" \
	"more options"
#define PING_HELP	"Send echo messages\n"

static const struct cmd_def dp_exec_defs[] = {
	{ "ping A.B.C.D$dst " PING_OPTS,
	  PING_HELP
	  "Ping destination address or hostname\n"
	  PING_OPTS_HELP,
	  dp_ping_cmd, 0, NULL },
	{ "ping ip A.B.C.D$dst " PING_OPTS,
	  PING_HELP
	  "IP echo\n"
	  "Ping destination address or hostname\n"
	  PING_OPTS_HELP,
	  dp_ping_cmd, 0, NULL },
	{ "ping ipv6 X:X:X:X::X$dst6 " PING_OPTS,
	  PING_HELP
	  "IPv6 echo\n"
	  "Ping destination address or hostname\n"
	  PING_OPTS_HELP,
	  dp_ping_cmd, 0, NULL },
	{ "ping X:X:X:X::X$dst6 " PING_OPTS,
	  PING_HELP
	  "Ping destination address or hostname\n"
	  PING_OPTS_HELP,
	  dp_ping_cmd, CMD_HIDDEN, NULL },
	{ "ping WORD$host",
	  PING_HELP
	  "Ping destination address or hostname",
	  dp_ping_cmd, CMD_HIDDEN, NULL },
	{ "show ip interface brief",
	  SHOW_IP
	  "IP interface status and configuration\n"
	  "Brief summary of IP status and configuration",
	  dp_show_ip_interface_brief_cmd, CMD_FILTER, NULL },
	{ "show ip interface [" IF_TYPES " WORD$num]",
	  SHOW_IP
	  "IP interface status and configuration\n"
	  IF_TYPES_HELP
	  "Interface number",
	  dp_show_ip_interface_cmd, CMD_FILTER, NULL },
	{ "show ip interface WORD$name",
	  SHOW_IP
	  "IP interface status and configuration\n"
	  "Interface name and number",
	  dp_show_ip_interface_cmd, CMD_FILTER | CMD_HIDDEN, NULL },
	{ "show interfaces [" IF_TYPES " WORD$num]",
	  "Show running system information\n"
	  "Interface status and configuration\n"
	  IF_TYPES_HELP
	  "Interface number",
	  dp_show_interfaces_cmd, CMD_FILTER, NULL },
	{ "show cdp",
	  "Show running system information\n"
	  "CDP information",
	  dp_show_cdp_cmd, CMD_FILTER, NULL },
	{ "show cdp interface",
	  "Show running system information\n"
	  "CDP information\n"
	  "CDP interface status and configuration",
	  dp_show_cdp_interface_cmd, CMD_FILTER, NULL },
	{ "show cdp neighbors [detail]",
	  "Show running system information\n"
	  "CDP information\n"
	  "CDP neighbor entries\n"
	  "Show detailed information",
	  dp_show_cdp_neighbors_cmd, CMD_FILTER, NULL },
	{ "show cdp traffic",
	  "Show running system information\n"
	  "CDP information\n"
	  "CDP statistics",
	  dp_show_cdp_traffic_cmd, CMD_FILTER, NULL },
	{ "show protocols",
	  "Show running system information\n"
	  "Active network routing protocols",
	  dp_show_protocols_cmd, CMD_FILTER, NULL },
	{ "show interfaces description",
	  "Show running system information\n"
	  "Interface status and configuration\n"
	  "Show interface description",
	  dp_show_interfaces_description_cmd, CMD_FILTER, NULL },
	{ "show interfaces WORD$name",
	  "Show running system information\n"
	  "Interface status and configuration\n"
	  "Interface name and number",
	  dp_show_interfaces_cmd, CMD_FILTER | CMD_HIDDEN, NULL },
	{ "traceroute [ip] A.B.C.D$dst [source WORD$src]",
	  "Trace route to destination\n"
	  "IP Trace\n"
	  "Trace route to destination address or hostname\n"
	  "specify source address or name\n"
	  "A.B.C.D or interface name",
	  dp_traceroute_cmd, 0, NULL },
	{ "show ip route [(static|connected)]",
	  SHOW_IP
	  "IP routing table\n"
	  "Static routes\n"
	  "Connected networks",
	  dp_show_ip_route_cmd, CMD_FILTER, NULL },
	{ "show ip route A.B.C.D$addr [A.B.C.D$mask]",
	  SHOW_IP
	  "IP routing table\n"
	  "Network to display information about or hostname\n"
	  "Network mask",
	  dp_show_ip_route_cmd, CMD_FILTER, NULL },
	{ "show arp",
	  "Show running system information\n"
	  "ARP table",
	  dp_show_arp_cmd, CMD_FILTER, NULL },
	{ "show ip arp",
	  SHOW_IP
	  "IP ARP table",
	  dp_show_arp_cmd, CMD_FILTER, NULL },
	{ "show ipv6 neighbors",
	  "Show running system information\n"
	  "IPv6 information\n"
	  "Show IPv6 neighbor cache entries",
	  dp_show_ipv6_neighbors_cmd, CMD_FILTER, NULL },
	{ "show access-lists " ACL_ARG,
	  "Show running system information\n"
	  "List access lists\n"
	  ACL_ARG_HELP,
	  dp_show_access_lists_cmd, CMD_FILTER, NULL },
	{ "show ip access-lists " ACL_ARG,
	  SHOW_IP
	  "List IP access lists\n"
	  ACL_ARG_HELP,
	  dp_show_access_lists_cmd, CMD_FILTER, NULL },
};

const struct cmd_table dp_config_table = CMD_TABLE(dp_config_defs);
/* `no interface` is the positive form's; nothing exists only after no. */
const struct cmd_table dp_config_neg_table = { NULL, 0 };
const struct cmd_table dp_exec_table = CMD_TABLE(dp_exec_defs);

/* The extended ping's dialog is privileged (user exec: incomplete). */
static const struct cmd_def dp_exec_priv_defs[] = {
	{ "ping [(ip$proto|ipv6$proto)]",
	  PING_HELP
	  "IP echo\n"
	  "IPv6 echo",
	  dp_ping_dialog_cmd, 0, NULL },
};

const struct cmd_table dp_exec_priv_table = CMD_TABLE(dp_exec_priv_defs);
