/*
 * console_ssh: the router's vty lines served over SSH version 2 (libssh),
 * on the router's event loop beside telnet.  A connection takes the first
 * free `line vty` whose `transport input` allows SSH, authenticates with a
 * password as that line's `login` says, and runs a vty session (vty_conn).
 * Until `crypto key generate rsa` has made the host key, connections are
 * closed at once, as IOS closes them.
 */
#ifndef IOSH_SHELL_CONSOLE_SSH_H
#define IOSH_SHELL_CONSOLE_SSH_H

#include "lib/strbuf.h"

struct router;
struct ssh_server;

/* Listen on SPEC, "[ADDR:]PORT" (ADDR defaults to 127.0.0.1); NULL with
 * the reason in ERR when it cannot. */
struct ssh_server	*ssh_server_new(struct router *, const char *spec,
			    struct strbuf *err);
/* "ADDR:PORT" the server listens on, the chosen port filled in. */
void			 ssh_server_addr(const struct ssh_server *,
			    struct strbuf *);
/* Close every SSH connection (their sessions freed) and the listener. */
void			 ssh_server_free(struct ssh_server *);

#endif
