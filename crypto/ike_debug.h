/*
 * ike_debug: the lines of `debug crypto isakmp` and `debug crypto ipsec`
 * as IOS words them, sent through sys_debug() (the shell stamps them per
 * `service timestamps debug`) only while the switch is on.
 *
 * The prefix differs by release.  15.x: "ISAKMP:(1002):" followed by the
 * text as IOS has it, with or without a space ("ISAKMP:(1002): sending
 * packet", "ISAKMP:(1002):Old State"); 12.x: "ISAKMP (0:1002): " and the
 * text without its leading space.  A few 15.x lines put a space before
 * the parenthesis ("ISAKMP (1002): received packet"): ike_debug_sp.
 */
#ifndef IOSH_CRYPTO_IKE_DEBUG_H
#define IOSH_CRYPTO_IKE_DEBUG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct crypto;

bool	ike_debugging(const struct crypto *);
/* "ISAKMP:(CONNID):TEXT" / "ISAKMP (0:CONNID): TEXT". */
void	ike_debug(const struct crypto *, uint32_t connid, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* "ISAKMP (CONNID):TEXT" / "ISAKMP (0:CONNID): TEXT". */
void	ike_debug_sp(const struct crypto *, uint32_t connid,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * Lines whose 12.x form is not "ISAKMP (0:CONNID): TEXT" (seed 002's hub,
 * 12.3); 15.x prints them as ike_debug does:
 *   IKE_DBG12_NOCOLON	"ISAKMP (0:1) local preshared key found"
 *   IKE_DBG12_BARE	"ISAKMP: insert sa successfully sa = ..."
 *   IKE_DBG12_SHORT	"ISAKMP (1): Total payload length: 12"
 *   IKE_DBG12_SLASH	"ISAKMP (0/2): Unknown Attr: UNKNOWN (0x7000)"
 * (15.x: ike_debug_sp's "ISAKMP (2):TEXT" for IKE_DBG12_SLASH.)
 */
enum ike_dbg12 { IKE_DBG12_NOCOLON, IKE_DBG12_BARE, IKE_DBG12_SHORT,
	IKE_DBG12_SLASH };
void	ike_debug12(const struct crypto *, uint32_t connid, enum ike_dbg12,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A line under `debug crypto engine`, in 12.x ("CryptoEngine0: ...",
 * seed 002's hub); 15.x's engine lines are not known, none is printed. */
void	ike_engine_debug(const struct crypto *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Whether the router's release prints 12.x's debug (seed 002's hub). */
bool	ike_debug_v12(const struct crypto *);
/* "ISAKMP:TEXT", the same in every release (attribute lines, peer
 * structs): TEXT carries its own spacing. */
void	ike_debug_raw(const struct crypto *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* A TLV number as IOS prints it after "(VPI) of": " 0x0 0x1 0x51 0x80"
 * (each byte with a leading space; at most 8 bytes). */
/* A whole line, as given, under `debug crypto isakmp` (the indented
 * continuation lines of IOS's blocks). */
void	ike_debug_text(const struct crypto *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A whole line under `debug crypto ipsec` ("IPSEC(...)", "Crypto mapdb"). */
void	ike_ipsec_debug(const struct crypto *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
struct isakmp_attr;
void	ike_debug_vpi(const struct isakmp_attr *, char *buf, size_t len);

#endif
