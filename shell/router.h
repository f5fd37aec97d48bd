/*
 * router: the state of one iosh router process that is not owned by a
 * subsystem — its name, its event loop, its sessions.  Subsystems (crypto,
 * dataplane) will hang their configuration here as opaque pointers.
 */
#ifndef IOSH_SHELL_ROUTER_H
#define IOSH_SHELL_ROUTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/system.h"
#include "lib/vty.h"
#include "shell/aaa.h"
#include "shell/banner.h"
#include "shell/enable.h"
#include "shell/lines.h"
#include "shell/log.h"
#include "shell/logging.h"
#include "shell/login_block.h"
#include "shell/passive.h"
#include "shell/routing.h"
#include "shell/snmp.h"

#define ROUTER_HOSTNAME_MAX	64

struct evloop;
struct session;
struct cmd_set;
struct vty_hub;

/* `--attach NAME=SPEC`: kept by the router, applied to every dataplane. */
struct router_attach {
	char	*ra_name;
	char	*ra_spec;
};

struct router {
	char		 r_hostname[ROUTER_HOSTNAME_MAX]; /* "Router" */
	struct evloop	*r_loop;
	uint64_t	 r_boot_ms;		/* clock_mono_ms() at start */
	int64_t		 r_reloaded_ms;		/* wall time of the last reload; 0: none */
	bool		 r_domain_lookup;	/* `ip domain-lookup` (default on) */
	struct session	*r_sessions;		/* console (and later vty) sessions */
	struct cmd_set	*r_sets[MODE_MAX];	/* compiled command set per mode */
	struct cmd_set	*r_neg_sets[MODE_MAX];	/* what "no"/"default" match */
	struct log_ts	 r_ts_log;		/* service timestamps log */
	struct log_ts	 r_ts_debug;		/* service timestamps debug */
	struct line_cfg	 r_lines[LINE_COUNT];	/* line con/aux/vty settings */
	char		*r_image;		/* the executable, for show version */
	struct system	 r_sys;			/* version, crypto, dataplane */
	struct passive	 r_passive;		/* lines stored, not acted on */
	struct routing	 r_routing;		/* router blocks, not acted on */
	struct snmp	 r_snmp;		/* snmp-server lines, inert */
	struct banners	 r_banners;		/* banner exec|incoming|login|motd */
	struct logging	 r_logging;		/* logging ... and its buffer */
	struct aaa	 r_aaa;			/* aaa ..., username ... */
	struct enable_pw r_enable;		/* enable secret/password */
	struct login_block r_login_block;	/* login block-for, login delay */
	char		*r_nvram_dir;		/* --nvram; NULL: none */
	struct router_attach *r_attach;		/* --attach, in order */
	size_t		 r_nattach;
	struct vty_hub	*r_vty_hub;		/* vty lines served (vty_conn.h) */
	/* Connections each line took since start (show line's Uses). */
	unsigned	 r_line_uses[LINE_COUNT];
	char		*r_domain_name;		/* `ip domain name`; NULL: none */
	bool		 r_domain_dash;		/* typed as `ip domain-name` */
	unsigned	 r_ssh_version;		/* `ip ssh version`; 0: 1.99 */
	/* The RSA host key (shell/ssh_cfg.c): not configuration, it lives
	 * in the private NVRAM and outlasts a reload, as IOS's does. */
	char		*r_hostkey;		/* its private PEM, or NULL */
	char		*r_hostkey_name;	/* "R1.example.com" */
	bool		 r_hostkey_loaded;	/* the nvram copy was looked for */
};

/*
 * Start-up: hostname "Router", domain lookup on, default timestamps and
 * lines, an event loop, the subsystems with their empty configuration,
 * and one command set per mode from grammar/modes.c.
 * IMAGE is argv[0].  On a grammar error returns -1 with a message in ERR.
 */
int	router_init(struct router *, const char *image, char *err,
	    size_t errlen);
void	router_free(struct router *);
/* The configuration alone: IOS defaults, and its release (`reload`). */
void	router_config_new(struct router *);
void	router_config_free(struct router *);
/*
 * Attach interface NAME to SPEC now and after every reload (the dataplane
 * is rebuilt with the configuration).  -1 with a message in ERR if the
 * dataplane refuses it.
 */
int	router_attach(struct router *, const char *name, const char *spec,
	    char *err, size_t errlen);
/* Give TO the hardware interfaces FROM's attachments created, without
 * their wires: the default configuration FROM is compared with. */
void	router_hardware(const struct router *from, struct router *to);
/* IOS hostname rules: a letter first, then letters, digits, hyphens; <= 63. */
bool	router_hostname_valid(const char *);

#endif
