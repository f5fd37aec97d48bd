/*
 * graph: a lab's topology drawn with Graphviz (`iosh-lab graph`).
 */
#ifndef IOSH_LAB_GRAPH_H
#define IOSH_LAB_GRAPH_H

#include <stdio.h>

#include "lab/topology.h"

/* The lab T (its files in DIR, titled NAME) in Graphviz's dot language:
 * routers, links with each end's interface and addresses, attachments. */
void	graph_dot(const struct topology *t, const char *dir, const char *name,
	    FILE *out);
/* The picture into OUTFILE — its extension picks SVG (.svg), PNG (.png)
 * or the dot text itself (.dot, .gv) — or SVG on stdout (NULL), through
 * `dot`.  -1 with a message in ERR. */
int	graph_render(const struct topology *t, const char *dir,
	    const char *name, const char *outfile, char *err, size_t errlen);

#endif
