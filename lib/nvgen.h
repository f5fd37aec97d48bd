/*
 * nvgen: how a subsystem writes its part of the running configuration.
 *
 * `show running-config` is assembled by the shell (shell/runcfg.c) in
 * IOS's order of sections; each subsystem renders its own objects into
 * the section it owns, defaults omitted as IOS omits them.  A section that
 * wrote anything is closed with a "!" line by the shell, so renderers only
 * add the "!" lines that separate objects inside their section.
 * Rendering must be a pure function of the configuration: loading the
 * output into a fresh router renders the same text (the round trip).
 */
#ifndef IOSH_LIB_NVGEN_H
#define IOSH_LIB_NVGEN_H

#include <stdbool.h>

#include "lib/strbuf.h"

/* Sections of the running configuration, in the order IOS prints them. */
enum nv_section {
	NV_VERSION,	/* version, service ...				*/
	NV_HOSTNAME,	/* hostname					*/
	NV_BOOT,	/* boot-start-marker, boot-end-marker		*/
	NV_LOGGING,	/* logging ...					*/
	NV_AAA,		/* aaa new-model ... (no "!": NV_GLOBAL goes on) */
	NV_GLOBAL,	/* clock timezone, ip subnet-zero, ip cef ...	*/
	NV_USERNAME,	/* username ...					*/
	NV_CRYPTO,	/* crypto keyring/isakmp/ipsec/dynamic-map/map	*/
	NV_CONTROLLER,	/* controller ...				*/
	NV_INTERFACE,	/* interface ...				*/
	NV_ROUTER,	/* router ospf|eigrp|rip|bgp (stored, inert)	*/
	NV_IP_POOL,	/* ip local pool (no "!" follows: NV_IP continues) */
	NV_IP,		/* ip http, ip classless, ip nat, ip route	*/
	NV_ACL_NAMED,	/* ip access-list ...				*/
	NV_SYSLOG,	/* logging trap|source-interface|host (no "!":
			 * the numbered access-lists follow at once)	*/
	NV_ACL,		/* access-list ...				*/
	NV_TRAILER,	/* call rsvp-sync, mgcp, dial-peer, control-plane */
	NV_LINE,	/* line con/aux/vty				*/
	NV_COUNT
};

/* Whether the shell closes SECTION with "!" when it rendered anything
 * (false for a section that IOS prints run together with the next). */
bool	nv_section_closed(enum nv_section);

/* Append one line: INDENT spaces, the text, "\n". */
void	nv_line(struct strbuf *, unsigned indent, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
