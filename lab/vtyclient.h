/*
 * vtyclient: a scripted telnet session on a router's vty, as expect or
 * Netmiko would drive it: log in, run commands one at a time, and hand
 * back each command's output (without the echoed line and the prompt).
 *
 * A prompt is recognised as the text after the last newline when it is
 * one word ending in '>' or '#' ("R1#", "R1(config-if)#"): command output
 * always ends with a newline, so an output line cannot pass for one.
 */
#ifndef IOSH_LAB_VTYCLIENT_H
#define IOSH_LAB_VTYCLIENT_H

#include <stddef.h>

struct vtyc;

/* Connect to HOST:PORT and log in with PASSWORD (NULL: none expected);
 * wait at most TIMEOUT_MS for each step.  NULL with a message in ERR. */
struct vtyc	*vtyc_open(const char *host, unsigned port,
		    const char *password, int timeout_ms, char *err,
		    size_t errlen);
/* Run CMD; its output (NUL-terminated, LF line ends) in *OUT, owned by
 * the client until the next call.  -1 with a message in ERR on timeout
 * or a closed connection. */
int		 vtyc_run(struct vtyc *, const char *cmd, const char **out,
		    char *err, size_t errlen);
void		 vtyc_close(struct vtyc *);

#endif
