/*
 * vty_conn: one vty line's connection, whatever carries it.  The line
 * editor, the login dialog, the pager, log delivery and the hangup of a
 * reload are the same over telnet and SSH; a transport (console_telnet.c,
 * console_ssh.c) only encodes what is sent, writes it, and hands in the
 * keys it reads.  The vty lines themselves (vty 0 to 4, the five-session
 * limit) are the router's, shared by every transport: a vty_hub.
 */
#ifndef IOSH_SHELL_VTY_CONN_H
#define IOSH_SHELL_VTY_CONN_H

#include <sys/queue.h>
#include <sys/types.h>

#include <netinet/in.h>
#include <stdbool.h>

#include "lib/evloop.h"
#include "lib/strbuf.h"
#include "shell/lines.h"
#include "shell/login.h"
#include "shell/pager.h"

struct router;
struct session;
struct ev_timer;
struct vty_hub;

/* What a transport does for the connection; ARG is its own state. */
struct vc_transport {
	enum line_transport	 vt_kind;	/* TRANSPORT_TELNET or _SSH */
	/* Append TEXT ("\n" for a new line) to TX in the wire's form. */
	void	(*vt_encode)(void *arg, const char *text, size_t len,
		    struct strbuf *tx);
	/* Write up to LEN bytes; -1 with errno (EAGAIN: later). */
	ssize_t	(*vt_write)(void *arg, const char *buf, size_t len);
	/* What to wait for: input (IN) and room to write (OUT). */
	void	(*vt_events)(void *arg, bool in, bool out);
	/* The connection is being freed: close the transport. */
	void	(*vt_free)(void *arg);
	/* Optional (SSH): what `show ssh` tells of a session in its exec —
	 * cipher, MAC and user; false before the exec.  Through this the
	 * shell reaches the transport without linking it. */
	bool	(*vt_info)(void *arg, const char **cipher, const char **hmac,
		    const char **user);
};

enum vc_state {
	VC_LOGIN,	/* the login dialog has the input */
	VC_EDIT,	/* a command line is being typed */
	VC_MORE,	/* the pager waits at --More-- */
	VC_RUN,		/* a command runs on (ping); keys wait, but Ctrl-^ */
	VC_DELAY,	/* `login delay`: keys wait until the next prompt */
	VC_CLOSING,	/* output drains, then the connection closes */
	VC_IDLE,	/* the console's exec ended: RETURN starts another */
};

/* Where an escape sequence (arrow keys) has got to. */
enum vc_esc {
	ESC_NONE,
	ESC_START,	/* ESC read */
	ESC_CSI,	/* ESC [ or ESC O read */
};

struct vty_conn {
	TAILQ_ENTRY(vty_conn)	 vc_entry;
	struct vty_hub		*vc_hub;
	const struct vc_transport *vc_tp;
	void			*vc_tparg;
	unsigned		 vc_vty;	/* vty N */
	unsigned		 vc_line_no;	/* LINE_CON or LINE_VTY0 + N */
	struct ev_timer		*vc_idle;	/* exec-timeout */
	struct session		*vc_sess;
	struct login		 vc_login;
	enum vc_state		 vc_state;
	enum vc_esc		 vc_esc;
	bool			 vc_busy;	/* a command is running */
	bool			 vc_cr;		/* CR read: drop its LF/NUL */
	bool			 vc_dead;	/* the transport failed */
	bool			 vc_hungup;	/* dropped by the router: mute */
	bool			 vc_batch;	/* in vc_input: send at its end */
	struct ev_timer		*vc_reap;	/* frees a dead connection */
	struct strbuf		 vc_line;	/* the line being typed */
	size_t			 vc_hist;	/* history entry shown */
	struct strbuf		 vc_tx;		/* bytes not yet written */
	struct pager		 vc_pager;
	struct strbuf		 vc_held;	/* logs held at --More-- */
	bool			 vc_help_more;	/* --More-- over a help list */
	struct strbuf		 vc_ahead;	/* typed during VC_RUN */
	struct strbuf		 vc_delayed;	/* the prompt `login delay` holds */
	struct ev_timer		*vc_delay;	/* sends it */
	char			 vc_peer[INET6_ADDRSTRLEN]; /* Source: */
	unsigned		 vc_lport;	/* localport: */
};

TAILQ_HEAD(vty_conns, vty_conn);

/*
 * The router's vty lines, shared by the servers that use them: the first
 * get creates it (kept in the router), the last put frees it.
 */
struct vty_hub	*vty_hub_get(struct router *);
void		 vty_hub_put(struct vty_hub *);
struct router	*vty_hub_router(const struct vty_hub *);
struct vty_conns *vty_hub_conns(struct vty_hub *);
/*
 * The first free vty line whose `transport input` takes KIND, or -1: every
 * line busy, or the quiet period of `login block-for`.
 */
int		 vty_hub_pick(const struct vty_hub *, enum line_transport);

/* A connection on vty N, from PEER to local port LPORT, before login. */
struct vty_conn	*vc_new(struct vty_hub *, unsigned n,
		    const struct vc_transport *, void *arg, const char *peer,
		    unsigned lport);
/* The console line's connection (--console), when the line is free. */
bool		 vty_hub_con_free(const struct vty_hub *);
struct vty_conn	*vc_new_con(struct vty_hub *, const struct vc_transport *,
		    void *arg, const char *peer, unsigned lport);
/* The exec ends (exit, exec-timeout): a vty closes, the console waits
 * for RETURN; arm the line's exec-timeout. */
void		 vc_end_exec(struct vty_conn *);
void		 vc_idle_arm(struct vty_conn *);
/* The line's login dialog begins (telnet); an SSH transport has
 * authenticated the user itself and calls vc_start_exec instead. */
void		 vc_login(struct vty_conn *);
/* Keys read from the user. */
void		 vc_input(struct vty_conn *, const char *, size_t);
/* The user's window: the vty's terminal width and length. */
void		 vc_window(struct vty_conn *, unsigned cols, unsigned rows);
/* Write what waits; schedules the free of a dead or finished one. */
void		 vc_flush(struct vty_conn *);
/* Whether input may be read now (not closing, output not backed up). */
bool		 vc_readable(const struct vty_conn *);
/* Whether the connection is over: dead, or closed and drained. */
bool		 vc_over(const struct vty_conn *);
/* The exec begins: the login's user and privilege, the prompt. */
void		 vc_start_exec(struct vty_conn *);
/* Output drains, then the connection closes. */
void		 vc_close(struct vty_conn *);
void		 vc_free(struct vty_conn *);
/* Bytes allocated to the connection's buffers. */
size_t		 vc_buffered(const struct vty_conn *);

/*
 * A transport's listening socket on the router's vty lines: what the
 * telnet and SSH servers both hold.  Open listens on "[ADDR:]PORT" (ADDR
 * defaults to 127.0.0.1) and calls ACCEPT(fd, revents, ARG) as
 * connections come; false with the reason in ERR (the listener is then
 * closed already).  Close ends the sessions of transport TP and lets the
 * socket and the lines go.
 */
struct vty_listener {
	struct vty_hub	*vl_hub;
	struct evloop	*vl_loop;
	int		 vl_fd;
	struct strbuf	 vl_addr;	/* "ADDR:PORT" as bound */
};

bool		 vty_listener_open(struct vty_listener *, struct router *,
		    const char *spec, ev_io_fn accept, void *arg,
		    struct strbuf *err);
void		 vty_listener_close(struct vty_listener *,
		    const struct vc_transport *tp);
/* Accept a connection: non-blocking, close-on-exec, no Nagle; or -1. */
int		 vty_accept(int lfd);
/* Refuse an accepted connection with a reset, as IOS refuses it. */
void		 vty_refuse(int fd);
/* The peer's numeric address and the local port of FD. */
void		 vty_addrs(int fd, char *peer, size_t peerlen, unsigned *lport);
/*
 * Serve the vty lines alone, once the console has ended, until SIGTERM,
 * SIGINT or SIGHUP; returns -1 when the loop fails.
 */
int		 vty_serve(struct router *);

#endif
