/*
 * router: start-up and tear-down of the router object.  Every mode's
 * command set is compiled here, once, from the mode table; a grammar
 * mistake (a help line missing) is found at start-up, not when typed.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/crypto.h"
#include "dataplane/dp.h"
#include "grammar/modes.h"
#include "lib/clock.h"
#include "lib/evloop.h"
#include "lib/xalloc.h"
#include "parser/cmd.h"
#include "shell/cmds.h"
#include "shell/router.h"
#include "shell/ssh_cfg.h"
#include "shell/session.h"
#include "shell/startup.h"

static int
add_tables(struct cmd_set *set, const struct cmd_table *const *tables,
    char *err, size_t errlen)
{
	for (; *tables != NULL; tables++)
		if (cmd_set_add(set, (*tables)->ct_defs, (*tables)->ct_n, err,
		    errlen) < 0)
			return -1;
	return 0;
}

static int
build_mode(struct router *r, const struct mode_info *mi, char *err,
    size_t errlen)
{
	char	name[64];

	r->r_sets[mi->mi_id] = cmd_set_new(mi->mi_name);
	if (add_tables(r->r_sets[mi->mi_id], mi->mi_tables, err, errlen) < 0)
		return -1;
	if (mi->mi_exit.cd_syntax != NULL &&
	    cmd_set_add(r->r_sets[mi->mi_id], &mi->mi_exit, 1, err, errlen) < 0)
		return -1;
	if ((mi->mi_flags & MODE_F_EXEC) &&
	    cmd_set_add_tail(r->r_sets[mi->mi_id], CMD_FILTER, &filter_tail,
	    err, errlen) < 0)
		return -1;
	if (!(mi->mi_flags & MODE_F_CONFIG))
		return 0;
	/* What may follow "no" or "default": the mode's own commands (the
	 * parser keeps those flagged CMD_NO/CMD_DEFAULT) and the negated
	 * forms that exist only there. */
	snprintf(name, sizeof(name), "%s-no", mi->mi_name);
	r->r_neg_sets[mi->mi_id] = cmd_set_new(name);
	if (add_tables(r->r_neg_sets[mi->mi_id], mi->mi_tables, err,
	    errlen) < 0 ||
	    add_tables(r->r_neg_sets[mi->mi_id], mi->mi_neg_tables, err,
	    errlen) < 0)
		return -1;
	return 0;
}

static int
add_prefixes(struct router *r, mode_id id)
{
	const struct mode_prefix	*mp;
	const struct cmd_set		*target;
	unsigned			 need;
	size_t				 i;

	for (i = 0; i < config_nprefixes; i++) {
		mp = &config_prefixes[i];
		switch (mp->mp_bit) {
		case PFX_NO:
			target = r->r_neg_sets[id];
			need = CMD_NO;
			break;
		case PFX_DEFAULT:
			target = r->r_neg_sets[id];
			need = CMD_DEFAULT;
			break;
		default:
			target = r->r_sets[MODE_PRIV_EXEC];
			need = 0;
			break;
		}
		if (cmd_set_add_prefix(r->r_sets[id], mp->mp_keyword,
		    mp->mp_help, target, need, mp->mp_bit) < 0)
			return -1;
	}
	return 0;
}

static void
image_path(struct router *r, const char *argv0)
{
	char	buf[PATH_MAX];

	if (strchr(argv0, '/') == NULL || realpath(argv0, buf) == NULL) {
		ssize_t	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

		if (n < 0)
			n = 0;
		buf[n] = '\0';
	}
	r->r_image = xstrdup(buf);
}

/* Subsystems report events through these; see lib/system.h. */
static void
sys_log_hook(void *arg, const char *facility, int severity,
    const char *mnemonic, const char *text)
{
	log_msg(arg, facility, severity, mnemonic, "%s", text);
}

static void
sys_debug_hook(void *arg, const char *text)
{
	log_debug(arg, "%s", text);
}

static enum sys_auth
sys_auth_hook(void *arg, const char *list, const char *user,
    const char *password)
{
	const struct router	*r = arg;

	return aaa_login_check(&r->r_aaa, list, user, password);
}

/* The configuration a router has before any command: IOS defaults. */
void
router_config_new(struct router *r)
{
	char		err[256];
	unsigned	i;
	size_t		k;

	strcpy(r->r_hostname, "Router");
	r->r_domain_lookup = true;
	log_ts_default(&r->r_ts_log);
	log_ts_default(&r->r_ts_debug);
	for (i = 0; i < LINE_COUNT; i++)
		line_cfg_default(&r->r_lines[i], i);
	r->r_sys.sy_version.iv_major = IOS_VERSION_DEFAULT_MAJOR;
	r->r_sys.sy_version.iv_minor = IOS_VERSION_DEFAULT_MINOR;
	r->r_sys.sy_password_encryption = false;
	r->r_sys.sy_hostname = r->r_hostname;
	passive_default(&r->r_passive);
	logging_init(&r->r_logging);
	aaa_init(&r->r_aaa);
	enable_init(&r->r_enable);
	login_block_init(&r->r_login_block);
	/* The dataplane first: crypto refers to its ACLs and interfaces. */
	r->r_sys.sy_dp = dp_new(&r->r_sys);
	/* The same hardware after a reload: the wires were accepted when
	 * first attached, so a failure now (a port taken meanwhile) only
	 * leaves that interface without its wire. */
	for (k = 0; k < r->r_nattach; k++)
		(void)dp_attach(r->r_sys.sy_dp, r->r_attach[k].ra_name,
		    r->r_attach[k].ra_spec, err, sizeof(err));
	r->r_sys.sy_crypto = crypto_new(&r->r_sys);
}

void
router_hardware(const struct router *from, struct router *to)
{
	char	err[256];
	size_t	i;

	for (i = 0; i < from->r_nattach; i++)
		(void)dp_hardware(to->r_sys.sy_dp, from->r_attach[i].ra_name,
		    err, sizeof(err));
}

int
router_attach(struct router *r, const char *name, const char *spec,
    char *err, size_t errlen)
{
	struct router_attach	*ra;

	if (dp_attach(r->r_sys.sy_dp, name, spec, err, errlen) < 0)
		return -1;
	ra = realloc(r->r_attach, (r->r_nattach + 1) * sizeof(*ra));
	if (ra == NULL)
		abort();
	r->r_attach = ra;
	ra += r->r_nattach++;
	ra->ra_name = xstrdup(name);
	ra->ra_spec = xstrdup(spec);
	return 0;
}

void
router_config_free(struct router *r)
{
	struct session	*s;
	unsigned	 i;

	/* A running ping holds the dataplane: it ends first. */
	for (s = r->r_sessions; s != NULL; s = s->s_next)
		session_cancel(s);
	if (r->r_sys.sy_crypto != NULL)
		crypto_free(r->r_sys.sy_crypto);
	if (r->r_sys.sy_dp != NULL)
		dp_free(r->r_sys.sy_dp);
	r->r_sys.sy_crypto = NULL;
	r->r_sys.sy_dp = NULL;
	for (i = 0; i < LINE_COUNT; i++)
		line_cfg_clear(&r->r_lines[i]);
	free(r->r_domain_name);
	r->r_domain_name = NULL;
	r->r_ssh_version = 0;
	aaa_clear(&r->r_aaa);
	enable_clear(&r->r_enable);
	logging_free(&r->r_logging);
	login_block_free(r);
	routing_free(&r->r_routing);
	snmp_free(&r->r_snmp);
	banners_free(&r->r_banners);
}

int
router_init(struct router *r, const char *argv0, char *err, size_t errlen)
{
	unsigned	i;

	memset(r, 0, sizeof(*r));
	r->r_loop = evloop_new();
	r->r_boot_ms = clock_mono_ms();
	r->r_sys.sy_loop = r->r_loop;
	r->r_sys.sy_log = sys_log_hook;
	r->r_sys.sy_debug = sys_debug_hook;
	r->r_sys.sy_auth_login = sys_auth_hook;
	r->r_sys.sy_private_save = startup_private_save;
	r->r_sys.sy_hook_arg = r;
	router_config_new(r);
	image_path(r, argv0);
	/* Mode numbers are the owners' (lib/vty.h): rows may be unused. */
	for (i = 0; i < MODE_MAX; i++) {
		if (mode_info(i)->mi_name == NULL)
			continue;
		if (mode_info(i)->mi_id != i) {
			snprintf(err, errlen, "%s: row %u holds mode %u",
			    mode_info(i)->mi_name, i, mode_info(i)->mi_id);
			return -1;
		}
		if (build_mode(r, mode_info(i), err, errlen) < 0)
			return -1;
	}
	/* "do" needs privileged exec built, so prefixes come last. */
	for (i = 0; i < MODE_MAX; i++)
		if ((mode_info(i)->mi_flags & MODE_F_CONFIG) &&
		    add_prefixes(r, i) < 0) {
			snprintf(err, errlen, "%s: cannot add prefixes",
			    mode_info(i)->mi_name);
			return -1;
		}
	return 0;
}

void
router_free(struct router *r)
{
	unsigned	i;

	while (r->r_sessions != NULL)
		session_free(r->r_sessions);
	for (i = 0; i < MODE_MAX; i++) {
		if (r->r_sets[i] != NULL)
			cmd_set_free(r->r_sets[i]);
		if (r->r_neg_sets[i] != NULL)
			cmd_set_free(r->r_neg_sets[i]);
	}
	router_config_free(r);
	startup_private_free(r);
	ssh_hostkey_free(r);
	if (r->r_loop != NULL)
		evloop_free(r->r_loop);
	free(r->r_image);
	free(r->r_nvram_dir);
	for (i = 0; i < r->r_nattach; i++) {
		free(r->r_attach[i].ra_name);
		free(r->r_attach[i].ra_spec);
	}
	free(r->r_attach);
	memset(r, 0, sizeof(*r));
}
