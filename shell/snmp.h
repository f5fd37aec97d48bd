/*
 * snmp: the `snmp-server` lines, stored and rendered but not acted on
 * (iosh runs no SNMP agent: nothing listens on UDP 161 and no trap is
 * sent).  Each is kept in its canonical form and rendered in IOS's order
 * (communities, location, contact, enable traps, hosts).
 */
#ifndef IOSH_SHELL_SNMP_H
#define IOSH_SHELL_SNMP_H

#include <stddef.h>

#include "lib/slotlines.h"
#include "lib/strbuf.h"

struct snmp {
	struct slotlines	sn_lines;	/* ranked SNMP_* (snmp.c) */
};

void	snmp_free(struct snmp *);
void	snmp_nvgen(const struct snmp *, struct strbuf *);

#endif
