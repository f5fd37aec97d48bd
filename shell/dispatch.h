/*
 * dispatch: one typed line through the current mode's command set, the
 * parent modes when it fails there, and the handler; or the error.
 */
#ifndef IOSH_SHELL_DISPATCH_H
#define IOSH_SHELL_DISPATCH_H

#include <stdbool.h>
#include <stddef.h>

struct session;

/* Run LINE (LEN bytes) in S; false when the session has ended. */
bool	dispatch_line(struct session *, const char *line, size_t len);
/* Send what the session's vty holds to its console, and empty it. */
void	dispatch_flush(struct session *);
/* Leaving configuration mode: IOS logs %SYS-5-CONFIG_I. */
void	dispatch_config_left(struct session *);

#endif
