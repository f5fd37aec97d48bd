/*
 * passive: the global lines iosh stores and renders back but does not act
 * on, each named here in full (never a catch-all), and the nvram commands
 * of privileged exec.
 */
#include "grammar/dp_grammar.h"
#include "grammar/modes.h"
#include "shell/cmds.h"

#define SNMP_H	"Modify SNMP engine parameters\n"
#define NEG	(CMD_NO | CMD_DEFAULT)


static const struct cmd_def passive_defs[] = {
	{ "boot-start-marker",
	  "Boot Start Marker",
	  cmd_boot_marker, NEG },
	{ "boot-end-marker",
	  "Boot End Marker",
	  cmd_boot_marker, NEG },
	{ "clock timezone WORD$zone WORD$hours [<0-59>$minutes]",
	  "Configure time-of-day clock\n"
	  "Configure time zone\n"
	  "name of time zone\n"
	  "Hours offset from UTC (-23 to 23)\n"
	  "Minutes offset from UTC",
	  cmd_clock_timezone, NEG },
	{ "ip subnet-zero",
	  "Global IP configuration subcommands\n"
	  "Allow 'subnet zero' subnets",
	  cmd_ip_subnet_zero, NEG },
	{ "ip cef",
	  "Global IP configuration subcommands\n"
	  "Cisco Express Forwarding",
	  cmd_ip_cef, NEG },
	{ "ip audit po max-events <1-65535>$events",
	  "Global IP configuration subcommands\n"
	  "Intrusion Detection System\n"
	  "Post Office configuration\n"
	  "Maximum number of events in event queue\n"
	  "Maximum number of events",
	  cmd_ip_audit_max_events, NEG },
	{ "ftp-server write-enable",
	  "Enable FTP server\n"
	  "Enable write operations",
	  cmd_ftp_write_enable, NEG },
	{ "ip http server",
	  "Global IP configuration subcommands\n"
	  "HTTP server configuration\n"
	  "Enable HTTP server",
	  cmd_ip_http, NEG },
	{ "ip http secure-server",
	  "Global IP configuration subcommands\n"
	  "HTTP server configuration\n"
	  "Enable HTTP secure server",
	  cmd_ip_http, NEG },
	{ "ip classless",
	  "Global IP configuration subcommands\n"
	  "Follow classless routing forwarding rules",
	  cmd_ip_classless, NEG },
	{ "call rsvp-sync",
	  "Configure Call parameters\n"
	  "Enable synchronization with RSVP",
	  cmd_call_rsvp_sync, NEG },
	{ "dial-peer cor custom",
	  "Dial Map (Peer) configuration commands\n"
	  "Class of Restriction\n"
	  "Custom COR names",
	  cmd_dial_peer_cor, NEG },
	{ "mgcp profile default",
	  "Enable Media Gateway Control Protocol\n"
	  "Configure an MGCP profile\n"
	  "The default MGCP profile",
	  cmd_mgcp_profile, NEG },
	{ "controller isa WORD$unit",
	  "Configure a specific controller\n"
	  "ISA controller\n"
	  "ISA controller slot/port (<0-9>/<0-9>)",
	  cmd_controller_isa, NEG },
	{ "ip icmp rate-limit unreachable",
	  "Global IP configuration subcommands\n"
	  "ICMP options\n"
	  "rate limit generation of ICMP messages\n"
	  "Set the rate limit for unreachable ICMP messages",
	  cmd_platform_flag, NEG },
	{ "ipv6 cef",
	  "Global IPv6 configuration commands\n"
	  "Cisco Express Forwarding for IPv6",
	  cmd_platform_flag, NEG },
	{ "multilink bundle-name authenticated",
	  "PPP multilink global configuration\n"
	  "Select method for naming multilink bundles\n"
	  "Peer's authenticated name",
	  cmd_platform_flag, NEG },
	{ "ip forward-protocol nd",
	  "Global IP configuration subcommands\n"
	  "Controls forwarding of physical and directed IP broadcasts\n"
	  "Sun's Network Disk protocol",
	  cmd_platform_flag, NEG },
	{ "ip tcp synwait-time <5-300>$secs",
	  "Global IP configuration subcommands\n"
	  "Global TCP parameters\n"
	  "Set time to wait on new TCP connections\n"
	  "Wait time",
	  cmd_platform_number, NEG },
	{ "mmi polling-interval <1-3600>$secs",
	  "Configure MMI options\n"
	  "Configure MMI polling interval\n"
	  "Polling interval in seconds",
	  cmd_platform_number, NEG },
	{ "mmi snmp-timeout <1-3600>$secs",
	  "Configure MMI options\n"
	  "Configure MMI SNMP timeout\n"
	  "SNMP timeout in seconds",
	  cmd_platform_number, NEG },
	{ "mmi auto-configure",
	  "Configure MMI options\n"
	  "Configure MMI auto-configuration",
	  cmd_platform_flag, NEG },
	{ "mmi pvc",
	  "Configure MMI options\n"
	  "Configure MMI PVC",
	  cmd_platform_flag, NEG },
	{ "platform punt-keepalive disable-kernel-core",
	  "platform specific configuration\n"
	  "punt-keepalive configuration\n"
	  "Disable kernel core generation on punt-keepalive failure",
	  cmd_platform_flag, NEG },
	{ "platform console serial",
	  "platform specific configuration\n"
	  "Specifies platform console type\n"
	  "Use serial console",
	  cmd_platform_flag, NEG },
	{ "subscriber templating",
	  "Subscriber configuration\n"
	  "Configure Subscriber Templating Mode",
	  cmd_platform_flag, NEG },
	{ "license udi pid WORD$udipid sn WORD$udisn",
	  "Configure license features\n"
	  "Unique Device Identifier\n"
	  "Product Identifier\n"
	  "Product Identifier string\n"
	  "Serial Number\n"
	  "Serial Number string",
	  cmd_license_udi, NEG },
	{ "diagnostic bootup level minimal",
	  "Configure diagnostic information\n"
	  "Configure diagnostic bootup parameters\n"
	  "Select diagnostic level\n"
	  "Minimal level",
	  cmd_platform_flag, NEG },
	{ "spanning-tree extend system-id",
	  "Spanning Tree Subsystem\n"
	  "Spanning Tree 802.1t extensions\n"
	  "Extend system-id into priority portion of the bridge id "
	  "(PVST & Rapid PVST)",
	  cmd_platform_flag, NEG },
	{ "cdp log mismatch duplex",
	  "Global CDP configuration subcommands\n"
	  "Log messages generated by CDP\n"
	  "Log CDP mismatch\n"
	  "Log the duplex-mismatch generated by CDP",
	  cmd_platform_flag, NEG },
	{ "virtual-service WORD$svc",
	  "Configure virtual service\n"
	  "Virtual service name",
	  cmd_virtual_service, NEG },
	{ "ip http authentication local",
	  "Global IP configuration subcommands\n"
	  "HTTP server configuration\n"
	  "Set http server authentication method\n"
	  "Use local username and passwords",
	  cmd_platform_flag, NEG },
	{ "ipv6 ioam timestamp",
	  "Global IPv6 configuration commands\n"
	  "IPv6 In-band OAM\n"
	  "IPv6 In-band OAM timestamp",
	  cmd_platform_flag, NEG },
	{ "scheduler allocate",
	  "Scheduler parameters\n"
	  "Guarantee CPU time for processes",
	  cmd_platform_flag, NEG },
	{ "ntp server (A.B.C.D$ntpsrv|WORD$ntpsrv)",
	  "Configure NTP\n"
	  "Configure NTP server\n"
	  "IP address of peer\n"
	  "Hostname of peer",
	  cmd_ntp_server, NEG },
	{ "redundancy",
	  "Enter redundancy mode",
	  cmd_redundancy, NEG },
	{ "lldp run",
	  "Global LLDP configuration subcommands\n"
	  "Enable LLDP",
	  cmd_platform_flag, NEG },
	{ "archive",
	  "Archive the configuration",
	  cmd_archive, NEG },
	{ "snmp-server community WORD$name [(RO|RW)] "
	  "[(<1-99>$acl|<1300-1999>$acl|WORD$acl)]",
	  SNMP_H
	  "Enable SNMP; set community string and access privs\n"
	  "SNMP community string\n"
	  "Read-only access with this community string\n"
	  "Read-write access with this community string\n"
	  "Std IP accesslist allowing access with this community string\n"
	  "Expanded IP accesslist allowing access with this community string\n"
	  "Access-list name",
	  cmd_snmp_server, NEG },
	{ "snmp-server location LINE$text",
	  SNMP_H
	  "Text for mib object sysLocation\n"
	  "The physical location of this node",
	  cmd_snmp_server, NEG },
	{ "snmp-server contact LINE$text",
	  SNMP_H
	  "Text for mib object sysContact\n"
	  "identification of the contact person for this managed node",
	  cmd_snmp_server, NEG },
	{ "snmp-server enable traps [(snmp [authentication] [linkdown] "
	  "[linkup] [coldstart] [warmstart]|config|entity|syslog|tty|bgp|"
	  "eigrp|ospf|ipsec|isakmp)]",
	  SNMP_H
	  "Enable SNMP Traps\n"
	  "Enable SNMP Traps\n"
	  "Enable SNMP traps\n"
	  "Enable authentication trap\n"
	  "Enable SNMP linkDown trap\n"
	  "Enable SNMP linkUp trap\n"
	  "Enable coldStart trap\n"
	  "Enable warmStart trap\n"
	  "Enable SNMP config traps\n"
	  "Enable SNMP entity traps\n"
	  "Enable SNMP syslog traps\n"
	  "Enable SNMP tty traps\n"
	  "Enable BGP traps\n"
	  "Enable SNMP EIGRP traps\n"
	  "Enable OSPF traps\n"
	  "Enable IPsec traps\n"
	  "Enable ISAKMP traps",
	  cmd_snmp_server, NEG },
	{ "snmp-server host A.B.C.D$host [(traps|informs)] [version (1|2c)] "
	  "WORD$hostcomm",
	  SNMP_H
	  "Specify hosts to receive SNMP notifications\n"
	  "IP address of SNMP notification host\n"
	  "Send Trap messages to this host\n"
	  "Send Inform messages to this host\n"
	  "SNMP version to use for notification messages\n"
	  "Use SNMPv1\n"
	  "Use SNMPv2c\n"
	  "SNMPv1/v2c community string or SNMPv3 user name",
	  cmd_snmp_server, NEG },
	{ "banner (exec|incoming|login|motd) LINE$text",
	  "Define a login banner\n"
	  "Set EXEC process creation banner\n"
	  "Set incoming terminal line banner\n"
	  "Set login banner\n"
	  "Set Message of the Day banner\n"
	  "c banner-text c, where 'c' is a delimiting character",
	  cmd_banner, NEG },
	{ "control-plane",
	  "Configure control plane services",
	  cmd_control_plane, NEG },
	{ "ip multicast-routing",
	  "Global IP configuration subcommands\n"
	  "Enable IP multicast forwarding",
	  cmd_platform_flag, NEG },
	{ "ip scp server enable",
	  "Global IP configuration subcommands\n"
	  "Scp commands\n"
	  "Configure SCP server\n"
	  "Enable SCP server",
	  cmd_platform_flag, NEG },
	{ "ip tftp source-interface " IF_TYPES " WORD$num",
	  "Global IP configuration subcommands\n"
	  "tftp configuration commands\n"
	  "Specify interface for source address in TFTP connections\n"
	  IF_TYPES_HELP
	  "Interface number",
	  cmd_tftp_source, NEG },
	{ "ip tftp source-interface WORD$name",
	  "Global IP configuration subcommands\n"
	  "tftp configuration commands\n"
	  "Specify interface for source address in TFTP connections\n"
	  "Interface name and number",
	  cmd_tftp_source, NEG | CMD_HIDDEN },
	{ "bridge irb",
	  "Bridge Group.\n"
	  "Enable integrated routing and bridging",
	  cmd_platform_flag, NEG },
	{ "bridge <1-255>$group protocol ieee",
	  "Bridge Group.\n"
	  "Bridge Group number for Bridging.\n"
	  "Specify spanning tree protocol\n"
	  "IEEE 802.1 compatible Spanning Tree",
	  cmd_bridge, NEG },
	{ "bridge <1-255>$group route ip",
	  "Bridge Group.\n"
	  "Bridge Group number for Bridging.\n"
	  "Routing protocol\n"
	  "Internet Protocol",
	  cmd_bridge, NEG },
	{ "voice-card <0-9>$slot",
	  "Configure a specific voice-card\n"
	  "voice-card slot number",
	  cmd_voice_card, NEG },
};

/* The forms IOS takes after "no" without their argument. */
static const struct cmd_def passive_neg_defs[] = {
	{ "banner (exec|incoming|login|motd)",
	  "Define a login banner\n"
	  "Set EXEC process creation banner\n"
	  "Set incoming terminal line banner\n"
	  "Set login banner\n"
	  "Set Message of the Day banner",
	  cmd_banner, NEG },
	{ "ip tcp synwait-time",
	  "Global IP configuration subcommands\n"
	  "Global TCP parameters\n"
	  "Set time to wait on new TCP connections",
	  cmd_platform_number, NEG },
	{ "mmi polling-interval",
	  "Configure MMI options\n"
	  "Configure MMI polling interval",
	  cmd_platform_number, NEG },
	{ "mmi snmp-timeout",
	  "Configure MMI options\n"
	  "Configure MMI SNMP timeout",
	  cmd_platform_number, NEG },
	{ "snmp-server (location$kw|contact$kw)",
	  SNMP_H
	  "Text for mib object sysLocation\n"
	  "Text for mib object sysContact",
	  cmd_snmp_server, NEG },
};

/* (config-archive) */
static const struct cmd_def archive_defs[] = {
	{ "path WORD$url",
	  "path for backups\n"
	  "The URL of the archive (e.g. flash:archive)",
	  cmd_archive_line, NEG },
	{ "write-memory",
	  "Enable automatic backup generation during write memory",
	  cmd_archive_line, NEG },
	{ "maximum <1-14>$n",
	  "maximum number of backup copies\n"
	  "maximum number of backup copies",
	  cmd_archive_line, NEG },
	{ "time-period <1-525600>$mins",
	  "Period of time in minutes to automatically archive the "
	  "running-config\n"
	  "Number of minutes to wait between archive creation",
	  cmd_archive_line, NEG },
};

static const struct cmd_def nvram_exec_defs[] = {
	{ "copy running-config startup-config",
	  "Copy from one file to another\n"
	  "Copy from current system configuration\n"
	  "Copy to startup configuration",
	  cmd_copy_run_start, 0 },
	{ "write [memory]",
	  "Write running configuration to memory, network, or terminal\n"
	  "Write to NV memory",
	  cmd_write_memory, 0 },
	{ "write erase",
	  "Write running configuration to memory, network, or terminal\n"
	  "Erase NV memory",
	  cmd_erase_startup, 0 },
	{ "erase startup-config",
	  "Erase a filesystem\n"
	  "Erase contents of configuration memory",
	  cmd_erase_startup, 0 },
	{ "show startup-config",
	  "Show running system information\n"
	  "Contents of startup configuration",
	  cmd_show_startup_config, CMD_FILTER },
	{ "reload",
	  "Halt and perform a cold restart",
	  cmd_reload, 0 },
	/* Hidden as IOS hides its own service commands: the configured
	 * lines iosh stores without acting on them (issue 20). */
	{ "show iosh inert",
	  "Show running system information\n"
	  "iosh internals\n"
	  "Configured lines that have no effect in iosh",
	  cmd_show_iosh_inert, CMD_HIDDEN | CMD_FILTER },
};

const struct cmd_table passive_table = CMD_TABLE(passive_defs);
const struct cmd_table passive_neg_table = CMD_TABLE(passive_neg_defs);
const struct cmd_table archive_table = CMD_TABLE(archive_defs);
const struct cmd_table nvram_exec_table = CMD_TABLE(nvram_exec_defs);
