/*
 * crypto: the crypto commands of global configuration, interface
 * configuration and exec.  Handlers are in crypto/ (crypto/cmds.h); the
 * sub-modes' tables are in grammar/crypto_submodes.c.
 */
#include "crypto/cmds.h"
#include "grammar/crypto_transform.h"
#include "grammar/modes.h"

#define KEY_HELP							\
	"Encryption module\n"						\
	"Configure ISAKMP policy\n"					\
	"Set pre-shared key for remote peer\n"				\
	"Specifies an UNENCRYPTED password will follow\n"		\
	"Specifies an ENCRYPTED password will follow\n"		\
	"The UNENCRYPTED (cleartext) user password\n"

/* `crypto map NAME client|isakmp ...`: the map's client settings. */
#define MAP_HELP							\
	"Encryption module\n"						\
	"Enter a crypto map\n"						\
	"Crypto map tag\n"
#define MAP_CLIENT_HELP							\
	MAP_HELP							\
	"Specify client configuration settings\n"			\
	"Enable Authentication of IPSec VPN clients (XAUTH)\n"		\
	"Specify list for client authentication"
#define MAP_ISAKMP_HELP							\
	MAP_HELP							\
	"Specify isakmp configuration settings\n"			\
	"Enable isakmp authorization\n"					\
	"Specify list for isakmp authorization"
#define MAP_CONFIG_HELP							\
	MAP_HELP							\
	"Specify client configuration settings\n"			\
	"Specify client configuration settings\n"			\
	"Specify client network address configuration"

static const struct cmd_def crypto_config_defs[] = {
	{ "key config-key password-encrypt WORD$master",
	  "Key management\n"
	  "Set a private configuration key\n"
	  "Set a private configuration key for password encryption\n"
	  "Enter a value of the config-key",
	  key_config_key_cmd, 0, NULL },
	{ "key config-key password-encrypt",
	  "Key management\n"
	  "Set a private configuration key\n"
	  "Set a private configuration key for password encryption",
	  key_config_key_cmd, CMD_NO, NULL },
	{ "password encryption aes",
	  "Configure password encryption\n"
	  "Configure password encryption\n"
	  "Enable password encryption using AES",
	  password_encryption_aes_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp policy <1-10000>$priority",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Set policy for an ISAKMP protection suite\n"
	  "Priority of protection suite",
	  crypto_isakmp_policy_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp key [0|6] WORD$secret address A.B.C.D$addr "
	  "[A.B.C.D$mask] [no-xauth]",
	  KEY_HELP
	  "define shared key with IP address\n"
	  "Peer IP address\n"
	  "Peer IP subnet mask\n"
	  "Bypasses XAuth for this peer",
	  crypto_isakmp_key_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp key [0|6] WORD$secret address ipv6 "
	  "X:X:X:X::X/<0-128>$prefix",
	  KEY_HELP
	  "define shared key with IP address\n"
	  "define shared key with IPv6 address\n"
	  "IPv6 prefix of remote peer",
	  crypto_isakmp_key_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp key [0|6] WORD$secret hostname WORD$host",
	  KEY_HELP
	  "define shared key with hostname\n"
	  "hostname",
	  crypto_isakmp_key_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto call admission limit ike sa <10-99999>$n",
	  "Encryption module\n"
	  "Call admission control\n"
	  "Call admission control\n"
	  "Call admission limit\n"
	  "IKE\n"
	  "Maximum number of IKE SAs (in negotiation and established)\n"
	  "Number of IKE SAs",
	  crypto_call_admission_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto call admission limit ike in-negotiation-sa <10-99999>$n",
	  "Encryption module\n"
	  "Call admission control\n"
	  "Call admission control\n"
	  "Call admission limit\n"
	  "IKE\n"
	  "Maximum number of IKE SAs in negotiation\n"
	  "Number of IKE SAs in negotiation",
	  crypto_call_admission_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp keepalive <10-3600>$seconds [<2-60>$retry] "
	  "[periodic|on-demand]",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Set a keepalive interval for use with IOS peers\n"
	  "Number of seconds between keep alives\n"
	  "Number of seconds between retries if keepalive fails\n"
	  "Send keepalives periodically\n"
	  "Send keepalives on demand (default)",
	  crypto_isakmp_keepalive_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec nat-transparency udp-encapsulation",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "IPsec NAT transparency model\n"
	  "UDP encapsulation of IPsec protocols",
	  crypto_natt_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec security-association lifetime "
	  "(seconds <120-86400>$secs|kilobytes <2560-4294967295>$kb)",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Security association parameters\n"
	  "security association lifetime\n"
	  "Time-based key duration in seconds\n"
	  "Security association duration in seconds\n"
	  "Volume-based key duration\n"
	  "Security association duration in kilobytes",
	  crypto_ipsec_lifetime_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec security-association replay "
	  "(window-size [(64|128|256|512|1024)]|disable)",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Security association parameters\n"
	  "Set replay checking.\n"
	  "Set replay window size.\n"
	  "Window size of 64\n"
	  "Window size of 128\n"
	  "Window size of 256\n"
	  "Window size of 512\n"
	  "Window size of 1024\n"
	  "Disable replay checking.",
	  crypto_ipsec_replay_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec df-bit (clear|copy|set)",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Handling of encapsulated DF bit.\n"
	  "Clear DF bit for encapsulated packets.\n"
	  "Copy DF bit from inner for encapsulated packets.\n"
	  "Set DF bit for encapsulated packets.",
	  crypto_ipsec_df_bit_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec fragmentation (after-encryption|before-encryption)",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Fragmentation policy for IPsec\n"
	  "Perform fragmentation of large packets after IPSec encapsulation\n"
	  "Perform fragmentation of large packets before IPSec encapsulation",
	  crypto_ipsec_fragmentation_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto logging session",
	  "Encryption module\n"
	  "Set logging parameters\n"
	  "Enable or disable session up/down logging",
	  crypto_logging_session_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp nat keepalive <5-3600>$seconds",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Set NAT related settings\n"
	  "Set NAT keepalive interval\n"
	  "Number of seconds between keep alives",
	  crypto_isakmp_nat_keepalive_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp aggressive-mode disable",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Disable ISAKMP aggressive mode\n"
	  "Disable ISAKMP aggressive mode",
	  crypto_isakmp_am_disable_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp profile WORD$name",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Define ISAKMP Profiles\n"
	  "Name of profile",
	  crypto_isakmp_profile_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp client configuration group WORD$name",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Set client configuration policy\n"
	  "Set client configuration policy\n"
	  "Set group information for client configuration\n"
	  "Name of the group",
	  crypto_client_group_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto keyring WORD$name",
	  "Encryption module\n"
	  "Key ring commands\n"
	  "Name of a key ring",
	  crypto_keyring_cmd, CMD_NO | CMD_DEFAULT, NULL },
	TRANSFORM_SET_ROWS,
	{ "crypto ipsec profile WORD$name",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Configure an ipsec policy profile\n"
	  "Profile name",
	  crypto_ipsec_profile_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto dynamic-map WORD$name <1-65535>$seq",
	  "Encryption module\n"
	  "Specify a dynamic crypto map template\n"
	  "Dynamic crypto map template tag\n"
	  "Sequence to insert into dynamic crypto map entry",
	  crypto_dynamic_map_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name <1-65535>$seq ipsec-isakmp "
	  "[dynamic WORD$dynmap]",
	  "Encryption module\n"
	  "Enter a crypto map\n"
	  "Crypto map tag\n"
	  "Sequence to insert into crypto map entry\n"
	  "IPSEC w/ISAKMP\n"
	  "Enable dynamic crypto map support\n"
	  "Name of dynamic crypto map template",
	  crypto_map_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name client authentication list WORD$listname",
	  MAP_CLIENT_HELP "\n"
	  "AAA authentication list name",
	  crypto_map_client_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name isakmp authorization list WORD$listname",
	  MAP_ISAKMP_HELP "\n"
	  "AAA authorization list name",
	  crypto_map_client_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name client configuration address "
	  "(respond|initiate)",
	  MAP_CONFIG_HELP "\n"
	  "Respond to address requests from the client\n"
	  "Push the address to the client",
	  crypto_map_client_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "ip local pool WORD$name A.B.C.D$first [A.B.C.D$last]",
	  "Global IP configuration subcommands\n"
	  "Specify local options\n"
	  "IP Local address pool lists\n"
	  "Create named local address pool\n"
	  "First IP address of range\n"
	  "Last IP address of range",
	  ip_local_pool_cmd, CMD_NO | CMD_DEFAULT, NULL },
};

/* The forms IOS accepts after "no" without their arguments. */
static const struct cmd_def crypto_config_neg_defs[] = {
	{ "crypto isakmp keepalive",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Set a keepalive interval for use with IOS peers",
	  crypto_isakmp_keepalive_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto isakmp nat keepalive",
	  "Encryption module\n"
	  "Configure ISAKMP policy\n"
	  "Set NAT related settings\n"
	  "Set NAT keepalive interval",
	  crypto_isakmp_nat_keepalive_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec transform-set WORD$name",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Define transform and settings\n"
	  "Transform set tag",
	  crypto_transform_set_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec security-association lifetime (seconds|kilobytes)",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Security association parameters\n"
	  "security association lifetime\n"
	  "Time-based key duration in seconds\n"
	  "Volume-based key duration",
	  crypto_ipsec_lifetime_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec security-association replay (window-size|disable)",
	  "Encryption module\n"
	  "Configure IPSEC policy\n"
	  "Security association parameters\n"
	  "Set replay checking.\n"
	  "Set replay window size.\n"
	  "Disable replay checking.",
	  crypto_ipsec_replay_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto dynamic-map WORD$name",
	  "Encryption module\n"
	  "Specify a dynamic crypto map template\n"
	  "Dynamic crypto map template tag",
	  crypto_dynamic_map_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name [<1-65535>$seq]",
	  "Encryption module\n"
	  "Enter a crypto map\n"
	  "Crypto map tag\n"
	  "Sequence to insert into crypto map entry",
	  crypto_map_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name client authentication list",
	  MAP_CLIENT_HELP,
	  crypto_map_client_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name isakmp authorization list",
	  MAP_ISAKMP_HELP,
	  crypto_map_client_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto map WORD$name client configuration address",
	  MAP_CONFIG_HELP,
	  crypto_map_client_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "ip local pool WORD$name",
	  "Global IP configuration subcommands\n"
	  "Specify local options\n"
	  "IP Local address pool lists\n"
	  "Create named local address pool",
	  ip_local_pool_cmd, CMD_NO | CMD_DEFAULT, NULL },
};

static const struct cmd_def crypto_if_defs[] = {
	{ "crypto map WORD$name",
	  "Encryption/Decryption commands\n"
	  "Assign a Crypto Map\n"
	  "Crypto Map tag",
	  if_crypto_map_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec df-bit (clear|copy|set)",
	  "Encryption/Decryption commands\n"
	  "Configure IPSEC policy\n"
	  "Handling of encapsulated DF bit.\n"
	  "Clear DF bit for encapsulated packets.\n"
	  "Copy DF bit from inner for encapsulated packets.\n"
	  "Set DF bit for encapsulated packets.",
	  if_crypto_ipsec_df_bit_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "crypto ipsec fragmentation (after-encryption|before-encryption)",
	  "Encryption/Decryption commands\n"
	  "Configure IPSEC policy\n"
	  "Fragmentation policy for IPsec\n"
	  "Perform fragmentation of large packets after IPSec encapsulation\n"
	  "Perform fragmentation of large packets before IPSec encapsulation",
	  if_crypto_ipsec_fragmentation_cmd, CMD_NO | CMD_DEFAULT, NULL },
	{ "tunnel protection ipsec profile WORD$name [shared]",
	  "protocol-over-protocol tunneling\n"
	  "Enable tunnel protection\n"
	  "use ipsec to protect this tunnel\n"
	  "Determine the ipsec policy profile to use.\n"
	  "Name of the ipsec policy profile\n"
	  "Share this protection with other tunnel interfaces",
	  if_tunnel_protection_cmd, CMD_NO | CMD_DEFAULT, NULL },
};

#define DEBUG_KINDS_HELP						\
	"Cryptographic subsystem\n"					\
	"Crypto ISAKMP debug messages\n"				\
	"IPSEC processing\n"						\
	"Crypto Engine Debug Messages"

static const struct cmd_def crypto_exec_defs[] = {
	{ "show crypto isakmp policy",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show ISAKMP\n"
	  "Show ISAKMP protection suite policy",
	  show_isakmp_policy_cmd, CMD_FILTER, NULL },
	{ "show crypto isakmp key",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show ISAKMP\n"
	  "Show ISAKMP preshared keys",
	  show_isakmp_key_cmd, CMD_FILTER, NULL },
	{ "show crypto isakmp sa [detail]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show ISAKMP\n"
	  "Show ISAKMP Security Associations\n"
	  "Show ISAKMP SA Detail",
	  show_isakmp_sa_cmd, CMD_FILTER, NULL },
	{ "show crypto call admission statistics",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Call admission control\n"
	  "Call admission control\n"
	  "Call admission control statistics",
	  show_crypto_call_admission_cmd, CMD_FILTER, NULL },
	{ "clear crypto call admission statistics",
	  "Reset functions\n"
	  "Encryption module\n"
	  "Call admission control\n"
	  "Call admission control\n"
	  "Call admission control statistics",
	  clear_crypto_call_admission_cmd, 0, NULL },
	{ "show crypto ipsec sa [detail]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show IPSEC policy\n"
	  "IPSEC SA table\n"
	  "Detailed information on SA table",
	  show_ipsec_sa_cmd, CMD_FILTER, NULL },
	{ "show crypto ipsec sa peer A.B.C.D$peeraddr [detail]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show IPSEC policy\n"
	  "IPSEC SA table\n"
	  "Show SAs with peer\n"
	  "Peer's IP address\n"
	  "Detailed information on SA table",
	  show_ipsec_sa_cmd, CMD_FILTER, NULL },
	{ "show crypto ipsec sa map WORD$mapname [detail]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show IPSEC policy\n"
	  "IPSEC SA table\n"
	  "IPSEC SAs for a specific crypto map\n"
	  "Crypto map tag\n"
	  "Detailed information on SA table",
	  show_ipsec_sa_cmd, CMD_FILTER, NULL },
	{ "test crypto wireshark-keys WORD$dir",
	  "Test subsystems, memory, and interfaces\n"
	  "Encryption module\n"
	  "Write Wireshark's IKEv1 and ESP key tables for the SAs\n"
	  "Directory to write them into",
	  test_crypto_wireshark_keys_cmd, CMD_HIDDEN, NULL },
	{ "clear crypto isakmp",
	  "Reset functions\n"
	  "Encryption module\n"
	  "Flush the ISAKMP database",
	  clear_crypto_isakmp_cmd, 0, NULL },
	{ "clear crypto sa",
	  "Reset functions\n"
	  "Encryption module\n"
	  "Clear all IPSEC security associations",
	  clear_crypto_sa_cmd, 0, NULL },
	{ "show crypto session [detail]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show crypto sessions (tunnels)\n"
	  "Show detail crypto session information",
	  show_crypto_session_cmd, CMD_FILTER, NULL },
	{ "show crypto session brief",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show crypto sessions (tunnels)\n"
	  "Show crypto sessions in brief",
	  show_crypto_session_cmd, CMD_FILTER, NULL },
	{ "show crypto session remote A.B.C.D$remoteaddr [detail]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show crypto sessions (tunnels)\n"
	  "Show crypto sessions for a remote IKE peer\n"
	  "Remote IKE peer address\n"
	  "Show detail crypto session information",
	  show_crypto_session_cmd, CMD_FILTER, NULL },
	{ "show crypto isakmp peers",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show ISAKMP\n"
	  "Show ISAKMP peer structures",
	  show_isakmp_peers_cmd, CMD_FILTER, NULL },
	{ "show ip local pool [WORD$name]",
	  "Show running system information\n"
	  "IP information\n"
	  "IP local options\n"
	  "IP Local address pool statistics\n"
	  "Pool name",
	  show_ip_local_pool_cmd, CMD_FILTER, NULL },
	{ "clear crypto session [remote A.B.C.D$peer]",
	  "Reset functions\n"
	  "Encryption module\n"
	  "Clear crypto sessions (tunnels)\n"
	  "Remote IKE address\n"
	  "IP address",
	  clear_crypto_session_cmd, 0, NULL },
	{ "show crypto dynamic-map [tag WORD$tagname]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Crypto map templates\n"
	  "Crypto map template tag\n"
	  "Crypto map template tag",
	  show_crypto_dynamic_map_cmd, CMD_FILTER, NULL },
	{ "show crypto isakmp profile [tag WORD$name]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show ISAKMP\n"
	  "Show ISAKMP profiles\n"
	  "Show the profile with the specified tag\n"
	  "ISAKMP profile name",
	  show_isakmp_profile_cmd, CMD_FILTER, NULL },
	{ "show crypto ipsec profile [WORD$name]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show IPSEC policy\n"
	  "Show ipsec profile information\n"
	  "ipsec profile name",
	  show_ipsec_profile_cmd, CMD_FILTER, NULL },
	{ "show crypto map [tag WORD$tagname]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Crypto maps\n"
	  "Crypto maps with a given tag\n"
	  "Crypto map tag",
	  show_crypto_map_cmd, CMD_FILTER, NULL },
	{ "show crypto ipsec transform-set [tag WORD$tagname]",
	  "Show running system information\n"
	  "Encryption module\n"
	  "Show IPSEC policy\n"
	  "Crypto transform sets\n"
	  "Show transform sets with the specified tag\n"
	  "Transform set tag",
	  show_transform_set_cmd, CMD_FILTER, NULL },
	{ "debug crypto (isakmp|ipsec|engine)",
	  "Debugging functions (see also 'undebug')\n"
	  DEBUG_KINDS_HELP,
	  crypto_debug_cmd, 0, NULL },
	{ "undebug crypto (isakmp|ipsec|engine)",
	  "Disable debugging functions (see also 'debug')\n"
	  DEBUG_KINDS_HELP,
	  crypto_debug_cmd, 0, "off" },
	{ "no debug crypto (isakmp|ipsec|engine)",
	  "Disable debugging functions\n"
	  "Debugging functions (see also 'undebug')\n"
	  DEBUG_KINDS_HELP,
	  crypto_debug_cmd, 0, "off" },
};

const struct cmd_table crypto_config_table = CMD_TABLE(crypto_config_defs);
const struct cmd_table crypto_config_neg_table =
    CMD_TABLE(crypto_config_neg_defs);
const struct cmd_table crypto_if_table = CMD_TABLE(crypto_if_defs);
const struct cmd_table crypto_exec_table = CMD_TABLE(crypto_exec_defs);
