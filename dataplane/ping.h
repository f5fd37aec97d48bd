/*
 * ping: IOS's ping, run by the router's own event loop.
 *
 * ping_start() prints IOS's header and returns vty_pending(): the echoes
 * go out one at a time, the next as soon as the previous one is answered
 * or has timed out, each answer printed as it comes (`!` a reply, `.` a
 * timeout, `U` `&` `M` `Q` `?` an ICMP error, 70 to a line), then the
 * success rate.  The user's escape sequence ends it early.  Both the
 * one-line command (ping_cmd.c) and the extended dialog (ping_dialog.c)
 * fill a struct ping_opts and call it.
 */
#ifndef IOSH_DATAPLANE_PING_H
#define IOSH_DATAPLANE_PING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dataplane;
struct vty;

struct ping_opts {
	bool		po_v6;
	uint32_t	po_dst;		/* host order */
	uint8_t		po_dst6[16];
	bool		po_has_src;	/* po_src / po_src6 given */
	uint32_t	po_src;
	uint8_t		po_src6[16];
	/* A link-local destination: out of the source interface, named
	 * (IOS's "FE80::23:2%Tunnel23"); "" for none. */
	char		po_ifname6[48];
	unsigned long	po_repeat;	/* IOS: 5 */
	size_t		po_size;	/* datagram bytes, IOS: 100 */
	unsigned	po_timeout;	/* seconds, IOS: 2 */
	bool		po_df;
	bool		po_validate;
	uint16_t	po_pattern;	/* IOS: 0xABCD */
	uint8_t		po_tos;
};

/* IOS's limits. */
#define PING_REPEAT_MAX		2147483647UL
#define PING_SIZE_MIN		36
#define PING_SIZE_MAX		18024
#define PING_TIMEOUT_MAX	3600

void	ping_opts_default(struct ping_opts *);
/*
 * Set the source from WORD, an address or an interface name; on failure
 * print IOS's error and return false.  Sets *BAD_WORD when the word names
 * nothing (the caller answers with the caret).
 */
bool	ping_source(struct vty *, struct dataplane *, struct ping_opts *,
	    const char *word, bool *bad_word);
/* Run the ping; returns what the handler returns. */
int	ping_start(struct vty *, struct dataplane *, const struct ping_opts *);

/* ping_dialog.c: `ping` alone in privileged exec. */
int	ping_dialog(struct vty *, struct dataplane *, const char *proto);

#endif
