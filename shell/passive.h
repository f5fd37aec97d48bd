/*
 * passive: the global lines iosh stores and renders but does not act on
 * (boot markers, clock timezone, ip subnet-zero, ip cef, ip http,
 * call rsvp-sync, controllers, control-plane ...).  Each is named by the
 * grammar (grammar/passive.c); none is accepted by a catch-all.
 */
#ifndef IOSH_SHELL_PASSIVE_H
#define IOSH_SHELL_PASSIVE_H

#include <stdbool.h>

/* A setting IOS renders only once it was configured, either way. */
enum tristate {
	TRI_UNSET,
	TRI_ON,
	TRI_OFF,
};

#define TZ_NAME_MAX	32
#define DOMAIN_NAME_MAX	64
#define NTP_MAX		8
#define CONTROLLER_MAX	100		/* ISA <0-9>/<0-9> */

struct passive {
	bool		 pa_boot_start;		/* boot-start-marker */
	bool		 pa_boot_end;		/* boot-end-marker */
	bool		 pa_clock_tz;		/* clock timezone set */
	char		 pa_tz_name[TZ_NAME_MAX];
	int		 pa_tz_hours;
	unsigned	 pa_tz_minutes;
	bool		 pa_subnet_zero;	/* default on */
	bool		 pa_cef;
	unsigned	 pa_audit_max_events;	/* 0: not configured */
	enum tristate	 pa_ftp_write;		/* ftp-server write-enable */
	bool		 pa_http;		/* ip http server */
	bool		 pa_http_secure;	/* ip http secure-server */
	bool		 pa_classless;		/* default on */
	bool		 pa_rsvp_sync;		/* call rsvp-sync */
	bool		 pa_mgcp_default;	/* mgcp profile default */
	bool		 pa_cor_custom;		/* dial-peer cor custom */
	bool		 pa_control_plane;	/* control-plane */
	bool		 pa_controller[CONTROLLER_MAX]; /* controller ISA s/p */
	/* Platform lines real running-configs carry (issue 20). */
	bool		 pa_icmp_rl_off;	/* no ip icmp rate-limit unreachable */
	bool		 pa_ipv6_cef_off;	/* no ipv6 cef */
	bool		 pa_multilink_auth;	/* multilink bundle-name authenticated */
	unsigned	 pa_tcp_synwait;	/* ip tcp synwait-time, 0: default 30 */
	bool		 pa_forward_nd;		/* ip forward-protocol nd */
	bool		 pa_redundancy;		/* redundancy */
	unsigned	 pa_mmi_poll;		/* mmi polling-interval, 0: unset */
	bool		 pa_mmi_noauto;		/* no mmi auto-configure */
	bool		 pa_mmi_nopvc;		/* no mmi pvc */
	unsigned	 pa_mmi_snmp;		/* mmi snmp-timeout, 0: unset */
	/* The platform lines IOS-XE (CSR1000v) running-configs carry. */
	bool		 pa_no_punt_keepalive;	/* no platform punt-keepalive ... */
	bool		 pa_console_serial;	/* platform console serial */
	bool		 pa_subscriber_tmpl;	/* subscriber templating */
	char		 pa_udi_pid[TZ_NAME_MAX]; /* license udi pid P sn S */
	char		 pa_udi_sn[TZ_NAME_MAX];
	bool		 pa_diag_minimal;	/* diagnostic bootup level minimal */
	bool		 pa_stp_extend;		/* spanning-tree extend system-id */
	bool		 pa_no_cdp_log_duplex;	/* no cdp log mismatch duplex */
	bool		 pa_virtual_service;	/* virtual-service csr_mgmt */
	bool		 pa_http_auth_local;	/* ip http authentication local */
	bool		 pa_ioam_timestamp;	/* ipv6 ioam timestamp */
	bool		 pa_no_sched_allocate;	/* no scheduler allocate */
	bool		 pa_lldp_run;		/* lldp run */
	bool		 pa_archive;		/* archive */
	char		 pa_archive_path[DOMAIN_NAME_MAX]; /*  path URL */
	bool		 pa_archive_wrmem;	/*  write-memory */
	unsigned	 pa_archive_max;	/*  maximum N, 0: unset */
	unsigned	 pa_archive_period;	/*  time-period N, 0: unset */
	char		 pa_ntp[NTP_MAX][DOMAIN_NAME_MAX]; /* ntp server, in order */
	bool		 pa_mcast_routing;	/* ip multicast-routing */
	bool		 pa_scp_server;		/* ip scp server enable */
	char		 pa_tftp_src[TZ_NAME_MAX + 16]; /* ip tftp source-interface */
	bool		 pa_bridge_irb;		/* bridge irb */
	/* bridge N protocol ieee (1), bridge N route ip (2), by group. */
	unsigned char	 pa_bridge[256];
	bool		 pa_voice_card[10];	/* voice-card N */
};

/* IOS defaults. */
void	passive_default(struct passive *);

#endif
