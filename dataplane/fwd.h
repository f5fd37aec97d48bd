/*
 * fwd.h: the dataplane's packet-path state (dataplane/fwd.c) and the
 * caches that live in it — route and own-address lookups remembered,
 * the flow cache (flowcache.c), crypto's egress (egress.c), the
 * packet buffers, ARP and ACL-log tables — for the files on the packet
 * path.  Internal to dataplane/, as dp_int.h, whose types it uses.
 */
#ifndef IOSH_DATAPLANE_FWD_H
#define IOSH_DATAPLANE_FWD_H

#include "dataplane/dp_int.h"

struct fwd;
struct echo_listener;
struct trace;
struct udp_ep;
/*
 * A route lookup remembered (route.c) and whether an address is the
 * router's (ip4.c): direct-mapped by address, each slot valid for the
 * generation it was filled under (0: empty).  A forwarded packet that
 * goes into a tunnel routes twice (the inner destination, then the
 * peer) and asks ip4_own three times; with these each is one compare.
 */
#define RTC_SLOTS	256
#define OWNC_SLOTS	64

struct rt_cached {
	uint64_t		 rc_gen;
	uint32_t		 rc_dst, rc_nh;
	struct dp_iface		*rc_ifp;	/* NULL: no route */
};

struct own_cached {
	uint64_t		 oc_gen;
	uint32_t		 oc_addr;
	bool			 oc_own;
};

/*
 * The flow cache (flowcache.c): the whole decision for a forwarded IPv4
 * packet that leaves protected — its key (the interface it came in on,
 * addresses, protocol, TOS, ports), the interface the route chose, the
 * hit counters of the crypto ACL rules the classification matched, and
 * crypto's decision (its compiled selector, opaque here) — filled by
 * recording the first packet's walk through the ordinary path, valid
 * while fc_gen() is what it was then.
 */
#define FC_SLOTS	256
#define FC_HITS		4	/* crypto ACL rules counted per packet */

struct fc_entry {
	uint64_t		 fe_gen;	/* fc_gen() when filled; 0 empty */
	/* The key (flowcache.c, fc_key): the interface it came in on,
	 * and two words — source << 32 | destination; the first 4 bytes
	 * of TCP/UDP (ICMP's type and code) << 32 | protocol << 16 |
	 * TOS << 8 | TCP's ACK and RST bits. */
	struct dp_iface		*fe_in;
	uint64_t		 fe_addrs, fe_l4;
	struct dp_iface		*fe_out;
	uint32_t		 fe_nh;		/* the route's next hop */
	uint8_t			 fe_nhits;
	uint64_t		*fe_hits[FC_HITS];
	const void		*fe_cookie;	/* crypto's */
};

/*
 * The egress of the router's own datagrams (egress.c): for one source
 * and destination, the route's interface and next hop and the link
 * header, valid while d_gen + d_rt_gen is what it was when filled.
 */
#define EG_BITS		6
#define EG_SLOTS	(1 << EG_BITS)

struct eg_entry {
	uint64_t		 eg_gen;	/* route_gen(); 0 empty */
	uint32_t		 eg_src, eg_dst;
	struct dp_iface		*eg_out;
	uint32_t		 eg_nh;
	/* The addresses' two 32-bit words as they lie in memory, summed
	 * in the machine's order (RFC 1071 2(B), as in_cksum). */
	uint64_t		 eg_msum;
	uint32_t		 eg_mtu;	/* eg_out's IP MTU */
	uint8_t			 eg_hl;		/* ETHER_HDRLEN or HDLC_HDRLEN */
	bool			 eg_arp;	/* the MAC asked of ARP per packet */
	/* link_hdr4's header, its last eg_hl bytes (it writes a header
	 * to end where the datagram begins). */
	uint8_t			 eg_hdr[ETHER_HDRLEN];
};

/* The walk being recorded (fc_rec_*): what it has seen so far. */
struct fc_rec {
	bool			 fr_on;		/* a walk is being recorded */
	bool			 fr_bad;	/* it did something not cached */
	/* Inside crypto's classification of the recorded packet: the
	 * rules counted now are its own. */
	bool			 fr_classifying;
	uint64_t		 fr_gen;	/* fc_gen() when it began */
	struct fc_entry		 fr_e;
};

struct fwd {
	/* The packet buffers (FWD_*_LEN bytes each) are made on first
	 * use, through fwd_frame() & co.: a configuration that never
	 * passes a packet maps none of them (the fuzzer's reset). */
	uint8_t			*f_frame;	/* link output */
	struct rt_cached	 f_rtc[RTC_SLOTS];
	struct own_cached	 f_ownc[OWNC_SLOTS];
	/* The forwarding copy: IPv4 at DP_HEADROOM (see dp.h), IPv6 at 0. */
	uint8_t			*f_fwdbuf;
	struct arp_entry	**f_arp;	/* hashed by address */
	struct nd_entry		**f_nd;		/* IPv6 neighbours, hashed */
	size_t			 f_narp;
	struct echo_listener	*f_echo;	/* a handful: ping sessions */
	struct trace		*f_traces;	/* traceroutes running */
	struct udp_ep		*f_udp;		/* sorted by port */
	size_t			 f_nudp;
	const struct dp_crypto_ops *f_crypto;
	void			*f_crypto_arg;
	struct local_pkt	*f_localq, **f_localq_tail;
	struct ev_timer		*f_local_timer;
	struct acl_log		*f_acl_log;	/* ACL_LOG_SLOTS flows */
	/* dp_ip_output copies into f_outbuf at DP_LINK_ROOM; fragments
	 * are built in f_fragbuf the same way: no allocation per packet. */
	uint8_t			*f_outbuf;
	uint8_t			*f_fragbuf;
	struct ev_timer		*f_acl_timer;	/* the 5-minute sweep */
	struct reasm		*f_reasm;	/* reasm.c, made on first use */
	uint16_t		 f_ip_id;
	/* tunnel.c: an encapsulated packet, built with DP_HEADROOM free
	 * before its outer header and DP_TAILROOM after it, so crypto can
	 * protect it in place (GRE over IPsec). */
	uint8_t			*f_tunbuf;
	struct fc_entry		 f_fc[FC_SLOTS];
	struct fc_rec		 f_fcrec;
	struct eg_entry		 f_eg[EG_SLOTS];	/* egress.c */
	uint64_t		 f_fc_hits;	/* packets it forwarded */
	uint64_t		 f_fc_runs;	/* of them, continuing a run */
	/* A burst (attach_rx_burst: one read of a wire) being received,
	 * nested depth, and its run (flowcache.c): the entry the frame
	 * before took, and that frame's number in f_rx_seq, which counts
	 * every frame received from a wire. */
	unsigned		 f_burst;
	uint64_t		 f_rx_seq;
	struct fc_entry		*f_run_e;
	uint64_t		 f_run_seq;
	/* crypto's generation (dp_crypto_gen): its configuration, which
	 * the cookies point into; NULL: none registered. */
	const uint64_t		*f_crypto_gen;
	/* The IPv4 datagram being received came in a link-layer broadcast
	 * frame (ether_input, for the length of its ip4_receive): RFC 1122
	 * 3.2.2 and RFC 1812 4.3.2.7 forbid an ICMP error about it, and
	 * the errors are made deep inside its delivery (icmp_error). */
	bool			 f_rx_l2bcast;
};

#define FWD_FRAME_LEN	FRAME_MAX
#define FWD_FWDBUF_LEN	(DP_HEADROOM + IP4_MAXLEN + DP_TAILROOM)
#define FWD_OUTBUF_LEN	(DP_LINK_ROOM + IP4_MAXLEN)
#define FWD_FRAGBUF_LEN	(DP_LINK_ROOM + IP4_MAXLEN)
#define FWD_TUNBUF_LEN	(DP_HEADROOM + TUN_HDRMAX + IP4_MAXLEN + DP_TAILROOM)

/* Made on first use (XBUF), freed by fwd_free. */
#define fwd_frame(f)	XBUF((f)->f_frame, FWD_FRAME_LEN)
#define fwd_fwdbuf(f)	XBUF((f)->f_fwdbuf, FWD_FWDBUF_LEN)
#define fwd_outbuf(f)	XBUF((f)->f_outbuf, FWD_OUTBUF_LEN)
#define fwd_fragbuf(f)	XBUF((f)->f_fragbuf, FWD_FRAGBUF_LEN)
#define fwd_tunbuf(f)	XBUF((f)->f_tunbuf, FWD_TUNBUF_LEN)

/* A walk being recorded is not one decision (flowcache.c): what a
 * packet's walk receives inside it (a decapsulated datagram, ESP).
 * Inline: twice for every ESP packet a router receives, and a test. */
static inline void
fc_rec_abort(struct dataplane *dp)
{
	struct fc_rec	*r = &dp->d_fwd->f_fcrec;

	if (r->fr_on)
		r->fr_bad = true;
}

#define ARP_HASH	1024
#define ACL_LOG_SLOTS	256
#define ACL_LOG_MS	(5ULL * 60 * 1000)	/* IOS aggregates 5 minutes */

void		 fwd_init(struct dataplane *);
void		 fwd_free(struct dataplane *);
/* Deliver a packet (IPv4 or IPv6) of the router to itself through the
 * event loop. */
void		 fwd_local(struct dataplane *, const uint8_t *, size_t);

/* egress.c: crypto's datagram IP (its header filled but the checksum,
 * the source ours, DP_LINK_ROOM writable before it) sent as ip4_send
 * with IP4_OWN | IP4_NOCRYPTO | IP4_ROOM sends it; enum dp_send_result. */
int		 eg_send(struct dataplane *, uint8_t *ip, size_t len);

/* flowcache.c */
/* The value every entry is checked against: d_gen + d_rt_gen +
 * d_fc_gen + crypto's generation, + 1 (0 is an empty slot).  Each term
 * only grows, so the sum moves whenever any of them does. */
static inline uint64_t
fc_gen(const struct dataplane *dp)
{
	const struct fwd	*f = dp->d_fwd;

	return dp->d_gen + dp->d_rt_gen + dp->d_fc_gen +
	    (f->f_crypto_gen != NULL ? *f->f_crypto_gen : 0) + 1;
}
/* Around the frames of one read of a wire (attach_rx_burst), nested:
 * consecutive frames of one flow inside make a run (fc_forward). */
void		 fc_burst_begin(struct dataplane *);
void		 fc_burst_end(struct dataplane *);
/* Every frame received from a wire, burst or not, before its link
 * layer sees it: what is between two frames of a run.  True: the frame
 * before it took the run's entry, so this one may continue the run
 * (fc_frame), asked here where the count is at hand. */
static inline bool
fc_rx_frame(struct dataplane *dp)
{
	struct fwd	*f = dp->d_fwd;

	return ++f->f_rx_seq == f->f_run_seq + 1 && f->f_run_e != NULL;
}
/* Forward IP (received on IN, its header checked, LEN its total length)
 * by its cached decision: true if it was (sent, or dropped as the
 * ordinary path would have), false if the ordinary path must take it
 * (nothing done). */
bool		 fc_forward(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len);
/* A frame of IN's wire (IN up) that fc_rx_frame said may continue a
 * run, taken from the link layer on in one step: true if it was, false
 * if link_input must take it (nothing done).  Any other frame (an ESP
 * packet received, a run's first) pays no call. */
bool		 fc_frame(struct dp_iface *in, const uint8_t *frame,
		    size_t len);
/* Recording the ordinary path's walk of one packet: begin (IN, IP as
 * received), what it saw (the route's interface; a rule's hit counter;
 * something the cache cannot replay), end (the entry filled if crypto
 * noted its decision). */
void		 fc_rec_begin(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len);
void		 fc_rec_route(struct dataplane *, struct dp_iface *out,
		    uint32_t nh);
/* Around co_outbound_inplace for the recorded packet. */
void		 fc_rec_classify(struct dataplane *, bool on);
void		 fc_rec_hit(struct dataplane *, uint64_t *hits);
void		 fc_rec_end(struct dataplane *);
/* Every entry stale at once (d_fc_gen++). */
void		 fc_flush(struct dataplane *);

#endif
