/*
 * system: one router's subsystems as a command handler reaches them
 * (vty->v_sys).  The shell owns the struct and fills it at start-up; crypto
 * and dataplane find each other's state here without including shell/.
 * Logging and debug output go through hooks the shell installs, so a
 * subsystem can report an event without knowing about consoles.
 */
#ifndef IOSH_LIB_SYSTEM_H
#define IOSH_LIB_SYSTEM_H

#include <stdbool.h>

struct crypto;
struct dataplane;
struct evloop;

/*
 * The `version` line: picks the output formats that differ between IOS
 * releases (the 12.x `slot` columns against 15.x's IPv4/IPv6 sections...).
 */
struct ios_version {
	unsigned	iv_major;	/* 15 */
	unsigned	iv_minor;	/* 1 */
};

#define IOS_VERSION_DEFAULT_MAJOR	15
#define IOS_VERSION_DEFAULT_MINOR	1

/* What an authentication login list says of a user and password. */
enum sys_auth {
	SYS_AUTH_PASS,		/* a method accepted them */
	SYS_AUTH_FAIL,		/* a method refused them */
	SYS_AUTH_NO_LIST,	/* no such list, or none of its methods
				 * can answer (no aaa new-model) */
};

struct system {
	struct ios_version	 sy_version;
	bool			 sy_password_encryption; /* service p-e */
	/* `service internal`: iosh's test commands that reveal secrets
	 * (test crypto wireshark-keys) exist, and SAs keep what they need. */
	bool			 sy_service_internal;
	/* Set only while `show running-config all` renders: the renderers
	 * that know their defaults print them too. */
	bool			 sy_nv_all;
	struct evloop		*sy_loop;
	struct crypto		*sy_crypto;	/* crypto/crypto.h */
	struct dataplane	*sy_dp;		/* dataplane/dp.h */
	const char		*sy_hostname;	/* the router's, for DHCP */
	/* `key config-key password-encrypt`: the master key of type 6
	 * keys, kept where IOS keeps it, in private NVRAM: never in the
	 * configuration, through reloads, and (the shell's hook below) in
	 * the nvram directory's private-config. */
	char			*sy_master_key;
	/* Installed by the shell: a syslog message ("%FAC-SEV-MNEM: text")
	 * and a debug line, each stamped and sent to every console. */
	void	(*sy_log)(void *arg, const char *facility, int severity,
		    const char *mnemonic, const char *text);
	void	(*sy_debug)(void *arg, const char *text);
	/* Installed by the shell: check USER/PASSWORD against the
	 * `aaa authentication login LIST` methods (crypto's XAUTH). */
	enum sys_auth	(*sy_auth_login)(void *arg, const char *list,
		    const char *user, const char *password);
	/* Installed by the shell: keep MASTER in private NVRAM (NULL:
	 * remove it).  False when it could not be written. */
	bool	(*sy_private_save)(void *arg, const char *master);
	void	 *sy_hook_arg;
};

/* True when the configured version is 15.0 or later. */
bool	sys_version_15(const struct system *);
void	sys_log(struct system *, const char *facility, int severity,
	    const char *mnemonic, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	sys_debug(struct system *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* The login hook, SYS_AUTH_NO_LIST without one (unit tests). */
enum sys_auth	sys_auth_login(struct system *, const char *list,
		    const char *user, const char *password);

#endif
