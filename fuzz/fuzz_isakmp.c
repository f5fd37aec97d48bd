/*
 * libFuzzer target: the ISAKMP codec on untrusted datagrams.
 *
 * Every IKE message arrives from the network before anything is
 * authenticated, so the decoder must refuse what is malformed without
 * reading past it.  The input is decoded; the body of an "encrypted"
 * message is walked as if it were its plaintext (the engine's path after
 * decryption, padding allowed); every payload is validated and, when it
 * parses, walked down to each attribute; the message is rebuilt from its
 * parsed form.  What rebuilds must decode again and rebuild to the same
 * bytes: builder and parser are each other's inverse.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/ike_cfg.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_rebuild.h"
#include "crypto/isakmp_sa.h"
#include "fuzz/reach.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static uint8_t	out1[70000], out2[70000];
static volatile uint64_t sink;
/* Reached (reach.h): inputs that decoded and rebuilt ("rebuilt"). */
static struct reach	reached[] = { { "rebuilt", 0 } };

static void
walk_attrs(struct isakmp_iter *it)
{
	struct isakmp_attr	a;

	while (isakmp_attr_next(it, &a))
		sink += a.at_type + a.at_num + (a.at_len ? a.at_val[0] : 0) +
		    (a.at_len ? a.at_val[a.at_len - 1] : 0);
}

/* The transaction exchange's view: meaning of each attribute, names and
 * strings as XAUTH and mode-config read them. */
static void
walk_cfg(const struct isakmp_pld *pl)
{
	static struct ike_cfgmsg	cm;
	char				str[IKE_CFG_STR_MAX + 1];
	const char			*name;
	unsigned			i;

	if (ike_cfg_decode(pl, &cm) != IKE_CFG_OK)
		return;
	sink += ike_cfg_type_name(cm.cm_type)[0];
	for (i = 0; i < cm.cm_nattrs; i++) {
		if ((name = ike_cfg_attr_name(cm.cm_attrs[i].at_type)) != NULL)
			sink += name[0];
		if (ike_cfg_string(&cm.cm_attrs[i], str, sizeof(str)) == 0)
			sink += strlen(str);
	}
	if (ike_cfg_find(&cm, XAUTH_USER_NAME) != NULL)
		sink++;
}

static void
walk(const struct isakmp_pld *pl)
{
	struct isakmp_sa_pl	sa;
	struct isakmp_prop	pr;
	struct isakmp_xf	xf;
	struct isakmp_cfg	cf;
	struct isakmp_delete	d;
	struct isakmp_iter	pi, xi, ai;
	unsigned		i;

	if (isakmp_pld_check(pl) != ISAKMP_OK)
		return;
	if (pl->pl_type == ISAKMP_PL_SA &&
	    isakmp_sa_parse(pl, &sa) == ISAKMP_OK) {
		isakmp_sa_props(&sa, &pi);
		while (isakmp_prop_next(&pi, &pr)) {
			isakmp_prop_xfs(&pr, &xi);
			while (isakmp_xf_next(&xi, &xf)) {
				isakmp_xf_attrs(&xf, &ai);
				walk_attrs(&ai);
			}
		}
	} else if (pl->pl_type == ISAKMP_PL_ATTR &&
	    isakmp_cfg_parse(pl, &cf) == ISAKMP_OK) {
		isakmp_cfg_attrs(&cf, &ai);
		walk_attrs(&ai);
		walk_cfg(pl);
	} else if (pl->pl_type == ISAKMP_PL_DELETE &&
	    isakmp_delete_parse(pl, &d) == ISAKMP_OK) {
		for (i = 0; i < d.d_nspi; i++)
			sink += isakmp_delete_spi(&d, i)[d.d_spisize - 1];
	}
}

static int
decode(struct isakmp_msg *m, const uint8_t *data, size_t size)
{
	if (isakmp_decode(m, data, size) != ISAKMP_OK)
		return (-1);
	if (m->im_encrypted &&
	    isakmp_decode_plain(m, m->im_body, m->im_bodylen) != ISAKMP_OK)
		return (-1);
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct isakmp_msg m;
	size_t		len1, len2;
	unsigned	i;
	int		valid = 1;

	if (reach_inputs++ == 0)
		reach_init("fuzz_isakmp", reached, 1);
	if (decode(&m, data, size) != 0)
		return (0);
	for (i = 0; i < m.im_npld; i++) {
		walk(&m.im_pld[i]);
		if (isakmp_pld_check(&m.im_pld[i]) != ISAKMP_OK)
			valid = 0;
	}
	if (isakmp_rebuild(&m, out1, sizeof(out1), &len1) != ISAKMP_OK) {
		if (valid)
			abort();	/* every payload parsed, yet no build */
		return (0);
	}
	if (!valid)
		abort();		/* built what did not parse */
	if (decode(&m, out1, len1) != 0 || m.im_extra != 0)
		abort();
	if (isakmp_rebuild(&m, out2, sizeof(out2), &len2) != ISAKMP_OK ||
	    len2 != len1 || memcmp(out1, out2, len1) != 0)
		abort();
	reached[0].r_n++;
	return (0);
}
