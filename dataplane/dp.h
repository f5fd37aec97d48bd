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

struct dataplane *dp_new(struct system *);
void		 dp_free(struct dataplane *);
/* Render the dataplane objects that belong to SECTION. */
void		 dp_nvgen(const struct dataplane *, enum nv_section,
		    struct strbuf *);

/* Interfaces, in IOS order (by type, then slot/port numbers). */
struct dp_iface	*dp_iface_first(const struct dataplane *);
struct dp_iface	*dp_iface_next(const struct dp_iface *);
/* By name as IOS accepts it ("Serial1/2", "serial 1/2", "s1/2", "f0/0"). */
struct dp_iface	*dp_iface_find(const struct dataplane *, const char *name);
const char	*dp_iface_name(const struct dp_iface *);	/* "Serial1/2" */
/* The crypto map applied with `crypto map NAME` (NULL: none).  The
 * interface renders it as its last line; crypto owns the command. */
const char	*dp_iface_crypto_map(const struct dp_iface *);
void		 dp_iface_set_crypto_map(struct dp_iface *, const char *);
/* The IPsec profile of `tunnel protection ipsec profile NAME` on a Tunnel
 * (NULL: none).  Crypto owns the command; the tunnel renders it. */
const char	*dp_iface_tunnel_protection(const struct dp_iface *);
void		 dp_iface_set_tunnel_protection(struct dp_iface *, const char *);
/* Its primary IPv4 address and mask (host order); false if none. */
bool		 dp_iface_ipv4(const struct dp_iface *, uint32_t *addr,
		    uint32_t *mask);

/* Access lists, numbered ("100") or named ("SITEB_to_SITEA"). */
struct dp_acl	*dp_acl_find(const struct dataplane *, const char *name);
const char	*dp_acl_name(const struct dp_acl *);
bool		 dp_acl_extended(const struct dp_acl *);
size_t		 dp_acl_count(const struct dp_acl *);
/* Entry I as configured, without sequence number:
 * "permit ip 172.18.124.0 0.0.0.255 20.20.20.0 0.0.0.255". */
void		 dp_acl_entry_text(const struct dp_acl *, size_t i,
		    struct strbuf *);

#endif
