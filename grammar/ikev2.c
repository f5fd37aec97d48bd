/*
 * ikev2: `crypto ikev2 proposal|policy|keyring|profile` and their
 * sub-modes (crypto/ikev2.c stores them; iosh's IKE is IKEv1 only, so
 * nothing uses them).  Each sub-mode line is a definition of its own, so
 * a line IOS refuses is refused; the definition's argument is its slot.
 */
#include "crypto/cmds.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)
#define SLOT(s)	(&ikev2_slot[s])
#define V2_H	"Encryption module\n" \
		"Configure IKEv2 parameters\n"

#define ENC(n)	"(3des$" n "|aes-cbc-128$" n "|aes-cbc-192$" n \
		"|aes-cbc-256$" n "|aes-gcm-128$" n "|aes-gcm-256$" n \
		"|des$" n ")"
#define ENC_H	"Triple DES\n" \
		"AES-CBC-128\n" \
		"AES-CBC-192\n" \
		"AES-CBC-256\n" \
		"Combined-mode,128 bit key,16 byte ICV(Authentication Tag)\n" \
		"Combined-mode,256 bit key,16 byte ICV(Authentication Tag)\n" \
		"DES"
#define INT(n)	"(md5$" n "|sha1$" n "|sha256$" n "|sha384$" n "|sha512$" n ")"
#define INT_H	"Message Digest 5\n" \
		"Secure Hash Standard\n" \
		"Secure Hash Standard 2 (256 bit)\n" \
		"Secure Hash Standard 2 (384 bit)\n" \
		"Secure Hash Standard 2 (512 bit)"
#define GRP(n)	"(1$" n "|2$" n "|5$" n "|14$" n "|15$" n "|16$" n "|19$" n \
		"|20$" n "|21$" n "|24$" n ")"
#define GRP_H	"DH 768 MODP\n" \
		"DH 1024 MODP\n" \
		"DH 1536 MODP\n" \
		"DH 2048 MODP\n" \
		"DH 3072 MODP\n" \
		"DH 4096 MODP\n" \
		"DH 256 ECP\n" \
		"DH 384 ECP\n" \
		"DH 521 ECP\n" \
		"DH 2048 (256 subgroup) MODP"
/* An identity: ours (identity local) or a peer's (match, keyring). */
#define ID	"(address A.B.C.D$addr|fqdn WORD$fqdn|email WORD$email|" \
		"key-id WORD$keyid)"
#define ID_H	"address\n" \
		"IPv4 address\n" \
		"Fully qualified domain name string\n" \
		"Specify the string\n" \
		"Email id string\n" \
		"Specify the string\n" \
		"proprietary types of identification (ID KEY ID)\n" \
		"Specify the key-id"
#define AUTH	"(pre-share|rsa-sig|ecdsa-sig|eap)"
#define AUTH_H	"Pre-Shared Key\n" \
		"Rivest-Shamir-Adleman Signature\n" \
		"Elliptic Curve Digital Signature Algorithm Signature\n" \
		"Extensible Authentication Protocol"

static const struct cmd_def ikev2_config_defs[] = {
	{ "crypto ikev2 proposal WORD$name",
	  V2_H
	  "Define IKEv2 proposals\n"
	  "Proposal name",
	  crypto_ikev2_cmd, NEG, NULL },
	{ "crypto ikev2 policy WORD$name",
	  V2_H
	  "Define IKEV2 policies\n"
	  "Policy name",
	  crypto_ikev2_cmd, NEG, NULL },
	{ "crypto ikev2 keyring WORD$name",
	  V2_H
	  "Define IKEv2 Keyrings\n"
	  "Keyring name",
	  crypto_ikev2_cmd, NEG, NULL },
	{ "crypto ikev2 profile WORD$name",
	  V2_H
	  "Define IKEv2 profiles\n"
	  "Profile name",
	  crypto_ikev2_cmd, NEG, NULL },
};

static const struct cmd_def ikev2_proposal_defs[] = {
	{ "encryption " ENC("e1") " [" ENC("e2") " [" ENC("e3") "]]",
	  "Set encryption algorithm(s)\n" ENC_H "\n" ENC_H "\n" ENC_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_ENC) },
	{ "integrity " INT("i1") " [" INT("i2") " [" INT("i3") "]]",
	  "Set integrity hash algorithm(s)\n" INT_H "\n" INT_H "\n" INT_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_INTEG) },
	{ "group " GRP("g1") " [" GRP("g2") " [" GRP("g3") "]]",
	  "Set the Diffie-Hellman group(s)\n" GRP_H "\n" GRP_H "\n" GRP_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_GROUP) },
};

static const struct cmd_def ikev2_proposal_neg_defs[] = {
	{ "encryption", "Set encryption algorithm(s)",
	  ikev2_line_cmd, NEG, SLOT(V2S_ENC) },
	{ "integrity", "Set integrity hash algorithm(s)",
	  ikev2_line_cmd, NEG, SLOT(V2S_INTEG) },
	{ "group", "Set the Diffie-Hellman group(s)",
	  ikev2_line_cmd, NEG, SLOT(V2S_GROUP) },
};

static const struct cmd_def ikev2_policy_defs[] = {
	{ "proposal WORD$proposal",
	  "Specify Proposal\n"
	  "Specify Proposal name",
	  ikev2_line_cmd, NEG, SLOT(V2S_PROPOSAL) },
	{ "match address local A.B.C.D$local",
	  "Match values of local fields\n"
	  "Local address\n"
	  "Local address\n"
	  "IPv4 address",
	  ikev2_line_cmd, NEG, SLOT(V2S_LOCAL) },
	{ "match fvrf (any|WORD$vrf)",
	  "Match values of local fields\n"
	  "Front door VRF\n"
	  "Any fvrf\n"
	  "VRF name",
	  ikev2_line_cmd, NEG, SLOT(V2S_FVRF) },
};

static const struct cmd_def ikev2_keyring_defs[] = {
	{ "peer WORD$name",
	  "Configure a Peer and associated keys\n"
	  "Name of the peer block",
	  ikev2_peer_cmd, NEG, NULL },
};

static const struct cmd_def ikev2_peer_defs[] = {
	{ "description LINE$text",
	  "Specify a description of this peer\n"
	  "Description of this peer",
	  ikev2_line_cmd, NEG, SLOT(V2S_DESC) },
	{ "address A.B.C.D$addr [A.B.C.D$mask]",
	  "Address of the peer\n"
	  "IPv4 address\n"
	  "Mask",
	  ikev2_line_cmd, NEG, SLOT(V2S_ADDR) },
	{ "identity " ID,
	  "Identity of the peer\n" ID_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_IDENT) },
	{ "pre-shared-key [0|6] LINE$key",
	  "pre-shared key\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies an ENCRYPTED password will follow\n"
	  "The UNENCRYPTED (cleartext) user password",
	  ikev2_line_cmd, NEG, SLOT(V2S_PSK) },
	{ "pre-shared-key local [0|6] LINE$key",
	  "pre-shared key\n"
	  "local key\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies an ENCRYPTED password will follow\n"
	  "The UNENCRYPTED (cleartext) user password",
	  ikev2_line_cmd, NEG, SLOT(V2S_PSK_LOCAL) },
	{ "pre-shared-key remote [0|6] LINE$key",
	  "pre-shared key\n"
	  "remote key\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies an ENCRYPTED password will follow\n"
	  "The UNENCRYPTED (cleartext) user password",
	  ikev2_line_cmd, NEG, SLOT(V2S_PSK_REMOTE) },
};

static const struct cmd_def ikev2_profile_defs[] = {
	{ "description LINE$text",
	  "Specify a description of this profile\n"
	  "Description of this profile",
	  ikev2_line_cmd, NEG, SLOT(V2S_DESC) },
	{ "match identity remote (address A.B.C.D$addr [A.B.C.D$mask]|"
	  "fqdn [domain] WORD$fqdn|email [domain] WORD$email|key-id WORD$keyid)",
	  "Match values of peer\n"
	  "IKE Identity\n"
	  "Remote identity\n"
	  "IP Address(es)\n"
	  "IPv4 address\n"
	  "IPv4 mask\n"
	  "Fully qualified domain name string\n"
	  "Match the domain name\n"
	  "Specify the string\n"
	  "Email id string\n"
	  "Match the domain name\n"
	  "Specify the string\n"
	  "proprietary types of identification (ID KEY ID)\n"
	  "Specify the key-id",
	  ikev2_line_cmd, NEG, SLOT(V2S_IDREMOTE) },
	{ "match address local A.B.C.D$local",
	  "Match values of peer\n"
	  "Local address\n"
	  "Local address\n"
	  "IPv4 address",
	  ikev2_line_cmd, NEG, SLOT(V2S_LOCAL) },
	{ "match fvrf (any|WORD$vrf)",
	  "Match values of peer\n"
	  "Front door VRF\n"
	  "Any fvrf\n"
	  "VRF name",
	  ikev2_line_cmd, NEG, SLOT(V2S_FVRF) },
	{ "identity local " ID,
	  "Specify IKE identity to use\n"
	  "Local IKE identity\n" ID_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_IDLOCAL) },
	{ "authentication remote " AUTH,
	  "Set authentication method\n"
	  "Remote authentication method\n" AUTH_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_AUTH_REMOTE) },
	{ "authentication local " AUTH,
	  "Set authentication method\n"
	  "Local authentication method\n" AUTH_H,
	  ikev2_line_cmd, NEG, SLOT(V2S_AUTH_LOCAL) },
	{ "keyring local WORD$keyring",
	  "Keyring\n"
	  "Use local keyring for PSK lookup\n"
	  "Keyring name",
	  ikev2_line_cmd, NEG, SLOT(V2S_KEYRING) },
	{ "ivrf WORD$vrf",
	  "Inside VRF\n"
	  "VRF name",
	  ikev2_line_cmd, NEG, SLOT(V2S_IVRF) },
	{ "lifetime <120-86400>$secs",
	  "Set lifetime for IKE SAs\n"
	  "Lifetime in seconds",
	  ikev2_line_cmd, NEG, SLOT(V2S_LIFETIME) },
	{ "dpd <10-3600>$interval <2-60>$retry (on-demand|periodic)",
	  "Enable IKE liveness check for peers\n"
	  "DPD interval in seconds\n"
	  "Retry interval in seconds when there is no reply from peer\n"
	  "Send DPD query on demand\n"
	  "Send DPD query periodically",
	  ikev2_line_cmd, NEG, SLOT(V2S_DPD) },
};

static const struct cmd_def ikev2_profile_neg_defs[] = {
	{ "identity local", "Specify IKE identity to use\nLocal IKE identity",
	  ikev2_line_cmd, NEG, SLOT(V2S_IDLOCAL) },
	{ "authentication remote",
	  "Set authentication method\nRemote authentication method",
	  ikev2_line_cmd, NEG, SLOT(V2S_AUTH_REMOTE) },
	{ "authentication local",
	  "Set authentication method\nLocal authentication method",
	  ikev2_line_cmd, NEG, SLOT(V2S_AUTH_LOCAL) },
	{ "keyring", "Keyring",
	  ikev2_line_cmd, NEG, SLOT(V2S_KEYRING) },
	{ "lifetime", "Set lifetime for IKE SAs",
	  ikev2_line_cmd, NEG, SLOT(V2S_LIFETIME) },
	{ "dpd", "Enable IKE liveness check for peers",
	  ikev2_line_cmd, NEG, SLOT(V2S_DPD) },
};

const struct cmd_table ikev2_config_table = CMD_TABLE(ikev2_config_defs);
const struct cmd_table ikev2_proposal_table = CMD_TABLE(ikev2_proposal_defs);
const struct cmd_table ikev2_proposal_neg_table =
    CMD_TABLE(ikev2_proposal_neg_defs);
const struct cmd_table ikev2_policy_table = CMD_TABLE(ikev2_policy_defs);
const struct cmd_table ikev2_keyring_table = CMD_TABLE(ikev2_keyring_defs);
const struct cmd_table ikev2_peer_table = CMD_TABLE(ikev2_peer_defs);
const struct cmd_table ikev2_profile_table = CMD_TABLE(ikev2_profile_defs);
const struct cmd_table ikev2_profile_neg_table =
    CMD_TABLE(ikev2_profile_neg_defs);
