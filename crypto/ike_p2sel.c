/*
 * ike_p2sel: a Quick Mode offer read with IOS's debug lines, and matched
 * against transform sets (see ike_p2sel.h).
 */
#include <stdio.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_p2sel.h"
#include "crypto/isakmp_wire.h"

static const char *
esp_name(uint8_t id)
{
	switch (id) {
	case IPSEC_ESP_DES:	return "ESP_DES";
	case IPSEC_ESP_3DES:	return "ESP_3DES";
	case IPSEC_ESP_NULL:	return "ESP_NULL";
	case IPSEC_ESP_AES:	return "ESP_AES";
	case IPSEC_ESP_SEAL:	return "ESP_SEAL";
	/* Not seen in a seed: IOS's spelling for these two is a guess. */
	case IPSEC_ESP_AES_GCM_16:	return "ESP_GCM";
	case IPSEC_ESP_NULL_AES_GMAC:	return "ESP_GMAC";
	default:		return NULL;
	}
}

static const char *
ah_name(uint8_t id)
{
	switch (id) {
	case IPSEC_AH_MD5:	return "AH_MD5";
	case IPSEC_AH_SHA:	return "AH_SHA";
	/* Not seen in a seed: IOS's spelling for these is a guess. */
	case IPSEC_AH_SHA2_256:	return "AH_SHA256";
	case IPSEC_AH_SHA2_384:	return "AH_SHA384";
	case IPSEC_AH_SHA2_512:	return "AH_SHA512";
	default:		return NULL;
	}
}

static const char *
auth_name(uint64_t v)
{
	switch (v) {
	case IPSEC_AUTH_HMAC_MD5:	return "HMAC-MD5";
	case IPSEC_AUTH_HMAC_SHA:	return "HMAC-SHA";
	case IPSEC_AUTH_HMAC_SHA2_256:	return "HMAC-SHA256";
	case IPSEC_AUTH_HMAC_SHA2_384:	return "HMAC-SHA384";
	case IPSEC_AUTH_HMAC_SHA2_512:	return "HMAC-SHA512";
	default:			return NULL;
	}
}

static const char *
encaps_name(uint64_t v)
{
	switch (v) {
	case IPSEC_ENCAP_TUNNEL:		return "Tunnel";
	case IPSEC_ENCAP_TRANSPORT:		return "Transport";
	case IPSEC_ENCAP_UDP_TUNNEL:
	case IPSEC_ENCAP_UDP_TUNNEL_DRAFT:	return "Tunnel-UDP";
	case IPSEC_ENCAP_UDP_TRANSPORT:
	case IPSEC_ENCAP_UDP_TRANSPORT_DRAFT:	return "Transport-UDP";
	default:				return NULL;
	}
}

static bool
group_ok(uint64_t g)
{
	switch (g) {
	case 1: case 2: case 5: case 14: case 15: case 16:
	case 19: case 20: case 21: case 24:
		return true;
	default:
		return false;
	}
}

/* One transform's attributes, printed and folded into OF; false if one
 * is not supported. */
static bool
attrs(const struct crypto *c, const struct isakmp_xf *xf,
    struct p2_offer *of, bool esp)
{
	struct isakmp_iter	 it;
	struct isakmp_attr	 a;
	const char		*name;
	char			 vpi[8 * 6 + 1];
	bool			 ok = true, kb = false;

	ike_debug_raw(c, "   attributes in transform:");
	isakmp_xf_attrs(xf, &it);
	while (isakmp_attr_next(&it, &a)) {
		switch (a.at_type) {
		case IPSEC_ATTR_ENCAP_MODE:
			name = encaps_name(a.at_num);
			ike_debug_raw(c, "      encaps is %llu (%s)",
			    (unsigned long long)a.at_num,
			    name != NULL ? name : "unknown");
			ok &= name != NULL;
			of->po_encaps = (uint16_t)a.at_num;
			break;
		case IPSEC_ATTR_LIFE_TYPE:
			kb = a.at_num == IPSEC_LIFE_KILOBYTES;
			ike_debug_raw(c, "      SA life type in %s",
			    kb ? "kilobytes" : "seconds");
			break;
		case IPSEC_ATTR_LIFE_DURATION:
			if (a.at_tv)
				ike_debug_raw(c, "      SA life duration "
				    "(basic) of %llu",
				    (unsigned long long)a.at_num);
			else if (ike_debugging(c)) {
				ike_debug_vpi(&a, vpi, sizeof(vpi));
				ike_debug_raw(c, "      SA life duration (VPI) "
				    "of %s", vpi);
			}
			if (kb)
				of->po_life_kb = a.at_num;
			else
				of->po_life_s = (uint32_t)a.at_num;
			break;
		case IPSEC_ATTR_AUTH_ALG:
			name = auth_name(a.at_num);
			ike_debug_raw(c, "      authenticator is %s",
			    name != NULL ? name : "unknown");
			ok &= name != NULL;
			if (esp)
				of->po_auth = (uint16_t)a.at_num;
			break;
		case IPSEC_ATTR_KEY_LENGTH:
			ike_debug_raw(c, "      key length is %llu",
			    (unsigned long long)a.at_num);
			ok &= a.at_num == 128 || a.at_num == 192 ||
			    a.at_num == 256;
			of->po_keylen = (unsigned)a.at_num;
			break;
		case IPSEC_ATTR_GROUP_DESC:
			ike_debug_raw(c, "      group is %llu",
			    (unsigned long long)a.at_num);
			ok &= group_ok(a.at_num);
			of->po_group = (unsigned)a.at_num;
			break;
		default:
			ok = false;
			break;
		}
	}
	return ok;
}

/* The transforms of one protocol part; the first supported one counts. */
static void
part(const struct crypto *c, const struct isakmp_prop *pr,
    struct p2_offer *of)
{
	struct isakmp_iter	 it;
	struct isakmp_xf	 xf;
	struct p2_offer		 one;
	const char		*name;
	bool			 esp = pr->pr_proto == ISAKMP_PROTO_ESP;
	bool			 got = false;

	isakmp_prop_xfs(pr, &it);
	while (isakmp_xf_next(&it, &xf)) {
		name = esp ? esp_name(xf.xf_id) : ah_name(xf.xf_id);
		if (name != NULL)
			ike_debug_raw(c, " transform %u, %s", xf.xf_no, name);
		else
			ike_debug_raw(c, " transform %u, %u", xf.xf_no,
			    xf.xf_id);
		one = *of;
		if (!attrs(c, &xf, &one, esp) || name == NULL ||
		    pr->pr_spisize != 4 || got)
			continue;
		got = true;
		*of = one;
		if (esp) {
			of->po_esp = true;
			of->po_esp_id = xf.xf_id;
			memcpy(of->po_esp_spi, pr->pr_spi, 4);
		} else {
			of->po_ah = true;
			of->po_ah_id = xf.xf_id;
			memcpy(of->po_ah_spi, pr->pr_spi, 4);
		}
	}
	if (!got || (pr->pr_proto != ISAKMP_PROTO_ESP &&
	    pr->pr_proto != ISAKMP_PROTO_AH))
		of->po_ok = false;
}

bool
ike_p2_read(const struct crypto *c, uint32_t connid,
    struct isakmp_iter *props, struct p2_offer *of)
{
	struct isakmp_prop	pr;
	struct isakmp_iter	peek;

	if (!isakmp_prop_next(props, &pr))
		return false;
	memset(of, 0, sizeof(*of));
	of->po_no = pr.pr_no;
	of->po_ok = true;
	ike_debug(c, connid, "Checking IPSec proposal %u", pr.pr_no);
	for (;;) {
		part(c, &pr, of);
		peek = *props;
		if (!isakmp_prop_next(&peek, &pr) || pr.pr_no != of->po_no)
			break;
		*props = peek;
	}
	if (of->po_ok && (of->po_esp || of->po_ah)) {
		ike_engine_debug(c, "validate proposal");
		ike_debug(c, connid, "atts are acceptable.");
	} else {
		of->po_ok = false;
		ike_debug(c, connid, "atts are not acceptable.");
	}
	return true;
}

static uint8_t
esp_id(enum ts_enc e)
{
	switch (e) {
	case TS_ENC_DES:	return IPSEC_ESP_DES;
	case TS_ENC_3DES:	return IPSEC_ESP_3DES;
	case TS_ENC_AES:	return IPSEC_ESP_AES;
	case TS_ENC_SEAL:	return IPSEC_ESP_SEAL;
	case TS_ENC_NONE:	/* an ESP HMAC alone: ESP_NULL */
	case TS_ENC_NULL:	return IPSEC_ESP_NULL;
	case TS_ENC_GCM:	return IPSEC_ESP_AES_GCM_16;
	case TS_ENC_GMAC:	return IPSEC_ESP_NULL_AES_GMAC;
	default:		return 0;
	}
}

static uint16_t
auth_alg(enum ts_auth a)
{
	switch (a) {
	case TS_AUTH_MD5:	return IPSEC_AUTH_HMAC_MD5;
	case TS_AUTH_SHA:	return IPSEC_AUTH_HMAC_SHA;
	case TS_AUTH_SHA256:	return IPSEC_AUTH_HMAC_SHA2_256;
	case TS_AUTH_SHA384:	return IPSEC_AUTH_HMAC_SHA2_384;
	case TS_AUTH_SHA512:	return IPSEC_AUTH_HMAC_SHA2_512;
	default:		return 0;
	}
}

uint8_t
ike_p2_ah_id(enum ts_ah a)
{
	switch (a) {
	case TS_AH_MD5:		return IPSEC_AH_MD5;
	case TS_AH_SHA:		return IPSEC_AH_SHA;
	case TS_AH_SHA256:	return IPSEC_AH_SHA2_256;
	case TS_AH_SHA384:	return IPSEC_AH_SHA2_384;
	case TS_AH_SHA512:	return IPSEC_AH_SHA2_512;
	default:		return 0;
	}
}

static bool
matches(const struct p2_offer *of, const struct transform_set *ts,
    unsigned pfs)
{
	bool	transport = of->po_encaps == IPSEC_ENCAP_TRANSPORT ||
		    of->po_encaps == IPSEC_ENCAP_UDP_TRANSPORT ||
		    of->po_encaps == IPSEC_ENCAP_UDP_TRANSPORT_DRAFT;

	if (!of->po_ok)
		return false;
	if (of->po_esp != (ts->ts_enc != TS_ENC_NONE ||
	    ts->ts_auth != TS_AUTH_NONE))
		return false;
	if (of->po_esp && (of->po_esp_id != esp_id(ts->ts_enc) ||
	    of->po_auth != auth_alg(ts->ts_auth)))
		return false;
	if (of->po_esp && (ts->ts_enc == TS_ENC_AES ||
	    ts->ts_enc == TS_ENC_GCM || ts->ts_enc == TS_ENC_GMAC) &&
	    (of->po_keylen != 0 ? of->po_keylen : 128) !=
	    (ts->ts_keylen != 0 ? ts->ts_keylen : 128))
		return false;
	if (of->po_ah != (ts->ts_ah != TS_AH_NONE))
		return false;
	if (of->po_ah && of->po_ah_id != ike_p2_ah_id(ts->ts_ah))
		return false;
	/* A transport-mode set falls back to tunnel, as IOS's does; a
	 * tunnel-mode set does not accept transport. */
	if (transport && !ts->ts_transport)
		return false;
	return pfs == 0 || of->po_group == pfs;
}

const struct transform_set *
ike_p2_match(const struct p2_offer *of, const struct transform_set *const *sets,
    size_t n, unsigned pfs)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (matches(of, sets[i], pfs))
			return sets[i];
	return NULL;
}

void
ike_p2_offer_text(const struct p2_offer *of, struct strbuf *sb)
{
	const char	*sep = "";

	if (of->po_ah) {
		strbuf_puts(sb, of->po_ah_id == IPSEC_AH_MD5 ? "ah-md5-hmac" :
		    of->po_ah_id == IPSEC_AH_SHA ? "ah-sha-hmac" :
		    of->po_ah_id == IPSEC_AH_SHA2_256 ? "ah-sha256-hmac" :
		    of->po_ah_id == IPSEC_AH_SHA2_384 ? "ah-sha384-hmac" :
		    "ah-sha512-hmac");
		sep = " ";
	}
	if (!of->po_esp)
		return;
	switch (of->po_esp_id) {
	case IPSEC_ESP_DES:	strbuf_printf(sb, "%sesp-des", sep); break;
	case IPSEC_ESP_3DES:	strbuf_printf(sb, "%sesp-3des", sep); break;
	case IPSEC_ESP_SEAL:	strbuf_printf(sb, "%sesp-seal", sep); break;
	case IPSEC_ESP_NULL:	strbuf_printf(sb, "%sesp-null", sep); break;
	default:
		strbuf_printf(sb, "%s%s", sep,
		    of->po_esp_id == IPSEC_ESP_AES_GCM_16 ? "esp-gcm" :
		    of->po_esp_id == IPSEC_ESP_NULL_AES_GMAC ? "esp-gmac" :
		    "esp-aes");
		if (of->po_keylen != 0 && of->po_keylen != 128)
			strbuf_printf(sb, " %u", of->po_keylen);
		break;
	}
	if (of->po_auth != 0)
		strbuf_printf(sb, " %s", of->po_auth == IPSEC_AUTH_HMAC_MD5 ?
		    "esp-md5-hmac" : of->po_auth == IPSEC_AUTH_HMAC_SHA ?
		    "esp-sha-hmac" : of->po_auth == IPSEC_AUTH_HMAC_SHA2_256 ?
		    "esp-sha256-hmac" : of->po_auth ==
		    IPSEC_AUTH_HMAC_SHA2_384 ? "esp-sha384-hmac" :
		    "esp-sha512-hmac");
}
