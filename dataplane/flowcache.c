/*
 * flowcache: the forwarding decision of a protected flow, remembered.
 *
 * A forwarded IPv4 packet that leaves through a crypto map walks the
 * inbound checks, the route, NAT, the outbound access group, the SPD
 * (each entry's ACL classified in turn) before ESP: ~1,000 instructions
 * that decide the same thing for every packet of a flow.  The first
 * packet of a flow walks the ordinary path while it is recorded
 * (fc_rec_*): the route's interface, the crypto ACL rules it counted,
 * and crypto's decision (dp_fast_note: its compiled selector).  The next
 * packets with the same key — the interface they came in on, source,
 * destination, protocol, TOS, TCP/UDP ports or ICMP type and code, TCP's
 * ACK and RST bits (what an ACL may look at) — take the entry: TTL,
 * the forwarding copy, the rules' hit counters, and crypto's
 * co_fast_out, which does what protect() does after classifying
 * (the flow by its hash, its SA, lifetimes, path MTU, ESP).
 *
 * Nothing the entry holds can go stale unseen.  It is valid while
 * fc_gen() equals what it was when the entry was filled, a sum of
 * counters that only grow while crypto's owner stays (fc_flush):
 *  - d_gen: ACLs (the rules' counters it points at are reallocated when
 *    an ACL changes), interfaces created or deleted (the pointers it
 *    holds), addresses (the packet might be the router's own now),
 *    `crypto map` bindings;
 *  - d_rt_gen: static routes, interfaces shut or opened, wires attached
 *    or closed (the route it remembers);
 *  - d_fc_gen (fc_flush, which also empties the table): crypto's hook
 *    or its generation registered or gone (the cookies' owner);
 *  - crypto's generation (dp_crypto_gen): crypto map entries, their
 *    peers and ACL names, transform sets — what the SPD, and so the
 *    cookie, is compiled from; the compiled SPD is rebuilt, and the
 *    cookies it held freed, only when this or d_gen moves.
 * What is looked up again per packet needs no invalidation: the SA (a
 * rekey, an expiry, `clear crypto sa` take effect on the next packet as
 * on the ordinary path, which looks the flow and its SA up by hash the
 * same way), the SA's lifetime in kilobytes, the path MTU, and the link
 * layer (ARP is asked per packet by link_output_ip4_room).  The
 * interface properties the ordinary path tests per packet (an access
 * group, NAT inside/outside, the crypto map) are tested again too:
 * setting them need not move any generation.
 *
 * Not cached (the ordinary path every time): packets with IP options or
 * fragments, for the router, from an interface with an inbound access
 * group, `crypto map` (the inbound policy check) or `ip nat outside`,
 * through NAT or an outbound access group, what crypto did not note
 * (IKE's own traffic, dynamic map entries, no entry matching), and any
 * walk during which another packet was received.
 *
 * Direct-mapped, FC_SLOTS entries in struct fwd: a collision replaces
 * the older flow, nothing is allocated.
 */
#include <string.h>

#include "dataplane/dp_int.h"
#include "dataplane/fwd.h"

#define IP_MF_OFF	0x3fff	/* MF and the fragment offset */

#define TCP_ACK_RST	0x14

/*
 * Crypto's hook or its generation came or went: every entry dropped, not
 * only outdated.  The sum fc_gen() only grows while its terms do, and
 * the crypto term does not when its owner changes (a new owner's
 * counter starts anew, none counts 0), so a sum seen before could come
 * back with another owner's cookies in the entries it validated.
 * d_fc_gen still moves: a walk being recorded across this leaves no
 * entry (fc_rec_end compares the generation).
 */
void
fc_flush(struct dataplane *dp)
{
	memset(dp->d_fwd->f_fc, 0, sizeof(dp->d_fwd->f_fc));
	dp->d_fc_gen++;
}

void
dp_crypto_gen(struct dataplane *dp, const uint64_t *gen)
{
	dp->d_fwd->f_crypto_gen = gen;
	fc_flush(dp);
}

/*
 * The packet's key into E (false: not a packet the cache takes).  The
 * header was checked (ip4_receive): LEN is its total length.  Two
 * words made in registers and stored whole: the key of fc_forward's
 * packet lies on the stack, and a compare that loads a word from
 * fields stored one by one a few instructions before must wait for
 * the stores to reach the cache (the processor forwards a load only
 * from one store that holds it all) — that wait was a third of
 * fc_forward's time when the fields were four 32-bit and three 8-bit
 * ones.
 */
static inline bool
fc_key(struct fc_entry *e, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	const uint8_t	*l4 = ip + 20;
	uint32_t	 ports = 0;
	uint8_t		 tcpf = 0;

	if (ip[0] != 0x45 || (get16(ip + 6) & IP_MF_OFF) != 0)
		return false;
	switch (ip[9]) {
	case IPP_TCP:
		if (len < 20 + 14)
			return false;
		ports = get32(l4);
		tcpf = l4[13] & TCP_ACK_RST;
		break;
	case IPP_UDP:
		if (len < 20 + 4)
			return false;
		ports = get32(l4);
		break;
	case IPP_ICMP:
		if (len < 20 + 2)
			return false;
		ports = (uint32_t)get16(l4) << 16;
		break;
	default:
		break;
	}
	e->fe_in = in;
	e->fe_addrs = (uint64_t)get32(ip + 12) << 32 | get32(ip + 16);
	e->fe_l4 = (uint64_t)ports << 32 | (uint32_t)ip[9] << 16 |
	    (uint32_t)ip[1] << 8 | tcpf;
	return true;
}

static struct fc_entry *
fc_slot(struct fwd *f, const struct fc_entry *k)
{
	uint32_t	src = (uint32_t)(k->fe_addrs >> 32),
			dst = (uint32_t)k->fe_addrs,
			ports = (uint32_t)(k->fe_l4 >> 32),
			proto = (uint8_t)(k->fe_l4 >> 16);
	uint32_t	h = src * 2654435761U ^ dst * 2246822519U ^
			    ports * 3266489917U ^ proto;

	return &f->f_fc[(h ^ h >> 16) & (FC_SLOTS - 1)];
}

static bool
fc_same(const struct fc_entry *a, const struct fc_entry *b)
{
	return a->fe_in == b->fe_in && a->fe_addrs == b->fe_addrs &&
	    a->fe_l4 == b->fe_l4;
}

/* Eight 16-bit lanes: a 16-byte word whose lanes 4 and 5 (bytes 8 to
 * 11) are replaced in the register (SSE2's pinsrw on x86-64). */
typedef uint16_t fc_v8 __attribute__((vector_size(16)));

/*
 * ip4_forward's copy of a datagram of LEN bytes (20 or more) from SRC
 * to DST, its TTL down by one and its checksum updated (ip4_ttl_w of W,
 * SRC's bytes 8 to 11, read before the copy: the source may overlap
 * it).  Up to 64 bytes, the small packets (TCP's ACKs, a VoIP frame)
 * that a gateway sees most, by four 16-byte words loaded, then stored
 * (the head and the tail overlap for less than 64; all loads come
 * first, so it is memmove's answer whatever the buffers), the header's
 * first word stored last with its new TTL and checksum already in it:
 * ESP reads it back as one 16-byte block (AES) a moment later, and a
 * load that spans several smaller stores still in the store buffer
 * cannot be forwarded from them and waits until they are written
 * (t29a: 1.5% of a 64-byte packet's path).  Longer ones by memmove,
 * for which the call is a small part of the cost, then the TTL.
 */
static inline __attribute__((always_inline)) void
fc_copy(uint8_t *dst, const uint8_t *src, size_t len, uint32_t w)
{
	fc_v8		a, b, y, z;
	uint8_t		n[4];
	uint16_t	ttl_proto, sum;

	if (len > 64 || len < 32) {
		memmove(dst, src, len);
		ip4_dec_ttl_w(dst, w);
		return;
	}
	memcpy(&a, src, 16);
	memcpy(&b, src + 16, 16);
	memcpy(&y, src + len - 32, 16);
	memcpy(&z, src + len - 16, 16);
	put32(n, ip4_ttl_w(w));
	memcpy(&ttl_proto, n, 2);
	memcpy(&sum, n + 2, 2);
	a[4] = ttl_proto;
	a[5] = sum;
	memcpy(dst + len - 32, &y, 16);
	memcpy(dst + len - 16, &z, 16);
	memcpy(dst + 16, &b, 16);
	memcpy(dst, &a, 16);
}

/* What the ordinary path tests per packet on these interfaces and the
 * cache does not replay: an access group, NAT, the inbound policy
 * check; and the crypto map the decision is for. */
static bool
fc_ifaces_plain(const struct fwd *f, const struct dp_iface *in,
    const struct dp_iface *out)
{
	return in->if_acl_in == NULL && in->if_crypto_map == NULL &&
	    in->if_nat == NAT_NONE && out->if_acl_out == NULL &&
	    out->if_nat == NAT_NONE && out->if_crypto_map != NULL &&
	    f->f_crypto != NULL && f->f_crypto->co_fast_out != NULL;
}

/*
 * A burst: the frames of one read of a wire, handed over together
 * (attach_rx_burst).  Inside it, a frame that takes the same entry as
 * the frame received just before it continues that frame's run: no
 * command, timer or other packet ran between the two (each frame from
 * a wire moves f_rx_seq; a burst's end and a nested one's beginning
 * end the run), so what only those change need not be asked again:
 * the interfaces' access groups, NAT and crypto map (fc_ifaces_plain),
 * and what crypto decided (co_fast_out's RUN).  fc_gen() is still
 * compared per packet: a packet's own sending may move it.
 */
void
fc_burst_begin(struct dataplane *dp)
{
	struct fwd	*f = dp->d_fwd;

	f->f_burst++;
	f->f_run_e = NULL;
}

void
fc_burst_end(struct dataplane *dp)
{
	struct fwd	*f = dp->d_fwd;

	f->f_burst--;
	f->f_run_e = NULL;
}

/*
 * The cached decision taken for IP (LEN bytes, its header checked and
 * its key E's, fc_gen() E's, received on IN): fc_forward's part after
 * the lookup, inline in it and in fc_frame.  RUN: E is the run's.
 */
static inline __attribute__((always_inline)) bool
fc_take(struct dataplane *dp, struct fwd *f, struct fc_entry *e,
    struct dp_iface *in, const uint8_t *ip, size_t len, bool run)
{
	uint8_t			*copy;
	uint32_t		 w;
	unsigned		 i;

	/* Time exceeded: the ordinary path answers it. */
	if (ip[8] <= 1)
		return false;
	/* ip4_forward's copy and TTL, then its rules' counters as the
	 * classification would have counted them. */
	copy = fwd_fwdbuf(f) + DP_HEADROOM;
	w = get32(ip + 8);
	if (ip != copy)
		fc_copy(copy, ip, len, w);
	else
		ip4_dec_ttl_w(copy, w);
	for (i = 0; i < e->fe_nhits; i++)
		(*e->fe_hits[i])++;
	f->f_fc_hits++;
	f->f_fc_runs += run;
	/* The next frame of this burst may continue the run. */
	f->f_run_e = f->f_burst != 0 ? e : NULL;
	f->f_run_seq = f->f_rx_seq;
	switch (f->f_crypto->co_fast_out(f->f_crypto_arg, e->fe_out,
	    e->fe_cookie, copy, len, run)) {
	case DP_CRYPTO_CONSUMED:
	case DP_CRYPTO_DROP:
		break;
	case DP_CRYPTO_PASS:
		(void)ip4_link_out(dp, in, e->fe_out, e->fe_nh, copy, len,
		    IP4_ROOM | IP4_FWDBUF);
		break;
	}
	return true;
}

bool
fc_forward(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	struct fwd		*f = dp->d_fwd;
	struct fc_entry		 k, *e;
	bool			 run;

	if (!fc_key(&k, in, ip, len))
		return false;
	/* The run's entry is the slot of its key: compared, not hashed. */
	run = f->f_run_e != NULL && f->f_run_seq + 1 == f->f_rx_seq &&
	    fc_same(f->f_run_e, &k);
	e = run ? f->f_run_e : fc_slot(f, &k);
	if (e->fe_gen != fc_gen(dp) || (!run && (!fc_same(e, &k) ||
	    !fc_ifaces_plain(f, in, e->fe_out))))
		return false;
	return fc_take(dp, f, e, in, ip, len, run);
}

/*
 * A frame from IN's wire that may continue a run (fc_rx_frame: the
 * frame before it, the previous one received, took the run's entry),
 * from the link layer to crypto in one step: what link_input, ip4_receive and fc_forward do
 * for it, in their order, without their calls and the tests whose
 * answers a run's frame has.  False, nothing done: the layered path
 * takes the frame (not a run's next frame, another link header, a
 * header ip4_receive would refuse or walk, another key, the entry
 * stale) and decides as ever.  Every test that can refuse comes before
 * the first thing done (the input counters), so a refused frame is
 * taken whole by the layered path.
 *
 * The link: Ethernet II (serial links' HDLC is left to the layered
 * path) for the interface's own MAC (a unicast one: not CDP's group; a
 * broadcast frame's datagram is never forwarded, RFC 1812 5.3.4), type
 * IPv4, no subinterface that could claim it (802.1Q's native VLAN).
 * The header: ip4_receive's checks for a 20-byte header (a total
 * length within the frame, the checksum), the tunnels' line protocols
 * current (ip4_receive would sync them first),
 * no walk being recorded.  Then fc_forward's run: the key the run's
 * entry's (fc_key: not a fragment, the protocol's ports), fc_gen().
 */
bool
fc_frame(struct dp_iface *in, const uint8_t *frame, size_t len)
{
	struct dataplane	*dp = in->if_dp;
	struct fwd		*f = dp->d_fwd;
	struct fc_entry		 k, *e = f->f_run_e;
	const uint8_t		*ip;
	size_t			 n, tot;

	if (e->fe_in != in)
		return false;
	if (!link_ethernet(in))
		return false;
	if (len < ETHER_HDRLEN + 20 ||
	    memcmp(frame, in->if_attach.at_mac, 6) != 0 ||
	    get16(frame + 12) != ETHERTYPE_IP || dot1q_may_have(in))
		return false;
	ip = frame + ETHER_HDRLEN;
	n = len - ETHER_HDRLEN;
	tot = get16(ip + 2);
	if (ip[0] != 0x45 || tot < 20 || tot > n || !in_cksum_ok20(ip) ||
	    dp->d_tun_gen != route_gen(dp) || f->f_fcrec.fr_on ||
	    !fc_key(&k, in, ip, tot) || !fc_same(e, &k) ||
	    e->fe_gen != fc_gen(dp) || ip[8] <= 1)
		return false;
	attach_count_in(in, len);
	return fc_take(dp, f, e, in, ip, tot, true);
}

void
fc_rec_begin(struct dataplane *dp, struct dp_iface *in, const uint8_t *ip,
    size_t len)
{
	struct fc_rec	*r = &dp->d_fwd->f_fcrec;

	memset(r, 0, sizeof(*r));
	r->fr_on = true;
	r->fr_gen = fc_gen(dp);
	if (in->if_acl_in != NULL || in->if_crypto_map != NULL ||
	    in->if_nat != NAT_NONE || !fc_key(&r->fr_e, in, ip, len))
		r->fr_bad = true;
}

void
fc_rec_route(struct dataplane *dp, struct dp_iface *out, uint32_t nh)
{
	struct fc_rec	*r = &dp->d_fwd->f_fcrec;

	if (!r->fr_on)
		return;
	if (r->fr_e.fe_out != NULL)	/* routed twice: not one decision */
		r->fr_bad = true;
	r->fr_e.fe_out = out;
	r->fr_e.fe_nh = nh;
}

void
fc_rec_classify(struct dataplane *dp, bool on)
{
	struct fc_rec	*r = &dp->d_fwd->f_fcrec;

	if (r->fr_on)
		r->fr_classifying = on;
}

void
fc_rec_hit(struct dataplane *dp, uint64_t *hits)
{
	struct fc_rec	*r;

	if (dp->d_fwd == NULL)
		return;
	r = &dp->d_fwd->f_fcrec;
	/* Only the recorded packet's classification counts: a packet the
	 * router makes meanwhile (an ICMP error) is classified too. */
	if (!r->fr_on || !r->fr_classifying)
		return;
	if (r->fr_e.fe_nhits == FC_HITS)
		r->fr_bad = true;
	else
		r->fr_e.fe_hits[r->fr_e.fe_nhits++] = hits;
}

void
dp_fast_note(struct dataplane *dp, struct dp_iface *out, const void *cookie)
{
	struct fc_rec	*r = &dp->d_fwd->f_fcrec;

	if (!r->fr_on || !r->fr_classifying)
		return;
	/* Noted once, for the interface the route chose. */
	if (r->fr_e.fe_cookie != NULL || out != r->fr_e.fe_out)
		r->fr_bad = true;
	r->fr_e.fe_cookie = cookie;
	/* What follows (ESP, an ICMP error, IKE) is not classification. */
	r->fr_classifying = false;
}

void
fc_rec_end(struct dataplane *dp)
{
	struct fwd	*f = dp->d_fwd;
	struct fc_rec	*r = &f->f_fcrec;
	struct fc_entry	*e;

	if (r->fr_on && !r->fr_bad && r->fr_e.fe_cookie != NULL &&
	    r->fr_e.fe_out != NULL &&
	    fc_ifaces_plain(f, r->fr_e.fe_in, r->fr_e.fe_out) &&
	    r->fr_gen == fc_gen(dp)) {
		/* Under the generation the walk began and ended with: a
		 * change during the walk (IKE begun, a flush) leaves no
		 * entry behind. */
		e = fc_slot(f, &r->fr_e);
		*e = r->fr_e;
		e->fe_gen = r->fr_gen;
	}
	r->fr_on = false;
}
