/*
 * config: global configuration commands, and the forms of them IOS
 * accepts only after "no" or "default" (without their argument).
 */
#include "grammar/dp_grammar.h"
#include "grammar/modes.h"
#include "shell/cmds.h"

#define LEVELS								\
	"(<0-7>$level|alerts|critical|debugging|emergencies|errors|"	\
	"informational|notifications|warnings)"
#define LEVELS_HELP							\
	"Logging severity level\n"					\
	"Immediate action needed           (severity=1)\n"		\
	"Critical conditions               (severity=2)\n"		\
	"Debugging messages                (severity=7)\n"		\
	"System is unusable                (severity=0)\n"		\
	"Error conditions                  (severity=3)\n"		\
	"Informational messages            (severity=6)\n"		\
	"Normal but significant conditions (severity=5)\n"		\
	"Warning conditions                (severity=4)"

static const struct cmd_def config_defs[] = {
	{ "logging on",
	  "Modify message logging facilities\n"
	  "Enable logging to all enabled destinations",
	  cmd_logging, CMD_NO | CMD_DEFAULT },
	{ "logging buffered [<4096-2147483647>$size] [" LEVELS "]",
	  "Modify message logging facilities\n"
	  "Set buffered logging parameters\n"
	  "Logging buffer size\n"
	  LEVELS_HELP,
	  cmd_logging, CMD_NO | CMD_DEFAULT },
	{ "logging console [" LEVELS "]",
	  "Modify message logging facilities\n"
	  "Set console logging parameters\n"
	  LEVELS_HELP,
	  cmd_logging, CMD_NO | CMD_DEFAULT },
	{ "logging monitor [" LEVELS "]",
	  "Modify message logging facilities\n"
	  "Set terminal line (monitor) logging parameters\n"
	  LEVELS_HELP,
	  cmd_logging, CMD_NO | CMD_DEFAULT },
	{ "logging trap [" LEVELS "]",
	  "Modify message logging facilities\n"
	  "Set syslog server logging level\n"
	  LEVELS_HELP,
	  cmd_logging, CMD_NO | CMD_DEFAULT },
	{ "logging host A.B.C.D$addr [transport udp port <1-65535>$udpport]",
	  "Modify message logging facilities\n"
	  "Set syslog server IP address and parameters\n"
	  "IP address of the syslog server\n"
	  "Specify the transport protocol (default=UDP)\n"
	  "UDP protocol\n"
	  "Specify the UDP port number (default=514)\n"
	  "UDP port number",
	  cmd_logging_host, CMD_NO | CMD_DEFAULT },
	{ "logging A.B.C.D$addr",
	  "Modify message logging facilities\n"
	  "IP address of the logging host",
	  cmd_logging_host, CMD_NO | CMD_DEFAULT },
	{ "logging source-interface " IF_TYPES " WORD$num",
	  "Modify message logging facilities\n"
	  "Specify interface for source address in logging transactions\n"
	  IF_TYPES_HELP
	  "Interface number",
	  cmd_logging_source_if, CMD_NO | CMD_DEFAULT },
	{ "logging source-interface WORD$name",
	  "Modify message logging facilities\n"
	  "Specify interface for source address in logging transactions\n"
	  "Interface name and number",
	  cmd_logging_source_if, CMD_NO | CMD_DEFAULT | CMD_HIDDEN },
	{ "login block-for <1-65535>$block attempts <1-65535>$tries "
	  "within <1-65535>$watch",
	  "Enable secure login checking\n"
	  "Set quiet-mode active time period\n"
	  "Quiet-mode period in seconds\n"
	  "Set max number of fail attempts\n"
	  "Fail attempts count\n"
	  "Watch period for fail attempts\n"
	  "Watch period in seconds",
	  cmd_login_block_for, CMD_NO | CMD_DEFAULT },
	{ "login delay <1-10>$secs",
	  "Enable secure login checking\n"
	  "Set delay between successive fail login\n"
	  "Seconds between successive login attempts",
	  cmd_login_delay, CMD_NO | CMD_DEFAULT },
	{ "version WORD$release",
	  "Version\n"
	  "Version number",
	  cmd_version, CMD_NO | CMD_DEFAULT },
	{ "hostname WORD$name",
	  "Set system's network name\n"
	  "This system's network name",
	  cmd_hostname, CMD_NO | CMD_DEFAULT },
	{ "ip domain-lookup",
	  "Global IP configuration subcommands\n"
	  "Enable IP Domain Name System hostname translation",
	  cmd_ip_domain_lookup, CMD_NO | CMD_DEFAULT },
	{ "ip domain name WORD$dname",
	  "Global IP configuration subcommands\n"
	  "IP DNS Resolver\n"
	  "Define the default domain name\n"
	  "Default domain name",
	  cmd_ip_domain_name, CMD_NO | CMD_DEFAULT },
	{ "ip domain-name WORD$dname",
	  "Global IP configuration subcommands\n"
	  "Define the default domain name\n"
	  "Default domain name",
	  cmd_ip_domain_name, CMD_NO | CMD_DEFAULT },
	{ "ip ssh version <1-2>$ver",
	  "Global IP configuration subcommands\n"
	  "Configure ssh options\n"
	  "Specify protocol version to be supported\n"
	  "Protocol version",
	  cmd_ip_ssh_version, CMD_NO | CMD_DEFAULT },
	{ "crypto key generate rsa [general-keys] [modulus <360-4096>$bits]",
	  "Encryption module\n"
	  "Long term key operations\n"
	  "Generate new keys\n"
	  "Generate RSA keys\n"
	  "Generate a general purpose RSA key pair for signing and encryption\n"
	  "Provide number of modulus bits on the command line\n"
	  "size of the key modulus [360-4096]",
	  cmd_crypto_key_generate_rsa, 0 },
	{ "crypto key zeroize rsa",
	  "Encryption module\n"
	  "Long term key operations\n"
	  "Remove keys\n"
	  "Remove RSA keys",
	  cmd_crypto_key_zeroize_rsa, 0 },
	{ "ip domain lookup",
	  "Global IP configuration subcommands\n"
	  "IP DNS Resolver\n"
	  "Enable IP Domain Name System hostname translation",
	  cmd_ip_domain_lookup, CMD_NO | CMD_DEFAULT },
	{ "service timestamps [(debug|log) [(uptime|datetime [msec] "
	  "[localtime] [show-timezone] [year])]]",
	  "Modify use of network based services\n"
	  "Timestamp debug/log messages\n"
	  "Timestamp debug messages\n"
	  "Timestamp log messages\n"
	  "Timestamp with system uptime\n"
	  "Timestamp with date and time\n"
	  "Include milliseconds in timestamp\n"
	  "Use local time zone for timestamps\n"
	  "Add time zone information to timestamp\n"
	  "Include year in timestamp",
	  cmd_service_timestamps, CMD_NO | CMD_DEFAULT },
	{ "service sequence-numbers",
	  "Modify use of network based services\n"
	  "Stamp logger messages with a sequence number",
	  cmd_service_sequence_numbers, CMD_NO | CMD_DEFAULT },
	{ "service internal",
	  "Modify use of network based services\n"
	  "Enable internal commands",
	  cmd_service_internal, CMD_NO | CMD_DEFAULT },
	{ "service password-encryption",
	  "Modify use of network based services\n"
	  "Encrypt system passwords",
	  cmd_service_password_encryption, CMD_NO | CMD_DEFAULT },
	{ "line console <0-0>$first",
	  "Configure a terminal line\n"
	  "Primary terminal line\n"
	  "First Line number",
	  cmd_line, 0 },
	{ "line aux <0-0>$first",
	  "Configure a terminal line\n"
	  "Auxiliary line\n"
	  "First Line number",
	  cmd_line, 0 },
	{ "line vty <0-15>$first [<0-15>$last]",
	  "Configure a terminal line\n"
	  "Virtual terminal\n"
	  "First Line number\n"
	  "Last Line number",
	  cmd_line, 0 },
};

static const struct cmd_def config_neg_defs[] = {
	{ "logging source-interface",
	  "Modify message logging facilities\n"
	  "Specify interface for source address in logging transactions",
	  cmd_logging_source_if, CMD_NO | CMD_DEFAULT },
	{ "ip domain name",
	  "Global IP configuration subcommands\n"
	  "IP DNS Resolver\n"
	  "Define the default domain name",
	  cmd_ip_domain_name, CMD_NO | CMD_DEFAULT },
	{ "ip domain-name",
	  "Global IP configuration subcommands\n"
	  "Define the default domain name",
	  cmd_ip_domain_name, CMD_NO | CMD_DEFAULT },
	{ "ip ssh version",
	  "Global IP configuration subcommands\n"
	  "Configure ssh options\n"
	  "Specify protocol version to be supported",
	  cmd_ip_ssh_version, CMD_NO | CMD_DEFAULT },
	{ "version",
	  "Version",
	  cmd_version, CMD_NO | CMD_DEFAULT },
	{ "hostname",
	  "Set system's network name",
	  cmd_hostname, CMD_NO | CMD_DEFAULT },
	{ "login block-for",
	  "Enable secure login checking\n"
	  "Set quiet-mode active time period",
	  cmd_login_block_for, CMD_NO | CMD_DEFAULT },
	{ "login delay",
	  "Enable secure login checking\n"
	  "Set delay between successive fail login",
	  cmd_login_delay, CMD_NO | CMD_DEFAULT },
	/* Stored lines of grammar/passive.c whose "no" drops the value. */
	{ "clock timezone",
	  "Configure time-of-day clock\n"
	  "Configure time zone",
	  cmd_clock_timezone, CMD_NO | CMD_DEFAULT },
	{ "ip audit po max-events",
	  "Global IP configuration subcommands\n"
	  "Intrusion Detection System\n"
	  "Post Office configuration\n"
	  "Maximum number of events in event queue",
	  cmd_ip_audit_max_events, CMD_NO | CMD_DEFAULT },
};

const struct cmd_table config_table = CMD_TABLE(config_defs);
const struct cmd_table config_neg_table = CMD_TABLE(config_neg_defs);
