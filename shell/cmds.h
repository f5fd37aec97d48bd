/*
 * cmds: the shell's command handlers, named by the grammar tables.  Each
 * reads its arguments from the match and changes state owned by the shell
 * (modes, the router's name, terminal and line settings, timestamps).
 */
#ifndef IOSH_SHELL_CMDS_H
#define IOSH_SHELL_CMDS_H

struct vty;
struct cmd_args;

/* The shell's modes (lib/vty.h: numbered from 0). */
enum {
	MODE_USER_EXEC = 0,	/* Router>			*/
	MODE_PRIV_EXEC,		/* Router#			*/
	MODE_CONFIG,		/* Router(config)#		*/
	MODE_CONFIG_LINE,	/* Router(config-line)#		*/
	MODE_CONFIG_CONTROLLER,	/* Router(config-controller)#	*/
	MODE_CONFIG_CP,		/* Router(config-cp)#		*/
	MODE_CONFIG_RED,	/* Router(config-red)#		*/
	MODE_CONFIG_VIRT_SERV,	/* Router(config-virt-serv)#	*/
	MODE_CONFIG_ROUTER,	/* Router(config-router)#	*/
	MODE_CONFIG_ROUTER_AF,	/* Router(config-router-af)#	*/
	MODE_CONFIG_ROUTE_MAP,	/* Router(config-route-map)#	*/
	MODE_CONFIG_DP_CORLIST,	/* Router(config-dp-corlist)#	*/
	MODE_CONFIG_MGCP_PROFILE, /* Router(config-mgcp-profile)# */
	MODE_CONFIG_VRF,	/* Router(config-vrf)#		*/
	MODE_CONFIG_VRF_AF,	/* Router(config-vrf-af)#	*/
	/* The shell's second block (lib/vty.h). */
	MODE_CONFIG_ROUTER_AF_IF = 48, /* Router(config-router-af-interface)# */
	MODE_CONFIG_ROUTER_AF_TOPO, /* Router(config-router-af-topology)# */
	MODE_CONFIG_ARCHIVE,	/* Router(config-archive)#	*/
	MODE_CONFIG_VOICECARD,	/* Router(config-voicecard)#	*/
};

/* Exec (shell/cmd_exec.c; enable: shell/enable.c). */
int	cmd_enable(struct vty *, const struct cmd_args *);
int	cmd_disable(struct vty *, const struct cmd_args *);
int	cmd_exit_exec(struct vty *, const struct cmd_args *);
int	cmd_configure_terminal(struct vty *, const struct cmd_args *);
int	cmd_show_version(struct vty *, const struct cmd_args *);
int	cmd_show_history(struct vty *, const struct cmd_args *);
int	cmd_terminal_length(struct vty *, const struct cmd_args *);
int	cmd_terminal_width(struct vty *, const struct cmd_args *);

/* Configuration (shell/cmd_config.c). */
int	cmd_exit_config(struct vty *, const struct cmd_args *);
int	cmd_end(struct vty *, const struct cmd_args *);
int	cmd_hostname(struct vty *, const struct cmd_args *);
/* shell/login_block.c */
int	cmd_login_block_for(struct vty *, const struct cmd_args *);
int	cmd_login_delay(struct vty *, const struct cmd_args *);
int	cmd_ip_domain_lookup(struct vty *, const struct cmd_args *);
int	cmd_service_timestamps(struct vty *, const struct cmd_args *);
int	cmd_line(struct vty *, const struct cmd_args *);

int	cmd_service_internal(struct vty *, const struct cmd_args *);
int	cmd_service_sequence_numbers(struct vty *, const struct cmd_args *);
int	cmd_service_password_encryption(struct vty *,
	    const struct cmd_args *);

/* Exec: debugging (shell/cmd_exec.c). */
int	cmd_show_debugging(struct vty *, const struct cmd_args *);
int	cmd_undebug_all(struct vty *, const struct cmd_args *);

/* Stored global lines (shell/cmd_passive.c). */
int	cmd_boot_marker(struct vty *, const struct cmd_args *);
int	cmd_logging(struct vty *, const struct cmd_args *);
int	cmd_clock_timezone(struct vty *, const struct cmd_args *);
int	cmd_ip_subnet_zero(struct vty *, const struct cmd_args *);
int	cmd_ip_cef(struct vty *, const struct cmd_args *);
int	cmd_ip_audit_max_events(struct vty *, const struct cmd_args *);
int	cmd_ftp_write_enable(struct vty *, const struct cmd_args *);
int	cmd_ip_http(struct vty *, const struct cmd_args *);
int	cmd_ip_classless(struct vty *, const struct cmd_args *);
int	cmd_call_rsvp_sync(struct vty *, const struct cmd_args *);
int	cmd_dial_peer_cor(struct vty *, const struct cmd_args *);
int	cmd_mgcp_profile(struct vty *, const struct cmd_args *);
int	cmd_control_plane(struct vty *, const struct cmd_args *);
int	cmd_platform_flag(struct vty *, const struct cmd_args *);
int	cmd_bridge(struct vty *, const struct cmd_args *);
int	cmd_tftp_source(struct vty *, const struct cmd_args *);
int	cmd_voice_card(struct vty *, const struct cmd_args *);
int	cmd_platform_number(struct vty *, const struct cmd_args *);
int	cmd_redundancy(struct vty *, const struct cmd_args *);
int	cmd_banner(struct vty *, const struct cmd_args *);
int	cmd_license_udi(struct vty *, const struct cmd_args *);
int	cmd_virtual_service(struct vty *, const struct cmd_args *);
int	cmd_ntp_server(struct vty *, const struct cmd_args *);

/* Routing protocol blocks, stored not acted on (shell/routing.c). */
int	cmd_router(struct vty *, const struct cmd_args *);
int	cmd_router_line(struct vty *, const struct cmd_args *);
int	cmd_router_af(struct vty *, const struct cmd_args *);
int	cmd_router_exit_af(struct vty *, const struct cmd_args *);
/* Named EIGRP's `af-interface NAME|default` and `topology base` inside an
 * address-family, and their exit-af-interface / exit-af-topology. */
int	cmd_router_af_sub(struct vty *, const struct cmd_args *);
int	cmd_router_exit_sub(struct vty *, const struct cmd_args *);
/* snmp-server lines (snmp.c), `archive` and its lines (cmd_passive.c):
 * stored, inert. */
int	cmd_snmp_server(struct vty *, const struct cmd_args *);
int	cmd_archive(struct vty *, const struct cmd_args *);
int	cmd_archive_line(struct vty *, const struct cmd_args *);
int	cmd_route_map(struct vty *, const struct cmd_args *);
/* `vrf definition NAME`, `ip vrf NAME` (stored, inert), their rd. */
int	cmd_vrf(struct vty *, const struct cmd_args *);
int	cmd_vrf_rd(struct vty *, const struct cmd_args *);
int	cmd_vrf_description(struct vty *, const struct cmd_args *);
int	cmd_prefix_list(struct vty *, const struct cmd_args *);
int	cmd_community_list(struct vty *, const struct cmd_args *);
int	cmd_bgp_community_fmt(struct vty *, const struct cmd_args *);
int	cmd_show_iosh_inert(struct vty *, const struct cmd_args *);
int	cmd_controller_isa(struct vty *, const struct cmd_args *);

/* AAA and usernames (shell/aaa.c). */
int	cmd_aaa_new_model(struct vty *, const struct cmd_args *);
int	cmd_aaa_authentication_login(struct vty *, const struct cmd_args *);
int	cmd_aaa_authorization_exec(struct vty *, const struct cmd_args *);
int	cmd_aaa_authorization_network(struct vty *, const struct cmd_args *);
int	cmd_aaa_session_id(struct vty *, const struct cmd_args *);
int	cmd_username(struct vty *, const struct cmd_args *);

/* enable and its passwords (shell/enable.c); the vty (console_telnet.c). */
int	cmd_enable_secret(struct vty *, const struct cmd_args *);
int	cmd_enable_password(struct vty *, const struct cmd_args *);
int	cmd_terminal_monitor(struct vty *, const struct cmd_args *);
/* shell/ssh_cfg.c */
int	cmd_ip_domain_name(struct vty *, const struct cmd_args *);
int	cmd_ip_ssh_version(struct vty *, const struct cmd_args *);
int	cmd_crypto_key_generate_rsa(struct vty *, const struct cmd_args *);
int	cmd_crypto_key_zeroize_rsa(struct vty *, const struct cmd_args *);
int	cmd_show_ip_ssh(struct vty *, const struct cmd_args *);
int	cmd_show_ssh(struct vty *, const struct cmd_args *);

/* nvram (shell/cmd_nvram.c). */
int	cmd_copy_run_start(struct vty *, const struct cmd_args *);
int	cmd_write_memory(struct vty *, const struct cmd_args *);
int	cmd_erase_startup(struct vty *, const struct cmd_args *);
int	cmd_show_startup_config(struct vty *, const struct cmd_args *);
int	cmd_reload(struct vty *, const struct cmd_args *);

/* The running configuration (shell/runcfg.c). */
int	cmd_show_running_config(struct vty *, const struct cmd_args *);
/* shell/cmd_logging.c */
int	cmd_logging_host(struct vty *, const struct cmd_args *);
int	cmd_logging_source_if(struct vty *, const struct cmd_args *);
int	cmd_show_logging(struct vty *, const struct cmd_args *);
/* shell/flash.c */
int	cmd_dir(struct vty *, const struct cmd_args *);
int	cmd_more(struct vty *, const struct cmd_args *);
int	cmd_delete(struct vty *, const struct cmd_args *);
/* shell/cmd_exec.c: show inventory; telnet/connect (no outbound TCP). */
int	cmd_show_inventory(struct vty *, const struct cmd_args *);
int	cmd_telnet(struct vty *, const struct cmd_args *);
/* shell/cmd_show.c */
int	cmd_show_clock(struct vty *, const struct cmd_args *);
int	cmd_show_privilege(struct vty *, const struct cmd_args *);
int	cmd_show_users(struct vty *, const struct cmd_args *);
int	cmd_write_terminal(struct vty *, const struct cmd_args *);
int	cmd_show_running_config_interface(struct vty *,
	    const struct cmd_args *);
int	cmd_version(struct vty *, const struct cmd_args *);
/* shell/show_line.c, show_hosts.c, show_protocols.c */
int	cmd_show_line(struct vty *, const struct cmd_args *);
int	cmd_show_terminal(struct vty *, const struct cmd_args *);
int	cmd_show_hosts(struct vty *, const struct cmd_args *);
int	cmd_show_ip_protocols(struct vty *, const struct cmd_args *);

/* Line configuration (shell/cmd_line.c). */
int	cmd_line_exec_timeout(struct vty *, const struct cmd_args *);
int	cmd_line_logging_sync(struct vty *, const struct cmd_args *);
int	cmd_line_stopbits(struct vty *, const struct cmd_args *);
int	cmd_line_password(struct vty *, const struct cmd_args *);
int	cmd_line_login(struct vty *, const struct cmd_args *);
int	cmd_line_length(struct vty *, const struct cmd_args *);
int	cmd_line_width(struct vty *, const struct cmd_args *);
int	cmd_line_privilege(struct vty *, const struct cmd_args *);
int	cmd_line_transport(struct vty *, const struct cmd_args *);
int	cmd_line_escape(struct vty *, const struct cmd_args *);

#endif
