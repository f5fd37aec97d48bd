/*
 * fixture: one router with one console session whose output is
 * captured, the shape every command-level Check test drives.  A struct,
 * not globals, so a test can run two routers side by side.
 */
#ifndef IOSH_TESTS_FIXTURE_H
#define IOSH_TESTS_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "lib/strbuf.h"
#include "shell/router.h"
#include "shell/session.h"

/* 2023-11-14 22:13:20.123 UTC: the instant the tests freeze the clock at. */
#define FX_EPOCH_MS	1700000000123LL

struct fixture {
	struct router	 fx_rt;
	struct session	*fx_sess;
	struct strbuf	 fx_out;	/* command output and async messages */
};

/* A router (its nvram in NVRAM_DIR, or none if NULL) and a session in
 * user exec.  The caller sets the clock first. */
void		 fx_open(struct fixture *, const char *nvram_dir);
void		 fx_close(struct fixture *);
/* Run LINE (the session must go on) and return what it printed. */
const char	*fx_run(struct fixture *, const char *line);
/* Run every line of TEXT; each may print nothing but console messages
 * stamped at boot ("00:00:00: %LINK-3-UPDOWN: ..."). */
void		 fx_run_quiet(struct fixture *, const char *text);
/* configure terminal, every line of TEXT (as fx_run_quiet), end. */
void		 fx_config(struct fixture *, const char *text);
/* The same where IOS may add a note ("% NOTE: This new crypto map will
 * remain disabled ..."): any other "% " line fails the test. */
void		 fx_config_notes(struct fixture *, const char *text);
/* Run the loops of the N routers FX[0..N-1] until their wires are quiet
 * (40 rounds of at most 1 ms each: bounded). */
void		 fx_pump(struct fixture *fx, int n);
/* FX's dataplane. */
struct dataplane *fx_dp(struct fixture *);
/* The current prompt ("Router(config)#"), valid until the next call. */
const char	*fx_prompt(struct fixture *);
/* A UDP port on 127.0.0.1 nobody uses right now (the kernel's pick,
 * released), for udp: wires between routers in one test. */
int		 fx_udp_port(void);
/* Attach FX's interface NAME to a udp: wire from LPORT to
 * 127.0.0.1:RPORT (as `iosh --attach`). */
void		 fx_attach_udp(struct fixture *, const char *name, int lport,
		    int rport);
/* A udp: wire between A's interface IFA and B's IFB (two ports of
 * fx_udp_port), as a lab's link line makes one. */
void		 fx_wire(struct fixture *a, const char *ifa, struct fixture *b,
		    const char *ifb);
/* Decode hex S, skipping blanks and newlines, into OUT (at most MAX
 * bytes); returns the byte count.  For known-answer vectors. */
size_t		 fx_hex(const char *s, uint8_t *out, size_t max);
/* IOS's answer to a rejected word: the caret at column COL. */
const char	*fx_invalid_at(size_t col);

#endif
