/*
 * router: `router ospf|eigrp|bgp|rip` and the lines of their blocks, which
 * iosh stores and renders but does not act on (shell/routing.c).  Every
 * line is a definition of its own: a line IOS would refuse is refused.
 */
#include "grammar/modes.h"
#include "shell/cmds.h"

#define NEG	(CMD_NO | CMD_DEFAULT)

#define NBR	"neighbor WORD$peer "
#define NBR_H	"Specify a neighbor router\n" \
		"Neighbor address or peer-group name\n"
#define RDS_TAIL "[metric <0-4294967295>$m1 [<0-4294967295>$m2 <0-255>$m3 " \
		"<1-255>$m4 <1-65535>$m5]] [subnets] [route-map WORD$map]"
#define RDS_TAIL_H "Metric for redistributed routes\n" \
		"Default metric (bandwidth, or OSPF cost)\n" \
		"EIGRP delay metric, in 10 microsecond units\n" \
		"EIGRP reliability metric where 255 is 100% reliable\n" \
		"EIGRP Effective bandwidth metric (Loading) where 255 is 100% loaded\n" \
		"EIGRP MTU of the path\n" \
		"Consider subnets for redistribution into OSPF\n" \
		"Route map reference\n" \
		"Pointer to route-map entries"

/* The redistribute lines of a router block and of named EIGRP's
 * topology base. */
#define REDISTRIBUTE_ROWS \
	{ "redistribute (connected|static|rip) " RDS_TAIL, \
	  "Redistribute information from another routing protocol\n" \
	  "Connected\n" \
	  "Static routes\n" \
	  "Routing Information Protocol (RIP)\n" RDS_TAIL_H, \
	  cmd_router_line, NEG }, \
	{ "redistribute (ospf|eigrp|bgp) <1-4294967295>$proc " RDS_TAIL, \
	  "Redistribute information from another routing protocol\n" \
	  "Open Shortest Path First (OSPF)\n" \
	  "Enhanced Interior Gateway Routing Protocol (EIGRP)\n" \
	  "Border Gateway Protocol (BGP)\n" \
	  "Process ID or autonomous system number\n" RDS_TAIL_H, \
	  cmd_router_line, NEG }

static const struct cmd_def router_config_defs[] = {
	{ "router ospf <1-65535>$pid [vrf WORD$vrf]",
	  "Enable a routing process\n"
	  "Open Shortest Path First (OSPF)\n"
	  "Process ID\n"
	  "VPN Routing/Forwarding Instance\n"
	  "VPN Routing/Forwarding Instance (VRF) name",
	  cmd_router, NEG },
	{ "router eigrp (<1-65535>$asn|WORD$name)",
	  "Enable a routing process\n"
	  "Enhanced Interior Gateway Routing Protocol (EIGRP)\n"
	  "Autonomous System\n"
	  "EIGRP Virtual-Instance Name",
	  cmd_router, NEG },
	{ "router bgp <1-4294967295>$asn",
	  "Enable a routing process\n"
	  "Border Gateway Protocol (BGP)\n"
	  "Autonomous system number",
	  cmd_router, NEG },
	{ "router rip",
	  "Enable a routing process\n"
	  "Routing Information Protocol (RIP)",
	  cmd_router, NEG },
	{ "route-map WORD$name [permit|deny] [<0-65535>$seq]",
	  "Create route-map or enter route-map command mode\n"
	  "Route map tag\n"
	  "Route map permits set operations\n"
	  "Route map denies set operations\n"
	  "Sequence to insert to/delete from existing route-map entry",
	  cmd_route_map, NEG },
	{ "ip prefix-list WORD$name [seq <1-4294967294>$seqno] (permit|deny) "
	  "WORD$prefix [ge <1-32>$gemin] [le <1-32>$lemax]",
	  "Global IP configuration subcommands\n"
	  "Build a prefix list\n"
	  "Name of a prefix list\n"
	  "sequence number of an entry\n"
	  "Sequence number\n"
	  "Specify packets to forward\n"
	  "Specify packets to reject\n"
	  "IP prefix <network>/<length>, e.g., 35.0.0.0/8\n"
	  "Minimum prefix length to be matched\n"
	  "Minimum prefix length\n"
	  "Maximum prefix length to be matched\n"
	  "Maximum prefix length",
	  cmd_prefix_list, NEG },
	{ "ip prefix-list WORD$name description LINE$text",
	  "Global IP configuration subcommands\n"
	  "Build a prefix list\n"
	  "Name of a prefix list\n"
	  "Prefix-list specific description\n"
	  "Up to 80 characters describing this prefix-list",
	  cmd_community_list, NEG },
	{ "ip community-list (standard|expanded) WORD$name (permit|deny) "
	  "LINE$match",
	  "Global IP configuration subcommands\n"
	  "Add a community list entry\n"
	  "Add a standard community-list entry\n"
	  "Add an expanded community-list entry\n"
	  "Community list name\n"
	  "Specify community to accept\n"
	  "Specify community to reject\n"
	  "Community number or regular expression",
	  cmd_community_list, NEG },
	{ "ip community-list (<1-99>$num|<100-500>$num) (permit|deny) "
	  "LINE$match",
	  "Global IP configuration subcommands\n"
	  "Add a community list entry\n"
	  "Community list number (standard)\n"
	  "Community list number (expanded)\n"
	  "Specify community to accept\n"
	  "Specify community to reject\n"
	  "Community number or regular expression",
	  cmd_community_list, NEG },
	{ "vrf definition WORD$name",
	  "VRF commands\n"
	  "Define VRF\n"
	  "VRF name",
	  cmd_vrf, NEG },
	{ "ip vrf WORD$name",
	  "Global IP configuration subcommands\n"
	  "Configure an IP VPN Routing/Forwarding instance\n"
	  "VPN Routing/Forwarding instance name",
	  cmd_vrf, NEG },
	{ "ip bgp-community new-format",
	  "Global IP configuration subcommands\n"
	  "format for BGP community\n"
	  "select aa:nn format for BGP community",
	  cmd_bgp_community_fmt, NEG },
};

/* The forms IOS takes after "no" without the rest of the line. */
static const struct cmd_def router_config_neg_defs[] = {
	{ "ip prefix-list WORD$name",
	  "Global IP configuration subcommands\n"
	  "Build a prefix list\n"
	  "Name of a prefix list",
	  cmd_prefix_list, NEG },
	{ "ip community-list (standard|expanded) WORD$name",
	  "Global IP configuration subcommands\n"
	  "Add a community list entry\n"
	  "Add a standard community-list entry\n"
	  "Add an expanded community-list entry\n"
	  "Community list name",
	  cmd_community_list, NEG },
};

static const struct cmd_def route_map_defs[] = {
	{ "match ip address (<1-199>$acl|<1300-2699>$acl|WORD$acl)",
	  "Match values from routing table\n"
	  "IP specific information\n"
	  "Match address of route or match packet\n"
	  "IP access-list number\n"
	  "IP access-list number (expanded range)\n"
	  "IP access-list name",
	  cmd_router_line, NEG },
	{ "match ip address prefix-list WORD$list",
	  "Match values from routing table\n"
	  "IP specific information\n"
	  "Match address of route or match packet\n"
	  "Match entries of prefix-lists\n"
	  "IP prefix-list name",
	  cmd_router_line, NEG },
	{ "match community WORD$list [exact-match]",
	  "Match values from routing table\n"
	  "Match BGP community list\n"
	  "Named Access List\n"
	  "Do exact matching of communities",
	  cmd_router_line, NEG },
	{ "match interface WORD$ifname",
	  "Match values from routing table\n"
	  "Match first hop interface of route\n"
	  "Interface name",
	  cmd_router_line, NEG },
	{ "set metric <0-4294967295>$metric",
	  "Set values in destination routing protocol\n"
	  "Metric value for destination routing protocol\n"
	  "Metric value or Bandwidth in Kbits per second",
	  cmd_router_line, NEG },
	{ "set local-preference <0-4294967295>$pref",
	  "Set values in destination routing protocol\n"
	  "BGP local preference path attribute\n"
	  "Preference value",
	  cmd_router_line, NEG },
	{ "set community LINE$communities",
	  "Set values in destination routing protocol\n"
	  "BGP community attribute\n"
	  "community-number, aa:nn, internet, local-AS, no-advertise, "
	  "no-export, additive",
	  cmd_router_line, NEG },
	{ "set ip next-hop A.B.C.D$nh",
	  "Set values in destination routing protocol\n"
	  "IP specific information\n"
	  "Next hop address\n"
	  "IP address of next hop",
	  cmd_router_line, NEG },
	{ "set as-path prepend LINE$path",
	  "Set values in destination routing protocol\n"
	  "Prepend string for a BGP AS-path attribute\n"
	  "Prepend to the as-path\n"
	  "AS number",
	  cmd_router_line, NEG },
	{ "set origin (igp|incomplete)",
	  "Set values in destination routing protocol\n"
	  "BGP origin code\n"
	  "local IGP\n"
	  "unknown heritage",
	  cmd_router_line, NEG },
	{ "set extcommunity rt LINE$rts",
	  "Set values in destination routing protocol\n"
	  "BGP extended community attribute\n"
	  "Route Target extended community\n"
	  "VPN extended community, ASN:nn or IP-address:nn [additive]",
	  cmd_router_line, NEG },
	{ "set weight <0-65535>$weight",
	  "Set values in destination routing protocol\n"
	  "BGP weight for routing table\n"
	  "Weight value",
	  cmd_router_line, NEG },
	{ "description LINE$text",
	  "Route-map comment\n"
	  "Comment up to 100 characters",
	  cmd_router_line, NEG },
};

static const struct cmd_def router_defs[] = {
	{ "network A.B.C.D$net [A.B.C.D$wild] [area (<0-4294967295>$area|A.B.C.D$area)]",
	  "Enable routing on an IP network\n"
	  "Network number\n"
	  "Wildcard bits\n"
	  "Set the OSPF area ID\n"
	  "OSPF area ID as a decimal value\n"
	  "OSPF area ID in IP address format",
	  cmd_router_line, NEG },
	{ "network A.B.C.D$net mask A.B.C.D$mask [route-map WORD$map]",
	  "Specify a network to announce via BGP\n"
	  "Network number\n"
	  "Network mask\n"
	  "Network mask\n"
	  "Route-map to modify the attributes\n"
	  "Name of the route map",
	  cmd_router_line, NEG },
	{ "router-id A.B.C.D$id",
	  "router-id for this OSPF process\n"
	  "OSPF router-id in IP address format",
	  cmd_router_line, NEG },
	{ "passive-interface (default|WORD$ifname)",
	  "Suppress routing updates on an interface\n"
	  "Suppress routing updates on all interfaces\n"
	  "Interface name",
	  cmd_router_line, NEG },
	REDISTRIBUTE_ROWS,
	{ "distribute-list route-map WORD$map (in|out)",
	  "Filter networks in routing updates\n"
	  "Filter prefixes based on the route-map\n"
	  "route-map name\n"
	  "Filter incoming routing updates\n"
	  "Filter outgoing routing updates",
	  cmd_router_line, NEG },
	{ "maximum-paths [eibgp] <1-32>$paths",
	  "Forward packets over multiple paths\n"
	  "Both eBGP and iBGP paths\n"
	  "Number of paths",
	  cmd_router_line, NEG },
	{ "auto-summary",
	  "Enable automatic network number summarization",
	  cmd_router_line, NEG },
	{ "synchronization",
	  "Perform IGP synchronization",
	  cmd_router_line, NEG },
	{ "log-adjacency-changes [detail]",
	  "Log changes in adjacency state\n"
	  "Log all state changes",
	  cmd_router_line, NEG },
	{ "default-information originate [always]",
	  "Control distribution of default information\n"
	  "Distribute a default route\n"
	  "Always advertise default route",
	  cmd_router_line, NEG },
	{ "area (<0-4294967295>$area|A.B.C.D$area) (stub|nssa) [no-summary]",
	  "OSPF area parameters\n"
	  "OSPF area ID as a decimal value\n"
	  "OSPF area ID in IP address format\n"
	  "Configure OSPF area as stub\n"
	  "Specify a NSSA area\n"
	  "Do not send summary LSA into stub area",
	  cmd_router_line, NEG },
	{ "aggregate-address A.B.C.D$addr A.B.C.D$mask [as-set] [summary-only]",
	  "Configure BGP aggregate entries\n"
	  "Aggregate address\n"
	  "Aggregate mask\n"
	  "Generate AS set path information\n"
	  "Filter more specific routes from updates",
	  cmd_router_line, NEG },
	{ "eigrp router-id A.B.C.D$id",
	  "EIGRP specific commands\n"
	  "Router ID for this EIGRP process\n"
	  "EIGRP Router-ID in IP address format",
	  cmd_router_line, NEG },
	{ "area (<0-4294967295>$area|A.B.C.D$area) nssa "
	  "default-information-originate [no-summary]",
	  "OSPF area parameters\n"
	  "OSPF area ID as a decimal value\n"
	  "OSPF area ID in IP address format\n"
	  "Specify a NSSA area\n"
	  "Originate Type 7 default into NSSA area\n"
	  "Do not send summary LSA into NSSA",
	  cmd_router_line, NEG },
	{ "bgp confederation identifier <1-4294967295>$as",
	  "BGP specific commands\n"
	  "AS confederation parameters\n"
	  "as number\n"
	  "Set routing domain confederation AS",
	  cmd_router_line, NEG },
	{ "bgp confederation peers <1-4294967295>$as [<1-4294967295>$as2] "
	  "[<1-4294967295>$as3] [<1-4294967295>$as4]",
	  "BGP specific commands\n"
	  "AS confederation parameters\n"
	  "Peer ASs in BGP confederation\n"
	  "AS number\n"
	  "AS number\n"
	  "AS number\n"
	  "AS number",
	  cmd_router_line, NEG },
	{ "bgp router-id vrf auto-assign",
	  "BGP specific commands\n"
	  "Override configured router identifier (peers will reset)\n"
	  "vrf-specific router id configuration\n"
	  "Automatically assign per-vrf bgp router id",
	  cmd_router_line, NEG },
	{ "bgp router-id A.B.C.D$id",
	  "BGP specific commands\n"
	  "Override configured router identifier (peers will reset)\n"
	  "Manually configured router identifier",
	  cmd_router_line, NEG },
	{ "bgp log-neighbor-changes",
	  "BGP specific commands\n"
	  "Log neighbor up/down and reset reason",
	  cmd_router_line, NEG },
	{ "bgp dampening",
	  "BGP specific commands\n"
	  "Enable route-flap dampening",
	  cmd_router_line, NEG },
	{ "bgp default ipv4-unicast",
	  "BGP specific commands\n"
	  "Configure BGP defaults\n"
	  "Activate ipv4-unicast for a peer by default",
	  cmd_router_line, NEG },
	{ "bgp additional-paths install",
	  "BGP specific commands\n"
	  "Additional paths in the BGP table\n"
	  "Additional paths to install into RIB",
	  cmd_router_line, NEG },
	{ "bgp additional-paths select all",
	  "BGP specific commands\n"
	  "Additional paths in the BGP table\n"
	  "Selection criteria to pick the paths\n"
	  "Select all available paths",
	  cmd_router_line, NEG },
	{ "bgp additional-paths (send [receive]|receive)",
	  "BGP specific commands\n"
	  "Additional paths in the BGP table\n"
	  "Additional paths Send capability\n"
	  "Additional paths Receive capability\n"
	  "Additional paths Receive capability",
	  cmd_router_line, NEG },
	{ NBR "remote-as <1-4294967295>$asn",
	  NBR_H
	  "Specify a BGP neighbor\n"
	  "AS of remote neighbor",
	  cmd_router_line, NEG },
	{ NBR "peer-group [WORD$group]",
	  NBR_H
	  "Member of the peer-group\n"
	  "peer-group name",
	  cmd_router_line, NEG },
	{ NBR "update-source WORD$ifname",
	  NBR_H
	  "Source of routing updates\n"
	  "Interface name",
	  cmd_router_line, NEG },
	{ NBR "activate",
	  NBR_H
	  "Enable the Address Family for this Neighbor",
	  cmd_router_line, NEG },
	{ NBR "send-community [both|standard|extended]",
	  NBR_H
	  "Send Community attribute to this neighbor\n"
	  "Send Standard and Extended Community attributes\n"
	  "Send Standard Community attributes\n"
	  "Send Extended Community attributes",
	  cmd_router_line, NEG },
	{ NBR "soft-reconfiguration inbound",
	  NBR_H
	  "Per neighbor soft reconfiguration\n"
	  "Allow inbound soft reconfiguration for this neighbor",
	  cmd_router_line, NEG },
	{ NBR "route-map WORD$map (in|out)",
	  NBR_H
	  "Apply route map to neighbor\n"
	  "Name of route map\n"
	  "Apply map to incoming routes\n"
	  "Apply map to outbound routes",
	  cmd_router_line, NEG },
	{ NBR "prefix-list WORD$list (in|out)",
	  NBR_H
	  "Filter updates to/from this neighbor\n"
	  "Name of a prefix list\n"
	  "Filter incoming updates\n"
	  "Filter outgoing updates",
	  cmd_router_line, NEG },
	{ NBR "next-hop-self",
	  NBR_H
	  "Disable the next hop calculation for this neighbor",
	  cmd_router_line, NEG },
	{ NBR "route-reflector-client",
	  NBR_H
	  "Configure a neighbor as Route Reflector client",
	  cmd_router_line, NEG },
	{ NBR "default-originate [route-map WORD$map]",
	  NBR_H
	  "Originate default route to this neighbor\n"
	  "Route-map to specify criteria to originate default\n"
	  "route-map name",
	  cmd_router_line, NEG },
	{ NBR "timers <0-65535>$ka <0-65535>$hold [<0-65535>$minhold]",
	  NBR_H
	  "BGP per neighbor timers\n"
	  "Keepalive interval\n"
	  "Holdtime\n"
	  "Minimum hold time from neighbor",
	  cmd_router_line, NEG },
	{ NBR "advertise additional-paths all",
	  NBR_H
	  "Advertise to this neighbor\n"
	  "Advertise additional paths\n"
	  "Select all available paths",
	  cmd_router_line, NEG },
	{ NBR "additional-paths (send [receive]|receive)",
	  NBR_H
	  "Negotiate additional paths capabilities with this neighbor\n"
	  "Additional paths Send capability\n"
	  "Additional paths Receive capability\n"
	  "Additional paths Receive capability",
	  cmd_router_line, NEG },
	{ NBR "description LINE$text",
	  NBR_H
	  "Neighbor specific description\n"
	  "Up to 80 characters describing this neighbor",
	  cmd_router_line, NEG },
	{ NBR "ebgp-multihop [<1-255>$hops]",
	  NBR_H
	  "Allow EBGP neighbors not on directly connected networks\n"
	  "maximum hop count",
	  cmd_router_line, NEG },
	{ NBR "shutdown",
	  NBR_H
	  "Administratively shut down this neighbor",
	  cmd_router_line, NEG },
	{ NBR "allowas-in [<1-10>$count]",
	  NBR_H
	  "Accept as-path with my AS present in it\n"
	  "Number of occurrences of AS number",
	  cmd_router_line, NEG },
	{ NBR "remove-private-as [all]",
	  NBR_H
	  "Remove private AS number from outbound updates\n"
	  "Remove all private AS numbers",
	  cmd_router_line, NEG },
	{ NBR "local-as <1-4294967295>$asn [no-prepend] [replace-as] [dual-as]",
	  NBR_H
	  "Specify a local-as number\n"
	  "AS number used as local AS\n"
	  "Do not prepend local-as to updates from ebgp peers\n"
	  "Replace real AS with local AS in the EBGP updates\n"
	  "Accept either real AS or local AS from the ebgp peer",
	  cmd_router_line, NEG },
	{ "address-family ipv4 [unicast|multicast]",
	  "Enter Address Family command mode\n"
	  "Address family\n"
	  "Address Family modifier\n"
	  "Address Family modifier",
	  cmd_router_af, NEG },
	{ "address-family ipv4 [unicast] vrf WORD$vrf",
	  "Enter Address Family command mode\n"
	  "Address family\n"
	  "Address Family modifier\n"
	  "Specify parameters for a VPN Routing/Forwarding instance\n"
	  "VPN Routing/Forwarding instance name",
	  cmd_router_af, NEG },
	{ "address-family ipv4 [unicast] vrf WORD$vrf autonomous-system "
	  "<1-65535>$asn",
	  "Enter Address Family command mode\n"
	  "Address family\n"
	  "Address Family modifier\n"
	  "Specify parameters for a VPN Routing/Forwarding instance\n"
	  "VPN Routing/Forwarding instance name\n"
	  "Specify autonomous-system number\n"
	  "Autonomous System",
	  cmd_router_af, NEG },
	{ "address-family ipv4 unicast autonomous-system <1-65535>$asn",
	  "Enter Address Family command mode\n"
	  "Address family\n"
	  "Address Family modifier\n"
	  "Specify autonomous-system number\n"
	  "Autonomous System",
	  cmd_router_af, NEG },
	{ "address-family (ipv6|vpnv4) [unicast]",
	  "Enter Address Family command mode\n"
	  "Address family\n"
	  "Address family\n"
	  "Address Family modifier",
	  cmd_router_af, NEG },
};

static const struct cmd_def router_af_defs[] = {
	{ "exit-address-family",
	  "Exit from Address Family configuration mode",
	  cmd_router_exit_af, 0 },
	{ "eigrp router-id A.B.C.D$id",
	  "EIGRP specific commands\n"
	  "Router ID for this EIGRP process\n"
	  "EIGRP Router-ID in IP address format",
	  cmd_router_line, NEG },
	{ "af-interface (default|WORD$ifname)",
	  "Enter Address Family interface configuration\n"
	  "Address family default interface configuration\n"
	  "Interface name",
	  cmd_router_af_sub, NEG },
	{ "topology base",
	  "Topology configuration mode\n"
	  "Base topology",
	  cmd_router_af_sub, NEG },
};

/* Named EIGRP's af-interface: (config-router-af-interface). */
static const struct cmd_def router_af_if_defs[] = {
	{ "exit-af-interface",
	  "Exit from Address Family Interface configuration mode",
	  cmd_router_exit_sub, 0 },
	{ "passive-interface",
	  "Suppress address updates on an interface",
	  cmd_router_line, NEG },
	{ "hello-interval <1-65535>$secs",
	  "Configures hello interval\n"
	  "Seconds between hello transmissions",
	  cmd_router_line, NEG },
	{ "split-horizon",
	  "Perform split horizon",
	  cmd_router_line, NEG },
	{ "hold-time <1-65535>$secs",
	  "Configures hold time\n"
	  "Seconds before neighbor is considered down",
	  cmd_router_line, NEG },
	{ "summary-address A.B.C.D$addr A.B.C.D$mask",
	  "Perform address summarization\n"
	  "IP address\n"
	  "IP network mask",
	  cmd_router_line, NEG },
	{ "authentication key-chain WORD$chain",
	  "authentication subcommands\n"
	  "key-chain\n"
	  "name of key-chain",
	  cmd_router_line, NEG },
	{ "authentication mode (md5|hmac-sha-256 LINE$key)",
	  "authentication subcommands\n"
	  "authentication mode\n"
	  "Keyed message digest\n"
	  "HMAC-SHA-256 Authentication\n"
	  "password",
	  cmd_router_line, NEG },
};

/* Named EIGRP's topology base: (config-router-af-topology). */
static const struct cmd_def router_af_topo_defs[] = {
	{ "exit-af-topology",
	  "Exit from Address Family Topology configuration mode",
	  cmd_router_exit_sub, 0 },
	REDISTRIBUTE_ROWS,
	{ "distribute-list route-map WORD$map (in|out)",
	  "Filter entries in eigrp updates\n"
	  "Filter prefixes based on the route-map\n"
	  "route-map name\n"
	  "Filter incoming updates\n"
	  "Filter outgoing updates",
	  cmd_router_line, NEG },
	{ "variance <1-128>$mult",
	  "Control load balancing variance\n"
	  "Metric variance multiplier",
	  cmd_router_line, NEG },
	{ "maximum-paths <1-32>$paths",
	  "Forward packets over multiple paths\n"
	  "Number of paths",
	  cmd_router_line, NEG },
	{ "auto-summary",
	  "Enable automatic network number summarization",
	  cmd_router_line, NEG },
};

#define RT	"route-target (export|import|both) WORD$value"
#define RT_H	"Specify Target VPN Extended Communities\n" \
		"Export Target-VPN community\n" \
		"Import Target-VPN community\n" \
		"Both import and export Target-VPN community\n" \
		"ASN:nn or IP-address:nn"

/* vrf definition / ip vrf: (config-vrf). */
static const struct cmd_def vrf_defs[] = {
	{ "rd WORD$value",
	  "Specify Route Distinguisher\n"
	  "ASN:nn or IP-address:nn",
	  cmd_vrf_rd, NEG },
	{ RT, RT_H, cmd_vrf_rd, NEG },
	{ "description LINE$text",
	  "VRF specific description\n"
	  "Up to 244 characters describing this VRF",
	  cmd_vrf_description, NEG },
	{ "address-family (ipv4|ipv6) [unicast|multicast]",
	  "Enter Address Family command mode\n"
	  "Address family\n"
	  "Address family\n"
	  "Address Family modifier\n"
	  "Address Family modifier",
	  cmd_router_af, NEG },
};

/* A VRF's address-family: (config-vrf-af). */
static const struct cmd_def vrf_af_defs[] = {
	{ "exit-address-family",
	  "Exit from Address Family configuration mode",
	  cmd_router_exit_af, 0 },
	{ RT, RT_H, cmd_vrf_rd, NEG },
	{ "import map WORD$map",
	  "VPN import\n"
	  "Route-map based VRF import\n"
	  "Route-map name",
	  cmd_router_line, NEG },
	{ "export map WORD$map",
	  "VPN export\n"
	  "Route-map based VRF export\n"
	  "Route-map name",
	  cmd_router_line, NEG },
};

const struct cmd_table vrf_table = CMD_TABLE(vrf_defs);
const struct cmd_table vrf_af_table = CMD_TABLE(vrf_af_defs);
const struct cmd_table router_config_table = CMD_TABLE(router_config_defs);
const struct cmd_table router_table = CMD_TABLE(router_defs);
const struct cmd_table router_af_table = CMD_TABLE(router_af_defs);
const struct cmd_table router_af_if_table = CMD_TABLE(router_af_if_defs);
const struct cmd_table router_af_topo_table = CMD_TABLE(router_af_topo_defs);
const struct cmd_table router_config_neg_table =
    CMD_TABLE(router_config_neg_defs);
const struct cmd_table route_map_table = CMD_TABLE(route_map_defs);
