/*
 * isakmp_wire: the numbers of IKEv1 on the wire — ISAKMP (RFC 2408), the
 * IPsec DOI (RFC 2407), IKE (RFC 2409), NAT traversal (RFC 3947 and the
 * drafts before it), DPD (RFC 3706), mode-config and XAUTH
 * (draft-dukes-ike-mode-cfg, draft-beaulieu-ike-xauth).
 *
 * Only constants: the codec (isakmp_msg, isakmp_sa, isakmp_pld,
 * isakmp_build) and the IKE engine share them, so a value has one name.
 */
#ifndef IOSH_CRYPTO_ISAKMP_WIRE_H
#define IOSH_CRYPTO_ISAKMP_WIRE_H

#define ISAKMP_PORT		500
#define ISAKMP_NATT_PORT	4500	/* RFC 3948: after the float */

#define ISAKMP_HDR_LEN		28	/* cookies 16, np, ver, xt, flags,
					 * message ID 4, length 4 */
#define ISAKMP_GEN_LEN		4	/* generic payload header */
#define ISAKMP_COOKIE_LEN	8
#define ISAKMP_VERSION		0x10	/* major 1, minor 0 */

/* Header flags (RFC 2408 3.1). */
#define ISAKMP_FLAG_E		0x01	/* body encrypted */
#define ISAKMP_FLAG_C		0x02	/* commit */
#define ISAKMP_FLAG_A		0x04	/* authentication only */

/* Exchange types (RFC 2408 3.1, RFC 2409 5, mode-config). */
#define ISAKMP_XCHG_BASE	1
#define ISAKMP_XCHG_IDPROT	2	/* IKE Main Mode */
#define ISAKMP_XCHG_AUTH_ONLY	3
#define ISAKMP_XCHG_AGGRESSIVE	4
#define ISAKMP_XCHG_INFO	5	/* Informational */
#define ISAKMP_XCHG_TRANSACTION	6	/* mode-config, XAUTH */
#define ISAKMP_XCHG_QUICK	32	/* IKE Quick Mode */
#define ISAKMP_XCHG_NEW_GROUP	33

/* Payload types (RFC 2408 3.1, RFC 3947 3.2/5.2, the drafts' 130/131). */
#define ISAKMP_PL_NONE		0
#define ISAKMP_PL_SA		1
#define ISAKMP_PL_PROPOSAL	2	/* only inside SA */
#define ISAKMP_PL_TRANSFORM	3	/* only inside a proposal */
#define ISAKMP_PL_KE		4
#define ISAKMP_PL_ID		5
#define ISAKMP_PL_CERT		6
#define ISAKMP_PL_CERTREQ	7
#define ISAKMP_PL_HASH		8
#define ISAKMP_PL_SIG		9
#define ISAKMP_PL_NONCE		10
#define ISAKMP_PL_NOTIFY	11
#define ISAKMP_PL_DELETE	12
#define ISAKMP_PL_VID		13
#define ISAKMP_PL_ATTR		14	/* mode-config, XAUTH */
#define ISAKMP_PL_SAK		15	/* RFC 3547, not used by IKEv1 */
#define ISAKMP_PL_NAT_D		20	/* RFC 3947 */
#define ISAKMP_PL_NAT_OA	21	/* RFC 3947 */
#define ISAKMP_PL_NAT_D_DRAFT	130	/* draft-ietf-ipsec-nat-t-ike-01..03 */
#define ISAKMP_PL_NAT_OA_DRAFT	131
#define ISAKMP_PL_FRAG		132	/* Cisco fragmentation */

/* Domains of interpretation. */
#define ISAKMP_DOI_ISAKMP	0
#define ISAKMP_DOI_IPSEC	1

/* IPsec DOI situation bits (RFC 2407 4.2). */
#define IPSEC_SIT_IDENTITY_ONLY	0x01
#define IPSEC_SIT_SECRECY	0x02
#define IPSEC_SIT_INTEGRITY	0x04

/* Protocol IDs (RFC 2407 4.4.1). */
#define ISAKMP_PROTO_ISAKMP	1
#define ISAKMP_PROTO_AH		2
#define ISAKMP_PROTO_ESP	3
#define ISAKMP_PROTO_IPCOMP	4

/* Transform IDs: phase 1 (RFC 2409 A), AH, ESP, IPCOMP (RFC 2407 4.4). */
#define ISAKMP_XF_KEY_IKE	1
#define IPSEC_AH_MD5		2
#define IPSEC_AH_SHA		3
#define IPSEC_AH_SHA2_256	5	/* RFC 4868 §4 (IANA) */
#define IPSEC_AH_SHA2_384	6
#define IPSEC_AH_SHA2_512	7
#define IPSEC_ESP_DES		2
#define IPSEC_ESP_3DES		3
#define IPSEC_ESP_NULL		11
#define IPSEC_ESP_AES		12	/* RFC 3602 */
/* IOS's esp-seal: seed 004 names it ESP_SEAL but no public source found
 * gives its number (IANA's 13 is ESP_AES-CTR, RFC 3686); unconfirmed. */
#define IPSEC_ESP_SEAL		13
#define IPSEC_ESP_AES_GCM_16	20	/* RFC 4106 */
#define IPSEC_ESP_NULL_AES_GMAC	23	/* RFC 4543 §9 */
#define IPSEC_IPCOMP_LZS	3

/* Phase-1 attribute classes (RFC 2409 A) and their values. */
#define IKE_ATTR_ENC		1
#define IKE_ATTR_HASH		2
#define IKE_ATTR_AUTH		3
#define IKE_ATTR_GROUP_DESC	4
#define IKE_ATTR_GROUP_TYPE	5
#define IKE_ATTR_GROUP_PRIME	6
#define IKE_ATTR_GROUP_GEN1	7
#define IKE_ATTR_GROUP_GEN2	8
#define IKE_ATTR_GROUP_CURVE_A	9
#define IKE_ATTR_GROUP_CURVE_B	10
#define IKE_ATTR_LIFE_TYPE		11
#define IKE_ATTR_LIFE_DURATION		12	/* variable length */
#define IKE_ATTR_PRF		13
#define IKE_ATTR_KEY_LENGTH	14
#define IKE_ATTR_FIELD_SIZE	15
#define IKE_ATTR_GROUP_ORDER	16

#define IKE_ATTR_ENC_DES		1
#define IKE_ATTR_ENC_IDEA		2
#define IKE_ATTR_ENC_BLOWFISH		3
#define IKE_ATTR_ENC_RC5		4
#define IKE_ATTR_ENC_3DES		5
#define IKE_ATTR_ENC_CAST		6
#define IKE_ATTR_ENC_AES		7	/* RFC 3602 */

#define IKE_ATTR_HASH_MD5		1
#define IKE_ATTR_HASH_SHA		2
#define IKE_ATTR_HASH_TIGER		3
#define IKE_ATTR_HASH_SHA2_256		4	/* RFC 4868 */
#define IKE_ATTR_HASH_SHA2_384		5
#define IKE_ATTR_HASH_SHA2_512		6

#define IKE_ATTR_AUTH_PSK		1
#define IKE_ATTR_AUTH_DSS		2
#define IKE_ATTR_AUTH_RSA_SIG		3
#define IKE_ATTR_AUTH_RSA_ENC		4
#define IKE_ATTR_AUTH_RSA_REV_ENC	5
#define IKE_ATTR_AUTH_XAUTH_INIT_PSK	65001	/* draft-beaulieu-ike-xauth */
#define IKE_ATTR_AUTH_XAUTH_RESP_PSK	65002
#define IKE_ATTR_AUTH_XAUTH_INIT_RSA	65005
#define IKE_ATTR_AUTH_XAUTH_RESP_RSA	65006

#define IKE_ATTR_LIFE_SECONDS		1
#define IKE_ATTR_LIFE_KILOBYTES		2

/* IPsec DOI SA attributes (RFC 2407 4.5) and their values. */
#define IPSEC_ATTR_LIFE_TYPE	1
#define IPSEC_ATTR_LIFE_DURATION 2	/* variable length */
#define IPSEC_ATTR_GROUP_DESC	3	/* PFS group */
#define IPSEC_ATTR_ENCAP_MODE	4
#define IPSEC_ATTR_AUTH_ALG	5
#define IPSEC_ATTR_KEY_LENGTH	6
#define IPSEC_ATTR_KEY_ROUNDS	7
#define IPSEC_ATTR_COMP_DICT	8
#define IPSEC_ATTR_COMP_PRIV	9	/* variable length */
#define IPSEC_ATTR_ECN_TUNNEL	10	/* RFC 3168 */

#define IPSEC_LIFE_SECONDS	1
#define IPSEC_LIFE_KILOBYTES	2

#define IPSEC_ENCAP_TUNNEL	1
#define IPSEC_ENCAP_TRANSPORT	2
#define IPSEC_ENCAP_UDP_TUNNEL	3	/* RFC 3947 */
#define IPSEC_ENCAP_UDP_TRANSPORT 4
#define IPSEC_ENCAP_UDP_TUNNEL_DRAFT 61443	/* NAT-T drafts */
#define IPSEC_ENCAP_UDP_TRANSPORT_DRAFT 61444

#define IPSEC_AUTH_HMAC_MD5	1
#define IPSEC_AUTH_HMAC_SHA	2
#define IPSEC_AUTH_DES_MAC	3
#define IPSEC_AUTH_KPDK		4
#define IPSEC_AUTH_HMAC_SHA2_256 5	/* RFC 4868 */
#define IPSEC_AUTH_HMAC_SHA2_384 6
#define IPSEC_AUTH_HMAC_SHA2_512 7

/* Attribute format bit: set = TV (2-byte value in the length field). */
#define ISAKMP_ATTR_AF		0x8000

/* Identification types (RFC 2407 4.6.2.1). */
#define IPSEC_ID_IPV4_ADDR	1
#define IPSEC_ID_FQDN		2
#define IPSEC_ID_USER_FQDN	3
#define IPSEC_ID_IPV4_SUBNET	4
#define IPSEC_ID_IPV6_ADDR	5
#define IPSEC_ID_IPV6_SUBNET	6
#define IPSEC_ID_IPV4_RANGE	7
#define IPSEC_ID_IPV6_RANGE	8
#define IPSEC_ID_DER_ASN1_DN	9
#define IPSEC_ID_DER_ASN1_GN	10
#define IPSEC_ID_KEY_ID		11

/* Certificate encodings (RFC 2408 3.9), for CERT and CERTREQ. */
#define ISAKMP_CERT_PKCS7	1
#define ISAKMP_CERT_X509_SIG	4
#define ISAKMP_CERT_X509_KE	5
#define ISAKMP_CERT_CRL		7
#define ISAKMP_CERT_X509_ATTR	10

/* Notify message types: errors (RFC 2408 3.14.1). */
#define ISAKMP_N_INVALID_PAYLOAD_TYPE		1
#define ISAKMP_N_DOI_NOT_SUPPORTED		2
#define ISAKMP_N_SITUATION_NOT_SUPPORTED	3
#define ISAKMP_N_INVALID_COOKIE			4
#define ISAKMP_N_INVALID_MAJOR_VERSION		5
#define ISAKMP_N_INVALID_MINOR_VERSION		6
#define ISAKMP_N_INVALID_EXCHANGE_TYPE		7
#define ISAKMP_N_INVALID_FLAGS			8
#define ISAKMP_N_INVALID_MESSAGE_ID		9
#define ISAKMP_N_INVALID_PROTOCOL_ID		10
#define ISAKMP_N_INVALID_SPI			11
#define ISAKMP_N_INVALID_TRANSFORM_ID		12
#define ISAKMP_N_ATTRIBUTES_NOT_SUPPORTED	13
#define ISAKMP_N_NO_PROPOSAL_CHOSEN		14
#define ISAKMP_N_BAD_PROPOSAL_SYNTAX		15
#define ISAKMP_N_PAYLOAD_MALFORMED		16
#define ISAKMP_N_INVALID_KEY_INFORMATION	17
#define ISAKMP_N_INVALID_ID_INFORMATION		18
#define ISAKMP_N_INVALID_CERT_ENCODING		19
#define ISAKMP_N_INVALID_CERTIFICATE		20
#define ISAKMP_N_CERT_TYPE_UNSUPPORTED		21
#define ISAKMP_N_INVALID_CERT_AUTHORITY		22
#define ISAKMP_N_INVALID_HASH_INFORMATION	23
#define ISAKMP_N_AUTHENTICATION_FAILED		24
#define ISAKMP_N_INVALID_SIGNATURE		25
#define ISAKMP_N_ADDRESS_NOTIFICATION		26
#define ISAKMP_N_NOTIFY_SA_LIFETIME		27
#define ISAKMP_N_CERTIFICATE_UNAVAILABLE	28
#define ISAKMP_N_UNSUPPORTED_EXCHANGE_TYPE	29
#define ISAKMP_N_UNEQUAL_PAYLOAD_LENGTHS	30
/* Status types (RFC 2408 3.14.1, RFC 2407 4.6.3, RFC 3706). */
#define ISAKMP_N_CONNECTED			16384
#define IPSEC_N_RESPONDER_LIFETIME		24576
#define IPSEC_N_REPLAY_STATUS			24577
#define IPSEC_N_INITIAL_CONTACT			24578
#define ISAKMP_N_DPD_R_U_THERE			36136
#define ISAKMP_N_DPD_R_U_THERE_ACK		36137

/* Mode-config message types (ATTRIBUTE payload) and attributes. */
#define ISAKMP_CFG_REQUEST	1
#define ISAKMP_CFG_REPLY	2
#define ISAKMP_CFG_SET		3
#define ISAKMP_CFG_ACK		4

#define CFG_INTERNAL_IP4_ADDRESS 1
#define CFG_INTERNAL_IP4_NETMASK 2
#define CFG_INTERNAL_IP4_DNS	3
#define CFG_INTERNAL_IP4_NBNS	4
#define CFG_INTERNAL_ADDRESS_EXPIRY 5
#define CFG_INTERNAL_IP4_DHCP	6
#define CFG_APPLICATION_VERSION	7
#define CFG_INTERNAL_IP6_ADDRESS 8
#define CFG_INTERNAL_IP6_NETMASK 9
#define CFG_INTERNAL_IP6_DNS	10
#define CFG_INTERNAL_IP6_NBNS	11
#define CFG_INTERNAL_IP6_DHCP	12
#define CFG_INTERNAL_IP4_SUBNET	13
#define CFG_SUPPORTED_ATTRIBUTES 14
#define CFG_INTERNAL_IP6_SUBNET	15

#define XAUTH_TYPE		16520
#define XAUTH_USER_NAME		16521
#define XAUTH_USER_PASSWORD	16522
#define XAUTH_PASSCODE		16523
#define XAUTH_MESSAGE		16524
#define XAUTH_CHALLENGE		16525
#define XAUTH_DOMAIN		16526
#define XAUTH_STATUS		16527
#define XAUTH_NEXT_PIN		16528
#define XAUTH_ANSWER		16529

/* Cisco Unity mode-config attributes (what IOS's client groups send). */
#define UNITY_BANNER		28672
#define UNITY_SAVE_PASSWD	28673
#define UNITY_DEF_DOMAIN	28674
#define UNITY_SPLIT_DNS_NAME	28675
#define UNITY_SPLIT_INCLUDE	28676
#define UNITY_NATT_PORT		28677
#define UNITY_LOCAL_LAN		28678
#define UNITY_PFS		28679
#define UNITY_FW_TYPE		28680
#define UNITY_BACKUP_SERVERS	28681
#define UNITY_DDNS_HOSTNAME	28682

#endif
