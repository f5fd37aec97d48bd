/*
 * console_ssh: the SSH transport of the vty lines, on libssh's server API
 * in non-blocking mode.  iosh's event loop watches the socket; when it is
 * ready, libssh runs its key exchange, then its callbacks (password,
 * channel, pty, shell, data) through an ssh_event polled without waiting.
 * The vty line is taken at accept, so the five-session limit counts SSH
 * and telnet together, as IOS's vty 0 4 does.
 *
 * Every connection ends through vc_free (the vty's), which calls back
 * sc_free for the libssh objects: one path, whatever ended it.
 */
#include <sys/queue.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>

#include "lib/evloop.h"
#include "lib/xalloc.h"
#include "shell/console_ssh.h"
#include "shell/router.h"
#include "shell/ssh_cfg.h"
#include "shell/vty_conn.h"

struct ssh_conn {
	struct ssh_server		*sc_srv;
	struct vty_conn			*sc_vc;
	int				 sc_fd;		/* ours: see ss_accept */
	ssh_session			 sc_sess;
	ssh_event			 sc_ev;		/* after the key exchange */
	ssh_channel			 sc_chan;
	bool				 sc_authed;
	bool				 sc_shell;	/* the exec has begun */
	bool				 sc_peer_closed; /* the client's close */
	unsigned			 sc_fails;	/* passwords refused */
	char				*sc_user;	/* SSH's user name */
	struct ev_timer			*sc_timer;	/* ip ssh time-out */
	bool				 sc_lingering;	/* vty gone, closing */
	LIST_ENTRY(ssh_conn)		 sc_linger;
	struct ssh_server_callbacks_struct  sc_scb;
	struct ssh_channel_callbacks_struct sc_ccb;
};

struct ssh_server {
	struct vty_listener	 ss_l;
	struct router		*ss_router;
	unsigned long		 ss_refused;
	LIST_HEAD(, ssh_conn)	 ss_lingering;	/* closing, vty freed */
};

/* What a 15.x IOS offers (its `show ssh` names them): AES in counter
 * mode, SHA MACs; libssh's defaults would add ciphers IOS has not. */
#define SSH_CIPHERS	"aes128-ctr,aes192-ctr,aes256-ctr"
#define SSH_HMACS	"hmac-sha2-256,hmac-sha1"
/* How long a closing session may take to say goodbye. */
#define SSH_CLOSE_MS	1000

/* IOS's default `ip ssh time-out`: a connection that has not reached
 * the exec by then is closed, so no client holds a vty line with a
 * half-done handshake. */
#define SSH_AUTH_TIMEOUT_MS	(120 * 1000)

/* IOS's default `ip ssh authentication-retries`. */
#define SSH_AUTH_RETRIES	3

/* A pty line ends in CR LF; the client's terminal is raw. */
static void
sc_encode(void *arg, const char *text, size_t len, struct strbuf *tx)
{
	const char	*nl, *end = text + len;

	(void)arg;
	/* A run per line, not an append per byte (as telnet's encoder). */
	while ((nl = memchr(text, '\n', (size_t)(end - text))) != NULL) {
		strbuf_add(tx, text, (size_t)(nl - text));
		strbuf_add(tx, "\r\n", 2);
		text = nl + 1;
	}
	strbuf_add(tx, text, (size_t)(end - text));
}

/* Into the channel, as much as its window takes; libssh buffers what the
 * socket does not take yet (SSH_WRITE_PENDING). */
static ssize_t
sc_write(void *arg, const char *buf, size_t len)
{
	struct ssh_conn	*sc = arg;
	uint32_t	 win;
	int		 n;

	if (sc->sc_chan == NULL || !sc->sc_shell) {
		errno = EAGAIN;
		return -1;
	}
	if ((win = ssh_channel_window_size(sc->sc_chan)) == 0) {
		errno = EAGAIN;
		return -1;
	}
	if (len > win)
		len = win;
	if ((n = ssh_channel_write(sc->sc_chan, buf, (uint32_t)len)) ==
	    SSH_ERROR) {
		errno = EPIPE;
		return -1;
	}
	if (n == 0) {
		errno = EAGAIN;
		return -1;
	}
	return n;
}

static void
sc_events(void *arg, bool in, bool out)
{
	struct ssh_conn	*sc = arg;

	/* The protocol is read whatever the vty wants: window adjusts and
	 * keep-alives arrive there; keys of a busy vty wait in vc_input. */
	(void)in;
	(void)out;
	evloop_set_events(sc->sc_srv->ss_l.vl_loop, sc->sc_fd, POLLIN |
	    ((ssh_get_poll_flags(sc->sc_sess) & SSH_WRITE_PENDING) ?
	    POLLOUT : 0));
}

/* The last of a connection, its vty gone. */
static void
sc_destroy(struct ssh_conn *sc)
{
	struct evloop	*loop = sc->sc_srv->ss_l.vl_loop;

	evloop_del_fd(loop, sc->sc_fd);
	if (sc->sc_timer != NULL)
		evloop_timer_cancel(loop, sc->sc_timer);
	if (sc->sc_lingering)
		LIST_REMOVE(sc, sc_linger);
	if (sc->sc_chan != NULL)
		ssh_channel_free(sc->sc_chan);
	if (sc->sc_ev != NULL) {
		ssh_event_remove_session(sc->sc_ev, sc->sc_sess);
		ssh_event_free(sc->sc_ev);
	}
	/* Says goodbye if it can, then closes libssh's copy of the socket;
	 * ours goes last, after the event loop has let go of it. */
	ssh_disconnect(sc->sc_sess);
	ssh_free(sc->sc_sess);
	close(sc->sc_fd);
	free(sc->sc_user);
	free(sc);
}

static void
sc_linger_end(void *arg)
{
	struct ssh_conn	*sc = arg;

	sc->sc_timer = NULL;
	sc_destroy(sc);
}

/* Closing: the client's own channel close, then the end. */
static void
sc_linger_io(int fd, short revents, void *arg)
{
	struct ssh_conn	*sc = arg;

	(void)revents;
	if (ssh_event_dopoll(sc->sc_ev, 0) == SSH_ERROR ||
	    sc->sc_peer_closed ||
	    (ssh_get_status(sc->sc_sess) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
		sc_destroy(sc);
		return;
	}
	evloop_set_events(sc->sc_srv->ss_l.vl_loop, fd, POLLIN |
	    ((ssh_get_poll_flags(sc->sc_sess) & SSH_WRITE_PENDING) ?
	    POLLOUT : 0));
}

/*
 * The vty is freed.  When its exec ended (`exit`, a reload), the client
 * gets its exit status and the channel's EOF and close, and the
 * connection lingers (SSH_CLOSE_MS at most, off the vty line) for the
 * client's close: OpenSSH reports "closed by remote host" and exits 255
 * when the connection ends first.
 */
static void
sc_free(void *arg)
{
	struct ssh_conn	*sc = arg;
	struct evloop	*loop = sc->sc_srv->ss_l.vl_loop;
	bool		 dead = sc->sc_vc->vc_dead;

	sc->sc_vc = NULL;
	if (dead || sc->sc_chan == NULL || sc->sc_ev == NULL ||
	    sc->sc_peer_closed) {
		sc_destroy(sc);
		return;
	}
	ssh_channel_request_send_exit_status(sc->sc_chan, 0);
	ssh_channel_send_eof(sc->sc_chan);
	ssh_channel_close(sc->sc_chan);
	if (sc->sc_timer != NULL)
		evloop_timer_cancel(loop, sc->sc_timer);
	sc->sc_timer = evloop_timer_add(loop, SSH_CLOSE_MS, sc_linger_end, sc);
	evloop_del_fd(loop, sc->sc_fd);
	if (evloop_add_fd(loop, sc->sc_fd, POLLIN | POLLOUT, sc_linger_io,
	    sc) < 0)
		abort();
	sc->sc_lingering = true;
	LIST_INSERT_HEAD(&sc->sc_srv->ss_lingering, sc, sc_linger);
}

/* What `show ssh` says of the session: its cipher, MAC and user. */
static bool
sc_info(void *arg, const char **cipher, const char **hmac, const char **user)
{
	struct ssh_conn	*sc = arg;

	*cipher = ssh_get_cipher_out(sc->sc_sess);
	*hmac = ssh_get_hmac_out(sc->sc_sess);
	*user = sc->sc_user;
	return sc->sc_shell;
}

static const struct vc_transport sc_transport = {
	.vt_kind = TRANSPORT_SSH,
	.vt_encode = sc_encode,
	.vt_write = sc_write,
	.vt_events = sc_events,
	.vt_free = sc_free,
	.vt_info = sc_info,
};

/*
 * SSH's password against the line's `login`, through the login dialog of
 * telnet so both give the same answer: `login local` takes the user SSH
 * names, `login` only the line's password (IOS asks SSH for a user name
 * and ignores it), `no login` lets anyone in.  IOS counts a refused
 * password towards `login block-for` as it counts a telnet one.
 */
static int
sc_auth_password(ssh_session s, const char *user, const char *pw, void *ud)
{
	struct ssh_conn		*sc = ud;
	struct vty_conn		*vc = sc->sc_vc;
	struct router		*r = sc->sc_srv->ss_router;
	struct strbuf		 out;
	enum login_step		 step;

	(void)s;
	if (vc == NULL)
		return SSH_AUTH_DENIED;
	strbuf_init(&out);
	login_free(&vc->vc_login);
	step = login_start(&vc->vc_login, r, LINE_VTY0 + vc->vc_vty, &out);
	if (step == LOGIN_ASK_USER)
		step = login_input(&vc->vc_login, user, &out);
	if (step == LOGIN_ASK_PASS)
		step = login_input(&vc->vc_login, pw, &out);
	strbuf_free(&out);
	if (step == LOGIN_DONE) {
		sc->sc_authed = true;
		/* show ssh names the SSH user, whatever `login` checked. */
		xstrset(&sc->sc_user, user);
		return SSH_AUTH_SUCCESS;
	}
	login_block_fail(r, user, vc->vc_peer, vc->vc_lport);
	if (++sc->sc_fails >= SSH_AUTH_RETRIES)
		vc_close(vc);
	return SSH_AUTH_DENIED;
}

static int
sc_data(ssh_session s, ssh_channel ch, void *data, uint32_t len,
    int is_stderr, void *ud)
{
	struct ssh_conn	*sc = ud;

	(void)s;
	(void)ch;
	(void)is_stderr;
	if (sc->sc_shell && sc->sc_vc != NULL)
		vc_input(sc->sc_vc, data, len);
	return (int)len;
}

static int
sc_pty(ssh_session s, ssh_channel ch, const char *term, int cols, int rows,
    int px, int py, void *ud)
{
	struct ssh_conn	*sc = ud;

	(void)s;
	(void)ch;
	(void)term;
	(void)px;
	(void)py;
	if (sc->sc_vc != NULL)
		vc_window(sc->sc_vc, cols > 0 ? (unsigned)cols : 0,
	    rows > 0 ? (unsigned)rows : 0);
	return 0;
}

static int
sc_winch(ssh_session s, ssh_channel ch, int cols, int rows, int px, int py,
    void *ud)
{
	return sc_pty(s, ch, NULL, cols, rows, px, py, ud);
}

/* The shell: the vty's exec begins, as after telnet's login. */
static int
sc_shell_req(ssh_session s, ssh_channel ch, void *ud)
{
	struct ssh_conn	*sc = ud;

	(void)s;
	(void)ch;
	if (!sc->sc_authed || sc->sc_shell || sc->sc_vc == NULL)
		return 1;
	sc->sc_shell = true;
	evloop_timer_cancel(sc->sc_srv->ss_l.vl_loop, sc->sc_timer);
	sc->sc_timer = NULL;
	vc_start_exec(sc->sc_vc);
	return 0;
}

/* The client closed the channel (its EOF alone is not the end: a script
 * piped into ssh sends EOF after its last line, which still runs). */
static void
sc_chan_end(ssh_session s, ssh_channel ch, void *ud)
{
	struct ssh_conn	*sc = ud;

	(void)s;
	(void)ch;
	sc->sc_peer_closed = true;
	if (sc->sc_vc != NULL && sc->sc_vc->vc_state != VC_CLOSING)
		sc->sc_vc->vc_dead = true;
}

/* One session channel per connection, as on IOS's vty. */
static ssh_channel
sc_chan_open(ssh_session s, void *ud)
{
	struct ssh_conn	*sc = ud;

	if (!sc->sc_authed || sc->sc_chan != NULL)
		return NULL;
	if ((sc->sc_chan = ssh_channel_new(s)) == NULL)
		return NULL;
	sc->sc_ccb.userdata = sc;
	sc->sc_ccb.channel_data_function = sc_data;
	sc->sc_ccb.channel_pty_request_function = sc_pty;
	sc->sc_ccb.channel_pty_window_change_function = sc_winch;
	sc->sc_ccb.channel_shell_request_function = sc_shell_req;
	sc->sc_ccb.channel_close_function = sc_chan_end;
	ssh_callbacks_init(&sc->sc_ccb);
	ssh_set_channel_callbacks(sc->sc_chan, &sc->sc_ccb);
	return sc->sc_chan;
}

static void
sc_timeout(void *arg)
{
	struct ssh_conn	*sc = arg;

	sc->sc_timer = NULL;
	sc->sc_vc->vc_dead = true;
	vc_flush(sc->sc_vc);
}

static void
sc_io(int fd, short revents, void *arg)
{
	struct ssh_conn	*sc = arg;
	struct vty_conn	*vc = sc->sc_vc;
	int		 rc;

	(void)fd;
	(void)revents;
	if (sc->sc_ev == NULL) {
		rc = ssh_handle_key_exchange(sc->sc_sess);
		if (rc == SSH_OK) {
			if ((sc->sc_ev = ssh_event_new()) == NULL ||
			    ssh_event_add_session(sc->sc_ev, sc->sc_sess) !=
			    SSH_OK)
				vc->vc_dead = true;
		} else if (rc != SSH_AGAIN)
			vc->vc_dead = true;
	}
	if (sc->sc_ev != NULL && !vc->vc_dead &&
	    ssh_event_dopoll(sc->sc_ev, 0) == SSH_ERROR)
		vc->vc_dead = true;
	if (ssh_get_status(sc->sc_sess) & (SSH_CLOSED | SSH_CLOSED_ERROR))
		vc->vc_dead = true;
	vc_flush(vc);
	if (vc_over(vc))
		vc_free(vc);
}

/* The bind takes the router's key (its PEM, ssh_cfg.c's) as its own. */
static int
bind_key(ssh_bind bind, const char *pem)
{
	ssh_key	key = NULL;

	if (ssh_pki_import_privkey_base64(pem, NULL, NULL, NULL, &key) !=
	    SSH_OK)
		return SSH_ERROR;
	if (ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, key) !=
	    SSH_OK) {
		ssh_key_free(key);
		return SSH_ERROR;
	}
	return SSH_OK;
}

static void
ss_accept(int lfd, short revents, void *arg)
{
	struct ssh_server	*ss = arg;
	struct ssh_conn		*sc;
	ssh_bind		 bind;
	const char		*pem;
	char			 peer[INET6_ADDRSTRLEN];
	unsigned		 lport;
	int			 fd, sfd, n;

	(void)revents;
	if ((fd = vty_accept(lfd)) < 0)
		return;
	/* No RSA key yet: IOS has no SSH server to answer with. */
	if ((pem = ssh_hostkey_pem(ss->ss_router)) == NULL ||
	    (n = vty_hub_pick(ss->ss_l.vl_hub, TRANSPORT_SSH)) < 0) {
		vty_refuse(fd);
		ss->ss_refused++;
		return;
	}
	/*
	 * libssh closes the socket it was given when a read or write on it
	 * fails (a client that left while its `exit` was answered), and the
	 * event loop would then poll that number until the connection's end
	 * and meet it again as the next accept's: it gets a duplicate, and
	 * the number the loop polls closes only in sc_destroy.
	 */
	if ((sfd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		vty_refuse(fd);
		ss->ss_refused++;
		return;
	}
	bind = ssh_bind_new();
	sc = xcalloc(1, sizeof(*sc));
	sc->sc_srv = ss;
	sc->sc_fd = fd;
	sc->sc_sess = ssh_new();
	if (bind == NULL || sc->sc_sess == NULL ||
	    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_CIPHERS_C_S,
	    SSH_CIPHERS) != SSH_OK ||
	    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_CIPHERS_S_C,
	    SSH_CIPHERS) != SSH_OK ||
	    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_HMAC_C_S,
	    SSH_HMACS) != SSH_OK ||
	    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_HMAC_S_C,
	    SSH_HMACS) != SSH_OK ||
	    bind_key(bind, pem) != SSH_OK ||
	    ssh_bind_accept_fd(bind, sc->sc_sess, sfd) != SSH_OK) {
		/* The session owns its copy once accept_fd has set it. */
		if (sc->sc_sess == NULL || ssh_get_fd(sc->sc_sess) != sfd)
			close(sfd);
		close(fd);
		ssh_bind_free(bind);
		if (sc->sc_sess != NULL)
			ssh_free(sc->sc_sess);
		free(sc);
		ss->ss_refused++;
		return;
	}
	/* The session took a copy of the key: the bind is done with. */
	ssh_bind_free(bind);
	ssh_set_blocking(sc->sc_sess, 0);
	sc->sc_scb.userdata = sc;
	sc->sc_scb.auth_password_function = sc_auth_password;
	sc->sc_scb.channel_open_request_session_function = sc_chan_open;
	ssh_callbacks_init(&sc->sc_scb);
	ssh_set_server_callbacks(sc->sc_sess, &sc->sc_scb);
	ssh_set_auth_methods(sc->sc_sess, SSH_AUTH_METHOD_PASSWORD);
	if (evloop_add_fd(ss->ss_l.vl_loop, fd, POLLIN, sc_io, sc) < 0)
		abort();
	vty_addrs(fd, peer, sizeof(peer), &lport);
	sc->sc_vc = vc_new(ss->ss_l.vl_hub, (unsigned)n, &sc_transport, sc, peer,
	    lport);
	sc->sc_timer = evloop_timer_add(ss->ss_l.vl_loop, SSH_AUTH_TIMEOUT_MS,
	    sc_timeout, sc);
	sc_io(fd, POLLIN, sc);
}

struct ssh_server *
ssh_server_new(struct router *r, const char *spec, struct strbuf *err)
{
	struct ssh_server	*ss;

	ss = xcalloc(1, sizeof(*ss));
	ss->ss_router = r;
	LIST_INIT(&ss->ss_lingering);
	if (!vty_listener_open(&ss->ss_l, r, spec, ss_accept, ss, err)) {
		free(ss);
		return NULL;
	}
	return ss;
}

void
ssh_server_addr(const struct ssh_server *ss, struct strbuf *out)
{
	strbuf_puts(out, ss->ss_l.vl_addr.sb_buf);
}

void
ssh_server_free(struct ssh_server *ss)
{
	if (ss == NULL)
		return;
	vty_listener_close(&ss->ss_l, &sc_transport);
	while (!LIST_EMPTY(&ss->ss_lingering))
		sc_destroy(LIST_FIRST(&ss->ss_lingering));
	free(ss);
}

