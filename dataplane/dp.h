/*
 * dp: the dataplane of one router — interfaces and their configuration,
 * static routes, access lists, NAT rules; later the packet forwarder.
 *
 * The shell creates it at start-up (vty->v_sys->sy_dp).  Crypto reads ACLs
 * and interfaces through the functions below and never the structs, so
 * the dataplane can change its representation freely.
 */
#ifndef IOSH_DATAPLANE_DP_H
#define IOSH_DATAPLANE_DP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/nvgen.h"
#include "lib/strbuf.h"

struct dataplane;
struct dp_iface;
struct dp_acl;
struct system;
struct vty;
struct cmd_args;

struct dataplane *dp_new(struct system *);
void		 dp_free(struct dataplane *);
/* Render the dataplane objects that belong to SECTION. */
void		 dp_nvgen(const struct dataplane *, enum nv_section,
		    struct strbuf *);
/* The interface lines iosh stores but does not act on (show iosh inert). */
void		 dp_inert_nvgen(const struct dataplane *, struct strbuf *);

/* Interfaces, in IOS order (by type, then slot/port numbers). */
struct dp_iface	*dp_iface_first(const struct dataplane *);
struct dp_iface	*dp_iface_next(const struct dp_iface *);
/* By name as IOS accepts it ("Serial1/2", "serial 1/2", "s1/2", "f0/0"). */
struct dp_iface	*dp_iface_find(const struct dataplane *, const char *name);
/* NAME as IOS's short tables print it ("Fa0/0", "Tu0"); NAME itself if
 * no such interface. */
void		 dp_ifname_short(const struct dataplane *, const char *name,
		    char *buf, size_t len);
const char	*dp_iface_name(const struct dp_iface *);	/* "Serial1/2" */
/* The existing interface a command names, as `TYPE$type WORD$num` ("Loopback
 * 0") or `WORD$name` ("Loopback0", "lo0"); NULL, with the caret under the
 * word (vty_invalid), when it names none, as IOS's parser answers. */
struct dp_iface	*dp_iface_named(struct vty *, const struct cmd_args *);
/* The crypto map applied with `crypto map NAME` (NULL: none).  The
 * interface renders it as its last line; crypto owns the command. */
const char	*dp_iface_crypto_map(const struct dp_iface *);
void		 dp_iface_set_crypto_map(struct dp_iface *, const char *);
/* The IPsec profile of `tunnel protection ipsec profile NAME` on a Tunnel
 * (NULL: none).  Crypto owns the command; the tunnel renders it. */
const char	*dp_iface_tunnel_protection(const struct dp_iface *);
void		 dp_iface_set_tunnel_protection(struct dp_iface *, const char *);
/* Its `shared` keyword (kept and rendered; one tunnel's SAs either way). */
bool		 dp_iface_tunnel_shared(const struct dp_iface *);
void		 dp_iface_set_tunnel_shared(struct dp_iface *, bool);
/* A tunnel's outer addresses (host order) and the interface its source
 * is, once its source, destination and route resolve (what a GRE
 * tunnel's line protocol needs, and a VTI's before its SAs); false
 * otherwise or for another interface. */
bool		 dp_iface_tunnel_ends(const struct dp_iface *, uint32_t *src,
		    uint32_t *dst, struct dp_iface **srcif);
/* The same for a tunnel whose outer addresses are IPv6 ones (`tunnel
 * mode ipsec ipv6`), which dp_iface_tunnel_ends does not give. */
bool		 dp_iface_tunnel_ends6(const struct dp_iface *, uint8_t src[16],
		    uint8_t dst[16], struct dp_iface **srcif);
/* `tunnel mode ipsec ipv4|ipv6`: a VTI, whose packets go into ESP
 * directly. */
bool		 dp_iface_tunnel_vti(const struct dp_iface *);
/* Decide the tunnels' line protocols again, soon (crypto: a VTI's SAs
 * came or went). */
void		 dp_tunnel_kick(struct dataplane *);
/* A datagram that came out of a VTI's SA: counted as the tunnel's input
 * and received on it.  -1 if its header is bad. */
int		 dp_tunnel_input(struct dataplane *, struct dp_iface *t,
		    const uint8_t *ip, size_t len);
/* The largest IPv4 datagram IFP sends unfragmented (its `mtu`, or the
 * type's default): what crypto's path MTU starts from. */
uint32_t	 dp_iface_ip_mtu(const struct dp_iface *);
/* Crypto's per-interface `crypto ipsec df-bit` and `crypto ipsec
 * fragmentation` (0: not configured, the global setting applies).
 * Crypto owns the commands; the interface renders them after its crypto
 * map. */
enum dp_crypto_df { DP_DF_UNSET, DP_DF_COPY, DP_DF_SET, DP_DF_CLEAR };
enum dp_crypto_frag { DP_FRAG_UNSET, DP_FRAG_BEFORE, DP_FRAG_AFTER };
enum dp_crypto_df dp_iface_crypto_df(const struct dp_iface *);
void		 dp_iface_set_crypto_df(struct dp_iface *, enum dp_crypto_df);
enum dp_crypto_frag dp_iface_crypto_frag(const struct dp_iface *);
void		 dp_iface_set_crypto_frag(struct dp_iface *,
		    enum dp_crypto_frag);
/*
 * A number that changes whenever any of the three answers above may
 * change for IFP (`mtu`, `ip mtu`, the two crypto settings, and what
 * d_gen and d_rt_gen count), so crypto can keep them per flow instead
 * of asking per packet.  0: not to be kept (a tunnel, whose MTU follows
 * its transport's route and its mode).
 */
uint64_t	 dp_iface_mtu_gen(const struct dp_iface *);
/* Its primary IPv4 address and mask (host order); false if none. */
bool		 dp_iface_ipv4(const struct dp_iface *, uint32_t *addr,
		    uint32_t *mask);
/* Its position among the interfaces (IOS order), below dp_iface_count();
 * both stay as they are until dp_generation() changes. */
size_t		 dp_iface_index(const struct dp_iface *);
size_t		 dp_iface_count(const struct dataplane *);

/*
 * A number that changes whenever something another subsystem may have
 * compiled from the dataplane's configuration changes: an ACL (created,
 * deleted, an entry added or removed), an interface created or deleted,
 * an IPv4 address, a `crypto map` binding.  Crypto compiles its policy
 * database from these and compares this number on the packet path
 * instead of looking anything up by name.
 */
uint64_t	 dp_generation(const struct dataplane *);

/*
 * A static route installed by a subsystem rather than configured (IPsec
 * reverse route injection): NET/LEN via NH, shown by `show ip route` as
 * any static ("S"), left out of the running configuration.  Counted: as
 * many removals as additions take it away.  False if there was nothing
 * to remove, if an addition found the route added RT_MAXINJECT (about a
 * million) times already (it is there, but this addition is not counted:
 * its caller has nothing to remove), or if LEN is not a prefix length.
 */
bool		 dp_route_inject(struct dataplane *, uint32_t net,
		    unsigned len, uint32_t nh, bool add);

/* Access lists, numbered ("100") or named ("SITEB_to_SITEA"). */
struct dp_acl	*dp_acl_find(const struct dataplane *, const char *name);
const char	*dp_acl_name(const struct dp_acl *);
bool		 dp_acl_extended(const struct dp_acl *);
size_t		 dp_acl_count(const struct dp_acl *);
/* Entry I as configured, without sequence number:
 * "permit ip 172.18.124.0 0.0.0.255 20.20.20.0 0.0.0.255". */
void		 dp_acl_entry_text(const struct dp_acl *, size_t i,
		    struct strbuf *);
/*
 * Crypto ACLs.  The rule (counted as dp_acl_count counts, remarks left
 * out) that first matches the IPv4 datagram IP, or -1 when none does
 * (IOS's implicit deny) or IP is not IPv4; *PERMIT says which kind it
 * is.  The rule's hit counter counts, as `show access-lists` shows for a
 * crypto map's ACL too.
 */
int		 dp_acl_classify(struct dp_acl *, const uint8_t *ip,
		    size_t len, bool *permit);
/* Rule I as crypto builds proxy identities from it (host order; ports
 * only for `eq`). */
struct dp_rule {
	bool		ru_permit;
	uint8_t		ru_proto;		/* 0: ip, any protocol */
	uint32_t	ru_src, ru_src_wild;
	uint32_t	ru_dst, ru_dst_wild;
	uint16_t	ru_sport, ru_dport;	/* 0: any */
	/* The ports the rule matches, whatever its operator: lo..hi, or
	 * every port but lo when NEQ (0..65535: any). */
	uint16_t	ru_sport_lo, ru_sport_hi, ru_dport_lo, ru_dport_hi;
	bool		ru_sport_neq, ru_dport_neq;
};
bool		 dp_acl_rule(const struct dp_acl *, size_t i,
		    struct dp_rule *);

/*
 * The forwarder's contract (issue 4).  Everything below is what the
 * shell, ping and crypto may ask of the packet path; how frames move is
 * the dataplane's own business (dp_int.h).
 */
struct wire;

/*
 * Attach interface NAME (as IOS accepts it) to the medium SPEC (wire.h:
 * udp:, tap:, pcap:), creating the hardware interface if the
 * configuration has not named it.  Returns -1 with a one-line message in
 * ERR if the name or the spec is bad.  The shell keeps the list of
 * attachments (`iosh --attach NAME=SPEC`) and re-applies it to the
 * dataplane a reload builds.
 */
int		 dp_attach(struct dataplane *, const char *name,
		    const char *spec, char *err, size_t errlen);
/* Create the hardware interface NAME without a wire, as IOS lists its
 * hardware before any configuration (a fresh router's configuration is
 * compared with the running one this way).  -1 with a message in ERR. */
int		 dp_hardware(struct dataplane *, const char *name, char *err,
		    size_t errlen);
/* The wire an interface is attached to, NULL if none (for capture and
 * fault injection commands). */
struct wire	*dp_iface_wire(const struct dp_iface *);
/* CDP advertisements taken into the neighbour table so far (cdp.c). */
uint64_t	 dp_cdp_accepted(const struct dataplane *);

/*
 * ICMP echo, for `ping`.  dp_echo_send() builds one echo request as the
 * router's own packet and routes it (ACLs, crypto maps and all); the
 * replies and the ICMP errors quoting a request with identifier ID go to
 * the listener registered for ID, whatever their order.
 */
enum dp_echo_kind {
	DP_ECHO_REPLY,		/* '!' */
	DP_ECHO_UNREACH,	/* 'U' */
	DP_ECHO_TTL_EXCEEDED,	/* '&' */
	DP_ECHO_FRAG_NEEDED,	/* 'M' */
	DP_ECHO_QUENCH,		/* 'Q' */
	DP_ECHO_OTHER		/* '?' */
};

struct dp_echo_ev {
	enum dp_echo_kind	ev_kind;
	uint8_t			ev_code;	/* ICMP code of an error */
	uint32_t		ev_from;	/* who answered (host order) */
	uint16_t		ev_id, ev_seq;
	size_t			ev_size;	/* IP datagram size received */
	bool			ev_data_ok;	/* reply data equals the request's */
	uint16_t		ev_mtu;		/* 'M': the next-hop MTU said */
	bool			ev_v6;		/* an ICMPv6 answer: ev_from6 */
	uint8_t			ev_from6[16];
};

typedef void	(*dp_echo_fn)(void *arg, const struct dp_echo_ev *);

struct dp_echo_req {
	uint32_t	er_dst;		/* host order */
	uint32_t	er_src;		/* 0: the outgoing interface's address */
	uint16_t	er_id, er_seq;
	size_t		er_size;	/* IP datagram size, as IOS's "size" */
	uint8_t		er_ttl;		/* 0: 255, as IOS sends */
	uint8_t		er_tos;
	bool		er_df;
	uint16_t	er_pattern;	/* data pattern, IOS's 0xABCD */
};

/* Results of sending the router's own packets. */
enum dp_send_result {
	DP_SEND_OK = 0,		/* sent, or held while ARP resolves */
	DP_SEND_NO_ROUTE = -1,
	DP_SEND_NO_SOURCE = -2,	/* er_src is not one of ours */
	DP_SEND_DROPPED = -3	/* refused on the way: ACL, crypto, wire */
};

int		 dp_echo_send(struct dataplane *, const struct dp_echo_req *);

/* The same for IPv6 (ICMPv6 echo); answers go to the listener of its
 * identifier with ev_v6 set.  No route to a link-local destination. */
struct dp_echo6_req {
	uint8_t		er6_dst[16];
	uint8_t		er6_src[16];	/* all zero: the outgoing interface's */
	uint16_t	er6_id, er6_seq;
	size_t		er6_size;	/* IPv6 datagram size, header included */
	uint8_t		er6_hlim;	/* 0: 64 */
	uint16_t	er6_pattern;
	/* A link-local destination is on this interface (NULL: none). */
	struct dp_iface	*er6_ifp;
};

int		 dp_echo6_send(struct dataplane *, const struct dp_echo6_req *);
/* -1 if ID already has a listener. */
int		 dp_echo_listen(struct dataplane *, uint16_t id, dp_echo_fn,
		    void *arg);
void		 dp_echo_unlisten(struct dataplane *, uint16_t id);

/*
 * UDP endpoints of the router itself, for the IKE engine (ports 500 and
 * 4500).  A datagram for one of the router's addresses (or a broadcast)
 * and a bound port goes to its callback; one for a port nobody bound
 * gets ICMP port unreachable, as IOS answers.  On port 4500, a datagram
 * that does not start with the non-ESP marker (four zero bytes) is
 * NAT-T ESP and goes to crypto's co_esp_input instead (the 1-byte NAT
 * keepalive 0xff is dropped).
 */
struct dp_udp_meta {
	uint32_t	 um_src, um_dst;	/* host order; 0 over IPv6 */
	uint16_t	 um_sport, um_dport;
	struct dp_iface	*um_ifp;	/* received on; NULL: the router's own */
	/* Over IPv6 (the same endpoints serve both): the addresses. */
	bool		 um_v6;
	uint8_t		 um_src6[16], um_dst6[16];
};

typedef void	(*dp_udp_fn)(void *arg, const struct dp_udp_meta *,
		    const uint8_t *data, size_t len);

/* -1 if PORT already has an endpoint. */
int		 dp_udp_bind(struct dataplane *, uint16_t port, dp_udp_fn,
		    void *arg);
void		 dp_udp_unbind(struct dataplane *, uint16_t port);
/* Send DATA from SRC:SPORT (SRC 0: the outgoing interface's primary
 * address) to DST:DPORT, routed like the router's own packets (TTL 255,
 * outbound ACLs skipped, crypto maps applied).  enum dp_send_result. */
int		 dp_udp_send(struct dataplane *, uint32_t src, uint16_t sport,
		    uint32_t dst, uint16_t dport, const uint8_t *data,
		    size_t len);
/* The same over IPv6 (SRC NULL or ::, the outgoing interface's
 * address), hop limit 255. */
int		 dp_udp6_send(struct dataplane *, const uint8_t *src,
		    uint16_t sport, const uint8_t *dst, uint16_t dport,
		    const uint8_t *data, size_t len);

/*
 * The crypto hook.  Crypto registers its operations (the dataplane never
 * includes crypto/); a reload builds a new dataplane and crypto registers
 * again.  IP packets are whole datagrams, header included, network order.
 */
enum dp_crypto_verdict {
	DP_CRYPTO_PASS,		/* not for crypto: send it in clear */
	DP_CRYPTO_CONSUMED,	/* crypto took it (encrypted, or queued
				 * while IKE negotiates) */
	DP_CRYPTO_DROP		/* crypto refused it: drop */
};

/* Room the dataplane keeps around a forwarded packet, so crypto can
 * put ESP and an outer header before it, padding and ICV after it, and
 * the link layer its header, all in place. */
#define DP_HEADROOM	128
#define DP_TAILROOM	64

struct dp_crypto_ops {
	/* A packet about to leave OUT, an interface with `crypto map`
	 * (forwarded or the router's own, after the outbound ACL). */
	enum dp_crypto_verdict (*co_outbound)(void *arg, struct dp_iface *out,
			    const uint8_t *ip, size_t len);
	/* ESP for one of the router's addresses: IP protocol 50, or UDP
	 * 4500 without the non-ESP marker (UDP header left in place); AH
	 * (IP protocol 51) as well. */
	void		(*co_esp_input)(void *arg, struct dp_iface *in,
			    const uint8_t *ip, size_t len);
	/* Optional.  An IPv4 datagram received on IN, an interface with
	 * `crypto map`, after the inbound ACL and before local delivery or
	 * forwarding (IOS's order): DP_CRYPTO_DROP if the map says it
	 * should have come protected, else DP_CRYPTO_PASS.  Not called
	 * for what crypto hands back with dp_ip_input (it came through
	 * ESP) nor for the router's own packets. */
	enum dp_crypto_verdict (*co_inbound)(void *arg, struct dp_iface *in,
			    const uint8_t *ip, size_t len);
	/* "Fragmentation needed" (MTU) for the router, quoting QUOTE
	 * (QLEN bytes: a header and at least 8 bytes), one of the
	 * router's own ESP packets (protocol 50 or UDP to 4500): the
	 * outer path is narrower than the interface.  May be NULL. */
	void		(*co_frag_needed)(void *arg, const uint8_t *quote,
			    size_t qlen, uint16_t mtu);
	/* Optional, used instead of co_outbound for a forwarded packet: it
	 * lies in the dataplane's buffer, writable, with DP_HEADROOM bytes
	 * before it and DP_TAILROOM after it that crypto may use (and then
	 * send the result with dp_ip_output_buf). */
	enum dp_crypto_verdict (*co_outbound_inplace)(void *arg,
			    struct dp_iface *out, uint8_t *ip, size_t len);
	/* Optional.  A packet leaving the tunnel T that has `tunnel
	 * protection`: a VTI's inner datagram, or a GRE tunnel's packet
	 * with its outer header (from the tunnel source to the
	 * destination).  CONSUMED: crypto sent it (dp_ip_output_buf);
	 * DROP: no SA yet, or refused; PASS: not protected after all (a
	 * GRE tunnel sends it in clear, a VTI drops it). */
	enum dp_crypto_verdict (*co_tunnel_output)(void *arg,
			    struct dp_iface *t, const uint8_t *ip, size_t len);
	/* Optional.  Whether the VTI T (its ends resolved) has its IPsec
	 * SAs, its line protocol; with START, IKE is begun if not (IOS's
	 * VTI negotiates as soon as it can). */
	bool		(*co_tunnel_sa)(void *arg, struct dp_iface *t,
			    bool start);
	/* Optional: the flow cache.  A forwarded packet whose decision
	 * crypto noted (dp_fast_note) for a packet of the same flow: the
	 * rest of what co_outbound_inplace would do after classifying it,
	 * under the decision COOKIE (the packet in the dataplane's buffer,
	 * as for co_outbound_inplace).  Called only while the
	 * configuration crypto compiled the cookie from is unchanged
	 * (dp_crypto_gen). */
	enum dp_crypto_verdict (*co_fast_out)(void *arg, struct dp_iface *out,
			    const void *cookie, uint8_t *ip, size_t len,
			    bool run);
	/* RUN (flowcache.c, a burst's run): the packet before this one was
	 * the previous frame the router received, in the same read of the
	 * same wire, and it was handed here with the same COOKIE — nothing
	 * else was received, and no command or timer ran, in between.
	 * What crypto decided for that packet it may take again, as far
	 * as that packet's own sending changed nothing it decided on. */
	/* Optional, used instead of co_esp_input by the local lane of a
	 * wire's packet (ip4_receive): ESP straight over IPv4 (protocol 50,
	 * the outer header checked) for one of the router's addresses, on
	 * IN, which has no inbound access group and is not `ip nat
	 * outside`.  As co_esp_input, but the datagram a crypto map's
	 * tunnel-mode SA carried is not handed back with dp_ip_input but
	 * returned, *ILEN its total length, when dp_ip_input would take
	 * its header as it is (version 4, no options, a total length of
	 * 20 up to what was carried) and crypto did nothing after
	 * ip4_receive's tunnel and flow-cache steps that could move them
	 * (no rekey call).  The dataplane then receives it as dp_ip_input
	 * would, in the same call (ip4_decap_lane).  NULL: crypto did
	 * everything, as co_esp_input. */
	const uint8_t	*(*co_esp_lane)(void *arg, struct dp_iface *in,
			    const uint8_t *ip, size_t len, size_t *ilen);
};

/* OPS NULL unregisters.  OPS must outlive the registration. */
void		 dp_crypto_register(struct dataplane *,
		    const struct dp_crypto_ops *ops, void *arg);
/* Crypto's configuration generation (it grows with every change to what
 * the cookies of dp_fast_note point into); the flow cache compares it
 * beside its own.  NULL: none. */
void		 dp_crypto_gen(struct dataplane *, const uint64_t *gen);
/* From co_outbound_inplace: the packet being classified out of OUT
 * takes the decision COOKIE, which co_fast_out will be given for the
 * next packets of its flow (addresses, protocol, TOS, ports, the
 * interface it came in on).  Only for a decision that depends on
 * nothing but those and crypto's configuration; ignored unless the
 * dataplane is recording the packet's walk. */
void		 dp_fast_note(struct dataplane *, struct dp_iface *out,
		    const void *cookie);
/* A decapsulated packet, processed as if received on IN (inbound ACL,
 * local delivery or forwarding; no co_inbound check), IPv4 or IPv6.  -1
 * if its header is bad. */
int		 dp_ip_input(struct dataplane *, struct dp_iface *in,
		    const uint8_t *ip, size_t len);
/* The IPv4 datagram IP cannot go on whole (it would not fit in a tunnel
 * of MTU bytes and its DF bit forbids fragments): "fragmentation needed"
 * with MTU to its source, as the forwarder answers for an interface
 * (an error about an error, a fragment or a broadcast is not sent). */
void		 dp_icmp_frag_needed(struct dataplane *, const uint8_t *ip,
		    size_t len, uint16_t mtu);
/* Reassembly of fragments for the router's own addresses, counted as
 * IOS's `show ip traffic` counts them. */
struct dp_reasm_stats {
	uint64_t	rs_reqds;	/* fragments received */
	uint64_t	rs_oks;		/* datagrams reassembled */
	uint64_t	rs_fails;	/* couldn't reassemble */
	uint64_t	rs_timeouts;
};
void		 dp_reasm_stats(const struct dataplane *,
		    struct dp_reasm_stats *);
/* Crypto's own packet (ESP, with a source of the router's): checksum
 * filled in, routed and sent without crypto classification.
 * enum dp_send_result. */
int		 dp_ip_output(struct dataplane *, const uint8_t *ip, size_t len);
/* The same without a copy: IP is written in place (checksum, the link
 * header in the DP_LINK_ROOM bytes before it, which must be writable). */
#define DP_LINK_ROOM	16
int		 dp_ip_output_buf(struct dataplane *, uint8_t *ip, size_t len);
/*
 * Where an IPv4 datagram handed to dp_ip_input is forwarded from without
 * a copy: the forwarding buffer, DP_HEADROOM bytes into it, with room for
 * the largest datagram and DP_TAILROOM after it (and DP_HEADROOM before,
 * which the caller may use too).  Crypto decrypts a tunnel's packets so
 * that the inner datagram lands here.  Valid until the next packet.
 */
uint8_t		*dp_fwd_slot(struct dataplane *);

/* `show debugging`'s lines for the dataplane's debugs (`debug ip nat`),
 * and `undebug all` for them. */
void		 dp_show_debugging(const struct dataplane *, struct strbuf *);
void		 dp_debug_all_off(struct dataplane *);

#endif
