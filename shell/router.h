/*
 * router: the state of one iosh router process that is not owned by a
 * subsystem — its name, its event loop, its sessions.  Subsystems (crypto,
 * dataplane) will hang their configuration here as opaque pointers.
 */
#ifndef IOSH_SHELL_ROUTER_H
#define IOSH_SHELL_ROUTER_H

#include <stdbool.h>
#include <stdint.h>

#define ROUTER_HOSTNAME_MAX	64

struct evloop;
struct session;
struct cmd_set;

struct router {
	char		 r_hostname[ROUTER_HOSTNAME_MAX]; /* "Router" */
	struct evloop	*r_loop;
	uint64_t	 r_boot_ms;		/* clock_mono_ms() at start */
	bool		 r_domain_lookup;	/* `ip domain-lookup` (default on) */
	struct session	*r_sessions;		/* console (and later vty) sessions */
	struct cmd_set	*r_sets[32];		/* compiled command set per mode_id */
};

#endif
