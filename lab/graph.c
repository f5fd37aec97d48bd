/*
 * graph: `iosh-lab graph LAB`, the lab as a picture.  The topology's
 * routers become boxes (with their loopbacks' addresses), each link an
 * edge whose ends carry the interface's short name and the address the
 * router's initial configuration gives it, each attach line an edge to
 * an oval naming the outside wire (tap:NAME, pcap:IFNAME).  The text is
 * Graphviz's dot language; `dot` (Debian graphviz) renders it to SVG or
 * PNG.  The addresses come from the configuration files as a reader
 * sees them (interface blocks, their `ip address` and `ipv6 address`
 * lines), not from running routers: the picture is of the lab as
 * written.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lab/graph.h"
#include "lib/xalloc.h"

#define ADDR_MAX	4	/* addresses shown per interface */
#define LINE_MAX_LEN	512

/* One interface's addresses as the configuration gives them. */
struct if_addrs {
	char	ia_addr[ADDR_MAX][64];
	size_t	ia_n;
};

/* "Serial 1/2", "serial1/2" and "Serial1/2" are one interface. */
static bool
ifname_eq(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if ((*a | 0x20) != (*b | 0x20))
			return false;
		a++;
		b++;
	}
}

static unsigned
masklen(const char *mask)
{
	unsigned	a, b, c, d, n = 0;
	unsigned long	m;

	if (sscanf(mask, "%u.%u.%u.%u", &a, &b, &c, &d) != 4)
		return 33;
	m = ((unsigned long)a << 24) | (b << 16) | (c << 8) | d;
	while (m & 0x80000000UL) {
		n++;
		m = (m << 1) & 0xffffffffUL;
	}
	return n;
}

/* The addresses of interface IFNAME in router R's configuration file. */
static void
if_addrs(const struct topology *t, const char *dir, size_t r,
    const char *ifname, struct if_addrs *ia)
{
	char	path[4096], line[LINE_MAX_LEN], a[48], m[48];
	FILE	*f;
	bool	in = false;

	memset(ia, 0, sizeof(*ia));
	snprintf(path, sizeof(path), "%s/%s", dir, t->t_routers[r].tr_config);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, "interface ", 10) == 0) {
			in = ifname_eq(line + 10, ifname);
			continue;
		}
		if (line[0] == '\0')
			continue;	/* a blank line inside a block */
		if (line[0] != ' ') {
			in = false;
			continue;
		}
		if (!in || ia->ia_n == ADDR_MAX)
			continue;
		if (strncmp(line, " ip address dhcp", 16) == 0)
			snprintf(ia->ia_addr[ia->ia_n++], 64, "dhcp");
		else if (sscanf(line, " ip address %47s %47s", a, m) == 2 &&
		    masklen(m) <= 32)
			snprintf(ia->ia_addr[ia->ia_n++], 64, "%s/%u", a,
			    masklen(m));
		else if (sscanf(line, " ipv6 address %47s", a) == 1)
			snprintf(ia->ia_addr[ia->ia_n++], 64, "%s", a);
	}
	fclose(f);
}

/* A dot string: quotes and backslashes escaped, newlines as \\n. */
static void
dot_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			fputs("\\n", out);
			continue;
		}
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* An end's label: "Se1/2\n12.1.1.1/24" — the name as IOS's short
 * tables write it (two letters of the type, then the numbers). */
static void
end_label(const struct topology *t, const char *dir, size_t r,
    const char *ifname, char *buf, size_t len)
{
	struct if_addrs	ia;
	size_t		i, k, type = strcspn(ifname, "0123456789");

	if_addrs(t, dir, r, ifname, &ia);
	k = (size_t)snprintf(buf, len, "%.*s%s", type < 2 ? (int)type : 2,
	    ifname, ifname + type);
	for (i = 0; i < ia.ia_n && k < len; i++)
		k += (size_t)snprintf(buf + k, len - k, "\n%s", ia.ia_addr[i]);
}

/* The loopbacks of router R as lines of its box. */
static void
router_label(const struct topology *t, const char *dir, size_t r,
    char *buf, size_t len)
{
	char	path[4096], line[LINE_MAX_LEN], lab[256];
	FILE	*f;
	size_t	k;

	k = (size_t)snprintf(buf, len, "%s", t->t_routers[r].tr_name);
	snprintf(path, sizeof(path), "%s/%s", dir, t->t_routers[r].tr_config);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL && k < len) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strncasecmp(line, "interface Loopback", 18) != 0)
			continue;
		end_label(t, dir, r, line + 10, lab, sizeof(lab));
		/* "Lo0\n1.1.1.1/32" in one line of the box. */
		if (strchr(lab, '\n') != NULL)
			*strchr(lab, '\n') = ' ';
		k += (size_t)snprintf(buf + k, len - k, "\n%s", lab);
	}
	fclose(f);
}

void
graph_dot(const struct topology *t, const char *dir, const char *name,
    FILE *out)
{
	char	lab[1024], lab2[1024];
	size_t	i;

	fputs("graph ", out);
	dot_str(out, name);
	fputs(" {\n\tgraph [label=", out);
	dot_str(out, name);
	fputs(", labelloc=t, fontname=\"Helvetica\", nodesep=1, "
	    "ranksep=1.6, rankdir=LR];\n"
	    "\tnode [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
	    "\tedge [fontname=\"Helvetica\", fontsize=10, labeldistance=4, "
	    "labelangle=35];\n", out);
	for (i = 0; i < t->t_nrouters; i++) {
		router_label(t, dir, i, lab, sizeof(lab));
		fputc('\t', out);
		dot_str(out, t->t_routers[i].tr_name);
		fputs(" [id=", out);
		dot_str(out, t->t_routers[i].tr_name);
		fputs(", label=", out);
		dot_str(out, lab);
		fputs("];\n", out);
	}
	for (i = 0; i < t->t_nlinks; i++) {
		const struct topo_link	*l = &t->t_links[i];

		end_label(t, dir, l->tl_router[0], l->tl_ifname[0], lab,
		    sizeof(lab));
		end_label(t, dir, l->tl_router[1], l->tl_ifname[1], lab2,
		    sizeof(lab2));
		fputc('\t', out);
		dot_str(out, t->t_routers[l->tl_router[0]].tr_name);
		fputs(" -- ", out);
		dot_str(out, t->t_routers[l->tl_router[1]].tr_name);
		fprintf(out, " [id=\"link%zu\", taillabel=", i);
		dot_str(out, lab);
		fputs(", headlabel=", out);
		dot_str(out, lab2);
		fputs("];\n", out);
	}
	for (i = 0; i < t->t_nattach; i++) {
		const struct topo_attach	*a = &t->t_attach[i];

		fputc('\t', out);
		dot_str(out, a->ta_spec);
		fputs(" [shape=ellipse, style=dashed];\n\t", out);
		end_label(t, dir, a->ta_router, a->ta_ifname, lab, sizeof(lab));
		dot_str(out, t->t_routers[a->ta_router].tr_name);
		fputs(" -- ", out);
		dot_str(out, a->ta_spec);
		fprintf(out, " [id=\"attach%zu\", style=dashed, taillabel=", i);
		dot_str(out, lab);
		fputs("];\n", out);
	}
	fputs("}\n", out);
}

int
graph_render(const struct topology *t, const char *dir, const char *name,
    const char *outfile, char *err, size_t errlen)
{
	const char	*ext = outfile != NULL ? strrchr(outfile, '.') : NULL;
	const char	*fmt = "svg";
	char		 targ[16];
	int		 p[2], status;
	pid_t		 pid;
	FILE		*f;

	if (ext != NULL && (strcmp(ext, ".dot") == 0 ||
	    strcmp(ext, ".gv") == 0)) {
		if ((f = fopen(outfile, "w")) == NULL) {
			snprintf(err, errlen, "%s: %s", outfile,
			    strerror(errno));
			return -1;
		}
		graph_dot(t, dir, name, f);
		if (fclose(f) != 0) {
			snprintf(err, errlen, "%s: %s", outfile,
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	if (ext != NULL && strcmp(ext, ".png") == 0)
		fmt = "png";
	else if (ext != NULL && strcmp(ext, ".svg") != 0) {
		snprintf(err, errlen, "%s: the picture is .svg, .png or .dot",
		    outfile);
		return -1;
	}
	snprintf(targ, sizeof(targ), "-T%s", fmt);
	if (pipe(p) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	fflush(stdout);
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(p[0], STDIN_FILENO);
		close(p[0]);
		close(p[1]);
		if (outfile != NULL)
			execlp("dot", "dot", targ, "-o", outfile, (char *)NULL);
		else
			execlp("dot", "dot", targ, (char *)NULL);
		fprintf(stderr, "iosh-lab: graph: cannot run Graphviz's dot "
		    "(Debian: graphviz): %s\n", strerror(errno));
		_exit(127);
	}
	close(p[0]);
	if ((f = fdopen(p[1], "w")) == NULL) {
		close(p[1]);
		waitpid(pid, &status, 0);
		snprintf(err, errlen, "fdopen: %s", strerror(errno));
		return -1;
	}
	graph_dot(t, dir, name, f);
	fclose(f);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "graph: dot failed");
		return -1;
	}
	return 0;
}
