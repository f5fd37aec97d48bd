/*
 * slotlines: stored configuration lines kept in the order IOS renders
 * them.  Each line has a rank (its kind: IOS prints a lower rank first,
 * lines of one rank in the order made) and a key that a new line of the
 * same rank replaces (NULL: the rank holds one line).  Used where lines
 * are stored without being acted on: the IKEv2 blocks, snmp-server.
 */
#ifndef IOSH_LIB_SLOTLINES_H
#define IOSH_LIB_SLOTLINES_H

#include <stddef.h>

struct slotline {
	unsigned	 sl_rank;
	char		*sl_key;	/* NULL: one line of its rank */
	char		*sl_text;
};

struct slotlines {
	struct slotline	*ss_l;
	size_t		 ss_n;
};

void	slotlines_free(struct slotlines *);
/* Remove the line of RANK with KEY (with KEY NULL, the rank's line);
 * then, unless TEXT is NULL, add TEXT after the lines of RANK and below. */
void	slotlines_set(struct slotlines *, unsigned rank, const char *key,
	    const char *text);

#endif
