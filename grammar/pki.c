/*
 * pki: `crypto pki trustpoint` and `crypto pki certificate chain` with
 * their sub-modes (crypto/pki.c stores them; nothing uses them).  Each
 * trustpoint line is a definition of its own, so a line IOS refuses is
 * refused; the definition's argument names the line's slot.
 */
#include "crypto/cmds.h"
#include "grammar/modes.h"

#define NEG	(CMD_NO | CMD_DEFAULT)
#define PKI_H	"Encryption module\n" \
		"Public Key components\n"

static const struct cmd_def pki_config_defs[] = {
	{ "crypto pki trustpoint WORD$name",
	  PKI_H
	  "Define a CA trustpoint\n"
	  "Name for this trustpoint",
	  crypto_pki_trustpoint_cmd, NEG, NULL },
	{ "crypto pki certificate chain WORD$name",
	  PKI_H
	  "Actions on certificates\n"
	  "Enter certificate chain configuration mode\n"
	  "Trustpoint name",
	  crypto_pki_chain_cmd, NEG, NULL },
	{ "crypto pki server WORD$name",
	  PKI_H
	  "Enable IOS Certificate server\n"
	  "Certificate Server Name",
	  crypto_pki_server_cmd, NEG, NULL },
};

/* (cs-server): the certificate server's lines, one slot each. */
static const struct cmd_def pki_cs_defs[] = {
	{ "database level (minimum|names|complete)",
	  "Configure Certificate Server Database parameters\n"
	  "Specify the level of certificate information to store\n"
	  "Minimum information required to issue new certificates\n"
	  "Minimum information plus serial number and subject name\n"
	  "Each issued certificate saved to the database",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_db_level },
	{ "database url WORD$url",
	  "Configure Certificate Server Database parameters\n"
	  "Specify the Certificate Server Database location\n"
	  "Certificate Server Database location URL",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_db_url },
	{ "database archive (pkcs12|pem) [password [(0|7)] WORD$pw]",
	  "Configure Certificate Server Database parameters\n"
	  "Specify the Certificate Server Key Archive Format\n"
	  "Archive in PKCS12 format\n"
	  "Archive in PEM format\n"
	  "Specify the password\n"
	  "Specifies an UNENCRYPTED password will follow\n"
	  "Specifies an ENCRYPTED password will follow\n"
	  "The password",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_db_archive },
	{ "issuer-name LINE$dn",
	  "Configure the Certificate Server Issuer Name\n"
	  "The Certificate Server Issuer Name",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_issuer },
	{ "grant (auto|none|ra-auto)",
	  "Certificate Server Enrollment Request Grant Operation\n"
	  "Automatically grant incoming enrollment requests\n"
	  "Automatically reject incoming enrollment requests\n"
	  "Automatically grant RA-authorized requests",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_grant },
	{ "hash (md5|sha1|sha256|sha384|sha512)",
	  "Hash algorithm\n"
	  "use md5 hash algorithm\n"
	  "use sha1 hash algorithm\n"
	  "use sha256 hash algorithm\n"
	  "use sha384 hash algorithm\n"
	  "use sha512 hash algorithm",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_hash },
	{ "lifetime crl <1-336>$hours",
	  "Configure the lifetime of the Certificate Server objects\n"
	  "Certificate Revocation List lifetime\n"
	  "Lifetime in hours",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_life_crl },
	{ "lifetime certificate <1-1825>$days",
	  "Configure the lifetime of the Certificate Server objects\n"
	  "Issued Certificate lifetime\n"
	  "Lifetime in days",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_life_cert },
	{ "lifetime ca-certificate <1-7305>$days",
	  "Configure the lifetime of the Certificate Server objects\n"
	  "Certificate Server Certificate lifetime\n"
	  "Lifetime in days",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_life_ca },
	{ "cdp-url WORD$url",
	  "CRL Distribution Point to be included in the issued "
	  "certificates\n"
	  "CDP URL",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_cdp_url },
	{ "shutdown",
	  "Shutdown the Certificate Server",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_shutdown },
};

static const struct cmd_def pki_cs_neg_defs[] = {
	{ "database archive",
	  "Configure Certificate Server Database parameters\n"
	  "Specify the Certificate Server Key Archive Format",
	  crypto_pki_cs_neg_cmd, NEG, NULL },
	{ "database (level$kw|url$kw)",
	  "Configure Certificate Server Database parameters\n"
	  "Specify the level of certificate information to store\n"
	  "Specify the Certificate Server Database location",
	  crypto_pki_cs_neg_cmd, NEG, NULL },
	{ "issuer-name",
	  "Configure the Certificate Server Issuer Name",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_issuer },
	{ "grant",
	  "Certificate Server Enrollment Request Grant Operation",
	  crypto_pki_tp_line_cmd, NEG, &cs_slot_grant },
};

static const struct cmd_def pki_tp_defs[] = {
	{ "enrollment (selfsigned|terminal [pem]|url WORD$url)",
	  "Enrollment parameters\n"
	  "Self Signed\n"
	  "Enroll via the terminal (cut-and-paste)\n"
	  "Use PEM encapsulation\n"
	  "CA server enrollment URL\n"
	  "http:, tftp:, flash: URL",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_enroll },
	{ "serial-number [none]",
	  "Specify the serial number in the certificate request\n"
	  "Do not include serial number",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_serial },
	{ "fqdn (none|WORD$fqdn)",
	  "Specify the Fully Qualified Domain Name\n"
	  "Do not include fully qualified domain name\n"
	  "Fully qualified domain name",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_fqdn },
	{ "ip-address (none|A.B.C.D$addr)",
	  "Include the IP address in the certificate request\n"
	  "Do not include IP address\n"
	  "IP address to include",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_ipaddr },
	{ "subject-name LINE$subject",
	  "Subject Name\n"
	  "subject name",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_subject },
	{ "subject-alt-name LINE$alt",
	  "Subject Alternative Name\n"
	  "subject alternative name",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_altname },
	{ "revocation-check (none|crl [none]|ocsp [none])",
	  "Revocation checking options\n"
	  "Ignore revocation check\n"
	  "Revocation check by CRL\n"
	  "Ignore revocation check\n"
	  "Revocation check by OCSP\n"
	  "Ignore revocation check",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_revocation },
	{ "rsakeypair WORD$label [<360-4096>$sig [<360-4096>$enc]]",
	  "Specify the key pair for the trustpoint\n"
	  "Key pair label\n"
	  "Size of signature key\n"
	  "Size of encryption key",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_rsakeypair },
	{ "auto-enroll [<0-100>$pct] [regenerate]",
	  "Enroll automatically\n"
	  "Renewal percentage\n"
	  "Generate a new key pair",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_autoenroll },
};

/* The forms IOS takes after "no" without their argument. */
static const struct cmd_def pki_tp_neg_defs[] = {
	{ "enrollment",
	  "Enrollment parameters",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_enroll },
	{ "subject-name",
	  "Subject Name",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_subject },
	{ "revocation-check",
	  "Revocation checking options",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_revocation },
	{ "rsakeypair",
	  "Specify the key pair for the trustpoint",
	  crypto_pki_tp_line_cmd, NEG, &pki_slot_rsakeypair },
};

static const struct cmd_def pki_chain_defs[] = {
	{ "certificate [ca|rollover|self-signed|ra-sign|ra-encrypt] "
	  "WORD$serial",
	  "Certificate entry\n"
	  "a CA certificate\n"
	  "a rollover certificate\n"
	  "a self-signed certificate\n"
	  "an RA signature certificate\n"
	  "an RA encryption certificate\n"
	  "Certificate serial number",
	  crypto_pki_certificate_cmd, NEG, NULL },
};

const struct cmd_table pki_config_table = CMD_TABLE(pki_config_defs);
const struct cmd_table pki_tp_table = CMD_TABLE(pki_tp_defs);
const struct cmd_table pki_tp_neg_table = CMD_TABLE(pki_tp_neg_defs);
const struct cmd_table pki_chain_table = CMD_TABLE(pki_chain_defs);
const struct cmd_table pki_cs_table = CMD_TABLE(pki_cs_defs);
const struct cmd_table pki_cs_neg_table = CMD_TABLE(pki_cs_neg_defs);
