/*
 * moncap: IOS-XE's Embedded Packet Capture — `monitor capture NAME
 * interface IF {in|out|both}`, `start`, `stop`, `export PATH`, `clear`,
 * `no monitor capture NAME` and `show monitor capture [NAME]`.
 *
 * A started point copies its interface's frames (wire_set_capture) into
 * a pcap file in $TMPDIR, written by capture.c: the format tshark reads
 * is already there, the router's memory stays small however long a
 * capture runs, and `export` is a plain copy.  The file is bounded like
 * IOS's default capture buffer (MONCAP_LIMIT): what does not fit is
 * counted as dropped, not kept.  It is unlinked when the point goes
 * (`no monitor capture`, `clear`, dp_free).
 *
 * Points are kept by name; the interface by name too, so a point never
 * holds a pointer to an interface, and the wire only while it is active
 * (moncap_wire_gone() lets go of it before the wire closes).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/capture.h"
#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/wire.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"

#define MONCAP_LIMIT	(10 * 1024 * 1024)	/* IOS-XE's default buffer */

struct moncap {
	struct moncap	*mc_next;	/* sorted by name */
	char		*mc_name;
	char		 mc_ifname[IF_NAMELEN];
	enum if_type	 mc_iftype;
	unsigned	 mc_dirs;	/* WIRE_CAP_* */
	struct wire	*mc_wire;	/* while active, else NULL */
	struct capture	*mc_cap;	/* NULL until the first start */
	char		*mc_path;	/* mc_cap's temporary file */
};

static struct moncap *
moncap_find(const struct dataplane *dp, const char *name)
{
	struct moncap	*mc;

	for (mc = dp->d_moncaps; mc != NULL; mc = mc->mc_next)
		if (strcmp(mc->mc_name, name) == 0)
			return mc;
	return NULL;
}

/* The point the command names, or IOS-XE's complaint. */
static struct moncap *
moncap_arg(struct vty *vty, const struct cmd_args *m)
{
	const char	*name = cmd_arg(m, "cap");
	struct moncap	*mc;

	if ((mc = moncap_find(vty->v_sys->sy_dp, name)) == NULL)
		vty_out(vty, "%% Capture point %s does not exist\n", name);
	return mc;
}

static void
moncap_detach(struct moncap *mc)
{
	if (mc->mc_wire == NULL)
		return;
	wire_set_capture(mc->mc_wire, NULL, 0);
	mc->mc_wire = NULL;
	(void)capture_flush(mc->mc_cap);
}

/* Drop the buffer file (the point stays). */
static void
moncap_discard(struct moncap *mc)
{
	if (mc->mc_cap == NULL)
		return;
	(void)capture_close(mc->mc_cap);
	(void)unlink(mc->mc_path);
	free(mc->mc_path);
	mc->mc_cap = NULL;
	mc->mc_path = NULL;
}

static uint32_t
moncap_linktype(const struct moncap *mc)
{
	/* Serial links carry Cisco HDLC frames (wire.h). */
	return mc->mc_iftype == IFT_SERIAL ? CAPTURE_LINKTYPE_C_HDLC :
	    CAPTURE_LINKTYPE_ETHERNET;
}

/* A fresh, empty buffer file; -1 with a message in ERR. */
static int
moncap_buffer(struct moncap *mc, char *err, size_t errlen)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	size_t		 len;
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	len = strlen(dir) + sizeof("/iosh-capture-XXXXXX");
	path = xcalloc(1, len);
	snprintf(path, len, "%s/iosh-capture-XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0) {
		snprintf(err, errlen, "cannot create a buffer in %s: %s", dir,
		    strerror(errno));
		free(path);
		return -1;
	}
	close(fd);
	if ((mc->mc_cap = capture_open(path, moncap_linktype(mc), 0, err,
	    errlen)) == NULL) {
		(void)unlink(path);
		free(path);
		return -1;
	}
	capture_set_limit(mc->mc_cap, MONCAP_LIMIT);
	mc->mc_path = path;
	return 0;
}

static void
moncap_free(struct moncap *mc)
{
	moncap_detach(mc);
	moncap_discard(mc);
	free(mc->mc_name);
	free(mc);
}

void
moncap_wire_gone(struct dataplane *dp, struct wire *w)
{
	struct moncap	*mc;

	for (mc = dp->d_moncaps; mc != NULL; mc = mc->mc_next)
		if (mc->mc_wire == w)
			moncap_detach(mc);
}

void
moncap_free_all(struct dataplane *dp)
{
	struct moncap	*mc;

	while ((mc = dp->d_moncaps) != NULL) {
		dp->d_moncaps = mc->mc_next;
		moncap_free(mc);
	}
}

/* The interface argument, resolved, with a wire; NULL after an error. */
static struct dp_iface *
wired_iface(struct vty *vty, const struct cmd_args *m)
{
	struct dp_iface	*ifp;

	if ((ifp = dp_iface_find(vty->v_sys->sy_dp,
	    cmd_arg(m, "ifname"))) == NULL) {
		vty_invalid(vty, cmd_arg_off(m, "ifname"));
		return NULL;
	}
	if (dp_iface_wire(ifp) == NULL) {
		vty_out(vty, "%% Interface %s is not attached to a wire\n",
		    ifp->if_name);
		return NULL;
	}
	return ifp;
}

int
dp_moncap_interface_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	const char		*name = cmd_arg(m, "cap");
	struct dp_iface		*ifp;
	struct moncap		*mc, **pp;

	if ((ifp = wired_iface(vty, m)) == NULL)
		return CMD_WARNING;
	if ((mc = moncap_find(dp, name)) == NULL) {
		mc = xcalloc(1, sizeof(*mc));
		mc->mc_name = xstrdup(name);
		for (pp = &dp->d_moncaps; *pp != NULL &&
		    strcmp((*pp)->mc_name, name) < 0; pp = &(*pp)->mc_next)
			;
		mc->mc_next = *pp;
		*pp = mc;
	} else if (mc->mc_wire != NULL) {
		vty_out(vty, "%% Capture point %s is active: stop it first\n",
		    name);
		return CMD_WARNING;
	}
	/* Another interface may need another link type: start afresh. */
	if (mc->mc_cap != NULL && mc->mc_iftype != ifp->if_id.id_type)
		moncap_discard(mc);
	snprintf(mc->mc_ifname, sizeof(mc->mc_ifname), "%s", ifp->if_name);
	mc->mc_iftype = ifp->if_id.id_type;
	mc->mc_dirs = cmd_has(m, "in") ? WIRE_CAP_IN :
	    cmd_has(m, "out") ? WIRE_CAP_OUT : WIRE_CAP_BOTH;
	return CMD_SUCCESS;
}

int
dp_moncap_start_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct moncap		*mc, *o;
	struct dp_iface		*ifp;
	struct wire		*w;
	char			 err[256];

	if ((mc = moncap_arg(vty, m)) == NULL)
		return CMD_WARNING;
	if (mc->mc_wire != NULL) {
		vty_out(vty, "%% Capture point %s is already active\n",
		    mc->mc_name);
		return CMD_WARNING;
	}
	/* The interface was wired when the point was defined; a reload
	 * would have freed the point with the dataplane. */
	ifp = dp_iface_find(dp, mc->mc_ifname);
	if (ifp == NULL || (w = dp_iface_wire(ifp)) == NULL) {
		vty_out(vty, "%% Interface %s is not attached to a wire\n",
		    mc->mc_ifname);
		return CMD_WARNING;
	}
	/* A wire copies into one capture. */
	for (o = dp->d_moncaps; o != NULL; o = o->mc_next)
		if (o->mc_wire == w) {
			vty_out(vty, "%% Capture point %s is active on %s\n",
			    o->mc_name, mc->mc_ifname);
			return CMD_WARNING;
		}
	if (mc->mc_cap == NULL && moncap_buffer(mc, err, sizeof(err)) < 0) {
		vty_out(vty, "%% %s\n", err);
		return CMD_WARNING;
	}
	wire_set_capture(w, mc->mc_cap, mc->mc_dirs);
	mc->mc_wire = w;
	vty_out(vty, "Started capture point : %s\n", mc->mc_name);
	return CMD_SUCCESS;
}

int
dp_moncap_stop_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct moncap	*mc;

	if ((mc = moncap_arg(vty, m)) == NULL)
		return CMD_WARNING;
	if (mc->mc_wire == NULL) {
		vty_out(vty, "%% Capture point %s is not active\n",
		    mc->mc_name);
		return CMD_WARNING;
	}
	moncap_detach(mc);
	vty_out(vty, "Stopped capture point : %s\n", mc->mc_name);
	return CMD_SUCCESS;
}

/* Copy the buffer file SRC to DST; -1 with errno set. */
static int
copy_file(const char *src, const char *dst)
{
	char	buf[65536];
	ssize_t	n, w, off;
	int	in, out, rv = -1, saved;

	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if ((out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0) {
		saved = errno;
		close(in);
		errno = saved;
		return -1;
	}
	for (;;) {
		if ((n = read(in, buf, sizeof(buf))) < 0) {
			if (errno == EINTR)
				continue;
			goto done;
		}
		if (n == 0)
			break;
		for (off = 0; off < n; off += w)
			if ((w = write(out, buf + off, (size_t)(n - off))) < 0) {
				if (errno != EINTR)
					goto done;
				w = 0;
			}
	}
	rv = 0;
done:
	saved = errno;
	close(in);
	if (close(out) < 0 && rv == 0) {
		saved = errno;
		rv = -1;
	}
	errno = saved;
	return rv;
}

int
dp_moncap_export_cmd(struct vty *vty, const struct cmd_args *m)
{
	const char	*path = cmd_arg(m, "path");
	struct moncap	*mc;
	struct capture	*c;
	size_t		 fs;
	char		 err[256];

	if ((mc = moncap_arg(vty, m)) == NULL)
		return CMD_WARNING;
	/* IOS file systems ("flash:", "nvram:") are not the dataplane's
	 * to map: only host paths. */
	fs = strcspn(path, ":/");
	if (path[fs] == ':') {
		vty_out(vty, "%% Failed to Export: file system %.*s: is not "
		    "supported, give a file path\n", (int)fs, path);
		return CMD_WARNING;
	}
	if (mc->mc_cap == NULL) {
		/* Never started: a file with the header only. */
		if ((c = capture_open(path, moncap_linktype(mc), 0, err,
		    sizeof(err))) == NULL || capture_close(c) < 0) {
			vty_out(vty, "%% Failed to Export: %s\n", c == NULL ?
			    err : strerror(errno));
			return CMD_WARNING;
		}
	} else if (capture_flush(mc->mc_cap) < 0 ||
	    copy_file(mc->mc_path, path) < 0) {
		vty_out(vty, "%% Failed to Export: %s: %s\n", path,
		    strerror(errno));
		return CMD_WARNING;
	}
	vty_out(vty, "Exported Successfully\n");
	return CMD_SUCCESS;
}

int
dp_moncap_clear_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct moncap	*mc;
	struct wire	*w;
	char		 err[256];

	if ((mc = moncap_arg(vty, m)) == NULL)
		return CMD_WARNING;
	w = mc->mc_wire;
	moncap_detach(mc);
	moncap_discard(mc);
	if (w == NULL)
		return CMD_SUCCESS;
	/* An active point goes on capturing into an empty buffer. */
	if (moncap_buffer(mc, err, sizeof(err)) < 0) {
		vty_out(vty, "%% %s\n", err);
		return CMD_WARNING;
	}
	wire_set_capture(w, mc->mc_cap, mc->mc_dirs);
	mc->mc_wire = w;
	return CMD_SUCCESS;
}

int
dp_moncap_delete_cmd(struct vty *vty, const struct cmd_args *m)
{
	struct dataplane	*dp = vty->v_sys->sy_dp;
	struct moncap		*mc, **pp;

	if ((mc = moncap_arg(vty, m)) == NULL)
		return CMD_WARNING;
	for (pp = &dp->d_moncaps; *pp != mc; pp = &(*pp)->mc_next)
		;
	*pp = mc->mc_next;
	moncap_free(mc);
	return CMD_SUCCESS;
}

static void
moncap_show(struct vty *vty, const struct moncap *mc)
{
	const struct capture_stats *cs = mc->mc_cap != NULL ?
	    capture_stats(mc->mc_cap) : NULL;

	vty_out(vty, "Status Information for Capture %s\n"
	    "  Target Type:\n"
	    "   Interface: %s, Direction: %s\n"
	    "   Status : %s\n"
	    "  Filter Details:\n"
	    "    Capture all packets\n"
	    "  Buffer Details:\n"
	    "   Buffer Type: LINEAR (default)\n"
	    "   Buffer Size (in MB): %d\n"
	    "  Limit Details:\n"
	    "   Number of Packets to capture: 0 (no limit)\n"
	    "   Packet Size to capture: 0 (no limit)\n"
	    "   Packets captured: %llu\n"
	    "   Packets dropped: %llu\n",
	    mc->mc_name, mc->mc_ifname,
	    mc->mc_dirs == WIRE_CAP_IN ? "IN" :
	    mc->mc_dirs == WIRE_CAP_OUT ? "OUT" : "BOTH",
	    mc->mc_wire != NULL ? "Active" : "Inactive",
	    MONCAP_LIMIT / (1024 * 1024),
	    cs != NULL ? (unsigned long long)cs->cs_frames : 0ULL,
	    cs != NULL ? (unsigned long long)cs->cs_dropped : 0ULL);
}

int
dp_show_moncap_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct moncap	*mc;

	if (cmd_has(m, "cap")) {
		if ((mc = moncap_arg(vty, m)) == NULL)
			return CMD_WARNING;
		moncap_show(vty, mc);
		return CMD_SUCCESS;
	}
	/* One block per point, a blank line between. */
	for (mc = vty->v_sys->sy_dp->d_moncaps; mc != NULL;
	    mc = mc->mc_next) {
		if (mc != vty->v_sys->sy_dp->d_moncaps)
			vty_out(vty, "\n");
		moncap_show(vty, mc);
	}
	return CMD_SUCCESS;
}
