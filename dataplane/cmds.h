/*
 * cmds: the dataplane command handlers the grammar tables
 * (grammar/interface.c, grammar/acl.c, grammar/ip.c) name.  Each reads
 * its arguments from the match and changes vty->v_sys->sy_dp, or the
 * interface or ACL its sub-mode edits (vty->v_ctx).
 */
#ifndef IOSH_DATAPLANE_CMDS_H
#define IOSH_DATAPLANE_CMDS_H

#include "dataplane/acl_names.h"	/* the names ACL commands offer */

struct vty;
struct cmd_args;

/* The dataplane's modes (lib/vty.h: numbered from 16). */
enum {
	MODE_CONFIG_IF = 16,	/* Router(config-if)#		*/
	MODE_CONFIG_EXT_NACL,	/* Router(config-ext-nacl)#	*/
	MODE_CONFIG_STD_NACL,	/* Router(config-std-nacl)#	*/
	MODE_DHCP_CONFIG,	/* Router(dhcp-config)#		*/
	MODE_CONFIG_SUBIF,	/* Router(config-subif)#	*/
};

/* Global configuration. */
int	dp_interface_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_route_cmd(struct vty *, const struct cmd_args *);
int	dp_ipv6_route_cmd(struct vty *, const struct cmd_args *);
int	dp_ipv6_unicast_routing_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_nat_list_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_nat_static_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_nat_pool_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_nat_timeout_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_nat_max_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_nat_ostatic_cmd(struct vty *, const struct cmd_args *);
int	dp_show_ip_nat_translations_cmd(struct vty *, const struct cmd_args *);
int	dp_show_ip_nat_statistics_cmd(struct vty *, const struct cmd_args *);
int	dp_clear_ip_nat_translation_cmd(struct vty *, const struct cmd_args *);
int	dp_clear_ip_nat_statistics_cmd(struct vty *, const struct cmd_args *);
int	dp_debug_ip_nat_cmd(struct vty *, const struct cmd_args *);
int	dp_access_list_cmd(struct vty *, const struct cmd_args *);
int	dp_no_access_list_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_access_list_cmd(struct vty *, const struct cmd_args *);

/* DHCP (dhcp_server.c): global, dhcp-config, exec. */
int	dp_ip_dhcp_pool_cmd(struct vty *, const struct cmd_args *);
int	dp_ip_dhcp_excluded_cmd(struct vty *, const struct cmd_args *);
int	dhcp_network_cmd(struct vty *, const struct cmd_args *);
int	dhcp_servers_cmd(struct vty *, const struct cmd_args *);
int	dhcp_domain_cmd(struct vty *, const struct cmd_args *);
int	dhcp_lease_cmd(struct vty *, const struct cmd_args *);
int	dp_show_ip_dhcp_binding_cmd(struct vty *, const struct cmd_args *);
int	dp_clear_ip_dhcp_binding_cmd(struct vty *, const struct cmd_args *);
int	dp_show_dhcp_lease_cmd(struct vty *, const struct cmd_args *);

/* config-std-nacl, config-ext-nacl. */
int	nacl_entry_cmd(struct vty *, const struct cmd_args *);
int	nacl_remark_cmd(struct vty *, const struct cmd_args *);
int	nacl_no_seq_cmd(struct vty *, const struct cmd_args *);

/* config-if. */
int	if_description_cmd(struct vty *, const struct cmd_args *);
int	if_ip_address_cmd(struct vty *, const struct cmd_args *);
int	if_ip_address_dhcp_cmd(struct vty *, const struct cmd_args *);
int	if_no_ip_address_cmd(struct vty *, const struct cmd_args *);
int	if_shutdown_cmd(struct vty *, const struct cmd_args *);
int	if_access_group_cmd(struct vty *, const struct cmd_args *);
int	if_redirects_cmd(struct vty *, const struct cmd_args *);
int	if_nat_cmd(struct vty *, const struct cmd_args *);
int	if_mroute_cache_cmd(struct vty *, const struct cmd_args *);
int	if_duplex_cmd(struct vty *, const struct cmd_args *);
int	if_duplex_word_cmd(struct vty *, const struct cmd_args *);
int	if_speed_cmd(struct vty *, const struct cmd_args *);
int	if_cdp_cmd(struct vty *, const struct cmd_args *);
int	if_inert_cmd(struct vty *, const struct cmd_args *);
/* The interface lines kept in a slot (the definition's argument). */
int	if_inert_line_cmd(struct vty *, const struct cmd_args *);
extern const unsigned ifi_slot_vrf, ifi_slot_tcp_mss, ifi_slot_ospf_net,
	ifi_slot_ospf_cost, ifi_slot_vreasm, ifi_slot_channel, ifi_slot_ospf_area;
/* The listed inert lines (iface_lines.c): the definition's argument is
 * the line's kind. */
int	if_line_cmd(struct vty *, const struct cmd_args *);
struct if_line_def;
extern const struct if_line_def ifl_unnumbered, ifl_negotiated,
	ifl_unreachables, ifl_proxy_arp, ifl_nhrp_auth, ifl_nhrp_map,
	ifl_nhrp_mcast, ifl_nhrp_netid, ifl_nhrp_hold, ifl_nhrp_nhs,
	ifl_nhrp_redirect, ifl_nhrp_shortcut, ifl_split_horizon,
	ifl_next_hop_self, ifl_dialer_pool, ifl_dialer_group, ifl_ppp_auth,
	ifl_chap_host, ifl_chap_pass, ifl_pap_sent, ifl_ipcp_dns,
	ifl_ipcp_route, ifl_multilink, ifl_ml_group, ifl_pppoe_enable,
	ifl_pppoe_client, ifl_bridge_group, ifl_tun_pmtud, ifl_tun_vrf,
	ifl_tun_ttl, ifl_tun_tos, ifl_igmp_join, ifl_igmp_version;
/* encapsulation dot1Q (dot1q.c). */
int	if_dot1q_cmd(struct vty *, const struct cmd_args *);
int	if_keepalive_cmd(struct vty *, const struct cmd_args *);
int	if_ilmi_keepalive_cmd(struct vty *, const struct cmd_args *);
int	if_ipv6_address_cmd(struct vty *, const struct cmd_args *);
int	if_ipv6_enable_cmd(struct vty *, const struct cmd_args *);
int	if_tunnel_source_cmd(struct vty *, const struct cmd_args *);
int	if_tunnel_destination_cmd(struct vty *, const struct cmd_args *);
int	if_tunnel_mode_cmd(struct vty *, const struct cmd_args *);
/* tunnel.c */
int	if_tunnel_key_cmd(struct vty *, const struct cmd_args *);
int	if_ip_mtu_cmd(struct vty *, const struct cmd_args *);
int	if_bandwidth_cmd(struct vty *, const struct cmd_args *);
int	if_mtu_cmd(struct vty *, const struct cmd_args *);
int	if_clock_rate_cmd(struct vty *, const struct cmd_args *);
int	if_encapsulation_cmd(struct vty *, const struct cmd_args *);

/* Exec. */
int	dp_ping_cmd(struct vty *, const struct cmd_args *);
int	dp_ping_dialog_cmd(struct vty *, const struct cmd_args *);
int	dp_show_ip_interface_brief_cmd(struct vty *, const struct cmd_args *);
int	dp_show_ip_interface_cmd(struct vty *, const struct cmd_args *);
int	dp_show_interfaces_cmd(struct vty *, const struct cmd_args *);
int	dp_traceroute_cmd(struct vty *, const struct cmd_args *);
int	dp_show_protocols_cmd(struct vty *, const struct cmd_args *);
int	dp_show_interfaces_description_cmd(struct vty *,
	    const struct cmd_args *);
int	dp_show_ip_route_cmd(struct vty *, const struct cmd_args *);
int	dp_show_access_lists_cmd(struct vty *, const struct cmd_args *);

/* Privileged exec: capture points (moncap.c), fault injection
 * (faultcmd.c). */
int	dp_moncap_interface_cmd(struct vty *, const struct cmd_args *);
int	dp_moncap_start_cmd(struct vty *, const struct cmd_args *);
int	dp_moncap_stop_cmd(struct vty *, const struct cmd_args *);
int	dp_moncap_export_cmd(struct vty *, const struct cmd_args *);
int	dp_moncap_clear_cmd(struct vty *, const struct cmd_args *);
int	dp_moncap_delete_cmd(struct vty *, const struct cmd_args *);
int	dp_show_moncap_cmd(struct vty *, const struct cmd_args *);
int	dp_test_fault_cmd(struct vty *, const struct cmd_args *);
int	dp_show_fault_cmd(struct vty *, const struct cmd_args *);

/* CDP (cdp.c). */
int	dp_cdp_run_cmd(struct vty *, const struct cmd_args *);
int	dp_show_cdp_cmd(struct vty *, const struct cmd_args *);
int	dp_show_cdp_interface_cmd(struct vty *, const struct cmd_args *);
int	dp_show_cdp_neighbors_cmd(struct vty *, const struct cmd_args *);
int	dp_show_cdp_traffic_cmd(struct vty *, const struct cmd_args *);

/* The forwarder's (arp.c). */
int	dp_show_arp_cmd(struct vty *, const struct cmd_args *);
int	dp_show_ipv6_neighbors_cmd(struct vty *, const struct cmd_args *);

#endif
