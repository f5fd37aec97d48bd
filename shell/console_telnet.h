/*
 * console_telnet: the router's vty lines served over telnet (libtelnet),
 * on the router's event loop next to the local console.  Each connection
 * takes the first free `line vty` (0 to 4), logs in as that line says and
 * runs a session of its own: its own mode, history and terminal.
 */
#ifndef IOSH_SHELL_CONSOLE_TELNET_H
#define IOSH_SHELL_CONSOLE_TELNET_H

#include "lib/strbuf.h"

struct router;
struct telnet_server;

/*
 * Listen on SPEC, "[ADDR:]PORT" (ADDR defaults to 127.0.0.1; an IPv6
 * address in brackets; PORT 0 lets the kernel choose).  Returns NULL with
 * the reason in ERR when it cannot.
 */
struct telnet_server	*telnet_server_new(struct router *, const char *spec,
			    struct strbuf *err);
/* The same for line con 0, as a terminal server or GNS3 gives a router's
 * console port: one connection at a time, no login unless `line con 0`
 * asks one, log messages without `terminal monitor`. */
struct telnet_server	*telnet_console_new(struct router *, const char *spec,
			    struct strbuf *err);
/* "ADDR:PORT" the server listens on, the chosen port filled in. */
void			 telnet_server_addr(const struct telnet_server *,
			    struct strbuf *);
/*
 * Serve the vty lines alone, once the console has ended, until SIGTERM,
 * SIGINT or SIGHUP; returns -1 when the loop fails.
 */
int			 telnet_server_run(struct telnet_server *);
/* FD, a connected stream socket (a socketpair's end: the fuzz target),
 * served as if accepted; 0, or -1 when it cannot be made non-blocking. */
int			 telnet_server_adopt(struct telnet_server *, int fd);
/* What a test (or a show command) counts of the server. */
struct telnet_stats {
	unsigned	tst_sessions;	/* connections open */
	unsigned long	tst_refused;	/* refused: lines busy, quiet mode */
	size_t		tst_buffered;	/* bytes allocated to their buffers */
};
void			 telnet_server_stats(const struct telnet_server *,
			    struct telnet_stats *);
/* TEXT in the telnet NVT's form appended to OUT: \n as CR LF, \r as CR
 * NUL, IAC doubled (what every vty's output goes through). */
void			 telnet_nvt_encode(const char *text, size_t len,
			    struct strbuf *out);
/* Close every connection (their sessions freed) and the listener. */
void			 telnet_server_free(struct telnet_server *);

#endif
