/*
 * snmp: the `snmp-server` lines, stored and rendered but not acted on
 * (iosh runs no SNMP agent: nothing listens on UDP 161 and no trap is
 * sent).  Each is kept in its canonical form and rendered in IOS's order
 * (communities, location, contact, enable traps, hosts).
 */
#ifndef IOSH_SHELL_SNMP_H
#define IOSH_SHELL_SNMP_H

#include <stddef.h>

#include "lib/strbuf.h"

struct snmp_line {
	unsigned	 sl_rank;	/* SNMP_* below: IOS's order */
	char		*sl_key;	/* what a new line replaces by */
	char		*sl_text;
};

struct snmp {
	struct snmp_line	*sn_l;
	size_t			 sn_n;
};

void	snmp_free(struct snmp *);
void	snmp_nvgen(const struct snmp *, struct strbuf *);

#endif
