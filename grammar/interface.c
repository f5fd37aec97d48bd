/*
 * interface: `interface TYPE NUMBER`, the config-if commands the
 * dataplane owns, and the forms that exist only after "no".  The types
 * are keywords for `?`; a hidden one-word form takes the name glued
 * ("Serial1/2", "s1/2"), which the parser cannot split since it matches
 * whole words.
 */
#include "dataplane/cmds.h"
#include "grammar/dp_grammar.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)

#define IP_H	"Interface Internet Protocol config commands\n"
#define NHRP_H	"NBMA Next Hop Resolution Protocol\n"
#define PPP_H	"Point-to-Point Protocol\n"
#define DIALER_H "Dial-on-demand routing (DDR) commands\n"
#define TUN_H	"protocol-over-protocol tunneling\n"

static const struct cmd_def interface_defs[] = {
	{ "encapsulation dot1Q <1-4094>$vlan [native]",
	  "Set encapsulation type for an interface\n"
	  "IEEE 802.1Q Virtual LAN\n"
	  "IEEE 802.1Q VLAN ID required\n"
	  "Make this as native vlan",
	  if_dot1q_cmd, NEG, NULL },
	{ "ip unnumbered " IF_TYPES " WORD$num",
	  IP_H
	  "Enable IP processing without an explicit address\n"
	  IF_TYPES_HELP
	  "Interface number",
	  if_line_cmd, NEG, &ifl_unnumbered },
	{ "ip unnumbered WORD$name",
	  IP_H
	  "Enable IP processing without an explicit address\n"
	  "Interface name and number",
	  if_line_cmd, NEG | CMD_HIDDEN, &ifl_unnumbered },
	{ "ip address negotiated [previous]",
	  IP_H
	  "Set the IP address of an interface\n"
	  "IP Address negotiated over PPP\n"
	  "IPCP attempts to negotiate previously assigned address",
	  if_line_cmd, NEG, &ifl_negotiated },
	{ "ip unreachables",
	  IP_H
	  "Enable sending ICMP Unreachable messages",
	  if_line_cmd, NEG, &ifl_unreachables },
	{ "ip proxy-arp",
	  IP_H
	  "Enable proxy ARP",
	  if_line_cmd, NEG, &ifl_proxy_arp },
	{ "ip nhrp authentication WORD$key",
	  IP_H NHRP_H
	  "Authentication string\n"
	  "Authentication string",
	  if_line_cmd, NEG, &ifl_nhrp_auth },
	{ "ip nhrp map A.B.C.D$proto A.B.C.D$nbma",
	  IP_H NHRP_H
	  "Map dest IP addresses to NBMA addresses\n"
	  "IP address of destination\n"
	  "IP NBMA address",
	  if_line_cmd, NEG, &ifl_nhrp_map },
	{ "ip nhrp map multicast (dynamic|A.B.C.D$nbma)",
	  IP_H NHRP_H
	  "Map dest IP addresses to NBMA addresses\n"
	  "Use this NBMA mapping for broadcasts/multicasts\n"
	  "Dynamically learn destinations from client registrations on "
	  "hub\n"
	  "IP NBMA address",
	  if_line_cmd, NEG, &ifl_nhrp_mcast },
	{ "ip nhrp network-id <1-4294967295>$id",
	  IP_H NHRP_H
	  "NBMA network identifier\n"
	  "network identifier",
	  if_line_cmd, NEG, &ifl_nhrp_netid },
	{ "ip nhrp holdtime <1-65535>$secs",
	  IP_H NHRP_H
	  "Advertised holdtime\n"
	  "number of seconds",
	  if_line_cmd, NEG, &ifl_nhrp_hold },
	{ "ip nhrp nhs A.B.C.D$nhs [nbma A.B.C.D$nbma] [multicast]",
	  IP_H NHRP_H
	  "Specify a next hop server\n"
	  "Protocol address of next hop server\n"
	  "NBMA address of next hop server\n"
	  "NBMA address\n"
	  "Use this NBMA mapping for broadcasts/multicasts",
	  if_line_cmd, NEG, &ifl_nhrp_nhs },
	{ "ip nhrp redirect",
	  IP_H NHRP_H
	  "Enable NHRP redirect",
	  if_line_cmd, NEG, &ifl_nhrp_redirect },
	{ "ip nhrp shortcut",
	  IP_H NHRP_H
	  "Enable shortcut switching",
	  if_line_cmd, NEG, &ifl_nhrp_shortcut },
	{ "ip split-horizon eigrp <1-65535>$as",
	  IP_H
	  "Perform split horizon\n"
	  "Enhanced Interior Gateway Routing Protocol (EIGRP)\n"
	  "Autonomous system number",
	  if_line_cmd, NEG, &ifl_split_horizon },
	{ "ip next-hop-self eigrp <1-65535>$as",
	  IP_H
	  "Configure EIGRP next-hop-self\n"
	  "Enhanced Interior Gateway Routing Protocol (EIGRP)\n"
	  "Autonomous system number",
	  if_line_cmd, NEG, &ifl_next_hop_self },
	{ "ip igmp version (1|2|3)",
	  IP_H
	  "IGMP interface commands\n"
	  "IGMP version\n"
	  "IGMP version 1\n"
	  "IGMP version 2\n"
	  "IGMP version 3",
	  if_line_cmd, NEG, &ifl_igmp_version },
	{ "ip igmp join-group A.B.C.D$group [source A.B.C.D$src]",
	  IP_H
	  "IGMP interface commands\n"
	  "IGMP join multicast group\n"
	  "IP group address\n"
	  "Include SSM source\n"
	  "Source address",
	  if_line_cmd, NEG, &ifl_igmp_join },
	{ "dialer pool <1-255>$pool",
	  DIALER_H
	  "Specify dialer pool to be used\n"
	  "Dialer pool number",
	  if_line_cmd, NEG, &ifl_dialer_pool },
	{ "dialer-group <1-10>$group",
	  "Assign interface to dialer-list\n"
	  "Dialer list number",
	  if_line_cmd, NEG, &ifl_dialer_group },
	{ "ppp authentication (chap [pap]|pap [chap]) [callin]",
	  PPP_H
	  "Set PPP link authentication method\n"
	  "Challenge Handshake Authentication Protocol (CHAP)\n"
	  "Password Authentication Protocol (PAP)\n"
	  "Password Authentication Protocol (PAP)\n"
	  "Challenge Handshake Authentication Protocol (CHAP)\n"
	  "Authenticate remote on incoming call only",
	  if_line_cmd, NEG, &ifl_ppp_auth },
	{ "ppp chap hostname WORD$host",
	  PPP_H
	  "Set CHAP authentication parameters\n"
	  "Set alternate CHAP hostname\n"
	  "Alternate CHAP hostname",
	  if_line_cmd, NEG, &ifl_chap_host },
	{ "ppp chap password [(0|7)] WORD$pass",
	  PPP_H
	  "Set CHAP authentication parameters\n"
	  "Set default CHAP password\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies a HIDDEN password will follow\n"
	  "Default PPP authentication password",
	  if_line_cmd, NEG, &ifl_chap_pass },
	{ "ppp pap sent-username WORD$user password [(0|7)] WORD$pass",
	  PPP_H
	  "Set PAP authentication parameters\n"
	  "Set outbound PAP username\n"
	  "Outbound PAP username\n"
	  "Set outbound PAP password\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies a HIDDEN password will follow\n"
	  "Outbound PAP password",
	  if_line_cmd, NEG, &ifl_pap_sent },
	{ "ppp ipcp dns request",
	  PPP_H
	  "Set IPCP negotiation options\n"
	  "Specify DNS negotiation options\n"
	  "Request server addresses from peer",
	  if_line_cmd, NEG, &ifl_ipcp_dns },
	{ "ppp ipcp route default",
	  PPP_H
	  "Set IPCP negotiation options\n"
	  "Install routes for IPCP\n"
	  "Install default route through this interface",
	  if_line_cmd, NEG, &ifl_ipcp_route },
	{ "ppp multilink",
	  PPP_H
	  "Make interface multilink capable",
	  if_line_cmd, NEG, &ifl_multilink },
	{ "ppp multilink group <1-2147483647>$group",
	  PPP_H
	  "Make interface multilink capable\n"
	  "Put interface in a multilink bundle\n"
	  "Multilink group number",
	  if_line_cmd, NEG, &ifl_ml_group },
	{ "pppoe enable [group (global|WORD$group)]",
	  "pppoe interface subcommands\n"
	  "Enable pppoe\n"
	  "attach a BBA group\n"
	  "attach global PPPoE group\n"
	  "BBA group name",
	  if_line_cmd, NEG, &ifl_pppoe_enable },
	{ "pppoe-client dial-pool-number <1-255>$pool",
	  "pppoe client\n"
	  "set dial pool number\n"
	  "dial pool number",
	  if_line_cmd, NEG, &ifl_pppoe_client },
	{ "bridge-group <1-255>$group",
	  "Transparent bridging interface parameters\n"
	  "Assign an interface to a Bridge Group.",
	  if_line_cmd, NEG, &ifl_bridge_group },
	{ "tunnel path-mtu-discovery",
	  TUN_H
	  "Enable Path MTU Discovery on tunnel",
	  if_line_cmd, NEG, &ifl_tun_pmtud },
	{ "tunnel vrf WORD$vrf",
	  TUN_H
	  "set tunnel vrf membership\n"
	  "VRF name",
	  if_line_cmd, NEG, &ifl_tun_vrf },
	{ "tunnel ttl <1-255>$ttl",
	  TUN_H
	  "set time to live\n"
	  "TTL",
	  if_line_cmd, NEG, &ifl_tun_ttl },
	{ "tunnel tos <0-255>$tos",
	  TUN_H
	  "set type of service byte\n"
	  "TOS",
	  if_line_cmd, NEG, &ifl_tun_tos },
	{ "description LINE",
	  "Interface specific description\n"
	  "Up to 240 characters describing this interface",
	  if_description_cmd, NEG, NULL },
	{ "ip address A.B.C.D$addr A.B.C.D$mask [secondary]",
	  "Interface Internet Protocol config commands\n"
	  "Set the IP address of an interface\n"
	  "IP address\n"
	  "IP subnet mask\n"
	  "Make this IP address a secondary address",
	  if_ip_address_cmd, NEG, NULL },
	{ "ip address dhcp",
	  "Interface Internet Protocol config commands\n"
	  "Set the IP address of an interface\n"
	  "IP Address negotiated via DHCP",
	  if_ip_address_dhcp_cmd, NEG, NULL },
	{ "ip access-group (<1-199>$acl|<1300-2699>$acl|WORD$acl) (in|out)",
	  "Interface Internet Protocol config commands\n"
	  "Specify access control for packets\n"
	  "IP access list (standard or extended)\n"
	  "IP expanded access list (standard or extended)\n"
	  "Access-list name\n"
	  "inbound packets\n"
	  "outbound packets",
	  if_access_group_cmd, NEG, NULL },
	{ "ip redirects",
	  "Interface Internet Protocol config commands\n"
	  "Enable sending ICMP Redirect messages",
	  if_redirects_cmd, NEG, NULL },
	{ "ip nat (inside|outside)",
	  "Interface Internet Protocol config commands\n"
	  "NAT interface commands\n"
	  "Inside interface for address translation\n"
	  "Outside interface for address translation",
	  if_nat_cmd, NEG, NULL },
	{ "ip mroute-cache",
	  "Interface Internet Protocol config commands\n"
	  "Enable switching cache for incoming multicast packets",
	  if_mroute_cache_cmd, NEG, NULL },
	{ "shutdown",
	  "Shutdown the selected interface",
	  if_shutdown_cmd, NEG, NULL },
	{ "duplex (auto|full|half)",
	  "Configure duplex operation.\n"
	  "Enable AUTO duplex configuration\n"
	  "Force full duplex operation\n"
	  "Force half-duplex operation",
	  if_duplex_cmd, NEG, NULL },
	{ "full-duplex",
	  "Configure full-duplex operational mode",
	  if_duplex_word_cmd, NEG, NULL },
	{ "half-duplex",
	  "Configure half-duplex and related parameters",
	  if_duplex_word_cmd, NEG, NULL },
	{ "speed (10$mbps|100$mbps|1000$mbps|auto)",
	  "Configure speed operation.\n"
	  "Force 10 Mbps operation\n"
	  "Force 100 Mbps operation\n"
	  "Force 1000 Mbps operation\n"
	  "Enable AUTO speed configuration",
	  if_speed_cmd, NEG, NULL },
	{ "cdp enable",
	  "CDP interface subcommands\n"
	  "Enable CDP on interface",
	  if_cdp_cmd, NEG, NULL },
	{ "keepalive [<0-32767>$period]",
	  "Enable keepalive\n"
	  "Keepalive period (default 10 seconds)",
	  if_keepalive_cmd, NEG, NULL },
	{ "atm ilmi-keepalive",
	  "Modify ATM parameters\n"
	  "ILMI Keepalive",
	  if_ilmi_keepalive_cmd, NEG, NULL },
	{ "ipv6 address X:X:X:X::X/<0-128>$prefix",
	  "IPv6 interface subcommands\n"
	  "Configure IPv6 address on interface\n"
	  "IPv6 prefix",
	  if_ipv6_address_cmd, NEG, NULL },
	{ "ipv6 address X:X:X:X::X$ll link-local",
	  "IPv6 interface subcommands\n"
	  "Configure IPv6 address on interface\n"
	  "IPv6 link-local address\n"
	  "Use link-local address",
	  if_ipv6_address_cmd, NEG, NULL },
	{ "ipv6 enable",
	  "IPv6 interface subcommands\n"
	  "Enable IPv6 on interface",
	  if_ipv6_enable_cmd, NEG, NULL },
	{ "tunnel source (A.B.C.D$addr|" IF_TYPES " WORD$num)",
	  "protocol-over-protocol tunneling\n"
	  "source of tunnel packets\n"
	  "ip address\n"
	  IF_TYPES_HELP
	  "Interface number",
	  if_tunnel_source_cmd, NEG, NULL },
	{ "tunnel source WORD$name",
	  "protocol-over-protocol tunneling\n"
	  "source of tunnel packets\n"
	  "Interface name",
	  if_tunnel_source_cmd, NEG | CMD_HIDDEN, NULL },
	{ "tunnel destination (A.B.C.D$addr|X:X:X:X::X$addr6)",
	  "protocol-over-protocol tunneling\n"
	  "destination of tunnel\n"
	  "ip address\n"
	  "IPv6 address",
	  if_tunnel_destination_cmd, NEG, NULL },
	{ "tunnel mode (gre (ip|ipv6|multipoint)|ipsec (ipv4|ipv6))",
	  "protocol-over-protocol tunneling\n"
	  "tunnel encapsulation method\n"
	  "generic route encapsulation protocol\n"
	  "over IP\n"
	  "over IPv6\n"
	  "over IPv4 (multipoint)\n"
	  "IPSec tunnel encapsulation\n"
	  "over IPv4\n"
	  "over IPv6",
	  if_tunnel_mode_cmd, NEG, NULL },
	{ "tunnel key <0-4294967295>$value",
	  "protocol-over-protocol tunneling\n"
	  "security or selector key\n"
	  "key",
	  if_tunnel_key_cmd, NEG, NULL },
	{ "ip mtu <68-17912>$bytes",
	  "Interface Internet Protocol config commands\n"
	  "Set IP Maximum Transmission Unit\n"
	  "MTU (bytes)",
	  if_ip_mtu_cmd, NEG, NULL },
	{ "bandwidth <1-10000000>$kbps",
	  "Set bandwidth informational parameter\n"
	  "Bandwidth in kilobits",
	  if_bandwidth_cmd, NEG, NULL },
	{ "mtu <64-18000>$bytes",
	  "Set the interface Maximum Transmission Unit (MTU)\n"
	  "MTU (bytes)",
	  if_mtu_cmd, NEG, NULL },
	{ "media-type (rj45|sfp|gbic|auto-select)",
	  "Interface media type\n"
	  "Use RJ45 connector\n"
	  "Use SFP connector\n"
	  "Use GBIC connector\n"
	  "Use whichever connector is attached",
	  if_inert_cmd, NEG, NULL },
	{ "vrf forwarding WORD$vrf",
	  "VPN Routing/Forwarding parameters on the interface\n"
	  "Configure forwarding table\n"
	  "VRF name",
	  if_inert_line_cmd, NEG, &ifi_slot_vrf },
	{ "ip vrf forwarding WORD$vrf",
	  "Interface Internet Protocol config commands\n"
	  "VPN Routing/Forwarding parameters on the interface\n"
	  "Configure forwarding table\n"
	  "VRF name",
	  if_inert_line_cmd, NEG, &ifi_slot_vrf },
	{ "ip tcp adjust-mss <500-1460>$mss",
	  "Interface Internet Protocol config commands\n"
	  "TCP header compression and other parameters\n"
	  "Adjust the mss of transit packets\n"
	  "Maximum segment size in bytes",
	  if_inert_line_cmd, NEG, &ifi_slot_tcp_mss },
	{ "ip virtual-reassembly [in|out]",
	  "Interface Internet Protocol config commands\n"
	  "Virtual Reassembly\n"
	  "Inbound Virtual Reassembly\n"
	  "Outbound Virtual Reassembly",
	  if_inert_line_cmd, NEG, &ifi_slot_vreasm },
	{ "ip ospf network (broadcast|non-broadcast|point-to-point|"
	  "point-to-multipoint [non-broadcast])",
	  "Interface Internet Protocol config commands\n"
	  "OSPF interface commands\n"
	  "Network type\n"
	  "Specify OSPF broadcast multi-access network\n"
	  "Specify OSPF NBMA network\n"
	  "Specify OSPF point-to-point network\n"
	  "Specify OSPF point-to-multipoint network\n"
	  "Specify non-broadcast point-to-multipoint network",
	  if_inert_line_cmd, NEG, &ifi_slot_ospf_net },
	{ "ip ospf cost <1-65535>$cost",
	  "Interface Internet Protocol config commands\n"
	  "OSPF interface commands\n"
	  "Interface cost\n"
	  "Cost",
	  if_inert_line_cmd, NEG, &ifi_slot_ospf_cost },
	{ "ip ospf <1-65535>$pid area (<0-4294967295>$area|A.B.C.D$area)",
	  IP_H
	  "OSPF interface commands\n"
	  "Process ID\n"
	  "Set the OSPF area ID\n"
	  "OSPF area ID as a decimal value\n"
	  "OSPF area ID in IP address format",
	  if_inert_line_cmd, NEG, &ifi_slot_ospf_area },
	{ "channel-group <1-64>$group mode (active|passive|on|auto|desirable)",
	  "Etherchannel/port bundling configuration\n"
	  "Channel group number\n"
	  "Etherchannel Mode of the interface\n"
	  "Enable LACP unconditionally\n"
	  "Enable LACP only if a LACP device is detected\n"
	  "Enable Etherchannel only\n"
	  "Enable PAgP only if a PAgP device is detected\n"
	  "Enable PAgP unconditionally",
	  if_inert_line_cmd, NEG, &ifi_slot_channel },
	{ "negotiation auto",
	  "Select autonegotiation mode\n"
	  "Enable link autonegotiation",
	  if_inert_cmd, NEG, NULL },
	{ "mop (enabled|sysid)",
	  "DEC MOP server commands\n"
	  "Enable MOP for interface\n"
	  "Send out MOP periodic system ID messages",
	  if_inert_cmd, NEG, NULL },
	{ "clock rate <300-8000000>$bps",
	  "Configure serial interface clock\n"
	  "Configure serial interface clock speed\n"
	  "Choose clockrate from list above",
	  if_clock_rate_cmd, NEG, NULL },
	{ "encapsulation (frame-relay|hdlc|ppp)",
	  "Set encapsulation type for an interface\n"
	  "Frame Relay networks\n"
	  "Serial HDLC synchronous\n"
	  "Point-to-Point protocol",
	  if_encapsulation_cmd, NEG, NULL },
};

static const struct cmd_def interface_neg_defs[] = {
	{ "encapsulation dot1Q",
	  "Set encapsulation type for an interface\n"
	  "IEEE 802.1Q Virtual LAN",
	  if_dot1q_cmd, NEG, NULL },
	{ "ip unnumbered",
	  IP_H
	  "Enable IP processing without an explicit address",
	  if_line_cmd, NEG, &ifl_unnumbered },
	{ "ip nhrp authentication",
	  IP_H NHRP_H
	  "Authentication string",
	  if_line_cmd, NEG, &ifl_nhrp_auth },
	{ "ip nhrp network-id",
	  IP_H NHRP_H
	  "NBMA network identifier",
	  if_line_cmd, NEG, &ifl_nhrp_netid },
	{ "ip nhrp holdtime",
	  IP_H NHRP_H
	  "Advertised holdtime",
	  if_line_cmd, NEG, &ifl_nhrp_hold },
	{ "dialer pool",
	  DIALER_H
	  "Specify dialer pool to be used",
	  if_line_cmd, NEG, &ifl_dialer_pool },
	{ "dialer-group",
	  "Assign interface to dialer-list",
	  if_line_cmd, NEG, &ifl_dialer_group },
	{ "ppp authentication",
	  PPP_H
	  "Set PPP link authentication method",
	  if_line_cmd, NEG, &ifl_ppp_auth },
	{ "ppp chap hostname",
	  PPP_H
	  "Set CHAP authentication parameters\n"
	  "Set alternate CHAP hostname",
	  if_line_cmd, NEG, &ifl_chap_host },
	{ "ppp chap password",
	  PPP_H
	  "Set CHAP authentication parameters\n"
	  "Set default CHAP password",
	  if_line_cmd, NEG, &ifl_chap_pass },
	{ "ppp multilink group",
	  PPP_H
	  "Make interface multilink capable\n"
	  "Put interface in a multilink bundle",
	  if_line_cmd, NEG, &ifl_ml_group },
	{ "pppoe-client dial-pool-number",
	  "pppoe client\n"
	  "set dial pool number",
	  if_line_cmd, NEG, &ifl_pppoe_client },
	{ "bridge-group",
	  "Transparent bridging interface parameters",
	  if_line_cmd, NEG, &ifl_bridge_group },
	{ "tunnel vrf",
	  TUN_H
	  "set tunnel vrf membership",
	  if_line_cmd, NEG, &ifl_tun_vrf },
	{ "channel-group",
	  "Etherchannel/port bundling configuration",
	  if_inert_line_cmd, NEG, &ifi_slot_channel },
	{ "vrf forwarding",
	  "VPN Routing/Forwarding parameters on the interface\n"
	  "Configure forwarding table",
	  if_inert_line_cmd, NEG, &ifi_slot_vrf },
	{ "ip tcp adjust-mss",
	  "Interface Internet Protocol config commands\n"
	  "TCP header compression and other parameters\n"
	  "Adjust the mss of transit packets",
	  if_inert_line_cmd, NEG, &ifi_slot_tcp_mss },
	{ "ip ospf network",
	  "Interface Internet Protocol config commands\n"
	  "OSPF interface commands\n"
	  "Network type",
	  if_inert_line_cmd, NEG, &ifi_slot_ospf_net },
	{ "ip ospf cost",
	  "Interface Internet Protocol config commands\n"
	  "OSPF interface commands\n"
	  "Interface cost",
	  if_inert_line_cmd, NEG, &ifi_slot_ospf_cost },
	{ "media-type",
	  "Interface media type",
	  if_inert_cmd, NEG, NULL },
	{ "ip address",
	  "Interface Internet Protocol config commands\n"
	  "Set the IP address of an interface",
	  if_no_ip_address_cmd, NEG, NULL },
	{ "ip access-group (in|out)",
	  "Interface Internet Protocol config commands\n"
	  "Specify access control for packets\n"
	  "inbound packets\n"
	  "outbound packets",
	  if_access_group_cmd, NEG, NULL },
	{ "description",
	  "Interface specific description",
	  if_description_cmd, NEG, NULL },
	{ "tunnel source",
	  "protocol-over-protocol tunneling\n"
	  "source of tunnel packets",
	  if_tunnel_source_cmd, NEG, NULL },
	{ "tunnel destination",
	  "protocol-over-protocol tunneling\n"
	  "destination of tunnel",
	  if_tunnel_destination_cmd, NEG, NULL },
	{ "tunnel mode",
	  "protocol-over-protocol tunneling\n"
	  "tunnel encapsulation method",
	  if_tunnel_mode_cmd, NEG, NULL },
	{ "tunnel key",
	  "protocol-over-protocol tunneling\n"
	  "security or selector key",
	  if_tunnel_key_cmd, NEG, NULL },
	{ "ip mtu",
	  "Interface Internet Protocol config commands\n"
	  "Set IP Maximum Transmission Unit",
	  if_ip_mtu_cmd, NEG, NULL },
	{ "bandwidth",
	  "Set bandwidth informational parameter",
	  if_bandwidth_cmd, NEG, NULL },
	{ "mtu",
	  "Set the interface Maximum Transmission Unit (MTU)",
	  if_mtu_cmd, NEG, NULL },
	{ "clock rate",
	  "Configure serial interface clock\n"
	  "Configure serial interface clock speed",
	  if_clock_rate_cmd, NEG, NULL },
	{ "encapsulation",
	  "Set encapsulation type for an interface",
	  if_encapsulation_cmd, NEG, NULL },
	{ "duplex",
	  "Configure duplex operation.",
	  if_duplex_cmd, NEG, NULL },
	{ "speed",
	  "Configure speed operation.",
	  if_speed_cmd, NEG, NULL },
};

const struct cmd_table interface_table = CMD_TABLE(interface_defs);
const struct cmd_table interface_neg_table = CMD_TABLE(interface_neg_defs);
