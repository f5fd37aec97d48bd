/*
 * Unit tests for the ISAKMP codec (crypto/isakmp_*): every message of the
 * interop captures (strongSwan Main + Quick Mode, vpnc Aggressive Mode
 * with XAUTH and mode-config, libreswan) decodes, the cleartext ones and
 * strongSwan's decrypted bodies rebuild byte for byte, strongSwan's MM1,
 * MM3, MM5 and QM1 carry exactly the values IOS's debug lines need, the
 * builder writes what the engine will send, and malformed input — every
 * length field wrong, every truncation, counts past their bounds — is
 * refused with its reason and never read past its end (the fixtures are
 * copied into buffers of their exact size, so ASan sees an over-read).
 *
 * Fixtures: tests/data/isakmp/, made by tests/data/isakmp/extract.sh.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/isakmp_build.h"
#include "crypto/isakmp_msg.h"
#include "crypto/isakmp_pld.h"
#include "crypto/isakmp_rebuild.h"
#include "crypto/isakmp_sa.h"
#include "crypto/isakmp_wire.h"

struct blob {
	uint8_t	*b_data;
	size_t	 b_len;
};

static const char *
datadir(void)
{
	static char	dir[1024];
	const char	*top = getenv("top_srcdir");

	snprintf(dir, sizeof(dir), "%s/tests/data/isakmp",
	    top != NULL ? top : ".");
	return (dir);
}

/* Load NAME of the fixture directory; false if it does not exist. */
static bool
load(const char *name, struct blob *b)
{
	char	 path[1200];
	FILE	*f;
	long	 n;

	snprintf(path, sizeof(path), "%s/%s", datadir(), name);
	if ((f = fopen(path, "rb")) == NULL)
		return (false);
	ck_assert(fseek(f, 0, SEEK_END) == 0);
	n = ftell(f);
	ck_assert(n > 0);
	rewind(f);
	b->b_len = (size_t)n;
	b->b_data = malloc(b->b_len);
	ck_assert_ptr_nonnull(b->b_data);
	ck_assert(fread(b->b_data, 1, b->b_len, f) == b->b_len);
	fclose(f);
	return (true);
}

static struct blob
must_load(const char *name)
{
	struct blob	b;

	ck_assert_msg(load(name, &b), "fixture %s missing", name);
	return (b);
}

/* A copy of the first LEN bytes of P in a buffer of exactly LEN bytes. */
static uint8_t *
exact(const uint8_t *p, size_t len)
{
	uint8_t	*q = malloc(len ? len : 1);

	ck_assert_ptr_nonnull(q);
	memcpy(q, p, len);
	return (q);
}

static enum isakmp_err
decode_exact(const uint8_t *p, size_t len)
{
	struct isakmp_msg	m;
	uint8_t			*q = exact(p, len);
	enum isakmp_err		 e;

	e = isakmp_decode(&m, q, len);
	free(q);
	return (e);
}

static void
hex(const char *s, uint8_t *out, size_t len)
{
	size_t		i;
	unsigned	v;

	ck_assert_uint_eq(strlen(s), 2 * len);
	for (i = 0; i < len; i++) {
		ck_assert(sscanf(s + 2 * i, "%2x", &v) == 1);
		out[i] = (uint8_t)v;
	}
}

static void
assert_bytes(const uint8_t *p, size_t len, const char *want)
{
	uint8_t	w[256];

	ck_assert_uint_le(strlen(want) / 2, sizeof(w));
	ck_assert_uint_eq(len, strlen(want) / 2);
	hex(want, w, len);
	ck_assert_mem_eq(p, w, len);
}

static int
cmpstr(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/*
 * Every message of the captures: decode; cleartext ones pass every
 * payload check and rebuild to the same bytes; encrypted ones are header
 * plus ciphertext, and where the capture's keys gave us the plaintext it
 * decodes as a padded body and rebuilds to the same payload bytes.
 */
START_TEST(test_captures)
{
	DIR			*d;
	struct dirent		*de;
	char			*names[256], plain[300];
	unsigned		 n = 0, i, j, nclear = 0, nplain = 0;
	struct isakmp_msg	 m;
	struct blob		 b, p;
	uint8_t			 out[2048];
	size_t			 len;

	ck_assert_ptr_nonnull(d = opendir(datadir()));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".bin") == 0) {
			ck_assert_uint_lt(n, 256);
			names[n++] = strdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmpstr);
	/* 9 strongSwan, 33 libreswan, 16 + 17 vpnc messages. */
	ck_assert_uint_eq(n, 75);
	for (i = 0; i < n; i++) {
		b = must_load(names[i]);
		ck_assert_msg(isakmp_decode(&m, b.b_data, b.b_len) ==
		    ISAKMP_OK, "%s", names[i]);
		ck_assert_uint_eq(m.im_hdr.ih_length, b.b_len);
		ck_assert_uint_eq(m.im_extra, 0);
		ck_assert_uint_eq(m.im_bodylen, b.b_len - ISAKMP_HDR_LEN);
		if (!m.im_encrypted) {
			nclear++;
			for (j = 0; j < m.im_npld; j++)
				ck_assert_msg(isakmp_pld_check(&m.im_pld[j]) ==
				    ISAKMP_OK, "%s payload %u", names[i], j);
			ck_assert(isakmp_rebuild(&m, out, sizeof(out), &len) ==
			    ISAKMP_OK);
			ck_assert_uint_eq(len, b.b_len);
			ck_assert_mem_eq(out, b.b_data, len);
		} else {
			ck_assert_uint_eq(m.im_npld, 0);
			snprintf(plain, sizeof(plain), "%.*s.plain",
			    (int)strlen(names[i]) - 4, names[i]);
			if (load(plain, &p)) {
				nplain++;
				ck_assert_uint_eq(p.b_len, m.im_bodylen);
				ck_assert(isakmp_decode_plain(&m, p.b_data,
				    p.b_len) == ISAKMP_OK);
				for (j = 0; j < m.im_npld; j++)
					ck_assert(isakmp_pld_check(
					    &m.im_pld[j]) == ISAKMP_OK);
				ck_assert(isakmp_rebuild(&m, out, sizeof(out),
				    &len) == ISAKMP_OK);
				ck_assert_uint_eq(len - ISAKMP_HDR_LEN +
				    m.im_extra, p.b_len);
				ck_assert_mem_eq(out, b.b_data, 24);
				ck_assert_mem_eq(out + ISAKMP_HDR_LEN, p.b_data,
				    len - ISAKMP_HDR_LEN);
				free(p.b_data);
			}
		}
		free(b.b_data);
		free(names[i]);
	}
	/* The cleartext ones: MM1-4 of strongSwan and both libreswan runs,
	 * AM1-2 of both vpnc runs; the decrypted: MM5, MM6, QM1-3. */
	ck_assert_uint_eq(nclear, 4 + 8 + 2 + 2);
	ck_assert_uint_eq(nplain, 5);
}
END_TEST

/* The attribute at IT has this type, form and value. */
static void
next_attr(struct isakmp_iter *it, uint16_t type, bool tv, uint64_t num)
{
	struct isakmp_attr	a;

	ck_assert(isakmp_attr_next(it, &a));
	ck_assert_uint_eq(a.at_type, type);
	ck_assert(a.at_tv == tv);
	ck_assert(a.at_isnum);
	ck_assert_uint_eq(a.at_num, num);
}

/* strongSwan's MM1, value by value (tshark -V of frame 1). */
START_TEST(test_strongswan_mm1)
{
	static const char	*vids[] = {
		"09002689dfd6b712",				/* XAUTH */
		"afcad71368a1f1c96b8696fc77570100",		/* DPD */
		"4048b7d56ebce88525e7de7f00d6c2d380000000",	/* frag */
		"4a131c81070358455c5728f20e95452f",	/* RFC 3947 */
		"90cb80913ebb696e086381b5ec427b1f",	/* draft-02 */
	};
	struct blob		 b = must_load("strongswan-f01.bin");
	struct isakmp_msg	 m;
	struct isakmp_sa_pl	 sa;
	struct isakmp_prop	 pr;
	struct isakmp_xf	 xf;
	struct isakmp_attr	 a;
	struct isakmp_iter	 pi, xi, ai;
	int			 i, k;

	ck_assert(isakmp_decode(&m, b.b_data, b.b_len) == ISAKMP_OK);
	assert_bytes(m.im_hdr.ih_icookie, 8, "503757fa21a09f8b");
	assert_bytes(m.im_hdr.ih_rcookie, 8, "0000000000000000");
	ck_assert_uint_eq(m.im_hdr.ih_next, ISAKMP_PL_SA);
	ck_assert_uint_eq(m.im_hdr.ih_version, 0x10);
	ck_assert_uint_eq(m.im_hdr.ih_exchange, ISAKMP_XCHG_IDPROT);
	ck_assert_uint_eq(m.im_hdr.ih_flags, 0);
	ck_assert_uint_eq(m.im_hdr.ih_msgid, 0);
	ck_assert_uint_eq(m.im_hdr.ih_length, 180);
	ck_assert(!m.im_encrypted);
	ck_assert_uint_eq(m.im_npld, 6);
	ck_assert_uint_eq(m.im_pld[0].pl_type, ISAKMP_PL_SA);
	ck_assert_uint_eq(m.im_pld[0].pl_len, 56);
	ck_assert_uint_eq(m.im_pld[0].pl_next, ISAKMP_PL_VID);

	ck_assert(isakmp_sa_parse(&m.im_pld[0], &sa) == ISAKMP_OK);
	ck_assert_uint_eq(sa.sa_doi, ISAKMP_DOI_IPSEC);
	ck_assert_uint_eq(sa.sa_sit, IPSEC_SIT_IDENTITY_ONLY);
	ck_assert_uint_eq(sa.sa_nprops, 1);
	isakmp_sa_props(&sa, &pi);
	ck_assert(isakmp_prop_next(&pi, &pr));
	ck_assert_uint_eq(pr.pr_no, 1);
	ck_assert_uint_eq(pr.pr_proto, ISAKMP_PROTO_ISAKMP);
	ck_assert_uint_eq(pr.pr_spisize, 0);
	ck_assert_uint_eq(pr.pr_nxf, 1);
	isakmp_prop_xfs(&pr, &xi);
	ck_assert(isakmp_xf_next(&xi, &xf));
	ck_assert_uint_eq(xf.xf_no, 1);
	ck_assert_uint_eq(xf.xf_id, ISAKMP_XF_KEY_IKE);
	ck_assert_uint_eq(xf.xf_nattrs, 6);
	ck_assert_uint_eq(xf.xf_next, ISAKMP_PL_NONE);
	ck_assert_uint_eq(pr.pr_next, ISAKMP_PL_NONE);
	isakmp_xf_attrs(&xf, &ai);
	next_attr(&ai, IKE_ATTR_ENC, true, IKE_ATTR_ENC_3DES);
	next_attr(&ai, IKE_ATTR_HASH, true, IKE_ATTR_HASH_MD5);
	next_attr(&ai, IKE_ATTR_GROUP_DESC, true, 2);
	next_attr(&ai, IKE_ATTR_AUTH, true, IKE_ATTR_AUTH_PSK);
	next_attr(&ai, IKE_ATTR_LIFE_TYPE, true, IKE_ATTR_LIFE_SECONDS);
	/* "life duration (VPI) of  0x0 0x1 0x51 0x80" */
	ck_assert(isakmp_attr_next(&ai, &a));
	ck_assert_uint_eq(a.at_type, IKE_ATTR_LIFE_DURATION);
	ck_assert(!a.at_tv);
	assert_bytes(a.at_val, a.at_len, "00015180");
	ck_assert_uint_eq(a.at_num, 86400);
	ck_assert(!isakmp_attr_next(&ai, &a));
	ck_assert(!isakmp_xf_next(&xi, &xf));
	ck_assert(!isakmp_prop_next(&pi, &pr));

	for (i = -1, k = 0; (i = isakmp_msg_find(&m, ISAKMP_PL_VID, i)) >= 0;
	    k++) {
		ck_assert_int_eq(i, k + 1);
		assert_bytes(m.im_pld[i].pl_body, m.im_pld[i].pl_bodylen,
		    vids[k]);
	}
	ck_assert_int_eq(k, 5);
	ck_assert_uint_eq(m.im_pld[5].pl_next, ISAKMP_PL_NONE);
	free(b.b_data);
}
END_TEST

/* MM3: KE, nonce and the two RFC 3947 NAT-D hashes. */
START_TEST(test_strongswan_mm3)
{
	struct blob		 b = must_load("strongswan-f03.bin");
	struct isakmp_msg	 m;
	static const uint8_t	 types[] = { ISAKMP_PL_KE, ISAKMP_PL_NONCE,
		ISAKMP_PL_NAT_D, ISAKMP_PL_NAT_D };
	static const size_t	 lens[] = { 128, 32, 16, 16 };
	unsigned		 i;

	ck_assert(isakmp_decode(&m, b.b_data, b.b_len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_npld, 4);
	for (i = 0; i < 4; i++) {
		ck_assert_uint_eq(m.im_pld[i].pl_type, types[i]);
		ck_assert_uint_eq(m.im_pld[i].pl_bodylen, lens[i]);
	}
	ck_assert_ptr_eq(m.im_pld[0].pl_raw, b.b_data + ISAKMP_HDR_LEN);
	free(b.b_data);
}
END_TEST

/* MM5 decrypted: ID 12.1.1.1, HASH_I, INITIAL-CONTACT; 4 bytes of pad. */
START_TEST(test_strongswan_mm5)
{
	struct blob		 b = must_load("strongswan-f05.bin");
	struct blob		 p = must_load("strongswan-f05.plain");
	struct isakmp_msg	 m;
	struct isakmp_id	 id;
	struct isakmp_notify	 n;
	uint8_t			 clear[92], *q;

	ck_assert(isakmp_decode(&m, b.b_data, b.b_len) == ISAKMP_OK);
	ck_assert(m.im_encrypted);
	ck_assert_uint_eq(m.im_hdr.ih_flags, ISAKMP_FLAG_E);
	ck_assert_uint_eq(m.im_hdr.ih_next, ISAKMP_PL_ID);
	ck_assert_uint_eq(m.im_bodylen, 64);
	ck_assert_ptr_eq(m.im_body, b.b_data + ISAKMP_HDR_LEN);
	/* The same body sent as cleartext: its padding is refused. */
	ck_assert_uint_eq(b.b_len, sizeof(clear));
	memcpy(clear, b.b_data, ISAKMP_HDR_LEN);
	memcpy(clear + ISAKMP_HDR_LEN, p.b_data, p.b_len);
	clear[19] = 0;
	ck_assert_int_eq(decode_exact(clear, sizeof(clear)),
	    ISAKMP_E_TRAILING);
	/* Padding is not inspected: IOS and strongSwan write zeros,
	 * others random bytes or RFC 2409's count in the last byte. */
	q = exact(p.b_data, p.b_len);
	memset(q + 60, 0x03, 4);
	ck_assert(isakmp_decode_plain(&m, q, p.b_len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_extra, 4);
	free(q);
	ck_assert(isakmp_decode_plain(&m, p.b_data, p.b_len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_npld, 3);
	ck_assert_uint_eq(m.im_extra, 4);
	ck_assert(isakmp_id_parse(&m.im_pld[0], &id) == ISAKMP_OK);
	ck_assert_uint_eq(id.id_type, IPSEC_ID_IPV4_ADDR);
	ck_assert_uint_eq(id.id_proto, 0);
	ck_assert_uint_eq(id.id_port, 0);
	assert_bytes(id.id_data, id.id_len, "0c010101");
	ck_assert_uint_eq(m.im_pld[1].pl_type, ISAKMP_PL_HASH);
	ck_assert_uint_eq(m.im_pld[1].pl_bodylen, 16);
	ck_assert(isakmp_notify_parse(&m.im_pld[2], &n) == ISAKMP_OK);
	ck_assert_uint_eq(n.n_doi, ISAKMP_DOI_IPSEC);
	ck_assert_uint_eq(n.n_proto, ISAKMP_PROTO_ISAKMP);
	ck_assert_uint_eq(n.n_spisize, 16);
	ck_assert_uint_eq(n.n_type, IPSEC_N_INITIAL_CONTACT);
	assert_bytes(n.n_spi, 16, "503757fa21a09f8bc89b6eaca0e316a7");
	ck_assert_uint_eq(n.n_datalen, 0);
	free(b.b_data);
	free(p.b_data);
}
END_TEST

/* QM1: header, then the decrypted HASH(1), SA, Ni, IDci, IDcr. */
START_TEST(test_strongswan_qm1)
{
	struct blob		 b = must_load("strongswan-f07.bin");
	struct blob		 p = must_load("strongswan-f07.plain");
	struct isakmp_msg	 m;
	struct isakmp_sa_pl	 sa;
	struct isakmp_prop	 pr;
	struct isakmp_xf	 xf;
	struct isakmp_iter	 pi, xi, ai;
	struct isakmp_id	 id;
	size_t			 len;

	ck_assert(isakmp_decode(&m, b.b_data, b.b_len) == ISAKMP_OK);
	assert_bytes(m.im_hdr.ih_icookie, 8, "503757fa21a09f8b");
	assert_bytes(m.im_hdr.ih_rcookie, 8, "c89b6eaca0e316a7");
	ck_assert_uint_eq(m.im_hdr.ih_next, ISAKMP_PL_HASH);
	ck_assert_uint_eq(m.im_hdr.ih_exchange, ISAKMP_XCHG_QUICK);
	ck_assert_uint_eq(m.im_hdr.ih_flags, ISAKMP_FLAG_E);
	ck_assert_uint_eq(m.im_hdr.ih_msgid, 0x8e341411);
	ck_assert_uint_eq(m.im_hdr.ih_length, 164);
	ck_assert(m.im_encrypted);
	ck_assert_uint_eq(m.im_bodylen, 136);
	ck_assert_uint_eq(m.im_npld, 0);

	ck_assert(isakmp_decode_plain(&m, p.b_data, p.b_len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_npld, 5);
	ck_assert_uint_eq(m.im_extra, 8);
	ck_assert_uint_eq(m.im_pld[0].pl_type, ISAKMP_PL_HASH);
	ck_assert_uint_eq(m.im_pld[0].pl_bodylen, 16);
	ck_assert(isakmp_sa_parse(&m.im_pld[1], &sa) == ISAKMP_OK);
	isakmp_sa_props(&sa, &pi);
	ck_assert(isakmp_prop_next(&pi, &pr));
	ck_assert_uint_eq(pr.pr_no, 1);
	ck_assert_uint_eq(pr.pr_proto, ISAKMP_PROTO_ESP);
	ck_assert_uint_eq(pr.pr_spisize, 4);
	assert_bytes(pr.pr_spi, 4, "2a2dc90e");
	isakmp_prop_xfs(&pr, &xi);
	ck_assert(isakmp_xf_next(&xi, &xf));
	ck_assert_uint_eq(xf.xf_id, IPSEC_ESP_3DES);
	isakmp_xf_attrs(&xf, &ai);
	next_attr(&ai, IPSEC_ATTR_AUTH_ALG, true, IPSEC_AUTH_HMAC_MD5);
	next_attr(&ai, IPSEC_ATTR_ENCAP_MODE, true, IPSEC_ENCAP_UDP_TUNNEL);
	next_attr(&ai, IPSEC_ATTR_LIFE_TYPE, true, IPSEC_LIFE_SECONDS);
	next_attr(&ai, IPSEC_ATTR_LIFE_DURATION, true, 3600);
	ck_assert_uint_eq(m.im_pld[2].pl_type, ISAKMP_PL_NONCE);
	ck_assert(isakmp_data_check(&m.im_pld[2]) == ISAKMP_OK);
	ck_assert(isakmp_id_parse(&m.im_pld[3], &id) == ISAKMP_OK);
	assert_bytes(id.id_data, id.id_len, "01010101");
	ck_assert(isakmp_id_parse(&m.im_pld[4], &id) == ISAKMP_OK);
	assert_bytes(id.id_data, id.id_len, "02020202");
	/* HASH(1) covers SA | Ni | IDci | IDcr: after the hash, before
	 * the 8 bytes of padding. */
	ck_assert_ptr_eq(isakmp_msg_rest(&m, 0, &len), p.b_data + 20);
	ck_assert_uint_eq(len, 136 - 20 - 8);
	ck_assert_ptr_null(isakmp_msg_rest(&m, 4, &len));
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_null(isakmp_msg_rest(&m, 9, &len));
	free(b.b_data);
	free(p.b_data);
}
END_TEST

/* vpnc's Aggressive Mode offer: 1 proposal of 24 transforms, then KE,
 * nonce, ID (KEY-ID, the group name) and its vendor IDs. */
START_TEST(test_vpnc_am1)
{
	struct blob		 b = must_load("vpnc-f01.bin");
	struct isakmp_msg	 m;
	struct isakmp_sa_pl	 sa;
	struct isakmp_prop	 pr;
	struct isakmp_xf	 xf;
	struct isakmp_iter	 pi, xi;
	struct isakmp_id	 id;
	unsigned		 n = 0;
	int			 i;

	ck_assert(isakmp_decode(&m, b.b_data, b.b_len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_hdr.ih_exchange, ISAKMP_XCHG_AGGRESSIVE);
	ck_assert(isakmp_sa_parse(&m.im_pld[0], &sa) == ISAKMP_OK);
	isakmp_sa_props(&sa, &pi);
	ck_assert(isakmp_prop_next(&pi, &pr));
	ck_assert_uint_eq(pr.pr_no, 0);
	ck_assert_uint_eq(pr.pr_nxf, 24);
	isakmp_prop_xfs(&pr, &xi);
	while (isakmp_xf_next(&xi, &xf)) {
		/* "Next payload is 3" for all but the last. */
		ck_assert_uint_eq(xf.xf_next, ++n < 24 ? ISAKMP_PL_TRANSFORM :
		    ISAKMP_PL_NONE);
	}
	ck_assert_uint_eq(n, 24);
	ck_assert_uint_eq(m.im_pld[1].pl_type, ISAKMP_PL_KE);
	ck_assert_uint_eq(m.im_pld[2].pl_type, ISAKMP_PL_NONCE);
	ck_assert_int_eq(i = isakmp_msg_find(&m, ISAKMP_PL_ID, -1), 3);
	ck_assert(isakmp_id_parse(&m.im_pld[i], &id) == ISAKMP_OK);
	ck_assert_uint_eq(id.id_type, IPSEC_ID_KEY_ID);
	ck_assert_uint_le(m.im_npld, ISAKMP_MAX_PAYLOADS);
	free(b.b_data);
}
END_TEST

static const struct isakmp_hdr mm1_hdr = {
	.ih_icookie = { 0x50, 0x37, 0x57, 0xfa, 0x21, 0xa0, 0x9f, 0x8b },
	.ih_version = ISAKMP_VERSION,
	.ih_exchange = ISAKMP_XCHG_IDPROT,
};

/* strongSwan's MM1 written with the builder as the engine would. */
START_TEST(test_build_mm1)
{
	struct blob		 b = must_load("strongswan-f01.bin");
	struct isakmp_build	 ib;
	uint8_t			 buf[512], vid[20];
	size_t			 len;
	static const char	*vids[] = { "09002689dfd6b712",
		"afcad71368a1f1c96b8696fc77570100",
		"4048b7d56ebce88525e7de7f00d6c2d380000000",
		"4a131c81070358455c5728f20e95452f",
		"90cb80913ebb696e086381b5ec427b1f" };
	unsigned		 i;

	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(&ib, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	isakmp_build_xf_begin(&ib, 1, ISAKMP_XF_KEY_IKE);
	isakmp_build_attr_tv(&ib, IKE_ATTR_ENC, IKE_ATTR_ENC_3DES);
	isakmp_build_attr_tv(&ib, IKE_ATTR_HASH, IKE_ATTR_HASH_MD5);
	isakmp_build_attr_tv(&ib, IKE_ATTR_GROUP_DESC, 2);
	isakmp_build_attr_tv(&ib, IKE_ATTR_AUTH, IKE_ATTR_AUTH_PSK);
	isakmp_build_attr_tv(&ib, IKE_ATTR_LIFE_TYPE, IKE_ATTR_LIFE_SECONDS);
	isakmp_build_attr_var(&ib, IKE_ATTR_LIFE_DURATION, 86400);
	isakmp_build_end(&ib);
	isakmp_build_end(&ib);
	isakmp_build_end(&ib);
	for (i = 0; i < 5; i++) {
		hex(vids[i], vid, strlen(vids[i]) / 2);
		isakmp_build_payload(&ib, ISAKMP_PL_VID, vid,
		    strlen(vids[i]) / 2);
	}
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_OK);
	ck_assert_uint_eq(len, b.b_len);
	ck_assert_mem_eq(buf, b.b_data, len);
	free(b.b_data);
}
END_TEST

/*
 * What the engine sends that the captures do not show in clear: an
 * Informational with DPD R-U-THERE (sequence number as data), a DELETE
 * of two ESP SPIs, NAT-OA, a mode-config SET with XAUTH attributes, two
 * proposals of two transforms (counts and chaining), a long life in 8
 * bytes; decoded back value by value.
 */
START_TEST(test_build_informational)
{
	struct isakmp_build	 ib;
	struct isakmp_msg	 m;
	struct isakmp_notify	 n = { ISAKMP_DOI_IPSEC, ISAKMP_PROTO_ISAKMP,
		16, ISAKMP_N_DPD_R_U_THERE, NULL, NULL, 4 };
	struct isakmp_delete	 d = { ISAKMP_DOI_IPSEC, ISAKMP_PROTO_ESP, 4,
		2, NULL };
	struct isakmp_natoa	 na = { IPSEC_ID_IPV4_ADDR, NULL, 4 };
	struct isakmp_notify	 n2;
	struct isakmp_delete	 d2;
	struct isakmp_natoa	 na2;
	struct isakmp_cfg	 cf;
	struct isakmp_sa_pl	 sa;
	struct isakmp_prop	 pr;
	struct isakmp_xf	 xf;
	struct isakmp_attr	 a;
	struct isakmp_iter	 it, xi, ai;
	struct isakmp_hdr	 h = mm1_hdr;
	uint8_t			 spi[16], seq[4] = { 0, 0, 0x12, 0x34 };
	uint8_t			 spis[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	uint8_t			 addr[4] = { 10, 0, 0, 1 }, buf[1024], re[1024];
	size_t			 len, rlen, hoff;

	memset(spi, 0xab, sizeof(spi));
	n.n_spi = spi;
	n.n_data = seq;
	d.d_spis = spis;
	na.na_addr = addr;
	h.ih_exchange = ISAKMP_XCHG_INFO;
	h.ih_msgid = 0x01020304;
	isakmp_build_init(&ib, buf, sizeof(buf), &h);
	hoff = isakmp_build_payload(&ib, ISAKMP_PL_HASH, NULL, 20);
	isakmp_build_notify(&ib, &n);
	isakmp_build_delete(&ib, &d);
	isakmp_build_natoa(&ib, ISAKMP_PL_NAT_OA_DRAFT, &na);
	isakmp_build_cfg_begin(&ib, ISAKMP_CFG_SET, 0x4242);
	isakmp_build_attr_tv(&ib, XAUTH_TYPE, 0);
	isakmp_build_attr_tlv(&ib, XAUTH_USER_NAME, NULL, 0);
	isakmp_build_attr_tlv(&ib, XAUTH_MESSAGE, (const uint8_t *)"hi", 2);
	isakmp_build_end(&ib);
	isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, IPSEC_SIT_IDENTITY_ONLY);
	isakmp_build_prop_begin(&ib, 1, ISAKMP_PROTO_ESP, spis, 4);
	isakmp_build_xf_begin(&ib, 1, IPSEC_ESP_AES);
	isakmp_build_attr_tv(&ib, IPSEC_ATTR_KEY_LENGTH, 256);
	isakmp_build_attr_var(&ib, IPSEC_ATTR_LIFE_DURATION, 0x100000000ULL);
	isakmp_build_end(&ib);
	isakmp_build_xf_begin(&ib, 2, IPSEC_ESP_3DES);
	isakmp_build_end(&ib);
	isakmp_build_end(&ib);
	isakmp_build_prop_begin(&ib, 2, ISAKMP_PROTO_ESP, spis + 4, 4);
	isakmp_build_xf_begin(&ib, 1, IPSEC_ESP_DES);
	isakmp_build_end(&ib);
	isakmp_build_end(&ib);
	isakmp_build_end(&ib);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_OK);
	/* The HASH placeholder sits right after the header. */
	ck_assert_uint_eq(hoff, ISAKMP_HDR_LEN + ISAKMP_GEN_LEN);

	ck_assert(isakmp_decode(&m, buf, len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_hdr.ih_length, len);
	ck_assert_uint_eq(m.im_hdr.ih_msgid, 0x01020304);
	ck_assert_uint_eq(m.im_npld, 6);
	ck_assert_uint_eq(m.im_hdr.ih_next, ISAKMP_PL_HASH);
	ck_assert_uint_eq(m.im_pld[0].pl_bodylen, 20);
	ck_assert(isakmp_notify_parse(&m.im_pld[1], &n2) == ISAKMP_OK);
	ck_assert_uint_eq(n2.n_type, 36136);
	ck_assert_uint_eq(n2.n_spisize, 16);
	ck_assert_mem_eq(n2.n_spi, spi, 16);
	assert_bytes(n2.n_data, n2.n_datalen, "00001234");
	ck_assert(isakmp_delete_parse(&m.im_pld[2], &d2) == ISAKMP_OK);
	ck_assert_uint_eq(d2.d_proto, ISAKMP_PROTO_ESP);
	ck_assert_uint_eq(d2.d_nspi, 2);
	assert_bytes(isakmp_delete_spi(&d2, 1), 4, "05060708");
	ck_assert_uint_eq(m.im_pld[3].pl_type, 131);
	ck_assert(isakmp_natoa_parse(&m.im_pld[3], &na2) == ISAKMP_OK);
	assert_bytes(na2.na_addr, na2.na_len, "0a000001");
	ck_assert(isakmp_cfg_parse(&m.im_pld[4], &cf) == ISAKMP_OK);
	ck_assert_uint_eq(cf.cf_type, ISAKMP_CFG_SET);
	ck_assert_uint_eq(cf.cf_ident, 0x4242);
	ck_assert_uint_eq(cf.cf_nattrs, 3);
	isakmp_cfg_attrs(&cf, &it);
	next_attr(&it, XAUTH_TYPE, true, 0);
	ck_assert(isakmp_attr_next(&it, &a));
	ck_assert(!a.at_tv && a.at_len == 0 && !a.at_isnum);
	ck_assert(isakmp_attr_next(&it, &a));
	ck_assert_mem_eq(a.at_val, "hi", 2);
	ck_assert(!isakmp_attr_next(&it, &a));
	ck_assert(isakmp_sa_parse(&m.im_pld[5], &sa) == ISAKMP_OK);
	ck_assert_uint_eq(sa.sa_nprops, 2);
	isakmp_sa_props(&sa, &it);
	ck_assert(isakmp_prop_next(&it, &pr));
	ck_assert_uint_eq(pr.pr_nxf, 2);
	isakmp_prop_xfs(&pr, &xi);
	ck_assert(isakmp_xf_next(&xi, &xf));
	isakmp_xf_attrs(&xf, &ai);
	next_attr(&ai, IPSEC_ATTR_KEY_LENGTH, true, 256);
	ck_assert(isakmp_attr_next(&ai, &a));
	ck_assert_uint_eq(a.at_len, 8);
	ck_assert_uint_eq(a.at_num, 0x100000000ULL);
	ck_assert(isakmp_xf_next(&xi, &xf));
	ck_assert_uint_eq(xf.xf_no, 2);
	ck_assert_uint_eq(xf.xf_nattrs, 0);
	ck_assert(isakmp_prop_next(&it, &pr));
	ck_assert_uint_eq(pr.pr_no, 2);
	ck_assert_uint_eq(pr.pr_nxf, 1);
	ck_assert(!isakmp_prop_next(&it, &pr));

	ck_assert(isakmp_rebuild(&m, re, sizeof(re), &rlen) == ISAKMP_OK);
	ck_assert_uint_eq(rlen, len);
	ck_assert_mem_eq(re, buf, len);
}
END_TEST

START_TEST(test_build_errors)
{
	struct isakmp_build	ib;
	uint8_t			buf[64];
	size_t			len;

	/* Full buffer: sticky, reported once at the end. */
	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_payload(&ib, ISAKMP_PL_VID, NULL, 33);
	isakmp_build_payload(&ib, ISAKMP_PL_VID, NULL, 4);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_NOSPACE);
	isakmp_build_init(&ib, buf, 27, &mm1_hdr);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_NOSPACE);
	/* Left open, closed once too often, nested too deep. */
	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_sa_begin(&ib, 1, 1);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_BUILD);
	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_end(&ib);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_BUILD);
	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_begin(&ib, 1);
	isakmp_build_begin(&ib, 2);
	isakmp_build_begin(&ib, 3);
	isakmp_build_begin(&ib, 3);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_BUILD);
	/* A proposal closed before its fixed part was written. */
	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_begin(&ib, ISAKMP_PL_SA);
	isakmp_build_begin(&ib, ISAKMP_PL_PROPOSAL);
	isakmp_build_end(&ib);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_BUILD);
	ck_assert_str_eq(isakmp_err_str(ISAKMP_E_TRAILING),
	    "unequal payload lengths");
	ck_assert_uint_eq(isakmp_err_notify(ISAKMP_E_MAJOR_VERSION),
	    ISAKMP_N_INVALID_MAJOR_VERSION);
	ck_assert_uint_eq(isakmp_err_notify(ISAKMP_E_PROPOSAL),
	    ISAKMP_N_BAD_PROPOSAL_SYNTAX);
}
END_TEST

/* Every truncation of real messages: with the datagram cut, and with
 * the header's length cut to match (the chain then runs out). */
START_TEST(test_truncation)
{
	static const char	*names[] = { "strongswan-f01.bin",
		"strongswan-f03.bin", "vpnc-f01.bin", "vpnc-f02.bin",
		"libreswan-f01.bin" };
	struct blob		 b;
	struct isakmp_msg	 m, orig;
	uint8_t			*q;
	size_t			 n, off, k;
	unsigned		 i, j;
	enum isakmp_err		 e, want;

	for (i = 0; i < 5; i++) {
		b = must_load(names[i]);
		ck_assert(isakmp_decode(&orig, b.b_data, b.b_len) ==
		    ISAKMP_OK);
		for (n = 0; n < b.b_len; n++) {
			ck_assert_int_eq(decode_exact(b.b_data, n),
			    ISAKMP_E_TRUNCATED);
			if (n < ISAKMP_HDR_LEN)
				continue;
			q = exact(b.b_data, n);
			isakmp_build_length(q, (uint32_t)n);
			/* Where the cut falls: inside a generic header (or
			 * at a payload's start), or inside a body. */
			want = ISAKMP_E_PAYLOAD_TRUNCATED;
			for (j = 0, off = ISAKMP_HDR_LEN; j < orig.im_npld;
			    off += orig.im_pld[j++].pl_len) {
				k = n - off;
				if (n >= off && k < orig.im_pld[j].pl_len)
					want = k < ISAKMP_GEN_LEN ?
					    ISAKMP_E_PAYLOAD_TRUNCATED :
					    ISAKMP_E_PAYLOAD_OVERRUN;
			}
			e = isakmp_decode(&m, q, n);
			ck_assert_msg(e == want, "%s cut at %zu: %s",
			    names[i], n, isakmp_err_str(e));
			free(q);
		}
		ck_assert(isakmp_decode(&m, b.b_data, b.b_len) == ISAKMP_OK);
		free(b.b_data);
	}
}
END_TEST

/* The header's fields: version, length against the datagram. */
START_TEST(test_header)
{
	struct blob		b = must_load("strongswan-f01.bin");
	struct isakmp_msg	m;
	uint8_t			*q = exact(b.b_data, b.b_len), big[400];

	q[17] = 0x20;
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_MAJOR_VERSION);
	q[17] = 0x11;
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_MINOR_VERSION);
	q[17] = 0x10;
	isakmp_build_length(q, 0);
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_BAD_LENGTH);
	isakmp_build_length(q, 27);
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_BAD_LENGTH);
	isakmp_build_length(q, (uint32_t)b.b_len + 1);
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_TRUNCATED);
	isakmp_build_length(q, 0xffffffff);
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_TRUNCATED);
	isakmp_build_length(q, (uint32_t)b.b_len - 1);
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_PAYLOAD_OVERRUN);
	/* A datagram longer than the header says: the rest is ignored. */
	memcpy(big, b.b_data, b.b_len);
	memset(big + b.b_len, 0xee, 8);
	ck_assert(isakmp_decode(&m, big, b.b_len + 8) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_extra, 8);
	ck_assert_uint_eq(m.im_npld, 6);
	/* ... but bytes after the last payload within it are not. */
	isakmp_build_length(big, (uint32_t)b.b_len + 8);
	ck_assert_int_eq(decode_exact(big, b.b_len + 8), ISAKMP_E_TRAILING);
	/* No payload at all: a bare header is a valid chain. */
	big[16] = ISAKMP_PL_NONE;
	isakmp_build_length(big, ISAKMP_HDR_LEN);
	ck_assert(isakmp_decode(&m, big, ISAKMP_HDR_LEN) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_npld, 0);
	/* Proposal or transform as a top-level payload. */
	memcpy(q, b.b_data, b.b_len);
	q[16] = ISAKMP_PL_PROPOSAL;
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_PAYLOAD_TYPE);
	q[16] = ISAKMP_PL_TRANSFORM;
	ck_assert_int_eq(decode_exact(q, b.b_len), ISAKMP_E_PAYLOAD_TYPE);
	/* An unknown type is kept as a raw payload; its content unread. */
	q[16] = 200;
	ck_assert(isakmp_decode(&m, q, b.b_len) == ISAKMP_OK);
	ck_assert_uint_eq(m.im_pld[0].pl_type, 200);
	ck_assert(isakmp_pld_check(&m.im_pld[0]) == ISAKMP_OK);
	free(q);
	free(b.b_data);
}
END_TEST

/*
 * Each payload length of a message set to 0, 3, one less and one more.
 * A cleartext message is patched in a copy of the datagram (its chain
 * starts at ISAKMP_HDR_LEN), a decrypted one in a copy of its body.
 */
static enum isakmp_err
redecode(struct isakmp_msg *m, const struct blob *b, uint8_t *q,
    size_t qlen, bool plain)
{
	enum isakmp_err	e;

	if (!plain)
		return (isakmp_decode(m, q, qlen));
	e = isakmp_decode(m, b->b_data, b->b_len);
	ck_assert_int_eq(e, ISAKMP_OK);
	return (isakmp_decode_plain(m, q, qlen));
}

static void
lengths_of(const char *name, const char *plainname)
{
	struct blob		 b = must_load(name), p = { NULL, 0 };
	struct blob		*src = &b;
	struct isakmp_msg	 m;
	uint8_t			*q;
	size_t			 base = ISAKMP_HDR_LEN, off, len;
	unsigned		 i, npld;
	bool			 plain = plainname != NULL;
	enum isakmp_err		 e;

	if (plain) {
		p = must_load(plainname);
		src = &p;
		base = 0;
	}
	ck_assert(redecode(&m, &b, src->b_data, src->b_len, plain) ==
	    ISAKMP_OK);
	npld = m.im_npld;
	ck_assert_uint_gt(npld, 0);
	for (i = 0, off = base; i < npld; off += len, i++) {
		ck_assert(redecode(&m, &b, src->b_data, src->b_len, plain) ==
		    ISAKMP_OK);
		len = m.im_pld[i].pl_len;
		q = exact(src->b_data, src->b_len);
		put16(q + off + 2, 0);
		ck_assert_int_eq(redecode(&m, &b, q, src->b_len, plain),
		    ISAKMP_E_PAYLOAD_LENGTH);
		put16(q + off + 2, 3);
		ck_assert_int_eq(redecode(&m, &b, q, src->b_len, plain),
		    ISAKMP_E_PAYLOAD_LENGTH);
		/* One more: the last payload runs past the end, the others
		 * put the next header one byte late.  A decrypted body may
		 * absorb it in its padding. */
		put16(q + off + 2, (uint16_t)(len + 1));
		e = redecode(&m, &b, q, src->b_len, plain);
		if (off + len == src->b_len)
			ck_assert_int_eq(e, ISAKMP_E_PAYLOAD_OVERRUN);
		else if (!plain)
			ck_assert_int_ne(e, ISAKMP_OK);
		/* One less: the next header one byte early (or, for the
		 * last, one byte left over). */
		put16(q + off + 2, (uint16_t)(len - 1));
		e = redecode(&m, &b, q, src->b_len, plain);
		if (!plain)
			ck_assert_int_ne(e, ISAKMP_OK);
		if (off + len == src->b_len)
			ck_assert_int_eq(e, ISAKMP_E_TRAILING);
		free(q);
	}
	free(b.b_data);
	free(p.b_data);
}

START_TEST(test_payload_lengths)
{
	lengths_of("strongswan-f01.bin", NULL);
	lengths_of("strongswan-f03.bin", NULL);
	lengths_of("vpnc-f01.bin", NULL);
	lengths_of("vpnc-f02.bin", NULL);
	lengths_of("libreswan-f03.bin", NULL);
	lengths_of("strongswan-f05.bin", "strongswan-f05.plain");
	lengths_of("strongswan-f07.bin", "strongswan-f07.plain");
}
END_TEST

/* The SA of strongSwan's MM1, broken one field at a time.  Offsets in
 * the datagram: SA payload at 28, proposal at 40, transform at 48, its
 * attributes at 56; the Life-Duration TLV's length at 78. */
START_TEST(test_sa_malformed)
{
	static const struct {
		size_t		off;
		unsigned	width;
		uint16_t	val;
		enum isakmp_err	want;
	} cases[] = {
		{ 32 + 3, 1, 2, ISAKMP_E_DOI },		/* DOI 2 */
		{ 36 + 3, 1, 3, ISAKMP_E_SITUATION },	/* secrecy */
		{ 42, 2, 0, ISAKMP_E_PROPOSAL },	/* proposal len 0 */
		{ 42, 2, 7, ISAKMP_E_PROPOSAL },
		{ 42, 2, 45, ISAKMP_E_PROPOSAL },	/* past the SA */
		{ 42, 2, 43, ISAKMP_E_PROPOSAL },	/* SA not filled */
		{ 40, 1, 2, ISAKMP_E_PROPOSAL },	/* "more" at end */
		{ 40, 1, 3, ISAKMP_E_PROPOSAL },
		{ 46, 1, 37, ISAKMP_E_SPI },		/* SPI past it */
		{ 47, 1, 2, ISAKMP_E_PROPOSAL },	/* 2 transforms? */
		{ 47, 1, 0, ISAKMP_E_PROPOSAL },
		{ 48, 1, 3, ISAKMP_E_TRANSFORM },	/* "more" at end */
		{ 50, 2, 7, ISAKMP_E_TRANSFORM },	/* xf len 7 */
		{ 50, 2, 37, ISAKMP_E_TRANSFORM },	/* past proposal */
		{ 50, 2, 35, ISAKMP_E_TRANSFORM },	/* proposal not filled */
		{ 78, 2, 5, ISAKMP_E_ATTRIBUTE },	/* TLV overflow */
		{ 78, 2, 0xffff, ISAKMP_E_ATTRIBUTE },
		{ 78, 2, 3, ISAKMP_E_ATTRIBUTE },	/* 1 byte over */
		{ 78, 2, 0, ISAKMP_E_ATTRIBUTE },	/* 4 left over */
	};
	struct blob		b = must_load("strongswan-f01.bin");
	struct isakmp_msg	m;
	struct isakmp_sa_pl	sa;
	uint8_t			*q;
	unsigned		i;

	ck_assert_uint_eq(get16(b.b_data + 78), 4);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		q = exact(b.b_data, b.b_len);
		if (cases[i].width == 1)
			q[cases[i].off] = (uint8_t)cases[i].val;
		else
			put16(q + cases[i].off, cases[i].val);
		ck_assert(isakmp_decode(&m, q, b.b_len) == ISAKMP_OK);
		ck_assert_msg(isakmp_sa_parse(&m.im_pld[0], &sa) ==
		    cases[i].want, "case %u: %s", i,
		    isakmp_err_str(isakmp_sa_parse(&m.im_pld[0], &sa)));
		ck_assert(isakmp_pld_check(&m.im_pld[0]) == cases[i].want);
		free(q);
	}
	free(b.b_data);
}
END_TEST

/* Build a message of N vendor IDs into BUF; its length. */
static size_t
vids(uint8_t *buf, size_t cap, unsigned n)
{
	struct isakmp_build	ib;
	size_t			len;
	unsigned		i;

	isakmp_build_init(&ib, buf, cap, &mm1_hdr);
	for (i = 0; i < n; i++)
		isakmp_build_payload(&ib, ISAKMP_PL_VID,
		    (const uint8_t *)"0123456789abcdef", 16);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_OK);
	return (len);
}

START_TEST(test_bounds)
{
	struct isakmp_build	 ib;
	struct isakmp_msg	 m;
	struct isakmp_sa_pl	 sa;
	uint8_t			 buf[4096];
	size_t			 len;
	unsigned		 i, n;

	len = vids(buf, sizeof(buf), ISAKMP_MAX_PAYLOADS);
	ck_assert_int_eq(decode_exact(buf, len), ISAKMP_OK);
	len = vids(buf, sizeof(buf), ISAKMP_MAX_PAYLOADS + 1);
	ck_assert_int_eq(decode_exact(buf, len), ISAKMP_E_TOO_MANY_PAYLOADS);

	/* Attributes per transform, proposals per SA. */
	for (n = ISAKMP_MAX_ATTRS; n <= ISAKMP_MAX_ATTRS + 1; n++) {
		isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
		isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, 1);
		isakmp_build_prop_begin(&ib, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
		isakmp_build_xf_begin(&ib, 1, ISAKMP_XF_KEY_IKE);
		for (i = 0; i < n; i++)
			isakmp_build_attr_tv(&ib, IKE_ATTR_ENC, 1);
		isakmp_build_end(&ib);
		isakmp_build_end(&ib);
		isakmp_build_end(&ib);
		ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_OK);
		ck_assert(isakmp_decode(&m, buf, len) == ISAKMP_OK);
		ck_assert_int_eq(isakmp_sa_parse(&m.im_pld[0], &sa),
		    n > ISAKMP_MAX_ATTRS ? ISAKMP_E_TOO_MANY : ISAKMP_OK);
	}
	for (n = ISAKMP_MAX_PROPOSALS; n <= ISAKMP_MAX_PROPOSALS + 1; n++) {
		isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
		isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, 1);
		for (i = 0; i < n; i++) {
			isakmp_build_prop_begin(&ib, (uint8_t)i,
			    ISAKMP_PROTO_ISAKMP, NULL, 0);
			isakmp_build_xf_begin(&ib, 1, ISAKMP_XF_KEY_IKE);
			isakmp_build_end(&ib);
			isakmp_build_end(&ib);
		}
		isakmp_build_end(&ib);
		ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_OK);
		ck_assert(isakmp_decode(&m, buf, len) == ISAKMP_OK);
		ck_assert_int_eq(isakmp_sa_parse(&m.im_pld[0], &sa),
		    n > ISAKMP_MAX_PROPOSALS ? ISAKMP_E_TOO_MANY : ISAKMP_OK);
	}
	/* 256 transforms in one proposal cannot be counted in a byte. */
	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_sa_begin(&ib, ISAKMP_DOI_IPSEC, 1);
	isakmp_build_prop_begin(&ib, 1, ISAKMP_PROTO_ISAKMP, NULL, 0);
	for (i = 0; i < 256; i++) {
		isakmp_build_xf_begin(&ib, (uint8_t)i, ISAKMP_XF_KEY_IKE);
		isakmp_build_end(&ib);
	}
	isakmp_build_end(&ib);
	ck_assert(isakmp_build_finish(&ib, &len) == ISAKMP_E_BUILD);
}
END_TEST

/* A message with one payload of TYPE and BODY; its decode result. */
static enum isakmp_err
one(uint8_t type, const uint8_t *body, size_t len, struct isakmp_msg *m)
{
	static uint8_t		buf[1024];
	struct isakmp_build	ib;
	size_t			mlen;

	isakmp_build_init(&ib, buf, sizeof(buf), &mm1_hdr);
	isakmp_build_payload(&ib, type, body, len);
	ck_assert(isakmp_build_finish(&ib, &mlen) == ISAKMP_OK);
	return (isakmp_decode(m, buf, mlen));
}

static enum isakmp_err
check_one(uint8_t type, const char *hexbody)
{
	struct isakmp_msg	m;
	uint8_t			body[300];
	size_t			len = strlen(hexbody) / 2;
	enum isakmp_err		e;

	hex(hexbody, body, len);
	if ((e = one(type, body, len, &m)) != ISAKMP_OK)
		return (e);
	return (isakmp_pld_check(&m.im_pld[0]));
}

START_TEST(test_payloads_malformed)
{
	struct isakmp_msg	m;
	uint8_t			nonce[257] = { 0 };

	/* Fixed parts short: refused by the chain walk. */
	ck_assert_int_eq(check_one(ISAKMP_PL_NOTIFY, "00000001030400"),
	    ISAKMP_E_PAYLOAD_LENGTH);
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE, ""),
	    ISAKMP_E_PAYLOAD_LENGTH);
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "010000"),
	    ISAKMP_E_PAYLOAD_LENGTH);
	ck_assert_int_eq(check_one(ISAKMP_PL_SA, "00000001"),
	    ISAKMP_E_PAYLOAD_LENGTH);
	ck_assert_int_eq(check_one(ISAKMP_PL_CERTREQ, ""),
	    ISAKMP_E_PAYLOAD_LENGTH);
	/* An SA without proposals. */
	ck_assert_int_eq(check_one(ISAKMP_PL_SA, "0000000100000001"),
	    ISAKMP_E_PROPOSAL);
	/* Delete: count x size must fill the body exactly. */
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE,
	    "0000000103040002" "0102030405060708"), ISAKMP_OK);
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE,
	    "0000000103040003" "0102030405060708"), ISAKMP_E_SPI);
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE,
	    "0000000103ffffff" "0102030405060708"), ISAKMP_E_SPI);
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE,
	    "0000000103040001" "0102030405060708"), ISAKMP_E_SPI);
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE, "0000000103040000"),
	    ISAKMP_E_SPI);
	ck_assert_int_eq(check_one(ISAKMP_PL_DELETE,
	    "0000000103000002"), ISAKMP_E_SPI);
	/* Notify: SPI size past the body; R-U-THERE with its sequence. */
	ck_assert_int_eq(check_one(ISAKMP_PL_NOTIFY,
	    "000000010110" "8d28" "00112233"), ISAKMP_E_SPI);
	ck_assert_int_eq(check_one(ISAKMP_PL_NOTIFY, "000000010100" "6002"),
	    ISAKMP_OK);
	/* ID data against its type. */
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "01000000" "0c010101"),
	    ISAKMP_OK);
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "01000000" "0c01010100"),
	    ISAKMP_E_ID);
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "04110000" "0a000000"),
	    ISAKMP_E_ID);
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "02000000"), ISAKMP_E_ID);
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "0c000000" "00"),
	    ISAKMP_E_ID);
	ck_assert_int_eq(check_one(ISAKMP_PL_ID, "03000000" "6140622e63"),
	    ISAKMP_OK);
	/* NAT-OA: an IPv4 address, or IPv6. */
	ck_assert_int_eq(check_one(ISAKMP_PL_NAT_OA, "01000000" "0a000001"),
	    ISAKMP_OK);
	ck_assert_int_eq(check_one(ISAKMP_PL_NAT_OA, "05000000" "0a000001"),
	    ISAKMP_E_ID);
	/* Mode-config attribute running past its payload. */
	ck_assert_int_eq(check_one(ISAKMP_PL_ATTR, "01000001" "00010004" "0a"),
	    ISAKMP_E_ATTRIBUTE);
	ck_assert_int_eq(check_one(ISAKMP_PL_ATTR, "01000001" "0001"),
	    ISAKMP_E_ATTRIBUTE);
	ck_assert_int_eq(check_one(ISAKMP_PL_ATTR, "01000001" "00010000"
	    "80020000"), ISAKMP_OK);
	/* Nonce 8..256 bytes; KE, hash, VID, NAT-D not empty. */
	ck_assert_int_eq(one(ISAKMP_PL_NONCE, nonce, 7, &m), ISAKMP_OK);
	ck_assert_int_eq(isakmp_pld_check(&m.im_pld[0]), ISAKMP_E_NONCE);
	ck_assert_int_eq(one(ISAKMP_PL_NONCE, nonce, 8, &m), ISAKMP_OK);
	ck_assert_int_eq(isakmp_pld_check(&m.im_pld[0]), ISAKMP_OK);
	ck_assert_int_eq(one(ISAKMP_PL_NONCE, nonce, 256, &m), ISAKMP_OK);
	ck_assert_int_eq(isakmp_pld_check(&m.im_pld[0]), ISAKMP_OK);
	ck_assert_int_eq(one(ISAKMP_PL_NONCE, nonce, 257, &m), ISAKMP_OK);
	ck_assert_int_eq(isakmp_pld_check(&m.im_pld[0]), ISAKMP_E_NONCE);
	ck_assert_int_eq(check_one(ISAKMP_PL_KE, ""), ISAKMP_E_EMPTY);
	ck_assert_int_eq(check_one(ISAKMP_PL_HASH, ""), ISAKMP_E_EMPTY);
	ck_assert_int_eq(check_one(ISAKMP_PL_NAT_D_DRAFT, ""),
	    ISAKMP_E_EMPTY);
	ck_assert_int_eq(check_one(ISAKMP_PL_VID, "00"), ISAKMP_OK);
}
END_TEST

static Suite *
isakmp_suite(void)
{
	Suite	*s = suite_create("isakmp");
	TCase	*tc = tcase_create("core");
	TCase	*tl = tcase_create("malformed");

	tcase_add_test(tc, test_captures);
	tcase_add_test(tc, test_strongswan_mm1);
	tcase_add_test(tc, test_strongswan_mm3);
	tcase_add_test(tc, test_strongswan_mm5);
	tcase_add_test(tc, test_strongswan_qm1);
	tcase_add_test(tc, test_vpnc_am1);
	tcase_add_test(tc, test_build_mm1);
	tcase_add_test(tc, test_build_informational);
	tcase_add_test(tc, test_build_errors);
	suite_add_tcase(s, tc);
	tcase_set_timeout(tl, 60);
	tcase_add_test(tl, test_truncation);
	tcase_add_test(tl, test_header);
	tcase_add_test(tl, test_payload_lengths);
	tcase_add_test(tl, test_sa_malformed);
	tcase_add_test(tl, test_bounds);
	tcase_add_test(tl, test_payloads_malformed);
	suite_add_tcase(s, tl);
	return (s);
}

int
main(void)
{
	SRunner	*sr = srunner_create(isakmp_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
