/*
 * faultcmd: `test interface NAME fault {in|out|both} SPEC` and `show
 * interfaces NAME fault` — an iosh extension (IOS has no such command):
 * the kernel iosh runs on has no netem, so reliability tests set fault
 * injection (fault.h) on an interface's wire from the CLI.
 */
#include <stdio.h>

#include "dataplane/cmds.h"
#include "dataplane/dp_int.h"
#include "dataplane/fault.h"
#include "dataplane/wire.h"
#include "lib/cmdarg.h"
#include "lib/system.h"
#include "lib/vty.h"

/* The wire of the interface the command names; NULL after an error. */
static struct wire *
named_wire(struct vty *vty, const struct cmd_args *m,
    const struct dp_iface **ifpp)
{
	const struct dp_iface	*ifp;
	struct wire		*w;

	if ((ifp = dp_iface_find(vty->v_sys->sy_dp,
	    cmd_arg(m, "ifname"))) == NULL) {
		vty_invalid(vty, cmd_arg_off(m, "ifname"));
		return NULL;
	}
	if ((w = dp_iface_wire(ifp)) == NULL)
		vty_out(vty, "%% Interface %s is not attached to a wire\n",
		    ifp->if_name);
	*ifpp = ifp;
	return w;
}

int
dp_test_fault_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct dp_iface	*ifp;
	const char		*spec = cmd_arg(m, "spec");
	struct wire		*w;
	char			 err[256];

	if ((w = named_wire(vty, m, &ifp)) == NULL)
		return CMD_WARNING;
	/* Inbound first: a bad spec fails there and changes nothing; the
	 * same spec then cannot fail outbound. */
	if ((!cmd_has(m, "out") &&
	    wire_set_fault(w, WIRE_IN, spec, err, sizeof(err)) < 0) ||
	    (!cmd_has(m, "in") &&
	    wire_set_fault(w, WIRE_OUT, spec, err, sizeof(err)) < 0)) {
		vty_out(vty, "%% %s\n", err);
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

static void
show_dir(struct vty *vty, struct wire *w, enum wire_dir dir,
    const char *title)
{
	const struct fault_stats *fs = wire_fault_stats(w, dir);
	struct strbuf		 sb;

	strbuf_init(&sb);
	wire_fault_spec(w, dir, &sb);
	vty_out(vty, "  %s: %s\n", title, sb.sb_buf);
	strbuf_free(&sb);
	/* Counters once fault injection was ever set, as wire.h keeps them. */
	if (fs == NULL)
		return;
	vty_out(vty, "    %llu offered, %llu passed, %llu lost, "
	    "%llu duplicated\n"
	    "    %llu reordered, %llu delayed, %llu overflowed\n",
	    (unsigned long long)fs->fs_in, (unsigned long long)fs->fs_out,
	    (unsigned long long)fs->fs_lost,
	    (unsigned long long)fs->fs_duplicated,
	    (unsigned long long)fs->fs_reordered,
	    (unsigned long long)fs->fs_delayed,
	    (unsigned long long)fs->fs_overflow);
}

int
dp_show_fault_cmd(struct vty *vty, const struct cmd_args *m)
{
	const struct dp_iface	*ifp;
	struct wire		*w;

	if ((w = named_wire(vty, m, &ifp)) == NULL)
		return CMD_WARNING;
	vty_out(vty, "%s fault injection on %s\n", ifp->if_name,
	    wire_spec(w));
	show_dir(vty, w, WIRE_IN, "Input");
	show_dir(vty, w, WIRE_OUT, "Output");
	return CMD_SUCCESS;
}
