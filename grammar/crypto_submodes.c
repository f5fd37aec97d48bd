/*
 * crypto_submodes: the commands of the crypto configuration sub-modes, and
 * their forms that exist only after "no" or "default".  Crypto maps,
 * dynamic maps and IPsec profiles share the `set` commands.
 */
#include "crypto/cmds.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)

static const struct cmd_def isakmp_policy_defs[] = {
	{ "authentication (pre-share|rsa-encr|rsa-sig)",
	  "Set authentication method for protection suite\n"
	  "Pre-Shared Key\n"
	  "Rivest-Shamir-Adleman Encryption\n"
	  "Rivest-Shamir-Adleman Signature",
	  isakmp_authentication_cmd, NEG, NULL },
	{ "encryption (des|3des|aes [128|192|256])",
	  "Set encryption algorithm for protection suite\n"
	  "DES - Data Encryption Standard (56 bit keys).\n"
	  "Three key triple DES\n"
	  "AES - Advanced Encryption Standard.\n"
	  "128 bit keys.\n"
	  "192 bit keys.\n"
	  "256 bit keys.",
	  isakmp_encryption_cmd, NEG, NULL },
	{ "group (1$dh|2$dh|5$dh|14$dh|15$dh|16$dh|"
	  "19$dh|20$dh|21$dh|24$dh)",
	  "Set the Diffie-Hellman group\n"
	  "Diffie-Hellman group 1 (768 bit)\n"
	  "Diffie-Hellman group 2 (1024 bit)\n"
	  "Diffie-Hellman group 5 (1536 bit)\n"
	  "Diffie-Hellman group 14 (2048 bit)\n"
	  "Diffie-Hellman group 15 (3072 bit)\n"
	  "Diffie-Hellman group 16 (4096 bit)\n"
	  "Diffie-Hellman group 19 (256 bit ecp)\n"
	  "Diffie-Hellman group 20 (384 bit ecp)\n"
	  "Diffie-Hellman group 21 (521 bit ecp)\n"
	  "Diffie-Hellman group 24 (2048 bit, 256 bit subgroup)",
	  isakmp_group_cmd, NEG, NULL },
	{ "hash (md5|sha|sha256|sha384|sha512)",
	  "Set hash algorithm for protection suite\n"
	  "Message Digest 5\n"
	  "Secure Hash Standard\n"
	  "Secure Hash Standard 2 (256 bit)\n"
	  "Secure Hash Standard 2 (384 bit)\n"
	  "Secure Hash Standard 2 (512 bit)",
	  isakmp_hash_cmd, NEG, NULL },
	{ "lifetime <60-86400>$seconds",
	  "Set lifetime for ISAKMP security association\n"
	  "lifetime in seconds",
	  isakmp_lifetime_cmd, NEG, NULL },
};

static const struct cmd_def isakmp_policy_neg_defs[] = {
	{ "authentication",
	  "Set authentication method for protection suite",
	  isakmp_authentication_cmd, NEG, NULL },
	{ "encryption",
	  "Set encryption algorithm for protection suite",
	  isakmp_encryption_cmd, NEG, NULL },
	{ "group",
	  "Set the Diffie-Hellman group",
	  isakmp_group_cmd, NEG, NULL },
	{ "hash",
	  "Set hash algorithm for protection suite",
	  isakmp_hash_cmd, NEG, NULL },
	{ "lifetime",
	  "Set lifetime for ISAKMP security association",
	  isakmp_lifetime_cmd, NEG, NULL },
};

#define SET_HELP	"Set values for encryption/decryption\n"

/* The `set` commands of crypto maps and IPsec profiles. */
#define IPSEC_SET_DEFS							\
	{ "set transform-set WORD$tset [WORD$tset [WORD$tset [WORD$tset "\
	  "[WORD$tset [WORD$tset]]]]]",					\
	  SET_HELP							\
	  "Specify list of transform sets in priority order\n"		\
	  "Transform set name\n"					\
	  "Transform set name\n"					\
	  "Transform set name\n"					\
	  "Transform set name\n"					\
	  "Transform set name\n"					\
	  "Transform set name",						\
	  ipsec_set_tset_cmd, NEG, NULL },				\
	{ "set pfs [group1$dh|group14$dh|group15$dh|"		\
	  "group16$dh|group19$dh|group2$dh|group20$dh|"	\
	  "group21$dh|group24$dh|group5$dh]",			\
	  SET_HELP							\
	  "Specify pfs settings\n"					\
	  "D-H Group1 (768-bit modulus) exchange.\n"			\
	  "D-H Group14 (2048-bit modulus) exchange.\n"			\
	  "D-H Group15 (3072-bit modulus) exchange.\n"			\
	  "D-H Group16 (4096-bit modulus) exchange.\n"			\
	  "D-H Group19 (256-bit elliptic curve) exchange.\n"		\
	  "D-H Group2 (1024-bit modulus) exchange.\n"			\
	  "D-H Group20 (384-bit elliptic curve) exchange.\n"		\
	  "D-H Group21 (521-bit elliptic curve) exchange.\n"		\
	  "D-H Group24 (2048-bit modulus & 256-bit subgroup) exchange.\n"\
	  "D-H Group5 (1536-bit modulus) exchange.",			\
	  ipsec_set_pfs_cmd, NEG, NULL },				\
	{ "set isakmp-profile WORD$profile",				\
	  SET_HELP							\
	  "Specify isakmp Profile\n"					\
	  "isakmp profile name",					\
	  ipsec_set_isakmp_profile_cmd, NEG, NULL },			\
	{ "set security-association lifetime (seconds <120-86400>$secs|"\
	  "kilobytes <2560-4294967295>$kb)",				\
	  SET_HELP							\
	  "Security association parameters\n"				\
	  "security association lifetime\n"				\
	  "Time-based key duration in seconds\n"			\
	  "Security association duration in seconds\n"			\
	  "Volume-based key duration\n"					\
	  "SA Lifetime in kilobytes",					\
	  ipsec_set_lifetime_cmd, NEG, NULL },				\
	{ "set security-association replay "				\
	  "(window-size [(64|128|256|512|1024)]|disable)",		\
	  SET_HELP							\
	  "Security association parameters\n"				\
	  "Set replay checking.\n"					\
	  "Set replay window size.\n"					\
	  "Window size of 64\n"						\
	  "Window size of 128\n"					\
	  "Window size of 256\n"					\
	  "Window size of 512\n"					\
	  "Window size of 1024\n"					\
	  "Disable replay checking.",					\
	  ipsec_set_replay_cmd, NEG, NULL }

#define IPSEC_SET_NEG_DEFS						\
	{ "set transform-set",						\
	  SET_HELP							\
	  "Specify list of transform sets in priority order",		\
	  ipsec_set_tset_cmd, NEG, NULL },				\
	{ "set isakmp-profile",						\
	  SET_HELP							\
	  "Specify isakmp Profile",					\
	  ipsec_set_isakmp_profile_cmd, NEG, NULL },			\
	{ "set security-association lifetime (seconds|kilobytes)",	\
	  SET_HELP							\
	  "Security association parameters\n"				\
	  "security association lifetime\n"				\
	  "Time-based key duration in seconds\n"			\
	  "Volume-based key duration",					\
	  ipsec_set_lifetime_cmd, NEG, NULL },				\
	{ "set security-association replay (window-size|disable)",	\
	  SET_HELP							\
	  "Security association parameters\n"				\
	  "Set replay checking.\n"					\
	  "Set replay window size.\n"					\
	  "Disable replay checking.",					\
	  ipsec_set_replay_cmd, NEG, NULL }

static const struct cmd_def crypto_map_defs[] = {
	{ "description LINE$text",
	  "Description of the crypto map statement policy\n"
	  "Up to 80 characters describing this crypto map",
	  cmap_description_cmd, NEG, NULL },
	{ "match address (<100-199>$acl|<2000-2699>$acl|WORD$acl)",
	  "Match values.\n"
	  "Match address of packets to encrypt.\n"
	  "IP access-list number\n"
	  "IP access-list number (expanded range)\n"
	  "Access-list name",
	  cmap_match_address_cmd, NEG, NULL },
	{ "reverse-route",
	  "Reverse Route Injection.",
	  cmap_reverse_route_cmd, NEG, NULL },
	{ "set peer A.B.C.D$addr",
	  SET_HELP
	  "Allowed Encryption/Decryption peer.\n"
	  "IP address of peer",
	  cmap_set_peer_cmd, NEG, NULL },
	IPSEC_SET_DEFS,
};

static const struct cmd_def crypto_map_neg_defs[] = {
	{ "description",
	  "Description of the crypto map statement policy",
	  cmap_description_cmd, NEG, NULL },
	{ "match address",
	  "Match values.\n"
	  "Match address of packets to encrypt.",
	  cmap_match_address_cmd, NEG, NULL },
	IPSEC_SET_NEG_DEFS,
};

static const struct cmd_def ipsec_profile_defs[] = {
	IPSEC_SET_DEFS,
};

static const struct cmd_def ipsec_profile_neg_defs[] = {
	IPSEC_SET_NEG_DEFS,
};

static const struct cmd_def transform_defs[] = {
	{ "mode (transport|tunnel)",
	  "encapsulation mode (transport/tunnel)\n"
	  "transport (payload encapsulation only)\n"
	  "tunnel (datagram encapsulation)",
	  transform_mode_cmd, NEG, NULL },
};

static const struct cmd_def transform_neg_defs[] = {
	{ "mode",
	  "encapsulation mode (transport/tunnel)",
	  transform_mode_cmd, NEG, NULL },
};

#define LOCAL_ADDRESS_HELP	"Interface to use for local address for this " \
	"isakmp profile"
/* Keyrings and isakmp profiles: the local address they serve. */
#define LOCAL_ADDRESS_DEF(h)						\
	{ "local-address (A.B.C.D$laddr|WORD$lif)",			\
	  LOCAL_ADDRESS_HELP "\n"					\
	  "IP Address\n"						\
	  "Interface to use for local address",				\
	  h, NEG, NULL }

#define PSK_KEY_HELP							\
	"specify the key\n"						\
	"Specifies an UNENCRYPTED password will follow\n"		\
	"Specifies an ENCRYPTED password will follow\n"		\
	"The UNENCRYPTED (cleartext) user password"

static const struct cmd_def keyring_defs[] = {
	{ "description LINE$text",
	  "Key ring description\n"
	  "Description of this key ring",
	  keyring_description_cmd, NEG, NULL },
	LOCAL_ADDRESS_DEF(keyring_local_address_cmd),
	{ "pre-shared-key address A.B.C.D$addr [A.B.C.D$mask] key [0|6] "
	  "WORD$secret",
	  "specify pre-shared key by address or hostname\n"
	  "pre shared key by address\n"
	  "IP Address\n"
	  "Subnet mask\n"
	  PSK_KEY_HELP,
	  keyring_psk_cmd, NEG, NULL },
	{ "pre-shared-key address ipv6 X:X:X:X::X/<0-128>$prefix key [0|6] "
	  "WORD$secret",
	  "specify pre-shared key by address or hostname\n"
	  "pre shared key by address\n"
	  "pre shared key by IPv6 address\n"
	  "IPv6 prefix\n"
	  PSK_KEY_HELP,
	  keyring_psk_cmd, NEG, NULL },
	{ "pre-shared-key hostname WORD$host key [0|6] WORD$secret",
	  "specify pre-shared key by address or hostname\n"
	  "pre shared key by hostname\n"
	  "hostname\n"
	  PSK_KEY_HELP,
	  keyring_psk_cmd, NEG, NULL },
};

static const struct cmd_def keyring_neg_defs[] = {
	{ "description",
	  "Key ring description",
	  keyring_description_cmd, NEG, NULL },
	{ "local-address", LOCAL_ADDRESS_HELP, keyring_local_address_cmd, NEG,
	  NULL },
	{ "pre-shared-key address A.B.C.D$addr [A.B.C.D$mask]",
	  "specify pre-shared key by address or hostname\n"
	  "pre shared key by address\n"
	  "IP Address\n"
	  "Subnet mask",
	  keyring_psk_cmd, NEG, NULL },
	{ "pre-shared-key address ipv6 X:X:X:X::X/<0-128>$prefix",
	  "specify pre-shared key by address or hostname\n"
	  "pre shared key by address\n"
	  "pre shared key by IPv6 address\n"
	  "IPv6 prefix",
	  keyring_psk_cmd, NEG, NULL },
	{ "pre-shared-key hostname WORD$host",
	  "specify pre-shared key by address or hostname\n"
	  "pre shared key by hostname\n"
	  "hostname",
	  keyring_psk_cmd, NEG, NULL },
};

static const struct cmd_def isakmp_profile_defs[] = {
	{ "client authentication list WORD$aaa",
	  "Specify client configuration settings\n"
	  "Client authentication\n"
	  "AAA authentication list to use\n"
	  "AAA list name",
	  profile_client_auth_cmd, NEG, NULL },
	{ "initiate mode aggressive",
	  "Initiator property\n"
	  "Initiator mode\n"
	  "Aggressive Mode Exchange",
	  profile_initiate_mode_cmd, NEG, NULL },
	{ "client configuration address (initiate|respond)",
	  "Specify client configuration settings\n"
	  "Client configuration\n"
	  "Client configuration address\n"
	  "Push IP address to the remote peer\n"
	  "Respond to IP address requests from the remote peer",
	  profile_client_config_cmd, NEG, NULL },
	{ "description LINE$text",
	  "Specify a description of this profile\n"
	  "Description",
	  profile_description_cmd, NEG, NULL },
	{ "isakmp authorization list WORD$aaa",
	  "ISAKMP parameters\n"
	  "ISAKMP authorization parameters\n"
	  "AAA authorization list to use\n"
	  "AAA list name",
	  profile_isakmp_authz_cmd, NEG, NULL },
	{ "keyring WORD$name",
	  "Keyring to use\n"
	  "Keyring name",
	  profile_keyring_cmd, NEG, NULL },
	{ "match identity address A.B.C.D$addr [A.B.C.D$mask]",
	  "Match values of peer\n"
	  "Peer's identity\n"
	  "IP Address(es)\n"
	  "IP address\n"
	  "IP mask",
	  profile_match_address_cmd, NEG, NULL },
	{ "match identity group WORD$grp",
	  "Match values of peer\n"
	  "Peer's identity\n"
	  "VPN Group name\n"
	  "Group name",
	  profile_match_group_cmd, NEG, NULL },
	/* Issue 15: the peer's phase-1 name, our own, DPD. */
	{ "match identity host WORD$idname",
	  "Match values of peer\n"
	  "Peer's identity\n"
	  "Fully qualified domain name of the peer\n"
	  "Fully qualified domain name of the peer",
	  profile_match_name_cmd, NEG, "host" },
	{ "match identity host domain WORD$idname",
	  "Match values of peer\n"
	  "Peer's identity\n"
	  "Fully qualified domain name of the peer\n"
	  "Domain name of the peer\n"
	  "Domain name",
	  profile_match_name_cmd, NEG, "domain" },
	{ "match identity user WORD$idname",
	  "Match values of peer\n"
	  "Peer's identity\n"
	  "Fully qualified user name of the peer\n"
	  "user fqdn string",
	  profile_match_name_cmd, NEG, "user" },
	{ "self-identity (address|fqdn|user-fqdn WORD$user)",
	  "Specify Identity to use\n"
	  "address\n"
	  "Fully qualified domain name\n"
	  "user fully qualified domain name\n"
	  "user fqdn string",
	  profile_self_identity_cmd, NEG, NULL },
	{ "keepalive <10-3600>$secs retry <2-60>$tries",
	  "Set a keepalive interval for use with IOS peers\n"
	  "Keepalive interval in seconds (10-3600)\n"
	  "Set a retry interval for use with IOS peers\n"
	  "Retry interval in seconds (2-60)",
	  profile_keepalive_cmd, NEG, NULL },
	LOCAL_ADDRESS_DEF(profile_local_address_cmd),
};

static const struct cmd_def isakmp_profile_neg_defs[] = {
	{ "self-identity",
	  "Specify Identity to use",
	  profile_self_identity_cmd, NEG, NULL },
	{ "keepalive",
	  "Set a keepalive interval for use with IOS peers",
	  profile_keepalive_cmd, NEG, NULL },
	{ "local-address", LOCAL_ADDRESS_HELP, profile_local_address_cmd, NEG,
	  NULL },
	{ "client authentication list",
	  "Specify client configuration settings\n"
	  "Client authentication\n"
	  "AAA authentication list to use",
	  profile_client_auth_cmd, NEG, NULL },
	{ "description",
	  "Specify a description of this profile",
	  profile_description_cmd, NEG, NULL },
	{ "isakmp authorization list",
	  "ISAKMP parameters\n"
	  "ISAKMP authorization parameters\n"
	  "AAA authorization list to use",
	  profile_isakmp_authz_cmd, NEG, NULL },
	{ "keyring",
	  "Keyring to use",
	  profile_keyring_cmd, NEG, NULL },
};

static const struct cmd_def isakmp_group_defs[] = {
	{ "dns A.B.C.D$primary [A.B.C.D$secondary]",
	  "Specify DNS Addresses\n"
	  "Primary DNS Server\n"
	  "Secondary DNS Server",
	  group_servers_cmd, NEG, "dns" },
	{ "domain WORD$value",
	  "Set default domain name to send to client\n"
	  "Domain name",
	  group_string_cmd, NEG, "domain" },
	{ "key WORD$value",
	  "pre-shared key/IKE password\n"
	  "pre-shared key",
	  group_string_cmd, NEG, "key" },
	{ "pool WORD$value",
	  "Set name of address pool\n"
	  "Name of address pool",
	  group_string_cmd, NEG, "pool" },
	{ "wins A.B.C.D$primary [A.B.C.D$secondary]",
	  "Specify WINS Addresses\n"
	  "Primary WINS Server\n"
	  "Secondary WINS Server",
	  group_servers_cmd, NEG, "wins" },
	/* Issue 15: split tunnel, the client's password, the head count. */
	{ "acl (<100-199>$aclname|WORD$aclname)",
	  "Specify split tunneling inclusion access-list number\n"
	  "access control list number - extended range\n"
	  "Access-list name",
	  group_acl_cmd, NEG, NULL },
	{ "save-password",
	  "Allows remote client to save XAUTH password",
	  group_save_password_cmd, NEG, NULL },
	{ "max-users <1-5000>$n",
	  "Set maximum number of users for this group\n"
	  "Maximum number of users allowed for this group",
	  group_max_users_cmd, NEG, NULL },
};

static const struct cmd_def isakmp_group_neg_defs[] = {
	{ "dns", "Specify DNS Addresses", group_servers_cmd, NEG, "dns" },
	{ "domain", "Set default domain name to send to client",
	  group_string_cmd, NEG, "domain" },
	{ "key", "pre-shared key/IKE password", group_string_cmd, NEG, "key" },
	{ "pool", "Set name of address pool", group_string_cmd, NEG, "pool" },
	{ "wins", "Specify WINS Addresses", group_servers_cmd, NEG, "wins" },
	{ "acl", "Specify split tunneling inclusion access-list number",
	  group_acl_cmd, NEG, NULL },
	{ "max-users", "Set maximum number of users for this group",
	  group_max_users_cmd, NEG, NULL },
};

const struct cmd_table isakmp_policy_table = CMD_TABLE(isakmp_policy_defs);
const struct cmd_table isakmp_policy_neg_table =
    CMD_TABLE(isakmp_policy_neg_defs);
const struct cmd_table crypto_map_table = CMD_TABLE(crypto_map_defs);
const struct cmd_table crypto_map_neg_table = CMD_TABLE(crypto_map_neg_defs);
const struct cmd_table ipsec_profile_table = CMD_TABLE(ipsec_profile_defs);
const struct cmd_table ipsec_profile_neg_table =
    CMD_TABLE(ipsec_profile_neg_defs);
const struct cmd_table transform_table = CMD_TABLE(transform_defs);
const struct cmd_table transform_neg_table = CMD_TABLE(transform_neg_defs);
const struct cmd_table keyring_table = CMD_TABLE(keyring_defs);
const struct cmd_table keyring_neg_table = CMD_TABLE(keyring_neg_defs);
const struct cmd_table isakmp_profile_table = CMD_TABLE(isakmp_profile_defs);
const struct cmd_table isakmp_profile_neg_table =
    CMD_TABLE(isakmp_profile_neg_defs);
const struct cmd_table isakmp_group_table = CMD_TABLE(isakmp_group_defs);
const struct cmd_table isakmp_group_neg_table =
    CMD_TABLE(isakmp_group_neg_defs);
