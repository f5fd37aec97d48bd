/*
 * log: console logging and debug delivery.
 *
 * Any subsystem reports an event with log_msg(); it is timestamped as
 * `service timestamps` says and delivered to every session's console
 * through co_async, so it never corrupts a line being typed.
 */
#ifndef IOSH_SHELL_LOG_H
#define IOSH_SHELL_LOG_H

struct router;

/* A syslog message, e.g. log_msg(r, "SYS", 5, "CONFIG_I", "Configured from %s by %s", ...)
 * prints "<stamp>: %SYS-5-CONFIG_I: Configured from console by console". */
void	log_msg(struct router *, const char *facility, int severity,
	    const char *mnemonic, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

#endif
