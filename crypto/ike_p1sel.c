/*
 * ike_p1sel: the phase-1 policy walk (see ike_p1sel.h), with the lines
 * `debug crypto isakmp` prints for it.
 */
#include <stdio.h>
#include <string.h>

#include "crypto/crypto_int.h"
#include "crypto/ike_debug.h"
#include "crypto/ike_p1sel.h"
#include "crypto/isakmp_wire.h"
#include "lib/system.h"

/* What a transform offers, decoded from its attributes. */
struct p1_offer {
	int		 of_enc;	/* enum ike_enc, -1 unknown */
	unsigned	 of_keylen;
	int		 of_hash;	/* enum ike_hash, -1 unknown */
	int		 of_auth;	/* enum ike_auth, -1 unknown */
	bool		 of_xauth;
	unsigned	 of_group;
	uint64_t	 of_life;	/* seconds, 0: none offered */
	bool		 of_life_vpi;	/* sent as a variable-length TLV */
	unsigned	 of_life_len;
};

static const char *
enc_name(uint64_t v)
{
	switch (v) {
	case IKE_ATTR_ENC_DES:	return "DES-CBC";
	case IKE_ATTR_ENC_3DES:	return "3DES-CBC";
	case IKE_ATTR_ENC_AES:	return "AES-CBC";
	default:		return NULL;
	}
}

static const char *
hash_name(uint64_t v)
{
	switch (v) {
	case IKE_ATTR_HASH_MD5:		return "MD5";
	case IKE_ATTR_HASH_SHA:		return "SHA";
	case IKE_ATTR_HASH_SHA2_256:	return "SHA256";
	case IKE_ATTR_HASH_SHA2_384:	return "SHA384";
	case IKE_ATTR_HASH_SHA2_512:	return "SHA512";
	default:			return NULL;
	}
}

static const char *
auth_name(uint64_t v)
{
	switch (v) {
	case IKE_ATTR_AUTH_PSK:		return "pre-share";
	case IKE_ATTR_AUTH_RSA_SIG:	return "RSA sig";
	case IKE_ATTR_AUTH_RSA_ENC:	return "RSA encr";
	case IKE_ATTR_AUTH_XAUTH_INIT_PSK: return "XAUTHInitPreShared";
	default:			return NULL;
	}
}

/* Print one attribute as IOS does and fold it into OF. */
static void
attr(const struct crypto *c, const struct isakmp_attr *a,
    struct p1_offer *of)
{
	const char	*name;
	char		 vpi[8 * 6 + 1];

	switch (a->at_type) {
	case IKE_ATTR_ENC:
		if ((name = enc_name(a->at_num)) != NULL)
			ike_debug_raw(c, "      encryption %s", name);
		else
			ike_debug_raw(c, "      encryption %llu",
			    (unsigned long long)a->at_num);
		of->of_enc = a->at_num == IKE_ATTR_ENC_DES ? IKE_ENC_DES :
		    a->at_num == IKE_ATTR_ENC_3DES ? IKE_ENC_3DES :
		    a->at_num == IKE_ATTR_ENC_AES ? IKE_ENC_AES : -1;
		break;
	case IKE_ATTR_KEY_LENGTH:
		ike_debug_raw(c, "      keylength of %llu",
		    (unsigned long long)a->at_num);
		of->of_keylen = (unsigned)a->at_num;
		break;
	case IKE_ATTR_HASH:
		if ((name = hash_name(a->at_num)) != NULL)
			ike_debug_raw(c, "      hash %s", name);
		else
			ike_debug_raw(c, "      hash %llu",
			    (unsigned long long)a->at_num);
		of->of_hash = a->at_num == IKE_ATTR_HASH_MD5 ? IKE_HASH_MD5 :
		    a->at_num == IKE_ATTR_HASH_SHA ? IKE_HASH_SHA :
		    a->at_num == IKE_ATTR_HASH_SHA2_256 ? IKE_HASH_SHA256 :
		    a->at_num == IKE_ATTR_HASH_SHA2_384 ? IKE_HASH_SHA384 :
		    a->at_num == IKE_ATTR_HASH_SHA2_512 ? IKE_HASH_SHA512 : -1;
		break;
	case IKE_ATTR_AUTH:
		if ((name = auth_name(a->at_num)) != NULL)
			ike_debug_raw(c, "      auth %s", name);
		else
			ike_debug_raw(c, "      auth %llu",
			    (unsigned long long)a->at_num);
		of->of_xauth = a->at_num == IKE_ATTR_AUTH_XAUTH_INIT_PSK;
		of->of_auth = a->at_num == IKE_ATTR_AUTH_PSK || of->of_xauth ?
		    IKE_AUTH_PRE_SHARE :
		    a->at_num == IKE_ATTR_AUTH_RSA_SIG ? IKE_AUTH_RSA_SIG :
		    a->at_num == IKE_ATTR_AUTH_RSA_ENC ? IKE_AUTH_RSA_ENCR : -1;
		break;
	case IKE_ATTR_GROUP_DESC:
		ike_debug_raw(c, "      default group %llu",
		    (unsigned long long)a->at_num);
		of->of_group = (unsigned)a->at_num;
		break;
	case IKE_ATTR_LIFE_TYPE:
		ike_debug_raw(c, "      life type in %s",
		    a->at_num == IKE_ATTR_LIFE_KILOBYTES ? "kilobytes" :
		    "seconds");
		break;
	case IKE_ATTR_LIFE_DURATION:
		if (a->at_tv) {
			ike_debug_raw(c, "      life duration (basic) of %llu",
			    (unsigned long long)a->at_num);
		} else if (ike_debugging(c)) {
			ike_debug_vpi(a, vpi, sizeof(vpi));
			ike_debug_raw(c, "      life duration (VPI) of %s", vpi);
		}
		of->of_life = a->at_isnum ? a->at_num : 0;
		of->of_life_vpi = !a->at_tv;
		of->of_life_len = a->at_len;
		break;
	default:
		break;
	}
}

/* The first difference with P, as IOS names it, or NULL. */
static const char *
mismatch(const struct isakmp_policy *p, const struct p1_offer *of)
{
	if (of->of_enc < 0 || (enum ike_enc)of->of_enc != p->ip_enc)
		return "Encryption algorithm offered does not match policy!";
	if (p->ip_enc == IKE_ENC_AES && of->of_keylen != p->ip_keylen)
		return "Proposed key length does not match policy";
	if (of->of_hash < 0 || (enum ike_hash)of->of_hash != p->ip_hash)
		return "Hash algorithm offered does not match policy!";
	if (of->of_auth < 0 || (enum ike_auth)of->of_auth != p->ip_auth)
		return "Authentication method offered does not match policy!";
	if (of->of_group != p->ip_group)
		return "Diffie-Hellman group offered does not match policy!";
	return NULL;
}

/*
 * The lifetime in force: the policy's when the offer is longer (IOS
 * calls that the "actual life"), else the offer's; and the lines 15.x
 * prints for it once a transform is accepted (12.x prints none).
 */
static uint32_t
lifetime(const struct crypto *c, uint32_t connid,
    const struct isakmp_policy *p, const struct p1_offer *of)
{
	uint64_t	offered = of->of_life != 0 ? of->of_life :
			    IKE_DEFAULT_LIFETIME;
	uint32_t	actual = offered > p->ip_lifetime ? p->ip_lifetime : 0;
	uint32_t	life = actual != 0 ? actual : (uint32_t)offered;

	if (!sys_version_15(c->c_sys))
		return life;
	ike_debug(c, connid, "Acceptable atts:actual life: %u", actual);
	ike_debug(c, connid, "Acceptable atts:life: 0");
	if (of->of_life_vpi) {
		ike_debug(c, connid, "Fill atts in sa vpi_length:%u",
		    of->of_life_len);
		ike_debug(c, connid, "Fill atts in sa life_in_seconds:%llu",
		    (unsigned long long)offered);
	} else
		ike_debug(c, connid, "Basic life_in_seconds:%llu",
		    (unsigned long long)offered);
	ike_debug(c, connid, "Returning Actual lifetime: %u", life);
	ike_debug(c, connid, ":Started lifetime timer: %u.", life);
	return life;
}

bool
ike_p1_select(const struct crypto *c, uint32_t connid,
    const struct isakmp_prop *prop, struct ike_p1_sel *sel)
{
	const struct isakmp_policy	*p;
	struct isakmp_iter		 xi, ai;
	struct isakmp_xf		 xf;
	struct isakmp_attr		 a;
	struct p1_offer			 of;
	const char			*why;
	size_t				 i;

	for (i = 0; i < crypto_policy_count(c); i++) {
		p = crypto_policy_at(c, i);
		isakmp_prop_xfs(prop, &xi);
		while (isakmp_xf_next(&xi, &xf)) {
			ike_debug(c, connid, "Checking ISAKMP transform %u "
			    "against priority %u policy", xf.xf_no,
			    p->ip_priority);
			memset(&of, 0, sizeof(of));
			of.of_enc = of.of_hash = of.of_auth = -1;
			isakmp_xf_attrs(&xf, &ai);
			while (isakmp_attr_next(&ai, &a))
				attr(c, &a, &of);
			/* Not a KEY_IKE transform: nothing IOS can use. */
			if (xf.xf_id != ISAKMP_XF_KEY_IKE)
				of.of_enc = -1;
			why = mismatch(p, &of);
			if (why != NULL) {
				ike_debug(c, connid, "%s", why);
				ike_debug(c, connid, "atts are not acceptable. "
				    "Next payload is %u", xf.xf_next);
				continue;
			}
			ike_debug(c, connid, "atts are acceptable. Next "
			    "payload is %u", xf.xf_next);
			sel->ps_policy = p;
			sel->ps_xf = xf;
			sel->ps_xauth = of.of_xauth;
			sel->ps_life = lifetime(c, connid, p, &of);
			return true;
		}
	}
	return false;
}
