/*
 * topology: the parser of a lab's topology file (see topology.h).  Every
 * error names the file and line, and nothing is half-loaded.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lab/topology.h"
#include "lib/xalloc.h"

#define WORDS_MAX	6

/* Split LINE in place into at most WORDS_MAX words; comments dropped. */
static size_t
split(char *line, char **w)
{
	size_t	 n = 0;
	char	*p = line;

	line[strcspn(line, "#\r\n")] = '\0';
	while (n < WORDS_MAX) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		w[n++] = p;
		p += strcspn(p, " \t");
		if (*p != '\0')
			*p++ = '\0';
	}
	p += strspn(p, " \t");
	return *p == '\0' ? n : WORDS_MAX + 1;
}

static int
add_router(struct topology *t, char **w, size_t n, char *err, size_t errlen)
{
	struct topo_router	*r;
	char			 cfg[TOPO_NAME_MAX + 8];

	if (n < 2 || n > 3) {
		snprintf(err, errlen, "usage: router NAME [CONFIG]");
		return -1;
	}
	if (t->t_nrouters + 1 >= TOPO_LINK_PORTS) {
		snprintf(err, errlen, "more than %d routers",
		    TOPO_LINK_PORTS - 1);
		return -1;
	}
	if (strlen(w[1]) >= TOPO_NAME_MAX || topo_router(t, w[1]) >= 0) {
		snprintf(err, errlen, "router %s: %s", w[1],
		    strlen(w[1]) >= TOPO_NAME_MAX ? "name too long" :
		    "defined twice");
		return -1;
	}
	t->t_routers = xreallocarray(t->t_routers, t->t_nrouters + 1,
	    sizeof(*t->t_routers));
	r = &t->t_routers[t->t_nrouters++];
	memset(r, 0, sizeof(*r));
	strcpy(r->tr_name, w[1]);
	snprintf(cfg, sizeof(cfg), "%s.cfg", w[1]);
	r->tr_config = xstrdup(n == 3 ? w[2] : cfg);
	return 0;
}

/* Whether interface IFNAME of router R is wired already (by a link end
 * or an attach line): a second wire on one port would steal its frames. */
static bool
wired(const struct topology *t, size_t r, const char *ifname)
{
	size_t	i;
	int	end;

	for (i = 0; i < t->t_nlinks; i++)
		for (end = 0; end < 2; end++)
			if (t->t_links[i].tl_router[end] == r &&
			    strcasecmp(t->t_links[i].tl_ifname[end],
			    ifname) == 0)
				return true;
	for (i = 0; i < t->t_nattach; i++)
		if (t->t_attach[i].ta_router == r &&
		    strcasecmp(t->t_attach[i].ta_ifname, ifname) == 0)
			return true;
	return false;
}

static int
add_link(struct topology *t, char **w, size_t n, char *err, size_t errlen)
{
	struct topo_link	 l;
	int			 i, r;

	if (n != 5) {
		snprintf(err, errlen, "usage: link ROUTER IFNAME ROUTER IFNAME");
		return -1;
	}
	if (t->t_nlinks >= TOPO_LINKS_MAX) {
		snprintf(err, errlen, "more than %d links", TOPO_LINKS_MAX);
		return -1;
	}
	for (i = 0; i < 2; i++) {
		if ((r = topo_router(t, w[1 + 2 * i])) < 0) {
			snprintf(err, errlen, "link: no router %s (routers "
			    "come before their links)", w[1 + 2 * i]);
			return -1;
		}
		if (strlen(w[2 + 2 * i]) >= TOPO_NAME_MAX) {
			snprintf(err, errlen, "link: interface name too long");
			return -1;
		}
		if (wired(t, (size_t)r, w[2 + 2 * i]) || (i == 1 &&
		    l.tl_router[0] == (size_t)r &&
		    strcasecmp(l.tl_ifname[0], w[4]) == 0)) {
			snprintf(err, errlen, "link: %s %s is wired already",
			    w[1 + 2 * i], w[2 + 2 * i]);
			return -1;
		}
		l.tl_router[i] = (size_t)r;
		strcpy(l.tl_ifname[i], w[2 + 2 * i]);
	}
	t->t_links = xreallocarray(t->t_links, t->t_nlinks + 1, sizeof(*t->t_links));
	t->t_links[t->t_nlinks++] = l;
	return 0;
}

/* attach ROUTER IFNAME tap:NAME|pcap:IFNAME.  Only wires that reach out
 * of the lab: udp: ports are the lab's own (link lines allocate them). */
static int
add_attach(struct topology *t, char **w, size_t n, char *err, size_t errlen)
{
	struct topo_attach	*a;
	const char		*dev = NULL;
	int			 r;

	if (n != 4) {
		snprintf(err, errlen, "usage: attach ROUTER IFNAME "
		    "tap:NAME|pcap:IFNAME");
		return -1;
	}
	if (strncmp(w[3], "tap:", 4) == 0)
		dev = w[3] + 4;
	else if (strncmp(w[3], "pcap:", 5) == 0)
		dev = w[3] + 5;
	if (dev == NULL || *dev == '\0' || strlen(w[3]) >= TOPO_SPEC_MAX) {
		snprintf(err, errlen, "attach: \"%s\" is not tap:NAME or "
		    "pcap:IFNAME", w[3]);
		return -1;
	}
	if (t->t_nattach >= TOPO_ATTACH_MAX) {
		snprintf(err, errlen, "more than %d attach lines",
		    TOPO_ATTACH_MAX);
		return -1;
	}
	if ((r = topo_router(t, w[1])) < 0) {
		snprintf(err, errlen, "attach: no router %s (routers come "
		    "before their attach lines)", w[1]);
		return -1;
	}
	if (strlen(w[2]) >= TOPO_NAME_MAX) {
		snprintf(err, errlen, "attach: interface name too long");
		return -1;
	}
	if (wired(t, (size_t)r, w[2])) {
		snprintf(err, errlen, "attach: %s %s is wired already", w[1],
		    w[2]);
		return -1;
	}
	t->t_attach = xreallocarray(t->t_attach, t->t_nattach + 1,
	    sizeof(*t->t_attach));
	a = &t->t_attach[t->t_nattach++];
	memset(a, 0, sizeof(*a));
	a->ta_router = (size_t)r;
	strcpy(a->ta_ifname, w[2]);
	strcpy(a->ta_spec, w[3]);
	return 0;
}

static int
directive(struct topology *t, char **w, size_t n, char *err, size_t errlen)
{
	char		*end;
	unsigned long	 v;

	if (strcmp(w[0], "router") == 0)
		return add_router(t, w, n, err, errlen);
	if (strcmp(w[0], "link") == 0)
		return add_link(t, w, n, err, errlen);
	if (strcmp(w[0], "attach") == 0)
		return add_attach(t, w, n, err, errlen);
	if (strcmp(w[0], "password") == 0 && n == 2) {
		free(t->t_password);
		t->t_password = xstrdup(w[1]);
		return 0;
	}
	if (strcmp(w[0], "port-base") == 0 && n == 2) {
		errno = 0;
		v = strtoul(w[1], &end, 10);
		if (errno != 0 || *end != '\0' || v < 1 ||
		    v > TOPO_PORT_BASE_MAX) {
			snprintf(err, errlen, "port-base: 1-%d",
			    TOPO_PORT_BASE_MAX);
			return -1;
		}
		t->t_port_base = (unsigned)v;
		return 0;
	}
	snprintf(err, errlen, "unknown line \"%s\"", w[0]);
	return -1;
}

int
topo_load(struct topology *t, const char *path, char *err, size_t errlen)
{
	FILE	*fp;
	char	 line[512], why[256], *w[WORDS_MAX];
	size_t	 n;
	int	 lineno = 0, rv = 0;

	memset(t, 0, sizeof(*t));
	t->t_port_base = TOPO_PORT_BASE;
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (rv == 0 && fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		if ((n = split(line, w)) == 0)
			continue;
		if (n > WORDS_MAX) {
			snprintf(why, sizeof(why), "too many words");
			rv = -1;
		} else
			rv = directive(t, w, n, why, sizeof(why));
		if (rv != 0)
			snprintf(err, errlen, "%s:%d: %s", path, lineno, why);
	}
	fclose(fp);
	if (rv == 0 && t->t_nrouters == 0) {
		snprintf(err, errlen, "%s: no router", path);
		rv = -1;
	}
	if (rv != 0)
		topo_free(t);
	return rv;
}

void
topo_free(struct topology *t)
{
	size_t	i;

	for (i = 0; i < t->t_nrouters; i++)
		free(t->t_routers[i].tr_config);
	free(t->t_routers);
	free(t->t_links);
	free(t->t_attach);
	free(t->t_password);
	memset(t, 0, sizeof(*t));
}

int
topo_router(const struct topology *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->t_nrouters; i++)
		if (strcasecmp(t->t_routers[i].tr_name, name) == 0)
			return (int)i;
	return -1;
}

unsigned
topo_console_port(const struct topology *t, size_t router)
{
	return t->t_port_base + 1 + (unsigned)router;
}

void
topo_attach_spec(const struct topology *t, size_t link, int end, char *buf,
    size_t len)
{
	unsigned	base = t->t_port_base + TOPO_LINK_PORTS +
			    2 * (unsigned)link;

	snprintf(buf, len, "%s=udp:%u:127.0.0.1:%u",
	    t->t_links[link].tl_ifname[end], base + (unsigned)end,
	    base + (unsigned)!end);
}

void
topo_attach_extra(const struct topology *t, size_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%s=%s", t->t_attach[a].ta_ifname,
	    t->t_attach[a].ta_spec);
}
