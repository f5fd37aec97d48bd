/*
 * ike_vid: the vendor IDs iosh sends and recognises, and NAT discovery
 * (RFC 3947's NAT-D payloads), with IOS's debug lines.
 *
 * IOS reads a 16-byte vendor ID as a Unity/DPD one whose byte 14 is the
 * major version; for the NAT-T IDs that byte is not 1, hence its
 * "vendor ID seems Unity/DPD but major 69 mismatch" before "vendor ID is
 * NAT-T RFC 3947" (0x45 is byte 14 of RFC 3947's ID).  IOS's own vendor
 * ID ("speaking to another IOS box!") is not sent: its bytes are not in
 * the references this project works from.
 */
#include <string.h>

#include "crypto/ike_debug.h"
#include "crypto/ike_int.h"
#include "crypto/ike_prf.h"
#include "crypto/isakmp_build.h"
#include "crypto/isakmp_wire.h"

#define VID_LEN	16

static const uint8_t vid_rfc3947[VID_LEN] = {
	0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45,
	0x5c, 0x57, 0x28, 0xf2, 0x0e, 0x95, 0x45, 0x2f };
static const uint8_t vid_natt07[VID_LEN] = {
	0x43, 0x9b, 0x59, 0xf8, 0xba, 0x67, 0x6c, 0x4c,
	0x77, 0x37, 0xae, 0x22, 0xea, 0xb8, 0xf5, 0x82 };
static const uint8_t vid_natt03[VID_LEN] = {
	0x7d, 0x94, 0x19, 0xa6, 0x53, 0x10, 0xca, 0x6f,
	0x2c, 0x17, 0x9d, 0x92, 0x15, 0x52, 0x9d, 0x56 };
static const uint8_t vid_natt02[VID_LEN] = {
	0x90, 0xcb, 0x80, 0x91, 0x3e, 0xbb, 0x69, 0x6e,
	0x08, 0x63, 0x81, 0xb5, 0xec, 0x42, 0x7b, 0x1f };
static const uint8_t vid_unity[VID_LEN] = {
	0x12, 0xf5, 0xf2, 0x8c, 0x45, 0x71, 0x68, 0xa9,
	0x70, 0x2d, 0x9f, 0xe2, 0x74, 0xcc, 0x01, 0x00 };
static const uint8_t vid_dpd[VID_LEN] = {
	0xaf, 0xca, 0xd7, 0x13, 0x68, 0xa1, 0xf1, 0xc9,
	0x6b, 0x86, 0x96, 0xfc, 0x77, 0x57, 0x01, 0x00 };

static const struct {
	const uint8_t	*vid;
	const char	*built;		/* " constructed NAT-T vendor-%s ID" */
	const char	*seen;		/* " vendor ID is NAT-T %s" */
} natt[] = {
	{ vid_rfc3947, "rfc3947", "RFC 3947" },
	{ vid_natt07, "07", "v7" },
	{ vid_natt03, "03", "v3" },
	{ vid_natt02, "02", "v2" },
};

void
ike_vid_build(struct crypto *c, uint32_t dbg, struct isakmp_build *b,
    bool mm1, bool mm2_natt, bool mm4)
{
	size_t	i;

	for (i = 0; i < sizeof(natt) / sizeof(natt[0]); i++) {
		if (c->c_natt_off || (!mm1 && !(mm2_natt && i == 0)))
			break;
		ike_debug(c, dbg, " constructed NAT-T vendor-%s ID",
		    natt[i].built);
		isakmp_build_payload(b, ISAKMP_PL_VID, natt[i].vid, VID_LEN);
	}
	if (mm4) {
		isakmp_build_payload(b, ISAKMP_PL_VID, vid_unity, VID_LEN);
		isakmp_build_payload(b, ISAKMP_PL_VID, vid_dpd, VID_LEN);
	}
}

/*
 * NAT-T over IPv6 too, unlike seed 003's IOS 15.2 peers (over IPv6 they
 * offer no NAT-T vendor ID and send no NAT-D; Cisco's NAT-Traversal
 * restrictions say it is "not supported for IPv6 traffic"): a peer whose
 * ESP travels only in UDP (strongSwan's kernel-libipsec) could not reach
 * an IPv6 VTI otherwise, and RFC 3947 is family-neutral.  The lines it
 * adds to seed 003's transcripts are frozen in tests/ike_seed003.sh.
 */
void
ike_vid_read(struct ike_p1 *p, const struct isakmp_pld *pl)
{
	size_t	i;

	ike_debug(p->p_c, p->p_dbg, " processing vendor id payload");
	if (pl->pl_bodylen != VID_LEN)
		return;
	if (memcmp(pl->pl_body, vid_unity, VID_LEN) == 0) {
		ike_debug(p->p_c, p->p_dbg, " vendor ID is Unity");
		p->p_unity = true;
		return;
	}
	if (memcmp(pl->pl_body, vid_dpd, VID_LEN) == 0) {
		ike_debug(p->p_c, p->p_dbg, " vendor ID is DPD");
		p->p_dpd = true;
		return;
	}
	if (pl->pl_body[14] != 1)
		ike_debug(p->p_c, p->p_dbg, " vendor ID seems Unity/DPD but "
		    "major %u mismatch", pl->pl_body[14]);
	for (i = 0; i < sizeof(natt) / sizeof(natt[0]); i++)
		if (memcmp(pl->pl_body, natt[i].vid, VID_LEN) == 0) {
			ike_debug_sp(p->p_c, p->p_dbg, " vendor ID is NAT-T %s",
			    natt[i].seen);
			/* Not offered ourselves: the peer's offer is moot. */
			if (i == 0 && !p->p_c->c_natt_off)
				p->p_natt = true;
			return;
		}
}

/* HASH(CKY-I | CKY-R | IP | Port), RFC 3947 section 3.2: the address
 * and port as the packets carry them (a NAT before the peer changes its
 * 500 to another port, and only its port in a NAT that keeps the
 * address). */
static bool
natd_hash(struct ike_p1 *p, const struct sa_addr *addr, uint16_t port_no,
    uint8_t *out)
{
	uint8_t			port[2];
	struct ike_piece	pc[4];

	put16(port, port_no);
	pc[0].ip_p = p->p_sa->is_icookie;
	pc[0].ip_len = 8;
	pc[1].ip_p = p->p_sa->is_rcookie;
	pc[1].ip_len = 8;
	pc[2].ip_p = addr->sa_addr;	/* 16 bytes over IPv6 */
	pc[2].ip_len = addr->sa_family == 6 ? 16 : 4;
	pc[3].ip_p = port;
	pc[3].ip_len = 2;
	return ike_hash(p->p_hash, pc, 4, out) == 0;
}

#define NATD_PEER	0
#define NATD_SELF	1

/* ND's hash WHICH, made now if it is not yet; NULL if it failed. */
static const uint8_t *
natd_get(struct ike_p1 *p, struct ike_natd *nd, int which)
{
	if (!nd->nd_made[which]) {
		nd->nd_made[which] = true;
		nd->nd_ok[which] = which == NATD_PEER ?
		    natd_hash(p, &p->p_peer, p->p_sa->is_rport, nd->nd_h[which]) :
		    natd_hash(p, &p->p_local, p->p_sa->is_lport,
		    nd->nd_h[which]);
	}
	return nd->nd_ok[which] ? nd->nd_h[which] : NULL;
}

/* The peer's address as we send to it, then ours. */
void
ike_natd_build(struct ike_p1 *p, struct isakmp_build *b, struct ike_natd *nd)
{
	struct ike_natd	 own;
	const uint8_t	*h;
	size_t		 len = ike_hash_len(p->p_hash);

	if (nd == NULL) {
		memset(&own, 0, sizeof(own));
		nd = &own;
	}
	if ((h = natd_get(p, nd, NATD_PEER)) != NULL)
		isakmp_build_payload(b, ISAKMP_PL_NAT_D, h, len);
	if ((h = natd_get(p, nd, NATD_SELF)) != NULL)
		isakmp_build_payload(b, ISAKMP_PL_NAT_D, h, len);
}

/* The peer's NAT-D payloads: the first hashes us as it sees us, the
 * second itself.  Both as computed here: no NAT on the path. */
void
ike_natd_check(struct ike_p1 *p, const struct isakmp_msg *m,
    struct ike_natd *nd)
{
	struct ike_natd	 own;
	const uint8_t	*h;
	size_t		 len = ike_hash_len(p->p_hash);
	unsigned	 i, n = 0;
	bool		 self_ok = true, peer_ok = true;

	if (nd == NULL) {
		memset(&own, 0, sizeof(own));
		nd = &own;
	}

	for (i = 0; i < m->im_npld; i++) {
		if (m->im_pld[i].pl_type != ISAKMP_PL_NAT_D)
			continue;
		ike_debug_raw(p->p_c, "received payload type 20");
		if (n++ == 0) {
			self_ok = (h = natd_get(p, nd, NATD_SELF)) != NULL &&
			    m->im_pld[i].pl_bodylen == len &&
			    memcmp(h, m->im_pld[i].pl_body, len) == 0;
			ike_debug_sp(p->p_c, p->p_dbg, " His hash no match - "
			    "this node %s NAT", self_ok ? "outside" : "inside");
		} else {
			peer_ok = (h = natd_get(p, nd, NATD_PEER)) != NULL &&
			    m->im_pld[i].pl_bodylen == len &&
			    memcmp(h, m->im_pld[i].pl_body, len) == 0;
			if (self_ok && peer_ok)
				ike_debug_sp(p->p_c, p->p_dbg, " No NAT Found "
				    "for self or peer");
			else
				ike_debug_sp(p->p_c, p->p_dbg, " NAT found, "
				    "%s inside NAT", peer_ok ? "this node" :
				    "the peer");
		}
	}
	if (n > 0 && !(self_ok && peer_ok))
		p->p_sa->is_caps |= ISK_CAP_NATT;
}
